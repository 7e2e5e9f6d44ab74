"""Series for the charts over the years: which stretch of time, weekly and monthly means, and
which results changed meaningfully. Pure: no Django."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from tending.checkins.definitions import Instrument
from tending.checkins.scoring import change_since

# key -> (words for the switch, days back; None for everything)
# Each range and the days it reaches back; its name is the page's (checkins.views.RANGE_NAMES).
RANGES = {"3m": 91, "1y": 365, "all": None}
DEFAULT_RANGE = "3m"
WEEKLY_BEYOND = 366  # days: a longer stretch is drawn as weekly means


def range_key(raw: str | None) -> str:
    """The range asked for, or the default for anything else."""
    return raw if raw in RANGES else DEFAULT_RANGE


def range_start(key: str, now: datetime) -> datetime | None:
    """Where a range begins; None for "all" (from the first result)."""
    days = RANGES[key]
    return None if days is None else now - timedelta(days=days)


def grouped_means(points: Sequence[tuple[date | datetime, float]], key, first_day) -> list:
    """(group's first day, mean, how many) for points grouped by key(day), in order;
    first_day(key) names a group by its first day."""
    groups: dict = {}
    for when, value in points:
        day = when.date() if isinstance(when, datetime) else when
        group = groups.get(key(day))
        if group is None:
            groups[key(day)] = [value, 1]
        else:
            group[0] += value
            group[1] += 1
    return [(first_day(k), total / n, n) for k, (total, n) in sorted(groups.items())]


def _monday(day: date) -> int:
    ordinal = day.toordinal()
    return ordinal - (ordinal - 1) % 7  # day 1 (1 January of year 1) was a Monday


def weekly_means(points: Sequence[tuple[date | datetime, float]]) -> list[tuple[date, float, int]]:
    """Means of each week (Monday to Sunday) that has any point, in order."""
    return grouped_means(points, _monday, date.fromordinal)


def monthly_means(
    points: Sequence[tuple[date | datetime, float]],
) -> list[tuple[date, float, int]]:
    """Means of each month that has any point, in order, keyed by the month's first day."""
    return grouped_means(points, lambda day: (day.year, day.month), lambda k: date(k[0], k[1], 1))


def needs_weekly(start: date | datetime, end: date | datetime) -> bool:
    """Whether a stretch is long enough to draw weekly means instead of every result."""
    return (end - start).days > WEEKLY_BEYOND


def meaningful_changes(
    inst: Instrument, points: Sequence[tuple[datetime, float]]
) -> list[tuple[datetime, float, float]]:
    """(when, score, change) of each result that differs meaningfully from the one before it,
    as the instrument defines a meaningful change (none when it defines none)."""
    if inst.meaningful_change is None:
        return []
    found = []
    for (_, before), (when, value) in zip(points, points[1:], strict=False):
        change = change_since(inst, value, before)
        if change is not None and change.meaningful:
            found.append((when, value, change.delta))
    return found
