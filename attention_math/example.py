"""The example an explainer is rendered for: named dims, an embedding table, sentences, a focus
word and learned weights. Plain data; attention_math.loader reads it from files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Sequence

import numpy as np

from .core import HeadWeights


@dataclass(frozen=True)
class Example:
    name: str
    source: str
    dims: tuple
    embeddings: Mapping[str, np.ndarray]
    sentences: tuple  # of tuples of tokens
    focus: str
    seed: int
    projection: HeadWeights  # single learned head
    heads: tuple  # of HeadWeights
    w_o: Optional[np.ndarray]
    weights_from_seed: bool  # True when any weights were generated rather than read
    plane: Optional[tuple] = None  # the two dims the vector pictures draw, when the file names them

    @property
    def d(self) -> int:
        return len(self.dims)

    @property
    def tokens(self) -> tuple:
        return tuple(self.embeddings)

    def input_matrix(self, sentence: Sequence[str]) -> np.ndarray:
        """(n, d): the embedding row of each token of the sentence, in order."""
        return np.array([self.embeddings[t] for t in sentence], dtype=float)

    def focus_sentences(self) -> tuple:
        """Indices of the sentences that contain the focus word."""
        return tuple(i for i, s in enumerate(self.sentences) if self.focus in s)
