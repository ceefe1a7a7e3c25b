"""The numbers as a live spreadsheet, like the article's: the embedding table and the learned
weights are values; every later step is a formula (MMULT, TRANSPOSE, SQRT, EXP, SUM), so a
student who edits an embedding sees every step recompute.

Orientation as everywhere: rows are queries, columns are keys, softmax along each row.
Formulas are written per cell as INDEX(MMULT(…), i, j) so they work without array entry in
Excel, LibreOffice and Google Sheets. openpyxl is imported only when a workbook is written.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .example import Example

FIRST_ROW = 4  # rows 1-2: title and note; row 3: column headers
FIRST_COL = 2  # column A: row labels
# The sheets that hold the example itself, as values: attention_math.workbook_reader reads them
# back, so a teacher can edit the numbers here and render the edit (`--embeddings book.xlsx`).
TABLE_SHEET, SINGLE_HEAD_SHEET, HEADS_SHEET, OUTPUT_SHEET, EXAMPLE_SHEET = (
    "Embeddings", "Learned W", "Heads W", "Output W", "Example")
MATRIX_COLUMNS = {"W_Q": "q", "W_K": "k", "W_V": "v"}  # a weight block's column headers: q1, q2, …


# What spreadsheets read as the start of a formula (the OWASP "CSV injection" list). A cell of
# text from the example that starts so also gets Excel's quote prefix: it stays text even when a
# user edits it and presses Enter.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(ws, row: int, column: int, text):
    """A cell holding `text` as text: never a formula (a token `=cmd|' /C calc'!A0` is data) nor
    an error value (#N/A), whatever it starts with. Our own formulas are written by `fill`."""
    cell = ws.cell(row=row, column=column, value=str(text))
    cell.data_type = "s"
    if cell.value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    return cell


def _col(index: int) -> str:
    """1 -> A, 27 -> AA."""
    name = ""
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _quote(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


class _Block:
    """A labelled matrix on a sheet; `ref()` is its absolute range for formulas elsewhere."""

    def __init__(self, sheet: str, rows: int, cols: int, top: int = FIRST_ROW, left: int = FIRST_COL):
        self.sheet, self.rows, self.cols, self.top, self.left = sheet, rows, cols, top, left

    def cell(self, i: int, j: int, absolute: bool = False) -> str:
        d = "$" if absolute else ""
        return f"{d}{_col(self.left + j)}{d}{self.top + i}"

    def ref(self, local: bool = False) -> str:
        span = f"{self.cell(0, 0, True)}:{self.cell(self.rows - 1, self.cols - 1, True)}"
        return span if local else f"{_quote(self.sheet)}!{span}"

    def row_ref(self, i: int) -> str:
        return f"{self.cell(i, 0, True)}:{self.cell(i, self.cols - 1, True)}"


def write_workbook(example: Example, path: Path) -> None:
    """Write the workbook to `path` (callers write to a temporary name and move it in place)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE3EE")

    def sheet(name: str, title: str, note: str, row_labels, col_labels):
        ws = book.create_sheet(name)  # every label below can hold text from the example
        text_cell(ws, 1, 1, title).font = Font(bold=True, size=13)
        text_cell(ws, 2, 1, note)
        for j, text in enumerate(col_labels):
            cell = text_cell(ws, FIRST_ROW - 1, FIRST_COL + j, text)
            cell.font, cell.fill = bold, header_fill
        for i, text in enumerate(row_labels):
            text_cell(ws, FIRST_ROW + i, 1, text).font = bold
        ws.column_dimensions["A"].width = max(12, max((len(str(t)) for t in row_labels), default=0) + 2)
        return ws

    def fill(ws, block: _Block, formula) -> None:
        for i in range(block.rows):
            for j in range(block.cols):
                cell = ws.cell(row=block.top + i, column=block.left + j, value=formula(i, j))
                cell.number_format = "0.00"

    book.remove(book.active)
    dims, tokens = list(example.dims), list(example.embeddings)
    ws = sheet(TABLE_SHEET, f"{example.name}: the embedding table",
               "Edit these values: every other sheet recomputes from them.", tokens, dims)
    table = _Block(TABLE_SHEET, len(tokens), len(dims))
    fill(ws, table, lambda i, j: float(example.embeddings[tokens[i]][j]))
    token_row = {t: k for k, t in enumerate(tokens)}

    def weight_sheet(name: str, title: str, note: str, row_labels, matrices) -> dict:
        """Value blocks side by side, each named in row 2 above its column headers (the layout
        workbook_reader reads back). matrices: [(block name, matrix, column labels)]."""
        ws = sheet(name, title, note, row_labels, [])
        blocks, left = {}, FIRST_COL
        for block_name, matrix, columns in matrices:
            ws.cell(row=FIRST_ROW - 2, column=left, value=block_name).font = bold
            for j, column in enumerate(columns):  # W_O's columns are the dims: text from the example
                text_cell(ws, FIRST_ROW - 1, left + j, column).font = bold
            blocks[block_name] = _Block(name, matrix.shape[0], matrix.shape[1], left=left)
            fill(ws, blocks[block_name], lambda i, j, m=matrix: float(m[i, j]))
            left += matrix.shape[1] + 1
        return blocks

    p = example.projection
    weights = weight_sheet(SINGLE_HEAD_SHEET, "Learned projections (values: edit them too)",
                           "W_Q and W_K (d × d_k) decide what is compared; W_V (d × d_v) what is passed on.",
                           dims, _head_blocks(p))
    write_example_values(example, weight_sheet, sheet)

    for number, sentence in enumerate(example.sentences, 1):
        toks = list(sentence)
        n = len(toks)

        def step(name, title, note, cols, formula, rows=None):
            ws = sheet(f"{number} {name}", f"Sentence {number} ({' '.join(toks)}): {title}", note, rows or toks, cols)
            block = _Block(f"{number} {name}", n, len(cols))
            fill(ws, block, formula)
            return ws, block

        _, x = step("Input", "input X", "Each row is its token's row of the embedding table.", dims,
                    lambda i, j: f"=Embeddings!{table.cell(token_row[toks[i]], j, True)}")
        attention_steps(step, x, x, x, toks, "", "X·Xᵀ", dims)
        _, q = step("Q", "Q = X·W_Q", "", [f"q{j + 1}" for j in range(p.w_q.shape[1])],
                    lambda i, j: f"=INDEX(MMULT({x.ref()},{weights['W_Q'].ref()}),{i + 1},{j + 1})")
        _, k = step("K", "K = X·W_K", "", [f"k{j + 1}" for j in range(p.w_k.shape[1])],
                    lambda i, j: f"=INDEX(MMULT({x.ref()},{weights['W_K'].ref()}),{i + 1},{j + 1})")
        _, v = step("V", "V = X·W_V", "", [f"v{j + 1}" for j in range(p.w_v.shape[1])],
                    lambda i, j: f"=INDEX(MMULT({x.ref()},{weights['W_V'].ref()}),{i + 1},{j + 1})")
        attention_steps(step, q, k, v, toks, "QK ", "Q·Kᵀ", [f"v{j + 1}" for j in range(p.w_v.shape[1])])

    book.save(path)


def _numbered(prefix: str, count: int) -> list:
    return [f"{prefix}{j + 1}" for j in range(count)]


def _head_blocks(head, prefix: str = "") -> list:
    """[(block name, matrix, column labels)] of one head's W_Q, W_K, W_V."""
    return [(f"{prefix}{name}", matrix, _numbered(MATRIX_COLUMNS[name], matrix.shape[1]))
            for name, matrix in (("W_Q", head.w_q), ("W_K", head.w_k), ("W_V", head.w_v))]


def write_example_values(example: Example, weight_sheet, sheet) -> None:
    """The rest of the example as values, so the workbook is a complete example file: the heads'
    weights, W_O (the identity when the example has none: the same output), the name, the focus
    word, the seed and the sentences."""
    dims = list(example.dims)
    weight_sheet(HEADS_SHEET, "Multi-head projections (values)",
                 "Each head has its own W_Q, W_K (d × d_k) and W_V (d × d_v).", dims,
                 [block for h, head in enumerate(example.heads, 1)
                  for block in _head_blocks(head, f"Head {h} ")])
    concat = [f"h{h}.{j + 1}" for h, head in enumerate(example.heads, 1) for j in range(head.w_v.shape[1])]
    w_o = example.w_o if example.w_o is not None else np.eye(len(concat))
    weight_sheet(OUTPUT_SHEET, "Output projection W_O (values)",
                 "Maps the heads' concatenated outputs (rows) to the output's columns.", concat,
                 [("W_O", w_o, dims if w_o.shape[1] == len(dims) else _numbered("o", w_o.shape[1]))])
    fields = [("name", example.name), ("focus", example.focus), ("seed", example.seed)]
    fields += [(f"sentence {k}", " ".join(s)) for k, s in enumerate(example.sentences, 1)]
    ws = sheet(EXAMPLE_SHEET, "The example: name, focus word, seed and sentences",
               "Tokens separated by spaces. The sentence sheets were built for these sentences: export again after a change.",
               [label for label, _ in fields], [])
    for i, (_, value) in enumerate(fields):
        if isinstance(value, str):
            text_cell(ws, FIRST_ROW + i, FIRST_COL, value)  # text, even when it starts with '=': never a formula
        else:
            ws.cell(row=FIRST_ROW + i, column=FIRST_COL, value=value)
    ws.column_dimensions[_col(FIRST_COL)].width = 40


def attention_steps(step, q: _Block, k: _Block, v: _Block, toks, prefix: str, product: str, out_cols) -> dict:
    """Scores, scaled, softmax weights (+ row sums) and output sheets, all formulas."""
    _, raw = step(f"{prefix}Scores", f"Scores = {product} (rows = queries, columns = keys)",
                  "Each cell: the dot product of its row's query with its column's key.", toks,
                  lambda i, j: f"=INDEX(MMULT({q.ref()},TRANSPOSE({k.ref()})),{i + 1},{j + 1})")
    width = f"COLUMNS({_quote(q.sheet)}!{q.row_ref(0)})"
    ws, scaled = step(f"{prefix}Scaled", "Scaled = Scores / √d_k", "d_k is the width of the queries and keys.", toks,
                      lambda i, j: f"={_quote(raw.sheet)}!{raw.cell(i, j)}/SQRT({width})")
    src = _quote(scaled.sheet)

    def softmax(i, j):
        row = f"{src}!{scaled.row_ref(i)}"
        # subtracting the row maximum changes nothing but keeps EXP from overflowing
        return f"=EXP({src}!{scaled.cell(i, j)}-MAX({row}))/SUMPRODUCT(EXP({row}-MAX({row})))"

    ws, weights = step(f"{prefix}Softmax", "Attention weights = softmax of each row",
                       "Each row sums to 1: how much that word listens to every word.", toks, softmax)
    sum_col = weights.left + weights.cols
    ws.cell(row=weights.top - 1, column=sum_col, value="row sum")
    for i in range(weights.rows):
        ws.cell(row=weights.top + i, column=sum_col, value=f"=SUM({weights.row_ref(i)})").number_format = "0.00"
    _, out = step(f"{prefix}Output", "Output = Attention · V", "Each row: a weighted average of the value rows.", out_cols,
                  lambda i, j: f"=INDEX(MMULT({weights.ref()},{v.ref()}),{i + 1},{j + 1})")
    return {"scores": raw, "scaled": scaled, "weights": weights, "output": out}
