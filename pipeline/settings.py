"""What a render is asked to do, checked before anything renders (no manim import).

RenderSettings: everything that changes a clip's pixels or sound (and so its cache key).
ExampleSource: how to load the example, passed to worker processes instead of the Example.
Request: one render as the command line (or a notebook) asks for it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

from attention_math.errors import ExampleError
from attention_math.example import Example
from attention_math.loader import example_from_data, load_example
from pipeline.voice import VOICES, check_recordings, default_voice
from scenes.theme import THEMES

QUALITY = {"low": "low_quality", "medium": "medium_quality", "high": "high_quality", "4k": "fourk_quality"}
VIDEO_FORMATS = ("mp4", "webm", "mov", "gif")
JOINABLE = ("mp4", "webm", "mov")
FORMATS = VIDEO_FORMATS + ("png",)
TRANSPARENT_FORMATS = ("webm", "mov", "png")  # the formats whose codecs keep an alpha channel
SOUND_FORMATS = ("mp4", "webm", "mov")  # the formats with a sound track (gif and png have none)
SECTION_FORMAT = "mp4"  # clips in this format also keep one video per step: the slide deck's unit
STANDARD_FRAME_WIDTH = 8.0 * 16 / 9  # manim's frame: 8 units tall, 16:9
MIN_SIDE, MAX_SIDE = 16, 7680  # pixels; 7680 is 8K, the largest frame a user could want


@dataclass(frozen=True)
class RenderSettings:
    quality: str = "low"
    theme: str = "dark"
    fmt: str = "mp4"
    transparent: bool = False
    fps: Optional[int] = None
    resolution: Optional[tuple] = None  # (width, height) in pixels
    voice: str = field(default_factory=default_voice)  # "joe" or "none"; default $ATTENTION_VOICE, else joe
    voice_dir: Optional[str] = None  # recordings <cue id>.wav that replace the voice where present

    def __post_init__(self):
        if self.quality not in QUALITY:
            raise ExampleError("--quality", "value", f"'{self.quality}' is not a quality", f"use one of {', '.join(QUALITY)}")
        if self.theme not in THEMES:
            raise ExampleError("--theme", "value", f"'{self.theme}' is not a theme", f"use one of {', '.join(THEMES)}")
        if self.fmt not in FORMATS:
            raise ExampleError("--format", "value", f"'{self.fmt}' is not a format", f"use one of {', '.join(FORMATS)}")
        if self.transparent and self.fmt not in TRANSPARENT_FORMATS:
            raise ExampleError("--transparent", "--format", f"{self.fmt} cannot store transparency",
                               f"use --format {', '.join(TRANSPARENT_FORMATS[:-1])} or {TRANSPARENT_FORMATS[-1]}")
        if self.voice not in VOICES:
            raise ExampleError("--voice", "value", f"'{self.voice}' is not a voice", f"use one of {', '.join(VOICES)}")
        if self.voice_dir is not None:
            check_recordings(self.voice_dir)

    @property
    def voiced(self) -> bool:
        """Whether the narration is spoken (by the voice or from recordings), which sets the pacing."""
        return self.voice != "none" or self.voice_dir is not None

    @property
    def narrated(self) -> bool:
        """Whether clips carry the spoken narration as sound (every format but gif and png)."""
        return self.voiced and self.fmt in SOUND_FORMATS

    @property
    def folder(self) -> str:
        """The output folder under media/<theme>/: the quality, or the custom size and rate."""
        name = self.quality if self.resolution is None else f"{self.resolution[0]}x{self.resolution[1]}"
        if self.fps is not None:
            name += f"-{self.fps}fps"
        return name + ("-transparent" if self.transparent else "")

    @property
    def sections(self) -> bool:
        """Whether clips keep one video per step (for the slide deck): always, for mp4."""
        return self.fmt == SECTION_FORMAT and not self.transparent

    def for_deck(self) -> "RenderSettings":
        """The slide deck's clips: mp4 on the theme's background, otherwise the same."""
        return replace(self, fmt=SECTION_FORMAT, transparent=False)

    def manim_config(self) -> dict:
        config = {"quality": QUALITY[self.quality], "format": self.fmt, "transparent": self.transparent,
                  "save_sections": self.sections}
        if self.fps is not None:
            config["frame_rate"] = self.fps
        if self.resolution is not None:
            width, height = self.resolution
            config.update(pixel_width=width, pixel_height=height)
            # keep the 16:9 layout's width: a taller frame (vertical video) gets more height,
            # never smaller text
            if width / height < 16 / 9:
                config.update(frame_width=STANDARD_FRAME_WIDTH, frame_height=STANDARD_FRAME_WIDTH * height / width)
            else:
                config.update(frame_height=8.0, frame_width=8.0 * width / height)
        return config


def parse_resolution(text: Optional[str]) -> Optional[tuple]:
    """'1080x1920' -> (1080, 1920); None -> None. Both sides even, between MIN_SIDE and MAX_SIDE."""
    if text is None:
        return None
    match = re.fullmatch(r"([0-9]{1,6})[xX×]([0-9]{1,6})", text.strip(), flags=re.ASCII)
    if not match:
        raise ExampleError("--resolution", "value", f"'{text[:40]}' is not WIDTHxHEIGHT", "write e.g. --resolution 1080x1920")
    size = (int(match.group(1)), int(match.group(2)))
    if min(size) < MIN_SIDE or max(size) > MAX_SIDE:
        raise ExampleError("--resolution", "value", f"{size[0]}x{size[1]} is outside {MIN_SIDE} to {MAX_SIDE} pixels a side",
                           "use e.g. 1920x1080 or 1080x1920")
    if any(v % 2 for v in size):
        raise ExampleError("--resolution", "value", f"{size[0]}x{size[1]} has an odd side; video encoders need even sizes",
                           f"use {size[0] // 2 * 2}x{size[1] // 2 * 2}")
    return size


@dataclass(frozen=True)
class ExampleSource:
    """How to load the example: passed to worker processes instead of the (unpicklable) Example."""

    path: Optional[str] = None
    sentences: tuple = ()
    focus: Optional[str] = None
    heads: Optional[int] = None
    seed: Optional[int] = None
    data: Optional[str] = None  # instead of a file: the example as JSON text (pipeline.api makes it from Python data)

    def load(self) -> Example:
        options = dict(sentences=list(self.sentences) or None, focus=self.focus, heads=self.heads, seed=self.seed)
        if self.data is not None:
            return example_from_data(json.loads(self.data), **options)
        return load_example(self.path, **options)


@dataclass(frozen=True)
class Request:
    """One render: which scenes, from which example, with which settings, where, how."""

    scenes: tuple          # of pipeline.catalog.SceneInfo, in the explainer's order
    source: ExampleSource = ExampleSource()
    settings: RenderSettings = RenderSettings()
    media_dir: Path = Path("media")
    jobs: int = 0          # worker processes; 0: one per core
    quiet: bool = False    # no progress display and no summary

    def checked_example(self) -> Example:
        """Load the example and check every scene can draw it: all before anything renders."""
        from pipeline.limits import check_drawable

        example = self.source.load()
        for info in self.scenes:
            check_drawable(example, info.name, sentences_given=bool(self.source.sentences))
        return example
