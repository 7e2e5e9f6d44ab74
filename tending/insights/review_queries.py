"""Reads for the weekly review: only that week's rows, each kind in one query."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from django.db import connection
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.checkins.queries import start_of
from tending.checkins.registry import instruments
from tending.core.ownership import owned
from tending.insights import findings
from tending.insights.review import (
    CheckInRow,
    EntryRow,
    MomentRow,
    WeekReview,
    first_line,
    week_review,
)
from tending.insights.weeks import Week, reflection_prompt
from tending.journal.models import Entry, HiddenPrompt, heading
from tending.journal.prompts import library
from tending.moments.models import Moment
from tending.today.queries import active_people, reach_out_suggestions

SNIPPET = 300  # characters of an entry's words read for its first line
ONE = timedelta(days=1)


def goal_steps(user, week: Week) -> list:
    """The steps taken towards the person's goals this week.

    Growth (goals and brave steps) is not built yet, so there are none; when it is, read the
    week's steps here and the review shows them under "Steps towards your goals"."""
    return []


def moments_of(user, week: Week) -> list[MomentRow]:
    """The week's moments with the names of the people in each, in one query."""
    rows = (
        owned(Moment, user)
        .filter(occurred_at__gte=start_of(week.start), occurred_at__lt=start_of(week.end + ONE))
        .order_by("occurred_at", "id")
        .values_list(
            "id",
            "occurred_at",
            "people__name",
            "felt_understood",
            "felt_safe",
            "closeness_after",
            "self_disclosure",
            "other_disclosure",
        )
    )
    zone = timezone.get_current_timezone()
    found: dict[int, MomentRow] = {}
    names: dict[int, list[str]] = {}
    for pk, when, name, understood, safe, closeness, mine, theirs in rows:
        if pk not in found:
            day = when.astimezone(zone).date()
            found[pk] = MomentRow(pk, day, (), understood, safe, closeness, mine, theirs)
            names[pk] = []
        if name is not None:
            names[pk].append(name)
    return [
        MomentRow(**{**row.__dict__, "people": tuple(sorted(names[pk], key=str.casefold))})
        for pk, row in found.items()
    ]


def checkins_of(user, week: Week) -> list[CheckInRow]:
    """The week's check-ins, each with the score of the one of its kind taken before it."""
    before = (
        CheckIn.objects.filter(
            owner=OuterRef("owner"),
            instrument_id=OuterRef("instrument_id"),
            taken_at__lt=OuterRef("taken_at"),
        )
        .order_by("-taken_at", "-id")
        .values("total")[:1]
    )
    rows = (
        owned(CheckIn, user)
        .filter(taken_at__gte=start_of(week.start), taken_at__lt=start_of(week.end + ONE))
        .annotate(previous=Subquery(before))
        .values_list("id", "instrument_id", "taken_at", "total", "previous")
    )
    zone = timezone.get_current_timezone()
    return [
        CheckInRow(pk, kind, when.astimezone(zone).date(), total, previous)
        for pk, kind, when, total, previous in rows
    ]


def entries_and_hidden_prompts(user, week: Week) -> tuple[list[EntryRow], set[str]]:
    """The week's journal entries (title and first words) and the prompts the person hid."""
    with connection.cursor() as cursor:
        cursor.execute(_entries_sql(), [user.pk, week.start, week.end, user.pk])
        rows = cursor.fetchall()
    entries, hidden = [], set()
    for kind, pk, title, day, words in rows:
        if kind == 1:
            hidden.add(title)
            continue
        day = date.fromisoformat(day) if isinstance(day, str) else day
        entries.append(EntryRow(pk, day, heading(title, day), first_line(words or "")))
    return entries, hidden


@lru_cache(maxsize=1)
def _entries_sql() -> str:
    quote = connection.ops.quote_name

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    entry, hidden = quote(Entry._meta.db_table), quote(HiddenPrompt._meta.db_table)
    owner = quote("owner_id")
    return (
        f"SELECT 0, {column(Entry, 'id')}, {column(Entry, 'title')}, "
        f"{column(Entry, 'written_on')}, SUBSTR({column(Entry, 'body_plain')}, 1, {SNIPPET}) "
        f"FROM {entry} WHERE {owner} = %s AND {column(Entry, 'written_on')} BETWEEN %s AND %s"
        f" UNION ALL SELECT 1, NULL, {column(HiddenPrompt, 'prompt_id')}, NULL, NULL "
        f"FROM {hidden} WHERE {owner} = %s"
    )


def most_overdue(user, today: date):
    """The person most overdue for their rhythm now (Today's first suggestion), or None."""
    suggestions = reach_out_suggestions(today, active_people(user))
    return suggestions[0] if suggestions else None


def review_for(user, week: Week, today: date) -> WeekReview:
    entries, hidden = entries_and_hidden_prompts(user, week)
    recent = week.is_current or week.later is None or week.later + timedelta(days=7) > today
    return week_review(
        moments_of(user, week),
        checkins_of(user, week),
        entries,
        instruments(),
        # Who is overdue is about now: asked only for the latest weeks, where it helps.
        overdue=most_overdue(user, today) if recent else None,
        findings=findings.new_or_firmer(user, since=week.start),
        prompt=reflection_prompt(library(), week.start, hidden),
        goal_steps=goal_steps(user, week),
    )
