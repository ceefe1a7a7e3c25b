"""The live numbers workbook: its formulas, evaluated, equal attention_math; editing an
embedding recomputes every step."""

import numpy as np
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import render
from attention_math import load_example, trace_example

formulas = pytest.importorskip("formulas")


def evaluate(path):
    """{(sheet, cell): value} for every formula cell, computed by the formulas package."""
    model = formulas.ExcelModel().loads(str(path)).finish()
    solution = model.calculate()
    values = {}
    for key, value in solution.items():
        # keys look like "'[book.xlsx]1 SCORES'!B4"
        text = str(key)
        if "!" not in text or ":" in text.split("!")[1]:
            continue
        sheet, cell = text.rsplit("!", 1)
        sheet = sheet.strip("'").split("]")[1]
        try:
            values[(sheet.upper(), cell.upper())] = float(np.asarray(value.value).ravel()[0])
        except (TypeError, ValueError):
            continue  # titles and headers
    return values


def read_matrix(values, sheet, rows, cols):
    from attention_math.workbook import FIRST_COL, FIRST_ROW, _col

    return np.array([[values[(sheet.upper(), f"{_col(FIRST_COL + j)}{FIRST_ROW + i}")] for j in range(cols)]
                     for i in range(rows)])


def test_sheets_per_step_and_sentence_with_live_formulas(workbook):
    book = load_workbook(workbook)
    for k in (1, 2):
        for step in ("Input", "Scores", "Scaled", "Softmax", "Output", "Q", "K", "V", "QK Scores", "QK Softmax", "QK Output"):
            assert f"{k} {step}" in book.sheetnames
    text = " ".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str))
    for function in ("MMULT", "TRANSPOSE", "SQRT", "EXP", "SUM"):
        assert f"{function}(" in text
    assert isinstance(book["Embeddings"]["B4"].value, float)  # the table itself is values
    assert str(book["1 Scores"]["B4"].value).startswith("=")


def test_evaluated_formulas_equal_attention_math(workbook):
    values = evaluate(workbook)
    example = load_example()
    for k, s in enumerate(trace_example(example), 1):
        n, d = len(s.tokens), example.d
        assert np.allclose(read_matrix(values, f"{k} Scores", n, n), s.simple.scores)
        assert np.allclose(read_matrix(values, f"{k} Scaled", n, n), s.simple.scaled)
        assert np.allclose(read_matrix(values, f"{k} Softmax", n, n), s.simple.weights)
        assert np.allclose(read_matrix(values, f"{k} Output", n, d), s.simple.output)
        assert np.allclose(read_matrix(values, f"{k} QK Softmax", n, n), s.projected.weights)
        assert np.allclose(read_matrix(values, f"{k} QK Output", n, s.projected.d_v), s.projected.output)


def test_editing_an_embedding_recomputes_every_step(workbook, tmp_path):
    book = load_workbook(workbook)
    ws = book["Embeddings"]
    tokens = [ws.cell(row=r, column=1).value for r in range(4, 4 + 7)]
    row = 4 + tokens.index("cat")
    ws.cell(row=row, column=2).value = 0.2  # cat is no longer an animal
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    values = evaluate(edited)
    example = load_example()
    changed = {t: np.array(v) for t, v in example.embeddings.items()}
    changed["cat"][0] = 0.2
    from attention_math import self_attention

    s = example.sentences[0]
    expected = self_attention(np.array([changed[t] for t in s]))
    assert np.allclose(read_matrix(values, "1 Softmax", len(s), len(s)), expected.weights)
    assert np.allclose(read_matrix(values, "1 Output", len(s), example.d), expected.output)


def test_xlsx_needs_an_output_file():
    result = CliRunner().invoke(render.cli, ["numbers", "--format", "xlsx"])
    assert result.exit_code == 2 and "-o" in result.output
