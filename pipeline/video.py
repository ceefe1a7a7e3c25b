"""Joining clips with PyAV (which manim already ships): stream copy and MP4/MOV/WebM chapters.
No ffmpeg binary, no re-encoding."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Sequence

import av


@dataclass(frozen=True)
class Chapter:
    title: str
    start: float  # seconds
    end: float


def clip_duration(path: Path) -> float:
    """Duration in seconds of a clip's video stream."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        if stream.duration is not None:
            return float(stream.duration * stream.time_base)
        return float(container.duration / av.time_base)


def join_clips(clips: Sequence[Path], titles: Sequence[str], output: Path) -> list:
    """Concatenate clips of identical encoding settings into `output` by copying packets, with
    one chapter per clip. Written to a temporary name and moved into place. Returns the chapters."""
    from pipeline.files import atomic_path

    chapters = []
    with atomic_path(output) as tmp, av.open(str(tmp), "w") as out:
        out_stream = None
        offset = 0  # in the clips' time base
        time_base = None
        for path, title in zip(clips, titles):
            with av.open(str(path)) as source:
                stream = source.streams.video[0]
                if out_stream is None:
                    out_stream = out.add_stream_from_template(stream)
                    time_base = stream.time_base
                elif stream.time_base != time_base:
                    raise ValueError(f"{path}: time base {stream.time_base} differs from {time_base}; render all clips alike")
                end = offset
                for packet in source.demux(stream):
                    if packet.dts is None:
                        continue
                    packet.pts += offset
                    packet.dts += offset
                    end = max(end, packet.pts + (packet.duration or 0))
                    packet.stream = out_stream
                    out.mux(packet)
                chapters.append(Chapter(title, float(offset * time_base), float(end * time_base)))
                offset = end
        millis = Fraction(1, 1000)
        out.set_chapters([
            {"id": k + 1, "start": round(c.start * 1000), "end": round(c.end * 1000), "time_base": millis,
             "metadata": {"title": c.title}}
            for k, c in enumerate(chapters)
        ])
    return chapters


def read_chapters(path: Path) -> list:
    """Chapters of a video, as written by join_clips (tests read them back)."""
    with av.open(str(path)) as container:
        return [Chapter(c["metadata"].get("title", ""), float(c["start"] * c["time_base"]), float(c["end"] * c["time_base"]))
                for c in container.chapters()]


def chapters_text(chapters: Sequence[Chapter]) -> str:
    """Chapters as video sites read them from a description: `0:00 Title`, one per line."""
    lines = []
    for c in chapters:
        total = int(c.start)
        hours, rest = divmod(total, 3600)
        minutes, seconds = divmod(rest, 60)
        stamp = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
        lines.append(f"{stamp} {c.title}")
    return "\n".join(lines) + "\n"
