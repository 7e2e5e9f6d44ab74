"""WCAG contrast of the token pairs text and controls are drawn with, in both schemes.

Text needs 4.5:1 against what it sits on (1.4.3); the edges of controls, focus rings and
the dots that carry meaning need 3:1 (1.4.11). The values come from the stylesheet itself.
"""

from __future__ import annotations

import pytest

from tests.design.stylesheets import light_dark, tokens
from tests.design.test_tokens import MAIN

TOKENS = tokens(MAIN.read_text(encoding="utf-8"))

# (foreground, background) token pairs, each in the light and the dark scheme.
TEXT = [
    ("text", "bg"), ("text", "surface"), ("text", "accent-soft"),
    ("muted", "bg"), ("muted", "surface"), ("muted", "accent-soft"),
    ("accent", "bg"), ("accent", "surface"), ("accent", "accent-soft"),
    ("accent-text", "accent"),
    ("danger", "bg"), ("danger", "surface"),
    ("danger-text", "danger-bg"), ("help-text", "help-bg"),
    ("ok-text", "bg"), ("ok-text", "surface"),
    ("due-text", "bg"), ("due-text", "surface"),
    ("drift-text", "bg"), ("drift-text", "surface"),
    ("never-text", "bg"), ("never-text", "surface"),
    ("text", "line"),  # a band's name inside the check-in chart, on its darkest shading
]  # fmt: skip
CONTROLS = [
    ("control-line", "bg"), ("control-line", "surface"),
    ("accent", "bg"), ("accent", "surface"),
    ("danger-bg", "bg"), ("danger-bg", "surface"),
    ("help-bg", "bg"), ("help-bg", "surface"),
    ("focus", "bg"), ("focus", "surface"), ("focus", "accent-soft"),
    ("ok", "surface"), ("due", "surface"), ("drift", "surface"), ("never", "surface"),
    ("ok", "bg"), ("due", "bg"), ("drift", "bg"), ("never", "bg"),
]  # fmt: skip


def luminance(colour: str) -> float:
    """Relative luminance of a #rrggbb colour, as WCAG 2 defines it."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colour(name: str, scheme: str) -> str:
    light, dark = light_dark(TOKENS[f"--{name}"])
    return light if scheme == "light" else dark


def test_contrast_is_computed_as_wcag_says():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#fff", "#ffffff") == pytest.approx(1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("fg", "bg"), TEXT, ids=[f"{f} on {b}" for f, b in TEXT])
def test_text_is_at_least_4_5_to_1(scheme, fg, bg):
    ratio = contrast(colour(fg, scheme), colour(bg, scheme))
    assert ratio >= 4.5, f"{scheme}: --{fg} on --{bg} is {ratio:.2f}:1"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("fg", "bg"), CONTROLS, ids=[f"{f} on {b}" for f, b in CONTROLS])
def test_controls_are_at_least_3_to_1(scheme, fg, bg):
    ratio = contrast(colour(fg, scheme), colour(bg, scheme))
    assert ratio >= 3, f"{scheme}: --{fg} against --{bg} is {ratio:.2f}:1"


def test_the_green_and_the_crisis_red_are_kept():
    assert colour("accent", "light") == "#3f6f5a" and colour("accent", "dark") == "#7fbf9f"
    assert colour("help-bg", "light") == "#a5332b"
    # Dark: the same red a little brighter, so the button stands out 3:1 from the dark page.
    red, green, blue = (int(colour("help-bg", "dark")[i : i + 2], 16) for i in (1, 3, 5))
    assert red > 2 * max(green, blue)
