"""Step 3 — divide every score by √d, so the softmax that follows is not too sharp.

In the order of the reason (r42a, r42b: the d = 4 division came before the reason for √d, then "not at d = 4, either
way" left the student asking why d = 4 was divided): first the one forward look, labelled as such, "next step
(chapter 4): a score ahead by a gap g gets e^g times the other's weight", with our pair's gap written on it (mouse·cat 2.42
against mouse·and 0.32: gap 2.10), and the question: how big do gaps get? Then why √d: the dot products of random
d-vectors spread out like √d (attention_math.core.dot_product_spread), and divided by √d every width has the same
spread. What that buys: five random d = 512 dot products read as a row of scores, the top one's lead over the next
undivided (8.96) and ÷√d (0.396) (attention_math.story.row_lead), each against its row's spread (22.9, then 1.01):
the same share both ways, at a size of about 1 (attention_math.story.scaling_gap_against_spread); under each row what
the next step makes of its lead, e^gap with its verdict (story.lead_ratio). Last, our own d = 4: each score turns
into its quotient where it stands (the number shrinks out, the quotient fades in, the cell's colour pales with it),
the pair's gap halves (e^2.10 ≈ 8.2 : 1 → e^1.05 ≈ 2.9 : 1), the same rule as at d = 512, here no word getting nearly all the weight either way
(story.scaling_lopsided_cost). Softmax itself (bars, shares, normalised weights) is the next scene's.
"""

from __future__ import annotations

import math

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, AnimationGroup, Arrow, Brace, Create, FadeIn, FadeOut, Group, Indicate, LaggedStart,
    MoveToTarget, NumberLine, Rectangle, UpdateFromAlphaFunc, ReplacementTransform, RoundedRectangle, Succession, SurroundingRectangle,
    VGroup, VMobject, Write, config,
)

from attention_math.core import dot_product_spread, scale_factor
from attention_math.formatting import format_number, shortest
from attention_math.story import (
    WIDER_WIDTHS, halved_pair, ratio_smaller, variance_parts, is_about, quotient_as_written, spread_histogram, strongest_neighbour, twin_reads_the_same,
    worked_dot_sample, written_difference, row_lead, scaling_row_written, scaling_gap_against_spread, lead_ratio, lead_said, scaling_lopsided_cost,
)
from scenes.base import ExplainerScene
from scenes.components import SMALLEST_TEXT, MatrixGrid, label, text_baseline
from scenes.motion import Carry, Travel, Vanish, blink, change_in_place, clip01, during, hop_through
from scenes.staging import BOTTOM, TOP, fit_region, numbers_larger

SPREAD_WIDTHS = WIDER_WIDTHS  # besides the example's own d: a common head width, and the original Transformer's d
                              # (the widths softmax's last step compares with, too)
ZOOMED = 4                 # the zoomed-in axis reaches ±4 (a spread of 1 is then easy to see), or further if need be
HALF_W = config.frame_width / 2
BAR_HEIGHT = 0.85  # the tallest bar of the three histograms (~77 px at 720p); every bar on this one count scale
BIN_STEP = 0.25  # a histogram's bins are this many √d wide: divided by √d, every width's bins are the same
BRACKET_BUFF, BRACKET_END = 0.12, 0.14  # a row's ±1 std bracket: this far above the tallest bar, its ends this long
TICK_LABEL_BUFF = 0.28  # the shared axis labels under the lowest panel (clear of its bottom edge)
ROW_YS = (0.9, -0.7, -2.3)  # the three widths' axes, each at the foot of its panel; the shared axis labels under the last
LABEL_LIFT = 0.3  # a row's name and numbers this far above its axis: level with its bars' body
# one fixed layout of three panels (r24: from the first dot product on the frame was re-laid four times): each
# width's panel holds its name, its histogram and its line "std ÷ √d = new std"; only what is inside a panel changes
PANEL_BELOW, PANEL_ABOVE = 0.18, 1.26  # a panel's edges under and over its axis (over the ±1 std bracket)
PANEL_X = HALF_W - 0.25  # the panels run from −PANEL_X to PANEL_X
AXIS_LEFT = -4.35  # the axes' left end: the widths' names (and "zoom ×20" under them) at its left
COLUMNS_RIGHT, COLUMNS_GAP = HALF_W - 0.5, 0.45  # (r27b: the last header ~30 px from the edge at - 0.35)  # the number columns end here; the axes end this far left of them
HEADER_Y, HEADER_GAP, SIGN_GAP = 2.42, 0.3, 0.26 # the columns' one header row; the least room between two headers,
                                                 # and round a row's "÷" and "="
STRIP_NUMBER_SIZE, STRIP_NAME_SIZE, STRIP_CAPTION_SIZE = 28, 26, 24
CAPTION_SIZE = 28  # (r40a, r40b: at 24 the grey premises "entries mean 0, var 1", "4 entries" had ~18 px capitals)
REASON_DROP = 0.03
REASON_SIZE = 28  # (r31: at 30 it ran edge to edge, just over the headers) (r30: 32 nearly touched the heading's question at its right) the worked line why the spread is √d, centred in the caption's row (r27b)
TAG_MARGIN = 0.4  # a zoom's tag at least this far from the frame's left edge (36 px at 720p)
ZOOM_GAP = 0.3  # (r27b: 0.4) "zoom ×20" this far left of the axis's first number (r23: it read as a label of the value 1.01)
COLUMN_BOX_BUFF = 0.12  # the box round the std column's numbers (~11 px at 720p)
GRID_CELL_W, GRID_CELL_H, GRID_NUMBER_SIZE = 1.45, 1.12, 24  # the scores grid's cells (at most: it is fitted to its region)
GRID_NUMBERS = 31  # then its numbers as large as this, if the cells hold them (the words set the cells' width)
GRID_RIGHT = 2.1  # the grid ends here; the worked panel is at its right
PANEL_RIGHT = HALF_W - 0.75  # the panel's lines end this far in from the frame's right edge
TAG_SIZE, PANEL_SIZE = 30, 38  # the rows' "÷ 2.00" (r20: ~0.25 unit at 26, small); the panel's one line
GAP_PILL_SIZE = 26  # "gap 2.10" on the pill across the opening's pair (~27 px tall at 720p, between the rows' numbers)
VECTOR_CELL = 0.6  # a cell of the focus word's vector drawn under "d = 4" (narrower for a wide vector)
VECTOR_NUMBER_SIZE = 26  # its numbers, when they fit (the panel is narrow: 4 of them at most at this size)
PANEL_NAME_SIZE = 32  # the panel's names ("vector width", the worked cell's words), dark: fitted to the panel with its line
TAG_BUFF = 0.15
LEAD_COUNT = 5  # the "row of scores" of the widest width: how many of its dot products
# (r35: "−35.86" was shrunk to fit its cell, smaller than its neighbours) cells wide enough for every number at one size
# its cells, at full size (r30b: dots on the histogram; r42b: ~85 px cells, the rows stacked tight, now 1.3 high)
LEAD_CELL_W, LEAD_CELL_H, LEAD_NUMBER_SIZE = 2.2, 1.3, 38
LEAD_ROW_YS = (1.6, -1.5)  # (r34: the softmax bars gone) the undivided row and the divided one under it, each with
                             # its gap bracketed over it, filling the frame from under the heading
LEAD_WORKED_BUFF, LEAD_WORKED_SIZE = 0.3, 34  # the one division written out, under the two rows
LEAD_TEXT_SIZE, LEAD_STEP_SIZE = 32, 36
RATIO_SIZE, RATIO_POWER_SIZE = 34, 31  # what the next step makes of a gap, under its row: "e^8.96 ≈ 7,800 : 1"
LEAD_MARGIN, LEAD_STEP_GAP = 0.45, 0.3  # the rows and their step "÷ √512 = 22.627" (at their left) in from the frame's edges
PAN_MARGIN = 2.0
PAIR_NUMBER_SIZE = 62  # the one worked pair's entries, products and sum: alone on the frame, large, centred
PAIR_YS = (1.5, -0.45, -2.4)  # its rows a, b, a×b (the rule between b and a×b), with its two captions over them the
                              # frame's middle down to the subtitles (r20: the lower 40% was empty)
NAME_TO_NUMBERS = 0.45  # the worked pair's names end this far before their first numbers
PAIR_COLUMN = 2.4  # its columns this far apart at most (216 px at 720p), fewer than that for a wide vector
ROW_TIME = 1.1  # seconds per row of the division (r25: 0.6 was too fast to follow): a cell's box sweeps along the row
ROWS_TIME, ROW_TIME_LEAST = 4.4, 0.7  # the whole pass at most about this long, no row faster than this


class SpreadRow(VGroup):
    """One width d: its random dot products as a histogram standing on a number line (bins
    story.spread_histogram's, BIN_STEP·√d wide; heights `per_count` units a sample, one scale
    for every width) and a bracket from −spread to +spread over it."""

    def __init__(self, spread, axis: NumberLine, theme, reach: int, per_count: float):
        super().__init__()
        self.spread, self.axis, self.theme = spread, axis, theme
        self.histogram = spread_histogram(spread, reach, BIN_STEP)
        y = axis.get_center()[1]
        # (empty bins drawn as nothing: a bar of height 0 would still show its outline)
        self.bars = VGroup(*(Rectangle(width=axis.n2p(hi)[0] - axis.n2p(lo)[0], height=count * per_count, stroke_width=0)
                             .set_fill(theme.query, opacity=0.8).move_to([(axis.n2p(lo)[0] + axis.n2p(hi)[0]) / 2,
                                                                         y + count * per_count / 2, 0])
                             for lo, hi, count in zip(self.histogram.edges[:-1], self.histogram.edges[1:],
                                                      self.histogram.counts) if count))
        self.counts = [int(c) for c in self.histogram.counts if c]  # each drawn bar's count, in order
        # the ±1 std bracket: over the bars, at one height for every row
        left, right = axis.n2p(-spread.spread)[0], axis.n2p(spread.spread)[0]
        self.band = std_bracket(left, right, y + BAR_HEIGHT + BRACKET_BUFF + BRACKET_END, theme)
        self.add(axis, self.band, self.bars)

    def grown(self) -> MoveToTarget:
        """The bars rising out of the axis (flattened onto it and clear until then), as the samples come."""
        self.bars.generate_target()
        self.bars.stretch(1e-3, 1, about_point=self.axis.n2p(0)).set_fill(opacity=0)
        return MoveToTarget(self.bars)

    def stretched(self, factor: float) -> list:
        """Animations stretching the bars and the band about 0 (dividing every dot product, or
        zooming in on the axis)."""
        zero = self.axis.n2p(0)
        return [self.bars.animate.stretch(factor, 0, about_point=zero),
                self.band.animate.stretch(factor, 0, about_point=zero)]


def std_bracket(left: float, right: float, top: float, theme, end: float = BRACKET_END) -> VMobject:
    """A teal bracket from x = left to right at height top, its ends turned down (a row's ±1 std)."""
    bracket = VMobject(stroke_color=theme.key, stroke_width=4, fill_opacity=0)
    bracket.set_points_as_corners([[left, top - end, 0.0], [left, top, 0.0], [right, top, 0.0], [right, top - end, 0.0]])
    return bracket


def divide_in_place(old, new, i: int, j: int) -> AnimationGroup:
    """Cell (i, j) of `old` becomes its quotient, cell (i, j) of `new`, where it stands: the old
    number shrinks away, then the quotient fades in at its own size (staging.swap_in_place grows it
    in from 1.5 times: these numbers nearly fill their cells, and would print over their
    neighbours), while the cell's fill takes the new value's colour."""
    rect, target = old.cell(i, j)[0], new.cell(i, j)[0]
    return AnimationGroup(during(FadeOut(old.number(i, j), scale=0.5), 0.0, 0.5),
                          during(FadeIn(new.number(i, j), scale=1.15), 0.5, 1.0),
                          rect.animate.set_fill(target.get_fill_color(), opacity=target.get_fill_opacity()))


HOP_SHARE = 0.2  # a sweep's box moves on from a cell in the last this share of its time there


def sweep_head(head, start, end, appear: tuple, move: tuple, leave: tuple, stops: int = 0) -> Travel:
    """`head` fades in at `start` over `appear`, goes at an even pace to `end` over `move`, and fades out
    there over `leave`. With `stops` cells evenly between start and end (r30b: a box sliding on at an even
    speed stood across two cells' digits most of the time), it stands on each cell, arriving as the pace
    reaches it, and hops on to the next in the last HOP_SHARE of its time there."""
    start, end = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    head.move_to(start)
    slide = Travel(head, [(1.0, end)], appear=appear, leave=leave)

    def along(a):
        u = clip01((a - move[0]) / max(move[1] - move[0], 1e-9))
        if stops > 1:
            k = u * (stops - 1)
            cell = min(int(k), stops - 2)
            hop = clip01((k - cell - (1 - HOP_SHARE)) / HOP_SHARE)
            u = (cell + hop * hop * (3 - 2 * hop)) / (stops - 1)
        return start + (end - start) * u
    slide.path = along
    return slide


def divided_in_window(old, new, i: int, j: int, out: tuple, into: tuple) -> list:
    """Cell (i, j) of `old` becomes its quotient, cell (i, j) of `new`: the old number gone over
    fractions `out`, the quotient in over `into` (the cell's fill takes the new colour between)."""
    rect, target = old.cell(i, j)[0], new.cell(i, j)[0]
    return [during(FadeOut(old.number(i, j)), *out), during(FadeIn(new.number(i, j)), *into),
            during(rect.animate.set_fill(target.get_fill_color(), opacity=target.get_fill_opacity()), out[0], into[1])]


def retick(old: VGroup, new: VGroup, start: float, end: float) -> list:
    """The axis's numbers `old` become `new` each where it stands (r25: all went, then all came: a moment
    with no numbers): a number that stays the same ("0") stays, and takes its place in `new`."""
    middle = (start + end) / 2
    anims = []
    for k, (was, now) in enumerate(zip(old, new)):
        if was.text == now.text:
            new.submobjects[k] = was
        else:
            anims += [during(FadeOut(was), start, middle), during(FadeIn(now), middle, end)]
    return anims


def retick_squeezed(old: VGroup, new: VGroup, zero_x: float, factor: float, start: float, end: float) -> list:
    """The axis's numbers `old` become `new` in the same move as the bars are squeezed about 0 by `factor` (r36a: for
    ~0.5 s the axis read ±80 under bars still at the ±8 scale): each old number rides in with its place on the
    squeezed scale, fading as it goes, and the new one fades in where the old one stood; a number that stays ("0")
    stays, and takes its place in `new`."""
    anims = []
    for k, (was, now) in enumerate(zip(old, new)):
        if was.text == now.text:
            new.submobjects[k] = was
            continue

        def ride(mob, a, x0=float(was.get_x())):
            mob.set_x(zero_x + (x0 - zero_x) * (1 + (factor - 1) * a)).set_opacity(max(0.0, 1 - 2.5 * a))
        anims += [during(UpdateFromAlphaFunc(was, ride), start, end), during(FadeIn(now), start + 0.4 * (end - start), end)]
    return anims


def pan_distance(group) -> float:
    """How far a pan moves what leaves at the left: past the frame's edge by PAN_MARGIN (r31: at a frame's
    width exactly, the last text crept along the left edge, cut, for the slide's slow last frames)."""
    return max(config.frame_width, group.get_right()[0] + HALF_W + PAN_MARGIN)


def fit_tag(tag) -> None:
    """A zoom's tag, right-aligned at the axis's numbers' left, shrunk (never below the text floor) to keep
    TAG_MARGIN from the frame's left edge (r27b: ~25 px from it), else moved in."""
    room = tag.get_right()[0] - (-HALF_W + TAG_MARGIN)
    if tag.width > room:
        tag.scale(max(SMALLEST_TEXT / STRIP_NAME_SIZE, room / tag.width), about_edge=RIGHT)
    if tag.get_left()[0] < -HALF_W + TAG_MARGIN:
        tag.align_to([-HALF_W + TAG_MARGIN, 0, 0], LEFT)


def boxed_tag(tag, theme) -> VGroup:
    """A zoom's tag in a thin box of its colour (r40a, r40b: "±8 → ±80" beside the axis's "−80" read as one string,
    "±8 → ±80 −80"): the box's edge stands between the two, the tag kept clear of the frame's left edge."""
    box = SurroundingRectangle(tag, color=theme.focus, buff=0.08, stroke_width=2, corner_radius=0.08)
    group = VGroup(tag, box)
    if group.get_left()[0] < -HALF_W + 0.15:
        group.shift(RIGHT * (-HALF_W + 0.15 - group.get_left()[0]))
    return group


def e_power(exponent: str, theme, size: float = RATIO_SIZE, color=None) -> VGroup:
    """e to `exponent`, the exponent raised and smaller (r36: its digits ~17 px at 720p, the smallest text on the
    frame for its key numbers: now ~22 px, never under the text floor)."""
    color = theme.focus if color is None else color
    base = label("e", theme, size=size, color=color)
    high = label(exponent, theme, size=max(SMALLEST_TEXT + 2, RATIO_POWER_SIZE * size / RATIO_SIZE), color=color)
    high.next_to(base, UP + RIGHT, buff=0.02).shift(DOWN * 0.2 * size / RATIO_SIZE)
    return VGroup(base, high)


def ratio_figure(ratio, theme, size: float = RATIO_SIZE, color=None) -> VGroup:
    """What the next step makes of a gap as written (story.lead_ratio): "e^gap ≈ ratio : 1", one colour, the
    ratio on the e's baseline (the d = 4 pair's and the d = 512 rows' alike)."""
    color = theme.focus if color is None else color
    figure = VGroup(e_power(ratio.exponent, theme, size, color), label(f"≈ {ratio.ratio} : 1", theme, size=size, color=color))
    figure.arrange(RIGHT, buff=0.15)
    figure[1].shift(UP * (text_baseline(figure[0][0]) - text_baseline(figure[1])))
    return figure


def axis_ticks(axis: NumberLine, values, theme) -> VGroup:
    return VGroup(*(label(format_number(v, 0), theme, size=26, color=theme.muted).next_to(axis.n2p(v), DOWN, buff=TICK_LABEL_BUFF)
                    for v in values))


class ScalingScene(ExplainerScene):
    scene_name = "scaling"
    chapter = "Scaling by √d"
    summary = "Divide by √d so the softmax is not too sharp"
    steps = ("forward_look", "why_root_d", "divide")

    def wide_row(self):
        """The widest width's row of scores (story.row_lead) and how it is written (story.scaling_row_written), once:
        shown in lead_row, and the d = 4 ratio's clause ties back to it."""
        if not hasattr(self, "_wide_row"):
            lead = row_lead(SPREAD_WIDTHS[-1], LEAD_COUNT)
            self._wide_row = (lead, scaling_row_written(lead))
        return self._wide_row

    def forward_look(self):
        """The Scores table taken over from the previous scene, a forward look at the next step's one fact, our pair's
        gap, and the question the spread answers (the layout of the d = 4 part is made here too)."""
        s, ex, th = self.first, self.example, self.theme
        tokens = list(s.tokens)
        self.divisor = scale_factor(ex.d)
        # large cells and numbers: the grid fills the frame's height at the left; at its right the
        # worked panel, one line at a time
        kw = dict(row_labels=tokens, col_labels=tokens, value_scale=self.score_scale, cell_w=GRID_CELL_W,
                  cell_h=GRID_CELL_H, number_size=GRID_NUMBER_SIZE,
                  row_label_colors=self.token_colors(tokens), col_label_colors=self.token_colors(tokens))
        self.scores = self.grid(s.simple.scores, "simple.scores", **kw)
        self.scaled = self.grid(s.simple.scaled, "simple.scaled", **kw)
        self.names = [label("Scores", th, size=30), label("Scaled scores", th, size=30)]
        self.names[0].next_to(self.scores, UP, buff=0.25)
        divisor_text = format_number(self.divisor)
        # the row being divided says "÷ 2.00" at its left (at the panel's side it read as the panel's)
        tag_width = label(f"÷ {divisor_text}", th, size=TAG_SIZE).width + TAG_BUFF
        table = VGroup(self.names[0], self.scores)
        # as large as the room at the panel's left allows (its words and numbers no smaller than the
        # text floor), filling the height down to the subtitles' band where the width allows
        # (the tags 0.3 from the frame's edge: larger since r20, with no less room for the grid)
        fit_region(table, -HALF_W + 0.3 + tag_width, GRID_RIGHT, grow=2.0)
        table.align_to([-HALF_W + 0.3 + tag_width, 0, 0], LEFT).move_to([table.get_x(), (TOP + BOTTOM) / 2, 0])
        self.names[1].match_height(self.names[0]).move_to(self.names[0])
        self.scaled.replace(self.scores)
        numbers_larger([self.scores, self.scaled], GRID_NUMBERS)
        i = self.focus_row(s)
        j = strongest_neighbour(tokens, s.simple.scores[i], ex.focus)
        # the panel at the grid's right: one working line at a time, each replacing the one before
        # (what is done to every score, then d, then √d, then one cell worked), level with the grid's middle
        # one phrase (r20: "d = 4 / vector width / mouse" stacked read as "vector width mouse"): "d = 4 = width of
        # mouse's vector", broken after "of" (one line would not fit the panel at a readable size)
        word = label(tokens[i], th, size=PANEL_NAME_SIZE, color=self.token_colors(tokens).get(i, th.text))
        owner = VGroup(word, label("'s vector", th, size=PANEL_NAME_SIZE)).arrange(RIGHT, buff=0.04, aligned_edge=DOWN)
        width = VGroup(label(f"d = {ex.d} = width of", th, size=PANEL_NAME_SIZE), owner)
        self.root = label(f"√d = √{ex.d} = {divisor_text}", th, size=PANEL_SIZE, color=th.focus)
        # (r25: the cell's score copied out of it into "2.42 ÷ 2.00", its quotient carried back into the cell)
        worked = [label(f"{tokens[i]}·{tokens[j]}", th, size=PANEL_NAME_SIZE),
                  VGroup(label(format_number(s.simple.scores[i, j]), th, size=PANEL_SIZE),
                         label(f"÷ {divisor_text}", th, size=PANEL_SIZE)).arrange(RIGHT, buff=0.2),
                  VGroup(label("=", th, size=PANEL_SIZE, color=th.focus),
                         label(format_number(s.simple.scaled[i, j]), th, size=PANEL_SIZE, color=th.focus)).arrange(RIGHT, buff=0.2)]
        worked[2].next_to(worked[1], RIGHT, buff=0.2)
        worked[2][0].match_y(worked[1][1][0])
        width.arrange(DOWN, buff=0.1, aligned_edge=LEFT)
        cell_line = VGroup(worked[0], VGroup(worked[1], worked[2])).arrange(DOWN, buff=0.12, aligned_edge=LEFT)
        panel_left = self.scores.get_right()[0] + 0.45
        # under the phrase, the focus word's vector (the scores compare such vectors) as d cells coloured by value,
        # braced underneath: "4 entries", what the width counts (left out when the cells would be too thin to see)
        vector_x = np.asarray(s.simple.input[i], dtype=float)
        side = min(VECTOR_CELL, (PANEL_RIGHT - panel_left) / len(vector_x))
        strength = float(np.abs(s.simple.input).max()) or 1.0
        # with its numbers, so that its d entries can be counted and read, where they fit at their size
        numbered_w = max(label(format_number(float(v)), th, size=VECTOR_NUMBER_SIZE).width for v in vector_x) + 0.16
        if numbered_w * len(vector_x) <= PANEL_RIGHT - panel_left:
            cells = self.grid(vector_x, "simple.input[focus]", value_scale=strength, cell_w=numbered_w,
                              cell_h=VECTOR_CELL * 1.1, number_size=VECTOR_NUMBER_SIZE)
            brace = Brace(cells.rects, DOWN, buff=0.06, color=th.muted)
        elif side >= 0.15:
            cells = VGroup(*(Rectangle(width=side, height=VECTOR_CELL, stroke_color=th.grid, stroke_width=1.2)
                             .set_fill(*th.value_fill(float(v), strength)) for v in vector_x)).arrange(RIGHT, buff=0)
            brace = Brace(cells, DOWN, buff=0.06, color=th.muted)
        else:
            cells = None
        if cells is not None:
            count = label(f"{len(vector_x)} entries", th, size=CAPTION_SIZE, color=th.muted).next_to(brace, DOWN, buff=0.08)
            width.add(VGroup(cells, brace, count))
        width.arrange(DOWN, buff=0.14, aligned_edge=LEFT)
        # level with the grid's middle rows (not at its top, over an empty bottom of the panel)
        self.panel_left, self.panel_y = panel_left, self.scores.rects.get_y()
        for line in (width, self.root, cell_line):
            line.scale(min(1.0, (PANEL_RIGHT - panel_left) / line.width))
            line.align_to([panel_left, 0, 0], LEFT).set_y(self.panel_y)
        # what the d = 4 part (divide, after the spread and the d = 512 row) works with
        self.focus_cell, self.width_note, self.worked_line, self.cell_line = (i, j), width, worked, cell_line
        self.heading = self.chapter_title()
        self.play(Write(self.heading), run_time=0.6)
        # (softmax itself is the next scene's: not named before it is taught) the reason first: the one fact about
        # the next step, labelled as a forward look (r42a, r42b: "weights share a total of 1" was a second fact),
        # with e^g drawn as the payoff draws it; the gap named on our own pair as it is said; then the question the
        # next part answers (how big gaps get: they grow with the width). One column in the panel.
        forward = VGroup(label(f"next step (chapter {self.chapter_number() + 1}):", th, size=PANEL_NAME_SIZE, color=th.muted),
                         label("a score ahead by", th, size=PANEL_SIZE),
                         label("a gap g gets", th, size=PANEL_SIZE),
                         VGroup(e_power("g", th, PANEL_SIZE), label("times the", th, size=PANEL_SIZE)),
                         label("other's weight", th, size=PANEL_SIZE))  # (r43b: "the weight" did not say whose)
        forward[3].arrange(RIGHT, buff=0.15)
        forward[3][1].shift(UP * (text_baseline(forward[3][0][0]) - text_baseline(forward[3][1])))
        forward.arrange(DOWN, buff=0.14, aligned_edge=LEFT)
        # (r38a, r38b: "hence the division" came 45 s before its evidence) a question, answered next
        # (r42a: three statements stood at once) it takes the forward look's place, one statement at a time
        motive = VGroup(label("how big do", th, size=PANEL_SIZE), label("gaps get?", th, size=PANEL_SIZE),
                        label("they grow with", th, size=PANEL_NAME_SIZE),
                        label("the vectors' width", th, size=PANEL_NAME_SIZE)).arrange(DOWN, buff=0.14, aligned_edge=LEFT)
        motive[2:].shift(DOWN * 0.12)
        column = VGroup(forward, motive)
        column.scale(max(SMALLEST_TEXT / PANEL_NAME_SIZE, min(1.0, (PANEL_RIGHT - panel_left) / max(forward.width, motive.width))))
        for part in column:
            part.align_to([panel_left, 0, 0], LEFT).set_y(self.panel_y)
        self.motive, self.forward = motive, forward
        # (r35: the red fill was never explained) where the scores hold a negative one, red is first drawn here: a
        # swatch and "negative" under the panel's column, level with the grid's last row, from the first cue on
        self.grid_sign_key = None
        scores = np.asarray(s.simple.scores, dtype=float)
        if (scores < 0).any():
            # (the hue at full strength: the grid's own negative cells may be too pale to read as a key)
            swatch = Rectangle(width=0.34, height=0.34, stroke_color=th.grid, stroke_width=1.2).set_fill(
                *th.value_fill(-self.score_scale, self.score_scale))
            key = VGroup(swatch, label("negative", th, size=STRIP_NAME_SIZE, color=th.muted)).arrange(RIGHT, buff=0.15)
            key.align_to([panel_left, 0, 0], LEFT).align_to(self.scores.rects, DOWN)
            if key.get_right()[0] <= PANEL_RIGHT:
                self.grid_sign_key = key
        # the opening's column between the grid's top and its last row's key (r36: in the second example its last
        # line stood on "negative"): shrunk to that room if need be (never under the text floor)
        floor = self.scores.rects.get_bottom()[1] if self.grid_sign_key is None else self.grid_sign_key.get_top()[1] + 0.3
        ceiling = self.heading.get_bottom()[1] - 0.4
        if column.get_bottom()[1] < floor:
            if max(forward.height, motive.height) > ceiling - floor:
                smallest = forward[0]  # (its size now, against the same line at its own size)
                size_now = PANEL_NAME_SIZE * smallest.height / label(f"next step (chapter {self.chapter_number() + 1}):", th,
                                                                     size=PANEL_NAME_SIZE).height
                for part in column:
                    part.scale(max(SMALLEST_TEXT / size_now, (ceiling - floor) / max(forward.height, motive.height)), about_edge=LEFT)
            for part in column:
                part.shift(UP * max(0.0, floor - part.get_bottom()[1]))
        # (r38a: "gap" was said with nothing marked; r42a: its value came 25 s later) the pair whose gap is worked
        # later (story.halved_pair: mouse·cat 2.42 against mouse·and 0.32) boxed in the Scores, and "gap 2.10"
        # (story.written_difference, as written) on a pill across the pair's lower edge, between the numbers
        gap_pair = halved_pair(s.simple.scores, s.simple.scaled, self.divisor, i) if self.divisor > 1 else None
        gap_boxes = gap_pill = None
        if gap_pair is not None:
            gr, ga, gb = gap_pair
            gap_boxes = VGroup(*(SurroundingRectangle(self.scores.cell(gr, c), color=colour, buff=-0.06, stroke_width=4)
                                 for c, colour in ((ga, th.focus), (gb, th.text))))
            gap_text = written_difference(s.simple.scores[gr, ga], s.simple.scores[gr, gb])
            words = VGroup(label("gap", th, size=GAP_PILL_SIZE, color=th.focus),
                           label(gap_text, th, size=GAP_PILL_SIZE, color=th.focus)).arrange(RIGHT, buff=0.12)
            words[0].shift(UP * (text_baseline(words[1]) - text_baseline(words[0])))
            pill = RoundedRectangle(corner_radius=0.1, width=words.width + 0.24, height=words.height + 0.1,
                                    stroke_color=th.focus, stroke_width=2.5).set_fill(th.background, opacity=1.0)
            cells = VGroup(self.scores.cell(gr, ga), self.scores.cell(gr, gb))
            pill.move_to([cells.get_x(), cells.get_bottom()[1], 0])
            words.move_to(pill)
            gap_pill = VGroup(pill, words).set_z_index(4)
            self.gap_text = gap_text
        self.gap_pair, self.gap_boxes, self.gap_pill = gap_pair, gap_boxes, gap_pill
        self.narrate("Next step: a score ahead by a gap g gets e to the g times the other's weight.",
                     *(during(anim, 0.0, 0.15) for anim in self.take_over(self.scores, self.names[0])),
                     *([] if self.grid_sign_key is None else [during(FadeIn(self.grid_sign_key), 0.15, 0.24)]),
                     during(FadeIn(forward[0], shift=LEFT * 0.2), 0.15, 0.27),
                     during(FadeIn(VGroup(forward[1], forward[2]), shift=LEFT * 0.2), 0.3, 0.5),
                     during(FadeIn(VGroup(forward[3][1], forward[4]), shift=LEFT * 0.2), 0.72, 0.85),
                     # (an Indicate of e^g in the same play as its FadeIn kept it unseen: it grows in as "e to the g" is said)
                     during(FadeIn(forward[3][0], scale=1.4), 0.62, 0.76),
                     run_time=5.0, through=True)
        if gap_pair is not None:
            gr, ga, gb = gap_pair
            self.narrate(f"Here: {tokens[gr]}·{tokens[ga]} leads {tokens[gr]}·{tokens[gb]} by a gap of {self.gap_text}.",
                         during(FadeIn(gap_boxes), 0.0, 0.2), during(FadeIn(gap_pill, scale=1.2), 0.45, 0.65),
                         run_time=3.0, through=True)
        self.narrate("How big do gaps get? They grow with the vectors' width.",
                     during(FadeOut(forward), 0.0, 0.12),
                     during(FadeIn(motive[:2], shift=LEFT * 0.2), 0.14, 0.3),
                     during(FadeIn(motive[2:], shift=LEFT * 0.2), 0.45, 0.65),
                     run_time=3.4, through=True)
        # the Scores table's place, to come back to after the spread and the d = 512 row (the pan moves it away)
        self.table = VGroup(self.scores, self.names[0], *([] if self.grid_sign_key is None else [self.grid_sign_key]))
        self.table_home = self.table.get_center()

    def divide(self):
        """Back on our own Scores (after the spread and the d = 512 row): √d = √4 = 2.00, one cell, its twin, every
        row; the order and the differences; the pair's ratio, tied back to the d = 512 row."""
        s, ex, th = self.first, self.example, self.theme
        tokens = list(s.tokens)
        n = len(tokens)
        i, j = self.focus_cell
        width, worked, cell_line = self.width_note, self.worked_line, self.cell_line
        divisor_text = format_number(self.divisor)
        # (r42a, r42b: the d = 4 division came before the reason for √d) one pan, as into the spread and the d = 512
        # row: that picture slides out at the left as the Scores ride in behind it, at its speed, to where they were
        # (never over each other, never a bare frame)
        old = [m for m in self.mobjects if m is not self.heading]
        distance = pan_distance(Group(*old))
        self.table.move_to(self.table_home).shift(RIGHT * distance)
        # (r35: the "√" was written over the fading "1.30" for ~0.3 s) the width goes before √d is written
        self.narrate(f"Back to our scores: d, the vectors' width, is {ex.d}, so √d is {divisor_text}.",
                     during(Group(*old).animate.shift(LEFT * distance), 0.0, 0.2),
                     during(self.table.animate.shift(LEFT * distance), 0.0, 0.2),
                     # (in and out in one animation: a FadeIn and a FadeOut of it in one play held it unseen)
                     blink(width, appear=(0.28, 0.38), leave=(0.64, 0.7)),
                     during(FadeIn(self.root, shift=LEFT * 0.2), 0.72, 0.84), run_time=4.6)
        self.remove(*old)
        Group(*old).shift(RIGHT * distance)  # (off the scene: the d = 512 picture kept as it was laid out, to be read back)
        box = self.scores.cell_box(i, j, th.focus)
        # the cell's twin across the diagonal (the same score: r22, divided alone its twin still showed the old
        # score beside it, two equal scores disagreeing) is boxed and divided as it is named; the table keeps
        # its name "Scores" until its last row is divided (r22: "Scores ÷ 2.00" over 24 undivided cells)
        twin = twin_reads_the_same(s.simple.scores, i, j)
        # (r25: 2.42 faded into 1.21 in place) the cell's score shown again to begin the worked line,
        # "÷ 2.00" after it, "= 1.21" as it is said; then, at "right where it stands", the old score leaves the
        # cell and the quotient comes into it (r25b: no copy flies across the grid's cells)
        self.narrate(f"One cell first: {tokens[i]}·{tokens[j]}, {format_number(s.simple.scores[i, j])}, becomes "
                     f"{format_number(s.simple.scaled[i, j])},",
                     during(FadeOut(self.root), 0.0, 0.08), blink(box, appear=(0.0, 0.04)),
                     during(FadeIn(worked[0]), 0.05, 0.15),
                     # (r25b: the copy carried along the rule crossed the next row's cells) the cell's score
                     # lights up where it stands, then the worked line's copy of it fades in at the panel
                     during(Indicate(self.scores.number(i, j), scale_factor=1.12, color=th.focus), 0.12, 0.4),
                     during(FadeIn(worked[1][0], shift=LEFT * 0.15), 0.3, 0.45),
                     during(FadeIn(worked[1][1], shift=LEFT * 0.15), 0.45, 0.6),
                     during(FadeIn(worked[2], shift=LEFT * 0.15), 0.72, 0.88), run_time=3.3)
        rect, target = self.scores.cell(i, j)[0], self.scaled.cell(i, j)[0]
        source = worked[2][1]
        # (r25b: the carried 1.21 landed on "= 1.21" and crossed the row's cells) the worked 1.21 lights up,
        # the old score leaves the cell, and the quotient fades in where it stood
        landing = [during(Indicate(source, scale_factor=1.12, color=th.focus), 0.0, 0.25),
                   during(FadeOut(self.scores.number(i, j), scale=0.5), 0.05, 0.17),
                   during(FadeIn(self.scaled.number(i, j), scale=1.25), 0.17, 0.35),
                   during(rect.animate.set_fill(target.get_fill_color(), opacity=target.get_fill_opacity()), 0.3, 0.45)]
        if twin:
            twin_box = self.scores.cell_box(j, i, th.focus)
            self.narrate(f"in place; and so does its twin, {tokens[j]}·{tokens[i]}.", *landing,
                         blink(twin_box, appear=(0.55, 0.6), leave=(0.94, 1.0)),
                         during(divide_in_place(self.scores, self.scaled, j, i), 0.68, 0.88),
                         during(FadeOut(box), 0.94, 1.0), run_time=3.6)
        else:
            self.narrate("right where it stands.", *landing, during(FadeOut(box), 0.85, 1.0), run_time=1.8)
        done = {(i, j), (j, i)} if twin else {(i, j)}
        # row by row: a box on the row and "÷ 2.00" at its right (r22: at the row names' left it read "÷ 2.00 mouse";
        # the panel is gone by then) while its old numbers still stand (read
        # for a moment), then each becomes its quotient where it stands
        # the rows in the first n seconds of the pass; the matrix renamed after the last row is divided
        # (before that some of its cells still hold scores): the old name gone before the new one comes
        rename = 0.6
        # (a long sentence's many rows a little faster: the pass no longer than about ROWS_TIME)
        row_time = max(ROW_TIME_LEAST, min(ROW_TIME, ROWS_TIME / n))
        total = row_time * n + rename
        window = row_time / total
        rows = []
        # (r26b: the "÷ 2.00" pill passed over cells already divided and blanked them, as if dividing them again)
        # one "÷ 2.00" at the grid's right goes down the rows with the row's box (each stays on screen, and moves:
        # never out and in again); along the row a cell's box slides at an even speed, and each score becomes its
        # quotient where it stands as the box reaches it (its number seen the whole time but for the swap itself);
        # a cell already divided is passed over unchanged
        tag = label(f"÷ {divisor_text}", th, size=TAG_SIZE, color=th.focus)
        row_box = self.scores.row_box(0, th.text)
        tag.next_to(row_box, RIGHT, buff=TAG_BUFF)
        row_keys, tag_keys = [], []
        for r in range(n):
            t0 = r * window
            at = lambda u: t0 + u * window  # noqa: E731 (a fraction of this row's time, in the pass's)
            here = self.scores.row_box(r, th.text).get_center()
            shift = here - row_box.get_center()
            if r:  # (down to this row between the rows' times)
                row_keys.append((at(0.0), here))
                tag_keys.append((at(0.0), tag.get_center() + shift))
            row_keys.append((at(0.92), here))
            tag_keys.append((at(0.92), tag.get_center() + shift))
            xs = [float(self.scores.rects[r * n + c].get_x()) for c in range(n)]
            y = float(self.scores.rects[r * n].get_y())
            move = (0.14, 0.84)  # the cell's box on the first cell by 0.14, on the last by 0.84
            pace = (move[1] - move[0]) / max(n - 1, 1)
            when = lambda c: at(move[0] + pace * c)  # noqa: E731 (the box on cell c)
            cursor = self.scores.cell_box(r, 0, th.focus).set_z_index(3)
            rows.append(sweep_head(cursor, [xs[0], y, 0], [xs[-1], y, 0], appear=(at(0.02), at(0.08)),
                                   move=(at(move[0]), at(move[1])), leave=(at(0.86), at(0.92)), stops=n))
            for c in range(n):
                if (r, c) in done:  # (a quotient there already: it stays as it is)
                    continue
                # (quick, and the quotient already coming as the score goes: the cell never stands empty, and the
                # two are never both readable, one above half its opacity as the other is below; r31: at 30 fps a frame
                # fell between the score gone and the quotient come, a blank cell: the two fades of one length, the
                # quotient's 0.4 of it behind, so that together they never drop below 0.6)
                rows += divided_in_window(self.scores, self.scaled, r, c, (when(c) - 0.03 * window, when(c) - 0.005 * window),
                                          (when(c) - 0.02 * window, when(c) + 0.005 * window))
        rows += [Travel(row_box, [(k, p) for k, p in row_keys], appear=(0.0, 0.04 * window), leave=(n * window - 0.04 * window, n * window)),
                 Travel(tag, [(k, p) for k, p in tag_keys], appear=(0.0, 0.06 * window), leave=(n * window - 0.04 * window, n * window))]
        renamed = n * window
        # the worked cell's line goes as the other rows are divided (it would read as theirs)
        # (r25: "Scores" over rows half divided) the table named for what is happening to it while its rows are divided
        scaling = label("Scaling the scores", th, size=30).scale(self.names[0].width / label("Scores", th, size=30).width)
        scaling.move_to(self.names[0])
        scaling.shift(UP * (text_baseline(self.names[0]) - text_baseline(scaling)))
        self.narrate("Then every other score, row by row.", during(FadeOut(VGroup(*worked)), 0.0, 0.1 * window),
                     during(FadeOut(self.names[0]), 0.0, 0.25 / total),
                     # (in and out in one animation: a FadeOut after a FadeIn of the same mobject held it unseen)
                     blink(scaling, appear=(0.3 / total, 0.6 / total), leave=(renamed, renamed + 0.25 / total)),
                     during(FadeIn(self.names[1]), renamed + 0.3 / total, 1.0),
                     *rows, run_time=total)
        kept = [self.heading, self.names[1]] + ([] if self.grid_sign_key is None else [self.grid_sign_key])
        if self.divisor > 1:
            kept += self.order_and_difference(s, i, worked)
        else:
            kept.append(cell_line)
            self.narrate("With d = 1 the divisor is 1: the scores stay as they are.")
        # the scaled grid takes the place of the recoloured scores grid and the numbers faded in:
        # they look the same, and the scene keeps one grid (under the boxes). What stays may have entered
        # the scene part by part: whatever holds a part of it stays, so that the next step's veil covers
        # all of it at once, none of it gone before
        staying = {id(m) for mob in kept for m in mob.get_family()}
        self.remove(*(m for m in self.mobjects if not any(id(f) in staying for f in m.get_family())))
        self.add(self.scaled)
        self.bring_to_back(self.scaled)

    def order_and_difference(self, s, i: int, worked: list) -> list:
        """Two scores of one row, pointed at in the grid and written where d and √d were: the
        larger stays the larger, and their difference is divided by √d as well (a pair whose
        difference halves exactly as written, attention_math.story.halved_pair). Returns what stays."""
        th, tokens = self.theme, list(s.tokens)
        pair = halved_pair(s.simple.scores, s.simple.scaled, self.divisor, i)
        if pair is None:  # no difference checks as written: the order alone is pointed at
            self.narrate("The order within each row stays, and every difference between two scores is divided "
                         f"by {format_number(self.divisor)} too.")
            return []
        r, a, b = pair
        # one size for the whole ledger (names included): fitted to the panel, none of it below the floor
        size = tag_size = worked[1][0].font_size

        def line(larger: float, smaller: float, colour) -> tuple:
            parts = VGroup(label(format_number(larger), th, size=size, color=colour), label("−", th, size=size),
                           label(format_number(smaller), th, size=size, color=colour),
                           label(f"= {written_difference(larger, smaller)}", th, size=size, color=colour))
            parts.arrange(RIGHT, buff=0.16)
            return parts, label(">", th, size=size).move_to(parts[1])

        before, before_gt = line(s.simple.scores[r, a], s.simple.scores[r, b], th.text)
        after, after_gt = line(s.simple.scaled[r, a], s.simple.scaled[r, b], th.focus)
        tag = label(f"{tokens[r]}·{tokens[a]}, {tokens[r]}·{tokens[b]}", th, size=tag_size)
        # (r19: all in pink it read as a third value of "now": was's difference in ink, now's in pink, "so" before it)
        check = VGroup(label(f"{written_difference(s.simple.scores[r, a], s.simple.scores[r, b])} ÷ "
                             f"{format_number(self.divisor)} =", th, size=size),
                       label(written_difference(s.simple.scaled[r, a], s.simple.scaled[r, b]), th, size=size,
                             color=th.focus)).arrange(RIGHT, buff=0.16)
        ledger = VGroup(tag, before, after, check).arrange(DOWN, buff=0.16, aligned_edge=LEFT)
        # the grid shows the scaled values by now: the scores' pair is said to be what they were
        words = [label("was", th, size=tag_size, color=th.muted), label("now", th, size=tag_size, color=th.muted),
                 label("so", th, size=tag_size, color=th.muted)]
        for word, line_ in zip(words, (before, after)):
            line_.shift(RIGHT * (max(w.width for w in words) + 0.2))
            word.next_to(line_, LEFT, buff=0.2)
        check.align_to(before, LEFT)  # under the differences it divides
        words[2].next_to(check, LEFT, buff=0.2).align_to(words[0], RIGHT)
        ledger.add(*words)
        # in the panel, in the place of the worked cell (the check line writes √d again), clear of the
        # frame's right edge
        # the grid steps left into the room its rows' "÷ 2.00" had, so that the ledger is written large at its
        # right: the scaled grid in the place of the recoloured scores and the quotients faded in (they look the same)
        # (whatever holds a part of either grid goes: its parts may have been added on their own by the animations)
        grid_parts = {id(m) for grid in (self.scores, self.scaled) for m in grid.get_family()}
        self.remove(*(m for m in self.mobjects if any(id(f) in grid_parts for f in m.get_family())))
        self.add(self.scaled)
        self.bring_to_back(self.scaled)
        move = max(0.0, self.scaled.row_labels.get_left()[0] - (-HALF_W + 0.4))
        left, right = self.panel_left - move, PANEL_RIGHT
        fit = min(1.0, (right - left) / ledger.width)
        ledger.scale(fit).set_y(self.panel_y)
        ledger.shift(RIGHT * (left - ledger.get_left()[0]))
        before_gt.scale(fit).move_to(before[1])
        after_gt.scale(fit).move_to(after[1])
        # (r36: the reason given at the opening, shown on our own numbers) what the next step makes of the pair's
        # difference as written, before and after: e^gap, the ratio of the two weights (story.lead_ratio among the
        # row's n words; its verdict left unsaid here: the d = 512 row gives the verdicts), under the ledger
        ratios = [lead_ratio(written_difference(s.simple.scores[r, a], s.simple.scores[r, b]), len(tokens)),
                  lead_ratio(written_difference(s.simple.scaled[r, a], s.simple.scaled[r, b]), len(tokens))]
        wide_lead, wide_text = self.wide_row()
        wide = lead_ratio(wide_text.gap, LEAD_COUNT) if wide_text is not None else None
        cost = scaling_lopsided_cost(s.simple.scores[r], s.simple.scaled[r], wide) if None not in ratios else None
        block = None
        # (r42a: at the ratio beat the panel was a 9-line wall) once the ratios come, the was/now/so working goes and
        # collapses into one line, "gap 2.10 → 1.05" (the two differences as written), at the ledger's top; under it
        # the ratios (head, was, now); then the one clause tying d = 4 back to the d = 512 row: at most 5 lines
        gap_line = VGroup(label("gap", th, size=size), label(written_difference(s.simple.scores[r, a], s.simple.scores[r, b]), th, size=size),
                          label("→", th, size=size),
                          label(written_difference(s.simple.scaled[r, a], s.simple.scaled[r, b]), th, size=size, color=th.focus))
        gap_line.arrange(RIGHT, buff=0.2)
        for part in (gap_line[0], gap_line[3]):  # (on one baseline: "gap" has descenders, centred it stood high)
            part.shift(UP * (text_baseline(gap_line[1]) - text_baseline(part)))
        gap_line.scale(fit)
        gap_line.align_to(tag, LEFT).align_to(tag, UP)
        if None not in ratios:
            lines = []
            for word, ratio, colour in zip(("was", "now"), ratios, (th.text, th.focus)):
                figure = ratio_figure(ratio, th, size, colour)
                lines.append(VGroup(label(word, th, size=tag_size, color=th.muted), figure))
            # (the ratio named by the forward look's "e^g times the other's weight" and said: no head line, r42a's 5 lines)
            block = VGroup(*lines)
            for line_ in lines:
                line_[1].next_to(line_[0], RIGHT, buff=0.2)
                line_[1][1].shift(UP * (text_baseline(line_[0]) - text_baseline(line_[1][1])))
                line_[1][0].shift(UP * (text_baseline(line_[0]) - text_baseline(line_[1][0][0])))
            block.arrange(DOWN, buff=0.2, aligned_edge=LEFT).scale(fit)
            block.next_to(gap_line, DOWN, buff=0.3 * fit, coor_mask=np.array([0, 1, 0]))
            for line_ in lines:  # the two figures in one column, their words right-aligned as the ledger's
                line_[1].align_to(before, LEFT)
                line_[0].align_to(words[0], RIGHT)
        # (r40b: "less lopsided" was called bad before anything said why; r42a, r42b: "not at d = 4, either way" left
        # the student asking why d = 4 was divided) one short clause, after the d = 512 row has shown the cost: the
        # same rule as there, and here no word gets nearly all the weight (r43a: "mild" beside 8.2 : 1 undercut it; story.scaling_lopsided_cost: no word gets nearly all the
        # weight either way at our d, and undivided at d = 512 one does)
        same_rule = None
        if cost is not None:
            same_rule = label(f"same rule as d = {wide_lead.d}", th, size=tag_size).scale(fit)
            mild = label(f"ours: no word gets {cost.wide_verdict.replace(' the weight', '')}", th, size=tag_size).scale(fit)
            same_rule = VGroup(same_rule, mild).arrange(DOWN, buff=0.14 * fit, aligned_edge=LEFT)
            same_rule.scale(max(SMALLEST_TEXT / (tag_size * fit), min(1.0, (right - left) / same_rule.width)))
            same_rule.next_to(block, DOWN, buff=0.4 * fit, coor_mask=np.array([0, 1, 0])).align_to(tag, LEFT)
        if block is not None:
            lowest = block if same_rule is None else same_rule
            column = (gap_line, block, *([] if same_rule is None else [same_rule]))
            lift = (gap_line.get_top()[1] + lowest.get_bottom()[1]) / 2 - self.panel_y
            # (centred on the grid's middle, but clear of the subtitles' band, and never over the heading's band)
            lift = min(lift, lowest.get_bottom()[1] - BOTTOM - 0.05)
            lift = max(lift, gap_line.get_top()[1] - (TOP + 0.1))
            for mob in column:
                mob.shift(DOWN * lift)
        # each box inside its own cell (r19: side by side, the two boxes shared an edge, one over the other)
        boxes = VGroup(*(SurroundingRectangle(self.scaled.cell(r, c), color=colour, buff=-0.06, stroke_width=4)
                         for c, colour in ((a, th.focus), (b, th.text)))).shift(LEFT * move)
        self.narrate("The order within each row stays:",
                     during(VGroup(self.scaled, self.names[1]).animate.shift(LEFT * move), 0.0, 0.3),
                     during(FadeIn(boxes), 0.3, 0.45),
                     during(LaggedStart(FadeIn(tag), FadeIn(VGroup(words[0], before[0], before_gt, before[2])),
                                        FadeIn(VGroup(words[1], after[0], after_gt, after[2])), lag_ratio=0.5), 0.3, 1.0),
                     run_time=1.8)
        self.narrate(f"and every difference is divided by {format_number(self.divisor)} too.",
                     # "−" in place of ">" first, then the differences: never "a > b = c" on screen
                     Succession(AnimationGroup(change_in_place(before_gt, before[1]), change_in_place(after_gt, after[1]),
                                               run_time=0.5),
                                FadeIn(VGroup(before[3], after[3]), run_time=0.6), FadeIn(VGroup(words[2], check), shift=UP * 0.1)),
                     run_time=2.0)
        working = VGroup(tag, before, after, check, *words)
        if block is None:
            return [boxes, *working]
        self.ratio_beat = (ratios, block)
        self.gap_line = gap_line
        was, now = ratios
        # (r38b: "8.2 : 1 → 2.9 : 1" was never said to be better) what it means, said where it is shown: the gap
        # divided, the two weights less lopsided (true as written: a divided gap, a smaller ratio)
        milder = ratio_smaller(was, now)
        self.narrate(f"Their weights' ratio, e to the gap: {was.ratio} to 1, now {now.ratio} to 1"
                     + (": less lopsided." if milder else "."),
                     # the working read, it goes where it stands, and its two differences stay as one line
                     # (no frame with the panel bare, none with both: the one begins as the other ends)
                     during(FadeOut(working), 0.0, 0.08), during(FadeIn(gap_line, shift=UP * 0.1), 0.08, 0.18),
                     during(FadeIn(block[0], shift=DOWN * 0.1), 0.3, 0.45),
                     during(FadeIn(block[1], shift=DOWN * 0.1), 0.6, 0.75), run_time=5.0 if milder else 4.0, through=True)
        self.same_rule = same_rule
        if same_rule is None:
            return [boxes, gap_line, block]
        self.narrate(f"The same rule as at d = {wide_lead.d}; here no word gets {cost.wide_verdict}, either way.",
                     during(FadeIn(same_rule[0], shift=UP * 0.1), 0.0, 0.2),
                     during(FadeIn(same_rule[1], shift=UP * 0.1), 0.4, 0.6), run_time=3.4, through=True)
        return [boxes, gap_line, block, same_rule]

    def worked_pair(self, pair, row: SpreadRow):
        """The worked pair alone on the frame, centred at full width (the axes come at "then many"): rows a, b
        and their products, column by column, the products' sum at the right; and what drops onto our width's
        axis (the sum as a label over a tick at its value). None when it would not fit at the floor."""
        th = self.theme
        cells = [[format_number(v) for v in pair.a], [format_number(v) for v in pair.b],
                 [format_number(v) for v in pair.products]]
        size = PAIR_NUMBER_SIZE
        names = [label(t, th, size=size, color=th.muted) for t in ("a", "b", "a×b")]
        digits_w = max(label(t, th, size=size).width for line in cells for t in line) + 0.45
        name_w = max(n.width for n in names) + 0.4
        total_w = label(f"Σ = {format_number(pair.total)}", th, size=size).width + 0.5
        room = 2 * (HALF_W - 0.4)
        column_w = max(digits_w, min(PAIR_COLUMN, (room - name_w - total_w) / len(pair.a)))
        width = name_w + column_w * len(pair.a) + total_w
        fit = min(1.0, room / width)
        if size * fit < SMALLEST_TEXT:
            return None
        left, ys = -width / 2, PAIR_YS
        rows = []
        for r, line in enumerate(cells):
            colour = th.focus if r == 2 else th.text
            numbers = VGroup(*(label(t, th, size=size, color=colour).move_to([left + name_w + column_w * (c + 0.5), ys[r], 0])
                               for c, t in enumerate(line)))
            # (r25: centred in their column, "a×b" stood out of line with a and b) left-aligned at the rows' left
            names[r].move_to([0, ys[r], 0]).align_to([left, 0, 0], LEFT)
            rows.append((names[r], numbers))
        # (r26b: the names stood ~180 px from their numbers) the names, right-aligned as a table's row names,
        # end a little before the first column's numbers
        first_number = min(numbers[0].get_left()[0] for _, numbers in rows)
        for name, _ in rows:
            name.align_to([first_number - NAME_TO_NUMBERS, 0, 0], RIGHT)
        names_left = min(name.get_left()[0] for name, _ in rows)
        entries = VGroup(VGroup(rows[0][0], rows[1][0]), rows[0][1], rows[1][1])
        rule = VMobject(stroke_color=th.muted, stroke_width=2).set_points_as_corners(
            [[names_left, (ys[1] + ys[2]) / 2, 0], [left + name_w + column_w * len(pair.a), (ys[1] + ys[2]) / 2, 0]])
        products = VGroup(VGroup(rows[2][0], rule), rows[2][1])
        total = VGroup(label("Σ =", th, size=size), label(format_number(pair.total), th, size=size, color=th.focus)).arrange(RIGHT, buff=0.2)
        total.next_to(rows[2][1], RIGHT, buff=0.5).match_y(rows[2][1])
        everything = VGroup(entries, products, total)
        everything.shift(LEFT * everything.get_center()[0])  # (centred across the frame: the names' gap is less)
        everything.scale(fit, about_point=np.array([0.0, ys[1], 0.0]))
        # (r26b: for the seconds before the sum came, the pair stood left of the middle) the rows a, b and a×b
        # centred, the sum standing out at their right, as far as the frame's margin lets it
        body = VGroup(entries, products)
        everything.shift(LEFT * body.get_center()[0])
        over = everything.get_right()[0] - (HALF_W - 0.4)
        if over > 0:
            everything.shift(LEFT * over)
        # the sum over its tick on our width's axis (the sample's: it stands in one of the row's bars)
        x = row.axis.n2p(pair.total)[0]
        y = row.axis.get_y()
        # (in front of the bars that grow round it: the sample is one of the bar it stands in)
        one_tick = VMobject(stroke_color=th.focus, stroke_width=5).set_points_as_corners(
            [[x, y - 0.1, 0], [x, y + BAR_HEIGHT, 0]]).set_z_index(2)
        dropped = label(format_number(pair.total), th, size=SMALLEST_TEXT + 4, color=th.focus).set_z_index(2)
        dropped.move_to([x, y + BAR_HEIGHT + 0.1 + dropped.height / 2, 0])  # over the bars that grow round it
        return entries, products, total, dropped, one_tick

    def why_root_d(self):
        ex, th = self.example, self.theme
        spreads = [dot_product_spread(d) for d in (ex.d, *SPREAD_WIDTHS)]
        reach = max(float(np.abs(sp.samples).max()) for sp in spreads)
        step = 20 if reach > 40 else 5
        limit = step * math.ceil(reach / step)
        # the zoomed-in axis's reach (±4, or further if need be): every histogram's bins out to it, in units of √d
        zoom = max(ZOOMED, math.ceil(max(float(np.abs(sp.scaled).max()) for sp in spreads)))
        # one count scale for every width's bars (a bin holds about as many samples at every width: the bins are
        # in units of √d), the tallest BAR_HEIGHT
        per_count = BAR_HEIGHT / max(int(spread_histogram(sp, zoom, BIN_STEP).counts.max()) for sp in spreads)
        # the number columns' one header row over the first panel: the dot products' standard deviation (the
        # entries' is named in the caption), √d, and their quotient (its header with its numbers, at the division)
        headers = VGroup(label("std(a·b)", th, size=STRIP_NAME_SIZE, color=th.key), label("√d", th, size=STRIP_NAME_SIZE),
                         label("std(a·b / √d)", th, size=STRIP_NAME_SIZE, color=th.key))
        # the columns (std, "÷", √d, "=", the quotient) as one line "7.7 ÷ 8.0 = 0.96", one gap round both signs,
        # wide enough for the headers over them, ending at the frame's right margin; the axes end at their left
        columns = [[label(format_number(sp.spread, 1), th, size=STRIP_NUMBER_SIZE, color=th.key) for sp in spreads],
                   [label(format_number(scale_factor(sp.d), 1), th, size=STRIP_NUMBER_SIZE) for sp in spreads],
                   [label(format_number(sp.scaled_spread, 2), th, size=STRIP_NUMBER_SIZE, color=th.key) for sp in spreads]]
        widths = [max(m.width for m in column) for column in columns]
        sign_w = label("÷", th, size=STRIP_NUMBER_SIZE).width
        gap = max([SIGN_GAP] + [(HEADER_GAP + (headers[c].width + headers[c + 1].width) / 2
                                 - (widths[c] + widths[c + 1]) / 2 - sign_w) / 2 for c in (0, 1)])
        pitch = [(widths[c] + widths[c + 1]) / 2 + 2 * gap + sign_w for c in (0, 1)]
        new_x = COLUMNS_RIGHT - max(widths[2], headers[2].width) / 2
        root_x = new_x - pitch[1]
        std_x = root_x - pitch[0]
        xs = (std_x, root_x, new_x)
        div_x, eq_x = ((xs[c] + widths[c] / 2 + xs[c + 1] - widths[c + 1] / 2) / 2 for c in (0, 1))
        for header, x in zip(headers, xs):
            header.move_to([x, HEADER_Y, 0])
        axis_right = std_x - widths[0] / 2 - COLUMNS_GAP
        self.spread_rows, names, self.spread_values, roots, scaled_values = [], VGroup(), VGroup(), VGroup(), VGroup()
        panels = VGroup()
        for k, sp in enumerate(spreads):
            y = ROW_YS[k]
            axis = NumberLine(x_range=[-limit, limit, step], length=axis_right - AXIS_LEFT, color=th.muted, stroke_width=2,
                              include_tip=False, tick_size=0.06).move_to([(AXIS_LEFT + axis_right) / 2, y, 0])
            row = SpreadRow(sp, axis, th, zoom, per_count)
            # the panel: a pale ground under the row, all three alike (behind everything drawn in it)
            panels.add(RoundedRectangle(corner_radius=0.12, width=2 * PANEL_X, height=PANEL_BELOW + PANEL_ABOVE, stroke_width=0)
                       .set_fill(th.grid, opacity=0.22).move_to([0, y + (PANEL_ABOVE - PANEL_BELOW) / 2, 0]).set_z_index(-1))
            here = sp.d == ex.d
            # the example's own width, named as our WIDTH (its vectors are not these random samples: "ours"
            # alone read as if they were)
            name = label(f"d = {sp.d}", th, size=STRIP_NAME_SIZE, color=th.focus if here else th.text)
            if here:
                name = VGroup(name, label("(our width)", th, size=STRIP_CAPTION_SIZE)).arrange(DOWN, buff=0.06)
            name.next_to(axis, LEFT, buff=0.25).shift(UP * LABEL_LIFT)
            # (a long width's name shrinks into the room at the axis's left, never below the text floor)
            name.scale(max(SMALLEST_TEXT / STRIP_NAME_SIZE, min(1.0, (AXIS_LEFT - 0.25 - (-HALF_W + 0.3)) / name.width)),
                       about_edge=RIGHT)
            names.add(name)
            at = y + LABEL_LIFT
            self.spread_values.add(columns[0][k].move_to([std_x, at, 0]))
            roots.add(columns[1][k].move_to([root_x, at, 0]))
            scaled_values.add(columns[2][k].move_to([new_x, at, 0]))
            self.spread_rows.append(row)
        # the axes' numbers once, under the last panel: every panel's axis is the same
        last_axis = self.spread_rows[-1].axis
        ticks = axis_ticks(last_axis, (-limit, -(limit // 2), 0, limit // 2, limit), th)
        # one caption line under the heading: the samples, what kind of random (√d is the spread of dot
        # products of entries with mean 0 and variance 1, attention_math.core.dot_product_spread's
        # standard-normal entries: said, and written), and the bracket's key, each as it is said
        caption = label(f"{len(spreads[0].samples)} random pairs a·b", th, size=CAPTION_SIZE)
        # (its "·" apart: with the worked pair the kind of random is said before the many pairs come)
        kind = VGroup(label("·", th, size=CAPTION_SIZE, color=th.muted),
                      label("entries mean 0, var 1", th, size=CAPTION_SIZE, color=th.muted)).arrange(RIGHT, buff=0.2)
        kind.next_to(caption, RIGHT, buff=0.2)
        kind[0].match_y(caption)
        band_name = VGroup(label("·", th, size=CAPTION_SIZE, color=th.muted),
                           std_bracket(0.0, 0.45, 0.0, th, end=0.12),
                           label("±1 std", th, size=CAPTION_SIZE)).arrange(RIGHT, buff=0.2)
        band_name.next_to(kind, RIGHT, buff=0.2)
        VGroup(caption, kind, band_name).move_to([0, 2.9, 0]).align_to(panels, LEFT).shift(RIGHT * 0.25)
        for part in band_name[1:]:
            part.match_y(caption)
        # (r26b: the veil over the matrix read as a hard cut to the pair) with the worked pair the old picture
        # slides left and away before the pair slides in after it (never both at once: nothing reads through
        # the other); without it, the veil as before
        old_picture = [m for m in self.mobjects if m is not self.heading]
        # what this part asks, in the heading's band at its right as it is said (the old picture goes under
        # the veil meanwhile: the new one never opens on a bare frame), staying for the part
        self.question = question = label("How big do gaps get?", th, size=34, color=th.focus).match_y(self.heading).align_to([HALF_W - 0.4, 0, 0], RIGHT)
        # one pair of our width worked first (story.worked_dot_sample: the sampler's own pair, checking as
        # written) in the room the panels will have: its entries, their products, their sum, which drops onto
        # our width's axis as a tick as the three panels come; then our width's histogram rises round it, and
        # the wider widths'
        first, others = self.spread_rows[0], self.spread_rows[1:]
        pair = worked_dot_sample(spreads[0].d)
        worked_pair = None if pair is None else self.worked_pair(pair, first)
        arrivals = []  # what comes as the wider widths are named: their bars, when the worked pair came first
        if worked_pair is None:
            self.clear_with_next_play()
            self.narrate("How wide do dot products spread? Random vectors of width d, entries mean 0, variance 1,",
                         during(FadeIn(question, shift=LEFT * 0.2), 0.0, 0.15), during(FadeIn(caption), 0.0, 0.2),
                         during(FadeIn(panels), 0.15, 0.4),
                         during(LaggedStart(*(AnimationGroup(FadeIn(name), Create(r.axis)) for name, r in zip(names, self.spread_rows)),
                                            lag_ratio=0.2), 0.2, 0.6),
                         during(FadeIn(ticks), 0.45, 0.6), during(FadeIn(kind, shift=LEFT * 0.2), 0.6, 0.85), run_time=3.0)
            self.narrate("and the dot products of many pairs of them.",
                         LaggedStart(*(r.grown() for r in self.spread_rows), lag_ratio=0.4), run_time=2.4)
        else:
            entries, products, total, dropped, one_tick = worked_pair
            # the pair's width said over it (r17: d = 4 was never written beside the pair)
            # (r20: a hard cut from our scores to random vectors: our width named as the row's name will be, "d = 4
            # (our width)", a chip carried onto that row's name as the axes come)
            chip = VGroup(label(f"d = {spreads[0].d}", th, size=STRIP_NAME_SIZE, color=th.focus),
                          label("(our width)", th, size=SMALLEST_TEXT + 2)).arrange(RIGHT, buff=0.15, aligned_edge=DOWN)
            pair_name = VGroup(label("one pair,", th, size=STRIP_NAME_SIZE, color=th.muted), chip).arrange(RIGHT, buff=0.2)
            # (on one baseline: the bottoms of "o", "d" and "o" of "(our")
            chip[1].shift(UP * (chip[0][0].get_bottom()[1] - chip[1][1].get_bottom()[1]))
            chip.shift(UP * (pair_name[0][0].get_bottom()[1] - chip[0][0].get_bottom()[1]))
            pair_name.next_to(entries, UP, buff=0.35).align_to(VGroup(entries, products), LEFT)
            # the kind of random said over the pair, left-aligned with it (r20: centred in the caption's line it
            # floated, aligned with nothing); it takes its place in the caption line as the many pairs come
            kind_spot = kind[1].get_center()
            kind[1].next_to(pair_name, UP, buff=0.25).align_to(pair_name, LEFT)
            # every panel's axis first only as wide as our width's dot products reach (r19: on the ±80 axis its
            # histogram was a 3 px spike, and where 1.16 fell could not be seen): the same marks, only the shared
            # numbers under the last panel say ±8; they widen to ±80 as the wider widths come
            narrow = next((limit // k for k in (10, 8, 5, 4, 2) if limit % (2 * k) == 0
                           and limit // k >= float(np.abs(spreads[0].samples).max())), limit)
            zero = first.axis.n2p(0)
            first.bars.stretch(limit / narrow, 0, about_point=zero)
            for mark in (dropped, one_tick):
                mark.shift(RIGHT * (mark.get_x() - zero[0]) * (limit / narrow - 1))
            narrow_axis = NumberLine(x_range=[-narrow, narrow, narrow // 2], length=last_axis.get_length()).move_to(last_axis)
            narrow_ticks = axis_ticks(narrow_axis, (-narrow, -(narrow // 2), 0, narrow // 2, narrow), th)
            # (r33: a and b filled the top half for ~4 s, the lower half empty) until the products come, a and b
            # with their names stand in the frame's middle; they rise to their places as the products row comes
            settle = max(0.0, VGroup(entries, pair_name, kind[1]).get_center()[1] - (TOP + BOTTOM) / 2)
            VGroup(entries, pair_name, kind[1]).shift(DOWN * settle)
            VGroup(entries, pair_name).shift(RIGHT * config.frame_width)
            # (r38a, r38b: the reason promised at the opening, said to be that reason)
            self.narrate("How wide do dot products spread? Random vectors, entries mean 0, variance 1:",
                         # (r26b: the old picture faded out and the pair faded in after it, two near-blank frames
                         # between) one pan: the matrix and its ledger slide out at the left as the pair slides in
                         # from the right, a frame's width apart (never over each other, never a bare frame)
                         during(Group(*old_picture).animate.shift(LEFT * pan_distance(Group(*old_picture))), 0.0, 0.4),
                         during(VGroup(entries, pair_name).animate.shift(LEFT * config.frame_width), 0.0, 0.4),
                         during(FadeIn(question, shift=LEFT * 0.2), 0.42, 0.56),
                         during(FadeIn(kind[1], shift=LEFT * 0.2), 0.65, 0.88), run_time=3.4)
            self.remove(*old_picture)
            # each column's product under it as its two entries are boxed; their sum; the sum drops onto the
            # axis (its copy made only then: Carry puts it on screen as it begins)
            n_cols = len(products[1])
            entries.shift(UP * settle)  # (the boxes drawn round the entries where they will stand)
            columns = [SurroundingRectangle(VGroup(entries[1][c], entries[2][c], products[1][c]), color=th.focus, buff=0.1)
                       for c in range(n_cols)]
            entries.shift(DOWN * settle)
            self.narrate("Multiply entry by entry, and add:",
                         during(VGroup(entries, pair_name, kind[1]).animate.shift(UP * settle), 0.0, 0.14),
                         during(FadeIn(products[0]), 0.1, 0.22), during(hop_through(columns), 0.14, 0.66),
                         *(during(FadeIn(products[1][c], shift=DOWN * 0.15), 0.14 + (c + 0.3) * 0.52 / n_cols,
                                  0.14 + (c + 0.7) * 0.52 / n_cols)
                           for c in range(n_cols)),
                         during(FadeIn(total), 0.72, 0.88), run_time=2.4)
            # the sum drops onto our width's axis (the sum dropped stays until the bands come: Carry puts it back
            # in the scene as it ends); the pair gone, the three panels come at once, where they stay
            self.narrate("one dot product;",
                         # (straight up at the right of the pair first, then along over the axis: never over its entries)
                         during(Carry(total[-1], dropped, keys=[(0.45, np.array([total[-1].get_x(), dropped.get_y(), 0.0]))]), 0.0, 0.35),
                         # (the sum's own digits gone the moment its copy leaves them, the copy standing exactly on
                         # them until then: never two 1.16 overlapping, not even for a frame)
                         during(FadeOut(total[0]), 0.0, 0.1), during(FadeOut(total[-1]), 0.0, 0.02),
                         # the finished pair fades where it stands, at full size, as the sum rises at its right
                         # (r27f: it faded as the sum came along over it, under the new "d = 4" and "1.16")
                         during(FadeOut(VGroup(entries, products, pair_name[0])), 0.0, 0.16),
                         # our width's chip becomes its row's name (the same words, restacked at the axis's left)
                         # (the kind of random first to its place in the caption line, where nothing is yet: never
                         # over the chip on its way, nor over the row's name)
                         # (r27b: in the second example it rose past the sum as the sum came along: up first, before it comes)
                         during(kind[1].animate.move_to(kind_spot), 0.06, 0.22),
                         during(ReplacementTransform(chip[0], names[0][0]), 0.5, 0.85),
                         # (r27b: the 1.16 coming to rest beside it printed over its ")") "(our width)" gone before the
                         # sum comes along the line; it comes back under "d = 4" as the row's name
                         during(FadeOut(chip[1]), 0.05, 0.16), during(FadeIn(names[0][1]), 0.75, 0.95),
                         # the panels, their names and their axes all at once, once the pair is off them
                         # (r27f: straight after the pair, so the frame is never near-blank between them)
                         during(FadeIn(panels), 0.08, 0.28),
                         during(FadeIn(VGroup(*names[1:])), 0.2, 0.45),
                         during(AnimationGroup(*(Create(r.axis) for r in self.spread_rows), Create(one_tick)), 0.2, 0.5),
                         during(FadeIn(narrow_ticks), 0.35, 0.6), run_time=1.6)
            # then many: our width's bars rise round it (the many pairs counted in the caption as they come)
            self.narrate("then many.", during(FadeIn(VGroup(caption, kind[0])), 0.0, 0.3), during(first.grown(), 0.1, 0.9),
                         run_time=1.4)
            # the shared axis's numbers widen to ±80 where they stand (our width's bars close in, the sum's tick
            # with them) as the wider widths' bars rise in their panels; then the sum dropped goes
            squeeze = narrow / limit
            arrivals = [during(first.bars.animate.stretch(squeeze, 0, about_point=zero), 0.0, 0.25),
                        # (moved, read there a moment, then gone: one Succession, as a FadeOut alongside would
                        # start from where the mark stood)
                        *(during(Succession(mark.animate(run_time=0.25).shift(RIGHT * (mark.get_x() - zero[0]) * (squeeze - 1)),
                                            FadeOut(mark, run_time=0.3, rate_func=lambda t: max(0.0, t - 0.67) / 0.33)), 0.0, 0.55)
                          for mark in (dropped, one_tick)),
                        # (r25: one thing at a time) our width's bars close in as the numbers change under them,
                        # then the wider widths' bars rise
                        *retick_squeezed(narrow_ticks, ticks, float(zero[0]), squeeze, 0.0, 0.25),
                        during(LaggedStart(*(r.grown() for r in others), lag_ratio=0.5), 0.27, 0.5)]
        root_like = all(is_about(sp.spread, scale_factor(sp.d)) for sp in spreads)
        # each band opens from 0 out to ±spread as its width is written beside it; the band is named
        # in the caption as the first one opens (over a band it read as a label of the gap between rows)
        for r in self.spread_rows:
            r.band.generate_target()
            r.band.stretch(0.02, 0, about_point=r.axis.n2p(0)).set_stroke(opacity=0)
        # (with the worked pair, the wider rows come first in this cue: the bands after them)
        opens = 0.5 if arrivals else 0.0
        # (r25: the axis went from ±8 to ±80 with nothing said) said, and written where "zoom ×20" comes later
        out_tag = None
        # (our width's axis as wide as the shared one: nothing zooms out, nothing is said of it)
        zoomed_out = bool(arrivals) and narrow < limit
        if zoomed_out:
            # (r27b: "zoom ×20" after "zoom ÷10" read as ×20 from the first axis) each zoom named by the axis's
            # reach before and after
            out_tag = label(f"±{narrow} → ±{limit}", th, size=STRIP_NAME_SIZE, color=th.focus)
            out_tag.match_y(ticks).align_to([ticks[0].get_left()[0] - ZOOM_GAP, 0, 0], RIGHT)
            fit_tag(out_tag)
            out_tag = boxed_tag(out_tag, th)
            arrivals.append(during(FadeIn(out_tag, shift=RIGHT * 0.2), 0.0, 0.1))
        self.narrate(f"Zoomed out {shortest(limit / narrow, 1, least=0)} times: wider vectors spread wider:"
                     if zoomed_out else "The wider the vectors, the wider the spread:",
                     *arrivals,
                     during(FadeIn(headers[0]), opens + 0.12 * (1 - opens), opens + 0.5 * (1 - opens)),
                     during(LaggedStart(*(AnimationGroup(MoveToTarget(r.band), FadeIn(v))
                                          for r, v in zip(self.spread_rows, self.spread_values)), lag_ratio=0.5), opens, 1.0),
                     during(FadeIn(band_name), opens + 0.2 * (1 - opens), opens + 0.45 * (1 - opens)),
                     run_time=2.6 / (1 - opens / 1.6))
        pairs = [VGroup(v, r) for v, r in zip(self.spread_values, roots)]
        # every width's pair boxed in turn, and kept boxed until the division: all three compared
        pair_boxes = [SurroundingRectangle(pair, color=th.key, buff=0.12) for pair in pairs]
        # (r26b: √d was only observed) the reason said with it, in one line under the caption, left of the
        # headers: one product a×b has variance about 1 (measured on these samples: story.variance_parts), d of
        # them add up to variance d, so the spread is √d
        parts = variance_parts(spreads)
        reason = None
        legend = None
        if root_like and parts.adds_up and is_about(parts.product, 1.0):
            # (r27b: a small caption among the definition, legend and headings) a centred worked line, the focus
            # while it is said, in the caption's row: the caption (said) goes as it comes, the bracket's key
            # moves to the headings' row at its left (nothing there)
            # (r27f: partly grey, and finished ahead of its words) in ink, each term as its words are said
            bits = [[("var(a×b) ≈", th.text), (format_number(parts.product), th.key)],
                    [("→", th.text), ("d of them add up", th.text)],
                    [("→", th.text), ("var(a·b) ≈ d", th.text)],
                    [("→", th.text), ("std ≈ √d", th.key)]]
            reason = VGroup(*(VGroup(*(label(t, th, size=REASON_SIZE, color=c) for t, c in bit)).arrange(RIGHT, buff=0.3 if k else 0.18)
                              for k, bit in enumerate(bits))).arrange(RIGHT, buff=0.3)
            for bit in reason:
                for part in bit:
                    part.shift(UP * (text_baseline(reason[0][0]) - text_baseline(part)))
            reason.scale(min(1.0, 2 * (HALF_W - 0.5) / reason.width)).move_to([0, caption.get_y(), 0])
            reason.shift(UP * (text_baseline(caption) - text_baseline(reason[0][0])))
            reason.shift(DOWN * REASON_DROP)  # (r30: room under the heading band's question and answer)
            legend = band_name[1:].copy().align_to(caption, LEFT).match_y(headers[0])
        boxing = LaggedStart(*(Succession(FadeIn(r, run_time=0.5), FadeIn(box, run_time=0.4))
                               for r, box in zip(roots, pair_boxes)), lag_ratio=0.45)
        if reason is None:
            self.narrate("their standard deviation is about √d." if root_like else "their standard deviation grows with d.",
                         FadeIn(headers[1]), boxing, run_time=2.6)
        else:
            # (r27f: the whole line was written by the middle of one long sentence, then held) one sentence a
            # term: the observation, then each step of the reason with its term
            # (stretched over the speech: each term at about its words' share of the sentence)
            self.narrate("their standard deviation is about √d: each a×b has variance about 1,",
                         during(FadeIn(headers[1]), 0.0, 0.07), during(boxing, 0.0, 0.45),
                         # (r36a: the legend went with the caption line and came back at the left: a flicker) it
                         # glides from the caption line to its place as the rest of that line goes
                         during(FadeOut(VGroup(caption, kind, band_name[0])), 0.0, 0.07),
                         during(ReplacementTransform(VGroup(*band_name[1:]), legend), 0.06, 0.22),
                         during(FadeIn(reason[0], shift=RIGHT * 0.15), 0.62, 0.78), through=True, run_time=4.0)
            # (r38a: the line assumed what std is and that variances add) the two facts it uses, said with its
            # terms (r39b: written too, as a muted note in the legend's row, it crowded the line into one run)
            self.narrate("Independent variances add up to about d; std, its square root, is √d.",
                         during(FadeIn(reason[1], shift=RIGHT * 0.15), 0.02, 0.16),
                         during(FadeIn(reason[2], shift=RIGHT * 0.15), 0.3, 0.46),
                         during(FadeIn(reason[3], shift=RIGHT * 0.15), 0.62, 0.78), through=True, run_time=3.6)
        # (r31: the d = 512 dots piled on the histogram read as no row) why an equal spread matters comes after the
        # division, as a row of real score cells of its own (self.lead_row)
        lead, written_row = self.wide_row() if len(spreads) > 1 else (None, None)

        # every row's division worked on its row, in its panel, where it checks as written (r18: only the middle
        # width's was): "7.7 ÷ 8.0 = 0.96", its "÷" and "=" coming between the columns that stay where they are;
        # a row whose division does not check as written gets its quotient alone, under the same header
        signs = VGroup(*(VGroup(label("÷", th, size=STRIP_NUMBER_SIZE).move_to([div_x, v.get_y(), 0]),
                                label("=", th, size=STRIP_NUMBER_SIZE, color=th.key).move_to([eq_x, v.get_y(), 0]))
                         for sp, v in zip(spreads, self.spread_values)
                         if quotient_as_written(sp.spread, scale_factor(sp.d), sp.scaled_spread, 1, 2)))
        # two beats, each with its words (r20: divided and zoomed in one move, our width's histogram grew ~10x
        # WIDER while "divide" was said): first each row squeezed by its own √d (its √d boxed beside it until
        # then) on the same ±80 axis, every width shrinking to the same narrow spike, as its quotient is written;
        # then the axis zoomed in, named on it ("zoom ×20" at its numbers' left): the same shapes
        zoomed_axes = [NumberLine(x_range=[-zoom, zoom, 1], length=axis_right - AXIS_LEFT, color=th.muted, stroke_width=2,
                                  include_tip=False, tick_size=0.06).move_to(r.axis) for r in self.spread_rows]
        zoomed_ticks = axis_ticks(zoomed_axes[-1], (-zoom, -(zoom // 2), 0, zoom // 2, zoom), th)
        self.narrate("Divide each by its √d,",
                     *(during(FadeOut(box), 0.0, 0.15) for box in pair_boxes),
                     *([] if out_tag is None else [during(FadeOut(out_tag), 0.0, 0.15)]),
                     during(FadeIn(signs), 0.05, 0.25),
                     *(during(anim, 0.25, 0.9) for r in self.spread_rows for anim in r.stretched(1 / scale_factor(r.spread.d))),
                     # (r30b: three stacked lines of small text over the headers) the reason, said, leaves
                     *([] if reason is None else [during(FadeOut(reason), 0.0, 0.15)]),
                     during(FadeIn(headers[2]), 0.3, 0.5),
                     during(LaggedStart(*(FadeIn(v, shift=RIGHT * 0.15) for v in scaled_values), lag_ratio=0.3), 0.35, 0.75),
                     run_time=3.0)
        # the zoom's factor at the left of the axis's numbers, in the names' column (clear of every number:
        # r23 read it at the numbers' right as a label of the last row's 1.01)
        factor = limit / zoom
        zoom_tag = label(f"±{limit} → ±{zoom}", th, size=STRIP_NAME_SIZE, color=th.focus)
        zoom_tag.match_y(zoomed_ticks).align_to([zoomed_ticks[0].get_left()[0] - ZOOM_GAP, 0, 0], RIGHT)
        fit_tag(zoom_tag)
        zoom_tag = boxed_tag(zoom_tag, th)
        # (r27b: in before the old numbers went it read "±80 → ±4 −80") in as the new numbers come
        zooming = [during(FadeIn(zoom_tag, shift=RIGHT * 0.2), 0.28, 0.42),
                   *(during(anim, 0.1, 0.45) for r in self.spread_rows for anim in r.stretched(factor)),
                   # (the axes' ticks stand where they stood: ±80 in steps of 20 and ±4 in steps of 1 are the same
                   # marks, only their numbers change)
                   *(during(FadeOut(r.axis), 0.1, 0.25) for r in self.spread_rows),
                   *(during(FadeIn(a), 0.15, 0.3) for a in zoomed_axes),
                   *retick(ticks, zoomed_ticks, 0.2, 0.36)]
        for row, axis in zip(self.spread_rows, zoomed_axes):
            row.axis = axis
        # (r35: "√d: the same spread at any width" in the question's place showed for under a second) the question
        # stays until the row of scores comes, and fades where it stands then (self.question, in lead_row)
        self.narrate("and every width: one spread, about 1.", *zooming,
                     # (r30: each quotient boxed on its own: one box down the column held the gap line's 0.40 too)
                     during(hop_through([VGroup(*(SurroundingRectangle(v, color=th.key, buff=COLUMN_BOX_BUFF) for v in scaled_values))],
                                        keep_last=False), 0.5, 0.9),
                     run_time=3.2)
        self.raw_values, self.spread_values = self.spread_values, scaled_values
        if written_row is not None:
            self.lead_row(lead, written_row, spreads)

    def lead_row(self, lead, row_text, spreads) -> None:
        """Why an equal spread matters, with what is taught so far (r34: softmax's weights were drawn here before
        softmax was taught): five of the widest width's dot products as one row of score cells, the top one's
        lead over the next bracketed over the two cells; the row divided by √d into a row of its own under it,
        one division written out (story.scaling_row_written: every quotient checks as written); the two leads
        each against its row's spread, the same share both ways (story.scaling_gap_against_spread): dividing
        changes the size, to about 1 at any width, not the lead in spreads; and a promise of what the next step
        makes of a lead, with no number of it (story.row_lead: said only where the undivided lead would take
        nearly all)."""
        th = self.theme
        spread = spreads[-1]
        values = np.asarray(spread.samples[:len(lead.scores)], dtype=float)
        n = len(values)
        kw = dict(value_scale=float(np.abs(values).max()), cell_w=LEAD_CELL_W, cell_h=LEAD_CELL_H,
                  number_size=LEAD_NUMBER_SIZE, trim_zeros=False)
        # (not self.grid: these are core.dot_product_spread's samples, not a sentence's trace; checked below against
        # story.scaling_row_written, as written)
        before = MatrixGrid(values, th, name=f"dot_product_spread({lead.d}).samples[:{n}]", decimals=2, **kw)
        after = MatrixGrid(np.asarray(spread.scaled[:n], dtype=float), th,
                           name=f"dot_product_spread({lead.d}).scaled[:{n}]", decimals=3, **kw)
        if [m.text for m in before.numbers] != [t.replace(" ", "") for t in row_text.cells] or \
                [m.text for m in after.numbers] != [t.replace(" ", "") for t in row_text.quotients]:
            return
        self.lead_grids = (before, after)
        scale = scaling_gap_against_spread(row_text, spread)
        # the step between the two rows, at their left (r33: "÷ 22.627" under "99.98 %" read as its divisor): "÷ √512"
        # over "= 22.627", an arrow down from the upper row's level to the lower's beside it; the copies going down
        # from each cell to the cell under it never cross it
        step = VGroup(label(f"÷ √{lead.d}", th, size=LEAD_STEP_SIZE, color=th.focus),
                      label(f"= {row_text.root}", th, size=LEAD_STEP_SIZE, color=th.focus)).arrange(DOWN, buff=0.14,
                                                                                                   aligned_edge=LEFT)
        arrow = Arrow(UP * (LEAD_ROW_YS[0] - LEAD_ROW_YS[1] - LEAD_CELL_H) / 2, DOWN * (LEAD_ROW_YS[0] - LEAD_ROW_YS[1] - LEAD_CELL_H) / 2,
                      buff=0, color=th.focus, stroke_width=5, max_tip_length_to_length_ratio=0.2)
        step_parts = VGroup(step, arrow).arrange(RIGHT, buff=0.12)
        rows_left = -HALF_W + LEAD_MARGIN + step_parts.width + LEAD_STEP_GAP
        room = HALF_W - LEAD_MARGIN - rows_left
        if before.width > room:  # (a row wider than the room at the step's right: both rows shrink alike)
            fit = room / before.width  # (taken once: scaling the first row changes its width)
            for grid in (before, after):
                grid.scale(fit)
        # the rows large, one under the other, filling the height from under the heading to the worked line
        before.move_to([rows_left + before.width / 2, LEAD_ROW_YS[0], 0])
        after.move_to([rows_left + after.width / 2, LEAD_ROW_YS[1], 0])
        step_parts.move_to([0, (before.get_bottom()[1] + after.get_top()[1]) / 2, 0]).align_to([rows_left - LEAD_STEP_GAP, 0, 0], RIGHT)
        # the row's name in the heading band at its right (where the question and its answer stood)
        name = label(f"{n} random d = {lead.d} dot products", th, size=LEAD_TEXT_SIZE,
                     color=th.muted).match_y(self.heading).align_to([HALF_W - 0.4, 0, 0], RIGHT)

        def bracketed(grid, text, note_text):
            """The lead bracketed over its two cells of `grid`: from the next one's middle to the top one's, its
            ends turned down, "gap <text>" over it; and the lead in spreads at its right (shown later)."""
            x1, x2 = grid.cell(0, lead.second)[0].get_x(), grid.cell(0, lead.top)[0].get_x()
            y0 = grid.get_top()[1] + 0.1
            line = VMobject(stroke_color=th.focus, stroke_width=5).set_points_as_corners(
                [[x1, y0, 0], [x1, y0 + 0.18, 0], [x2, y0 + 0.18, 0], [x2, y0, 0]])
            words = VGroup(label("gap", th, size=LEAD_TEXT_SIZE, color=th.focus),
                           label(text, th, size=LEAD_TEXT_SIZE + 4, color=th.focus)).arrange(RIGHT, buff=0.18)
            words[0].shift(UP * (text_baseline(words[1]) - text_baseline(words[0])))
            words.next_to(line, UP, buff=0.12).set_x((x1 + x2) / 2)
            note = label(note_text, th, size=LEAD_TEXT_SIZE, color=th.text).next_to(words, RIGHT, buff=0.35)
            note.shift(UP * (text_baseline(words[1]) - text_baseline(note)))
            return line, words, note
        # each gap beside its own row's spread (r34a, r34d: "0.396 < 1 spread" against "8.96" read as a contrast,
        # though 8.96 is under one undivided spread too)
        # ("typical": the width's spread, the strip's 400 pairs', not these five numbers' own, r35a)
        bracket, gap, note = bracketed(before, row_text.gap, f"typical spread {scale.spread}" if scale else "")
        scaled_bracket, scaled_gap, scaled_note = bracketed(after, row_text.scaled_gap,
                                                            f"typical spread {scale.scaled_spread}" if scale else "")
        # one division written out under the lower row as it happens (the top cell's: the one the gap is about)
        top = lead.top
        worked = VGroup(label(row_text.cells[top], th, size=LEAD_WORKED_SIZE),
                        label(f"÷ {row_text.root} =", th, size=LEAD_WORKED_SIZE),
                        label(row_text.quotients[top], th, size=LEAD_WORKED_SIZE, color=th.focus)).arrange(RIGHT, buff=0.22)
        worked.next_to(after.rects, DOWN, buff=LEAD_WORKED_BUFF).set_x(after.get_x())
        self.lead_texts = (step, worked, (note, scaled_note) if scale else ())
        self.lead_gap_words = (gap, scaled_gap)
        # (r40a, r40b: "the same share" was said, never written) the two shares written out where the worked division
        # stood, once it is read: story.scaling_gap_against_spread's share, the same both ways as written
        share_line = None
        if scale is not None:
            # (on one line it was shrunk to ~0.7 of the worked line's size) the two divisions one over the other,
            # their equal shares right-aligned, under the lower row where its ratio comes later (it goes before that)
            shares = VGroup(label(f"{row_text.gap} ÷ {scale.spread} ≈ {scale.share}", th, size=LEAD_TEXT_SIZE),
                            label(f"{row_text.scaled_gap} ÷ {scale.scaled_spread} ≈ {scale.share}", th,
                                  size=LEAD_TEXT_SIZE)).arrange(DOWN, buff=0.14, aligned_edge=RIGHT)
            share_line = VGroup(label("same share:", th, size=LEAD_TEXT_SIZE, color=th.muted), shares).arrange(RIGHT, buff=0.3)
            share_line[0].match_y(shares[0])
            share_line.next_to(after.rects, DOWN, buff=0.16).set_x(after.get_x())
            if share_line.get_bottom()[1] < BOTTOM:  # (clear of the subtitles' band: smaller, never under the floor)
                share_line.scale(max(SMALLEST_TEXT / LEAD_TEXT_SIZE,
                                     (after.rects.get_bottom()[1] - 0.16 - BOTTOM) / share_line.height), about_edge=UP)
        self.share_line = share_line
        # (r36: the rule was said at the opening and shown on the d = 4 pair: here it is not restated, only confirmed:
        # under each row its own e^gap, as written (story.lead_ratio), and its verdict)
        ratio_labels = None
        ratios = [lead_ratio(row_text.gap, n), lead_ratio(row_text.scaled_gap, n)]
        if None not in ratios:
            ratio_labels = []
            for grid, ratio in zip((before, after), ratios):
                figure = ratio_figure(ratio, th)
                verdict = label(ratio.verdict, th, size=RATIO_SIZE - 2, color=th.text)
                verdict.next_to(figure, RIGHT, buff=0.4)
                verdict.shift(UP * (text_baseline(figure[0][0]) - text_baseline(verdict)))
                line = VGroup(figure, verdict)
                # under the row, from under the gap's left cell; its top this far under the row's cells
                line.align_to([grid.cell(0, min(lead.top, lead.second))[0].get_left()[0] + 0.1, 0, 0], LEFT)
                line.next_to(grid.rects, DOWN, buff=0.18, coor_mask=np.array([0, 1, 0]))
                if line.get_right()[0] > HALF_W - 0.3:
                    line.shift(LEFT * (line.get_right()[0] - (HALF_W - 0.3)))
                ratio_labels.append(line)
            self.lead_ratios = (ratios, ratio_labels)
        # what the red cell means, where red is first drawn in the chapter (r35: never explained): a swatch and
        # "negative" at the left of the undivided row, where nothing else stands
        negative = next((c for c in range(n) if values[c] < 0), None)
        sign_key = None
        if negative is not None:
            swatch = Rectangle(width=0.38, height=0.38, stroke_color=th.grid, stroke_width=1.2).set_fill(
                *th.value_fill(float(values[negative]), float(np.abs(values).max())))
            sign_key = VGroup(swatch, label("negative", th, size=STRIP_NAME_SIZE, color=th.muted)).arrange(RIGHT, buff=0.15)
            sign_key.move_to([0, before.get_y(), 0]).align_to([before.get_left()[0] - LEAD_STEP_GAP, 0, 0], RIGHT)
            if sign_key.get_left()[0] < -HALF_W + 0.3:
                sign_key = None
        self.lead_sign_key = sign_key
        # (a pan, as into the worked pair: the spreads slide out at the left as the row slides in from the right)
        # (the heading band's question fades where it stands: sliding, it crossed the heading)
        question = self.question
        old = [m for m in self.mobjects if m is not self.heading and m is not question]
        # (r33: sliding in from a frame's width away it came in cut by the frame's edge) in from just right of
        # its place, faded in as it slides, as the old picture is nearly gone
        # (r42b: it came in small in the frame's middle, then rose; and it faded in over the panels sliding away)
        # one pan: the row, large, rides in a fixed distance behind the spreads, at their speed, to its own place
        distance = pan_distance(Group(*old))
        before.shift(RIGHT * distance)
        self.narrate(f"{n} dot products at d = {lead.d}: the top leads by {row_text.gap}.",
                     during(Group(*old).animate.shift(LEFT * distance), 0.0, 0.3),
                     during(before.animate.shift(LEFT * distance), 0.0, 0.3),
                     during(FadeIn(name, shift=LEFT * 0.3), 0.3, 0.45),
                     during(FadeOut(question), 0.0, 0.12),
                     during(Create(bracket), 0.62, 0.74), during(FadeIn(gap, shift=UP * 0.1), 0.7, 0.86),
                     run_time=4.0, through=True)
        self.remove(*old)
        # divided into a row of its own under it: a box stands on each cell in turn, and a copy of the cell goes
        # straight down to its place in the row below (nothing stands between the rows), becoming its quotient;
        # the top cell's division written out under the rows as its copy lands
        move = (0.2, 0.78)
        pace = (move[1] - move[0]) / max(n - 1, 1)
        risen = before  # (the copies going down start from its cells)
        xs = [float(risen.rects[c].get_x()) for c in range(n)]
        y = float(risen.rects[0].get_y())
        cursor = risen.cell_box(0, 0, th.focus).set_z_index(3)
        downs = []
        for c in range(n):
            # (r33: a TransformFromCopy waiting its turn lay over its cell, doubling its fill) a copy of the cell,
            # drawn only from its turn, goes straight down; where it lands the quotient's cell takes its place
            # (the copy's number gone before the quotient's comes: never both readable)
            w0 = move[0] + pace * c
            w1 = w0 + pace * 0.85
            shift = after.rects[c].get_center() - risen.rects[c].get_center()
            rect = risen.rects[c].copy().set_z_index(2)
            number = risen.numbers[c].copy().set_z_index(2)
            downs += [Travel(rect, [(w0, rect.get_center()), (w1, rect.get_center() + shift)],
                             appear=(w0, w0 + 0.002), leave=(w1, w1 + 0.03)),
                      # (r33: the copy's number over its source read doubled) it shows only once it is clear of
                      # its cell (about halfway down: the rows are two cells apart)
                      Travel(number, [(w0, number.get_center()), (w1, number.get_center() + shift)],
                             appear=(w0 + 0.45 * pace, w0 + 0.55 * pace), leave=(w1 - 0.02, w1 - 0.002)),
                      Vanish(after, back=(w1 - 0.01, w1 + 0.03), parts=[after.rects[c]]),
                      Vanish(after, back=(w1 - 0.002, w1 + 0.022), parts=[after.numbers[c]])]
        landed = move[0] + pace * top + pace * 0.85
        self.narrate(f"Divided by {row_text.root}: {row_text.cells[top]} becomes {row_text.quotients[top]}.",
                     during(FadeIn(step_parts, shift=DOWN * 0.1), 0.1, 0.2),
                     *([] if sign_key is None else [during(FadeIn(sign_key), 0.16, 0.26)]),
                     sweep_head(cursor, [xs[0], y, 0], [xs[-1], y, 0], appear=(0.15, 0.2), move=move,
                                leave=(move[1] + 0.03, move[1] + 0.08), stops=n),
                     *downs,
                     during(FadeIn(worked[0], shift=RIGHT * 0.1), landed - 0.12, landed - 0.04),
                     during(FadeIn(worked[1], shift=RIGHT * 0.1), landed - 0.06, landed + 0.02),
                     during(FadeIn(worked[2], shift=RIGHT * 0.1), landed, landed + 0.08),
                     run_time=3.0, through=True)
        # the divided lead, bracketed over its cells, and each lead against its width's typical spread (the strip's:
        # the same share both ways, where that checks); then the reason the size matters after all (r35: "scaling
        # looks cosmetic"): one fact about the next step, said as such, and what it makes of each gap as written
        # (story.lead_ratio): e^gap, the ratio of the two words' weights, under each row
        if ratio_labels is None:  # (None where either gap has no ratio to write: story.lead_ratio)
            # (no ratio to write: the share alone, and the lead divided)
            if scale is not None:
                self.narrate(f"Now {row_text.scaled_gap} against a typical spread of {scale.scaled_spread}; "
                             f"before, {row_text.gap} against {scale.spread}: the same share.",
                             during(Create(scaled_bracket), 0.0, 0.1), during(FadeIn(scaled_gap, shift=UP * 0.1), 0.05, 0.2),
                             during(FadeIn(scaled_note, shift=LEFT * 0.1), 0.2, 0.35),
                             during(Indicate(gap, color=th.focus, scale_factor=1.1), 0.55, 0.75),
                             during(FadeIn(note, shift=LEFT * 0.1), 0.7, 0.85), run_time=3.6, through=True)
            else:
                self.narrate(f"Now the lead is {row_text.scaled_gap}.",
                             during(Create(scaled_bracket), 0.0, 0.2), during(FadeIn(scaled_gap, shift=UP * 0.1), 0.1, 0.4),
                             run_time=2.0)
            return
        # (r36a: "Same share of each spread" was said before the two "typical spread" labels were up) the lead
        # divided, then both spreads, and the share said once they stand
        if scale is not None:
            self.narrate(f"Now the lead is {row_text.scaled_gap}: against each typical spread, the same share.",
                         during(Create(scaled_bracket), 0.0, 0.1), during(FadeIn(scaled_gap, shift=UP * 0.1), 0.05, 0.18),
                         during(FadeIn(scaled_note, shift=LEFT * 0.1), 0.22, 0.36),
                         during(FadeIn(note, shift=LEFT * 0.1), 0.38, 0.52),
                         during(FadeOut(worked), 0.45, 0.52), during(FadeIn(share_line, shift=UP * 0.1), 0.52, 0.64),
                         run_time=3.5, through=True)
        else:
            self.narrate(f"Now the lead is {row_text.scaled_gap}.",
                         during(Create(scaled_bracket), 0.0, 0.2), during(FadeIn(scaled_gap, shift=UP * 0.1), 0.1, 0.4),
                         run_time=2.0)
        high, low = ratios
        # the worked division read, and the row's name used (r36a: six captions crowded the frame), both go as the
        # ratios come: the e^gap reminder is in each ratio's own figure
        self.narrate(f"Undivided, {high.ratio} to 1: {lead_said(high)}; divided, {low.ratio} to 1: {lead_said(low)}.",
                     # (the worked division gone with the shares' coming, where they are written: a second FadeOut
                     # would bring it back for a moment)
                     *([during(FadeOut(worked), 0.0, 0.08)] if scale is None else []), during(FadeOut(name), 0.0, 0.08),
                     # (the shares stay read until the lower row's ratio takes their place)
                     *([] if scale is None else [during(FadeOut(share_line), 0.44, 0.52)]),
                     during(Indicate(gap, scale_factor=1.1, color=th.focus), 0.04, 0.16),
                     during(FadeIn(ratio_labels[0][0], shift=DOWN * 0.1), 0.08, 0.2),
                     during(FadeIn(ratio_labels[0][1], shift=LEFT * 0.1), 0.3, 0.4),
                     during(Indicate(scaled_gap, scale_factor=1.1, color=th.focus), 0.5, 0.62),
                     during(FadeIn(ratio_labels[1][0], shift=DOWN * 0.1), 0.54, 0.66),
                     during(FadeIn(ratio_labels[1][1], shift=LEFT * 0.1), 0.8, 0.9), run_time=5.0, through=True)
