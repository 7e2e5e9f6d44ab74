"""The therapy companion's reads: the things flagged to bring up (what each is, in words), the
sessions, their homework, and the summary for the next session with its check-in changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from django.db import connection
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from tending.checkins.registry import get_instrument, instruments
from tending.checkins.scoring import Change, change_since
from tending.checkins.templating import score
from tending.core.date_format import format_date
from tending.core.dates import stored_time
from tending.core.ownership import owned
from tending.core.text import cut
from tending.growth.models import BringUp, GoalStep, TherapySession
from tending.journal.models import heading
from tending.moments.models import Moment

SINCE_DAYS = 30  # with no session before, the summary looks back this far
EXCERPT_CHARS = 160
FIRST_LINE_CHARS = 120

FLAG_FIELDS = (
    "id",
    "note",
    "added_at",
    "raised_in_id",
    "entry_id",
    "entry__title",
    "entry__written_on",
    "entry__body_plain",
    "moment_id",
    "moment__occurred_at",
    "moment__note",
    "checkin_id",
    "checkin__instrument_id",
    "checkin__total",
    "checkin__band_label",
    "checkin__taken_at",
)


@dataclass(frozen=True)
class Flagged:
    """One thing on the list: what it is, in words, and where it is."""

    pk: int
    kind: str  # "entry", "moment" or "checkin"
    label: str  # "Journal: A hard Sunday", "A moment with Sam", "Mood check: 12"
    when: str
    href: str
    note: str
    excerpt: str  # the entry's first words, the moment's note, or the check-in's band
    raised_in: int | None


def _entry(row: dict) -> tuple[str, str, str, str]:
    day = row["entry__written_on"]
    return (
        f"Journal: {heading(row['entry__title'], day)}",
        format_date(day, "j F Y"),
        reverse("journal:detail", args=[row["entry_id"]]),
        cut(row["entry__body_plain"] or "", EXCERPT_CHARS),
    )


def _moment(row: dict, names: list[str]) -> tuple[str, str, str, str]:
    who = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    at = timezone.localtime(row["moment__occurred_at"])
    return (
        f"A moment with {who}" if who else "A moment",
        format_date(at, "j F Y, H:i"),
        reverse("moments:detail", args=[row["moment_id"]]),
        cut(row["moment__note"] or "", EXCERPT_CHARS),
    )


def _checkin(row: dict) -> tuple[str, str, str, str]:
    instrument = get_instrument(row["checkin__instrument_id"])
    title = instrument.title if instrument else row["checkin__instrument_id"]
    return (
        f"{title}: {score(row['checkin__total'])}",
        format_date(timezone.localtime(row["checkin__taken_at"]), "j F Y"),
        reverse("checkins:result", args=[row["checkin_id"]]),
        row["checkin__band_label"],
    )


def moment_people(moment_ids: list[int]) -> dict[int, list[str]]:
    """The names of each moment's people, by name: one query."""
    found: dict[int, list[str]] = {pk: [] for pk in moment_ids}
    if not moment_ids:
        return found
    links = (
        Moment.people.through.objects.filter(moment_id__in=moment_ids)
        .order_by("person__name", "person_id")
        .values_list("moment_id", "person__name")
    )
    for moment_id, name in links:
        found[moment_id].append(name)
    return found


def flagged(user, which: Q) -> list[Flagged]:
    """The person's flagged things matching `which`, oldest flag first: two queries at most."""
    rows = list(owned(BringUp, user).filter(which).order_by("added_at", "id").values(*FLAG_FIELDS))
    names = moment_people([row["moment_id"] for row in rows if row["moment_id"]])
    found = []
    for row in rows:
        if row["entry_id"]:
            kind, (label, when, href, excerpt) = "entry", _entry(row)
        elif row["moment_id"]:
            kind, (label, when, href, excerpt) = "moment", _moment(row, names[row["moment_id"]])
        else:
            kind, (label, when, href, excerpt) = "checkin", _checkin(row)
        found.append(
            Flagged(row["id"], kind, label, when, href, row["note"], excerpt, row["raised_in_id"])
        )
    return found


def waiting(user) -> list[Flagged]:
    """What is on the list for next time: flagged and not yet talked about."""
    return flagged(user, Q(raised_in=None))


@dataclass(frozen=True)
class SessionRow:
    pk: int
    held_on: date
    with_whom: str
    first_line: str


def first_line(notes: str) -> str:
    for line in notes.splitlines():
        if line.strip():
            return cut(line.strip(), FIRST_LINE_CHARS)
    return ""


def sessions(user) -> list[SessionRow]:
    rows = (
        owned(TherapySession, user)
        .order_by("-held_on", "-id")
        .values_list("id", "held_on", "with_whom", "notes")
    )
    return [SessionRow(pk, on, who, first_line(notes)) for pk, on, who, notes in rows]


def homework(user, which: Q) -> list[dict]:
    """Homework steps (goal steps given in a session) matching `which`, in the order given."""
    return list(
        owned(GoalStep, user)
        .filter(which, session__isnull=False)
        .order_by("session__held_on", "id")
        .values("id", "text", "due", "done_on", "goal_id", "goal__title", "session__held_on")
    )


def last_session(user, today: date) -> dict | None:
    """The newest session held on or before today, as values, or None."""
    return (
        owned(TherapySession, user)
        .filter(held_on__lte=today)
        .order_by("-held_on", "-id")
        .values("id", "held_on", "with_whom")
        .first()
    )


@dataclass(frozen=True)
class CheckInChange:
    """One check-in taken since a day: its last result on or before that day, and its newest."""

    title: str
    before: dict | None  # total, band_label, taken_at (local)
    newest: dict
    change: Change | None
    higher_is: str | None


def checkin_changes(user, since: date) -> list[CheckInChange]:
    """For each check-in taken after the day `since` (in the person's zone), the last result
    on or before that day against the newest; by the check-in's name. One query: for each
    kind, its newest result and its newest before the day, a step down an index each."""
    day_after = datetime.combine(since + timedelta(days=1), time(), user.zone)
    cutoff = connection.ops.adapt_datetimefield_value(day_after)
    kinds = list(instruments())
    params = [x for kind in kinds for x in (user.pk, kind, user.pk, kind, cutoff)]
    with connection.cursor() as cursor:
        cursor.execute(_changes_sql(len(kinds)), params)
        rows = cursor.fetchall()
    newest, before = {}, {}
    for which, kind, total, band_label, taken_at in rows:
        row = {"total": total, "band_label": band_label, "taken_at": _local_time(taken_at)}
        (before if which else newest)[kind] = row
    found = []
    for kind, latest in newest.items():
        if latest["taken_at"] < day_after:
            continue  # nothing of this kind since the day
        instrument = get_instrument(kind)
        earlier = before.get(kind)
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
    session (and any still open), and check-in changes since it (or the last 30 days)."""
    last = last_session(user, today)
    since = last["held_on"] if last else today - timedelta(days=SINCE_DAYS)
    since_last = Q(done_on=None) | Q(done_on__gt=since)
    if last is not None:
        since_last |= Q(session_id=last["id"])
    return Summary(
        made_on=today,
        last=last,
        since=since,
        flagged=waiting(user),
        homework=homework(user, since_last),
        changes=checkin_changes(user, since),
    )
