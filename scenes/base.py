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
from manim import AnimationGroup, Group, MovingCameraScene, Text, VGroup, VMobject, Wait, config
from manim.animation.animation import prepare_animation

from attention_math.example import Example
from attention_math.trace import trace_example
from pipeline.limits import check_drawable
from scenes import HAND_OVER_SECTION, ORDER
from scenes.components import BarChart, MatrixGrid, pieces, title
from scenes.handoff import boundary, loose_labels, moving, settle, with_loose
from scenes.geometry import Veil
from scenes.motion import Vanish, during
from scenes.speech import Cue, reading_time, spoken
from scenes.staging import BOTTOM, TOP
from scenes.theme import Theme, theme_named

PAUSE = 0.4  # seconds of quiet after a spoken cue before the next may start
CLEARING_TIME = 0.4  # seconds an old picture takes to go under the veil before the next one comes
# the share of them the new picture overlaps: a short cross-fade, no empty frame between pictures,
# the old one mostly veiled before the new one is more than faint
CLEARING_OVERLAP = 0.4


def example_from_environment() -> Example:
    from attention_math.loader import load_example

    path = os.environ.get("ATTENTION_EMBEDDINGS") or None
    return load_example(path)


def voice_from_environment():
    """The plain manim CLI's voice: ATTENTION_VOICE (joe or none), speech cached in its media folder."""
    from manim import config

    from pipeline.voice import SPEECH_DIR, default_voice, voice_for

    return voice_for(default_voice(), Path(config.media_dir) / ".cache" / SPEECH_DIR)


class ExplainerScene(MovingCameraScene):
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
        self.opening = None                  # the previous scene's last picture, which this one opens on
        self.first_picture = None            # a copy of what the first frame shows (tests compare it)
        self._after_play: list = []          # what a play leaves to be done once it is over
        self._clearing = None                # a Veil to lower over the old picture in the next play
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

    def word_rows(self) -> dict:
        """The labels of a words × dims table of the first sentence (its input, its output): one row
        per word, one column per dimension, coloured as everywhere, on the vectors' colour scale."""
        tokens = list(self.first.tokens)
        return dict(row_labels=tokens, col_labels=list(self.example.dims), value_scale=self.vector_scale,
                    row_label_colors=self.token_colors(tokens), col_label_colors=self.dim_colors())

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
        self.open_from_previous()
        for step in self.steps:
            self.next_section(step)  # one section per step: the slide deck's unit
            self._step, self._step_cues = step, 0
            getattr(self, step)()
            self._hold_until(self._quiet_at)  # a step's speech ends within its section
            self.step_finished(step)
        if self.hands_over():
            self._clearing = None  # the hand-over takes the old picture away as the next one comes
            self.next_section(HAND_OVER_SECTION)  # not a step: the decks show what each step builds
            self.hand_over()
        elif self._clearing is not None:  # nothing comes after it: the old picture just goes
            veil, self._clearing = self._clearing, None
            self.play(veil.lower(), run_time=CLEARING_TIME)
        self.wait(1.0)

    def hands_over(self) -> bool:
        """Whether this clip ends by handing over to the next scene in ORDER: not the last scene,
        not the test fixtures (in no order), and not a still (--format png: the step's own final
        picture is the handout)."""
        return (self.scene_name in ORDER and ORDER.index(self.scene_name) + 1 < len(ORDER)
                and config.format != "png")

    def play(self, *args, **kwargs):
        if self.first_picture is None:  # nothing has moved yet: this is the clip's first frame
            self.first_picture = VGroup(*(m.copy() for m in self.mobjects))
        if self._clearing is not None and not all(isinstance(a, Wait) for a in args):
            # the old picture goes under the veil, and the play brings the new one as the veil
            # nears the end of its lowering (neither is read through the other, and no frame is empty)
            veil, self._clearing = self._clearing, None
            args = [prepare_animation(a) for a in args]
            run_time = kwargs.get("run_time", max(a.run_time for a in args))
            share = CLEARING_TIME / (run_time + CLEARING_TIME)
            args = (during(veil.lower(), 0.0, share), during(AnimationGroup(*args), share * (1 - CLEARING_OVERLAP), 1.0))
            kwargs["run_time"] = run_time + CLEARING_TIME
            self._after_play.append(lambda: (veil.hidden(), self.remove(veil.sheet)))
        super().play(*args, **kwargs)
        if self.camera.frame in self.get_mobject_family_members():
            # manim adds what a play animates (a group of animations: a group holding the frame and
            # the heading); the frame is not part of the picture, and its group dissolves with it
            self.remove(self.camera.frame)
        while self._after_play:
            self._after_play.pop(0)()

    # -- the camera: in onto what is being worked, and back ------------------------------------
    ZOOM_MARGIN = 0.3   # room kept round what the camera moves in onto (scene units, as zoomed)
    MOST_ZOOM = 2.0     # closer than this, a table's cells would outgrow the eye's span

    def zoom_on(self, *mobjects, margin: float = ZOOM_MARGIN):
        """The animation moving the camera in onto `mobjects` (what is being worked: a row, a column,
        a cell, the sum being written), as 3Blue1Brown moves in on a worked number. The zoomed view
        is the frame in small: `mobjects` sit where the frame's stage is (below the heading, above
        the subtitles' band), and the heading moves and shrinks with the camera, so it stays where
        it is on screen. zoom_out() goes back; every step ends zoomed out."""
        return self._camera_to(*self.zoom_target(*mobjects, margin=margin))

    def zoom_out(self):
        """The animation taking the camera back to the whole frame."""
        return self._camera_to(np.zeros(3), 1.0)

    def zoom_target(self, *mobjects, margin: float = ZOOM_MARGIN) -> tuple:
        """(centre, share of the frame's width) of the view zoom_on moves the camera to."""
        box = Group(*mobjects)
        left, bottom = box.get_corner(np.array([-1, -1, 0]))[:2]
        right, top = box.get_corner(np.array([1, 1, 0]))[:2]
        stage_w, stage_h = config.frame_width - 2 * margin, TOP - BOTTOM
        share = max((right - left + 2 * margin) / stage_w, (top - bottom + 2 * margin) / stage_h)
        if share >= 1.0:  # it takes the whole frame anyway
            return np.zeros(3), 1.0
        share = max(1.0 / self.MOST_ZOOM, share)
        # the box's centre goes where the stage's centre is on screen
        centre = np.array([(left + right) / 2, (top + bottom) / 2 - share * (TOP + BOTTOM) / 2, 0.0])
        return centre, share

    def cut_by_zoom(self, targets, candidates=None, keep=()) -> list:
        """The pieces of `candidates` (default: everything on screen), besides `keep`, that the view
        zoom_on(*targets) would not hold whole: cut at its sides, under the heading, or low in the
        subtitles' band. A word or a number is judged whole (the "m" of a cut "mouse" reads as a
        broken label, even dimmed), anything else leaf by leaf. Hide them while the camera is in
        (motion.hidden_while_zoomed)."""
        centre, share = self.zoom_target(*targets)
        half_w = share * config.frame_width / 2
        left, right, top, bottom = centre[0] - half_w, centre[0] + half_w, centre[1] + share * TOP, centre[1] + share * BOTTOM
        kept = {id(m) for mob in keep for m in mob.get_family()}

        def cut(piece) -> bool:
            return (piece.get_left()[0] < left or piece.get_right()[0] > right or piece.get_bottom()[1] < bottom
                    or piece.get_top()[1] > top)
        found = [piece for mob in (self.mobjects if candidates is None else candidates)
                 for piece in pieces(mob, skip=lambda m: id(m) in kept)]
        return [piece for piece in {id(p): p for p in found}.values() if cut(piece)]

    @property
    def zoom(self) -> tuple:
        """(centre, share of the frame's width) of the camera's view now."""
        frame = self.camera.frame
        return frame.get_center(), frame.width / config.frame_width

    def _camera_to(self, centre, share: float):
        frame, heading = self.camera.frame, getattr(self, "heading", None)
        now_centre, now_share = self.zoom
        moves = [frame.animate.set(width=share * config.frame_width).move_to(centre)]
        if heading is not None and heading in self.get_mobject_family_members():
            # the heading keeps its place on screen: it goes through the change of view the frame does
            moves.append(heading.animate.shift(-now_centre).scale(share / now_share, about_point=np.zeros(3))
                         .shift(centre))
        return AnimationGroup(*moves)

    def clear_with_next_play(self) -> None:
        """Everything on screen but the heading goes while the next play brings the new picture in
        (a veil lowers over it): no empty frame between two pictures, and the step that built the
        old picture ends on it (its slide and its poster show what it built)."""
        self._clearing = Veil(self)

    # -- one piece: each clip opens on the picture the previous one ends on (scenes.handoff) -------
    def open_from_previous(self) -> None:
        """Open on the picture the previous scene in ORDER ends on (the first scene opens empty).
        The first step then moves it into place (take_over) or lets it go."""
        k = ORDER.index(self.scene_name) if self.scene_name in ORDER else 0  # test fixtures are in no order
        if k > 0:
            self.opening = boundary(ORDER[k - 1], self)
            self.add(self.opening)

    def take_over(self, table: MatrixGrid, name=None, group=None) -> list:
        """Animations moving the opening's matrix onto `table` (another version of the same matrix,
        where this scene's layout has it) and its name onto `name` (the same words, or it fades);
        once played, `group` (by default `table` and `name`) is in the scene in their place."""
        animations, appearing = settle(moving(self.opening.table, table, self.opening.name, name))
        stays = [group] if group is not None else [m for m in (table, name) if m is not None]
        self._after_play.append(lambda: (self.remove(self.opening, *appearing), self.add(*stays)))
        return animations

    def let_go(self) -> list:
        """When this scene's first picture has no place for the opening's matrix: it fades."""
        return [Vanish(self.opening, gone=(0.0, 1.0))]

    def hand_over(self, run_time: float = 1.0) -> None:
        """End on the picture the next scene opens on: the matrix it takes as its input, centred
        and large. If that matrix is on screen it moves there (and its name, if written); the rest
        fades out, the heading too; otherwise the matrix fades in where it belongs as the rest goes
        (a last step's pending clearing is this: no empty frame between the two pictures)."""
        if not self.hands_over():
            return
        picture = boundary(self.scene_name, self)
        tops = list(self.mobjects)
        veils = [n for n, top in enumerate(tops) if getattr(top, "is_veil", False) and top.get_fill_opacity() >= 0.99]
        if veils:  # what an opaque veil covers is not seen: it goes first
            self.remove(*tops[:veils[-1]])
            tops = tops[veils[-1]:]
        family = [m for top in tops for m in top.get_family()]
        drawn = {id(m) for m in family}

        def on_screen(part) -> bool:  # a table's parts may be in the scene without the table (build_rows adds its numbers)
            return all(id(m) in drawn for m in part.family_members_with_points()) and _seen(part)

        twins = [g for g in self.shown if isinstance(g, MatrixGrid) and g is not picture.table
                 and g.values.shape == picture.table.values.shape and np.array_equal(g.values, picture.table.values)
                 and on_screen(g.numbers)]
        table = twins[-1] if twins else None
        name = next((m for m in reversed(family) if isinstance(m, Text) and m.text == picture.name.text and _seen(m)), None)
        pairs = [(old if old is not None and on_screen(old) else None, new)
                 for old, new in moving(table, picture.table, name, picture.name)]
        # words written beside the table, not its own, move with it
        texts = [m for m in family if isinstance(m, Text) and _seen(m)]
        loose = [] if table is None else loose_labels(table, picture.table, texts)
        pairs = [(old, new) for old, new in with_loose(pairs, loose) if old is not None or new is not None]
        kept = {id(m) for part in (table, name, *(old for old, _ in loose)) if part is not None for m in part.get_family()}
        rest = [piece for top in tops for piece in _outside(top, kept)]
        if any(old is not None for old, _ in pairs):  # the matrix is on screen: it moves there
            animations, appearing = settle(pairs)
            going = (0.0, 0.35)
        else:  # it comes in as the old picture goes: no empty frame between, and the two meet only
            # as the last few hundredths of the old one's opacity (r10: at 40% overlap, the bars
            # of softmax's last picture read over the attention matrix)
            going = (0.0, 0.5)
            appearing = [new for _, new in pairs]
            animations = [Vanish(new, back=(0.8 * going[1], 0.85)) for new in appearing]
        if rest:
            animations.insert(0, Vanish(VGroup(*rest), gone=going))
        self._after_play.append(lambda: (self.remove(*self.mobjects), self.add(picture)))
        self.play(*animations, run_time=run_time)

    def step_finished(self, step: str) -> None:
        """Called with the picture as each step leaves it (the tests check the frame here)."""

    def narrate(self, text: str, *animations, run_time: float = 1.5, wait: float = 0.0, through: bool = False):
        """Say `text` as the animations play (they start with it, at their own speed), then hold:
        until the speech is over and a short pause has passed, or, without a voice, until the
        caption can have been read (and at least `wait`). `through`: the animations stretched over
        the whole of the speech (at least `run_time`), so a key sentence is not said over a still
        frame."""
        end = self._cue(text, budget=max(run_time + wait, reading_time(text)), least=run_time)
        if animations:
            self.play(*animations, run_time=max(run_time, end - self.time - 0.4) if through else run_time)
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

def _seen(mob) -> bool:
    """Whether any of `mob` is drawn more than faintly (a dimmed table still counts)."""
    return any(max(m.get_fill_opacity(), m.get_stroke_opacity()) > 0.1 for m in mob.family_members_with_points())


def _outside(mob, kept: set) -> list:
    """The pieces of `mob` with nothing of `kept` (ids) in them: `mob` itself when it holds none
    (and is a VMobject: only those have the opacities a fade changes)."""
    if id(mob) in kept:
        return []
    if isinstance(mob, VMobject) and not any(id(m) in kept for m in mob.get_family()):
        return [mob]
    return [piece for sub in mob.submobjects for piece in _outside(sub, kept)]
