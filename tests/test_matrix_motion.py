"""The purpose-built motion of scenes/motion.py, played by hand (begin, interpolate, finish) on the
built-in example's matrices, without a scene: where things land, that the numbers that land are the
right ones, and that nothing readable is printed over anything else on the way."""

from itertools import combinations

import numpy as np
import pytest

from attention_math import format_number, load_example, trace_example
from attention_math.breakdown import dot_product
from scenes.geometry import box_of, boxes_overlap

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def product():
    """Input, Inputᵀ and the (empty) scores laid out as worked by hand, as the scores scene does."""
    from manim import VGroup

    from scenes.components import MatrixGrid, fit_to_frame, product_layout
    from scenes.theme import DARK

    example = load_example(None)
    s = trace_example(example)[example.focus_sentences()[0]]
    tokens, dims = list(s.tokens), list(example.dims)
    xt = MatrixGrid(s.input.T, DARK, name="input.T", row_labels=dims, col_labels=tokens)
    x = MatrixGrid(s.input, DARK, name="input", row_labels=tokens, col_labels=dims, cell_w=xt.cell_w)
    scores = MatrixGrid(s.simple.scores, DARK, name="simple.scores", cell_w=xt.cell_w)
    fit_to_frame(VGroup(product_layout(x, xt, scores)))
    scores.clear_fills()
    return s, x, xt, scores


def play(animation, alphas=()):
    """Run an animation as a scene would, yielding after each of `alphas` (then finishing it)."""
    animation.begin()
    for alpha in alphas:
        animation.interpolate(alpha)
        yield alpha
    animation.finish()


def texts_on_screen(*groups, least: float = 0.1) -> list:
    """(text, box) of every number or label in `groups` (a label is a group with .text) drawn more
    opaque than `least`."""
    found = []

    def walk(mob):
        if isinstance(getattr(mob, "text", None), str):
            parts = mob.family_members_with_points()
            if parts and max(p.get_fill_opacity() for p in parts) > least:
                points = np.concatenate([p.points for p in parts])
                found.append((mob.text, (*points.min(axis=0)[:2], *points.max(axis=0)[:2])))
            return
        for sub in mob.submobjects:
            walk(sub)

    for group in groups:
        walk(group)
    return found


def ink(mob) -> float:
    """How opaque `mob` is drawn: its most opaque part with points (a text's glyphs)."""
    return max(part.get_fill_opacity() for part in mob.family_members_with_points())


def overprints(found) -> list:
    return [(a, b) for (a, box_a), (b, box_b) in combinations(found, 2)
            if box_a[0] < box_b[2] - 0.01 and box_b[0] < box_a[2] - 0.01
            and box_a[1] < box_b[3] - 0.01 and box_b[1] < box_a[3] - 0.01]


def test_transpose_lands_each_row_as_its_column_and_never_overprints(product):
    from scenes.geometry import SUBTITLE_TOP
    from scenes.motion import Carry, transpose
    from tests.scene_helpers import LABEL_OPACITY

    s, x, xt, scores = product
    animation = transpose(x, xt, scores)
    movers = [part for part in animation.animations if isinstance(part, Carry)]
    n, d = s.input.shape
    assert len(movers) == n * (d + 1)  # every cell and every row's label
    traced = 0
    fills = [[x.cell(i, k)[0].get_fill_opacity() for k in range(d)] for i in range(n)]
    for alpha in play(animation, np.linspace(0.0, 1.0, 31)):
        seen = texts_on_screen(x, *(m.mobject for m in movers), least=LABEL_OPACITY)
        assert overprints(seen) == [], alpha
        assert min(box[1] for _, box in seen) >= SUBTITLE_TOP, alpha
        # a row's cells and digits leave with its copy and come back together (a row is drawn whole
        # or not at all, never half), and nothing of Input is drawn under a copy's cell
        copies = [box_of(m.mobject[0]) for m in movers if m.arrival_target is not None
                  and not isinstance(getattr(m.mobject, "text", None), str)]
        for i in range(n):
            shown = [ink(x.number(i, k)) for k in range(d)]
            cells = [x.cell(i, k)[0].get_fill_opacity() / fills[i][k] for k in range(d) if fills[i][k] > 0]
            assert all(o > 0.99 for o in shown + cells) or all(o < 0.99 for o in shown + cells), (alpha, i)
            for k in range(d):
                under = box_of(x.cell(i, k)[0], -0.05)
                if any(boxes_overlap(under, copy) for copy in copies) and (i, k) not in resting(movers, x):
                    assert ink(x.number(i, k)) < 0.01 and x.cell(i, k)[0].get_fill_opacity() < 0.01, (alpha, i, k)
        traced += any(ink(x.number(i, 0)) < 0.01 for i in range(n))
    assert traced > 0
    # each mover landed on a cell (or label) of Inputᵀ and carries the number of the transposed place
    targets = {id(xt.cell(k, i)): (k, i) for k in range(d) for i in range(n)}
    landed = 0
    for mover in movers:
        if id(mover.arrival_target) in targets:
            k, i = targets[id(mover.arrival_target)]
            assert mover.mobject.get_center() == pytest.approx(xt.cell(k, i).get_center(), abs=1e-6)
            assert mover.mobject[1].text == format_number(s.input[i, k]) == xt.number(k, i).text
            landed += 1
        else:
            i = list(xt.col_labels).index(mover.arrival_target)
            assert mover.mobject.text == s.tokens[i]
            assert mover.mobject.get_center() == pytest.approx(xt.col_labels[i].get_center(), abs=1e-6)
    assert landed == n * d
    # Input is back exactly as it was
    assert all(ink(x.number(i, k)) == 1 for i in range(n) for k in range(d))
    assert all(x.cell(i, k)[0].get_fill_opacity() == pytest.approx(fills[i][k]) for i in range(n) for k in range(d))


def resting(movers, x) -> set:
    """Input's cells (i, k) whose own copy still lies exactly on them (before it sets off)."""
    return {(i, k) for i in range(x.shape[0]) for k in range(x.shape[1]) for m in movers
            if m.mobject.get_center() == pytest.approx(x.cell(i, k).get_center(), abs=1e-6)}


def test_product_sweep_sums_term_by_term_and_delivers_the_score(product):
    from scenes.motion import Carry, ProductSweep
    from scenes.theme import DARK

    s, x, xt, scores = product
    i, j = s.tokens.index("mouse"), s.tokens.index("cat")
    sweep = ProductSweep(x, xt, scores, i, j, DARK, left_colour=DARK.query, top_colour=DARK.key, sum_colour=DARK.focus)
    dot = dot_product(s.input[i], s.input[j])
    for k, line in enumerate(sweep.products):
        a, _, b, p = (piece.text for piece in line)
        assert (a, b, p) == (x.number(i, k).text, xt.number(k, j).text, f"={format_number(dot.products[k])}")
        assert line.get_y() == pytest.approx(xt.cell(k, 0).get_y())  # beside the row of its dim
    # set as a column of numbers: the factors' right edges line up, and the products' left edges
    for column, edge in ((0, 2), (2, 2), (3, 0)):
        assert len({round(box_of(line[column])[edge], 6) for line in sweep.products}) == 1, column
    assert [t.text for t in sweep.sums] == [f"Σ{format_number(v)}" for v in dot.running]
    assert dot.total == pytest.approx(s.simple.scores[i, j])
    cell = scores.cell(i, j)[0]
    assert cell.get_fill_opacity() == 0  # not coloured before its value is there
    delivery = sweep.deliver()
    carried = next(a for a in delivery.animations if isinstance(a, Carry))
    for _ in play(delivery):
        pass
    assert carried.mobject.get_center() == pytest.approx(scores.number(i, j).get_center(), abs=1e-6)
    assert len(carried.mobject) == len(scores.number(i, j))  # the sum's own digits, glyph for glyph
    assert scores.number(i, j).text == format_number(s.simple.scores[i, j]) == sweep.sums[-1].text[1:]
    assert cell.get_fill_opacity() > 0


def test_build_rows_shows_each_row_only_once_it_is_computed(product):
    from scenes.motion import build_rows

    s, x, _, scores = product
    n = len(s.tokens)
    fresh = scores.copy().clear_fills()  # the fixture's scores may have a cell filled already
    animation = build_rows(fresh, x, "#FFFFFF")
    for alpha in play(animation, [(r + 0.2) / n for r in range(n)]):
        row = int(alpha * n)
        later = [(i, c) for i in range(row + 1, n) for c in range(n)]
        assert all(ink(fresh.number(i, c)) == 0 and fresh.cell(i, c)[0].get_fill_opacity() == 0 for i, c in later), alpha
        earlier = [(i, c) for i in range(row) for c in range(n)]
        assert all(ink(fresh.number(i, c)) == 1 for i, c in earlier), alpha
    assert np.abs(fresh.displayed() - s.simple.scores).max() <= 0.005 + 1e-9
    filled = [r.get_fill_opacity() for r in fresh.rects]
    assert filled == pytest.approx(list(np.ravel(fresh._fills)))


def test_vanish_and_travel_keep_to_a_window_of_their_group():
    """during(…, 0.5, 1.0) holds a fade-in (Vanish) and a move (Travel) back for the first half."""
    from manim import Square

    from scenes.motion import Travel, Vanish, during

    square, other = Square(), Square()
    appear = during(Vanish(square, back=(0.0, 1.0)), 0.5, 1.0)
    move = during(Travel(other, [(1.0, other.get_center() + [2.0, 0.0, 0.0])]), 0.5, 1.0)
    for animation in (appear, move):
        animation.begin()
        animation.interpolate(0.4)
    assert square.get_stroke_opacity() == 0.0 and other.get_x() == 0.0
    for animation in (appear, move):
        animation.interpolate(1.0)
    assert square.get_stroke_opacity() == 1.0 and other.get_x() == 2.0


def test_product_sweep_writes_a_negative_factor_in_brackets():
    """By hand, 1.35 × (−0.80): without brackets "1.35 × −0.80" reads as a subtraction. Values
    hand-checked: 1.35·(−0.80) + 1.25·(−0.80) = −1.08 − 1.00 = −2.08."""
    from manim import DOWN, RIGHT

    from scenes.components import MatrixGrid
    from scenes.motion import ProductSweep
    from scenes.theme import LIGHT

    left = MatrixGrid(np.array([[1.35, 1.25]]), LIGHT, name="q")
    top = MatrixGrid(np.array([[-0.80], [-0.80]]), LIGHT, name="k.T")
    result = MatrixGrid(np.array([[-2.08]]), LIGHT, name="scores")
    top.next_to(left, RIGHT)
    result.next_to(top, DOWN)
    sweep = ProductSweep(left, top, result, 0, 0, LIGHT, left_colour=LIGHT.query, top_colour=LIGHT.key,
                         sum_colour=LIGHT.focus)
    lines = [[piece.text for piece in line] for line in sweep.products]
    assert lines == [["1.35", "×", "(−0.80)", "=−1.08"], ["1.25", "×", "(−0.80)", "=−1.00"]]
    assert sweep.sums[-1].text == "Σ−2.08"


def test_transform_from_copy_keeps_to_its_window_of_the_group():
    """during(TransformFromCopy(a, b), 0.0, 0.5): the copy leaves a at once and is on b at half
    the group. (manim plays TransformFromCopy backwards from its target, rate_func(1 − alpha):
    with the window as for any other animation it waited until 0.5 and arrived at the end.)"""
    from manim import AnimationGroup, Square, TransformFromCopy, linear

    from scenes.motion import during

    source, target = Square().move_to([0.0, 0.0, 0.0]), Square().move_to([4.0, 0.0, 0.0])
    group = AnimationGroup(during(TransformFromCopy(source, target, rate_func=linear), 0.0, 0.5))
    copy = group.animations[0].mobject
    xs = {alpha: copy.get_x() for alpha in play(group, (0.0, 0.25, 0.5, 0.75))}
    assert xs == pytest.approx({0.0: 0.0, 0.25: 2.0, 0.5: 4.0, 0.75: 4.0})
    assert source.get_x() == 0.0  # the source stays where it is
