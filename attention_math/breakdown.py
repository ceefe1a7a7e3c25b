"""The pieces of one worked cell, for scenes that show a computation term by term.

Scenes never compute: a worked dot product, one row's softmax and one weighted sum are
spelled out here, tested, and only displayed by the scenes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .core import softmax

# Below this, e^x is shown as is; above it, the row maximum is subtracted first (as the
# numerically stable softmax does), and the scene says so.
EXP_DISPLAY_LIMIT = 30.0


@dataclass(frozen=True)
class DotProduct:
    """a·b term by term: products[i] = a[i]·b[i]; running[i] = products[0] + … + products[i]."""

    a: np.ndarray
    b: np.ndarray
    products: np.ndarray
    running: np.ndarray

    @property
    def total(self) -> float:
        return float(self.running[-1])


def dot_product(a: np.ndarray, b: np.ndarray) -> DotProduct:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    products = a * b
    return DotProduct(a, b, products, np.cumsum(products))


@dataclass(frozen=True)
class SoftmaxRow:
    """One row's softmax as the screen shows it: exps = e^(x − shift), total = Σ exps,
    weights = exps / total. shift is 0 unless the row is too large to show e^x directly."""

    row: np.ndarray
    shift: float
    exps: np.ndarray
    total: float
    weights: np.ndarray


def softmax_row(row: np.ndarray) -> SoftmaxRow:
    row = np.asarray(row, dtype=float)
    finite = row[np.isfinite(row)]
    shift = float(finite.max()) if finite.size and finite.max() > EXP_DISPLAY_LIMIT else 0.0
    exps = np.exp(row - shift)
    return SoftmaxRow(row, shift, exps, float(exps.sum()), softmax(row))


@dataclass(frozen=True)
class WeightedSum:
    """Output row = Σ_j weights[j]·values[j]: terms[j] = weights[j]·values[j] (a row each),
    running[j] = terms[0] + … + terms[j]."""

    weights: np.ndarray
    values: np.ndarray
    terms: np.ndarray
    running: np.ndarray

    @property
    def total(self) -> np.ndarray:
        return self.running[-1]


def weighted_sum(weights: np.ndarray, values: np.ndarray) -> WeightedSum:
    weights, values = np.asarray(weights, dtype=float), np.asarray(values, dtype=float)
    terms = weights[:, None] * values
    return WeightedSum(weights, values, terms, np.cumsum(terms, axis=0))


def unscaled_weights(raw_scores: np.ndarray) -> np.ndarray:
    """(n,) or (n, n) -> same shape: the weights softmax would give without the √d divisor,
    for comparing with the scaled weights (the reason the scaling step exists)."""
    return softmax(np.asarray(raw_scores, dtype=float))

