"""Icons as inline SVG, read once from the vendored Lucide subset in tending's static files.

Inline, not <img>: the icon takes the colour of the text around it (currentColor) and costs
no request. Only the icons copied into static/vendor/lucide/ exist; asking for another is a
mistake the tests see at once, not an empty space on a page.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from markupsafe import Markup

ICONS_DIR = Path(__file__).resolve().parent.parent / "static" / "vendor" / "lucide"
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_OPEN_TAG = re.compile(r"<svg\b[^>]*>", re.DOTALL)
_SPACE = re.compile(r">\s+<")


def icon_names() -> list[str]:
    """The icons tending ships, by name (the file name without .svg)."""
    return sorted(path.stem for path in ICONS_DIR.glob("*.svg"))


@cache
def _body(name: str) -> str:
    if not re.fullmatch(r"[a-z0-9-]+", name):
        raise ValueError(f"{name!r} is not an icon name")
    path = ICONS_DIR / f"{name}.svg"
    if not path.is_file():
        raise ValueError(f"There is no icon {name!r}; tending ships: {', '.join(icon_names())}")
    text = _COMMENT.sub("", path.read_text(encoding="utf-8"))
    opening = _OPEN_TAG.search(text)
    if opening is None or "</svg>" not in text:
        raise ValueError(f"{path} is not an SVG file")
    inner = text[opening.end() : text.rindex("</svg>")]
    return _SPACE.sub("><", inner.strip())


def icon(name: str, css_class: str = "") -> Markup:
    """`{{ icon("sun") }}`: the icon as inline SVG, hidden from screen readers.

    The words beside an icon say what it means, so the drawing itself stays silent.
    """
    classes = f"icon {css_class}".strip()
    return Markup(
        f'<svg class="{classes}" viewBox="0 0 24 24" fill="none" stroke="currentColor" '
        'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" '
        f'focusable="false">{_body(name)}</svg>'
    )
