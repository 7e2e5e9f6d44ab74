"""Plain values for the CSV and Markdown exports: safe cells, local times, birthdays, words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, tzinfo

# A spreadsheet takes a cell starting with one of these as a formula (or as the start of
# one, after a tab or a line break), and a formula can fetch, run or leak things.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
SEPARATOR = "; "  # between the names in one cell (people, tags)

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def safe_cell(value: object) -> object:
    """`value` as a CSV cell that a spreadsheet shows as written and never runs.

    Text that starts like a formula gets an apostrophe in front, which spreadsheets read as
    "this is text" (and hide). Numbers stay numbers; nothing becomes an empty cell; true and
    false become yes and no.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    return [safe_cell(value) for value in values]


def joined(names: Iterable[str]) -> str:
    """Several names in one cell, in the order given."""
    return SEPARATOR.join(names)


def local_stamp(moment: datetime | None, zone: tzinfo) -> str:
    """An aware time in ISO 8601, in `zone`, to the second, with its offset.

    For example 2026-03-14T09:05:00+01:00; empty for no time at all.
    """
    if moment is None:
        return ""
    return moment.astimezone(zone).isoformat(timespec="seconds")


def birthday_date(day: int | None, month: int | None, year: int | None) -> str:
    """The birthday as an ISO date, 1985-04-12, when its year is known too; else empty.

    (ISO's own form without a year, --04-12, starts like a formula; the CSV export gives the
    day and the month in cells of their own instead.)
    """
    if day and month and year:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of letters or digits, "don't" being one."""
    return len(_WORD.findall(text))
