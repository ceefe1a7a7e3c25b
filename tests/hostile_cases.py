"""A corpus of hostile and damaged example files, generated (nothing binary kept in the repo).

Each Case is a file name, its content (text, bytes, or a function that makes a special file
such as a FIFO), extra command-line arguments, the exit status `numbers` must end with (0, 2,
or None where another part of the reader decides: CSV dialects), and words its one error line
must contain. tests/test_hostile_input.py runs them all through `render.py numbers` and a
part through `scene` and `slides`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Union

from tests.test_numbers_cli import GOOD_YAML

ESC, CSI_C1, OSC52 = "\x1b", "\x9b", "\x1b]52;c;ZXZpbA==\x07"  # OSC 52: write to the clipboard

GOOD = GOOD_YAML.lstrip()  # a valid example; each case breaks one thing


@dataclass(frozen=True)
class Case:
    name: str
    content: Union[str, bytes, Callable[[Path], None]]
    args: tuple = ()
    expect: object = 2      # exit status; None: 0 or 2
    words: tuple = ()       # the error line contains each

    def make(self, folder: Path) -> Path:
        path = folder / self.name
        if callable(self.content):
            self.content(path)
        elif isinstance(self.content, bytes):
            path.write_bytes(self.content)
        else:
            path.write_text(self.content, encoding="utf-8", newline="")
        return path


def good_with(ascii_only=True, **fields) -> str:
    """GOOD as JSON-in-YAML with some fields replaced (JSON is valid YAML and escapes anything;
    YAML cannot read a JSON surrogate pair, so characters outside the BMP go in raw)."""
    data = {"dims": ["a", "b"], "embeddings": {"x": [1.0, 0.0], "y": [0.0, 1.0]}, "sentences": ["x y", "y x"],
            "focus": "x"}
    data.update(fields)
    return json.dumps(data, ensure_ascii=ascii_only)


def with_token(token: str) -> str:
    """A file whose second token is `token`, used in the sentence too."""
    return good_with(embeddings={"x": [1.0, 0.0], token: [0.0, 1.0]}, sentences=[["x", token]])


def laughs(anchor_field: str) -> str:
    """ "Billion laughs": nine levels of nine aliases each, 387 million values from 1 kB."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        lines.append(f"l{level}: &l{level} [" + ",".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(lines) + f"\n{anchor_field}: *l8\n"


def nested(depth: int, open_: str, close: str, inner: str = "1") -> str:
    return open_ * depth + inner + close * depth


def fifo(path: Path) -> None:
    os.mkfifo(path)


def symlink_to(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def directory(path: Path) -> None:
    path.mkdir()


def sparse(size: int) -> Callable[[Path], None]:
    """A file of `size` bytes that takes no disk space."""
    def make(path: Path) -> None:
        with open(path, "wb") as handle:
            handle.truncate(size)
    return make


SENTENCE = ("--sentence", "x y")

CASES = [
    # -- terminal escape injection: control characters in labels ---------------------------------
    Case("esc-token.yaml", with_token(f"x{ESC}[2J"), words=("control character", "U+001B", "\\x1b")),
    Case("esc-dim.yaml", good_with(dims=["a", f"{ESC}[31mred"]), words=("dims", "U+001B")),
    Case("osc52-name.yaml", good_with(name=f"clip{OSC52}"), words=("name", "U+001B")),
    Case("c1-csi-token.yaml", with_token(f"y{CSI_C1}2J"), words=("U+009B",)),
    Case("del-token.yaml", with_token("y\x7f"), words=("U+007F",)),
    Case("nul-token.yaml", with_token("y\x00z"), words=("U+0000",)),
    Case("newline-token.yaml", with_token("two\nlines"), words=("line break",)),
    Case("cr-token.yaml", with_token("y\rz"), words=("line break",)),
    Case("line-separator-token.yaml", with_token("y\u2028z"), words=("line break", "U+2028")),
    Case("bidi-override-token.yaml", with_token("abc\u202edcb"), words=("bidirectional", "U+202E")),
    Case("bidi-isolate-dim.yaml", good_with(dims=["a", "\u2066b"]), words=("U+2066",)),
    Case("esc-focus.yaml", good_with(focus=f"x{ESC}c"), words=("focus", "U+001B")),
    Case("tab-in-token-list.yaml", good_with(sentences=[["x", "y\tz"]]), words=("U+0009",)),
    Case("esc-token.json", with_token(f"x{ESC}[2J"), words=("U+001B",)),
    Case("surrogate-token.json", '{"dims": ["a"], "embeddings": {"\\ud800": [1]}, "sentences": ["x"]}',
         words=("surrogate", "U+D800")),
    Case("surrogate-sentence.json", '{"dims": ["a"], "embeddings": {"x": [1]}, "sentences": ["x \\udfff"]}',
         words=("U+DFFF",)),
    Case("nel-dim.json", json.dumps({"dims": ["a\u0085b"], "embeddings": {"x": [1]}, "sentences": ["x"]}),
         words=("line break",)),
    Case("esc-header.csv", f"token,a,b{ESC}[2J\nx,1,0\ny,0,1\n", SENTENCE, words=("U+001B",)),
    Case("esc-row.csv", f"token,a,b\nx{ESC}]0;pwned{ESC}\\,1,0\ny,0,1\n", ("--sentence", "y"), words=("U+001B",)),
    Case("bidi-row.csv", "token,a,b\nx\u202e,1,0\ny,0,1\n", ("--sentence", "y"), words=("U+202E",)),
    Case("esc-sentence-option.yaml", GOOD, ("--sentence", f"x {ESC}[2J"), words=("--sentence", "U+001B")),
    Case("esc-focus-option.yaml", GOOD, ("--focus", f"{ESC}[2J"), words=("--focus", "U+001B")),
    Case(f"name{ESC}[2J.yaml", GOOD, expect=0),  # the file name becomes the example's name, escaped
    # -- YAML alias bombs and recursion -------------------------------------------------------------
    Case("laughs-name.yaml", laughs("name"), words=("aliases expand", "10000")),
    Case("laughs-focus.yaml", laughs("focus"), words=("aliases expand",)),
    Case("laughs-seed.yaml", laughs("seed"), words=("aliases expand",)),
    Case("laughs-vector.yaml", laughs("embeddings"), words=("aliases expand",)),
    Case("recursive-alias.yaml", "dims: &a [*a]\n", words=("refers to a value that contains it",)),
    Case("merge-bomb.yaml", laughs("m") + "x: {<<: [*l8, *l8]}\n", words=("aliases expand",)),
    Case("alias-reused-weights.yaml", GOOD + "w_q: &w [[1, 0], [0, 1]]\nw_k: *w\nw_v: *w\n", expect=0),
    Case("merge-key.yaml", GOOD + "base: &b {w_q: [[1, 0], [0, 1]], w_k: [[1, 0], [0, 1]]}\n"
         "heads: [{<<: *b, w_v: [[1], [0]]}]\n", words=("base", "unknown field")),
    Case("merge-key-heads.yaml", GOOD + "heads:\n  - &h {w_q: [[1], [0]], w_k: [[1], [0]], w_v: [[1], [0]]}\n"
         "  - {<<: *h}\n", expect=0),
    # -- nesting and size ---------------------------------------------------------------------------
    Case("deep-list.yaml", "dims: " + nested(3000, "[", "]"), words=("nesting depth",)),  # libyaml's own limit
    Case("100-deep-list.yaml", "dims: " + nested(100, "[", "]"), words=("nested deeper than 32",)),
    Case("deep-map.yaml", "dims: " + nested(3000, "{a: ", "}"), words=("nested deeper",)),
    Case("deep-list.json", '{"dims": ' + nested(3000, "[", "]") + "}", words=("JSON", "nested too deeply")),
    Case("deep-map.json", nested(3000, '{"a": ', "}"), words=("nested too deeply",)),
    Case("deep-but-parsable.json", '{"dims": ' + nested(500, "[", "]") + "}", words=("dims",)),
    Case("huge-sparse.yaml", sparse(50_000_000), words=("larger than 1 MB",)),
    Case("just-over.csv", sparse(1_000_001), SENTENCE, words=("larger than 1 MB",)),
    Case("zero.yaml", symlink_to("/dev/zero"), words=("character device",)),
    Case("urandom.json", symlink_to("/dev/urandom"), words=("character device",)),
    Case("null.yaml", symlink_to("/dev/null"), words=("character device",)),
    Case("pipe.yaml", fifo, words=("FIFO",)),
    Case("folder.yaml", directory, words=("directory",)),
    Case("dangling.yaml", symlink_to("/nonexistent/example.yaml"), words=("no such file",)),
    Case("empty.yaml", "", words=("top level", "not a mapping")),
    Case("empty.json", "", words=("JSON syntax",)),
    Case("300-dims.yaml", good_with(dims=[f"d{i}" for i in range(300)]), words=("300 dimensions", "64")),
    Case("1001-tokens.csv", "token,a\n" + "".join(f"t{i},1\n" for i in range(1001)), ("--sentence", "t1"),
         words=("1001 tokens", "1000")),
    Case("long-token.yaml", with_token("t" * 101), words=("101 characters", "100")),
    Case("33-tokens.yaml", good_with(sentences=[" ".join(["x"] * 33)]), words=("33 tokens", "32")),
    Case("9-sentences.yaml", good_with(sentences=["x y"] * 9), words=("9 sentences",)),
    Case("9-heads.yaml", good_with(heads=[{"w_q": [[1], [0]], "w_k": [[1], [0]], "w_v": [[1], [0]]}] * 9),
         words=("9 heads",)),
    # -- numbers ------------------------------------------------------------------------------------
    Case("400-digits.yaml", GOOD.replace("[1.0, 0.0]", "[1" + "0" * 400 + ", 0]"), words=("400 digits", "1e+06")),
    Case("5000-digits.yaml", GOOD.replace("[1.0, 0.0]", "[1" + "0" * 5000 + ", 0]"), words=("YAML value", "more than 4300 digits")),
    Case("400-digits.json", '{"dims": ["a"], "embeddings": {"x": [1' + "0" * 400 + ']}, "sentences": ["x"]}',
         words=("1e+06",)),
    Case("5000-digits.json", '{"dims": ["a"], "embeddings": {"x": [1' + "0" * 5000 + ']}, "sentences": ["x"]}',
         words=("JSON value", "more than 4300 digits")),
    Case("1e155.yaml", GOOD.replace("[1.0, 0.0]", "[1.0e+155, 0]"), words=("beyond", "1e+06")),
    Case("minus-1e300.yaml", GOOD.replace("[1.0, 0.0]", "[-1.0e+300, 0]"), words=("beyond",)),
    Case("1e150-weights.yaml", GOOD + "w_q: [[1.0e+150, 0], [0, 1]]\nw_k: [[1, 0], [0, 1]]\nw_v: [[1, 0], [0, 1]]\n",
         words=("w_q[0][0]",)),
    Case("1e6-works.yaml", GOOD.replace("[1.0, 0.0]", "[1000000, -1000000]"), expect=0),
    Case("just-over-1e6.yaml", GOOD.replace("[1.0, 0.0]", "[1000001, 0]"), words=("beyond",)),
    Case("overflow-to-inf.yaml", GOOD.replace("[1.0, 0.0]", "[1.0e+400, 0]"), words=("finite",)),
    Case("infinity.json", '{"dims": ["a"], "embeddings": {"x": [Infinity]}, "sentences": ["x"]}', words=("finite",)),
    Case("overflow.csv", "token,a\nx,1e400\n", ("--sentence", "x"), words=("finite",)),
    Case("nan.csv", "token,a\nx,nan\n", ("--sentence", "x"), words=("finite",)),
    Case("yaml-exponent.yaml", GOOD.replace("[1.0, 0.0]", "[1e-3, 0]"), words=("YAML reads", "1.0e-3")),
    Case("quoted-number.json", '{"dims": ["a"], "embeddings": {"x": ["0.5"]}, "sentences": ["x"]}',
         words=("without quotes",)),
    Case("negative-seed.yaml", GOOD + "seed: -1\n", words=("seed", "whole number")),
    Case("huge-seed.yaml", GOOD + f"seed: {2 ** 70}\n", words=("seed",)),
    Case("seed-option.yaml", GOOD, ("--seed", "-1"), words=("--seed", "whole number")),
    Case("huge-d_k.yaml", GOOD + "d_k: 100000000\n", words=("d_k", "1 to 64")),
    Case("zero-d_v.yaml", GOOD + "d_v: 0\n", words=("d_v",)),
    Case("bool-d_k.yaml", GOOD + "d_k: true\n", words=("d_k",)),
    Case("heads-count.yaml", GOOD + "heads: 3\n", words=("--heads 3",)),
    Case("heads-option-zero.yaml", GOOD, ("--heads", "0"), words=("--heads",)),
    Case("heads-option-huge.yaml", GOOD, ("--heads", "99999999999"), words=("--heads", "more than 8")),
    Case("wide-matrix.yaml", GOOD + "w_q: [[" + ", ".join(["1"] * 300) + "], [" + ", ".join(["1"] * 300) + "]]\n"
         "w_k: [[1], [1]]\nw_v: [[1], [1]]\n", words=("300 columns",)),
    # -- encodings and BOMs -------------------------------------------------------------------------
    Case("bom.yaml", b"\xef\xbb\xbf" + GOOD.encode(), expect=0),
    Case("bom.json", b"\xef\xbb\xbf" + good_with().encode(), expect=0),
    Case("bom.csv", b"\xef\xbb\xbftoken,a,b\nx,1,0\ny,0,1\n", SENTENCE, expect=0),
    Case("utf16le.yaml", GOOD.encode("utf-16"), words=("UTF-16",)),
    Case("utf16be.yaml", b"\xfe\xff" + GOOD.encode("utf-16-be"), words=("UTF-16",)),
    Case("latin1.yaml", GOOD.replace("x", "\xe9").encode("latin-1"), words=("not UTF-8", "latin1.yaml:")),
    Case("crlf.yaml", GOOD.replace("\n", "\r\n"), expect=0),
    Case("raw-nul.yaml", GOOD.replace("focus: x", "focus: x\x00"), words=("YAML",)),
    Case("unicode-tokens.yaml", good_with(False, embeddings={"猫": [1, 0], "👩‍💻": [0, 1]}, sentences=["猫 👩‍💻"], focus="猫"),
         expect=0),
    # -- YAML quirks --------------------------------------------------------------------------------
    Case("duplicate-key.yaml", GOOD + "focus: y\n", words=("focus", "appears twice")),
    Case("duplicate-token.yaml", GOOD.replace("  y: [0.0, 1.0]", "  y: [0.0, 1.0]\n  y: [1.0, 1.0]"),
         words=("token appears twice",)),
    Case("duplicate-key.json", '{"dims": ["a"], "dims": ["b"]}', words=("appears twice",)),
    Case("boolean-tokens.yaml", "dims: [a]\nembeddings: {yes: [1], no: [0]}\nsentences: [yes no]\n",
         words=("quote", "'no'")),
    Case("boolean-dims.yaml", GOOD.replace("dims: [a, b]", "dims: [on, off]"), words=("dims", "quote")),
    Case("boolean-sentence.yaml", GOOD.replace("sentences: [x y, y x]", "sentences: [[yes, no]]"), words=("quote",)),
    Case("boolean-focus.yaml", GOOD.replace("focus: x", "focus: no"), words=("focus", "quote")),
    Case("timestamp-name.yaml", GOOD + "name: 2024-01-01\n", expect=0),
    Case("bad-timestamp.yaml", GOOD + "name: 2024-13-45\n", words=("YAML value", "month")),
    Case("timestamp-value.yaml", GOOD.replace("[1.0, 0.0]", "[2024-01-01, 0]"), words=("not a number",)),
    Case("set-dims.yaml", GOOD.replace("dims: [a, b]", "dims: !!set {a, b}"), words=("dims",)),
    Case("python-tag.yaml", "!!python/object/apply:os.system ['echo pwned']", words=("unsafe or unknown tag",)),
    Case("unhashable-key.yaml", GOOD + "? [a, b]\n: 1\n", words=("used as a key",)),
    Case("two-documents.yaml", GOOD + "---\n" + GOOD, words=("YAML syntax",)),
    Case("tab-indent.yaml", "dims: [a]\nembeddings:\n\tx: [1]\n", words=("YAML syntax",)),
    Case("binary-name.yaml", GOOD + "name: !!binary aGVsbG8=\n", words=("name", "not text")),
    Case("heads-mapping.yaml", GOOD + "heads: {w_q: 1}\n", words=("heads",)),
    Case("top-level-list.yaml", "- a\n- b\n", words=("top level",)),
    Case("empty-dims.yaml", good_with(dims=[]), words=("dims",)),
    Case("blank-dim.yaml", good_with(dims=["", "b"]), words=("dims",)),
    Case("empty-token.yaml", good_with(embeddings={"x": [1, 0], "": [0, 1]}), words=("token is empty",)),
    Case("list-name.yaml", good_with(name=[1, 2]), words=("name", "not text")),
    Case("long-esc-name.yaml", good_with(name=f"{ESC}[2J" * 200), words=("U+001B",)),
    Case("vector-is-text.yaml", GOOD.replace("[1.0, 0.0]", "one"), words=("not a list",)),
    # -- CSV quirks ---------------------------------------------------------------------------------
    Case("newline-in-quoted-token.csv", 'token,a\n"two\nlines",1\n', ("--sentence", "two"), words=("line break",)),
    Case("ragged.csv", "token,a,b\nx,1\ny,0,1\n", SENTENCE, words=("embeddings.x",)),
    Case("extra-cells.csv", "token,a\nx,1,2\n", ("--sentence", "x")),
    Case("header-only.csv", "token,a,b\n", SENTENCE, words=("add one row per token",)),
    Case("empty.csv", "", SENTENCE, words=("header",)),
    Case("duplicate-row.csv", "token,a\nx,1\nx,2\n", ("--sentence", "x"), words=("twice",)),
    Case("blank-header-cell.csv", "token,,b\nx,1,0\n", ("--sentence", "x"), words=("header row",)),
    Case("nul.csv", b"token,a\nx,1\x00\n", ("--sentence", "x"), words=("\\x00",)),
    Case("huge-field.csv", "token,a\n" + "t" * 200_000 + ",1\n", ("--sentence", "x")),
    Case("formula-tokens.csv", "token,a\n\"=cmd|' /C calc'!A0\",1\n+x,2\n", ("--sentence", "+x"), expect=0),
    Case("decimal-comma.csv", "token;a;b\nx;1,5;0\ny;0;1\n", SENTENCE, expect=None),
    Case("csv-no-sentence.csv", "token,a\nx,1\n", words=("--sentence",)),
]

# A representative part, all refused while the example is checked (nothing may render):
# `scene` and `slides` must fail just as early.
RENDER_SUBSET = ("esc-token.yaml", "osc52-name.yaml", "bidi-override-token.yaml", "laughs-name.yaml",
                 "recursive-alias.yaml", "deep-list.json", "huge-sparse.yaml", "zero.yaml", "pipe.yaml",
                 "5000-digits.json", "1e155.yaml", "seed-option.yaml", "huge-d_k.yaml", "utf16le.yaml",
                 "boolean-tokens.yaml", "unhashable-key.yaml", "esc-row.csv", "surrogate-token.json")
