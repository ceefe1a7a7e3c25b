"""The numbers of the vector picture: which plane is drawn, where every arrow ends, how long a
projection is, where each weighted value arrow starts and ends, how thick a line of attention is
and how large a weight's disc. Pure numpy; the scenes only draw what this returns (and the tests
read the drawing back and compare it with these values).

Shapes: n words, d components per vector (d, or d_k for queries and keys); "plane coordinates"
are the two components the plane shows, shape (2,) for one vector and (n, 2) for n.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np

from .breakdown import weighted_sum
from .story import strongest_neighbour

# The plane drawn by default: these two dims, when the example has both.
NAMED_PLANE = ("animal", "tech")
# A word whose plane vector is shorter than this share of the longest one is drawn as a dot with a
# label: an arrow that short would be all tip.
NEAR_ZERO_SHARE = 0.15
# Axis steps are 1, 2, 2.5 or 5 times a power of ten, with at most this many steps along the
# longer axis; each axis reaches PAD_SHARE of the longer span past the furthest value (room for tips).
NICE_STEPS = (1.0, 2.0, 2.5, 5.0)
MAX_STEPS = 5
PAD_SHARE = 0.08
# A word "points along" an axis when its angle to it is at most this, and it is at least
# ALONG_LENGTH_SHARE as long as the longest vector (a short word points nowhere in particular).
ALONG_DEGREES = 20.0
ALONG_LENGTH_SHARE = 0.5
# Lines of attention (BertViz's head view): stroke width proportional to the weight, a weight of 1
# drawing FULL_LINE_WIDTH (manim stroke units: 32 is about 19 px at 480p, so mouse's 0.43 draws
# about 8 px and reads as the heaviest line from across a room; at 20 it was 5 px); opacity rises
# from MIN_LINE_OPACITY (a weight near 0) to 1.
FULL_LINE_WIDTH = 32.0
MIN_LINE_OPACITY = 0.4


@dataclass(frozen=True)
class Plane:
    """Two components of a vector space, drawn as the x and y axes.

    axes: (i, j), the component indices (i < j unless the file named them in another order);
    names: their names; width: how many components the vectors have; reason: why these two
    ("file": the example's `plane:` key, "named": the dims animal and tech, "spread": the two that
    vary most over the sentences, "exact": the vectors have only these two).
    """

    axes: tuple
    names: tuple
    width: int
    reason: str

    @property
    def exact(self) -> bool:
        """True when nothing is left out: the vectors have exactly two components."""
        return self.width == 2

    def coordinates(self, vectors: np.ndarray) -> np.ndarray:
        """(..., width) -> (..., 2): the plane's two components of each vector."""
        return np.asarray(vectors, dtype=float)[..., list(self.axes)]


def widest_spread(rows: np.ndarray) -> tuple:
    """(n, d) -> (i, j), i < j: the two columns with the largest standard deviation over the rows
    (ties go to the earlier column)."""
    spread = np.asarray(rows, dtype=float).std(axis=0)
    first, second = sorted(range(len(spread)), key=lambda c: (-spread[c], c))[:2]
    return tuple(sorted((first, second)))


def sentence_words(example) -> tuple:
    """Every distinct word of the example's sentences, in order of first appearance."""
    return tuple(dict.fromkeys(t for s in example.sentences for t in s))


def embedding_plane(example) -> Optional[Plane]:
    """The plane the embeddings are drawn in: the example's `plane:` dims, else animal and tech when
    both exist, else the two dims that vary most over the sentences' rows. None when d < 2."""
    dims = list(example.dims)
    if len(dims) < 2:
        return None
    chosen = getattr(example, "plane", None)
    if chosen:
        axes, reason = tuple(dims.index(name) for name in chosen), "file"
    elif all(name in dims for name in NAMED_PLANE):
        axes, reason = tuple(dims.index(name) for name in NAMED_PLANE), "named"
    else:
        rows = np.vstack([example.input_matrix(s) for s in example.sentences])
        axes, reason = widest_spread(rows), "spread"
    return Plane(axes, tuple(dims[a] for a in axes), len(dims), "exact" if len(dims) == 2 else reason)


def query_key_plane(q: np.ndarray, k: np.ndarray) -> Optional[Plane]:
    """The plane queries (n, d_k) and keys (n, d_k) are drawn in together (their dot products are
    the scores): both components when d_k = 2, else the two that vary most over all their rows.
    Component c is named "q{c+1}/k{c+1}". None when d_k < 2."""
    width = q.shape[1]
    if width < 2:
        return None
    axes = (0, 1) if width == 2 else widest_spread(np.vstack([q, k]))
    return Plane(axes, tuple(f"q{a + 1}/k{a + 1}" for a in axes), width, "exact" if width == 2 else "spread")


@dataclass(frozen=True)
class AxisRange:
    """One axis of a plane: from low to high (low <= 0 <= high), ticks every `step` from 0."""

    low: float
    high: float
    step: float

    @property
    def span(self) -> float:
        return self.high - self.low

    @property
    def ticks(self) -> tuple:
        """The tick values other than 0, lowest first."""
        first, last = math.ceil(self.low / self.step - 1e-9), math.floor(self.high / self.step + 1e-9)
        return tuple(round(k * self.step, 10) for k in range(first, last + 1) if k != 0)


def nice_step(span: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k that divides `span` into at most MAX_STEPS steps."""
    span = span if span > 0 else 1.0
    power = 10.0 ** math.floor(math.log10(span / MAX_STEPS))
    for scale in (*NICE_STEPS, 10.0):
        if span / (scale * power) <= MAX_STEPS + 1e-9:
            return scale * power
    return 10.0 * power


def view_ranges(points: np.ndarray) -> tuple:
    """(m, 2) plane coordinates of everything a figure will draw -> (x AxisRange, y AxisRange).
    Both axes contain the origin and every point, and share one step, so one unit is one length
    on screen in both directions (angles and projections look true)."""
    points = np.atleast_2d(np.asarray(points, dtype=float))
    lows = np.minimum(points.min(axis=0), 0.0)
    highs = np.maximum(points.max(axis=0), 0.0)
    longest = float((highs - lows).max()) or 1.0
    pad = PAD_SHARE * longest
    step = nice_step(longest + 2 * pad)
    return tuple(AxisRange(float(lo - pad), float(hi + pad), step) for lo, hi in zip(lows, highs))


def near_zero(coords: np.ndarray) -> np.ndarray:
    """(n, 2) -> (n,) bool: vectors shorter than NEAR_ZERO_SHARE of the longest (drawn as dots)."""
    lengths = np.linalg.norm(np.atleast_2d(coords), axis=1)
    longest = float(lengths.max()) if lengths.size else 0.0
    return lengths < NEAR_ZERO_SHARE * longest if longest > 0 else np.ones(len(lengths), dtype=bool)


def points_along(coords: np.ndarray, axis: int, exclude: Sequence[int] = ()) -> Optional[int]:
    """Index of the vector that points along plane axis `axis` (0 = x, 1 = y, positive direction):
    the smallest angle to it, at most ALONG_DEGREES, among vectors at least ALONG_LENGTH_SHARE as
    long as the longest; None when no vector does."""
    coords = np.atleast_2d(np.asarray(coords, dtype=float))
    lengths = np.linalg.norm(coords, axis=1)
    longest = float(lengths.max()) if lengths.size else 0.0
    best, best_angle = None, ALONG_DEGREES
    for n, (vector, length) in enumerate(zip(coords, lengths)):
        if n in exclude or length <= 0 or length < ALONG_LENGTH_SHARE * longest:
            continue
        angle = math.degrees(math.acos(max(-1.0, min(1.0, vector[axis] / length))))
        if angle <= best_angle:
            best, best_angle = n, angle
    return best


@dataclass(frozen=True)
class Projection:
    """a projected onto b, in the plane: the dot product as alignment.

    a, b (2,): the plane coordinates; length_a, length_b: |a|, |b|; cos: cos θ between them (None
    when either is the zero vector); shadow: |a| cos θ, the signed length of a's projection along
    b; foot (2,): the projection's end, shadow × b / |b|; plane_dot = |a| |b| cos θ = a·b over the
    plane's two components; full_dot: the dot product over all components (what the score counts).
    """

    a: np.ndarray
    b: np.ndarray
    length_a: float
    length_b: float
    cos: Optional[float]
    shadow: float
    foot: np.ndarray
    plane_dot: float
    full_dot: float

    @property
    def shadow_on_b(self) -> float:
        """The shadow, or NaN where there is none to speak of: along a zero vector b there is no
        direction to cast it on (a table writes "—", not a length of 0)."""
        return self.shadow if self.length_b > 0 else float("nan")

    @property
    def rest(self) -> float:
        """What the components outside the plane add to the dot product."""
        return self.full_dot - self.plane_dot


def projection(a: np.ndarray, b: np.ndarray, plane: Plane) -> Projection:
    """Full vectors a, b (width,) -> a's projection onto b in `plane`."""
    a_full, b_full = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    a2, b2 = plane.coordinates(a_full), plane.coordinates(b_full)
    length_a, length_b = float(np.linalg.norm(a2)), float(np.linalg.norm(b2))
    plane_dot = float(a2 @ b2)
    if length_a == 0 or length_b == 0:
        cos, shadow, foot = None, 0.0, np.zeros(2)
    else:
        cos = plane_dot / (length_a * length_b)
        shadow = length_a * cos
        foot = b2 * (shadow / length_b)
    return Projection(a2, b2, length_a, length_b, cos, shadow, foot, plane_dot, float(a_full @ b_full))


def alignment_partners(example, traces) -> tuple:
    """The words the focus word's alignment is shown with, in the first sentence with the focus
    word: its strongest neighbour there (mouse·cat), the strongest neighbour in the second such
    sentence when the first lacks it (mouse·keyboard), and the word it scores lowest with
    (mouse·and). Distinct words, in that order."""
    sentences = [traces[k] for k in example.focus_sentences()[:2]]
    first = sentences[0]
    i = first.tokens.index(example.focus)
    row = first.simple.scores[i]
    words = [first.tokens[strongest_neighbour(first.tokens, row, example.focus)]]
    if len(sentences) > 1:
        other = sentences[1]
        j = other.tokens.index(example.focus)
        words.append(other.tokens[strongest_neighbour(other.tokens, other.simple.scores[j], example.focus)])
    others = [j for j, t in enumerate(first.tokens) if t != example.focus]
    if others:
        words.append(first.tokens[min(others, key=lambda j: float(row[j]))])
    return tuple(dict.fromkeys(w for w in words if w != example.focus))


@dataclass(frozen=True)
class ArrowChain:
    """A weighted sum of vectors as arrows laid tip to tail, in the plane.

    weights (n,); vectors (n, 2): the plane coordinates of the vectors summed; scaled (n, 2):
    weights[j] × vectors[j], the arrows drawn; starts (n, 2) and ends (n, 2): where arrow j starts
    (the tip of arrow j − 1, the origin for j = 0) and ends (the partial sum up to j); total (2,):
    the last end, which is the plane coordinates of the weighted sum itself (projection is linear).
    """

    weights: np.ndarray
    vectors: np.ndarray
    scaled: np.ndarray
    starts: np.ndarray
    ends: np.ndarray

    @property
    def total(self) -> np.ndarray:
        return self.ends[-1]


def arrow_chain(weights: np.ndarray, values: np.ndarray, plane: Plane) -> ArrowChain:
    """weights (n,) and full value rows (n, width) -> the chain of weighted value arrows."""
    chain = weighted_sum(weights, plane.coordinates(values))  # the same sum, in plane coordinates
    starts = np.vstack([np.zeros((1, 2)), chain.running[:-1]])
    return ArrowChain(chain.weights, chain.values, chain.terms, starts, chain.running)


@dataclass(frozen=True)
class Residual:
    """The residual connection in the plane: the output arrow laid onto the embedding's tip.
    embedding, output, total (2,): total = embedding + output, where the word ends up."""

    embedding: np.ndarray
    output: np.ndarray

    @property
    def total(self) -> np.ndarray:
        return self.embedding + self.output


def residual(embedding: np.ndarray, output: np.ndarray, plane: Plane) -> Residual:
    return Residual(plane.coordinates(embedding), plane.coordinates(output))


def line_width(weight: float) -> float:
    """Stroke width of a line of attention: proportional to the weight (FULL_LINE_WIDTH at 1)."""
    return FULL_LINE_WIDTH * max(float(weight), 0.0)


def line_opacity(weight: float) -> float:
    """Opacity of a line of attention: 0 for a weight of 0 (no line), else rising linearly from
    MIN_LINE_OPACITY to 1, so a small weight is still seen as small rather than not at all."""
    weight = min(max(float(weight), 0.0), 1.0)
    return 0.0 if weight == 0 else MIN_LINE_OPACITY + (1 - MIN_LINE_OPACITY) * weight


def disc_radius(weight: float, full_radius: float) -> float:
    """Radius of a weight's disc: its AREA is proportional to the weight (π·full_radius² at 1),
    so the radius goes with √weight."""
    return full_radius * math.sqrt(max(float(weight), 0.0))
