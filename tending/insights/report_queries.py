"""Reads for the supporter report: only the chosen period's rows, and only for chosen parts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

import numpy as np
from django.db import connection
from django.utils import timezone
from django.utils.translation import get_language
from markupsafe import Markup, escape

from tending.checkins.models import CheckIn
from tending.checkins.registry import instruments, shown_instruments
from tending.circle.models import Person
from tending.core.date_format import format_date
from tending.core.ownership import owned
from tending.core.reads import as_stored
from tending.insights import chart_data, findings
from tending.insights.assemble import day_indexes, midnights
from tending.insights.chart_data import epoch_sql
from tending.insights.report import (
    EntryText,
    MomentTotals,
    PlanPart,
    Report,
    Scale,
    ScoreRow,
    assemble,
    scales,
)
from tending.insights.review_sql import column, day_bounds, table
from tending.journal.models import Entry, heading
from tending.moments.models import Moment
from tending.safety.queries import plan_for

ENTRIES_LISTED = 200  # entries of the period offered to tick; a shorter period shows the rest


def entries_to_choose(user, start: date, end: date) -> tuple[list[tuple[int, str]], bool]:
    """The period's journal entries as (id, "day: heading"), newest first, and whether there
    are more than the list holds."""
    with connection.cursor() as cursor:
        cursor.execute(_entries_sql(), [user.pk, start, end, ENTRIES_LISTED + 1])
        rows = cursor.fetchall()
    language = get_language()
    listed = [(pk, _choice(day, title, language)) for pk, day, title in rows[:ENTRIES_LISTED]]
    return listed, len(rows) > ENTRIES_LISTED


@lru_cache(maxsize=1024)
def _choice(day: date | str, title: str, language: str | None) -> Markup:
    """ "Wed 2 Dec 2026: heading" in the page's language, escaped for the page once, and kept
    for the entries listed again and again as choices are made: reading a title's words out
    of its Markdown costs more than the rest of a row."""
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return escape(f"{format_date(day, 'D j M Y')}: {heading(title, day)}")


@lru_cache(maxsize=1)
def _entries_sql() -> str:
    e = {n: column(Entry, n) for n in ("id", "written_on", "title", "owner")}
    return (
        f"SELECT {e['id']}, {as_stored(e['written_on'])}, {e['title']} FROM {table(Entry)}"
        f" WHERE {e['owner']} = %s AND {e['written_on']} BETWEEN %s AND %s"
        f" ORDER BY {e['written_on']} DESC, {e['id']} DESC LIMIT %s"
    )


def _scores(user, start: date, end: date) -> list[ScoreRow]:
    """The period's results, each on the person's day: the database gives seconds since 1970
    and the days are found all at once against the period's midnights (a time turned into a
    local date row by row was half the cost of three months of daily check-ins)."""
    kinds = list(instruments())
    with connection.cursor() as cursor:
        cursor.execute(_scores_sql(len(kinds)), [user.pk, *kinds, *day_bounds(start, end)])
        rows = cursor.fetchall()
    if not rows:
        return []
    count = (end - start).days + 1
    starts = midnights(start, count, timezone.get_current_timezone())
    found = day_indexes(np.array([when for _, when, _ in rows], dtype=np.float64), starts)
    days = [start + timedelta(days=n) for n in range(count)]
    return [
        ScoreRow(kind, days[index], total)
        for (kind, _, total), index in zip(rows, found.tolist(), strict=True)
    ]


def _kept_scales(user, start: date, end: date) -> tuple[Scale, ...]:
    """The period's results as the report shows them, scale by scale, kept until one of them
    is added or deleted (a result is never changed) or the person's zone changes: the stamp
    is read from the (owner, kind, time, id) index alone, where the results themselves would
    be read, placed, dated and banded every time."""
    kinds = list(instruments())
    with connection.cursor() as cursor:
        cursor.execute(
            _scores_sql(len(kinds), stamp=True), [user.pk, *kinds, *day_bounds(start, end)]
        )
        stamp = tuple(cursor.fetchone())
    made_from = (start, end, str(timezone.get_current_timezone()), tuple(kinds), stamp)
    return chart_data.kept(
        user,
        "report-scales",
        made_from,
        lambda: scales(_scores(user, start, end), shown_instruments()),
    )


def _kept_moments(user, start: date, end: date):
    """The period's moments added up, kept until a moment of the period is added or deleted,
    any moment or person is changed (a moment's people change only with the moment), or a
    person is added or removed: each of these is one step into an index."""
    moment, person = table(Moment), table(Person)
    owner, updated = column(Moment, "owner"), column(Moment, "updated_at")
    when = column(Moment, "occurred_at")
    sql = (
        f"SELECT (SELECT COUNT(*) FROM {moment} WHERE {owner} = %s AND {when} >= %s"
        f" AND {when} < %s), (SELECT MAX({updated}) FROM {moment} WHERE {owner} = %s),"
        f" (SELECT COUNT(*) FROM {person} WHERE {column(Person, 'owner')} = %s),"
        f" (SELECT MAX({column(Person, 'updated_at')}) FROM {person}"
        f" WHERE {column(Person, 'owner')} = %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, *day_bounds(start, end), user.pk, user.pk, user.pk])
        stamp = tuple(str(value) for value in cursor.fetchone())
    made_from = (start, end, str(timezone.get_current_timezone()), stamp)
    return chart_data.kept(user, "report-moments", made_from, lambda: _moments(user, start, end))


def _moments(user, start: date, end: date):
    """The period's moments added up: totals, and the moments with each person by ring."""
    with connection.cursor() as cursor:
        cursor.execute(_moments_sql(), [user.pk, *day_bounds(start, end)] * 2)
        rows = cursor.fetchall()
    totals, people = MomentTotals(), []
    for kind, ring, name, count, *sums in rows:
        if kind == 0:
            pairs = [(int(sums[i] or 0), int(sums[i + 1] or 0)) for i in (0, 2, 4)]
            totals = MomentTotals(int(count or 0), *pairs)
        else:
            people.append((ring, name, int(count)))
    return totals, people


@lru_cache(maxsize=8)
def _scores_sql(kinds: int, stamp: bool = False) -> str:
    """The period's results, or (`stamp`) how many there are and the newest id."""
    c = {n: column(CheckIn, n) for n in ("id", "instrument_id", "taken_at", "total", "owner")}
    marks = ", ".join(["%s"] * kinds)
    read = (
        f"COUNT(*), MAX({c['id']})"
        if stamp
        else f"{c['instrument_id']}, {epoch_sql(c['taken_at'])}, {c['total']}"
    )
    # Naming every kind lets the (owner, kind, time) index find the period's rows directly,
    # in the order asked for: without it, PostgreSQL may read them from the (owner, newest)
    # index, newest first.
    order = "" if stamp else f" ORDER BY {c['instrument_id']}, {c['taken_at']}, {c['id']}"
    return (
        f"SELECT {read}"
        f" FROM {table(CheckIn)}"
        f" WHERE {c['owner']} = %s AND {c['instrument_id']} IN ({marks})"
        f" AND {c['taken_at']} >= %s AND {c['taken_at']} < %s{order}"
    )


@lru_cache(maxsize=1)
def _moments_sql() -> str:
    m = {
        n: f"m.{column(Moment, n)}"
        for n in ("id", "owner", "occurred_at", "felt_understood", "felt_safe", "closeness_after")
    }
    through = Moment.people.through
    period = f"{m['owner']} = %s AND {m['occurred_at']} >= %s AND {m['occurred_at']} < %s"
    person = f"mp.{column(through, 'person')}"
    # Counted per person from the indexes alone, then each person's ring and name read once
    # (not once for each of their moments).
    per_person = (
        f"SELECT {person} AS pid, COUNT(*) AS n FROM {table(Moment)} m"
        f" JOIN {table(through)} mp ON mp.{column(through, 'moment')} = {m['id']}"
        f" WHERE {period} GROUP BY {person}"
    )
    joined = f" FROM ({per_person}) x JOIN {table(Person)} p ON p.{column(Person, 'id')} = x.pid"
    ring, name = f"p.{column(Person, 'ring')}", f"p.{column(Person, 'name')}"
    rated = ", ".join(
        f"SUM({m[n]}), COUNT({m[n]})" for n in ("felt_understood", "felt_safe", "closeness_after")
    )
    blank = ", ".join(["NULL"] * 6)
    # The moments and the people in them, added up by the database in one query: three
    # months hold hundreds of moments, and only these few numbers are shown.
    return (
        f"SELECT 0, NULL, NULL, COUNT(*), {rated} FROM {table(Moment)} m WHERE {period}"
        f" UNION ALL SELECT 1, {ring}, {name}, x.n, {blank}{joined}"
    )


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
        instruments=shown_instruments(),
        shown_scales=_kept_scales(user, start, end) if "scores" in chosen else None,
        moments=_kept_moments(user, start, end) if "moments" in chosen else (),
        entries=_entries(user, entry_ids) if "journal" in chosen and entry_ids else (),
        plan=_plan(user) if "safety" in chosen else (),
        findings=_findings(user) if "findings" in chosen else (),
    )
