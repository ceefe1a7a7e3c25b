"""The offline slide deck: one slide per step, every referenced file present, and the page
loads in headless Chromium with the network off, videos included."""

import re

import pytest

from pipeline.catalog import scene_class
from pipeline.runner import run
from pipeline.settings import RenderSettings, Request
from pipeline.slides import REVEAL_DIR, build_deck
from tests.fixture_scene import FIXTURES
from tests.headless import CHROMIUM, dump_dom


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    if not (REVEAL_DIR / "reveal.js").exists():
        pytest.fail("reveal.js assets missing: run scripts/setup.sh")
    media = tmp_path_factory.mktemp("media")
    request = Request(FIXTURES, settings=RenderSettings(resolution=(128, 72), fps=5), media_dir=media, jobs=2, quiet=True)
    clips = run(request)  # `render.py all` first: the deck then renders nothing
    assert not clips.failed, [c.error for c in clips.failed]
    page, summary = build_deck(request)
    assert not summary.failed, [c.error for c in summary.failed]
    assert [c.cached for c in summary.clips] == [True] * len(FIXTURES)
    return page


def test_one_slide_per_step_in_explainer_order(deck):
    html = deck.read_text(encoding="utf-8")
    slides = re.findall(r'<section data-scene="([^"]+)" data-step="([^"]+)"', html)
    expected = [(info.name, step) for info in FIXTURES for step in scene_class(info).steps]
    assert slides == expected


def test_every_referenced_file_is_beside_the_page(deck):
    html = deck.read_text(encoding="utf-8")
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(r.endswith(".mp4") for r in references) and "reveal/reveal.js" in references
    for ref in references:
        assert "://" not in ref and not ref.startswith("//"), f"{ref} would need the network"
        assert (deck.parent / ref).is_file(), ref


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is installed by scripts/setup.sh --test")
def test_deck_loads_offline_in_headless_chromium(deck, tmp_path):
    result = dump_dom(deck, tmp_path / "profile")
    dom = result.stdout
    reveal = re.search(r'<div class="reveal( [^"]*)"', dom)
    assert reveal and "ready" in reveal.group(1).split(), result.stderr[-2000:]  # reveal.js initialised
    total = len(re.findall(r"<video", dom))
    loaded = re.search(r'data-videos="(\d+)/(\d+)/(\d+)"', dom)
    assert loaded, "the page's video check did not run"
    ok, bad, count = map(int, loaded.groups())
    assert count == total and bad == 0 and ok == total, loaded.group(0)
