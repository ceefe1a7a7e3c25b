"""Construct scenes cheaply for tests, and look up what a drawn matrix should hold.

Each scene is built once per process and example (tests are grouped per scene, so a scene is
built in one xdist worker only), nothing written:
- on the built-in example, for real: every animation stepped frame by frame (2 frames a second);
- on the second example (tests/data/second.yaml, also the widest layout accepted), with
  animations skipped and no frames drawn: only the end state of each animation matters there.
While a scene is built, the picture each step leaves behind is checked against the frame, and after
every animation each geometric figure on screen (a plane of arrows, a pattern of attention lines) is
checked: nothing else overlaps it, its labels do not overprint, no text in the subtitles' band."""

from __future__ import annotations

import re
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from attention_math import load_example, softmax, trace_example
from attention_math.breakdown import softmax_row

DATA = Path(__file__).parent / "data"
EXAMPLES = {"builtin": None, "second": DATA / "second.yaml"}

# The size the suite constructs at: a few pixels, two frames a second, nothing written. Each test
# process gets its own text and TeX folders (manim's shared ones race between processes).
_WORK = Path(tempfile.mkdtemp(prefix="scene-tests-"))
TINY = {"dry_run": True, "pixel_width": 96, "pixel_height": 54, "frame_rate": 2, "disable_caching": True,
        "verbosity": "ERROR", "progress_bar": "none", "media_dir": str(_WORK), "text_dir": str(_WORK / "texts"),
        "tex_dir": str(_WORK / "tex")}


def outside_frame(scene) -> list:
    """Names of on-screen mobjects that reach past the frame's edges."""
    from manim import config

    half_w, half_h = config.frame_width / 2, config.frame_height / 2
    out = []
    for mob in scene.mobjects:
        if not mob.has_points() and not mob.submobjects:
            continue
        if (mob.get_left()[0] < -half_w - 1e-6 or mob.get_right()[0] > half_w + 1e-6
                or mob.get_bottom()[1] < -half_h - 1e-6 or mob.get_top()[1] > half_h + 1e-6):
            out.append(getattr(mob, "name", type(mob).__name__))
    return out


def _box(mob) -> tuple:
    """(left, bottom, right, top) of everything drawn in `mob` (one pass over its points)."""
    points = [m.points for m in mob.family_members_with_points()]
    if not points:
        centre = mob.get_center()
        return centre[0], centre[1], centre[0], centre[1]
    every = np.concatenate(points)
    low, high = every.min(axis=0), every.max(axis=0)
    return low[0], low[1], high[0], high[1]


def _pieces(mob, part_ids: set) -> tuple:
    """(whether `mob` holds part of a figure, its pieces that do not): `mob` itself when it holds
    none of it, else its submobjects' pieces. One pass over the family."""
    if id(mob) in part_ids:
        return True, []
    below = [_pieces(sub, part_ids) for sub in mob.submobjects]
    if any(holds for holds, _ in below):
        return True, [piece for _, pieces in below for piece in pieces]
    return False, [mob] if mob.family_members_with_points() else []


class Problems(list):
    """A list of problems that also says how many figures were checked."""

    checked = 0


def figure_problems(scene) -> Problems:
    """What is wrong with the geometric figures on screen now: another thing overlapping one (a
    table, a caption, another figure), two of its labels overprinting, text in the bottom band the
    video player's subtitles use."""
    from itertools import combinations

    from scenes.geometry import SUBTITLE_TOP, AttentionPattern, VectorPlane, boxes_overlap

    tops = list(scene.mobjects)
    veils = [k for k, top in enumerate(tops) if getattr(top, "is_veil", False) and top.get_fill_opacity() >= 0.99]
    tops = tops[veils[-1] + 1:] if veils else tops  # what an opaque veil covers is not seen
    figures = [m for top in tops for m in top.get_family() if isinstance(m, (VectorPlane, AttentionPattern))]
    heading = getattr(scene, "heading", None)
    problems = Problems()
    problems.checked = len(figures)
    for figure in figures:
        name = type(figure).__name__
        parts = [m for m in figure.parts() if m.family_members_with_points()]
        part_ids = {id(m) for part in parts for m in part.get_family()}
        ink = [_box(part) for part in parts]
        for top in tops:
            for piece in _pieces(top, part_ids)[1]:
                box = _box(piece)
                if piece is not heading and any(boxes_overlap(box, b) for b in ink):
                    problems.append(f"{name} overlaps {type(piece).__name__} {getattr(piece, 'text', '')}".strip())
        labels = figure.labels()
        boxes = [_box(lab) for lab in labels]
        for (a, box_a), (b, box_b) in combinations(zip(labels, boxes), 2):
            if boxes_overlap(box_a, box_b):
                problems.append(f"{name}: labels '{getattr(a, 'text', '?')}' and '{getattr(b, 'text', '?')}' overprint")
        problems.extend(f"{name}: '{getattr(lab, 'text', '?')}' in the subtitles' band"
                        for lab, box in zip(labels, boxes) if box[1] < SUBTITLE_TOP - 1e-6)
    return problems


def build(scene_name: str, example, theme: str = "dark", animate: bool = False):
    """Run a scene's construct and return the scene; `step_bounds` lists, for each step, what
    was outside the frame when it ended. animate=True steps through every animation's frames;
    otherwise animations jump to their end and no frame is drawn (pixels are not checked here)."""
    from contextlib import ExitStack
    from unittest import mock

    from manim import tempconfig
    from manim.mobject.text import text_mobject
    from manim.renderer.cairo_renderer import CairoRenderer

    from pipeline.catalog import by_name, scene_class
    from scenes.theme import theme_named

    base = scene_class(by_name(scene_name))

    class Checked(base):
        def step_finished(self, step):
            self.step_bounds.append((step, outside_frame(self)))

        def play(self, *args, **kwargs):
            super().play(*args, **kwargs)
            problems = figure_problems(self)
            self.figure_problems += [(self.renderer.num_plays, p) for p in problems]
            self.figures_checked += problems.checked

    with tempconfig(TINY), ExitStack() as patches:
        # Pango wraps text at the frame's pixel width: shape it for a full-size frame, as a render
        # does, or a long caption would wrap here (and be measured taller and narrower) but not there
        text2svg = text_mobject.manimpango.text2svg
        full_width = lambda *args: text2svg(*args[:7], 3840, 2160, *args[9:])  # noqa: E731
        patches.enter_context(mock.patch.object(text_mobject.manimpango, "text2svg", full_width))
        if not animate:
            for method in ("update_frame", "save_static_frame_data"):
                patches.enter_context(mock.patch.object(CairoRenderer, method, lambda *args, **kwargs: None))
        scene = Checked(example=example, theme=theme_named(theme), skip_animations=not animate)
        scene.step_bounds, scene.figure_problems, scene.figures_checked = [], [], 0
        scene.render()
    scene.animated = animate
    return scene


@lru_cache(maxsize=None)
def built_scene(scene_name: str, example_key: str, theme: str = "dark"):
    """The built-in example's dark build is the real, animated one; the others are quick."""
    animate = example_key == "builtin" and theme == "dark"
    return build(scene_name, load_example(EXAMPLES[example_key]), theme, animate=animate)


def expected_values(name: str, example, sentence_index: int) -> np.ndarray:
    """What a drawn matrix named `name` must show, computed from attention_math independently
    of the scene code. Names: [sentences[k]. | pair[k].] path [.T] [[focus]], e.g.
    'simple.weights', 'input.T', 'pair[1].simple.output[focus]', 'softmax(simple.scores[focus])'."""
    traces = trace_example(example)
    if name == "embeddings":
        return np.array([example.embeddings[t] for t in example.embeddings])
    if name == "pair_summary[focus]":  # the focus word's input, then its output in each of two sentences
        pair = [traces[k] for k in example.focus_sentences()[:2]]
        rows = [pair[0].input[pair[0].tokens.index(example.focus)]]
        return np.array(rows + [s.simple.output[s.tokens.index(example.focus)] for s in pair])
    wrapper = None
    match = re.fullmatch(r"softmax\((.*)\)", name)
    if match:
        wrapper, name = softmax, match.group(1)
    if name.startswith("softmax.exps"):
        wrapper, name = (lambda row: softmax_row(row).exps), "simple.scaled" + name[len("softmax.exps"):]
    match = re.match(r"(sentences|pair)\[(\d+)\]\.(.*)", name)
    if match:
        k = int(match.group(2))
        sentence_index = k if match.group(1) == "sentences" else example.focus_sentences()[k]
        name = match.group(3)
    sentence = traces[sentence_index]
    focus = name.endswith("[focus]")
    path = name[: -len("[focus]")] if focus else name
    transpose = path.endswith(".T")
    path = path[:-2] if transpose else path
    value = sentence
    for part in path.split("."):
        match = re.fullmatch(r"(\w+)\[(\d+)\]", part)
        value = getattr(value, match.group(1))[int(match.group(2))] if match else getattr(value, part)
    value = np.asarray(value, dtype=float)
    if transpose:
        value = value.T
    if focus:
        value = value[sentence.tokens.index(example.focus)]
    if wrapper is not None:
        value = wrapper(value)
    return value
