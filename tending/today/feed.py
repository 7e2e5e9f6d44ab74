"""The private calendar feed: reminders as iCalendar events, names only as the person chose."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from icalendar import Calendar, Event

from tending.circle.drift import rhythm_words

REVIEW_MINUTES = 30


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def shown_name(name: str, initials: bool) -> str:
    if not initials:
        return name
    return " ".join(f"{word[0].upper()}." for word in name.split()[:3]) or "?"


@dataclass(frozen=True)
class Reminder:
    uid: str
    summary: str
    day: date | None = None  # an all-day event on this day
    start: datetime | None = None  # or a timed event (aware, in the person's zone)
    minutes: int = 0
    yearly: bool = False
    weekly: bool = False
    description: str = ""


def reach_out_reminder(key: int, name: str, due: date, rhythm_days: int) -> Reminder:
    return Reminder(
        uid=f"reach-out-{key}",
        summary=f"Reach out to {name}",
        day=due,
        description=f"You hoped to be in touch {rhythm_words(rhythm_days)}.",
    )


def birthday_reminder(key: int, name: str, day: date) -> Reminder:
    return Reminder(uid=f"birthday-{key}", summary=f"{name}'s birthday", day=day, yearly=True)


def checkin_reminder(instrument_id: str, title: str, due: date) -> Reminder:
    return Reminder(uid=f"checkin-{instrument_id}", summary=f"{title} check-in", day=due)


def review_reminder(first: datetime) -> Reminder:
    return Reminder(
        uid="weekly-review",
        summary="Weekly review in tending",
        start=first,
        minutes=REVIEW_MINUTES,
        weekly=True,
    )


def next_weekday_at(today: date, weekday: int, at: time, zone) -> datetime:
    days = (weekday - today.weekday()) % 7
    return datetime.combine(today + timedelta(days=days), at, tzinfo=zone)


def build_calendar(reminders: Iterable[Reminder], host: str, stamp: datetime) -> bytes:
    """An iCalendar document; every UID is stable so calendar apps update events in place."""
    calendar = Calendar()
    calendar.add("prodid", "-//tending//reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "tending")
    for reminder in reminders:
        event = Event()
        event.add("uid", f"{reminder.uid}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", reminder.summary)
        if reminder.start is not None:
            event.add("dtstart", reminder.start)
            event.add("dtend", reminder.start + timedelta(minutes=reminder.minutes))
        else:
            event.add("dtstart", reminder.day)
            event.add("dtend", reminder.day + timedelta(days=1))
        if reminder.yearly:
            event.add("rrule", {"freq": "yearly"})
        if reminder.weekly:
            event.add("rrule", {"freq": "weekly"})
        if reminder.description:
            event.add("description", reminder.description)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    # Timed events carry their zone (TZID); the VTIMEZONE lets any calendar app read it.
    calendar.add_missing_timezones()
    return calendar.to_ical()
