"""The narration's claims for the scaling, contexts, projections and multi-head scenes: the
numbers behind them (attention_math.core) and the predicates that decide them (attention_math.story),
hand-checked and as properties."""

import math

import numpy as np
import pytest

from attention_math import load_example, scale_factor, softmax, trace_example
from attention_math.core import dot_product_spread
from attention_math.story import (
    LEAN_MARGIN, angle_to_axis, divisor_effect, heads_feeding, is_about, is_shorter, largest_changes, leans_towards,
    mixes_heads, peak_moves, strongest_rows, turns_towards,
)


@pytest.fixture(scope="module")
def builtin():
    example = load_example()
    return example, trace_example(example)


# -- scaling: the spread of dot products grows like √d -----------------------------------------------

@pytest.mark.parametrize("d", [4, 64, 512])
def test_spread_of_random_dot_products_is_root_d(d):
    """A sum of d products of independent standard normals has variance d: its standard deviation
    is √d (what the scaling scene shows for d = 4, 64, 512), and divided by √d it is 1."""
    spread = dot_product_spread(d)
    assert spread.samples.shape == (400,)
    assert is_about(spread.spread, math.sqrt(d))  # the seeded 400 the scene draws
    assert is_about(spread.scaled_spread, 1.0)
    assert spread.scaled_spread == pytest.approx(spread.spread / math.sqrt(d))
    assert np.allclose(spread.scaled, spread.samples / math.sqrt(d))
    assert spread.a.shape == spread.b.shape == (400, d)  # the pairs each sample is made of
    assert np.allclose(spread.samples, (spread.a * spread.b).sum(axis=1))
    many = dot_product_spread(d, count=20000, seed=7)  # more samples: closer still
    assert many.spread == pytest.approx(math.sqrt(d), rel=0.03)


def test_spread_is_seeded_and_differs_between_widths():
    assert dot_product_spread(4).samples.tolist() == dot_product_spread(4).samples.tolist()
    assert dot_product_spread(4, seed=1).samples.tolist() != dot_product_spread(4).samples.tolist()
    spreads = [dot_product_spread(d).spread for d in (4, 64, 512)]
    assert spreads == sorted(spreads) and spreads[2] > 8 * spreads[0]  # √512 / √4 = 11.3


def test_is_about_is_relative():
    assert is_about(2.15, 2.0) and not is_about(2.25, 2.0)
    assert is_about(21.0, 22.6) and not is_about(20.0, 22.6)


# -- contexts: the average shrinks the arrow, the direction turns --------------------------------------

def test_angles_hand_checked():
    assert angle_to_axis((1.0, 1.0), 0) == pytest.approx(45.0) and angle_to_axis((1.0, 1.0), 1) == pytest.approx(45.0)
    assert angle_to_axis((2.0, 0.0), 0) == 0.0 and angle_to_axis((2.0, 0.0), 1) == pytest.approx(90.0)
    assert angle_to_axis((-1.0, 0.0), 0) == pytest.approx(180.0)
    assert angle_to_axis((0.0, 0.0), 0) == 90.0
    # tan 30° = 0.57735: (1, 0.57735) is 30° from x and 60° from y
    assert angle_to_axis((1.0, math.tan(math.radians(30))), 0) == pytest.approx(30.0)
    assert angle_to_axis((1.0, math.tan(math.radians(30))), 1) == pytest.approx(60.0)


def test_turns_towards_and_shorter_hand_checked():
    assert turns_towards((1.3, 1.3), (1.09, 0.57)) == 0  # 45° -> 27.6° from animal: towards animal
    assert turns_towards((1.3, 1.3), (0.58, 1.09)) == 1  # towards tech
    assert turns_towards((1.0, 1.0), (1.05, 1.0)) is None  # 1.4°: too small a turn to claim
    assert turns_towards((1.0, 1.0), (2.0, 2.0)) is None  # longer, same direction
    assert is_shorter((1.3, 1.3), (1.09, 0.57))  # |(1.09, 0.57)| = 1.23 <= 0.9 × 1.84
    assert not is_shorter((1.0, 0.0), (0.95, 0.0))


def test_builtin_mouse_turns_while_its_animal_value_drops(builtin):
    """What the contexts scene says: next to cat the output's animal value is lower than the input's
    (1.30 -> 1.09), yet the arrow turns towards animal: 45° -> 27.8° from the animal axis (and
    next to keyboard towards tech, 28.0° from the tech axis)."""
    example, traces = builtin
    animal, tech = example.dims.index("animal"), example.dims.index("tech")
    x = example.embeddings["mouse"][[animal, tech]]
    outs = [s.simple.output[s.tokens.index("mouse"), [animal, tech]] for s in traces]
    assert outs[0][0] < x[0]  # the animal value drops
    assert [turns_towards(x, out) for out in outs] == [0, 1]
    assert round(angle_to_axis(x, 0)) == 45
    assert round(angle_to_axis(outs[0], 0), 1) == 27.8 and round(angle_to_axis(outs[1], 1), 1) == 28.0
    assert all(is_shorter(x, out) for out in outs)


# -- output: where the focus word's output leans -------------------------------------------------------

def test_focus_output_leans_only_where_the_difference_shows(builtin):
    """What the output scene adds after comparing the rows: next to cat, mouse's output leans
    towards animal (1.09, against 0.57 for tech); the second test example's mouse (animal 0.54,
    tech 0.47 next to its words) leans nowhere, so nothing is said there."""
    from pathlib import Path

    from attention_math.formatting import format_number
    from attention_math.geometry import embedding_plane

    example, traces = builtin
    a, b = embedding_plane(example).axes
    out = traces[0].simple.output[traces[0].tokens.index("mouse")]
    assert leans_towards(out[a], out[b]) == 0
    assert (format_number(out[a]), format_number(out[b])) == ("1.09", "0.57")
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    s = trace_example(second)[0]
    a, b = embedding_plane(second).axes
    out = s.simple.output[s.tokens.index(second.focus)]
    assert leans_towards(out[a], out[b]) is None and abs(out[a] - out[b]) < LEAN_MARGIN


# -- projections: what W_Q/W_K change, and what the divisor changes -------------------------------------

def test_largest_changes_and_divisor_hand_checked():
    assert largest_changes(np.array([0.2, 0.5, 0.3]), np.array([0.3, 0.5, 0.2])) == (0, 2)
    assert largest_changes(np.array([0.5, 0.5]), np.array([0.504, 0.496])) == (None, None)
    assert divisor_effect(4, 2) == "sharper" and divisor_effect(2, 4) == "softer" and divisor_effect(4, 4) is None
    assert peak_moves(np.array([0.4, 0.6]), np.array([0.3, 0.7])) and not peak_moves(np.array([0.6]), np.array([0.605]))


def test_a_smaller_divisor_never_lowers_the_largest_weight():
    """Why divisor_effect may say "sharper": softmax(s / a) peaks at least as high as softmax(s / b)
    for a < b, whatever the scores."""
    rng = np.random.default_rng(3)
    for _ in range(200):
        row = rng.normal(scale=3, size=6)
        assert softmax(row / scale_factor(2)).max() >= softmax(row / scale_factor(4)).max() - 1e-12


def test_learned_weights_at_the_input_width(builtin):
    """projected_at_d: the learned scores divided by √d (the simplified version's divisor)."""
    example, traces = builtin
    for s in traces:
        assert np.allclose(s.projected_at_d.scores, s.projected.scores)
        assert np.allclose(s.projected_at_d.scaled, s.projected.scores / 2.0)  # √4
        assert np.allclose(s.projected.scaled, s.projected.scores / math.sqrt(2))  # √d_k
        assert np.allclose(s.projected_at_d.weights, softmax(s.projected.scores / 2.0))


def test_builtin_projection_story(builtin):
    """Mouse in the cat sentence: W_Q and W_K alone (same divisor 2) move weight to cat
    (0.26 -> 0.31) and away from 'and' (0.09 -> 0.03); the smaller divisor √2 then raises the
    largest weight (mouse's own) from 0.46 to 0.54."""
    example, traces = builtin
    s = traces[0]
    i = s.tokens.index("mouse")
    simple, same, learned = s.simple.weights[i], s.projected_at_d.weights[i], s.projected.weights[i]
    gain, loss = largest_changes(simple, same)
    assert (s.tokens[gain], s.tokens[loss]) == ("cat", "and")
    assert np.round([simple[gain], same[gain], simple[loss], same[loss]], 2).tolist() == [0.26, 0.31, 0.09, 0.03]
    assert divisor_effect(example.d, s.projected.d_k) == "sharper"
    assert np.round([same.max(), learned.max()], 2).tolist() == [0.46, 0.54]


# -- multi-head: what each head reads, and W_O mixing them ---------------------------------------------

def test_strongest_rows_hand_checked(builtin):
    example, _ = builtin
    heads = example.heads
    assert strongest_rows(heads[0].w_q) == [0, 1]  # animal, tech
    assert strongest_rows(heads[1].w_v) == [2, 3]  # grammar, mood
    assert strongest_rows(np.array([[0.4, 0.0], [1.0, 0.0], [-0.6, 0.1]])) == [1, 2]  # |−0.6| >= 0.5
    assert strongest_rows(np.zeros((2, 2))) == []


def test_heads_feeding_hand_checked():
    identity = np.eye(4)
    assert [heads_feeding(identity, [2, 2], c) for c in range(4)] == [[0], [0], [1], [1]]
    assert not mixes_heads(identity, [2, 2])
    mixed = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.05], [0.0, 0.5]])
    assert heads_feeding(mixed, [2, 2], 0) == [0, 1] and heads_feeding(mixed, [2, 2], 1) == [0, 1]
    assert mixes_heads(mixed, [2, 2])
    assert not mixes_heads(np.ones((2, 2)), [2])  # one head: nothing to mix


def test_builtin_w_o_visibly_mixes_the_heads(builtin):
    """Every output dim draws on both heads, so the output is visibly not the concatenation."""
    example, traces = builtin
    widths = [h.w_v.shape[1] for h in example.heads]
    assert mixes_heads(example.w_o, widths)
    for s in traces:
        m = s.multi_head
        assert np.abs(m.output - m.concat).max() >= 0.2
        i = s.tokens.index("mouse")
        # mouse's animal output = h1.1 × 0.9 + h2.2 × 0.2: one term from each head
        assert m.output[i, 0] == pytest.approx(m.concat[i, 0] * 0.9 + m.concat[i, 3] * 0.2)



def test_strong_entries_are_the_cells_of_the_strongest_rows(builtin):
    from attention_math.story import strong_entries
    example, _ = builtin
    assert strong_entries(example.heads[0].w_v) == [(0, 0), (1, 1)]  # animal → v1, tech → v2
    assert strong_entries(np.array([[0.4, 0.0], [1.0, 0.0], [-0.6, 0.1]])) == [(1, 0), (2, 0)]  # |−0.6| >= 0.5
    assert strong_entries(np.zeros((2, 2))) == []
    for head in example.heads:
        assert sorted({r for r, _ in strong_entries(head.w_v)}) == strongest_rows(head.w_v)


def test_draws_only_on_holds_when_the_other_rows_are_zero(builtin):
    from attention_math.story import draws_only_on
    example, _ = builtin
    # head 1's W_V: animal and tech rows identity, grammar and mood rows zero (hand-checked)
    assert draws_only_on(example.heads[0].w_v) and draws_only_on(example.heads[1].w_v)
    assert not draws_only_on(np.array([[1.0, 0.0], [0.0, 1.0], [0.2, 0.0]]))  # 0.2 is weak, not zero: "mostly"
    assert draws_only_on(np.array([[1.0, 0.0], [0.004, 0.0]]))  # drawn 0.00
    assert not draws_only_on(np.zeros((2, 2)))


# -- scaling and softmax: differences as written (hand-checked) --------------------------------------

def test_halved_pair_finds_a_difference_that_halves_as_written(builtin):
    from attention_math.story import halved_pair, written_difference
    example, traces = builtin
    s = traces[example.focus_sentences()[0]]
    i = s.tokens.index("mouse")
    # mouse's scores 2.42 0.32 3.43 0.56 0.70, scaled 1.21 0.16 1.72 0.28 0.35: 3.43 − 0.32 = 3.11
    # would scale to 1.555, written 1.72 − 0.16 = 1.56, not exact; 2.42 − 0.32 = 2.10 → 1.05 is
    row, a, b = halved_pair(s.simple.scores, s.simple.scaled, scale_factor(example.d), i)
    assert (row, s.tokens[a], s.tokens[b]) == (i, "cat", "and")
    assert written_difference(s.simple.scores[i, a], s.simple.scores[i, b]) == "2.10"
    assert written_difference(s.simple.scaled[i, a], s.simple.scaled[i, b]) == "1.05"
    # no pair halves exactly: none; another row is used when the preferred one has none
    assert halved_pair(np.array([[0.03, 0.0]]), np.array([[0.02, 0.0]]), 2.0, 0) is None
    assert halved_pair(np.array([[0.03, 0.0], [1.0, 0.4]]), np.array([[0.02, 0.0], [0.5, 0.2]]), 2.0, 0) == (1, 0, 1)


def test_gap_widens_after_exp_only_for_entries_that_grow_faster():
    from attention_math.story import gap_widens, written_difference
    row = np.array([1.715, 0.16])
    exps = np.exp(row)  # 5.557, 1.174
    assert gap_widens(row, exps, 0, 1, 3)
    assert written_difference(row[0], row[1], 3) == "1.555" and written_difference(exps[0], exps[1], 3) == "4.383"
    negative = np.array([-2.0, -3.0])  # e^−2 − e^−3 = 0.086 < 1
    assert not gap_widens(negative, np.exp(negative), 0, 1, 3)


# -- scores: a row's total and the weakest term (hand-checked) ----------------------------------------

def test_row_total_of_mouse_scores_is_not_one(builtin):
    from attention_math.story import adds_up_to_one, row_total
    example, traces = builtin
    s = traces[example.focus_sentences()[0]]
    row = s.simple.scores[s.tokens.index("mouse")]
    # 2.42 + 0.32 + 3.43 + 0.56 + 0.70 (mouse with cat, and, mouse, are, friends)
    assert row_total(row) == pytest.approx(7.43)
    assert not adds_up_to_one(row)
    assert adds_up_to_one(np.array([0.2, 0.3, 0.5])) and adds_up_to_one(np.array([0.5, 0.499]))
    assert not adds_up_to_one(np.array([0.5, 0.49]))


def test_weakest_term_is_the_product_nearest_zero():
    from attention_math.story import weakest_term
    # mouse·cat: 1.30×1.80, 1.30×0.00, 0.20×0.20, 0.10×0.40
    assert weakest_term(np.array([2.34, 0.0, 0.04, 0.04])) == 1
    assert weakest_term(np.array([2.0, -0.5, 1.0])) == 1  # |−0.5| is nearest 0
    assert weakest_term(np.array([-3.0, 0.1, 2.0])) == 1  # nearest 0, not the most negative
    assert weakest_term(np.array([-3.0, 0.1])) is None  # 0.1 is also the largest term: no contrast
    assert weakest_term(np.array([0.3, 0.3])) is None


# -- embeddings: "shorter arrows" only when every one is shorter than every named one ---------------

def test_all_shorter_compares_every_length():
    from attention_math.story import all_shorter
    coords = np.array([[1.8, 0.0], [0.0, 1.8], [0.4, 0.0], [0.0, 0.4], [1.9, 0.0]])  # lengths 1.8, 1.8, 0.4, 0.4, 1.9
    assert all_shorter(coords, [2, 3], [0, 1])           # 0.4 < 1.8 (friends, useful against cat, keyboard)
    assert not all_shorter(coords, [2, 4], [0, 1])       # 1.9 is not shorter than 1.8
    assert not all_shorter(coords, [0], [1])             # equal lengths: not shorter
    assert not all_shorter(coords, [], [0])              # nothing to call shorter
    assert not all_shorter(coords, [2], [])              # nothing to compare with


# -- softmax, looking back at scaling: mouse's weights without ÷ √d ---------------------------------

def test_undivided_weights_of_mouse_sharpen_to_one_word(builtin):
    """mouse's scaled row x = 1.21 0.16 1.715 0.28 0.35 (d = 4): by hand, e^x / Σ gives
    0.261 0.092 0.433 0.103 0.111; not divided (2x: 2.42 0.32 3.43 0.56 0.70) 0.238 0.029 0.653
    0.037 0.043; with the differences of width 64 (8x, 4 times the undivided ones): e^(9.68 −
    13.72) = 0.0176 against 1 and e^−10.9 or less, so 0.017 and 0.983."""
    from attention_math.story import nearly_all_to_one, undivided_weights
    example, traces = builtin
    s = traces[example.focus_sentences()[0]]
    rows = undivided_weights(s.simple.scaled[s.tokens.index("mouse")], example.d)
    assert [(factor, width) for factor, width, _ in rows] == [(0.5, None), (1.0, None), (4.0, 64)]
    expected = [[0.261, 0.092, 0.433, 0.103, 0.111], [0.238, 0.029, 0.653, 0.037, 0.043],
                [0.017, 0.000, 0.983, 0.000, 0.000]]
    for (_, _, weights), by_hand in zip(rows, expected):
        assert weights == pytest.approx(by_hand, abs=1e-3)
    assert [nearly_all_to_one(w) for _, _, w in rows] == [False, False, True]
    assert nearly_all_to_one(np.array([0.9, 0.1])) and not nearly_all_to_one(np.array([0.89, 0.11]))


def test_undivided_weights_skip_what_would_repeat():
    from attention_math.story import undivided_weights
    x = np.array([1.0, 0.0])
    assert [(f, w) for f, w, _ in undivided_weights(x, 1)] == [(1.0, None), (8.0, 64)]  # ÷ √1 changes nothing
    assert [(f, w) for f, w, _ in undivided_weights(x, 64)] == [(0.125, None), (1.0, None), (math.sqrt(8), 512)]
    assert [w for _, w, _ in undivided_weights(x, 512)] == [None, None]  # no wider width to compare


# -- dimensions: the division by √d_k and the rows of weights, as written ---------------------------

def test_division_decimals_make_every_scaled_score_check(builtin):
    """The learned scores ÷ √2: by hand, 3.82 ÷ 1.41 = 2.709 (shown 2.70, as 3.82 ÷ 1.41421 = 2.701),
    so 1.41 will not do; 3.19 ÷ 1.414 = 2.256 (shown 2.25, as 3.1875 ÷ 1.41421 = 2.254), so the
    scores need 3 decimals: 3.188 ÷ 1.414 = 2.2546 → 2.25, −1.425 ÷ 1.414 = −1.0078 → −1.01."""
    from attention_math.story import division_decimals
    example, traces = builtin
    p = traces[example.focus_sentences()[0]].projected
    assert division_decimals(p.scores, p.scaled, scale_factor(p.d_k)) == (3, 3)
    # exact at 2 decimals: 3.00 ÷ 2.00 = 1.50 (and 1.00 ÷ 2 = 0.50)
    assert division_decimals(np.array([3.0, 1.0]), np.array([1.5, 0.5]), 2.0) == (2, 2)
    # 1.00 ÷ 1.41 = 0.709 → 0.71 ≠ 0.70 (the true 1 ÷ √2 = 0.7071 → 0.71); 1 ÷ 1.414 = 0.7072 → 0.71 too:
    # 2.00 ÷ 1.41 = 1.418 → 1.42, the true 1.4142 → 1.41: needs 1.414 (2 ÷ 1.414 = 1.4144 → 1.41)
    assert division_decimals(np.array([1.0, 2.0]), np.array([1 / math.sqrt(2), 2 / math.sqrt(2)]), math.sqrt(2)) == (2, 3)


def test_written_rows_read_one(builtin):
    """cat's learned weights as written, 0.62 + 0.01 + 0.20 + 0.02 + 0.14 = 0.99; 0.50 + 0.50 = 1.00."""
    from attention_math.story import written_rows_read_one
    example, traces = builtin
    p = traces[example.focus_sentences()[0]].projected
    assert not written_rows_read_one(p.weights)
    assert not written_rows_read_one(p.weights[0])
    assert written_rows_read_one(p.weights[2])  # mouse: 0.32 + 0.01 + 0.54 + 0.02 + 0.11 = 1.00
    assert written_rows_read_one(np.array([[0.5, 0.5], [0.25, 0.75]]))


def test_mouse_worked_weights_read_0_999_at_three_decimals(builtin):
    """softmax writes mouse's worked weights at 3 decimals: 0.261 + 0.091 + 0.433 + 0.103 + 0.111 =
    0.999 (the weights 0.26146 0.09150 0.43324 0.10316 0.11064), so its sum is "Σ = 1 before
    rounding" there; at 4 decimals 0.2615 + 0.0915 + 0.4332 + 0.1032 + 0.1106 = 1.0000."""
    from attention_math.story import written_rows_read_one
    example, traces = builtin
    s = traces[example.focus_sentences()[0]]
    mouse = s.simple.weights[s.tokens.index("mouse")]
    assert mouse == pytest.approx([0.26146, 0.09150, 0.43324, 0.10316, 0.11064], abs=1e-5)
    assert not written_rows_read_one(mouse, 3) and written_rows_read_one(mouse, 4)


def test_undivided_inputs_are_what_each_softmax_is_given(builtin):
    """mouse's scaled row x = 1.21 0.16 1.715 0.28 0.35 (d = 4), by hand: x itself; the scores
    2.42 0.32 3.43 0.56 0.70 (x·2); with width 64's differences 9.68 1.28 13.72 2.24 2.80 (x·8);
    each one's softmax is undivided_weights' row."""
    from attention_math.core import softmax
    from attention_math.story import undivided_inputs, undivided_weights
    example, traces = builtin
    x = traces[example.focus_sentences()[0]].simple.scaled[traces[example.focus_sentences()[0]].tokens.index("mouse")]
    inputs = undivided_inputs(x, example.d)
    expected = [[1.21, 0.16, 1.715, 0.28, 0.35], [2.42, 0.32, 3.43, 0.56, 0.70], [9.68, 1.28, 13.72, 2.24, 2.80]]
    assert len(inputs) == 3
    for given, by_hand in zip(inputs, expected):
        assert given == pytest.approx(by_hand, abs=1e-3)
    for given, (_, _, weights) in zip(inputs, undivided_weights(x, example.d)):
        assert softmax(given) == pytest.approx(weights)
    # d = 1: x is the scores, then width 64's differences (x·8)
    assert [list(v) for v in undivided_inputs(np.array([1.0, 0.0]), 1)] == [[1.0, 0.0], [8.0, 0.0]]


def test_zero_in_plane_only_when_both_coordinates_read_zero(builtin):
    """and = (0.00, 1.60, ...) lies at (0, 0) of the animal-tech plane; cat (1.80, 0) and are
    (0.10, 0.10) do not; 0.004 reads 0.00 at 2 decimals but 0.004 at 3."""
    from attention_math.geometry import embedding_plane
    from attention_math.story import zero_in_plane
    example, _ = builtin
    plane = embedding_plane(example)
    xy = {w: plane.coordinates(example.embeddings[w]) for w in ("and", "cat", "are")}
    assert zero_in_plane(xy["and"])
    assert not zero_in_plane(xy["cat"]) and not zero_in_plane(xy["are"])
    assert zero_in_plane((0.004, -0.004)) and not zero_in_plane((0.004, 0.0), decimals=3)


def test_swept_turns_and_stretches_the_focus_vector_against_its_partner():
    """By hand: a = (1, 0) against b = (2, 0): turned 60° and stretched ×2 it is (1, 1.732), θ 60°,
    shadow 1 (its x), plane dot 2; turned 90° it is (0, 1), shadow 0, dot 0. mouse (1.3, 1.3)
    against cat (1.8, 0) unturned: θ 45°, shadow 1.30, dot 2.34 (the scene's 1.30 × 1.80)."""
    from attention_math.story import swept
    s = swept((1.0, 0.0), (2.0, 0.0), 60.0, 2.0)
    assert s.a == pytest.approx([1.0, math.sqrt(3)]) and s.length == pytest.approx(2.0)
    assert s.angle == pytest.approx(60.0) and s.shadow == pytest.approx(1.0) and s.plane_dot == pytest.approx(2.0)
    assert s.foot == pytest.approx([1.0, 0.0])
    r = swept((1.0, 0.0), (2.0, 0.0), 90.0)
    assert r.a == pytest.approx([0.0, 1.0], abs=1e-12) and r.shadow == pytest.approx(0.0, abs=1e-12)
    assert r.plane_dot == pytest.approx(0.0, abs=1e-12) and r.angle == pytest.approx(90.0)
    m = swept((1.3, 1.3), (1.8, 0.0))
    assert list(m.a) == [1.3, 1.3]  # exactly the true vector: the sweep ends where it began
    assert m.angle == pytest.approx(45.0) and m.shadow == pytest.approx(1.3) and m.plane_dot == pytest.approx(2.34)
    assert swept((0.0, 0.0), (1.0, 0.0)).angle is None


def test_sweep_turns_bring_the_vector_closer_then_further():
    """mouse (1.3, 1.3) at 45° above cat (1.8, 0): towards cat is clockwise, 0.6 × 45° = 27°
    (under 30°); away is anticlockwise, 30°. Below b the signs swap; θ 170° turns away only 6°.
    The dot product grows on the first turn and shrinks on the second."""
    from attention_math.story import sweep_turns, swept
    assert sweep_turns((1.3, 1.3), (1.8, 0.0)) == pytest.approx((-27.0, 30.0))
    assert sweep_turns((1.0, -1.0), (1.0, 0.0)) == pytest.approx((27.0, -30.0))
    a170 = (math.cos(math.radians(170)), math.sin(math.radians(170)))
    assert sweep_turns(a170, (1.0, 0.0)) == pytest.approx((-30.0, 6.0))
    towards, away = sweep_turns((1.3, 1.3), (1.8, 0.0))
    base = swept((1.3, 1.3), (1.8, 0.0)).plane_dot
    assert swept((1.3, 1.3), (1.8, 0.0), towards).plane_dot > base > swept((1.3, 1.3), (1.8, 0.0), away).plane_dot
    assert sweep_turns((0.0, 0.0), (1.0, 0.0)) is None


def test_gap_ratio_is_e_to_the_written_gap():
    """mouse's row: eˣ of 1.715 and 0.16 written 5.5567 and 1.1735; 55567 / 11735 = 4.7352 and
    e^1.555 = 4.7352: both 4.74. A pair whose eˣ are not those of the x (3 and 1 for x 1 and 0:
    3.00 against e = 2.72) has none; nor one whose smaller eˣ is written 0 (e^-20)."""
    from attention_math.story import gap_ratio
    row = np.array([1.21, 0.16, 1.715, 0.28, 0.35])
    assert gap_ratio(row, np.exp(row), 2, 1, 4) == pytest.approx(55567 / 11735)
    assert gap_ratio(np.array([1.0, 0.0]), np.array([3.0, 1.0]), 0, 1, 4) is None
    assert gap_ratio(np.array([0.0, -20.0]), np.exp([0.0, -20.0]), 0, 1, 4) is None


def test_written_total_adds_the_row_as_written():
    """0.261 0.091 0.433 0.103 0.111 (1 before rounding) written 0.26 0.09 0.43 0.10 0.11: 0.99."""
    from attention_math.story import written_total
    assert written_total(np.array([0.261, 0.091, 0.433, 0.103, 0.111])) == pytest.approx(0.99)
    assert written_total(np.array([0.5, 0.5])) == pytest.approx(1.0)


def test_a_sweep_readout_checks_as_written():
    """mouse (1.3, 1.3) turned 26.7° away from cat (1.8, 0): θ = 71.7°, |mouse| = 1.84, |cat| = 1.80;
    the readout's in-plane value is 1.84 × cos 71.7° × 1.80 = 1.04 (with θ in whole degrees, 72°, the
    same line would give 1.02 against a drawn 1.04)."""
    import math

    from attention_math.formatting import format_number
    from attention_math.story import swept

    now = swept((1.3, 1.3), (1.8, 0.0), degrees=26.7)
    assert format_number(now.angle, 1) == "71.7" and format_number(now.length) == "1.84"
    assert format_number(now.in_plane_as_written(1.8)) == "1.04"
    assert format_number(1.84 * math.cos(math.radians(72)) * 1.80) == "1.02"
    assert swept((0.0, 0.0), (1.8, 0.0)).in_plane_as_written(1.8) == 0.0


def test_a_positive_weight_is_never_written_zero():
    """4e-6 rounds to 0.00 at 2 decimals but is > 0: "<0.01"; 0.004 too; 0.005 rounds up to 0.01
    (half up) and is written so; 0.43 as is; a masked weight, exactly 0, stays "0.00"; at 3
    decimals 0.0004 is "<0.001"."""
    from attention_math.story import written_weight

    assert written_weight(4e-6) == "<0.01"
    assert written_weight(0.004) == "<0.01"
    assert written_weight(0.005) == "0.01"
    assert written_weight(0.43) == "0.43"
    assert written_weight(0.0) == "0.00"
    assert written_weight(0.0004, 3) == "<0.001"


def test_one_softmax_cell_is_worked_only_when_it_checks_as_written():
    """e^1.7150 = 5.55668 (written 5.5567); from x = 1.71496, written 1.7150, the same; a claimed
    5.5568 does not check. 5.5567 ÷ 12.8259 = 0.43324 (written 0.433); 0.434 does not check; a sum
    written 0 never checks."""
    from attention_math.story import exp_as_written, quotient_as_written

    assert exp_as_written(1.7150, 5.556683, 4)
    assert exp_as_written(1.71496, 5.556683, 4)
    assert not exp_as_written(1.7150, 5.5568, 4)
    assert quotient_as_written(5.5567, 12.8259, 0.43325, 4, 3)
    assert not quotient_as_written(5.5567, 12.8259, 0.434, 4, 3)
    assert not quotient_as_written(1.0, 0.00001, 0.5, 4, 3)


def test_query_seeks_key_hand_checked(builtin):
    """Head 2 of the built-in example: W_Q's q1 column is 0.50 animal + 0.50 tech, W_K's k1 column
    1.20 grammar: q1·k1 is large for a query word with animal or tech and a key word with grammar.
    A negative entry (a word pushed away) or a zero column says nothing."""
    from attention_math.story import query_seeks_key

    example, _ = builtin
    head = example.heads[1]
    assert query_seeks_key(head.w_q, head.w_k, 0) == ([0, 1], [2])
    assert query_seeks_key(np.array([[0.5], [-0.5]]), np.array([[1.0], [0.0]])) is None
    assert query_seeks_key(np.array([[0.0], [0.0]]), np.array([[1.0], [0.0]])) is None
    assert query_seeks_key(np.array([[0.2, 0.0], [1.0, 0.0]]), np.array([[0.0, -3.0], [2.0, 0.0]])) == ([1], [1])


def test_reads_all_positive_hand_checked():
    """mouse's weights 0.261 0.091 0.433 0.103 0.111 all read above 0 at 3 decimals; a weight of
    0.0004 reads 0.000 at 3 decimals (not shown positive) but 0.0004 at 4."""
    from attention_math.story import reads_all_positive

    assert reads_all_positive(np.array([0.261, 0.091, 0.433, 0.103, 0.111]), 3)
    assert not reads_all_positive(np.array([0.9996, 0.0004]), 3)
    assert reads_all_positive(np.array([0.9996, 0.0004]), 4)


def test_written_row_totals_hand_checked(builtin):
    """The built-in learned weights (dimensions), as written: cat 0.62 + 0.01 + 0.20 + 0.02 + 0.14
    = 0.99; and 5 × 0.20 = 1.00; mouse 0.32 + 0.01 + 0.54 + 0.02 + 0.11 = 1.00; are 0.24 + 0.16 + 0.22
    + 0.17 + 0.21 = 1.00; friends 0.44 + 0.09 + 0.16 + 0.10 + 0.21 = 1.00. Thirds written 0.33 add
    up to 0.99; at 3 decimals 0.333 + 0.333 + 0.334 = 1.000."""
    from attention_math.story import written_row_totals

    _, trace = builtin
    assert written_row_totals(trace[0].projected.weights) == ["0.99", "1.00", "1.00", "1.00", "1.00"]
    assert written_row_totals(np.array([1 / 3, 1 / 3, 1 / 3])) == ["0.99"]
    assert written_row_totals(np.array([0.333, 0.333, 0.334]), 3) == ["1.000"]


def test_softmax_of_written_hand_checked():
    """mouse's masked row 1.21 0.16 1.715 −∞ −∞, as the table writes it 1.21 0.16 1.72: e^1.21 = 3.353,
    e^0.16 = 1.174, e^1.72 = 5.585 (e^1.715 would be 5.557), Σ = 10.112; 3.353 ÷ 10.112 = 0.332,
    1.174 ÷ 10.112 = 0.116, 5.585 ÷ 10.112 = 0.552 (the table's 0.33 0.12 0.55). −0.444 −0.179, written
    −0.44 −0.18: e^−0.44 = 0.644, e^−0.18 = 0.835, Σ = 1.479, 0.644 ÷ 1.479 = 0.435, which reads 0.44
    where the table's softmax (0.434) writes 0.43: no working."""
    from attention_math.story import softmax_of_written

    exps, total, weights = softmax_of_written(np.array([1.21, 0.16, 1.715, -np.inf, -np.inf]))
    assert np.allclose(exps, [3.353, 1.174, 5.585, 0, 0])
    assert math.isclose(total, 10.112)
    assert np.allclose(weights, [0.332, 0.116, 0.552, 0, 0])
    assert softmax_of_written(np.array([-0.444, -0.179])) is None
    assert softmax_of_written(np.array([-np.inf, -np.inf])) is None


def test_product_of_written_differs_hand_checked():
    """0.333 × 3 = 0.999, written 1.00; from the weight as written, 0.33 × 3 = 0.99: differs.
    0.5 × 1 + 0.5 × 3 = 2.00 either way: does not. The built-in example's "and" row: exact 0.43 in
    the animal column, 0.42 from the written weights (the r13 reviewer's recomputation)."""
    from attention_math.story import product_of_written_differs

    assert product_of_written_differs(np.array([[0.333]]), np.array([[3.0]]))
    assert not product_of_written_differs(np.array([[0.5, 0.5]]), np.array([[1.0], [3.0]]))


def test_product_of_written_differs_on_the_builtin_example(builtin):
    from attention_math.story import product_of_written_differs

    _, trace = builtin
    assert product_of_written_differs(trace[0].simple.weights, trace[0].simple.v)


def test_worked_dot_sample_hand_checked():
    """The pair is dot_product_spread's own (its a·b is the sample at its index) and its working
    checks as written: each product is the written entries' product rounded, the products add up
    to the sample as written. At least 1 from 0: with least above every sample, None."""
    from attention_math.core import dot_product_spread
    from attention_math.formatting import format_number
    from attention_math.story import worked_dot_sample

    pair = worked_dot_sample(4)
    assert pair is not None and len(pair.a) == 4
    sample = dot_product_spread(4).samples[pair.index]
    assert format_number(sample, 2) == format_number(pair.total, 2) and abs(sample) >= 1.0
    for x, y, p in zip(pair.a, pair.b, pair.products):
        assert format_number(round(x * y, 10), 2) == format_number(p, 2)
    assert math.isclose(round(sum(pair.products), 2), pair.total)
    assert worked_dot_sample(4, least=1e9) is None
    # by hand: 0.89 × 1.96 = 1.7444, −0.25 × −0.75 = 0.1875, −0.86 × 0.28 = −0.2408,
    # 0.90 × −0.59 = −0.531; as written 1.74 + 0.19 − 0.24 − 0.53 = 1.16
    assert (pair.a, pair.b) == ((0.89, -0.25, -0.86, 0.90), (1.96, -0.75, 0.28, -0.59))
    assert (pair.products, pair.total) == ((1.74, 0.19, -0.24, -0.53), 1.16)


def test_spread_histogram_hand_checked():
    """Bins in units of √d: with d = 4 (√d = 2), reach 2 and step 0.5 the edges are −4, −3, …, 4;
    −1.0 falls in [−1, 0), 0.1 and 0.2 in [0, 1), 1.1 in [1, 2), 3.9 in the last bin [3, 4].
    A sample beyond the edges is refused, and the scene's own samples all fall in its bins."""
    from types import SimpleNamespace

    from attention_math.story import spread_histogram

    hist = spread_histogram(SimpleNamespace(d=4, samples=np.array([-1.0, 0.1, 0.2, 1.1, 3.9])), reach=2, step=0.5)
    assert hist.edges.tolist() == [-4.0, -3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0]
    assert hist.counts.tolist() == [0, 0, 0, 1, 2, 1, 0, 1]
    with pytest.raises(ValueError):
        spread_histogram(SimpleNamespace(d=4, samples=np.array([4.5])), reach=2, step=0.5)
    for d in (4, 64, 512):
        spread = dot_product_spread(d)
        hist = spread_histogram(spread, reach=4)
        assert hist.counts.sum() == 400 and len(hist.counts) == 32
        assert hist.edges[-1] == pytest.approx(4 * math.sqrt(d))


def test_twin_reads_the_same_hand_checked():
    """[[1, 2.421], [2.419, 3]]: 2.421 and 2.419 both read 2.42, twins; [[0, 1], [2, 0]] are not;
    a diagonal cell has no twin. The built-in example's simple scores (X·Xᵀ) are symmetric."""
    from attention_math.story import twin_reads_the_same

    assert twin_reads_the_same([[1.0, 2.421], [2.419, 3.0]], 0, 1)
    assert not twin_reads_the_same([[0.0, 1.0], [2.0, 0.0]], 0, 1)
    assert not twin_reads_the_same([[1.0, 2.0], [2.0, 1.0]], 1, 1)
    scores = trace_example(load_example(None))[0].simple.scores
    assert all(twin_reads_the_same(scores, r, c) for r in range(len(scores)) for c in range(len(scores)) if r != c)


def test_worked_output_column_hand_checked():
    """The built-in example's mouse row of the concatenation, 1.228 0.723 1.158 0.233, times W_O's
    columns: o1 = 1.105 + 0 + 0 + 0.047 (two products not zero), o2 = 0 + 0.651 + 0 + 0.047 (two),
    o3 = 0.246 + 0.145 + 1.042 + 0 (three, from both heads), o4 = 0.368 + 0 + 0 + 0.209 (two): o3.
    Heads before count: a column with three products from one head loses to one with two from
    two heads; a product rounding to 0.000 counts as zero; ties go to the first column."""
    from attention_math.story import worked_output_column

    example = load_example(None)
    s = trace_example(example)[0]
    m = s.multi_head
    i = list(s.tokens).index("mouse")
    widths = [h.d_v for h in m.heads]
    assert worked_output_column(m.concat[i], m.w_o, widths) == 2
    w = np.array([[1.0, 1.0], [1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    assert worked_output_column([1.0, 1.0, 1.0, 1.0], w, [3, 1]) == 1  # (3 products, 1 head) < (2, 2)
    assert worked_output_column([1.0, 1.0, 1.0, 0.0001], w, [3, 1]) == 0  # 0.0001 reads 0.000
    assert worked_output_column([1.0, 1.0], np.eye(2), [1, 1]) == 0  # a tie: the first


def test_divisor_split_hand_checked(builtin):
    """The learned row's largest weight, as each cause leaves it: mouse in the cat sentence,
    0.43 simplified, 0.46 with W_Q and W_K alone (÷ √4), 0.54 at √d_k = √2."""
    from attention_math.story import divisor_split
    split = divisor_split(np.array([0.2, 0.5, 0.3]), np.array([0.3, 0.4, 0.3]), np.array([0.1, 0.3, 0.6]))
    assert (split.word, split.simple, split.same, split.learned) == (2, 0.3, 0.3, 0.6)
    example, traces = builtin
    s = traces[0]
    i = s.tokens.index("mouse")
    split = divisor_split(s.simple.weights[i], s.projected_at_d.weights[i], s.projected.weights[i])
    assert s.tokens[split.word] == "mouse"
    assert np.round([split.simple, split.same, split.learned], 2).tolist() == [0.43, 0.46, 0.54]
    # the two rows compared on screen move most at mouse (up) and 'are' (down)
    gain, loss = largest_changes(s.simple.weights[i], s.projected.weights[i])
    assert (s.tokens[gain], s.tokens[loss]) == ("mouse", "are")
    assert np.round([s.simple.weights[i][loss], s.projected.weights[i][loss]], 2).tolist() == [0.10, 0.02]


def test_zero_query_rows_hand_checked():
    """A query of exact zeros scores 0 with every key, so its weights are all 1/n. Built-in: 'and'
    is (0, 0, 1.6, 0) and W_Q's grammar row is (0, 0), so its query is (0, 0): row 1, whose scores
    are all 0 and whose five weights are all 0.2. The second example has no zero query."""
    from attention_math.story import zero_query_rows

    assert zero_query_rows([[0.0, 0.0], [0.001, 0.0], [0.0, 0.0]]) == [0, 2]
    assert zero_query_rows([[1.0, 0.0], [0.0, -0.5]]) == []
    assert zero_query_rows([[1e-13, -1e-12], [1e-11, 0.0]]) == [0]  # 1e-12 is dust, 1e-11 is not
    s = trace_example(load_example(None))[0]
    p = s.projected
    assert zero_query_rows(p.q) == [1] and s.tokens[1] == "and"
    assert np.all(p.scores[1] == 0.0) and np.all(p.scaled[1] == 0.0)
    assert np.allclose(p.weights[1], 0.2)
    from pathlib import Path

    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    assert zero_query_rows(trace_example(second)[0].projected.q) == []


def test_recomputing_decimals_hand_checked():
    from attention_math.story import recomputing_decimals

    # mouse next to cat (built-in), animal and tech of cat, and, mouse, are, friends
    weights = [0.2611, 0.0909, 0.4330, 0.1034, 0.1115]
    values = [[1.80, 0.00], [0.00, 0.00], [1.30, 1.30], [0.10, 0.10], [0.40, 0.00]]
    # exact: animal 0.46998 + 0.5629 + 0.01034 + 0.0446 = 1.08782 -> 1.09; tech 0.5629 + 0.01034 = 0.57324 -> 0.57
    # at 2 decimals: 0.468 + 0.559 + 0.010 + 0.044 = 1.081 -> 1.08 (differs); at 3: 0.4698 + 0.5629 + 0.0103 + 0.0444 = 1.0874 -> 1.09
    assert recomputing_decimals(weights, values) == 3
    # weights exact at 2 decimals recompute at 2
    assert recomputing_decimals([0.5, 0.5], [[1.0, 0.2], [0.0, 0.4]]) == 2
    # never more than `most`
    assert recomputing_decimals([1 / 3, 2 / 3], [[0.01, 0.0], [0.0, 0.0]], most=2) == 2


def test_nearly_the_same_weights_hand_checked():
    from attention_math.story import nearly_the_same_weights

    cat = [0.2611, 0.0909, 0.4330, 0.1034, 0.1115]
    keyboard = [0.2580, 0.0900, 0.4400, 0.1020, 0.1100]   # largest difference 0.007
    assert nearly_the_same_weights(cat, keyboard)
    assert not nearly_the_same_weights(cat, [0.20, 0.09, 0.49, 0.10, 0.12])  # 0.06 apart in two places
    assert not nearly_the_same_weights(cat, cat[:4])  # sentences of different lengths: no place-by-place claim


def test_built_in_contexts_have_nearly_the_same_weights():
    from attention_math.story import nearly_the_same_weights

    focus = [s for s in trace_example(load_example(None)) if "mouse" in s.tokens][:2]
    rows = [s.simple.weights[list(s.tokens).index("mouse")] for s in focus]
    assert nearly_the_same_weights(*rows)


def test_key_row_behind_drops_hand_checked(builtin):
    """Built-in mouse next to cat: q = (1.35, 1.25); W_K's grammar row (−0.5, −0.5) · q = −1.3.
    'are' (x = 0.1, 0.1, 1.4, 0.2) scores 0.1·1.35 + 0.1·1.25 + 1.4·(−1.3) + 0.2·(0.5·1.35)
    = 0.135 + 0.125 − 1.82 + 0.135 = −1.425: below zero because of grammar's −1.82 (the other three add to 0.395 ≥ 0).
    'and' (x = 0, 0, 1.6, 0) scores 1.6·(−1.3) = −2.08, grammar alone. Both lose weight
    (are 0.10 -> 0.02, the largest loss; and 0.09 -> 0.01); nothing is said for the second example
    (mouse's own weight drops there, and no one row outweighs the rest)."""
    from pathlib import Path

    from attention_math.story import key_row_behind_drops

    example, traces = builtin
    s = traces[0]
    i = s.tokens.index("mouse")
    p = s.projected
    found = key_row_behind_drops(p.q[i], s.input, p.w_k, s.simple.weights[i], p.weights[i])
    assert example.dims[found.row] == "grammar"
    assert [s.tokens[j] for j in found.words] == ["are", "and"]
    assert np.round(found.terms, 3).tolist() == [-1.82, -2.08]
    # by hand: one row outweighs, one does not, no loss at all
    q, w = np.array([1.0, 1.0]), np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, -1.0]])  # rows · q: 1, 1, −2
    x = np.array([[0.0, 0.0, 1.0], [1.0, 1.0, 1.0], [2.0, 0.0, 0.0]])  # scores −2, 0, 2
    found = key_row_behind_drops(q, x, w, np.array([0.3, 0.3, 0.4]), np.array([0.1, 0.2, 0.7]))
    assert (found.row, found.words, found.terms) == (2, [0], [-2.0])  # word 1: −2 against 1 + 1, not more
    assert key_row_behind_drops(q, x, w, np.array([0.3, 0.3, 0.4]), np.array([0.3, 0.1, 0.6])) is None  # word 1 loses
    assert key_row_behind_drops(q, x, w, np.array([0.3, 0.3, 0.4]), np.array([0.3, 0.3, 0.4])) is None
    # the other terms below zero too: the key points away without the row, so no row is named
    # (q = (1, 1), W_K rows · q: −3, −1; word 0 = (1, 1) scores −3 − 1 = −4, its others −1 < 0);
    # word 0 = (1, 0) scores −3 with others 0: row 0 turns it
    q, w = np.array([1.0, 1.0]), np.array([[-3.0, 0.0], [0.0, -1.0]])
    lose_first = (np.array([0.5, 0.5]), np.array([0.2, 0.8]))
    assert key_row_behind_drops(q, np.array([[1.0, 1.0], [0.0, 1.0]]), w, *lose_first) is None
    assert key_row_behind_drops(q, np.array([[1.0, 0.0], [0.0, 1.0]]), w, *lose_first) == (0, [0], [-3.0])
    # a negative value against a row that points towards the query: W_K rows · q = 2, 1; word 0 =
    # (−1, 0.5) scores −2 + 0.5 = −1.5 with others 0.5 ≥ 0, but row 0 does not point away
    w = np.array([[2.0, 0.0], [0.0, 1.0]])
    assert key_row_behind_drops(q, np.array([[-1.0, 0.5], [0.0, 1.0]]), w, *lose_first) is None
    # mixed terms: W_K rows · q = −4, 3, −1. Word 0 = (1, 1, 1): −4 + 3 − 1 = −2, others 2 ≥ 0,
    # but −4 does not outweigh |3| + |−1| = 4; word 0 = (1, 0.9, 1): −4 + 2.7 − 1 = −2.3, 4 > 3.7
    w = np.array([[-4.0, 0.0], [3.0, 0.0], [-1.0, 0.0]])
    other = [0.0, 0.0, 1.0]
    assert key_row_behind_drops(q, np.array([[1.0, 1.0, 1.0], other]), w, *lose_first) is None
    assert key_row_behind_drops(q, np.array([[1.0, 0.9, 1.0], other]), w, *lose_first) == (0, [0], [-4.0])
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    t = trace_example(second)[0]
    j = t.tokens.index(second.focus)
    assert key_row_behind_drops(t.projected.q[j], t.input, t.projected.w_k, t.simple.weights[j],
                                t.projected.weights[j]) is None


def test_running_totals_count_up_to_the_sum(builtin):
    """The softmax scene's Σ counted up as each eˣ of mouse's row is added (by hand, from the eˣ as
    written: 3.3535, + 1.1735 = 4.5270, + 5.5567 = 10.0837, + 1.3231 = 11.4068, + 1.4191 = 12.8259)."""
    from attention_math.breakdown import softmax_row
    from attention_math.formatting import format_number
    from attention_math.story import running_totals
    assert running_totals([1.0, 2.0, 3.5], 1) == [1.0, 3.0, 6.5]
    assert running_totals([], 4) == []
    # the written numbers are added, not the unrounded ones: 0.335 + 0.335 reads 0.34 + 0.34 = 0.68
    # (0.67 unrounded, which a viewer adding the screen's numbers would take for a slip)
    assert running_totals([0.3351, 0.3351], 2) == [0.34, 0.68]
    example, traces = builtin
    s = traces[example.focus_sentences()[0]]
    parts = softmax_row(s.simple.scaled[s.tokens.index(example.focus)])
    run = running_totals(parts.exps, 4)
    assert [format_number(v, 4) for v in run] == ["3.3535", "4.5270", "10.0837", "11.4068", "12.8259"]
    assert run[-1] == pytest.approx(parts.total, abs=1e-4)
    assert all(b > a for a, b in zip(run, run[1:]))  # eˣ > 0: it only grows


def test_largest_gain_besides_names_the_next_word_that_rises(builtin):
    """By hand: built-in mouse, simplified 0.261 0.091 0.433 0.103 0.111 → learned 0.317 0.013
    0.538 0.021 0.111; mouse (+0.105) and are (−0.082) are said first; of cat +0.056, and −0.078,
    friends +0.000, cat rises most: 0.26 → 0.32 as written."""
    from attention_math.formatting import format_number
    from attention_math.story import largest_gain_besides
    assert largest_gain_besides([0.5, 0.5], [0.7, 0.3], []) == 0
    assert largest_gain_besides([0.5, 0.5], [0.7, 0.3], [0]) is None  # the other only falls
    assert largest_gain_besides([0.3, 0.3, 0.4], [0.305, 0.3, 0.395], []) is None  # under CHANGE_MARGIN
    assert largest_gain_besides([0.5], [0.6], [0]) is None
    example, traces = builtin
    s = traces[example.focus_sentences()[0]]
    i = s.tokens.index(example.focus)
    before, after = s.simple.weights[i], s.projected.weights[i]
    j = largest_gain_besides(before, after, [2, 3])
    assert s.tokens[j] == "cat"
    assert (format_number(before[j]), format_number(after[j])) == ("0.26", "0.32")


def test_mirrored_score_hand_checked(builtin):
    """Scores = Input·Inputᵀ is symmetric: the worked cell and its mirror hold one value; said only
    where the learned scores at those two cells differ."""
    from pathlib import Path

    from attention_math.story import mirrored_score
    # by hand: X = [[1, 2], [3, 0]]: X Xᵀ = [[5, 3], [3, 9]]; learned [[1, 2], [4, 1]] differs at (0, 1)/(1, 0)
    x = np.array([[1.0, 2.0], [3.0, 0.0]])
    found = mirrored_score(x @ x.T, np.array([[1.0, 2.0], [4.0, 1.0]]), 0, 1)
    assert (found.cell, found.mirror, found.value) == ((0, 1), (1, 0), 3.0)
    assert mirrored_score(x @ x.T, np.array([[1.0, 2.0], [2.0, 1.0]]), 0, 1) is None  # learned symmetric there
    assert mirrored_score(x @ x.T, np.array([[1.0, 2.0], [4.0, 1.0]]), 1, 1) is None  # a diagonal cell
    assert mirrored_score(np.array([[5.0, 3.0], [3.5, 9.0]]), np.array([[1.0, 2.0], [4.0, 1.0]]), 0, 1) is None
    # the built-in, mouse (2) against cat (0): 1.30·1.80 + 1.30·0 + 0.20·0.20 + 0.10·0.40 = 2.42 both ways
    example, traces = builtin
    t = traces[0]
    found = mirrored_score(t.simple.scores, t.projected.scores, 2, 0)
    assert (found.cell, found.mirror) == ((2, 0), (0, 2))
    assert found.value == pytest.approx(1.30 * 1.80 + 1.30 * 0.0 + 0.20 * 0.20 + 0.10 * 0.40)
    assert t.projected.scores[2, 0] == pytest.approx(2.44, abs=0.005)  # learned: 2.44 against 2.26
    assert t.projected.scores[0, 2] == pytest.approx(2.26, abs=0.005)
    # the second example's focus row and its strongest neighbour, both its sentences: a pair is found
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    for t in trace_example(second):
        i = t.tokens.index(second.focus)
        j = int(np.argmax([v if k != i else -np.inf for k, v in enumerate(t.simple.scores[i])]))
        assert mirrored_score(t.simple.scores, t.projected.scores, i, j) is not None



def test_times_as_written_gives_each_value_the_decimals_its_product_checks_with():
    from attention_math.story import times_as_written
    # by hand: 1.716 × 2 = 3.432 → "3.43"; written "1.72", × 2 = 3.44 would not check: 3 decimals.
    # 0.16 × 2 = 0.32 checks at 2.
    assert times_as_written([1.716, 0.16], 2.0) == ["1.716", "0.16"]
    # 0.12345 × 10 = 1.2345 → "1.23": 0.12 × 10 = 1.20 no, 0.123 × 10 = 1.23 yes
    assert times_as_written([0.12345], 10.0) == ["0.123"]
    # none checks up to `most`: written at `most`
    assert times_as_written([0.123456], 1000.0, most=3) == ["0.123"]


def test_factor_as_written_gives_the_factor_the_decimals_every_product_checks_with():
    import math
    from attention_math.story import factor_as_written
    # 3.43 × 4 = 13.72, 0.32 × 4 = 1.28: "4" checks
    assert factor_as_written([3.43, 0.32], 4.0) == "4"
    # by hand, √8 = 2.8284: 1.44 × 2.8284 = 4.073 → "4.07"; × 3 = 4.32, × 2.8 = 4.032, × 2.83 = 4.075 → 4.08
    # do not check; × 2.828 = 4.072 does
    assert factor_as_written([1.44], math.sqrt(8)) == "2.828"


def test_even_head_split_says_d_is_heads_times_width_only_when_it_is():
    from pathlib import Path
    from attention_math.story import even_head_split
    # by hand: 2 heads of 2 fill d = 4; 2 of 4 fill 8; 4 of 2 fill 8
    assert even_head_split(4, [2, 2]) == (2, 2)
    assert even_head_split(8, [4, 4]) == (2, 4)
    assert even_head_split(8, [2, 2, 2, 2]) == (4, 2)
    # one head, unequal widths, widths that do not add up to d: nothing said
    assert even_head_split(4, [4]) is None
    assert even_head_split(4, [1, 3]) is None
    assert even_head_split(6, [2, 2]) is None
    # the built-in example (d = 4, two heads of 2) and the second (d = 8, two heads of 4), as the
    # multihead scene draws their heads
    for ex, expected in ((load_example(), (2, 2)), (load_example(Path(__file__).parent / "data" / "second.yaml"), (2, 4))):
        t = trace_example(ex)[ex.focus_sentences()[0]]
        assert even_head_split(ex.d, [h.q.shape[1] for h in t.multi_head.heads]) == expected


def test_variance_parts_measures_one_product_and_the_sums_by_hand():
    from types import SimpleNamespace
    import numpy as np
    from attention_math.story import variance_parts
    # by hand, d = 2, two pairs: a = (1, -1), b = (1, 1) → products 1, -1, sum 0;
    # a = (2, 0), b = (1, 3) → products 2, 0, sum 2. Products 1, -1, 2, 0: mean 0.5, squares of the
    # deviations 0.25 + 2.25 + 2.25 + 0.25 = 5, variance 5 / 4 = 1.25. Sums 0, 2: variance 1.
    sp = SimpleNamespace(d=2, a=np.array([[1.0, -1.0], [2.0, 0.0]]), b=np.array([[1.0, 1.0], [1.0, 3.0]]),
                         samples=np.array([0.0, 2.0]))
    parts = variance_parts([sp])
    assert parts.product == 1.25 and parts.sums == (1.0,)
    assert not parts.adds_up  # 1 is not about 2
    # the scene's samples: one product's variance about 1, each width's sums about d
    from attention_math.core import dot_product_spread
    from attention_math.story import WIDER_WIDTHS, is_about
    for d in (4, 8):  # the two examples' widths
        real = variance_parts([dot_product_spread(w) for w in (d, *WIDER_WIDTHS)])
        assert is_about(real.product, 1.0) and real.adds_up


def test_arrow_length_written_by_hand():
    from attention_math.story import arrow_length
    # 3-4-5; mouse (1.3, 1.3): 1.3 · √2 = 1.8385 → 1.84; the output next to cat (1.0884, 0.5735):
    # 1.1846 + 0.3289 = 1.5135, √ = 1.2303 → 1.23 (shorter, as the scene says)
    assert arrow_length((3.0, 4.0)) == "5.00"
    assert arrow_length((1.3, 1.3)) == "1.84"
    assert arrow_length((1.0884, 0.5735)) == "1.23"
    assert arrow_length((-0.3, 0.0)) == "0.30"


def test_key_swings_start_without_the_row_and_end_at_the_key(builtin):
    """Built-in mouse next to cat, W_K's grammar row (−0.5, −0.5): 'are' (x = 0.1, 0.1, 1.4, 0.2)
    has the key 0.1·(1, 0) + 0.1·(0, 1) + 1.4·(−0.5, −0.5) + 0.2·(0.5, 0) = (−0.5, −0.6); without
    the grammar row's 1.4·(−0.5, −0.5) = (−0.7, −0.7) it is (0.2, 0.1). 'and' (x = 0, 0, 1.6, 0)
    is all grammar: (0, 0) without it, 1.6·(−0.5, −0.5) = (−0.8, −0.8) with it."""
    from attention_math.story import KeyRowDrop, key_row_behind_drops, key_swings

    _, traces = builtin
    s = traces[0]
    i = s.tokens.index("mouse")
    p = s.projected
    drop = key_row_behind_drops(p.q[i], s.input, p.w_k, s.simple.weights[i], p.weights[i])
    swings = key_swings(s.input, p.w_k, drop)
    assert [s.tokens[sw.word] for sw in swings] == ["are", "and"]
    assert np.round(swings[0].start, 6).tolist() == [0.2, 0.1]
    assert np.round(swings[0].end, 6).tolist() == [-0.5, -0.6]
    assert swings[0].amount == pytest.approx(1.4)
    assert np.round(swings[1].start, 6).tolist() == [0.0, 0.0]
    assert np.round(swings[1].end, 6).tolist() == [-0.8, -0.8]
    assert swings[1].amount == pytest.approx(1.6)
    for sw in swings:  # the end is the key the scene draws
        assert sw.end == pytest.approx(p.k[sw.word])
    # by hand: W_K rows (1, 0), (0, 2), (−1, 1); word x = (2, 1, 3): key (2 − 3, 2 + 3) = (−1, 5),
    # row 2's part 3·(−1, 1) = (−3, 3), so it starts at (2, 2)
    w = np.array([[1.0, 0.0], [0.0, 2.0], [-1.0, 1.0]])
    (sw,) = key_swings(np.array([[2.0, 1.0, 3.0]]), w, KeyRowDrop(2, [0], [0.0]))
    assert (sw.word, sw.start.tolist(), sw.end.tolist(), sw.amount) == (0, [2.0, 2.0], [-1.0, 5.0], 3.0)


def test_zero_query_rows_in_every_head_hand_checked():
    """The multihead scene says "and's query is 0 in both heads: scores all 0, so 0.20 each" from
    zero_query_rows of each head's Q. Built-in: 'and' is (0, 0, 1.6, 0), grammar only; head 1's W_Q
    is ((1, 0), (0, 1), (0, 0), (0, 0)) and head 2's ((0.5, 0), (0.5, 0), (0, 0), (0, 1)): both
    grammar rows (0, 0), so 'and''s query is (0, 0) in both heads, its five scores 0 and its five
    weights 1/5 = 0.20 in each. The second example: no word's query is 0 in any head (nothing said)."""
    from pathlib import Path

    from attention_math.story import zero_query_rows

    s = trace_example(load_example(None))[0]
    assert s.tokens[1] == "and" and s.input[1].tolist() == [0.0, 0.0, 1.6, 0.0]
    for head in s.multi_head.heads:
        assert head.w_q[2].tolist() == [0.0, 0.0]
        assert zero_query_rows(head.q) == [1]
        assert np.all(head.scores[1] == 0.0)
        assert np.allclose(head.weights[1], 0.2)
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    for trace in trace_example(second):
        assert all(zero_query_rows(head.q) == [] for head in trace.multi_head.heads)


def test_score_multiplications_hand_checked():
    """The dimensions scene's count under mouse's two rows of scores: built-in, 5 words, d = 4 and
    d_k = 2: 25 scores of 4 products each is 100, of 2 each 50 (half). The second example: 8 words,
    d = d_k = 8: 64 scores of 8 products, 512 both ways (nothing saved, as said there)."""
    from pathlib import Path

    from attention_math.story import score_multiplications

    s = trace_example(load_example(None))[0]
    n, d, d_k = len(s.tokens), s.input.shape[1], s.projected.d_k
    assert (n, d, d_k) == (5, 4, 2)
    assert score_multiplications(n, d) == 100 and score_multiplications(n, d_k) == 50
    second = trace_example(load_example(Path(__file__).parent / "data" / "second.yaml"))[0]
    assert (len(second.tokens), second.input.shape[1], second.projected.d_k) == (8, 8, 8)
    assert score_multiplications(8, 8) == 512


def test_head_split_cost_hand_checked():
    """Split into heads, the scores cost what one head as wide as d costs: built-in, 5 words, d = 4,
    2 heads of 2: 2 · (5 · 5 · 2) = 100 = 5 · 5 · 4. The second example: 8 words, d = 8, 2 heads of
    4: 2 · 256 = 512 = 64 · 8. Unequal widths, or one head: nothing."""
    from pathlib import Path

    from attention_math.story import HeadSplitCost, head_split_cost

    s = trace_example(load_example(None))[0]
    widths = [h.q.shape[1] for h in s.multi_head.heads]
    assert widths == [2, 2]
    assert head_split_cost(5, 4, widths) == HeadSplitCost(2, 2, 100, 100)
    second = trace_example(load_example(Path(__file__).parent / "data" / "second.yaml"))[0]
    assert head_split_cost(8, 8, [h.q.shape[1] for h in second.multi_head.heads]) == HeadSplitCost(2, 4, 512, 512)
    assert head_split_cost(5, 4, [3, 1]) is None and head_split_cost(5, 4, [4]) is None
    assert head_split_cost(3, 6, [2, 2, 2]) == HeadSplitCost(3, 2, 54, 54)



def test_swapped_in_plane_hand_checked():
    """Built-in, plane (animal, tech): cat (1.8, 0) / keyboard (0, 1.8); and (0, 0) / and;
    mouse (1.3, 1.3) / mouse; are (0.1, 0.1) / are; friends (0.4, 0) / useful (0, 0.4): a mirror,
    the words that differ paired. Not a mirror where one place is not swapped, or lengths differ."""
    from attention_math.story import swapped_in_plane

    first = ["cat", "and", "mouse", "are", "friends"]
    second = ["keyboard", "and", "mouse", "are", "useful"]
    a = [[1.8, 0.0], [0.0, 0.0], [1.3, 1.3], [0.1, 0.1], [0.4, 0.0]]
    b = [[0.0, 1.8], [0.0, 0.0], [1.3, 1.3], [0.1, 0.1], [0.0, 0.4]]
    assert swapped_in_plane(first, a, second, b) == [("cat", "keyboard"), ("friends", "useful")]
    assert swapped_in_plane(first, a, second, [[0.0, 1.8], [0.0, 0.0], [1.3, 1.3], [0.1, 0.1], [0.4, 0.0]]) is None
    assert swapped_in_plane(first, a, second[:4], b[:4]) is None
    assert swapped_in_plane(first, a, first, a) is None  # the same sentence, symmetric nowhere: not a mirror
    assert swapped_in_plane(["mouse"], [[1.3, 1.3]], ["mouse"], [[1.3, 1.3]]) is None  # nothing differs


def test_swapped_in_plane_built_in_and_second():
    from pathlib import Path

    from attention_math.geometry import embedding_plane
    from attention_math.story import swapped_in_plane

    for path, expected in ((None, [("cat", "keyboard"), ("friends", "useful")]),
                           (Path(__file__).parent / "data" / "second.yaml", None)):
        example = load_example(path)
        plane = embedding_plane(example)
        focus = [s for s in trace_example(example) if example.focus in s.tokens][:2]
        xy = [plane.coordinates(s.simple.v) for s in focus]
        assert swapped_in_plane(focus[0].tokens, xy[0], focus[1].tokens, xy[1]) == expected


def test_softmax_reads_as_written_hand_checked():
    """Built-in head 2, mouse's scaled row 0.2489 1.7649 0.2277 1.5585 0.4158 (weights 0.09 0.40 0.09
    0.32 0.10). Written at 3 decimals: e^0.249 = 1.28275, e^1.765 = 5.84149, e^0.228 = 1.25608,
    e^1.559 = 4.75404, e^0.416 = 1.51592, Σ = 14.65028, 4.75404 ÷ 14.65028 = 0.3245: 0.32, and the
    rest read as the table: yes. At 2 decimals: e^1.56 = 4.7588 of Σ 14.6358 = 0.3251: 0.33: no.
    A masked score weighs 0 both ways; a row all masked has no softmax."""
    from attention_math.story import softmax_reads_as_written

    s = trace_example(load_example(None))[0]
    row = s.multi_head.heads[1].scaled[list(s.tokens).index("mouse")]
    assert np.allclose(row, [0.2489, 1.7649, 0.2277, 1.5585, 0.4158], atol=5e-5)
    assert softmax_reads_as_written(row, 3) and not softmax_reads_as_written(row, 2)
    assert softmax_reads_as_written(np.array([1.21, 0.16, 1.715, -np.inf, -np.inf]), 2)
    assert not softmax_reads_as_written(np.array([-np.inf, -np.inf]), 2)


def test_pulled_towards_built_in_and_second():
    """Built-in: mouse (1.30, 1.30) is at 45°; its output (1.0884, 0.5735) at atan(0.5735/1.0884)
    = 27.79°: 17.21° nearer the animal axis, and nearer cat (1.80, 0, at 0°), its most weighted
    neighbour (0.261): "pulled towards cat, 17° towards animal". Second example: mouse (1.1, 1.2)
    at 47.49°, output (0.5392, 0.4656) at 40.81°: 6.68° (7° as written) towards animal, and 猫
    (1.6, −0.4, at −14.04°; weight 0.146) goes from 61.53° away to 54.85°. A word pulled away
    from its neighbour, or not turned at all, is no pull."""
    from pathlib import Path

    from attention_math.geometry import embedding_plane
    from attention_math.story import pulled_towards

    for path, word, degrees in ((None, "cat", 17.21), (Path(__file__).parent / "data" / "second.yaml", "猫", 6.68)):
        example = load_example(path)
        s = trace_example(example)[example.focus_sentences()[0]]
        plane = embedding_plane(example)
        i = list(s.tokens).index(example.focus)
        pull = pulled_towards(s.tokens, plane.coordinates(s.input), s.simple.weights[i], example.focus,
                              plane.coordinates(s.simple.output[i:i + 1])[0])
        assert pull is not None and s.tokens[pull.word] == word and pull.axis == 0
        assert pull.degrees == pytest.approx(degrees, abs=0.01)
    xy = np.array([[1.8, 0.0], [1.3, 1.3]])
    assert pulled_towards(["cat", "mouse"], xy, [0.5, 0.5], "mouse", [0.9, 1.2]) is None  # away from cat
    assert pulled_towards(["cat", "mouse"], xy, [0.5, 0.5], "mouse", [1.0, 1.0]) is None  # not turned
    assert pulled_towards(["cat", "mouse"], xy, [0.5, 0.5], "mouse", [1.3, 0.7]) == (0, 0, pytest.approx(16.70, abs=0.01))
    # swung past the neighbour: cat at 10°, mouse at 45°, the output at 0° turned 45° but came only
    # 35° − 10° = 25° nearer cat: "pulled 45° towards cat" would overstate it
    past = np.array([[1.8, 1.8 * np.tan(np.radians(10.0))], [1.3, 1.3]])
    assert pulled_towards(["cat", "mouse"], past, [0.5, 0.5], "mouse", [1.0, 0.0]) is None
    assert pulled_towards(["cat", "mouse"], past, [0.5, 0.5], "mouse", [1.0, 0.5]) is not None  # 26.6°, between


def test_score_products_hand_checked():
    """Built-in mouse · and, at d = 4 (inputs): 1.30·0 + 1.30·0 + 0.20·1.60 + 0.10·0 = 0.32; at d_k = 2
    (mouse's query (1.35, 1.25), and's key (−0.80, −0.80)): 1.35·(−0.80) = −1.08, 1.25·(−0.80) = −1.00,
    −2.08. Products that do not add up as written to the total as written: None."""
    from attention_math.story import score_products

    s = trace_example(load_example(None))[0]
    tokens = list(s.tokens)
    i, j = tokens.index("mouse"), tokens.index("and")
    wide = score_products(s.input[i], s.input[j])
    assert wide.products == ["0.00", "0.00", "0.32", "0.00"] and wide.total == "0.32"
    narrow = score_products(s.projected.q[i], s.projected.k[j])
    assert narrow.products == ["−1.08", "−1.00"] and narrow.total == "−2.08"
    assert score_products([0.004, 0.004], [1.0, 1.0]) is None  # 0.00 + 0.00 written, 0.01 the total
    assert score_products([1.0], [1.0, 2.0]) is None


def test_mirror_pair_scores_hand_checked():
    """Built-in, plane (animal, tech): mouse (1.30, 1.30, 0.20, 0.10) is its own mirror there.
    cat (1.80, 0, 0.20, 0.40): in the plane 1.30·1.80 + 1.30·0 = 2.34, the rest 0.20·0.20 + 0.10·0.40
    = 0.04 + 0.04 = 0.08, score 2.42. keyboard (0, 1.80, 0.20, 0): 2.34 too, the rest 0.04 + 0 = 0.04,
    2.38. Not said where mouse is not its own mirror (the second example: 1.10, 1.20), or where the
    rests are the same (nothing then to tell the weights apart)."""
    from pathlib import Path

    from attention_math.formatting import format_number
    from attention_math.geometry import embedding_plane
    from attention_math.story import mirror_pair_scores

    mouse, cat, keyboard = [1.3, 1.3, 0.2, 0.1], [1.8, 0.0, 0.2, 0.4], [0.0, 1.8, 0.2, 0.0]
    found = mirror_pair_scores(mouse, cat, keyboard, (0, 1))
    assert found == ("2.34", ("0.08", "0.04"), ("2.42", "2.38"))
    assert mirror_pair_scores([1.1, 1.2, 0.2, 0.1], cat, keyboard, (0, 1)) is None
    assert mirror_pair_scores(mouse, cat, [0.0, 1.8, 0.2, 0.4], (0, 1)) is None  # the rests the same
    assert mirror_pair_scores(mouse, cat, [0.0, 1.7, 0.2, 0.0], (0, 1)) is None  # 2.21 ≠ 2.34 in the plane
    # the built-in's own traces: the scores as the scene's earlier steps show them
    example = load_example(None)
    s = trace_example(example)[0]
    i = list(s.tokens).index("mouse")
    assert format_number(s.simple.scores[i, list(s.tokens).index("cat")], 2) == "2.42"
    assert mirror_pair_scores(example.embeddings["mouse"], example.embeddings["cat"],
                              example.embeddings["keyboard"], embedding_plane(example).axes) == found
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    assert mirror_pair_scores(second.embeddings["mouse"], second.embeddings["猫"], second.embeddings["wireless"],
                              embedding_plane(second).axes) is None


def test_undivided_weights_of_the_second_example_go_to_one_word():
    """What the scaling scene's last line says of both examples ("undivided, at width 64, softmax would give
    nearly all the weight to one word"), for the second example (d = 8): mouse's scores are -0.37 1.44 0.82
    -0.15 3.31 0.24 0.71 -0.03; with the differences of width 64 (scores × √64/√8 = × 2.83) mouse's 9.36 is
    5.29 above 猫's 4.07, 7.04 above chased's 2.32 and further above the rest: by hand e^-5.29 = 0.0050,
    e^-7.04 = 0.0009, e^-7.35 = 0.0006, the other four together 0.0003, so mouse's weight is 1 / 1.0069 =
    0.993, and no other word's above 0.005."""
    from pathlib import Path

    from attention_math.story import nearly_all_to_one, undivided_weights
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    s = trace_example(second)[second.focus_sentences()[0]]
    i = s.tokens.index("mouse")
    assert s.simple.scores[i] == pytest.approx([-0.37, 1.44, 0.82, -0.15, 3.31, 0.24, 0.71, -0.03], abs=0.005)
    factor, width, weights = undivided_weights(s.simple.scaled[i], second.d)[-1]
    assert (width, factor) == (64, pytest.approx(math.sqrt(64 / 8)))
    assert weights[i] == pytest.approx(0.993, abs=1e-3)
    assert max(w for k, w in enumerate(weights) if k != i) == pytest.approx(0.005, abs=5e-4)
    assert nearly_all_to_one(weights)


def test_weights_ratio_as_written_hand_checked():
    """Built-in, mouse's row: weights 0.43323971 (mouse) and 0.09149563 (and); their eˣ 5.5567 ÷ 1.1735
    = 4.7352 (4.74). By hand: 0.433 ÷ 0.091 = 4.758 (4.76), 0.4332 ÷ 0.0915 = 4.7344 (4.73), 0.43324 ÷
    0.09150 = 4.7349 (4.73), 0.433240 ÷ 0.091496 = 4.7351 (4.74): written at 6 decimals. A smaller weight
    written 0 at every decimals allowed: None."""
    from attention_math.story import weights_ratio_as_written

    weights = [0.26148, 0.09149562701591275, 0.43323971059406097, 0.10316, 0.11064]
    assert weights_ratio_as_written(weights, 2, 1, 5.5567 / 1.1735) == ("0.433240", "0.091496", "4.74")
    assert weights_ratio_as_written(weights, 2, 1, 4.76) == ("0.433", "0.091", "4.76")
    assert weights_ratio_as_written([0.9999999, 0.0000001], 0, 1, 4.74) is None


def test_like_seeks_like_hand_checked():
    """Head 1 of the built-in: W_Q = W_K = ((1, 0), (0, 1), (0, 0), (0, 0)): column 1 reads animal
    (dim 0) on both sides, column 2 tech (dim 1): "animal seeks animal, tech seeks tech" is said.
    Head 2: W_Q's first column (0.5, 0.5, 0, 0) reads animal and tech, W_K's (0, 0, 1.2, 0) grammar:
    not like with like. The second example: every head's columns have negative entries: never said."""
    from pathlib import Path

    from attention_math.story import like_seeks_like

    s = trace_example(load_example(None))[0]
    h1, h2 = s.multi_head.heads
    assert h1.w_q.tolist() == [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [0.0, 0.0]]
    assert h1.w_k.tolist() == h1.w_q.tolist()
    assert like_seeks_like(h1.w_q, h1.w_k) == [[0], [1]]
    assert like_seeks_like(h2.w_q, h2.w_k) is None
    # the same dims read crosswise (animal seeks tech, tech seeks animal): not like with like
    assert like_seeks_like(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[0.0, 1.0], [1.0, 0.0]])) is None
    # two columns reading the same dim: None; a negative entry: None
    assert like_seeks_like(np.array([[1.0, 1.0], [0.0, 0.0]]), np.array([[1.0, 1.0], [0.0, 0.0]])) is None
    assert like_seeks_like(np.array([[1.0, 0.0], [-0.5, 1.0]]), np.array([[1.0, 0.0], [0.0, 1.0]])) is None
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    for trace in trace_example(second):
        assert all(like_seeks_like(head.w_q, head.w_k) is None for head in trace.multi_head.heads)


def test_dims_read_hand_checked():
    """A zero row of W multiplies that input dim by 0 in every column: X·W never sees it. Built-in
    W_V is ((1, 0), (0, 1), (0, 0), (0, 0)): V keeps animal and tech and drops grammar and mood, so
    mouse's (1.30, 1.30, 0.20, 0.10) gives the value (1.30, 1.30) = 1.30·(1, 0) + 1.30·(0, 1) +
    0.20·(0, 0) + 0.10·(0, 0). The second example's W_V is 8 × 8 (not narrower): None."""
    from pathlib import Path

    from attention_math.story import dims_read

    assert dims_read([[1, 0], [0, 0], [0, 2]], ("a", "b", "c")) == (["a", "c"], ["b"])
    assert dims_read([[1, 0], [0, 1], [1, 1]], ("a", "b", "c")) is None  # drops nothing
    assert dims_read([[1, 0], [0, 1]], ("a", "b")) is None  # not narrower
    assert dims_read([[0.0], [0.0]], ("a", "b")) is None  # drops everything
    example = load_example(None)
    s = trace_example(example)[0]
    p = s.projected
    read = dims_read(p.w_v, example.dims)
    assert read == (["animal", "tech"], ["grammar", "mood"])
    mouse = s.tokens.index("mouse")
    assert np.allclose(s.input[mouse], [1.30, 1.30, 0.20, 0.10])
    assert np.allclose(p.v[mouse], [1.30, 1.30])
    assert np.allclose(s.input[mouse] @ p.w_v, p.v[mouse])
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    assert dims_read(trace_example(second)[0].projected.w_v, second.dims) is None


def test_mirror_plane_working_hand_checked():
    """Built-in, plane (animal, tech): cat (1.80, 0.00) · mouse (1.30, 1.30) = 1.80 × 1.30 + 0 × 1.30
    = 2.34 (1.8 × 1.3 = 2.34 by hand); keyboard (0.00, 1.80): 0 × 1.30 + 1.80 × 1.30 = 2.34. None where
    a word has two in-plane values (cat at (1.80, 0.10): 2.34 + 0.13 = 2.47, no single product, and
    the mirror fails anyway) or the pair is not a mirror (the second example)."""
    from pathlib import Path

    from attention_math.geometry import embedding_plane
    from attention_math.story import mirror_plane_working

    mouse, cat, keyboard = [1.3, 1.3, 0.2, 0.1], [1.8, 0.0, 0.2, 0.4], [0.0, 1.8, 0.2, 0.0]
    assert mirror_plane_working(mouse, cat, keyboard, (0, 1)) == (("1.8 × 1.3", "1.8 × 1.3"), (0, 1))
    assert mirror_plane_working(mouse, [1.8, 0.1, 0.2, 0.4], [0.1, 1.8, 0.2, 0.0], (0, 1)) is None
    assert mirror_plane_working([1.1, 1.2, 0.2, 0.1], cat, keyboard, (0, 1)) is None
    example = load_example(None)
    assert mirror_plane_working(example.embeddings["mouse"], example.embeddings["cat"],
                                example.embeddings["keyboard"], embedding_plane(example).axes) == (("1.8 × 1.3", "1.8 × 1.3"), (0, 1))
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    assert mirror_plane_working(second.embeddings["mouse"], second.embeddings["猫"], second.embeddings["wireless"],
                                embedding_plane(second).axes) is None


def test_heads_read_apart_hand_checked():
    from attention_math.story import heads_read_apart

    assert heads_read_apart([["animal", "tech"], ["grammar", "mood"]])  # the built-in's W_V
    assert not heads_read_apart([["animal", "size"], ["animal", "tech"]])  # animal in both
    assert not heads_read_apart([["animal"]])  # one head: nothing to differ from
    assert heads_read_apart([["a"], ["b"], ["c"]])
    assert not heads_read_apart([["a"], ["b"], ["c", "a"]])  # the first and the third share a


def test_plain_and_soft_hand_checked():
    """Softmax's "why eˣ": the built-in mouse row as written (1.21 0.16 1.72 0.28 0.35) sums to 3.72;
    ÷ 3.72: 0.325, 0.043, 0.462, 0.075, 0.094; its softmax 0.26 0.09 0.43 0.10 0.11 (the table's). The
    what-if (cat's 1.21 made −0.80) sums to 1.71: −0.80/1.71 = −0.468, 1.72/1.71 = 1.006, 0.35/1.71 =
    0.205 (→ 0.20); e^: 0.4493 1.1735 5.5845 1.3231 1.4191, Σ 9.9496: 0.045 (→ 0.05), 0.118, 0.561, 0.133,
    0.143. A sum written 0 blows up: None."""
    from pathlib import Path

    from attention_math.story import negative_what_if, plain_and_soft

    row = np.array([1.21, 0.16, 1.715, 0.28, 0.35])
    real = plain_and_soft(row)
    assert real.scores == (1.21, 0.16, 1.72, 0.28, 0.35) and real.total == pytest.approx(3.72)
    assert real.plain == (0.33, 0.04, 0.46, 0.08, 0.09) and not real.plain_breaks()
    assert real.soft == (0.26, 0.09, 0.43, 0.10, 0.11)
    k, what_if = negative_what_if(row, 2)
    assert k == 0 and list(what_if) == [-0.8, 0.16, 1.715, 0.28, 0.35]
    p = plain_and_soft(what_if)
    assert p.total == pytest.approx(1.71)
    assert p.plain == (-0.47, 0.09, 1.01, 0.16, 0.20) and p.plain_negative() and p.plain_above_one()
    assert p.soft == (0.05, 0.12, 0.56, 0.13, 0.14) and all(0 < w < 1 for w in p.soft)
    assert plain_and_soft(np.array([0.5, -0.5])) is None
    # a row already showing a negative score needs no what-if; nor one with no other word
    assert negative_what_if(np.array([0.3, -0.2, 1.0]), 2) is None
    assert negative_what_if(np.array([1.0]), 0) is None
    # the second example's mouse row has negatives of its own: no what-if, and ÷ sum breaks there
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    s = trace_example(second)[second.focus_sentences()[0]]
    i = list(s.tokens).index(second.focus)
    assert negative_what_if(s.simple.scaled[i], i) is None
    assert plain_and_soft(s.simple.scaled[i]).plain_negative()


def test_times_reads_as_written_hand_checked():
    from attention_math.story import times_reads_as_written

    assert times_reads_as_written(["1.2100", "1.7150"], [1.21, 1.715], 8)  # 9.68, 13.72
    assert not times_reads_as_written(["1.72"], [1.715], 8)  # 13.76, not 13.72
    assert times_reads_as_written(["1.72"], [1.715], 2) is False  # 3.44, not 3.43


def test_row_lead_hand_checked():
    from attention_math.story import row_lead

    lead = row_lead(512, 5)
    # the seeded samples (core.dot_product_spread(512)), by hand: 6.04 6.96 15.92 5.62 −35.86
    assert [round(v, 2) for v in lead.scores] == [6.04, 6.96, 15.92, 5.62, -35.86]
    assert (lead.top, lead.second) == (2, 1)
    assert round(lead.gap, 2) == 8.96  # 15.92 − 6.96
    assert round(lead.scaled_gap, 3) == 0.396  # 8.955 ÷ √512 = 8.955 ÷ 22.627
    # undivided: 1 / (1 + e^−8.96 + e^−9.88 + e^−10.30 + e^−51.8) ≈ 1 − 0.00021
    assert 0.9997 < lead.top_weight < 0.9999
    # divided: e^0.704 / (e^0.267 + e^0.308 + e^0.704 + e^0.248 + e^−1.585) = 2.02 / 6.17 ≈ 0.33
    assert round(lead.scaled_top_weight, 2) == 0.33
    # too few to compare, or a row where the top one does not take nearly all: nothing said
    assert row_lead(512, 1) is None
    assert row_lead(512, 8) is None  # 15.92 vs 13.55: top weight 0.91
    assert row_lead(4, 5) is None


def test_zero_instead_of_minus_infinity_hand_checked():
    from attention_math.story import zero_instead_of_minus_infinity

    # built-in mouse row: e^1.21 = 3.353, e^0.16 = 1.174, e^1.72 = 5.585, are/friends masked
    total, each = zero_instead_of_minus_infinity([3.353, 1.174, 5.585, 0.0, 0.0], [False, False, False, True, True])
    assert round(total, 3) == 12.112  # 10.112 + 1 + 1
    assert round(each, 4) == 0.0826  # 1 ÷ 12.112
    assert zero_instead_of_minus_infinity([1.0, 2.0], [False, False]) is None
    # one masked word of one kept: 1 ÷ (e⁰ + e⁰) = 0.5
    assert zero_instead_of_minus_infinity([1.0, 0.0], [False, True]) == (2.0, 0.5)


def test_plain_and_soft_reads_one_and_says_only_what_breaks():
    """Built-in mouse row 1.21 0.16 1.72 0.28 0.35: ÷ 3.72 → 0.33 0.04 0.46 0.08 0.09, adding to 1.00
    as written; (1, 1, 1): 0.33 each, 0.99 as written (so "they add to 1 too" is not said). With
    cat at −0.80: Σ 1.71, −0.47 and 1.01 (1.72 ÷ 1.71): both said; (0.3, 0.5, −0.1, 0.6): Σ 1.3,
    −0.1 ÷ 1.3 = −0.08 and none above 1: only the negative one."""
    from attention_math.story import plain_and_soft

    assert plain_and_soft([1.21, 0.16, 1.72, 0.28, 0.35]).plain_reads_one()
    assert not plain_and_soft([1.0, 1.0, 1.0]).plain_reads_one()
    what_if = plain_and_soft([-0.80, 0.16, 1.72, 0.28, 0.35])
    assert what_if.plain[0] == -0.47 and what_if.plain[2] == 1.01
    assert what_if.broken_said() == "one goes negative, another above 1;"
    only_negative = plain_and_soft([0.3, 0.5, -0.1, 0.6])  # Σ 1.3: −0.08, the rest 0.23 0.38 0.46
    assert only_negative.broken_said() == "one goes negative;"


def test_scaling_row_written_hand_checked():
    from attention_math.story import row_lead, scaling_row_written

    row = scaling_row_written(row_lead(512, 5))
    # by hand: 6.04 ÷ 22.627 = 0.2669, 6.96 ÷ 22.627 = 0.3076, 15.92 ÷ 22.627 = 0.7036,
    # 5.62 ÷ 22.627 = 0.2484, −35.86 ÷ 22.627 = −1.5848
    assert row.cells == ("6.04", "6.96", "15.92", "5.62", "−35.86")
    assert row.quotients == ("0.267", "0.308", "0.704", "0.248", "−1.585")
    assert row.root == "22.627"
    assert (row.gap, row.scaled_gap) == ("8.96", "0.396")  # 15.92 − 6.96; 0.704 − 0.308 (8.96 ÷ 22.627 = 0.396)
    # at 2 decimals ÷ 22.6, −35.86 ÷ 22.6 = −1.587 would read −1.59, not −1.58: nothing worked
    assert scaling_row_written(row_lead(512, 5), quotient_decimals=2, root_decimals=1) is None
    assert scaling_row_written(None) is None


def test_softmax_spread_factor_hand_checked():
    import math

    from attention_math.story import softmax_spread_factor

    x = [1.21, 0.16, 1.715, 0.28, 0.35]  # built-in mouse's scaled row (d = 4)
    # by hand: at d = 4 the divided row's factor is 1/√4 = 0.5, width 64's √(64/4) = 4: 4 ÷ 0.5 = 8 = √64
    assert softmax_spread_factor(x, 4) == pytest.approx(8.0)
    # d = 8: 1/√8 and √(64/8) = √8: √8 ÷ (1/√8) = 8 again; d = 64: 1/8 and width 512's √(512/64) = √8: 8√8 = 22.6
    assert softmax_spread_factor(x, 8) == pytest.approx(8.0)
    assert softmax_spread_factor(x, 64) == pytest.approx(math.sqrt(512))
    assert softmax_spread_factor(x, 512) is None  # no wider width to compare with


def test_dimensions_blind_pair_hand_checked():
    """The dimensions scene shows what a 2-wide query cannot see. Built-in: 'and' is (0, 0, 1.6, 0),
    grammar only; W_Q = ((1, 0), (0, 1), (0, 0), (0.5, −0.5)) has grammar's row (0, 0), so and's
    query is 0·(1, 0) + 0·(0, 1) + 1.6·(0, 0) + 0·(0.5, −0.5) = (0, 0). At d = 4, and's X·Xᵀ scores
    are cat 1.6·0.2 = 0.32, mouse 1.6·0.2 = 0.32, are 1.6·1.4 = 2.24, friends 1.6·0.3 = 0.48: the
    highest is are, 0 + 0 + 2.24 + 0 = 2.24. At d_k = 2, and·are = 0·(−0.5) + 0·(−0.6) = 0. The
    second example: d_k = d = 8 (nothing narrower): None."""
    from pathlib import Path

    from attention_math.story import dimensions_blind_pair

    ex = load_example(None)
    s = trace_example(ex)[0]
    p = s.projected
    assert s.tokens[1] == "and" and s.tokens[3] == "are"
    assert p.w_q[2].tolist() == [0.0, 0.0] and p.q[1].tolist() == [0.0, 0.0]
    assert p.k[3].tolist() == [-0.5, -0.6]
    found = dimensions_blind_pair(s.input, p.w_q, p.q, p.k, ex.dims)
    assert found is not None
    assert (found.word, found.other, found.dims) == (1, 3, ("grammar",))
    assert found.wide.products == ["0.00", "0.00", "2.24", "0.00"] and found.wide.total == "2.24"
    assert found.narrow.products == ["0.00", "0.00"] and found.narrow.total == "0.00"
    # W_Q as wide as d (nothing dropped by narrowing): nothing said
    assert dimensions_blind_pair(s.input, np.eye(4), s.input, s.input, ex.dims) is None
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    for trace in trace_example(second):
        q = trace.projected
        assert dimensions_blind_pair(trace.input, q.w_q, q.q, q.k, second.dims) is None


def test_scaling_gap_against_spread_hand_checked():
    """scaling's d = 512 row: gap 8.96 (15.92 − 6.96) against the strip's spread 22.9, and 0.396 against 1.01 once
    divided: 8.96 ÷ 22.9 = 0.3913, 0.396 ÷ 1.01 = 0.3921, both 0.39 as written: "the same share"."""
    from attention_math.core import dot_product_spread
    from attention_math.story import row_lead, scaling_gap_against_spread, scaling_row_written

    lead = row_lead(512, 5)
    row_text = scaling_row_written(lead)
    spread = dot_product_spread(512)
    found = scaling_gap_against_spread(row_text, spread)
    assert (row_text.gap, row_text.scaled_gap) == ("8.96", "0.396")
    assert (found.spread, found.scaled_spread, found.share) == ("22.9", "1.01", "0.39")
    assert scaling_gap_against_spread(None, spread) is None and scaling_gap_against_spread(row_text, None) is None
    # at 3 places the two shares differ as written (0.391 against 0.392): nothing said
    assert scaling_gap_against_spread(row_text, spread, share_decimals=3) is None

    class Wide:  # a divided spread far from 1 (is_about): nothing said
        spread, scaled_spread = 45.8, 2.02
    assert scaling_gap_against_spread(row_text, Wide()) is None


def test_scores_diagonal_is_length_squared_hand_checked(builtin):
    """Scores' diagonal, each word with itself, is its length squared, as written (said at the symmetry)."""
    from attention_math.story import scores_diagonal_is_length_squared

    example, traces = builtin
    t = traces[0]
    # by hand: cat 1.80² + 0 + 0.20² + 0.40² = 3.24 + 0.04 + 0.16 = 3.44; and 1.60² = 2.56;
    # mouse 1.30² + 1.30² + 0.20² + 0.10² = 1.69 + 1.69 + 0.04 + 0.01 = 3.43; are 0.01 + 0.01 + 1.96 + 0.04 = 2.02
    assert [round(float(t.simple.scores[k, k]), 2) for k in range(4)] == [3.44, 2.56, 3.43, 2.02]
    assert scores_diagonal_is_length_squared(t.input, t.simple.scores)
    assert not scores_diagonal_is_length_squared(np.array([[1.0, 2.0]]), np.array([[4.0]]))  # 1 + 4 = 5, not 4
    assert not scores_diagonal_is_length_squared(np.array([[1.0, 2.0]]), np.ones((2, 2)))  # shapes differ
    from pathlib import Path

    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    for t in trace_example(second):
        assert scores_diagonal_is_length_squared(t.input, t.simple.scores)


def test_thickest_lines_hand_checked(builtin):
    """The sentence view's thickest strokes, said while the fans are up (multihead)."""
    from pathlib import Path

    from attention_math.story import Thickest, thickest_lines

    example, traces = builtin
    s = traces[0]
    i = list(s.tokens).index("mouse")
    heads = s.multi_head.heads
    # by hand: head 1's mouse row reads 0.26 0.05 0.55 0.06 0.07: mouse 0.55, then cat 0.26, the
    # next 0.07 well under; head 2's 0.09 0.40 0.09 0.32 0.10: and 0.40, then are 0.32, next 0.10
    assert [round(float(w), 2) for w in heads[0].weights[i]] == [0.26, 0.05, 0.55, 0.06, 0.07]
    assert thickest_lines(heads[0].weights[i]) == Thickest((2, 0), True)
    assert thickest_lines(heads[1].weights[i]) == Thickest((1, 3), True)
    # written ties: 0.17 and 0.17 over 0.16 are set apart but not ordered; 0.30 0.20 0.20 not set apart
    assert thickest_lines([0.172, 0.167, 0.161]) == Thickest((0, 1), False)
    assert thickest_lines([0.5, 0.201, 0.199, 0.1]) is None
    assert thickest_lines([0.6, 0.4]) is None  # (no more words than the count: nothing is "the thickest")
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    t = trace_example(second)[0]
    k = list(t.tokens).index(second.focus)
    # 0.151 0.112 0.156 0.138 0.071 0.131 0.057 0.185 (written 0.18): yesterday 0.18, then chased 0.16 (the 0.15)
    assert thickest_lines(t.multi_head.heads[0].weights[k]) == Thickest((7, 2), True)
    # 0.101 0.172 0.118 0.113 0.167 0.106 0.063 0.161: 猫 and mouse both 0.17, over yesterday's 0.16
    assert thickest_lines(t.multi_head.heads[1].weights[k]) == Thickest((1, 4), False)


def test_turned_scores_sentence_hand_checked(builtin):
    """Built-in mouse, learned scores (q·k): cat 1.35·1.90 + 1.25·(−0.10) = 2.44, and 1.35·(−0.80) +
    1.25·(−0.80) = −2.08, mouse 1.35·1.25 + 1.25·1.20 = 3.1875, are 1.35·(−0.50) + 1.25·(−0.60) = −1.425,
    friends 1.35·0.85 + 1.25·(−0.15) = 0.96: are's −1.43 and and's −2.08 lie 2.39 and more under the
    lowest other, 0.96 (far below once ÷ √2, 1.69 ≥ ln 4). Said in the order W_K's row names them (are, and)."""
    from attention_math.story import key_row_behind_drops, turned_scores_sentence

    example, traces = builtin
    s = traces[0]
    i = s.tokens.index("mouse")
    p = s.projected
    assert np.round(p.scores[i], 4).tolist() == [2.44, -2.08, 3.1875, -1.425, 0.96]
    drop = key_row_behind_drops(p.q[i], s.input, p.w_k, s.simple.weights[i], p.weights[i])
    # the gap to the lowest other, 0.96 − (−1.43) = 2.39, ÷ √2 = 1.69 ≥ ln 4 = 1.386: far below
    assert turned_scores_sentence(p.scores[i], drop.words, math.sqrt(2)) == "They score far below the others: their weights fall."
    # by hand, divisor 1: 1.39 under the lowest other (e^−1.39 = 0.249 ≤ ¼) is far below; 1.38 (0.2516) is not
    assert turned_scores_sentence([2.0, 0.5, -0.89], [2], 1.0) == "It scores far below the others: its weight falls."
    assert turned_scores_sentence([2.0, 0.5, -0.88], [2], 1.0) == "Its weight falls."
    # the same row divided by 2: 1.39 ÷ 2 = 0.695, not far
    assert turned_scores_sentence([2.0, 0.5, -0.89], [2], 2.0) == "Its weight falls."
    # inside the pack (r34 diff reader: 9 among 30, 12, 11, 10): 1 under the lowest other, not far
    assert turned_scores_sentence([30, 12, 11, 10, 9], [4], 1.0) == "Its weight falls."
    assert turned_scores_sentence([2.0, 1.4, 0.5], [1, 2], 1.0) == "Their weights fall."


def test_diagonal_cell_worked_hand_checked(builtin):
    """(r33) mouse's own cell of Scores worked as written, all its dims: by hand 1.30² + 1.30² +
    0.20² + 0.10² = 1.69 + 1.69 + 0.04 + 0.01 = 3.43, √3.43 = 1.852 → 1.85 over all 4 dims; in the
    animal–tech plane √(1.69 + 1.69) = √3.38 = 1.838 → 1.84 (what the plane wrote as |mouse|)."""
    from attention_math.story import diagonal_cell_worked, shadow_length_said

    example, traces = builtin
    t = traces[0]
    worked = diagonal_cell_worked(t.tokens, t.input, t.simple.scores, "mouse", (0, 1))
    assert worked.index == 2 and worked.total == "3.43" and worked.length == "1.85" and worked.plane_length == "1.84"
    assert worked.squares == ("1.30²", "1.30²", "0.20²", "0.10²")
    assert worked.lines == ("mouse·mouse = 1.30² + 1.30² + 0.20² + 0.10² = 3.43",
                            "|mouse| = √3.43 = 1.85 over all 4 dims (1.84 in the plane)")
    assert worked.said == "Its diagonal: mouse's 4 dims squared, 3.43."
    assert shadow_length_said("mouse", 1.838) == "That shadow: mouse's plane length, 1.84,"
    # not drawn: a word not in the sentence; squares that, as written, miss the cell (0.15² = 0.0225
    # + 0.15² = 0.045 → 0.05, but the cell says 0.04); a vector all in the plane (lengths alike)
    assert diagonal_cell_worked(t.tokens, t.input, t.simple.scores, "keyboard", (0, 1)) is None
    assert diagonal_cell_worked(["a"], [[0.15, 0.15]], [[0.04]], "a", (0, 1)) is None
    assert diagonal_cell_worked(["a"], [[0.6, 0.8, 0.0]], [[1.0]], "a", (0, 1)) is None
    # the plane length as the plane writes it, from the unrounded entries (r34 diff reader): 1.3022, 1.2809 give
    # √(1.6957 + 1.6407) = √3.3364 = 1.8266 → 1.83, where the rounded 1.30, 1.28 would give √3.3284 = 1.8244 → 1.82;
    # the cell 4.7244 → 4.72 = 1.69 + 1.6384 + 0.0729 + 1.3225 (4.7238) as written
    odd = diagonal_cell_worked(["m"], [[1.3022, 1.2809, -0.2716, 1.1464]], [[4.7244]], "m", (0, 1))
    assert (odd.total, odd.plane_length) == ("4.72", "1.83")
    # the second example (8 dims, negatives): by hand 1.21 + 1.44 + 0.36 + 0.16 + 0 + 0.09 + 0.01 +
    # 0.04 = 3.31, √3.31 = 1.819 → 1.82; in the plane √(1.21 + 1.44) = √2.65 = 1.628 → 1.63
    from pathlib import Path

    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    s = trace_example(second)[0]
    worked = diagonal_cell_worked(s.tokens, s.input, s.simple.scores, "mouse", (0, 1))
    assert (worked.total, worked.length, worked.plane_length) == ("3.31", "1.82", "1.63")
    assert worked.lines == ("mouse·mouse = 1.10² + 1.20² + (−0.60)² + 0.40²",
                            "+ 0.00² + (−0.30)² + 0.10² + 0.20² = 3.31",
                            "|mouse| = √3.31 = 1.82 over all 8 dims (1.63 in the plane)")


def test_entry_terms_clause_hand_checked(builtin):
    """Built-in mouse's q1, X's row times W_Q's first column: 1.30×1.00 + 1.30×0.00 + 0.20×0.00 +
    0.10×0.50 = 1.30 + 0.05 = 1.35 (the table's 1.35): two dims give it, animal and mood. The second
    example's mouse (8 dims, a dense W_Q) has more than two terms: no clause, nothing said."""
    from pathlib import Path

    from attention_math.story import entry_terms_clause

    example, traces = builtin
    s = traces[0]
    i = s.tokens.index("mouse")
    p = s.projected
    assert np.round(s.input[i], 2).tolist() == [1.3, 1.3, 0.2, 0.1]
    assert np.round(p.w_q[:, 0], 2).tolist() == [1.0, 0.0, 0.0, 0.5]
    assert round(float(p.q[i, 0]), 4) == 1.35
    assert entry_terms_clause(s.input[i], p.w_q[:, 0], example.dims) == "1.30 from animal and 0.05 from mood"
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    t = trace_example(second)[0]
    k = t.tokens.index(second.focus)
    assert entry_terms_clause(t.input[k], t.projected.w_q[:, 0], second.dims) is None
    # by hand: one term (1.00×0.50 = 0.50); three terms are a list (None); 0 terms (None);
    # 0.333×0.333 = 0.11 twice, 0.22 as the total writes it (0.2218)
    assert entry_terms_clause([1.0, 2.0, 0.0], [0.5, 0.0, 3.0], ["a", "b", "c"]) == "0.50 from a"
    assert entry_terms_clause([1.0, 2.0, 1.0], [0.5, 0.5, 3.0], ["a", "b", "c"]) is None
    assert entry_terms_clause([0.0, 2.0], [0.5, 0.0], ["a", "b"]) is None
    assert entry_terms_clause([0.333, 0.333], [0.333, 0.333], ["a", "b"]) == "0.11 from a and 0.11 from b"
    # products that, as written, do not add up to the total as written: no clause (0.125 + 0.125
    # write 0.13 + 0.13 = 0.26, the total 0.25)
    assert entry_terms_clause([0.25, 0.25], [0.5, 0.5], ["a", "b"]) is None


def test_rows_read_reads_each_row_of_a_small_projection(builtin):
    """rows_read: each row of W_Q / W_K said by what it does, from the entries as written. By hand,
    built-in W_Q ((1, 0), (0, 1), (0, 0), (0.5, −0.5)) and W_K ((1, 0), (0, 1), (−0.5, −0.5), (0.5, 0))."""
    from pathlib import Path
    from attention_math.story import rows_read
    example, traces = builtin
    p = traces[0].projected
    q = rows_read(p.w_q, example.dims, "W_Q", "q")
    assert q.text == "W_Q copies animal into q1, tech into q2; mood pushes q1 up, q2 down; grammar it ignores."
    assert [rows for _, rows in q.clauses] == [[0, 1], [3], [2]]
    k = rows_read(p.w_k, example.dims, "W_K", "k")
    assert k.text == "W_K copies animal into k1, tech into k2; grammar pushes k1 and k2 down; mood pushes k1 up."
    assert [rows for _, rows in k.clauses] == [[0, 1], [2], [3]]
    # the second example's 8 × 8 seeded matrices: left unsaid
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    t = trace_example(second)[0].projected
    assert rows_read(t.w_q, second.dims, "W_Q", "q") is None and rows_read(t.w_k, second.dims, "W_K", "k") is None
    # by hand: no row copies a dim outright (the sentence opens on the name); 0.004 is written 0.00
    w = rows_read([[2.0, 0.0], [0.004, 0.0]], ["a", "b"], "W", "c")
    assert w.text == "In W, a pushes c1 up; b it ignores."


def test_row_part_built_writes_the_turned_keys_working(builtin):
    """row_part_built: and's key is 1.60 × W_K's grammar row (−0.50, −0.50) = (−0.80, −0.80) added to
    (0, 0); are's is 1.40 × (−0.50, −0.50) = (−0.70, −0.70) added to (0.20, 0.10): (−0.50, −0.60)."""
    from attention_math.story import row_part_built
    example, traces = builtin
    s = traces[0]
    grammar = example.dims.index("grammar")
    and_, are = s.tokens.index("and"), s.tokens.index("are")
    a = row_part_built(s.input, s.projected.w_k, grammar, and_)
    assert (a.rest, a.factor, a.row, a.part, a.key) == (("0.00", "0.00"), "1.60", ("−0.50", "−0.50"),
                                                       ("−0.80", "−0.80"), ("−0.80", "−0.80"))
    assert a.text == "1.60 × (−0.50, −0.50) = (−0.80, −0.80)"
    b = row_part_built(s.input, s.projected.w_k, grammar, are)
    assert (b.rest, b.part, b.key) == (("0.20", "0.10"), ("−0.70", "−0.70"), ("−0.50", "−0.60"))
    assert np.allclose(s.projected.k[are], [-0.5, -0.6]) and np.allclose(s.projected.k[and_], [-0.8, -0.8])
    # by hand: a product that does not check as written: 0.126 × 0.5 = 0.063, written 0.06, but as
    # written 0.13 × 0.50 = 0.065, written 0.07: None (0.124: 0.12 × 0.50 = 0.06 checks)
    assert row_part_built([[0.126]], [[0.5]], 0, 0) is None
    assert row_part_built([[0.124]], [[0.5]], 0, 0).text == "0.12 × (0.50) = (0.06)"
    # a sum that does not check as written (0.125 + 0.125): None
    assert row_part_built([[0.5, 0.25]], [[0.25], [0.5]], 1, 0) is None


def test_other_head_keeps_what_the_narrow_w_v_drops(builtin):
    """other_head_keeps: the built-in W_V drops grammar and mood; head 1's W_V is the same, head 2's
    ((0, 0), (0, 0), (1, 0), (0, 1)) reads both. W_Q drops grammar, and head 2's W_Q (grammar row
    (0, 0)) drops it too: None. The second example's 8 × 8 W_V drops nothing: None."""
    from pathlib import Path

    from attention_math.story import other_head_keeps
    example, traces = builtin
    s = traces[0]
    heads = s.multi_head.heads
    found = other_head_keeps(s.projected.w_v, [h.w_v for h in heads], example.dims)
    assert found is not None and found.head == 2 and found.dims == ["grammar", "mood"]
    assert other_head_keeps(s.projected.w_q, [h.w_q for h in heads], example.dims) is None
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    t = trace_example(second)[0]
    assert other_head_keeps(t.projected.w_v, [h.w_v for h in t.multi_head.heads], second.dims) is None
    # by hand: b dropped by W, read by the second matrix only
    w = [[1.0], [0.0]]
    assert other_head_keeps(w, [[[1.0], [0.0]], [[0.0], [2.0]]], ["a", "b"]) == (2, ["b"])
    assert other_head_keeps(w, [[[1.0], [0.0]]], ["a", "b"]) is None
    # one head (r37 diff reader): "hence several heads" would be false; None even where it reads b
    assert other_head_keeps(w, [[[0.0], [2.0]]], ["a", "b"]) is None
    # b read by 0.001, written 0.00: the next chapter's table shows nothing kept: None
    assert other_head_keeps(w, [[[1.0], [0.0]], [[0.0], [0.001]]], ["a", "b"]) is None


def test_even_weights_of_zero_query(builtin):
    """even_weights_of_zero_query: and's query is (0, 0), its five weights 0.20 each; the second
    example has no zero query."""
    from pathlib import Path

    from attention_math.story import even_weights_of_zero_query
    _, traces = builtin
    p = traces[0].projected
    assert even_weights_of_zero_query(p.q, p.weights) == [(traces[0].tokens.index("and"), "0.20")]
    second = load_example(Path(__file__).parent / "data" / "second.yaml")
    t = trace_example(second)[0].projected
    assert even_weights_of_zero_query(t.q, t.weights) == []
    # by hand: a zero query whose weights are not even (not a softmax of zeros) is not listed
    assert even_weights_of_zero_query([[0.0, 0.0], [1.0, 0.0]], [[0.3, 0.7], [0.5, 0.5]]) == []
    assert even_weights_of_zero_query([[0.0, 0.0]], [[0.25] * 4]) == [(0, "0.25")]


def test_lead_ratio_hand_checked():
    """scaling's payoff: the next step raises e to each score, so two words' weights stand in the ratio e^gap.
    By hand: e^8.96 = e^9 · e^−0.04 = 8103.08 × 0.96079 = 7785.4 → "7,800"; with 5 words the leader's share is
    at least 1 ÷ (1 + 4 ÷ 7785.4) = 0.99949 ≥ 0.99: nearly all the weight. e^0.396 = 1.4859 → "1.5"; share at
    least 1 ÷ (1 + 4 ÷ 1.4859) = 0.271; 1.5 ≤ 3: both still count. The same d = 512 row in both examples."""
    from attention_math.story import lead_ratio, row_lead, scaling_row_written
    undivided = lead_ratio("8.96", 5)
    assert (undivided.exponent, undivided.ratio, undivided.verdict) == ("8.96", "7,800", "nearly all the weight")
    assert undivided.least_share == pytest.approx(0.99949, abs=1e-5)
    divided = lead_ratio("0.396", 5)
    assert (divided.exponent, divided.ratio, divided.verdict) == ("0.396", "1.5", "both still count")
    assert divided.least_share == pytest.approx(0.2709, abs=1e-4)
    # the row scaling writes (row_lead's d = 512 row, both examples) gives exactly these gaps as written
    row = scaling_row_written(row_lead(512, 5))
    assert (row.gap, row.scaled_gap) == ("8.96", "0.396")
    # degrades: a lead of 4 among 5 words is e^4 = 54.6 → "55", share ≥ 1 ÷ (1 + 4 ÷ 54.6) = 0.932 < 0.99, 55 > 3
    middle = lead_ratio("4.00", 5)
    assert (middle.ratio, middle.verdict) == ("55", "the leader far ahead")
    # the same lead among 2 words: 1 ÷ (1 + 1 ÷ 54.6) = 0.982, still short of nearly all; e^5 = 148.4 → "150",
    # 1 ÷ (1 + 1 ÷ 148.4) = 0.9933: nearly all
    assert lead_ratio("4.00", 2).verdict == "the leader far ahead"
    assert (lead_ratio("5.0", 2).ratio, lead_ratio("5.0", 2).verdict) == ("150", "nearly all the weight")
    assert lead_ratio("8.96", 1) is None and lead_ratio("-1.0", 5) is None
    # e^2.30 = 9.974: "10" (rounded, two figures), as e^2.31 = 10.07 is; e^2.25 = 9.49: "9.5"
    assert [lead_ratio(g, 5).ratio for g in ("2.25", "2.30", "2.31")] == ["9.5", "10", "10"]
    # e^13.79 = 974,812 → "970,000"; from 13.8 (a million to 1) no ratio is written (a user's embeddings × 5
    # gave a gap of 54: 24 digits; × 20 overflowed)
    assert lead_ratio("13.79", 5).ratio == "970,000"
    assert lead_ratio("13.80", 5) is None and lead_ratio("1244.00", 5) is None


def test_ratio_smaller_hand_checked():
    from attention_math.story import lead_ratio, ratio_smaller
    # e^2.10 = 8.17 → "8.2", e^1.05 = 2.86 → "2.9": smaller; e^8.96 → "7,800" against e^0.396 → "1.5"
    assert ratio_smaller(lead_ratio("2.10", 5), lead_ratio("1.05", 5))
    assert ratio_smaller(lead_ratio("8.96", 5), lead_ratio("0.396", 5))
    assert not ratio_smaller(lead_ratio("1.05", 5), lead_ratio("2.10", 5))
    # equal as written ("10" and "10"): not smaller
    assert not ratio_smaller(lead_ratio("2.30", 5), lead_ratio("2.31", 5))


def test_scaling_lopsided_cost_hand_checked():
    """scaling's "less lopsided" and what lopsided costs (r40b). By hand, built-in mouse row 2.42 0.32 3.43 0.56
    0.70: e^x = 11.246 1.377 30.877 1.751 2.014, sum 47.264, mouse 30.877 ÷ 47.264 = 0.653; ÷ 2 (1.21 0.16 1.715
    0.28 0.35): 3.353 1.174 5.557 1.323 1.419, sum 12.826, 5.557 ÷ 12.826 = 0.433: neither nearly all (0.99); the
    d = 512 row undivided (gap 8.96): nearly all the weight. Second example (8 dims) mouse row: its leader 0.69
    undivided, 0.28 ÷ √8: neither nearly all either."""
    from attention_math.story import lead_ratio, row_lead, scaling_lopsided_cost, scaling_row_written
    wide = lead_ratio(scaling_row_written(row_lead(512, 5)).gap, 5)
    row = [2.42, 0.32, 3.43, 0.56, 0.70]
    found = scaling_lopsided_cost(row, [v / 2 for v in row], wide)
    assert found.top_weight == pytest.approx(0.6533, abs=1e-4)
    assert found.scaled_top_weight == pytest.approx(0.4332, abs=1e-4)
    assert found.wide_verdict == "nearly all the weight"
    for path in (None, "tests/data/second.yaml"):
        ex = load_example(path)
        s = trace_example(ex)[ex.focus_sentences()[0]]
        i = list(s.tokens).index(ex.focus)
        both = scaling_lopsided_cost(s.simple.scores[i], s.simple.scaled[i], wide)
        assert both is not None and both.top_weight < 0.99 and both.scaled_top_weight < 0.99
    second = load_example("tests/data/second.yaml")
    s = trace_example(second)[second.focus_sentences()[0]]
    i = list(s.tokens).index(second.focus)
    found = scaling_lopsided_cost(s.simple.scores[i], s.simple.scaled[i], wide)
    assert (round(found.top_weight, 2), round(found.scaled_top_weight, 2)) == (0.69, 0.28)
    # not said: the wide row's divided verdict ("both still count"), none, or a row whose leader takes nearly all
    assert scaling_lopsided_cost(row, row, lead_ratio("0.396", 5)) is None
    assert scaling_lopsided_cost(row, row, None) is None
    assert scaling_lopsided_cost([9.0, 0.0, 0.0], [4.5, 0.0, 0.0], wide) is None  # e^9 ÷ (e^9 + 2) = 0.99975
    assert scaling_lopsided_cost([1.0], [0.5], wide) is None


def test_turned_key_working_labels_are_ghost_part_and_key(builtin):
    """turned_key_working (r41a/b): are's working on the zoomed plane, by hand: without the grammar
    row (0.20, 0.10), score 1.35 × 0.20 + 1.25 × 0.10 = 0.395 -> +0.40; the part 1.40 × (−0.50, −0.50)
    = (−0.70, −0.70); the key (−0.50, −0.60), score −0.675 − 0.75 = −1.425 -> −1.43. and: (0, 0), score 0."""
    from attention_math.story import turned_key_working

    example, traces = builtin
    s = traces[0]
    tokens = list(s.tokens)
    p, i = s.projected, tokens.index("mouse")
    grammar = example.dims.index("grammar")
    are, and_ = tokens.index("are"), tokens.index("and")
    w = turned_key_working(p.q[i], s.input, p.w_k, grammar, are, "are", "grammar")
    assert w == ("are, no grammar (0.20, 0.10)", "+0.40", "+ 1.40 × grammar row = (−0.70, −0.70)",
                 "are (−0.50, −0.60)", "−1.43")
    a = turned_key_working(p.q[i], s.input, p.w_k, grammar, and_, "and", "grammar")
    assert (a.rest, a.rest_score) == ("and, no grammar (0.00, 0.00)", "0.00")
    assert a.key_score == "−2.08" and a.part == "+ 1.60 × grammar row = (−0.80, −0.80)"
    assert turned_key_working([1.0], [[0.5, 0.25]], [[0.25], [0.5]], 1, 0, "x", "y") is None


def test_lead_said_hand_checked():
    """d = 512 undivided, gap 8.96 among 5: e^8.96 = 7785.4, the leader ≥ 1 ÷ (1 + 4 ÷ 7785.4) = 0.9995 ≥ 0.99, each
    other word at most 1/7785 of it: "next to nothing"; divided, gap 0.396: "both still count"; a gap of 2.10 among
    5: e^2.10 = 8.17, the leader ≥ 1 ÷ (1 + 4 ÷ 8.17) = 0.671, neither: "the leader far ahead" as the verdict."""
    from attention_math.story import lead_ratio, lead_said
    assert lead_said(lead_ratio("8.96", 5)) == "one word takes nearly all the weight, the others next to nothing"
    assert lead_said(lead_ratio("0.396", 5)) == "both still count"
    assert lead_said(lead_ratio("2.10", 5)) == "the leader far ahead"
