"""Every computation of an example, one frozen trace per sentence (what scenes display)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .core import AttentionTrace, MultiHeadTrace, multi_head_attention, self_attention
from .example import Example


@dataclass(frozen=True)
class SentenceTraces:
    """All computations for one sentence: simplified (Q = K = V = input), one learned head,
    the same learned head divided by the input's √d instead of √d_k (projected_at_d: what the
    projections alone change), multi-head, and the causal (masked) variant of the simplified pass."""

    tokens: tuple
    input: np.ndarray
    simple: AttentionTrace
    projected: AttentionTrace
    projected_at_d: AttentionTrace
    multi_head: MultiHeadTrace
    causal: AttentionTrace


def trace_sentence(example: Example, index: int) -> SentenceTraces:
    tokens = example.sentences[index]
    x = example.input_matrix(tokens)
    p = example.projection
    simple = self_attention(x)
    return SentenceTraces(
        tokens=tokens,
        input=simple.input,
        simple=simple,
        projected=self_attention(x, p.w_q, p.w_k, p.w_v),
        projected_at_d=self_attention(x, p.w_q, p.w_k, p.w_v, scale_width=example.d),
        multi_head=multi_head_attention(x, example.heads, example.w_o),
        causal=self_attention(x, causal=True),
    )


def trace_example(example: Example) -> tuple:
    return tuple(trace_sentence(example, i) for i in range(len(example.sentences)))
