"""The summary for the next therapy session, as the API shows it: its shapes, and the
summary (tending.growth.therapy_summary) put into them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from tending.api.common import Shown
from tending.growth import therapy_summary
from tending.growth.therapy_forms import KINDS

Kind = Literal[KINDS]  # type: ignore[valid-type]


class SummaryLastSessionOut(Shown):
    id: int
    held_on: date
    with_whom: str


class SummaryWaitingOut(Shown):
    id: int
    kind: Kind
    label: str
    when: str
    note: str
    excerpt: str


class SummaryHomeworkOut(Shown):
    id: int
    text: str
    due: date | None
    done_on: date | None
    goal_id: int
    goal_title: str
    session_held_on: date | None


class SummaryResultOut(Shown):
    total: float
    band_label: str
    taken_at: datetime


class SummaryChangeOut(Shown):
    delta: float
    meaningful: bool | None = Field(description="Null: the check-in defines no such change.")
    direction: Literal["better", "worse", "same"]
    words: str = Field(description="“better”, “harder” or “no change”.")


class SummaryCheckInChangeOut(Shown):
    title: str
    before: SummaryResultOut | None = Field(description="The last result on or before `since`.")
    newest: SummaryResultOut
    change: SummaryChangeOut | None
    higher_is: str | None


class TherapySummaryOut(Shown):
    made_on: date
    last_session: SummaryLastSessionOut | None
    since: date = Field(description="The last session's day, or 30 days ago with none.")
    waiting: list[SummaryWaitingOut]
    homework: list[SummaryHomeworkOut] = Field(description="Open, or done since the last session.")
    changes: list[SummaryCheckInChangeOut]


def summary_of(found: therapy_summary.Summary) -> dict:
    """The summary's values in TherapySummaryOut's shape."""
    return {
        "made_on": found.made_on,
        "last_session": found.last,
        "since": found.since,
        "waiting": [{**vars(flag), "id": flag.pk} for flag in found.flagged],
        "homework": [_homework(row) for row in found.homework],
        "changes": [_change(change) for change in found.changes],
    }


def _homework(row: dict) -> dict:
    return {**row, "goal_title": row["goal__title"], "session_held_on": row["session__held_on"]}


def _change(found: therapy_summary.CheckInChange) -> dict:
    change = found.change
    return {
        "title": found.title,
        "before": found.before,
        "newest": found.newest,
        "change": None if change is None else {**vars(change), "words": change.words},
        "higher_is": found.higher_is,
    }
