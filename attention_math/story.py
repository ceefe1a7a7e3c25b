"""What the narration may claim about an example's numbers, with one set of thresholds.

Scenes say "mouse listens most to cat", "mouse is ambiguous", "balanced" or "leans towards tech"
only when the predicate here holds for the example being rendered; the tests check the built-in
example's story with the same functions, so narration and tests cannot disagree.
"""

from __future__ import annotations

import math
from typing import Optional, Sequence

import numpy as np

from attention_math.formatting import format_number, listed, parse_number, shortest, written

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
# A weight "changes" when it moves by at least this much: the change shows at two decimals.
CHANGE_MARGIN = 0.01
# A vector "turns towards" an axis when its angle to that axis shrinks by at least this many
# degrees (a smaller turn is not seen in the picture), and is "shorter" when it has lost at least
# SHORTER_SHARE of its length.
TURN_DEGREES = 5.0
SHORTER_SHARE = 0.1
# A matrix "draws mostly on" the input dims whose row holds an entry at least this share of the
# matrix's largest (absolute) entry.
STRONG_ROW_SHARE = 0.5
# An output column of W_O "draws on" a head when one of that head's rows holds an entry at least
# this share of the column's largest.
MIX_SHARE = 0.1
# A measured spread is "about" its expected value within this relative tolerance.
ABOUT_TOLERANCE = 0.1


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


def shows_negative(values, decimals: int = 2) -> bool:
    """Some value is drawn as a negative number at `decimals` places (−0.004 is drawn 0.00): only
    then may the narration speak of negative (red) cells."""
    return any(format_number(float(v), decimals).startswith("−") for v in np.ravel(values))


def leans_towards(first: float, second: float) -> int | None:
    """0 when `first` exceeds `second` by LEAN_MARGIN, 1 for the reverse, None when neither."""
    if first - second >= LEAN_MARGIN:
        return 0
    if second - first >= LEAN_MARGIN:
        return 1
    return None


def is_about(value: float, expected: float) -> bool:
    """Within ABOUT_TOLERANCE of `expected` (relative): a sample's spread against √d."""
    return abs(value - expected) <= ABOUT_TOLERANCE * abs(expected)


# -- two contexts: what the weighted average does to the focus word's arrow --------------------------

def angle_to_axis(xy: Sequence[float], axis: int) -> float:
    """Degrees between a plane vector (2,) and the positive direction of plane axis `axis`
    (0 = x, 1 = y); 90 for the zero vector."""
    x, y = float(xy[0]), float(xy[1])
    length = math.hypot(x, y)
    if length == 0:
        return 90.0
    return math.degrees(math.acos(max(-1.0, min(1.0, (x, y)[axis] / length))))


def turns_towards(before: Sequence[float], after: Sequence[float]) -> Optional[int]:
    """The plane axis (0 or 1) that `after` points closer to than `before` does, by at least
    TURN_DEGREES (the larger gain when both do); None when the direction hardly changes."""
    gains = [angle_to_axis(before, a) - angle_to_axis(after, a) for a in (0, 1)]
    axis = 0 if gains[0] >= gains[1] else 1
    return axis if gains[axis] >= TURN_DEGREES else None


def is_shorter(before: Sequence[float], after: Sequence[float]) -> bool:
    """`after` has lost at least SHORTER_SHARE of `before`'s length (a weighted average of value
    vectors is usually shorter than the word's own vector)."""
    return float(np.linalg.norm(after)) <= (1 - SHORTER_SHARE) * float(np.linalg.norm(before))


# -- learned projections: which change is due to what ------------------------------------------------

def largest_changes(before: np.ndarray, after: np.ndarray) -> tuple:
    """(index of the largest gain, index of the largest loss) from `before` to `after` (two rows of
    weights); either is None when no entry moves that way by CHANGE_MARGIN."""
    delta = np.asarray(after, dtype=float) - np.asarray(before, dtype=float)
    gain, loss = int(np.argmax(delta)), int(np.argmin(delta))
    return (gain if delta[gain] >= CHANGE_MARGIN else None, loss if -delta[loss] >= CHANGE_MARGIN else None)


def divisor_effect(d: int, d_k: int) -> Optional[str]:
    """What dividing by √d_k instead of √d does to softmax: "sharper" when d_k < d (a smaller
    divisor spreads the scores apart, so the largest weight can only grow), "softer" when d_k > d,
    None when they are equal."""
    if d_k < d:
        return "sharper"
    if d_k > d:
        return "softer"
    return None


def peak_moves(before: np.ndarray, after: np.ndarray) -> bool:
    """The largest weight of a row changes visibly (by CHANGE_MARGIN)."""
    return abs(float(np.max(after)) - float(np.max(before))) >= CHANGE_MARGIN


# -- multi-head: what each head reads, and whether W_O mixes them -------------------------------------

def strongest_rows(matrix: np.ndarray) -> list:
    """Rows (input dims) holding an entry at least STRONG_ROW_SHARE of the matrix's largest absolute
    entry, in order: the dims a projection draws mostly on. Empty for a zero matrix."""
    m = np.abs(np.asarray(matrix, dtype=float))
    top = float(m.max()) if m.size else 0.0
    return [] if top == 0 else [r for r in range(m.shape[0]) if m[r].max() >= STRONG_ROW_SHARE * top]


def heads_feeding(w_o: np.ndarray, head_widths: Sequence[int], column: int) -> list:
    """The heads (indices) whose rows of W_O feed output column `column`: one of the head's rows
    holds an entry at least MIX_SHARE of the column's largest absolute entry."""
    col = np.abs(np.asarray(w_o, dtype=float)[:, column])
    top = float(col.max())
    if top == 0:
        return []
    starts = np.cumsum([0, *head_widths])
    return [h for h in range(len(head_widths)) if col[starts[h]:starts[h + 1]].max() >= MIX_SHARE * top]


def mixes_heads(w_o: np.ndarray, head_widths: Sequence[int]) -> bool:
    """W_O mixes the heads: every output column draws on at least two heads."""
    columns = np.asarray(w_o).shape[1]
    return len(head_widths) > 1 and all(len(heads_feeding(w_o, head_widths, c)) >= 2 for c in range(columns))


def strong_entries(matrix: np.ndarray) -> list:
    """(row, column) of every entry at least STRONG_ROW_SHARE of the matrix's largest absolute
    entry, row by row: the entries that make strongest_rows' rows strong (the ones to point at
    when saying which dims a projection draws on). Empty for a zero matrix."""
    m = np.abs(np.asarray(matrix, dtype=float))
    top = float(m.max()) if m.size else 0.0
    return [] if top == 0 else [(int(r), int(c)) for r, c in zip(*np.nonzero(m >= STRONG_ROW_SHARE * top))]


def draws_only_on(matrix: np.ndarray, decimals: int = 2) -> bool:
    """Every row outside strongest_rows(matrix) is drawn as zeros at `decimals` places: the matrix
    passes on ONLY those dims (not "mostly"). False for a zero matrix (it passes on nothing)."""
    m = np.abs(np.asarray(matrix, dtype=float))
    strong = strongest_rows(m)
    weak = [r for r in range(m.shape[0]) if r not in strong]
    return bool(strong) and all(float(m[r].max()) < 0.5 * 10.0 ** -decimals for r in weak)


# -- scaling and softmax: differences as written ----------------------------------------------------

def written_difference(larger: float, smaller: float, decimals: int = 2) -> str:
    """larger − smaller of the two numbers as written at `decimals` places (so it checks as
    written: 1.715 − 0.16 = 1.555), itself written as a table writes it (formatting.shortest)."""
    return shortest((written(larger, decimals) - written(smaller, decimals)) / 10 ** decimals, decimals)


def halved_pair(scores: np.ndarray, scaled: np.ndarray, divisor: float, prefer_row: int,
                decimals: int = 2) -> Optional[tuple]:
    """(row, larger, smaller): two entries of one row whose difference of scores as written,
    divided by the divisor as written, is exactly the difference of their scaled values as
    written (2.42 − 0.32 = 2.10, 1.21 − 0.16 = 1.05, and 2.10 ÷ 2.00 = 1.05): the pair to point at
    when saying every difference is divided too. The widest such difference, in `prefer_row` if
    it holds one, else in the first row that does; None when no pair does."""
    scores, scaled = np.asarray(scores, dtype=float), np.asarray(scaled, dtype=float)
    unit = 10 ** decimals
    div = written(divisor, decimals)
    rows = [prefer_row, *(r for r in range(scores.shape[0]) if r != prefer_row)]
    for r in rows:
        found = []
        for a in range(scores.shape[1]):
            for b in range(scores.shape[1]):
                gap = written(scores[r, a], decimals) - written(scores[r, b], decimals)
                scaled_gap = written(scaled[r, a], decimals) - written(scaled[r, b], decimals)
                if gap > 0 and div > 0 and gap * unit == scaled_gap * div:
                    found.append((gap, a, b))
        if found:
            _, a, b = max(found, key=lambda f: (f[0], -f[1], -f[2]))
            return r, a, b
    return None


def gap_widens(row: np.ndarray, exps: np.ndarray, larger: int, smaller: int, decimals: int) -> bool:
    """The gap between two entries of a row, as written, is wider after eˣ than before (true
    whenever the smaller entry is at least 0: eˣ grows faster than x there; not for two negative
    ones): only then may the narration say the larger scores grow faster."""
    before = written(row[larger], decimals) - written(row[smaller], decimals)
    after = written(exps[larger], decimals) - written(exps[smaller], decimals)
    return after > before > 0


# -- scores: what a row adds up to, and the terms of a dot product ---------------------------------

def row_total(row: np.ndarray) -> float:
    """What a row of scores adds up to: weights would add up to 1, similarities need not."""
    return float(np.sum(np.asarray(row, dtype=float)))


def adds_up_to_one(row: np.ndarray, decimals: int = 2) -> bool:
    """The row's total, written at `decimals`, reads 1: only otherwise may the narration show it
    as "not 1" (not yet weights)."""
    return format_number(row_total(row), decimals) == format_number(1.0, decimals)


def weakest_term(products: np.ndarray) -> Optional[int]:
    """The term of a dot product nearest 0 (the first of equals), where the two vectors agree
    least: shown beside the largest term (DotProduct.largest_term, the first largest). None when
    that is the largest term itself (no contrast to show)."""
    p = np.asarray(products, dtype=float)
    k = int(np.argmin(np.abs(p)))
    return None if k == int(np.argmax(p)) else k


# -- embeddings: the arrows of the plane not named along an axis -----------------------------------

def all_shorter(coords: np.ndarray, shorter: Sequence[int], longer: Sequence[int]) -> bool:
    """Every vector `shorter` (indices into the (n, 2) plane coordinates) is strictly shorter than
    every vector `longer`: only then may the narration call the first ones "shorter arrows".
    False when either is empty (nothing to compare)."""
    lengths = np.linalg.norm(np.atleast_2d(np.asarray(coords, dtype=float)), axis=1)
    if not len(shorter) or not len(longer):
        return False
    return float(max(lengths[k] for k in shorter)) < float(min(lengths[k] for k in longer))


# -- softmax, looking back at scaling: how sharp the weights would be without ÷ √d -------------------

# "Nearly all the weight goes to one word": the row's largest weight is at least this.
NEARLY_ALL = 0.9
# Widths whose dot products spread further than a small example's (the scaling scene draws both):
# a common head width, and the original Transformer's d.
WIDER_WIDTHS = (64, 512)


def undivided_weights(scaled_row: np.ndarray, d: int) -> list:
    """What softmax makes of one row of scaled scores x (scores ÷ √d) with larger differences:
    (factor on the scores, width, weights) for the weights as computed (scores ÷ √d: factor
    1/√d), the scores not divided (factor 1), when d > 1, and, when d is below one of
    WIDER_WIDTHS, the scores not divided with the differences a dot product of the first such
    width has (its spread √wider is √(wider/d) times ours: that factor on the scores). Width is
    None but for that last row."""
    from attention_math.core import softmax

    x = np.asarray(scaled_row, dtype=float)
    root = math.sqrt(d)
    rows = [(1 / root, None, softmax(x))]
    if d > 1:
        rows.append((1.0, None, softmax(x * root)))
    wider = next((w for w in WIDER_WIDTHS if w > d), None)
    if wider is not None:
        rows.append((math.sqrt(wider / d), wider, softmax(x * math.sqrt(wider))))
    return rows


def nearly_all_to_one(weights: np.ndarray) -> bool:
    """One word takes nearly all of a row's weight (NEARLY_ALL or more)."""
    return float(np.max(weights)) >= NEARLY_ALL


# -- dimensions: a division and a row of weights that check as written -------------------------------

def division_decimals(values: np.ndarray, divided: np.ndarray, divisor: float, decimals: int = 2) -> tuple:
    """(value decimals, divisor decimals): the fewest (values first, so tables keep 2 where they
    can) at which every value as written ÷ the divisor as written, rounded to `decimals`, is its
    divided value as written (3.82 ÷ 1.41 = 2.71 but 3.82 ÷ √2 = 2.70: 3.82 ÷ 1.414 = 2.70).
    The most of WORKED_DECIMALS for both when none does."""
    from attention_math.formatting import WORKED_DECIMALS, fewest_decimals

    values, divided = np.ravel(np.asarray(values, dtype=float)), np.ravel(np.asarray(divided, dtype=float))

    def checks(value_places: int, divisor_places: int) -> bool:
        den = written(divisor, divisor_places) * 10 ** value_places  # the quotient is num / den, exactly
        if den <= 0:
            return False
        for v, q in zip(values, divided):
            num = written(v, value_places) * 10 ** divisor_places * 10 ** decimals
            if abs(2 * (num - written(q, decimals) * den)) > den:  # more than half a unit off
                return False
        return True

    for value_places in WORKED_DECIMALS:
        places = fewest_decimals(lambda d: checks(value_places, d))
        if checks(value_places, places):
            return value_places, places
    return WORKED_DECIMALS[-1], WORKED_DECIMALS[-1]


def written_rows_read_one(weights: np.ndarray, decimals: int = 2) -> bool:
    """Every row of weights, as written at `decimals`, adds up to 1 as written (0.62 + 0.01 + 0.20
    + 0.02 + 0.14 = 0.99 does not, though the weights add up to 1 before rounding): only then may
    the narration say "add up to 1" of the table as shown without "before rounding"."""
    rows = np.atleast_2d(np.asarray(weights, dtype=float))
    return all(sum(written(w, decimals) for w in row) == 10 ** decimals for row in rows)


def undivided_inputs(scaled_row: np.ndarray, d: int) -> list:
    """What softmax is given in each row of undivided_weights(scaled_row, d): the scores (the scaled
    row x times √d) times that row's factor, i.e. x, x·√d and x·√wider."""
    root = math.sqrt(d)
    x = np.asarray(scaled_row, dtype=float)
    return [x * root * factor for factor, _, _ in undivided_weights(x, d)]


def zero_in_plane(xy: Sequence[float], decimals: int = 2) -> bool:
    """A word's vector has both plane coordinates 0 as written at `decimals` (and: 0.00, 0.00 in
    the animal-tech plane): only then may the narration say "and = (0, 0) here: it adds nothing
    to the sum in this plane"."""
    return all(written(float(v), decimals) == 0 for v in xy)


from typing import NamedTuple  # noqa: E402  (this module is appended to only: its later helpers' imports)


class Swept(NamedTuple):
    """The focus word's plane vector turned and stretched, against a partner b (see swept)."""

    a: np.ndarray              # (2,) the turned, stretched vector
    length: float              # |a|
    angle: Optional[float]     # θ between a and b in degrees (None when either is zero)
    shadow: float              # |a| cos θ, signed, along b
    foot: np.ndarray           # (2,) where the shadow ends, on b's line
    plane_dot: float           # a·b = |a| cos θ × |b|

    ANGLE_DECIMALS = 1  # θ as a sweep's readout writes it (whole degrees would not check: 72° for 71.7°)

    def in_plane_as_written(self, length_b: float) -> float:
        """|a| cos θ × |b| from the numbers a readout writes (θ to ANGLE_DECIMALS, the lengths to
        two decimals), so that the line checks as written mid-sweep; the drawing is exact."""
        if self.angle is None:
            return 0.0
        theta = written(self.angle, self.ANGLE_DECIMALS) / 10 ** self.ANGLE_DECIMALS
        return written(self.length, 2) / 100 * math.cos(math.radians(theta)) * written(length_b, 2) / 100


def swept(a: Sequence[float], b: Sequence[float], degrees: float = 0.0, factor: float = 1.0) -> Swept:
    """Plane vector `a` (2,) turned anticlockwise by `degrees` and stretched by `factor`, against
    `b` (2,): what the scores scene draws while it sweeps the focus word's arrow ("the score grows
    with both: the angle, and how long they are"). At 0 degrees and factor 1 it is `a` itself, so
    the sweep ends exactly on the true vector."""
    turn = math.radians(degrees)
    rotation = np.array([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]])
    moved = factor * (rotation @ np.asarray(a, dtype=float)) if degrees else factor * np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    length, length_b, dot = float(np.linalg.norm(moved)), float(np.linalg.norm(b)), float(moved @ b)
    if length == 0 or length_b == 0:
        return Swept(moved, length, None, 0.0, np.zeros(2), dot)
    cos = max(-1.0, min(1.0, dot / (length * length_b)))
    return Swept(moved, length, math.degrees(math.acos(cos)), length * cos, b * (length * cos / length_b), dot)


def sweep_turns(a: Sequence[float], b: Sequence[float], most: float = 30.0) -> Optional[tuple]:
    """(towards, away): the signed turns in degrees (anticlockwise positive) that bring `a` closer
    to `b`'s direction and further from it, each at most `most` and at most 0.6 of the way (never
    past b, never past pointing opposite it), so that the dot product a·b grows on the first and
    shrinks on the second. None when either vector is zero (no angle to turn)."""
    start = swept(a, b)
    if start.angle is None:
        return None
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    towards_b = -1.0 if a[0] * b[1] - a[1] * b[0] < 0 else 1.0  # b anticlockwise of a: turn anticlockwise
    return (towards_b * min(most, 0.6 * start.angle), -towards_b * min(most, 0.6 * (180.0 - start.angle)))


def gap_ratio(row: np.ndarray, exps: np.ndarray, larger: int, smaller: int, decimals: int) -> Optional[float]:
    """The ratio of two eˣ entries as written at `decimals` (5.5567 ÷ 1.1735 = 4.7352), when it is
    e to the gap of their x as written (1.7150 − 0.1600 = 1.555, e^1.555 = 4.7352) to 2 decimals as
    written: only then may the screen write "5.5567 ÷ 1.1735 = 4.74 = exp(1.555)" (what softmax keeps
    of two scores is this ratio, and it depends only on their difference). None when the smaller
    eˣ is written 0, or the two disagree at 2 decimals."""
    e_larger, e_smaller = written(exps[larger], decimals), written(exps[smaller], decimals)
    if e_smaller <= 0:
        return None
    ratio = e_larger / e_smaller
    gap = (written(row[larger], decimals) - written(row[smaller], decimals)) / 10 ** decimals
    return ratio if format_number(ratio, 2) == format_number(math.exp(gap), 2) else None


def written_total(row: np.ndarray, decimals: int = 2) -> float:
    """What a row adds up to as written at `decimals` (0.26 + 0.09 + 0.43 + 0.10 + 0.11 = 0.99,
    though the weights add up to 1 before rounding): what a viewer adding the written row gets."""
    return sum(written(v, decimals) for v in np.ravel(np.asarray(row, dtype=float))) / 10 ** decimals


def written_weight(weight: float, decimals: int = 2) -> str:
    """A softmax weight as the screen writes it at `decimals`, never "0.00" for a weight that is not
    0: softmax weights are all positive (the narration says so), so one that rounds to 0 at
    `decimals` is written "<0.01" (at 2 decimals); a true 0 (a masked score's) stays "0.00"."""
    text = format_number(weight, decimals)
    if weight > 0 and float(text) == 0:
        return "<" + format_number(10.0 ** -decimals, decimals)
    return text


def exp_as_written(x: float, e: float, decimals: int) -> bool:
    """Does e to `x` as written at `decimals` give `e` as written there? Only then may the screen
    work one cell as "e^1.7150 = 5.5567" (e^1.7150 = 5.55668, written 5.5567)."""
    return format_number(math.exp(written(x, decimals) / 10 ** decimals), decimals) == format_number(e, decimals)


def quotient_as_written(a: float, total: float, quotient: float, decimals: int, quotient_decimals: int) -> bool:
    """Does `a` ÷ `total`, both as written at `decimals`, give `quotient` as written at
    `quotient_decimals`? Only then may the screen work one weight as "5.5567 ÷ 12.8259 = 0.433"."""
    shown_total = written(total, decimals)
    if shown_total == 0:
        return False
    return format_number(written(a, decimals) / shown_total, quotient_decimals) == format_number(quotient, quotient_decimals)


def query_seeks_key(w_q: np.ndarray, w_k: np.ndarray, column: int = 0) -> Optional[tuple]:
    """(query dims, key dims): the input dims feeding column `column` of W_Q and of W_K (strongest_rows
    of each column alone), when both columns hold no negative entry: then that score term is large
    exactly when the query word is strong in the query dims and the key word in the key dims ("words
    with animal or tech look for words with grammar"). None for a zero column or a negative entry
    (a word strong there would be pushed away, not drawn)."""
    q = np.asarray(w_q, dtype=float)[:, [column]]
    k = np.asarray(w_k, dtype=float)[:, [column]]
    if (q < 0).any() or (k < 0).any():
        return None
    query, key = strongest_rows(q), strongest_rows(k)
    return (query, key) if query and key else None


def reads_all_positive(weights: np.ndarray, decimals: int = 2) -> bool:
    """Does every weight, as written at `decimals`, read above 0? Only then may a worked row of
    weights be labelled "all > 0" beside it (softmax's weights are all positive, but a tiny one
    written 0.000 would not show it)."""
    return bool(np.all(np.round(np.asarray(weights, dtype=float), decimals) > 0))


def written_row_totals(weights: np.ndarray, decimals: int = 2) -> list:
    """Each row of weights as written at `decimals`, added up as written, written ("0.99" for
    0.62 + 0.01 + 0.20 + 0.02 + 0.14): what a reader adding the numbers on screen gets, shown beside
    the rows where the narration says they "add up to 1 before rounding"."""
    rows = np.atleast_2d(np.asarray(weights, dtype=float))
    return [format_number(sum(written(w, decimals) for w in row) / 10 ** decimals, decimals) for row in rows]


def softmax_of_written(row: np.ndarray, decimals: int = 2, places: int = 3,
                       weight_decimals: int = 3) -> Optional[tuple]:
    """(exps, total, weights): a row's softmax worked from its scores as the table writes them at
    `decimals` (1.72, not the 1.715 behind it): each eˣ is e to the written score, written at
    `places` (e^1.72 = 5.585, where e^1.715 would be 5.557); Σ their sum as written; each weight
    eˣ ÷ Σ at `weight_decimals`. Every line then checks as written against the table. A masked
    (−∞) score's eˣ is 0. None when a weight so worked, rounded to `decimals`, is not the row's
    softmax as the table writes it (the working would disagree with the table), or when no score
    is finite."""
    x = np.asarray(row, dtype=float)
    finite = np.isfinite(x)
    if not finite.any():
        return None
    exps = [written(math.exp(written(v, decimals) / 10 ** decimals), places) if np.isfinite(v) else 0 for v in x]
    units = sum(exps)
    if units == 0:
        return None
    weights = [written(e / units, weight_decimals) / 10 ** weight_decimals for e in exps]
    true = np.where(finite, np.exp(np.where(finite, x, 0.0) - x[finite].max()), 0.0)
    true = true / true.sum()
    if any(format_number(w, decimals) != format_number(t, decimals) for w, t in zip(weights, true)):
        return None
    return np.array(exps) / 10 ** places, units / 10 ** places, np.array(weights)


def product_of_written_differs(weights: np.ndarray, values: np.ndarray, decimals: int = 2) -> bool:
    """Whether weights @ values worked from the numbers as written at `decimals` (the weights'
    table and the values' table on screen) writes any entry otherwise than the product itself
    does: the product's table is then "computed before rounding" (the and row of the built-in
    example: 0.42 from the written 0.11 0.35 0.11 0.30 0.12, where the table writes 0.43)."""
    w, v = np.atleast_2d(np.asarray(weights, dtype=float)), np.atleast_2d(np.asarray(values, dtype=float))
    exact = w @ v
    as_written = np.round(w, decimals) @ np.round(v, decimals)
    return any(format_number(a, decimals) != format_number(b, decimals)
               for a, b in zip(exact.ravel(), as_written.ravel()))


class WorkedDotProduct(NamedTuple):
    """One sampled pair of core.dot_product_spread, written out: its entries a, b and products a·b
    (each at `decimals`, each product the written a × written b, rounded) and their total, the
    sample as written."""
    index: int
    a: tuple
    b: tuple
    products: tuple
    total: float


def worked_dot_sample(d: int, count: int = 400, seed: int = 0, decimals: int = 2,
                      least: float = 1.0) -> Optional[WorkedDotProduct]:
    """The first of dot_product_spread(d, count, seed)'s pairs whose working checks as written:
    each product the written entries' product, rounded; the products, as written, add up to the
    sample as written; the sample at least `least` from 0 (its tick stands off the middle). The
    pair the scaling scene works before the others rain in. None when no pair does."""
    from attention_math.core import dot_product_spread

    spread = dot_product_spread(d, count, seed)
    a, b = spread.a, spread.b
    unit = 10 ** decimals
    for k in range(count):
        wa = [written(v, decimals) for v in a[k]]
        wb = [written(v, decimals) for v in b[k]]
        products = [written(x * y / unit ** 2, decimals) for x, y in zip(wa, wb)]
        total = float(spread.samples[k])
        if abs(total) >= least and sum(products) == written(total, decimals):
            return WorkedDotProduct(k, tuple(x / unit for x in wa), tuple(y / unit for y in wb),
                                    tuple(p / unit for p in products), written(total, decimals) / unit)
    return None


class SpreadHistogram(NamedTuple):
    """How many of a width's sampled dot products fall in each bin (counts, len(edges) − 1 of
    them), the bins `step` units of √d wide from −reach·√d to +reach·√d (edges, in the samples'
    own units). Bins in units of √d: divided by √d, every width's bins are the same ones."""
    counts: np.ndarray
    edges: np.ndarray


def spread_histogram(spread, reach: int, step: float = 0.25) -> SpreadHistogram:
    """The histogram of core.dot_product_spread's samples (`spread`) the scaling scene draws, each
    bin `step`·√d wide out to ±reach·√d. Every sample falls in a bin (ValueError otherwise: a bar
    left out would misstate the spread)."""
    from attention_math.core import scale_factor

    units = np.arange(-reach, reach + step / 2, step)
    edges = units * scale_factor(spread.d)
    samples = np.asarray(spread.samples, dtype=float)
    if samples.min() < edges[0] or samples.max() > edges[-1]:
        raise ValueError(f"samples reach {np.abs(samples).max():.3g}, beyond ±{reach}·√{spread.d}")
    counts, _ = np.histogram(samples, bins=edges)
    return SpreadHistogram(counts, edges)


def twin_reads_the_same(scores, i: int, j: int, decimals: int = 2) -> bool:
    """Whether cell (j, i), the twin of cell (i, j) across the diagonal, holds the same score as
    written (to `decimals`), so that dividing one and not the other would show two equal scores
    disagree (a word's vectors compared with themselves, X·Xᵀ, give a symmetric matrix)."""
    m = np.asarray(scores, dtype=float)
    return i != j and round(float(m[i, j]), decimals) == round(float(m[j, i]), decimals)


def worked_output_column(row: Sequence[float], w_o: np.ndarray, head_widths: Sequence[int], decimals: int = 3) -> int:
    """The output column to work term by term for the concatenated row `row` × W_O, chosen so the
    mixing of the heads is seen: the column whose products row[k]·W_O[k, c] that are not zero as
    written (at `decimals`) come from the most heads, then the one with the most such products,
    then the first. (A column with zeros for most of its products is a weak example of mixing.)"""
    r, w = np.asarray(row, dtype=float), np.asarray(w_o, dtype=float)
    starts = np.cumsum([0, *head_widths])

    def key(c: int) -> tuple:
        live = np.round(r * w[:, c], decimals) != 0
        heads = sum(bool(live[starts[h]:starts[h + 1]].any()) for h in range(len(head_widths)))
        return heads, int(live.sum()), -c

    return max(range(w.shape[1]), key=key)


class DivisorSplit(NamedTuple):
    word: int        # the learned row's largest weight's index
    simple: float    # its weight in the simplified row (Q = K = X, ÷ √d)
    same: float      # with W_Q and W_K at the same divisor √d
    learned: float   # with W_Q and W_K at √d_k: the learned row


def divisor_split(simple: np.ndarray, same: np.ndarray, learned: np.ndarray) -> DivisorSplit:
    """The learned row's largest weight as each cause leaves it: the simplified row's value, what
    W_Q and W_K alone make of it (the learned scores at the simplified divisor √d, `same`), and what
    the divisor √d_k then makes of it (`learned`): one word's change split between its two causes."""
    j = int(np.argmax(learned))
    return DivisorSplit(j, float(simple[j]), float(same[j]), float(learned[j]))


def zero_query_rows(queries) -> list:
    """The rows (indices, in order) whose query is all zeros (every entry within 1e-12 of 0): such a
    query scores exactly 0 against every key, so its scores are all equal and softmax gives each key
    the same weight, 1/n. The dimensions scene says so where that word's row of weights is shown."""
    rows = np.asarray(queries, dtype=float)
    return [i for i, row in enumerate(rows) if np.all(np.abs(row) <= 1e-12)]


def recomputing_decimals(weights, values, shown: int = 2, most: int = 4) -> int:
    """The fewest decimals (from `shown` up to `most`) to write `weights` at so that weights @ values,
    worked from the weights as written and the values as written at `shown`, gives every entry as
    the product itself writes it at `shown` (the built-in mouse next to cat: from 0.26 0.09 0.43
    0.10 0.11, animal comes to 1.08 where the output writes 1.09; from 0.261 … it is 1.09)."""
    w, v = np.atleast_2d(np.asarray(weights, dtype=float)), np.atleast_2d(np.asarray(values, dtype=float))
    exact = w @ v
    for decimals in range(shown, most + 1):
        worked = np.round(w, decimals) @ np.round(v, shown)
        if all(format_number(a, shown) == format_number(b, shown) for a, b in zip(exact.ravel(), worked.ravel())):
            return decimals
    return most


def nearly_the_same_weights(first, second, most: float = 0.02) -> bool:
    """Whether two rows of weights (one word's, in two sentences of the same length) differ by at
    most `most` in every place: then what makes the two outputs differ is not the weights but the
    neighbours' values they scale (the built-in mouse: 0.26 0.09 0.43 0.10 0.11 next to cat, 0.26
    0.09 0.44 0.10 0.11 next to keyboard)."""
    a, b = np.asarray(first, dtype=float), np.asarray(second, dtype=float)
    return a.shape == b.shape and bool(np.all(np.abs(a - b) <= most))


class KeyRowDrop(NamedTuple):
    row: int      # the input dim whose row of W_K turns the dropped words' keys away from the query
    words: list   # those words (indices): the largest loss first, then the others in order
    terms: list   # for each of them, that row's term of its learned score (x_j[row] · (W_K[row] · q))


def key_row_behind_drops(query, inputs, w_k, before, after) -> Optional[KeyRowDrop]:
    """Which row of W_K turns the key of the word with the largest loss from `before` to `after`
    (two rows of weights) away from the query. The learned score of word j is q · k_j =
    Σ_r x_j[r] (W_K[r] · q), one term per input dim r. Row r turns word j's key away when the score
    is below zero, the word has some of dim r (x_j[r] > 0), W_K's row r points against the query
    (W_K[r] · q < 0), the other terms together are not below zero (without row r the key would
    not point away), and its term outweighs the sizes of all the others together. None when no
    word loses CHANGE_MARGIN or no row so turns the largest loser's key. `words` adds every other word that loses CHANGE_MARGIN and whose key the same row
    so turns (the built-in mouse: grammar turns the keys of 'are' and 'and' away). It says why
    those scores are below zero, not how much of the loss that explains."""
    q, x, w = (np.asarray(a, dtype=float) for a in (query, inputs, w_k))
    _, loss = largest_changes(before, after)
    if loss is None:
        return None
    delta = np.asarray(after, dtype=float) - np.asarray(before, dtype=float)
    along = w @ q  # (d,) each input dim's row of W_K against the query

    def turned_by(j: int) -> Optional[int]:
        terms = x[j] * along  # (d,) word j's score, one term per input dim
        row = int(np.argmin(terms))
        others = np.delete(terms, row)
        # (and it outweighs the others' sizes together: the key is turned by that row, whatever
        # the signs of the rest; the second example's mouse, whose mixed terms add to ≥ 0 but are
        # larger, is left unexplained)
        turns = (along[row] < 0 < x[j, row] and float(np.sum(terms)) < 0 <= float(np.sum(others))
                 and -float(terms[row]) > float(np.sum(np.abs(others))))
        return row if turns else None

    row = turned_by(loss)
    if row is None:
        return None
    words = [loss] + [j for j in range(len(x)) if j != loss and -delta[j] >= CHANGE_MARGIN and turned_by(j) == row]
    return KeyRowDrop(row, words, [float(x[j, row] * along[row]) for j in words])


def running_totals(values: Sequence[float], decimals: int) -> list:
    """The sums of `values` as written at `decimals` places, added one after another, left to right:
    values[0], values[0] + values[1], …, each exact as a viewer adding the written numbers gets it
    (the softmax scene's Σ counted up as each eˣ is added: the built-in mouse, 3.3535 4.5270 10.0837
    11.4068 12.8259). The last may differ from the unrounded total in its last place."""
    units = np.cumsum([written(float(v), decimals) for v in values]).astype(int)
    return [int(u) / 10 ** decimals for u in units]


def largest_gain_besides(before, after, besides: Sequence[int]) -> Optional[int]:
    """The word with the largest gain from `before` to `after` (two rows of weights) among those
    not in `besides` (words already said); None when none of them gains CHANGE_MARGIN. The
    projections scene says it after the keys turned away (the built-in mouse: cat, 0.26 → 0.32)."""
    delta = np.asarray(after, dtype=float) - np.asarray(before, dtype=float)
    left = [j for j in range(len(delta)) if j not in set(besides)]
    if not left:
        return None
    best = max(left, key=lambda j: float(delta[j]))
    return best if float(delta[best]) >= CHANGE_MARGIN else None


class MirroredScore(NamedTuple):
    cell: tuple    # (i, j): the worked score's cell (row i, column j)
    mirror: tuple  # (j, i): the same two words the other way round
    value: float   # the score both cells hold


def mirrored_score(scores, learned, i: int, j: int, decimals: int = 2) -> Optional[MirroredScore]:
    """The worked score and its mirror, when the narration may say "a row and its column are the
    same vector here, so the table is symmetric; learned projections will break this": Scores =
    Input·Inputᵀ holds every entry at its mirror too (as written at `decimals`, entry for entry),
    i ≠ j (a diagonal cell is its own mirror), and the learned scores `learned` (Q·Kᵀ) at the same
    two cells are written differently (the projections do break it, for the very pair flashed).
    None otherwise. (The built-in mouse·cat: 2.42 at (mouse, cat) and (cat, mouse); learned 2.44
    and 2.26.)"""
    s, q = np.asarray(scores, dtype=float), np.asarray(learned, dtype=float)
    if i == j or s.ndim != 2 or s.shape[0] != s.shape[1] or q.shape != s.shape:
        return None
    n = s.shape[0]
    if any(format_number(s[a, b], decimals) != format_number(s[b, a], decimals) for a in range(n) for b in range(a + 1, n)):
        return None
    if format_number(q[i, j], decimals) == format_number(q[j, i], decimals):
        return None
    return MirroredScore((i, j), (j, i), float(s[i, j]))



def times_as_written(values, factor: float, decimals: int = 2, most: int = 4) -> list:
    """Each of `values` written with the fewest decimals (`decimals` up to `most`) at which it, as
    written, times `factor` gives value × factor as written at `decimals`: the screen may then set
    the products beside them and every one checks ("1.715" beside 3.43 = 1.715 × 2, not "1.72",
    which × 2 is 3.44)."""
    texts = []
    for v in np.asarray(values, dtype=float):
        product = format_number(float(v) * factor, decimals)
        places = next((p for p in range(decimals, most + 1)
                       if format_number(written(float(v), p) / 10 ** p * factor, decimals) == product), most)
        texts.append(format_number(float(v), places))
    return texts


def factor_as_written(values, factor: float, decimals: int = 2, most: int = 3) -> str:
    """`factor` written with the fewest decimals (0 up to `most`) at which every one of `values`, as
    written at `decimals`, times it as written gives value × factor as written at `decimals` (a
    column "scores ×4" beside 3.43 and 13.72; √8 is "×2.828", as 1.44 × 2.83 = 4.08, not 4.07)."""
    values = np.asarray(values, dtype=float)
    for places in range(0, most + 1):
        shown = written(factor, places) / 10 ** places
        if all(format_number(written(float(v), decimals) / 10 ** decimals * shown, decimals)
               == format_number(float(v) * factor, decimals) for v in values):
            return shortest(factor, places, least=0)
    return shortest(factor, most, least=0)


def even_head_split(d: int, head_widths: Sequence[int]) -> Optional[tuple]:
    """(heads, width) when the heads' widths are all the same and add up to d (d = heads × width: the
    dimensions scene's hand-over, "4 = 2 heads × 2"); else None (one head, or unequal widths, or
    widths that do not fill d: nothing of the kind is said)."""
    widths = [int(w) for w in head_widths]
    if len(widths) < 2 or len(set(widths)) != 1 or sum(widths) != int(d):
        return None
    return len(widths), widths[0]


class VarianceParts(NamedTuple):
    """Why a dot product of random d-vectors spreads like √d, measured on the samples drawn:
    `product`, the variance of the single products a_i·b_i (every entry of every pair, pooled over
    the widths given: about 1, entries being independent with variance 1); `sums`, the variance of
    each width's dot products (d products added: about d); `adds_up`, whether every width's is
    about its d (is_about), so that "d of them add: variance ≈ d" may be said."""
    product: float
    sums: tuple
    adds_up: bool


def variance_parts(spreads) -> VarianceParts:
    """The variance of one product a_i·b_i and of each width's sums, for `spreads`
    (core.dot_product_spread's samples)."""
    products = np.concatenate([(np.asarray(sp.a) * np.asarray(sp.b)).ravel() for sp in spreads])
    sums = tuple(float(np.var(sp.samples)) for sp in spreads)
    return VarianceParts(float(np.var(products)), sums, all(is_about(v, sp.d) for v, sp in zip(sums, spreads)))


def arrow_length(xy: Sequence[float], decimals: int = 2) -> str:
    """An arrow's length in the plane (the Euclidean norm of its two coordinates), as written on the
    contexts scene's plot where the output is said to be shorter than the input."""
    return f"{float(np.linalg.norm(np.asarray(xy, dtype=float))):.{decimals}f}"


class KeySwing(NamedTuple):
    word: int          # the word (index) whose key a row of W_K turns (KeyRowDrop.words)
    start: np.ndarray  # (d_k,) its key without that row's part: x_j · W_K less x_j[row] · W_K[row]
    end: np.ndarray    # (d_k,) its key, that row's part added: x_j · W_K
    amount: float      # x_j[row]: how much of that row its key takes


def key_swings(inputs, w_k, drop: KeyRowDrop) -> list:
    """For each word `drop` names (in its order), where its key starts and ends as W_K's row
    `drop.row` is added: from x_j · W_K without that row's part to the key itself (the projections
    scene swings each key between the two). Keys are linear in the rows, so the start is the key
    less x_j[row] · W_K[row]. The built-in mouse: are from (0.2, 0.1) to (−0.5, −0.6) (1.4 of the
    grammar row (−0.5, −0.5)); and from (0, 0) to (−0.8, −0.8) (1.6 of it: all of and's key)."""
    x, w = np.asarray(inputs, dtype=float), np.asarray(w_k, dtype=float)
    swings = []
    for j in drop.words:
        end = x[j] @ w
        swings.append(KeySwing(j, end - x[j, drop.row] * w[drop.row], end, float(x[j, drop.row])))
    return swings


def score_multiplications(n: int, width: int) -> int:
    """How many multiplications an n × n table of scores takes when each score is the dot product
    of two rows `width` numbers long (one product per number): n · n · width. The dimensions scene
    sets the scores step's X·Xᵀ (width d) beside this step's Q·Kᵀ (width d_k): built-in 5 · 5 · 4 =
    100 against 5 · 5 · 2 = 50."""
    return int(n) * int(n) * int(width)


class HeadSplitCost(NamedTuple):
    heads: int         # how many heads d is split into
    width: int         # each head's width (d = heads × width)
    split_total: int   # multiplications for all the heads' n × n scores together
    whole_total: int   # for one head as wide as d: the same, since heads × width = d


def head_split_cost(n: int, d: int, head_widths: Sequence[int]) -> Optional[HeadSplitCost]:
    """What splitting d into equal heads costs in the scores' multiplications, against one head as
    wide as d (None where even_head_split says nothing). The heads' scores together take
    heads · n · n · width = n · n · d: the same as one wide head, so the split is free, not a saving
    (the dimensions scene's hand-over says so). Built-in: 2 heads × 50 = 100 = 5 · 5 · 4."""
    split = even_head_split(d, head_widths)
    if split is None:
        return None
    heads, width = split
    return HeadSplitCost(heads, width, heads * score_multiplications(n, width), score_multiplications(n, d))



def swapped_in_plane(first_tokens, first_xy, second_tokens, second_xy, decimals: int = 2) -> Optional[list]:
    """Whether the second sentence is the first with the plane's two dims swapped, place by place,
    as written at `decimals`: each word's (x, y) in the second is its counterpart's (y, x) in the
    first (the contexts scene then says so, and why the two outputs come out mirrored). The pairs
    of words that differ, (first's word, second's word), in sentence order (a word that is its own
    mirror, x = y, pairs with itself and is left out); None when the sentences differ in length,
    some place is not mirrored, or no pair differs. Built-in: cat (1.80, 0) and keyboard
    (0, 1.80), friends (0.40, 0) and useful (0, 0.40); and, are, mouse their own mirrors:
    [("cat", "keyboard"), ("friends", "useful")]. The second example: None."""
    a, b = np.asarray(first_xy, dtype=float), np.asarray(second_xy, dtype=float)
    if len(first_tokens) != len(second_tokens) or a.shape != b.shape or a.ndim != 2 or a.shape[1] != 2:
        return None
    pairs = []
    for s, t, p, q in zip(first_tokens, second_tokens, a, b):
        if format_number(p[0], decimals) != format_number(q[1], decimals) or \
                format_number(p[1], decimals) != format_number(q[0], decimals):
            return None
        if s != t:
            pairs.append((s, t))
    return pairs or None


def softmax_reads_as_written(row, score_decimals: int, weight_decimals: int = 2) -> bool:
    """Whether the softmax of a row's scores as written at `score_decimals`, written at
    `weight_decimals`, reads as the softmax of the row itself does: "softmax(written scores) =
    (weights)" then checks from the screen. Built-in head 2, mouse's row 0.2489 1.7649 0.2277
    1.5585 0.4158 (weights 0.09 0.40 0.09 0.32 0.10): at 3 decimals yes; at 2 decimals the fourth
    weight reads 0.33 (e^1.56 = 4.7588 of Σ 14.6358), not 0.32. Masked (−∞) scores weigh 0."""
    from attention_math.core import softmax

    x = np.asarray(row, dtype=float)
    finite = np.isfinite(x)
    if not finite.any():
        return False
    as_written = np.where(finite, np.round(np.where(finite, x, 0.0), score_decimals), -np.inf)
    return all(format_number(a, weight_decimals) == format_number(b, weight_decimals)
               for a, b in zip(softmax(as_written), softmax(x)))


class Pull(NamedTuple):
    """The focus word's output against its own input in a plane (see pulled_towards)."""

    word: int        # the most weighted other word, whose arrow the output turned towards
    axis: int        # the plane axis the output turned towards (turns_towards)
    degrees: float   # how far its direction turned (the angle between input and output)


def pulled_towards(tokens: Sequence[str], xy, weights, focus: str, output_xy) -> Optional[Pull]:
    """"Same word, pulled towards cat: turned 17° towards animal": said only when the focus word's
    output (a plane vector) turns towards a plane axis (turns_towards) from its own input arrow and
    points at least TURN_DEGREES nearer the most weighted other word's arrow than the input did.
    Built-in: mouse (1.30, 1.30) at 45°, output (1.09, 0.57) at 27.8°, cat (1.80, 0) at 0°: 17.2°
    towards animal, towards cat. `xy` (n, 2): the words' plane coordinates (the input's rows);
    None when the focus word, its neighbour or its output has no direction in the plane."""
    tokens = list(tokens)
    if focus not in tokens:
        return None
    own = np.asarray(xy, dtype=float)[tokens.index(focus)]
    out = np.asarray(output_xy, dtype=float)
    j = strongest_neighbour(tokens, np.asarray(weights, dtype=float), focus)
    other = np.asarray(xy, dtype=float)[j]
    if tokens[j] == focus or min(np.linalg.norm(own), np.linalg.norm(out), np.linalg.norm(other)) == 0:
        return None
    axis = turns_towards(own, out)
    before, after = swept(own, other).angle, swept(out, other).angle
    turned = float(swept(own, out).angle)
    # the turn is the approach only where the output stays between the input and the neighbour:
    # swung past the neighbour's direction, "pulled N° towards" it would overstate (or misname) it
    if axis is None or before - after < TURN_DEGREES or turned > before - after + 1e-6:
        return None
    return Pull(j, axis, turned)


class ScoreProducts(NamedTuple):
    products: list  # each product of the two rows, as written at `decimals`
    total: str      # their sum (the score), as written


def score_products(left, right, decimals: int = 2) -> Optional[ScoreProducts]:
    """One score as the dot product it is, written out: the products of the two rows place by place
    and their sum, each at `decimals`; None unless the products as written add up to the total as
    written (the line would not check from the screen). The dimensions scene sets one score at d
    (X·Xᵀ, d products) beside the same pair's at d_k (Q·Kᵀ, d_k products). Built-in mouse · and:
    at d = 4, (1.30, 1.30, 0.20, 0.10) · (0, 0, 1.60, 0) = 0 + 0 + 0.32 + 0 = 0.32; at d_k = 2,
    (1.35, 1.25) · (−0.80, −0.80) = −1.08 + (−1.00) = −2.08."""
    a, b = np.asarray(left, dtype=float), np.asarray(right, dtype=float)
    if a.shape != b.shape or a.ndim != 1 or not len(a):
        return None
    written = [format_number(float(x), decimals) for x in a * b]
    total = format_number(float(a @ b), decimals)
    as_read = sum(parse_number(w) for w in written)
    if format_number(as_read, decimals) != total:
        return None
    return ScoreProducts(written, total)


class MirrorScores(NamedTuple):
    plane: str       # the in-plane part of the focus word's score with each word of the pair, as written (the same)
    rest: tuple      # (first word's, second word's) score from the other dims, as written (they differ)
    totals: tuple    # (first word's, second word's) whole score, as written


def mirror_pair_scores(focus, first, second, axes, decimals: int = 2) -> Optional[MirrorScores]:
    """Why two mirrored words (the built-in's cat and keyboard, each the other with the plane's two
    dims swapped) get nearly the same weight from the focus word: the focus word is its own mirror
    in the plane (x = y as written), so its dot product with either word is the same there; only
    the other dims differ. The scores (full vectors' dot products) split as written: in-plane part
    + the rest, each adding up as written to the score as written. None where the focus word is not
    its own mirror, the in-plane parts differ or the rests do not, or a sum does not read as written.
    Built-in: mouse (1.30, 1.30 | 0.20, 0.10), cat (1.80, 0 | 0.20, 0.40), keyboard (0, 1.80 | 0.20, 0):
    plane 1.8·1.3 = 2.34 for both; rest 0.2·0.2 + 0.1·0.4 = 0.08 and 0.2·0.2 + 0 = 0.04; 2.42 and 2.38."""
    f, a, b = (np.asarray(v, dtype=float) for v in (focus, first, second))
    axes = list(axes)
    if len(axes) != 2 or not (f.shape == a.shape == b.shape) or f.ndim != 1:
        return None
    if format_number(f[axes[0]], decimals) != format_number(f[axes[1]], decimals):
        return None
    rest_dims = [d for d in range(len(f)) if d not in axes]
    parts = []
    for w in (a, b):
        plane, rest, total = float(f[axes] @ w[axes]), float(f[rest_dims] @ w[rest_dims]), float(f @ w)
        if format_number(round(plane, decimals) + round(rest, decimals), decimals) != format_number(total, decimals):
            return None
        parts.append((format_number(plane, decimals), format_number(rest, decimals), format_number(total, decimals)))
    if parts[0][0] != parts[1][0] or parts[0][1] == parts[1][1]:
        return None
    return MirrorScores(parts[0][0], (parts[0][1], parts[1][1]), (parts[0][2], parts[1][2]))


def weights_ratio_as_written(weights, larger: int, smaller: int, ratio: float, least: int = 3,
                             most: int = 6) -> Optional[tuple]:
    """(the larger weight, the smaller, their quotient) as written, at the fewest decimals from
    `least` to `most` at which the two weights as written divide to `ratio` (their eˣ's ratio,
    gap_ratio's) at 2 decimals: then the screen may write "0.433240 ÷ 0.091496 = 4.74" beside
    the weights (dividing every eˣ by one sum keeps their ratios). Built-in, mouse's row (weights
    0.43323971 and 0.09149563, eˣ ratio 5.5567 ÷ 1.1735 = 4.74): 0.433 ÷ 0.091 = 4.758 (4.76),
    0.4332 ÷ 0.0915 = 4.7344 (4.73), 0.43324 ÷ 0.09150 = 4.7349 (4.73), 0.433240 ÷ 0.091496 =
    4.7351 (4.74): 6 decimals. None where no such decimals (or the smaller is written 0)."""
    w = np.asarray(weights, dtype=float)
    for decimals in range(least, most + 1):
        a, b = written(w[larger], decimals), written(w[smaller], decimals)
        if b <= 0:
            continue
        if format_number(a / b, 2) == format_number(ratio, 2):
            return format_number(w[larger], decimals), format_number(w[smaller], decimals), format_number(ratio, 2)
    return None


def like_seeks_like(w_q: np.ndarray, w_k: np.ndarray) -> Optional[list]:
    """[dims of column 0, dims of column 1, …]: where, in every column of W_Q and W_K, the query
    and the key read the same input dims (query_seeks_key gives (S, S) for each column) and no two
    columns read the same dims: then every score term is large exactly when the query word and the
    key word are both strong in those dims, and the head may be said to match "animal with animal,
    tech with tech". None otherwise (a column with a negative entry or a zero column, query and key
    reading different dims, or two columns reading the same dims). Built-in: head 1's W_Q and W_K
    are both ((1, 0), (0, 1), (0, 0), (0, 0)): [[0], [1]] (animal, tech); head 2's first columns
    read animal and tech against grammar: None."""
    q, k = np.asarray(w_q, dtype=float), np.asarray(w_k, dtype=float)
    if q.shape != k.shape or q.ndim != 2:
        return None
    reads = []
    for column in range(q.shape[1]):
        pair = query_seeks_key(q, k, column)
        if pair is None or list(pair[0]) != list(pair[1]):
            return None
        reads.append(list(pair[0]))
    if any(set(a) & set(b) for n, a in enumerate(reads) for b in reads[n + 1:]):
        return None
    return reads


class DimsRead(NamedTuple):
    kept: list     # the input dims a projection reads (a row of W with a non-zero entry), by name
    dropped: list  # the input dims it never reads (a row of W all zeros): no word's value of them reaches the output


def dims_read(w, dims) -> Optional[DimsRead]:
    """Which input dims a narrower projection (d × k, k < d) keeps and which it drops outright: a
    row of W that is all zeros multiplies that dim of every word by 0 in every column, so nothing of
    it reaches X·W. None unless W is narrower than d and drops at least one dim (then "it keeps only
    …" is true of every word). Built-in W_V ((1, 0), (0, 1), (0, 0), (0, 0)): keeps animal and tech,
    drops grammar and mood (mouse's 0.20 and 0.10 never reach its value (1.30, 1.30)). The second
    example's W_V is 8 × 8: None."""
    m = np.asarray(w, dtype=float)
    if m.ndim != 2 or m.shape[0] != len(dims) or m.shape[1] >= m.shape[0]:
        return None
    zero = [bool(np.all(np.abs(row) < 1e-12)) for row in m]
    if not any(zero) or all(zero):
        return None
    return DimsRead([d for d, z in zip(dims, zero) if not z], [d for d, z in zip(dims, zero) if z])


class PlaneWorking(NamedTuple):
    texts: tuple  # (first word's, second word's) in-plane product, written ("1.8 × 1.3")
    dims: tuple   # (first word's, second word's) plane dim of that product (the one it is not 0 in)


def mirror_plane_working(focus, first, second, axes, decimals: int = 2) -> Optional[PlaneWorking]:
    """mirror_pair_scores' in-plane part written with its working, one string per word: where each
    of the two words has one in-plane value not 0 as written (cat's animal, keyboard's tech), its
    in-plane dot product with the focus word is that one product ("1.80 × 1.30"), the other term
    0 × something; None where mirror_pair_scores is None, a word has two or no such values, or the
    product as written does not read as the in-plane part as written. Built-in: cat (1.80, 0.00),
    keyboard (0.00, 1.80), mouse (1.30, 1.30): ("1.8 × 1.3", "1.8 × 1.3"), each 2.34 (each factor
    written with one decimal where that writes the same number: the line fits the reading column),
    in dims (animal, tech): the focus word's factor is its value in that dim."""
    scores = mirror_pair_scores(focus, first, second, axes, decimals)
    if scores is None:
        return None
    f = np.asarray(focus, dtype=float)
    texts, dims = [], []
    for word in (first, second):
        w = np.asarray(word, dtype=float)
        terms = [d for d in axes if written(w[d], decimals) != 0]
        if len(terms) != 1:
            return None
        d = terms[0]
        a, b = written(w[d], decimals) / 10 ** decimals, written(f[d], decimals) / 10 ** decimals
        if format_number(a * b, decimals) != scores.plane:
            return None
        texts.append(f"{shortest(w[d], decimals, 1)} × {shortest(f[d], decimals, 1)}")
        dims.append(d)
    return PlaneWorking(tuple(texts), tuple(dims))


def heads_read_apart(reads: Sequence[Sequence[str]]) -> bool:
    """No dim is read strongly (strongest_rows' names) by two heads, and there are two heads or
    more: "different heads, different features" holds. Built-in: W_V⁽¹⁾ animal, tech; W_V⁽²⁾
    grammar, mood: True. A pair sharing a dim (second example: 7 of 8 in common): False."""
    sets = [set(words) for words in reads]
    return len(sets) > 1 and all(a.isdisjoint(b) for k, a in enumerate(sets) for b in sets[k + 1:])


# -- softmax: why eˣ, and not the scores divided by their plain sum -----------------------------------

WHAT_IF_SCORE = -0.8  # softmax's "why eˣ" what-if: one score made this (negative), where none is


class PlainAndSoft(NamedTuple):
    """One row of scores as written, normalised two ways, every number as written at `decimals`."""

    scores: tuple   # the scores as written (floats)
    total: float    # their plain sum, as written (exact from the written scores)
    plain: tuple    # each written score ÷ that sum, rounded: what "÷ sum" gives
    soft: tuple     # softmax of the written scores, rounded

    def plain_breaks(self) -> bool:
        """Some "÷ sum" weight reads negative or above 1: not a weight."""
        return any(p < 0 or p > 1 for p in self.plain)

    def plain_negative(self) -> bool:
        return any(p < 0 for p in self.plain)

    def plain_above_one(self) -> bool:
        return any(p > 1 for p in self.plain)

    def plain_reads_one(self) -> bool:
        """The "÷ sum" row as written adds up to 1 as written: "they add to 1 too" may be said of it.
        Built-in: 0.33 + 0.04 + 0.46 + 0.08 + 0.09 = 1.00; (1, 1, 1): 0.33 × 3 = 0.99, not."""
        return round(sum(self.plain), 6) == 1.0

    def broken_said(self) -> str:
        """What dividing by the plain sum did, as said: only what the row as written shows."""
        if self.plain_negative() and self.plain_above_one():
            return "one goes negative, another above 1;"
        return "one goes negative;" if self.plain_negative() else "one goes above 1;"


def plain_and_soft(row, decimals: int = 2) -> Optional[PlainAndSoft]:
    """`row` (scores) as written at `decimals`, divided by their plain sum and put through softmax,
    both from the written scores and rounded to `decimals` (so each checks against the screen).
    None when the sum as written is 0 (the plain division blows up). Built-in mouse row 1.21 0.16
    1.72 0.28 0.35: sum 3.72, plain 0.33 0.04 0.46 0.08 0.09."""
    units = [written(float(v), decimals) for v in np.ravel(np.asarray(row, dtype=float))]
    total = sum(units)
    if total == 0:
        return None
    scores = tuple(u / 10 ** decimals for u in units)
    exps = [math.exp(x) for x in scores]
    rounded = lambda v: parse_number(format_number(v, decimals))
    return PlainAndSoft(scores, total / 10 ** decimals, tuple(rounded(u / total) for u in units),
                        tuple(rounded(e / sum(exps)) for e in exps))


def negative_what_if(row, focus: int, value: float = WHAT_IF_SCORE, decimals: int = 2) -> Optional[tuple]:
    """(word index, what-if row) for softmax's "why eˣ": where no score of `row` reads negative at
    `decimals`, the row with the highest score of a word other than `focus` made `value`; None where
    some score already reads negative (the real row shows what a negative score does: no what-if).
    Built-in mouse row 1.21 0.16 1.715 0.28 0.35 (focus 2): (0, [−0.8, 0.16, 1.715, 0.28, 0.35])."""
    x = np.asarray(row, dtype=float)
    if shows_negative(x, decimals):
        return None
    others = [k for k in ranked(x) if k != focus]
    if not others:
        return None
    k = others[0]
    changed = x.copy()
    changed[k] = value
    return k, changed


def times_reads_as_written(texts: Sequence[str], values, factor: float, decimals: int = 2) -> bool:
    """Every text (a value as written) times `factor` rounds, at `decimals`, to the value × factor
    as written: a column written this way beside its product column checks ("1.7150" × 8 = 13.72)."""
    return all(format_number(parse_number(t) * factor, decimals) == format_number(float(v) * factor, decimals)
               for t, v in zip(texts, np.ravel(np.asarray(values, dtype=float))))


class RowLead(NamedTuple):
    """scaling's "why it matters": `n` of the seeded d-wide dot products (core.dot_product_spread's
    first n), read as one row of scores. top/second: the indices of the largest two; gap: how far the
    top one leads the next, undivided, and scaled_gap: divided by √d; top_weight/scaled_top_weight:
    what the next step (softmax) would give the top one, undivided and divided (checked here, never
    drawn: the scene says "nearly all" only where top_weight ≥ LEAD_NEARLY_ALL and scaled_top_weight < 1/2)."""
    d: int
    scores: tuple
    top: int
    second: int
    gap: float
    scaled_gap: float
    top_weight: float
    scaled_top_weight: float


LEAD_NEARLY_ALL = 0.99  # (not story's NEARLY_ALL: a stricter bar for a random row)


def row_lead(d: int = 512, n: int = 5, count: int = 400, seed: int = 0, decimals: int = 1,
             quotient_decimals: int = 2) -> Optional[RowLead]:
    """The lead of the top of n random d-wide dot products over the next, undivided and ÷√d, when
    it tells: undivided the top one would take nearly all the weight (≥ LEAD_NEARLY_ALL), divided less
    than half, and the gap as written ÷ √d as written (at `decimals`) gives the divided gap as
    written (at `quotient_decimals`). None otherwise. d = 512, n = 5: 6.04 6.96 15.92 5.62 −35.86,
    gap 15.92 − 6.96 = 8.96 ("9.0"), ÷ 22.63 ("22.6") = 0.396 ("0.40"); weights 0.9998 and 0.33."""
    from attention_math.core import dot_product_spread, scale_factor, softmax
    if n < 2:
        return None
    spread = dot_product_spread(d, count, seed)
    scores = np.asarray(spread.samples[:n], dtype=float)
    order = np.argsort(-scores, kind="stable")
    top, second = int(order[0]), int(order[1])
    root = scale_factor(d)
    gap = float(scores[top] - scores[second])
    lead = RowLead(d, tuple(float(v) for v in scores), top, second, gap, gap / root,
                   float(softmax(scores)[top]), float(softmax(scores / root)[top]))
    if not (lead.top_weight >= LEAD_NEARLY_ALL and lead.scaled_top_weight < 0.5
            and quotient_as_written(gap, root, gap / root, decimals, quotient_decimals)):
        return None
    return lead


def zero_instead_of_minus_infinity(exps: Sequence[float], masked: Sequence[bool]) -> Optional[tuple]:
    """causal's what-if (why −∞ and not 0): were each masked score 0 instead, its eˣ would be e⁰ = 1,
    and each masked word would get 1 ÷ (the unmasked eˣ's sum + one 1 per masked word). Returns
    (that sum, each masked word's weight); None where nothing is masked. Built-in mouse row
    3.353 1.174 5.585 (2 masked): 3.353 + 1.174 + 5.585 + 1 + 1 = 12.112, 1 ÷ 12.112 = 0.0826."""
    kept = [float(e) for e, m in zip(exps, masked) if not m]
    count = sum(1 for m in masked if m)
    if not count:
        return None
    total = sum(kept) + count
    return total, 1.0 / total


class ScalingRowWritten(NamedTuple):
    """scaling's row of scores (story.row_lead's) as the screen writes it, before and after ÷ √d."""
    cells: tuple         # each score as written
    quotients: tuple     # each score ÷ √d as written
    root: str            # √d as written
    gap: str             # the top score's lead over the next, as written
    scaled_gap: str      # the same ÷ √d, as written


def scaling_row_written(lead, decimals: int = 2, quotient_decimals: int = 3,
                        root_decimals: int = 3) -> Optional[ScalingRowWritten]:
    """scaling's row of d-wide scores (a RowLead) worked as written, or None where any of it fails:
    every score as written (at `decimals`) ÷ √d as written (at `root_decimals`) gives its quotient as
    written (at `quotient_decimals`, which is also the true quotient's); the gap as written is the
    top cell minus the next as written, and ÷ √d (the two quotients' difference as written) is
    lead.scaled_gap as written, and so is the written gap ÷ √d as written (the screen's worked line).
    d = 512: 6.04 6.96 15.92 5.62 −35.86 ÷ 22.627 → 0.267 0.308 0.704 0.248 −1.585;
    15.92 − 6.96 = 8.96, 0.704 − 0.308 = 0.396, 8.96 ÷ 22.627 = 0.39598 → 0.396."""
    if lead is None:
        return None
    root = math.sqrt(lead.d)
    cells = tuple(format_number(v, decimals) for v in lead.scores)
    quotients = tuple(format_number(v / root, quotient_decimals) for v in lead.scores)
    shown_root = parse_number(format_number(root, root_decimals))
    for v, q in zip(lead.scores, quotients):
        if format_number(written(v, decimals) / 10 ** decimals / shown_root, quotient_decimals) != q:
            return None
    top, second = lead.top, lead.second
    gap = (written(lead.scores[top], decimals) - written(lead.scores[second], decimals)) / 10 ** decimals
    scaled_gap = (written(lead.scores[top] / root, quotient_decimals)
                  - written(lead.scores[second] / root, quotient_decimals)) / 10 ** quotient_decimals
    if format_number(gap, decimals) != format_number(lead.gap, decimals):
        return None
    if format_number(scaled_gap, quotient_decimals) != format_number(lead.scaled_gap, quotient_decimals):
        return None
    # the screen also works the lead's division on a line: "8.96 ÷ 22.627 = 0.396" must check as written
    if format_number(gap / shown_root, quotient_decimals) != format_number(scaled_gap, quotient_decimals):
        return None
    return ScalingRowWritten(cells, quotients, format_number(root, root_decimals), format_number(gap, decimals),
                             format_number(scaled_gap, quotient_decimals))


def softmax_spread_factor(scaled_row: np.ndarray, d: int) -> Optional[float]:
    """How many times wider than the divided scores (the scaled row, scores ÷ √d) the scores of the
    last row of undivided_weights are: that row's factor on the scores over the divided row's
    (√(wider/d) ÷ (1/√d) = √wider: 8 for width 64, whatever d). None with a single row (nothing to
    compare) or where the last row is no wider width's (undivided_weights' width None)."""
    rows = undivided_weights(scaled_row, d)
    if len(rows) < 2 or rows[-1][1] is None:
        return None
    return rows[-1][0] / rows[0][0]


class DimensionsBlindPair(NamedTuple):
    word: int               # the word whose query is all 0: every dim its row of X holds, W_Q drops
    other: int              # the word it scores highest with at d (X·Xᵀ), itself aside
    dims: tuple             # the dims the word's row of X is not 0 in (W_Q's rows for them all 0)
    wide: "ScoreProducts"   # word · other at d: X·Xᵀ's d products and their sum (above 0)
    narrow: "ScoreProducts"  # word · other at d_k: Q·Kᵀ's d_k products, every one 0, and their sum 0


def dimensions_blind_pair(x, w_q, q, k, dims, decimals: int = 2) -> Optional[DimensionsBlindPair]:
    """What a d_k-wide query cannot see (the dimensions scene, "hence several heads"): the first word
    whose row of X is not 0 but whose every nonzero dim is a row of W_Q that is all zeros, so its
    query is exactly 0 (zero_query_rows) and it scores 0 against every key; paired with the other
    word it scores highest with at d (X·Xᵀ, over 0 as written). None unless W_Q is narrower than d,
    such a word exists, and both lines (score_products) check as written, the narrow one reading 0.
    Built-in: and = (0, 0, 1.60, 0), grammar only; W_Q's grammar row is (0, 0), and's query (0, 0);
    and·are at d = 4: 0 + 0 + 2.24 + 0 = 2.24 (1.60 × 1.40); at d_k = 2: 0 + 0 = 0."""
    x, w_q, q, k = (np.asarray(m, dtype=float) for m in (x, w_q, q, k))
    if w_q.ndim != 2 or w_q.shape[1] >= w_q.shape[0] or x.shape[1] != w_q.shape[0]:
        return None
    zero_dims = [bool(np.all(np.abs(row) <= 1e-12)) for row in w_q]
    for i in zero_query_rows(q):
        held = [c for c in range(x.shape[1]) if abs(x[i, c]) > 1e-12]
        if not held or not all(zero_dims[c] for c in held):
            continue
        wide_scores = [(float(x[i] @ x[j]), j) for j in range(len(x)) if j != i]
        if not wide_scores:
            return None
        best, j = max(wide_scores)
        wide, narrow = score_products(x[i], x[j], decimals), score_products(q[i], k[j], decimals)
        if wide is None or narrow is None or parse_number(wide.total) <= 0 or parse_number(narrow.total) != 0:
            return None
        return DimensionsBlindPair(i, j, tuple(dims[c] for c in held), wide, narrow)
    return None


def scores_diagonal_is_length_squared(embeddings, scores, decimals: int = 2) -> bool:
    """Whether the narration may say of Scores = Input·Inputᵀ "its diagonal is each word's length
    squared": every diagonal cell, as written at `decimals`, is the word's own vector dotted with
    itself (the sum of its squared entries, |x|²), as written. (Built-in mouse: 1.30² + 1.30² +
    0.20² + 0.10² = 1.69 + 1.69 + 0.04 + 0.01 = 3.43, the cell (mouse, mouse).)"""
    x, s = np.asarray(embeddings, dtype=float), np.asarray(scores, dtype=float)
    if x.ndim != 2 or s.shape != (x.shape[0], x.shape[0]):
        return False
    return all(format_number(s[k, k], decimals) == format_number(float(np.sum(x[k] ** 2)), decimals)
               for k in range(x.shape[0]))


# -- multi-head: the lines' thickest strokes, said while the sentence view is up ---------------------

class Thickest(NamedTuple):
    """A row's heaviest words, as its lines draw them: the indices, heaviest first, and whether the
    weights as written put them in that order (else they read as a tie: "x and y", not "x, then y")."""

    words: tuple
    ordered: bool


def thickest_lines(row, count: int = 2, decimals: int = 2) -> Optional[Thickest]:
    """The `count` words with the thickest lines in a row of weights (ranked), when the weights as
    written set them apart from the rest: the last one's written weight above the next one's (else
    which lines are "the thickest" is not to be seen). None when the row has no more than `count`
    words or they are not set apart. Built-in, mouse: head 1 (0.26, 0.05, 0.55, 0.06, 0.07) →
    mouse 0.55, then cat 0.26; head 2 (0.09, 0.40, 0.09, 0.32, 0.10) → and 0.40, then are 0.32."""
    order = ranked(np.asarray(row, dtype=float))
    if len(order) <= count:
        return None
    shown = [parse_number(format_number(float(row[j]), decimals)) for j in order]
    if not shown[count - 1] > shown[count]:
        return None
    return Thickest(tuple(order[:count]), all(shown[k] > shown[k + 1] for k in range(count - 1)))


class DiagonalCellWorked(NamedTuple):
    """One diagonal cell of Scores worked as written: the word's vector dotted with itself."""
    word: str
    index: int  # its row (and column) in Scores
    squares: tuple  # each entry squared, as written: "1.30²", "(−0.60)²"
    total: str  # the cell, as written: "3.43"
    length: str  # √ of the cell: the word's length over all the dims, "1.85"
    plane_length: str  # its length in the plane's two dims, "1.84" (said earlier)
    lines: tuple  # the check as drawn, one line per up to `per_line` squares
    said: str  # the narration that goes with it


def diagonal_cell_worked(tokens, embeddings, scores, word: str, plane_axes: Sequence[int],
                         decimals: int = 2,
                         per_line: int = 4) -> Optional[DiagonalCellWorked]:
    """`word`'s diagonal cell of Scores = Input·Inputᵀ worked out as written: each of its entries
    (written at `decimals`) squared, their sum the cell as written, and its square root the word's
    full length, set against its length in the plane of `plane_axes` (what the plane wrote as
    |word|). None where the word is not in `tokens`, the written squares do not add up to the cell
    as written, or the two lengths would read the same (nothing to tell apart).
    Built-in mouse: 1.30² + 1.30² + 0.20² + 0.10² = 1.69 + 1.69 + 0.04 + 0.01 = 3.43, √3.43 = 1.852
    → 1.85 over all 4 dims; in the animal–tech plane √(1.69 + 1.69) = √3.38 = 1.838 → 1.84."""
    tokens = list(tokens)
    if word not in tokens:
        return None
    k = tokens.index(word)
    x, s = np.asarray(embeddings, dtype=float), np.asarray(scores, dtype=float)
    if x.ndim != 2 or s.shape != (x.shape[0], x.shape[0]) or len(plane_axes) != 2:
        return None
    entries = [format_number(float(v), decimals) for v in x[k]]
    # the squares' sum in units of the last decimal of a square (1.30² = 16900 ten-thousandths): exact
    units = [round(parse_number(e) * 10 ** decimals) for e in entries]
    total_units = sum(u * u for u in units)
    total = format_number(s[k, k], decimals)
    if format_number(total_units / 10 ** (2 * decimals), decimals) != total:
        return None
    length = format_number(math.sqrt(parse_number(total)), decimals)
    # from the unrounded entries, as the plane measures |word| (geometry.projection's length_a): the card
    # and the plane must write the same number (mouse 1.3022, 1.2809: 1.83 both, where the rounded
    # entries 1.30, 1.28 would give 1.82)
    plane_length = format_number(math.sqrt(sum(float(x[k, a]) ** 2 for a in plane_axes)), decimals)
    if length == plane_length:
        return None
    squares = tuple(f"({e})²" if e.startswith("−") else f"{e}²" for e in entries)
    chunks = [" + ".join(squares[i:i + per_line]) for i in range(0, len(squares), per_line)]
    lines = [f"{word}·{word} = {chunks[0]}", *(f"+ {c}" for c in chunks[1:])]
    lines[-1] += f" = {total}"
    n = len(entries)
    lines.append(f"|{word}| = √{total} = {length} over all {n} dims ({plane_length} in the plane)")
    # (short: the scene is at its length bound; the card writes the lengths, the voice the claim)
    said = f"Its diagonal: {word}'s {n} dims squared, {total}."
    return DiagonalCellWorked(word, k, squares, total, length, plane_length, tuple(lines), said)


class ScalingGapSpread(NamedTuple):
    """scaling's row lead against its row's spread, undivided and ÷ √d, as written (r34a, r34d: "0.396, under one
    spread; undivided, 8.96" read as a contrast, though 8.96 is under one undivided spread too)."""
    spread: str         # the undivided dot products' spread (std), as the strip writes it ("22.9")
    scaled_spread: str  # ÷ √d ("1.01")
    share: str          # the lead in spreads, the same both ways as written ("0.39")


def scaling_gap_against_spread(row_text, spread, spread_decimals: int = 1, scaled_decimals: int = 2,
                               share_decimals: int = 2) -> Optional[ScalingGapSpread]:
    """Whether scaling may say of its row (a ScalingRowWritten of `spread`'s samples, a DotProductSpread) "now it
    leads by 0.396 against a spread of 1.01; before, 8.96 against 22.9: the same share, at a size of about 1":
    the two spreads as the strip writes them, the divided one about 1 (is_about), and the two gaps as written,
    each over its spread as written, the same at `share_decimals`. None otherwise (nothing said).
    Built-in d = 512: 8.96 ÷ 22.9 = 0.3913 and 0.396 ÷ 1.01 = 0.3921, both 0.39."""
    if row_text is None or spread is None:
        return None
    raw, scaled = format_number(spread.spread, spread_decimals), format_number(spread.scaled_spread, scaled_decimals)
    if not is_about(parse_number(scaled), 1.0):
        return None
    share = format_number(parse_number(row_text.gap) / parse_number(raw), share_decimals)
    if share != format_number(parse_number(row_text.scaled_gap) / parse_number(scaled), share_decimals):
        return None
    return ScalingGapSpread(raw, scaled, share)


FAR_BELOW_RATIO = 4  # "far below the others": each such word's weight at most a quarter of any other word's


def turned_scores_sentence(scores, words: Sequence[int], root: float, decimals: int = 2) -> str:
    """What the projections scene says once W_K's row has turned `words`' keys away (a KeyRowDrop's
    words, named in the sentence before; `scores`: the focus word's learned score row, undivided, on screen
    by the keys; `root`: the divisor √d_k): softmax reads the gaps between scores, not their signs
    (r33e), so the sentence says the turned words score far below the others only when, from the scores
    as written and divided by `root`, each lies at least ln FAR_BELOW_RATIO under every other word's
    (its weight then at most a quarter of any other's); otherwise only that their weights fall (which a
    KeyRowDrop's words always do). Built-in mouse: and −2.08, are −1.43 against cat 2.44, mouse 3.19,
    friends 0.96: the gap 0.96 − (−1.43) = 2.39, ÷ √2 = 1.69 ≥ ln 4 = 1.386:
    "They score far below the others: their weights fall." """
    written = [parse_number(format_number(float(v), decimals)) for v in scores]
    turned = set(words)
    rest = [written[j] for j in range(len(written)) if j not in turned]
    one = len(turned) == 1
    if rest and turned and (min(rest) - max(written[j] for j in turned)) / root >= math.log(FAR_BELOW_RATIO):
        return "It scores far below the others: its weight falls." if one else "They score far below the others: their weights fall."
    return "Its weight falls." if one else "Their weights fall."


def shadow_length_said(word: str, plane_length: float, decimals: int = 2) -> str:
    """What is said as the focus word's length is written by its arrow: its length *in the plane*
    (the plane's two dims only), the factor |a| of |a| cos θ; its full length, over all the dims,
    is another number (written at Scores' diagonal, diagonal_cell_worked). Built-in mouse (1.30,
    1.30): √(1.69 + 1.69) = √3.38 = 1.838 → "That shadow: mouse's plane length, 1.84," (the word named: after
    "the shadow along cat is 1.30 long", "its" read as the shadow's, r34a)."""
    return f"That shadow: {word}'s plane length, {format_number(plane_length, decimals)},"


def entry_terms_clause(row, column, names: Sequence[str], decimals: int = 2, most: int = 2) -> Optional[str]:
    """Where one entry of a product (row · column, e.g. a word's row of X times W's column) comes
    from, said by the dims that give it: "1.30 from animal and 0.05 from mood", each product as the
    tables write its factors (to `decimals`), the terms that are 0 as written left out. None where
    more than `most` terms give it (the sentence would be a list) or where the named products do not
    add up, as written, to the entry as written (the clause would not check). Built-in mouse, W_Q's
    first column: 1.30×1.00 + 1.30×0.00 + 0.20×0.00 + 0.10×0.50 = 1.30 + 0.05 = 1.35."""
    unit = 10 ** decimals
    a = [written(float(v), decimals) for v in row]
    b = [written(float(v), decimals) for v in column]
    products = [x * y for x, y in zip(a, b)]  # in units of 1 / unit², exact integers
    named = [(k, p) for k, p in enumerate(products) if written(p / unit ** 2, decimals) != 0]
    if not named or len(named) > most:
        return None
    total = written(float(np.dot(np.asarray(row, float), np.asarray(column, float))), decimals)
    if sum(written(p / unit ** 2, decimals) for _, p in named) != total:
        return None
    parts = [f"{format_number(p / unit ** 2, decimals)} from {names[k]}" for k, p in named]
    return " and ".join(parts)


class RowsRead(NamedTuple):
    text: str      # the sentence ("W_Q copies animal into q1, tech into q2; mood pushes q1 up, q2 down; grammar it ignores.")
    clauses: list  # [(clause text, [rows it names])], in the sentence's order: what to highlight as each is said


def rows_read(w, dims, name: str, prefix: str, decimals: int = 2, most_rows: int = 4,
              most_columns: int = 3) -> Optional[RowsRead]:
    """What each row of a small learned projection W (d × k) does, read off its entries as the
    table writes them (to `decimals`): a row whose only non-zero entry is 1 "copies" its dim into
    that column ("copies animal into q1"); a row with other non-zero entries "pushes" the columns it
    is positive in up and those it is negative in down ("mood pushes q1 up, q2 down"); a row of
    zeros is ignored ("grammar it ignores"). The clauses in that order, each naming its rows.
    None where W has more than `most_rows` rows or `most_columns` columns (the sentence would be a
    list no one can follow, and the second example's 8 × 8 seeded matrices have no such reading).
    Built-in W_Q ((1, 0), (0, 1), (0, 0), (0.5, −0.5)): "W_Q copies animal into q1, tech into q2;
    mood pushes q1 up, q2 down; grammar it ignores." W_K ((1, 0), (0, 1), (−0.5, −0.5), (0.5, 0)):
    "W_K copies animal into k1, tech into k2; grammar pushes k1 and k2 down; mood pushes k1 up." """
    m = np.asarray(w, dtype=float)
    if m.ndim != 2 or m.shape[0] != len(dims) or m.shape[0] > most_rows or m.shape[1] > most_columns:
        return None
    unit = 10 ** decimals
    cols = [f"{prefix}{c + 1}" for c in range(m.shape[1])]
    reads, pushes, ignored = [], [], []
    for r in range(m.shape[0]):
        entries = [written(float(v), decimals) for v in m[r]]
        nonzero = [c for c, e in enumerate(entries) if e != 0]
        if not nonzero:
            ignored.append(r)
        elif len(nonzero) == 1 and entries[nonzero[0]] == unit:
            reads.append((r, nonzero[0]))
        else:
            pushes.append((r, [c for c in nonzero if entries[c] > 0], [c for c in nonzero if entries[c] < 0]))
    clauses = []
    if reads:  # (short clauses, commas between their parts: each said as its rows are boxed)
        clauses.append((f"{name} copies " + ", ".join(f"{dims[r]} into {cols[c]}" for r, c in reads),
                        [r for r, _ in reads]))
    for r, up, down in pushes:
        moves = [f"{listed([cols[c] for c in up])} up"] if up else []
        moves += [f"{listed([cols[c] for c in down])} down"] if down else []
        clauses.append((f"{dims[r]} pushes " + ", ".join(moves), [r]))
    if ignored:
        clauses.append((f"{listed([dims[r] for r in ignored])} it ignores", ignored))
    if not clauses:
        return None
    if not reads:  # (the sentence opens on the matrix's name)
        first, rows = clauses[0]
        clauses[0] = (f"In {name}, {first}", rows)
    text = "; ".join(c for c, _ in clauses) + "."
    return RowsRead(text, clauses)


class RowPartBuilt(NamedTuple):
    word: int       # the turned word (its index)
    rest: tuple     # its projection without W's row `row`'s part, as written (e.g. ("0", "0") or ("0.20", "0.10"))
    factor: str     # its value of that dim, as written ("1.60")
    row: tuple      # W's row, as written ("−0.50", "−0.50")
    part: tuple     # factor × row, as written ("−0.80", "−0.80")
    key: tuple      # rest + part = its projection (key or query), as written ("−0.80", "−0.80")
    text: str       # "1.60 × (−0.50, −0.50) = (−0.80, −0.80)", the row's part as written


def row_part_built(inputs, w, row: int, word: int, decimals: int = 2) -> Optional[RowPartBuilt]:
    """How one word's projection (its key with W_K, its query with W_Q) is built from W's row `row`:
    the rest, then factor × row added (the projections scene draws the key without that row's part
    as a ghost, then adds the part as a vector; dimensions writes and's query 1.60 × (0, 0)): every
    number as the screen writes it, None unless the written product of the written factor and row
    is the written part, and the written rest and part add up to the written projection in each
    component (so the working checks as written). Built-in W_K: and (grammar
    1.60): rest (0, 0), 1.60 × (−0.50, −0.50) = (−0.80, −0.80), its key (−0.80, −0.80); are
    (grammar 1.40, mood 0.40 …): rest (0.20, 0.10), 1.40 × (−0.50, −0.50) = (−0.70, −0.70), its key
    (−0.50, −0.60)."""
    x, w = np.asarray(inputs, dtype=float), np.asarray(w, dtype=float)
    unit = 10 ** decimals
    end = x[word] @ w
    factor = float(x[word, row])
    part = factor * w[row]
    rest = end - part
    f_w = written(factor, decimals)
    row_w = [written(float(v), decimals) for v in w[row]]
    part_w = [written(float(v), decimals) for v in part]
    if any(written(f_w * r / unit ** 2, decimals) != p for r, p in zip(row_w, part_w)):
        return None  # (the product as written is not the part as written)
    rest_w = [written(float(v), decimals) for v in rest]
    end_w = [written(float(v), decimals) for v in end]
    if any(a + b != e for a, b, e in zip(rest_w, part_w, end_w)):
        return None

    def fmt(values):
        return tuple(format_number(v / unit, decimals) for v in values)

    def pair(values):
        return "(" + ", ".join(fmt(values)) + ")"

    text = f"{format_number(f_w / unit, decimals)} × {pair(row_w)} = {pair(part_w)}"
    return RowPartBuilt(int(word), fmt(rest_w), format_number(f_w / unit, decimals), fmt(row_w), fmt(part_w),
                    fmt(end_w), text)


class OtherHeadKeeps(NamedTuple):
    head: int     # the other head, numbered from 1 as the multi-head chapter names it ("head 2")
    dims: list    # the dims this projection drops (dims_read) that the other head's matrix reads


def other_head_keeps(w, heads_w: Sequence, dims, decimals: int = 2) -> Optional[OtherHeadKeeps]:
    """Where a narrow projection drops dims outright (dims_read), the first head of the multi-head
    chapter (its matrix of the same kind) that reads some of them: a row of its W with an entry not
    0 as written (to `decimals`) for a dim this W's row is all 0 for. None with fewer than two heads
    ("hence several heads" needs several), where `w` drops nothing, or where no head reads what it
    drops. Built-in W_V ((1, 0), (0, 1), (0, 0), (0, 0)) drops grammar and mood; head 1's W_V is the
    same, head 2's ((0, 0), (0, 0), (1, 0), (0, 1)) reads both: head 2, [grammar, mood]. The built-in
    W_Q drops grammar, and head 2's W_Q drops it too: None. The second example (8 × 8): None."""
    read = dims_read(w, dims)
    if read is None or len(heads_w) < 2:
        return None
    for h, other in enumerate(heads_w):
        o = np.asarray(other, dtype=float)
        if o.shape[0] != len(dims):
            continue
        reads = [d for r, d in enumerate(dims)
                 if d in read.dropped and any(written(float(v), decimals) != 0 for v in o[r])]
        if reads:
            return OtherHeadKeeps(h + 1, reads)
    return None


def even_weights_of_zero_query(q, weights, decimals: int = 2) -> list:
    """(row, the weight as written) for each word whose query is exactly 0 (zero_query_rows): its
    scores against every key are 0, so softmax spreads its weights evenly, 1/n each; listed only
    where every weight of its row, as written, is that 1/n as written. Built-in: and's query is
    (0, 0), its weights 0.20 × 5: [(1, "0.20")]. The second example has no zero query: []."""
    w = np.asarray(weights, dtype=float)
    n = w.shape[1]
    even = format_number(1.0 / n, decimals)
    return [(i, even) for i in zero_query_rows(q)
            if all(format_number(float(v), decimals) == even for v in w[i])]


LEAD_BOTH_COUNT = 3.0  # "both still count": the leader at most this many times the runner-up's weight
# a gap this large or larger (e^13.8 ≈ 1,000,000) is written as no ratio: "a million to 1" and more
# only reads as a long row of digits (a user's embeddings × 5 gave a gap of 54: a 24-digit ratio)
LEAD_GAP_MOST = 13.8
VERDICT_NEARLY_ALL = "nearly all the weight"  # lead_ratio's verdict that scaling_lopsided_cost and lead_said build on


class LeadRatio(NamedTuple):
    """What the next step (eˣ of every score) makes of a lead, as scaling writes it beside a gap."""
    exponent: str     # the gap as written ("8.96"): e to this
    ratio: str        # e^gap as written, to 2 significant figures (≥ 10) or 1 decimal ("7,800", "1.5")
    least_share: float  # the leader's least share among n words: 1 ÷ (1 + (n − 1)·e^(−gap))
    verdict: str      # "nearly all the weight" / "both still count" / "the leader far ahead"


def lead_ratio(gap_text: str, n: int) -> Optional[LeadRatio]:
    """The ratio of two words' weights once the next step raises e to each score: e^gap, from the gap
    *as written* (`gap_text`) and rounded as written (under 10 to 1 decimal, else to 2 significant
    figures with thousands commas). The verdict: "nearly all the weight" only where the leader's share
    among `n` words is at least LEAD_NEARLY_ALL however the others fall (each at most the
    runner-up: share ≥ 1 ÷ (1 + (n − 1)·e^(−gap))); "both still count" where the ratio as written is at
    most LEAD_BOTH_COUNT; else "the leader far ahead". None for n < 2, a negative gap, or a gap of
    LEAD_GAP_MOST or more (a ratio of a million or more).
    Built-in d = 512, n = 5: e^8.96 = 7785.4 → "7,800", share ≥ 1 ÷ (1 + 4 ÷ 7785.4) = 0.99949: nearly all;
    e^0.396 = 1.4859 → "1.5", share ≥ 1 ÷ (1 + 4 ÷ 1.4859) = 0.2709; 1.5 ≤ 3: both still count."""
    gap = parse_number(gap_text)
    if n < 2 or gap < 0 or gap >= LEAD_GAP_MOST:
        return None
    ratio = math.exp(gap)
    if round(ratio, 1) < 10:  # (on the rounded ratio: 9.97 is "10", not "10.0")
        shown = format_number(ratio, 1)
    else:
        # the places dropped to keep 2 significant figures (none for 9.95 … 10: "10")
        digits = max(0, int(math.floor(math.log10(ratio))) - 1)
        shown = f"{int(round(ratio / 10 ** digits)) * 10 ** digits:,}"
    share = 1.0 / (1.0 + (n - 1) * math.exp(-gap))
    if share >= LEAD_NEARLY_ALL:
        verdict = VERDICT_NEARLY_ALL
    elif parse_number(shown.replace(",", "")) <= LEAD_BOTH_COUNT:
        verdict = "both still count"
    else:
        verdict = "the leader far ahead"
    return LeadRatio(gap_text, shown, share, verdict)


def ratio_smaller(before: LeadRatio, after: LeadRatio) -> bool:
    """Whether the ratio as written after (a gap divided) is smaller than before: what lets the scaling scene
    say the two weights are "less lopsided". Built-in d = 4 pair: 8.2 → 2.9, True; d = 512 row: 7,800 → 1.5, True."""
    return parse_number(after.ratio.replace(",", "")) < parse_number(before.ratio.replace(",", ""))


class LopsidedCost(NamedTuple):
    """What scaling says a lopsided ratio costs, where it first calls the example's divided ratio "less lopsided"
    (r40b: lopsidedness was called bad ~65 s before anything said why)."""
    top_weight: float         # the example's row: its leading word's weight once the next step runs, undivided
    scaled_top_weight: float  # the same, the row ÷ √d
    wide_verdict: str         # the wide row's undivided verdict, as story.lead_ratio gave it ("nearly all the weight")


def scaling_lopsided_cost(scores_row, scaled_row, wide: Optional[LeadRatio]) -> Optional[LopsidedCost]:
    """Whether scaling may say, beside the example's ratio "8.2 : 1, now 2.9 : 1": "at d = 4 no word gets nearly all
    the weight either way; at d = 512, undivided, one word does (below)". True when the example's row (its scores
    `scores_row`, and `scaled_row` ÷ √d) gives its leading word under LEAD_NEARLY_ALL of the weight both ways (the
    next step: e^score ÷ the row's sum), and `wide` (the d = 512 row's undivided lead_ratio, the one its rows show
    at the end) has the verdict "nearly all the weight". None otherwise (nothing said).
    Built-in mouse row 2.42 0.32 3.43 0.56 0.70: e^x = 11.246 1.377 30.877 1.751 2.014, sum 47.264, the leader
    mouse 30.877 ÷ 47.264 = 0.653; ÷ 2: 3.353 1.174 5.557 1.323 1.419, sum 12.826, 5.557 ÷ 12.826 = 0.433; both
    under 0.99; d = 512 undivided: 8.96, nearly all the weight."""
    if wide is None or wide.verdict != VERDICT_NEARLY_ALL:
        return None
    from attention_math.core import softmax

    rows = [np.asarray(row, dtype=float) for row in (scores_row, scaled_row)]
    if any(row.size < 2 for row in rows):
        return None
    weights = [float(softmax(row).max()) for row in rows]  # the leader's weight, undivided and ÷ √d
    if max(weights) >= LEAD_NEARLY_ALL:
        return None
    return LopsidedCost(weights[0], weights[1], wide.verdict)


class TurnedKeyWorking(NamedTuple):
    """A turned key's working as the zoomed plane writes it beside its three arrows (r41a/b: are's
    ghost, red part and swing were drawn unlabelled)."""
    rest: str        # the key without the row's part, named: "are, no grammar (0.20, 0.10)"
    rest_score: str  # its score against the query, signed: "+0.40"
    part: str        # the row's part, added: "+ 1.40 × grammar row = (−0.70, −0.70)"
    key: str         # the key itself: "are (−0.50, −0.60)"
    key_score: str   # its score against the query: "−1.43"


def turned_key_working(query, inputs, w_k, row: int, word: int, word_name: str, dim_name: str,
                       decimals: int = 2) -> Optional[TurnedKeyWorking]:
    """The labels of a turned key's working on the query-key plane: its key without W_K's row `row`
    (the ghost) and that key's score against `query`, the row's part added (the red arrow), the key
    and its score (row_part_built's numbers, as written; each score the sum of the written query's
    and key's products, half up, as by hand). None where row_part_built is None or the query is not
    as wide as the key. Built-in mouse, are (grammar 1.40): "are, no grammar (0.20, 0.10)", 1.35 ×
    0.20 + 1.25 × 0.10 = 0.395 -> "+0.40"; "+ 1.40 × grammar row = (−0.70, −0.70)"; "are (−0.50,
    −0.60)", 1.35 × (−0.50) + 1.25 × (−0.60) = −1.425 -> "−1.43"."""
    built = row_part_built(inputs, w_k, row, word, decimals)
    q = np.asarray(query, dtype=float).ravel()
    if built is None or q.size != len(built.key):
        return None
    unit = 10 ** decimals
    q_w = [written(float(v), decimals) for v in q]

    def score(values) -> float:  # the written query · the written key, exactly (hundredths × hundredths)
        return sum(a * written(parse_number(v), decimals) for a, v in zip(q_w, values)) / unit ** 2

    def signed(v: float) -> str:
        text = format_number(v, decimals)
        return "+" + text if text[0] not in "−-" and any(c in "123456789" for c in text) else text

    def pair(values) -> str:
        return "(" + ", ".join(values) + ")"

    return TurnedKeyWorking(f"{word_name}, no {dim_name} {pair(built.rest)}", signed(score(built.rest)),
                            f"+ {built.factor} × {dim_name} row = {pair(built.part)}",
                            f"{word_name} {pair(built.key)}", signed(score(built.key)))


def lead_said(lead: LeadRatio) -> str:
    """What scaling says of a lead beside its ratio: the verdict, and for "nearly all the weight" what that
    leaves the others (r45a: why one word taking nearly all is bad was never said): each other word at most
    the runner-up, so at most 1 ÷ ratio of the leader's weight: next to nothing (said from the ratio alone, the
    one fact the forward look gives: no shares, no softmax, before it is taught).
    Built-in d = 512 undivided (7,800 : 1, share ≥ 0.99949): "one word takes nearly all the weight, the others
    next to nothing"; divided: "both still count", as the verdict."""
    if lead.verdict != VERDICT_NEARLY_ALL:
        return lead.verdict
    return "one word takes nearly all the weight, the others next to nothing"
