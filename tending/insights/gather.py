"""Reading one person's moments, daily pulses and people into a Diary, in their time zone.

Four written-out queries whatever the years (five with a window): moments, who was in them
(with the days brave steps were taken), pulses, people. The database hands back as few Python
objects as it can: each moment as three numbers (its details packed as assemble.PACKED
says), every link in one text, the pulse's answers taken out of their JSON, times as seconds
since 1970. Ten years' 20,000 moments cost milliseconds this way; tending/insights/assemble.py
makes the days.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

import numpy as np
from django.db import connection

from tending.insights.assemble import (
    CALL_OR_MESSAGE,
    CALLS,
    IN_PERSON,
    PULSE,
    PULSE_OUTCOMES,
    PersonRow,
    build_diary,
    local_day,
    packed_shifts,
    span,
)
from tending.insights.diary import Diary

# Each packed detail of a moment as SQL: a small whole number, 0 when not given.
_DETAILS = {
    "safe": "COALESCE(felt_safe, 0)",
    "closeness": "COALESCE(closeness_after, 0)",
    "understood": "COALESCE(felt_understood, 0)",
    "shared": "COALESCE(self_disclosure + 1, 0)",
    "they_shared": "COALESCE(other_disclosure + 1, 0)",
    "channel": (
        f"(CASE WHEN channel = 'in-person' THEN {IN_PERSON}"
        f" WHEN channel IN ({', '.join(repr(c) for c in CALLS)}) THEN {CALL_OR_MESSAGE}"
        " ELSE 0 END)"
    ),
    "minutes": "COALESCE(duration_minutes, 0)",
}


@lru_cache(maxsize=4)
def _sql(vendor: str) -> dict[str, str]:
    if vendor == "postgresql":

        def seconds(column: str) -> str:
            return f"CAST(EXTRACT(EPOCH FROM {column}) AS DOUBLE PRECISION)"

        def answer(item: str) -> str:
            return f"CAST(answers ->> '{item}' AS DOUBLE PRECISION)"

        joined = "string_agg(moment_id || ',' || person_id, ',')"
        days = "string_agg(CAST(done_on AS TEXT), ',')"
    else:

        def seconds(column: str) -> str:  # julianday is SQLite's quickest way to a number
            return f"((julianday({column}) - 2440587.5) * 86400.0)"

        def answer(item: str) -> str:
            return f"json_extract(answers, '$.{item}')"

        joined = "group_concat(moment_id || ',' || person_id)"
        days = "group_concat(done_on)"
    packed = " + ".join(
        f"{_DETAILS[name]} * {1 << shift}" for name, shift in packed_shifts().items()
    )
    return {
        "moments": (
            f"SELECT id, {seconds('occurred_at')}, {packed} FROM moments_moment"
            " WHERE owner_id = %s{since} ORDER BY occurred_at, id"
        ),
        # Through the people (an index step each on the link table's person column), not
        # through the moments: every link of the owner's people is one of their moments'.
        # With them, the days brave steps were taken (Growth), as one text: a second column,
        # not a query of its own.
        "links": (
            f"SELECT {joined}, (SELECT {days} FROM growth_bravestep"
            " WHERE owner_id = %s AND done_on IS NOT NULL)"
            " FROM moments_moment_people WHERE person_id IN"
            " (SELECT id FROM circle_person WHERE owner_id = %s)"
        ),
        "pulses": (
            f"SELECT {seconds('taken_at')}, "
            + ", ".join(answer(item) for _, item, _ in PULSE_OUTCOMES)
            + " FROM checkins_checkin WHERE owner_id = %s AND instrument_id = %s{since}"
        ),
        "people": "SELECT id, name, ring, is_archived FROM circle_person WHERE owner_id = %s",
        "firsts": (
            f"SELECT (SELECT {seconds('MIN(occurred_at)')} FROM moments_moment"
            " WHERE owner_id = %s),"
            f" (SELECT {seconds('MIN(taken_at)')} FROM checkins_checkin"
            " WHERE owner_id = %s AND instrument_id = %s)"
        ),
    }


def today_for(user, now: datetime | None = None) -> date:
    """The person's own today, in their time zone (not the server's, nor a request's)."""
    return (now or datetime.now(UTC)).astimezone(user.zone).date()


def gather(user, days: int | None = None, today: date | None = None) -> Diary:
    """`user`'s Diary from their first moment or pulse (or the last `days` days) to today."""
    zone = user.zone
    today = today or today_for(user)
    sql = _sql(connection.vendor)
    since: list = []
    if days is not None:
        start = datetime.combine(today - timedelta(days=days - 1), time(0), tzinfo=zone)
        since = [start]
    with connection.cursor() as cursor:
        where = " AND occurred_at >= %s" if since else ""
        cursor.execute(sql["moments"].replace("{since}", where), [user.pk, *since])
        moments = cursor.fetchall()
        cursor.execute(sql["links"], [user.pk, user.pk])
        linked, taken = cursor.fetchone()
        links = _numbers(linked)
        brave_days = [date.fromisoformat(day) for day in (taken or "").split(",") if day]
        where = " AND taken_at >= %s" if since else ""
        cursor.execute(sql["pulses"].replace("{since}", where), [user.pk, PULSE, *since])
        pulses = cursor.fetchall()
        cursor.execute(sql["people"], [user.pk])
        people = [PersonRow(pk, name, ring, bool(gone)) for pk, name, ring, gone in cursor]
        if since:
            cursor.execute(sql["firsts"], [user.pk, user.pk, PULSE])
            firsts = cursor.fetchone()
        else:
            firsts = (moments[0][1] if moments else None, min((p[0] for p in pulses), default=None))
    first_day, length = span(
        [None if at is None else local_day(at, zone) for at in firsts], today, days
    )
    return build_diary(first_day, length, zone, moments, links, pulses, people, brave_days)


def _numbers(text: str | None) -> np.ndarray:
    """Whole numbers written one after another with commas between, as (a, b) pairs."""
    if not text:
        return np.zeros((0, 2), dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",").reshape(-1, 2)
