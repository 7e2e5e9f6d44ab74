"""Bringing in what a person kept in other tools: read a file, show what it holds, add it.

Every source follows the same two steps, so the CLI and Settings → Your data treat them
alike:

1. `read(data, user)` parses the file and compares it with what the account already holds,
   writing nothing. It returns a `Reading`: one `Item` per thing that would be added (with a
   line for the preview, and why it is recognised as already in tending if it is), and what
   could not be mapped, each saying where its text was kept. A file it cannot read raises
   `ForeignFileError` with a message a person can act on.
2. `add(reading, user, chosen)` writes the chosen items (default: every item that is not a
   duplicate) and returns how many of each kind were added. The caller wraps it in one
   transaction: all of it, or nothing.

Nothing is ever silently dropped: what has no place of its own in tending is kept as text
(in a note, a journal entry's body) and listed in `kept_as_text`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Protocol


class ForeignFileError(Exception):
    """A file that cannot be read as the named source; nothing was written."""


@dataclass
class Item:
    kind: str  # in the product's words, singular: "person", "journal entry", "check-in"
    title: str  # one line for the preview
    duplicate: str = ""  # why it is taken to be in tending already; empty when it is new
    data: Any = None  # the source's own parsed payload, for `add`


@dataclass
class Reading:
    source: str
    items: list[Item] = field(default_factory=list)
    kept_as_text: list[str] = field(default_factory=list)  # "what → where it was kept"

    def new_counts(self) -> dict[str, int]:
        """How many items of each kind are new (not recognised as duplicates)."""
        counts: dict[str, int] = {}
        for item in self.items:
            if not item.duplicate:
                counts[item.kind] = counts.get(item.kind, 0) + 1
        return counts

    def default_choice(self) -> list[int]:
        return [index for index, item in enumerate(self.items) if not item.duplicate]


class Source(Protocol):
    NAME: str
    LABEL: str

    def read(self, data: bytes, user) -> Reading: ...

    def add(
        self, reading: Reading, user, chosen: Collection[int] | None = None
    ) -> dict[str, int]: ...


# --from NAME → the module that reads it (each exposes NAME, LABEL, read and add).
SOURCES: dict[str, str] = {
    "jrnl": "tending.exchange.foreign.jrnl",
    "dayone": "tending.exchange.foreign.dayone",
    "daylio": "tending.exchange.foreign.daylio",
    "vcard": "tending.exchange.foreign.vcard",
}


def source(name: str) -> Source:
    return importlib.import_module(SOURCES[name])  # type: ignore[return-value]


# Long work may say how far it has come; the CLI listens and draws a bar on a terminal.
_listener: ContextVar[Callable[[int, int], None] | None] = ContextVar("listener", default=None)


def progress(done: int, total: int) -> None:
    """Tell whoever listens that `done` of `total` things are done (nothing if nobody does)."""
    listener = _listener.get()
    if listener is not None:
        listener(done, total)


@contextmanager
def listening(listener: Callable[[int, int], None]) -> Iterator[None]:
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)
