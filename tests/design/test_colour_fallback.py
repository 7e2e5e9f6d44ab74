"""Browsers before light-dark() get the same colours, kept in step with the pairs.

scripts/colour_fallback.py writes the block; here it is read back with the tests' own reader
(tests/design/stylesheets.py), so a colour changed in a pair and not in the block fails.
tests/browser/test_old_browsers.py shows a browser without light-dark() using it.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from tests.design.stylesheets import declarations, light_dark, shipped_stylesheets, tokens
from tests.design.test_tokens import HEX, MAIN

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "colour_fallback.py"


def load_script():
    spec = importlib.util.spec_from_file_location("colour_fallback", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fallback = load_script()
CSS = MAIN.read_text(encoding="utf-8")
DARK = "@media (prefers-color-scheme: dark)"


def older_browsers_read(css: str) -> tuple[dict[str, str], dict[str, str]]:
    """The custom properties inside `@supports not (…)`: on :root, and under a dark system."""
    light, dark = {}, {}
    for d in declarations(css):
        if d.selector != ":root" or not d.media or not d.media[0].startswith("@supports not"):
            continue
        (dark if d.media[1:] == (DARK,) else light)[d.prop] = d.value
    return light, dark


def test_the_stylesheet_holds_the_block_as_the_script_writes_it():
    assert fallback.updated(CSS) == CSS, "run: python3 scripts/colour_fallback.py"
    assert fallback.main(["--check"]) == 0


def test_every_colour_pair_has_its_halves_for_older_browsers():
    light, dark = older_browsers_read(CSS)
    pairs = {n: light_dark(v) for n, v in tokens(CSS).items() if v.startswith("light-dark(")}
    assert len(pairs) >= 20
    assert {n: v[0] for n, v in pairs.items()} == {n: light[n] for n in pairs}
    assert {n: v[1] for n, v in pairs.items()} == {n: dark[n] for n in pairs}
    assert light["--bg"] == "#faf7f2" and dark["--bg"] == "#191b1d"
    # A shadow holding a pair inside it is split too, not left for the browser to drop.
    assert light["--shadow-rest"] == "0 1px 2px rgb(60 45 20 / 8%)"
    assert dark["--shadow-rest"] == "0 1px 2px rgb(0 0 0 / 40%)"
    assert set(light) == set(dark)
    assert not [v for v in [*light.values(), *dark.values()] if "light-dark" in v]


def test_only_a_browser_without_light_dark_reads_the_block():
    start = CSS.index(fallback.START)
    assert CSS[start:].startswith(fallback.START)
    assert "@supports not (color: light-dark(#000, #fff)) {" in CSS[start:]
    # After the token block, so it wins over the pairs where it applies.
    assert start > CSS.index("--bg: light-dark(")


@pytest.mark.parametrize(
    ("value", "light", "dark"),
    [
        ("light-dark(#fff, #000)", "#fff", "#000"),
        ("light-dark( #fff ,#000 )", "#fff", "#000"),
        (
            "0 1px light-dark(rgb(1 2 3 / 8%), rgb(4, 5, 6)) x",
            "0 1px rgb(1 2 3 / 8%) x",
            "0 1px rgb(4, 5, 6) x",
        ),
        ("light-dark(#a, #b) light-dark(#c, #d)", "#a #c", "#b #d"),
        ("light-dark(light-dark(#a, #b), #c)", "#a", "#c"),
        ("var(--accent)", "var(--accent)", "var(--accent)"),
    ],
)  # fmt: skip
def test_each_pair_is_split_into_its_halves(value, light, dark):
    assert (fallback.halves(value, 0), fallback.halves(value, 1)) == (light, dark)


@pytest.mark.parametrize("value", ["light-dark(#a, #b", "light-dark(#a)", "light-dark(#a, #b, #c)"])
def test_a_broken_pair_is_refused(value):
    with pytest.raises(ValueError):
        fallback.halves(value, 0)


SMALL = """/* tokens */
:root {
  color-scheme: light dark;
  --bg: light-dark(#fafafa, #101010); /* a comment; with --x: light-dark(#1, #2); */
  --space: 1rem;
}
.scheme-dark { color-scheme: dark; }
"""


def test_the_block_goes_right_after_the_token_block_and_is_replaced_in_place():
    once = fallback.updated(SMALL)
    assert once.startswith(SMALL[: SMALL.index("}\n.scheme") + 1] + "\n" + fallback.START)
    assert once.endswith(fallback.END + "\n.scheme-dark { color-scheme: dark; }\n")
    assert fallback.updated(once) == once
    light, dark = older_browsers_read(once)
    assert light == {"--bg": "#fafafa"}
    assert dark == {"--bg": "#101010"}
    changed = once.replace("#101010", "#202020", 1)
    again = fallback.updated(changed)
    assert older_browsers_read(again)[1]["--bg"] == "#202020"
    assert again.count(fallback.START) == 1 and again.count(fallback.END) == 1


@pytest.mark.parametrize(
    "css",
    [".a { color: red; }", ":root { --bg: light-dark(#1, #2);", "\n  :root { --bg: #1; }"],
)
def test_a_stylesheet_without_a_token_block_is_refused(css):
    with pytest.raises(ValueError):
        fallback.updated(css)


def test_the_token_block_ends_at_its_own_closing_brace():
    css = "/* x */\n:root {\n  @media (min-width: 1px) { --a: 1; }\n}\n.x { }\n"
    assert fallback.token_block(css) == (8, css.index("}\n.x") + 1)


def test_a_block_without_its_end_line_is_refused():
    with pytest.raises(ValueError, match="end line"):
        fallback.updated(fallback.updated(SMALL).replace(fallback.END, ""))


def test_check_fails_while_out_of_date_and_writing_brings_it_up_to_date(
    tmp_path, monkeypatch, capsys
):
    sheet = tmp_path / "tending.css"
    sheet.write_text(SMALL, encoding="utf-8")
    monkeypatch.setattr(fallback, "STYLESHEET", sheet)
    assert fallback.main(["--check"]) == 1
    assert "python3 scripts/colour_fallback.py" in capsys.readouterr().out
    assert sheet.read_text(encoding="utf-8") == SMALL
    assert fallback.main([]) == 0
    assert sheet.read_text(encoding="utf-8") == fallback.updated(SMALL)
    assert fallback.main(["--check"]) == 0


def test_only_colours_change_with_the_scheme():
    """What the axe test relies on to check dark with the colour rules alone (test_access)."""
    start, end = CSS.index(fallback.START), CSS.index(fallback.END)
    for path in shipped_stylesheets():
        css = path.read_text(encoding="utf-8")
        css = css[:start] + css[end:] if path == MAIN else css
        assert "prefers-color-scheme" not in css, path.name
        for d in declarations(css):
            if "light-dark(" not in d.value:
                continue
            assert (d.selector, d.media) == (":root", ()) and d.prop.startswith("--"), d
            light, dark = fallback.halves(d.value, 0), fallback.halves(d.value, 1)
            colourless = [HEX.sub("#", re.sub(r"rgba?\([^)]*\)", "#", v)) for v in (light, dark)]
            assert colourless[0] == colourless[1], d  # the same shadow, in other colours
    for script in (ROOT / "tending" / "static" / "tending").glob("*.js"):
        text = script.read_text(encoding="utf-8")
        assert "prefers-color-scheme" not in text and "colorScheme" not in text, script.name
