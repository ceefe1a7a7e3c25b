"""Joining clips with PyAV (which manim already ships): stream copy and MP4/MOV/WebM chapters.
No ffmpeg binary, no re-encoding."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Sequence

import av
import numpy as np


# MP4 and MOV put their index (the moov atom) after the media data unless asked: then a browser
# or a learning platform must download the whole file before it can start playing.
FASTSTART = {"movflags": "faststart"}
FASTSTART_SUFFIXES = (".mp4", ".mov")


def muxer_options(path: Path) -> dict:
    """Options for writing `path`: the index first for MP4 and MOV (a web player starts at once)."""
    return dict(FASTSTART) if Path(path).suffix.lower() in FASTSTART_SUFFIXES else {}


def make_faststart(path: Path) -> None:
    """Rewrite an MP4 or MOV in place with its index first, copying packets (no re-encoding);
    other formats are left as they are."""
    from pipeline.files import atomic_path

    if not muxer_options(path):
        return
    with atomic_path(path) as tmp, av.open(str(path)) as source, av.open(str(tmp), "w", options=muxer_options(path)) as out:
        out.metadata.update(source.metadata)
        streams = {s.index: out.add_stream_from_template(s) for s in source.streams if s.type in ("video", "audio")}
        for packet in source.demux(*(source.streams[index] for index in streams)):
            if packet.dts is None:  # the flushing packet demux ends with
                continue
            packet.stream = streams[packet.stream.index]
            out.mux(packet)


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


def join_clips(clips: Sequence[Path], titles: Sequence[str], output: Path, subtitles: Sequence[str] = ()) -> list:
    """Concatenate clips of identical encoding settings into `output` by copying packets, with
    one chapter per clip. Written to a temporary name and moved into place. Returns the chapters.

    Narrated clips give the joined video their sound: each clip's track is placed at its
    chapter's start and the whole is encoded once, so sound and picture agree to the sample at
    every chapter end. (Copying the sound packets too cannot: AAC and Opus packets hold 1024 and
    960 samples, which no frame length divides, and each clip's track opens with encoder
    priming, so copied packets would overlap or drift at every join.) `subtitles`, each clip's
    .srt text, become a soft subtitle track that players can switch on."""
    from pipeline import audio
    from pipeline.files import atomic_path

    chapters = []
    fmt = Path(output).suffix.lstrip(".").lower()
    with atomic_path(output) as tmp, av.open(str(tmp), "w", options=muxer_options(output)) as out:
        out_stream = sound = captions = None
        offset = 0  # in the clips' time base
        time_base = None
        for k, (path, title) in enumerate(zip(clips, titles)):
            with av.open(str(path)) as source:
                stream = source.streams.video[0]
                if out_stream is None:
                    out_stream = out.add_stream_from_template(stream)
                    time_base = stream.time_base
                    sound = audio.add_audio_stream(out, fmt) if source.streams.audio else None
                    captions = add_subtitle_stream(out, fmt) if subtitles else None
                elif stream.time_base != time_base:
                    raise ValueError(f"{path}: time base {stream.time_base} differs from {time_base}; render all clips alike")
                end = offset + round(audio.stream_end(path) / time_base)
                start_s, end_s = float(offset * time_base), float(end * time_base)
                streams = [_shifted_packets(source, stream, out_stream, offset)]
                if sound is not None:
                    first = round(start_s * audio.RATE)
                    track = audio.fitted(audio.read_audio(path), round(end_s * audio.RATE) - first)
                    streams.append(audio.audio_packets(sound, track, first))
                if captions is not None:
                    streams.append(subtitle_packets(captions, subtitles[k], start_s))
                for packet in audio.interleaved(*streams):
                    out.mux(packet)
                chapters.append(Chapter(title, start_s, end_s))
                offset = end
        if sound is not None:
            for packet in audio.audio_packets(sound, np.zeros(0, np.float32), 0):  # the encoder's last packets
                out.mux(packet)
        millis = Fraction(1, 1000)
        out.set_chapters([
            {"id": k + 1, "start": round(c.start * 1000), "end": round(c.end * 1000), "time_base": millis,
             "metadata": {"title": c.title}}
            for k, c in enumerate(chapters)
        ])
    return chapters


def _shifted_packets(source, stream, out_stream, offset: int):
    """A clip's video packets, moved `offset` (in its time base) later, for the joined stream."""
    for packet in source.demux(stream):
        if packet.dts is None:
            continue
        packet.pts += offset
        packet.dts += offset
        packet.stream = out_stream
        yield packet


# A subtitle encoder needs an ASS header (FFmpeg turns ASS dialogue into mov_text or WebVTT).
ASS_HEADER = ("[Script Info]\r\nScriptType: v4.00+\r\nPlayResX: 384\r\nPlayResY: 288\r\n\r\n"
              "[V4+ Styles]\r\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
              "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, "
              "Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\r\n"
              "Style: Default,DejaVu Sans,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,0\r\n\r\n"
              "[Events]\r\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\r\n")
SUBTITLE_CODECS = {"mp4": "mov_text", "mov": "mov_text", "webm": "webvtt"}


def add_subtitle_stream(container, fmt: str):
    """A soft subtitle track (off until the viewer turns it on): mov_text in mp4/mov, WebVTT in webm."""
    stream = container.add_stream(SUBTITLE_CODECS[fmt])
    stream.codec_context.subtitle_header = ASS_HEADER.encode()
    stream.metadata["language"] = "eng"
    stream.metadata["title"] = "Narration"
    return stream


def subtitle_packets(stream, srt_text: str, offset: float):
    """One encoded packet per subtitle of an .srt text, `offset` seconds later."""
    import html

    import srt
    from av.subtitles.subtitle import SubtitleSet

    millis = Fraction(1, 1000)
    for sub in srt.parse(srt_text):
        start = round((offset + sub.start.total_seconds()) * 1000)
        length = round((sub.end - sub.start).total_seconds() * 1000)
        text = html.unescape(sub.content).replace("\n", "\\N")  # the .srt is escaped for HTML; ASS breaks lines with \N
        packet = stream.codec_context.encode_subtitle(
            SubtitleSet.create(text=f"0,0,Default,,0,0,0,,{text}".encode(), start=0, end=length, pts=start * 1000))
        packet.stream, packet.time_base = stream, millis
        packet.pts = packet.dts = start
        packet.duration = length
        yield packet


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


def join_pieces(pieces: Sequence[Path], frames: Sequence[int], output: Path) -> None:
    """One scene's video from the videos of its pieces (consecutive ranges of its steps, rendered
    by different workers), by stream copy, as manim joins its animations: timestamps moved on by
    the pieces before, decoding times left to the muxer. Each piece must hold the `frames` it was
    rendered with, in the encoding of the first (the same parameter sets): otherwise ValueError,
    rather than a clip with a gap or one a player cannot decode."""
    from pipeline.files import atomic_path

    with atomic_path(output) as tmp, av.open(str(tmp), "w", options=muxer_options(output)) as out:
        out_stream = reference = None
        offset = 0  # in the pieces' time base
        for path, expected in zip(pieces, frames, strict=True):
            with av.open(str(path)) as source:
                stream = source.streams.video[0]
                encoding = (stream.codec_context.name, stream.width, stream.height, stream.format.name,
                            stream.time_base, bytes(stream.codec_context.extradata or b""))
                if out_stream is None:
                    out.metadata.update(source.metadata)
                    out_stream, reference = out.add_stream_from_template(stream), encoding
                    if stream.metadata.get("alpha_mode") == "1":  # VP9's alpha, beside the picture (as manim joins it)
                        out_stream.pix_fmt = "yuva420p"
                elif encoding != reference:
                    raise ValueError(f"{path}: encoded differently from the first piece of its scene")
                count, end, shift = 0, offset, offset - (stream.start_time or 0)
                period = round(1 / ((stream.average_rate or stream.guessed_rate) * stream.time_base))
                for packet in source.demux(stream):
                    if packet.dts is None:
                        continue
                    count += 1
                    packet.pts += shift
                    packet.duration = packet.duration or period  # WebM leaves them out; the last frame needs one
                    end = max(end, packet.pts + packet.duration)
                    packet.dts = None  # consecutive pieces' decoding times may overlap: the muxer sets them
                    packet.stream = out_stream
                    out.mux(packet)
                if count != expected:
                    raise ValueError(f"{path}: damaged piece: {count} frames where {expected} were rendered")
                offset = end
