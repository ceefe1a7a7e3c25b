"""Step 1 — the embedding table: one fixed vector per token; the focus word is ambiguous."""

from __future__ import annotations

import textwrap

import numpy as np
from manim import (
    DL, DOWN, DR, DashedLine, Group, LEFT, RIGHT, UL, UP, UR, AnimationGroup, Create, FadeIn, FadeOut, Indicate, LaggedStart, Line,
    MoveToTarget, ReplacementTransform, Succession, Transform, SurroundingRectangle, UpdateFromAlphaFunc, VGroup, VMobject, Write, config,
    linear, there_and_back,
)

from attention_math.formatting import format_number
from attention_math.geometry import embedding_plane, near_zero, points_along, sentence_words
from attention_math.story import all_shorter, is_ambiguous, shows_negative
from scenes.base import ExplainerScene
from scenes.components import (
    BAND_GAP, CELL_H, CELL_W, NUMBER_SIZE, SMALLEST_TEXT, ColourLegend, baseline_label, fit_to_frame, label, note,
    text_baseline,
)
from scenes.geometry import (
    SUBTITLE_TOP, box_of, boxes_overlap, nearest_point, plane_in_region, segment_crosses, word_colors,
)
from scenes.motion import Carry, blink, during, hop_through
from scenes.staging import fit_region, regrow_column_labels

LOWEST = SUBTITLE_TOP + BAND_GAP  # nothing of this scene goes lower: the band below is the subtitles'
TABLE_SHARE = 0.40  # of the frame's width, from its left edge: the table beside the plot
PLOT_LEFT = -config.frame_width / 2 + 0.43 * config.frame_width  # the plot takes the rest, to the right
READABLE = 18  # the least font size of a number on screen
WORD_ARROW_WIDTH = 7  # the axes are thin lines: a word's arrow along one still reads as an arrow
BESIDE_ARROW_WIDTH = 12  # a short arrow on a longer one's line (drawn on it, over it): (r29r: at 4, thinner than
# the longer one, friends read as part of cat's shaft) thicker, its own colour wrapping the longer one's base
CAPTION_LINE = 20  # characters per line of a sentence written beside its matrix
SENTENCE_ROWS = 1.3  # the sentences' matrices' rows (and numbers) against the usual cell height
SENTENCE_COLUMNS = 1.25  # and their columns' widest against the usual cell width
DOTS_LABEL = 22  # the one label naming the dots, in the text colour (r20: grey and 20 beside the origin, unread)
PLANE_WORDS = 26  # the plane's words and axis names (r23: at 22, the floor, the smallest text where the eye goes)
TICK_CLEAR = 0.12  # the plane's tick labels this much further out from their axes than drawn
INSET = -0.03  # a column's box inside its column's edges: neighbouring columns' boxes do not overlap
NOT_LOOKED_UP = 0.35  # the opacity of the table's rows the sentence being built does not use
LOOKED_UP_IN = 0.45  # (stacked beside the sentences) the table's words and numbers' opacity while rows fly out of it
# side by side, as read (r14: cells 41 px tall, the bottom 40% of the frame empty): rows 54 px tall
# (0.9), columns 66 px wide, 40 px side margins, the words at sizes of their own (grown with the
# cells, "keyboard" left no room for the columns)
READ_ROW_H, READ_CELL_W, READ_MARGIN, READ_GAP = 0.9, 1.1, 0.67, 0.5
ROW_WORDS, COLUMN_WORDS, CAPTION_SIZE, READ_NUMBERS = 26, 24, 28, 28
# the look-up (r19: three tables side by side, 20 px digits in 65 px cells; r20: one size for the three,
# 33 px rows, the table squashed; r23: built small, stacked, the sentences then grew into the two-up
# layout, a second move): the sentences built where they are read, the table in the other half, cells
# LOOKUP_TABLE_CELL_W × LOOKUP_TABLE_ROW_H at most (117 × 54 px), its numbers and words
# LOOKUP_TABLE_TEXT large at most, its title LOOKUP_TITLE
LOOKUP_TITLE = 30
# (r24: the first sentence faded out and back in while the second was looked up) the table set aside
# beside the second sentence, the first parked in the corner: rows 38 px tall, its title 24
SET_ASIDE_ROW_H, SET_ASIDE_TITLE, SMALLEST_PARKED = 0.42, 24, 0.25
LOOKUP_TABLE_CELL_W, LOOKUP_TABLE_ROW_H, LOOKUP_TABLE_TEXT, LOOKUP_TABLE_DIMS = 1.3, 0.6, 32, 28
# (r25: the table crossed the frame; r26: three across, the numbers filled 86% of their cells, the
# dims' words on two lines, 11 px to the frame's edges)
# (r27) the table on the left, the sentences stacked on the right (_table_left_layout)
STACK_MARGIN, STACK_GAP, STACK_BETWEEN, STACK_CELL_W, STACK_ROW_H = 0.45, 0.8, 0.2, 1.35, 0.62
STACK_ROW_TEXT = 60  # a sentence's text size against its rows' height (in scene units): 0.36 tall, 22
STACK_TEXT, STACK_DIMS, STACK_CAPTION, STACK_FILL, STACK_WORDS_GAP = 26, 24, 26, 0.62, 0.12
# (r28f: "tech grammar mood" 11 px apart, "grammar" wider than its cell, read as one line) spread
# 0.25 (22 px) apart where the words' columns leave room (STACK_WORDS_GAP: the least, else "gram.")
STACK_WORDS_ROOM = 0.25
# (r28f: the sentences read as tables, not matrices) the first sentence's matrix bracketed once built, the
# brackets BRACKET_OUT outside its cells (clear of a row's box), its rows' words BRACKET_ROOM further out
BRACKET_OUT, BRACKET_ROOM = 0.12, 0.12
# (r27b: the sentences' rows 33 px apart with no gap, the focus row's box ran through the digits of
# the rows above and below it, the neighbours' boxes overlapped) a gap between a sentence's rows, the
# first sentence's name on the heading's line (its room given to the rows), no title over the table
# (the heading names it): the callout takes its place at the end
STACK_ROW_GAP = 0.11
# (r31: the sentences' right bracket and "mood" 30 px from the frame's edge) the sentences' cells this much
# further in from the right edge than STACK_MARGIN: their bracket 0.7 (63 px) from it
STACK_RIGHT_EXTRA = 0.4
OPENING_CELLS = 0.8  # the opening table's columns against the usual cell width (r28: narrow, as tall as the stage)
DOT_GROWN = 1.6  # the plane's dots against their usual size
CELL_BOX_STROKE = 6  # (r28: at 3, inside the focus row's box, the two cells did not stand out)
# a named dim's box round the focus word's cell: its stroke inside the cell, clear of the digits
KEY_BESIDE = 0.5  # (the opening) the colour key this far right of the table, at its foot
DROP_NUMBERS = 24  # the numbers at the feet of an arrow's drop-lines (as it lands: its two numbers)
# (r29r) the plot parked under the table through the look-up and to the end: the table's rows this
# tall at most, the plot at least PARKED_PLANE_H tall, dimmed to PARKED_DIM while the rows are looked up
PARKED_ROW_H, PARKED_PLANE_H, PARKED_DIM = 0.38, 1.45, 0.4
ALONG_GHOST = 0.25  # a long arrow's opacity while the short ones along it are named
KEY_LIFT = 0.3  # the key beside the plot this much clear of the subtitle band's edge


def drawn_scale(matrix) -> float:
    """How far a MatrixGrid has been scaled since it was built (its cells' width against the width
    it was built with), so what is added beside it can match."""
    return matrix.rects[0].width / matrix.cell_w


def settle_label(vec, placements, bounds: tuple, others: list, segments: list) -> None:
    """Try `vec`'s word at each place `placements` moves it to (a generator that moves it, then
    yields), keeping the first where it (0.05 padded) lies inside `bounds` (left, bottom, right,
    top), clear of the `others` boxes and of every segment: there its leader goes. Where none is
    clear, the word goes back where it stood (on its leader)."""
    before = vec.label.get_center()
    for _ in placements:
        box = box_of(vec.label, 0.05)
        if (box[0] >= bounds[0] and box[1] >= bounds[1] and box[2] <= bounds[2] and box[3] <= bounds[3]
                and not any(boxes_overlap(box, b) for b in others)
                and not any(segment_crosses(box, start, end) for start, end in segments)):
            if vec.leader is not None:
                vec.remove(vec.leader)
            vec.leader = None
            return
    vec.label.move_to(before)


class EmbeddingsScene(ExplainerScene):
    scene_name = "embeddings"
    chapter = "The embedding table"
    summary = "One fixed vector per token; mouse is both animal and tech"
    steps = ("show_table", "show_plane", "show_sentences", "highlight_focus", "call_out_dims", "conclude")

    def show_table(self):
        ex, th = self.example, self.theme
        tokens = list(ex.embeddings)
        self.heading = self.chapter_title()
        self.table = self.grid(
            [ex.embeddings[t] for t in tokens], "embeddings", row_labels=tokens, col_labels=self._dim_names(),
            value_scale=self.vector_scale, row_label_colors=self.token_colors(tokens), col_label_colors=self.dim_colors(),
            cell_w=CELL_W * OPENING_CELLS,  # (r27: as narrow as usual, the right 22% of the frame stood empty)
        )
        # the key to the colours sits under the table: red only when some value is negative
        self.negatives = shows_negative(self.table.values)
        # ticks as large as the table's numbers: both shrink by the same factor when they move aside
        self.legend = ColourLegend(th, self.vector_scale, negative=self.negatives, size=28)
        # (r28: 55% of the height, the right third empty) alone, the table as tall as the stage, its key
        # beside it at its foot, the two centred together
        # (under it where that leaves the table larger: a wide table, many columns)
        wide = config.frame_width - 2 * 0.5
        beside = min(2.0, (wide - self.legend.width - KEY_BESIDE) / self.table.width, (3.0 - LOWEST) / self.table.height)
        under = min(1.3, wide / self.table.width, (3.0 - LOWEST - self.legend.height - 0.25) / self.table.height)
        self.table.scale(max(beside, under))
        if beside >= under:
            self.legend.next_to(self.table.rects, RIGHT, buff=KEY_BESIDE).align_to(self.table.rects, DOWN)
        else:
            self.legend.next_to(self.table.rects, DOWN, buff=0.25).align_to(self.table.rects, RIGHT)
        VGroup(self.table, self.legend).move_to([0.0, (3.0 + LOWEST) / 2, 0.0])
        # until its key comes, the table alone centred (it makes room for the key as the key comes)
        solo = -self.table.get_center()[0]
        self.table.shift(RIGHT * solo)
        self.play(Write(self.heading), run_time=0.8)
        self.narrate(
            "Each word has one fixed embedding:",
            FadeIn(self.table.rects), LaggedStart(*(FadeIn(r) for r in self.table.row_labels), lag_ratio=0.1),
            LaggedStart(*(FadeIn(n) for n in self.table.numbers), lag_ratio=0.02), run_time=1.5,
        )
        # one word's row boxed, then the dimensions its numbers stand for named one by one
        row = self.table.row_box(0, th.text)
        self.narrate(
            # (r29r: nothing said real dimensions are unnamed) ours are named for teaching
            f"a row of {ex.d} number{'s' if ex.d != 1 else ''}, one per dimension (named here; a real model's are not).",
            # (r32: the names read as coming after "named here") the box drawn briskly, the names coming one by
            # one through "one per dimension (named here"
            Succession(Create(row, run_time=0.5),
                       LaggedStart(*(FadeIn(c, shift=DOWN * 0.1) for c in self.table.col_labels), lag_ratio=0.3, run_time=1.5),
                       FadeOut(row, run_time=0.5)), run_time=2.5,
        )
        self.table.shift(LEFT * solo)  # (the key's boxes are built where the table will be)
        cues = self._colour_key()
        self.table.shift(RIGHT * solo)
        if abs(solo) > 1e-3:  # (before the key fades in where the table stood)
            self.play(self.table.animate.shift(LEFT * solo), run_time=0.5)
        for text, animation, run_time in cues:
            self.narrate(text, animation, run_time=run_time)

    def _colour_key(self) -> list:
        """What the colours mean, in two cues: [(text, animation, run_time)]. First the key appears
        with the signs it holds (an example cell of each sign named and the key's end it matches:
        blue and red only when the table has negative values, blue alone otherwise); then strength:
        the strongest cell beside the key's strong end, the cell nearest 0 beside the key's 0."""
        th, values, cells = self.theme, self.table.values, self.legend.cells

        def pair(index, key_cell):
            """The cell and the key's cell it matches, boxed together (held: a flash is missed)."""
            return VGroup(self.table.cell_box(*index, th.text),
                          SurroundingRectangle(key_cell, color=th.text, buff=0.03, stroke_width=4))

        strongest = np.unravel_index(np.argmax(values), values.shape)
        nearest_zero = np.unravel_index(np.argmin(np.abs(values)), values.shape)
        zero_cell = cells[len(cells) // 2] if self.negatives else cells[0]
        # one pair after the other, in one hop_through (a later part of a Succession is on screen,
        # unfaded, before its turn)
        strength = hop_through([pair(strongest, cells[-1]), pair(nearest_zero, zero_cell)])
        if self.negatives:
            weakest = np.unravel_index(np.argmin(values), values.shape)
            return [("Blue cells are positive, red ones negative:",
                     AnimationGroup(during(FadeIn(self.legend), 0.0, 0.3),
                                    during(hop_through([pair(strongest, cells[-1]), pair(weakest, cells[0])]), 0.3, 1.0)), 3.0),
                    ("the stronger the colour, the further from 0.", strength, 2.0)]
        return [("No value here is negative, so there is only blue:",
                 AnimationGroup(during(FadeIn(self.legend), 0.0, 0.4),
                                during(hop_through([SurroundingRectangle(cells, color=th.text, buff=0.03)]), 0.4, 1.0)), 2.0),
                ("the stronger the colour, the larger the value.", strength, 2.0)]

    def show_plane(self):
        """The table and the plane are two views of the same rows: two columns as coordinates,
        each word an arrow from the origin; highlighting a row highlights its arrow."""
        ex, th = self.example, self.theme
        plane = embedding_plane(ex)
        if plane is None:
            return  # one dimension: no plane to draw
        # in the table's order: the box reading the rows goes down the table, never back up
        words = sorted(sentence_words(ex), key=list(ex.embeddings).index)
        coords = plane.coordinates(np.array([ex.embeddings[w] for w in words]))
        target = self._table_beside_plot(plane.axes)
        self.folded_to = list(plane.axes)  # (until the sentences' step unfolds the table)
        self.plane_axes = list(plane.axes)  # (the sentences' step brings the other columns back in)
        # (inset: two neighbouring columns' boxes side by side, not one stroke over the other)
        columns = VGroup(*(target.column_box(a, self.dim_colors().get(a, th.text), buff=INSET) for a in plane.axes))
        where = (f"two of the {ex.d} columns, {plane.names[0]} and {plane.names[1]}," if not plane.exact
                 else f"the two columns, {plane.names[0]} and {plane.names[1]},")
        self._plot(plane, words, coords)
        self.plane_words, self.plane_coords = words, coords  # (the plot parked under the table keeps some)
        for vec in self.plane.vectors.values():  # a background ring: a dot lying on an arrow stays seen
            if vec.is_dot:  # (and reads as a dot of its own: with a thin ring, are's read as part of mouse's arrow, r20)
                vec.body.scale(DOT_GROWN)  # (r27: 6 px across, lost in the tangle at the origin)
                vec.body.set_stroke(th.background, width=6)
            elif not getattr(vec.body, "along_longer", False):  # a word's arrow thicker than the thin axis it may
                vec.body.set_stroke(width=WORD_ARROW_WIDTH, family=False)  # lie along (cat along animal; friends on it thin)
        self._one_label_for_dots(words, coords)
        # shorter arrows drawn over longer ones: an arrow lying along a longer one (friends on cat's)
        # shows its whole shaft in its own colour, not only its head; dots over all arrows
        arrows = sorted((v for v in self.plane.vectors.values() if not v.is_dot), key=lambda v: -v.body.get_length())
        for rank, vec in enumerate(arrows, start=1):
            vec.set_z_index(rank)
        for vec in self.plane.vectors.values():  # dots over all arrows where they sit on the origin (and's);
            if vec.is_dot:  # (r29r: are's hid mouse's tail) one out on an arrow's line under it: the arrow shows
                # (r30: are's under mouse's arrow read as drawn at the origin) every dot over the arrows, its
                # background ring parting the arrow under it: are's seen at its own (0.10, 0.10)
                vec.set_z_index(len(arrows) + 1)
        # a box on each row in turn while that row's arrow grows: the same numbers, two views (the box
        # hops, never slides: a sliding box's edges strike through the rows it passes)
        # the words said later as shorter arrows or dots are drawn then, as they are named
        said_later = {*self._short_words(words, coords), *self._small_words(words, coords)}
        drawn_now = [w for w in words if w not in said_later]
        rows = [self._table_row(w, target) for w in drawn_now]
        boxes = [SurroundingRectangle(row, color=th.muted, buff=0.06, stroke_width=3) for row in rows]
        # word by word: the box reaches the row first, then that row's arrow grows (each beat as long as
        # the next: a label or a leader line makes a word's own growing longer, the beats stay in step)
        # (r28: "ending at its two numbers" was said over bare arrows) as each arrow lands, dashed lines
        # drop from its tip to both axes, its row's two numbers at their feet; gone before the next word
        beats = [AnimationGroup(during(self.plane.grow([w]), 0.1, 0.5)) for w in drawn_now]
        n_drawn = len(drawn_now)
        self.tick_levels = {}  # (a tick hidden for two words' numbers: one updater, hidden in either window)
        drops = [part for k, w in enumerate(drawn_now)
                 for part in self._drop_lines(w, coords[words.index(w)], ((k + 0.5) / n_drawn, (k + 0.6) / n_drawn),
                                              ((k + 0.8) / n_drawn, (k + 0.9) / n_drawn), 0.08 / n_drawn)]
        drops += self._tick_hiding()
        # as the columns are named: the ones the plot leaves out slide off the table's edge and fade
        # (r24: gone in a quarter second, unseen); then the table and its key move and shrink together
        # (the key lagging behind read as a jump); then each kept column is boxed as its axis is drawn,
        # animal along, tech up (r24: the axes stood drawn and empty for 3 s before any arrow)
        axes = self.plane.axes
        n_x = len(self.plane.x_range.ticks)
        ticks = (VGroup(*self.plane.tick_labels[:n_x]), VGroup(*self.plane.tick_labels[n_x:]))
        drawn_axes = [AnimationGroup(FadeIn(box), Create(axis), FadeIn(VGroup(tick_row, name)))
                      for box, axis, tick_row, name in zip(columns, (axes.x_axis, axes.y_axis), ticks, self.plane.axis_names)]
        self.narrate(f"Read {where} as coordinates.",
                     Succession(AnimationGroup(*(m.animate.set_opacity(0).shift(RIGHT * 0.5) for m in self.folded_away),
                                               run_time=0.8),
                                AnimationGroup(MoveToTarget(self.table), MoveToTarget(self.legend), run_time=1.0),
                                *(AnimationGroup(a, run_time=1.0) for a in drawn_axes)),
                     run_time=3.8)
        # (drawn piece by piece, the plane is one figure again)
        self.remove(*columns, axes.x_axis, axes.y_axis, *ticks, *self.plane.axis_names)
        self.add(self.plane, columns)
        self.caption_over("Each row becomes an arrow from the origin, ending at its two numbers.")
        self.play(hop_through(boxes), Succession(*beats), *drops, run_time=1.6 * len(drawn_now))
        self._describe_plane(words, coords)
        leaving = VGroup(self.plane, columns, *self.plane.vectors.values())
        if len(self.traces) > 1 and self._three_across() is not None:  # (it fades as the table glides to its place)
            self.plane_leaving = leaving
        else:
            self.play(FadeOut(leaving), run_time=0.6)
        self.folded_to = None

    def _drop_lines(self, word, xy, appear: tuple, leave: tuple, aside: float) -> list:
        """Animations (fractions of the group they play in): dashed lines from `word`'s arrow tip
        down to the animal axis and across to the tech axis, each of its two numbers (non-zero) at
        its line's foot where the ticks are, in the word's colour, seen over `appear`..`leave`; a
        tick label the number would print over fades out (over `aside`) before it comes and back
        after it has gone (never both half seen at once). A coordinate of 0 has no line
        (the tip is on that axis) and no number."""
        th, plane = self.theme, self.plane
        vec = plane.vectors[word]
        colour = vec.body.get_color()
        tip = plane.c2p(np.asarray(xy, dtype=float))
        n_x = len(plane.x_range.ticks)
        x_ticks, y_ticks = list(plane.tick_labels[:n_x]), list(plane.tick_labels[n_x:])
        parts, numbers = VGroup(), []
        for axis, value in enumerate(xy):
            if abs(value) < 0.005:
                continue
            foot = plane.c2p(np.array([value, 0.0]) if axis == 0 else np.array([0.0, value]))
            if np.linalg.norm(tip - foot) > 0.12:
                parts.add(DashedLine(tip, foot, dash_length=0.09, stroke_width=2.5, color=colour))
            number = label(format_number(value), th, size=DROP_NUMBERS, color=colour)
            ticks = x_ticks if axis == 0 else y_ticks
            if axis == 0:
                number.move_to([foot[0], ticks[0].get_center()[1] if ticks else foot[1] - 0.35, 0.0])
            else:
                right = ticks[0].get_right()[0] if ticks else foot[0] - 0.15
                number.move_to([right - number.width / 2, foot[1], 0.0])
            parts.add(number)
            numbers.append(number)
        if not len(parts):
            return []
        # (r29r: "1.5 1.80", "1.0 1.30": a tick just beside a number read with it) a tick near one steps aside too
        hidden = [t for t in plane.tick_labels if any(boxes_overlap(box_of(t, 0.15), box_of(n, 0.15)) for n in numbers)]

        def level(alpha: float) -> float:  # the hidden ticks: out before the numbers come, back after they go
            gone, back = appear[0] - aside, leave[1] + aside
            if alpha <= gone or alpha >= back:
                return 1.0
            if alpha < appear[0]:
                return 1.0 - (alpha - gone) / aside
            if alpha <= leave[1]:
                return 0.0
            return (alpha - leave[1]) / aside

        for tick in hidden:
            self.tick_levels.setdefault(id(tick), (tick, []))[1].append(level)
        return [blink(parts, appear, leave)]

    def _tick_hiding(self) -> list:
        """One animation per tick label a drop line's number hides (self.tick_levels): out while any
        of the numbers near it is shown (two updaters on one tick, the later undid the other's hiding)."""
        def hiding(tick, levels):
            full = tick.get_fill_opacity()
            return UpdateFromAlphaFunc(tick, lambda m, a: m.set_fill(opacity=full * min(f(a) for f in levels)),
                                       rate_func=linear)

        return [hiding(tick, levels) for tick, levels in getattr(self, "tick_levels", {}).values()]

    def _named_along(self, words, coords) -> list:
        """Indices of the words pointing along an axis, the focus word excepted (one per axis)."""
        focus = [k for k, w in enumerate(words) if w == self.example.focus]
        return [k for k in (points_along(coords, axis, exclude=focus) for axis in (0, 1)) if k is not None]

    def _short_words(self, words, coords) -> list:
        """The words to be said to be shorter arrows: neither along an axis, the focus word nor a
        dot, each shorter than every word along an axis (only said of at most 3). Empty otherwise."""
        named_at = self._named_along(words, coords)
        small = self._small_words(words, coords)
        short = [k for k, w in enumerate(words) if k not in named_at and w != self.example.focus and w not in small]
        return [words[k] for k in short] if all_shorter(coords, short, named_at) and len(short) <= 3 else []

    @staticmethod
    def _small_words(words, coords) -> list:
        """The words with almost nothing in the plane: drawn as dots."""
        return [w for w, tiny in zip(words, near_zero(coords)) if tiny]

    def _keep_labels_clear(self, coords):
        """Before the words are placed: their labels keep off the axes and the arrows (the line and
        a margin each side; an arrow all but its last stretch, where its own label goes), well away
        from the tick labels and off a y tick's line, so no word reads as part of a tick or sits on a line."""
        placer, origin = self.plane.placer(), self.plane.origin
        for axis in (self.plane.axes.x_axis, self.plane.axes.y_axis):
            placer.avoid_strip(axis.get_start(), axis.get_end())
        for xy, tiny in zip(coords, near_zero(coords)):
            if not tiny:
                placer.avoid_strip(origin, origin + 0.85 * (self.plane.c2p(xy) - origin))
        axis_x, axis_y = origin[0], origin[1]
        for tick in self.plane.tick_labels:
            placer.avoid_box(tick, pad=0.2)
            if tick.get_right()[0] < axis_x:  # a y tick's line across the axis: a word there reads with the number
                placer.boxes.append((tick.get_left()[0], tick.get_bottom()[1] - 0.05, axis_x + 0.6, tick.get_top()[1] + 0.05))
            elif tick.get_top()[1] < axis_y:  # the x ticks' row under the axis: a word in it reads as a tick
                placer.boxes.append((axis_x - 1.5, tick.get_bottom()[1] - 0.05, tick.get_right()[0] + 0.2, axis_y))

    def _table_beside_plot(self, axes):
        """Give the table and its key targets for the plot: the plane's two columns and the words,
        as large as the table was (at most), in the left 40% of the frame; the other columns fold
        into the last of them (narrowed to nothing and faded: the plot does not use them, and they
        left its two columns small). The key goes under the two columns. Returns the table's target."""
        self.unfolded = (self.table.copy(), self.legend.copy())  # what the sentences' step brings back
        target, key = self.table.generate_target(), self.legend.generate_target()
        kept_columns = VGroup(*(target.column(a) for a in axes))
        hinge = kept_columns.get_right()
        for j in (j for j in range(len(self.example.dims)) if j not in axes):
            folded = VGroup(target.column(j), *([target.col_labels[j]] if len(target.col_labels) else []))
            folded.set_opacity(0).stretch(0.02, 0, about_point=hinge)
        # they fade first, where they stand, cells, words and numbers in one step (narrowed with their
        # cells, the text read squashed; faded before their cells, blank blue blocks stood there)
        self.folded_away = [m for j in range(len(self.example.dims)) if j not in axes
                            for m in [self.table.column(j),
                                      *([self.table.col_labels[j]] if len(self.table.col_labels) else [])]]
        kept = VGroup(target.row_labels, kept_columns, *(target.col_labels[a] for a in axes if len(target.col_labels)))
        if key.width > kept_columns.width:
            key.scale(kept_columns.width / key.width)
        key.next_to(kept_columns, DOWN, buff=0.25).match_x(kept_columns)
        shown = VGroup(kept, key)
        left, right = -config.frame_width / 2 + 0.45, -config.frame_width / 2 + TABLE_SHARE * config.frame_width
        low = LOWEST + KEY_LIFT  # (r30: the key's numbers at the subtitle band's edge) lifted off it
        factor = min(1.0, (right - left) / shown.width, (3.0 - low) / shown.height)
        VGroup(target, key).scale(factor, about_point=shown.get_center())
        VGroup(target, key).shift(np.array([(left + right) / 2, (3.0 + low) / 2, 0.0]) - shown.get_center())
        return target

    def _plot(self, plane, words, coords):
        """self.plane with the words drawn in: in the right 55% of the frame, as tall as the stage
        (the table takes the left 40%). As tall it is narrower than that: it keeps to the right,
        leaving a gap by the table for the labels left of its origin, unless that costs it size or
        its labels find no places clear of each other there; then centred in the 55%; then in the
        right half, as the other plots are."""
        th, right = self.theme, config.frame_width / 2 - 0.3
        colours = [self.dim_colors().get(a, th.text) for a in plane.axes]
        wide = plane_in_region(plane, coords, th, left=PLOT_LEFT, right=right, axis_colors=colours)
        drawn = VGroup(wide.axes, wide.tick_labels, wide.axis_names).width
        snug = plane_in_region(plane, coords, th, left=max(PLOT_LEFT, right - drawn - 0.6), right=right,
                               axis_colors=colours)
        lefts = ([snug.box.get_left()[0]] if snug.axes.width >= 0.97 * wide.axes.width else []) + [PLOT_LEFT, 0.1]
        for left in lefts:
            self.plane = plane_in_region(plane, coords, th, left=left, right=right, axis_colors=colours)
            self._grow_plane_words()
            self._ticks_outward()
            self._keep_labels_clear(coords)
            self.plane.words(words, coords, word_colors(self.example, th, plane, words, coords), label_size=PLANE_WORDS)
            self._beside_apart()
            self._labels_to_tips()
            labels = [box_of(m) for m in self.plane.labels()]
            if not any(boxes_overlap(a, b) for k, a in enumerate(labels) for b in labels[k + 1:]):
                return

    def _grow_plane_words(self):
        """The plane's axis names PLANE_WORDS large (the plane builds them at its own size, the
        floor): grown away from their axes' ends, before anything is placed around them; a name
        already shrunk to fit stays."""
        plane = self.plane
        for name, edge in zip(plane.axis_names, (LEFT, DOWN)):
            if name.font_size >= SMALLEST_TEXT - 0.05:
                name.scale(PLANE_WORDS / name.font_size, about_edge=edge)

    def _beside_apart(self):
        """A short arrow on a longer one's line (friends on cat's, useful on keyboard's): drawn from the
        true origin to its true tip (r26: drawn beside the longer one, friends read as having a negative
        tech value), thinner than the longer one and over it (shorter arrows are drawn over longer
        ones), so its whole shaft shows in its own colour; only its label stands off the line."""
        for vec in self.plane.vectors.values():
            aside = vec.body.aside
            if vec.is_dot or not np.linalg.norm(aside) > 1e-9:
                continue
            vec.body.shift(-aside)
            vec.body.aside = np.zeros(3)
            vec.body.along_longer = True
            vec.body.set_stroke(width=BESIDE_ARROW_WIDTH, family=False)
            if vec.leader is not None:  # its leader from its own tip as drawn (r25: it ended on keyboard's arrow)
                tip = vec.body.get_end()
                vec.leader.put_start_and_end_on(tip, nearest_point(vec.label, tip))

    def _labels_to_tips(self):
        """A word's label standing away from its arrow's tip on a leader moved to the tip itself where
        it is clear there (of every arrow, axis, dot and other label): beside the tech axis, useful's
        leader ran down the keyboard arrow, its word on that arrow (r19)."""
        vectors = list(self.plane.vectors.values())
        segments = [(v.body.get_start(), v.body.get_end()) for v in vectors if not v.is_dot]
        segments += [(axis.get_start(), axis.get_end()) for axis in (self.plane.axes.x_axis, self.plane.axes.y_axis)]
        dots = [v.body for v in vectors if v.is_dot]
        beside = [m.target for m in (self.table, self.legend) if getattr(m, "target", None) is not None]
        wall = max((m.get_right()[0] for m in beside), default=-config.frame_width / 2) + 0.2  # (off the table)
        for vec in vectors:
            if vec.is_dot or vec.label is None or vec.leader is None:
                continue
            others = [box_of(m) for m in [*self.plane.labels(), *self.plane.tick_labels, *self.plane.axis_names, *dots]
                      if m is not vec.label and not (hasattr(m, "submobjects") and vec.label in m.submobjects)]
            tip = vec.body.get_end()

            def beside_tip(vec=vec, tip=tip):
                # beside the tip, or level with it (its top or bottom at the tip's height) at either side
                # (0.25 off it sideways: across the axis an arrow drawn beside it lies along)
                for direction, level in ((UR, 0), (UL, 0), (RIGHT, 0), (LEFT, 0), (RIGHT, -1), (LEFT, -1), (RIGHT, 1),
                                         (LEFT, 1), (DR, 0), (DL, 0), (UP, 0), (DOWN, 0)):
                    vec.label.next_to(tip, direction, buff=0.1 if direction[0] == 0 else 0.25)
                    vec.label.shift(UP * level * vec.label.height / 2)
                    yield

            settle_label(vec, beside_tip(), (wall, LOWEST, config.frame_width / 2 - 0.2, 3.0), others, segments)

    def _ticks_outward(self, step: float = TICK_CLEAR):
        """The tick labels moved `step` further out from their axes (the x ticks down, the y ticks
        left), to the stage's bottom at most: an arrow drawn just beside an axis (friends under the
        animal axis) ended with its head on the "0.5" under it (r19)."""
        origin = self.plane.origin
        beside = [m.target for m in (self.table, self.legend) if getattr(m, "target", None) is not None]
        wall = max((m.get_right()[0] for m in beside), default=-config.frame_width / 2) + 0.2  # (off the table)
        for tick in self.plane.tick_labels:
            if tick.get_right()[0] < origin[0]:
                tick.shift(LEFT * min(step, max(0.0, tick.get_left()[0] - wall)))
            elif tick.get_top()[1] < origin[1]:
                tick.shift(DOWN * min(step, max(0.0, tick.get_bottom()[1] - LOWEST)))

    def _one_label_for_dots(self, words, coords):
        """The dots (words with almost nothing in the plane) named by one label just left of the
        origin and below it (a line to the nearest dot when it must stand further off): a label for
        each dot sat on the arrows and the axes around the origin. The label goes with the last dot
        (it appears as the dots are named)."""
        small = self._small_words(words, coords)
        if len(small) < 2:
            return
        dots = [self.plane.vectors[w] for w in small]
        for vec in dots:
            for part in (vec.label, vec.leader):
                if part is not None:
                    vec.remove(part)
            vec.label = vec.leader = None
        th = self.theme
        text = f"{', '.join(small)} ≈ 0"
        one_line = label(text, th, size=DOTS_LABEL, color=th.text)
        if len(text) > 22:  # also in two lines, split between words
            cut = min(range(1, len(small)), key=lambda c: abs(len(", ".join(small[:c])) - len(", ".join(small[c:]))))
            two_lines = VGroup(label(", ".join(small[:cut]) + ",", th, size=DOTS_LABEL, color=th.text),
                               label(f"{', '.join(small[cut:])} ≈ 0", th, size=DOTS_LABEL, color=th.text)).arrange(
                DOWN, buff=0.08, aligned_edge=RIGHT)
        else:
            two_lines = VGroup(label(", ".join(small), th, size=DOTS_LABEL, color=th.text),
                               label("≈ 0", th, size=DOTS_LABEL, color=th.text)).arrange(DOWN, buff=0.08, aligned_edge=RIGHT)
        # first choice: left of the origin and below its level (in one line, else two), clear of the
        # other labels, the arrows and the table (the placer keeps labels out of the tick row there:
        # this one names no tick's neighbour); else wherever the placer finds room
        placer, origin = self.plane.placer(), self.plane.origin
        others = [v.label for v in self.plane.vectors.values() if v.label is not None]
        arrows = [(v.body.get_start(), v.body.get_end()) for v in self.plane.vectors.values() if not v.is_dot]
        # the key's row across the frame: a label level with the key's ticks reads as one more tick
        key = self.legend.target if getattr(self.legend, "target", None) is not None else self.legend
        key_row = (-config.frame_width / 2, key.get_bottom()[1] - 0.04, config.frame_width / 2, key.get_top()[1] + 0.04)
        # (and the y ticks' lines across the axis, as every word keeps off them)
        kept_clear = [key_row, *((t.get_left()[0], t.get_bottom()[1] - 0.05, origin[0] + 0.6, t.get_top()[1] + 0.05)
                                 for t in self.plane.tick_labels if t.get_right()[0] < origin[0])]

        def fits(mob) -> bool:
            box = box_of(mob, 0.06)
            clear = not any(boxes_overlap(box, box_of(m)) for m in [*others, *self.plane.tick_labels,
                                                                    *self.plane.axis_names, self.table.target])
            clear = clear and not any(boxes_overlap(box, other) for other in kept_clear)
            crossed = any(box[0] - 0.08 <= x <= box[2] + 0.08 and box[1] - 0.08 <= y <= box[3] + 0.08
                          for start, end in arrows
                          for x, y in (start[:2] + t * (end[:2] - start[:2]) for t in np.linspace(0.0, 1.0, 33)))
            return clear and not crossed and box[0] >= -config.frame_width / 2 + 0.3 and box[1] >= LOWEST

        # left of the origin: below its level, else (the key's row there) above it and above the key's
        # row, in one line or two; (r28: 0.2 off the origin it stood cramped between an arrowhead, the
        # origin and a word) further off where there is room, tied to the dots by a leader
        above = max(origin[1] + 0.12, key_row[3] + 0.08)
        for named, below, off in ((one_line, True, 0.55), (two_lines, True, 0.55), (one_line, False, 0.55),
                                  (two_lines, False, 0.55), (one_line, False, 0.4), (one_line, False, 0.32),
                                  (one_line, True, 0.2), (two_lines, True, 0.2),
                                  (one_line, False, 0.2), (two_lines, False, 0.2)):
            corner = np.array([origin[0] - off, origin[1] - 0.05 if below else above, 0.0])
            named.next_to(corner, (DOWN if below else UP) + LEFT, buff=0.0)
            if fits(named):
                placer.avoid_box(named)
                break
        else:
            named = one_line
            placer.boxes.append(key_row)
            centre = self.plane.c2p(np.asarray(coords, dtype=float)[[words.index(w) for w in small]].mean(axis=0))
            placer.place(named, centre + np.array([-0.35, -0.35, 0.0]), np.array([-1.0, -1.0, 0.0]))
        last = dots[-1]
        last.label = named
        last.add(named)
        nearest = min(dots, key=lambda v: np.linalg.norm(v.body.get_center() - named.get_center()))
        start = nearest.body.get_center()
        end = nearest_point(named, start)
        if np.linalg.norm(end - start) >= 0.3:  # standing away from the dots: a line to them
            gap = (end - start) / np.linalg.norm(end - start) * 0.1  # off the dot, off the label
            last.leader = Line(start + gap, end - gap, stroke_width=1.6, color=th.muted)
            last.add(last.leader)

    def _describe_plane(self, words, coords):
        """Say what the arrows show (only what holds for this example), pointing at the row and the
        arrow together."""
        ex, th, plane = self.example, self.theme, self.plane.plane
        focus = [k for k, w in enumerate(words) if w == ex.focus]
        along = [(points_along(coords, axis, exclude=focus), plane.names[axis]) for axis in (0, 1)]
        parts = [f"{words[k]} {'points ' if n == 0 else ''}along {name}" for n, (k, name) in
                 enumerate((k, name) for k, name in along if k is not None)]
        x, y = coords[focus[0]] if focus else (0.0, 0.0)
        between = focus and is_ambiguous(x, y, self.vector_scale) and x > 0 and y > 0
        focus_claim = (f"{ex.focus} points between them." if between else
                       f"{ex.focus} ends at ({format_number(x)}, {format_number(y)}).")
        box = SurroundingRectangle(self._table_row(ex.focus), color=th.focus, buff=0.06, stroke_width=4)
        named = [words[k] for k, _ in along if k is not None]
        if named:  # each word along an axis pointed at as it is said, its arrow and its row; then the focus word
            self.narrate(", ".join(parts) + ";",
                         hop_through([SurroundingRectangle(self._table_row(w), color=th.text, buff=0.06, stroke_width=3)
                                      for w in named]),
                         Succession(*(self.plane.highlight(w) for w in named)), run_time=1.2 * len(named))
        self.narrate(focus_claim, FadeIn(box), self.plane.highlight(ex.focus), run_time=1.5)
        small = self._small_words(words, coords)
        # the words neither named along an axis nor dots: short arrows, said only when each is
        # shorter than every named one; each drawn as it is named, its row boxed
        short = self._short_words(words, coords)
        # (r30: friends and useful lost on cat's and keyboard's shafts) while the short arrows are named,
        # the long arrows they lie along step back to a faint ghost (their tips where they were)
        along_short = [self.plane.vectors[w].body for w in named
                       if short and any(getattr(self.plane.vectors[s].body, "along_longer", False) for s in short)]
        ghost = [during(b.animate.set_opacity(ALONG_GHOST), 0.0, 0.25) for b in along_short]
        back = [during(b.animate.set_opacity(1.0), 0.0, 0.25) for b in along_short]
        if short:  # the focus word's box goes as the next words are named: one box at a time
            self.narrate(f"{', '.join(short)}: shorter arrows.", during(FadeOut(box), 0.0, 0.2), *ghost,
                         hop_through([SurroundingRectangle(self._table_row(w), color=th.text, buff=0.06, stroke_width=3)
                                      for w in short]),
                         Succession(*(AnimationGroup(self.plane.grow([w])) for w in short)), run_time=0.8 * len(short))
        gone = [] if short else [FadeOut(box)]  # (gone already when shorter arrows were named)
        if small:  # the dots appear as they are named
            # (r31: the "are" dot hid the focus arrow's tail) a dot on the focus word's shaft drawn under the arrows
            body = self.plane.vectors[ex.focus].body if ex.focus in self.plane.vectors else None
            if body is not None and not self.plane.vectors[ex.focus].is_dot:
                a, b = body.get_start()[:2], body.get_end()[:2]
                for w in small:
                    c = self.plane.vectors[w].body.get_center()[:2]
                    t = np.clip(np.dot(c - a, b - a) / max(np.dot(b - a, b - a), 1e-9), 0.0, 1.0)
                    if np.linalg.norm(c - (a + t * (b - a))) < 0.06:
                        self.plane.vectors[w].body.set_z_index(-1)
            self.narrate(f"{', '.join(small[:3])}{' …' if len(small) > 3 else ''}: almost nothing here, so dots.",
                         self.plane.grow(small), *gone, *back, run_time=1.2)
        elif gone or back:
            self.play(*gone, *back, run_time=0.3)

    def show_sentences(self):
        """The sentences look their rows up in the same table: the colour key leaves (it has done
        its job), the table takes the left of the frame, the sentences' matrices fill in on the
        right, the first above the second, one row at a time, each row flying from the table into
        its place; then the matrices alone, as large as the frame allows."""
        self.inputs = [self._sentence_matrix(number, s) for number, s in enumerate(self.traces[:2])]
        sentences = ["A sentence becomes a matrix: its words' rows, stacked in order.",
                     "The other sentence looks its rows up in the same table."]
        if len(self.inputs) == 2:
            across = self._three_across()
            if across is not None:  # the table fixed in the centre, a sentence built on each side of it
                self.reading_layout = "across"
                self._look_up_across(*across, sentences)
                return
            finals = self._arrange_for_reading()
            if self.reading_layout == "side":  # built where they are read, at the size they are read
                self._look_up_into(finals, sentences)
                return
        self._lay_out_lookups()
        for number, (said, (caption, g), s) in enumerate(zip(sentences, self.inputs, self.traces)):
            flights = [self._flight(self._table_row(token, self.table.target), VGroup(g.row_labels[i], g.row(i)))
                       for i, token in enumerate(s.tokens)]
            named = AnimationGroup(FadeIn(caption), FadeIn(g.col_labels))
            if number == 0:  # the table makes room and the key leaves first (before any row is looked up)
                opening = [AnimationGroup(MoveToTarget(self.table), FadeOut(self.legend), named)]
                closing = []
            else:  # (its name and columns after its rows: then neither is in the way of a row flying in)
                opening, closing = [], [named]
            self.narrate(said, LaggedStart(*opening, *flights, *closing, lag_ratio=1.0),
                         run_time=0.6 * (len(opening) + len(closing)) + 0.75 * len(flights))
        self._settle_sentences()

    def _three_across(self):
        """(table, title, [(caption, matrix), (caption, matrix)]) as the look-up and the rest of
        the scene draw them (_table_left_layout): the table on the left, fixed, the two sentences
        stacked on its right. The dims' names whole, else cut ("grammar" → "gram."). None where they
        do not fit with every number and word SMALLEST_TEXT large (or there is one sentence)."""
        if len(self.traces) < 2:
            return None
        if getattr(self, "_across", None) is not None:
            return self._across
        full = list(self.example.dims)
        # whole, then the longest cut ("grammar" → "gram."), then the two longest, ...
        longest = sorted((j for j, n in enumerate(full) if len(n) > 5), key=lambda j: -len(full[j]))
        choices = [[n[:4] + "." if j in longest[:k] else n for j, n in enumerate(full)] for k in range(len(longest) + 1)]
        # (r27: the whole words first, "grammar" as every later scene writes it)
        kept = len(self.shown)
        found = None
        for names in choices:
            found = self._table_left_layout(names)
            if found is not None:
                break
        del self.shown[kept:]  # (the trials are no matrix the scene shows)
        if found is None:
            return None
        if getattr(self, "dim_names", None) is not None and self.dim_names == [w.original_text for w in found[0].col_labels]:
            self._across = self._table_left_layout(self.dim_names)  # (built for good: the scene shows these)
            return self._across
        return found

    def _table_left_layout(self, names):
        """(r27: three across, the cells were only as wide as their numbers, "0.00 1.80 0.20 0.00"
        read as one string, the dims' words staggered on two lines, 11 px to the frame's edges) the
        table, titled, on the left of the stage, where it stays to the end; the two sentences on the
        right, one above the other, the first at the top, the second under it. One cell width for the
        three, as wide as the frame allows (STACK_MARGIN to each edge, STACK_GAP between table and
        sentences); one text size (STACK_TEXT, or less where a number would fill more than STACK_FILL
        of its cell); the dims' words STACK_DIMS large on one line each, STACK_WORDS_GAP apart at
        least; the sentences' rows share the stage's height, the table's rows as tall as its own
        share allows (STACK_ROW_H at most). Returns (table, title, [(caption, matrix), (caption,
        matrix)]), or None where a word or number would be under SMALLEST_TEXT or the dims' words
        do not fit on one line."""
        ex, th = self.example, self.theme
        tokens, d = list(ex.embeddings), len(ex.dims)
        sentences = self.traces[:2]
        top, bottom = 3.0, LOWEST
        kw = dict(dims_size=STACK_DIMS, fill=STACK_FILL, words_gap=STACK_WORDS_GAP, words_buff=0.1, names=names,
                  spread=True, apart=STACK_WORDS_ROOM)

        def caption_of(s):
            return baseline_label(f"\u201c{' '.join(s.tokens)}\u201d", th, size=STACK_CAPTION, color=th.text)

        # the sentences' rows: the stage's height less the second's caption, the dims' line and the
        # gaps between rows (the first's caption is on the heading's line; the second sentence, its
        # columns in line under the first's, is named by the same dims' words)
        caption_h = max(caption_of(s).height for s in sentences)
        dims_h = baseline_label("animal", th, size=STACK_DIMS, color=th.text).height
        rows = sum(len(s.tokens) for s in sentences)
        gaps = STACK_ROW_GAP * sum(len(s.tokens) - 1 for s in sentences)
        head = caption_h + 0.12 + dims_h + 0.1 + STACK_BETWEEN + 0.08  # (and what next_to leaves)
        sentence_h = min(STACK_ROW_H, (top - bottom - head - gaps) / rows)
        title_h = baseline_label("embedding table", th, size=STACK_CAPTION, color=th.text).height
        table_h = min(STACK_ROW_H, (top - bottom - title_h - 0.15 - dims_h - 0.1) / len(tokens))
        # (r29r: the plot dropped at the look-up, "ambiguous" told by a table row alone) where there is
        # a plane, the table's rows as low as PARKED_ROW_H and the table at the stage's top: the plot,
        # small, stays under it to the end (at least PARKED_PLANE_H tall there)
        parked = embedding_plane(ex) is not None and (
            top - bottom - title_h - 0.15 - dims_h - 0.1 - len(tokens) * PARKED_ROW_H - 0.25 >= PARKED_PLANE_H)
        if parked:  # (r31: rows 34 px, the plot idle and dimmed under them) the table as tall as leaves the
            # plot PARKED_PLANE_H: the rows looked up read large, the plot parked small
            table_h = min(table_h, max(PARKED_ROW_H, (top - bottom - title_h - 0.15 - dims_h - 0.1 - 0.25
                                                      - PARKED_PLANE_H) / len(tokens)))
        if sentence_h < 0.34:
            self.across_rejected = (names, "too tall")
            return None
        room = config.frame_width - 2 * STACK_MARGIN - STACK_RIGHT_EXTRA - STACK_GAP

        def build(cell_w):
            table = self._lookup_grid([ex.embeddings[t] for t in tokens], "embeddings", tokens, cell_w, table_h,
                                      text=STACK_TEXT, **kw)
            # (the sentences' rows are lower than the table's: their text a little smaller, clear of
            # the cells' top and bottom, STACK_ROW_TEXT of the row's height at most)
            size = min(table.numbers[0].font_size, max(SMALLEST_TEXT + 0.5, STACK_ROW_TEXT * sentence_h))
            grids = [self._lookup_grid(s.input, f"sentences[{k}].input", list(s.tokens), cell_w, sentence_h,
                                       text=size, **kw) for k, s in enumerate(sentences)]
            for g in grids:  # each row STACK_ROW_GAP under the one above it
                for k in range(len(g.row_labels)):
                    VGroup(g.row_labels[k], g.row(k)).shift(DOWN * k * STACK_ROW_GAP)
                g.row_labels.shift(LEFT * BRACKET_ROOM)  # (room for the first's bracket; the second's in line)
            return table, grids

        cell_w = STACK_CELL_W
        for _ in range(4):  # (the words shrink with the numbers: widened again by what is left over)
            table, grids = build(cell_w)
            words = table.row_labels.width + max(g.row_labels.width for g in grids) + 2 * 0.1 + BRACKET_ROOM
            cell_w = min(STACK_CELL_W, (room - words) / (2 * d) - 0.003)
            if cell_w < 0.3:
                return None
        table, grids = build(cell_w)
        # the dims' words on one line each, centred over their columns, apart
        for g in (table, *grids):
            if min(w.font_size for w in g.col_labels) < SMALLEST_TEXT - 0.05 or any(
                    b.get_left()[0] - a.get_right()[0] < STACK_WORDS_GAP - 1e-6
                    for a, b in zip(g.col_labels, g.col_labels[1:])):
                self.across_rejected = (names, "dims crowded")
                return None
        for g in grids[1:]:  # (the first's dims' words name the columns under them)
            g.remove(g.col_labels)
            g.col_labels = VGroup()
        # the table on the left, centred in the stage's height
        left = -config.frame_width / 2 + STACK_MARGIN
        table.shift(RIGHT * (left - VGroup(table.rects, table.row_labels).get_left()[0]))
        title = baseline_label("embedding table", th, size=STACK_CAPTION, color=th.text)
        title.next_to(table.col_labels, UP, buff=0.15).match_x(table.rects)
        whole = VGroup(title, table)
        whole.shift(UP * ((top if parked else (top + bottom) / 2) - (whole.get_top() if parked else whole.get_center())[1]))
        # the room left under the table for the plot: (left, right, top, bottom), or None
        self.plane_room = ((left, table.rects.get_right()[0], table.rects.get_bottom()[1] - 0.25, bottom)
                           if parked else None)
        # the sentences on the right, the first at the stage's top, the second under it
        right = config.frame_width / 2 - STACK_MARGIN - STACK_RIGHT_EXTRA
        y = top
        pairs = []
        for number, (s, g) in enumerate(zip(sentences, grids)):
            g.shift(RIGHT * (right - g.rects.get_right()[0]))
            caption = caption_of(s)
            caption.next_to(g.col_labels if len(g.col_labels) else g.rects, UP, buff=0.12).match_x(g.rects)
            if caption.get_right()[0] > right:
                caption.shift(LEFT * (caption.get_right()[0] - right))
            if number == 0:
                g.shift(UP * (y - g.get_top()[1]))
            else:
                VGroup(caption, g).shift(UP * (y - VGroup(caption, g).get_top()[1]))
            y = g.get_bottom()[1] - STACK_BETWEEN
            pairs.append((caption, g))
        if pairs[-1][1].get_bottom()[1] < bottom - 1e-6:
            self.across_rejected = (names, "too low")
            return None
        VGroup(*(g for _, g in pairs), pairs[1][0]).shift(DOWN * ((pairs[-1][1].get_bottom()[1] - bottom) / 2))
        # the first sentence's name on the heading's line, at the right, on the heading's baseline
        first = pairs[0][0]
        heading = getattr(self, "heading", None)
        if heading is not None:
            def sink(size):  # (how far a "g" reaches under the line, at this size)
                return label("ag", th, size=size).height - label("a", th, size=size).height

            # (its box reaches a "g"'s depth, as the heading's does: the two share the line the words stand on)
            first.shift(UP * (heading.get_bottom()[1] + sink(heading.font_size) - sink(STACK_CAPTION) - first.get_bottom()[1]))
        else:
            first.next_to(pairs[0][1].col_labels, UP, buff=0.12)
        first.shift(RIGHT * (right - first.get_right()[0]))
        texts = [title, *(t for g in (table, *grids) for t in (*g.numbers, *g.row_labels, *g.col_labels)),
                 *(c for c, _ in pairs)]
        if min(t.font_size for t in texts) < SMALLEST_TEXT - 0.05:
            self.across_rejected = (names, min(texts, key=lambda t: t.font_size).text, min(t.font_size for t in texts))
            return None
        return table, title, pairs

    def _standing(self, table, used):
        """A copy of the table with the rows `used` at full strength, the rest's words, numbers and
        cells' colour dimmed (a cell's colour keeps its meaning)."""
        placed = table.copy()
        for i, token in enumerate(self.example.embeddings):
            level = 1.0 if token in used else NOT_LOOKED_UP
            VGroup(placed.row_labels[i], *(placed.number(i, j) for j in range(len(self.example.dims)))).set_opacity(level)
            for j in range(len(self.example.dims)):
                placed.cell(i, j)[0].set_fill(opacity=table.cell(i, j)[0].get_fill_opacity() * level)
        return placed

    def _look_up_across(self, placed, title, pairs, sentences):
        """The look-up, the table left and the sentences stacked right of it (_three_across): as the
        plane fades the table glides to its place, where it stays to the end, its columns the plot
        left out sliding back in; each sentence's name and columns appear where they stay (the rows
        it does not use dim as it is named), then its rows, in its words' order, each a copy of the
        table's row pulled out sideways (the table's row pale under it until it is clear) at its own
        height and up or down into its place, or, where that way crosses what is built, along a
        line in the gap (_slide). The second sentence's "mouse" comes from the row the first's came
        from: both are boxed as it leaves."""
        th = self.theme
        dims = len(self.example.dims)
        self.inputs = [VGroup(caption, g) for caption, g in pairs]
        axes = getattr(self, "plane_axes", None) or range(dims)
        shown_title = title.copy()
        # (r27: the table jumped to the centre, shrank and unfolded at once, its rows dimmed before a
        # sentence was named) as the plane leaves, the table glides to its place on the left, every row
        # at full strength, its name over it; then the columns the plot left out slide back in from the
        # right, where they left (the key leaves: its job is done)
        arriving = placed.copy()
        for j in (j for j in range(dims) if j not in axes):
            VGroup(arriving.column(j), *([arriving.col_labels[j]] if len(arriving.col_labels) else [])).set_opacity(
                0).shift(RIGHT * 0.5)
        leaving = getattr(self, "plane_leaving", None)
        self.mini = self._parked_plane() if leaving is not None else None
        # (r31: 2 s of silent churn, the table shrunk to its two columns, then regaining the others) one move,
        # said: the table to its place and its other columns back in, as the plot steps aside
        said = f"A sentence takes whole rows: all {dims} numbers." if dims > 1 else None
        unfold = Succession(Transform(self.table, arriving, run_time=1.0), Transform(self.table, placed.copy(), run_time=0.8))
        if self.mini is not None:  # (r29r) the plot moves and shrinks into the room under the table, dimmed
            parts = (unfold, during(FadeOut(self.legend), 0.0, 0.3), *self._park(leaving))
            if said:
                self.narrate(said, *parts, run_time=1.8, through=True)
            else:
                self.play(*parts, run_time=1.8)
            mini = self.mini
            self.remove(mini.axes, *mini.axis_names, *(m for v in mini.vectors.values() for m in v.submobjects))
            self.add(mini, *mini.vectors.values())  # (moved piece by piece, the small plot is one figure again)
        else:  # (r29b: the plane blinked out in 0.2 s) it moves off to the right, where the sentences come, as it fades
            parts = (unfold, during(FadeOut(self.legend), 0.0, 0.4),
                     *([during(FadeOut(VGroup(leaving[0], *leaving[2:]), shift=RIGHT * 1.2, scale=0.85), 0.0, 0.5),
                        during(FadeOut(leaving[1]), 0.0, 0.2)] if leaving is not None else []))
            if said:
                self.narrate(said, *parts, run_time=1.8, through=True)
            else:
                self.play(*parts, run_time=1.8)
        if leaving is not None:
            self.remove(leaving)
            self.plane_leaving = None
        for number, (said, (caption, g), s) in enumerate(zip(sentences, pairs, self.traces)):
            side = 1  # (both sentences right of the table)
            target = self._standing(placed, s.tokens)
            # said as the sentence is named: its words and columns appear (the first's as the table's
            # other columns slide back in: the same four names), the rows it does not use dim, then
            # its rows fly in
            self.caption_over(said)
            self.play(Transform(self.table, target.copy()), FadeIn(VGroup(caption, g.col_labels)), run_time=0.6)
            self.table.target = target
            flights, self.cards = [], []
            for i, token in enumerate(s.tokens):
                source, place = self._table_row(token, target), VGroup(g.row_labels[i], g.row(i))
                extra = []
                if number > 0 and token == self.example.focus and self.example.focus in self.traces[0].tokens:
                    # the row the first sentence took: boxed as the same row leaves again
                    first, k = pairs[0][1], list(self.traces[0].tokens).index(token)
                    # (r29b: round the word too, its left edge ran through the "m" of "mouse" and across the
                    # bracket) its cells only, inside the bracket, as the focus rows are boxed later
                    extra.append(blink(SurroundingRectangle(first.row(k), color=th.focus,
                                                            buff=(0.05, -0.03), stroke_width=4), (0.0, 0.15), (0.85, 1.0)))
                # (r28f: pulled out sideways at its own height, the copy slid over its own row, its word
                # on the row's numbers, for 0.3 s) every row comes along a line in the gap, as the
                # second sentence's do: boxed in the table, led out to the gap, slid in from there
                drawn = VGroup(self.table.rects, self.table.row_labels)
                lane = (drawn.get_right()[0] + place.get_left()[0]) / 2
                flights.append(AnimationGroup(self._slide(source, place, lane, side), *extra))
            for flight in flights:  # (one play each; r31: the second's ran 4 s past its sentence: quicker)
                self.play(flight, run_time=0.95 if number == 0 else 0.7)
            self.remove(self.inputs[number])  # its pieces (each row landed on its own) made one again
            self.add(self.inputs[number])
            if number == 0:  # built: a matrix, bracketed and named as the next scenes name it
                self.input_marks = self._name_input(caption, g)
                # (r31: "Input (5 × 4)" here, "Input" on the second: named alike, the shape said once)
                n = len(s.tokens)
                self.narrate(f"Call it Input: {n} rows, {dims} columns.", Create(self.input_marks[0]),
                             FadeIn(self.input_marks[1]), run_time=0.7, through=True)
            else:  # (r29b: only the first was bracketed) the second a matrix too: bracketed, its shape beside
                # its sentence where that fits on its line, clear of the table
                self.second_marks = self._shape_of(number, caption, g, VGroup(self.table.rects, self.table.row_labels))
                self.play(Create(self.second_marks[0]), *([FadeIn(self.second_marks[1])] if len(self.second_marks[1]) else []),
                          run_time=0.7)
        # the look-up over: every row of the table at full strength again (it stays, in the centre)
        self.play(Transform(self.table, placed.copy()), run_time=0.5)
        self.table_title = VGroup()  # (r27b: none: the heading names the table; the callout takes its place)
        self.table_title_place = shown_title
        self.lookup = [(placed, title, pair.copy()) for pair in self.inputs]

    def _parked_plane(self, room=None, dim: bool = True, size: float = SMALLEST_TEXT, stroke: float = 5,
                      ticks: bool = False):
        """(r29r: the plot dropped at the look-up and "ambiguous" told by a table row alone) the plot
        small in the room under the table (self.plane_room): its axes and their names, no ticks, the
        arrows of the words along an axis and of the focus word, labelled; None where there is no
        room or no focus word in it. Its parts dimmed to PARKED_DIM (self.mini_full: their full opacities)."""
        room = room if room is not None else getattr(self, "plane_room", None)
        words, coords = getattr(self, "plane_words", None), getattr(self, "plane_coords", None)
        if room is None or words is None or self.example.focus not in words:
            return None
        th, big = self.theme, self.plane
        kept = sorted({*(words[k] for k in self._named_along(words, coords)), self.example.focus}, key=words.index)
        points = np.array([coords[words.index(w)] for w in kept])
        left, right, top, bottom = room
        colours = [self.dim_colors().get(a, th.text) for a in big.plane.axes]
        # (built lower, as if its tick labels were under it; without them, raised to the room's foot: as
        # much lower as keeps its top in the room)
        # (its y axis's name right of the axis's top, not over it: the plot as tall as the room)
        for lower in ((0.0,) if ticks else (0.5, 0.4, 0.3, 0.2, 0.1, 0.0)):
            mini = plane_in_region(big.plane, points, th, left=left, right=right, top=top + 0.4, bottom=bottom - lower,
                                   axis_colors=colours)
            if ticks:  # (r31: the plot read large at "animal 1.30, tech 1.30" had no ticks) its ticks kept
                mini.shift(UP * (bottom + 0.05 - VGroup(mini.axes, mini.tick_labels).get_bottom()[1]))
            else:
                mini.remove(mini.tick_labels)
                mini.tick_labels = VGroup()
                mini.shift(UP * (bottom + 0.18 - mini.axes.get_bottom()[1]))  # (the x axis's name clear of the band)
            name = mini.axis_names[1]
            name.next_to(mini.axes.y_axis.get_end(), RIGHT, buff=0.15).align_to(mini.axes.y_axis.get_end(), UP)
            if VGroup(mini.axes, mini.axis_names).get_top()[1] <= top + 1e-6:
                break
        if VGroup(mini.axes, mini.axis_names).get_top()[1] > top + 1e-6 or mini.axes.height < 1.2:
            return None
        # (its words placed inside the room: clear of the table over it)
        mini.box.stretch_to_fit_width(right - left).stretch_to_fit_height(top - bottom)
        mini.box.move_to([(left + right) / 2, (top + bottom) / 2, 0.0])
        # (the words clear of the dashed lines the focus word's tip drops to the axes at "ambiguous")
        xy = np.asarray(coords[words.index(self.example.focus)], dtype=float)
        for foot in (np.array([xy[0], 0.0]), np.array([0.0, xy[1]])):
            mini.placer().avoid_segment(mini.c2p(xy), mini.c2p(foot))
        mini.words(kept, points, {w: big.vectors[w].body.get_color() for w in kept}, label_size=size)
        for vec in mini.vectors.values():
            if not vec.is_dot:
                vec.body.set_stroke(width=stroke, family=False)
        # the words along an axis beside their tips where that is clear: keyboard's left of its tip (at the
        # room's top: the placer stood it away on a leader), cat's over its tip, right-aligned with it
        feet = [(mini.c2p(xy), mini.c2p(foot)) for foot in (np.array([xy[0], 0.0]), np.array([0.0, xy[1]]))]
        segments = [(v.body.get_start(), v.body.get_end()) for v in mini.vectors.values() if not v.is_dot]
        segments += [(a.get_start(), a.get_end()) for a in (mini.axes.x_axis, mini.axes.y_axis)] + feet
        for vec in (v for v in mini.vectors.values() if v.label is not None and v.name != self.example.focus):
            others = [box_of(m) for m in mini.labels() if m is not vec.label]
            tip, tail = vec.body.get_end(), vec.body.get_start()

            def along_axis(vec=vec, tip=tip, tail=tail):
                for side, edge in ((LEFT, UP), (UP, RIGHT), (UP, "past"), (UP, 0.45), (RIGHT, UP), (RIGHT, DOWN), (UP, None)):
                    if isinstance(edge, float):  # over its shaft, this far along it
                        vec.label.next_to(tail + edge * (tip - tail), side, buff=0.1)
                        edge = None
                    elif isinstance(edge, str):  # over its tip, right of the focus word's dashed line down to it
                        vec.label.next_to(tip, side, buff=0.1)  # (centred between that line and the x axis's name)
                        vec.label.set_x((feet[0][0][0] + mini.axis_names[0].get_left()[0]) / 2)
                        edge = None
                    else:
                        vec.label.next_to(tip, side, buff=0.15 if side[0] != 0 else 0.1)
                    if edge is not None:
                        vec.label.align_to(tip, edge)
                    yield

            settle_label(vec, along_axis(), (left, bottom, right, top + 0.05), others, segments)
        shown = [mini.axes, mini.axis_names, *mini.vectors.values(), *mini.tick_labels]
        labels = [m for m in mini.labels()]
        if any(boxes_overlap(box_of(a), box_of(b)) for k, a in enumerate(labels) for b in labels[k + 1:]):
            return None
        self.mini_full = [(leaf, leaf.get_fill_opacity(), leaf.get_stroke_opacity())
                          for part in shown for leaf in part.family_members_with_points()]
        if not dim:
            return mini
        for leaf, fill, stroke in self.mini_full:
            leaf.set_fill(opacity=fill * PARKED_DIM, family=False).set_stroke(opacity=stroke * PARKED_DIM, family=False)
        return mini

    def _park(self, leaving) -> list:
        """Animations: the plot (`leaving`: the plane, its columns' boxes, its vectors) moving into
        its small self.mini: the axes, their names and the kept arrows and words each moved and
        shrunk onto their small selves; the ticks, the other words and the columns' boxes fade as
        they go. (Copies move: self.plane keeps its full size, for the tests.)"""
        big, mini = self.plane, self.mini
        self.remove(*leaving.get_family()[1:])  # (each on the scene on its own: arrows and words as they were grown)
        pairs = [(big.axes, mini.axes), *zip(big.axis_names, mini.axis_names)]
        going, arriving = [leaving[1], big.tick_labels], []
        for name, vec in big.vectors.items():
            small = mini.vectors.get(name)
            if small is None:
                going.append(vec)
                continue
            pairs.append((vec.body, small.body))
            if vec.label is not None and small.label is not None:
                # (a word that changes sides of its arrow's tip, keyboard's, crossed the axis's name on its
                # way: it goes with the rest that leave, and comes back where it belongs as the plot lands)
                was, now = vec.label.get_x() - vec.body.get_end()[0], small.label.get_x() - small.body.get_end()[0]
                if was * now >= 0:
                    pairs.append((vec.label, small.label))
                else:
                    going.append(vec.label)
                    arriving.append(small.label)
            going += [m for m in (vec.leader,) if m is not None]
        # (r29r, first try: straight there, its words crossed the table's rows as the table moved up) first
        # shrunk where it is, its origin dropped to the room's foot, right of the table; then, the
        # table moved up, slid left along the foot of the stage into the room under it
        aside = RIGHT * (big.origin[0] - mini.origin[0])
        moves = []
        for a, b in pairs:
            moving = a.copy()
            self.add(moving)
            moves.append(Succession(Transform(moving, b.copy().shift(aside), run_time=1.0),
                                    ReplacementTransform(moving, b, run_time=0.8)))
        goners = [m.copy() for m in going]
        self.add(*goners)
        fades = [during(FadeOut(m), 0.0, 0.3) for m in goners]
        later = [during(FadeIn(m), 0.85, 1.0) for m in [*arriving, *(v.leader for v in mini.vectors.values())] if m is not None]
        return [*moves, *fades, *later]

    def _shape_of(self, number: int, caption, g, table) -> tuple:
        """(brackets, shape) of a later sentence's matrix: its brackets as the first's; (r31: "Input (5 × 4)"
        on the first, "Input" on the second, named two ways) no shape written: an empty group (the shape is
        said as the first is named, and the second is named "Input" as the table leaves)."""
        return self._name_input(caption, g)[0], VGroup()

    def _name_input(self, caption, g) -> tuple:
        """(brackets, name): (r28f: "A sentence becomes a matrix" was said with no name or shape; the
        hand-over relabelled the first sentence "Input" unseen) the first sentence's matrix in
        brackets, named "Input (n × d)" on its caption's line, left of it (where that leaves the
        heading 0.35 clear; else over its rows' words, on the dims' line). The name "Input" is the
        one the hand-over moves onto the next scene's."""
        th = self.theme
        # (r31: "Input (5 × 4)" here and "Input" on the second, named two ways) "Input" alone, its shape said
        name = VGroup(label("Input", th, size=STACK_CAPTION, weight="BOLD"))
        name.next_to(caption, LEFT, buff=0.35)
        name.shift(UP * (text_baseline(caption) - text_baseline(name[0])))
        heading = getattr(self, "heading", None)
        if heading is not None:
            # (over its rows' words, on the dims' line: the matrix's corner; in bold, it is no dim's name)
            name.align_to(g.row_labels, RIGHT)
            name.shift(UP * (text_baseline(g.col_labels[0]) - text_baseline(name[0])) if len(g.col_labels) else 0.0)
        cells = g.rects
        left, right = cells.get_left()[0] - BRACKET_OUT, cells.get_right()[0] + BRACKET_OUT
        top, bottom = cells.get_top()[1] + 0.05, cells.get_bottom()[1] - 0.05
        arm = 0.12
        brackets = VGroup(
            VMobject().set_points_as_corners([[left + arm, top, 0], [left, top, 0], [left, bottom, 0], [left + arm, bottom, 0]]),
            VMobject().set_points_as_corners([[right - arm, top, 0], [right, top, 0], [right, bottom, 0],
                                              [right - arm, bottom, 0]]),
        ).set_stroke(th.text, width=3).set_fill(opacity=0)
        return brackets, name

    def _look_up_into(self, finals, sentences):
        """The look-up, built straight into the two-up places the sentences are read in (`finals`):
        each sentence's name and columns appear where they stay, then its rows, in its words' order,
        each boxed in the table and a copy of it flying once into its place, taking the sentence's
        size on the way, crossing no row already built: from a row low enough, out of the table
        sideways and on through rows not built yet; from a row higher up a line leads from it to a
        lane in the gap between the table and the sentence and along it to the place's height, and
        the copy slides in from there. Two sentences and the table do not fit across the frame at
        a readable size (r19, r20): the table stands in the other sentence's half, titled, every
        column, large, the rows a sentence does not use dimmed; for the second sentence the first
        steps out (where it stays), the table crosses to the first's half, and when the rows are
        in the table leaves and the first comes back in its place. (Built small and grown later,
        the sentences moved twice, r23.)"""
        self.inputs = [VGroup(caption, g) for caption, g in finals]
        tokens, dims = list(self.example.embeddings), len(self.example.dims)
        beside = self._tables_beside(finals)
        # (r24: the first sentence faded out and back in while the table crossed into its half, a
        # reshuffle) the first sentence stays on screen: it steps back, dimmed and small, into its
        # half's top left corner; the table takes the rest of that half, smaller (its text 22 at least),
        # where the corner holds it with its text SMALLEST_TEXT large; else (r25: parked at 8 px, unread)
        # it steps out and back in, as in r24
        parked, beside[1:] = self._set_aside(finals, beside[1:])
        self.parked = parked  # (for the tests: None where there was no room and it steps out instead)

        def standing(table, used):
            """The table with the rows `used` at full strength, the rest's words and numbers dimmed."""
            placed = table.copy()
            for i, token in enumerate(tokens):  # (a cell's colour keeps its meaning)
                VGroup(placed.row_labels[i], *(placed.number(i, j) for j in range(dims))).set_opacity(
                    1.0 if token in used else NOT_LOOKED_UP)
                for j in range(dims):  # its cells' colour fades with its digits (grey digits on full blue, r22)
                    cell, full = placed.cell(i, j)[0], table.cell(i, j)[0].get_fill_opacity()
                    cell.set_fill(opacity=full * (1.0 if token in used else NOT_LOOKED_UP))
            return placed

        title = beside[0][1].copy()
        for number, (said, (caption, g), s, (table, place_title)) in enumerate(zip(sentences, finals, self.traces, beside)):
            side = 1 if number == 0 else -1  # the table's side of the sentence
            target = self.table.target = standing(table, s.tokens)
            drawn = VGroup(table.rects, table.row_labels, table.col_labels)
            near = drawn.get_left()[0] if side > 0 else drawn.get_right()[0]
            lane = (near + (g.get_right()[0] if side > 0 else g.get_left()[0])) / 2  # the line down the gap
            flights = []
            for i, token in enumerate(s.tokens):
                source, place = self._table_row(token, target), VGroup(g.row_labels[i], g.row(i))
                # what is built by then: the columns' words and the rows before it (r24: judged by
                # heights alone, every row slid in from the gap, and no copy was seen to travel)
                built = [g.col_labels, *(VGroup(g.row_labels[k], g.row(k)) for k in range(i))]
                flights.append(self._flight(source, place, -side, drawn)
                               if self._flies_clear(source, place, -side, drawn, built)
                               else self._slide(source, place, lane, -side))
            # (each row's flight one beat; the table's crossing of the frame two, calm; a fade most of one)
            named = FadeIn(VGroup(caption, g.col_labels), run_time=0.8)
            if number == 0:  # the table takes the other half, titled, and the key leaves (before any row is looked up)
                # (its columns the plot left out slide back in from the right as they left, r24: unfolded
                # as it moved, they grew squashed out of the tech column)
                axes = getattr(self, "plane_axes", None) or range(dims)
                arriving = target.copy()
                for j in (j for j in range(dims) if j not in axes):
                    VGroup(arriving.column(j), *([arriving.col_labels[j]] if len(arriving.col_labels) else [])).set_opacity(
                        0).shift(RIGHT * 0.5)
                steps = [AnimationGroup(Succession(Transform(self.table, arriving, run_time=1.0),
                                                   Transform(self.table, target.copy(), run_time=0.6)),
                                        FadeOut(self.legend), during(FadeIn(title), 0.4, 1.0), run_time=1.6),
                         named, *flights]
            else:  # the first sentence steps back, the table crosses to its half, the other sentence's rows lit
                self.inputs[0].target = parked
                steps = [MoveToTarget(self.inputs[0], run_time=0.9) if parked is not None
                         else FadeOut(self.inputs[0], run_time=0.8),
                         AnimationGroup(MoveToTarget(self.table), Transform(title, place_title.copy()), run_time=1.6),
                         named, *flights]
            self.narrate(said, LaggedStart(*steps, lag_ratio=1.0),
                         run_time=0.75 * sum(step.run_time for step in steps))
            self.remove(self.inputs[number])  # its pieces (each row landed on its own) made one again
            self.add(self.inputs[number])
        # the table has done its job: it leaves, and the first sentence comes forward again, where it was built
        if parked is not None:
            self.inputs[0].target = self.unparked
            self.play(during(FadeOut(VGroup(self.table, title)), 0.0, 0.4), during(MoveToTarget(self.inputs[0]), 0.3, 1.0),
                      run_time=1.3)
        else:
            self.play(during(FadeOut(VGroup(self.table, title)), 0.0, 0.45), during(FadeIn(self.inputs[0]), 0.5, 1.0),
                      run_time=0.9)
        for cell, unlit in zip(self.table.rects, beside[-1][0].rects):  # (gone, it is the table again: no row dimmed)
            cell.set_fill(opacity=unlit.get_fill_opacity())
        # (for the tests: the tables as drawn beside the sentences, and the sentences as built, which stay)
        self.lookup = [(table, title, pair.copy()) for (table, title), pair in zip(beside, self.inputs)]

    def _set_aside(self, finals, beside) -> tuple:
        """Room in the first sentence's half for the table while the second sentence looks its rows
        up, the first staying on screen: (the first sentence parked, the tables beside the later
        sentences). The table is built smaller for it: its columns as wide (its dims' words fit at
        SMALLEST_TEXT), its rows SET_ASIDE_ROW_H tall, its numbers and words SMALLEST_TEXT large, its
        rows' bottom level with the sentence's and its right edge where it was (against the gap); the
        first sentence, dimmed, takes the corner left of the table's title and above its dims' words,
        its left edge on the heading's, its top at the stage's."""
        first = VGroup(*finals[0])
        parked, self.unparked = first.copy(), first.copy()  # (where it comes back to)
        if not beside or beside[0][0].rects[0].height <= SET_ASIDE_ROW_H:  # (a table already this small: no room won)
            return None, beside
        tokens = list(self.example.embeddings)
        placed = []
        for (large, _), (caption, g) in zip(beside, finals[1:]):
            table = self._lookup_grid([self.example.embeddings[t] for t in tokens], "embeddings", tokens,
                                      large.rects[0].width, SET_ASIDE_ROW_H, text=SMALLEST_TEXT + 0.6,
                                      dims_size=SMALLEST_TEXT, fill=0.78,
                                      words_gap=min(0.25, 0.2 * large.rects[0].width), words_buff=0.1)
            body, before = VGroup(table.rects, table.row_labels), VGroup(large.rects, large.row_labels)
            table.shift(RIGHT * (before.get_right()[0] - body.get_right()[0])
                        + UP * (g.rects.get_bottom()[1] - table.rects.get_bottom()[1]))
            title = baseline_label("embedding table", self.theme, size=SET_ASIDE_TITLE, color=self.theme.text)
            title.next_to(table.col_labels, UP, buff=0.15).match_x(table.rects)
            placed.append((table, title))
        table, title = placed[0]
        left = self.heading.get_left()[0]
        room_w = title.get_left()[0] - 0.35 - left
        room_h = 3.0 - (max(w.get_top()[1] for w in table.col_labels) + 0.3)
        factor = min(room_w / parked.width, room_h / parked.height)
        # (r25: parked at a quarter size, its text 8 px, unread) parked only where its every number
        # and word stays SMALLEST_TEXT large; else it steps out and back in (r24)
        caption, g = parked
        smallest = min(t.font_size for t in (caption, *g.numbers, *g.row_labels, *g.col_labels))
        if factor < SMALLEST_PARKED or factor * smallest < SMALLEST_TEXT - 0.05:
            return None, beside
        parked.scale(factor)
        parked.move_to([left + parked.width / 2, 3.0 - parked.height / 2, 0.0])
        for m in parked.family_members_with_points():  # dimmed, every part alike (a cell's colour keeps its meaning)
            m.set_fill(opacity=m.get_fill_opacity() * NOT_LOOKED_UP, family=False)
            m.set_stroke(opacity=m.get_stroke_opacity() * NOT_LOOKED_UP, family=False)
        return parked, placed

    def _tables_beside(self, finals) -> list:
        """(table, title) as drawn beside each sentence (`finals`' (caption, matrix)) while it is looked
        up: right of the first, left of the second, in the room there; one size for both (as large as
        the smaller room allows, its cells LOOKUP_TABLE_CELL_W × LOOKUP_TABLE_ROW_H at most), each
        aligned with its sentence: its rows' top level with the sentence's, its dims' words on the
        sentence's dims' baseline and as large (or as their columns allow), its title on the caption's
        baseline and as large as it, centred over its cells."""
        th = self.theme
        tokens, dims = list(self.example.embeddings), len(self.example.dims)
        margin, gap = 0.4, 0.6
        edge = config.frame_width / 2 - margin
        rooms = []
        for number, (caption, g) in enumerate(finals):
            sentence = VGroup(caption, g)
            rooms.append((sentence.get_right()[0] + gap, edge) if number == 0 else (-edge, sentence.get_left()[0] - gap))
        room = min(right - left for left, right in rooms)
        cell_h = min(LOOKUP_TABLE_ROW_H, *((g.rects.get_top()[1] - LOWEST) / len(tokens) for _, g in finals))
        words = max(label(t, th, size=LOOKUP_TABLE_TEXT).width for t in tokens)
        cell_w = max(0.2, min(LOOKUP_TABLE_CELL_W, (room - words - 0.15) / dims))
        first = finals[0][1]
        dims_size = first.col_labels[0].font_size if len(first.col_labels) else LOOKUP_TABLE_DIMS
        for _ in range(3):  # (its words shrink with its numbers: widened by what was left over)
            table, title = self._lookup_table(cell_w, cell_h, dims_size=dims_size, title_size=finals[0][0].font_size)
            drawn_w = VGroup(table.rects, table.row_labels).width
            cell_w = max(0.2, min(LOOKUP_TABLE_CELL_W, cell_w + (room - drawn_w) / dims))
        body = VGroup(table.rects, table.row_labels)
        if body.width > room:  # (a long word: the whole table smaller)
            VGroup(table, title).scale(room / body.width)
        placed = []
        for (left, right), (caption, g) in zip(rooms, finals):
            table, title = table.copy(), title.copy()
            body = VGroup(table.rects, table.row_labels)
            table.shift(RIGHT * ((left + right) / 2 - body.get_center()[0]) + UP * (g.rects.get_top()[1] - table.rects.get_top()[1]))
            if len(g.col_labels) and len(table.col_labels):
                baseline = g.col_labels[0].get_bottom()[1]
                for word in table.col_labels:
                    word.shift(UP * (baseline - word.get_bottom()[1]))
            title.match_x(table.rects).shift(UP * (caption.get_bottom()[1] - title.get_bottom()[1]))
            placed.append((table, title))
        return placed

    def _slide(self, source, target, lane: float, side: int = 1) -> AnimationGroup:
        """A table row looked up into a place it would reach only across rows built above that place:
        boxed in the table, a line leads from it out to `lane` (an x in the gap between the table and
        the sentence) and along the gap to the place's height; a copy of the row, at the place's size,
        slides in from there (`side`: the sentence's side of the table, 1 right, -1 left). The box and
        the line leave as it lands."""
        th = self.theme
        lit = SurroundingRectangle(source, color=th.text, buff=(0.05, -0.03), stroke_width=3)
        start, end = source.get_y(), target.get_y()
        out = lit.get_right()[0] if side > 0 else lit.get_left()[0]
        route = VMobject(stroke_color=th.muted, stroke_width=3).set_points_as_corners(
            [[out, start, 0.0], [lane, start, 0.0], [lane, end, 0.0]])
        unseen = source.copy().set_opacity(0.0)
        unseen.scale(target.width / source.width).move_to(target)
        unseen.shift(RIGHT * (lane - (target.get_left()[0] if side > 0 else target.get_right()[0])))
        # (r28: the line stayed on to the end, stopping in the empty gap) the copy is seen where the
        # line ends as the line is drawn, and the line goes as the copy slides off its end
        return AnimationGroup(blink(lit, (0.0, 0.15), (0.85, 1.0)), blink(route, (0.0, 0.15), (0.35, 0.5)),
                              during(Carry(unseen, target, resize=(0.0, 0.2)), 0.1, 1.0))

    @staticmethod
    def _column_words_fit(words, cell_w: float, gap: float = 0.1) -> float:
        """What the dims' words (centred over columns `cell_w` wide) are scaled by: 1, or less where
        two neighbours would stand closer than `gap` or a word would stick out of its column by more
        than `gap` (a long word beside a short one may overhang its own cell a little: "animal" over
        a 90 px cell, beside "tech", stays 22, r22)."""
        widths = [w.width for w in words]
        limits = [(cell_w - gap) / ((a + b) / 2) for a, b in zip(widths, widths[1:])]
        limits += [(cell_w + 2 * gap) / w for w in widths]
        return min([1.0, *limits])

    def _lookup_grid(self, rows, name: str, tokens, cell_w: float, cell_h: float, *, text: float,
                     dims_size: float, fill: float, words_gap: float, words_buff: float, names=None,
                     spread: bool = False, apart: float = 0.0):
        """A matrix as drawn in the look-up (the table or a sentence): cells `cell_w` × `cell_h`,
        its numbers and rows' words `text` large (or less, where the widest number would fill more
        than `fill` of its cell), its dims' words upright on one baseline as the scene writes them,
        `dims_size` large or as much as keeps neighbours `words_gap` apart."""
        th = self.theme
        g = self.grid(rows, name, row_labels=list(tokens), value_scale=self.vector_scale,
                      row_label_colors=self.token_colors(tokens), cell_w=cell_w, cell_h=cell_h)
        size = min(text, fill * cell_w / max(n.width / n.font_size for n in g.numbers))
        for n in g.numbers:
            n.scale(size / n.font_size)
        for word in g.row_labels:
            word.scale(size / word.font_size, about_edge=RIGHT)
        colours = self.dim_colors()
        words = [baseline_label(dim, th, size=dims_size, color=colours.get(j, th.text))
                 for j, dim in enumerate(names if names is not None else self._dim_names())]
        fit = self._column_words_fit(words, cell_w, gap=words_gap)
        if spread:  # (r28: "gram." here, "grammar" in every later scene) no smaller than the floor: a
            fit = max(fit, min(1.0, SMALLEST_TEXT / dims_size))  # long word's neighbours step aside instead
        for j, word in enumerate(words):
            g.col_labels.add(word.scale(fit).next_to(g.cell(0, j), UP, buff=words_buff))
        if spread:  # (`apart`: how far apart they are spread where there is room, words_gap at least)
            self._words_apart(g, max(words_gap, apart))
        return g

    @staticmethod
    def _words_apart(g, gap: float) -> None:
        """The dims' words (centred over their columns) moved sideways, each over its own column
        (overhanging it by `gap` at most, the last not past the table's edge), until neighbours
        stand `gap` apart where they can."""
        words = list(g.col_labels)
        cells = [g.cell(0, j) for j in range(len(words))]
        if len(words) > 2 and any(b.get_left()[0] - a.get_right()[0] < gap - 1e-6 for a, b in zip(words, words[1:])):
            # (r31: "tech" and "grammar" 10 px apart, "mood" centred with room to its right) the end words
            # first to their columns' outer edges, where they are narrower than their columns
            for word, cell, edge in ((words[0], cells[0], LEFT), (words[-1], cells[-1], RIGHT)):
                if word.width < cell.width:
                    word.align_to(cell, edge)
        for _ in range(4):
            for k in range(len(words) - 1):
                a, b = words[k], words[k + 1]
                deficit = gap - (b.get_left()[0] - a.get_right()[0])
                if deficit <= 1e-6:
                    continue
                last = k + 1 == len(words) - 1
                room_b = cells[k + 1].get_right()[0] + (0.0 if last else gap) - b.get_right()[0]
                if not last:
                    room_b = min(room_b, words[k + 2].get_left()[0] - gap - b.get_right()[0])
                step = max(0.0, min(deficit, room_b))
                b.shift(RIGHT * step)
                deficit -= step
                room_a = a.get_left()[0] - (cells[k].get_left()[0] - (0.0 if k == 0 else gap))
                if k > 0:
                    room_a = min(room_a, a.get_left()[0] - words[k - 1].get_right()[0] - gap)
                a.shift(LEFT * max(0.0, min(deficit, room_a)))
        gaps = [b.get_left()[0] - a.get_right()[0] for a, b in zip(words, words[1:])]
        if len(words) > 2 and min(gaps) < gap - 1e-6:
            # (r31) still short somewhere: the room between the end words shared evenly, where each word then
            # stays over its own column (overhanging it by `gap` at most)
            even = sum(gaps) / len(gaps)
            x = words[0].get_right()[0]
            placed = [words[0].get_center()[0]]
            for word in words[1:]:
                placed.append(x + even + word.width / 2)
                x += even + word.width
            if even > min(gaps) and all(c.get_left()[0] - gap - 1e-6 <= p - w.width / 2 and p + w.width / 2 <= c.get_right()[0] + gap + 1e-6
                                        for w, c, p in zip(words, cells, placed)):
                for word, p in zip(words, placed):
                    word.set_x(p)

    def _lookup_table(self, cell_w: float, cell_h: float, dims_size: float = LOOKUP_TABLE_DIMS,
                      title_size: float = LOOKUP_TITLE):
        """(table, title) as drawn for the look-up, titled over its cells (the title on a baseline, as
        the sentences' names are)."""
        tokens = list(self.example.embeddings)
        # (its dims' words kept 0.25 apart: as large as they are, "animal tech" read as one)
        table = self._lookup_grid([self.example.embeddings[t] for t in tokens], "embeddings", tokens, cell_w, cell_h,
                                  text=LOOKUP_TABLE_TEXT, dims_size=dims_size, fill=0.78,
                                  words_gap=min(0.25, 0.2 * cell_w), words_buff=0.1)
        title = baseline_label("embedding table", self.theme, size=min(title_size, LOOKUP_TITLE), color=self.theme.text)
        title.next_to(table.col_labels, UP, buff=0.18).match_x(table.rects)
        return table, title

    def _dim_names(self) -> list:
        """The dims' names as this scene writes them everywhere: cut ("grammar" → "gram.") where the
        sentences, read side by side, have no room for the whole word (one spelling throughout)."""
        if getattr(self, "dim_names", None) is None:
            self.dim_names = list(self.example.dims)
            across = self._three_across()
            if across is not None:  # (three across: the names its columns hold at a readable size)
                self.dim_names = [w.original_text for w in across[0].col_labels]
            elif len(self.traces) > 1:  # (the layout show_sentences will choose, worked out ahead)
                self.inputs = [self._sentence_matrix(number, s) for number, s in enumerate(self.traces[:2])]
                finals = self._arrange_for_reading()
                if self.reading_layout == "side":
                    self.dim_names = [w.original_text for w in finals[0][1].col_labels]
        return self.dim_names

    def _lay_out_lookups(self):
        """The table (every column) on the left of the frame, as large as its share and the stage allow;
        the sentences on the right, one above the other, each in an equal share of the height down
        to the subtitles' band, at one size (the same row reads the same in both)."""
        target = self.unfolded[0].copy() if getattr(self, "unfolded", None) is not None else self.table.generate_target()
        self.table.target = target
        margin, gap = 0.35, 0.45
        # the table's share of the width: 49%, or more where that keeps its smallest text readable
        # and the sentences beside it keep the size their share of the height gives them (they are
        # as tall as the stage allows long before they are that wide)
        texts = [*target.numbers, *target.row_labels, *target.col_labels]
        readable = SMALLEST_TEXT / min(t.font_size for t in texts) * target.width
        share = (3.0 - LOWEST - gap * (len(self.inputs) - 1)) / len(self.inputs)
        sentences = max(pair.width for pair in self.inputs) * min(share / pair.height for pair in self.inputs)
        widest = config.frame_width - 2 * margin - sentences - gap / 2  # the table's room, the sentences kept
        split = -config.frame_width / 2 + max(0.49 * config.frame_width,
                                              min(margin + readable + gap / 2 + 0.05, widest))
        fit_region(target, -config.frame_width / 2 + margin, split - gap / 2, top=3.0, bottom=LOWEST, grow=1.0)
        # dimmed while it is looked up: the sentence being built is what is read, and a row flying
        # out of the table passes over its other rows
        VGroup(target.numbers, target.row_labels, target.col_labels).set_opacity(LOOKED_UP_IN)
        left, right = split + gap / 2, config.frame_width / 2 - margin
        factor = min(min((right - left) / pair.width, share / pair.height) for pair in self.inputs)
        for k, (caption, g) in enumerate(self.inputs):
            VGroup(caption, g).scale(factor)
            regrow_column_labels(g, gap=0.1 * factor)  # (the columns' words as large as the room between them allows)
            top = 3.0 - k * (share + gap)
            VGroup(caption, g).move_to([(left + right) / 2, top - share / 2, 0.0])

    @staticmethod
    def _flight_start(source, target, side: int, table) -> np.ndarray:
        """Where a row's copy sets off beside the table (_flight): its near edge just clear of the
        table, at the row's own height."""
        edge = table.get_left()[0] - 0.15 - target.width / 2 if side < 0 else table.get_right()[0] + 0.15 + target.width / 2
        return np.array([edge, source.get_center()[1], 0.0])

    def _flies_clear(self, source, target, side: int, table, built) -> bool:
        """Whether the copy, at the target's size on the straight way from beside the table to its
        place (_flight), passes over none of `built` (the sentence's rows and words already there)."""
        start, end = self._flight_start(source, target, side, table), target.get_center()
        half = np.array([target.width / 2, target.height / 2]) - 0.02  # (touching a neighbour is not crossing it)
        for t in np.linspace(0.0, 1.0, 41):
            centre = (1 - t) * start[:2] + t * end[:2]
            box = (*(centre - half), *(centre + half))
            if any(boxes_overlap(box, box_of(m)) for m in built):
                return False
        return True

    def _flight(self, source, target, side: int = 0, table=None) -> AnimationGroup:
        """A table row is looked up: boxed in the table, a copy of it flies into its place in the
        sentence. Beside the sentences (`side` -1 or 1, `table` the table's extent): out of the table
        sideways at its own height, taking the sentence's size as it goes (its near edge just clear
        of the table), then to its place, through the sentence's rows not built yet. Stacked
        (`side` 0): across at its own height, then straight up. (On an arc it rose through the
        table's rows above it, and read as "0.0mouse" over them, r13.) The box leaves as it lands."""
        # inside its row (around it, it ran over the next row's words, r20)
        lit = SurroundingRectangle(source, color=self.theme.text, buff=(0.05, -0.03), stroke_width=3)
        unseen = source.copy().set_opacity(0.0)  # (a second, half-seen layer on the row would show as a brighter row)
        if side:  # (out of the table unseen, its words never over the table's digits: it shows beside the boxed row)
            unseen.scale(target.width / source.width).move_to(self._flight_start(source, target, side, table))
            keys = []
        else:
            keys = [(0.5, np.array([target.get_center()[0], source.get_center()[1], 0.0]))]
        return AnimationGroup(blink(lit, (0.0, 0.15), (0.85, 1.0)),
                              # (beside: seen early in its flight, so it is seen to travel, r24)
                              during(Carry(unseen, target, keys=keys, resize=(0.0, 0.4) if side else (0.0, 1.0)), 0.15, 1.0))

    def _sentence_matrix(self, number: int, sentence, side: bool = False) -> VGroup:
        """(caption, matrix) of one sentence, the caption over the matrix. `side`: as the sentences
        are read side by side (_side_by_side), its cells READ_CELL_W against READ_ROW_H and its
        words built to be ROW_WORDS / COLUMN_WORDS large once its rows are READ_ROW_H tall."""
        if side:
            cell_h = CELL_H * SENTENCE_ROWS
            grown = READ_ROW_H / cell_h  # (what the layout scales it by, the frame allowing)
            g = self.grid(sentence.input, f"sentences[{number}].input", row_labels=list(sentence.tokens),
                          value_scale=self.vector_scale, row_label_colors=self.token_colors(sentence.tokens),
                          cell_w=cell_h * READ_CELL_W / READ_ROW_H, cell_h=cell_h)
            for word in g.row_labels:
                word.scale(ROW_WORDS / grown / word.font_size, about_edge=RIGHT)
            # the dims' words upright, on one baseline (fitted into these narrower columns, "grammar" stood on end)
            colours = self.dim_colors()
            for j, dim in enumerate(self.example.dims):
                word = baseline_label(dim, self.theme, size=COLUMN_WORDS / grown, color=colours.get(j, self.theme.text))
                g.col_labels.add(word.next_to(g.cell(0, j), UP, buff=0.12))
            caption = baseline_label(f"“{' '.join(sentence.tokens)}”", self.theme, size=CAPTION_SIZE / grown,
                                     color=self.theme.text)
            return VGroup(caption.next_to(g, UP, buff=0.15), g)
        # side by side, the two matrices are as wide as the frame long before they are as tall as the
        # stage: their rows SENTENCE_ROWS × the usual height, the numbers grown with them, the words
        # beside them at their usual size; the columns a little wider than usual (MatrixGrid widens
        # them for their labels by up to 1.6 ×: from a 1.6th of that, "grammar" shrinks to fit
        # instead, then grows back over its short neighbours' room)
        g = self.grid(sentence.input, f"sentences[{number}].input", row_labels=list(sentence.tokens),
                      col_labels=list(self.example.dims), value_scale=self.vector_scale,
                      row_label_colors=self.token_colors(sentence.tokens), col_label_colors=self.dim_colors(),
                      cell_w=CELL_W * SENTENCE_COLUMNS / 1.6, cell_h=CELL_H * SENTENCE_ROWS)
        for word in g.row_labels:  # (a long word, already shrunk to fit, keeps its size)
            word.scale(min(1.0, (NUMBER_SIZE + 2) / word.font_size), about_edge=RIGHT)
        regrow_column_labels(g)
        return VGroup(self._caption(sentence, g), g)

    def _settle_sentences(self):
        """The table and the captions leave; the matrices grow into the room, and the captions come
        back in their new places (nothing crosses anything on the way)."""
        targets = self._arrange_for_reading()
        # (brisk: nothing new is said over it)
        self.play(FadeOut(VGroup(self.table, *(caption for caption, _ in self.inputs))), run_time=0.4)
        for (_, g), (caption, target) in zip(self.inputs, targets):
            g.target = target
        self.inputs = [VGroup(caption, g) for (_, g), (caption, _) in zip(self.inputs, targets)]
        self.play(LaggedStart(AnimationGroup(*(MoveToTarget(g) for _, g in self.inputs)),
                              AnimationGroup(*(FadeIn(caption) for caption, _ in self.inputs)), lag_ratio=0.8), run_time=1.1)

    @staticmethod
    def _stack(pairs) -> VGroup:
        """The sentences one above the other, their matrices' cells in line."""
        stack = VGroup(*pairs).arrange(DOWN, buff=0.35 * drawn_scale(pairs[0][1]))
        for pair in pairs:
            pair.shift(RIGHT * (pairs[0][1].rects.get_left()[0] - pair[1].rects.get_left()[0]))
        return stack

    def _arrange_for_reading(self) -> list:
        """Where the sentences go once the table has gone, as (caption, matrix) copies: the matrices
        one above the other, as large as the frame allows, each caption beside its matrix (in one
        line, or in a few short ones) or above it, whichever leaves the matrices largest."""
        grids = [g.copy() for _, g in self.inputs]

        def arranged(placement: str) -> list:
            pairs = [VGroup(self._caption(s, g, placement), g) for g, s in zip(grids, self.traces)]
            fit_to_frame(self._stack(pairs), top=2.95, bottom=LOWEST, grow=1.25 / drawn_scale(grids[0]))  # ≤ 1.25 × built
            return pairs

        placements = ("beside", "wrapped", "above")
        sizes = [round(drawn_scale(arranged(p)[0][1]), 3) for p in placements]
        best = placements[sizes.index(max(sizes))]  # the first of equals: one line reads best
        # side by side, the focus word's rows level (the same row read across), unless that leaves
        # their numbers too small to read and stacking leaves them larger
        if len(grids) > 1:
            side = self._side_by_side(grids)
            if side[0][1].numbers[0].font_size >= READABLE or drawn_scale(side[0][1]) >= max(sizes):
                self.reading_layout = "side"
                return side
        self.reading_layout = best
        return arranged(best)

    def _side_by_side(self, grids) -> list:
        """(caption, matrix) pairs side by side, the focus word's rows at one height, their rows
        READ_ROW_H tall as far as the frame allows (READ_MARGIN at each side), each caption centred
        over its matrix, the captions on one baseline, the whole centred on the stage (the callout
        goes on the heading's line). Built afresh (`grids`' columns are wider than these)."""
        pairs = [self._sentence_matrix(number, s, side=True) for number, s in enumerate(self.traces[:len(grids)])]
        matrices = [g for _, g in pairs]
        row = VGroup(*matrices).arrange(RIGHT, buff=READ_GAP * CELL_H * SENTENCE_ROWS / READ_ROW_H, aligned_edge=UP)
        focus = self.example.focus
        levels = [(g, s.tokens.index(focus)) for g, s in zip(matrices, self.traces) if focus in s.tokens]
        for g, i in levels[1:]:  # each moved up or down until its focus row is level with the first's
            g.shift(UP * (levels[0][0].row(levels[0][1]).get_y() - g.row(i).get_y()))
        captions = VGroup(*(caption for caption, _ in pairs))
        room = config.frame_width - 2 * READ_MARGIN
        tall = 2.95 - LOWEST - max(c.height for c in captions) - 0.15
        factor = min(READ_ROW_H / matrices[0].rects[0].height, room / row.width, tall / row.height)
        row.scale(factor).set_x(0)
        for caption, g in pairs:
            caption.scale(factor)
            if caption.width > g.width:
                caption.scale_to_fit_width(g.width)
            caption.match_x(g.rects)
            if caption.get_right()[0] > g.get_right()[0]:  # (over the words' column too, never past the matrix)
                caption.align_to(g, RIGHT)
        baseline = max(g.get_top()[1] for g in matrices) + 0.15 * factor  # (baseline_label: bottoms are baselines)
        for caption in captions:
            caption.shift(UP * (baseline - caption.get_bottom()[1]))
        block = VGroup(captions, row)
        block.shift(UP * ((2.95 + LOWEST) / 2 - block.get_center()[1]))
        for g in matrices:
            # the numbers clear of their cells' edges (filling 0.86 of the cell, "1.30 1.30" read as one)
            for number in g.numbers:
                number.scale(min(1.0, READ_NUMBERS / number.font_size))
            self._shorten_crowded(g)
        return [VGroup(caption, g) for caption, g in pairs]

    def _shorten_crowded(self, g, gap: float = 0.2) -> None:
        """The dims' words over columns too narrow for them at a readable size: while two
        neighbours stand closer than `gap`, the wider of them (not yet cut, longer than 5 letters)
        is cut to its first 4 letters and a full stop ("grammar" → "gram."), on the same baseline."""
        words = list(g.col_labels)

        def tight(a, b) -> bool:
            return b.get_left()[0] - a.get_right()[0] < gap

        while True:
            crowded = [w for a, b in zip(words, words[1:]) if tight(a, b) for w in (a, b)
                       if not w.original_text.endswith(".") and len(w.original_text) > 5]
            if not crowded:
                return
            widest = max(crowded, key=lambda w: w.width)
            cut = baseline_label(widest.original_text[:4] + ".", self.theme, size=widest.font_size,
                                 color=widest.get_fill_color())
            cut.move_to(widest).align_to(widest, DOWN)
            widest.become(cut)
            widest.text, widest.original_text = cut.text, cut.original_text

    def _caption(self, sentence, matrix, placement: str = "above"):
        """The sentence in quotes, sized to the matrix as drawn: over its left ("above"), or beside
        it in one line ("beside") or in lines of a few words ("wrapped")."""
        scale = drawn_scale(matrix)
        text = f"“{' '.join(sentence.tokens)}”"
        if placement == "above":
            caption = label(text, self.theme, size=24).scale(scale)
            return caption.next_to(matrix, UP, buff=0.25 * scale).align_to(matrix.rects, LEFT)
        if placement == "wrapped":
            text = textwrap.fill(text, CAPTION_LINE, break_long_words=False)
        return label(text, self.theme, size=24).scale(scale).next_to(matrix.rects, RIGHT, buff=0.45 * scale)

    def _table_row(self, token, table=None):
        """The token's row of the table (or of `table`, a copy of it such as its target), with its label:
        while the table is folded beside the plot, only the plane's two columns (a box sized to the
        whole row ran past them)."""
        table = self.table if table is None else table
        i = list(self.example.embeddings).index(token)
        folded = getattr(self, "folded_to", None)
        cells = table.row(i) if folded is None else VGroup(*(table.row(i)[a] for a in folded))
        return VGroup(table.row_labels[i], cells)

    def _focus_rows(self) -> list:
        """(matrix, row index) of the focus word in each sentence shown."""
        focus = self.example.focus
        return [(g, s.tokens.index(focus)) for (_, g), s in zip(self.inputs, self.traces) if focus in s.tokens]

    def _worked_rows(self) -> list:
        """(matrix, row index) of the focus word's rows pointed at: in each sentence, and (three
        across) in the table between them, the row both were looked up from."""
        rows = self._focus_rows()
        if (self.reading_layout == "across" and self.example.focus in self.example.embeddings
                and not getattr(self, "table_gone", False)):
            rows.insert(1, (self.table, list(self.example.embeddings).index(self.example.focus)))
        return rows

    def _table_leaves(self) -> list:
        """(r30: three tables and a dimmed plot in one frame, nothing leading) the table has done its
        job: it leaves to the left, and the second sentence is named as the first is ("Input (n × d)",
        on its caption's line, left of it). Returns what now stands named beside the second matrix."""
        caption, g = self.inputs[1]
        # (r31: its shape alone, "(5 × 4)", named no matrix) named "Input" as the first is, on its caption's
        # line, left of it (its shape where that was shown; else the name alone: "Input (n × d)" in full left
        # the plot a third of the frame), 0.6 from it: the link between the focus rows passes between them
        shape = self.second_marks[1] if len(getattr(self, "second_marks", (VGroup(), VGroup()))[1]) else None
        word = label("Input", self.theme, size=STACK_CAPTION, weight="BOLD")
        if shape is not None:
            word.next_to(shape, LEFT, buff=0.14)
            word.shift(UP * (text_baseline(shape) - text_baseline(word)))
            name = VGroup(word)
        else:  # (r32: left of the link, 0.6 from its caption, it read as the link's label) the link is on the
            # matrices' right now: the name at its caption's left, as close to it as a word space
            word.next_to(caption, LEFT, buff=0.25)
            word.shift(UP * (text_baseline(caption) - text_baseline(word)))
            name = VGroup(word)
        # (everything else on screen goes with it: the table's row copies left over from the look-up)
        stays = {id(m) for m in [self.heading, *self.inputs, *getattr(self, "input_marks", ()), *self.second_marks,
                                 self.mini, *self.mini.vectors.values()]}
        table = Group(*(m for m in self.mobjects if id(m) not in stays and m is not shape))
        self.second_name = name
        # (r31: the plot grew 8 s later, the left half empty meanwhile) the plot grows into the room the
        # table leaves, in the same move: one layout from here to the end
        self.link = self._link()
        growing = self._grow_plot()
        # (the second name after the plot has grown: the focus word's label passes its place on the way)
        # (r31: slid out left, its words were cut by the frame's edge) it fades where it stands, said: the
        # second sentence is named as the first was
        self.narrate("The other sentence is an Input too.", during(FadeOut(table), 0.0, 0.35),
                     *([during(g, 0.3, 0.8) for g in growing]), during(FadeIn(name), 0.8, 1.0), run_time=1.6)
        self._grown()
        return [name]

    def _link(self) -> VMobject:
        """The two focus rows joined by a bracket left of their words: the same row twice."""
        th = self.theme
        (g1, i1), (g2, i2) = self._focus_rows()[:2]
        # (r32: on the left, between the second sentence's caption and its name, the name read as the
        # link's label) on the matrices' right: from the focus rows' right brackets out and down
        right = max(g1.rects.get_right()[0], g2.rects.get_right()[0]) + BRACKET_OUT
        x = min(right + 0.3, config.frame_width / 2 - 0.2)
        ya, yb = g1.row(i1).get_center()[1], g2.row(i2).get_center()[1]
        corners = [[right + 0.06, ya, 0], [x, ya, 0], [x, yb, 0], [right + 0.06, yb, 0]]
        # (three lines, not one L-shaped path: each has a thin box of its own, clear of the plot beside it)
        return VGroup(*(Line(p, q, stroke_width=4, color=th.focus) for p, q in zip(corners, corners[1:])))

    def _stack_left(self) -> float:
        """The left edge of the two sentences' rows' words and their captions (the plot's room ends short of it)."""
        return min(m.get_left()[0] for caption, g in self.inputs[:2] for m in (caption, g.row_labels))

    def _callout_spot(self, right: float):
        """(r31: the callout 25 px from "Input (5 × 4)" on its line, read as one caption) the callout on a
        line of its own, under the heading, from its left edge, 0.45 (40 px) clear of the first sentence's
        name: on the name's line where it ends that far short of it, else under it. Returns the callout."""
        th = self.theme
        line = note("same row, different neighbours", th, size=28, color=th.focus)
        line.next_to(self.heading, DOWN, buff=0.3).align_to(self.heading, LEFT)
        marks = getattr(self, "input_marks", None)
        if marks is not None and line.get_right()[0] > marks[1].get_left()[0] - 0.45:
            line.next_to(marks[1], DOWN, buff=0.15)
            line.align_to(self.heading, LEFT)
        if line.get_right()[0] > right:
            line.scale((right - line.get_left()[0]) / line.width, about_edge=LEFT)
        return line

    def _grow_plot(self) -> list:
        """(r30: the small plot idle under the table) the plot grows from where it is into the room the
        table leaves, dimmed, beside the two focus rows, with its ticks: the mouse arrow read large.
        Returns the animations (played as the table leaves; self._grown() then makes it one figure)."""
        mini = self.mini
        left = -config.frame_width / 2 + STACK_MARGIN
        widest = self._stack_left() - 0.35
        self.callout_spot = self._callout_spot(widest)
        top = self.callout_spot.get_bottom()[1] - 0.2  # (the callout's line under the heading)
        bottom = self.plane_room[3]
        # (r31) as wide as the link allows where the plot's words, arrows and axes stay 0.25 clear of the
        # second sentence's name (beside the plot's empty top right); else narrower, down to the name's left
        names = VGroup(self.second_name, *([self.second_marks[1]] if len(getattr(self, "second_marks", ((), ()))[1]) else []))
        name_box = box_of(names, 0.25)
        narrowest = names.get_left()[0] - 0.35
        big, full = None, None
        for right in (np.linspace(widest, narrowest, 7) if widest > narrowest else [widest]):
            plot = self._fitted_plot((left, right, top, bottom))
            if plot is None:
                continue
            big, full = plot, self.mini_full  # (its parts' full opacities: it is built dimmed)
            # (the whole figure's box: nothing may stand inside a plot's frame, even in its empty corner)
            drawn = VGroup(big.axes, big.tick_labels, big.axis_names, *big.vectors.values())
            if not boxes_overlap(box_of(drawn), name_box):
                break
        if big is None:
            return []
        self.mini_full = full
        return self._growth(mini, big)

    def _fitted_plot(self, room):
        """The plot for `room` (left, right, top, bottom), as large as it allows, its words PLANE_WORDS
        and its ticks TICK_SIZE large; None where it cannot be drawn."""
        left, right, top, bottom = room

        def built(size):
            """The plot for the room, its x axis's name under the axis's end (beside it, it took a fifth of
            the room's width)."""
            plot = self._parked_plane(room, dim=True, size=size, stroke=WORD_ARROW_WIDTH, ticks=True)
            if plot is not None:
                end = plot.axes.x_axis.get_end()
                plot.axis_names[0].next_to(end, DOWN, buff=0.15).align_to(end, RIGHT)
                if any(boxes_overlap(box_of(plot.axis_names[0], 0.1), box_of(t)) for t in plot.tick_labels):
                    plot.axis_names[0].next_to(end, RIGHT, buff=0.12)  # (in the ticks' row: beside the end)
                # (r30: keyboard's word stood off its tip, over mouse's) the y axis's name over the axis's end,
                # each word by its own tip: right of it, or (along the x axis) over it, right-aligned with it
                top_end = plot.axes.y_axis.get_end()
                plot.axis_names[1].next_to(top_end, UP, buff=0.12).align_to(top_end, LEFT).shift(LEFT * 0.05)
                for vec in plot.vectors.values():
                    if vec.label is None:
                        continue
                    if vec.leader is not None:
                        vec.remove(vec.leader)
                        vec.leader = None
                    tip = vec.body.get_end()
                    if abs(vec.xy[1]) < 1e-9:
                        vec.label.next_to(tip, UP, buff=0.12).align_to(tip, RIGHT)
                    elif vec.name == self.example.focus and abs(vec.xy[0]) > 1e-9:
                        # (r31) the focus word over its tip: right of it, it reached the second sentence's name
                        vec.label.next_to(tip, UP, buff=0.15)
                    else:
                        vec.label.next_to(tip, RIGHT, buff=0.15)
            return plot

        big = built(PLANE_WORDS)
        if big is None:
            return None
        # (built for the small room's proportions, it filled half of this one) as large as the room allows:
        # built with its words as much smaller as it is then grown, so they grow back to PLANE_WORDS
        drawn = VGroup(big.axes, big.axis_names, *big.labels())
        factor = min((right - left) / drawn.width, (top - bottom) / drawn.height)
        if factor > 1.05:
            again = built(PLANE_WORDS / factor)
            if again is not None:
                big = again
                whole = VGroup(big, *big.vectors.values())
                whole.scale(factor, about_point=big.axes.get_corner(DL))
                for name, corner in zip(big.axis_names, (UR, UL)):  # (the axes' names back to their size)
                    name.scale(1 / factor, about_point=name.get_corner(corner))
                origin = big.origin
                for tick in big.tick_labels:  # (and the ticks, by their edge toward their axis)
                    edge = UP if tick.get_top()[1] < origin[1] else RIGHT
                    tick.scale(1 / factor, about_edge=edge)
                drawn = VGroup(big.axes, big.axis_names, *big.labels())
                whole.shift(np.array([left - drawn.get_left()[0], bottom - drawn.get_bottom()[1], 0.0]))
                drawn = VGroup(big.axes, big.axis_names, *big.labels())
                whole.shift(UP * max(0.0, (top - bottom - drawn.height) / 2))
                if drawn.get_right()[0] > right + 1e-6:
                    return None
                big.box.stretch_to_fit_width(right - left).stretch_to_fit_height(top - bottom)
                big.box.move_to([(left + right) / 2, (top + bottom) / 2, 0.0])
        return big

    def _growth(self, mini, big) -> list:
        """Animations: the small plot `mini` grown into `big` (self._grown() then makes it one figure)."""
        self.remove(mini, *mini.vectors.values())
        pairs = [(mini.axes, big.axes), *zip(mini.axis_names, big.axis_names)]
        fades, comes = [], []
        for name, vec in mini.vectors.items():
            new = big.vectors[name]
            pairs.append((vec.body, new.body))
            if vec.label is not None and new.label is not None:
                pairs.append((vec.label, new.label))
            if vec.leader is not None:
                fades.append(vec.leader)
            if new.leader is not None:
                comes.append(new.leader)
        comes += list(big.tick_labels)  # (the small plot has none: they come as it lands)
        moving = []
        for a, b in pairs:
            self.add(a)
            moving.append(ReplacementTransform(a, b))
        self.add(*fades)
        self._growing = (big, pairs, comes)
        return [*moving, *(during(FadeOut(m), 0.0, 0.3) for m in fades), *(during(FadeIn(m), 0.8, 1.0) for m in comes)]

    def _grown(self):
        """The grown plot (self._growing) one figure again, self.mini."""
        if getattr(self, "_growing", None) is None:
            return
        big, pairs, comes = self._growing
        self.remove(*(b for _, b in pairs), *comes)
        self.add(big, *big.vectors.values())
        self.mini = big
        self._growing = None

    def highlight_focus(self):
        focus, theme = self.example.focus, self.theme
        across = self.reading_layout == "across" and getattr(self, "mini", None) is not None and len(self._focus_rows()) >= 2
        named = self._table_leaves() if across else []
        self.table_gone = across  # (its row no longer among the rows worked)
        if not across:
            self.link = None
        if self.link is not None:  # (the small plot's room ends short of the link: the table's width is free now)
            box, edge = self.mini.box, min(self._stack_left(), self.second_name.get_left()[0]) - 0.2
            if box.get_right()[0] > edge:
                box.stretch_to_fit_width(edge - box.get_left()[0], about_edge=LEFT)
        boxes = VGroup(*(g.row_box(i, theme.focus) for g, i in self._worked_rows()))
        self.focus_boxes = boxes
        # the rows being compared stay bright, with what names them: their labels, the dims, the sentences
        keep = [boxes, self.heading, *(caption for caption, _ in self.inputs), *(g.col_labels for _, g in self.inputs)]
        keep += [*getattr(self, "input_marks", ()), *getattr(self, "second_marks", ())]  # (the sentences' brackets and names)
        mini = getattr(self, "mini", None)
        if mini is not None:  # (the small plot stays as dimmed as the look-up left it, until its arrow is read)
            keep += [mini, *mini.vectors.values()]
        if self.reading_layout == "across" and not across:
            keep += [self.table_title, self.table.col_labels]
        keep += [VGroup(g.row_labels[i], g.row(i)) for g, i in self._worked_rows()] + named
        # (each of its lines on the scene on its own: one group's box would span the corner they enclose)
        linking = [during(Succession(*(Create(line, run_time=1.0) for line in self.link)), 0.2, 0.5)] if self.link is not None else []
        if self.link is not None:
            keep.append(self.link)
        rows = self._worked_rows()
        # the two rows read side by side, both whole at once: the same numbers (one cell pulsing
        # alone read as if that dimension mattered), each swelling a little in place in the text
        # colour (in the focus colour on the blue cells they did not read, r20): the focus colour is
        # the boxes' and the words'
        # (played one by one, not as a group: a group left on the scene outlined the three rows, over
        # the small plot under the table, r29r)
        same = [Indicate(g.number(i, j), color=theme.text, scale_factor=1.05)
                for g, i in rows for j in range(len(self.example.dims))]
        self.narrate(f"“{focus}” has the same row in both sentences:", *(during(FadeIn(b), 0.0, 0.25) for b in boxes),
                     *self.focus_on(keep), *linking, *(during(pulse, 0.35, 1.0) for pulse in same), run_time=2.5)
        # the context it does not know: the sentences around it
        # (r31) the plot, grown as the table left, comes up to full strength: one arrow for both sentences
        lit = ([during(AnimationGroup(*(leaf.animate.set_fill(opacity=f).set_stroke(opacity=o)
                                        for leaf, f, o in self.mini_full)), 0.0, 0.3)]
               if across and getattr(self, "mini_full", None) else [])
        self.narrate("the embedding does not know the context.",
                     LaggedStart(*(Indicate(caption, color=theme.focus, scale_factor=1.0) for caption, _ in self.inputs),
                                 lag_ratio=0.5), *lit, run_time=1.5, wait=0.0 if across else 1.0)

    def call_out_dims(self):
        ex, theme = self.example, self.theme
        named = [(d, c) for d, c in (("animal", theme.animal), ("tech", theme.tech)) if d in ex.dims]
        if not named:
            return
        # one named dim at a time: the focus word's cell of it boxed in every sentence (inside the row's
        # box: whole columns boxed too made six boxes at once, r22), its number pointed at
        boxes, beats = VGroup(), []
        for dim, colour in named:
            j = ex.dims.index(dim)
            # (r26: 0.06 inside its cell, the stroke ran through the digits: its outer edge on the
            # cell's border now, inside it, so the animal and tech boxes side by side do not overlap)
            column = [SurroundingRectangle(g.cell(i, j), color=colour, buff=-0.01 * CELL_BOX_STROKE / 2,
                                           stroke_width=CELL_BOX_STROKE)
                      for g, i in self._worked_rows()]
            boxes.add(*column)
            # the cell boxed in the dim's colour points at its number (r26: its digits no longer swell:
            # grown by 5% inside a box on the cell's edge, they touched the box; r18: by 15% they touched
            # the cell's edges), each beat as long as before
            beats.append(AnimationGroup(*(during(FadeIn(b), 0.0, 0.35) for b in column), run_time=1.0))
        # (r28: the two cells were not seen singled out) the focus rows' other numbers step back while
        # the named dims' cells are read, and come back with the boxes' going
        named_j = [ex.dims.index(d) for d, _ in named]
        others = VGroup(*(g.number(i, j) for g, i in self._worked_rows() for j in range(len(ex.dims)) if j not in named_j))
        step_back = during(others.animate.set_opacity(0.3), 0.0, 0.3)
        come_back = during(others.animate.set_opacity(1.0), 0.0, 0.3)
        vector = ex.embeddings[ex.focus]
        parts = ", ".join(f"{d} {format_number(vector[ex.dims.index(d)])}" for d, _ in named)
        values = [abs(vector[ex.dims.index(d)]) for d, _ in named]
        ambiguous = len(values) == 2 and is_ambiguous(*values, self.vector_scale)
        # (r29r: "ambiguous" was told by table rows alone) the small plot under the table comes up, and
        # as each named dim's cells are boxed, a dashed line drops from the focus word's arrow tip to
        # that dim's axis: its two parts; then its arrow, between the two, is pointed at
        mini = getattr(self, "mini", None)
        lit, drops, flash, hidden = [], VGroup(), [], []
        if mini is not None and ex.focus in mini.vectors:
            vec = mini.vectors[ex.focus]
            axes = list(mini.plane.axes)
            # (r31) each part's number at its line's foot, in the ticks' row, as the big plot wrote them at
            # 24 s; a tick it would print over (or stand beside) steps out while it is read
            origin, numbers = mini.origin, []
            x_ticks = [t for t in mini.tick_labels if t.get_top()[1] < origin[1]]
            y_ticks = [t for t in mini.tick_labels if t.get_right()[0] < origin[0]]
            for k, (dim, colour) in enumerate(named):
                j = ex.dims.index(dim)
                if j not in axes or abs(vector[j]) < 0.005 or not len(mini.tick_labels):
                    continue
                foot = np.zeros(2)
                foot[axes.index(j)] = vec.xy[axes.index(j)]
                at = mini.c2p(foot)
                number = label(format_number(vec.xy[axes.index(j)]), theme, size=DROP_NUMBERS, color=colour)
                if axes.index(j) == 0:
                    number.move_to([at[0], x_ticks[0].get_center()[1] if x_ticks else at[1] - 0.3, 0.0])
                else:
                    edge = y_ticks[0].get_right()[0] if y_ticks else at[0] - 0.1
                    number.move_to([edge - number.width / 2, at[1], 0.0])
                numbers.append((k, number))
            hidden = [t for t in mini.tick_labels
                      if any(boxes_overlap(box_of(t, 0.12), box_of(n, 0.12)) for _, n in numbers)]
            hidden_leaves = {id(m) for t in hidden for m in t.get_family()}
            lit = [during(AnimationGroup(*(leaf.animate.set_fill(opacity=f).set_stroke(opacity=o)
                                           for leaf, f, o in self.mini_full if id(leaf) not in hidden_leaves)), 0.0, 0.25)]
            if hidden:
                self.hidden_ticks = [(t, t.get_fill_opacity()) for t in hidden]
                lit.append(during(AnimationGroup(*(t.animate.set_fill(opacity=0) for t in hidden)), 0.0, 0.1))
            for k, number in numbers:
                drops.add(number)
                lit.append(during(FadeIn(number), (k + 0.25) / len(named), (k + 0.45) / len(named)))
            for k, (dim, colour) in enumerate(named):
                j = ex.dims.index(dim)
                if j not in axes or abs(vector[j]) < 0.005:
                    continue
                foot = np.zeros(2)
                foot[axes.index(j)] = vec.xy[axes.index(j)]
                line = DashedLine(vec.body.get_end(), mini.c2p(foot), dash_length=0.07, stroke_width=3, color=colour)
                drops.add(line)
                # (in a group: a dashed line's dashes each apply the rate, its window lost on them)
                lit.append(during(AnimationGroup(Create(line)), (k + 0.1) / len(named), (k + 0.4) / len(named)))
            flash = [mini.highlight(ex.focus)]
            self.drops = drops  # (for the tests: the focus word's two parts, drawn)
        if ambiguous:
            self.narrate(f"It is strong on both meanings at once ({parts}):", *self.restore(), Succession(*beats),
                         step_back, *lit, run_time=1.6 * len(beats))
            # the cells read, their boxes go, each on its own (added one by one, a box left behind by a
            # fade of their group stayed as a faint outline, r22); the focus word's rows pointed at once
            # more, each row's own box thickened in place in turn (a second box round it read as a
            # double line, r22)
            n = len(self.focus_boxes)
            self.narrate("on its own, ambiguous.", *(during(FadeOut(b), 0.0, 0.25) for b in boxes), come_back,
                         *(during(box.animate(rate_func=there_and_back).set_stroke(width=2 * box.get_stroke_width()),
                                  k / n, (k + 1) / n) for k, box in enumerate(self.focus_boxes)),
                         *(during(f, 0.0, 0.7) for f in flash), *([during(FadeOut(drops), 0.75, 1.0)] if len(drops) else []),
                         *(during(t.animate.set_fill(opacity=o), 0.8, 1.0) for t, o in getattr(self, "hidden_ticks", [])),
                         run_time=1.2, wait=1.0)
        else:
            self.narrate(f"Its meaning dimensions read {parts}.", *self.restore(), Succession(*beats), step_back, *lit,
                         run_time=1.2 * len(beats))
            self.play(*(FadeOut(b) for b in boxes), come_back, *flash, *([FadeOut(drops)] if len(drops) else []),
                      *(t.animate.set_fill(opacity=o) for t, o in getattr(self, "hidden_ticks", [])), run_time=0.5)
        self.remove(*boxes)

    def conclude(self):
        """The neighbours are pointed at in each sentence; a short callout says what differs."""
        ex, th = self.example, self.theme
        line = note("same row, different neighbours", th, size=28 if self.reading_layout in ("side", "across") else 24,
                    color=th.focus)
        if self.reading_layout not in ("side", "above", "across"):  # in the captions' column, between the two sentences (under a lone one)
            first = self.inputs[0][0]
            room = config.frame_width / 2 - 0.5 - first.get_left()[0]
            if line.width > room:
                line.scale_to_fit_width(room)
            line.next_to(first, DOWN, buff=0.4).align_to(first, LEFT)
            if len(self.inputs) > 1:
                line.set_y((self.inputs[0][1].rects.get_bottom()[1] + self.inputs[1][1].rects.get_top()[1]) / 2)
        elif getattr(self, "callout_spot", None) is not None:  # (r31) on its own line, over the grown plot
            line = self.callout_spot
        elif self.reading_layout == "across":  # over the table, where a title would be (the heading's line
            place = self.table_title_place  # holds the first sentence's name)
            line.move_to(place).align_to(place, DOWN)
            if line.get_left()[0] < -config.frame_width / 2 + STACK_MARGIN:
                line.shift(RIGHT * (-config.frame_width / 2 + STACK_MARGIN - line.get_left()[0]))
            marks = getattr(self, "input_marks", None)
            if marks is not None and boxes_overlap(box_of(line, 0.15), box_of(marks[1], 0.15)):
                # (wider than the table, it ran into the first sentence's name) left of the name, from the
                # heading's left edge, smaller where it must be
                limit, edge = marks[1].get_left()[0] - 0.35, self.heading.get_left()[0]
                if line.width > limit - edge:
                    line.scale((limit - edge) / line.width)
                line.shift(RIGHT * (edge - line.get_left()[0]))
        else:  # on the heading's line, at the right (side by side, the matrices fill the stage)
            line.next_to(self.heading, RIGHT, buff=0.6).align_to(self.heading, DOWN)
            line.shift(RIGHT * (config.frame_width / 2 - 0.4 - line.get_right()[0]))
        # each sentence's neighbours boxed together, one sentence after the other (grown, the words
        # ran into their cells and into the other matrix)
        neighbours = [VGroup(*(SurroundingRectangle(g.row_labels[i], color=th.text, buff=0.05, stroke_width=3)
                               for i, token in enumerate(s.tokens) if token != ex.focus))
                      for (_, g), s in zip(self.inputs, self.traces)]
        self.callout = line
        # the neighbours pointed at as they are named, sentence by sentence; then the rows they decide
        self.narrate("Self-attention will let the neighbours", FadeIn(line),
                     hop_through(neighbours),
                     run_time=2.0)
        self.narrate("decide which meaning counts.",
                     *(Indicate(g.row_labels[i], color=th.focus, scale_factor=1.0) for g, i in self._focus_rows()),
                     # (each box thickened in place: grown together, they slid sideways off their rows, r20)
                     *(box.animate(rate_func=there_and_back).set_stroke(width=2 * box.get_stroke_width())
                       for box in self.focus_boxes), run_time=1.2, wait=1.0)
