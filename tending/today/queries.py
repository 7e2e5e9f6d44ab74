"""Reads for the Today page: who to reach out to, birthdays coming up, time away."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Max
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.circle.drift import days_between
from tending.circle.models import Person
from tending.circle.queries import last_contact_date, people_for
from tending.core.ownership import owned
from tending.moments.models import Moment
from tending.today.models import ReachOutSnooze
from tending.today.reach_out import Candidate, Suggestion, rank_reach_out

AWAY_AFTER_DAYS = 7


def active_people(user) -> list[Person]:
    """The circle's active people, loaded once and shared by everything Today shows."""
    return list(people_for(user))


def reach_out_suggestions(
    user, today: date, people: list[Person] | None = None
) -> list[Suggestion]:
    snoozed = dict(owned(ReachOutSnooze, user).values_list("person_id", "until"))
    candidates = [
        Candidate(
            key=p.pk,
            name=p.name,
            ring=p.ring,
            rhythm_days=p.rhythm_days,
            last_contact=last_contact_date(p),
            added_on=timezone.localdate(p.created_at),
            snoozed_until=snoozed.get(p.pk),
        )
        for p in (active_people(user) if people is None else people)
    ]
    return rank_reach_out(candidates, today)


def not_yet_seen(user, people: list[Person] | None = None) -> list[Person]:
    """Active people with no moment logged yet, oldest first.

    When nobody is due, these are why "everyone is in rhythm" would not be true: tending has
    nothing to keep time from for them.
    """
    people = active_people(user) if people is None else people
    unseen = [p for p in people if p.last_moment_at is None]
    return sorted(unseen, key=lambda p: (p.created_at, p.pk))


def set_aside_count(user, today: date) -> int:
    """How many people the person set aside with "Not now" who are still waiting."""
    return owned(ReachOutSnooze, user).filter(until__gt=today, person__is_archived=False).count()


def coming_birthdays(
    user, today: date, days: int = 14, people: list[Person] | None = None
) -> list[tuple[date, Person]]:
    """Birthdays from today to `days` ahead, soonest first."""
    horizon = today + timedelta(days=days)
    found = []
    people = active_people(user) if people is None else people
    for person in people:
        if person.birthday_month is None:
            continue
        when = person.next_birthday(today)
        if when is not None and when <= horizon:
            found.append((when, person))
    return sorted(found, key=lambda pair: (pair[0], pair[1].name))


def days_away(user, today: date) -> int | None:
    """Days since the person last logged anything, or None if they never did."""
    last_moment = owned(Moment, user).aggregate(last=Max("created_at"))["last"]
    last_checkin = owned(CheckIn, user).aggregate(last=Max("taken_at"))["last"]
    times = [t for t in (last_moment, last_checkin) if t is not None]
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
    snoozed = dict(owned(ReachOutSnooze, user).values_list("person_id", "until"))
    for p in people_for(user):
        name = calendar.shown_name(p.name, feed.use_initials)
        since = last_contact_date(p) or timezone.localdate(p.created_at)
        due = max(since + timedelta(days=p.rhythm_days), today, snoozed.get(p.pk, today))
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
