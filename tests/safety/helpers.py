"""Small readers of rendered pages for the safety tests."""

from __future__ import annotations

import html
import re


def field_error(page: str, field_id: str) -> str:
    """The message shown next to the field with this id, or '' when there is none."""
    match = re.search(
        rf'<div class="error" id="{re.escape(field_id)}_error">(.*?)</div>', page, re.S
    )
    if not match:
        return ""
    return html.unescape(re.sub(r"<[^>]+>", " ", match.group(1))).strip()


def text_of(page: str) -> str:
    """The visible words of a page, tags removed, whitespace squeezed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
