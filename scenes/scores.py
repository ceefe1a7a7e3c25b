"""Step 2 — Scores = Input × Inputᵀ: every word compared with every word by a dot product."""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, Angle, AnimationGroup, FadeIn, FadeOut, Indicate, LaggedStart, Line, MoveToTarget,
    SurroundingRectangle, Succession, VGroup, Write,
)

from attention_math.formatting import factor_decimals, format_number, shortest
from attention_math.geometry import alignment_partners, embedding_plane, projection
from attention_math.story import adds_up_to_one, row_total, strongest_neighbour, weakest_term
from scenes.base import ExplainerScene
from scenes.components import BAND_GAP, MatrixGrid, axis_captions, fit_to_frame, label, product_layout
from scenes.geometry import SUBTITLE_TOP, Veil, fit_left_half, right_half_plane, word_colors
from scenes.motion import ProductSweep, build_rows, during, hop_through, transpose


class ScoresScene(ExplainerScene):
    scene_name = "scores"
    chapter = "Scores = Input × Inputᵀ"
    summary = "Every word compared with every word by dot products"
    steps = ("show_operands", "work_one_cell", "see_alignment", "fill_matrix", "read_orientation")

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
        # between the heading and the subtitles' band (the orientation is labelled on the table's edges)
        fit_to_frame(VGroup(self.layout, self.x_name, self.xt_name, self.scores_name), top=3.0,
                     bottom=SUBTITLE_TOP + BAND_GAP)
        self.scores.clear_fills()  # no score is coloured before it is computed
        self.play(Write(self.heading), run_time=0.8)
        self.narrate("Put the input on the left: one row per word.", *self.take_over(self.x, self.x_name), run_time=1.0)
        self.narrate("Its transpose goes on top: each word's row turns into a column.",
                     transpose(self.x, self.xt, self.scores), during(FadeIn(self.xt.row_labels), 0, 0.1),
                     during(FadeIn(self.xt_name), 0.9, 1.0),  # named once its last column is in (not beside nothing)
                     run_time=1.1 * (len(tokens) + 0.35))
        self.play(FadeIn(self.scores.rects), FadeIn(self.scores_name), run_time=0.6)

    def work_one_cell(self):
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        # the context word the focus word scores highest with (mouse·cat in the built-in example)
        j = strongest_neighbour(s.tokens, s.simple.scores[i], ex.focus)
        self.worked = (i, j)
        sweep = ProductSweep(self.x, self.xt, self.scores, i, j, th, left_colour=th.query, top_colour=th.key,
                             sum_colour=th.focus)
        self.work = sweep.ledger  # the products stay: the next step draws them as geometry
        self.narrate(f"One cell: {s.tokens[i]} compared with {s.tokens[j]}.", *sweep.open(),
                     *self.focus_on([*sweep.keep(), self.heading]), run_time=1.2)
        # the terms are worked while the sentence is said, not after it
        self.narrate(f"Multiply matching components, and add them up: the dot product {s.tokens[i]}·{s.tokens[j]}.",
                     Succession(*(sweep.term(k) for k in range(ex.d))), run_time=1.2 + 0.9 * (ex.d - 1))
        self.narrate(f"{s.tokens[i]}·{s.tokens[j]} = {format_number(sweep.dot.total)}.", sweep.deliver(), run_time=1.8)
        # term by term: where the two agree most, the largest product; where they agree least, the
        # product nearest 0: each line boxed with the two entries it multiplies, one after the other
        def term_boxes(k):
            return VGroup(SurroundingRectangle(sweep.products[k], color=th.focus, buff=0.06),
                          self.x.cell_box(i, k, th.focus), self.xt.cell_box(k, j, th.focus))

        terms = [k for k in (sweep.dot.largest_term, weakest_term(sweep.dot.products)) if k is not None]
        self.narrate("The more two vectors agree, dimension by dimension,", hop_through([term_boxes(k) for k in terms]),
                     run_time=1.4 * len(terms))
        self.narrate("the larger their dot product.", Indicate(sweep.sums[-1], color=th.focus, scale_factor=1.15),
                     run_time=1.0)
        # with a plane to follow, the tables stay dimmed: a veil covers them next, and they are
        # brought back as it lifts (full brightness for a moment before the veil would be dead motion)
        plane_follows = embedding_plane(ex) is not None
        self.play(*sweep.close(), *([] if plane_follows else self.restore()), run_time=0.8)
        self.cell_box = sweep.cell_box

    def see_alignment(self):
        """The worked dot product as geometry, beside its sum of products: one arrow's shadow on
        the other, times the other's length; then the focus word against its other partners, so
        large and small scores are seen."""
        ex, th = self.example, self.theme
        plane = embedding_plane(ex)
        if plane is None:
            self.play(FadeOut(self.work), run_time=0.5)
            return
        focus = ex.focus
        partners = list(alignment_partners(ex, self.traces))
        words = [focus, *partners]
        coords = plane.coordinates(np.array([ex.embeddings[w] for w in words]))
        self.projections = {p: projection(ex.embeddings[focus], ex.embeddings[p], plane) for p in partners}
        feet = np.array([pr.foot for pr in self.projections.values()])
        self.plane = right_half_plane(self, plane, np.vstack([coords, feet]))
        self.plane.words(words, coords, word_colors(ex, th, plane, words, coords))
        veil = Veil(self, keep=[self.work])
        first = partners[0]
        proj = self.projections[first]
        card = self._products_card(focus, first, plane)
        figure = self._beside_arrow(self.plane.projection(proj, th.focus))
        self.figures = {first: figure}
        self.play(veil.lower(), run_time=0.5)  # the tables go first: the products then move over nothing
        veil.hidden()
        self.play(MoveToTarget(self.work), FadeIn(card.tags), run_time=0.8)
        angle, shadow = self._angle_marks(figure)
        self.plane.figures += [angle, shadow]  # drawn on the plane: part of its figure
        self.narrate(f"Drawn in the {plane.names[0]}–{plane.names[1]} plane: {focus}'s shadow along {first} is "
                     f"{format_number(proj.shadow)} long.", FadeIn(self.plane),
                     self._grow_then(self.plane.grow([focus, first]), figure.animation()),
                     during(FadeIn(shadow), 0.85, 1.0), run_time=2.2)
        # the formula's θ drawn where it is: between the two arrows
        self.narrate(f"Times {first}'s length: {format_number(proj.plane_dot)}, the {plane.names[0]} and {plane.names[1]} "
                     "terms.", FadeIn(card.formula), during(FadeIn(angle), 0.0, 0.5),
                     *(Indicate(t, color=th.focus, scale_factor=1.0) for t in card.plane_terms), run_time=1.2)
        self.narrate(f"All {ex.d} dims give the score, {format_number(proj.full_dot)}.",
                     Indicate(self.work[1][-1], color=th.focus, scale_factor=1.0), run_time=1.2)
        self.table = self._alignment_table(partners)
        beats, said, lengths = [], [], []
        for k, partner in enumerate(partners[1:], start=1):
            proj = self.projections[partner]
            figure = self._beside_arrow(self.plane.projection(proj, th.key))
            self.figures[partner] = figure
            _, length = self._angle_marks(figure)  # each shadow's length written at it, as the first one's
            self.plane.figures.append(length)
            beats.append(AnimationGroup(self._grow_then(self.plane.grow([partner]), figure.animation()),
                                        during(FadeIn(length), 0.85, 1.0),
                                        FadeIn(VGroup(self.table.row_labels[k], self.table.row(k)))))
            lengths.append(length)
            if proj.cos is not None:
                said.append(f"{partner}, {format_number(proj.plane_dot)} in the plane")
            elif proj.length_b == 0:  # the partner's arrow is a point here: nothing to cast a shadow on
                said.append(f"{partner}, no length in the plane, so 0")
            else:
                said.append(f"{partner}, no shadow at all")
        self.play(LaggedStart(FadeOut(VGroup(self.work, card.tags, card.formula)),
                              FadeIn(VGroup(self.table.col_labels, self.table.row_labels[0], self.table.row(0))),
                              lag_ratio=0.7), run_time=1.0)
        if beats:
            self.narrate(f"Against {'; '.join(said)}.", LaggedStart(*beats, lag_ratio=0.6), run_time=2.5)
            # |a| |b| cos θ: the angle alone does not decide it; the arrows pointed at as their lengths are said
            self.narrate("In the plane, the score grows with both: how far the arrows point the same way,",
                         hop_through([SurroundingRectangle(VGroup(self.table.col_labels[1], self.table.column(1)),
                                                           color=th.focus, buff=0.08)]),
                         run_time=1.5)
            self.narrate("and how long they are.",
                         LaggedStart(*(Indicate(v, color=th.focus, scale_factor=1.0) for v in self.plane.vectors.values()
                                       if not getattr(v, "is_dot", False)), lag_ratio=0.3),
                         run_time=1.2, wait=0.3)
        drawn = [self.plane, self.table, *self.plane.vectors.values(), *self.figures.values(), angle, shadow, *lengths]
        # one play, the tables coming back as the drawing goes (two plays left an empty frame
        # between them); one after the other, so neither shows through the other
        # (the veil's group first: manim adds each animation's group on top, so the drawing stays above it)
        self.play(during(veil.lift(), 0.5, 1.0), during(FadeOut(VGroup(*drawn)), 0.0, 0.45), *self.restore(), run_time=1.0)

    def _beside_arrow(self, figure, width: float = 6, gap: float = 0.07):
        """The shadow laid thinner just beside b's arrow, on a's side (where the perpendicular comes
        from), rather than over it: the arrow keeps its own colour, the shadow its length."""
        if not figure.submobjects:  # a zero vector casts no shadow
            return figure
        bold = figure.bold
        along = bold.get_end() - bold.get_start()
        normal = np.array([-along[1], along[0], 0.0]) / max(np.linalg.norm(along), 1e-6)
        if np.dot(self.plane.c2p(figure.projection.a) - bold.get_start(), normal) < 0:
            normal = -normal
        bold.set_stroke(width=width).shift(normal * gap)
        return figure

    def _angle_marks(self, figure) -> tuple:
        """(angle, shadow label) for the projection `figure`: the arc θ between the two arrows at
        the origin with its letter, and the shadow's length written beside the shadow's far end (on
        a's side, left of the perpendicular). Empty groups when there is no angle (a zero vector,
        or the two arrows in line)."""
        th, proj = self.theme, figure.projection
        if proj.cos is None or not figure.submobjects:
            return VGroup(), VGroup()
        origin, a_tip, b_tip = self.plane.origin, self.plane.c2p(proj.a), self.plane.c2p(proj.b)
        along = figure.bold.get_end() - figure.bold.get_start()
        along = along / max(np.linalg.norm(along), 1e-6)
        side = a_tip - figure.bold.get_end()  # from the foot towards a's tip
        side = side / max(np.linalg.norm(side), 1e-6)
        shadow = label(format_number(proj.shadow), th, size=20, color=th.focus)
        # clear of the shadow line and of the perpendicular's end, whichever way the shadow runs
        # (a label's width, not its height, lies across an upright shadow)
        def reach(direction):
            return abs(direction[0]) * shadow.width / 2 + abs(direction[1]) * shadow.height / 2
        shadow.move_to(figure.bold.get_end() + side * (reach(side) + 0.12) - along * (reach(along) + 0.12))
        if abs(proj.cos) > 0.999:  # in line: no angle to draw
            return VGroup(), shadow
        lines = (Line(origin, b_tip), Line(origin, a_tip))
        counter_clockwise = np.cross(b_tip - origin, a_tip - origin)[2] > 0
        arc = Angle(*(lines if counter_clockwise else lines[::-1]), radius=0.45, color=th.focus, stroke_width=3)
        middle = arc.point_from_proportion(0.5) - origin
        theta = label("θ", th, size=22, color=th.focus).move_to(origin + middle / np.linalg.norm(middle) * 0.72)
        return VGroup(arc, theta), shadow

    @staticmethod
    def _grow_then(grow, shadow):
        """The arrows grow, then the shadow is drawn (a zero vector has none)."""
        return Succession(grow, shadow) if shadow is not None else grow

    def _products_card(self, a: str, b: str, plane) -> VGroup:
        """The worked products (self.work, moved to the left half) with the plane's two dims named
        beside their lines; and, shown later, the plane's part as |a| cos θ × |b|."""
        th = self.theme
        proj = self.projections[b]
        colours = self.dim_colors()
        products = self.work[0]
        target = self.work.generate_target()
        tags = VGroup(*(label(plane.names[n], th, size=20, color=colours.get(k, th.text))
                        .next_to(target[0][k], LEFT, buff=0.25) for n, k in enumerate(plane.axes)))
        places = factor_decimals(proj.shadow, proj.length_b, proj.plane_dot)  # the product checks as written
        formula = VGroup(label("in the plane:", th, size=22, color=th.focus),
                         label(f"|{a}| cos θ × |{b}| = {shortest(proj.shadow, places)} × {shortest(proj.length_b, places)}"
                               f" = {format_number(proj.plane_dot)}", th, size=22, color=th.focus)).arrange(DOWN, buff=0.1,
                                                                                                         aligned_edge=LEFT)
        card = VGroup(VGroup(target, tags), formula).arrange(DOWN, buff=0.35, aligned_edge=LEFT)
        fit_left_half(card, bottom=SUBTITLE_TOP + 1.1)
        card.tags, card.formula = tags, formula
        card.plane_terms = [products[k] for k in plane.axes]
        return card

    def _alignment_table(self, partners):
        """One row per pair: the shadow, the dot product in the plane, and over all dims."""
        ex, th = self.example, self.theme
        values = [[self.projections[p].shadow_on_b, self.projections[p].plane_dot, self.projections[p].full_dot]
                  for p in partners]
        table = MatrixGrid(np.array(values), th, name="alignment", row_labels=[f"{ex.focus}·{p}" for p in partners],
                           col_labels=["shadow", "in plane", f"all {ex.d} dims"], value_scale=self.score_scale,
                           row_label_colors={0: th.focus}, cell_w=1.3)
        return fit_left_half(table, top=2.6, bottom=SUBTITLE_TOP + 1.0)

    def fill_matrix(self):
        s, th = self.first, self.theme
        n = len(s.tokens)
        self.narrate("Every word with every word: one matrix product fills the table, a row of Input at a time.",
                     build_rows(self.scores, self.x, th.query, skip=[self.worked]), run_time=0.9 * n)
        self.play(FadeOut(self.cell_box), run_time=0.3)

    def read_orientation(self):
        s, th = self.first, self.theme
        i = self.focus_row(s)
        # the orientation as labels on the table's own edges (the narration says it in words)
        self.orientation_labels = axis_captions(self.scores, th)
        box = self.scores.row_box(i, th.focus)
        # each word the row is compared with, named in turn along the row
        self.narrate(f"Row {s.tokens[i]} holds its similarity to every word.", FadeIn(box),
                     LaggedStart(*(Indicate(word, color=th.focus, scale_factor=1.1) for word in self.xt.col_labels),
                                 lag_ratio=0.4),
                     run_time=2.0)
        self.narrate("Rows are queries, columns are keys.", FadeIn(self.orientation_labels), run_time=1.0)
        # what the row adds up to, beside it: weights would add up to 1 (only said when it is not 1)
        row = s.simple.scores[i]
        total = f"Σ {s.tokens[i]} row = {format_number(row_total(row), self.scores.decimals)}"
        if adds_up_to_one(row, self.scores.decimals):
            self.narrate("These are similarities, not yet weights.", run_time=0.5, wait=1.0)
            return
        note = label(f"{total}, not 1", th, size=22, color=th.focus)
        note.next_to(self.scores_name, DOWN, buff=0.12).align_to(self.scores.rects, RIGHT)
        self.narrate("These are similarities,", Indicate(box, color=th.focus, scale_factor=1.0), run_time=1.0)
        self.narrate("not yet weights.", run_time=0.8)
        self.narrate(f"Row {s.tokens[i]} adds up to {format_number(row_total(row), self.scores.decimals)}, not 1.",
                     FadeIn(note, shift=UP * 0.1), run_time=0.8, wait=1.0)
