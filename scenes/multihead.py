"""Step 9 — multi-head attention: each head projects with its own W_Q, W_K, W_V, attends, and
outputs a small table; the tables are concatenated along the features, then · W_O.

Head 1's output is worked as the product it is (its attention × its values, the focus word's row
term by term); the concatenation is drawn as one table whose heads' parts first stand apart and
then slide together (nothing morphs); the product with W_O is filled column by column, W_O's column
boxed as its output column fills, and one cell (story.worked_output_column: the one whose products
come from the most heads) is worked term by term, each product in its head's colour. Products of
tables are written "·", as their names write them (X·W_V).
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, linear, AnimationGroup, Arrow, Brace, Dot, FadeIn, FadeOut, GrowArrow, Indicate, LaggedStart, Succession,
    Rectangle, SurroundingRectangle, Transform, TransformFromCopy, UpdateFromAlphaFunc, VGroup, config, rush_from, smooth,
)

from attention_math.breakdown import dot_product, weighted_sum
from attention_math.formatting import format_number, listed, shortest
from attention_math.story import (
    softmax_reads_as_written,
    draws_only_on, heads_feeding, heads_read_apart, mixes_heads, query_seeks_key, ranked, strong_entries, strongest_neighbour, strongest_rows,
    even_head_split, like_seeks_like, thickest_lines, worked_output_column, zero_query_rows,
)
from scenes.base import ExplainerScene
from scenes.components import (
    CELL_W, NUMBER_SIZE, SMALLEST_TEXT, MatrixGrid, arrow_between, fit_to_frame, label, product_layout,
)
from scenes.geometry import SUBTITLE_TOP, AttentionPattern
from scenes.handoff import boundary
from scenes.projections import feature_names
from scenes.motion import (
    ProductSweep, Travel, Vanish, blink, bracketed, build_columns, build_rows, clip01, during, fade_in, fade_out,
    hidden_while_zoomed, hop_through,
)
from scenes.staging import BOTTOM, TOP, fit_region, numbers_larger


def of_head(h: int) -> str:
    """Head h's mark on its matrices' names, a superscript: W_Q⁽¹⁾, Q⁽¹⁾ (a plain "Q1" would read
    as a feature column's name, and "Q2 = X·W_Q" as head 1's W_Q)."""
    return "⁽" + str(h + 1).translate(SUPERSCRIPT_DIGITS) + "⁾"


def features(prefix: str, width: int) -> list:
    """A projection's feature columns, numbered by subscripts (q₁, q₂): not the heads' marks."""
    return [name[:len(prefix)] + name[len(prefix):].translate(SUBSCRIPT_DIGITS) for name in feature_names(prefix, width)]


SUPERSCRIPT_DIGITS, SUBSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"), str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
# X and the heads' W_Q, W_K, W_V side by side fill the frame's width and are shrunk to about 0.8:
# their numbers start larger, so that they still read (the cells have room for them)
WEIGHT_NUMBER_SIZE = 24
# what is kept free at the frame's sides
FRAME_MARGIN = 0.45
# the half-width the layouts fit in: FRAME_MARGIN (40 px at 720p) kept free at each side
SIDE = config.frame_width / 2 - FRAME_MARGIN
# how much a worked table's numbers grow in their cells, and the share of a cell they may fill
NUMBER_GROWTH = 1.3
# a head's output worked: the gap between its attention and the weights set before V's rows
WEIGHTS_GAP = 0.6
# head 1's output parked while head 2 is worked: its gap to the left of head 2's attention
PARK_GAP = 0.7
# ... where the tables keep at least this share of the size they would have without it
PARK_SHRINK = 0.84
# a running sum's hand-over to the next (fraction of its play): within one frame
SWAP = 0.002
# the last picture's line diagrams: their words made at FAN_SIZE, shown no smaller than FAN_WORDS
FAN_SIZE, FAN_WORDS = 30, 28
# the last picture: the share of the frame's width (from its left) the concatenation is centred in
# (the output on its right); the room under the patterns for the braces on each head's columns
FANS_SHARE, BRACE_ROOM = 0.58, 0.45
# ... and the length of their lines (as made, before the fit: the words' column this far from the query word)
FANS_REACH = 2.4
# the share of their opacity the fans give up as the projections are named (r33: at 0.45 the words
# read ~50 % grey while still in the sentence's sight: a step back, not a fade)
STEP_BACK = 0.25
# the row of three, Concat × W_O = Output: its cells' width and height (narrower than the default,
# the three fit side by side across the frame with their numbers at the smallest text's size, a
# clear gap between a cell's number and the next: wider, the fit would shrink the numbers), their
# numbers' size (the smallest text's: larger, they fill their cells edge to edge), the band kept
# under the three for the worked cell's lines, and the size of those lines
# (the rows taller than the default: the three fill the frame's width, and its height down to the
# ledger's band under them)
PRODUCT_CELL_W, PRODUCT_CELL_H, PRODUCT_NUMBER_SIZE, LEDGER_BAND, LEDGER_SIZE = 0.845, 0.6, 22, 1.55, 30
# the product laid out as worked by hand (W_O over the output, the concatenation beside it): its
# cells' width and height as made (then fitted to the frame's height)
HAND_CELL_W, HAND_CELL_H = 1.15, 0.5
# the row of three's side margins (wider than the frame's: the row's words are not at its very edge)
PRODUCT_MARGIN = 0.45
# the last picture's concatenation and output: their rows lower than the default (the patterns above
# them need the height: at 0.42, r33 saw their words squeezed to ~20 px; the numbers at the smallest
# text's size still clear a row's borders at 0.34), their numbers at the smallest text's size
SUMMARY_CELL_H, SUMMARY_NUMBER_SIZE = 0.34, 22
# the band kept under a head's worked output (attention, V, output) for the last head's worked number
# (its two lines at their size, the tables' rows as tall as the rest of the height allows)
WORKED_BAND = 1.2
# the worked sum's and the last picture's note: kept this far over the subtitles' band's top (y ≤ ~600 px at 720p)
LEDGER_FLOOR = 0.25
# the worked score's lines in the column beside the tables: their size on screen (in the view)
LEDGER_ON_SCREEN = 27
# how much wider than the default the Q and K tables' cells may be (when the frame's width has room):
# a clear gap between a number and the next, the numbers grown by NUMBER_GROWTH still short of the edges
QK_WIDER = 1.2
# two heads' attention tables side by side: rows as tall as the frame's height allows with their
# names above and verdicts below, every word at its own size (taller, the fit shrinks the words)
ATTENTION_CELL_H = 0.85
# the "·" between two tables multiplied: a round dot this large (the font's bold "·" drew a square)
PRODUCT_SIGN_RADIUS = 0.06


def product_sign(theme):
    """The sign between two tables multiplied, "·" as the tables' names write a product (X·W_V),
    large enough to read as a sign (r22: a "·" at the numbers' size read as a speck); drawn as a
    round dot (r25: the font's bold "·" rendered as a solid square)."""
    return Dot(radius=PRODUCT_SIGN_RADIUS, color=theme.text)


def grown_numbers(grid) -> None:
    """`grid`'s numbers NUMBER_GROWTH times larger, as far as its cells allow: a larger number_size
    would widen the columns and the row names too, and a layout as wide as the frame would shrink
    back to where it was."""
    numbers_larger(grid, NUMBER_GROWTH * max(n.font_size for n in grid.numbers))


class MultiHeadScene(ExplainerScene):
    scene_name = "multihead"
    chapter = "Multi-head attention"
    summary = "Heads with their own projections, concatenated, then · W_O"
    needs = ('heads',)
    steps = ("head_weights", "heads_side_by_side", "head_patterns", "concatenate", "project_out")

    def head_colors(self) -> list:
        """The theme's head colours: hues no other role has (the query's gold or the key's teal
        would make head 2 read as "the keys")."""
        return list(self.theme.heads)

    def head_color(self, h: int) -> str:
        colours = self.head_colors()
        return colours[h % len(colours)]

    def arrange_heads(self, blocks: VGroup, buff_across: float, buff_down: float) -> VGroup:
        """Two heads side by side or one above the other (`stacked`); three or four in a 2 × 2 grid."""
        if len(blocks) <= 2:
            return blocks.arrange(RIGHT, buff=buff_across, aligned_edge=UP)
        return blocks.arrange_in_grid(rows=2, cols=2, buff=(buff_across, buff_down))

    @property
    def head_widths(self) -> list:
        return [head.d_v for head in self.first.multi_head.heads]

    def column_names(self) -> list:
        """The concatenation's columns: h1.1, h1.2, h2.1, … (head, feature)."""
        return [f"h{h + 1}.{k + 1}" for h, width in enumerate(self.head_widths) for k in range(width)]

    def column_colors(self) -> dict:
        return {c: self.head_color(h) for c, h in enumerate(h for h, w in enumerate(self.head_widths) for _ in range(w))}

    def head_weights(self):
        """Each head's own three projections, compactly: W_Q, W_K, W_V side by side (the input dims
        named once per head), heads one above the other. The handed-over X moves to the left and an
        arrow runs from it to each head: every head projects the same input."""
        s, ex, th = self.first, self.example, self.theme
        m = s.multi_head
        dims = list(ex.dims)
        self.heading = self.chapter_title(f"{len(m.heads)} heads")
        blocks, self.w_values = VGroup(), []
        for h, head in enumerate(m.heads):
            colour = self.head_color(h)
            grids = []
            for k, (key, prefix) in enumerate((("w_q", "q"), ("w_k", "k"), ("w_v", "v"))):
                values = getattr(head, key)
                g = self.grid(values, f"multi_head.heads[{h}].{key}", row_labels=dims if k == 0 else None,
                              col_labels=features(prefix, values.shape[1]), value_scale=self.vector_scale,
                              label_color=colour, row_label_colors=self.dim_colors() if k == 0 else None,
                              number_size=WEIGHT_NUMBER_SIZE)
                if k == 0:
                    # the dims in X's colours (animal, tech named; the others plain), and a little
                    # further from the table, clear of the box that names the matrix
                    for r, lab in enumerate(g.row_labels):
                        lab.set_color(self.dim_colors().get(r, th.text)).shift(LEFT * 0.16)
                # (the head said by the block's "head 1" tag in its colour: a superscript ⁽¹⁾ here, the
                # overview shrunk to the frame, would be a few pixels high)
                name = label(f"W_{prefix.upper()}", th, size=26, color=colour).next_to(g.rects, DOWN, buff=0.15)
                grids.append(VGroup(g, name))
            row = VGroup(*grids).arrange(RIGHT, buff=0.45, aligned_edge=DOWN)
            title = label(f"head {h + 1}", th, size=30, color=colour, weight="BOLD")
            blocks.add(VGroup(title, row).arrange(DOWN, buff=0.2, aligned_edge=LEFT))
            self.w_values.append(grids[2][0])
        if len(blocks) <= 2:
            blocks.arrange(DOWN, buff=0.6, aligned_edge=LEFT)
        else:
            blocks.arrange_in_grid(rows=2, cols=2, buff=(0.8, 0.5))
        x = self.grid(s.input, "input", number_size=WEIGHT_NUMBER_SIZE, **self.word_rows())
        x_name = label("X", th, size=26).next_to(x, UP, buff=0.25)
        # room for an arrow from X to each head's name, even to the one level with X
        VGroup(VGroup(x_name, x), blocks).arrange(RIGHT, buff=1.0 if len(blocks) > 2 else 1.5)
        fit_region(VGroup(x_name, x, blocks), -SIDE, SIDE, grow=1.5)
        # one arrow per head, from X to the head's matrices: the same input feeds every head (in a
        # 2 × 2 grid an arrow to a far head would cross a near one: one arrow to the grid instead)
        if len(blocks) <= 2:
            # each arrow ends at its head's name: at the matrices it would end on a dim's name
            # alike whatever their lengths (a short arrow is otherwise drawn thinner, with a smaller tip)
            # (r28f: ending at the heads' names, head 1's arrow was long and steep, head 2's short and
            # flat: now each ends at the middle of its head's tables, both from one point of X's right
            # edge half-way between them, mirror images)
            ends = [np.array([block[1].get_left()[0], block[1].get_y(), 0.0]) for block in blocks]
            mid = min(max(np.mean([e[1] for e in ends]), x.rects.get_bottom()[1]), x.rects.get_top()[1])
            arrows = [Arrow(np.array([x.get_right()[0], mid, 0.0]), end, buff=0.25, color=self.head_color(h),
                            stroke_width=5, max_stroke_width_to_length_ratio=100, tip_length=0.22,
                            max_tip_length_to_length_ratio=1.0) for h, end in enumerate(ends)]
            appear = [AnimationGroup(GrowArrow(arrow), FadeIn(block)) for arrow, block in zip(arrows, blocks)]
        else:
            arrows = [arrow_between(x, blocks, th, buff=0.25)]
            appear = [GrowArrow(arrows[0]), *(FadeIn(block) for block in blocks)]
        # where the step ends: X and the head whose query mixes X's features most, its W_Q and W_K
        # at full size, as what its first query and key features read is said
        # (the overview of every head is too small to read; made now, while all of it is in sight)
        h_worked = self.query_head()
        kept = VGroup(VGroup(x_name, x), VGroup(blocks[h_worked][0], *blocks[h_worked][1][:2]))
        settled = kept.copy()
        # laid out for the product that follows (W_Q and W_K over where Q and K will be built, beside
        # X): where that fits with X's numbers large enough to read; else side by side
        self.qk_room = self.beside_x(settled)
        # (r30b: while the head's W_Q and W_K are read, X and they stand level, one row across the
        # frame; they move into the product's places as Q and K are built: no staircase with an
        # empty quadrant while nothing is built in it)
        self.to_product = self.level_layout(settled) if self.qk_room is not None else None
        if self.qk_room is None:
            settled = kept.copy()
            settled.arrange(RIGHT, buff=0.6)  # (any wider, the fit takes X's numbers below the smallest text)
            fit_region(settled, -SIDE, SIDE, grow=1.4)
        self.x_beside, self.w_beside = x, (kept[1][1][0], kept[1][2][0])
        self.kept_beside = kept
        # (the heading fades in, sliding a little, as output's does: written stroke by stroke, its
        # glyphs showed broken mid-way, r27)
        self.play(FadeIn(self.heading, shift=RIGHT * 0.3), *self.take_over(x, x_name), run_time=1.0)
        widths = sorted({head.d_k for head in m.heads})
        self.narrate("Several heads, each projecting the same input X",
                     LaggedStart(*appear, lag_ratio=0.4), run_time=2.5)
        # the camera then goes to one head's W's at a time, as they are named (in the overview their
        # numbers are too small to read); what a head's view would cut steps out of sight meanwhile
        view_head = self.head_views(blocks, [x, x_name, *arrows, *blocks])
        said = [h for h, head in enumerate(m.heads) if strongest_rows(head.w_v)]
        shown = said[0] if said else 0
        # the three projections named in turn in the head the camera is on: a box on W_Q, W_K, then
        # W_V, each fading in where it stands once the camera has arrived (sliding between them, a
        # box would strike through the numbers it passes)
        grids = [grid[0].rects for grid in blocks[shown][1]]
        slide = AnimationGroup(*(blink(SurroundingRectangle(g, color=self.head_color(shown), buff=0.05, stroke_width=4),
                                       (start, start + 0.05), (start + 0.17, start + 0.21))
                                 for g, start in zip(grids, (0.38, 0.58, 0.78))))
        # each word's new numbers are a projection's columns: their names light up as the count is
        # said, each name pulsing where it stands (a group pulsed as one would push its ends apart)
        columns = [lab for grid in blocks[shown][1] for lab in grid[0].col_labels]
        self.narrate(f"with its own W_Q, W_K, W_V: {' or '.join(str(w) for w in widths)} numbers per word.",
                     *(during(a, 0.0, 2.6 / 4.1) for a in (*view_head(shown, 0.0, 0.35), slide)),
                     *(during(Indicate(lab, color=th.text, scale_factor=1.12), 2.6 / 4.1, 1.0) for lab in columns),
                     run_time=4.1)
        # what each head's W_V passes on: its strong entries boxed as its dims are named, head by head
        reads = [[dims[r] for r in strongest_rows(head.w_v)] for head in m.heads]
        # (said only where no dim is read by two heads: the second example's heads share 7 of 8)
        differ = heads_read_apart(reads)
        # each head's boxes: out of sight with their head when the camera leaves it (they do not come back)
        boxed = []
        # two heads: both heads' W_V side by side in the first head's view (r28f: the camera's pan
        # from head 1 to head 2 cut head 2 at the frame's bottom edge, or left a near-blank frame)
        values_beside = len(said) == 2 and len(blocks) == 2
        if values_beside:
            boxed = self.values_side_by_side(blocks, said, reads, differ)
        for n, h in enumerate(said if not boxed else ()):
            colour, first = self.head_color(h), blocks[h][1][0][0]
            entries = strong_entries(m.heads[h].w_v)
            boxes = VGroup(*(self.w_values[h].cell_box(r, c, colour) for r, c in entries))
            names = VGroup(*(first.row_labels[r] for r in strongest_rows(m.heads[h].w_v)))
            passed = self.passes_on(h, reads)
            text = f"Head {h + 1}'s W_V passes on {passed}" if n == 0 else f"head {h + 1}'s, {passed}"
            if n < len(said) - 1:
                text += ";"
            else:
                text += ": different heads, different features." if differ else "."
            # the camera on this head (moved from the last one), W_V's entries boxed as it is
            # named, its dims' names pulsing as they are said; after the last head, back out to
            # all of them (as X's row is named, in the next sentence)
            moving = h != shown
            leaving = []
            if moving and boxed:
                hide, _ = hidden_while_zoomed([boxed[-1]])
                leaving = [during(a, 0.0, 0.3) for a in hide]
            named = [during(FadeIn(boxes), 0.0, 0.2),
                     *(during(Indicate(name, color=colour, scale_factor=1.15), 0.25, 0.6) for name in names)]
            if moving:
                # the camera's move first, in a play of its own: a name pulsed in the same play
                # would start from how it stood, out of sight, and stay there
                self.caption_over(text)
                self.play(*leaving, *view_head(h, 0.0, 1.0), run_time=0.7)
                self.play(*named, run_time=1.6)
            else:
                self.narrate(text, *named, run_time=2.2)
            shown = h
            boxed.append(boxes)
        # the camera back out as the other heads, the arrows, that head's W_V and its boxes go (W_V is
        # said) and X and that head's W_Q and W_K take the frame: the words it goes with say what the
        # head's first query and key features read
        others = [block for k, block in enumerate(blocks) if k != h_worked] + [*arrows, blocks[h_worked][1][2], *boxed,
                                                                                *getattr(self, "values_beside", [])]
        # (the head's tables move in the camera's own time: moved after it, they were seen to shrink
        # with the view, then grow again into their place)
        # (both W_V compared in the first head's view: the worked head's W_Q and W_K, out of sight
        # since, come in where they settle once the camera is out; moving in from their place in the
        # overview, they crossed the view's bottom edge and the subtitles' band)
        if values_beside:
            kept[1].become(settled[1].copy().set_opacity(0))
            # (r32: the worked head's title, beside its W_V in the view, moves to its place over its
            # W_Q and W_K: it had faded out there and in here; the same title, one move)
            title_b = self.values_beside[2]
            if h_worked == said[-1] and kept[1][0].text == title_b.text:
                kept[1][0].become(title_b.copy())
                title_b.set_opacity(0)  # (in a group the scene holds: dropped with it)
                others.remove(title_b)
        # (and as the W_V go, each under half seen while the other is over half: after them, the
        # frame stood near blank for 0.3 s)
        move = [*(during(a, 0.0, 0.45) for a in self.zoom_out().animations),
                during(fade_out(*others), *((0.1, 0.4) if values_beside else (0.0, 0.3))),
                during(Transform(kept[1], settled[1]), *((0.3, 0.6) if values_beside else (0.0, 0.45))),
                # X (out of sight while the camera was on the head) once the camera is out: coming
                # back sooner, it would be seen cut at the edge of the view
                during(Transform(kept[0], settled[0]), *((0.33, 0.63) if values_beside else (0.45, 0.75)))]
        # (the boxes on W_Q's and W_K's entries made where the move takes them)
        self.design_boxes = VGroup()
        self.design_of(h_worked, x, settled[1][1][0], settled[1][2][0], move)
        self.drop(*others)
        if self.qk_room is None:
            self.clear_with_next_play()
        # (else X, W_Q and W_K stay: the next step builds Q and K beside them)

    def level_layout(self, settled):
        """`settled` (laid out by beside_x for the product) moved to one row: X at the left, the
        head's title, W_Q and W_K at the right, W's rows centred on X's, the whole centred in the
        frame's height. Returns the shifts (for X and its name, for the W's) that take them back to
        the product's places, or None (settled then as beside_x left it) where the row does not fit."""
        xs, ws = settled
        x, wq = xs[1], ws[1][0]

        def measure():
            gap = 0.4 * x.rects[0].height / x.cell_h
            # how far X must move left to clear W_Q's row names
            return max(0.0, max(x.col_labels.get_right()[0], x.rects.get_right()[0]) + gap - wq.row_labels.get_left()[0])
        overlap = measure()
        wide = max(ws.get_right()[0], self.qk_room.get_right()[0]) - (xs.get_left()[0] - overlap)
        if wide > 2 * SIDE:
            # (the whole a little smaller, where every text stays at least the smallest size)
            f = 2 * SIDE / wide
            if min(t.font_size for t in (*x.numbers, *x.col_labels, *x.row_labels, *wq.row_labels)) * f < SMALLEST_TEXT:
                return None
            VGroup(xs, ws, self.qk_room).scale(f)
            overlap = measure()
        left_room = xs.get_left()[0] + SIDE
        right_room = SIDE - max(ws.get_right()[0], self.qk_room.get_right()[0])
        push = max(0.0, overlap - left_room)
        if push > right_room + 1e-3:
            return None
        # the product's layout pushed right as far as the row needs
        for mob in (xs, ws, self.qk_room):
            mob.shift(RIGHT * push)
        d_x = LEFT * overlap
        d_w = DOWN * (wq.rects.get_y() - x.rects.get_y())
        xs.shift(d_x)
        ws.shift(d_w)
        row = VGroup(xs, ws)
        d_y = UP * ((TOP + BOTTOM) / 2 - row.get_y())
        row.shift(d_y)
        return -(d_x + d_y), -(d_w + d_y)

    def passes_on(self, h: int, reads) -> str:
        """What head h's W_V passes on, as said: "only" its strong dims where the other dims' rows
        are zeros, "mostly" where they pass on a little, "all N dims" where every dim is strong
        ("only" all of them would say nothing)."""
        if len(reads[h]) == len(self.example.dims):
            return f"all {len(reads[h])} dims"
        share = "only" if draws_only_on(self.first.multi_head.heads[h].w_v) else "mostly"
        return f"{share} {listed(reads[h])}"

    def values_side_by_side(self, blocks, said, reads, differ) -> list:
        """Two heads' W_V side by side in the view of the first (the camera on it): its W_Q and W_K
        go (their dims' names stay), its W_V slides into W_Q's place beside the dims, and its strong
        entries are boxed as its dims are named; then the other head's W_V comes in beside it, under
        its own title, its entries boxed as its dims are named. Both W_V in sight as the two heads'
        features are compared (r28f). Returns the boxes, head by head (the new W_V, its name and
        title in self.values_beside: they go with the boxes)."""
        th, m = self.theme, self.first.multi_head
        a, b = said
        (wq, wq_name), (wk, wk_name), (wv, wv_name) = blocks[a][1]
        title_a = blocks[a][0]
        colour_a, colour_b = self.head_color(a), self.head_color(b)
        slide = RIGHT * (wq.rects.get_left()[0] - wv.rects.get_left()[0])
        # head b's W_V made at head a's W_V's size, in W_K's place, its name and title as head a's
        head_b = m.heads[b]
        grid_b = self.grid(head_b.w_v, f"multi_head.heads[{b}].w_v", col_labels=features("v", head_b.d_v),
                           value_scale=self.vector_scale, label_color=colour_b, number_size=WEIGHT_NUMBER_SIZE)
        grid_b.scale(wv.rects.height / grid_b.rects.height)
        grid_b.shift(RIGHT * (wk.rects.get_left()[0] - grid_b.rects.get_left()[0])
                     + UP * (wv.rects.get_y() - grid_b.rects.get_y()))
        name_b = wv_name.copy().set_color(colour_b)
        name_b.shift(grid_b.rects.get_center() - wv.rects.get_center())
        title_to = title_a.copy().align_to(wq.rects, LEFT)
        title_b = label(f"head {b + 1}", th, size=30, color=colour_b, weight="BOLD")
        title_b.scale(title_a.height / title_b.height).move_to(title_to).align_to(grid_b.rects, LEFT)
        # the view: the dims, the two W_V and their names and titles, centred (the camera moves over
        # as head a's W_V slides: the two together keep the picture's centre)
        content = VGroup(wq.row_labels, wq.rects, wv.col_labels.copy().shift(slide), grid_b, name_b, title_to, title_b)
        centre, share = self.zoom_target(content)
        share = max(share, self.zoom[1])  # (no closer than the head's view: only over)
        centre = np.array([content.get_x(), self.zoom[0][1], 0.0]) if share == self.zoom[1] else centre
        camera = self._camera_to(centre, share).animations
        going = VGroup(wq.rects, wq.numbers, wq.col_labels, wq_name, wk, wk_name)
        names_of = [VGroup(*(wq.row_labels[r] for r in strongest_rows(m.heads[h].w_v))) for h in said]
        boxes_a = VGroup(*(self.w_values[a].cell_box(r, c, colour_a) for r, c in strong_entries(m.heads[a].w_v))).shift(slide)
        boxes_b = VGroup(*(grid_b.cell_box(r, c, colour_b) for r, c in strong_entries(head_b.w_v)))
        self.values_beside = [grid_b, name_b, title_b]
        self.narrate(f"Head {a + 1}'s W_V passes on {self.passes_on(a, reads)};",
                     # (out of sight in the scene, as a zoom hides what it cuts: they go with their head's
                     # block as the camera goes back out, never back)
                     *(during(h, 0.0, 0.25) for h in hidden_while_zoomed([going])[0]),
                     during(VGroup(wv, wv_name).animate.shift(slide), 0.08, 0.4),
                     during(title_a.animate.move_to(title_to), 0.08, 0.4),
                     *(during(c, 0.08, 0.4) for c in camera),
                     during(FadeIn(boxes_a), 0.42, 0.52),
                     *(during(Indicate(name, color=colour_a, scale_factor=1.15), 0.52, 0.85) for name in names_of[0]),
                     run_time=2.4)
        ending = ": different heads, different features." if differ else "."
        self.narrate(f"head {b + 1}'s, {self.passes_on(b, reads)}{ending}",
                     during(FadeIn(VGroup(grid_b, name_b, title_b), shift=LEFT * 0.3), 0.0, 0.2),
                     during(FadeIn(boxes_b), 0.24, 0.32),
                     *(during(Indicate(name, color=colour_b, scale_factor=1.15), 0.32, 0.62) for name in names_of[1]),
                     run_time=2.6)
        return [boxes_a, boxes_b]

    def beside_x(self, settled):
        """`settled` (X with its name; the head's title, W_Q and W_K with their names) laid out for
        the products Q = X·W_Q and K = X·W_K: W_Q and W_K over the places of Q and K, their columns
        over Q's and K's, which stand right of X, their rows level with X's (each cell of Q is the
        row of X left of it times the column of W_Q over it), fitted to the frame. Returns the
        places of Q and K (unseen rectangles); None (`settled` then of no use) where X's numbers
        would be smaller than the smallest text (a wide example: 8 dims over 8 words)."""
        (x_name, x), (title, wq, wk) = settled
        k = x.rects[0].height / x.cell_h
        gap = 0.5 * k
        wq.shift(RIGHT * (x.rects.get_right()[0] + gap - wq[0].rects.get_left()[0]))
        wk.shift(RIGHT * (wq[0].rects.get_right()[0] + gap - wk[0].rects.get_left()[0]))
        # W's names under them, over Q's and K's tops; W_Q's row names (the dims) over X's column names
        drop = wq[0].rects.get_bottom()[1] - wq[1].get_bottom()[1]
        low = max(x.col_labels.get_top()[1] + 0.2 * k, x.rects.get_top()[1] + drop + 0.2 * k)
        for w in (wq, wk):
            w.shift(UP * (low - w[0].rects.get_bottom()[1]))
        # X's name over its column names, the head's title over it, in the corner left of W_Q's row names
        x_name.next_to(x.col_labels, UP, buff=0.2 * k).set_x(x.rects.get_x())
        # (close to its tables' corner, r25: over X's middle it floated far from the W's it names)
        # (r27: left of that corner it still floated: now in W_Q's corner itself, over its row names,
        # level with its column names, as a table's name in its corner)
        title.set_y(wq[0].col_labels.get_y()).align_to(wq[0].row_labels, RIGHT)
        title.shift(LEFT * max(0.0, title.get_right()[0] - (wq[0].col_labels.get_left()[0] - 0.3 * k)))
        places = VGroup(*(Rectangle(width=w[0].rects.width, height=x.rects.height, stroke_opacity=0, fill_opacity=0)
                          .move_to([w[0].rects.get_x(), x.rects.get_y(), 0.0]) for w in (wq, wk)))
        # (room under X's rows for Q's and K's names, written under them)
        under = label("Q" + of_head(0), self.theme, size=26).scale(k).next_to(x.rects, DOWN, buff=0.25 * k)
        whole = VGroup(settled, places, under)
        fit_region(whole, -6.6, 6.6, grow=3.0)
        # the numbers as large as their cells allow (one size in the three tables)
        numbers_larger([x, wq[0], wk[0]], NUMBER_GROWTH * max(n.font_size for n in x.numbers))
        if min(t.font_size for t in (*x.numbers, *x.col_labels, *x.row_labels, *wq[0].row_labels)) < SMALLEST_TEXT:
            return None
        return places

    def query_head(self) -> int:
        """The head whose queries and keys are explained: the one where most terms of the focus
        word's row of X times W_Q's first column are not zero (its query mixes the features most)."""
        s = self.first
        i, heads = self.focus_row(s), s.multi_head.heads
        return max(range(len(heads)), key=lambda k: (np.count_nonzero(dot_product(s.input[i], heads[k].w_q[:, 0]).products), -k))

    def design_of(self, h: int, x, w_q, w_k, move) -> None:
        """What head h's first query and key features read (W_Q's and W_K's first columns' strong
        entries boxed as they are named), and so which words look for which (X's columns of those
        dims boxed): said when the columns have no negative entry (query_seeks_key); else only the
        move (`move`, the animations bringing X and the head's W_Q and W_K in) under a plain line.
        `w_q`, `w_k`: those tables where the move takes them."""
        s, ex, th = self.first, self.example, self.theme
        head, dims = s.multi_head.heads[h], list(ex.dims)
        reads = query_seeks_key(head.w_q, head.w_k, 0)
        if reads is None:
            self.narrate(f"Head {h + 1}'s queries and keys:", *move, run_time=1.5)
            return
        query, key = reads
        # (the query's side in the queries' colour, the key's in the keys', on W's entries and X's columns alike)
        q_boxes = VGroup(*(SurroundingRectangle(w_q.cell(r, 0), color=th.query, buff=-0.04, stroke_width=4) for r in query))
        k_boxes = VGroup(*(SurroundingRectangle(w_k.cell(r, 0), color=th.key, buff=-0.04, stroke_width=4) for r in key))
        # the tables' move over in the sentence's first words (slower, it would strand them mid-frame
        # while they are read out), then each column's entries boxed as its name is said
        self.narrate(f"In head {h + 1}, q₁ reads {listed(dims[r] for r in query)}, k₁ {listed(dims[r] for r in key)}:",
                     *(during(a, 0.0, 0.4) for a in move), during(FadeIn(q_boxes), 0.42, 0.5),
                     during(FadeIn(k_boxes), 0.8, 0.9), run_time=2.6)
        # which words those are: X's columns of the query's dims, then of the key's
        # (one box round neighbouring columns of a side: a box each, they drew a double line between
        # them; the key's boxes inside their columns' edges, clear of a query's box next to them)
        def boxed(cols, colour, buff):
            runs = []
            for c in sorted(cols):
                if runs and runs[-1][-1] == c - 1:
                    runs[-1].append(c)
                else:
                    runs.append([c])
            return VGroup(*(SurroundingRectangle(VGroup(*(x.column(c) for c in run)), color=colour, buff=buff, stroke_width=4)
                            for run in runs))
        x_q, x_k = boxed(query, th.query, 0.04), boxed(key, th.key, -0.04)
        self.design_boxes = VGroup(q_boxes, k_boxes, x_q, x_k)
        self.narrate(f"words with {' or '.join(dims[r] for r in query)} seek words with {' or '.join(dims[r] for r in key)}.",
                     during(FadeIn(x_q), 0.0, 0.2), during(FadeIn(x_k), 0.45, 0.65), run_time=2.6)

    def head_views(self, blocks, on_screen):
        """A function view(h, start, end) giving the animations (between fractions start and end
        of the group they are played in) that move the camera onto head h's block, or back to the
        whole frame (h None): the pieces of `on_screen` that view would cut go out of sight, those
        it holds and that were out of sight come back as they were (recorded now, all in sight)."""
        # (an arrow whole: taken apart into pieces, only its tip would be judged)
        arrows = [m for m in on_screen if isinstance(m, Arrow)]
        cuts = [{**{id(p): p for p in self.cut_by_zoom([block], candidates=[m for m in on_screen if m not in arrows])},
                 **{id(a): a for a in arrows}} for block in blocks]
        every = {key: p for cut in cuts for key, p in cut.items()}
        bring_back = {key: hidden_while_zoomed([p])[1] for key, p in every.items()}
        hidden = set()

        def view(h, start: float, end: float) -> list:
            want = set(cuts[h]) if h is not None else set()
            hidden_before = set(hidden)
            going = [a for key in want - hidden for a in hidden_while_zoomed([every[key]])[0]]
            coming = [a for key in hidden - want for a in bring_back[key]()]
            hidden.clear()
            hidden.update(want)
            camera = self.zoom_on(blocks[h]) if h is not None else self.zoom_out()
            # what the view cuts goes before the camera has moved far; what comes back, once it
            # has nearly arrived (before, it would be seen cut at the frame's edge)
            span = end - start
            # (the camera's moves one by one: played as one group, manim adds the group to the
            # scene, the heading goes into it, and the move back no longer finds it)
            # (from one head to another: the one goes as the other comes, the frame never empty)
            pan = h is not None and bool(hidden_before)
            # (from head to head the two overlap more: r25 saw a near-blank frame mid-pan)
            return [*(during(a, start, end) for a in camera.animations),
                    *(during(a, start, start + (0.5 if pan else 0.3) * span) for a in going),
                    # (r27 still saw a near-blank frame at 15 s: the next head comes back sooner, as the
                    # camera is half-way, and whole before it arrives)
                    *(during(a, start + (0.15 if pan else 0.8) * span, start + (0.7 if pan else 1.0) * span) for a in coming)]
        return view

    def heads_side_by_side(self):
        s, ex, th = self.first, self.example, self.theme
        m = s.multi_head
        tokens = list(s.tokens)
        i = self.focus_row(s)
        blocks, self.patterns = [], []
        # per head: whether the focus word's largest weight is its own (worked out once: the verdicts,
        # the sentences on the tables and the lines' boxes all say "after itself" from it)
        self.after_itself = [tokens[ranked(head.weights[i])[0]] == ex.focus for head in m.heads]
        for h, head in enumerate(m.heads):
            # tall cells: two square-ish tables side by side fill the frame's height; a table right of
            # another, rows level with its rows, goes without their words (said once, at the left: the
            # two tables' words set the layout's width, and twice they would shrink below the smallest text)
            g = self.grid(head.weights, f"multi_head.heads[{h}].weights", row_labels=None if h % 2 else tokens,
                          col_labels=tokens, value_scale=1.0,
                          row_label_colors=self.token_colors(tokens), col_label_colors=self.token_colors(tokens),
                          cell_h=ATTENTION_CELL_H if len(m.heads) <= 2 else 0.5, number_size=NUMBER_SIZE)
            colour = self.head_color(h)
            name = label(f"head {h + 1}: attention", th, size=26, color=colour, weight="BOLD")
            # where the table comes from: the head's own queries and keys (said as it is written)
            source = label(f"softmax(Q{of_head(h)}·K{of_head(h)}ᵀ / √{head.d_k})", th, size=24, color=th.text)
            top = strongest_neighbour(tokens, head.weights[i], ex.focus)
            # the word named is the strongest OTHER word: when the row's largest weight is the word
            # itself, say so, or the caption contradicts the darkest cell of the row
            own = self.after_itself[h]
            verdict = label(f"{ex.focus} → {tokens[top]} {format_number(head.weights[i, top])}"
                            + (" (after itself)" if own else ""), th, size=28, color=th.text)
            blocks.append(VGroup(name, source, g, verdict).arrange(DOWN, buff=0.2))
            self.patterns.append((g, verdict, top))
        row = self.arrange_heads(VGroup(*blocks), 0.6, 0.3)
        # as far from the frame's right side as the heading is from its left
        half = min(6.6, SIDE)
        fit_region(row, -half, half, grow=1.6)
        # the numbers at least the smallest text's size in their cells, whatever the fit took from them
        # (r30b: "small" at 44–48 s: the numbers grown as far as their cells allow)
        for g, _, _ in self.patterns:
            numbers_larger(g, max(SMALLEST_TEXT + 1, NUMBER_GROWTH * max(n.font_size for n in g.numbers)))
        # first, where each table comes from: the head's own queries and keys, X times its W_Q and
        # W_K, large, one head a half of the frame (they leave before the attention comes: nothing morphs)
        sources = self.queries_and_keys(blocks)
        # each table built row by row (a row per word) as it is named, in both heads at once
        def built(k):
            return [AnimationGroup(FadeIn(names[k]), LaggedStart(*(FadeIn(part) for part in self.table_rows(tables[k])),
                                                                 lag_ratio=0.5)) for tables, names, _ in sources]
        early = VGroup(*(title for _, _, title in sources))
        said = "Each head makes its own queries X·W_Q and keys X·W_K."
        if self.qk_room is None:
            self.narrate(said, FadeIn(early, rate_func=rush_from),
                         *(during(a, 0.05, 0.5) for a in built(0)), *(during(a, 0.5, 1.0) for a in built(1)), run_time=3.8)
        else:
            self.build_beside_x(said, sources, built)
        # one score worked from the tables, in the last head: the focus word's query row times the key
        # row of the word it attends to most, ÷ √d_k, then the weight the softmax of the row gives it
        ledger, weight = self.worked_score(sources)
        worked_h = len(blocks) - 1
        # from the queries and keys to the attention: the camera goes back out as the ledger goes;
        # each head's table is then built from its Q and K (r29: they no longer shrink into specks
        # that grow the tables, a morph): head 1's focus row worked beside its Q and K where there
        # is room (build_first_row), else every table drawn empty and filled
        workings = [VGroup(title, *([] if h == worked_h else [names]), tables)
                    for h, (tables, names, title) in enumerate(sources)]
        n = len(tokens)
        rows = VGroup(*(g.row_box(i, th.focus) for g, _, _ in self.patterns))
        # (the heads not worked: made the same way, from their own Q and K; r26: head 1's scores were
        # never said to come as head 2's did; r28: its table grew out of its Q and K, a morph: now
        # its focus row is built from them first, where there is room: each key's score beside its
        # row of K, then softmax, and the weights go down into the row)
        rest_heads = [h + 1 for h in range(len(blocks)) if h != worked_h]
        column = self.score_column(sources, blocks) if len(blocks) == 2 and worked_h == 1 else None
        if column is not None:
            self.build_first_row(sources, blocks, workings, ledger, weight, column, rows)
        else:
            # (r29: the tables grew out of the Q and K shrunk to specks, a morph: now the worked head's
            # Q and K go as the camera backs out (the other heads' are out of sight already), and
            # every head's table is drawn empty where it stays and filled, the focus word's row
            # first, then the other rows)
            self.drop(*(w for h, w in enumerate(workings) if h != worked_h))
            grids = [b[2] for b in blocks]
            for g in grids:
                g.clear_fills()
            rest = [r for r in range(n) if r != i]
            def build(g):
                # (the focus row as soon as the tables are in: empty, they read as a near-blank frame)
                cells = [((i, j), (0.24 + 0.14 * j / n, 0.24 + 0.14 * (j + 1.5) / n)) for j in range(n)]
                cells += [((r, j), (0.44 + 0.3 * k / len(rest), 0.44 + 0.3 * (k + 1.5) / len(rest)))
                          for k, r in enumerate(rest) for j in range(n)]
                return [a for (r, j), (a0, a1) in cells
                        for a in (during(g.fill_in(r, j), a0, min(1.0, a1)), Vanish(g.number(r, j), back=(a0, min(1.0, a1))))]
            whose = (f"Head {rest_heads[0]}'s" if len(rest_heads) == 1 else f"Heads {listed(str(h) for h in rest_heads)}'")
            self.narrate(f"{whose} attention follows the same way.",
                         # (the ledger gone before the camera moves: it stood at the view's right edge, and
                         # the view's edge crossed it on the way out, r25)
                         during(FadeOut(VGroup(ledger, weight)), 0.0, 0.04),
                         *(during(a, 0.03, 0.15) for a in self.zoom_out().animations),
                         during(FadeOut(workings[worked_h]), 0.03, 0.15),
                         # (Vanish, not FadeIn: a FadeIn would put the cells over the numbers filling them)
                         *(during(fade_in(b[2].rects, b[2].col_labels, b[2].row_labels, b[0], b[1]), 0.15, 0.28)
                           for b in blocks),
                         *(a for g in grids for a in build(g)),
                         during(FadeIn(rows), 0.8, 0.85),
                         run_time=3.4)
        # the Q and K out of the scene (faded at the end of the push), with the worked head's names
        # (out of sight since the camera moved in on its tables)
        self.drop(*workings, *(names for _, names, _ in sources))
        self.add(*(b[2] for b in blocks), rows)
        # the named word's cell, inside the row's box (inset, so the two frames stay apart)
        cells = VGroup(*(SurroundingRectangle(g.cell(i, top), color=self.head_color(h), buff=-0.06, stroke_width=4)
                         for h, (g, _, top) in enumerate(self.patterns)))
        # (r30b: "different heads, different words" said here, on the two tables at full size, each
        # head's named cell boxed and its verdict written as it is said; the lines then only redraw it)
        own_cells = VGroup()
        self.focus_marks = VGroup(rows, cells, own_cells)  # (the next step keeps them while the row's numbers leave)
        self.zero_query_row()
        tops = [top for _, _, top in self.patterns]
        differ = len({tokens[j] for j in tops}) > 1
        for h, (g, verdict, j) in enumerate(self.patterns):
            own = self.after_itself[h]
            said = f"{'' if h else f'For {ex.focus}, '}head {h + 1} to {tokens[j]}" + (" (after itself)" if own else "")
            said += "," if h < len(tops) - 1 else (": different heads, different words." if differ else ".")
            mine = []
            if own:
                box = SurroundingRectangle(g.cell(i, i), color=self.head_color(h), buff=-0.06, stroke_width=4)
                own_cells.add(box)
                mine = [during(FadeIn(box), 0.55, 0.8)]
            self.narrate(said, during(FadeIn(cells[h]), 0.0, 0.3), during(FadeIn(verdict), 0.2, 0.6), *mine,
                         run_time=1.2)
        # (no veil: the next step takes the focus word's rows out of these tables into its lines)

    def score_column(self, sources, blocks):
        """Head 1's focus-row scores and where they go (r29: the column was jammed between head 1's K
        and head 2's Q, its weights flew diagonally across the attention's cells, and the attention
        grew out of Q and K shrunk to specks): head 2's Q and K have gone, so the column stands clear
        beside K⁽¹⁾'s rows, each score beside its key's row, named over it (focus·kⱼ ÷ √d_k), one
        term worked out beside it; head 1's attention is then drawn empty right of the column, its
        rows level with Q⁽¹⁾'s and K⁽¹⁾'s (the words left of Q name them), for the weights to move
        into the focus row without crossing a number. Returns a dict of the pieces, or None where
        they do not fit (the second example's eight words: the old push)."""
        s, ex, th = self.first, self.example, self.theme
        tokens = list(s.tokens)
        i, head, n = self.focus_row(s), s.multi_head.heads[0], len(tokens)
        (q_tab, k_tab), _, _ = sources[0]
        size = max(SMALLEST_TEXT + 1, blocks[0][2].number(i, 0).font_size)
        scores = VGroup(*(label(format_number(x), th, size=size) for x in head.scaled[i]))
        wide = max(m.width for m in scores)
        col_x = k_tab.rects.get_right()[0] + 0.25 + wide / 2
        left = col_x + wide / 2 + 0.35
        # the table's cells as wide as where it goes (its words over them, copies of its own, as large)
        g1 = blocks[0][2]
        cell_w = g1.cell(0, 0).width
        if cell_w < wide + 0.15 or left + n * cell_w > SIDE:
            return None
        row_h = k_tab.cell(0, 0).height
        grid = self.grid(head.weights, "multi_head.heads[0].weights", value_scale=1.0, cell_h=row_h, cell_w=cell_w,
                         number_size=size)
        grid.shift(RIGHT * (left - grid.rects.get_left()[0]) + UP * (k_tab.cell(0, 0).get_y() - grid.cell(0, 0).get_y()))
        words = g1.col_labels.copy()
        above = g1.col_labels.get_bottom()[1] - g1.rects.get_top()[1]
        for j, word in enumerate(words):
            word.set_x(grid.cell(0, j).get_x())
        words.shift(UP * (grid.rects.get_top()[1] + above - words.get_bottom()[1]))
        for j, score in enumerate(scores):
            score.move_to(np.array([col_x, k_tab.cell(j, 0).get_y(), 0.0]))
        weights = VGroup(*(grid.number(i, j).copy().move_to(scores[j]) for j in range(n)))
        colour = self.head_color(0)
        title = label("head 1: attention", th, size=26, color=colour, weight="BOLD")
        title.next_to(words, UP, buff=0.3).set_x(grid.rects.get_x())
        # the column's name, level with K's feature names (clear of them): the focus word's query
        # times each key, ÷ √d_k
        tag = label(f"{ex.focus}·kⱼ ÷ √{head.d_k}", th, size=SMALLEST_TEXT + 2, color=th.text)
        tag.move_to(np.array([max(col_x, k_tab.col_labels.get_right()[0] + 0.3 + tag.width / 2),
                              k_tab.col_labels.get_y(), 0.0]))
        # one term worked beside its score: the word the focus word attends to most (after itself),
        # its query row times that key's row, as the tables write them, ÷ √d_k
        j = strongest_neighbour(tokens, head.weights[i], ex.focus)
        dot = dot_product(head.q[i], head.k[j])
        places = dot.scaled_decimals(head.d_k)
        parts = [label("= (", th, size=size)]
        for k, (a, b) in enumerate(zip(dot.a, dot.b)):
            parts += ([label("+", th, size=size)] if k else []) + [
                label(shortest(a, places), th, size=size, color=th.focus), label("×", th, size=size),
                label(shortest(b, places), th, size=size, color=colour)]
        parts.append(label(f") ÷ √{head.d_k}", th, size=size))
        worked = VGroup(*parts).arrange(RIGHT, buff=0.1)
        worked.next_to(scores[j], RIGHT, buff=0.15)
        if format_number(head.scaled[i, j], places) != scores[j].text or worked.get_right()[0] > SIDE:
            worked = VGroup()  # (where the column's number is not what the line gives as written: none)
        return dict(scores=scores, weights=weights, grid=grid, title=title, tag=tag, worked=worked, worked_row=j, words=words)

    def build_first_row(self, sources, blocks, workings, ledger, weight, column, rows) -> None:
        """Head 1's attention built from its Q and K, one beat (r29): back out of head 2's view,
        head 2's Q and K go (worked) and head 1's come back; the focus word's query row boxed, a box
        runs down K⁽¹⁾'s rows and each key's score is written beside its row, one term worked out
        beside it; softmax turns them into the row's weights where they stand. Head 1's attention
        comes in empty beside them, rows level with Q's; the weights move along their rows into the
        focus word's column and turn about its cell into its row (the column becoming the row,
        across empty cells only); the other rows fill. Then Q and K go, the table moves to its place
        (its name moving with it), and head 2's is filled beside it, its focus row first."""
        s, ex, th = self.first, self.example, self.theme
        m, tokens = s.multi_head, list(s.tokens)
        i, n, head = self.focus_row(s), len(tokens), m.heads[0]
        q_tab, k_tab = sources[0][0]
        scores, weights, tg, tg_title, tag, worked = (column[k] for k in ("scores", "weights", "grid", "title", "tag", "worked"))
        dims = list(ex.dims)
        like = like_seeks_like(head.w_q, head.w_k)
        said = ("Head 1: " + ", ".join(f"{listed(dims[r] for r in reads)} seeks {listed(dims[r] for r in reads)}"
                                       for reads in like) + ";") if like else f"Head 1: {ex.focus}'s query times each key;"
        q_box = q_tab.row_box(i, th.focus)
        cursor = k_tab.row_box(0, self.head_color(0))
        steps = [0.1 + 0.85 * j / max(1, n - 1) for j in range(n)]
        travel = Travel(cursor, [(t, k_tab.row(j).get_center()) for j, t in zip(range(n), steps)], appear=(0.0, 0.08))
        cursor_window = (0.3, 0.92)
        def at(t):
            return cursor_window[0] + t * (cursor_window[1] - cursor_window[0])
        j_w = column["worked_row"]
        self.drop(workings[0])
        self.narrate(said,
                     during(FadeOut(VGroup(ledger, weight)), 0.0, 0.04),
                     *(during(a, 0.0, 0.12) for a in self.zoom_out().animations),
                     # (head 2's queries and keys are done with: they go as head 1's come back)
                     during(FadeOut(workings[1]), 0.13, 0.25),
                     during(FadeIn(workings[0]), 0.07, 0.19),
                     during(FadeIn(q_box), 0.25, 0.3), during(FadeIn(tag), 0.26, 0.34),
                     during(travel, *cursor_window),
                     *(during(FadeIn(score, shift=RIGHT * 0.2), at(t) + 0.02, at(t) + 0.08) for score, t in zip(scores, steps)),
                     *([during(FadeIn(worked, shift=RIGHT * 0.2), at(steps[j_w]) + 0.06, at(steps[j_w]) + 0.14)]
                       if len(worked) else []),
                     run_time=3.0)
        self.drop(workings[1])
        # softmax: the scores become the row's weights where they stand, as the empty table comes in
        # beside them (cells uncoloured, no numbers: a frame for what is computed)
        tg.clear_fills()
        self.caption_over(f"Softmax: {ex.focus}'s row, then every row.")
        words = column["words"]
        frame = VGroup(tg.rects, words, tg_title)
        self.play(during(FadeOut(VGroup(q_box, cursor, tag, worked)), 0.0, 0.4),
                  # (one after the other where they stand: a morph of one number into the other showed
                  # broken glyphs half-way)
                  during(FadeOut(scores, shift=UP * 0.08), 0.0, 0.45), during(FadeIn(weights, shift=UP * 0.08), 0.5, 1.0),
                  during(FadeIn(frame), 0.3, 0.9),
                  run_time=0.5)
        # the weights: the column turning into the focus word's row, weight j from row j to column j
        # (across empty cells)
        starts = [w.get_center() for w in weights]
        # (r30b: slid first into the focus word's column, 0.26 stood for half a second where 0.28
        # belongs: now each goes straight to its own cell of the row, all in step, the column
        # turning into the row as one move; any two stay a cell's width or height apart throughout)
        land = 0.64
        ends = [tg.cell(i, j).get_center() for j in range(n)]
        def flight(mob, t):
            v = smooth(clip01(t / land))
            for w, p, e in zip(weights, starts, ends):
                w.move_to(p + v * (e - p))
                w.set_opacity(0.0 if t >= land else 1.0)
        # in the row: the table's own numbers take the weights' place, the row's cells their colours;
        # then the other rows fill, row after row (one play: each play is whole frames, and the
        # scene's length is near its limit)
        rest = [r for r in range(n) if r != i]
        span = 0.3 / max(1, len(rest))
        self.play(UpdateFromAlphaFunc(weights, flight, rate_func=linear),
                  # (whole from the moment the weights arrive, as they go: no frame with both half seen)
                  *(Vanish(tg.number(i, j), back=(land - 0.002, land)) for j in range(n)),
                  *(during(tg.fill_in(i, j), land, land + 0.06) for j in range(n)),
                  *(a for k, r in enumerate(rest) for j in range(n)
                    for a in (during(tg.fill_in(r, j), 0.68 + k * span, 0.68 + (k + 1.2) * span),
                              Vanish(tg.number(r, j), back=(0.68 + k * span, min(1.0, 0.68 + (k + 1.2) * span))))),
                  run_time=1.5)
        self.remove(weights)
        # head 1's Q and K go; its table moves to its place, its name with it (the same table:
        # a move), its words come; head 2's table is drawn beside it and filled, focus row first
        g1, g2 = blocks[0][2], blocks[1][2]
        g2.clear_fills()
        moved = VGroup(tg.rects, tg.numbers, words)
        rest2 = [r for r in range(n) if r != i]
        span2 = 0.3 / max(1, len(rest2))
        self.play(during(FadeOut(workings[0]), 0.0, 0.18),
                  during(Transform(moved, VGroup(g1.rects, g1.numbers, g1.col_labels).copy()), 0.1, 0.44),
                  during(Transform(tg_title, blocks[0][0].copy()), 0.1, 0.44),
                  during(FadeIn(g1.row_labels), 0.4, 0.5), during(FadeIn(blocks[0][1]), 0.4, 0.54),
                  # (a Vanish, not a FadeIn: a FadeIn would put the cells over the numbers filling them)
                  during(fade_in(g2.rects, g2.col_labels, blocks[1][0], blocks[1][1]), 0.42, 0.52),
                  *(a for j in range(n) for a in (during(g2.fill_in(i, j), 0.55, 0.65),
                                                   Vanish(g2.number(i, j), back=(0.55, 0.65)))),
                  *(a for k, r in enumerate(rest2) for j in range(n)
                    for a in (during(g2.fill_in(r, j), 0.66 + k * span2, 0.66 + (k + 1.2) * span2),
                              Vanish(g2.number(r, j), back=(0.66 + k * span2, min(1.0, 0.66 + (k + 1.2) * span2))))),
                  during(FadeIn(rows), 0.97, 1.0),
                  run_time=1.5)
        self.remove(moved, tg_title, tg)
        self.drop(*workings)
        self.add(g1, blocks[0][0], g2)

    def zero_query_row(self, then=()) -> bool:
        """Where one word's query is all zeros in every head (story.zero_query_rows: the built-in
        "and", grammar only, and both heads' W_Q have a 0 grammar row), its row of weights boxed in
        every head's attention as it is said: every score 0, so the softmax gives each word 1/n (as
        written). Said nowhere else (the second example: no zero query, nothing said). `then`:
        animations played in the sentence's last quarter, once its boxes have gone. Returns whether
        it was said."""
        s, th = self.first, self.theme
        heads, tokens = s.multi_head.heads, list(s.tokens)
        common = set.intersection(*(set(zero_query_rows(head.q)) for head in heads))
        if not common:
            return False
        r = min(common)
        every = "both heads" if len(heads) == 2 else "every head"
        # (as each head's table writes it: its own weights, all 1/n)
        equal = format_number(heads[0].weights[r, 0])
        # (inset: r30b saw its edge and the focus row's box next to it drawn as one double border)
        boxes = [g.row_box(r, self.head_color(h), buff=-0.1) for h, (g, _, _) in enumerate(self.patterns)]
        # the row's words pulse as the word is said, then its boxes as "0.20 each" is
        names = [g.row_labels[r] for g, _, _ in self.patterns if len(g.row_labels)]
        # the query said, on screen as it is said (its Q rows are gone by now, r27): each head's, in
        # the place under its table that its caption takes once these have gone
        queries = VGroup(*(label(f"{tokens[r]}: q{of_head(h)} = ({', '.join(format_number(q) for q in head.q[r])})", th,
                                 size=verdict.font_size, color=th.text).move_to(verdict)
                           for h, (head, (_, verdict, _)) in enumerate(zip(heads, self.patterns))))
        self.narrate(f"{tokens[r]}'s query is 0 in {every}: weights {equal}.",
                     *(during(Indicate(name, color=th.focus, scale_factor=1.15), 0.0, 0.3) for name in names),
                     during(blink(queries, (0.0, 0.1), (0.85, 1.0)), 0.0, 0.72),
                     *(during(blink(box, (0.0, 0.1), (0.85, 1.0)), 0.08, 0.72) for box in boxes),
                     *(during(a, 0.75, 1.0) for a in then),
                     run_time=3.6, through=True)
        return True

    def build_beside_x(self, said: str, sources, built) -> None:
        """The head whose W_Q and W_K are on screen (over the places of its Q and K, beside X): its
        Q and then its K computed row by row where they stand, each row of X boxed with the row it
        makes, W_Q (then W_K) boxed the while; then X and the W's go, those Q and K move to their
        place among every head's (the same tables: a move), and the other heads' are built there."""
        s, th = self.first, self.theme
        heads = s.multi_head.heads
        h = self.query_head()
        head, colour = heads[h], self.head_color(h)
        x, ws = self.x_beside, self.w_beside
        k = x.rects[0].height / x.cell_h
        made, names = [], VGroup()
        for key, place in zip(("q", "k"), self.qk_room):
            g = self.grid(getattr(head, key), f"multi_head.heads[{h}].{key}", value_scale=self.vector_scale,
                          number_size=WEIGHT_NUMBER_SIZE)
            g.scale(k).move_to(place)
            numbers_larger(g, x.number(0, 0).font_size)
            g.clear_fills()
            made.append(g)
            names.add(label(f"{key.upper()}{of_head(h)}", th, size=26, color=colour).scale(k)
                      .next_to(g.rects, DOWN, buff=0.25 * k))
        # (made where the W's will stand: boxes made now go with them)
        moved = getattr(self, "to_product", None)
        if moved is not None:
            for w in ws:
                w.shift(moved[1])
        w_boxes = [SurroundingRectangle(w.rects, color=c, buff=0.05, stroke_width=4) for w, c in zip(ws, (th.query, th.key))]
        if moved is not None:
            for w in ws:
                w.shift(-moved[1])
        # X and the W's from their row into the product's places (the W's up first, X after: X's
        # column names never under W_Q's row names on their way); then each of Q and K built: the
        # focus word's row boxed with X's row and filled, then the other rows in one go (r30b: not a
        # row every 0.25 s)
        i = self.focus_row(s)
        rest = [r for r in range(x.shape[0]) if r != i]
        start = 0.0
        layout = []
        if moved is not None:
            start = 0.2
        span = (1.0 - start) / 2

        def built(n, g, c):
            t0 = start + span * n
            return [during(build_rows(g, x, c, rows=[i]), t0 + 0.05 * span, t0 + 0.55 * span),
                    *(during(g.fill_in(r, j), t0 + 0.6 * span, t0 + 0.9 * span) for r in rest for j in range(g.shape[1])),
                    *(during(Vanish(g.number(r, j), back=(0.0, 1.0)), t0 + 0.6 * span, t0 + 0.9 * span)
                      for r in rest for j in range(g.shape[1]))]
        # (the builds' boxes on X's rows made where X will stand; the moves made after, from where it is)
        if moved is not None:
            self.kept_beside[0].shift(moved[0])
        builds = [a for n, (g, name, box, c) in enumerate(zip(made, names, w_boxes, (th.query, th.key)))
                  for a in (during(FadeIn(VGroup(g.rects, name)), start + span * n, start + span * n + 0.04),
                            during(blink(box, (0.0, 0.08), (0.92, 1.0)), start + span * n + 0.02, start + span * (n + 1)),
                            *built(n, g, c))]
        if moved is not None:
            self.kept_beside[0].shift(-moved[0])
            layout = [during(self.kept_beside[1].animate.shift(moved[1]), 0.03, 0.15),
                      during(self.kept_beside[0].animate.shift(moved[0]), 0.08, 0.2)]
        self.caption_over(said)
        self.play(*([during(fade_out(self.design_boxes), 0.0, 0.03)] if len(self.design_boxes) else []),
                  *layout, *builds, run_time=2.8)
        # the two tables move to their place among the heads' as X and the W's go; the other heads'
        # built row by row, every head's title and names over its tables
        tables = sources[h][0]
        ours = {id(m) for g in made for m in g.get_family()} | {id(m) for m in names.get_family()}
        going = [mob for mob in self.mobjects if mob is not self.heading and not any(id(m) in ours for m in mob.get_family())]
        moving = [VGroup(g.rects, g.numbers) for g in made]
        labels_in = VGroup(*(VGroup(t.row_labels, t.col_labels) for t in tables))
        others = [n for n in range(len(heads)) if n != h]
        # (each top piece faded on its own: the scene holds pieces that are no VMobjects)
        # (what goes fades as the move starts; the other heads' tables come in as it goes on: the
        # frame never empty, and what comes is not drawn over what goes)
        self.play(*(during(Vanish(top, gone=(0.0, 1.0), parts=top.family_members_with_points()), 0.0, 0.22)
                    for top in going if top.family_members_with_points()),
                  during(fade_out(names), 0.0, 0.22),
                  *(during(Transform(a, VGroup(t.rects, t.numbers).copy()), 0.1, 0.55) for a, t in zip(moving, tables)),
                  during(FadeIn(labels_in), 0.45, 0.7),
                  during(FadeIn(VGroup(*(title for _, _, title in sources))), 0.15, 0.4),
                  during(FadeIn(sources[h][1]), 0.5, 0.75),
                  *(during(AnimationGroup(FadeIn(sources[n][1]),
                                          LaggedStart(*(FadeIn(part) for t in sources[n][0] for part in self.table_rows(t)),
                                                      lag_ratio=0.3)), 0.15, 0.85) for n in others),
                  run_time=1.5)
        self.remove(*moving, labels_in)
        self.drop(*made)
        self.add(*(part for t in tables for part in self.table_rows(t)))

    @staticmethod
    def table_rows(grid) -> list:
        """A table's column names, then each row with its name: the order it is built in."""
        parts = [grid.col_labels] if len(grid.col_labels) else []
        return parts + [VGroup(*([grid.row_labels[r]] if len(grid.row_labels) else []), grid.row(r))
                        for r in range(grid.shape[0])]

    def queries_and_keys(self, blocks):
        """For each head, its Q and K tables side by side under its name ("head 1: Q1, K1") and
        theirs ("Q1 = X·W_Q", "K1 = X·W_K"), the heads arranged as their attention tables are, as
        large as the frame allows down to the subtitles' band (the score worked from them is written
        in a column beside the worked head's tables, once the other heads have left): (tables,
        names, title) per head, not yet shown."""
        half_width = SIDE  # the tables fit in ±this
        # the cells as wide as the frame's width leaves room for: when the tables' height sets their
        # size, at the default width their numbers filled the cells edge to edge, nearly touching
        # (the width they may take found from the tables built at the default width, then not shown)
        natural = self.qk_pairs(CELL_W, remember=False)[0]
        room = min((2 * half_width / natural.width) / ((TOP - BOTTOM - 0.2) / natural.height), QK_WIDER)
        pairs, parts = self.qk_pairs(CELL_W * max(1.0, room))
        self.arrange_heads(pairs, 0.8, 0.4)
        fit_region(pairs, -half_width, half_width, top=TOP, bottom=BOTTOM + 0.2, grow=1.8)
        for tables, _, _ in parts:
            for table in tables:
                grown_numbers(table)
        return parts

    def qk_pairs(self, cell_w: float, remember: bool = True) -> tuple:
        """Each head's Q and K tables with their names and title, at `cell_w` (the heads arranged,
        not yet fitted): (the group of all, (tables, names, title) per head). remember=False: made
        only to be measured (not among the tables the scene shows)."""
        s, th = self.first, self.theme
        tokens = list(s.tokens)
        make = self.grid if remember else (lambda values, name, **kw: MatrixGrid(values, th, name=name, **kw))
        pairs, parts = VGroup(), []
        for h, head in enumerate(s.multi_head.heads):
            colour = self.head_color(h)
            tables = VGroup(*(make(getattr(head, key), f"multi_head.heads[{h}].{key}",
                                   row_labels=tokens if k == 0 else None,
                                   # the words as in the attention tables (only the names in the head's colour)
                                   row_label_colors={**{r: th.text for r in range(len(tokens))}, **self.token_colors(tokens)},
                                   col_labels=features(key, getattr(head, key).shape[1]), label_color=colour,
                                   value_scale=self.vector_scale, number_size=NUMBER_SIZE, cell_w=cell_w)
                              for k, key in enumerate(("q", "k")))).arrange(RIGHT, buff=0.35, aligned_edge=DOWN)
            # each table's name over it on two lines ("Q⁽¹⁾ =" over "X·W_Q⁽¹⁾"): on one line, the two
            # names ran into each other and read as one product, "X·W_Q⁽¹⁾ K⁽¹⁾"
            names = VGroup(*(VGroup(label(f"{key.upper()}{of_head(h)} =", th, size=24, color=colour),
                                    label(f"X·W_{key.upper()}{of_head(h)}", th, size=24, color=colour))
                             .arrange(DOWN, buff=0.1).next_to(t.col_labels, UP, buff=0.2) for key, t in zip(("q", "k"), tables)))
            names.align_to(names[0], DOWN)
            apart = names[1].get_left()[0] - names[0].get_right()[0]  # (a clear gap between the two names)
            VGroup(tables[1], names[1]).shift(RIGHT * max(0.0, 0.6 - apart))
            title = label(f"head {h + 1}: Q{of_head(h)}, K{of_head(h)}", th, size=26, color=colour, weight="BOLD")
            title.next_to(names, UP, buff=0.25)
            pairs.add(VGroup(title, names, tables))
            parts.append((tables, names, title))
        self.arrange_heads(pairs, 0.8, 0.4)
        return pairs, parts

    def worked_pair(self) -> tuple:
        """(head, key) of the score worked: the last head, and the word other than itself the
        focus word attends to most there (the word its verdict names)."""
        s, ex = self.first, self.example
        h = len(s.multi_head.heads) - 1
        return h, strongest_neighbour(list(s.tokens), s.multi_head.heads[h].weights[self.focus_row(s)], ex.focus)

    def worked_score(self, sources):
        """One score of the worked pair from the tables on screen: the focus word's query row times
        the key's row term by term, ÷ √d_k, then the weight the softmax of the focus word's row
        gives it; written in a column beside the worked head's tables (as many decimals as it takes for each line to
        check as written). Returns (the ledger and its boxes, the weight's text, left for a carry)."""
        s, ex, th = self.first, self.example, self.theme
        tokens, i = list(s.tokens), self.focus_row(s)
        h, j = self.worked_pair()
        head, colour = s.multi_head.heads[h], self.head_color(h)
        tables, _, _ = sources[h]
        dot = dot_product(head.q[i], head.k[j])
        places, size = dot.scaled_decimals(head.d_k), 30  # each line, and the sum ÷ √d_k, as written
        terms = VGroup(*(VGroup(*([label("+", th, size=size)] if k else []),
                                label(shortest(a, places), th, size=size, color=th.focus), label("×", th, size=size),
                                label(shortest(b, places), th, size=size, color=colour)).arrange(RIGHT, buff=0.1)
                         for k, (a, b) in enumerate(zip(dot.a, dot.b))))
        total = format_number(dot.total, places)
        line1 = VGroup(*terms, label(f"= {total}", th, size=size)).arrange(RIGHT, buff=0.15)
        if len(terms) > 2:
            # more than two terms (the second example's d_k = 4): on two lines, the second indented
            # (on one, the column was as wide as the tables and the camera could not move in, r28)
            cut = (len(terms) + 1) // 2
            VGroup(*terms[cut:]).arrange(RIGHT, buff=0.15).next_to(VGroup(*terms[:cut]), DOWN, buff=0.2) \
                .align_to(terms[0], LEFT).shift(RIGHT * 0.5)
        # (√ of the head's own key size: the earlier steps divided by √ of the whole model's)
        line2 = VGroup(label(f"{total} ÷ √{head.d_k} = {format_number(head.scaled[i, j], places)}", th, size=size),
                       label(f"d_k = {head.d_k} (per-head size)", th, size=size)).arrange(RIGHT, buff=0.6,
                                                                                              aligned_edge=DOWN)
        weight = label(format_number(head.weights[i, j]), th, size=size, color=colour)
        # the softmax's whole input written out (the focus word's scaled row, each score as line 2
        # writes the worked one): the weight can be checked from what is on screen
        # (every score at line 2's decimals: one precision in the list; on two lines, the column narrow;
        # only where the weights read from the scores as written: story.softmax_reads_as_written)
        scaled = [format_number(x, places) for x in head.scaled[i]]
        half = max(1, len(scaled) // 2)  # (a one-word row: its score on the first line, not "softmax(,")
        softmax_of = VGroup(label(f"softmax({', '.join(scaled[:half])},", th, size=size),
                            label(f"{', '.join(scaled[half:])})", th, size=size)) \
            if len(tokens) <= 6 and softmax_reads_as_written(head.scaled[i], places) else \
            VGroup(label(f"softmax of {ex.focus}'s row", th, size=size))
        # what the softmax gives every key of the row (r27: "(other keys alike)" read as cryptic): the
        # worked weight among its row's, split over two lines as the scores are
        weights = [format_number(w) for w in head.weights[i]]
        alike = VGroup(label(f"= ({', '.join(weights[:half])},", th, size=size),
                       label(f"{', '.join(weights[half:])})", th, size=size))
        result = VGroup(label(f"{tokens[j]} →", th, size=size), weight).arrange(RIGHT, buff=0.15)
        # the sum in a column right of the two tables, read top-down, its result last (a line's
        # continuation indented under it, a note close under the line it explains)
        lines = VGroup(terms, line2[0], line2[1], *softmax_of, *alike, result).arrange(DOWN, buff=0.2, aligned_edge=LEFT)
        equals = line1[-1]
        lines.add(equals)
        equals.next_to(terms, DOWN, buff=0.2).align_to(terms, LEFT).shift(RIGHT * 0.5)
        VGroup(*lines[1:len(lines) - 1]).shift(DOWN * (equals.height + 0.2))
        for continued in (*softmax_of[1:], *alike):
            continued.shift(RIGHT * 0.5)
        alike[1].shift(RIGHT * 0.5)
        line2[1].shift(UP * 0.08)
        # the head's title over its two tables, in place of their two-line names
        names, title = sources[h][1], sources[h][2]
        pair = VGroup(tables[0].col_labels, tables[1].col_labels)
        title_at = title.copy().next_to(pair, UP, buff=0.2).set_x(pair.get_x())
        block = VGroup(tables, title_at)
        # the view holds the tables whole and the column beside them, its words LEDGER_ON_SCREEN large on
        # screen: as close as the tables' height and the column's width allow
        margin, frame_w = self.ZOOM_MARGIN, config.frame_width
        gap = 0.5
        share = max((block.height + 2 * margin) / (TOP - BOTTOM), 1.0 / self.MOST_ZOOM,
                    (block.width + gap + 2 * margin) / (frame_w - 2 * margin - lines.width * LEDGER_ON_SCREEN / size))
        lines.scale(min(share * LEDGER_ON_SCREEN / size, block.height / lines.height))
        # its last line, the weight, level with the key's row where the column then stays beside the
        # tables; else the column as high as the tables
        lines.next_to(block, RIGHT, buff=gap).align_to(block, UP)
        lines.shift(DOWN * max(0.0, tables[1].cell(j, 0).get_y() - result.get_y()))
        lines.shift(UP * max(0.0, block.get_bottom()[1] - lines.get_bottom()[1]))
        # where the camera cannot move in (the tables already fill the frame's height: the second
        # example's eight words), the tables and the column beside them move left, as the other
        # heads go, until the column is inside the frame (r28: it stood off the frame's right edge)
        move = np.zeros(3)
        if self.zoom_target(block, lines)[1] >= 1.0:
            whole = VGroup(block, lines)
            move = LEFT * max(0.0, min(whole.get_right()[0] - SIDE, whole.get_left()[0] + SIDE))
        # (the column, the boxes and the view made where the move takes the tables)
        VGroup(tables, title_at, lines).shift(move)
        boxes = VGroup(tables[0].row_box(i, th.focus), tables[1].row_box(j, colour))
        count = len(terms)
        # (r32: each cursor holds on its pair until that term is written, then moves on: moving
        # from the first keyframe, the boxes stood on the next pair while "1.30×1.92" was written)
        def held(table, row):
            return [key for k in range(count) for key in ((0.1 + 0.75 * k / count, table.cell(row, k).get_center()),
                                                          (0.1 + 0.75 * (k + 0.8) / count, table.cell(row, k).get_center()))]
        cursors = [Travel(tables[0].cell_box(i, 0, th.text), held(tables[0], i), appear=(0.0, 0.1), leave=(0.9, 1.0)),
                   Travel(tables[1].cell_box(j, 0, th.text), held(tables[1], j), appear=(0.0, 0.1), leave=(0.9, 1.0))]
        writes = [during(FadeIn(term, shift=0.15 * LEFT), 0.1 + 0.75 * k / count, 0.1 + 0.75 * (k + 0.8) / count)
                  for k, term in enumerate(terms)]
        # the other heads' tables go (not worked here), and the camera moves in onto the head's two
        # tables and the column beside them; what that view would cut steps out of sight
        others = VGroup(*(VGroup(*part) for k, part in enumerate(sources) if k != h))
        # the head's title ("head 2: Q⁽²⁾, K⁽²⁾") comes down over the two tables in place of their
        # two-line names, which go: in the view, it still says whose queries and keys these are
        worked = [tables, lines, title_at]
        cut, _ = hidden_while_zoomed([*self.cut_by_zoom(worked, candidates=[tables]), names])
        camera = self.zoom_on(*worked).animations
        tables.shift(-move)
        slide = [during(tables.animate.shift(move), 0.1, 0.22)] if np.any(move) else []
        self.worked_others = others
        self.narrate(f"Head {h + 1}: {ex.focus}'s query times {tokens[j]}'s key, ÷ √{head.d_k}, softmax: "
                     f"{format_number(head.weights[i, j])}.",
                     during(FadeOut(others), 0.0, 0.1), *(during(a, 0.0, 0.1) for a in cut),
                     *(during(a, 0.05, 0.2) for a in camera), *slide,
                     during(title.animate.move_to(title_at), 0.08, 0.2),
                     during(AnimationGroup(FadeIn(boxes), *cursors, *writes), 0.2, 0.6), during(FadeIn(line1[-1]), 0.55, 0.6),
                     during(FadeIn(line2, shift=0.15 * DOWN), 0.6, 0.72),
                     during(FadeIn(VGroup(softmax_of, alike, result[0])), 0.75, 0.87),
                     during(FadeIn(weight, scale=1.3), 0.87, 1.0), run_time=4.8)
        return VGroup(boxes, line1, line2, softmax_of, result[0], alike), weight

    def head_patterns(self):
        """Each head's row for the focus word as lines over the sentence, one colour per head, side
        by side: two heads attending to different words is seen at a glance."""
        s, th = self.first, self.theme
        m = s.multi_head
        tokens = list(s.tokens)
        i = self.focus_row(s)
        self.patterns_drawn = []
        blocks = VGroup()
        for h, head in enumerate(m.heads):
            pattern = AttentionPattern(tokens, i, th, orientation="column", colors=self.token_colors(tokens), size=22,
                                       reach=1.6)
            # the words spaced out down the column: side by side, the two diagrams are wide and low,
            # and would fill under half the frame's height; taller, they grow to fill it
            pattern.keys.arrange(DOWN, buff=0.5, aligned_edge=LEFT)
            pattern.query_label.set_y(pattern.keys[i].get_y())
            pattern.add(pattern.numbers_for(head.weights[i], size=18))
            name = label(f"head {h + 1}", th, size=26, color=self.head_color(h), weight="BOLD").next_to(pattern, UP, buff=0.3)
            blocks.add(VGroup(name, pattern))
            self.patterns_drawn.append(pattern)
        self.arrange_heads(blocks, 1.2, 0.4)
        fit_to_frame(blocks, top=3.0, bottom=SUBTITLE_TOP + 0.1, grow=2.2)
        # each weight is the attention table's number carried here (its pattern's own, drawn from
        # the table's number: standing in for it in the row, then moving)
        weights = [p.weight_labels[""] for p in self.patterns_drawn]
        lines = [p.lines_for(head.weights[i], self.head_color(h)) for h, (p, head) in enumerate(zip(self.patterns_drawn, m.heads))]
        # each head's thickest lines, named and boxed once the lines are drawn (the words set apart by
        # their weights as written: two where two are, else the one; a head with none is not named)
        thickest = [thickest_lines(head.weights[i]) or thickest_lines(head.weights[i], count=1) for head in m.heads]
        # (the lines come once the tables are gone under the veil, and a moment after: as the two
        # cross-faded, the heads' big names lay over the tables' names)
        # the tables go, all but the focus word's row and the words over its columns: each number
        # travels, row into column, to its word's place beside the lines, and each column's word
        # comes down its own column to just over its number and travels with it, dropping into its
        # place left of it at the end (no number without its word at any frame: r27 saw numbers
        # scattered with no words, and the words coming in under the rows' ghosts); then the lines
        carried = [self.patterns[h][0].number(i, j) for h in range(len(m.heads)) for j in range(len(tokens))]
        carried += [self.patterns[h][0].col_labels[j] for h in range(len(m.heads)) for j in range(len(tokens))]
        held = {id(leaf) for number in carried for leaf in number.get_family()}
        going = [top for top in self.mobjects if top is not self.heading]
        # the focus word's rows (their cells' colours and boxes, no text) stay a moment longer: the
        # numbers are seen in their row, under their words; they go before anything moves
        stay = [g.cell(i, j)[0] for g, _, _ in self.patterns for j in range(len(tokens))]
        stay += [getattr(self, "focus_marks", VGroup())]
        staying = {id(leaf) for mob in stay for leaf in mob.get_family()}
        # (a table's name of the row, the focus word, stays with its row and is carried to the
        # lines' query word: r27 saw the row's numbers with no word at 49 s)
        row_words = [g.row_labels[i] if len(g.row_labels) else None for g, _, _ in self.patterns]
        held |= {id(leaf) for word in row_words if word is not None for leaf in word.get_family()}
        fades = [Vanish(top, gone=(0.0, 0.12), parts=[leaf for leaf in top.family_members_with_points()
                                                      if id(leaf) not in held and id(leaf) not in staying])
                 for top in going]
        # (the rows' colours go as the numbers leave them: gone sooner, the numbers stood on white)
        fades += [Vanish(top, gone=(0.2, 0.3), parts=[leaf for leaf in top.family_members_with_points() if id(leaf) in staying])
                  for top in going]
        # (all at once, on square-cornered paths: first up or down to its word's height, in its own
        # column of the row, then across to its place, on its own line: never two on one spot;
        # straight and staggered, neighbours crossed each other, r25; the words on the same legs,
        # a line's height over their numbers, then down into place)
        carry = (0.2, 0.55)
        carries = []
        words = [block[1].keys for block in blocks]
        for h, (g, _, _) in enumerate(self.patterns):
            for j in range(len(tokens)):
                shift = weights[h][j].get_center() - g.number(i, j).get_center()
                carries += [during(TransformFromCopy(g.number(i, j), weights[h][j], path_func=self.cornered(shift)), *carry),
                            Vanish(g, gone=(0.0, 0.001), parts=[g.number(i, j)])]
                word, source = words[h][j], g.col_labels[j]
                over = 0.5 * (word.height + weights[h][j].height) + 0.12
                carries += [during(TransformFromCopy(source, word, path_func=self.word_path(
                                word.get_center() - source.get_center(), over)), *carry),
                            Vanish(g, gone=(0.0, 0.001), parts=[source])]
        queries = [block[1].query_label for block in blocks]
        # (a head's query word carried from its table's row name, where the table has one; the
        # others' come in where they stand once the rows are gone, as before)
        for h, word in enumerate(row_words):
            if word is not None:
                carries += [during(TransformFromCopy(word, queries[h]), *carry),
                            Vanish(self.patterns[h][0], gone=(0.0, 0.001), parts=[word])]
        queries_in = [q for q, word in zip(queries, row_words) if word is None]
        # (the heads' names, over the top word's place, once the words are in: the top word rides
        # through their place on its way, r27)
        head_names = [block[0] for block in blocks]
        # (the patterns in the scene first: the weights and words moved are theirs, not added on their own)
        # (the query words once the rows are gone and the numbers have left the rows' left ends)
        # each head's named word (said on the tables): boxed with its weight as the lines end (r31:
        # the words are said on the tables; here the boxes only mark them again, within the sentence)
        # (drawn on the pattern, part of it: it leaves with it; kept out of sight until then, as the
        # heads' names are)
        marks = []
        for h, (pattern, thick) in enumerate(zip(self.patterns_drawn, thickest)):
            boxes = []
            for k in (thick.words if thick else ()):
                box = SurroundingRectangle(VGroup(pattern.keys[k], pattern.weight_labels[""][k]),
                                           color=self.head_color(h), buff=0.08, stroke_width=4)
                boxes.append(box)
            marks.append(boxes)
        # the lines drawn under a sentence of their own, then held, complete, while their thickest
        # strokes are named, head by head, each word boxed with its weight as it is said (r34: drawn
        # under the naming sentence, the lines came 2 s after it started and the boxes 1 s after
        # their words; the complete fans stood only 2.3 s)
        def named(h, thick):
            words = ["itself" if k == i else tokens[k] for k in thick.words]
            return f"head {h + 1} to " + (words[0] if len(words) == 1 else
                                          (", then ".join(words) if thick.ordered else listed(words)))
        spoken = [(h, named(h, thick)) for h, thick in enumerate(thickest) if thick]
        self.caption_over("As lines, one colour per head:" if spoken else "As lines, one colour per head.")
        self.play(*([Vanish(blocks, back=(0.36, 0.46), parts=queries_in)] if queries_in else []),
                  Vanish(blocks, back=(carry[1] + 0.01, carry[1] + 0.12), parts=head_names),
                  *fades, *carries,
                  during(LaggedStart(*(AttentionPattern.draw(ls) for ls in lines), lag_ratio=0.4), carry[1] + 0.01, 1.0),
                  run_time=2.7)
        self.drop(*going)
        for pattern, boxes in zip(self.patterns_drawn, marks):  # (part of its pattern: it leaves with it)
            pattern.add(*boxes)
        if spoken:
            sentence = "Thickest lines: " + "; ".join(text for _, text in spoken) + "."
            self.caption_over(sentence)
            cue = self.cues[-1]
            # each box as its word is said: at the word's place in the sentence, by its share of the
            # letters (a voice's pace is near even); drawn over the word, a little before its end
            moments, at = [], 0
            for (h, text), thick in zip(spoken, (t for t in thickest if t)):
                at = sentence.index(text, at)
                for k in thick.words:
                    word = "itself" if k == i else tokens[k]
                    end = sentence.index(word, at + len(f"head {h + 1} to ")) + len(word)
                    moments.append((h, cue.duration * end / len(sentence)))
                at += len(text)
            boxes = [box for h, _ in spoken for box in marks[h]]
            run = max(t for _, t in moments) + 0.2
            self.play(*(during(Vanish(blocks, back=(0.0, 1.0), parts=[box]),
                               max(0.0, t - 0.5) / run, min(run, t) / run)
                        for box, (_, t) in zip(boxes, moments)),
                      run_time=run)
            # (the complete fans held 4 s at least, whatever the voice's pace)
            self._hold_until(cue.start + 4.2)
        # (held until the sentence is over: the next step's first sentence waits for it)
        self.clear_with_next_play()

    @staticmethod
    def word_path(shift, over: float):
        """A word's path for TransformFromCopy, in step with its number's (cornered): down or up its
        column to `over` above its place's height, then across as its number goes across (`over`
        above it), then down into its place in the last stretch, once its number has gone past."""
        dx, dy = np.array([shift[0], 0.0, 0.0]), np.array([0.0, shift[1] + over, 0.0])
        lift = np.array([0.0, over, 0.0])

        def path(start_points, end_points, alpha):
            t = 1.0 - alpha  # (the journey's time, from the source)
            up, across = smooth(clip01(2 * t)), smooth(clip01(2 * t - 1))
            down = smooth(clip01((t - 0.8) / 0.2))
            return start_points + alpha * (end_points - start_points) + (across - t) * dx + (up - t) * dy - (down - t) * lift
        return path

    @staticmethod
    def cornered(shift):
        """A path for TransformFromCopy (which runs from its target, alpha 0, to its source, alpha
        1) by `shift` (from the source to the target): the height first, then across, each leg eased
        (a word's path that rises nothing above its place)."""
        return MultiHeadScene.word_path(shift, 0.0)

    def weighting_layout(self, h: int, park=None) -> dict:
        """Head h's output worked as the product it is: its attention table at the left, its values
        V in the middle (rows level with the attention's; before each row, room for the weight that
        scales it), its output at the right (the attention's rows level with its rows): not yet
        shown, fitted to the frame."""
        s, th = self.first, self.theme
        head, tokens, colour = s.multi_head.heads[h], list(s.tokens), self.head_color(h)
        i = self.focus_row(s)
        starts = np.cumsum([0, *self.head_widths])
        attn = self.grid(head.weights, f"multi_head.heads[{h}].weights", row_labels=tokens, col_labels=tokens,
                         value_scale=1.0, row_label_colors=self.token_colors(tokens),
                         col_label_colors=self.token_colors(tokens), number_size=NUMBER_SIZE,
                         # the three side by side are as wide as the frame: tall rows use its height (and
                         # leave a strip over a row's digits for its weights to fly along, clear of them)
                         cell_h=1.0)
        v = self.grid(head.v, f"multi_head.heads[{h}].v", row_labels=tokens, col_labels=features("v", head.d_v),
                      value_scale=self.vector_scale, label_color=colour,
                      row_label_colors={**{r: th.text for r in range(len(tokens))}, **self.token_colors(tokens)},
                      cell_h=attn.cell_h, number_size=NUMBER_SIZE)
        out = self.grid(head.output, f"multi_head.heads[{h}].output", col_labels=self.column_names()[starts[h]:starts[h + 1]],
                        label_color=colour, value_scale=self.vector_scale, cell_w=self.concat.cell_w,
                        cell_h=attn.cell_h, number_size=NUMBER_SIZE)
        for grid in (attn, v, out):
            grown_numbers(grid)
        # the focus word's weights as the sum is worked with them (as many decimals as it takes for
        # the terms as written to add up to the output as written), each before the value row it scales
        parts = weighted_sum(head.weights[i], head.v)
        places = parts.weight_decimals
        size = attn.number(0, 0).font_size
        factors = VGroup(*(VGroup(label(format_number(w, places), th, size=size), label("×", th, size=size))
                           .arrange(RIGHT, buff=0.1) for w in parts.weights))
        v.shift(UP * (attn.rects.get_top()[1] - v.rects.get_top()[1]))
        # (a gap before the weights: they read as V's, not as the attention's last column)
        v.shift(RIGHT * (attn.rects.get_right()[0] + WEIGHTS_GAP + factors.width + 0.25 - v.row_labels.get_left()[0]))
        for k, factor in enumerate(factors):
            factor.next_to(v.row_labels, LEFT, buff=0.25).set_y(v.cell(k, 0).get_y())
        out.shift(UP * (attn.rects.get_top()[1] - out.rects.get_top()[1]))
        out.shift(RIGHT * (v.rects.get_right()[0] + 1.2 - out.rects.get_left()[0]))
        equals = label("=", th, size=NUMBER_SIZE + 8).move_to([(v.rects.get_right()[0] + out.rects.get_left()[0]) / 2,
                                                                 out.rects.get_y(), 0.0])
        # the product's sign in the gap between attention and V (r22: none), shown once the weights'
        # column that stands there has gone
        times = product_sign(th).move_to([(attn.rects.get_right()[0] + v.row_labels.get_left()[0]) / 2,
                                                             v.rects.get_y(), 0.0])
        names = VGroup(label(f"head {h + 1}: attention", th, size=24, color=colour, weight="BOLD"),
                       label(f"V{of_head(h)} = X·W_V{of_head(h)}", th, size=24, color=colour),
                       label(f"head {h + 1} output", th, size=24, color=colour))
        for name, grid in zip(names, (attn, v, out)):
            name.next_to(grid.rects, DOWN, buff=0.25)
        # `park` (head 1's output, done): its place left of the attention, where it waits, named, to
        # be taken into the concatenation (the same table as made for head 1, here)
        parked, parked_name = VGroup(), VGroup()
        if park is not None:
            first = self.first.multi_head.heads[0]
            parked = MatrixGrid(first.output, th, name="multi_head.heads[0].output",
                                col_labels=self.column_names()[starts[0]:starts[1]], label_color=self.head_color(0),
                                value_scale=self.vector_scale, cell_w=self.concat.cell_w, cell_h=attn.cell_h,
                                number_size=NUMBER_SIZE)
            grown_numbers(parked)
            parked.shift(UP * (attn.rects.get_top()[1] - parked.rects.get_top()[1]))
            parked.shift(RIGHT * (attn.row_labels.get_left()[0] - PARK_GAP - parked.rects.get_right()[0]))
            parked_name = label("head 1 output", th, size=24, color=self.head_color(0))
            parked_name.next_to(parked.rects, DOWN, buff=0.25).align_to(names[0], UP)
            parked_name.shift(RIGHT * max(0.0, parked.rects.get_left()[0] - parked_name.get_left()[0]))
        whole = VGroup(attn, v, out, factors, times, equals, names, parked, parked_name)
        # (parked only where every word and number stays at least the smallest text's size with it:
        # a wide example's tables have no room for a fourth; its head 1 output then goes, as before)
        # (the fit with it at least PARK_SHRINK of the fit without: the built-in example's 0.86)
        def fitted(group):
            return min(1.6, 2 * SIDE / group.width, (TOP - BOTTOM - WORKED_BAND) / group.height)
        bare = VGroup(attn, v, out, factors, times, equals, names)
        if len(parked) and fitted(whole) < PARK_SHRINK * fitted(bare):
            parked, parked_name = VGroup(), VGroup()
            whole = VGroup(attn, v, out, factors, times, equals, names)
        # (a band kept under them: the last head's worked number is spelled out there)
        fit_region(whole, -SIDE, SIDE, bottom=BOTTOM + WORKED_BAND, grow=1.6)
        out.clear_fills()  # no output is coloured before it is computed
        return dict(attn=attn, v=v, out=out, factors=factors, times=times, equals=equals, names=names, parts=parts,
                    places=places, parked=parked, parked_name=parked_name)

    def values_source(self, attn, attn_name, right_edge: float) -> VGroup:
        """X and head 1's W_V side by side, each named under it, in the place of head 1's attention
        table and its name: X's rows as tall as the attention's (level with V's rows, each carried
        straight across into its row of V) where the place is wide enough. Not yet shown."""
        s, th = self.first, self.theme
        head, colour = s.multi_head.heads[0], self.head_color(0)
        # (made at the attention's unscaled cell height, then scaled to its cells on screen; the
        # numbers then grown to one size in both, as far as their cells allow)
        x = self.grid(s.input, "input", cell_h=1.0, number_size=NUMBER_SIZE, **self.word_rows())
        # W_V's rows are X's columns, in the same order, named once over X: W_V needs no row names
        w_v = self.grid(head.w_v, "multi_head.heads[0].w_v", col_labels=features("v", head.d_v),
                        value_scale=self.vector_scale, label_color=colour, cell_h=1.0, number_size=NUMBER_SIZE)
        times = product_sign(th)  # (as the names write it: X·W_V)
        pair = VGroup(x, times, w_v).arrange(RIGHT, buff=0.25)
        # (W_V's rows are X's columns, not its words: centred on X, not level with its rows)
        w_v.shift(UP * (x.rects.get_y() - w_v.rects.get_y()))
        # the attention's place, and the gap up to V's row names (the weights' place, empty for now);
        # the names' line under the pair kept in it
        room = VGroup(attn, attn_name)
        left, right = room.get_left()[0], right_edge - 0.4
        name_line = attn_name.height + 0.25
        pair.scale(min((right - left) / pair.width, (room.height - name_line) / pair.height,
                       attn.cell(0, 0).height / x.cell(0, 0).height))
        numbers_larger([x, w_v], NUMBER_GROWTH * attn.number(0, 0).font_size)
        pair.move_to([(left + right) / 2, room.get_y() + name_line / 2, 0.0])
        # X's rows level with the attention's (and V's) where it fits (centred on them: where the
        # place's width makes X's rows a little lower than V's, the middle row is level, the others nearly)
        pair.shift(UP * min(attn.rects.get_y() - x.rects.get_y(), room.get_top()[1] - pair.get_top()[1]))
        pair.shift(UP * max(0.0, room.get_bottom()[1] + name_line - pair.get_bottom()[1]))
        # each named under it, at the attention's name's size
        names = VGroup(label("X", th, size=attn_name.font_size).next_to(x.rects, DOWN, buff=0.25),
                       label(f"W_V{of_head(0)}", th, size=attn_name.font_size, color=colour).next_to(w_v.rects, DOWN, buff=0.25))
        names[1].align_to(names[0], UP)
        # (r30b: "=" between X·W_V and V, in the gap before V's row names: with none, the "=" before
        # the output read as "output = V")
        gives = label("=", th, size=round(1.2 * attn_name.font_size))
        gives.move_to([(w_v.rects.get_right()[0] + right_edge) / 2, w_v.rects.get_y(), 0.0])
        return VGroup(x, w_v, names, times, gives)

    def work_head_output(self, lay: dict, arrive=()) -> None:
        """Head 1's output filled directly, row by row, each row from the attention's row of the same
        word (the focus word's first): only the last head is worked term by term (r30b: the same
        pattern worked twice at full pace; the time goes to the two attention tables instead).
        `arrive`: what brings the attention in, played as the sentence starts."""
        s, th = self.first, self.theme
        i, n = self.focus_row(s), len(s.tokens)
        attn, out = lay["attn"], lay["out"]
        rows = [i, *(r for r in range(n) if r != i)]
        self.first_head_sum = None  # (not worked: head 1's output is filled from its inputs, not spelled out)
        self.play(*(during(a, 0.0, 0.3) for a in arrive),
                  # (the product's sign between attention and V as the output fills)
                  during(FadeIn(lay["times"]), 0.3, 0.4),
                  during(build_rows(out, attn, th.output, rows=rows), 0.35, 1.0),
                  run_time=2.0)

    def written_sum(self, lay: dict, h: int) -> tuple:
        """Head h's focus word's largest output number written as the sum it is, on two lines in the
        band under its tables ("mouse's h1.1 = 0.264·1.80 + … +" / "… = 1.227 ≈ 1.23", the weights as
        the factors before V's rows write them, a negative value in brackets): (the ledger, its
        pieces: each term, then the first line's start, then the second line's end; the column k
        worked; its name). Not yet shown. One writer for every head's worked sum."""
        s, th = self.first, self.theme
        tokens, i = list(s.tokens), self.focus_row(s)
        parts, places = lay["parts"], lay["places"]
        k = int(np.argmax(np.abs(parts.total)))  # the column spelled out: the focus word's largest
        exact = parts.running_as_written(places)[-1][k]
        decimals = next(d for d in range(2, places + 3) if abs(round(exact, d) - exact) < 1e-9)
        # ("0.151·(−0.13)": a product's minus never reads as a subtraction)
        terms = [f"{format_number(w, places)}·{bracketed(format_number(val, 2))}" for w, val in zip(parts.weights, parts.values[:, k])]
        name = self.column_names()[int(np.cumsum([0, *self.head_widths])[h]) + k]
        # (on two lines, large: one line across the frame would be small)
        cut = (len(terms) + 1) // 2
        start = f"{tokens[i]}'s {name} = "
        ledger = VGroup(label(start + " + ".join(terms[:cut]) + (" +" if cut < len(terms) else ""), th, size=28),
                        label(" + ".join(terms[cut:]) + f" = {format_number(exact, decimals)} ≈ {format_number(parts.total[k])}",
                              th, size=28))
        ledger.arrange(DOWN, buff=0.15, aligned_edge=LEFT)
        ledger[1].shift(RIGHT * 0.6)
        ledger.scale(min(1.0, 2 * SIDE / ledger.width))
        # (in the middle of the band under the tables' names, down to the subtitles')
        # (r30b: its second line reached y ≈ 625 px, read as the subtitles' band: kept LEDGER_FLOOR over it)
        top, floor = lay["names"].get_bottom()[1] - 0.12, BOTTOM + LEDGER_FLOOR
        ledger.scale(min(1.0, (top - floor) / ledger.height))
        ledger.move_to([0.0, (top + floor) / 2, 0.0])
        return ledger, self.ledger_terms(ledger, terms, cut, start), k, name

    def drop(self, *mobs) -> None:
        """Take out of the scene every top-level mobject holding any part of `mobs`: pieces faded in
        one by one are in the scene on their own, and a FadeOut of their group, once over, leaves
        them there as they were (a ghost under what comes next)."""
        family = {id(m) for mob in mobs for m in mob.get_family()}
        for top in list(self.mobjects):
            if any(id(m) in family for m in top.get_family()):
                self.remove(top)

    def concatenate(self):
        """Head 1's output worked as the product it is (its attention × its values, the focus word's
        row term by term), then the other heads' outputs beside it: one table, the concatenation,
        first drawn with each head's columns apart, then slid together."""
        s, th = self.first, self.theme
        m = s.multi_head
        tokens = list(s.tokens)
        self.concat = self.grid(m.concat, "multi_head.concat", row_labels=tokens, col_labels=self.column_names(),
                                value_scale=self.vector_scale, col_label_colors=self.column_colors(),
                                row_label_colors=self.token_colors(tokens))
        fit_region(self.concat, -5.0, 5.0, top=2.2, grow=1.6)
        grown = self.concat.rects[0].height / self.concat.cell_h  # labels made now match the grown table
        starts = np.cumsum([0, *self.head_widths])
        parts = [VGroup(*(VGroup(self.concat.column(c), self.concat.col_labels[c]) for c in range(starts[h], starts[h + 1])))
                 for h in range(len(m.heads))]
        # each part named with where it comes from: the head's attention weights times its values
        names = VGroup(*(label(f"head {h + 1}: weights · V{of_head(h)}", th, size=20, color=self.head_color(h)).scale(grown)
                         for h in range(len(m.heads))))
        # the parts far enough apart for each name to stand over its own part alone
        gap = max(1.0 * grown, max(name.width - part.width for name, part in zip(names, parts)) + 0.4 * grown)
        for h, part in enumerate(parts):
            part.shift(RIGHT * gap * h)
        VGroup(self.concat, *parts).move_to([0, self.concat.get_y(), 0])
        for name, part in zip(names, parts):
            name.next_to(part, UP, buff=0.25)
        together = [part.copy().shift(LEFT * gap * h) for h, part in enumerate(parts)]
        shift = -(VGroup(self.concat.row_labels, *together).get_center()[0])  # centred once together
        concat_name = label(f"Concat: {len(tokens)} × {m.concat.shape[1]}", th, size=22).scale(grown)
        concat_name.next_to(VGroup(*together), UP, buff=0.3).shift(RIGHT * shift)
        # head 1's output worked out: its attention, its values (built row by row), its empty output
        lay = self.weighting_layout(0)
        attn, v, out = lay["attn"], lay["v"], lay["out"]
        # where V comes from: X and head 1's W_V stand where the attention will, and each row of X
        # is carried into its row of V (the attention then takes their place, as it is named)
        source = self.values_source(attn, lay["names"][0], v.row_labels.get_left()[0])
        x = source[0]
        # (built where it stands, row by row, as Q is: a box on X's row and on V's, each row's cells
        # coloured as its numbers appear in place; copies flown from X crossed X, W_V and V's names, r27)
        v.clear_fills()
        w_v_box = SurroundingRectangle(source[1].rects, color=self.head_color(0), buff=0.05, stroke_width=4)
        # (r31: one sentence over V's build and head 1's output filled from its attention and V)
        self.caption_over("Each head's values, X·W_V, weighted and summed:")
        self.play(
                     # (once the veil is down: coming sooner, X printed over the lines still showing
                     # through it, r26)
                     during(FadeIn(source), 0.045, 0.12),
                     # (r29: a FadeIn re-adds what it fades over what is already in the scene: V's cells, their
                     # colours coming, lay over its numbers, blue on blue; a Vanish keeps them under)
                     during(fade_in(v.rects, lay["names"][1], v.col_labels, v.row_labels), 0.2, 0.3),
                     during(blink(w_v_box, (0.0, 0.08), (0.92, 1.0)), 0.26, 0.72),
                     during(build_rows(v, x, self.head_color(0)), 0.28, 0.85),
                     run_time=2.0)
        # (the pieces it came in as; V's name came in with its row and column names: dropped with
        # them, it is put back, or it would be missing until head 1's tables leave)
        self.drop(v)
        self.add(v, lay["names"][1])
        # (the attention comes as X·W_V goes, the one under half seen as the other passes half, r27:
        # one after the other left the frame's left half near empty at 61.5 s)
        # (r30b: the empty output and its "=" only once the attention stands in X·W_V's place: beside
        # X·W_V, "V = output" read as a claim)
        self.work_head_output(lay, arrive=[during(FadeOut(source), 0.0, 0.35),
                                           during(FadeIn(VGroup(attn, lay["names"][0])), 0.2, 0.7),
                                           during(FadeIn(VGroup(out.rects, out.col_labels, lay["equals"], lay["names"][2])),
                                                  0.6, 1.0)])
        # (their own tables, from their own values: the last head worked the same way, in one go,
        # in the place of head 1's, which leave; its output is the one that moves into the concatenation)
        heads_after = f"Head {len(m.heads)}," if len(m.heads) == 2 else "The other heads do the same; in the last,"
        worked = 0
        if len(m.heads) > 1:
            worked = len(m.heads) - 1
            lay = self.last_head(lay, worked, heads_after)
            attn, v, out = lay["attn"], lay["v"], lay["out"]
        # the worked head's output (the last's) moves to its place in the concatenation (the same
        # table: a move), as its attention and values go; the other heads' outputs come in beside it
        first = VGroup(*(self.concat.cell(r, c)[0] for r in range(len(tokens)) for c in range(starts[worked], starts[worked + 1])),
                       *(self.concat.number(r, c) for r in range(len(tokens)) for c in range(starts[worked], starts[worked + 1])),
                       *(self.concat.col_labels[c] for c in range(starts[worked], starts[worked + 1])))
        moving = VGroup(*out.rects, *out.numbers, *out.col_labels)
        # head 1's output, parked while the last head was worked, moves into its place too
        parked, parked_name = getattr(self, "parked_out", (None, None))
        if parked is not None:
            parked_to = VGroup(*(self.concat.cell(r, c)[0] for r in range(len(tokens)) for c in range(starts[0], starts[1])),
                               *(self.concat.number(r, c) for r in range(len(tokens)) for c in range(starts[0], starts[1])),
                               *(self.concat.col_labels[c] for c in range(starts[0], starts[1])))
            parked_moving = VGroup(*parked.rects, *parked.numbers, *parked.col_labels)
        rest = {h: VGroup(*(VGroup(*(self.concat.cell(r, c) for c in range(starts[h], starts[h + 1])))
                            for r in range(len(tokens)))) for h in range(len(m.heads))
                if h != worked and not (h == 0 and parked is not None)}
        # (what leaves is taken out as the play ends: faded out as a group made here, its pieces
        # faded in one by one would come back; the sentence starts with the move it names)
        self.caption_over("Concatenate them side by side:")
        self.play(during(FadeOut(VGroup(attn, v, lay["times"], lay["equals"], lay["names"], *lay.get("extra", []))), 0.0, 0.3),
                  during(Transform(moving, first.copy()), 0.1, 0.5),
                  *([during(Transform(parked_moving, parked_to.copy()), 0.15, 0.5), during(FadeOut(parked_name), 0.0, 0.2)]
                    if parked is not None else []),
                  during(FadeIn(self.concat.row_labels), 0.4, 0.7), during(FadeIn(names), 0.4, 0.7),
                  *(during(AnimationGroup(FadeIn(VGroup(*(self.concat.col_labels[c] for c in range(starts[h], starts[h + 1])))),
                                          LaggedStart(*(FadeIn(r) for r in part), lag_ratio=0.3)), 0.5, 1.0)
                    for h, part in rest.items()),
                  run_time=1.2)
        # the worked tables leave the scene whole (pieces faded in one by one are in it on their own)
        self.drop(attn, v, out, lay["times"], lay["equals"], lay["names"], *lay.get("extra", []))
        self.add(first)
        if parked is not None:
            self.drop(parked, parked_name)
            self.add(parked_to)
        self.play(Succession(FadeOut(names, run_time=0.3),
                             AnimationGroup(*(part.animate.shift(LEFT * gap * h + RIGHT * shift) for h, part in enumerate(parts)),
                                            self.concat.row_labels.animate.shift(RIGHT * shift), run_time=1.0)),
                  run_time=1.3)
        self.drop(self.concat, names)
        self.add(self.concat)
        # the sum counted on the table: each head's columns boxed in turn as its width is said (a
        # box, not a pulse: grown, neighbouring column names would print over each other)
        spans = [VGroup(*(self.concat.column(c) for c in range(starts[h], starts[h + 1]))) for h in range(len(m.heads))]
        boxes = [SurroundingRectangle(span, color=self.head_color(h), buff=0.03, stroke_width=4) for h, span in enumerate(spans)]
        # (where the heads split the model's width evenly, said so: the concatenation is X's width
        # again, why each head is that wide, r27; story.even_head_split, else the sum as before)
        split = even_head_split(s.input.shape[1], self.head_widths)
        self.narrate(f"{split[0]} heads × {split[1]} = {m.concat.shape[1]}: X's width." if split else
                     f"{' + '.join(str(w) for w in self.head_widths)} = {m.concat.shape[1]} columns per word.",
                     during(hop_through(boxes), 0.0, 0.8), during(FadeIn(concat_name), 0.6, 1.0), run_time=2.0)
        self.concat_name = concat_name

    @staticmethod
    def ledger_terms(ledger, terms, cut: int, start: str) -> list:
        """The glyphs of the two-line ledger ("mouse's h2.1 = t0 + t1 +" / "t2 + t3 = 1.1577 ≈ 1.16")
        piece by piece: each term with the "+" after it, then the first line's start, then the
        second line's end (a Text's glyphs are its characters without the spaces)."""
        def span(line, before: str, piece: str):
            k0 = len(before.replace(" ", ""))
            return ledger[line][k0:k0 + len(piece.replace(" ", ""))]
        pieces = []
        for j, t in enumerate(terms):
            line, row = (0, terms[:cut]) if j < cut else (1, terms[cut:])
            m = j if j < cut else j - cut
            before = (start if line == 0 else "") + " + ".join(row[:m]) + (" + " if m else "")
            last = (line == 0 and m == len(row) - 1 and cut == len(terms)) or (line == 1 and m == len(row) - 1)
            pieces.append(span(line, before, t + ("" if last else " +")))
        whole_two = " + ".join(terms[cut:])
        pieces.append(ledger[0][:len(start.replace(" ", ""))])
        pieces.append(ledger[1][len(whole_two.replace(" ", "")):])
        return pieces

    def last_head(self, done: dict, h: int, said: str) -> dict:
        """Head h worked as head 1 was, in one go, in the place of head 1's tables (`done`, which
        leave): its attention, its values V = X·W_V (named so), the weights beside V's rows, and the
        focus word's largest output number spelled out under them, term by term, from the
        weights as the sum is worked with them; then its output filled row by row, the focus word's
        first. Returns its layout (what it added to the screen under "extra")."""
        s, th = self.first, self.theme
        tokens, i = list(s.tokens), self.focus_row(s)
        # (r30b: head 1's output no longer parked beside head 2's tables, five tables and a two-line
        # sum crowded one frame: it goes with head 1's tables, and comes back in the concatenation)
        # (r32: parked again, reviewer d: faded out at 64 s and back in the concatenation at 75 s, a
        # thing that persists; where it does not fit, it still goes with head 1's tables)
        lay = self.weighting_layout(h, park=True)
        attn, v, out, factors, parts, places = (lay[k] for k in ("attn", "v", "out", "factors", "parts", "places"))
        ledger, glyphs, k, name = self.written_sum(lay, h)
        self.last_head_sum = ledger  # (the tests read its terms back)
        column = SurroundingRectangle(v.column(k), color=self.head_color(h), buff=0.04, stroke_width=4)
        # over the weights' column, at V's column names' height: why they have more decimals than the row
        decimals_tag = label(f"{places} decimals", th, size=24, color=th.muted)
        decimals_tag.scale(lay["names"][0].font_size / 24)  # (as the tables' names, fitted with them)
        decimals_tag.next_to(factors, UP, buff=0.0).set_y(v.col_labels.get_y())
        if places <= 2:  # (as many as the row's own: then there is nothing to tell apart)
            decimals_tag = VGroup()
        # (whose weights stand before V's rows: the focus word's row, boxed as in head 1)
        row_box = attn.row_box(i, th.focus)
        others = [r for r in range(len(tokens)) if r != i]
        # the sum said as well as written: its two largest terms named (in the sentence's order), each
        # weight and value boxed as it is said, then the total, as the output's cell takes it
        named = sorted(sorted(range(len(tokens)), key=lambda j: -abs(parts.weights[j] * parts.values[j, k]))[:2])
        spoken_terms = [f"{format_number(parts.weights[j], places)} of {tokens[j]}'s {format_number(parts.values[j, k], 2)}"
                        for j in named]
        # the sum built term by term (r25: the weights flew in, the sum stood written whole): for each
        # word, its weight in the focus word's row and its value in V's column boxed, the weight
        # written before V's row (to the decimals the sum needs), the term written in the ledger,
        # and the running sum in the output's cell, as the output's cells write it; the last is the
        # cell's number. The named terms fall as they are said: the first sentence ends on the first
        running = parts.running_as_written(places)[:, k]
        cell = out.number(i, k)
        sums = [label(format_number(value), th, size=cell.font_size, color=th.output).move_to(cell) for value in running]
        cell_box = out.cell_box(i, k, th.output)

        def term(j, sentence):
            """Term j's animations between fractions `sentence` (start, end) of its play."""
            a, b = sentence
            at = lambda f: a + f * (b - a)
            boxes = VGroup(attn.cell_box(i, j, th.focus), v.cell_box(j, k, th.focus))
            shown = [during(blink(boxes, (0.0, 0.12), (0.88, 1.0)), a, b),
                     during(FadeIn(factors[j]), at(0.1), at(0.35)),
                     during(FadeIn(glyphs[j], shift=0.1 * LEFT), at(0.3), at(0.6))]
            return shown

        def spread(js, start, end, last_leaves=None, swapped_in=False):
            """Terms `js` between fractions start and end of their play; each running sum in the cell
            as its term is written, gone as the next one's comes (one animation each: a FadeIn and a
            FadeOut of one mobject in one play undo each other); the last stays, or leaves over
            `last_leaves`."""
            step = (end - start) / max(len(js), 1)
            windows = [(start + m * step, start + (m + 1) * step) for m in range(len(js))]
            shown = [anim for j, window in zip(js, windows) for anim in term(j, window)]
            for m, (j, (a, b)) in enumerate(zip(js, windows)):
                # (r32: each sum gives way to the next in one frame, the next written as it goes: a
                # fade out, then a fade in, left the cell blank between them, r31 67.0 s and 69.0 s)
                if m + 1 < len(js):
                    na, nb = windows[m + 1]
                    leave = (na + 0.7 * (nb - na), na + 0.7 * (nb - na) + SWAP)
                else:
                    leave = last_leaves
                appear = (a + 0.7 * (b - a), a + 0.7 * (b - a) + (SWAP if m or swapped_in else 0.2 * (b - a)))
                shown.append(Travel(sums[j], [(1.0, sums[j].get_center())], appear=appear, leave=leave))
            return shown
        first_part = list(range(named[0] + 1))
        second_part = list(range(named[0] + 1, len(tokens)))
        # head 1 steps aside (its output parked left of head 2's tables, to be taken into the
        # concatenation; its attention and values, done, go) and head 2's tables come in where they
        # stood: nothing of one head turns into the other's
        parked, parked_name = lay["parked"], lay["parked_name"]
        moving = VGroup(*done["out"].rects, *done["out"].numbers, *done["out"].col_labels)
        if len(parked):
            # (quicker than the rest, r27: while it crossed, the frame held it alone at 66 s; the
            # next head's tables come in as it nears its place, under half seen until it is there)
            step_aside = [during(Transform(moving, VGroup(*parked.rects, *parked.numbers, *parked.col_labels).copy()), 0.02, 0.16),
                          during(Transform(done["names"][2], parked_name.copy()), 0.02, 0.16)]
        else:  # (no room to park it: it goes with head 1's tables, and comes back in the concatenation)
            step_aside = [during(fade_out(VGroup(moving, done["names"][2])), 0.0, 0.08)]
        self.narrate(f"{said} {tokens[i]}'s {name}: {spoken_terms[0]},",
                     during(fade_out(VGroup(done["attn"], done["v"], done["times"], done["equals"], *done["names"][:2])),
                            0.0, 0.06 if len(parked) else 0.08),
                     *step_aside,
                     # (as head 1's output settles in its place: the frame never holds it alone for long)
                     during(FadeIn(VGroup(attn, out.rects, out.col_labels, lay["equals"], lay["names"])),
                            *((0.1, 0.21) if len(parked) else (0.05, 0.17))),
                     # its values written row by row, as head 1's were (r28: V⁽²⁾ only appeared)
                     during(LaggedStart(*(FadeIn(part) for part in self.table_rows(v)), lag_ratio=0.5),
                            *((0.11, 0.3) if len(parked) else (0.06, 0.28))),
                     during(FadeIn(VGroup(row_box, column, cell_box)), 0.3, 0.36),
                     during(FadeIn(decimals_tag), 0.34, 0.4),
                     during(FadeIn(glyphs[-2]), 0.34, 0.4),  # (the ledger's start: "mouse's h2.1 =")
                     *spread(first_part, 0.38, 1.0),
                     run_time=4.0)
        self.drop(done["attn"], done["v"], done["out"], done["times"], done["equals"], done["names"])
        self.drop(attn, v, lay["equals"], lay["names"], out.rects, out.col_labels)
        self.add(VGroup(attn, v, lay["equals"], lay["names"], out.rects, out.col_labels))
        if len(parked):
            self.add(parked, parked_name)
            self.parked_out = (parked, parked_name)
        # ("and the rest" only when there are other terms; with one word, its one term is the sum)
        tail = ", and the rest" if len(named) < len(tokens) else ""
        total = format_number(parts.total[k])
        # (the terms a list that goes on from the sentence before); the sum as written, then the
        # running sum gives way to the cell's own number as the cell takes its colour; the rest of the row
        self.narrate(f"{spoken_terms[1]}{tail}: {total}." if len(named) > 1 else f"In all, {total}.",
                     # (the first sentence's last sum goes as the next term's comes)
                     *([during(FadeOut(sums[first_part[-1]]), 0.7 * 0.6 / len(second_part), 0.7 * 0.6 / len(second_part) + SWAP)]
                       if second_part else []),
                     *spread(second_part, 0.0, 0.6, last_leaves=(0.78, 0.78 + SWAP), swapped_in=True),
                     during(FadeIn(glyphs[-1]), 0.6, 0.7),  # (" = 1.1577 ≈ 1.16")
                     # (r32: the last sum gives way to the cell's own number in one frame, as its
                     # colour comes: fading out, then in, the cell stood blank at 71.5 s)
                     *([] if second_part else [during(FadeOut(sums[-1]), 0.78, 0.78 + SWAP)]), during(out.fill_in(i, k), 0.7, 0.8),
                     Vanish(cell, back=(0.78, 0.78 + SWAP)),
                     *([during(build_rows(out, attn, th.output, rows=[i], skip=[(i, k)]), 0.8, 1.0)]
                       if out.shape[1] > 1 else []),
                     run_time=4.0)
        self.drop(ledger, *sums)
        self.add(ledger, cell)
        # the focus word's weights and sum go before the other rows are boxed: beside another row,
        # they read as that row's
        if others:
            self.play(during(FadeOut(VGroup(factors, decimals_tag, ledger, column, row_box, cell_box)), 0.0, 0.3),
                      during(FadeIn(lay["times"]), 0.3, 0.5),
                      during(build_rows(out, attn, th.output, rows=others), 0.2, 1.0), run_time=0.85)
            self.drop(factors, decimals_tag, ledger, column, row_box, cell_box)
            lay["extra"] = []
        else:
            lay["extra"] = [factors, decimals_tag, ledger, column, row_box, cell_box]
            lay["times"] = VGroup()  # (the weights stay in its place)
        return lay

    def small_patterns(self, left: float, right: float, bottom: float, top: float, reach: float = 1.4) -> list:
        """Each head's lines for the focus word again, small, side by side in the region given:
        (words and name, lines) per head, not yet shown."""
        s, th = self.first, self.theme
        tokens, i = list(s.tokens), self.focus_row(s)
        fans, made = VGroup(), []
        for h, head in enumerate(s.multi_head.heads):
            # wide and low: side by side across the frame's top half, the words large enough to read
            pattern = AttentionPattern(tokens, i, th, orientation="column", colors=self.token_colors(tokens), size=FAN_SIZE,
                                       reach=reach)
            pattern.keys.arrange(DOWN, buff=0.04, aligned_edge=LEFT)
            pattern.query_label.set_y(pattern.keys[i].get_y())
            # (the name larger than the words: the fans are fitted to the height left above the tables)
            name = label(f"head {h + 1}", th, size=FAN_SIZE + 2, color=self.head_color(h), weight="BOLD")
            # (the name over the query word, in the pattern's own height: two patterns side by side
            # over the concatenation, low enough to leave the tables their size)
            # (drawn as part of the pattern: it lies within the pattern's box)
            name.next_to(pattern.query_label, UP, buff=0.2).align_to(pattern.query_label, LEFT)
            pattern.add(name)
            fans.add(VGroup(pattern))
        fans.arrange(RIGHT, buff=0.6, aligned_edge=UP)
        self.fans_scale = min(1.3, (right - left) / fans.width, (top - bottom) / fans.height)
        fans.scale(self.fans_scale)
        fans.move_to([(left + right) / 2, (top + bottom) / 2, 0.0])
        for h, (fan, head) in enumerate(zip(fans, s.multi_head.heads)):
            made.append((fan, fan[0].lines_for(head.weights[i], self.head_color(h))))  # made where the words now are
        return made

    def ledger_under(self, sweep, names) -> None:
        """The worked cell's ledger under the row of three and their names (not beside W_O's rows:
        the concatenation stands there), one line a term, as large as LEDGER_SIZE where the band
        down to the subtitles' allows, under W_O (the column worked), inside the frame. A running
        sum that has not changed is not written again."""
        # (laid out beside W_O's rows, the ledger is shrunk to the room left of them: scaled whole
        # here, its columns keep their places)
        sweep.ledger.scale(LEDGER_SIZE / sweep.sums[0].font_size)
        lines = [VGroup(product, total) for product, total in zip(sweep.products, sweep.sums)]
        top, pitch = names.get_bottom()[1] - 0.2, max(line.height for line in lines) + 0.1
        for k in range(1, len(sweep.sums) - 1):
            if sweep.sums[k].text == sweep.sums[k - 1].text:
                sweep.sums[k].set_opacity(0)
        for k, line in enumerate(lines):  # (the columns of the ledger's pieces stay as laid out)
            line.set_y(top - pitch * k - line.height / 2)
        ledger, half = sweep.ledger, config.frame_width / 2 - FRAME_MARGIN
        ledger.scale(min(1.0, (top - BOTTOM) / ledger.height, 2 * half / ledger.width), about_edge=UP)
        ledger.set_x(min(max(sweep.top.rects.get_x(), -half + ledger.width / 2), half - ledger.width / 2))

    def product_by_hand(self, out_cols):
        """Concat · W_O = Output laid out as a product is worked by hand (product_layout): W_O over
        the output, its columns over the output's, the concatenation left of the output, its rows
        beside the output's rows; "Concat · W_O = Output" written over the corner left of W_O
        (where the worked cell's lines come, left of W_O's rows), each table named (W_O beside it,
        on the right), fitted to the frame's height. Returns (concat, w_o, out, names, formula),
        the tables remembered as shown; None (nothing made) where the numbers would come out
        smaller than in the row of three (a wide example: 8 × 8 tables)."""
        s, th = self.first, self.theme
        m, tokens = s.multi_head, list(s.tokens)
        n, width, d_out = len(tokens), m.concat.shape[1], m.output.shape[1]
        cells = dict(cell_w=HAND_CELL_W, cell_h=HAND_CELL_H, number_size=NUMBER_SIZE)
        concat = MatrixGrid(m.concat, th, name="multi_head.concat", row_labels=tokens, col_labels=self.column_names(),
                            value_scale=self.vector_scale, row_label_colors=self.token_colors(tokens),
                            col_label_colors=self.column_colors(), **cells)
        w_o = MatrixGrid(m.w_o, th, name="multi_head.w_o", row_labels=self.column_names(), col_labels=out_cols,
                         value_scale=self.vector_scale, row_label_colors=self.column_colors(), **cells)
        out = MatrixGrid(m.output, th, name="multi_head.output", value_scale=self.vector_scale, **cells)
        product_layout(concat, w_o, out, gap=0.5)
        names = VGroup(label(f"Concat  {n} × {width}", th, size=24), label(f"W_O  {width} × {d_out}", th, size=24),
                       label(f"Output  {n} × {d_out}", th, size=24, color=th.output))
        names[0].next_to(concat.rects, DOWN, buff=0.2)
        names[2].next_to(out.rects, DOWN, buff=0.2).align_to(names[0], UP)
        names[1].next_to(w_o.rects, RIGHT, buff=0.3)
        # the output is computed from the unrounded tables (a cell may differ by 0.01 from the
        # product of the rounded numbers shown): said under its name
        names.add(label("from unrounded values", th, size=22, color=th.muted).next_to(names[2], DOWN, buff=0.08))
        # the product written out, a round "·" between its factors' names, in the corner over the
        # worked cell's lines, level with W_O's column names
        formula = label("Concat · W_O = Output", th, size=32)
        formula.shift(UP * (w_o.col_labels.get_y() - formula.get_y())
                      + RIGHT * (w_o.row_labels.get_left()[0] - 0.6 - formula.get_right()[0]))
        whole = VGroup(concat, w_o, out, names, formula)
        fit_region(whole, -SIDE, SIDE, top=TOP, bottom=BOTTOM, grow=1.8)
        tables = [concat, w_o, out]
        numbers_larger(tables, NUMBER_GROWTH * max(n.font_size for n in concat.numbers))
        if min(num.font_size for t in tables for num in t.numbers) < PRODUCT_NUMBER_SIZE + 2 or formula.get_left()[0] < -SIDE:
            return None
        self.shown.extend(tables)
        return concat, w_o, out, names, formula

    def project_out(self):
        s, ex, th = self.first, self.example, self.theme
        m = s.multi_head
        tokens = list(s.tokens)
        i = self.focus_row(s)
        n, width, d_out = len(tokens), m.concat.shape[1], m.output.shape[1]
        # the output's columns are W_O's own: a learned W_O promises no return to X's named features
        out_cols = [f"o{k + 1}" for k in range(d_out)]
        # the concatenation keeps its columns' names in their heads' colours: W_O's rows carry the
        # same names, and the pairing of column k with row k is what the worked cell runs along
        # the product as it is worked by hand where that fits (W_O over the output, the concatenation
        # beside it: the three fill the frame's height, the worked cell's sum written left of W_O's
        # rows, over the concatenation); else one row of three, Concat · W_O = Output, across the
        # frame's width, the worked cell's lines in the band under them (a wide example's 8 × 8 tables)
        by_hand = self.product_by_hand(out_cols)
        if by_hand is not None:
            concat, w_o, out, names, formula = by_hand
            times, equals = VGroup(), VGroup()
            layout = VGroup(concat, w_o, out)
        else:
            formula = VGroup()
            cells = dict(cell_w=PRODUCT_CELL_W, cell_h=PRODUCT_CELL_H, number_size=PRODUCT_NUMBER_SIZE)
            concat = self.grid(m.concat, "multi_head.concat", row_labels=tokens, col_labels=self.column_names(),
                               value_scale=self.vector_scale, row_label_colors=self.token_colors(tokens),
                               col_label_colors=self.column_colors(), **cells)
            w_o = self.grid(m.w_o, "multi_head.w_o", row_labels=self.column_names(), col_labels=out_cols,
                            value_scale=self.vector_scale, row_label_colors=self.column_colors(), **cells)
            out = self.grid(m.output, "multi_head.output", value_scale=self.vector_scale, **cells)
            times, equals = product_sign(th), label("=", th, size=32)
            # (close around × and =: the cells take the width)
            VGroup(concat, times, w_o, equals, out).arrange(RIGHT, buff=0.12)
            for grid in (w_o, out):  # rows level with the concatenation's (W_O, shorter, centred on them)
                grid.shift(UP * (concat.rects.get_y() - grid.rects.get_y()))
            VGroup(times, equals).set_y(concat.rects.get_y())
            under = concat.rects.get_bottom()[1] - 0.15
            names = VGroup(label(f"Concat  {n} × {width}", th, size=22), label(f"W_O  {width} × {d_out}", th, size=22),
                           label(f"Output  {n} × {d_out}", th, size=22, color=th.output))
            for name, grid in zip(names, (concat, w_o, out)):  # one line of names under the three
                name.move_to([grid.rects.get_x(), under - name.height / 2, 0.0])
            # the output is computed from the unrounded tables: a cell may differ by 0.01 from the
            # product of the rounded numbers shown (the worked cell below writes what it needs)
            names.add(label("from unrounded values", th, size=22, color=th.muted).next_to(names[2], DOWN, buff=0.08))
            layout = VGroup(concat, times, w_o, equals, out)
            # (the wider margins only where the row fits in them at its size: a wide example's keeps the frame's)
            margin = max(FRAME_MARGIN, min(PRODUCT_MARGIN, (config.frame_width - VGroup(layout, names).width) / 2))
            fit_region(VGroup(layout, names), -config.frame_width / 2 + margin, config.frame_width / 2 - margin,
                       top=TOP, bottom=BOTTOM + LEDGER_BAND, grow=1.0)
            # the three and their names centred in the frame's height with the worked cell's lines
            # under them (no camera move: a view close enough to read the lines cut the row's words
            # and the output's names): the names' line, then the ledger's band, down to the subtitles'
            tables = VGroup(layout, names)
            spare = (TOP - BOTTOM) - tables.height - 0.2 - LEDGER_BAND
            tables.shift(UP * (TOP - max(0.0, spare) / 2 - tables.get_top()[1]))
        out.clear_fills()  # no output is coloured before it is computed
        # the concatenation moves into its place in the product (the same table: a move, not a morph)
        # as W_O comes in beside it: the frame is never left near empty between the two
        moved = VGroup(self.concat.rects, self.concat.numbers, self.concat.row_labels, self.concat.col_labels)
        mixing = mixes_heads(m.w_o, self.head_widths)
        self.narrate("Finally an output projection, W_O,", during(FadeOut(self.concat_name), 0.0, 0.2),
                     during(Transform(moved, VGroup(concat.rects, concat.numbers, concat.row_labels, concat.col_labels)),
                            0.0, 0.6),
                     during(FadeIn(names[0]), 0.45, 0.65), during(FadeIn(VGroup(times, w_o, names[1])), 0.3, 0.75),
                     *(during(FadeIn(sign), 0.6, 0.8) for sign in (equals, formula) if len(sign)),
                     during(FadeIn(VGroup(out.rects, names[2])), 0.6, 1.0), run_time=2.0)
        # the moved group goes too (the play put it in the scene): left there, it would lie under
        # the table taking its place, and show through wherever that table's numbers change
        self.remove(moved, self.concat)
        self.add(concat)
        # the output column worked term by term below: the one whose products with the focus word's
        # row come from the most heads, then are most often not zero (the mixing seen at its fullest)
        worked_col = worked_output_column(m.concat[i], m.w_o, self.head_widths)
        # "one vector per word": the output computed column by column, W_O's column boxed as the
        # output's column under the same name fills (the worked cell is left empty: it is worked below)
        # (r28f: the columns came with no row in sight: a box now runs down the concatenation's rows
        # as each column's cells fill, each cell from its word's row and W_O's column, in step with them)
        # (r29: sliding from row to row, the box's edges cut through the digits between: now it hops,
        # fading in on each row as that row's cell fills, out before the next, as build_columns fills)
        rows_swept = [during(hop_through([concat.row_box(r, th.output) for r in range(n)]),
                             (c + 0.25) / d_out, (c + 0.75) / d_out)
                      for c in range(d_out)]
        self.narrate("turns Concat into one vector per word.",
                     build_columns(out, w_o, th.output, skip=[(i, worked_col)]), *rows_swept,
                     during(FadeIn(names[3]), 0.3, 0.5),
                     run_time=max(0.6 * n, 0.75 * d_out))
        # which heads each output column draws on: each head's rows of W_O boxed in its colour, in
        # turn, their names pulsing; every column runs through both boxes
        colours, starts = self.column_colors(), np.cumsum([0, *self.head_widths])
        # (W_O's digits stay dark: coloured, they read poorly on the blue fills; its rows' names carry the heads' colours)
        tinted = [Indicate(w_o.row_labels[r], color=colours[r], scale_factor=1.15) for r in range(width)]
        bands = [SurroundingRectangle(VGroup(*(w_o.row(r) for r in range(starts[h], starts[h + 1]))),
                                      color=self.head_color(h), buff=0.03, stroke_width=4) for h in range(len(m.heads))]
        # one worked cell, each concat entry in its head's colour
        sweep = ProductSweep(concat, w_o, out, i, worked_col, th, left_colour=th.focus, top_colour=th.text,
                             sum_colour=th.output)
        for k, line in enumerate(sweep.products):
            line[0].set_color(self.column_colors()[k])
        if len(formula):
            # (beside W_O's rows, its lines as large as the tables' numbers, each no taller than a row)
            row = w_o.cell(0, 0).height
            sweep.grow_ledger(min(concat.number(0, 0).font_size / sweep.sums[0].font_size,
                                  0.8 * row / max(line.height for line in sweep.products)))
            for k in range(1, len(sweep.sums) - 1):  # (a running sum that has not changed is not written again)
                if sweep.sums[k].text == sweep.sums[k - 1].text:
                    sweep.sums[k].set_opacity(0)
        else:
            self.ledger_under(sweep, names)
        feeding = [f"head {h + 1}" for h in heads_feeding(m.w_o, self.head_widths, worked_col)]
        self.narrate(f"It mixes the heads: every output column draws on {'both' if len(m.heads) == 2 else 'more than one head'}."
                     if mixing else
                     "Here some output columns draw on one head only.",
                     during(AnimationGroup(*tinted), 0.0, 0.3),
                     during(hop_through(bands), 0.1, 0.9),
                     run_time=1.0 + 0.8 * len(m.heads))
        # the terms are worked while the sentence is said, each product in its head's colour (the
        # worked row and column keep the tables' 2 decimals in their cells, where longer numbers
        # would fill them edge to edge: the ledger writes them with the decimals it needs)
        worked = 2.2 + 0.6 * (width - 1)
        # the ledger's factors are the concatenation's entries before rounding (1.228 where the
        # table writes 1.23): said beside its first line, where they start
        unrounded = label("(unrounded)", th, size=max(SMALLEST_TEXT + 1, 0.9 * sweep.products[0][0].font_size), color=th.muted)
        unrounded.next_to(sweep.products[0], LEFT, buff=0.3)
        if len(formula):  # (over the lines, in the formula's place: it goes as they come)
            unrounded.next_to(sweep.ledger, UP, buff=0.2).align_to(sweep.ledger, LEFT)
        if sweep.dot.decimals <= 2:  # (the factors as the table writes them: nothing to tell apart)
            unrounded = VGroup()
        opening = 1.2 / worked
        self.narrate(f"One cell: {ex.focus}'s {out_cols[worked_col]} adds up products from {listed(feeding)}"
                     f"{'' if len(feeding) > 1 else ' only'}.",
                     during(FadeIn(unrounded), opening, opening + 0.5 / worked),
                     *([during(FadeOut(formula), opening - 0.4 / worked, opening)] if len(unrounded) and len(formula) else []),
                     Succession(AnimationGroup(*sweep.open(), run_time=1.2),
                                AnimationGroup(sweep.term(0), run_time=1.0),
                                *(AnimationGroup(sweep.term(k), run_time=0.6) for k in range(1, width))),
                     run_time=worked)
        if len(unrounded) and len(formula):
            formula = VGroup()  # (gone: faded out)
        # appears in its cell: its column below is filled already, a flight would print over it
        # (the working cleared while its sentence ends, the sum in its cell: r35 needed the time for
        # the fans, held longer mid-scene)
        self.caption_over(f"In all, {format_number(sweep.dot.total)}.")
        self.play(sweep.deliver(travel=False), run_time=1.2)
        self.play(*sweep.close(), during(FadeOut(VGroup(sweep.ledger, sweep.cell_box, unrounded)), 0.0, 0.4),
                  run_time=0.5)
        # "where": each head's part of the concatenation, what its attention gathered, then the
        # patterns themselves, small, back where the ledger was (above the concatenation);
        # "what": the projections, W_O here, and the output it lands in
        # W_O, taught, gives its place to the patterns: the concatenation to the bottom left, the
        # output (its columns named as W_O named them) to the bottom right, at their sizes (the
        # patterns above need the height), "× W_O" on an arrow between them; the top half is the
        # patterns'
        half = config.frame_width / 2 - FRAME_MARGIN
        # the note on the unrounded values goes under the output's name (what it is about): the
        # tables keep one line of name each, and grow into the frame's height down to the
        # subtitles' band, leaving the patterns above them (the concatenation centred under the two,
        # each over its head's columns) room for words of FAN_WORDS and the braces (the patterns
        # made once, to measure how tall they are at that size)
        left_part, right_part, note = VGroup(concat, names[0]), VGroup(out, names[2]), names[3]
        # (r33: fitted over the concatenation alone, the two fans took 58 % of the width, words ~20 px,
        # lines ~75 px, the upper right empty: now across the frame's whole width, head 1's over the
        # concatenation, head 2's over the upper right, their lines FANS_REACH long, words FAN_WORDS)
        concat_right = -half + 2 * half * FANS_SHARE
        probe = VGroup(*(fan for fan, _ in self.small_patterns(left=-half, right=half, bottom=-50.0, top=50.0,
                                                                reach=FANS_REACH)))
        fans_height = probe.height * FAN_WORDS / (FAN_SIZE * self.fans_scale)
        # the two tables move to rows of the default height (the row of three's taller rows would
        # take the height the patterns above need): the same tables made with those rows, in their
        # places, each name as far under its table as before (the tables move and resize there)
        def with_default_rows(part, values, name, **labels):
            grid, title = part
            # (at the size it is made: grown from there, its numbers are never below the smallest text)
            made = MatrixGrid(values, th, name=name, value_scale=self.vector_scale, cell_w=PRODUCT_CELL_W,
                              cell_h=SUMMARY_CELL_H, number_size=SUMMARY_NUMBER_SIZE, **labels)
            made.shift(grid.rects.get_center() - made.rects.get_center())
            named = title.copy().scale(SUMMARY_NUMBER_SIZE / title.font_size).next_to(made.rects, DOWN, buff=0.15)
            return VGroup(made, named.set_x(made.rects.get_x()))
        left_to = with_default_rows(left_part, m.concat, "multi_head.concat", row_labels=tokens, col_labels=self.column_names(),
                                    row_label_colors=self.token_colors(tokens), col_label_colors=self.column_colors())
        right_to = with_default_rows(right_part, m.output, "multi_head.output")
        tables = VGroup(left_to, right_to)
        # (smaller where the two and the arrow between them would not fit across the frame)
        tables.scale(min(1.0, (2 * half - 2.2) / (left_to.width + right_to.width)))
        # (the note's line under the output's name: it takes that much of the height)
        grow = max(1.0, min(1.6, (TOP - fans_height - BRACE_ROOM - 0.15 - BOTTOM - LEDGER_FLOOR - note.height - 0.08) / tables.height,
                            (2 * half - 2.2) / (left_to.width + right_to.width)))
        tables.scale(grow)
        left_to.set_x((-half + concat_right) / 2)
        left_to.shift(RIGHT * max(0.0, -half - left_to.get_left()[0]))
        right_to.shift(RIGHT * (half - right_to.get_right()[0]))
        # the note under the output's name, both centred under the output (one group, moved with it),
        # the three moved left as far as the note needs to stay clear of the frame's edge
        note_to = note.copy().next_to(right_to[1], DOWN, buff=0.08).set_x(right_to[0].rects.get_x())
        right_to[1].set_x(right_to[0].rects.get_x())
        overflow = max(0.0, note_to.get_right()[0] - (half - 0.1))
        VGroup(right_to, note_to).shift(LEFT * overflow)
        narrow = 2.2 - (right_to.get_left()[0] - left_to.get_right()[0])  # room kept for the arrow
        if narrow > 0:
            left_to.shift(LEFT * min(narrow, left_to.get_left()[0] + half))
        VGroup(left_to, right_to, note_to).shift(UP * (BOTTOM + LEDGER_FLOOR - VGroup(left_to, right_to, note_to).get_bottom()[1]))
        arrow = arrow_between(left_to[0].rects, right_to[0].rects, th, color=th.output, buff=0.35)
        # the output's columns named as W_O named them, at the concatenation's column names' size
        resize = left_to[0].col_labels[0].font_size / concat.col_labels[0].font_size
        out_cols_shown = VGroup(*(lab.copy().scale(resize).next_to(right_to[0].cell(0, c), UP, buff=0.12 * grow)
                                  for c, lab in enumerate(w_o.col_labels)))
        out_cols_shown.align_to(out_cols_shown[0], DOWN)
        # (worked by hand, W_O's column names stand over the output's columns: they go down with it)
        carried_names = VGroup(*w_o.col_labels) if len(formula) or by_hand is not None else VGroup()
        going = VGroup(times, equals, names[1], formula, *(part for part in (w_o.rects, w_o.numbers, w_o.row_labels)),
                       *([] if len(carried_names) else [w_o.col_labels]))
        self.caption_over("Each head's columns: what its attention gathered:")
        self.play(during(FadeOut(going), 0.0, 0.35),
                  during(Transform(left_part, left_to), 0.3, 1.0), during(Transform(right_part, right_to), 0.3, 1.0),
                  during(Transform(note, note_to), 0.3, 1.0),
                  *([during(Transform(carried_names, out_cols_shown), 0.3, 1.0)] if len(carried_names) else []),
                  run_time=1.1)
        self.drop(w_o, names[1], times, equals, formula)
        if len(carried_names):
            self.add(out_cols_shown)
        by_w_o = label("· W_O", th, size=26, color=th.output).next_to(arrow, UP, buff=0.15)
        parts = [SurroundingRectangle(VGroup(*(concat.column(c) for c in range(starts[h], starts[h + 1]))),
                                      color=self.head_color(h), buff=0.03, stroke_width=4) for h in range(len(m.heads))]
        # (quick: r34 saw this strip alone in a low band of the frame for 3 s before the fans came)
        self.play(GrowArrow(arrow), FadeIn(by_w_o), *([] if len(carried_names) else [FadeIn(out_cols_shown)]), run_time=0.4)
        self.play(hop_through(parts), run_time=1.0)
        # each head's pattern over its own columns, a brace of its colour on them (pointing up to it)
        braces = [Brace(VGroup(*(concat.col_labels[c] for c in range(starts[h], starts[h + 1]))), direction=UP,
                        color=self.head_color(h), buff=0.08) for h in range(len(m.heads))]
        top = max(*(b.get_top()[1] for b in braces), out_cols_shown.get_top()[1]) + 0.2
        fans = self.small_patterns(left=-half, right=half, bottom=top, top=TOP, reach=FANS_REACH)
        if len(fans) == 2:
            # head 1's over the concatenation (its brace points up into it), head 2's in the middle of
            # the width left on its right, over the output's side (the frame's upper right no longer empty)
            first, second = (VGroup(fan, lines) for fan, lines in fans)
            first.shift(RIGHT * (max(-half, concat.rects.get_x() - first.width / 2) - first.get_left()[0]))
            second.shift(RIGHT * ((first.get_right()[0] + half) / 2 - second.get_x()))
        self.summary_fans = fans  # (the tests measure the last picture's words and lines)
        self.narrate("the patterns decide where information flows;",
                     LaggedStart(*(AnimationGroup(FadeIn(brace), FadeIn(fan), AttentionPattern.draw(lines))
                                   for brace, (fan, lines) in zip(braces, fans)),
                                 lag_ratio=0.5), run_time=2.0)
        # what flows is what each head's W_V made of X, and W_O's mix of them: each head's W_V named
        # beside its brace, on the outside (the first head's on the left, the last's on the right)
        ends = sorted({0, len(m.heads) - 1})
        # (r28f: "W_V⁽¹⁾" alone by a brace read as the columns' name: "from X·W_V⁽¹⁾", what they were made from)
        tags = VGroup(*(label(f"from X·W_V{of_head(h)}", th, size=30, color=self.head_color(h))
                        .next_to(braces[h], LEFT if h == 0 else RIGHT, buff=0.25) for h in ends))
        # each level with its brace by its letters' middle (the sub- and superscripts would pull the
        # whole name's middle down: it read as under the brace, not beside it)
        for tag, h in zip(tags, ends):
            tag.shift(UP * (braces[h].get_y() - tag[0].get_y()))
        projections = VGroup(*(SurroundingRectangle(tag, color=th.output, buff=0.08, stroke_width=4) for tag in tags),
                             SurroundingRectangle(VGroup(arrow, by_w_o), color=th.output, buff=0.1, stroke_width=4))
        # (one focal point, r26: the patterns and their braces, said in the sentence before, step back
        # as the projections are named; they keep their own opacities, only scaled; all of them the
        # animation's own: a mobject changed outside the play's is not drawn again until the next)
        stepping_back = VGroup(*braces, *(VGroup(fan, lines) for fan, lines in fans))
        said_before = [(leaf, leaf.get_fill_opacity(), leaf.get_stroke_opacity())
                       for leaf in stepping_back.family_members_with_points()]

        def step_back_fans(_, alpha):
            for leaf, fill, stroke in said_before:
                leaf.set_fill(opacity=fill * (1.0 - STEP_BACK * smooth(alpha)), family=False)
                leaf.set_stroke(opacity=stroke * (1.0 - STEP_BACK * smooth(alpha)), family=False)
        self.narrate("the projections decide what flows, and where it lands.",
                     during(UpdateFromAlphaFunc(stepping_back, step_back_fans), 0.0, 0.25),
                     during(FadeIn(tags), 0.0, 0.15),
                     during(hop_through([projections, SurroundingRectangle(out.rects, color=th.output, buff=0.03, stroke_width=4)]),
                            0.1, 1.0),
                     run_time=3.0, wait=0.5)
        # the bridge to the next step (after the last words): the heads' picture goes and the scaled
        # scores the next step starts from come in, named as the hand-over names them and said to be
        # X·Xᵀ/√d again (a bare table last seen chapters ago read as a cut); the hand-over then takes
        # that table as it is, and only the line under it and the heading go
        handed = boundary(self.scene_name, self)
        # (r29: at the muted colour and fitted with the table, it read tiny and light grey: full
        # contrast, and large enough to stay over the smallest text after the fit)
        back = label("back to X·Xᵀ/√d", th, size=34, color=th.text)
        VGroup(handed, back).arrange(DOWN, buff=0.3)
        fit_region(VGroup(handed, back), -half, half)
        going = [top for top in self.mobjects if top is not self.heading]
        # (the new picture comes in as the old has gone: before, the two cross-faded and their
        # texts printed over each other, r26; the heading stays, never a blank frame)
        # (the heading goes once the new picture is coming in: this step's name over the next
        # step's table read as a wrong title, r27; the frame never blank)
        self.play(*(during(FadeOut(top), 0.0, 0.3) for top in going), during(FadeIn(VGroup(handed, back)), 0.27, 0.65),
                  *([during(FadeOut(self.heading), 0.45, 0.75)] if self.heading in self.mobjects else []),
                  run_time=1.0)
        self.wait(0.5)
