"""Step 6 — the two contexts side by side: one input vector for the focus word, two outputs."""

from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Arrow, Axes, Create, Dot, FadeIn, FadeOut, GrowArrow, Line, TransformFromCopy, VGroup, Write

from attention_math.formatting import format_number
from attention_math.story import is_balanced, leans_towards, strongest_neighbour
from scenes.base import ExplainerScene
from scenes.components import fit_to_frame, label, note, vector_row


class ContextsScene(ExplainerScene):
    scene_name = "contexts"
    chapter = "Two contexts"
    summary = "One input vector for mouse, two different outputs"
    steps = ("two_sentences", "plot", "conclude")

    @property
    def pair(self):
        """The first two sentences that contain the focus word."""
        return [self.traces[k] for k in self.example.focus_sentences()[:2]]

    def context_word(self, sentence) -> str:
        """The word the focus word attends to most, after itself (cat, keyboard)."""
        i = self.focus_row(sentence)
        return sentence.tokens[strongest_neighbour(sentence.tokens, sentence.simple.weights[i], self.example.focus)]

    def plot_dims(self) -> tuple:
        dims = self.example.dims
        if "animal" in dims and "tech" in dims:
            return dims.index("animal"), dims.index("tech")
        return 0, min(1, len(dims) - 1)

    def two_sentences(self):
        ex, th = self.example, self.theme
        self.heading = self.chapter_title()
        columns, self.inputs, self.outputs = [], [], []
        for k, s in enumerate(self.pair):
            i = self.focus_row(s)
            caption = label(f"“{' '.join(s.tokens)}”", th, size=24)
            x = vector_row(s.input[i], th, name=f"pair[{k}].input[focus]", value_scale=self.vector_scale,
                           col_labels=list(ex.dims))
            # same columns as the input right above it: no second row of dimension names
            y = vector_row(s.simple.output[i], th, name=f"pair[{k}].simple.output[focus]", value_scale=self.vector_scale,
                           cell_w=x.cell_w)
            self.shown += [x, y]
            x_name = label(f"{ex.focus}: input", th, size=20, color=th.focus)
            y_name = label(f"{ex.focus}: output", th, size=20, color=th.output)
            block = VGroup(caption, x_name, x, y_name, y).arrange(DOWN, buff=0.3)
            y_name.shift(DOWN * 0.3)
            y.shift(DOWN * 0.3)
            columns.append(block)
            self.inputs.append((x_name, x))
            self.outputs.append((y_name, y))
        self.columns = VGroup(*columns).arrange(RIGHT, buff=1.2, aligned_edge=UP)
        fit_to_frame(self.columns, top=2.9, bottom=-2.8)
        self.play(Write(self.heading), run_time=0.8)
        self.narrate("The same word in two sentences. Its input vector is identical in both.",
                     *(FadeIn(VGroup(c[0], c[1], c[2])) for c in self.columns), run_time=1.2)
        same = label("=", th, size=40, color=th.focus).move_to(
            (self.inputs[0][1].rects.get_right() + self.inputs[1][1].rects.get_left()) / 2)
        self.play(Write(same), run_time=0.5)
        self.narrate("After self-attention, the outputs differ: each has absorbed its own neighbours.",
                     *(TransformFromCopy(x, y) for (_, x), (_, y) in zip(self.inputs, self.outputs)),
                     *(FadeIn(n) for n, _ in self.outputs), run_time=1.5)
        differ = label("≠", th, size=40, color=th.output).move_to(
            (self.outputs[0][1].rects.get_right() + self.outputs[1][1].rects.get_left()) / 2)
        self.play(Write(differ), run_time=0.5)
        self.wait(1.0)
        self.symbols = VGroup(same, differ)

    def plot(self):
        ex, th = self.example, self.theme
        a, b = self.plot_dims()
        if a == b:
            return  # a one-dimensional example has no plane to draw
        points = [self.pair[0].input[self.focus_row(self.pair[0])]] + [s.simple.output[self.focus_row(s)] for s in self.pair]
        coords = np.array([[p[a], p[b]] for p in points])
        low = min(0.0, float(coords.min()))
        high = float(coords.max())
        step = 0.5 if high - low <= 3 else (1.0 if high - low <= 6 else float(np.ceil((high - low) / 6)))
        top = step * (np.floor(high / step) + 1)
        bottom = -step * (np.floor(-low / step) + (1 if low < 0 else 0))
        axes = Axes(x_range=[bottom, top, step], y_range=[bottom, top, step], x_length=4.6, y_length=4.6, tips=False,
                    axis_config={"color": th.muted, "stroke_width": 2})
        ticks = VGroup()
        for v in np.arange(bottom, top + 1e-9, step):
            if abs(v) < 1e-9:
                continue
            ticks.add(label(format_number(v, 1), th, size=16, color=th.muted).next_to(axes.c2p(v, bottom), DOWN, buff=0.12))
            ticks.add(label(format_number(v, 1), th, size=16, color=th.muted).next_to(axes.c2p(bottom, v), LEFT, buff=0.12))
        x_name = label(ex.dims[a], th, size=22, color=self.dim_colors().get(a, th.text)).next_to(axes.x_axis, DOWN, buff=0.45)
        y_name = label(ex.dims[b], th, size=22, color=self.dim_colors().get(b, th.text)).rotate(np.pi / 2)
        y_name.next_to(axes.y_axis, LEFT, buff=0.55)
        diagonal = Line(axes.c2p(bottom, bottom), axes.c2p(top, top), color=th.grid, stroke_width=2).set_opacity(0.6)
        plane = VGroup(axes, ticks, x_name, y_name, diagonal)
        # the two sentences condense into one small table on the left (one input, two outputs);
        # the plane takes the right half
        half = self.camera.frame_width / 2
        words = [self.context_word(s) for s in self.pair]
        summary = self.grid(points, "pair_summary[focus]", row_labels=[f"{ex.focus}: input"] + [f"with {w}" for w in words],
                            col_labels=list(ex.dims), value_scale=self.vector_scale,
                            row_label_colors={0: th.focus, 1: th.output, 2: th.output}, col_label_colors=self.dim_colors())
        summary.scale(min(1.0, (half - 0.7) / summary.width, 4.5 / summary.height))
        summary.move_to([-half / 2, -0.3, 0])
        (_, x0), (_, y0), (_, y1) = self.inputs[0], self.outputs[0], self.outputs[1]
        self.play(FadeOut(VGroup(*(c for c in self.columns))), FadeOut(self.symbols),
                  TransformFromCopy(x0.rects, summary.row(0)), TransformFromCopy(y0.rects, summary.row(1)),
                  TransformFromCopy(y1.rects, summary.row(2)), FadeIn(summary.row_labels), FadeIn(summary.col_labels),
                  run_time=1.2)
        plane.scale(min(1.0, (half - 0.9) / plane.width, 5.4 / plane.height))
        plane.move_to([half / 2 + 0.1, -0.3, 0])
        source = Dot(axes.c2p(*coords[0]), color=th.focus, radius=0.09)
        source_label = label(f"{ex.focus} (input)", th, size=18, color=th.focus).next_to(source, UP, buff=0.12)
        if source_label.get_right()[0] > half - 0.1:
            source_label.shift(LEFT * (source_label.get_right()[0] - half + 0.1))
        where = "on the diagonal: balanced between the two" if is_balanced(*coords[0]) else "its input point"
        self.narrate(f"Plot {ex.focus} on the {ex.dims[a]} and {ex.dims[b]} axes: {where}.",
                     Create(axes), FadeIn(ticks), FadeIn(x_name), FadeIn(y_name), Create(diagonal), FadeIn(source),
                     FadeIn(source_label), run_time=1.5, wait=0.5)
        for k, s in enumerate(self.pair):
            target = Dot(axes.c2p(*coords[k + 1]), color=th.output, radius=0.09)
            arrow = Arrow(source.get_center(), target.get_center(), buff=0.1, color=th.output, stroke_width=4,
                          max_tip_length_to_length_ratio=0.15)
            direction = DOWN + RIGHT if coords[k + 1][0] >= coords[k + 1][1] else UP + LEFT
            name = label(f"with {self.context_word(s)}", th, size=18, color=th.output).next_to(target, direction, buff=0.08)
            lean = leans_towards(*coords[k + 1])
            claim = ("sits near the diagonal: neither meaning wins" if lean is None
                     else f"now leans towards {(ex.dims[a], ex.dims[b])[lean]}")
            self.narrate(f"Next to {self.context_word(s)}, the output {claim}.",
                         GrowArrow(arrow), TransformFromCopy(source, target), FadeIn(name), run_time=1.2, wait=0.5)

    def conclude(self):
        line = note("Same embedding, same mechanism: only the neighbours differ, and so does the meaning.", self.theme)
        self.narrate("Nothing in the embedding table changed. Only how information was mixed.", FadeIn(line), run_time=1.0,
                     wait=2.5)
