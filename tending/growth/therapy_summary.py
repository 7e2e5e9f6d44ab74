"""The summary for the next therapy session: what is on the list, homework since the last
session, and each check-in's change since then (or the last 30 days), read as plain values
(tending.growth.therapy_queries holds the reads it shares with the other therapy pages)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from django.utils import timezone

from tending.checkins.registry import instruments, shown_instrument
from tending.checkins.scoring import Change, change_since
from tending.core.dates import stored_day, stored_time
from tending.core.reads import Read, as_stored, read_together
from tending.core.reads import column as _column
from tending.core.reads import table as _table
from tending.growth.models import TherapySession
from tending.growth.therapy_queries import (
    Flagged,
    flags_from,
    flags_reads,
    homework_from,
    open_homework_read,
)

SINCE_DAYS = 30  # with no session before, the summary looks back this far


@lru_cache(maxsize=1)
def _last_session_sql() -> str:
    def t(name: str) -> str:
        return _column(TherapySession, name)

    return (
        f"SELECT {t('id')}, {as_stored(t('held_on'))}, {t('with_whom')} "
        f"FROM {_table(TherapySession)} WHERE {t('owner')} = %s AND {t('held_on')} <= %s "
        f"ORDER BY {t('held_on')} DESC, {t('id')} DESC LIMIT 1"
    )


def last_session(user, today: date) -> dict | None:
    """The newest session held on or before today, as values, or None."""
    (rows,) = read_together([(_last_session_sql(), [user.pk, today])])
    if not rows:
        return None
    pk, held_on, with_whom = rows[0]
    return {"id": pk, "held_on": stored_day(held_on), "with_whom": with_whom}


@dataclass(frozen=True)
class CheckInChange:
    """One check-in taken since a day: its last result on or before that day, and its newest."""

    title: str
    before: dict | None  # total, band_label, taken_at (local)
    newest: dict
    change: Change | None
    higher_is: str | None


def _day_after(user, since: date) -> datetime:
    return datetime.combine(since + timedelta(days=1), time(), user.zone)


def checkin_changes_read(user, since: date) -> Read:
    """For each kind of check-in, its newest result and its newest before the day after
    `since` (in the person's zone): a step down an index each."""
    cutoff = _day_after(user, since)
    kinds = list(instruments())
    params = [x for kind in kinds for x in (user.pk, kind, user.pk, kind, cutoff)]
    return _changes_sql(len(kinds)), params


def checkin_changes_from(user, since: date, rows: Iterable[tuple]) -> list[CheckInChange]:
    day_after = _day_after(user, since)
    newest, before = {}, {}
    for which, kind, total, band_label, taken_at in rows:
        row = {"total": total, "band_label": band_label, "taken_at": _local_time(taken_at)}
        (before if which else newest)[kind] = row
    found = []
    for kind, latest in newest.items():
        if latest["taken_at"] < day_after:
            continue  # nothing of this kind since the day
        instrument = shown_instrument(kind)
        earlier = before.get(kind)
        if instrument is not None:  # kept band names are English: shown in the page's language
            for row in (latest, earlier or {}):
                if row.get("band_label"):
                    row["band_label"] = instrument.label_shown(row["band_label"])
        change = None
        if instrument is not None and earlier is not None:
            change = change_since(instrument, latest["total"], earlier["total"])
        found.append(
            CheckInChange(
                title=instrument.title if instrument else kind,
                before=earlier,
                newest=latest,
                change=change,
                higher_is=instrument.higher_is if instrument else None,
            )
        )
    return sorted(found, key=lambda item: item.title.lower())


def checkin_changes(user, since: date) -> list[CheckInChange]:
    """For each check-in taken after the day `since` (in the person's zone), the last result
    on or before that day against the newest; by the check-in's name. One query."""
    (rows,) = read_together([checkin_changes_read(user, since)])
    return checkin_changes_from(user, since, rows)


def _local_time(value) -> datetime:
    return timezone.localtime(stored_time(value))


@lru_cache(maxsize=4)
def _changes_sql(kinds: int) -> str:
    def newest(which: int, before: bool) -> str:
        return (
            f"SELECT * FROM (SELECT {which}, instrument_id, total, band_label, taken_at"
            " FROM checkins_checkin WHERE owner_id = %s AND instrument_id = %s"
            + (" AND taken_at < %s" if before else "")
            + " ORDER BY taken_at DESC, id DESC LIMIT 1) AS q"
        )

    parts = [f"{newest(0, False)}{n}a UNION ALL {newest(1, True)}{n}b" for n in range(kinds)]
    return " UNION ALL ".join(parts)


@dataclass(frozen=True)
class Summary:
    made_on: date
    last: dict | None  # the last session (id, held_on, with_whom), or None
    since: date
    flagged: list[Flagged]
    homework: list[dict]
    changes: list[CheckInChange]


def summary(user, today: date) -> Summary:
    """What the page for the next session holds: everything waiting, homework since the last
    session (and any still open), and check-in changes since it (or the last 30 days).
    Two round trips: the last session, then what depends on its day."""
    last = last_session(user, today)
    since = last["held_on"] if last else today - timedelta(days=SINCE_DAYS)
    flags, people, homework, changes = read_together(
        [
            *flags_reads(user.pk),
            open_homework_read(user.pk, since, last["id"] if last else None),
            checkin_changes_read(user, since),
        ]
    )
    return Summary(
        made_on=today,
        last=last,
        since=since,
        flagged=flags_from(flags, people),
        homework=homework_from(homework),
        changes=checkin_changes_from(user, since, changes),
    )
