"""Reading an example from a workbook (.xlsx), for `--embeddings book.xlsx`.

Two layouts:
- the workbook `render.py numbers --format xlsx` writes (it has an `Example` sheet), after a
  person edited it in Excel or LibreOffice: the embedding table, the learned weights, the name,
  focus word, seed and sentences, each on the sheet named in attention_math.workbook;
- any other workbook: its first sheet is an embedding table (header row `token, <dim>, …`, then
  one row per token), with sentences from --sentence, like a CSV file.

Cells are read as the values the spreadsheet program saved (openpyxl data_only=True): nothing
in the file is evaluated or executed. Each problem raises an ExampleError that names the file,
the sheet and the cell (`book.xlsx:Embeddings!C4: embeddings.cat.tech: …`); the result goes
through the loader's validation like a YAML file's data.
"""

from __future__ import annotations

import datetime
import io
import re
import warnings
import zipfile
from typing import Any, Optional

from .errors import ExampleError
from .safe_text import shown
from .workbook import _col, _quote, EXAMPLE_SHEET, HEADS_SHEET, MATRIX_COLUMNS, OUTPUT_SHEET, SINGLE_HEAD_SHEET, TABLE_SHEET

# A workbook is a zip of XML files, parsed whole: about a second per 2 MB unpacked. The built-in
# example's workbook unpacks to 0.12 MB, 40 tokens of 16 dims with four 16-token sentences to
# 1.5 MB; the cap keeps a small, highly compressed file from holding the reader for minutes.
MAX_UNPACKED_BYTES = 4_000_000
SAVE_AS_XLSX = "save it from Excel or LibreOffice as an Excel workbook (.xlsx)"
EXPORT_AGAIN = "export the workbook again with render.py numbers --format xlsx -o FILE"
TYPE_A_NUMBER = "type a number such as 0.5 (text that looks like a number does not count)"
EXAMPLE_SHEETS = (TABLE_SHEET, SINGLE_HEAD_SHEET, HEADS_SHEET, OUTPUT_SHEET, EXAMPLE_SHEET)
HEAD_BLOCK = re.compile(r"head\s*(\d+)\s+(W_[QKV])", re.IGNORECASE)
SENTENCE_LABEL = re.compile(r"sentences?\s*\d*", re.IGNORECASE)
SIMPLE_SHEET_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # needs no quotes in a reference
HEAD_FIELD = re.compile(r"heads\[(\d+)\]")
HEAD_MATRICES = ("w_q", "w_k", "w_v")


def read_workbook(data: bytes, source: str) -> tuple:
    """(fields, locations) from the workbook file's bytes: the example's fields as the loader's
    _build takes them, and the cell of each field (`Example!B5`) for its error messages."""
    reader = _Reader(_open(data, source), data, source)
    return reader.exported() if EXAMPLE_SHEET in reader.sheets else reader.plain()


def _load(data: bytes, values: bool):
    """The workbook with each formula cell's saved value (values=True) or its formula."""
    from openpyxl import load_workbook  # only when a workbook is read

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about parts it drops (e.g. data validation)
        return load_workbook(io.BytesIO(data), data_only=values)


def _open(data: bytes, source: str):
    _check_archive(data, source)
    try:
        return _load(data, values=True)
    except Exception as exc:  # a damaged or hostile file can fail anywhere inside the parser
        raise ExampleError(source, "file", f"cannot be read as a workbook ({type(exc).__name__})", SAVE_AS_XLSX) from None


def _check_archive(data: bytes, source: str) -> None:
    """Not a workbook at all (a renamed text, CSV or .xls file, an .ods, a zip of something
    else) or one that unpacks to more than MAX_UNPACKED_BYTES: one clear line, before parsing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except zipfile.BadZipFile:
        raise ExampleError(source, "file", "is not an .xlsx workbook (not a zip archive: a renamed text or .xls file?)",
                           SAVE_AS_XLSX) from None
    if "[Content_Types].xml" not in names:
        raise ExampleError(source, "file", "is a zip archive but not an .xlsx workbook", SAVE_AS_XLSX)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ExampleError(source, "file", f"unpacks to {unpacked / 1e6:.0f} MB, more than {MAX_UNPACKED_BYTES / 1e6:.0f} MB",
                           f"delete the sentence sheets (only {', '.join(EXAMPLE_SHEETS)} are read)")


def _text(value: Any) -> str:
    """A label cell as text: a typed 2 is the token '2', not '2.0'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class _Reader:
    def __init__(self, book, data: bytes, source: str):
        self.book, self.data, self.source = book, data, source
        self.sheets = {ws.title: ws for ws in book.worksheets}  # chart sheets hold no cells
        self.locations: dict = {}
        self._formula_book = None

    # -- cells -------------------------------------------------------------------------------

    @staticmethod
    def ref(ws, row: int, column: int, last: Optional[tuple] = None) -> str:
        """`Embeddings!C4`, `'Learned W'!B4:C7`: how spreadsheets name a cell or a range."""
        sheet = ws.title if SIMPLE_SHEET_NAME.fullmatch(ws.title) else _quote(ws.title)
        cells = f"{_col(column)}{row}" + ("" if last is None else f":{_col(last[1])}{last[0]}")
        return f"{sheet}!{cells}"

    def fail(self, where: Optional[str], field: str, problem: str, fix: str):
        raise ExampleError(self.source, field, problem, fix, where)

    @staticmethod
    def grid(ws) -> dict:
        """{(row, column): value} of the cells that hold something. Built from the cells the sheet
        stores (openpyxl's sparse _cells), so a stray entry in XFD1048576 costs one cell, where
        iterating rows would visit billions."""
        return {key: cell.value for key, cell in ws._cells.items()
                if cell.value is not None and not (isinstance(cell.value, str) and not cell.value.strip())}

    def _is_unsaved_formula(self, ws, row: int, column: int) -> bool:
        """A formula whose value was never saved reads as empty with data_only=True; only then is
        the workbook loaded a second time, with its formulas, to tell the two apart."""
        if self._formula_book is None:
            self._formula_book = _load(self.data, values=False)
        cell = self._formula_book[ws.title]._cells.get((row, column))
        return cell is not None and cell.data_type == "f"

    def missing(self, ws, row: int, column: int, field: str, fix: str):
        where = self.ref(ws, row, column)
        if self._is_unsaved_formula(ws, row, column):
            self.fail(where, field, "a formula with no saved value (the file was never opened in a spreadsheet program)",
                      "open the workbook in Excel or LibreOffice and save it once, or type values instead of formulas")
        self.fail(where, field, "empty cell", fix)

    def number(self, ws, cells: dict, row: int, column: int, field: str) -> float:
        value = cells.get((row, column))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if value is None:
            self.missing(ws, row, column, field, TYPE_A_NUMBER)
        if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
            self.fail(self.ref(ws, row, column), field, "holds a date or time, not a number",
                      "format the cell as Number and type the value again (a spreadsheet can read 1.8 as a date)")
        self.fail(self.ref(ws, row, column), field, f"'{shown(value)}' is not a number", TYPE_A_NUMBER)

    def no_merged_cells(self, ws, first_row: int, field: str) -> None:
        for merged in ws.merged_cells.ranges:
            if merged.max_row >= first_row:
                where = self.ref(ws, merged.min_row, merged.min_col, (merged.max_row, merged.max_col))
                self.fail(where, "header" if merged.min_row == first_row else field, "merged cells",
                          "unmerge them and give every cell its own value")

    def sheet(self, name: str, holds: str):
        if name not in self.sheets:
            self.fail(None, f"sheet '{name}'", f"missing (it holds {holds})", f"restore it, or {EXPORT_AGAIN}")
        return self.sheets[name]

    @staticmethod
    def first_row_right_of_labels(cells: dict) -> Optional[int]:
        """The header row: the first row with something right of column A (above it: titles)."""
        return min((row for row, column in cells if column >= 2), default=None)

    # -- the embedding table -----------------------------------------------------------------

    def table(self, ws) -> dict:
        """{"dims", "embeddings"} from a sheet: a header row of dimension names from column B,
        then one row per token (token in column A)."""
        cells = self.grid(ws)
        header = self.first_row_right_of_labels(cells)
        if header is None:
            self.fail(self.ref(ws, 1, 1), "header", "the sheet has no embedding table",
                      "start it with a header row token, <dim>, <dim>, … (e.g. token, animal, tech)")
        self.no_merged_cells(ws, header, "embeddings")
        columns_of: dict = {}  # row -> its filled columns (one pass: a sheet can hold 100 000s of cells)
        for row, column in cells:
            columns_of.setdefault(row, []).append(column)
        last = max(columns_of[header])
        dims = []
        for column in range(2, last + 1):
            name = cells.get((header, column))
            if name is None:
                self.missing(ws, header, column, "dims", "give every column a dimension name")
            if isinstance(name, (int, float)):
                self.fail(self.ref(ws, header, column), "header", "is a number, not a dimension name",
                          "start with a header row token, <dim>, <dim>, … (e.g. token, animal, tech)")
            dims.append(_text(name))
        self.locations["dims"] = self.ref(ws, header, 2, (header, last))
        embeddings: dict = {}
        for row in sorted(row for row in columns_of if row > header):
            token = self.token(ws, cells, row, embeddings)
            beyond = sorted(column for column in columns_of[row] if column > last)
            if beyond:
                self.fail(self.ref(ws, row, beyond[0]), f"embeddings.{token}", "a value with no dimension name above it",
                          f"name its column in row {header}, or clear the cell")
            embeddings[token] = [self.number(ws, cells, row, column, f"embeddings.{token}.{dims[column - 2]}")
                                 for column in range(2, last + 1)]
            self.locations[f"embeddings.{token}"] = self.ref(ws, row, 1)
        if not embeddings:
            self.fail(self.ref(ws, header + 1, 1), "embeddings", "no token rows under the header",
                      "add one row per token: the token in column A, then its values")
        return {"dims": dims, "embeddings": embeddings}

    def token(self, ws, cells: dict, row: int, seen: dict) -> str:
        value = cells.get((row, 1))
        if value is None:
            self.missing(ws, row, 1, "embeddings.?", "put the token in column A")
        token = _text(value)
        if token in seen:
            self.fail(self.ref(ws, row, 1), f"embeddings.{token}", f"token appears twice (also in {self.locations[f'embeddings.{token}']})",
                      "keep one row per token")
        return token

    # -- weight blocks -----------------------------------------------------------------------

    def blocks(self, name: str, holds: str) -> dict:
        """{block name: rows of numbers} from a sheet of value blocks side by side: each named in
        the first row right of column A, column headers under the name, row labels in column A."""
        ws = self.sheet(name, holds)
        cells = self.grid(ws)
        names_row = self.first_row_right_of_labels(cells)
        if names_row is None:
            self.fail(self.ref(ws, 1, 1), name, "the sheet is empty", EXPORT_AGAIN)
        self.no_merged_cells(ws, names_row, name)
        rows = []
        while cells.get((names_row + 2 + len(rows), 1)) is not None:  # row labels, down to the first gap
            rows.append(names_row + 2 + len(rows))
        result = {}
        for row, left in sorted(cells):
            if row != names_row or left < 2:  # column A: the sheet's note
                continue
            width = 0
            while cells.get((names_row + 1, left + width)) is not None:
                width += 1
            field = self.field_of(ws, row, left, _text(cells[row, left]))
            if not width or not rows:
                self.fail(self.ref(ws, row, left), field, "block has no column headers or no row labels", EXPORT_AGAIN)
            if field in self.locations:
                self.fail(self.ref(ws, row, left), field, f"appears twice (also {self.locations[field]})", "keep one block of each name")
            self.locations[field] = self.ref(ws, rows[0], left, (rows[-1], left + width - 1))
            result[field] = [[self.number(ws, cells, r, left + j, f"{field}[{i}][{j}]") for j in range(width)]
                             for i, r in enumerate(rows)]
        return result

    def field_of(self, ws, row: int, column: int, block: str) -> str:
        """The loader's field for a block name: W_Q -> w_q, Head 2 W_V -> heads[1].w_v."""
        if block.upper() in MATRIX_COLUMNS or block.upper() == "W_O":
            return block.lower()
        match = HEAD_BLOCK.fullmatch(block)
        if match and int(match.group(1)) >= 1:
            return f"heads[{int(match.group(1)) - 1}].{match.group(2).lower()}"
        self.fail(self.ref(ws, row, column), ws.title, f"'{shown(block)}' is not a weight block name",
                  "name blocks W_Q, W_K, W_V, W_O or Head N W_Q (as the export does)")

    def weights(self) -> dict:
        """w_q, w_k, w_v, heads and w_o, from the sheets the export puts them on."""
        found = {**self.blocks(SINGLE_HEAD_SHEET, "the single head's W_Q, W_K and W_V"),
                 **self.blocks(HEADS_SHEET, "every head's W_Q, W_K and W_V"),
                 **self.blocks(OUTPUT_SHEET, "W_O")}
        count = 1 + max((int(match.group(1)) for match in map(HEAD_FIELD.match, found) if match), default=-1)
        heads = [{m: f"heads[{h}].{m}" for m in HEAD_MATRICES} for h in range(count)]
        for field in [*HEAD_MATRICES, "w_o", *(f for head in heads for f in head.values())]:
            if field not in found:
                self.fail(None, field, "no block holds it", f"restore its block (see the sheet's other blocks), or {EXPORT_AGAIN}")
        return {**{m: found[m] for m in HEAD_MATRICES}, "w_o": found["w_o"],
                "heads": [{m: found[f] for m, f in head.items()} for head in heads]}

    # -- the Example sheet -------------------------------------------------------------------

    def example_fields(self) -> dict:
        """name, focus, seed and sentences: labels in column A, values in column B. Rows with
        other labels are titles and notes, unless they hold a value (a mistyped label)."""
        ws = self.sheet(EXAMPLE_SHEET, "the name, focus word, seed and sentences")
        cells = self.grid(ws)
        data: dict = {}
        sentences = []
        for row in sorted({row for row, _ in cells}):
            label, value = _text(cells.get((row, 1), "")).lower(), cells.get((row, 2))
            known = label in ("name", "focus", "seed") or SENTENCE_LABEL.fullmatch(label)
            if value is None:
                continue
            if not known:
                self.fail(self.ref(ws, row, 1), EXAMPLE_SHEET, f"'{shown(label)}' is not a field",
                          "label the row name, focus, seed or sentence N in column A")
            field = f"sentences[{len(sentences)}]" if label.startswith("sentence") else label
            if field in data:
                self.fail(self.ref(ws, row, 1), field, f"appears twice (also in {self.locations[field]})", "keep one")
            self.locations[field] = self.ref(ws, row, 2)
            if field == "seed":  # a spreadsheet stores every number as a float: 7.0 is the seed 7
                data[field] = int(value) if isinstance(value, float) and value.is_integer() else value
            elif field.startswith("sentences"):
                sentences.append(_text(value))
            else:
                data[field] = _text(value)
        return {**data, "sentences": sentences} if sentences else data

    # -- the two layouts ---------------------------------------------------------------------

    def exported(self) -> tuple:
        table = self.table(self.sheet(TABLE_SHEET, "the embedding table"))
        return {**table, **self.weights(), **self.example_fields()}, self.locations

    def plain(self) -> tuple:
        if not self.book.worksheets:
            self.fail(None, "file", "has no worksheet", "put the embedding table on the first sheet")
        return self.table(self.book.worksheets[0]), self.locations
