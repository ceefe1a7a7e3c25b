"""Step 3 — divide every score by √d, so the softmax that follows is not too sharp."""

from __future__ import annotations

from manim import DOWN, RIGHT, UP, Create, FadeIn, FadeOut, LaggedStart, TransformFromCopy, VGroup, Write

from attention_math.breakdown import unscaled_weights
from attention_math.core import scale_factor
from attention_math.formatting import format_number
from scenes.base import ExplainerScene
from scenes.components import arrow_between, brace_label, fit_to_frame, label, note


class ScalingScene(ExplainerScene):
    scene_name = "scaling"
    chapter = "Scaling by √d"
    summary = "Divide by √d so the softmax is not too sharp"
    steps = ("read_d", "divide", "why_scale")

    def read_d(self):
        ex, th = self.example, self.theme
        self.heading = self.chapter_title()
        dims = VGroup(*(label(d, th, size=26, color=self.dim_colors().get(j, th.text)) for j, d in enumerate(ex.dims)))
        dims.arrange(RIGHT, buff=0.4).move_to(UP * 1.2)
        self.divisor = scale_factor(ex.d)
        brace = brace_label(dims, f"d = {ex.d} dimensions: the width of the embedding table", th)
        root = label(f"√d = √{ex.d} = {format_number(self.divisor)}", th, size=34, color=th.focus).next_to(brace, DOWN, buff=0.5)
        self.play(Write(self.heading), run_time=0.8)
        self.narrate(f"d is the length of the vectors being compared: here {ex.d}, the width of the table.",
                     FadeIn(dims), FadeIn(brace), run_time=1.2, wait=0.5)
        self.narrate(f"Its square root is {format_number(self.divisor)}.", Write(root), run_time=1.0, wait=0.8)
        self.play(FadeOut(VGroup(dims, brace)), root.animate.scale(0.8).to_edge(UP, buff=0.95), run_time=0.8)
        self.root = root

    def divide(self):
        s, th = self.first, self.theme
        tokens = list(s.tokens)
        kw = dict(row_labels=tokens, col_labels=tokens, value_scale=self.score_scale,
                  row_label_colors=self.token_colors(tokens), col_label_colors=self.token_colors(tokens))
        self.scores = self.grid(s.simple.scores, "simple.scores", **kw)
        self.scaled = self.grid(s.simple.scaled, "simple.scaled", **kw)
        names = [label("Scores", th, size=24), label("Scaled scores", th, size=24)]
        left, right = VGroup(names[0], self.scores), VGroup(names[1], self.scaled)
        for name, g in ((names[0], self.scores), (names[1], self.scaled)):
            name.next_to(g, UP, buff=0.2)
        row = VGroup(left, right).arrange(RIGHT, buff=2.0, aligned_edge=UP)
        fit_to_frame(row, top=2.7, bottom=-3.0)
        arrow = arrow_between(self.scores, self.scaled, th)
        op = label(f"÷ {format_number(self.divisor)}", th, size=28, color=th.focus).next_to(arrow, UP, buff=0.1)
        self.play(FadeIn(left), run_time=0.8)
        self.narrate(f"Every score is divided by {format_number(self.divisor)}.", Create(arrow), FadeIn(op),
                     FadeIn(names[1]), FadeIn(VGroup(self.scaled.rects, self.scaled.row_labels, self.scaled.col_labels)),
                     run_time=1.0)
        n = len(tokens)
        self.play(LaggedStart(*(TransformFromCopy(self.scores.number(i, j), self.scaled.number(i, j))
                                for i in range(n) for j in range(n)), lag_ratio=0.02), run_time=2.0)
        self.narrate("Same order, smaller spread: the colours pale, nothing else changes.", run_time=1.5)
        self.play(FadeOut(VGroup(left, right, arrow, op, self.root)), run_time=0.8)

    def why_scale(self):
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        tokens = list(s.tokens)
        unscaled = unscaled_weights(s.simple.scores[i])
        colours = self.token_colors(tokens)
        sharp = self.chart(unscaled, tokens, "softmax(simple.scores[focus])", color=th.muted, label_colors=colours, height=2.6)
        soft = self.chart(s.simple.weights[i], tokens, "simple.weights[focus]", color=th.positive, label_colors=colours, height=2.6)
        heads = [label(f"softmax of {ex.focus}'s raw scores", th, size=24),
                 label(f"softmax of {ex.focus}'s scaled scores", th, size=24)]
        groups = []
        for chart, head in zip((sharp, soft), heads):
            # both headings at the same height: above a full-height (weight 1) bar
            head.next_to(chart.baseline, UP, buff=2.6 + 0.5)
            groups.append(VGroup(head, chart))
        row = VGroup(*groups).arrange(RIGHT, buff=1.5, aligned_edge=DOWN)
        fit_to_frame(row, top=2.8, bottom=-2.6)
        self.narrate("Why? Softmax turns scores into weights, and large scores make it too sharp.",
                     FadeIn(groups[0]), run_time=1.2, wait=0.5)
        self.narrate("After scaling the weights are softer: the strongest word still wins, the others are still heard.",
                     FadeIn(groups[1]), run_time=1.2, wait=0.5)
        top_raw, top_scaled = unscaled.max(), s.simple.weights[i].max()
        line = note(f"Largest weight {format_number(top_raw)} without scaling, {format_number(top_scaled)} with it. "
                    "With long vectors (large d) the difference is far bigger.", th)
        self.narrate("With longer vectors, dot products grow with d, and the difference is far bigger.",
                     FadeIn(line), run_time=1.0, wait=2.0)
