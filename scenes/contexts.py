"""Step 6 — the two contexts side by side: one input vector for the focus word, two outputs.

What the narration claims of the arrows is decided in attention_math.story: a weighted average is
usually shorter than the word's own vector (so "its animal value grows" would often be false); what
changes visibly is the direction, measured as the angle to the axis it turns towards.
"""

from __future__ import annotations

from functools import cached_property

import math

import numpy as np
from manim import (
    DOWN, LEFT, ORIGIN, RIGHT, UP, AnimationGroup, Arc, Arrow, Circumscribe, Create, Dot, FadeIn, FadeOut, GrowArrow, Group,
    LaggedStart, Line, Rectangle,
    Succession, SurroundingRectangle, Transform, TransformFromCopy, VGroup, Write, there_and_back,
)

from attention_math.formatting import format_number
from attention_math.geometry import arrow_chain, embedding_plane, residual, view_ranges
from attention_math.story import (angle_to_axis, arrow_length, is_balanced, is_shorter, mirror_pair_scores, mirror_plane_working, nearly_the_same_weights, recomputing_decimals,
                                  strongest_neighbour, swapped_in_plane, turns_towards, zero_in_plane)
from scenes.base import ExplainerScene
from scenes.components import label, text_baseline
from scenes.geometry import (
    ARROW_WIDTH, LEADER_FROM, VectorPlane, box_of, boxes_overlap, nearest_point, segment_crosses, segments_meet,
    word_colors,
)
from scenes.handoff import boundary
from scenes.motion import Vanish, during, step_back
from scenes.staging import BOTTOM, TOP, fit_region, numbers_larger


OPENING_NUMBER_SIZE, OPENING_LABEL_SIZE = 30, 22  # the opening's rows: numbers and dims' names, before fitting
OPENING_CELL_H = 0.6
SUMMARY_NUMBER_SIZE = 32  # the summary table's numbers before fitting: about 18 px at 480p
SUMMARY_GROW = 1.125  # ... grown by at most this in the reading column: 36 (digits about 34 px at 720p)
LENGTH_SIZE = 26  # an arrow's length written beside it where the output is said to be shorter
LENGTH_CLEAR = 0.06  # ... clear of every line by this at least (5 px at 720p)
LENGTH_NEARER = 0.15  # ... and nearer its own arrow than any other line by this
ANGLE_SIZE = 28  # an angle's degrees, written on its arc: about 26 px at 720p
ANGLE_GAP = 0.06  # ... this far outside the arc's middle, at least
ANGLE_AXIS_CLEAR = 0.05  # an angle's degrees (their box, besides its own margin) this clear of the axes' lines
ANGLE_LEFT_SLACK = 0.17  # how far past the plot's left side an angle's degrees may step to clear the y axis
ANGLE_GAPS = (0.06, 0.15, 0.25, 0.35, 0.5, 0.7, 0.9)  # the distances from the arc's middle tried for its degrees
WEDGE_CLEAR = 0.05  # an output's degrees in its wedge: this clear of every line round it (5 px at 720p)
ANGLE_NEAR_CLEAR = 0.04  # ... and this clear of the arrows (with the box's 0.03: 6 px at 720p)
ANGLE_FAR_GAPS = (*ANGLE_GAPS, 1.1, 1.3)  # ... for the outputs' compared angles, the tick numbers' lines kept free
NAME_GAP = 0.24  # (r28: 0.12 read as touching) the least gap between a word's name and an output's name on the wider plot
MIRROR_CLEAR = 0.02  # a mirrored angle's degrees (their box, besides its own margin) this clear of the axes and arrows
ANGLE_ARROW_CLEAR = 0.08  # an angle's degrees (their box, besides its own margin) this clear of the plot's arrows, where they can be
# a context's weights table under the summary (a row of weights, a row per value component): digits
# of 28 (26 px at 720p), words of 24, cells 0.46 high (41 px), numbers 0.14 inside their cells' sides
WEIGHT_TABLE_NUMBER_SIZE, WEIGHT_TABLE_LABEL_SIZE, WEIGHT_TABLE_CELL_H, WEIGHT_TABLE_PAD = 28, 24, 0.46, 0.2
# (PAD r24: at 0.12, with weights to 3 decimals, "0.261 0.091 0.433" read as one run of digits)
# (r27: 0.2, the cells' lines between them: at 0.28 the table, fitted to the reading column, read at 21 px)
WEIGHT_TABLE_NAMES_GAP = 0.14  # the rows' names to the cells
WEIGHT_TABLE_STAGGER_FROM = 0.5  # the words on two lines where on one they would widen the table more than this
WEIGHT_TABLE_SPLIT = 0.1  # the weight row apart from the value's rows under it
WEIGHT_TABLE_TOP_GAP = 0.35  # under the summary table
WEIGHT_TABLE_NOTE_ROOM = 0.45  # kept free under it for the "= 0 in this plane" note
PAIR_PAD = 0.22  # the two contexts' weights compared: numbers this much narrower than their cells (cell lines between)
NOTE_SIZE = 26  # the "Beyond the article" note
SUMMARY_CELL_W, SUMMARY_BUILD_SIZE, SUMMARY_LABEL_SIZE = 1.08, 15, 22.4  # its columns (narrow: the angles' grid's long row names fit left of them), its words (built at 17, grown)
TABLE_BOTTOM = 0.45  # the summary table, in the reading column under the heading, from there down to here
RIGHT_MARGIN = 0.45  # the plot's least gap to the frame's right edge, and the reading column's to the left edge: 40 px at 720p
COLUMN_GAP = 0.35  # between the reading column and the plot: 32 px at 720p
HEADER_GAP = 0.18  # the least gap between the table's column names (16 px at 720p)
PIECE_NAME_SIZE = 22  # a chain piece's weight and word, read on the plot itself (no camera move: the weights stay in view)
COLUMN_LEAST = 5.6  # the reading column's least width (frame units): the plot, right of it, no wider than leaves this
PLOT_TOP_MARGIN = 0.2  # the plot, a square on the right, from this far under the frame's top (the heading is top left)
PIECE_LEADER_FROM = 0.35  # a piece's name further than this from the piece's middle gets a thin line to it
CHAIN_AFTER = 0.4  # a chain's opacity once the output it ends at is drawn over it
CHAIN_TICK_CLEAR = 0.2  # a chain's point this near a tick number (its box): the number goes while the chains are up
TICK_CLEAR = 0.3  # a tick number nearer than this to a chain's point may give its place to the chain's names
TICK_NAME_GAP = 0.3  # ... and goes while they are up where one is level with it and nearer than this (27 px at
TICK_LINE_GAP = 0.06  # 720p: "0.26 × cat 0.5" read as one phrase), or this near above or below it
PIECE_CLEAR = 0.16  # a piece's name this far off every piece's stroke, at least (with the placer's 0.03: 17 px at 720p)
TINY_PIECE = 0.25  # a chain piece shorter than this on screen (22 px at 720p) is named "(small)", with its neighbours
# (a piece of 18 px named on its own put its name and leader on the next tiny piece's, at the chain's tip)
EARLIER_CONTEXT = 0.2  # the residual's context before, stepped back while the next is drawn (its names out of sight)
GHOST = 0.05  # what steps back while a chain is laid over it: barely there (at 0.12 it competed with the chain)
OUTPUT_ARC, INPUT_ARC = 0.4, 0.75  # the angles' arcs' radii, in tick steps: inside the first tick, apart
NAME_LINE_CLEAR = 0.12  # the focus word's name this clear of the residual's arrows (11 px at 720p)
SUM_NAME_GAP = 0.1  # a sum's name at least this far off its own arrowhead (9 px at 720p)
SUM_NAMES_APART = 0.4  # and this far off another sum's name (36 px at 720p)
SLANTED = 0.34  # a name's leader from a tip runs at least 20° off the vertical and the horizontal (sin 20°)
HEAD_CLEAR = 0.07  # a length's words this clear of every arrowhead (6 px at 720p)
SUM_COLOUR = lambda th: th.output  # a residual sum (its arrow, angle and coordinates): apart from its parts' colours
SUM_ARC = 0.92  # a residual sum's angle arc's radius, in tick steps: outside the input's, inside the first tick


def arrowheads(plane: VectorPlane) -> list:
    """The arrowheads of the arrows on `plane` (its vectors drawn as arrows)."""
    heads = []
    for v in plane.vectors.values():
        if v.is_dot or not hasattr(v.body, "get_tip"):
            continue
        try:
            heads.append(v.body.get_tip())
        except Exception:  # (manim raises a bare Exception for a line with no tip)
            continue
    return heads


def arrow_lines(plane: VectorPlane) -> list:
    """(start, end) of each arrow on `plane` (its vectors drawn as arrows, not dots)."""
    return [(v.body.get_start(), v.body.get_end()) for v in plane.vectors.values()
            if not v.is_dot and hasattr(v.body, "get_start")]


def degrees(value: float) -> str:
    return f"{round(value)}°"


def direction_of(plane: VectorPlane, xy) -> float:
    """The angle (radians, from the x axis) at which the arrow to `xy` is drawn."""
    origin, tip = plane.origin, plane.c2p(xy)
    return math.atan2(tip[1] - origin[1], tip[0] - origin[0])


def plot_on_right(plane, points, theme, *, left: float, top: float, right: float, axis_colors) -> VectorPlane:
    """A plane whose axes, tick numbers and names fill the height from `top` down to the subtitles'
    band, ending at `right`: each axis's name beside its end (the x axis's over it, the y axis's right
    of it) instead of beyond it, so the axes take the height and width the names took (no wider
    than from `left`: then less high). Its box (its labels' bounds) is what is drawn, a little
    wider on the left: the reading column keeps clear. (On the right, as the output step's plane is:
    the reading column under the heading, top left, as in every scene; the plot takes the frame's
    whole height beside it.)"""
    height = top - BOTTOM

    def drawn(figure):
        x_end, y_end = figure.axes.c2p(figure.x_range.high, 0), figure.axes.c2p(0, figure.y_range.high)
        figure.axis_names[0].next_to(x_end, UP, buff=0.12).align_to(x_end, RIGHT)
        figure.axis_names[1].next_to(y_end, RIGHT, buff=0.15).align_to(y_end, UP)
        return VGroup(figure.axes, figure.tick_labels, figure.axis_names)

    size = height
    for _ in range(6):  # the plane's own reserve for names and numbers, given back to the axes
        figure = VectorPlane(plane, points, theme, width=4 * height, height=size, axis_colors=axis_colors)
        ink = drawn(figure)
        if ink.height >= height - 0.02:
            break
        size += height - ink.height
    for _ in range(3):  # never more than the region: as high as it, as wide as up to `right`
        over = max(ink.height - height, ink.width - (right - left))
        if over <= 0:
            break
        size -= over + 0.02
        figure = VectorPlane(plane, points, theme, width=4 * height, height=size, axis_colors=axis_colors)
        ink = drawn(figure)
    figure.shift(np.array([right - ink.get_right()[0], top - ink.get_top()[1], 0.0]))
    figure.box.stretch_to_fit_height(height).stretch_to_fit_width(ink.width + 0.15).align_to(ink, RIGHT + UP)
    return figure


class AngleMark(VGroup):
    """The angle between a plane axis and a vector, as an arc at the origin, and its size in degrees
    written on the arc, in the arc's colour (r24: read off a grid beside the plot, the eye went back
    and forth; now read where the angle is): just outside the arc's middle, or at the free place
    nearest to it on a thin leader. axis: 0 (x) or 1 (y); degrees: what `text` says."""

    def __init__(self, plane: VectorPlane, xy, axis: int, color: str, radius: float, place: bool = True):
        super().__init__()
        self.axis, self.degrees = axis, angle_to_axis(xy, axis)
        origin, toward = plane.origin, direction_of(plane, xy)
        start = 0.0 if axis == 0 else math.pi / 2
        self.arc = Arc(radius=radius, start_angle=start, angle=toward - start, arc_center=origin, color=color,
                       stroke_width=4)
        th = plane.theme
        self.text = label(degrees(self.degrees), th, size=ANGLE_SIZE, color=color)
        placer = plane.placer()
        # the arc as a few chords: its own label and labels placed later keep off it
        bends = [self.arc.point_from_proportion(t) for t in np.linspace(0.0, 1.0, 7)]
        for a, b in zip(bends, bends[1:]):
            placer.avoid_segment(a, b)
        middle = (start + toward) / 2
        self.out = np.array([math.cos(middle), math.sin(middle), 0.0])
        self.at = origin + radius * self.out  # the arc's middle
        self.line = VGroup(self.text)
        self.box = None
        self.add(self.arc, self.line)
        plane.figures.append(self.arc)  # (its degrees join the plane's figures once placed)
        if place:
            self.place(plane)

    def place(self, plane: VectorPlane, gaps=ANGLE_GAPS, clear: float = ANGLE_ARROW_CLEAR, slack: float = ANGLE_LEFT_SLACK) -> None:
        """Its degrees at the free place nearest to the arc's middle, outwards first (placed once the
        arcs drawn with it are on the placer: "28°" sat on the input's arc, drawn after it): clear of
        every line and label the placer knows where such a place is near, on a thin leader when away."""
        placer = plane.placer()
        text, w, h = self.text, self.text.width, self.text.height
        left, bottom, right, top = placer.bounds
        chosen = None
        # (first a place inside the plot, ANGLE_ARROW_CLEAR clear of every arrow on it, read exactly:
        # the placer's sampled reading let "45°" touch the with-cat arrow, and the step past the
        # plot's side put "45°" by the reading column's text, r26; else as before)
        arrows = arrow_lines(plane)
        for strict in (True, False):
            for gap in gaps:
                for turn in (0, 20, -20, 40, -40, 60, -60, 90, -90, 120, -120, 150, -150, 180):
                    a = math.radians(turn)
                    u = np.array([self.out[0] * math.cos(a) - self.out[1] * math.sin(a),
                                  self.out[0] * math.sin(a) + self.out[1] * math.cos(a), 0.0])
                    centre = self.at + u * gap + u * np.array([w / 2, h / 2, 0.0]) / max(abs(u[0]), abs(u[1]))
                    box = (centre[0] - w / 2 - 0.03, centre[1] - h / 2 - 0.03, centre[0] + w / 2 + 0.03, centre[1] + h / 2 + 0.03)
                    if box[0] < left or box[2] > right or box[1] < bottom or box[3] > top:
                        continue
                    # a place on an axis's line steps off it, to the side its middle is on (the placer's
                    # sampled reading of the axes let the degree sign of "28°" sit on the tech axis), by
                    # at most ANGLE_LEFT_SLACK past the plot's left side (half the gap to the reading column)
                    centre, box = self.off_axes(plane, centre, box)
                    if box is None or box[0] < left - (0.0 if strict else slack):
                        continue
                    # (r28f: "45°" stepped past the plot's side, its leader across the tech axis: with
                    # no slack, no leader crosses an axis either)
                    if not slack:
                        near = np.clip(self.at, [box[0], box[1], -1.0], [box[2], box[3], 1.0])
                        if np.linalg.norm(self.at - near) >= LEADER_FROM and any(
                                segments_meet(self.at + 0.1 * (near - self.at), near, axis.get_start(), axis.get_end())
                                for axis in (plane.axes.x_axis, plane.axes.y_axis)):
                            continue
                    # (no other label's box met, even past the plot's side, where the conflicts below
                    # are not looked for: the reading column's note is there)
                    if any(boxes_overlap(box, b) for b in placer.boxes):
                        continue
                    if strict:
                        grown = (box[0] - clear, box[1] - clear, box[2] + clear, box[3] + clear)
                        # (and a little clear of the other labels too: "28°45°" read as one)
                        if any(segment_crosses(grown, a0, b0) for a0, b0 in arrows) or \
                                any(boxes_overlap(grown, b) for b in placer.boxes):
                            continue
                        # (nor its leader, where it needs one: "45°"'s crossed the residual's arrow, r27)
                        near = np.clip(self.at, [box[0], box[1], -1.0], [box[2], box[3], 1.0])
                        if np.linalg.norm(self.at - near) >= LEADER_FROM and any(
                                segments_meet(self.at, near, a0, b0) for a0, b0 in arrows):
                            continue
                    if placer.conflicts((max(box[0], left), *box[1:])) == 0:
                        chosen = centre
                        break
                if chosen is not None:
                    break
            if chosen is not None:
                break
        if chosen is None:
            placer.place(text, self.at + ANGLE_GAP * self.out, self.out)
        else:
            text.move_to(chosen)
            placer.avoid_box(text)
        self.box = placer.boxes[-1]
        if len(self.line) > 1:
            self.line.remove(self.line[1])
        if np.linalg.norm(self.at - nearest_point(text, self.at)) >= LEADER_FROM:  # away from its arc: a thin line to it
            self.line.add(VectorPlane.leader_line(self.at, text, self.arc.get_color()))
        if not any(f is self.line for f in plane.figures):
            plane.figures.append(self.line)

    def place_mirrored(self, plane: VectorPlane, other: "AngleMark") -> bool:
        """Its degrees where `other`'s stand, mirrored across the plot's diagonal through the origin
        (the keyboard context the cat context's mirror in the plane, its arcs the cat context's
        mirrored: their degrees read alike, r28f: "45°" for keyboard stood past the tech axis on a
        leader across it), where that place crosses no axis, arrow or arc and meets no label. False
        where it does."""
        placer, text = plane.placer(), self.text
        origin = plane.origin
        d = other.text.get_center() - origin
        mirrored = np.array([d[1], d[0], 0.0])
        w, h = text.width, text.height
        left, bottom, right, top = placer.bounds
        lines = [*arrow_lines(plane), *((axis.get_start(), axis.get_end()) for axis in (plane.axes.x_axis, plane.axes.y_axis))]
        # (the mirrored place, or further out along its ray where a wide label would cross the axis
        # there: its box kept off the axis it is measured from, on the side its arc is)
        free = None
        for reach in (1.0, 1.15, 1.3, 1.45, 1.6, 1.8, 2.0, 2.2):
            centre = origin + reach * mirrored
            for k, axis_at in ((0, origin[0]), (1, origin[1])):
                half = (w if k == 0 else h) / 2 + 0.03 + MIRROR_CLEAR
                if mirrored[k] > 0 and centre[k] - half < axis_at:
                    centre[k] = axis_at + half + 1e-3
            box = (centre[0] - w / 2 - 0.03, centre[1] - h / 2 - 0.03, centre[0] + w / 2 + 0.03, centre[1] + h / 2 + 0.03)
            if box[0] < left or box[2] > right or box[1] < bottom or box[3] > top:
                continue
            # (as clear of the axes and arrows as the first's, placed by place(): 5 px at 720p at least)
            grown = (box[0] - MIRROR_CLEAR, box[1] - MIRROR_CLEAR, box[2] + MIRROR_CLEAR, box[3] + MIRROR_CLEAR)
            if any(segment_crosses(grown, a0, b0) for a0, b0 in lines) or any(boxes_overlap(box, b) for b in placer.boxes):
                continue
            # (nor across an arc: the arcs' chords, and whatever else the placer keeps labels off)
            if any(segment_crosses(box, seg[0], seg[1]) for seg in placer.segments):
                continue
            near = np.clip(self.at, [box[0], box[1], -1.0], [box[2], box[3], 1.0])
            if np.linalg.norm(self.at - near) >= LEADER_FROM and any(segments_meet(self.at, near, a0, b0) for a0, b0 in lines):
                continue
            free = centre
            break
        if free is None:
            return False
        centre = free
        text.move_to(centre)
        placer.avoid_box(text)
        self.box = placer.boxes[-1]
        if len(self.line) > 1:
            self.line.remove(self.line[1])
        if np.linalg.norm(self.at - nearest_point(text, self.at)) >= LEADER_FROM:
            self.line.add(VectorPlane.leader_line(self.at, text, self.arc.get_color()))
        if not any(f is self.line for f in plane.figures):
            plane.figures.append(self.line)
        return True

    def place_between(self, plane: VectorPlane, outer: Arc) -> bool:
        """Its degrees inside its own wedge (between its axis and its arrow), just outside its arc and
        inside `outer` (the input's arc round it), each side WEDGE_CLEAR clear of every arrow, axis and
        arc: read by its arc, never in the tick numbers' row nor across the other arc (r27f: "28°"
        under the animal axis read as a tick). False where the wedge has no such room."""
        placer, text = plane.placer(), self.text
        w, h = text.width, text.height
        origin = plane.origin
        lines = arrow_lines(plane)
        lines += [(axis.get_start(), axis.get_end()) for axis in (plane.axes.x_axis, plane.axes.y_axis)]
        for arc in (self.arc, outer):
            bends = [arc.point_from_proportion(t) for t in np.linspace(0.0, 1.0, 13)]
            lines += list(zip(bends, bends[1:]))
        start, sweep = self.arc.start_angle, self.arc.angle
        r_in, r_out = self.arc.radius, outer.radius
        best = None
        low, high = min(start, start + sweep), max(start, start + sweep)
        steps = np.arange(-r_out, r_out + 1e-9, 0.02)
        for dx in steps:
            for dy in steps:
                r, a = math.hypot(dx, dy), math.atan2(dy, dx)
                if not (r_in <= r <= r_out and low <= a <= high):
                    continue
                centre = origin + np.array([dx, dy, 0.0])
                box = (centre[0] - w / 2 - WEDGE_CLEAR, centre[1] - h / 2 - WEDGE_CLEAR,
                       centre[0] + w / 2 + WEDGE_CLEAR, centre[1] + h / 2 + WEDGE_CLEAR)
                # (wholly inside the wedge's ring: its corners all between the two arcs' radii)
                corners = [np.array([x, y]) - origin[:2] for x in box[::2] for y in box[1::2]]
                if min(np.linalg.norm(c) for c in corners) < r_in or max(np.linalg.norm(c) for c in corners) > r_out + 0.6:
                    continue
                if any(segment_crosses(box, a0, b0) for a0, b0 in lines) or any(boxes_overlap(box, b) for b in placer.boxes):
                    continue
                score = float(np.linalg.norm(centre - self.at))
                if best is None or score < best[0]:
                    best = (score, centre)
        if best is None:
            return False
        text.move_to(best[1])
        placer.avoid_box(text)
        self.box = placer.boxes[-1]
        if len(self.line) > 1:
            self.line.remove(self.line[1])
        if not any(f is self.line for f in plane.figures):
            plane.figures.append(self.line)
        return True

    @staticmethod
    def off_axes(plane: VectorPlane, centre, box):
        """(centre, box) moved off the axes' lines by ANGLE_AXIS_CLEAR where the box crosses one,
        towards the side its middle is on; (centre, None) where it still crosses one then."""
        centre = np.array(centre, dtype=float)
        axes = (plane.axes.x_axis, plane.axes.y_axis)
        def crossing(b):
            grown = (b[0] - ANGLE_AXIS_CLEAR, b[1] - ANGLE_AXIS_CLEAR, b[2] + ANGLE_AXIS_CLEAR, b[3] + ANGLE_AXIS_CLEAR)
            return [k for k, axis in enumerate(axes) if segment_crosses(grown, axis.get_start(), axis.get_end())]
        for k in crossing(box):
            # the x axis (k = 0) runs at the origin's height: the box moves up or down; the y axis
            # (k = 1) at its x: the box moves left or right
            d = 1 if k == 0 else 0
            o = plane.origin[d]
            lo, hi = (box[0], box[2]) if d == 0 else (box[1], box[3])
            shift = (o - ANGLE_AXIS_CLEAR - hi) if centre[d] < o else (o + ANGLE_AXIS_CLEAR - lo)
            centre[d] += shift
            box = tuple(v + (shift if i % 2 == d else 0.0) for i, v in enumerate(box))
        return (centre, None) if crossing(box) else (centre, box)

    def forget(self, placer) -> None:
        """Take this mark's arc and degrees off `placer` (the mark is leaving: a label placed later may
        take its place)."""
        lines = [self.arc.point_from_proportion(t) for t in np.linspace(0.0, 1.0, 7)]
        ends = [(a, b) for a, b in zip(lines, lines[1:])]
        placer.segments = [seg for seg in placer.segments
                           if not any(np.allclose(seg[0], a) and np.allclose(seg[1], b) for a, b in ends)]
        placer.boxes = [b for b in placer.boxes if self.box is None or not np.allclose(b, self.box)]

    def draw(self):
        """The arc drawn and its degrees written on it together, as the angle is said."""
        return AnimationGroup(Create(self.arc, run_time=0.6), FadeIn(self.line, run_time=0.5))

    def parts(self) -> VGroup:
        """The arc and its degrees (what leaves together)."""
        return VGroup(self.arc, self.line)


class ContextsScene(ExplainerScene):
    scene_name = "contexts"
    chapter = "Two contexts"
    summary = "One input vector for mouse, two different outputs"
    steps = ("two_sentences", "plot", "residual", "conclude")

    @property
    def pair(self):
        """The first two sentences that contain the focus word."""
        return [self.traces[k] for k in self.example.focus_sentences()[:2]]

    @cached_property
    def weight_decimals(self) -> int:
        """The decimals the focus word's weights are written at in this scene: as few as let each
        context's output row be worked from the weights and values as written (r24: from 0.26 … the
        cat context's animal came to 1.08 beside a written 1.09)."""
        plane = embedding_plane(self.example)
        return max(recomputing_decimals(s.simple.weights[self.focus_row(s)], plane.coordinates(s.simple.v))
                   for s in self.pair)

    def context_word(self, sentence) -> str:
        """The word the focus word attends to most, after itself (cat, keyboard)."""
        i = self.focus_row(sentence)
        return sentence.tokens[strongest_neighbour(sentence.tokens, sentence.simple.weights[i], self.example.focus)]

    def two_sentences(self):
        ex, th = self.example, self.theme
        # the heading top left, as in every scene, for the whole scene (the reading column under it)
        self.heading = self.chapter_title()
        columns, self.inputs, self.outputs, self.arrows, self.output_heads = [], [], [], [], []
        self.hidden_ticks = []  # (tick, its way back) the chains' names took out of sight
        for k, s in enumerate(self.pair):
            i = self.focus_row(s)
            caption = label(f"“{' '.join(s.tokens)}”", th, size=OPENING_LABEL_SIZE)
            # the rows' numbers larger than their dims' names (which set the columns' widths): the two
            # rows of each sentence are all there is to read
            # (the dims' names built smaller, as they set the columns' widths, and grown where they
            # stand: the two sentences side by side fit the frame's width at a reading size)
            x = numbers_larger(self.grid(s.input[i][None, :], f"pair[{k}].input[focus]", value_scale=self.vector_scale,
                                         col_labels=list(ex.dims), cell_w=1.0, cell_h=OPENING_CELL_H,
                                         number_size=OPENING_LABEL_SIZE - 4), OPENING_NUMBER_SIZE)
            for word in x.col_labels:
                word.scale(OPENING_LABEL_SIZE / word.font_size, about_edge=DOWN)
            # same columns as the input right above it: no second row of dimension names
            y = numbers_larger(self.grid(s.simple.output[i][None, :], f"pair[{k}].simple.output[focus]",
                                         value_scale=self.vector_scale, cell_w=x.cell_w, cell_h=OPENING_CELL_H,
                                         number_size=OPENING_LABEL_SIZE - 2), OPENING_NUMBER_SIZE)
            # the outputs in the plane's dims only (each under its input's cell): the plot works those
            # two out, from the weights and the context words' arrows; the others' numbers, of words whose
            # full embeddings this scene never shows, could not be checked (r26)
            plane = embedding_plane(ex)
            if plane is not None:
                for c in range(ex.d):
                    if c not in plane.axes:
                        y.rects.remove(y.cell(0, c)[0])
                        y.numbers.remove(y.number(0, c))
            for j, colour in self.dim_colors().items():  # as in the table they move into, and the axes
                x.col_labels[j].set_color(colour)
            x_name = label(f"{ex.focus}: input", th, size=OPENING_LABEL_SIZE, color=th.focus)
            y_name = label(f"{ex.focus}: output", th, size=OPENING_LABEL_SIZE, color=th.output)
            block = VGroup(caption, x_name, x, y_name, y).arrange(DOWN, buff=0.3)
            VGroup(y_name, y).shift(DOWN * 1.6)  # room for the arrow of self-attention (and the layout fills the frame)
            # each output cell right under its input's cell, and named by the input's own column words
            # (r27f: "1.09 0.57", centred under the 4-wide row with no words over it, read as its first
            # two numbers, or as nothing nameable)
            shown = self.plotted_dims = [c for c in range(ex.d) if y.cell(0, c)[0] in y.rects.submobjects]
            # (the output's numbers at its input's size: each row was sized by its own widest number,
            # dropped dims' too, and one context's "0.44" stood larger than the other's "0.54")
            for c in shown:
                y.number(0, c).scale(x.number(0, c).font_size / y.number(0, c).font_size)
            y.shift(RIGHT * (x.cell(0, shown[0])[0].get_x() - y.cell(0, shown[0])[0].get_x()))
            heads = VGroup(*(x.col_labels[c].copy().shift(y.cell(0, c)[0].get_center() - x.cell(0, c)[0].get_center())
                             for c in shown))
            y_name.shift(UP * (heads.get_top()[1] + 0.2 - y_name.get_bottom()[1]))
            # (the output's name, and the arrow to it, over the cells it shows; its name no further left
            # than the row)
            y_name.set_x(max(y.rects.get_x(), x.rects.get_left()[0] + y_name.width / 2))
            arrow = Arrow([y_name.get_x(), x.rects.get_bottom()[1], 0.0], y_name.get_top(), buff=0.1, color=th.muted,
                          stroke_width=4, max_tip_length_to_length_ratio=0.25)
            block.add(heads)
            columns.append(VGroup(block, arrow))
            self.inputs.append((x_name, x))
            self.outputs.append((y_name, y))
            self.output_heads.append(heads)
            self.arrows.append(arrow)
        self.columns = VGroup(*columns).arrange(RIGHT, buff=1.2, aligned_edge=UP)
        for column in columns[1:]:  # the same heights in both columns, whatever the captions' descenders
            for part, first in zip([*column[0], column[1]], [*columns[0][0], columns[0][1]]):
                part.set_y(first.get_y())
            # (the captions on one baseline: "keyboard … useful" hangs lower than "cat … friends")
            column[0][0].shift(UP * (text_baseline(columns[0][0][0]) - text_baseline(column[0][0])))
        # what the outputs' two columns are (said as the others are dropped: the plot has one axis for
        # each), written small under the layout, in the middle
        plane = embedding_plane(ex)
        self.plotted_note = None
        if plane is not None and ex.d > 2:
            self.plotted_note = label(f"shown: {plane.names[0]} and {plane.names[1]} only", th,
                                      size=OPENING_LABEL_SIZE, color=th.muted)
            self.plotted_note.next_to(self.columns, DOWN, buff=0.3)
        fit_region(VGroup(self.columns, *([self.plotted_note] if self.plotted_note else [])), -6.5, 6.5,
                   top=TOP, bottom=BOTTOM, grow=1.4)
        # the word each sentence's focus word attends to most (after itself), in its context's colour
        # as the neighbours are named
        neighbours = []
        for column, s, colour in zip(columns, self.pair, self.context_colors([self.context_word(s) for s in self.pair])):
            caption, tokens, word = column[0][0], list(s.tokens), self.context_word(s)
            if len(caption.submobjects) == len("".join(tokens)) + 2:  # one glyph a letter, and the quotes
                start = 1 + len("".join(tokens[:tokens.index(word)]))
                neighbours.append(caption[start:start + len(word)].animate.set_color(colour))
                # the focus word in its own colour from the start: "the same word" is seen in both
                mine = 1 + len("".join(tokens[:tokens.index(ex.focus)]))
                caption[mine:mine + len(ex.focus)].set_color(th.focus)
        tags = VGroup(*(label("self-attention", th, size=OPENING_LABEL_SIZE, color=th.muted).next_to(a, RIGHT, buff=0.15)
                        for a in self.arrows))
        same = label("=", th, size=40, color=th.focus).move_to(
            (self.inputs[0][1].rects.get_right() + self.inputs[1][1].rects.get_left()) / 2)
        # (midway between the two outputs, as "=" is between the inputs: the outputs, under their
        # inputs' first columns, are further apart)
        differ = label("≠", th, size=40, color=th.output).move_to(
            (self.outputs[0][1].rects.get_right() + self.outputs[1][1].rects.get_left()) / 2)
        # (r29m: under the "=", where that is between the two outputs: the two signs read as one contrast)
        if self.outputs[0][1].rects.get_right()[0] + differ.width / 2 + 0.15 < same.get_x() < \
                self.outputs[1][1].rects.get_left()[0] - differ.width / 2 - 0.15:
            differ.set_x(same.get_x())
        # the table the last step ended on goes: only the input rows are up before "After
        # self-attention" (its focus word's row, carried down to the first sentence's output, stood
        # there unexplained until then); the outputs come with the arrows
        # the table the last step ended on is the first sentence's output: its focus word's row moves to
        # where that sentence's output row stands, its word becoming "mouse: output" (r25: the whole
        # table faded out), said as it lands; the rest of the table goes
        carried = self.carry_output_row()
        # the cut to the plot's two dims said as it happens (r27f: said only at the plot, 16 s in)
        # (one cue with the carry: the scene's length is at its limit)
        # (r28f: "we plot two" came 11 s before any plot: here the two kept are said; the plot, when it
        # comes, is said to have their axes)
        cut = (f"Of {ex.focus}'s {ex.d} output parts, we follow two: {plane.names[0]} and {plane.names[1]}."
               if self.plotted_note is not None else None)
        tops = [VGroup(*c[0][:3]) for c in self.columns]  # the sentences and their input rows
        if carried:
            # the whole opening layout comes as the row lands (r27f: the row alone stood on an all but
            # empty frame for 3 s): the two sentences and the input rows, then the note on the cut
            carry = [Write(self.heading), *carried, during(LaggedStart(*(FadeIn(t) for t in tops), lag_ratio=0.3), 0.33, 0.9)]
            if cut:
                self.caption_over(cut)
                self.play(*carry, run_time=1.6)
            else:
                self.narrate(f"{ex.focus}'s output row, from the last step, in its sentence:", *carry, run_time=1.6)
            self.carried_settle()
            if cut:  # (the two parts kept pointed at in the row as they are named; the note written)
                self.play(LaggedStart(*(Circumscribe(VGroup(h, self.outputs[0][1].cell(0, c)[0]), color=h.get_color(), buff=0.05,
                                                             fade_in=True, fade_out=True, stroke_width=3)
                                                for h, c in zip(self.output_heads[0], self.plotted_dims)),
                                              lag_ratio=0.5, run_time=1.6),
                             during(FadeIn(self.plotted_note), 0.5, 0.9), run_time=2.0)
            # (the two input rows pointed at as they are said to be the same)
            self.narrate("Same word, same input vector.",
                         LaggedStart(*(Circumscribe(x.rects, color=th.focus, buff=0.06, fade_in=True, fade_out=True,
                                                    stroke_width=3) for _, x in self.inputs), lag_ratio=0.3, run_time=1.2),
                         during(Write(same), 0.55, 1.0), run_time=1.8)
        else:
            self.play(Write(self.heading), *self.let_go(), run_time=0.8)
            self.narrate("Same word, same input vector.",
                         Succession(LaggedStart(*(FadeIn(t) for t in tops), lag_ratio=0.3),
                                    Write(same, run_time=0.5)), run_time=1.8)
        first = 1 if carried else 0  # (the first sentence's output is up already)
        self.narrate("After self-attention the outputs differ: each took in its own neighbours.",
                     Succession(LaggedStart(*(GrowArrow(a) for a in self.arrows), FadeIn(tags), lag_ratio=0.3,
                                            run_time=0.8),
                                LaggedStart(*(FadeIn(VGroup(n, h, y), shift=DOWN * 0.2)
                                              for (n, y), h in list(zip(self.outputs, self.output_heads))[first:]),
                                            lag_ratio=0.3, run_time=1.0),
                                Write(differ, run_time=0.5)),
                     *([during(AnimationGroup(*neighbours), 0.7, 1.0)] if neighbours else []), run_time=2.3)
        if not carried and cut:
            self.narrate(cut, FadeIn(self.plotted_note), run_time=1.0)
        self.symbols = VGroup(same, differ, tags, *self.arrows, *([self.plotted_note] if self.plotted_note else []))

    def carry_output_row(self) -> list:
        """Animations carrying the opening's output table's focus row onto the first sentence's output
        row (cells onto cells, its column words onto the row's; its name comes in) as
        the rest of the table goes; [] when the opening is not that sentence's output (then it fades).
        Once played, self.carried_settle() puts the first sentence's output row and its name in the scene."""
        ex = self.example
        opening = getattr(self, "opening", None)
        if opening is None or ex.focus_sentences()[0] != 0 or self.pair[0] is not self.first:
            return []
        table, (y_name, y) = opening.table, self.outputs[0]
        i = self.focus_row(self.first)
        if len(table.row_labels) <= i or len(table.row(i)) != ex.d:
            return []
        # (the cells the output row shows: the plane's dims; the others fade with the rest)
        shown = [c for c in range(ex.d) if y.cell(0, c)[0] in y.rects.submobjects]
        # (quick, and done before the sentences' rows come: its column words fly down through where
        # the first input row stands)
        moves = [during(Transform(table.cell(i, c), y.cell(0, c).copy()), 0.1, 0.55) for c in shown]
        # (the row's word goes, and the row's name comes over its own column words: carried onto
        # "mouse" of "mouse: output", the word crossed the column words coming down under it, r27f)
        # (the table's column words it keeps go with their cells, to the row's own words over them)
        heads = self.output_heads[0]
        kept = [table.col_labels[c] for c in shown] if len(table.col_labels) == ex.d else []
        moves += [during(Transform(w, h.copy()), 0.1, 0.55) for w, h in zip(kept, heads)]
        rest = [m for r in range(len(table.row_labels)) if r != i for m in (table.row(r), table.row_labels[r])]
        rest += [table.cell(i, c) for c in range(ex.d) if c not in shown]
        rest += [w for w in table.col_labels if all(w is not k for k in kept)]
        rest.append(table.row_labels[i])
        moves += [during(FadeOut(VGroup(*rest, opening.name)), 0.0, 0.3),
                  during(FadeIn(y_name), 0.55, 0.85)]
        if not kept:
            moves.append(during(FadeIn(heads), 0.6, 1.0))
        # (what is left of the opening once the rest has faded: its row's word and cells, split off it)
        left = [opening, table.row_labels[i], *(table.cell(i, c) for c in range(ex.d)), *table.col_labels]
        self.carried_settle = lambda: (self.remove(*left), self.add(y_name, heads, y))
        return moves

    def plot(self):
        """One table (the focus word's input, and its output in each context) beside a plane: the
        context words and the focus word as arrows, then each output built as a chain of weighted
        value arrows, ending where the focus word's output points (each up close, its pieces named;
        then both chains side by side), and
        the two outputs compared: each one's angle to the axis it turns towards, against the input's."""
        ex, th = self.example, self.theme
        plane = embedding_plane(ex)
        if plane is None:
            return  # a one-dimensional example has no plane to draw
        i0 = self.focus_row(self.pair[0])
        words = [self.context_word(s) for s in self.pair]
        self.chains = [arrow_chain(s.simple.weights[self.focus_row(s)], s.simple.v, plane) for s in self.pair]
        self.residuals = [residual(ex.embeddings[ex.focus], s.simple.output[self.focus_row(s)], plane) for s in self.pair]
        # two ranges, from the data: the chains' (and the input's) up close while the chains are laid
        # (their shortest steps read), then the residual's, wider, zoomed out to as the sums come
        every = list(dict.fromkeys([*words, ex.focus]))
        every_coords = plane.coordinates(np.array([ex.embeddings[w] for w in every]))
        near_x, near_y = view_ranges(np.vstack([every_coords[every.index(ex.focus)], *(c.ends for c in self.chains)]))
        # the words whose arrows end inside the near range are drawn (a longer one would leave the plot)
        drawn = [w for w, (cx, cy) in zip(every, every_coords)
                 if near_x.low <= cx <= near_x.high and near_y.low <= cy <= near_y.high]
        coords = plane.coordinates(np.array([ex.embeddings[w] for w in drawn]))
        self.drawn_words = drawn
        reach = np.vstack([coords, *(c.ends for c in self.chains)])
        self.wide_reach = np.vstack([reach, *(r.total for r in self.residuals)])
        # the two sentences condense into one table on the right (one input, two outputs)
        # (only the plane's two dims: the others are never used here, and their columns took the
        # width the plot needs for its labels)
        points = [self.pair[0].input[i0]] + [s.simple.output[self.focus_row(s)] for s in self.pair]
        self.table_dims = list(plane.axes)  # the summary's columns: its column c is dim table_dims[c]
        summary = self.grid([p[self.table_dims] for p in points], "pair_summary[focus][plane]",
                            row_labels=[f"{ex.focus}: input"] + [f"with {w}" for w in words],
                            col_labels=[ex.dims[a] for a in self.table_dims], value_scale=self.vector_scale,
                            # each context's output in its own colour from here on (its arrow, its row's
                            # name, its angle): which output came from which context is seen throughout
                            row_label_colors={0: th.focus, **{k + 1: c for k, c in enumerate(self.context_colors(words))}},
                            col_label_colors={c: self.dim_colors()[a] for c, a in enumerate(self.table_dims)
                                              if a in self.dim_colors()},
                            # taller cells than a table's, its numbers grown in them: the three rows
                            # compared all along read at the worked numbers' size (they were 11 px);
                            # its words built small (they set the columns' widths) and grown where they
                            # stand: a long dim's name reaches over its neighbours' columns
                            cell_w=SUMMARY_CELL_W, cell_h=0.62, number_size=SUMMARY_BUILD_SIZE)
        numbers_larger(summary, SUMMARY_NUMBER_SIZE)
        for word in summary.row_labels:
            word.scale(SUMMARY_LABEL_SIZE / word.font_size, about_edge=RIGHT)
        for word in summary.col_labels:
            word.scale(SUMMARY_LABEL_SIZE / word.font_size, about_edge=DOWN)
        # a long dim's name, wider than its column, kept apart from its neighbours' (it touched "mood")
        for _ in range(2):
            for left_word, right_word in zip(summary.col_labels, summary.col_labels[1:]):
                short = HEADER_GAP - (right_word.get_left()[0] - left_word.get_right()[0])
                if short > 0:
                    left_word.shift(LEFT * short / 2)
                    right_word.shift(RIGHT * short / 2)
        # the right of the frame, as high as the stage (its range from the data): the plane as large
        # as the frame allows, so the chains' shortest pieces still read; as wide as that height makes
        # it (a square). The reading column left of it, under the heading (top left, as in every
        # scene, where the plot's top would meet it): the table, the weights, the angles' readout
        half = self.camera.frame_width / 2
        self.plot_colours = [self.dim_colors().get(a, th.text) for a in plane.axes]
        self.plot_region = dict(left=-half + RIGHT_MARGIN + COLUMN_LEAST + COLUMN_GAP,
                                top=self.camera.frame_height / 2 - PLOT_TOP_MARGIN, right=half - RIGHT_MARGIN)
        self.plane = plot_on_right(plane, reach, th, axis_colors=self.plot_colours, **self.plot_region)
        placer = self.plane.placer()
        later = self.draw_words(self.plane, drawn, coords, residual=False)
        # the focus word's name, where its arrow's tip is near the plot's corner, was put over its own
        # arrowhead: moved beside the tip, clear of it (before it is drawn)
        own = self.plane.vectors[ex.focus]
        if not own.is_dot:
            for move in self.name_clear_of(own, [own.body], [*self.plane.tick_labels, *self.plane.axis_names]):
                move = move.build() if hasattr(move, "build") else move
                move.begin()
                move.finish()
        # the reading column, left of the plot, from under the heading: the angles' readout and the
        # residual's note come under the table later
        # (clear of the wider plot zoomed out to later as well)
        # (built once: measured here, drawn on when the plot zooms out to it)
        self.wide_plot = wide = plot_on_right(plane, self.wide_reach, th, axis_colors=self.plot_colours, **self.plot_region)
        self.column = (-half + RIGHT_MARGIN, min(self.plane.box.get_left()[0], wide.box.get_left()[0]) - COLUMN_GAP)
        fit_region(summary, *self.column, top=self.heading.get_bottom()[1] - 0.15, bottom=TABLE_BOTTOM, grow=SUMMARY_GROW)
        # (its right edge at the column's: the angles' grid under it, its rows' names longer than the
        # table's, has the room on the left)
        summary.shift(RIGHT * (self.column[1] - summary.get_right()[0]))
        self.summary = summary
        # the input row moves into the table (each cell to a cell showing the same number); everything
        # else leaves first, so nothing moves across text. The outputs' rows go too: the table shows
        # "?" there, each row written as its chain ends at it (the chains are what they are worked by)
        # (the first input's name and dims stay: the dims fly with its row, to the table's same words;
        # the name goes to its row's place as the row does)
        x_name, x0 = self.inputs[0]
        # (r28f: the outputs, shown at 11 s, turned into "?" in the table and were written again as
        # their chains ended: now their rows move into the table's rows too, and each chain is seen
        # to end at its row, the row pointed at)
        moving_rows = [y for _, y in self.outputs]
        self.play(FadeOut(VGroup(*(m for c in self.columns for m in c[0]
                                   if m is not x0 and m is not x_name and all(m is not y for y in moving_rows)))),
                  FadeOut(self.symbols), run_time=0.6)
        # (the dims the plot leaves out go where they are: the table holds the plane's two)
        column_of = {a: c for c, a in enumerate(self.table_dims)}
        self.unknowns = {}
        self.play(*(during(Transform(x0.cell(0, j), summary.cell(0, column_of[j])), 0.0, 0.6)
                    for j in range(ex.d) if j in column_of),
                  # (each output row to its row of the table, a little after the input's: one move at a time)
                  *(during(Transform(y.cell(0, j), summary.cell(r + 1, column_of[j])), 0.15 + 0.1 * r, 0.75 + 0.1 * r)
                    for r, y in enumerate(moving_rows) for j in range(ex.d) if j in column_of
                    if y.cell(0, j)[0] in y.rects.submobjects),
                  # (each row's name once its row has landed: r29m, "with keyboard" came in under the
                  # keyboard row's cells still on their way)
                  *(during(FadeIn(summary.row_labels[r + 1]), 0.75 + 0.1 * r, min(1.0, 0.9 + 0.1 * r))
                    for r in range(len(moving_rows))),
                  during(FadeOut(VGroup(*(x0.cell(0, j) for j in range(ex.d) if j not in column_of),
                                        *(x0.col_labels[j] for j in range(ex.d) if j not in column_of))), 0.0, 0.3),
                  # (its name fades out and in at the row's place: morphed, its letters crossed the
                  # "animal" header on their way)
                  during(FadeOut(x_name), 0.0, 0.3), during(FadeIn(summary.row_labels[0]), 0.45, 0.8),
                  # (the plot's axes come in with the table: the frame's right half stood empty meanwhile)
                  # (its parts: the plane itself, checked for overlaps, joins them as mouse is plotted)
                  during(FadeIn(VGroup(self.plane.axes, self.plane.tick_labels, self.plane.axis_names)), 0.2, 1.0),
                  *(during(Transform(x0.col_labels[j], summary.col_labels[column_of[j]]), 0.0, 0.65) for j in column_of),
                  run_time=1.0)
        # (the moved cells too: played, they were added on their own, and would stay drawn over the
        # table's, undimmed when it is dimmed)
        self.remove(x0, *(x0.cell(0, j) for j in range(ex.d)))
        for y in moving_rows:
            self.remove(y, *(y.cell(0, j) for j in range(ex.d) if j in column_of))
        self.remove(x_name, *x0.col_labels)
        self.add(summary.rects, *(summary.number(r, c) for r in range(len(points)) for c in column_of.values()),
                 summary.col_labels, *summary.row_labels)
        x, y = plane.coordinates(ex.embeddings[ex.focus])
        self.add(self.plane)
        self.narrate(f"Plot {ex.focus} on the {plane.names[0]} and {plane.names[1]} axes.",
                     self.plane.grow(drawn), run_time=2.0)
        # where its arrow points is read off its two numbers in the table: both are boxed as it is said
        # (boxes that fade in and stay while said: a drawn box starts as a stray line)
        where = "It lies on the diagonal." if is_balanced(x, y) else \
            f"Its arrow ends at its {plane.names[0]} and {plane.names[1]} numbers."
        read_off = VGroup(*(summary.cell_box(0, c, th.focus) for c in range(len(self.table_dims))))
        self.narrate(where, self.plane.highlight(ex.focus), during(FadeIn(read_off), 0.0, 0.15), run_time=2.0)
        self.output_arrows, self.angle_marks, self.input_marks = [], [], []
        self.marks_of = []  # per context: its (output's angle, input's angle) marks, [] when it does not turn
        self.marks_gone = []  # marks taken off already (a comparison's go before the next one's)
        # the angles' degrees keep clear of the tick numbers ("28°" by "1" read as one)
        for tick in self.plane.tick_labels:
            placer.avoid_box(tick, pad=0.2)
        # each piece of a chain wears its word's colour (which piece came from which word)
        tokens = list(dict.fromkeys(t for s in self.pair for t in s.tokens))
        colors = word_colors(ex, th, plane, tokens, plane.coordinates(np.array([ex.embeddings[t] for t in tokens])))
        pending = []  # per context: (out, turn, transient) for the comparison drawn once both are laid
        # (r28f: the chains' arrowheads on the axes, at 0.47, touched the "0.5" tick numbers: those a
        # chain's point comes this near go while the chains are up, from the first chain's laying to
        # the two chains' going)
        touched = [t for t in self.plane.tick_labels
                   if any(np.linalg.norm(nearest_point(t, self.plane.c2p(p))[:2] - self.plane.c2p(p)[:2]) < CHAIN_TICK_CLEAR
                          for c in self.chains for p in c.ends)]
        chain_ticks_hide, chain_ticks_show = step_back(touched, opacity=0.0) if touched else (None, None)
        # (r28: the second context's weights and values came as given; where the second sentence is
        # the first with the plane's two dims swapped, word by word, that is said and written as its
        # weights come: why its output comes out as the first's mirrored)
        mirror = swapped_in_plane(self.pair[0].tokens, plane.coordinates(self.pair[0].simple.v),
                                  self.pair[1].tokens, plane.coordinates(self.pair[1].simple.v))
        mirror_of = dict((b, a) for a, b in mirror) if mirror else {}
        self.swap_note = None
        for k, (s, word) in enumerate(zip(self.pair, words)):
            laid_from = len(placer.segments)
            chain = self.plane.chain(self.chains[k], th.value)
            chain_lines = (laid_from, len(placer.segments))  # they leave the placer with the chain
            for piece, token in zip(chain.pieces, s.tokens):
                piece.set_color(colors.get(token, th.text))
            colour = self.context_colors(words)[k]
            before_out = len(placer.boxes)
            out = self.plane.vector(f"output with {word}", self.chains[k].total, colour, text=f"with {word}")
            if out.leader is not None:  # the angles' labels, placed later, keep off it too
                placer.avoid_segment(out.leader.get_start(), out.leader.get_end())
            self.output_arrows.append(out)
            # the words' own arrows go pale before the chain is laid over them (cat's piece
            # runs along cat's arrow, on the animal axis): they come back with the chain's going
            # (their names go wholly: the camera in on the chain enlarged them, faint, past its own names)
            # (the axes stay as drawn: the chain is read against them)
            back, forth = self.step_back_unnamed([self.plane.vectors[w] for w in drawn])
            row = self.row_frame(k + 1, colour)
            named = SurroundingRectangle(out.label, color=colour, buff=0.06, stroke_width=3)
            self.plane.figures.append(named)  # drawn on the plane, as its part
            # each piece named by its word, read with the camera in on the chain (the pieces are short)
            # (the output's name, drawn once the pieces' names have gone, leaves them its place meanwhile)
            out_boxes = placer.boxes[before_out:]
            del placer.boxes[before_out:]
            # the tick numbers by the chain's points may give their places to the names (those a name
            # then takes go while the names are up; the others stay: read against the chain)
            near_ticks = [t for t in self.ticks_by(self.chains[k]) if all(t is not u for u in touched)]
            hidden_boxes = [box_of(t, 0.2) for t in near_ticks]
            all_boxes = list(placer.boxes)
            placer.boxes = [b for b in placer.boxes if not any(np.allclose(b, h) for h in hidden_boxes)]
            piece_names = VGroup()
            notes = VGroup()  # what is said of a piece in the reading column, not on the plot (no part of it)
            # this context's weights, where the chain is read from (shown as its first sentence is said)
            weights = self.weights_row(k, s, word, colors)
            row_weights, first = s.simple.weights[self.focus_row(s)], 0
            # every visible piece kept PIECE_CLEAR off by the names (one on the arrow read as its
            # arrowhead's): a line each side of it, costing what the piece itself does; taken off the
            # placer once they are placed
            clear_from = len(placer.segments)
            for piece in chain.pieces:
                if not isinstance(piece, Dot):
                    a, b = piece.get_start(), piece.get_end()
                    side = np.array([a[1] - b[1], b[0] - a[0], 0.0]) / max(float(np.linalg.norm((b - a)[:2])), 1e-9)
                    for offset in (PIECE_CLEAR, -PIECE_CLEAR):
                        placer.avoid_segment(a + offset * side, b + offset * side, cost=3)
            zero_tokens = []  # the words whose pieces are 0 in this plane
            for tokens_, where, tiny in self.piece_groups(chain, s.tokens):
                j, first = first, first + len(tokens_)  # (the group's first piece: its word's place in the sentence)
                # a piece too short to see as an arrow even up close is said to be about nothing (one
                # name for those that end where the one before does: stacked names read as one)
                # ("= 0" where every one of them is 0 in this plane as written, as the output step says
                # of "and"; "≈ 0" where one is only small)
                exact = all(zero_in_plane(plane.coordinates(s.simple.v[s.tokens.index(t)])) for t in tokens_)
                # (a visible piece named with the weight it was scaled by, as the weights above say it:
                # "scaled by its weight" is then seen where it is laid)
                # (short pieces are still drawn, and named as what they are: small, not nothing; a 0 is
                # 0 only in this plane, the word's other dims aside)
                text = (f"{', '.join(tokens_)} = 0 in this plane" if exact else f"{' + '.join(tokens_)} (small)") if tiny else \
                    f"{format_number(row_weights[j], self.weight_decimals)} × {tokens_[0]}"
                name = label(text, th, size=PIECE_NAME_SIZE + (3 if tiny else 0),
                             color=colors.get(tokens_[0], th.text) if len(tokens_) == 1 and not tiny else th.text)
                if tiny and exact:
                    # a piece that is nothing in this plane has no place to be pointed at: said under
                    # the weights table, in the reading column (on the plot it crossed an axis or
                    # the input's arrow); all such pieces in one note (two notes stood on one place)
                    zero_tokens += tokens_
                    continue
                point = (where[0] + where[1]) / 2
                # (a tiny piece's name to the right of the chain's end, where it is out of the chain's way)
                # (where the first side has the name over another, the other ways tried: the least
                # crowded place kept)
                tries = [np.array([1.0, -0.3, 0.0]), np.array([-1.0, 0.3, 0.0])] if tiny else \
                    [self.open_side(where), -self.open_side(where), np.array([0.6, -1.0, 0.0])]
                placed = []
                for way in tries:
                    placer.place(name, point, way, ignore=later)
                    placed.append((placer.last_conflicts, name.get_center().copy()))
                    placer.take_back()
                    if placer.last_conflicts < placer.OVERLAP:  # (crossing a line or two is no overprint)
                        break
                name.move_to(min(placed, key=lambda p: p[0])[1])
                placer.avoid_box(name)
                # (the gap from the piece to the name's box as drawn: the placer's distance is its search's)
                gap = np.linalg.norm(point - nearest_point(name, point))
                if gap >= PIECE_LEADER_FROM:
                    # placed away from its piece, a thin line says which piece it names
                    name = VGroup(name, VectorPlane.leader_line(point, name, name.get_color()))
                piece_names.add(name)
            if zero_tokens:
                notes.add(self.zero_note(zero_tokens, weights))
                zero_at = list(s.tokens).index(zero_tokens[0])
            del placer.segments[clear_from:clear_from + 2 * sum(not isinstance(p, Dot) for p in chain.pieces)]
            placer.boxes = all_boxes + out_boxes  # the names go with the chain; the ticks come back
            tick_hide = self.hide_ticks_under(near_ticks, piece_names)
            self.plane.figures.append(piece_names)  # read on the plot, as its part, while they are up
            # (the words' own arrows and names are pale by then: step_back)
            # (no camera move: the plot is large enough for the chain, and the table and this context's
            # weights stay in view while each piece is scaled by its weight)
            edges = []
            # (the row before goes as this one comes)
            shown_weights = getattr(self, "weights_shown", None)
            swap_note = self.swap_note_for(mirror, weights, plane.names) if k and mirror_of.get(word) == words[0] else None
            # (in the plane only: the other dims differ, e.g. the built-in's mood, cat 0.4 and keyboard 0)
            said_swap = f", {words[0]}'s mirror in this plane." if k and mirror_of.get(word) == words[0] else ":"
            run = 2.5 if swap_note is not None else 1.0
            self.narrate(f"Its weights next to {word}{said_swap}",
                         *([during(FadeOut(shown_weights), 0.0, 0.35 / run)] if shown_weights is not None else []),
                         during(FadeIn(weights, shift=UP * 0.1), (0.35 if shown_weights is not None else 0.0) / run, 1.0 / run),
                         *([during(FadeIn(swap_note), 1.2 / run, 2.0 / run)] if swap_note is not None else []),
                         run_time=run)
            # (r28f: five blocks stood in the reading column from 31 to 44 s: the note, said and read,
            # goes as the chain is laid)
            self.weights_shown = weights
            hide_edges, show_edges = step_back(edges, opacity=0.0) if edges else (None, None)
            # the contexts before this one step back while this chain is built (one focal point), and
            # come back with the camera's going back: the two outputs are then compared
            earlier = [m for j in range(k) for m in (self.output_arrows[j],)]
            self.earlier_as_drawn = []  # (nothing stays pale: the residual finds them as drawn)
            veil_earlier, unveil_earlier = self.step_back_unnamed(earlier) if earlier else (None, None)
            # (a play of its own: the copies the chain is laid from are taken of the pale arrows)
            # the camera goes in onto where the chain is laid (what the closer view would cut is dimmed)
            # (both chains staged alike, up close with their pieces named: the process said on the first)
            # (the first context has no earlier one to veil, and a closer view may cut nothing)
            # (the words go pale early: a word near the frame's bottom would be in the subtitles' band
            # of the view the camera is moving to while still readable)
            focus_full = self.plane.vectors[ex.focus].body.copy()  # (as drawn: it comes back for the two chains)
            # (and its name: "two chains from one mouse" names the arrow they both start from)
            focus_name_full = [(m, m.copy()) for m in (self.plane.vectors[ex.focus].label, self.plane.vectors[ex.focus].leader)
                               if m is not None]
            # the summary table steps back while the chain is laid, but for the row it ends at: the
            # weights table and the plot are what is read (it comes back as the row is written)
            on_screen = {id(m) for top in self.mobjects for m in top.get_family()}
            others = [summary.col_labels, *(VGroup(summary.row_labels[r], summary.row(r), *([self.unknowns[r]] if r in self.unknowns else []))
                                            for r in range(len(points)) if r != k + 1)]
            aside = self.focus_on([], [leaf for part in others for leaf in part.family_members_with_points()
                                       if id(leaf) in on_screen])
            self.play(during(back, 0.0, 0.6), *([veil_earlier] if earlier else []), *aside,
                      *([FadeOut(swap_note)] if swap_note is not None else []),
                      *([chain_ticks_hide] if k == 0 and touched else []),
                      *([FadeOut(read_off)] if k == 0 else []), *tick_hide, run_time=0.5)
            # each weight pointed at as its piece is laid (LaggedStart's windows: piece j from j·lag)
            # (the first context's chain was built piece by piece in the last step: laid again at
            # once, r27; the second's is the one built live, piece by piece)
            n, lag = len(chain.pieces), 0.8  # (both laid tip to tail; the first, seen before, quicker: r27f, at once it read as a jump)
            span = 1 + lag * (n - 1)
            # (a frame round the word's column, in its piece's colour, from its piece's start to the
            # next one's: the eye goes along the table as the chain grows; nothing in the table moves)
            # (on its cells' outer edges, under its word: a word may reach over its neighbours' columns,
            # and a frame round it ran through theirs)
            frames = [SurroundingRectangle(VGroup(*column[1:]), color=column[0].get_color(), buff=0.0, stroke_width=5)
                      for column in weights.columns[:n]]
            pointed = [during(FadeIn(frame, rate_func=lambda t: min(1.0, 6 * t, 6 * (1 - t))),
                              j * lag / span, min(1.0, ((j + 1) * lag if j < n - 1 else j * lag + 1) / span))
                       for j, frame in enumerate(frames)] if k else []  # (laid at once: nothing to go along)
            self.narrate("Its chain, as in the last step." if k == 0 else
                         "Each value arrow, scaled by its weight, laid tip to tail.",
                         self.lay_chain(chain, s, lag), *pointed,
                         during(LaggedStart(*(FadeIn(name) for name in piece_names), lag_ratio=lag), 0.0, 0.9),
                         # (the note on the pieces that are 0 here comes as the first of their columns is pointed at)
                         *(during(FadeIn(note), zero_at * lag / span, min(1.0, (zero_at * lag + 0.3) / span))
                           for note in notes),
                         run_time=4.5 if k else 2.6)
            self.remove(*frames)  # (faded out by their own rate: gone)
            # the row and the arrow it is drawn as, boxed together for the whole sentence (the camera
            # back first: the row is in the table)
            # (the chain steps back once the output is drawn: its last piece ends where the output does,
            # and the two arrowheads read as one)
            # (said short for the chain seen in the last step: the scene's length is at its limit)
            self.narrate(f"The chain ends at {ex.focus}'s output: the row with {word}." if k else
                         f"It ends at the row with {word}.", self.plane.grow_one(out),
                         during(step_back(list(chain.pieces), opacity=CHAIN_AFTER)[0], 0.55, 0.85),
                         during(FadeOut(VGroup(piece_names, notes)), 0.0, 0.25),
                         *(during(show, 0.0, 0.25) for show in self.show_ticks()),  # (the names' places free)
                         *([during(unveil_earlier, 0.35, 0.6)] if earlier else []),
                         during(FadeIn(row), 0.35, 0.5), during(FadeIn(named), 0.5, 0.7),
                         during(self.write_output_row(k + 1, colour), 0.3, 0.6),
                         during(AnimationGroup(*self.restore()), 0.2, 0.5), run_time=2.0)
            del placer.segments[chain_lines[0]:chain_lines[1]]  # the chain goes: the angles may use its place
            self.plane.figures.remove(piece_names)
            if k == 0:  # (it comes back beside the second chain, for the two to be compared)
                self.play(FadeOut(VGroup(chain, row, named)), forth, *self.show_ticks(), run_time=0.5)
                self.remove(chain)
                first_chain = chain
                pending.append((out, turns_towards((x, y), self.chains[k].total), []))
                continue
            # the first context's chain back beside this one: one input, two sums of its neighbours
            # (the one input they both start from drawn again as it is named, and the last context's
            # weights, no longer read, gone)
            # (r24: the weights of the two contexts are nearly the same where they are: then what makes
            # the two outputs differ is the neighbours' values, and that is what is said)
            rows = [p.simple.weights[self.focus_row(p)] for p in self.pair]
            # the two contexts' weights side by side (r27): this context's weights row and words move
            # into their row of the pair, the rest of its table goes; the first context's comes back
            # over it (its weights stand where they will be compared, to the end of the comparison)
            pair = self.weights_pair(colors)
            shown = self.weights_shown
            moved = []
            if shown is not None:
                # (the rest of its table gone first: the moving numbers pass over its value rows)
                for j, column in enumerate(shown.columns[:len(pair.rows[k])]):
                    moved += [during(Transform(column[1][1], pair.rows[k][j].copy()), 0.3, 0.8),
                              during(Transform(column[0], pair.heads[k][j].copy()), 0.3, 0.8)]
                staying = {id(m) for column in shown.columns for top in (column[0], column[1][1]) for m in top.get_family()}
                rest = [m for m in shown.family_members_with_points() if id(m) not in staying]
                moved.append(during(FadeOut(VGroup(*rest)), 0.0, 0.3))
            coming = VGroup(pair.title, pair.frames, *(m for j in range(k) for m in (pair.rows[j], pair.heads[j])),
                            *([] if shown is not None else [pair.rows[k], pair.heads[k]]))
            self.narrate(f"Two chains from one {ex.focus}: " + (("nearly the same weights, mirrored neighbours."
                                                                  if mirror else "nearly the same weights, different neighbours.")
                                                                 if nearly_the_same_weights(*rows)
                                                                 else "one for each context's weights."),
                         FadeIn(first_chain), during(FadeOut(VGroup(row, named)), 0.0, 0.3),
                         *([during(FadeOut(self.swap_note), 0.0, 0.3)] if self.swap_note is not None else []),
                         Transform(self.plane.vectors[ex.focus].body, focus_full),
                         *(Transform(part, whole) for part, whole in focus_name_full),
                         *moved, during(FadeIn(coming), 0.6, 0.95),
                         run_time=2.0)
            if shown is not None:
                self.remove(shown, *shown.family_members_with_points())
            self.add(pair)
            self.weights_shown = None
            self.compared_weights = pair
            self.play(FadeOut(VGroup(chain, first_chain)), forth, *self.show_ticks(),
                      *([chain_ticks_show] if touched else []), run_time=0.5)
            self.remove(chain, first_chain)
            # (r28f: "nearly the same weights" was never explained) where the keyboard sentence is the
            # cat sentence mirrored in the plane and mouse its own mirror, their scores match there;
            # only the other dims tell them apart (story.mirror_pair_scores, said only where it holds)
            if mirror and nearly_the_same_weights(*rows):
                self.explain_mirrored_weights(words, pair, mirror)
            pending.append((out, turns_towards((x, y), self.chains[k].total), []))
        # the weights go as the first comparison's first figure is drawn (the angles are read on the plot)
        leaving = getattr(self, "weights_shown", None)
        self.weights_shown = None
        # the two outputs compared, each against the one input: how long, and which way each turns
        for k, ((out, turn, transient), word) in enumerate(zip(pending, words)):
            marks_before = len(self.angle_marks)
            figures = self.turn_figures(out, (x, y), k, turn, transient)
            self.marks_of.append([*self.angle_marks[marks_before:], *self.input_marks[marks_before:]])
            said = self.turn_claim((x, y), self.chains[k].total, plane.names)
            shorter = [is_shorter((x, y), self.chains[j].total) and turns_towards((x, y), self.chains[j].total) is not None
                       for j in range(k + 1)]
            # (said once in full: the second output shorter as well is "shorter too")
            said[0] = (f"Next to {word}, it is shorter too," if k > 0 and shorter[k] and shorter[k - 1] else
                       f"Next to {word}, {said[0][0].lower()}{said[0][1:]}")
            score_note = getattr(self, "score_note", None)
            if k == 0 and score_note is not None:  # (the scores' note, read, goes as the angles come)
                self.score_note = None
                if figures:
                    figures[0] = [during(FadeOut(score_note), 0.0, 0.2), *figures[0]]
                else:
                    self.play(FadeOut(score_note), run_time=0.4)
            if k == 0 and leaving is not None:
                if figures:
                    figures[0] = [during(FadeOut(leaving), 0.0, 0.2), *figures[0]]
                else:
                    self.play(FadeOut(leaving), run_time=0.4)
            # one comparison at a time: the one before's arcs go as this one's first figure comes
            if k > 0 and figures:
                figures[0] = [during(FadeOut(VGroup(*(m.parts() for m in self.marks_of[k - 1]))), 0.0, 0.2), *figures[0]]
                self.marks_gone += self.marks_of[k - 1]
            for line, drawn_with in zip(said, figures):
                self.narrate(line, *drawn_with, run_time=2.6)  # each figure drawn at the pace it is said
            if transient:
                self.play(FadeOut(VGroup(*transient)), run_time=0.4)

    def ticks_by(self, chain) -> list:
        """The plot's tick numbers a point of `chain` (an ArrowChain) lies on or next to: their places
        may go to the chain's names."""
        points = [self.plane.c2p(p) for p in (*chain.starts, *chain.ends)]
        return [t for t in self.plane.tick_labels
                if any(np.linalg.norm(nearest_point(t, p)[:2] - p[:2]) < TICK_CLEAR for p in points)]

    def hide_ticks_under(self, ticks, names) -> list:
        """Animations taking out of sight those of `ticks` that one of `names` (a chain's piece
        names, each maybe with its leader) covers or all but touches, not hidden yet; show_ticks
        brings them back."""
        hidden = self.hidden_ticks
        # (the names' words only: a thin leader passing a tick reads as no part of it)
        words = [name[0] if isinstance(name, VGroup) and len(name) == 2 and isinstance(name[1], Line) else name
                 for name in names]
        def covered(tick) -> bool:
            left, bottom, right, top = box_of(tick, 0.0)
            box = (left - TICK_NAME_GAP, bottom - TICK_LINE_GAP, right + TICK_NAME_GAP, top + TICK_LINE_GAP)
            return any(boxes_overlap(box, box_of(word, 0.0)) for word in words)
        near = [t for t in ticks if all(t is not h for h, _ in hidden) and covered(t)]
        if not near:
            return []
        hide, show = step_back(near, opacity=0.0)
        hidden += [(t, None) for t in near[:-1]] + [(near[-1], show)]
        return [hide]

    def show_ticks(self) -> list:
        """The tick numbers hide_ticks_under took out of sight, back as they were."""
        shows = [show for _, show in self.hidden_ticks if show is not None]
        self.hidden_ticks = []
        return shows

    def open_side(self, where) -> np.ndarray:
        """The side of a chain piece (start, end) its name goes to: left of the piece's direction
        (above a piece going right, upper left of one going up and right: the room between it and
        the axis or the input's arrow), or right of it where the left is off the plot's range (a
        piece up the y axis)."""
        start, end = where
        along = end - start
        left = np.array([-along[1], along[0], 0.0]) / max(float(np.linalg.norm(along[:2])), 1e-9)
        for side in (left, -left):
            x, y = self.plane.p2c((start + end) / 2 + side * 0.6)[:2]
            if x >= self.plane.x_range.low and y >= self.plane.y_range.low:
                return side
        return -left

    def draw_words(self, figure: VectorPlane, drawn, coords, *, residual: bool) -> list:
        """The words' arrows on `figure`, their labels clear of what comes later (the outputs, the
        focus word's arrow; with `residual`, the residual's arrows too); returns the placer's
        segments that only the words' labels keep off (the chains' pieces' names may cross them)."""
        ex, th = self.example, self.theme
        plane = embedding_plane(ex)
        placer = figure.placer()
        # the x axis's name, over the axis's end, keeps a wide berth: a word beside it ("cat animal",
        # both in the animal colour) read as one phrase
        placer.avoid_box(figure.axis_names[0], pad=0.45)
        origin = figure.origin
        first = len(placer.segments)
        for res in (self.residuals if residual else ()):  # the residual's arrows: the words' labels keep clear of them
            placer.avoid_strip(origin, figure.c2p(res.total))
            placer.avoid_segment(figure.c2p(res.embedding), figure.c2p(res.total))
        # and so do the output arrows and the focus word's own arrow (a vector's label may lie on its
        # own arrow, which is fine where nothing else starts at its tip; here the residual's arrows
        # do): all but their last stretch, so a label beside a tip still fits there
        for chain in self.chains:
            placer.avoid_segment(origin, origin + 0.85 * (figure.c2p(chain.total) - origin))
        focus_tip = figure.c2p(coords[list(drawn).index(ex.focus)])
        placer.avoid_strip(origin, origin + 0.85 * (focus_tip - origin))
        # (the chains' pieces' names may cross these margins: they are gone before the residual and
        # the outputs are drawn, and the focus word's arrow is faint while they are up)
        later = list(range(first, len(placer.segments)))
        # words whose arrows lie along an axis (cat, keyboard) end beside its tick labels: their labels
        # keep off the axis line, so "2" and "keyboard" do not read as one (the labels placed later,
        # off the axes anyway, need every place left)
        kept = len(placer.segments)
        for axis in (figure.axes.x_axis, figure.axes.y_axis):
            placer.avoid_strip(axis.get_start(), axis.get_end(), half_width=0.06)
        # and a wider berth round the ticks and the x axis's name, for these words only ("2" touched
        # "keyboard", "cat" touched "animal")
        boxes_before = len(placer.boxes)
        for tick in figure.tick_labels:
            placer.avoid_box(tick, pad=0.25)
        placer.avoid_box(figure.axis_names[0], pad=0.7)
        figure.words(drawn, coords, word_colors(ex, th, plane, drawn, coords))
        del placer.boxes[boxes_before:]
        del placer.segments[kept:kept + 6]
        return later + list(range(kept, len(placer.segments)))  # the words' arrows too: faint while the chains are laid

    @staticmethod
    def step_back_unnamed(vectors, others=()) -> tuple:
        """(back, forth): step_back for `vectors`' arrows and `others` to GHOST, their names and leaders
        out of sight, and all back as they were."""
        names = [m for v in vectors for m in (v.label, v.leader) if m is not None]
        faint, restored = step_back([*(v.body for v in vectors), *others], opacity=GHOST)
        if not names:
            return faint, restored
        hidden, shown = step_back(names, opacity=0.0)
        return AnimationGroup(faint, hidden), AnimationGroup(restored, shown)

    @staticmethod
    def piece_groups(chain, tokens) -> list:
        """[(words, (start, end), tiny)]: the chain's pieces in order, each with its words, where it
        is drawn and whether it is too short to see (shorter than TINY_PIECE on screen); consecutive
        tiny pieces share one entry, from the first one's start to the last one's end."""
        groups = []
        for piece, token in zip(chain.pieces, tokens):
            ends = (piece.get_center(), piece.get_center()) if isinstance(piece, Dot) else (piece.get_start(), piece.get_end())
            short = np.linalg.norm(ends[1] - ends[0]) < TINY_PIECE
            if short and groups and groups[-1][2]:
                groups[-1][0].append(token)
                groups[-1][1] = (groups[-1][1][0], ends[1])
            else:
                groups.append([[token], ends, short])
        return [tuple(group) for group in groups]

    def weights_row(self, k: int, sentence, word: str, colors: dict) -> VGroup:
        """Context k's weights of the focus word and the value arrows they scale, as one table under
        the summary (where the angles' readout comes later): its name ("mouse's weights next to cat"),
        then a column per word (the word over it, in its chain piece's colour) and three rows, named
        on the left: "weight", then the value's two plane components ("animal", "tech", in the axes'
        colours). Each chain piece is its column's weight times its two values, so the output's row
        can be worked from it. Left-aligned with the heading, from under the summary table; its
        columns are `.columns` (each word with its cells, for pointing at), its name `.title`."""
        ex, th = self.example, self.theme
        plane = embedding_plane(ex)
        weights = sentence.simple.weights[self.focus_row(sentence)]
        values = plane.coordinates(sentence.simple.v)
        axis_colours = [self.dim_colors().get(a, th.text) for a in plane.axes]
        rows = [("weight", th.text, weights), *((n, c, values[:, a]) for a, (n, c) in enumerate(zip(plane.names, axis_colours)))]
        numbers = [[label(format_number(v, self.weight_decimals if r == 0 else 2), th, size=WEIGHT_TABLE_NUMBER_SIZE)
                    for v in vals] for r, (_, _, vals) in enumerate(rows)]
        names = [label(n, th, size=WEIGHT_TABLE_LABEL_SIZE, color=c) for n, c, _ in rows]
        heads = [label(t, th, size=WEIGHT_TABLE_LABEL_SIZE, color=colors.get(t, th.text)) for t in sentence.tokens]
        cell_w = max(m.width for row in numbers for m in row) + WEIGHT_TABLE_PAD
        names_w = max(m.width for m in names)

        def spread(step: int) -> tuple:
            """(widths, offsets): the columns' widths and each word's shift off its column's middle, so
            that words `step` columns apart (on one line) keep HEADER_GAP apart: a word wider than its
            column reaches over its neighbours' short words, never onto them; the first one over the
            empty corner above the rows' names, else the wider word's column widened."""
            widths, offsets = [cell_w] * len(heads), [0.0] * len(heads)
            for _ in range(3):
                for j in range(len(heads) - step):
                    i = j + step
                    short = ((heads[j].width + heads[i].width) / 2 + HEADER_GAP + offsets[j] - offsets[i]
                             - (widths[j] / 2 + sum(widths[j + 1:i]) + widths[i] / 2))
                    if short <= 0:
                        continue
                    if j == 0:  # (no further left than the names)
                        room = names_w + WEIGHT_TABLE_NAMES_GAP - (heads[0].width - widths[0]) / 2 + offsets[0]
                        move = min(short, max(0.0, room))
                        offsets[0] -= move
                        short -= move
                    if short > 0:
                        wider = j if heads[j].width >= heads[i].width else i
                        widths[wider] += 2 * short
            return widths, offsets

        widths, offsets = spread(1)
        # where long words would widen the table much (a 20-letter word), every other word one line up
        # instead: each then reaches over its neighbours' columns
        staggered = sum(widths) - len(heads) * cell_w > WEIGHT_TABLE_STAGGER_FROM
        if staggered:
            widths, offsets = spread(2)
        lefts = names_w + WEIGHT_TABLE_NAMES_GAP + np.concatenate([[0.0], np.cumsum(widths)[:-1]])
        xs = lefts + np.array(widths) / 2
        # (the weight row a little apart from the value's two: a weight scales the two under it)
        ys = [-WEIGHT_TABLE_CELL_H * r - (WEIGHT_TABLE_SPLIT if r else 0.0) for r in range(len(rows))]
        cells = VGroup()
        columns = [VGroup() for _ in heads]
        for r, row in enumerate(numbers):
            for j, number in enumerate(row):
                rect = Rectangle(width=widths[j], height=WEIGHT_TABLE_CELL_H, stroke_color=th.grid,
                                 stroke_width=1.2).move_to([xs[j], ys[r], 0.0])
                cell = VGroup(rect, number.move_to(rect))
                cells.add(cell)
                columns[j].add(cell)
        for name, y, row in zip(names, ys, numbers):  # each name on its numbers' baseline
            name.move_to([names_w, y, 0.0], aligned_edge=RIGHT)
            name.shift(UP * (text_baseline(row[0]) - text_baseline(name)))
        head_y = ys[0] + WEIGHT_TABLE_CELL_H / 2 + 0.08
        for head, x, column, offset in zip(heads, xs, columns, offsets):
            head.move_to([x + offset, head_y, 0.0], aligned_edge=DOWN)
            column.add_to_back(head)
        for head in heads[1:]:  # the words on one baseline, whatever their letters
            head.shift(UP * (text_baseline(heads[0]) - text_baseline(head)))
        if staggered:
            for head in heads[1::2]:
                head.shift(UP * (max(h.height for h in heads) + 0.06))
        title = label(f"{ex.focus}'s weights next to {word}", th, size=WEIGHT_TABLE_LABEL_SIZE,
                      color=self.context_colors([self.context_word(s) for s in self.pair])[k])
        body = VGroup(*names, *heads, cells)
        title.next_to(body, UP, buff=0.22).align_to(body, LEFT)
        table = VGroup(title, body)
        table.title, table.columns = title, columns
        # (room under it for a note on the pieces that are 0 in this plane: the same place for both
        # contexts, note or not)
        top = self.summary.get_bottom()[1] - WEIGHT_TABLE_TOP_GAP
        fit_region(table, *self.column, top=top, bottom=BOTTOM + WEIGHT_TABLE_NOTE_ROOM)
        table.align_to(np.array([self.column[0], top, 0.0]), LEFT + UP)
        # its cells' bottom level with the plot's animal axis, where that leaves it under the summary
        # and the note its room: the reading column and the plot stand on one line
        axis_y = self.plane.origin[1]
        if axis_y - WEIGHT_TABLE_NOTE_ROOM >= BOTTOM - 1e-6 and axis_y + table.height <= top + 1e-6:
            table.shift(UP * (axis_y - cells.get_bottom()[1]))
        return table

    def weights_pair(self, colors: dict) -> VGroup:
        """The two contexts' weights of the focus word side by side (r27: the lower left stood empty
        once the chains were compared): one row each, keyboard's on top with its words over it,
        cat's under it with its words under it, each row framed in its context's colour (as its output's row in the table is);
        "mouse's weights" over them. Under the summary, its bottom words level with the plot's
        animal axis where there is room. `.rows[k]` are context k's numbers, `.heads[k]` its words,
        `.frames[k]` its cells."""
        ex, th = self.example, self.theme
        words = [self.context_word(s) for s in self.pair]
        colours = self.context_colors(words)
        rows = [s.simple.weights[self.focus_row(s)] for s in self.pair]
        numbers = [[label(format_number(v, self.weight_decimals), th, size=WEIGHT_TABLE_NUMBER_SIZE) for v in row]
                   for row in rows]
        heads = [[label(t, th, size=WEIGHT_TABLE_LABEL_SIZE, color=colors.get(t, th.text)) for t in s.tokens]
                 for s in self.pair]
        n = max(len(r) for r in rows)
        # (the columns as wide as their numbers; a word wider than its column reaches over its
        # neighbours' sides, the column widened only where two words on one line would come nearer
        # than HEADER_GAP: sized by its words, the table was shrunk to 21 px to fit the column)
        widths = [max(m.width + PAIR_PAD for row in numbers for m in row[j:j + 1]) for j in range(n)]
        for hs in heads:
            for j in range(len(hs) - 1):
                short = (hs[j].width + hs[j + 1].width) / 2 + HEADER_GAP - (widths[j] + widths[j + 1]) / 2
                if short > 0:
                    widths[j if hs[j].width >= hs[j + 1].width else j + 1] += 2 * short
        xs = np.concatenate([[0.0], np.cumsum(widths)[:-1]]) + np.array(widths) / 2
        # (the last context on top, its words over it: its row and words, up in its weights table, move
        # down into it together, never across each other; the first context's under it, words under)
        at = {k: (len(numbers) - 1 - k) for k in range(len(numbers))}
        cells, frames = VGroup(), VGroup()
        for k, (row, colour) in enumerate(zip(numbers, colours)):
            r = at[k]
            frame = VGroup()
            for j, number in enumerate(row):
                rect = Rectangle(width=widths[j], height=WEIGHT_TABLE_CELL_H, stroke_color=colour, stroke_width=2.5)
                rect.move_to([xs[j], -WEIGHT_TABLE_CELL_H * r, 0.0])
                number.move_to(rect)
                frame.add(rect)
                cells.add(number)
            frames.add(frame)
        for k, hs in enumerate(heads):  # the top row's words over it, the bottom row's under it, on one baseline
            r = at[k]
            for j, head in enumerate(hs):
                if r == 0:
                    head.move_to([xs[j], WEIGHT_TABLE_CELL_H / 2 + 0.08, 0.0], aligned_edge=DOWN)
                else:
                    head.move_to([xs[j], -WEIGHT_TABLE_CELL_H * 1.5 - 0.08, 0.0], aligned_edge=UP)
            for head in hs[1:]:
                head.shift(UP * (text_baseline(hs[0]) - text_baseline(head)))
        title = label(f"{ex.focus}'s weights", th, size=WEIGHT_TABLE_LABEL_SIZE, color=th.focus)
        body = VGroup(frames, cells, *(h for hs in heads for h in hs))
        title.next_to(body, UP, buff=0.2).align_to(body, LEFT)
        table = VGroup(title, body)
        top = self.summary.get_bottom()[1] - WEIGHT_TABLE_TOP_GAP
        fit_region(table, *self.column, top=top, bottom=BOTTOM, grow=1.25)
        table.align_to(np.array([self.column[0], top, 0.0]), LEFT + UP)
        axis_y = self.plane.origin[1]  # (its bottom words level with the animal axis, where that leaves it under the summary)
        if axis_y >= BOTTOM - 1e-6 and axis_y + table.height <= top + 1e-6:
            table.shift(UP * (axis_y - table.get_bottom()[1]))
        table.title, table.frames = title, frames
        table.rows = [VGroup(*cells[sum(len(r) for r in numbers[:k]):sum(len(r) for r in numbers[:k + 1])])
                      for k in range(len(numbers))]
        table.heads = [VGroup(*hs) for hs in heads]
        return table

    def explain_mirrored_weights(self, words, pair, mirror) -> None:
        """Why the two contexts' weights are nearly the same (r28f): the focus word is its own mirror
        in the plane (its input row, pointed at), so each mirrored word scores the same with it there;
        the other dims add a little, differently ("cat · mouse = 2.34 + 0.08", "keyboard · mouse = 2.34
        + 0.04", from story.mirror_pair_scores), and the weights of the two differ by as little (their
        column of the compared weights pointed at). Nothing where that does not hold as written."""
        ex, th = self.example, self.theme
        plane = embedding_plane(ex)
        scores = mirror_pair_scores(ex.embeddings[ex.focus], ex.embeddings[words[0]], ex.embeddings[words[1]], plane.axes)
        if scores is None or (words[0], words[1]) not in mirror:
            return
        # (r29m: "2.34" came with no working) each in-plane part as its one product, where it is one
        working = mirror_plane_working(ex.embeddings[ex.focus], ex.embeddings[words[0]], ex.embeddings[words[1]], plane.axes)
        at = list(self.pair[0].tokens).index(words[0])  # (the pair's column: its place in both sentences)
        rest = [ex.dims[d] for d in range(ex.d) if d not in plane.axes]
        others = " and ".join(rest) if len(rest) <= 2 else "the other dims"
        size = WEIGHT_TABLE_LABEL_SIZE
        colours = self.context_colors(words)
        lines, planes, rests, focus_parts = VGroup(), VGroup(), VGroup(), []
        for n, (word, part, colour) in enumerate(zip(words, scores.rest, colours)):
            name = label(f"{word} · {ex.focus} =", th, size=size, color=colour)
            if working is not None:
                product, times, mine = working.texts[n].rpartition(" × ")
                mine = VGroup(label(f"{product}×", th, size=size), label(mine, th, size=size, color=th.focus)).arrange(RIGHT, buff=0.05)
                # (the focus word's value in the product: its value in the dim the word is not 0 in)
                focus_parts.append((mine[1], self.table_dims.index(working.dims[n])))
            else:
                mine = label(scores.plane, th, size=size)
            more = label(f"+ {part}", th, size=size)
            line = VGroup(name, mine, more).arrange(RIGHT, buff=0.12)
            for m in (mine, more):  # (on the words' baseline)
                m.shift(UP * (text_baseline(name) - text_baseline(m)))
            lines.add(line)
            planes.add(mine)
            rests.add(more)
        lines.arrange(DOWN, buff=0.12)
        for line in lines[1:]:  # the "=" under one another
            line.shift(RIGHT * (lines[0][0].get_right()[0] - line[0].get_right()[0]))
        high, low = self.summary.get_bottom()[1] - 0.08, pair.title.get_top()[1] + 0.08
        if lines.height > high - low or lines.width > self.column[1] - self.column[0]:
            return
        lines.move_to([0.0, (high + low) / 2, 0.0]).align_to(pair.title, LEFT)
        self.score_note = self.score_note_shown = lines
        column = VGroup(*(frame[at] for frame in pair.frames))
        box = lambda m, c: Circumscribe(m, color=c, buff=0.06, fade_in=True, fade_out=True, stroke_width=3)
        # (r29m: the table, two equations, the weights and four boxes stood at once) a stage of its
        # own: the plot, the outputs' rows and the weights step back; the focus word's input row is
        # what is read first, then the two scores worked from it, then the weights they give
        summary = self.summary
        keep = [self.heading, summary.col_labels, summary.row_labels[0], summary.row(0)]
        # (the arrows whole: focus_on dims leaves, and an arrow's line, which holds its tip, stayed)
        on_screen = {id(m) for top in self.mobjects for m in top.get_family()}
        bodies = [v.body for v in self.plane.vectors.values() if not v.is_dot and id(v.body) in on_screen]
        veil, unveil = step_back(bodies, opacity=th.dim_opacity) if bodies else (None, None)
        # (one sentence over the four beats: the scene's length is at its limit)
        self.caption_over(f"{ex.focus[0].upper()}{ex.focus[1:]} is its own mirror, so {words[0]} and {words[1]} "
                          f"score alike with it, but for {others}.")
        self.play(*self.focus_on([*keep, *bodies]), *([veil] if bodies else []),
                  during(box(summary.row(0), th.focus), 0.3, 1.0), run_time=1.5)
        self.play(during(FadeIn(VGroup(*(line[0] for line in lines)), shift=RIGHT * 0.1), 0.0, 0.3),
                  during(LaggedStart(*(AnimationGroup(
                      FadeIn(line[1][0] if focus_parts else line[1]),
                      *(TransformFromCopy(summary.number(0, c), f) for f, c in focus_parts[n:n + 1]))
                      for n, line in enumerate(lines)), lag_ratio=0.5), 0.2, 1.0), run_time=2.0)
        self.play(FadeIn(rests), during(box(rests, th.text), 0.3, 1.0), run_time=1.3)
        self.play(*self.restore(), *([unveil] if bodies else []), during(box(column, th.focus), 0.3, 1.0), run_time=1.6)

    def swap_note_for(self, pairs, table, names):
        """The note that the second sentence is the first with the plane's dims swapped ("keyboard =
        cat, useful = friends, / in the plane, with animal ↔ tech"), on two lines in the reading column
        between the summary table and the weights table `table` (its title); None where it has no
        room there at its size."""
        th = self.theme
        # (r29m: "keyboard = cat" read as false: each is the other mirrored, not the same)
        first = label(", ".join(f"{b} ↔ {a}" for a, b in pairs) + ":", th, size=WEIGHT_TABLE_LABEL_SIZE, color=th.text)
        # (in the plane only: the other dims differ, e.g. the built-in's mood, cat 0.4 and keyboard 0)
        second = label(f"mirrors in the plane ({names[0]} ↔ {names[1]})", th, size=WEIGHT_TABLE_LABEL_SIZE, color=th.text)
        note = VGroup(first, second).arrange(DOWN, buff=0.1, aligned_edge=LEFT)
        high, low = self.summary.get_bottom()[1] - 0.1, table.title.get_top()[1] + 0.1
        if note.height > high - low or note.width > self.column[1] - self.column[0]:
            return None
        note.move_to([0.0, (high + low) / 2, 0.0]).align_to(table.title, LEFT)
        return note

    def zero_note(self, tokens, table) -> VGroup:
        """One note under the weights table for every piece that is 0 in this plane ("and, are = 0 in
        this plane"): such a piece has no place on the plot to be named at."""
        note = label(f"{', '.join(dict.fromkeys(tokens))} = 0 in this plane", self.theme, size=PIECE_NAME_SIZE, color=self.theme.text)
        note.next_to(table, DOWN, buff=0.14).align_to(table, LEFT)
        if note.width > self.column[1] - self.column[0]:
            note.scale_to_fit_width(self.column[1] - self.column[0]).align_to(table, LEFT)
        return note

    def write_output_row(self, r: int, colour: str) -> AnimationGroup:
        """Row `r` of the summary table (an output, there since the opening) pointed at as its chain
        ends at it: its numbers swell a little and settle (r28f: they were hidden as "?" and written
        again, an answer shown, taken back and shown), each away from its neighbours (r29m: swollen
        about their middles, "0.581.09" touched): the first about its right edge, the last about its
        left, any between by less."""
        n = len(self.table_dims)
        edge = lambda c: RIGHT if c == 0 and n > 1 else LEFT if c == n - 1 and n > 1 else ORIGIN
        grow = lambda c: 1.12 if edge(c) is not ORIGIN else 1.04
        return AnimationGroup(*(self.summary.number(r, c).animate(rate_func=there_and_back).scale(grow(c), about_edge=edge(c))
                                for c in range(n)))

    def row_frame(self, r: int, color: str) -> SurroundingRectangle:
        """A box round row `r` of the summary table, its words and its numbers."""
        return SurroundingRectangle(VGroup(self.summary.row_labels[r], self.summary.row(r)), color=color, buff=0.05,
                                    stroke_width=3)

    def lay_chain(self, chain, sentence, lag: float = 0.8):
        """The weighted sum, term by term: each word's value arrow scaled by its weight, laid at the
        tip of the one before. A word drawn in the plane sends a copy of its own arrow there (here
        a word's value is its input vector); the other terms grow in place."""
        terms = []
        for j, piece in enumerate(chain.pieces):
            word = self.plane.vectors.get(sentence.tokens[j])
            if word is not None and not word.is_dot and not isinstance(piece, Dot):
                terms.append(TransformFromCopy(word.body, piece))
            else:
                terms.append(chain.grow(j))
        return LaggedStart(*terms, lag_ratio=lag)

    def turn_figures(self, out, before, k: int, turn, transient: list) -> list:
        """What is drawn with each part of turn_claim: the output's length swung onto the input's
        line (shorter), the output's angle to the axis it turns towards, then the input's. Figures
        that are only needed while said go into `transient` (they leave with the chain); the angles stay."""
        th, plane = self.theme, self.plane
        after = self.chains[k].total
        if turn is None:
            return [[plane.highlight(out.name)]]
        figures, swung = [], []
        reach = float(np.linalg.norm(out.body.get_end() - plane.origin))  # the output's length on screen
        if is_shorter(before, after):
            # a compass swing of the output's length, from its arrow onto the input's: it stops short
            # of the input's tip (and goes when the angle is drawn)
            start = direction_of(plane, after)
            swing = Arc(radius=reach, start_angle=start, angle=direction_of(plane, before) - start,
                        arc_center=plane.origin, color=th.text, stroke_width=4)
            # and what the input has beyond it, drawn bold along the input's arrow: how much longer it is
            toward = direction_of(plane, before)
            excess = Line(plane.origin + reach * np.array([math.cos(toward), math.sin(toward), 0.0]), plane.c2p(before),
                          color=th.focus, stroke_width=10)
            # the two lengths written by the two arrows, each on its side away from the other (r27:
            # "shorter" was seen only by the swing), from attention_math
            lengths = VGroup()
            # (clear of the swing and the stretch: "length 1.84" sat on the swing next to keyboard)
            bends = [swing.point_from_proportion(t) for t in np.linspace(0.0, 1.0, 9)]
            for a, b in [*zip(bends, bends[1:]), (excess.get_start(), excess.get_end())]:
                plane.placer().avoid_segment(a, b)
            # (each beside its own arrow, nearer to it than to any other line: "length 1.84", placed
            # by the placer alone, stood by the with-cat arrow, not the input's it measures, r27f)
            arrows = arrow_lines(plane)
            lines = [*arrows, *zip(bends, bends[1:]), (excess.get_start(), excess.get_end()),
                     # (and the axes: "length 1.23" lay across the tech axis, r27f)
                     *((axis.get_start(), axis.get_end()) for axis in (plane.axes.x_axis, plane.axes.y_axis))]
            for xy, colour, sign in ((after, out.body.get_color(), -1.0), (before, th.focus, 1.0)):
                a = direction_of(plane, xy)
                if direction_of(plane, before) < start:
                    sign = -sign
                way = sign * np.array([-math.sin(a), math.cos(a), 0.0])
                text = label(f"length {arrow_length(xy)}", th, size=LENGTH_SIZE, color=colour)
                # (on two lines where on one it finds no place beside its own arrow: one line was
                # as wide as the gap between the input's arrow and either output's)
                if not self.length_beside(plane, text.copy(), plane.origin, plane.c2p(xy), way, lines, lengths, arrows,
                                          fallback=False):
                    text = VGroup(label("length", th, size=LENGTH_SIZE, color=colour),
                                  label(arrow_length(xy), th, size=LENGTH_SIZE, color=colour)).arrange(DOWN, buff=0.08)
                self.length_beside(plane, text, plane.origin, plane.c2p(xy), way, lines, lengths, arrows)
                lengths.add(text)
            plane.figures += [swing, excess, lengths]
            figures.append([Create(swing), during(Create(excess), 0.6, 1.0), during(FadeIn(lengths), 0.2, 0.6)])
            swung += [FadeOut(swing), FadeOut(excess), FadeOut(lengths)]
        out_radius, in_radius = self.arc_radii(plane, after)
        mark = AngleMark(plane, after, turn, out.body.get_color(), radius=out_radius, place=False)
        self.angle_marks.append(mark)
        figures.append([mark.draw(), *swung])
        # the input's arc outside the output's (both angles compared, each label on its own wedge's bisector)
        mine = AngleMark(plane, before, turn, th.focus, radius=in_radius, place=False)
        self.input_marks.append(mine)
        # (nor level with a tick's number: "28°" under the animal axis, among its ticks, read as one,
        # r27f): the x ticks' row kept free across the plot, and each y tick's line across the axis,
        # while these two are placed (as the residual's are)
        placer, kept = plane.placer(), len(plane.placer().boxes)
        rows = self.tick_rows(plane)
        placer.boxes += rows
        # (by their arcs rather than far out on leaders: a little nearer the arrows, r27f)
        # (the output's degrees in its wedge, between the two arcs, where there is room)
        if not mark.place_between(plane, mine.arc):
            mark.place(plane, gaps=ANGLE_FAR_GAPS, clear=ANGLE_NEAR_CLEAR)  # (both arcs on the placer: each label clear of both)
        mine.place(plane, gaps=ANGLE_FAR_GAPS, clear=ANGLE_NEAR_CLEAR)
        del placer.boxes[kept:kept + len(rows)]
        figures.append([mine.draw()])
        return figures

    @staticmethod
    def tick_rows(plane: VectorPlane) -> list:
        """Boxes keeping labels out of the tick numbers' lines: the row under the x axis across the
        plot, and each y tick's line across the y axis."""
        placer, origin, rows = plane.placer(), plane.origin, []
        for tick in plane.tick_labels:
            l, b, r, t = box_of(tick, 0.0)
            if t < origin[1]:  # under the x axis
                rows.append((placer.bounds[0] - 1.0, b - 0.05, placer.bounds[2] + 1.0, t + 0.08))
            else:  # left of the y axis
                rows.append((l - 0.2, b - 0.04, max(r, origin[0]) + 0.7, t + 0.04))
        return rows

    @staticmethod
    def length_beside(plane: VectorPlane, text, start, end, way, lines, placed, arrows=(), fallback: bool = True) -> bool:
        """`text` moved beside the segment start–end (an arrow): along it, on the side `way` first,
        at the nearest place where it crosses no line of `lines` (nor comes within LENGTH_CLEAR of
        one), is nearer to its own arrow than to any of `arrows` by LENGTH_NEARER, meets none of
        `placed` nor the placer's labels and stays in the plot; where there is none, the placer's
        place by the arrow's middle (without `fallback`, left where it is). True where it found one."""
        def gap_to(box, a, b):
            points = [a + t * (b - a) for t in np.linspace(0.0, 1.0, 41)]
            return min(float(np.linalg.norm((p - np.clip(p, [box[0], box[1], -1.0], [box[2], box[3], 1.0]))[:2]))
                       for p in points)
        placer = plane.placer()
        left, bottom, right, top = placer.bounds
        w, h = text.width, text.height
        own = (start, end)
        # (what is on the plot does not move while the places are tried: its boxes taken once)
        # (nor any name on the plot, as it stands: "length 1.84" met "mouse", r28)
        # (nor an arrowhead, wider than its line: "length 1.23" butted against the with-keyboard
        # head, r28; 6 px clear at 720p)
        taken = [*placer.boxes, *(box_of(head, HEAD_CLEAR) for head in arrowheads(plane)),
                 *(box_of(m, 0.06) for m in placed),
                 *(box_of(v.label, 0.1) for v in plane.vectors.values() if v.label is not None)]
        for gap in (0.1, 0.16, 0.24, 0.35):
            for frac in (0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.9):
                for side in (way, -way):
                    reach = gap + abs(side[0]) * w / 2 + abs(side[1]) * h / 2
                    centre = start + frac * (end - start) + side * reach
                    box = (centre[0] - w / 2, centre[1] - h / 2, centre[0] + w / 2, centre[1] + h / 2)
                    if box[0] < left or box[2] > right or box[1] < bottom or box[3] > top:
                        continue
                    if any(boxes_overlap(box, b) for b in taken):
                        continue
                    # (any line kept clear of; the other arrows further off than its own: the swing and
                    # the bold stretch, which start on its own arrow, only kept clear of)
                    mine = gap_to(box, *own)
                    others = [gap_to(box, a, b) for a, b in lines if not (np.allclose(a, own[0]) and np.allclose(b, own[1]))]
                    rivals = [gap_to(box, a, b) for a, b in arrows if not (np.allclose(a, own[0]) and np.allclose(b, own[1]))]
                    if mine < LENGTH_CLEAR or (others and min(others) < LENGTH_CLEAR) or \
                            (rivals and min(rivals) < mine + LENGTH_NEARER):
                        continue
                    text.move_to(centre)
                    return True
        if fallback:
            placer.place(text, start + 0.5 * (end - start), way)
            placer.take_back()
        return False

    @staticmethod
    def arc_radii(plane: VectorPlane, after) -> tuple:
        """(output's, input's) angle arc radii on `plane` for an output ending at `after`: inside the
        first tick (an arc through a tick's number read as one), apart, and shorter than the arrows
        they measure."""
        reach = float(np.linalg.norm(plane.c2p(after) - plane.origin))  # the output's length on screen
        step = float(np.linalg.norm(plane.c2p((plane.x_range.step, 0.0)) - plane.origin))
        return min(OUTPUT_ARC * step, 0.45 * reach), min(INPUT_ARC * step, 0.72 * reach)

    def zoom_out(self) -> None:
        """The plot zooms out from the chains' range to the residual's (the sums reach further): the
        axes stretch to the wider range, the tick numbers slide in with the scale (the old go, the
        new come), and every arrow, name and angle arc on it goes to where it is on the wider plane.
        The scene goes on with the wider plane as its plot."""
        ex = self.example
        plane = embedding_plane(ex)
        near = self.plane
        wide = self.wide_plot
        drawn = self.drawn_words
        self.draw_words(wide, drawn, plane.coordinates(np.array([ex.embeddings[w] for w in drawn])), residual=True)
        outs = []
        for k, old in enumerate(self.output_arrows):
            word = self.context_word(self.pair[k])
            out = wide.vector(f"output with {word}", self.chains[k].total, old.body.get_color(), text=f"with {word}")
            if out.leader is not None:  # the angles' arcs, made next, keep off it
                wide.placer().avoid_segment(out.leader.get_start(), out.leader.get_end())
            outs.append(out)
        # a word's name that an output's name all but touches steps away from it, up or sideways
        # ("mouse" touched "with keyboard", r26), its leader drawn again to where it is
        for out in outs:
            for w in drawn:
                vec = wide.vectors[w]
                if out.label is None or vec.label is None:
                    continue
                mine, theirs = box_of(vec.label, 0.0), box_of(out.label, 0.0)
                if not boxes_overlap(box_of(vec.label, NAME_GAP / 2), box_of(out.label, NAME_GAP / 2)):
                    continue
                ways = [UP * (theirs[3] + NAME_GAP - mine[1]), DOWN * (mine[3] + NAME_GAP - theirs[1]),
                        RIGHT * (theirs[2] + NAME_GAP - mine[0]), LEFT * (mine[2] + NAME_GAP - theirs[0])]
                centre = vec.label.get_center()
                ways = [v for v in ways if float(np.dot(v, (centre - out.label.get_center()))) >= 0.0] or ways
                vec.label.shift(min(ways, key=lambda v: float(np.linalg.norm(v))))
                wide.placer().avoid_box(vec.label)
                if vec.leader is not None:
                    vec.remove(vec.leader)
                    vec.leader = None
                tip = vec.body.get_center() if vec.is_dot else vec.body.get_end()
                if np.linalg.norm(tip - nearest_point(vec.label, tip)) >= LEADER_FROM:
                    vec.leader = VectorPlane.leader_line(tip, vec.label, vec.label.get_color())
                    vec.add(vec.leader)
        # each angle arc made again on the wider plane, its degrees on it (those on screen placed first:
        # those gone already are made only to be carried along, and give their places back)
        focus_xy = plane.coordinates(ex.embeddings[ex.focus])
        on_screen = {id(m) for m in self.get_mobject_family_members()}
        again = {}
        for shown in (True, False):
            for k, marks in enumerate(self.marks_of):
                if marks:
                    radii = self.arc_radii(wide, self.chains[k].total)
                    for mark, xy, radius in zip(marks, (self.chains[k].total, focus_xy), radii):
                        if (id(mark.arc) in on_screen) == shown:
                            again[id(mark)] = AngleMark(wide, xy, mark.axis, mark.arc.get_color(), radius=radius,
                                                        place=False)
                            if not shown:
                                again[id(mark)].forget(wide.placer())
            for mark in again.values():  # (the arcs on screen all on the placer: their labels clear of them)
                if mark.box is None and shown:
                    mark.place(wide)
        pairs = [(near.vectors[w], wide.vectors[w]) for w in drawn] + list(zip(self.output_arrows, outs))
        moves, leaving, coming = [Transform(near.axes, wide.axes)], [], []
        for old, new in pairs:
            moves.append(Transform(old.body, new.body))
            if old.label is not None and new.label is not None:
                # (the names go and come with the numbers and arcs: carried along, r26, "mouse" and
                # "with keyboard" crossed on their ways)
                leaving.append(old.label)
                coming.append(new.label)
            leaving += [old.leader] if old.leader is not None else []
            coming += [new.leader] if new.leader is not None else []
        arcs = [(mark.arc, again[id(mark)].arc) for marks in self.marks_of for mark in marks if id(mark.arc) in on_screen]
        # (their degrees go with them, to their places on the wider plane)
        arcs += [(mark.line, again[id(mark)].line) for marks in self.marks_of for mark in marks
                 if id(mark.text) in on_screen]
        moves += [Transform(a, b) for a, b in zip(near.axis_names, wide.axis_names)]
        # first the old tick numbers and the angles' arcs and degrees go where they stand, then the axes
        # stretch and the arrows and their names move, then the new numbers and the arcs come on the
        # wider plane (carried along, r26, the arcs and degrees rode through the old and new numbers
        # as they crossed, and a fading old "0.5" stood by the new "1")
        moves = [during(m, 0.25, 0.8) for m in moves]
        # (the angles, said and done with, do not come back on the wider plot: back for the 0.8 s
        # before the residual took them off, "45°" stood by the with-keyboard arrow, r27f)
        moves += [during(FadeOut(VGroup(*near.tick_labels, *(a for a, _ in arcs))), 0.0, 0.25)]
        near.figures += [wide.tick_labels, *coming]  # (drawn on the plot as it changes: its parts meanwhile)
        # (the weights compared go as the plot zooms out: the residual's note takes their place)
        compared = getattr(self, "compared_weights", None)
        if compared is not None:
            moves.append(during(FadeOut(compared), 0.0, 0.25))
            self.compared_weights = None
        self.play(*moves, *([during(FadeOut(VGroup(*leaving)), 0.0, 0.25)] if leaving else []),
                  during(FadeIn(wide.tick_labels), 0.8, 1.0), *([during(FadeIn(VGroup(*coming)), 0.8, 1.0)] if coming else []),
                  run_time=1.5)
        self.remove(*near.get_family(), *(m for old, _ in pairs for m in old.get_family()), *(a for a, _ in arcs),
                    *wide.tick_labels, *coming)
        self.add(wide, *(new for _, new in pairs))
        self.near_plane, self.plane, self.output_arrows = near, wide, outs
        self.marks_of = [[again[id(m)] for m in marks] for marks in self.marks_of]
        self.marks_gone = [m for marks in self.marks_of for m in marks]  # (none of them is up)
        self.angle_marks = [again.get(id(m), m) for m in self.angle_marks]
        self.input_marks = [again.get(id(m), m) for m in self.input_marks]

    @staticmethod
    def turn_claim(before, after, names) -> list:
        """What the output arrow does compared with the input arrow, as attention_math.story decides:
        one cue per figure of turn_figures."""
        turn = turns_towards(before, after)
        if turn is None:
            return ["It points about the way the input does."]
        shorter = ["It is shorter than the input, as an average of vectors tends to be,"] if is_shorter(before, after) \
            else []
        return [*shorter, f"{'but it' if shorter else 'It'} turns towards {names[turn]}: "
                          f"{degrees(angle_to_axis(after, turn))} from the {names[turn]} axis,",
                f"where the input is at {degrees(angle_to_axis(before, turn))}."]

    def context_colors(self, words) -> list:
        """One colour per context, for its output, that output laid on the embedding and their sum:
        its context word's own colour where it has one of its own (cat's animal, keyboard's tech),
        else a spare text colour, never two contexts alike."""
        ex, th = self.example, self.theme
        plane = embedding_plane(ex)
        named = {} if plane is None else word_colors(ex, th, plane, words,
                                                     plane.coordinates(np.array([ex.embeddings[w] for w in words])))
        spare = [th.output, th.value, th.key, th.query]
        colours = []
        for word in words:
            colour = named.get(word, th.text)
            if colour in (th.text, th.muted, th.focus) or colour in colours:
                colour = next(c for c in spare if c not in colours)
            colours.append(colour)
        return colours

    def sum_words(self) -> list:
        """A residual sum's name, in its two parts ("mouse +", "output"): on one line by a sum's tip and
        in the note, on two where a sum's name is stacked."""
        return [f"{self.example.focus} +", "output"]

    def residual(self):
        """Beyond the article: the residual connection adds each output back onto the embedding."""
        ex, th = self.example, self.theme
        if not hasattr(self, "plane"):
            return
        self.zoom_out()
        tag = VGroup(label("Beyond the article:", th, size=NOTE_SIZE, color=th.muted),
                     label(f"{' '.join(self.sum_words())} (residual connection)", th, size=NOTE_SIZE, color=th.focus)
                     ).arrange(DOWN, buff=0.12)
        # under the table, the reading column's one other block while the sums are drawn
        top = self.summary.get_bottom()[1] - WEIGHT_TABLE_TOP_GAP
        fit_region(tag, *self.column, top=top, bottom=max(BOTTOM, top - 1.0))
        tag.align_to(np.array([self.column[0], top, 0.0]), LEFT + UP)
        words = [self.context_word(s) for s in self.pair]
        # each context in a colour of its own (its output, that output laid on the embedding, the sum,
        # its row's name): which sum came from which context is seen, not only read
        colours = self.context_colors(words)
        laid, sums = [], []
        # the sums' labels keep a wider margin from the frame's right edge than the plane's own
        placer = self.plane.placer()
        bounds = placer.bounds
        placer.bounds = (*bounds[:2], min(bounds[2], self.camera.frame_width / 2 - 0.45), bounds[3])
        for k, (res, word) in enumerate(zip(self.residuals, words)):
            laid.append(self.plane.vector(f"output with {word}, laid on {ex.focus}", res.total, colours[k],
                                          start=res.embedding, text="", width=3))
            # each sum named by its coordinates where it ends (no lines of them under the table: the
            # note and, later, one angle comparison are all the text there, two lines at a time)
            # (a sum nearer the y axis named left of its tip: past its tip, its name met the table's
            # rows and the thin lines of the outputs laid on the embedding)
            # (and clear of the other sums' arrows and arrowheads, drawn later or not: "(2.39, 1.87)" sat
            # by the other sum's arrowhead, next to that one's name)
            others_from = (len(placer.segments), len(placer.boxes))
            for other in self.residuals:
                if other is not res:
                    tip = self.plane.c2p(other.total)
                    placer.avoid_strip(self.plane.origin, tip, half_width=0.1)
                    placer.boxes.append((tip[0] - 0.25, tip[1] - 0.25, tip[0] + 0.25, tip[1] + 0.25))
            # (r29m: the sum in its context's colour, as its laid output, did not stand out from its
            # part: every sum in one colour of its own, its context named beside it)
            sums.append(self.plane.vector(f"{ex.focus} + output with {word}", res.total, SUM_COLOUR(th),
                                          # (named at its tip by what it adds, its context by its colour, as
                                          # the readout's row is: with its coordinates only, it read as the
                                          # laid output's; "mouse + with keyboard" was shrunk to fit, 16)
                                          text=" ".join(self.sum_words()),
                                          width=4, toward=(-1.0, 0.0) if res.total[1] > res.total[0] else None))
            del placer.segments[others_from[0]:others_from[0] + 3 * (len(self.residuals) - 1)]
            del placer.boxes[others_from[1]:others_from[1] + len(self.residuals) - 1]
        placer.bounds = bounds
        # a sum's coordinates clear of every output laid on the embedding (a thin laid line ran through
        # the "(" of "(1.88, 2.39)"): stepped right, away from it, until no line passes through them
        for total in sums:
            moved = False
            for _ in range(10):
                if total.label is None:
                    break
                # (nor its own arrowhead, which the placer lets it touch: "(1.88, 2.39)" sat on it; nor
                # near the other sums' names: the two, 20 px apart at the plot's top, read as one line)
                near = [other.label for other in sums if other is not total and other.label is not None
                        and boxes_overlap(box_of(total.label, SUM_NAMES_APART), box_of(other.label, 0.0))]
                crossed = any(segment_crosses(box_of(total.label, 0.04), m.body.get_start(), m.body.get_end()) for m in laid)
                on_head = not total.is_dot and boxes_overlap(box_of(total.label, SUM_NAME_GAP), box_of(total.body.get_tip(), 0.0))
                if not (crossed or on_head or near):
                    break
                # (away from the other's name where that is the trouble, else from its tip, on the side it
                # was placed; never out of the plot)
                step = (RIGHT if total.label.get_x() >= (near[0].get_x() if near else total.body.get_end()[0]) else LEFT) * 0.06
                if not placer.bounds[0] <= total.label.get_left()[0] + step[0] <= total.label.get_right()[0] + step[0] <= placer.bounds[2]:
                    break
                total.label.shift(step)
                moved = True
            if moved and total.leader is not None:  # its leader drawn again, to where the label is now
                total.remove(total.leader)
                total.leader = VectorPlane.leader_line(total.body.get_end(), total.label, total.label.get_color())
                total.add(total.leader)
        # a sum's name on a leader (it found no place by its tip) goes to the nearest place by its tip
        # that is free, on a short slanted leader at most: straight down from the tip, its leader read
        # as a drop line to the axis (r24)
        # (what is up with it: its own output and laid copy, the input, the sums)
        # (on two lines there, "mouse +" over "output": on one, it was too wide for the wedge by the tip)
        for k, total in enumerate(sums):
            if total.leader is None or total.label is None:
                continue
            size, colour = total.label.font_size, total.label.get_color()
            stacked = VGroup(*(label(words_, th, size=size, color=colour) for words_ in self.sum_words()))
            stacked.arrange(DOWN, buff=0.06, aligned_edge=LEFT).move_to(total.label)
            total.remove(total.label)
            total.label = stacked
            total.add(stacked)
            lines = [m.body for m in (laid[k], self.output_arrows[k], *sums, self.plane.vectors[ex.focus]) if not m.is_dot]
            others = [m.label for m in (*sums, self.output_arrows[k]) if m is not total and m.label is not None]
            moves = self.name_clear_of(total, lines, [*others, *self.plane.tick_labels, *self.plane.axis_names], force=True)
            for move in moves:
                move = move.build() if hasattr(move, "build") else move
                move.begin()
                move.finish()
            if not moves and total.leader is not None:  # (no such place: where it was, its leader drawn to it again)
                total.remove(total.leader)
                total.leader = VectorPlane.leader_line(total.body.get_end(), stacked, stacked.get_color())
                total.add(total.leader)
            placer.avoid_box(total.label)
        # the focus word's name kept clear of the sums and the laid outputs, which all meet at or near
        # its tip (its leader crossed a sum's arrow): moved, leaderless, where none of them passes
        # (one context is up at a time: the first's lines are those it must clear here; cleared of every
        # context's lines at once there was no free place, and its leader crossed the second sum, r25;
        # it is cleared of both sums once they are alone on the plot)
        own = self.plane.vectors[ex.focus]
        def lines_of(ks, *, sums_only: bool = False):
            kinds = (sums,) if sums_only else (laid, sums, self.output_arrows)
            return [m.body for kind in kinds for k in ks for m in (kind[k],) if not m.is_dot] + \
                ([] if own.is_dot else [own.body])
        others = [m.label for name, m in self.plane.vectors.items() if m.label is not None and name != ex.focus
                  and name not in dict.fromkeys(words)]
        name_labels = [*others, *self.plane.tick_labels, *self.plane.axis_names]
        # (one spot for the whole step, clear of every context's lines and names: moved again as the
        # second context came, it slid into "with keyboard" and that context's laid output was drawn
        # through it, r27); where there is none, as before
        every = range(len(sums))
        names_up = [*name_labels, *(m.label for m in (*self.output_arrows, *sums) if m.label is not None)]
        # (clear of every context's lines there is no place by its tip (the laid outputs fan out from
        # it between the sums): clear of the sums and its own arrow, with the laid outputs' lanes as
        # a last resort (the name by the tip, between them))
        renamed = self.name_clear_of(own, lines_of(every), names_up, force=True, clear=NAME_LINE_CLEAR)
        if not renamed:
            renamed = self.name_clear_of(own, lines_of(every, sums_only=True), names_up, force=True, clear=NAME_LINE_CLEAR)
            if renamed:
                renamed = self.out_along_lane(own, renamed, [m.body for m in laid if not m.is_dot], names_up)
        self.name_fixed = bool(renamed)
        if not renamed:
            renamed = self.name_clear_of(own, lines_of([0]), name_labels)
        if own.label is not None:  # (where it will stand: the angles' degrees keep clear of it)
            self.plane.placer().avoid_box(own.label.target if renamed and hasattr(own.label, "target") else own.label, pad=0.1)
        # each sum's angle to the axis it turns towards, where its output's was (that one goes): read
        # against the input's, which stays, faint
        plane = embedding_plane(ex)
        x = plane.coordinates(ex.embeddings[ex.focus])
        turns = [turns_towards(x, res.total) for res in self.residuals]
        for marks in self.marks_of:  # the angles up go: their places are free for the sums' and the input's
            for mark in marks:
                mark.forget(self.plane.placer())
        # (a sum's arc outside the input's, where the sum and its output, 10° or so apart, are apart on
        # screen: inside it, it ended between the two and marked either)
        step = float(np.linalg.norm(self.plane.c2p((self.plane.x_range.step, 0.0)) - self.plane.origin))
        sum_radius = lambda total: min(SUM_ARC * step, 0.8 * float(np.linalg.norm(self.plane.c2p(total) - self.plane.origin)))
        sum_marks = {k: AngleMark(self.plane, res.total, t, SUM_COLOUR(th), radius=sum_radius(res.total), place=False)
                     for k, (res, t) in enumerate(zip(self.residuals, turns)) if t is not None and self.marks_of[k]}
        # the input's angle, drawn again with each sum's, its degrees on it (placed clear of the sums')
        input_again = {k: AngleMark(self.plane, x, turns[k], th.focus,
                                    radius=self.arc_radii(self.plane, self.chains[k].total)[1], place=False)
                       for k in sum_marks}
        # (and clear of the outputs' arrowheads: "38°", the sum's, sat by the with-keyboard output's
        # head, whose own angle is 28°, r25)
        for out in self.output_arrows:
            if not out.is_dot and hasattr(out.body, "get_tip"):
                # (r28: at 0.25 or 0.32 no place was left by the arc: "38°" went onto the tech axis)
                self.plane.placer().avoid_box(out.body.get_tip(), pad=0.15)
        # (and well clear of the note in the reading column: "45°", stepped left of the plot, stood
        # 25 px from "(residual connection)", r26)
        self.plane.placer().avoid_box(tag, pad=0.4)
        # (nor level with a tick's number: "38°" beside the tech tick's "1" read "1 38°", and "45°" in
        # the animal ticks' row "45° 1", r27): the x ticks' row kept free across the plot, and each y
        # tick's line across the axis
        placer, origin = self.plane.placer(), self.plane.origin
        for tick in self.plane.tick_labels:
            l, b, r, t = box_of(tick, 0.0)
            if t < origin[1]:  # under the x axis
                placer.boxes.append((placer.bounds[0] - 1.0, b - 0.05, placer.bounds[2] + 1.0, t + 0.08))
            else:  # left of the y axis
                placer.boxes.append((l - 0.2, b - 0.04, max(r, origin[0]) + 0.7, t + 0.04))
        # (r28f: the later outputs' names were held back while their sums' degrees were up, and the
        # with-keyboard arrow stood unnamed for 5 s: the degrees keep clear of every output's name now,
        # and the names come with their arrows)
        for out in self.output_arrows:
            if out.label is not None:
                placer.avoid_box(out.label, pad=NAME_GAP / 2)
        firsts = {}
        for k in sum_marks:  # (all the arcs on the placer: each label clear of them all)
            for kind, mark in (("sum", sum_marks[k]), ("input", input_again[k])):
                # (a later context turning the other way, with the same degrees: where the first's stand,
                # mirrored, where that is free)
                first = firsts.get(kind) if kind == "input" else None
                if not (first is not None and first[1] != turns[k] and round(first[0].degrees) == round(mark.degrees)
                        and mark.place_mirrored(self.plane, first[0])):
                    # (a later context's, further out where nothing nearer is free: never past the axis)
                    mark.place(self.plane, gaps=(*ANGLE_GAPS, 1.1, 1.3, 1.5, 1.7) if first is not None else ANGLE_GAPS,
                               slack=0.0)
                firsts.setdefault(kind, (mark, turns[k]))
        # what the sums do not need leaves first: the context words' arrows, the outputs' angles; the
        # input's angles stay, faint, where a sum's angle is read against them (the earlier contexts'
        # are faint already), and go where none is
        # every angle goes (the outputs' have no meaning here): each sum's is drawn with the input's
        # it is read against, as its nudge is named
        done = [*(self.plane.vectors[w] for w in dict.fromkeys(words) if w != ex.focus and w in self.drawn_words),
                # (their arcs and degrees)
                *(mark.parts() for marks in self.marks_of for mark in marks if mark not in self.marks_gone)]
        # the outputs come back at full strength, in their contexts' colours, and so do their rows' names
        as_drawn = {id(m): copy for m, copy in zip(
            [m for j in range(len(self.output_arrows) - 1) for m in (self.output_arrows[j], *self.marks_of[j])],
            getattr(self, "earlier_as_drawn", []))}
        # one context at a time (both contexts' outputs, laid copies and sums at once were seven arrows
        # and six names in the plot): the first context's output stays, the others' go and come back
        # in their turn, in their colours
        recoloured = [Transform(out, as_drawn.get(id(out), out).copy().set_color(colour))
                      for out, colour in zip(self.output_arrows[:1], colours)]
        recoloured += [self.summary.row_labels[k + 1].animate.set_color(colour) for k, colour in enumerate(colours)]
        self.play(FadeOut(VGroup(*done, *self.output_arrows[1:])), *recoloured, *renamed, run_time=0.8)
        for out, colour in zip(self.output_arrows[1:], colours[1:]):  # (as drawn, in its colour, for its turn)
            out.become(as_drawn.get(id(out), out).copy().set_color(colour))
        # each output, pointed at, is laid onto the embedding's tip (grown there: a copy sliding across
        # would cross the embedding's label), and the sum drawn from the origin to where it ends (made
        # once the outputs wear their colours: a pointing made before would go back to the old ones)
        # (a later context's output is pointed at by coming back as it is named: thickened as it faded
        # in, its arrow stayed unseen behind its name until the thickening began)
        added = [LaggedStart(AnimationGroup(*([out.body.animate(rate_func=there_and_back).set_stroke(width=ARROW_WIDTH * 2)]
                                              if k == 0 else []), GrowArrow(moved.body), run_time=1.2),
                             self.plane.grow_one(total), lag_ratio=1.0)
                 for k, (out, moved, total) in enumerate(zip(self.output_arrows, laid, sums))]
        # each sum's coordinates written as it is drawn, under the note, in its context's colour (r28: the
        # sums' angles were given without the sums): "mouse + output = (2.39, 1.87)", named as the sums
        # are on the plot ("mouse + with keyboard = …" was wider than the column)
        self.sum_lines = VGroup(*(label(f"{' '.join(self.sum_words())} = ({format_number(res.total[0], 2)}, "
                                        f"{format_number(res.total[1], 2)})", th, size=NOTE_SIZE, color=SUM_COLOUR(th))
                                  for k, res in enumerate(self.residuals)))
        # (r28f: the two lines differed only by colour: each named by its context over it, as the
        # table's rows are; on one line with it, it was wider than the column)
        self.sum_names = [label(f"with {w}", th, size=NOTE_SIZE - 2, color=colours[k]) for k, w in enumerate(words)]
        blocks = VGroup(*(VGroup(name, line).arrange(DOWN, buff=0.08, aligned_edge=LEFT)
                          for name, line in zip(self.sum_names, self.sum_lines)))
        blocks.arrange(DOWN, buff=0.22, aligned_edge=LEFT).next_to(tag, DOWN, buff=0.3)
        if blocks.width > self.column[1] - self.column[0] or blocks.get_bottom()[1] < BOTTOM:
            self.sum_lines = VGroup(*(VGroup() for _ in sums))  # (no room: not written)
            self.sum_names = [VGroup() for _ in sums]
        # (one cue, its name pointed at as it is said: the scene's length is at its limit)
        self.narrate("Beyond the article: a transformer adds this output back onto the word's own embedding, "
                     "the residual connection.",
                     during(AnimationGroup(FadeIn(tag, run_time=0.6), added[0]), 0.0, 0.75),
                     during(FadeIn(VGroup(self.sum_names[0], self.sum_lines[0])), 0.6, 0.75),
                     during(Circumscribe(tag[1], color=th.focus, buff=0.08, fade_in=True, fade_out=True, stroke_width=3),
                            0.78, 1.0),
                     run_time=5.4)
        current = 0  # the context whose output, laid copy and sum are up
        nudged = [(k, f"towards {plane.names[t]} next to {w}") for k, (t, w) in enumerate(zip(turns, words))
                  if t is not None]
        self.narrate(f"So {ex.focus} is adjusted, not replaced,",
                     self.plane.highlight(ex.focus), run_time=2.5)
        if not nudged:
            self.play(*self.both_sums([current], laid, sums, []), run_time=1.0)
            self.narrate("nudged by its neighbours.",
                         LaggedStart(*(self.plane.highlight(total.name, self.theme.text, grow=False) for total in sums), lag_ratio=0.7),
                         run_time=3.0, wait=0.5)
            return
        # each sum pointed at, and its angle drawn, as its nudge is named
        shown = []  # the angles of the sum named before: they go as the next pair is drawn
        up = [current]  # the contexts whose output, laid copy and sum are up
        restore = []  # the contexts stepped back, brought back with the sums side by side
        late_names = []  # the later outputs' names, brought in once their sums' angles have gone
        for n, (k, nudge) in enumerate(nudged):
            last = n == len(nudged) - 1
            pair = [input_again[k], sum_marks[k]] if k in sum_marks else []
            going = [during(FadeOut(m.parts()), 0.0, 0.2) for m in shown]
            drawn = [m.draw() for m in pair]
            shown = pair
            if k == current:  # its sum is up: pointed at as it is named
                pointing = [self.plane.highlight(sums[k].name, self.theme.text, grow=False),
                            during(AnimationGroup(*drawn), 0.25 if going else 0.0, 1.0)]
            else:  # the context before goes (its sum too) and this one's output is laid on as it is named,
                # then its angles drawn
                # (the focus word's name moved clear of this context's lines as they come: "mouse" stood
                # 3 px under the with-keyboard sum's arrow, r26)
                # (the context before stays: the two nudged sums are read side by side, each with the
                # output that made it, r27; its angles go)
                cleared = [] if self.name_fixed else self.name_clear_of(
                    own, lines_of([k]), [*name_labels, *(m.text for m in pair)], clear=NAME_LINE_CLEAR)
                # (the contexts before step back meanwhile, their names out of sight: both at full
                # strength, seven arrows and their names crowded the plot, r27f; they come back with
                # the sums side by side)
                before = [m for j in up for m in (self.output_arrows[j], laid[j], sums[j])]
                names = [m for v in before for m in (v.label, v.leader) if m is not None]
                pale, unpale = step_back([v.body for v in before], opacity=EARLIER_CONTEXT)
                unnamed, renamed_back = step_back(names, opacity=0.0)
                restore.append(AnimationGroup(unpale, renamed_back))
                # (its output comes back unnamed while its sum's angle is up, its name after: "38°",
                # under "with keyboard" in its colour, its leader beside that name's, read as part of
                # it, r27f; the arrow is named by its colour, as its row in the table is)
                out_k = self.output_arrows[k]
                late_names.append(VGroup(*(m for m in (out_k.label, out_k.leader) if m is not None)))
                pointing = [*([during(AnimationGroup(*cleared), 0.3, 0.6)] if cleared else []),
                            during(AnimationGroup(pale, unnamed), 0.0, 0.25),
                            during(FadeIn(VGroup(out_k.body, *late_names.pop())), 0.15, 0.3), during(added[k], 0.35, 0.8),
                            during(FadeIn(VGroup(self.sum_names[k], self.sum_lines[k])), 0.65, 0.8),
                            during(AnimationGroup(*drawn), 0.75, 1.0)]
                up.append(k)
                current = k
            # (the sum's angle, drawn and written on its arc as this is said, is said too)
            # (and the axis it is measured from: the arcs alone showed it, r26)
            said = f", to {degrees(sum_marks[k].degrees)} from the {plane.names[turns[k]]} axis" if k in sum_marks else ""
            self.narrate(f"{'nudged' if n == 0 else 'and'} {nudge}{said}{'.' if last else ','}",
                         *going, *pointing, run_time=2.0 if len(pointing) == 2 else 3.5)
        # the sums side by side, without the arrows that made them: where each context took mouse
        # (the focus word's name clear of both sums, now alone on the plot with it)
        self.play(*self.both_sums(up, laid, sums, shown), *restore,
                  *(during(FadeIn(names), 0.5, 1.0) for names in late_names if len(names)),
                  *([] if self.name_fixed else
                    self.name_clear_of(own, lines_of(range(len(sums)), sums_only=True), name_labels, clear=NAME_LINE_CLEAR)),
                  run_time=1.0)

    def both_sums(self, up, laid, sums, arcs) -> list:
        """Animations leaving every context's sum on the plot with the output and laid copy that made
        it (both parallelograms side by side, r27): the angle arcs go; the contexts not up come in."""
        back = [m for k in range(len(sums)) if k not in up for m in (self.output_arrows[k], laid[k], sums[k])]
        # (the arcs gone in the first half: an output's name comes where an angle's degrees stood)
        lines = [VGroup(self.sum_names[k], self.sum_lines[k]) for k in range(len(sums))
                 if k not in up and len(self.sum_lines[k].submobjects)]
        return [*([during(FadeOut(VGroup(*(m.parts() for m in arcs))), 0.0, 0.45)] if arcs else []), *(FadeIn(m) for m in back),
                *(FadeIn(m) for m in lines)]

    def out_along_lane(self, vec, moves, lines, labels, clear: float = 0.04) -> list:
        """`moves` (name_clear_of's, taking `vec`'s name to a place by its tip) with that place moved on,
        out along the lane between `lines` (all starting at the tip), until none of them meets the name
        (the laid outputs fanning out from mouse's tip ran through its "m", r27); `moves` unchanged
        when none such is found."""
        target = getattr(vec.label, "target", None)
        if target is None or not lines:
            return moves
        tip = vec.body.get_end()
        ways = [(line.get_end() - tip) / max(float(np.linalg.norm(line.get_end() - tip)), 1e-9) for line in lines]
        lane = sum(ways) / max(float(np.linalg.norm(sum(ways))), 1e-9)
        start = target.get_center()
        w, h = target.width / 2 + clear, target.height / 2 + clear
        label_boxes = [box_of(m, 0.04) for m in labels]  # (taken once: the grid below tries up to 1024 places)

        def free(centre):
            box = (centre[0] - w, centre[1] - h, centre[0] + w, centre[1] + h)
            return not any(segment_crosses(box, line.get_start(), line.get_end()) for line in lines) and \
                not any(boxes_overlap(box, b) for b in label_boxes)
        if free(start):
            return moves
        # (the nearest free place to the tip in the lane, around the one found: a grid of steps)
        places = [start + np.array([0.04 * i, 0.04 * j, 0.0]) for i in range(-6, 26) for j in range(-6, 26)]
        places = [c for c in places if free(c) and float(np.dot(c - tip, lane)) > 0]
        if not places:
            return moves
        centre = min(places, key=lambda c: float(np.linalg.norm(c - tip)))
        old = vec.leader
        # (the fading of the leader it had before kept; the one drawn to the place before dropped)
        moves = [vec.label.animate.move_to(centre), *(moves[1:-1] if old is not None else moves[1:])]
        if old is not None:  # (the leader name_clear_of drew, to the place before: drawn again to this one)
            vec.remove(old)
        moves.append(self._tie_name(vec, tip, centre))
        return moves

    @staticmethod
    def _tie_name(vec, tip, centre):
        """A thin line from `vec`'s tip to where its name goes (`centre`), made part of the vector and
        brought up as the name arrives there: the animation. (Brought up inside the vector, not faded
        in: a FadeIn put it in the scene on its own too, where it stood apart from the plot's parts, r27.)"""
        vec.leader = VectorPlane.leader_line(tip, vec.label.copy().move_to(centre), vec.label.get_color())
        vec.add(vec.leader)
        shown = vec.leader.get_stroke_opacity()
        vec.leader.set_stroke(opacity=0.0)
        return during(vec.leader.animate.set_stroke(opacity=shown), 0.6, 1.0)

    def name_clear_of(self, vec, lines, labels, *, force: bool = False, clear: float = 0.04) -> list:
        """Animations moving `vec`'s name, when it or its leader meets one of `lines` (arrows), to a
        place next to its tip that none of them crosses and no one of `labels` takes (the nearest such
        place, trying every direction; a leader to the tip when that place is LEADER_FROM or further
        away); [] when it is clear already or none is free."""
        if vec.label is None:
            return []
        tip = vec.body.get_end()
        crossed = lambda box: any(segment_crosses(box, line.get_start(), line.get_end()) for line in lines)
        if not force and not crossed(box_of(vec.label, clear)) and (vec.leader is None or not any(
                segment_crosses(box_of(vec.leader, 0.0), line.get_start(), line.get_end()) for line in lines if line is not vec.body)):
            return []
        w, h = vec.label.width, vec.label.height
        left, bottom, right, top = box_of(self.plane.box)
        # (nearest first: beside the tip, or further out along a free lane between the lines, with a
        # leader that crosses none of them)
        for gap in (0.08, 0.16, 0.24, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0):
            for angle in np.radians(np.arange(0, 360, 10)):
                way = np.array([math.cos(angle), math.sin(angle), 0.0])
                centre = tip + way * gap + way * np.array([w / 2, h / 2, 0.0]) / max(abs(way[0]), abs(way[1]))
                box = (centre[0] - w / 2, centre[1] - h / 2, centre[0] + w / 2, centre[1] + h / 2)
                if box[0] < left or box[2] > right or box[1] < bottom or box[3] > top:
                    continue
                padded = (box[0] - clear, box[1] - clear, box[2] + clear, box[3] + clear)
                if crossed(padded) or any(boxes_overlap(padded, box_of(m, 0.04)) for m in labels):
                    continue
                nearest = np.clip(tip, [box[0], box[1], 0.0], [box[2], box[3], 0.0])
                # (a leader straight down or across from the tip read as a drop line to an axis, r24)
                lead = (nearest - tip)[:2]
                if gap >= LEADER_FROM and min(abs(lead[0]), abs(lead[1])) < SLANTED * float(np.linalg.norm(lead)):
                    continue
                # (a leader from the tip: the lines starting there are not crossed by it; its first
                # stretch is left out)
                if gap >= LEADER_FROM and any(segments_meet(tip + 0.15 * (nearest - tip), nearest, line.get_start(),
                                                             line.get_end()) for line in lines):
                    continue
                moves = [vec.label.animate.move_to(centre)]
                if vec.leader is not None:
                    # (faded where it is, and kept in the vector, unseen: taken out of it as it faded, it
                    # stood in the scene apart from the plot while its fade waited, r27)
                    moves.append(vec.leader.animate.set_stroke(opacity=0.0))
                    vec.leader = None
                if gap >= LEADER_FROM:  # a thin line to it, drawn once it is there
                    moves.append(self._tie_name(vec, tip, centre))
                return moves
        return []

    def conclude(self):
        """The focus word's input row, boxed, is its row of the embedding table X: the picture goes
        and X comes in (as the next scene opens on it) as that is said, the box coming back on its row."""
        ex, th = self.example, self.theme
        if not hasattr(self, "summary"):
            self.narrate("Nothing in the embedding table changed. Only how information was mixed.", run_time=2.0, wait=1.0)
            return
        picture = boundary(self.scene_name, self)
        mine = [t.text for t in picture.table.row_labels].index(ex.focus)
        held = self.row_frame(0, th.focus)
        there = SurroundingRectangle(VGroup(picture.table.row_labels[mine], picture.table.row(mine)), color=th.focus,
                                     buff=0.05, stroke_width=3)
        old = list(self.mobjects)
        # said over both plays: the box is held on the row, then the picture goes and X comes in (one
        # after the other: the two tables never show through each other)
        # (the table coming in is X, this sentence's rows of the embedding table: what is said is what
        # is seen, the focus word's row)
        self.caption_over(f"Its embedding, {ex.focus}'s row of the input X, did not change.")
        self.play(FadeIn(held), run_time=0.3)  # (short: X is there as "the input X" is said)
        # (a Vanish keeps its own window: `during` does not reach it)
        # the box goes with the picture and comes back on the focus word's row of X once X is there
        # (moved across, it arrived on X's header row and then slid down to the word)
        self.play(Vanish(Group(*old), gone=(0.0, 0.4)), during(FadeOut(held), 0.0, 0.35), during(FadeIn(there), 0.8, 1.0),
                  # X starts coming as the picture fades (a gap between them left the frame all but
                  # empty for half a second), and is there as "the input X" is said
                  Vanish(VGroup(picture.table, picture.name), back=(0.3, 0.7)), run_time=1.6)
        self.narrate("Only how information was mixed.", FadeOut(there), run_time=1.5, wait=0.5)
