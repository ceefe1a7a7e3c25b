"""Every scene constructs and plays every animation, every number it draws equals
attention_math's value at the precision shown, and every step keeps everything inside the frame:
for the built-in example and a second, different one that is also the widest layout accepted."""

import importlib
import os

import numpy as np
import pytest

from attention_math import ExampleError, format_number, load_example, scale_factor, trace_example
from attention_math.breakdown import dot_product, softmax_row, weighted_sum
from pipeline import catalog
from pipeline.limits import MAX_TOKENS, check_drawable
from tests.scene_helpers import EXAMPLES, build, built_scene, expected_values

SCENE_NAMES = catalog.scene_names()
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def per_scene(*example_keys):
    """(scene, example) parameters, grouped so each scene is built in one xdist worker only."""
    return [pytest.param(name, key, marks=pytest.mark.xdist_group(name), id=f"{name}-{key}")
            for name in SCENE_NAMES for key in example_keys]


@pytest.mark.xdist_group("grouping")
def test_xdist_sends_a_scene_group_to_one_worker(request):
    """The suite builds each scene once because xdist's loadgroup sends a scene's tests to one
    worker; it marks them by suffixing '@group' to the test id. When that stops (pytest 9.2 with
    xdist 3.8 did, silently), every scene is built in every worker and the suite doubles."""
    if "PYTEST_XDIST_WORKER" in os.environ:
        assert request.node.nodeid.endswith("@grouping"), request.node.nodeid


def test_every_scene_module_imports_and_declares_what_the_catalog_reads():
    """A scene whose module fails to import fails here (it does not silently drop out)."""
    import scenes

    assert list(scenes.ORDER) == SCENE_NAMES
    for info in catalog.scenes():
        module = importlib.import_module(info.module)  # raises on a broken import
        cls = getattr(module, info.class_name)
        assert (cls.scene_name, cls.chapter, cls.summary, tuple(cls.needs)) == (info.name, info.chapter, info.summary,
                                                                               info.needs)
        assert cls.chapter_number() == info.number
        assert cls.steps and all(callable(getattr(cls, step)) for step in cls.steps)


@pytest.mark.parametrize("scene_name,example_key", per_scene("builtin", "second"))
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


@pytest.mark.parametrize("scene_name,example_key", per_scene("builtin"))
def test_no_text_is_too_small_to_read(scene_name, example_key):
    """At the end of every step, every text on screen (numbers in cells, captions, tick labels)
    is at least SMALLEST_TEXT, as drawn: after the layouts have scaled it."""
    from scenes.components import SMALLEST_TEXT

    scene = built_scene(scene_name, example_key)
    small = sorted({(step, text.original_text, round(size, 1)) for step, labels in scene.step_labels
                    for text, size in zip(labels.texts, labels.sizes) if size < SMALLEST_TEXT - 0.05})
    assert small == []


@pytest.mark.parametrize("scene_name,example_key", per_scene("builtin"))
def test_every_step_ends_on_what_it_built(scene_name, example_key):
    """A step's last frame is its slide's and its poster's picture: never cleared down to the
    heading (a picture is cleared as the next step's first play brings the new one)."""
    scene = built_scene(scene_name, example_key)
    heading = scene.heading.original_text
    bare = [step for step, labels in scene.step_labels if not [t for t in labels.texts if t.original_text != heading]]
    assert bare == []


@pytest.mark.parametrize("scene_name,example_key", per_scene("builtin", "second"))
def test_every_step_ends_with_the_camera_on_the_whole_frame(scene_name, example_key):
    """A camera moved in onto a worked number comes back before its step ends: the slides, the
    posters and the next step start from the whole frame."""
    scene = built_scene(scene_name, example_key)
    assert [(step, share, centre) for step, share, centre in scene.step_zooms
            if abs(share - 1.0) > 1e-6 or any(abs(c) > 1e-6 for c in centre)] == []


@pytest.mark.parametrize("scene_name,example_key", per_scene("builtin", "second"))
def test_every_step_keeps_everything_inside_the_frame(scene_name, example_key):
    """At the end of every step (the slide deck's stills), nothing reaches past the frame."""
    scene = built_scene(scene_name, example_key)
    assert [step for step, _ in scene.step_bounds] == list(scene.steps)
    assert [(step, out) for step, out in scene.step_bounds if out] == []


@pytest.mark.parametrize("scene_name", [pytest.param(n, marks=pytest.mark.xdist_group(n)) for n in SCENE_NAMES])
def test_every_animation_plays_through(scene_name):
    """The built-in example's build is a real one: every animation stepped frame by frame,
    as a render does, through every step, into a clip of lecture length."""
    scene = built_scene(scene_name, "builtin")
    assert scene.animated and scene.renderer.num_plays > 5
    assert [step for step, _ in scene.step_bounds] == list(scene.steps)
    # a chapter of lecture length, two and a quarter minutes at most (the longest, projections, runs
    # ~128 s at reading pace): an outer bound on every chapter, not a measure of any one's length
    assert 15 <= scene.renderer.time <= 135


def in_group(scene_name):
    """Mark a test that reads `scene_name`'s builds: it runs in the worker that builds that scene."""
    return pytest.mark.xdist_group(scene_name)


@in_group("scores")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_worked_dot_product_matches_the_scores(example_key):
    scene = built_scene("scores", example_key)
    i, j = scene.worked
    s = scene.first
    dot = dot_product(s.input[i], s.input[j])
    assert dot.total == pytest.approx(s.simple.scores[i, j])
    sums = [t.text for t in scene.work[1]]  # manim's Text.text drops spaces
    written = [f"Σ{format_number(v, dot.decimals)}" for v in dot.running]
    if dot.decimals > 2:
        written[-1] += f"≈{format_number(dot.total)}"
    assert sums == written


def _focus_sentence(example_key):
    example = load_example(EXAMPLES[example_key])
    s = trace_example(example)[example.focus_sentences()[0]]
    return example, s, s.tokens.index(example.focus)


@in_group("scaling")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_scaling_quotes_the_divisor(example_key):
    example, _, _ = _focus_sentence(example_key)
    scaling = built_scene("scaling", example_key)
    assert scaling.root.text == f"√d=√{example.d}={format_number(scale_factor(example.d))}"


@in_group("scaling")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_scaling_shows_the_spread_of_random_dot_products_read_back(example_key):
    """Each bar of a width's histogram spans its bin ÷ √d on the zoomed axis and stands as tall as
    the bin's count (one scale for every width), the counts adding up to every sample; the spreads
    shown are attention_math's, before and after the division."""
    from attention_math.core import dot_product_spread
    from attention_math.story import spread_histogram

    scene = built_scene("scaling", example_key)
    assert [row.spread.d for row in scene.spread_rows] == [scene.example.d, 64, 512]
    heights = []
    for row, raw, scaled in zip(scene.spread_rows, scene.raw_values, scene.spread_values):
        expected = dot_product_spread(row.spread.d)
        # (the measured ratios at 2 decimals: 0.96, 1.01, each "about 1")
        assert (raw.text, scaled.text) == (format_number(expected.spread, 1), format_number(expected.scaled_spread, 2))
        hist = spread_histogram(expected, int(round(row.axis.x_range[1])))
        filled = [k for k, c in enumerate(hist.counts) if c]
        assert [int(hist.counts[k]) for k in filled] == row.counts and sum(row.counts) == len(expected.samples)
        on_axis = lambda x: row.axis.p2n(np.array([x, row.axis.get_y(), 0.0]))
        root = float(np.sqrt(row.spread.d))
        for bar, k in zip(row.bars, filled):
            assert on_axis(bar.get_left()[0]) == pytest.approx(hist.edges[k] / root, abs=1e-6)
            assert on_axis(bar.get_right()[0]) == pytest.approx(hist.edges[k + 1] / root, abs=1e-6)
            assert bar.get_bottom()[1] == pytest.approx(row.axis.get_y(), abs=1e-6)
            heights.append(bar.height / hist.counts[k])
    assert heights == pytest.approx([heights[0]] * len(heights))
    assert any("standard deviation is about √d" in c for c in scene.captions)


@in_group("scaling")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_scaling_gives_the_reason_first_and_shows_it_on_the_pair(example_key):
    """(r36: the reason came 70 s late) the one forward look, labelled as such, in the first sentence (r42a, r42b: one
    fact, "a score ahead by a gap g gets e^g times the other's weight"; "weights share a total of 1" was a second), the pair's
    gap written on it as it is said; (r42a, r42b: the d = 4 division came before the reason for √d) then the spread,
    the d = 512 row, and only then our d = 4 division; after the pair's difference, what the next step makes of it as
    written, before and after (story.lead_ratio; built-in: 2.42 − 0.32 = 2.10, e^2.10 = 8.17 → 8.2; 1.21 − 0.16 =
    1.05, e^1.05 = 2.86 → 2.9), tied back to the d = 512 row in one short clause."""
    from manim import VGroup

    from attention_math.story import halved_pair, lead_ratio, written_difference

    example, s, i = _focus_sentence(example_key)
    scene = built_scene("scaling", example_key)
    assert scene.steps == ("forward_look", "why_root_d", "divide")
    captions = scene.captions
    assert captions[0] == "Next step: a score ahead by a gap g gets e to the g times the other's weight."
    assert scene.forward[0].text == "nextstep(chapter4):" and [m.text for m in scene.forward[3][0]] == ["e", "g"]
    # one fact: nothing of a fixed total, on screen or said
    assert not any("total" in c for c in captions)
    assert [m.text for m in scene.forward[1:3]] == ["ascoreaheadby", "agapggets"] and len(scene.forward) == 5
    # (r43b: "the weight" did not say whose) the other's, inside the frame
    assert scene.forward[3][1].text == "timesthe" and scene.forward[4].text == "other'sweight"
    assert scene.forward.get_right()[0] <= 7.11 - 0.2
    # the question the spread answers, in the forward look's place, before the spread's first words
    question = captions.index("How big do gaps get? They grow with the vectors' width.")
    spread = next(k for k, c in enumerate(captions) if c.startswith("How wide do dot products spread?"))
    wide = next(k for k, c in enumerate(captions) if "the top leads by" in c)
    ours = next(k for k, c in enumerate(captions) if c.startswith("Back to our scores: d, the vectors' width, is"))
    assert question < spread < wide < ours
    assert "hence" not in " ".join(captions[:question + 1])
    pair = halved_pair(s.simple.scores, s.simple.scaled, scale_factor(example.d), i)
    if pair is None:
        assert getattr(scene, "ratio_beat", None) is None and scene.gap_pill is None
        return
    r, a, b = pair
    # (r38a) the gap the opening names is the pair worked later, boxed in the Scores as "gap" is said; (r42a) its
    # value written on the pair then, straddling the pair's lower edge between the two cells
    # (the boxes and the pill went off with the table's pan; the table came back: compared as the table moved)
    assert scene.gap_pair == pair and len(scene.gap_boxes) == 2
    moved = scene.gap_boxes[0].get_center() - scene.scores.cell(r, a).get_center()
    assert moved[1] == pytest.approx(0.0, abs=0.02)
    for box, c in zip(scene.gap_boxes, (a, b)):
        assert np.allclose(box.get_center() - moved, scene.scores.cell(r, c).get_center(), atol=0.02)
    gap = written_difference(s.simple.scores[r, a], s.simple.scores[r, b])
    assert [m.text for m in scene.gap_pill[1]] == ["gap", gap]
    cells = VGroup(scene.scores.cell(r, a), scene.scores.cell(r, b)).copy().shift(moved)
    assert scene.gap_pill.get_x() == pytest.approx(cells.get_x(), abs=0.02)
    assert scene.gap_pill.get_y() == pytest.approx(cells.get_bottom()[1], abs=0.02)
    # the pill between the numbers of the pair's row and of the row under it: over neither
    under = scene.scores.number(r + 1, a).copy().shift(moved) if r + 1 < len(s.tokens) else None
    assert scene.gap_pill.get_top()[1] < scene.scores.number(r, a).copy().shift(moved).get_bottom()[1]
    assert under is None or scene.gap_pill.get_bottom()[1] > under.get_top()[1]
    assert f"Here: {s.tokens[r]}·{s.tokens[a]} leads {s.tokens[r]}·{s.tokens[b]} by a gap of {gap}." == captions[1]
    if example_key == "builtin":
        assert gap == "2.10"
    expected = [lead_ratio(written_difference(m[r, a], m[r, b]), len(s.tokens)) for m in (s.simple.scores, s.simple.scaled)]
    (was, now), block = scene.ratio_beat
    assert (was, now) == tuple(expected)
    if example_key == "builtin":
        assert (was.exponent, was.ratio, now.exponent, now.ratio) == ("2.10", "8.2", "1.05", "2.9")
    # (r38b) what the smaller ratio means, said with it (story.ratio_smaller: 8.2 → 2.9 built-in)
    assert f"e to the gap: {was.ratio} to 1, now {now.ratio} to 1: less lopsided." in " ".join(captions)
    assert [m.text for m in block[0][1][0]] == ["e", was.exponent] and block[0][1][1].text == f"≈{was.ratio}:1"
    assert [m.text for m in block[1][1][0]] == ["e", now.exponent] and block[1][1][1].text == f"≈{now.ratio}:1"
    # (r42a: a 9-line wall) the was/now/so working collapsed to one line, "gap 2.10 → 1.05"
    assert [m.text for m in scene.gap_line] == ["gap", was.exponent, "→", now.exponent]
    from scenes.staging import BOTTOM
    assert block.get_bottom()[1] >= BOTTOM and block.get_right()[0] <= 7.11
    # (r42a, r42b: "not at d = 4, either way" left the student asking why d = 4 was divided) one short clause tying it
    # back: story.scaling_lopsided_cost on the pair's row, with the d = 512 row's own undivided verdict
    from attention_math.story import scaling_lopsided_cost
    (wide_ratios, _) = scene.lead_ratios
    cost = scaling_lopsided_cost(s.simple.scores[r], s.simple.scaled[r], wide_ratios[0])
    assert cost is not None and cost.wide_verdict == wide_ratios[0].verdict == "nearly all the weight"
    assert "The same rule as at d = 512; here no word gets nearly all the weight, either way." in captions
    lines = scene.same_rule
    assert [m.text for m in lines] == ["sameruleasd=512", "ours:nowordgetsnearlyall"]
    assert lines.get_bottom()[1] >= BOTTOM and lines.get_right()[0] <= 7.11
    # the panel at most 5 lines, top to bottom, none over the next; every line at least 24 px tall at 720p
    panel = [scene.gap_line, block[0], block[1], lines[0], lines[1]]
    for upper, lower in zip(panel, panel[1:]):
        assert upper.get_bottom()[1] > lower.get_top()[1]
    assert all(m.height * 720 / 8 >= 24 for m in (scene.gap_line[0], lines[0], lines[1]))


@in_group("scaling")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_scaling_writes_the_same_share(example_key):
    """(r40a, r40b: "against each typical spread, the same share" was said, never written) the two shares written
    under the divided row, story.scaling_gap_against_spread's (hand-checked: 8.96 ÷ 22.9 = 0.3913 and 0.396 ÷ 1.01 =
    0.3921, both 0.39; the d = 512 row is the same in both examples), clear of the subtitles' band."""
    from scenes.staging import BOTTOM

    scene = built_scene("scaling", example_key)
    line = scene.share_line
    assert line[0].text == "sameshare:"
    assert [m.text for m in line[1]] == ["8.96÷22.9≈0.39", "0.396÷1.01≈0.39"]
    assert line.get_bottom()[1] >= BOTTOM and line.get_right()[0] <= 7.11
    assert line.get_top()[1] < scene.lead_grids[1].rects.get_bottom()[1]


@in_group("scaling")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_scaling_lead_row_reads_back_the_widest_widths_dot_products(example_key):
    """The row of d = 512 score cells is core.dot_product_spread(512)'s first five samples at 2
    decimals, and after the division the same samples ÷ √512 at 3 (hand-checked: 6.04 6.96 15.92 5.62
    −35.86 → 0.267 0.308 0.704 0.248 −1.585); its lead is 15.92 − 6.96 = 8.96."""
    from attention_math.core import dot_product_spread
    from attention_math.formatting import parse_number

    scene = built_scene("scaling", example_key)
    before, after = scene.lead_grids
    samples = dot_product_spread(512).samples[:5]
    assert [n.text for n in before.numbers] == [format_number(v, 2).replace(" ", "") for v in samples]
    assert [n.text for n in after.numbers] == [format_number(v / np.sqrt(512), 3).replace(" ", "") for v in samples]
    assert [parse_number(n.text) for n in before.numbers] == [6.04, 6.96, 15.92, 5.62, -35.86]
    assert [parse_number(n.text) for n in after.numbers] == [0.267, 0.308, 0.704, 0.248, -1.585]
    # (r42a, r42b) the row's four sentences, before our own d = 4 division comes back
    first = next(k for k, c in enumerate(scene.captions) if "the top leads by 8.96" in c)
    said = scene.captions[first:first + 4]
    assert scene.captions[first + 4].startswith("Back to our scores")
    # (r34: softmax is not used before it is taught) no weight, share or softmax on screen or said here
    assert not any("softmax" in c or "%" in c for c in said)
    # the step between the rows, "÷ √512" over "= 22.627" (√512 = 22.6274); one division written out as it
    # happens, the top cell's: 15.92 ÷ 22.627 = 0.70357 → 0.704
    step, worked, notes = scene.lead_texts
    assert [t.text for t in step] == ["÷√512", "=22.627"]
    assert [t.text for t in worked] == ["15.92", "÷22.627=", "0.704"]
    assert any("15.92 becomes 0.704" in c for c in scene.captions)
    # each gap beside its width's typical spread, as the strip above wrote them (22.9, then 1.01): the same share,
    # 0.39 both ways (test_story.test_scaling_gap_against_spread_hand_checked), each note on its gap's line
    assert [t.text for t in notes] == ["typicalspread22.9", "typicalspread1.01"]
    assert (scene.raw_values[-1].text, scene.spread_values[-1].text) == ("22.9", "1.01")  # the strip's d = 512 line
    assert said[-2] == "Now the lead is 0.396: against each typical spread, the same share."
    # (r36: the reason given at the opening) the payoff confirmed, not restated: under each row e^gap from the gap as
    # written (test_story.test_lead_ratio_hand_checked: e^8.96 = 7785 → 7,800, nearly all; e^0.396 = 1.486 → 1.5)
    assert said[-1] == ("Undivided, 7,800 to 1: one word takes nearly all the weight, the others next to nothing;"
                        " divided, 1.5 to 1: both still count.")
    assert sum("next step" in c.lower() for c in scene.captions) == 1  # the forward look said once, at the opening
    (high, low), lines = scene.lead_ratios
    for ratio, line, power in zip((high, low), lines, ("8.96", "0.396")):
        assert [m.text for m in line[0][0]] == ["e", power]
        assert line[0][1].text == f"≈{ratio.ratio}:1" and line[1].text == ratio.verdict.replace(" ", "")
    assert (high.ratio, low.ratio) == ("7,800", "1.5")
    # each ratio under its own row, clear of the next row's gap line and of the fact under the rows; the red key
    assert before.rects.get_bottom()[1] > lines[0].get_top()[1] > lines[0].get_bottom()[1] > notes[1].get_top()[1]
    assert after.rects.get_bottom()[1] > lines[1].get_top()[1] > lines[1].get_bottom()[1] > __import__('scenes.staging').staging.BOTTOM
    # the exponents' digits at least 22 px at 720p (r36a: ~17 px): a digit is ~0.72 of the label's cap height
    assert all(line[0][0][1].height * 720 / 8 >= 22 for line in lines)
    assert scene.lead_sign_key is not None and scene.lead_sign_key.get_right()[0] < before.get_left()[0]
    # every number in the two rows at one size (r35: "−35.86" was shrunk into its cell)
    assert len({round(m.height, 3) for m in before.numbers}) == 1 and len({round(m.height, 3) for m in after.numbers}) == 1
    # the rows and the step stay inside the frame and clear of the subtitles' band; nothing overprints
    before, after = scene.lead_grids
    from scenes.staging import BOTTOM
    for mob in (before, after, step, worked, *notes, *lines):
        assert mob.get_bottom()[1] >= BOTTOM - 0.1 and abs(mob.get_left()[0]) <= 7.11 and abs(mob.get_right()[0]) <= 7.11
    assert step.get_right()[0] < before.get_left()[0] and worked.get_top()[1] < after.get_bottom()[1]
    # (r42b: ~85 px cells, ~68 % of the height) cells at least 105 px tall at 720p; from the upper gap's words to the
    # lower row's ratio the two rows span at least 70 % of the frame's height (with the heading band's name, more)
    assert min(before.rects[0].height, after.rects[0].height) * 720 / 8 >= 105
    gaps, ratios = scene.lead_gap_words, scene.lead_ratios[1]
    assert (gaps[0].get_top()[1] - ratios[1].get_bottom()[1]) / 8 >= 0.7


@in_group("softmax")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_softmax_quotes_the_sum_and_rows_sum_to_one(example_key):
    _, s, i = _focus_sentence(example_key)
    softmax_scene = built_scene("softmax", example_key)
    parts = softmax_row(s.simple.scaled[i])
    total = format_number(parts.total, parts.decimals)
    assert any(total in c for c in softmax_scene.captions)
    # each row is labelled with the fact "Σ = 1" (not a total of its rounded weights, which can read
    # 0.99), and the fact holds: every row of the weights sums to 1
    weights = softmax_scene.first.simple.weights
    assert [t.text for t in softmax_scene.sum_labels] == ["Σ=1"] * len(weights)
    assert weights.sum(axis=1) == pytest.approx(np.ones(len(weights)), abs=1e-12)


@in_group("causal")
def test_causal_rows_are_labelled_with_the_fact_that_they_sum_to_one():
    """The built-in "are" row reads 0.16 + 0.36 + 0.16 + 0.33 = 1.01 once rounded: the line under
    the weights states the fact (Σ = 1, before rounding), which the masked weights keep."""
    scene = built_scene("causal", "builtin")
    weights = scene.first.causal.weights
    assert scene.sum_note.text == "eachrow:Σ=1(beforerounding)"
    assert weights.sum(axis=1) == pytest.approx(np.ones(len(weights)), abs=1e-12)
    assert np.round(weights, 2).sum(axis=1).max() > 1.0  # why a rounded total would mislead


@in_group("causal")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_causal_says_the_masked_row_sums_to_one_before_rounding_where_it_reads_otherwise(example_key):
    """The built-in masked mouse row reads 0.33 + 0.12 + 0.55 = 1.00; the second example's
    focus row reads 1.01 as written, so there the 1 is said of the weights before rounding."""
    scene = built_scene("causal", example_key)
    row = scene.first.causal.weights[scene.focus_row(scene.first)]
    said = [c for c in scene.captions if c.startswith("masked, over fewer words")]
    written_sum = sum(round(float(format_number(w, 2)) * 100) for w in row)
    assert said == ["masked, over fewer words, still summing to 1" + ("" if written_sum == 100 else " before rounding") + ";"]
    assert (written_sum == 100) == (example_key == "builtin")


@in_group("contexts")
def test_context_scene_tells_the_story():
    """Mouse's output is shorter than its input (its animal value drops 1.30 -> 1.09 next to cat):
    what the scene claims is the turn, 45° -> 28° from the animal axis, drawn as an arc of that angle."""
    import math

    scene = built_scene("contexts", "builtin")
    assert [scene.context_word(s) for s in scene.pair] == ["cat", "keyboard"]
    text = " ".join(scene.captions)
    assert "turns towards animal: 28° from the animal axis, where the input is at 45°" in text
    assert "turns towards tech: 28° from the tech axis, where the input is at 45°" in text
    assert "adjusted, not replaced" in text and "Beyond the article" in text
    assert [(m.axis, m.text.text) for m in scene.angle_marks] == [(0, "28°"), (1, "28°")]
    for mark, out in zip(scene.angle_marks, scene.output_arrows):
        # the arc spans from the axis to the drawn output arrow: its angle is the one quoted
        assert math.degrees(abs(mark.arc.angle)) == pytest.approx(mark.degrees, abs=1e-6)
        tip = scene.plane.p2c(out.body.tip.tip_point)
        assert math.degrees(math.atan2(tip[1], tip[0])) == pytest.approx(90 * mark.axis + math.copysign(mark.degrees, 0.5 - mark.axis), abs=1e-3)


@in_group("projections")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_projections_attribute_each_change_to_its_cause(example_key):
    """The simplified row and the learned row (÷ √d_k) are drawn; the narration splits the largest
    learned weight's change between W_Q and W_K (at the same √d) and the divisor √d_k."""
    scene = built_scene("projections", example_key)
    assert [row.name for row in scene.compare_rows] == ["simple.weights[focus]", "projected.weights[focus]"]
    text = " ".join(scene.captions)
    if example_key == "builtin":  # d = 4, d_k = 2
        # the learned row worked where it stands: the scores, ÷ √d_k, then softmax
        # (√2 to 3 decimals, as its scores are: 3.188 ÷ 1.414 = 2.25, where 3.19 ÷ 1.41 = 2.26)
        assert "Now the learned scores: d_k = 2, so divided by √2 = 1.414, then softmax." in text
        # each changed word said as a word ("the word 'are'"), not heard as part of the sentence
        # the two causes apart: W_Q and W_K alone at √4, then the smaller divisor √2, said as soon as
        # the learned row stands (r30: said last, the whole change was credited to W_Q and W_K till then)
        split_said = "At the same √4, W_Q and W_K alone give mouse 0.46; the smaller √2 makes it 0.54."
        assert split_said in text
        # then the other largest change (mouse's is told above)
        assert "Others move: the word 'are', 0.10 → 0.02." in text
        assert text.index(split_said) < text.index("Others move") < text.index("W_K's grammar row")
        # each row named for what it holds (weights), the learned row's name following its values
        assert [m.original_text for m in scene.compare_names] == ["softmax(X·Xᵀ/√4)", "softmax(Q·Kᵀ/√2)"]
        assert [m.original_text for m in scene.learned_stages] == ["Q·Kᵀ (mouse)", "Q·Kᵀ/√2"]
    else:  # generated weights keep d_k = d = 8: only the projections change the row
        assert "Here d_k = d = 8, so the divisor stays 2.83" in text and "smaller" not in text


@in_group("projections")
def test_projections_many_dims_close_in_two_stages_that_read():
    """With 8 dims (the second example) the three columns of learned matrices and products would
    shrink every number below the text floor: keys_and_values closes in two stages instead (Q over
    K, then W_V over V), every table's digits at the floor or larger, X's words beside the rows."""
    from scenes.components import SMALLEST_TEXT

    scene = built_scene("projections", "second")
    tables = scene.two_stage_tables
    assert [t.name for t in tables] == ["projected.q", "projected.k", "projected.w_v", "projected.v"]
    assert min(n.font_size for t in tables for n in t.numbers) >= SMALLEST_TEXT - 0.05
    assert all(n.get_fill_opacity() > 0.5 for t in tables for n in t.numbers)
    tokens = list(scene.first.tokens)
    for words in scene.two_stage_words:
        assert [w.original_text for w in words] == tokens
        assert min(w.font_size for w in words) >= SMALLEST_TEXT - 0.05
    small = sorted({(t.original_text, round(size, 1)) for step, labels in scene.step_labels if step == "keys_and_values"
                    for t, size in zip(labels.texts, labels.sizes) if size < SMALLEST_TEXT - 0.05})
    assert small == []


def test_cut_by_zoom_names_each_piece_the_zoomed_view_would_cut():
    """What the camera, in on a worked entry, would cut at a side, under the heading or in the
    subtitles' band is dimmed while it is in (scores, projections, dimensions, output, contexts,
    multihead): each such text whole, and only those; what is kept is never named."""
    from manim import Text, VGroup, config

    from scenes.base import ExplainerScene
    from scenes.geometry import SUBTITLE_TOP
    from scenes.staging import TOP

    class HalfView:  # the camera at half the frame's width, centred on the origin
        def zoom_target(self, *mobjects, margin=0.3):
            return np.zeros(3), 0.5

    inside = Text("in", font_size=20)
    at_side = Text("side", font_size=20).move_to([config.frame_width / 4, 0.0, 0.0])  # across the right edge
    in_band = Text("low", font_size=20).move_to([0.0, 0.5 * SUBTITLE_TOP, 0.0])
    under_heading = Text("high", font_size=20).move_to([0.0, 0.5 * TOP, 0.0])
    cut = ExplainerScene.cut_by_zoom(HalfView(), [inside], [VGroup(inside, at_side), in_band, under_heading])
    assert cut == [at_side, in_band, under_heading]
    assert ExplainerScene.cut_by_zoom(HalfView(), [inside], [VGroup(inside, at_side), in_band], keep=[in_band]) == [at_side]


@in_group("multihead")
def test_multihead_shows_each_heads_projections_and_w_o_mixing():
    scene = built_scene("multihead", "builtin")
    names = [g.name for g in scene.shown]
    # (head 2's W_V shown again beside head 1's as the two are compared; head 1's W_V shown again
    # beside X where V is built from them)
    assert [n for n in names if ".w_" in n] == [f"multi_head.heads[{h}].{w}" for h in (0, 1) for w in ("w_q", "w_k", "w_v")] \
        + ["multi_head.heads[1].w_v", "multi_head.heads[0].w_v", "multi_head.w_o"]
    text = " ".join(scene.captions)
    assert "subspace" not in text
    assert "Head 1's W_V passes on only animal and tech; head 2's, only grammar and mood: different heads" in text
    assert "It mixes the heads: every output column draws on both." in text
    assert "One cell: mouse's o3 adds up products from head 1 and head 2." in text
    assert "In head 2, q₁ reads animal and tech, k₁ grammar: words with animal or tech seek words with grammar." in text
    assert scene.captions[scene.captions.index(next(c for c in scene.captions if c.startswith("One cell"))) + 1] == "In all, 1.43."
    # head 1's largest weight for mouse is mouse itself (0.55): "head 1 to cat" alone would
    # contradict its thickest line; cat is its strongest other word (hand-checked from mouse.yaml)
    heads = scene.first.multi_head.heads
    assert heads[0].weights[2].argmax() == 2 and heads[0].weights[2][[0, 1, 3, 4]].argmax() == 0
    # (r31: said on the tables, its own sentence after "and's query is 0 …": capitalised)
    assert "For mouse, head 1 to cat (after itself), head 2 to and:" in text
    # the lines held while their thickest strokes are named (story.thickest_lines, hand-checked:
    # head 1 mouse 0.55, then cat 0.26; head 2 and 0.40, then are 0.32)
    assert "Thickest lines: head 1 to itself, then cat; head 2 to and, then are." in text


@in_group("multihead")
def test_multihead_last_heads_worked_sum_reads_back_from_attention_math():
    """Head 2's worked cell for mouse, as written: its weights are head 2's attention row at 3
    decimals, its values V⁽²⁾'s h2.1 column, their products add up to the total written, and that
    rounds to head 2's output (hand-checked: 0.088·0.20 + 0.399·1.60 + 0.086·0.20 + 0.324·1.40
    + 0.103·0.30 = 1.1577 ≈ 1.16)."""
    import re

    scene = built_scene("multihead", "builtin")
    head = scene.first.multi_head.heads[1]
    i = list(scene.first.tokens).index("mouse")
    text = " ".join(line.original_text for line in scene.last_head_sum)
    assert text.startswith("mouse's h2.1 = ")
    terms = [(float(w), float(v)) for w, v in re.findall(r"(-?\d+\.\d+)·(-?\d+\.\d+)", text)]
    exact, rounded = re.search(r"= (\d+\.\d+) ≈ (\d+\.\d+)$", text).groups()
    assert [w for w, _ in terms] == [round(float(x), 3) for x in head.weights[i]]
    assert [v for _, v in terms] == [round(float(x), 2) for x in head.v[:, 0]]
    assert sum(w * v for w, v in terms) == pytest.approx(float(exact), abs=1e-9)
    assert (exact, rounded) == ("1.1577", "1.16") and float(rounded) == round(float(head.output[i, 0]), 2)
    # the sum is said as well: its two largest terms (and 0.399·1.60 = 0.638, are 0.324·1.40 =
    # 0.454; the others under 0.04), in the sentence's order, then the total
    said = " ".join(scene.captions)
    assert "Head 2, mouse's h2.1: 0.399 of and's 1.60, 0.324 of are's 1.40, and the rest: 1.16." in said


@pytest.mark.parametrize("scene_name", [pytest.param(n, marks=in_group(n)) for n in ("embeddings", "scores", "output")])
def test_scenes_share_one_colour_meaning(scene_name):
    """The value scale and role colours come from the theme: a value gets the fill the theme
    gives it in every scene, and the focus word is labelled in the focus colour everywhere."""
    from manim import ManimColor

    scene = built_scene(scene_name, "builtin")
    theme = scene.theme
    scale = scene.vector_scale
    checked = 0
    for grid in scene.shown:
        if grid.name in ("input", "embeddings", "sentences[0].input", "simple.v"):
            for rect, value in zip(grid.rects, grid.values.flatten()):
                colour, opacity = theme.value_fill(float(value), scale)
                if opacity:
                    assert rect.get_fill_color().to_hex().lower() == colour.lower(), (grid.name, value)
                assert float(rect.get_fill_opacity()) == pytest.approx(opacity, abs=1e-3), (grid.name, value)
                checked += 1
    assert checked
    # token-labelled matrices (not V, whose labels wear the value colour) mark the focus word
    focus_labels = [lab for g in scene.shown if g.name != "simple.v"
                    for lab in getattr(g, "row_labels", []) if getattr(lab, "text", "") == "mouse"]
    assert focus_labels and all(ManimColor(lab[0][0].get_fill_color()).to_hex().lower() == theme.focus.lower()
                                for lab in focus_labels)


@in_group("softmax")
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


@in_group("contexts")
def test_contexts_narration_follows_a_custom_example():
    """Narration speaks of the user's words and numbers, never the built-in example's."""
    contexts = built_scene("contexts", "second")
    text = " ".join(contexts.captions)
    for s in contexts.pair:
        assert f"Next to {contexts.context_word(s)}," in text


@in_group("output")
def test_output_says_where_the_builtin_mouse_leans():
    """The payoff, as attention_math.story decides it: mouse's output leans towards animal."""
    output = built_scene("output", "builtin")
    # (with the input's two numbers: animal fell too, tech much more)
    assert "It now leans towards animal: 1.09, against 0.57 for tech," in output.captions
    assert "where its input had 1.30 and 1.30." in output.captions
    # by the output's tip, as the narration says (manim's Text keeps no spaces in .text)
    assert output.output_coordinates.text == "(1.09,0.57)"


@in_group("output")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_output_speaks_the_coordinates_it_writes_by_the_tip(example_key):
    """The narration's "(x, y) in this plane," and the label by the tip are the chain's end, the
    focus word's output in the plane's two dims (r23: a layout loop's x, y replaced them, and the
    narration said (4.53, −0.11), a place in scene units, beside a label reading (1.09, 0.57))."""
    from attention_math.geometry import embedding_plane

    output = built_scene("output", example_key)
    s, ex = output.first, output.example
    # the focus word's row of Output (Attention × V), read in the plane's two dims
    out_x, out_y = embedding_plane(ex).coordinates(np.asarray(s.simple.output)[[list(s.tokens).index(ex.focus)]])[0]
    said = f"({format_number(out_x)}, {format_number(out_y)}) in this plane,"
    assert said in output.captions
    assert output.output_coordinates.text == f"({format_number(out_x)},{format_number(out_y)})"
    if example_key == "builtin":
        assert said == "(1.09, 0.57) in this plane,"


@in_group("output")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_output_says_zooming_in_only_where_the_plane_zooms(example_key):
    """"zooming in" is written over the chain's plane only where the new plane's unit is longer
    than the old one's (the built-in's chain ends near 1.1, its plane grows about 2.3×)."""
    output = built_scene("output", example_key)
    old_unit, new_unit = output.zoom_units
    # the new unit is the chain's plane's own, measured on it (the plane the scene ends on)
    plane = output.plane
    assert new_unit == pytest.approx(float(np.linalg.norm(plane.c2p((1.0, 0.0)) - plane.c2p((0.0, 0.0)))))
    assert old_unit > 0
    assert bool(len(output.zoom_note)) == (new_unit > old_unit)
    # said with it, as the plane draws nearer: "closer in" only where it does
    tip_sentences = [c for c in output.captions if c.endswith("piece starts at the tip of the one before.")]
    assert tip_sentences == [("Closer in: each" if new_unit > old_unit else "Each") + " piece starts at the tip of the one before."]
    if example_key == "builtin":
        assert new_unit / old_unit > 1.5 and output.zoom_note.text == "zoomingin"


@in_group("output")
def test_output_narration_quotes_the_custom_weights():
    output = built_scene("output", "second")
    s = output.first
    i = s.tokens.index("mouse")
    # written with the decimals that make the terms add up to the output's row as written
    places = weighted_sum(s.simple.weights[i], s.simple.v).weight_decimals
    first_weight = format_number(s.simple.weights[i, 0], places)
    assert any(f"{first_weight} × {s.tokens[0]}" in c for c in output.captions)
    # its mouse leans towards neither animal nor tech (attention_math.story): no lean is claimed
    assert output.lean_of_focus_output() is None and not any("leans" in c for c in output.captions)


@pytest.mark.parametrize("scene_name,example_key", per_scene("second"))
def test_no_scene_speaks_of_the_builtin_words_for_a_custom_example(scene_name, example_key):
    captions = " ".join(built_scene(scene_name, example_key).captions)
    assert "cat" not in captions.split() and "keyboard" not in captions



@in_group("scores")
def test_scores_sweep_readout_reads_the_true_vector_when_the_sweep_ends():
    """The live readout under the pairs' table ends on mouse's true arrow against cat's: θ = 45.0°,
    |mouse| = 1.84, |cat| = 1.80, in plane 1.84 × cos 45.0° × 1.80 = 2.34 (hand-checked:
    mouse (1.3, 1.3), cat (1.8, 0) in the animal/tech plane)."""
    scores = built_scene("scores", "builtin")
    readout = scores.sweep_readout[0]
    assert [line.text for line in readout] == ["θ=45.0°", "|mouse|inplane=1.84", "|cat|inplane=1.80",
                                               "mouse·catinplane=2.34"]


@in_group("scores")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_scores_diagonal_check_reads_as_worked(example_key):
    """(r33) "the diagonal: each word's length squared" has its picture: mouse's own cell worked as
    written, read back from the screen. By hand, built-in: 1.30² + 1.30² + 0.20² + 0.10² = 3.43 (the
    cell as drawn), √3.43 = 1.85 over all 4 dims, 1.84 in the plane (as the plane wrote it);
    second: 1.21 + 1.44 + 0.36 + 0.16 + 0 + 0.09 + 0.01 + 0.04 = 3.31, √3.31 = 1.82, in the plane 1.63."""
    from attention_math import parse_number

    scene = built_scene("scores", example_key)
    lines = [line.original_text for line in scene.diagonal_check]
    s = scene.first
    k = list(s.tokens).index("mouse")
    cell = scene.scores.number(k, k).original_text
    expected = {"builtin": ["mouse·mouse = 1.30² + 1.30² + 0.20² + 0.10² = 3.43",
                            "|mouse| = √3.43 = 1.85 over all 4 dims (1.84 in the plane)"],
                "second": ["mouse·mouse = 1.10² + 1.20² + (−0.60)² + 0.40²",
                           "+ 0.00² + (−0.30)² + 0.10² + 0.20² = 3.31",
                           "|mouse| = √3.31 = 1.82 over all 8 dims (1.63 in the plane)"]}[example_key]
    assert lines == expected
    # the drawn squares add up to the drawn cell, and each square is of an entry the Input row holds
    squares = [t.strip().strip("+").strip() for line in lines[:-1] for t in line.split("=")[1 if line is lines[0] else 0].split("+")]
    squares = [t for t in squares if t]
    entries = [parse_number(t.strip("()²")) for t in squares]
    assert entries == pytest.approx(list(s.input[k]))
    assert f"{sum(e * e for e in entries):.2f}" == cell == lines[-2].rsplit("= ", 1)[1]
    # its length in the plane is the one the plane wrote by mouse's arrow
    assert f"{scene.projections[next(iter(scene.projections))].length_a:.2f}" in lines[-1]


@in_group("embeddings")
def test_embeddings_second_example_builds_each_sentence_beside_the_table():
    """Where three 8-column matrices cannot stand across (the second example), each sentence is
    built beside the table: the first on the left with the table right of it, then the second on
    the right with the table left of it; the table the same size both times and titled, each
    0.4 or more from its sentence, both inside the frame and above the subtitles' band. (Its
    text is under the 22 px floor there, as in other scenes for this example: not asserted.)"""
    from manim import VGroup, config
    from scenes.geometry import SUBTITLE_TOP

    scene = built_scene("embeddings", "second")
    assert scene.reading_layout == "side" and len(scene.lookup) == 2
    (first_table, _, first), (_, _, second) = scene.lookup
    assert first[1].get_right()[0] < second[1].get_left()[0]
    for k, (table, title, (caption, g)) in enumerate(scene.lookup):
        assert table.rects[0].width == pytest.approx(first_table.rects[0].width)
        assert table.rects[0].height == pytest.approx(first_table.rects[0].height)
        assert title.original_text == "embedding table"
        drawn, sentence = VGroup(table.rects, table.row_labels, table.col_labels, title), VGroup(caption, g)
        gap = drawn.get_left()[0] - sentence.get_right()[0] if k == 0 else sentence.get_left()[0] - drawn.get_right()[0]
        assert gap >= 0.4
        for mob in (drawn, sentence):
            assert -config.frame_width / 2 + 0.3 <= mob.get_left()[0] and mob.get_right()[0] <= config.frame_width / 2 - 0.3
            assert mob.get_bottom()[1] >= SUBTITLE_TOP


@in_group("embeddings")
def test_embeddings_sentences_are_built_on_each_side_of_a_fixed_table():
    """(r25: the table crossed the frame and the first sentence was parked as a thumbnail while the
    second was looked up, then regrew; r27: three across, the numbers filled 86% of their cells and
    the dims' words stood on two lines) the table fixed on the left, the two sentences right of it,
    the first above the second, built where they are read; the table is where the look-up put it to
    the end of the scene. One cell width for the three; every number and word at least 22, every
    number at most 70% of its cell's width, the dims' words on one line each, apart; the three
    apart, 0.33 (30 px) or more from the frame's edges, above the subtitles' band; the three at
    least 70% of the frame's height. (r27b: the sentences' rows 33 px apart with no gap, the focus
    row's box ran through the digits above and below it) the sentences' rows 0.48 (43 px) apart
    or more, 0.1 of gap between them; no title over the table (the heading names it); the first
    sentence's name on the heading's line, the second's columns in line under the first's, named
    by its dims' words."""
    import numpy as np
    from manim import VGroup, config
    from scenes.components import SMALLEST_TEXT
    from scenes.geometry import SUBTITLE_TOP

    scene = built_scene("embeddings", "builtin")
    assert scene.reading_layout == "across" and len(scene.lookup) == 2
    (table, _, (caption1, g1)), (_, _, (caption2, g2)) = scene.lookup
    assert len(scene.table_title) == 0
    assert np.allclose(scene.table.rects.get_center(), table.rects.get_center())
    for g in (table, g1, g2):
        assert g.rects[0].width == pytest.approx(table.rects[0].width)
        assert max(n.width for n in g.numbers) <= 0.70 * g.rects[0].width
    for g in (table, g1):
        words = list(g.col_labels)
        assert len({round(w.get_bottom()[1], 3) for w in words}) == 1  # (one line)
        assert all(b.get_left()[0] - a.get_right()[0] >= 0.1 for a, b in zip(words, words[1:]))
    assert len(g2.col_labels) == 0
    assert all(abs(a.get_x() - b.get_x()) < 1e-6 for a, b in zip(g1.row(0), g2.row(0)))
    for g in (g1, g2):
        for k in range(len(g.row_labels) - 1):
            upper, lower = g.row(k)[0][0], g.row(k + 1)[0][0]
            assert upper.get_y() - lower.get_y() >= 0.48
            assert upper.get_bottom()[1] - lower.get_top()[1] >= 0.1
    assert abs(caption1.get_bottom()[1] - scene.heading.get_bottom()[1]) < 0.05
    assert caption1.get_left()[0] - scene.heading.get_right()[0] >= 0.5
    left, first, second = table, VGroup(caption1, g1), VGroup(caption2, g2)
    assert first.get_left()[0] - left.get_right()[0] >= 0.4 and second.get_left()[0] - left.get_right()[0] >= 0.4
    assert g1.get_bottom()[1] - second.get_top()[1] >= 0.1
    for block in (left, first, second):
        assert -config.frame_width / 2 + 0.33 <= block.get_left()[0] and block.get_right()[0] <= config.frame_width / 2 - 0.33
        assert block.get_bottom()[1] >= SUBTITLE_TOP and block.get_top()[1] <= config.frame_height / 2 - 0.33
    for block in (left, g1, second):
        assert block.get_top()[1] <= 3.0 + 1e-6
    assert VGroup(left, first, second).height / config.frame_height >= 0.70
    texts = [caption1, caption2, *(t for g in (table, g1, g2) for t in (*g.numbers, *g.row_labels, *g.col_labels))]
    assert min(t.font_size for t in texts) >= SMALLEST_TEXT - 0.05


@in_group("dimensions")
def test_dimensions_builds_the_output_without_reworking_a_number():
    """(r31: cat's o1 and o2 worked term by term re-ran the output step's own work) the output is built
    row by row, its width the point, no number worked on a line. The table keeps two decimals, and
    says its numbers come from the unrounded weights: worked from the weights as written, cat's o1
    would be 0.62 × 1.80 + 0.01 × 0.00 + 0.20 × 1.30 + 0.02 × 0.10 + 0.14 × 0.40 = 1.116 + 0 + 0.26
    + 0.002 + 0.056 = 1.434 ≈ 1.43, where the table writes 1.44 (V's first column: cat 1.80, and 0,
    mouse 1.30, are 0.10, friends 0.40)."""
    from manim import Text

    from attention_math.formatting import format_number

    scene = built_scene("dimensions", "builtin")
    p = scene.first.projected
    assert [format_number(float(w)) for w in p.weights[0]] == ["0.62", "0.01", "0.20", "0.02", "0.14"]
    assert [format_number(float(v)) for v in p.v[:, 0]] == ["1.80", "0.00", "1.30", "0.10", "0.40"]
    assert format_number(float(p.output[0, 0])) == "1.44"
    # the drawn tables, read back: the weights' and V's numbers as written, and the output's cell
    assert [scene.weights.number(0, j).text for j in range(5)] == ["0.62", "0.01", "0.20", "0.02", "0.14"]
    assert [scene.v.number(i, 0).text for i in range(5)] == ["1.80", "0.00", "1.30", "0.10", "0.40"]
    assert scene.out.number(0, 0).text == "1.44"
    note = " ".join(m.original_text for m in scene.out_note.get_family() if isinstance(m, Text))
    assert note == "(from unrounded weights)"  # (one line or two)
    said = " ".join(scene.captions)
    assert "first number, added up" not in said and not hasattr(scene, "worked_terms")
    shown = [t.original_text for t in dict(scene.step_labels)["output_width"].texts]
    assert "0.62" in shown and "1.44" in shown and "0.617" not in shown


@in_group("dimensions")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_dimensions_names_weights_from_unrounded_scores_where_the_written_ones_disagree(example_key):
    """The weights are said to be the softmax of the unrounded scores exactly where some row, worked
    from the scaled scores as written, rounds to other weights than the table writes (the built-in
    cat row: from 2.70 −1.02 1.60 −0.62 1.22, mouse's weight is 0.2054, written 0.21; the table has 0.20)."""
    from attention_math.story import softmax_of_written

    scene = built_scene("dimensions", example_key)
    scaled = scene.first.projected.scaled
    disagree = any(softmax_of_written(row) is None for row in scaled)
    if example_key == "builtin":
        written = np.round(scaled[0], 2)
        assert format_number(float(np.exp(written)[2] / np.exp(written).sum())) == "0.21"
        assert format_number(float(scene.first.projected.weights[0, 2])) == "0.20"
        assert disagree
    from manim import Text

    shown = [m.original_text for m in scene.unrounded_note.get_family() if isinstance(m, Text)]
    assert shown == (["softmax of the unrounded scores"] if disagree else [])


@in_group("projections")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_projections_turned_keys_are_drawn_with_their_learned_scores(example_key):
    """When W_K's row turns keys away (story.key_row_behind_drops), the query-key plane comes back
    beside the bars: each turned key ends at its learned key, named with its learned score q · k
    (below zero), and the next word that rises is said with its two weights. Nothing of it where
    no row turns a key (the second example)."""
    from attention_math.geometry import query_key_plane
    from attention_math.story import key_row_behind_drops
    from tests.test_scene_geometry import ends

    scene = built_scene("projections", example_key)
    s = scene.first
    p, i = s.projected, s.tokens.index(scene.example.focus)
    drop = key_row_behind_drops(p.q[i], s.input, p.w_k, s.simple.weights[i], p.weights[i])
    text = " ".join(scene.captions)
    if example_key == "second":
        assert drop is None and not hasattr(scene, "turned_scores") and " rises, " not in text
        return
    words = [s.tokens[j] for j in drop.words]
    assert words == ["are", "and"]
    assert {w: m.original_text for w, m in scene.turned_scores.items()} == {"are": "are −1.43", "and": "and −2.08"}
    plane, fig = query_key_plane(p.q, p.k), scene.qk_plane_small
    for j in drop.words:
        assert p.scores[i, j] < 0
        assert ends(fig, fig.vectors[s.tokens[j]].body)[1] == pytest.approx(plane.coordinates(p.k[j]), abs=1e-6)
    assert fig.vectors["cat"].label.original_text == "cat 2.44"
    assert "'cat' rises, 0.26 → 0.32." in text


@in_group("projections")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_projections_read_the_learned_rows_and_build_the_turned_keys(example_key):
    """r36: W_Q's and W_K's rows are read as they are boxed (story.rows_read; unsaid for the second
    example's seeded 8 × 8), the sign key comes in with the chapter's first red, and and's turned key
    is built on the plane: its key without W_K's grammar row a ghost at the origin, the row's part a
    vector, "× 1.60 =" and (−0.80, −0.80) written under W_K's row (story.row_part_built). The plane must
    be drawn for the built-in example (_turned_keys may return None for lack of room)."""
    from manim import Text

    scene = built_scene("projections", example_key)
    text = " ".join(scene.captions)
    read_q = "W_Q copies animal into q1, tech into q2; mood pushes q1 up, q2 down; grammar it ignores."
    read_k = "W_K copies animal into k1, tech into k2; grammar pushes k1 and k2 down; mood pushes k1 up."
    if example_key == "second":
        assert "copies" not in text and " pushes " not in text
        return
    assert read_q in text and read_k in text
    assert text.index("W_Q and W_K decide what gets compared;") < text.index(read_q) < text.index(read_k)
    ticks = [m.original_text for m in scene.sign_key.ticks]  # (red's end of the key, then blue's, then 0)
    assert len(ticks) == 3 and ticks[0].startswith("−") and ticks[1] == ticks[0][1:] and ticks[2] == "0.00"
    # (r38, reviewer c: are's key grew straight from the origin) both pushes drawn, ghost, part and swing;
    # and's working always written, named in full ("and: grammar 1.60 × row ="), are's where it fits
    assert scene.qk_plane_small is not None and set(scene.turned_causes) == {"are", "and"}
    ghost, part, working = scene.turned_causes["and"]
    assert [m.original_text for m in working.get_family() if isinstance(m, Text)] == [
        "and: grammar 1.60 × row =", "−0.80", "−0.80"]
    fig = scene.qk_plane_small
    assert fig.p2c(part.get_start()) == pytest.approx([0.0, 0.0], abs=1e-6)  # (and's key without the row: (0, 0))
    assert fig.p2c(part.get_end()) == pytest.approx([-0.8, -0.8], abs=1e-6)
    assert fig.p2c(ghost.get_center()) == pytest.approx([0.0, 0.0], abs=1e-6)
    if "are" in scene.turned_causes:
        ghost, part, working = scene.turned_causes["are"]
        if len(working):
            assert [m.original_text for m in working.get_family() if isinstance(m, Text)] == [
                "are: grammar 1.40 × row =", "−0.70", "−0.70"]
        assert fig.p2c(part.get_start()) == pytest.approx([0.2, 0.1], abs=1e-6)  # (are's key without the row)
        assert fig.p2c(part.get_end()) == pytest.approx([-0.5, -0.6], abs=1e-6)
        assert fig.p2c(ghost[1].get_center()) == pytest.approx([0.2, 0.1], abs=1e-6)  # (its ghost's tip)
    drawn = {id(m) for f in fig.parts() for m in f.get_family()}
    for word, cause in scene.turned_causes.items():
        assert id(cause[0]) in drawn and id(cause[1]) in drawn, word  # (ghost and part on the plane)
        if len(cause[2]):
            assert id(cause[2]) in drawn, word
    # (r38, reviewer c: "cat 2.44" stood just over the block) the risen key's name clear of W_K's row, 0.3 above it
    block = [m for m in fig.parts() if any(isinstance(t, Text) and t.original_text.startswith("W_K") for t in m.get_family())]
    cat = fig.vectors["cat"].label
    for m in block:
        gap = max(m.get_bottom()[1] - cat.get_top()[1], cat.get_bottom()[1] - m.get_top()[1])
        side_by_side = cat.get_right()[0] < m.get_left()[0] or m.get_right()[0] < cat.get_left()[0]
        assert side_by_side or gap >= 0.3, "cat's name on the block"


@in_group("projections")
def test_projections_build_keys_and_values_beside_x():
    """r37 (reviewers b and c: K and V were built with X off screen): where the three columns fit,
    K and V are built in the final picture made smaller, X at the left of the products' row, its
    rows level with theirs, clear of every column, every text at the text floor."""
    from manim import Text, VGroup, config

    from scenes.components import SMALLEST_TEXT
    from scenes.geometry import box_of, boxes_overlap

    scene = built_scene("projections", "builtin")
    build = scene.build_picture
    assert build is not None
    products = [column[3] for column in build.columns]
    for product in products:
        assert product.rects.get_top()[1] == pytest.approx(build.x.rects.get_top()[1], abs=1e-3)
        assert product.rects.get_bottom()[1] == pytest.approx(build.x.rects.get_bottom()[1], abs=1e-3)
    x_all = VGroup(build.x, build.x_name)
    for column in build.columns:
        assert not any(boxes_overlap(box_of(x_all), box_of(m)) for m in column)
    texts = [m for m in VGroup(x_all, build.columns).get_family() if isinstance(m, Text)]
    assert min(t.font_size for t in texts) >= SMALLEST_TEXT - 0.05
    assert build.x.get_left()[0] >= -config.frame_width / 2 and build.columns.get_right()[0] <= config.frame_width / 2


@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_dimensions_hand_over_writes_what_the_heads_cost(example_key):
    """The closing line's count is head_split_cost's, read back from the label drawn: built-in, 2 heads
    of 2 over 5 words, 2 · 50 = 100, as for one head of 4 (the second: 2 · 256 = 512, as for 8)."""
    from attention_math.story import head_split_cost

    scene = built_scene("dimensions", example_key)
    trace = scene.first
    d = trace.input.shape[1]
    cost = head_split_cost(len(trace.tokens), d, [h.q.shape[1] for h in trace.multi_head.heads])
    assert (cost.split_total, d) == {"builtin": (100, 4), "second": (512, 8)}[example_key]
    assert scene.hand_cost.original_text == f"{cost.split_total} score multiplications, as for one head of {d}"
    assert cost.split_total == cost.whole_total


def test_dimensions_says_wider_costs_more_where_a_users_d_k_exceeds_d():
    """A user's d_k may be wider than d (the loader allows it): the built-in's words with seeded
    weights at d_k = 6 over d = 4 cost 5 · 5 · 6 = 150 score multiplications against X·Xᵀ's
    5 · 5 · 4 = 100 (hand-checked), and the scene says so, never "cheaper"."""
    from attention_math.loader import example_from_data, load_example

    builtin = load_example()
    example = example_from_data({"name": "wide keys", "dims": list(builtin.dims),
                                 "embeddings": {word: list(map(float, row)) for word, row in builtin.embeddings.items()},
                                 "sentences": ["cat and mouse are friends", "keyboard and mouse are useful"],
                                 "focus": "mouse", "seed": 7, "d_k": 6})
    said = " ".join(build("dimensions", example).captions)
    assert "here d_k = 6: 6 products, 150 in all, not 100. Wider costs more." in said
    assert "cheaper" not in said


@in_group("contexts")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_contexts_says_the_mirror_only_where_it_holds_and_writes_the_sums(example_key):
    """The built-in's keyboard sentence is its cat sentence with animal and tech swapped, in the
    plane (cat (1.8, 0) / keyboard (0, 1.8), friends (0.4, 0) / useful (0, 0.4); their mood differs):
    said so, and only there; the second example's sentences are no mirror: not said. The residual's
    sums are written as attention_math's (built-in: (2.39, 1.87) with cat, its mirror with keyboard)."""
    from manim import Text

    from attention_math.formatting import format_number

    scene = built_scene("contexts", example_key)
    said = " ".join(scene.captions)
    if example_key == "builtin":
        assert "Its weights next to keyboard, cat's mirror in this plane." in said
    else:
        assert "swapped" not in said and "mirrored" not in said
    written = [line.original_text for line in scene.sum_lines if isinstance(line, Text)]
    expected = [f"({format_number(res.total[0], 2)}, {format_number(res.total[1], 2)})" for res in scene.residuals]
    assert [w.split(" = ")[-1] for w in written] == expected[:len(written)]
    if example_key == "builtin":
        assert expected == ["(2.39, 1.87)", "(1.88, 2.39)"]
        assert len(written) == 2


@in_group("multihead")
def test_multihead_first_heads_output_is_filled_not_worked_and_reads_back_from_attention_math():
    """(r31: only the last head's sum is worked term by term; head 1's output is filled directly
    from its attention and V, was "mouse's h1.1 = … = 1.2268 ≈ 1.23") Head 1's output table, as
    written, is head 1's output from attention_math, and no worked sum is written for it."""
    scene = built_scene("multihead", "builtin")
    head = scene.first.multi_head.heads[0]
    assert scene.first_head_sum is None
    assert scene.last_head_sum is not None
    concat = scene.concat
    written = [[concat.number(r, c).original_text for c in range(head.d_v)] for r in range(head.output.shape[0])]
    assert written == [[format_number(x) for x in row] for row in head.output]


@in_group("softmax")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_softmax_shows_the_weights_keep_the_ratio_and_says_negative_only_where_one_is(example_key):
    """(r28f) "in the same ratios" is shown: built-in, under the worked division, "ratio 0.43324 ÷ 0.09149
    = 4.74 = exp(1.5550)": mouse's and and's weights as the screen's eˣ ÷ Σ give them (5 decimals: at 3,
    0.433 ÷ 0.091 = 4.76; at 4, 0.4332 ÷ 0.0915 = 4.73) divide to 4.74, the chart's 5.5567 ÷ 1.1735 = 4.74 = e^(1.7150 − 0.1600).
    "even a negative one" is said only where the worked row shows a negative score (not the built-in's)."""
    import math

    from attention_math.formatting import parse_number, written

    _, s, i = _focus_sentence(example_key)
    scene = built_scene("softmax", example_key)
    parts = softmax_row(s.simple.scaled[i])
    negative = bool((parts.row < 0).any())
    assert any("even a negative one" in c for c in scene.captions) == negative
    if example_key == "second":
        return
    assert scene.same_ratio is not None
    # (r30b: the weights as the screen's eˣ ÷ Σ give them, 5.5567 ÷ 12.8259 = 0.433240, 1.1735 ÷ 12.8259 = 0.091495:
    # at 5 decimals 0.43324 ÷ 0.09149 = 4.7354, 4.74; the unrounded and-weight, 0.091496, did not check from the screen)
    assert [t.text for t in scene.same_ratio] == ["ratio0.43324÷0.09149=4.74", "=exp(1.5550)"]
    # (r29: the test checked constants only) the ratio as drawn, read back from the mobjects: its
    # weights are the row's largest and smallest at 6 decimals, their quotient is the ratio drawn, and
    # so is e to the gap drawn, the gap being the two scores' difference as the worked row writes them
    first, second = (t.text for t in scene.same_ratio)
    quotient, ratio = first[len("ratio"):].split("=")
    a, b = quotient.split("÷")
    big, small = parts.largest, parts.smallest
    places = len(a.split(".")[1])
    total = parse_number(format_number(parts.total, parts.decimals))
    assert (a, b) == tuple(format_number(parse_number(format_number(parts.exps[k], parts.decimals)) / total, places)
                           for k in (big, small))
    assert format_number(parse_number(a) / parse_number(b), 2) == ratio
    drawn_gap = second[len("=exp("):-1]
    gap = (written(parts.row[big], 4) - written(parts.row[small], 4)) / 10 ** 4
    assert drawn_gap == format_number(gap, 4) and format_number(math.exp(parse_number(drawn_gap)), 2) == ratio


@in_group("softmax")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_softmax_ratio_is_worked_beside_the_rows_from_their_cells(example_key):
    """(r30b: the right 40 % empty at 8–21 s, eᵃ ÷ eᵇ = e^(a − b) never written) built-in: in the column at the rows'
    right, "5.5567 ÷ 1.1735 = 4.74", "= exp(1.7150 − 0.1600)", "= exp(1.5550)", then the rule "eᵃ ÷ eᵇ = e^(a − b)";
    each number flown from the row cell that holds it; read back from the mobjects, it checks as written
    (5.5567 ÷ 1.1735 = 4.7352, 1.7150 − 0.1600 = 1.5550, e^1.5550 = 4.7352). The second example's column is too
    narrow at the text floor: no panel (the two-line ratio as before)."""
    import math

    from attention_math.formatting import parse_number
    from scenes.geometry import SUBTITLE_TOP

    scene = built_scene("softmax", example_key)
    panel = scene.exp_chart.ratio_panel if scene.exp_chart is not None else None
    if example_key == "second":
        assert panel is None
        return
    from scenes.softmax import CHART_FROM_START
    if CHART_FROM_START:
        # (r33: the chart in the right column from the start) the ratio in two lines under the eˣ row, checking as written
        first, second = (line.original_text for line in scene.column_chart.ratio)
        assert first == "ratio 5.5567 ÷ 1.1735 = 4.74" and second == "= exp(1.5550)"
        assert format_number(math.exp(1.5550)) == "4.74" and format_number(5.5567 / 1.1735) == "4.74"
        return
    first, second, third, rule = ([p.text for p in line] for line in (panel.first, panel.second, panel.third, panel.rule))
    assert first == ["5.5567", "÷", "1.1735", "=", "4.74"]
    assert second == ["=exp(", "1.7150", "−", "0.1600", ")"]
    assert third == ["=exp(", "1.5550", ")"]
    assert rule == ["e", "a", "÷", "e", "b", "=", "e", "(a−b)"]
    assert format_number(parse_number(first[0]) / parse_number(first[2])) == first[4]
    assert format_number(parse_number(second[1]) - parse_number(second[3]), 4) == third[1]
    assert format_number(math.exp(parse_number(third[1]))) == first[4]
    assert [src.text for src, _ in panel.sources] == [first[0], first[2], second[1], second[3]]
    assert panel.group.get_bottom()[1] >= SUBTITLE_TOP and panel.group.get_right()[0] <= scene.camera.frame_width / 2


@in_group("softmax")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_softmax_why_divide_writes_each_column_at_one_precision(example_key):
    """(r28f: "1.715" among 2-decimal scores) each column of what softmax is given is written at one
    precision; the divided column, where 2 decimals would not check × √d, at the worked row's (built-in:
    1.2100 0.1600 1.7150 0.2800 0.3500, × 2 = 2.42 0.32 3.43 0.56 0.70 as the scores column writes)."""
    scene = built_scene("softmax", example_key)
    for line in scene.given_texts:
        assert len({len(t.split(".")[1]) if "." in t else 0 for t in line}) == 1
    if example_key == "builtin":
        assert scene.given_texts[0] == ["1.2100", "0.1600", "1.7150", "0.2800", "0.3500"]


@in_group("embeddings")
@pytest.mark.parametrize("example_key", ["builtin"])
def test_embeddings_first_sentence_is_bracketed_and_named_input_with_its_shape(example_key):
    """(r28f: "A sentence becomes a matrix" with no name or shape) the first sentence's matrix is
    bracketed and named "Input (n × d)", n its words, d the dims (built-in 5 × 4), its name the one the
    hand-over moves onto the next scene's; the brackets clear of its rows' words."""
    scene = built_scene("embeddings", example_key)
    brackets, name = scene.input_marks
    n, d = len(scene.traces[0].tokens), len(scene.example.dims)
    assert (n, d) == (5, 4)
    # (r31: "Input (5 × 4)" on the first, "Input" on the second: named alike, "Input", the shape said once)
    assert [t.text for t in name] == ["Input"]
    assert f"Call it Input: {n} rows, {d} columns." in scene.captions
    g = scene.lookup[0][2][1]
    assert brackets[0].get_left()[0] - g.row_labels.get_right()[0] >= 0.05


@in_group("contexts")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_contexts_explains_the_nearly_equal_weights_only_where_it_holds(example_key):
    """Why mouse's weights next to cat and next to keyboard are nearly the same (r28f): mouse is its
    own mirror in the plane (1.30, 1.30), so cat and keyboard score alike there (1.30·1.80 = 2.34);
    grammar and mood add 0.08 and 0.04 (cat's and keyboard's scores 2.42 and 2.38). Said and written
    for the built-in, from story.mirror_pair_scores; the second example's sentences are no mirror:
    nothing said. The residual's sums are each named by their context."""
    scene = built_scene("contexts", example_key)
    said = " ".join(scene.captions)
    if example_key == "builtin":
        # (r29b: said in one sentence over the stage of its own; the in-plane part with its working,
        # story.mirror_plane_working: 1.8 × 1.3 = 2.34, the focus word's 1.3 carried from its row)
        assert "Mouse is its own mirror, so cat and keyboard score alike with it, but for grammar and mood." in said
        text_of = lambda m: m.original_text if hasattr(m, "original_text") else " ".join(text_of(x) for x in m)
        lines = [" ".join(text_of(m) for m in line) for line in scene.score_note_shown]
        assert lines == ["cat · mouse = 1.8× 1.3 + 0.08", "keyboard · mouse = 1.8× 1.3 + 0.04"]
        assert [n.original_text for n in scene.sum_names] == ["with cat", "with keyboard"]
    else:
        assert "own mirror" not in said and getattr(scene, "score_note_shown", None) is None


@in_group("softmax")
def test_softmax_exp_bars_stand_under_their_columns_while_the_exps_are_read():
    """(r29b: the bars in a corner, under no column, the lower left empty, three rounds) built-in: while the
    eˣ are read, each word's pair of bars (x, eˣ) stands under its column of the eˣ row, inside that cell's
    width; every bar (x and eˣ) and every word under them above the subtitles' band; each eˣ bar grown to
    its eˣ on one scale."""
    from manim import VGroup
    from scenes.geometry import SUBTITLE_TOP

    scene = built_scene("softmax", "builtin")
    from scenes.softmax import CHART_FROM_START
    if CHART_FROM_START:
        # (r33: the reviewers asked for the chart at full height in the right half while the eˣ are read)
        # the column chart: right of the rows, from its top down to the subtitles' band, over 70 % of that height
        chart = scene.column_chart
        parts = softmax_row(scene.first.simple.scaled[scene.focus_row(scene.first)])
        tallest = max(bar.get_top()[1] for bar in chart.bars)
        assert chart.left > 0 and min(chart.base, chart.axis.get_bottom()[1]) >= SUBTITLE_TOP - 1e-6
        assert (max(tallest, chart.bars_top) - chart.base) >= 0.7 * (2.9 - SUBTITLE_TOP) - 1e-6
        return
    chart = scene.exp_chart
    assert chart is not None
    parts = softmax_row(scene.first.simple.scaled[scene.focus_row(scene.first)])
    unit = chart.bars[0].target.height / float(parts.exps[0])
    for j, (left, right) in enumerate(scene.exp_cells):
        pair = VGroup(chart.marks[j], chart.bars[j].target)
        assert left - 1e-6 <= pair.get_left()[0] and pair.get_right()[0] <= right + 1e-6
        assert chart.bars[j].target.height == pytest.approx(float(parts.exps[j]) * unit, rel=1e-6)
        assert chart.legend[j].get_bottom()[1] >= SUBTITLE_TOP - 1e-6
        assert min(chart.marks[j].get_bottom()[1], chart.bars[j].target.get_bottom()[1]) >= SUBTITLE_TOP - 1e-6


@in_group("embeddings")
def test_embeddings_second_sentence_is_bracketed_too():
    """(r29b: only the first sentence read as a matrix) the second sentence's matrix is bracketed as the
    first's, its brackets clear of its rows' words and outside its cells."""
    scene = built_scene("embeddings", "builtin")
    brackets, shape = scene.second_marks
    g = scene.lookup[1][2][1]
    assert brackets[0].get_left()[0] - g.row_labels.get_right()[0] >= 0.05
    assert brackets[0].get_left()[0] < g.rects.get_left()[0] and brackets[1].get_right()[0] > g.rects.get_right()[0]


@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_todays_sentences_said_only_where_they_hold(example_key):
    """The sentences that rest on a story function are said where it holds and only there. Built-in:
    the 2-wide V keeps animal and tech only (story.dims_read), 50 score products for 100 where d_k < d, head 1's
    like-seeks-like (story.like_seeks_like), mouse pulled 17° towards cat (story.pulled_towards), and
    "different heads, different features" (story.heads_read_apart: animal, tech against grammar,
    mood). Second example (d_k = d = 8, heads sharing 7 of 8 dims, mouse pulled 7° towards 猫): no
    dims dropped, no count of fewer, no like-seeks-like, no "different features"."""
    from attention_math.loader import load_example

    example = load_example(EXAMPLES[example_key])
    said = {name: " ".join(build(name, example).captions) for name in ("dimensions", "multihead", "output")}
    builtin = example_key == "builtin"
    assert ("And V keeps only animal and tech: mouse's grammar and mood never reach it." in said["dimensions"]) == builtin
    assert ("50 score products, not 100." in said["dimensions"]) == builtin
    assert ("Head 1: animal seeks animal, tech seeks tech;" in said["multihead"]) == builtin
    assert ("different heads, different features." in said["multihead"]) == builtin
    assert ("Same word, pulled 17° towards cat." if builtin else "Same word, pulled 7° towards 猫.") in said["output"]


@in_group("softmax")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_softmax_why_exp_shows_the_plain_sum_break_only_as_story_says(example_key):
    """(r29: every score positive, the need for eˣ never felt) the focus row divided by its plain sum beside
    its softmax (story.plain_and_soft). Built-in (no negative score): the labelled what-if (story.negative_what_if:
    cat's 1.21 made −0.80) gives ÷ 1.71: −0.47 and 1.01, said as "one goes negative, another above 1"; softmax
    0.05 0.12 0.56 0.13 0.14. Second example (negative scores of its own): no what-if, the real row shows it.
    Every row drawn is the story's numbers as written."""
    from attention_math.story import negative_what_if, plain_and_soft

    _, s, i = _focus_sentence(example_key)
    scene = built_scene("softmax", example_key)
    table = scene.exp_table
    said = " ".join(scene.captions)
    what_if = negative_what_if(s.simple.scaled[i], i)
    if example_key == "builtin":
        assert what_if is not None and table.what_if[0] == 0
        changed = plain_and_soft(what_if[1])
        assert [t.text for t in table.names[0]][-1] == "whatifcat:−0.80"
        assert [n.text for n in table.plain.numbers] == ["−0.47", "0.09", "1.01", "0.16", "0.20"]
        assert [n.text for n in table.soft.numbers] == ["0.05", "0.12", "0.56", "0.13", "0.14"]
        assert "Divided by the sum, one goes negative, another above 1;" in said
        assert "but scores can be negative: say cat's score were −0.8." in said
        assert list(changed.plain) == [float(n.text.replace("−", "-")) for n in table.plain.numbers]
    else:
        assert what_if is None and table.what_if is None
        real = plain_and_soft(s.simple.scaled[i])
        assert real.plain_negative() and "Some of these scores are negative:" in said and "say " not in said
        assert [float(n.text.replace("−", "-")) for n in table.plain.numbers] == list(real.plain)
        # (r30: the drawn softmax row was not checked) read back from the mobjects: the story's softmax of the
        # scores as drawn, each weight as the tables write it, all between 0 and 1
        drawn = [n.text for n in table.soft.numbers]
        assert drawn == [format_number(float(v)).replace(" ", "") for v in real.soft]
        assert all(0.0 <= float(t) <= 1.0 for t in drawn)


@in_group("scaling")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_scaling_variance_line_says_the_facts_it_uses(example_key):
    """(r38a: "var(a×b) ≈ 1 → var(a·b) ≈ d → std ≈ √d" assumed std = √variance and that independent variances add)
    the two facts are said with the line's terms (r39b: written too, in the legend's row, they crowded the line,
    the legend and the headers into one run)."""
    scene = built_scene("scaling", example_key)
    assert any(c.startswith("Independent variances add") for c in scene.captions)


@in_group("projections")
@pytest.mark.parametrize("example_key", ["builtin", "second"])
def test_projections_zoomed_plane_names_are_s_working_and_the_query(example_key):
    """r41a/b: on the zoomed plane are's turn is named step by step (story.turned_key_working): its
    key without the grammar row with its score, the row's part, the key with its score; mouse's query
    is named inside the view. Every note inside the zoomed view, above its subtitles' band, at least
    the text floor there. Nothing of it where no row turns a key (the second example)."""
    from manim import Text, config

    from scenes.components import SMALLEST_TEXT, label
    from scenes.staging import BOTTOM, TOP

    scene = built_scene("projections", example_key)
    if example_key == "second":
        assert not getattr(scene, "zoomed_notes", {})
        return
    assert scene.zoomed_notes == {
        "are": ["are, no grammar (0.20, 0.10)", "score +0.40", "+ 1.40 × grammar row", "= (−0.70, −0.70)",
                "are (−0.50, −0.60)", "score −1.43"],
        "query": ["mouse's query"]}
    centre, share = scene.turned_zoom
    half_w = share * config.frame_width / 2
    for note in scene.zoomed_note_mobs:
        assert note.get_left()[0] >= centre[0] - half_w and note.get_right()[0] <= centre[0] + half_w
        assert note.get_bottom()[1] >= centre[1] + share * BOTTOM and note.get_top()[1] <= centre[1] + share * TOP
        for text in note:
            if isinstance(text, Text):
                # (the same words at the text floor, unzoomed: as tall, or taller, on screen when zoomed)
                floor = label(text.original_text, scene.theme, size=SMALLEST_TEXT).height
                assert text.height / share >= floor - 1e-3, text.original_text
