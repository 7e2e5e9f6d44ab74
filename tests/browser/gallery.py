"""The screenshots' names, sizes and gallery page (docs/screenshots.md), without a browser.

tests/browser/test_screenshots.py takes the pictures; what they are called, how they are made
small and how the gallery lists them is decided here, without a browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Each picture is taken at these widths and schemes; the height is the first screen's (the
# picture is the whole page, however long).
SIZES = {390: 844, 1280: 900}
SCHEMES = ("light", "dark")
# At most this many colours: a page is flat colours and text, so 64 look the same (text's
# edges a shade coarser). The whole set (42 pages, four pictures each) was 8.6 MB so, 10 MB
# with 256 colours; fewer colours save little more, since the text is what costs.
COLOURS = 64
SITE = " · tending"


@dataclass(frozen=True)
class Shot:
    """One page to photograph: its file stem, its address, and what the gallery calls it."""

    stem: str
    url: str
    route: str
    title: str = ""


def stem(route: str, query: str = "") -> str:
    """A file stem from a route name and the keys of its query: moments:list?page=2 →
    moments-list-page (the values are rows' numbers, different in every run)."""
    keys = [part.partition("=")[0] for part in query.lstrip("?").split("&")]
    words = [route, *[key for key in keys if key]]
    return "-".join(
        w for w in (re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in words) if w
    )


def file_name(shot_stem: str, width: int, scheme: str) -> str:
    return f"{shot_stem}-{width}-{scheme}.png"


def first_screen_name(shot_stem: str, width: int, scheme: str) -> str:
    """The picture cut to the first screen, as the README shows it."""
    return f"{shot_stem}-{width}-{scheme}-screen.png"


def title_of(page_title: str) -> str:
    """The page's own name from its <title> ("Today · tending" → "Today")."""
    return page_title.removesuffix(SITE).strip() or "tending"


def gallery(shots: list[Shot], folder: str = "screenshots") -> str:
    """docs/screenshots.md: a table per page, 390 and 1280 px, light and dark."""
    columns = [(width, scheme) for width in SIZES for scheme in SCHEMES]
    lines = [
        "# Every page of tending",
        "",
        "Each page with the demo data, at a phone's 390 px and a laptop's 1280 px, light and",
        "dark, the whole page from top to bottom. Written by `python3 dev.py screenshots`",
        "(tests/browser/test_screenshots.py) together with the pictures: do not edit it by hand.",
        "Tap a picture to see it at full size.",
        "",
    ]
    for shot in shots:
        lines += [f"## {shot.title or shot.stem}", "", f"`{shot.url}` (`{shot.route}`)", ""]
        lines.append("| " + " | ".join(f"{w} px, {s}" for w, s in columns) + " |")
        lines.append("|" + " --- |" * len(columns))
        cells = []
        for width, scheme in columns:
            path = f"{folder}/{file_name(shot.stem, width, scheme)}"
            alt = f"{shot.title or shot.stem}, {width} px wide, {scheme}"
            cells.append(f'[<img src="{path}" width="180" alt="{alt}">]({path})')
        lines += ["| " + " | ".join(cells) + " |", ""]
    return "\n".join(lines)


def shrink(path: Path, first_screen: Path | None = None, height: int = 0) -> None:
    """Write the picture again with at most COLOURS colours; also its first `height` px to
    `first_screen`, when asked."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(
            colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    small.save(path, optimize=True)
    if first_screen is not None:
        small.crop((0, 0, small.width, min(height, small.height))).save(first_screen, optimize=True)
