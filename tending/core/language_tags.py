"""Language codes as pages, the terminal and data files name them ("de", "de-AT", "de_DE").
Pure, no Django: the data files' readers (check-ins, prompts, crisis lines, the Mirror's
words, ladders) share these, so that each finds a translation the same way."""

from __future__ import annotations

from collections.abc import Collection

ENGLISH = "en"


def general(code: str | None) -> str:
    """The language without its region: "de" for "de", "de-AT" or "de_DE"; English for none."""
    return (code or ENGLISH).lower().replace("_", "-").split("-")[0]


def best(code: str | None, available: Collection[str], fallback: str = ENGLISH) -> str:
    """Which of `available` a reader of `code` is shown: the language itself (as written in
    `available`, in lower case), else its general form, else `fallback`."""
    if not code:
        return fallback
    exact = code.lower().replace("_", "-")
    if exact in available:
        return exact
    base = general(exact)
    return base if base in available else fallback
