"""The render pipeline: joined video and chapters, cache hits and misses, formats, atomic
failures. Real renders of two-second fixture scenes (tests/fixture_scene.py) at a tiny size
(128×72, 5 frames a second); the real scenes render through the command line in a few tests."""

import os
from pathlib import Path

import av
import numpy as np
import pytest
from click.testing import CliRunner
from manim import ManimColor
from PIL import Image

import render
from pipeline import catalog
from pipeline.cache import clip_key, drawing_files, example_fingerprint
from pipeline.runner import run, stable_path
from pipeline.settings import ExampleSource, RenderSettings, Request
from pipeline.video import clip_duration, read_chapters
from scenes.theme import theme_named
from tests import fixture_scene
from tests.fixture_scene import FIXTURES

TINY = dict(resolution=(128, 72), fps=5)
BUILTIN = ExampleSource()


def render_fixtures(scenes=FIXTURES, source=BUILTIN, media=None, jobs=1, join=True, **settings):
    """Render fixture scenes through the pipeline, as the command line does."""
    request = Request(tuple(scenes), source, RenderSettings(**{**TINY, **settings}), media, jobs=jobs, quiet=True)
    return run(request, join=join)


def files_under(folder: Path) -> list:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and ".cache" not in p.parts)


@pytest.fixture(scope="module")
def joined(tmp_path_factory):
    """Two scenes in two worker processes, joined."""
    media = tmp_path_factory.mktemp("media")
    summary = render_fixtures(media=media, jobs=2)
    return media, summary


def test_joined_video_has_one_chapter_per_scene_and_the_sum_of_durations(joined):
    media, summary = joined
    assert not summary.failed
    clips = [c.path for c in summary.clips]
    total = sum(clip_duration(p) for p in clips)
    assert clip_duration(summary.joined) == pytest.approx(total, abs=0.05)
    chapters = read_chapters(summary.joined)
    assert [c.title for c in chapters] == ["1. A fixture", "2. Another fixture"]
    assert chapters[0].start == 0 and chapters[1].start == pytest.approx(clip_duration(clips[0]), abs=0.05)
    text = summary.joined.with_suffix(".chapters.txt").read_text().splitlines()
    assert text[0] == "0:00 1. A fixture" and text[1].endswith("2. Another fixture")


def test_outputs_sit_at_documented_paths_with_subtitles(joined):
    media, summary = joined
    folder = media / "dark" / "128x72-5fps"
    assert summary.clips[0].path == stable_path(media, "fixture", RenderSettings(**TINY)) == folder / "fixture.mp4"
    for name in ("fixture", "other", "attention_explainer"):
        assert (folder / f"{name}.srt").exists() and (folder / f"{name}.vtt").read_text().startswith("WEBVTT")
    # the full video's subtitles are the clips' subtitles, shifted by each chapter's start
    full = (folder / "attention_explainer.srt").read_text(encoding="utf-8")
    assert full.count("-->") == sum((folder / f"{n}.srt").read_text().count("-->") for n in ("fixture", "other"))
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_second_run_is_all_cache_hits(joined):
    media, first = joined
    again = render_fixtures(media=media)
    assert [c.cached for c in again.clips] == [True, True]
    assert again.joined.read_bytes() == first.joined.read_bytes()


def test_changing_the_example_rerenders_only_what_depends_on_it(tmp_path):
    uses_weights = fixture_scene.SceneInfo("other", "OtherFixtureScene", "Another fixture", "", ("projection",), 2,
                                           module="tests.fixture_scene")
    scenes = (FIXTURES[0], uses_weights)
    render_fixtures(scenes, media=tmp_path, join=False)
    # a new seed changes the learned weights only: the scene that draws them re-renders, the other does not
    summary = render_fixtures(scenes, ExampleSource(seed=5, heads=2), media=tmp_path, join=False)
    assert [c.cached for c in summary.clips] == [True, False]
    # other settings are other cache entries
    light = render_fixtures(FIXTURES[:1], media=tmp_path, theme="light")
    assert light.clips[0].cached is False and light.clips[0].path.parent.parent.name == "light"


def test_cache_key_covers_code_and_settings():
    from attention_math import load_example

    example_fp = example_fingerprint(load_example(), ())
    base = clip_key("scaling", example_fp, "code-a", RenderSettings())
    assert clip_key("scaling", example_fp, "code-b", RenderSettings()) != base
    for change in (dict(quality="high"), dict(fmt="webm"), dict(theme="light"), dict(fps=30), dict(resolution=(1080, 1920))):
        assert clip_key("scaling", example_fp, "code-a", RenderSettings(**change)) != base


def test_a_clips_code_is_its_scene_and_what_it_imports():
    """Editing the deck, the reports or the pipeline leaves every clip valid; editing a scene
    invalidates that scene and the scenes that import it."""
    every = {info.name: set(drawing_files(info.module)) for info in catalog.scenes()}
    for files in every.values():
        assert {"scenes/base.py", "scenes/components.py", "scenes/theme.py", "attention_math/core.py"} <= files
        assert not any(f.startswith("pipeline/") for f in files)
        assert not {"attention_math/report.py", "attention_math/workbook.py", "attention_math/loader.py"} & files
    using_softmax = sorted(name for name, files in every.items() if "scenes/softmax.py" in files)
    assert using_softmax == ["softmax"]
    # dimensions and multihead draw projections' feature names, so they depend on that module too
    assert sorted(name for name, files in every.items() if "scenes/projections.py" in files) == [
        "dimensions", "multihead", "projections"]


def test_editing_a_scene_changes_its_fingerprint_only(tmp_path, monkeypatch):
    from pipeline import cache

    copy = tmp_path / "root"
    for folder in ("scenes", "attention_math"):
        import shutil

        shutil.copytree(cache.ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "ROOT", copy)
    cache.drawing_files.cache_clear()
    cache.code_fingerprint.cache_clear()
    try:
        before = {info.name: cache.code_fingerprint(info.module) for info in catalog.scenes()}
        with open(copy / "scenes" / "softmax.py", "a") as handle:
            handle.write("# an edit\n")
        (copy / "attention_math" / "report.py").write_text("# rewritten\n")
        cache.code_fingerprint.cache_clear()
        after = {info.name: cache.code_fingerprint(info.module) for info in catalog.scenes()}
    finally:
        cache.drawing_files.cache_clear()
        cache.code_fingerprint.cache_clear()
    assert [name for name in before if before[name] != after[name]] == ["softmax"]


@pytest.mark.parametrize("fmt,container_name", [("webm", "webm"), ("mov", "mov"), ("gif", "gif")])
def test_each_video_format_has_its_container(tmp_path, fmt, container_name):
    summary = render_fixtures(FIXTURES[:1], media=tmp_path, fmt=fmt)
    path = summary.clips[0].path
    assert path.suffix == f".{fmt}"
    with av.open(str(path)) as container:
        assert container_name in container.format.name.split(",")
        assert container.streams.video[0].codec_context.width == 128


def test_transparent_webm_has_an_alpha_channel(tmp_path):
    summary = render_fixtures(FIXTURES[:1], media=tmp_path, fmt="webm", transparent=True)
    with av.open(str(summary.clips[0].path)) as container:
        frame = next(container.decode(video=0))
        assert "a" in frame.format.name or container.streams.video[0].codec_context.pix_fmt == "yuva420p" \
            or container.streams.video[0].metadata.get("alpha_mode") == "1"


def test_png_is_the_final_frame_as_a_still(tmp_path):
    summary = render_fixtures(FIXTURES[:1], media=tmp_path, fmt="png")
    path = summary.clips[0].path
    assert path.name == "fixture.png" and summary.joined is None
    with Image.open(path) as image:
        assert image.size == (128, 72)
        pixels = np.asarray(image.convert("RGB")).reshape(-1, 3)
    # the table is drawn (a still is rendered with every animation skipped, then drawn once)
    background = np.array(ManimColor(theme_named("dark").background).to_rgb()) * 255
    assert (np.abs(pixels - background).max(axis=1) > 40).mean() > 0.05


def test_vertical_resolution_keeps_the_layout_width():
    config = RenderSettings(resolution=(1080, 1920)).manim_config()
    assert config["frame_width"] == pytest.approx(8 * 16 / 9)
    assert config["frame_height"] == pytest.approx(8 * 16 / 9 * 1920 / 1080)


def test_a_failing_scene_leaves_no_partial_file_and_the_others_finish(tmp_path, monkeypatch):
    def boom(self):
        raise RuntimeError("forced failure")

    monkeypatch.setattr(fixture_scene.FixtureScene, "point", boom)
    summary = render_fixtures(media=tmp_path)
    assert [c.scene for c in summary.failed] == ["fixture"] and "forced failure" in summary.failed[0].error
    assert summary.joined is None  # an explainer with a missing chapter is not made
    # the full traceback is kept in the media folder's logs, named in the result
    log = summary.failed[0].log
    assert log.parent == tmp_path / "logs" and "Traceback" in log.read_text() and "in boom" in log.read_text()
    assert [f for f in files_under(tmp_path) if not f.startswith("logs/")] == [
        "dark/128x72-5fps/other.mp4", "dark/128x72-5fps/other.srt", "dark/128x72-5fps/other.vtt"]
    assert not [p for p in tmp_path.rglob(".work-*")]  # the work folder of the failed scene is gone


def test_cli_reports_the_failed_scene_and_exits_non_zero(tmp_path, monkeypatch):
    from scenes import scaling

    monkeypatch.setattr(scaling.ScalingScene, "divide", lambda self: 1 / 0)
    result = CliRunner().invoke(render.cli, ["scene", "scaling", "--resolution", "128x72", "--fps", "5",
                                             "--media-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "error: scene scaling failed: ZeroDivisionError" in result.output
    assert "full traceback: " in result.output  # the one line names the log file
    assert [f.split("/")[0] for f in files_under(tmp_path)] == ["logs"]


@pytest.mark.parametrize("args,words", [
    (["--transparent"], ["--transparent", "mp4 cannot store transparency", "webm, mov or png"]),
    (["--resolution", "big"], ["--resolution", "not WIDTHxHEIGHT"]),
    (["--resolution", "1081x1920"], ["odd side", "1080x1920"]),
    (["--embeddings", "nope.yaml"], ["nope.yaml", "no such file"]),
])
def test_bad_render_options_exit_2_before_rendering(tmp_path, args, words):
    result = CliRunner().invoke(render.cli, ["all", "--media-dir", str(tmp_path), *args])
    assert result.exit_code == 2, result.output
    line = result.output.strip()
    assert line.startswith("error: ") and "\n" not in line
    for word in words:
        assert word in line
    assert files_under(tmp_path) == []


def test_two_renders_at_once_into_one_media_folder(tmp_path):
    """Both finish, and the clip at the shared path is a whole, playable video."""
    import subprocess
    import sys

    root = Path(render.__file__).resolve().parent
    command = [sys.executable, "render.py", "scene", "causal", "--resolution", "128x72", "--fps", "5", "--quiet",
               "--media-dir", str(tmp_path)]
    first = subprocess.Popen(command, cwd=root, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command, cwd=root, stderr=subprocess.PIPE, text=True)
    assert first.wait(timeout=300) == 0, first.stderr.read()
    assert second.wait(timeout=300) == 0, second.stderr.read()
    clip = tmp_path / "dark" / "128x72-5fps" / "causal.mp4"
    assert clip_duration(clip) > 5
    with av.open(str(clip)) as container:
        assert sum(1 for _ in container.decode(video=0)) > 25  # every frame decodes
    assert not [p for p in clip.parent.iterdir() if p.name.startswith(".")]


def test_ctrl_c_leaves_no_partial_file(tmp_path):
    """SIGINT in the middle of a render: exit 130, nothing at the final path, no work folders."""
    import signal
    import subprocess
    import sys
    import time

    root = Path(render.__file__).resolve().parent
    process = subprocess.Popen([sys.executable, "render.py", "scene", "output", "--resolution", "256x144", "--fps", "10",
                                "--media-dir", str(tmp_path)], cwd=root, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    for _ in range(300):  # wait (up to a minute) until it is rendering
        if list(tmp_path.rglob(".work-*")):
            break
        time.sleep(0.2)
    time.sleep(1.0)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: the whole process group
    assert process.wait(timeout=60) == 130
    assert "interrupted" in process.stderr.read()
    assert files_under(tmp_path) == []
    assert not list(tmp_path.rglob(".work-*")) and not list(tmp_path.rglob("*.part"))
