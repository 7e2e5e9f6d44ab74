"""Reads for the charts over the years: written SQL that sums in the database where a
decade of moments would otherwise cross into Python row by row."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.db import connection
from django.utils.translation import get_language

from tending.circle.models import Person
from tending.core.dates import stored_time
from tending.core.ownership import is_row_id
from tending.moments.models import Moment

PULSE = "daily-pulse"
KEPT_HERE = 128  # results kept in each process, the least lately read going first
EVER = (datetime(1, 1, 2, tzinfo=UTC), datetime(9999, 12, 30, tzinfo=UTC))

_kept: OrderedDict = OrderedDict()
_keeping = threading.Lock()


def kept(user, part: str, stamp, work):
    """What `work()` gives, kept in this process until `stamp` (what it was made from) moves.

    Kept as it was made, not copied: reading it back is a lookup, where Django's local
    cache unpickled a hundred rows on every visit. What is kept is only ever read, never
    changed, by the pages that ask for it. The account's creation time is in the key too:
    a new account can never be handed what was kept for a deleted one with the same id; and
    the language, for what is kept holds words (a check-in's title, a ring's name)."""
    if stamp is None:
        return work()
    key = (user.pk, user.date_joined.isoformat(), get_language(), part, stamp)
    try:
        hash(key)
    except TypeError:  # a stamp holding a list: its text stands in for it
        key = repr(key)
    with _keeping:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
    found = work()
    with _keeping:
        _kept[key] = found
        while len(_kept) > KEPT_HERE:
            _kept.popitem(last=False)
    return found


_PULSE_YEAR = (
    'SELECT "taken_at", "subscales" FROM "checkins_checkin" WHERE "owner_id" = %s'
    ' AND "instrument_id" = %s AND "taken_at" >= %s AND "taken_at" < %s'
    ' ORDER BY "taken_at", "id"'
)
_PULSE_FIRST = (
    'SELECT "taken_at" FROM "checkins_checkin" WHERE "owner_id" = %s AND "instrument_id" = %s'
    ' ORDER BY "taken_at", "id" LIMIT 1'
)


def pulse_first(user) -> datetime | None:
    """When the first daily pulse was taken (one step into the index), or None."""
    with connection.cursor() as cursor:
        cursor.execute(_PULSE_FIRST, [user.pk, PULSE])
        row = cursor.fetchone()
    return stored_time(row[0]) if row else None


_STAMP = (
    'SELECT COUNT(*), MAX("id") FROM "checkins_checkin" WHERE "owner_id" = %s'
    ' AND "instrument_id" = %s AND "taken_at" >= %s AND "taken_at" < %s'
)


def checkins_stamp(user, instrument_id: str, start: datetime, end: datetime) -> tuple:
    """How many results of one instrument lie from start up to end, and the newest id: a
    result is only ever added or deleted, never changed, so this moves with any change.
    Read from the (owner, instrument, taken_at, id) index alone."""
    with connection.cursor() as cursor:
        cursor.execute(_STAMP, [user.pk, instrument_id, start, end])
        return tuple(cursor.fetchone())


_WHOLE_STAMP = (
    'SELECT (SELECT MAX("id") FROM "checkins_checkin" WHERE "owner_id" = %s'
    ' AND "instrument_id" = %s), (SELECT "count" FROM "insights_deletions"'
    ' WHERE "owner_id" = %s AND "kind" = \'checkin\')'
)


def whole_history_stamp(user, instrument_id: str) -> tuple:
    """What moves whenever a result of one instrument is added or deleted, at any time: its
    newest id (one step down the (owner, instrument, id) index) and how many times the
    account's check-ins were deleted. Counting every result did the same, but grew with
    the years."""
    with connection.cursor() as cursor:
        cursor.execute(_WHOLE_STAMP, [user.pk, instrument_id, user.pk])
        return tuple(cursor.fetchone())


def pulse_answers(user, start: datetime, end: datetime) -> list[tuple[datetime, dict]]:
    """(time, each question's score) of every daily pulse from start up to end."""
    with connection.cursor() as cursor:
        cursor.execute(_PULSE_YEAR, [user.pk, PULSE, start, end])
        rows = cursor.fetchall()
    return [(stored_time(t), json.loads(s) if isinstance(s, str) else s) for t, s in rows]


def epoch_sql(column: str) -> str:
    """SQL for a stored time as whole seconds since 1970, on either database."""
    if connection.vendor == "postgresql":
        return f"CAST(EXTRACT(EPOCH FROM {column}) AS BIGINT)"
    return f"CAST(strftime('%%s', {column}) AS INTEGER)"


def _month(column: str, offset: int) -> str:
    if connection.vendor == "postgresql":
        return f"to_char({column} + make_interval(secs => {int(offset)}), 'YYYY-MM')"
    return f"strftime('%%Y-%%m', {column}, '{int(offset):+d} seconds')"


def _day(column: str, offset: int) -> str:
    """The local day number (days since 1970-01-01) at a fixed offset from UTC, in seconds."""
    return f"(({epoch_sql(column)} + {int(offset)}) / 86400)"


def weekly_scores(user, instrument_id: str, offset: int) -> list[tuple[int, float, int]]:
    """(local day number of the week's Monday, mean total, results) of every week with a
    result of one instrument, oldest first: years of daily results summed in the database
    (at a fixed offset from UTC, in seconds) rather than thousands of rows in Python."""
    day = _day('"taken_at"', offset)
    sql = (
        f"SELECT ({day} + 3) / 7 AS week, AVG(total), COUNT(*) FROM checkins_checkin"
        " WHERE owner_id = %s AND instrument_id = %s GROUP BY week ORDER BY week"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, instrument_id])
        return [(week * 7 - 3, float(mean), int(n)) for week, mean, n in cursor.fetchall()]


_MOMENTS = '"moments_moment"'
_LINKS = f'"{Moment.people.through._meta.db_table}"'
_PEOPLE = f'"{Person._meta.db_table}"'
_SHARING = (
    "SUM(CASE WHEN {s} > {o} THEN 1 ELSE 0 END), SUM(CASE WHEN {s} < {o} THEN 1 ELSE 0 END),"
    " SUM(CASE WHEN {s} = {o} THEN 1 ELSE 0 END)"
)


def months_and_rings(
    user, since: datetime, year_start: datetime, offset: int
) -> tuple[list[tuple], list[tuple]]:
    """Two sums in one query, from `since`.

    Months, per local month (in order): (YYYY-MM, moments, mean understood, mean accepted,
    mean cared for, you shared more, they shared more, about the same); means skip blanks.
    Rings, per ring (as people are now) and this year (1) or before (0): (ring, this year,
    moments, minutes); a moment with two people of one ring counts once for it."""
    sharing = _SHARING.format(s="self_disclosure", o="other_disclosure")
    sql = f"""
SELECT 'm', {_month("occurred_at", offset)} AS label, COUNT(*), AVG(felt_understood),
  AVG(felt_validated), AVG(felt_cared_for), {sharing}
FROM {_MOMENTS} WHERE owner_id = %s AND occurred_at >= %s GROUP BY label
UNION ALL
SELECT 'r', ring, this_year, COUNT(*), SUM(mins), NULL, NULL, NULL, NULL FROM (
  SELECT DISTINCT m.id, p.ring AS ring, m.duration_minutes AS mins,
    CASE WHEN m.occurred_at >= %s THEN 1 ELSE 0 END AS this_year
  FROM {_MOMENTS} m JOIN {_LINKS} mp ON mp.moment_id = m.id JOIN {_PEOPLE} p
    ON p.id = mp.person_id
  WHERE m.owner_id = %s AND m.occurred_at >= %s) AS d
GROUP BY ring, this_year"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, since, year_start, user.pk, since])
        rows = cursor.fetchall()
    months = sorted(row[1:] for row in rows if row[0] == "m")
    rings = [row[1:5] for row in rows if row[0] == "r"]
    return months, rings


def people_years(user, since: datetime, year_start: datetime, offset: int) -> list[tuple]:
    """Per person and (this year 1 / before 0): (person id, this year, moments, minutes, you
    shared more, they shared more, same, the longest gap in days ending here, the day of the
    first moment read that has no earlier one read or None, and then the day of their last
    moment before `since` or None), from `since`."""
    day = _day("m.occurred_at", offset)
    sharing = _SHARING.format(s="s", o="o")
    # Asked only for someone whose first moment read has no earlier one read: the day of
    # their last moment before `since`, if any (one step per such person, not every row).
    before = (
        f"(SELECT MAX(e.occurred_at) FROM {_MOMENTS} e JOIN {_LINKS} ep ON ep.moment_id = e.id"
        " WHERE ep.person_id = pid AND e.owner_id = %s AND e.occurred_at < %s)"
    )
    earlier = _day(before, offset)
    sql = f"""
WITH rows AS (
  SELECT mp.person_id AS pid, m.occurred_at AS at_, m.self_disclosure AS s,
    m.other_disclosure AS o, m.duration_minutes AS mins, {day} AS day,
    LAG({day}) OVER (PARTITION BY mp.person_id ORDER BY m.occurred_at, m.id) AS prev
  FROM {_MOMENTS} m JOIN {_LINKS} mp ON mp.moment_id = m.id
  WHERE m.owner_id = %s AND m.occurred_at >= %s)
SELECT pid, CASE WHEN at_ >= %s THEN 1 ELSE 0 END AS this_year, COUNT(*), SUM(mins),
  {sharing}, MAX(day - prev), MIN(CASE WHEN prev IS NULL THEN day END),
  CASE WHEN MIN(CASE WHEN prev IS NULL THEN day END) IS NOT NULL THEN {earlier} END
FROM rows GROUP BY pid, this_year"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, since, year_start, user.pk, since])
        return cursor.fetchall()


_PEOPLE_AND_STAMP = f"""
SELECT id, name, ring, rhythm_days, last_moment_at, updated_at,
  (SELECT COUNT(*) FROM {_MOMENTS} WHERE owner_id = %s AND occurred_at >= %s),
  (SELECT MAX(updated_at) FROM {_MOMENTS} WHERE owner_id = %s)
FROM {_PEOPLE} WHERE owner_id = %s AND is_archived = %s ORDER BY name, id"""


def people_and_stamp(user, since: datetime) -> tuple[list[dict], tuple]:
    """The people not archived, and a stamp of what the circle's page was made from: the
    moments since `since`, the newest change to any moment, and each person's name, ring,
    rhythm and last change. Cheap (three steps into indexes), so the page is worked out
    again only when it moves."""
    with connection.cursor() as cursor:
        cursor.execute(_PEOPLE_AND_STAMP, [user.pk, since, user.pk, user.pk, False])
        rows = cursor.fetchall()
    people = [
        {
            "id": pid,
            "name": name,
            "ring": ring,
            "rhythm_days": rhythm,
            "last_moment_at": stored_time(last),
        }
        for pid, name, ring, rhythm, last, _, _, _ in rows
    ]
    moments = (rows[0][6], str(rows[0][7])) if rows else (0, "")
    # Each person's name, ring, rhythm and last moment as well as their last change: what the
    # page shows of them moves the stamp even when two changes fall in one tick of the clock,
    # and a last moment set again by an update (which leaves updated_at alone) moves it too.
    stamp = (*moments, tuple((r[0], r[1], r[2], r[3], str(r[4]), str(r[5])) for r in rows))
    return people, stamp


# Charted at first: the ratings of the three years up to the newest, forty at most (ten years
# of rating every three months); all of them a tap away. A page that drew every rating grew
# with the years.
CLOSENESS_SHOWN = 40
CLOSENESS_YEARS = 3

_CLOSENESS_SQL = """
SELECT p.name, (SELECT COUNT(*) FROM circle_closenessrating c WHERE c.person_id = p.id),
  CAST(r.rated_on AS TEXT), r.value, r.id
FROM circle_person p LEFT JOIN (
  SELECT person_id, rated_on, value, id FROM circle_closenessrating
  WHERE owner_id = %s AND person_id = %s{window} ORDER BY rated_on DESC, id DESC{limit}
) r ON r.person_id = p.id
WHERE p.owner_id = %s AND p.id = %s
"""


def _window() -> str:
    """Only the ratings of the CLOSENESS_YEARS up to the newest, found by the database."""
    newest = "SELECT MAX(rated_on) FROM circle_closenessrating WHERE person_id = %s"
    if connection.vendor == "postgresql":
        back = f"({newest}) - make_interval(years => {CLOSENESS_YEARS})"
    else:
        back = f"date(({newest}), '-{CLOSENESS_YEARS} years')"
    return f" AND rated_on >= {back}"


@dataclass(frozen=True)
class Closeness:
    """One of the person's people, how many times closeness with them was rated, and the
    newest of those ratings (up to the number asked for), oldest first."""

    name: str
    count: int
    ratings: list[tuple[date, int]]


def closeness_of(user, person_id, newest: int | None = CLOSENESS_SHOWN) -> Closeness | None:
    """Closeness with one of the person's people (None when it is not theirs): one query,
    whatever the number of ratings. With `newest`, no more than that many ratings, none from
    more than CLOSENESS_YEARS before the newest."""
    if not (getattr(user, "is_authenticated", False) and is_row_id(person_id)):
        return None
    person_id = int(person_id)
    if newest is None:
        sql, params = _CLOSENESS_SQL.format(window="", limit=""), [user.pk, person_id]
    else:
        sql = _CLOSENESS_SQL.format(window=_window(), limit=" LIMIT %s")
        params = [user.pk, person_id, person_id, newest]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, user.pk, person_id])
        rows = cursor.fetchall()
    if not rows:
        return None
    # The days as their ISO text, which sorts as the days do.
    found = sorted((day, pk, value) for _, _, day, value, pk in rows if pk is not None)
    return Closeness(
        rows[0][0], rows[0][1], [(date.fromisoformat(day), value) for day, _, value in found]
    )
