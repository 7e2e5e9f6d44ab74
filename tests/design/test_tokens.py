"""No raw value outside the design tokens: every stylesheet tending ships is read here.

Outside the token block (custom properties on :root) a rule may not write a colour, a length
or a shadow of its own; it takes a token with var(). Allowed as they are (docs/design.md):
0, a 1px hairline, percentages, viewport units, fr, unitless numbers (line-height, opacity,
flex), the keywords that are not colours (transparent, currentColor, inherit, none) and the
system colours forced-colors mode needs (Canvas, CanvasText, Highlight, ButtonText). Media
query conditions cannot hold var(), and neither can @page margins: those keep their lengths.
"""

from __future__ import annotations

import re

import pytest

from tests.design.stylesheets import (
    Declaration,
    declarations,
    light_dark,
    shipped_stylesheets,
    tokens,
)

SHEETS = shipped_stylesheets()
MAIN = next(p for p in SHEETS if p.name == "tending.css")

HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
COLOUR_FUNCTION = re.compile(r"\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(", re.IGNORECASE)
LENGTH = re.compile(
    r"(?<![\w.#-])(-?(?:\d+\.?\d*|\.\d+))(px|rem|em|ex|ch|pt|pc|cm|mm|in|q|lh|rlh)\b",
    re.IGNORECASE,
)
NAMED_COLOURS = {
    "black", "white", "red", "green", "blue", "yellow", "orange", "purple", "pink", "brown",
    "gray", "grey", "silver", "maroon", "navy", "teal", "olive", "lime", "aqua", "fuchsia",
    "cyan", "magenta", "gold", "beige", "ivory", "khaki", "coral", "crimson", "salmon",
    "tomato", "indigo", "violet", "plum", "tan", "wheat", "linen", "snow", "azure", "lavender",
    "darkgreen", "darkred", "darkblue", "lightgray", "lightgrey", "darkgray", "darkgrey",
    "whitesmoke", "gainsboro", "forestgreen", "seagreen", "firebrick", "rebeccapurple",
}  # fmt: skip
SHADOW_PROPS = {"box-shadow", "text-shadow", "filter"}
UNITLESS_LENGTH_PROPS = {"stroke-width"}


def raw_values(declaration: Declaration) -> list[str]:
    """What in one declaration should have been a token."""
    value = declaration.value
    found = [m.group(0) for m in HEX.finditer(value)]
    found += [m.group(0) + "…" for m in COLOUR_FUNCTION.finditer(value)]
    found += [
        w for w in re.findall(r"(?<![\w-])[a-zA-Z]+(?![\w(-])", value) if w.lower() in NAMED_COLOURS
    ]
    for match in LENGTH.finditer(value):
        number, unit = float(match.group(1)), match.group(2).lower()
        if number == 0 or (number == 1 and unit == "px"):
            continue
        found.append(match.group(0))
    bare = re.sub(r"var\(--[\w-]+\)", "", value).strip(" ,")
    if declaration.prop in SHADOW_PROPS and value != "none" and bare:
        found.append(f"{declaration.prop}: {value}")
    if declaration.prop in UNITLESS_LENGTH_PROPS:
        found += [n for n in re.findall(r"(?<![\w.-])\d*\.?\d+(?![\w.%])", value) if float(n) > 1]
    return found


def is_token_block(declaration: Declaration) -> bool:
    return declaration.selector == ":root"


def test_the_stylesheets_are_found_and_read():
    names = {p.name for p in SHEETS}
    assert {"tending.css", "design.css"} <= names
    for path in SHEETS:
        assert declarations(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize("path", SHEETS, ids=[p.name for p in SHEETS])
def test_no_raw_colour_length_or_shadow_outside_the_tokens(path):
    problems = []
    for declaration in declarations(path.read_text(encoding="utf-8")):
        if is_token_block(declaration) or declaration.selector.startswith("@page"):
            continue
        for raw in raw_values(declaration):
            problems.append(f"{declaration.selector} {{ {declaration.prop}: {raw} }}")
    assert not problems, f"{path.name} uses values that are not tokens:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("prop", "value", "raw"),
    [
        ("color", "#fff", ["#fff"]),
        ("background", "rgb(0 0 0 / 18%)", ["rgb(…"]),
        ("color", "white", ["white"]),
        ("padding", "0.5rem 1rem", ["0.5rem", "1rem"]),
        ("margin", "calc(var(--space-2) - 2px)", ["2px"]),
        ("font-size", "11px", ["11px"]),
        ("width", "1.5em", ["1.5em"]),
        ("border", "2px solid var(--line)", ["2px"]),
        ("box-shadow", "0 0 0 2px var(--accent)", ["2px", "box-shadow: 0 0 0 2px var(--accent)"]),
        ("stroke-width", "3", ["3"]),
    ],
)
def test_the_check_sees_raw_values(prop, value, raw):
    assert raw_values(Declaration(".x", (), prop, value)) == raw


@pytest.mark.parametrize(
    ("prop", "value"),
    [
        ("padding", "var(--space-2) var(--space-4)"),
        ("border", "1px solid var(--line)"),
        ("margin", "0"),
        ("width", "100%"),
        ("min-height", "100vh"),
        ("color", "transparent"),
        ("border", "var(--border-strong) solid ButtonText"),
        ("box-shadow", "var(--shadow-float)"),
        ("line-height", "1.25"),
        ("grid-template-columns", "repeat(3, minmax(0, 1fr))"),
        ("stroke-width", "1"),
        ("content", '" ▾"'),
        ("color", "var(--text-soft-green)"),
    ],
)
def test_the_check_allows_tokens_and_harmless_values(prop, value):
    assert raw_values(Declaration(".x", (), prop, value)) == []


def test_every_token_used_is_defined():
    defined = set(tokens(MAIN.read_text(encoding="utf-8")))
    for path in SHEETS:
        used = set(re.findall(r"var\((--[\w-]+)\)", path.read_text(encoding="utf-8")))
        assert used <= defined, f"{path.name} uses undefined tokens: {sorted(used - defined)}"


def test_the_token_block_has_each_scale():
    found = tokens(MAIN.read_text(encoding="utf-8"))
    for prefix in ("--space-", "--text-", "--radius", "--shadow-"):
        assert sum(name.startswith(prefix) for name in found) >= 2, prefix
    # Every colour has a light and a dark value (the print colours are paper: one value).
    colours = [n for n, v in found.items() if HEX.search(v) and not n.startswith("--print")]
    assert len(colours) >= 15
    for name in colours:
        light, dark = light_dark(found[name])
        assert HEX.fullmatch(light) and HEX.fullmatch(dark), (name, found[name])
