"""Publishing-quality encoding (issue 15): the x264 settings reach the file, held frames decode as
exact copies, a scene rendered in pieces by several workers joins into the very clip rendered
whole, a damaged piece is caught, and the cache keys follow the encoder settings. Fixture scenes
at 128x72, 5 frames a second, or a few frames encoded directly; speed is measured by
benchmarks/publish_bench.py, not here."""

from __future__ import annotations

import dataclasses
import hashlib
import re

import av
import numpy as np
import pytest

from pipeline import h264
from pipeline.h264 import H264_OPTIONS, HeldFrames, escape, unescape
from pipeline.runner import finish_clip, plan_pieces, render_piece
from pipeline.settings import ExampleSource, RenderSettings
from pipeline.video import join_pieces
from tests.fixture_scene import FIXTURES, FixtureScene

TINY = RenderSettings(resolution=(128, 72), fps=5, voice="none")
FIXTURE = FIXTURES[0]


def x264_settings(path) -> str:
    """The settings x264 writes into its stream (the SEI it puts before the first frame)."""
    with av.open(str(path)) as container:
        first = bytes(next(p for p in container.demux(video=0) if p.size))
    return re.search(rb"options: ([ -~]+)", first).group(1).decode()


def strictly_decoded(path) -> list:
    """Every frame as YUV arrays, decoded with FFmpeg's strictest error detection: a malformed
    slice raises instead of being concealed (concealment would copy the previous frame too)."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.codec_context.options = {"err_detect": "crccheck+bitstream+buffer+explode+careful+compliant"}
        return [frame.to_ndarray(format="yuv420p") for frame in container.decode(stream)]


def packets(path) -> list:
    with av.open(str(path)) as container:
        return [(p.pts, p.dts, p.duration, hashlib.sha256(bytes(p)).hexdigest())
                for p in container.demux(video=0) if p.dts is not None]


@pytest.fixture(scope="module")
def pieces(tmp_path_factory):
    """The fixture scene rendered whole, and in two pieces of one step each, and joined."""
    work = tmp_path_factory.mktemp("pieces")
    example = ExampleSource().load()
    whole_frames = render_piece(FIXTURE, example, TINY, work / "whole")
    frames = [render_piece(FIXTURE, example, TINY, work / f"piece-{k}", range(k, k + 1)) for k in range(2)]
    finish_clip(FIXTURE, TINY, [work / "whole"], [whole_frames], work / "whole.mp4")
    # finish_clip moves what it joins: keep a copy of the pieces for the damage tests
    import shutil

    for k in range(2):
        shutil.copytree(work / f"piece-{k}", work / f"kept-{k}")
    finish_clip(FIXTURE, TINY, [work / f"piece-{k}" for k in range(2)], frames, work / "split.mp4")
    return work, whole_frames, frames


def test_clips_carry_the_chosen_x264_settings_in_high_profile_yuv420p(pieces, tmp_path):
    clip = pieces[0] / "whole.mp4"  # as render_job makes it; its first animation moves (not a held picture)
    with av.open(str(clip)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.name, stream.codec_context.profile, stream.codec_context.pix_fmt) == ("h264", "High", "yuv420p")
        ticks = round(1 / (stream.average_rate * stream.time_base))  # of the time base, per frame
        keyframes = [p.pts // ticks for p in container.demux(stream) if p.dts is not None and p.is_keyframe]
    # what x264 writes when given exactly H264_OPTIONS
    direct = tmp_path / "direct.mp4"
    with av.open(str(direct), "w") as container:
        stream = container.add_stream("libx264", rate=5, options=dict(H264_OPTIONS))
        stream.width, stream.height, stream.pix_fmt = 128, 72, "yuv420p"
        frame = av.VideoFrame.from_ndarray(np.zeros((72, 128, 3), np.uint8), format="rgb24")
        for packet in [*stream.encode(frame), *stream.encode()]:
            container.mux(packet)
    settings = x264_settings(clip)
    assert settings == x264_settings(direct)
    assert f"crf={float(H264_OPTIONS['crf']):.1f}" in settings
    keyint = int(re.search(r"keyint=(\d+)", settings).group(1))
    assert keyframes[0] == 0 and all(b - a <= keyint for a, b in zip(keyframes, keyframes[1:]))


def _encoded_segment(path, options: dict, repeats=(12,)):
    """A segment through pipeline.encoding's encoder: a picture per repeat count, each shown that
    many frames ((12,): one picture held 12 frames)."""
    from fractions import Fraction

    from manim._config.video_encoder import VideoEncoderSpec

    from pipeline.encoding import SegmentEncoder

    rng = np.random.default_rng(7)
    spec = VideoEncoderSpec("mp4", "libx264", "yuv420p", 320, 240, Fraction(30), tuple(sorted(options.items())))
    encoder = SegmentEncoder(target=path, spec=spec)
    for repeat in repeats:
        picture = np.full((240, 320, 4), 255, np.uint8)
        picture[..., :3] = rng.integers(0, 256, (240, 320, 3))  # detail everywhere: no macroblock is trivial
        encoder.write_frame(picture, repeat=repeat)
    encoder.finish()
    return path


def _encoded_hold(tmp_path, options: dict, repeat: int = 12):
    return _encoded_segment(tmp_path / "hold.mp4", options, (repeat,))


@pytest.mark.parametrize("options", [dict(H264_OPTIONS), {"crf": "40", "preset": "medium"},
                                     {"crf": "12", "preset": "ultrafast"}],  # ultrafast: CAVLC, no weighted prediction
                         ids=["chosen", "medium-crf40", "ultrafast-cavlc"])
def test_a_hold_is_one_coded_picture_then_skipped_frames_that_decode_as_exact_copies(tmp_path, options):
    path = _encoded_hold(tmp_path, options)
    frames = strictly_decoded(path)
    assert len(frames) == 12 and all(np.array_equal(frames[0], f) for f in frames[1:])
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        coded = [p.size for p in container.demux(stream) if p.dts is not None]
        assert stream.average_rate == 30 and len(coded) == 12  # a frame every frame period
    assert coded[0] > 1000 and max(coded[1:]) < 60  # one picture; the rest say "as before"


def test_a_held_picture_is_encoded_better_with_the_parameter_sets_of_the_rest(tmp_path):
    """Held and moving segments are joined into one stream with one set of headers: x264's
    stitchable keeps them the same while the held picture gets a better quality."""
    assert float(h264.hold_options(H264_OPTIONS)["crf"]) == float(H264_OPTIONS["crf"]) - h264.HOLD_CRF_DROP
    assert h264.hold_options({"crf": "23"}) == {"crf": "23"}  # headers would differ: no change
    held = _encoded_hold(tmp_path, dict(H264_OPTIONS))
    moving = _encoded_segment(tmp_path / "moving.mp4", dict(H264_OPTIONS), (1, 1))
    with av.open(str(held)) as a, av.open(str(moving)) as b:
        assert a.streams.video[0].codec_context.extradata == b.streams.video[0].codec_context.extradata
    crf = float(H264_OPTIONS["crf"])
    assert f"crf={crf - h264.HOLD_CRF_DROP:.1f}" in x264_settings(held) and f"crf={crf:.1f}" in x264_settings(moving)


def test_a_held_frame_that_does_not_follow_its_stream_is_refused_by_the_decoder(tmp_path):
    """The check above can fail: a skipped frame with a broken slice does not decode."""
    path = _encoded_hold(tmp_path, dict(H264_OPTIONS), repeat=3)
    data = bytearray(path.read_bytes())
    with av.open(str(path)) as container:
        last = bytes([p for p in container.demux(video=0) if p.dts is not None][2])
    at = data.find(last[4:])  # the third frame's slice, after its length
    data[at + len(last) - 6] ^= 0xFF
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(bytes(data))
    with pytest.raises(av.error.InvalidDataError):
        strictly_decoded(broken)


def test_emulation_prevention_round_trips_and_unknown_streams_get_no_held_frames():
    rbsp = bytes([0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 7, 0, 0])
    assert escape(rbsp) == bytes([0, 0, 3, 0, 0, 3, 0, 1, 0, 0, 3, 2, 0, 0, 3, 3, 7, 0, 0])
    assert unescape(escape(rbsp)) == rbsp
    assert HeldFrames.from_headers([b"\x00\x00\x00\x01\x09\xf0"]) is None  # no parameter sets at all


def test_a_scene_split_into_pieces_joins_into_the_clip_rendered_whole(pieces):
    work, whole_frames, frames = pieces
    assert sum(frames) == whole_frames and all(frames)
    whole, split = work / "whole.mp4", work / "split.mp4"
    assert packets(split) == packets(whole)  # the same frames, times and bytes
    assert len(strictly_decoded(whole)) == whole_frames  # held frames and all
    with av.open(str(whole)) as a, av.open(str(split)) as b:
        assert a.streams.video[0].frames == b.streams.video[0].frames == whole_frames
        assert a.streams.video[0].duration == b.streams.video[0].duration
    # the narration cues (timed by the scene's clock) and the step videos agree too
    for suffix in (".cues.json", ".srt"):
        assert (work / f"split{suffix}").read_text() == (work / f"whole{suffix}").read_text()
    assert (work / "split.sections" / "index.json").read_text() == (work / "whole.sections" / "index.json").read_text()
    assert len(list((work / "split.sections").glob("*.mp4"))) == len(FixtureScene.steps)


def test_a_damaged_or_mismatched_piece_is_refused(pieces, tmp_path):
    work, _, frames = pieces
    videos = [work / f"kept-{k}" / "fixture.mp4" for k in range(2)]
    with pytest.raises(ValueError, match="damaged piece: .* frames where .* were rendered"):
        join_pieces(videos, [frames[0], frames[1] + 1], tmp_path / "joined.mp4")
    # a piece cut short: its last frames lost
    short = tmp_path / "short.mp4"
    with av.open(str(videos[1])) as source, av.open(str(short), "w") as out:
        stream = out.add_stream_from_template(source.streams.video[0])
        for packet in list(p for p in source.demux(video=0) if p.dts is not None)[:-2]:
            packet.stream = stream
            out.mux(packet)
    with pytest.raises(ValueError, match="damaged piece"):
        join_pieces([videos[0], short], frames, tmp_path / "joined.mp4")
    # a piece of another size: its parameter sets would not fit the joined stream's
    other = _encoded_hold(tmp_path, dict(H264_OPTIONS))
    with pytest.raises(ValueError, match="encoded differently from the first piece"):
        join_pieces([videos[0], other], [frames[0], 12], tmp_path / "joined.mp4")
    assert not (tmp_path / "joined.mp4").exists()


def test_a_scene_is_split_into_one_run_of_steps_per_worker_only_when_its_pieces_can_be_joined():
    assert plan_pieces(FIXTURE, TINY, jobs=2) == [range(0, 1), range(1, 2)]
    assert plan_pieces(FIXTURE, TINY, jobs=4) == [range(0, 1), range(1, 2)]  # never more pieces than steps
    seven = dataclasses.replace(FIXTURE, steps=tuple(f"step{k}" for k in range(7)))
    assert plan_pieces(seven, TINY, jobs=2) == [range(0, 4), range(4, 7)]  # consecutive, as even as can be
    assert plan_pieces(seven, TINY, jobs=3) == [range(0, 2), range(2, 5), range(5, 7)]
    assert plan_pieces(seven, TINY, jobs=1) == [None]
    assert plan_pieces(seven, RenderSettings(fmt="gif"), jobs=4) == [None]


def test_the_cache_key_follows_the_encoder_settings(monkeypatch):
    """A split render and a whole one share a key (they are the same clip); new x264 settings make
    new clips. (Cache hits after a split render: tests/test_pipeline.py, whose two-worker run splits.)"""
    from attention_math import load_example
    from pipeline.cache import clip_key, example_fingerprint

    example_fp = example_fingerprint(load_example(), ())
    base = clip_key("fixture", example_fp, "code", TINY)
    monkeypatch.setitem(h264.H264_OPTIONS, "preset", "slow")
    assert clip_key("fixture", example_fp, "code", TINY) != base


def test_the_catalog_reads_each_scenes_steps_as_the_class_declares_them():
    from pipeline import catalog

    for info in catalog.scenes():
        assert info.steps == catalog.scene_class(info).steps and info.steps
