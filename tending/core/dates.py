"""Dates and local times as tending accepts them: a plausible span, one answer for clock changes.

When the clocks go back, a local time such as 02:30 happens twice; when they go forward, 02:30
never happens. Django's own form field refuses both with a message about ambiguity. tending
resolves them the same way on the web and at the terminal, through `resolve_local_time`.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from django.core.exceptions import ValidationError

from tending.core.words import gettext as _
from tending.core.words import ready

EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


def zone_named(name: str) -> zoneinfo.ZoneInfo:
    """The time zone an account's `time_zone` names; UTC for a name no longer known."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def check_plausible_date(day: date) -> None:
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(
            _("Please give a date between %(earliest)s and %(latest)s.")
            % {"earliest": EARLIEST.year, "latest": LATEST.year},
            code="out_of_range",
        )


@dataclass(frozen=True)
class LocalTime:
    # Aware, in UTC: an aware time in the repeated hour never compares equal to another zone's
    # (PEP 495), so what leaves here carries no fold to trip over.
    when: datetime
    note: str = ""  # what was done about a clock change, in words; empty when nothing was


def _round_trip(local: datetime, zone: tzinfo) -> datetime:
    return local.astimezone(UTC).astimezone(zone)


def resolve_local_time(naive: datetime, zone: tzinfo, keep: datetime | None = None) -> LocalTime:
    """The instant a wall-clock time in `zone` means, whatever the clocks did that day.

    - A time that came twice (the clocks went back): the earlier of the two, unless `keep`
      (the instant already stored) shows the same wall-clock time, in which case it is kept,
      so re-saving a moment unchanged never moves it by an hour.
    - A time that never came (the clocks went forward): moved forward by the size of the
      jump (02:30 becomes 03:30), and the note says so.
    """
    naive = naive.replace(tzinfo=None, fold=0)
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if _round_trip(first, zone).replace(tzinfo=None) != naive:
        # zoneinfo reads a missing time with the offset from before the jump, so the round
        # trip lands the same distance after it: the time shifted forward.
        shifted = _round_trip(first, zone)
        return LocalTime(
            shifted.astimezone(UTC),
            _(
                "On %(day)s the clocks went forward, so there was no %(asked)s; "
                "tending saved %(saved)s."
            )
            % {"day": _day(naive), "asked": f"{naive:%H:%M}", "saved": f"{shifted:%H:%M}"},
        )
    if first.utcoffset() == second.utcoffset():
        return LocalTime(first.astimezone(UTC))
    if keep is not None and keep.astimezone(zone).replace(tzinfo=None, fold=0) == naive:
        return LocalTime(keep.astimezone(UTC))
    return LocalTime(
        first.astimezone(UTC),
        _("On %(day)s the clocks went back, so %(asked)s came twice; tending saved the first.")
        % {"day": _day(naive), "asked": f"{naive:%H:%M}"},
    )


def _day(moment: datetime) -> str:
    if not ready():  # a quick path at the terminal, without Django: in English
        return f"{moment.day} {moment:%B %Y}"
    from tending.core.date_format import format_date

    return format_date(moment, "j F Y")


def stored_day(value: date | str | None) -> date | None:
    """A stored day as a query gives it back: a date from PostgreSQL, its text from SQLite."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def stored_time(value: datetime | str | None) -> datetime | None:
    """A stored time as a query gives it back, made aware: PostgreSQL gives an aware time;
    SQLite gives text (or, through the ORM, a time without a zone), always in UTC.

    Read for every row of long lists: text with "+00:00" put on it is read aware at once,
    which costs a fifth of reading it and then setting its zone."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value + "+00:00")
        except ValueError:  # text that already names its offset
            value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
