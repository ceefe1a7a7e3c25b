"""Step 8 — changing dimensionality: d_k and d_v need not equal d; the shapes say so.

The learned head of the previous step, read for its shapes. It opens on X, as handed over, beside
the learned matrices with their shapes ((n × d)·(d × d_k) = (n × d_k), the inner sizes lit): the
projections were worked in the previous step, so here their shapes are shown moving: one word's
row of d numbers, boxed, narrows into its rows of d_k in Q, K and V as they appear. Then Q·Kᵀ
is worked by hand (Kᵀ above the scores, Q beside them,
scenes.components.product_layout): it gives the n × n scores whatever d_k is, and they are divided
by √d_k where they stand. Q and Kᵀ then go: the scores move, larger, to the middle of the frame,
softmax turns each row into weights there, they move aside as V comes beside them, and the
weights times V give an output of d_v numbers per word."""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, AnimationGroup, Create, FadeIn, Line, FadeOut, Group, Rectangle, Succession, TransformFromCopy,
    SurroundingRectangle, Transform, Underline, VGroup, Write, config, linear,
)

from attention_math.core import scale_factor
from attention_math.formatting import format_number, listed, parse_number, shortest, written
from attention_math.story import (
    dimensions_blind_pair, dims_read, even_weights_of_zero_query, row_part_built, other_head_keeps, division_decimals, entry_terms_clause, head_split_cost, product_of_written_differs, score_multiplications, score_products,
    softmax_of_written, strongest_neighbour, written_row_totals, written_rows_read_one,
)
from scenes.base import ExplainerScene
from scenes.components import (
    CELL_H, CELL_W, SMALLEST_TEXT, baseline_label, fit_label, fit_to_frame, label, product_layout,
)
from scenes.geometry import SUBTITLE_TOP
from scenes.handoff import boundary, moving, settle
from scenes.motion import Carry, ProductSweep, Vanish, build_rows, change_in_place, during, fade_in, hidden_while_zoomed, hop_through
from scenes.projections import feature_names, hopping_term
from scenes.staging import fit_region, numbers_larger

BOTTOM = SUBTITLE_TOP + 0.1  # nothing of this scene goes lower: the band below is the subtitles'
# the tables' numbers are 22 at zoom 1: below this zoom they would be smaller than the 22 that reads
SMALLEST_ZOOM = 1.0
MARGIN_X = 0.45  # the layout's margin at either side of the frame (40 px at 720p; r24: 22 px read as tight)
SAFE_MARGIN_X = 0.45  # the weights' layout, which fills the frame's width: clear of its edges
# X, the learned matrices, Q, K and V in one row across the frame: numbers a little larger than
# the tables' 22, so that fitted to the frame's width they stay at least that size
OPENING_NUMBER_SIZE = 24
OPENING_SHAPES_SIZE = 40  # the shapes' line under them
SLOT_SHAPES_SIZE = 34  # the scores' shapes, left of Kᵀ (as far as the place allows)
OUTPUT_SHAPES_SIZE = 36  # the weights' product's shapes under Weights | V | Output (the opening's line is 40, fitted)
OUTPUT_MARGIN_X = 0.8  # Weights | V | Output clear of the frame's sides by this much
LEDGER_EXTRA_GAP = 0.3  # the worked score's lines this much further from Kᵀ's row names than the sweep's gap
ALONE_GROW = 1.5  # the scaled scores and the weights, while they have the frame to themselves
CLOSING_GROW = 1.2  # the closing picture (Weights | V | Output and the takeaway) grows up to this much
CLOSING_MARGIN_X = 0.35  # ... clear of the frame's sides by this much
# the notes on what the tables write ("to 3 decimals", "(from unrounded weights)"): r31h read them
# small and faint at 22 in grey; in the text's colour, a little larger
NOTE_SIZE = 26
KT_ROWS_SPAN = 0.75  # K's rows turn into Kᵀ's columns over this much of the cue, from 0.17: all land by 0.92


def as_written(row, decimals: int = 2) -> list:
    """A row's numbers as the tables write them (format_number rounds half away from 0; np.round to even):
    a worked line is checked against what is on screen."""
    return [written(float(v), decimals) / 10 ** decimals for v in row]


def v_keeps_said(read, token: str) -> str:
    """What a narrow W_V that drops dims outright (story.dims_read) means for one word's V row: one
    sentence, said wherever the scene shows it (the three layouts that show it say the same)."""
    return f"And V keeps only {listed(read.kept)}: {token}'s {listed(read.dropped)} never reach it."


class DimensionsScene(ExplainerScene):
    scene_name = "dimensions"
    chapter = "Changing dimensionality"
    summary = "d_k and d_v need not equal d"
    needs = ('projection',)
    steps = ("narrower_projections", "scores_stay_square", "scale_and_softmax", "output_width")

    def _tag(self, name: str, shape: str, colour: str) -> VGroup:
        """A matrix's name and its shape, read together: "Q  5 × 2"."""
        return VGroup(label(name, self.theme, size=26, color=colour),
                      # as large as the name: the tables beside it are fitted to the frame, and
                      # the shape then stays above the smallest text that reads
                      label(shape, self.theme, size=26, color=self.theme.text)).arrange(RIGHT, buff=0.2)

    def _operand(self, values, name, cols, colour, **kwargs):
        tokens = list(self.first.tokens)
        return self.grid(values, name, row_labels=tokens, col_labels=cols, value_scale=self.vector_scale,
                         label_color=colour, row_label_colors=self.token_colors(tokens), **kwargs)

    def _k_to_columns(self) -> list:
        """K's rows become Kᵀ's columns, one word after another: the row's cells step up into a
        staircase (the rows below have not left yet, the rows above have), close up into a column
        at K's left edge, the column goes along (below Kᵀ, in the empty scores) to under its place
        and rises into it: it never crosses a column landed before it. K's column names go first and
        become Kᵀ's row names. Animations to play together; Kᵀ is in the scene afterwards."""
        k, kt = self.k1, self.kt
        n, width = k.shape
        w = k.cell(0, 1).get_x() - k.cell(0, 0).get_x() if width > 1 else k.cell_w
        h = k.cell(0, 0).get_y() - k.cell(1, 0).get_y() if n > 1 else k.cell_h
        parts = [Vanish(k, gone=(0.0, 0.001), parts=[*k.col_labels, *(k.cell(i, c) for i in range(n) for c in range(width))]),
                 # the empty scores come once the keys have landed: the rows in flight cross where they will be
                 # (r29f: at 0.85 the last row, still on its way, crossed the scores' grid coming in)
                 Vanish(self.scores.rects, back=(0.93, 1.0)), Vanish(self.tags[1], back=(0.93, 1.0))]
        per = KT_ROWS_SPAN / n
        # K's column names go to their place just ahead of the first word's cells (the whole way
        # ahead, they stood by an empty Kᵀ): up, along a line above Kᵀ (in one line, as in K's
        # header: no stack to reach the heading), and down into their column while Kᵀ is still empty
        over = max(kt.col_labels.get_top()[1], kt.rects.get_top()[1]) + 0.35
        first = 0.17
        parts += [Carry(k.col_labels[c], kt.row_labels[c],
                        [(first, k.col_labels[c].get_center()),
                         (first + 0.2 * per, [k.col_labels[c].get_x(), over, 0.0]),
                         (first + 0.35 * per, [kt.row_labels[c].get_x() + k.col_labels[c].get_x() - k.col_labels[0].get_x(),
                                            over, 0.0]),
                         (first + 0.55 * per, kt.row_labels[c].get_center())], resize=(first + 0.35 * per, first + 0.55 * per))
                  for c in range(width)]
        for i in range(n):
            t0 = 0.17 + i * per
            # each column's word once its cells have landed under it: the cells still on their
            # way come from lower right and would pass over a word written earlier
            parts.append(Vanish(kt.col_labels[i], back=(t0 + 0.9 * per, min(t0 + 1.2 * per, 1.0))))
            for c in range(width):
                start = k.cell(i, c).get_center()
                stepped = start + UP * (width - 1 - c) * h
                closed = stepped - RIGHT * c * w
                under = np.array([kt.cell(c, i).get_x(), closed[1], 0.0])
                parts.append(Carry(k.cell(i, c), kt.cell(c, i),
                                   [(t0, start), (t0 + 0.3 * per, stepped), (t0 + 0.5 * per, closed),
                                    (t0 + 0.7 * per, under), (t0 + per, kt.cell(c, i).get_center())],
                                   resize=(t0 + 0.7 * per, t0 + per)))
        self._after_play.append(lambda: (self.remove(k, kt.col_labels, *kt.col_labels, *kt.row_labels,
                                                     *(kt.cell(c, i) for i in range(n) for c in range(width))),
                                         self.add(kt, self.scores.rects, self.tags[1])))
        return parts

    def _grown(self, made) -> Transform:
        """`made` (a table and its name) grown out of the top of its cells (the learned matrix that
        makes it stands there), from nothing: a Transform from a small transparent copy of itself
        (the kinds of animation proven harmless to sample; GrowFromPoint is not among them)."""
        final = made.copy()
        made.scale(0.05, about_point=made[0].rects.get_top()).set_opacity(0.0)
        return Transform(made, final)

    def narrower_projections(self):
        """X as handed over, the learned matrices beside it with the shapes' line (their d rows
        matching X's d columns, the inner sizes lit), then the shape motion: one word's row of d
        numbers, boxed, narrows into its rows of d_k in Q, K and V as they appear (the projections
        themselves were worked in the previous step: here their shapes are the subject)."""
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        n, d = len(s.tokens), ex.d
        self.heading = self.chapter_title()
        # every table of the step at one number size, large enough to stay above the floor when
        # the row of them is fitted to the frame; cells a little wider than the default, so a
        # negative ("−0.60") keeps that size
        wide = dict(cell_w=CELL_W * 1.2, number_size=OPENING_NUMBER_SIZE)
        # X's dims named over its columns (the d numbers that meet W's d rows) at the numbers' size,
        # each within a little more than its column: as the table's own labels (one word's size
        # widens every column: "grammar" made X as wide as two of the products beside it, and the
        # row of five no longer fitted with its numbers readable); X's columns a little wider than
        # the products' for the names to stand apart
        x = self._operand(s.input, "input", None, th.text, **{**wide, "cell_w": CELL_W * 1.3})
        dim_names = VGroup(*(fit_label(name, th, width=x.cell_w * 1.2, size=OPENING_NUMBER_SIZE,
                                       color=self.dim_colors().get(j, th.text)).next_to(x.cell(0, j), UP, buff=0.12)
                             for j, name in enumerate(ex.dims)))
        base = max(m.get_bottom()[1] for m in dim_names)
        for m in dim_names:  # one baseline, however tall each word is
            m.shift(UP * (base - m.get_bottom()[1]))
        # two names that would run together ("grammarmood") edge apart along their one baseline, each
        # still over its own column (a name a line up read as a bug, r14): pushed right where they
        # meet, then back from the table's right edge; only where that fails, the wider one a line up
        gap, centres = 0.28, [x.cell(0, j).get_x() for j in range(len(dim_names))]  # (0.15 read "tech grammar" as one)
        spots = list(centres)
        for j in range(1, len(spots)):
            spots[j] = max(spots[j], spots[j - 1] + (dim_names[j - 1].width + dim_names[j].width) / 2 + gap)
        spots[-1] = min(spots[-1], x.rects.get_right()[0] - dim_names[-1].width / 2)
        for j in range(len(spots) - 2, -1, -1):
            spots[j] = min(spots[j], spots[j + 1] - (dim_names[j + 1].width + dim_names[j].width) / 2 - gap)
        if all(abs(spot - c) < x.cell_w / 2 for spot, c in zip(spots, centres)):
            for m, spot in zip(dim_names, spots):
                m.set_x(spot)
        else:
            raised = set()
            for j in range(1, len(dim_names)):
                left, right = dim_names[j - 1], dim_names[j]
                if j - 1 not in raised and right.get_left()[0] - left.get_right()[0] < gap:
                    k = j if right.width >= left.width else j - 1
                    dim_names[k].shift(UP * (dim_names[k].height + 0.08))
                    raised.add(k)
        x.remove(x.col_labels)
        x.col_labels = dim_names
        x.add(dim_names)
        # Q, K and V stand level with X's rows, so X's row labels name theirs too
        self.q1, self.k1, self.v1 = (
            self.grid(values, name, col_labels=feature_names(prefix, width), value_scale=self.vector_scale,
                      label_color=colour, **wide)
            for values, name, prefix, width, colour in ((p.q, "projected.q", "q", p.d_k, th.query),
                                                        (p.k, "projected.k", "k", p.d_k, th.key),
                                                        (p.v, "projected.v", "v", p.d_v, th.value)))
        tags = [self._tag("X", f"{n} × {d}", th.text), self._tag("Q", f"{n} × {p.d_k}", th.query),
                self._tag("K", f"{n} × {p.d_k}", th.key), self._tag("V", f"{n} × {p.d_v}", th.value)]
        blocks = VGroup(*(VGroup(g, t.next_to(g.rects, DOWN, buff=0.2)) for g, t in zip((x, self.q1, self.k1, self.v1), tags)))
        # (gaps narrow: the row's width is what limits its size, X's dims' names with it)
        blocks.arrange(RIGHT, buff=0.22, aligned_edge=UP)
        blocks[1:].shift(RIGHT * 0.15)  # X stands apart from what is made of it
        # X's rows level with theirs (X has no column names over its cells; they have)
        blocks[0].shift(UP * (self.q1.rects.get_top()[1] - x.rects.get_top()[1]))
        # the learned matrices, shown where what they make will stand (d rows each)
        self.w_blocks = VGroup()
        for w, key, prefix, colour, block in ((p.w_q, "q", "q", th.query, blocks[1]), (p.w_k, "k", "k", th.key, blocks[2]),
                                              (p.w_v, "v", "v", th.value, blocks[3])):
            g = self.grid(w, f"projected.w_{key}", col_labels=feature_names(prefix, w.shape[1]),
                          value_scale=self.vector_scale, label_color=colour, **wide)
            # the name over its shape: side by side they were wider than the narrow table above them,
            # and the row of tables had to shrink for them
            tag = self._tag(f"W_{key.upper()}", f"{d} × {w.shape[1]}", colour).arrange(DOWN, buff=0.08)
            tag.next_to(g.rects, DOWN, buff=0.15)
            pair = VGroup(g, tag)
            pair.shift(block[0].rects.get_corner(UP + LEFT) - g.rects.get_corner(UP + LEFT))
            self.w_blocks.add(pair)
        # every number of the step at one size (a negative shrunk to fit read as a lesser value)
        numbers_larger([x, self.q1, self.k1, self.v1, *(b[0] for b in self.w_blocks)], OPENING_NUMBER_SIZE)
        # the shapes, their inner sizes (which must match) in the focus colour
        lines = [((n, d), (d, p.d_k))] + ([((n, d), (d, p.d_v))] if p.d_v != p.d_k else [])
        formula = VGroup(*(self._shape_line(*line) for line in lines)).arrange(DOWN, buff=0.15)
        # large, under the tables (whose row across the frame's width leaves its lower part empty):
        # the step's subject, read as each of its parts is lit
        formula.scale(OPENING_SHAPES_SIZE / formula[0].font_size)
        whole = VGroup(formula, blocks, self.w_blocks)
        formula.next_to(VGroup(blocks, self.w_blocks), DOWN, buff=0.6)
        # where it keeps the numbers readable: each learned matrix stays up, the matrix it makes
        # under it (r14: W_Q gave way to Q in its own place), X level with Q, K and V, the shapes'
        # line above X. Q's, K's and V's column names are W's (the same d_k columns): not drawn twice
        side_by_side = {id(m): m.get_center() for m in (formula, *blocks, *self.w_blocks)}
        for pair, block in zip(self.w_blocks, blocks[1:]):
            pair[1].arrange(RIGHT, buff=0.2).next_to(pair[0].rects, DOWN, buff=0.06)
            block[1].next_to(block[0].rects, DOWN, buff=0.12)
            block.shift(pair[1].get_bottom() + DOWN * 0.12 - block[0].rects.get_top())
        blocks[0].shift(UP * (self.q1.rects.get_top()[1] - x.rects.get_top()[1]))
        room = self.w_blocks[0].get_left()[0] - 0.4 - blocks[0].get_left()[0]
        formula.scale(min(1.0, room / formula.width))
        formula.move_to([blocks[0].get_x(), (self.w_blocks.get_top()[1] + x.col_labels.get_top()[1]) / 2, 0.0])
        floor = 22 / OPENING_NUMBER_SIZE  # the least fitted scale at which the tables' numbers still read
        self.stacked = min((config.frame_width - 2 * MARGIN_X) / whole.width, (2.9 - BOTTOM) / whole.height) >= 1.01 * floor
        if self.stacked:
            for g in (self.q1, self.k1, self.v1):
                g.col_labels.set_opacity(0.0)  # W's column names over them say them (carried later, shown)
        else:  # as before: each learned matrix where what it makes will stand, the line under them
            for block in blocks:
                block[1].next_to(block[0].rects, DOWN, buff=0.2)
            for pair in self.w_blocks:
                pair[1].arrange(DOWN, buff=0.08).next_to(pair[0].rects, DOWN, buff=0.15)
            for m in (formula, *blocks, *self.w_blocks):
                m.move_to(side_by_side[id(m)])
            formula.scale(OPENING_SHAPES_SIZE / formula[0].font_size)
            formula.next_to(VGroup(blocks, self.w_blocks), DOWN, buff=0.6)
        fit_to_frame(whole, margin_x=MARGIN_X, top=2.9, bottom=BOTTOM, grow=1.4)
        # the shapes' line no nearer the frame's edge than half a unit (at 0.2 its "(" touched it, r15)
        edge = -config.frame_width / 2 + 0.5
        if formula.get_left()[0] < edge:
            formula.scale((formula.get_right()[0] - edge) / formula.width, about_edge=RIGHT)
        if self.stacked:
            # W_Q's rows named once, as in projections (r20: "a word's 4 numbers meet the 4 rows"
            # with the rows unnamed): X's dims' names at their size, left of W_Q's rows (W_K's and
            # W_V's rows stand level with them); the shapes' line gives them room
            w_q = self.w_blocks[0][0]
            size = min(m.font_size for m in x.col_labels)
            row_names = VGroup(*(fit_label(name, th, width=config.frame_width, size=size,
                                           color=self.dim_colors().get(j, th.text))
                                 .next_to(w_q.cell(j, 0), LEFT, buff=0.15) for j, name in enumerate(ex.dims)))
            self.w_blocks[0].add(row_names)
            room_right = row_names.get_left()[0] - 0.35
            if formula.width > room_right - edge:
                # each line's result under its product (as the scores' shapes are later): on one
                # line, beside the names, it had to shrink to two thirds
                # (the lines that far apart: clear of the underlines under the inner sizes)
                centre, gap = formula.get_center(), 0.45 * formula[0].height
                for shape_line, ((a, b), (c, e)) in zip(formula, lines):
                    cut = len(f"({a}×{b})·({c}×{e})")
                    product, result = VGroup(*shape_line[:cut]), VGroup(*shape_line[cut:])
                    result.next_to(product, DOWN, buff=gap).set_x(product.get_x())
                formula.arrange(DOWN, buff=2 * gap).move_to(centre)
            if formula.get_right()[0] > room_right:
                formula.scale(min(1.0, (room_right - edge) / formula.width))
                formula.shift(RIGHT * min(0.0, room_right - formula.get_right()[0]))
                formula.shift(RIGHT * max(0.0, edge - formula.get_left()[0]))
        self.names1 = tags
        self.formula = formula
        self.x = x
        self.play(Write(self.heading), *self.take_over(x, tags[0][0]), run_time=1.0)
        mats, where = (("W_Q, W_K and W_V", "in Q, K and V") if p.d_v == p.d_k else
                       ("W_Q and W_K", f"in Q and K ({p.d_v} in V)"))
        # (r28f, all three reviewers: the opening rebuilt the previous chapter unannounced) one recap
        # beat: the same learned matrices, said so, with Q, K and V as they made them (no refill
        # row by row); X's shape said with the shapes' line it opens (r22)
        said = ((f"Last chapter's {mats}: X is {n} × {d}, they are {d} × {p.d_k}.",
                 f"So each word's {d} numbers become {p.d_k}, {where}.")
                if p.d_k != d else
                (f"Last chapter's {mats}: X is {n} × {d}, they are {d} × {d}.",
                 f"So each word keeps {d} numbers {where}, though it need not."))
        made_grids = (self.q1, self.k1, self.v1)
        # each made table comes down out of the learned matrix that makes it (stacked: it stands under
        # it), whole, one after another (r28: Q, K and V at one moment had no single focus)
        made = [VGroup(g, tag) for g, tag in zip(made_grids, tags[1:])]
        # (grown from the top of its cells: its column names, unseen when stacked, would put the point
        # on W's name)
        # (r29m: Q, K and V stood complete from 3.5 s, then nothing moved for 4 s) stacked: the learned
        # matrices arrive one after another, named, over the whole sentence; Q, K and V are built
        # row by row when "become" is said
        if self.stacked:
            self.narrate(said[0], during(fade_in(tags[0][1], formula), 0.0, 0.2),
                         *(during(Vanish(self.w_blocks[k], back=(0.0, 1.0)), 0.15 + 0.25 * k, 0.4 + 0.25 * k)
                           for k in range(len(self.w_blocks))),
                         run_time=2.6, through=True)
        else:
            self.narrate(said[0], fade_in(tags[0][1], formula), during(fade_in(self.w_blocks), 0.1, 0.45), run_time=2.6)
        # the inner sizes: one word's d numbers (its row of X), the d rows of each learned matrix,
        # and the two sizes in the shapes' line that say they match, lit in turn as they are said
        i = self.focus_row(s)
        x_box = x.row_box(i, th.focus)
        w_boxes = VGroup(*(SurroundingRectangle(b[0].rects, color=th.focus, buff=0.05, stroke_width=4)
                           for b in self.w_blocks))
        self.inner_marks = VGroup(*(Underline(g, color=th.focus, buff=0.06, stroke_width=4)
                                    for line in formula for g in line.inner))
        self.narrate(f"A word's {d} numbers meet the {d} rows of each:", during(FadeIn(x_box), 0.0, 0.25),
                     *(during(FadeIn(b), 0.25 + 0.15 * k, 0.45 + 0.15 * k) for k, b in enumerate(w_boxes)),
                     during(FadeIn(self.inner_marks), 0.75, 0.95), run_time=2.6, through=True)
        # the shape motion: the word's boxed row of d numbers goes, as a box, to its row of d_k in Q,
        # K and V in turn (not stacked, each learned matrix stands where what it makes will: it
        # goes first, and the made tables come down into their places)
        w_rows = [part for b in self.w_blocks for part in (*(m for m in b[0].submobjects if m is not b[0].col_labels), b[1])]
        w_go = ([] if self.stacked else
                [Vanish(self.w_blocks, gone=(0.0, 0.001), parts=[b[0].col_labels for b in self.w_blocks]),
                 Vanish(self.w_blocks, gone=(0.05, 0.25), parts=w_rows),
                 *(during(self._grown(m), 0.25 + 0.08 * k, 0.4 + 0.08 * k) for k, m in enumerate(made))])
        if self.stacked:
            # each made table, empty and named, then built row by row from X's rows (quick: the
            # previous chapter worked them), one table after another
            builds = []
            for k, (g, tag, colour) in enumerate(zip(made_grids, tags[1:], (th.query, th.key, th.value))):
                g.clear_fills()
                # Q, whose entry was worked, a little slower than K and V (one box on X's row at a time)
                start, end = ((0.0, 0.4), (0.42, 0.7), (0.72, 1.0))[k]
                # (r30b: at 0.15 s a row the fill outran the eye: 0.3 s a row now)
                # (Q's worked entry is there already)
                builds.append(during(build_rows(g, x, colour, skip=[(i, 0)] if k == 0 else []), start, end))
            self.row_marks = VGroup()  # (x_box goes in this cue)
            # (r33g must-fix: Q, K and V filled as 15 row flashes, mouse's 1.35 "from nowhere") the
            # three empty tables come, named, one after another as "become" is said; then one entry
            # of Q is worked term by term, W_Q's column lit; then the rest fill row by row
            empties = [part for k, (g, tag) in enumerate(zip(made_grids, tags[1:]))
                       for part in (during(Vanish(g.rects, back=(0.0, 1.0)), 0.15 + 0.25 * k, 0.4 + 0.25 * k),
                                    during(Vanish(tag, back=(0.0, 1.0)), 0.15 + 0.25 * k, 0.4 + 0.25 * k))]
            # (mouse's box goes as the fill's boxes come down X's rows: r30b, two boxes on one edge)
            # (the entry's clause follows it in one cue: shortened only where the short form is true of Q, K
            # and V alike; a V of another width, or a width kept, is said in full)
            become = f"So each word's {d} numbers become {p.d_k}." if d != p.d_k == p.d_v else said[1]
            self._work_query_entry(i, become, [during(FadeOut(w_boxes), 0.0, 0.1),
                                                                    during(FadeOut(x_box), 0.0, 0.1), *empties], builds)
            return
        first = 0.5
        row_boxes = [g.row_box(i, th.focus) for g in made_grids]
        step = (0.95 - first) / len(row_boxes)
        narrowing = [during(TransformFromCopy(x_box, b), first + k * step, first + (k + 0.8) * step)
                     for k, b in enumerate(row_boxes)]
        self.row_marks = VGroup(x_box, *row_boxes)
        self.narrate(said[1], *w_go, during(FadeOut(w_boxes), 0.0, 0.15), *narrowing, run_time=2.6)

    def _work_query_entry(self, i: int, become: str, empties: list, builds: list) -> None:
        """One entry of Q worked by hand (stacked layout: X left of Q, W_Q above it, as a product is
        laid out): word i's row of X times W_Q's first column, lit, term by term with the running
        sum, the camera in on them; the dims that give it said (story.entry_terms_clause: mouse's
        1.35 is 1.30 from animal and 0.05 from W_Q's mood row, not the 1.30 a reader expects). Then
        the rest of Q, K and V fill row by row (`builds`). `become`: said as the empty tables come
        (`empties`) and the camera goes in."""
        s, ex, th = self.first, self.example, self.theme
        x, q, w_pair = self.x, self.q1, self.w_blocks[0]
        w_q, row_names = w_pair[0], w_pair[2]
        # the sweep writes its ledger left of the top table's row names: here X's dims named left of
        # W_Q's rows (not the grid's own labels)
        own = w_q.row_labels
        w_q.row_labels = row_names
        sweep = ProductSweep(x, w_q, q, i, 0, th, left_colour=th.focus, top_colour=th.query, sum_colour=th.focus)
        row_step = w_q.cell(0, 0).height
        sweep.grow_ledger(max(1.0, min(w_q.number(0, 0).font_size / sweep.sums[0].font_size,
                                       0.7 * row_step / max(line.height for line in [*sweep.products, *sweep.sums]))))
        framed = [*sweep.keep(), w_pair[1]]
        w_q.row_labels = own
        # the shapes' line stands where the ledger is written: it steps aside while the entry is worked;
        # what the view would cut (X's rows low in the band), hidden while it is in; W_K, W_V, K and V
        # are not worked here: out of sight too (a column of them at the view's edge read as a second focus)
        x_rows = [VGroup(x.row(r), x.row_labels[r]) for r in range(len(s.tokens))]
        others = [*self.w_blocks[1:], self.k1.rects, self.v1.rects, *self.names1[2:]]
        below = self.cut_by_zoom(framed, [*x_rows, self.names1[0], q.rects, self.names1[1]])
        hidden = hidden_while_zoomed([*below, *others, self.formula, self.inner_marks], x_rows)
        d = ex.d
        parts = entry_terms_clause(s.input[i], self.first.projected.w_q[:, 0], ex.dims)
        entry = (f"{ex.focus}'s q1: {parts}." if parts else f"{ex.focus}'s q1 is its {d} numbers times W_Q's first column.")
        # one cue (the scene's length is bounded): the empty tables come as "become" is said, the
        # camera goes in, and the entry is worked term by term as its parts are said; the sum, the
        # last running total, appears in its cell (a flight from the ledger would cross X's dims'
        # names and W_Q's name)
        self.caption_over(f"{become[:-1]}; {entry}")
        self.play(*empties, run_time=0.5)
        self.play(*(during(move, 0.0, 0.8) for move in self.zoom_on(*framed).animations),
                  *(during(hide, 0.0, 0.3) for hide in hidden[0]),
                  during(AnimationGroup(*sweep.open()), 0.5, 1.0), run_time=1.0)
        self.play(Succession(*(hopping_term(sweep, k) for k in range(d))), run_time=0.5 * np.ceil(1.25 * d))  # (whole half-seconds: a test build at 2 fps rounds each play up)
        # the camera goes out and the rest fill, row by row, under the same cue (a cue of their own
        # made the scene longer than its bound)
        self.play(during(q.fill_in(i, 0), 0.0, 0.12), Vanish(q.number(i, 0), back=(0.0, 0.12)),
                  *(during(FadeOut(c), 0.0, 0.1) for c in sweep.cursors),
                  during(AnimationGroup(*sweep.close(), FadeOut(VGroup(sweep.ledger, sweep.cell_box))), 0.14, 0.24),
                  *(during(move, 0.14, 0.36) for move in self.zoom_out().animations),
                  *(during(back, 0.32, 0.38) for back in hidden[1]()),
                  during(AnimationGroup(*builds), 0.38, 1.0), run_time=3.0)

    def scores_stay_square(self):
        """Q beside Kᵀ: Q·Kᵀ fills the n × n scores."""
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        n, tokens = len(s.tokens), list(s.tokens)
        # Q's and V's cells a little wider than the default: a minus sign then fits at the numbers' size
        self.q = self._operand(p.q, "projected.q", feature_names("q", p.d_k), th.query, cell_w=CELL_W * 1.15)
        # Kᵀ's columns (and so the scores') wider than the default for a short sentence: a score
        # written to 3 decimals ("−1.440") then keeps the numbers' size (a long one has no room)
        self.kt = self.grid(p.k.T, "projected.k.T", row_labels=feature_names("k", p.d_k), col_labels=tokens,
                            value_scale=self.vector_scale, label_color=th.key, col_label_colors=self.token_colors(tokens),
                            cell_w=CELL_W * (1.2 if n <= 6 else 1.0))
        # the scores and √d_k written to the decimals at which every scaled score checks against them
        # (3.188 ÷ 1.414 = 2.25, where 3.19 ÷ 1.414 = 2.26)
        self.score_places, self.root_places = division_decimals(p.scores, p.scaled, scale_factor(p.d_k))
        # every score to those decimals (3.188 beside 2.440, not beside 2.44): one table, one way of writing
        self.scores = self.grid(p.scores, "projected.scores", value_scale=self.score_scale, cell_w=self.kt.cell_w,
                                cell_h=self.q.cell_h, decimals=self.score_places, trim_zeros=False)
        layout = product_layout(self.q, self.kt, self.scores)
        # V and the output are not here: they come when the weights are made (scale_and_softmax), so
        # the product worked now has the frame to itself
        self.tags = VGroup(self._tag("Q", f"{n} × {p.d_k}", th.query).next_to(self.q.rects, DOWN, buff=0.2),
                           self._tag("Kᵀ", f"{p.d_k} × {n}", th.key),
                           self._tag("Scores", f"{n} × {n}", th.text).next_to(self.scores.rects, DOWN, buff=0.2))
        # Kᵀ's name in the corner over its row names, level with its column names (above them it
        # would make the layout taller, and the height is what limits its size)
        self.tags[1].next_to(self.kt.col_labels, LEFT, buff=0.25).align_to(self.kt.row_labels, RIGHT)
        # when the scores need more than 2 decimals (for their division to check), the table says so
        self.decimals_note = (label(f"to {self.score_places} decimals", th, size=NOTE_SIZE, color=th.text)
                              .next_to(self.tags[2], RIGHT, buff=0.4) if self.score_places > 2 else VGroup())
        # (the note placed once the tables are fitted: written larger, r31h, it would shrink them)
        whole = VGroup(layout, self.tags)
        # the score worked by hand writes its products left of Kᵀ's rows, above Q: Q moves left
        # (its rows still beside the scores' rows) until the ledger fits there at its own size, or
        # as far as the tables can shrink with their numbers still readable
        # the score worked is not the one the previous step worked (the focus word's query with its
        # best other key, r18: 2.44 derived twice in a minute): the first other word's, a new number
        i = self.focus_row(s)
        best = strongest_neighbour(s.tokens, p.scores[i], ex.focus)
        j = next((c for c, token in enumerate(s.tokens) if token != ex.focus and c != best), best)
        self.worked = (i, j)
        whole.shift(RIGHT * 100)  # a trial ledger, with all the room it wants, as large as it will be written
        trial = ProductSweep(self.q, self.kt, self.scores, i, j, th, left_colour=th.query, top_colour=th.key,
                             sum_colour=th.focus)
        trial.grow_ledger(self._ledger_growth(trial))
        ledger_width = trial.ledger.width + LEDGER_EXTRA_GAP
        whole.shift(LEFT * 100)
        max_w, max_h = config.frame_width - 2 * MARGIN_X, 3.0 - BOTTOM
        for _ in range(60):
            zoom = min(1.4, max_w / whole.width, max_h / whole.height)
            left_in_frame = -zoom * whole.width / 2 + zoom * (self.kt.row_labels.get_left()[0] - whole.get_left()[0])
            if left_in_frame - 0.3 - (-config.frame_width / 2 + MARGIN_X) >= ledger_width + 0.1:
                break
            VGroup(self.q, self.tags[0]).shift(LEFT * 0.1)
            if min(1.4, max_w / whole.width, max_h / whole.height) < SMALLEST_ZOOM:
                VGroup(self.q, self.tags[0]).shift(RIGHT * 0.1)
                break
        width = whole.width
        fit_to_frame(whole, margin_x=MARGIN_X, top=3.0, bottom=BOTTOM, grow=1.4)
        self.table_zoom = whole.width / width  # labels written later match the ones fitted here
        if len(self.decimals_note):
            # the name and its note centred under the scores (r20: the note ran to the frame's edge)
            self.decimals_note.next_to(self.tags[2], RIGHT, buff=0.4)
            named, rects = VGroup(self.tags[2], self.decimals_note), self.scores.rects
            named.shift(RIGHT * min(rects.get_x() - named.get_x(), rects.get_right()[0] - named.get_right()[0]))
        # the shapes of each product are written where the ledger was, left of Kᵀ's rows
        self.slot_right = self.kt.row_labels.get_left()[0] - 0.3
        self.slot_y = self.kt.rects.get_center()[1]
        self.scores.clear_fills()
        # X and the formula go first: Q then moves over an empty frame; K stays to be turned into Kᵀ
        # X goes, its words with it; Q moves to its place beside the scores, its own words coming as it lands
        # (X's words go with X, and Q's come with Q as it lands: carried across, they stood for a
        # moment without a table, r24)
        q_moves, q_new = settle(moving(self.q1, self.q, self.names1[1], self.tags[0]), move=(0.25, 1.0))
        # V goes with X: it is not used before the weights are (it comes back then, output_width)
        # K goes down into the (still empty) scores' place, low enough that the staircase each of
        # its rows makes on its way into Kᵀ stays below Kᵀ's columns (those landed, and those to come)
        k = self.k1
        h = k.cell(0, 0).get_y() - k.cell(1, 0).get_y() if n > 1 else k.cell_h
        top = max(self.kt.rects.get_bottom()[1] - 0.15 - (p.d_k - 1) * h, BOTTOM + n * h)
        k_down = np.array([self.scores.rects.get_right()[0] - k.rects.get_right()[0], top - k.rects.get_top()[1], 0.0])
        # K's name goes before K moves and comes back over it (under it, it would stand in the
        # subtitles' band; moved there, it crossed K's rows), until the transpose starts (r19: K
        # parked unnamed)
        # K keeps its name while its rows turn (r23: unnamed for the turn): "K" alone over its last
        # column, the one column no row's staircase rises over (stacked: K's column names, there
        # too, are unseen while they rise), until its last row goes; then Kᵀ's name comes
        k_named = self.stacked
        # (r25: K's name dropped off as K moved and came back over it) where there is room under K
        # in its new place (above the subtitles' band), its name rides down with it, under it, and
        # stays there while the rows turn (they rise: nothing of them passes under K)
        k_tag = self.names1[2]
        rides = (k.rects.get_bottom()[1] + k_down[1]) - (k.rects.get_bottom()[1] - k_tag.get_top()[1]) - k_tag.height \
            >= BOTTOM + 0.05
        if rides:
            k_name, k_named, k_goes = k_tag, True, []
            k_comes = [during(k_tag.animate.shift(k_down), 0.3, 1.0)]
        else:
            if k_named:
                k_name = self.names1[2][0].copy()
                k_name.next_to(k.rects.copy().shift(k_down), UP, buff=0.15).set_x(k.cell(0, p.d_k - 1).get_x() + k_down[0])
            else:
                k_name = self.names1[2].copy().next_to(k.rects.copy().shift(k_down), UP, buff=0.15)
            k_goes, k_comes = [k_tag], [during(FadeIn(k_name), 0.85, 1.0)]
        last_row = 0.17 + (n - 1) * KT_ROWS_SPAN / n  # when K's last row leaves (_k_to_columns' timing)
        # V is not used before the weights are (r28f: parked as a small block in the top right corner
        # for 50 s it was clutter, a second focal point): it steps out to the right, whole, the way it
        # comes back as it is used (output_width)
        v_all = VGroup(self.v1, self.names1[3])
        self.v_out = config.frame_width / 2 + 0.2 - v_all.get_left()[0]
        # one thing after another (r28f: X and the W's went and Q, K, V re-packed in 0.6 s): X, its
        # marks and the learned matrices fade; V goes right; then Q and K move to their places
        moves = [Vanish(VGroup(self.x.rects, self.x.numbers, self.x.col_labels, self.x.row_labels, self.names1[0],
                               self.formula, self.inner_marks, self.row_marks, *(self.w_blocks if self.stacked else []),
                               *k_goes), gone=(0.0, 0.35)),
                 # (r29f: slid out through the frame's edge, it was cut) it shrinks and fades towards the
                 # frame's right edge, inside the frame; it comes back the same way (output_width)
                 during(v_all.animate.scale(0.6, about_edge=RIGHT).shift(RIGHT * max(0.0, min(0.6, config.frame_width / 2 - 0.1 - v_all.get_right()[0])))
                        .set_opacity(0.0), 0.05, 0.4),
                 *q_moves, during(k.animate.shift(k_down), 0.3, 1.0), *k_comes]
        self.play(*moves, run_time=1.6)
        self.remove(v_all, *self.v1.get_family())
        # (q1 whole: its numbers were added one by one as they were built)
        self.remove(*self.q1.get_family(), self.names1[1], self.x.row_labels, *self.x.row_labels, *q_new)
        self.add(self.q, self.tags[0])
        self.narrate("Kᵀ turns each word's key into a column:",
                     during(FadeOut(k_name), *((last_row - 0.08, last_row) if k_named else (0.05, 0.17))),
                     *self._k_to_columns(),
                     run_time=3.3)
        # the widths that must match, boxed
        self.widths = VGroup(*(SurroundingRectangle(m, color=th.focus, buff=0.08, stroke_width=4)
                               for m in (self.q.col_labels, self.kt.row_labels)))
        self.narrate(f"{p.d_k} numbers, the same width as the queries.",
                     during(FadeIn(self.widths[1]), 0.1, 0.45), during(FadeIn(self.widths[0]), 0.5, 0.85),
                     run_time=2.0)
        self.remove(*self.names1[:3])  # (V's name is parked with V)
        # one score worked: as many products as Q has columns
        ex = self.example
        i, j = self.worked
        sweep = ProductSweep(self.q, self.kt, self.scores, i, j, th, left_colour=th.query, top_colour=th.key,
                             sum_colour=th.focus)
        # the worked products as large as the tables' numbers (the sweep writes them for tables at
        # their own size: these were fitted larger), no taller than Kᵀ's rows they stand beside
        sweep.grow_ledger(self._ledger_growth(sweep))
        # a little further from Kᵀ's row names than the sweep puts it ("Σ 2.565 k1" read as one), where
        # the frame has the room
        extra = min(LEDGER_EXTRA_GAP, sweep.ledger.get_left()[0] - (-config.frame_width / 2 + MARGIN_X))
        if extra > 0:
            sweep.ledger.shift(LEFT * extra)
        fewer = f", not {ex.d}" if p.d_k != ex.d else ""
        # the camera in on the row, the column, the cell and the ledger: the worked number reads
        # (its moves one by one: played as one group, the heading would leave the scene's top level and
        # zoom_out would not bring it back)
        # Kᵀ's name and first columns framed with what is worked (close enough for the products to
        # read); what the view would cut (Kᵀ's last columns, Q's lower rows in the subtitles'
        # band), hidden while the camera is in
        framed = [*sweep.keep(), *self.kt.col_labels[:min(3, n)], self.tags[1]]
        q_rows = [VGroup(self.q.row(r), self.q.row_labels[r]) for r in range(n)]
        below = self.cut_by_zoom(framed, [*q_rows, self.q.col_labels, self.tags[0], self.kt,
                                          self.scores.rects])
        # a column of Kᵀ cut by the view goes whole (its number without its cell read as loose text)
        kt_columns = [VGroup(self.kt.column(c), self.kt.col_labels[c]) for c in range(n)]
        hidden = hidden_while_zoomed(below, [*q_rows, *kt_columns])
        # (r28: "Kᵀ 2 × 5" over the 3 columns in view) Kᵀ's shape goes while the view cuts its columns
        kt_shape = self.tags[1][1] if len(framed) and n > min(3, n) else None
        kt_step = self.tags[1][1].get_right()[0] - self.tags[1][0].get_right()[0]
        self.narrate(f"One score: {ex.focus}'s query times {tokens[j]}'s key, {p.d_k} products{fewer}.",
                     FadeOut(self.widths), *(during(move, 0.0, 0.35) for move in self.zoom_on(*framed).animations),
                     *(during(hide, 0.0, 0.1) for hide in hidden[0]),  # before the band reaches them
                     *([during(FadeOut(kt_shape), 0.0, 0.1),
                        # (r29m: the name alone stood far left of Kᵀ) it takes the shape's place, over Kᵀ's row names
                        during(self.tags[1][0].animate.shift(RIGHT * kt_step), 0.12, 0.35)] if kt_shape is not None else []),
                     during(FadeIn(VGroup(sweep.row_box, sweep.col_box, sweep.cell_box)), 0.0, 0.3),
                     # the last running sum is the score: it is written as "Added up" says it
                     # (the small boxes fade from cell to cell: slid, they struck through the digits between)
                     Succession(*(hopping_term(sweep, k) for k in range(p.d_k - 1)),
                                AnimationGroup(*hopping_term(sweep, p.d_k - 1).animations[:-1])), run_time=1.2 * p.d_k)
        # the sum appears in its cell (a flight from the ledger would pass over Kᵀ's labels and
        # cells); sweep.deliver(travel=False) would bring in the whole table holding the number,
        # every other score too, before they are computed: the number alone here
        self.narrate(f"Added up: {self.scores.written(sweep.dot.total)}.",
                     during(FadeIn(sweep.sums[-1], shift=0.15 * LEFT), 0.0, 0.35),
                     during(self.scores.fill_in(i, j), 0.4, 0.9), Vanish(self.scores.number(i, j), back=(0.4, 0.9)),
                     *(during(FadeOut(c), 0.0, 0.3) for c in sweep.cursors), run_time=1.2)
        self.play(*sweep.close(), FadeOut(VGroup(sweep.ledger, sweep.cell_box)),
                  *(during(move, 0.0, 0.7) for move in self.zoom_out().animations),
                  *(during(back, 0.7, 1.0) for back in hidden[1]()),
                  *([during(self.tags[1][0].animate.shift(LEFT * kt_step), 0.35, 0.65),
                     during(FadeIn(kt_shape), 0.7, 1.0)] if kt_shape is not None else []), run_time=0.7)
        # (one score was worked: the rest fill quickly, row by row, not worked again)
        self.narrate("Every query still meets every key:", build_rows(self.scores, self.q, th.query, skip=[(i, j)]),
                     during(FadeIn(self.decimals_note), 0.0, 0.2), run_time=0.4 * n + 0.4)
        # the shapes faded in as they are said (written glyph by glyph they read as fragments), the
        # inner widths that must match in colour; the
        # scores' name as their shape is said
        self.shapes = self._shapes((n, p.d_k), (p.d_k, n))
        # the sizes that must match, boxed as "whatever d_k is" is said (an Indicate of the digits
        # would start from the unwritten line, in the same play as the fade)
        # (underlined: a box round one digit ran into the brackets either side of it)
        self.inner_boxes = VGroup(*(Underline(g, color=th.focus, buff=0.06, stroke_width=4)
                                    for g in self.shapes.inner))
        # ("whatever d_k is" is now shown: the next cue writes d's product over this one)
        self.narrate(f"({n} × {p.d_k})·({p.d_k} × {n}) gives {n} × {n} scores,",
                     during(FadeIn(self.shapes), 0.0, 0.8 / 3.0), during(FadeIn(self.tags[2]), 0.45, 0.65),
                     during(FadeIn(self.inner_boxes), 0.7, 0.9), run_time=3.0)
        self._contrast_with_d()

    def _contrast_real(self) -> bool:
        """d against d_k with the real matrices (r29f: grey thumbnails over small text): X, mouse's
        and the worked word's rows boxed, their d products written out and added up (X·Xᵀ's score),
        beside Q and K, mouse's query row and the word's key row boxed, their d_k products (Q·Kᵀ's
        score, worked before), and "100 vs 50 score products" the one caption. Q comes over from
        the product (the rest of it steps aside while this is up). False (nothing played) where the
        tables would not read at their size (a wide d: the blocks, as before) or the products do
        not check from the numbers as written."""
        s, ex, th = self.first, self.example, self.theme
        p, n, d = s.projected, len(s.tokens), ex.d
        i, j = self.focus_row(s), self.worked[1]
        tokens = list(s.tokens)
        if p.d_k >= d:
            return False
        sums = []
        for a, b in ((s.input[i], s.input[j]), (p.q[i], p.k[j])):
            exact = score_products(a, b)
            as_shown = score_products(as_written(a), as_written(b))
            if exact is None or as_shown is None or exact != as_shown:
                return False
            sums.append(exact)
        wide_sum, narrow_sum = sums
        cells = dict(cell_h=CELL_H * 1.2)
        x = self._operand(s.input, "input", None, th.text, cell_w=CELL_W * 1.4, **cells)
        # X's dims named over its columns, each within its column (as the table's own labels, one word
        # widens every column: X was as wide as Q and K together)
        # a long word ("grammar") may reach over its column's edges where its neighbours are short:
        # all at the one size at which each pair of neighbours stays 0.2 apart
        dim_names = VGroup(*(baseline_label(name, th, size=24, color=self.dim_colors().get(c, th.text))
                             .next_to(x.cell(0, c), UP, buff=0.12) for c, name in enumerate(ex.dims)))
        spacing = x.cell(0, 1).get_x() - x.cell(0, 0).get_x() if d > 1 else x.cell_w
        fits = [(spacing - 0.18) / ((a.width + b.width) / 2) for a, b in zip(dim_names, dim_names[1:])]
        fits.append((x.rects.get_right()[0] - x.cell(0, d - 1).get_x()) / (dim_names[-1].width / 2))
        factor = min([1.0, *fits])
        for m in dim_names:
            m.scale(factor)
        base = max(m.get_bottom()[1] for m in dim_names)
        for m in dim_names:
            m.shift(UP * (base - m.get_bottom()[1]))
        x.remove(x.col_labels)
        x.col_labels = dim_names
        x.add(dim_names)
        # (wide enough for a "−0.80" at the numbers' size: narrower, the minus held every number smaller)
        q = self._operand(p.q, "projected.q", feature_names("q", p.d_k), th.query, cell_w=CELL_W * 1.25, **cells)
        k = self.grid(p.k, "projected.k", col_labels=feature_names("k", p.d_k), value_scale=self.vector_scale,
                      label_color=th.key, cell_w=CELL_W * 1.25, **cells)
        numbers_larger([x, q, k], 27)
        for g in (x, q):  # the words at the numbers' size (larger, they took the width the tables need)
            for word in g.row_labels:
                word.scale(24 / word.font_size, about_edge=RIGHT)
        # K's rows level with Q's (Q's words name both), a little apart
        k.shift(q.rects.get_right() + RIGHT * 0.3 - k.rects.get_left() + UP * (q.rects.get_top()[1] - k.rects.get_top()[1]))
        qk = VGroup(q, k)
        # Q's rows level with X's (the same words)
        qk.shift(RIGHT * (x.rects.get_right()[0] + 0.7 - q.row_labels.get_left()[0])
                 + UP * (x.rects.get_top()[1] - q.rects.get_top()[1]))
        # the titles: which product, at which width (d_k defined where it is first named, r29m)
        # (r30f: "X·Xᵀ" / "Q·Kᵀ" over X and an untransposed K read as false: the tables are named as
        # drawn, the products name their lines)
        title_l = VGroup(label("X", th, size=32), label(f"d = {d}", th, size=32)).arrange(RIGHT, buff=0.35)
        # (what d_k is, said as it is shown: r29m, never said; on screen a second line took the tables' height)
        title_r = VGroup(label("Q, K", th, size=32), label(f"d_k = {p.d_k}", th, size=32)).arrange(RIGHT, buff=0.35)
        heads_top = max(x.col_labels.get_top()[1], q.col_labels.get_top()[1], k.col_labels.get_top()[1]) + 0.25
        title_l.move_to([x.rects.get_x(), heads_top + title_r.height - title_l.height / 2, 0.0])
        title_r.move_to([qk.get_x(), heads_top + title_r.height / 2, 0.0])

        def line(sums, name: str = "", colour=None) -> VGroup:
            terms = [t if m == 0 or not t.startswith("−") else f"({t})" for m, t in enumerate(sums.products)]
            parts = []
            if name:
                parts.append(label(name, th, size=30, color=colour or th.text))
            for m, t in enumerate(terms):
                if m:
                    parts.append(label("+", th, size=30))
                parts.append(label(t, th, size=30))
            parts += [label("=", th, size=30), label(sums.total, th, size=30, color=th.focus)]
            # (close-set: the two named lines side by side ran into each other at 0.15)
            row = VGroup(*parts).arrange(RIGHT, buff=0.09)
            at = 1 if name else 0
            if name:
                VGroup(*parts[1:]).shift(RIGHT * 0.12)
            row.name = parts[0] if name else VGroup()
            row.terms = [parts[at]] + [VGroup(parts[at + 2 * m - 1], parts[at + 2 * m]) for m in range(1, len(terms))]
            row.total = VGroup(parts[-2], parts[-1])
            return row

        line_l, line_r = line(wide_sum, "X·Xᵀ:"), line(narrow_sum, "Q·Kᵀ:")
        under = min(x.rects.get_bottom()[1], q.rects.get_bottom()[1]) - 0.35
        line_l.move_to([x.rects.get_x(), under - line_l.height / 2, 0.0])
        line_r.move_to([qk.get_x(), under - line_r.height / 2, 0.0])
        # (named, the lines are wider than their tables: each takes its side's outer edge)
        line_l.shift(RIGHT * min(0.0, x.row_labels.get_left()[0] - line_l.get_left()[0]))
        line_r.shift(RIGHT * max(0.0, k.rects.get_right()[0] - line_r.get_right()[0]))
        big, small = score_multiplications(n, d), score_multiplications(n, p.d_k)
        # (r31c: "100 vs 50" with no derivation) the count worked: n × n scores, each d (d_k) products
        scores_n = score_multiplications(n, 1)
        caption = label(f"{scores_n} × {d} = {big}  vs  {scores_n} × {p.d_k} = {small} score products", th, size=36,
                        color=th.focus)
        caption.next_to(VGroup(line_l, line_r), DOWN, buff=0.35).set_x(VGroup(x, qk).get_x())
        whole = VGroup(title_l, title_r, x, qk, line_l, line_r, caption)
        left_edge, right_edge = -config.frame_width / 2 + MARGIN_X, config.frame_width / 2 - MARGIN_X
        before = x.cell(0, 0).height
        fit_region(whole, left_edge, right_edge, top=self.heading.get_bottom()[1] - 0.25, bottom=BOTTOM, grow=1.6)
        zoom = x.cell(0, 0).height / before
        texts = [*x.numbers, *q.numbers, *k.numbers, *x.col_labels, *x.row_labels, *q.row_labels, *q.col_labels]
        if min(t.font_size for t in texts) < SMALLEST_TEXT - 0.05:
            return False
        # the rows a score reads: inset boxes (mouse's and the word's rows of X are neighbours: boxes
        # outside them would overlap)
        x_rows = VGroup(x.row_box(i, th.focus, buff=-0.04), x.row_box(j, th.focus, buff=-0.04))
        qk_rows = VGroup(q.row_box(i, th.focus, buff=-0.04), k.row_box(j, th.focus, buff=-0.04))
        x_pairs = [VGroup(x.cell_box(i, c, th.focus), x.cell_box(j, c, th.focus)) for c in range(d)]
        qk_pairs = [VGroup(q.cell_box(i, c, th.focus), k.cell_box(j, c, th.focus)) for c in range(p.d_k)]
        # the product steps aside: all but the heading; Q flies to its place here
        keep = set(self.heading.get_family())
        q_family = set(self.q.get_family())
        picture = Group(*(m for m in self.mobjects if m not in keep and m not in q_family))
        q_fly = self.q.copy()
        self.remove(*self.q.get_family())
        self.add(q_fly)
        pair = f"{tokens[i]}·{tokens[j]}"

        def terms_in(row, start: float, end: float) -> list:
            step = (end - start) / (len(row.terms) + 1)
            return [during(FadeIn(row.name), start, start + 0.3 * step),
                    *(during(FadeIn(t), start + step * (m + 0.3), start + step * (m + 0.8)) for m, t in enumerate(row.terms)),
                    during(FadeIn(row.total), end - 0.7 * step, end)]

        self.narrate(f"At d = {d}, {pair} in X·Xᵀ took {d} products;",
                     during(FadeOut(picture, rate_func=linear), 0.0, 0.12),
                     during(Transform(q_fly, q.copy()), 0.12, 0.35),
                     during(fade_in(x, title_l), 0.35, 0.47), during(FadeIn(x_rows), 0.47, 0.55),
                     during(hop_through(x_pairs), 0.55, 0.97), *terms_in(line_l, 0.55, 0.97),
                     run_time=3.4)
        self.remove(q_fly)
        self.add(q)
        self.narrate(f"here d_k, the queries' and keys' width, is {p.d_k}: {small} score products, not {big}.",
                     during(fade_in(k, title_r), 0.0, 0.12), during(FadeIn(qk_rows), 0.12, 0.2),
                     during(hop_through(qk_pairs), 0.2, 0.5), *terms_in(line_r, 0.2, 0.5),
                     during(FadeIn(caption, shift=0.15 * UP), 0.6, 0.75), run_time=4.4)
        # what narrowing gives up (r28f: only "cheaper" was said): X's d named directions against Q's d_k
        dirs = VGroup(SurroundingRectangle(x.col_labels, color=th.focus, buff=0.08, stroke_width=4),
                      SurroundingRectangle(q.col_labels, color=th.focus, buff=0.08, stroke_width=4))
        heads = (": hence several heads" if len(s.multi_head.heads) > 1 else "")
        blind = self._blind_pair(x, q)
        if blind is None:
            self.narrate(f"But a {p.d_k}-wide query compares only {p.d_k} directions{heads}.",
                         during(FadeIn(dirs[0]), 0.1, 0.3), during(FadeIn(dirs[1]), 0.4, 0.6), run_time=3.0)
            panel = [title_l, x, x_rows, line_l, title_r, q, k, qk_rows, line_r, caption, dirs]
        else:
            # (r31c, r31h: "compares only 2 directions" was said over boxed headers) what it cannot see,
            # in the example's own numbers (story.dimensions_blind_pair): a word whose every dim W_Q
            # drops gets the query 0, 0, and a pair that scores high at d scores 0 here
            found, a_rows, a_q = blind
            w_word = tokens[found.word]
            held = listed(found.dims)
            # (r32c, r32g: "a 2-wide query sees only 2 directions" blamed the width) the cause drawn:
            # W_Q's row for the word's dim (all 0, story.dimensions_blind_pair), under Q, boxed as said
            wq_row = self._wq_zero_row(found, q, caption, zoom)
            rows_said = "row is" if len(found.dims) == 1 else "rows are"
            # (r34b must-fix: the product was never written) the word's query as it is made: its one
            # dim's value times W_Q's row (story.row_part_built, read from the data), under that row
            made = self._zero_query_line(found, wq_row, zoom)
            cause = [] if wq_row is None else [during(FadeIn(wq_row[0]), 0.12, 0.3),
                                               during(Create(wq_row[1]), 0.3, 0.42)]
            self.narrate(f"W_Q's {held} {rows_said} all 0, so {w_word}'s query is 0, 0.",
                         during(FadeOut(VGroup(x_rows, qk_rows, line_l, line_r, *([caption] if cause else []))), 0.0, 0.1),
                         *cause,
                         during(FadeIn(a_rows), 0.5, 0.6),
                         # (r32: carried across, its outline passed over Q's row names) boxed in place
                         during(FadeIn(a_q), 0.7, 0.82),
                         *([during(FadeIn(made[0]), 0.55, 0.7), during(FadeIn(made[1]), 0.72, 0.85)] if made else []),
                         run_time=3.2, through=True)
            # then the limit (r32c): d_k numbers cannot keep all d directions: a head chooses
            # (r34b must-fix: only boxed) the choice shown: the dims this W_Q drops struck in X's header
            # (story.dims_read reads them from W_Q)
            read_q = dims_read(p.w_q, ex.dims)
            struck_q = self._struck_headers(x, read_q.dropped if read_q else [])
            self.narrate((f"{p.d_k} numbers can't keep all {d}: this W_Q drops {' and '.join(read_q.dropped)}."
                          if read_q else f"{p.d_k} numbers can't keep all {d}: hence several heads.") if heads else
                         f"{p.d_k} numbers can't keep all {d} directions: each head must choose.",
                         during(FadeIn(dirs[1]), 0.05, 0.2),
                         *([during(Create(struck_q), 0.3, 0.5)] if len(struck_q) else [during(FadeIn(dirs[0]), 0.3, 0.45)]),
                         run_time=3.0)
            if len(struck_q):
                dirs = VGroup(dirs[1], struck_q)
            if made:
                dirs = VGroup(dirs, made)
            x_rows = VGroup(VGroup(), VGroup(a_rows))  # (mouse's box comes back with W_V)
            if wq_row is not None:  # (it leaves with the boxed headers; the caption went as it came)
                dirs, caption = VGroup(dirs, wq_row), VGroup()
            panel = [title_l, x, x_rows, title_r, q, k, a_q, dirs, caption]
            qk_rows, line_r, line_l = VGroup(a_q), VGroup(), VGroup()
            self.mouse_box_later = True
        read = dims_read(p.w_v, ex.dims) if p.d_v < d else None
        shown_v = self._v_through_w(read, x, x_rows, title_l, title_r, zoom, cells, under, line, terms_in,
                                    [title_r, q, k, qk_rows, line_r, caption, dirs, line_l]) if read is not None else None
        if shown_v is not None:
            ghost = self._other_head_keeps(read, x, shown_v[7:], zoom)
            # (the lines went as the ghost came: faded again with the panel, they came back over it)
            panel = [title_l, x, *(shown_v[:7] if ghost else shown_v), *ghost]
        elif read is not None:
            # what the narrow W_V drops outright, for mouse: in X's own row, the dropped dims struck,
            # the kept ones boxed, and V's row written from them right of it, where Q and K stood
            kept_idx = [list(ex.dims).index(name) for name in read.kept]
            dropped_idx = [list(ex.dims).index(name) for name in read.dropped]
            v_row = self.grid(p.v[i:i + 1], "projected.v[focus]", col_labels=feature_names("v", p.d_v),
                              value_scale=self.vector_scale, label_color=th.value, cell_w=CELL_W * 1.25, **cells)
            numbers_larger(v_row, 27)
            v_row.scale(zoom)
            times = VGroup(label("·", th, size=40), self._tag("W_V", f"{d} × {p.d_v}", th.value),
                           label("=", th, size=40)).arrange(RIGHT, buff=0.2).scale(zoom)
            v_name = label("V", th, size=28, color=th.value).scale(zoom)
            row_y = x.cell(i, 0).get_y()
            times.next_to(x.rects, RIGHT, buff=0.4).set_y(row_y)
            v_row.shift(times.get_right() + RIGHT * 0.3 - v_row.rects.get_left() + UP * (row_y - v_row.rects.get_y()))
            v_name.next_to(v_row.rects, RIGHT, buff=0.2)
            v_row.clear_fills()
            strikes = VGroup(*(Line(x.cell(i, c).get_corner(DOWN + LEFT), x.cell(i, c).get_corner(UP + RIGHT),
                                    color=th.focus, stroke_width=5) for c in dropped_idx))
            kept_box = VGroup(*(SurroundingRectangle(x.cell(i, c), color=th.value, buff=0.03, stroke_width=4)
                                for c in kept_idx))
            self.narrate(v_keeps_said(read, tokens[i]),
                         during(FadeOut(VGroup(title_r, q, k, qk_rows, line_r, caption, dirs, x_rows, line_l)), 0.0, 0.15),
                         during(Vanish(VGroup(times, v_row.rects, v_row.col_labels, v_name), back=(0.0, 1.0)), 0.18, 0.33),
                         during(Create(strikes), 0.35, 0.6), during(FadeIn(kept_box), 0.55, 0.65),
                         *(during(Vanish(v_row.number(0, c), back=(0.0, 1.0)), 0.65 + 0.13 * c, 0.78 + 0.13 * c)
                           for c in range(p.d_v)),
                         *(during(v_row.fill_in(0, c), 0.65 + 0.13 * c, 0.78 + 0.13 * c) for c in range(p.d_v)),
                         run_time=3.2, through=True)
            panel = [title_l, x, times, v_row, v_name, strikes, kept_box]
        # the panel goes and the product comes back (Q with it) for its scaling
        # (one after the other, without a pause between: the frame is empty only for the frame between)
        self.play(during(FadeOut(VGroup(*panel), rate_func=linear), 0.0, 0.4),
                  during(FadeIn(Group(picture, self.q), rate_func=linear), 0.4, 0.9), run_time=1.0)
        return True

    def _other_head_keeps(self, read, x, lines, zoom) -> list:
        """(r34b must-fix: "hence several heads" was only said) the choice shown: the dims this W_V
        drops struck in X's header, and, where the lines of X·W_V stood, what the next chapter's other
        head keeps of them (story.other_head_keeps reads its W_V). Played; the pieces left on screen
        (none where no other head reads what this one drops, or the line would not fit)."""
        s, ex, th = self.first, self.example, self.theme
        other = other_head_keeps(s.projected.w_v, [h.w_v for h in s.multi_head.heads], ex.dims)
        if other is None or not len(lines):
            return []
        where = VGroup(*lines)
        kept = listed(other.dims)
        ghost = label(f"next chapter: head {other.head}'s W_V keeps {kept}", th, size=30, color=th.muted).scale(zoom)
        edge = config.frame_width / 2 - MARGIN_X
        if ghost.width > 2 * edge:
            return []
        ghost.move_to([where.get_x(), where.get_top()[1] - ghost.height / 2, 0.0])
        ghost.shift(LEFT * max(0.0, ghost.get_right()[0] - edge) + RIGHT * max(0.0, -edge - ghost.get_left()[0]))
        if ghost.get_bottom()[1] < BOTTOM or ghost.font_size < SMALLEST_TEXT - 0.05:
            return []
        struck = self._struck_headers(x, read.dropped)
        # (boxes round the struck names as well crowded X's header: the line names what head 2 keeps)
        self.narrate(f"Hence several heads: next chapter's head {other.head} keeps {kept}.",
                     during(Create(struck), 0.0, 0.2), during(FadeOut(where), 0.15, 0.3),
                     during(FadeIn(ghost, shift=0.15 * UP), 0.35, 0.55), run_time=3.0)
        return [struck, ghost]

    def _zero_query_line(self, found, wq_row, zoom):
        """(r34b) "and: 1.60 × (0.00, 0.00) = (0.00, 0.00)" under W_Q's zero row (story.row_part_built: the
        word's one dim times that row, every number as written, nothing else in its query): (the
        product, its result), or None where it would not hold or fit."""
        s, ex, th = self.first, self.example, self.theme
        if wq_row is None or len(found.dims) != 1:
            return None
        r = list(ex.dims).index(found.dims[0])
        built = row_part_built(s.input, self.first.projected.w_q, r, found.word)
        if built is None or any(parse_number(v) != 0 for v in (*built.rest, *built.key)):
            return None
        product, result = built.text.split(" = ")
        # on two lines, the product and its result (on one, left of W_Q's name, it fell below the text
        # that reads)
        line = VGroup(VGroup(label(f"{s.tokens[found.word]}:", th, size=30), label(product, th, size=30)).arrange(RIGHT, buff=0.3),
                      VGroup(label("=", th, size=30), label(result, th, size=30, color=th.focus)).arrange(RIGHT, buff=0.15))
        line.arrange(DOWN, buff=0.15, aligned_edge=RIGHT)
        # (under the row there is no room above the subtitles' band) level with it, left of W_Q's
        # name, under X, where the X·Xᵀ line stood: and's row of X times W_Q's row
        line.scale(zoom).next_to(wq_row[0], LEFT, buff=0.5).set_y(wq_row[1].get_y())
        left = -config.frame_width / 2 + MARGIN_X
        if line.get_left()[0] < left:
            line.scale((line.get_right()[0] - left) / line.width, about_edge=RIGHT)
        line.shift(UP * max(0.0, BOTTOM + 0.05 - line.get_bottom()[1]))
        if line[0][0].font_size < SMALLEST_TEXT - 0.05:
            return None
        return line

    def _struck_headers(self, x, names) -> VGroup:
        """A line through each named dim over X's columns: what a projection drops (r34b)."""
        th, dims = self.theme, list(self.example.dims)
        return VGroup(*(Line(x.col_labels[dims.index(n)].get_left() + LEFT * 0.05,
                             x.col_labels[dims.index(n)].get_right() + RIGHT * 0.05,
                             color=th.focus, stroke_width=5) for n in names if n in dims))

    def _wq_zero_row(self, found, q, caption, zoom):
        """(r32c) W_Q's row for the blind word's one dim (all 0: story.dimensions_blind_pair), where the
        lines and the caption stood (they go as it comes), its columns under Q's (the same q1, q2), named "W_Q", and a box round it: (the row
        with its name, the box), or None where the word holds more than one dim or it would not fit."""
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        if len(found.dims) != 1:
            return None
        r = list(ex.dims).index(found.dims[0])
        row = self.grid(p.w_q[r:r + 1], f"projected.w_q[{r}]", row_labels=[found.dims[0]],
                        col_labels=feature_names("q", p.d_k), value_scale=self.vector_scale, label_color=th.query,
                        row_label_colors={0: self.dim_colors().get(r, th.text)}, cell_w=CELL_W * 1.25,
                        cell_h=CELL_H * 1.2)
        numbers_larger(row, 27)
        for word in row.row_labels:
            word.scale(24 / word.font_size, about_edge=RIGHT)
        row.scale(zoom)
        row.shift(RIGHT * (q.cell(0, 0).get_x() - row.cell(0, 0).get_x())
                  + UP * (q.rects.get_bottom()[1] - 0.35 - row.col_labels.get_top()[1]))
        name = label("W_Q", th, size=28, color=th.query).scale(zoom)
        name.next_to(row.row_labels, LEFT, buff=0.3).set_y(row.rects.get_y())
        whole = VGroup(name, row)
        box = SurroundingRectangle(VGroup(row.row_labels, row.rects), color=th.focus, buff=0.08, stroke_width=4)
        if box.get_bottom()[1] < BOTTOM or min(t.font_size for t in [*row.numbers, *row.row_labels]) < SMALLEST_TEXT - 0.05:
            return None
        return VGroup(whole, box)

    def _blind_pair(self, x, q):
        """(r31) What the d_k-wide query cannot see (story.dimensions_blind_pair): (the pair, the
        word's row box in X, its row box in Q), or None where there is no such word or the pair's
        sums would not check from the numbers as written."""
        s, th = self.first, self.theme
        p = s.projected
        found = dimensions_blind_pair(s.input, p.w_q, p.q, p.k, self.example.dims)
        if found is None:
            return None
        w, o = found.word, found.other
        for a, b, sums in ((s.input[w], s.input[o], found.wide), (p.q[w], p.k[o], found.narrow)):
            if score_products(as_written(a), as_written(b)) != sums:
                return None
        return found, x.row_box(w, th.focus, buff=-0.04), q.row_box(w, th.focus, buff=-0.04)

    def _v_through_w(self, read, x, x_rows, title_l, title_r, zoom, cells, under, line, terms_in, leaving):
        """(r30f) "X·W_V = V" where the narrow W_V drops dims outright: W_V itself (d × d_v) right of
        X, its zero rows boxed, mouse's row swept through each of its columns (one running sum a
        column, its products written out, the zero rows' terms 0) and each sum carried up into V's
        row. The pieces left on screen, or None (nothing played) where it would not read: a sum
        that does not check as written, or text below the smallest that reads."""
        s, ex, th = self.first, self.example, self.theme
        p, d = s.projected, ex.d
        i = self.focus_row(s)
        tokens = list(s.tokens)
        sums = []
        for c in range(p.d_v):
            exact = score_products(s.input[i], p.w_v[:, c])
            as_shown = score_products(as_written(s.input[i]), as_written(p.w_v[:, c]))
            if exact is None or as_shown is None or exact != as_shown or parse_number(exact.total) != parse_number(
                    format_number(float(p.v[i, c]), 2)):
                return None
            sums.append(exact)
        v_names = feature_names("v", p.d_v)
        wv = self.grid(p.w_v, "projected.w_v", row_labels=list(ex.dims), col_labels=v_names,
                       value_scale=self.vector_scale, label_color=th.value,
                       row_label_colors={c: self.dim_colors().get(c, th.text) for c in range(d)},
                       cell_w=CELL_W * 1.1, **cells)
        # (V's row level with mouse's row of X: no word of its own, which the width would not hold)
        v_row = self.grid(p.v[i:i + 1], "projected.v[focus]", col_labels=v_names,
                          value_scale=self.vector_scale, label_color=th.value, cell_w=CELL_W * 1.1, **cells)
        numbers_larger([wv, v_row], 27)
        for g in (wv, v_row):
            for word in g.row_labels:
                word.scale(24 / word.font_size, about_edge=RIGHT)
            g.scale(zoom)
        eq = label("=", th, size=40).scale(zoom)
        # X steps aside as needed (it moves, smaller, to the left margin: the whole row then fits)
        later = getattr(self, "mouse_box_later", False)  # (the panel's last rows boxed were another pair's)
        staying = VGroup(title_l, x) if later else VGroup(title_l, x, x_rows[0])
        target = staying.copy()
        xt = target[1]
        mouse_box = xt.row_box(i, th.focus, buff=-0.04) if later else x_rows[0]
        # mouse's row of X, the "=" and V's row on one level; W_V centred on it
        row_y = xt.cell(i, 0).get_y()
        # (no "·" nor V's name beside its row: the title over them says "X·W_V = V", and the width
        # would not hold them at the size that reads)
        wv.shift(xt.rects.get_right() + RIGHT * 0.35 - wv.row_labels.get_left() + UP * (row_y - wv.rects.get_y()))
        eq.next_to(wv.rects, RIGHT, buff=0.2).set_y(row_y)
        v_row.shift(eq.get_right() + RIGHT * 0.2 - v_row.rects.get_left() + UP * (row_y - v_row.rects.get_y()))
        right = VGroup(wv, eq, v_row)
        every = VGroup(target, right)
        left_edge = -config.frame_width / 2 + MARGIN_X
        every.shift(RIGHT * min(0.0, left_edge - xt.row_labels.get_left()[0]))
        room = config.frame_width / 2 - MARGIN_X - left_edge
        shrink = min(1.0, room / (every.get_right()[0] - left_edge))
        every.scale(shrink, about_point=np.array([left_edge, row_y, 0.0]))
        zoom *= shrink
        title_v = label("X·W_V = V", th, size=32).scale(zoom)
        title_v.move_to([right.get_x(), target[0].get_y(), 0.0])
        # each column's sum on its own line under the tables, its total right under V's cell (it goes
        # straight up into it, past nothing)
        lines = []
        top_y = min(xt.rects.get_bottom()[1], wv.rects.get_bottom()[1]) - 0.35
        for c, sp in enumerate(sums):
            ln = line(sp, f"{v_names[c]}:", th.value).scale(zoom)
            ln.shift(RIGHT * (v_row.cell(0, c).get_x() - ln.total[1].get_x()))
            ln.set_y(top_y - ln.height / 2 - c * (ln.height + 0.2))
            if lines:  # (r31h: "v2:" stood 90 px right of "v1:") every line's "=" under the first's
                ln.shift(RIGHT * (lines[0].total[0].get_x() - ln.total[0].get_x()))
            lines.append(ln)
        texts = [*wv.numbers, *wv.row_labels, *wv.col_labels, *v_row.numbers, *v_row.row_labels, *xt.numbers,
                 *xt.row_labels, *xt.col_labels]
        if (min(t.font_size for t in texts) < SMALLEST_TEXT - 0.05 or lines[-1].get_bottom()[1] < BOTTOM
                or min(ln.get_left()[0] for ln in lines) < -config.frame_width / 2 + MARGIN_X):
            return None
        zero_rows = [r for r, name in enumerate(ex.dims) if name in read.dropped]
        # one box round neighbouring zero rows (a box a row, their edges ran into each other)
        runs = [[zero_rows[0]]]
        for r in zero_rows[1:]:
            runs[-1].append(r) if r == runs[-1][-1] + 1 else runs.append([r])
        # (r31h: round the rows and their names, the box ran into "grammar" and crossed the column boxes)
        # round the dropped dims' names only: the column boxes then cross nothing
        zero_boxes = VGroup(*(SurroundingRectangle(VGroup(*(wv.row_labels[r] for r in run)),
                                                   color=th.focus, buff=0.07, stroke_width=4) for run in runs))
        v_row.clear_fills()
        # one sweep a column: W_V's column boxed, the pair box hopping down mouse's row and the column
        # together, the products written as it goes, the sum carried up into V's cell
        start, span = 0.3, 0.62 / p.d_v
        sweeps, col_boxes = [], []
        for c in range(p.d_v):
            t0 = start + c * span
            col_box = wv.column_box(c, th.value)
            col_boxes.append(col_box)
            pairs = [VGroup(xt.cell_box(i, r, th.focus), wv.cell_box(r, c, th.focus)) for r in range(d)]
            t_sum = t0 + 0.72 * span
            sweeps += [during(FadeIn(col_box), t0, t0 + 0.06 * span),
                       during(hop_through(pairs), t0 + 0.06 * span, t_sum), *terms_in(lines[c], t0 + 0.06 * span, t_sum),
                       # (the sum's number rises into its cell as the line's sum is written)
                       during(FadeIn(v_row.number(0, c), shift=0.3 * UP), t_sum, t0 + 0.95 * span),
                       during(v_row.fill_in(0, c), t0 + 0.9 * span, t0 + span)]
            if c < p.d_v - 1:
                sweeps.append(during(FadeOut(col_box), t0 + 0.95 * span, t0 + span))
        self.narrate(v_keeps_said(read, tokens[i]),
                     during(FadeOut(VGroup(*leaving, x_rows[1])), 0.0, 0.1),
                     *([during(Transform(staying, target), 0.08, 0.2)] if shrink < 1.0 or
                       np.linalg.norm(target.get_center() - staying.get_center()) > 1e-3 else []),
                     during(FadeIn(title_v), 0.1, 0.22),
                     during(fade_in(wv), 0.1, 0.22),
                     Vanish(VGroup(eq, v_row.rects, v_row.col_labels), back=(0.14, 0.24)),
                     # (r34b: boxed from the start, its edge ran beside the cells' boxes as they hopped
                     # along it, a double border) mouse's row boxed once its cells are worked
                     *([during(FadeIn(mouse_box), 0.93, 1.0)] if later else []),
                     during(FadeIn(zero_boxes), 0.22, 0.3), *sweeps, run_time=5.2, through=True)
        self.remove(staying)
        self.add(title_l, x, mouse_box)
        return [mouse_box, title_v, wv, eq, v_row, zero_boxes, col_boxes[-1], *lines]

    def _contrast_with_d(self) -> None:
        """d against d_k, as shapes (r27f: the change of shape was never drawn): the product just
        worked shrinks to blocks of cells (Q, Kᵀ and the scores, one cell a cell: its tables' own
        cells move there), beside the same product at d, X·Xᵀ, as the scores step worked it: n × d
        times d × n. In each, one word's row and one column boxed, the inner strip that one score
        reads (d cells wide there, d_k here), "k products per score" and the n × n scores' count
        (story.score_multiplications) under it; the narrower strip said cheaper by that count. Then
        the blocks go back into the tables they came from, and the picture with them."""
        if self._contrast_real():
            return
        s, ex, th = self.first, self.example, self.theme
        p, n, d = s.projected, len(s.tokens), ex.d
        i = self.focus_row(s)
        j = self.worked[1]
        u = 0.3  # a cell's side before fitting

        def block(rows: int, cols: int, colour) -> VGroup:
            return VGroup(*(Rectangle(width=u, height=u, stroke_color=th.grid, stroke_width=1.5)
                            .set_fill(colour, opacity=0.25).move_to([c * u, -r * u, 0.0])
                            for r in range(rows) for c in range(cols)))

        # (r28f, all three reviewers: nothing changed d but a what-if) the one score worked at both
        # widths: the pair's d products of X·Xᵀ beside its d_k products of Q·Kᵀ (story.score_products),
        # written out where they are short enough to read; and what narrowing gives up (d_k < d)
        tokens = list(s.tokens)
        wide_sum, narrow_sum = score_products(s.input[i], s.input[j]), score_products(p.q[i], p.k[j])
        worked_out = wide_sum is not None and narrow_sum is not None and d <= 4
        pair = f"{tokens[i]}·{tokens[j]}"

        def sum_text(sums) -> str:
            terms = [t if k == 0 or not t.startswith("−") else f"({t})" for k, t in enumerate(sums.products)]
            return f"{pair}: {' + '.join(terms)} = {sums.total}"

        sides = VGroup()
        for title, width, left_colour, right_colour, name_left, name_right, sums in (
                (f"d = {d}", d, th.text, th.text, "X", "Xᵀ", wide_sum),
                (f"d_k = {p.d_k}", p.d_k, th.query, th.key, "Q", "Kᵀ", narrow_sum)):
            a, b, c = block(n, width, left_colour), block(width, n, right_colour), block(n, n, th.muted)
            product = VGroup(a, label("·", th, size=40), b, label("=", th, size=40), c).arrange(RIGHT, buff=0.22)
            names = VGroup(*(label(t, th, size=28, color=col).next_to(m, UP, buff=0.12)
                             for t, col, m in ((name_left, left_colour, a), (name_right, right_colour, b),
                                               ("scores", th.text, c))))
            line_y = max(m.get_top()[1] for m in (a, b, c)) + 0.12  # (one baseline over the three)
            for name in names:
                name.shift(UP * (line_y - name.get_bottom()[1]))
            shape = self._shape_line((n, width), (width, n), result=False)
            shape.scale(32 / shape.font_size)
            each = VGroup(label(f"{width} products per score", th, size=30))
            if worked_out:
                each.add(label(sum_text(sums), th, size=28))
                each.arrange(DOWN, buff=0.15)
            count = label(f"{score_multiplications(n, width)} multiplications", th, size=34, color=th.focus)
            asks = [label(f"compares {width} directions", th, size=30)] if p.d_k < d else []
            side = VGroup(label(title, th, size=34), VGroup(names, product), shape, each, count,
                          *asks).arrange(DOWN, buff=0.3)
            side.blocks = (a, b, c)
            sides.add(side)
        # d_k defined where it is first named (r29m: used from here on, never said what it is)
        width_of = label("the queries' and keys' width", th, size=30, color=th.muted)
        sides[1][0] = VGroup(sides[1][0], width_of).arrange(DOWN, buff=0.1)
        sides[1].arrange(DOWN, buff=0.3)
        sides.arrange(RIGHT, buff=1.2, aligned_edge=UP)
        # the two rows on one line (r28: d_k's subscript made its title taller, and its row sat lower):
        # titles top-aligned, the blocks' tops level, what is under them with them
        # (the left's moved down: the right's title is two lines, now)
        VGroup(*sides[0][1:]).shift(UP * (sides[1].blocks[0].get_top()[1] - sides[0].blocks[0].get_top()[1]))
        left_edge, right_edge = -config.frame_width / 2 + MARGIN_X, config.frame_width / 2 - MARGIN_X
        top = self.heading.get_bottom()[1] - 0.3
        # (r29m: the why of a narrower d_k was said, not shown) what the narrow W_V drops outright, for
        # the focus word: its row of X, its dims named, the dropped ones struck, and its row of V made
        # of the rest (story.dims_read: only where W_V has all-zero rows)
        read = dims_read(p.w_v, ex.dims) if p.d_v < d and p.d_k < d else None
        drop = VGroup()
        if read is not None:
            tokens_here = [tokens[i]]
            x_row = self.grid(s.input[i:i + 1], "input[focus]", row_labels=tokens_here, col_labels=list(ex.dims),
                              value_scale=self.vector_scale, row_label_colors=self.token_colors(tokens_here),
                              cell_w=CELL_W * 1.3)
            for j, name in enumerate(ex.dims):  # each dim's name in its colour
                x_row.col_labels[j].set_color(self.dim_colors().get(j, th.text))
            v_row = self.grid(p.v[i:i + 1], "projected.v[focus]", col_labels=feature_names("v", p.d_v),
                              value_scale=self.vector_scale, label_color=th.value, cell_w=CELL_W * 1.3)
            times = VGroup(label("·", th, size=40), self._tag("W_V", f"{d} × {p.d_v}", th.value),
                           label("=", th, size=40)).arrange(RIGHT, buff=0.2)
            v_name = label("V", th, size=28, color=th.value)
            drop = VGroup(x_row, times, v_row).arrange(RIGHT, buff=0.35)
            times.set_y(x_row.rects.get_y())
            v_row.shift(UP * (x_row.rects.get_y() - v_row.rects.get_y()))
            v_name.next_to(v_row.rects, RIGHT, buff=0.2)
            drop.add(v_name)

            dropped_idx = [list(ex.dims).index(name) for name in read.dropped]
            kept_idx = [list(ex.dims).index(name) for name in read.kept]
            drop.strikes = VGroup(*(Line(x_row.cell(0, j).get_corner(DOWN + LEFT), x_row.cell(0, j).get_corner(UP + RIGHT),
                                         color=th.focus, stroke_width=5) for j in dropped_idx))
            drop.parts = (x_row, times, v_row, v_name, kept_idx)
        # (the lower part kept for the dropped dims' row, where it is shown)
        fit_region(sides, left_edge, right_edge, top=top, bottom=BOTTOM + (1.5 if len(drop) else 0.0), grow=1.4)
        if len(drop):
            # in the frame's lower part, under both sides, as large as the room there allows (the sides
            # are as wide as the frame: the row is narrower, and larger than their text)
            below = sides.get_bottom()[1] - 0.35
            drop.scale(min(1.8, 0.85 * (right_edge - left_edge) / drop.width, (below - BOTTOM) / drop.height))
            drop.move_to([0.0, (below + BOTTOM) / 2, 0.0])
            drop.strikes = VGroup(*(Line(x_row.cell(0, j).get_corner(DOWN + LEFT), x_row.cell(0, j).get_corner(UP + RIGHT),
                                         color=th.focus, stroke_width=5) for j in dropped_idx))
        # the strip one score reads: the focus word's row of the left block, the worked column of the
        # right, the score's cell
        for side, width in zip(sides, (d, p.d_k)):
            a, b, c = side.blocks
            side.strips = VGroup(SurroundingRectangle(VGroup(*a[i * width:(i + 1) * width]), color=th.focus, buff=0.03,
                                                      stroke_width=5),
                                 SurroundingRectangle(VGroup(*(b[r * n + j] for r in range(width))), color=th.focus,
                                                      buff=0.03, stroke_width=5),
                                 SurroundingRectangle(c[i * n + j], color=th.focus, buff=0.03, stroke_width=5))
        # the picture, all but the heading and V parked in its corner, steps aside while the shapes are
        # up; Q's, Kᵀ's and the scores' cells go to the blocks on the right (the same number of cells)
        keep = set(self.heading.get_family())
        picture = Group(*(m for m in self.mobjects if m not in keep))
        right = sides[1]
        # (r28: the tables dissolved into numberless blocks through a nearly empty frame) each table's
        # cells, numbers with them, move and shrink into its block, the numbers fading on the way;
        # the tables' own cells and numbers are not drawn meanwhile (the copies stand for them)
        grids = (self.q, self.kt, self.scores)
        targets = list(right.blocks)

        def numbers_at(grid, block, opacity: float) -> VGroup:
            # (each as much smaller as its cell is narrower: scaled by the height, the numbers of a
            # shrinking table ran into one another, r28 fix)
            nums = VGroup()
            for k, num in enumerate(grid.numbers):
                nums.add(num.copy().scale(min(block[k].height / grid.rects[k].height, block[k].width / grid.rects[k].width)).move_to(block[k]).set_opacity(opacity))
            return nums

        movers = [VGroup(g.rects.copy(), g.numbers.copy()) for g in grids]
        homes = [m.copy() for m in movers]
        landed = [VGroup(t, numbers_at(g, t, 0.0)) for g, t in zip(grids, targets)]
        # Kᵀ shrinks in its own place (about its top left), then goes down to its block: straight, it
        # crossed the scores (above them at home, left of them in the panel)
        kt_mid = landed[1].copy()
        kt_mid.shift(movers[1][0].get_corner(UP + LEFT) - kt_mid[0].get_corner(UP + LEFT))
        hidden_cells = [(m, m.get_fill_opacity(), m.get_stroke_opacity())
                        for g in grids for part in (g.rects, g.numbers) for m in part.family_members_with_points()]
        for m, _, _ in hidden_cells:
            m.set_fill(opacity=0.0, family=False).set_stroke(opacity=0.0, family=False)
        left_side, right_side = sides
        others_right = VGroup(right[0], right[1][0], right[1][1][1], right[1][1][3])  # its title, names and signs
        self.add(*movers)
        big, small = score_multiplications(n, d), score_multiplications(n, p.d_k)
        said1 = (f"At d = {d}, {pair} in X·Xᵀ took {d} products;" if worked_out else
                 f"At d = {d}, each score of X·Xᵀ took {d} products;")
        # (a user's d_k may be wider than d: the loader allows it, and then it costs more)
        # (r28f: "Narrower is cheaper" counted only the scores: Q and K cost their own products)
        said2 = (f"here d_k, the queries' and keys' width, is {p.d_k}: {small} score products, not {big}." if p.d_k < d else
                 f"here d_k = d: {d} products, {big} in all, the same." if p.d_k == d else
                 f"here d_k = {p.d_k}: {p.d_k} products, {small} in all, not {big}. Wider costs more.")
        # (linear fades: eased, both ends lingered near nothing and the frame read blank for a moment)
        # the scores' cells go first, then Kᵀ's, then Q's: Q's way right then crosses no block still
        # moving; X·Xᵀ comes once Q's cells have passed its place
        self.narrate(said1, during(FadeOut(picture, rate_func=linear), 0.0, 0.12),
                     # the scores first (to the right, below Kᵀ), Kᵀ (shrunk in place, then down), then Q
                     during(Transform(movers[2], landed[2]), 0.0, 0.16),
                     during(Succession(Transform(movers[1], kt_mid, run_time=0.4), Transform(movers[1], landed[1], run_time=0.6)),
                            0.02, 0.28),
                     during(Transform(movers[0], landed[0]), 0.12, 0.34),
                     during(FadeIn(others_right, rate_func=linear), 0.22, 0.34),
                     during(FadeIn(VGroup(*left_side[:3]), rate_func=linear), 0.32, 0.44),
                     during(FadeIn(left_side.strips), 0.5, 0.65), during(FadeIn(left_side[3]), 0.6, 0.75),
                     run_time=3.4)
        self.remove(*movers)
        self.add(*targets)
        cheaper = SurroundingRectangle(right_side[4], color=th.focus, buff=0.1, stroke_width=4)
        self.narrate(said2, during(FadeIn(right_side[2]), 0.0, 0.1), during(FadeIn(right_side.strips), 0.0, 0.15),
                     during(FadeIn(right_side[3]), 0.1, 0.25), during(FadeIn(left_side[4]), 0.3, 0.42),
                     during(FadeIn(right_side[4]), 0.42, 0.55),
                     *([during(FadeIn(cheaper), 0.75, 0.88)] if p.d_k < d else []), run_time=4.4)
        gives_up = VGroup()
        if p.d_k < d:
            # what narrowing gives up (r28f: only "cheaper" was said): each score compares d_k directions,
            # not d; said with the two lines under the counts, the narrower boxed
            gives_up = SurroundingRectangle(right_side[5], color=th.focus, buff=0.1, stroke_width=4)
            heads = (": hence several heads" if len(s.multi_head.heads) > 1 else "")
            self.narrate(f"But a {p.d_k}-wide query compares only {p.d_k} directions{heads}.",
                         during(FadeOut(cheaper), 0.0, 0.1), during(FadeIn(left_side[5]), 0.1, 0.3),
                         during(FadeIn(right_side[5]), 0.35, 0.55), during(FadeIn(gives_up), 0.6, 0.8), run_time=3.0)
        if len(drop):
            x_row, times, v_row, v_name, kept_idx = drop.parts
            v_row.clear_fills()
            kept_box = VGroup(*(SurroundingRectangle(x_row.cell(0, j), color=th.value, buff=0.03, stroke_width=4)
                                for j in kept_idx))
            self.narrate(v_keeps_said(read, tokens[i]),
                         during(FadeOut(gives_up), 0.0, 0.1),
                         during(Vanish(x_row, back=(0.0, 1.0)), 0.0, 0.2),
                         during(Vanish(VGroup(times, v_row.rects, v_row.col_labels, v_name), back=(0.0, 1.0)), 0.2, 0.35),
                         during(Create(drop.strikes), 0.35, 0.6),
                         # the dims kept, boxed, then V's numbers written from them (no flight: one
                         # would cross W_V's name and V's first number)
                         during(FadeIn(kept_box), 0.55, 0.65),
                         *(during(Vanish(v_row.number(0, c), back=(0.0, 1.0)), 0.65 + 0.13 * c, 0.78 + 0.13 * c)
                           for c in range(p.d_v)),
                         *(during(v_row.fill_in(0, c), 0.65 + 0.13 * c, 0.78 + 0.13 * c) for c in range(p.d_v)),
                         run_time=3.2, through=True)
            gives_up = VGroup(drop, drop.strikes, kept_box)
        backs = [VGroup(t.copy(), numbers_at(g, t, 0.0)) for g, t in zip(grids, targets)]
        kt_mid_back = kt_mid.copy()
        self.remove(*targets)  # (their copies go back: one of each on screen)
        self.add(*backs)
        self.play(during(FadeOut(VGroup(left_side, left_side.strips, right_side.strips, others_right, *right_side[2:],
                                        gives_up), rate_func=linear), 0.0, 0.12),
                  # Q's cells home first (once X·Xᵀ, on its way, has gone), then Kᵀ's (up, then grown in
                  # place), then the scores' (the way back, in the reverse order), their numbers coming
                  # back as they grow
                  # (the picture once they have landed: over cells still moving it stood as a ghost of them)
                  # (Kᵀ grows once the scores are home: before, its last columns crossed their block)
                  during(Transform(backs[0], homes[0]), 0.1, 0.35),
                  during(Succession(Transform(backs[1], kt_mid_back, run_time=0.2 / 0.5),
                                    Transform(backs[1], kt_mid_back.copy(), run_time=0.15 / 0.5),
                                    Transform(backs[1], homes[1], run_time=0.15 / 0.5)), 0.15, 0.65),
                  during(Transform(backs[2], homes[2]), 0.3, 0.5),
                  during(FadeIn(picture, rate_func=linear), 0.7, 0.95), run_time=1.0)
        # the tables' own cells and numbers where their copies stand, at once
        for m, fill, stroke in hidden_cells:
            m.set_fill(opacity=fill, family=False).set_stroke(opacity=stroke, family=False)
        self.remove(*backs)

    def _ledger_growth(self, sweep) -> float:
        """How much larger the worked score's lines are written than the sweep's default: as large
        as Kᵀ's numbers, no taller than Kᵀ's rows they stand beside."""
        row_step = self.kt.cell(0, 0).height
        return max(1.0, min(self.kt.number(0, 0).font_size / sweep.sums[0].font_size,
                            0.7 * row_step / max(line.height for line in [*sweep.products, *sweep.sums])))

    def _shape_line(self, left: tuple, right: tuple, result: bool = True):
        """"(n × k)·(k × m) = (n × m)" (without " = (n × m)" if not `result`), the two inner sizes
        that must match in the focus colour (`line.inner`)."""
        (rows, inner), (inner_right, cols) = left, right
        line = label(f"({rows} × {inner})·({inner_right} × {cols})" + (f" = ({rows} × {cols})" if result else ""),
                     self.theme, size=26)
        # glyph indices (Pango's glyphs skip the spaces) of the two inner sizes
        first = len(f"({rows}×")
        second = len(f"({rows}×{inner})·(")
        line.inner = VGroup(*(VGroup(*line[start:start + len(digits)])
                              for start, digits in ((first, str(inner)), (second, str(inner_right)))))
        line.inner.set_color(self.theme.focus)  # each of the two, one group per size written
        return line

    def _shapes(self, left: tuple, right: tuple):
        """The shapes written where the worked score's products were (left of Kᵀ's rows), the
        product over its result: on one line the slot's width held them small at the frame's edge."""
        (rows, _), (_, cols) = left, right
        product = self._shape_line(left, right, result=False)
        line = VGroup(product, label(f"= ({rows} × {cols})", self.theme, size=26)).arrange(DOWN, buff=0.15)
        line.inner = product.inner
        left_edge = -config.frame_width / 2 + MARGIN_X
        line.scale(min(SLOT_SHAPES_SIZE / 26, (self.slot_right - left_edge) / line.width))
        return line.move_to([(left_edge + self.slot_right) / 2, self.slot_y, 0.0])

    def _weights_layout(self, scaled_tag, weights_tag) -> None:
        """The frame once Q and Kᵀ have given the scores: Weights | V | Output side by side, rows
        level with rows (each word's weights, its row of V, its output), larger than the tables
        of the product before (for a long sentence or a wide V: V above the output, as worked by
        hand); the shapes' line and what the output's width means centred under them.
        The scaled scores stand where the weights will, with the weights' row names (Q's)."""
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        n, tokens = len(s.tokens), list(s.tokens)
        # (rows taller than the default: the three tables fill the frame's width, and its height has room)
        cells = dict(cell_w=CELL_W * 1.2, cell_h=CELL_H * 1.5, number_size=30)
        # the scaled scores (and the weights that take their places) a little wider: a "−1.02" then
        # fits at nearly the size of a "2.70"
        rows = dict(row_labels=tokens, row_label_colors=self.token_colors(tokens), **{**cells, "cell_w": CELL_W * 1.35})
        self.scaled_big = self.grid(p.scaled, "projected.scaled", value_scale=self.score_scale, **rows)
        self.weights = self.grid(p.weights, "projected.weights", value_scale=1.0, **rows)
        # each at the size its own widest number allows: the weights (no minus sign) as large as V's
        # and the output's numbers beside them, not held to the size of the scaled scores' "−1.02"
        numbers_larger(self.scaled_big, cells["number_size"])
        numbers_larger(self.weights, cells["number_size"])
        # V without row names: its rows stand level with the weights' rows, whose names are theirs too
        # (row k of each is word k's), and the three tables then fit the frame with large numbers
        self.v = self.grid(p.v, "projected.v", col_labels=feature_names("v", p.d_v), value_scale=self.vector_scale,
                           label_color=th.value, **cells)
        self.out = self.grid(p.output, "projected.output", value_scale=self.vector_scale,
                             col_labels=feature_names("o", p.d_v), label_color=th.output, **cells)  # (not V's names)
        numbers_larger(self.v, cells["number_size"])  # (a negative value as large as the others)
        numbers_larger(self.out, cells["number_size"])
        # the product's shapes centred under the tables, as large as the opening's line (r14: one
        # small line with the note beside it); what the output's width means on a line under it
        self.shapes = self._shape_line((n, n), (n, p.d_v))
        self.shapes.scale(OUTPUT_SHAPES_SIZE / self.shapes.font_size)
        self.per_word = label(f"{p.d_v} numbers per word, " + (f"not {ex.d}" if p.d_v != ex.d else "as many as X"), th,
                              size=28)
        # and the projection that sets that width, shown as "the projections control the space" is said
        self.wv_tag = self._tag("W_V", f"{ex.d} × {p.d_v}", th.value)
        shapes_line = VGroup(self.shapes, VGroup(self.per_word, self.wv_tag).arrange(RIGHT, buff=0.6)).arrange(DOWN,
                                                                                                                buff=0.2)
        self.v_tag = self._tag("V", f"{n} × {p.d_v}", th.value)
        self.out_tag = self._tag("Output", f"{n} × {p.d_v}", th.output)
        tables = VGroup(self.weights, self.v, self.out)
        left, right = -config.frame_width / 2 + SAFE_MARGIN_X, config.frame_width / 2 - SAFE_MARGIN_X

        def arranged(side_by_side: bool) -> VGroup:
            """The tables side by side (rows level with rows), or, for wide ones, as the product is
            worked by hand (V above the output, the weights beside it); their names; the line above."""
            if side_by_side:
                self.v.shift(self.weights.rects.get_right() + RIGHT * 0.5 - self.v.rects.get_left())
                # (r31: no sum is carried between them any more: the tables as close as V is to the weights)
                gap = 0.5
                self.out.shift(self.v.rects.get_right() + RIGHT * gap - self.out.rects.get_left())
                for g in (self.v, self.out):
                    g.shift(UP * (self.weights.rects.get_top()[1] - g.rects.get_top()[1]))
                self.v_tag.next_to(self.v.rects, DOWN, buff=0.2)
            else:
                product_layout(self.weights, self.v, self.out)
                self.v_tag.next_to(self.v.rects, LEFT, buff=0.3)  # over the weights: under V is the output
            self.out_tag.next_to(self.out.rects, DOWN, buff=0.2)
            # under the tables and their names, in the frame's lower part (above them, small at the
            # top edge, it left that part empty)
            shapes_line.next_to(VGroup(tables, self.v_tag, self.out_tag), DOWN, buff=0.5).set_x(tables.get_x())
            return VGroup(shapes_line, tables, self.v_tag, self.out_tag)

        def size(whole: VGroup) -> float:  # the scale the whole can have in the frame
            return min((right - left) / whole.width, (3.0 - BOTTOM) / whole.height)

        # whichever lets the numbers be larger (side by side for a short sentence and a narrow V)
        side_by_side = size(arranged(True)) >= size(arranged(False))
        whole = arranged(side_by_side)
        self.scaled_big.move_to(self.weights)
        self.scaled_tag_big, self.weights_tag = scaled_tag.copy().scale(1 / self.table_zoom), weights_tag.copy().scale(1 / self.table_zoom)
        for tag in (self.scaled_tag_big, self.weights_tag):
            tag.next_to(self.weights.rects, DOWN, buff=0.2)
        # (centred, clear of the frame's edges by OUTPUT_MARGIN_X: r14's output stood 25 px from the right edge)
        edge = config.frame_width / 2 - OUTPUT_MARGIN_X
        fit_region(VGroup(whole, self.scaled_big, self.scaled_tag_big, self.weights_tag), -edge, edge, top=3.0,
                   bottom=BOTTOM, grow=1.3)
        if side_by_side:
            # the three names on one baseline (r29f: "Weights 5 × 5" and "Output 5 × 2" 3 px apart: the
            # weights' name is a rescaled copy): each name's first letter, a capital, on the lowest one's line
            names = (self.weights_tag, self.scaled_tag_big, self.v_tag, self.out_tag)
            line = min(tag[0][0].get_bottom()[1] for tag in names)
            for tag in names:
                tag.shift(UP * (line - tag[0][0].get_bottom()[1]))
        self.out.clear_fills()
        # which key each column weighs (r17: the columns named no word): the words over the weights'
        # columns in the keys' colour, level with V's and the output's column names (side by side
        # only: otherwise V's name stands over the weights)
        self.key_words = VGroup()
        if side_by_side and len(self.v.col_labels):
            word_size = self.v.col_labels[0].font_size
            for j, token in enumerate(tokens):
                word = fit_label(token, th, width=self.weights.cell(0, j).width * 0.96, size=word_size, color=th.key)
                self.key_words.add(word.next_to(self.weights.cell(0, j), UP, buff=0.1))
            smallest = min(w.font_size for w in self.key_words)  # one size: a smaller "friends" read as a lesser word
            for word in self.key_words:
                word.scale(smallest / word.font_size, about_point=word.get_bottom())
            bottom = max(w.get_bottom()[1] for w in self.key_words)
            for word in self.key_words:
                word.shift(UP * (bottom - word.get_bottom()[1]))
            if smallest < SMALLEST_TEXT:  # a long word in a narrow column: none rather than all unreadable
                self.key_words = VGroup()
        # while the weights are made they have the frame to themselves, in its centre; they move to
        # their place beside V as V comes (output_width)
        # what each row of weights, as written, adds up to, beside it as it is made (0.99 shows why
        # "before rounding"; scale_and_softmax), where V will stand: they go as V comes
        self.row_totals = VGroup(*(label(f"Σ = {t}", th, size=26, color=th.text)
                                   .next_to(self.weights.rects, RIGHT, buff=0.35).set_y(self.weights.cell(r, 0).get_y())
                                   for r, t in enumerate(written_row_totals(p.weights))))
        # each no taller than its row leaves room for (eight rows: at 26 they ran into one another),
        # and so no larger than the table's numbers there
        pitch = self.weights.cell(0, 0)[0].height
        for total in self.row_totals:
            if total.height > 0.65 * pitch:
                total.scale(0.65 * pitch / total.height, about_edge=LEFT)
        # the sums named as sums of the numbers as written (r22, r23: an unnamed "Σ = 0.99" beside
        # weights said to add up to 1 read as an error)
        self.totals_note = label("as written", th, size=22, color=th.text)
        self.totals_note.next_to(self.row_totals, UP, buff=0.15).align_to(self.row_totals, LEFT)
        # where a row of weights is not the softmax of its scaled scores as written (the built-in cat row:
        # from 2.70 −1.02 1.60 −0.62 1.22, mouse's weight is 0.2054, written 0.21, where the table writes
        # 0.20, r24), the weights are said to come from the unrounded scores, under their name
        checks = all(softmax_of_written(row) is not None for row in p.scaled)
        self.unrounded_note = (VGroup() if checks else
                               label("softmax of the unrounded scores", th, size=22, color=th.text)
                               .next_to(self.weights_tag, DOWN, buff=0.12))
        made = VGroup(self.scaled_big, self.scaled_tag_big, self.weights, self.weights_tag, self.key_words, self.row_totals,
                      self.totals_note, self.unrounded_note)
        # (larger there, as far as the frame allows: they shrink back to their place as V comes)
        self.weights_home = VGroup(self.weights, self.weights_tag, self.key_words).get_center()
        room = min(ALONE_GROW, (3.0 - BOTTOM) / made.height, (right - left) / made.width)
        if room < 1.0:  # no room beside the rows (a long sentence): the weights as large, without them
            made.remove(self.row_totals, self.totals_note)
            self.row_totals, self.totals_note = VGroup(), VGroup()
            room = min(ALONE_GROW, (3.0 - BOTTOM) / made.height, (right - left) / made.width)
        made.shift(RIGHT * -made.get_x())
        self.weights_grow = max(1.0, room)
        made.scale(self.weights_grow)
        made.shift(UP * (min(0.0, 3.0 - made.get_top()[1]) + max(0.0, BOTTOM - made.get_bottom()[1])))
        # (r29f: Q stood beside them unused through scaling and softmax, a second focal point: it goes
        # as the scores move, and the scaled scores and the weights have the frame's middle to themselves)
        self.q_big = None

    def scale_and_softmax(self):
        """The scores divided by √d_k where they stand, then each row turned into weights."""
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        n, d = len(s.tokens), ex.d
        self.scaled = self.grid(p.scaled, "projected.scaled", value_scale=self.score_scale, cell_w=self.kt.cell_w,
                                cell_h=self.q.cell_h).scale(self.table_zoom).move_to(self.scores)
        # √d_k as the division uses it (the scaled scores check against it), "≈": it is rounded
        root = shortest(scale_factor(p.d_k), self.root_places)
        # the divisor as large as the name: it is what the numbers are checked against
        scaled_tag = VGroup(label("Scaled scores", th, size=26), label(f"÷ √{p.d_k} ≈ {root}", th, size=26))
        scaled_tag, weights_tag = (scaled_tag.arrange(RIGHT, buff=0.2).scale(self.table_zoom),
                                   self._tag("Weights", f"{n} × {n}", th.text).scale(self.table_zoom))
        for tag in (scaled_tag, weights_tag):
            tag.next_to(self.scores.rects, DOWN, buff=0.2 * self.table_zoom)
        # the scores row by row, the name with the divisor changing with the first row: the name
        # never calls the table what it no longer is (the shapes go first); what the divisor is not
        # beside it as that is said (r18: two cues, the second repeating the end of projections)
        rows = [during(change_in_place(self.scores.row(r), self.scaled.row(r), grow=False), 0.1 + 0.6 * r / n,
                       0.1 + 0.6 * (r + 1) / n) for r in range(n)]
        # (short, to stand on the name's line: "not ÷ √d = 2.00" only fitted over the scores, far from it)
        # (r29f: "not √4" gave no reminder of why: the root of d_k, the queries' and keys' width)
        not_d = label(f"(√d_k, not √{d})" if p.d_k != d else f"(d_k = d = {d})", th, size=26,
                      color=th.text).scale(self.table_zoom)
        not_d.next_to(scaled_tag, RIGHT, buff=0.3 * self.table_zoom)
        # beside the name (r18: over the scores' top right it was far from the divisor it contradicts):
        # the two moved left together where the frame's edge is near (as far as the gap after Q's cells)
        over = not_d.get_right()[0] - (config.frame_width / 2 - MARGIN_X)
        if over > 0 and scaled_tag.get_left()[0] - over >= self.q.rects.get_right()[0] + 0.5:
            scaled_tag.shift(LEFT * over)
            not_d.shift(LEFT * over)
        elif over > 0:  # no room beside it: over the scores
            not_d.next_to(self.scores.rects, UP, buff=0.12).align_to(self.scores.rects, RIGHT)
        # (why √d_k was said with the worked score's d_k products: one short line here)
        # (r30b: √d_k not tied back to the d_k products a score adds up) the products named with it
        said = (f"Each score, a sum of {p.d_k} products, is divided by √{p.d_k}, not √{d}." if p.d_k != d else
                f"Each score is divided by √{p.d_k}: here d_k = d.")
        self.narrate(said, during(FadeOut(VGroup(self.shapes, self.inner_boxes, self.decimals_note)), 0.0, 0.1),
                     during(change_in_place(self.tags[2], scaled_tag, grow=False), 0.1, 0.1 + 0.6 / n), *rows,
                     during(FadeIn(not_d, shift=LEFT * 0.2), 0.75, 0.95), run_time=3.6, through=True)
        # Q and Kᵀ have given what they give: they go, and the scaled scores move (larger, Q's words
        # travelling with their rows) to where the weights, V and the output get the frame
        self._weights_layout(scaled_tag, weights_tag)
        big = self.scaled_big
        # their copies travel (the scaled rows are in the scene as rows: their leaves are what goes)
        # (the name goes as its copy starts: removed here, it was gone for the pause before the cue, r25)
        self.remove(*self.scaled.rects, *self.scaled.numbers)
        # Q goes with them (its words to the scores' rows, which they name too): its cells, its column
        # names and its name travel to beside the scores, as large
        q_parts = VGroup(self.q.rects, self.q.numbers, self.q.col_labels)
        if self.q_big is not None:
            q_cells = [(self.q.cell(r, c), self.q_big.cell(r, c)) for r in range(n) for c in range(p.d_k)]
            # (the copies travel: what they were copied from goes at once; Q's parts in a group of their
            # own: Q itself, played, would come back whole, its words too)
            q_go = [Vanish(q_parts, gone=(0.0, 0.001)), Vanish(self.tags[0], gone=(0.0, 0.001)),
                    *(during(Carry(old, new), 0.25, 0.8) for old, new in q_cells),
                    *(during(Carry(old, new), 0.25, 0.8) for old, new in zip(self.q.col_labels, self.q_big.col_labels)),
                    during(Carry(self.tags[0], self.q_tag_big), 0.25, 0.8)]
        else:  # (no room for Q beside them: it goes)
            q_cells, q_go = [], [Vanish(VGroup(q_parts, self.tags[0]), gone=(0.0, 0.25))]
        # Kᵀ's words (its columns' keys) go to the weights' columns, which weigh those keys: carried
        # over the tables as they move up to them (r25: they went with Kᵀ, and came back there)
        carried_words = len(self.key_words) == n and len(self.kt.col_labels) == n
        kt_parts = [self.kt.rects, self.kt.numbers, self.kt.row_labels, *([] if carried_words else [self.kt.col_labels])]
        words = ([Vanish(self.kt, gone=(0.0, 0.001), parts=[self.kt.col_labels]),
                  *(during(Carry(old, new), 0.25, 1.0) for old, new in zip(self.kt.col_labels, self.key_words))]
                 if carried_words else [during(FadeIn(self.key_words), 0.6, 1.0)] if len(self.key_words) else [])
        relayout = [Vanish(self.kt, gone=(0.0, 0.25), parts=kt_parts), Vanish(VGroup(self.tags[1], not_d), gone=(0.0, 0.25)),
                    Vanish(scaled_tag, gone=(0.0, 0.001)), *q_go,
                    *(during(Carry(self.scaled.cell(r, c), big.cell(r, c)), 0.25, 1.0) for r in range(n) for c in range(n)),
                    # the words between Q and the scores once both have moved (carried, they crossed Q's cells):
                    # Q's go with Kᵀ, the scores' come as the tables land
                    Vanish(self.q.row_labels, gone=(0.0, 0.2)), Vanish(self.weights.row_labels, back=(0.84, 1.0)),
                    during(Carry(scaled_tag, self.scaled_tag_big), 0.25, 1.0), *words]
        # "add up to 1" of the table as shown only if every row as written does (0.99 is not 1)
        total = "add up to 1" if written_rows_read_one(p.weights) else "add up to 1 before rounding"
        # (r34b: said over the move, the sentence ran 2-3 s ahead of the first row turning) the move
        # plays unsaid, and the sentence is said as the rows turn
        self.play(*relayout, run_time=1.4)
        if self.q_big is not None:
            self.remove(*(new for _, new in q_cells), *self.q_big.col_labels, self.q_tag_big)
            self.add(self.q_big, self.q_tag_big)
        # one row after another, each done before the next begins
        # (the name says "Weights" once every row is weights, not while rows below are still scores)
        converting = 0.85
        # each row turns where it stands (r24: rows blanked out, then the weights came): its cells stay
        # and take the weights' colours as each score gives way to its weight (never both at once)
        rows = [during(self._turn_row(big, self.weights, r), converting * r / n, converting * (r + 0.85) / n)
                for r in range(n)]
        totals = [during(FadeIn(t, shift=0.15 * LEFT), converting * (r + 0.6) / n, converting * (r + 1.0) / n)
                  for r, t in enumerate(self.row_totals)]
        totals.append(during(FadeIn(self.totals_note), converting * 0.6 / n, converting / n))  # (with the first sum)
        # while the rows turn, the name says the table is on its way from one to the other
        turning = VGroup(*(label(t, th, size=26) for t in ("Scaled scores", "→", "Weights"))).arrange(RIGHT, buff=0.2)
        turning.scale(self.scaled_tag_big[0].height / turning[0].height).move_to(self.scaled_tag_big)
        first_turn, last_turn = converting * 0.85 / n, (converting * (n - 1) / n, converting * (n - 0.15) / n)
        self.narrate(f"Softmax turns the scores into weights, row by row: each word's weights {total}.", *rows, *totals,
                     # the name changes with the first row and again with the last (r15: "Scaled scores"
                     # stood over weights; r17: "Weights" over rows of scaled scores; r20: "Scaled
                     # scores ÷ √2" over rows already weights)
                     # (as change_in_place twice, the old name out, a moment of nothing, the new in; the
                     # middle name's coming and going one Succession: two animations of it clash)
                     during(FadeOut(self.scaled_tag_big), 0.0, 0.45 * first_turn),
                     during(Succession(FadeIn(turning, run_time=0.45 * first_turn),
                                       Transform(turning, turning.copy(), run_time=last_turn[0] - first_turn),
                                       FadeOut(turning, run_time=0.45 * (last_turn[1] - last_turn[0]))),
                            0.55 * first_turn, last_turn[0] + 0.45 * (last_turn[1] - last_turn[0])),
                     during(FadeIn(VGroup(self.weights_tag, self.unrounded_note)),
                            last_turn[0] + 0.55 * (last_turn[1] - last_turn[0]), last_turn[1]),
                     run_time=0.5 * n + 0.9, through=True)
        self.remove(*big.get_family())  # (its cells were added one by one, as they landed)
        self.add(self.weights)
        # (r34b must-fix: and's zero query had no payoff) its row pointed at: every score 0, so even
        # weights (story.even_weights_of_zero_query: only where a query is 0 and its row reads 1/n)
        tokens = list(s.tokens)
        self.even_box = VGroup()  # (it goes as V comes: output_width; one play both drawing and fading it clashed)
        for r, even in even_weights_of_zero_query(p.q, p.weights)[:1]:
            self.even_box = self.weights.row_box(r, th.focus)
            self.narrate(f"{tokens[r]}'s query is 0: every score 0, so its weights are even, {even} each.",
                         during(Create(self.even_box), 0.0, 0.25), run_time=2.6)

    @staticmethod
    def _turn_row(old, new, r: int) -> AnimationGroup:
        """Row r of `old` turned into row r of `new` (drawn at the same place): each cell stays and
        takes its new colour, its number fades out, then the new one fades in."""
        parts, m = [], old.shape[1]
        for c in range(m):  # left to right, a little after one another: one cell changing at a time
            at = 0.5 * c / max(m - 1, 1)
            parts += [during(Transform(old.cell(r, c)[0], new.cell(r, c)[0].copy()), at, at + 0.5),
                      during(FadeOut(old.number(r, c)), at, at + 0.22), during(FadeIn(new.number(r, c)), at + 0.25, at + 0.5)]
        return AnimationGroup(*parts)

    def output_width(self):
        """The weights times V: the output has V's width, d_v numbers per word."""
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        n, d = len(s.tokens), ex.d
        fewer = f", not {n} × {d}" if p.d_v != d else ""
        # V comes back as it is used, under its name, where the weights make room for it; Q has given
        # its queries: it slides out to the left as the weights make room for V
        # (r28f: parked small in the corner for 50 s it was clutter) V comes back the way it went, from
        # the right, whole and named, once the weights have made room for it
        v_all = VGroup(self.v, self.v_tag)
        # (r29f: from outside the frame it was cut as it came in) from small and clear at the frame's
        # right edge, inside it, the way it went
        v_mover = v_all.copy().scale(0.6).set_opacity(0.0)
        v_mover.shift(RIGHT * (config.frame_width / 2 - 0.1 - v_mover.get_right()[0]))
        self.add(v_mover)
        v_moves = [during(Transform(v_mover, v_all.copy()), 0.3, 0.8)]
        v_new = [v_mover]
        q_out = []
        if self.q_big is not None:
            q_all = VGroup(self.q_big, self.q_tag_big)
            # it shrinks and fades towards the frame's left edge, inside the frame (r26: slid out
            # through the edge, it was cut mid-motion)
            shift = min(0.6, q_all.get_left()[0] - (-config.frame_width / 2 + 0.1))
            q_out = [during(q_all.animate.scale(0.6, about_edge=LEFT).shift(LEFT * max(0.0, shift)).set_opacity(0.0),
                            0.0, 0.3)]
        # the output's frame and its name come with V: the product is worked into it at once
        self.narrate("The weights times V:",
                     during(FadeOut(VGroup(self.row_totals, self.totals_note, self.unrounded_note, self.even_box)), 0.0, 0.25),
                     *q_out,
                     during(VGroup(self.weights, self.weights_tag, self.key_words).animate.scale(
            1 / self.weights_grow).move_to(self.weights_home), 0.05, 0.45), *v_moves,
            during(fade_in(self.out.rects, self.out.col_labels, self.out_tag), 0.85, 1.0),
            run_time=1.8)
        self.remove(*v_new)
        self.add(self.v, self.v_tag)
        if self.q_big is not None:
            self.remove(*self.q_big.get_family(), *self.q_tag_big.get_family())
        # (r30b, both reviewers: cat's o1 and o2 worked term by term re-ran the output step's own work)
        # the product built row by row at once, each word's weights against the whole of V: the
        # point here is its width, said as the rows come
        built = list(range(n))
        v_boxes = [SurroundingRectangle(self.v.rects, color=th.value, buff=0.05, stroke_width=4) for _ in built]
        # worked from the weights as written (two decimals), the output would differ (cat's o1: 1.43,
        # not 1.44): said under the output's name (story.product_of_written_differs), to the end
        self.out_note = VGroup()
        if product_of_written_differs(p.weights, p.v):
            # under the output's name, with it to the end (r28: over the output's column names it stood
            # in the heading's corner): two lines where one is wider than the output
            self.out_note = label("(from unrounded weights)", th, size=NOTE_SIZE, color=th.text)
            if self.out_note.width > self.out.rects.width:
                self.out_note = VGroup(*(label(t, th, size=NOTE_SIZE, color=th.text)
                                         for t in ("(from unrounded", "weights)"))).arrange(DOWN, buff=0.06)
            self.out_note.next_to(self.out_tag, DOWN, buff=0.2).set_x(self.out_tag.get_x())
            self.out_note.shift(LEFT * max(0.0, self.out_note.get_right()[0] - (config.frame_width / 2 - MARGIN_X)))
        self.narrate(f"({n} × {n})·({n} × {p.d_v}) gives the output, {n} × {p.d_v}{fewer}.",
                     during(FadeIn(self.shapes), 0.0, 0.12),
                     during(AnimationGroup(build_rows(self.out, self.weights, th.output, rows=built), hop_through(v_boxes)),
                            0.1, 0.95),
                     # (r34b: 4 s after cat's 1.44 it came late) with the first row, which it is about
                     *([during(FadeIn(self.out_note), 0.12, 0.22)] if len(self.out_note) else []),
                     # what the output's width means, beside the shapes as the output's is said
                     during(FadeIn(self.per_word), 0.6, 0.8), run_time=0.9 * n + 0.5)
        # where that width comes from: W_V's columns, V's, the output's (r18: the dimension story
        # said only at the end, in passing), and that it is free of d_k
        widths = VGroup(*(SurroundingRectangle(g.col_labels, color=th.focus, buff=0.06, stroke_width=4)
                          for g in (self.v, self.out)))
        free = "" if p.d_v == p.d_k else f", not d_k = {p.d_k}"  # (a user's d_v need not equal d_k)
        self.narrate(f"That width is W_V's{free}.", during(FadeIn(self.wv_tag, shift=0.15 * LEFT), 0.0, 0.3),
                     during(FadeIn(widths[0]), 0.3, 0.55), during(FadeIn(widths[1]), 0.55, 0.8), run_time=2.0)
        # (r29: the what-if of a wider W_V is gone: the contrast of d and d_k is the real change of d now,
        # and its time went to that)
        line = VGroup(self.shapes, self.per_word, self.wv_tag, widths)
        # the closing picture larger (r23: ~1.2×): the worked line gone, the output closes up to V (the
        # gap the sum rose through is no longer needed) and the three tables grow as far as the frame
        # holds them with the two captions under them
        # (the note under the output's name goes as the closing picture grows: r37a, kept, it squeezed
        # "the space it lands in" to ~20 px against it; it stood 20 s beside the rows it is about)
        pieces = [self.weights, self.weights_tag, self.key_words, self.v, self.v_tag, self.out, self.out_tag]
        finals, takeaway = self._closing_stage(pieces)
        w, v, out = finals[0], finals[3], finals[5]
        flows = SurroundingRectangle(w.rects, color=th.focus, buff=0.06, stroke_width=4)
        lands = VGroup(*(SurroundingRectangle(m, color=th.output, buff=0.06, stroke_width=4)
                         for m in (v.col_labels, out.rects)))
        # the worked line goes before the tables grow and the whole matrix is boxed: one thing looked
        # at at a time (r15)
        self.narrate("The attention matrix controls where information flows;",
                     during(FadeOut(VGroup(line, self.out_note)), 0.0, 0.2),
                     *(during(Transform(piece, final), 0.2, 0.6) for piece, final in zip(pieces, finals)),
                     during(FadeIn(flows), 0.62, 0.82), during(FadeIn(takeaway[0], shift=0.15 * UP), 0.65, 0.9),
                     run_time=2.0)
        split = head_split_cost(len(s.tokens), d, [h.q.shape[1] for h in s.multi_head.heads])
        self.narrate("W_V controls the space it lands in.", FadeOut(flows, run_time=0.5),
                     during(FadeIn(lands), 0.2, 0.55), during(FadeIn(takeaway[1], shift=0.15 * UP), 0.3, 0.7),
                     run_time=2.0, wait=0.0 if split else 1.0)
        if split is None:  # (one head, or heads that do not split d evenly: no hand-over said)
            return
        # the hand-over to the next step: d split into heads, written under the closing picture's
        # tables, in its captions' place (r27: top right, in the heading's bar, it stood where the eye
        # was not): the captions, said, go first (nothing moves). What the split costs is said as it
        # is (r27 diff reader: "cheaper" after "50, not 100" implied a saving; the heads together
        # take what one head as wide as d does)
        heads, width = split.heads, split.width
        # (r27f: "2 heads × 2" said before heads are taught: a pointer to the next chapter)
        hand = label(f"Next chapter: d = {d} = {heads} heads × {width}", th, size=34, color=th.focus)
        hand.move_to([VGroup(w, v, out).get_x(), takeaway.get_top()[1] - hand.height / 2, 0.0])
        # the cost written under it as it is said (r27: the picture stood still 3.8 s under the words)
        self.hand_cost = label(f"{split.split_total} score multiplications, as for one head of {d}", th, size=26,
                               color=th.text).next_to(hand, DOWN, buff=0.15)
        # (above the subtitles' band, where the captions it replaces were shorter)
        lift = max(0.0, BOTTOM - self.hand_cost.get_bottom()[1])
        for m in (hand, self.hand_cost):
            m.shift(UP * lift)
        # (r28f: the output is n × d_v, X n × d, and nothing said how they meet) the next chapter's W_O
        # (Output = Concat · W_O, X's width) said, written in the cost's place once the cost is said
        # (a third line under it had no room above the subtitles' band)
        back = p.d_v != d  # (where the output is d wide already, W_O joins the heads' outputs into it)
        self.back_to_x = label(f"then W_O: back to {n} × {d}, X's shape" if back else
                               f"then W_O: the heads joined, {n} × {d}", th, size=26,
                               color=th.text).move_to(self.hand_cost)
        self.narrate(f"Next chapter: {d} as {heads} heads of {width}, {split.split_total} score "
                     f"multiplications, as for one head of {d};",
                     FadeOut(lands, run_time=0.4), during(FadeOut(takeaway), 0.0, 0.12),
                     during(FadeIn(hand, shift=0.15 * UP), 0.15, 0.35),
                     during(FadeIn(self.hand_cost, shift=0.15 * UP), 0.55, 0.75),
                     run_time=4.0, wait=0.0)
        self.narrate(f"then W_O brings the output back to {n} × {d}." if back else
                     f"then W_O joins the heads' outputs into {n} × {d}.",
                     during(FadeOut(self.hand_cost, shift=0.15 * UP), 0.0, 0.2),
                     during(FadeIn(self.back_to_x, shift=0.15 * UP), 0.25, 0.5), run_time=2.4, wait=0.0)

    def hand_over(self, run_time: float = 1.2) -> None:
        """The picture the next scene opens on (X, centred, as scenes.handoff builds it) comes in
        from the right as the closing picture goes out to the left, both moving together: r25 saw
        the closing picture fade out and X fade in through a nearly empty frame. The two never
        overlap (a frame's width and a gap apart), and the frame is never empty."""
        if not self.hands_over():
            return
        final = boundary(self.scene_name, self)
        push = config.frame_width + 0.6
        arriving = final.copy().shift(RIGHT * push)
        leaving = Group(*self.mobjects)
        self.play(leaving.animate.shift(LEFT * push), arriving.animate.shift(LEFT * push), run_time=run_time)
        self.remove(*self.mobjects)
        self.add(final)

    def _closing_stage(self, pieces) -> tuple:
        """(copies of `pieces` where the closing picture has them, its two captions): Weights | V |
        Output (and their names) with the output as close to V as the weights are, grown by up to
        CLOSING_GROW and centred in the frame's stage, the captions under them within it."""
        finals = [m.copy() for m in pieces]
        w, v, out, out_tag = finals[0], finals[3], finals[5], finals[6]
        if out.rects.get_left()[0] > v.rects.get_right()[0]:  # side by side: close up
            close = (out.rects.get_left()[0] - v.rects.get_right()[0]) - (v.rects.get_left()[0] - w.rects.get_right()[0])
            VGroup(out, out_tag).shift(LEFT * max(0.0, close))
        tables = VGroup(*finals)
        grow = min(CLOSING_GROW, (config.frame_width - 2 * CLOSING_MARGIN_X) / tables.width)
        home = tables.copy()
        while True:  # as large as the stage's height holds it with the captions under it
            trial = home.copy().scale(max(1.0, grow))
            captions = self._takeaway(trial[0], trial[3], trial[5], VGroup(trial[1], trial[4], trial[6]), shrink=False)
            if grow <= 1.0 or VGroup(trial, captions).height <= 3.0 - BOTTOM:
                break
            grow -= 0.01
        for m in finals:
            m.scale(max(1.0, grow), about_point=tables.get_center())
        captions = self._takeaway(finals[0], finals[3], finals[5], VGroup(finals[1], finals[4], finals[6]))
        # centred: across the frame, and down the stage with the captions
        whole = VGroup(tables, captions)
        whole.shift(RIGHT * -tables.get_x() + UP * ((3.0 + BOTTOM) / 2 - whole.get_y()))
        return finals, captions

    def _takeaway(self, weights, v, out, tags, size: float = 30, shrink: bool = True) -> VGroup:
        """Two captions under the tables' names: "where it flows" under the weights, and under V and
        the output the space it lands in, d_v wide, set by W_V."""
        th, p = self.theme, self.first.projected
        flows = label("where it flows", th, size=size)
        lands = VGroup(label("the space it lands in:", th, size=size),
                       label(f"{p.d_v} wide, set by W_V", th, size=size)).arrange(DOWN, buff=0.12)
        top = min(m.get_bottom()[1] for m in tags) - 0.3
        flows.move_to([weights.rects.get_x(), top - flows.height / 2, 0.0])
        under = VGroup(v, out, tags[1], tags[2])
        lands.move_to([under.get_x(), top - lands.height / 2, 0.0])
        both = VGroup(flows, lands)
        if shrink and both.get_bottom()[1] < BOTTOM:  # (a tall layout: both a little smaller, still at their tops)
            for caption in both:
                caption.scale(min(1.0, (top - BOTTOM) / caption.height), about_edge=UP)
        # within the frame (a narrow V and output: the caption centred under them may overhang)
        edge = config.frame_width / 2 - MARGIN_X
        lands.shift(LEFT * max(0.0, lands.get_right()[0] - edge))
        room = lands.get_right()[0] - (flows.get_right()[0] + 0.7)
        if room < lands.width:  # (never into "where it flows": 0.3 apart, the two read as one line)
            lands.scale(room / lands.width, about_edge=UP + RIGHT)
        return both
