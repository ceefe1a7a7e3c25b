"""A few real renders (small, but real video files) through the same path users take."""

from pathlib import Path

import av
import pytest
from click.testing import CliRunner

import render
from attention_math import load_example
from scenes.registry import BY_NAME
from scenes.rendering import output_path, render_scene


def test_scene_renders_to_a_real_video_with_subtitles(tmp_path):
    path = render_scene(BY_NAME["scaling"], load_example(), quality="low", theme="dark", media_dir=tmp_path,
                        extra_config={"pixel_width": 256, "pixel_height": 144, "frame_rate": 10})
    assert path == output_path(tmp_path, BY_NAME["scaling"], "low", "dark") == tmp_path / "dark" / "low" / "scaling.mp4"
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == (256, 144)
        duration = float(container.duration / av.time_base)
    assert 10 < duration < 90  # a clip a lecturer can drop in
    subtitles = path.with_suffix(".srt").read_text(encoding="utf-8")
    assert "√d" in subtitles or "square root" in subtitles
    # nothing but the finished files is left in the output folder
    assert sorted(p.name for p in path.parent.iterdir()) == ["scaling.mp4", "scaling.srt"]


def test_failed_render_leaves_no_file(tmp_path, monkeypatch):
    from scenes import scaling

    def boom(self):
        raise RuntimeError("forced failure")

    monkeypatch.setattr(scaling.ScalingScene, "divide", boom)
    with pytest.raises(RuntimeError, match="forced failure"):
        render_scene(BY_NAME["scaling"], load_example(), quality="low", theme="dark", media_dir=tmp_path,
                     extra_config={"pixel_width": 128, "pixel_height": 72, "frame_rate": 5})
    leftovers = [p for p in Path(tmp_path).rglob("*") if p.is_file()]
    assert leftovers == []


def test_list_names_every_scene_in_order():
    result = CliRunner().invoke(render.cli, ["list"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert [line.split()[1] for line in lines] == ["embeddings", "scores", "scaling", "softmax", "output", "contexts",
                                                    "projections", "dimensions", "multihead", "causal"]
