"""Reusable mobject builders shared by every scene. They return mobjects (and animations);
scenes arrange and play them. Numbers are formatted by attention_math.format_number, so
what is drawn can be read back and compared with the math (tests do).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, Arrow, Line, Rectangle, SurroundingRectangle, Text, VGroup,
)

from attention_math.formatting import format_number, shortest
from scenes.theme import FONT, Theme

# Sizes in scene units (the frame is 8 units tall). At 480p one unit is 60 pixels, so a
# 0.5-unit cell gives numbers about 12 px tall: the smallest that stays readable.
CELL_W, CELL_H = 0.95, 0.5
NUMBER_SIZE = 22
LABEL_SIZE = 22
# the smallest any text may end up on screen, after layouts scale it (Text.font_size): a table's
# own number size, digits about 13 px tall at 480p, 30 px at 1080p. At 18 (about 11 px) reviewers
# still squinted at captions, tick labels and tables shrunk to fit
SMALLEST_TEXT = 22


# every row of a softmax sums to 1 by construction: the label states that fact (a total of the
# rounded weights beside it could read 0.99); tests check the rows' sums
ROW_SUM = "Σ = 1"
# under that column: the sum is of the weights themselves; the rounded entries shown can add up
# to 0.99 or 1.01
ROW_SUM_NOTE = ("before", "rounding")


def row_sum_note(sums: VGroup, theme: Theme, size: float) -> VGroup:
    """The note under a column of ROW_SUM labels, on two short lines, right-aligned with it (the
    column is narrow and often at the frame's edge: the note reaches back under the table)."""
    lines = VGroup(*(label(line, theme, size=size, color=theme.muted) for line in ROW_SUM_NOTE))
    return lines.arrange(DOWN, buff=0.06, aligned_edge=RIGHT).next_to(sums, DOWN, buff=0.2).align_to(sums, RIGHT)


class LightText(Text):
    """Pango text that forgets the parsed SVG path each glyph was built from. manim keeps it on
    every glyph (`path_obj`) though nothing reads it after construction, and every animation
    deep-copies it: dropping it makes copies about 8× faster, for renders and tests alike."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for glyph in self.family_members_with_points():
            if getattr(glyph, "path_obj", None) is not None:
                glyph.path_obj = None
        self.id_to_vgroup_dict = {}  # ids of the SVG's groups: only used while parsing


# the math names written with an underscore (W_Q, W_O, d_k): drawn with a true subscript
SUBSCRIPT = re.compile(r"(?<![A-Za-z0-9])([Wd])_([A-Za-z0-9]{1,2})(?![A-Za-z0-9])")
SUBSCRIPT_SCALE, SUBSCRIPT_DROP = 0.68, 0.22  # of the size, and of the capital's height


def _subscripts(text: str) -> tuple:
    """text without the underscores, and the glyph indices (Pango's glyphs skip whitespace) of
    each subscript: "Q = X·W_Q" -> ("Q = X·WQ", [[4]])."""
    plain, runs, glyph, last = [], [], 0, 0
    for match in SUBSCRIPT.finditer(text):
        before = text[last:match.start(2) - 1]  # up to the underscore
        plain.append(before)
        glyph += sum(1 for c in before if not c.isspace())
        runs.append(list(range(glyph, glyph + len(match.group(2)))))
        plain.append(match.group(2))
        glyph += len(match.group(2))
        last = match.end()
    plain.append(text[last:])
    return "".join(plain), runs


@lru_cache(maxsize=4096)
def _shaped(text: str, size: float, weight: str) -> LightText:
    """Pango shapes each distinct string once per process; callers get copies (the same cells
    and labels recur in every scene, and a copy costs a tenth of shaping and parsing)."""
    plain, runs = _subscripts(text)
    shaped = LightText(plain, font=FONT, font_size=size, weight=weight)
    if runs:
        glyphs = list(shaped.submobjects)
        for run in runs:
            letters = VGroup(*(glyphs[k] for k in run))
            base = glyphs[run[0] - 1]  # the letter it belongs to (W, d)
            width = letters.width
            letters.scale(SUBSCRIPT_SCALE, about_point=np.array([letters.get_left()[0], base.get_bottom()[1], 0.0]))
            letters.shift(DOWN * SUBSCRIPT_DROP * base.height)
            for k in range(run[-1] + 1, len(glyphs)):  # what follows closes up
                glyphs[k].shift(LEFT * (1 - SUBSCRIPT_SCALE) * width)
        shaped.original_text = text
        shaped.initial_height = shaped.height  # its size is still `size` (Text.font_size reads the height)
    return shaped


def pieces(mob, skip=lambda m: False) -> list:
    """`mob` in pieces a viewer reads: each word or number whole (a glyph alone, the "m" of a cut
    "mouse", reads as a broken label), anything else leaf by leaf; what `skip` says, left out with
    all it holds."""
    if skip(mob):
        return []
    if isinstance(mob, Text) or not mob.submobjects:
        return [mob] if mob.has_points() or mob.submobjects else []
    return [piece for sub in mob.submobjects for piece in pieces(sub, skip)]


def make_text(content: str, size: float, color: str, weight: str = "NORMAL") -> LightText:
    """Every piece of text on screen is made here: one font family, Pango only (no LaTeX)."""
    return _shaped(content, float(size), weight).copy().set_color(color)


def label(text: str, theme: Theme, size: float = LABEL_SIZE, color: Optional[str] = None, weight: str = "NORMAL") -> Text:
    """Any words on screen, in the theme's text colour unless told otherwise."""
    return make_text(text, size, color or theme.text, weight)


def title(text: str, theme: Theme) -> Text:
    """The scene's heading, top left."""
    t = label(text, theme, size=30, weight="BOLD")
    return t.to_edge(UP, buff=0.35).to_edge(LEFT, buff=0.5)


BAND_GAP = 0.12  # the least space between anything drawn and the band the video player's subtitles use


def note(text: str, theme: Theme, size: float = 22, beside=None, direction=DOWN, buff: float = 0.2,
         color: Optional[str] = None) -> Text:
    """A short callout: a label, an equation, a few numbers; never the narration's sentence, which
    the subtitles already show. Next to `beside` (towards `direction`) when given, else centred
    just above the bottom band the player's subtitles use; either way inside the frame and clear
    of that band (scenes.geometry.SUBTITLE_TOP), which stays free of text."""
    from manim import config

    from scenes.geometry import SUBTITLE_TOP  # imported here: scenes.geometry builds on this module

    t = label(text, theme, size=size, color=color or theme.muted)
    if t.width > config.frame_width - 1:
        t.scale_to_fit_width(config.frame_width - 1)
    lowest = SUBTITLE_TOP + BAND_GAP
    if beside is None:
        t.move_to(np.array([0.0, lowest + t.height / 2, 0.0]))
    else:
        t.next_to(beside, direction, buff=buff)
    half_w = config.frame_width / 2 - 0.5
    t.shift(np.array([max(0.0, -half_w - t.get_left()[0]) - max(0.0, t.get_right()[0] - half_w),
                      max(0.0, lowest - t.get_bottom()[1]), 0.0]))
    return t


class ColourLegend(VGroup):
    """The key to a value scale, shown where the scale is first used: a small bar of cells filled
    exactly as MatrixGrid fills them (theme.value_fill), from −scale to +scale, or from 0 when
    nothing shown is negative (no red is promised that the data does not have), with the values
    of its ends (and 0) written under it. `values`: what each cell stands for; `ticks`: the texts."""

    def __init__(self, theme: Theme, scale: float, *, negative: bool = True, decimals: int = 2,
                 steps: int = 9, cell_w: float = 0.34, cell_h: float = 0.3, size: float = 28):
        super().__init__()
        low = -scale if negative else 0.0
        self.values = np.linspace(low, scale, steps)
        self.cells = VGroup()
        for k, v in enumerate(self.values):
            colour, opacity = theme.value_fill(v, scale)
            cell = Rectangle(width=cell_w, height=cell_h, stroke_color=theme.grid, stroke_width=1)
            self.cells.add(cell.set_fill(colour, opacity=opacity).move_to(np.array([k * cell_w, 0.0, 0.0])))
        marks = [(0, low), (steps - 1, scale)] + ([(steps // 2, 0.0)] if negative and steps % 2 else [])
        self.ticks = VGroup(*(label(format_number(v, decimals), theme, size=size, color=theme.muted)
                              .next_to(self.cells[k], DOWN, buff=0.08) for k, v in marks))
        self.add(self.cells, self.ticks)


class MatrixGrid(VGroup):
    """A matrix drawn as a heatmap: one cell per entry (fill from the theme's value scale,
    the number in it), optional row and column labels, and optional axis captions such as
    "queries" / "keys". Built from a numpy array; `name` says which trace matrix it shows.

    Access: cell(i, j) (rectangle + number), number(i, j), row(i), column(j),
    displayed() -> the numbers as drawn, parsed back into an array.
    """

    def __init__(
        self,
        values: np.ndarray,
        theme: Theme,
        *,
        name: str,
        row_labels: Optional[Sequence[str]] = None,
        col_labels: Optional[Sequence[str]] = None,
        value_scale: Optional[float] = None,
        decimals: int = 2,
        cell_w: float = CELL_W,
        cell_h: float = CELL_H,
        label_color: Optional[str] = None,
        row_label_colors: Optional[dict] = None,
        col_label_colors: Optional[dict] = None,
        heat: bool = True,
        number_size: Optional[float] = None,
        trim_zeros: bool = True,
    ):
        super().__init__()
        values = np.asarray(values, dtype=float)
        if values.ndim == 1:
            values = values[None, :]
        self.name, self.values, self.theme, self.decimals = name, values, theme, decimals
        self.trim_zeros = trim_zeros

        self.cell_w, self.cell_h = cell_w, cell_h
        number_size = number_size or NUMBER_SIZE * cell_h / CELL_H  # numbers (and labels) grow with the cells
        # columns widen (up to 1.6×) for their labels, so "grammar" stays as large as "tech"
        if col_labels:
            widest = max(label(str(t), theme, size=number_size + 2).width for t in col_labels)
            cell_w = max(cell_w, min(widest + 0.12, cell_w * 1.6))
        self.cell_w = cell_w
        finite = values[np.isfinite(values)]
        scale = value_scale if value_scale is not None else (float(np.abs(finite).max()) if finite.size else 1.0)

        self.rects, self.numbers, self._cells = VGroup(), VGroup(), []
        for i, row in enumerate(values):
            cells_row = []
            for j, v in enumerate(row):
                rect = Rectangle(width=cell_w, height=cell_h, stroke_color=theme.grid, stroke_width=1.2)
                rect.move_to(np.array([j * cell_w, -i * cell_h, 0.0]))
                colour, opacity = theme.value_fill(v, scale) if heat and np.isfinite(v) else (theme.background, 0.0)
                rect.set_fill(colour, opacity=opacity)
                # past two decimals only where they say something (1.21 beside 1.715, not 1.210),
                # unless the row says it is written to more (trim_zeros=False)
                number = make_text(self.written(v), number_size, theme.text)
                if number.width > cell_w * 0.86:
                    number.scale_to_fit_width(cell_w * 0.86)
                number.move_to(rect)
                self.rects.add(rect)
                self.numbers.add(number)
                cells_row.append(VGroup(rect, number))
            self._cells.append(cells_row)
        self.add(self.rects, self.numbers)

        self.row_labels = VGroup()
        for i, text in enumerate(row_labels or []):
            colour = (row_label_colors or {}).get(i, label_color or theme.text)
            lab = fit_label(text, theme, width=3.2, size=number_size + 2, color=colour)
            lab.next_to(self._cells[i][0], LEFT, buff=0.15)
            self.row_labels.add(lab)
        self.col_labels = VGroup()
        for j, text in enumerate(col_labels or []):
            colour = (col_label_colors or {}).get(j, label_color or theme.text)
            lab = fit_label(text, theme, width=cell_w * 0.98, size=number_size + 2, color=colour, min_scale=0.55)
            lab.next_to(self._cells[0][j], UP, buff=0.12)
            self.col_labels.add(lab)
        # column labels share one size: a word shrunk to fit its column shrinks the others with it
        # (a table whose "friends" is smaller than its "cat" reads as if the words differed)
        upright = [lab for lab in self.col_labels if lab.width >= lab.height * 0.5 or len(lab.original_text) < 3]
        if upright:
            smallest = min(lab.font_size for lab in upright)
            for lab in upright:
                lab.scale(smallest / lab.font_size, about_point=lab.get_bottom())
        # column labels share one baseline height, however tall each word is
        if len(self.col_labels):
            top = max(lab.get_bottom()[1] for lab in self.col_labels)
            for lab in self.col_labels:
                lab.shift(UP * (top - lab.get_bottom()[1]))
        self.add(self.row_labels, self.col_labels)
        self.center()

    def written(self, value: float) -> str:
        """`value` as this table writes its numbers."""
        return shortest(value, self.decimals) if self.trim_zeros else format_number(value, self.decimals)

    @property
    def shape(self) -> tuple:
        return self.values.shape

    def cell(self, i: int, j: int) -> VGroup:
        return self._cells[i][j]

    def number(self, i: int, j: int) -> Text:
        return self._cells[i][j][1]

    def rewritten(self, i: int, j: int, text: str, fit: float) -> Text:
        """Cell (i, j)'s number written as `text` (more decimals, as a worked sum writes it), as
        large and in the colour of the table's own, no wider than `fit` of the cell, where it stands:
        not yet on screen."""
        old, cell = self.number(i, j), self.cell(i, j)[0]
        new = label(text, self.theme, size=old.font_size, color=old.get_fill_color())
        if new.width > cell.width * fit:
            new.scale_to_fit_width(cell.width * fit)
        return new.move_to(cell)

    def row_as_worked(self, i: int, values, places: int, fit: float = 0.76) -> list:
        """Row i's numbers written with `places` decimals (`values`, as a worked sum uses them),
        each where the table's own stands (rewritten; by default narrower than its cell by a clear
        gap: filling it, "0.261 0.091" read as one string); [] when the table already writes them so."""
        if places <= self.decimals:
            return []
        return [self.rewritten(i, j, format_number(v, places), fit=fit) for j, v in enumerate(values)]

    def row(self, i: int) -> VGroup:
        return VGroup(*self._cells[i])

    def column(self, j: int) -> VGroup:
        return VGroup(*(r[j] for r in self._cells))

    def body(self) -> VGroup:
        """The cells without labels (for braces and boxes)."""
        return self.rects

    def displayed(self) -> np.ndarray:
        """The numbers as drawn, parsed back (what the tests compare with the trace)."""
        from attention_math.formatting import parse_number

        rows, cols = self.values.shape
        return np.array([[parse_number(self.number(i, j).text) for j in range(cols)] for i in range(rows)])

    def row_box(self, i: int, color: str, buff: float = 0.04) -> SurroundingRectangle:
        return SurroundingRectangle(self.row(i), color=color, buff=buff, stroke_width=4)

    def column_box(self, j: int, color: str, buff: float = 0.04) -> SurroundingRectangle:
        return SurroundingRectangle(self.column(j), color=color, buff=buff, stroke_width=4)

    def cell_box(self, i: int, j: int, color: str) -> SurroundingRectangle:
        return SurroundingRectangle(self.cell(i, j), color=color, buff=0.02, stroke_width=4)

    # -- a result drawn before it is computed (scenes.motion fills it in) ----------------------------
    def clear_fills(self) -> "MatrixGrid":
        """Empty every cell's colour, so no cell is coloured before its value is there; fill_in
        gives a cell its colour back."""
        if not hasattr(self, "_fills"):
            self._fills = [rect.get_fill_opacity() for rect in self.rects]
        for rect in self.rects:
            rect.set_fill(opacity=0)
        return self

    def fill_in(self, i: int, j: int):
        """Animation colouring cell (i, j) by its value (after clear_fills)."""
        k = i * self.values.shape[1] + j
        fills = getattr(self, "_fills", None)
        return self.rects[k].animate.set_fill(opacity=fills[k] if fills else self.rects[k].get_fill_opacity())


def baseline_label(text: str, theme: Theme, size: float, color: str) -> Text:
    """A word whose bounding box spans a full ascender-to-descender height, so that words placed
    with next_to/align share one baseline ("grammar" no longer floats above "tech"). Still a Text
    (the checks of overprints and sizes read it as one)."""
    full = make_text("Ég" + text, size, color)
    bottom, top = full.get_bottom()[1], full.get_top()[1]
    full.remove(*full.submobjects[:2])
    x = full.get_center()[0]
    full.add(Line(np.array([x, bottom, 0]), np.array([x, top, 0]), stroke_width=0, stroke_opacity=0))
    full.text, full.original_text = text.replace(" ", ""), text
    return full


HANGING = set("gjpqy,;()")  # glyphs that reach below the line the others stand on


def text_baseline(mob) -> float:
    """The height a text's letters stand on: the median bottom of its glyphs, leaving out those
    that hang below the line (g, j, p, q, y, commas, brackets); one word or a group of texts (then
    all their glyphs); its bottom when it has no glyph. Centred or bottom-aligned, "cat" and
    "keyboard" stood on different lines, and "grammar"'s g lifted it off its row's line."""
    standing = []
    for text in (m for m in mob.get_family() if isinstance(m, Text)):
        chars = "".join(str(getattr(text, "original_text", text.text)).split())
        glyphs = [g for g in text.submobjects if not isinstance(g, Line)]  # (a baseline_label's strut aside)
        if len(glyphs) == len(chars):
            standing += [g.get_bottom()[1] for g, c in zip(glyphs, chars) if c not in HANGING]
        else:  # shaped otherwise (subscripts): every glyph, the median keeps to the line most stand on
            standing += [g.get_bottom()[1] for g in glyphs if g.has_points()]
    return float(np.median(standing)) if standing else float(mob.get_bottom()[1])


def fit_label(text: str, theme: Theme, width: float, size: float, color: str, min_scale: float = 0.4):
    """A label no wider than `width`: shrunk first, then (for very long words) turned vertical."""
    lab = baseline_label(text, theme, size=size, color=color)
    if lab.width > width:
        factor = width / lab.width
        if factor >= min_scale:
            lab.scale(factor)
        else:
            lab.rotate(np.pi / 2)
            if lab.height > 1.6:
                lab.scale_to_fit_height(1.6)
    return lab


def arrow_between(a, b, theme: Theme, color: Optional[str] = None, buff: float = 0.15) -> Arrow:
    return Arrow(a.get_right(), b.get_left(), buff=buff, color=color or theme.muted, stroke_width=4,
                 max_tip_length_to_length_ratio=0.2)


def fit_to_frame(mob, margin_x: float = 0.5, top: float = 3.3, bottom: float = -3.0, grow: float = 1.0):
    """Scale a layout down so it fits between the title and the bottom note (and up by at most
    `grow`, for a lone table that would otherwise sit small in an empty frame)."""
    from manim import config

    max_w = config.frame_width - 2 * margin_x
    max_h = top - bottom
    factor = min(grow, max_w / max(mob.width, 1e-6), max_h / max(mob.height, 1e-6))
    if factor != 1.0:
        mob.scale(factor)
    mob.move_to(np.array([0.0, (top + bottom) / 2, 0.0]))
    return mob


def vector_row(values: np.ndarray, theme: Theme, *, name: str, value_scale: float, cell_w: float = CELL_W * 0.85,
               cell_h: float = CELL_H * 0.9, col_labels: Optional[Sequence[str]] = None, decimals: int = 2) -> MatrixGrid:
    """A single vector drawn as a one-row heatmap."""
    return MatrixGrid(np.asarray(values)[None, :], theme, name=name, value_scale=value_scale, cell_w=cell_w,
                      cell_h=cell_h, col_labels=col_labels, decimals=decimals)


def product_layout(left: MatrixGrid, top: MatrixGrid, result: MatrixGrid, gap: float = 0.75) -> VGroup:
    """Arrange left × top = result the way matrix products are worked by hand: `top` above the
    result (its columns over the result's columns), `left` beside it (its rows beside the
    result's rows), so cell (i, j) sits where row i of `left` meets column j of `top`.
    Build `result` with `top.cell_w` and `left.cell_h` so the cells line up. The vertical gap grows
    when `left`'s column labels are taller than it (a long word stood on end), so they stay below
    `top`'s row labels."""
    r = result.rects
    if len(left.col_labels):
        gap_above = max(gap, left.col_labels.get_top()[1] - left.rects.get_top()[1] + 0.25)
    else:
        gap_above = gap
    left.shift(np.array([r.get_left()[0] - gap - left.rects.get_right()[0], r.get_top()[1] - left.rects.get_top()[1], 0]))
    top.shift(np.array([r.get_left()[0] - top.rects.get_left()[0], r.get_top()[1] + gap_above - top.rects.get_bottom()[1], 0]))
    return VGroup(left, top, result)


class BarChart(VGroup):
    """One row of weights as vertical bars, value on top, token underneath. Bars are scaled
    to `max_value` (1.0 for attention weights, so bars of different charts compare)."""

    def __init__(self, values: Sequence[float], labels: Sequence[str], theme: Theme, *, name: str, color: str,
                 max_value: float = 1.0, height: float = 2.0, bar_w: float = 0.55, gap: float = 0.25,
                 label_colors: Optional[dict] = None, decimals: int = 2):
        super().__init__()
        self.name, self.values = name, np.asarray(values, dtype=float)
        self.bars, self.value_labels, self.token_labels = VGroup(), VGroup(), VGroup()
        size = 18
        for k, (v, text) in enumerate(zip(self.values, labels)):
            x = k * (bar_w + gap)
            h = max(height * v / max_value, 0.0)
            bar = Rectangle(width=bar_w, height=max(h, 1e-3), stroke_width=0, fill_color=color, fill_opacity=0.85)
            bar.move_to(np.array([x, h / 2, 0.0]))
            value = label(format_number(v, decimals), theme, size=size)
            value.next_to(bar, UP, buff=0.08)
            token = fit_label(text, theme, width=bar_w + gap * 0.9, size=size,
                              color=(label_colors or {}).get(k, theme.text), min_scale=0.6)
            token.move_to(np.array([x, -0.25, 0.0]))
            self.bars.add(bar)
            self.value_labels.add(value)
            self.token_labels.add(token)
        width = len(self.values) * (bar_w + gap)
        self.baseline = Line(np.array([-bar_w, 0, 0]), np.array([width - gap, 0, 0]), color=theme.muted, stroke_width=2)
        self.add(self.baseline, self.bars, self.value_labels, self.token_labels)

    def displayed(self) -> np.ndarray:
        from attention_math.formatting import parse_number

        return np.array([parse_number(v.text) for v in self.value_labels])
