"""Examples from spreadsheets: the workbook `numbers --format xlsx` writes, edited as a person
would and read back with --embeddings; a plain workbook; European CSV (';' and decimal commas);
and every bad workbook as one line naming the file, the sheet and the cell."""

import dataclasses
import datetime
import json
import shutil
import zipfile

import numpy as np
import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

import render
from attention_math import load_example
from attention_math.core import HeadWeights
from attention_math.report import document


def numbers_json(*args) -> dict:
    result = CliRunner().invoke(render.cli, ["numbers", "--format", "json", *map(str, args)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def edited(source, target, edit):
    """Open the workbook (formulas and all), change it as a person would, save it."""
    book = load_workbook(source)
    edit(book)
    book.save(target)
    return target


def cell_of(ws, row_label, column_label, header_row=3):
    """The cell in the row labelled `row_label` (column A) and the column headed `column_label`."""
    row = next(c.row for c in ws["A"] if c.value == row_label)
    column = next(c.column for c in ws[header_row] if c.value == column_label)
    return ws.cell(row=row, column=column)


def test_unedited_workbook_gives_the_original_numbers(workbook):
    assert numbers_json("--embeddings", workbook) == numbers_json()


def test_numbers_follow_an_edited_embedding_and_weight(workbook, tmp_path):
    def edit(book):
        cell_of(book["Embeddings"], "cat", "animal").value = 0.2  # cat is hardly an animal any more
        cell_of(book["Learned W"], "animal", "q1").value = 0.5     # W_Q's first cell: the first block's q1

    doc = numbers_json("--embeddings", edited(workbook, tmp_path / "edited.xlsx", edit))
    original = load_example()
    embeddings = {t: np.array(v) for t, v in original.embeddings.items()}
    embeddings["cat"][0] = 0.2
    w_q = original.projection.w_q.copy()
    w_q[0, 0] = 0.5
    expected = dataclasses.replace(original, embeddings=embeddings,
                                   projection=HeadWeights(w_q, original.projection.w_k, original.projection.w_v))
    assert doc == json.loads(json.dumps(document(expected)))
    first = doc["sentences"][0]
    assert first["tokens"][0] == "cat" and first["input"][0] == [0.2, 0.0, 0.2, 0.4]
    assert first["projected"]["w_q"][0] == [0.5, 0.0]
    before = numbers_json()["sentences"][0]
    assert first["simple"]["weights"] != before["simple"]["weights"]  # every step moved with the edit
    assert first["projected"]["q"] != before["projected"]["q"]


def save_formula_value(path, sheet_xml: str, formula: str, value: str) -> None:
    """What a spreadsheet program does on save: store the formula's computed value beside it
    (openpyxl writes formulas with an empty value)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    text = parts[sheet_xml].decode()
    assert f"<f>{formula}</f><v></v>" in text
    parts[sheet_xml] = text.replace(f"<f>{formula}</f><v></v>", f"<f>{formula}</f><v>{value}</v>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_formula_cell_counts_by_its_saved_value(workbook, tmp_path):
    path = edited(workbook, tmp_path / "formula.xlsx", lambda book: setattr(cell_of(book["Embeddings"], "cat", "animal"), "value", "=0.9*2"))
    save_formula_value(path, "xl/worksheets/sheet1.xml", "0.9*2", "1.8")
    assert numbers_json("--embeddings", path) == numbers_json()


def test_plain_workbook_reads_like_the_same_csv(tmp_path):
    book = Workbook()
    for row in (["token", "a", "b"], ["x", 1, 0], ["y", 0, 0.5]):
        book.active.append(row)
    book.create_sheet("notes").append(["anything else is ignored"])
    (tmp_path / "csv").mkdir()
    book.save(tmp_path / "table.xlsx")
    (tmp_path / "csv" / "table.csv").write_text("token,a,b\nx,1,0\ny,0,0.5\n")
    from_book = numbers_json("--embeddings", tmp_path / "table.xlsx", "--sentence", "x y")
    assert from_book == numbers_json("--embeddings", tmp_path / "csv" / "table.csv", "--sentence", "x y")
    assert from_book["sentences"][0]["input"] == [[1.0, 0.0], [0.0, 0.5]]


def set_value(sheet, coordinate, value):
    return lambda book: setattr(book[sheet][coordinate], "value", value)


def merge(sheet, cells):
    return lambda book: book[sheet].merge_cells(cells)


BAD_BOOKS = [
    # (edit of the exported workbook, extra args, words the one line must contain)
    (lambda book: book.remove(book["Learned W"]), [], ["sheet 'Learned W'", "missing", "numbers --format xlsx"]),
    (set_value("Embeddings", "C5", None), [], ["Embeddings!C5", "embeddings.keyboard.tech", "empty cell", "type a number"]),
    (set_value("Embeddings", "C5", "lots"), [], ["Embeddings!C5", "'lots' is not a number"]),
    (set_value("Embeddings", "C5", datetime.datetime(2024, 8, 1)), [], ["Embeddings!C5", "date", "format the cell as Number"]),
    (set_value("Embeddings", "A6", "cat"), [], ["Embeddings!A6", "embeddings.cat", "twice", "Embeddings!A4"]),
    (merge("Embeddings", "B3:C3"), [], ["Embeddings!B3:C3", "header", "merged", "unmerge"]),
    (set_value("Embeddings", "C5", "=1+1"), [], ["Embeddings!C5", "formula with no saved value", "open the workbook", "save it once"]),
    (set_value("Heads W", "C6", "x"), [], ["'Heads W'!C6", "heads[0].w_q[2][1]", "not a number"]),
    (set_value("Example", "B7", "cat and dog"), [], ["Example!B7", "sentences[0]", "unknown token 'dog'"]),
    (set_value("Example", "A6", "sed"), [], ["Example!A6", "'sed' is not a field", "seed"]),
    (set_value("Embeddings", "XFD1048576", 1), [], ["Embeddings!A1048576", "put the token in column A"]),
]


@pytest.mark.parametrize("edit,extra,words", BAD_BOOKS, ids=[w[2][0] for w in BAD_BOOKS])
def test_bad_workbook_one_line_exit_2_nothing_written(workbook, tmp_path, edit, extra, words):
    path = edited(workbook, tmp_path / "book.xlsx", edit)
    assert_one_line_error(path, extra, ["book.xlsx", *words])


def assert_one_line_error(path, extra, words):
    out = path.parent / "out.json"
    result = CliRunner().invoke(render.cli, ["numbers", "--embeddings", str(path), "-o", str(out), *extra])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "fix: " in lines[0], result.output
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert not out.exists()


def test_files_that_are_not_workbooks(tmp_path):
    (tmp_path / "renamed.xlsx").write_text("token,a\nx,1\n")
    with zipfile.ZipFile(tmp_path / "other.xlsx", "w") as archive:
        archive.writestr("notes.txt", "a zip of something else")
    shutil.copy(tmp_path / "other.xlsx", tmp_path / "copy.xlsx")
    assert_one_line_error(tmp_path / "renamed.xlsx", [], ["renamed.xlsx", "not an .xlsx workbook", "not a zip", "save it"])
    assert_one_line_error(tmp_path / "other.xlsx", [], ["other.xlsx", "zip archive but not an .xlsx workbook"])
    book = Workbook()
    book.save(tmp_path / "empty.xlsx")
    assert_one_line_error(tmp_path / "empty.xlsx", ["--sentence", "x"], ["empty.xlsx:Sheet!A1", "no embedding table"])
    assert_one_line_error(tmp_path / "missing.xlsx", [], ["missing.xlsx", "no such file"])


def test_plain_workbook_needs_sentences(tmp_path):
    book = Workbook()
    book.active.append(["token", "a"])
    book.active.append(["x", 1])
    book.save(tmp_path / "t.xlsx")
    assert_one_line_error(tmp_path / "t.xlsx", [], ["sentences", "--sentence"])


# -- European CSV --------------------------------------------------------------------------------


def test_semicolons_with_decimal_commas_read_like_the_comma_file(write):
    european = write("eu.csv", "token;animal;tech\ncat;1,8;0\nmouse;1,3;1,3\n")
    comma = write("plain.csv", "token,animal,tech\ncat,1.8,0\nmouse,1.3,1.3\n")
    doc = numbers_json("--embeddings", european, "--sentence", "cat mouse")
    assert doc["sentences"][0]["input"] == [[1.8, 0.0], [1.3, 1.3]]
    assert doc["sentences"] == numbers_json("--embeddings", comma, "--sentence", "cat mouse")["sentences"]


@pytest.mark.parametrize("content,words", [
    # both decimal marks: '.' may be a thousands separator, so the file is refused, saying how it was read
    ("token;a;b\nx;1,8;0\ny;0;0.25\n", ["eu.csv:3", "embeddings.y.b", "'0.25' has a decimal point",
                                        "'1,8' (line 2) a decimal comma", "understood: ';' between cells", "one decimal mark"]),
    ("token,a,b\nx;1,8;0\n", ["eu.csv:2", "uses ';' between cells, the header ','", "understood: ','"]),
    ("token,a,b\nx,1,8,0\n", ["eu.csv:2", "4 cells, the header 3", "understood: ',' between cells", "separate cells with ';'"]),
])
def test_mixed_csv_says_what_was_understood(tmp_path, content, words):
    path = tmp_path / "eu.csv"
    path.write_text(content)
    assert_one_line_error(path, ["--sentence", "x"], words)

