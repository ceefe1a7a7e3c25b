"""Step 2 — Scores = Input × Inputᵀ: every word compared with every word by a dot product."""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, Angle, AnimationGroup, FadeIn, FadeOut, Indicate, LaggedStart, Line, MoveToTarget,
    SurroundingRectangle, Succession, Transform, VGroup, Write,
)

from attention_math.formatting import factor_decimals, format_number, shortest
from attention_math.geometry import alignment_partners, embedding_plane, projection
from attention_math.story import adds_up_to_one, leads_besides_own, row_total, strongest_neighbour, weakest_term
from scenes.base import ExplainerScene
from scenes.components import BAND_GAP, MatrixGrid, fit_to_frame, label, product_layout
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
        # the dims in scene 1's colours (animal, tech; the others in the text colour) in both tables:
        # Input and Inputᵀ are told apart by their names, not by their dims' colours
        dim_colours = {j: self.dim_colors().get(j, th.text) for j in range(len(dims))}
        self.xt = self.grid(s.input.T, "input.T", row_labels=dims, col_labels=tokens, value_scale=self.vector_scale,
                            label_color=th.key, row_label_colors=dim_colours, col_label_colors=self.token_colors(tokens))
        self.x = self.grid(s.input, "input", row_labels=tokens, col_labels=dims, value_scale=self.vector_scale,
                           label_color=th.query, row_label_colors=self.token_colors(tokens), col_label_colors=dim_colours,
                           cell_w=self.xt.cell_w)
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
        # the camera moves in on what is worked: the row, the column, the cell and the sums beside
        worked = [self.x.row(i), self.xt.column(j), self.scores.cell(i, j), sweep.ledger]
        worked += [self.x.row_labels[i]] if len(self.x.row_labels) else []
        worked += [self.xt.col_labels[j]] if len(self.xt.col_labels) else []
        # the rest dimmed before the camera moves in: what the zoomed view pushes into the subtitles'
        # band below is faint by then
        # (each cut word or cell leaf by leaf: the leaves are what focus_on dims and restore() brings back)
        cut = [leaf for piece in self.cut_by_zoom(worked, keep=[*sweep.keep(), self.heading])
               for leaf in piece.family_members_with_points()]
        self.narrate(f"One cell: {s.tokens[i]} compared with {s.tokens[j]}.", *sweep.open(),
                     *(during(a, 0.0, 0.4) for a in [*self.focus_on([*sweep.keep(), self.heading, *cut]),
                                                     *self._fade_out_dimmed(cut)]),
                     during(self.zoom_on(*worked), 0.4, 1.0), run_time=1.5)
        # the terms are worked while the sentence is said, not after it
        self.narrate(f"Multiply matching components, and add them up: the dot product {s.tokens[i]}·{s.tokens[j]}.",
                     Succession(*(sweep.term(k) for k in range(ex.d))), run_time=1.2 + 0.9 * (ex.d - 1))
        # the column's box goes as the sum leaves the ledger: the number's way down to the cell crosses
        # its lower edge (hidden, not removed: close() fades it out with the row's box)
        self.narrate(f"{s.tokens[i]}·{s.tokens[j]} = {format_number(sweep.dot.total)}.", sweep.deliver(),
                     during(sweep.col_box.animate.set_stroke(opacity=0), 0.0, 0.2), run_time=1.8)
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
        # (a zoom's play leaves the heading inside the group it animated with the camera: zoom_out
        # moves only a heading in the scene itself, and a Veil keeps only that one, so it is put
        # back there before and after)
        self.add(self.heading)
        self.play(*sweep.close(), *(during(a, 0.6, 1.0) for a in ([] if plane_follows else self.restore())),
                  during(self.zoom_out(), 0.0, 0.6), run_time=1.0)
        self.add(self.heading)
        self.cell_box = sweep.cell_box

    def _fade_out_dimmed(self, leaves) -> list:
        """Animations fading `leaves` out entirely, remembered with the dimmed parts so that
        restore() (or the veil lifting, then restore()) brings them back as they were."""
        anims = []
        for leaf in leaves:
            if id(leaf) in self._dimmed:
                continue
            self._dimmed[id(leaf)] = (leaf, leaf.get_fill_opacity(), leaf.get_stroke_opacity())
            anims.append(leaf.animate.set_fill(opacity=0).set_stroke(opacity=0))
        return anims

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
        # the plane and its two arrows first, then the shadow as it is named
        self.narrate(f"Drawn in the {plane.names[0]}–{plane.names[1]} plane:", FadeIn(self.plane),
                     self.plane.grow([focus, first]), run_time=1.4)
        drop = figure.animation()
        self.narrate(f"{focus}'s shadow along {first} is {format_number(proj.shadow)} long.",
                     *([drop] if drop is not None else []),
                     during(FadeIn(shadow), 0.7, 1.0), run_time=1.6)
        # the formula's θ drawn where it is, between the two arrows; the other factor, the partner's
        # length, written along its arrow; the two product lines it adds up boxed as they are named
        measure = self._length_mark(first, card.length_text, shadow, angle)
        self.plane.figures.append(measure)
        plane_lines = VGroup(*(SurroundingRectangle(VGroup(self.work[0][k], self.work[1][k]), color=th.text, buff=0.05,
                                                    stroke_width=3) for k in plane.axes))
        own = VGroup()
        if len(angle):  # θ named as it is drawn, before the formula writes it (spelt out: the voice reads words)
            # the focus word's own length written along its arrow as it is said: the 1.30 on screen
            # is the shadow, not the length
            own = self._length_mark(first, card.length_text, shadow, angle, measure, of=focus)
            self.plane.figures.append(own)
            self.narrate(f"That shadow is its length, {format_number(proj.length_a)}, times cos theta, "
                         "theta the angle between them.",
                         during(FadeIn(own), 0.0, 0.3),
                         during(Succession(FadeIn(angle, run_time=0.8), Indicate(angle, color=th.focus, scale_factor=1.3)),
                                0.2, 1.0),
                         run_time=2.4)
        self.narrate(f"Times {first}'s length: {format_number(proj.plane_dot)},", FadeIn(card.formula),
                     during(FadeIn(measure), 0.2, 0.7),
                     during(self.plane.highlight(first), 0.2, 1.0), run_time=1.4)
        self.narrate(f"the {plane.names[0]} and {plane.names[1]} terms.", FadeIn(plane_lines), run_time=1.0)
        # the other dims' lines join them: the full sum, the score
        rest = [k for k in range(ex.d) if k not in plane.axes]
        all_lines = SurroundingRectangle(self.work, color=th.text, buff=0.08, stroke_width=3)
        self.narrate(f"All {ex.d} dims give the score, {format_number(proj.full_dot)}.",
                     *([during(Transform(plane_lines, all_lines), 0.0, 0.4)] if rest else []),
                     *(during(Indicate(self.work[0][k], color=th.text, scale_factor=1.1), 0.3, 0.8) for k in rest),
                     during(Indicate(self.work[1][-1], color=th.focus, scale_factor=1.3), 0.5, 1.0), run_time=1.6)
        self.table = self._alignment_table(partners)
        beats, said, lengths = [], [], []
        first_sentence = set(self.first.tokens)
        for k, partner in enumerate(partners[1:], start=1):
            proj = self.projections[partner]
            figure = self._beside_arrow(self.plane.projection(proj, th.key))
            self.figures[partner] = figure
            _, length = self._angle_marks(figure)  # each shadow's length written at it, as the first one's
            self.plane.figures.append(length)
            # the pair drawn, its row written, and the number said ("in the plane") boxed in it
            beats.append(AnimationGroup(during(self._grow_then(self.plane.grow([partner]), figure.animation()), 0.0, 0.7),
                                        during(FadeIn(length), 0.6, 0.7),
                                        during(FadeIn(VGroup(self.table.row_labels[k], self.table.row(k))), 0.0, 0.7),
                                        during(hop_through([self.table.cell_box(k, 1, th.focus)]), 0.7, 1.0)))
            lengths.append(length)
            # a partner the worked sentence lacks (keyboard) is said to come from the other one
            where = "" if partner in first_sentence else ", from the other sentence"
            if proj.cos is not None:
                said.append(f"Against {partner}{where}: {format_number(proj.plane_dot)} in the plane.")
            elif proj.length_b == 0:  # the partner's arrow is a point here: nothing to cast a shadow on
                said.append(f"Against {partner}{where}: no length in the plane, so 0.")
            else:
                said.append(f"Against {partner}{where}: no shadow at all.")
        self.play(LaggedStart(FadeOut(VGroup(self.work, card.tags, card.formula, plane_lines)),
                              FadeIn(VGroup(self.table.corner, self.table.col_labels, self.table.row_labels[0],
                                            self.table.row(0))),
                              lag_ratio=0.7), run_time=1.0)
        if beats:
            # the first pair's construction (its shadow, length, |b| and θ) dimmed while the others are
            # drawn and named: one pair read at a time; it comes back as the pairs are compared
            first_construction = [m for m in (self.figures[first], angle, shadow, measure, own) if len(m.family_members_with_points())]
            for m in first_construction:
                m.save_state()
            dim_first = [m.animate.fade(0.7) for m in first_construction]
            for n, (line, beat) in enumerate(zip(said, beats)):  # each pair drawn as it is named
                self.narrate(line, beat, *(during(a, 0.0, 0.3) for a in (dim_first if n == 0 else [])), run_time=2.4)
            # |a| |b| cos θ: the angle alone does not decide it; the angle pointed at as the direction
            # is said, the arrows (thickened in turn) as their lengths are
            self.narrate("In the plane, the score grows with both:",
                         *(during(m.animate.restore(), 0.0, 0.3) for m in first_construction),
                         hop_through([SurroundingRectangle(VGroup(self.table.col_labels[1], self.table.column(1)),
                                                           color=th.focus, buff=0.08)]), run_time=1.5)
            # θ named as it is pointed at (the formula's cos θ; spelt out: the voice reads words)
            self.narrate("how far the arrows point the same way (the angle theta)," if len(angle) else
                         "how far the arrows point the same way,",
                         *([Indicate(angle, color=th.focus, scale_factor=1.3)] if len(angle) else []), run_time=1.2)
            self.narrate("and how long they are.",
                         LaggedStart(*(self.plane.highlight(w) for w, v in self.plane.vectors.items()
                                       if not getattr(v, "is_dot", False)), lag_ratio=0.3),
                         run_time=1.4, wait=0.3)
        drawn = [self.plane, self.table, *self.plane.vectors.values(), *self.figures.values(), angle, shadow, measure,
                 own, *lengths]
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

    def _length_mark(self, word: str, text: str, *placed, of: str = "") -> VGroup:
        """|b| written beside b's arrow, preferably on the side away from a (the shadow and its
        length are on a's side), clear of the plane's other labels and of the perpendicular: the
        factor the shadow is multiplied by, seen where it is. Empty when b has no length in the
        plane. of=a: a's own length |a| instead, beside a's arrow, away from b."""
        proj = self.projections[word]
        if (proj.length_a if of else proj.length_b) == 0:
            return VGroup()
        if of:
            text, word = format_number(proj.length_a), of
        vec = self.plane.vectors[word]
        mark = label(f"|{word}| = {text}", self.theme, size=20, color=vec.body.get_color())
        placer = self.plane.placer()
        for mob in placed:
            if len(mob.family_members_with_points()):
                placer.avoid_box(mob, pad=0.06)
        dashed = self.figures[word].dashed if word in self.figures and self.figures[word].submobjects else None
        if dashed is not None:  # the perpendicular: a label across it reads as crossed out
            placer.avoid_segment(dashed.get_start(), dashed.get_end())
        this, other = (proj.a, proj.b) if of else (proj.b, proj.a)
        tip, origin = self.plane.c2p(this), self.plane.origin
        along = (tip - origin) / np.linalg.norm(tip - origin)
        away = np.array([along[1], -along[0], 0.0])
        if np.dot(self.plane.c2p(other) - origin, away) > 0:
            away = -away
        placer.place(mark, origin + 0.6 * (tip - origin), away)
        return mark

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
        target = self.work.generate_target()
        # every line named by its dim: the plane's two in their colours, the others muted (not drawn)
        names = list(self.example.dims)
        tags = VGroup(*(label(names[k], th, size=20, color=colours.get(k, th.text) if k in plane.axes else th.muted)
                        .next_to(target[0][k], LEFT, buff=0.25) for k in range(len(names))))
        places = factor_decimals(proj.shadow, proj.length_b, proj.plane_dot)  # the product checks as written
        # in the text colour: the focus colour stays the focus word's (and its shadow's)
        formula = VGroup(label("in the plane:", th, size=22, color=th.text),
                         label(f"|{a}| cos θ × |{b}| = {shortest(proj.shadow, places)} × {shortest(proj.length_b, places)}"
                               f" = {format_number(proj.plane_dot)}", th, size=22, color=th.text)).arrange(DOWN, buff=0.1,
                                                                                                         aligned_edge=LEFT)
        card = VGroup(VGroup(target, tags), formula).arrange(DOWN, buff=0.35, aligned_edge=LEFT)
        fit_left_half(card, bottom=SUBTITLE_TOP + 1.1)
        card.tags, card.formula = tags, formula
        card.length_text = shortest(proj.length_b, places)  # b's length as the formula writes it
        return card

    def _alignment_table(self, partners):
        """One row per pair: the shadow, the dot product in the plane, and over all dims."""
        ex, th = self.example, self.theme
        values = [[self.projections[p].shadow_on_b, self.projections[p].plane_dot, self.projections[p].full_dot]
                  for p in partners]
        # each row named by the partner alone, the focus word written once over them ("mouse ·"):
        # narrower labels leave the numbers larger
        table = MatrixGrid(np.array(values), th, name="alignment", row_labels=list(partners),
                           col_labels=["shadow", "in plane", f"all {ex.d} dims"], value_scale=self.score_scale,
                           cell_w=1.3)
        corner = label(f"{ex.focus} ·", th, size=22, color=th.focus)
        corner.scale(table.row_labels[0].font_size / corner.font_size)
        corner.next_to(table.row_labels, UP, buff=0.0).align_to(table.row_labels, RIGHT)
        corner.set_y(table.col_labels.get_y())
        table.add(corner)
        table.corner = corner
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
        # the orientation as labels on the table's edge, both level above it and read as written
        # (a label turned on its side does not read at this size): queries down its left, keys along
        keys = label("keys →", th, size=22, color=th.key)
        queries = label("queries ↓", th, size=22, color=th.query)
        for caption, edge in ((keys, RIGHT), (queries, LEFT)):
            caption.next_to(self.scores.rects, UP, buff=0.08).align_to(self.scores.rects, edge)
        self.orientation_labels = VGroup(keys, queries)
        box = self.scores.row_box(i, th.focus)
        # each word the row is compared with, named in turn along the row
        self.narrate(f"Row {s.tokens[i]} holds its similarity to every word.", FadeIn(box),
                     LaggedStart(*(Indicate(word, color=th.focus, scale_factor=1.1) for word in self.xt.col_labels),
                                 lag_ratio=0.4),
                     run_time=2.0)
        # its own score against the rest: softmax, next, weighs exactly these
        leader = leads_besides_own(s.simple.scores[i], i, self.scores.decimals)
        if leader is not None:
            self.narrate(f"Its largest score is with itself; among the others, {s.tokens[leader]} leads.",
                         hop_through([self.scores.cell_box(i, i, th.text), self.scores.cell_box(i, leader, th.text)]),
                         run_time=2.0)
        # each caption with its words, the labels it names pointed at
        self.narrate("Rows are queries,", FadeIn(queries, shift=DOWN * 0.1),
                     LaggedStart(*(Indicate(word, color=th.query, scale_factor=1.1) for word in self.x.row_labels),
                                 lag_ratio=0.3), run_time=1.2)
        self.narrate("columns are keys.", FadeIn(keys, shift=RIGHT * 0.1),
                     LaggedStart(*(Indicate(word, color=th.key, scale_factor=1.1) for word in self.xt.col_labels),
                                 lag_ratio=0.3), run_time=1.2)
        # what the row adds up to, beside it: weights would add up to 1 (only said when it is not 1)
        row = s.simple.scores[i]
        total = f"Σ {s.tokens[i]} row = {format_number(row_total(row), self.scores.decimals)}"
        if adds_up_to_one(row, self.scores.decimals):
            self.narrate("These are similarities, not yet weights.", Indicate(box, color=th.focus, scale_factor=1.0),
                         run_time=1.0, wait=1.0)
            return
        # the sum written first, "not 1" as it is said, on the sum's baseline (its first glyph, Σ, sits on it)
        note = VGroup(label(f"{total},", th, size=22), label("not 1", th, size=22, color=th.focus))
        note[1].next_to(note[0], RIGHT, buff=0.14).align_to(note[0][0], DOWN)
        note.next_to(self.scores_name, DOWN, buff=0.12).align_to(self.scores.rects, RIGHT)
        self.narrate("These are similarities,", Indicate(box, color=th.focus, scale_factor=1.0), run_time=1.0)
        # the row added up along its cells, the sum written under the table as the adding ends
        self.narrate("not yet weights.",
                     LaggedStart(*(Indicate(self.scores.number(i, j), color=th.focus, scale_factor=1.2)
                                   for j in range(len(s.tokens))), lag_ratio=0.25),
                     during(FadeIn(note[0], shift=DOWN * 0.1), 0.6, 1.0), run_time=1.4)
        self.narrate(f"Row {s.tokens[i]} adds up to {format_number(row_total(row), self.scores.decimals)}, not 1.",
                     # the sum pulses in colour only: grown, it would run into "not 1" beside it
                     FadeIn(note[1], shift=LEFT * 0.1), Indicate(note[0], color=th.focus, scale_factor=1.0),
                     run_time=1.0, wait=1.0)
