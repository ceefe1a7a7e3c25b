"""Step 10 (beyond the article) — the causal mask of a decoder: no word may look ahead."""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, UR, AnimationGroup, Arrow, Brace, Create, FadeIn, FadeOut,
    LaggedStart, Polygon, Rectangle, Succession, SurroundingRectangle, Transform, VGroup, Write,
)

from attention_math.breakdown import WORKED_WEIGHT_DECIMALS, softmax_row
from attention_math.core import causal_mask
from attention_math.formatting import format_number
from attention_math.story import softmax_of_written
from scenes.base import ExplainerScene
from scenes.components import BAND_GAP, ROW_SUM, SMALLEST_TEXT, fit_to_frame, label, vector_row
from scenes.geometry import SUBTITLE_TOP, AttentionPattern, Veil, WeightDiscs, fit_width
from scenes.motion import Carry, Vanish, blink, build_rows, during, hidden_while_zoomed, hop_through
from scenes.staging import numbers_larger

# Taller cells than the 0.5 default, numbers at the default size: two 5 × 5 tables side by side
# are as wide as the frame, so the height is what can grow: cells about square once fitted, the
# tables then fill most of the frame's height (and the discs get round cells). Any taller, the
# layout, fitted to the frame's height, would shrink the row words and the Σ column below the
# smallest text.
CELL_H, NUMBER_SIZE = 1.05, 27
# the gap between the two tables (the softmax's arrow), and the height kept under them for the
# line on the rows' sums
TABLE_GAP, SUM_LINE = 1.0, 0.45
# the side-by-side tables' numbers grown in their cells (to about 17 px digits at 480p), no wider
# than this share of a cell
NUMBER_GROWTH, CELL_ROOM = 1.25, 0.8
# the size of the words of the focus word's softmax, worked over the rows beside its own
WORK_SIZE = 24


def closed_up(text):
    """`text` ending in "−∞" with the two as one sign: the font sets its minus as wide as a digit and
    leaves a gap after it, and "− ∞" reads as a dash before infinity. The minus a little narrower,
    the ∞ against it; the whole re-centred where it stood."""
    if not text.text.endswith("−∞") or len(text.submobjects) < 2:
        return text
    centre, minus, infinity = text.get_center(), text[-2], text[-1]
    minus.stretch(0.8, 0, about_edge=RIGHT)
    infinity.shift(LEFT * (infinity.get_left()[0] - minus.get_right()[0] - 0.08 * minus.width))
    if len(text.submobjects) == 2:  # a number in its cell: centred there again
        text.move_to(centre)
    return text


class CausalScene(ExplainerScene):
    scene_name = "causal"
    chapter = "Beyond the article: the causal mask"
    summary = "A decoder's words see only the past"
    steps = ("show_scaled", "mask_future", "softmax_rows", "first_token", "discs_and_lines")

    def _grid(self, values, name, value_scale, row_labels: bool = True, **cells):
        tokens = list(self.first.tokens)
        g = self.grid(values, name, row_labels=tokens if row_labels else None, col_labels=tokens,
                      value_scale=value_scale, row_label_colors=self.token_colors(tokens),
                      col_label_colors=self.token_colors(tokens), **{"cell_h": CELL_H, "number_size": NUMBER_SIZE, **cells})
        if not cells:
            # the two tables side by side: their numbers as large as their cells allow (a larger
            # number_size would widen the columns and the row names too, and the fitted layout,
            # as wide as the frame, would shrink back)
            numbers_larger(g, NUMBER_GROWTH * max(n.font_size for n in g.numbers))
        for number in g.numbers:
            closed_up(number)
        return g

    def _centred_scores(self) -> dict:
        """The scores alone, as they are while the mask is explained: centred and large (wider
        cells, larger numbers than the two tables side by side allow), with their name and tag;
        the scaled and the masked version at the same place. They later move into the layout's
        (the same tables: a move)."""
        s, th = self.first, self.theme
        cells = dict(cell_w=1.45, cell_h=0.95, number_size=34)
        scaled = self._grid(s.causal.scaled, "causal.scaled", self.score_scale, **cells)
        masked = self._grid(s.causal.masked, "causal.masked", self.score_scale, **cells)
        masked.shift(scaled.rects.get_center() - masked.rects.get_center())
        for i, j in zip(*np.nonzero(causal_mask(len(s.tokens)))):
            masked.number(i, j).scale(1.4)
        size = scaled.col_labels[0].font_size
        heads = {"scaled": label("Scaled scores", th, size=size), "masked": closed_up(label("Masked: future = −∞", th, size=size))}
        tag = fit_width(label("X·Xᵀ/√d (no W_Q, W_K)", th, size=size * 1.05, color=th.muted), scaled.width)
        tag.next_to(scaled, UP, buff=0.12).align_to(scaled, LEFT)
        for head in heads.values():
            head.next_to(tag, UP, buff=0.16).align_to(scaled, LEFT)
        heads["masked"].align_to(heads["scaled"], DOWN)
        fit_to_frame(VGroup(scaled, masked, *heads.values(), tag), top=3.05, bottom=SUBTITLE_TOP + BAND_GAP, grow=1.5)
        return dict(scaled=scaled, masked=masked, heads=heads, tag=tag)

    def show_scaled(self):
        """The layout of the whole scene: scaled scores on the left (masked where they stand, later),
        the weights on the right, row beside row (the weights need no row labels of their own).
        Until the softmax is named the scores stand alone, centred and larger (_centred_scores)."""
        s, th = self.first, self.theme
        self.heading = self.chapter_title()
        self.scaled = self._grid(s.causal.scaled, "causal.scaled", self.score_scale)
        self.masked = self._grid(s.causal.masked, "causal.masked", self.score_scale)
        self.weights = self._grid(s.causal.weights, "causal.weights", 1.0, row_labels=False)
        # (no "Σ = 1" column beside the rows, nor words in the gap: the two tables' words are what
        # sets the layout's width, and these would shrink them below the smallest text; the softmax
        # is named over the weights, the rows' sums in one line under them)
        right = VGroup(self.weights)
        right.next_to(self.scaled, RIGHT, buff=TABLE_GAP)
        right.shift(UP * (self.scaled.rects.get_top()[1] - self.weights.rects.get_top()[1]))  # rows side by side
        self.masked.shift(self.scaled.rects.get_center() - self.masked.rects.get_center())
        # "−∞" is two narrow glyphs: at the numbers' size it looks smaller than they do
        for i, j in zip(*np.nonzero(causal_mask(len(s.tokens)))):
            minus = self.masked.number(i, j)
            minus.scale(min(1.4, CELL_ROOM * self.masked.cell_w / minus.width))
        # the tables' names as large as their column names: they stay readable once the layout is
        # fitted (any larger, the layout, limited by its height, shrinks the numbers)
        size = self.scaled.col_labels[0].font_size
        self.heads = {"scaled": label("Scaled scores", th, size=size), "masked": closed_up(label("Masked: future = −∞", th, size=size)),
                      "weights": label("Weights: softmax of each row", th, size=size)}
        for key, grid in (("scaled", self.scaled), ("masked", self.scaled), ("weights", self.weights)):
            self.heads[key].next_to(grid, UP, buff=0.25)
        # these are the simplified pass's scores (no learned projections): said, and written under
        # the left table's name, as its second line (side by side, the two read as one run-on line)
        size = self.heads["scaled"].font_size  # as large as the name it goes with, no larger
        # (a little larger than the name: its sub- and superscripts make it read smaller than it is)
        self.simple_tag = fit_width(label("X·Xᵀ/√d (no W_Q, W_K)", th, size=size * 1.05, color=th.muted), self.scaled.width)
        # (close under the name and over the table, but apart from the name: the layout is as tall
        # as the frame allows, and every gap here shrinks the numbers)
        self.simple_tag.next_to(self.scaled, UP, buff=0.12).align_to(self.scaled, LEFT)
        for key in ("scaled", "masked"):
            self.heads[key].next_to(self.simple_tag, UP, buff=0.16).align_to(self.scaled, LEFT)
        for head in self.heads.values():  # one baseline over both tables
            head.align_to(self.heads["scaled"], DOWN)
        whole = VGroup(self.scaled, self.masked, right, *self.heads.values(), self.simple_tag)
        # (a line kept under the tables for the rows' sums)
        fit_to_frame(whole, margin_x=0.4, top=3.05, bottom=SUBTITLE_TOP + BAND_GAP + SUM_LINE, grow=1.5)
        # the rows' sums said once, under the weights (a rounded row may add up to 0.99 or 1.01):
        # made after the fit, at the smallest text's size or more
        self.sum_note = label(f"each row: {ROW_SUM} (before rounding)", th, size=SMALLEST_TEXT + 1)
        self.sum_note.next_to(self.weights.rects, DOWN, buff=0.15)
        self.weights.clear_fills()
        self._softmax_arrow()  # where it goes once the scores stand at the left
        # while the mask is explained the scores are alone, centred and large; they move to their
        # place in this layout as the softmax is named (the layout's versions wait till then)
        self.settled = dict(masked=self.masked, head=self.heads["masked"], tag=self.simple_tag, scaled_head=self.heads["scaled"])
        centred = self._centred_scores()
        self.scaled, self.masked, self.simple_tag = centred["scaled"], centred["masked"], centred["tag"]
        self.heads.update(centred["heads"])
        # one word being read (the focus word, or the first if the focus has no future) and the words after it
        i = self.focus_row(s)
        i = i if i < len(s.tokens) - 1 else 0
        after = [self.scaled.cell(i, j) for j in range(i + 1, len(s.tokens))]  # none in a one-word sentence
        self.reading = VGroup(SurroundingRectangle(self.scaled.row_labels[i], color=th.focus, buff=0.08, stroke_width=4),
                              *([SurroundingRectangle(VGroup(*after), color=th.negative, buff=0.02, stroke_width=4)]
                                if after else []))
        self.play(Write(self.heading), run_time=0.8)
        self.narrate("A decoder predicts the next word,", *self.take_over(self.scaled, self.heads["scaled"]), run_time=1.2)
        self.narrate("so while reading a word it must not see the words after it.",
                     Succession(*(Create(box, run_time=1.0) for box in self.reading)), run_time=2.0)
        self.narrate("The scores here are the simple ones, without learned projections.",
                     FadeIn(self.simple_tag, shift=LEFT * 0.2), run_time=1.2)

    def mask_future(self):
        """Each future score becomes −∞ where it stands, one after another, and its cell is shaded."""
        s, th = self.first, self.theme
        mask = causal_mask(len(s.tokens))
        future = [(i, j) for i, j in zip(*np.nonzero(mask))]
        self.shade = VGroup(*(Rectangle(width=self.masked.cell(i, j).width, height=self.masked.cell(i, j).height,
                                        stroke_width=0, fill_color=th.negative, fill_opacity=0.35).move_to(self.masked.cell(i, j))
                              for i, j in future))
        upper = self._future_outline(self.scaled)
        self.narrate("Above the diagonal are the future words.",
                     *(Create(u) for u in upper), FadeOut(self.reading), run_time=1.5)
        # the name turns into the new one where it stands; each future score turns into −∞ on the
        # spot as its cell takes the mask's shade: the old one fades out, then the new one in (never
        # the two over each other)
        def turn(old, new, start, end):
            middle = (start + end) / 2
            return [during(FadeOut(old), start, middle), during(FadeIn(new), middle, end)]

        changes = [*turn(self.heads["scaled"], self.heads["masked"], 0.0, 0.3),
                   *(during(FadeOut(u), 0.85, 1.0) for u in upper)]
        for k, (i, j) in enumerate(future):
            start = 0.15 + 0.65 * k / max(len(future), 1)
            changes += [*turn(self.scaled.number(i, j), self.masked.number(i, j), start, start + 0.2),
                        during(self.scaled.cell(i, j)[0].animate.set_fill(opacity=0), start, start + 0.2),
                        during(FadeIn(self.shade[k]), start + 0.1, start + 0.2)]
        self.narrate("Their scores are set to minus infinity", *changes, run_time=2.8)
        # the table on screen now shows exactly the masked matrix: it takes the scaled one's place
        self.remove(*self.scaled.get_family(), *(self.masked.number(i, j) for i, j in future))
        self.add(self.masked, self.shade)
        # then, as the softmax is named, the scores move to their place at the left (the same
        # tables, shade and names, smaller) and the arrow and the empty weights come where it will
        # take them
        masked = self.settled["masked"]
        shade = VGroup(*(Rectangle(width=masked.cell(i, j).width, height=masked.cell(i, j).height, stroke_width=0,
                                   fill_color=th.negative, fill_opacity=0.35).move_to(masked.cell(i, j)) for i, j in future))
        centred = VGroup(self.masked, self.shade, self.heads["masked"], self.simple_tag)
        settled = VGroup(masked, shade, self.settled["head"], self.settled["tag"])
        self.narrate("before the softmax.", during(Transform(centred, settled), 0.0, 0.55),
                     during(AnimationGroup(Create(self.arrow), FadeIn(self.op),
                                           FadeIn(VGroup(self.heads["weights"], self.weights.rects, self.weights.col_labels))),
                            0.55, 1.0), run_time=1.8)
        self.remove(centred, *centred)
        self.add(settled)
        self.masked, self.shade, self.heads["masked"], self.simple_tag = settled
        self.heads["scaled"] = self.settled["scaled_head"]  # the layout's names, for what reads them later

    def _future_outline(self, grid) -> list:
        """The outline of `grid`'s cells above the diagonal: along the top, down the right, back up
        the staircase (a one-word sentence has none: an empty list)."""
        n = len(self.first.tokens)
        if n < 2:
            return []
        corners = [grid.cell(0, n - 1).get_corner(UP + RIGHT), grid.cell(n - 2, n - 1).get_corner(DOWN + RIGHT)]
        for k in range(n - 2, -1, -1):
            corners += [grid.cell(k, k + 1).get_corner(DOWN + LEFT), grid.cell(k, k + 1).get_corner(UP + LEFT)]
        return [Polygon(*corners, color=self.theme.negative, stroke_width=5)]

    def _softmax_arrow(self):
        """The arrow from the masked scores to the weights, "softmax" above it and "each row" below."""
        th = self.theme
        arrow = Arrow(self.masked.rects.get_right(), self.weights.rects.get_left(), buff=0.1, color=th.muted,
                      stroke_width=4, max_tip_length_to_length_ratio=0.2)
        # (the softmax is named over the weights: the gap is too narrow for words at a readable size)
        op = VGroup()
        gap = self.weights.rects.get_left()[0] - self.masked.rects.get_right()[0]
        self.arrow, self.op, self.gap = arrow, op, gap

    def softmax_rows(self):
        th = self.theme
        # why the masked weights are 0, written under the arrow as it is said
        # (one line under the masked scores, level with the line on the rows' sums under the
        # weights: the gap between the tables is too narrow for it at a readable size)
        power = VGroup(label("e", th, size=30), closed_up(label("−∞", th, size=SMALLEST_TEXT + 1)))
        power[1].next_to(power[0], UR, buff=0.03).shift(DOWN * 0.12)
        e_zero = VGroup(power, label("= 0", th, size=28)).arrange(RIGHT, buff=0.15, aligned_edge=DOWN)
        e_zero.align_to(self.sum_note, DOWN).align_to(self.masked.rects, RIGHT)
        self.e_zero = e_zero
        # the weights row by row; then the cells the mask emptied light up as the masked ones do
        future = [(i, j) for i, j in zip(*np.nonzero(causal_mask(len(self.first.tokens))))]
        flash = [Rectangle(width=self.weights.cell(i, j).width, height=self.weights.cell(i, j).height, stroke_width=0,
                           fill_color=th.negative, fill_opacity=0.35).move_to(self.weights.cell(i, j)) for i, j in future]
        self.narrate("e to the minus infinity is 0: masked words get weight exactly 0,",
                     during(FadeIn(e_zero), 0.0, 0.12),
                     during(build_rows(self.weights, self.masked, th.text), 0.0, 0.75),
                     *(blink(r, (0.76, 0.84), (0.93, 1.0)) for r in flash),
                     run_time=0.7 * len(self.first.tokens) / 0.75)
        # the line naming the sums comes with its words, and a box runs down the rows it is about
        self.narrate("and each row still sums to 1.", during(FadeIn(self.sum_note), 0.0, 0.25),
                     during(hop_through([self.weights.row_box(r, th.focus) for r in range(len(self.first.tokens))]), 0.1, 1.0),
                     run_time=1.5)
        self.work_focus_row()

    def work_focus_row(self):
        """The focus word's masked row worked across both tables, over the rows on its side with
        more of them (those rows, not worked, step out of sight meanwhile): e to each score (0 for
        the masked ones), their sum, and each weight as its eˣ ÷ the sum, with the decimals at which
        each line checks as written; the row boxed in both tables as it is said."""
        s, ex, th = self.first, self.example, self.theme
        i, n = self.focus_row(s), len(s.tokens)
        row = softmax_row(s.causal.masked[i])
        places = row.decimals
        # worked from the scores as the table writes them (e^1.72, not e^1.715 behind it), so that
        # every eˣ, the sum and each quotient check against the table as written; where that working
        # would disagree with the table's weights, the scores are first written at the working's
        # decimals, and the working goes from those
        as_written = softmax_of_written(row.row, self.masked.decimals, places, WORKED_WEIGHT_DECIMALS) if row.shift == 0 else None
        exp_values, total, weight_values = as_written if as_written is not None else (row.exps, row.total, row.weights)

        def written_exp(k):  # a masked score's eˣ is exactly 0
            return format_number(exp_values[k], places) if np.isfinite(row.row[k]) else "0"

        def written_weight(k):
            return format_number(weight_values[k], WORKED_WEIGHT_DECIMALS) if np.isfinite(row.row[k]) else "0"
        exps = label(f"{ex.focus}:  eˣ  " + " + ".join(written_exp(k) for k in range(n))
                     + f" = {format_number(total, places)}", th, size=WORK_SIZE)
        weights = label(f"÷ {format_number(total, places)}:  " + "   ".join(written_weight(k) for k in range(n)),
                        th, size=WORK_SIZE)
        lines = [exps, weights]
        if as_written is None:
            scores = "   ".join(format_number(v, places) if np.isfinite(v) else "−∞" for v in row.row)
            lines.insert(0, label(f"{ex.focus}:  x  {scores}  (to {places} decimals)", th, size=WORK_SIZE))
        band = VGroup(*lines).arrange(DOWN, buff=0.15, aligned_edge=LEFT)
        side = list(range(i + 1, n)) if n - 1 - i >= i else list(range(i))
        future = [(r, j) for r, j in zip(*np.nonzero(causal_mask(n)))]
        aside = [*(p for r in side for p in (self.masked.row(r), self.masked.row_labels[r], self.weights.row(r))),
                 *(self.shade[k] for k, (r, _) in enumerate(future) if r in side), self.e_zero]
        hide, show = hidden_while_zoomed(aside)
        if side:
            span = VGroup(*(self.masked.row(r) for r in side))
            top, bottom = span.get_top()[1], span.get_bottom()[1]
        else:  # a one-word sentence: under the tables
            top, bottom = self.masked.rects.get_bottom()[1] - 0.1, SUBTITLE_TOP + BAND_GAP
        band.scale(min(1.0, (top - bottom - 0.1) / band.height, (self.camera.frame_width - 0.6) / band.width))
        band.move_to([0.0, (top + bottom) / 2, 0.0])
        # (inset: the words on the arrow between the tables come within a box's buff of both)
        boxes = VGroup(self.masked.row_box(i, th.focus, buff=-0.04), self.weights.row_box(i, th.focus, buff=-0.04))
        self.narrate(f"For {ex.focus}: e to each score, and their sum;", *(during(a, 0.0, 0.2) for a in hide),
                     during(FadeIn(boxes), 0.0, 0.2), during(FadeIn(VGroup(*lines[:-1]), shift=0.1 * RIGHT), 0.2, 0.7),
                     run_time=2.0)
        self.narrate("each weight is its share of the sum.", during(FadeIn(weights, shift=0.1 * RIGHT), 0.0, 0.5), run_time=1.8)
        self.worked_band, self.band_aside = VGroup(band, boxes), show

    def first_token(self):
        s, th = self.first, self.theme
        # a neutral box: the focus word's colour marks the focus word's row elsewhere
        box = self.weights.row_box(0, th.text)
        last = len(s.tokens) - 1
        box_last = self.weights.row_box(last, th.output)
        self.row_boxes = VGroup(box_last)  # gone when the discs replace the numbers
        self.narrate(f"The first word, {s.tokens[0]}, can only attend to itself: weight {format_number(s.causal.weights[0, 0])}.",
                     during(FadeOut(self.worked_band), 0.0, 0.3),
                     *(during(a, 0.25, 0.5) for a in self.band_aside()), during(FadeIn(box), 0.35, 0.65),
                     run_time=1.0, wait=1.0)
        # one row boxed at a time: the first row's box goes as the last row's comes (hopping, not
        # sliding: a box sliding down would strike through the rows between)
        self.narrate(f"The last word, {s.tokens[last]}, sees everything up to itself.",
                     during(FadeOut(box), 0.0, 0.4), during(FadeIn(box_last), 0.45, 1.0), run_time=1.0, wait=2.0)

    def discs_and_lines(self):
        """The masked weights as discs whose area is the weight (the future is empty), then the
        focus word's lines over the sentence: none go to a later word."""
        s, ex, th = self.first, self.example, self.theme
        g = self.weights
        i = self.focus_row(s)
        lifted = [g.cell(i, j).copy() for j in range(len(s.tokens))]  # the focus word's row as it reads now
        self.discs = WeightDiscs(g, s.causal.weights, th.positive)
        # the discs, then the empty triangle outlined as the mask's was, as it is said
        empty = self._future_outline(g)
        self.narrate("Drawn as discs whose area is the weight: above the diagonal, nothing at all.",
                     # the numbers gone before the discs grow where they stood (never one over the other)
                     during(AnimationGroup(FadeOut(g.numbers), FadeOut(self.row_boxes),
                                           *(r.animate.set_fill(opacity=0) for r in g.rects)), 0.0, 0.1),
                     during(LaggedStart(*(FadeIn(d, scale=0.3) for d in self.discs), lag_ratio=0.03), 0.1, 0.5),
                     *(during(FadeIn(u), 0.6, 0.8) for u in empty), run_time=3.2)
        tokens = list(s.tokens)
        row = s.causal.weights[i]
        strip = vector_row(row, th, name="causal.weights[focus]", value_scale=1.0, col_labels=tokens, cell_h=0.6)
        for j, colour in self.token_colors(tokens).items():  # the focus word in its colour, as everywhere
            strip.col_labels[j].set_color(colour)
        self.shown.append(strip)
        future = [j for j in range(len(tokens)) if j > i]
        # whose row the strip is, written before it
        self.strip_name = label(f"{ex.focus}:", th, size=strip.col_labels[0].font_size, color=th.focus)
        self.pattern = self._fan(tokens, i, row, future)
        self._lines_layout(strip, self.strip_name, self.pattern)
        self.pattern.lines_for(row, th.focus)  # made where the words now are
        veil = Veil(self)
        after = (f"none to {', '.join(tokens[j] for j in future[:2])}{' …' if len(future) > 2 else ''}, still in its future"
                 if future else "it is the last word, so it sees them all")
        # the focus word's row, numbers again, rises out of the table as the rest goes under the
        # veil: the strip is seen to be that row, in one move from the table to its place
        cells = [strip.cell(0, j) for j in range(len(tokens))]
        # the staircase goes first: the row's numbers, back in its cells, would lie across its line
        if empty:
            self.play(*(FadeOut(u) for u in empty), run_time=0.25)
        # the row's own discs give way to its numbers as the move starts: they rise from where they
        # stand, never over a disc
        for (r, _), disc in self.discs.discs.items():
            if r == i:
                disc.set_fill(opacity=0)
        # (the veil is down before the row moves: rising, it would cross the tables going under it)
        self.play(during(veil.lower(), 0.0, 0.25),
                  *(during(Carry(lifted[j], cells[j]), 0.25, 0.9) for j in range(len(tokens))),
                  # its words and its name arrive with it (a row of numbers alone reads as no one's)
                  # (brisk: the row alone mid-frame, between the table and its place, reads as a pause)
                  Vanish(strip.col_labels, back=(0.5, 0.9)), during(FadeIn(self.strip_name), 0.5, 0.9), run_time=1.1)
        veil.hidden()
        self.remove(*cells, strip.col_labels)
        self.add(strip)
        # the pattern without its "future" note: lines that cannot be drawn pass through there first
        shown = [m for m in self.pattern.submobjects if m is not self.pattern.future_label]
        self.narrate(f"{ex.focus}'s lines reach only the words up to itself;",
                     LaggedStart(FadeIn(VGroup(*shown)), AttentionPattern.draw(self.pattern.lines[""]), lag_ratio=0.35),
                     run_time=2.0)
        # no line is drawn to the future (a faint one would read as a weak weight): its weights, 0,
        # boxed in the strip and the note written as its words are named
        zeros = ([SurroundingRectangle(VGroup(*(strip.cell(0, j) for j in future)), color=th.muted, buff=0.04,
                                       stroke_width=4)] if future else [])  # grey, as the brace on their words
        notes = [Vanish(self.pattern.future_label, back=(0.3, 0.6))] if self.pattern.future_label is not None else []
        self.narrate(f"{after}.", *(during(FadeIn(z), 0.0, 0.3) for z in zeros), *notes, run_time=2.4, wait=0.5)
        self.remove(*shown, *([self.pattern.future_label] if self.pattern.future_label is not None else []))
        self.add(self.pattern, *self.pattern.lines.values())

    def _fan(self, tokens, i: int, row, future) -> AttentionPattern:
        """The focus word's row as lines, laid out as multihead's heads were (the word at the left,
        the sentence in a column at the right, each weight after its word); the future's words
        muted, and a brace beside them saying why they have no line."""
        th = self.theme
        colors = {**self.token_colors(tokens), **{j: th.muted for j in future}}
        pattern = AttentionPattern(tokens, i, th, orientation="column", colors=colors, size=28, reach=4.0)
        pattern.keys.arrange(DOWN, buff=0.5, aligned_edge=LEFT)  # tall: the column fills the frame's height
        pattern.query_label.next_to(pattern.keys, LEFT, buff=4.0).set_y(pattern.keys[i].get_y())
        pattern.add(pattern.numbers_for(row, size=24))
        if future:
            # the future's words (with their 0s) held by a brace, the reason written after it
            targets = VGroup(*(VGroup(pattern.keys[j], pattern.weight_labels[""][j]) for j in future))
            brace = Brace(targets, direction=RIGHT, color=th.muted, buff=0.2)
            words = VGroup(label("future:", th, size=24, color=th.muted), label("no lines", th, size=24, color=th.muted))
            words.arrange(DOWN, buff=0.08, aligned_edge=LEFT).next_to(brace, RIGHT, buff=0.15)
            pattern.future_label = VGroup(brace, words)
            pattern.add(pattern.future_label)
        return pattern

    def _lines_layout(self, strip, name, pattern):
        """The focus word's row of weights at the top, centred, its name before it (cells about a
        unit wide); its lines centred below it, as tall as the frame allows above the subtitles'
        band: the word at about 20 % of the frame's width, the sentence's column at about 65 %."""
        top, bottom = self.heading.get_bottom()[1] - 0.35, SUBTITLE_TOP + 0.15
        width = self.camera.frame_width
        name.next_to(strip.rects, LEFT, buff=0.25)
        head = VGroup(name, strip)
        head.scale(min(1.35 / strip.rects[0].width, (width - 1.0) / head.width))
        head.move_to([0.0, top - head.height / 2, 0.0])
        below = head.get_bottom()[1] - 0.45
        pattern.scale(min((below - bottom) / pattern.height, (width - 0.6) / pattern.width))
        pattern.move_to([0.0, (below + bottom) / 2, 0.0])
        pattern.shift(RIGHT * (0.15 * width - pattern.keys.get_left()[0]))
        pattern.query_label.set_x(-0.3 * width)  # (long lines: the frame's left third is otherwise empty)
        overflow = pattern.get_right()[0] - (width / 2 - 0.3)
        if overflow > 0:  # a long word or note: the whole diagram moves left, word and column alike
            pattern.shift(LEFT * overflow)
