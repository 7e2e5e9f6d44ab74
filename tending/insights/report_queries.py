"""Reads for the supporter report: only the chosen period's rows, and only for chosen parts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.checkins.queries import start_of
from tending.checkins.registry import instruments
from tending.core.ownership import owned
from tending.insights import findings
from tending.insights.report import (
    EntryText,
    MomentPersonRow,
    PlanPart,
    Report,
    ScoreRow,
    assemble,
    last_day_shown,
)
from tending.journal.models import Entry, heading
from tending.moments.models import Moment
from tending.safety.queries import plan_for

ENTRIES_LISTED = 200  # entries of the period offered to tick; a shorter period shows the rest


def entries_to_choose(user, start: date, end: date) -> tuple[list[tuple[int, str]], bool]:
    """The period's journal entries as (id, "day: heading"), newest first, and whether there
    are more than the list holds."""
    rows = list(
        owned(Entry, user)
        .filter(written_on__range=(start, end))
        .order_by("-written_on", "-id")
        .values_list("id", "written_on", "title")[: ENTRIES_LISTED + 1]
    )
    listed = [
        (pk, f"{day:%a} {day.day} {day:%b %Y}: {heading(title, day)}")
        for pk, day, title in rows[:ENTRIES_LISTED]
    ]
    return listed, len(rows) > ENTRIES_LISTED


def _scores(user, start: date, end: date) -> list[ScoreRow]:
    zone = timezone.get_current_timezone()
    rows = (
        owned(CheckIn, user)
        .filter(taken_at__gte=start_of(start), taken_at__lt=start_of(last_day_shown(end)))
        .values_list("instrument_id", "taken_at", "total")
    )
    return [ScoreRow(kind, when.astimezone(zone).date(), total) for kind, when, total in rows]


def _moments(user, start: date, end: date) -> list[MomentPersonRow]:
    rows = (
        owned(Moment, user)
        .filter(occurred_at__gte=start_of(start), occurred_at__lt=start_of(last_day_shown(end)))
        .values_list(
            "id",
            "people__name",
            "people__ring",
            "felt_understood",
            "felt_safe",
            "closeness_after",
        )
    )
    return [MomentPersonRow(*row[:1], row[1] or "", row[2] or "", *row[3:]) for row in rows]


def _entries(user, chosen: Iterable[int]) -> list[EntryText]:
    """The chosen entries' words; the ids were checked against the person's own entries."""
    rows = owned(Entry, user).filter(pk__in=list(chosen)).values_list("written_on", "title", "body")
    return [EntryText(day, heading(title, day), body) for day, title, body in rows]


def _plan(user) -> list[PlanPart]:
    parts = []
    for section in plan_for(user).filled:
        lines = []
        for row in section.shown:
            phone = row.person.phone if section.is_helpers else row.phone
            lines.append(f"{row}, {phone}" if phone else str(row))
        parts.append(PlanPart(section.title, tuple(lines)))
    return parts


def _findings(user) -> list[tuple[str, str]]:
    return [(found.status, found.sentence) for found in findings.current_findings(user)]


def report_for(
    user, start: date, end: date, sections: Iterable[str], entry_ids: Iterable[int] = ()
) -> Report:
    """The report of the chosen parts; a part not chosen is not even read."""
    chosen = set(sections)
    entry_ids = list(entry_ids)
    return assemble(
        start,
        end,
        chosen,
        instruments=instruments(),
        scores=_scores(user, start, end) if "scores" in chosen else (),
        moments=_moments(user, start, end) if "moments" in chosen else (),
        entries=_entries(user, entry_ids) if "journal" in chosen and entry_ids else (),
        plan=_plan(user) if "safety" in chosen else (),
        findings=_findings(user) if "findings" in chosen else (),
    )
