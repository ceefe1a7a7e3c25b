"""attention_math.core: values worked out by hand, and properties that must hold for any input."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from attention_math import (
    HeadWeights, apply_mask, attend, causal_mask, multi_head_attention, scale, scores, self_attention, softmax,
)


def test_hand_worked_two_tokens():
    # X = [[1, 2], [3, 0]]: scores = X Xᵀ = [[5, 3], [3, 9]]; d = 2 so scaled = scores / 1.41421
    x = np.array([[1.0, 2.0], [3.0, 0.0]])
    t = self_attention(x)
    assert t.scores.tolist() == [[5.0, 3.0], [3.0, 9.0]]
    assert t.scaled == pytest.approx(np.array([[3.535534, 2.121320], [2.121320, 6.363961]]), abs=1e-6)
    # row 0: softmax([3.5355, 2.1213]) = 1 / (1 + e^-1.41421) = 1 / 1.243117 = 0.804429
    assert t.weights[0] == pytest.approx([0.804429, 0.195571], abs=1e-6)
    # row 1: 1 / (1 + e^-4.24264) = 1 / 1.014370 = 0.985834
    assert t.weights[1] == pytest.approx([0.014166, 0.985834], abs=1e-6)
    # output row 0 = 0.804429·[1, 2] + 0.195571·[3, 0]
    assert t.output[0] == pytest.approx([0.804429 + 3 * 0.195571, 2 * 0.804429], abs=1e-5)


def test_steps_compose_to_the_trace():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(4, 3))
    t = self_attention(x)
    assert np.allclose(t.scores, scores(x, x))
    assert np.allclose(t.scaled, scale(t.scores, 3))
    assert np.allclose(t.weights, softmax(t.scaled))
    assert np.allclose(t.output, attend(t.weights, x))


def test_trace_is_immutable():
    t = self_attention(np.eye(2))
    with pytest.raises(ValueError):
        t.weights[0, 0] = 5.0
    with pytest.raises(AttributeError):
        t.output = None  # frozen dataclass


def test_shapes_with_d_k_different_from_d_v():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(5, 4))
    t = self_attention(x, rng.normal(size=(4, 3)), rng.normal(size=(4, 3)), rng.normal(size=(4, 2)))
    assert (t.q.shape, t.k.shape, t.v.shape) == ((5, 3), (5, 3), (5, 2))
    assert t.scores.shape == t.weights.shape == (5, 5)
    assert t.output.shape == (5, 2)
    assert (t.d_k, t.d_v) == (3, 2)
    assert np.allclose(t.scaled, t.scores / math.sqrt(3))  # scaled by √d_k, not √d


def test_partial_weights_are_refused():
    with pytest.raises(ValueError, match="all of w_q, w_k, w_v"):
        self_attention(np.eye(2), w_q=np.eye(2))


def test_softmax_survives_huge_values():
    w = softmax(np.array([[1e6, 0.0, -1e6], [1e6, 1e6, 1e6]]))
    assert np.all(np.isfinite(w))
    assert w[0] == pytest.approx([1.0, 0.0, 0.0])
    assert w[1] == pytest.approx([1 / 3] * 3)


def test_causal_mask_hand_checked():
    t = self_attention(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), causal=True)
    assert causal_mask(3).tolist() == [[False, True, True], [False, False, True], [False, False, False]]
    assert t.masked[0, 1] == -np.inf and t.masked[1, 0] == t.scaled[1, 0]
    assert t.weights[0].tolist() == [1.0, 0.0, 0.0]  # the first token attends only to itself
    assert np.all(t.weights[np.triu_indices(3, 1)] == 0.0)
    assert t.weights.sum(axis=1) == pytest.approx([1, 1, 1])
    # row 1 sees tokens 0 and 1 only: softmax([0, 1/√2])
    e = math.exp(1 / math.sqrt(2))
    assert t.weights[1, :2] == pytest.approx([1 / (1 + e), e / (1 + e)])


def test_softmax_refuses_fully_masked_row():
    with pytest.raises(ValueError, match="finite"):
        softmax(apply_mask(np.zeros((2, 2)), np.ones((2, 2), dtype=bool)))


def test_multi_head_concatenates_along_features_then_projects():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(3, 4))
    heads = [HeadWeights(rng.normal(size=(4, 2)), rng.normal(size=(4, 2)), rng.normal(size=(4, 2))) for _ in range(2)]
    w_o = rng.normal(size=(4, 4))
    m = multi_head_attention(x, heads, w_o)
    assert np.allclose(m.concat[:, :2], m.heads[0].output) and np.allclose(m.concat[:, 2:], m.heads[1].output)
    assert np.allclose(m.output, m.concat @ w_o)
    for h, t in zip(heads, m.heads):
        assert np.allclose(t.weights, self_attention(x, h.w_q, h.w_k, h.w_v).weights)
    assert np.allclose(multi_head_attention(x, heads).output, m.concat)  # no W_O: identity


# ---- properties ---------------------------------------------------------------------------

finite = st.floats(-50, 50, allow_nan=False, allow_infinity=False)
matrices = st.tuples(st.integers(1, 6), st.integers(1, 5)).flatmap(lambda s: arrays(float, s, elements=finite))


@settings(max_examples=60, deadline=None)
@given(matrices)
def test_rows_sum_to_one_and_are_non_negative(x):
    w = self_attention(x).weights
    assert np.all(w >= 0)
    assert w.sum(axis=1) == pytest.approx(np.ones(len(x)))


@settings(max_examples=60, deadline=None)
@given(matrices, st.floats(-1e4, 1e4))
def test_softmax_is_shift_invariant_per_row(x, shift):
    assert np.allclose(softmax(x + shift), softmax(x), atol=1e-9)


@settings(max_examples=60, deadline=None)
@given(matrices, st.randoms(use_true_random=False))
def test_permutation_equivariance(x, rnd):
    order = list(range(len(x)))
    rnd.shuffle(order)
    assert np.allclose(self_attention(x[order]).output, self_attention(x).output[order], atol=1e-8)


@settings(max_examples=60, deadline=None)
@given(matrices)
def test_scaling_is_a_softmax_temperature(x):
    d = x.shape[1]
    t = self_attention(x)
    temperature = math.sqrt(d)
    assert np.allclose(t.weights, softmax(t.scores / temperature))
    if d > 1:  # scaling by √d is never sharper than no scaling: max weight cannot grow
        assert np.all(t.weights.max(axis=1) <= softmax(t.scores).max(axis=1) + 1e-12)


@settings(max_examples=60, deadline=None)
@given(matrices)
def test_outputs_are_convex_combinations_of_value_rows(x):
    out = self_attention(x).output
    low, high = x.min(axis=0), x.max(axis=0)
    assert np.all(out >= low - 1e-9) and np.all(out <= high + 1e-9)


def test_breakdowns_hand_checked():
    from attention_math.breakdown import dot_product, softmax_row, weighted_sum

    dot = dot_product([1, 2, 3], [4, 5, 6])
    assert dot.products.tolist() == [4, 10, 18] and dot.running.tolist() == [4, 14, 32] and dot.total == 32
    parts = softmax_row(np.array([0.0, math.log(2)]))
    assert parts.shift == 0 and parts.exps == pytest.approx([1, 2]) and parts.total == pytest.approx(3)
    assert parts.weights == pytest.approx([1 / 3, 2 / 3])
    big = softmax_row(np.array([1000.0, 1000.0 + math.log(3)]))  # shown as e^(x − max): no overflow
    assert big.shift == pytest.approx(1000 + math.log(3)) and big.weights == pytest.approx([0.25, 0.75])
    masked = softmax_row(np.array([1.0, -np.inf]))
    assert masked.exps.tolist() == [math.e, 0.0] and masked.weights.tolist() == [1.0, 0.0]
    total = weighted_sum(np.array([0.5, 0.5]), np.array([[2.0, 0.0], [0.0, 4.0]]))
    assert total.terms.tolist() == [[1, 0], [0, 2]] and total.running.tolist() == [[1, 0], [1, 2]]
    assert total.total.tolist() == [1, 2]


def test_worked_sums_get_the_decimals_that_make_them_add_up_as_written():
    """Hand-checked: two decimals would write 1.11 + 0.05 = 1.15 (the running sum is 1.1526);
    three write 1.106 + 0.047 = 1.153, which a viewer can check."""
    from attention_math.breakdown import dot_product, softmax_row, weighted_sum
    from attention_math.formatting import product_as_written, shortest, sum_as_written, written

    assert written(1.106, 2) == 111 and written(-0.0466, 3) == -47 and written(0.004, 2) == 0
    assert not sum_as_written([1.106, 0.0466], [1.106, 1.1526], 2)
    assert sum_as_written([1.106, 0.0466], [1.106, 1.1526], 3)
    assert product_as_written(0.233, 0.2, 0.0466, 3) and not product_as_written(0.233, 0.2, 0.06, 2)
    assert dot_product([1.106, 0.233], [1.0, 0.2]).decimals == 3
    assert dot_product([1, 2, 3], [4, 5, 6]).decimals == 2  # whole numbers add up at 2 already
    # 1.35 × 1.90 = 2.565 and 1.25 × −0.10 = −0.125 add up to 2.440 as written at 3 decimals too
    assert dot_product([1.35, 1.25], [1.9, -0.1]).checks(3) and not dot_product([1.106, 0.233], [1.0, 0.2]).checks(2)
    assert shortest(1.1, 3) == "1.10" and shortest(-0.4831, 3) == "−0.483" and shortest(-np.inf, 3) == "−∞"
    # e^1.72 is 5.58, not the 5.56 that e^1.7151 rounds to: x needs a third decimal
    assert softmax_row(np.array([1.7151, 0.0])).decimals == 3
    assert softmax_row(np.array([0.0, 1.0])).decimals == 2  # 1.00 + 2.72 = 3.72
    # mouse's row: e^0.160 = 1.174 and Σ 12.826 write the weight 1.174 ÷ 12.826 = 0.092, but it is
    # 0.0915 (0.091); at four decimals 1.1735 ÷ 12.8259 = 0.091
    mouse = softmax_row(np.array([1.21, 0.16, 1.715, 0.28, 0.35]))
    assert round(1.174 / 12.826, 3) == 0.092 and round(float(mouse.weights[1]), 3) == 0.091
    assert mouse.decimals == 4
    # 0.12 × 3 + 0.88 × 1 = 1.24, but the output writes 1.25 (0.1249 × 3 + 0.8751): 0.125 × 3 + 0.875
    assert weighted_sum(np.array([0.1249, 0.8751]), np.array([[3.0], [1.0]])).weight_decimals == 3
    assert weighted_sum(np.array([0.4321, 0.5679]), np.array([[1.0], [0.0]])).weight_decimals == 2


def test_running_sums_of_the_terms_as_written():
    """Each running sum a viewer works out from the terms on screen: 0.125 × 3 = 0.375, then
    + 0.875 × 1 = 1.25 (the exact weights give 0.3747 and 1.2498)."""
    from attention_math.breakdown import weighted_sum
    from attention_math.formatting import written

    parts = weighted_sum(np.array([0.1249, 0.8751]), np.array([[3.0], [1.0]]))
    assert parts.running_as_written(3)[:, 0] == pytest.approx([0.375, 1.25])
    # the last one, written, is the output as its row writes it
    assert written(parts.running_as_written(parts.weight_decimals)[-1, 0], 2) == written(parts.total[0], 2)


def test_spelled_out_terms_and_their_sums_check_as_written():
    """A strip per term: 0.125 × 3 = 0.38 and 0.875 × 1 = 0.88 (two decimals) add up to 1.26,
    but the output writes 1.25 (0.1249 × 3 + 0.8751): at three decimals 0.375 + 0.875 = 1.250.
    0.50 × 1 + 0.50 × 3 = 0.50 + 1.50 = 2.00 needs no more than two."""
    from attention_math.breakdown import weighted_sum

    parts = weighted_sum(np.array([0.1249, 0.8751]), np.array([[3.0], [1.0]]))
    assert parts.terms_as_written(3, 2)[:, 0] == pytest.approx([0.38, 0.88])
    assert parts.running_of_terms(3, 2)[:, 0] == pytest.approx([0.38, 1.26])
    assert parts.term_decimals(3) == 3
    assert parts.running_of_terms(3, 3)[:, 0] == pytest.approx([0.375, 1.25])
    assert weighted_sum(np.array([0.5, 0.5]), np.array([[1.0], [3.0]])).term_decimals(2) == 2


def test_a_worked_score_divided_by_root_d_checks_as_written():
    """1.30 × 1.92 + 0.10 × 0.00 = 2.496: at two decimals the sum is 2.50, and 2.50 ÷ √2 = 1.77,
    but the score is 2.496 ÷ √2 = 1.765 (1.76 at two): three decimals. 1.00 × 2.00 = 2.00,
    ÷ √4 = 1.00, needs two."""
    from attention_math.breakdown import dot_product

    assert dot_product(np.array([1.30, 0.10]), np.array([1.92, 0.00])).scaled_decimals(2) == 3
    assert dot_product(np.array([1.00]), np.array([2.00])).scaled_decimals(4) == 2


def test_numbers_are_rounded_half_up_as_by_hand():
    """1.69 ÷ 2 = 0.845 is written 0.85, as 3.43 ÷ 2 = 1.715 is written 1.72 (the float nearest
    0.845 lies just below it: f"{0.845:.2f}" writes 0.84); signs are kept, −0 is not written."""
    from attention_math.formatting import format_number

    assert [format_number(v) for v in (1.69 / 2, 3.43 / 2, -0.125, 2.565, -0.004)] == ["0.85", "1.72", "−0.13", "2.57", "0.00"]
    assert format_number(2.5, 0) == "3" and format_number(12345.678, 1) == "12345.7"
    assert format_number(1e300).endswith(".00") and format_number(-np.inf) == "−∞"


def test_factors_get_the_decimals_their_product_needs():
    """1.28 × 1.90 = 2.432, not the 2.44 the score writes (2.44 / 1.90 = 1.2842…): the reach
    is written 1.284; 1.30 × 1.80 = 2.34 checks at two decimals."""
    from attention_math.formatting import factor_decimals

    assert factor_decimals(2.44 / 1.90, 1.90, 2.44) == 3
    assert factor_decimals(1.30, 1.80, 2.34) == 2


def test_a_scaling_factor_gets_the_decimals_its_product_needs():
    """|mouse| cos θ at 45° (cos θ = 0.70711): 1.84 × 0.71 = 1.3064 → 1.31, not the 1.30 written;
    1.84 × 0.707 = 1.30088 → 1.30, so three decimals. 1.80 × 0.50 = 0.90 checks at two. A written
    1.31 from cos 0.7049 checks at neither: 1.84 × 0.70 = 1.288, 1.84 × 0.705 = 1.2972."""
    import math

    from attention_math.formatting import scaling_factor_decimals

    assert scaling_factor_decimals(1.84, 2, math.cos(math.pi / 4), 1.30, 2) == 3
    assert scaling_factor_decimals(1.80, 2, 0.5, 0.90, 2) == 2  # 1.80 × 0.50 = 0.90 at once
    assert scaling_factor_decimals(1.84, 2, 0.7049, 1.31, 2) is None  # 0.70 → 1.288, 0.705 → 1.2972


def test_no_number_is_written_as_a_dash():
    """A shadow along a zero vector does not exist: it is written "—" (and read back as NaN)."""
    from attention_math.formatting import format_number, parse_number
    from attention_math.geometry import Plane, projection

    assert format_number(float("nan")) == "—" and np.isnan(parse_number("—"))
    plane = Plane(axes=(0, 1), names=("animal", "tech"), width=2, reason="exact")
    along_nothing = projection(np.array([1.3, 1.3]), np.array([0.0, 0.0]), plane)
    assert np.isnan(along_nothing.shadow_on_b) and along_nothing.plane_dot == 0.0
    assert projection(np.array([1.3, 1.3]), np.array([1.8, 0.0]), plane).shadow_on_b == pytest.approx(1.3)
