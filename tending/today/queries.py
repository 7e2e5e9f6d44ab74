"""Reads for the Today page: who to reach out to, birthdays coming up, time away."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from functools import lru_cache

from django.db import connection
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.checkins.registry import instruments, shown_instruments
from tending.circle.drift import days_between, rhythm_words
from tending.circle.models import Person
from tending.core.dates import stored_day, stored_time
from tending.core.reads import Read, as_stored, read_together
from tending.moments.models import Moment
from tending.today.models import ReachOutSnooze
from tending.today.reach_out import Candidate, Suggestion, first_to_reach, rank_reach_out

AWAY_AFTER_DAYS = 7


@dataclass(slots=True)  # not frozen: a frozen one cost five times as much to make, per person
class TodayPerson:
    """What Today shows and ranks of one active person, read as plain values in one query."""

    pk: int
    name: str
    ring: str
    rhythm_days: int
    birthday_day: int | None
    birthday_month: int | None
    phone: str
    email: str
    created_at: datetime
    last_moment_at: datetime | None
    snoozed_until: date | None

    def next_birthday(self, today: date) -> date | None:
        return Person.next_birthday(self, today)  # reads only the two birthday fields

    @property
    def born_on_leap_day(self) -> bool:
        return (self.birthday_month, self.birthday_day) == (2, 29)


def active_people(user, rows: list | None = None) -> list[TodayPerson]:
    """The circle's active people with their "not now" dates, loaded once for all of Today
    (from the rows of `people_read` when they were read with a page's other reads).

    The SQL is written out once: the ORM spent more building this query and converting its
    rows than the database spent answering it.
    """
    if rows is None:
        (rows,) = read_together([people_read(user)])
    return [
        TodayPerson(*row[:8], stored_time(row[8]), stored_time(row[9]), stored_day(row[10]))
        for row in rows
    ]


def people_read(user) -> Read:
    return _people_sql(), [user.pk]


@lru_cache(maxsize=1)
def _people_sql() -> str:
    quote = connection.ops.quote_name

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    def read(name: str) -> str:
        found = f"p.{column(Person, 'id' if name == 'pk' else name)}"
        return as_stored(found) if name in ("created_at", "last_moment_at") else found

    wanted = [f.name for f in fields(TodayPerson)][:-1]
    columns = ", ".join(read(n) for n in wanted)
    snoozed = (
        f"(SELECT s.{column(ReachOutSnooze, 'until')} FROM {quote(ReachOutSnooze._meta.db_table)}"
        f" s WHERE s.{column(ReachOutSnooze, 'person')} = p.{column(Person, 'id')})"
    )
    return (
        f"SELECT {columns}, {snoozed} FROM {quote(Person._meta.db_table)} p"
        f" WHERE p.{column(Person, 'owner')} = %s AND NOT p.{column(Person, 'is_archived')}"
        f" ORDER BY p.{column(Person, 'name')}, p.{column(Person, 'id')}"
    )


def reach_out_suggestions(today: date, people: list[TodayPerson]) -> list[Suggestion]:
    zone = timezone.get_current_timezone()  # once: asking for it per person cost more than ranking

    def local_day(moment: datetime | None) -> date | None:
        return None if moment is None else moment.astimezone(zone).date()

    candidates = [
        Candidate(
            key=p.pk,
            name=p.name,
            ring=p.ring,
            rhythm_days=p.rhythm_days,
            last_contact=local_day(p.last_moment_at),
            added_on=local_day(p.created_at),
            snoozed_until=p.snoozed_until,
        )
        for p in people
    ]
    return rank_reach_out(candidates, today)


def overdue_read(user) -> Read:
    """What ranking who to reach out to needs of each active person, and no more (the
    weekly review names one person): the rows `first_overdue` takes."""
    return _overdue_sql(), [user.pk]


@lru_cache(maxsize=1)
def _overdue_sql() -> str:
    return (
        f"SELECT p.id, p.name, p.ring, p.rhythm_days, {as_stored('p.last_moment_at')},"
        f" {as_stored('p.created_at')}, (SELECT s.until FROM today_reachoutsnooze s"
        " WHERE s.person_id = p.id) FROM circle_person p"
        " WHERE p.owner_id = %s AND NOT p.is_archived ORDER BY p.name, p.id"
    )


def first_overdue(today: date, rows: list[tuple]) -> Suggestion | None:
    """Who `reach_out_suggestions` would put first, from the rows of `overdue_read`."""
    zone = timezone.get_current_timezone()

    def local_day(value) -> date | None:
        moment = stored_time(value)
        return None if moment is None else moment.astimezone(zone).date()

    people = (
        Candidate(pk, name, ring, rhythm, local_day(seen), local_day(added), stored_day(snoozed))
        for pk, name, ring, rhythm, seen, added, snoozed in rows
    )
    return first_to_reach(people, today)


def not_yet_seen(people: list[TodayPerson]) -> list[TodayPerson]:
    """Active people with no moment logged yet, oldest first.

    When nobody is due, these are why "everyone is in rhythm" would not be true: tending has
    nothing to keep time from for them.
    """
    unseen = [p for p in people if p.last_moment_at is None]
    return sorted(unseen, key=lambda p: (p.created_at, p.pk))


def set_aside_count(today: date, people: list[TodayPerson]) -> int:
    """How many people the person set aside with "Not now" who are still waiting."""
    return sum(p.snoozed_until is not None and p.snoozed_until > today for p in people)


def coming_birthdays(
    today: date, people: list[TodayPerson], days: int = 14
) -> list[tuple[date, TodayPerson]]:
    """Birthdays from today to `days` ahead, soonest first."""
    horizon = today + timedelta(days=days)
    found = []
    for person in people:
        if person.birthday_month is None:
            continue
        when = person.next_birthday(today)
        if when is not None and when <= horizon:
            found.append((when, person))
    return sorted(found, key=lambda pair: (pair[0], pair[1].name))


def last_logged(user, rows: list | None = None) -> tuple[dict[str, datetime], datetime | None]:
    """When each check-in was last taken, and when a moment was last logged, in one query
    (or from the rows of `last_logged_read`, read with the page's others).

    One newest-row lookup per kind on its (owner, kind, time) index, so ten years cost what
    one does (a MAX grouped by kind read every check-in ever taken), written out as SQL once
    because building it through the ORM cost more than running it.
    """
    if rows is None:
        (rows,) = read_together([last_logged_read(user)])
    kinds = list(instruments())
    last_moment, *taken = (stored_time(value) for value in rows[0])
    return {k: when for k, when in zip(kinds, taken, strict=True) if when is not None}, last_moment


def last_logged_read(user) -> Read:
    kinds = list(instruments())
    return _last_logged_sql(len(kinds)), [user.pk, *(x for k in kinds for x in (user.pk, k))]


@lru_cache(maxsize=4)
def _last_logged_sql(kinds: int) -> str:
    def column(model, name: str) -> str:
        return connection.ops.quote_name(model._meta.get_field(name).column)

    def table(model) -> str:
        return connection.ops.quote_name(model._meta.db_table)

    moment = (
        f"(SELECT MAX({column(Moment, 'created_at')}) FROM {table(Moment)}"
        f" WHERE {column(Moment, 'owner')} = %s)"
    )
    checkin = (
        f"(SELECT MAX({column(CheckIn, 'taken_at')}) FROM {table(CheckIn)}"
        f" WHERE {column(CheckIn, 'owner')} = %s AND {column(CheckIn, 'instrument_id')} = %s)"
    )
    return "SELECT " + ", ".join([moment] + [checkin] * kinds)


def days_away(today: date, *times: datetime | None) -> int | None:
    """Days since the latest of `times` (when anything was last logged), None if never."""
    times = [t for t in times if t is not None]
    if not times:
        return None
    return days_between(timezone.localdate(max(times)), today)


def feed_reminders(user, feed, today: date) -> list:
    """Everything the calendar feed holds: names (or initials) and short reminders only."""
    from tending.checkins.models import Frequency
    from tending.checkins.queries import choices_read, frequencies_from
    from tending.today import feed as calendar

    people, logged, choices = read_together(
        [people_read(user), last_logged_read(user), choices_read(user)]
    )
    zone = timezone.get_current_timezone()
    said = calendar.words()  # the words in the language in use, once for every event
    hoped: dict[int, str] = {}  # "you hoped to be in touch every week", once per rhythm
    reminders = []
    for p in active_people(user, people):
        name = calendar.shown_name(p.name, feed.use_initials)
        since = (p.last_moment_at or p.created_at).astimezone(zone).date()
        due = max(since + timedelta(days=p.rhythm_days), today, p.snoozed_until or today)
        described = hoped.get(p.rhythm_days)
        if described is None:
            described = hoped[p.rhythm_days] = said.hoped % {
                "how_often": rhythm_words(p.rhythm_days)
            }
        reminders.append(
            calendar.reach_out_reminder(p.pk, name, due, p.rhythm_days, said, described)
        )
        birthday = p.next_birthday(today)
        if birthday is not None:
            reminders.append(
                calendar.birthday_reminder(
                    p.pk, name, birthday, leap_day=p.born_on_leap_day, said=said
                )
            )
    last_taken, _ = last_logged(user, logged)
    chosen = frequencies_from(dict(choices))
    for inst_id, inst in shown_instruments().items():  # their titles in the language in use
        if chosen[inst_id] != Frequency.WEEKLY:
            continue  # daily checks live on the Today page; a daily event would only be noise
        last = last_taken.get(inst_id)
        due = today if last is None else max(today, timezone.localdate(last) + timedelta(days=7))
        reminders.append(calendar.checkin_reminder(inst_id, inst.title, due, said))
    if feed.review_weekday is not None and feed.review_time is not None:
        first = calendar.next_weekday_at(today, feed.review_weekday, feed.review_time, user.zone)
        reminders.append(calendar.review_reminder(first, said))
    return reminders


def to_thank(people: list[TodayPerson], answered: list[tuple[int, datetime]], most: int = 3):
    """Who answered a feedback round lately and has had no moment logged since it opened:
    people to thank (at most `most`, those of the newest round first)."""
    by_pk = {person.pk: person for person in people}
    chosen: list[TodayPerson] = []
    for pk, opened in sorted(answered, key=lambda row: row[1], reverse=True):
        person = by_pk.get(pk)
        if person is None or person in chosen:
            continue
        if person.last_moment_at is None or person.last_moment_at < opened:
            chosen.append(person)
    return chosen[:most]
