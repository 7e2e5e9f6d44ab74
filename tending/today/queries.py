"""Reads for the Today page: who to reach out to, birthdays coming up, time away."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta

from django.db.models import CharField, Max, OuterRef, Subquery, Value
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.circle.drift import days_between
from tending.circle.models import Person
from tending.circle.queries import last_contact_date
from tending.core.ownership import owned
from tending.moments.models import Moment
from tending.today.models import ReachOutSnooze
from tending.today.reach_out import Candidate, Suggestion, rank_reach_out

AWAY_AFTER_DAYS = 7


@dataclass(frozen=True, slots=True)
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


_FIELDS = tuple("id" if f.name == "pk" else f.name for f in fields(TodayPerson))


def active_people(user) -> list[TodayPerson]:
    """The circle's active people with their "not now" dates, loaded once for all of Today."""
    snooze = ReachOutSnooze.objects.filter(person=OuterRef("pk")).values("until")[:1]
    rows = (
        owned(Person, user)
        .filter(is_archived=False)
        .order_by("name", "id")
        .values_list(*_FIELDS[:-1])
        .annotate(snoozed_until=Subquery(snooze))
    )
    return [TodayPerson(*row) for row in rows]


def reach_out_suggestions(today: date, people: list[TodayPerson]) -> list[Suggestion]:
    candidates = [
        Candidate(
            key=p.pk,
            name=p.name,
            ring=p.ring,
            rhythm_days=p.rhythm_days,
            last_contact=last_contact_date(p),
            added_on=timezone.localdate(p.created_at),
            snoozed_until=p.snoozed_until,
        )
        for p in people
    ]
    return rank_reach_out(candidates, today)


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


def last_logged(user) -> tuple[dict[str, datetime], datetime | None]:
    """When each check-in was last taken, and when a moment was last logged, in one query."""
    checkins = (
        owned(CheckIn, user)
        .values("instrument_id")
        .annotate(last=Max("taken_at"))
        .values_list("instrument_id", "last")
        .order_by()
    )
    moments = (
        owned(Moment, user)
        .values(kind=Value(_MOMENTS, CharField()))
        .annotate(last=Max("created_at"))
        .values_list("kind", "last")
        .order_by()
    )
    found = dict(checkins.union(moments, all=True))
    last_moment = found.pop(_MOMENTS, None)
    return {k: v for k, v in found.items() if v is not None}, last_moment


_MOMENTS = ""  # no check-in has an empty name


def days_away(today: date, *times: datetime | None) -> int | None:
    """Days since the latest of `times` (when anything was last logged), None if never."""
    times = [t for t in times if t is not None]
    if not times:
        return None
    return days_between(timezone.localdate(max(times)), today)


def feed_reminders(user, feed, today: date) -> list:
    """Everything the calendar feed holds: names (or initials) and short reminders only."""
    from tending.checkins.models import Frequency
    from tending.checkins.queries import frequencies, last_taken_by_instrument
    from tending.checkins.registry import instruments
    from tending.today import feed as calendar

    reminders = []
    for p in active_people(user):
        name = calendar.shown_name(p.name, feed.use_initials)
        since = last_contact_date(p) or timezone.localdate(p.created_at)
        due = max(since + timedelta(days=p.rhythm_days), today, p.snoozed_until or today)
        reminders.append(calendar.reach_out_reminder(p.pk, name, due, p.rhythm_days))
        birthday = p.next_birthday(today)
        if birthday is not None:
            reminders.append(
                calendar.birthday_reminder(p.pk, name, birthday, leap_day=p.born_on_leap_day)
            )
    last_taken = last_taken_by_instrument(user)
    chosen = frequencies(user)
    for inst_id, inst in instruments().items():
        if chosen[inst_id] != Frequency.WEEKLY:
            continue  # daily checks live on the Today page; a daily event would only be noise
        last = last_taken.get(inst_id)
        due = today if last is None else max(today, timezone.localdate(last) + timedelta(days=7))
        reminders.append(calendar.checkin_reminder(inst_id, inst.title, due))
    if feed.review_weekday is not None and feed.review_time is not None:
        first = calendar.next_weekday_at(today, feed.review_weekday, feed.review_time, user.zone)
        reminders.append(calendar.review_reminder(first))
    return reminders
