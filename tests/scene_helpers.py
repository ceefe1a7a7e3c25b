"""Construct scenes cheaply for tests, and look up what a drawn matrix should hold."""

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


@lru_cache(maxsize=None)
def built_scene(scene_name: str, example_key: str, theme: str = "dark"):
    """Run a scene's construct (every animation, no frames written) and return the scene."""
    from manim import tempconfig

    from scenes.registry import BY_NAME
    from scenes.registry import scene_class
    from scenes.theme import theme_named

    example = load_example(EXAMPLES[example_key])
    with tempconfig(TINY):
        scene = scene_class(BY_NAME[scene_name])(example=example, theme=theme_named(theme), skip_animations=True)
        scene.render()
    return scene


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
