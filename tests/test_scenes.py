"""Every scene constructs, and every number it draws equals attention_math's value at the
precision shown: for the built-in example and for a second, different one."""

import numpy as np
import pytest

from attention_math import ExampleError, format_number, load_example, scale_factor, trace_example
from attention_math.breakdown import dot_product, softmax_row
from scenes.limits import MAX_TOKENS, check_drawable
from scenes.registry import SCENES
from tests.scene_helpers import EXAMPLES, built_scene, expected_values

SCENE_NAMES = [s.name for s in SCENES]
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _implemented():
    import importlib

    names = []
    for s in SCENES:
        try:
            importlib.import_module(f"scenes.{s.module}")
            names.append(s.name)
        except ModuleNotFoundError:
            pass
    return names


@pytest.mark.parametrize("example_key", list(EXAMPLES))
@pytest.mark.parametrize("scene_name", _implemented())
def test_displayed_numbers_equal_the_math(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    example = scene.example
    first = example.focus_sentences()[0]
    assert len(scene.shown) >= 2, "a scene shows at least two matrices or charts"
    for mob in scene.shown:
        expected = np.atleast_2d(expected_values(mob.name, example, first))
        shown = np.atleast_2d(mob.displayed())
        assert shown.shape == expected.shape, mob.name
        # masked scores are drawn as −∞ exactly where the math has -inf
        assert np.array_equal(np.isneginf(shown), np.isneginf(expected)), mob.name
        finite = np.isfinite(expected)
        # every other drawn number is the math value rounded to the shown two decimals
        assert np.all(np.abs(shown[finite] - expected[finite]) <= 0.005 + 1e-9), (mob.name, shown, expected)


@pytest.mark.parametrize("example_key", list(EXAMPLES))
def test_worked_dot_product_matches_the_scores(example_key):
    scene = built_scene("scores", example_key)
    i, j = scene.worked
    s = scene.first
    dot = dot_product(s.input[i], s.input[j])
    assert dot.total == pytest.approx(s.simple.scores[i, j])
    sums = [t.text for t in scene.work[1]]  # manim's Text.text drops spaces
    assert sums == [f"Σ{format_number(v)}" for v in dot.running]


@pytest.mark.parametrize("example_key", list(EXAMPLES))
def test_captions_quote_the_math(example_key):
    example = load_example(EXAMPLES[example_key])
    traces = trace_example(example)
    s = traces[example.focus_sentences()[0]]
    i = s.tokens.index(example.focus)
    scaling = built_scene("scaling", example_key)
    assert scaling.root.text == f"√d=√{example.d}={format_number(scale_factor(example.d))}"
    softmax_scene = built_scene("softmax", example_key)
    total = format_number(softmax_row(s.simple.scaled[i]).total)
    assert any(total in c for c in softmax_scene.captions)
    assert all(t.text == "Σ1.00" for t in softmax_scene.sum_labels)  # every row sums to 1


def test_context_scene_tells_the_story():
    scene = built_scene("contexts", "builtin")
    assert [scene.context_word(s) for s in scene.pair] == ["cat", "keyboard"]
    assert any("towards animal" in c for c in scene.captions)
    assert any("towards tech" in c for c in scene.captions)


def test_scenes_share_one_colour_meaning():
    """The value scale and role colours come from the theme: the same value gets the same
    fill in every scene, and the focus word is labelled in the focus colour everywhere."""
    from manim import ManimColor

    fills = {}
    for name in ("embeddings", "scores", "output"):
        scene = built_scene(name, "builtin")
        for grid in scene.shown:
            if grid.name in ("input", "embeddings", "sentences[0].input", "simple.v"):
                for rect, value in zip(grid.rects, grid.values.flatten()):
                    key = round(float(value), 6)
                    fill = (rect.get_fill_color().to_hex(), round(float(rect.get_fill_opacity()), 3))
                    assert fills.setdefault(key, fill) == fill, (name, grid.name, value)
        theme = scene.theme
        # token-labelled matrices (not V, whose labels wear the value colour) mark the focus word
        focus_labels = [lab for g in scene.shown if g.name != "simple.v"
                        for lab in getattr(g, "row_labels", []) if getattr(lab, "text", "") == "mouse"]
        assert focus_labels and all(ManimColor(lab[0][0].get_fill_color()).to_hex().lower() == theme.focus.lower() for lab in focus_labels)


def test_light_theme_constructs_with_its_own_background():
    scene = built_scene("softmax", "builtin", "light")
    assert scene.theme.name == "light"
    assert str(scene.camera.background_color).lower() == "#ffffff"


# ---- layout limits -----------------------------------------------------------------------

def _example_with(tokens_per_sentence: int, dims: int = 2, token_len: int = 3):

    names = [f"t{k:0{token_len - 1}d}" for k in range(tokens_per_sentence)]
    return {"dims": [f"d{k}" for k in range(dims)],
            "embeddings": {t: [0.1] * dims for t in names},
            "sentences": [" ".join(names)]}


def test_too_many_tokens_is_refused_before_rendering(write):
    import json

    path = write("big.json", json.dumps(_example_with(MAX_TOKENS + 1)))
    with pytest.raises(ExampleError, match=f"at most {MAX_TOKENS}"):
        check_drawable(load_example(path))
    check_drawable(load_example(write("ok.json", json.dumps(_example_with(MAX_TOKENS)))))


def test_render_cli_refuses_oversized_example_with_exit_2(write):
    import json

    from click.testing import CliRunner

    import render

    path = write("big.json", json.dumps(_example_with(MAX_TOKENS + 1)))
    result = CliRunner().invoke(render.cli, ["scene", "scores", "--embeddings", str(path)])
    assert result.exit_code == 2
    assert "at most 8" in result.output and "fix:" in result.output and "Traceback" not in result.output


def test_largest_layout_stays_inside_the_frame(write, tmp_path):
    """8 tokens, 8 dims: every drawn cell and label stays inside the 16:9 frame."""
    import yaml
    from manim import config, tempconfig

    from scenes.registry import BY_NAME
    from scenes.registry import scene_class
    from tests.scene_helpers import TINY

    rng = np.random.default_rng(0)
    dims = [f"dim{k}" for k in range(8)]
    tokens = [f"word{k}" for k in range(8)]
    data = {"dims": dims, "embeddings": {t: rng.uniform(-2, 2, 8).round(2).tolist() for t in tokens},
            "sentences": [" ".join(tokens), " ".join(reversed(tokens))], "focus": "word3"}
    path = tmp_path / "wide.yaml"
    path.write_text(yaml.safe_dump(data))
    example = load_example(path)
    for name in ("embeddings", "scores", "softmax", "output"):
        with tempconfig(TINY):
            scene = scene_class(BY_NAME[name])(example=example, skip_animations=True)
            scene.render()
            half_w, half_h = config.frame_width / 2, config.frame_height / 2
            for mob in scene.mobjects:
                assert mob.get_left()[0] >= -half_w - 1e-6 and mob.get_right()[0] <= half_w + 1e-6, (name, mob)
                assert mob.get_bottom()[1] >= -half_h - 1e-6 and mob.get_top()[1] <= half_h + 1e-6, (name, mob)


def test_captions_follow_a_custom_example():
    """Narration speaks of the user's words and numbers, never the built-in example's."""
    contexts = built_scene("contexts", "second")
    text = " ".join(contexts.captions)
    for s in contexts.pair:
        assert f"Next to {contexts.context_word(s)}," in text
    output = built_scene("output", "second")
    s = output.first
    first_weight = format_number(s.simple.weights[s.tokens.index("mouse"), 0])
    assert any(f"{first_weight} × {s.tokens[0]}" in c for c in output.captions)
    every = " ".join(c for name in ("embeddings", "scores", "softmax", "output", "contexts", "causal")
                     for c in built_scene(name, "second").captions)
    assert "cat" not in every.split() and "keyboard" not in every
