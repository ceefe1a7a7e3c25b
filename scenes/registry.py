"""The explainer's scenes in order. Plain data, no manim import, so `render.py list` is instant."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SceneInfo:
    name: str          # what `render.py scene NAME` takes
    module: str        # scenes/<module>.py
    class_name: str    # the Scene subclass in it
    summary: str       # one line for `render.py list`


SCENES = (
    SceneInfo("embeddings", "embeddings", "EmbeddingsScene", "The embedding table: one fixed vector per token; mouse is both animal and tech"),
    SceneInfo("scores", "scores", "ScoresScene", "Scores = Input × Inputᵀ: every word compared with every word by dot products"),
    SceneInfo("scaling", "scaling", "ScalingScene", "Divide by √d so the softmax is not too sharp"),
    SceneInfo("softmax", "softmax", "SoftmaxScene", "Row-wise softmax: the attention matrix, each row sums to 1"),
    SceneInfo("output", "output", "OutputScene", "Output = Attention × V: each output row is a weighted average of value rows"),
    SceneInfo("contexts", "contexts", "ContextsScene", "Two contexts: one input vector for mouse, two different outputs"),
    SceneInfo("projections", "projections", "ProjectionsScene", "Learned projections Q = X·W_Q, K = X·W_K, V = X·W_V"),
    SceneInfo("dimensions", "dimensions", "DimensionsScene", "Changing dimensionality: d_k and d_v need not equal d"),
    SceneInfo("multihead", "multihead", "MultiHeadScene", "Multi-head attention: heads in subspaces, concatenated, then × W_O"),
    SceneInfo("causal", "causal", "CausalScene", "Beyond the article: the causal mask of a decoder"),
)

BY_NAME = {s.name: s for s in SCENES}
