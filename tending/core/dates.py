"""The span of dates tending accepts, so odd input gets a message instead of an overflow."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError

EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


def check_plausible_date(day: date) -> None:
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(
            f"Please give a date between {EARLIEST.year} and {LATEST.year}.", code="out_of_range"
        )
