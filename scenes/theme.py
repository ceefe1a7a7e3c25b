"""One place for colours and fonts. Every colour means the same thing in every scene:

- the value scale: cell fills, blue for positive, red for negative, strength = |value|;
- query (gold), key (teal), value (violet), output (green): titles, labels and borders of those matrices;
- focus (pink): the word the explainer follows (mouse);
- animal and tech: the two meaning dimensions the story is about;
- heads (olive, indigo, plum, brown): one colour per attention head in multi-head attention, hues
  no other role uses (a head drawn gold or teal would read as a query or a key).

No manim import here, so render.py can validate a theme name without loading manim. Adding a theme
means adding one Theme to THEMES: the command line, messages and the slide deck take it from there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

MAX_FILL_OPACITY = 0.8  # a cell fill's opacity at full strength (numbers stay readable on it)
FONT = "DejaVu Sans"  # one family for all text; the scenes use Pango text only (no LaTeX), fast and parallel-safe


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    text: str          # main text and numbers
    muted: str         # secondary text (labels, captions)
    grid: str          # cell borders
    positive: str
    negative: str
    query: str
    key: str
    value: str
    output: str
    focus: str
    animal: str
    tech: str
    heads: tuple        # head 1, head 2, …: the multi-head scene's colour per head (cycled)
    dim_opacity: float  # how far the rest is dimmed when the eye must go somewhere
    reveal_theme: str   # the slide deck's reveal.js theme with the same background

    def value_fill(self, value: float, scale: float) -> tuple:
        """(colour, opacity) of a cell holding `value` on a scale whose strongest value is `scale`."""
        strength = 0.0 if scale <= 0 else min(abs(value) / scale, 1.0)
        colour = self.positive if value >= 0 else self.negative
        return colour, 0.12 + (MAX_FILL_OPACITY - 0.12) * strength if strength > 0 else 0.0


DARK = Theme(
    name="dark", background="#101218", text="#ECEFF4", muted="#9AA3B2", grid="#3B4252",
    positive="#3D7DD8", negative="#D8503F",
    query="#F2C230", key="#2EC4B6", value="#B084F5", output="#7BCB5C",
    focus="#FF6FB5", animal="#F39C5A", tech="#56B4F0",
    heads=("#C3D94A", "#8C96FF", "#E36FE3", "#D9A37A"), dim_opacity=0.25, reveal_theme="black",
)

# For projectors and print: white background, darker hues that keep their contrast (each text
# colour at least 4.5:1 on white).
LIGHT = Theme(
    name="light", background="#FFFFFF", text="#1B1F27", muted="#5B6472", grid="#C5CAD3",
    positive="#2F6FD0", negative="#D34435",
    query="#906909", key="#0D8075", value="#7A4FD0", output="#377E25",
    focus="#D6307F", animal="#B15919", tech="#1D77B5",
    heads=("#66731A", "#4348C8", "#A03AA0", "#8A5530"), dim_opacity=0.2, reveal_theme="white",
)

THEMES = {"dark": DARK, "light": LIGHT}

# The colours words and numbers are written in. Each must reach WCAG AA (4.5:1) against the
# background, and the text colour must reach it on the strongest cell fill (tests/test_theme.py).
# The head colours (Theme.heads) are text colours too: the same rule holds for each.
TEXT_ROLES = ("text", "muted", "query", "key", "value", "output", "focus", "animal", "tech")


def theme_named(name: str | None = None) -> Theme:
    """The theme by name; default from ATTENTION_THEME (so the plain manim CLI can pick one), else dark."""
    name = name or os.environ.get("ATTENTION_THEME", "dark")
    if name not in THEMES:
        raise ValueError(f"unknown theme '{name}': use {' or '.join(THEMES)}")
    return THEMES[name]
