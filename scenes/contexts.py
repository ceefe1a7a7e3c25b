"""Step 6 — the two contexts side by side: one input vector for the focus word, two outputs."""

from __future__ import annotations

import numpy as np
from manim import DOWN, RIGHT, UP, FadeIn, FadeOut, LaggedStart, Succession, TransformFromCopy, VGroup, Write

from attention_math.geometry import arrow_chain, embedding_plane, residual
from attention_math.story import is_balanced, leans_towards, strongest_neighbour
from scenes.base import ExplainerScene
from scenes.components import fit_to_frame, label, note, vector_row
from scenes.geometry import right_half_plane, word_colors


class ContextsScene(ExplainerScene):
    scene_name = "contexts"
    chapter = "Two contexts"
    summary = "One input vector for mouse, two different outputs"
    steps = ("two_sentences", "plot", "residual", "conclude")

    @property
    def pair(self):
        """The first two sentences that contain the focus word."""
        return [self.traces[k] for k in self.example.focus_sentences()[:2]]

    def context_word(self, sentence) -> str:
        """The word the focus word attends to most, after itself (cat, keyboard)."""
        i = self.focus_row(sentence)
        return sentence.tokens[strongest_neighbour(sentence.tokens, sentence.simple.weights[i], self.example.focus)]

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
        """One table (the focus word's input, and its output in each context) beside a plane: the
        context words and the focus word as arrows, then each output built as a chain of weighted
        value arrows, ending where the focus word's output points."""
        ex, th = self.example, self.theme
        plane = embedding_plane(ex)
        if plane is None:
            return  # a one-dimensional example has no plane to draw
        i0 = self.focus_row(self.pair[0])
        words = [self.context_word(s) for s in self.pair]
        self.chains = [arrow_chain(s.simple.weights[self.focus_row(s)], s.simple.v, plane) for s in self.pair]
        self.residuals = [residual(ex.embeddings[ex.focus], s.simple.output[self.focus_row(s)], plane) for s in self.pair]
        drawn = list(dict.fromkeys([*words, ex.focus]))
        coords = plane.coordinates(np.array([ex.embeddings[w] for w in drawn]))
        reach = np.vstack([coords, *(c.ends for c in self.chains), *(r.total for r in self.residuals)])
        half = self.camera.frame_width / 2
        self.plane = right_half_plane(self, plane, reach)
        self.plane.words(drawn, coords, word_colors(ex, th, plane, drawn, coords))
        # the two sentences condense into one small table on the left (one input, two outputs)
        points = [self.pair[0].input[i0]] + [s.simple.output[self.focus_row(s)] for s in self.pair]
        summary = self.grid(points, "pair_summary[focus]", row_labels=[f"{ex.focus}: input"] + [f"with {w}" for w in words],
                            col_labels=list(ex.dims), value_scale=self.vector_scale,
                            row_label_colors={0: th.focus, 1: th.output, 2: th.output}, col_label_colors=self.dim_colors())
        summary.scale(min(1.0, (half - 0.7) / summary.width, 3.6 / summary.height))
        summary.move_to([-half / 2, 0.6, 0])
        self.summary = summary
        (_, x0), (_, y0), (_, y1) = self.inputs[0], self.outputs[0], self.outputs[1]
        self.play(FadeOut(VGroup(*(c for c in self.columns))), FadeOut(self.symbols),
                  TransformFromCopy(x0.rects, summary.row(0)), TransformFromCopy(y0.rects, summary.row(1)),
                  TransformFromCopy(y1.rects, summary.row(2)), FadeIn(summary.row_labels), FadeIn(summary.col_labels),
                  run_time=1.2)
        x, y = plane.coordinates(ex.embeddings[ex.focus])
        where = "on the diagonal: balanced between the two" if is_balanced(x, y) else "its input arrow"
        self.narrate(f"Plot {ex.focus} on the {plane.names[0]} and {plane.names[1]} axes: {where}.",
                     FadeIn(self.plane), self.plane.grow(drawn), run_time=1.5, wait=0.5)
        self.output_arrows = []
        for k, (s, word) in enumerate(zip(self.pair, words)):
            chain = self.plane.chain(self.chains[k], th.value)
            out = self.plane.vector(f"output with {word}", self.chains[k].total, th.output, text=f"with {word}")
            self.output_arrows.append(out)
            lean = leans_towards(*self.chains[k].total)
            claim = ("sits near the diagonal: neither meaning wins" if lean is None
                     else f"now leans towards {plane.names[lean]}")
            self.narrate(f"Next to {word}, the output {claim}.",
                         Succession(LaggedStart(*(chain.grow(j) for j in range(len(chain.pieces))), lag_ratio=0.4),
                                    self.plane.grow_one(out)), run_time=2.0, wait=0.3)
            self.play(FadeOut(chain), run_time=0.4)

    def residual(self):
        """Beyond the article: the residual connection adds each output back onto the embedding."""
        ex, th = self.example, self.theme
        if not hasattr(self, "plane"):
            return
        half = self.camera.frame_width / 2
        tag = VGroup(label("Beyond the article: the residual connection,", th, size=22, color=th.muted),
                     label(f"{ex.focus} + its output", th, size=22, color=th.muted)).arrange(DOWN, buff=0.1)
        tag.scale(min(1.0, (half - 0.7) / tag.width)).next_to(self.summary, DOWN, buff=0.5)
        words = [self.context_word(s) for s in self.pair]
        laid, sums = [], []
        for k, (res, word) in enumerate(zip(self.residuals, words)):
            laid.append(self.plane.vector(f"output with {word}, laid on {ex.focus}", res.total, th.output,
                                          start=res.embedding, text="", width=3))
            sums.append(self.plane.vector(f"{ex.focus} + output with {word}", res.total, th.focus,
                                          text=f"sum with {word}", width=4))
        self.narrate("Beyond the article: a transformer adds this output back onto the word's own embedding.",
                     FadeIn(tag), *(TransformFromCopy(out.body, moved.body) for out, moved in zip(self.output_arrows, laid)),
                     run_time=1.5)
        self.narrate(f"{ex.focus} keeps its own embedding, moved by what its neighbours add: the residual connection.",
                     LaggedStart(*(self.plane.grow_one(v) for v in sums), lag_ratio=0.5), run_time=1.5, wait=0.5)

    def conclude(self):
        line = note("Same embedding, same mechanism: only the neighbours differ, and so does the meaning.", self.theme)
        self.narrate("Nothing in the embedding table changed. Only how information was mixed.", FadeIn(line), run_time=1.0,
                     wait=2.5)
