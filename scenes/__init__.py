"""The explainer's scenes (manim code only). ORDER is the explainer's order: a scene's chapter
number is its position here. Each module holds one ExplainerScene subclass that declares its
name, chapter title, one-line summary and the learned weights it draws (`needs`).

Adding a scene: write scenes/<name>.py with its class, and put <name> in ORDER.
This file imports nothing, so `render.py list` stays instant.
"""

ORDER = (
    "embeddings",
    "scores",
    "scaling",
    "softmax",
    "output",
    "contexts",
    "projections",
    "dimensions",
    "multihead",
    "causal",
)

# The section in which a scene turns its last picture into the next scene's first (scenes.handoff):
# part of the clip and the explainer, not a step, so the decks leave it out.
HAND_OVER_SECTION = "hand_over"
