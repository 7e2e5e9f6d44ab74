"""A browser without light-dark() still shows tending's colours, light or dark as the system.

Chromium here knows light-dark(), so an older browser is played by renaming the function in
the stylesheet to one no browser knows: the pairs then stay as they are in the custom
properties (as an old browser keeps them) and the `@supports not (…)` block applies.
"""

from __future__ import annotations

import pytest

from tests.design.stylesheets import light_dark, tokens
from tests.design.test_tokens import MAIN

CSS = MAIN.read_text(encoding="utf-8")
TOKENS = tokens(CSS)
SHOWN = """() => {
    const style = getComputedStyle(document.documentElement);
    const button = getComputedStyle(document.querySelector('button'));
    return {bg: style.backgroundColor, text: style.color, accent: button.backgroundColor};
}"""
PAGE = """<!doctype html><html><head><style>{css}
button {{ background: var(--accent); }}</style></head><body><p>Words</p><button>Save</button>
</body></html>"""


def rgb(colour: str) -> str:
    digits = colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(digits[i : i + 2], 16) for i in (0, 2, 4)))


def expected(scheme: int) -> dict[str, str]:
    return {k: rgb(light_dark(TOKENS[f"--{k}"])[scheme]) for k in ("bg", "text", "accent")}


@pytest.mark.parametrize(("scheme", "half"), [("light", 0), ("dark", 1)])
@pytest.mark.parametrize("old", [True, False], ids=["before light-dark", "with light-dark"])
def test_colours_follow_the_system_with_or_without_light_dark(browser, scheme, half, old):
    css = CSS.replace("light-dark(", "no-such-function(") if old else CSS
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.set_content(PAGE.format(css=css))
        assert page.evaluate(SHOWN) == expected(half)
        if old:  # the pairs really are unreadable here: only the block gives colours
            start = CSS.index("/* Colours for browsers before light-dark()")
            end = CSS.index("/* End of the colours for browsers before light-dark(). */")
            bare = CSS[:start] + CSS[end:]
            page.set_content(PAGE.format(css=bare.replace("light-dark(", "no-such-function(")))
            assert page.evaluate(SHOWN)["bg"] == "rgba(0, 0, 0, 0)"
    finally:
        context.close()
