"""Step 1 — the embedding table: one fixed vector per token; the focus word is ambiguous."""

from __future__ import annotations

import numpy as np
from manim import (
    RIGHT, UP, Circumscribe, Create, FadeIn, FadeOut, LaggedStart, MoveToTarget, Succession,
    SurroundingRectangle, Transform, TransformFromCopy, VGroup, Write,
)

from attention_math.formatting import format_number
from attention_math.geometry import embedding_plane, near_zero, points_along, sentence_words
from attention_math.story import is_ambiguous
from scenes.base import ExplainerScene
from scenes.components import fit_to_frame, label, note
from scenes.geometry import fit_left_half, right_half_plane, word_colors


class EmbeddingsScene(ExplainerScene):
    scene_name = "embeddings"
    chapter = "The embedding table"
    summary = "One fixed vector per token; mouse is both animal and tech"
    steps = ("show_table", "show_plane", "show_sentences", "highlight_focus", "call_out_dims", "conclude")

    def show_table(self):
        ex = self.example
        tokens = list(ex.embeddings)
        self.heading = self.chapter_title()
        self.table = self.grid(
            [ex.embeddings[t] for t in tokens], "embeddings", row_labels=tokens, col_labels=list(ex.dims),
            value_scale=self.vector_scale, row_label_colors=self.token_colors(tokens), col_label_colors=self.dim_colors(),
        )
        fit_to_frame(self.table, grow=1.3)
        self.table_width = self.table.width  # its full size (the plane's step shrinks it for a while)
        self.play(Write(self.heading), run_time=0.8)
        self.narrate(
            f"Each word has one fixed embedding: a row of {ex.d} numbers, one per named dimension.",
            FadeIn(self.table.rects), LaggedStart(*(FadeIn(r) for r in self.table.row_labels), lag_ratio=0.1),
            LaggedStart(*(FadeIn(c) for c in self.table.col_labels), lag_ratio=0.1),
            LaggedStart(*(FadeIn(n) for n in self.table.numbers), lag_ratio=0.02), run_time=1.5,
        )
        strongest = max(range(len(tokens)), key=lambda k: abs(self.table.values[k]).max())
        self.narrate("Blue means positive, red negative; the stronger the colour, the larger the value.",
                     Circumscribe(self.table.row(strongest), color=self.theme.muted), run_time=1.5, wait=0.5)

    def show_plane(self):
        """The table and the plane are two views of the same rows: two columns as coordinates,
        each word an arrow from the origin; highlighting a row highlights its arrow."""
        ex, th = self.example, self.theme
        plane = embedding_plane(ex)
        if plane is None:
            return  # one dimension: no plane to draw
        words = list(sentence_words(ex))
        coords = plane.coordinates(np.array([ex.embeddings[w] for w in words]))
        target = self.table.generate_target()
        fit_left_half(target)
        self.plane = right_half_plane(self, plane, coords)
        columns = VGroup(*(target.column_box(a, self.dim_colors().get(a, th.text)) for a in plane.axes))
        where = (f"two of the {ex.d} columns, {plane.names[0]} and {plane.names[1]}," if not plane.exact
                 else f"the two columns, {plane.names[0]} and {plane.names[1]},")
        self.plane.words(words, coords, word_colors(ex, th, plane, words, coords))
        # a box slides from row to row while that row's arrow grows: the same numbers, two views
        rows = [VGroup(target.row_labels[list(ex.embeddings).index(w)], target.row(list(ex.embeddings).index(w)))
                for w in words]
        slider = SurroundingRectangle(rows[0], color=th.muted, buff=0.03, stroke_width=3)
        slides = [Transform(slider, slider.copy().move_to(row)) for row in rows]
        self.narrate(f"Read {where} as coordinates.", LaggedStart(MoveToTarget(self.table), FadeIn(self.plane),
                                                                 Create(columns), lag_ratio=0.4), run_time=1.8)
        self.caption_over("Each row becomes an arrow from the origin, ending at its two numbers.")
        self.play(FadeIn(slider), run_time=0.3)
        self.play(Succession(*slides), Succession(*(self.plane.grow([w]) for w in words)), run_time=0.45 * len(words))
        self.play(FadeOut(slider), run_time=0.3)
        self._describe_plane(words, coords)
        self.play(FadeOut(VGroup(self.plane, columns, *self.plane.vectors.values())), run_time=0.6)

    def _describe_plane(self, words, coords):
        """Say what the arrows show (only what holds for this example), pointing at the row and the
        arrow together."""
        ex, th, plane = self.example, self.theme, self.plane.plane
        focus = [k for k, w in enumerate(words) if w == ex.focus]
        along = [(points_along(coords, axis, exclude=focus), plane.names[axis]) for axis in (0, 1)]
        parts = [f"{words[k]} {'points ' if n == 0 else ''}along {name}" for n, (k, name) in
                 enumerate((k, name) for k, name in along if k is not None)]
        x, y = coords[focus[0]] if focus else (0.0, 0.0)
        between = focus and is_ambiguous(x, y, self.vector_scale) and x > 0 and y > 0
        claim = (", ".join(parts) + "; " if parts else "") + (
            f"{ex.focus} points between them." if between else f"{ex.focus} ends at ({format_number(x)}, {format_number(y)}).")
        box = SurroundingRectangle(self._table_row(ex.focus), color=th.focus, buff=0.03, stroke_width=4)
        self.narrate(claim, Create(box), self.plane.highlight(ex.focus), run_time=1.5)
        small = [w for w, tiny in zip(words, near_zero(coords)) if tiny]
        if small:
            self.narrate(f"{', '.join(small[:3])}{' …' if len(small) > 3 else ''}: almost nothing here, so dots.",
                         *(self.plane.highlight(w) for w in small), FadeOut(box), run_time=1.2)
        else:
            self.play(FadeOut(box), run_time=0.3)

    def show_sentences(self):
        """The sentences look their rows up in the same table."""
        self.inputs = []
        for number, s in enumerate(self.traces[:2]):
            g = self.grid(s.input, f"sentences[{number}].input", row_labels=list(s.tokens), col_labels=list(self.example.dims),
                          value_scale=self.vector_scale, row_label_colors=self.token_colors(s.tokens),
                          col_label_colors=self.dim_colors())
            caption = label(f"“{' '.join(s.tokens)}”", self.theme, size=24).next_to(g, UP, buff=0.25)
            self.inputs.append(VGroup(caption, g))
        row = VGroup(*self.inputs).arrange(RIGHT, buff=1.0, aligned_edge=UP)
        # the table moves up out of the way, the sentences fill in below it, row by row
        self.narrate("A sentence becomes a matrix: its words' rows, stacked in order.",
                     self.table.animate.scale_to_fit_width(0.6 * self.table_width).to_edge(UP, buff=0.9), run_time=0.8)
        fit_to_frame(row, top=self.table.get_bottom()[1] - 0.3)
        anims = []
        for (caption, g), s in zip(self.inputs, self.traces):
            anims += [FadeIn(caption), FadeIn(g.col_labels)]  # the rows themselves arrive from the table
            for i, token in enumerate(s.tokens):
                anims.append(TransformFromCopy(self._table_row(token), VGroup(g.row_labels[i], g.row(i))))
        self.play(LaggedStart(*anims, lag_ratio=0.05), run_time=2.5)
        self.play(FadeOut(self.table), row.animate.move_to(fit_to_frame(row.copy()).get_center()), run_time=0.8)
        self.wait(0.5)

    def _table_row(self, token):
        i = list(self.example.embeddings).index(token)
        return VGroup(self.table.row_labels[i], self.table.row(i))

    def highlight_focus(self):
        focus, theme = self.example.focus, self.theme
        boxes = VGroup(*(g.row_box(s.tokens.index(focus), theme.focus) for (_, g), s in zip(self.inputs, self.traces)
                         if focus in s.tokens))
        self.focus_boxes = boxes
        keep = [boxes] + [VGroup(g.row_labels[s.tokens.index(focus)], g.row(s.tokens.index(focus)))
                          for (_, g), s in zip(self.inputs, self.traces) if focus in s.tokens]
        self.narrate(f"“{focus}” has the same row in both sentences: the embedding does not know the context.",
                     *(Create(b) for b in boxes), *self.focus_on(keep + [self.heading]), run_time=1.5, wait=1.0)

    def call_out_dims(self):
        ex, theme = self.example, self.theme
        named = [(d, c) for d, c in (("animal", theme.animal), ("tech", theme.tech)) if d in ex.dims]
        if not named:
            return
        boxes = VGroup()
        for (_, g) in self.inputs:
            for dim, colour in named:
                boxes.add(g.column_box(ex.dims.index(dim), colour))
        vector = ex.embeddings[ex.focus]
        parts = ", ".join(f"{d} {format_number(vector[ex.dims.index(d)])}" for d, _ in named)
        values = [abs(vector[ex.dims.index(d)]) for d, _ in named]
        ambiguous = len(values) == 2 and is_ambiguous(*values, self.vector_scale)
        claim = (f"It is strong on both meanings at once ({parts}): on its own, ambiguous." if ambiguous
                 else f"Its meaning dimensions read {parts}.")
        self.narrate(claim,
                     *self.restore(), *(Create(b) for b in boxes), run_time=1.5, wait=1.0)
        self.dim_boxes = boxes

    def conclude(self):
        line = note("Self-attention will let the neighbours decide which meaning counts.", self.theme)
        self.narrate("Self-attention will let the neighbours decide which meaning counts.", FadeIn(line, shift=UP * 0.2),
                     run_time=1.0, wait=1.5)
