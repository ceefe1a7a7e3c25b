"""Construct scenes cheaply for tests, and look up what a drawn matrix should hold.

Each scene is built once per process and example (tests are grouped per scene, so a scene is
built in one xdist worker only), nothing written:
- on the built-in example, for real: every animation stepped frame by frame (2 frames a second);
- on the second example (tests/data/second.yaml, also the widest layout accepted), with
  animations skipped and no frames drawn: only the end state of each animation matters there.
While a scene is built, the picture each step leaves behind is checked against the frame."""

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


def build(scene_name: str, example, theme: str = "dark", animate: bool = False):
    """Run a scene's construct and return the scene; `step_bounds` lists, for each step, what
    was outside the frame when it ended. animate=True steps through every animation's frames;
    otherwise animations jump to their end and no frame is drawn (pixels are not checked here)."""
    from contextlib import ExitStack
    from unittest import mock

    from manim import tempconfig
    from manim.renderer.cairo_renderer import CairoRenderer

    from pipeline.catalog import by_name, scene_class
    from scenes.theme import theme_named

    base = scene_class(by_name(scene_name))

    class Checked(base):
        def step_finished(self, step):
            self.step_bounds.append((step, outside_frame(self)))

    with tempconfig(TINY), ExitStack() as patches:
        if not animate:
            for method in ("update_frame", "save_static_frame_data"):
                patches.enter_context(mock.patch.object(CairoRenderer, method, lambda *args, **kwargs: None))
        scene = Checked(example=example, theme=theme_named(theme), skip_animations=not animate)
        scene.step_bounds = []
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
