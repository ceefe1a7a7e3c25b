"""Render one scene in this process with manim's own renderer (imports manim)."""

from __future__ import annotations

import importlib
import os
import shutil
import tempfile
from pathlib import Path

from attention_math import Example
from scenes.registry import SceneInfo
from scenes.theme import theme_named

QUALITY = {"low": "low_quality", "medium": "medium_quality", "high": "high_quality", "4k": "fourk_quality"}


def scene_class(info: SceneInfo):
    return getattr(importlib.import_module(f"scenes.{info.module}"), info.class_name)


def output_path(media_dir: Path, info: SceneInfo, quality: str, theme: str, fmt: str = "mp4") -> Path:
    """The stable place of a clip: media/<theme>/<quality>/<scene>.<format>."""
    return Path(media_dir) / theme / quality / f"{info.name}.{fmt}"


def render_scene(info: SceneInfo, example: Example, *, quality: str, theme: str, media_dir: Path,
                 fmt: str = "mp4", extra_config: dict | None = None) -> Path:
    """Render into a private work folder (own tex and partial-movie dirs), then move the
    finished file to its stable path: a failed or interrupted render leaves nothing there."""
    from manim import tempconfig

    final = output_path(media_dir, info, quality, theme, fmt)
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{info.name}-", dir=final.parent))
    try:
        settings = {
            "quality": QUALITY[quality],
            "media_dir": str(work),
            "tex_dir": str(work / "tex"),
            "partial_movie_dir": str(work / "partial"),
            "video_dir": str(work / "video"),
            "images_dir": str(work / "images"),
            "output_file": info.name,
            "format": fmt,
            "disable_caching": True,
            "verbosity": "WARNING",
            "progress_bar": "none",
        }
        settings.update(extra_config or {})
        with tempconfig(settings):
            scene = scene_class(info)(example=example, theme=theme_named(theme))
            scene.render()
            plan = scene.renderer.file_writer.output_plan
            produced = Path(plan.primary_artifact)
            subcaptions = Path(plan.subcaption_file) if plan.subcaption_file else None
        if subcaptions is not None and subcaptions.exists():
            os.replace(subcaptions, final.with_suffix(".srt"))
        os.replace(produced, final)
        return final
    finally:
        shutil.rmtree(work, ignore_errors=True)
