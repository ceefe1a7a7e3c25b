"""Step 8 — changing dimensionality: d_k and d_v need not equal d; the shapes say so."""

from __future__ import annotations

from manim import RIGHT, UP, FadeIn, FadeOut, TransformFromCopy, VGroup, Write

from attention_math.core import scale_factor
from attention_math.formatting import format_number
from scenes.base import ExplainerScene
from scenes.components import fit_to_frame, label, note, shape_tag
from scenes.projections import feature_names


class DimensionsScene(ExplainerScene):
    scene_name = "dimensions"
    chapter = "Changing dimensionality"
    summary = "d_k and d_v need not equal d"
    needs = ('projection',)
    steps = ("value_width", "key_width", "output_width")

    def _equation(self, parts, top=2.9, bottom=-2.3):
        """Matrices with operators between them, each with its shape written underneath."""
        row = VGroup()
        for k, (mob, op) in enumerate(parts):
            row.add(mob)
            if op:
                row.add(label(op, self.theme, size=34, color=self.theme.muted))
        row.arrange(RIGHT, buff=0.35)
        fit_to_frame(row, top=top, bottom=bottom)
        return row

    def _block(self, values, name, text, colour, row_labels=None, col_labels=None, shape=""):
        g = self.grid(values, name, row_labels=row_labels, col_labels=col_labels, value_scale=self.vector_scale,
                      label_color=colour, row_label_colors=self.token_colors(row_labels or []) if row_labels else None)
        head = label(text, self.theme, size=24, color=colour).next_to(g, UP, buff=0.25)
        tag = shape_tag(g, shape, self.theme, size=22)
        return VGroup(head, g, tag)

    def value_width(self):
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        n, d = len(s.tokens), ex.d
        tokens, dims = list(s.tokens), list(ex.dims)
        self.heading = self.chapter_title()
        x = self._block(s.input, "input", "X", th.text, tokens, dims, f"{n} × {d}")
        w = self._block(p.w_v, "projected.w_v", "W_V", th.value, dims, feature_names("v", p.d_v), f"{d} × {p.d_v}")
        v = self._block(p.v, "projected.v", "V", th.value, tokens, feature_names("v", p.d_v), f"{n} × {p.d_v}")
        row = self._equation([(x, "·"), (w, "="), (v, None)])
        self.play(Write(self.heading), run_time=0.8)
        self.narrate(f"W_V need not be square: here it maps each {d}-dimensional word to {p.d_v} numbers.",
                     FadeIn(row[:4]), run_time=1.2)
        self.narrate(f"{n} × {d} times {d} × {p.d_v} gives {n} × {p.d_v}: the inner sizes must match, the outer ones remain.",
                     TransformFromCopy(VGroup(x, w), v), run_time=1.5, wait=1.0)
        self.play(FadeOut(row), run_time=0.6)

    def key_width(self):
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        n, d = len(s.tokens), ex.d
        tokens = list(s.tokens)
        q = self._block(p.q, "projected.q", "Q", th.query, tokens, feature_names("q", p.d_k), f"{n} × {p.d_k}")
        kt = self._block(p.k.T, "projected.k.T", "Kᵀ", th.key, feature_names("k", p.d_k), tokens, f"{p.d_k} × {n}")
        sc = self._block(p.scores, "projected.scores", "Scores", th.text, tokens, tokens, f"{n} × {n}")
        row = self._equation([(q, "·"), (kt, "="), (sc, None)])
        line = note(f"d_k = {p.d_k}, not d = {d}: the scores are still {n} × {n}, and they are scaled by "
                    f"√d_k = {format_number(scale_factor(p.d_k))}.", th)
        self.narrate(f"Queries and keys live in their own width, d_k = {p.d_k}; they only need to match each other.",
                     FadeIn(row[:4]), run_time=1.2)
        self.narrate(f"Every query still meets every key: {n} × {n} scores, whatever d_k is.",
                     TransformFromCopy(VGroup(q, kt), sc), FadeIn(line), run_time=1.5, wait=1.0)
        self.play(FadeOut(VGroup(row, line)), run_time=0.6)

    def output_width(self):
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        n, d = len(s.tokens), ex.d
        tokens = list(s.tokens)
        a = self._block(p.weights, "projected.weights", "Attention", th.text, tokens, tokens, f"{n} × {n}")
        v = self._block(p.v, "projected.v", "V", th.value, tokens, feature_names("v", p.d_v), f"{n} × {p.d_v}")
        out = self._block(p.output, "projected.output", "Output", th.output, tokens, feature_names("v", p.d_v), f"{n} × {p.d_v}")
        row = self._equation([(a, "·"), (v, "="), (out, None)])
        self.narrate(f"The output takes the values' width: {n} × {p.d_v}, not {n} × {d}.", FadeIn(row[:4]), run_time=1.2)
        self.play(TransformFromCopy(VGroup(a, v), out), run_time=1.5)
        line = note(f"Each word now has {p.d_v} numbers instead of {d}: the projections choose the space.", th)
        self.narrate("The attention matrix controls where information flows; the projections control the space it lands in.",
                     FadeIn(line), run_time=1.0, wait=2.0)
