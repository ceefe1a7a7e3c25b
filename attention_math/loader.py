"""Reading an example (attention_math.example.Example) from YAML, JSON or a CSV embedding table.

Nothing in an input file is ever executed: YAML is read with yaml.SafeLoader, JSON with the
standard library, CSV as text. Every problem raises ExampleError naming file, field and fix.

Weights missing from the file are generated from `seed` (see `seeded_matrix`), so the same
seed gives the same numbers on every machine and numpy version.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, Optional, Sequence

import numpy as np

from .core import HeadWeights
from .example import Example
from .errors import ExampleError

BUILTIN_NAME = "built-in example (attention_math/examples/mouse.yaml)"
DEFAULT_HEADS = 2
FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv"}

# Stream labels for seeded weights: PCG64 seeded with [seed, kind, head, matrix].
_KIND_SINGLE, _KIND_HEAD, _KIND_OUTPUT = 0, 1, 2
_MATRIX_INDEX = {"w_q": 0, "w_k": 1, "w_v": 2}


def seeded_matrix(seed: int, label: Sequence[int], rows: int, cols: int) -> np.ndarray:
    """A (rows, cols) weight matrix that is the same on every machine.

    Raw 64-bit words from PCG64 seeded with SeedSequence([seed, *label]) (a bit stream numpy
    keeps stable across versions) -> u = top 53 bits / 2**53 in [0, 1) -> w = (2u - 1)·sqrt(3/rows)
    (uniform with variance 1/rows, so projections keep the input's scale) -> rounded to 2
    decimals, so the numbers drawn on screen are exactly the numbers used.
    """
    words = np.random.PCG64([int(seed), *map(int, label)]).random_raw(rows * cols)
    u = (words >> np.uint64(11)).astype(np.float64) * 2.0**-53
    return np.round((2.0 * u - 1.0) * math.sqrt(3.0 / rows), 2).reshape(rows, cols)


def seeded_head(seed: int, kind: int, head: int, d: int, d_k: int, d_v: int) -> HeadWeights:
    shape = {"w_q": d_k, "w_k": d_k, "w_v": d_v}
    return HeadWeights(**{
        name: seeded_matrix(seed, (kind, head, _MATRIX_INDEX[name]), d, cols) for name, cols in shape.items()
    })


# ---------------------------------------------------------------------------------------------
# Reading files


def _read_text(path: Path, source: str) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ExampleError(source, "file", "no such file", "check the path given to --embeddings") from None
    except IsADirectoryError:
        raise ExampleError(source, "file", "is a directory", "give a .yaml, .json or .csv file") from None
    except UnicodeDecodeError as exc:
        raise ExampleError(source, "file", f"not UTF-8 text ({exc.reason})", "save the file as UTF-8") from None
    except OSError as exc:
        raise ExampleError(source, "file", f"cannot be read ({exc.strerror})", "check its permissions") from None


def _parse_yaml(text: str, source: str) -> tuple:
    import yaml  # only needed for YAML files

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        tag = getattr(exc, "problem", "") or ""
        raise ExampleError(source, "YAML tag", f"unsafe or unknown tag ({tag.strip()})",
                           "use plain lists, numbers and strings; tags such as !!python/... are never executed", line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ExampleError(source, "YAML syntax", problem, "correct the YAML at that line", line) from None
    return data, _yaml_lines(root, source)


def _yaml_lines(root: Any, source: str) -> dict:
    """Line numbers of fields (top-level keys, embedding rows, sentences), and duplicate-key checks,
    read from the composed node tree so errors can point at a line."""
    import yaml

    lines: dict = {}
    if not isinstance(root, yaml.MappingNode):
        return lines
    seen_top = set()
    for key, value in root.value:
        name = str(key.value)
        if name in seen_top:
            raise ExampleError(source, name, "appears twice", "keep one", key.start_mark.line + 1)
        seen_top.add(name)
        lines[name] = key.start_mark.line + 1
        if name == "embeddings" and isinstance(value, yaml.MappingNode):
            seen = set()
            for token_node, _ in value.value:
                token = str(token_node.value)
                if token in seen:
                    raise ExampleError(source, f"embeddings.{token}", "token appears twice",
                                       "keep one row per token", token_node.start_mark.line + 1)
                seen.add(token)
                lines[f"embeddings.{token}"] = token_node.start_mark.line + 1
        if name == "sentences" and isinstance(value, yaml.SequenceNode):
            for i, item in enumerate(value.value):
                lines[f"sentences[{i}]"] = item.start_mark.line + 1
    return lines


def _parse_json(text: str, source: str) -> tuple:
    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        for k in keys:
            if keys.count(k) > 1:
                raise ExampleError(source, str(k), "key appears twice", "keep one")
        return dict(pairs)

    try:
        return json.loads(text, object_pairs_hook=no_duplicates), {}
    except json.JSONDecodeError as exc:
        raise ExampleError(source, "JSON syntax", f"{exc.msg} (column {exc.colno})",
                           "correct the JSON at that line", exc.lineno) from None


def _parse_csv(text: str, source: str) -> tuple:
    """A spreadsheet export: header `token,<dim>,<dim>,…`, then one row per token."""
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise ExampleError(source, "CSV syntax", str(exc), "check quoting in the file") from None
    numbered = [(i + 1, r) for i, r in enumerate(rows) if any(c.strip() for c in r)]
    if not numbered:
        raise ExampleError(source, "header", "file is empty", "start with a header row token,<dim>,<dim>,…")
    header_line, header = numbered[0]
    dims = [c.strip() for c in header[1:]]
    if not dims or any(_is_number(c) for c in dims):
        raise ExampleError(source, "header", "first row is not a header of dimension names",
                           "start with a header row token,<dim>,<dim>,… (e.g. token,animal,tech)", header_line)
    embeddings: dict = {}
    lines = {"dims": header_line}
    for line, row in numbered[1:]:
        token = row[0].strip()
        field = f"embeddings.{token or '?'}"
        if not token:
            raise ExampleError(source, field, "row has no token in its first cell", "put the token first", line)
        if token in embeddings:
            raise ExampleError(source, field, "token appears twice", "keep one row per token", line)
        cells = [c.strip() for c in row[1:]]
        values = []
        for j, cell in enumerate(cells):
            try:
                values.append(float(cell))
            except ValueError:
                dim = dims[j] if j < len(dims) else f"column {j + 2}"
                raise ExampleError(source, f"{field}.{dim}", f"'{cell}' is not a number",
                                   "write a plain decimal number such as 0.5", line) from None
        embeddings[token] = values
        lines[field] = line
    return {"dims": dims, "embeddings": embeddings}, lines


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


# ---------------------------------------------------------------------------------------------
# Validation


class _Checker:
    """Turns raw parsed data into validated arrays, with file/field/line in every error."""

    def __init__(self, source: str, lines: dict):
        self.source, self.lines = source, lines

    def fail(self, field: str, problem: str, fix: str) -> None:
        # the most specific field whose line is known: embeddings.cat[2] -> embeddings.cat -> embeddings
        candidates = [field, re.sub(r"(\[\d+\])+$", "", field), field.split(".")[0].split("[")[0]]
        line = next((self.lines[c] for c in candidates if c in self.lines), None)
        raise ExampleError(self.source, field, problem, fix, line)

    def number(self, value: Any, field: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(field, f"{value!r} is not a number", "write a plain number such as 0.5")
        if not math.isfinite(value):
            self.fail(field, f"{value} is not a finite number", "replace NaN/infinity with a real value")
        return float(value)

    def vector(self, value: Any, field: str, length: int, what: str) -> np.ndarray:
        if not isinstance(value, (list, tuple)):
            self.fail(field, "is not a list of numbers", f"write [{', '.join(['0.0'] * length)}]")
        if len(value) != length:
            self.fail(field, f"has {len(value)} values, expected {length} ({what})",
                      f"give exactly {length} numbers")
        return np.array([self.number(v, f"{field}[{i}]") for i, v in enumerate(value)])

    def matrix(self, value: Any, field: str, rows: int, cols: Optional[int] = None) -> np.ndarray:
        """(rows, cols) matrix; cols=None accepts any width, the same in every row."""
        if not isinstance(value, (list, tuple)) or not value or not all(isinstance(r, (list, tuple)) for r in value):
            self.fail(field, "is not a list of rows", f"write {rows} rows of numbers, e.g. [[1, 0], [0, 1]]")
        if len(value) != rows:
            self.fail(field, f"has {len(value)} rows, expected {rows} (one per input dimension)",
                      f"give {rows} rows")
        width = len(value[0]) if cols is None else cols
        for i, row in enumerate(value):
            if len(row) != width:
                self.fail(f"{field}[{i}]", f"has {len(row)} values, expected {width}",
                          "make every row the same length" if cols is None else f"give {width} values per row")
        if width == 0:
            self.fail(field, "has empty rows", "give at least one column")
        return np.array([[self.number(v, f"{field}[{i}][{j}]") for j, v in enumerate(r)] for i, r in enumerate(value)])


def _tokens_of(sentence: Any, field: str, check: _Checker) -> tuple:
    if isinstance(sentence, str):
        tokens = sentence.split()
    elif isinstance(sentence, (list, tuple)) and all(isinstance(t, (str, int, float)) for t in sentence):
        tokens = [str(t) for t in sentence]
    else:
        check.fail(field, "is not a sentence", "write the sentence as text or as a list of tokens")
    if not tokens:
        check.fail(field, "is empty", "give at least one token")
    return tuple(tokens)


KNOWN_FIELDS = {"name", "dims", "embeddings", "sentences", "focus", "seed", "d_k", "d_v", "w_q", "w_k", "w_v",
                "heads", "w_o"}


def _build(data: Any, source: str, lines: dict, *, sentences: Optional[Sequence[str]], focus: Optional[str],
           heads: Optional[int], seed: Optional[int], is_csv: bool) -> Example:
    """Validate parsed data field by field and assemble the Example (weights resolved)."""
    check = _Checker(source, lines)
    if not isinstance(data, dict):
        check.fail("top level", "is not a mapping", "write keys dims:, embeddings:, sentences:")
    for key in data:
        if key not in KNOWN_FIELDS:
            check.fail(str(key), "unknown field", f"use only: {', '.join(sorted(KNOWN_FIELDS))}")

    dims = _dims(data, check)
    embeddings = _embeddings(data, dims, check)
    token_sentences = _sentences(data, sentences, embeddings, check, is_csv)
    chosen_focus = _focus(data, focus, token_sentences, check)

    file_seed = data.get("seed", 0)
    if isinstance(file_seed, bool) or not isinstance(file_seed, int) or file_seed < 0:
        check.fail("seed", f"{file_seed!r} is not a whole number >= 0", "write e.g. seed: 0")
    use_seed = seed is not None  # an explicit --seed means: generate every weight from it
    seed_value = seed if use_seed else file_seed

    projection, single_from_seed = _single_head(data, len(dims), seed_value, use_seed, check)
    head_weights, heads_from_seed = _heads(data, dims, heads, seed_value, use_seed, check)
    w_o = _output_projection(data, head_weights, len(dims), seed_value, use_seed, check)

    name = data.get("name") or (Path(source).stem if source != BUILTIN_NAME else "built-in")
    return Example(
        name=str(name), source=source, dims=tuple(dims), embeddings=MappingProxyType(embeddings),
        sentences=tuple(token_sentences), focus=chosen_focus, seed=int(seed_value), projection=projection,
        heads=tuple(head_weights), w_o=w_o, weights_from_seed=single_from_seed or heads_from_seed,
    )


def _dims(data: dict, check: _Checker) -> list:
    dims = data.get("dims")
    if not isinstance(dims, list) or not dims or not all(isinstance(x, str) and x.strip() for x in dims):
        check.fail("dims", "must be a non-empty list of names", "write e.g. dims: [animal, tech, grammar, mood]")
    dims = [x.strip() for x in dims]
    for x in dims:
        if dims.count(x) > 1:
            check.fail("dims", f"'{x}' appears twice", "give every dimension its own name")
    return dims


def _embeddings(data: dict, dims: list, check: _Checker) -> dict:
    raw = data.get("embeddings")
    if not isinstance(raw, dict) or not raw:
        check.fail("embeddings", "must map each token to its vector", "write e.g. embeddings: {cat: [0.9, 0.1]}")
    embeddings = {}
    for token, vector in raw.items():
        token = str(token)
        embeddings[token] = check.vector(vector, f"embeddings.{token}", len(dims), f"one per dim: {', '.join(dims)}")
        embeddings[token].setflags(write=False)
    return embeddings


def _sentences(data: dict, given: Optional[Sequence[str]], embeddings: dict, check: _Checker, is_csv: bool) -> list:
    """The sentences as token tuples: from --sentence if given, else from the file."""
    if given:
        raw, field_name = list(given), "--sentence"
    else:
        raw, field_name = data.get("sentences"), "sentences"
        if raw is None:
            fix = "pass --sentence \"cat and mouse\" (repeatable)" if is_csv else "add sentences: [\"cat and mouse\"] or pass --sentence"
            check.fail("sentences", "none given", fix)
        if not isinstance(raw, list) or not raw:
            check.fail("sentences", "must be a non-empty list", "write sentences: [\"cat and mouse are friends\"]")
    result = []
    for i, sentence in enumerate(raw):
        field = f"{field_name}[{i}]"
        tokens = _tokens_of(sentence, field, check)
        for t in tokens:
            if t not in embeddings:
                known_tokens = ", ".join(list(embeddings)[:12])
                check.fail(field, f"unknown token '{t}'", f"add a row for '{t}' to the embeddings or use a known token ({known_tokens})")
        result.append(tokens)
    return result


def _focus(data: dict, given: Optional[str], sentences: list, check: _Checker) -> str:
    """The word to follow: --focus, the file's focus, or the first word all sentences share."""
    chosen = given if given is not None else data.get("focus")
    if chosen is None:
        common = [t for t in sentences[0] if all(t in s for s in sentences)]
        chosen = common[0] if common else sentences[0][0]
    chosen = str(chosen)
    if not any(chosen in s for s in sentences):
        check.fail("--focus" if given is not None else "focus", f"'{chosen}' is in no sentence",
                   "pick a token that appears in a sentence")
    return chosen


def _head_matrices(entry: dict, field: str, d: int, check: _Checker) -> HeadWeights:
    """w_q, w_k (d × d_k, the same d_k) and w_v (d × d_v) of one head, from the file."""
    prefix = f"{field}." if field else ""
    w_q = check.matrix(entry["w_q"], f"{prefix}w_q", d)
    w_k = check.matrix(entry["w_k"], f"{prefix}w_k", d, w_q.shape[1])
    w_v = check.matrix(entry["w_v"], f"{prefix}w_v", d)
    return HeadWeights(w_q, w_k, w_v)


def _single_head(data: dict, d: int, seed: int, use_seed: bool, check: _Checker) -> tuple:
    """(HeadWeights, generated?) for the single learned head."""
    given = {k: data.get(k) for k in ("w_q", "w_k", "w_v")}
    if use_seed or all(v is None for v in given.values()):
        widths = {}
        for field in ("d_k", "d_v"):
            value = data.get(field, d)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                check.fail(field, f"{value!r} is not a positive whole number", f"write e.g. {field}: 2")
            widths[field] = value
        return seeded_head(seed, _KIND_SINGLE, 0, d, widths["d_k"], widths["d_v"]), True
    for k, v in given.items():
        if v is None:
            check.fail(k, "missing while other single-head weights are given", "give all of w_q, w_k, w_v or none")
    return _head_matrices(given, "", d, check), False


def _heads(data: dict, dims: list, heads: Optional[int], seed: int, use_seed: bool, check: _Checker) -> tuple:
    """([HeadWeights], generated?): the file's heads, or `heads` generated ones splitting d evenly."""
    d = len(dims)
    file_heads = data.get("heads")
    if heads is not None and (isinstance(heads, bool) or not isinstance(heads, int) or heads < 1):
        check.fail("--heads", f"{heads!r} is not a positive whole number", "use --heads 2")
    if file_heads is not None and not use_seed:
        if not isinstance(file_heads, list) or not file_heads:
            check.fail("heads", "must be a list of {w_q, w_k, w_v}", "write heads: [{w_q: …, w_k: …, w_v: …}]")
        if heads is not None and heads != len(file_heads):
            check.fail("--heads", f"{heads} heads asked for, but the file defines {len(file_heads)} (its heads: field)",
                       f"pass --heads {len(file_heads)}, or --seed N to generate {heads} heads")
        result = []
        for h, entry in enumerate(file_heads):
            if not isinstance(entry, dict) or set(entry) != {"w_q", "w_k", "w_v"}:
                check.fail(f"heads[{h}]", "must have exactly w_q, w_k and w_v", "give the three matrices of this head")
            result.append(_head_matrices(entry, f"heads[{h}]", d, check))
        return result, False
    # default: two heads when they split d evenly, else one (so an odd-width table just works)
    count = heads if heads is not None else (DEFAULT_HEADS if d % DEFAULT_HEADS == 0 else 1)
    if count > d or d % count:
        divisors = " or ".join(str(k) for k in range(1, d + 1) if d % k == 0)
        check.fail("--heads" if heads is not None else "heads",
                   f"{count} heads do not divide the {d} dims ({', '.join(dims)}) into equal subspaces",
                   f"use --heads {divisors}")
    return [seeded_head(seed, _KIND_HEAD, h, d, d // count, d // count) for h in range(count)], True


def _output_projection(data: dict, heads: list, d: int, seed: int, use_seed: bool, check: _Checker):
    """W_O: from the file; none (output = concatenation) when the file gives heads without it;
    generated when the heads were generated."""
    concat_width = sum(h.w_v.shape[1] for h in heads)
    if not use_seed and data.get("w_o") is not None:
        return check.matrix(data["w_o"], "w_o", concat_width)
    if not use_seed and data.get("heads") is not None:
        return None
    return seeded_matrix(seed, (_KIND_OUTPUT, 0, 0), concat_width, d)


def load_example(path: Optional[str | Path] = None, *, sentences: Optional[Sequence[str]] = None,
                 focus: Optional[str] = None, heads: Optional[int] = None, seed: Optional[int] = None) -> Example:
    """Load and validate an example; path=None gives the built-in one.

    sentences (overrides the file's), focus, heads and seed (an explicit seed regenerates every
    learned weight from it) mirror render.py's options. Raises ExampleError on bad input.
    """
    if path is None:
        source = BUILTIN_NAME
        text = resources.files("attention_math").joinpath("examples/mouse.yaml").read_text(encoding="utf-8")
        kind = "yaml"
    else:
        path = Path(path)
        source = str(path)
        kind = FORMATS.get(path.suffix.lower())
        if kind is None:
            raise ExampleError(source, "file", f"unknown format '{path.suffix or '(no extension)'}'",
                               "use a .yaml, .yml, .json or .csv file")
        text = _read_text(path, source)
    parse = {"yaml": _parse_yaml, "json": _parse_json, "csv": _parse_csv}[kind]
    data, lines = parse(text, source)
    return _build(data, source, lines, sentences=sentences, focus=focus, heads=heads, seed=seed, is_csv=kind == "csv")
