"""Finding the people an entry mentions with `@Name`: pure, no database."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from tending.circle.naming import find_by_name

T = TypeVar("T")

# "@Sam" or "@Sam Lee": a word of letters, optionally followed by a second one.
_MENTION = re.compile(r"(?<![\w@])@([^\W\d_][\w'’-]*)(?:[ \t]+([^\W\d_][\w'’-]*))?")


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def mentioned_people(text: str, people: Sequence[T], name_of=lambda p: p.name) -> list[T]:
    """The people named with @ in `text`, by full name or first name, any case.

    A name shared by two people links neither: better no link than the wrong one.
    """
    found: list[T] = []
    for match in _MENTION.finditer(text or ""):
        first, second = match.group(1).rstrip("'’-"), (match.group(2) or "").rstrip("'’-")
        person = None
        if second:
            full = _fold(f"{first} {second}")
            exact = [p for p in people if _fold(name_of(p)) == full]
            person = find_by_name(full, exact, name_of).found
        if person is None:
            word = _fold(first)
            fitting = [
                p
                for p in people
                if _fold(name_of(p)) == word or _fold(name_of(p)).split()[:1] == [word]
            ]
            person = find_by_name(word, fitting, name_of).found
        if person is not None and person not in found:
            found.append(person)
    return found
