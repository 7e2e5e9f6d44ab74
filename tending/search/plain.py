"""Markdown and HTML source reduced to the words a person wrote, for search snippets: pure.

A snippet is a short piece of a longer text: showing `**work**`, `- the river` or escaped
`&lt;b&gt;` there reads as noise. Nothing here backtracks, so hostile input stays cheap.
"""

# TODO(merge): use journal.plain.plain_text

from __future__ import annotations

import html
import re

# Only what is plainly an HTML tag: "<Sam>" or "a <3 b >" are a person's own words.
_TAG_NAMES = (
    "a|abbr|b|blockquote|br|code|del|details|div|em|font|h[1-6]|hr|i|iframe|img|ins|kbd|li|"
    "mark|ol|p|pre|q|s|script|small|span|strike|strong|style|sub|summary|sup|table|tbody|td|"
    "th|thead|tr|u|ul"
)
_TAG = re.compile(r"</?(?:" + _TAG_NAMES + r")(?:[\s/][^<>\n]{0,500})?>", re.IGNORECASE)
_IMAGE_OR_LINK = re.compile(r"!?\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
_LINE_START = re.compile(r"[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+){1,10}")
# Emphasis and code marks at the edge of a word; inside one (snake_case, 2*3) they stay.
_MARKS = re.compile(r"(?<![^\W_])[*_~`]+|[*_~`]+(?![^\W_])")
_RULE_CHARACTERS = frozenset("-*_ \t")


def _plain_line(line: str) -> str:
    stripped = line.strip()
    if stripped.startswith(("```", "~~~")):
        return ""
    if len(stripped) >= 3 and set(stripped) <= _RULE_CHARACTERS:
        return ""
    found = _LINE_START.match(line)
    return line[found.end() :] if found else line


def plain_text(source: str) -> str:
    """`source` (Markdown, perhaps with HTML in it) as plain words on one line."""
    text = "\n".join(_plain_line(line) for line in (source or "").split("\n"))
    if "](" in text:
        text = _IMAGE_OR_LINK.sub(r"\1", text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = _MARKS.sub("", text)
    text = html.unescape(text)
    return " ".join(text.split())
