"""How clips are encoded: x264 settings chosen for these videos, held frames, and rendering a range
of a scene's steps (so one scene can be split between workers). Imports manim: worker side only.

- the H.264 settings are pipeline.h264's `H264_OPTIONS` (given to manim by `encoder_config`).
- `SegmentEncoder` replaces manim's segment encoder: a frame that is repeated (a hold) is
  converted from RGBA once, not once per repeat, and in H.264 a segment that is one held picture
  is encoded once, its other frames written as skipped frames (pipeline.h264). Every other
  frame is encoded exactly as manim does.
- `ExplainerRenderer` renders a scene, or only the steps `steps` of it (the others are played
  with their animations skipped, and the scene ends after the last one in `steps`). A skipped
  animation advances the scene's clock by whole frames, as a rendered one does, so a range
  starts at the very frame, and its narration cues at the very time, of the whole render, and
  the ranges joined by stream copy are the whole clip.
"""

from __future__ import annotations

from fractions import Fraction
from functools import partial
from pathlib import Path
from typing import Optional

import av
import numpy as np
from manim import config
from manim.camera.moving_camera import MovingCamera
from manim.renderer.cairo_renderer import CairoRenderer
from manim.scene.scene_file_writer import SceneFileWriter
from manim.utils.exceptions import EndSceneEarlyException

from scenes import HAND_OVER_SECTION
from pipeline.h264 import H264, START_CODE, HeldFrames, hold_options


class SegmentEncoder:
    """Encodes one segment (one animation) as manim's VideoSegmentEncoder does, with held frames:
    same constructor, `write_frame(pixels, repeat=)`, `finish()`, `abort()` and `target`."""

    def __init__(self, *, target: Path, spec):
        self.target, self.spec = Path(target), spec
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.frame_time = Fraction(spec.frame_rate.denominator, spec.frame_rate.numerator)
        self.container = av.open(str(self.target), mode="w", format=spec.container_format)
        self.stream = None  # added with the first picture: its settings depend on whether it is held
        self.frames = 0     # frames encoded so far
        self.first = None   # the segment's first picture and its repeat, held back: is it a hold?
        self.closed = False

    def _open(self, options: dict) -> None:
        self.stream = self.container.add_stream(self.spec.codec, rate=self.spec.frame_rate, options=options)
        self.stream.pix_fmt, self.stream.width, self.stream.height = self.spec.pixel_format, self.spec.width, self.spec.height

    def _encode(self, frame: Optional[av.VideoFrame], repeat: int = 1) -> list:
        """Encode `frame` `repeat` times at the next frame times (None: flush the encoder)."""
        packets = []
        for _ in range(repeat):
            if frame is not None:
                frame.pts = self.frames
                self.frames += 1
            packets += self.stream.encode(frame)
        for packet in packets:
            self.container.mux(packet)
        return packets

    def _picture(self, pixels: np.ndarray) -> av.VideoFrame:
        """RGBA -> the stream's pixel format, once per picture however often it repeats (read in
        place: manim hands each frame's array over and never touches it again)."""
        frame = av.VideoFrame.from_numpy_buffer(pixels, format="rgba").reformat(format=self.spec.pixel_format)
        frame.time_base = self.frame_time
        return frame

    def write_frame(self, pixels: np.ndarray, *, repeat: int = 1) -> None:
        if self.closed:
            raise RuntimeError(f"video segment {self.target} is closed")
        if self.frames == 0 and self.first is None:
            self.first = (pixels, repeat)
            return
        self._release_first()
        self._encode(self._picture(pixels), repeat)

    def _release_first(self) -> None:
        """The segment is not a lone held picture: encode it all with the stream's own settings."""
        if self.stream is None:
            self._open(dict(self.spec.options))
        if self.first is not None:
            pixels, repeat = self.first
            self.first = None
            self._encode(self._picture(pixels), repeat)

    def finish(self) -> None:
        if self.closed:
            return
        try:
            if self.first is not None and self.first[1] > 1 and self.spec.codec == H264:
                self._write_hold(*self.first)
            else:
                self._release_first()
                self._encode(None)
        finally:
            self.closed = True
            self.container.close()

    def _write_hold(self, pixels: np.ndarray, repeat: int) -> None:
        """One picture shown `repeat` times: x264 encodes it once (the segment's IDR frame, at a
        better quality: it stays on screen), and skipped frames, each a copy of the frame before,
        make up the rest of the hold. A stream the skipped frames cannot follow: x264 does it all."""
        self.first = None
        self._open(hold_options(dict(self.spec.options)))
        self.stream.codec_context.open()  # its parameter sets: what the skipped frames must match
        held = HeldFrames.from_headers([self.stream.codec_context.extradata or b""])
        if held is None:
            self._encode(self._picture(pixels), repeat)
            self._encode(None)
            return
        (first,) = self._encode(self._picture(pixels)) + self._encode(None)
        annex_b = bytes(first)[:3] == START_CODE[1:] or bytes(first)[:4] == START_CODE
        step = first.duration or round(self.frame_time / first.time_base)
        for index in range(1, repeat):
            unit = held.slice(index)
            packet = av.Packet((START_CODE if annex_b else len(unit).to_bytes(4, "big")) + unit)
            packet.stream, packet.time_base, packet.duration = self.stream, first.time_base, step
            packet.pts, packet.dts = first.pts + index * step, first.dts + index * step
            self.container.mux(packet)
        self.frames = repeat

    def abort(self) -> None:
        self.closed = True
        try:
            self.container.close()
        finally:
            self.target.unlink(missing_ok=True)


class ExplainerFileWriter(SceneFileWriter):
    """manim's file writer with SegmentEncoder, writing only the sections (steps) in `steps`:
    the others are skipped, and the scene ends where the first step after them begins."""

    def __init__(self, settings, steps: Optional[range] = None):
        self.steps = steps
        self.sections_begun = -1  # manim opens a first section itself; the scene's steps follow
        self.frames_written = 0   # what the video must hold (pipeline.video.join_pieces checks)
        super().__init__(settings)

    def write_frame(self, pixels, *, repeat: int = 1) -> None:
        if self._current_encode_job is not None:  # a frame of an animation being written
            self.frames_written += repeat
        super().write_frame(pixels, repeat=repeat)

    def _create_segment_encoder(self, target: Path) -> SegmentEncoder:
        return SegmentEncoder(target=target, spec=self.video_encoder)

    def next_section(self, name: str, type_: str, skip_animations: bool) -> None:
        step, self.sections_begun = self.sections_begun, self.sections_begun + 1
        if self.steps is not None and step >= 0:
            if step >= self.steps.stop and name != HAND_OVER_SECTION:  # the hand-over ends the last piece
                raise EndSceneEarlyException()
            skip_animations = skip_animations or step < self.steps.start
        super().next_section(name, type_, skip_animations)


class ExplainerRenderer(CairoRenderer):
    """manim's Cairo renderer with ExplainerFileWriter. A skipped animation draws nothing and
    advances the clock by the whole frames it would have rendered, exactly as rendering it does."""

    def __init__(self, steps: Optional[range] = None, **kwargs):
        self.finishing = False
        # the scenes' camera moves in onto a worked number (ExplainerScene.zoom_on); a scene given a
        # renderer takes the renderer's camera
        kwargs.setdefault("camera_class", MovingCamera)
        super().__init__(file_writer_class=partial(ExplainerFileWriter, steps=steps), **kwargs)

    def play(self, scene, *args, **kwargs) -> None:
        start = self.time
        super().play(scene, *args, **kwargs)
        if self.skip_animations:
            self.time = start
            frame = 1 / self.camera.frame_rate
            if scene.is_current_animation_frozen_frame():  # CairoRenderer.freeze_current_frame
                self.time += int(scene.duration / frame) * frame
            else:  # one CairoRenderer.add_frame per time of Scene.get_time_progression
                for _ in np.arange(0, scene.duration, 1 / config.frame_rate):
                    self.time += frame

    def update_frame(self, scene, *args, **kwargs) -> None:
        # a skipped animation's picture is never shown; the picture a scene ends on is (a still,
        # --format png, is rendered with every animation skipped, then drawn once at the end)
        if not self.skip_animations or self.finishing:
            super().update_frame(scene, *args, **kwargs)

    def scene_finished(self, scene) -> None:
        self.finishing = True
        super().scene_finished(scene)
