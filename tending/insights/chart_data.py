"""Reads for the charts over the years: written SQL that sums in the database where a
decade of moments would otherwise cross into Python row by row."""

from __future__ import annotations

import json
from datetime import date, datetime

from django.db import connection

from tending.checkins.queries import _aware
from tending.circle.models import ClosenessRating, Person
from tending.core.ownership import owned
from tending.moments.models import Moment

PULSE = "daily-pulse"

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
    return _aware(row[0]) if row else None


def pulse_answers(user, start: datetime, end: datetime) -> list[tuple[datetime, dict]]:
    """(time, each question's score) of every daily pulse from start up to end."""
    with connection.cursor() as cursor:
        cursor.execute(_PULSE_YEAR, [user.pk, PULSE, start, end])
        rows = cursor.fetchall()
    return [(_aware(t), json.loads(s) if isinstance(s, str) else s) for t, s in rows]


def _epoch(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"CAST(EXTRACT(EPOCH FROM {column}) AS BIGINT)"
    return f"CAST(strftime('%%s', {column}) AS INTEGER)"


def _month(column: str, offset: int) -> str:
    if connection.vendor == "postgresql":
        return f"to_char({column} + make_interval(secs => {int(offset)}), 'YYYY-MM')"
    return f"strftime('%%Y-%%m', {column}, '{int(offset):+d} seconds')"


def _day(column: str, offset: int) -> str:
    """The local day number (days since 1970-01-01) at a fixed offset from UTC, in seconds."""
    return f"(({_epoch(column)} + {int(offset)}) / 86400)"


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
    first moment read that has no earlier one read or None), from `since`."""
    day = _day("m.occurred_at", offset)
    sharing = _SHARING.format(s="s", o="o")
    sql = f"""
WITH rows AS (
  SELECT mp.person_id AS pid, m.occurred_at AS at_, m.self_disclosure AS s,
    m.other_disclosure AS o, m.duration_minutes AS mins, {day} AS day,
    LAG({day}) OVER (PARTITION BY mp.person_id ORDER BY m.occurred_at, m.id) AS prev
  FROM {_MOMENTS} m JOIN {_LINKS} mp ON mp.moment_id = m.id
  WHERE m.owner_id = %s AND m.occurred_at >= %s)
SELECT pid, CASE WHEN at_ >= %s THEN 1 ELSE 0 END AS this_year, COUNT(*), SUM(mins),
  {sharing}, MAX(day - prev), MIN(CASE WHEN prev IS NULL THEN day END)
FROM rows GROUP BY pid, this_year"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, since, year_start])
        return cursor.fetchall()


def people(user) -> list[dict]:
    return list(
        owned(Person, user)
        .filter(is_archived=False)
        .order_by("name", "id")
        .values("id", "name", "ring", "rhythm_days", "last_moment_at")
    )


def closeness_of(user, person_id: int) -> list[tuple[date, int]]:
    """Every closeness rating of one of the person's people, oldest first."""
    return list(
        owned(ClosenessRating, user)
        .filter(person_id=person_id)
        .order_by("rated_on", "id")
        .values_list("rated_on", "value")
    )


def sharing_with(user, person_id: int) -> tuple[int, int, int]:
    """(you shared more, they shared more, about the same) over every moment with one person."""
    sharing = _SHARING.format(s="m.self_disclosure", o="m.other_disclosure")
    sql = (
        f"SELECT {sharing} FROM {_MOMENTS} m JOIN {_LINKS} mp ON mp.moment_id = m.id"
        " WHERE m.owner_id = %s AND mp.person_id = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, person_id])
        row = cursor.fetchone()
    return tuple(int(v or 0) for v in row)


def last_before(user, person_ids: list[int], before: datetime, offset: int) -> dict[int, int]:
    """The local day number of each listed person's last moment before `before` (people
    without one are absent): asked only for the few whose first moment read has no earlier."""
    person_ids = person_ids or [0]  # still asked, so the page's queries never vary
    marks = ", ".join(["%s"] * len(person_ids))
    sql = (
        f"SELECT mp.person_id, MAX(m.occurred_at) FROM {_MOMENTS} m JOIN {_LINKS} mp"
        f" ON mp.moment_id = m.id WHERE m.owner_id = %s AND mp.person_id IN ({marks})"
        " AND m.occurred_at < %s GROUP BY mp.person_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, *person_ids, before])
        rows = cursor.fetchall()
    return {pid: (int(_aware(at).timestamp()) + offset) // 86400 for pid, at in rows}
