"""Finding a person in the circle from a name typed at the terminal: pure, no database."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class NameMatch(Generic[T]):
    found: T | None = None
    candidates: list[T] = field(default_factory=list)  # several fit: the person must choose
    suggestions: list[str] = field(default_factory=list)  # none fit: names that look alike


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def find_by_name(query: str, people: Sequence[T], name_of=lambda p: p.name) -> NameMatch[T]:
    """Exact name first (any case), then names or words starting with what was typed."""
    wanted = _fold(query)
    if not wanted:
        return NameMatch()
    exact = [p for p in people if _fold(name_of(p)) == wanted]
    if len(exact) == 1:
        return NameMatch(found=exact[0])
    if exact:
        return NameMatch(candidates=exact)
    starts = [
        p
        for p in people
        if _fold(name_of(p)).startswith(wanted)
        or any(word.startswith(wanted) for word in _fold(name_of(p)).split())
    ]
    if len(starts) == 1:
        return NameMatch(found=starts[0])
    if starts:
        return NameMatch(candidates=starts)
    names = [name_of(p) for p in people]
    return NameMatch(suggestions=difflib.get_close_matches(query, names, n=5, cutoff=0.6))
