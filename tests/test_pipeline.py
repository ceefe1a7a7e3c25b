"""The render pipeline: joined video and chapters, cache hits and misses, formats, atomic
failures. Real renders at a tiny size (128×72, few frames per second) to keep the suite quick."""

import os
from pathlib import Path

import av
import pytest
from click.testing import CliRunner
from PIL import Image

import render
from scenes import pipeline
from scenes.pipeline import ExampleSource, RenderSettings, run, stable_path
from scenes.video import clip_duration, read_chapters

TINY = dict(resolution=(128, 72), fps=5)
BUILTIN = ExampleSource()


def files_under(folder: Path) -> list:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and ".cache" not in p.parts)


@pytest.fixture(scope="module")
def joined(tmp_path_factory):
    """Two scenes in two worker processes, joined."""
    media = tmp_path_factory.mktemp("media")
    summary = run(["scaling", "causal"], BUILTIN, RenderSettings(**TINY), media, jobs=2, quiet=True)
    return media, summary


def test_joined_video_has_one_chapter_per_scene_and_the_sum_of_durations(joined):
    media, summary = joined
    assert not summary.failed
    clips = [c.path for c in summary.clips]
    total = sum(clip_duration(p) for p in clips)
    assert clip_duration(summary.joined) == pytest.approx(total, abs=0.05)
    chapters = read_chapters(summary.joined)
    assert [c.title for c in chapters] == ["1. Scaling by √d", "2. The causal mask"]
    assert chapters[0].start == 0 and chapters[1].start == pytest.approx(clip_duration(clips[0]), abs=0.05)
    text = summary.joined.with_suffix(".chapters.txt").read_text().splitlines()
    assert text[0] == "0:00 1. Scaling by √d" and text[1].endswith("2. The causal mask")


def test_outputs_sit_at_documented_paths_with_subtitles(joined):
    media, summary = joined
    folder = media / "dark" / "128x72-5fps"
    assert summary.clips[0].path == stable_path(media, "scaling", RenderSettings(**TINY)) == folder / "scaling.mp4"
    for name in ("scaling", "causal", "attention_explainer"):
        assert (folder / f"{name}.srt").exists() and (folder / f"{name}.vtt").read_text().startswith("WEBVTT")
    # the full video's subtitles are the clips' subtitles, shifted by each chapter's start
    full = (folder / "attention_explainer.srt").read_text(encoding="utf-8")
    assert full.count("-->") == sum((folder / f"{n}.srt").read_text().count("-->") for n in ("scaling", "causal"))
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_second_run_is_all_cache_hits(joined):
    media, first = joined
    again = run(["scaling", "causal"], BUILTIN, RenderSettings(**TINY), media, jobs=1, quiet=True)
    assert [c.cached for c in again.clips] == [True, True]
    assert again.joined.read_bytes() == first.joined.read_bytes()


def test_changing_the_example_rerenders_only_what_depends_on_it(tmp_path):
    settings = RenderSettings(**TINY)
    run(["scaling", "projections"], BUILTIN, settings, tmp_path, jobs=1, join=False, quiet=True)
    # a new seed changes the learned weights only: the projections scene re-renders, scaling does not
    summary = run(["scaling", "projections"], ExampleSource(seed=5, heads=2), settings, tmp_path, jobs=1, join=False, quiet=True)
    assert [c.cached for c in summary.clips] == [True, False]
    # other settings are other cache entries
    light = run(["scaling"], BUILTIN, RenderSettings(theme="light", **TINY), tmp_path, jobs=1, quiet=True)
    assert light.clips[0].cached is False and light.clips[0].path.parent.parent.name == "light"


def test_cache_key_covers_code_and_settings():
    from attention_math import load_example

    example_fp = pipeline.example_fingerprint(load_example(), ())
    base = pipeline.cache_key("scaling", example_fp, "code-a", RenderSettings())
    assert pipeline.cache_key("scaling", example_fp, "code-b", RenderSettings()) != base
    for change in (dict(quality="high"), dict(fmt="webm"), dict(theme="light"), dict(fps=30), dict(resolution=(1080, 1920))):
        assert pipeline.cache_key("scaling", example_fp, "code-a", RenderSettings(**change)) != base


@pytest.mark.parametrize("fmt,container_name", [("webm", "webm"), ("mov", "mov"), ("gif", "gif")])
def test_each_video_format_has_its_container(tmp_path, fmt, container_name):
    summary = run(["causal"], BUILTIN, RenderSettings(fmt=fmt, **TINY), tmp_path, jobs=1, quiet=True)
    path = summary.clips[0].path
    assert path.suffix == f".{fmt}"
    with av.open(str(path)) as container:
        assert container_name in container.format.name.split(",")
        assert container.streams.video[0].codec_context.width == 128


def test_transparent_webm_has_an_alpha_channel(tmp_path):
    summary = run(["causal"], BUILTIN, RenderSettings(fmt="webm", transparent=True, **TINY), tmp_path, jobs=1, quiet=True)
    with av.open(str(summary.clips[0].path)) as container:
        frame = next(container.decode(video=0))
        assert "a" in frame.format.name or container.streams.video[0].codec_context.pix_fmt == "yuva420p" \
            or container.streams.video[0].metadata.get("alpha_mode") == "1"


def test_png_is_the_final_frame_as_a_still(tmp_path):
    summary = run(["causal"], BUILTIN, RenderSettings(fmt="png", **TINY), tmp_path, jobs=1, quiet=True)
    path = summary.clips[0].path
    assert path.name == "causal.png" and summary.joined is None
    with Image.open(path) as image:
        assert image.size == (128, 72)


def test_vertical_resolution_keeps_the_layout_width():
    config = RenderSettings(resolution=(1080, 1920)).manim_config()
    assert config["frame_width"] == pytest.approx(8 * 16 / 9)
    assert config["frame_height"] == pytest.approx(8 * 16 / 9 * 1920 / 1080)


def test_a_failing_scene_leaves_no_partial_file_and_the_others_finish(tmp_path, monkeypatch):
    from scenes import scaling

    def boom(self):
        raise RuntimeError("forced failure")

    monkeypatch.setattr(scaling.ScalingScene, "divide", boom)
    summary = run(["scaling", "causal"], BUILTIN, RenderSettings(**TINY), tmp_path, jobs=1, quiet=True)
    assert [c.scene for c in summary.failed] == ["scaling"] and "forced failure" in summary.failed[0].error
    assert summary.joined is None  # an explainer with a missing chapter is not made
    assert files_under(tmp_path) == ["dark/128x72-5fps/causal.mp4", "dark/128x72-5fps/causal.srt", "dark/128x72-5fps/causal.vtt"]
    assert not [p for p in tmp_path.rglob(".work-*")]  # the work folder of the failed scene is gone


def test_cli_reports_the_failed_scene_and_exits_non_zero(tmp_path, monkeypatch):
    from scenes import scaling

    monkeypatch.setattr(scaling.ScalingScene, "divide", lambda self: 1 / 0)
    result = CliRunner().invoke(render.cli, ["scene", "scaling", "--resolution", "128x72", "--fps", "5",
                                             "--media-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "error: scene scaling failed: ZeroDivisionError" in result.output
    assert files_under(tmp_path) == []


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
    deadline = time.time() + 60
    while not list(tmp_path.rglob(".work-*")) and time.time() < deadline:  # wait until it is rendering
        time.sleep(0.2)
    time.sleep(1.0)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: the whole process group
    assert process.wait(timeout=60) == 130
    assert "interrupted" in process.stderr.read()
    assert files_under(tmp_path) == []
    assert not list(tmp_path.rglob(".work-*")) and not list(tmp_path.rglob("*.part"))
