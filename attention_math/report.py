"""How `render.py numbers` prints every trace: the JSON document (a stable format other tools read)
and readable terminal tables.
"""

from __future__ import annotations

from typing import Optional

import numpy as np

from .core import AttentionTrace
from .example import Example
from .formatting import format_number
from .trace import trace_example


def _m(a: Optional[np.ndarray]) -> list:
    return np.asarray(a, dtype=float).tolist()


def _trace_json(t: AttentionTrace, with_weights: bool) -> dict:
    doc = {}
    if with_weights:
        doc.update(w_q=_m(t.w_q), w_k=_m(t.w_k), w_v=_m(t.w_v))
    for key in ("q", "k", "v", "scores", "scaled", "weights", "output"):
        doc[key] = _m(getattr(t, key))
    return doc


def document(example: Example, traces: Optional[tuple] = None) -> dict:
    """The JSON document described in the README (keep it stable: other tools read it)."""
    traces = traces if traces is not None else trace_example(example)
    return {
        "example": example.name,
        "dims": list(example.dims),
        "focus": example.focus,
        "sentences": [
            {
                "tokens": list(s.tokens),
                "input": _m(s.input),
                "simple": _trace_json(s.simple, with_weights=False),
                "projected": _trace_json(s.projected, with_weights=True),
                "multi_head": {
                    "heads": [_trace_json(h, with_weights=True) for h in s.multi_head.heads],
                    "concat": _m(s.multi_head.concat),
                    "w_o": _m(s.multi_head.w_o),
                    "output": _m(s.multi_head.output),
                },
            }
            for s in traces
        ],
    }


def table(title: str, matrix: np.ndarray, row_labels, col_labels, decimals: int = 2) -> str:
    """A plain-text table with labelled rows and columns, numbers right-aligned."""
    cells = [[format_number(v, decimals) for v in row] for row in np.asarray(matrix)]
    col_labels = [str(c) for c in col_labels]
    row_labels = [str(r) for r in row_labels]
    first = max([len(r) for r in row_labels] + [1])
    widths = [max([len(c)] + [len(row[j]) for row in cells]) for j, c in enumerate(col_labels)]
    lines = [title, " " * first + "  " + "  ".join(c.rjust(w) for c, w in zip(col_labels, widths))]
    for label, row in zip(row_labels, cells):
        lines.append(label.ljust(first) + "  " + "  ".join(v.rjust(w) for v, w in zip(row, widths)))
    return "\n".join(lines)


def text_report(example: Example, traces: Optional[tuple] = None) -> str:
    """Every step as terminal tables, in the article's order."""
    traces = traces if traces is not None else trace_example(example)
    dims = list(example.dims)
    out = [f"{example.name}  (d = {example.d}, focus: {example.focus})", ""]
    tokens = list(example.embeddings)
    out += [table("Embedding table (one row per token)", np.array([example.embeddings[t] for t in tokens]), tokens, dims), ""]

    def idx(prefix: str, n: int) -> list:
        return [f"{prefix}{i + 1}" for i in range(n)]

    for number, s in enumerate(traces, 1):
        toks = list(s.tokens)
        head = f"=== Sentence {number}: {' '.join(toks)}"
        out += [head, ""]
        t = s.simple
        out += [table("Input X (rows = tokens)", s.input, toks, dims), ""]
        out += [table("Scores = X·Xᵀ (rows = queries, columns = keys)", t.scores, toks, toks), ""]
        out += [table(f"Scaled = Scores / √{t.d_k}", t.scaled, toks, toks), ""]
        out += [table("Attention weights = softmax of each row (each row sums to 1)", t.weights, toks, toks), ""]
        out += [table("Output = Attention · V  (V = X)", t.output, toks, dims), ""]

        p = s.projected
        out += [f"--- Learned projections: d = {example.d}, d_k = {p.d_k}, d_v = {p.d_v}", ""]
        out += [table("W_Q", p.w_q, dims, idx("k", p.d_k)), "", table("W_K", p.w_k, dims, idx("k", p.d_k)), ""]
        out += [table("W_V", p.w_v, dims, idx("v", p.d_v)), ""]
        out += [table("Q = X·W_Q", p.q, toks, idx("k", p.d_k)), "", table("K = X·W_K", p.k, toks, idx("k", p.d_k)), ""]
        out += [table("V = X·W_V", p.v, toks, idx("v", p.d_v)), ""]
        out += [table(f"Attention weights = softmax(Q·Kᵀ / √{p.d_k})", p.weights, toks, toks), ""]
        out += [table(f"Output = Attention · V  (n × {p.d_v})", p.output, toks, idx("v", p.d_v)), ""]

        m = s.multi_head
        out += [f"--- Multi-head attention: {len(m.heads)} heads", ""]
        for h, ht in enumerate(m.heads, 1):
            out += [table(f"Head {h} attention weights (d_k = {ht.d_k})", ht.weights, toks, toks), ""]
            out += [table(f"Head {h} output (d_v = {ht.d_v})", ht.output, toks, idx(f"h{h}.", ht.d_v)), ""]
        concat_cols = [f"h{h}.{j + 1}" for h, ht in enumerate(m.heads, 1) for j in range(ht.d_v)]
        out += [table("Concatenation of the heads", m.concat, toks, concat_cols), ""]
        out_cols = dims if m.output.shape[1] == example.d else idx("o", m.output.shape[1])
        out += [table("W_O", m.w_o, concat_cols, out_cols), ""]
        out += [table("Multi-head output = Concat · W_O", m.output, toks, out_cols), ""]
    return "\n".join(out).rstrip() + "\n"
