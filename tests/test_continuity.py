"""The explainer plays as one piece: for each consecutive pair of scenes (N, N+1) in ORDER, the last
frame of N shows exactly what the first frame of N+1 shows (scenes.handoff).

Each scene is built in its own xdist group, so a pair is never built in one worker: N's last
picture and N+1's first picture are each compared with the same reference, the boundary built from
the example and theme alone (through ExplainerScene's own helpers, not either scene's). Equal to
one reference, they are equal to each other. A picture is compared as the set of its visible
labels (words, centre and size to 0.05, colour) and of its tables (name and numbers as drawn)."""

import json
from functools import partial
from types import SimpleNamespace

import numpy as np
import pytest
from manim import Text, VGroup

from pipeline import catalog
from pipeline.slides import sections_of
from scenes import HAND_OVER_SECTION, ORDER
from tests.scene_helpers import built_scene

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
STEP = 0.05  # positions and sizes are compared to this


def _near(value: float) -> float:
    return round(round(float(value) / STEP) * STEP, 2)


def _ink(mob) -> list:
    return mob.family_members_with_points()


def picture(mobs) -> set:
    """What a picture shows: ("label", words, x, y, height, colour) for every label more than half
    opaque (a Text, or a table's row or column label, whose glyphs are not Texts), and ("table",
    name, numbers as drawn) for every table."""
    from scenes.components import MatrixGrid

    shown = set()
    for mob in (m for top in mobs for m in top.get_family()):
        if isinstance(mob, MatrixGrid) and any(g.get_fill_opacity() > 0.5 for g in _ink(mob.numbers)):
            shown.add(("table", mob.name, tuple(np.round(mob.displayed(), 2).flatten().tolist())))
        is_label = isinstance(mob, Text) or ("text" in mob.__dict__ and isinstance(mob.__dict__["text"], str))
        ink = _ink(mob) if is_label else []
        if ink and max(g.get_fill_opacity() for g in ink) > 0.5:
            x, y = VGroup(*ink).get_center()[:2]
            colour = ink[0].get_fill_color().to_hex().lower()
            shown.add(("label", mob.text, _near(x), _near(y), _near(VGroup(*ink).height), colour))
    return shown


def reference(after: str, scene) -> set:
    """The picture between `after` and the next scene, built from `scene`'s example and theme by
    ExplainerScene's helpers (a scene's own overrides play no part)."""
    from scenes.base import ExplainerScene
    from scenes.handoff import boundary

    base = ExplainerScene
    stand_in = SimpleNamespace(example=scene.example, theme=scene.theme, traces=scene.traces, shown=[])
    for prop in ("first", "vector_scale", "score_scale"):
        setattr(stand_in, prop, getattr(base, prop).fget(stand_in))
    for method in ("token_colors", "dim_colors", "word_rows", "grid"):
        setattr(stand_in, method, partial(getattr(base, method), stand_in))
    return picture([boundary(after, stand_in)])


def per_scene(names):
    return [pytest.param(name, key, marks=pytest.mark.xdist_group(name), id=f"{name}-{key}")
            for name in names for key in ("builtin", "second")]


@pytest.mark.parametrize("scene_name,example_key", per_scene(ORDER[:-1]))
def test_a_scene_ends_on_the_picture_the_next_one_opens_on(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    expected = reference(scene_name, scene)
    ended = picture(scene.mobjects)
    assert any(kind == "table" for kind, *_ in expected)
    assert ended == expected, (sorted(ended - expected)[:6], sorted(expected - ended)[:6])
    # the hand-over is a section of its own after the last step: the decks leave it out
    assert scene.renderer.file_writer.sections[-1].name == HAND_OVER_SECTION


@pytest.mark.parametrize("scene_name,example_key", per_scene(ORDER[1:]))
def test_a_scene_opens_on_the_picture_the_previous_one_ends_on(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    expected = reference(ORDER[ORDER.index(scene_name) - 1], scene)
    opened = picture([scene.first_picture])
    assert opened == expected, (sorted(opened - expected)[:6], sorted(expected - opened)[:6])


@pytest.mark.xdist_group(ORDER[-1])
def test_the_last_scene_hands_over_nothing():
    scene = built_scene(ORDER[-1], "second")
    assert scene.renderer.file_writer.sections[-1].name == scene.steps[-1]


def test_the_decks_show_the_steps_and_leave_out_the_hand_over(tmp_path):
    clip = tmp_path / "scores.mp4"
    clip.with_suffix(".sections").mkdir()
    index = [{"name": name, "video": f"{k}.mp4"} for k, name in enumerate(("a", "b", HAND_OVER_SECTION))]
    (clip.with_suffix(".sections") / "index.json").write_text(json.dumps(index))
    assert [section["name"] for section in sections_of(clip)] == ["a", "b"]


@pytest.mark.xdist_group("embeddings")
def test_the_first_scene_opens_on_an_empty_frame_and_every_scene_is_in_a_pair():
    assert catalog.scene_names() == list(ORDER)
    assert picture([built_scene(ORDER[0], "second").first_picture]) == set()


def hand_over_moments(scene_class, look, alphas) -> list:
    """[(alpha, look(scene))]: `scene_class` (an ExplainerScene) built as the suite builds, looked
    at with `look` at each fraction `alpha` of its (skipped) hand-over."""
    from manim import tempconfig

    from scenes.theme import theme_named
    from tests.scene_helpers import TINY

    moments = []

    class Looking(scene_class):
        def update_to_time(self, t):
            if getattr(self, "_handing", False):
                for alpha in alphas:
                    super().update_to_time(alpha * self.duration)
                    moments.append((alpha, look(self)))
            super().update_to_time(t)

        def hand_over(self, run_time: float = 1.0):
            self._handing = True
            super().hand_over(run_time)
            self._handing = False

    with tempconfig(TINY):
        Looking(skip_animations=True, theme=theme_named("light")).render()
    assert moments, "the hand-over was not played"
    return moments


def _drawn(scene) -> set:
    return {id(m) for top in scene.mobjects for m in top.get_family()}


def test_a_hand_over_brings_its_matrix_in_as_the_old_picture_goes():
    """A clip whose last step leaves a picture without the handed-over matrix (as projections ends
    on its summary) cross-fades into the boundary: the matrix starts coming in before the old picture
    has gone, and no moment of the hand-over is an empty frame (it was: the picture went under a
    veil, then the matrix faded in, about a second of white between)."""
    from manim import FadeIn

    from scenes.base import ExplainerScene
    from scenes.components import MatrixGrid

    class EndsOnASummary(ExplainerScene):
        scene_name = ORDER[0]  # opens on nothing, hands over the input X, which this picture does not show
        steps = ("summary",)

        def summary(self):
            self.words = Text("a summary in words")
            self.narrate("A summary.", FadeIn(self.words), run_time=0.5)

    def look(scene) -> tuple:  # (the old picture's opacity, the new matrix's)
        old = max(g.get_fill_opacity() for g in scene.words.family_members_with_points())
        tables = [m for top in scene.mobjects for m in top.get_family() if isinstance(m, MatrixGrid)]
        new = max((g.get_fill_opacity() for table in tables for g in _ink(table.numbers)), default=0.0)
        return old if id(scene.words[0]) in _drawn(scene) else 0.0, new

    moments = [(alpha, old, new) for alpha, (old, new) in hand_over_moments(EndsOnASummary, look, np.linspace(0, 1, 21))]
    old_gone = min(alpha for alpha, old, _ in moments if old < 0.01)
    new_starts = min(alpha for alpha, _, new in moments if new > 0.01)
    assert new_starts < old_gone, (new_starts, old_gone)
    assert all(old > 0.01 or new > 0.01 for _, old, new in moments if 0 < _ < 1), moments
    # and they meet only faintly: neither is read through the other
    assert all(min(old, new) < 0.1 for _, old, new in moments), moments


def test_words_a_scene_wrote_beside_its_table_move_with_it_into_the_next_picture():
    """Scores writes its rows' and columns' words itself, coloured as queries and keys, beside a
    table with no labels of its own. Handing over, each word moves onto the next picture's label
    of the same word (and takes its colour): at no moment of the hand-over is a word missing (it
    was: they faded with the rest, the cells moved bare, then the new words appeared at the end)."""
    from manim import LEFT, UP, FadeIn

    from scenes.base import ExplainerScene
    from scenes.handoff import boundary

    class WordsBeside(ExplainerScene):
        scene_name = ORDER[0]  # hands over the input X, with row words (the tokens) and dims' words
        steps = ("summary",)

        def summary(self):
            shape = boundary(ORDER[0], self).table
            table = self.grid(shape.values, shape.name)  # the same matrix, no labels of its own
            rows = [Text(t.text, color="#806000").scale(0.4).next_to(table.cell(k, 0), LEFT)
                    for k, t in enumerate(shape.row_labels)]
            columns = [Text(t.text, color="#006080").scale(0.4).next_to(table.cell(0, k), UP)
                       for k, t in enumerate(shape.col_labels)]
            self.words = VGroup(*rows, *columns)
            self.narrate("A table.", FadeIn(table), FadeIn(self.words), run_time=0.5)

    def faintest_word(scene) -> float:
        drawn = _drawn(scene)
        return min(max(g.get_fill_opacity() for g in w.family_members_with_points()) if id(w) in drawn else 0.0
                   for w in scene.words)

    moments = hand_over_moments(WordsBeside, faintest_word, np.linspace(0.05, 0.95, 10))
    assert all(least > 0.9 for _, least in moments), moments
