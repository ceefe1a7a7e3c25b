"""The explainer's scenes in order. Plain data, no manim import, so `render.py list` is instant."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SceneInfo:
    name: str          # what `render.py scene NAME` takes
    module: str        # scenes/<module>.py
    class_name: str    # the Scene subclass in it
    summary: str       # one line for `render.py list`
    chapter: str       # the chapter title in the joined video
    weights: tuple = ()  # learned weights it draws ("projection", "heads"): part of its cache key


SCENES = (
    SceneInfo("embeddings", "embeddings", "EmbeddingsScene", "The embedding table: one fixed vector per token; mouse is both animal and tech", "The embedding table"),
    SceneInfo("scores", "scores", "ScoresScene", "Scores = Input × Inputᵀ: every word compared with every word by dot products", "Scores = Input × Inputᵀ"),
    SceneInfo("scaling", "scaling", "ScalingScene", "Divide by √d so the softmax is not too sharp", "Scaling by √d"),
    SceneInfo("softmax", "softmax", "SoftmaxScene", "Row-wise softmax: the attention matrix, each row sums to 1", "Row-wise softmax"),
    SceneInfo("output", "output", "OutputScene", "Output = Attention × V: each output row is a weighted average of value rows", "Output = Attention × V"),
    SceneInfo("contexts", "contexts", "ContextsScene", "Two contexts: one input vector for mouse, two different outputs", "Two contexts"),
    SceneInfo("projections", "projections", "ProjectionsScene", "Learned projections Q = X·W_Q, K = X·W_K, V = X·W_V", "Learned projections", ("projection",)),
    SceneInfo("dimensions", "dimensions", "DimensionsScene", "Changing dimensionality: d_k and d_v need not equal d", "Changing dimensionality", ("projection",)),
    SceneInfo("multihead", "multihead", "MultiHeadScene", "Multi-head attention: heads in subspaces, concatenated, then × W_O", "Multi-head attention", ("heads",)),
    SceneInfo("causal", "causal", "CausalScene", "Beyond the article: the causal mask of a decoder", "The causal mask"),
)

BY_NAME = {s.name: s for s in SCENES}


def scene_class(info: SceneInfo):
    """The Scene subclass (imports its module, and so manim)."""
    import importlib

    return getattr(importlib.import_module(f"scenes.{info.module}"), info.class_name)
