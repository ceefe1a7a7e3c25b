"""Step 10 (beyond the article) — the causal mask of a decoder: no word may look ahead."""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, Arrow, Circumscribe, Create, FadeIn, FadeOut, LaggedStart, Polygon, Rectangle, Succession,
    SurroundingRectangle, VGroup, Write, config,
)

from attention_math.core import causal_mask
from attention_math.formatting import format_number
from scenes.base import ExplainerScene
from scenes.components import BAND_GAP, ROW_SUM, fit_to_frame, label, vector_row
from scenes.geometry import SUBTITLE_TOP, AttentionPattern, Veil, WeightDiscs, fit_width, sentence_pattern
from scenes.motion import build_rows, change_in_place, during

# Taller cells than the 0.5 default, numbers at the default size: two 5 × 5 tables side by side
# are as wide as the frame, so the height is what can grow: cells about square once fitted, the
# tables then fill most of the frame's height (and the discs get round cells).
CELL_H, NUMBER_SIZE = 1.4, 26


class CausalScene(ExplainerScene):
    scene_name = "causal"
    chapter = "Beyond the article: the causal mask"
    summary = "A decoder's words see only the past"
    steps = ("show_scaled", "mask_future", "softmax_rows", "first_token", "discs_and_lines")

    def _grid(self, values, name, value_scale, row_labels: bool = True):
        tokens = list(self.first.tokens)
        return self.grid(values, name, row_labels=tokens if row_labels else None, col_labels=tokens,
                         value_scale=value_scale, row_label_colors=self.token_colors(tokens),
                         col_label_colors=self.token_colors(tokens), cell_h=CELL_H, number_size=NUMBER_SIZE)

    def show_scaled(self):
        """The layout of the whole scene: scaled scores on the left (masked where they stand, later),
        the weights on the right, row beside row (the weights need no row labels of their own)."""
        s, th = self.first, self.theme
        self.heading = self.chapter_title()
        self.scaled = self._grid(s.causal.scaled, "causal.scaled", self.score_scale)
        self.masked = self._grid(s.causal.masked, "causal.masked", self.score_scale)
        self.weights = self._grid(s.causal.weights, "causal.weights", 1.0, row_labels=False)
        self.sums = VGroup(*(label(ROW_SUM, th, size=NUMBER_SIZE, color=th.muted)
                             .next_to(self.weights.row(k), RIGHT, buff=0.15)
                             for k in range(len(s.tokens))))
        right = VGroup(self.weights, self.sums)
        right.next_to(self.scaled, RIGHT, buff=2.0)
        right.shift(UP * (self.scaled.rects.get_top()[1] - self.weights.rects.get_top()[1]))  # rows side by side
        self.masked.shift(self.scaled.rects.get_center() - self.masked.rects.get_center())
        self.heads = {"scaled": label("Scaled scores", th, size=26), "masked": label("Masked: future = −∞", th, size=26),
                      "weights": label("Attention weights", th, size=26)}
        for key, grid in (("scaled", self.scaled), ("masked", self.scaled), ("weights", self.weights)):
            self.heads[key].next_to(grid, UP, buff=0.25)
        whole = VGroup(self.scaled, self.masked, right, *self.heads.values())
        fit_to_frame(whole, top=3.05, bottom=SUBTITLE_TOP + BAND_GAP, grow=1.5)
        for head in self.heads.values():  # one baseline over both tables
            head.align_to(self.heads["scaled"], DOWN)
        self.weights.clear_fills()
        # these are the simplified pass's scores (no learned projections): said, and written beside the heading
        room = config.frame_width / 2 - 0.4 - self.heading.get_right()[0] - 0.4
        for said in ("scores: X·Xᵀ/√d, no W_Q, W_K", "X·Xᵀ/√d, no W_Q, W_K"):  # the shorter if the longer has no room
            self.simple_tag = label(said, th, size=20, color=th.muted)
            if self.simple_tag.width <= room:
                break
        fit_width(self.simple_tag, room)
        self.simple_tag.to_edge(RIGHT, buff=0.4).align_to(self.heading, DOWN)
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
        n = len(s.tokens)
        # the outline of the cells above the diagonal: along the top, down the right, back up the staircase
        # (a one-word sentence has none)
        corners = []
        if n > 1:
            corners = [self.scaled.cell(0, n - 1).get_corner(UP + RIGHT), self.scaled.cell(n - 2, n - 1).get_corner(DOWN + RIGHT)]
            for k in range(n - 2, -1, -1):
                corners += [self.scaled.cell(k, k + 1).get_corner(DOWN + LEFT), self.scaled.cell(k, k + 1).get_corner(UP + LEFT)]
        upper = [Polygon(*corners, color=th.negative, stroke_width=5)] if corners else []
        self.narrate("Above the diagonal are the future words.",
                     *(Create(u) for u in upper), FadeOut(self.reading), run_time=1.5)
        changes = [during(change_in_place(self.heads["scaled"], self.heads["masked"]), 0.0, 0.3),
                   *(during(FadeOut(u), 0.8, 1.0) for u in upper)]
        for k, (i, j) in enumerate(future):
            start = 0.15 + 0.6 * k / max(len(future), 1)
            changes += [during(change_in_place(self.scaled.number(i, j), self.masked.number(i, j)), start, start + 0.25),
                        during(self.scaled.cell(i, j)[0].animate.set_fill(opacity=0), start, start + 0.25),
                        during(FadeIn(self.shade[k]), start + 0.1, start + 0.25)]
        self.narrate("Their scores are set to minus infinity before the softmax.", *changes, run_time=2.8, wait=0.5)
        # the table on screen now shows exactly the masked matrix: it takes the scaled one's place
        self.remove(*self.scaled.get_family())
        self.add(self.masked, self.shade)

    def softmax_rows(self):
        th = self.theme
        arrow = Arrow(self.masked.rects.get_right(), self.weights.rects.get_left(), buff=0.2, color=th.muted,
                      stroke_width=4, max_tip_length_to_length_ratio=0.2)
        # one word above the arrow, one below: each as wide as the gap between the tables allows, no more
        op = VGroup(label("softmax", th, size=20), label("each row", th, size=20))
        gap = self.weights.rects.get_left()[0] - self.masked.rects.get_right()[0]
        for part in op:
            fit_width(part, gap - 0.12)
        op[0].next_to(arrow, UP, buff=0.12)
        op[1].next_to(arrow, DOWN, buff=0.12)
        self.play(Create(arrow), FadeIn(op), FadeIn(VGroup(self.heads["weights"], self.weights.rects,
                                                          self.weights.col_labels)), run_time=0.8)
        self.narrate("e to the minus infinity is 0: masked words get weight exactly 0,",
                     build_rows(self.weights, self.masked, th.text, beside=self.sums),
                     run_time=0.7 * len(self.first.tokens))
        self.narrate("and each row still sums to 1.", Circumscribe(self.sums, color=th.focus, buff=0.1), run_time=1.5)

    def first_token(self):
        s, th = self.first, self.theme
        box = self.weights.row_box(0, th.focus)
        last = len(s.tokens) - 1
        box_last = self.weights.row_box(last, th.output)
        self.row_boxes = VGroup(box, box_last)  # gone when the discs replace the numbers
        self.narrate(f"The first word, {s.tokens[0]}, can only attend to itself: weight {format_number(s.causal.weights[0, 0])}.",
                     Create(box), run_time=1.0, wait=1.0)
        self.narrate(f"The last word, {s.tokens[last]}, sees everything before it.", Create(box_last),
                     run_time=1.0, wait=2.0)

    def discs_and_lines(self):
        """The masked weights as discs whose area is the weight (the future is empty), then the
        focus word's lines over the sentence: none go to a later word."""
        s, ex, th = self.first, self.example, self.theme
        g = self.weights
        self.discs = WeightDiscs(g, s.causal.weights, th.positive)
        self.narrate("Drawn as discs whose area is the weight: above the diagonal, nothing at all.",
                     FadeOut(g.numbers), FadeOut(self.row_boxes), *(r.animate.set_fill(opacity=0) for r in g.rects),
                     LaggedStart(*(FadeIn(d, scale=0.3) for d in self.discs), lag_ratio=0.03), run_time=1.5, wait=0.5)
        i = self.focus_row(s)
        tokens = list(s.tokens)
        row = s.causal.weights[i]
        strip = vector_row(row, th, name="causal.weights[focus]", value_scale=1.0, col_labels=tokens, cell_h=0.6)
        self.shown.append(strip)
        future = [j for j in range(len(tokens)) if j > i]
        self.pattern = sentence_pattern(tokens, i, row, th, color=th.focus, colors=self.token_colors(tokens), muted=future)
        self._fill_below_heading(strip, self.pattern)
        self.pattern.lines_for(row, th.focus)  # drawn again where the words now are
        veil = Veil(self, keep=[self.simple_tag])
        after = (f"none to {', '.join(tokens[j] for j in future[:2])}{' …' if len(future) > 2 else ''}, still in its future"
                 if future else "it is the last word, so it sees them all")
        self.play(veil.lower(), run_time=0.5)  # the tables go first: nothing shows through the strip
        veil.hidden()
        self.play(FadeIn(strip), run_time=0.5)
        self.narrate(f"{ex.focus}'s lines reach only the words up to itself; {after}.",
                     LaggedStart(FadeIn(self.pattern), AttentionPattern.draw(self.pattern.lines[""]), lag_ratio=0.35),
                     run_time=2.5, wait=1.0)

    def _fill_below_heading(self, strip, pattern, gap: float = 0.6):
        """The focus word's row of weights under the heading and its pattern of lines below it,
        grown together to fill the frame down to the subtitles' band."""
        top, bottom = self.heading.get_bottom()[1] - 0.35, SUBTITLE_TOP + 0.1
        fit_width(strip)
        strip.move_to([0.0, top - strip.height / 2, 0.0])
        room = strip.get_bottom()[1] - gap - bottom
        pattern.scale(min(room / pattern.height, (self.camera.frame_width - 1.0) / pattern.width))
        pattern.move_to([0.0, strip.get_bottom()[1] - gap - pattern.height / 2, 0.0])

