"""Self-attention math for the explainer: pure numpy, no manim. Scenes only display what this returns."""

from .core import (
    AttentionTrace, HeadWeights, MultiHeadTrace, apply_mask, attend, causal_mask, concat_heads,
    multi_head_attention, project, row_sums, scale, scale_factor, scores, self_attention, softmax,
)
from .errors import ExampleError
from .example import Example, load_example, seeded_matrix
from .report import SentenceTraces, document, format_number, parse_number, text_report, trace_example, trace_sentence

__all__ = [
    "AttentionTrace", "HeadWeights", "MultiHeadTrace", "apply_mask", "attend", "causal_mask", "concat_heads",
    "multi_head_attention", "project", "row_sums", "scale", "scale_factor", "scores", "self_attention", "softmax",
    "ExampleError", "Example", "load_example", "seeded_matrix",
    "SentenceTraces", "document", "format_number", "parse_number", "text_report", "trace_example", "trace_sentence",
]
