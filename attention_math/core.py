"""Scaled dot-product attention, one small function per step of the article.

Orientation everywhere: rows are queries (the word being updated), columns are keys.
Softmax runs along each row (axis=-1), so every row of the attention matrix sums to 1.

Shapes: n tokens, d input width, d_k query/key width, d_v value width.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np


def _frozen(array: np.ndarray) -> np.ndarray:
    """A read-only float copy, so a trace cannot be changed after it is made."""
    out = np.array(array, dtype=float, copy=True)
    out.setflags(write=False)
    return out


def project(x: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """(n, d) @ (d, d_out) -> (n, d_out): a learned projection such as Q = X·W_Q."""
    return x @ weights


def scores(queries: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Raw similarities, every query against every key: (n, d_k) @ (d_k, n) -> (n, n).

    Entry [i, j] is the dot product of query i with key j.
    """
    return queries @ keys.T


def scale_factor(d_k: int) -> float:
    """sqrt(d_k): the divisor of the scaling step."""
    return float(np.sqrt(d_k))


def scale(raw_scores: np.ndarray, d_k: int) -> np.ndarray:
    """Divide by sqrt(d_k) so the softmax that follows is not too sharp. Shape unchanged."""
    return raw_scores / scale_factor(d_k)


@dataclass(frozen=True)
class DotProductSpread:
    """Why the divisor is √d: dot products of pairs of random d-vectors (entries standard normal).

    samples (count,): the dot products; spread: their standard deviation, which grows like √d
    (each is a sum of d independent products of variance 1, so its variance is d);
    scaled: samples / √d, whose spread is about 1 for every d. a, b (count, d): the pairs, sample k
    being a[k]·b[k] (one pair is worked by hand before the others).
    """

    d: int
    samples: np.ndarray
    a: np.ndarray
    b: np.ndarray

    @property
    def spread(self) -> float:
        return float(np.std(self.samples))

    @property
    def scaled(self) -> np.ndarray:
        return self.samples / scale_factor(self.d)

    @property
    def scaled_spread(self) -> float:
        return float(np.std(self.scaled))


def dot_product_spread(d: int, count: int = 400, seed: int = 0) -> DotProductSpread:
    """`count` dot products of two random standard-normal d-vectors, from a seeded generator (the
    same numbers on every machine and in every render)."""
    rng = np.random.default_rng([seed, d])
    a, b = rng.standard_normal((count, d)), rng.standard_normal((count, d))
    samples = np.einsum("ij,ij->i", a, b)
    for array in (samples, a, b):
        array.setflags(write=False)
    return DotProductSpread(d, samples, a, b)


def causal_mask(n: int) -> np.ndarray:
    """(n, n) bool, True where key j comes after query i (j > i): the future a decoder may not see."""
    return np.triu(np.ones((n, n), dtype=bool), k=1)


def apply_mask(scaled_scores: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Set masked entries to -inf, so softmax gives them weight exactly 0."""
    return np.where(mask, -np.inf, scaled_scores)


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Softmax along `axis` (default: each row). Numerically stable: the row maximum is
    subtracted first, which changes nothing mathematically but keeps exp() from overflowing
    for scores as large as 1e6. Entries of -inf get weight 0; a row must keep one finite entry.
    """
    x = np.asarray(x, dtype=float)
    row_max = np.max(x, axis=axis, keepdims=True)
    if not np.all(np.isfinite(row_max)):
        raise ValueError("softmax: every row needs at least one finite entry")
    exps = np.exp(x - row_max)
    return exps / np.sum(exps, axis=axis, keepdims=True)


def row_sums(weights: np.ndarray) -> np.ndarray:
    """(n, n) -> (n,): the sum of each row (1 for every row of an attention matrix)."""
    return np.asarray(weights).sum(axis=1)


def attend(weights: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Weighted sum of value rows: (n, n) @ (n, d_v) -> (n, d_v).

    Output row i = sum_j weights[i, j] * values[j]: a convex combination of the value rows.
    """
    return weights @ values


@dataclass(frozen=True)
class AttentionTrace:
    """Every intermediate of one self-attention pass; all arrays are read-only.

    input (n, d); w_q, w_k (d, d_k) and w_v (d, d_v), or None when Q = K = V = input;
    q, k (n, d_k); v (n, d_v); scores, scaled, weights (n, n), rows = queries (scaled = scores / √d_k,
    or / √scale_width when self_attention was given one);
    masked (n, n) with -inf above the diagonal, or None without a causal mask; output (n, d_v).
    """

    input: np.ndarray
    w_q: Optional[np.ndarray]
    w_k: Optional[np.ndarray]
    w_v: Optional[np.ndarray]
    q: np.ndarray
    k: np.ndarray
    v: np.ndarray
    scores: np.ndarray
    scaled: np.ndarray
    masked: Optional[np.ndarray]
    weights: np.ndarray
    output: np.ndarray

    @property
    def d_k(self) -> int:
        return self.q.shape[1]

    @property
    def d_v(self) -> int:
        return self.v.shape[1]

    @property
    def n(self) -> int:
        return self.input.shape[0]


def self_attention(
    x: np.ndarray,
    w_q: Optional[np.ndarray] = None,
    w_k: Optional[np.ndarray] = None,
    w_v: Optional[np.ndarray] = None,
    causal: bool = False,
    scale_width: Optional[int] = None,
) -> AttentionTrace:
    """One attention pass over x (n, d). Without weights, Q = K = V = x (the article's
    simplified version); with them, Q = x·W_Q, K = x·W_K, V = x·W_V.
    scale_width: the width whose square root divides the scores, d_k unless given (the
    projections scene compares learned weights at the input's √d, to separate the effect of the
    projections from that of the smaller divisor).
    """
    x = np.asarray(x, dtype=float)
    given = [w is not None for w in (w_q, w_k, w_v)]
    if any(given) and not all(given):
        raise ValueError("self_attention: give all of w_q, w_k, w_v or none")
    if all(given):
        q, k, v = project(x, w_q), project(x, w_k), project(x, w_v)
    else:
        q = k = v = x
    raw = scores(q, k)
    scaled = scale(raw, scale_width or q.shape[1])
    masked = apply_mask(scaled, causal_mask(len(x))) if causal else None
    weights = softmax(masked if causal else scaled)
    return AttentionTrace(
        input=_frozen(x),
        w_q=None if w_q is None else _frozen(w_q),
        w_k=None if w_k is None else _frozen(w_k),
        w_v=None if w_v is None else _frozen(w_v),
        q=_frozen(q),
        k=_frozen(k),
        v=_frozen(v),
        scores=_frozen(raw),
        scaled=_frozen(scaled),
        masked=None if masked is None else _frozen(masked),
        weights=_frozen(weights),
        output=_frozen(attend(weights, v)),
    )


@dataclass(frozen=True)
class HeadWeights:
    """One head's learned projections: w_q, w_k (d, d_k) and w_v (d, d_v)."""

    w_q: np.ndarray
    w_k: np.ndarray
    w_v: np.ndarray


@dataclass(frozen=True)
class MultiHeadTrace:
    """heads: one AttentionTrace per head; concat (n, h*d_v): head outputs side by side along
    the feature axis; w_o (h*d_v, d_model) output projection; output (n, d_model) = concat·W_O.
    """

    heads: tuple
    concat: np.ndarray
    w_o: np.ndarray
    output: np.ndarray


def concat_heads(head_outputs: Sequence[np.ndarray]) -> np.ndarray:
    """[(n, d_v)] * h -> (n, h*d_v), head 1's columns first."""
    return np.concatenate(list(head_outputs), axis=1)


def multi_head_attention(
    x: np.ndarray,
    heads: Sequence[HeadWeights],
    w_o: Optional[np.ndarray] = None,
    causal: bool = False,
) -> MultiHeadTrace:
    """Run each head on x with its own projections, concatenate along features, then
    multiply by W_O (identity when w_o is None)."""
    if not heads:
        raise ValueError("multi_head_attention: need at least one head")
    traces = tuple(self_attention(x, h.w_q, h.w_k, h.w_v, causal=causal) for h in heads)
    concat = concat_heads([t.output for t in traces])
    if w_o is None:
        w_o = np.eye(concat.shape[1])
    return MultiHeadTrace(
        heads=traces,
        concat=_frozen(concat),
        w_o=_frozen(w_o),
        output=_frozen(project(concat, w_o)),
    )
