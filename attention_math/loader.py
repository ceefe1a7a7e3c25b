"""Reading an example (attention_math.example.Example) from YAML, JSON or a CSV embedding table.

Nothing in an input file is ever executed: YAML is read with yaml.SafeLoader, JSON with the
standard library, CSV as text. Every problem raises ExampleError naming file, field and fix.

Weights missing from the file are generated from `seed` (see `seeded_matrix`), so the same
seed gives the same numbers on every machine and numpy version.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import json
import math
import os
import re
import stat
import sys
import unicodedata
from datetime import date
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, Optional, Sequence

import numpy as np

from .core import HeadWeights
from .example import Example
from .errors import ExampleError
from .safe_text import code_point, cut, escaped, first_unsafe, shown

BUILTIN_NAME = "built-in example (attention_math/examples/mouse.yaml)"
DEFAULT_HEADS = 2
FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv", ".xlsx": "xlsx"}

# What any command reads and computes in a few seconds (the scenes draw less: pipeline/limits.py).
# The largest example `numbers` accepts prints about 400,000 numbers.
MAX_FILE_BYTES = 1_000_000  # 1 MB: an example is a few kB; a 1000-token table of 64 dims fits
MAX_MAGNITUDE = 1e6         # |value| of an embedding or weight: scores stay far from overflow
MAX_WIDTH = 64              # dims, d_k, d_v and the columns of a weight matrix
MAX_TABLE_TOKENS = 1000     # rows of the embedding table
MAX_SENTENCES = 8
MAX_SENTENCE_TOKENS = 32
MAX_HEADS = 8
MAX_LABEL_CHARS = 100       # a token, dim name or example name
MAX_SEED = 2**64 - 1
MAX_NESTING = 32            # YAML levels; example files use about five
MAX_ALIAS_VALUES = 10_000   # values YAML aliases may add by repeating anchored ones

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


_FILE_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def read_input(path: Path, source: str) -> bytes:
    """The bytes of an input file, read safely: a regular file only (a FIFO would block forever,
    /dev/zero never ends), at most MAX_FILE_BYTES. Opened without blocking, then checked by the
    open descriptor, so the file cannot be swapped for a FIFO between check and read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ExampleError(source, "file", "no such file", "check the path given to --embeddings") from None
    except OSError as exc:
        raise ExampleError(source, "file", f"cannot be read ({exc.strerror})", "check its permissions") from None
    status = os.fstat(fd)
    if not stat.S_ISREG(status.st_mode):
        os.close(fd)
        kind = next((name for test, name in _FILE_KINDS if test(status.st_mode)), "not a regular file")
        raise ExampleError(source, "file", f"is {kind}, not a file", "give a .yaml, .json or .csv file")
    with os.fdopen(fd, "rb") as handle:
        # st_size first (a 50 MB file is refused unread), then the read itself (a file may grow)
        data = b"" if status.st_size > MAX_FILE_BYTES else handle.read(MAX_FILE_BYTES + 1)
    if status.st_size > MAX_FILE_BYTES or len(data) > MAX_FILE_BYTES:
        raise ExampleError(source, "file", f"is larger than {MAX_FILE_BYTES // 1_000_000} MB, the most an example may be",
                           "keep only the tokens and dims you need (a 1000-token table of 64 dims fits)")
    return data


def _read_text(path: Path, source: str) -> str:
    data = read_input(path, source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ExampleError(source, "file", "is UTF-16 text", "save the file as UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExampleError(source, "file", f"not UTF-8 text ({exc.reason} at byte {exc.start})", "save the file as UTF-8",
                           data.count(b"\n", 0, exc.start) + 1) from None


@functools.lru_cache(maxsize=None)
def _bounded_loader():
    """yaml.SafeLoader's construction with a composer that refuses documents which nest or
    expand (aliases, "billion laughs") past small budgets, so a few hundred bytes cannot take
    gigabytes or exhaust the stack. libyaml's parser when PyYAML has it (five times faster on a
    large table), composed in Python so the budgets apply."""
    import yaml
    from yaml.composer import ComposerError

    try:
        from yaml._yaml import CParser as Parser
    except ImportError:  # PyYAML built without libyaml: the pure-Python stack, as yaml.SafeLoader has it
        from yaml.parser import Parser as PythonParser
        from yaml.reader import Reader
        from yaml.scanner import Scanner

        class Parser(Reader, Scanner, PythonParser):
            def __init__(self, stream):
                Reader.__init__(self, stream)
                Scanner.__init__(self)
                PythonParser.__init__(self)

    class OverBudget(ComposerError):
        field = "YAML aliases and nesting"
        fix = "write the values out, or use fewer aliases and levels"

    class BoundedSafeLoader(yaml.composer.Composer, Parser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        def __init__(self, stream):
            Parser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self.open_anchors: list = []  # anchors of the collections being composed
            self.depth = 0
            self.alias_values = 0
            self.expanded: dict = {}  # id(node) -> (values, depth) of a finished node, aliases expanded

        def refuse(self, problem, event):
            raise OverBudget(None, None, problem, event.start_mark)

        def compose_node(self, parent, index):
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent) and event.anchor in self.anchors:
                if event.anchor in self.open_anchors:
                    self.refuse(f"alias *{event.anchor} refers to a value that contains it", event)
                values, depth = self.expansion(self.anchors[event.anchor])
                self.alias_values += values
                if self.alias_values > MAX_ALIAS_VALUES or self.depth + depth > MAX_NESTING:
                    self.refuse(f"aliases expand to more than {MAX_ALIAS_VALUES} values or {MAX_NESTING} levels", event)
                return super().compose_node(parent, index)
            self.depth += 1
            if self.depth > MAX_NESTING:
                self.refuse(f"nested deeper than {MAX_NESTING} levels", event)
            self.open_anchors.append(getattr(event, "anchor", None))
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1
                self.open_anchors.pop()

        def expansion(self, node) -> tuple:
            """(values, levels) of a finished node with every alias in it expanded (memoised:
            linear work, however large the expansion)."""
            key = id(node)
            if key not in self.expanded:
                children = node.value if isinstance(node.value, list) else []
                parts = [self.expansion(c) for child in children for c in (child if isinstance(child, tuple) else (child,))]
                self.expanded[key] = (1 + sum(v for v, _ in parts), 1 + max((d for _, d in parts), default=0))
            return self.expanded[key]

    return BoundedSafeLoader


def _parse_yaml(text: str, source: str) -> tuple:
    import yaml  # only needed for YAML files

    loader = _bounded_loader()(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        problem = (getattr(exc, "problem", "") or "").strip()
        if "unhashable" in problem:
            raise ExampleError(source, "YAML key", "a list or mapping is used as a key",
                               "use a plain name as each key (write token: [values], not [token]: …)", line) from None
        raise ExampleError(source, "YAML tag", f"unsafe or unknown tag ({shown(problem)})",
                           "use plain lists, numbers and strings; tags such as !!python/... are never executed", line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ExampleError(source, getattr(exc, "field", "YAML syntax"), problem,
                           getattr(exc, "fix", "correct the YAML at that line"), line) from None
    except ValueError as exc:  # a value of the right form but impossible: a 13th month, a 5000-digit integer
        raise ExampleError(source, "YAML value", _impossible_value(exc), "correct that value") from None
    finally:
        loader.dispose()
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
        result = dict(pairs)
        if len(result) < len(pairs):
            seen = set()
            twice = next(k for k, _ in pairs if k in seen or seen.add(k))
            raise ExampleError(source, str(twice), "key appears twice", "keep one")
        return result

    try:
        return json.loads(text, object_pairs_hook=no_duplicates), {}
    except json.JSONDecodeError as exc:
        raise ExampleError(source, "JSON syntax", f"{exc.msg} (column {exc.colno})",
                           "correct the JSON at that line", exc.lineno) from None
    except RecursionError:
        raise ExampleError(source, "JSON syntax", "nested too deeply", f"use at most {MAX_NESTING} levels of brackets") from None
    except ExampleError:
        raise
    except ValueError as exc:  # a number of more than 4300 digits
        raise ExampleError(source, "JSON value", _impossible_value(exc), "correct that value") from None


def _impossible_value(exc: ValueError) -> str:
    if "integer string conversion" in str(exc):  # Python's guard against quadratic-time parsing
        return f"a number of more than {sys.get_int_max_str_digits()} digits"
    return shown(str(exc), 120)


def _parse_csv(text: str, source: str) -> tuple:
    """A spreadsheet export: header `token,<dim>,<dim>,…`, then one row per token. With ';'
    between cells (what a spreadsheet in a European locale exports) numbers may have a decimal
    comma: `cat;1,8;0;0,2`."""
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
    numbers = _CsvNumbers(source, delimiter)
    for line, row in numbered[1:]:
        numbers.check_split(row, len(header), line)
        token = row[0].strip()
        field = f"embeddings.{token or '?'}"
        if not token:
            raise ExampleError(source, field, "row has no token in its first cell", "put the token first", line)
        if token in embeddings:
            raise ExampleError(source, field, "token appears twice", "keep one row per token", line)
        embeddings[token] = [numbers.read(cell.strip(), f"{field}.{dims[j] if j < len(dims) else f'column {j + 2}'}", line)
                             for j, cell in enumerate(row[1:])]
        lines[field] = line
    return {"dims": dims, "embeddings": embeddings}, lines


class _CsvNumbers:
    """The numbers of one CSV file. With ';' between cells a decimal comma is accepted, but the
    file must keep to one decimal mark: where '1,8' and '1.300' both appear, the '.' may group
    thousands, and no reading of the file is safe. Errors say how the file was understood."""

    MARKS = {",": "comma", ".": "point"}

    def __init__(self, source: str, delimiter: str):
        self.source, self.delimiter = source, delimiter
        self.first_mark: Optional[tuple] = None  # (mark, cell, line) of the first number with one

    def check_split(self, row: list, width: int, line: int) -> None:
        """A row split differently from the header: say which separator the header set."""
        other = "," if self.delimiter == ";" else ";"
        if len(row) < width and any(other in cell for cell in row):
            raise ExampleError(self.source, "embeddings", f"this row uses '{other}' between cells, the header '{self.delimiter}'",
                               f"use one separator in the whole file (understood: '{self.delimiter}', from the header)", line)
        if self.delimiter == "," and len(row) > width and any(cell.strip() for cell in row[width:]):
            raise ExampleError(self.source, "embeddings", f"this row has {len(row)} cells, the header {width}; "
                               "understood: ',' between cells, so a decimal comma (1,8) splits a number in two",
                               "separate cells with ';' (as a European spreadsheet exports) or write decimal points", line)

    def read(self, cell: str, field: str, line: int) -> float:
        mark = "," if "," in cell else "." if "." in cell else None
        text = cell.replace(",", ".") if mark == "," and self.delimiter == ";" else cell
        try:
            value = float(text)
        except ValueError:
            raise ExampleError(self.source, field, f"'{shown(cell)}' is not a number",
                               "write a plain decimal number such as 0.5" + (" (or 0,5 with ';' between cells)" if mark == "," else ""),
                               line) from None
        if mark is not None:
            self.first_mark = self.first_mark or (mark, cell, line)
            first, first_cell, first_line = self.first_mark
            if mark != first:
                raise ExampleError(self.source, field, f"'{shown(cell)}' has a decimal {self.MARKS[mark]}, '{shown(first_cell)}' "
                                   f"(line {first_line}) a decimal {self.MARKS[first]}; understood: ';' between cells, "
                                   "so '.' may group thousands", "use one decimal mark in the whole file", line)
        return value


def _parse_workbook(data: bytes, source: str) -> tuple:
    from .workbook_reader import read_workbook  # openpyxl only when a workbook is read

    return read_workbook(data, source)


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

    def __init__(self, source: str, lines: dict, is_csv: bool = False):
        self.source, self.lines, self.is_csv = source, lines, is_csv
        self.is_yaml = source == BUILTIN_NAME or Path(source).suffix.lower() in (".yaml", ".yml")

    def fail(self, field: str, problem: str, fix: str) -> None:
        # the most specific field whose line is known: embeddings.cat[2] -> embeddings.cat -> embeddings
        candidates = [field, re.sub(r"(\[\d+\])+$", "", field), field.split(".")[0].split("[")[0]]
        line = next((self.lines[c] for c in candidates if c in self.lines), None)
        raise ExampleError(self.source, field, problem, fix, line)

    def number(self, value: Any, field: str) -> float:
        if isinstance(value, str) and _is_number(value):
            exponent = _YAML_1_1_EXPONENT.fullmatch(value.strip()) if self.is_yaml else None
            if exponent:  # YAML 1.1 reads 1e-3 as text: it wants a dot and a signed exponent
                mantissa, fraction, sign, power = exponent.groups()
                self.fail(field, f"YAML reads {shown(value)} as text, not a number",
                          f"write {mantissa}{fraction or '.0'}e{sign or '+'}{power} (YAML wants the dot and the sign)")
            self.fail(field, f"{shown(value)} is text (in quotes), not a number", "write the number without quotes")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(field, f"{shown(value)} is not a number", "write a plain number such as 0.5")
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(field, f"{value} is not a finite number", "replace NaN/infinity with a real value")
        if abs(value) > MAX_MAGNITUDE:
            self.fail(field, f"{shown(value)} is beyond ±{MAX_MAGNITUDE:.0e}, the largest value allowed",
                      "scale the values down, e.g. divide them all by 1000")
        return float(value)

    def label(self, text: str, field: str, what: str) -> str:
        """A token, dim or name: non-empty text on one line, no control characters, not too long."""
        bad = first_unsafe(text)
        if bad is not None:
            self.fail(field, f"{what} '{shown(text)}' contains {_unsafe_kind(bad)} ({code_point(bad)})",
                      f"remove it: a {what} is plain text on one line")
        if not text.strip():
            self.fail(field, f"{what} is empty", f"give the {what} a name")
        if len(text) > MAX_LABEL_CHARS:
            self.fail(field, f"{what} '{shown(text, 30)}' has {len(text)} characters, more than {MAX_LABEL_CHARS}",
                      f"use a shorter {what}")
        return text

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
        if width > MAX_WIDTH:
            self.fail(field, f"has {width} columns, more than {MAX_WIDTH}", f"keep d_k and d_v at {MAX_WIDTH} or less")
        for i, row in enumerate(value):
            if len(row) != width:
                self.fail(f"{field}[{i}]", f"has {len(row)} values, expected {width}",
                          "make every row the same length" if cols is None else f"give {width} values per row")
        if width == 0:
            self.fail(field, "has empty rows", "give at least one column")
        return np.array([[self.number(v, f"{field}[{i}][{j}]") for j, v in enumerate(r)] for i, r in enumerate(value)])


_YAML_1_1_EXPONENT = re.compile(r"([-+]?[0-9][0-9_]*)(\.[0-9_]*)?[eE]([-+]?)([0-9]+)")
# YAML 1.1 reads these unquoted words as booleans or null: a token `no` would become False
_YAML_WORDS_FIX = "quote words YAML reads as true/false/null (yes, no, on, off, null), e.g. 'no'"


def _unsafe_kind(char: str) -> str:
    if char in "\n\r\x85\u2028\u2029":
        return "a line break"
    if "\ud800" <= char <= "\udfff":
        return "an invalid surrogate"
    return "a control character" if unicodedata.category(char) == "Cc" else "a bidirectional control"


def _is_plain_word(value: Any) -> bool:
    """Text, or a number or date YAML read from an unquoted word: str() gives its text back."""
    return isinstance(value, (str, int, float, date)) and not isinstance(value, bool)


def _tokens_of(sentence: Any, field: str, check: _Checker) -> tuple:
    if isinstance(sentence, str):
        tokens = sentence.split()
    elif isinstance(sentence, (list, tuple)) and all(_is_plain_word(t) for t in sentence):
        tokens = [str(t) for t in sentence]
    else:
        words = sentence if isinstance(sentence, (list, tuple)) else [sentence]
        yaml_words = any(isinstance(t, bool) or t is None for t in words)
        check.fail(field, "is not a sentence", _YAML_WORDS_FIX if yaml_words else "write the sentence as text or as a list of tokens")
    if not tokens:
        check.fail(field, "is empty", "give at least one token")
    if len(tokens) > MAX_SENTENCE_TOKENS:
        check.fail(field, f"has {len(tokens)} tokens, more than {MAX_SENTENCE_TOKENS}", "split it into shorter sentences")
    return tuple(tokens)


KNOWN_FIELDS = {"name", "dims", "embeddings", "sentences", "focus", "seed", "d_k", "d_v", "w_q", "w_k", "w_v",
                "heads", "w_o", "plane"}


def _build(data: Any, source: str, lines: dict, *, sentences: Optional[Sequence[str]], focus: Optional[str],
           heads: Optional[int], seed: Optional[int], is_csv: bool) -> Example:
    """Validate parsed data field by field and assemble the Example (weights resolved)."""
    check = _Checker(source, lines, is_csv)
    if not isinstance(data, dict):
        check.fail("top level", "is not a mapping", "write keys dims:, embeddings:, sentences:")
    for key in data:
        if key not in KNOWN_FIELDS:
            check.fail(str(key), "unknown field", f"use only: {', '.join(sorted(KNOWN_FIELDS))}")

    dims = _dims(data, check)
    embeddings = _embeddings(data, dims, check)
    token_sentences = _sentences(data, sentences, embeddings, check, is_csv)
    chosen_focus = _focus(data, focus, token_sentences, check)

    file_seed = _seed(data.get("seed", 0), "seed", "write e.g. seed: 0", check)
    if seed is not None:
        _seed(seed, "--seed", "use e.g. --seed 7", check)
    use_seed = seed is not None  # an explicit --seed means: generate every weight from it
    seed_value = seed if use_seed else file_seed

    projection, single_from_seed = _single_head(data, len(dims), seed_value, use_seed, check)
    head_weights, heads_from_seed = _heads(data, dims, heads, seed_value, use_seed, check)
    w_o = _output_projection(data, head_weights, len(dims), seed_value, use_seed, check)

    return Example(
        name=_name(data, source, check), source=source, dims=tuple(dims), embeddings=MappingProxyType(embeddings),
        sentences=tuple(token_sentences), focus=chosen_focus, seed=int(seed_value), projection=projection,
        heads=tuple(head_weights), w_o=w_o, weights_from_seed=single_from_seed or heads_from_seed,
        plane=_plane(data, dims, check),
    )


def _plane(data: dict, dims: list, check: _Checker) -> Optional[tuple]:
    """The two dims the vector pictures draw (`plane: [animal, tech]`), or None to let
    attention_math.geometry choose."""
    plane = data.get("plane")
    if plane is None:
        return None
    example_dims = ", ".join(shown(d, 20) for d in dims[:2])
    if not isinstance(plane, list) or len(plane) != 2 or not all(isinstance(name, str) for name in plane):
        check.fail("plane", f"{shown(plane)} is not a list of two dim names", f"write e.g. plane: [{example_dims}]")
    plane = [name.strip() for name in plane]
    for name in plane:
        if name not in dims:
            check.fail("plane", f"'{shown(name)}' is not one of the dims", f"use two of: {', '.join(shown(d, 20) for d in dims[:12])}")
    if plane[0] == plane[1]:
        check.fail("plane", f"names '{shown(plane[0])}' twice", "name two different dims")
    return tuple(plane)


def _seed(value: Any, field: str, fix: str, check: _Checker) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SEED:
        check.fail(field, f"{shown(value)} is not a whole number from 0 to 2**64 - 1", fix)
    return value


def _name(data: dict, source: str, check: _Checker) -> str:
    """The file's name: field, else the file name (escaped: it reaches the terminal too)."""
    name = data.get("name")
    if name is None or name == "":
        return cut(escaped(Path(source).stem), MAX_LABEL_CHARS) if source != BUILTIN_NAME else "built-in"
    if not _is_plain_word(name):
        check.fail("name", f"{shown(name)} is not text", "write e.g. name: cat and mouse")
    return check.label(str(name), "name", "name")


def _dims(data: dict, check: _Checker) -> list:
    dims = data.get("dims")
    if not isinstance(dims, list) or not dims or not all(isinstance(x, str) and x.strip() for x in dims):
        if check.is_csv:
            fix = "give every column of the header row a name (token,animal,tech,…)"
        elif isinstance(dims, list) and any(isinstance(x, bool) or x is None for x in dims):
            fix = _YAML_WORDS_FIX
        else:
            fix = "write e.g. dims: [animal, tech, grammar, mood]"
        check.fail("dims", "must be a non-empty list of names", fix)
    if len(dims) > MAX_WIDTH:
        check.fail("dims", f"{len(dims)} dimensions, more than {MAX_WIDTH}", f"keep at most {MAX_WIDTH} dims")
    dims = [check.label(x.strip(), "dims", "dim") for x in dims]
    seen = set()
    for x in dims:
        if x in seen:
            check.fail("dims", f"'{shown(x)}' appears twice", "give every dimension its own name")
        seen.add(x)
    return dims


def _embeddings(data: dict, dims: list, check: _Checker) -> dict:
    raw = data.get("embeddings")
    if not isinstance(raw, dict) or not raw:
        check.fail("embeddings", "must map each token to its vector",
                   "add one row per token under the header" if check.is_csv else "write e.g. embeddings: {cat: [0.9, 0.1]}")
    if len(raw) > MAX_TABLE_TOKENS:
        check.fail("embeddings", f"{len(raw)} tokens, more than {MAX_TABLE_TOKENS}", "keep the tokens your sentences use")
    embeddings = {}
    for token, vector in raw.items():
        if not _is_plain_word(token):
            check.fail(f"embeddings.{token}", f"token {shown(token)} is not a word", _YAML_WORDS_FIX)
        token = check.label(str(token), f"embeddings.{token}", "token")
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
    if len(raw) > MAX_SENTENCES:
        check.fail(field_name, f"{len(raw)} sentences, more than {MAX_SENTENCES}", f"keep at most {MAX_SENTENCES}")
    result = []
    for i, sentence in enumerate(raw):
        field = f"{field_name}[{i}]"
        tokens = _tokens_of(sentence, field, check)
        for t in tokens:
            check.label(t, field, "token")
            if t not in embeddings:
                known_tokens = ", ".join(shown(k, 20) for k in list(embeddings)[:12])
                check.fail(field, f"unknown token '{shown(t)}'",
                           f"add a row for '{shown(t, 20)}' to the embeddings or use a known token ({known_tokens})")
        result.append(tokens)
    return result


def _focus(data: dict, given: Optional[str], sentences: list, check: _Checker) -> str:
    """The word to follow: --focus, the file's focus, or the first word all sentences share."""
    chosen = given if given is not None else data.get("focus")
    field = "--focus" if given is not None else "focus"
    if chosen is None:
        common = [t for t in sentences[0] if all(t in s for s in sentences)]
        chosen = common[0] if common else sentences[0][0]
    if not _is_plain_word(chosen):
        check.fail(field, f"{shown(chosen)} is not a word", _YAML_WORDS_FIX if isinstance(chosen, bool) else "write e.g. focus: mouse")
    chosen = check.label(str(chosen), field, "focus word")
    if not any(chosen in s for s in sentences):
        check.fail(field, f"'{shown(chosen)}' is in no sentence", "pick a token that appears in a sentence")
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
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_WIDTH:
                check.fail(field, f"{shown(value)} is not a whole number from 1 to {MAX_WIDTH}", f"write e.g. {field}: 2")
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
        if isinstance(file_heads, int) and not isinstance(file_heads, bool):
            check.fail("heads", f"is a number ({shown(file_heads)}); in a file it lists each head's weights",
                       f"pass --heads {shown(file_heads, 12)} on the command line, or write heads: [{{w_q: …, w_k: …, w_v: …}}]")
        if not isinstance(file_heads, list) or not file_heads:
            check.fail("heads", "must be a list of {w_q, w_k, w_v}", "write heads: [{w_q: …, w_k: …, w_v: …}]")
        if len(file_heads) > MAX_HEADS:
            check.fail("heads", f"{len(file_heads)} heads, more than {MAX_HEADS}", f"keep at most {MAX_HEADS} heads")
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
    if count > MAX_HEADS:
        check.fail("--heads", f"{count} heads, more than {MAX_HEADS}", f"use --heads {MAX_HEADS} or fewer")
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
                               "use a .yaml, .yml, .json, .csv or .xlsx file")
        text = read_input(path, source) if kind == "xlsx" else _read_text(path, source)  # a workbook is a zip: bytes
    parse = {"yaml": _parse_yaml, "json": _parse_json, "csv": _parse_csv, "xlsx": _parse_workbook}[kind]
    data, lines = parse(text, source)
    return _build(data, source, lines, sentences=sentences, focus=focus, heads=heads, seed=seed,
                  is_csv=kind in ("csv", "xlsx"))


DATA_SOURCE = "Python data"  # how errors name an example given as data rather than a file


def example_from_data(data: Mapping, source: str = DATA_SOURCE, *, sentences: Optional[Sequence[str]] = None,
                      focus: Optional[str] = None, heads: Optional[int] = None, seed: Optional[int] = None) -> Example:
    """Validate an example given as plain data (the mapping a YAML file holds: dims, embeddings,
    sentences, optional focus, seed and weights as nested lists) by the same rules as a file.
    `source` names it in errors. Used by the Python API (pipeline.api)."""
    return _build(data, source, {}, sentences=sentences, focus=focus, heads=heads, seed=seed, is_csv=False)
