"""Reading tending's own stylesheets: rules, their declarations, and the design tokens.

A small reader, enough for the hand-written CSS tending ships: comments, nested at-rules
(@media, @supports) and declarations; strings are kept whole, so a ";" or "}" in content: ""
does not split a rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

STATIC = Path(__file__).resolve().parents[2] / "tending" / "static"
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def shipped_stylesheets() -> list[Path]:
    """Every stylesheet tending writes itself (vendored files are others' and left alone)."""
    return sorted(p for p in STATIC.rglob("*.css") if "vendor" not in p.relative_to(STATIC).parts)


@dataclass(frozen=True)
class Declaration:
    selector: str  # the rule's selector, or the at-rule (e.g. "@page")
    media: tuple[str, ...]  # the at-rules it sits in, outermost first
    prop: str
    value: str


def _split_top(text: str, separator: str) -> list[str]:
    """Split at `separator` outside strings and brackets."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _blocks(text: str):
    """(prelude, body) for each top-level block; statements like @import are skipped."""
    index, quote, start = 0, "", 0
    while index < len(text):
        char = text[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == ";" and text[start:index].strip().startswith("@"):
            start = index + 1
        elif char == "{":
            depth, end = 1, index + 1
            inner_quote = ""
            while depth:
                if end >= len(text):
                    raise ValueError(f"unclosed block after {text[start:index].strip()!r}")
                c = text[end]
                if inner_quote:
                    inner_quote = "" if c == inner_quote else inner_quote
                elif c in "\"'":
                    inner_quote = c
                elif c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                end += 1
            yield text[start:index].strip(), text[index + 1 : end - 1]
            index = start = end
            continue
        elif char == "}":
            raise ValueError("a closing brace without an opening one")
        index += 1
    if text[start:].strip():
        raise ValueError(f"text outside any rule: {text[start:].strip()[:60]!r}")


def declarations(css: str, media: tuple[str, ...] = ()) -> list[Declaration]:
    """Every declaration in the stylesheet, with its selector and enclosing at-rules."""
    found: list[Declaration] = []
    for prelude, body in _blocks(COMMENT.sub("", css)):
        if prelude.startswith(("@media", "@supports", "@layer", "@container")):
            found += declarations(body, (*media, " ".join(prelude.split())))
            continue
        selector = " ".join(prelude.split())
        for part in _split_top(body, ";"):
            if not part.strip():
                continue
            prop, colon, value = part.partition(":")
            if not colon:
                raise ValueError(f"not a declaration in {selector!r}: {part.strip()!r}")
            value = " ".join(value.replace("!important", "").split())
            found.append(Declaration(selector, media, prop.strip().lower(), value))
    return found


def tokens(css: str) -> dict[str, str]:
    """The design tokens: custom properties declared on :root.

    The plain colours for browsers without light-dark() (inside `@supports not (…)`, written
    by scripts/colour_fallback.py) are copies of the pairs, not tokens of their own.
    """
    return {
        d.prop: d.value
        for d in declarations(css)
        if d.selector == ":root"
        and d.prop.startswith("--")
        and not any(m.startswith("@supports not") for m in d.media)
    }


def light_dark(value: str) -> tuple[str, str]:
    """The two halves of light-dark(a, b); a plain value is the same in both schemes."""
    match = re.fullmatch(r"light-dark\((.*)\)", value.strip())
    if not match:
        return value, value
    light, dark = _split_top(match.group(1), ",")
    return light.strip(), dark.strip()
