"""Step 4 — row-wise softmax: the attention matrix; every row sums to 1. Its last step keeps the
scaling scene's promise: the focus row's weights beside what they would be were the scores not
divided by √d (attention_math.story.undivided_weights)."""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, ORIGIN, RIGHT, UP, AnimationGroup, FadeIn, FadeOut, LaggedStart, Line, MoveToTarget, Rectangle,
    SurroundingRectangle, VGroup, Write, there_and_back,
)

from attention_math.formatting import format_number, shortest
from attention_math.story import (
    gap_widens, nearly_all_to_one, peak_moves, ranked, shows_negative, undivided_inputs, undivided_weights,
    written_difference,
    written_rows_read_one,
)
from attention_math.breakdown import WORKED_WEIGHT_DECIMALS, softmax_row
from scenes.base import ExplainerScene
from scenes.components import (
    BAND_GAP, CELL_H, CELL_W, ROW_SUM, ColourLegend, MatrixGrid, axis_captions, fit_label, fit_to_frame, label,
    row_sum_note, vector_row,
)
from scenes.geometry import SUBTITLE_TOP, AttentionPattern, Veil, sentence_pattern
from scenes.motion import Carry, Vanish, build_rows, carry_and_change, change_in_place, during, hop_through

LOWEST = SUBTITLE_TOP + BAND_GAP  # nothing of this scene goes lower: the band below is the subtitles'
TOP = 2.9  # below the heading
# The two tables side by side fill the frame's width: cells taller than usual and a little narrower
# (the numbers as large as a cell's width allows) let them fill its height as well
TABLE_CELLS = dict(cell_w=0.8, cell_h=CELL_H * 2.0, number_size=32)
NAME_SIZE = 34   # the tables' names, in step with their words
SUM_SIZE = 30
ROW_BOX_BUFF = 0.01  # a row's box hugs its cells: the large row labels sit close beside them
SUM_BUFF = 0.3  # the rows' "Σ = 1" stand clear of a row's box
STRIP_NUMBER_SIZE = 30  # the worked row's numbers, near the tables' (its words a little larger)
GIVEN_SIZE = 24  # the inputs under the last step's column names
GIVEN_FLOOR = 19  # the least they may be shrunk to (the text floor is 18)
ARRIVE = 0.35  # when the copies of a worked row reach the next stage (carry_and_change's arrive)


class SoftmaxScene(ExplainerScene):
    scene_name = "softmax"
    chapter = "Row-wise softmax"
    summary = "The attention matrix: each row sums to 1"
    steps = ("show_scaled", "one_row", "every_row", "read_focus_row", "sentence_view", "why_divide")

    def show_scaled(self):
        s, th = self.first, self.theme
        tokens = list(s.tokens)
        self.heading = self.chapter_title()
        kw = dict(row_labels=tokens, col_labels=tokens, row_label_colors=self.token_colors(tokens),
                  col_label_colors=self.token_colors(tokens), **TABLE_CELLS)
        self.scaled = self.grid(s.simple.scaled, "simple.scaled", value_scale=self.score_scale, **kw)
        self.weights = self.grid(s.simple.weights, "simple.weights", value_scale=1.0, **kw)
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
        self.play(Write(self.heading), run_time=0.8)
        # a box on each row in turn as "each row" is said: softmax works on one row at a time
        down_the_rows = during(hop_through([self.scaled.row_box(k, th.text, buff=ROW_BOX_BUFF)
                                            for k in range(len(tokens))]), 0.35, 1.0)
        self.narrate("Softmax turns each row of scores into weights: positive, and summing to 1.",
                     *(during(move, 0.0, 0.33) for move in self.take_over(self.scaled, self.scaled_name, group=left)),
                     down_the_rows, run_time=3.0)

    def one_row(self):
        """The focus row worked on its own in the free right half: the row is carried out along
        its own line to a strip; each stage after it is the stage above carried one slot down and
        changed there, entry by entry (eˣ, then ÷ Σ); the sum is written beside the row it adds up."""
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        tokens = list(s.tokens)
        parts = softmax_row(s.simple.scaled[i])
        box = self.scaled.row_box(i, th.focus, buff=ROW_BOX_BUFF)
        exp_name = "eˣ" if parts.shift == 0 else f"e^(x − {format_number(parts.shift)})"
        # cells as tall as the tables' and numbers near their size: the working reads as well as the table
        cell_h = CELL_H * 1.7
        # x and eˣ with the decimals it takes for eˣ, their sum and each eˣ ÷ Σ to check as written (the
        # table rounds x to 2)
        places = parts.decimals
        cell_w = CELL_W * {2: 0.85, 3: 1.05}.get(places, 1.25)  # room for a third (fourth) decimal
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
        x_name = label(f"{ex.focus}'s row  x", th, size=34, color=th.focus)
        if places > 2:
            x_name = VGroup(x_name, label(f"to {places} decimals", th, size=26, color=th.muted)).arrange(RIGHT, buff=0.35,
                                                                                                       aligned_edge=DOWN)
        names = [x_name, label(exp_name, th, size=36),
                 label("eˣ ÷ Σ  =  weights" if parts.shift == 0 else "÷ Σ  =  weights", th, size=32)]
        total = label(f"Σ = {format_number(parts.total, places)}", th, size=32, color=th.focus)
        # what the weights add up to, beside them: as written when that reads 1, else the fact
        weights_total = label(f"Σ = {format_number(1.0, WORKED_WEIGHT_DECIMALS)}" if written_rows_read_one(parts.weights, WORKED_WEIGHT_DECIMALS)
                              else "Σ = 1 before rounding", th, size=28, color=th.focus)
        blocks = []
        for name, strip in zip(names, (strip_x, strip_e, strip_w)):
            name.next_to(VGroup(strip.rects, strip.col_labels), UP, buff=0.15).align_to(strip.rects, LEFT)
            blocks.append(VGroup(name, strip))
        # room under the first two rows for the gap between the largest and the smallest entry
        work = VGroup(*blocks).arrange(DOWN, buff=0.62, aligned_edge=LEFT)
        big, small = parts.largest, parts.smallest
        # the entries as the strips write them (0.160, not 0.16)
        gaps = VGroup(*(label(f"gap  {format_number(v[big], places)} − {format_number(v[small], places)} = "
                              f"{written_difference(v[big], v[small], places)}", th, size=26)
                        .next_to(s.rects, DOWN, buff=0.1).align_to(s.rects, RIGHT)
                        for v, s in ((parts.row, strip_x), (parts.exps, strip_e))))
        # the sum on the line of the row it adds up (its name's, at the right): clear of the copies
        # dropping from row to row, and the rows as wide as the free half
        total.next_to(strip_e.rects, UP, buff=0.12).align_to(strip_e.rects, RIGHT)
        weights_total.next_to(strip_w.rects, DOWN, buff=0.12).align_to(strip_w.rects, RIGHT)
        # the right half of the frame is free until the attention matrix appears there: the working
        # fills it, as large as the table beside it
        work.add(total, gaps, weights_total)
        half = self.camera.frame_width / 2
        work.scale(min((half - self.scaled.get_right()[0] - 1.2) / work.width, (TOP - LOWEST) / work.height))
        work.move_to([(self.scaled.get_right()[0] + half) / 2, self.scaled.get_center()[1] - 0.2, 0])
        work.shift(UP * (max(0.0, LOWEST - work.get_bottom()[1]) - max(0.0, work.get_top()[1] - TOP)))
        strip_w2.replace(strip_w)
        # each entry as a bar, in the weights' slot while it is empty (x, then eˣ, on one scale):
        # every bar grows, and the larger the score, the more (a mark stays at x's height)
        growth = self.growth_bars(parts, strip_e, VGroup(names[2], strip_w, weights_total)) if parts.shift == 0 else None
        # out along the row's own line (its numbers hidden meanwhile, so the copy never passes
        # over them), past the table, then up or down to the strip, whose words come after it
        lane = np.array([strip_x.rects.get_x(), self.scaled.row(i).get_y(), 0.0])
        self.narrate(f"Take {ex.focus}'s row.", FadeIn(box),
                     Vanish(self.scaled, back=(0.95, 1.0), parts=[self.scaled.number(i, j) for j in range(len(tokens))]),
                     Carry(self.scaled.row(i), strip_x.row(0), [(0.4, lane), (0.85, strip_x.rects.get_center())],
                           resize=(0.4, 0.85)),
                     during(FadeIn(VGroup(strip_x.col_labels, names[0])), 0.8, 1.0), run_time=1.5)
        # "positive" is news only when some entry is negative; that each one grows (eˣ > x) always shows
        became = "all become positive," if shows_negative(parts.row[np.isfinite(parts.row)], places) else "each one grows,"
        # the bars rise with the eˣ row, each as its cell changes (carry_and_change's schedule: the
        # copies arrive by ARRIVE, then one change of 0.3 after the other, left to right)
        n = len(tokens)
        rising = [] if growth is None else [
            during(FadeIn(VGroup(growth.axis, growth.bars, growth.marks, growth.legend)), 0.0, 0.3),
            *(during(MoveToTarget(bar), ARRIVE + (0.7 - ARRIVE) * j / max(n - 1, 1), ARRIVE + 0.3 + (0.7 - ARRIVE) * j / max(n - 1, 1))
              for j, bar in enumerate(growth.bars))]
        self.narrate(f"Exponentiate every entry: {became}",
                     carry_and_change(strip_x, strip_e, arrive=ARRIVE), during(FadeIn(names[1]), 0.35, 0.55), *rising,
                     run_time=2.0)
        # the largest and the smallest score with what each became, and the gap between them before and after
        ends = VGroup(*(VGroup(strip_x.cell_box(0, j, th.focus), strip_e.cell_box(0, j, th.focus)) for j in (big, small)))
        grows = ("and larger scores grow faster: the gap widens." if gap_widens(parts.row, parts.exps, big, small, places)
                 else "and the order stays.")
        self.narrate(grows, FadeIn(ends), LaggedStart(*(FadeIn(g, shift=UP * 0.1) for g in gaps), lag_ratio=0.6),
                     run_time=1.6, wait=0.3)
        self.play(FadeOut(ends), FadeOut(gaps), *([] if growth is None else [FadeOut(growth)]), run_time=0.3)
        # a box on each eˣ in turn as they are added, the sum after the last
        self.narrate(f"Add them up: {format_number(parts.total, places)}.",
                     hop_through([strip_e.cell_box(0, j, th.focus) for j in range(len(tokens))]),
                     during(FadeIn(total, shift=0.2 * LEFT), 0.8, 1.0), run_time=1.6)
        self.narrate("Divide each by the sum: the weights,",
                     carry_and_change(strip_e, strip_w), during(FadeIn(names[2]), 0.35, 0.55), run_time=2.0)
        self.narrate("which add up to 1.", FadeIn(weights_total, shift=0.2 * LEFT), run_time=0.8, wait=0.5)
        # the stages go, the weights are rounded to the table's decimals where they stand, and
        # their row takes its place in the attention matrix
        # (the strip's cells and numbers on their own in the scene: each number goes as it changes)
        self.remove(strip_w)
        self.add(strip_w.rects, *strip_w.numbers)
        # (said, each with its words: the table's decimals are 2, the worked row's more)
        self.narrate("Rounded to two decimals,",
                     during(FadeOut(VGroup(strip_x, strip_e, *names, total, weights_total)), 0.0, 0.6),
                     *(change_in_place(old, new) for old, new in zip(strip_w.numbers, strip_w2.numbers)), run_time=0.8)
        # the rounded numbers stand in strip_w's cells now; a copy of the rounded row (strip_w2, never
        # in the scene itself) sets off from the same place, in one move
        rounded = list(strip_w2.numbers)
        # the matrix it goes into appears round it as it lands, its other rows empty (their cells stay
        # uncoloured until their weights are computed; the focus row's keep theirs)
        others = [k for k in range(len(tokens)) if k != i]
        focus_fills = [(cell[0], cell[0].get_fill_opacity()) for cell in self.weights.row(i)]
        self.weights.clear_fills()
        for rect, opacity in focus_fills:
            rect.set_fill(opacity=opacity)
        empty = VGroup(*(self.weights.cell(k, j)[0] for k in others for j in range(len(tokens))))
        self.narrate("the row goes into the attention matrix.",
                     Vanish(strip_w.rects, gone=(0.0, 0.05)), *(Vanish(number, gone=(0.0, 0.05)) for number in rounded),
                     Carry(strip_w2.row(0), self.weights.row(i)),
                     during(FadeIn(VGroup(self.weights.row_labels, self.weights.col_labels, empty)), 0.7, 1.0),
                     during(FadeIn(VGroup(self.weights_name, self.legend)), 0.8, 1.0), run_time=1.2)
        self.focus_box = box

    def growth_bars(self, parts, strip_e: MatrixGrid, slot) -> VGroup:
        """Bars under the eˣ strip's columns, in `slot` (the weights' place, empty until they come):
        each stands at its x and is to grow (MoveToTarget) to its eˣ, all on one scale; a mark stays
        at x's height. Returns a group with .axis, .bars, .marks."""
        th = self.theme
        lowest = min(0.0, float(parts.row.min()))
        top, bottom = slot.get_top()[1], slot.get_bottom()[1]
        unit = (top - bottom) / (float(parts.exps.max()) - lowest)
        base = bottom - lowest * unit
        growth = VGroup()
        growth.axis = Line([strip_e.rects.get_left()[0], base, 0], [strip_e.rects.get_right()[0], base, 0],
                           color=th.muted, stroke_width=2)
        growth.bars, growth.marks = VGroup(), VGroup()
        width = strip_e.rects[0].width * 0.45
        for rect, x, e in zip(strip_e.rects, parts.row, parts.exps):
            grown = Rectangle(width=width, height=max(float(e) * unit, 1e-3), stroke_width=0, fill_color=th.positive,
                              fill_opacity=0.8).move_to([rect.get_x(), base + float(e) * unit / 2, 0])
            bar = grown.copy().stretch_to_fit_height(max(abs(float(x)) * unit, 1e-3)).move_to([rect.get_x(), base + float(x) * unit / 2, 0])
            bar.target = grown
            growth.bars.add(bar)
            growth.marks.add(Line([rect.get_x() - width * 0.8, base + float(x) * unit, 0],
                                  [rect.get_x() + width * 0.8, base + float(x) * unit, 0], color=th.text, stroke_width=3))
        # the key to the two marks: the tick is x, the bar eˣ; over the end where the grown bars are lower
        # (the right one if both clear it)
        growth.legend = VGroup(
            VGroup(Line(ORIGIN, RIGHT * width * 1.6, color=th.text, stroke_width=3), label("x", th, size=26)),
            VGroup(Rectangle(width=width * 0.5, height=0.3, stroke_width=0, fill_color=th.positive, fill_opacity=0.8),
                   label("eˣ", th, size=26)))
        for item in growth.legend:
            item.arrange(RIGHT, buff=0.12)
        growth.legend.arrange(RIGHT, buff=0.4)

        def clearance(edge) -> float:  # room between the legend at that end and the tallest bar under it
            # (a little below the slot's top: the eˣ row's gap is written just above it)
            growth.legend.move_to([0, top - 0.2 - growth.legend.height / 2, 0]).align_to(strip_e.rects, edge)
            under = [bar.target for bar in growth.bars
                     if bar.target.get_right()[0] > growth.legend.get_left()[0] and bar.target.get_left()[0] < growth.legend.get_right()[0]]
            return growth.legend.get_bottom()[1] - max((b.get_top()[1] for b in under), default=bottom)

        right_room = clearance(RIGHT)
        if right_room < 0.1 and clearance(LEFT) <= right_room:
            clearance(RIGHT)
        growth.add(growth.axis, growth.bars, growth.marks, growth.legend)
        return growth

    def every_row(self):
        s, th = self.first, self.theme
        n = len(s.tokens)
        i_focus = self.focus_row(s)
        others = [k for k in range(n) if k != i_focus]  # (their cells empty since the focus row went in)
        # the focus row's box goes as every row is worked (one box at a time: build_rows's own)
        self.narrate("The same for every row, independently: softmax runs along each row.",
                     during(FadeOut(self.focus_box), 0.0, 0.1),
                     build_rows(self.weights, self.scaled, th.text, rows=others), run_time=0.7 * len(others))
        # the focus row's cells one after another, ending on its "Σ = 1"
        along = [self.weights.cell_box(i_focus, j, th.focus) for j in range(n)]
        along.append(SurroundingRectangle(self.sum_labels[i_focus], color=th.focus, buff=0.06, stroke_width=4))
        self.narrate("Each row sums to 1:",
                     during(LaggedStart(*(FadeIn(t) for t in [self.sum_note, *self.sum_labels]), lag_ratio=0.1), 0.0, 0.4),
                     during(hop_through(along, keep_last=True), 0.3, 1.0), run_time=2.0)
        listens = [SurroundingRectangle(self.weights.row_labels[i_focus], color=th.focus, buff=0.06, stroke_width=4),
                   SurroundingRectangle(self.weights.col_labels, color=th.focus, buff=0.06, stroke_width=4)]
        # the orientation, each word with the labels it names as they are boxed, in the text's colour
        # (a pale caption does not read): "keys →" in the corner, on the words' line, pointing along
        # them (clear of the table's name above); "queries" down the rows' words, at their left
        keys, queries = (caption.set_color(th.text) for caption in axis_captions(self.weights, th))
        keys.match_y(self.weights.col_labels).align_to(self.weights.row_labels, RIGHT)
        captions = VGroup(keys, queries)
        # the scaled scores, done with, recede as the weights' captions come: "queries" between the two
        # tables is then read with the bright one
        self.narrate("a row says how much that word listens to every word.",
                     FadeOut(along[-1], run_time=0.3), hop_through(listens),
                     *(during(dim, 0.0, 0.3) for dim in self.focus_on([], pool=[self.scaled, self.scaled_name])),
                     during(FadeIn(queries), 0.05, 0.35), during(FadeIn(keys), 0.55, 0.85), run_time=1.8)
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
                self.heading, self.weights_name, self.legend]
        self.narrate(f"Read {ex.focus}'s row: it listens mostly to {s.tokens[order[0]]} and {s.tokens[order[1]]}.",
                     FadeIn(box), *self.focus_on(keep), LaggedStart(*(FadeIn(b) for b in top), lag_ratio=0.5),
                     run_time=1.5, wait=2.0)

    def sentence_view(self):
        """The focus row read over the sentence (BertViz's head view): a line from the focus word to
        every word, as thick as its weight; the row above it, both as large as the frame allows."""
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        tokens = list(s.tokens)
        row = s.simple.weights[i]
        strip = vector_row(row, th, name="simple.weights[focus]", value_scale=1.0, col_labels=tokens)
        self.shown.append(strip)
        self.pattern = sentence_pattern(tokens, i, row, th, color=th.focus, colors=self.token_colors(tokens))
        fit_to_frame(VGroup(strip, self.pattern).arrange(DOWN, buff=0.6), top=2.95, bottom=LOWEST, grow=1.6)
        lines = self.pattern.lines_for(row, th.focus)  # drawn where the words are now
        veil = Veil(self)
        self.play(veil.lower(), run_time=0.4)
        veil.hidden()
        # a copy keeps its own digits on the way (a glyph morph between two sizes smears them)
        self.play(Carry(self.weights.row(i), strip.row(0)), during(FadeIn(strip.col_labels), 0.5, 1.0), run_time=1.0)
        self.narrate(f"The same row over the sentence: a line from {ex.focus} to every word, as thick as its weight.",
                     LaggedStart(FadeIn(self.pattern), AttentionPattern.draw(lines), lag_ratio=0.35), run_time=2.5)
        top = ranked(row)[0]
        where = f"back to {ex.focus} itself" if tokens[top] == ex.focus else f"to {tokens[top]}"
        # the line thickens and back (its colour kept), then its weight is boxed in the row above
        line = next(line for line in self.pattern.lines[""] if line.key == top)
        self.narrate(f"The thickest line goes {where}:",
                     line.animate(rate_func=there_and_back).set_stroke(width=line.get_stroke_width() * 1.8 + 2),
                     run_time=1.6)
        self.narrate(f"{format_number(row[top])} of {ex.focus}'s attention.", FadeIn(strip.cell_box(0, top, th.focus)),
                     run_time=0.8, wait=0.5)

    def why_divide(self):
        """Why the scores were divided by √d (the scaling scene's promise, kept once softmax is
        known): the focus row's weights as bars, one word a line, then beside them what the weights
        would be with the scores not divided, then with the differences a wider vector's dot
        products have (attention_math.story.undivided_weights): the weight piles onto one word."""
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        tokens = list(s.tokens)
        colours = self.token_colors(tokens)
        rows = undivided_weights(s.simple.scaled[i], ex.d)
        half = self.camera.frame_width / 2
        # a long word is shrunk (to no less than the text floor) rather than squeeze the three columns
        words = VGroup(*(fit_label(t, th, width=2.6, size=30, color=colours.get(k, th.text), min_scale=0.6)
                         for k, t in enumerate(tokens)))
        columns_left = -half + 0.4 + words.width + 0.35
        column_w = (half - 0.5 - columns_left) / len(rows)
        names = []
        for r, (factor, wider, _) in enumerate(rows):
            if wider is not None:
                name, detail = f"softmax({shortest(factor, 1, least=0)} × scores)", f"spread as at d = {wider}"
            elif factor == 1.0:
                name, detail = "softmax(scores)", "not divided"
            else:
                name, detail = "softmax(scores ÷ √d)", "the weights"
            head = VGroup(label(name, th, size=24, color=th.focus if r == 0 else th.text),
                          label(detail, th, size=22, color=th.muted)).arrange(DOWN, buff=0.1, aligned_edge=LEFT)
            head.scale(min(1.0, (column_w - 0.2) / head.width))  # narrower columns (a long word): a little smaller
            names.append(head.move_to([0, TOP - 0.35, 0]).align_to([columns_left + column_w * r, 0, 0], LEFT))
        # under each name, what that softmax is given (x, the scores, the wider width's), so that the
        # differences the narration compares are on screen; all at one size, and left out (the names
        # say it) if the columns are too narrow for them to read
        given = [VGroup(*(label(format_number(v), th, size=GIVEN_SIZE) for v in values)).arrange(RIGHT, buff=0.16)
                 for values in undivided_inputs(s.simple.scaled[i], ex.d)]
        fit = min([1.0, *((column_w - 0.15) / line.width for line in given)])
        if GIVEN_SIZE * fit >= GIVEN_FLOOR:
            for name, line in zip(names, given):
                name.add(line.scale(fit).next_to(name, DOWN, buff=0.14).align_to(name, LEFT))
        heads_bottom = min(name.get_bottom()[1] for name in names) - 0.25
        pitch = (heads_bottom - LOWEST) / len(tokens)
        ys = [heads_bottom - pitch * (k + 0.5) for k in range(len(tokens))]
        for word, y in zip(words, ys):
            word.move_to([0, y, 0]).align_to([columns_left - 0.35, 0, 0], RIGHT)
        number_room = 0.85  # a bar's number after it
        full = column_w - number_room - 0.3  # the length of a weight of 1
        charts = []
        for r, (_, _, weights) in enumerate(rows):
            x0 = columns_left + column_w * r
            axis = Line([x0, heads_bottom, 0], [x0, LOWEST, 0], color=th.muted, stroke_width=2)
            bars = VGroup(*(Rectangle(width=max(full * w, 1e-3), height=pitch * 0.55, stroke_width=0,
                                      fill_color=th.focus if r == 0 else th.text, fill_opacity=0.75)
                            .move_to([x0 + full * w / 2, y, 0]) for w, y in zip(weights, ys)))
            numbers = VGroup(*(label(format_number(w), th, size=28).next_to(bar, RIGHT, buff=0.12)
                               for bar, w in zip(bars, weights)))
            charts.append(VGroup(axis, bars, numbers))

        def grow(r: int):
            chart = charts[r]
            for bar in chart[1]:  # each bar grows out from the column's axis to its weight
                bar.generate_target()
                bar.stretch(0.01, 0, about_edge=LEFT).set_fill(opacity=0)  # unseen until it grows (never over the last picture)
            return AnimationGroup(LaggedStart(*(MoveToTarget(bar) for bar in chart[1]), lag_ratio=0.15),
                                  during(FadeIn(chart[2]), 0.5, 1.0))

        def head(r: int):  # a column's name and axis, before its bars
            return AnimationGroup(FadeIn(names[r]), FadeIn(charts[r][0]))

        def peak_box(r: int):
            k = ranked(rows[r][2])[0]
            return SurroundingRectangle(VGroup(charts[r][1][k], charts[r][2][k]), color=th.focus, buff=0.08)

        self.clear_with_next_play()
        # the picture the answer starts from comes with the question (never a frame of words alone),
        # and is named (boxed) next
        self.narrate("Why were the scores divided by √d?", LaggedStart(*(FadeIn(w, shift=0.2 * RIGHT) for w in words),
                                                                      lag_ratio=0.2),
                     during(head(0), 0.3, 0.6), during(grow(0), 0.45, 1.0), run_time=1.8)
        self.narrate(f"Here are {ex.focus}'s weights again, as bars.",
                     hop_through([SurroundingRectangle(VGroup(names[0], charts[0]), color=th.focus, buff=0.12)],
                                 keep_last=False), run_time=2.0)
        for r in range(1, len(rows)):
            factor, wider, weights = rows[r]
            top_weight = format_number(weights[ranked(weights)[0]])
            if wider is None:
                self.narrate("Not divided, the differences between the scores are larger,", head(r),
                             during(grow(r), 0.3, 1.0), run_time=2.5)
                self.narrate(f"and the weights sharper: the largest is {top_weight}." if peak_moves(rows[r - 1][2], weights)
                             else "and the weights hardly change.", hop_through([peak_box(r - 1), peak_box(r)]),
                             run_time=2.0)
                continue
            self.narrate(f"Not divided, with vectors of width {wider},", head(r), run_time=1.0)
            self.narrate(f"the differences would be {shortest(factor / rows[r - 1][0], 1, least=0)} times larger still:",
                         grow(r), run_time=2.5)
            self.narrate(f"nearly all the weight goes to {tokens[ranked(weights)[0]]}." if nearly_all_to_one(weights)
                         else f"the largest weight is {top_weight}.", FadeIn(peak_box(r)), run_time=1.0)
        self.narrate("Dividing by √d prevents this:", *self.focus_on([], pool=[*names[1:], *charts[1:]]),
                     run_time=1.2)
        self.narrate("the scores keep the same spread at any width, and the weights stay soft.",
                     FadeIn(SurroundingRectangle(VGroup(names[0], charts[0]), color=th.focus, buff=0.12)), run_time=1.2)
        self.charts = charts
