"""Every text colour of every theme is readable: WCAG AA contrast (4.5:1) against the background,
and the text colour on the strongest cell fill, computed from scenes/theme.py."""

import pytest

from scenes.theme import MAX_FILL_OPACITY, TEXT_ROLES, THEMES


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour '#RRGGBB'."""
    channels = [int(hex_colour.lstrip("#")[k:k + 2], 16) / 255 for k in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(colour: str, background: str, opacity: float) -> str:
    mix = [round(opacity * int(colour[k:k + 2], 16) + (1 - opacity) * int(background[k:k + 2], 16)) for k in (1, 3, 5)]
    return "#" + "".join(f"{v:02x}" for v in mix)


def test_contrast_formula_hand_checked():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic just-failing grey


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=list(THEMES))
@pytest.mark.parametrize("role", TEXT_ROLES)
def test_text_colours_reach_aa_on_the_background(theme, role):
    assert contrast(getattr(theme, role), theme.background) >= 4.5


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=list(THEMES))
@pytest.mark.parametrize("fill", ["positive", "negative"])
def test_numbers_stay_readable_on_the_strongest_cell(theme, fill):
    colour, opacity = theme.value_fill(1.0 if fill == "positive" else -1.0, 1.0)
    assert opacity == pytest.approx(MAX_FILL_OPACITY)
    assert contrast(theme.text, blend(colour, theme.background, opacity)) >= 4.5


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=list(THEMES))
def test_head_colours_are_readable_and_mean_nothing_else(theme):
    """Heads are named and drawn in their own colours: readable text, distinct from each other and
    from every other role's colour (a gold or teal head would read as a query or a key)."""
    others = {getattr(theme, role) for role in TEXT_ROLES + ("positive", "negative")}
    assert len(theme.heads) >= 2 and len(set(theme.heads)) == len(theme.heads)
    for colour in theme.heads:
        assert contrast(colour, theme.background) >= 4.5
        assert colour not in others
