"""Step 4 — row-wise softmax: the attention matrix; every row sums to 1."""

from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Create, FadeIn, FadeOut, LaggedStart, TransformFromCopy, VGroup, Write

from attention_math.formatting import format_number
from attention_math.story import ranked
from attention_math.breakdown import softmax_row
from scenes.base import ExplainerScene
from scenes.components import BAND_GAP, CELL_H, CELL_W, ROW_SUM, ColourLegend, axis_captions, fit_to_frame, label, vector_row
from scenes.geometry import SUBTITLE_TOP, AttentionPattern, Veil, sentence_pattern
from scenes.motion import Carry, Travel, Vanish, build_rows, carry_and_change, during, hop_through

LOWEST = SUBTITLE_TOP + BAND_GAP  # nothing of this scene goes lower: the band below is the subtitles'
TOP = 2.9  # below the heading
# The two tables side by side fill the frame's width: cells taller than usual and a little narrower
# (the numbers as large as a cell's width allows) let them fill its height as well
TABLE_CELLS = dict(cell_w=0.8, cell_h=CELL_H * 2.0, number_size=32)
NAME_SIZE = 34   # the tables' names, in step with their words
SUM_SIZE = 30
ROW_BOX_BUFF = 0.01  # a row's box hugs its cells: the large row labels sit close beside them


class SoftmaxScene(ExplainerScene):
    scene_name = "softmax"
    chapter = "Row-wise softmax"
    summary = "The attention matrix: each row sums to 1"
    steps = ("show_scaled", "one_row", "every_row", "read_focus_row", "sentence_view")

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
        self.sum_labels = VGroup(*(label(ROW_SUM, th, size=SUM_SIZE, color=th.muted).next_to(self.weights.row(k), RIGHT, buff=0.15)
                                   for k in range(len(tokens))))
        # the key to the weights' colours, new here: 0 to 1, nothing negative
        self.legend = ColourLegend(th, 1.0, negative=False)
        self.legend.next_to(self.weights.rects, DOWN, buff=0.3).align_to(self.weights.rects, RIGHT)
        right.add(self.sum_labels, self.legend)
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
        # cells taller than a plain row's, like the tables' (their numbers as large as theirs)
        cell_h = CELL_H * 1.4
        # x and eˣ with the decimals it takes for eˣ and their sum to check as written (the table rounds x to 2)
        places = parts.decimals
        cell_w = CELL_W * (0.85 if places == 2 else 1.0)  # room for a third decimal
        strip_x = vector_row(parts.row, th, name="simple.scaled[focus]", value_scale=self.score_scale, col_labels=tokens,
                             cell_w=cell_w, cell_h=cell_h, decimals=places)
        strip_e = vector_row(parts.exps, th, name="softmax.exps[focus]", value_scale=parts.exps.max(), cell_w=strip_x.cell_w,
                             cell_h=cell_h, decimals=places)
        strip_w = vector_row(parts.weights, th, name="simple.weights[focus]", value_scale=1.0, cell_w=strip_x.cell_w,
                             cell_h=cell_h)
        self.shown += [strip_x, strip_e, strip_w]
        names = [label(f"{ex.focus}'s scaled scores  x", th, size=28, color=th.focus), label(exp_name, th, size=30),
                 label("eˣ ÷ Σ  =  weights" if parts.shift == 0 else "÷ Σ  =  weights", th, size=28)]
        total = label(f"Σ = {format_number(parts.total, places)}", th, size=30, color=th.focus)
        blocks = []
        for name, strip in zip(names, (strip_x, strip_e, strip_w)):
            name.next_to(VGroup(strip.rects, strip.col_labels), UP, buff=0.15).align_to(strip.rects, LEFT)
            blocks.append(VGroup(name, strip))
        work = VGroup(*blocks).arrange(DOWN, buff=0.45, aligned_edge=LEFT)
        # the sum beside the row it adds up, clear of the copies dropping from row to row
        total.next_to(strip_e.rects, RIGHT, buff=0.3)
        # the right half of the frame is free until the attention matrix appears there: the working
        # fills it, as large as the table beside it
        work.add(total)
        half = self.camera.frame_width / 2
        work.scale(min((half - self.scaled.get_right()[0] - 0.8) / work.width, (TOP - LOWEST) / work.height))
        work.move_to([(self.scaled.get_right()[0] + half) / 2, self.scaled.get_center()[1] - 0.2, 0])
        work.shift(UP * (max(0.0, LOWEST - work.get_bottom()[1]) - max(0.0, work.get_top()[1] - TOP)))
        # out along the row's own line (its numbers hidden meanwhile, so the copy never passes
        # over them), past the table, then up or down to the strip, whose words come after it
        lane = np.array([strip_x.rects.get_x(), self.scaled.row(i).get_y(), 0.0])
        self.narrate(f"Take {ex.focus}'s row.", Create(box),
                     Vanish(self.scaled, back=(0.95, 1.0), parts=[self.scaled.number(i, j) for j in range(len(tokens))]),
                     Carry(self.scaled.row(i), strip_x.row(0), [(0.4, lane), (0.85, strip_x.rects.get_center())],
                           resize=(0.4, 0.85)),
                     during(FadeIn(VGroup(strip_x.col_labels, names[0])), 0.8, 1.0), run_time=1.5)
        self.narrate("Exponentiate every entry: all become positive,",
                     carry_and_change(strip_x, strip_e), during(FadeIn(names[1]), 0.35, 0.55), run_time=2.0)
        # the largest and the smallest score with what each became
        ends = VGroup(*(VGroup(strip_x.cell_box(0, j, th.focus), strip_e.cell_box(0, j, th.focus))
                        for j in (parts.largest, parts.smallest)))
        self.narrate("and larger scores grow much faster.", LaggedStart(*(Create(pair) for pair in ends), lag_ratio=0.5),
                     run_time=1.2, wait=0.3)
        self.play(FadeOut(ends), run_time=0.3)
        sweep = strip_e.cell_box(0, 0, th.focus)
        self.narrate(f"Add them up: {format_number(parts.total, places)}.",
                     Travel(sweep, [(0.7, strip_e.cell(0, len(tokens) - 1).get_center())], appear=(0.0, 0.1),
                            leave=(0.75, 0.85)),
                     during(FadeIn(total, shift=0.2 * LEFT), 0.7, 1.0), run_time=1.4)
        self.narrate("Divide each by the sum: the weights, which add up to 1.",
                     carry_and_change(strip_e, strip_w), during(FadeIn(names[2]), 0.35, 0.55), run_time=2.0, wait=1.0)
        # the stages go, and the weights' row takes its place in the attention matrix
        self.play(Vanish(strip_w, gone=(0.0, 0.05)), during(FadeOut(VGroup(strip_x, strip_e, *names, total)), 0.0, 0.35),
                  Carry(strip_w.row(0), self.weights.row(i), [(0.3, strip_w.rects.get_center())]),
                  during(FadeIn(VGroup(self.weights_name, self.legend)), 0.8, 1.0), run_time=1.4)
        self.focus_box = box

    def every_row(self):
        s, th = self.first, self.theme
        n = len(s.tokens)
        i_focus = self.focus_row(s)
        others = [k for k in range(n) if k != i_focus]
        # the other rows' cells stay uncoloured until their weights are computed; the focus row's are
        focus_fills = [(cell[0], cell[0].get_fill_opacity()) for cell in self.weights.row(i_focus)]
        self.weights.clear_fills()
        for rect, opacity in focus_fills:
            rect.set_fill(opacity=opacity)
        empty = VGroup(*(self.weights.cell(k, j)[0] for k in others for j in range(n)))
        self.play(FadeIn(VGroup(self.weights.row_labels, self.weights.col_labels, empty)), run_time=0.6)
        self.narrate("The same for every row, independently: softmax runs along each row.",
                     build_rows(self.weights, self.scaled, th.text, rows=others), run_time=0.7 * len(others))
        self.narrate("Each row sums to 1: a row says how much that word listens to every word.",
                     LaggedStart(*(FadeIn(t) for t in self.sum_labels), lag_ratio=0.1), run_time=1.2, wait=0.5)
        captions = axis_captions(self.weights, th)
        self.play(FadeIn(captions), FadeOut(self.focus_box), run_time=0.6)
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
                     Create(box), *self.focus_on(keep), LaggedStart(*(Create(b) for b in top), lag_ratio=0.5),
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
        self.play(veil.lower(), TransformFromCopy(self.weights.row(i), strip.rects),
                  TransformFromCopy(VGroup(*(self.weights.number(i, j) for j in range(len(tokens)))), strip.numbers),
                  FadeIn(strip.col_labels), run_time=1.0)
        veil.hidden()
        self.narrate(f"The same row over the sentence: a line from {ex.focus} to every word, as thick as its weight.",
                     LaggedStart(FadeIn(self.pattern), AttentionPattern.draw(lines), lag_ratio=0.35), run_time=2.5)
        top = ranked(row)[0]
        where = f"back to {ex.focus} itself" if tokens[top] == ex.focus else f"to {tokens[top]}"
        self.narrate(f"The thickest line goes {where}: {format_number(row[top])} of {ex.focus}'s attention.",
                     self.pattern.point_at(top), run_time=1.2, wait=1.0)
