"""The vector picture read back from the drawn mobjects: arrow tips, projections, chains of
weighted arrows, attention lines and weight discs, converted from scene units back into the
plane's coordinates (axes.p2c) and compared with attention_math, for the built-in example and
the second one (8 dims, negative values, a non-ASCII and a 20-character token). Each scene is
built once per worker (tests/scene_helpers.py); these tests only read its builds."""

import math

import numpy as np
import pytest
from manim import Dot, ManimColor

from attention_math import format_number, parse_number
from attention_math.geometry import (
    arrow_chain, embedding_plane, line_opacity, line_width, near_zero, projection, query_key_plane, sentence_words,
)
from attention_math.story import strongest_neighbour
from pipeline import catalog
from tests.scene_helpers import built_scene, figure_problems

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
KEYS = ("builtin", "second")
GEOMETRY = {"embeddings", "scores", "softmax", "output", "contexts", "projections", "multihead", "causal"}


def each(*scene_names):
    """(scene, example) parameters in the scene's xdist group: its builds are made once, there."""
    return [pytest.param(name, key, marks=pytest.mark.xdist_group(name), id=f"{name}-{key}")
            for name in scene_names for key in KEYS]


def ends(plane, mob) -> np.ndarray:
    """[tail, tip] of a drawn vector in plane coordinates, shape (2, 2): an arrow's start and tip
    point, or a dot's centre twice."""
    if isinstance(mob, Dot):
        centre = plane.p2c(mob.get_center())
        return np.array([centre, centre])
    aside = getattr(mob, "aside", np.zeros(3))  # drawn beside a longer arrow on its line: its true place
    return np.array([plane.p2c(mob.get_start() - aside), plane.p2c(mob.tip.tip_point - aside)])


def focus_sentence(scene):
    s = scene.first
    return s, s.tokens.index(scene.example.focus)


@pytest.mark.parametrize("scene_name,example_key", each(*catalog.scene_names()))
def test_figures_are_clear_of_tables_each_other_and_the_subtitles(scene_name, example_key):
    """After every animation: nothing overlaps a plane or a pattern, their labels never
    overprint, no text of theirs in the bottom 12% of the frame (the player's subtitles)."""
    scene = built_scene(scene_name, example_key)
    assert scene.figure_problems == []
    assert (scene.figures_checked > 0) == (scene_name in GEOMETRY)


def test_the_figure_check_finds_overlaps_overprints_and_subtitle_text():
    """The check the scene builds run must be able to fail."""
    from manim import Scene, Text

    from attention_math.geometry import Plane
    from scenes.geometry import SUBTITLE_TOP, VectorPlane
    from scenes.theme import DARK

    scene = Scene()
    plane = VectorPlane(Plane((0, 1), ("x", "y"), 2, "exact"), np.array([[1.0, 1.0]]), DARK, width=4, height=4)
    plane.move_to([2.0, 0.0, 0.0])
    plane.words(["one", "two"], np.array([[1.0, 1.0], [-1.0, 1.0]]), {})
    scene.add(plane, *plane.vectors.values())
    assert figure_problems(scene) == []
    scene.add(Text("table").move_to(plane.c2p((0.5, 0.5))))
    plane.vectors["two"].label.move_to(plane.vectors["one"].label)
    plane.vectors["one"].label.set_y(SUBTITLE_TOP - 0.2)
    problems = " | ".join(figure_problems(scene))
    assert "VectorPlane overlaps Text table" in problems
    assert "in the subtitles' band" in problems
    plane.vectors["one"].label.move_to(plane.vectors["two"].label)
    assert "labels 'one' and 'two' overprint" in " | ".join(figure_problems(scene))


def test_a_label_with_no_clear_place_near_its_point_goes_further_only_to_a_clear_one():
    """A 1 × 0.3 label at the origin, all of (−1.5, 1.5)² taken: no place within 1.3 of the point
    is clear, 1.8 to the right is. Taken up to (−3, 3)²: the far places overprint too, so it keeps
    the nearest least-bad one rather than a far one that is no better."""
    from manim import ORIGIN, RIGHT, Rectangle

    from scenes.geometry import LabelPlacer

    def placed(taken: float):
        placer = LabelPlacer((-7.0, -4.0, 7.0, 4.0))
        placer.boxes.append((-taken, -taken, taken, taken))
        tag = Rectangle(width=1.0, height=0.3)
        return placer, tag, placer.place(tag, ORIGIN, RIGHT)

    placer, tag, distance = placed(1.5)
    assert (distance, placer.last_conflicts) == (1.8, 0)
    assert tag.get_left()[0] == pytest.approx(1.8)
    placer, tag, distance = placed(3.0)
    assert distance in LabelPlacer.DISTANCES and placer.last_conflicts >= LabelPlacer.OVERLAP


def test_a_long_word_with_no_room_at_full_size_steps_down_rather_than_overprint():
    """'internationalization' fitted to 2.6 units is too wide for a plane whose room for labels is
    2.5 units wide: at its full size (22) every place leaves the room; at CROWDED_WORD_SIZE (2.38
    units wide) it fits, straight above its tip. A short word keeps its full size there."""
    from scenes.geometry import CROWDED_WORD_SIZE, WORD_SIZE, LabelPlacer, VectorPlane
    from scenes.theme import LIGHT
    from attention_math.geometry import Plane

    plane = VectorPlane(Plane((0, 1), ("x", "y"), 2, "exact"), np.array([[2.0, 2.0]]), LIGHT, width=6, height=6)
    tip = plane.c2p((1.0, 1.0))
    plane._placer = LabelPlacer((tip[0] - 1.25, tip[1] - 3.0, tip[0] + 1.25, tip[1] + 3.0))
    long = plane.vector("long", (1.0, 1.0), "#000000", text="internationalization", toward=(0, 1))
    assert long.label.font_size == pytest.approx(CROWDED_WORD_SIZE) and plane.placer().last_conflicts < LabelPlacer.OVERLAP
    short = plane.vector("short", (1.0, 1.0), "#000000", text="cat", toward=(0, 1))
    assert short.label.font_size == pytest.approx(WORD_SIZE)


def test_a_plane_s_parts_are_what_it_draws_not_its_scene_s_value_trackers():
    """A scene keeps the trackers that drive a moving arrow with the plane's figures (so they
    leave with it); a tracker holds its value as a point, here at the frame's centre, far from
    the plane's ink, and is never drawn: the plane's parts (what the overlap check calls its ink)
    leave it out, and keep what is drawn."""
    from manim import RIGHT, Line, ValueTracker
    from scenes.geometry import VectorPlane
    from scenes.theme import LIGHT
    from attention_math.geometry import Plane

    plane = VectorPlane(Plane((0, 1), ("x", "y"), 2, "exact"), np.array([[1.0, 1.0]]), LIGHT, width=3, height=3)
    plane.shift(RIGHT * 4)  # the plane well right of the frame's centre, where the tracker's point is
    drawn, tracker = Line(plane.c2p((0, 0)), plane.c2p((1, 1))), ValueTracker(0.0)
    plane.figures += [drawn, tracker]
    assert tracker.get_center()[0] == pytest.approx(0.0) and plane.get_left()[0] > 1.0
    parts = plane.parts()
    assert drawn in parts and plane in parts and not any(part is tracker for part in parts)


@pytest.mark.parametrize("scene_name,example_key", each("embeddings"))
def test_each_word_is_an_arrow_to_its_row(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    example, figure = scene.example, scene.plane
    plane = embedding_plane(example)
    assert figure.plane == plane
    words = sentence_words(example)
    coords = plane.coordinates(np.array([example.embeddings[w] for w in words]))
    assert set(figure.vectors) == set(words)
    for word, xy, small in zip(words, coords, near_zero(coords)):
        vec = figure.arrow_for(word)
        tail, tip = ends(figure, vec.body)
        assert tip == pytest.approx(xy, abs=1e-6), word
        assert tail == pytest.approx([0, 0], abs=1e-6) or small, word
        assert vec.is_dot == bool(small), word  # near-zero words are dots
    # every word is named on screen: by its own label, or in the label its crowd of dots shares
    named = " ".join(v.label.text if hasattr(v.label, "text") else " ".join(m.text for m in v.label)
                     for v in figure.vectors.values() if v.label is not None)
    assert all(w in named for w in words)
    # the axes hold every tip, and ticks read in the plane's units
    x, y = figure.x_range, figure.y_range
    assert x.low <= coords[:, 0].min() and coords[:, 0].max() <= x.high and y.low <= coords[:, 1].min()
    assert [parse_number(t.text) for t in figure.tick_labels] == list(x.ticks + y.ticks)


@pytest.mark.xdist_group("embeddings")
def test_builtin_arrows_hand_checked():
    figure = built_scene("embeddings", "builtin").plane
    assert ends(figure, figure.vectors["mouse"].body)[1] == pytest.approx([1.3, 1.3])
    assert ends(figure, figure.vectors["cat"].body)[1] == pytest.approx([1.8, 0.0])
    assert ends(figure, figure.vectors["keyboard"].body)[1] == pytest.approx([0.0, 1.8])
    assert sorted(w for w, v in figure.vectors.items() if v.is_dot) == ["and", "are"]


@pytest.mark.xdist_group("embeddings")
def test_builtin_dots_share_one_label_left_of_the_origin():
    """and (0, 0) and are (0.1, 0.1) are named once, "and, are ≈ 0", just left of the origin (a label
    each sat on mouse's arrow and on the axis)."""
    figure = built_scene("embeddings", "builtin").plane
    named = [v.label for v in figure.vectors.values() if v.is_dot and v.label is not None]
    # (in one line, or in two where the placer found room only for that)
    lines = [named[0]] if hasattr(named[0], "original_text") else list(named[0])
    assert len(named) == 1 and " ".join(line.original_text for line in lines) == "and, are ≈ 0"
    label = named[0]
    assert label.get_right()[0] < figure.origin[0] and abs(label.get_y() - figure.origin[1]) < 1.0



@pytest.mark.parametrize("scene_name,example_key", each("scores"))
def test_dot_product_drawn_as_a_projection(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    example, figure = scene.example, scene.plane
    plane = embedding_plane(example)
    focus = example.embeddings[example.focus]
    s, i = focus_sentence(scene)
    rows = []
    for partner, drawn in scene.figures.items():
        expected = projection(focus, example.embeddings[partner], plane)
        rows.append([expected.shadow_on_b, expected.plane_dot, expected.full_dot])  # no shadow on a zero vector: "—"
        if partner in s.tokens:  # the full dot product is the score the matrix shows
            assert expected.full_dot == pytest.approx(s.simple.scores[i, s.tokens.index(partner)])
        if expected.cos is None:
            assert not drawn.submobjects  # no angle with a zero vector: nothing to draw
            continue
        top, bottom = figure.p2c(drawn.dashed.get_start()), figure.p2c(drawn.dashed.get_end())
        assert top == pytest.approx(plane.coordinates(focus), abs=1e-6)
        assert bottom == pytest.approx(expected.foot, abs=1e-6)
        assert (top - bottom) @ expected.b == pytest.approx(0.0, abs=1e-6)  # the dashed line is perpendicular
        # the shadow is the segment origin -> foot, laid on b's line as a translucent band (b's arrow
        # shows through it; raised beside it, it cut the θ arc and did not start at the origin, r19)
        start, end = figure.p2c(drawn.bold.get_start()), figure.p2c(drawn.bold.get_end())
        assert end - start == pytest.approx(expected.foot, abs=1e-6)
        assert np.linalg.norm(end - start) == pytest.approx(abs(expected.shadow), abs=1e-6)
        assert start == pytest.approx(np.zeros(2), abs=1e-6)
        assert drawn.bold.get_stroke_opacity() < 0.6 and drawn.bold.get_stroke_width() > 10
    assert scene.table.displayed() == pytest.approx(np.round(rows, 2), abs=1e-9, nan_ok=True)


@pytest.mark.xdist_group("scores")
def test_builtin_alignment_hand_checked():
    table = built_scene("scores", "builtin").table
    # each row named by its partner, the focus word written once in the corner over them
    assert [r.text for r in table.row_labels] == ["cat", "keyboard", "and"] and table.corner.text == "mouse·word"
    shown = table.displayed()
    assert shown[:2].tolist() == [[1.3, 2.34, 2.42], [1.3, 2.34, 2.38]]
    # and is the zero vector in the plane: no shadow on it ("—"), a dot product of 0 there
    assert table.number(2, 0).text == "—" and shown[2, 1:].tolist() == [0.0, 0.32]


@pytest.mark.xdist_group("scores")
def test_builtin_angle_named_by_its_arc_and_partners_vectors_shown():
    scene = built_scene("scores", "builtin")
    # mouse (1.30, 1.30) against cat (1.80, 0) in the animal–tech plane: θ = 45°, cos 45° = 0.707,
    # the cosine the identity writes (hand-checked); named by the arc as the identity writes it
    assert [t.text for t in scene.theta_note] == ["θ=45.0°", "cosθ=0.707"]
    assert "0.707" in scene.card.formula[2].text
    # the partners' vectors, all four dims, that the pairs' table's "all dims" checks from:
    # mouse·keyboard = 1.30×1.80 + 0.20×0.20 = 2.38; mouse·and = 0.20×1.60 = 0.32
    card = scene.vectors_card
    assert [r.text for r in card.row_labels] == ["mouse", "keyboard", "and"]
    assert card.displayed().tolist() == [[1.3, 1.3, 0.2, 0.1], [0.0, 1.8, 0.2, 0.0], [0.0, 0.0, 1.6, 0.0]]
    assert card.get_bottom()[1] > scene.table.get_top()[1]  # over the pairs' table, clear of it



def check_pattern(pattern, weights, colour=None):
    """Lines exactly to the words with a weight above 0, from the query word to each, as thick
    and as opaque as attention_math says; the weights written under the words."""
    lines = {line.key: line for line in pattern.lines[""]}
    assert set(lines) == {j for j, w in enumerate(weights) if w > 0}
    for j, line in lines.items():
        assert line.get_stroke_width() == pytest.approx(line_width(weights[j]))
        assert line.get_stroke_opacity() == pytest.approx(line_opacity(weights[j]))
        assert line.get_start() == pytest.approx(pattern.query_anchor())
        assert line.get_end() == pytest.approx(pattern.key_anchor(j))
        if colour is not None:
            assert line.get_stroke_color().to_hex().lower() == ManimColor(colour).to_hex().lower()
    assert [n.text for n in pattern.weight_labels[""]] == [format_number(w) for w in weights]
    assert [k.text for k in pattern.keys] == list(pattern.tokens)


@pytest.mark.parametrize("scene_name,example_key", each("softmax", "causal"))
def test_attention_lines_are_as_thick_as_the_weights(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    s, i = focus_sentence(scene)
    weights = (s.simple if scene_name == "softmax" else s.causal).weights[i]
    check_pattern(scene.pattern, weights, scene.theme.focus)
    if scene_name == "causal":  # no line to a later word
        assert max(line.key for line in scene.pattern.lines[""]) == i


@pytest.mark.parametrize("scene_name,example_key", each("causal"))
def test_disc_areas_are_the_weights(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    s, _ = focus_sentence(scene)
    weights = s.causal.weights
    discs = scene.discs
    assert set(discs.discs) == {(r, c) for r in range(len(weights)) for c in range(r + 1)}  # the future is empty
    for (r, c), disc in discs.discs.items():
        area = math.pi * (disc.width / 2) ** 2
        assert area / (math.pi * discs.full_radius ** 2) == pytest.approx(weights[r, c], rel=1e-6)
        assert disc.get_center() == pytest.approx(scene.weights.cell(r, c)[0].get_center())


@pytest.mark.parametrize("scene_name,example_key", each("multihead"))
def test_each_head_draws_its_own_lines_in_its_own_colour(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    s, i = focus_sentence(scene)
    heads = s.multi_head.heads
    assert len(scene.patterns_drawn) == len(heads)
    colours = scene.head_colors()
    th = scene.theme  # a head in the query's or the key's colour would read as "the queries" or "the keys"
    assert not set(colours) & {th.query, th.key, th.value, th.output, th.focus}
    for h, (pattern, head) in enumerate(zip(scene.patterns_drawn, heads)):
        check_pattern(pattern, head.weights[i], colours[h % len(colours)])
    tops = [strongest_neighbour(s.tokens, head.weights[i], scene.example.focus) for head in heads]
    if example_key == "builtin":  # head 1 looks at cat, head 2 at a grammar word
        assert [s.tokens[t] for t in tops] == ["cat", "and"]


@pytest.mark.parametrize("scene_name,example_key", each("output"))
def test_weighted_value_arrows_laid_tip_to_tail_end_at_the_output(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    s, i = focus_sentence(scene)
    figure = scene.plane
    chain = arrow_chain(s.simple.weights[i], s.simple.v, embedding_plane(scene.example))
    assert len(scene.chain.pieces) == len(s.tokens)
    for j, piece in enumerate(scene.chain.pieces):
        tail, tip = ends(figure, piece)
        assert tip == pytest.approx(chain.ends[j], abs=1e-6)
        if not isinstance(piece, Dot):
            assert tail == pytest.approx(chain.starts[j], abs=1e-6)
    tail, tip = ends(figure, scene.output_arrow.body)
    assert tail == pytest.approx([0, 0], abs=1e-6)
    assert tip == pytest.approx(embedding_plane(scene.example).coordinates(s.simple.output[i]), abs=1e-6)
    if example_key == "builtin":
        assert tip == pytest.approx([1.0884, 0.5735], abs=1e-4)


@pytest.mark.parametrize("scene_name,example_key", each("contexts"))
def test_outputs_and_the_residual_from_the_origin(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    example, figure = scene.example, scene.plane
    plane = embedding_plane(example)
    embedding = plane.coordinates(example.embeddings[example.focus])
    assert ends(figure, figure.vectors[example.focus].body)[1] == pytest.approx(embedding, abs=1e-6)
    for s, out in zip(scene.pair, scene.output_arrows):
        i = s.tokens.index(example.focus)
        output = plane.coordinates(s.simple.output[i])
        word = scene.context_word(s)
        assert ends(figure, out.body) == pytest.approx(np.array([[0, 0], output]), abs=1e-6)
        laid = figure.vectors[f"output with {word}, laid on {example.focus}"]
        assert ends(figure, laid.body) == pytest.approx(np.array([embedding, embedding + output]), abs=1e-6)
        total = figure.vectors[f"{example.focus} + output with {word}"]
        assert ends(figure, total.body) == pytest.approx(np.array([[0, 0], embedding + output]), abs=1e-6)
        if word in scene.drawn_words:  # a context word drawn: its arrow ends at its embedding
            assert ends(figure, figure.vectors[word].body)[1] == pytest.approx(plane.coordinates(example.embeddings[word]))
    # two plots: the chains' (up close) then the residual's, zoomed out to. The first holds the
    # focus word and every chain's steps; a word is drawn there when its arrow ends inside it
    near = scene.near_plane
    inside = lambda xy: (near.x_range.low <= xy[0] <= near.x_range.high and near.y_range.low <= xy[1] <= near.y_range.high)
    assert inside(embedding) and all(inside(end) for chain in scene.chains for end in chain.ends)
    words = [scene.context_word(s) for s in scene.pair]
    assert scene.drawn_words == [w for w in dict.fromkeys([*words, example.focus])
                                 if inside(plane.coordinates(example.embeddings[w]))]
    unit = lambda fig: float(np.linalg.norm(fig.c2p((1.0, 0.0)) - fig.origin))
    assert unit(near) > 1.4 * unit(figure)  # the zoom out is real: the chains were drawn much larger
    if example_key == "builtin":
        tips = [ends(figure, out.body)[1] for out in scene.output_arrows]
        assert np.round(tips, 2).tolist() == [[1.09, 0.57], [0.58, 1.09]]  # towards animal, then towards tech
        # mouse (1.3, 1.3) sets the near range (0 to 1.3 and 8% more); cat and keyboard (1.8) lie past it
        assert scene.drawn_words == ["mouse"] and near.x_range.high == pytest.approx(1.404)
        assert figure.x_range.high == pytest.approx(2.388 * 1.08, abs=2e-3)  # the sum with cat's 2.39, 8% more


@pytest.mark.parametrize("scene_name,example_key", each("projections"))
def test_queries_and_keys_are_arrows_in_their_own_plane(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    s, i = focus_sentence(scene)
    p = s.projected
    plane = query_key_plane(p.q, p.k)
    figure = scene.qk_plane
    assert figure.plane == plane and plane.exact == (p.d_k == 2)
    assert ends(figure, figure.vectors["query"].body)[1] == pytest.approx(plane.coordinates(p.q[i]), abs=1e-6)
    for j, token in enumerate(s.tokens):
        assert ends(figure, figure.vectors[token].body)[1] == pytest.approx(plane.coordinates(p.k[j]), abs=1e-6)
    best = strongest_neighbour(s.tokens, p.scores[i], scene.example.focus)
    expected = projection(p.q[i], p.k[best], plane)
    foot = figure.p2c(scene.qk_figure.bold.get_end())
    assert foot == pytest.approx(expected.foot, abs=1e-6)
    if plane.exact:  # the plane is the whole space: the shadow times |k| is the learned score
        assert np.linalg.norm(foot) * expected.length_b == pytest.approx(p.scores[i, best])
    if example_key == "builtin":
        assert ends(figure, figure.vectors["query"].body)[1] == pytest.approx([1.35, 1.25])



def test_an_arrow_along_a_longer_one_is_drawn_on_it_from_the_origin():
    """friends (0.4, 0) lies along cat (1.8, 0) and useful (0, 0.4) along keyboard (0, 1.8): the
    geometry draws each beside the longer one; the embeddings scene puts it back on its true line,
    from the origin to its true tip (r26: friends drawn below the animal axis read as a negative tech
    value), thicker than the longer one and over it (r29r: thinner, it read as part of it). cat, keyboard and mouse stay put."""
    from scenes.embeddings import BESIDE_ARROW_WIDTH

    figure = built_scene("embeddings", "builtin").plane
    for word in ("friends", "useful", "cat", "keyboard", "mouse"):
        body = figure.arrow_for(word).body
        assert body.aside == pytest.approx(np.zeros(3)), word
        assert figure.p2c(body.get_start()) == pytest.approx([0.0, 0.0], abs=1e-6), word
    assert ends(figure, figure.arrow_for("friends").body)[1] == pytest.approx([0.4, 0.0], abs=1e-6)
    assert ends(figure, figure.arrow_for("useful").body)[1] == pytest.approx([0.0, 0.4], abs=1e-6)
    for short, longer in (("friends", "cat"), ("useful", "keyboard")):
        a, b = figure.arrow_for(short), figure.arrow_for(longer)
        assert a.body.get_stroke_width() == BESIDE_ARROW_WIDTH > b.body.get_stroke_width()  # (r29r: thin, it read as cat's shaft)
        assert a.z_index > b.z_index, short  # drawn over the longer one: its whole shaft in its own colour


@pytest.mark.parametrize("scene_name,example_key", each("multihead"))
def test_multihead_last_pictures_fans_are_large_and_use_the_frames_width(scene_name, example_key):
    """r33: the closing fans were squeezed into the upper left (words ~20 px, lines ~75 px, the
    upper right empty): now their words are at least the smallest text, their lines long, the two
    spread across the width, inside the frame and over the subtitles' band."""
    from manim import config

    from scenes.components import SMALLEST_TEXT
    from scenes.staging import BOTTOM, TOP

    scene = built_scene(scene_name, example_key)
    fans = scene.summary_fans
    assert len(fans) == len(focus_sentence(scene)[0].multi_head.heads)
    # (the second example's 8 words stacked over its 8-row tables reach ~19 px: left open, r34)
    least = SMALLEST_TEXT if example_key == "builtin" else 18
    for fan, lines in fans:
        pattern = fan[0]
        assert min(word.font_size for word in pattern.keys) >= least
        assert pattern.query_label.font_size >= least
        # (the query word to the words' column: at least 1.4 units, ~125 px at 720p)
        assert pattern.keys.get_left()[0] - pattern.query_label.get_right()[0] >= 1.4
        for part in (fan, lines):
            assert part.get_top()[1] <= TOP + 1e-6 and part.get_bottom()[1] >= BOTTOM - 1e-6
            assert abs(part.get_x()) + part.width / 2 <= config.frame_width / 2
    if len(fans) == 2:  # head 2's in the frame's right half, clear of head 1's
        assert fans[1][0].get_left()[0] > fans[0][0].get_right()[0] and fans[1][0].get_x() > 0
