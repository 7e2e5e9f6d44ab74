"""The instruments this instance offers: the built-ins plus a host's own folder."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings

from tending.checkins.definitions import Instrument, builtin_folder, load_instruments


@lru_cache(maxsize=1)
def instruments() -> dict[str, Instrument]:
    folders = [builtin_folder()]
    if settings.INSTRUMENTS_DIR is not None:
        folders.append(settings.INSTRUMENTS_DIR)
    return load_instruments(folders)


def get_instrument(instrument_id: str) -> Instrument | None:
    return instruments().get(instrument_id)
