"""Text from files and the command line, made safe to accept and to show.

Labels (tokens, dims, the name, the focus word) reach terminal tables, spreadsheets, Pango text
and subtitles, so characters that steer a terminal or reorder displayed text are refused in
them. Anything quoted in a message is shown escaped and cut short, never as raw input.
"""

from __future__ import annotations

import reprlib
import unicodedata
from typing import Any, Optional

SHOWN_CHARS = 60  # a quoted value never takes more of a message than this

# Bidirectional embeddings, overrides, isolates and marks reorder how text is displayed (the
# "Trojan Source" trick): a label could read as another. Unicode category Cf, listed one by one
# because the rest of Cf (e.g. the zero-width joiner inside emoji) is legitimate text.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Cc: C0 (NUL, tab, newline, ESC …), DEL and C1 (CSI, OSC …); Cs: lone surrogates, which are not
# text and cannot be printed as UTF-8; Zl/Zp: line and paragraph separators (a second line).
REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def is_unsafe(char: str) -> bool:
    return char in BIDI_CONTROLS or unicodedata.category(char) in REFUSED_CATEGORIES


def first_unsafe(text: str) -> Optional[str]:
    """The first character of `text` that a label must not contain, or None."""
    return next((c for c in text if is_unsafe(c)), None)


def code_point(char: str) -> str:
    """U+001B: how a message names a character it must not print."""
    return f"U+{ord(char):04X}"


def escaped(text: str) -> str:
    """`text` with every unsafe character written as a Python escape (\\x1b, \\n, \\u202e)."""
    if first_unsafe(text) is None:
        return text
    return "".join(c.encode("unicode_escape", "backslashreplace").decode("ascii") if is_unsafe(c) else c
                   for c in text)


def cut(text: str, limit: int) -> str:
    """At most `limit` characters: longer text ends in '…'."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


class _BoundedRepr(reprlib.Repr):
    """repr() whose work and length are bounded, even for deep, wide or huge values."""

    def __init__(self):
        super().__init__()  # keyword arguments only from Python 3.12
        self.maxlevel, self.maxtuple, self.maxlist, self.maxdict, self.maxset, self.maxfrozenset = 3, 6, 6, 4, 4, 4
        self.maxstring = self.maxlong = self.maxother = SHOWN_CHARS

    def repr_int(self, value, level):
        if value.bit_length() > 4 * SHOWN_CHARS:  # repr() of a 5000-digit integer raises; never needed whole
            return f"<an integer of about {value.bit_length() * 30103 // 100000} digits>"
        return super().repr_int(value, level)


_REPR = _BoundedRepr()


def shown(value: Any, limit: int = SHOWN_CHARS) -> str:
    """How a message quotes a value from the input: strings as they are, anything else as a
    bounded repr; escaped, and cut to `limit` characters."""
    text = value if isinstance(value, str) else _REPR.repr(value)
    return cut(escaped(text[: limit + 1]), limit)
