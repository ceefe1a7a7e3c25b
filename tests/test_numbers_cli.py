"""`render.py numbers` as a user runs it, and every kind of bad input through the CLI."""

import json
import subprocess
import sys

import numpy as np
import pytest
from click.testing import CliRunner

import render
from attention_math import load_example, self_attention, trace_example
from tests.conftest import ROOT

GOOD_YAML = """
dims: [a, b]
embeddings:
  x: [1.0, 0.0]
  y: [0.0, 1.0]
sentences: [x y, y x]
focus: x
"""


def run(*args):
    return CliRunner().invoke(render.cli, list(map(str, args)))


def test_text_tables_show_every_step():
    result = run("numbers")
    assert result.exit_code == 0, result.output
    for heading in ("Embedding table", "Scores = X·Xᵀ", "Scaled = Scores / √4", "each row sums to 1",
                    "Output = Attention · V", "W_Q", "Q = X·W_Q", "Head 2 attention weights", "Concatenation", "W_O"):
        assert heading in result.output
    # the mouse row of sentence 1's attention weights, as printed, matches the math
    t = trace_example(load_example())[0].simple
    weights_block = result.output.split("Attention weights = softmax of each row (each row sums to 1)\n")[1]
    mouse_line = next(line for line in weights_block.splitlines() if line.startswith("mouse"))
    assert [float(v) for v in mouse_line.split()[1:]] == pytest.approx(t.weights[2].round(2).tolist())


def test_json_document_shape_and_values():
    result = run("numbers", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert set(doc) == {"example", "dims", "focus", "sentences"}
    assert doc["dims"] == ["animal", "tech", "grammar", "mood"] and doc["focus"] == "mouse"
    s = doc["sentences"][0]
    assert set(s) == {"tokens", "input", "simple", "projected", "multi_head"}
    assert set(s["simple"]) == {"q", "k", "v", "scores", "scaled", "weights", "output"}
    assert set(s["projected"]) == set(s["simple"]) | {"w_q", "w_k", "w_v"}
    assert set(s["multi_head"]) == {"heads", "concat", "w_o", "output"}
    assert len(s["multi_head"]["heads"]) == 2
    x = np.array(s["input"])
    assert np.allclose(s["simple"]["weights"], self_attention(x).weights)  # full precision
    assert np.allclose(s["multi_head"]["output"], np.array(s["multi_head"]["concat"]) @ np.array(s["multi_head"]["w_o"]))


def test_user_yaml_json_and_csv(write, tmp_path):
    y = write("ex.yaml", GOOD_YAML)
    j = write("ex.json", json.dumps({"dims": ["a", "b"], "embeddings": {"x": [1, 0], "y": [0, 1]}, "sentences": [["x", "y"]]}))
    c = write("ex.csv", "token,a,b\nx,1,0\ny,0,1\n")
    for path, extra in ((y, []), (j, []), (c, ["--sentence", "x y"])):
        result = run("numbers", "--format", "json", "--embeddings", path, *extra)
        assert result.exit_code == 0, result.output
        doc = json.loads(result.output)
        assert doc["sentences"][0]["tokens"] == ["x", "y"]
        # softmax([1, 0] / √2) for x
        assert doc["sentences"][0]["simple"]["weights"][0][0] == pytest.approx(1 / (1 + np.exp(-1 / np.sqrt(2))))


def test_heads_and_seed_options():
    result = run("numbers", "--format", "json", "--heads", "4", "--seed", "7")
    assert result.exit_code == 0, result.output
    heads = json.loads(result.output)["sentences"][0]["multi_head"]["heads"]
    assert len(heads) == 4 and np.array(heads[0]["q"]).shape == (5, 1)
    again = json.loads(run("numbers", "--format", "json", "--heads", "4", "--seed", "7").output)
    assert again["sentences"][0]["multi_head"] == json.loads(result.output)["sentences"][0]["multi_head"]


def test_output_file_written_atomically(tmp_path):
    out = tmp_path / "numbers.json"
    assert run("numbers", "--format", "json", "-o", out).exit_code == 0
    assert json.loads(out.read_text())["focus"] == "mouse"
    assert [p.name for p in tmp_path.iterdir()] == ["numbers.json"]  # no temp file left behind


BAD = [
    # (file name, content, extra args, words the one-line message must contain)
    ("missing.yaml", None, [], ["missing.yaml", "no such file"]),
    ("ex.txt", "x", [], ["unknown format", ".txt", ".yaml"]),
    ("ex.yaml", "dims: [a, b\nembeddings: {}", [], ["YAML syntax", "ex.yaml:"]),
    ("ex.json", '{"dims": ["a",]}', [], ["JSON syntax", "ex.json:1"]),
    ("ex.csv", 'token,a,b\nx,1,"0\n', ["--sentence", "x"], ["CSV"]),
    ("ex.csv", "x,1,0\ny,0,1\n", ["--sentence", "x"], ["header", "token,<dim>"]),
    ("ex.csv", "token,a,b\nx,1,zero\n", ["--sentence", "x"], ["embeddings.x.b", "'zero' is not a number", "ex.csv:2"]),
    ("ex.csv", "token,a,b\nx,1,0\n", [], ["sentences", "--sentence"]),
    ("ex.yaml", GOOD_YAML.replace("sentences: [x y, y x]", "sentences: [x z]"), [], ["sentences[0]", "unknown token 'z'"]),
    ("ex.yaml", GOOD_YAML.replace("y: [0.0, 1.0]", "y: [0.0]"), [], ["embeddings.y", "has 1 values, expected 2", "ex.yaml:5"]),
    ("ex.yaml", GOOD_YAML.replace("y: [0.0, 1.0]", "y: [0.0, abc]"), [], ["embeddings.y[1]", "not a number", "ex.yaml:5"]),
    ("ex.yaml", GOOD_YAML.replace("y: [0.0, 1.0]", "y: [0.0, .nan]"), [], ["embeddings.y[1]", "finite"]),
    ("ex.yaml", GOOD_YAML.replace("y: [0.0, 1.0]", "y: [0.0, .inf]"), [], ["embeddings.y[1]", "finite"]),
    ("ex.json", '{"dims": ["a"], "embeddings": {"x": [NaN]}, "sentences": ["x"]}', [], ["embeddings.x[0]", "finite"]),
    ("ex.yaml", GOOD_YAML.replace("sentences: [x y, y x]", "sentences: ['x y', '']"), [], ["sentences[1]", "empty"]),
    ("ex.yaml", GOOD_YAML.replace("dims: [a, b]", "dims: [a, a]"), [], ["dims", "'a' appears twice"]),
    ("ex.yaml", GOOD_YAML + "w_q: [[1, 0], [0, 1]]\nw_k: [[1, 0], [0, 1]]\nw_v: [[1, 0, 0]]\n", [], ["w_v", "has 1 rows, expected 2"]),
    ("ex.yaml", GOOD_YAML + "w_q: [[1, 0], [0]]\nw_k: [[1, 0], [0, 1]]\nw_v: [[1], [0]]\n", [], ["w_q[1]", "has 1 values, expected 2"]),
    ("ex.yaml", GOOD_YAML, ["--heads", "3"], ["--heads", "3 heads do not divide the 2 dims", "--heads 1 or 2"]),
    ("ex.yaml", GOOD_YAML.replace("focus: x", "focus: q"), [], ["focus", "'q' is in no sentence"]),
    ("ex.yaml", "!!python/object/apply:os.system ['echo hacked']", [], ["unsafe or unknown tag", "never executed"]),
    ("ex.yaml", GOOD_YAML + "colour: red\n", [], ["colour", "unknown field"]),
    ("ex.yaml", GOOD_YAML.replace("  y: [0.0, 1.0]", "  y: [0.0, 1.0]\n  x: [1.0, 1.0]"), [], ["embeddings.x", "twice"]),
]


@pytest.mark.parametrize("name,content,extra,words", BAD, ids=[f"{i}-{b[0]}" for i, b in enumerate(BAD)])
def test_bad_input_one_line_exit_2_nothing_written(tmp_path, name, content, extra, words):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(render.cli, ["numbers", "--embeddings", str(path), "-o", str(out), *extra])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output and "fix:" in lines[0]
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ([name] if content is not None else [])


def test_head_count_conflicting_with_file_is_explained():
    result = run("numbers", "--heads", "3")
    assert result.exit_code == 2
    assert "defines 2" in result.output and "--seed" in result.output


def test_unsafe_yaml_is_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "ex.yaml"
    path.write_text(f"!!python/object/apply:os.system ['touch {marker}']\n")
    assert run("numbers", "--embeddings", path).exit_code == 2
    assert not marker.exists()


def test_huge_values_do_not_overflow(write):
    path = write("big.yaml", "dims: [a, b]\nembeddings: {x: [1000000, 0], y: [0, 1000000]}\nsentences: [x y]\n")
    doc = json.loads(run("numbers", "--format", "json", "--embeddings", path).output)
    weights = np.array(doc["sentences"][0]["simple"]["weights"])
    assert np.all(np.isfinite(weights)) and weights[0].tolist() == [1.0, 0.0]


def test_numbers_list_and_help_import_no_manim():
    """The commands that do not render never load manim (speed lives in benchmarks/)."""
    for argv in (["numbers"], ["list"], ["--help"], ["all", "--help"]):
        code = (
            f"import sys; sys.argv = ['render.py', *{argv!r}]\n"
            "import runpy\n"
            "try:\n    runpy.run_path('render.py', run_name='__main__')\nexcept SystemExit as exc:\n"
            "    assert not exc.code, exc.code\n"
            "assert 'manim' not in sys.modules, 'manim was imported'\n"
        )
        result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, (argv, result.stderr)
        if argv == ["numbers"]:
            assert "Scores = X·Xᵀ" in result.stdout


def test_unwritable_output_is_one_line_exit_2(tmp_path):
    target = tmp_path / "missing-folder-is-a-file"
    target.write_text("x")
    result = run("numbers", "-o", target / "out.json")
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and "-o" in result.output and "Traceback" not in result.output
