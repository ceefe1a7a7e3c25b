"""Step 2 — Scores = Input × Inputᵀ: every word compared with every word by a dot product."""

from __future__ import annotations

import numpy as np
from manim import (
    DL, DOWN, DR, LEFT, ORIGIN, RIGHT, UL, UP, UR, Angle, AnimationGroup, Arrow, BraceBetweenPoints, DashedLine, FadeIn,
    FadeOut, Indicate, LaggedStart, Line, MoveToTarget, Rectangle, SurroundingRectangle, Succession, Transform,
    UpdateFromAlphaFunc, ValueTracker, VGroup, Write, always_redraw, config, linear, smooth,
)

from attention_math.formatting import factor_decimals, format_number, scaling_factor_decimals, shortest
from attention_math.geometry import alignment_partners, embedding_plane, projection
from attention_math.story import (
    adds_up_to_one, diagonal_cell_worked, mirrored_score, shadow_length_said, row_total, scores_diagonal_is_length_squared, strongest_neighbour, Swept, sweep_turns, swept,
    weakest_term,
)
from scenes.base import ExplainerScene
from scenes.components import BAND_GAP, CELL_H, NUMBER_SIZE, MatrixGrid, fit_to_frame, label, product_layout, text_baseline
from scenes.geometry import (
    LabelPlacer, SUBTITLE_TOP, Veil, box_of, boxes_overlap, plane_in_region, segment_crosses, vector_body, word_colors,
)
from scenes.motion import Carry, ProductSweep, Vanish, during, hop_through, transpose
from scenes.staging import fit_region, regrow_column_labels


CARD_TOP = 2.65  # the worked sums' top, and the pairs' table's after them (under the heading)
WORDS_AT_LEAST = 22  # font size of the queries' and keys' words beside the grown Scores
WORDS_AT_MOST = 40  # (and at most: with few words, they grew past the numbers they name)
TALLER_AT_MOST = 1.8  # the grown Scores' rows at most this much taller than its columns' growth makes them
FULLER = 1.6  # the operands' numbers (and words) against their cells' height: larger than usual, as
               # the three tables' rows must share the stage's height (r30b: at 1.25 the numbers shrank
               # from Input's handed-over size to about 2/3 of it while the transpose ran: now about the same)
FULLER_AT_LEAST = 1.25  # ... but less where the widest number would fill more than NUMBER_ROOM of its
NUMBER_ROOM = 0.76      # cell's width (MatrixGrid shrinks a number past 0.86: "−0.40" smaller than "0.00")
PLOT_LEFT = 0.3  # the plane's region, from here to the frame's right margin (the worked numbers left of it,
                  # 0.4 clear of it: an upright arrow's |b| is written up along its brace at the region's edge)
BRACE_ROOM = 0.75  # under the plane's ticks: the brace measuring the partner along its axis, and its length
NOTE_MARGIN = 0.6  # the row's sum at least this far in from the frame's right edge (r28: 0.3, ~25 px, hugged it)
CAPTION_CLEAR = 0.45  # the plane's caption on one line only this far clear of the axes' names (r28: 0.1 crowded "tech")
CAPTION_MARGIN = 0.5  # the plane's caption this far in from the frame's right edge
# the shadow lies on the partner's arrow, from the origin (raised 0.17 beside it, it cut through the θ
# arc and did not seem to start at the origin, r19): a thick translucent band, the arrow under it still shows
SHADOW_BAND, SHADOW_OPACITY = 16, 0.45
HEADER_SIZE = 25  # the pairs' table's column names (its numbers 26, its words 28)
SHADOW_SIZE = 26  # the shadow's length written by it (r30: at 22 it read small beside the right-angle mark)
CAPTION_SIZE = 24  # "lengths in the … plane" (r30b: at 26 it took two lines, and "mouse, if longer" ran into it; r31: 22 read small)
LENGTH_SIZE = 25  # "|mouse| = 1.84" and the like by the arrows (r31: at 22 they read 16-20 px)
NOTE_SIZE = 27  # "θ = 45.0°", "cos θ = 0.707" left of the origin (r31: at 24, small)
THETA_SIZE = 30  # θ's letter, outside its arc (at 22, inside, it read 14 px tall, r19)


EMERGING = 0.15  # seconds a row's copy takes to fade in once it is clear of Input's cells


def transpose_keeping_source(source, target, through, run_time: float) -> AnimationGroup:
    """motion.transpose, `source` kept whole: its row is not taken out while its copy leaves
    (r24: Input lost a row at a time); instead each copy (its cells, numbers and word) is not drawn
    while any of it is over `source`'s cells, and fades in over EMERGING seconds once it is clear
    for good (r25: 0.35 opaque over Input, it still printed over Input's cells). A word that,
    closed up beside its first cell, would come back a hair over `source`'s last column (the first
    row's: "cat" by 0.05) is nudged clear meanwhile, so it is seen as it walks. `run_time`: the play's."""
    cells = source.rects
    left, right = cells.get_left()[0], cells.get_right()[0]
    bottom, top = cells.get_bottom()[1], cells.get_top()[1]
    alphas = np.linspace(0.0, 1.0, 801)
    kept = []
    for anim in transpose(source, target, through).animations:
        if isinstance(anim, Vanish) and anim.mobject is source:
            continue
        kept.append(anim)
        if not isinstance(anim, Carry):
            continue
        mover, arrival = anim.mobject, anim.target_mobject
        resized = anim.resize[1]

        def depth(alpha: float, anim=anim, mover=mover, arrival=arrival, resized=resized) -> float:
            """How far the copy reaches into `source`'s cells from their right (0: not over them)."""
            piece = mover if alpha < resized else arrival
            x, y = anim.route(alpha)[:2]
            half_w, half_h = max(mover.width, arrival.width) / 2 if alpha < resized else piece.width / 2, piece.height / 2
            if x + half_w <= left or y + half_h <= bottom or y - half_h >= top:
                return 0.0
            return max(0.0, right - (x - half_w))

        def spans(depths) -> list:  # the stretches of alphas where the copy is over the cells
            found, inside = [], False
            for a, d in zip(alphas, depths):
                if d > 0 and not inside:
                    found.append([a, a])
                if d > 0:
                    found[-1][1] = a
                inside = d > 0
            return found

        over = spans([depth(a) for a in alphas])
        if not over:
            continue
        if len(over) == 2 and max(depth(a) for a in alphas if a >= over[1][0]) < 0.15:
            # back over the cells by a hair: nudged right over the way there and back after
            push = max(depth(a) for a in alphas if a >= over[1][0]) + 0.03
            (_, out), (back_in, back_out) = over
            route = anim.route

            def nudged(alpha, route=route, push=push, out=out, back_in=back_in, back_out=back_out):
                rise = smooth(min(max((alpha - out) / max(back_in - out, 1e-6), 0.0), 1.0))
                fall = smooth(min(max((alpha - back_out) / max(1.0 - back_out, 1e-6), 0.0), 1.0))
                return route(alpha) + RIGHT * push * (rise - fall)

            anim.route = nudged
            over = spans([depth(a) for a in alphas])
        # (not drawn from the start, where it stands on the row it is copied from)
        clear = min(float(over[-1][1]) + 1.0 / 800, 1.0)
        kept.append(Vanish(mover, back=(clear, min(clear + EMERGING / run_time, 1.0)), ghost=0.0))
    return AnimationGroup(*kept)


def through(keyframes, phase: float) -> float:
    """The value at `phase` (0 … len(keyframes) − 1) of a run through `keyframes`, eased from each
    to the next: at a whole phase, exactly that keyframe."""
    if phase >= len(keyframes) - 1:
        return keyframes[-1]
    k = min(max(int(phase), 0), len(keyframes) - 2)
    return keyframes[k] + (keyframes[k + 1] - keyframes[k]) * smooth(min(max(phase - k, 0.0), 1.0))


class ScoresScene(ExplainerScene):
    scene_name = "scores"
    chapter = "Scores = Input × Inputᵀ"
    summary = "Every word compared with every word by dot products"
    steps = ("show_operands", "work_one_cell", "see_alignment", "fill_matrix", "read_orientation")
    # set by see_alignment (None / empty where the example has no plane or no sweep)
    mirror_leftovers: list = []  # what _mirrored leaves for the next sentence to take away (its card)
    in_plane_caption = None  # the plane's "lengths in the … plane": the moving "mouse, if longer" keeps off it
    sweep_partner_word = None  # the partner's word, where the live perpendicular stops
    sweep_readout: list = []  # the sweep's live readout, while it is drawn

    def show_operands(self):
        s, ex, th = self.first, self.example, self.theme
        tokens, dims = list(s.tokens), list(ex.dims)
        self.heading = self.chapter_title()
        # the dims in scene 1's colours (animal, tech; the others in the text colour) in both tables:
        # Input and Inputᵀ are told apart by their names, not by their dims' colours; their words in
        # the text colour (the focus word in its own) until rows and columns are named queries and
        # keys, which colours them (coloured from the start, they stood for what was not yet taught, r20)
        dim_colours = {j: self.dim_colors().get(j, th.text) for j in range(len(dims))}

        def operands(make, cell_h: float, fuller: float) -> tuple:
            """(Input, Inputᵀ, Scores, their names) at cells `cell_h` high, laid out for the product."""
            size = NUMBER_SIZE * fuller * cell_h / CELL_H
            xt = make(s.input.T, "input.T", row_labels=dims, col_labels=tokens, value_scale=self.vector_scale,
                      label_color=th.text, row_label_colors=dim_colours, col_label_colors=self.token_colors(tokens),
                      cell_h=cell_h, number_size=size)
            # Input's columns no wider than Scores' (MatrixGrid widens columns for their labels by up to
            # 1.6 ×: from a 1.6th of that, "grammar" shrinks to fit instead, then grows back over its
            # short neighbours' room; widened for it, Input took the width every number needs to grow)
            x = make(s.input, "input", row_labels=tokens, col_labels=dims, value_scale=self.vector_scale,
                     label_color=th.text, row_label_colors=self.token_colors(tokens), col_label_colors=dim_colours,
                     cell_w=xt.cell_w / 1.6, cell_h=cell_h, number_size=size)
            regrow_column_labels(x, gap=0.14)  # (wider, the dims' words fell under 22)
            # each inner dim's word moved a little towards the wider of its two gaps, so the gaps
            # either side even out ("grammar" and "mood" touched while "tech" had room, r20)
            words = list(x.col_labels)
            for k in range(1, len(words) - 1):
                left_gap = words[k].get_left()[0] - words[k - 1].get_right()[0]
                right_gap = words[k + 1].get_left()[0] - words[k].get_right()[0]
                words[k].shift(RIGHT * float(np.clip((right_gap - left_gap) / 2, -0.15 * x.cell_w, 0.15 * x.cell_w)))
            scores = make(s.simple.scores, "simple.scores", value_scale=self.score_scale, cell_w=xt.cell_w, cell_h=cell_h,
                          number_size=size)
            # the names as large as the tables' words
            names = (label("Input", th, size=size + 2, color=th.query), label("Inputᵀ", th, size=size + 2, color=th.key),
                     label("Scores", th, size=size + 2))
            layout = product_layout(x, xt, scores)
            names[0].next_to(x.rects, DOWN, buff=0.15)
            # Inputᵀ named in its top-left corner, over its dims and left of its words (the corner
            # is free: beside it, the name took width the tables grow into)
            names[1].next_to(xt.row_labels if len(xt.row_labels) else xt.rects, UP, buff=0.0)
            names[1].align_to(xt.row_labels if len(xt.row_labels) else xt.rects, RIGHT)
            names[1].set_y(xt.col_labels.get_y() if len(xt.col_labels) else xt.rects.get_top()[1] + names[1].height)
            names[2].next_to(scores.rects, DOWN, buff=0.15)
            return x, xt, scores, names, VGroup(layout, *names)

        # the stage is wider than the three tables at their cells' usual shape: the cells as much
        # taller as the stage's height leaves room for (the numbers grow with them), then all of it
        # as large as the stage between the heading and the subtitles' band allows
        top, bottom = 3.0, SUBTITLE_TOP + BAND_GAP
        def plain(values, name, **kw):  # (a trial's grid: not remembered as shown)
            return MatrixGrid(values, th, name=name, **kw)

        def fitting(cell_h: float) -> float:
            """FULLER, or less (down to FULLER_AT_LEAST) where the widest number would fill more than
            NUMBER_ROOM of its cell's width at cells `cell_h` high."""
            fuller = FULLER
            for _ in range(4):
                grids = operands(plain, cell_h, fuller)[:3]
                ratio = max(n.width / r.width for g in grids for r, n in zip(g.rects, g.numbers))
                if ratio <= NUMBER_ROOM or fuller <= FULLER_AT_LEAST:
                    break
                fuller = max(FULLER_AT_LEAST, fuller * NUMBER_ROOM / ratio)
            return fuller

        *_, trial = operands(plain, CELL_H, fitting(CELL_H))
        room_w, room_h = config.frame_width - 1.0, top - bottom
        taller = min(max((room_h / trial.height) / (room_w / trial.width), 1.0), 1.6)
        self.x, self.xt, self.scores, names, everything = operands(self.grid, CELL_H * taller, fitting(CELL_H * taller))
        self.layout = everything[0]
        self.x_name, self.xt_name, self.scores_name = names
        fit_to_frame(everything, top=top, bottom=bottom)
        self.scores.clear_fills()  # no score is coloured before it is computed
        self.play(Write(self.heading), run_time=0.8)
        self.narrate("Put the input on the left: one row per word.", *self.take_over(self.x, self.x_name), run_time=2.0)
        transposing = 1.1 * (len(tokens) + 0.35)
        self.narrate("Its transpose goes on top: each word's row turns into a column.",
                     transpose_keeping_source(self.x, self.xt, self.scores, transposing),
                     during(FadeIn(self.xt.row_labels), 0, 0.1),
                     during(FadeIn(self.xt_name), 0.9, 1.0),  # named once its last column is in (not beside nothing)
                     run_time=transposing)
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
        # (the running sum on every line, the first too: from the second line on, the column read as
        # starting halfway, r20)
        # the camera moves in on what is worked: the row, the column, the cell and the sums beside
        worked = [self.x.row(i), self.xt.column(j), self.scores.cell(i, j), sweep.ledger]
        worked += [self.x.row_labels[i]] if len(self.x.row_labels) else []
        worked += [self.xt.col_labels[j]] if len(self.xt.col_labels) else []
        # the rest dimmed before the camera moves in: what the zoomed view pushes into the subtitles'
        # band below is faint by then
        cut = self.cut_by_zoom(worked, keep=[*sweep.keep(), self.heading])
        self.narrate(f"One cell: {s.tokens[i]} compared with {s.tokens[j]}.", *sweep.open(),
                     *(during(a, 0.0, 0.4) for a in [*self.focus_on([*sweep.keep(), self.heading, *cut]),
                                                     *self._fade_out_dimmed(cut)]),
                     during(self.zoom_on(*worked), 0.4, 1.0), run_time=1.5)
        # the terms are worked while the sentence is said, not after it
        self.narrate(f"Multiply matching components, and add them up: the dot product {s.tokens[i]}·{s.tokens[j]}.",
                     Succession(*(sweep.term(k) for k in range(ex.d))), run_time=1.2 + 0.9 * (ex.d - 1))
        # the column's box goes as the sum leaves the ledger: the number's way down to the cell crosses
        # its lower edge (hidden, not removed: close() fades it out with the row's box)
        # (the sum lights up and appears in its cell: carried, it skimmed the column words and
        # Inputᵀ's last cell in the narrow corridor between them)
        self.narrate(f"{s.tokens[i]}·{s.tokens[j]} = {format_number(sweep.dot.total)}.", sweep.deliver(travel=False),
                     during(Indicate(sweep.sums[-1], color=th.text, scale_factor=1.1), 0.0, 0.5),
                     during(sweep.col_box.animate.set_stroke(opacity=0), 0.0, 0.2), run_time=1.8)
        # term by term: where the two agree most, the largest product; where they agree least, the
        # product nearest 0: each line boxed with the two entries it multiplies, one after the other
        def term_boxes(k):
            # (padded clear of the digits: at 0.06 its strokes hugged them, r27)
            return VGroup(SurroundingRectangle(sweep.products[k], color=th.focus, buff=(0.12, 0.08)),
                          self.x.cell_box(i, k, th.focus), self.xt.cell_box(k, j, th.focus))

        terms = [k for k in (sweep.dot.largest_term, weakest_term(sweep.dot.products)) if k is not None]
        self.narrate("The more two vectors agree, dimension by dimension,", hop_through([term_boxes(k) for k in terms]),
                     run_time=1.4 * len(terms))
        # with a plane to follow, the tables stay dimmed: a veil covers them next, and they are
        # brought back as it lifts (full brightness for a moment before the veil would be dead motion)
        plane_follows = embedding_plane(ex) is not None
        # (a zoom's play leaves the heading inside the group it animated with the camera: zoom_out
        # moves only a heading in the scene itself, and a Veil keeps only that one, so it is put
        # back there before and after)
        self.add(self.heading)
        if plane_follows:  # the tables go under a veil while the camera is in, then the camera goes
            # back with the products held where they stand on screen (they slide to the plane next):
            # zoomed out first, every table shrank to 60% and only then faded (r18)
            # (the boxes closing are not the veil's to bring back: they fade out over it)
            # (r31: lowered in 0.4 s on its own beat, the whole setup vanished between two frames a
            # quarter second apart: it dims in place over most of a second as the sum is pointed at,
            # the sums left alone on the frame as the sentence ends)
            self.veil = Veil(self, keep=[self.work, sweep.row_box, sweep.col_box])
            self.narrate("the larger their dot product.",
                         during(Indicate(sweep.sums[-1], color=th.focus, scale_factor=1.15), 0.0, 0.45),
                         *(during(a, 0.5, 0.75) for a in sweep.close()),
                         during(self.veil.lower(), 0.55, 1.0), run_time=2.2)
            self.veil.hidden()
            # (r25: the camera went back over 0.6 s in which nothing on screen moved: the sums alone
            # on a blank frame for 1.5 s; it goes back at once now, the sums and the heading kept
            # where they are on screen, and the plane comes in next)
            centre, share = self.zoom
            self.camera.frame.set(width=config.frame_width).move_to(ORIGIN)
            for m in (self.work, self.heading):
                m.shift(-centre).scale(1 / share, about_point=ORIGIN)
        else:
            self.narrate("the larger their dot product.", Indicate(sweep.sums[-1], color=th.focus, scale_factor=1.15),
                         run_time=1.0)
            self.play(*sweep.close(), *(during(a, 0.6, 1.0) for a in self.restore()),
                      during(self.zoom_out(), 0.0, 0.6), run_time=1.0)
        self.add(self.heading)
        self.cell_box = sweep.cell_box

    def _fade_out_dimmed(self, pieces) -> list:
        """Animations fading `pieces` (words, numbers, cells) out entirely, their leaves remembered
        with the dimmed parts so that restore() (or the veil lifting, then restore()) brings them
        back as they were. Each piece fades whole: a word is what is seen going, not its glyphs."""
        anims = []
        for piece in pieces:
            leaves = [leaf for leaf in piece.family_members_with_points() if id(leaf) not in self._dimmed]
            if not leaves:
                continue
            for leaf in leaves:
                self._dimmed[id(leaf)] = (leaf, leaf.get_fill_opacity(), leaf.get_stroke_opacity())
            anims.append(piece.animate.set_fill(opacity=0).set_stroke(opacity=0))
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
        self.plane = self._large_plane(plane, np.vstack([coords, feet]))
        self.plane.words(words, coords, word_colors(ex, th, plane, words, coords))
        self._partner_label_off_its_drop(partners[0])
        for word, xy in zip(words, coords):
            self._dot_named_with_coordinates(word, xy)
        for partner in partners[1:]:  # an upright arrow's word clear of its shaft (it touched it, r17)
            vec = self.plane.vectors[partner]
            if vec.label is not None and vec.leader is None and not vec.is_dot and vec.body.width < 0.3:
                shaft = vec.body.get_right()[0] if vec.label.get_x() > vec.body.get_x() else vec.body.get_left()[0]
                if vec.label.get_x() > vec.body.get_x():
                    vec.label.shift(RIGHT * max(0.0, shaft + 0.11 - vec.label.get_left()[0]))
                else:
                    vec.label.shift(LEFT * max(0.0, vec.label.get_right()[0] - (shaft - 0.11)))
        veil = self.veil  # (lowered as the camera left the worked cell)
        first = partners[0]
        proj = self.projections[first]
        card = self._products_card(focus, first, plane)
        self.card = card
        figure = self._shadow_band(self.plane.projection(proj, th.focus))
        self.figures = {first: figure}
        angle, shadow = self._angle_marks(figure)
        self.plane.figures += [angle, shadow]  # drawn on the plane: part of its figure
        # the products slide left as the plane is drawn beside them, then its two arrows (the dims
        # named once the products have landed: fading in under them, they showed through)
        # (r25: the plane from 0.2 of the cue on left the sums alone on the frame; it comes in as
        # they slide, clear of them: the plane's left edge is right of the sums' way)
        # (r26b: the Σ column was still sliding as the upright axis' numbers faded in 10 px from it,
        # and the sums floated on an empty frame: the axes come in with the slide from its start, and
        # their numbers and names once the sums have landed)
        shown = (self.plane.axes, self.plane.tick_labels, self.plane.axis_names)
        for part in shown:  # (each a part of the plane: moved to its target, nothing else joins the scene)
            part.generate_target()
            part.set_fill(opacity=0).set_stroke(opacity=0)
        self.add(self.plane)
        # (r31: slid in under half a second, the sums seemed to jump to their new place: they glide)
        self.narrate(f"Drawn in the {plane.names[0]}–{plane.names[1]} plane:", during(MoveToTarget(self.work), 0.0, 0.34),
                     during(MoveToTarget(shown[0]), 0.0, 0.34),
                     *(during(MoveToTarget(part), 0.32, 0.46) for part in shown[1:]),
                     during(FadeIn(card.tags), 0.4, 0.55),
                     during(self.plane.grow([focus, first]), 0.48, 0.92), run_time=2.0)
        drop = figure.animation()
        self.narrate(f"{focus}'s shadow along {first} is {format_number(proj.shadow)} long.",
                     *([drop] if drop is not None else []),
                     during(FadeIn(shadow), 0.7, 1.0), run_time=1.6)
        # the formula's θ drawn where it is, between the two arrows; the other factor, the partner's
        # length, written along its arrow; the two product lines it adds up boxed as they are named
        measure = self._length_brace(first, card.length_text, in_plane=True)
        self.plane.figures.append(measure)
        plane_lines = VGroup(*(SurroundingRectangle(VGroup(self.work[0][k], self.work[1][k]), color=th.text, buff=(0.18, 0.08),
                                                    stroke_width=3) for k in plane.axes))
        own = VGroup()
        # (r31: the sums' lines stood bright beside the identity being worked, the plane and θ: four
        # places to look) the term list steps back as the identity is written, and comes back as its
        # plane lines are pointed at, while the identity steps back in turn: one focus at a time
        term_list = [m for m in (self.work, card.tags) if len(m.family_members_with_points())]
        for m in term_list:
            m.save_state()
        stepped_back = []

        def terms_back() -> list:  # (once: in the cue that writes the identity's first part)
            if stepped_back:
                return []
            stepped_back.append(True)
            return [during(m.animate.set_opacity(0.3), 0.0, 0.3) for m in term_list]

        # the lengths written on the plane are the arrows' lengths in it, not over all the dims:
        # said once, in the plane's top right corner, as the first length is written (half a unit
        # in from the frame's edge: at the margin it read as cut off, r15)
        in_plane = label(f"lengths in the {plane.names[0]}–{plane.names[1]} plane", th, size=CAPTION_SIZE, color=th.muted)
        in_plane.align_to(self.plane.box, UP).align_to([config.frame_width / 2 - CAPTION_MARGIN, 0.0, 0.0], RIGHT)
        # (r28: 20 px from the upright axis' "tech" it crowded it: two lines unless it is well clear)
        if any(boxes_overlap(box_of(in_plane, CAPTION_CLEAR), box_of(name)) for name in self.plane.axis_names):
            # in two lines where one ran into the upper axis' name (a plane further right, r22)
            in_plane = VGroup(label("lengths in the", th, size=CAPTION_SIZE, color=th.muted),
                              label(f"{plane.names[0]}–{plane.names[1]} plane", th, size=CAPTION_SIZE, color=th.muted)).arrange(
                DOWN, buff=0.08, aligned_edge=RIGHT)
            in_plane.align_to(self.plane.box, UP).align_to([config.frame_width / 2 - CAPTION_MARGIN, 0.0, 0.0], RIGHT)
        self.plane.placer().avoid_box(in_plane)
        self.plane.figures.append(in_plane)
        self.in_plane_caption = in_plane  # (the moving "mouse, if longer" keeps off it too)
        if len(angle):  # θ named as it is drawn, before the formula writes it (spelt out: the voice reads words)
            # the focus word's own length written along its arrow as it is said: the 1.30 on screen
            # is the shadow, not the length
            own = self._length_mark(first, card.length_text, shadow, angle, measure, of=focus)
            self.plane.figures.append(own)
            # (in two cues: the length pointed at as it is said, then the angle as it is named)
            self.narrate(shadow_length_said(focus, proj.length_a),
                         # (coloured, not grown: grown, it printed over the axis' "1.0", r14)
                         during(Succession(FadeIn(own, run_time=0.6), Indicate(own, color=th.focus, scale_factor=1.0)),
                                0.0, 1.0), during(FadeIn(in_plane), 0.0, 0.4),
                         during(self.plane.highlight(focus), 0.2, 0.8), run_time=1.6)
            # the identity written as it is said: "|mouse| cos θ" with cos θ, "× |cat|" and its
            # numbers with the partner's length (all of it at once, it came 3 s after "cos theta", r22)
            tail = len(first) + 3  # the glyphs of "× |cat|" (a Text's glyphs leave out its spaces)
            said_first = VGroup(card.formula[0], *card.formula[1][:-tail])
            said_next = VGroup(*card.formula[1][-tail:], *card.formula[2:])
            self.narrate("times cos theta, theta the angle between them.", *terms_back(),
                         during(Succession(FadeIn(angle, run_time=0.8), Indicate(angle, color=th.focus, scale_factor=1.3)),
                                0.0, 0.7),
                         during(FadeIn(said_first), 0.1, 0.5),
                         during(Indicate(shadow, color=th.focus, scale_factor=1.2), 0.7, 1.0), run_time=2.2)
        else:
            said_first, said_next = VGroup(), card.formula
        # (r27: 0.707 was written 24 s before θ's 45° was: the angle and its cosine named by the
        # arc as the cosine is first written)
        self.theta_note = self._theta_note(proj, angle)
        # (r35c: "Times cat's plane length: 2.34" heard as cat's length being 2.34) the length said, then the product
        self.narrate(f"Times {first}'s plane length, {format_number(proj.length_b)}: {format_number(proj.plane_dot)},",
                     FadeIn(said_next), *terms_back(),
                     *([during(FadeIn(self.theta_note), 0.0, 0.4)] if len(self.theta_note) else []),
                     *([] if len(angle) else [FadeIn(in_plane)]),
                     during(FadeIn(measure), 0.2, 0.7),
                     during(self.plane.highlight(first), 0.2, 1.0), run_time=1.4)
        self.remove(said_first, said_next)  # (its parts came in as said: the identity is one piece again)
        self.add(card.formula)
        # (one focus: the identity steps back while the sums' lines are pointed at, r26: the sums,
        # the identity and the plane competed; it comes back as it rises to the column's top)
        self.narrate(f"the {plane.names[0]} and {plane.names[1]} terms.", FadeIn(plane_lines),
                     *(during(m.animate.restore(), 0.0, 0.3) for m in term_list),
                     during(card.formula.animate.set_opacity(0.3), 0.0, 0.3),
                     *([during(self.theta_note.animate.set_opacity(0.3), 0.0, 0.3)] if len(self.theta_note) else []),
                     run_time=1.0)
        # the other dims' lines join them: the full sum, the score
        rest = [k for k in range(ex.d) if k not in plane.axes]
        # (clear of the first digits, the pulses in colour only: grown, the sum crossed the box, r20)
        # (r27: grown out of the two lines' boxes, its edges swept through the digits between them:
        # the one box fades in as the two fade out, every stroke in the gaps between the lines)
        all_lines = SurroundingRectangle(self.work, color=th.text, buff=(0.2, 0.14), stroke_width=3)
        self.narrate(f"All {ex.d} dims give the score, {format_number(proj.full_dot)}.",
                     *([during(FadeOut(plane_lines), 0.0, 0.4), during(FadeIn(all_lines), 0.0, 0.4)] if rest else []),
                     *(during(Indicate(self.work[0][k], color=th.text, scale_factor=1.0), 0.3, 0.8) for k in rest),
                     during(Indicate(self.work[1][-1], color=th.text, scale_factor=1.0), 0.5, 1.0), run_time=1.6)
        if rest:
            plane_lines = all_lines  # (the box on screen now, faded with the sums)
        self.table = self._alignment_table(partners)
        # (r27: keyboard's "all dims 2.38" could not be checked, its numbers never shown) the
        # partners' vectors, all their dims, over the pairs' table where the left column is free
        # while they are read: the focus word's row and each partner's as the partner is drawn
        vectors = self._vectors_card(partners[1:]) if len(partners) > 1 else None
        self.vectors_card = vectors
        beats, said, lengths, beat_times = [], [], [], []
        first_sentence = set(self.first.tokens)
        # one comparison on the plane at a time: each pair's construction leaves as the next is drawn
        # (stacked, keyboard's shadow, arrow and the tech axis read as one line, and labels met lines)
        previous, hidden, held = [], [], []
        for k, partner in enumerate(partners[1:], start=1):
            proj = self.projections[partner]
            # in the focus word's colour, as the first shadow (it is the focus word's shadow), a
            # little further off the partner's arrow, which may lie along an axis
            figure = self._shadow_band(self.plane.projection(proj, th.focus))
            self.figures[partner] = figure
            _, length = self._angle_marks(figure)  # each shadow's length written at it, as the first one's
            self.plane.figures.append(length)
            # the partner's length written by its arrow, as the first partner's is
            # (an arrow along an axis measured by a brace beyond the axis' ticks, as the first partner's:
            # written beside it, between the two arrows, the focus word's arrow struck it through, r17)
            along_axis = proj.cos is not None and proj.length_b > 0 and min(abs(c) for c in proj.b[:2]) < 1e-9
            # (an upright one on the y axis beside that axis, its ticks hidden while it is read: beyond
            # them it stood squeezed between the ticks and the sums, r19; not for the last pair, whose
            # brace stays on)
            upright = along_axis and abs(proj.b[0]) < 1e-9 and k < len(partners) - 1
            y_ticks = VGroup(*(t for t in self.plane.tick_labels if t.get_right()[0] < self.plane.origin[0]))
            mark = (self._length_brace(partner, format_number(proj.length_b), clear_of_ticks=not upright) if along_axis else
                    self._length_mark(partner, format_number(proj.length_b), length) if proj.cos is not None else VGroup())
            self.plane.figures.append(mark)
            lengths.append(mark)
            cleared = [m for m in previous if len(m.family_members_with_points())]
            # besides an upright arrow's axis, any tick this pair's arrow, perpendicular or labels run
            # through goes while the pair is read, and comes back as its construction leaves (a near-
            # upright arrow ran through the tech ticks, its shadow's number over "1.0", r23)
            # (those under the arrow or its word stay hidden while the arrow stays: till the pairs are
            # compared; those under its construction, till the next pair's is drawn)
            crossed = self._ticks_in_the_way(partner, figure, [length, mark])
            held += [t for t in self._ticks_in_the_way(partner, None, []) if t not in held]
            now_hidden = [*(y_ticks if upright else []), *(t for t in crossed if not (upright and t in y_ticks))]
            now_hidden += [t for t in held if t not in now_hidden]
            back = [t for t in hidden if t not in now_hidden]
            ticks_back = [during(VGroup(*back).animate.set_opacity(1), 0.0, 0.15)] if back else []
            late = [t for t in now_hidden if t not in hidden and upright and t in y_ticks]
            early = [t for t in now_hidden if t not in hidden and t not in late]
            ticks_away = ([during(VGroup(*late).animate.set_opacity(0), 0.5, 0.6)] if late else []) + \
                         ([during(VGroup(*early).animate.set_opacity(0), 0.0, 0.15)] if early else [])
            hidden = now_hidden
            previous = [figure, length, mark]
            # a partner with no length in the plane scores only through the other dims (and: 0 in the
            # plane, 0.32 over all 4): said, and that cell boxed after the plane's
            elsewhere = proj.length_b == 0 and format_number(proj.full_dot) != format_number(0.0)
            # the pair drawn, its row written, and the number said ("in the plane") boxed in it
            said_cells = [self.table.cell_box(k, column, th.focus) for column in ((1, 2) if elsewhere else (1,))]
            beats.append(AnimationGroup(*(during(m.animate.set_opacity(0), 0.0, 0.15) for m in cleared), *ticks_back, *ticks_away,
                                        during(self._grow_then(self.plane.grow([partner]), figure.animation()), 0.0, 0.7),
                                        during(FadeIn(length), 0.6, 0.7), during(FadeIn(mark), 0.6, 0.75),
                                        # (r28: its numbers came before its shadow was drawn) the row named with
                                        # the arrow, its numbers once the shadow they come from is drawn, in turn
                                        during(FadeIn(self.table.row_labels[k]), 0.0, 0.25),
                                        *(during(FadeIn(self.table.cell(k, c)), 0.62 + 0.08 * c, 0.72 + 0.08 * c)
                                          for c in range(3)),
                                        *([during(FadeIn(VGroup(*([vectors.col_labels, vectors.row_labels[0], vectors.row(0)]
                                                                  if k == 1 else []),
                                                                vectors.row_labels[k], vectors.row(k))),
                                                   *((0.3, 0.5) if k == 1 else (0.0, 0.4)))]  # (once the identity is gone)
                                          if vectors is not None else []),
                                        during(hop_through(said_cells), 0.7 - 0.2 * (len(said_cells) - 1), 1.0)))
            beat_times.append(2.4 + 1.2 * (len(said_cells) - 1))  # a longer sentence, two cells in turn
            lengths.append(length)
            # a partner the worked sentence lacks (keyboard) is said to come from the other one
            where = "" if partner in first_sentence else ", from the other sentence"
            if proj.cos is not None:
                said.append(f"Against {partner}{where}: {format_number(proj.plane_dot)} in the plane.")
            elif proj.length_b == 0:  # the partner's arrow is a point here: nothing to cast a shadow on
                said.append(f"Against {partner}{where}: no length in the plane, so 0"
                            + (f"; its {format_number(proj.full_dot)} comes from the other dims." if elsewhere else "."))
            else:
                said.append(f"Against {partner}{where}: no shadow at all.")
        # one reading column: the worked products (done with) make way, the identity rises to the
        # column's top, the pairs' table comes in under it (faded, the sums held the prime corner
        # for 30 s after they stopped mattering, r20)
        # (one after the other: rising while the sums faded, the identity crossed them)
        def risen(formula):  # the identity at the column's top, grown (the sweep's readout takes its place and size)
            return formula.scale(self._identity_growth()).align_to([0.0, CARD_TOP, 0.0], UP).align_to(
                [-config.frame_width / 2 + 0.45, 0.0, 0.0], LEFT)

        if beats:
            # (r28: it rose, grew, then faded as the first partner came: churn) with other pairs to read, the
            # identity goes with the worked sums, where it stands, in one move; it is put at the column's top
            # unseen (where it comes back when the pair is worked again without a sweep)
            self.play(during(FadeOut(VGroup(self.work, card.tags, plane_lines, self.theta_note)), 0.0, 0.4),
                      during(card.formula.animate.set_opacity(0), 0.0, 0.4),
                      during(FadeIn(VGroup(self.table.corner, self.table.col_labels, self.table.row_labels[0],
                                           self.table.row(0))), 0.2, 0.75), run_time=1.0)
            risen(card.formula)
        else:
            self.play(during(FadeOut(VGroup(self.work, card.tags, plane_lines, self.theta_note)), 0.0, 0.3),
                      during(risen(card.formula.animate.set_opacity(1)), 0.3, 0.7),
                      during(FadeIn(VGroup(self.table.corner, self.table.col_labels, self.table.row_labels[0],
                                           self.table.row(0))), 0.7, 1.0), run_time=1.4)
        if beats:
            # the first pair's construction (its shadow, length, |b| and θ) dimmed while the others are
            # drawn and named: one pair read at a time; it comes back as the pairs are compared
            first_construction = [m for m in (self.figures[first], angle, shadow, measure, own) if len(m.family_members_with_points())]
            for m in first_construction:
                m.save_state()
            dim_first = [m.animate.set_opacity(0) for m in first_construction]  # (gone: one pair at a time)
            # the worked pair's products step back too: beside the other pairs, "tech 1.30×0.00" read
            # as mouse·keyboard (r14)
            shown = self._products_shown()
            dim_first += [m.animate.set_opacity(0.3) for m in shown]
            # the worked pair's identity too: its words end with it (bright, it named cat, the largest
            # text on screen, while keyboard and "and" were said, r22)
            identity = self._identity_shown()
            for m in identity:  # (already gone, at the column's top: saved there at full strength)
                m.set_opacity(1).save_state().set_opacity(0)  # (brought back where the pair is worked again without a sweep)
            # (r25: at 0.25 its four grey lines stayed 20 s as clutter: it goes, and comes back
            # only where the pair is worked again without a sweep)
            dim_first += [m.animate.set_opacity(0) for m in identity]
            for n, (line, beat, run_time) in enumerate(zip(said, beats, beat_times)):  # each pair drawn as it is named
                self.narrate(line, beat, *(during(a, 0.0, 0.3) for a in (dim_first if n == 0 else [])), run_time=run_time)
            # |a| |b| cos θ: the angle alone does not decide it; the angle pointed at as the direction
            # is said, the arrows (thickened in turn) as their lengths are
            # the first pair alone again (the others' arrows and constructions gone: what is varied
            # next is that pair's own arrow)
            others = [m for m in [*previous, *(self.plane.vectors[p] for p in partners[1:])]
                      if len(m.family_members_with_points())]
            # (the ticks the last pair's construction hid come back as it goes)
            self.narrate("In the plane, the score grows with both:",
                         *(during(m.animate.restore(), 0.0, 0.3) for m in first_construction),
                         *(during(m.animate.set_opacity(0), 0.0, 0.3) for m in others),
                         *([during(FadeOut(VGroup(self.vectors_card.col_labels, *self.vectors_card.row_labels,
                                                  *(self.vectors_card.row(r) for r in range(len(partners))))), 0.0, 0.3)]
                           if self.vectors_card is not None else []),
                         *([during(VGroup(*hidden).animate.set_opacity(1), 0.2, 0.4)] if hidden else []),
                         hop_through([SurroundingRectangle(VGroup(self.table.col_labels[1], self.table.column(1)),
                                                           color=th.focus, buff=0.08)]), run_time=1.5)
            sweep = self._sweep(first, first_construction, [*(self.figures[p] for p in partners[1:]), *lengths])
            if sweep is None:
                # θ named as it is pointed at (the formula's cos θ; spelt out: the voice reads words)
                # (the pair's identity back at full strength: its |a| cos θ × |b| is what is said)
                self.narrate("how far the arrows point the same way (the angle theta)," if len(angle) else
                             "how far the arrows point the same way,",
                             *(during(m.animate.restore(), 0.0, 0.3) for m in identity),
                             *([Indicate(angle, color=th.focus, scale_factor=1.3)] if len(angle) else []), run_time=1.2)
                self.narrate("and how long they are.",
                             LaggedStart(*(self.plane.highlight(w) for w in (focus, first)
                                           if not getattr(self.plane.vectors[w], "is_dot", False)), lag_ratio=0.3),
                             run_time=1.4, wait=0.3)
        drawn = [self.plane, self.table, *self.plane.vectors.values(), *self.figures.values(), angle, shadow, measure,
                 own, in_plane, *lengths, *self.sweep_readout, *self._products_shown(),
                 *self._identity_shown()]
        # one play, the tables coming back as the drawing goes (two plays left an empty frame
        # between them)
        # the drawing folds into the cell it computed (the worked score, under the veil) as the veil
        # lifts: the two overlap (the drawing under half opaque before the tables are over half
        # seen), so no frame between them is empty
        # (faded out, then lifted, the frame was blank for half a second, r24)
        # (r25: both at once, the drawing and the tables crossed through each other at half strength:
        # now the drawing is under 0.3 before the tables are over 0.3, with only a faint overlap)
        # ONE move back to the tables (r25: a cross-dissolve): the worked score, all its dims (the
        # pairs' table's first row), flies into its cell of Scores, taking its digits' size there,
        # as the whole drawing folds into that cell, drawn whole till it is small; then the veil
        # lifts round the landed number: the drawing is under half strength before the tables are
        # over it (no two labels read at once), and something is drawn at every moment
        target = self.scores.number(*self.worked)
        landing = target.copy().set_opacity(1)
        flyer = self.table.number(0, 2).copy()  # (the first partner is the worked word: mouse·cat)
        self.table.number(0, 2).set_opacity(0)
        saved = [(m, m.get_fill_opacity(), m.get_stroke_opacity()) for m in target.family_members_with_points()]
        target.set_opacity(0)  # (under the veil: the flyer takes its place as it lands)
        drawing = VGroup(*drawn)
        # the left column (the pairs' table, the readout or identity) goes first, where it stands,
        # the number leaving it as it goes; the plane shrinks back into itself and fades as the
        # number crosses to its cell (folded into the cell with it, its labels met the number on
        # the way, r26 tests); then the veil lifts round the landed number
        column = {id(m) for part in (self.table, *self.sweep_readout, *self._products_shown(),
                                     *self._identity_shown()) for m in part.get_family()}
        left = VGroup(*(m for m in drawn if id(m) in column))
        right = VGroup(*(m for m in drawn if id(m) not in column))
        # the sheet faded where it lies, under the heading: veil.lift()'s group, added on top of the
        # heading by the play, cut off the heading's letters while it faded (r25); lift() puts the
        # covered tables back under it
        veil.lift()
        # (r26b: the tables came back from their dimmed, zoomed-in look as the veil lifted: the worked
        # row and column first, a ghost of the old layout under the plane; they are put back whole
        # under the still opaque sheet, so they come back as one picture)
        on_screen = {id(m) for top in self.mobjects for m in top.get_family()}
        for key, (leaf, fill, stroke) in self._dimmed.items():
            if key in on_screen:
                leaf.set_fill(opacity=fill).set_stroke(opacity=stroke)
        self._dimmed = {}
        self.add(flyer)

        def faded(mob, seen: float):  # each part at `seen` of its own strength
            for m in mob.family_members_with_points():
                m.set_fill(opacity=m.get_fill_opacity() * seen).set_stroke(opacity=m.get_stroke_opacity() * seen)
            return mob

        # (r30: the plane folded into the cell while the tables grew round it, a cross-fade in which the
        # 2.42's origin was lost, and the large number landed over Input's 0.10) one thing at a time:
        # the plane shrinks away into its far corner as the number leaves the pairs' table, Scores'
        # empty grid comes back for it, the number travels over that empty grid to its cell (Input is not
        # back yet: nothing readable on its way) and lands at its cell's size; then the row and the
        # column it was computed from come back round it, then the rest of Input and Inputᵀ
        tables = [m for m in veil.under if len(m.family_members_with_points())]
        self.remove(veil.sheet)
        i, j = self.worked
        grid = {id(m) for part in (self.scores.rects, self.scores_name) for m in part.get_family()}
        sources = [self.x.row(i), self.xt.column(j), self.cell_box,
                   *([self.x.row_labels[i]] if len(self.x.row_labels) else []),
                   *([self.xt.col_labels[j]] if len(self.xt.col_labels) else [])]
        source = {id(m) for part in sources if part is not None for m in part.get_family()}
        worked_cell = {id(m) for m in self.scores.cell(i, j)[0].get_family()}  # (coloured as its number lands)
        # (Scores' grid only once the plane is under half strength and shrunk off its lower part: sooner,
        # its lines ran through the plane's axis, two pictures at once)
        # (r31: in 1.5 s, the number's trip took half a second, and the drawing went between two frames
        # a quarter second apart: a cut; over 2 s, the number is seen travelling to its cell)
        # (r32: the grid came while the pairs' table and the readouts were still a quarter seen: they
        # are gone, at 0.3, before it starts)
        # (r33: the number crossed a bare grid alone for ~0.6 s, "a lone 2.42 across the border": the
        # drawing goes faster, the grid is there as the number sets off and it slides straight into
        # its cell; the row and column come back round it as it lands)
        windows = {"grid": (0.2, 0.32), "cell": (0.38, 0.44), "source": (0.4, 0.58), "rest": (0.52, 0.8)}
        leaves = []
        for m in tables:
            for leaf in m.family_members_with_points():
                kind = ("cell" if id(leaf) in worked_cell else "grid" if id(leaf) in grid else
                        "source" if id(leaf) in source else "rest")
                leaves.append((leaf, leaf.get_fill_opacity(), leaf.get_stroke_opacity(), windows[kind]))
                leaf.set_fill(opacity=0).set_stroke(opacity=0)

        def reveal(_, alpha: float):
            for leaf, fill, stroke, (a, b) in leaves:
                seen = smooth(min(max((alpha - a) / (b - a), 0.0), 1.0))
                leaf.set_fill(opacity=fill * seen).set_stroke(opacity=stroke * seen)

        corner = self.plane.box.get_corner(UR)
        away = faded(right.copy().scale(0.35, about_point=corner), 0.0)
        # (the pairs' table fades as the number leaves its row: where it comes from is seen)
        self.play(during(FadeOut(left), 0.0, 0.2),
                  during(Transform(right, away, rate_func=smooth, remover=True), 0.0, 0.22),
                  during(Transform(flyer, landing), 0.16, 0.42),
                  UpdateFromAlphaFunc(tables[0], reveal, rate_func=linear), run_time=2.0)
        for m, fill, stroke in saved:
            m.set_fill(opacity=fill).set_stroke(opacity=stroke)
        self.remove(flyer, drawing, *drawn)  # (gone, as a fade-out would leave them)

    def _vectors_card(self, partners):
        """The focus word's vector and each partner's, every dim (from the example's embeddings),
        in the left column over the pairs' table: the table's "all dims" checks from them."""
        ex, th = self.example, self.theme
        words = [ex.focus, *partners]
        dim_colours = {j: self.dim_colors().get(j, th.text) for j in range(len(ex.dims))}
        card = MatrixGrid(np.array([ex.embeddings[w] for w in words], dtype=float), th, name="vectors",
                          row_labels=words, col_labels=list(ex.dims), value_scale=self.vector_scale,
                          label_color=th.text, row_label_colors={0: th.focus}, col_label_colors=dim_colours,
                          cell_w=0.85, cell_h=0.55, number_size=24)
        regrow_column_labels(card, gap=0.14)  # (narrow columns, the dims' words over their edges, as Input's)
        top = CARD_TOP - 0.1
        bottom = self.table.get_top()[1] + 0.4
        fit_region(card, left=-config.frame_width / 2 + 0.45, right=PLOT_LEFT - 0.3, top=top, bottom=bottom, grow=1.2)
        card.align_to([0.0, top, 0.0], UP).align_to([-config.frame_width / 2 + 0.45, 0.0, 0.0], LEFT)
        # only where its numbers and words read (eight dims leave them 15 px tall: not shown)
        words = [*card.numbers, *card.row_labels, *card.col_labels]
        if min(getattr(w, "font_size", WORDS_AT_LEAST) for w in words) < WORDS_AT_LEAST - 1e-6:
            return None
        return card

    def _theta_note(self, proj, angle) -> VGroup:
        """θ and cos θ (as the identity writes it) in two lines left of the plane's origin, level
        with the arc: the 0.707 of the identity named where its angle is drawn. Empty when there is
        no arc or the identity writes no cosine."""
        th = self.theme
        cos_text = self._cos_as_written(proj, factor_decimals(proj.shadow, proj.length_b, proj.plane_dot))
        theta = swept(proj.a, proj.b).angle
        if not len(angle) or cos_text is None or theta is None:
            return VGroup()
        note = VGroup(label(f"θ = {format_number(theta, Swept.ANGLE_DECIMALS)}°", th, size=NOTE_SIZE, color=th.focus),
                      label(f"cos θ = {cos_text}", th, size=NOTE_SIZE, color=th.focus)).arrange(DOWN, buff=0.1, aligned_edge=RIGHT)
        origin = self.plane.origin
        # left of all the plane's parts (its tick numbers' column included), level with the arc
        left = min(part.get_left()[0] for part in self.plane.parts() if part.family_members_with_points())
        note.next_to([left, origin[1], 0.0], LEFT, buff=0.12)
        note.set_y(origin[1] + 0.05)
        note.text_lines = [f"θ = {format_number(theta, Swept.ANGLE_DECIMALS)}°", f"cos θ = {cos_text}"]
        return note

    def _sweep(self, first: str, construction: list, others: list):
        """The score's two factors shown at work: the focus word's arrow turned towards its partner
        and away, then made longer and shorter, its shadow, the angle and a readout (θ, its length,
        the partner's, the dot product in the plane, every value from story.swept) following live;
        it ends exactly on the true vector and the drawing comes back as it was. The true arrow stays
        as a pale ghost to return to (its word hidden till then); the other pairs' constructions
        step aside meanwhile. None (and nothing done) when there is no angle to turn."""
        th, focus = self.theme, self.example.focus
        proj = self.projections[first]
        turns = sweep_turns(proj.a, proj.b)
        if turns is None or not len(construction):
            return None
        # one tracker each, running through its keyframes (the turns: towards, away, back; the
        # lengths: longer, shorter, back), eased from one to the next
        turn, stretch = ValueTracker(0.0), ValueTracker(0.0)
        towards, _ = turns
        plane, origin = self.plane, self.plane.origin
        # longer only as far as the axes reach (the arrow stays inside its plane), shorter always
        room = min([hi / c for c, hi in zip(proj.a, (plane.x_range.high, plane.y_range.high)) if c > 1e-9] +
                   [lo / c for c, lo in zip(proj.a, (plane.x_range.low, plane.y_range.low)) if c < -1e-9] + [1.3])
        # one sweep each (turned towards the partner and back; longer, or shorter where the axes
        # leave no room, and back): two each kept the viewer 9 s from the product itself (r18)
        angles = [0.0, towards, 0.0]
        lengths = [1.0, 0.97 * room if room > 1.08 else 0.55, 1.0]

        def now():
            return swept(proj.a, proj.b, through(angles, turn.get_value()), through(lengths, stretch.get_value()))

        true_word = plane.vectors[focus].label

        edge = config.frame_width / 2 - 0.15
        sides = ((RIGHT, 0.0), (RIGHT, -1.0), (RIGHT, 1.0), (LEFT, -1.0), (LEFT, 0.0), (LEFT, 1.0))

        def named_as(how: str) -> VGroup:
            return VGroup(label(f"{focus},", th, size=22, color=th.focus),
                          label(how, th, size=22, color=th.focus)).arrange(DOWN, buff=0.06, aligned_edge=LEFT)

        def placed(words, tip, side, lower):
            words.next_to(tip, side, buff=0.15).shift(DOWN * lower * (words.height / 2 + 0.1))
            return words.shift(LEFT * max(0.0, words.get_right()[0] - edge))

        def off_words(words) -> bool:  # off the true word and the plane's caption
            # (r30b: at 26 px the plane's caption reached the tip's right: "if longer" ran into it)
            # (the true word only while it is seen: it is hidden while the arrow is moved, r15)
            kept_off = [m for m in (true_word, self.in_plane_caption)
                        if m is not None and (m is not true_word or m.get_fill_opacity() > 0.05)]
            return not any(boxes_overlap(box_of(words, 0.05), box_of(m)) for m in kept_off)

        def crossed(words, tip) -> bool:  # the moved arrow through the words (r19: "mouse, if longer" across it)
            return segment_crosses(box_of(words, 0.05), origin, tip, samples=41)

        # (r30b: "mouse, if longer" switched sides beside the shaft as the tip moved, 68.2 and 69.4 s)
        # one side for the whole of each what-if: the first side that is clear at every tip that
        # what-if passes through, else the first off the words at all of them
        tips_of = {"if rotated": [plane.c2p(swept(proj.a, proj.b, a, 1.0).a) for a in np.linspace(0.0, towards, 25)[1:]],
                   "if longer": [plane.c2p(swept(proj.a, proj.b, 0.0, k).a) for k in np.linspace(1.0, max(lengths), 25)[1:]],
                   "if shorter": [plane.c2p(swept(proj.a, proj.b, 0.0, k).a) for k in np.linspace(min(lengths), 1.0, 25)[:-1]]}
        chosen = {}

        def side_for(how: str):
            if how not in chosen:
                words, tips = named_as(how), tips_of[how]
                clear = [sl for sl in sides if all(off_words(placed(words, t, *sl)) and not crossed(words, t) for t in tips)]
                off = [sl for sl in sides if all(off_words(placed(words, t, *sl)) for t in tips)]
                chosen[how] = clear[0] if clear else off[0] if off else None
            return chosen[how]

        def what_if() -> VGroup:
            """The moved arrow named by what was done to it (nothing when it is the true one): the
            readout's values are the moved arrow's, not the focus word's."""
            angle, length = through(angles, turn.get_value()), through(lengths, stretch.get_value())
            if abs(angle) < 0.05 and abs(length - 1.0) < 0.005:
                return VGroup()
            how = "if rotated" if abs(length - 1.0) < 0.005 else ("if longer" if length > 1.0 else "if shorter")
            words, tip = named_as(how), plane.c2p(now().a)
            kept = side_for(how)
            if kept is not None:
                return placed(words, tip, *kept)
            # right of the tip, else above or under that, else left of it: off the true word, off the
            # arrow (and in the frame); the first place that is, else the first off the true word
            fallback = None
            for side, lower in sides:
                placed(words, tip, side, lower)
                if off_words(words):
                    if not crossed(words, tip):
                        return words
                    fallback = fallback if fallback is not None else words.get_center()
            if fallback is not None:
                words.move_to(fallback)
            return words

        self.sweep_partner_word = plane.vectors[first].label  # (the perpendicular stops at it)
        arrow = always_redraw(lambda: vector_body(origin, plane.c2p(now().a), th.focus))
        figure = always_redraw(lambda: self._live_shadow(now(), proj.b))
        named = always_redraw(what_if)
        readout = self._sweep_readout(first, now)
        live = VGroup(figure, arrow, named)
        plane.figures += [live, turn, stretch]  # (the trackers too: a tracker is a point in the scene)
        self.sweep_readout = [readout]
        # the true arrow stays, pale: what the moved one is compared with; its word goes till the
        # way back (the moving "mouse, if ..." and the new arrow ran over it, r15)
        body = VGroup(plane.vectors[focus].body, *([plane.vectors[focus].label] if plane.vectors[focus].label else []))
        aside = [*construction, *(m for m in others if len(m.family_members_with_points()))]
        for m in [body, *aside]:
            m.save_state()
        # the readout written (its values the true ones), then the live drawing put exactly over
        # the true one; neither is animated while things move (an animation on a mobject stops
        # its updaters for the whole play)
        products = [*self._products_shown(), *self._identity_shown()]  # (the readout is the identity, live)
        self.play(LaggedStart(*([FadeOut(VGroup(*products))] if products else []), FadeIn(readout), lag_ratio=1.0),
                  run_time=0.4 + 0.3 * bool(products))
        self.add(live)
        self.narrate("how far the arrows point the same way (the angle theta),",
                     during(AnimationGroup(body[0].animate.set_opacity(0.25), *(m.animate.set_opacity(0) for m in body[1:]),
                                           *(m.animate.set_opacity(0) for m in aside)),
                            0.0, 0.15),
                     during(turn.animate(rate_func=linear).set_value(len(angles) - 1), 0.15, 1.0), run_time=2.4)
        self.narrate("and how long they are.",
                     stretch.animate(rate_func=linear).set_value(len(lengths) - 2), run_time=0.4 + 0.9 * (len(lengths) - 2))
        # the way back to the true arrow said as it is made (a silent return read as a pause)
        self.narrate(f"Back to the true {focus}: {format_number(proj.plane_dot)} in the plane.",
                     during(stretch.animate(rate_func=linear).set_value(len(lengths) - 1), 0.0, 0.6),
                     during(AnimationGroup(*(m.animate.restore() for m in [body, *construction])), 0.6, 1.0), run_time=1.6)
        turn.set_value(len(angles) - 1), stretch.set_value(len(lengths) - 1)  # exactly the true vector
        live.clear_updaters()
        self.remove(live, turn, stretch)  # the true drawing, back under it, is the same picture
        return live

    def _live_shadow(self, now, b) -> VGroup:
        """The swept arrow's construction against its partner, drawn afresh: the perpendicular from
        its tip, the shadow laid beside the partner's arrow (as the true one is), the angle's arc."""
        th, plane, origin = self.theme, self.plane, self.plane.origin
        tip, foot, b_tip = plane.c2p(now.a), plane.c2p(now.foot), plane.c2p(b)
        parts = VGroup()
        if now.angle is None:
            return parts
        # (r29: turned towards the partner, the perpendicular's foot came under the partner's word
        # at its arrow's tip and the line ran through "cat": it stops at the word, as at a label
        # with a background; a stub under the word shorter than a dash is left out)
        word = self.sweep_partner_word
        for start, end in self._clear_of(tip, foot, word):
            parts.add(DashedLine(start, end, dash_length=0.08, color=th.muted, stroke_width=2.5))
        if np.linalg.norm(foot - origin) > 0.02:
            parts.add(Line(origin, foot, color=th.focus, stroke_width=SHADOW_BAND, stroke_opacity=SHADOW_OPACITY))
        if 4.0 < now.angle < 176.0:  # an arc too narrow (or too open) to draw reads as a smudge
            lines = (Line(origin, b_tip), Line(origin, tip))
            counter_clockwise = np.cross(b_tip - origin, tip - origin)[2] > 0
            # a narrower angle's arc drawn further out, where the arrows are far enough apart for its
            # letter (at 0.45, an 18.6° arc was a sliver with no θ, r22); 0.45 from about 36° up
            letter = max(self._theta(origin, RIGHT).width, self._theta(origin, RIGHT).height)
            needed = (letter + 0.12) / np.radians(now.angle) - 0.06 - letter / 2
            radius = min(max(0.45, needed), 1.3)
            arc = Angle(*(lines if counter_clockwise else lines[::-1]), radius=radius, color=th.focus, stroke_width=3)
            middle = arc.point_from_proportion(0.5) - origin
            # its letter stays on it as it turns, where the true one's stands (r14: only the arc turned)
            # (not in a very narrow angle: there the letter sat on the arrows)
            parts.add(arc, *([self._theta(origin, middle, radius)] if needed <= 1.3 and now.angle <= 155.0 else []))
        return parts

    @staticmethod
    def _clear_of(start, end, word, pad: float = 0.06) -> list:
        """The segment start–end as the pieces of it outside `word`'s box (grown by `pad`); pieces
        shorter than 0.12 (a dash and a gap) are left out. The whole segment when there is no word."""
        if word is None or not len(word.family_members_with_points()):
            return [(start, end)]
        box = box_of(word, pad)
        delta = end - start
        low, high = 0.0, 1.0
        for k, (lo, hi) in enumerate(((box[0], box[2]), (box[1], box[3]))):
            if abs(delta[k]) < 1e-12:
                if not lo <= start[k] <= hi:
                    return [(start, end)]
                continue
            a, b = sorted(((lo - start[k]) / delta[k], (hi - start[k]) / delta[k]))
            low, high = max(low, a), min(high, b)
        if low >= high:  # (it misses the word)
            return [(start, end)]
        pieces = [(start, start + delta * low), (start + delta * high, end)]
        return [(a, b) for a, b in pieces if np.linalg.norm(b - a) >= 0.12]

    def _products_shown(self) -> list:
        """The worked products and their dims' names, while they are still on screen."""
        shown = {id(m) for m in self.get_mobject_family_members()}
        return [m for m in (self.work, self.card.tags) if id(m) in shown]

    def _identity_growth(self) -> float:
        """How much the identity grows as it rises to the column's top alone: as wide as the column
        allows, up to 1.4 × (the worked sums' size beside them, about 24, was small for the one
        line the plane is about, r20), leaving the pairs' table its rows under it."""
        formula = self.card.formula
        width = PLOT_LEFT - 0.4 - (-config.frame_width / 2 + 0.45)
        return max(1.0, min(1.4, width / formula.width, (CARD_TOP - (SUBTITLE_TOP + BAND_GAP) - 3.2) / formula.height))

    def _identity_shown(self) -> list:
        """The identity |a| cos θ × |b| written out, while it is still on screen."""
        shown = {id(m) for m in self.get_mobject_family_members()}
        return [m for m in (self.card.formula,) if id(m) in shown]

    def _sweep_readout(self, first: str, now) -> VGroup:
        """θ, the focus word's length, the partner's and their dot product in the plane, written
        where the worked products were, over the pairs' table, and following the sweep (the values
        from story.swept)."""
        th, focus = self.theme, self.example.focus
        length_b = self.projections[first].length_b
        # (the in-plane value from the readout's own numbers: it checks as written at every moment)
        rows = [(lambda: f"θ = {format_number(now().angle, Swept.ANGLE_DECIMALS)}°", th.focus),
                (lambda: f"|{focus}| in plane = {format_number(now().length)}", th.focus),
                (lambda: f"|{first}| in plane = {format_number(length_b)}", th.text),
                (lambda: f"{focus}·{first} in plane = {format_number(now().in_plane_as_written(length_b))}", th.text)]
        # as large as the identity whose place it takes (smaller, it left a gap over the table)
        lines = VGroup(*(label(text(), th, size=28, color=colour) for text, colour in rows)).arrange(
            DOWN, buff=0.16, aligned_edge=LEFT)
        lines.scale(max(1.0, self.card.formula[0].font_size / 28))
        # where the identity was, at the column's top (it makes way for it): its factors, live
        lines.align_to([0.0, CARD_TOP, 0.0], UP).align_to(self.card.formula, LEFT)
        lowest = self.table.get_top()[1] + 0.25  # clear of the pairs' table under it
        if lines.get_bottom()[1] < lowest:
            lines.scale((lines.get_top()[1] - lowest) / lines.height, about_edge=UP)
        size = lines[0].font_size
        anchors = [line.get_left() for line in lines]

        def live(text, colour, anchor):
            return always_redraw(lambda: label(text(), th, size=28, color=colour).scale(size / 28)
                                 .move_to(anchor, aligned_edge=LEFT))

        return VGroup(*(live(text, colour, anchor) for (text, colour), anchor in zip(rows, anchors)))

    def _large_plane(self, plane, points):
        """The plane as large as the right part of the frame allows: from PLOT_LEFT to the right
        margin, from beside the heading (it ends left of the plot) down to the subtitles' band,
        BRACE_ROOM left under its ticks for the brace measuring the partner. (The plane keeps a
        margin round its axes for labels: it grows into that, its ticks and names with it.)"""
        th = self.theme
        colours = [self.dim_colors().get(a, th.text) for a in plane.axes]
        left = max(PLOT_LEFT, self.heading.get_right()[0] + 0.15)
        # its top (the upper axis's name) under the heading's band, not level with the title (r15)
        right = config.frame_width / 2 - 0.3
        top = min(config.frame_height / 2 - 0.5, self.heading.get_bottom()[1] - 0.12)
        bottom = SUBTITLE_TOP + BAND_GAP
        figure = plane_in_region(plane, points, th, left=left, right=right, top=top, bottom=bottom + BRACE_ROOM,
                                 axis_colors=colours)
        drawn = VGroup(figure.axes, figure.tick_labels, figure.axis_names)
        factor = min((right - left) / drawn.width, (top - bottom - BRACE_ROOM) / drawn.height)
        figure.scale(factor, about_point=drawn.get_center())  # (shrunk too: under the heading's band it can be too tall)
        figure.shift(np.array([(left + right) / 2 - drawn.get_center()[0], top - drawn.get_top()[1], 0.0]))
        # the region it stands in (its label placer keeps to it): down to the band, the brace's room included
        figure.box.stretch_to_fit_width(right - left).stretch_to_fit_height(top - bottom)
        figure.box.move_to([(left + right) / 2, (top + bottom) / 2, 0.0])
        return figure

    def _away_from(self, a, b) -> tuple:
        """(along, away): unit vectors along b's arrow and across it, away from a's side."""
        origin = self.plane.origin
        along = self.plane.c2p(b) - origin
        along = along / max(np.linalg.norm(along), 1e-9)
        away = np.array([along[1], -along[0], 0.0])
        if np.dot(self.plane.c2p(a) - origin, away) > 0:
            away = -away
        return along, away

    def _partner_label_off_its_drop(self, partner: str):
        """The partner's word at its arrow's tip, on the side away from the focus word: the
        perpendicular dropped from the focus word (turned towards the partner later) comes down on
        the focus word's side, and cut through the word there."""
        vec, proj = self.plane.vectors[partner], self.projections[partner]
        if vec.is_dot or vec.label is None or proj.length_b == 0:
            return
        placer, old = self.plane.placer(), box_of(vec.label, 0.04)
        placer.boxes = [b for b in placer.boxes if not np.allclose(b, old, atol=1e-6)]
        if vec.leader is not None:
            vec.remove(vec.leader)
            vec.leader = None
        _, away = self._away_from(proj.a, proj.b)
        placer.place(vec.label, self.plane.c2p(proj.b), away)
        # an arrow along an axis: its word, under the axis' own name, read as one with it ("cat" under
        # "animal", r26): on the other side, beyond the perpendicular's foot, where that is clear
        flipped = False
        if any(boxes_overlap(box_of(vec.label, 0.25), box_of(name)) for name in self.plane.axis_names):
            placed = box_of(vec.label, 0.04)
            at = vec.label.get_center()
            placer.boxes = [b for b in placer.boxes if not np.allclose(b, placed, atol=1e-6)]
            placer.place(vec.label, self.plane.c2p(proj.b), -away)
            a_tip, foot = self.plane.c2p(proj.a), self.plane.c2p(proj.foot)
            if (segment_crosses(box_of(vec.label, 0.08), a_tip, foot, samples=41)
                    or any(boxes_overlap(box_of(vec.label, 0.1), box_of(name)) for name in self.plane.axis_names)):
                there = box_of(vec.label, 0.04)
                placer.boxes = [b for b in placer.boxes if not np.allclose(b, there, atol=1e-6)]
                vec.label.move_to(at)
                placer.avoid_box(vec.label, pad=0.04)
            else:
                flipped = True
        # a tick's number right beside the word read as one phrase with it ("1.5 cat", r22): that
        # tick's number goes (the brace gives the arrow's length)
        # (over the axis, across it from the ticks, the word keeps them: the axis' 1.5 went, r26)
        for tick in self.plane.tick_labels:
            if boxes_overlap(box_of(tick, 0.08 if flipped else 0.3), box_of(vec.label)):
                tick.set_opacity(0)

    def _dot_named_with_coordinates(self, word: str, xy) -> None:
        """A word drawn as a dot (no length in the plane: and at the origin) named with where it
        is, "and (0, 0)", in the text colour and the dot larger: muted and bare, it read as a stray
        grey mark at the origin (r20)."""
        vec = self.plane.vectors[word]
        if (not vec.is_dot or vec.label is None or vec.leader is not None
                or getattr(vec.label, "original_text", None) != word):  # (not a crowd's shared label)
            return
        th, placer = self.theme, self.plane.placer()
        old = box_of(vec.label, 0.04)
        placer.boxes = [b for b in placer.boxes if not np.allclose(b, old, atol=1e-6)]
        where = ", ".join(shortest(float(c), 2, least=0) for c in xy)
        named = label(f"{word} ({where})", th, size=max(vec.label.font_size, 24), color=th.text)
        named.move_to(vec.label)
        vec.body.set_color(th.text).scale(1.5)
        vec.remove(vec.label)
        vec.label = named
        vec.add(named)
        placer.place(named, vec.body.get_center(), vec.label.get_center() - vec.body.get_center())

    def _length_brace(self, word: str, text: str, clear_of_ticks: bool = True, in_plane: bool = False) -> VGroup:
        """|b| measured by a thin brace from the origin to b's tip, on the side away from a, under
        what lies on that side (the ticks of the axis b lies along, b's word), the length under it:
        the whole arrow is what is measured (beside the perpendicular, it read as that segment's)."""
        proj = self.projections[word]
        if proj.length_b == 0:
            return VGroup()
        vec = self.plane.vectors[word]
        colour = vec.body.get_color()
        origin, tip = self.plane.origin, self.plane.c2p(proj.b)
        along, away = self._away_from(proj.a, proj.b)
        length = np.linalg.norm(tip - origin)
        reach = 0.0
        for mob in [*(self.plane.tick_labels if clear_of_ticks else []), *([vec.label] if vec.label is not None else [])]:
            corners = [mob.get_corner(c) - origin for c in (UL, UR, DL, DR)]
            spans = [np.dot(c, along) / length for c in corners]
            depths = [np.dot(c, away) for c in corners]
            if max(spans) > 0.0 and min(spans) < 1.0 and max(depths) > 0.0 and min(depths) < 0.8:
                reach = max(reach, max(depths))
        # (beside the axis, off the shadow band lying on the arrow there)
        reach = max(reach, 0.0 if clear_of_ticks else 0.1)
        brace = BraceBetweenPoints(origin, tip, direction=away, buff=reach + 0.06, color=colour, sharpness=1.5)
        if abs(away[1]) > 0.99:  # (thin: a brace as tall as the ticks read as one more mark)
            brace.stretch_to_fit_height(min(brace.height, 0.16), about_edge=UP if away[1] < 0 else DOWN)
        if abs(away[0]) > 0.99:
            brace.stretch_to_fit_width(min(brace.width, 0.13), about_edge=RIGHT if away[0] < 0 else LEFT)
        # ("in plane": the length of its two plane dims, not its full length, which the diagonal of
        # Scores squares; r33: "|mouse| = 1.84" there and 3.43 ≠ 1.84² read as a contradiction)
        # (the first partner's, the formula's |b|: later ones short, an upright one's brace has no room)
        mark = label(f"|{word}| in plane = {text}" if in_plane else f"|{word}| = {text}", self.theme,
                     size=LENGTH_SIZE, color=colour)
        if abs(away[0]) > 0.99:  # beside an upright arrow: written up along it (across, it ran into the tables)
            mark.rotate(np.pi / 2)
        mark.move_to(brace.get_tip() + away * (abs(away[0]) * mark.width / 2 + abs(away[1]) * mark.height / 2 + 0.08))
        if in_plane and mark.get_bottom()[1] < SUBTITLE_TOP + 0.05:  # (longer, a slanting brace's sank into the
            # subtitles' band, second example: the short one there; the corner caption says "in the plane")
            return self._length_brace(word, text, clear_of_ticks)
        self.plane.placer().avoid_box(VGroup(brace, mark), pad=0.06)
        return VGroup(brace, mark)

    @staticmethod
    def _shadow_band(figure):
        """The shadow laid as a translucent band on b's arrow, from the origin: the arrow shows
        through it, the shadow its length."""
        if figure.submobjects:  # (a zero vector casts no shadow)
            figure.bold.set_stroke(width=SHADOW_BAND, opacity=SHADOW_OPACITY)
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
        shadow = label(format_number(proj.shadow), th, size=SHADOW_SIZE, color=th.focus)
        # clear of the shadow line and of the perpendicular's end, whichever way the shadow runs
        # (a label's width, not its height, lies across an upright shadow)
        def reach(direction):
            return abs(direction[0]) * shadow.width / 2 + abs(direction[1]) * shadow.height / 2
        # (0.22 back from the perpendicular: at 0.12 the number was jammed against the dashed line, r22)
        # (0.17 off the line: at 0.12 it touched the right-angle mark, r26; further back along the
        # line, it met θ in the second example)
        # (r30: at 22 px, 0.22 back, it read jammed against the right-angle mark: larger, further back
        # where θ leaves it room: a short shadow, as the second example's, keeps it nearer the mark)
        def placed(back: float):
            return shadow.move_to(figure.bold.get_end() + side * (reach(side) + 0.17) - along * (reach(along) + back))

        placed(0.3)
        if abs(proj.cos) > 0.999:  # in line: no angle to draw
            return VGroup(), shadow
        lines = (Line(origin, b_tip), Line(origin, a_tip))
        counter_clockwise = np.cross(b_tip - origin, a_tip - origin)[2] > 0
        arc = Angle(*(lines if counter_clockwise else lines[::-1]), radius=0.45, color=th.focus, stroke_width=3)
        middle = arc.point_from_proportion(0.5) - origin
        theta = self._theta(origin, middle)
        for back in (0.3, 0.22, 0.14):  # (as far back from the mark as θ allows)
            if not boxes_overlap(box_of(placed(back), 0.05), box_of(theta)):
                break
        else:  # (no room for it larger: at its old size, where it stood)
            shadow.scale(22 / SHADOW_SIZE)
            placed(0.22)
        if boxes_overlap(box_of(shadow, 0.05), box_of(theta)):  # (a short shadow: back nearer its line)
            shadow.shift(-side * 0.05)
        return VGroup(arc, theta), shadow

    def _theta(self, origin, middle, radius: float = 0.45):
        """θ's letter just outside its arc (of `radius`), on the arc's middle line."""
        theta = label("θ", self.theme, size=THETA_SIZE, color=self.theme.focus)
        return theta.move_to(origin + middle / np.linalg.norm(middle) * (radius + 0.06 + max(theta.width, theta.height) / 2))

    def _length_mark(self, word: str, text: str, *placed, of: str = "") -> VGroup:
        """|b| written beside b's arrow, preferably on the side away from a (the shadow and its
        length are on a's side), clear of the plane's other labels and of the perpendicular: the
        factor the shadow is multiplied by, seen where it is. Empty when b has no length in the
        plane. of=a: a's own length |a| instead, beside a's arrow, away from b."""
        proj, partner = self.projections[word], word
        if (proj.length_a if of else proj.length_b) == 0:
            return VGroup()
        if of:
            text, word = format_number(proj.length_a), of
        vec = self.plane.vectors[word]
        # (the later partners' lengths short, as before: the corner caption says they are in the plane;
        # "in plane" in it too, the second example's "|wireless| …" ran over that caption)
        mark = label(f"|{word}| = {text}", self.theme, size=LENGTH_SIZE, color=vec.body.get_color())
        placer = self.plane.placer()
        for mob in placed:
            if len(mob.family_members_with_points()):
                placer.avoid_box(mob, pad=0.06)
        # (the pair's perpendicular, whichever of its two arrows is labelled)
        dashed = self.figures[partner].dashed if partner in self.figures and self.figures[partner].submobjects else None
        if dashed is not None:  # the perpendicular: a label across it reads as crossed out
            placer.avoid_segment(dashed.get_start(), dashed.get_end())
        # and the other pairs' perpendiculars, drawn later while this label stays (dimmed)
        for pr in self.projections.values():
            if pr.length_b > 0 and np.linalg.norm(pr.a - pr.foot) > 1e-6:
                placer.avoid_segment(self.plane.c2p(pr.a), self.plane.c2p(pr.foot))
        this, other = (proj.a, proj.b) if of else (proj.b, proj.a)
        tip, origin = self.plane.c2p(this), self.plane.origin
        # off both arrows of the pair (the focus word's arrow ran through "|keyboard| = 1.80", r14)
        for end in (this, other):
            if np.linalg.norm(end) > 1e-9:
                placer.avoid_segment(origin, self.plane.c2p(end))
        along = (tip - origin) / np.linalg.norm(tip - origin)
        away = np.array([along[1], -along[0], 0.0])
        if np.dot(self.plane.c2p(other) - origin, away) > 0:
            away = -away
        if of:  # the focus word's own length along its arrow, away from the partner
            # (at 0.6 it butted against the word, r26; r31: grown to 25, at 0.5 its left end met the upright axis)
            # (r32: it sat on the upright axis and against the "1.5" tick: a berth of 15 px, 0.17,
            # round the tick numbers and along both axes, on a copy of the placer's record)
            berth = LabelPlacer(placer.bounds)
            berth.boxes, berth.segments = list(placer.boxes), list(placer.segments)
            for tick in self.plane.tick_labels:
                berth.avoid_box(tick, pad=0.17)
            for axis in (self.plane.axes.x_axis, self.plane.axes.y_axis):
                berth.avoid_strip(axis.get_start(), axis.get_end(), half_width=0.17)
            # in two short lines ("|mouse|" over "= 1.84"): in one it was too wide for the room
            # between the upright axis and the arrow, and only fitted against the tick
            colour = vec.body.get_color()
            # (r33: "in plane" on a line of its own: its full length is another number, the diagonal's)
            mark = VGroup(label(f"|{word}|", self.theme, size=LENGTH_SIZE, color=colour),
                          label("in plane", self.theme, size=LENGTH_SIZE, color=colour),
                          label(f"= {text}", self.theme, size=LENGTH_SIZE, color=colour)).arrange(DOWN, buff=0.06, aligned_edge=LEFT)
            berth.place(mark, origin + 0.55 * (tip - origin), away)
            placer.avoid_box(mark)
            return mark
        # the partner's length halfway along its arrow, on the focus word's side, off the shadow laid
        # there (by the tip it was stacked between the axis' name and the word)
        bold = getattr(self.figures.get(partner), "bold", None)
        if bold is not None:
            placer.avoid_segment(bold.get_start(), bold.get_end())
        placer.place(mark, origin + 0.5 * (tip - origin), -away)
        def crossed(mob) -> bool:  # the focus word's arrow through the label (41 points of it, as tuned)
            return segment_crosses(box_of(mob, 0.05), origin, self.plane.c2p(other), samples=41)

        if crossed(mark):  # in one line between the two arrows: in two, narrower
            colour = vec.body.get_color()
            stacked = VGroup(label(f"|{word}|", self.theme, size=LENGTH_SIZE, color=colour),
                             label(f"= {text}", self.theme, size=LENGTH_SIZE, color=colour)).arrange(DOWN, buff=0.06, aligned_edge=LEFT)
            taken = [box_of(m, 0.06) for m in placed if len(m.family_members_with_points())]
            for t in (0.5, 0.6, 0.4, 0.7, 0.3):  # beside the partner's arrow, on the focus word's side
                stacked.next_to(origin + t * (tip - origin), -away, buff=0.2)  # (off the shadow too)
                if not crossed(stacked) and not any(boxes_overlap(box_of(stacked), b) for b in taken):
                    return stacked
        return mark

    def _ticks_in_the_way(self, partner: str, figure, labels) -> list:
        """The plane's tick numbers (those drawn) that the partner's arrow or word (figure None), or
        the perpendicular dropped on it (`figure`) and `labels` (its shadow's number, its length),
        would run through or over."""
        plane, proj = self.plane, self.projections[partner]
        vec = plane.vectors[partner]
        segments, boxes = [], [box_of(m) for m in labels if len(m.family_members_with_points())]
        if figure is None:
            segments += [] if proj.length_b == 0 else [(plane.origin, plane.c2p(proj.b))]
            boxes += [box_of(vec.label)] if vec.label is not None else []
        elif figure.submobjects and getattr(figure, "dashed", None) is not None:
            segments.append((figure.dashed.get_start(), figure.dashed.get_end()))
        found = []
        for tick in plane.tick_labels:
            if tick.get_fill_opacity() < 0.5:  # (hidden for its word beside it: see _partner_label_off_its_drop)
                continue
            near = box_of(tick, 0.03)
            if any(segment_crosses(near, a, b) for a, b in segments) or any(boxes_overlap(near, b) for b in boxes):
                found.append(tick)
        return found

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
        tags = VGroup(*(label(names[k], th, size=22, color=colours.get(k, th.text) if k in plane.axes else th.muted)
                        .next_to(target[0][k], LEFT, buff=0.4) for k in range(len(names))))  # (clear of the lines' box)
        for k, tag in enumerate(tags):  # on its line's baseline ("grammar"'s g, centred, lifted it)
            tag.shift(UP * (text_baseline(target[0][k]) - text_baseline(tag)))
        places = factor_decimals(proj.shadow, proj.length_b, proj.plane_dot)  # the product checks as written
        # in the text colour: the focus colour stays the focus word's (and its shadow's)
        # (in three lines: the card as narrow as its sums, so that all of it can grow)
        # as large as the worked lines (at 22 it was the smallest text on screen, r20), with the step
        # the voice says, |a| times cos θ, written out where it checks as written
        size = self.work[0][0][0].font_size
        lines = [label("in the plane:", th, size=size, color=th.text),
                 label(f"|{a}| cos θ × |{b}|", th, size=size, color=th.text)]
        cos_text = self._cos_as_written(proj, places)
        if cos_text is not None:
            lines.append(label(f"= {format_number(proj.length_a)} × {cos_text} × {shortest(proj.length_b, places)}",
                               th, size=size, color=th.text))
        lines.append(label(f"= {shortest(proj.shadow, places)} × {shortest(proj.length_b, places)}"
                           f" = {format_number(proj.plane_dot)}", th, size=size, color=th.text))
        formula = VGroup(*lines).arrange(DOWN, buff=0.2, aligned_edge=LEFT)
        pitch = (text_baseline(lines[0]) - text_baseline(lines[-1])) / (len(lines) - 1)
        for k, line in enumerate(lines):  # (baselines evenly spaced: "|" and "θ" made the boxes uneven)
            line.shift(UP * (text_baseline(lines[0]) - k * pitch - text_baseline(line)))
        card = VGroup(VGroup(target, tags), formula).arrange(DOWN, buff=0.35, aligned_edge=LEFT)
        # the worked sums as large as the left part of the frame allows (up to 1.4 ×), in its top part
        fit_region(card, left=-config.frame_width / 2 + 0.45, right=PLOT_LEFT - 0.4, top=CARD_TOP,
                   bottom=SUBTITLE_TOP + 0.9, grow=1.4)
        card.align_to([0.0, CARD_TOP, 0.0], UP)
        card.tags, card.formula = tags, formula
        card.length_text = shortest(proj.length_b, places)  # b's length as the formula writes it
        return card

    @staticmethod
    def _cos_as_written(proj, places: int):
        """cos θ written with the fewest decimals (2 or 3) at which |a| (as the plane writes it, 2
        decimals) times it gives the shadow as written; None where there is no angle or none does."""
        if proj.cos is None:
            return None
        decimals = scaling_factor_decimals(proj.length_a, 2, proj.cos, proj.shadow, places)
        return None if decimals is None else format_number(proj.cos, decimals)

    def _alignment_table(self, partners):
        """One row per pair: the shadow, the dot product in the plane, and over all dims."""
        ex, th = self.example, self.theme
        values = [[self.projections[p].shadow_on_b, self.projections[p].plane_dot, self.projections[p].full_dot]
                  for p in partners]
        # each row named by the partner alone, the focus word written once over them ("mouse ·"):
        # narrower labels leave the numbers larger
        # the columns' names in one line each, on one baseline (in two lines, "all 4 / dims" and "in /
        # plane" stood ragged beside "shadow", r14), a little smaller than the numbers and a clear gap
        # apart (fitted by the table to its columns, they touched, r20): the columns as wide as the
        # widest name and the gap, "all dims" where "all 4 dims" would leave the column too wide
        room = PLOT_LEFT - 0.4 - (-config.frame_width / 2 + 0.45)
        for last in (f"all {ex.d} dims", "all dims"):
            heads = [label(name, th, size=HEADER_SIZE, color=th.text) for name in ("shadow", "in plane", last)]
            table = MatrixGrid(np.array(values), th, name="alignment", row_labels=list(partners),
                               value_scale=self.score_scale, cell_w=max(max(h.width for h in heads) + 0.3, 1.0),
                               cell_h=0.62, number_size=26)
            if table.width <= room:
                break
        for j, head in enumerate(heads):
            head.next_to(table.cell(0, j), UP, buff=0.12)
            head.shift(UP * (text_baseline(heads[0]) - text_baseline(head)))
        table.col_labels.add(*heads)
        # the shadows are lengths, not dot products: not coloured on the scores' scale
        for k in range(len(partners)):
            table.cell(k, 0)[0].set_fill(opacity=0)
        # (a bare "mouse ·" ended in a stray-looking dot, r17; "mouse · …" read as cryptic, r20)
        corner = label(f"{ex.focus} · word", th, size=22, color=th.focus)
        # the table's title line over its header, from the words' left edge (in the corner, as
        # narrow as the words under it, it had to shrink under the floor beside "all 4 dims", r20)
        corner.scale(table.row_labels[0].font_size / corner.font_size)
        corner.next_to(table.col_labels, UP, buff=0.15).align_to(table.row_labels, LEFT)
        table.add(corner)
        table.corner = corner
        # under the identity, risen to the column's top (the worked sums make way), as large as the
        # rest of the column allows (rows about 55 px at 720p)
        top = CARD_TOP - self.card.formula.height * self._identity_growth() - 0.45
        fit_region(table, left=-config.frame_width / 2 + 0.45, right=PLOT_LEFT - 0.4, top=top,
                   bottom=SUBTITLE_TOP + BAND_GAP, grow=1.2)
        return table.align_to([0.0, top, 0.0], UP)

    def fill_matrix(self):
        """The product written out: the focus word's row first, cell by cell (its row of Input
        boxed, each column of Inputᵀ boxed in turn as the score it gives appears where the two
        meet; the worked cell is there already), then the other rows, a row of Input at a time."""
        s, th = self.first, self.theme
        n, (i, worked) = len(s.tokens), self.worked
        cells = [j for j in range(n) if j != worked]
        span = 1.0 / max(len(cells), 1)
        # each column boxed first, then its score fades in and its cell takes its colour
        scores = [anim for m, j in enumerate(cells)
                  for anim in (Vanish(self.scores.number(i, j), back=((m + 0.35) * span, (m + 0.75) * span)),
                               during(self.scores.fill_in(i, j), (m + 0.35) * span, (m + 0.75) * span))]
        row = self.x.row_box(i, th.query)
        # (the worked cell's box goes as the row is boxed: one focal point)
        self.narrate(f"Every word with every word: {s.tokens[i]}'s row against each column in turn,",
                     during(FadeOut(self.cell_box), 0.0, 0.1), during(FadeIn(row), 0.0, 0.1),
                     during(hop_through([self.xt.column_box(j, th.key) for j in cells]), 0.05, 1.0), *scores,
                     run_time=min(1.1 * len(cells), 6.0))
        others = [k for k in range(n) if k != i]
        self.narrate("then the other rows: one matrix product fills the table.", during(FadeOut(row), 0.0, 0.1),
                     self._rows_swept(others), run_time=min(0.9 * len(others), 5.0))

    def _rows_swept(self, rows) -> AnimationGroup:
        """The other rows of Scores filled in turn, each from its row of Input (both boxed, the boxes
        hopping row to row), its cells one after another from left to right: a sweep along the row,
        each number fading in as its cell takes its colour (r30: build_rows' cells overlapped so much
        that each row seemed to fade in whole)."""
        th, cols = self.theme, self.scores.shape[1]
        span = 1.0 / max(len(rows), 1)
        boxes = [hop_through([grid.row_box(r, th.query) for r in rows]) for grid in (self.x, self.scores)]
        fills, numbers = [], []
        step = 0.7 * span / cols  # the row's cells in 70% of its time, from 15% in
        for n, r in enumerate(rows):
            for c in range(cols):
                start = n * span + 0.15 * span + c * step
                end = min(start + 1.2 * step, (n + 1) * span)
                numbers.append(Vanish(self.scores.number(r, c), back=(start, end)))
                fills.append(during(self.scores.fill_in(r, c), start, end))
        # (drawn in this order: the cells' colours, their numbers, the boxes)
        return AnimationGroup(*fills, *numbers, *boxes)

    def read_orientation(self):
        s, th = self.first, self.theme
        i = self.focus_row(s)
        # what is read now is Scores: it grows into the frame, the words it compares beside it
        note_place = self._scores_to_the_fore(i)
        box = self.scores.row_box(i, th.focus)
        # each word the row is compared with, named in turn along the row
        self.narrate(f"Row {s.tokens[i]}: its similarity to every word.", FadeIn(box),
                     LaggedStart(*(Indicate(word, color=th.focus, scale_factor=1.1) for word in self.key_words),
                                 lag_ratio=0.4),
                     run_time=2.0)
        # (r26: "its largest score is with itself; among the others, cat leads" made way for the
        # symmetry, said of the same cell: the clip keeps to its length)
        # each caption with its words, the labels it names pointed at
        # (r27: "rows are queries, columns are keys" used words not taught yet: said in the terms
        # taught, the row's word looks, the column's is looked at; the names only written, as the
        # captions the next scenes use; short, the clip keeps under its 120 s)
        # (one cue, the rows' words then the columns': r33, the scene at its length bound)
        self.narrate("Each row looks, each column is looked at.",
                     during(LaggedStart(*self._named_as(self.query_words, th.query), lag_ratio=0.3), 0.0, 0.45),
                     during(LaggedStart(*self._named_as(self.key_words, th.key), lag_ratio=0.3), 0.5, 0.95),
                     run_time=2.6)
        self._mirrored(box)
        # what the row adds up to, beside it: weights would add up to 1 (only said when it is not 1)
        row = s.simple.scores[i]
        if adds_up_to_one(row, self.scores.decimals):
            # (where the card is still up, the box comes back in place of its pulse: both in one play, only one shows)
            self.narrate("These are similarities, not yet weights.",
                         *(self.mirror_leftovers or [Indicate(box, color=th.focus, scale_factor=1.0)]),
                         run_time=1.0, wait=1.0)
            return
        # one note at the row it adds up: its sum, and what a row of weights would add up to (the
        # short arrow from the row's box to it)
        room = self.making_room if self.making_room > 1e-3 else 0.0
        table = VGroup(self.scores, self.query_words, self.key_words, self.scores_name, box)
        table.shift(LEFT * room)  # (where it stands as the note is written: the note placed by it)
        note = self._row_sum_note(row)
        note_place(note)
        pointer = Arrow(box.get_right() + RIGHT * 0.04, note[0].get_left() + LEFT * 0.12, buff=0.0, stroke_width=3,
                        max_tip_length_to_length_ratio=0.35, color=th.text)
        table.shift(RIGHT * room)
        # the row added up along its cells (its digits kept dark, grown: magenta on the mid-blue
        # cells they lost their contrast, r22; the row's box does the pointing)
        self.narrate("These are similarities, not yet weights.",
                     *(self.mirror_leftovers or [during(Indicate(box, color=th.focus, scale_factor=1.0), 0.0, 0.4)]),
                     # (r31: at 1.25, a quarter apart, two neighbours grew at once and touched, "0.323.43":
                     # one cell at a time, each grown less)
                     during(LaggedStart(*(Indicate(self.scores.number(i, j), color=th.text, scale_factor=1.18)
                                          for j in range(len(s.tokens))), lag_ratio=1.0), 0.4, 1.0), run_time=2.4)
        # the sum written as it is said, what weights would add up to as "not 1" is; (r28: the table
        # slid left on its own silent beat first, only to make the note room) where the note needs
        # room, the table steps over for it as the sum is said, and the arrow and the sum come into
        # that room as it settles (from beyond the frame's edge they could not come), then "not yet
        # weights" under the sum
        moving = [during(table.animate.shift(LEFT * room), 0.0, 0.3)] if room else []
        pointing, summing = ((0.22, 0.42), (0.27, 0.55)) if room else ((0.1, 0.4), (0.2, 0.5))
        self.narrate(f"Row {s.tokens[i]} adds up to {format_number(row_total(row), self.scores.decimals)}, not 1.",
                     *moving, during(FadeIn(pointer), *pointing), during(FadeIn(note[0], shift=LEFT * 0.1), *summing),
                     during(FadeIn(note[1], shift=LEFT * 0.1), 0.55 if room else 0.5, 1.0),
                     run_time=1.6, wait=0.6)

    def hand_over(self, run_time: float = 1.0) -> None:
        """As the shared hand-over, the table's name arched over the column words on its way from
        the top-left corner to its place over the table's middle (r29: level with them, it passed
        over "cat" while the words were still coming down to their new line): it rises clear of
        them before it sets off across, and comes down onto its place once they have settled."""
        name, play = self.scores_name, self.play
        rise = 1.5 * name.height

        def arched(start, end, alpha: float):
            across = smooth(min(max((alpha - 0.2) / 0.65, 0.0), 1.0))
            up = smooth(min(max(alpha / 0.35, 0.0), 1.0))
            down = smooth(min(max((alpha - 0.65) / 0.35, 0.0), 1.0))
            points = start + (end - start) * across
            points[:, 1] = start[:, 1] + (end[:, 1] - start[:, 1]) * alpha + rise * up * (1.0 - down)
            return points

        def with_the_name_arched(*animations, **kwargs):
            for anim in animations:
                if isinstance(anim, Transform) and anim.mobject is name:
                    anim.path_func = arched
            return play(*animations, **kwargs)

        self.play = with_the_name_arched
        try:
            super().hand_over(run_time)
        finally:
            del self.play

    def _mirrored(self, box) -> None:
        """The worked score at its cell and at its mirror (mouse·cat and cat·mouse), both boxed as
        the symmetry is said, the mirror line drawn as the table is called symmetric; said only
        where story.mirrored_score holds (the learned scores at those cells differ). The focus row's
        box steps aside meanwhile (one focal point) and comes back for what is said of the row next."""
        s, th = self.first, self.theme
        found = mirrored_score(s.simple.scores, s.projected.scores, *self.worked, self.scores.decimals)
        if found is None:
            return
        c, d = found.mirror
        pair = VGroup(*(self.scores.cell_box(*cell, th.focus).set_stroke(width=6) for cell in (found.cell, found.mirror)))
        # the diagonal the table mirrors about, its cells outlined (a line corner to corner struck
        # through its numbers)
        mirror = VGroup(*(self.scores.cell_box(k, k, th.text).set_stroke(width=3, opacity=0.6) for k in range(len(s.tokens))))
        # (both cells boxed as the sentence starts, the mirror's number pulsed: the same value;
        # then the diagonal drawn from corner to corner, what mirrors the one cell onto the other)
        # (r32: the diagonal was boxed but never said why it is large: each cell there is the word's
        # vector with itself, its length squared (story.scores_diagonal_is_length_squared), said in
        # place of "learned projections break this", which pointed ahead at nothing shown; the
        # diagonal outlined as it is named)
        diagonal = scores_diagonal_is_length_squared(s.input, s.simple.scores, self.scores.decimals)
        # (r33: where one diagonal cell is worked on a card, the diagonal is said with it, next: the
        # scene is at its length bound, so the symmetry is said shorter here and the outlines go)
        plane = embedding_plane(self.example)
        worked = (diagonal_cell_worked(s.tokens, s.input, s.simple.scores, self.example.focus, plane.axes, self.scores.decimals)
                  if diagonal and plane is not None else None)
        if worked is not None:
            # (r34: only mouse·mouse was lit as "its diagonal" was said, so the diagonal read as one
            # cell: all of it outlined and each of its numbers pulsed, in turn, as each word with
            # itself is said to be its length squared; the twins' boxes step aside first (one
            # focus), and the card then narrows to the focus word's cell. One cue for both claims:
            # the scene is near its length bound)
            diagonal_boxes = VGroup(*(self.scores.cell_box(k, k, th.focus).set_stroke(width=4) for k in range(len(s.tokens))))
            # (the reason, Input's rows being Inputᵀ's columns, left to the twins' boxes and the
            # transpose drawn at the start: said, the scene ran past its 120 s bound)
            # (said over two plays: one mobject in two animations of one play shows only the last)
            self.caption_over("Symmetric. Each word with itself: its length squared.")
            self.play(during(FadeOut(box), 0.0, 0.15), during(FadeIn(pair[0]), 0.0, 0.25), during(FadeIn(pair[1]), 0.25, 0.5),
                      during(Indicate(self.scores.number(c, d), color=th.focus, scale_factor=1.2), 0.45, 1.0), run_time=1.3)
            self.play(during(FadeOut(pair), 0.0, 0.1),
                      during(LaggedStart(*(FadeIn(b) for b in diagonal_boxes), lag_ratio=0.35), 0.0, 0.35),
                      during(LaggedStart(*(Indicate(self.scores.number(k, k), color=th.focus, scale_factor=1.15)
                                           for k in range(len(s.tokens))), lag_ratio=0.3), 0.1, 1.0), run_time=2.3)
            check = self._diagonal_check(worked, diagonal_boxes)
            if check is not None:
                # (the card and its veil go as the next sentence starts, the row's box back with
                # them: no silent beat of their own, the scene is at its length bound, r34)
                self.mirror_leftovers = [during(a, 0.0, 0.12) for a in check] + [during(FadeIn(box), 0.05, 0.15)]
                return
            # (no room for the card: the symmetry and the diagonal are said once, above, r34)
            self.play(FadeOut(diagonal_boxes), during(FadeIn(box), 0.4, 1.0), run_time=0.5)
            return
        said = ("Input's rows are Inputᵀ's columns, so Scores is symmetric; the diagonal: each word's length squared."
                if diagonal else "Input's rows are Inputᵀ's columns, so Scores is symmetric.")
        self.narrate(said,
                     during(FadeOut(box), 0.0, 0.1), during(FadeIn(pair[0]), 0.0, 0.12), during(FadeIn(pair[1]), 0.15, 0.27),
                     during(Indicate(self.scores.number(c, d), color=th.focus, scale_factor=1.2), 0.25, 0.5),
                     during(LaggedStart(*(FadeIn(m) for m in mirror), lag_ratio=0.3), 0.55 if diagonal else 0.4,
                            0.8 if diagonal else 0.65), run_time=4.5)
        self.play(FadeOut(mirror), FadeOut(pair), during(FadeIn(box), 0.4, 1.0), run_time=0.5)

    def _diagonal_check(self, worked, lit):
        """(r33: "the diagonal: each word's length squared" had no picture, and the only length shown,
        |mouse| = 1.84 in the plane, squares to 3.39, not the cell's 3.43) the focus word's own cell
        worked as written, all its dims squared (story.diagonal_cell_worked), on a card over the
        veiled table, the cell and its two words left unveiled; its full length set against the
        plane's; `lit`, the diagonal's outlines, give way to the one cell's. Returns the animations
        that take it away, or None where the check is not drawn (it does not check as written, or no room reads)."""
        th = self.theme
        k = worked.index
        size = 28
        lines = VGroup(*(label(text, th, size=size, color=th.text) for text in worked.lines)).arrange(
            DOWN, buff=0.16, aligned_edge=LEFT)
        pad = 0.22
        grid = self.scores.rects
        cell = self.scores.cell(k, k)
        top_room = (self.heading.get_bottom()[1] - 0.1) - (cell.get_top()[1] + 0.12)
        bottom_room = (cell.get_bottom()[1] - 0.12) - (SUBTITLE_TOP + 0.1)
        room_h = max(top_room, bottom_room) - 2 * pad
        room_w = config.frame_width - 0.9 - 2 * pad
        shrink = min(1.0, room_h / lines.height, room_w / lines.width)
        if shrink * size < 22:  # (no room where it reads: not drawn)
            return None
        lines.scale(shrink)
        panel = SurroundingRectangle(lines, buff=pad, color=th.muted, stroke_width=2).set_fill(th.background, opacity=1)
        card = VGroup(panel, lines)
        if bottom_room >= top_room:
            card.next_to(cell, DOWN, buff=0.12)
        else:
            card.next_to(cell, UP, buff=0.12)
        card.set_x(grid.get_x())
        half = config.frame_width / 2 - 0.45
        card.shift(RIGHT * max(0.0, -half - card.get_left()[0]) + LEFT * max(0.0, card.get_right()[0] - half))
        # the table veiled but for the cell worked and its row's and column's words (copies on top
        # of the veil, where they stand: nothing moves)
        table = VGroup(grid, self.scores.numbers, self.query_words, self.key_words, self.scores_name)
        veil = Rectangle(width=table.width + 0.3, height=table.height + 0.3, stroke_width=0).set_fill(
            th.background, opacity=0).move_to(table)
        veil.is_veil = panel.is_veil = True  # (what they cover is not seen: the tests' overlap check knows)
        kept = VGroup(cell.copy(), *([self.query_words[k].copy()] if len(self.query_words) else []),
                      *([self.key_words[k].copy()] if len(self.key_words) else []))
        outline = self.scores.cell_box(k, k, th.focus).set_stroke(width=6)
        self.diagonal_check = lines  # (read back by the tests)
        self.add(veil, kept)
        self.narrate(worked.said,
                     during(FadeOut(lit), 0.0, 0.15), during(veil.animate.set_fill(opacity=0.85), 0.0, 0.2),
                     during(FadeIn(outline), 0.05, 0.2), during(FadeIn(panel), 0.1, 0.25),
                     during(LaggedStart(*(FadeIn(line) for line in lines), lag_ratio=0.5), 0.15, 0.45),
                     run_time=3.2)
        self.remove(kept)
        self.add(kept)
        return [FadeOut(card), FadeOut(veil), FadeOut(outline), FadeOut(kept)]

    def _named_as(self, words, colour) -> list:
        """The words taking the colour of what they are now named (queries, keys) as they are
        pointed at; the focus word keeps its own colour and is pointed at in the new one."""
        focus = self.example.focus
        return [Indicate(word, color=colour, scale_factor=1.1) if text == focus else word.animate.set_color(colour)
                for word, text in zip(words, self.first.tokens)]

    def _row_sum_note(self, row) -> VGroup:
        """What the focus row adds up to, and what weights would add up to, in one line (placed
        apart: the sum beside the row, the line under the table)."""
        th = self.theme
        # (in three short lines under the sum, it wrapped at the frame's right edge, r14)
        # (said of the sum, under it: "(weights would sum to 1)" after the table's name read as
        # "Scores (weights would sum to 1)", the opposite of what is meant, r22)
        # (under it in two short lines: no wider than the sum, the table keeps its size beside them)
        return VGroup(label(f"Σ = {format_number(row_total(row), self.scores.decimals)}", th, size=28),
                      VGroup(label("not yet", th, size=26), label("weights", th, size=26)).arrange(
                          DOWN, buff=0.08, aligned_edge=LEFT))

    def _scores_to_the_fore(self, i: int):
        """Once filled, Scores is what is read: Input and Inputᵀ give way to their words alone (their
        numbers fade where they are), Scores grows to fill the height between the heading and the
        subtitles' band (its rows taller where the width runs out first, its numbers larger with
        them), centred with what stands beside it, Input's words moving to its rows and
        Inputᵀ's over its columns, held to them while it grows. Returns the placing of
        a note about row i (a function of the note)."""
        x, xt, scores = self.x, self.xt, self.scores
        # (from under the heading: at 2.95, with the words' and the name's room, the table and its
        # words filled 51% of the frame's height, r24)
        top, bottom = min(3.1, self.heading.get_bottom()[1] - 0.2), SUBTITLE_TOP + BAND_GAP
        # (r27b: the "queries"/"keys" captions named what is not taught yet and were never said:
        # gone, the words coloured as the row looks and the column is looked at say it; the name
        # in the top-left corner, on the column words' line, so the table takes the height under
        # them, r27: the table 61% of the height)
        name = self.scores_name.copy().scale(28 / self.scores_name.font_size)
        # the note's room beside the table (whatever its number): the row's sum, when it is said
        row = self.first.simple.scores[i]
        sigma_w = 0.0 if adds_up_to_one(row, scores.decimals) else max(m.width for m in self._row_sum_note(row)) + 0.35  # (and its arrow)
        words_w = max(lab.width for lab in x.row_labels) if len(x.row_labels) else 0.0
        words_h = max(lab.height for lab in xt.col_labels) if len(xt.col_labels) else 0.0
        body_w, body_h = scores.rects.width, scores.rects.height
        # the table and the words beside it grow together; the captions, name and note keep their size
        room_w = config.frame_width - 1.0 - sigma_w - 0.25 - NOTE_MARGIN
        # (the name in the top-left corner, on the column words' line: over them it took 0.4 of the
        # height the table grows into, r25: the table 61% of the frame's)
        room_h = top - bottom - 0.12
        # each word no smaller than a label reads and no larger than WORDS_AT_MOST, growing with the
        # table between (one scale for all, set by the smallest word, made "internationalization"
        # the size of a heading and left the table's numbers small, second example); a column's
        # word no wider than its column, where that leaves it a readable size
        rows_now, columns_now = list(x.row_labels), list(xt.col_labels)

        def words_for(f: float) -> list:
            scales = [max(min(f, WORDS_AT_MOST / lab.font_size), WORDS_AT_LEAST / lab.font_size) for lab in rows_now]
            for lab in columns_now:
                if lab.height > 1.5 * lab.width and len(getattr(lab, "text", "")) > 2:
                    # written upright to fit its column (a long word): its font size is read off its
                    # height, which is its length here; it grows a little at most
                    scales.append(min(f, 1.2))
                    continue
                fit = 0.92 * scores.rects[0].width * f / lab.width
                scales.append(max(min(f, WORDS_AT_MOST / lab.font_size, fit), WORDS_AT_LEAST / lab.font_size))
            return scales

        wide = room_w / (body_w + words_w)
        for _ in range(4):  # (the words' share of the room depends on their scale, and it on the table's)
            word_scales = words_for(wide)
            words_w = max([lab.width * k for lab, k in zip(rows_now, word_scales)], default=0.0)
            wide = (room_w - words_w) / body_w
        words_h = max([lab.height * k for lab, k in zip(columns_now, word_scales[len(rows_now):])], default=0.0)
        tall = (room_h - words_h) / body_h
        word_scales = words_for(min(wide, tall))
        words_w = max([lab.width * k for lab, k in zip(rows_now, word_scales)], default=0.0)
        words_h = max([lab.height * k for lab, k in zip(columns_now, word_scales[len(rows_now):])], default=0.0)
        across = min(wide, tall)  # the columns and the numbers
        down = min(tall, across * TALLER_AT_MOST)  # the rows: as tall as the height allows
        target = scores.generate_target().scale(across)
        target.stretch(down / across, 1)
        cell_w, cell_h = target.rects[0].width, target.rects[0].height
        for number in target.numbers:
            number.stretch(across / down, 1)  # (the numbers keep their shape)
        widest = max(n.width for n in target.numbers)
        highest = max(n.height for n in target.numbers)
        grown = max(1.0, min(down / across, 0.62 * cell_w / widest, 0.42 * cell_h / highest))
        for number in target.numbers:
            number.scale(grown)
        # centred across the frame with what stands either side of it, and between the heading and
        # the band with its words and name
        # the table with its words centred across the frame (r27b: centred with the note's room
        # too, it sat left of the middle, the right empty till the note came), as far right as
        # leaves the note its room
        left_of = max(words_w, name.width) + 0.25
        x_mid = left_of / 2
        y_mid = (top - words_h - 0.12 + bottom) / 2
        target.move_to([x_mid, y_mid, 0.0])
        # (r28: the sum stood ~25 px from the frame's edge) the table set left of the middle by what the note
        # needs at its right, NOTE_MARGIN in from the edge, as far as its words' room at the left allows
        # (r30: set left from the start, it left ~250 px empty at its right for 20 s before the note
        # came: centred now, it steps left for the note as the sum is said)
        # (the table makes room for the note as it comes: it slides left this much then; r28: the
        # slide, by the room's reckoning (0.5 + 0.3 + the note and its arrow), moved the table only to
        # make room the note did not need: now reckoned as the note is placed (beside_row: 0.6 right
        # of the grid, 0.3 from the frame's edge), so the table stays where it is wherever it fits)
        # (r30b: centred, then stepping left for the note, the table moved sideways twice: it goes
        # straight to where it leaves the note its room, one move, and stays there)
        room = 0.0 if not sigma_w else max(0.0, min(
            target.rects.get_right()[0] + 0.6 + (sigma_w - 0.35) - (config.frame_width / 2 - NOTE_MARGIN),
            target.rects.get_left()[0] - left_of - (-config.frame_width / 2 + 0.45)))
        target.shift(LEFT * room)
        self.making_room = 0.0
        # the words travel as copies of the tables' labels (the tables go whole, as they were drawn)
        self.query_words, self.key_words = x.row_labels.copy(), xt.col_labels.copy()
        # (the tables' own labels hidden under their copies from the start: one of each word is seen)
        x.row_labels.set_opacity(0), xt.col_labels.set_opacity(0)
        self.add(self.query_words, self.key_words)
        # ONE move: the tables fade as Scores grows into the frame, each word going straight from
        # its table to its row or column of the grown Scores, the name under it (r25: slid to the
        # small table's edges first, then grown with it, they hung 160–320 px off it while sliding)
        whole = VGroup(scores, self.query_words, self.key_words, self.scores_name)
        whole.target = VGroup(target, self.query_words.copy(), self.key_words.copy(),
                              name)
        for k, lab in enumerate(whole.target[1]):
            lab.scale(word_scales[k]).next_to(target.rects, LEFT, buff=0.25).set_y(target.cell(k, 0).get_y())
        for j, lab in enumerate(whole.target[2]):
            lab.scale(word_scales[len(self.query_words) + j]).move_to(target.cell(0, j))
            lab.align_to([0.0, target.rects.get_top()[1] + 0.12, 0.0], DOWN)
        whole.target[3].next_to(target.rects, LEFT, buff=0.25).align_to([0.0, target.rects.get_top()[1] + 0.12, 0.0], DOWN)
        if len(whole.target[2]):  # on the column words' letters line
            whole.target[3].shift(UP * (text_baseline(whole.target[2][0]) - text_baseline(whole.target[3])))
        # two beats, so that the words are held to the grid while it grows (r26: going straight from
        # their tables, they hung 230–470 px off the growing grid): as the tables fade, each word
        # slides onto the small Scores' edge, a row's word along its row, a column's down its column;
        # then the grid and its words grow as one
        at_edge = [lab.generate_target().next_to(scores.rects, LEFT, buff=0.25).set_y(scores.cell(k, 0).get_y())
                   for k, lab in enumerate(self.query_words)]
        at_edge += [lab.generate_target().set_x(scores.cell(0, j).get_x()).align_to([0.0, scores.rects.get_top()[1] + 0.12, 0.0], DOWN)
                    for j, lab in enumerate(self.key_words)]
        # (r27b: in two beats, the words slid to the small table first and then all of it grew, a
        # move right then left, the words apart: ONE move now, the grid and its name straight to
        # their places, each word closing onto the grid's edge in the first half and held to it after)
        words = [*self.query_words, *self.key_words]
        finals = [lab.copy() for lab in (*whole.target[1], *whole.target[2])]
        starts = [lab.copy() for lab in words]
        edges = [lab.target.get_center() for lab in words]
        for lab in words:
            lab.target = None
        # (the name fades where it is with the tables and is written in its corner as the grid
        # lands: carried there, it crossed the growing grid)
        name = whole.target[3]
        body = scores
        body.target = target
        both = VGroup(self.query_words, self.key_words)
        begin = 0.18  # (the grid sets off as the tables are mostly gone: it grows over where they stood)
        gone = 0.2  # the tables faded by then; only then do the words cross where they stood

        def grid_part(alpha: float) -> float:
            return smooth(min(max((alpha - begin) / (1.0 - begin), 0.0), 1.0))

        def held(group, alpha: float):
            s_ = grid_part(alpha)  # (the grid's own progress: each word's place on it)
            closing = 1.0 - smooth(min(max((alpha - gone) / (0.6 - gone), 0.0), 1.0))
            for lab, start, final, edge in zip(group, starts, finals, edges):
                centre = edge + (final.get_center() - edge) * s_ + (start.get_center() - edge) * closing
                height = start.height + (final.height - start.height) * s_
                lab.become(start.copy().scale(height / start.height).move_to(centre))
            return group

        move = MoveToTarget(body, rate_func=lambda t: grid_part(t))
        self.play(*(during(FadeOut(m), 0.0, gone) for m in (x, xt, self.x_name, self.xt_name, self.scores_name)), move,
                  UpdateFromAlphaFunc(both, lambda m, a: held(words, a), rate_func=linear), during(FadeIn(name), 0.85, 1.0), run_time=2.1)
        self.remove(both)
        self.add(self.query_words, self.key_words)
        self.scores_name = name
        scores.target = None

        def beside_row(note):
            # the sum right of the row it adds up (its box), level with the row: under the table's
            # name, it was far from the row; what that makes the row, under the sum
            total, weights = note
            total.next_to(scores.rects, RIGHT, buff=0.6)
            total.set_y(scores.row(i).get_y())
            weights.next_to(total, DOWN, buff=0.15, aligned_edge=LEFT)
            note.shift(LEFT * max(0.0, note.get_right()[0] - (config.frame_width / 2 - NOTE_MARGIN)))
            return note

        return beside_row
