"""How every number is written, on screen and in the terminal (and read back by the tests)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

import numpy as np


def listed(words) -> str:
    """'a', 'a and b', 'a, b and c': names as a sentence lists them."""
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def format_number(value: float, decimals: int = 2) -> str:
    """How every number is written, on screen and in the terminal: fixed decimals, a true minus
    sign, −∞ for masked scores, and no '−0.00'."""
    if np.isneginf(value):
        return "−∞"
    if np.isposinf(value):
        return "∞"
    if np.isnan(value):
        return "—"  # no such number (a shadow on a zero vector)
    # half up, from the shortest decimal that is the float (0.845 -> 0.85, as by hand; the
    # float nearest 0.845 lies below it, and f"{:.2f}" gives 0.84)
    with localcontext() as context:
        context.prec = 400  # any float's digits (up to 1.8e308)
        text = f"{Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-int(decimals)), rounding=ROUND_HALF_UP):f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return text.replace("-", "−")


def parse_number(text: str) -> float:
    """Inverse of format_number (tests read numbers back from the screen with it)."""
    text = text.strip().replace("−", "-")
    if text == "—":
        return float("nan")
    if text in ("-∞", "∞"):
        return -np.inf if text.startswith("-") else np.inf
    return float(text)


# -- worked sums that add up as written ------------------------------------------------------------

WORKED_DECIMALS = (2, 3, 4)  # tables show 2; a worked sum shows more only where 2 would not add up


def written(value: float, decimals: int) -> int:
    """`value` as format_number writes it, counted in units of its last decimal (so that sums of
    written numbers are exact: 1.11 + 0.05 is 116 hundredths, whatever the floats say)."""
    return round(parse_number(format_number(value, decimals)) * 10 ** decimals)


def sum_as_written(terms, running, decimals: int) -> bool:
    """Does each running total, as written, equal the one before plus its term, as written?
    running[k] = terms[0] + … + terms[k] (elementwise for rows of terms)."""
    as_written = np.vectorize(written)
    terms = as_written(np.asarray(terms, dtype=float), decimals)
    running = as_written(np.asarray(running, dtype=float), decimals)
    before = np.concatenate([np.zeros_like(running[:1]), running[:-1]])  # the total each term is added to
    return bool(np.array_equal(before + terms, running))


def product_as_written(a: float, b: float, product: float, decimals: int) -> bool:
    """Is `product`, as written, a correct rounding of the exact product of a and b as written?"""
    exact = written(a, decimals) * written(b, decimals)  # in units of 10^-(2·decimals)
    return abs(exact - written(product, decimals) * 10 ** decimals) <= 10 ** decimals / 2


def shortest(value: float, decimals: int, least: int = 2) -> str:
    """`value` written with `decimals` decimals, or with `least` if that writes the same number
    (1.10, not 1.100, beside a worked −0.495)."""
    least = min(least, decimals)
    if not np.isfinite(value):
        return format_number(value, decimals)
    return format_number(value, least if written(value, decimals) == written(value, least) * 10 ** (decimals - least)
                         else decimals)


def factor_decimals(a: float, b: float, product: float, decimals: int = 2) -> int:
    """How many decimals the factors of "a × b = product" are written with, the product keeping
    `decimals`: the fewest at which the factors as written multiply to the product as written
    (1.28 × 1.90 = 2.43 ≠ 2.44; 1.284 × 1.90 = 2.44)."""
    def multiplies(d: int) -> bool:
        exact = written(a, d) * written(b, d)  # in units of 10^-(2d)
        return abs(exact - written(product, decimals) * 10 ** (2 * d - decimals)) <= 10 ** (2 * d - decimals) / 2
    return fewest_decimals(lambda d: d >= decimals and multiplies(d), most=3)


def scaling_factor_decimals(a: float, a_decimals: int, factor: float, product: float, decimals: int,
                            choices: tuple = (2, 3)) -> int | None:
    """How many decimals (the fewest of `choices`) a factor is written with in "a × factor =
    product", `a` keeping `a_decimals` and the product `decimals`, for the line to multiply as
    written (1.84 × 0.71 = 1.306 ≠ 1.30; 1.84 × 0.707 = 1.301 = 1.30); None if none does."""
    for d in choices:
        exact = written(a, a_decimals) * written(factor, d)  # in units of 10^-(a_decimals + d)
        unit = 10 ** (a_decimals + d - decimals)
        if abs(exact - written(product, decimals) * unit) <= unit / 2:
            return d
    return None


def fewest_decimals(adds_up, most: int = WORKED_DECIMALS[-1]) -> int:
    """The fewest of WORKED_DECIMALS (up to `most`) at which `adds_up(decimals)` holds; `most`
    if none does (past that the cells would not hold the numbers: the rounding then shows)."""
    return next((d for d in WORKED_DECIMALS if d <= most and adds_up(d)), most)

