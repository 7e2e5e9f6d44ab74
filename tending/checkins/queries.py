"""Reads of check-ins: history, the previous result, and which checks are due."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from django.db import connection
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from tending.checkins.definitions import Instrument, SafetyRule
from tending.checkins.models import CheckIn, CheckInChoice, CheckInDraft, Frequency
from tending.checkins.registry import instruments, shown_instruments
from tending.checkins.scoring import safety_fired
from tending.core.dates import stored_time
from tending.core.ownership import is_row_id, owned
from tending.core.reads import Read, as_stored, columns_of, read_together


def history(user, instrument_id: str) -> QuerySet[CheckIn]:
    return owned(CheckIn, user).filter(instrument_id=instrument_id)


_HISTORY_FROM = 'FROM "checkins_checkin" WHERE "owner_id" = %s AND "instrument_id" = %s'
_HISTORY = (
    'SELECT "id", {taken_at}, "total", "subscales", "band_label" '
    f'{_HISTORY_FROM} ORDER BY "taken_at" DESC, "id" DESC LIMIT %s OFFSET %s'
)


def history_count(user, instrument_id: str, cap: int | None) -> int:
    """How many results of one instrument there are, counting no further than cap + 1
    (everything when cap is None)."""
    if cap is None:
        sql, params = f"SELECT COUNT(*) {_HISTORY_FROM}", [user.pk, instrument_id]
    else:
        sql = f"SELECT COUNT(*) FROM (SELECT 1 {_HISTORY_FROM} LIMIT %s) c"
        params = [user.pk, instrument_id, cap + 1]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def history_slice(user, instrument_id: str, offset: int, limit: int) -> list[dict]:
    """Results of one instrument, newest first, as plain values: one written-out query (the
    ORM took longer to build it and make its rows than the database took to answer)."""
    with connection.cursor() as cursor:
        sql = _HISTORY.format(taken_at=as_stored('"taken_at"'))
        cursor.execute(sql, [user.pk, instrument_id, limit, offset])
        rows = cursor.fetchall()
    return [
        {
            "pk": pk,
            "taken_at": stored_time(taken_at),
            "total": total,
            "subscales": json.loads(subscales) if isinstance(subscales, str) else subscales,
            "band_label": band_label,
        }
        for pk, taken_at, total, subscales, band_label in rows
    ]


def previous_to(checkin: CheckIn) -> CheckIn | None:
    return (
        history(checkin.owner, checkin.instrument_id)
        .filter(taken_at__lt=checkin.taken_at)
        .order_by("-taken_at", "-id")
        .first()
    )


def frequencies(user) -> dict[str, str]:
    """Each instrument's frequency for this person: their choice, else the instrument's own."""
    return frequencies_from(
        dict(owned(CheckInChoice, user).values_list("instrument_id", "frequency"))
    )


def choices_read(user) -> Read:
    """(instrument id, frequency) of each check-in whose frequency the person chose."""
    return (
        "SELECT instrument_id, frequency FROM checkins_checkinchoice WHERE owner_id = %s",
        [user.pk],
    )


def frequencies_from(chosen: dict[str, str]) -> dict[str, str]:
    """Each instrument's frequency, from the person's choices (instrument id → frequency)."""
    return {i: chosen.get(i, inst.frequency) for i, inst in instruments().items()}


class Recent(NamedTuple):
    """What the list of check-ins shows of one result: plain values, no model to make."""

    pk: int
    owner_id: int
    instrument_id: str
    taken_at: datetime
    total: float
    band_label: str


_NEWEST_OF_ONE = (
    "SELECT * FROM (SELECT id, owner_id, instrument_id, {taken_at}, total, band_label"
    " FROM checkins_checkin WHERE owner_id = %s AND instrument_id = %s"
    " ORDER BY taken_at DESC, id DESC LIMIT %s) AS newest_{n}"
)


def _newest_read(user, count: int) -> Read:
    """The newest `count` check-ins of each instrument, as one read.

    Each instrument's newest rows are one step down the (owner, instrument, taken_at, id)
    index; grouping every row by instrument to find its latest time read all the years.
    The SQL is plain: built with the ORM, the five subqueries cost more to put together
    than to run."""
    ids = list(instruments())
    taken_at = as_stored("taken_at")
    sql = " UNION ALL ".join(_NEWEST_OF_ONE.format(n=n, taken_at=taken_at) for n in range(len(ids)))
    return sql, [p for instrument_id in ids for p in (user.pk, instrument_id, count)]


def _recent(rows: Iterable[tuple]) -> list[Recent]:
    return [
        Recent(pk, owner_id, instrument_id, stored_time(taken_at), total, band_label)
        for pk, owner_id, instrument_id, taken_at, total, band_label in rows
    ]


def newest_of_each(user, count: int = 1) -> list[Recent]:
    """The newest `count` check-ins of each instrument, in one query whatever the history's
    length (in no order: `by_instrument` puts them in one)."""
    if not getattr(user, "is_authenticated", False):
        return []
    [rows] = read_together([_newest_read(user, count)])
    return _recent(rows)


def by_instrument(found: Iterable[Recent]) -> dict[str, list[Recent]]:
    """Results grouped by instrument, each newest first; two taken at the same moment: the
    later one first."""
    grouped: dict[str, list[Recent]] = {}
    for checkin in found:
        grouped.setdefault(checkin.instrument_id, []).append(checkin)
    for rows in grouped.values():  # a union keeps no order of its own: put it back
        rows.sort(key=lambda c: (c.taken_at, c.pk), reverse=True)
    return grouped


def recent_by_instrument(user, count: int) -> dict[str, list[Recent]]:
    """The newest `count` check-ins of each instrument taken, newest first, in one query:
    the list of check-ins shows the newest and draws a sparkline of them all."""
    return by_instrument(newest_of_each(user, count))


def latest_by_instrument(user) -> dict[str, Recent]:
    """The newest check-in of each instrument, with what the list of check-ins shows of it."""
    return {c.instrument_id: c for c in newest_of_each(user)}


@dataclass
class Overview:
    """What the list of check-ins needs: each instrument's newest results (newest first),
    each one's frequency, and the instruments with answers kept in a draft."""

    recent: dict[str, list[Recent]]
    frequencies: dict[str, str]
    drafted: set[str]


def overview(user, count: int) -> Overview:
    """The list of check-ins' reads, together (one round trip on PostgreSQL)."""
    found, chosen, drafted = read_together(
        [
            _newest_read(user, count),
            choices_read(user),
            ("SELECT instrument_id FROM checkins_checkindraft WHERE owner_id = %s", [user.pk]),
        ]
    )  # fmt: skip
    return Overview(
        recent=by_instrument(_recent(found)),
        frequencies=frequencies_from(dict(chosen)),
        drafted={instrument_id for (instrument_id,) in drafted},
    )


@dataclass
class Around:
    """One check-in, the one taken before it (None for the first), and the newest few of its
    instrument (newest first, as plain values)."""

    checkin: CheckIn
    previous: CheckIn | None
    recent: list[dict]


_AROUND = """
SELECT 0 AS kind, {fields} FROM {table} WHERE owner_id = %s AND id = %s
UNION ALL SELECT * FROM (
  SELECT 1 AS kind, {fields} FROM {table} WHERE owner_id = %s
  AND instrument_id = (SELECT instrument_id FROM {table} WHERE owner_id = %s AND id = %s)
  AND taken_at < (SELECT taken_at FROM {table} WHERE owner_id = %s AND id = %s)
  ORDER BY taken_at DESC, id DESC LIMIT 1) AS previous
UNION ALL SELECT * FROM (
  SELECT 2 AS kind, {light} FROM {table} WHERE owner_id = %s
  AND instrument_id = (SELECT instrument_id FROM {table} WHERE owner_id = %s AND id = %s)
  ORDER BY taken_at DESC, id DESC LIMIT %s) AS recent
"""
# The newest few are shown only by their day and score: their answers are not read at all.
_HEAVY = ("answers", "subscales")


def around(user, checkin_id: int, count: int) -> Around:
    """A check-in of `user` (else 404) with what its result page shows besides, in one query.

    Each part is a step down the (owner, instrument, taken_at, id) index; "the one before"
    is the newest taken strictly earlier, as `previous_to` has it.
    """
    if not getattr(user, "is_authenticated", False) or not is_row_id(checkin_id):
        raise Http404("No check-in here.")
    quote = connection.ops.quote_name
    fields = [field.attname for field in CheckIn._meta.concrete_fields]
    nothing = "CAST(NULL AS jsonb)" if connection.vendor == "postgresql" else "NULL"
    light = ", ".join(nothing if name in _HEAVY else quote(name) for name in fields)
    table = quote(CheckIn._meta.db_table)
    sql = _AROUND.format(fields=columns_of(CheckIn), light=light, table=table)
    me, row = user.pk, int(checkin_id)
    params = [me, row, me, me, row, me, row, me, me, row, count]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    at = {name: fields.index(name) for name in ("id", "taken_at", "total", "band_label")}
    found: dict[int, list] = {0: [], 1: [], 2: []}
    for kind, *values in rows:
        values[at["taken_at"]] = stored_time(values[at["taken_at"]])
        found[kind].append(values)
    if not found[0]:
        raise Http404("No check-in here.")
    return Around(
        checkin=_checkin(fields, found[0][0]),
        previous=_checkin(fields, found[1][0]) if found[1] else None,
        recent=[
            {
                "pk": values[at["id"]],
                "taken_at": values[at["taken_at"]],
                "total": values[at["total"]],
                "band_label": values[at["band_label"]],
            }
            for values in found[2]
        ],  # fmt: skip
    )


def _checkin(fields: list[str], values: list) -> CheckIn:
    """A check-in made from a written-out read's row, its JSON and yes/nos as the ORM's."""
    for name in _HEAVY:
        at = fields.index(name)
        if isinstance(values[at], str):
            values[at] = json.loads(values[at])
    for name in ("prorated", "safety_fired"):
        values[fields.index(name)] = bool(values[fields.index(name)])
    return CheckIn.from_db(connection.alias, fields, values)


def recent(user, instrument_id: str, count: int) -> list[dict]:
    """The newest `count` results of one instrument, newest first, as plain values."""
    return list(
        history(user, instrument_id)
        .order_by("-taken_at", "-id")
        .values("pk", "taken_at", "total", "band_label")[:count]
    )


def is_due(frequency: str, last_taken: datetime | None, today: date) -> bool:
    """Daily: not yet done today. Weekly: not done in the last seven days. Else never due."""
    if frequency not in (Frequency.DAILY, Frequency.WEEKLY):
        return False
    if last_taken is None:
        return True
    last_day = timezone.localdate(last_taken)
    if frequency == Frequency.DAILY:
        return last_day < today
    return last_day <= today - timedelta(days=7)


def last_taken_by_instrument(user) -> dict[str, datetime]:
    """When each instrument was last taken, in one query; instruments never taken are absent."""
    return {c.instrument_id: c.taken_at for c in newest_of_each(user)}


def due_checkins(user, today: date | None = None) -> list[Instrument]:
    """Checks the person asked to be offered that have not been done in their period, as the
    page's language shows them."""
    today = today or timezone.localdate()
    last_taken = last_taken_by_instrument(user)
    chosen = frequencies(user)
    return [
        inst
        for inst_id, inst in shown_instruments().items()
        if is_due(chosen[inst_id], last_taken.get(inst_id), today)
    ]


def drafts(user) -> dict[str, CheckInDraft]:
    return {d.instrument_id: d for d in owned(CheckInDraft, user)}


@dataclass(frozen=True)
class RiskyDraft:
    instrument: Instrument
    fired: tuple[SafetyRule, ...]


def risky_drafts(user) -> list[RiskyDraft]:
    """Unfinished check-ins whose kept answers fire a safety rule, newest first.

    A tab closed before the result leaves such an answer only in a draft; until it is
    finished or cleared, Today leads with the same help the result page would have shown.
    """
    drafts = owned(CheckInDraft, user).order_by("-updated_at", "-id")
    return risky_from(drafts.values_list("instrument_id", "answers"))


def risky_from(drafts: Iterable[tuple[str, dict]]) -> list[RiskyDraft]:
    """Of (instrument id, kept answers) pairs, newest first, those that fire a safety rule;
    each instrument and rule as the page's language shows them."""
    found = []
    shown: dict[str, Instrument] | None = None
    for instrument_id, answers in drafts:
        shown = shown_instruments() if shown is None else shown  # only when there are drafts
        inst = shown.get(instrument_id)
        fired = safety_fired(inst, answers) if inst is not None else ()
        if fired:
            found.append(RiskyDraft(inst, fired))
    return found


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


_SINCE = (
    'SELECT "taken_at", "total" FROM "checkins_checkin" WHERE "owner_id" = %s'
    ' AND "instrument_id" = %s AND "taken_at" >= %s ORDER BY "taken_at", "id"'
)
_EVER = (
    'SELECT "taken_at", "total" FROM "checkins_checkin" WHERE "owner_id" = %s'
    ' AND "instrument_id" = %s ORDER BY "taken_at", "id"'
)


def scores_since(user, instrument_id: str, since: datetime | None) -> list[tuple[datetime, float]]:
    """(time, total) of each result of one instrument from `since` (all when None), oldest
    first: two columns, read down the (owner, instrument, taken_at, id) index."""
    sql, params = (
        (_EVER, [user.pk, instrument_id])
        if since is None
        else (_SINCE, [user.pk, instrument_id, since])
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(stored_time(taken_at), total) for taken_at, total in cursor.fetchall()]
