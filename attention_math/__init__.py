"""Self-attention math for the explainer: pure numpy, no manim. Scenes only display what this returns.

Modules: core (the steps), trace (one frozen trace per computation), breakdown (the terms of a
worked cell), story (what narration may claim), formatting (how numbers are written), example
(the data) and loader (reading it from files), report and workbook (`render.py numbers`).
Scenes import from the modules themselves, so a clip's cache key covers only the code it runs.
"""

from .core import (
    AttentionTrace, HeadWeights, MultiHeadTrace, apply_mask, attend, causal_mask, concat_heads,
    multi_head_attention, project, row_sums, scale, scale_factor, scores, self_attention, softmax,
)
from .errors import ExampleError
from .example import Example
from .formatting import format_number, parse_number
from .loader import load_example, seeded_matrix
from .report import document, text_report
from .trace import SentenceTraces, trace_example, trace_sentence

__all__ = [
    "AttentionTrace", "HeadWeights", "MultiHeadTrace", "apply_mask", "attend", "causal_mask", "concat_heads",
    "multi_head_attention", "project", "row_sums", "scale", "scale_factor", "scores", "self_attention", "softmax",
    "ExampleError", "Example", "load_example", "seeded_matrix",
    "SentenceTraces", "document", "format_number", "parse_number", "text_report", "trace_example", "trace_sentence",
]
