"""Step 7 — learned projections: Q = X·W_Q, K = X·W_K, V = X·W_V, and the attention they give.

The learned attention row differs from the simplified one for two reasons, told apart in one line:
W_Q and W_K change what is compared (the learned scores at the same √d), and they make the vectors
narrower, so the divisor is √d_k instead of √d. attention_math.story decides what may be said of
each change for the example being rendered.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from manim import Text as ManimText
from manim import (
    DOWN, LEFT, ORIGIN, RIGHT, UP, AnimationGroup, Arrow, BackgroundRectangle, Brace, Circle, Circumscribe, DashedLine, Dot, FadeIn, FadeOut,
    Create, GrowArrow, Indicate, LaggedStart, Line, Rectangle, ReplacementTransform, Succession, SurroundingRectangle,
    Transform, UpdateFromAlphaFunc, VGroup, Wait,
    ManimColor, Write, config, interpolate_color, smooth, there_and_back,
)

from attention_math.breakdown import dot_product
from attention_math.core import scale_factor
from attention_math.formatting import factor_decimals, format_number, listed, parse_number, shortest
from attention_math.geometry import projection, query_key_plane
from attention_math.story import (
    divisor_effect, divisor_split, division_decimals, draws_only_on, key_row_behind_drops, key_swings, largest_changes,
    row_part_built, largest_gain_besides, ranked, rows_read, shows_negative, turned_key_working, turned_scores_sentence,
    strong_entries, strongest_neighbour, strongest_rows,
)
from scenes.base import ExplainerScene
from scenes.components import (CELL_H, CELL_W, SMALLEST_TEXT, ColourLegend, MatrixGrid, fit_label, fit_to_frame, label, pieces,
                               product_layout, vector_row)
from scenes.geometry import (
    WORD_SIZE, LabelPlacer, Veil, box_of, boxes_overlap, segment_crosses, fit_width, near_zero, nearest_point, plane_in_region, segments_meet,
    vector_body,
)
from scenes.motion import (
    Carry, ProductSweep, blink, build_rows, change_in_place, clip01, during, fade_out, hidden_while_zoomed,
)
from scenes.staging import BOTTOM, TOP, fit_region, numbers_larger, reveal_cell

QUERY_WIDTH = 6         # the focus word's query arrow, dashed, over the keys (ARROW_WIDTH 5)
OWN_KEY_WIDTH = 5       # the focus word's own key, solid, under its dashed query (which it may lie along)
QUERY_UNDER_WIDTH = 14  # the query where the own key lies along it: a band, its gold either side of the key
# (r28f re-rater: at 14 wide it hid the own key under it; r29m: at 9, under the key's background
# outline, the query did not show at all. Now no outline there: a wide pale band, the key whole on it)
# (r30: at 22 the key, veiled while cat's score is worked, was lost inside the band: 14, the key on top)
QUERY_BAND_OPACITY = 0.75  # that band (r31g: at 0.3 the own key on it read as the only arrow): the thin key reads on it
OWN_KEY_THIN = 3        # the own key where it lies along the query band: thin, the band's gold either side (r31g)
OWN_REACH_OFFSET = 0.3  # the reach beside the own key: this far off the key's line (the band's edge is 0.11 off)
FLY_DOT_RADIUS = 0.07  # a key row's copy as a dot on its way to its key's tip (r31g)
OWN_REACH_TICK = 0.09   # half the length of the ticks across the reach's ends
OWN_REACH_STROKE = 5    # the reach's line
# the query's row and its scores' strip beside the plane: large numbers; the strip's words a
# little smaller than its numbers, so five words fit the left of the frame with the numbers large
QUERY_CELL_W, QUERY_CELL_H, STRIP_CELL_W, STRIP_CELL_H = CELL_W * 1.5, CELL_H * 1.25, 1.3, 0.6
STRIP_WORD_SIZE = 28
STRIP_NUMBER_SIZE = 30
# (r28f re-rater) the keys' numbers beside their scores while the scores are read, each key's
# two numbers in columns under the query's two (the query's row as narrow, its columns over them)
KEY_CELL_W = 1.35
PLOT_LEFT = -config.frame_width / 2 + 0.4 * config.frame_width  # the plane takes the right 60 % of the frame
SQUAT_CELL_H = 0.34  # W_K's row and its parts under the turned keys: short cells (r38: room for the wording)
SWING_STEPS = 8  # a turned key's swing, in steps (each a short transform: the head stays whole)
VEILED = 0.4  # what is left of a key's arrow (shaft, tip and name) while another key is worked (r17: 0.15 hid names)
# the two attention rows compared: large cells (numbers about 35), one row under the other
COMPARE_CELL_W, COMPARE_CELL_H, COMPARE_ROW_STEP = 1.15, 0.7, 1.3
# under the two rows, each word's two weights as bars side by side in its column: the largest
# weight of the two rows this tall (before fitting: the band under the rows is theirs), each bar
# this share of a column's width
BAR_HEIGHT, BAR_SHARE = 4.4, 0.3
# X, W_Q, W_K, W_V and the products: numbers larger than the default in cells of the default height
# (the stacked products' height is what limits their size)
QUERY_BUILD_NUMBER_SIZE = 28  # X, W_Q and Q while the first query is worked (two tables, not six)
# keys_and_values' two-stage close (many dims): short, wide cells, every number above the text floor
STACK_CELL_W, STACK_CELL_H, STACK_NUMBER_SIZE = 1.15, 0.31, 24


class TipGrowable:
    """A line with a tip that GrowArrow can grow: GrowArrow scales an arrow with scale_tips=True,
    which a plain line's scale does not take (its tip scales with it anyway)."""

    def scale(self, scale_factor: float, scale_tips: bool = False, **kwargs):
        return super().scale(scale_factor, **kwargs)


class DashedArrow(TipGrowable, DashedLine):
    """A dashed line with a tip that GrowArrow can grow."""


class BandArrow(TipGrowable, Line):
    """A solid line with a tip that GrowArrow can grow: the query as a wide, light band where the
    focus word's own key lies along it."""



def short_leader(point: np.ndarray, mob, color, gap: float = 0.1) -> Line:
    """A thin line from `point` towards the nearest point of `mob`, stopping `gap` short of it (a
    line run into a name's first glyph read as part of it: "||mouse's key|", r29r)."""
    end = nearest_point(mob, point)
    span = end - point
    length = float(np.linalg.norm(span))
    if length > 2 * gap:
        end = end - span / length * gap
    return Line(point, end, stroke_width=1.6, color=color).set_opacity(0.8)


def _late(t: float) -> float:
    """A rate that holds still for 80 % of its time, then moves smoothly (a fade-out after a hold)."""
    return smooth(max(0.0, (t - 0.8) / 0.2))


def feature_names(prefix: str, width: int) -> list:
    return [f"{prefix}{k + 1}" for k in range(width)]


def hopping_term(sweep: ProductSweep, k: int) -> AnimationGroup:
    """sweep.term(k), its two small boxes fading out on the previous term's cells and in on this
    one's (slid, their edges would strike through the digits between). Each box is transformed
    into an explicit box at each place: the state it starts from is taken as each part begins."""
    term = sweep.term(k)
    if k == 0:
        return term
    hops = []
    for cursor, here, there in ((sweep.cursors[0], sweep.left.cell(sweep.i, k - 1), sweep.left.cell(sweep.i, k)),
                                (sweep.cursors[1], sweep.top.cell(k - 1, sweep.j), sweep.top.cell(k, sweep.j))):
        out_, moved, in_ = (cursor.copy().move_to(here).set_stroke(opacity=0), cursor.copy().move_to(there).set_stroke(opacity=0),
                            cursor.copy().move_to(there))
        hops.append(Succession(Transform(cursor, out_, run_time=0.45), Transform(cursor, moved, run_time=0.1),
                               Transform(cursor, in_, run_time=0.45)))
    return AnimationGroup(*(during(h, 0.0, 0.35) for h in hops), *term.animations[2:])  # [:2]: its slides


def drawn(mark: VGroup) -> Succession:
    """A change mark (old box, arrow, new box) shown in reading order; the boxes fade in whole
    (drawn edge by edge, a half-built box reads as a stray bar)."""
    old, arrow, new = mark
    return Succession(FadeIn(old), GrowArrow(arrow), FadeIn(new))


class ProjectionsScene(ExplainerScene):
    scene_name = "projections"
    chapter = "Learned projections"
    summary = "Q = X·W_Q, K = X·W_K, V = X·W_V"
    needs = ('projection',)
    steps = ("project_queries", "keys_and_values", "questions_and_answers", "compare_attention", "conclude")

    def dim_rows(self) -> dict:
        """A learned matrix's row names (one per dim) coloured as X's column names: the named dims
        in their colours, the others in the text's (not in the matrix's own colour)."""
        return {j: self.dim_colors().get(j, self.theme.text) for j in range(len(self.example.dims))}

    def project_queries(self):
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        tokens, dims = list(s.tokens), list(ex.dims)
        self.heading = self.chapter_title()
        # cells a little wider than the default: a negative number ("−0.60") keeps its full size
        self.w_q = self.grid(p.w_q, "projected.w_q", row_labels=dims, col_labels=feature_names("q", p.d_k),
                             value_scale=self.vector_scale, label_color=th.query, row_label_colors=self.dim_rows(),
                             cell_w=CELL_W * 1.3, number_size=QUERY_BUILD_NUMBER_SIZE)
        self.x = self.grid(s.input, "input", **self.word_rows(), number_size=QUERY_BUILD_NUMBER_SIZE)
        self.q = self.grid(p.q, "projected.q", value_scale=self.vector_scale, cell_w=self.w_q.cell_w,
                           number_size=QUERY_BUILD_NUMBER_SIZE)
        # a wide gap between X and Q (the worked products and their sum stand above it, clear of
        # X's labels), a narrow one under W_Q (X's column names and the sum's way to Q's cell): the
        # layout's height is what limits its size
        layout = product_layout(self.x, self.w_q, self.q, gap=0.9)
        self.x.shift(LEFT * 0.4)
        # X's name left of its column names, W_Q's in the corner over its row names (above them it
        # would make the layout taller), Q's above it: the camera, in on the worked entry, keeps
        # them (under X and Q they would lie in the subtitles' band, beside W_Q past the frame's edge)
        names = VGroup(label("X", th, size=26).next_to(self.x.col_labels, LEFT, buff=0.35),
                       label("W_Q  (learned)", th, size=24, color=th.query).next_to(self.w_q.col_labels, LEFT, buff=0.25)
                       .align_to(self.w_q.row_labels, RIGHT),
                       # left of Q's first row, in the gap from X: above Q it stood in the corridor the
                       # worked sum travels along to its cell ("1.35" passed over it, r14)
                       label("Q", th, size=26, color=th.query).next_to(self.q.rects, LEFT, buff=0.2)
                       .align_to(self.q.rects, UP))
        fit_to_frame(VGroup(layout, names), top=3.0, bottom=BOTTOM, grow=1.3)
        # X stays centred and large, as the previous scene left it, while it is the subject; it moves
        # to its place in the product when the learned matrix comes
        self.play(Write(self.heading), run_time=0.8)
        self.narrate("Real transformers do not compare the raw embeddings.",
                     # a frame that fades in and out round X (drawn edge by edge at 15 fps it crawled)
                     Circumscribe(self.opening.table.rects, color=th.focus, buff=0.03, fade_in=True, fade_out=True,
                                  run_time=2.0),
                     run_time=2.0)
        # X into place and the learned matrix beside it; then a box on each of X's rows in turn (each
        # word's vector, hopping: a sliding box strikes through the numbers), then the Q they make
        i = self.focus_row(s)
        self.q.clear_fills()  # no entry of Q is coloured before it is computed
        # the cue first: waiting for the last one to end is a play, which would finish the take-over early
        self.caption_over("Each word's vector is multiplied by a learned matrix.")
        # X's name fades and comes back at its new place (moved, it slid over X's column names)
        # (r27f: no box hopping over X's rows while nothing was computed: the moves are calm and slower)
        # (r36, issue 11: a key wherever a colour scale is first used) W_Q brings the chapter's first red
        # (a negative entry): the key to the colours comes in with it, in the free corner under the
        # heading, left of W_Q's name; where that corner has no room for it, none
        self.sign_key = VGroup()
        if shows_negative(p.w_q) or shows_negative(s.input):
            key = ColourLegend(th, self.vector_scale, negative=True, size=28, cell_w=0.36, cell_h=0.3)
            key.next_to(self.heading, DOWN, buff=0.3).align_to(self.heading, LEFT)
            pieces = [self.x, self.w_q, self.q, *names]
            if not any(boxes_overlap(box_of(key, 0.15), box_of(m)) for m in pieces):
                self.sign_key = key
        self.play(*(during(move, 0.0, 0.45) for move in self.take_over(self.x)),
                  during(AnimationGroup(FadeIn(self.w_q), FadeIn(names[0]), FadeIn(names[1]), FadeIn(self.sign_key)), 0.4, 0.7),
                  during(AnimationGroup(FadeIn(self.q.rects), FadeIn(names[2])), 0.7, 0.95), run_time=3.2)
        sweep = ProductSweep(self.x, self.w_q, self.q, i, 0, th, left_colour=th.focus, top_colour=th.query,
                             sum_colour=th.focus)
        self.sweep = sweep
        # the worked products as large as the tables' numbers (the sweep writes them for the default
        # cells), laid out again beside W_Q's rows (smaller only if the frame has no room); no taller
        # than W_Q's rows, where many short rows (8 dims) leave little height for each line
        row_step = self.w_q.cell(0, 0).height
        grown = max(1.0, min(QUERY_BUILD_NUMBER_SIZE / sweep.sums[0].font_size,
                             0.7 * row_step / max(line.height for line in [*sweep.products, *sweep.sums])))
        sweep.grow_ledger(grown)
        # the camera in on the row, the column, the cell and the ledger: the worked numbers read
        # (its moves one by one: played as one group, the heading would leave the scene's top level and
        # zoom_out would not bring it back)
        # the learned matrix's name framed with what is worked; what the view would cut, hidden
        framed = [*sweep.keep(), names[1]]
        x_rows = [VGroup(self.x.row(r), self.x.row_labels[r]) for r in range(len(tokens))]
        below = self.cut_by_zoom(framed, [*x_rows, self.x.col_labels, *names, self.q.rects, self.w_q])
        hidden = hidden_while_zoomed(below, x_rows)
        self.narrate(f"One entry: {ex.focus}'s row times the first column of W_Q, component by component.",
                     *(during(move, 0.0, 0.25) for move in self.zoom_on(*framed).animations),
                     *(during(hide, 0.0, 0.1) for hide in hidden[0]),  # before the band reaches them
                     during(FadeOut(self.sign_key), 0.0, 0.1),  # (the worked products take its corner)
                     Succession(AnimationGroup(*sweep.open(), sweep.term(0)),
                                *(hopping_term(sweep, k) for k in range(1, len(dims)))), run_time=1.5 + 0.7 * (len(dims) - 1))
        # X's column names (seen, not worked) dimmed while the sum travels along the narrow corridor
        # just over them (r27f: "1.35" crossed "grammar"), back as the camera goes out
        cut = {id(m) for piece in below for m in piece.get_family()}
        x_names = [t for t in self.x.col_labels if not any(id(m) in cut for m in t.get_family())]
        self.narrate(f"Added up: {format_number(sweep.dot.total)}, the first number of {ex.focus}'s query.",
                     sweep.deliver(),
                     # (r29r re-rater: dim till 18.5 s for no reason) back as soon as the sum has passed
                     *(UpdateFromAlphaFunc(t, lambda m, a: m.set_opacity(1.0 - 0.85 * min(1.0, a / 0.15, (1.0 - a) / 0.15)))
                       for t in x_names),
                     run_time=1.5)
        self.play(*sweep.close(), FadeOut(VGroup(sweep.ledger, sweep.cell_box)),
                  *(during(move, 0.0, 0.7) for move in self.zoom_out().animations),
                  *(during(back, 0.7, 1.0) for back in hidden[1]()), during(FadeIn(self.sign_key), 0.7, 1.0), run_time=1.0)
        self.narrate(f"The whole matrix, row by row: Q has one row per word, {p.d_k} columns.",
                     build_rows(self.q, self.x, th.query, skip=[(i, 0)]), run_time=0.8 * len(tokens))
        self.query_product, self.names = layout, names

    def keys_and_values(self):
        """Where W, formula and product fit in three columns at the text floor, they are laid out
        once (_three_columns_once). Otherwise (many dims) X stays where the query was worked, the
        source of every product; one learned matrix at a time takes W_Q's place and its product is
        built large in Q's, then shrinks into a labelled row of finished products in the empty
        top-left corner (Q, then K; V stays): one table is worked at a time, and every entry's
        source is on screen while it is. Then X goes and the two stages show one role each."""

        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        tokens, dims = list(s.tokens), list(ex.dims)
        x, w_q, q, names = self.x, self.w_q, self.q, self.names
        specs = [("W_K", p.w_k, "projected.w_k", "K = X·W_K", p.k, "projected.k", th.key, "k", p.d_k),
                 ("W_V", p.w_v, "projected.w_v", "V = X·W_V", p.v, "projected.v", th.value, "v", p.d_v)]
        learned, made, finished = [], [], []
        for w_text, w, w_name, text, values, name, colour, prefix, width in specs:
            # built as W_Q and Q were, then brought to their size and place
            wg = self.grid(w, w_name, row_labels=dims, col_labels=feature_names(prefix, width),
                           value_scale=self.vector_scale, label_color=colour, row_label_colors=self.dim_rows(),
                           cell_w=CELL_W * 1.3, number_size=QUERY_BUILD_NUMBER_SIZE)
            factor = w_q.rects.height / wg.rects.height  # the query's layout was fitted to the frame
            wg.scale(factor)
            wg.shift(w_q.rects.get_corner(UP + LEFT) - wg.rects.get_corner(UP + LEFT))
            w_tag = label(f"{w_text}  (learned)", th, size=24, color=colour).scale(factor)
            w_tag.move_to(names[1]).align_to(names[1], RIGHT)
            g = self.grid(values, name, value_scale=self.vector_scale, cell_w=CELL_W * 1.3,
                          number_size=QUERY_BUILD_NUMBER_SIZE)
            g.scale(factor)
            g.shift(q.rects.get_corner(UP + LEFT) - g.rects.get_corner(UP + LEFT))
            finished.append(g.copy())  # (its colours once built: where it moves to when it is)
            g.clear_fills()  # no entry is coloured before it is computed
            g_tag = label(text[0], th, size=26, color=colour).scale(factor).move_to(names[2])
            learned.append((wg, w_tag))
            made.append((g, g_tag))
        # the finished products' row: the empty corner above X and left of the learned matrix, each
        # product as large as that corner allows (its numbers no smaller than the text floor's)
        tags = VGroup(*(label(t, th, size=24, color=c) for t, c in (("Q = X·W_Q", th.query), ("K = X·W_K", th.key))))
        tag_h = max(t.height for t in tags)
        left_edge, right_edge = -config.frame_width / 2 + 0.45, names[1].get_left()[0] - 0.4
        # the names' top under the heading by the half-height of a role's name on the frame's edge
        tags_top = self.heading.get_bottom()[1] - 0.4
        tables_top = tags_top - tag_h - 0.1
        bottom_edge = max(x.col_labels.get_top()[1], names[0].get_top()[1]) + 0.25  # the frames clear of X's names
        # the smallest number of the three (a negative is shrunk to fit its cell)
        number = min(t.font_size for grid in (q, *(g for g, _ in made)) for t in grid.numbers)
        # (V, the last, stays where it was built, under W_V: the corner holds Q and K)
        widths, gaps = [q.rects.width, made[0][0].rects.width], [0.4, 0.0]
        room_w = (right_edge - left_edge - sum(gaps)) / sum(widths)
        room_h = (tables_top - bottom_edge) / q.rects.height
        # no smaller than the text floor where the corner has room for it
        thumb = min(max(22.3 / number, 0.6), room_w, room_h)
        # each learned matrix, once its product is made, parked in the row left of that product, a
        # map of its colours at `park` of the product's width (r26: W_Q and W_K faded out and came
        # back 4 and 8 s later); where the row has no room for them, they give way as before
        park_gap = 0.15
        park = min(0.5, (right_edge - left_edge - sum(gaps) - 2 * park_gap - thumb * sum(widths)) / (thumb * sum(widths)))
        parking = park >= 0.3
        park_tags = VGroup(*(label(t, th, size=24, color=c) for t, c in (("W_Q", th.query), ("W_K", th.key))))
        slots, parks, at = [], [], left_edge
        for k, wd in enumerate(widths):
            wd *= thumb
            if parking:
                parks.append(np.array([at + park * wd / 2, tables_top, 0.0]))  # the map's top centre
                park_tags[k].move_to([at + park * wd / 2, tags_top - tag_h / 2, 0.0])
                at += park * wd + park_gap
            slots.append(np.array([at + wd / 2, tables_top - thumb * q.rects.height / 2, 0.0]))
            tags[k].move_to([at + wd / 2, tags_top - tag_h / 2, 0.0])
            at += wd + gaps[k]

        def parked(w, k):
            """Learned matrix `w` as a map of its colours at its place in the row (its numbers and
            names clear: at that size they would not read; its name over it)."""
            there = w.copy()
            there.scale(min(park * thumb * widths[k] / w.rects.width, thumb * q.rects.height / w.rects.height))
            for part in (there.numbers, there.row_labels, there.col_labels):
                part.set_opacity(0.0)
            return there.shift(parks[k] - there.rects.get_top())

        def park_move(w, name, k):  # its names fade where they are, then it moves into its place
            return Succession(AnimationGroup(FadeOut(name), w.row_labels.animate.set_opacity(0.0),
                                             w.col_labels.animate.set_opacity(0.0), run_time=0.3),
                              Transform(w, parked(w, k), run_time=0.7))

        def to_slot(grid, k, filled):  # the finished product (`filled`: as it is when built), shrunk into
            # its place in the row: shrunk where it was made, then up (where the learned matrix has
            # just given way) to the row's height, then along the row into its place: one move all the
            # way (r25: it faded out and in; r24: straight or on an arc, it crossed X's numbers)
            centre = grid.get_center()
            shrunk = grid.rects.copy().scale(thumb, about_point=centre)
            there = filled.copy().scale(thumb, about_point=centre).shift(slots[k] - shrunk.get_center())
            # where the corner is too small for its numbers to read (many dims), a map of colours
            # parked, a map of its colours under its name, as the learned matrices are (r27f: its
            # numbers, at the text floor there, read as clutter too small to read beside the table
            # being built); they come back as it takes its column
            # (r28f re-rater: Q's finished numbers stood 0.5 s, and Q and K were colour maps for 15 s
            # while V kept its numbers) kept where they are at the text floor or larger
            if thumb * number < SMALLEST_TEXT:
                there.numbers.set_opacity(0.0)
            small = there.copy().shift(centre - slots[k])
            up = small.copy().shift(UP * (slots[k][1] - centre[1]))
            return Succession(Transform(grid, small, run_time=0.3), Transform(grid, up, run_time=0.3),
                              Transform(grid, there, run_time=0.4))

        (w_k, k_tag), (w_v, v_tag) = learned
        self.parked_ws = VGroup(w_q, w_k, park_tags) if parking else VGroup()
        (k_grid, k_name), (v_grid, v_name) = made
        # (r36) where the three columns fit, they are laid out once, K and V built in their own columns
        if self._three_columns_once(x, names, w_q, q, (w_k, k_tag, k_grid, k_name), (w_v, v_tag, v_grid, v_name)):
            return
        # each product row by row from X's rows (in turn: K's build holds its cells where they are,
        # so K cannot move while it runs); each matrix comes in with its own words (r20: W_V, named
        # with W_K, came 5 s later): W_K and K in the first cue, W_V and V in the second
        build = 0.3 * len(tokens)
        # Q to its place, W_Q gives way to W_K, K's empty cells where Q's were, then K is built
        enter_k = AnimationGroup(during(to_slot(q, 0, q), 0.12, 0.72), during(FadeOut(names[2]), 0.0, 0.2),
                                 during(FadeIn(tags[0]), 0.7, 1.0),
                                 *([during(park_move(w_q, names[1], 0), 0.0, 0.3), during(FadeIn(park_tags[0]), 0.3, 0.42)]
                                   if parking else [during(FadeOut(VGroup(w_q, names[1])), 0.0, 0.25)]),
                                 during(FadeIn(VGroup(w_k, k_tag)), 0.75, 1.0),  # (after Q has passed under it)
                                 during(FadeIn(VGroup(k_grid.rects, k_name)), 0.7, 1.0),
                                 during(FadeOut(self.sign_key), 0.0, 0.2), run_time=1.5)
        # (two plays under one cue: in a Succession, the build's boxes and numbers stood on screen
        # before it began)
        self.caption_over("Two more learned matrices: W_K gives the keys,")
        self.play(enter_k)
        self.play(build_rows(k_grid, x, th.key), run_time=build)
        # one after the other (r18: K slid across its name as the name and W_V faded in): W_K goes,
        # K to its place with its name over it all the way (r20: it flew unlabelled), then W_V and
        # V's cells. The name is written over K where K was built, then follows K's path (to_slot's)
        swap = AnimationGroup(*([during(park_move(w_k, k_tag, 1), 0.0, 0.22), during(FadeIn(park_tags[1]), 0.22, 0.34)]
                                if parking else [during(FadeOut(VGroup(w_k, k_tag)), 0.0, 0.2)]),
                              during(FadeOut(k_name), 0.0, 0.2),
                              during(to_slot(k_grid, 1, finished[0]), 0.2, 0.65), during(FadeIn(tags[1]), 0.5, 0.65),  # (its name as it comes)
                              during(FadeIn(VGroup(w_v, v_tag)), 0.68, 0.88),  # (after K has passed under it)
                              # V's empty cells and name come in here, before its numbers are built (faded
                              # in with the build, the cells were drawn over the numbers and paled them)
                              during(FadeIn(VGroup(v_grid.rects, v_name)), 0.75, 1.0), run_time=1.2)
        self.caption_over("and W_V the values, the same way.")
        self.play(swap)
        self.play(build_rows(v_grid, x, th.value), run_time=0.24 * len(tokens))
        # here the three columns did not fit at the text floor (many dims; where they fit,
        # _three_columns_once laid them out before any of this): two stages, one role each
        self._two_stages(x, names[0], (q, tags[0]), (k_grid, tags[1]), (w_v, v_tag), (v_grid, v_name))

    def _three_columns_once(self, x, names, w_q, q, k_parts, v_parts) -> bool:
        """keys_and_values where the three columns fit at the text floor (r36, reviewer b: the table
        was laid out twice in 10 s, the key sentence said over the second regroup): the final
        picture laid out once, first smaller with X at the left of the products' row (r37, reviewers
        b and c: K and V were built with X off screen), K and V built there row by row from X's rows
        under their learned matrix; then X goes and the picture grows in one move into the final
        one. Then the key sentence over a still picture, its brace landing as it is said, and each of
        W_Q's and W_K's rows read as it is boxed (story.rows_read, reviewer d). False, with nothing
        played, where the columns or the build picture do not fit (many dims: keys_and_values' own
        builds and two stages)."""

        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        dims = list(ex.dims)
        (w_k, _, k_grid, _), (w_v, _, v_grid, _) = k_parts, v_parts  # (their old names: each column names its own)
        w_tags = [label(t, th, size=24, color=c) for t, c in (("W_Q", th.query), ("W_K", th.key), ("W_V", th.value))]
        formulas = [label(t, th, size=24, color=c) for t, c in (("Q = X·W_Q", th.query), ("K = X·W_K", th.key),
                                                                ("V = X·W_V", th.value))]
        brace_room, name_size = 0.95, 24
        left, right = -config.frame_width / 2 + 0.4, config.frame_width / 2 - 0.4

        def lay_out(scale: float) -> VGroup:  # column k is (W, W's name, formula, product)
            columns = VGroup()
            for w, w_tag, product, formula in zip((w_q, w_k, w_v), w_tags, (q, k_grid, v_grid), formulas):
                w_at = w.copy()
                tag_at = w_tag.copy().scale(scale * name_size / w_tag.font_size)
                tag_at.next_to(w_at.col_labels, LEFT, buff=0.25).align_to(w_at.row_labels, RIGHT)
                product_at = product.copy().scale(w_at.rects.width / product.rects.width)
                formula_at = formula.copy().scale(scale * name_size / formula.font_size)
                formula_at.next_to(w_at.rects, DOWN, buff=0.12).set_x(w_at.rects.get_x())
                product_at.shift([w_at.rects.get_x() - product_at.rects.get_x(),
                                  formula_at.get_bottom()[1] - 0.12 - product_at.rects.get_top()[1], 0.0])
                columns.add(VGroup(w_at, tag_at, formula_at, product_at))
            columns.arrange(RIGHT, buff=0.6, aligned_edge=UP)
            # the products' rows level (a formula with a descender, "Q = X·W_Q", stood its product lower)
            low = min(column[3].rects.get_top()[1] for column in columns)
            for column in columns:
                column[3].shift(UP * (low - column[3].rects.get_top()[1]))
            q_at = columns[0][3]
            placed = x.row_labels.copy().scale(q_at.cell(0, 0).height / x.cell(0, 0).height)
            for r, word in enumerate(placed):
                word.next_to(q_at.cell(r, 0), LEFT, buff=0.15)
            return VGroup(columns, placed)

        scale = 1.0
        for _ in range(2):
            trial = lay_out(scale)
            fit = min(1.6, (right - left) / trial.width, (TOP - BOTTOM - brace_room) / trial.height)
            scale = 1.0 / fit
        layout = lay_out(scale)
        columns, placed = layout
        fit_region(layout, left, right, top=TOP, bottom=BOTTOM + brace_room, grow=1.6)
        spare = (right - left) - layout.width
        columns[1].shift(RIGHT * spare / 2)
        columns[2].shift(RIGHT * spare)
        layout.set_x((left + right) / 2)
        layout.align_to(np.array([0.0, TOP, 0.0]), UP)
        tables = [grid for column in columns for grid in (column[0], column[3])]
        if (min(t.font_size for grid in tables for t in grid.numbers) < SMALLEST_TEXT - 0.05
                or min(w.font_size for w in placed) < SMALLEST_TEXT - 0.05):
            return False
        if min(w.font_size for w in placed) < SMALLEST_TEXT:
            placed = VGroup()
        products_at = [column[3] for column in columns]
        braces = [Brace(VGroup(*(g.rects for g in group)), direction=DOWN, buff=0.12, color=th.muted)
                  for group in (products_at[:2], products_at[2:])]
        roles = VGroup(*(label(t, th, size=26, color=th.text).next_to(b, DOWN, buff=0.1)
                         for t, b in zip(("compared", "passed on"), braces)))
        (wq_at, wq_tag_at, q_formula, q_at), (wk_at, wk_tag_at, k_formula, k_at), (wv_at, wv_tag_at, v_formula, v_at) = columns
        # (r37, reviewers b and c: K and V were built with X off screen, as if K came from W_K alone)
        # the build picture: the final one, smaller, with X at the left of the products' row (X, Q,
        # K and V share their rows, X's words once at X's left), so each product is built from both
        # its factors on screen; once V is made X goes and the picture grows, one uniform move, into
        # the final one. None where it does not fit at the text floor: then False, nothing played
        # (keys_and_values' own builds keep X on screen)
        build = self._build_picture(x, names[0], layout, left, right)
        if build is None:
            return False
        # (tests read it back: a copy, the animations below move the pieces it holds)
        self.build_picture = SimpleNamespace(columns=build.columns.copy(), x=build.x.copy(), x_name=build.x_name.copy())
        (wq_b, wq_tag_b, q_formula_b, q_b), (wk_b, wk_tag_b, k_formula_b, k_b), (wv_b, wv_tag_b, v_formula_b, v_b) = build.columns
        # W_K, W_V and their products (K's and V's cells empty) where they will be built: they come in there
        for mob, there in ((w_k, wk_b), (w_v, wv_b), (k_grid, k_b), (v_grid, v_b)):
            mob.scale(there.rects.width / mob.rects.width)
            mob.shift(there.rects.get_center() - mob.rects.get_center())
        for w in (w_k, w_v):  # (W_Q's row names serve the three while X is beside them)
            w.row_labels.set_opacity(0.0)
        # (one cue for both: K's and V's builds are one move each, W_V's "the same way" as W_K's)
        self.caption_over("Two more learned matrices: W_K gives the keys, W_V the values, the same way.")
        # one move: X, its words and its name to the products' row's left, W_Q and Q to the first
        # column (the sign key stays: nothing stands under it)
        relayout = [during(FadeOut(VGroup(names[1], names[2])), 0.0, 0.15),
                    during(Transform(x, build.x), 0.1, 1.0), during(Transform(names[0], build.x_name), 0.1, 1.0),
                    during(Transform(w_q, wq_b), 0.2, 1.0), during(Transform(q, q_b), 0.25, 1.0)]
        self.play(*(during(m, 0.0, 0.8) for m in relayout), during(FadeIn(VGroup(wq_tag_b, q_formula_b)), 0.75, 1.0),
                  run_time=1.5)
        # each product row by row: X's row boxed as the product's row fills, under its learned matrix
        self.play(FadeIn(VGroup(w_k, wk_tag_b, k_formula_b, k_grid.rects)), run_time=0.5)
        self.play(build_rows(k_grid, x, th.key), run_time=0.36 * len(s.tokens))
        self.play(FadeIn(VGroup(w_v, wv_tag_b, v_formula_b, v_grid.rects)), run_time=0.5)
        self.play(build_rows(v_grid, x, th.value), run_time=0.3 * len(s.tokens))
        # X goes, and the three columns grow in place into the final picture (the words ride to Q's rows)
        words = x.row_labels.copy()
        x.row_labels.set_opacity(0.0)  # (the copy stands on them: fading under it, they doubled it as it left)
        self.add(words)
        # (W_K's and W_V's row names come in once their columns stand apart: grown in, they crossed W_Q's)
        bare = [there.copy() for there in (wk_at, wv_at)]
        for there in bare:
            there.row_labels.set_opacity(0.0)
        parts = [(w_q, wq_at), (q, q_at), (w_k, bare[0]), (w_v, bare[1]),
                 (wq_tag_b, wq_tag_at), (q_formula_b, q_formula), (wk_tag_b, wk_tag_at), (k_formula_b, k_formula),
                 (wv_tag_b, wv_tag_at), (v_formula_b, v_formula)]
        # (K and V scaled and moved, not transformed: the layout's copies of them were taken before
        # they were coloured)
        grown = [Transform(grid, grid.copy().scale(there.rects.width / grid.rects.width)
                           .shift(there.rects.get_center() - grid.rects.get_center()))
                 for grid, there in ((k_grid, k_at), (v_grid, v_at))]
        self.play(during(FadeOut(VGroup(x, names[0], self.sign_key)), 0.0, 0.3),
                  Transform(words, placed) if len(placed) else FadeOut(words),
                  *(during(Transform(mob, there.copy()), 0.15, 1.0) for mob, there in parts),
                  *(during(move, 0.15, 1.0) for move in grown), run_time=1.2)
        self.play(*(Transform(w.row_labels, there.row_labels.copy()) for w, there in ((w_k, wk_at), (w_v, wv_at))),
                  run_time=0.4)
        # (the tags and formulas now stand where the final picture's are: the rest reads those)
        for mob, there in parts[6:]:
            self.remove(mob)
            self.add(there)
        # the key sentence over the finished picture, the brace under Q and K landing as "compared" is said
        self.narrate("W_Q and W_K decide what gets compared;",
                     during(FadeIn(braces[0]), 0.45, 0.7), during(FadeIn(roles[0], shift=DOWN * 0.2), 0.55, 0.8),
                     run_time=2.6)
        # what each of W_Q's and W_K's rows does, said as the rows are boxed, clause by clause
        # (r36, reviewer d: "two hand-made matrices, their rows never read"); unsaid where the
        # matrices have no short reading (the second example's seeded 8 × 8)
        for w, values, name, prefix, colour in ((w_q, p.w_q, "W_Q", "q", th.query), (w_k, p.w_k, "W_K", "k", th.key)):
            read = rows_read(values, dims, name, prefix)
            if read is None:
                continue
            lengths = [len(c.split()) for c, _ in read.clauses]
            total, at, marks = float(sum(lengths)), 0.0, []
            for (clause, rows), n_words in zip(read.clauses, lengths):
                share = n_words / total
                # (r37, reviewer c: two boxes on neighbouring rows overlapped, and cut the name's first
                # letter) one box round each run of neighbouring rows, a little clear of the names
                runs = []
                for r in sorted(rows):
                    if runs and r == runs[-1][-1] + 1:
                        runs[-1].append(r)
                    else:
                        runs.append([r])
                # (r38, reviewers c and d: a box taller than its rows touched the next rows' text) as tall
                # as the run's cells exactly, as wide as its cells and names with a margin
                def run_box(run):
                    cells = VGroup(*(w.row(r) for r in run))
                    whole = VGroup(cells, *(w.row_labels[r] for r in run))
                    return Rectangle(width=whole.width + 0.14, height=cells.height, color=colour, stroke_width=4
                                     ).move_to([whole.get_x(), cells.get_y(), 0.0])
                box = VGroup(*(run_box(run) for run in runs))
                marks.append(during(Succession(FadeIn(box, run_time=0.1), Wait(run_time=0.8), FadeOut(box, run_time=0.1)),
                                    at, min(1.0, at + share)))
                at += share
            self.narrate(read.text, *marks, run_time=2.0, through=True)
        passed = strongest_rows(p.w_v)
        role_v = AnimationGroup(FadeIn(braces[1]), FadeIn(roles[1], shift=DOWN * 0.2))
        if passed:
            share = "only" if draws_only_on(p.w_v) else "mostly"
            entries = VGroup(*(w_v.cell_box(r, c, th.value) for r, c in strong_entries(p.w_v)))
            # (one sentence: the brace as its first half is said, the entries as its second is)
            self.narrate(f"W_V decides what gets passed on: here {share} {listed([dims[r] for r in passed])}.",
                         during(role_v, 0.0, 0.35), during(Indicate(wv_tag_at, color=th.value, scale_factor=1.1), 0.0, 0.4),
                         during(FadeIn(entries), 0.5, 0.65),
                         during(Indicate(VGroup(*(w_v.row_labels[r] for r in passed)), color=th.value, scale_factor=1.0), 0.5, 1.0),
                         run_time=3.0, through=True)
        else:
            self.narrate("W_V decides what gets passed on.", role_v,
                         Indicate(wv_tag_at, color=th.value, scale_factor=1.1), run_time=1.5)
        self.q_table = q
        self.k_table, self.k_formula = k_grid, k_formula
        self.clear_with_next_play()
        return True

    def _build_picture(self, x, x_name, layout, left: float, right: float):
        """Where K and V are built (r37, reviewers b and c): the final picture `layout` (columns, Q's
        words) made smaller, with X (its words, column names and name) at the left of the products'
        row, its rows level with the products' rows, so each product is built with both its factors
        on screen: (columns, x, x_name) at their places (X in cells as tall as the products', as
        narrow as its numbers allow), or None where no such picture fits the frame with every text
        at the text floor."""

        for narrow in (1.0, 0.95, 0.9, 0.87, 0.84):
            columns = layout[0].copy()
            # the learned matrices side by side over their products, their rows named once (W_Q's names
            # serve all three: the rows are the same dims), each name over its matrix: the final picture
            # with the repeated row names left out, which is what leaves X the room it needs
            for k in (1, 2):
                w_at, tag_at, formula_at, product_at = columns[k]
                w_at.row_labels.set_opacity(0.0)
                previous = columns[k - 1][3].rects
                columns[k].shift(RIGHT * (previous.get_right()[0] + 0.15 - product_at.rects.get_left()[0]))
            for w_at, tag_at, _, _ in columns:
                tag_at.next_to(w_at.col_labels, UP, buff=0.1).set_x(w_at.rects.get_x())
            q_at, wq_column = columns[0][3], columns[0]
            # X as the products are drawn (their cells' height, their numbers' size), its cells narrower
            x_at = MatrixGrid(self.first.input, self.theme, name="input", **self.word_rows(),
                              cell_w=CELL_W * 1.3 * narrow, number_size=QUERY_BUILD_NUMBER_SIZE)
            x_at.scale(q_at.cell(0, 0).height / x_at.cell(0, 0).height)
            name_at = x_name.copy().scale(x_at.col_labels[0].height / x.col_labels[0].height)
            name_at.next_to(x_at.col_labels, LEFT, buff=0.3)
            x_at.add(name_at)
            x_at.shift(q_at.rects.get_corner(UP + LEFT) + LEFT * 0.25 - x_at.rects.get_corner(UP + RIGHT))
            x_at.remove(name_at)
            # W_Q's row names stand out left of W_Q, over X's right end: the learned matrices and their
            # names a little higher where X's column names would touch them (the frame has height to spare)
            top_of_x = max(x_at.get_top()[1], name_at.get_top()[1])
            lift = top_of_x + 0.12 - wq_column[0].get_bottom()[1]
            if lift > 0:
                for column in columns:
                    VGroup(column[0], column[1]).shift(UP * lift)
            picture = VGroup(x_at, name_at, columns)
            # (to the frame's edges less a quarter: the products' row is what limits the size)
            wide = config.frame_width / 2 - 0.25
            picture.scale(min(1.0, 2 * wide / picture.width))
            picture.set_x(0.0).align_to(np.array([0.0, TOP, 0.0]), UP)
            texts = [m for m in picture.get_family() if isinstance(m, ManimText)]
            if min(t.font_size for t in texts) < SMALLEST_TEXT - 0.05:
                continue
            if len(self.sign_key) and boxes_overlap(box_of(self.sign_key, 0.1), box_of(VGroup(x_at, name_at))):
                continue
            return SimpleNamespace(columns=columns, x=x_at, x_name=name_at)
        return None

    def _two_stages(self, x, x_name, q_pair, k_pair, wv_pair, v_pair) -> None:
        """keys_and_values' close where the three columns do not fit at the text floor (many dims):
        first Q over K ("compared"), then W_V over V ("passed on"), each table across the frame's
        width with X's words beside its rows, its formula over it: one role at a time, every
        number as large as the floor or larger."""

        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        tokens, dims = list(s.tokens), list(ex.dims)
        (q, q_tag), (k_grid, k_tag), (w_v, w_v_tag), (v_grid, v_name) = q_pair, k_pair, wv_pair, v_pair
        left, right = -config.frame_width / 2 + 0.4, config.frame_width / 2 - 0.4
        size = STACK_NUMBER_SIZE

        def table(values, name, **kwargs):  # a product or W_V in short, wide cells
            return self.grid(values, name, value_scale=self.vector_scale, cell_w=STACK_CELL_W, cell_h=STACK_CELL_H,
                             number_size=size, **kwargs)

        def words_for(grid) -> VGroup:  # X's words beside a product's rows (the rows are X's)
            words = VGroup(*(fit_label(w, th, width=3.2, size=size + 2, color=self.token_colors(tokens).get(r, th.text))
                             for r, w in enumerate(tokens)))
            for r, w in enumerate(words):
                w.next_to(grid.cell(r, 0), LEFT, buff=0.15)
            return words

        def heads_over(grid, head) -> None:  # a formula over a table's left end, a role over its right end
            head[0].next_to(grid.rects, UP, buff=0.1).align_to(grid.rects, LEFT)
            if len(head) > 1:
                head[1].align_to(grid.rects, RIGHT).align_to(head[0], DOWN)

        def stage(upper, upper_grid, upper_head, lower, lower_grid, lower_head) -> VGroup:
            """upper (its head placed) over lower, lower's head on a line between them, the
            tables' right edges in line: fitted to the frame, the region's width and height."""
            head_h = max(h.height for h in lower_head)
            lower.shift(upper_grid.rects.get_corner(DOWN + RIGHT) + DOWN * (0.22 + head_h + 0.1)
                        - lower_grid.rects.get_corner(UP + RIGHT))
            heads_over(lower_grid, lower_head)
            return fit_region(VGroup(upper, *upper_head, lower, *lower_head), left, right, top=TOP, bottom=BOTTOM,
                              grow=1.0)

        # stage one: Q over K, X's words beside each
        q_at, k_at = table(p.q, "projected.q"), table(p.k, "projected.k")
        q_words, k_words = words_for(q_at), words_for(k_at)
        q_head = [label("Q = X·W_Q", th, size=size + 4, color=th.query)]
        k_head = [label("K = X·W_K", th, size=size + 4, color=th.key),
                  label("Q and K: compared", th, size=size + 4, color=th.muted)]
        heads_over(q_at, q_head)
        one = stage(VGroup(q_at, q_words), q_at, q_head, VGroup(k_at, k_words), k_at, k_head)
        # stage two: W_V (its dims beside its rows, its name left of its column names) over V
        wv_at = table(p.w_v, "projected.w_v", row_labels=dims, col_labels=feature_names("v", p.d_v),
                      label_color=th.value, row_label_colors=self.dim_rows())
        v_at = table(p.v, "projected.v")
        v_words = words_for(v_at)
        wv_head = [label("W_V", th, size=size + 4, color=th.value)]
        wv_head[0].next_to(wv_at.col_labels, LEFT, buff=0.25).align_to(wv_at.row_labels, RIGHT)
        v_head = [label("V = X·W_V", th, size=size + 4, color=th.value),
                  label("V: passed on", th, size=size + 4, color=th.muted)]
        stage(wv_at, wv_at, wv_head, VGroup(v_at, v_words), v_at, v_head)
        self.two_stage_tables = (q_at, k_at, wv_at, v_at)
        self.two_stage_words = (q_words, k_words, v_words)
        for grid in (q_at, k_at, wv_at, v_at):
            if min(t.font_size for t in grid.numbers) < 12:
                grid.numbers.set_opacity(0.0)
        # X and what is not worked in this stage go; K down from the corner into the lower band,
        # then Q into the upper (K first: Q, grown, would cover K's place in the corner), then X's
        # words beside both, then the role
        self.narrate("W_Q and W_K decide what gets compared;",
                     during(FadeOut(VGroup(x, x_name, w_v, w_v_tag, v_grid, v_name, *self.parked_ws)), 0.0, 0.12),
                     during(ReplacementTransform(k_grid, k_at), 0.12, 0.37), during(ReplacementTransform(k_tag, k_head[0]), 0.12, 0.37),
                     during(ReplacementTransform(q, q_at), 0.35, 0.6), during(ReplacementTransform(q_tag, q_head[0]), 0.35, 0.6),
                     during(FadeIn(VGroup(q_words, k_words)), 0.6, 0.72),
                     during(FadeIn(k_head[1], shift=LEFT * 0.2), 0.72, 0.85), run_time=3.0)
        passed = strongest_rows(p.w_v)
        # the second stage in as the first goes (one after the other: no two names at one place)
        swap = [during(FadeOut(one), 0.0, 0.25),
                during(FadeIn(VGroup(wv_at, wv_head[0])), 0.3, 0.55),
                during(FadeIn(VGroup(v_at, v_words, v_head[0])), 0.4, 0.65),
                during(FadeIn(v_head[1], shift=LEFT * 0.2), 0.65, 0.8)]
        if passed:
            share = "only" if draws_only_on(p.w_v) else "mostly"
            entries = VGroup(*(wv_at.cell_box(r, c, th.value) for r, c in strong_entries(p.w_v)))
            self.narrate("W_V decides what gets passed on:", *swap, run_time=2.0)
            self.narrate(f"here {share} {listed([dims[r] for r in passed])}.", FadeIn(entries),
                         Indicate(VGroup(*(wv_at.row_labels[r] for r in passed)), color=th.value, scale_factor=1.0),
                         run_time=1.5)
        else:
            self.narrate("W_V decides what gets passed on.", *swap, run_time=2.0)
        self.q_table = None  # Q has gone: the next step brings the focus word's query in on its own
        self.clear_with_next_play()

    def questions_and_answers(self):
        """Queries and keys as arrows in their own space: the focus word's query and every key; the
        learned score is how well they align (the query's shadow on a key, times the key's length)."""
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        plane = query_key_plane(p.q, p.k)
        if plane is None:
            return  # d_k = 1: no plane
        tokens = list(s.tokens)
        i = self.focus_row(s)
        best = strongest_neighbour(tokens, p.scores[i], ex.focus)
        self.qk_projection = proj = projection(p.q[i], p.k[best], plane)
        keys = plane.coordinates(p.k)
        query = plane.coordinates(p.q[i])
        # the plane in the right 60 % of the frame, at the full height below the heading
        # (r28f re-rater) where the plot is the whole query-key space and K's rows come from its
        # table, the keys' numbers stay in a column beside the scores (each row: word | key | score),
        # under the query's numbers: every score checks as q1·k1 + q2·k2 from the screen. The left
        # column a little wider for them (the plane, as tall as the frame allows, keeps its size)
        q_table, k_table = getattr(self, "q_table", None), getattr(self, "k_table", None)
        keys_beside = bool(plane.exact and q_table is not None and k_table is not None)
        plot_left = PLOT_LEFT + (0.8 if keys_beside else 0.0)
        self.qk_plane = plane_in_region(plane, np.vstack([keys, query, proj.foot]), th, left=plot_left,
                                        right=config.frame_width / 2 - 0.3)
        # a tick number under an arrowhead moves across its axis (or goes); the words' names keep
        # off the axes (a name lying on an axis read as the axis's)
        self._clear_ticks(np.vstack([keys, query]))
        axes = self.qk_plane.axes
        for axis in (axes.x_axis, axes.y_axis):
            self.qk_plane.placer().avoid_strip(axis.get_start(), axis.get_end(), half_width=0.05)
        # the query first, thicker than the keys and drawn over them (z-index) whatever is pointed
        # at, named by its middle on the side away from the focus word's own key (which can lie
        # along it, and is named at its tip): two names at two tips there stacked
        query_is_dot = bool(near_zero(query[None, :])[0])
        query_vec = self.qk_plane.vector("query", query, th.query, text=f"{ex.focus}'s query" if query_is_dot else "",
                                         width=QUERY_WIDTH)
        if not query_is_dot:
            query_vec.label = fit_label(f"{ex.focus}'s query", th, width=2.6, size=WORD_SIZE, color=th.query)
            if not near_zero(keys[i][None, :])[0]:  # the own key's shadow, a bar beside it later, grazed this name (r15)
                self.qk_plane.placer().avoid_strip(self.qk_plane.c2p((0.0, 0.0)), self.qk_plane.c2p(keys[i]), half_width=0.4)
            clockwise = keys[i][0] * query[1] - keys[i][1] * query[0] > 0  # the own key lies clockwise of it
            across = np.array([-query[1], query[0], 0.0]) if clockwise else np.array([query[1], -query[0], 0.0])
            # at its tip, out beyond it on the side away from the own key (r19: by its middle it stood
            # nearer the next key than its own arrow; straight across, its own shaft was in the way)
            tip = self.qk_plane.c2p(query)
            out = tip - self.qk_plane.c2p((0.0, 0.0))
            self.qk_plane.placer().place(query_vec.label, tip, out / np.linalg.norm(out[:2]) + across / np.linalg.norm(across[:2]))
            self.qk_plane.placer().avoid_box(query_vec.label, pad=0.1)
            query_vec.add(query_vec.label)
        words = list(dict.fromkeys(tokens))
        if not near_zero(keys[i][None, :])[0] and not query_vec.is_dot:
            # the focus word's own key (which can lie along its query) named beside its middle, below
            # it: past its tip, its name stood against the query's name
            own_key = self.qk_plane.vector(ex.focus, keys[i], th.key, text="")
            own_key.label = fit_label(ex.focus, th, width=2.6, size=WORD_SIZE, color=th.key)
            start, end = self.qk_plane.c2p((0.0, 0.0)), self.qk_plane.c2p(keys[i])
            along = end - start
            # at its tip (a name mid-shaft read as nobody's), across the key from its query: the
            # query's tip and name lie just past it on the other side
            across = np.array([-along[1], along[0], 0.0])
            if keys[i][0] * query[1] - keys[i][1] * query[0] > 0:
                across = -across
            if plane.exact and tokens[ranked(p.scores[i])[0]] == ex.focus:
                # (r30: its own reading is drawn later, a measure beside the key on the side with
                # fewer other keys; named there, its line crossed that measure) on the other side
                side = self._reach_side(plane, i, np.array([*along[:2], 0.0]))
                across = -side
                unit = along / max(float(np.linalg.norm(along[:2])), 1e-9)
                self.qk_plane.placer().avoid_strip(start + side * OWN_REACH_OFFSET, end + unit * 0.4 + side * OWN_REACH_OFFSET,
                                                   half_width=0.25)
            # (drawn from the origin, as every vector is, even where it lies along its query: r22/r23
            # read a key drawn a little aside, to keep it off the query, as a vector not starting at 0;
            # the query is dashed over it, so both show)
            self.qk_plane.placer().place(own_key.label, end, across)
            own_key.add(own_key.label)
            if np.linalg.norm(nearest_point(own_key.label, end) - end) > 0.12:
                # tied to its tip (r26: "mouse" floated above the two arrows, nobody's)
                own_key.leader = self.qk_plane.leader_line(end, own_key.label, th.key)
                own_key.add(own_key.leader)
        others = [w for w in words if w not in self.qk_plane.vectors]
        self.qk_plane.words(others, plane.coordinates(np.array([p.k[tokens.index(w)] for w in others])),
                            {w: th.key for w in others})
        axis_y = self.qk_plane.origin[1]
        for w in words:  # a name the placer left on or against the x axis ("cat" on it): over the axis, by its tip
            name = self.qk_plane.arrow_for(w).label
            if (name is not None and self.qk_plane.arrow_for(w).leader is None
                    and name.get_bottom()[1] - 0.2 < axis_y < name.get_top()[1] + 0.2):
                name.shift(UP * (axis_y + 0.1 - name.get_bottom()[1]))
                self.qk_plane.placer().avoid_box(name, pad=0.1)
        # the focus word's own key can lie along its query: drawn thin over the thick query, both
        # show (the query's gold either side of the key's teal)
        # the query dashed: over a key lying along it (the focus word's own), the key's teal shows
        # between its dashes (two solid arrows there read as one)
        if not query_vec.is_dot:
            solid = query_vec.body
            # dotted (short dashes): the own key, drawn over it, reads as a second arrow (r14)
            # (wide where the own key lies along it: its gold shows either side of the key's teal, r26:
            # at the query's width the key and its outline hid it)
            along_own = (not near_zero(keys[i][None, :])[0]
                         and float(np.dot(keys[i], query)) > 0.94 * float(np.linalg.norm(keys[i]) * np.linalg.norm(query)))
            if along_own:
                # (r27f: dotted, at the reviewers' 720p it still covered the own key along it) a wide,
                # light band under the key: the key reads on top of it, whole, in its own colour
                dashed = BandArrow(solid.get_start(), solid.tip.tip_point, color=th.query,
                                   stroke_width=QUERY_UNDER_WIDTH).add_tip(tip_length=0.3, tip_width=0.36)
                dashed.set_stroke(opacity=QUERY_BAND_OPACITY)
                dashed.tip.set_fill(opacity=QUERY_BAND_OPACITY).set_stroke(opacity=0.0)
            else:
                dashed = DashedArrow(solid.get_start(), solid.tip.tip_point, dash_length=0.1, dashed_ratio=0.55,
                                    color=th.query, stroke_width=QUERY_WIDTH).add_tip(tip_length=0.26)
            query_vec.remove(solid)
            query_vec.body = dashed
            query_vec.add_to_back(dashed)
        # the own key OVER the dotted query, with a background-coloured outline: at a degree or two
        # apart (mouse's key and query) the two then read as two arrows, not one (r14)
        own_body = self.qk_plane.arrow_for(ex.focus).body
        own_body.set_stroke(width=OWN_KEY_THIN if not query_vec.is_dot and along_own else OWN_KEY_WIDTH).set_z_index(3)
        if ex.focus in self.qk_plane.vectors and not query_vec.is_dot and not along_own:
            halo = own_body.copy().set_stroke(color=th.background, width=OWN_KEY_WIDTH + 3).set_z_index(2.9)
            if getattr(halo, "tip", None) is not None:
                halo.tip.set_fill(th.background).set_stroke(color=th.background, width=3)
            self.qk_plane.arrow_for(ex.focus).add_to_back(halo)
            self.own_halo = halo
        figure = self.qk_plane.projection(proj, th.query)
        self.qk_figure = figure
        # the reach along the key and the key's length written on the picture (nothing when a zero
        # vector casts no shadow)
        # the score the reach and the length make (over the plot's two components only, when the
        # plot is a view of more), and the decimals for "reach × length = score" to check as written
        worked = proj.full_dot if plane.exact else proj.plane_dot
        places = factor_decimals(proj.shadow, proj.length_b, worked)
        marks = VGroup()
        if figure.submobjects:
            placer, origin = self.qk_plane.placer(), self.qk_plane.origin
            tip, foot, key_tip = (self.qk_plane.c2p(v) for v in (proj.a, proj.foot, proj.b))
            reach = label(shortest(proj.shadow, places), th, size=24, color=th.query)
            placer.avoid_segment(tip, foot)  # the perpendicular: no number across it
            for tick in self.qk_plane.tick_labels:  # the reach by the x axis touched its tick "1"
                placer.avoid_box(tick, pad=0.15)
            for j in range(len(tokens)):  # a margin along the other keys too: "1.282" sat on friends' shaft
                if j != best and not near_zero(keys[j][None, :])[0]:
                    placer.avoid_strip(origin, self.qk_plane.c2p(keys[j]), half_width=0.1)
            # a wide berth round the words ("friends |cat| = …" read as one; r28f re-rater: "1.282"
            # crowded "friends"), before the reach is placed too
            # (r31g: "1.282" still crowded "friends" at 0.2: for the reach, 0.4; 0.2 again after it)
            named = [vec.label for vec in self.qk_plane.vectors.values() if vec.label is not None]
            first_named = len(placer.boxes)
            for name in named:
                placer.avoid_box(name, pad=0.4)
            # by the shadow, on the side away from the query (inside the angle, it stood under the
            # focus word's key's name and read as that word's)
            wide = placer.place(reach, (origin + foot) / 2, foot - tip)
            placer.boxes[first_named:first_named + len(named)] = [box_of(name, 0.2) for name in named]
            if wide > 0.5:  # (a crowded plot: that far from its bar it is nobody's) the usual margin
                at = reach.get_center()
                placer.take_back()
                if placer.place(reach, (origin + foot) / 2, foot - tip) > wide - 0.3:
                    placer.take_back()
                    reach.move_to(at)
                    placer.avoid_box(reach, pad=0.04)
            # the KEY's length (not the word's), at the precision the worked product writes it (|cat's key| = 1.903)
            length = label(f"|{tokens[best]}'s key| = {shortest(proj.length_b, places)}", th, size=24, color=th.key)
            # under the key's word, on the side away from the query (its perpendicular is on the other)
            word = self.qk_plane.arrow_for(tokens[best]).label
            placer.place(length, word.get_bottom() if word is not None else key_tip, foot - tip)
            marks.add(reach, length)
            figure.add(marks)  # part of the drawing: the plane's labels keep clear of them (placer)
        # when the focus word's own key scores first, that score is worked as a number only (the
        # query's numbers times its key's): its key lies along its query, and a shadow drawn on it hid
        # the key under the bar (r18); the geometric reading is the best other key's
        own_first = tokens[ranked(p.scores[i])[0]] == ex.focus
        query_vec.set_z_index(2)
        figure.set_z_index(1)
        # (r31g: the reach's thick bar lay over friends' arrow) the other keys over the bar: it
        # shows either side of cat's key, under friends'
        for w in words:
            if w != ex.focus:
                self.qk_plane.arrow_for(w).set_z_index(1.5)
        # left: the query the arrows are drawn from, and its learned score with every key
        # larger than vector_row's default: the left of the frame has the room (fit_region shrinks a long row)
        q_row = vector_row(p.q[i], th, name="projected.q[focus]", value_scale=self.vector_scale,
                           col_labels=feature_names("q", p.d_k), cell_w=KEY_CELL_W if keys_beside else QUERY_CELL_W,
                           cell_h=QUERY_CELL_H)
        score_row = self._score_column(p.scores[i], "projected.scores[focus]", tokens)
        self.shown += [q_row, score_row]
        q_name = label(f"{ex.focus}'s query", th, size=30, color=th.query)
        k_name = label("q · k" if keys_beside else "q · k: learned scores", th, size=28)
        k_col, key_head = None, VGroup()
        if keys_beside:
            k_col = self.grid(p.k, "projected.k", value_scale=self.vector_scale, cell_w=KEY_CELL_W, cell_h=STRIP_CELL_H,
                              number_size=STRIP_NUMBER_SIZE)
            numbers_larger(k_col, STRIP_NUMBER_SIZE)  # (all at one size: a shrunk negative read as less)
            k_col.shift(score_row.rects.get_corner(UP + LEFT) + LEFT * 0.2 - k_col.rects.get_corner(UP + RIGHT))
            score_row.col_labels.shift(LEFT * (k_col.rects.width + 0.2))
            self.shown.append(k_col)
            key_head = label("K = X·W_K", th, size=28, color=th.key)
            key_head.scale(min(1.0, k_col.rects.width / key_head.width))
            key_head.next_to(k_col.rects, UP, buff=0.15)
            k_name.next_to(score_row.rects, UP, buff=0.15).align_to(key_head, DOWN)
        # when the plot shows all of each query's and key's numbers there is nothing to warn of
        caveat = VGroup() if plane.exact else VGroup(
            label(f"{p.d_k} numbers per query and key:", th, size=22),
            label(f"this plot shows {plane.names[0]}, {plane.names[1]}", th, size=22)).arrange(DOWN, buff=0.1)
        # the worked score: the reach times the key's length
        def worked_product(reach_along: float, length_of: float, product: float, decimals: int, key: int) -> VGroup:
            line = VGroup(*([label("in this view:", th, size=26)] if not plane.exact else []),
                          label(shortest(reach_along, decimals), th, size=32, color=th.query), label("×", th, size=32),
                          label(shortest(length_of, decimals), th, size=32, color=th.key), label("=", th, size=32),
                          label(format_number(product), th, size=32)).arrange(RIGHT, buff=0.12)
            return line if not plane.exact else VGroup(line, products(key)).arrange(DOWN, buff=0.12, aligned_edge=RIGHT)

        def products(key: int) -> VGroup:
            """Under a worked score, the same score as the sum of products (q's numbers as the row
            above writes them, the key's): the dot product checks from the screen."""
            terms = dot_product(p.q[i], p.k[key])
            places_ = max(2, terms.decimals)
            # one term a line ("= 1.35·1.90", "+ 1.25·(−0.10)"): on one line it had to shrink to the column
            lines = VGroup()
            for c, (a, b) in enumerate(zip(terms.a, terms.b)):
                b_text = shortest(b, places_)
                lines.add(VGroup(label("+" if c else "=", th, size=30),
                                 label(shortest(a, places_), th, size=30, color=th.query), label("·", th, size=30),
                                 label(b_text if not b_text.startswith("−") else f"({b_text})", th, size=30,
                                       color=th.key)).arrange(RIGHT, buff=0.08))
            return lines.arrange(DOWN, buff=0.1, aligned_edge=RIGHT)

        formula = worked_product(proj.shadow, proj.length_b, worked, places, best)
        # the focus word's own score, a number only: "q · k = 3.19", its products under it (all of
        # them only where the plot shows all of the query's and key's numbers: else a column of d_k)
        own_line = VGroup(label("q · k", th, size=32), label("=", th, size=32),
                          label(format_number(p.scores[i, i]), th, size=32)).arrange(RIGHT, buff=0.12)
        own_formula = (VGroup(own_line, products(i)).arrange(DOWN, buff=0.12, aligned_edge=RIGHT) if plane.exact
                       else own_line)
        # the left 40 % of the frame, top to bottom: the query, its scores one word a line, and the
        # worked score under them; each no wider than the column on its own (a long query, 8
        # numbers, shrinks itself, not the scores with it)
        left_edge, left_right = -config.frame_width / 2 + 0.5, plot_left - 0.3
        for row in (q_row, score_row, formula):
            fit_width(row, left_right - left_edge)
        # (r28: a margin over the subtitles' band, the gaps a little tighter for it: the scores
        # stay at the text floor)
        scores_block = (VGroup(k_name, key_head, score_row, k_col) if keys_beside
                        else VGroup(k_name, score_row).arrange(DOWN, buff=0.15))
        left = VGroup(VGroup(q_name, q_row).arrange(DOWN, buff=0.12), scores_block, formula,
                      *([caveat] if caveat.submobjects else [])).arrange(DOWN, buff=0.15)
        fit_region(left, left_edge, left_right, bottom=BOTTOM + 0.18, grow=1.3)
        if keys_beside:  # the query's two columns over the keys' two
            left[0].shift(RIGHT * (k_col.rects.get_x() - q_row.rects.get_x()))
        own_formula.scale(formula[0][-1].height / own_line[-1].height)  # (the same glyphs' size, the same place)
        own_formula.align_to(formula, UP).align_to(formula, RIGHT)
        score_row.clear_fills()  # the scores are filled in as they are read off the picture
        # the focus word's query comes out of Q's row (still on screen as the last picture goes)
        arrival = ([FadeIn(VGroup(q_name, q_row.col_labels)),
                    *(Carry(q_table.cell(i, c), q_row.cell(0, c)) for c in range(p.d_k))] if q_table is not None
                   else [FadeIn(VGroup(q_name, q_row))])
        # K's rows (and its name) stay while the rest goes: the next sentence makes them the keys
        k_rows, k_formula = [], VGroup()
        if k_table is not None and q_table is not None:
            k_rows = [k_table.row(r).copy() for r in range(len(tokens))]
            k_formula = self.k_formula.copy()
            self.add(*k_rows, k_formula)
            # out of the plane's way, to the left column where the scores will stand (they come once
            # the rows have gone to their keys)
            k_group = VGroup(k_formula, *k_rows)
            if keys_beside:  # into the keys' column beside the scores, its name over it (they stay)
                k_there = VGroup(key_head.copy(), *(k_col.row(r).copy() for r in range(len(tokens))))
            else:
                k_there = k_group.copy()
                k_there.shift(np.array([score_row.rects.get_x(), k_name.get_top()[1], 0.0])
                              - np.array([VGroup(*k_there[1:]).get_x(), k_there.get_top()[1], 0.0]))
            # (once the query's row has risen past: they crossed on the way, r27)
            # (the query's row up first, quicker; the plane and the query after K has left its place)
            arrival = [*(during(a, 0.0, 0.5) for a in arrival),
                       *(during(Transform(m, there), 0.42, 0.82) for m, there in zip(k_group, k_there)),
                       # (r29r re-rater: K's rows stood unnamed at 42–46 s) the words by their rows as they land
                       *([during(FadeIn(score_row.col_labels), 0.75, 0.95)] if keys_beside else [])]
        plane_at, query_at = ((0.0, 1.0), (0.3, 1.0)) if not k_rows else ((0.5, 0.9), (0.62, 1.0))
        self.narrate(f"W_Q turns {ex.focus} into a query,", *arrival, during(FadeIn(self.qk_plane), *plane_at),
                     during(self.qk_plane.grow_one(query_vec), *query_at), run_time=1.5)
        # K's rows become the keys: each row's two numbers travel to its arrow's tip as the arrow
        # grows there (r26: K went with the table and the arrows grew from nothing)
        if k_rows:
            # (keys beside the scores: a copy of each row's coloured cells flies, out from under the
            # row, which stays in its column with its numbers: no number is drawn twice)
            fliers = ([VGroup(*(k_col.cell(r, c)[0].copy() for c in range(p.d_k))) for r in range(len(tokens))]
                      if keys_beside else k_rows)

            dots = []  # (keys beside the scores: the dots that carry each row to its key's tip)

            def exit_of(r: int) -> np.ndarray:  # just right of the row, at its own height (no row crosses another)
                return np.array([fliers[r].get_right()[0] + 0.05 + FLY_DOT_RADIUS, fliers[r].get_y(), 0.0])

            def fly(r: int):
                tip = self.qk_plane.c2p(keys[r])
                if not keys_beside:  # (the rows themselves go: right at their own height, then to their tips)
                    out = fliers[r].copy().set_x(plot_left + 0.1 + fliers[r].width / 2)
                    there = out.copy().scale(0.35).move_to(tip).set_opacity(0.0)
                    return Succession(Transform(fliers[r], out, run_time=0.4), Transform(fliers[r], there, run_time=0.6, remover=True))
                # (r31g: the rows' copies flew across the plot as rectangles over its axes and its
                # "−1") a dot grows at the row's right edge and rides to the key's tip, arriving as
                # the arrow's head does: nothing wide crosses the plot, nothing slides under the row
                start = exit_of(r)
                base = Circle(radius=FLY_DOT_RADIUS, color=th.key, fill_opacity=1.0, stroke_width=0).move_to(start)
                dot = base.copy().set_fill(opacity=0.0).set_z_index(4)
                dots.append(dot)

                def ride(m, a):  # grows (first 20 %), rides (to 85 %), fades at the tip
                    grown = clip01(a / 0.2)
                    at = start + smooth(clip01((a - 0.2) / 0.65)) * (tip - start)
                    m.become(base.copy().scale(max(grown, 0.02)).move_to(at)
                             .set_fill(opacity=1.0 - clip01((a - 0.85) / 0.15))).set_z_index(4)
                return UpdateFromAlphaFunc(dot, ride, rate_func=lambda t: t, remover=True)

            key_grows = LaggedStart(*(AnimationGroup(self.qk_plane.grow_one(self.qk_plane.vectors[w]),
                                                     *(during(fly(r), 0.0, 0.78) for r in range(len(tokens)) if tokens[r] == w))
                                      for w in words), lag_ratio=0.3)
            # a tick number a flying row passes over steps aside while the rows fly (r28f: over the
            # "−1"; r28f re-rater: still, a strip along the path's middle missed a tick under the
            # row's end): the row's box followed along its path, out of the column and to its tip
            def swept(r: int) -> list:
                w, h = fliers[r].width, fliers[r].height
                tip = self.qk_plane.c2p(keys[r])
                if not keys_beside:  # the row's box followed along its path, out of the column and to its tip
                    p0 = fliers[r].get_center()
                    p1 = np.array([plot_left + 0.1 + w / 2, p0[1], 0.0])
                    boxes = []
                    for a in np.linspace(0.0, 1.0, 25):
                        for centre, scale in ((p0 + a * (p1 - p0), 1.0), (p1 + a * (tip - p1), 1.0 - 0.65 * a)):
                            boxes.append((centre[0] - scale * w / 2 - 0.05, centre[1] - scale * h / 2 - 0.05,
                                          centre[0] + scale * w / 2 + 0.05, centre[1] + scale * h / 2 + 0.05))
                    return boxes
                p1 = exit_of(r)  # the dot's path, from the row's edge to the tip
                boxes = []
                pad = FLY_DOT_RADIUS + 0.06
                for a in np.linspace(0.0, 1.0, 41):
                    centre = p1 + a * (tip - p1)
                    boxes.append((centre[0] - pad, centre[1] - pad, centre[0] + pad, centre[1] + pad))
                return boxes

            paths_boxes = [b for r in range(len(tokens)) for b in swept(r)]
            crossed = [t for t in self.qk_plane.tick_labels
                       if any(boxes_overlap(box_of(t, 0.03), b) for b in paths_boxes)]
            kept = [t.get_fill_opacity() for t in crossed]

            def aside(t, o):  # out in the first 5 %, back in the last 8 % (one animation a tick)
                # (r30: at the default smooth rate, out in "12 %" took a fifth of the line, and the
                # "and" row flew across the "−1" before it had gone; linear, it is gone first)
                return UpdateFromAlphaFunc(t, lambda m, a, o=o: m.set_fill(opacity=o * (1.0 - min(1.0, a / 0.05, (1.0 - a) / 0.08))),
                                           rate_func=lambda t: t)
            ticks_off, ticks_on = [aside(t, o) for t, o in zip(crossed, kept)], []
            if keys_beside:
                # (over the plane's tick numbers as they pass: a tick printed inside a flying key read
                # as one of its numbers, r28f re-rater at 45 s)
                self.add(*dots)  # (unseen until each grows)
            self.narrate("W_K each word into a key, in a space of their own.",
                         during(FadeIn(VGroup(k_name, score_row.rects, *([] if keys_beside else [score_row.col_labels]))), 0.8, 1.0),
                         *([] if keys_beside else [during(FadeOut(k_formula), 0.0, 0.15)]), key_grows, *ticks_off, *ticks_on,
                         run_time=2.5)
            self.remove(*k_rows, k_formula, *dots)
            if keys_beside:  # (the rows carried in, as the column's own)
                self.add(k_col, key_head)
        else:
            self.narrate("W_K each word into a key, in a space of their own.",
                         FadeIn(VGroup(k_name, score_row.rects, score_row.col_labels)),
                         self.qk_plane.grow(words, lag_ratio=0.3), run_time=2.5)
        if caveat.submobjects:
            self.narrate(f"The plot shows two of their {p.d_k} numbers.", FadeIn(caveat), run_time=1.2)
        shadow = figure.animation() or self.qk_plane.highlight(tokens[best])
        # a tick number the shadow's bar lies over goes while the bar is drawn, and comes back when
        # it has gone (r25: the bar covered the "1")
        under_bar = []
        if figure.submobjects and figure.bold.family_members_with_points():
            bar = LabelPlacer((-100.0, -100.0, 100.0, 100.0))
            bar.avoid_strip(figure.bold.get_start(), figure.bold.get_end(), half_width=0.1)
            under_bar = [t for t in self.qk_plane.tick_labels if bar.conflicts(box_of(t, 0.03))]
        tick_fill = [t.get_fill_opacity() for t in under_bar]
        tick_out = [t.animate.set_fill(opacity=0.0) for t in under_bar]

        def tick_back() -> list:
            return [t.animate.set_fill(opacity=kept) for t, kept in zip(under_bar, tick_fill)]
        box = score_row.cell_box(0, best, th.key)
        # the other keys veiled whole (shaft, head and name) while one score is worked: the focus
        # word's own key can lie under its query, and another key under the shadow; each comes back
        # as its own score is said
        self._veiled = {}
        arrow = self.qk_plane.arrow_for
        self.narrate("A learned score is a query–key dot product:", FadeIn(box), self.qk_plane.highlight("query"),
                     Indicate(q_row, color=th.query, scale_factor=1.1),
                     *self._veil([arrow(w) for w in words if w != tokens[best]]), run_time=1.2)
        # the key named as its shadow is drawn: what follows is worked on it
        self.narrate(f"how far the query reaches along {tokens[best]}'s key,", shadow,
                     *(during(out, 0.0, 0.3) for out in tick_out),
                     *([during(FadeIn(marks[0]), 0.6, 1.0)] if marks else []), run_time=2.0)
        # (the worked product held readable some 2.5 s before the next line: r22, 1 s)
        self.narrate("times the key's length.", during(self.qk_plane.highlight(tokens[best]), 0.0, 0.4),
                     *([during(FadeIn(marks[1]), 0.0, 0.4)] if marks else []), during(FadeIn(formula), 0.1, 0.3),
                     during(reveal_cell(score_row, 0, best), 0.25, 0.45), run_time=3.6)
        own_box = VGroup()
        # the best other key's working and the own key's take turns (one drawing, one product at a time)
        def drawn_parts(fig, extra) -> list:  # what of a projection's working is on screen, piece by piece
            return [m for m in (fig.dashed, fig.corner, fig.bold, *extra) if m.family_members_with_points()]

        best_parts = drawn_parts(figure, [*marks, formula]) if figure.submobjects else []
        shown_parts = best_parts
        if own_first:  # its own key, which its query all but covers, comes out of the veil as it is said
            own_key = arrow(ex.focus)
            own_box = score_row.cell_box(0, i, th.key)
            # the best other key's shadow and product go (its key veiled), and its own score comes
            # as a number, the query's numbers times its key's, in the worked product's place
            reading = self._own_reading(i, worked_product, formula) if plane.exact and figure.submobjects else None
            if reading is not None:
                # (r27f) read the way cat's was, on the picture: how far the query reaches along its
                # own key (a bar beside the key, clear of it), times the key's length, and that
                # product in the worked product's place
                shown_parts = [reading.bar, reading.reach, reading.length, reading.formula]
                self.narrate(f"Its own key scores more, {format_number(p.scores[i, i])}: reach times length again.",
                             *(during(v, 0.0, 0.2) for v in self._veil([arrow(tokens[best])])),
                             *(during(u, 0.08, 0.28) for u in self._unveil([own_key])),
                             during(fade_out(*best_parts, box), 0.0, 0.18), during(FadeIn(own_box), 0.15, 0.3),
                             *(during(back, 0.2, 0.3) for back in tick_back()),
                             during(Create(reading.bar, lag_ratio=0.0), 0.3, 0.55), during(FadeIn(reading.reach), 0.45, 0.6),
                             during(FadeIn(reading.length), 0.58, 0.72), during(FadeIn(reading.formula), 0.68, 0.85),
                             during(reveal_cell(score_row, 0, i), 0.82, 1.0), run_time=4.0, through=True)
            else:
                shown_parts = [own_formula]
                self.narrate(f"Its own key scores more, {format_number(p.scores[i, i])}.",
                             *(during(v, 0.0, 0.3) for v in self._veil([arrow(tokens[best])])),
                             *(during(u, 0.1, 0.4) for u in self._unveil([own_key])),
                             during(fade_out(*best_parts, box), 0.0, 0.25), during(FadeIn(own_box), 0.2, 0.4),
                             during(FadeIn(own_formula), 0.35, 0.7), during(reveal_cell(score_row, 0, i), 0.7, 1.0),
                             *(during(back, 0.3, 0.45) for back in tick_back()),
                             run_time=2.5)
            # the best other key out of its veil as it is named (its working was shown: not drawn again)
            self.narrate(f"Next best is {tokens[best]}'s key, {format_number(p.scores[i, best])}.",
                         *self._unveil([arrow(tokens[best])]), Indicate(score_row.number(0, best), color=th.key),
                         FadeOut(own_box), FadeIn(box), run_time=1.5)
        else:
            self.narrate(f"{ex.focus}'s query meets {tokens[best]}'s key best, {format_number(p.scores[i, best])}.",
                         self.qk_plane.highlight(tokens[best]), Indicate(score_row.number(0, best), color=th.key),
                         run_time=1.5)
        # the worked product goes as the next beat starts; each other key comes out of its veil as
        # its score is written
        others = [j for j in range(len(tokens)) if j != best and not (own_first and j == i)]
        if keys_beside and plane.exact and others:
            # (r28f re-rater: −2.08, −1.43, 0.96 could not be checked) each in turn: its row (key and
            # score cell) boxed, its sum q1·k1 + q2·k2 in the worked product's place, its cell filled
            # from it, its arrow out of the veil; then the next (one sum on screen at a time)
            step, lead = 0.9, 0.35
            total = lead + step * len(others)

            def other_sum(j: int) -> VGroup:
                line = VGroup(label(f"{tokens[j]}:", th, size=32, color=th.key), label("q · k", th, size=32),
                              label("=", th, size=32), label(format_number(p.scores[i, j]), th, size=32)
                              ).arrange(RIGHT, buff=0.12)
                worked_sum = VGroup(line, products(j)).arrange(DOWN, buff=0.12, aligned_edge=RIGHT)
                worked_sum.scale(formula[0][3].height / line[2].height)  # (the same "=": the same glyphs' size)
                return worked_sum.align_to(formula, UP).align_to(formula, RIGHT)

            beats = []
            for k, j in enumerate(others):
                a = (lead + step * k) / total
                u = step / total
                row_box = SurroundingRectangle(VGroup(k_col.row(j), score_row.cell(0, j)), color=th.key, buff=0.04,
                                               stroke_width=4)
                shown_sum = VGroup(row_box, other_sum(j))
                # (in one Succession: a FadeIn and a fade-out of one thing side by side in a play left
                # it unseen)
                last = k == len(others) - 1
                # (held by the fade-out's own rate: it starts moving at 80 % of its time)
                beats += [during(Succession(FadeIn(shown_sum, run_time=0.2),
                                            *([] if last else [FadeOut(shown_sum, run_time=0.8, rate_func=_late)])),
                                 a, a + (0.2 if last else 1.0) * u),
                          during(AnimationGroup(reveal_cell(score_row, 0, j), *self._unveil([arrow(tokens[j])])),
                                 a + 0.25 * u, a + 0.5 * u)]
            self.narrate("The other keys score the same way.",
                         during(fade_out(*shown_parts, box), 0.0, 0.25 / total),
                         *(during(back, 0.1 / total, 0.3 / total) for back in (tick_back() if not own_first else [])),
                         *beats, run_time=total)
        else:
            self.narrate("The other keys score the same way.",
                         during(fade_out(*shown_parts, box), 0.0, 0.15),
                         *(during(back, 0.15, 0.25) for back in (tick_back() if not own_first else [])),
                         during(LaggedStart(*(AnimationGroup(reveal_cell(score_row, 0, j), *self._unveil([arrow(tokens[j])]))
                                              for j in others), lag_ratio=0.5), 0.1, 1.0),
                         run_time=0.6 * len(others) + 0.6)
        self.learned_scores = p.scores[i]
        # back to the ordinary drawing order: the veil that clears the picture must lie over them
        query_vec.set_z_index(0)
        figure.set_z_index(0)
        for w in words:
            if w != ex.focus:
                self.qk_plane.arrow_for(w).set_z_index(0)
        self.qk_plane.arrow_for(ex.focus).body.set_z_index(0)
        if getattr(self, "own_halo", None) is not None:
            self.own_halo.set_z_index(0)
        self.bring_to_front(query_vec)
        # the scores' strip stays while the rest goes: its numbers travel into the comparison,
        # where they are divided and turned into the learned weights (compare_attention)
        self.score_strip = score_row
        self._clearing = Veil(self, keep=[score_row])

    def _reach_side(self, plane, i: int, along: np.ndarray) -> np.ndarray:
        """The unit normal to the focus word's own key (`along`: its direction on screen) on the
        side with fewer other keys: where its reach is drawn (_own_reading)."""
        fig, p = self.qk_plane, self.first.projected
        normal = np.array([along[1], -along[0], 0.0]) / max(float(np.linalg.norm(along[:2])), 1e-9)  # clockwise
        others = [fig.c2p(xy) - fig.origin for j, xy in enumerate(plane.coordinates(p.k))
                  if j != i and np.linalg.norm(fig.c2p(xy) - fig.origin) > 1e-6]
        crowd = sum(float(np.dot(v[:2], normal[:2])) / max(np.linalg.norm(v[:2]), 1e-9) for v in others)
        return -normal if crowd > 0 else normal  # the emptier side

    def _own_reading(self, i: int, worked_product, formula):
        """The focus word's own score read on the picture as cat's was (r27f): the query's reach
        along its own key as a bar in the query's colour BESIDE the key (on the side away from the
        query, with thin dashed lines from the origin and from the query's tip across to its ends:
        on the key, the bar hid it), its value by it, the key's length by the key, and the worked
        product (reach × length = score, its products under it) in the worked product's place.
        None where the query casts no shadow on the key."""
        s, th = self.first, self.theme
        p, plane, fig = s.projected, query_key_plane(s.projected.q, s.projected.k), self.qk_plane
        proj = projection(p.q[i], p.k[i], plane)
        if proj.cos is None or proj.shadow <= 0:
            return None
        worked = proj.full_dot if plane.exact else proj.plane_dot
        places = factor_decimals(proj.shadow, proj.length_b, worked)
        origin, foot, q_tip = fig.origin, fig.c2p(proj.foot), fig.c2p(proj.a)
        along = (foot - origin) / np.linalg.norm(foot - origin)
        # the reach beside the key on the side of its line with fewer other keys, the key's length
        # on the other (r28: a plain bar offset beside the key read as a third vector: now a
        # measure with end ticks, below)
        normal = self._reach_side(plane, i, along)
        # (r29r re-rater: on the key's line, query, key and reach lay on top of each other and
        # "1.84" floated, nobody's) the reach as a measure BESIDE the key, on its emptier side: a
        # segment parallel to the key, just past the query band's edge, from the origin's level to
        # the foot's, with a short tick across each end (a dimension line, not a third vector), and
        # "1.84" written against its middle
        off = normal * OWN_REACH_OFFSET
        tick = normal * OWN_REACH_TICK
        start_, end_ = origin + off, foot + off
        bar = VGroup(Line(start_, end_, color=th.query, stroke_width=OWN_REACH_STROKE),
                     Line(start_ - tick, start_ + tick, color=th.query, stroke_width=3),
                     Line(end_ - tick, end_ + tick, color=th.query, stroke_width=3),
                     # the foot tied to its end (the query's tip lies just past the key's)
                     DashedLine(q_tip, end_ + tick, dash_length=0.05, color=th.muted, stroke_width=2))
        bar.set_z_index(2.5)
        placer = fig.placer()
        placer.avoid_strip(origin, foot + along * 0.15, half_width=0.15)  # the key and the query's band
        placer.avoid_strip(start_, end_ + along * 0.1, half_width=OWN_REACH_TICK + 0.04)  # the reach
        ticks_from = len(placer.boxes)
        for tick_label in fig.tick_labels:  # (r29m) "1.84" by the y axis's "1" read as "1 1.84"
            placer.avoid_box(tick_label, pad=0.4)  # (r30: at 0.2 it still touched the "1"; 0.2 again after it)
        shafts = [(origin, fig.c2p(xy)) for j, xy in enumerate(plane.coordinates(p.k))
                  if j != i and np.linalg.norm(fig.c2p(xy) - origin) > 1e-6]
        for a, b in shafts:  # no number on another key's shaft
            placer.avoid_strip(a, b, half_width=0.1)
        reach = label(shortest(proj.shadow, places), th, size=24, color=th.query)
        # against the segment's middle, out on its own side (nearer the middle where that is taken)
        mid_bar = (start_ + end_) / 2
        placer.place(reach, mid_bar + tick, normal)
        placer.avoid_box(reach, pad=0.15)
        # (the key's length, placed next, keeps the usual margin from the ticks: r30, with the wide one
        # it went up over the reach)
        placer.boxes[ticks_from:ticks_from + len(fig.tick_labels)] = [box_of(t, 0.2) for t in fig.tick_labels]
        name = s.tokens[i]
        key_tip = fig.c2p(proj.b)
        length = label(f"|{name}'s key| = {shortest(proj.length_b, places)}", th, size=24, color=th.key)
        # across the key from the reach, by the key: the place whose tie to the key is shortest and
        # crosses no other key and no axis (r29r re-rater: its line crossed friends' and cat's keys
        # and ran into the "|")
        axes = [(fig.axes.x_axis.get_start(), fig.axes.x_axis.get_end()), (fig.axes.y_axis.get_start(), fig.axes.y_axis.get_end())]
        tries = []
        for rank, frac in enumerate((0.55, 0.45, 0.65, 0.35, 0.75, 0.25)):
            at = origin + (key_tip - origin) * frac
            trial = length.copy()
            placer.place(trial, at - normal * 0.12, -normal)
            clash = placer.last_conflicts
            placer.take_back()
            end = nearest_point(trial, at)
            tie = float(np.linalg.norm(end - at))
            crosses = tie > 0.12 and any(segments_meet(at, end, a, b, touching=False)
                                         for a, b in [*shafts, *axes, (start_ - tick, end_ + tick), (q_tip, end_ + tick)])
            tries.append(((clash >= LabelPlacer.OVERLAP, crosses, clash, round(tie, 1), rank), frac))
        mid = origin + (key_tip - origin) * min(tries, key=lambda t: t[0])[1]
        placer.place(length, mid - normal * 0.12, -normal)
        placer.avoid_box(length, pad=0.15)
        if np.linalg.norm(nearest_point(length, mid) - mid) > 0.35:
            # tied to the key by a thin line that stops short of the text (r29r: it ran into the "|")
            length = VGroup(length, short_leader(mid, length, th.key))
        fig.figures += [bar, reach, length]  # drawn on the plane, as its parts
        worked_line = worked_product(proj.shadow, proj.length_b, worked, places, i)
        worked_line.scale(formula.height / worked_line.height)  # (the same lines: the same glyphs' size)
        worked_line.align_to(formula, UP).align_to(formula, RIGHT)
        return SimpleNamespace(bar=bar, reach=reach, length=length, formula=worked_line)

    def _clear_ticks(self, tips: np.ndarray, plane=None) -> None:
        """A tick number under an arrow moves across its axis, or, covered there too, is left
        out; one just past an arrow's point (cat's point ran into the "2", r25) is left out: moved
        across, it would stand on the word's name. (`plane`: the query-key plane by default.)"""
        plane = self.qk_plane if plane is None else plane
        heads, points = LabelPlacer((-100.0, -100.0, 100.0, 100.0)), LabelPlacer((-100.0, -100.0, 100.0, 100.0))
        for xy in tips:
            tip = plane.c2p(xy)
            along = tip - plane.origin
            if np.linalg.norm(along) > 1e-9:
                unit = along / np.linalg.norm(along)
                # the whole shaft (r25: cat's, running a little below the axis, covered the "1")
                heads.avoid_strip(plane.origin + unit * min(0.3, np.linalg.norm(along)), tip, half_width=0.14)
                points.avoid_strip(tip, tip + unit * 0.12, half_width=0.14)
        n_x = len(plane.x_range.ticks)
        for k, tick in enumerate(list(plane.tick_labels)):
            if points.conflicts(box_of(tick, 0.03)):
                plane.tick_labels.remove(tick)
                continue
            if not heads.conflicts(box_of(tick, 0.03)):
                continue
            axis_point = plane.origin
            if k < n_x:  # under the x axis: over it
                tick.shift(UP * 2 * (axis_point[1] - tick.get_y()))
            else:  # left of the y axis: right of it
                tick.shift(RIGHT * 2 * (axis_point[0] - tick.get_x()))
            if heads.conflicts(box_of(tick, 0.03)):
                plane.tick_labels.remove(tick)

    def _veil(self, vectors) -> list:
        """Animations fading `vectors` whole (shaft, head and name, which focus_on leaves: it keeps
        a piece with parts of its own) to VEILED of their opacity; _unveil brings them back."""
        anims = []
        for vec in vectors:
            for leaf in vec.family_members_with_points():
                if id(leaf) not in self._veiled:
                    fill, stroke = leaf.get_fill_opacity(), leaf.get_stroke_opacity()
                    self._veiled[id(leaf)] = (fill, stroke)
                    anims.append(leaf.animate.set_fill(opacity=fill * VEILED).set_stroke(opacity=stroke * VEILED))
        return anims

    def _unveil(self, vectors) -> list:
        anims = []
        for vec in vectors:
            for leaf in vec.family_members_with_points():
                kept = self._veiled.pop(id(leaf), None)
                if kept is not None:
                    anims.append(leaf.animate.set_fill(opacity=kept[0]).set_stroke(opacity=kept[1]))
        return anims

    def compare_attention(self):
        """The focus word's attention row two ways: simplified (Q = K = X, ÷ √d) and learned (the
        learned scores ÷ √d_k); under the rows, each word's two weights as bars side by side. The
        largest learned weight's change is then split between its two causes in one line: what
        W_Q and W_K alone give at the same √d, and what the divisor √d_k makes of it
        (attention_math.story.divisor_split)."""

        s, ex, th = self.first, self.example, self.theme
        tokens = list(s.tokens)
        i = self.focus_row(s)
        d, d_k = ex.d, s.projected.d_k
        root_d = format_number(scale_factor(d))
        # each row's name says what it holds: softmax's weights (r15: "Q·Kᵀ ÷ √4" over weights read as false)
        specs = [("simple.weights[focus]", s.simple.weights[i], "simplified", f"softmax(X·Xᵀ/√{d})", th.text),
                 ("projected.weights[focus]", s.projected.weights[i], f"learned: d_k = {d_k}",
                  f"softmax(Q·Kᵀ/√{d_k})", th.query)]
        # each row's bars: its colour (the simplified grey, the learned gold)
        looks = [(th.muted, 0.8), (th.query, 1.0)]
        rows, table = [], VGroup()
        for k, (name, values, role, formula, colour) in enumerate(specs):
            # large cells (their numbers grow with them); every row takes the first row's cell width
            # (widened there for the words above it)
            row = vector_row(values, th, name=name, value_scale=1.0, col_labels=tokens if k == 0 else None,
                             cell_w=rows[0].cell_w if rows else COMPARE_CELL_W, cell_h=COMPARE_CELL_H)
            self.shown.append(row)
            rows.append(row)
            title = VGroup(label(role, th, size=28, color=colour), label(formula, th, size=26))
            title.arrange(DOWN, buff=0.08, aligned_edge=LEFT).next_to(row.rects, LEFT, buff=0.4)
            # the key to the bars: a swatch of this row's bar colour before its name (title[2])
            swatch = Rectangle(width=0.26, height=0.3, stroke_width=0, fill_color=looks[k][0], fill_opacity=looks[k][1])
            title.add(swatch.next_to(title[0], LEFT, buff=0.09))
            table.add(VGroup(title, row))
        table[1].shift(rows[0].rects.get_left() - rows[1].rects.get_left() + DOWN * COMPARE_ROW_STEP)
        # the names a legend column: swatches one under the other, names and formulas starting level
        legend_left = min(t[0].get_left()[0] for t in table)
        for t in table:
            t[0].shift(RIGHT * (legend_left - t[0].get_left()[0]))
        # the learned row worked where it will stand: the scores (carried from the strip), ÷ √d_k,
        # then softmax gives its weights (r14: the scores went and the weights came unlinked)
        learned = s.projected
        # the scores and √d_k written to the decimals at which each divided score checks against them
        # (r24: 3.19 ÷ 1.41 = 2.26 beside a written 2.25; 3.188 ÷ 1.414 = 2.25)
        score_places, root_places = division_decimals(learned.scores[i], learned.scaled[i], scale_factor(d_k))
        root_k = shortest(scale_factor(d_k), root_places)
        score_line, scaled_line = (
            vector_row(values, th, name=name, value_scale=self.score_scale, cell_w=rows[0].cell_w, cell_h=COMPARE_CELL_H,
                       decimals=places)
            for values, name, places in ((learned.scores[i], "projected.scores[focus]", score_places),
                                         (learned.scaled[i], "projected.scaled[focus]", 2)))
        if score_places > 2:
            # every score to the same decimals (r26: 3.188 and −1.425 beside 2.44 and 0.96; 2.440 here),
            # said so beside the row while it holds them
            score_line = MatrixGrid(learned.scores[i][None, :], th, name="projected.scores[focus]",
                                    value_scale=self.score_scale, cell_w=rows[0].cell_w, cell_h=COMPARE_CELL_H,
                                    decimals=score_places, trim_zeros=False)
        for line in (score_line, scaled_line):
            line.shift(rows[1].rects.get_center() - line.rects.get_center())
            self.shown.append(line)
        numbers_larger([score_line, scaled_line], 30)
        # the divisor beside the divided row while it is read
        divided_by = label(f"÷ √{d_k} = {root_k}", th, size=26, color=th.focus).next_to(rows[1].rects, RIGHT, buff=0.3)
        # (where the divisor comes, and gone before it: the scores' decimals while the row holds them)
        places_note = (label(f"to {score_places} decimals", th, size=26, color=th.muted).next_to(rows[1].rects, RIGHT, buff=0.3)
                       if score_places > 2 else VGroup())
        # the split of the largest learned weight's change, right of the learned row (said with it)
        split = divisor_split(specs[0][1], s.projected_at_d.weights[i], specs[1][1])
        effect = divisor_effect(d, d_k)
        # why the largest loss: the row of W_K that turns the dropped words' keys away from the
        # query (story.key_row_behind_drops), that row drawn right of the learned row as W_K drew it
        learned_p = s.projected
        drop = key_row_behind_drops(learned_p.q[i], s.input, learned_p.w_k, specs[0][1], specs[1][1])
        why = VGroup()
        if drop is not None:
            # (cells as wide as the rows': its numbers as large as theirs)
            k_row = vector_row(learned_p.w_k[drop.row], th, name=f"projected.w_k[{drop.row}]", value_scale=self.vector_scale,
                               cell_w=rows[0].cell_w, cell_h=COMPARE_CELL_H)
            numbers_larger([k_row], 32)
            self.shown.append(k_row)
            why = VGroup(label(f"W_K, {ex.dims[drop.row]} row", th, size=26, color=th.key), k_row
                         ).arrange(DOWN, buff=0.12).next_to(rows[1].rects, RIGHT, buff=0.2).align_to(rows[1].rects, DOWN)
        # the changes seen as heights, not only read: under the rows, each word's two weights as
        # bars in its column (the simplified grey, the learned gold), growing as their row fills
        self.compare_bars = self._weight_bars(rows, [spec[1] for spec in specs], looks)
        # the whole frame below the heading: the closing formulas take the frame after it (conclude)
        # (44 px from the frame's edges, r25: 32; the gap to W_K's row and the swatches' narrower for it)
        # (r33c: the payoff drawn small on a half-used frame) W_K's row, bound for the plane when the plane
        # comes, is left out of the fit: the comparison takes the frame's width and height
        key_plane = query_key_plane(learned_p.q, learned_p.k)
        to_plane = drop is not None and key_plane is not None and key_plane.exact
        before_w = table.width
        fitted = VGroup(table, divided_by, places_note, *([] if to_plane else [why]), self.compare_bars, score_line,
                        scaled_line)
        # the bars as tall as the frame's height allows at the scale its width gives (taller, the fit
        # would shrink every word under the text floor): the whole frame, its words at their size
        width_scale = min(1.6, 13.24 / fitted.width)
        over = fitted.height - (TOP - BOTTOM) / width_scale
        if over > 0:
            fitted.remove(self.compare_bars)
            self.compare_bars = self._weight_bars(rows, [spec[1] for spec in specs], looks,
                                                  tall=max(BAR_HEIGHT - over - 0.02, 2.0))
            fitted.add(self.compare_bars)
        fit_region(fitted, -6.62, 6.62, top=TOP, bottom=BOTTOM, grow=1.6)
        if to_plane and len(why.submobjects):  # (at the comparison's scale, right of the learned row, bottoms level)
            why.scale(table.width / before_w).next_to(rows[1].rects, RIGHT, buff=0.2).align_to(rows[1].rects, DOWN)
        self.compare_rows, self.compare_table = rows, table
        titles = [t[0] for t in table]
        # while the learned row holds its scores, then those ÷ √d_k, its name says so (then the weights')
        stages = [label(f"Q·Kᵀ ({ex.focus})", th, size=26), label(f"Q·Kᵀ/√{d_k}", th, size=26)]
        grown = titles[1][1].width / label(specs[1][3], th, size=26).width  # (the scale fit_region gave the names)
        for stage in stages:
            stage.scale(grown).align_to(titles[1][1], LEFT).align_to(titles[1][1], DOWN)
        stages[1][-1 - len(str(d_k)):].set_color(th.focus)
        self.compare_names, self.learned_stages = [t[0][1] for t in table], stages
        strip = getattr(self, "score_strip", None)
        if strip is not None:  # the learned scores travel from their strip into the learned row's place
            # each along its own line: right at its own height to under its column, then up into it
            # (straight, the five crossed and printed over each other)
            arrive = [(FadeOut(strip.col_labels), 0.0, 0.2),
                      *((Carry(strip.cell(0, j), score_line.cell(0, j),
                               [(0.5, np.array([score_line.cell(0, j).get_x(), strip.cell(0, j).get_y(), 0.0]))],
                               resize=(0.5, 1.0)), 0.2, 1.0) for j in range(len(tokens)))]
            # the cells leave with their travelling copies (taken above); they go from the scene once the
            # veil is down (removed now, a group the last play made of them and of the keys' arrows
            # would be split, and the arrows would stay over the veil)
            for j in range(len(tokens)):
                strip.cell(0, j).set_opacity(0.0)
        else:
            arrive = [(FadeIn(score_line), 0.5, 1.0)]
        # both versions in as they are named, each beside its numbers (r24: the simplified name stood
        # beside an empty row for a second and a half): the simplified row fills, the learned scores arrive
        # (r28f) the learned row's ": d_k = 2" comes in as it is said ("Now the learned scores: d_k = 2"), "learned" first
        said_dk = titles[1][0][len("learned"):] if getattr(titles[1][0], "original_text", "").startswith("learned:") else VGroup()
        said_dk.set_opacity(0.0)
        # (r29m: the base's veil took the plot and the tables in 0.4 s, read as a cut) the old
        # picture fades over the first second as the scores start out, the new names after it
        veil, self._clearing = self._clearing, None
        going = [during(veil.lower(), 0.0, 0.3)] if veil is not None else []
        self.narrate(f"Two versions of {ex.focus}'s attention row.",  # (a sentence opens on a capital, not on the word)
                     *going,
                     # after the strip's words have gone (r25: "Q·Kᵀ (mouse)" came in over "cat" and "and")
                     during(FadeIn(VGroup(titles[1][0], titles[1][2], stages[0])), 0.3, 0.45),
                     *(during(a, 0.08 + 0.6 * a_start, 0.08 + 0.6 * a_end) for a, a_start, a_end in arrive),
                     during(FadeIn(titles[0]), 0.66, 0.78),
                     during(AnimationGroup(FadeIn(rows[0].col_labels), self._fill_row(rows[0])), 0.68, 1.0), run_time=3.0)
        if veil is not None:
            veil.hidden()
            self.remove(veil.sheet)
        if strip is not None:
            self.remove(*(m for j in range(len(tokens)) for m in strip.cell(0, j)))
        # (the legend pointed at grows from its left edge: about its centre it came within 19 px of
        # the frame's edge, r25)
        self.narrate("First the simplified one.", titles[0].animate(rate_func=there_and_back).scale(1.05, about_edge=LEFT),
                     # (the carried scores land written to 3 decimals as the last play ends: said so then)
                     during(FadeIn(places_note), 0.0, 0.2),
                     FadeIn(self.compare_bars[0]), self._grow_bars(0), run_time=1.8)
        score_cells = VGroup(*(score_line.cell(0, j) for j in range(len(tokens))))
        # the learned row worked in turn as it is said: its scores, ÷ √d_k in place (the divisor
        # beside it), then softmax's weights; its name follows its values
        self.narrate(f"Now the learned scores: d_k = {d_k}, so divided by √{d_k} = {root_k}, then softmax.",
                     during(VGroup(titles[1][0], titles[1][2]).animate(rate_func=there_and_back).scale(1.05, about_edge=LEFT),
                            0.0, 0.25),
                     # (after the pulse, which would set it back: its opacity is this one's)
                     UpdateFromAlphaFunc(said_dk, lambda m, a: m.set_fill(opacity=clip01((a - 0.06) / 0.08))),
                     during(FadeOut(stages[0]), 0.2, 0.3), during(FadeOut(places_note), 0.2, 0.3),
                     blink(stages[1], (0.3, 0.38), (0.76, 0.83)),
                     blink(divided_by, (0.32, 0.38), (0.74, 0.8)), during(FadeIn(titles[1][1]), 0.83, 0.9),
                     during(Succession(change_in_place(score_cells, scaled_line, grow=False),
                                       AnimationGroup(during(FadeOut(scaled_line), 0.6, 0.8),
                                                      during(self._fill_row(rows[1]), 0.7, 1.0),
                                                      during(self._grow_bars(1), 0.7, 1.0), run_time=2.6)), 0.2, 1.0),
                     run_time=5.5)
        split_parts = VGroup()
        if effect is not None:
            # (r30: said last, the viewer credited W_Q and W_K with the whole 0.43 → 0.54 for half a
            # minute) the largest learned weight's change in its two parts as soon as the learned row
            # stands, drawn on its bar: up to W_Q and W_K's value at the same √d (a line across the
            # bar, the part above it faint), then the divisor √d_k's part above the line in the
            # divisor's colour
            size = "smaller" if effect == "sharper" else "larger"
            guide = self.compare_bars[0][2]
            split_mark = self._split_mark(split, d, d_k)
            word_box = rows[1].cell_box(0, split.word, th.focus)
            self.narrate(f"At the same √{d}, W_Q and W_K alone give {tokens[split.word]} {format_number(split.same)};"
                         f" the {size} √{d_k} makes it {format_number(split.learned)}.",
                         *([during(guide.animate.set_opacity(0.0), 0.0, 0.08)] if len(guide) else []),  # (it ran through the values)
                         # (each part as it is said: 0.46 about halfway, 0.54 at the end)
                         during(FadeIn(split_mark.plain), 0.05, 0.2),
                         # the cap faint over the bar, then in the divisor's colour: one updater (r30: as two
                         # .animate plays, the later one held the cap clear until it began, never faint)
                         UpdateFromAlphaFunc(split_mark.cap, lambda m, a: m.set_fill(
                             interpolate_color(ManimColor(th.background), ManimColor(th.focus), clip01((a - 0.66) / 0.18)),
                             opacity=0.7 * clip01((a - 0.1) / 0.15) + 0.3 * clip01((a - 0.66) / 0.18)), rate_func=lambda t: t),
                         during(AnimationGroup(Create(split_mark.line), FadeIn(split_mark.same)), 0.3, 0.5),
                         during(FadeIn(split_mark.learned), 0.68, 0.86), during(FadeIn(word_box), 0.72, 0.9),
                         run_time=4.0, through=True)
            split_parts = VGroup(split_mark.plain, split_mark.cap, split_mark.line, split_mark.same, split_mark.learned,
                                 word_box)
        gain, loss = largest_changes(specs[0][1], specs[1][1])
        # (the split word's change is said above: the others that move most)
        changed = [j for j in (gain, loss) if j is not None and not (effect is not None and j == split.word)]
        marks = VGroup(*(self._change_mark(rows[0], rows[1], j, th.query) for j in changed))
        if changed:
            # "the word 'and'": heard, a bare word would pass for part of the sentence
            said = ", ".join(f"the word '{tokens[j]}', {format_number(specs[0][1][j])} → {format_number(specs[1][1][j])}"
                             for j in changed)
            # each change drawn as its word is said, over the whole sentence (r24: 4 s of still frame)
            share = 1.0 / len(changed)
            self.narrate(f"{'Others move' if split_parts.submobjects else 'The weights move'}: {said}.",
                                  *(during(drawn(m), share * (k + 0.1), share * (k + 0.75)) for k, m in enumerate(marks)),
                                  run_time=1.6 * len(changed), through=True)
        why_boxes, regrow = VGroup(), None
        if drop is not None:
            # why the largest loss: W_K's row for that dim, drawn beside the learned row, and the
            # words whose keys it turns away boxed in the key's colour, in the order said
            why_boxes = VGroup(*(rows[1].cell_box(0, j, th.key) for j in drop.words))
            quoted = [f"'{tokens[j]}'" for j in drop.words]
            whose = "the key" if len(quoted) == 1 else "the keys"
            # (what key_row_behind_drops checks: those scores are below zero because of that row,
            # and those words lose weight; not how much of the loss the row explains)
            # the query-key plane back, small, right of the bars: the query, the keys that turn
            # away (each swung from its key without that row's part to its key, the row's part
            # added) with its learned score beside it, and the key of the word that rises next
            turned = self._turned_keys(rows, drop, specs[0][1], specs[1][1], changed, why, marks)
            plane_in = []
            if turned is not None:
                # the comparison steps aside to the left (smaller, every word still above the text
                # floor) and the plane comes in at its right; W_K's row beside the learned row there
                why_boxes = turned.boxes
                fig = turned.fig
                # (r32: "W_K's grammar row" was said with W_K off screen) the row itself, its numbers, in
                # the plane's free corner under the x axis, right of the turned keys, in as it is named
                chip = why
                why = VGroup()
                if len(chip.submobjects):
                    # (the plane's lower right, clear of every key's name and line: its right edge at
                    # the plane's, the highest place under the x axis that overprints nothing)
                    taken = ([m for v in fig.vectors.values() for m in v.submobjects] + list(fig.tick_labels)
                             + [m for cause in (turned.causes if turned is not None else []) if cause for m in cause[:2]])
                    # (r36) under W_K's row, each turned word's share of it as W_K adds it to that word's key:
                    # "× 1.60 (and) =" and the row's part in cells under the row's cells (story.row_part_built's
                    # numbers, as written), each in as its key is built
                    k_row, title = chip[1], chip[0]
                    names_over = [getattr(v, "label", None) for v in fig.vectors.values()]
                    names_over = {id(m) for m in names_over if m is not None}
                    # (its cells a quarter smaller here, numbers 24: room under it for the parts)
                    k_row.scale(0.75)
                    numbers_larger([k_row], 23)  # (as large as the smaller cells allow: 21.5 scaled, r36)
                    # (r38: room for each working named in full) the block's cells squat, its words at the
                    # text floor
                    for rect in k_row.rects:
                        rect.stretch_to_fit_height(SQUAT_CELL_H)
                    chip.submobjects[0] = title = label(title.original_text, th, size=SMALLEST_TEXT, color=th.key)
                    chip.arrange(DOWN, buff=0.05, aligned_edge=RIGHT)
                    # (r38, reviewer c: the row was never drawn as a direction) a short arrow left of the
                    # row's cells, the way the row points in the plane, in the parts' red: each red part
                    # on the plane is this arrow, some multiple of it
                    heading = np.asarray(learned_p.w_k[drop.row], dtype=float)[:2]
                    pointer = VGroup()
                    if np.linalg.norm(heading) > 1e-9:
                        step = 0.45 * heading / np.linalg.norm(heading)
                        pointer = Arrow(ORIGIN, [step[0], step[1], 0.0], buff=0, color=th.negative, stroke_width=5,
                                        tip_length=0.16, max_tip_length_to_length_ratio=0.4,
                                        max_stroke_width_to_length_ratio=20).next_to(k_row, LEFT, buff=0.2)
                        chip.add(pointer)
                    lines = {}
                    for k, j in enumerate(drop.words):
                        if turned is None or turned.causes[k] is None:
                            continue
                        built = self.turned_built.get(tokens[j])  # (set by _turned_keys, which made `turned`)
                        if built is None:
                            continue
                        cells = vector_row(np.array([parse_number(t) for t in built.part]), th, name=f"key_part[{j}]",
                                           value_scale=self.vector_scale, cell_w=k_row.cell_w, cell_h=COMPARE_CELL_H)
                        cells.match_width(k_row.rects)
                        numbers_larger([cells], 23)
                        for rect in cells.rects:
                            rect.stretch_to_fit_height(SQUAT_CELL_H)
                        # ("× 1.60 =" under the row's name: with the word, "× 1.60 (and) =" ran on from the
                        # key's name "and −2.08" beside it; the part's arrow grows as it comes, on that key)
                        # (r38, reviewers c and d: "× 1.60" unlabelled, X off screen since 30 s) the word
                        # and its value of the row's dim named on the line: "and: grammar 1.60 × row ="
                        # (the same, shorter, where the plane has no room for it: the word and its value,
                        # then the value alone, as before)
                        wordings = [f"{tokens[j]}: {ex.dims[drop.row]} {built.factor} × row =",
                                    f"{tokens[j]}: {built.factor} × row =", f"× {built.factor} ="]
                        lines[k] = (VGroup(label(wordings[0], th, size=SMALLEST_TEXT, color=th.key), cells),
                                    abs(parse_number(built.factor)), wordings)
                    # W_K's row named on its own line beside it, each word's part under it, right-aligned; all
                    # the turned words' where that fits clear of every key and name, else the largest part's
                    # alone (and's: all of its key), else none (the ghost and the part drawn still)
                    strongest = sorted(lines, key=lambda k: -lines[k][1])[:1]
                    block = None
                    # (r38) the wording named in full first, on the cells' line or on its own line over them
                    tries = [(sorted(lines), 0, False), (sorted(lines), 0, True), (strongest, 0, False), (strongest, 0, True),
                             (strongest, 1, False), (strongest, 2, False), ([], 0, False)]
                    for chosen, wording, stacked in tries:
                        parts, above = VGroup(), k_row
                        for k in chosen:
                            line, _, wordings = lines[k]
                            line.submobjects[0] = label(wordings[wording], th, size=SMALLEST_TEXT, color=th.key)
                            if stacked:  # (the words right-aligned over the cells they name)
                                line[0].next_to(above, DOWN, buff=0.05).align_to(k_row, RIGHT)
                                line[1].next_to(line[0], DOWN, buff=0.04).align_to(k_row, RIGHT)
                            else:
                                line[1].next_to(above, DOWN, buff=0.06).align_to(k_row, RIGHT)
                                line[0].next_to(line[1], LEFT, buff=0.15)
                            parts.add(line)
                            above = line[1]
                        block = VGroup(chip, parts)
                        block.set_x(config.frame_width / 2 - 0.4 - block.width / 2)
                        block.shift(UP * (fig.origin[1] - 0.4 - block.get_top()[1]))

                        def clashes(pieces=(title, k_row, *pointer, *(piece for line in parts for piece in line))) -> bool:
                            # (each piece of the block on its own, 0.4 clear at the sides, 0.08 above and below:
                            # a name beside it on its line must not read as its start; r38, reviewer c: "cat
                            # 2.44" just over "W_K, grammar row" read as the block's head: 0.35 under a name)
                            def gap(m):
                                return 0.35 if id(m) in names_over else 0.08
                            return any(c.get_left()[0] < m.get_right()[0] + 0.4 and m.get_left()[0] < c.get_right()[0] + 0.4
                                       and c.get_bottom()[1] < m.get_top()[1] + 0.08 and m.get_bottom()[1] < c.get_top()[1] + gap(m)
                                       for c in pieces for m in taken if m.has_points() or len(m.submobjects))

                        while clashes() and block.get_bottom()[1] - 0.05 >= BOTTOM + 0.05:  # (its foot over the subtitles' band)
                            block.shift(DOWN * 0.05)
                        if not clashes():
                            self.turned_wording = (len(chosen), wording, stacked)
                            break
                    for k in lines:
                        if turned.causes[k] is not None:
                            ghost, part, _ = turned.causes[k]
                            if not any(lines[k][0] is p for p in parts):
                                # (r38, reviewer c: are's key grew straight from the origin, no "before")
                                # a push whose working has no room is still drawn, ghost then part then
                                # swing, the same grammar row's direction as the written one's
                                turned.causes[k] = (ghost, part, VGroup())
                                self.turned_causes[tokens[drop.words[k]]] = turned.causes[k]
                                continue
                            turned.causes[k] = (ghost, part, lines[k][0])
                            if len(turned.causes[k][2]):
                                fig.figures.append(turned.causes[k][2])
                            self.turned_causes[tokens[drop.words[k]]] = turned.causes[k]
                    fig.figures.append(chip)  # drawn on the plane, as its part (as contexts' named pieces)
                    why = chip
            if turned is not None:
                # (r33e: the sentence ran 4 s ahead of its picture while the layout reshuffled) the
                # comparison steps aside first, in one move, before a word is said of it
                self.play(during(FadeOut(VGroup(marks, split_parts)), 0.0, 0.2), *turned.shrink, run_time=1.1)
            # (r39, reviewer d: the turn drawn on a side panel, one unit ~90 px, are's ghost a 20 px stub
            # beside a boxed chart: two focal points) the camera in on the plane's turned keys, their
            # ghosts, the row's parts and W_K's row with its working, as on the worked entry (9–18 s);
            # what the view would cut hidden while it is in, back as it goes out, before the boxes
            zoom_in, zoom_back, self.turned_zoom, heading_cover, zoomed, out = [], [], None, None, None, 0.0
            self.zoomed_notes, self.zoomed_note_mobs = {}, []
            if turned is not None:
                framed = [Dot(fig.origin, radius=0.01),
                          *(fig.vectors[tokens[j]] for j in drop.words),
                          *(m for cause in turned.causes if cause for m in cause), *([why] if len(why.submobjects) else [])]
                centre, share = self.zoom_target(*framed)
                if share < 0.95:
                    late = [v for v in fig.vectors.values() if all(v is not fig.vectors[tokens[j]] for j in drop.words)]
                    # (the plane's lines, axes and the query, run on past the view's edge: only its words,
                    # cut, are hidden; the heading goes with the camera)
                    plane_family = {id(m) for m in fig.get_family()} | {id(m) for v in late for m in v.get_family()}
                    below = [m for m in self.cut_by_zoom(framed, [*self.mobjects, *fig.tick_labels, *late],
                                                         keep=[self.heading])
                             if id(m) not in plane_family or isinstance(m, ManimText)]
                    # (one focal point: the comparison's rows and bars, whole in the view's corner, out of it too)
                    below += [piece for mob in self.mobjects if mob is not self.heading and id(mob) not in plane_family
                              for piece in pieces(mob) if all(piece is not b for b in below)]
                    on_screen = {id(m) for m in self.get_mobject_family_members()}
                    hidden = hidden_while_zoomed([m for m in below if id(m) in on_screen])
                    # (pieces still to come that the view would cut: drawn unseen, shown as it goes out)
                    unseen = [m for m in below if id(m) not in on_screen]
                    for m in unseen:
                        m.set_opacity(0.0)
                    self.turned_zoom = (centre, share)
                    # (r41: close, mouse's query ran on up through the heading's words) the heading over a
                    # cover of the background while the view is close (it goes with the camera, as the heading
                    # does: added before the moves are built, which carry it); taken off once the view is back out
                    heading_cover = (BackgroundRectangle(self.heading, color=th.background, fill_opacity=1.0, buff=0.1),
                                     self.heading.z_index)
                    self.heading.add_to_back(heading_cover[0])
                    self.heading.set_z_index(10)
                    zoom_in = [*(during(move, 0.0, 0.2) for move in self.zoom_on(*framed).animations),
                               *(during(hide, 0.0, 0.1) for hide in hidden[0])]
                    restore = hidden[1]
                    # (r41: the notes at the zoomed view's size, so read, then faded, before the view goes
                    # out: shrunk with it they passed under the text floor) the view out after them where
                    # there are notes
                    zoomed = self._zoomed_working(fig, turned, drop, centre, share, learned_p.q[i], why)
                    # (the scores pointed at while close, 0 to `out`; the view out from `out`)
                    out = 0.34 if zoomed.notes or zoomed.query is not None else 0.0
                    zoom_back = [*(during(move, out, out + 0.35) for move in self.zoom_out().animations),
                                 *(during(back, out + 0.3, out + 0.4) for back in restore()),
                                 *(during(m.animate.set_opacity(1.0), out + 0.3, out + 0.4) for m in unseen)]
                    # (r41a/b: are's ghost, red part and swing unlabelled, mouse's query run off the view
                    # unnamed) while the view is close, each step of a turned key's working named beside its
                    # arrow, at the zoomed view's text size (story.turned_key_working), and the query named
                    # inside the view; the key's own name waits for the view to go out (the note names it)
                    for name in zoomed.waiting:
                        zoom_back.append(during(name.animate.set_opacity(name.kept_opacity), out + 0.32, out + 0.42))
                    zoom_back += [during(FadeOut(m), max(0.0, out - 0.1), max(0.1, out)) for m in zoomed.early_out]
                    zoom_back += [during(FadeOut(m), max(0.25, out - 0.08), max(0.35, out)) for m in zoomed.late_out]
            if turned is not None:
                # the query, the block, the risen key, then each turned key built (ghost, part, swing), each
                # in its window of the sentence: the first with its working named at the zoomed view the longest
                windows = [(0.27 + 0.72 * k / len(turned.swings), 0.72 / len(turned.swings)) for k in range(len(turned.swings))]
                if zoomed is not None and zoomed.notes:
                    named_first = min(zoomed.notes)
                    rest = [k for k in range(len(turned.swings)) if k != named_first]
                    windows[named_first] = (0.2, 0.52)
                    for n, k in enumerate(rest):
                        windows[k] = (0.72 + 0.27 * n / len(rest), 0.27 / len(rest))
                plane_in = [during(FadeIn(fig), 0.0, 0.08), during(fig.grow_one(turned.query), 0.05, 0.18),
                            *([during(FadeIn(why, shift=UP * 0.15), 0.15, 0.3)] if len(why.submobjects) else []),
                            *([during(fig.grow_one(turned.rise), 0.15, 0.28)] if turned.rise is not None else []),
                            *(part for k, swing in enumerate(turned.swings)
                              for part in self._built_swing(swing, turned.causes[k], *windows[k],
                                                            zoomed.notes.get(k) if zoomed is not None else None))]
                if zoomed is not None and zoomed.query is not None:
                    plane_in.append(during(FadeIn(zoomed.query), 0.12, 0.2))
            # the keys turn as the row is named, their scores beside them; then the scores' gap to the
            # others is said (softmax reads gaps, not signs: story.turned_scores_sentence, r33e)
            self.narrate(f"W_K's {ex.dims[drop.row]} row turns {whose} of {listed(quoted)} away from {ex.focus}'s query.",
                         *([during(FadeOut(VGroup(marks, split_parts)), 0.0, 0.05)] if turned is None else []),
                         *zoom_in, *plane_in, *([during(FadeIn(why), 0.05, 0.3)] if turned is None else []),
                         # (r38: each key built, ghost, part and swing, in about 1.2 s; r39: +1 s, the camera in)
                         run_time=((6.0 if zoomed is not None and zoomed.notes else 4.4) if zoom_in else 3.4)
                         if turned is not None else 2.5, through=True)
            scored = [self.turned_scores[tokens[j]] for j in drop.words if tokens[j] in getattr(self, "turned_scores", {})]
            if zoomed is not None:  # (a key whose name waits: its note, score and all, is what is on screen)
                scored = [zoomed.by_name.get(id(m), m) for m in scored]
            self.narrate(turned_scores_sentence(learned_p.scores[i], drop.words, scale_factor(learned_p.d_k)),
                         *(during(Indicate(m, color=th.key, scale_factor=1.15), 0.0, max(0.35, out - 0.08)) for m in scored),
                         *zoom_back,
                         *(during(FadeIn(b), out + 0.4 + 0.12 * k, out + 0.55 + 0.12 * k) for k, b in enumerate(why_boxes)),
                         run_time=2.0 if not zoom_back else (3.0 if out else 2.6), through=True)
            if heading_cover is not None:
                self.heading.remove(heading_cover[0])
                self.heading.set_z_index(heading_cover[1])
            marks = VGroup()
            rise = turned.rise_word if turned is not None else None
            if rise is not None:
                # the word that rises next (its key along the query, its score beside it): its change drawn
                # and its bars boxed, in the learned row's colour (r27: its arrow turned the focus
                # word's colour, and read as the cause: its score barely moves, the others' fall)
                bars_box = SurroundingRectangle(VGroup(self.compare_bars[1][rise], self.compare_bars[2][rise]),
                                                color=th.query, buff=0.08, stroke_width=4)
                # (its two values boxed, no arrow: the learned row's name stands between the rows there)
                change = self._change_mark(rows[0], rows[1], rise, th.query)
                change = VGroup(change[0], change[2])
                marks = VGroup(change, bars_box)
                self.narrate(f"'{tokens[rise]}' rises, {format_number(specs[0][1][rise])} → {format_number(specs[1][1][rise])}.",
                             during(FadeOut(why_boxes), 0.0, 0.15),
                             during(Succession(FadeIn(change[0]), FadeIn(change[1])), 0.1, 0.6),
                             during(FadeIn(bars_box), 0.3, 0.6), run_time=2.2, through=True)
                why_boxes = VGroup()  # (gone: faded again with the rest, they would flash back)
            if turned is not None:
                why = VGroup(why, turned.fig, *turned.fig.vectors.values(),
                             *(m for cause in turned.causes if cause for m in cause))
                regrow = turned.grow
        if effect is None:
            # the two rows' divisors, the same, pointed at as it is said
            back = regrow() if regrow is not None else []
            self.narrate(f"Here d_k = d = {d}, so the divisor stays {root_d}: the change is W_Q and W_K's alone.",
                                  during(FadeOut(VGroup(marks, why, why_boxes)), 0.0, 0.1),
                                  *(during(m, 0.1, 0.25) for m in back),  # (after W_K's row has gone: it stood over the chart)
                                  *(during(Indicate(t[1], color=th.focus, scale_factor=1.0), 0.3, 0.7) for t in titles),
                                  run_time=1.5, through=True)

    @staticmethod
    def _built_swing(swing, cause, start: float, span: float, notes=None) -> list:
        """One turned key's animations in its window of the sentence (`start`, `span`): its ghost
        (the key without W_K's row), the row's part grown from the ghost's tip and written beside
        it, then the key swung from the ghost to its end along that part (r36). `notes` (the zoomed
        view's: ghost's, part's, key's names) each in as its arrow is drawn (r41)."""
        if cause is None:
            return [during(swing, start, start + span)]
        ghost, part, working = cause
        named = []
        if notes is not None:
            ghost_note, part_note, key_note = notes
            named = [during(FadeIn(ghost_note), start + 0.06 * span, start + 0.16 * span),
                     during(FadeIn(part_note), start + 0.36 * span, start + 0.46 * span),
                     during(FadeIn(key_note), start + 0.9 * span, start + span)]
            # (each read before the next comes: ghost, then part, then the swing)
            return [during(FadeIn(ghost), start, start + 0.08 * span),
                    during(GrowArrow(part), start + 0.22 * span, start + 0.4 * span),
                    *([during(FadeIn(working), start + 0.3 * span, start + 0.45 * span)] if len(working) else []),
                    during(swing, start + 0.56 * span, start + 0.92 * span), *named]
        return [during(FadeIn(ghost), start, start + 0.12 * span),
                during(GrowArrow(part), start + 0.15 * span, start + 0.4 * span),
                *([during(FadeIn(working), start + 0.25 * span, start + 0.45 * span)] if len(working) else []),
                during(swing, start + 0.45 * span, start + span)]

    ZOOMED_NOTE = 25  # px on screen, the zoomed view's notes (the text floor is 22)

    def _zoomed_working(self, fig, turned, drop, centre, share: float, query, block):
        """The zoomed view's notes (r41a/b): for each turned key whose ghost is not the origin, its
        ghost named with its score, its part named as the row's multiple, its key named with its
        score (story.turned_key_working), each placed by the plane's placer inside the view (clear of
        the heading, the subtitles' band, every name, arrow, path and W_K's block) at ZOOMED_NOTE px
        there; and the query named inside the view. A namespace: notes {k: (ghost, part, key)},
        query, waiting (the keys' own names, unseen while the view is close), by_name (id of a
        name -> its note), early_out / late_out (faded as the view goes out: late the key notes)."""
        s, ex, th = self.first, self.example, self.theme
        tokens = list(s.tokens)
        size = self.ZOOMED_NOTE * share
        half_w = share * config.frame_width / 2
        pad = 0.12 * share
        view = (centre[0] - half_w + pad, centre[1] + share * BOTTOM + pad,
                centre[0] + half_w - pad, centre[1] + share * TOP - pad)
        placer = fig.placer()
        kept_bounds = placer.bounds
        placer.bounds = view
        if len(block.submobjects):  # (W_K's row: no note on the block)
            placer.avoid_box(block, pad=0.06)
        for cause in turned.causes:  # (nor on a working written under it, and's)
            if cause and len(cause[2]):
                placer.avoid_box(cause[2], pad=0.06)
        # (r41: the risen key's name stood where the ghost's note belongs, over the x axis beside the
        # query; its key is not spoken of until the view is out) unseen while the view is close
        zoomed = SimpleNamespace(notes={}, query=None, waiting=[], by_name={}, early_out=[], late_out=[])

        def wait_out(vec) -> None:  # a key's name (and its line) unseen while the view is close, its place free
            for pad in (0.04, 0.15):
                own = box_of(vec.label, pad)
                placer.boxes = [b for b in placer.boxes if not np.allclose(b, own, atol=1e-6)]
            for name, opacity in ((vec.label, 1.0), (getattr(vec, "leader", None), 0.8)):
                if name is not None:
                    name.kept_opacity = opacity
                    name.set_opacity(0.0)
                    zoomed.waiting.append(name)

        rise = fig.vectors.get(list(s.tokens)[turned.rise_word]) if turned.rise_word is not None else None
        if rise is not None and rise.label is not None:
            wait_out(rise)
        for cause in turned.causes:
            if cause:
                placer.avoid_strip(cause[1].get_start(), cause[1].get_end(), half_width=0.05)

        def note(*lines, color):
            group = VGroup(*(label(t, th, size=SMALLEST_TEXT, color=color) for t in lines))
            group.arrange(DOWN, buff=0.08 * share / 0.5, aligned_edge=LEFT).scale(size / SMALLEST_TEXT)
            return group

        learned = s.projected
        for k, j in enumerate(drop.words):
            cause = turned.causes[k]
            if cause is None or isinstance(cause[0], Dot):
                continue  # (a ghost at the origin: nothing to name, and's working is W_K's block's)
            work = turned_key_working(query, s.input, learned.w_k, drop.row, j, tokens[j], ex.dims[drop.row])
            if work is None:
                continue
            ghost, part, _ = cause
            rest_at, end_at = part.get_start(), part.get_end()
            ghost_note = note(work.rest, f"score {work.rest_score}", color=th.key)
            # (on two lines, "+ 1.40 × grammar row" over "= (−0.70, −0.70)": on one it is wider than the
            # view's room beside the arrow)
            sum_, _, result = work.part.partition(" = ")
            part_note = note(sum_, f"= {result}", color=th.negative) if result else note(work.part, color=th.negative)
            key_note = note(work.key, f"score {work.key_score}", color=th.key)
            mid = (rest_at + end_at) / 2
            vec = fig.vectors[tokens[j]]
            # (its own name is unseen while the view is close: the key's note may stand where it stood)
            kept_boxes, kept_waiting = list(placer.boxes), len(zoomed.waiting)
            wait_out(vec)
            placed = [placer.place_nearest(mob, point, step=0.06 * share / 0.5)
                      for mob, point in ((ghost_note, rest_at), (part_note, mid), (key_note, end_at))]
            if not all(placed):  # (no clear place for all three in the view: the arrows alone, as before)
                placer.boxes = kept_boxes
                for name in zoomed.waiting[kept_waiting:]:
                    name.set_opacity(name.kept_opacity)
                del zoomed.waiting[kept_waiting:]
                continue
            for mob, point in ((ghost_note, rest_at), (part_note, mid), (key_note, end_at)):
                if np.linalg.norm(nearest_point(mob, point) - point) > 0.2 * share:
                    lead = short_leader(point, mob, th.negative if mob is part_note else th.key, gap=0.05 * share)
                    lead.set_stroke(width=1.6)
                    mob.add(lead)
            for mob in (ghost_note, part_note, key_note):
                mob.set_z_index(4)
                fig.figures.append(mob)  # (drawn on the plane, as its part)
            zoomed.notes[k] = (ghost_note, part_note, key_note)
            zoomed.early_out += [ghost_note, part_note]
            zoomed.late_out.append(key_note)
            self.zoomed_notes[tokens[j]] = [t.original_text for m in (ghost_note, part_note, key_note)
                                            for t in m if isinstance(t, ManimText)]
            self.zoomed_note_mobs += [ghost_note, part_note, key_note]  # (tests: inside the view)
            zoomed.by_name[id(vec.label)] = key_note
        # the query named where the view still shows its arrow: the farthest point of it inside the view
        q_xy = fig.p2c(fig.vectors["query"].body.get_end()) if "query" in fig.vectors else None
        if q_xy is not None:
            inside = [t for t in np.linspace(0.02, 1.0, 50)
                      if view[0] < fig.c2p(t * q_xy)[0] < view[2] and view[1] < fig.c2p(t * q_xy)[1] < view[3]]
            if inside:
                at = fig.c2p(max(inside) * q_xy)
                q_note = note(f"{ex.focus}'s query", color=th.query)
                if placer.place_nearest(q_note, at, step=0.06 * share / 0.5):
                    q_note.set_z_index(4)
                    fig.figures.append(q_note)
                    zoomed.query = q_note
                    zoomed.early_out.append(q_note)
                    self.zoomed_notes["query"] = [q_note[0].original_text]
                    self.zoomed_note_mobs.append(q_note)
        placer.bounds = kept_bounds
        return zoomed

    def _turned_keys(self, rows, drop, before, after, changed, why, marks):
        """The query-key plane again, beside the bar chart, which steps aside to the left for it
        (None where the plot is not the whole query-key space, or the band has no room). A namespace: fig (the plane), query (the focus
        word's query), swings (each key `drop` names swung from its key without W_K's row for that
        dim to its key, that row's part added, then named with its learned score), rise_word / rise
        (the next word that rises, its key named with its score), shrink (the bar chart's move
        aside), grow(hidden) (its move back), boxes (the turned words' learned weights boxed)."""
        s, ex, th = self.first, self.example, self.theme
        p = s.projected
        plane = query_key_plane(p.q, p.k)
        if plane is None or not plane.exact:
            return None
        # the bar chart (its pieces on screen) steps aside to the left of its band, under the rows'
        # names, narrower but as tall and with its words and numbers at their size (r26: shrunk to
        # half, its words faded): the plane takes the band's right, as large as the band allows
        tops = [self.compare_bars[0], *(bar for bars in self.compare_bars[1:] for bar in bars)]
        baseline, legend, half, bar_words = self.compare_bars[0]
        base_left, base_right = baseline.get_left()[0], baseline.get_right()[0]
        reach_left = min(m.get_left()[0] for m in tops)  # ("0" and "0.5" stand left of the baseline)
        spacing = rows[-1].cell(0, 1).get_x() - rows[-1].cell(0, 0).get_x() if rows[-1].shape[1] > 1 else base_right - base_left
        # (as narrow as two neighbouring words allow, each clear of the next: r27, the plane beside
        # it was a third of the frame's height)
        widths = [w.width for w in sorted(bar_words, key=lambda w: w.get_x())]
        widest = max([(a + b) / 2 for a, b in zip(widths, widths[1:])] + widths[:1] + [0.0])
        squeeze = min(1.0, max(0.6, (widest + 0.3) / spacing))
        new_left = -config.frame_width / 2 + 0.4 + (base_left - reach_left)
        right = config.frame_width / 2 - 0.4

        def along(x: float) -> float:  # a point of the chart's width to its place in the narrower chart
            return new_left + (x - base_left) * squeeze

        moved = self.compare_bars[0].copy()
        moved[0].stretch(squeeze, 0, about_edge=LEFT).shift(RIGHT * (new_left - base_left))
        moved[1].shift(RIGHT * (new_left - base_left))
        if len(moved[2].submobjects):
            moved[2][0].stretch(squeeze, 0, about_edge=LEFT).shift(RIGHT * (new_left - base_left))
            moved[2][1].shift(RIGHT * (new_left - base_left))
        for w in moved[3]:
            w.set_x(along(w.get_x()))
        smaller = [moved]
        for bars in self.compare_bars[1:]:
            for bar in bars:
                smaller.append(bar.copy().stretch(squeeze, 0).set_x(along(bar.get_x())))
        chart_right = along(base_right)
        if right - (chart_right + 0.5) < 4.0:
            return None
        tokens, i = list(s.tokens), self.focus_row(s)
        rise = largest_gain_besides(before, after, [*changed, *drop.words, i])
        keys = plane.coordinates(p.k)
        query = plane.coordinates(p.q[i])
        # where each turned key starts (its key without the row's part) and ends (story.key_swings)
        turns = key_swings(s.input, p.w_k, drop)
        rests = {t.word: plane.coordinates(t.start[None, :])[0] for t in turns}
        if rise is not None and near_zero(keys[rise][None, :])[0]:
            rise = None

        def path(j: int) -> list:
            """The turned key's tip from its start to its end as the row's part is added a fraction t
            at a time: start + t · x_j[row] · W_K[row], a straight line (keys are linear in the rows),
            the arrow turning as its tip moves. Every point drawn is the key it would be with that
            much of the row (r27 diff reader: an arc round the origin drew keys no W_K gives)."""
            start, end = rests[j], keys[j]
            return [start + t * (end - start) for t in np.linspace(0.0, 1.0, SWING_STEPS + 1)]

        paths = {j: path(j) for j in drop.words}
        # the rows (their names, words and numbers, at their size: their names are at the text
        # floor) up to just under the heading for as long as the plane stands (r27: the plane
        # under them was a third of the frame's height): the plane takes the right half under them
        # (r29r re-rater asked for the scores' plot at its own scale here: beside the rows at their
        # size, which the text floor keeps, there is room for little more than half of it)
        table = self.compare_table
        family = {id(m) for m in table.get_family()}
        row_pieces = [m for m in self.mobjects if any(id(x) in family for x in m.get_family())]
        # (r30b g: the plane came back at about half its 42–69 s size, beside rows as wide as the
        # frame) the rows step into the chart's columns over it, each cell over its word's bars
        # (as narrow as the bars' columns, the numbers at their size), each row's name on one line
        # over it (the simplified's) or under it (the learned's: the gap between the rows is the
        # change marks'); the row's words go (the bars' words name the same columns under them)
        # and the plane takes the right of the frame from the heading down, at its earlier size
        titles = [t[0] for t in table]
        cell_h = rows[0].rects[0].height
        new_w = spacing * squeeze
        name_gap, mark_gap = 0.1, 0.45
        line_h = max(max(t[0].height, t[1].height) for t in titles)
        # (r33c: 98–108 s the rows had no word headers) the bars' words, copied, head the rows' columns
        # there: a line of words between the simplified name and its row
        headers = VGroup(*(w.copy() for w in moved[3]))
        word_h = max((w.height for w in headers), default=0.0)
        y_name0 = TOP - line_h / 2
        y_words = y_name0 - line_h / 2 - name_gap - word_h / 2
        y_rows = [y_words - word_h / 2 - name_gap - cell_h / 2]
        # (r32, two rounds: under its row, the learned name read as the bar chart's caption) each name
        # over its row: the learned one in the gap between the rows
        y_rows.append(y_rows[0] - cell_h - max(mark_gap, line_h + 2 * name_gap))
        y_name1 = y_rows[1] + cell_h / 2 + name_gap + line_h / 2
        bars_top = max(m.get_top()[1] for m in smaller[1:])
        base_y = moved[0].get_y()
        room = y_rows[1] - cell_h / 2 - 0.25  # (the bars' top under the learned row, the gap the marks had)
        if len(headers) and bars_top > room and room - base_y >= 0.6 * (bars_top - base_y):
            # the bars, as tall as the frame allowed beside the rows, lower under the compact rows (all
            # by one factor, from their baseline: heights still in proportion; the 0.5 guide with them)
            f = (room - base_y) / (bars_top - base_y)
            for bar in smaller[1:]:
                bar.stretch(f, 1, about_point=np.array([bar.get_x(), base_y, 0.0]))
            for piece in moved[2]:
                piece.set_y(base_y + (piece.get_y() - base_y) * f)
            bars_top = room
        if y_rows[1] - cell_h / 2 < bars_top + 0.1 or not len(headers):  # (no room: the rows as before, bare)
            headers = VGroup()
            y_rows = [y_name0 - line_h / 2 - name_gap - cell_h / 2]
            y_rows.append(y_rows[0] - cell_h - max(mark_gap, line_h + 2 * name_gap))
            y_name1 = y_rows[1] + cell_h / 2 + name_gap + line_h / 2
        for w in headers:
            w.set_y(y_words)
        # (r33c/e: 96.7–98.3 s the rows slid right, then back left, while the names crossed over: a
        # restless double move) one move each: the names and the row's words fade where they stand,
        # the rows and the bars go straight to their places while nothing is printed in their way,
        # the names come in on their lines over their rows, the words over their columns
        legs = {}  # id of a piece's family member -> (the piece's centre, [(t0, t1, stretch, shift)])
        fades = {}  # id of a name's family member -> its fill opacity (gone in the first quarter, back in the last)

        def plan(part, *steps):
            centre = part.get_center()
            for m in part.get_family():
                legs[id(m)] = (centre, steps)

        def flat(v) -> np.ndarray:
            return np.array([v[0], v[1], 0.0])

        places, left_edge = {}, new_left
        for title, y in zip(titles, (y_name0, y_name1)):
            x = left_edge
            for piece, buff in ((title[2], 0.09), (title[0], 0.25), (title[1], 0.0)):
                places[id(piece)] = flat([x - piece.get_left()[0], y - piece.get_y()])
                x += piece.width + buff
        (swatch0, role0, formula0), (swatch1, role1, formula1) = ((t[2], t[0], t[1]) for t in titles)
        for piece in (swatch0, role0, formula0, swatch1, role1, formula1):
            plan(piece, (0.25, 0.3, 1.0, places[id(piece)]))
        for stage in self.learned_stages:
            plan(stage, (0.25, 0.3, 1.0, places[id(formula1)]))
        for piece in (*titles[0], *titles[1], *self.learned_stages):
            for m in piece.get_family():
                fades[id(m)] = None
        self.turned_park_right = new_left + rows[0].shape[1] * new_w
        for k, row in enumerate(rows):
            for j in range(row.shape[1]):
                cell = row.cell(0, j)
                centre = cell[0].get_center()
                there = flat([along(cell.get_x()), y_rows[k]])
                plan(cell[0], (0.25, 0.75, new_w / max(cell[0].width, 1e-9), there - centre))
                for piece in cell.submobjects[1:]:
                    plan(piece, (0.25, 0.75, 1.0, there - centre))
        col_words = {id(m) for m in rows[0].col_labels.get_family()} if rows[0].col_labels is not None else set()
        if col_words:  # (gone from sight in the first quarter, they go with their columns: left where they
            # were, unseen, they lay in the plane's place)
            for j, word in enumerate(rows[0].col_labels):
                cell = rows[0].cell(0, j)
                plan(word, (0.25, 0.75, 1.0, flat([along(cell.get_x()), y_rows[0]]) - cell[0].get_center()))

        def place_at(leaf, was, start, alpha):
            centre, steps = legs.get(id(was), (None, ()))
            if centre is None:
                return
            stretch, shift = 1.0, np.zeros(3)
            for t0, t1, sx, d in steps:
                f = smooth(clip01((alpha - t0) / (t1 - t0)))
                stretch *= 1.0 + (sx - 1.0) * f
                shift = shift + d * f
            leaf.points = centre + (start - centre) * np.array([stretch, 1.0, 1.0]) + shift

        def moved(mob):
            """`mob` as it stands beside the plane (a copy)."""
            target = mob.copy()
            for leaf, was in zip(target.get_family(), mob.get_family()):
                if id(was) in col_words:
                    leaf.set_fill(opacity=0.0)
                if leaf.has_points():
                    place_at(leaf, was, was.points.copy(), 1.0)
            return target

        def walk(mob):
            """`mob`'s pieces along their legs (one updater: each piece in its own window)."""
            members = [m for m in mob.get_family() if m.has_points()]
            starts = [m.points.copy() for m in members]
            fills = [m.get_fill_opacity() for m in members]

            def update(_, alpha):
                for m, start, fill in zip(members, starts, fills):
                    if id(m) in col_words:
                        m.set_fill(opacity=fill * (1.0 - smooth(clip01(alpha / 0.15))))
                    elif id(m) in fades and fill > 0.0:  # (a name: out, moved unseen, back in over its row)
                        m.set_fill(opacity=fill * (1.0 - smooth(clip01(alpha / 0.2)) + smooth(clip01((alpha - 0.8) / 0.2))))
                    place_at(m, m, start, alpha)
            return UpdateFromAlphaFunc(mob, update, rate_func=lambda t: t)  # (the legs timed on the clock, as the bars' move)

        bar_moves = [during(Transform(m, small), 0.25, 0.75) for m, small in zip(tops, smaller)]
        originals = [m.copy() for m in tops + row_pieces]
        tops = tops + row_pieces
        shrink = bar_moves + [walk(m) for m in row_pieces]
        if len(headers):
            shrink.append(during(FadeIn(headers), 0.8, 1.0))
        # (the turned words' weights boxed where their cells stand while the plane does)
        boxes = VGroup(*(SurroundingRectangle(moved(rows[-1].cell(0, j)), color=th.key, buff=0.02, stroke_width=4)
                         for j in drop.words))
        top = TOP
        points = np.vstack([query, *(keys[j] for j in drop.words), *(xy for j in drop.words for xy in paths[j]),
                            *([keys[rise]] if rise is not None else [])])
        fig = plane_in_region(plane, points, th, left=chart_right + 0.4, right=right, top=top, bottom=BOTTOM)
        placer = fig.placer()
        for m in smaller:  # no name on the rows or on the bars
            placer.avoid_box(m, pad=0.12)
        # the tick numbers clear of every arrow, where it swings too (the swing's line)
        self._clear_ticks(np.vstack([query, *(xy for j in drop.words for xy in paths[j]),
                                     *([keys[rise]] if rise is not None else [])]), plane=fig)
        # no name down against the subtitles' band (r28: "grammar row" ended a few pixels above it)
        placer.avoid_strip(np.array([-config.frame_width, BOTTOM + 0.05, 0.0]),
                           np.array([config.frame_width, BOTTOM + 0.05, 0.0]), half_width=0.2)
        # every place a turned key passes: no name there
        for j in drop.words:
            for xy in paths[j]:
                if np.linalg.norm(fig.c2p(xy) - fig.origin) > 1e-6:
                    placer.avoid_strip(fig.origin, fig.c2p(xy), half_width=0.06)
        query_vec = fig.vector("query", query, th.query, text=f"{ex.focus}'s query", width=QUERY_WIDTH)
        rise_vec = None
        if rise is not None:
            # (r38, reviewer c: "cat 2.44" under its tip stood just over W_K's row, the block under the x
            # axis at the right, and read as its head) named on its key's upper side, away from the block
            normal = np.array([-keys[rise][1], keys[rise][0]])
            normal = normal if normal[1] >= 0 else -normal
            rise_vec = fig.vector(tokens[rise], keys[rise], th.key, text=f"{tokens[rise]} {format_number(p.scores[i, rise])}",
                                  toward=normal + 0.5 * keys[rise] / max(np.linalg.norm(keys[rise]), 1e-9))
        swings, self.turned_scores = [], {}
        # (keys turned the same way lie close: each named out on its own side of the others, past
        # its tip, so that no name stands nearer another key's tip than its own; the longest first)
        mean = np.mean([keys[j] / max(np.linalg.norm(keys[j]), 1e-9) for j in drop.words], axis=0)
        notes = {}
        for j in sorted(drop.words, key=lambda j: -float(np.linalg.norm(keys[j]))):
            along_ = keys[j] / max(np.linalg.norm(keys[j]), 1e-9)
            side = np.sign(mean[0] * keys[j][1] - mean[1] * keys[j][0])
            toward = side * np.array([-along_[1], along_[0]]) if len(drop.words) > 1 and side else along_
            vec = fig.vector(tokens[j], keys[j], th.key, text="")
            tip = fig.c2p(keys[j])

            # its name and learned score, one short line (r29r: three lines each, the two touching)
            def named(size, j=j):
                return VGroup(label(f"{tokens[j]} {format_number(p.scores[i, j])}", th, size=size, color=th.key))

            group, distance = self._note_round_tip(fig, named, tip, toward, along_, keys, drop, j)
            placer.avoid_box(group, pad=0.15)
            vec.label = group[0]
            notes[j] = group
            vec.add(group)
            if distance >= 0.12 or np.linalg.norm(nearest_point(group, tip) - tip) > 0.2:
                # a thin line from the name to its own tip, stopping short of the name
                vec.leader = short_leader(tip, group, th.key)
                vec.add(vec.leader)
                placer.avoid_strip(vec.leader.get_start(), vec.leader.get_end(), half_width=0.04)
            self.turned_scores[tokens[j]] = vec.label
        # (r36, reviewers b and d: the turned keys' end state was shown, not their cause) each turned
        # key built as W_K builds it: its key without the row's part a ghost (a dot at the origin where
        # that is (0, 0)), the row's part, x_j[row] × W_K[row], a vector from the ghost's tip to the
        # key's, written beside it as the tables write it (story.row_part_built: it checks as written);
        # where no clear place is left for the working, the vectors alone
        causes, self.turned_built = {}, {}
        for j in drop.words:
            built = row_part_built(s.input, p.w_k, drop.row, j)
            if built is None:
                continue
            rest_at, end_at = fig.c2p(rests[j]), fig.c2p(keys[j])
            if np.linalg.norm(rest_at - fig.origin) < 0.15:
                ghost = Dot(fig.origin, radius=0.07, color=th.muted)
            else:
                # (r38, reviewer c: are's short ghost lay hidden under mouse's query) over the query, in
                # the key's colour, faint: where the key would point without the row
                ghost = VGroup(DashedLine(fig.origin, rest_at, color=th.key, stroke_width=4, dash_length=0.05,
                                          stroke_opacity=0.6),
                               Dot(rest_at, radius=0.06, color=th.key, fill_opacity=0.6)).set_z_index(3)
            part = Arrow(rest_at, end_at, buff=0, color=th.negative, stroke_width=5, tip_length=0.18,
                         max_tip_length_to_length_ratio=0.3, max_stroke_width_to_length_ratio=20)
            fig.figures += [ghost, part]  # (drawn on the plane, as its part)
            working = VGroup()  # (written under W_K's row, by compare_attention: beside the keys it overprinted)
            self.turned_built[tokens[j]] = built
            causes[j] = (ghost, part, working)
        # a tick number any arrow, its name's line or a turned key's swing passes over is left out
        # (r26: the and/are arrows and their lines crossed the x axis's "−1")
        crossed = LabelPlacer((-100.0, -100.0, 100.0, 100.0))
        for xy in [query, *(keys[j] for j in drop.words), *([keys[rise]] if rise is not None else []),
                   *(xy for j in drop.words for xy in paths[j])]:
            if np.linalg.norm(fig.c2p(xy) - fig.origin) > 1e-6:
                crossed.avoid_strip(fig.origin, fig.c2p(xy), half_width=0.1)
        for vec in fig.vectors.values():
            if getattr(vec, "leader", None) is not None:
                crossed.avoid_strip(vec.leader.get_start(), vec.leader.get_end(), half_width=0.1)
        for note in notes.values():
            crossed.avoid_box(note, pad=0.25)
        if rise_vec is not None and getattr(rise_vec, "label", None) is not None:
            crossed.avoid_box(rise_vec.label, pad=0.45)  # (r38: "1 cat 2.44" read as one name)
        for tick in [t for t in fig.tick_labels if crossed.conflicts(box_of(t, 0.03))]:
            fig.tick_labels.remove(tick)
        for j in drop.words:  # (swung in the order said)
            vec = fig.vectors[tokens[j]]
            # the key turning from where it would be without the row to where the row takes it, in
            # short steps: an arrow's head turned whole at each
            bodies = [vector_body(fig.origin, fig.c2p(xy), th.key) for xy in paths[j]]
            moving = bodies[0]
            swing = Succession(FadeIn(moving, run_time=0.15),
                               *(Transform(moving, step, run_time=0.6 / SWING_STEPS, rate_func=lambda t: t)
                                 for step in bodies[1:]),
                               AnimationGroup(FadeOut(moving, run_time=0.01), FadeIn(vec.body, run_time=0.01)),
                               FadeIn(VGroup(notes[j], *([vec.leader] if vec.leader is not None else [])), run_time=0.24))
            swings.append(swing)

        def grow(hidden=(), trim=None) -> list:
            """The chart back to its size and place (`hidden`: pieces of it that stay clear; `trim`:
            (a dashed line, x): its dashes right of x stay clear)."""
            gone = {id(m) for h in hidden for m in h.get_family()}
            cut = {id(m) for m in trim[0].get_family()} if trim is not None else set()
            moves = []
            for m, original in zip(tops, originals):
                target = original.copy()
                for leaf, was in zip(target.get_family(), m.get_family()):
                    if id(was) in gone or (id(was) in cut and leaf.has_points() and leaf.get_right()[0] > trim[1]):
                        leaf.set_opacity(0.0)
                moves.append(Transform(m, target))
            return moves

        self.qk_plane_small = fig
        self.turned_causes = {tokens[j]: cause for j, cause in causes.items()}  # (tests read the workings back)
        return SimpleNamespace(fig=fig, query=query_vec, swings=swings, rise_word=rise, rise=rise_vec, shrink=shrink,
                               grow=grow, boxes=boxes, causes=[causes.get(j) for j in drop.words])

    def _note_round_tip(self, fig, named, tip, toward, along_, keys, drop, j):
        """A turned key's note placed round its tip (where the column left of the plane has no room):
        each side tried, the place whose line crosses no axis, then overprints nothing, then is
        nearest kept, at the text floor (never smaller). (note, distance)."""
        tries = []
        shafts = [(fig.origin, fig.c2p(keys[o])) for o in drop.words if o != j]
        for k, way in enumerate([toward, -toward, along_, *(np.array([np.cos(a), np.sin(a)])
                                                            for a in np.linspace(0.0, 2 * np.pi, 8, endpoint=False))]):
            trial = named(WORD_SIZE)
            gap = fig.placer().place(trial, tip, np.array([*way, 0.0]))
            clash = fig.placer().last_conflicts
            fig.placer().take_back()
            end = nearest_point(trial, tip)
            tied = gap >= 0.12 or np.linalg.norm(end - tip) > 0.12
            crosses = tied and any(segments_meet(tip, end, axis.get_start(), axis.get_end(), touching=False)
                                   for axis in (fig.axes.x_axis, fig.axes.y_axis))
            over = tied and any(segments_meet(tip, end, a, b, touching=False) for a, b in shafts)
            low = trial.get_bottom()[1] < BOTTOM + 0.2
            # (r30: "are −1.43" lay across the y axis) a note printed over an axis comes after one clear of both
            on_axis = any(segment_crosses(box_of(trial, 0.05), axis.get_start(), axis.get_end(), samples=LabelPlacer.SAMPLES)
                          for axis in (fig.axes.x_axis, fig.axes.y_axis))
            tries.append(((clash >= LabelPlacer.OVERLAP, crosses or low, on_axis, over, clash, float(np.linalg.norm(end - tip)), k),
                          way))
        way = min(tries, key=lambda t: t[0])[1]
        group = named(WORD_SIZE)
        return group, fig.placer().place(group, tip, np.array([*way, 0.0]))

    def _split_mark(self, split, d: int, d_k: int):
        """The divisor split drawn on the split word's bars: its simplified value by the grey bar
        (left), a line across the learned bar at W_Q and W_K's value at √d with that value under it
        (right), the bar above the line (`cap`, over it, clear at first) for √d_k's part with the
        learned value over the line. Right of the learned bar, or mirrored left of the grey one
        where the right has no room (then without the simplified value)."""
        th = self.theme
        grey, gold = self.compare_bars[1][split.word], self.compare_bars[2][split.word]
        bottom, per = gold.get_bottom()[1], gold.height / max(split.learned, 1e-9)
        y_same = bottom + per * split.same
        cap = Rectangle(width=gold.width, height=max(gold.get_top()[1] - y_same, 1e-3), stroke_width=0,
                        fill_color=th.background, fill_opacity=0.0).move_to(gold).align_to(gold, UP)
        # (r36, reviewer d: "W_Q, W_K ÷ √4" read as the matrices divided by √4) the scores it divides, named
        # (r39c: "Q·Kᵀ/√4: 0.46" read as the scaled score, which is 1.59) the weight each divisor gives, named so
        same = label(f"softmax(Q·Kᵀ/√{d}): {format_number(split.same)}", th, size=26, color=th.query)
        learned = label(f"at √{d_k}: {format_number(split.learned)}", th, size=26, color=th.focus)
        width = max(same.width, learned.width)
        right = gold.get_right()[0] + 0.15 + width + 0.1 <= config.frame_width / 2 - 0.3
        start = gold.get_left()[0] if right else gold.get_right()[0]
        end = gold.get_right()[0] + 0.15 + width if right else grey.get_left()[0] - 0.15 - width
        line = Line([start, y_same, 0.0], [end, y_same, 0.0], color=th.text, stroke_width=2)
        # the two values beside the bars, one under the line and one over it, their near edges level
        near = (np.array([gold.get_right()[0] + 0.15, 0.0, 0.0]), LEFT) if right else (
            np.array([grey.get_left()[0] - 0.15, 0.0, 0.0]), RIGHT)
        # (r28f re-rater: stacked tightly on the bar) a clear gap either side of the line
        same.next_to(line, DOWN, buff=0.18).align_to(*near)
        learned.next_to(line, UP, buff=0.18).align_to(*near)
        plain = VGroup()
        if right:
            plain = label(format_number(split.simple), th, size=26, color=th.muted)
            plain.next_to(grey, LEFT, buff=0.1).align_to(grey, UP)
        mark = SimpleNamespace(cap=cap, line=line, same=same, learned=learned, plain=plain)
        self.add(cap)  # over the bar, clear until the line is drawn
        self.split_mark = mark
        return mark

    def _score_column(self, values, name: str, words):
        """The scores one word a line (word | score): a row of scores (vector_row, as the trace
        names it) with its cells stacked top to bottom, each word left of its cell
        (five words across did not fit beside the plane with the numbers large)."""
        th = self.theme
        row = vector_row(values, th, name=name, value_scale=self.score_scale, cell_w=STRIP_CELL_W,
                         cell_h=STRIP_CELL_H)
        for j in range(row.shape[1]):
            row.cell(0, j).move_to([0.0, -j * STRIP_CELL_H, 0.0])
        # each word on its own line at its own size: only a very long one shrinks (to one size, a
        # word like "internationalization" made every word small)
        words_ = VGroup(*(fit_label(w, th, width=2.4, size=STRIP_WORD_SIZE, color=th.text, min_scale=0.3)
                          for w in words))
        for j, w in enumerate(words_):
            w.next_to(row.cell(0, j), LEFT, buff=0.25)
        row.remove(row.col_labels)
        row.col_labels = words_
        row.add(words_)
        # every number at one size, the widest ("−2.08") within its cell: a negative shrunk to fit
        # read as a lesser score than the positives beside it
        return numbers_larger(row, STRIP_NUMBER_SIZE)

    def _weight_bars(self, rows, values, looks, tall: float = BAR_HEIGHT) -> VGroup:
        """[baseline, bars of row 0, bars of row 1, …]: under the last row, in each word's column,
        one bar per row (left to right in the rows' order), height ∝ weight (the largest of all
        `tall`), in that row's (colour, opacity)."""
        last, cell_w = rows[-1], rows[0].cell_w
        top = last.rects.get_bottom()[1] - 0.35
        base = top - tall
        tallest = max(float(np.max(v)) for v in values) or 1.0
        width = BAR_SHARE * cell_w
        baseline = Line([last.rects.get_left()[0], base, 0.0], [last.rects.get_right()[0], base, 0.0],
                        color=self.theme.muted, stroke_width=2)
        # the bars' zero, left of their baseline: the heights are weights from 0 (r18: no axis)
        zero = label("0", self.theme, size=26, color=self.theme.muted).next_to(baseline, LEFT, buff=0.15)
        # each column's word under its bars (r19: they were read only by lining up with the table's
        # words, far above), all at one size; none if a long word would make them small
        words = VGroup(*(fit_label(w, self.theme, width=np.inf, size=26, color=self.theme.muted) for w in self.first.tokens))
        if max(w.width for w in words) <= 0.95 * cell_w:
            for j, w in enumerate(words):
                w.move_to([last.cell(0, j).get_x(), base - 0.12 - w.height / 2, 0.0])
        else:
            words = VGroup()
        # a faint guide at 0.5 (r20: with only the 0, no height read as a number), where the bars reach it
        half = VGroup()
        if tallest >= 0.5:
            y = base + tall * 0.5 / tallest
            guide = DashedLine([last.rects.get_left()[0], y, 0.0], [last.rects.get_right()[0], y, 0.0], dash_length=0.08,
                               color=self.theme.muted, stroke_width=1.5, stroke_opacity=0.6).set_z_index(-1)
            half.add(guide, label("0.5", self.theme, size=26, color=self.theme.muted).next_to(guide, LEFT, buff=0.15))
        groups = VGroup(VGroup(baseline, zero, half, words))
        for k, (row_values, (colour, opacity)) in enumerate(zip(values, looks)):
            bars = VGroup()
            for j, w in enumerate(row_values):
                height = max(tall * float(w) / tallest, 0.02)
                x = last.cell(0, j).get_x() + (k - (len(values) - 1) / 2) * width * 1.1
                bars.add(Rectangle(width=width, height=height, stroke_width=0, fill_color=colour,
                                   fill_opacity=opacity).move_to([x, base + height / 2, 0.0]))
            groups.add(bars)
        return groups

    def _grow_bars(self, k: int):
        """Row k's bars growing up from the baseline, left to right with its cells (_fill_row)."""
        return LaggedStart(*(ReplacementTransform(bar.copy().stretch_to_fit_height(1e-3).align_to(bar, DOWN), bar)
                             for bar in self.compare_bars[k + 1]), lag_ratio=0.25)

    @staticmethod
    def _fill_row(row):
        """A worked row's cells appearing left to right, each number with its colour."""
        return LaggedStart(*(FadeIn(row.cell(0, j)) for j in range(row.shape[1])), lag_ratio=0.25)

    @staticmethod
    def _change_mark(upper, lower, j: int, colour: str, lower_j: int = None) -> VGroup:
        """(old, arrow, new): the old value boxed, an arrow down to the new one (in `lower`'s column
        `lower_j`, by default the same), the new one boxed: a weight's change read where it stands."""
        lower_j = j if lower_j is None else lower_j
        old, new = upper.cell_box(0, j, colour), lower.cell_box(0, lower_j, colour)
        arrow = Arrow(old.get_bottom(), new.get_top(), buff=0.06, color=colour, stroke_width=4,
                      max_tip_length_to_length_ratio=0.3, tip_length=0.18)
        return VGroup(old, arrow, new)

    def conclude(self):
        th = self.theme
        mechanism = VGroup(label("softmax(", th, size=30), label("Q", th, size=30, color=th.query),
                           label("·", th, size=30), label("Kᵀ", th, size=30, color=th.key),
                           label(" / √d_k) ·", th, size=30), label("V", th, size=30, color=th.value)).arrange(RIGHT, buff=0.08)
        learned = VGroup(label("Q = X·W_Q", th, size=24, color=th.query), label("K = X·W_K", th, size=24, color=th.key),
                         label("V = X·W_V", th, size=24, color=th.value)).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        tags = VGroup(label("fixed", th, size=26), label("learned", th, size=26))
        block = VGroup(VGroup(tags[0], mechanism).arrange(RIGHT, buff=0.4),
                       VGroup(tags[1], learned).arrange(RIGHT, buff=0.4, aligned_edge=UP)).arrange(DOWN, buff=0.8,
                                                                                                 aligned_edge=LEFT)
        mechanism.align_to(learned, LEFT)  # the products under the mechanism, the names in one column
        # the frame to itself (squeezed over the comparison its subscripts would not read)
        # (r27f: at most 1.5 times, it took some 30 % of the frame's height) as large as the frame allows
        fit_region(block, -6.6, 6.6, top=TOP - 0.2, bottom=BOTTOM + 0.2, grow=3.0)
        names = getattr(self, "compare_names", None)
        if not names:
            self.clear_with_next_play()
            self.narrate("The mechanism is fixed; what is learned is the projections.",
                         # after the veil is down: read through it, the tables would overprint the summary
                         during(Succession(FadeIn(block[0]), FadeIn(block[1])), 0.2, 1.0), run_time=1.5, wait=1.0)
            return
        # the comparison carried into the summary (r24: a blank second between them): the learned
        # row's formula stays as the rest goes, rises to the mechanism's place at its size, and gives
        # way to the general mechanism (√d_k, and · V) there
        # (a copy in its place, on its own: a group an animation made of it and of other names would,
        # as it leaves, leave those names on the scene's top level, over the summary)
        carried = names[1].copy()
        self.remove(names[1])
        # (r30: the original, still part of the table, faded with it, and the copy then stood out at full
        # strength beside it, read as a stray formula) the original gone at once, the copy over everything
        names[1].set_opacity(0.0)
        carried.set_z_index(10)
        self.add(carried)
        # the rest of the comparison fades as the formula rises (r26: under the veil it was gone in
        # 0.25 s), and the formula, risen, becomes the general mechanism in its place (r26: it faded
        # out and the mechanism in, a blank frame between)
        rest = [m for m in self.mobjects if m is not carried and m is not self.heading and m is not self.camera.frame]
        risen = carried.copy().scale(mechanism[0][0].height / carried[0].height)  # (their first glyphs, both an "s")
        risen.align_to(mechanism, LEFT).set_y(mechanism.get_y())
        self.narrate("The mechanism is fixed; what is learned is the projections.",
                     during(AnimationGroup(*(FadeOut(m) for m in rest)), 0.0, 0.2),
                     # it rises once the comparison is under half (over it, it would overprint the
                     # row names), then gives way where it stands: a morph of the √2 formula's glyphs
                     # into the general one's was a frame of glyph soup (r27)
                     # (r27f: tighter, the risen formula stood alone on a blank frame for half a second)
                     # (r28f re-rater: the mechanism faded in under the formula as it landed: 112.25 s) it
                     # lands, goes, and only then the mechanism comes, the two overlapping at low opacity
                     during(Succession(Transform(carried, risen, run_time=0.3), FadeOut(carried, run_time=0.06)), 0.1, 0.34),
                     during(FadeIn(mechanism), 0.33, 0.38),
                     during(FadeIn(tags[0]), 0.28, 0.34),  # (beside the landed formula: no near-blank frame)
                     during(FadeIn(block[1], shift=UP * 0.2), 0.55, 0.75),
                     run_time=2.5, wait=1.0)
