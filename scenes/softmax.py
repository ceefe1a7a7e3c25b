"""Step 4 — row-wise softmax: the attention matrix; every row sums to 1. Its last step keeps the
scaling scene's promise: the focus row's weights beside what they would be were the scores not
divided by √d (attention_math.story.undivided_weights)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, AnimationGroup, Brace, DashedLine, FadeIn, FadeOut, LaggedStart, Line, MoveToTarget, Rectangle,
    ReplacementTransform, SurroundingRectangle, VGroup, Write, linear, smooth, there_and_back,
)

from attention_math.formatting import format_number, parse_number, shortest
from attention_math.story import (
    weights_ratio_as_written,
    gap_ratio, gap_widens, nearly_all_to_one, ranked, reads_all_positive, running_totals, shows_negative,
    undivided_inputs,
    undivided_weights,
    written_difference,
    written_rows_read_one, written_total, written_weight, exp_as_written, quotient_as_written,
    factor_as_written, times_as_written,
)
from attention_math.story import WHAT_IF_SCORE, negative_what_if, plain_and_soft, softmax_spread_factor, times_reads_as_written
from attention_math.breakdown import WORKED_WEIGHT_DECIMALS, softmax_row
from scenes.base import ExplainerScene
from scenes.components import (
    BAND_GAP, CELL_H, CELL_W, ROW_SUM, SMALLEST_TEXT, ColourLegend, MatrixGrid, fit_to_frame,
    baseline_label, label, row_sum_note, text_baseline,
)
from scenes.geometry import SUBTITLE_TOP, AttentionPattern, Veil, box_of, boxes_overlap
from scenes.motion import (
    Carry, Travel, Vanish, blink, build_rows, carry_and_change, change_in_place, clip01, during, fade_in, fade_out, hop_through,
    step_back,
)
from scenes.staging import fit_region

LOWEST = SUBTITLE_TOP + BAND_GAP  # nothing of this scene goes lower: the band below is the subtitles'
TOP = 2.9  # below the heading
# The two tables side by side fill the frame's width: cells taller than usual and a little narrower
# (the numbers as large as a cell's width allows) let them fill its height as well
TABLE_CELLS = dict(cell_w=0.8, cell_h=CELL_H * 2.0, number_size=32)
WEIGHTS_CELL_W = 1.45  # the attention matrix's cells at most this wide (~105 px at 720p, its words as large as its rows')
WIDE_CELLS_UP_TO = 6  # for a sentence of at most this many words
NAME_SIZE = 34   # the tables' names, in step with their words
SUM_SIZE = 30
ROW_BOX_BUFF = 0.01  # a row's box hugs its cells: the large row labels sit close beside them
SUM_BUFF = 0.3  # the rows' "Σ = 1" stand clear of a row's box
STRIP_NUMBER_SIZE = 30  # the worked row's numbers, near the tables' (its words a little larger)
NOTE_SIZE = 34  # (r28b: the grey notes by the worked row read 12–16 px at 720p) "to 4 decimals", "weights", the footnote
ARRIVE = 0.35  # when the copies of a worked row reach the next stage (carry_and_change's arrive)
DEAL_END = 0.45  # why ÷ √d: the header's words dealt into the column of words by then (of the question's play)
FILL_SHARE = 0.7  # the share of the division's play in which the weights' row fills (the worked division and the ratio after)
TABLE_DECIMALS = 2  # what the tables write (MatrixGrid's own), the worked row is rounded to
WEIGHTS_GROW = 1.45  # the attention matrix on its own, once the scores are done with: this much larger
CAPTION_SIZE = 24  # "queries ↓", "keys →"
LEGEND_SIZE, LEGEND_BUFF = 24, 0.2  # the colour key's end values; its gap under the matrix
STAGE_GAP = 0.4  # between two stages of the worked row (what is said about a row goes in the panel at its right)
PANEL_ROOM = 4.2  # the frame's right while a row is worked: one line (a gap, a ratio, a sum) beside its row
QUERIES_ROOM = 0.7  # at its left, for queries (written down the rows' words)
SCORES_GAP = 0.5  # between the scores table and the attention matrix's row labels, while its rows are worked
CHART_GAP = 0.25  # between the eˣ row and the lower half (the bar chart's, then the weights' rows')
BAR_VALUE_SIZE = 24  # each eˣ written on its bar
BRACKET_SIZE = 26  # the chart's gaps and "ratio"
RATIO_SIZE = 30  # the ratio under the eˣ row, while the chart is in the right column
ASIDE_SIZE = 34  # "the table's 1.72 is 1.7150 rounded", under the eˣ row then
COLUMN_GAP_LEFT = 0.5  # between the rows and the chart in the right column
FORMULA_SIZE, FORMULA_INDEX_SIZE = 32, 24  # softmax's formula in the heading band, and its indices i, j
CHART_BAR_W, CHART_GROUP_GAP = 0.6, 0.65  # a word's two bars (x, eˣ) side by side, and the gap between two words' groups
DIV_LINE_SIZE = 30  # the worked "eˣ ÷ Σ = weight", the focus of its moment
CHART_WORD_SIZE = 24  # the words under the chart's groups
CHART_WORD_GAP = 0.2  # between two of them, on one line
WORD_SLACK = 0.1  # how far a word under the chart may stand off its group's centre, to widen the narrowest gap
CHART_WORD_ROOMY_GAP = 0.3  # the gap wanted there, where the text floor allows (CHART_WORD_GAP the least)
CHART_ROOM_MOST = 5.4  # the right column (the chart's) at most this wide, the rows at its left
CHART_BRACKET_BUFF = 0.25  # a gap bracket from the group beside it
SENTENCE_WORD_SIZE = 44  # the sentence view's words (one line across the frame: shrunk only if too long)
SENTENCE_NUMBER_SIZE = 36  # each word's weight under it
SENTENCE_MARGIN = 0.5  # the sentence keeps this far from the frame's sides
SENTENCE_MIN_GAP = 0.35  # between two of its words, at least
CHART_FROM_START = True  # the eˣ chart in the right column (full height) from the start, not under the rows first
NARROW_FILL = 0.74  # the scores table beside the attention matrix: its numbers at most this share of a cell's width


def filled_from_above(above: MatrixGrid, below: MatrixGrid, theme) -> list:
    """The next stage of a worked row computed from the row above, cell by cell: `below`'s cells stand
    empty (outlines) by ARRIVE, then, left to right, the cell above is boxed as its own entry fills the
    cell under it (carry_and_change's schedule, without its travelling copies: r18, a copy of the row
    above's digits stood for a moment beside the new row's name). `below` is in the scene at the end."""
    # (outlined in the muted colour: the grid's own pale lines alone do not show an empty cell)
    ghosts = VGroup(*(rect.copy().set_fill(opacity=0).set_stroke(theme.muted, width=1.5, opacity=1) for rect in below.rects))
    n = len(ghosts)
    anims = []
    for j in range(n):
        start = ARRIVE + (1.0 - ARRIVE - 0.3) * j / max(n - 1, 1)  # each change takes 0.3
        # (one column's box at a time: the cell above and the one it fills, gone as the next column's comes)
        step = (1.0 - ARRIVE - 0.3) / max(n - 1, 1)
        column = SurroundingRectangle(VGroup(above.rects[j], below.rects[j]), color=theme.focus, buff=0.04)
        anims += [blink(column, appear=(start, start + 0.2 * step), leave=(start + 0.8 * step, start + step)) if j < n - 1
                  else blink(column, appear=(start, start + 0.2 * step), leave=(start + 0.25, start + 0.3)),
                  Vanish(below, back=(start, start + 0.3), parts=[below.rects[j]]),
                  Vanish(below, back=(start + 0.1, start + 0.3), parts=[below.numbers[j]]),
                  # (each empty cell in one animation, in and out: a FadeOut after a FadeIn of the same
                  # mobject held it invisible throughout)
                  blink(ghosts[j], appear=(0.0, ARRIVE), leave=(start + 0.28, start + 0.3))]
    return anims


def changed_in_place(above: MatrixGrid, below: MatrixGrid) -> list:
    """The next stage of a worked row in its own slot: `above`'s cells fade in there as they are (never
    sliding over `above`, whose digits a passing copy would cover), then, left to right, each gives way
    to `below`'s entry where it stands (carry_and_change's schedule from ARRIVE on: the number gone
    before the new one comes). The ghost leaves the scene; `below` is in it at the end."""
    shift = below.rects.get_center() - above.rects.get_center()
    rects, numbers = above.rects.copy().shift(shift), above.numbers.copy().shift(shift)
    n = len(rects)
    anims = [during(FadeIn(VGroup(rects, numbers)), 0.0, ARRIVE)]
    for j in range(n):
        start = ARRIVE + (1.0 - ARRIVE - 0.3) * j / max(n - 1, 1)  # each change takes 0.3
        anims += [during(FadeOut(rects[j]), start, start + 0.3), during(FadeOut(numbers[j]), start, start + 0.12),
                  Vanish(below, back=(start, start + 0.3), parts=[below.rects[j]]),
                  Vanish(below, back=(start + 0.15, start + 0.3), parts=[below.numbers[j]])]
    return anims


def upright_word(word) -> bool:
    """A column's word as written across (MatrixGrid writes a long one up its column, turned)."""
    return word.width >= word.height * 0.5 or len(getattr(word, "original_text", "")) < 3


def broken_guide(x0: float, x1: float, y: float, colour, obstacles, shortest_piece: float, stroke_width: float) -> VGroup:
    """A dashed guide at height y between x0 and x1, broken where it would cross one of `obstacles`
    ((left, bottom, right, top) boxes: stopped 0.05 short of their edges); pieces shorter than
    `shortest_piece` are left out."""
    x0, x1 = min(x0, x1), max(x0, x1)
    cuts = sorted((l - 0.05, r + 0.05) for l, lo, r, hi in obstacles if lo - 0.04 <= y <= hi + 0.04 and r > x0 and l < x1)
    pieces, start = VGroup(), x0
    for l, r in cuts + [(x1, x1)]:
        if l - start > shortest_piece:
            pieces.add(DashedLine([start, y, 0], [l, y, 0], dash_length=0.07, stroke_width=stroke_width, color=colour))
        start = max(start, r)
    return pieces


class SoftmaxScene(ExplainerScene):
    scene_name = "softmax"
    chapter = "Row-wise softmax"
    summary = "The attention matrix: each row sums to 1"
    steps = ("show_scaled", "one_row", "every_row", "read_focus_row", "sentence_view", "why_exp", "why_divide")


    def _ratio_lines(self, exps, big: int, small: int, ratio: float, places: int, exponent: str, size: float) -> VGroup:
        """The two lines of the eˣ ratio, in the focus colour, not yet arranged: "ratio a ÷ b = r" (the
        division written only where it checks as written, else "ratio r"), then "= exp(gap)"."""
        th = self.theme
        worked = quotient_as_written(exps[big], exps[small], ratio, places, TABLE_DECIMALS)
        first = (f"ratio {format_number(exps[big], places)} ÷ {format_number(exps[small], places)} = {format_number(ratio)}"
                 if worked else f"ratio {format_number(ratio)}")
        return VGroup(label(first, th, size=size, color=th.focus), label(f"= exp({exponent})", th, size=size, color=th.focus))
    def show_scaled(self):
        s, th = self.first, self.theme
        tokens = list(s.tokens)
        self.heading = self.chapter_title()
        kw = dict(row_labels=tokens, col_labels=tokens, row_label_colors=self.token_colors(tokens),
                  col_label_colors=self.token_colors(tokens), **TABLE_CELLS)
        self.scaled = self.grid(s.simple.scaled, "simple.scaled", value_scale=self.score_scale, **kw)
        # the weights' cells as wide as their column words need at the row words' size (r20: "mouse" nearly touched
        # "and"/"are", the column words shrunk to ~2/3 of the row words' size): it has the frame's width to itself
        # (MatrixGrid widens a column up to 1.6 times the cell_w given, for its words: WEIGHTS_CELL_W at most; wider,
        # the scores table beside it while its rows are worked would have no room for its column words)
        # (a short sentence's only: with more words the frame's width is what the two tables share, and wider
        # cells would shrink all of the matrix)
        wide = len(tokens) <= WIDE_CELLS_UP_TO
        self.weights = self.grid(s.simple.weights, "simple.weights", value_scale=1.0,
                                 **{**kw, "cell_w": max(TABLE_CELLS["cell_w"], WEIGHTS_CELL_W / 1.6 if wide else 0.0)})
        # and the row words at the column words' size, one size for the matrix's words, where that is near theirs
        # (many words' columns are narrow: their row words are left as large as they are)
        for word in self.weights.row_labels:
            ratio = self.weights.col_labels[0].font_size / word.font_size
            if 0.8 <= ratio < 1.0:
                word.scale(ratio, about_edge=RIGHT)
        self.scaled_name = label("Scaled scores", th, size=NAME_SIZE)
        self.weights_name = label("Attention weights", th, size=NAME_SIZE)
        left = VGroup(self.scaled_name, self.scaled)
        right = VGroup(self.weights_name, self.weights)
        self.scaled_name.next_to(self.scaled, UP, buff=0.5)
        self.weights_name.next_to(self.weights, UP, buff=0.5)
        self.sum_labels = VGroup(*(label(ROW_SUM, th, size=SUM_SIZE, color=th.muted).next_to(self.weights.row(k), RIGHT, buff=SUM_BUFF)
                                   for k in range(len(tokens))))
        # the key to the weights' colours, new here: 0 to 1, nothing negative
        self.legend = ColourLegend(th, 1.0, negative=False)
        self.legend.next_to(self.weights.rects, DOWN, buff=0.3).align_to(self.weights.rects, LEFT)  # the note under Σ at right
        self.sum_note = row_sum_note(self.sum_labels, th, size=SUM_SIZE * 0.9)
        right.add(self.sum_labels, self.sum_note, self.legend)
        # the gap holds the weights' "queries" caption, clear of the scaled scores
        self.layout = VGroup(left, right).arrange(RIGHT, buff=1.0, aligned_edge=UP)
        fit_to_frame(self.layout, top=TOP, bottom=LOWEST)
        # the scores stay where and as large as the opening has them (rows as tall: its rows are boxed
        # there, and the focus row lifted from there): only the weights' side (not on screen yet) keeps
        # the layout's place
        if self.opening is not None:
            laid_out = self.scaled
            self.scaled = self.opening.table.copy()  # (the same matrix: its values, colours and words)
            self.shown[self.shown.index(laid_out)] = self.scaled
            self.scaled_name.match_height(self.opening.name).move_to(self.opening.name)
            left = VGroup(self.scaled_name, self.scaled)
        self.play(Write(self.heading), run_time=0.8)
        # a box on each row in turn as "each row" is said: softmax works on one row at a time
        down_the_rows = during(hop_through([self.scaled.row_box(k, th.text, buff=ROW_BOX_BUFF)
                                            for k in range(len(tokens))]), 0.35, 1.0)
        self.narrate("Softmax turns each row of scores into weights: positive, and summing to 1.",
                     *(during(move, 0.0, 0.33) for move in self.take_over(self.scaled, self.scaled_name, group=left)),
                     down_the_rows, run_time=3.0)

    def one_row(self):
        """The focus row worked on its own at the frame's full width (the scores table steps aside
        meanwhile): the row is carried up to a strip; each stage after it is the stage above carried
        one slot down and changed there, entry by entry (eˣ, then ÷ Σ, then rounded to the table's
        decimals, "≈"); each sum is written beside the row it adds up. x and eˣ stay at the top; while the
        eˣ are read, the lower half is a bar chart of both (the gap and the ratio of the largest and the
        smallest entry bracketed), then the weights' rows take its place. The rounded row then goes into
        the attention matrix, and the scores table comes back beside it."""
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        tokens = list(s.tokens)
        parts = softmax_row(s.simple.scaled[i])
        box = self.scaled.row_box(i, th.focus, buff=ROW_BOX_BUFF)
        exp_name = "eˣ" if parts.shift == 0 else f"e^(x − {format_number(parts.shift)})"
        # cells as tall as the tables' and numbers near their size: the working reads as well as the table
        cell_h = CELL_H * 1.5
        # x and eˣ with the decimals it takes for eˣ, their sum and each eˣ ÷ Σ to check as written (the
        # table rounds x to 2)
        places = parts.decimals
        self.worked_places = places  # (why_divide writes its divided scores at these decimals where 2 would not check)
        # room for a third (fourth) decimal (r25: at 1.25 the fourth's numbers were tight in their cells)
        cell_w = CELL_W * {2: 0.85, 3: 1.05}.get(places, 1.375)
        strip_kw = dict(cell_h=cell_h, number_size=STRIP_NUMBER_SIZE)
        # (every entry with them: the strip's name says "to 4 decimals")
        strip_x = MatrixGrid(parts.row, th, name="simple.scaled[focus]", value_scale=self.score_scale, col_labels=tokens,
                             cell_w=cell_w, decimals=places, trim_zeros=False, **strip_kw)
        strip_e = MatrixGrid(parts.exps, th, name="softmax.exps[focus]", value_scale=parts.exps.max(), cell_w=strip_x.cell_w,
                             decimals=places, trim_zeros=False, **strip_kw)
        # the worked weights with the working's decimals (each checks as eˣ ÷ Σ on screen); rounded to
        # the table's 2 just before the row goes into it
        strip_w = MatrixGrid(parts.weights, th, name="simple.weights[focus]", value_scale=1.0, cell_w=strip_x.cell_w,
                             decimals=WORKED_WEIGHT_DECIMALS, trim_zeros=False, **strip_kw)
        strip_w2 = MatrixGrid(parts.weights, th, name="simple.weights[focus]", value_scale=1.0, cell_w=strip_x.cell_w,
                              **strip_kw)
        self.shown += [strip_x, strip_e, strip_w, strip_w2]
        # the row as the table holds it, with the decimals the working needs: said beside its name
        # (1.715 here is the table's 1.72)
        x_title = label(f"{ex.focus}'s row", th, size=34, color=th.focus)
        if places > 2:
            x_title = VGroup(x_title, label(f"to {places} decimals", th, size=NOTE_SIZE, color=th.muted)).arrange(RIGHT, buff=0.35,
                                                                                                         aligned_edge=DOWN)
        # each stage's name at its row's left, as a table's row label: the rows take the frame's whole height
        names = [label("x", th, size=38), label(exp_name, th, size=38),
                 VGroup(label("eˣ ÷ Σ" if parts.shift == 0 else "÷ Σ", th, size=32),
                        label("weights", th, size=NOTE_SIZE - 4, color=th.text)).arrange(DOWN, buff=0.06, aligned_edge=RIGHT)]
        total = label(f"Σ = {format_number(parts.total, places)}", th, size=32, color=th.focus)
        # what the weights add up to, beside them: as written when that reads 1, else the fact (on two
        # lines: the column beside the rows is narrow)
        exact = written_rows_read_one(parts.weights, WORKED_WEIGHT_DECIMALS)
        sum_line = label(f"Σ = {format_number(1.0, WORKED_WEIGHT_DECIMALS)}" if exact else "Σ = 1", th, size=32,
                         color=th.focus)
        # "positive" said and shown: "all > 0" before the sum, when every worked weight reads above 0
        # ("before rounding" under the line, at its left: the panel is narrow)
        positive = (label("all > 0,", th, size=32, color=th.focus)
                    if reads_all_positive(parts.weights, WORKED_WEIGHT_DECIMALS) else None)
        first_line = sum_line if positive is None else VGroup(positive, sum_line).arrange(RIGHT, buff=0.25)
        # (r18: "before rounding" beside weights adding up to 0.999 as written read as a slip: both said)
        before_rounding = None if exact else label(
            f"(as written: {format_number(written_total(parts.weights, WORKED_WEIGHT_DECIMALS), WORKED_WEIGHT_DECIMALS)})",
            th, size=26, color=th.focus)
        weights_total = (first_line if before_rounding is None
                         else VGroup(first_line, before_rounding).arrange(DOWN, buff=0.08, aligned_edge=LEFT))
        weights_sum = sum_line if before_rounding is None else VGroup(sum_line, before_rounding)
        # the stages one under another (room under the first two for the gap between the largest and the
        # smallest entry), the rounded row right under the worked one: each rounding is read beside its source
        strip_e.next_to(strip_x.rects, DOWN, buff=STAGE_GAP)
        strip_w.next_to(strip_e.rects, DOWN, buff=STAGE_GAP)
        strip_w2.next_to(strip_w.rects, DOWN, buff=0.25)
        x_title.next_to(strip_x.col_labels, UP, buff=0.15).align_to(strip_x.rects, LEFT)
        for name, strip in zip(names, (strip_x, strip_e, strip_w)):
            name.match_y(strip.rects).align_to(strip_x.rects.get_left() + LEFT * 0.3, RIGHT)
        work = VGroup(x_title, *names, strip_x, strip_e, strip_w)
        approx = label("≈", th, size=44).match_y(strip_w2.rects).align_to(strip_x.rects.get_left() + LEFT * 0.3, RIGHT)
        rounded_note = label(f"{TABLE_DECIMALS} decimals", th, size=26, color=th.muted).next_to(strip_w2.rects, RIGHT, buff=0.3)
        big, small = parts.largest, parts.smallest
        # the rows at the frame's left, as large as the height allows; at their right a panel (PANEL_ROOM
        # wide) for what is said beside them, one thing at a time: a worked entry, then each row's sum
        work.add(strip_w2, approx)
        half = self.camera.frame_width / 2
        n_words = len(tokens)
        before = work.width
        # (r25) the right column as wide as the bar chart needs for its words on one line, at no less than the
        # text floor (a little more than PANEL_ROOM for long words; at most CHART_ROOM_MOST)
        chart_words = [baseline_label(t, th, size=SMALLEST_TEXT, color=th.text).width for t in tokens]
        one_line_pitch = max([(a + b) / 2 + CHART_WORD_GAP for a, b in zip(chart_words, chart_words[1:])], default=0.0)
        # (only where the chart goes there, and its words fit on one line there: else as before)
        chart_room = n_words * one_line_pitch + 0.6
        panel_room = (max(PANEL_ROOM, chart_room) if parts.shift == 0 and n_words > 1 and min(float(v) for v in parts.row) >= 0
                      and chart_room <= CHART_ROOM_MOST else PANEL_ROOM)
        fit_region(work, -half + 0.4, half - 0.4 - panel_room, top=TOP, bottom=LOWEST, grow=2.0)
        factor = work.width / before
        # x and eˣ at the top; under them, the lower half down to the subtitles' band is the bar chart's
        # while the eˣ are read, then the weights' two rows' (centred in it once the chart is gone)
        work.shift(UP * (TOP - work.get_top()[1]))
        lower_top = strip_e.rects.get_bottom()[1] - CHART_GAP
        weights_rows = VGroup(strip_w, strip_w2, names[2], approx)
        weights_rows.shift(UP * ((lower_top + LOWEST) / 2 - VGroup(strip_w.rects, strip_w2.rects).get_center()[1]))
        panel_left = strip_x.rects.get_right()[0] + 0.35
        panel_width = half - 0.4 - panel_left

        def in_panel(lines: VGroup, row: MatrixGrid) -> VGroup:
            """Lines (made at the strips' unscaled sizes) at the panel's left, level with `row`, as the
            work was scaled, or smaller if the panel is narrower."""
            lines.arrange(DOWN, buff=0.1, aligned_edge=LEFT).scale(factor)
            lines.scale(min(1.0, panel_width / lines.width))
            return lines.match_y(row.rects).align_to([panel_left, 0, 0], LEFT)

        # what softmax keeps of two scores, their eˣ's ratio, is e to their gap: written on the chart's
        # bracket when it checks as written (attention_math.story.gap_ratio)
        ratio = gap_ratio(parts.row, parts.exps, big, small, places) if parts.shift == 0 else None
        # (r24) the bar chart in the right column, as tall as the frame allows, where its words fit: what is
        # said beside the rows then goes under the eˣ row, one line after another (empty while the chart is up)
        under_e = (float(strip_x.rects.get_left()[0]), float(strip_e.rects.get_bottom()[1]) - 0.35)
        growth = (self.column_bars(parts, panel_left + COLUMN_GAP_LEFT - 0.35, half - 0.45, TOP, ratio, under_e,
                                   name_size=names[0].font_size)
                  if parts.shift == 0 else None)
        in_column = growth is not None
        self.column_chart = growth  # (for the tests)
        # (r29b: the chart in the right column, small, its bars under no column, the lower left empty while the
        # eˣ were read) while the eˣ are read the chart stands in the lower half, each pair of bars under its
        # word's column, each eˣ bar growing as its cell fills; for the sum it moves into the column (bars to bars)
        # (r32b/f: under the rows, the layout sat top left at ~35 % of the height, the right half empty until the
        # ratio came) the column chart, full height, from the start where it has its room
        under = (self.paired_bars(parts, strip_e, lower_top, ratio, strip_x=strip_x)
                 if in_column and not CHART_FROM_START else None)
        if under is not None and not (len(under.legend) >= n_words and all(
                hasattr(w, "original_text") for w in under.legend[:n_words])):
            under = None
        # (for the tests: the lower half's chart and the eˣ row's cells it stands under)
        self.exp_chart, self.exp_cells = under, [(float(r.get_left()[0]), float(r.get_right()[0])) for r in strip_e.rects]

        def under_rows(lines: VGroup) -> VGroup:
            lines.arrange(DOWN, buff=0.15, aligned_edge=LEFT).scale(factor)
            lines.scale(min(1.0, (panel_left - 0.3 - under_e[0]) / lines.width))
            return lines.align_to([under_e[0], 0, 0], LEFT).align_to([0, under_e[1], 0], UP)
        # the strips write more decimals than the table did: one entry said both ways, in the panel beside
        # the x row, while the row comes up (the table's 1.72 is the strip's 1.7150)
        rounded_from = None
        if places > TABLE_DECIMALS and in_column and under is None:
            rounded_from = under_rows(VGroup(label(f"the table's {format_number(parts.row[big])} is "
                                                   f"{format_number(parts.row[big], places)} rounded", th, size=ASIDE_SIZE,
                                                   color=th.text)))
        elif places > TABLE_DECIMALS:
            # (r31f: small and grey, it read faint) larger, in ink: the panel beside the rows is empty then
            rounded_from = in_panel(VGroup(label(f"the table's {format_number(parts.row[big])}", th, size=30, color=th.text),
                                           label(f"is {format_number(parts.row[big], places)} rounded", th, size=30,
                                                 color=th.text)), strip_x)
        # each sum at the right of the row it adds up (in the panel): clear of the
        # copies dropping from row to row
        for note, strip in ((total, strip_e), (weights_total, strip_w), (rounded_note, strip_w2)):
            note.scale(factor).next_to(strip.rects, RIGHT, buff=0.35)
        # one cell of each stage worked in the panel beside its row (the largest entry's), when it checks
        # as written; each goes before the next thing said there (the weights' sum)
        exp_line = None
        exp_checks = parts.shift == 0 and exp_as_written(parts.row[big], parts.exps[big], places)
        if exp_checks and (not in_column or under is not None):
            exp_line = in_panel(VGroup(label(f"exp({format_number(parts.row[big], places)})", th, size=26),
                                       label(f"= {format_number(parts.exps[big], places)}", th, size=26)), strip_e)
        elif exp_checks:
            # (under the note on the x row's decimals, if any, at the worked division's size)
            exp_line = under_rows(VGroup(VGroup(label(f"exp({format_number(parts.row[big], places)})", th, size=DIV_LINE_SIZE),
                                                label(f"= {format_number(parts.exps[big], places)}", th, size=DIV_LINE_SIZE,
                                                      color=th.focus)).arrange(RIGHT, buff=0.2)))
            if rounded_from is not None:
                exp_line.next_to(rounded_from, DOWN, buff=0.2).align_to(rounded_from, LEFT)
        # (on one line under the weights' row, in the rounded row's slot, empty until then: larger than the
        # panel beside the row allows, and read until the rounding)
        div_line = (VGroup(label(f"{format_number(parts.exps[big], places)} ÷ {format_number(parts.total, places)}",
                                 th, size=DIV_LINE_SIZE),
                           label(f"= {format_number(parts.weights[big], WORKED_WEIGHT_DECIMALS)}", th,
                                 size=DIV_LINE_SIZE, color=th.focus)).arrange(RIGHT, buff=0.2).scale(factor)
                    .next_to(strip_w.rects, DOWN, buff=0.25).align_to(strip_w.rects, LEFT)
                    if quotient_as_written(parts.exps[big], parts.total, parts.weights[big], places, WORKED_WEIGHT_DECIMALS)
                    else None)
        # each entry as a pair of bars in the lower half while it is empty (x thin, eˣ wide, on one scale,
        # under their words' columns): every eˣ bar grows out of its x, and the larger the score, the more
        if not in_column:
            growth = self.paired_bars(parts, strip_e, lower_top, ratio, strip_x=strip_x) if parts.shift == 0 else None
        early = under if under is not None else growth  # (the chart read while the eˣ are)
        # the row is boxed where it stands; the rest of the table goes, then the row goes up to the strip
        # (its numbers hidden as the copy leaves them), whose words come after it
        n = len(tokens)
        others_cells = [self.scaled.cell(k, j) for k in range(n) if k != i for j in range(n)]
        self.narrate(f"Take {ex.focus}'s row.", blink(box, appear=(0.0, 0.1), leave=(0.22, 0.3)),
                     # (the table gone before the row crosses its rows; the strip's words come as it rises)
                     Vanish(self.scaled, gone=(0.08, 0.3),
                            parts=[*others_cells, self.scaled.row_labels, self.scaled.col_labels]),
                     Vanish(self.scaled_name, gone=(0.08, 0.3)),
                     Vanish(self.scaled, gone=(0.22, 0.24), parts=[self.scaled.row(i)]),
                     during(Carry(self.scaled.row(i), strip_x.row(0)), 0.22, 0.75),
                     # (r27: "to 4 decimals" came while the row still read 1.21: it comes with the row's 4 decimals,
                     # as the next line begins, and so does the note on them)
                     during(FadeIn(VGroup(strip_x.col_labels, x_title[0] if places > 2 else x_title, names[0])), 0.3, 0.55),
                     run_time=1.8)
        with_decimals = [] if places <= 2 else [during(FadeIn(x_title[1]), 0.0, 0.08)]
        if rounded_from is not None:
            with_decimals.append(during(FadeIn(rounded_from), 0.0, 0.12))
        # "positive" is news only when some entry is negative; that each one grows (eˣ > x) always shows
        became = "all become positive," if shows_negative(parts.row[np.isfinite(parts.row)], places) else "each one grows,"
        # (r27: the bars rose with the eˣ row, then the picture held 5 s until "each one grows" was said) the chart
        # comes with the eˣ row, its eˣ bars at their x's height; they grow, left to right, each eˣ written over
        # its bar as it gets there, as "each one grows" (or "all become positive") is said
        appear = [] if early is None else [during(FadeIn(VGroup(early.axis, early.bars, early.marks, early.legend)), 0.0, 0.3)]
        if under is not None:  # each eˣ bar grows as its cell fills (filled_from_above's schedule), its eˣ over it then
            starts = [ARRIVE + (1.0 - ARRIVE - 0.3) * j / max(n - 1, 1) for j in range(n)]
            appear += [during(MoveToTarget(bar), starts[j], starts[j] + 0.3) for j, bar in enumerate(under.bars)]
            appear += [during(FadeIn(value), starts[j] + 0.25, starts[j] + 0.3) for j, value in zip(under.value_at, under.values)]
        rising = [] if growth is None else [
            *(during(FadeIn(value), 0.35 + 0.5 * j / max(n - 1, 1), 0.5 + 0.5 * j / max(n - 1, 1))
              for j, value in zip(growth.value_at, growth.values)),
            *(during(MoveToTarget(bar), 0.5 * j / max(n - 1, 1), 0.5 + 0.5 * j / max(n - 1, 1))
              for j, bar in enumerate(growth.bars))]
        # the worked cell's line once that cell has changed (carry_and_change's schedule)
        changed = min(ARRIVE + 0.3 + (0.7 - ARRIVE) * big / max(n - 1, 1), 0.9)
        # (r26: why not just divide by the sum? said: eˣ is positive for any score, and its ratios come after)
        # (r27f: "rather than just divide by the sum: eˣ is positive" was said where every score is positive and
        # dividing would have done; r28: a sentence fitted to the row's signs was hard to follow by ear: one short
        # fact, true of any row, then what this row's entries do)
        said = (f"Exponentiate every entry: eˣ is positive for any score, even a negative one, so {became}" if became.startswith("all")
                else f"Exponentiate every entry: eˣ is positive for any score. {became[0].upper()}{became[1:]}")
        # (r28f: "even a negative one" was said with no negative score on screen: said only where one is)
        # (the cue said over the animations that follow, in two plays: the row's change from the start, the bars'
        # growth at the words' share of the speech where `became` begins; the next cue waits for its end)
        wait = 0 if exp_line is None else 0.8
        self.caption_over(said)
        cue = self.cues[-1]
        end = cue.start + max(2.0 + wait, cue.duration)
        grow_at = cue.start + cue.duration * said.lower().index(became.lower()) / len(said) - 0.15
        self.play(*filled_from_above(strip_x, strip_e, th), during(FadeIn(names[1]), 0.0, 0.3), *appear, *with_decimals,
                  *([] if exp_line is None else [during(FadeIn(exp_line, shift=0.1 * LEFT), changed, min(changed + 0.15, 1.0))]),
                  run_time=min(3.0, max(2.0, grow_at - self.time - 0.3)))
        # (r27f: the reason said over a still picture) the eˣ row boxed as "eˣ is positive" is said, gone
        # before the bars grow (hop_through's way)
        if grow_at - self.time > 1.0:
            span = grow_at - self.time
            e_at = clip01((cue.start + cue.duration * said.index("eˣ is positive") / len(said) - self.time) / span)
            e_box = VGroup(*(strip_e.cell_box(0, j, th.focus) for j in range(n)))
            if e_at < 0.85:
                self.play(blink(e_box, appear=(e_at, min(e_at + 0.05, 1.0)), leave=(0.92, 1.0)), run_time=span)
        if under is not None:  # "each one grows": each word's pair of bars pointed at in turn, left to right
            rising = [hop_through([SurroundingRectangle(VGroup(under.marks[j], under.bars[j]), color=th.focus, buff=0.06)
                                   for j in range(n)])]
        if rising:
            if grow_at - self.time > 0.02:
                self.wait(grow_at - self.time)
            self.play(*rising, run_time=1.2)
        if end - self.time > 0.02:
            self.wait(end - self.time)
        # the largest and the smallest score with what each became, and the gap between them before and after
        ends = VGroup(*(VGroup(strip_x.cell_box(0, j, th.focus), strip_e.cell_box(0, j, th.focus)) for j in (big, small)))
        grows = ("and larger scores grow faster: the gap widens." if gap_widens(parts.row, parts.exps, big, small, places)
                 else "and the order stays.")
        # (the worked eˣ cell gone as the gap is written on the chart)
        self.narrate(grows, FadeIn(ends), *([] if exp_line is None else [during(FadeOut(exp_line), 0.0, 0.15)]),
                     *([] if rounded_from is None else [during(FadeOut(rounded_from), 0.0, 0.15)]),
                     # the x gap drawn, then the eˣ gap beside it: wider
                     *([] if early is None else [during(early.others.animate.set_fill(opacity=0.2), 0.0, 0.3),
                                                 during(FadeIn(early.gap[0]), 0.15, 0.45),
                                                 during(FadeIn(early.gap[1]), 0.5, 0.85)]), run_time=1.8)
        panel = None if early is None else getattr(early, "ratio_panel", None)
        if panel is not None:
            # (r30b) the ratio built in the right column from the boxed cells: their eˣ, then their x, each copy
            # through the free lane between the two rows (over no number), then e to the gap (the chart's x gap
            # boxed) and the rule it is an instance of
            # (r31b/f: at full size a copy in the lane touched both rows' cells and cut the boxes on them: it
            # shrinks as it leaves its cell to two thirds of the lane's room, clear of both rows, and grows as it lands)
            lane_room = (strip_x.rects.get_bottom()[1] - strip_e.rects.get_top()[1]) - 2 * 0.05

            def through_lane(lane: float, src, piece):
                """(each glyph is moved on its own: the number's centre goes the lane's way, each glyph about it)"""
                small = max(0.3, min(1.0, 0.65 * lane_room / max(src.height, piece.height, 1e-6)))
                c_from, c_to = src.get_center(), piece.get_center()

                def path(start, end, alpha):
                    # (out of its cell quickly: the copy leaving stands over its own number for as few frames as can be)
                    rise, across, land = (smooth(clip01(alpha / 0.18)), smooth(clip01((alpha - 0.15) / 0.65)),
                                          smooth(clip01((alpha - 0.8) / 0.2)))
                    k = 1 - (1 - small) * (rise - land)
                    s0, e0 = start.mean(axis=0), end.mean(axis=0)
                    shape = ((start - s0) + ((end - e0) - (start - s0)) * alpha) * k
                    offset = ((s0 - c_from) + ((e0 - c_to) - (s0 - c_from)) * alpha) * k
                    centre = np.array([c_from[0] + (c_to[0] - c_from[0]) * across,
                                       c_from[1] + (lane - c_from[1]) * rise + (c_to[1] - lane) * land, 0.0])
                    return shape + offset + centre
                return path

            # (one copy at a time: two in the lane at once crossed each other)
            flights = [during(ReplacementTransform(src.copy(), piece, path_func=through_lane(panel.lane, src, piece),
                                                   rate_func=linear),
                              *((0.0, 0.16), (0.12, 0.28), (0.34, 0.48), (0.46, 0.6))[k])
                       for k, (src, piece) in enumerate(panel.sources)]
            self.narrate("The ratio of two eˣ depends only on their difference.", *flights,
                         during(FadeIn(panel.said[0]), 0.24, 0.32), during(FadeIn(panel.said[1]), 0.56, 0.64),
                         during(FadeIn(panel.said[2]), 0.66, 0.74),
                         during(hop_through([SurroundingRectangle(early.difference, color=th.focus, buff=0.12)]), 0.64, 0.86),
                         during(FadeIn(panel.rule, shift=0.1 * UP), 0.8, 0.95),
                         run_time=3.6)
        elif early is not None and early.ratio is not None:
            # the ratio joins the two eˣ bars as it is said; the gap is boxed as "difference" is
            # (r26: "what counts is their ratio" was said before there were weights: the weights keep it, said then)
            self.narrate("The ratio of two eˣ depends only on their difference.",
                         during(FadeIn(early.ratio), 0.0, 0.4),
                         during(hop_through([SurroundingRectangle(early.difference, color=th.focus, buff=0.12)]), 0.45, 1.0),
                         run_time=2.2)
        # (r26) the chart kept through the division where it has room (its bars become the weights)
        # (the lines beside the weights' rows go under its Σ then: the shrunk bars stand where they were)
        # (their own lines there: "all > 0" without the comma that joined it to "Σ = 1"; the rounded row's
        # note away from its row says what it is about)
        placed = [(m, m.get_center().copy()) for m in (sum_line, before_rounding) if m is not None]
        # (r26b: five same-weight magenta notes stacked there, no hierarchy) "Σ = 1" at the stack the one focal
        # note; "all > 0" in ink; the rounding facts one grey footnote line under it, "as written: 0.999" with
        # "Σ = 1", "; rounded: 0.99" added as that is said (the ≈ row itself shows "rounded to two decimals")
        alone = None if positive is None else label("all > 0", th, size=30, color=th.text).scale(factor)
        note_size = max(SMALLEST_TEXT + 6, NOTE_SIZE * factor)
        rounded_sum = (None if written_rows_read_one(parts.weights, TABLE_DECIMALS)
                       else format_number(written_total(parts.weights, TABLE_DECIMALS)))
        foot_parts = [*([] if exact else [label(f"as written: {format_number(written_total(parts.weights, WORKED_WEIGHT_DECIMALS), WORKED_WEIGHT_DECIMALS)}",
                                                 th, size=note_size, color=th.muted)]),
                      *([] if rounded_sum is None else [label(f"{'; ' if not exact else ''}rounded: {rounded_sum}", th,
                                                                size=note_size, color=th.muted)])]
        footnote = VGroup(*foot_parts).arrange(RIGHT, buff=0.05, aligned_edge=DOWN) if foot_parts else None
        if footnote is not None and len(foot_parts) > 1:  # (r29: "; rounded" hangs its ";": one baseline, not one bottom)
            foot_parts[1].shift(UP * (text_baseline(foot_parts[0]) - text_baseline(foot_parts[1])))
        one_line = None if footnote is None else footnote.copy()
        # (r28b: at 12–16 px it read faint; now larger) on two lines where one is wider than the column under Σ
        # (for the column; on one line under the rounded row where it fits there, below)
        if footnote is not None and len(foot_parts) > 1 and footnote.width > half - 0.4 - (panel_left - 0.1):
            foot_parts[1] = label(foot_parts[1].original_text.lstrip("; "), th, size=note_size, color=th.muted)
            footnote = VGroup(*foot_parts).arrange(DOWN, buff=0.12, aligned_edge=LEFT)
        big_sum = sum_line.copy().scale(1.15)
        kept = (self._division_chart(growth, parts, panel_left - 0.35 + 0.25, (
            alone, big_sum, [*([] if footnote is None else [footnote])]),
            (strip_w2.rects.get_left()[0], strip_w2.rects.get_right()[0], strip_w2.rects.get_y(), strip_w2.rects.height))
            if in_column else None)
        if kept is None:  # (as they were, should the chart have no room for them: each beside its row)
            for m, centre in placed:
                m.move_to(centre)
        else:
            positive, sum_line = alone, big_sum
            rounded_note = VGroup()  # (the ≈ row says it; its sum joins the footnote)
            # (r26b: six notes of one weight stacked there) two beats: the stack and "Σ = 1" alone; then, as the row
            # is rounded, they (and "all > 0") clear, and one grey footnote on the rounding takes the stack's line
            weights_sum = sum_line
            if footnote is not None:
                # (r27: on the stack's line, top right, it stood far from the rows it is about) right under the
                # rounded row, at its left, where that leaves it above the subtitles' band; else on the stack's line
                in_column_at = footnote.get_center().copy()
                one_line.next_to(strip_w2.rects, DOWN, buff=0.2).align_to(strip_w2.rects, LEFT)
                if one_line.get_bottom()[1] >= LOWEST and one_line.get_right()[0] <= panel_left - 0.1:
                    footnote = one_line
                footnote.next_to(strip_w2.rects, DOWN, buff=0.2).align_to(strip_w2.rects, LEFT)
                if footnote.get_bottom()[1] < LOWEST or footnote.get_right()[0] > panel_left - 0.1:
                    # (r28: the stack is under the weights' row now) where _division_chart put it, on "all > 0"'s line
                    # once that has gone
                    footnote.move_to(in_column_at)
                    if alone is not None:
                        footnote.align_to(alone, UP)
        if kept is not None:
            # the x bars, the gaps and the ratio go, each eˣ bar to its group's middle; a box on each eˣ and its bar
            # in turn as it is added, Σ counted up at the chart's top as each comes (the last is the sum)
            total = kept.sigmas[-1]
            extras = [m for m in growth.legend if m not in growth.words.submobjects]
            n_run = len(kept.sigmas)
            first_at = 0.25 if under is None else 0.35  # (after the chart's move into the column)
            at = [first_at + (0.95 - first_at) * k / n_run for k in range(n_run)]
            counting = [blink(m, appear=(at[k], at[k] + 0.04),
                              leave=None if k == n_run - 1 else (at[k + 1] - 0.04, at[k + 1]))
                        for k, m in enumerate(kept.sigmas)]
            boxes = [VGroup(strip_e.cell_box(0, j, th.focus),
                            SurroundingRectangle(VGroup(kept.shrunk[j].copy().stretch_to_fit_height(growth.bars[j].target.height)
                                                        .align_to(growth.bars[j].target, DOWN)), color=th.focus, buff=0.06))
                     for j in range(n_run)]
            if under is None:
                moving = [during(fade_out(ends, growth.gap, growth.marks, growth.values, *extras,
                                          *([] if growth.ratio is None else [growth.ratio])), 0.0, 0.15),
                          *(during(bar.animate.set_x(c).set_fill(opacity=0.8), 0.08, 0.25)
                            for bar, c in zip(growth.bars, growth.centres))]
            else:
                # (r29b) the lower half's chart moves into the column: each eˣ bar onto its place there, the axis
                # and the words with them; the x bars, the gaps, the ratio and the key go
                for bar, c in zip(growth.bars, growth.centres):
                    bar.become(bar.target).set_x(c).set_fill(opacity=0.8)
                under_extras = [m for m in under.legend[n:]]

                def right_then_up(start, end, alpha):
                    """(r29b: straight up and right, the tall bar crossed the eˣ row's last cell) across first, at the
                    chart's own height, then up (and to its height) where nothing is drawn above it"""
                    across, up = smooth(clip01(alpha / 0.5)), smooth(clip01((alpha - 0.5) / 0.5))
                    points = start + (end - start) * across
                    points[:, 1] = start[:, 1] + (end[:, 1] - start[:, 1]) * up
                    return points

                def carried(a, b):
                    return ReplacementTransform(a, b, path_func=right_then_up, rate_func=linear)
                moving = [during(fade_out(ends, under.gap, under.marks, under.values, *under_extras,
                                          *([] if under.ratio is None else [under.ratio])), 0.0, 0.12),
                          *(during(carried(a, b), 0.05, 0.33) for a, b in zip(under.bars, growth.bars)),
                          during(carried(under.axis, growth.axis), 0.05, 0.33),
                          *(during(carried(a, b), 0.05, 0.33) for a, b in zip(under.legend[:n], growth.words))]
            self.narrate(f"Add them up: {format_number(parts.total, places)}.", *moving,
                         during(hop_through(boxes), first_at, 0.95), *counting,
                         run_time=max(2.4 if under is None else 3.0, 0.45 * n_run))
        else:
            # a box on each eˣ in turn as they are added, the sum after the last
            # the chart goes as they are added (its place is the weights' next)
            self.narrate(f"Add them up: {format_number(parts.total, places)}.",
                         during(fade_out(ends, *([] if growth is None else [growth])), 0.0, 0.15),
                         # (r20: the sum came 1.4 s after the words began) the boxes quick, the sum in as it is said
                         during(hop_through([strip_e.cell_box(0, j, th.focus) for j in range(len(tokens))]), 0.1, 0.55),
                         during(FadeIn(total, shift=0.2 * LEFT), 0.5, 0.65), run_time=1.6)
        # the whole of softmax in one line as its last part is said, in the heading's band at its
        # right (empty while the row is worked), until the row goes into the matrix
        # (with its indices: "eˣ ÷ Σ eˣ" divided a vector by a sum of the same symbol)
        # (r19: the Unicode subscripts read ~10 px at 720p) each index a text of its own at FORMULA_INDEX_SIZE,
        # hung below the line the formula stands on; a wider margin at the right (it ended 34 px from the edge)
        # (text, an index?, the gap before it: an index close to its letter, a word a space from the last)
        pieces = [("softmax(x)", False, 0.0), ("i", True, 0.02), ("=", False, 0.2), ("exp(x", False, 0.2), ("i", True, 0.02),
                  (")", False, 0.02), ("÷", False, 0.2), ("Σ", False, 0.2), ("j", True, 0.02), ("exp(x", False, 0.12),
                  ("j", True, 0.02), (")", False, 0.02)]
        formula = VGroup(*(label(t, th, size=FORMULA_INDEX_SIZE if sub else FORMULA_SIZE) for t, sub, _ in pieces))
        line_y = text_baseline(formula[0])
        for k, (piece, (text, sub, gap)) in enumerate(zip(formula, pieces)):
            if k:
                piece.next_to(formula[k - 1], RIGHT, buff=gap)
            if text == ")":  # (a bracket alone hangs below the line: level with the "(" it closes)
                piece.match_y(formula[k - 2 if pieces[k - 1][1] else k - 1][3])
            else:
                piece.shift(UP * ((line_y - 0.1 if sub else line_y) - text_baseline(piece)))
        self.formula = formula.match_y(self.heading).align_to([half - 0.6, 0, 0], RIGHT)
        # (r26) each eˣ bar shrinks to its weight as its cell changes (one factor for all: the same ratios), its
        # weight over it
        shrinking = []
        if kept is not None:
            for j, (bar, target) in enumerate(zip(growth.bars, kept.shrunk)):
                start = ARRIVE + (1.0 - ARRIVE - 0.3) * j / max(n - 1, 1)
                bar.target = target
                shrinking.append(during(MoveToTarget(bar), start, start + 0.3))
                if len(kept.written):
                    shrinking.append(during(FadeIn(kept.written[j]), start + 0.2, start + 0.3))
        # (r28f: "in the same ratios" was said but not shown) the two worked weights' ratio under the worked
        # division, the eˣ ratio of the chart again (story.weights_ratio_as_written: at the fewest decimals at
        # which the two weights as written divide to it), their cells boxed as it comes
        same_ratio, ratio_boxes, ratio_marks = None, [], None
        # (r30: "0.091496" is the unrounded weight; the screen's 1.1735 ÷ 12.8259 gives 0.091495) the two weights as
        # the screen's eˣ ÷ the screen's Σ give them, each check a viewer makes from the numbers drawn
        on_screen = (np.array([parse_number(format_number(float(e), places)) for e in parts.exps])
                     / parse_number(format_number(parts.total, places)))
        written_ratio = (weights_ratio_as_written(on_screen, big, small, ratio)
                         if kept is not None and ratio is not None else None)
        if written_ratio is not None:
            a, b, r = written_ratio
            x_gap = written_difference(parts.row[big], parts.row[small], places)
            # (two lines, as the chart's ratio was: on one, it had to shrink under the text floor to fit)
            same_ratio = VGroup(label(f"ratio {a} ÷ {b} = {r}", th, size=DIV_LINE_SIZE, color=th.focus),
                                label(f"= exp({x_gap})", th, size=DIV_LINE_SIZE, color=th.focus))
            same_ratio.arrange(DOWN, buff=0.14, aligned_edge=LEFT).scale(factor)  # (r32f: the lines nearly touched)
            above = div_line if div_line is not None else strip_w.rects
            room = panel_left - 0.3 - strip_w.rects.get_left()[0]
            same_ratio.scale(min(1.0, room / same_ratio.width))
            same_ratio.next_to(above, DOWN, buff=0.12).align_to(strip_w.rects, LEFT)
            if same_ratio.get_bottom()[1] < LOWEST:  # (as large as the worked division over it, or less where narrower)
                same_ratio = None
            else:  # (after the worked division, r29: it hung under an empty line before that came; its two
                # weights boxed with it, until "all positive" boxes them all)
                # (r30b: the division and the ratio came together, with the formula and the bars: one at a time,
                # the division read first)
                ratio_at = min(changed * FILL_SHARE + 0.22, 0.86) if div_line is not None else min(changed + 0.2, 0.88)
                ratio_marks = VGroup(strip_w.cell_box(0, big, th.focus), strip_w.cell_box(0, small, th.focus))
                ratio_boxes = [blink(ratio_marks, appear=(ratio_at, ratio_at + 0.04)),
                               during(FadeIn(same_ratio, shift=0.1 * LEFT), ratio_at, min(ratio_at + 0.12, 1.0))]
        self.same_ratio = same_ratio  # (for the tests)
        # (r30b: four focal points at once at 25–38 s) the row filled in the play's first FILL_SHARE (as fast as
        # before), the x row (not worked from here on) paled, the worked division after it, then the ratio
        x_row = [strip_x.rects, strip_x.numbers, names[0], *(x_title if places > 2 else [x_title])]
        fill_share = FILL_SHARE if div_line is not None else 1.0
        self.narrate("Divide each by the sum: the weights, in the same ratios," if kept is not None
                     else "Divide each by the sum: the weights,",
                     *(during(a, 0.0, fill_share) for a in [*changed_in_place(strip_e, strip_w),
                                                            during(FadeIn(names[2]), 0.35, 0.55), *shrinking]),
                     during(step_back(x_row, 0.35)[0], 0.0, 0.12),
                     *ratio_boxes,
                     during(FadeIn(formula, shift=0.2 * LEFT), 0.0, 0.3 * fill_share),
                     *([] if div_line is None else [during(FadeIn(div_line, shift=0.1 * LEFT), changed * fill_share,
                                                           min(changed * fill_share + 0.1, 1.0))]),
                     run_time=2.0 if div_line is None else 2.8)
        # (r26) copies of the bars lie end to end, as long as the chart, and "Σ = 1" at their right
        # (r27: the copies flew up over the weights written over the bars; r27f: still over them, greyed) those fade
        # out first (a dip: they stay where they are), and
        # come back once every copy is in the stack
        # (r28g: the stack is built under the weights' row, in the rounded row's slot, away from the bars: no copy flies
        # across the chart) each bar boxed in turn as its piece comes into the stack, left to right
        stacking = [] if kept is None else [
            *([] if div_line is None else [during(FadeOut(div_line), 0.0, 0.1)]),
            *([] if same_ratio is None else [during(FadeOut(same_ratio), 0.0, 0.1)]),
            *(during(FadeIn(piece), 0.12 + 0.6 * j / n, 0.12 + 0.6 * (j + 0.6) / n) for j, piece in enumerate(kept.stack)),
            *(blink(SurroundingRectangle(VGroup(bar, *([kept.written[j]] if len(kept.written) else [])), color=th.focus, buff=0.06),
                    appear=(0.12 + 0.6 * j / n, 0.12 + 0.6 * j / n + 0.03), leave=(0.12 + 0.6 * (j + 1) / n - 0.03, 0.12 + 0.6 * (j + 1) / n))
              for j, bar in enumerate(kept.shrunk))]
        if positive is not None:
            # a box on every weight at once as "all positive" is said (one at a time did not show "all"), then
            # "all > 0" beside the row (the worked division read until "all > 0" comes to its place)
            self.narrate("all positive,",
                         *([] if ratio_marks is None else [during(FadeOut(ratio_marks), 0.0, 0.1)]),
                         # (and every bar, where the chart is kept)
                         hop_through([VGroup(*(strip_w.cell_box(0, j, th.focus) for j in range(len(tokens))),
                                             *([] if kept is None else [SurroundingRectangle(VGroup(bar, *([kept.written[j]] if len(kept.written) else [])),
                                                                                             color=th.focus, buff=0.06)
                                                                        for j, bar in enumerate(kept.shrunk)]))]),
                         during(FadeIn(positive, shift=0.2 * LEFT), 0.6, 1.0), run_time=1.4)
            self.narrate("and they add up to 1.", during(FadeIn(weights_sum, shift=0.2 * LEFT), 0.0 if kept is None else 0.8, 1.0),
                         *stacking, *([] if kept is None else [during(total.animate.set_color(th.text), 0.8, 1.0)]),
                         run_time=0.8 if kept is None else 1.6, wait=0.5)
        else:
            self.narrate("which add up to 1.", *([] if ratio_marks is None else [during(FadeOut(ratio_marks), 0.0, 0.1)]),
                         during(FadeIn(weights_total if kept is None else weights_sum, shift=0.2 * LEFT),
                                                       0.0 if kept is None else 0.8, 1.0),
                         *stacking, *([] if kept is None else [during(total.animate.set_color(th.text), 0.8, 1.0)]), run_time=0.8 if kept is None else 1.6, wait=0.5)
        # the weights rounded to the table's decimals one slot down, under the row they come from, with "≈"
        # (said once: as written, a row of the table may not add up to 1; here, when this one does not)
        rounds_up = not written_rows_read_one(parts.weights, TABLE_DECIMALS)
        clearing = [] if kept is None else [
            during(fade_out(kept.stack, sum_line, *([] if positive is None else [positive])), 0.0, 0.1),
            *([] if footnote is None or rounds_up else [during(FadeIn(footnote, shift=0.1 * LEFT), 0.5, 0.8)])]
        self.narrate("Rounded to two decimals,", carry_and_change(strip_w, strip_w2), *clearing,
                     *([] if div_line is None or kept is not None else [during(FadeOut(div_line), 0.0, 0.15)]),
                     during(FadeIn(VGroup(approx, rounded_note)), 0.3, 0.5), run_time=1.6)
        if kept is not None and footnote is not None and not rounds_up:
            rounded_note = footnote
        if rounds_up:
            # a box on each rounded weight in turn as they are added up as written; what they add up
            # to then written where "2 decimals" was (r13: said, never shown)
            rounded_total = format_number(written_total(parts.weights, TABLE_DECIMALS))
            if kept is None:
                as_written = label(f"Σ = {rounded_total}", th, size=32, color=th.focus).scale(factor).move_to(rounded_note, aligned_edge=LEFT)
                written_in = change_in_place(rounded_note, as_written, grow=False)
            else:
                as_written = footnote  # (the whole footnote: as written, and rounded)
                written_in = FadeIn(as_written, shift=0.1 * LEFT)
            self.narrate(f"they add up to {rounded_total}, not exactly 1;",
                         hop_through([strip_w2.cell_box(0, j, th.focus) for j in range(n)]),
                         during(written_in, 0.7, 1.0), run_time=1.6)
            rounded_note = as_written
        # only then the stages go, and the rounded row takes its place in the attention matrix; the
        # matrix appears round it as it lands, its other rows empty (their cells stay uncoloured until
        # their weights are computed; the focus row's keep theirs)
        focus_fills = [(cell[0], cell[0].get_fill_opacity()) for cell in self.weights.row(i)]
        self.weights.clear_fills()
        for rect, opacity in focus_fills:
            rect.set_fill(opacity=opacity)
        # the matrix at its full size from now on, and the scores table back beside it once the row has
        # landed, its rows level with the matrix's (the next step works every row from it)
        self.lay_out_every_row()
        self.focus_box = self.scaled.row_box(i, th.focus, buff=ROW_BOX_BUFF)
        # (r19: the row flew in before its grid was there, and the formula went and came back) the formula stays;
        # the row (where the matrix's lower rows will be) goes up out of their way, level with its own row at
        # the matrix's left, as the stages fade; the whole empty matrix, every word, comes; then the row slides
        # along into its row, its word coming as it lands (never over the matrix's words); the scores come back after
        # (at its size in the matrix by then)
        beside = np.array([self.weights.row_labels.get_left()[0] - 0.3 - self.weights.row(i).width / 2,
                           self.weights.row(i).get_y(), 0.0])
        # (r25) the row waits with its word at its left, as it will stand in the matrix: both on the frame (the
        # row may wait over its own empty slot: nothing else is on its line)
        word = self.weights.row_labels[i]
        word_home = word.get_center().copy()
        gap = self.weights.row(i).get_left()[0] - word.get_right()[0]
        beside[0] = max(beside[0], -half + 0.4 + word.width + gap + self.weights.row(i).width / 2)
        word.shift(beside - self.weights.row(i).get_center())
        self.narrate("the row goes into the attention matrix.",
                     # (where the chart was kept, the weights' lines are its own: "all > 0" alone, not the row's "all > 0,")
                     during(fade_out(strip_x, strip_e, strip_w, x_title, *names, total, approx, rounded_note,
                                     *([weights_total] if kept is None else []),
                                     *([] if kept is None else [growth.axis, growth.bars, growth.words, kept.written])),
                            0.0, 0.18),
                     Vanish(strip_w2, gone=(0.0, 0.02)),
                     during(FadeIn(VGroup(self.weights.col_labels, self.weights_name,
                                          *(w for k, w in enumerate(self.weights.row_labels) if k != i),
                                          *(self.weights.cell(k, j)[0] for k in range(n) if k != i for j in range(n)))), 0.18, 0.32),
                     during(Carry(strip_w2.row(0), self.weights.row(i), keys=[(0.3, beside), (0.5, beside)], resize=(0.0, 0.3)),
                            0.05, 0.8),
                     # (r25: it slid into a slot without its word) its word comes at its left as it waits, and
                     # goes along with it, ahead of it, into the word's place (never over the matrix's words)
                     Travel(word, [(0.425, word.get_center()), (0.8, word_home)], appear=(0.28, 0.4)),
                     Vanish(self.scaled, back=(0.8, 0.95)), Vanish(VGroup(self.scaled_name, self.scaled_words, self.scaled_rows), back=(0.8, 0.95)),
                     blink(self.focus_box, appear=(0.9, 1.0)), run_time=2.6)

    def lay_out_every_row(self):
        """Where the attention matrix stays from its first row on: as large as the frame's height
        allows (up to WEIGHTS_GROW), at the frame's right while its rows are worked, with the scores
        table at its left, made anew as narrow as that room, each row level with the matrix's row
        (a row's box on both reads across the row's word). Once the scores go, the matrix moves to
        the middle by `self.centring` (the rows' sums and their note, not on screen yet, are put
        there at once; the colour key goes under it, on one line)."""
        s, th = self.first, self.theme
        tokens = list(s.tokens)
        n = len(tokens)
        half = self.camera.frame_width / 2
        self.sum_note.next_to(self.sum_labels, UP, buff=0.12).align_to(self.sum_labels, LEFT)
        table = VGroup(self.weights_name, self.weights, self.sum_labels, self.sum_note)
        left, right = -half + 0.4 + QUERIES_ROOM, half - 0.4
        # the colour key on one line under the matrix (its end values beside its ends, at a size that
        # reads): the matrix leaves it room
        ticks, cells = self.legend.ticks, self.legend.cells
        self.legend.scale(LEGEND_SIZE / min(t.font_size for t in ticks))
        ticks[0].next_to(cells, LEFT, buff=0.15).match_y(cells)
        ticks[-1].next_to(cells, RIGHT, buff=0.15).match_y(cells)
        legend_room = self.legend.height + LEGEND_BUFF
        table.scale(min(WEIGHTS_GROW, (right - left) / table.width, (TOP - LOWEST - legend_room) / table.height))
        table.move_to([(left + right) / 2, (TOP + LOWEST + legend_room) / 2, 0.0])
        self.legend.next_to(self.weights.rects, DOWN, buff=LEGEND_BUFF).match_x(self.weights.rects)
        # meanwhile the matrix (its sums not there yet) at the frame's right, the scores at its left
        shown = VGroup(self.weights_name, self.weights)
        self.centring = shown.get_center().copy()
        shown.align_to([right, 0, 0], RIGHT)
        self.centring -= shown.get_center()
        # the scores: cells as tall as the matrix's, as wide as the room allows, numbers up to the matrix's size
        room = self.weights.row_labels.get_left()[0] - SCORES_GAP - (-half + 0.4)
        size = self.weights.numbers[0].font_size
        # (r25: its rows had no words of their own, the matrix's at its right) its row words at its left, the
        # matrix's own at their size, or smaller (never below the text floor) if they would take over a fifth of the room
        row_words = VGroup(*(w.copy() for w in self.weights.row_labels))
        widest = max(w.width for w in row_words)
        least = SMALLEST_TEXT / min(w.font_size for w in row_words)
        row_words.scale(min(1.0, max(least, 0.18 * room / widest)))  # (never larger than the matrix's own)
        words_room = max(w.width for w in row_words) + 0.15
        score_kw = dict(value_scale=self.score_scale, cell_h=self.weights.rects[0].height, number_size=size)

        def smallest_number(grid: MatrixGrid) -> float:
            return min(grid.number(r, c).height for r in range(n) for c in range(n))

        # (r25b: with long words, e.g. the second example's, the words' room narrowed the cells and the numbers
        # shrank into them, 16 px to 12 px at 720p) the words left out where they would make the numbers smaller
        # than the table without them (as before r25: the matrix's words at its right are the rows' words)
        if smallest_number(MatrixGrid(s.simple.scaled, th, name="simple.scaled", cell_w=(room - words_room) / n, **score_kw)) < \
                smallest_number(MatrixGrid(s.simple.scaled, th, name="simple.scaled", cell_w=room / n, **score_kw)) - 1e-6:
            row_words, words_room = VGroup(), 0.0
        scores = self.grid(s.simple.scaled, "simple.scaled", cell_w=(room - words_room) / n, **score_kw)
        # (r29: its digits filled the narrow cells edge to edge) each number at most NARROW_FILL of its cell's width,
        # never below the text floor
        for number in scores.numbers:
            number.scale(max(min(1.0, NARROW_FILL * scores.cell_w / number.width), min(1.0, SMALLEST_TEXT / number.font_size)))
        scores.align_to(self.weights.rects, UP).align_to([-half + 0.4 + room, 0, 0], RIGHT)
        for k, word in enumerate(row_words):
            word.match_y(self.weights.row_labels[k]).align_to([scores.rects.get_left()[0] - 0.15, 0, 0], RIGHT)
        self.scaled_rows = row_words
        # its column words as large as the cells' width allows, on the matrix's column words' line (left out
        # when they would be smaller than the text floor: they are the matrix's words, in its order)
        colours = self.token_colors(tokens)
        words = [baseline_label(t, th, size=size, color=colours.get(k, th.text)) for k, t in enumerate(tokens)]
        fit = min(1.0, min(scores.cell_w * 0.92 / w.width for w in words))
        self.scaled_words = VGroup(*(w.scale(fit).move_to([scores.rects[j].get_x(), self.weights.col_labels[j].get_y(), 0.0])
                                     for j, w in enumerate(words))) if size * fit >= SMALLEST_TEXT else VGroup()
        self.scaled = scores
        self.scaled_name.scale(min(self.weights_name.font_size / self.scaled_name.font_size, room / self.scaled_name.width))
        self.scaled_name.move_to([scores.get_x(), self.weights_name.get_y(), 0.0]).align_to(self.weights_name, UP)  # (one line)
        # (r20: "before / rounding", scaled with the table, read ~12 px at 720p) one word over the sums, as large
        # as they are, over them: the sums are the unrounded weights' (a row as written may add up to 0.99)
        self.sum_note = (label("unrounded", th, size=max(self.sum_labels[0].font_size * 1.15, 26), color=th.muted)
                         .next_to(self.sum_labels, UP, buff=0.2).align_to(self.sum_labels, LEFT))
        # (r29b: under the column words' line, it crowded "friends") on the column words' line, as the sums'
        # column's header, clear of the words (and of the box drawn round them), where that stays in the frame
        if len(self.weights.col_labels):
            header = self.sum_note.copy()
            # (the matrix is at the frame's right now; the sums are where it will be, `self.centring` away)
            words_at = self.weights.col_labels.get_right()[0] + self.centring[0]
            header.shift(UP * (text_baseline(self.weights.col_labels[0]) + self.centring[1] - text_baseline(header)))
            header.align_to([max(self.sum_labels.get_left()[0], words_at + 0.45), 0, 0], LEFT)
            if header.get_right()[0] <= half - 0.3:
                self.sum_note = header

    def paired_bars(self, parts, strip_e: MatrixGrid, top: float, ratio, under_words: bool = True,
                    strip_x: MatrixGrid | None = None) -> VGroup:
        """The lower half (from `top` down to the subtitles' band) while the eˣ are read, at the frame's
        full width: one group per word (its word under it), a dark bar for x and a blue one for eˣ side by
        side, all on one scale, each eˣ written over its bar; each eˣ bar stands at its x's height, to grow
        (MoveToTarget) to its eˣ. At the right of the later of the largest and the smallest entry's groups
        (room left there), two VERTICAL brackets with dashed guides from their bars' tops: a dark one, the
        x gap (attention_math.story.written_difference), and a blue one, the eˣ gap; at the top right the
        ratio of the two eˣ (story.gap_ratio, when given). Returns a group with .axis, .bars, .marks (the x
        bars), .values, .legend (the words and the first x bar's "x"), .gap (the two brackets),
        .difference (the x gap's number) and .ratio (None without a ratio)."""
        th = self.theme
        half = self.camera.frame_width / 2
        big, small, places = parts.largest, parts.smallest, parts.decimals
        xs, exps = [float(v) for v in parts.row], [float(e) for e in parts.exps]
        n = len(xs)
        a, b = sorted((small, big))
        x_gap = written_difference(xs[big], xs[small], places)
        e_gap = written_difference(exps[big], exps[small], places)
        # each bracket named for what it measures, the gap, over its number (r17: two bare numbers beside
        # the ratio read as three of a kind)
        gap_words = [VGroup(label(f"{name} gap", th, size=BRACKET_SIZE), label(text, th, size=BRACKET_SIZE))
                     .arrange(DOWN, buff=0.06, aligned_edge=LEFT) for name, text in (("x", x_gap), ("eˣ", e_gap))]
        # (r19: both brackets at the pair's right, the eˣ one's arm ran into the x gap's number and its guides
        # crossed the x bracket) the x bracket at the LEFT of the earlier of the two groups, its number at its
        # left; the eˣ bracket at the RIGHT of the later one, its number at its right: each bracket's guides run
        # over the pair only, never across the other bracket. Each one's room beside its group:
        room_x = CHART_BRACKET_BUFF * 2 + gap_words[0].width + 0.2
        room_e = CHART_BRACKET_BUFF * 2 + gap_words[1].width + 0.2
        left, right = -half + 0.6, half - 0.9  # (the last eˣ value, wider than its bar, clear of the edge)
        # the groups across the frame, the brackets' rooms before group a and after group b
        columns = [float(strip_e.rects[j].get_x()) for j in range(n)]
        pitch = (columns[-1] - columns[0]) / (n - 1) if n > 1 else 0.0
        # (r20: the groups spread over the frame with the brackets' rooms between them, unevenly, under no
        # column) each pair under its word's column of the eˣ row above, its bars as narrow as leaves a
        # bracket room between two groups; the gaps' words then go where they cross nothing (bracket's
        # `place`). When they cannot (or the columns are too close), the groups are spread as in r20
        aligned_w = min(CHART_BAR_W, (pitch - 2 * CHART_BRACKET_BUFF - 0.2) / 2)
        under_words = under_words and n > 1 and aligned_w >= CHART_BAR_W / 2
        if under_words:
            bar_w = aligned_w
            group_w, gap = 2 * bar_w, pitch - 2 * bar_w
            starts = [c - bar_w for c in columns]
        else:
            bar_w, gap = CHART_BAR_W, CHART_GROUP_GAP
            squeeze = min(1.0, (right - left - room_x - room_e) / (n * 2 * bar_w + (n - 1) * gap))
            bar_w, gap = bar_w * squeeze, gap * squeeze
            group_w = 2 * bar_w
            span = n * group_w + (n - 1) * gap + room_x + room_e
            starts, x = [], left + (right - left - span) / 2
            for j in range(n):
                x += room_x if j == a else 0.0
                starts.append(x)
                x += group_w + gap + (room_e if j == b else 0.0)
        # the ratio beside the eˣ row it is about when there is room at the row's right
        under_columns = n > 1 and half - 0.5 - (columns[-1] + pitch / 2) >= 2.5
        x_at = [s0 + bar_w / 2 for s0 in starts]
        e_at = [s0 + bar_w * 1.5 for s0 in starts]
        colours = self.token_colors(list(self.first.tokens))
        words = [baseline_label(t, th, size=CHART_WORD_SIZE, color=colours.get(j, th.text))
                 for j, t in enumerate(self.first.tokens)]
        fit = min(1.0, (group_w + gap * 0.9) / max(w.width for w in words))
        words = [w.scale(fit) for w in words] if CHART_WORD_SIZE * fit >= SMALLEST_TEXT else []
        values = [label(format_number(e, places), th, size=BAR_VALUE_SIZE) for e in exps]
        fit = min(1.0, (group_w + gap * 0.9) / max(v.width for v in values))
        values = [v.scale(fit) for v in values] if BAR_VALUE_SIZE * fit >= SMALLEST_TEXT else []
        words_h = max((w.height for w in words), default=0.0)
        base_low = LOWEST + words_h + 0.15  # the lowest bar's bottom, the words under it
        bars_top = top - 0.1 - max((v.height + 0.08 for v in values), default=0.0)
        lowest = min(0.0, min(xs))
        unit = (bars_top - base_low) / (max(exps) - lowest)
        base = base_low - lowest * unit
        chart = VGroup()
        chart.axis = Line([starts[0] - 0.15, base, 0], [starts[-1] + group_w + 0.15, base, 0], color=th.muted, stroke_width=2)
        chart.bars, chart.marks, chart.values = VGroup(), VGroup(), VGroup()
        # only the two compared entries' eˣ over their bars (the row above writes every eˣ; more labels here
        # crowded the brackets' guides): their indices in .value_at
        chart.value_at = [j for j in range(n) if j in (big, small)]
        for j, (xc, ec, x, e) in enumerate(zip(x_at, e_at, xs, exps)):
            chart.marks.add(Rectangle(width=bar_w, height=max(abs(x) * unit, 1e-3), stroke_width=0, fill_color=th.text,
                                      fill_opacity=0.85).move_to([xc, base + x * unit / 2, 0]))
            grown = Rectangle(width=bar_w, height=max(e * unit, 1e-3), stroke_width=0, fill_color=th.positive,
                              fill_opacity=0.8).move_to([ec, base + e * unit / 2, 0])
            bar = grown.copy().stretch_to_fit_height(max(abs(x) * unit, 1e-3)).move_to([ec, base + x * unit / 2, 0])
            bar.target = grown
            chart.bars.add(bar)
            if values and j in chart.value_at:
                chart.values.add(values[j].next_to(grown, UP, buff=0.08).set_x(ec))
        # each group's word under it; the first x bar named "x" over it (the eˣ bars carry their values)
        chart.legend = VGroup(*(w.move_to([(x_at[j] + e_at[j]) / 2, 0, 0]).align_to([0, LOWEST, 0], DOWN)
                                for j, w in enumerate(words)))
        # a key at the chart's left, when there is room: a dark swatch "x", a blue one "eˣ" (each bar named
        # by its colour); else the first x bar named "x" over it
        key = self._key_swatches()
        key_right = starts[0] - 0.35 - (room_x if a == 0 else 0.0)
        if key_right - key.width >= -half + 0.3:
            chart.legend.add(key.align_to([key_right, 0, 0], RIGHT).set_y((bars_top + base) / 2))
        else:
            x_name = label("x", th, size=CHART_WORD_SIZE).next_to(chart.marks[0], UP, buff=0.08)
            first = chart.values[0] if chart.value_at and chart.value_at[0] == 0 else None
            if first is None or x_name.get_right()[0] < first.get_left()[0] or x_name.get_top()[1] < first.get_bottom()[1] - 0.05:
                chart.legend.add(x_name)
                # (r25) and its blue bar "eˣ", where no eˣ is written over it
                e_name = label("eˣ", th, size=CHART_WORD_SIZE).next_to(chart.bars[0].target, UP, buff=0.08).set_x(e_at[0])
                if first is None and e_name.get_top()[1] <= top and not boxes_overlap(box_of(e_name), box_of(x_name)):
                    chart.values.add(e_name)
                    chart.value_at.append(0)

        # what a guide must not cross: every bar (grown), and what the brackets drawn before it put there
        # and the eˣ written over the bars (a guide through "1.3231" was an overprint)
        # (not the eˣ written over the bars: one a guide would run through goes instead, below)
        obstacles = [box_of(m) for m in chart.marks] + [box_of(bar.target) for bar in chart.bars]
        runs = []  # every guide's (left, right, y) as drawn unbroken

        def guide(x0: float, x1: float, y: float, colour) -> VGroup:
            """A dashed guide from x0 to x1 at height y, broken where it would cross a bar, a bracket or a
            bracket's number (stopped at their edges, so it never runs through them)."""
            return broken_guide(x0, x1, y, colour, obstacles, shortest_piece=0.1, stroke_width=2)

        def bracket(at: float, low: float, high: float, froms: tuple, text, colour, side: int = 1) -> VGroup:
            """A vertical bracket at x = at from y low to high, its ends turned towards the bars (left for
            side 1, right for side −1), dashed guides from `froms` ((x, y) of the bars' near edges at their
            tops) to its ends (broken where they would cross a bar or what is already drawn), and `text` on
            its far side, halfway up (clear of the chart's baseline)."""
            arm = at - 0.1 * side
            lines = VGroup(Line([arm, low, 0], [at, low, 0]), Line([at, low, 0], [at, high, 0]),
                           Line([at, high, 0], [arm, high, 0])).set_stroke(colour, width=4)
            text.set_color(colour).next_to(lines[1], RIGHT * side, buff=0.2).set_y(max((low + high) / 2, base + 0.14 + text.height / 2))
            if under_words and not place(text, lines, low, high, side):
                crowded.append(text)
            # (none along the baseline: a guide within a hair of it read as the baseline itself)
            drawn = [(min(fx, arm), max(fx, arm), fy) for fx, fy in froms if abs(arm - fx) > 0.1 and fy - base > 0.12]
            runs.extend(drawn)
            guides = VGroup(*(guide(x0, x1, fy, colour) for x0, x1, fy in drawn))
            obstacles.extend([box_of(lines[1]), box_of(text)])
            return VGroup(guides, lines, text)

        crowded = []  # the gaps' words that found no free place (the groups under the columns then give way)

        def crosses(mob) -> bool:
            """Whether `mob` (a gap's words) runs into a bar, a bracket, a guide, an eˣ over its bar or the
            key, or out of the chart's room."""
            l, lo, r, hi = box_of(mob, 0.06)
            if l < -half + 0.3 or r > half - 0.3 or lo < base + 0.08 or hi > top - 0.05:
                return True
            # (an eˣ over its bar that a guide will run through goes, below: not in the way)
            values = [box_of(v) for v in chart.values]
            values = [(l2, lo2, r2, hi2) for l2, lo2, r2, hi2 in values
                      if not any(l2 - 0.05 <= x1 and r2 + 0.05 >= x0 and lo2 - 0.04 <= y <= hi2 + 0.04 for x0, x1, y in planned)]
            boxes = obstacles + values + [box_of(m) for m in chart.legend]
            return (any(l <= r2 and r >= l2 and lo <= hi2 and hi >= lo2 for l2, lo2, r2, hi2 in boxes)
                    or any(l <= x1 and r >= x0 and lo <= y <= hi for x0, x1, y in runs + planned))

        def place(text, lines: VGroup, low: float, high: float, side: int) -> bool:
            """The gap's words beside the bracket's far side, anywhere along it, else over its top end (reaching
            over the bars or away from them): the first place where they cross nothing. False if none."""
            lowest, highest = max(low, base + 0.14) + text.height / 2, max(high, base + 0.14) - text.height / 2
            beside = [(low + high) / 2] + [lowest + (highest - lowest) * k / 6 for k in range(7)]
            for y in beside:
                text.next_to(lines[1], RIGHT * side, buff=0.2).set_y(max(y, base + 0.14 + text.height / 2))
                if not crosses(text):
                    return True
            for edge in (LEFT, RIGHT):
                # (high enough that the box "difference" puts round them clears the bracket's end and its guide)
                text.next_to(lines, UP, buff=0.25).align_to(lines, edge)
                if not crosses(text):
                    return True
            return False

        def top_of(bar, value: float, side: int = 1) -> tuple:
            return (bar.get_right() if side > 0 else bar.get_left())[0], base + value * unit

        dark_at = starts[a] - CHART_BRACKET_BUFF
        blue_at = starts[b] + group_w + CHART_BRACKET_BUFF
        # the eˣ bracket's guides, drawn after the x gap's words are placed: those words keep clear of them too
        planned = [(top_of(chart.bars[j].target, exps[j])[0], blue_at, base + exps[j] * unit) for j in (small, big)]
        # (and the x bracket's: only to tell the eˣ over a bar that will go)
        planned += [(dark_at - 0.1, top_of(chart.marks[j], xs[j], -1)[0], base + xs[j] * unit) for j in (small, big)]
        levels = sorted((xs[small], xs[big]))
        chart.gap = VGroup(
            bracket(dark_at, base + levels[0] * unit, base + levels[1] * unit,
                    (top_of(chart.marks[small], xs[small], -1), top_of(chart.marks[big], xs[big], -1)), gap_words[0], th.text,
                    side=-1),
            bracket(blue_at, base + exps[small] * unit, base + exps[big] * unit,
                    (top_of(chart.bars[small].target, exps[small]), top_of(chart.bars[big].target, exps[big])),
                    gap_words[1], th.positive))
        chart.difference = gap_words[0]
        if crowded:
            return self.paired_bars(parts, strip_e, top, ratio, under_words=False, strip_x=strip_x)
        # an eˣ written over its bar where a guide runs through it goes (r19 at this place: "···1.1735···" read
        # as part of the guide): the eˣ row above writes every one, boxed
        keep = [k for k, v in enumerate(chart.values)
                if not any(l - 0.05 <= x1 and r + 0.05 >= x0 and lo - 0.04 <= y <= hi + 0.04
                           for l, lo, r, hi in [box_of(v)] for x0, x1, y in runs)]
        chart.value_at = [chart.value_at[k] for k in keep]
        chart.values = VGroup(*(chart.values[k] for k in keep))
        chart.ratio, chart.ratio_panel = None, None
        if ratio is not None and under_columns and strip_x is not None:
            # (r30b: the right 40 % empty while the ratio was two small lines there) the ratio worked in the
            # right column, built from the rows' cells, and the rule it is an instance of under it
            chart.ratio_panel = self._ratio_panel(parts, strip_x, strip_e, ratio, x_gap,
                                                  columns[-1] + pitch / 2 + 0.45, half - 0.45)
            if chart.ratio_panel is not None:
                chart.ratio = chart.ratio_panel.group
        if ratio is not None and chart.ratio is None:
            if under_columns:  # beside the eˣ row it is about (the brackets are under it, at the table's right)
                worked = quotient_as_written(exps[big], exps[small], ratio, places, TABLE_DECIMALS)
                lines = ([f"ratio {format_number(exps[big], places)} ÷ {format_number(exps[small], places)}",
                          f"= {format_number(ratio)} = exp({x_gap})"] if worked else [f"ratio {format_number(ratio)}", f"= exp({x_gap})"])
                chart.ratio = VGroup(*(label(t, th, size=BRACKET_SIZE, color=th.focus) for t in lines))
                chart.ratio.arrange(DOWN, buff=0.08, aligned_edge=LEFT)
                # (r18: ending 27 px from the frame's edge at 720p, it read as cut off: a wider margin)
                ratio_left = min(columns[-1] + pitch / 2 + 0.35, half - 0.5 - chart.ratio.width * SMALLEST_TEXT / BRACKET_SIZE)
                chart.ratio.scale(max(SMALLEST_TEXT / BRACKET_SIZE, min(1.0, (half - 0.5 - ratio_left) / chart.ratio.width)))
                chart.ratio.align_to([ratio_left, 0, 0], LEFT).match_y(strip_e.rects)
            else:
                chart.ratio = self._ratio_lines(exps, big, small, ratio, places, x_gap, BRACKET_SIZE).arrange(
                    DOWN, buff=0.08, aligned_edge=RIGHT)
                chart.ratio.align_to([right, 0, 0], RIGHT).align_to([0, top - 0.05, 0], UP)
        # the other words' bars, dimmed while the two compared are bracketed (one focal pair)
        chart.others = VGroup(*(VGroup(chart.marks[j], chart.bars[j]) for j in range(n) if j not in (big, small)))
        chart.add(chart.axis, chart.marks, chart.bars, chart.values, chart.legend, chart.gap,
                  *([] if chart.ratio is None else [chart.ratio]))
        return chart

    def _ratio_panel(self, parts, strip_x: MatrixGrid, strip_e: MatrixGrid, ratio: float, x_gap: str,
                     left: float, right: float) -> SimpleNamespace | None:
        """The ratio of the largest and the smallest eˣ worked in the column at the rows' right (from `left`
        to `right`), in the focus colour: "5.5567 ÷ 1.1735 = 4.74" level with the x row, "= exp(1.7150 −
        0.1600)" level with the eˣ row, "= exp(1.5550)" under it (story.gap_ratio: e to the gap is the
        ratio as written), then, in ink, the rule it is an instance of, "eᵃ ÷ eᵇ = e^(a − b)". Returns
        .group, .sources ((cell's number, the piece it becomes) in the order they fly), .said (what
        comes in place: "÷", "=", …, one group per line) and .rule; None where it does not fit at the
        text floor or the division does not check as written."""
        th = self.theme
        big, small, places = parts.largest, parts.smallest, parts.decimals
        exps, xs = [float(e) for e in parts.exps], [float(v) for v in parts.row]
        if not quotient_as_written(exps[big], exps[small], ratio, places, TABLE_DECIMALS):
            return None
        size = 34

        def line(pieces, colour, scale: float = 1.0) -> VGroup:
            """Pieces (text, raised?) on one baseline, a space apart; a raised piece (an exponent) smaller,
            close to its letter; a lone ")" level with the "(" it closes; an operator (÷, =, −) on the
            line's middle (its glyph's bottom is no baseline)."""
            row, at = VGroup(), size * scale
            for k, (text, raised) in enumerate(pieces):
                piece = label(text, th, size=max(SMALLEST_TEXT, at * 0.72) if raised else at, color=colour)
                if k:
                    tight = raised or text == ")" or pieces[k - 1][0].endswith("(")
                    piece.next_to(row[-1], RIGHT, buff=0.04 if tight else 0.16)
                row.add(piece)
            base = text_baseline(row[0])
            middle = base + label("0", th, size=at).height / 2  # (half a digit's height over the baseline)
            for piece, (text, raised) in zip(row, pieces):
                if text == ")":
                    opener = next(p for p in reversed(row[:list(row).index(piece)]) if p.original_text.endswith("("))
                    piece.match_y(opener[-1])
                elif text in ("÷", "=", "−"):
                    piece.set_y(middle)
                else:
                    piece.shift(UP * ((base + 0.32 * at / 48 if raised else base) - text_baseline(piece)))
            return row

        e_big, e_small = format_number(exps[big], places), format_number(exps[small], places)
        x_big, x_small = format_number(xs[big], places), format_number(xs[small], places)
        x_small_said = x_small if xs[small] >= 0 else f"({x_small})"
        while True:
            first = line([(e_big, False), ("÷", False), (e_small, False), ("=", False), (format_number(ratio), False)], th.focus)
            second = line([("= exp(", False), (x_big, False), ("−", False), (x_small_said, False), (")", False)], th.focus)
            third = line([("= exp(", False), (x_gap, False), (")", False)], th.focus)
            rule = line([("e", False), ("a", True), ("÷", False), ("e", False), ("b", True), ("=", False), ("e", False),
                         ("(a − b)", True)], th.text, scale=1.25)
            widest = max(m.width for m in (first, second, third, rule))
            if widest <= right - left or size <= SMALLEST_TEXT:
                break
            size = max(SMALLEST_TEXT, size * (right - left) / widest - 0.5)
        if widest > right - left:
            return None
        first.align_to([left, 0, 0], LEFT).match_y(strip_x.rects)
        second.align_to([left, 0, 0], LEFT).match_y(strip_e.rects)
        third.next_to(second, DOWN, buff=0.3).align_to([left, 0, 0], LEFT)
        # the "=" of the working's lines under the first line's "="
        for working in (second, third):
            working.shift(RIGHT * (first[3].get_x() - working[0].get_left()[0] - first[3].width / 2))
        if max(second.get_right()[0], third.get_right()[0]) > right:  # (else at the column's left)
            for working in (second, third):
                working.align_to([left, 0, 0], LEFT)
        rule.next_to(third, DOWN, buff=0.7).align_to([left, 0, 0], LEFT)
        if rule.get_bottom()[1] < LOWEST:
            return None
        sources = [(strip_e.numbers[big], first[0]), (strip_e.numbers[small], first[2]),
                   (strip_x.numbers[big], second[1]), (strip_x.numbers[small], second[3])]
        said = [VGroup(first[1], first[3], first[4]), VGroup(second[0], second[2], second[4]), third]
        group = VGroup(first, second, third, rule)
        return SimpleNamespace(group=group, sources=sources, said=said, rule=rule, first=first, second=second, third=third,
                               lane=(strip_x.rects.get_bottom()[1] + strip_e.rects.get_top()[1]) / 2)

    def _division_chart(self, chart, parts, col_left: float, notes, slot) -> SimpleNamespace | None:
        """(r26: the chart went as the eˣ were added, the right column empty through the division) the
        column chart kept for the sum and the division: its x bars and gaps go, each eˣ bar moves to its
        group's middle; the running Σ (story.running_totals) at the column's top left (from `col_left`),
        clear of the bars; each bar then shrinks to its weight (one scale: the chart's height is 1), its
        weight over it; the band the tall bars leave at the top holds, under Σ, one line after another,
        left-aligned: `notes` (the weights' facts: "all > 0," or None, then a line "Σ = 1" that follows
        the stack of copies of the bars laid end to end, then what is said of them as written, then the
        rounded row's note). None when any of it finds no room (the chart then goes as before)."""
        th = self.theme
        half = self.camera.frame_width / 2
        places = parts.decimals
        bar_w = chart.bars[0].width
        grown = [Rectangle(width=bar_w, height=b.target.height).move_to([c, b.target.get_y(), 0])
                 for b, c in zip(chart.bars, chart.centres)]

        def clear(mob, blocked) -> bool:
            l, lo, r, hi = box_of(mob, 0.1)
            return (l >= -half + 0.3 and r <= half - 0.3 and hi <= TOP + 0.3
                    and not any(boxes_overlap((l, lo, r, hi), b) for b in blocked))

        run = running_totals(parts.exps, places)
        if format_number(run[-1], places) != format_number(parts.total, places):
            return None  # the written eˣ add up to another last digit than the Σ divided by: not counted up
        sigmas = [label(f"Σ = {format_number(v, places)}", th, size=28, color=th.focus) for v in run]
        for m in sigmas:
            m.align_to([col_left, 0, 0], LEFT).align_to([0, TOP, 0], UP)
        if not clear(max(sigmas, key=lambda m: m.width), [box_of(g) for g in grown]):
            return None
        height = chart.bars_top - chart.base
        shrunk = [Rectangle(width=bar_w, height=max(float(w) * height, 1e-3), stroke_width=0, fill_color=th.positive,
                            fill_opacity=0.8).move_to([c, chart.base + float(w) * height / 2, 0])
                  for w, c in zip(parts.weights, chart.centres)]
        # (at the text floor: "0.261" at 24 is nearly as wide as a group)
        written = VGroup(*(label(format_number(w, WORKED_WEIGHT_DECIMALS), th, size=SMALLEST_TEXT).next_to(b, UP, buff=0.08)
                           for w, b in zip(parts.weights, shrunk)))
        pitch = chart.centres[1] - chart.centres[0]
        if any(m.width > pitch - 0.12 for m in written):
            written = VGroup()  # (the rows write them)
        # two neighbours' weights less than a gap apart side by side (0.103 0.111 read as one): the later a line higher
        for a, b in zip(written, written[1:]):
            if b.get_left()[0] - a.get_right()[0] < 0.3 and b.get_bottom()[1] < a.get_top()[1] and a.get_bottom()[1] < b.get_top()[1]:
                b.shift(UP * (a.get_top()[1] + 0.08 - b.get_bottom()[1]))
        blocked = [box_of(b) for b in shrunk] + [box_of(m) for m in written] + [box_of(w) for w in chart.words]
        # the lines under Σ
        positive, sum_line, below = notes
        # (r28g: the stack stood beside the x row, away from the weights it adds up) the stack in `slot` ((left, right, y,
        # height): the rounded row's slot, right under the weights' row, empty until the rounding), "Σ = 1" at its right
        slot_left, slot_right, slot_y, slot_h = slot
        stack_h = 0.7 * slot_h
        sum_line.move_to([0, slot_y, 0]).align_to([slot_right, 0, 0], RIGHT)
        length = sum_line.get_left()[0] - 0.25 - slot_left
        if length < 1.5:
            return None
        y = sigmas[-1].get_bottom()[1] - 0.35
        if positive is not None:
            positive.align_to([col_left, 0, 0], LEFT).align_to([0, y, 0], UP)
            y = positive.get_bottom()[1] - 0.35
        stack, x = VGroup(), slot_left
        for w in parts.weights:
            stack.add(Rectangle(width=max(float(w) * length, 1e-3), height=stack_h, fill_color=th.positive, fill_opacity=0.8,
                                stroke_color=th.background, stroke_width=3).move_to([x + float(w) * length / 2, slot_y, 0]))
            x += float(w) * length
        for line in below:
            line.align_to([col_left, 0, 0], LEFT).align_to([0, y, 0], UP)
            y = line.get_bottom()[1] - 0.25
        if not all(clear(m, blocked) for m in [*([] if positive is None else [positive]), stack, sum_line, *below]):
            return None
        return SimpleNamespace(sigmas=sigmas, shrunk=shrunk, written=written, stack=stack)

    def _key_swatches(self) -> VGroup:
        """The bars' key: a dark swatch "x" over a blue one "eˣ" (each bar named by its colour)."""
        th = self.theme
        key = VGroup(*(VGroup(Rectangle(width=0.28, height=0.28, stroke_width=0, fill_color=colour, fill_opacity=opacity),
                              label(text, th, size=BRACKET_SIZE)).arrange(RIGHT, buff=0.12)
                       for text, colour, opacity in (("x", th.text, 0.85), ("eˣ", th.positive, 0.8))))
        return key.arrange(DOWN, buff=0.2, aligned_edge=LEFT)

    def _bar_key(self, left: float, right: float, top: float, free) -> VGroup:
        """A key, "x" and "eˣ" by their colours, at the chart's top left or right, where it crosses nothing
        (when no group's bars can be named where they stand); empty if it fits nowhere."""
        key = self._key_swatches()
        for edge in (LEFT, RIGHT):
            key.align_to([left if edge is LEFT else right, 0, 0], edge).align_to([0, top, 0], UP)
            if free(key):
                return key
        return VGroup()

    def column_bars(self, parts, left: float, right: float, top: float, ratio, ratio_at,
                    name_size: float = 38) -> VGroup | None:
        """The eˣ bar chart in the right column (r24: under the rows it was ~180 px tall, the column at their
        right empty): from `top` down to the subtitles' band, between `left` and `right`, one group per word
        (a blue eˣ bar and a dark x bar side by side, on one scale; the words under the axis, on two staggered
        lines when one does not hold them), each eˣ bar standing at its x's height, to grow (MoveToTarget) to
        its eˣ. Each gap is bracketed ON the larger entry's bar (r24: the brackets stood apart from the bars,
        tied to them by long guides): the eˣ gap along its eˣ bar's left side, the x gap along its x bar's
        right side, each from the level of the smaller entry's bar (a dashed guide from it) to the top. The
        ratio is written under the eˣ row, at `ratio_at` ((left x, top y)). The same attributes as
        paired_bars; None when the words do not fit at a size that reads (paired_bars then, under the rows)."""
        th = self.theme
        big, small, places = parts.largest, parts.smallest, parts.decimals
        xs, exps = [float(v) for v in parts.row], [float(e) for e in parts.exps]
        n = len(xs)
        if n < 2 or min(xs) < 0:  # (a negative score's bar would hang under the axis, into the words)
            return None
        pitch = (right - left) / n
        bar_w = min(CHART_BAR_W / 2 + 0.05, (pitch - 0.45) / 2)
        if bar_w < 0.12:
            return None
        centres = [left + pitch * (j + 0.5) for j in range(n)]
        # (the eˣ bar at the left of its x: its gap's bracket then faces the bars at the left, the x gap's the right)
        e_at, x_at = [c - bar_w / 2 for c in centres], [c + bar_w / 2 for c in centres]
        colours = self.token_colors(list(self.first.tokens))
        words = [baseline_label(t, th, size=CHART_WORD_SIZE, color=colours.get(j, th.text)) for j, t in enumerate(self.first.tokens)]
        # (r25: on two staggered lines they read as two rows of labels) on one line, a little smaller if need be
        widest_pair = max((words[j].width + words[j + 1].width) / 2 for j in range(n - 1))
        shrink = min(1.0, (pitch - CHART_WORD_GAP) / widest_pair)
        # (r31f: "and mouse are" nearly touched, 14–19 px apart) smaller, down to the text floor, for a wider gap
        shrink = min(shrink, max(SMALLEST_TEXT / CHART_WORD_SIZE, (pitch - CHART_WORD_ROOMY_GAP) / widest_pair))
        if CHART_WORD_SIZE * shrink >= SMALLEST_TEXT:
            words = [w.scale(shrink) for w in words]
        one_line = all((words[j].width + words[j + 1].width) / 2 + CHART_WORD_GAP <= pitch + 1e-9 for j in range(n - 1))
        staggered = all((words[j].width + words[j + 2].width) / 2 + 0.15 <= 2 * pitch for j in range(n - 2))
        if not (one_line or staggered) or any(w.width > 2 * pitch - 0.1 for w in words[1:-1]) \
                or words[0].width / 2 > centres[0] - left + 0.3 or words[-1].width / 2 > right - centres[-1] + 0.3:
            return None
        line_h = max(w.height for w in words)
        for j, w in enumerate(words):
            w.move_to([centres[j], 0, 0]).align_to([0, LOWEST + (line_h + 0.08 if not one_line and j % 2 == 0 else 0.0), 0], DOWN)
        if one_line:
            # (r31f) a word may stand up to WORD_SLACK off its group's centre, so that the narrowest gap between two
            # words is as wide as can be (up to CHART_WORD_ROOMY_GAP): the largest such gap found by halving, then the
            # words at the middle of the leftmost and the rightmost placement that keep it (never narrower than before)
            halves, slack = [w.width / 2 for w in words], WORD_SLACK

            def packed(gap: float, leftmost: bool):
                at = [0.0] * n
                order = range(n) if leftmost else range(n - 1, -1, -1)
                prev = None
                for j in order:
                    if leftmost:
                        at[j] = centres[j] - slack if prev is None else max(centres[j] - slack, at[prev] + halves[prev] + gap + halves[j])
                        ok = at[j] <= centres[j] + slack + 1e-9
                    else:
                        at[j] = centres[j] + slack if prev is None else min(centres[j] + slack, at[prev] - halves[prev] - gap - halves[j])
                        ok = at[j] >= centres[j] - slack - 1e-9
                    if not ok:
                        return None
                    prev = j
                return at

            low = min(centres[j + 1] - halves[j + 1] - centres[j] - halves[j] for j in range(n - 1))
            high = max(low, CHART_WORD_ROOMY_GAP)
            for _ in range(30):
                mid = (low + high) / 2
                low, high = (mid, high) if packed(mid, True) is not None else (low, mid)
            lefts, rights = packed(low, True), packed(low, False)
            if lefts is not None and rights is not None:
                for w, a, b in zip(words, lefts, rights):
                    w.set_x((a + b) / 2)
        base = LOWEST + (line_h if one_line else 2 * line_h + 0.08) + 0.15
        values = [label(format_number(e, places), th, size=BAR_VALUE_SIZE) for e in exps]
        bars_top = top - 0.1 - max(v.height for v in values)
        unit = (bars_top - base) / max(exps)
        chart = VGroup()
        chart.axis = Line([left, base, 0], [right, base, 0], color=th.muted, stroke_width=2)
        chart.bars, chart.marks, chart.values = VGroup(), VGroup(), VGroup()
        for j, (xc, ec, x, e) in enumerate(zip(x_at, e_at, xs, exps)):
            chart.marks.add(Rectangle(width=bar_w, height=max(x * unit, 1e-3), stroke_width=0, fill_color=th.text,
                                      fill_opacity=0.85).move_to([xc, base + x * unit / 2, 0]))
            grown = Rectangle(width=bar_w, height=max(e * unit, 1e-3), stroke_width=0, fill_color=th.positive,
                              fill_opacity=0.8).move_to([ec, base + e * unit / 2, 0])
            bar = grown.copy().stretch_to_fit_height(max(x * unit, 1e-3)).move_to([ec, base + x * unit / 2, 0])
            bar.target = grown
            chart.bars.add(bar)
        obstacles = [box_of(m) for m in chart.marks] + [box_of(bar.target) for bar in chart.bars]

        def guide(x0: float, x1: float, y: float, colour) -> VGroup:
            """A dashed guide at height y from x0 to x1, broken where it would cross a bar."""
            return broken_guide(x0, x1, y, colour, obstacles, shortest_piece=0.08, stroke_width=2.5)

        taken = []  # what the gaps' words must keep clear of, besides the bars

        def free(mob) -> bool:
            l, lo, r, hi = box_of(mob, 0.06)
            return (l >= left - 0.3 and r <= self.camera.frame_width / 2 - 0.3 and lo >= base + 0.08 and hi <= top
                    and not any(l <= r2 and r >= l2 and lo <= hi2 and hi >= lo2 for l2, lo2, r2, hi2 in obstacles + taken))

        def bracket(bar, low: float, high: float, from_bar, name: str, text: str, colour, side: int) -> VGroup:
            """A bracket along `bar`'s side (-1 left, 1 right), from y low to high, its ends turned onto the bar;
            a dashed guide at `low` from `from_bar`'s top to it; its words beside it, or over it, where free."""
            # (a curly brace: r24's square bracket hugging a thin bar read as a hollow bar beside it)
            edge = bar.get_right()[0] if side > 0 else bar.get_left()[0]
            lines = Brace(Line([edge, low, 0], [edge, high, 0]), direction=RIGHT * side, buff=0.05, color=colour)
            at = edge + 0.05 * side
            near = from_bar.get_right()[0] if from_bar.get_x() < at else from_bar.get_left()[0]
            guides = guide(near, at, low, colour) if high - low > 0.05 else VGroup()
            words_ = VGroup(label(name, th, size=BRACKET_SIZE), label(text, th, size=BRACKET_SIZE)) \
                .arrange(DOWN, buff=0.06, aligned_edge=LEFT if side > 0 else RIGHT).set_color(colour)
            mid = max((low + high) / 2, base + 0.14 + words_.height / 2)
            spots = [words_.copy().next_to(lines, RIGHT * side, buff=0.12).set_y(y)
                     for y in (mid, high - words_.height / 2, high + words_.height / 2 + 0.15)]
            spots += [words_.copy().next_to(lines, UP, buff=0.2).align_to(lines, LEFT if side > 0 else RIGHT),
                      words_.copy().next_to(bar, UP, buff=0.5 if bar is chart.bars[big].target else 0.2)]
            spot = next((s0 for s0 in spots if free(s0)), None)
            if spot is None:
                return None
            words_.move_to(spot)
            obstacles.extend([box_of(lines), box_of(words_)])
            taken.extend(box_of(g) for g in guides)
            return VGroup(guides, lines, words_)

        x_bracket = bracket(chart.marks[big], base + xs[small] * unit, base + xs[big] * unit, chart.marks[small], "x gap",
                            written_difference(xs[big], xs[small], places), th.text, 1)
        e_bracket = bracket(chart.bars[big].target, base + exps[small] * unit, base + exps[big] * unit,
                            chart.bars[small].target, "eˣ gap", written_difference(exps[big], exps[small], places), th.positive, -1)
        if x_bracket is None or e_bracket is None:
            return None
        chart.gap = VGroup(x_bracket, e_bracket)
        chart.difference = x_bracket[2]
        # the two compared entries' eˣ over their bars, where they cross nothing (the row above writes every one)
        chart.value_at = []
        for j in (small, big):
            value = values[j].next_to(chart.bars[j].target, UP, buff=0.08).set_x(e_at[j])
            if free(value):
                chart.value_at.append(j)
                chart.values.add(value)
                taken.append(box_of(value))
        chart.legend = VGroup(*words)
        # (r25: a key of two colour swatches left the bars to be matched by colour) one group's bars named where
        # they stand, in the rows' names' style: "eˣ" over its blue bar (in as it grows), "x" over its dark bar;
        # the first group where both cross nothing (the compared pair's last: they carry the gaps)
        for j in sorted(range(n), key=lambda k: (k in (big, small), k)):
            e_name = label("eˣ", th, size=name_size).next_to(chart.bars[j].target, UP, buff=0.1).set_x(e_at[j])
            # (clear of its blue neighbour: at its bar's left edge and to the right)
            x_name = label("x", th, size=name_size).next_to(chart.marks[j], UP, buff=0.1).align_to(chart.marks[j], LEFT).shift(RIGHT * 0.08)
            if free(e_name) and free(x_name) and not boxes_overlap(box_of(e_name), box_of(x_name)):
                chart.values.add(e_name)
                chart.value_at.append(j)
                chart.legend.add(x_name)
                taken.extend([box_of(e_name), box_of(x_name)])
                break
        else:
            chart.legend.add(self._bar_key(left, right, top, free))
        chart.ratio = None
        if ratio is not None:
            chart.ratio = self._ratio_lines(exps, big, small, ratio, places, written_difference(xs[big], xs[small], places),
                                            RATIO_SIZE).arrange(DOWN, buff=0.22, aligned_edge=LEFT)  # (r32f: the lines nearly touched)
            chart.ratio.scale(min(1.0, (left - 0.3 - ratio_at[0]) / chart.ratio.width))
            chart.ratio.align_to([ratio_at[0], 0, 0], LEFT).align_to([0, ratio_at[1], 0], UP)
        chart.others = VGroup(*(VGroup(chart.marks[j], chart.bars[j]) for j in range(n) if j not in (big, small)))
        # (r26) what the division keeps of the chart: where its bars stand and how tall 1 can be drawn
        chart.words, chart.centres, chart.base, chart.bars_top = VGroup(*words), centres, base, bars_top
        chart.left, chart.right, chart.top = left, right, top
        chart.add(chart.axis, chart.marks, chart.bars, chart.values, chart.legend, chart.gap,
                  *([] if chart.ratio is None else [chart.ratio]))
        return chart

    def every_row(self):
        s, th = self.first, self.theme
        n = len(s.tokens)
        i_focus = self.focus_row(s)
        others = [k for k in range(n) if k != i_focus]  # (their cells empty since the focus row went in)
        # the focus row's box goes as every row is worked (one box at a time: build_rows's own)
        # (the formula back in the heading band while they are: each row is worked by it, as the focus row was)
        self.narrate("The same for every row, independently: softmax runs along each row.",
                     during(FadeOut(self.focus_box), 0.0, 0.1),
                     build_rows(self.weights, self.scaled, th.text, rows=others), run_time=max(0.7 * len(others), 4.0))
        # the scores table, done with, goes; the attention matrix moves to the frame's middle, with room at
        # its left for "queries" and the colour key, at its right for the rows' sums (put there already)
        self.remove(*self.weights.get_family())
        self.add(self.weights)  # whole again (build_rows left its numbers in the scene one by one)
        # (early: "Each row sums to 1" is said as the sums land, r18 had them after the words)
        moves = [during(VGroup(self.weights, self.weights_name).animate.shift(self.centring), 0.08, 0.25),
                 during(FadeIn(self.legend), 0.25, 0.4)]
        # the focus row's cells one after another, ending on its "Σ = 1"
        along = [self.weights.cell_box(i_focus, j, th.focus).shift(self.centring) for j in range(n)]
        along.append(SurroundingRectangle(self.sum_labels[i_focus], color=th.focus, buff=0.12, stroke_width=4))
        # (the scores gone before the matrix moves over their place)
        self.narrate("Each row sums to 1:", during(fade_out(self.scaled, self.scaled_name, self.scaled_words, self.scaled_rows, self.formula), 0.0, 0.1),
                     *moves,
                     during(LaggedStart(*(FadeIn(t) for t in [self.sum_note, *self.sum_labels]), lag_ratio=0.1), 0.22, 0.4),
                     during(hop_through(along, keep_last=True), 0.4, 1.0), run_time=2.6)
        listens = [SurroundingRectangle(self.weights.row_labels[i_focus], color=th.focus, buff=0.1, stroke_width=4),
                   SurroundingRectangle(self.weights.col_labels, color=th.focus, buff=0.1, stroke_width=4)]
        # the orientation, each word with the labels it names, in full as they are boxed, in the text's
        # colour (a pale caption does not read), both on the words' line in the corner, written
        # level: "keys →" pointing along the column words, "queries ↓" at its left, over the rows' words
        # (r28: "queries", "keys" came before the projections scene teaches them: the words of the sentence said)
        keys = label("listens to →", th, size=CAPTION_SIZE).match_y(self.weights.col_labels).align_to(self.weights.row_labels, RIGHT)
        queries = label("listener ↓", th, size=CAPTION_SIZE).match_y(keys)
        queries.next_to(keys, LEFT, buff=0.3)
        if queries.get_left()[0] < -self.camera.frame_width / 2 + 0.3:  # (long row words: over "listens to", at its left)
            queries.next_to(keys, UP, buff=0.15).align_to(keys, LEFT)
        captions = VGroup(keys, queries)
        self.narrate("a row says how much that word listens to every word.",
                     FadeOut(along[-1], run_time=0.3), hop_through(listens),
                     during(FadeIn(queries), 0.0, 0.2), during(FadeIn(keys), 0.4, 0.5), run_time=1.8)
        self.captions_mob = captions

    def read_focus_row(self):
        """The focus row is read: the two words it listens to most are pointed at in the row itself
        (the numbers are on screen already; no text repeats them)."""
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        order = ranked(s.simple.weights[i])
        box = self.weights.row_box(i, th.focus, buff=ROW_BOX_BUFF)
        top = [self.weights.cell_box(i, j, th.text) for j in order[:2]]
        # bright: the row being read, what names its cells (words, sums, the matrix's name), the key
        keep = [box, *top, self.weights.row(i), self.weights.row_labels[i], self.weights.col_labels, self.sum_labels[i],
                self.heading, self.weights_name, self.legend, *([] if getattr(self, "captions_mob", None) is None
                                                                 else [self.captions_mob])]
        self.narrate(f"Read {ex.focus}'s row: it listens mostly to {s.tokens[order[0]]} and {s.tokens[order[1]]}.",
                     FadeIn(box), *self.focus_on(keep), LaggedStart(*(FadeIn(b) for b in top), lag_ratio=0.5),
                     run_time=1.5, wait=2.0)

    def sentence_view(self):
        """The focus row read over the sentence (BertViz's head view): the sentence in one line across
        the frame's width, the focus word high above it, and a line from it to every word, as thick
        as its weight. Each weight is written once, under its word, carried there from the matrix."""
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        tokens = list(s.tokens)
        row = s.simple.weights[i]
        half = self.camera.frame_width / 2
        pattern = AttentionPattern(tokens, i, th, orientation="row", colors=self.token_colors(tokens), size=SENTENCE_WORD_SIZE)
        keys, query = pattern.keys, pattern.query_label
        # the words spread evenly over the frame's width, each in a slot as wide as it or its weight under
        # it (all shrunk, a long sentence, if the gaps between slots get too narrow: the query word with
        # them); the weights near the subtitles' band
        room = 2 * (half - SENTENCE_MARGIN)
        numbers = pattern.numbers_for(row, size=SENTENCE_NUMBER_SIZE).set_color(th.text)
        slots = [max(k.width, m.width) for k, m in zip(keys, numbers)]
        squeeze = min(1.0, (room - SENTENCE_MIN_GAP * (len(tokens) - 1)) / sum(slots))
        if squeeze < 1.0:
            for mob in (*keys, query, *numbers):
                mob.scale(squeeze)
            slots = [w * squeeze for w in slots]
        gap = (room - sum(slots)) / max(len(tokens) - 1, 1)
        for j, (key, number) in enumerate(zip(keys, numbers)):
            key.move_to([-room / 2 + sum(slots[:j]) + gap * j + slots[j] / 2, 0.0, 0.0])
            number.next_to(key, DOWN, buff=0.1)
        low = min(n.get_bottom()[1] for n in numbers)
        VGroup(keys, numbers).shift(UP * (LOWEST + 0.1 - low))
        # the query word under the heading: the lines fan out over the frame's height
        query.move_to(keys[i]).align_to([0, TOP - 0.2, 0], UP)
        self.pattern = pattern
        lines = pattern.lines_for(row, th.focus)  # drawn where the words are now
        # (r19: the veil lowered on its own, then the numbers left a blank frame) the veil lowers over the
        # matrix as the row's numbers leave it (their copies over the veil: never a blank frame), the focus
        # word at the top with them; they go down to their places (each copy keeps its own digits on the
        # way: a glyph morph between two sizes smears them), then the words come above them (never a number
        # crossing a word); then the numbers are the pattern's
        veil = Veil(self)
        n = len(tokens)
        rest = VGroup(*(m for m in pattern.submobjects if m is not query))
        # (r25b: the veil still lowering, "mouse" came over "Attention weights" and the flying 0.26 over the
        # fading 0.26 cell) the row's own numbers give way to their copies (drawn exactly over them) as the
        # lowering starts; the veil is down before the query word comes and before the copies leave
        carried = [Carry(self.weights.number(i, j), numbers[j]) for j in range(n)]
        row_numbers = [self.weights.number(i, j) for j in range(n)]
        for number in row_numbers:
            number.save_state().set_opacity(0)
        self.narrate("The same row over the sentence:", during(veil.lower(), 0.0, 0.1),
                     # (r22: the weights stood ~1 s unlabelled before their words: they land sooner now, and the
                     # words come right as the last lands)
                     *(during(carry, 0.1 + 0.2 * j / max(n - 1, 1), 0.37 + 0.2 * j / max(n - 1, 1))
                       for j, carry in enumerate(carried)),
                     during(FadeIn(query), 0.12, 0.32),
                     during(FadeIn(rest), 0.57, 0.77), run_time=2.0)
        veil.hidden()
        for number in row_numbers:  # (out of the scene now, under the veil: as they were, should it lift)
            number.restore()
        # (the pattern whole in the scene again, its numbers in it: it came in two parts)
        self.remove(rest, query, *numbers)
        pattern.add(numbers)
        self.add(pattern)
        self.sentence_numbers = numbers  # (why_exp carries the words and these weights into its table)
        # one line after the other, left to right, each to its weight
        self.narrate(f"a line from {ex.focus} to every word, as thick as its weight.",
                     AttentionPattern.draw(lines, lag_ratio=0.5), run_time=2.6)
        top = ranked(row)[0]
        where = f"back to {ex.focus} itself" if tokens[top] == ex.focus else f"to {tokens[top]}"
        # the line thickens and back (its colour kept), then its weight is boxed under its word (the box
        # is the pattern's: it marks one of its labels)
        line = next(line for line in pattern.lines[""] if line.key == top)
        self.narrate(f"The thickest line goes {where}:",
                     line.animate(rate_func=there_and_back).set_stroke(width=line.get_stroke_width() * 1.8 + 2),
                     run_time=1.6)
        mark = SurroundingRectangle(numbers[top], color=th.focus, buff=0.12)
        pattern.add(mark)
        self.narrate(f"{format_number(row[top])} of {ex.focus}'s attention.", FadeIn(mark), run_time=0.8, wait=0.5)

    def _filled(self, source: MatrixGrid, new: MatrixGrid, old: MatrixGrid | None = None, start: float = 0.0) -> list:
        """`new` (a one-row grid) filled from `source` (the row it is computed from), left to right
        from fraction `start`: each column's source cell and new cell boxed together (two boxes: a row
        between them stays clear), the old entry there (if `old`) gone before the new one comes, an
        empty cell outlined until then. `new` is in the scene at the end; `old` leaves it."""
        th = self.theme
        n = len(new.rects)
        step = (1.0 - start - 0.3) / max(n - 1, 1)
        anims = []
        for j in range(n):
            t = start + step * j
            leave = (t + 0.8 * step, t + step) if j < n - 1 else (t + 0.25, t + 0.3)
            for cell in (source.rects[j], new.rects[j]):
                anims.append(blink(SurroundingRectangle(cell, color=th.focus, buff=0.04), appear=(t, t + 0.2 * step), leave=leave))
            anims += [Vanish(new, back=(t, t + 0.3), parts=[new.rects[j]]),
                      Vanish(new, back=(t + 0.15, t + 0.3), parts=[new.numbers[j]])]
            if old is not None:
                anims += [Vanish(old, gone=(t, t + 0.12), parts=[old.numbers[j]]), Vanish(old, gone=(t, t + 0.3), parts=[old.rects[j]])]
            else:
                ghost = new.rects[j].copy().set_fill(opacity=0).set_stroke(th.muted, width=1.5, opacity=1)
                anims.append(blink(ghost, appear=(0.0, max(start, 0.05)), leave=(t + 0.28, t + 0.3)))
        return anims

    def why_exp(self):
        """Why eˣ, and not the scores divided by their plain sum (story.plain_and_soft): the focus row's
        scores (as the tables write them) over both normalisations, the words and the weights carried
        from the sentence view. Where no score is negative, a labelled what-if makes one so
        (story.negative_what_if): ÷ sum gives a negative weight (and one above 1), softmax stays
        between 0 and 1. Where some score is negative already, the real row shows it."""
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        tokens = list(s.tokens)
        scores = s.simple.scaled[i]
        real = plain_and_soft(scores)
        if real is None:  # (a row whose scores sum to 0 as written: nothing to compare)
            return
        what_if = negative_what_if(scores, i)
        changed = plain_and_soft(what_if[1]) if what_if is not None else None
        if what_if is not None and (changed is None or not changed.plain_breaks()):
            what_if = changed = None
        if what_if is None and not real.plain_breaks():
            return  # (nothing breaks: nothing to show)
        colours = self.token_colors(tokens)
        cells = dict(cell_w=1.3, cell_h=0.85, number_size=32)
        score_grid = lambda values, name: MatrixGrid(np.array(values), th, name=name, col_labels=tokens, col_label_colors=colours,
                                                     value_scale=self.score_scale, **cells)
        g_x = score_grid(real.scores, "story.plain_and_soft.scores")
        cells["cell_w"] = g_x.cell_w  # (the columns as wide as the words make the scores')
        row_grid = lambda values, name: MatrixGrid(np.array(values), th, name=name, value_scale=1.0, **cells)
        g_plain = row_grid(real.plain, "story.plain_and_soft.plain")
        # (r30: the second example's drawn softmax row was the unrounded scores' weights, one of them 0.10 where the
        # scores as drawn give 0.09) the softmax of the scores as drawn, the story's
        g_soft = row_grid(real.soft, "story.plain_and_soft.soft")
        g_plain.next_to(g_x.rects, DOWN, buff=0.55).align_to(g_x.rects, LEFT)
        g_soft.next_to(g_plain, DOWN, buff=0.55).align_to(g_x.rects, LEFT)

        def name(first: str, second: str, colour=None) -> VGroup:
            return VGroup(label(first, th, size=32), label(second, th, size=26, color=colour or th.muted)).arrange(DOWN, buff=0.08, aligned_edge=RIGHT)

        # (r31f: named "scores", the row holds the scaled scores)
        names = [name("scaled scores", f"{ex.focus}'s row"), name("÷ sum", f"Σ = {format_number(real.total)}"),
                 name("softmax", "eˣ ÷ Σeˣ")]
        for nm, g in zip(names, (g_x, g_plain, g_soft)):
            nm.next_to(g.rects, LEFT, buff=0.35)
        layout = VGroup(*names, g_x, g_plain, g_soft)
        # the what-if's row, its name and its two results, made now and laid out with the rest (one scale)
        later = None
        if what_if is not None:
            k = what_if[0]
            g_x2 = score_grid(changed.scores, "story.negative_what_if")
            g_x2.shift(g_x.rects.get_center() - g_x2.rects.get_center())
            g_plain2 = row_grid(changed.plain, "story.plain_and_soft.plain").move_to(g_plain)
            g_soft2 = row_grid(changed.soft, "story.plain_and_soft.soft").move_to(g_soft)
            tag = label(f"what if {tokens[k]}: {format_number(WHAT_IF_SCORE)}", th, size=26, color=th.focus)
            tag.move_to(names[0][1]).align_to(names[0][1], RIGHT)
            total2 = label(f"Σ = {format_number(changed.total)}", th, size=26, color=th.muted)
            total2.move_to(names[1][1]).align_to(names[1][1], RIGHT)
            later = VGroup(g_x2, g_plain2, g_soft2, tag, total2)
        half = self.camera.frame_width / 2
        whole = VGroup(layout, *([later] if later is not None else []))
        fit_to_frame(whole, top=TOP - 0.1, bottom=LOWEST + 0.1, grow=1.5)  # (the table the frame's own, not a thumbnail)
        whole.set_x(0)
        question = label("Why eˣ?", th, size=34, color=th.focus).match_y(self.heading).align_to([half - 0.4, 0, 0], RIGHT)
        # the sentence view's words and weights carried into the table (the words over their columns, the
        # weights into the softmax row): the rest of the sentence view goes under the veil
        veil = Veil(self)
        n = len(tokens)
        keys = self.pattern.keys
        # (a long word written up its column, turned, fades in there: turning on the way it would smear)
        upright = [upright_word(g_x.col_labels[j]) for j in range(n)]
        # (a weight the sentence view writes otherwise is not carried, to change on arrival: it comes with its cell)
        carries = [j for j in range(n) if format_number(float(s.simple.weights[i][j])) == format_number(float(real.soft[j]))]
        computed = [g_soft.numbers[j] for j in range(n) if j not in carries]
        carried = ([Carry(keys[j], g_x.col_labels[j]) if upright[j] else during(FadeIn(g_x.col_labels[j]), 0.6, 1.0) for j in range(n)]
                   + [Carry(self.sentence_numbers[j], g_soft.numbers[j]) for j in carries])
        soft_cells, score_cells, first_names = fade_in(g_soft.rects), fade_in(g_x.rects, g_x.numbers), fade_in(names[0], names[2])
        computed_in = fade_in(*computed) if computed else None
        # (one sentence: the table comes as the question is asked, the plain division then fills its row)
        def opening(k: float) -> list:  # (its windows stretched k times: the whole play, where it is the play's one part)
            return [during(veil.lower(), 0.0, 0.06 * k), *(during(c, 0.03 * k, 0.25 * k) for c in carried),
                    during(FadeIn(question, shift=0.2 * LEFT), 0.0, 0.1 * k),
                    during(soft_cells, 0.15 * k, 0.25 * k), during(score_cells, 0.25 * k, 0.37 * k), during(first_names, 0.28 * k, 0.4 * k),
                    *([during(computed_in, 0.2 * k, 0.3 * k)] if computed_in is not None else [])]

        def opened():
            veil.hidden()
            self.remove(*g_x.col_labels, *g_soft.numbers, soft_cells.mobject, score_cells.mobject, first_names.mobject,
                        *([] if computed_in is None else [computed_in.mobject]))
            self.add(g_x, g_soft, names[0], names[2])

        if what_if is None:
            negatives = [j for j, v in enumerate(real.scores) if v < 0]
            self.narrate(f"Why eˣ? Here are {ex.focus}'s scores and its weights.", *opening(2.5), run_time=2.2)
            opened()
            self.narrate("Some of these scores are negative:",
                         hop_through([VGroup(*(SurroundingRectangle(g_x.rects[j], color=th.focus, buff=0.04) for j in negatives))],
                                     keep_last=False), run_time=1.6)
            name_in = fade_in(names[1])
            self.narrate(f"divided by their sum, {real.broken_said()}",
                         *self._filled(g_x, g_plain), during(name_in, 0.0, 0.2), run_time=3.2)
            self.remove(name_in.mobject)
            self.add(g_plain, names[1])
            bad = [j for j, v in enumerate(real.plain) if v < 0 or v > 1]
            marks = VGroup(*(SurroundingRectangle(g_plain.rects[j], color=th.focus, buff=0.04) for j in bad))
            self.narrate("eˣ is always positive: softmax's weights stay between 0 and 1.",
                         during(FadeIn(marks), 0.0, 0.2),
                         during(hop_through([SurroundingRectangle(g_soft.rects, color=th.focus, buff=0.06)], keep_last=False), 0.25, 1.0),
                         run_time=3.0)
        else:
            name_in = fade_in(names[1])
            self.narrate("Why eˣ? Divided by their plain sum, the scores add to 1 too," if real.plain_reads_one()
                         else "Why eˣ? Why not divide by their plain sum?",
                         *opening(1.0), *(during(a, 0.45, 1.0) for a in self._filled(g_x, g_plain)), during(name_in, 0.45, 0.55),
                         run_time=5.0, through=True)
            opened()
            self.remove(name_in.mobject)
            self.add(g_plain, names[1])
            # the what-if: the scores row gives way to the what-if row, the same but cell k, whose old
            # entry fades (a copy of it, over the new row's hidden cell) before the new one comes
            old_cell = VGroup(g_x.rects[k].copy(), g_x.numbers[k].copy())
            self.remove(g_x)
            self.add(g_x2, old_cell)
            box = SurroundingRectangle(g_x.rects[k], color=th.focus, buff=0.04)
            self.narrate(f"but scores can be negative: say {tokens[k]}'s score were {format_number(WHAT_IF_SCORE, 1)}.",
                         during(FadeIn(box), 0.0, 0.15),
                         during(Vanish(old_cell, gone=(0.0, 1.0), parts=[old_cell[1]]), 0.15, 0.35),
                         during(Vanish(old_cell, gone=(0.0, 1.0), parts=[old_cell[0]]), 0.35, 0.6),
                         during(Vanish(g_x2, back=(0.0, 1.0), parts=[g_x2.rects[k]]), 0.35, 0.6),
                         during(Vanish(g_x2, back=(0.0, 1.0), parts=[g_x2.numbers[k]]), 0.45, 0.65),
                         during(change_in_place(names[0][1], tag, grow=False), 0.3, 0.7),
                         # (r30b: the rows under it still read the old row's weights for 5 s; r30f: paled, the
                         # softmax row stayed stale) both rows blanked as cat changes, empty outlined cells, each
                         # recomputed cell by cell from the what-if row as it is said
                         # (and the plain sum over them, the old scores': "Σ = 3.72" stood under "what if cat")
                         during(AnimationGroup(*(g.numbers.animate.set_opacity(0) for g in (g_plain, g_soft)),
                                               names[1][1].animate.set_opacity(0),
                                               *(g.rects.animate.set_fill(opacity=0).set_stroke(th.muted, width=1.5, opacity=1)
                                                 for g in (g_plain, g_soft))), 0.45, 0.7), run_time=2.4)
            self.remove(old_cell)
            names[0].remove(names[0][1])
            names[0].add(tag)
            bad = [j for j, v in enumerate(changed.plain) if v < 0 or v > 1]
            marks = VGroup(*(SurroundingRectangle(g_plain2.rects[j], color=th.focus, buff=0.04) for j in bad))
            self.narrate(f"Divided by the sum, {changed.broken_said()}", during(FadeOut(box), 0.0, 0.1),
                         during(change_in_place(names[1][1], total2, grow=False), 0.0, 0.2),
                         *(during(a, 0.0, 0.85) for a in self._filled(g_x2, g_plain2, old=g_plain, start=0.2)),
                         during(FadeIn(marks), 0.88, 1.0), run_time=3.4, through=True)
            names[1].remove(names[1][1])
            names[1].add(total2)
            self.add(g_plain2)
            self.narrate("eˣ is always positive: softmax's weights stay between 0 and 1.",
                         *(during(a, 0.0, 0.8) for a in self._filled(g_x2, g_soft2, old=g_soft)),
                         during(hop_through([SurroundingRectangle(g_soft2.rects, color=th.focus, buff=0.06)], keep_last=False), 0.82, 1.0),
                         run_time=3.6, through=True)
            self.add(g_soft2)
            g_x, g_plain, g_soft = g_x2, g_plain2, g_soft2
        self.exp_table = SimpleNamespace(scores=g_x, plain=g_plain, soft=g_soft, names=names, marks=marks,
                                         question=question, real=real, changed=changed, what_if=what_if)

    def why_divide(self):
        """Why the scores were divided by √d (the scaling scene's spread argument, answered once softmax
        is known): one large table, a word a line. The focus row's scores as divided (d = ex.d) and,
        beside each, the same score × the spread factor a width-`wider` head's dot products would
        typically have, written out as a product that checks as written ("1.2100 × 8 = 9.68"); then
        the weights of each as bars, side by side (attention_math.story.undivided_weights): the
        divided row's stay soft, the spread row's pile onto one word."""
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        tokens = list(s.tokens)
        colours = self.token_colors(tokens)
        every = undivided_weights(s.simple.scaled[i], ex.d)
        picked = [0, len(every) - 1] if len(every) > 1 else [0]
        rows = [every[r] for r in picked]
        half = self.camera.frame_width / 2
        given_values = [undivided_inputs(s.simple.scaled[i], ex.d)[r] for r in picked]
        texts = [[format_number(v) for v in values] for values in given_values]
        times = None
        if len(rows) > 1:
            ratio = rows[1][0] / rows[0][0]
            times = factor_as_written(given_values[0], ratio)
            if rows[0][0] != 1.0:
                texts[0] = times_as_written(given_values[0], ratio)
                # one precision per column: where 2 decimals would not check, the worked row's (or more)
                needed = max(len(t.split(".")[1]) if "." in t else 0 for t in texts[0])
                if needed > 2:
                    wanted = max(needed, getattr(self, "worked_places", needed))
                    uniform = [format_number(float(v), wanted) for v in given_values[0]]
                    if times_reads_as_written(uniform, given_values[0], ratio):
                        texts[0] = uniform
        self.given_texts = texts  # (for the tests)
        n = len(tokens)
        # (a long sentence or word: every text a step smaller, never below the text floor, until the bars have room)
        # (the products' header "as if undivided, d = 64" where the bars keep their room, else "undivided, d = 64")
        for shrink, as_if in ((1.0, True), (0.9, True), (1.0, False), (0.9, False), (0.8, False), (0.72, False)):
            NUM, WORD, HEAD, SUB = (max(SMALLEST_TEXT, size * shrink) for size in (32, 34, 30, 26))
            # (a long word shrunk to fit, never below the text floor, never turned: turned, it ran across its neighbours' lines)
            words = VGroup(*(baseline_label(t, th, size=WORD, color=colours.get(k, th.text)) for k, t in enumerate(tokens)))
            for word in words:
                word.scale(min(1.0, max(SMALLEST_TEXT / WORD, 2.4 / word.width)))
            scores = VGroup(*(label(t, th, size=NUM) for t in texts[0]))
            spread = VGroup(*(label(t, th, size=NUM) for t in texts[1])) if len(rows) > 1 else VGroup()
            timeses = VGroup(*(label(f"× {times} =", th, size=NUM) for _ in range(n))) if times else VGroup()
            numbers = [[label(written_weight(w), th, size=max(SMALLEST_TEXT, NUM - 2)) for w in ws] for _, _, ws in rows]
            # the headers: over each column what it holds (the divided column and its bars in the focus colour)
            # (r32f: "score" held scores already ÷ √4, "score × 8" read as raw d = 4 scores × 8) each named with its d
            heads = [VGroup(label("score", th, size=HEAD), label(f"scaled, d = {ex.d}", th, size=SUB))]
            if times:
                wider_d = rows[1][1] if len(rows) > 1 else None
                heads.append(VGroup(label(f"score × {times}", th, size=HEAD),
                                    label(("as if " if as_if else "") + (f"undivided, d = {wider_d}" if wider_d is not None else "undivided"), th,
                                          size=SUB)))
            for h in heads:
                h.arrange(DOWN, buff=0.1, aligned_edge=RIGHT)
            bar_heads = [VGroup(label("weight", th, size=HEAD, color=th.focus), label(f"÷ √d, d = {ex.d}", th, size=SUB, color=th.focus))]
            if len(rows) > 1:
                wider = rows[1][1]
                bar_heads.append(VGroup(label("weight", th, size=HEAD),
                                        label(f"as if d = {wider}" if wider is not None else "not ÷ √d", th, size=SUB)))
            for h in bar_heads:
                h.arrange(DOWN, buff=0.1, aligned_edge=LEFT)
            # vertical: two header lines under the heading band, then a line a word down to the subtitles' band
            head_y = TOP - 0.3
            rows_top = head_y - 0.75
            pitch = (rows_top - LOWEST) / n
            ys = [rows_top - pitch * (k + 0.5) for k in range(n)]
            # horizontal, left to right: words | score | × 8 = | score × 8 | weight bars | weight bars
            left = -half + 0.45
            x_words = left + words.width
            x_score = x_words + 0.45 + max(max(m.width for m in scores), heads[0].width)  # right edge of the scores
            x_times = x_score + 0.4  # (room for the divided column's box between it and the products)
            x_spread = (x_times + timeses[0].width + 0.3 + max(max(m.width for m in spread), 0.0)) if times else x_score
            if times:
                x_spread = max(x_spread, x_score + 0.4 + heads[1].width)
            gap = 0.55
            axes = [x_spread + gap]
            num_w = [max(m.width for m in ns) + 0.12 for ns in numbers]
            tops = [max(ws) for _, _, ws in rows]
            right = half - 0.45
            # one scale for both charts (`full`, a weight of 1's length): each chart as wide as its longest bar with its
            # number, or its header, a gap between them, the last ending at the frame's right (the largest that fits)
            def reach(r: int, full: float) -> float:
                return max(full * tops[r] + num_w[r], bar_heads[r].width)

            low, high = 0.0, 2 * half
            for _ in range(40):
                full = (low + high) / 2
                used = sum(reach(r, full) for r in range(len(rows))) + gap * (len(rows) - 1)
                low, high = (full, high) if axes[0] + used <= right else (low, full)
            full = low
            if len(rows) > 1:
                axes.append(axes[0] + reach(0, full) + gap)
            if full * max(tops) >= 2.0:
                break
        self.divide_scale = (shrink, full)  # (for the tests: the text's step down, a weight of 1's length)
        for word, y in zip(words, ys):
            word.move_to([0, y, 0]).align_to([x_words, 0, 0], RIGHT)
        for m, y in zip(scores, ys):
            m.move_to([0, y, 0]).align_to([x_score, 0, 0], RIGHT)
        for t, m, y in zip(timeses, spread, ys):
            t.move_to([0, y, 0]).align_to([x_times, 0, 0], LEFT)
            m.move_to([0, y, 0]).align_to([x_spread, 0, 0], RIGHT)
        heads[0].move_to([0, head_y, 0]).align_to([x_score, 0, 0], RIGHT)
        if times:
            heads[1].move_to([0, head_y, 0]).align_to([x_spread, 0, 0], RIGHT)
        charts = []
        for r, (_, _, weights) in enumerate(rows):
            x0 = axes[r]
            axis = Line([x0, rows_top + 0.05, 0], [x0, LOWEST, 0], color=th.muted, stroke_width=2)
            bar_heads[r].move_to([0, head_y, 0]).align_to([x0, 0, 0], LEFT)
            # (r31f: the d = 64 bars were dark grey, the others pink) one colour for weights in both charts
            bars = VGroup(*(Rectangle(width=max(full * w, 1e-3), height=pitch * 0.62, stroke_width=0,
                                      fill_color=th.focus, fill_opacity=0.75)
                            .move_to([x0 + full * w / 2, y, 0]) for w, y in zip(weights, ys)))
            nums = VGroup(*(m.next_to(bar, RIGHT, buff=0.12) for m, bar in zip(numbers[r], bars)))
            charts.append(VGroup(VGroup(axis, bar_heads[r]), bars, nums))

        def grow(r: int):
            chart = charts[r]
            for bar in chart[1]:  # each bar grows out from the column's axis to its weight
                bar.generate_target()
                bar.stretch(0.01, 0, about_edge=LEFT).set_fill(opacity=0)
            return AnimationGroup(LaggedStart(*(MoveToTarget(bar) for bar in chart[1]), lag_ratio=0.15),
                                  during(FadeIn(chart[2]), 0.5, 1.0))

        def peak_box(r: int):
            k = ranked(rows[r][2])[0]
            peak = VGroup(charts[r][1][k], charts[r][2][k])
            lft, rgt = charts[r][1][k].get_left()[0] + 0.02, peak.get_right()[0] + 0.12
            return Rectangle(width=rgt - lft, height=peak.height + 0.2, color=th.focus, fill_opacity=0).move_to(
                [(lft + rgt) / 2, peak.get_y(), 0])

        asked = getattr(self, "exp_table", None)
        veil = None
        if asked is None:
            self.clear_with_next_play()
            words_in = [during(LaggedStart(*(FadeIn(w, shift=0.2 * RIGHT) for w in words), lag_ratio=0.2), 0.05, 0.4)]
        else:
            # the table's words (its header row) move into the column of words: each drops to its line first,
            # then slides left along it (never crossing another word on the way)
            veil = Veil(self)
            words_in = [during(veil.lower(), 0.0, 0.12)]
            # (r30f: moving together, they stood on a diagonal at 89–90 s) one after another, each on its own
            # path while the others wait in the header row or stand in the column
            n_words = len(words)
            # (r31: at 0.16 each, three in flight still stood on a staircase) quick, at most two in flight
            lag = (DEAL_END - 0.03) / (max(n_words - 1, 1) + 1.3)
            span = 1.3 * lag if n_words > 1 else DEAL_END - 0.03
            # (r32b/f: one after another, each on a bent path, they scattered across the frame) the row turns into
            # the column: every word on a straight line at once, a slight lag left to right (their paths never cross)
            lag, span = 0.02, DEAL_END - 0.06 - 0.02 * max(n_words - 1, 0)
            for k, (head_word, word) in enumerate(zip(asked.scores.col_labels, words)):
                if upright_word(head_word):
                    words_in.append(during(Carry(head_word, word), 0.03 + lag * k, 0.03 + lag * k + span))
                    head_word.set_opacity(0)  # (its copy stands exactly over it: never both drawn, a bold flash)
                else:
                    words_in.append(during(FadeIn(word), 0.03 + lag * k + 0.6 * span, 0.03 + lag * k + span))
        question = label("Why ÷ √d?", th, size=34, color=th.focus).match_y(self.heading).align_to([half - 0.4, 0, 0], RIGHT)
        swap = ([during(FadeOut(asked.question), 0.0, 0.06), during(FadeIn(question), 0.1, 0.18)] if asked is not None
                else [during(FadeIn(question), 0.0, 0.15)])
        left_col = VGroup(heads[0], scores)
        self.narrate("Why ÷ √d? Here is what the spread does to the weights.", *swap, *words_in,
                     during(fade_in(left_col), DEAL_END + 0.01, DEAL_END + 0.09), during(FadeIn(charts[0][0]), DEAL_END + 0.07, DEAL_END + 0.13),
                     during(grow(0), DEAL_END + 0.12, 0.97), run_time=3.4)
        if veil is not None:
            veil.hidden()
            self.remove(veil.sheet)
        peaks_shown = []
        if len(rows) > 1:
            _, wider, weights = rows[1]  # (the factor said is the story's, below)
            # (r30f: "8 times wider" read as against √(64/4) = 4: said against what it is measured from;
            # the factor story's, story.softmax_spread_factor)
            spread_by = softmax_spread_factor(s.simple.scaled[i], ex.d)
            said = (f"Not divided, at width {wider} they typically spread {shortest(spread_by, 1, least=0)} times wider "
                    "than the divided scores:" if wider is not None and spread_by is not None
                    else "Not divided, the scores spread wider:")
            # each score times the factor, along its own line: the first slowly, the rest after it
            fills = [during(FadeIn(heads[1]), 0.0, 0.08)]
            for k in range(n):
                a = 0.05 if k == 0 else 0.35 + 0.55 * (k - 1) / max(n - 1, 1)
                span = 0.3 if k == 0 else 0.55 / max(n - 1, 1)
                box = SurroundingRectangle(VGroup(scores[k], spread[k]), color=th.focus, buff=0.06)
                fills += [blink(box, appear=(a, a + 0.15 * span), leave=(a + 0.85 * span, a + span)),
                          during(FadeIn(timeses[k]), a + 0.15 * span, a + 0.45 * span),
                          during(FadeIn(spread[k]), a + 0.5 * span, a + 0.8 * span)]
            self.narrate(said, *fills, run_time=3.6)
            self.narrate(f"nearly all the weight goes to {tokens[ranked(weights)[0]]}." if nearly_all_to_one(weights)
                         else f"the largest weight is {format_number(weights[ranked(weights)[0]])}.",
                         during(FadeIn(charts[1][0]), 0.0, 0.15), during(grow(1), 0.1, 0.7), run_time=2.4)
            peak = peak_box(1)
            peaks_shown.append(peak)
            self.play(FadeIn(peak), run_time=0.5)
        self.narrate("Divided, the weights stay soft.",
                     *self.focus_on([], pool=[*heads[1:], *timeses, *spread, *charts[1:], *peaks_shown]),
                     during(hop_through([VGroup(SurroundingRectangle(left_col, color=th.focus, buff=0.1),
                                                SurroundingRectangle(charts[0], color=th.focus, buff=0.12))],
                                        keep_last=True), 0.3, 1.0), run_time=2.2)
        self.charts = charts
