"""A month as weeks of seven days, for the journal's calendar: pure, no database."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class CalendarDay:
    """One day of the grid: the date, how many entries are about it, and whether it is today."""

    day: date
    entries: int
    today: bool


def month_weeks(
    month: date, entries: Mapping[int, int], today: date | None = None, first_weekday: int = 0
) -> list[list[CalendarDay | None]]:
    """The weeks of the month `month` falls in, as rows of seven starting on `first_weekday`
    (as `date.weekday()` counts: Monday 0, Sunday 6).

    `entries` maps a day of the month (1 to 31) to how many entries there are about it; a day
    it leaves out has none. The places before the first day and after the last are None.
    """
    first = month.replace(day=1)
    length = calendar.monthrange(first.year, first.month)[1]
    cells: list[CalendarDay | None] = [None] * ((first.weekday() - first_weekday) % 7)
    for number in range(1, length + 1):
        day = first.replace(day=number)
        cells.append(CalendarDay(day, entries.get(number, 0), day == today))
    cells += [None] * (-len(cells) % 7)
    return [cells[start : start + 7] for start in range(0, len(cells), 7)]


def nearest_before(months: list[date], month: date) -> date | None:
    """The latest of `months` before `month`, or None."""
    return max((m for m in months if m < month), default=None)
