"""Construct scenes cheaply for tests, and look up what a drawn matrix should hold.

Each scene is built once per process and example (tests are grouped per scene, so a scene is
built in one xdist worker only), nothing written:
- on the built-in example, for real: every animation stepped frame by frame (2 frames a second);
- on the second example (tests/data/second.yaml, also the widest layout accepted), with
  animations skipped (each jumps to its end) and no frames drawn.
While a scene is built, the picture each step leaves behind is checked against the frame, and after
every animation each geometric figure on screen (a plane of arrows, a pattern of attention lines) is
checked: nothing else overlaps it, its labels do not overprint, no text in the subtitles' band.
Every label on screen (any Text more than half opaque) is checked while it moves: at each frame of
the animated build, a quarter, half and three quarters into each skipped animation (and into each
animation shorter than a frame), and where each animation ends: no two labels printed over each
other, none in the subtitles' band (tests/test_motion.py reads the findings)."""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from attention_math import load_example, softmax, trace_example
from attention_math.breakdown import softmax_row
from attention_math.geometry import embedding_plane

DATA = Path(__file__).parent / "data"
EXAMPLES = {"builtin": None, "second": DATA / "second.yaml"}

# The size the suite constructs at: a few pixels, two frames a second, nothing written. Each test
# process gets its own text and TeX folders (manim's shared ones race between processes).
_WORK = Path(tempfile.mkdtemp(prefix="scene-tests-"))
# Removed when the process ends: every test process makes one, and they added up to ~1500 a day.
atexit.register(shutil.rmtree, _WORK, ignore_errors=True)
TINY = {"dry_run": True, "pixel_width": 96, "pixel_height": 54, "frame_rate": 2, "disable_caching": True,
        "verbosity": "ERROR", "progress_bar": "none", "media_dir": str(_WORK), "text_dir": str(_WORK / "texts"),
        "tex_dir": str(_WORK / "tex")}


def outside_frame(scene) -> list:
    """Names of on-screen mobjects that reach past the frame's edges."""
    from manim import config

    half_w, half_h = config.frame_width / 2, config.frame_height / 2
    out = []
    for mob in scene.mobjects:
        if not mob.has_points() and not mob.submobjects:
            continue
        if (mob.get_left()[0] < -half_w - 1e-6 or mob.get_right()[0] > half_w + 1e-6
                or mob.get_bottom()[1] < -half_h - 1e-6 or mob.get_top()[1] > half_h + 1e-6):
            out.append(getattr(mob, "name", type(mob).__name__))
    return out


def _box(mob) -> tuple:
    """(left, bottom, right, top) of everything drawn in `mob` (one pass over its points)."""
    points = [m.points for m in mob.family_members_with_points()]
    if not points:
        centre = mob.get_center()
        return centre[0], centre[1], centre[0], centre[1]
    every = np.concatenate(points)
    low, high = every.min(axis=0), every.max(axis=0)
    return low[0], low[1], high[0], high[1]


def _pieces(mob, part_ids: set) -> tuple:
    """(whether `mob` holds part of a figure, its pieces that do not): `mob` itself when it holds
    none of it, else its submobjects' pieces. One pass over the family. A value tracker is
    never a piece: it holds its value as a point, and is never drawn."""
    from manim import ValueTracker

    if id(mob) in part_ids:
        return True, []
    if isinstance(mob, ValueTracker):
        return False, []
    below = [_pieces(sub, part_ids) for sub in mob.submobjects]
    if any(holds for holds, _ in below):
        return True, [piece for _, pieces in below for piece in pieces]
    return False, [mob] if mob.family_members_with_points() else []


class Problems(list):
    """A list of problems that also says how many figures were checked."""

    checked = 0


def figure_problems(scene) -> Problems:
    """What is wrong with the geometric figures on screen now: another thing overlapping one (a
    table, a caption, another figure), two of its labels overprinting, text in the bottom band the
    video player's subtitles use."""
    from itertools import combinations

    from scenes.geometry import AttentionPattern, VectorPlane, boxes_overlap

    tops = list(scene.mobjects)
    veils = [k for k, top in enumerate(tops) if getattr(top, "is_veil", False) and top.get_fill_opacity() >= 0.99]
    tops = tops[veils[-1] + 1:] if veils else tops  # what an opaque veil covers is not seen
    figures = [m for top in tops for m in top.get_family() if isinstance(m, (VectorPlane, AttentionPattern))]
    heading = getattr(scene, "heading", None)
    problems = Problems()
    problems.checked = len(figures)
    for figure in figures:
        name = type(figure).__name__
        parts = [m for m in figure.parts() if m.family_members_with_points()]
        part_ids = {id(m) for part in parts for m in part.get_family()}
        ink = [_box(part) for part in parts]
        for top in tops:
            for piece in _pieces(top, part_ids)[1]:
                box = _box(piece)
                if piece is not heading and any(boxes_overlap(box, b) for b in ink):
                    problems.append(f"{name} overlaps {type(piece).__name__} {getattr(piece, 'text', '')}".strip())
        labels = figure.labels()
        boxes = [_box(lab) for lab in labels]
        for (a, box_a), (b, box_b) in combinations(zip(labels, boxes), 2):
            if boxes_overlap(box_a, box_b):
                problems.append(f"{name}: labels '{getattr(a, 'text', '?')}' and '{getattr(b, 'text', '?')}' overprint")
        problems.extend(f"{name}: '{getattr(lab, 'text', '?')}' in the subtitles' band"
                        for lab, box in zip(labels, boxes) if box[1] < band_top(scene) - 1e-6)
    return problems


# A label is a Text more than half opaque; two labels overprint when their inks overlap by more
# than this share of the smaller one's ink.
LABEL_OPACITY = 0.5
OVERPRINT_SHARE = 0.2
SAMPLED = (0.25, 0.5, 0.75)  # the moments looked at inside a skipped animation (or one a frame long)
TIME_BASED_UPDATER = "a mobject with a time-based updater"  # noted with the kinds: sampling calls it more often


def _is_veil(mob) -> bool:
    return "is_veil" in mob.__dict__  # not getattr: a Mobject's __getattr__ is slow to say no


def _texts_and_veils(mobs) -> tuple:
    """([Text or Veil sheet], {id of a text an updater may change}): the texts and veils in the
    families of `mobs`, in the order they are drawn (their glyphs are not walked). A veil may be
    inside a group: playing an AnimationGroup groups its mobjects."""
    from manim import Text

    found, updated, stack = [], set(), [(mob, False) for mob in reversed(mobs)]
    while stack:
        mob, under_updater = stack.pop()
        under_updater = under_updater or bool(mob.updaters)
        if isinstance(mob, Text) or _is_veil(mob):
            found.append(mob)
            if under_updater:
                updated.add(id(mob))
        else:
            stack.extend((sub, under_updater) for sub in reversed(mob.submobjects))
    return found, updated


def _glyphs(text) -> list:
    """A text's glyphs that have points (they are its submobjects, unless a transform nested them)."""
    subs = text.submobjects
    if any(g.submobjects for g in subs):
        return text.family_members_with_points()
    return [g for g in subs if len(g.points)]


def moves_labels(animations) -> bool:
    """Whether playing `animations` can move, show or hide a label: whether any of them animates a
    Text or a Veil (a hold, a box drawn, lines growing cannot). Only these are looked inside."""
    from manim import Wait

    return any(not isinstance(a, Wait) and a.mobject is not None and _texts_and_veils([a.mobject])[0]
               for a in animations)


def every_animation(animations) -> list:
    """The animations played, with those inside groups (LaggedStart, Succession, ...)."""
    from manim import AnimationGroup

    found, stack = [], list(animations)
    while stack:
        anim = stack.pop()
        found.append(anim)
        if isinstance(anim, AnimationGroup):
            stack.extend(anim.animations)
    return found


def _copied_from(animations) -> list:
    """[(id(copy), id(source))]: for each TransformFromCopy playing, each text of the copy with
    each text of the source it starts from (the copy's start overlaps it). A copy leaving the
    label it was copied from is not an overprint; crossing any other label is. Worked out once
    per animation (the source does not move while it is copied)."""
    from manim import Text, TransformFromCopy

    pairs = []
    for anim in every_animation(animations):
        if not isinstance(anim, TransformFromCopy):
            continue
        if not hasattr(anim, "copied_from"):
            # it animates `mobject` out of target_copy, a copy of the source aligned with it leaf by leaf
            copies = [(text, start) for text, start in zip(anim.mobject.get_family(), anim.target_copy.get_family())
                      if isinstance(text, Text)]
            sources = [m for m in _texts_and_veils([anim.target_mobject])[0] if isinstance(m, Text)]
            near = shared_area(np.array([_box(start) for _, start in copies]).reshape(-1, 4),
                               np.array([_box(m) for m in sources]).reshape(-1, 4)) > 0
            anim.copied_from = [(id(copies[i][0]), id(sources[j])) for i, j in zip(*np.nonzero(near))]
        pairs += anim.copied_from
    return pairs


class Labels:
    """The labels on screen at one moment: `texts` (n), and the ink each prints: `glyphs` (m, 4),
    the (left, bottom, right, top) boxes of their glyphs more than half opaque and on the frame,
    `owner` (m) the text each belongs to (sorted), `boxes` (n, 4) each text's whole ink box."""

    def __init__(self, texts: list, glyphs: np.ndarray, owner: np.ndarray):
        self.texts, self.glyphs, self.owner = texts, glyphs, owner
        first = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]]) if len(owner) else np.zeros(0, int)
        self.slices = list(zip(first, np.r_[first[1:], len(owner)].astype(int)))
        self.boxes = (np.hstack([np.minimum.reduceat(glyphs[:, :2], first), np.maximum.reduceat(glyphs[:, 2:], first)])
                      if len(owner) else np.zeros((0, 4)))
        self.ink_area = np.add.reduceat(_areas(glyphs), first) if len(owner) else np.zeros(0)


def _areas(boxes: np.ndarray) -> np.ndarray:
    return (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])


def shared_area(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(len(a), len(b)): the area each box of `a` shares with each box of `b`, all pairs at once."""
    width = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    height = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    return np.clip(width, 0, None) * np.clip(height, 0, None)


def _glyph_ink(glyphs: list) -> tuple:
    """((m, 4) boxes, (m,) fill opacities) of glyphs. manim keeps one fill colour per glyph
    (several only for a gradient): its first, as manim reads it."""
    if not glyphs:
        return np.zeros((0, 4)), np.zeros(0)
    sizes = [len(g.points) for g in glyphs]
    points = np.concatenate([g.points for g in glyphs])[:, :2]
    starts = np.cumsum([0] + sizes[:-1])
    boxes = np.hstack([np.minimum.reduceat(points, starts), np.maximum.reduceat(points, starts)])
    return boxes, np.array([g.fill_rgbas[0, 3] for g in glyphs])


class _Layout(NamedTuple):
    """The texts on screen during one play and the veils in front of them, with the ink of those
    the play does not move (worked out once): the rest is read again at every moment."""

    texts: list
    behind: np.ndarray    # (n,) how many veils are in front of each text
    veils: list           # front to back
    moving: list          # indices of the texts the play moves (or an updater may)
    still: tuple          # (boxes, opacities, owners) of the other texts' glyphs


def _layout(mobs, animations=None) -> _Layout:
    """What is on screen in `mobs` while `animations` play (None: anything may move)."""
    texts, behind, veils, seen = [], [], [], set()
    drawn, updated = _texts_and_veils(mobs)
    for mob in reversed(drawn):  # front to back
        if _is_veil(mob):
            veils.append(mob)
        elif id(mob) not in seen:
            seen.add(id(mob))
            texts.append(mob)
            behind.append(len(veils))
    if animations is None:
        moving = range(len(texts))
    else:
        animated = {id(m) for m in _texts_and_veils([a.mobject for a in animations if a.mobject is not None])[0]}
        moving = [k for k, t in enumerate(texts) if id(t) in animated or id(t) in updated]
    still = [(k, g) for k in sorted(set(range(len(texts))) - set(moving)) for g in _glyphs(texts[k])]
    boxes, opacity = _glyph_ink([g for _, g in still])
    return _Layout(texts, np.array(behind, dtype=int), veils, list(moving),
                   (boxes, opacity, np.array([k for k, _ in still], dtype=int)))


def visible_labels(scene, layout: _Layout | None = None) -> Labels:
    """Every Text on screen now with the glyphs it prints. Opacities are per glyph in manim; a Veil
    lowered over a label dims it by the veil's opacity; ink wholly off the frame is not seen.
    `layout`: the scene's _layout for the play going on (by default, worked out now)."""
    from manim import config

    texts, behind, veils, moving, (still_boxes, still_opacity, still_owner) = layout or _layout(scene.mobjects)
    now = [(k, g) for k in moving for g in _glyphs(texts[k])]
    boxes, opacity = _glyph_ink([g for _, g in now])
    boxes, opacity = np.vstack([still_boxes, boxes]), np.concatenate([still_opacity, opacity])
    owner = np.concatenate([still_owner, np.array([k for k, _ in now], dtype=int)])
    order = np.argsort(owner, kind="stable")  # each text's glyphs together, texts in drawing order
    boxes, opacity, owner = boxes[order], opacity[order], owner[order]
    seen_through = np.cumprod([1.0] + [1.0 - veil.get_fill_opacity() for veil in veils])
    (x, y, _), share = camera_view(scene)  # what the camera sees now
    half_w, half_h = share * config.frame_width / 2, share * config.frame_height / 2
    inked = ((opacity * seen_through[behind][owner] > LABEL_OPACITY) & (boxes[:, 2] > x - half_w)
             & (boxes[:, 0] < x + half_w) & (boxes[:, 3] > y - half_h) & (boxes[:, 1] < y + half_h))
    kept = np.unique(owner[inked])  # the texts with ink, renumbered 0..n-1 in order
    return Labels([texts[k] for k in kept], boxes[inked], np.searchsorted(kept, owner[inked]))


def overprints(labels: Labels, exempt=lambda i, j: False) -> list:
    """[(i, j, share)]: labels i < j whose inks overlap by more than OVERPRINT_SHARE of the smaller
    ink, unless exempt(i, j). A label's ink is its glyphs' boxes, not one box around the text: a
    label assembled from copies has its glyphs in several places mid-flight, and the space between
    them is not ink."""
    touching = np.triu(shared_area(labels.boxes, labels.boxes) > 0, k=1)  # all pairs at once, then glyphs
    found = []
    for i, j in zip(*np.nonzero(touching)):
        (a, b), (c, d) = labels.slices[i], labels.slices[j]
        shared = shared_area(labels.glyphs[a:b], labels.glyphs[c:d]).sum()
        share = shared / max(min(labels.ink_area[i], labels.ink_area[j]), 1e-12)
        if share > OVERPRINT_SHARE and not exempt(i, j):
            found.append((int(i), int(j), float(share)))
    return found


def label_problems(scene, animations=(), layout: _Layout | None = None) -> tuple:
    """(overprints, in the band) now: [(text a, text b, share)] of labels printed over each other
    and [text] of labels with ink in the subtitles' band. Two labels of the same words, and a copy
    leaving its source in one of `animations`, are not an overprint: they read as one label."""
    labels = visible_labels(scene, layout)
    texts = labels.texts
    index = {id(t): k for k, t in enumerate(texts)}
    copied = {frozenset((index[a], index[b])) for a, b in _copied_from(animations) if a in index and b in index}

    def exempt(i, j):  # the same words twice read as one label (a copy on its way, or landing)
        return texts[i].text == texts[j].text or frozenset((i, j)) in copied

    pairs = [(texts[i], texts[j], share) for i, j, share in overprints(labels, exempt)]
    return pairs, [texts[k] for k in np.flatnonzero(labels.boxes[:, 1] < band_top(scene) - 1e-6)]


def band_top(scene) -> float:
    """Where the subtitles' band begins now, in scene units: the camera may have moved in."""
    from scenes.geometry import SUBTITLE_TOP

    (_, y, _), share = camera_view(scene)
    return y + share * SUBTITLE_TOP


def camera_view(scene) -> tuple:
    """(centre, share of the frame's width) the camera sees now: a scene's camera may move in
    (ExplainerScene.zoom_on); a plain Scene's sees the whole frame."""
    from manim import config

    frame = getattr(scene.camera, "frame", None)
    return (frame.get_center(), frame.width / config.frame_width) if frame is not None else (np.zeros(3), 1.0)


class Seen(NamedTuple):
    """A label as a problem report names it: its words and where its centre was."""

    words: str
    x: float
    y: float

    @classmethod
    def of(cls, text) -> "Seen":
        x, y = text.get_center()[:2]
        return cls(text.text, round(float(x), 2), round(float(y), 2))

    def __str__(self) -> str:
        return f"'{self.words}' at ({self.x:.1f}, {self.y:.1f})"


class Overprint(NamedTuple):
    """Two labels printed over each other: during play `play` (manim's num_plays), `moment`
    seconds into the clip, sharing `share` of the smaller one's ink."""

    play: int
    moment: float
    first: Seen
    second: Seen
    share: float


class InBand(NamedTuple):
    """A label with ink in the subtitles' band during play `play`, `moment` seconds in."""

    play: int
    moment: float
    label: Seen


def build(scene_name: str, example, theme: str = "dark", animate: bool = False):
    """Run a scene's construct and return the scene; `step_bounds` lists, for each step, what
    was outside the frame when it ended. animate=True steps through every animation's frames;
    otherwise animations jump to their end and no frame is drawn (pixels are not checked here)."""
    from pipeline.catalog import by_name, scene_class
    from scenes.theme import theme_named

    return run_checked(scene_class(by_name(scene_name)), animate, example=example, theme=theme_named(theme))


def kind(animation) -> str:
    """An animation's class, as the checks record which kinds were played."""
    return f"{type(animation).__module__}.{type(animation).__qualname__}"


def run_checked(base, animate: bool = False, sample: bool = True, **scene_kwargs):
    """Construct a `base` scene (its class) while checking it, and return it. Each play's end
    state is checked for figures (figure_problems) and labels (label_problems), and its moments
    in between for labels: every frame of an animated build, and the SAMPLED moments of every
    animation (sample=False leaves those out: tests/test_motion.py shows that looking at them
    does not change where an animation ends)."""
    from manim import tempconfig

    time_based: list = []  # whatever is given a time-based updater during the build
    with tempconfig(TINY), _building(animate, time_based):
        scene = _checked(base, sample, time_based)(skip_animations=not animate, **scene_kwargs)
        scene.render()
    if time_based and sample:
        scene.animation_kinds.add(TIME_BASED_UPDATER)
    scene.animated = animate
    return scene


def _building(animate: bool, time_based: list):
    """What a test build changes in manim while it runs (a context manager)."""
    import inspect
    from contextlib import ExitStack
    from unittest import mock

    from manim import Mobject
    from manim.mobject.text import text_mobject
    from manim.renderer.cairo_renderer import CairoRenderer

    patches = ExitStack()
    add_updater = Mobject.add_updater

    def noting_time_based(mob, update_function, *args, **kwargs):
        if "dt" in inspect.signature(update_function).parameters:
            time_based.append(mob)
        return add_updater(mob, update_function, *args, **kwargs)

    patches.enter_context(mock.patch.object(Mobject, "add_updater", noting_time_based))
    # Pango wraps text at the frame's pixel width: shape it for a full-size frame, as a render
    # does, or a long caption would wrap here (and be measured taller and narrower) but not there
    text2svg = text_mobject.manimpango.text2svg
    full_width = lambda *args: text2svg(*args[:7], 3840, 2160, *args[9:])  # noqa: E731
    patches.enter_context(mock.patch.object(text_mobject.manimpango, "text2svg", full_width))
    if not animate:
        for method in ("update_frame", "save_static_frame_data"):
            patches.enter_context(mock.patch.object(CairoRenderer, method, lambda *args, **kwargs: None))
    return patches


def _checked(base, sample: bool, time_based: list):
    """`base` (a scene class) with the checks: what each finds is kept on the scene."""

    class Checked(base):
        def __init__(self, *args, **kwargs):
            self.step_bounds, self.step_labels, self.figure_problems, self.figures_checked = [], [], [], 0
            self.step_zooms = []  # (step, share of the frame the camera sees, its centre) as each step ends
            self.label_overprints, self.band_texts, self.label_moments, self.animation_kinds = [], [], 0, set()
            # prefixed: scenes keep their own `layout` (scores, softmax), which must not be overwritten
            self._checked_layout_key, self.moves_labels = (None, None), False
            super().__init__(*args, **kwargs)

        def step_finished(self, step):
            self.step_bounds.append((step, outside_frame(self)))
            centre, share = camera_view(self)
            self.step_zooms.append((step, share, tuple(np.round(centre, 6))))
            labels = visible_labels(self)
            # each text's size as the step ends: the texts live on, and a later step may scale them
            labels.sizes = [float(text.font_size) for text in labels.texts]
            self.step_labels.append((step, labels))

        def play(self, *args, **kwargs):
            self.play_started = self.time
            super().play(*args, **kwargs)
            problems = figure_problems(self)
            self.figure_problems += [(self.renderer.num_plays, p) for p in problems]
            self.figures_checked += problems.checked
            if self.moves_labels or self._checked_layout_key[1] != [id(m) for m in self.mobjects]:
                self.check_labels(self.time)  # where the animation left them (or what joined or left)

        def begin_animations(self):
            super().begin_animations()
            self.moves_labels = moves_labels(self.animations)

        def add_updater(self, func):
            time_based.append(self)  # a scene's updaters are all given the time step
            super().add_updater(func)

        def update_to_time(self, t):
            """manim moves the animations to `t` seconds into the play here: at every frame of an
            animated build, once (to the end) in a skipped one. The labels are checked at every
            frame; a skipped play, and a play no frame looks inside (one frame long or less), at
            the SAMPLED moments too (in time order: manim's groups only go forwards). A play that
            moves no label (a hold, a box drawn, lines growing) is only checked at its end."""
            if not self.moves_labels:
                return super().update_to_time(t)
            skipped = self.renderer.skip_animations
            if skipped:
                self.sample_before(t)
            super().update_to_time(t)
            if not skipped:
                self.check_labels(self.play_started + t, self.animations)
                if self.duration <= 1 / self.camera.frame_rate:  # t = 0 is its only frame
                    self.sample_before(self.duration)

        def sample_before(self, end):
            """Move to and check the SAMPLED moments after the last update and before `end`."""
            for moment in (alpha * self.duration for alpha in (SAMPLED if sample else ())):
                if self.last_t < moment < end:
                    super().update_to_time(moment)
                    self.check_labels(self.play_started + moment, self.animations)

        def check_labels(self, moment, animations=()):
            # what is on screen is worked out again for each play, and when mobjects join or leave
            key = (self.play_started, [id(m) for m in self.mobjects])
            if self._checked_layout_key != key:
                self._checked_layout_key = key
                self._checked_layout = _layout(self.mobjects, animations or self.animations)
            overprinted, in_band = label_problems(self, animations, self._checked_layout)
            where = (self.renderer.num_plays, round(float(moment), 2))
            self.label_overprints += [Overprint(*where, Seen.of(a), Seen.of(b), round(share, 3))
                                      for a, b, share in overprinted]
            self.band_texts += [InBand(*where, Seen.of(text)) for text in in_band]
            self.label_moments += 1
            self.animation_kinds.update(kind(a) for a in every_animation(animations))

    return Checked


@lru_cache(maxsize=None)
def built_scene(scene_name: str, example_key: str, theme: str = "dark"):
    """The built-in example's dark build is the real, animated one; the others are quick."""
    animate = example_key == "builtin" and theme == "dark"
    return build(scene_name, load_example(EXAMPLES[example_key]), theme, animate=animate)


def expected_values(name: str, example, sentence_index: int) -> np.ndarray:
    """What a drawn matrix named `name` must show, computed from attention_math independently
    of the scene code. Names: [sentences[k]. | pair[k].] path [.T] [[focus]], e.g.
    'simple.weights', 'input.T', 'pair[1].simple.output[focus]', 'softmax(simple.scores[focus])'."""
    traces = trace_example(example)
    if name == "embeddings":
        return np.array([example.embeddings[t] for t in example.embeddings])
    if name in ("pair_summary[focus]", "pair_summary[focus][plane]"):
        # the focus word's input, then its output in each of two sentences; [plane]: only the two
        # dims the embedding plane draws (attention_math.geometry.embedding_plane's axes)
        pair = [traces[k] for k in example.focus_sentences()[:2]]
        rows = [pair[0].input[pair[0].tokens.index(example.focus)]]
        summary = np.array(rows + [s.simple.output[s.tokens.index(example.focus)] for s in pair])
        return summary[:, list(embedding_plane(example).axes)] if name.endswith("[plane]") else summary
    wrapper = None
    match = re.fullmatch(r"softmax\((.*)\)", name)
    if match:
        wrapper, name = softmax, match.group(1)
    if name.startswith("softmax.exps"):
        wrapper, name = (lambda row: softmax_row(row).exps), "simple.scaled" + name[len("softmax.exps"):]
    match = re.match(r"(sentences|pair)\[(\d+)\]\.(.*)", name)
    if match:
        k = int(match.group(2))
        sentence_index = k if match.group(1) == "sentences" else example.focus_sentences()[k]
        name = match.group(3)
    sentence = traces[sentence_index]
    focus = name.endswith("[focus]")
    path = name[: -len("[focus]")] if focus else name
    transpose = path.endswith(".T")
    path = path[:-2] if transpose else path
    value = sentence
    for part in path.split("."):
        match = re.fullmatch(r"(\w+)\[(\d+)\]", part)
        value = getattr(value, match.group(1))[int(match.group(2))] if match else getattr(value, part)
    value = np.asarray(value, dtype=float)
    if transpose:
        value = value.T
    if focus:
        value = value[sentence.tokens.index(example.focus)]
    if wrapper is not None:
        value = wrapper(value)
    return value
