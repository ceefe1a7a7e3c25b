"""A real render through the command line, as a user runs it (small, but a real video)."""

import av
from click.testing import CliRunner

import render


def test_scene_command_renders_a_real_video_with_subtitles(tmp_path):
    result = CliRunner().invoke(render.cli, ["scene", "scaling", "--resolution", "256x144", "--fps", "10",
                                             "--media-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    path = tmp_path / "dark" / "256x144-10fps" / "scaling.mp4"
    assert str(path.name) in result.output  # the summary names the output
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == (256, 144)
        duration = float(container.duration / av.time_base)
    assert 20 < duration < 135  # the per-chapter bound of test_every_animation_plays_through (scaling: ~98 s at reading pace)
    subtitles = path.with_suffix(".srt").read_text(encoding="utf-8")
    assert "so √d is 2.00" in subtitles  # the built-in example is 4-dimensional
    assert sorted(p.name for p in path.parent.iterdir()) == ["scaling.mp4", "scaling.srt", "scaling.vtt"]


def test_list_names_every_scene_in_order():
    result = CliRunner().invoke(render.cli, ["list"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    from scenes import ORDER

    assert [line.split()[1] for line in lines] == list(ORDER)
    assert [int(line.split(".")[0]) for line in lines] == list(range(1, len(ORDER) + 1))


def test_plain_manim_cli_runs_a_scene_on_the_builtin_example(tmp_path):
    """`manim scenes/<module>.py <Class>` works without render.py (dry run: every animation, no file)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    manim = Path(sys.executable).with_name("manim")
    env = {**os.environ, "ATTENTION_THEME": "light"}
    result = subprocess.run([str(manim), "--dry_run", "-ql", "--media_dir", str(tmp_path), "scenes/causal.py", "CausalScene"],
                            cwd=root, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
