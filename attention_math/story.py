"""What the narration may claim about an example's numbers, with one set of thresholds.

Scenes say "mouse listens most to cat", "mouse is ambiguous", "balanced" or "leans towards tech"
only when the predicate here holds for the example being rendered; the tests check the built-in
example's story with the same functions, so narration and tests cannot disagree.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

# A vector is "ambiguous" between two named dimensions when the weaker of the two is at least
# this share of the stronger, and both are at least STRONG_SHARE of the example's largest value.
AMBIGUITY_RATIO = 0.7
STRONG_SHARE = 0.5
# Two values are "balanced" (on the diagonal of their plane) when they differ by at most this
# share of the larger one.
BALANCE_TOLERANCE = 0.1
# An output "leans towards" a dimension when it exceeds the other by at least this much: the
# difference stays visible at the two decimals shown.
LEAN_MARGIN = 0.1


def strongest_neighbour(tokens: Sequence[str], row: np.ndarray, focus: str) -> int:
    """Index of the word, other than the focus word itself, with the largest value in `row`
    (a row of scores or weights); the focus word's own index when it is alone."""
    others = [j for j, token in enumerate(tokens) if token != focus]
    if not others:
        return list(tokens).index(focus)
    return max(others, key=lambda j: float(row[j]))


def ranked(row: np.ndarray) -> list:
    """Indices of `row`, largest value first (ties keep sentence order)."""
    return sorted(range(len(row)), key=lambda j: (-float(row[j]), j))


def is_ambiguous(first: float, second: float, largest_value: float) -> bool:
    """Strong on both of two meanings at once (mouse: animal 1.30, tech 1.30)."""
    weak, strong = sorted((abs(first), abs(second)))
    return strong > 0 and weak >= AMBIGUITY_RATIO * strong and weak >= STRONG_SHARE * largest_value


def is_balanced(first: float, second: float) -> bool:
    return abs(first - second) <= BALANCE_TOLERANCE * max(abs(first), abs(second), 1e-9)


def leans_towards(first: float, second: float) -> int | None:
    """0 when `first` exceeds `second` by LEAN_MARGIN, 1 for the reverse, None when neither."""
    if first - second >= LEAN_MARGIN:
        return 0
    if second - first >= LEAN_MARGIN:
        return 1
    return None
