"""Step 5 — Output = Attention × V: each output row is a weighted average of the value rows."""

from __future__ import annotations

import numpy as np
from manim.utils.color import color_to_rgb as to_rgb
from manim import (
    DOWN, LEFT, RIGHT, UP, Arrow, Circumscribe, Create, DashedLine, Dot, FadeIn, FadeOut, LaggedStart,
    ReplacementTransform, SurroundingRectangle, VGroup, Wait, Write, config, there_and_back,
)

from attention_math.formatting import format_number
from attention_math.breakdown import weighted_sum
from attention_math.geometry import arrow_chain, embedding_plane
from attention_math.story import leans_towards
from scenes.base import ExplainerScene
from scenes.components import BAND_GAP, fit_to_frame, label, product_layout
from scenes.geometry import SUBTITLE_TOP, Veil, _box, boxes_overlap, plane_in_region, word_colors
from scenes.motion import Carry, Vanish, build_rows, during, fade_in, fade_out, hop_through, step_back

PRODUCT_NUMBER_SIZE = 24  # Attention, V and Output's numbers before the product is fitted to the frame
PLANE_LEFT = -1.6  # where the weighted arrows' plane starts: the column of terms keeps the frame's left
SMALL_PIECE = 0.6  # a weighted arrow shorter than this on the plane is laid with the camera in on it
SMALL_PIECE_NAME = 14  # its word's size there: about 26 on screen, the camera in about twice


def distinct_word_colors(colors: dict, words, theme) -> dict:
    """`colors` with every word it leaves in the text or muted colour given one of its own (the
    theme's spare palette, its head colours, which no other step of this scene uses): each weighted
    arrow, and its term, then says which word it came from."""
    out = dict(colors)
    # the spare colours farthest from those already worn first (one head colour is near the focus pink)
    worn = [np.array(to_rgb(c)) for c in set(out.values()) - {theme.text, theme.muted}]
    spare = iter(sorted(theme.heads, key=lambda c: -min((np.abs(np.array(to_rgb(c)) - w).sum() for w in worn),
                                                        default=0.0)))
    for word in words:
        if out.get(word, theme.text) in (theme.text, theme.muted):
            out[word] = next(spare, out.get(word, theme.text))
    return out


class OutputScene(ExplainerScene):
    scene_name = "output"
    chapter = "Output = Attention × V"
    summary = "Each output row is a weighted average of value rows"
    steps = ("show_product", "work_focus_row", "weighted_arrows", "fill_rows", "compare_with_input")

    def show_product(self):
        s, ex, th = self.first, self.example, self.theme
        tokens, dims = list(s.tokens), list(ex.dims)
        self.heading = self.chapter_title()
        # three tables fitted into the frame's height shrink to about 0.8: numbers start larger, so
        # that they still read (the cells have room for them)
        big = dict(number_size=PRODUCT_NUMBER_SIZE)
        self.v = self.grid(s.simple.v, "simple.v", row_labels=tokens, col_labels=dims, value_scale=self.vector_scale,
                           label_color=th.value, col_label_colors=self.dim_colors(), **big)
        self.attn = self.grid(s.simple.weights, "simple.weights", row_labels=tokens, col_labels=tokens, value_scale=1.0,
                              label_color=th.text, row_label_colors=self.token_colors(tokens), **big)
        self.out = self.grid(s.simple.output, "simple.output", value_scale=self.vector_scale, cell_w=self.v.cell_w,
                             cell_h=self.attn.cell_h, **big)
        layout = product_layout(self.attn, self.v, self.out)
        self.names = VGroup(
            label("Attention", th, size=24).next_to(self.attn.rects, DOWN, buff=0.15),
            label("V = Input", th, size=24, color=th.value).next_to(self.v.rects, RIGHT, buff=0.2),
            label("Output", th, size=24, color=th.output).next_to(self.out.rects, DOWN, buff=0.15),
        )
        # room below for the line of terms, which stays clear of the subtitles' band
        fit_to_frame(VGroup(layout, self.names), top=3.0, bottom=SUBTITLE_TOP + 0.75)
        self.out.clear_fills()  # output cells stay uncoloured until their numbers are computed
        # the name changes sides: it goes where it stands and comes back under the settled table (moving,
        # it passed across the numbers)
        self.play(Write(self.heading), *self.take_over(self.attn), during(FadeIn(self.names[0]), 0.8, 1.0), run_time=1.0)
        self.narrate("The values are the input itself here.", fade_in(self.v, self.names[1]), run_time=1.2)
        # pointed at as it is named: a frame round the whole table, clear of its words, that fades in
        # and out (a line running round the cells cut through the words beside them); the output's
        # empty cells come up as what the mixing will fill
        self.narrate("The attention matrix says how to mix them.",
                     Circumscribe(VGroup(self.attn, self.names[0]), color=th.text, buff=0.1, fade_in=True,
                                  fade_out=True, stroke_width=4),
                     during(FadeIn(VGroup(self.out.rects, self.names[2])), 0.5, 1.0), run_time=1.5)

    def work_focus_row(self):
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        tokens, d = list(s.tokens), len(ex.dims)
        parts = weighted_sum(s.simple.weights[i], s.simple.v)
        box = self.attn.row_box(i, th.focus)
        out_box = self.out.row_box(i, th.output)
        # only what is on screen: the other output rows have no numbers yet (animating them would add them)
        others = [m for k in range(len(tokens)) if k != i
                  for m in (self.attn.row(k), self.attn.row_labels[k], *(self.out.cell(k, c)[0] for c in range(d)))]
        # the weights with the decimals it takes for the sum of the terms to be the output's row as
        # written: the boxed row, being worked, shows them so in place (worked from the table's two
        # decimals, the sum would not check); the table's own come back when the row is done
        places = parts.weight_decimals
        as_worked = self.weights_as_worked(i, parts.weights, places)
        shown = [self.attn.number(i, j) for j in range(len(tokens))] if as_worked else []
        to_worked = [a for old, new in zip(shown, as_worked)
                     for a in (during(old.animate.set_fill(opacity=0.0), 0.35, 0.65), during(FadeIn(new, scale=1.5), 0.7, 1.0))]
        self.narrate(f"{ex.focus}'s new vector: its attention row gives one weight per word.", FadeIn(box), FadeIn(out_box),
                     *self.focus_on([], pool=others), *to_worked, run_time=1.5)
        # the whole sum is laid out first, so terms appear in place without the line jumping
        worked = parts.running_as_written(places)  # (n, d): the sums so far, as a viewer adds them up
        terms = VGroup(*(label(f"{'+ ' if j else ''}{format_number(parts.weights[j], places)} × {token}", th, size=24,
                               color=th.focus if token == ex.focus else th.text) for j, token in enumerate(tokens)))
        terms.arrange(RIGHT, buff=0.2)
        if terms.width > self.camera.frame_width - 1:
            terms.scale_to_fit_width(self.camera.frame_width - 1)
        terms.move_to([0.0, SUBTITLE_TOP + 0.15 + terms.height / 2, 0.0])
        running = None
        # said over the whole line of terms: the words run while the terms and their sums appear
        self.caption_over(f"Scale each value row by its weight, and add them up: {format_number(parts.weights[0], places)} × "
                          f"{tokens[0]}, plus the next, and so on.")
        for j, token in enumerate(tokens):
            # the sum so far, written in the output row's cells: each new sum replaces the last where it stands
            # (of the terms as written: the last is the output's row as it writes it)
            sums = [label(format_number(v), th, size=22).match_height(self.out.number(i, k)).move_to(self.out.cell(i, k))
                    for k, v in enumerate(worked[j])]
            boxes = VGroup(self.attn.cell_box(i, j, th.focus), self.v.row_box(j, th.value))
            if running is None:
                grow = [during(FadeIn(t), 0.35, 1.0) for t in sums]
            else:
                # a count-up: a cell whose sum is unchanged keeps its number (a term of 0 there); a changed
                # one swaps in place, the old number fading out before the new one fades in where it
                # stood (never two numbers in one cell, nothing drawn outside it)
                grow = []
                for k, (a, b) in enumerate(zip(running, sums)):
                    if a.text == b.text:
                        sums[k] = a
                        continue
                    grow += [during(FadeOut(a), 0.35, 0.6), during(FadeIn(b), 0.6, 0.9)]
            step = [during(FadeIn(boxes), 0.0, 0.3), during(FadeIn(terms[j]), 0.0, 0.5), *grow]
            self.play(*step, run_time=1.2 if j == 0 else 0.8)
            running = sums
            self.play(FadeOut(boxes), run_time=0.3)
        self.remove(*running)
        self.add(*(self.out.number(i, k) for k in range(d)))  # the same numbers, now the matrix's own
        value_rows = SurroundingRectangle(self.v.rects, color=th.value, buff=0.06, stroke_width=4)
        self.narrate("The result is a weighted average of the value rows:",
                     *(self.out.fill_in(i, k) for k in range(d)), during(FadeIn(value_rows), 0.3, 1.0), run_time=1.2)
        back_to_table = [a for old, new in zip(shown, as_worked)
                         for a in (during(FadeOut(new), 0.0, 0.45), during(old.animate.set_fill(opacity=1.0), 0.55, 1.0))]
        self.narrate(f"{ex.focus} blended with its context.", *self.restore(), FadeOut(box), FadeOut(value_rows),
                     *back_to_table, run_time=1.0, wait=0.5)
        self.play(FadeOut(terms), FadeOut(out_box), run_time=0.5)

    def weights_as_worked(self, i: int, weights, places: int) -> list:
        """Row `i` of the attention table's weights written with `places` decimals, each where the
        table's own number stands (as high as it, narrower than its cell); [] when the table
        already writes them so."""
        if places <= self.attn.decimals:
            return []
        return [self.attn.rewritten(i, j, format_number(w, places), fit=0.92) for j, w in enumerate(weights)]

    def weighted_arrows(self):
        """The focus word's weighted sum as arrows: each value arrow scaled by its weight, laid tip to
        tail; the last tip is the output."""
        s, ex, th = self.first, self.example, self.theme
        plane = embedding_plane(ex)
        if plane is None:
            return
        i = self.focus_row(s)
        tokens = list(s.tokens)
        words = list(dict.fromkeys(tokens))
        coords = plane.coordinates(np.array([ex.embeddings[w] for w in words]))
        self.chain_math = arrow_chain(s.simple.weights[i], s.simple.v, plane)
        # the plane takes all the frame the column of terms leaves (the right half alone drew the
        # short arrows near the origin too small to make out)
        self.plane = plane_in_region(plane, coords, th, left=PLANE_LEFT, right=config.frame_width / 2 - 0.3,
                                     axis_colors=[self.dim_colors().get(a, th.text) for a in plane.axes])
        # the chain and the output arrow come later: the words' labels keep clear of them now (the
        # output arrow all but its last stretch, where its own label goes)
        placer, origin = self.plane.placer(), self.plane.origin
        for start, end in zip(self.chain_math.starts, self.chain_math.ends):
            placer.avoid_strip(self.plane.c2p(start), self.plane.c2p(end))
        placer.avoid_strip(origin, origin + 0.85 * (self.plane.c2p(self.chain_math.total) - origin))
        # a word by the x axis keeps a clear gap to the tick numbers ("friends" touched "0.5")
        for tick in self.plane.tick_labels:
            placer.avoid_box(tick, pad=0.15)
        colors = distinct_word_colors(word_colors(ex, th, plane, words, coords), words, th)
        self.plane.words(words, coords, colors)
        # each weighted piece, and its term, wears its word's colour: which piece came from which word
        # as many decimals as the weights need for the pieces to add up to the tip's coordinates as written
        places = weighted_sum(self.chain_math.weights, self.chain_math.vectors).weight_decimals
        terms = VGroup(*(label(f"{'+ ' if j else ''}{format_number(w, places)} × {t}", th, size=24,
                               color=colors.get(t, th.text))
                         for j, (w, t) in enumerate(zip(self.chain_math.weights, tokens))))
        total = label(f"= {ex.focus}'s output", th, size=24, color=th.output)
        column = VGroup(*terms, total).arrange(DOWN, buff=0.16, aligned_edge=LEFT)
        left_of_plane = PLANE_LEFT - 0.4
        column.scale(min(1.0, (left_of_plane + config.frame_width / 2 - 0.4) / column.width))
        column.move_to([(left_of_plane - config.frame_width / 2) / 2, (3.0 + SUBTITLE_TOP) / 2, 0.0])
        veil = Veil(self)
        # the plane comes up as the tables go, in one play (two left an empty frame between them);
        # one after the other, so neither shows through the other
        self.play(during(veil.lower(), 0.0, 0.45), during(FadeIn(self.plane), 0.5, 1.0), run_time=1.0)
        veil.hidden()
        self.narrate(f"The same sum, drawn: each value as an arrow in the {plane.names[0]}–{plane.names[1]} plane.",
                     self.plane.grow(words, lag_ratio=0.1), run_time=1.5)
        self.chain = self.plane.chain(self.chain_math, th.value)
        for piece, token in zip(self.chain.pieces, tokens):
            piece.set_color(colors.get(token, th.text))
        self.caption_over("Shrink each arrow by its weight, and lay them tip to tail.")
        # the words' full arrows go before the shrunk ones come (dimmed, they lay on the axis under
        # each other and under the chain), and their names with them (left where the full arrows
        # ended, they would name nothing: the terms beside say which piece is which word, in its
        # colour). Each shrunk arrow grows out of a faint copy of its word's full arrow: the
        # shrinking is seen
        ghosts = [self.plane.vectors[token].body.copy().set_opacity(0.35) for token in tokens]
        self.play(*(part.animate.set_opacity(0.0) for v in self.plane.vectors.values()
                    for part in (v.body, v.leader, v.label) if part is not None), run_time=0.5)
        # the shrunk arrows are short (weights well under 1): the plane then takes its region for the
        # chain alone, and the chain grows with it (the same arrows, nearer; the tick numbers change).
        # Pieces too short to make out even there are laid after it, with the camera in on them
        near = self.near_plane()
        # (a dot, a word with nothing in this plane, is laid with the others: it is seen as a dot)
        small = [j for j, piece in enumerate(near.chain(self.chain_math, th.value).pieces) if not isinstance(piece, Dot)
                 and np.linalg.norm(piece.get_end() - piece.get_start()) < SMALL_PIECE]
        near.figures.clear()
        for j, ghost in enumerate(ghosts):
            if j not in small:
                self.play(FadeIn(terms[j]), ReplacementTransform(ghost, self.chain.pieces[j]), run_time=0.6)
        self.closer(near, colors, laid=[j for j in range(len(tokens)) if j not in small])
        if small:
            self.lay_small(small, terms, column, colors)
        x, y = self.chain_math.total
        self.output_arrow = self.plane.vector("output", self.chain_math.total, th.output, text=f"{ex.focus}'s output")
        # the coordinates the narration gives, by the tip: a second line (one long label would be
        # shrunk below the words' size), placed clear of the name, the arrows and the words
        tip = self.plane.c2p(self.chain_math.total)
        # the coordinates drawn as what they are: dashed drops from the tip to each axis (the label
        # keeps clear of them)
        drops = VGroup(*(DashedLine(tip, self.plane.c2p(foot), dash_length=0.08, color=th.muted, stroke_width=2.5)
                         for foot in ((x, 0.0), (0.0, y))))
        placer = self.plane.placer()
        for drop in drops:
            placer.avoid_segment(drop.get_start(), drop.get_end())
        self.output_coordinates = label(f"({format_number(x)}, {format_number(y)})", th, size=22, color=th.output)
        placer.place(self.output_coordinates, tip, np.array([1.0, -1.0, 0.0]))
        coordinates = self.output_coordinates  # drawn with their own words, after the arrow has grown
        self.narrate(f"The last tip is {ex.focus}'s output:", FadeIn(total), self.plane.grow_one(self.output_arrow),
                     run_time=1.2)
        self.add(*self.chain.pieces)  # over the output's arrow: its head would hide the chain's last pieces
        # part of the output's arrow from the start: drawn on the plane, and they leave with it
        self.output_arrow.add(drops, coordinates)
        # the output's arrow half seen from here on: the chain's last, shortest pieces end under its head
        self.narrate(f"({format_number(x)}, {format_number(y)}) in this plane,",
                     LaggedStart(*(Create(drop) for drop in drops), lag_ratio=0.5), during(FadeIn(coordinates), 0.4, 1.0),
                     during(self.output_arrow.body.animate.set_opacity(0.5), 0.0, 0.3), run_time=2.5)
        # each weighted arrow with its term, in turn: what the average is made of (a box on the term,
        # no term drawn larger than another: none is singled out)
        n = len(terms)
        self.narrate("a weighted average of the value arrows.",
                     hop_through([SurroundingRectangle(term, color=term.get_color(), buff=0.06, stroke_width=3)
                                  for term in terms]),
                     *(during(piece.animate(rate_func=there_and_back).set_stroke(width=piece.get_stroke_width() * 1.8 + 2),
                              k / n, (k + 1) / n) for k, piece in enumerate(self.chain.pieces)),
                     run_time=2.5, wait=0.3)
        # one play, the tables coming back as the drawing goes (two plays left an empty frame
        # between them); one after the other, so neither shows through the other
        # (the veil's group first: manim adds each animation's group on top, so the drawing stays above it)
        self.play(during(veil.lift(), 0.5, 1.0),
                  during(FadeOut(VGroup(self.plane, column, self.chain, *self.plane.vectors.values())), 0.0, 0.45),
                  run_time=1.0)

    def near_plane(self):
        """The plane drawn again in the same region for the chain alone (its arrows are the weights'
        fractions of the words' arrows, which set the first plane's size)."""
        th, old = self.theme, self.plane
        reach = np.vstack([np.zeros((1, 2)), self.chain_math.starts, self.chain_math.ends])
        for _ in range(4):
            near = plane_in_region(old.plane, reach, th, left=PLANE_LEFT, right=config.frame_width / 2 - 0.3,
                                   axis_colors=[c.get_color() for c in old.axis_names])
            # a last tick at the x axis's very end prints its number under the axis's name: the axis
            # then reaches a little further
            if not any(boxes_overlap(_box(tick), _box(near.axis_names[0])) for tick in near.tick_labels):
                break
            reach = np.vstack([reach, [[near.x_range.high * 1.1, 0.0]]])
        return near

    def closer(self, near, colors: dict, laid: list) -> None:
        """The axes and the laid arrows (pieces `laid`) move onto their places in `near`, the tick
        numbers give way to its own. self.plane and self.chain are the new ones afterwards (the
        pieces not laid yet are not in the scene)."""
        th, old = self.theme, self.plane
        chain = near.chain(self.chain_math, th.value)
        for piece, token in zip(chain.pieces, self.first.tokens):
            piece.set_color(colors.get(token, th.text))
        # the output's arrow comes later: its name keeps clear of the tick numbers and the chain
        for tick in near.tick_labels:
            near.placer().avoid_box(tick, pad=0.15)
        moves = [ReplacementTransform(a, b) for a, b in ((old.axes, near.axes), (old.axis_names, near.axis_names),
                                                          *((self.chain.pieces[j], chain.pieces[j]) for j in laid))]
        # a tick number both planes write travels with its axis to its new place (it never leaves the
        # axis bare); the others fade out and in where they stand
        def by_axis(plane):  # (axis, number as written) -> tick label: the x axis's come first
            n = len(plane.x_range.ticks)
            return {(k >= n, t.text): t for k, t in enumerate(plane.tick_labels)}
        before, kept = by_axis(old), by_axis(near)
        ticks = [ReplacementTransform(t, kept.pop(key)) if key in kept else during(FadeOut(t), 0.0, 0.5)
                 for key, t in before.items()]
        ticks += [during(FadeIn(t), 0.5, 1.0) for t in kept.values()]
        self.play(*moves, *ticks, run_time=1.2)
        # (every part: the words' arrows and names were added one by one, and manim's remove takes
        # only what is in the scene's list itself)
        self.remove(*old.get_family(), *(m for v in old.vectors.values() for m in v.get_family()),
                    near.axes, near.axis_names, near.tick_labels, *near.tick_labels, *chain.pieces)
        self.add(near, *(chain.pieces[j] for j in laid))
        self.plane, self.chain = near, chain

    def lay_small(self, small: list, terms, column, colors: dict) -> None:
        """The pieces too short to make out at the plane's size, laid with the camera in on them,
        each named by its word (its term comes up in the column as it is laid); the camera goes back
        once they are down."""
        th, plane, tokens = self.theme, self.plane, list(self.first.tokens)
        placer = plane.placer()
        boxes = len(placer.boxes)
        names = VGroup()
        for j in small:
            piece = self.chain.pieces[j]
            name = label(tokens[j], th, size=SMALL_PIECE_NAME, color=colors.get(tokens[j], th.text))
            placer.place(name, piece.get_center(), np.array([0.6, -1.0, 0.0]))
            names.add(name)
        del placer.boxes[boxes:]  # gone with the camera's going back: the output's label may go there
        self.plane.figures.extend(names)  # drawn on the plane, as its part
        # with the x axis's numbers and name in view: where on the plane the camera is stays read (and
        # the axis, below, is never left in the subtitles' band)
        target = VGroup(*(self.chain.pieces[j] for j in small), names,
                        *plane.tick_labels[:len(plane.x_range.ticks)], plane.axis_names[0])
        # what the closer view would cut goes whole, before the camera has gone far (on the way in it
        # passes under the heading), and comes back exactly; the column of terms is left out of the
        # view whole, and stays as it is
        edges = self.cut_by_zoom([target], [*plane.tick_labels, *plane.axis_names])
        hide_edges, show_edges = step_back(edges, opacity=0.0) if edges else (Wait(0.0), Wait(0.0))
        said = [tokens[j] for j in small]
        self.caption_over(f"Up close, the shortest arrows: {', '.join(said[:-1])}{' and ' if len(said) > 1 else ''}"
                          f"{said[-1]}.")
        self.play(self.zoom_on(target), during(hide_edges, 0.0, 0.3), run_time=1.0)
        for j, name in zip(small, names):
            self.play(FadeIn(terms[j]), self.chain.grow(j), FadeIn(name), run_time=0.7)
        self.wait(0.6)
        self.play(self.zoom_out(), during(show_edges, 0.7, 1.0), FadeOut(names), run_time=1.0)

    def fill_rows(self):
        s, th = self.first, self.theme
        i0 = self.focus_row(s)
        rows = [k for k in range(len(s.tokens)) if k != i0]
        self.narrate("Every word gets its own blend, with its own row of weights.",
                     build_rows(self.out, self.attn, th.output, rows=rows), run_time=0.8 * len(rows))

    def compare_with_input(self):
        """Input beside Output, rows side by side. The output matrix itself moves into its place
        (its cells travel; nothing passes over Input, which appears where the factors were)."""
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        tokens, dims = list(s.tokens), list(ex.dims)
        # taller cells than in the product: the two tables are all there is to see now
        tall = dict(value_scale=self.vector_scale, col_labels=dims, col_label_colors=self.dim_colors(), cell_w=1.1, cell_h=0.9,
                    number_size=32)
        before = self.grid(s.input, "input", row_labels=tokens, row_label_colors=self.token_colors(tokens), **tall)
        after = self.grid(s.simple.output, "simple.output", **tall)
        names = [label("Input", th, size=30), label("Output", th, size=30, color=th.output)]
        for name, g in zip(names, (before, after)):
            name.next_to(g, UP, buff=0.25)
        pair = VGroup(VGroup(names[0], before), VGroup(names[1], after))
        # the tag over the arrow between the tables: the gap is made wide enough for it at its size,
        # and it is fitted with the tables (shrinking it alone to the gap left it unreadable)
        arrow_label = label("self-attention", th, size=28, color=th.muted)
        pair.arrange(RIGHT, buff=max(2.1, arrow_label.width + 0.4), aligned_edge=DOWN)
        arrow = Arrow(before.rects.get_right(), after.rects.get_left(), buff=0.2, color=th.muted, stroke_width=4,
                      max_tip_length_to_length_ratio=0.2)
        arrow_label.next_to(arrow, UP, buff=0.1)
        # the boxes round the focus word's rows (drawn later) reach into the gap: beside them, the tag
        # would touch them, so it goes up above them
        rows = VGroup(before.row(i), after.row(i))
        if arrow_label.get_bottom()[1] < rows.get_top()[1] + 0.1 and arrow_label.get_top()[1] > rows.get_bottom()[1] - 0.1:
            arrow_label.shift(UP * (rows.get_top()[1] + 0.14 - arrow_label.get_bottom()[1]))
        layout = fit_to_frame(VGroup(pair, arrow, arrow_label), top=3.1, bottom=SUBTITLE_TOP + BAND_GAP, grow=2.0)
        # centred on the two tables' cells (the input's row words, on its left only, pushed them right),
        # shrunk if the words then reach the frame's margin
        layout.shift(LEFT * (before.rects.get_left()[0] + after.rects.get_right()[0]) / 2)
        reach = max(-layout.get_left()[0], layout.get_right()[0])
        if reach > config.frame_width / 2 - 0.3:
            layout.scale((config.frame_width / 2 - 0.3) / reach, about_point=np.array([0.0, layout.get_y(), 0.0]))
        self.play(fade_out(self.attn, self.v, self.names), run_time=0.6)
        d = len(dims)
        moves = [Carry(self.out.cell(r, c), after.cell(r, c)) for r in range(len(tokens)) for c in range(d)]
        self.remove(*self.out.get_family())  # its numbers too: they were added one by one
        self.narrate("Input on the left, output on the right: same table shape, new contents.",
                     *moves, Vanish(VGroup(before, names[0]), back=(0.3, 0.7)),
                     during(FadeIn(VGroup(after.col_labels, names[1])), 0.6, 1.0),
                     # from one table to the other once both are there (grown sooner, it ran out of nothing)
                     during(Create(arrow), 0.7, 1.0), during(FadeIn(arrow_label), 0.8, 1.0), run_time=2.2)
        boxes = [before.row_box(i, th.focus), after.row_box(i, th.output)]
        lean = self.lean_of_focus_output()
        self.narrate(f"{ex.focus}'s row has changed:", *(FadeIn(b) for b in boxes), run_time=1.2)
        # the neighbours named: the other words' input rows, pointed at one after another
        neighbours = [r for r in range(len(tokens)) if tokens[r] != ex.focus]
        # a box on each in turn, fading in and out where it stands (a circling line swept across
        # the numbers)
        # each box as strong as the word's weight in the blend: the most weighted neighbour gives most
        weights = s.simple.weights[i]
        most = max((float(weights[r]) for r in neighbours), default=1.0) or 1.0
        self.narrate("it has taken in some of its neighbours' meaning.",
                     hop_through([before.row_box(r, th.muted).set_stroke(width=1.5 + 4.5 * float(weights[r]) / most)
                                  for r in neighbours]),
                     run_time=2.0, wait=2.0 if lean is None else 0.3)
        if lean is None:
            return  # no lean to claim: the sentence above is the payoff
        stronger, weaker = lean
        values = s.simple.output[i]
        # each number boxed with the input's in the same column (what it was before): "now" is a comparison
        cells = [VGroup(after.cell_box(i, c, self.dim_colors().get(c, th.output)),
                        before.cell_box(i, c, self.dim_colors().get(c, th.output))) for c in (stronger, weaker)]
        # one sentence (the payoff, said whole), its two numbers boxed as they are said
        self.narrate(f"It now leans towards {dims[stronger]}: {format_number(values[stronger])}, against "
                     f"{format_number(values[weaker])} for {dims[weaker]}.",
                     during(FadeOut(VGroup(*boxes)), 0.0, 0.3), during(FadeIn(cells[0]), 0.0, 0.35),
                     during(FadeIn(cells[1]), 0.55, 0.9), run_time=3.2, wait=0.5)

    def lean_of_focus_output(self):
        """(stronger, weaker) dim indices of the plane's two dims in the focus word's output, when
        attention_math.story says it leans towards one of them; None otherwise (or without a plane)."""
        s = self.first
        plane = embedding_plane(self.example)
        if plane is None:
            return None
        a, b = plane.axes
        row = s.simple.output[self.focus_row(s)]
        lean = leans_towards(float(row[a]), float(row[b]))
        return None if lean is None else ((a, b) if lean == 0 else (b, a))
