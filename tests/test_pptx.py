"""The PowerPoint deck, opened again with python-pptx: one 16:9 slide per step in the explainer's
order, the step's clip embedded (it decodes with PyAV to the step's length), its first frame as
the poster, the clip starting by itself, the narration in the speaker notes; built from the
cached clips of `render.py all`. Fixture scenes at 128×72, 5 frames a second."""

import io

import av
import numpy as np
import pytest
from click.testing import CliRunner
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

import render
from pipeline import api
from pipeline.pptx_deck import build_pptx
from pipeline.runner import RunSummary, run
from pipeline.settings import RenderSettings, Request
from pipeline.slides import sections_of
from pipeline.video import clip_duration
from tests.fixture_scene import FIXTURES

NS = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main"}
# what FixtureScene and OtherFixtureScene narrate, step by step (tests/fixture_scene.py)
NARRATION = ["A table appears.", "One row is pointed at.", "A table appears.", "Another row is pointed at."]
TITLES = ["1. A fixture", "1. A fixture", "2. Another fixture", "2. Another fixture"]


def xpath(element, query: str) -> list:
    return etree.XPath(query, namespaces=NS)(element)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    request = Request(FIXTURES, settings=RenderSettings(resolution=(128, 72), fps=5), media_dir=media, jobs=1, quiet=True)
    clips = run(request)  # `render.py all` first: the deck then renders nothing
    assert not clips.failed, [c.error for c in clips.failed]
    path, summary = build_pptx(request)
    return path, summary, media


@pytest.fixture(scope="module")
def deck(built):
    return Presentation(str(built[0]))


def movie_of(slide):
    (movie,) = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.MEDIA]
    return movie


def related_blob(slide, element, attribute_path: str) -> tuple:
    (rel_id,) = xpath(element, attribute_path)
    part = slide.part.related_part(rel_id)
    return part.blob, part.content_type


def test_built_from_the_cached_clips_at_the_documented_path(built):
    path, summary, media = built
    assert [c.cached for c in summary.clips] == [True] * len(FIXTURES)
    assert path == media / "dark" / "attention_explainer-128x72-5fps.pptx"
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_one_16_by_9_slide_per_step_with_the_chapter_title(deck):
    assert deck.slide_width * 9 == deck.slide_height * 16
    assert [slide.shapes.title.text for slide in deck.slides] == TITLES


def test_every_slide_embeds_its_step_clip_filling_the_slide(deck, built, tmp_path):
    _, summary, _ = built
    sections = [s["path"] for clip in summary.clips for s in sections_of(clip.cache_path)]
    assert len(deck.slides) == len(sections) == 4
    for number, (slide, section) in enumerate(zip(deck.slides, sections)):
        movie = movie_of(slide)
        assert (movie.left, movie.top, movie.width, movie.height) == (0, 0, deck.slide_width, deck.slide_height)
        blob, content_type = related_blob(slide, movie._element, ".//p14:media/@r:embed")
        assert content_type == "video/mp4" and blob == section.read_bytes()
        embedded = tmp_path / f"{number}.mp4"
        embedded.write_bytes(blob)
        with av.open(str(embedded)) as container:
            frames = sum(1 for _ in container.decode(video=0))
        assert frames / 5 == pytest.approx(clip_duration(section), abs=0.01) and frames > 5


def test_the_poster_is_the_clips_last_frame(deck, tmp_path):
    """The picture the step ends on, so a printed deck shows what the step built."""
    for number, slide in enumerate(deck.slides):
        movie = movie_of(slide)
        poster, content_type = related_blob(slide, movie._element, ".//a:blip/@r:embed")
        video, _ = related_blob(slide, movie._element, ".//p14:media/@r:embed")
        assert content_type == "image/png"
        (tmp_path / f"{number}.mp4").write_bytes(video)
        with av.open(str(tmp_path / f"{number}.mp4")) as container:
            last = [frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)][-1]
        picture = np.asarray(Image.open(io.BytesIO(poster)).convert("RGB"))
        assert picture.shape == (72, 128, 3) and np.array_equal(picture, last)
        assert picture.std() > 0  # a picture, not a blank


def test_speaker_notes_are_each_steps_narration(deck):
    assert [slide.notes_slide.notes_text_frame.text for slide in deck.slides] == NARRATION


def test_each_clip_starts_when_its_slide_is_shown(deck):
    for slide in deck.slides:
        (timing,) = xpath(slide.element, "p:timing")
        (main_sequence,) = xpath(timing, ".//p:cTn[@nodeType='mainSeq']")
        (play,) = xpath(timing, ".//p:cmd[@cmd='playFrom(0.0)']")
        assert xpath(play, ".//p:spTgt/@spid") == [str(movie_of(slide).shape_id)]
        # the play command's group begins with the main sequence (the slide appearing), not on a click
        group = xpath(play, "ancestor::p:par/p:cTn[p:stCondLst/p:cond[@evt='onBegin']]")
        assert group and xpath(group[0], "p:stCondLst/p:cond[@evt='onBegin']/p:tn/@val") == [main_sequence.get("id")]
        assert not xpath(timing, ".//p:cTn[@nodeType='clickEffect']")


def test_the_command_builds_the_deck_through_the_api(tmp_path, monkeypatch):
    """`render.py pptx` turns its options into one Request and calls api.powerpoint."""
    calls = []

    def powerpoint(request):
        calls.append(request)
        return api.Deck(tmp_path / "deck.pptx", RunSummary())

    monkeypatch.setattr(api, "powerpoint", powerpoint)
    result = CliRunner().invoke(render.cli, ["pptx", "--theme", "light", "--resolution", "256x144", "--fps", "5",
                                             "--quiet", "--media-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(f"pptx: {tmp_path / 'deck.pptx'}")
    (request,) = calls
    assert request.settings == RenderSettings(theme="light", resolution=(256, 144), fps=5)
    assert [info.name for info in request.scenes] == render.catalog.scene_names() and request.media_dir == tmp_path


def test_bad_options_exit_2_before_anything_renders(tmp_path):
    result = CliRunner().invoke(render.cli, ["pptx", "--resolution", "7x7", "--media-dir", str(tmp_path)])
    assert result.exit_code == 2 and result.output.startswith("error: --resolution")
    assert list(tmp_path.iterdir()) == []
