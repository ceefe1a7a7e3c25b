"""Step 8 — changing dimensionality: d_k and d_v need not equal d; the shapes say so.

Each product is laid out as worked by hand (the right factor above the result, the left one beside
it, scenes.components.product_layout), so the shapes can be read off the picture: the left
factor's rows are the result's rows, the top factor's columns its columns, and the sizes that
meet in the middle must match. The result is built row by row from its factors
(scenes.motion.build_rows)."""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, FadeIn, VGroup, Write

from attention_math.core import scale_factor
from attention_math.formatting import format_number
from scenes.base import ExplainerScene
from scenes.components import fit_to_frame, label, product_layout
from scenes.geometry import SUBTITLE_TOP
from scenes.motion import build_rows, during, fade_in, fade_out
from scenes.projections import feature_names


class DimensionsScene(ExplainerScene):
    scene_name = "dimensions"
    chapter = "Changing dimensionality"
    summary = "d_k and d_v need not equal d"
    needs = ('projection',)
    steps = ("value_width", "key_width", "output_width")

    def _product(self, left, top, result, names, shapes, colours):
        """left × top = result laid out by hand, each named with its shape ("X  5 × 4"): the left
        one's name under it, the top one's to its right, the result's under it. The result's cells
        start empty. Returns the layout with its names (`.names`) and the empty quadrant's corner
        (`.corner`: left of the top factor, above the left one) for a callout."""
        layout = product_layout(left, top, result)
        tags = VGroup(*(VGroup(label(name, self.theme, size=26, color=colour),
                               label(shape, self.theme, size=22, color=self.theme.muted)).arrange(RIGHT, buff=0.2)
                        for name, shape, colour in zip(names, shapes, colours)))
        tags[0].next_to(left.rects, DOWN, buff=0.18)
        tags[1].next_to(top.rects, RIGHT, buff=0.3)
        tags[2].next_to(result.rects, DOWN, buff=0.18)
        whole = VGroup(layout, tags)
        fit_to_frame(whole, top=3.0, bottom=SUBTITLE_TOP + 0.1, grow=1.6)
        result.clear_fills()
        whole.names = tags
        return whole

    def _callout(self, whole, lines):
        """A few short lines in the empty quadrant, above the left factor and left of the top one."""
        left, top = whole[0][0], whole[0][1]
        text = VGroup(*(label(t, self.theme, size=22, color=self.theme.muted) for t in lines))
        text.arrange(DOWN, buff=0.12, aligned_edge=LEFT)
        right = (top.row_labels if len(top.row_labels) else top.rects).get_left()[0] - 0.3
        bottom = (left.col_labels if len(left.col_labels) else left.rects).get_top()[1] + 0.2
        width, height = right + self.camera.frame_width / 2 - 0.4, self.heading.get_bottom()[1] - 0.2 - bottom
        text.scale(min(1.0, width / text.width, height / text.height))
        return text.shift([right - text.get_right()[0], bottom - text.get_bottom()[1], 0])

    def _grids(self, left, top, result, label_colours):
        """The three grids of a product: the result takes the top factor's cell width and the left
        one's cell height, so its cells line up with both; it needs no labels of its own."""
        (lv, ln, lrows, lcols), (tv, tn, trows, tcols), (rv, rn) = left, top, result
        t = self.grid(tv, tn, row_labels=trows, col_labels=tcols, value_scale=self.vector_scale, label_color=label_colours[1])
        lg = self.grid(lv, ln, row_labels=lrows, col_labels=lcols, value_scale=self.vector_scale, label_color=label_colours[0],
                       row_label_colors=self.token_colors(lrows))
        r = self.grid(rv, rn, value_scale=self.vector_scale, cell_w=t.cell_w, cell_h=lg.cell_h)
        return lg, t, r

    def _build(self, text, whole, colour, per_row=0.6, wait=1.0):
        left, result = whole[0][0], whole[0][2]
        self.narrate(text, build_rows(result, left, colour), during(FadeIn(whole.names[2]), 0.0, 0.25),
                     run_time=per_row * result.shape[0], wait=wait)

    def value_width(self):
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        n, d = len(s.tokens), ex.d
        tokens, dims = list(s.tokens), list(ex.dims)
        self.heading = self.chapter_title()
        x, w, v = self._grids((s.input, "input", tokens, dims), (p.w_v, "projected.w_v", dims, feature_names("v", p.d_v)),
                              (p.v, "projected.v"), (th.text, th.value))
        whole = self._product(x, w, v, ("X", "W_V", "V"), (f"{n} × {d}", f"{d} × {p.d_v}", f"{n} × {p.d_v}"),
                              (th.text, th.value, th.value))
        self.play(Write(self.heading), *self.take_over(x, whole.names[0][0]), run_time=1.0)
        self.narrate(f"W_V need not be square: here it maps each {d}-dimensional word to {p.d_v} numbers.",
                     fade_in(w, v.rects, whole.names[0][1], whole.names[1]), run_time=1.2)
        self._build(f"{n} × {d} times {d} × {p.d_v} gives {n} × {p.d_v}: the inner sizes must match, the outer ones remain.",
                    whole, th.value)
        self.play(fade_out(whole), run_time=0.6)

    def key_width(self):
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        n, d = len(s.tokens), ex.d
        tokens = list(s.tokens)
        q, kt, sc = self._grids((p.q, "projected.q", tokens, feature_names("q", p.d_k)),
                                (p.k.T, "projected.k.T", feature_names("k", p.d_k), tokens),
                                (p.scores, "projected.scores"), (th.query, th.key))
        whole = self._product(q, kt, sc, ("Q", "Kᵀ", "Scores"), (f"{n} × {p.d_k}", f"{p.d_k} × {n}", f"{n} × {n}"),
                              (th.query, th.key, th.text))
        callout = self._callout(whole, [f"d_k = {p.d_k}, not d = {d}", f"scores: still {n} × {n}",
                                        f"scaled by √d_k = {format_number(scale_factor(p.d_k))}"])
        self.narrate(f"Queries and keys live in their own width, d_k = {p.d_k}; they only need to match each other.",
                     fade_in(q, kt, sc.rects, whole.names[:2]), run_time=1.2)
        self._build(f"Every query still meets every key: {n} × {n} scores, whatever d_k is.", whole, th.text, per_row=0.5,
                    wait=0.0)
        self.narrate(f"And the scores are scaled by the square root of d_k = {p.d_k}, not of d.", FadeIn(callout),
                     run_time=0.8, wait=0.8)
        self.play(fade_out(whole, callout), run_time=0.6)

    def output_width(self):
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        n, d = len(s.tokens), ex.d
        tokens = list(s.tokens)
        a, v, out = self._grids((p.weights, "projected.weights", tokens, tokens),
                                (p.v, "projected.v", tokens, feature_names("v", p.d_v)),
                                (p.output, "projected.output"), (th.text, th.value))
        whole = self._product(a, v, out, ("Attention", "V", "Output"), (f"{n} × {n}", f"{n} × {p.d_v}", f"{n} × {p.d_v}"),
                              (th.text, th.value, th.output))
        callout = self._callout(whole, [f"{p.d_v} numbers per word", f"instead of {d}"])
        self.narrate(f"The output takes the values' width: {n} × {p.d_v}, not {n} × {d}.",
                     fade_in(a, v, out.rects, whole.names[:2]), run_time=1.2)
        self._build("Each output row mixes the value rows with that word's attention weights.", whole, th.output,
                    wait=0.0)
        self.narrate("The attention matrix controls where information flows; the projections control the space it lands in.",
                     FadeIn(callout), run_time=1.0, wait=2.0)
