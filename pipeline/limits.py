"""What the scenes can draw legibly at 480p. Checked before any rendering starts (no manim import)."""

from __future__ import annotations

from attention_math import Example, ExampleError
from attention_math.loader import MAX_WIDTH
from attention_math.safe_text import shown

MAX_TOKENS = 8        # per sentence: an 8×8 matrix is the largest whose numbers stay readable
MAX_DIMS = 8
MAX_HEADS = 4
MAX_SENTENCES = 2     # the scenes compare two contexts side by side
MAX_TOKEN_CHARS = 20  # longer labels are shrunk to fit; past this they would be unreadable


def check_drawable(example: Example, scene: str | None = None, sentences_given: bool = False) -> None:
    """Raise ExampleError naming the limit when the example cannot be drawn legibly.
    sentences_given: the sentences came from --sentence, so errors about them name that option."""
    src = example.source
    sentences_src, sentences_field = ("--sentence", "count") if sentences_given else (src, "sentences")
    if example.d > MAX_DIMS:
        raise ExampleError(src, "dims", f"{example.d} dimensions, the scenes draw at most {MAX_DIMS}",
                           f"keep {MAX_DIMS} or fewer dims (render.py numbers prints up to {MAX_WIDTH})")
    if len(example.sentences) > MAX_SENTENCES:
        raise ExampleError(sentences_src, sentences_field,
                           f"{len(example.sentences)} sentences, the scenes draw at most {MAX_SENTENCES}",
                           "keep two sentences, or pass two with --sentence")
    for i, sentence in enumerate(example.sentences):
        field = f"sentence {i + 1}" if sentences_given else f"sentences[{i}]"
        if len(sentence) > MAX_TOKENS:
            raise ExampleError(sentences_src, field, f"{len(sentence)} tokens, the scenes draw at most {MAX_TOKENS}",
                               f"shorten the sentence to {MAX_TOKENS} tokens or fewer")
        for token in sentence:
            if len(token) > MAX_TOKEN_CHARS:
                raise ExampleError(sentences_src, field,
                                   f"token '{shown(token, 30)}' has {len(token)} characters, at most {MAX_TOKEN_CHARS} fit a label",
                                   "use a shorter token")
    if len(example.heads) > MAX_HEADS:
        raise ExampleError(src, "heads", f"{len(example.heads)} heads, the scenes draw at most {MAX_HEADS}",
                           f"use --heads {MAX_HEADS} or fewer")
    for h, head in enumerate(example.heads):
        if max(head.w_q.shape[1], head.w_v.shape[1]) > MAX_DIMS:
            raise ExampleError(src, f"heads[{h}]", f"a head wider than {MAX_DIMS}", f"keep d_k and d_v at {MAX_DIMS} or less")
    p = example.projection
    if max(p.w_q.shape[1], p.w_v.shape[1]) > MAX_DIMS:
        raise ExampleError(src, "w_q/w_v", f"d_k or d_v wider than {MAX_DIMS}", f"keep d_k and d_v at {MAX_DIMS} or less")
    if scene == "contexts" and len(example.focus_sentences()) < 2:
        raise ExampleError(src, "sentences", f"the contexts scene needs two sentences containing '{example.focus}'",
                           "give two sentences that share the focus word")
