"""Purpose-built motion for matrix arithmetic: every move shows where a number comes from, and
nothing is ever morphed into something else (a Transform between two different matrices pulls the
glyphs of one into the glyphs of the other: a second of soup). The functions and classes here
RETURN animations, so a scene reads like the explanation:

    self.narrate("... its transpose on top ...", transpose(x, xt, through=scores))
    sweep = ProductSweep(x, xt, scores, i, j, theme, ...)  # one cell, term by term
    self.play(build_rows(scores, x, colour))             # a result, row by row

The devices (STAGING.md): a copy that travels and keeps its own glyphs (Carry), the original
hidden while its copy lies over it (Vanish), a box that slides from row to row (Travel), rows that
fold into columns through empty space (transpose), products written beside a running sum
(ProductSweep), result rows whose numbers appear where they belong (build_rows).

Timing: each function returns ONE group whose parts all begin together and carry their own time
windows (keyframes, or `during`). manim draws during a play only what was in the scene when it
began, so a part that shows something later must be there from the start, invisible.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

import numpy as np
from manim import (
    LEFT, RIGHT, Animation, AnimationGroup, FadeIn, FadeOut, Rectangle, Transform, TransformFromCopy, VGroup, config, linear,
    smooth,
)
from manim.animation.animation import prepare_animation

from attention_math.breakdown import dot_product
from attention_math.formatting import format_number, parse_number, shortest
from scenes.components import MatrixGrid, label
from scenes.geometry import SUBTITLE_TOP
from scenes.theme import Theme

Keyframes = Sequence[tuple]  # (fraction of the animation, point) pairs, fractions increasing


def clip01(u: float) -> float:
    """u held to 0..1: the fraction of a sub-span of an animation that has played."""
    return min(1.0, max(0.0, u))


def eased_path(keys: Keyframes) -> Callable[[float], np.ndarray]:
    """The point at time alpha of a journey through `keys`: each leg eased in and out, so the
    mover stops at every key point (a turn reads as a turn) and holds between keys."""
    times = [float(t) for t, _ in keys]
    points = [np.asarray(p, dtype=float) for _, p in keys]

    def at(alpha: float) -> np.ndarray:
        if alpha <= times[0]:
            return points[0]
        for t0, p0, t1, p1 in zip(times, points, times[1:], points[1:]):
            if alpha <= t1:
                u = smooth(clip01((alpha - t0) / (t1 - t0))) if t1 > t0 else 1.0
                return p0 + u * (p1 - p0)
        return points[-1]

    return at


def during(animation: Animation, start: float, end: float) -> Animation:
    """`animation` played between fractions `start` and `end` of the group it is put in (with the
    group's other parts, which all run the group's whole length)."""
    animation = prepare_animation(animation)  # `mob.animate...` builders too
    shape, span = animation.rate_func, max(end - start, 1e-9)
    if isinstance(animation, TransformFromCopy):
        # manim runs it backwards from its target (rate_func(1 − alpha)): the window is mirrored for
        # it, or it would play in (1 − end, 1 − start) of the group (from 0.4 to 1, for 0 to 0.6)
        animation.rate_func = lambda t: 1.0 - shape(clip01((1.0 - t - start) / span))
    else:
        animation.rate_func = lambda t: shape(clip01((t - start) / span))
    animation.run_time = 1.0
    return animation


def _dressed_as(piece, target):
    """A copy of `piece` where `target` is, at its size and in its colours: how the piece arrives.
    Same glyphs as `piece`, so its arrival is a move, never a morph. When both are built alike (a
    cell and a cell, the same word at two sizes), each part lands on its counterpart: a cell's
    rectangle takes the target's proportions, its glyphs the target's size."""
    end = piece.copy()
    ours, theirs = end.family_members_with_points(), target.family_members_with_points()
    if len(ours) != len(theirs):
        if piece.width > 1e-6 and piece.height > 1e-6:
            end.scale(min(target.width / piece.width, target.height / piece.height))
        return end.move_to(target)
    for mob, model in zip(ours, theirs):
        if isinstance(mob, Rectangle):
            mob.stretch_to_fit_width(model.width).stretch_to_fit_height(model.height)
        elif mob.height > 1e-6:
            mob.scale(model.height / mob.height)
        mob.move_to(model)
        mob.set_fill(model.get_fill_color(), opacity=model.get_fill_opacity(), family=False)
        mob.set_stroke(model.get_stroke_color(), width=model.get_stroke_width(), opacity=model.get_stroke_opacity(),
                       family=False)
    return end


class Carry(Transform):
    """A copy of `source` travels through `keys` (fractions and points, between its start and the
    end) to where `target` is drawn, taking the target's size and colours between fractions
    `resize`; then the target takes its place in the scene. The copy keeps its own glyphs all the
    way."""

    def __init__(self, source, target, keys: Keyframes = (), resize: tuple = (0.0, 1.0), **kwargs):
        mover = source.copy()
        arrival = _dressed_as(source, target)
        self.departure, self.destination = mover.get_center(), arrival.get_center()
        self.route = eased_path([(0.0, self.departure), *keys, (1.0, self.destination)])
        self.resize = resize
        super().__init__(mover, arrival, rate_func=linear, **kwargs)
        self.arrival_target = target

    def interpolate_submobject(self, submobject, starting_submobject, target_copy, alpha: float):
        """Shape and colour change within `resize`; the position follows the path all along."""
        u = smooth(clip01((alpha - self.resize[0]) / max(self.resize[1] - self.resize[0], 1e-9)))
        place = self.route(alpha)

        def along_path(start_points, end_points, _):
            return (1 - u) * (start_points - self.departure) + u * (end_points - self.destination) + place

        submobject.interpolate(starting_submobject, target_copy, u, path_func=along_path)
        return self

    def clean_up_from_scene(self, scene) -> None:
        super().clean_up_from_scene(scene)
        scene.remove(self.mobject)
        scene.add(self.arrival_target)


class Travel(Animation):
    """`mob` itself moves through `keys` (it keeps its shape): a box sliding from row to row. It
    fades in over fractions `appear` and out over `leave` (one animation does all three: two
    animations of one mobject in one group would undo each other's work)."""

    def __init__(self, mob, keys: Keyframes, appear: Optional[tuple] = None, leave: Optional[tuple] = None, **kwargs):
        self.path = eased_path([(0.0, mob.get_center()), *keys])
        self.appear, self.leave = appear, leave
        super().__init__(mob, rate_func=linear, **kwargs)

    def create_starting_mobject(self):
        return self.mobject  # nothing is interpolated from a copy

    def begin(self) -> None:
        self.kept = [(m, m.get_fill_opacity(), m.get_stroke_opacity()) for m in self.mobject.family_members_with_points()]
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:
        alpha = self.rate_func(alpha)  # linear, unless `during` put it in a window of its group
        self.mobject.move_to(self.path(alpha))
        seen = 1.0
        if self.appear:
            seen *= clip01((alpha - self.appear[0]) / max(self.appear[1] - self.appear[0], 1e-9))
        if self.leave:
            seen *= 1.0 - clip01((alpha - self.leave[0]) / max(self.leave[1] - self.leave[0], 1e-9))
        _set_opacity(self.kept, seen)

    def clean_up_from_scene(self, scene) -> None:
        super().clean_up_from_scene(scene)
        if self.leave:
            _set_opacity(self.kept, 1.0)  # as it was, and off the stage
            scene.remove(self.mobject)


def blink(mob, appear: tuple, leave: Optional[tuple] = None) -> Travel:
    """`mob` fades in where it stands over fractions `appear` and out over `leave` (a box or a
    flash shown for a moment, in one animation)."""
    return Travel(mob, [(1.0, mob.get_center())], appear=appear, leave=leave)


def hop_through(boxes: Sequence, *, keep_last: bool = False) -> AnimationGroup:
    """A box on each of `boxes`' places in turn (rows read one after another), each fading in
    where it stands and out before the next: never sliding between rows, where its edges would
    strike through the numbers."""
    n = len(boxes)
    return AnimationGroup(*(blink(box, ((k / n, (k + 0.25) / n)),
                                  None if keep_last and k == n - 1 else ((k + 0.8) / n, (k + 1) / n))
                            for k, box in enumerate(boxes)))


def step_back(vectors, opacity: float = 0.3) -> tuple:
    """(dimming, restoring): animations taking `vectors` (arrows, labels, leaders) to `opacity` of
    their own opacities and back exactly. (focus_on dims only leaves: an arrow's line, which holds
    its tip, would stay.) Each vector is transformed whole into a copy of itself: only opacities
    change."""
    as_they_are = [v.copy() for v in vectors]
    dimmed = [v.copy() for v in vectors]
    for copy in dimmed:
        for m in copy.family_members_with_points():
            m.set_fill(opacity=m.get_fill_opacity() * opacity, family=False)
            m.set_stroke(opacity=m.get_stroke_opacity() * opacity, family=False)
    return (AnimationGroup(*(Transform(v, d) for v, d in zip(vectors, dimmed))),
            AnimationGroup(*(Transform(v, a) for v, a in zip(vectors, as_they_are))))


def hidden_while_zoomed(pieces, units=()) -> tuple:
    """(hide, show): animations taking each piece a zoom would cut wholly out of sight, and a
    function giving the ones bringing them back as they were. Dimmed, a sliver at the view's edge
    still reads as a broken word ("fr", "0.85"). A unit (a table's row with its word) with any
    piece cut goes whole: its numbers left without their word would read as another row."""
    cut = {id(m) for piece in pieces for m in piece.get_family()}
    whole = [unit for unit in units if any(id(m) in cut for m in unit.get_family())]
    in_whole = {id(m) for unit in whole for m in unit.get_family()}
    pieces = [piece for piece in pieces if id(piece) not in in_whole] + whole
    leaves = [(leaf, leaf.get_fill_opacity(), leaf.get_stroke_opacity(), leaf.get_stroke_opacity(background=True))
              for piece in pieces for leaf in piece.family_members_with_points()]
    hide = [piece.animate.set_opacity(0) for piece in pieces]  # a word as a whole (the checks see it go)
    return hide, lambda: [leaf.animate.set_fill(opacity=fill).set_stroke(opacity=stroke)
                          .set_stroke(opacity=back, background=True) for leaf, fill, stroke, back in leaves]


def _set_opacity(kept, factor: float) -> None:
    """Each (mobject, fill, stroke) of `kept` drawn at `factor` of its own opacities."""
    for mob, fill, stroke in kept:
        mob.set_fill(opacity=fill * factor, family=False)
        mob.set_stroke(opacity=stroke * factor, family=False)


class Vanish(Animation):
    """Opacity without copies (a FadeIn or FadeOut copies what it fades, twice: for whole
    matrices of numbers that is most of a scene's cost). `parts` of `mob` (default: all of it)
    are not drawn until fraction `back[0]` and fade in by `back[1]`: a copy can lie over them
    meanwhile (two copies of a text a little apart are unreadable, exactly over each other they
    flash bold), or they appear for the first time. With `gone`, they fade out over that window
    instead, and leave the scene at the end. Either way they end exactly as they were. `mob` is
    what holds the parts on screen (a table, a line of text): a group made up for the parts would
    stay in the scene holding them, and outlive the table they belong to. `ghost`: the share of
    their opacity they keep meanwhile (a pale trace of what a copy was taken from; 0: not drawn)."""

    def __init__(self, mob, back: tuple = (0.9, 1.0), parts: Optional[Sequence] = None, gone: Optional[tuple] = None,
                 ghost: float = 0.0, **kwargs):
        self.back, self.gone, self.ghost = back, gone, ghost
        self.parts = list(parts) if parts is not None else [mob]
        super().__init__(mob, rate_func=linear, **kwargs)

    def create_starting_mobject(self):
        return self.mobject  # nothing is interpolated from a copy

    def begin(self) -> None:
        self.kept = [(m, m.get_fill_opacity(), m.get_stroke_opacity())
                     for part in self.parts for m in part.family_members_with_points()]
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:
        alpha = self.rate_func(alpha)  # linear, unless `during` put it in a window of its group
        start, end = self.gone or self.back
        u = smooth(clip01((alpha - start) / max(end - start, 1e-9)))
        _set_opacity(self.kept, 1.0 - u if self.gone else self.ghost + (1.0 - self.ghost) * u)

    def clean_up_from_scene(self, scene) -> None:
        super().clean_up_from_scene(scene)
        if self.gone:
            _set_opacity(self.kept, 1.0)
            scene.remove(*(m for part in self.parts for m in part.get_family()))


def fade_in(*mobs) -> Vanish:
    """FadeIn of a whole layout, without its copies."""
    return Vanish(VGroup(*mobs), back=(0.0, 1.0))


def fade_out(*mobs) -> Vanish:
    """FadeOut of a whole layout, without its copies."""
    return Vanish(VGroup(*mobs), gone=(0.0, 1.0))


def _frame_right() -> float:
    return config.frame_width / 2


# -- the transpose ------------------------------------------------------------------------------

class _Lanes:
    """Positions in the empty region of a product layout: lane c is column c of `target` (and of
    `through`, the result below it), row r is row r of `through`; both continue past the grids."""

    def __init__(self, target: MatrixGrid, through: MatrixGrid):
        self.w = target.cell(0, 1).get_x() - target.cell(0, 0).get_x() if target.shape[1] > 1 else target.cell_w
        self.h = through.cell(0, 0).get_y() - through.cell(1, 0).get_y() if through.shape[0] > 1 else through.cell_h
        self.x0, self.y0 = target.cell(0, 0).get_x(), through.cell(0, 0).get_y()
        # how many lanes fit before the frame's edge, and rows above the subtitles' band
        self.lanes = int((_frame_right() - 0.1 - (self.x0 - self.w / 2)) // self.w)
        self.rows = int((self.y0 + self.h / 2 - SUBTITLE_TOP) // self.h)

    def x(self, c: float) -> float:
        return self.x0 + c * self.w

    def y(self, r: float) -> float:
        return self.y0 - r * self.h




def transpose(source: MatrixGrid, target: MatrixGrid, through: MatrixGrid, *, row_share: float = 1.0) -> AnimationGroup:
    """Row i of `source` becomes column i of `target` (its transpose), one row after another. A
    copy of the row slides right out of `source` (the row's cells and digits are not drawn under
    it, and come back as soon as it is clear: `source` stays whole),
    its cells step down into a staircase and close up into a column, and the column rises into
    place; the row's label walks behind it and lands as the column's label. `target` must be laid
    out above `through` (scenes.components.product_layout) and `through` must be empty: every path
    runs through its cells. `row_share`: how many rows' time each row takes (above 1, a row sets
    off before the previous one has landed: only where their paths cannot meet). `target` and its
    column labels are in the scene at the end."""
    n, d = source.shape
    lanes = _Lanes(target, through)
    shift = 1 if d + 1 <= lanes.lanes else 0             # one lane free for the label, when there is room
    top_row_limit = max(0, lanes.rows - d)               # the highest staging row that leaves room below
    span = 1.0 / (n - 1 + row_share)                     # one row's start to the next's
    parts = []  # drawn in this order: `source` (under what leaves it), then the travellers
    for i in range(n):
        t0 = i * span
        at = lambda f, t0=t0: t0 + f * span * row_share  # noqa: E731  (f: fraction of this row's time)
        r = min(i, top_row_limit)
        y_i = source.cell(i, 0).get_y()
        for k in range(d):
            slid = np.array([lanes.x(shift + k), y_i, 0.0])
            stepped = np.array([lanes.x(shift + k), lanes.y(r + k), 0.0])
            closed = np.array([lanes.x(i), lanes.y(r + k), 0.0])
            parts.append(Carry(source.cell(i, k), target.cell(k, i),
                               [(at(0.0), source.cell(i, k).get_center()), (at(0.25), slid), (at(0.4), stepped),
                                (at(0.6), closed), (at(0.82), closed), (at(1.0), target.cell(k, i).get_center())],
                               resize=(at(0.05), at(0.25))))
        # the row's numbers and cells leave with the copy (drawn under it, a cell's width apart, even
        # pale, they read as the copy printing over Input) and come back as soon as the copy and its
        # label are clear of `source`, so Input never reads as a table that lost a row
        hidden = [source.number(i, k) for k in range(d)] + [source.cell(i, k)[0] for k in range(d)]
        clear = source.rects.get_right()[0] + 0.05     # what has slid past this is off `source`
        back = (at(0.27), at(0.37)) if lanes.x(shift) - lanes.w / 2 >= clear else (at(0.8), at(0.95))
        if len(source.row_labels) and len(target.col_labels):
            lab = source.row_labels[i]
            behind = source.cell(i, 0).get_center() - lab.get_center()       # from the label to cell 0
            above = target.col_labels[i].get_center() - target.cell(0, i).get_center()
            head = np.array([lanes.x(i), lanes.y(r), 0.0])                    # cell 0, closed up
            slid = np.array([lanes.x(shift), y_i, 0.0]) - behind
            stepped = np.array([lanes.x(shift), lanes.y(r), 0.0]) - behind  # beside cell 0, stepped
            # the label follows cell 0 all the way (left on the row while a low row's cells stepped up,
            # it stood a column's height from them)
            keys = [(at(0.0), lab.get_center()), (at(0.25), slid), (at(0.4), stepped), (at(0.6), head - behind),
                    (at(0.72), head - behind)]
            keys += [(at(0.82), head + above), (at(1.0), target.col_labels[i].get_center())]
            parts.append(Carry(lab, target.col_labels[i], keys, resize=(at(0.05), at(0.25))))
            hidden.append(lab)
            if slid[0] - max(lab.width, target.col_labels[i].width) / 2 < clear:  # the label is still over it
                back = (at(0.8), at(0.95))
        parts.insert(0, Vanish(source, back=back, parts=hidden))
    return AnimationGroup(*parts)


# -- a result, row by row -------------------------------------------------------------------------

def _build_by_lines(result, source, colour: str, lines: Sequence[int], cells_of, box, done: set, beside,
                    first: float, length: float) -> AnimationGroup:
    """What build_rows and build_columns share: for each line (a row or a column) in turn, a box on
    `source`'s line and on the result's (hopping), and the line's cells `cells_of(line)` ((r, c)
    pairs, those in `done` left out) filled one after another, each number fading in as its cell
    takes its colour (from `first` of the line's share of the time, each over `length` of it);
    `beside[line]`, when given, appears as the line is finished."""
    span = 1.0 / len(lines)
    boxes = [hop_through([box(grid, line) for line in lines]) for grid in (source, result)]
    fills, numbers = [], []
    for n_, line in enumerate(lines):
        cells = [cell for cell in cells_of(line) if cell not in done]
        for m, (r, c) in enumerate(cells):
            start = n_ * span + span * (first + 0.5 * m / max(len(cells), 1))
            end = min(start + length * span, (n_ + 1) * span)
            numbers.append(Vanish(result.number(r, c), back=(start, end)))
            fills.append(during(result.fill_in(r, c), start, end))
        if beside is not None:
            numbers.append(Vanish(beside[line], back=(n_ * span + 0.75 * span, (n_ + 1) * span)))
    # a group draws its parts in this order: the cells' colours, their numbers, the boxes
    return AnimationGroup(*fills, *numbers, *boxes)


def build_columns(result, top, colour: str, *, skip=()) -> AnimationGroup:
    """`result` = left · `top` computed column by column: a box on `top`'s column c and one on the
    result's column c (each column in turn, hopping), and the result's column c appears under
    them, cell after cell down the column, each number fading in as its cell takes its colour
    (call result.clear_fills() first). Cells in `skip` are left empty (worked later)."""
    rows, cols = result.shape
    return _build_by_lines(result, top, colour, list(range(cols)), lambda c: [(r, c) for r in range(rows)],
                           lambda grid, c: grid.column_box(c, colour), {tuple(cell) for cell in skip}, None,
                           first=0.25, length=0.35)


def build_rows(result: MatrixGrid, left: MatrixGrid, colour: str, *, rows: Optional[Sequence[int]] = None,
               skip: Sequence = (), beside: Optional[Sequence] = None) -> AnimationGroup:
    """The result computed row by row: a box on row i of `left` and one on row i of the result
    (on each row in turn, hopping, never sliding across the rows between), and the result's row i
    appears under them, cell after cell: each number fades in where it belongs and its cell takes
    its colour as it does (call result.clear_fills() first). Cells in `skip` are there already;
    `beside[i]`, when given, appears as row i is finished (a row's sum written next to it)."""
    rows = list(range(result.shape[0]) if rows is None else rows)
    cols = result.shape[1]
    return _build_by_lines(result, left, colour, rows, lambda i: [(i, c) for c in range(cols)],
                           lambda grid, i: grid.row_box(i, colour), {tuple(cell) for cell in skip}, beside,
                           first=0.3, length=0.4)


# -- one cell, term by term ---------------------------------------------------------------------

LEDGER_GAP, LEDGER_MARGIN = 0.45, 0.4  # the ledger's space before `top`'s row labels, and from the frame's edge


def bracketed(factor: str) -> str:
    """A factor after "×" as written by hand: a negative one in brackets ("1.35 × (−0.80)", not
    "1.35 × −0.80", which reads as a subtraction)."""
    return f"({factor})" if factor.startswith("−") else factor


class ProductSweep:
    """Cell (i, j) of left × top, worked term by term where matrix products are worked by hand
    (product_layout: `top` above `result`, `left` beside it). The ledger beside `top`'s rows holds,
    for each term k, "a × b = p" (a in `left`'s colour, b in `top`'s, as the boxes on them) and
    the running sum "Σ s"; the finished sum travels along the free corridor between the tables
    into the cell, which takes its colour only then. Nothing worked is dimmed: the scene keeps
    the row's and column's labels (`keep()`) when it dims the rest."""

    def __init__(self, left: MatrixGrid, top: MatrixGrid, result: MatrixGrid, i: int, j: int, theme: Theme, *,
                 left_colour: str, top_colour: str, sum_colour: str):
        self.left, self.top, self.result, self.i, self.j = left, top, result, i, j
        self.colours = (left_colour, top_colour, sum_colour)
        self.dot = dot_product(left.values[i], top.values[:, j])
        size = 20 * top.cell_h / 0.5
        # as many decimals as it takes for every line to check as written (the tables round to 2);
        # where the result table writes more (dimensions' 2.440), the ledger's sum is written as it,
        # when every line checks at those decimals too (1.35 × 1.90 = 2.565 … Σ 2.440)
        places = self.dot.decimals
        if not result.trim_zeros and result.decimals > places and self.dot.checks(result.decimals):
            places = result.decimals
        pieces = [[label(shortest(a, places), theme, size=size, color=left_colour), label("×", theme, size=size),
                   label(bracketed(shortest(b, places)), theme, size=size, color=top_colour),
                   label(f"= {format_number(p, places)}", theme, size=size)]
                  for a, b, p in zip(self.dot.a, self.dot.b, self.dot.products)]
        self.products = VGroup(*(VGroup(*line) for line in pieces))
        sums = [f"Σ {format_number(s, places)}" for s in self.dot.running]
        # the sum as the cell writes it is what travels there: where the ledger has more decimals,
        # its last line ends with the rounding ("Σ 1.153 ≈ 1.15")
        self.cell_text = result.written(self.dot.total)
        if parse_number(self.cell_text) == parse_number(sums[-1][2:]):  # 2.44 is the table's 2.440: say it its way
            sums[-1] = f"Σ {self.cell_text}"
        else:
            sums[-1] += f" ≈ {self.cell_text}"
        self.sums = VGroup(*(label(text, theme, size=size, color=sum_colour) for text in sums))
        self.ledger = VGroup(self.products, self.sums)
        self._lay_out_ledger()
        self.row_box, self.col_box = left.row_box(i, left_colour), top.column_box(j, top_colour)
        self.cell_box = result.cell_box(i, j, sum_colour)
        # the two entries multiplied: boxes in the text colour, unlike the row's and the column's
        self.cursors = (left.cell_box(i, 0, theme.text), top.cell_box(0, j, theme.text))

    def grow_ledger(self, factor: float) -> None:
        """The ledger's lines `factor` times larger (a scene whose tables' numbers outsize the default
        cells' writes its products as large as them), laid out again beside the rows."""
        for piece in [*self.products, *self.sums]:
            piece.scale(factor)
        self._lay_out_ledger()

    def _lay_out_ledger(self) -> None:
        """Each line at the height of `top`'s row k (the row of dim k), its pieces in columns, the
        sums beside; all of it left of `top`'s row labels, shrunk if it would leave the frame."""
        widths = [max(line[c].width for line in self.products) for c in range(4)]
        gap = 0.6 * self.products[0][1].width  # about a space, at whatever size the ledger is
        # as numbers are written in a column: the factors right-aligned (their decimal points line
        # up), "×" centred, "= p" from the left; centred, "1.35 ×  1.90   = 2.565" read ragged
        toward = (1, 0, 1, -1)  # of each column's spare width: right, centre, right, left
        for k, line in enumerate(self.products):
            x = 0.0
            for c, piece in enumerate(line):
                piece.move_to(np.array([x + widths[c] / 2 + toward[c] * (widths[c] - piece.width) / 2,
                                        self.top.cell(k, 0).get_y(), 0.0]))
                x += widths[c] + gap
            self.sums[k].move_to(np.array([x + 0.2 + self.sums[k].width / 2, self.top.cell(k, 0).get_y(), 0.0]))
            self.sums[k].align_to(np.array([x + 0.2, 0, 0]), LEFT)
        anchor = self.top.row_labels if len(self.top.row_labels) else self.top.rects
        room = anchor.get_left()[0] - LEDGER_GAP - (-config.frame_width / 2 + LEDGER_MARGIN)
        if self.ledger.width > room:  # smaller, each line still beside its row
            self.ledger.scale(room / self.ledger.width)
            for k, (line, total) in enumerate(zip(self.products, self.sums)):
                VGroup(line, total).set_y(self.top.cell(k, 0).get_y())
        self.ledger.shift(RIGHT * (anchor.get_left()[0] - LEDGER_GAP - self.ledger.get_right()[0]))

    def keep(self) -> list:
        """What the eye needs while the cell is worked: the row, the column, the cell, their labels
        and the dims' labels (each term is one dim), the ledger and the boxes."""
        left, top = self.left, self.top
        keep = [left.row(self.i), top.column(self.j), self.result.cell(self.i, self.j), self.ledger,
                self.row_box, self.col_box, self.cell_box, left.col_labels, top.row_labels]
        keep += [left.row_labels[self.i]] if len(left.row_labels) else []
        keep += [top.col_labels[self.j]] if len(top.col_labels) else []
        return keep

    def open(self) -> list:
        """Boxes on the row, the column and the (still empty) cell."""
        # faded in, not drawn: a box being drawn starts as a stray line for a frame or two
        return [FadeIn(self.row_box), FadeIn(self.col_box), FadeIn(self.cell_box)]

    def term(self, k: int) -> AnimationGroup:
        """Term k: small boxes move onto left[i, k] and top[k, j], their product is written in
        line k, and the running sum beside it."""
        left_cursor, top_cursor = self.cursors
        if k == 0:
            moves = [FadeIn(left_cursor), FadeIn(top_cursor)]
        else:
            moves = [left_cursor.animate.move_to(self.left.cell(self.i, k)), top_cursor.animate.move_to(self.top.cell(k, self.j))]
        return AnimationGroup(*(during(m, 0.0, 0.35) for m in moves),
                              during(FadeIn(self.products[k], shift=0.15 * LEFT), 0.3, 0.75),
                              during(FadeIn(self.sums[k], shift=0.15 * LEFT), 0.55, 1.0))

    def deliver(self, travel: bool = True) -> AnimationGroup:
        """The sum's number travels to the cell: down out of the ledger, right along the corridor
        between `left`'s column labels and `top`, down the cell's column (empty cells); the cell
        takes its colour as it lands. The boxes on the cells of the last term go. travel=False:
        where that path is not free (the column already filled, a corridor too narrow for the
        number), the number appears in its cell instead, with its colour."""
        final = self.sums[-1][-len(self.cell_text):]  # the number as the cell writes it (Text has no spaces)
        if not travel:
            return AnimationGroup(during(self.result.fill_in(self.i, self.j), 0.2, 0.8),
                                  Vanish(self.result.number(self.i, self.j), back=(0.2, 0.8)),
                                  *(during(FadeOut(c), 0.0, 0.3) for c in self.cursors))
        cell = self.result.cell(self.i, self.j)
        floor = max(self.result.rects.get_top()[1], self.left.col_labels.get_top()[1] if len(self.left.col_labels) else -9)
        corridor = (floor + self.top.rects.get_bottom()[1]) / 2
        lane = cell.get_x()
        keys = [(0.25, np.array([final.get_x(), corridor, 0.0])), (0.6, np.array([lane, corridor, 0.0]))]
        # in drawing order: the cell's colour under the number that lands on it
        return AnimationGroup(during(self.result.fill_in(self.i, self.j), 0.8, 1.0),
                              Vanish(self.sums[-1], back=(0.2, 0.45), parts=[final]),
                              Carry(final, self.result.number(self.i, self.j), keys),
                              *(during(FadeOut(c), 0.0, 0.3) for c in self.cursors))

    def close(self) -> list:
        return [FadeOut(VGroup(self.row_box, self.col_box))]


# -- a number changing where it stands ---------------------------------------------------------------

def change_in_place(old, new, *, grow: bool = True) -> AnimationGroup:
    """`old` gives way to `new` at the same place: the old shrinks away, then the new one appears
    (never both at once, never one morphing into the other). `grow=False` for whole tables and
    names: nothing changes size on the way (a table grown by half would print over its
    neighbours), the old fades, a moment of nothing, the new fades in."""
    if not grow:
        return AnimationGroup(during(FadeOut(old), 0.0, 0.45), during(FadeIn(new), 0.55, 1.0))
    return AnimationGroup(during(FadeOut(old, scale=0.5), 0.0, 0.5), during(FadeIn(new, scale=1.5), 0.5, 1.0))


def carry_and_change(above: MatrixGrid, below: MatrixGrid, *, arrive: float = 0.35) -> AnimationGroup:
    """One step of a computation done on a row in a slot of its own: a copy of each cell of
    `above` travels to the same column of `below` (another row, drawn elsewhere: below it, as a
    worked row's next stage), keeping its own digits, by fraction `arrive`; then, left to right,
    each copy gives way to `below`'s entry where it stands (the number fades out before the new
    one fades in, never both readable at once, nothing morphed; the cell's colour crosses over).
    Whatever `below`'s cells will be read next to (a name) should come after `arrive`, so the
    copies never pass over it. `below` is in the scene at the end."""
    n = above.shape[1]
    parts = []
    travellers = []
    for j in range(n):
        start = arrive + (1.0 - arrive - 0.3) * j / max(n - 1, 1)  # each change takes 0.3
        shift = below.rects[j].get_center() - above.rects[j].get_center()
        rect, number = above.rects[j].copy(), above.numbers[j].copy()
        travellers += [Travel(rect, [(arrive, rect.get_center() + shift)], leave=(start, start + 0.3)),
                       Travel(number, [(arrive, number.get_center() + shift)], leave=(start, start + 0.12))]
        parts += [Vanish(below, back=(start, start + 0.3), parts=[below.rects[j]]),
                  Vanish(below, back=(start + 0.15, start + 0.3), parts=[below.numbers[j]])]
    # `above`'s numbers wait hidden until their copies have left them (a copy a little off its
    # source would print the digits twice); drawn in this order: `above`, `below` (hidden until
    # each cell changes), then the copies over them
    keep = Vanish(above, back=(0.6 * arrive, arrive), parts=list(above.numbers))
    return AnimationGroup(keep, *parts, *travellers)
