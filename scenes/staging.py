"""Small staging helpers of the scaling, contexts, projections and multi-head scenes: fitting a
layout into a region of the frame above the subtitles, a cell turning into another value where it
stands, and a computed cell appearing (scenes.motion holds the larger devices)."""

from __future__ import annotations

import numpy as np
from manim import AnimationGroup, FadeIn

from scenes.components import MatrixGrid
from scenes.geometry import SUBTITLE_TOP
from scenes.motion import change_in_place

TOP = 3.0                    # below the chapter heading
BOTTOM = SUBTITLE_TOP + 0.1  # above the subtitles' band


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

