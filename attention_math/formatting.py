"""How every number is written, on screen and in the terminal (and read back by the tests)."""

from __future__ import annotations

import numpy as np


def format_number(value: float, decimals: int = 2) -> str:
    """How every number is written, on screen and in the terminal: fixed decimals, a true minus
    sign, −∞ for masked scores, and no '−0.00'."""
    if np.isneginf(value):
        return "−∞"
    if np.isposinf(value):
        return "∞"
    text = f"{value:.{decimals}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return text.replace("-", "−")


def parse_number(text: str) -> float:
    """Inverse of format_number (tests read numbers back from the screen with it)."""
    text = text.strip().replace("−", "-")
    if text in ("-∞", "∞"):
        return -np.inf if text.startswith("-") else np.inf
    return float(text)
