"""The scene base class: which example and theme, the traces, and a few staging helpers.

A scene is built from short step methods listed in `steps`; `construct` plays them in order.
render.py passes the example and theme in; the plain manim CLI (`manim -ql scenes/x.py XScene`)
creates the scene with no arguments, and then the built-in example is used (or the file in
ATTENTION_EMBEDDINGS, the theme in ATTENTION_THEME and the voice in ATTENTION_VOICE).

Narration is paced by the voice (pipeline.voice): each narrated stretch lasts as long as its
speech plus a short pause, animations keep their own speed and the holds stretch or shrink, and
no two cues overlap: a cue starts with its animations once the previous one has been spoken (or,
without a voice, has been up long enough to be read), so captions never run ahead of the picture
or over each other. Every cue is recorded in `cues` (scenes.speech.Cue), for the sound and the subtitles.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional

import numpy as np
from manim import FadeOut, Scene, VMobject

from attention_math.example import Example
from attention_math.trace import trace_example
from pipeline.limits import check_drawable
from scenes import ORDER
from scenes.components import BarChart, MatrixGrid, title
from scenes.speech import Cue, reading_time, spoken
from scenes.theme import Theme, theme_named

PAUSE = 0.4  # seconds of quiet after a spoken cue before the next may start


def example_from_environment() -> Example:
    from attention_math.loader import load_example

    path = os.environ.get("ATTENTION_EMBEDDINGS") or None
    return load_example(path)


def voice_from_environment():
    """The plain manim CLI's voice: ATTENTION_VOICE (joe or none), speech cached in its media folder."""
    from manim import config

    from pipeline.voice import SPEECH_DIR, default_voice, voice_for

    return voice_for(default_voice(), Path(config.media_dir) / ".cache" / SPEECH_DIR)


class ExplainerScene(Scene):
    # What each scene declares (read without importing manim by pipeline.catalog, so keep them
    # plain string literals): its name in ORDER and on the command line, its chapter title,
    # a one-line summary for `render.py list`, and the learned weights it draws, which join
    # its cache key ("projection", "heads").
    scene_name = ""
    chapter = ""
    summary = ""
    needs: tuple = ()
    steps: tuple = ()        # names of the step methods, in order

    def __init__(self, example: Optional[Example] = None, theme: Optional[Theme] = None, voice=None, **kwargs):
        self.example = example if example is not None else example_from_environment()
        check_drawable(self.example, self.scene_name)
        self.theme = theme if theme is not None else theme_named()
        self.traces = trace_example(self.example)
        self.shown: list = []                # every matrix and chart this scene drew (tests read them back)
        self.captions: list[str] = []        # the narration, in order
        self._dimmed: dict = {}              # id -> (leaf, fill, stroke opacity) dimmed by focus_on
        # render.py passes a voice and adds the sound itself; the plain manim CLI has manim add it
        self.voice = voice if voice is not None else voice_from_environment()
        self._manim_adds_sound = voice is None
        self.cues: list[Cue] = []            # every narration cue, as played
        self._step, self._step_cues = "", 0  # the step playing, and how many cues it has had
        self._quiet_at = 0.0                 # when the last speech (and its pause) is over
        super().__init__(**kwargs)

    @classmethod
    def chapter_number(cls) -> int:
        """The chapter number is the scene's position in the explainer's order."""
        return ORDER.index(cls.scene_name) + 1

    def chapter_title(self, detail: str = ""):
        """The heading, top left: "4 · Row-wise softmax" (and an optional detail)."""
        text = f"{self.chapter_number()} · {self.chapter}" + (f": {detail}" if detail else "")
        return title(text, self.theme)

    # -- example helpers ----------------------------------------------------------------------
    @property
    def first(self):
        """The sentence single-sentence scenes explain: the first one containing the focus word."""
        return self.traces[self.example.focus_sentences()[0]]

    def focus_row(self, sentence) -> int:
        return sentence.tokens.index(self.example.focus)

    @property
    def vector_scale(self) -> float:
        """One colour scale for every vector-valued matrix: the strongest embedding value."""
        return float(max(np.abs(v).max() for v in self.example.embeddings.values())) or 1.0

    @property
    def score_scale(self) -> float:
        """Scores and scaled scores share a scale, so scaling visibly pales the colours."""
        return float(max(np.abs(s.simple.scores).max() for s in self.traces)) or 1.0

    def token_colors(self, tokens) -> dict:
        return {i: self.theme.focus for i, t in enumerate(tokens) if t == self.example.focus}

    def dim_colors(self) -> dict:
        named = {"animal": self.theme.animal, "tech": self.theme.tech}
        return {j: named[d] for j, d in enumerate(self.example.dims) if d in named}

    # -- building and staging -------------------------------------------------------------------
    def grid(self, values, name: str, **kwargs) -> MatrixGrid:
        """Make a MatrixGrid and remember it: `name` is the trace path of what it shows."""
        g = MatrixGrid(values, self.theme, name=name, **kwargs)
        self.shown.append(g)
        return g

    def chart(self, values, labels, name: str, **kwargs) -> BarChart:
        """Make a BarChart of one row of weights and remember it, like grid()."""
        c = BarChart(values, labels, self.theme, name=name, **kwargs)
        self.shown.append(c)
        return c

    def setup(self):
        self.camera.background_color = self.theme.background

    def construct(self):
        for step in self.steps:
            self.next_section(step)  # one section per step: the slide deck's unit
            self._step, self._step_cues = step, 0
            getattr(self, step)()
            self._hold_until(self._quiet_at)  # a step's speech ends within its section
            self.step_finished(step)
        self.wait(1.0)

    def step_finished(self, step: str) -> None:
        """Called with the picture as each step leaves it (the tests check the frame here)."""

    def narrate(self, text: str, *animations, run_time: float = 1.5, wait: float = 0.0):
        """Say `text` as the animations play (they start with it, at their own speed), then hold:
        until the speech is over and a short pause has passed, or, without a voice, until the
        caption can have been read (and at least `wait`)."""
        end = self._cue(text, budget=max(run_time + wait, reading_time(text)), least=run_time)
        if animations:
            self.play(*animations, run_time=run_time)
        self._hold_until(end)

    def caption_over(self, text: str):
        """Say `text` over the animations that follow (no waiting here; the next cue waits until
        this one is over: spoken, or up long enough to be read)."""
        self._cue(text, budget=reading_time(text), least=0.0)

    def _cue(self, caption: str, budget: float, least: float) -> float:
        """Start a cue: once the previous cue is over, so no two cues overlap (in the sound, the
        subtitles or the script), and right before the animations it is said over, so it starts
        with them. Speak it, record it, caption it. Returns when its stretch may end: `least`
        seconds after it starts at the earliest."""
        self._step_cues += 1
        cue_id = f"{self.scene_name}.{self._step}.{self._step_cues}"
        text = spoken(caption, keep=list(self.example.embeddings))  # the example's tokens are said as written
        speech = self.voice.speak(cue_id, text)
        self._hold_until(self._quiet_at)
        # a hold is whole frames and may stop short of the moment by less than one: the cue then
        # starts at the moment itself, that fraction of a frame after the picture's
        start = max(self.time, self._quiet_at)
        shown, audio, source = (budget, None, "") if speech is None else (speech.duration, str(speech.path), speech.source)
        self.cues.append(Cue(cue_id, start, shown, text, caption, budget, audio, source))
        self.captions.append(caption)
        self.add_subcaption(caption, duration=shown, offset=start - self.time)
        if speech is None:  # up until it can have been read
            self._quiet_at = start + shown
            return start + max(least, budget)
        if self._manim_adds_sound:
            self.add_sound(str(speech.path), time_offset=start - self.time)
        self._quiet_at = start + speech.duration + PAUSE
        return max(start + least, self._quiet_at)

    def _hold_until(self, moment: float) -> None:
        """Hold the picture until `moment` (seconds into the clip); a hold under a frame is skipped."""
        if moment - self.time > 0.02:
            self.wait(moment - self.time)

    def focus_on(self, keep: Iterable, pool: Optional[Iterable] = None) -> list:
        """Animations that dim everything in `pool` (default: on screen) except `keep`: the way
        3Blue1Brown directs the eye. `restore()` brings the dimmed parts back exactly."""
        keep_set = set()
        for mob in keep:
            keep_set.update(mob.get_family())
        anims = []
        for mob in list(pool if pool is not None else self.mobjects):
            for leaf in mob.get_family():
                if leaf in keep_set or leaf.submobjects or not isinstance(leaf, VMobject) or id(leaf) in self._dimmed:
                    continue
                self._dimmed[id(leaf)] = (leaf, leaf.get_fill_opacity(), leaf.get_stroke_opacity())
                anims.append(leaf.animate.fade(1 - self.theme.dim_opacity))
        return anims

    def restore(self) -> list:
        """Animations that undo every focus_on so far."""
        on_screen = {id(m) for top in self.mobjects for m in top.get_family()}
        anims = [leaf.animate.set_fill(opacity=fill).set_stroke(opacity=stroke)
                 for key, (leaf, fill, stroke) in self._dimmed.items() if key in on_screen]
        self._dimmed = {}
        return anims

    def clear_all(self, run_time: float = 0.8):
        if self.mobjects:
            self.play(*(FadeOut(m) for m in self.mobjects), run_time=run_time)
