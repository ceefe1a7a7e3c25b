"""The narration's sound: one track per clip, at podcast loudness, muxed beside the video.

- A clip's track holds each spoken cue at its start time and silence elsewhere, with short fades
  at every segment's edges (no clicks), exactly as long as the video.
- Loudness: -16 LUFS integrated (ITU-R BS.1770, measured with pyloudnorm), true peak at most
  -1 dBTP (4x oversampling, BS.1770 annex 2). Raw speech peaks some 20 dB above its loudness,
  so reaching -16 LUFS needs a limiter: `limited` lowers the gain around each true peak.
- The video is copied packet by packet (PyAV, no re-encoding); the audio is AAC in mp4/mov and
  Opus in webm. gif and png have no sound.
"""

from __future__ import annotations

import heapq
import io
import wave
from fractions import Fraction
from itertools import chain
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import av
import numpy as np

RATE = 48_000            # every track is mono at 48 kHz: Opus's native rate, and AAC's common one
TARGET_LUFS = -16.0      # integrated loudness podcast and video platforms expect
TRUE_PEAK_DBTP = -1.0    # the promise: no true peak above this in the file
CEILING_DBTP = -2.0      # what the limiter aims for: lossy coding adds a few tenths of a dB of overshoot
FADE = 0.010             # seconds of fade in and out at the edges of every spoken segment
HOLD, SMOOTH = 0.030, 0.015  # limiter: a gain reduction is held this long around its peak, then smoothed
AUDIO_CODECS = {"mp4": ("aac", 128_000), "mov": ("aac", 128_000), "webm": ("libopus", 96_000)}
# FFmpeg's AAC encoder searches hard by default (twoloop: 40x real time); its fast coder is 3x
# quicker and, at 128 kb/s for one voice, loses nothing audible.
CODEC_OPTIONS = {"aac": {"aac_coder": "fast"}}


# -- reading and writing sound -----------------------------------------------------------------------

def read_audio(path: Path) -> np.ndarray:
    """The first audio stream of any file PyAV reads (a WAV of any common rate, depth and channel
    count, or a clip's AAC/Opus track), as mono float32 samples at RATE."""
    resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
    chunks = []
    with av.open(str(path)) as container:
        if not container.streams.audio:  # a silent clip
            return np.zeros(0, np.float32)
        for frame in container.decode(container.streams.audio[0]):
            chunks.extend(out.to_ndarray().reshape(-1) for out in resampler.resample(frame))
    chunks.extend(out.to_ndarray().reshape(-1) for out in resampler.resample(None))
    return np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)


def wav_bytes(samples: np.ndarray, rate: int) -> bytes:
    """Mono 16-bit PCM WAV of float samples in [-1, 1]."""
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    return buffer.getvalue()


def fitted(samples: np.ndarray, length: int) -> np.ndarray:
    """Exactly `length` samples: cut, or padded with silence."""
    return samples[:length] if len(samples) >= length else np.pad(samples, (0, length - len(samples)))


# -- the track -----------------------------------------------------------------------------------------

def faded(samples: np.ndarray) -> np.ndarray:
    """Linear fades at both ends, so a segment never starts or stops with a click."""
    n = min(int(FADE * RATE), len(samples) // 2)
    if n == 0:
        return samples
    ramp = np.linspace(0.0, 1.0, n, endpoint=False, dtype=np.float32)
    out = samples.copy()
    out[:n] *= ramp
    out[len(out) - n:] *= ramp[::-1]
    return out


def narration_track(cues: Iterable, duration: float) -> np.ndarray:
    """Every cue with audio placed at its start time, silence elsewhere: `duration` seconds."""
    track = np.zeros(round(duration * RATE), np.float32)
    for cue in cues:
        if not cue.audio:
            continue
        start = min(round(cue.start * RATE), len(track))
        speech = faded(read_audio(Path(cue.audio)))[: len(track) - start]
        track[start:start + len(speech)] += speech
    return track


# -- loudness ------------------------------------------------------------------------------------------

def loudness(samples: np.ndarray) -> float:
    """Integrated loudness in LUFS (BS.1770 gating: silence does not count); -inf for silence."""
    import pyloudnorm

    if len(samples) < int(0.4 * RATE):  # shorter than one gating block
        return float("-inf")
    return float(pyloudnorm.Meter(RATE).integrated_loudness(samples.astype(np.float64)))


def true_peak_envelope(samples: np.ndarray) -> np.ndarray:
    """The largest magnitude around each sample, including between samples (4x oversampled)."""
    from scipy.signal import resample_poly

    upsampled = resample_poly(samples.astype(np.float32), 4, 1)[: 4 * len(samples)]
    return np.abs(upsampled).reshape(-1, 4).max(axis=1)


def true_peak(samples: np.ndarray) -> float:
    """True peak in dBTP (BS.1770 annex 2); -inf for silence."""
    peak = float(true_peak_envelope(samples).max()) if len(samples) else 0.0
    return 20 * np.log10(peak) if peak > 0 else float("-inf")


def limiter_gain(envelope: np.ndarray, ceiling_db: float = CEILING_DBTP):
    """The gain that brings every true peak of `envelope` down to the ceiling, and no more: each
    reduction is held HOLD seconds either side of its peak, then smoothed over SMOOTH seconds
    (a moving average of a held minimum never rises above that minimum at the peak)."""
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    needed = np.minimum(1.0, 10 ** (ceiling_db / 20) / np.maximum(envelope, 1e-12))
    if needed.min() >= 1.0:
        return 1.0
    held = minimum_filter1d(needed, size=2 * int(HOLD * RATE) + 1, mode="nearest")
    return uniform_filter1d(held, size=2 * int(SMOOTH * RATE) + 1, mode="nearest")


def normalised(samples: np.ndarray) -> np.ndarray:
    """At TARGET_LUFS (within 0.05 LU) with true peaks under CEILING_DBTP; silence stays silent.
    Limiting takes back some of the gain, so the gain is found by the secant method; the
    envelope of the gained signal is the envelope of the input, scaled, so it is computed once."""
    level = loudness(samples)
    if not np.isfinite(level):
        return samples
    envelope = true_peak_envelope(samples)

    def at(gain_db: float) -> tuple:
        scale = 10 ** (gain_db / 20)
        out = (samples * scale * limiter_gain(envelope * scale)).astype(np.float32)
        return out, loudness(out)

    gains, levels = [TARGET_LUFS - level], []
    for _ in range(8):
        out, reached = at(gains[-1])
        levels.append(reached)
        if abs(reached - TARGET_LUFS) < 0.05:
            break
        slope = (levels[-1] - levels[-2]) / (gains[-1] - gains[-2]) if len(levels) > 1 else 1.0
        gains.append(gains[-1] + (TARGET_LUFS - reached) / max(slope, 0.05))
    return out


# -- muxing --------------------------------------------------------------------------------------------

def add_audio_stream(container, fmt: str):
    """A mono RATE audio stream in the format's codec: AAC for mp4/mov, Opus for webm."""
    codec, bit_rate = AUDIO_CODECS[fmt]
    stream = container.add_stream(codec, rate=RATE, layout="mono")
    stream.bit_rate = bit_rate
    stream.codec_context.options = dict(CODEC_OPTIONS.get(codec, {}))
    return stream


def audio_packets(stream, samples: np.ndarray, first_sample: int) -> Iterator:
    """Encode samples that start `first_sample` samples into the stream (the encoder keeps its
    state, so successive calls make one continuous track). Pass an empty array last to flush."""
    if len(samples) == 0:
        yield from stream.encode(None)
        return
    block = 1024 * 16
    for at in range(0, len(samples), block):
        frame = av.AudioFrame.from_ndarray(samples[None, at:at + block], format="flt", layout="mono")
        frame.sample_rate, frame.time_base, frame.pts = RATE, Fraction(1, RATE), first_sample + at
        yield from stream.encode(frame)


def copied_packets(source, stream_in, stream_out) -> Iterator:
    """The packets of one stream of an open container, re-assigned to an output stream."""
    for packet in source.demux(stream_in):
        if packet.dts is None:  # the flushing packet demux ends with
            continue
        packet.stream = stream_out
        yield packet


def interleaved(*packet_streams: Iterable) -> Iterator:
    """Packets of several streams in time order: WebM's clusters (and players reading MP4 as it
    downloads) want the streams interleaved, not one after the other."""
    return heapq.merge(*packet_streams, key=lambda packet: packet.dts * packet.time_base)


def stream_end(path: Path) -> float:
    """Where a video's picture ends, in seconds: the end of its last frame (what joining counts).
    WebM leaves most packet durations at 0, so a frame lasts 1/frame rate unless its packet says."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frame = round(1 / (stream.average_rate * stream.time_base)) if stream.average_rate else 0
        end = max((p.pts + (p.duration or frame) for p in container.demux(stream) if p.pts is not None), default=0)
        return float(end * stream.time_base)


def mux_narration(video: Path, track: np.ndarray, output: Path, fmt: str) -> None:
    """`output`: the video stream of `video` copied as is, and `track` encoded beside it."""
    from pipeline.files import atomic_path
    from pipeline.video import muxer_options

    with av.open(str(video)) as source, atomic_path(output) as tmp, \
            av.open(str(tmp), "w", options=muxer_options(output)) as out:
        out.metadata.update(source.metadata)
        video_in = source.streams.video[0]
        video_out = out.add_stream_from_template(video_in)
        audio_out = add_audio_stream(out, fmt)
        sound = chain(audio_packets(audio_out, track, 0), audio_packets(audio_out, track[:0], 0))
        for packet in interleaved(copied_packets(source, video_in, video_out), sound):
            out.mux(packet)


def section_tracks(clip: Path, durations: Sequence[float]) -> list:
    """A narrated clip's sound cut into consecutive pieces of the given lengths (its sections)."""
    sound = read_audio(clip)
    edges = np.round(np.cumsum([0.0, *durations]) * RATE).astype(int)
    return [fitted(sound[a:], b - a) for a, b in zip(edges[:-1], edges[1:])]
