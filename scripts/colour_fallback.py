#!/usr/bin/env python3
"""Write the plain colours older browsers need, from the light-dark() pairs of tending.css.

    python3 scripts/colour_fallback.py           bring the block up to date
    python3 scripts/colour_fallback.py --check   exit 1 when it is out of date

The tokens are light-dark() pairs (Chrome 123, Safari 17.5, Firefox 120). An older browser
still takes `--bg: light-dark(…)` as a custom property, since custom properties accept any
value, and then every colour that uses it is invalid: no colours at all. So after the token
block comes a block inside `@supports not (color: light-dark(…))` that only such a browser
reads: each pair's light half on :root, and its dark half under prefers-color-scheme: dark.
A newer browser skips it, so the pairs stay the one source. Run this after changing a colour;
tests/design/test_colour_fallback.py fails while the block and the pairs differ.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

STYLESHEET = (
    Path(__file__).resolve().parent.parent / "tending" / "static" / "tending" / "tending.css"
)
START = "/* Colours for browsers before light-dark(): written by scripts/colour_fallback.py."
END = "/* End of the colours for browsers before light-dark(). */"
CONDITION = "@supports not (color: light-dark(#000, #fff))"
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
DECLARATION = re.compile(r"(--[\w-]+)\s*:\s*([^;]*);")
INDENT = "  "


def token_block(css: str) -> tuple[int, int]:
    """Where the first `:root { … }` starts and where its closing brace ends."""
    match = re.search(r"(?m)^:root\s*\{", css)
    if match is None:
        raise ValueError("the stylesheet has no :root token block")
    depth = 0
    for index in range(match.end() - 1, len(css)):
        if css[index] == "{":
            depth += 1
        elif css[index] == "}":
            depth -= 1
            if depth == 0:
                return match.start(), index + 1
    raise ValueError("the :root token block is not closed")


def halves(value: str, scheme: int) -> str:
    """`value` with each light-dark(a, b) replaced by a (scheme 0) or b (scheme 1)."""
    out, at = [], 0
    while (found := value.find("light-dark(", at)) >= 0:
        out.append(value[at:found])
        start = found + len("light-dark(")
        depth, parts, piece = 1, [], start
        index = start
        while depth:
            if index >= len(value):
                raise ValueError(f"light-dark( is not closed in {value!r}")
            char = value[index]
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
            elif char == "," and depth == 1:
                parts.append(value[piece:index])
                piece = index + 1
            index += 1
        parts.append(value[piece : index - 1])
        if len(parts) != 2:
            raise ValueError(f"light-dark() needs two values, not {len(parts)}: {value!r}")
        out.append(halves(parts[scheme].strip(), scheme))
        at = index
    out.append(value[at:])
    return "".join(out)


def pairs(css: str) -> list[tuple[str, str, str]]:
    """(token, light value, dark value) for every token of the block written with light-dark()."""
    start, end = token_block(css)
    body = COMMENT.sub("", css[start:end])
    found = []
    for name, value in DECLARATION.findall(body):
        value = " ".join(value.split())
        if "light-dark(" in value:
            found.append((name, halves(value, 0), halves(value, 1)))
    return found


def fallback(css: str) -> str:
    """The block an older browser reads, for the pairs in `css`'s token block."""
    found = pairs(css)
    light = "".join(f"{INDENT * 2}{name}: {value};\n" for name, value, _ in found)
    dark = "".join(f"{INDENT * 3}{name}: {value};\n" for name, _, value in found)
    return (
        f"{START}\n"
        "   Older browsers keep a light-dark() value as it is and then show no colour, so they\n"
        "   read each pair's halves here, following the system; newer ones skip this block. */\n"
        f"{CONDITION} {{\n"
        f"{INDENT}:root {{\n{light}{INDENT}}}\n"
        f"{INDENT}@media (prefers-color-scheme: dark) {{\n"
        f"{INDENT * 2}:root {{\n{dark}{INDENT * 2}}}\n"
        f"{INDENT}}}\n"
        "}\n"
        f"{END}"
    )


def updated(css: str) -> str:
    """`css` with the block in place: replacing the old one, or right after the token block."""
    block = fallback(css)
    if START in css:
        before, _, rest = css.partition(START)
        if END not in rest:
            raise ValueError("the older browsers' block has no end line")
        _, _, after = rest.partition(END)
        return before + block + after
    _, end = token_block(css)
    return css[:end] + "\n" + block + css[end:]


def main(argv: list[str]) -> int:
    css = STYLESHEET.read_text(encoding="utf-8")
    wanted = updated(css)
    if "--check" in argv:
        if wanted != css:
            print("tending.css: the colours for older browsers are out of date; run")
            print("  python3 scripts/colour_fallback.py")
            return 1
        return 0
    if wanted != css:
        STYLESHEET.write_text(wanted, encoding="utf-8")
        print(f"updated {STYLESHEET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
