"""The vector picture's mobjects: a plane of two named dims with words as arrows, a projection, a
chain of weighted arrows laid tip to tail, a sentence's pattern of attention lines, and a grid of
weight discs. Every number they draw comes from attention_math.geometry; their methods return
animations, so a scene reads like the explanation (`plane.grow(words)`, `plane.projection(p, colour)
.animation()`, `pattern.lines_for(weights)`). Tests read the drawing back (through `axes.p2c`).
"""

from __future__ import annotations

import math
from typing import Optional, Sequence

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, AnimationGroup, Arrow, Axes, Circle, Create, DashedLine, Dot, FadeIn, FadeOut, GrowArrow,
    Indicate, LaggedStart, Line, Rectangle, ValueTracker, VGroup, VMobject, config, there_and_back,
)

from attention_math.formatting import format_number
from attention_math.geometry import (
    ArrowChain, Plane, Projection, disc_radius, line_opacity, line_width, near_zero, points_along, view_ranges,
)
from scenes.components import baseline_label, fit_label, label
from scenes.theme import Theme

# The bottom 12% of the frame belongs to the video player's subtitles: no text of ours goes there.
SUBTITLE_TOP = -config.frame_height / 2 + 0.12 * config.frame_height
WORD_SIZE = 22      # word labels in a plane (components.SMALLEST_TEXT: the floor)
TICK_SIZE = 22
CROWDED_WORD_SIZE = 18  # the least a word label in a plane steps down to rather than overprint
ARROW_WIDTH = 5
AXIS_OPACITY = 0.55  # the axes' lines, under the arrows drawn along them
DOT_RADIUS = 0.07
LEADER_FROM = 0.3   # a label placed further than this from its point gets a thin line to it
PARALLEL_OFFSET = 0.08  # a word's arrow along a longer one's line is drawn this far beside it (about 5 px
                        # at 480p): drawn on it, the two read as one arrow (friends' on cat's)
PARALLEL_ANGLE = 0.05   # sine of the angle under which two arrows count as lying along one line (3°)


def box_of(mob, pad: float = 0.0) -> tuple:
    """(left, bottom, right, top) of a mobject's bounding box, grown by `pad`."""
    return (mob.get_left()[0] - pad, mob.get_bottom()[1] - pad, mob.get_right()[0] + pad, mob.get_top()[1] + pad)


def nearest_point(mob, point) -> np.ndarray:
    """The point of `mob`'s bounding box nearest to `point` (where a leader from it ends)."""
    return np.clip(point, mob.get_corner(DOWN + LEFT), mob.get_corner(UP + RIGHT))


def boxes_overlap(a: tuple, b: tuple) -> bool:
    """Whether two (left, bottom, right, top) boxes overlap (touching is not overlapping)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def segments_meet(a, b, c, d, touching: bool = True) -> bool:
    """Whether the segments a–b and c–d (frame points, x and y read) cross, or (touching) also
    touch: an end on the other segment's line within its span. Collinear segments count as
    meeting even when apart (a cautious answer for a label's leader: it is moved either way)."""
    def side(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    across_ab, across_cd = side(a, b, c) * side(a, b, d), side(c, d, a) * side(c, d, b)
    if touching:
        return across_ab <= 0 and across_cd <= 0
    return across_ab < 0 and across_cd < 0


def segment_crosses(box: tuple, start, end, samples: Optional[int] = None) -> bool:
    """Whether the segment start–end passes through (or touches) the (left, bottom, right, top) box:
    the segment clipped to the box's slabs (Liang–Barsky), so a thin line through a corner counts.
    With `samples`, only that many evenly spaced points of it are looked at: the label placer's
    costs were tuned on a 17-point reading (read exactly, its axis strips outweighed an overprint)."""
    (x0, y0), (x1, y1) = np.asarray(start, dtype=float)[:2], np.asarray(end, dtype=float)[:2]
    if samples:
        xy = np.linspace((x0, y0), (x1, y1), samples)
        return bool(np.any((xy[:, 0] >= box[0]) & (xy[:, 0] <= box[2]) & (xy[:, 1] >= box[1]) & (xy[:, 1] <= box[3])))
    low, high = 0.0, 1.0
    for origin, delta, lo, hi in ((x0, x1 - x0, box[0], box[2]), (y0, y1 - y0, box[1], box[3])):
        if delta == 0.0:
            if not lo <= origin <= hi:
                return False
            continue
        a, b = sorted(((lo - origin) / delta, (hi - origin) / delta))
        low, high = max(low, a), min(high, b)
        if low > high:
            return False
    return True


def _rotated(direction: np.ndarray, degrees: float) -> np.ndarray:
    a = math.radians(degrees)
    x, y = direction[0], direction[1]
    return np.array([x * math.cos(a) - y * math.sin(a), x * math.sin(a) + y * math.cos(a), 0.0])


class LabelPlacer:
    """Puts labels next to points without overprinting: each label tries positions around its
    point, first in its preferred direction and close, then turning and moving out, and takes the
    first that is inside the bounds and clear of every label, box and line registered so far."""

    DISTANCES = (0.08, 0.2, LEADER_FROM + 0.05, 0.6, 0.9, 1.3)
    FAR = (1.8, 2.4)  # with a leader, in a crowd: taken only where nothing is overprinted
    TURNS = (0, 35, -35, 70, -70, 110, -110, 150, -150, 180)
    OVERLAP = 10  # what one overlapped label or box costs (crossing a line costs 1 to 3)
    SAMPLES = 17  # points of a line looked at for a crossing (see segment_crosses)

    def __init__(self, bounds: tuple):
        self.bounds = bounds
        self.boxes: list = []
        self.segments: list = []   # (start, end, cost of crossing it)
        self.last_conflicts = 0   # what the last label placed still overlaps (0: a clear place)

    def avoid_box(self, mob, pad: float = 0.04):
        self.boxes.append(box_of(mob, pad))

    def avoid_strip(self, start, end, half_width: float = 0.08) -> None:
        """Keep labels off the line start–end with a margin: the line and one each side of it
        (avoid_segment only tests whether a label's box crosses the line itself)."""
        along = np.asarray(end, dtype=float) - np.asarray(start, dtype=float)
        side = np.array([-along[1], along[0], 0.0]) / max(float(np.linalg.norm(along[:2])), 1e-9) * half_width
        for offset in (0.0, 1.0, -1.0):
            self.avoid_segment(start + offset * side, end + offset * side)

    def avoid_segment(self, start, end, cost: int = 3):
        self.segments.append((np.asarray(start, dtype=float), np.asarray(end, dtype=float), cost))

    def conflicts(self, box: tuple, ignore: Sequence = ()) -> int:
        left, bottom, right, top = self.bounds
        outside = box[0] < left or box[2] > right or box[1] < bottom or box[3] > top
        hits = sum(boxes_overlap(box, other) for other in self.boxes)
        crossed = sum(cost for k, (a, b, cost) in enumerate(self.segments) if k not in ignore
                      and segment_crosses(box, a, b, samples=self.SAMPLES))
        return 100 * outside + self.OVERLAP * hits + crossed

    def place(self, mob, point: np.ndarray, direction: np.ndarray, ignore: Sequence = ()) -> float:
        """Move `mob` next to `point`, preferably towards `direction`; returns its distance."""
        direction = np.asarray(direction, dtype=float)
        norm = np.linalg.norm(direction[:2])
        direction = direction / norm if norm > 1e-9 else np.array([0.0, 1.0, 0.0])
        half_w, half_h = mob.width / 2, mob.height / 2
        best = None
        for distance in (*self.DISTANCES, *self.FAR):
            if distance in self.FAR and best[0] < self.OVERLAP:
                break
            for turn in self.TURNS:
                u = _rotated(direction, turn)
                reach = distance + abs(u[0]) * half_w + abs(u[1]) * half_h
                centre = np.asarray(point, dtype=float) + u * reach
                box = (centre[0] - half_w, centre[1] - half_h, centre[0] + half_w, centre[1] + half_h)
                score = self.conflicts(tuple(b + s for b, s in zip(box, (-0.03, -0.03, 0.03, 0.03))), ignore)
                if best is None or score < best[0] and (distance not in self.FAR or score < self.OVERLAP):
                    best = (score, centre, distance)
                if score == 0:
                    break
            if best[0] == 0:
                break
        self.last_conflicts, centre, distance = best
        mob.move_to(centre)
        self.avoid_box(mob)
        return distance

    def place_nearest(self, mob, point: np.ndarray, step: float) -> bool:
        """Move `mob` to the clear place nearest `point` (its box's nearest point) on a grid of `step`
        inside the bounds, where it meets no box or line registered so far (with 0.03 to spare), and
        register it there; False (left where it was) where no such place is. For a crowded view where
        `place`'s rings round the point may all be taken (the projections scene's zoomed plane)."""
        left, bottom, right, top = self.bounds
        half_w, half_h = mob.width / 2, mob.height / 2
        xs = np.arange(left + half_w, right - half_w + 1e-9, step)
        ys = np.arange(bottom + half_h, top - half_h + 1e-9, step)
        if not len(xs) or not len(ys):
            return False
        cx, cy = np.meshgrid(xs, ys)
        cx, cy = cx.ravel(), cy.ravel()
        dx = np.maximum(np.abs(cx - point[0]) - half_w, 0.0)
        dy = np.maximum(np.abs(cy - point[1]) - half_h, 0.0)
        for k in np.argsort(np.hypot(dx, dy), kind="stable"):
            box = (cx[k] - half_w - 0.03, cy[k] - half_h - 0.03, cx[k] + half_w + 0.03, cy[k] + half_h + 0.03)
            if self.conflicts(box) == 0:
                mob.move_to([cx[k], cy[k], 0.0])
                self.avoid_box(mob)
                return True
        return False

    def take_back(self) -> None:
        """Forget the last label placed (to place it again, e.g. smaller)."""
        self.boxes.pop()


class WordVector(VGroup):
    """One vector in a plane: an arrow from `start` to its tip (a dot when it is too short for an
    arrow), its label, and a thin leader line when the label had to stand away from the point.
    xy, start (2,): the plane coordinates it was drawn for (tests compare them with the tip)."""

    def __init__(self, name: str, body: VMobject, xy: np.ndarray, start: np.ndarray, is_dot: bool):
        super().__init__(body)
        self.name, self.body, self.xy, self.start, self.is_dot = name, body, np.asarray(xy), np.asarray(start), is_dot
        body.aside = np.zeros(3)  # where it is drawn beside its true place (scene units): see VectorPlane.words
        self.label: Optional[VMobject] = None
        self.leader: Optional[Line] = None


def vector_body(start: np.ndarray, end: np.ndarray, color: str, width: float = ARROW_WIDTH, dot: bool = False) -> VMobject:
    """An arrow from start to end (scene points), tip exactly at end; a dot at end when `dot` or
    when the arrow would be too short to show a tip."""
    if dot or np.linalg.norm(end - start) < 0.06:
        return Dot(end, radius=DOT_RADIUS, color=color)
    return Arrow(start, end, buff=0, color=color, stroke_width=width, tip_length=0.2,
                 max_tip_length_to_length_ratio=0.35, max_stroke_width_to_length_ratio=12)


class VectorPlane(VGroup):
    """Two components of a vector space as axes with equal units (so angles and projections look
    true), ticks and limits fitted to the values (negative ones too), and vectors drawn into it.

    Build it, position it (move_to), then draw: vectors are placed in scene coordinates at the
    moment they are made, and are not submobjects of the plane (the scene adds them).
    `points` (m, 2): plane coordinates of everything the figure will show, so the axes fit all.
    """

    def __init__(self, plane: Plane, points: np.ndarray, theme: Theme, *, width: float, height: float,
                 axis_colors: Optional[Sequence[str]] = None):
        super().__init__()
        self.plane, self.theme = plane, theme
        self.x_range, self.y_range = view_ranges(points)
        colors = list(axis_colors or (theme.text, theme.text))
        names = [fit_label(n, theme, width=2.2, size=WORD_SIZE, color=c) for n, c in zip(plane.names, colors)]
        # room around the axes for the x name (right), the y name (top) and the tick labels
        room_w, room_h = width - names[0].width - 0.75, height - names[1].height - 0.6
        unit = min(room_w / self.x_range.span, room_h / self.y_range.span)
        self.axes = Axes(
            x_range=[self.x_range.low, self.x_range.high, self.x_range.step],
            y_range=[self.y_range.low, self.y_range.high, self.y_range.step],
            x_length=unit * self.x_range.span, y_length=unit * self.y_range.span, tips=False,
            axis_config={"color": theme.muted, "stroke_width": 1.5, "tick_size": 0.05},
        )
        # pale and thin: a word's arrow lying along an axis (cat is all animal) reads as the arrow
        self.axes.set_stroke(opacity=AXIS_OPACITY)
        self.tick_labels = VGroup()
        decimals = 0 if float(self.x_range.step).is_integer() else (1 if float(self.x_range.step * 10).is_integer() else 2)
        for value in self.x_range.ticks:
            self.tick_labels.add(label(format_number(value, decimals), theme, size=TICK_SIZE, color=theme.muted)
                                 .next_to(self.axes.c2p(value, 0), DOWN, buff=0.08))
        for value in self.y_range.ticks:
            self.tick_labels.add(label(format_number(value, decimals), theme, size=TICK_SIZE, color=theme.muted)
                                 .next_to(self.axes.c2p(0, value), LEFT, buff=0.08))
        names[0].next_to(self.axes.c2p(self.x_range.high, 0), RIGHT, buff=0.12)
        names[1].next_to(self.axes.c2p(0, self.y_range.high), UP, buff=0.1)
        self.axis_names = VGroup(*names)
        self.box = Rectangle(width=width, height=height, stroke_opacity=0, fill_opacity=0)
        self.box.move_to(VGroup(self.axes, self.tick_labels, self.axis_names))
        self.add(self.box, self.axes, self.tick_labels, self.axis_names)
        self.vectors: dict = {}
        self.figures: list = []    # projections and chains drawn into it
        self._placer: Optional[LabelPlacer] = None

    # -- coordinates ---------------------------------------------------------------------------
    def c2p(self, xy) -> np.ndarray:
        return self.axes.c2p(float(xy[0]), float(xy[1]))

    def p2c(self, point) -> np.ndarray:
        return np.array(self.axes.p2c(point)[:2], dtype=float)

    @property
    def origin(self) -> np.ndarray:
        return self.c2p((0.0, 0.0))

    def placer(self) -> LabelPlacer:
        """The label placer, made at first use (after the plane has been positioned)."""
        if self._placer is None:
            left, bottom, right, top = box_of(self.box)
            half_w = config.frame_width / 2
            bounds = (max(left, -half_w + 0.1), max(bottom, SUBTITLE_TOP + 0.05), min(right, half_w - 0.1),
                      min(top, config.frame_height / 2 - 0.1))
            self._placer = LabelPlacer(bounds)
            for mob in self.tick_labels:
                self._placer.avoid_box(mob)
            for mob in self.axis_names:  # a wide berth: a word beside an axis name reads as one phrase
                self._placer.avoid_box(mob, pad=0.2)
            for axis in (self.axes.x_axis, self.axes.y_axis):  # crossing an axis is better than crossing an arrow
                self._placer.avoid_segment(axis.get_start(), axis.get_end(), cost=1)
        return self._placer

    # -- vectors --------------------------------------------------------------------------------
    def vector(self, name: str, xy, color: str, *, start=(0.0, 0.0), text: Optional[str] = None, dot: bool = False,
               width: float = ARROW_WIDTH, label_size: float = WORD_SIZE, away=None, toward=None) -> WordVector:
        """A vector from `start` to `xy` (plane coordinates), labelled `text` (default: its name;
        "" for no label). `away`: the direction a dot's label prefers (an arrow's goes on past
        its tip, or towards `toward` when given). The vector is remembered under `name`."""
        start_point, end_point = self.c2p(start), self.c2p(xy)
        body = vector_body(start_point, end_point, color, width, dot)
        vec = WordVector(name, body, xy, start, isinstance(body, Dot))
        placer = self.placer()
        if not vec.is_dot:
            placer.avoid_segment(start_point, end_point)
        text = name if text is None else text
        if text:
            direction = (((end_point - start_point) if toward is None else np.array([*toward, 0.0])) if not vec.is_dot
                         else np.array([*(away if away is not None else (-1, -1)), 0.0]))
            own = [len(placer.segments) - 1] if not vec.is_dot else []
            vec.label, distance = self.place_label(lambda size: fit_label(text, self.theme, width=2.6, size=size, color=color),
                                               label_size, end_point, direction, ignore=own)
            vec.add(vec.label)
            if distance >= LEADER_FROM:
                vec.leader = self.leader_line(end_point, vec.label, color)
                vec.add(vec.leader)
        self.vectors[name] = vec
        return vec

    def words(self, names: Sequence[str], coords: np.ndarray, colors: dict, label_size: float = WORD_SIZE) -> VGroup:
        """One vector per word from the origin, longest first (the labels that matter most get the
        best places), each labelled `label_size` large. Near-zero ones are dots; dots crowded
        together share one label listing their words (it appears with the last of them, at the
        plane's own size), placed away from the other vectors."""
        coords = np.asarray(coords, dtype=float)
        small = near_zero(coords)
        centre = coords.mean(axis=0)
        away = -centre if np.linalg.norm(centre) > 1e-9 else np.array([-1.0, -1.0])
        groups = self._crowds([k for k in range(len(names)) if small[k]], coords)
        crowded = {k for group in groups if len(group) > 1 for k in group}
        order = sorted(range(len(names)), key=lambda k: -float(np.linalg.norm(coords[k])))
        for k in order:
            self.vector(names[k], coords[k], colors.get(names[k], self.theme.text), dot=bool(small[k]), away=away,
                        text="" if k in crowded else None, label_size=label_size)
        self._beside_longer(names, coords, small)
        for group in (g for g in groups if len(g) > 1):
            last = self.vectors[names[max(group)]]
            text = ", ".join(names[k] for k in group)
            color = colors.get(names[group[0]], self.theme.muted)
            last.label, distance = self.place_label(lambda size: self._crowd_label(text, color, size), WORD_SIZE,
                                                self.c2p(coords[group].mean(axis=0)), np.array([*away, 0.0]))
            last.add(last.label)
            if distance >= LEADER_FROM:
                last.leader = self.leader_line(self.c2p(coords[group].mean(axis=0)), last.label, last.label.get_color())
                last.add(last.leader)
        return VGroup(*(self.vectors[n] for n in names))

    def _beside_longer(self, names: Sequence[str], coords: np.ndarray, small) -> None:
        """A word's arrow lying along a longer one's line, the same way (friends' 0.40 on cat's 1.80, both
        along animal), is drawn PARALLEL_OFFSET to the side it leans to (to its right when exactly on
        it); its body records the shift as `aside`, so that what is read back is still its true tip."""
        drawn = [self.c2p(xy) - self.origin for xy in coords]  # each arrow, origin to tip (scene units)
        lengths = [float(np.linalg.norm(v[:2])) for v in drawn]
        for k, name in enumerate(names):
            a = drawn[k]
            if small[k] or not lengths[k] > 1e-9:
                continue
            for m, b in enumerate(drawn):
                if m == k or small[m] or lengths[m] <= lengths[k] or float(a[:2] @ b[:2]) <= 0:
                    continue
                cross = float(b[0] * a[1] - b[1] * a[0]) / (lengths[k] * lengths[m])
                if abs(cross) < PARALLEL_ANGLE:  # along the longer one: to its right (or the side it leans to)
                    right = np.array([b[1], -b[0], 0.0]) / lengths[m]
                    body = self.vectors[name].body
                    body.aside = PARALLEL_OFFSET * (right if cross <= 0 else -right)
                    body.shift(body.aside)
                    break

    def _crowds(self, indices: list, coords: np.ndarray, reach: float = 0.3) -> list:
        """Indices grouped so that dots closer than `reach` (scene units) share a group."""
        groups: list = []
        for k in indices:
            near = [g for g in groups if any(np.linalg.norm(self.c2p(coords[k]) - self.c2p(coords[m])) < reach for m in g)]
            merged = sorted([k, *(m for g in near for m in g)])
            groups = [g for g in groups if g not in near] + [merged]
        return sorted(groups)

    def place_label(self, make, size: float, point: np.ndarray, direction: np.ndarray, ignore: Sequence = ()) -> tuple:
        """(label, distance): the label `make(size)` placed next to `point`. A long word in a crowded
        plane (a user's example) may find no clear place at full size: it steps down towards
        CROWDED_WORD_SIZE before it would overprint anything."""
        placer = self.placer()
        for step in (size, (size + CROWDED_WORD_SIZE) / 2, CROWDED_WORD_SIZE):
            mob = make(min(size, step))
            distance = placer.place(mob, point, direction, ignore=ignore)
            if placer.last_conflicts < LabelPlacer.OVERLAP or step <= min(size, CROWDED_WORD_SIZE):
                return mob, distance
            placer.take_back()

    def _crowd_label(self, text: str, color: str, size: float = WORD_SIZE) -> VMobject:
        """A label of several words, on two lines when one would be long."""
        words = text.split(", ")
        if len(text) > 18 and len(words) > 1:
            cut = min(range(1, len(words)), key=lambda c: abs(len(", ".join(words[:c])) - len(", ".join(words[c:]))))
            lines = [", ".join(words[:cut]) + ",", ", ".join(words[cut:])]
            return VGroup(*(label(t, self.theme, size=size, color=color) for t in lines)).arrange(DOWN, buff=0.08,
                                                                                                 aligned_edge=LEFT)
        return label(text, self.theme, size=size, color=color)

    @staticmethod
    def leader_line(point: np.ndarray, mob: VMobject, color) -> Line:
        """A thin line from `point` to the nearest point of `mob`: ties a label to what it names."""
        return Line(point, nearest_point(mob, point), stroke_width=1.6, color=color).set_opacity(0.8)

    def arrow_for(self, name: str) -> WordVector:
        """The vector drawn for `name` (a word, or a name given to vector())."""
        return self.vectors[name]

    def grow(self, names: Sequence[str], lag_ratio: float = 0.15):
        """The named vectors appearing: arrows grow from their tails, dots fade in; then labels."""
        return LaggedStart(*(self.grow_one(self.vectors[n]) for n in names), lag_ratio=lag_ratio)

    @staticmethod
    def grow_one(vec: WordVector):
        parts = [FadeIn(vec.body, scale=0.5) if vec.is_dot else GrowArrow(vec.body)]
        parts += [FadeIn(m) for m in (vec.label, vec.leader) if m is not None]
        return LaggedStart(*parts, lag_ratio=0.5) if len(parts) > 1 else parts[0]

    def highlight(self, name: str, color: Optional[str] = None, *, grow: bool = True):
        """Point at one vector, which stays where it is (the table row it comes from is
        highlighted at the same time): an arrow thickens and back, a dot swells, its label pulses.
        `grow=False`: by colour alone, arrow and label turning `color` and back (among crowded
        arrows, a thickened one prints over its neighbours' labels, a grown label over its arrowhead)."""
        vec = self.vectors[name]
        if not grow:
            parts = [vec.body, *([vec.label] if vec.label is not None else [])]
            return AnimationGroup(*(part.animate(rate_func=there_and_back).set_color(color) for part in parts))
        colour = color or vec.body.get_color()
        body = (Indicate(vec.body, color=colour, scale_factor=1.6) if vec.is_dot else
                vec.body.animate(rate_func=there_and_back).set_stroke(width=ARROW_WIDTH * 2.4))
        parts = [body] + ([Indicate(vec.label, color=colour)] if vec.label is not None else [])
        return AnimationGroup(*parts)

    # -- the dot product as alignment --------------------------------------------------------------
    def projection(self, proj: Projection, color: str) -> "ProjectionFigure":
        """a's projection onto b: a dashed perpendicular from a's tip to b's line, and a bold
        segment along b from the origin to its foot (length |a| cos θ)."""
        figure = ProjectionFigure(self, proj, color)
        self.figures.append(figure)
        return figure

    # -- weighted sums ------------------------------------------------------------------------------
    def chain(self, chain: ArrowChain, color: str) -> "ChainFigure":
        """A weighted sum's arrows laid tip to tail (ChainFigure.grow(j) draws arrow j)."""
        figure = ChainFigure(self, chain, color)
        self.figures.append(figure)
        return figure

    def parts(self) -> list:
        """Everything drawn as part of this figure: the plane, its vectors, projections and chains
        (not the value trackers a scene keeps with them: a tracker holds its value as a point, at
        the frame's centre or wherever the value puts it, and is never drawn)."""
        return [self, *self.vectors.values(), *(f for f in self.figures if not isinstance(f, ValueTracker))]

    def labels(self) -> list:
        """Every piece of text of the figure: tick labels, axis names, the vectors' labels."""
        return [*self.tick_labels, *self.axis_names, *(v.label for v in self.vectors.values() if v.label is not None)]


class ProjectionFigure(VGroup):
    """The projection of a onto b. dashed: from a's tip to the foot; bold: origin to foot along b;
    corner: the right-angle mark at the foot. Empty when b (or a) is the zero vector."""

    def __init__(self, plane: VectorPlane, proj: Projection, color: str):
        super().__init__()
        self.projection = proj
        tip, foot, origin = plane.c2p(proj.a), plane.c2p(proj.foot), plane.origin
        self.dashed = DashedLine(tip, foot, dash_length=0.08, color=plane.theme.muted, stroke_width=2.5)
        self.bold = Line(origin, foot, color=color, stroke_width=10)
        self.corner = VGroup()
        if proj.cos is not None and np.linalg.norm(tip - foot) > 0.15 and np.linalg.norm(foot - origin) > 0.15:
            along = (origin - foot) / np.linalg.norm(origin - foot) * 0.13
            up = (tip - foot) / np.linalg.norm(tip - foot) * 0.13
            self.corner = VMobject(color=plane.theme.muted, stroke_width=2).set_points_as_corners(
                [foot + along, foot + along + up, foot + up])
        if proj.cos is not None:
            self.add(self.bold, self.dashed, self.corner)
            plane.placer().avoid_segment(origin, foot)

    def animation(self):
        """Drawing it: the perpendicular drops, then the shadow is laid along b (None when empty)."""
        if not self.submobjects:
            return None
        return LaggedStart(Create(self.dashed), Create(self.corner), Create(self.bold), lag_ratio=0.6)


class ChainFigure(VGroup):
    """A weighted sum as arrows laid tip to tail: arrow j goes from chain.starts[j] to
    chain.ends[j] (a dot when the weighted vector is too short to draw)."""

    def __init__(self, plane: VectorPlane, chain: ArrowChain, color: str):
        super().__init__()
        self.chain = chain
        self.pieces = [vector_body(plane.c2p(a), plane.c2p(b), color, width=4) for a, b in zip(chain.starts, chain.ends)]
        for piece, (a, b) in zip(self.pieces, zip(chain.starts, chain.ends)):
            if not isinstance(piece, Dot):
                plane.placer().avoid_segment(plane.c2p(a), plane.c2p(b))
        self.add(*self.pieces)

    def grow(self, j: int):
        piece = self.pieces[j]
        return FadeIn(piece, scale=0.5) if isinstance(piece, Dot) else GrowArrow(piece)


class AttentionPattern(VGroup):
    """BertViz's head view for one word: the sentence's words, and a line from the query word to
    every word whose stroke width and opacity are the weight (attention_math.geometry.line_width
    and line_opacity); a weight of exactly 0 draws no line.

    orientation "row": the sentence in a row, the query word above it; "column": the sentence in
    a column, the query word to its left (narrow, for heads side by side).
    """

    def __init__(self, tokens: Sequence[str], query: int, theme: Theme, *, orientation: str = "row",
                 colors: Optional[dict] = None, size: float = WORD_SIZE, reach: float = 1.5):
        super().__init__()
        self.tokens, self.query, self.theme, self.orientation = list(tokens), query, theme, orientation
        colors = colors or {}
        self.keys = VGroup(*(baseline_label(t, theme, size=size, color=colors.get(k, theme.text))
                             for k, t in enumerate(tokens)))
        if orientation == "row":
            self.keys.arrange(RIGHT, buff=0.35)
        else:
            self.keys.arrange(DOWN, buff=0.12, aligned_edge=LEFT)
        self.query_label = baseline_label(tokens[query], theme, size=size, color=colors.get(query, theme.text))
        if orientation == "row":
            self.query_label.move_to(self.keys[query]).shift(UP * reach)
        else:
            self.query_label.next_to(self.keys, LEFT, buff=reach).set_y(self.keys[query].get_y())
        self.add(self.keys, self.query_label)
        self.lines: dict = {}
        self.weight_labels: dict = {}
        self.future_label: Optional[VMobject] = None

    def query_anchor(self) -> np.ndarray:
        q = self.query_label
        return q.get_bottom() + DOWN * 0.05 if self.orientation == "row" else q.get_right() + RIGHT * 0.08

    def key_anchor(self, j: int) -> np.ndarray:
        k = self.keys[j]
        return k.get_top() + UP * 0.05 if self.orientation == "row" else k.get_left() + LEFT * 0.08

    def lines_for(self, weights: Sequence[float], color: str, name: str = "") -> VGroup:
        """One line per word with a weight above 0, from the query word to it; remembered under
        `name`. Each line keeps its `key` index and `weight`."""
        lines = VGroup()
        for j, w in enumerate(weights):
            if w <= 0:
                continue
            line = Line(self.query_anchor(), self.key_anchor(j), color=color)
            line.set_stroke(width=line_width(w), opacity=line_opacity(w))
            line.key, line.weight = j, float(w)
            lines.add(line)
        self.lines[name] = lines
        return lines

    def numbers_for(self, weights: Sequence[float], name: str = "", size: float = TICK_SIZE) -> VGroup:
        """Each word's weight written under it (row) or after it (column)."""
        numbers = VGroup()
        for j, w in enumerate(weights):
            number = label(format_number(w), self.theme, size=size, color=self.theme.muted)
            if self.orientation == "row":
                number.next_to(self.keys[j], DOWN, buff=0.1)
            else:
                number.next_to(self.keys[j], RIGHT, buff=0.15)
            numbers.add(number)
        self.weight_labels[name] = numbers
        return numbers

    def parts(self) -> list:
        return [self, *self.lines.values()]

    def labels(self) -> list:
        extra = [self.future_label] if self.future_label is not None else []
        return [*self.keys, self.query_label, *(n for group in self.weight_labels.values() for n in group), *extra]

    @staticmethod
    def draw(lines: VGroup, lag_ratio: float = 0.12):
        return LaggedStart(*(Create(line) for line in lines), lag_ratio=lag_ratio)


class WeightDiscs(VGroup):
    """A weights matrix as discs in its grid's cells, each disc's AREA the weight (radius from
    attention_math.geometry.disc_radius; a weight of 1 fills `fill` of the cell's shorter side).
    discs[(i, j)] for every weight above 0: a weight of 0 leaves its cell empty."""

    def __init__(self, grid, weights: np.ndarray, color: str, fill: float = 0.46):
        super().__init__()
        first = grid.cell(0, 0)[0]
        self.full_radius = fill * min(first.width, first.height)
        self.discs: dict = {}
        for (i, j), w in np.ndenumerate(np.asarray(weights, dtype=float)):
            if w > 0:
                disc = Circle(radius=disc_radius(w, self.full_radius), color=color, stroke_width=0, fill_opacity=0.9)
                disc.move_to(grid.cell(i, j)[0])
                disc.weight = float(w)
                self.discs[(i, j)] = disc
                self.add(disc)


def plane_in_region(plane: Plane, points: np.ndarray, theme: Theme, *, left: float, right: float, top: float = 3.0,
                    bottom: float = SUBTITLE_TOP + 0.1, axis_colors: Optional[Sequence[str]] = None) -> VectorPlane:
    """A VectorPlane filling the frame region x = left..right, y = bottom..top (above the subtitles)."""
    figure = VectorPlane(plane, points, theme, width=right - left, height=top - bottom, axis_colors=axis_colors)
    return figure.move_to(np.array([(left + right) / 2, (top + bottom) / 2, 0.0]))


def word_colors(example, theme: Theme, plane: Plane, words: Sequence[str], coords: np.ndarray) -> dict:
    """Colours of words drawn in the embedding plane: the focus word in the focus colour, the
    word pointing along a named axis (cat along animal) in that dim's colour, near-zero words
    muted, the rest in the text colour."""
    named = {"animal": theme.animal, "tech": theme.tech}
    colors = {w: theme.muted for w, small in zip(words, near_zero(coords)) if small}
    focus = [k for k, w in enumerate(words) if w == example.focus]
    for axis in (0, 1):
        k = points_along(coords, axis, exclude=focus)
        if k is not None and plane.names[axis] in named:
            colors[words[k]] = named[plane.names[axis]]
    colors[example.focus] = theme.focus
    return colors


class Veil:
    """A background-coloured sheet over the frame below the heading. Lowered, it hides the tables
    under it in one cheap animation (fading each table would copy every glyph of it); the covered
    mobjects then leave the scene until the veil lifts and shows them again as they were."""

    def __init__(self, scene, keep: Sequence = ()):
        heading = getattr(scene, "heading", None)
        top = heading.get_bottom()[1] - 0.08 if heading is not None else config.frame_height / 2
        height = top + config.frame_height / 2
        self.sheet = Rectangle(width=config.frame_width, height=height, stroke_width=0,
                               fill_color=scene.theme.background, fill_opacity=0)
        self.sheet.move_to([0.0, top - height / 2, 0.0])
        self.sheet.is_veil = True  # what lies under it is not seen (the tests' overlap check knows)
        self.scene = scene
        # parts of what stays (on screen on their own, too) stay; only what was visible comes back,
        # so cells not yet filled stay empty
        kept = {id(m) for mob in [*keep, *([heading] if heading is not None else [])] for m in mob.get_family()}
        self.under = [m for m in scene.mobjects if id(m) not in kept]

    def lower(self):
        """Animation hiding everything on screen but what is kept (play it, then call hidden())."""
        self.scene.add(self.sheet)
        self.scene.bring_to_front(*(m for m in self.scene.mobjects if m not in self.under and m is not self.sheet))
        return self.sheet.animate.set_fill(opacity=1)

    def hidden(self):
        """Take the covered mobjects out of the scene: frames no longer draw them."""
        self.scene.remove(*self.under)

    def lift(self, drawn: Sequence = ()):
        """Animation showing the covered mobjects again while what was drawn on the veil fades."""
        self.scene.add(*self.under)
        self.scene.bring_to_back(*self.under)
        return AnimationGroup(FadeOut(self.sheet), *(FadeOut(m) for m in drawn))




def fit_width(mob, width: float = config.frame_width - 1.0):
    """Shrink `mob` to at most `width` wide (never grow it)."""
    return mob.scale(min(1.0, width / mob.width)) if mob.width > 0 else mob


