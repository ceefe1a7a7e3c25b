"""Small staging helpers of the scenes: fitting a layout into a region of the frame above the
subtitles, a cell turning into another value where it stands, a computed cell appearing, a table's
numbers larger than its words, its column words grown back over short neighbours (scenes.motion
holds the larger devices)."""

from __future__ import annotations

import numpy as np
from manim import DOWN, AnimationGroup, FadeIn

from scenes.components import MatrixGrid
from scenes.geometry import SUBTITLE_TOP
from scenes.motion import change_in_place

TOP = 3.0                    # below the chapter heading
BOTTOM = SUBTITLE_TOP + 0.1  # above the subtitles' band
NUMBER_FILL = 0.82  # the most of its cell's width a grown number takes


def fit_region(mob, left: float, right: float, top: float = TOP, bottom: float = BOTTOM, grow: float = 1.0):
    """Scale `mob` to fit the region x = left..right, y = bottom..top (growing by at most `grow`)
    and centre it there."""
    factor = min(grow, (right - left) / max(mob.width, 1e-6), (top - bottom) / max(mob.height, 1e-6))
    mob.scale(factor)
    return mob.move_to(np.array([(left + right) / 2, (top + bottom) / 2, 0.0]))


def swap_in_place(old: MatrixGrid, new: MatrixGrid, i: int, j: int) -> AnimationGroup:
    """Cell (i, j) of `old` becomes cell (i, j) of `new` (drawn at the same place): the old number
    shrinks away, then the new one appears, while the cell's fill takes the new value's colour."""
    rect, target = old.cell(i, j)[0], new.cell(i, j)[0]
    return AnimationGroup(change_in_place(old.number(i, j), new.number(i, j)),
                          rect.animate.set_fill(target.get_fill_color(), opacity=target.get_fill_opacity()))


def reveal_cell(grid: MatrixGrid, i: int, j: int) -> AnimationGroup:
    """A computed cell: its number appears, and its colour with it (after grid.clear_fills())."""
    return AnimationGroup(FadeIn(grid.number(i, j), scale=1.3), grid.fill_in(i, j))


def numbers_larger(grids, size: float):
    """The numbers of `grids` (a table, or several) at `size` where they stand (row and column words
    keep theirs), all at one size, which the widest number keeps within its cell (a "-0.40" smaller
    than the "0.30" beside it read as a lesser value; a table and its rescaled twin share the size,
    as one's numbers take the other's places): MatrixGrid widens a column to its word, at its
    numbers' size plus 2, so a table whose numbers outsize its words is built small and its numbers
    then grown. Returns `grids`."""
    tables = [grids] if isinstance(grids, MatrixGrid) else list(grids)
    numbers = [(grid.number(i, j), grid.cell(i, j)[0]) for grid in tables
               for i in range(grid.shape[0]) for j in range(grid.shape[1])]
    shown = [(n, c) for n, c in numbers if n.width > 1e-6 and n.height > 1e-6]
    common = min([size, *(n.font_size * min(NUMBER_FILL * c.width / n.width, 0.8 * c.height / n.height) for n, c in shown)])
    for number, _ in shown:
        number.scale(common / number.font_size)
    return grids


def regrow_column_labels(matrix, gap: float = 0.2) -> None:
    """A matrix's column labels, shrunk to fit their columns (each to its own), grown back all by
    one factor as far as their neighbours leave room, up to the row labels' size: a long word
    ("grammar") between short ones reaches over its column's edges instead of shrinking them all."""
    labels = list(matrix.col_labels)
    if not labels or not len(matrix.row_labels):
        return
    factor = max(lab.font_size for lab in matrix.row_labels) / labels[0].font_size
    for a, b in zip(labels, labels[1:]):
        factor = min(factor, (b.get_x() - a.get_x() - gap) / ((a.width + b.width) / 2))
    # the outer ones no further than the table's edges (the first over the row labels' column: free
    # at the column labels' height)
    factor = min(factor, (labels[0].get_x() - matrix.row_labels.get_left()[0]) / (labels[0].width / 2),
                 (matrix.rects.get_right()[0] - labels[-1].get_x()) / (labels[-1].width / 2))
    if factor > 1.0:
        for lab in labels:
            lab.scale(factor, about_edge=DOWN)
