"""The Python API: everything `render.py` does, for notebooks and scripts (render.py calls it too).

    from pipeline import api

    example = api.example(dims=["money", "river"], embeddings={"bank": [0.6, 0.5], ...},
                          sentences=["the bank", "river bank"], focus="bank")
    print(api.numbers_text(example))               # `render.py numbers`
    document = api.numbers(example)                 # `render.py numbers --format json`, as a dict
    request = api.request(["embeddings", "softmax"], example, quality="low")
    summary = api.render(request)                   # `render.py scene` / `all`: a RunSummary
    api.clip_paths(summary)                         # {"embeddings": Path(...), ...}
    api.powerpoint(api.request(None, example)).path # `render.py pptx`
    api.slides(api.request(None, example)).path     # `render.py slides`

An example is an ExampleSource: how to load it (a file, or your data as JSON text), which worker
processes can receive. Bad input raises attention_math.ExampleError (the same one-line messages
as the command line); a scene that fails to render raises RenderFailed. manim is imported only by
the functions that render.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Mapping, NamedTuple, Optional, Sequence

import numpy as np

from attention_math.errors import ExampleError
from attention_math.example import Example
from attention_math.loader import DATA_SOURCE
from pipeline import catalog
from pipeline.files import atomic_path, atomic_write
from pipeline.settings import ExampleSource, RenderSettings, Request, parse_resolution

# Where outputs go unless told otherwise (the command line's --media-dir default too).
MEDIA_DIR = Path(os.environ.get("ATTENTION_MEDIA_DIR") or Path(__file__).resolve().parents[1] / "media")
WEIGHTS = ("w_q", "w_k", "w_v", "d_k", "d_v", "heads", "w_o")  # the learned weights an example file may give


class RenderFailed(RuntimeError):
    """A scene failed to render; `summary` lists every clip, the failed ones with their error
    and the log holding the full traceback. The other scenes finished."""

    def __init__(self, summary):
        self.summary = summary
        super().__init__("; ".join(f"{clip.scene}: {clip.error} (traceback: {clip.log})" for clip in summary.failed))


class Deck(NamedTuple):
    path: Path    # the deck: index.html of the HTML deck, or the .pptx
    summary: object  # the RunSummary of the clips it is made of


# -- examples --------------------------------------------------------------------------------------

def example(dims: Sequence[str], embeddings, sentences: Sequence, *, tokens: Optional[Sequence[str]] = None,
            focus: Optional[str] = None, weights: Optional[Mapping] = None, heads: Optional[int] = None,
            seed: int = 0, name: str = "my example") -> ExampleSource:
    """Your example from Python data, checked by the same rules as an example file (so an error
    names the field and the fix, and nothing renders until it is right).

    dims: the dimension names. embeddings: {token: vector}, or a (tokens × dims) numpy array with
    `tokens` naming its rows. sentences: text ("the river bank") or lists of tokens. focus: the
    word to follow (default: the first word every sentence shares). weights: optional learned
    weights as in a file (w_q, w_k, w_v, heads, w_o, d_k, d_v; arrays or nested lists); missing
    ones are generated from `seed`. heads: how many heads to generate.
    """
    weights = dict(weights or {})
    for key in weights:
        if key not in WEIGHTS:
            raise ExampleError(DATA_SOURCE, f"weights.{key}", "is not a learned weight", f"use {', '.join(WEIGHTS)}")
    data = {"name": name, "dims": list(dims), "embeddings": _embedding_table(embeddings, tokens),
            "sentences": list(sentences), "seed": seed, **weights}
    if focus is not None:
        data["focus"] = focus
    source = ExampleSource(heads=heads, data=json.dumps(data, default=_plain))
    source.load()  # every check now, before anything renders
    return source


def example_file(path=None, *, sentences: Sequence[str] = (), focus: Optional[str] = None,
                 heads: Optional[int] = None, seed: Optional[int] = None) -> ExampleSource:
    """An example file (.yaml, .json, .csv; None: the built-in one), with the command line's
    overrides: sentences replace the file's, an explicit seed regenerates every learned weight."""
    return ExampleSource(None if path is None else str(path), tuple(sentences), focus, heads, seed)


def load(example: Optional[ExampleSource] = None) -> Example:
    """The checked Example (attention_math.example.Example) behind a source; None: built-in."""
    return (example or ExampleSource()).load()


def _embedding_table(embeddings, tokens) -> dict:
    if tokens is None:
        if not isinstance(embeddings, Mapping):
            raise ExampleError(DATA_SOURCE, "tokens", "an embedding array needs its token names",
                               "pass tokens=[...] with one name per row, or a dict {token: vector}")
        return dict(embeddings)
    rows = np.asarray(embeddings)
    if rows.ndim != 2 or len(tokens) != rows.shape[0]:
        raise ExampleError(DATA_SOURCE, "tokens", f"{len(tokens)} names for an array of shape {rows.shape}",
                           "give a 2-D array (tokens × dims) and one name per row")
    return {str(token): row for token, row in zip(tokens, rows.tolist())}


def _plain(value):
    """numpy arrays and numbers as JSON lists and numbers; anything else is refused."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    raise ExampleError(DATA_SOURCE, "data", f"a {type(value).__name__} is not a number, list or text",
                       "use numbers, lists, strings or numpy arrays")


# -- numbers ---------------------------------------------------------------------------------------

def numbers(example: Optional[ExampleSource] = None) -> dict:
    """Every step's numbers: the document `render.py numbers --format json` prints."""
    from attention_math.report import document

    return document(load(example))


def numbers_text(example: Optional[ExampleSource] = None, fmt: str = "text") -> str:
    """`render.py numbers` as text: readable tables ("text") or the JSON document ("json")."""
    from attention_math.report import text_report

    if fmt == "json":
        return json.dumps(numbers(example), indent=1) + "\n"
    return text_report(load(example))


def write_numbers(path, example: Optional[ExampleSource] = None, fmt: str = "text") -> Path:
    """Write the numbers to `path` atomically: "text", "json", or "xlsx" (a live workbook)."""
    path = Path(path)
    if fmt == "xlsx":
        from attention_math.workbook import write_workbook

        checked = load(example)
        with atomic_path(path) as tmp:
            write_workbook(checked, tmp)
    else:
        atomic_write(path, numbers_text(example, fmt))
    return path


# -- rendering -------------------------------------------------------------------------------------

def request(scenes: Optional[Sequence[str]] = None, example: Optional[ExampleSource] = None, *,
            resolution=None, media_dir=MEDIA_DIR, jobs: int = 0, quiet: bool = False, **settings) -> Request:
    """One render: scene names (None: all; taken in the explainer's order), the example (None: built-in),
    and the command line's video options: quality ("low", "medium", "high", "4k"), theme ("dark",
    "light"), fmt ("mp4", "webm", "mov", "gif", "png"), transparent, fps, resolution ("WxH" or
    (width, height)), media_dir, jobs (worker processes, 0: one per core), quiet."""
    order = catalog.scene_names()
    names = order if scenes is None else list(scenes)
    unknown = [name for name in names if name not in order]
    if unknown:
        raise ExampleError("scenes", "value", f"'{unknown[0]}' is not a scene", f"use {', '.join(order)}")
    names = sorted(set(names), key=order.index)  # the explainer's order, as chapters and slides follow it
    if isinstance(resolution, (tuple, list)):
        resolution = "x".join(map(str, resolution))
    return Request(tuple(catalog.by_name(name) for name in names), example or ExampleSource(),
                   RenderSettings(resolution=parse_resolution(resolution), **settings), Path(media_dir), jobs, quiet)


def render(request: Request, *, join: bool = True):
    """Render the request's clips (cached ones are reused) and, with several scenes, join them into
    attention_explainer.<format> with chapters. Returns the RunSummary: `.clips` (each with `.path`,
    `.duration`, `.cached`), `.joined`, `.extras` (chapters and subtitles)."""
    request.checked_example()  # every limit is checked before anything renders
    from pipeline.runner import run

    return _succeeded(run(request, join=join))


def slides(request: Request, narrated: bool = False) -> Deck:
    """The offline reveal.js deck, media/<theme>/slides-<folder>/index.html (`render.py slides`);
    its slides speak their narration when `narrated` (`--deck-voice`), else they are silent."""
    request.checked_example()
    from pipeline.slides import build_deck

    return Deck(*_built(build_deck(request, narrated)))


def narration_script(example: Optional[ExampleSource] = None, scenes: Optional[Sequence[str]] = None) -> str:
    """`render.py script`: the narration as a script to record, one line per cue: its id (name a
    recording <id>.wav), the seconds the picture gives it, the text as spoken. Nothing renders."""
    from pipeline.narration import script_cues, script_text

    checked = request(scenes, example, voice="none")
    return script_text(script_cues(checked.scenes, checked.checked_example()))


def powerpoint(request: Request) -> Deck:
    """The PowerPoint deck, media/<theme>/attention_explainer-<folder>.pptx (`render.py pptx`)."""
    request.checked_example()
    from pipeline.pptx_deck import build_pptx

    return Deck(*_built(build_pptx(request)))


def clip_paths(summary) -> dict:
    """{scene name: clip path} of a RunSummary, plus "attention_explainer" when it was joined."""
    paths = {clip.scene: clip.path for clip in summary.clips}
    if summary.joined is not None:
        paths[summary.joined.stem] = summary.joined
    return paths


def _succeeded(summary):
    if summary.failed:
        raise RenderFailed(summary)
    return summary


def _built(result: tuple) -> tuple:
    path, summary = result
    _succeeded(summary)
    return path, summary
