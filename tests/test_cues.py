"""Narration cues never overlap and each starts with its animations: in a scene's record, in the
.srt a clip is published with and in the joined video's .srt/.vtt. Built from the two-second
fixture scenes plus one that says a caption over a shorter animation (`caption_over`, the case
that used to run into the next cue), silently and with a stand-in voice; and checked on every
real scene's build, which the scene tests make anyway."""

from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
import srt
from manim import Indicate

from attention_math import load_example
from pipeline import catalog
from pipeline.subtitles import cue_subtitles, shifted_subtitles, to_vtt
from pipeline.voice import SilentVoice, Speech
from scenes.base import PAUSE
from scenes.speech import reading_time
from tests.fixture_scene import FixtureScene, OtherFixtureScene
from tests.scene_helpers import TINY, built_scene

OVER = "While the rows light up one after another, this caption is still being read."


class CaptionOverFixture(FixtureScene):
    """A caption said over an animation much shorter than its reading time, then another cue."""

    steps = ("show", "sweep", "point")

    def sweep(self):
        self.caption_over(OVER)
        self.play(Indicate(self.table.row(0)), run_time=0.5)


class StandInVoice:
    """Speaks every cue in a fixed time, without synthesising anything."""

    name = "stand-in"

    def __init__(self, seconds: float):
        self.seconds = seconds

    def speak(self, cue_id: str, text: str):
        return Speech(Path(f"/nowhere/{cue_id}.wav"), self.seconds, self.name)


class PlayStarts:
    """Mixed into a scene: remembers when each play began."""

    def play(self, *args, **kwargs):
        self.play_starts.append(self.time)
        super().play(*args, **kwargs)


def build(cls, voice, animate=False):
    from manim import tempconfig

    scene_class = type(cls.__name__, (PlayStarts, cls), {})
    with tempconfig(TINY):
        scene = scene_class(example=load_example(), voice=voice, skip_animations=not animate)
        scene.play_starts = []
        scene.render()
    return scene


def overlaps(spans) -> list:
    """Pairs of consecutive (start, end) spans where the later one starts before the earlier ends."""
    return [(a, b) for a, b in zip(spans, spans[1:]) if b[0] < a[1] - 1e-9]


@pytest.fixture(scope="module")
def silent():
    return [build(cls, SilentVoice()) for cls in (FixtureScene, CaptionOverFixture, OtherFixtureScene)]


def spans(cues):
    return [(c.start, c.start + c.duration) for c in cues]


def test_a_caption_over_a_short_animation_holds_the_next_cue_until_it_is_read(silent):
    scene = silent[1]
    over, after = scene.cues[1:3]
    assert over.caption == OVER and over.duration == pytest.approx(reading_time(OVER))
    assert reading_time(OVER) > 0.5 + 1.0  # longer than the sweep and the next narration's animation
    assert after.start == pytest.approx(over.start + over.duration)
    for scene in silent:
        assert overlaps(spans(scene.cues)) == []


@pytest.mark.parametrize("animate", [False, True], ids=["skipped", "frames"])
def test_spoken_cues_wait_for_the_speech_and_its_pause(animate):
    scene = build(CaptionOverFixture, StandInVoice(3.0), animate=animate)
    frame = 1 / TINY["frame_rate"]
    for cue, after in zip(scene.cues, scene.cues[1:]):
        assert after.start >= cue.start + cue.duration + PAUSE - 1e-9
        assert after.start < cue.start + cue.duration + PAUSE + frame  # and no longer than a frame more


@pytest.mark.parametrize("voice", [SilentVoice(), StandInVoice(3.0)], ids=["silent", "voiced"])
def test_each_cue_starts_with_its_animation(voice):
    """narrate's cue begins in the frame its animations begin (holds come before both)."""
    scene = build(CaptionOverFixture, voice, animate=True)
    frame = 1 / TINY["frame_rate"]
    narrated = [c for c in scene.cues if c.caption != OVER]
    for cue in narrated:
        began = [t for t in scene.play_starts if abs(t - cue.start) < frame]
        assert began, (cue.caption, cue.start, scene.play_starts)


def parse_vtt(text: str) -> list:
    """(start, end) in seconds of each cue of a WebVTT text."""
    def seconds(stamp):
        hours, minutes, rest = stamp.split(":")
        return int(hours) * 3600 + int(minutes) * 60 + float(rest)

    return [tuple(seconds(s) for s in line.split(" --> ")) for line in text.splitlines() if " --> " in line]


def test_written_subtitles_never_overlap_and_show_each_cue_whole(silent):
    """Each clip's .srt (as narrate_clip writes it), the joined video's .srt and .vtt (as the runner
    writes them, shifted per chapter): no two cues overlap, and none is cut short to make room."""
    clips = [srt.compose(cue_subtitles(scene.cues)) for scene in silent]
    offset, parts = 0.0, []
    for text, scene in zip(clips, silent):
        parsed = list(srt.parse(text))
        assert overlaps([(s.start.total_seconds(), s.end.total_seconds()) for s in parsed]) == []
        for sub, cue in zip(parsed, scene.cues):
            assert sub.end - sub.start == pytest.approx(timedelta(seconds=cue.duration), abs=timedelta(milliseconds=1))
        parts.append((text, offset))
        offset += scene.time
    joined = shifted_subtitles(parts)
    rows = [(s.start.total_seconds(), s.end.total_seconds()) for s in srt.parse(srt.compose(joined))]
    assert len(rows) == sum(len(s.cues) for s in silent) == 7
    assert overlaps(rows) == []
    assert overlaps(parse_vtt(to_vtt(joined))) == []
    assert np.array(parse_vtt(to_vtt(joined))) == pytest.approx(np.array(rows), abs=2e-3)  # both to the millisecond


@pytest.mark.parametrize("scene_name", [pytest.param(n, marks=pytest.mark.xdist_group(n))
                                        for n in catalog.scene_names()])
def test_no_scene_has_overlapping_cues(scene_name):
    """Every real scene (its build is shared with the scene tests): cues one after another."""
    scene = built_scene(scene_name, "builtin")
    assert overlaps(spans(scene.cues)) == []
