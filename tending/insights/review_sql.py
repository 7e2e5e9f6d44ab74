"""Small helpers for the weekly review's and the report's written-out SQL."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from tending.checkins.queries import start_of
from tending.core.dates import stored_time
from tending.core.reads import column, table  # noqa: F401 (the review's SQL imports them here)


def day_bounds(first: date, last: date) -> list:
    """From the start of `first` to the start of the day after `last`, in the person's zone,
    as the database compares stored times."""
    return [start_of(first), start_of(last + timedelta(days=1))]


def local_day(value, zone=None) -> date:
    """The person's day of a time as SQL gives it back: PostgreSQL an aware time, SQLite UTC
    text. Pass `zone` (the current time zone) when converting many: asking for it costs more
    than the conversion."""
    return stored_time(value).astimezone(zone or timezone.get_current_timezone()).date()
