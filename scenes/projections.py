"""Step 7 — learned projections: Q = X·W_Q, K = X·W_K, V = X·W_V, and the attention they give."""

from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Create, FadeIn, FadeOut, LaggedStart, TransformFromCopy, VGroup, Write

from attention_math.formatting import format_number
from attention_math.breakdown import dot_product
from attention_math.geometry import projection, query_key_plane
from attention_math.story import ranked, strongest_neighbour
from scenes.base import ExplainerScene
from scenes.components import fit_to_frame, label, note, product_layout, text_column, vector_row
from scenes.geometry import fit_left_half, right_half_plane


def feature_names(prefix: str, width: int) -> list:
    return [f"{prefix}{k + 1}" for k in range(width)]


class ProjectionsScene(ExplainerScene):
    scene_name = "projections"
    chapter = "Learned projections"
    summary = "Q = X·W_Q, K = X·W_K, V = X·W_V"
    needs = ('projection',)
    steps = ("project_queries", "keys_and_values", "questions_and_answers", "compare_attention", "conclude")

    def project_queries(self):
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        tokens, dims = list(s.tokens), list(ex.dims)
        self.heading = self.chapter_title()
        self.w_q = self.grid(p.w_q, "projected.w_q", row_labels=dims, col_labels=feature_names("q", p.d_k),
                             value_scale=self.vector_scale, label_color=th.query, row_label_colors=self.dim_colors())
        self.x = self.grid(s.input, "input", row_labels=tokens, col_labels=dims, value_scale=self.vector_scale,
                           row_label_colors=self.token_colors(tokens), col_label_colors=self.dim_colors())
        self.q = self.grid(p.q, "projected.q", value_scale=self.vector_scale, cell_w=self.w_q.cell_w)
        layout = product_layout(self.x, self.w_q, self.q)
        names = VGroup(label("X", th, size=26).next_to(self.x.rects, DOWN, buff=0.15),
                       label("W_Q  (learned)", th, size=24, color=th.query).next_to(self.w_q.rects, RIGHT, buff=0.25),
                       label("Q", th, size=26, color=th.query).next_to(self.q.rects, DOWN, buff=0.15))
        fit_to_frame(VGroup(layout, names), top=3.0, bottom=-2.7)
        self.play(Write(self.heading), run_time=0.8)
        self.narrate("Real transformers do not compare the raw embeddings. Each word's vector is first multiplied by a learned matrix.",
                     FadeIn(self.x), FadeIn(names[0]), FadeIn(self.w_q), FadeIn(names[1]), run_time=1.5)
        i = self.focus_row(s)
        dot = dot_product(s.input[i], p.w_q[:, 0])
        boxes = VGroup(self.x.row_box(i, th.focus), self.w_q.column_box(0, th.query), self.q.cell_box(i, 0, th.focus))
        size = 20 * self.w_q.cell_h / 0.5
        work = text_column([f"{format_number(a)} × {format_number(b)}" for a, b in zip(dot.a, dot.b)], th, size=size,
                           row_height=self.w_q.cell_h)
        work.next_to(self.w_q.row_labels, LEFT, buff=0.35)
        work.shift(UP * (self.w_q.row(0).get_center()[1] - work[0].get_center()[1]))
        total = label(f"= {format_number(dot.total)}", th, size=size + 2, color=th.focus).next_to(work, DOWN, buff=0.12)
        total.align_to(work, RIGHT)
        self.play(FadeIn(self.q.rects), FadeIn(names[2]), run_time=0.5)
        self.narrate(f"One entry: {ex.focus}'s row times the first column of W_Q.", Create(boxes),
                     LaggedStart(*(TransformFromCopy(VGroup(self.x.number(i, k), self.w_q.number(k, 0)), work[k])
                                   for k in range(len(dims))), lag_ratio=0.2), run_time=1.5)
        self.play(FadeIn(total), run_time=0.5)
        self.play(TransformFromCopy(total, self.q.number(i, 0)), run_time=0.8)
        self.play(FadeOut(VGroup(work, total, boxes)), run_time=0.4)
        self.narrate(f"The whole matrix at once: Q has one row per word, {p.d_k} columns.",
                     LaggedStart(*(FadeIn(self.q.number(r, c)) for r in range(len(tokens)) for c in range(p.d_k)
                                   if (r, c) != (i, 0)), lag_ratio=0.05), run_time=1.5, wait=0.5)
        self.layout, self.names = layout, names

    def keys_and_values(self):
        s, th = self.first, self.theme
        p = s.projected
        tokens = list(s.tokens)
        specs = [("Q = X·W_Q", p.q, "projected.q", th.query, "q", p.d_k),
                 ("K = X·W_K", p.k, "projected.k", th.key, "k", p.d_k),
                 ("V = X·W_V", p.v, "projected.v", th.value, "v", p.d_v)]
        blocks = []
        for text, values, name, colour, prefix, width in specs:
            g = self.grid(values, name, row_labels=tokens, col_labels=feature_names(prefix, width), value_scale=self.vector_scale,
                          label_color=colour, row_label_colors=self.token_colors(tokens))
            blocks.append(VGroup(label(text, th, size=26, color=colour).next_to(g, UP, buff=0.25), g))
        row = VGroup(*blocks).arrange(RIGHT, buff=0.9, aligned_edge=UP)
        fit_to_frame(row, top=2.9, bottom=-2.4)
        self.play(FadeOut(VGroup(self.layout, self.names)), FadeIn(blocks[0]), run_time=0.8)
        self.narrate("Two more learned matrices give the keys and the values.",
                     LaggedStart(FadeIn(blocks[1]), FadeIn(blocks[2]), lag_ratio=0.5), run_time=1.5)
        line = note("W_Q and W_K decide what is compared; W_V decides what is passed on.", th)
        self.narrate("W_Q and W_K decide what gets compared; W_V decides what gets passed on.", FadeIn(line),
                     run_time=1.0, wait=1.5)
        self.play(FadeOut(VGroup(row, line)), run_time=0.6)

    def questions_and_answers(self):
        """Queries and keys as arrows in their own space: the focus word's query and every key; the
        learned score is how well they align (the query's shadow on a key, times the key's length)."""
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        plane = query_key_plane(p.q, p.k)
        if plane is None:
            return  # d_k = 1: no plane
        tokens = list(s.tokens)
        i = self.focus_row(s)
        best = strongest_neighbour(tokens, p.scores[i], ex.focus)
        self.qk_projection = projection(p.q[i], p.k[best], plane)
        keys = plane.coordinates(p.k)
        query = plane.coordinates(p.q[i])
        self.qk_plane = right_half_plane(self, plane, np.vstack([keys, query, self.qk_projection.foot]), named_dims=False)
        query_vec = self.qk_plane.vector("query", query, th.query, text=f"{ex.focus}'s query")
        words = list(dict.fromkeys(tokens))
        self.qk_plane.words(words, plane.coordinates(np.array([p.k[tokens.index(w)] for w in words])),
                            {w: th.key for w in words})
        # left: the query the arrows are drawn from, and its learned score with every key
        q_row = vector_row(p.q[i], th, name="projected.q[focus]", value_scale=self.vector_scale,
                           col_labels=feature_names("q", p.d_k))
        score_row = vector_row(p.scores[i], th, name="projected.scores[focus]", value_scale=self.score_scale,
                               col_labels=tokens)
        self.shown += [q_row, score_row]
        q_name = label(f"{ex.focus}'s query", th, size=22, color=th.query)
        k_name = label("q · k: the learned scores", th, size=22)
        view = (f"d_k = {p.d_k}: this plane is the whole space." if plane.exact else
                f"A 2-D view: {plane.names[0]} and {plane.names[1]} of d_k = {p.d_k}.")
        caveat = label(view, th, size=20, color=th.muted)
        left = VGroup(VGroup(q_name, q_row).arrange(DOWN, buff=0.15), VGroup(k_name, score_row).arrange(DOWN, buff=0.15),
                      caveat).arrange(DOWN, buff=0.5)
        fit_left_half(left)
        self.narrate(f"W_Q turns {ex.focus} into a question, W_K each word into an answer, in a space of their own.",
                     FadeIn(left), FadeIn(self.qk_plane), self.qk_plane.grow([w for w in words]),
                     self.qk_plane.grow_one(query_vec), run_time=2.0)
        figure = self.qk_plane.projection(self.qk_projection, th.query)
        self.qk_figure = figure
        shadow = figure.animation() or self.qk_plane.highlight(tokens[best])
        own_first = tokens[ranked(p.scores[i])[0]] == ex.focus
        self.narrate(f"The learned score is how well they align: {'after its own key, ' if own_first else ''}{ex.focus}'s "
                     f"query meets {tokens[best]}'s key best, {format_number(p.scores[i, best])}.",
                     Create(score_row.cell_box(0, best, th.key)), shadow, run_time=1.5, wait=1.0)
        self.play(FadeOut(VGroup(left, self.qk_plane, figure, *self.qk_plane.vectors.values())),
                  *(FadeOut(m) for m in self.mobjects if m is not self.heading), run_time=0.6)

    def compare_attention(self):
        s, ex, th = self.first, self.example, self.theme
        tokens = list(s.tokens)
        i = self.focus_row(s)
        kw = dict(row_labels=tokens, col_labels=tokens, value_scale=1.0, row_label_colors=self.token_colors(tokens),
                  col_label_colors=self.token_colors(tokens))
        simple = self.grid(s.simple.weights, "simple.weights", **kw)
        learned = self.grid(s.projected.weights, "projected.weights", **kw)
        heads = [label("Q = K = V = X (simplified)", th, size=24),
                 label(f"softmax(Q·Kᵀ / √{s.projected.d_k})  (learned)", th, size=24, color=th.query)]
        blocks = [VGroup(h.next_to(g, UP, buff=0.3), g) for h, g in zip(heads, (simple, learned))]
        row = VGroup(*blocks).arrange(RIGHT, buff=1.2, aligned_edge=UP)
        fit_to_frame(row, top=2.9, bottom=-2.4)
        self.play(FadeIn(blocks[0]), run_time=0.8)
        self.narrate("The same mechanism (dot products, scaling, softmax) on Q and K gives a new attention matrix.",
                     TransformFromCopy(simple, learned), FadeIn(heads[1]), run_time=1.5)
        boxes = VGroup(simple.row_box(i, th.focus), learned.row_box(i, th.focus))
        top_simple = strongest_neighbour(tokens, s.simple.weights[i], ex.focus)
        top_learned = strongest_neighbour(tokens, s.projected.weights[i], ex.focus)
        self.narrate(f"{ex.focus} now gives {format_number(s.projected.weights[i, top_learned])} to {tokens[top_learned]} "
                     f"(it gave {format_number(s.simple.weights[i, top_simple])} to {tokens[top_simple]}): "
                     + ("the learned weights sharpen what matters." if s.projected.weights[i].max() > s.simple.weights[i].max()
                        else "the learned weights spread attention differently."), Create(boxes), run_time=1.2, wait=1.5)
        self.row = row

    def conclude(self):
        line = note("The mechanism is fixed. The projections are learned.", self.theme, size=26)
        self.narrate("The mechanism is fixed; what is learned is the projections.", FadeIn(line), run_time=1.0, wait=2.0)
