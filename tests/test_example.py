"""The built-in example tells the article's story in numbers; seeded weights are reproducible."""

import numpy as np
import pytest

from attention_math import load_example, seeded_matrix, trace_example
from attention_math.story import is_ambiguous, is_balanced, leans_towards, ranked, strongest_neighbour


@pytest.fixture(scope="module")
def builtin():
    example = load_example()
    return example, trace_example(example)


def _focus_row(example, traces, index):
    return traces[index].tokens.index(example.focus)


def test_mouse_has_one_ambiguous_embedding(builtin):
    example, traces = builtin
    animal, tech = example.dims.index("animal"), example.dims.index("tech")
    rows = [s.input[_focus_row(example, traces, i)] for i, s in enumerate(traces)]
    assert np.array_equal(rows[0], rows[1])  # the same vector in both sentences
    # what the embeddings and contexts scenes say of it, by the same predicates
    largest = max(np.abs(v).max() for v in example.embeddings.values())
    assert is_balanced(rows[0][animal], rows[0][tech])
    assert is_ambiguous(rows[0][animal], rows[0][tech], largest)
    assert min(rows[0][animal], rows[0][tech]) >= 1.0  # and strong on both


def test_cat_and_keyboard_are_clear_cut(builtin):
    example, _ = builtin
    animal, tech = example.dims.index("animal"), example.dims.index("tech")
    assert example.embeddings["cat"][animal] > 1.0 > example.embeddings["cat"][tech] + 0.5
    assert example.embeddings["keyboard"][tech] > 1.0 > example.embeddings["keyboard"][animal] + 0.5
    assert "cat" in example.sentences[0] and "keyboard" in example.sentences[1]


@pytest.mark.parametrize("kind", ["simple", "projected"])
def test_context_decides_the_meaning(builtin, kind):
    example, traces = builtin
    out = [getattr(s, kind).output[_focus_row(example, traces, i)] for i, s in enumerate(traces)]
    # simple: output in the input dims; projected: W_V passes on (animal, tech) as columns 0, 1
    animal, tech = (example.dims.index("animal"), example.dims.index("tech")) if kind == "simple" else (0, 1)
    assert leans_towards(out[0][animal], out[0][tech]) == 0  # cat sentence: leans animal, visible at two decimals
    assert leans_towards(out[1][animal], out[1][tech]) == 1  # keyboard sentence: leans tech


def test_mixing_is_visible_and_readable(builtin):
    _, traces = builtin
    for s in traces:
        assert s.simple.weights.max() <= 0.8
        assert s.simple.weights.min() >= 0.05  # every word gets some attention in the simple version
        for name in ("scores", "scaled", "weights", "output"):
            values = getattr(s.simple, name)
            assert np.all(np.abs(values) < 100)  # fits a cell at two decimals
            nonzero = values[values != 0]
            assert np.all(np.abs(nonzero) >= 0.005)  # nothing that prints as a misleading 0.00


def test_heads_attend_differently(builtin):
    example, traces = builtin
    for i, s in enumerate(traces):
        heads = s.multi_head.heads
        focus = _focus_row(example, traces, i)
        # the heads' favourite key for the focus word differs, and their patterns differ overall
        assert int(np.argmax(heads[0].weights[focus])) != int(np.argmax(heads[1].weights[focus]))
        assert np.abs(heads[0].weights - heads[1].weights).sum(axis=1).mean() >= 0.3


def test_seeded_weights_are_the_same_on_every_machine():
    # fixed values, so a change in numpy's bit stream or in our formula fails here
    assert seeded_matrix(0, (0, 0, 0), 2, 3).tolist() == [[0.34, -0.56, -1.12], [-1.18, 0.77, 1.01]]
    assert seeded_matrix(42, (1, 1, 2), 4, 2).tolist() == [[-0.07, -0.55], [-0.27, -0.12], [0.81, -0.46], [0.19, -0.16]]


def test_seed_generates_weights_of_the_right_shapes():
    example = load_example(heads=4, seed=3)
    assert example.weights_from_seed and len(example.heads) == 4
    assert all(h.w_q.shape == h.w_k.shape == h.w_v.shape == (4, 1) for h in example.heads)
    assert example.w_o.shape == (4, 4)
    assert example.projection.w_q.shape == (4, 4)  # single head: d_k = d_v = d unless the file says
    assert load_example(heads=4, seed=3).heads[2].w_v.tolist() == example.heads[2].w_v.tolist()
    assert load_example(heads=4, seed=4).heads[2].w_v.tolist() != example.heads[2].w_v.tolist()


def test_file_without_weights_uses_its_seed_and_widths(write):
    path = write("e.yaml", "dims: [a, b, c, d]\nembeddings: {x: [1, 0, 0, 1], y: [0, 1, 1, 0]}\n"
                           "sentences: [x y]\nseed: 5\nd_k: 3\nd_v: 2\n")
    example = load_example(path)
    assert example.projection.w_q.shape == (4, 3) and example.projection.w_v.shape == (4, 2)
    assert example.projection.w_q.tolist() == seeded_matrix(5, (0, 0, 0), 4, 3).tolist()


def test_default_focus_is_the_word_all_sentences_share(write):
    path = write("e.csv", "token,a,b\ncat,1,0\nmouse,1,1\nkeyboard,0,1\n")
    example = load_example(path, sentences=["cat mouse", "mouse keyboard"])
    assert example.focus == "mouse" and example.focus_sentences() == (0, 1)


def test_story_predicates_hand_checked():
    tokens = ("cat", "and", "mouse", "mouse")
    assert strongest_neighbour(tokens, np.array([0.3, 0.1, 0.9, 0.9]), "mouse") == 0  # never the focus word itself
    assert strongest_neighbour(("mouse",), np.array([1.0]), "mouse") == 0  # alone: itself
    assert ranked(np.array([0.2, 0.5, 0.2, 0.1])) == [1, 0, 2, 3]  # ties keep sentence order
    assert is_ambiguous(1.3, 1.3, 1.8) and is_ambiguous(1.0, 1.4, 1.8)  # 1.0 >= 0.7 * 1.4 and >= 0.5 * 1.8
    assert not is_ambiguous(0.9, 1.4, 1.8)  # 0.9 < 0.7 * 1.4
    assert not is_ambiguous(0.5, 0.6, 1.8)  # balanced but weak: 0.5 < 0.5 * 1.8
    assert is_balanced(1.3, 1.2) and not is_balanced(1.3, 1.1)
    assert leans_towards(1.09, 0.57) == 0 and leans_towards(0.58, 1.09) == 1 and leans_towards(1.0, 0.95) is None
