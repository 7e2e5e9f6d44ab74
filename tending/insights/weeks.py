"""Weeks for the weekly review: where one starts, which is "the week just gone", its neighbours,
and the one reflection question each week offers. No Django here."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tending.journal.prompts import Prompt, choose_prompt

FIRST_WEEKDAY = 0  # Monday, as everywhere else in tending for now
EARLIEST = date(1900, 1, 1)  # a Monday: no week before it is offered
# The week just gone is the latest week of which at least this many days have come (today
# counted): on a Thursday it is this week; on a Monday or a Wednesday, the week before.
DAYS_TO_COUNT = 4
WEEK = timedelta(days=7)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def week_start(day: date, first_weekday: int = FIRST_WEEKDAY) -> date:
    """The first day of the week `day` is in."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def week_just_gone(today: date) -> date:
    """The first day of the week the review shows by default."""
    return week_start(today - timedelta(days=DAYS_TO_COUNT - 1))


def parse_day(text: str) -> date | None:
    """A day written as YYYY-MM-DD, or None for anything else."""
    if not _ISO_DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class Week:
    start: date
    end: date  # the last day, included
    earlier: date | None  # the first day of the week before, when there is one to show
    later: date | None  # the first day of the week after, when it has begun
    is_current: bool  # today is one of its days: the week is not over yet


def week_of(start: date, today: date) -> Week | None:
    """The week beginning `start`, or None when it has not begun or is before EARLIEST."""
    if start > today or start < EARLIEST:
        return None
    end = start + timedelta(days=6)
    earlier = start - WEEK
    later = start + WEEK
    return Week(
        start=start,
        end=end,
        earlier=earlier if earlier >= EARLIEST else None,
        later=later if later <= today else None,
        is_current=today <= end,
    )


def is_review_day(today: date, review_weekday: int | None) -> bool:
    """Whether today is the day the person chose for their weekly review."""
    return review_weekday is not None and today.weekday() == review_weekday


def reflection_prompt(
    prompts: Sequence[Prompt], start: date, hidden_ids: Collection[str] = ()
) -> Prompt | None:
    """The week's one question to write about: the same for the same week, never a hidden one."""
    return choose_prompt(prompts, hidden_ids=hidden_ids, seed=f"week:{start.isoformat()}")
