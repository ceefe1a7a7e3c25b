"""attention_math.geometry: the numbers of the vector picture, worked out by hand, and the
`plane:` key of an example file."""

import math

import numpy as np
import pytest

from attention_math import ExampleError, load_example, trace_example
from attention_math.geometry import (
    FULL_LINE_WIDTH, MIN_LINE_OPACITY, Plane, alignment_partners, arrow_chain, disc_radius,
    embedding_plane, line_opacity, line_width, near_zero, nice_step, points_along, projection, query_key_plane,
    residual, sentence_words, view_ranges, widest_spread,
)
from tests.scene_helpers import EXAMPLES

XY = Plane((0, 1), ("x", "y"), 2, "exact")


def _example(write, dims, rows, extra=""):
    embeddings = "\n".join(f"  {token}: {values}" for token, values in rows.items())
    text = f"dims: {dims}\nembeddings:\n{embeddings}\nsentences: ['{' '.join(rows)}']\n{extra}"
    return load_example(write("example.yaml", text))


# ---- which plane ----------------------------------------------------------------------------

def test_builtin_plane_is_animal_and_tech():
    example = load_example()
    plane = embedding_plane(example)
    assert (plane.axes, plane.names, plane.width, plane.reason, plane.exact) == ((0, 1), ("animal", "tech"), 4, "named",
                                                                                 False)
    # cat along animal, keyboard along tech, mouse between: the rows' first two numbers
    assert plane.coordinates(example.embeddings["mouse"]).tolist() == [1.3, 1.3]


def test_the_file_names_the_plane_in_its_own_order(write):
    example = _example(write, "[animal, tech, size]", {"a": [1, 2, 3], "b": [0, 1, 0]}, "plane: [size, animal]\n")
    assert example.plane == ("size", "animal")
    plane = embedding_plane(example)
    assert (plane.axes, plane.names, plane.reason) == ((2, 0), ("size", "animal"), "file")
    assert plane.coordinates(np.array([1.0, 2.0, 3.0])).tolist() == [3.0, 1.0]


def test_without_animal_and_tech_the_two_dims_that_vary_most(write):
    # columns over the rows: p is constant (spread 0), q = 1, 3, 2 (std 0.82), r = 5, 1, 3 (std 1.63)
    example = _example(write, "[p, q, r]", {"u": [0, 1, 5], "v": [0, 3, 1], "w": [0, 2, 3]})
    plane = embedding_plane(example)
    assert (plane.axes, plane.names, plane.reason) == ((1, 2), ("q", "r"), "spread")
    assert widest_spread(np.array([[0, 1, 5], [0, 3, 1], [0, 2, 3]])) == (1, 2)


def test_two_dims_are_exact_and_one_has_no_plane(write):
    assert embedding_plane(_example(write, "[p, q]", {"u": [1, 2]})).exact
    assert embedding_plane(_example(write, "[p]", {"u": [1]})) is None


def test_queries_and_keys_share_one_plane():
    example = load_example()
    s = trace_example(example)[0]
    plane = query_key_plane(s.projected.q, s.projected.k)  # d_k = 2 in the built-in example
    assert (plane.axes, plane.names, plane.exact) == ((0, 1), ("q1/k1", "q2/k2"), True)
    # d_k = 3: the components that vary most over queries and keys together
    q = np.array([[0.0, 1.0, 0.0], [0.0, -1.0, 0.1]])
    k = np.array([[5.0, 0.0, 0.0], [-5.0, 0.0, 0.0]])
    wide = query_key_plane(q, k)
    assert (wide.axes, wide.names, wide.exact) == ((0, 1), ("q1/k1", "q2/k2"), False)
    assert query_key_plane(q[:, :1], k[:, :1]) is None


@pytest.mark.parametrize("field,problem", [
    ("plane: animal", "plane: animal is not a list of two dim names; fix: write e.g. plane: [animal, tech]"),
    ("plane: [animal, size]", "plane: 'size' is not one of the dims; fix: use two of: animal, tech, grammar"),
    ("plane: [tech, tech]", "plane: names 'tech' twice; fix: name two different dims"),
    ("plane: [animal, tech, grammar]", "is not a list of two dim names"),
])
def test_a_bad_plane_is_one_line_naming_the_field_and_the_fix(write, field, problem):
    with pytest.raises(ExampleError) as error:
        _example(write, "[animal, tech, grammar]", {"a": [1, 2, 3]}, field + "\n")
    assert problem in str(error.value) and "\n" not in str(error.value)


# ---- axes --------------------------------------------------------------------------------------

def test_nice_steps():
    assert nice_step(2.088) == 0.5   # 2.088 / 0.5 = 4.2 steps: 0.25 would need 8.4
    assert nice_step(7.0) == 2.0     # 3.5 steps
    assert nice_step(0.3) == pytest.approx(0.1)
    assert nice_step(0.0) == 0.2     # nothing to show: a unit span


def test_axes_fit_the_values_with_one_step_and_room_for_the_tips():
    # longest span 1.8, padded by 8% (0.144) each side -> 2.088 -> step 0.5
    x, y = view_ranges(np.array([[1.8, 0.0], [0.0, 1.8], [1.3, 1.3]]))
    assert x == y
    assert (x.low, x.high, x.step) == pytest.approx((-0.144, 1.944, 0.5))
    assert x.ticks == (0.5, 1.0, 1.5)


def test_axes_reach_negative_values():
    # x from -0.3 to 1.6, y from -0.4 to 1.4: the longer span 1.9, pad 0.152
    x, y = view_ranges(np.array([[-0.3, 1.4], [1.6, -0.4]]))
    assert (x.low, x.high, y.low, y.high) == pytest.approx((-0.452, 1.752, -0.552, 1.552))
    assert x.step == y.step == 0.5
    assert x.ticks == (0.5, 1.0, 1.5) and y.ticks == (-0.5, 0.5, 1.0, 1.5)


def test_near_zero_words_and_the_words_along_each_axis():
    example = load_example()
    words = sentence_words(example)
    assert words == ("cat", "and", "mouse", "are", "friends", "keyboard", "useful")
    coords = embedding_plane(example).coordinates(np.array([example.embeddings[w] for w in words]))
    # longest |mouse| = 1.84; below 15% of it (0.28): and (0) and are (0.14); friends (0.4) is an arrow
    assert [w for w, small in zip(words, near_zero(coords)) if small] == ["and", "are"]
    assert words[points_along(coords, 0)] == "cat" and words[points_along(coords, 1)] == "keyboard"
    assert points_along(coords, 0, exclude=[0]) is None  # nothing else lies within 20° of animal and is long


# ---- the dot product as alignment ------------------------------------------------------------------

def test_projection_three_four_five():
    p = projection(np.array([3.0, 4.0, 7.0]), np.array([2.0, 0.0, 1.0]), XY)
    assert (p.length_a, p.length_b, p.cos, p.shadow) == pytest.approx((5.0, 2.0, 0.6, 3.0))
    assert p.foot.tolist() == [3.0, 0.0]
    assert (p.plane_dot, p.full_dot, p.rest) == pytest.approx((6.0, 13.0, 7.0))
    assert (p.a - p.foot) @ p.b == pytest.approx(0.0)  # the dashed line is perpendicular to b


def test_mouse_against_its_partners():
    example = load_example()
    plane = embedding_plane(example)
    assert alignment_partners(example, trace_example(example)) == ("cat", "keyboard", "and")
    mouse = example.embeddings["mouse"]
    cat = projection(mouse, example.embeddings["cat"], plane)
    # mouse (1.3, 1.3) onto cat (1.8, 0): shadow 1.3 at 45°, × 1.8 = 2.34; + grammar 0.04 + mood 0.04 = 2.42
    assert (cat.shadow, cat.cos, cat.plane_dot, cat.full_dot) == pytest.approx((1.3, math.sqrt(0.5), 2.34, 2.42))
    keyboard = projection(mouse, example.embeddings["keyboard"], plane)
    assert (keyboard.shadow, keyboard.plane_dot, keyboard.full_dot) == pytest.approx((1.3, 2.34, 2.38))
    # "and" is (0, 0) in the plane: no angle, no shadow; its score 0.32 is all grammar (0.2 × 1.6)
    word_and = projection(mouse, example.embeddings["and"], plane)
    assert (word_and.cos, word_and.shadow, word_and.plane_dot, word_and.full_dot) == (None, 0.0, 0.0, pytest.approx(0.32))


def test_second_example_partners_include_a_negative_score():
    example = load_example(EXAMPLES["second"])
    assert alignment_partners(example, trace_example(example)) == ("猫", "wireless", "the")
    the = projection(example.embeddings["mouse"], example.embeddings["the"], embedding_plane(example))
    assert the.full_dot == pytest.approx(-0.37)  # -0.6·0.1 - 0.3·1.1 + 0.2·0.1


# ---- weighted sums ---------------------------------------------------------------------------------

def test_arrow_chain_lays_weighted_arrows_tip_to_tail():
    chain = arrow_chain(np.array([0.5, 0.25, 0.25]), np.array([[2.0, 0.0, 9.0], [0.0, 4.0, 9.0], [4.0, 4.0, 9.0]]), XY)
    assert chain.scaled.tolist() == [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    assert chain.starts.tolist() == [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]
    assert chain.ends.tolist() == [[1.0, 0.0], [1.0, 1.0], [2.0, 2.0]]
    assert chain.total.tolist() == [2.0, 2.0]


def test_the_chain_ends_at_the_output():
    example = load_example()
    s = trace_example(example)[0]
    i = s.tokens.index("mouse")
    chain = arrow_chain(s.simple.weights[i], s.simple.v, embedding_plane(example))
    assert chain.total == pytest.approx(s.simple.output[i][:2])
    assert chain.total == pytest.approx([1.0884, 0.5735], abs=1e-4)  # leans animal next to cat


def test_residual_adds_the_output_onto_the_embedding():
    r = residual(np.array([1.3, 1.3, 0.2]), np.array([1.09, 0.57, 0.5]), XY)
    assert r.total == pytest.approx([2.39, 1.87])


# ---- weights as size --------------------------------------------------------------------------------

def test_line_width_and_opacity_grow_with_the_weight():
    assert line_width(0.5) == FULL_LINE_WIDTH / 2 and line_width(1.0) == FULL_LINE_WIDTH
    assert (line_width(0.0), line_opacity(0.0)) == (0.0, 0.0)  # a weight of 0 draws no line
    assert line_opacity(0.5) == pytest.approx(MIN_LINE_OPACITY + (1 - MIN_LINE_OPACITY) / 2)
    assert line_opacity(1.0) == 1.0
    weights = np.linspace(0.01, 1, 25)
    assert np.all(np.diff([line_width(w) for w in weights]) > 0)
    assert np.all(np.diff([line_opacity(w) for w in weights]) > 0)


def test_disc_area_is_the_weight():
    assert disc_radius(0.25, 1.0) == 0.5 and disc_radius(1.0, 0.4) == 0.4 and disc_radius(0.0, 1.0) == 0.0
    for w in (0.1, 0.37, 0.9):
        assert math.pi * disc_radius(w, 0.3) ** 2 == pytest.approx(w * math.pi * 0.3 ** 2)
