"""Step 10 (beyond the article) — the causal mask of a decoder: no word may look ahead."""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, AnimationGroup, Arrow, Brace, Create, FadeIn, FadeOut,
    Line, Polygon, Rectangle, ReplacementTransform, Succession, SurroundingRectangle, Transform, VGroup, Write,
)

from attention_math.breakdown import WORKED_WEIGHT_DECIMALS, softmax_row
from attention_math.core import causal_mask
from attention_math.geometry import line_width
from attention_math.formatting import format_number
from attention_math.story import softmax_of_written, written_rows_read_one, zero_instead_of_minus_infinity
from scenes.base import ExplainerScene
from scenes.components import BAND_GAP, ROW_SUM, SMALLEST_TEXT, fit_to_frame, label, vector_row
from scenes.geometry import SUBTITLE_TOP, AttentionPattern, Veil, WeightDiscs, fit_width
from scenes.motion import Carry, Travel, Vanish, blink, build_rows, change_in_place, during, hidden_while_zoomed, hop_through
from scenes.staging import fit_region, numbers_larger

# Taller cells than the 0.5 default, numbers at the default size: two 5 × 5 tables side by side
# are as wide as the frame, so the height is what can grow: cells about square once fitted, the
# tables then fill most of the frame's height (and the discs get round cells). Any taller, the
# layout, fitted to the frame's height, would shrink the row words and the Σ column below the
# smallest text. (A little taller since the scores' name is one line, not two.)
CELL_H, NUMBER_SIZE = 1.12, 27
# the gap between the two tables (the softmax's arrow), and the height kept under them for the
# line on the rows' sums
TABLE_GAP, SUM_LINE = 1.0, 0.45
# the side-by-side tables' numbers grown in their cells (to about 17 px digits at 480p), no wider
# than this share of a cell
NUMBER_GROWTH, CELL_ROOM = 1.25, 0.8
# the share of a cell the eˣ and its value under it may take (the rest a gap to the next value: at
# 0.92, r17 read "3.353 1.174 5.585" as one string)
VALUE_ROOM = 0.85
# the opacity of the rows not worked while the focus word's row is (a share of their own)
DIMMED = 0.3
# the masked scores' name, one line saying what they are too (the simple pass: no W_Q, W_K), and
# what the scaled scores are, said first, on the line of their name
MASKED_NAME, SIMPLE_TAG = "Masked X·Xᵀ/√d: future = −∞", "X·Xᵀ/√d (no W_Q, W_K)"
# while the mask is explained: the scores on the left up to here, the sentence being read right of
# it, in SENTENCE_ROOM up to SENTENCE_RIGHT (about 65 px from the frame's edge at 720p; r20: at 6.7
# the panel ended 35 px from it, its red note small: the scores now give it a tenth more room)
SENTENCE_LEFT, SENTENCE_ROOM, SENTENCE_RIGHT = 0.8, 3.85, 6.4
SENTENCE_GAP = 0.35  # between the scores and the sentence
# the left edge of the centred scores (their row names and the box on the read word's): about 40 px
# in at 720p (r18: at -6.85 the name and the box came within 20 px of the frame's edge)
CENTRED_LEFT = -6.6
# the gap between the sentence's words: the read word's box keeps about 8 px (720p) from its
# neighbours (at 0.22 the box touched "and"); the words at 32, "cat and mouse" on one line beside the table
WORD_GAP = 0.28


def tokens_index(words, word) -> int:
    """The place of `word` (a mobject) among `words`."""
    return next(k for k, w in enumerate(words) if w is word)


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
        # (narrow, nearly square cells: the table fills the height at the left, the sentence beside it)
        cells = dict(cell_w=1.05, cell_h=0.95, number_size=30)
        scaled = self._grid(s.causal.scaled, "causal.scaled", self.score_scale, **cells)
        masked = self._grid(s.causal.masked, "causal.masked", self.score_scale, **cells)
        masked.shift(scaled.rects.get_center() - masked.rects.get_center())
        for i, j in zip(*np.nonzero(causal_mask(len(s.tokens)))):
            masked.number(i, j).scale(1.4)
        size = scaled.col_labels[0].font_size * 1.15
        # one caption line over the table: its name, then (said first) what these scores are; the
        # masked table's name says both at once
        heads = {"scaled": label("Scaled scores", th, size=size), "masked": closed_up(label(MASKED_NAME, th, size=size))}
        tag = label(SIMPLE_TAG, th, size=size, color=th.muted)
        line = VGroup(heads["scaled"], tag).arrange(RIGHT, buff=0.35, aligned_edge=DOWN)
        # on the name's baseline (its subscripts hang below it: aligned by the bottom, it would float)
        tag.shift(DOWN * (tag[0].get_bottom()[1] - heads["scaled"][0].get_bottom()[1]))
        fit_width(line, scaled.width)
        heads["masked"].scale(min(1.0, scaled.width / heads["masked"].width))
        line.next_to(scaled, UP, buff=0.2).align_to(scaled, LEFT)
        heads["masked"].align_to(heads["scaled"], DOWN).align_to(scaled, LEFT)
        # (on the left: the right of the frame holds the sentence being read)
        # (as far right as the table needs to be as large as the height allows, leaving the sentence room)
        whole, bottom = VGroup(scaled, masked, *heads.values(), tag), SUBTITLE_TOP + BAND_GAP
        tall = min(1.5, (3.05 - bottom) / whole.height)
        right = min(SENTENCE_RIGHT - SENTENCE_GAP - SENTENCE_ROOM, max(SENTENCE_LEFT, CENTRED_LEFT + whole.width * tall))
        fit_region(whole, CENTRED_LEFT, right, top=3.05, bottom=bottom, grow=1.5)
        return dict(scaled=scaled, masked=masked, heads=heads, tag=tag)

    def _sentence(self, i: int) -> dict:
        """The sentence as it is read, right of the scores: its words on a line (or more), word i boxed
        (the word being read, as its row's name is), the words after it boxed in the mask's colour
        (veiled as the reading box reaches them), and under them what they are in the table: not yet
        shown."""
        s, th = self.first, self.theme
        tokens, colours = list(s.tokens), self.token_colors(list(s.tokens))
        words = VGroup(*(label(t, th, size=32, color=colours.get(k, th.text)) for k, t in enumerate(tokens)))
        title = label("reading the sentence:", th, size=24, color=th.muted)
        left, right = self.scaled.get_right()[0] + SENTENCE_GAP, SENTENCE_RIGHT
        # a long sentence flows on over lines as wide as the room (its words keep their size); the
        # words not yet read start a line of their own (their box never abuts the read word's)
        lines, line = [], []
        for k, word in enumerate(words):
            if line and (k == i + 1 or VGroup(*line, word).arrange(RIGHT, buff=WORD_GAP, aligned_edge=DOWN).width > right - left):
                lines.append(line)
                line = []
            line.append(word)
        lines.append(line)
        rows = VGroup(*(VGroup(*ln).arrange(RIGHT, buff=WORD_GAP, aligned_edge=DOWN) for ln in lines)).arrange(DOWN, buff=0.4, aligned_edge=LEFT)
        title.next_to(rows, UP, buff=0.45, aligned_edge=LEFT)
        cursor = SurroundingRectangle(words[i], color=th.focus, buff=0.1, stroke_width=4)
        after = VGroup(*words[i + 1:])
        # (one box a line the future words are on; as wide a stroke as the staircase's, one red for "future")
        future = VGroup(*(SurroundingRectangle(VGroup(*(w for w in ln if tokens_index(words, w) > i)), color=th.negative,
                                               buff=0.1, stroke_width=5)
                          for ln in lines if any(tokens_index(words, w) > i for w in ln)))
        note = VGroup(label("not yet read:", th, size=26, color=th.negative),
                     label("above the diagonal", th, size=26, color=th.negative)).arrange(DOWN, buff=0.12, aligned_edge=LEFT)
        note.next_to(rows, DOWN, buff=0.45, aligned_edge=LEFT)
        panel = VGroup(title, words, cursor, future, note)
        panel.scale(min(1.0, (right - left) / panel.width))
        # (the word read on the line of its row: its box and the row's side by side), in the frame
        panel.set_x((left + right) / 2).shift(UP * (self.scaled.row_labels[i].get_y() - words[i].get_y()))
        panel.shift(DOWN * max(0.0, panel.get_top()[1] - 3.05) + UP * max(0.0, SUBTITLE_TOP + BAND_GAP - panel.get_bottom()[1]))
        return dict(words=words, title=title, cursor=cursor, after=after, future=future, note=note, panel=panel)

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
        # (one line of name over each table: the masked scores' says what they are too)
        self.heads = {"scaled": label("Scaled scores", th, size=size), "masked": closed_up(label(MASKED_NAME, th, size=size)),
                      "weights": label("Weights: softmax of each row", th, size=size)}
        for key, grid in (("scaled", self.scaled), ("masked", self.scaled), ("weights", self.weights)):
            if self.heads[key].width > grid.width:
                fit_width(self.heads[key], grid.width)
            self.heads[key].next_to(grid, UP, buff=0.25)
        for key in ("scaled", "masked"):
            self.heads[key].align_to(self.scaled, LEFT)
        for head in self.heads.values():  # one baseline over both tables
            head.align_to(self.heads["scaled"], DOWN)
        whole = VGroup(self.scaled, self.masked, right, *self.heads.values())
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
        self.settled = dict(masked=self.masked, head=self.heads["masked"], scaled_head=self.heads["scaled"])
        centred = self._centred_scores()
        self.scaled, self.masked, self.simple_tag = centred["scaled"], centred["masked"], centred["tag"]
        self.heads.update(centred["heads"])
        # one word being read (the focus word, or the first if the focus has no future) and the words after it
        i = self.focus_row(s)
        i = i if i < len(s.tokens) - 1 else 0
        after = [self.scaled.cell(i, j) for j in range(i + 1, len(s.tokens))]  # none in a one-word sentence
        self.reading_row = i  # (its future's box grows into the staircase)
        self.reading = VGroup(SurroundingRectangle(self.scaled.row_labels[i], color=th.focus, buff=0.08, stroke_width=4),
                              *([SurroundingRectangle(VGroup(*after), color=th.negative, buff=0.02, stroke_width=4)]
                                if after else []))
        # the scores go to their place as the title is written, so that what they are is on screen
        # as the words "back to the simple scores" begin (r20: the tag came ~3 s in, after them);
        # written on the line of their name: the simple pass, without multi-head's projections
        # (r21: the tag came as the words began, ~1.5 s in: now its formula with the title, before
        # them, and "(no W_Q, W_K)" as "without learned projections" is said)
        formula = VGroup(*self.simple_tag[:len(SIMPLE_TAG.split(" (")[0].replace(" ", ""))])
        self.play(during(Write(self.heading), 0.0, 0.65),
                  *(during(a, 0.0, 1.0) for a in self.take_over(self.scaled, self.heads["scaled"])),
                  during(FadeIn(formula, shift=LEFT * 0.2), 0.6, 1.0), run_time=1.2)
        rest = VGroup(*(m for m in self.simple_tag if m not in formula.submobjects))
        # the sentence at the right: the word read boxed as its row's name is, the words after it veiled
        # and boxed as its future scores are (r22: its words came ~6 s in, the right 60% empty till then)
        self.sentence = self._sentence(i)
        sen = self.sentence
        self.narrate("Back to the simple scores, without learned projections.",
                     during(FadeIn(rest, shift=LEFT * 0.2), 0.4, 0.65),
                     during(FadeIn(VGroup(sen["title"], sen["words"])), 0.1, 0.4), run_time=2.0)
        self.remove(formula, rest)  # the tag whole again (it goes whole, as the name turns)
        self.add(self.simple_tag)
        self.narrate("A decoder predicts the next word; while reading a word it must not see the words after it.",
                     Succession(*(Create(box, run_time=1.0) for box in self.reading)),
                     during(Create(sen["cursor"]), 0.0, 0.5),
                     # (muted, not faded: a faded word was about 1.9:1 on white, the muted colour reads)
                     during(sen["after"].animate.set_color(th.muted), 0.5, 0.8),
                     *([during(Create(sen["future"]), 0.5, 1.0)] if len(sen["after"]) else []),
                     run_time=2.0)

    def mask_future(self):
        """Each future score becomes −∞ where it stands, one after another, and its cell is shaded."""
        s, th = self.first, self.theme
        mask = causal_mask(len(s.tokens))
        future = [(i, j) for i, j in zip(*np.nonzero(mask))]
        self.shade = VGroup(*(Rectangle(width=self.masked.cell(i, j).width, height=self.masked.cell(i, j).height,
                                        stroke_width=0, fill_color=th.negative, fill_opacity=0.35).move_to(self.masked.cell(i, j))
                              for i, j in future))
        upper = self._future_outline(self.scaled)
        # the staircase grows out of the read word's future (its row's box): the same words not yet
        # read, for every row (r18: drawn apart, the row's box and the staircase read as two futures)
        row = self.reading_row if upper and len(self.reading) > 1 else None
        if row is not None:  # the row's box stands in for the staircase's start (the same outline)
            start = self._future_outline(self.scaled, row)[0]
            self.remove(self.reading[1])
            self.add(start)
            grown = [ReplacementTransform(start, upper[0])]
        else:
            grown = [*(Create(u) for u in upper), FadeOut(self.reading[1:])]
        self.narrate("Above the diagonal are the future words.",
                     *(during(a, 0.1, 0.8) for a in grown), during(FadeOut(self.reading[0]), 0.0, 0.4),
                     FadeIn(self.sentence["note"]), run_time=1.5)
        # the name turns into the new one where it stands; each future score turns into −∞ on the
        # spot as its cell takes the mask's shade: the old one fades out as the new one fades in,
        # crossing only while both are faint (never two readable over each other; r19: with a blank
        # instant between, the cells flashed empty one after another)
        def turn(old, new, start, end):
            span = end - start
            return [during(FadeOut(old), start, start + 0.5 * span), during(FadeIn(new), start + 0.4 * span, end)]

        changes = [*turn(VGroup(self.heads["scaled"], self.simple_tag), self.heads["masked"], 0.0, 0.3),
                   *(during(FadeOut(u), 0.85, 1.0) for u in upper)]
        for k, (i, j) in enumerate(future):
            start = 0.15 + 0.65 * k / max(len(future), 1)
            changes += [*turn(self.scaled.number(i, j), self.masked.number(i, j), start, start + 0.2),
                        during(self.scaled.cell(i, j)[0].animate.set_fill(opacity=0), start, start + 0.2),
                        during(FadeIn(self.shade[k]), start, start + 0.2)]  # (the cell's colour crossing over)
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
        self.remove(self.simple_tag)
        centred = VGroup(self.masked, self.shade, self.heads["masked"])
        settled = VGroup(masked, shade, self.settled["head"])
        # (the scores make room for the weights: these slide in from the right as the scores move
        # left and take their size in the layout; r25: the scores shrank first, then the weights came)
        self.narrate("before the softmax, so that they get exactly zero weight.",
                     during(FadeOut(self.sentence["panel"]), 0.0, 0.2),
                     during(Transform(centred, settled), 0.08, 0.6),
                     during(FadeIn(VGroup(self.heads["weights"], self.weights.rects, self.weights.col_labels), shift=0.3 * LEFT),
                            0.18, 0.65),
                     during(AnimationGroup(Create(self.arrow), FadeIn(self.op)), 0.65, 0.9), run_time=2.4)
        self.remove(centred, *centred, *self.sentence["panel"])
        self.add(settled)
        self.masked, self.shade, self.heads["masked"] = settled
        self.heads["scaled"] = self.settled["scaled_head"]  # the layout's names, for what reads them later

    def _future_outline(self, grid, row=None) -> list:
        """The outline of `grid`'s cells above the diagonal: along the top, down the right, back up
        the staircase (a one-word sentence has none: an empty list). With `row`: the same corners
        folded onto that row's future cells (a plain box, their steps flat on its edges), so the
        staircase grows out of it corner by corner, every edge level or upright on the way."""
        n = len(self.first.tokens)
        if n < 2:
            return []

        def at(r, c, corner):
            point = grid.cell(r, c).get_corner(corner)
            if row is None or r == row:
                return point
            if r > row:  # a step below the row: flat on the row's lower edge
                return np.array([point[0], grid.cell(row, n - 1).get_bottom()[1], 0.0])
            return grid.cell(row, row + 1).get_corner(UP + LEFT)  # above it: at the row's box's corner
        top_right = grid.cell(0, n - 1).get_corner(UP + RIGHT) if row is None else grid.cell(row, n - 1).get_corner(UP + RIGHT)
        corners = [top_right, at(n - 2, n - 1, DOWN + RIGHT)]
        for k in range(n - 2, -1, -1):
            corners += [at(k, k + 1, DOWN + LEFT), at(k, k + 1, UP + LEFT)]
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
        """The focus word's row worked first (work_focus_row), then the other rows the same way,
        the masked cells of the weights keeping the mask's tint; the rows' sums said under them."""
        s, th = self.first, self.theme
        n, i = len(s.tokens), self.focus_row(s)
        self.work_focus_row()
        future = [(r, j) for r, j in zip(*np.nonzero(causal_mask(n)))]
        # the weights' masked cells tinted as the scores' are (the empty triangle stays in sight)
        self.weight_shade = VGroup(*(self.weight_tint(r, j) for r, j in future))
        tint_later = [(self.weight_tint(r, j), r) for r, j in future if r != i]
        others = [r for r in range(n) if r != i]
        # the worked strips go, the rows set aside come back, the worked row is written at the
        # table's decimals where it stands, and the other rows are computed one after another
        self.narrate("The other rows the same way,",
                     # (the band gone before the rows set aside come back over its place)
                     during(FadeOut(self.worked_band), 0.0, 0.12), *(during(a, 0.12, 0.22) for a in self.band_aside()),
                     *(during(a, start, end) for a, start, end in self.worked_rounding),
                     during(build_rows(self.weights, self.masked, th.text, rows=others), 0.2, 1.0),
                     # (each tint as its cell's number arrives, not fading in over the rows after it)
                     *(during(FadeIn(t), 0.2 + 0.8 * (others.index(r) + 0.6) / len(others),
                              min(1.0, 0.2 + 0.8 * (others.index(r) + 0.9) / len(others))) for t, r in tint_later),
                     run_time=0.45 * len(others) + 0.5)
        self.remove(*self.worked_numbers)
        self.add(self.weight_shade, *(self.weights.number(i, j) for j in range(n)))
        # the borders of the cells of the rows set aside, as the worked row's: the rows' build, in the
        # play that brought them back, started from them out of sight and left them without borders
        ref = self.weights.cell(i, 0)[0]
        for r in range(n):
            for j in range(n):
                self.weights.cell(r, j)[0].set_stroke(opacity=ref.get_stroke_opacity()) \
                    .set_stroke(opacity=ref.get_stroke_opacity(background=True), background=True)
        # the line naming the sums comes with its words, and a box runs down the rows it is about
        self.narrate("and each row still sums to 1.", during(FadeIn(self.sum_note), 0.0, 0.25),
                     during(hop_through([self.weights.row_box(r, th.focus) for r in range(n)]), 0.1, 1.0),
                     run_time=1.5)

    def work_focus_row(self):
        """The focus word's masked row worked before any weight is shown, in the room of the rows on
        its side with more of them (those rows step out of sight meanwhile), in three lines read top
        to bottom, left to right: under each score, e to it (the score carried down out of its own
        cell) and its value (e^−∞ → 0); their sum Σ under the values; then each value carried
        straight across, over Σ carried from its sum, under its weight's cell: value ÷ Σ, out of
        which the weight rises into its cell at the working's decimals (every line checks as
        written against the table)."""
        s, ex, th = self.first, self.example, self.theme
        i, n = self.focus_row(s), len(s.tokens)
        row = softmax_row(s.causal.masked[i])
        places = row.decimals
        # worked from the scores as the table writes them (e^1.72, not e^1.715 behind it); where that
        # would disagree with the table's weights, from the scores at the working's decimals
        as_written = softmax_of_written(row.row, self.masked.decimals, places, WORKED_WEIGHT_DECIMALS) if row.shift == 0 else None
        exp_values, total, weight_values = as_written if as_written is not None else (row.exps, row.total, row.weights)
        masked = [not np.isfinite(row.row[k]) for k in range(n)]

        def exponent(k):
            if masked[k]:
                return "−∞"
            return format_number(row.row[k], self.masked.decimals if as_written is not None else places) if row.shift == 0 \
                else format_number(row.row[k] - row.shift, places)

        def written_exp(k):  # a masked score's eˣ is exactly 0
            return "0" if masked[k] else format_number(exp_values[k], places)

        def written_weight(k):
            return "0" if masked[k] else format_number(weight_values[k], WORKED_WEIGHT_DECIMALS)
        side = list(range(i + 1, n)) if n - 1 - i >= i else list(range(i))
        side.sort(key=lambda r: abs(r - i))  # nearest the worked row first
        future = [(r, j) for r, j in zip(*np.nonzero(causal_mask(n)))]
        # (the weights' rows are empty cells yet: their numbers, not in the scene, stay out of it)
        aside = [*(p for r in side for p in (self.masked.row(r), self.masked.row_labels[r],
                                             *(c[0] for c in self.weights.row(r)))),
                 *(self.shade[k] for k, (r, _) in enumerate(future) if r in side)]
        hide, show = hidden_while_zoomed(aside)
        # the rows on the other side dimmed while the row is worked (one row in sight at full strength)
        rest = [r for r in range(n) if r != i and r not in side]
        dim_leaves = [(leaf, leaf.get_fill_opacity(), leaf.get_stroke_opacity())
                      for piece in (*(p for r in rest for p in (self.masked.row(r), self.masked.row_labels[r])),
                                    *(self.shade[k] for k, (r, _) in enumerate(future) if r in rest))
                      for leaf in piece.family_members_with_points()]
        dim = [leaf.animate.set_fill(opacity=DIMMED * fill).set_stroke(opacity=DIMMED * stroke) for leaf, fill, stroke in dim_leaves]
        away = DOWN if not side or side[0] > i else UP  # where the rows set aside are
        # (inset: the words on the arrow between the tables come within a box's buff of both)
        boxes = VGroup(self.masked.row_box(i, th.focus, buff=-0.04), self.weights.row_box(i, th.focus, buff=-0.04))
        # one size for each line, as large as a cell's width allows (the widest entry at VALUE_ROOM
        # of it; a 0 is not written larger than 3.353): the working is the picture's subject now
        room = VALUE_ROOM * min(self.masked.cell(i, 0).width, self.weights.cell(i, 0).width)
        powers, values = VGroup(), VGroup()
        for k in range(n):
            power = VGroup(label("e", th, size=38), closed_up(label(exponent(k), th, size=30)))
            power[1].next_to(power[0], UP + RIGHT, buff=0.03).shift(DOWN * 0.16)
            powers.add(power)
            values.add(label(written_exp(k), th, size=34))  # (a masked score's 0 in the same ink: a term of the sum)
        total_text = format_number(total, places)
        sigma = VGroup(label("Σ =", th, size=34), label(total_text, th, size=34)).arrange(RIGHT, buff=0.22)
        dens = VGroup(*(label(total_text, th, size=34) for _ in range(n)))
        numbers = VGroup()
        for k in range(n):
            number = label(written_weight(k), th, size=self.weights.number(i, k).font_size)
            number.scale(min(1.0, CELL_ROOM * self.weights.cell(i, k).width / number.width))
            numbers.add(number.move_to(self.weights.cell(i, k)))
        # (each line at its own size: the values (no more digits than their sum) larger than the
        # denominators, which keep a gap to the next fraction's: r25 read "10.11210.112" at 0.92 of a cell)
        p_factor = min(1.0, room / max(p.width for p in powers))
        v_factor = min(1.0, room / max(m.width for m in values))
        cell_w = min(self.masked.cell(i, 0).width, self.weights.cell(i, 0).width)
        d_factor = min(v_factor, 0.8 * cell_w / dens[0].width)
        for p in powers:
            p.scale(p_factor)
        for m in values:
            m.scale(v_factor)
        for m in dens:
            m.scale(d_factor)
        sigma.scale(v_factor)  # (under the scores Σ has room: as large as the values it sums)
        nums = VGroup(*(m.copy() for m in values))
        # the three lines, top to bottom, in the rows set aside: below the row (their top at its box),
        # or above it (their bottom at its box): e to each score, the values (and, under the weights,
        # the numerators), Σ (and the denominators)
        gap, fraction_gap = 0.18 * v_factor + 0.12, 0.3 * v_factor + 0.2
        e_height = max(p[0].height for p in powers)
        y_e = 0.0  # the e's centres
        y_v = y_e - e_height / 2 - gap - values[0].height / 2 - 0.05
        y_s = y_v - values[0].height / 2 - fraction_gap - dens[0].height / 2
        block_top = y_e + e_height / 2 + 0.16 * p_factor + 0.12  # (the exponents stand above the e)
        block_bottom = y_s - dens[0].height / 2
        edge = boxes.get_edge_center(away)[1]
        offset = (edge - 0.25 - block_top) if away[1] < 0 else (edge + 0.25 - block_bottom)
        y_e, y_v, y_s = y_e + offset, y_v + offset, y_s + offset
        for k in range(n):
            x_score, x_weight = self.masked.cell(i, k).get_x(), self.weights.cell(i, k).get_x()
            e = powers[k][0]
            shift = np.array([x_score - powers[k].get_x(), y_e - e.get_y(), 0.0])
            powers[k].shift(shift)
            values[k].move_to([x_score, y_v, 0.0])
            nums[k].move_to([x_weight, y_v, 0.0])
            dens[k].move_to([x_weight, y_s, 0.0])
        sigma.move_to([VGroup(*values).get_x(), y_s, 0.0])
        bars = VGroup(*(Line(LEFT, RIGHT, color=th.text, stroke_width=3)
                        .set_width(min(max(nums[k].width, dens[k].width) + 0.08, 0.86 * cell_w)).move_to([nums[k].get_x(), (y_v + y_s) / 2, 0.0])
                        for k in range(n)))
        shown = [k for k in range(n) if not masked[k]]
        hidden_k = [k for k in range(n) if masked[k]]

        # each score carried out of its own cell into its exponent, straight along its column; its
        # e comes as it lands, its value under them
        def power_of(ks, start, end):
            span = (end - start) / max(len(ks), 1)
            return [a for m, k in enumerate(ks) for a in (
                during(Carry(self.masked.number(i, k), powers[k][1]), start + m * span, start + (m + 0.55) * span),
                during(FadeIn(powers[k][0]), start + (m + 0.35) * span, start + (m + 0.6) * span),
                during(FadeIn(values[k], shift=0.15 * DOWN), start + (m + 0.6) * span, start + (m + 0.95) * span))]
        self.narrate(f"For {ex.focus}, first: e to each score,", *(during(a, 0.0, 0.15) for a in [*hide, *dim]),
                     during(FadeIn(boxes), 0.0, 0.15), *power_of(shown, 0.12, 0.8), run_time=3.8)
        what_if = None
        # (r29m: why −∞ and not 0, said) a score of 0 would still get weight: e⁰ = 1 (r30: and shown, a grey
        # what-if line in the Σ line's place, gone as Σ comes: story.zero_instead_of_minus_infinity), where the
        # row is not shifted (a shifted row's eˣ are e^(x − shift): there a 0 would add e^(−shift), not 1)
        if hidden_k and row.shift == 0:
            zero = zero_instead_of_minus_infinity([0.0 if masked[k] else exp_values[k] for k in range(n)], masked)
            what_if = VGroup(label("if future = 0:", th, size=30, color=th.muted), label("e⁰ = 1", th, size=30, color=th.muted),
                             label(f"→ each future word: 1 ÷ {format_number(zero[0], places)} ≈ "
                                   f"{format_number(zero[1], WORKED_WEIGHT_DECIMALS)}", th, size=30, color=th.muted))
            what_if.arrange(RIGHT, buff=0.25)
            fit_width(what_if, min(what_if.width, self.camera.frame_width - 1.0))
            what_if.move_to([0.0, y_s, 0.0]).align_to(values, LEFT)
            right_edge = self.camera.frame_width / 2 - 0.5
            if what_if.get_right()[0] > right_edge:
                what_if.shift(LEFT * (what_if.get_right()[0] - right_edge))
        if hidden_k:
            shown_if = [] if what_if is None else [during(FadeIn(what_if[:2], shift=0.1 * UP), 0.5, 0.65),
                                                   during(FadeIn(what_if[2], shift=0.1 * RIGHT), 0.68, 0.82)]
            self.narrate("e to minus infinity is 0, where a score of 0 would still give 1;", *power_of(hidden_k, 0.0, 0.45),
                         *shown_if, run_time=2.0, through=True)
        # the sum: the values boxed as one, Σ written under them (the what-if gone from its place first)
        summed = SurroundingRectangle(values, color=th.muted, buff=0.1, stroke_width=3)
        self.narrate("their sum;", *([] if what_if is None else [during(FadeOut(what_if), 0.0, 0.2)]),
                     during(Create(summed), 0.0, 0.4), during(FadeIn(sigma, shift=0.1 * DOWN), 0.3, 0.8),
                     run_time=1.2)
        # each value carried straight across under its weight's cell, over Σ carried from the sum:
        # value ÷ Σ; each weight then rises out of its fraction into its cell (a masked word's 0 alone)
        # (the values themselves move, as one row, the same way: a copy would pass over the values
        # still standing after it; Σ stays, and is carried to each denominator, the farthest first,
        # over no denominator already written)
        across = [during(AnimationGroup(*(values[k].animate.move_to(nums[k]) for k in range(n))), 0.06, 0.3)]
        # (r30: the farthest first read right to left) left to right, each in a lane under the row of
        # denominators, rising into its place from below: over no denominator already written
        lane = y_s - dens[0].height - 0.25
        for m, k in enumerate(shown):
            start = 0.3 + 0.36 * m / max(len(shown), 1)
            # each denominator sets out from Σ, seen only once clear of it (r25: a copy leaving Σ
            # printed over it, "10.11212", for a few frames)
            arrival = dens[k].get_center()
            dens[k].move_to(sigma[1])
            across += [during(Create(bars[k]), start, start + 0.08),
                       during(Travel(dens[k], [(0.25, np.array([sigma[1].get_x(), lane, 0.0])),
                                               (0.8, np.array([arrival[0], lane, 0.0])), (1.0, arrival)],
                                     appear=(0.2, 0.35)), start, start + 0.36 / max(len(shown), 1))]
        # (r29m: risen from half way to its fraction, it slid through the row's border) grown where it stands
        rise = [a for k in range(n) for a in (
            during(FadeIn(numbers[k], scale=0.6), 0.72, 0.92),
            during(self.weights.fill_in(i, k), 0.75, 0.95))]
        self.narrate("each weight is its share of the sum; masked words get 0.",
                     during(FadeOut(summed), 0.0, 0.1), *across, *rise,
                     *(during(FadeIn(self.weight_tint(i, k)), 0.85, 1.0) for k in hidden_k),
                     run_time=3.2)
        fractions = VGroup(VGroup(*(bars[k] for k in shown)), VGroup(*(dens[k] for k in shown)), sigma)
        self.worked_band = VGroup(powers, values, fractions, boxes)
        self.band_aside = lambda: [*show(), *(leaf.animate.set_fill(opacity=fill).set_stroke(opacity=stroke)
                                              for leaf, fill, stroke in dim_leaves)]
        # the worked row at the working's decimals, written at the table's as the other rows come
        self.worked_numbers = numbers
        # (the working's numbers out, then the table's in: never the two over each other)
        self.worked_rounding = [(FadeOut(numbers), 0.1, 0.17), (FadeIn(VGroup(*(self.weights.number(i, k) for k in range(n)))), 0.18, 0.25)]

    def weight_tint(self, i, k):
        """The mask's tint on the weights' cell (i, k) (a masked weight, exactly 0), as on the
        scores' masked cells: made once, kept."""
        tints = self.__dict__.setdefault("_weight_tints", {})
        if (i, k) not in tints:
            cell = self.weights.cell(i, k)
            tints[(i, k)] = Rectangle(width=cell.width, height=cell.height, stroke_width=0, fill_color=self.theme.negative,
                                      fill_opacity=0.35).move_to(cell)
        return tints[(i, k)]

    def first_token(self):
        s, th = self.first, self.theme
        # a neutral box: the focus word's colour marks the focus word's row elsewhere
        box = self.weights.row_box(0, th.text)
        last = len(s.tokens) - 1
        box_last = self.weights.row_box(last, th.output)
        self.row_boxes = VGroup(box_last)  # gone when the discs replace the numbers
        self.narrate(f"The first word, {s.tokens[0]}, can only attend to itself: weight {format_number(s.causal.weights[0, 0])}.",
                     during(FadeIn(box), 0.0, 0.4), run_time=1.0, wait=1.0)
        # one row boxed at a time: the first row's box goes as the last row's comes (hopping, not
        # sliding: a box sliding down would strike through the rows between)
        self.narrate(f"The last word, {s.tokens[last]}, sees everything up to itself.",
                     during(FadeOut(box), 0.0, 0.4), during(FadeIn(box_last), 0.45, 1.0), run_time=1.0, wait=1.0)

    def discs_and_lines(self):
        """The masked weights as discs whose area is the weight (the future is empty), then the
        focus word's lines over the sentence: none go to a later word."""
        s, ex, th = self.first, self.example, self.theme
        g = self.weights
        i = self.focus_row(s)
        self.discs = WeightDiscs(g, s.causal.weights, th.positive)
        # the discs, then the empty triangle outlined as the mask's was, as it is said
        empty = self._future_outline(g)
        # the line under the weights becomes the discs' key: area is weight, and a row's discs add up
        # to 1 (the first row's one disc, a full cell's, is 1 alone): the scale the words name
        disc_key = label(f"disc area = weight; each row: {ROW_SUM}", th, size=self.sum_note.font_size)
        fit_width(disc_key, g.rects.width).move_to(self.sum_note)
        # each weight's number turns into its disc where it stands, row after row: the number
        # shrinks away as its disc grows out of its place (a 0 leaves its cell empty), the cell's
        # colour going with the number (r25: the numbers went first, a moment of empty grid)
        n = len(s.tokens)
        turns = []
        for r in range(n):
            start = 0.03 + 0.5 * r / max(n, 1)
            for c in range(n):
                turns += [during(FadeOut(g.number(r, c), scale=0.4), start, start + 0.12),
                          during(g.cell(r, c)[0].animate.set_fill(opacity=0), start, start + 0.15)]
                if (r, c) in self.discs.discs:
                    turns.append(during(FadeIn(self.discs.discs[(r, c)], scale=0.2), start + 0.04, start + 0.2))
        self.narrate("Drawn as discs whose area is the weight: above the diagonal, nothing at all.",
                     during(FadeOut(self.row_boxes), 0.0, 0.08), *turns,
                     during(change_in_place(self.sum_note, disc_key, grow=False), 0.55, 0.8),
                     *(during(FadeIn(u), 0.65, 0.85) for u in empty), run_time=3.2)
        tokens = list(s.tokens)
        row = s.causal.weights[i]
        strip = vector_row(row, th, name="causal.weights[focus]", value_scale=1.0, col_labels=tokens, cell_h=0.6)
        for j, colour in self.token_colors(tokens).items():  # the focus word in its colour, as everywhere
            strip.col_labels[j].set_color(colour)
        self.shown.append(strip)
        future = [j for j in range(len(tokens)) if j > i]
        kept = [j for j in range(len(tokens)) if j not in future]
        for j in future:  # (its masked cells keep the mask's tint, as in the weights' table)
            strip.cell(0, j)[0].set_fill(th.negative, opacity=0.35)
        # whose row the strip is, written before it
        self.strip_name = label(f"{ex.focus}:", th, size=strip.col_labels[0].font_size, color=th.focus)
        # the same scores' softmax without the mask, grey, set under the lifted row cell under cell
        unmasked = s.simple.weights[i]
        plain = vector_row(unmasked, th, name="simple.weights[focus]", value_scale=1.0, col_labels=tokens, cell_h=0.6)
        plain.scale(strip.rects.width / plain.rects.width)
        for rect in plain.rects:
            rect.set_fill(th.muted, opacity=0.12)
        plain.numbers.set_color(th.muted)
        self.shown.append(plain)
        self.plain_strip = plain
        plain_name = label("unmasked:", th, size=self.strip_name.font_size, color=th.muted)
        self.pattern = self._fan(tokens, i, row, future)
        self._lines_layout(strip, self.strip_name, self.pattern, plain, plain_name)
        self.pattern.lines_for(row, th.focus)  # made where the words now are
        # the words over the weights' columns stay out of the veil: they are carried up to name the
        # row's columns (the table goes under the veil without them: drawn twice, they read bold)
        g.remove(g.col_labels)
        self.add(g.col_labels)
        # the focus word's row lifted out of the table: its cells (with the mask's tint) and its
        # discs, over the veil, rise to the row at the top; each disc gives way to its number there
        # (the copies take the originals' place: a copy over its original would print its tint twice;
        # taken out before the veil is made: taking a part out of a group on screen puts the group's
        # other parts on screen one by one, and the veil would not know them)
        self.weight_shade.remove(*(self.weight_tint(i, j) for j in future))
        self.remove(*(self.discs.discs[(i, j)] for j in range(n) if (i, j) in self.discs.discs))
        veil = Veil(self, keep=[g.col_labels])
        lifted = VGroup(*(g.cell(i, j)[0].copy() for j in range(n)))
        tints = VGroup(*(self.weight_tint(i, j).copy() for j in future))
        discs = [(j, self.discs.discs[(i, j)].copy()) for j in range(n) if (i, j) in self.discs.discs]
        self.add(lifted, tints, *(d for _, d in discs))
        # (a future cell's tint arrives as its colour: the cell itself brings only its border)
        lift = [*(during(Transform(lifted[j], strip.rects[j].copy().set_fill(opacity=0) if j in future else strip.rects[j]),
                         0.12, 0.45) for j in range(n)),
                *(during(Transform(t, strip.rects[j]), 0.12, 0.45) for t, j in zip(tints, future)),
                *(during(Travel(d, [(1.0, strip.rects[j].get_center())], leave=(0.7, 1.0)), 0.12, 0.45) for j, d in discs),
                # (r30: in from 0.4 they faded in over the discs still leaving) once the discs are gone
                *(during(FadeIn(strip.numbers[j], scale=0.5), 0.42, 0.56) for j in range(n)),
                during(ReplacementTransform(g.col_labels, strip.col_labels), 0.12, 0.45),
                during(FadeIn(self.strip_name), 0.42, 0.56)]
        after = (f"none to {', '.join(tokens[j] for j in future[:2])}{' …' if len(future) > 2 else ''}, still in its future"
                 if future else "it is the last word, so it sees them all")
        # the pattern without its "future" note: lines that cannot be drawn pass through there first
        # (the masked weights after the words come with the masked lines: the unmasked ones first);
        # its words come as the unmasked row does (the frame under the rows never left empty)
        masked_labels = self.pattern.weight_labels[""]
        shown = [m for m in self.pattern.submobjects if m is not self.pattern.future_label and m is not masked_labels]
        self.narrate(f"{ex.focus}'s row, with and without the mask:",
                     # (r29m: both tables went in 0.2 s, a near-empty frame, then the unmasked row came from
                     # nothing) the tables fade under the veil as the row lifts out, the unmasked row arriving under it
                     *(during(FadeOut(u), 0.0, 0.1) for u in empty), during(veil.lower(), 0.0, 0.3), *lift,
                     during(FadeIn(VGroup(plain.rects, plain.numbers, plain_name), shift=0.25 * UP), 0.25, 0.5),
                     during(FadeIn(VGroup(*shown)), 0.4, 0.7), run_time=2.6)
        veil.hidden()
        self.remove(lifted, tints, *(d for _, d in discs))
        self.add(strip.rects, strip.numbers, strip.col_labels, self.strip_name)
        # the unmasked lines, grey, to every word, each word with its unmasked weight
        ghosts = VGroup(*(Line(self.pattern.query_anchor(), self.pattern.key_anchor(j), color=th.muted)
                          .set_stroke(width=max(2.0, line_width(w)), opacity=0.6) for j, w in enumerate(unmasked)))
        before = VGroup(*(label(format_number(w), th, size=new.font_size, color=th.muted).align_to(new, LEFT).set_y(new.get_y())
                          for w, new in zip(unmasked, masked_labels)))
        # the renormalisation, one row at a time: the unmasked row's weights spread over every word
        # (its row boxed as its grey lines are drawn), the masked row's over the words up to the focus
        # word (those cells boxed as its lines are drawn over the grey ones, which stay faint under
        # them, the lines to the future in sight till they are cut), each word's weight changing
        shares = [SurroundingRectangle(plain.rects, color=th.muted, buff=0.04, stroke_width=4),
                  SurroundingRectangle(VGroup(*(strip.cell(0, j) for j in kept)), color=th.focus, buff=0.04, stroke_width=4)]
        self.narrate("Unmasked, its weights were spread over every word;",
                     during(Create(shares[0]), 0.0, 0.3),
                     during(AnimationGroup(*(Create(g) for g in ghosts)), 0.15, 0.65), during(FadeIn(before), 0.35, 0.7),
                     run_time=2.6)
        # (the row as written may read 0.99 or 1.01: then the 1 is said of the weights before rounding)
        summing = "still summing to 1" + ("" if written_rows_read_one(row) else " before rounding")
        self.narrate(f"masked, over fewer words, {summing};" if future else "masked, the same: no word comes after it;",
                     during(FadeOut(shares[0]), 0.0, 0.15), during(Create(shares[1]), 0.05, 0.35),
                     during(AttentionPattern.draw(self.pattern.lines[""]), 0.15, 0.7),
                     during(ghosts.animate.set_stroke(opacity=0.25), 0.15, 0.7),
                     during(FadeOut(before), 0.2, 0.35), Vanish(masked_labels, back=(0.4, 0.6)), run_time=2.4)
        self.remove(before)
        # the cut said as an event (r19: grey lines still reaching are/friends contradicted "none to
        # them"): a red ✕, the mask's colour, across each line to a later word, then those lines go
        # (with the faint ones under the drawn lines: nothing grey is left), their weights, 0, boxed
        # in the strip and the note written as its words are named
        # (no larger than the lines' spacing there allows: a long sentence's lines run close together)
        spacing = 0.62 * abs(self.pattern.key_anchor(1)[1] - self.pattern.key_anchor(0)[1]) if len(tokens) > 1 else 1.0

        def cross(line):
            at, size = line.point_from_proportion(0.62), min(0.16, 0.35 * spacing)
            return VGroup(Line(at + size * (LEFT + UP), at + size * (RIGHT + DOWN)),
                          Line(at + size * (LEFT + DOWN), at + size * (RIGHT + UP))).set_stroke(th.negative, width=6)
        crosses = VGroup(*(cross(ghosts[j]) for j in future))
        zeros = ([SurroundingRectangle(VGroup(*(strip.cell(0, j) for j in future)), color=th.muted, buff=0.04,
                                       stroke_width=4)] if future else [])  # grey, as the brace on their words
        notes = [Vanish(self.pattern.future_label, back=(0.45, 0.7))] if self.pattern.future_label is not None else []
        # (full size, faded in and out in one animation: drawn, each stroke began as a dot)
        self.narrate(f"{after}.", during(FadeOut(shares[1]), 0.0, 0.15), during(blink(crosses, (0.0, 0.33), (0.7, 1.0)), 0.0, 0.6),
                     during(FadeOut(ghosts), 0.3, 0.6),
                     *(during(FadeIn(z), 0.45, 0.7) for z in zeros), *notes, run_time=2.4, wait=0.5)
        self.remove(*shown, masked_labels, *([self.pattern.future_label] if self.pattern.future_label is not None else []),
                    ghosts, crosses, strip.rects, strip.numbers, strip.col_labels)
        self.add(strip)
        # the pattern whole again, its lines over it
        self.add(self.pattern, *self.pattern.lines.values())

    def _fan(self, tokens, i: int, row, future) -> AttentionPattern:
        """The focus word's row as lines, laid out as multihead's heads were (the word at the left,
        the sentence in a column at the right, each weight after its word); the future's words
        muted, and a brace beside them saying why they have no line."""
        th = self.theme
        colors = {**self.token_colors(tokens), **{j: th.muted for j in future}}
        pattern = AttentionPattern(tokens, i, th, orientation="column", colors=colors, size=28, reach=4.0)
        # tall: the column fills the frame's height (its words a little closer than 0.5 apart, so that
        # fitted to that height they are larger: r20's picture used only the frame's middle)
        pattern.keys.arrange(DOWN, buff=0.42, aligned_edge=LEFT)
        pattern.query_label.next_to(pattern.keys, LEFT, buff=4.0).set_y(pattern.keys[i].get_y())
        pattern.add(pattern.numbers_for(row, size=24))
        if future:
            # the future's words (with their 0s) held by a brace, the reason written after it
            targets = VGroup(*(VGroup(pattern.keys[j], pattern.weight_labels[""][j]) for j in future))
            brace = Brace(targets, direction=RIGHT, color=th.muted, buff=0.2)
            # (its lines were cut: the unmasked ones stay faint under the pattern, drawn no more)
            words = VGroup(label("future:", th, size=28, color=th.muted), label("lines cut", th, size=28, color=th.muted))
            words.arrange(DOWN, buff=0.08, aligned_edge=LEFT).next_to(brace, RIGHT, buff=0.15)
            pattern.future_label = VGroup(brace, words)
            pattern.add(pattern.future_label)
        return pattern

    def _lines_layout(self, strip, name, pattern, plain=None, plain_name=None):
        """The focus word's row of weights at the top, centred, its name before it (cells about a
        unit wide); its lines centred below it, as tall as the frame allows above the subtitles'
        band: the word at about 22 % of the frame's width, the sentence's column from about 60 %."""
        # (the gaps between the heading, the row and the lines, and the row itself, a little smaller
        # than r20's: the lines, the picture's subject, about 1.15 times as large)
        top, bottom = self.heading.get_bottom()[1] - 0.25, SUBTITLE_TOP + BAND_GAP
        width = self.camera.frame_width
        name.next_to(strip.rects, LEFT, buff=0.25)
        head = VGroup(name, strip)
        if plain is not None:  # the unmasked row under the masked one, cell under cell, its name under its name
            plain.shift(strip.rects.get_center() - plain.rects.get_center() + DOWN * (strip.rects.height + 0.12))
            plain_name.next_to(plain.rects, LEFT, buff=0.25)
            plain_name.shift(UP * (plain.rects.get_y() - plain_name.get_y()))
            head.add(plain.rects, plain.numbers, plain_name)
        head.scale(min(1.25 / strip.rects[0].width, (width - 1.0) / head.width))
        head.move_to([0.0, top - head.height / 2, 0.0])
        below = head.get_bottom()[1] - 0.3
        pattern.scale(min((below - bottom) / pattern.height, (width - 0.6) / pattern.width))
        pattern.move_to([0.0, (below + bottom) / 2, 0.0])
        # the word at about x = −4 and the sentence's column at about +1.5, the weights, the brace
        # and its note after them: the diagram across the frame's middle, under the row of weights
        pattern.shift(RIGHT * (0.105 * width - pattern.keys.get_left()[0]))
        pattern.query_label.set_x(-0.28 * width)
        overflow = pattern.get_right()[0] - (width / 2 - 0.5)
        if overflow > 0:  # a long word or note: the whole diagram moves left, word and column alike
            pattern.shift(LEFT * overflow)
        # the fan (word, lines' room, column, weights) centred under the row where the brace and its
        # note still fit in the frame (r22: the fan sat left, the right 280 px empty once the note went)
        fan = VGroup(*(m for m in pattern.submobjects if m is not getattr(pattern, "future_label", None)))
        room = (width / 2 - 0.5) - pattern.get_right()[0]
        pattern.shift(RIGHT * max(0.0, min(-fan.get_center()[0], room)))
