"""Step 2 — Scores = Input × Inputᵀ: every word compared with every word by a dot product."""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, UP, Create, FadeIn, FadeOut, LaggedStart, TransformFromCopy, VGroup, Write

from attention_math.formatting import format_number
from attention_math.breakdown import dot_product
from attention_math.story import strongest_neighbour
from scenes.base import ExplainerScene
from scenes.components import fit_to_frame, label, note, product_layout, text_column


class ScoresScene(ExplainerScene):
    scene_name = "scores"
    chapter = "Scores = Input × Inputᵀ"
    summary = "Every word compared with every word by dot products"
    steps = ("show_operands", "work_one_cell", "fill_matrix", "read_orientation")

    def show_operands(self):
        s, ex, th = self.first, self.example, self.theme
        tokens, dims = list(s.tokens), list(ex.dims)
        self.heading = self.chapter_title()
        self.xt = self.grid(s.input.T, "input.T", row_labels=dims, col_labels=tokens, value_scale=self.vector_scale,
                            label_color=th.key, col_label_colors=self.token_colors(tokens))
        self.x = self.grid(s.input, "input", row_labels=tokens, col_labels=dims, value_scale=self.vector_scale,
                           label_color=th.query, row_label_colors=self.token_colors(tokens), cell_w=self.xt.cell_w)
        self.scores = self.grid(s.simple.scores, "simple.scores", value_scale=self.score_scale, cell_w=self.xt.cell_w)
        self.layout = product_layout(self.x, self.xt, self.scores)
        self.x_name = label("Input", th, size=24, color=th.query)
        self.xt_name = label("Inputᵀ", th, size=24, color=th.key)
        self.scores_name = label("Scores", th, size=24)
        self.x_name.next_to(self.x.rects, DOWN, buff=0.15)
        self.xt_name.next_to(self.xt.rects, RIGHT, buff=0.2)
        self.scores_name.next_to(self.scores.rects, DOWN, buff=0.15)
        fit_to_frame(VGroup(self.layout, self.x_name, self.xt_name, self.scores_name), top=3.0, bottom=-3.1)
        self.play(Write(self.heading), run_time=0.8)
        self.narrate("Put the input on the left, and its transpose on top: each word's vector becomes a column.",
                     FadeIn(self.x), FadeIn(self.x_name), run_time=1.0)
        self.play(TransformFromCopy(self.x, self.xt), FadeIn(self.xt_name), run_time=1.5)
        self.play(FadeIn(self.scores.rects), FadeIn(self.scores_name), run_time=0.6)

    def work_one_cell(self):
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        # the context word the focus word scores highest with (mouse·cat in the built-in example)
        j = strongest_neighbour(s.tokens, s.simple.scores[i], ex.focus)
        self.worked = (i, j)
        dot = dot_product(s.input[i], s.input[j])
        row_box, col_box = self.x.row_box(i, th.query), self.xt.column_box(j, th.key)
        cell_box = self.scores.cell_box(i, j, th.focus)
        self.narrate(f"One cell: {s.tokens[i]} compared with {s.tokens[j]}.", Create(row_box), Create(col_box),
                     Create(cell_box), *self.focus_on([self.x.row(i), self.xt.column(j), self.scores.cell(i, j), row_box,
                                                       col_box, cell_box, self.heading]), run_time=1.2)
        # products line up with the rows of Inputᵀ, one per dimension, with a running sum
        size = 20 * self.xt.cell_h / 0.5
        products = text_column([f"{format_number(a)} × {format_number(b)} = {format_number(p)}"
                                for a, b, p in zip(dot.a, dot.b, dot.products)], th, size=size, row_height=self.xt.cell_h)
        sums = text_column([f"Σ {format_number(r)}" for r in dot.running], th, size=size, color=th.focus, row_height=self.xt.cell_h)
        work = VGroup(products, sums)
        sums.next_to(products, RIGHT, buff=0.3)
        work.next_to(self.xt.row_labels, LEFT, buff=0.35)
        work.shift(UP * (self.xt.row(0).get_center()[1] - products[0].get_center()[1]))
        if work.get_left()[0] < -self.camera.frame_width / 2 + 0.2:
            work.scale_to_fit_width(self.xt.row_labels.get_left()[0] + self.camera.frame_width / 2 - 0.6)
            work.next_to(self.xt.row_labels, LEFT, buff=0.3)
        self.work = work
        for k in range(len(dot.products)):
            anims = [TransformFromCopy(VGroup(self.x.number(i, k), self.xt.number(k, j)), products[k])]
            anims.append(FadeIn(sums[k]) if k == 0 else TransformFromCopy(sums[k - 1], sums[k]))
            caption = (f"Multiply matching components, and add them up: the dot product {s.tokens[i]}·{s.tokens[j]}."
                       if k == 0 else None)
            if caption:
                self.narrate(caption, *anims, run_time=0.9)
            else:
                self.play(*anims, run_time=0.6)
        result = self.scores.number(i, j)
        self.narrate(f"{s.tokens[i]}·{s.tokens[j]} = {format_number(dot.total)}: the more two vectors agree, dimension by dimension, the larger their dot product.",
                     TransformFromCopy(sums[-1], result), run_time=1.2, wait=0.8)
        self.play(FadeOut(VGroup(work, row_box, col_box)), *self.restore(), run_time=0.8)
        self.cell_box = cell_box

    def fill_matrix(self):
        s, th = self.first, self.theme
        i0, j0 = self.worked
        n = len(s.tokens)
        self.caption_over("Every word with every word, all at once: one matrix product.")
        for i in range(n):
            box = self.x.row_box(i, th.query)
            cells = [self.scores.number(i, j) for j in range(n) if (i, j) != (i0, j0)]
            self.play(FadeIn(box), LaggedStart(*(FadeIn(c, scale=1.3) for c in cells), lag_ratio=0.15),
                      run_time=0.7)
            self.remove(box)
        self.play(FadeOut(self.cell_box), run_time=0.3)

    def read_orientation(self):
        s, th = self.first, self.theme
        i = self.focus_row(s)
        caption = note("Rows are queries (the word being updated), columns are keys (the words it looks at).", th)
        box = self.scores.row_box(i, th.focus)
        self.narrate(f"Row {s.tokens[i]} holds its similarity to every word: rows are queries, columns are keys. "
                     "These are similarities, not yet weights.", FadeIn(caption), Create(box), run_time=1.2, wait=2.0)
