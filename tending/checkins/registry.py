"""The instruments this instance offers: the built-ins plus a host's own folder.

`instruments()` and `get_instrument()` give each definition as written, in English: what
answers are scored and kept against, and what programs read. `shown_instruments()` and
`shown_instrument()` give them as the page's language shows them (English where a file lacks
that language), for everything a person reads.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.utils.translation import get_language

from tending.checkins.definitions import Instrument, builtin_folder, load_instruments


@lru_cache(maxsize=1)
def instruments() -> dict[str, Instrument]:
    folders = [builtin_folder()]
    if settings.INSTRUMENTS_DIR is not None:
        folders.append(settings.INSTRUMENTS_DIR)
    return load_instruments(folders)


def get_instrument(instrument_id: str) -> Instrument | None:
    return instruments().get(instrument_id)


def shown_instruments(language: str | None = None) -> dict[str, Instrument]:
    """Every instrument in `language` (the page's when None), in the same order."""
    language = language or get_language()
    return {key: inst.in_language(language) for key, inst in instruments().items()}


def shown_instrument(instrument_id: str, language: str | None = None) -> Instrument | None:
    """One instrument in `language` (the page's when None); None when there is no such one."""
    inst = instruments().get(instrument_id)
    return None if inst is None else inst.in_language(language or get_language())
