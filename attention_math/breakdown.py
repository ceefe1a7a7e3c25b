"""The pieces of one worked cell, for scenes that show a computation term by term.

Scenes never compute: a worked dot product, one row's softmax and one weighted sum are
spelled out here, tested, and only displayed by the scenes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .core import softmax
from .formatting import fewest_decimals, product_as_written, sum_as_written, written

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

    @property
    def largest_term(self) -> int:
        """Which dim adds the most: where the two vectors agree most strongly."""
        return int(np.argmax(self.products))

    @property
    def decimals(self) -> int:
        """How many decimals the worked terms are written with: the fewest at which every line
        checks as written (a × b = p, and each Σ the one before plus p)."""
        return fewest_decimals(self.checks)

    def checks(self, decimals: int) -> bool:
        """Whether every line checks as written with `decimals` decimals."""
        return sum_as_written(self.products, self.running, decimals) and all(
            product_as_written(a, b, p, decimals) for a, b, p in zip(self.a, self.b, self.products))

    def scaled_decimals(self, d_k: int) -> int:
        """How many decimals a worked score is written with when it goes on to "Σ ÷ √d_k = score":
        the fewest at which every line checks and the sum as written ÷ √d_k (exact, as the symbol
        is written) rounds to the scaled score as written (2.50 ÷ √2 = 1.77, but 2.496 ÷ √2 is
        1.765: three decimals)."""
        scaled = self.total / math.sqrt(d_k)
        return fewest_decimals(lambda d: self.checks(d) and
                               written(written(self.total, d) / 10 ** d / math.sqrt(d_k), d) == written(scaled, d))


def dot_product(a: np.ndarray, b: np.ndarray) -> DotProduct:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    products = a * b
    return DotProduct(a, b, products, np.cumsum(products))


WORKED_WEIGHT_DECIMALS = 3  # a worked row's weights, eˣ ÷ Σ (the tables round them to 2)


@dataclass(frozen=True)
class SoftmaxRow:
    """One row's softmax as the screen shows it: exps = e^(x − shift), total = Σ exps,
    weights = exps / total. shift is 0 unless the row is too large to show e^x directly."""

    row: np.ndarray
    shift: float
    exps: np.ndarray
    total: float
    weights: np.ndarray

    @property
    def largest(self) -> int:
        """The entry with the largest score (and so the largest eˣ)."""
        return int(np.argmax(self.row))

    @property
    def smallest(self) -> int:
        """The entry with the smallest score that is not masked."""
        return int(np.argmin(np.where(np.isfinite(self.row), self.row, np.inf)))

    @property
    def decimals(self) -> int:
        """How many decimals the worked row is written with (x and eˣ; its weights get
        WORKED_WEIGHT_DECIMALS): the fewest at which each eˣ as written is e to the x as written, Σ
        as written adds them up, and each eˣ ÷ Σ as written is the weight as written (1.174 ÷ 12.826
        is 0.092, not mouse's 0.0915: four decimals then). At most 4, to fit the cells: large
        scores' eˣ would need more, and the rounding then shows."""
        finite = np.isfinite(self.row)
        places = WORKED_WEIGHT_DECIMALS

        def checks(d: int) -> bool:
            exps_ok = all(abs(np.exp(written(x, d) / 10 ** d - self.shift) * 10 ** d - written(e, d)) <= 0.5 + 1e-9
                          for x, e in zip(self.row[finite], self.exps[finite]))
            total = written(self.total, d)
            if not exps_ok or sum(written(e, d) for e in self.exps) != total or total == 0:
                return False
            return all(written(written(e, d) / total, places) == written(w, places) for e, w in zip(self.exps, self.weights))
        return fewest_decimals(checks, most=4)


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

    def running_as_written(self, decimals: int) -> np.ndarray:
        """(n, width): the running sums of the terms as the screen writes them: the weights with
        `decimals` decimals times the values as the table writes them (2), added term by term.
        What a viewer adding up the terms on screen gets, sum after sum."""
        weights = np.array([written(w, decimals) for w in self.weights]) / 10 ** decimals
        values = np.vectorize(written)(self.values, 2) / 100
        return np.cumsum(weights[:, None] * values, axis=0)

    def terms_as_written(self, weight_decimals: int, decimals: int) -> np.ndarray:
        """(n, width): each term as a strip spells it out ("0.261 × cat = 0.47 0.00 0.05 0.10"):
        the weight with `weight_decimals` decimals times the value as the table writes it (2),
        rounded to `decimals`."""
        weights = np.array([written(w, weight_decimals) for w in self.weights]) / 10 ** weight_decimals
        values = np.vectorize(written)(self.values, 2) / 100
        return np.vectorize(written)(weights[:, None] * values, decimals) / 10 ** decimals

    def running_of_terms(self, weight_decimals: int, decimals: int) -> np.ndarray:
        """(n, width): the running sums of those written terms, exact (each is the one before plus
        the term as written: what a viewer adding up the strips gets)."""
        units = np.vectorize(written)(self.terms_as_written(weight_decimals, decimals), decimals)
        return np.cumsum(units, axis=0) / 10 ** decimals

    def term_decimals(self, weight_decimals: int) -> int:
        """How many decimals the spelled-out terms, and the running sums made of them, are written
        with: the fewest at which the last sum, rounded to two decimals, is the output's row as
        written (two-decimal terms can drift a hundredth from it)."""
        def adds_up(decimals: int) -> bool:
            last = self.running_of_terms(weight_decimals, decimals)[-1]
            return bool(np.array_equal(np.vectorize(written)(last, 2), np.vectorize(written)(self.total, 2)))
        return fewest_decimals(adds_up)

    @property
    def weight_decimals(self) -> int:
        """How many decimals the weights are written with where the sum is spelled out: the fewest
        at which the terms as written add up to what the output's row writes (two-decimal weights
        can be off by a hundredth)."""
        return fewest_decimals(lambda d: bool(np.all(
            np.abs(self.running_as_written(d)[-1] * 100 - np.vectorize(written)(self.total, 2)) <= 0.5 + 1e-9)), most=3)


def weighted_sum(weights: np.ndarray, values: np.ndarray) -> WeightedSum:
    weights, values = np.asarray(weights, dtype=float), np.asarray(values, dtype=float)
    terms = weights[:, None] * values
    return WeightedSum(weights, values, terms, np.cumsum(terms, axis=0))


def unscaled_weights(raw_scores: np.ndarray) -> np.ndarray:
    """(n,) or (n, n) -> same shape: the weights softmax would give without the √d divisor,
    for comparing with the scaled weights (the reason the scaling step exists)."""
    return softmax(np.asarray(raw_scores, dtype=float))

