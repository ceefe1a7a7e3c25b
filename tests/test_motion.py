"""Nothing is printed over anything while the picture moves (issue 11): at every moment the scene
builds look at, no two labels (numbers, words: any Text more than half opaque) overlap by more than
a fifth of the smaller one's ink, and no text is in the bottom 12% of the frame, where the video
player shows the subtitles. The built-in example's build is looked at in every frame (2 a second)
and the second example's a quarter, half and three quarters into every animation (as is any
animation no frame looks inside), both at the end of every animation. The checks run while the
scenes are built (tests/scene_helpers.py); the tests here read what they found, and show on
hand-made scenes that the checks find what they should and change nothing.

Both themes: a theme changes colours only (and how far dimmed things fade, below the threshold in
both), so the dark builds' geometry stands for the light ones; test_the_light_theme_moves_nothing
checks that claim on the one scene the suite also builds in the light theme."""

from dataclasses import fields

import numpy as np
import pytest
from manim import (
    DL, DOWN, LEFT, ORIGIN, RIGHT, UP, UR, AnimationGroup, Arrow, Circumscribe, Create, FadeIn, FadeOut, GrowArrow, Indicate,
    LaggedStart, ManimColor, MoveToTarget, Rectangle, ReplacementTransform, Scene, Succession, Text, Transform,
    TransformFromCopy, UpdateFromAlphaFunc, VGroup, Write, config,
)

from pipeline import catalog
from scenes.geometry import SUBTITLE_TOP
from scenes.theme import DARK, LIGHT
from tests.scene_helpers import (
    LABEL_OPACITY, OVERPRINT_SHARE, TIME_BASED_UPDATER, built_scene, camera_view, label_problems, run_checked,
    visible_labels,
)
from tests.fixture_scene import FixtureScene

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
KEYS = ("builtin", "second")


def each_scene(known_failures: dict = {}):  # noqa: B006 (read only)
    """(scene, example) parameters in the scene's xdist group: its builds are made once, there."""
    return [pytest.param(name, key, marks=[pytest.mark.xdist_group(name), *known_failures.get(name, [])],
                         id=f"{name}-{key}")
            for name in catalog.scene_names() for key in KEYS]


# Scenes whose motion still prints labels over each other (issue 11 stays open for them): strict,
# so the day a scene is fixed this list must lose it.
KNOWN_OVERPRINTS: dict = {}


def overprint_report(found) -> list:
    """One line per animation and pair of words printed over each other: where they first were,
    and the most they overlapped."""
    first, most = {}, {}
    for o in found:
        key = (o.play, *sorted((o.first.words, o.second.words)))
        first.setdefault(key, o)
        most[key] = max(most.get(key, 0.0), o.share)
    return [f"animation {o.play} at {o.moment:.2f} s: {o.first} and {o.second} overlap (up to {most[key]:.0%})"
            for key, o in first.items()]


def band_report(found) -> list:
    first = {}
    for b in found:
        first.setdefault((b.play, b.label.words), b)
    return [f"animation {b.play} at {b.moment:.2f} s: {b.label}" for b in first.values()]


# -- the scenes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("scene_name,example_key", each_scene(KNOWN_OVERPRINTS))
def test_no_two_labels_overprint_at_any_moment(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    assert scene.label_moments > scene.renderer.num_plays / 4  # the check ran, inside animations too
    assert overprint_report(scene.label_overprints) == []


@pytest.mark.parametrize("scene_name,example_key", each_scene())
def test_no_text_in_the_subtitles_band_at_any_moment(scene_name, example_key):
    scene = built_scene(scene_name, example_key)
    assert band_report(scene.band_texts) == []


def test_themes_differ_in_colours_only():
    """Where anything is drawn does not depend on the theme: its fields other than colours are
    names and the dimming, and a dimmed label is at most dim_opacity opaque: not a label to the
    checks in either theme."""
    other = {"name", "reveal_theme", "dim_opacity"}
    for field in fields(DARK):
        dark, light = getattr(DARK, field.name), getattr(LIGHT, field.name)
        if field.name not in other and dark != light:
            # a field is one colour or a tuple of colours (the heads'), as many in each theme
            darks, lights = (dark, light) if isinstance(dark, tuple) else ((dark,), (light,))
            assert len(darks) == len(lights), field.name
            for c in darks + lights:
                assert ManimColor(c).to_hex().lower() == c.lower(), field.name
    assert max(DARK.dim_opacity, LIGHT.dim_opacity) <= LABEL_OPACITY


@pytest.mark.xdist_group("softmax")
def test_the_light_theme_moves_nothing():
    """The softmax scene in both themes (the suite builds it in both): at the end of every step
    the same labels, their glyphs in the same places. The light build is skipped and sampled, the
    dark one stepped frame by frame: neither the theme nor the way through changes the picture."""
    dark, light = built_scene("softmax", "builtin"), built_scene("softmax", "builtin", "light")
    assert [step for step, _ in light.step_labels] == [step for step, _ in dark.step_labels] == list(dark.steps)
    for (step, a), (_, b) in zip(dark.step_labels, light.step_labels):
        assert [t.text for t in a.texts] == [t.text for t in b.texts], step
        assert np.allclose(a.glyphs, b.glyphs, atol=1e-9), step


# -- the checks find what they should -----------------------------------------------------------

def digit(words: str, at) -> Text:
    return Text(words, font_size=48).move_to(np.array([*at, 0.0]))


class Crossing(Scene):
    """`mover` travels from the left to the right, through `still` at the centre half-way (where
    `lift` puts it above `still`); both ends are clear."""

    still, mover, lift, run_time = "17", "42", 0.0, 1.0

    def construct(self):
        still, mover = digit(self.still, (0, 0)), digit(self.mover, (-4, self.lift))
        self.add(still, mover)
        self.play(mover.animate.move_to([4, self.lift, 0]), run_time=self.run_time)


@pytest.mark.parametrize("animate,run_time,moments", [
    (True, 1.0, [0.0, 0.5, 1.0]),                 # frames at 2 a second, and the end
    (True, 0.5, [0.0, 0.125, 0.25, 0.375, 0.5]),  # one frame only: the sampled moments too
    (False, 1.0, [0.25, 0.5, 0.75, 1.0]),         # skipped: the sampled moments and the end
], ids=["frames", "one-frame", "skipped"])
def test_labels_printed_over_each_other_mid_animation_fail_the_check(animate, run_time, moments):
    scene = run_checked(type("Crossing", (Crossing,), {"run_time": run_time}), animate)
    found = [(o.play, o.moment, {o.first.words, o.second.words}) for o in scene.label_overprints]
    assert found == [(0, run_time / 2, {"17", "42"})]  # only half-way: the start and the end are clear
    assert scene.label_overprints[0].share > 0.5  # '42' right over '17': most of the ink
    assert scene.label_moments == len(moments)


def lifted_by(share: float, still: str, mover: str) -> float:
    """How far above `still` to carry `mover` (one glyph each) for the two to share `share` of the
    smaller one's ink when one is right above the other: the narrower glyph is then wholly inside
    the wider one's columns, so the shared ink is the narrower width times the rows they share."""
    boxes = visible_labels_of(digit(still, (0, 0)), digit(mover, (0, 0))).boxes
    widths, heights = boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]
    rows_shared = share * (widths * heights).min() / widths.min()
    return heights.sum() / 2 - rows_shared


def visible_labels_of(*mobjects):
    scene = Scene()
    scene.add(*mobjects)
    return visible_labels(scene)


@pytest.mark.parametrize("share", [0.15, 0.3])
def test_labels_brushing_past_each_other_are_judged_by_their_shared_ink(share):
    """'4' passes over the top of '7' sharing 15% of the smaller ink: accepted; 30%: not."""
    assert 0.15 < OVERPRINT_SHARE < 0.3
    lift = lifted_by(share, "7", "4")
    scene = Scene()
    scene.add(digit("7", (0, 0)), digit("4", (0, lift)))  # the crossing moment
    assert [round(found, 6) for _, _, found in label_problems(scene)[0]] == ([] if share < OVERPRINT_SHARE else [share])
    brushing = run_checked(type("Brushing", (Crossing,), {"still": "7", "mover": "4", "lift": lift}))
    found = [(o.moment, round(o.share, 3)) for o in brushing.label_overprints]
    assert found == ([] if share < OVERPRINT_SHARE else [(0.5, share)])


def test_a_copy_may_leave_its_source_but_not_cross_another_label():
    class Copying(Scene):
        def construct(self):
            source, between, target = digit("5", (-4, 0)), digit("2", (0, 0)), digit("9", (4, 0))
            self.add(source, between)
            self.play(TransformFromCopy(source, target), run_time=1.0)

    scene = run_checked(Copying, animate=True)
    assert [(o.moment, {o.first.words, o.second.words}) for o in scene.label_overprints] == [(0.5, {"9", "2"})]


def test_what_cannot_be_read_is_not_a_label():
    """A veil lowered over a label hides it as far as the veil is opaque; a label fading in is a
    label only past half opacity; a label's ink in the subtitles' band is reported."""
    from scenes.geometry import Veil

    class Stage(Scene):
        heading = None

    scene = Stage()
    scene.theme = DARK
    under, over = digit("17", (0, 0)), digit("42", (0, 0))
    scene.add(under)
    veil = Veil(scene)
    scene.add(veil.sheet, over)
    for opacity, seen in [(0.0, {"17", "42"}), (0.4, {"17", "42"}), (0.6, {"42"}), (1.0, {"42"})]:
        veil.sheet.set_fill(opacity=opacity)
        assert {t.text for t in visible_labels(scene).texts} == seen, opacity
    veil.sheet.set_fill(opacity=0.0)
    assert len(label_problems(scene)[0]) == 1
    over.set_opacity(0.45)
    assert label_problems(scene) == ([], [])
    under.next_to([0, SUBTITLE_TOP, 0], DOWN, buff=0.01)
    assert [t.text for t in label_problems(scene)[1]] == ["17"]
    under.next_to([0, SUBTITLE_TOP, 0], UP, buff=0.01)
    assert label_problems(scene)[1] == []


# -- looking inside animations changes nothing --------------------------------------------------

class EveryKind(Scene):
    """All the kinds of animation the real scenes play, as the scenes use them."""

    def construct(self):
        from scenes.motion import Carry, Travel, Vanish, during

        a, b, c = digit("1.30", (-3, 1)), digit("0.20", (-1, 1)), digit("2.42", (2, 1))
        grid = VGroup(*(Rectangle(width=1, height=0.5).move_to([x, -1, 0]) for x in range(-2, 4)))
        self.add(a, b)
        self.play(FadeIn(grid), Write(c), Create(Rectangle().shift(DOWN * 2)), run_time=1.0)
        self.play(TransformFromCopy(a, c.copy().shift(UP)), Indicate(b), Circumscribe(grid[0]), run_time=1.0)
        a.generate_target().shift(RIGHT)
        self.play(MoveToTarget(a), b.animate.shift(LEFT).set_opacity(0.5), GrowArrow(Arrow(LEFT, RIGHT)), run_time=1.0)
        chip = b.copy()
        self.play(Indicate(a), b.animate.shift(UP), run_time=0.4)  # shorter than a frame
        self.play(Succession(Transform(chip, chip.copy().scale(0.3)), ReplacementTransform(chip, digit("7", (3, -2)))),
                  LaggedStart(*(FadeOut(r) for r in grid[:3]), lag_ratio=0.5),
                  AnimationGroup(Carry(c, digit("2.42", (0, 3)), keys=[(0.5, np.array([0, 2, 0]))]), Vanish(c)),
                  Vanish(grid, parts=[grid[5]], gone=(0.3, 0.9)),
                  Travel(grid[4], [(1.0, np.array([3, 3, 0]))], appear=(0, 0.2), leave=(0.8, 1.0)),
                  during(grid[3].animate.shift(UP), 0.2, 0.6),
                  # a label held to a growing frame: its place is a function of alpha alone
                  UpdateFromAlphaFunc(b, lambda mob, alpha: mob.move_to([-1 + 2 * alpha, 2, 0])), run_time=2.0)


def end_state(scene) -> list:
    """Everything on screen at the end: each mobject's class, points and colours, in drawing order."""
    return [(type(m).__name__, m.points.round(9).tolist(), np.asarray(getattr(m, "fill_rgbas", [])).round(9).tolist(),
             np.asarray(getattr(m, "stroke_rgbas", [])).round(9).tolist()) for m in scene.get_mobject_family_members()]


# The kinds EveryKind plays (the proof below checks that it plays exactly these).
PROVEN = {f"manim.animation.{name}" for name in (
    "composition.AnimationGroup", "composition.LaggedStart", "composition.Succession", "creation.Create",
    "creation.Write", "fading.FadeIn", "fading.FadeOut", "growing.GrowArrow", "indication.Circumscribe",
    "indication.Indicate", "indication.ShowPassingFlash", "transform.MoveToTarget", "transform.ReplacementTransform",
    "transform.Transform", "transform.TransformFromCopy", "transform._MethodAnimation",
    "updaters.update.UpdateFromAlphaFunc")} | {
    "scenes.motion.Carry", "scenes.motion.Travel", "scenes.motion.Vanish"}


@pytest.fixture(scope="module")
def every_kind():
    """The EveryKind scene built four ways: {(animate, sample): scene}."""
    return {(animate, sample): run_checked(EveryKind, animate, sample) for animate in (False, True)
            for sample in (False, True)}


@pytest.mark.parametrize("animate", [False, True], ids=["skipped", "frames"])
def test_looking_inside_animations_leaves_them_ending_where_they_would(every_kind, animate):
    """The checks move each animation to moments of their own before manim moves it on (to its end
    when skipped, to its next frame otherwise): for every kind the scenes play, interpolate sets a
    state from its alpha alone, so each animation ends exactly where it would have."""
    plain, sampled = every_kind[(animate, False)], every_kind[(animate, True)]
    if animate:  # 11 frames at 2 a second and 5 ends; the 3 moments inside the one-frame play
        assert (plain.label_moments, sampled.label_moments) == (16, 16 + 3)
    else:  # 5 animations: their ends, and 3 moments inside each
        assert (plain.label_moments, sampled.label_moments) == (5, 5 + 3 * 5)
    assert end_state(sampled) == end_state(plain)
    assert end_state(every_kind[(False, True)]) == end_state(every_kind[(True, True)])
    assert sampled.animation_kinds == PROVEN


@pytest.mark.parametrize("scene_name,example_key", each_scene())
def test_every_kind_of_animation_played_is_proven_harmless_to_sample(scene_name, example_key):
    """The proof above covers a scene only if its animations are among the kinds it plays (and
    none of its mobjects has a time-based updater, which sampling would call in more steps)."""
    assert built_scene(scene_name, example_key).animation_kinds - PROVEN == set()


def test_a_label_an_updater_moves_is_checked_and_noted_as_not_proven():
    """'5' drifts right (an updater moves it, no animation), over '8' half-way through a play."""
    class Drifting(Scene):
        def construct(self):
            self.add(digit("8", (0, 0)), digit("5", (-1, 0)).add_updater(lambda m, dt: m.shift(2 * dt * RIGHT)))
            self.play(FadeIn(digit("6", (2, 2))), run_time=1.0)

    sampled = run_checked(Drifting)
    assert [(o.moment, {o.first.words, o.second.words}) for o in sampled.label_overprints] == [(0.5, {"5", "8"})]
    assert TIME_BASED_UPDATER in sampled.animation_kinds
    assert TIME_BASED_UPDATER not in run_checked(Drifting, sample=False).animation_kinds


# -- the camera moving in onto a worked number (ExplainerScene.zoom_on) ---------------------------

class Zooming(FixtureScene):
    """The fixture's table; the camera moves in onto one cell and a label beside it, then back."""

    steps = ("show", "zoom_in_and_out")

    def zoom_in_and_out(self):
        from scenes.components import label
        cell = self.table.cell(2, 4)
        self.under = label("beside", self.theme).next_to(self.table, RIGHT, buff=0.2).set_y(cell.get_y())
        self.target = self.zoom_target(cell, self.under)
        # (inside a group of animations, as scenes play it: manim adds the group to the scene)
        self.play(AnimationGroup(FadeIn(self.under), self.zoom_on(cell, self.under)), run_time=1.0)
        self.zoomed = (camera_view(self), self.heading_on_screen(), self.cell_on_screen(cell))
        self.play(AnimationGroup(self.zoom_out()), run_time=1.0)
        self.unzoomed = self.heading_on_screen()

    def show(self):
        from scenes.components import title
        self.heading = title("1 · A fixture", self.theme)
        self.add(self.heading)
        self.whole, self.heading_at = self.heading_on_screen(), self.heading.get_corner(DL)
        super().show()

    def heading_on_screen(self):
        """The heading's corners as shares of the camera's view (0..1 across, 0..1 up)."""
        (x, y, _), share = camera_view(self)
        half_w, half_h = share * config.frame_width / 2, share * config.frame_height / 2
        corners = [self.heading.get_corner(c)[:2] for c in (DL, UR)]
        return np.array([((cx - x + half_w) / (2 * half_w), (cy - y + half_h) / (2 * half_h)) for cx, cy in corners])

    def cell_on_screen(self, cell):
        (x, y, _), share = camera_view(self)
        return cell.height / share, (cell.get_top()[1] - y) / share, (self.under.get_bottom()[1] - y) / share


def test_the_camera_moves_in_onto_what_is_worked_and_keeps_the_heading_and_the_bands():
    from scenes.staging import TOP

    scene = run_checked(Zooming, animate=True)
    (centre, share), heading, (cell_height, cell_top, under_bottom) = scene.zoomed
    assert share == pytest.approx(scene.target[1]) and np.allclose(centre, scene.target[0])
    assert share == pytest.approx(1 / scene.MOST_ZOOM)  # one cell is small: as close as it goes
    assert cell_height == pytest.approx(scene.table.cell(2, 4).height * scene.MOST_ZOOM)  # drawn twice as big
    assert np.allclose(heading, scene.whole)  # the heading stays where it is on screen, at its size
    assert np.allclose(scene.unzoomed, scene.whole) and np.allclose(scene.heading.get_corner(DL), scene.heading_at)
    # what is worked sits on the zoomed view's stage: below the heading's band, above the subtitles'
    assert cell_top < TOP and under_bottom > SUBTITLE_TOP
    assert scene.band_texts == [] and scene.label_overprints == []
    assert scene.step_zooms[-1][1:] == (1.0, (0.0, 0.0, 0.0))  # and the step ends on the whole frame
    # the camera's frame is never part of the picture, and the heading is on its own again
    assert scene.camera.frame not in scene.get_mobject_family_members() and scene.heading in scene.mobjects


class ZoomingOntoTheBand(Zooming):
    """A label just above the whole frame's subtitle band is in the band once the camera moves in
    onto the table's top row: the band check follows the camera."""

    def zoom_in_and_out(self):
        from scenes.components import label
        low = label("low", self.theme).move_to([0, SUBTITLE_TOP + 1.0, 0])
        self.add(low)
        self.play(self.camera.frame.animate.set(width=config.frame_width / 2).move_to([0, SUBTITLE_TOP + 2.6, 0]),
                  run_time=1.0)
        self.play(self.camera.frame.animate.set(width=config.frame_width).move_to(ORIGIN), run_time=1.0)


def test_the_subtitle_band_check_follows_the_camera():
    scene = run_checked(ZoomingOntoTheBand, animate=True)
    assert {seen.label.words for seen in scene.band_texts} == {"low"}


def test_what_a_zoom_would_cut_goes_wholly_and_comes_back_as_it_was():
    """hidden_while_zoomed: a cut piece goes out of sight (dimmed, a sliver would read as a broken
    word); a row with any piece cut goes whole with its word; showing brings back each opacity."""
    from scenes.motion import hidden_while_zoomed

    word, number, other, apart = digit("are", (0, 0)), digit("0.20", (2, 0)), digit("0.00", (4, 0)), digit("7", (0, 3))
    number.set_opacity(0.6)  # a dimmed number comes back dimmed
    row = VGroup(word, number, other)
    hide, show = hidden_while_zoomed([other], units=[row])
    scene = Scene()
    scene.add(row, apart)
    scene.play(*hide, run_time=0.5)
    assert [max(p.get_fill_opacity() for p in t.family_members_with_points()) for t in (word, number, other, apart)] \
        == [0, 0, 0, 1]
    scene.play(*show(), run_time=0.5)
    assert [max(p.get_fill_opacity() for p in t.family_members_with_points()) for t in (word, number, other)] \
        == pytest.approx([1, 0.6, 1])


def test_a_tables_numbers_grow_larger_than_its_words_where_they_stand_and_stay_in_their_cells():
    from scenes.components import MatrixGrid
    from scenes.staging import NUMBER_FILL, numbers_larger

    grid = MatrixGrid(np.array([[1.8, 0.0, 0.2], [-12.345, 1.3, 0.1]]), LIGHT, name="t", col_labels=["animal", "tech", "grammar"],
                      row_labels=["cat", "mouse"], number_size=20, decimals=3)
    widths, centres = [grid.cell(0, j)[0].width for j in range(3)], [grid.number(i, j).get_center() for i in range(2) for j in range(3)]
    words = [(w.font_size, w.get_center()) for w in (*grid.col_labels, *grid.row_labels)]
    numbers_larger(grid, 28)
    assert [grid.cell(0, j)[0].width for j in range(3)] == widths  # the columns keep the widths their words gave them
    assert all(np.allclose(c, grid.number(i, j).get_center()) for c, (i, j) in zip(centres, [(i, j) for i in range(2) for j in range(3)]))
    assert [(w.font_size, tuple(w.get_center())) for w in (*grid.col_labels, *grid.row_labels)] == \
        [(s, tuple(c)) for s, c in words]  # the words as they were
    # the longest number as wide as its cell allows, and every number at its size (smaller than asked)
    sizes = {round(grid.number(i, j).font_size, 6) for i in range(2) for j in range(3)}
    assert len(sizes) == 1 and sizes.pop() < 28
    assert grid.number(1, 0).width == pytest.approx(grid.cell(1, 0)[0].width * NUMBER_FILL)
    short = numbers_larger(MatrixGrid(np.array([[1.8, 0.25]]), LIGHT, name="s", col_labels=["grammar", "mood"],
                                      number_size=20), 28)
    assert [short.number(0, j).font_size for j in range(2)] == pytest.approx([28, 28])  # short ones at the size asked
