"""What the narrator says: a caption as it is spoken, and the record of each spoken cue.

Captions are written for the eye ("√d_k", "mouse·cat = 2.42", "5 × 4"); a voice needs words
("the square root of d k", "mouse dot cat equals two point four two", "five by four"). `spoken`
turns one into the other. It lives with the scenes, not in attention_math (which decides *what*
the narration claims) and not in the pipeline, because how a caption is said is presentation, as
its layout is: it sets how long each stretch of a clip lasts, so it joins the scenes' cache key
(pipeline.cache hashes every scenes/ module a scene imports). No manim import: the pipeline and
the tests use it without loading manim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

WORDS_PER_SECOND = 2.6  # a calm reading pace: how long a caption stays up when nothing is spoken
READING_PAUSE = 0.6     # seconds added to every caption's reading time

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SUBSCRIPTS = str.maketrans({"₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7",
                             "₈": "8", "₉": "9", "ₖ": "k", "ₒ": "o", "ᵥ": "v", "ₙ": "n", "ᵢ": "i", "ⱼ": "j"})
# Symbols read as words, after the rules that need the symbol's context (×, ᵀ, minus signs).
_SYMBOLS = (("−∞", " minus infinity "), ("∞", " infinity "), ("√", " the square root of "), ("Σ", " the sum "),
            ("·", " dot "), ("≠", " is not equal to "), ("≈", " is about "), ("=", " equals "), ("+", " plus "),
            ("÷", " divided by "), ("→", " to "))


def reading_time(caption: str) -> float:
    """How long a caption stays up to be read (the pacing without a voice)."""
    return READING_PAUSE + len(caption.split()) / WORDS_PER_SECOND


def integer_words(n: int) -> str:
    """0 -> 'zero', 42 -> 'forty-two', 1300 -> 'one thousand three hundred'; past a million, digits."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return _ONES[n // 100] + " hundred" + (" " + integer_words(n % 100) if n % 100 else "")
    if n < 1_000_000:
        return integer_words(n // 1000) + " thousand" + (" " + integer_words(n % 1000) if n % 1000 else "")
    return " ".join(_ONES[int(d)] for d in str(n))


def number_words(text: str) -> str:
    """A number as a teacher reads it: '2.42' -> 'two point four two', '0.10' -> 'zero point one'
    (trailing zeros are not read), '2.00' -> 'two'."""
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    words = integer_words(int(whole))
    return words + (" point " + " ".join(_ONES[int(d)] for d in fraction) if fraction else "")


def _lower_matrix_name(match: re.Match) -> str:
    """'Input' next to × or ᵀ is a matrix's name, read as a word ('input'); 'Q' stays a letter."""
    return match.group(0).lower()


def _speak_notation(text: str) -> str:
    """Symbols and numbers of one stretch of caption text (no example tokens in it) as words."""
    text = text.translate(_SUBSCRIPTS)
    text = re.sub(r"[A-Z][a-z]+(?=\s*[×ᵀ])", _lower_matrix_name, text)
    text = re.sub(r"(?<=×)\s*[A-Z][a-z]+", _lower_matrix_name, text)
    text = text.replace("ᵀ", " transpose ")
    # a shape: whole numbers either side of × ("5 × 4": five by four); otherwise a product
    text = re.sub(r"(?<![\d.])(\d+)\s*×\s*(\d+)(?![\d.])", r"\1 by \2", text)
    text = text.replace("×", " times ")
    text = re.sub(r"(?<=[A-Za-z])_(?=[A-Za-z0-9])", " ", text)  # W_Q: "W Q", d_k: "d k"
    for symbol, words in _SYMBOLS:
        text = text.replace(symbol, words)
    # a minus sign: the true one (U+2212) anywhere, a hyphen only where no word or number precedes it
    text = re.sub(r"−\s*(?=\d)|(?:^|(?<=[\s(]))-(?=\d)", " minus ", text)
    text = re.sub(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![\d])", lambda m: number_words(m.group(0)), text)
    return text


def spoken(caption: str, keep: Iterable[str] = ()) -> str:
    """A caption as the voice should say it. Words in `keep` (the example's tokens, in any
    script: 猫, w1, C++) are passed through untouched; everything else has its notation and
    numbers read out, as in the cases of tests/test_voice.py."""
    tokens = sorted({t for t in keep if t}, key=len, reverse=True)
    pieces = [caption]
    if tokens:
        pattern = r"(?<!\w)(" + "|".join(re.escape(t) for t in tokens) + r")(?!\w)"
        pieces = re.split(pattern, caption)  # odd pieces are the tokens themselves
    text = "".join(piece if k % 2 else _speak_notation(piece) for k, piece in enumerate(pieces))
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+([,.;:!?])", r"\1", text)


@dataclass(frozen=True)
class Cue:
    """One stretch of narration in a clip, as the scene recorded it while it played."""

    id: str                       # "<scene>.<step>.<n>": stable; a recording for it is <id>.wav
    start: float                  # seconds into the clip
    duration: float               # how long it is spoken; without a voice, how long its caption stays up
    text: str                     # as spoken
    caption: str                  # as shown
    budget: float                 # how long the picture gives it without a voice (the script's time)
    audio: Optional[str] = None   # the speech (a WAV file); None when nothing is said
    source: str = ""              # who says it: the voice's name, "recording", or "" (silent)
