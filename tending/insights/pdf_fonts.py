"""Which letters the report's PDF can draw: DejaVu Sans for most scripts (Latin, Greek,
Cyrillic, Arabic, Hebrew and more), Droid Sans Fallback added when the words hold Chinese,
Japanese or Korean, and, for what neither has (Devanagari, Thai, most emoji), words that say
so honestly rather than a name silently missing. Of Django, only its translation (for those
words); the fonts' character maps are read once per process."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext as _

from tending.core.words import and_list

_HERE = Path(__file__).resolve().parent
DEJAVU_DIR = _HERE.parent / "static" / "vendor" / "dejavu"
DEJAVU = (DEJAVU_DIR / "DejaVuSans.ttf", DEJAVU_DIR / "DejaVuSans-Bold.ttf")
FALLBACK = _HERE / "fonts" / "DroidSansFallback.ttf"


@lru_cache(maxsize=8)
def covered(*paths: Path) -> frozenset[int]:
    """The characters every one of the font files has a glyph for."""
    from fontTools.ttLib import TTFont

    found: frozenset[int] | None = None
    for path in paths:
        with TTFont(str(path), lazy=True) as font:
            mapped = frozenset(font.getBestCmap())
        found = mapped if found is None else found & mapped
    return found or frozenset()


def uncovered(text: str, have: frozenset[int]) -> list[str]:
    """The characters of `text` not in `have`, each once, in the order they first appear;
    spaces, line breaks and other invisible characters need no glyph and are never counted."""
    seen: dict[str, None] = {}
    for char in text:
        if ord(char) not in have and unicodedata.category(char)[0] not in "CZ":
            seen.setdefault(char, None)
    return list(seen)


def kinds(chars: Iterable[str]) -> list[str]:
    """What the characters are, in words: each letter's script ("Devanagari", "Thai") once,
    in order of appearance (a vowel sign or other mark counts with its script's letters), then
    "symbols such as emoji" for anything else."""
    scripts: dict[str, None] = {}
    symbols = False
    for char in chars:
        name = unicodedata.name(char, "")
        if unicodedata.category(char)[0] in "LM" and name:  # a letter, or a vowel sign on one
            scripts.setdefault(name.split()[0].title(), None)
        else:
            symbols = True
    return [*scripts, *([_("symbols such as emoji")] if symbols else [])]


def left_out_words(chars: list[str]) -> str:
    """What the PDF says when some characters could not be drawn; nothing when all can."""
    if not chars:
        return ""
    listed = and_list(kinds(chars))
    return _(
        "Some characters (%(listed)s) are not in the fonts this PDF uses, so they are left "
        "out of it. The report page shows them, and printing that page keeps them."
    ) % {"listed": listed}


def words_of(value) -> Iterable[str]:
    """Every piece of text in a report (dataclasses, tuples and lists of them, any depth)."""
    if isinstance(value, str):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from words_of(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from words_of(item)


RIGHT_TO_LEFT = {"R", "AL", "AN"}  # Hebrew; Arabic, Syriac, Thaana; Arabic digits


def needs_shaping(text: str) -> bool:
    """Whether `text` holds right-to-left letters: they must be ordered (and Arabic joined) by
    a shaping engine. Other text is set without one: it looks the same and takes half the time."""
    return any(unicodedata.bidirectional(char) in RIGHT_TO_LEFT for char in text)


def needs(text: str) -> tuple[bool, list[str]]:
    """Whether the fallback font is needed for `text`, and the characters no font can draw."""
    missing = uncovered(text, covered(*DEJAVU))
    if not missing:
        return False, []
    fallback = covered(FALLBACK)
    return any(ord(c) in fallback for c in missing), [c for c in missing if ord(c) not in fallback]
