"""Step 5 — Output = Attention × V: each output row is a weighted average of the value rows."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from manim.utils.color import color_to_rgb as to_rgb
from manim import (
    DOWN, LEFT, RIGHT, UP, Arc, Arrow, Circle, Circumscribe, Create, DashedLine, Dot, FadeIn, FadeOut, GrowArrow, Indicate, LaggedStart, Line,
    Rectangle, ReplacementTransform, Succession, SurroundingRectangle, Transform, TransformFromCopy, UpdateFromAlphaFunc,
    ManimColor, VGroup, config, interpolate_color, linear, there_and_back,
)

from attention_math.formatting import format_number
from attention_math.breakdown import weighted_sum
from attention_math.geometry import arrow_chain, embedding_plane
from attention_math.story import (
    leans_towards, product_of_written_differs, pulled_towards, written_rows_read_one, zero_in_plane,
)
from scenes.base import ExplainerScene
from scenes.components import (
    BAND_GAP, ROW_SUM, ROW_SUM_NOTE, SMALLEST_TEXT, MatrixGrid, fit_label, label, product_layout,
)
from scenes.geometry import (
    ARROW_WIDTH, LEADER_FROM, SUBTITLE_TOP, WORD_SIZE, LabelPlacer, Veil, VectorPlane, box_of, boxes_overlap, nearest_point, plane_in_region, segment_crosses,
    vector_body, word_colors,
)
from scenes.motion import Carry, Vanish, blink, during, fade_in, hop_through
from scenes.staging import fit_region, numbers_larger, regrow_column_labels

PRODUCT_NUMBER_SIZE = 38  # Attention, V and Output's numbers before the product is fitted to the frame
PRODUCT_LABEL_SIZE = 22  # their words: a column is as wide as its word, so words smaller than the numbers
PRODUCT_CELL_H = 0.44  # and their rows' height then: ten rows, V's dims and the names between the two
# tables take the height under the heading with the words at their size (at 0.52 they were shrunk below it)
PRODUCT_V_CELL_W = 0.84  # V's columns before its dims' names widen them: at most 1.6 times this (1.35)
PRODUCT_V_BUILD_SIZE = 17  # V's numbers' size as it is built: its words, at this + 2, then widen no column much
PRODUCT_MARGIN = 0.3  # the stage from the frame's sides
RULE_SIZE = 36  # "row i of Output = row i of Attention × V" in the product's empty corner: about 40 px lines at 720p
PRODUCT_WORDS_BESIDE = 1.4  # V's row words at most this wide (frame units) stand beside Attention, over the gap
PRODUCT_GAP = 0.4  # between Attention and the output when V's words are wider (their rows line up: no more needed)
PRODUCT_ROW_WORDS_GAP = 0.2  # Attention's row words' gap to its cells, and a little more
PRODUCT_V_CLEAR = 0.15  # the least gap between V's row words and Attention (beside them), and V and the names under it
COMPARE_NUMBER_SIZE, COMPARE_LABEL_SIZE = 38, 26  # Input's and Output's numbers and words, before fitting
COMPARE_CELL_W, COMPARE_BUILD_SIZE = 1.5, 21  # their columns, set by words at COMPARE_BUILD_SIZE + 2 (grown after; at 18 "grammar" overran its column, r27)
SHORT_ARROW = 0.26  # a word's arrow shorter than this share of the longest has its name put on its side away from the others
ORIGIN_CLEAR = 0.35  # the words' names keep this far (frame units) from the origin: they fan out on leaders
TERM_SIZE = 28  # the weighted sum's terms beside the plane: about 18 px digits at 480p
TERM_WAITING_OPACITY = 0.6  # a term before its arrow is laid (at 0.3 the pale colours did not read)
COLUMN_WIDTH = 4.2  # at most this wide (frame units), on the frame's left: the plane takes the rest
SMALL_PIECE = 0.6  # a weighted arrow shorter than this on the plane is named by its word as it is laid
SMALL_PIECE_NAME = 22  # that name's size
FILL_SWEEP = (0.1, 0.6)  # each other row's share of the fill: its weights swept with V's rows, then its numbers
FILL_ROW_TIME, FILL_LEAST, FILL_MOST = 1.1, 3.2, 6.0  # seconds a row takes, and the whole fill's least and most
ZOOM_NOTE_SIZE = 26  # "zooming in", said on the plane as the axes change (at 22 in grey it was hard to make out)
WORK_CELL_W, WORK_CELL_H = 1.5, 0.58  # the focus row's working: V's cells at about 1.5 times the product's
WORK_NUMBER_SIZE = 30  # and its numbers: about 20 px digits at 480p
WORKED_FIT = 0.8  # a worked number's most share of its cell's width (at 0.76, the quadrants' layout left Attention's numbers small)
LENS_WIDTH, LENS_HEIGHT = 3.4, 2.1  # the largest box the short pieces are drawn larger in (frame units)
LENS_MOST = 8.0  # and at most this many times larger
LENS_LEAST = 2.0  # a lens enlarging less is not drawn (the pieces are named where they lie)
CHAIN_SETTLED_OPACITY = 0.4  # the chain once the output's arrow has landed over its end: the output reads first
LENS_NAME_CLEAR = 0.15  # the lens's words' least gap to the arrows drawn in it (frame units)
GHOST_OPACITY = 0.25  # a word's full arrow while it shrinks by its weight
OUTPUT_WIDTH, OUTPUT_TIP = 5, 0.2  # the output's arrow: its head drawn over the tip once the chain steps back (r28: at 0.13, under the chain, it was lost)
GUIDE_CLEAR = 0.05  # a dashed guide runs on through the lens's frame to the tip when this clear of every arrow there
LENS_LINE_CLEAR = 0.04  # the lens's box's least gap (besides its own margin) to the output's arrow and drops
LENS_MARGIN = 0.1  # round the short pieces, in the frame showing where the lens looks (its edge clear of the tip)
ON_LINE_HALO = 8  # a word's arrow along a longer one's line: drawn this much wider, under the longer one's shaft
ON_LINE_Z = 1  # the longer one's z index over it (and a dot's, one more: over every arrow's start)
ON_LINE_SINE = 0.05  # (the sine of the angle under which two arrows lie along one line: 3°)
ON_LINE_LEAST = 0.4  # a word drawn as a dot on a longer arrow's line is drawn as its arrow from this long on screen
NEAR_SIDE = 0.15  # the near plane's region's gap to the frame's right side (frame units)
NEAR_TOP_GAP = 0.3  # and its top's gap under the heading
FIRST_TOP_GAP = 0.1  # the words' plane's top under the heading: about 80 % of the frame's height down to the subtitles
NEAR_NAME_CLEAR = 0.15  # an axis's name, tucked beside its axis's end, this clear of every tick number
LINK_CLEAR = 0.25  # a lens's side line's least distance to the arrows' heads, and (out of its first stretch) shafts: nearer, it ran along them


def lines_cross(p, q, a, b) -> bool:
    """Whether the segments p–q and a–b cross (a shared end does not count: arrows start at the origin)."""
    def side(u, v, w):
        return (v[0] - u[0]) * (w[1] - u[1]) - (v[1] - u[1]) * (w[0] - u[0])
    return side(p, q, a) * side(p, q, b) < -1e-9 and side(a, b, p) * side(a, b, q) < -1e-9


def point_to_segment(point, a, b) -> float:
    """The distance from `point` to the segment a–b (in the frame's plane)."""
    point, a, b = (np.asarray(v, dtype=float)[:2] for v in (point, a, b))
    d = b - a
    t = float(np.clip((point - a) @ d / max(float(d @ d), 1e-12), 0.0, 1.0))
    return float(np.linalg.norm(point - (a + t * d)))


def first_crossing(foot, start, segments):
    """The point of the line foot–start nearest to `foot` where it crosses one of `segments` ((a, b)
    pairs); `start` when it crosses none."""
    foot, start = np.asarray(foot, dtype=float), np.asarray(start, dtype=float)
    d = start - foot
    best = 1.0
    for a, b in segments:
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        e = b - a
        den = d[0] * e[1] - d[1] * e[0]
        if abs(den) < 1e-12:
            continue
        t = ((a[0] - foot[0]) * e[1] - (a[1] - foot[1]) * e[0]) / den
        u = ((a[0] - foot[0]) * d[1] - (a[1] - foot[1]) * d[0]) / den
        if 0.0 < t < best and 0.0 <= u <= 1.0:
            best = t
    return foot + best * d


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



def unit_length(plane) -> float:
    """The length on screen of one unit along the plane's first axis."""
    return float(np.linalg.norm(plane.c2p((1.0, 0.0)) - plane.c2p((0.0, 0.0))))

class OutputScene(ExplainerScene):
    scene_name = "output"
    chapter = "Output = Attention × V"
    summary = "Each output row is a weighted average of value rows"
    steps = ("show_product", "work_focus_row", "weighted_arrows", "fill_rows", "compare_with_input")

    def show_product(self):
        s, ex, th = self.first, self.example, self.theme
        tokens, dims = list(s.tokens), list(ex.dims)
        self.heading = self.chapter_title()
        # rows a little flatter than the default cells: ten rows of two tables stacked take the stage's height
        big = dict(number_size=PRODUCT_LABEL_SIZE - 2, cell_h=PRODUCT_CELL_H)
        # V's row words stand beside Attention, over the gap between it and the output, when they are
        # short (over Attention's last columns they read as Attention's); V is then built with small
        # words, which widen no column, and its words grown after (a long dim's name reaching a little
        # over its column's edges): Attention takes the width they leave. A long word there would take
        # the tables' width: V's row words then stand over Attention's last columns, its columns as wide
        # as its words at their size (the numbers in them the larger)
        beside = max(label(t, th, size=PRODUCT_LABEL_SIZE).width for t in tokens) <= PRODUCT_WORDS_BESIDE
        self.v = self.grid(s.simple.v, "simple.v", row_labels=tokens, col_labels=dims, value_scale=self.vector_scale,
                           label_color=th.value, col_label_colors=self.dim_colors(), cell_w=PRODUCT_V_CELL_W,
                           **{**big, "number_size": PRODUCT_V_BUILD_SIZE if beside else PRODUCT_LABEL_SIZE - 2})
        numbers_larger(self.v, PRODUCT_NUMBER_SIZE)
        for word in self.v.row_labels:  # (they stand left of the cells: grown leftwards)
            word.scale(PRODUCT_LABEL_SIZE / word.font_size, about_edge=RIGHT)
        regrow_column_labels(self.v, gap=0.18)
        # the focus row is worked in place at the decimals its sum needs, at the table's own size
        # (squeezed into 2-decimal cells, the worked row had the smallest digits on screen): Attention's
        # columns share the frame's width left of the output's (under V's) and its row words, and its
        # numbers are as large as such a number then fits
        places = weighted_sum(s.simple.weights[self.focus_row(s)], s.simple.v).weight_decimals
        words = max(label(t, th, size=PRODUCT_LABEL_SIZE).width for t in tokens) + PRODUCT_ROW_WORDS_GAP
        # (never narrower than its longest word: a larger example's tables are then shrunk to the frame)
        # (the gap between Attention and the output: V's row words stand over it, or over Attention)
        gap = self.v.rects.get_left()[0] - self.v.row_labels.get_left()[0] + PRODUCT_V_CLEAR if beside else PRODUCT_GAP
        room = max((config.frame_width - 2 * PRODUCT_MARGIN - words - gap - len(dims) * self.v.cell_w) / len(tokens),
                   words - PRODUCT_ROW_WORDS_GAP + 0.12)
        probe = label(format_number(0.0, places), th, size=PRODUCT_LABEL_SIZE)
        size = min(PRODUCT_NUMBER_SIZE, PRODUCT_LABEL_SIZE * WORKED_FIT * room / probe.width)
        self.attn = self.grid(s.simple.weights, "simple.weights", row_labels=tokens, col_labels=tokens, value_scale=1.0,
                              label_color=th.text, row_label_colors=self.token_colors(tokens),
                              cell_w=probe.width * size / PRODUCT_LABEL_SIZE / WORKED_FIT, **big)
        numbers_larger(self.attn, size)
        self.out = self.grid(s.simple.output, "simple.output", value_scale=self.vector_scale, cell_w=self.v.cell_w,
                             cell_h=self.attn.cell_h, number_size=PRODUCT_LABEL_SIZE - 2)
        numbers_larger(self.out, PRODUCT_NUMBER_SIZE)
        # the product in three quadrants, as it is worked by hand: V top right, Attention bottom left,
        # the output under V with its rows beside Attention's
        layout = product_layout(self.attn, self.v, self.out, gap=gap)
        # the names above their tables, where they cost no width: Attention's over its words, Output's
        # in the gap between V and it (V's columns still over Output's), V's in its header line, over
        # its row words (the column they head: beside V's rows it stood alone in an empty corner)
        self.names = VGroup(
            # (over its first columns: over the middle one, "Attention mouse" read as one phrase)
            label("Attention", th, size=24).next_to(self.attn.col_labels, UP, buff=0.15).align_to(self.attn.rects, LEFT),
            label("V = Input", th, size=24, color=th.value),
            label("Output", th, size=24, color=th.output),
        )
        self.names[2].next_to(self.out.rects, UP, buff=0.1)
        # V wholly above Attention's name and the output's: the quadrants apart (V's row words over
        # Attention's last columns need only clear its column words: its name is on the left)
        floor = (max(self.names[0].get_top()[1], self.names[2].get_top()[1]) + PRODUCT_V_CLEAR if beside else
                 max(self.attn.col_labels.get_top()[1] + 0.3, self.names[2].get_top()[1] + 0.1))
        self.v.shift(UP * (floor - min(self.v.rects.get_bottom()[1], self.v.row_labels.get_bottom()[1])))
        self.names[1].align_to(self.v.row_labels, RIGHT).set_y(self.v.col_labels.get_y())
        # (clear of the first dim's name, which may reach over its column's left edge)
        self.names[1].shift(LEFT * max(0.0, self.names[1].get_right()[0] + 0.2 - self.v.col_labels[0].get_left()[0]))
        # the whole stage, from the shapes (the second example's larger tables shrink to it), under the
        # heading (V's dims beside it touched the frame's top, and a veil lowered under the heading left
        # them standing) down to the subtitles' band
        stage = VGroup(layout, self.names)
        region = (-config.frame_width / 2 + PRODUCT_MARGIN, config.frame_width / 2 - PRODUCT_MARGIN)
        fit_region(stage, *region, top=box_of(self.heading, 0.15)[1], bottom=SUBTITLE_TOP + BAND_GAP, grow=1.6)
        # one digit size across the three tables (V's and Output's larger digits beside Attention's read
        # as two kinds of number, and filled their cells edge to edge): the size Attention's worked
        # 3-decimal numbers fit, where that reads (a long sentence's Attention, shrunk below the text
        # floor by the frame, would take V's and Output's numbers down with it: they keep their own)
        worked = self.attn.number(0, 0).font_size
        if worked >= SMALLEST_TEXT:
            numbers_larger([self.v, self.out], worked)
        self.out.clear_fills()  # output cells stay uncoloured until their numbers are computed
        self.rule = self.row_rule()
        # the name comes once the table has settled (moving, it passed across the numbers)
        # (the heading fades in, sliding a little: written on stroke by stroke, its glyphs showed broken mid-way)
        self.play(FadeIn(self.heading, shift=RIGHT * 0.3), *self.take_over(self.attn), during(FadeIn(self.names[0]), 0.8, 1.0),
                  run_time=1.0)
        self.narrate("For now V is the input itself; it gets its own matrix later.", fade_in(self.v, self.names[1]),
                     run_time=1.2)
        # pointed at as it is named: a frame round the whole table, clear of its words, that fades in
        # and out (a line running round the cells cut through the words beside them); the output's
        # empty cells come up as what the mixing will fill
        self.narrate("The attention matrix says how to mix them.",
                     Circumscribe(VGroup(self.attn, self.names[0]), color=th.text, buff=0.1, fade_in=True,
                                  fade_out=True, stroke_width=4),
                     during(FadeIn(VGroup(self.out.rects, self.names[2])), 0.5, 1.0),
                     *([during(FadeIn(self.rule), 0.6, 1.0)] if len(self.rule) else []), run_time=1.5)
        self.names.add(self.rule)  # it leaves with the names

    def row_rule(self) -> VGroup:
        """"row i of Output = row i of Attention × V", on two lines, in the corner the three tables
        leave empty (top left, under the heading, over Attention's name), each matrix's name in its
        colour: what the product does, row by row. Empty when the corner is too small for it to read."""
        th = self.theme
        size = RULE_SIZE
        def line(text, word, color):  # one line, `word` in it in `color` (its glyphs: a text has none for spaces)
            written = label(text, th, size=size)
            at = text.replace(" ", "").index(word.replace(" ", ""))
            written[at:at + len(word.replace(" ", ""))].set_color(color)
            return written
        rule = VGroup(line("row i of Output =", "Output", th.output), line("row i of Attention × V", "V", th.value))
        rule.arrange(DOWN, buff=0.25, aligned_edge=LEFT)
        left, right = -config.frame_width / 2 + PRODUCT_MARGIN + 0.2, min(self.v.row_labels.get_left()[0],
                                                                          self.names[1].get_left()[0]) - 0.4
        # (under the heading, over Attention's name and the frame drawn round it as it is named)
        top, bottom = box_of(self.heading, 0.25)[1], self.names[0].get_top()[1] + 0.35
        shrink = min(1.0, (right - left) / rule.width, (top - bottom) / rule.height)
        if shrink * size < SMALLEST_TEXT:
            return VGroup()
        rule.scale(shrink)
        return rule.move_to([(left + right) / 2, (top + bottom) / 2, 0.0]).align_to([left, 0.0, 0.0], LEFT)

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
                     # (the new number coming in as the old one goes: the row is never blank)
                 for a in (during(old.animate.set_fill(opacity=0.0), 0.3, 0.6), during(FadeIn(new, scale=1.2), 0.45, 0.75))]
        self.narrate(f"{ex.focus}'s new vector: its attention row gives one weight per word.", FadeIn(box), FadeIn(out_box),
                     *self.focus_on([], pool=others), *to_worked, run_time=1.5)
        # the row worked at full frame: the other tables go under a veil; mouse's weights stand as a
        # column, each beside the value row it scales, V larger, the output's row under it at the
        # same column widths; between them the row being scaled, as its products
        work = self.worked_layout(i, parts, places)
        veil = Veil(self)
        # the products spelled out, and the sums made of them, with the decimals at which each sum is
        # the one before plus its product as written, and the last rounds to the output's row
        term_places = parts.term_decimals(places)
        terms = parts.terms_as_written(places, term_places)  # (n, d)
        worked = parts.running_of_terms(places, term_places)  # (n, d): the sums so far, as a viewer adds them up
        # said over the whole working: the words run while the rows are scaled and added
        # (the adding up has its own sentence, said as the first sums land: said here, the sums came
        # three seconds before their words)
        self.caption_over(f"Scale each value row by its weight: {format_number(parts.weights[0], places)} × "
                          f"{tokens[0]}.")
        # (the veil's animation first: what travels is drawn over it)
        weights_from = as_worked or [self.attn.number(i, j) for j in range(len(tokens))]
        # V itself and the weights leave as their copies travel (under the lowering veil they showed
        # through them, every digit doubled); the veil's lifting brings them back (taken out once the
        # veil is down: what is left of a group they leave is then under it)
        lowering = during(veil.lower(), 0.0, 0.2)
        self.remove(self.v, *weights_from)
        # V's name goes before V's copy moves (its dims' words, growing leftwards, printed over it
        # under the lowering veil); it is back as it was, under the veil, before the veil lifts
        v_name = self.names[1].copy()
        # the weights slide STRAIGHT from their cells to their places beside V's rows, in a quick
        # stagger, once the veil is down: the row turns into the column, each weight taking its
        # colour and size on the way, its "×" written as it lands (r27: first across the row, then up
        # one by one, the path did not read). Straight paths from a row to a column never meet (at any
        # moment two neighbours are apart across or along), and they land before V's copy moves (a
        # weight in flight crossed V's words)
        n = len(weights_from)
        span = 0.3
        lag = min(0.05, 0.12 / max(n - 1, 1))
        pairs = [(a, b[:len(a)], b[len(a):]) if len(a) < len(b) else (a, b, VGroup())
                 for a, b in zip(weights_from, work.weights)]
        self.play(lowering, during(self.names[1].animate.set_opacity(0.0), 0.0, 0.12),
                  during(TransformFromCopy(self.v, work.v), 0.62, 1.0),
                  *(during(Carry(a, b), 0.2 + lag * j, 0.2 + lag * j + span) for j, (a, b, _) in enumerate(pairs)),
                  *(during(FadeIn(x), 0.2 + lag * j + 0.7 * span, 0.2 + lag * j + span)
                    for j, (_, _, x) in enumerate(pairs) if len(x)),
                  # the output's empty cells (its numbers come as they are added up)
                  *(TransformFromCopy(self.out.cell(i, k)[0], work.out.cell(0, k)[0]) for k in range(d)),
                  during(FadeIn(work.total_name), 0.6, 1.0), run_time=1.8)
        self.remove(*(m for _, b, x in pairs for m in (b, x)))
        self.add(work.weights)
        veil.hidden()
        self.names[1].become(v_name)
        # the sums start at 0 in the output row's cells: from then on a cell always shows its sum so
        # far, and each new sum replaces the last where it stands (never a blank, never a product
        # standing in for a sum)
        running = [self.worked_number(format_number(0.0, term_places), work.out.number(0, k), work.out.cell(0, k))
                   for k in range(d)]
        self.play(*(FadeIn(z) for z in running), run_time=0.4)
        strip, held = None, VGroup()
        for j, token in enumerate(tokens):
            # weight j and the row it scales, boxed; that row's numbers come up under the table as
            # their products (each under the value it scales, right above the output's cell it is added to)
            # (the weight's box a little wider than the text's: at 0.06 its edge clipped the "×")
            # (drawn thick: at 3–4 px, violet on the blue cells, the row in hand was hard to find, r28)
            boxes = VGroup(SurroundingRectangle(work.weights[j], color=th.focus, buff=0.1, stroke_width=6),
                           work.v.row_box(j, th.value, buff=0.06).set_stroke(width=7))
            products = self.scaled_row(work, j, format_number(parts.weights[j], places), token, terms[j], term_places)
            # (the row before's strip and boxes go as this row's come: faded in a play of their own,
            # each row ended on a short still beat)
            leave = [during(FadeOut(VGroup(strip, held)), 0.0, 0.3)] if strip is not None else []
            # the later rows said as they are scaled, a little quicker (r26: three products were added
            # in six seconds of silence)
            later = j >= 2
            if j == 2 and len(tokens) > 3:
                self.caption_over(f"Then {format_number(parts.weights[j], places)} × {token}, and so on down the rows.")
            # (they appear where they stand: travelling down from the row, they crossed the rows below it)
            self.play(*leave, during(FadeIn(boxes), 0.0, 0.3), during(FadeIn(products, shift=DOWN * 0.15), 0.3, 0.8),
                      run_time=0.85 if later else 1.0 if j else 1.3)
            strip = products
            # the sum so far, of the terms as written (the last is the output's row as it writes it)
            sums = [self.worked_number(format_number(v, term_places), work.out.number(0, k), work.out.cell(0, k))
                    for k, v in enumerate(worked[j])]
            # each product added to the sum under it: the product lights up in the output's colour,
            # then the cell's old sum gives way to the new one in place (the old one stays until then;
            # never two numbers in a cell, no copy crossing the strip); a cell whose sum is unchanged
            # (a term of 0) keeps its number
            # each product drops into the sum under it (a copy, leaving the product in its row) and the
            # sum's digits change in place the moment it lands (r28f: the old sum faded out, the cell
            # stood blank, the new one faded in, and nothing moved down into it); the copy is at most
            # half strength where it reaches the sum's digits, never printed over them
            grow, landed = [], []
            for k, (old, new) in enumerate(zip(running, sums)):
                if old.text == new.text:
                    sums[k] = old
                    continue
                grow.append(self.added_in(products[1][k], old, new))
                landed.append(k)
            # what is left of the row (its name, the products of 0 that changed nothing) goes once its
            # products have moved into the sums (r29m: left standing, the row read with holes in it)
            grow.append(during(FadeOut(VGroup(products[0], *(products[1][k] for k in range(d) if k not in landed))),
                               0.72, 1.0))
            total_row = (SurroundingRectangle(VGroup(work.total_name, work.out.rects), color=th.muted, buff=0.1,
                                              stroke_width=3) if j == 0 else VGroup())
            if j == 0:  # the running total's sentence starts as its row is pointed at and the first sums land
                # (its frame drawn once the sums have landed: drawn as they fell, its top edge ran through them)
                self.caption_over("The bottom row keeps the running total: each product is added to the sum under it.")
            self.play(*grow, *([during(Create(total_row), 0.64, 1.0)] if j == 0 else []), run_time=0.85 if later else 1.0)
            for k in landed:  # (the moving copies and the old sums are done with: the new sums stand)
                group = self.added_copies.pop(0)
                self.remove(group, *group.get_family())
                self.add(sums[k])
            self.remove(*products.get_family())  # (all of the row has gone: moved into the sums, or faded)
            strip = VGroup()
            running = sums
            held = VGroup(boxes, total_row)
        # the last sums are the output's row: rounded to its two decimals where they have more (in place)
        rounded = [work.out.number(0, k) for k in range(d)]
        if all(old.text == new.text for old, new in zip(running, rounded)):
            self.remove(*running)
            self.add(*rounded)
            rounding = []
        else:
            self.add(*rounded)
            rounding = [a for old, new in zip(running, rounded)
                        for a in (Vanish(old, gone=(0.0, 0.45)), Vanish(new, back=(0.3, 0.8)))]
        value_rows = SurroundingRectangle(work.v.rects, color=th.value, buff=0.06, stroke_width=4)
        # an average's weights add up to 1: said under the column of weights (as written they may
        # not: then "before rounding" too)
        total = self.weights_total(work, parts.weights, places)
        # the last sum is the output's row: named so now (the running total's name gives way in place)
        renamed = [during(FadeOut(work.total_name), 0.0, 0.35), during(FadeIn(work.out_name), 0.35, 0.7)]
        self.narrate("The result is a weighted average of the value rows:", during(FadeOut(VGroup(strip, held)), 0.0, 0.3),
                     *rounding,
                     *renamed,
                     *(work.out.fill_in(0, k) for k in range(d)), during(FadeIn(value_rows), 0.3, 1.0),
                     during(FadeIn(total), 0.35, 1.0), run_time=1.2)
        # the worked row goes to its place in the output table as the tables come back
        # (the table's own come in as the worked ones go: the row is never blank)
        back_to_table = [a for old, new in zip(shown, as_worked)
                         for a in (during(FadeOut(new), 0.0, 0.5), during(old.animate.set_fill(opacity=1.0), 0.35, 0.9))]
        done = VGroup(work.v, work.out_name, value_rows, total)
        carried = [Carry(work.out.cell(0, k), self.out.cell(i, k)) for k in range(d)]
        self.remove(*work.out.get_family())  # its cells travel (Carry draws their copies)
        # the weights slide straight back into their row (the column turning into the row), their "×"
        # going first, on the veil, landed before it lifts (r27: they faded with the working, and the
        # row came back with them, from nothing)
        self.remove(work.weights)
        # (the bottom one first: the top one, leaving first, came down through the others still waiting)
        returning = [during(Carry(b, a), 0.15 + lag * (len(pairs) - 1 - j), 0.15 + lag * (len(pairs) - 1 - j) + 0.26)
                     for j, (a, b, _) in enumerate(pairs)]
        returning += [during(FadeOut(x), 0.0, 0.15) for _, _, x in pairs if len(x)]
        # one after the other, so the two layouts never show through each other
        # (the row travels on the veil and lands in its box before the tables come back: lifted while
        # it flew, it crossed the attention row's numbers)
        # (the veil's animation first: played after the row's, or the working's fading, the sheet was
        # drawn over them)
        # (the tables come back as it flies, away from them on its way down to its box: once the working
        # had gone, the row flew alone on a blank sheet for half a second)
        self.play(during(veil.lift(), 0.46, 0.88), during(FadeOut(done), 0.0, 0.22), *returning,
                  *(during(c, 0.15, 0.55) for c in carried), run_time=1.6)
        self.add(*(self.out.cell(i, k) for k in range(d)))
        self.narrate(f"{ex.focus} blended with its context.", *self.restore(), FadeOut(box), FadeOut(out_box),
                     *(self.out.fill_in(i, k) for k in range(d)), *back_to_table, run_time=1.0, wait=0.2)

    def added_in(self, product, old, new, land: float = 0.62):
        """`product` moving down into the sum `old` (a number in the running total's cell), which
        turns into `new` the moment it lands (fraction `land` of the play): the digits change in
        place. The product leaves its row (drawn by a copy, the row's own hidden: r29m, a copy
        leaving it printed a doubled number) and the old sum gives way as the copy nears
        (sliding down a little as it fades, gone before the copy's digits reach it: never two
        numbers printed on each other, r29m); `new` flashes in the output's colour and settles."""
        th = self.theme
        copy = product.copy().set_color(th.output)
        start, end = product.get_center(), old.get_center()
        kept = product.get_fill_opacity()
        high = max(old.height, product.height, 1e-6)
        settled = new.get_fill_color()
        new.set_fill(opacity=0.0)
        old_place = old.get_center()

        def update(group, alpha):
            t = min(alpha / land, 1.0)
            # (eased in, not out: it arrives at speed and becomes the sum at once; eased out, it stood
            # in the cell as the product for a few frames before the sum replaced it)
            copy.move_to(start + t * t * (end - start))
            # (the product itself travels: its place in the row is empty once it has left, never a
            # number and its copy side by side or on each other)
            product.set_fill(opacity=kept if alpha <= 0.0 else 0.0)
            # (the old sum: gone while the copy is still more than its height away)
            to_old = abs(copy.get_y() - end[1]) / high
            stays = float(np.clip((to_old - 1.2) / 0.5, 0.0, 1.0))
            copy.set_fill(opacity=1.0 if 0.0 < alpha < land else 0.0)
            old.move_to(old_place + DOWN * 0.25 * high * (1.0 - stays))
            old.set_fill(opacity=0.0 if alpha >= land else stays)
            after = float(np.clip((alpha - land) / max(1.0 - land, 1e-6), 0.0, 1.0))
            new.set_fill(interpolate_color(ManimColor(th.output), settled, after) if alpha >= land else settled,
                         opacity=1.0 if alpha >= land else 0.0)
            return group

        # (the product in the group too: a mobject no animation holds is drawn once, at the play's start)
        group = VGroup(copy, old, new, product)
        self.added_copies = getattr(self, "added_copies", []) + [group]
        return UpdateFromAlphaFunc(group, update, rate_func=linear)

    def worked_layout(self, i: int, parts, places: int):
        """The focus row's working at full frame (not in the scene yet): V large with its words and
        dims, the weights as a column left of its rows (each beside the row it scales), the output's
        row under V at V's column widths with its name, room between them for one scaled row.
        Fitted to the frame below the heading and above the subtitles, from the tables' shape."""
        s, ex, th = self.first, self.example, self.theme
        tokens = list(s.tokens)
        v = self.grid(s.simple.v, "simple.v", row_labels=tokens, col_labels=list(ex.dims), value_scale=self.vector_scale,
                      label_color=th.value, col_label_colors=self.dim_colors(), cell_w=WORK_CELL_W, cell_h=WORK_CELL_H,
                      number_size=WORK_NUMBER_SIZE)
        weights = VGroup(*(label(f"{format_number(w, places)} ×", th, size=WORK_NUMBER_SIZE, color=th.focus)
                           for w in parts.weights))
        # each weight right before its word, read as "0.261 × cat": the words left-aligned in their column
        # (right-aligned to the cells, a short word stood far from its weight)
        for word in v.row_labels:
            word.align_to(v.row_labels, LEFT)
        for j, weight in enumerate(weights):
            weight.next_to(v.row_labels, LEFT, buff=0.2).set_y(v.row(j).get_y())
        # the output's row: V's cells, at V's numbers' size, under V's columns
        cell = v.cell(0, 0)[0]
        out = MatrixGrid(s.simple.output[i][None, :], th, name="simple.output[focus]", value_scale=self.vector_scale,
                         cell_w=cell.width, cell_h=cell.height, number_size=WORK_NUMBER_SIZE)
        self.shown.append(out)
        out.next_to(v.rects, DOWN, buff=2 * WORK_CELL_H + 0.3).align_to(v.rects, LEFT)
        out.clear_fills()
        out_name = label(f"= {ex.focus}'s output", th, size=WORK_NUMBER_SIZE, color=th.output)
        out_name.next_to(out.rects, LEFT, buff=0.3)
        # while the products are added the row holds sums so far, not yet the output: named so, in
        # the muted colour, until its last sum lands (then the output's name takes its place)
        total_name = label("running total", th, size=WORK_NUMBER_SIZE, color=th.muted)
        total_name.next_to(out.rects, LEFT, buff=0.3)
        # the widest scaled row's name ("0.433 × mouse =", made later, left of V) is fitted with the rest
        widest = max((label(f"{format_number(w, places)} × {t} =", th, size=WORK_NUMBER_SIZE)
                      for w, t in zip(parts.weights, tokens)), key=lambda m: m.width)
        widest.next_to(v.rects, LEFT, buff=0.3)
        layout = VGroup(weights, v, out, out_name, total_name, widest)
        before = layout.width
        fit_region(layout, -config.frame_width / 2 + 0.5, config.frame_width / 2 - 0.5, grow=1.0)
        # (scale: what the fitting did to the words made at WORK_NUMBER_SIZE, for those made later)
        return SimpleNamespace(v=v, weights=weights, out=out, out_name=out_name, total_name=total_name,
                               scale=layout.width / before)

    def weights_total(self, work, weights, places: int) -> VGroup:
        """"Σ = 1" under the worked column of weights, at its size, and "before rounding" under it
        when the weights as written there do not add up to 1 (0.261 + ... + 0.111 = 0.999)."""
        th = self.theme
        size = WORK_NUMBER_SIZE * work.scale
        total = VGroup(label(ROW_SUM, th, size=size, color=th.focus))
        if not written_rows_read_one(np.asarray(weights)[None, :], places):
            # one line, at the weights' size: "Σ = 1 (before rounding)" (on two small grey lines under
            # it, the note read as cramped)
            note = label(f"({' '.join(ROW_SUM_NOTE)})", th, size=size, color=th.muted)
            total.add(note.next_to(total[0], RIGHT, buff=0.2).align_to(total[0], DOWN))
        # (a clear gap under the last weight: at 0.15 "Σ = 1" touched "0.111 ×"), "Σ = 1" right-aligned with
        # the weights' digits, not their "×" signs: the sum is of the numbers
        digits = max(w[len(format_number(v, places)) - 1].get_right()[0] for w, v in zip(work.weights, weights))
        total.next_to(work.weights, DOWN, buff=0.3)
        total.shift(RIGHT * (digits - total[0].get_right()[0]))
        # (the note, wider than the weights, kept off the frame's left edge: it hugged it)
        margin = -config.frame_width / 2 + 0.4
        if total.get_left()[0] < margin:
            total.shift(RIGHT * (margin - total.get_left()[0]))
        return total

    def worked_number(self, text: str, like, cell):
        """A worked number as high as the table's number `like`, in `cell`'s place (narrower than it)."""
        number = label(text, self.theme, size=WORK_NUMBER_SIZE).match_height(like)
        if number.width > 0.92 * cell.width:
            number.scale_to_fit_width(0.92 * cell.width)
        return number.move_to(cell)

    def scaled_row(self, work, j: int, weight: str, token: str, products, places: int) -> VGroup:
        """Row j of V scaled by its weight, between V and the output's row: "0.261 × cat =" on the
        left, each product under the value it scales (`places` decimals)."""
        th = self.theme
        v, out = work.v, work.out
        y = (v.rects.get_bottom()[1] + out.rects.get_top()[1]) / 2
        numbers = VGroup(*(self.worked_number(format_number(p, places), v.number(0, 0), v.cell(j, k)).set_y(y)
                           for k, p in enumerate(products)))
        name = label(f"{weight} × {token} =", th, size=WORK_NUMBER_SIZE, color=th.text).scale(work.scale)
        name.next_to(v.rects, LEFT, buff=0.3).set_y(y)
        return VGroup(name, numbers)

    def weights_as_worked(self, i: int, weights, places: int) -> list:
        """Row `i` of the attention table's weights written with `places` decimals, each where the
        table's own number stands (as high as it, narrower than its cell); [] when the table
        already writes them so."""
        return self.attn.row_as_worked(i, weights, places, fit=WORKED_FIT)

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
        # the terms, each in its word's colour, stand in a fixed column on the left at a reading size; the plane takes all the frame they leave (the right half alone drew the short
        # arrows near the origin too small to make out)
        colors = distinct_word_colors(word_colors(ex, th, plane, words, coords), words, th)
        places = weighted_sum(self.chain_math.weights, self.chain_math.vectors).weight_decimals
        terms = VGroup(*(label(f"{'+ ' if j else ''}{format_number(w, places)} × {t}", th, size=TERM_SIZE,
                               color=colors.get(t, th.text))
                         for j, (w, t) in enumerate(zip(self.chain_math.weights, tokens))))
        total = label(f"= {ex.focus}'s output", th, size=TERM_SIZE, color=th.output)
        # the output's coordinates, said as its arrow lands, written under its name in the sum: the
        # sum's result where the sum is read (by the tip, a separate label, it was one more thing on
        # the plane); its line kept from the start, written when they are said
        out_x, out_y = self.chain_math.total
        self.output_coordinates = label(f"({format_number(out_x)}, {format_number(out_y)})", th, size=TERM_SIZE,
                                        color=th.output)
        equals = label("=", th, size=TERM_SIZE, color=th.output)
        coords_line = VGroup(equals, self.output_coordinates).arrange(RIGHT, buff=0.2)
        column = VGroup(*terms, total, coords_line).arrange(DOWN, buff=0.2, aligned_edge=LEFT)
        column.scale(min(1.0, COLUMN_WIDTH / column.width))
        column.move_to([0.0, (3.0 + SUBTITLE_TOP) / 2, 0.0]).to_edge(LEFT, buff=0.45)
        # (the "=" under the sum's "=": both lines are the result)
        coords_line.shift(RIGHT * (total[0].get_x() - equals.get_x()))
        self.coordinates_line = coords_line
        self.plane_left = column.get_right()[0] + 0.35
        self.terms_column = column
        # the plane as high as the frame leaves under the heading, its axes' names tucked beside the
        # axes' ends, and centred right of the terms (r24: with its names past the axes' ends it took
        # two thirds of the frame's height, off-centre)
        axis_colors = [self.dim_colors().get(a, th.text) for a in plane.axes]
        self.plane = (self.tucked_plane(plane, coords, axis_colors, FIRST_TOP_GAP) or
                      plane_in_region(plane, coords, th, left=self.plane_left, right=config.frame_width / 2 - 0.3,
                                      axis_colors=axis_colors))
        # the chain and the output arrow come later: the words' labels keep clear of them now (the
        # output arrow all but its last stretch, where its own label goes)
        placer, origin = self.plane.placer(), self.plane.origin
        for start, end in zip(self.chain_math.starts, self.chain_math.ends):
            placer.avoid_strip(self.plane.c2p(start), self.plane.c2p(end))
        placer.avoid_strip(origin, origin + 0.85 * (self.plane.c2p(self.chain_math.total) - origin))
        # a word by the x axis keeps a clear gap to the tick numbers ("friends" touched "0.5")
        for tick in self.plane.tick_labels:
            placer.avoid_box(tick, pad=0.15)
        # and off the axes' lines ("are" sat on the y axis's tick at the origin)
        for axis in (self.plane.axes.x_axis, self.plane.axes.y_axis):
            placer.avoid_strip(axis.get_start(), axis.get_end(), half_width=0.06)
        # each weighted piece, and its term, wears its word's colour: which piece came from which word
        # (the terms: as many decimals as the weights need for the pieces to add up to the tip's
        # coordinates as written)
        # the short arrows' and the dots' names fan out from the origin, each on a leader (bunched in the
        # corner at the origin, "and", "are" and "friends" read as one knot): a clear square round it
        o, r = self.plane.origin, ORIGIN_CLEAR
        origin_box = (o[0] - r, o[1] - r, o[0] + r, o[1] + r)
        placer.boxes.append(origin_box)
        self.plane.words(words, coords, colors)
        # a word's arrow along a longer one's line (friends on cat's, both along animal) is drawn on that
        # line, UNDER it and wider: the longer arrow's shaft runs on top from the origin through the
        # shorter one's band and head, so each reads as starting at the origin (drawn over it with a
        # background outline, r25, the outline cut the longer one: cat read as starting at friends' tip,
        # mouse at are's; drawn beside it, it read as a little below the axis; thinner over it, r24, it
        # was lost under cat's). A word that would be a dot on such a line (are, on mouse's) is drawn as
        # the short arrow it is, where that is long enough on screen for its head (a dot under mouse's
        # arrow read as no arrow at all). A dot (a word with nothing in this plane) is drawn over them all
        # (the arrows' starts half covered the and-dot)
        def on_longer(xy) -> bool:
            n = float(np.linalg.norm(xy))
            return n > 1e-9 and any(float(np.linalg.norm(uv)) > n + 1e-9 and float(np.dot(uv, xy)) > 0 and
                                    abs(float(uv[0] * xy[1] - uv[1] * xy[0])) / (n * float(np.linalg.norm(uv))) < ON_LINE_SINE
                                    for uv in coords)
        def longer_on_line(xy) -> list:
            n = float(np.linalg.norm(xy))
            return [w for w, uv in zip(words, coords) if float(np.linalg.norm(uv)) > n + 1e-9 and float(np.dot(uv, xy)) > 0 and
                    abs(float(uv[0] * xy[1] - uv[1] * xy[0])) / (n * float(np.linalg.norm(uv))) < ON_LINE_SINE]
        self.halos = {}  # (none now: kept for the steps that fade them)
        for w, xy in zip(words, coords):
            vec = self.plane.vectors[w]
            tip = self.plane.c2p(xy)
            if zero_in_plane(xy) or not on_longer(xy) or (vec.is_dot and np.linalg.norm(tip - origin) < ON_LINE_LEAST):
                continue
            body = vector_body(origin, tip, vec.body.get_color())
            if isinstance(body, Dot):
                continue
            # (its own Arrow: vector_body's width cap by length would thin a short one back to the longer's width)
            body = Arrow(origin, tip, buff=0, color=vec.body.get_color(), stroke_width=ARROW_WIDTH + ON_LINE_HALO,
                         tip_length=0.2, max_tip_length_to_length_ratio=0.35, max_stroke_width_to_length_ratio=1000)
            body.aside = np.zeros(3)
            vec.remove(vec.body)
            vec.submobjects.insert(0, body)
            vec.body, vec.is_dot = body, False
            for longer in longer_on_line(xy):
                if not self.plane.vectors[longer].is_dot:
                    self.plane.vectors[longer].body.set_z_index(ON_LINE_Z)
        for w in words:
            if self.plane.vectors[w].is_dot:
                self.plane.vectors[w].body.set_z_index(ON_LINE_Z + 1)
        # a short arrow's name goes to its side turned away from the longer arrows ("friends", along the
        # animal axis under mouse's, below the axis; "are", on mouse's line, into the empty wedge above
        # it), on a leader: the names fan out instead of knotting where every arrow starts
        longest = max(float(np.linalg.norm(self.plane.c2p(xy) - origin)) for xy in coords)
        def away_side(xy):
            u = np.array([xy[0], xy[1], 0.0]) / np.linalg.norm(xy)
            others = sum((np.array([*uv, 0.0]) / np.linalg.norm(uv) for uv in coords
                          if np.linalg.norm(uv) > np.linalg.norm(xy) + 1e-9), np.zeros(3))
            return min((np.array([-u[1], u[0], 0.0]), np.array([u[1], -u[0], 0.0])), key=lambda n: float(n @ others))
        for w, xy in zip(words, coords):
            vec = self.plane.vectors[w]
            tip = self.plane.c2p(xy)
            if zero_in_plane(xy) or vec.label is None or np.linalg.norm(tip - origin) >= SHORT_ARROW * longest:
                continue
            mine = box_of(vec.label, 0.04)
            at = next((k for k, b in enumerate(placer.boxes) if np.allclose(b, mine, atol=1e-6)), None)
            if at is None:
                continue
            del placer.boxes[at]
            # from its tip, then further out on that side, until it is clear of everything (near the origin
            # the wedges between the arrows are narrower than a word)
            side, tried = away_side(xy), []
            arrows = [(origin, self.plane.c2p(uv)) for uv in coords if not zero_in_plane(uv) and not np.allclose(uv, xy)]
            # (the side away first; the other side where every place on that one crosses an arrow: a
            # dot just under mouse's line would cross it with its leader)
            for out, side in [(out, sd) for sd in (side, -side) for out in (0.0, 0.3, 0.6, 0.9, 1.2)]:
                placer.place(vec.label, tip + out * side, side)
                # (the word arrows' lines read exactly: the placer's sampled reading let "are" sit on mouse's)
                cut = sum(segment_crosses(box_of(vec.label, 0.04), a, b) for a, b in arrows)
                # and its leader (tip to the name's nearest point) crossing none of them either
                cut += sum(lines_cross(tip, nearest_point(vec.label, tip), a, b) for a, b in arrows)
                tried.append((placer.last_conflicts + 10 * cut, len(tried), out, side))
                placer.take_back()
                if tried[-1][0] == 0:
                    break
            _, _, out, side = min(tried, key=lambda t: t[:2])
            placer.place(vec.label, tip + out * side, side)
            if vec.leader is not None:
                vec.remove(vec.leader)
                vec.leader = None
            if np.linalg.norm(tip - nearest_point(vec.label, tip)) >= 0.12:
                vec.leader = self.plane.leader_line(tip, vec.label, vec.label.get_color())
                vec.add(vec.leader)
        placer.boxes.remove(origin_box)
        veil = Veil(self)
        # V itself (a copy: the table stays under the veil) slides to the column's place left of the
        # plane as the other tables go, its two dims of the plane bright, the others dimmed; the plane's
        # axes come up beside it (V faded out and arrows faded in, r25: the table was not tied to them)
        table = self.v.copy()
        self.add(table)
        target = self.v.copy()
        left_edge = -config.frame_width / 2 + 0.45
        a, b = plane.axes
        # only the plane's two dims travel (the others fade as V moves): all four, the table was a
        # thumbnail in the column's width; the second dim's column closes up to the first's
        hidden = [c for c in range(len(ex.dims)) if c not in (a, b)]
        # (out of both tables before they move: they fade where they stand, and the moving table's box
        # never reaches into the plane's)
        faded = VGroup(*(m for c in hidden for m in (*(table.cell(r, c) for r in range(len(tokens))), table.col_labels[c])))
        VGroup(target.column(b), target.col_labels[b]).shift(
            RIGHT * (target.column(a).get_x() + target.cell(0, a)[0].width - target.column(b).get_x()))
        shown = VGroup(target.row_labels, target.column(a), target.column(b), target.col_labels[a], target.col_labels[b])
        # (as large as the column's width and the height under the heading allow: sized by the terms'
        # column's height, it was a thumbnail)
        top, bottom = self.heading.get_bottom()[1] - 0.3, SUBTITLE_TOP + BAND_GAP
        target.scale(min(1.8, (self.plane_left - 0.3 - left_edge) / shown.width, (top - bottom) / shown.height))
        target.shift([left_edge - shown.get_left()[0], min(column.get_y(), top - shown.height / 2) - shown.get_y(), 0.0])
        for grid in (table, target):
            names_gone = [grid.col_labels[c] for c in hidden]
            for c in hidden:
                for r in range(len(tokens)):
                    grid.rects.remove(grid.cell(r, c)[0])
                    grid.numbers.remove(grid.number(r, c))
            grid.col_labels.remove(*names_gone)
        self.add(faded)
        # (first the other dims fade where they stand and the veil covers V, the copy lying exactly on
        # it; only then do the plane's two columns slide: moved as the veil lowered, r26, they left V's
        # still-visible headers, words and numbers printed twice beside them)
        # (and the plane comes once the table has passed: faded in under the sliding table, its tick
        # numbers showed through it)
        self.play(during(veil.lower(), 0.0, 0.33), during(Transform(table, target), 0.35, 0.8),
                  during(FadeOut(faded), 0.0, 0.3), during(FadeIn(self.plane), 0.8, 1.0), run_time=1.4)
        veil.hidden()
        # each word's arrow drawn from its own row: its two numbers in the plane's dims travel to
        # where its tip will be as the arrow grows from the origin to them, one word after another
        # (all grown at once, r25, the arrows read as a tip-to-tail chain before that was taught)
        n, step, span = len(words), 0.75, 1.2
        length = step * (n - 1) + span
        born = []
        for k, w in enumerate(words):
            r = tokens.index(w)
            vec = self.plane.vectors[w]
            t0 = k * step / length
            t1 = (k * step + span) / length
            mid = (t0 + t1) / 2
            # the row's two numbers boxed in the arrow's colour as it grows to them: they stay where
            # they are read (r26: taken out, the table stood with blank cells; r27: a copy flown out
            # beside the row, in the narrow gap before the plane, was a 10 px pair shrinking to 6 px,
            # and at a readable size it printed over the y axis's numbers)
            pair_box = SurroundingRectangle(VGroup(table.cell(r, a)[0], table.cell(r, b)[0]), color=vec.body.get_color(),
                                            buff=0.04, stroke_width=4)
            born.append(during(blink(pair_box, (0.0, 0.15), (0.85, 1.0)), t0, t1))
            born.append(during(table.row_labels[r].animate(rate_func=there_and_back).set_color(
                vec.body.get_color()).scale(1.15), t0, t1))
            body = FadeIn(vec.body, scale=0.5) if vec.is_dot else GrowArrow(vec.body)
            born.append(during(body, t0 + 0.25 * (t1 - t0), mid + 0.1 * (t1 - t0)))
            born += [during(FadeIn(m), mid, t1) for m in (vec.label, vec.leader) if m is not None]
        self.narrate(f"The same sum, drawn: each value as an arrow in the {plane.names[0]}–{plane.names[1]} plane.",
                     *born, run_time=length)
        # the sum's terms stand in their column from here, faint, each at full strength once its arrow is
        # laid: V's row words move into them (the weights come with the terms: the next sentence's)
        terms.set_opacity(TERM_WAITING_OPACITY)
        self.terms_from_table = (table, terms)
        # a word with nothing in this plane is a dot at the origin: said once, pointed at
        zero = [w for w, xy in zip(words, coords) if zero_in_plane(xy)]
        zero_marks = VGroup()  # what says so on the plane: it goes with the words' arrows
        if zero:
            one = len(zero) == 1
            # a single such word's coordinates written after its name, which moves left of its dot to
            # make room ("and = (0, 0)"; they go with the words' arrows)
            marks = []
            where = self.plane.vectors[zero[0]]
            if one and where.label is not None:
                at = label("= (0, 0)", th, size=WORD_SIZE, color=where.body.get_color())
                name = where.label.copy()
                # below and left of the dot, clear of it (it swells as it is pointed at, and covered the
                # "0)") and of the x axis's line, which runs on left of the origin
                written = VGroup(name, at).arrange(RIGHT, buff=0.12).next_to(where.body, DOWN + LEFT, buff=ORIGIN_CLEAR)
                # wholly left of the y axis, which runs on below the origin (it crossed the closing ")"),
                # and well off the origin on its leader (at 0.2 it crowded "are" and the origin, r28)
                written.shift(LEFT * max(0.0, written.get_right()[0] - (self.plane.origin[0] - 0.8)))
                # and clear of the subtitles' band (the plane reaches down to it): lifted, or where the
                # x axis's line then runs through it, left of the dot above the axis
                floor = SUBTITLE_TOP + BAND_GAP
                if written.get_bottom()[1] < floor:
                    written.shift(UP * (floor - written.get_bottom()[1]))
                    if written.get_top()[1] > self.plane.origin[1] - 0.08:
                        written.shift(UP * (self.plane.origin[1] + 0.12 - written.get_bottom()[1]))
                self.plane.figures.append(at)
                zero_marks.add(at)
                # (written once the name has moved out of its way)
                # (faded in whole: written, it showed as "and = ((0" with loose strokes mid-way)
                marks = [during(Transform(where.label, name), 0.0, 0.4), during(FadeIn(at), 0.45, 0.75)]
                if where.leader is not None:  # (gone before the new one is drawn: the two read as one line through the dot)
                    marks.append(during(FadeOut(where.leader), 0.0, 0.3))
                    where.leader = None
                # a thin line from the dot to its name, standing off at the lower left
                tie = self.plane.leader_line(where.body.get_center(), written, where.body.get_color())
                self.plane.figures.append(tie)
                zero_marks.add(tie)
                marks.append(during(Create(tie), 0.4, 0.7))
            self.narrate(f"The value{'' if one else 's'} of {', '.join(zero[:-1])}{'' if one else ' and '}{zero[-1]} "
                         f"{'is' if one else 'are'} (0, 0) here: {'it adds' if one else 'they add'} nothing in this plane.",
                         # (the dot pointed at; its name is moving)
                         *([Indicate(where.body, color=where.body.get_color(), scale_factor=1.4)] if marks else
                           [self.plane.highlight(w) for w in zero]), *marks, run_time=2.5)
        self.chain = self.plane.chain(self.chain_math, th.value)
        for piece, token in zip(self.chain.pieces, tokens):
            piece.set_color(colors.get(token, th.text))
        self.caption_over("Shrink each arrow by its weight, and lay them tip to tail.")
        # the words' full arrows go before the shrunk ones come (dimmed, they lay on the axis under
        # each other and under the chain), and their names with them (left where the full arrows
        # ended, they would name nothing: the terms beside say which piece is which word, in its
        # colour). Each full arrow stays, faint, and turns into its shrunk copy: the shrinking is
        # seen for every word (faded out and drawn again from nothing, it was seen for two)
        # (in the plain drawing order: the faint copies lie under the chain's pieces as they are laid)
        ghosts = [self.plane.vectors[token].body.copy().set_opacity(GHOST_OPACITY).set_z_index(0) for token in tokens]
        # V gives way to the sum's terms: each row's word moves into its term ("0.261 × cat"), the
        # weights and signs come up round it, V's numbers go (their arrows are drawn)
        table, _ = self.terms_from_table
        moved, glyphs = [], []
        for r, token in enumerate(tokens):
            count = len(token.replace(" ", ""))
            word = terms[r][len(terms[r]) - count:]
            # (the word as it is, moved and resized onto its place in the term: morphed letter by letter
            # into the term's glyphs, r26, it read "mo use", "f riend s" on the way)
            name = table.row_labels[r]
            ink = word.family_members_with_points()[0]  # (its colour and strength: the slice itself has none)
            moved.append(Transform(name, name.copy().set_fill(ink.get_fill_color(), opacity=ink.get_fill_opacity())
                                   .scale(word.width / name.width).move_to(word)))
            glyphs.append(terms[r][:len(terms[r]) - count])
        rest = [table.rects, table.numbers, table.col_labels]
        self.play(*(part.animate.set_opacity(0.0) for v in self.plane.vectors.values()
                    for part in (v.leader, v.label) if part is not None),
                  *(v.body.animate.set_opacity(GHOST_OPACITY) for v in self.plane.vectors.values()),
                  # (the outlines go: the faint arrows lie on one another, as the chain's pieces will)
                  *(FadeOut(halo) for halo in self.halos.values()),
                  *([FadeOut(zero_marks)] if len(zero_marks) else []),
                  # (the table's cells gone before its words move, and the words landed before the weights
                  # come up round them: moved over the fading cells, r26, and past the weights fading in,
                  # they printed over both)
                  *(during(FadeOut(m), 0.0, 0.3) for m in rest), *(during(m, 0.3, 0.75) for m in moved),
                  *(during(FadeIn(g), 0.76, 1.0) for g in glyphs), run_time=1.5)
        self.remove(*glyphs)
        self.remove(*table.get_family())
        self.add(terms)
        # the faint copies stand in for the faint arrows, one per word (a word said twice: its second
        # copy comes in when its turn comes, over the first)
        first = {tokens.index(w) for w in words}
        self.remove(*(v.body for v in self.plane.vectors.values()), *self.halos.values())
        for halo in self.halos.values():
            self.plane.figures.remove(halo)
        self.add(*(ghosts[j] for j in sorted(first)))
        self.plane.figures.extend(ghosts)  # drawn on the plane, for the time they stand
        # the shrunk arrows are short (weights well under 1): the plane then takes its region for the
        # chain alone, and the chain grows with it (the same arrows, nearer; the tick numbers change).
        # Pieces still short there are laid after it, each named by its word (no camera move: the
        # axes are already fitted to the chain)
        near = self.near_plane()
        # (a dot, a word with nothing in this plane, is laid with the others: it is seen as a dot)
        small = [j for j, piece in enumerate(near.chain(self.chain_math, th.value).pieces) if not isinstance(piece, Dot)
                 and np.linalg.norm(piece.get_end() - piece.get_start()) < SMALL_PIECE]
        near.figures.clear()
        origin = self.plane.origin
        for j, ghost in enumerate(ghosts):
            if j in small:
                continue
            piece = self.chain.pieces[j]
            if isinstance(ghost, Dot) or isinstance(piece, Dot):
                # a word with nothing in this plane: its dot ringed where it joins the chain, and said so
                # for a moment (a dot on the last tip, by a tick number, was easily missed)
                xy = coords[words.index(tokens[j])]
                ring = Circle(radius=0.11, color=piece.get_color(), stroke_width=2.5).move_to(piece.get_center())
                callout = (label(f"{tokens[j]} adds (0, 0)", th, size=SMALL_PIECE_NAME, color=piece.get_color())
                           if zero_in_plane(xy) else VGroup())
                if len(callout):
                    # clear of every arrow there, faint or laid, the axes' numbers and the ring (centred over
                    # the ring, it sat on are's dot and mouse's faint arrow), on a leader when away from it
                    spot = LabelPlacer(box_of(self.plane.box))
                    for tick in self.plane.tick_labels:
                        spot.avoid_box(tick, pad=0.08)
                    for name in self.plane.axis_names:
                        spot.avoid_box(name, pad=0.1)
                    for axis in (self.plane.axes.x_axis, self.plane.axes.y_axis):
                        spot.avoid_segment(axis.get_start(), axis.get_end())
                    spot.avoid_box(ring, pad=0.06)
                    for other in [*ghosts, *self.chain.pieces[:j]]:
                        if isinstance(other, Dot):
                            spot.avoid_box(other, pad=0.08)
                        else:
                            spot.avoid_strip(other.get_start(), other.get_end(), half_width=0.1)
                    if spot.place(callout, ring.get_center(), UP + RIGHT) >= LEADER_FROM:
                        callout = VGroup(callout, self.plane.leader_line(ring.get_center(), callout, callout.get_color()))
                marks = [m for m in (ring, callout) if len(m.points) or len(m.submobjects)]
                self.plane.figures.extend(marks)  # drawn on the plane, for the time they stand
                # a tick number under the ring steps aside while it stands (the ring covered the top of "0.5")
                under = [t for t in self.plane.tick_labels if t.get_fill_opacity() > 0 and boxes_overlap(box_of(t), box_of(ring, 0.03))]
                self.play(terms[j].animate.set_opacity(1.0), ReplacementTransform(ghost, piece), during(Create(ring), 0.4, 1.0),
                          during(FadeIn(callout), 0.5, 1.0), *(during(t.animate.set_opacity(0.0), 0.0, 0.25) for t in under),
                          run_time=0.8)
                self.wait(0.6)
                self.play(FadeOut(ring), FadeOut(callout), *(t.animate.set_opacity(1.0) for t in under), run_time=0.4)
                for mark in marks + [ghost]:
                    self.plane.figures.remove(mark)
                continue
            # shrunk where it stands, by its weight (from the origin, its head kept), then carried to
            # the tip before it: the shrinking, then the laying, each seen
            end = origin + self.chain_math.weights[j] * (ghost.get_end() - origin)
            shrunk = vector_body(origin, end, piece.get_color()).set_opacity(0.35)
            self.play(terms[j].animate.set_opacity(1.0), Succession(Transform(ghost, shrunk, run_time=0.5),
                                                   ReplacementTransform(ghost, piece, run_time=0.5)), run_time=1.0)
            self.plane.figures.remove(ghost)
        # the pieces laid later (in the lens) are shrunk here too, together, where they stand: every
        # arrow is seen to shrink; they give way as the plane draws nearer
        # (a word's dot, its arrow too short to draw, stays a dot: it leaves as it is)
        waiting = [ghosts[j] for j in small]
        if any(not isinstance(ghost, Dot) for ghost in waiting):
            self.play(*(Transform(ghosts[j], vector_body(origin, origin + self.chain_math.weights[j] * (ghosts[j].get_end() - origin),
                                                         ghosts[j].get_color()).set_opacity(0.35))
                        for j in small if not isinstance(ghosts[j], Dot)), run_time=0.6)
        # (said as the plane draws nearer: the pieces were laid and the axes changed in silence, r25)
        # ("closer in" only where the next plane's unit is longer, as the "zooming in" note it brings)
        closer_in = unit_length(near) > unit_length(self.plane)
        self.caption_over(f"{'Closer in: each' if closer_in else 'Each'} piece starts at the tip of the one before.")
        self.closer(near, colors, laid=[j for j in range(len(tokens)) if j not in small], leaving=waiting)
        self.lens = VGroup()
        if small:
            self.lay_small(small, terms, colors)
        out_x, out_y = self.chain_math.total  # (the output's coordinates: said and written)
        # (under the chain as it grows, then on top once the chain steps back: see below; its colour
        # and its name make it the result)
        self.output_arrow = self.plane.vector("output", self.chain_math.total, th.output, text=f"{ex.focus}'s output",
                                              width=OUTPUT_WIDTH)
        body = self.output_arrow.body
        if not isinstance(body, Dot):
            body.become(Arrow(self.plane.origin, self.plane.c2p(self.chain_math.total), buff=0, color=th.output,
                              stroke_width=OUTPUT_WIDTH, tip_length=OUTPUT_TIP, max_tip_length_to_length_ratio=0.35,
                              max_stroke_width_to_length_ratio=12))
        tip = self.plane.c2p(self.chain_math.total)
        # the coordinates drawn as what they are: dashed drops from the tip to each axis (their numbers
        # are written under the sum, in the terms' column)
        # (from the lens's frame's edge where there is one: run from the tip, they crossed the frame and
        # the short pieces in it)
        source = self.lens[0][0] if len(self.lens) and len(self.lens[0]) else None
        starts = (tip, tip) if source is None else (np.array([tip[0], source.get_bottom()[1], 0.0]),
                                                    np.array([source.get_left()[0], tip[1], 0.0]))
        feet = [self.plane.c2p(foot) for foot in ((out_x, 0.0), (0.0, out_y))]
        if source is not None:
            # each from its axis only as far as the lens's edge or its sides (run on, the y guide crossed
            # the lens's side into the funnel it draws)
            lens, links = self.lens[0][2], self.lens[0][1]
            edges = [(line.get_start(), line.get_end()) for line in links]
            corners = [lens.get_corner(c) for c in (UP + LEFT, UP + RIGHT, DOWN + RIGHT, DOWN + LEFT)]
            edges += list(zip(corners, corners[1:] + corners[:1]))
            # a drop the lens's side lines cut is left out (stopped at the line, it read as crossing it;
            # the coordinates written by the tip give its number)
            cut = [not np.allclose(first_crossing(foot, start, [(line.get_start(), line.get_end()) for line in links]), start)
                   for foot, start in zip(feet, starts)]
            starts = tuple(first_crossing(foot, start, edges) for foot, start in zip(feet, starts))
            # one whose stretch in the frame passes clear of every arrow runs on up to the tip itself
            # (stopped at the frame, it marked the frame's edge, not the tip's coordinate)
            strokes = [(p.get_start(), p.get_end()) for p in self.chain.pieces if not isinstance(p, Dot)]
            strokes.append((self.plane.origin, tip))
            def clear_to_tip(start):
                inner = [tip + t * (start - tip) for t in np.linspace(0.35, 1.0, 8)]
                return min(point_to_segment(m, a, b) for m in inner for a, b in strokes) >= GUIDE_CLEAR
            starts = tuple(tip if np.allclose(first_crossing(foot, tip, edges), tip) and clear_to_tip(start) else start
                           for foot, start in zip(feet, starts))
            if not all(cut):
                starts, feet = ([v for v, c in zip(vs, cut) if not c] for vs in (starts, feet))
        drops = VGroup(*(DashedLine(start, foot, dash_length=0.08, color=th.muted, stroke_width=2.5)
                         for start, foot in zip(starts, feet)))
        coordinates = self.coordinates_line  # written under the sum, after the arrow has grown
        # the output's arrow drawn last, under the chain as it grows (the short last pieces are seen
        # where it lands); the chain then steps back, faint, and the output's head comes on top
        self.output_arrow.body.set_z_index(1)
        for piece in self.chain.pieces:
            piece.set_z_index(2)
        self.narrate(f"The last tip is {ex.focus}'s output:", FadeIn(total), self.plane.grow_one(self.output_arrow),
                     *self.note_leaving(), run_time=1.2)
        # part of the output's arrow from the start: drawn on the plane, and they leave with it
        self.output_arrow.add(drops)
        # every piece steps back, the short ones under the lens too (the lens shows them whole), and the
        # lens's frame and its side lines go: the output's head is drawn on top, alone at the tip (r28:
        # under the pink head and the frame's corner, the payoff point was hard to find)
        settled = [during(piece.animate.set_opacity(CHAIN_SETTLED_OPACITY), 0.0, 0.3) for piece in self.chain.pieces]
        if source is not None:
            settled.append(during(VGroup(source, self.lens[0][1]).animate.set_stroke(opacity=0.0), 0.0, 0.3))
        self.output_arrow.body.set_z_index(3)
        self.narrate(f"({format_number(out_x)}, {format_number(out_y)}) in this plane,", *settled,
                     # (the numbers written as they are said, r29m: they came 3 s after; the drops drawn
                     # in the first second, not crawling through the whole sentence to the axis)
                     during(LaggedStart(*(Create(drop) for drop in drops), lag_ratio=0.5), 0.0, 0.35),
                     during(FadeIn(coordinates), 0.0, 0.2),
                     run_time=2.0, through=True)
        # each weighted arrow with its term, in turn: what the average is made of (a box on the term,
        # no term drawn larger than another: none is singled out)
        n = len(terms)
        self.narrate("a weighted average of the value arrows.",
                     hop_through([SurroundingRectangle(term, color=term.get_color(), buff=0.06, stroke_width=3)
                                  for term in terms]),
                     # (each at full strength while its term is boxed: the faint chain's piece stands out)
                     *(during(piece.animate(rate_func=there_and_back).set_stroke(width=piece.get_stroke_width() * 1.8 + 2,
                                                                                 opacity=1.0),
                              k / n, (k + 1) / n) for k, piece in enumerate(self.chain.pieces)),
                     run_time=2.5)
        pulled = self.zoom_back_out(plane, words, coords, colors, column)
        # one play, the tables coming back as the drawing goes (two plays left an empty frame
        # between them); one after the other, so neither shows through the other
        # (the veil's group first: manim adds each animation's group on top, so the drawing stays above it)
        # (overlapped: the tables come up as the drawing fades, r27: played one after the other, the
        # frame was blank for 0.3 s between them)
        drawing = FadeOut(VGroup(column, *pulled) if pulled else
                          VGroup(self.plane, column, self.chain, self.lens, *self.plane.vectors.values()))
        if not hidden:
            self.play(during(veil.lift(), 0.15, 0.65), during(drawing, 0.0, 0.6), run_time=0.85)
            return
        # the plane drew two of V's columns: the others (the table's, back now) are summed alike, with
        # the same weights, into the output row's other cells: each pointed at in V and in the output,
        # said as the tables come back (one play: the drawing goes as the veil lifts)
        # (one column after another, with its output cell; the focus row's weights boxed throughout)
        pointed = [VGroup(self.v.column_box(c, th.value, buff=0.06), self.out.cell_box(i, c, th.output))
                   for c in hidden]
        self.narrate("The other columns are summed the same way, with the same weights.",
                     during(veil.lift(), 0.04, 0.2), during(drawing, 0.0, 0.16),
                     blink(self.attn.row_box(i, th.focus), (0.22, 0.3), (0.92, 1.0)),
                     during(hop_through(pointed), 0.22, 1.0), run_time=4.0, through=True)

    def zoom_back_out(self, plane, words, coords, colors, column) -> list:
        """The plane drawn back out round the focus word's own (input) arrow and its output: the
        chain and the lens go, the axes and the output's arrow move to their places in the wider
        plane, the input's arrow grows beside the output's, and the turn from one to the other is
        drawn as an arc, said with the word it was pulled towards where attention_math.story says so
        (story.pulled_towards). Returns what it drew (it leaves with the plane). The near plane
        stays self.plane (tests read the chain on it)."""
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        xy = plane.coordinates(np.asarray(s.input))
        own, out = xy[i], np.asarray(self.chain_math.total, dtype=float)
        pull = pulled_towards(s.tokens, xy, s.simple.weights[i], ex.focus, out)
        if zero_in_plane(own):
            return []
        near = self.plane
        reach = np.vstack([np.zeros((1, 2)), own[None, :], out[None, :],
                           *([xy[pull.word][None, :]] if pull is not None else [])])
        axis_colors = [c.get_color() for c in near.axis_names]
        far = (self.tucked_plane(plane, reach, axis_colors, NEAR_TOP_GAP) or
               plane_in_region(plane, reach, th, left=self.plane_left, right=config.frame_width / 2 - 0.3,
                               axis_colors=axis_colors))
        placer = far.placer()
        placer.avoid_strip(far.origin, far.c2p(own))
        output = far.vector("output", out, th.output, text=f"{ex.focus}'s output", width=OUTPUT_WIDTH)
        mine = colors.get(ex.focus, th.focus)
        # (its coordinates under its name: the numbers the closing comparison reads again; on one line
        # the name was shrunk to the plane's widest label)
        word = far.vector(ex.focus, own, mine, text="")
        tip = far.c2p(own)
        named = VGroup(label(f"{ex.focus}'s input", th, size=WORD_SIZE, color=mine),
                       label(f"({format_number(own[0])}, {format_number(own[1])})", th, size=WORD_SIZE, color=mine)
                       ).arrange(DOWN, buff=0.08, aligned_edge=LEFT)
        if placer.place(named, tip, tip - far.origin, ignore=[len(placer.segments) - 1]) >= LEADER_FROM:
            word.leader = far.leader_line(tip, named, mine)
            word.add(word.leader)
        word.label = named
        word.add(named)
        neighbour = None
        if pull is not None:
            neighbour = far.vector(s.tokens[pull.word], xy[pull.word], colors.get(s.tokens[pull.word], th.text))
            neighbour.body.set_opacity(0.45)
        # the arc from the input's direction to the output's, at the origin, its head on the output's side
        o = far.origin
        at = [float(np.arctan2(*(far.c2p(v) - o)[1::-1])) for v in (own, out)]
        radius = 0.6 * min(np.linalg.norm(far.c2p(own) - o), np.linalg.norm(far.c2p(out) - o))
        arc = Arc(radius=radius, start_angle=at[0], angle=at[1] - at[0], arc_center=o, color=th.text, stroke_width=3)
        arc.add_tip(tip_length=0.14, tip_width=0.14)
        head = arc.pop_tips()  # (its head comes as the arc ends: drawn with it, it stood alone first)
        turned = None
        if pull is not None:
            turned = label(f"{pull.degrees:.0f}°", th, size=28, color=th.text)
            mid = (at[0] + at[1]) / 2
            # beside the arc's middle, out from the origin, clear of the arrows and their names (in a
            # narrow wedge it stands past the arc, on a leader)
            middle = o + radius * np.array([np.cos(mid), np.sin(mid), 0.0])
            # (in the wedge past the arc where it is free; else by the placer, clear of the arc too)
            turned.move_to(o + (radius + 0.12 + 0.5 * max(turned.width, turned.height)) * np.array([np.cos(mid), np.sin(mid), 0.0]))
            if placer.conflicts(box_of(turned, 0.03)) == 0:
                placer.avoid_box(turned)
            else:
                placer.avoid_box(arc, pad=0.02)
                if placer.place(turned, middle, middle - o) >= LEADER_FROM:
                    turned = VGroup(turned, far.leader_line(middle, turned, th.text))
        # the near plane's pieces leave; its axes, names and the output's arrow move (copies: the near
        # plane and its arrows are kept as they were, for the tests' reading)
        moving = [(near.axes, far.axes), (near.axis_names, far.axis_names)]
        old_out = self.output_arrow
        moving += [(old_out.body, output.body)] + ([(old_out.label, output.label)] if old_out.label is not None and output.label is not None else [])
        copies = [(a.copy(), b) for a, b in moving]
        leaving = [m for m in (self.chain, self.lens, *(v for k, v in near.vectors.items() if k != "output")) if m is not None]
        drops = VGroup(*(m for m in old_out if m not in (old_out.body, old_out.label)))  # (its drops, and its leader)
        self.remove(*(a for a, _ in moving), *(m for a, _ in moving for m in a.get_family()))
        self.add(*(c for c, _ in copies))
        before, kept = {}, {}
        for plane_, table in ((near, before), (far, kept)):
            n = len(plane_.x_range.ticks)
            for k, t in enumerate(plane_.tick_labels):
                table[(k >= n, t.text)] = t
        ticks = []
        for key, t in before.items():
            if key in kept and t.get_fill_opacity() > 0:
                copy = t.copy()
                self.remove(t)
                ticks.append(ReplacementTransform(copy, kept.pop(key)))
            else:
                ticks.append(during(FadeOut(t), 0.0, 0.4))
        ticks += [during(FadeIn(t), 0.5, 1.0) for t in kept.values()]
        moves = [during(FadeOut(VGroup(*leaving, drops)), 0.0, 0.1),
                 *(during(ReplacementTransform(c, b), 0.05, 0.28) for c, b in copies),
                 *(during(t, 0.0, 0.3) for t in ticks),
                 *([during(FadeIn(output.leader), 0.2, 0.3)] if output.leader is not None else []),
                 during(GrowArrow(word.body), 0.27, 0.4),
                 *(during(FadeIn(m), 0.35, 0.42) for m in (word.label, word.leader) if m is not None)]
        drawn = [far, output, word, arc, head, *(m for m in (output.leader,) if m is not None)]
        self.far_plane = far
        if pull is None:  # no pull the story can say: the two arrows, and the arc between them
            self.narrate("Same word, a new arrow.", *moves,
                         during(Create(arc), 0.6, 0.85), during(FadeIn(head), 0.83, 0.9), run_time=3.0, through=True)
            self.remove(near, *near.get_family())
            return drawn
        drawn += [neighbour, turned]
        # one sentence over the whole move: the plane draws back as the input is named, the
        # neighbour comes up as it is named, the arc and its angle as the turn is said
        self.narrate(f"Same word, pulled {pull.degrees:.0f}° towards {s.tokens[pull.word]}.",
                     *moves, during(FadeIn(neighbour), 0.45, 0.55), during(Create(arc), 0.52, 0.66),
                     during(FadeIn(head), 0.64, 0.67),
                     during(FadeIn(turned), 0.64, 0.72), run_time=3.4, through=True)
        self.remove(near, *near.get_family())
        return drawn

    def near_plane(self):
        """The plane drawn again in the same region for the chain alone (its arrows are the weights'
        fractions of the words' arrows, which set the first plane's size)."""
        th, old = self.theme, self.plane
        reach = np.vstack([np.zeros((1, 2)), self.chain_math.starts, self.chain_math.ends])
        # drawn as large as the region allows: the axes' names beside the axes' ends (under the x axis's
        # end, left of the y axis's top) rather than past them, where they took a sixth of its width
        tucked = self.near_plane_tucked(reach)
        if tucked is not None:
            return self.unwritten_joint_ticks(tucked)
        for _ in range(4):
            near = plane_in_region(old.plane, reach, th, left=self.plane_left, right=config.frame_width / 2 - 0.3,
                                   axis_colors=[c.get_color() for c in old.axis_names])
            # a last tick at the x axis's very end prints its number under the axis's name: the axis
            # then reaches a little further
            if not any(boxes_overlap(box_of(tick), box_of(near.axis_names[0])) for tick in near.tick_labels):
                break
            reach = np.vstack([reach, [[near.x_range.high * 1.1, 0.0]]])
        return self.unwritten_joint_ticks(near)

    def near_plane_tucked(self, reach):
        """The near plane in its region (the frame right of the terms, from under the heading down to
        the subtitles) with the x axis's name under the axis's end and the y axis's name left of the
        axis's top, so the axes take the region's whole width and height; None where a name would
        then touch a tick number or leave the region (the names are then put past the axes' ends)."""
        old = self.plane
        return self.tucked_plane(old.plane, reach, [c.get_color() for c in old.axis_names], NEAR_TOP_GAP)

    def tucked_plane(self, plane, reach, colors, top_gap: float):
        """A plane for `reach` in the region right of the terms (from `top_gap` under the heading down
        to the subtitles), its axes' names tucked beside the axes' ends (see near_plane_tucked), and
        centred across the region where its height leaves width over; None where that does not fit."""
        th = self.theme
        left, right = self.plane_left, config.frame_width / 2 - NEAR_SIDE
        top, bottom = self.heading.get_bottom()[1] - top_gap, SUBTITLE_TOP + 0.05
        for _ in range(4):
            names = VGroup(*(fit_label(n, th, width=2.2, size=WORD_SIZE, color=th.text) for n in plane.names))
            # (VectorPlane keeps room for its names past the axes' ends: that room is given on top of the region)
            near = VectorPlane(plane, reach, th, width=right - left + names[0].width + 0.12,
                               height=top - bottom + names[1].height + 0.1, axis_colors=colors)
            figure = VGroup(near.axes, near.tick_labels)
            near.move_to(near.get_center() + np.array([left - figure.get_left()[0], bottom - figure.get_bottom()[1], 0.0]))
            x_name, y_name = near.axis_names
            x_end, y_end = near.c2p((near.x_range.high, 0.0)), near.c2p((0.0, near.y_range.high))
            x_name.next_to(x_end, DOWN, buff=0.1).align_to(x_end, RIGHT)
            y_name.next_to(y_end, LEFT, buff=0.15)
            # (the y axis's name may stand left of the region, over the terms' column's empty top, clear of it)
            inside = all(box_of(m)[0] >= (-config.frame_width / 2 + 0.1 if m is y_name else left) - 1e-6
                         and box_of(m)[2] <= right + 1e-6 and box_of(m)[1] >= bottom - 1e-6
                         and box_of(m)[3] <= top + 1e-6 for m in (*near.axis_names, *near.tick_labels, near.axes))
            if not inside or boxes_overlap(box_of(y_name, NEAR_NAME_CLEAR), box_of(self.terms_column)):
                return None
            under = [tick for tick in near.tick_labels for name in near.axis_names
                     if boxes_overlap(box_of(tick, NEAR_NAME_CLEAR), box_of(name))]
            if not under:
                # (centred across the region: a plane as high as the region may leave width over,
                # and left-aligned it stood off-centre, the frame's right side empty)
                ink = VGroup(near.axes, near.tick_labels, near.axis_names)
                slack = right - box_of(ink)[2]
                if slack > 0:
                    near.shift(RIGHT * slack / 2)
                near.box.become(Rectangle(width=right - left, height=top - bottom, stroke_opacity=0, fill_opacity=0)
                                .move_to([(left + right) / 2, (top + bottom) / 2, 0.0]))
                return near
            # a tick number under the x axis's name: the axis reaches just far enough further for the
            # name to stand clear of it (a tenth further, it drew the chain a fifth smaller)
            overlap = max(box_of(tick, NEAR_NAME_CLEAR)[2] for tick in under) - x_name.get_left()[0]
            unit = near.c2p((1.0, 0.0))[0] - near.origin[0]
            reach = np.vstack([reach, [[float(reach[:, 0].max()) + overlap / unit + 0.01, 0.0]]])
        return None

    def unwritten_joint_ticks(self, near):
        """`near` with a tick number by a joint of the chain on the x axis left unwritten."""
        # a joint of the chain on the x axis (a dot, a word with nothing in this plane) by a tick
        # number: the number is not written (the dot marks the place; stepped down, clear of it, the
        # number touched it still and left the axis's numbers on two lines)
        joints = [near.c2p(p) for p in self.chain_math.ends if abs(p[1]) < 1e-9]
        # (r29m: the zoomed plane's x axis then had no number at all: nudged to the right, clear of the
        # dot, where a short step is enough for it still to read as its tick's; unwritten otherwise)
        def touching(tick):
            return any(boxes_overlap(box_of(tick, 0.1), (j[0] - 0.1, j[1] - 0.1, j[0] + 0.1, j[1] + 0.1)) for j in joints)
        for tick in near.tick_labels[:len(near.x_range.ticks)]:
            if touching(tick):
                step = max(j[0] + 0.1 - (tick.get_left()[0] - 0.1) for j in joints if touching(tick)) + 0.02
                if step <= 0.6 * tick.width and not touching(tick.copy().shift(RIGHT * step)):
                    tick.shift(RIGHT * step)
                else:
                    tick.set_opacity(0.0)
        return near

    def closer(self, near, colors: dict, laid: list, leaving=()) -> None:
        """The axes and the laid arrows (pieces `laid`) move onto their places in `near`, the tick
        numbers give way to its own, the mobjects `leaving` fade out. self.plane and self.chain are
        the new ones afterwards (the pieces not laid yet are not in the scene)."""
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
        # the zoom said on the plane as it happens (the axes' numbers changing unannounced mid-chain read
        # as the arrows changing): over the middle of the plane's empty top, level with the y axis's name
        # (said only where the new plane's unit is longer: a chain as long as its plane would not zoom)
        self.zoom_units = (unit_length(old), unit_length(near))  # (tests read the claim against the two planes)
        note = label("zooming in", th, size=ZOOM_NOTE_SIZE, color=th.text) if unit_length(near) > unit_length(old) else VGroup()
        self.zoom_note = note
        note.move_to([near.axes.get_x(), near.axis_names[1].get_y(), 0.0])
        self.play(*moves, *ticks, *(during(FadeOut(m), 0.0, 0.4) for m in leaving), during(FadeIn(note), 0.0, 0.25),
                  run_time=1.2)
        # "zooming in" stays while the pieces' sentence is said; it leaves with the next step's first play
        # (faded out on its own right after, r28f, it flashed)
        self.note_pending = len(note) > 0
        # (every part: the words' arrows and names were added one by one, and manim's remove takes
        # only what is in the scene's list itself)
        self.remove(*old.get_family(), *(m for v in old.vectors.values() for m in v.get_family()),
                    near.axes, near.axis_names, near.tick_labels, *near.tick_labels, *chain.pieces)
        self.add(near, *(chain.pieces[j] for j in laid))
        self.plane, self.chain = near, chain
        if len(note):  # drawn on the plane while it stands (see note_leaving)
            near.figures.append(note)

    def note_leaving(self) -> list:
        """The "zooming in" note fading out, once: in the first play after the zoom."""
        if not getattr(self, "note_pending", False):
            return []
        self.note_pending = False
        note, plane = self.zoom_note, self.plane
        self._after_play.append(lambda: plane.figures.remove(note) if any(f is note for f in plane.figures) else None)
        return [during(FadeOut(note), 0.0, 0.25)]

    def lay_small(self, small: list, terms, colors: dict) -> None:
        """The pieces still short at the plane's size, laid where they go and, at the same time, in a
        lens: a frame round where they lie, drawn larger in a box in an empty part of the plane,
        each there as an arrow named by its word (its term comes up in the column as it is laid).
        No camera move: the terms and the rest of the chain stay in view."""
        th, plane, tokens = self.theme, self.plane, list(self.first.tokens)
        pieces_ = [self.chain.pieces[j] for j in small]
        # where they lie, with a margin
        lo = np.min([p.get_corner(DOWN + LEFT) for p in pieces_], axis=0) - LENS_MARGIN
        hi = np.max([p.get_corner(UP + RIGHT) for p in pieces_], axis=0) + LENS_MARGIN
        # (framed on the short pieces alone: the heads ending there, mouse's and the output's, cross the
        # frame's edge as arrows cross a magnifier's. r27: framed round the whole of those heads too, the
        # lens magnified 3 times a box mostly empty, the shortest arrow in it still 20 px long)
        tip = plane.c2p(self.chain_math.total)
        source = Rectangle(width=hi[0] - lo[0], height=hi[1] - lo[1], color=th.muted, stroke_width=1.5
                           ).move_to((lo + hi) / 2)
        placer = plane.placer()
        # the output's drops come later: the lens keeps clear of them too
        x, y = self.chain_math.total
        # (with a margin each side: on the lines alone, its corner sat on the output's arrow and its
        # top edge ran along the dashed drop)
        for foot in ((x, 0.0), (0.0, y)):
            placer.avoid_strip(tip, plane.c2p(foot), half_width=LENS_LINE_CLEAR)
        placer.avoid_strip(plane.origin, tip, half_width=LENS_LINE_CLEAR)  # and of the output's arrow
        framed = len(placer.boxes)
        placer.avoid_box(source, pad=0.05)
        lens = self.lens_box(source, placer)
        if lens is None:  # no lens: the pieces are laid and named where they lie (no frame there either)
            del placer.boxes[framed]
            scale = 1.0
        else:
            scale = lens.width / source.width
        def inside(point):
            return lens.get_center() + scale * (point - source.get_center()) if lens is not None else point
        big = [vector_body(inside(p.get_start()), inside(p.get_end()), p.get_color(), width=4) if lens is not None
               else p for p in pieces_]
        names = VGroup()
        # each name beside its arrow, clear of the other arrows and names: placed in the lens (or on the plane)
        local = LabelPlacer(box_of(lens, -0.05)) if lens is not None else placer
        magnified = VGroup()
        if lens is not None:
            for piece in big:
                if not isinstance(piece, Dot):
                    # a clear gap all round each arrow, its ends too ("are" sat on its arrow's start)
                    start, end = piece.get_start(), piece.get_end()
                    along = (end - start) / max(float(np.linalg.norm(end - start)), 1e-9) * LENS_NAME_CLEAR
                    local.avoid_strip(start - along, end + along, half_width=LENS_NAME_CLEAR)
            # how much larger the lens draws: in its corner freest of the arrows
            magnified = label(f"×{scale:.0f}", th, size=SMALL_PIECE_NAME, color=th.muted)
            inner = box_of(lens, -0.1)
            corners = [np.array([cx, cy, 0.0]) for cy in (inner[3], inner[1]) for cx in (inner[2], inner[0])]
            def at_corner(c):
                return magnified.copy().move_to(c + np.array([-np.sign(c[0] - lens.get_x()) * magnified.width / 2,
                                                              -np.sign(c[1] - lens.get_y()) * magnified.height / 2, 0.0]))
            magnified.move_to(min((at_corner(c) for c in corners), key=lambda m: local.conflicts(box_of(m, 0.03))))
            local.avoid_box(magnified, pad=0.08)
        for k, (j, piece) in enumerate(zip(small, big)):
            name = label(tokens[j], th, size=SMALL_PIECE_NAME, color=colors.get(tokens[j], th.text))
            along = piece.get_end() - piece.get_start()
            side = np.array([-along[1], along[0], 0.0]) * (1 if k % 2 == 0 else -1)
            distance = local.place(name, piece.get_center(), side if np.linalg.norm(side) > 1e-9 else DOWN)
            if lens is None and distance >= LEADER_FROM:  # away from its short arrow: a thin line to it
                name = VGroup(name, plane.leader_line(piece.get_center(), name, name.get_color()))
            names.add(name)
        lens_parts = VGroup()
        if lens is not None:
            # the lens's sides, from the frame's two corners on the box's side to the box's facing
            # corners: which place it shows (lines that cross nothing between them)
            towards = RIGHT if lens.get_x() > source.get_x() else LEFT
            # each from the frame's corner, or further along its facing side where a line from the corner
            # would cross or run along a stroke of the figure (a longer piece, or the output's arrow,
            # running into the frame through that corner: the line ran along mouse's arrow and over its
            # head); a side no such line leaves clear is not drawn (one line still says where the lens looks)
            strokes = [(p.get_start(), p.get_end()) for j, p in enumerate(self.chain.pieces)
                       if j not in small and not isinstance(p, Dot)]
            strokes.append((plane.origin, tip))
            heads = [end for _, end in strokes]
            def clear(a, b):
                if any(lines_cross(a, b, p, q) for p, q in strokes):
                    return False
                # (the strokes end in the frame: the line's first stretch, out of it, comes near them)
                away = [a + t * (b - a) for t in np.linspace(0.3, 1.0, 8)]
                return (min(point_to_segment(h, a, b) for h in heads) >= LINK_CLEAR and
                        min(point_to_segment(m, p, q) for m in away for p, q in strokes) >= LINK_CLEAR)
            def link(v):
                corner, other = source.get_corner(towards + v), source.get_corner(towards - v)
                end = lens.get_corner(-towards + v)
                starts = [corner + f * (other - corner) for f in np.linspace(0.0, 0.5, 6)]
                start = next((a for a in starts if clear(a, end)), None)
                return None if start is None else Line(start, end, color=th.muted, stroke_width=1.2)
            links = VGroup(*(line for line in (link(v) for v in (UP, DOWN)) if line is not None))
            lens_parts = VGroup(source, links, lens, magnified)
            self.plane.figures.append(lens_parts)
        self.plane.figures.extend(big if lens is not None else [])
        self.plane.figures.extend(names)
        said = [tokens[j] for j in small]
        self.caption_over(f"The shortest arrows, {'drawn larger' if lens is not None else 'last'}: "
                          f"{', then '.join(said)}.")
        if lens is not None:
            # the heads of the longer pieces ending in the frame drawn over its line, whole and in their
            # colour (faint, under it, mouse's head read as a pale smudge on the frame's corner)
            for j, p in enumerate(self.chain.pieces):
                if j not in small and getattr(p, "tip", None) is not None and boxes_overlap(box_of(source), box_of(p.tip)):
                    p.tip.set_z_index(1)
        def laying(j, piece, name, window=(0.0, 1.0)):
            grown = [self.chain.grow(j)] + ([] if piece is self.chain.pieces[j] else
                                            [FadeIn(piece, scale=0.5) if isinstance(piece, Dot) else GrowArrow(piece)])
            return [during(a, *window) for a in (terms[j].animate.set_opacity(1.0), *grown, FadeIn(name))]
        first = 0
        if lens is not None:
            # the box comes with its first arrow growing in it (drawn first, it stood empty for a second)
            self.play(during(Create(source), 0.0, 0.35), *([during(Create(links), 0.2, 0.55)] if len(links) else []),
                      during(FadeIn(lens), 0.3, 0.55), during(FadeIn(magnified), 0.4, 0.65),
                      *laying(small[0], big[0], names[0], (0.35, 1.0)), *self.note_leaving(), run_time=1.4)
            first = 1
        for j, piece, name in list(zip(small, big, names))[first:]:
            self.play(*laying(j, piece, name), *self.note_leaving(), run_time=0.8)
        self.lens = VGroup(lens_parts, *(big if lens is not None else []), names)

    def lens_box(self, source, placer):
        """The lens's box: as large as LENS_WIDTH allows, magnifying `source` at most LENS_MOST times,
        at the free place of the plane nearest to `source` (clear of everything `placer` knows); None
        when there is none, or when it would magnify less than LENS_LEAST times."""
        # (a whole number of times: the lens says by how much, and "×4" is then exactly true; where no
        # place is free for a box that large, the next smaller one)
        most = float(np.floor(min(LENS_MOST, LENS_WIDTH / source.width, LENS_HEIGHT / source.height)))
        left, bottom, right, top = placer.bounds
        best = None
        for scale in np.arange(most, LENS_LEAST - 0.5, -1.0):  # none below LENS_LEAST: it would hardly enlarge them
            w, h = source.width * scale, source.height * scale
            # (a fine grid: the free wedges between the arrows and the drops are narrow)
            for cx in np.linspace(left + w / 2, right - w / 2, 48):
                for cy in np.linspace(bottom + h / 2, top - h / 2, 24):
                    box = (cx - w / 2 - 0.1, cy - h / 2 - 0.1, cx + w / 2 + 0.1, cy + h / 2 + 0.1)
                    if placer.conflicts(box) == 0:
                        far = np.hypot(cx - source.get_x(), cy - source.get_y())
                        if best is None or far < best[0]:
                            best = (far, cx, cy)
            if best is not None:
                break
        if best is None:
            return None
        lens = Rectangle(width=w, height=h, color=self.theme.muted, stroke_width=1.5, fill_color=self.theme.background,
                         fill_opacity=1.0).move_to([best[1], best[2], 0.0])
        placer.avoid_box(lens, pad=0.05)
        return lens

    def fill_rows(self):
        s, th = self.first, self.theme
        i0 = self.focus_row(s)
        rows = [k for k in range(len(s.tokens)) if k != i0]
        # worked from the weights as written, a row may come out a hundredth off the table's: the
        # table says so beside its name, as the rows are built
        note = []
        self.unrounded_note = None
        if product_of_written_differs(s.simple.weights, s.simple.v):
            # (not "before rounding": it read as if the printed outputs were unrounded)
            # (no larger than the name it follows: a larger example's shrunk tables left it reaching out of the frame)
            said = label("(from unrounded weights)", th, size=min(SMALLEST_TEXT, self.names[2].font_size), color=th.muted)
            # "Output (from unrounded weights)" over the table: the name steps left to its left edge to make room
            name = self.names[2]
            moved = name.copy().align_to(self.out.rects, LEFT)
            said.next_to(moved, RIGHT, buff=0.2).align_to(moved, DOWN)
            self.names.add(said)  # it leaves with the names
            self.unrounded_note = said
            note = [during(name.animate.align_to(self.out.rects, LEFT), 0.0, 0.15), during(FadeIn(said), 0.15, 0.3)]
        # each row as the worked one was made: its weights taken one after another, each with the value
        # row it scales (a box on weight j of the row and one on V's row j, hopping down V), then the
        # output's row written (r26: the rows filled with no sweep, as if from nothing)
        n, span = len(s.tokens), 1.0 / max(len(rows), 1)
        sweep = []
        for m, k in enumerate(rows):
            for j in range(n):
                a = (m + FILL_SWEEP[0] + (FILL_SWEEP[1] - FILL_SWEEP[0]) * j / n) * span
                b = (m + FILL_SWEEP[0] + (FILL_SWEEP[1] - FILL_SWEEP[0]) * (j + 1) / n) * span
                pair = VGroup(self.attn.cell_box(k, j, th.focus), self.v.row_box(j, th.value))
                sweep.append(blink(pair, (a, a + 0.25 * (b - a)), (a + 0.8 * (b - a), b)))
        # the row's boxes on Attention's row and the output's (hopping: never sliding across the rows
        # between), and the output's numbers, each fading in as its cell takes its colour
        cols, fills, numbers, boxes = self.out.shape[1], [], [], []
        for m, k in enumerate(rows):
            for grid in (self.attn, self.out):
                boxes.append(blink(grid.row_box(k, th.output), (m * span, (m + 0.1) * span), ((m + 0.92) * span, (m + 1) * span)))
            for c in range(cols):
                a = (m + FILL_SWEEP[1] + 0.28 * c / cols) * span
                b = min(a + 0.12 * span, (m + 0.92) * span)
                numbers.append(Vanish(self.out.number(k, c), back=(a, b)))
                fills.append(during(self.out.fill_in(k, c), a, b))
        # (in this order: the cells' colours, their numbers, the boxes)
        self.narrate("Every word gets its own blend, with its own row of weights.", *note, *fills, *numbers, *boxes, *sweep,
                     run_time=min(max(FILL_ROW_TIME * len(rows), FILL_LEAST), FILL_MOST))

    def compare_with_input(self):
        """Input beside Output, rows side by side. The output matrix itself moves into its place
        (its cells travel, V's dims with them as its header; nothing passes over Input, which
        appears where the factors were)."""
        s, ex, th = self.first, self.example, self.theme
        i = self.focus_row(s)
        tokens, dims = list(s.tokens), list(ex.dims)
        # larger cells than in the product: the two tables are all there is to see now (the numbers
        # larger than the words, which set the columns' widths)
        # (built with small words, which set the columns' widths, and the words grown after: a long
        # dim's name ("grammar") reaches over its neighbours' columns instead of widening them all,
        # so the two tables side by side fit the frame at a reading size)
        tall = dict(value_scale=self.vector_scale, col_labels=dims, col_label_colors=self.dim_colors(),
                    cell_w=COMPARE_CELL_W, cell_h=0.8, number_size=COMPARE_BUILD_SIZE)
        before = numbers_larger(self.grid(s.input, "input", row_labels=tokens, row_label_colors=self.token_colors(tokens),
                                          **tall), COMPARE_NUMBER_SIZE)
        after = numbers_larger(self.grid(s.simple.output, "simple.output", **tall), COMPARE_NUMBER_SIZE)
        for word in before.row_labels:  # (they stand left of the cells: grown leftwards)
            word.scale(COMPARE_LABEL_SIZE / word.font_size, about_edge=RIGHT)
        regrow_column_labels(before, gap=0.18)  # (at 0.12 "grammar mood" read as one)
        # (and no word wider than its column: "grammar" reached over its neighbours' cells, r27)
        widest = max(word.width / before.cell(0, c)[0].width for c, word in enumerate(before.col_labels))
        if widest > 0.96:
            for word in before.col_labels:
                word.scale(0.96 / widest, about_edge=DOWN)
        for mine, theirs in zip(after.col_labels, before.col_labels):
            mine.scale(theirs.font_size / mine.font_size, about_edge=DOWN)
        names = [label("Input", th, size=30), label("Output", th, size=30, color=th.output)]
        # the tables side by side, a narrow gap between them: the arrow from one to the other runs
        # between their names, over them (between the tables it took the width the tables need)
        pair = VGroup(before, after).arrange(RIGHT, buff=0.55, aligned_edge=DOWN)  # (0.9 took the width "grammar"'s columns need, r27)
        for name, g in zip(names, (before, after)):
            name.next_to(g, UP, buff=0.25).set_x(g.rects.get_x())
        arrow_label = label("self-attention", th, size=28, color=th.muted)
        arrow = Arrow(names[0].get_right(), names[1].get_left(), buff=0.3, color=th.muted, stroke_width=4,
                      max_tip_length_to_length_ratio=0.1)
        arrow_label.next_to(arrow, UP, buff=0.08)
        # the output's numbers are still the rounded ones worked from unrounded weights: said under
        # its table while the two are compared (it left with the product's names)
        footnote = (VGroup() if self.unrounded_note is None else
                    label("(from unrounded weights)", th, size=SMALLEST_TEXT + 1, color=th.muted))
        pair = VGroup(VGroup(names[0], before), VGroup(names[1], after))
        # the whole stage, from the shapes; centred on the two tables' cells (the input's row words, on
        # its left only, pushed them right), then shrunk if the words reach the frame's margin
        layout = fit_region(VGroup(pair, arrow, arrow_label), -config.frame_width / 2 + 0.4,
                            config.frame_width / 2 - 0.4, bottom=SUBTITLE_TOP + BAND_GAP, grow=2.0)
        # (centred as a whole: centred on the cells, the row words' width was left empty on the right
        # and the tables shrunk for it, the dims' names under 22 px once their columns held them, r27)
        reach = max(-layout.get_left()[0], layout.get_right()[0])
        if reach > config.frame_width / 2 - 0.3:
            layout.scale((config.frame_width / 2 - 0.3) / reach, about_point=np.array([0.0, layout.get_y(), 0.0]))
        if len(footnote):
            # under the output's table (not fitted with the tables: it took their size down), the stage
            # lifted as far as it must for the note to clear the subtitles' band
            footnote.next_to(after.rects, DOWN, buff=0.15).set_x(after.rects.get_x())
            layout.shift(UP * max(0.0, SUBTITLE_TOP + BAND_GAP - footnote.get_bottom()[1]))
            footnote.next_to(after.rects, DOWN, buff=0.15).set_x(after.rects.get_x())
        # V's dims stay: they travel with the output's columns to head them (the output has none of
        # its own in the product; without them it moved headless)
        heads = self.v.col_labels
        # they come down onto the output's columns first (V's columns are over them), where its name
        # was: then the table and its header travel as one (from V's place, the header flew on its own)
        onto = heads.copy().shift(UP * (self.out.rects.get_top()[1] + 0.1 - heads.get_bottom()[1]))
        # (a Vanish keeps its own window: the names gone before the header comes where Output's was)
        # (a copy of V's header comes down onto the output's columns: from there header and table move
        # as one; dropped down on its own, it read as a header drifting apart from its table)
        # V stays: it is the input (V = Input here), and it moves to be the Input's table (r25: it
        # vanished and the Input faded in where it could simply slide)
        self.play(Vanish(VGroup(self.attn, self.names), gone=(0.0, 0.45)),
                  during(FadeIn(onto), 0.45, 1.0), run_time=0.9)
        heads = onto
        d = len(dims)
        # (the output's cells settle at 0.85: the arrow is grown after, clear of both tables)
        moves = [during(Carry(self.out.cell(r, c), after.cell(r, c)), 0.3, 0.85) for r in range(len(tokens)) for c in range(d)]
        moves += [during(Carry(heads[c], after.col_labels[c]), 0.3, 0.85) for c in range(d)]
        # V's parts: across first, at their own height (over where Attention's name and the rule were),
        # then down into the Input's place (straight there, V's bottom rows crossed the output's)
        # (the table as one piece: across at its own size and height, then down as it grows, every
        # part turning where its place in the table lies, so the rows spread as the cells grow; each
        # cell growing on its own way, r28f, the rows overlapped and the digits spilled over them)
        across = RIGHT * (before.rects.get_x() - self.v.rects.get_x())
        def across_then_down(a, b):
            turn = a.get_center() + across
            return during(Carry(a, b, keys=[(0.5, turn)], resize=(0.5, 1.0)), 0.0, 0.6)
        moves += [across_then_down(self.v.cell(r, c), before.cell(r, c)) for r in range(len(tokens)) for c in range(d)]
        moves += [across_then_down(self.v.row_labels[r], before.row_labels[r]) for r in range(len(tokens))]
        moves += [across_then_down(self.v.col_labels[c], before.col_labels[c]) for c in range(d)]
        self.remove(*self.out.get_family(), *self.v.get_family(), *heads.get_family())  # its numbers too: they were added one by one
        self.narrate("Input on the left, output on the right: same table shape, new contents.",
                     *moves, during(FadeIn(names[0]), 0.6, 0.9),
                     during(FadeIn(VGroup(names[1], footnote)), 0.6, 1.0),
                     # from one table to the other once both are there (grown sooner, it ran out of nothing)
                     # (after V has come down from the names' height: drawn sooner, it ran through V's header)
                     # (grown, not Created: `during` spread Create's lag over the group, so the shaft was
                     # drawn at 0.4, through V coming down, and the head at 0.9, r27)
                     during(GrowArrow(arrow), 0.86, 1.0), during(FadeIn(arrow_label), 0.88, 1.0), run_time=2.6)
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
        # (what goes before the hand-over: the input's table, its name and the arrow; its row words
        # stay, moved beside the output's cells, and the next scene's picture takes them with the table)
        leaving = VGroup(before.rects, before.numbers, before.col_labels, names[0], arrow, arrow_label)
        if lean is None:
            self.words_to_output(before, after, VGroup(leaving, boxes[0]))
            return  # no lean to claim: the sentence above is the payoff
        stronger, weaker = lean
        values = s.simple.output[i]
        # each number boxed with the input's in the same column (what it was before): "now" is a comparison
        now = [after.cell_box(i, c, self.dim_colors().get(c, th.output)) for c in (stronger, weaker)]
        then = [before.cell_box(i, c, self.dim_colors().get(c, th.output)) for c in (stronger, weaker)]
        # the payoff, its two numbers boxed as they are said; then the input's two numbers it came from,
        # boxed as they are said (both may have fallen, one much more: "leans" is the output's shape)
        was = s.input[i]
        said = [Line(after.col_labels[c].get_corner(DOWN + LEFT), after.col_labels[c].get_corner(DOWN + RIGHT),
                     color=self.dim_colors().get(c, th.output), stroke_width=3).shift(DOWN * 0.05) for c in (stronger, weaker)]
        self.narrate(f"It now leans towards {dims[stronger]}: {format_number(values[stronger])}, against "
                     f"{format_number(values[weaker])} for {dims[weaker]},",
                     # (each number boxed as it is said, about two fifths and two thirds into the sentence,
                     # each dim's name underlined as it is said; drawn, not faded in: a box fading in over
                     # half a second read as a still picture)
                     during(FadeOut(VGroup(*boxes)), 0.0, 0.1), during(Create(said[0]), 0.2, 0.3),
                     during(Create(now[0]), 0.35, 0.45), during(Create(now[1]), 0.65, 0.75),
                     during(Create(said[1]), 0.85, 0.95), run_time=4.0, through=True)
        self.narrate(f"where its input had {format_number(was[stronger])} and {format_number(was[weaker])}.",
                     # (the dims' lines gone as the input's numbers are boxed: the closing picture is the four boxes)
                     during(FadeOut(VGroup(*said)), 0.0, 0.2),
                     during(FadeIn(then[0]), 0.2, 0.5), during(FadeIn(then[1]), 0.6, 0.9), run_time=2.5, wait=0.2)
        self.words_to_output(before, after, VGroup(leaving, *then))

    def words_to_output(self, before, after, leaving) -> None:
        """The input's table goes and its row words slide right, beside the output's cells: the
        hand-over then moves words and table as one (r28f: the words, left where the input's
        table had been, travelled apart from the output's table)."""
        shift = RIGHT * (after.rects.get_left()[0] - before.rects.get_left()[0])
        self.play(during(FadeOut(leaving), 0.0, 0.45), during(before.row_labels.animate.shift(shift), 0.2, 1.0),
                  run_time=0.6)

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
