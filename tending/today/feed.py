"""The private calendar feed: reminders as iCalendar events, names only as the person chose."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from django.utils.translation import gettext

from tending.circle.drift import rhythm_words
from tending.today import ics

REVIEW_MINUTES = 30


def shown_name(name: str, initials: bool) -> str:
    if not initials:
        return name
    return " ".join(f"{word[0].upper()}." for word in name.split()[:3]) or "?"


class Words(NamedTuple):
    """The events' words in the language in use, looked up once for a whole feed."""

    reach_out: str
    hoped: str
    birthday: str
    checkin: str
    review: str


def words() -> Words:
    return Words(
        gettext("Reach out to %(name)s"),
        gettext("You hoped to be in touch %(how_often)s."),
        gettext("%(name)s's birthday"),
        gettext("%(title)s check-in"),
        gettext("Weekly review in tending"),
    )


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
    # Born on 29 February: recur on the last day of February, which is the 29th in leap
    # years and the 28th in the others (a plain yearly rule on the 29th skips three years in four).
    last_of_february: bool = False


def reach_out_reminder(
    key: int,
    name: str,
    due: date,
    rhythm_days: int,
    said: Words | None = None,
    description: str | None = None,
) -> Reminder:
    """`description`, when given, is the "you hoped to be in touch" already written."""
    said = said or words()
    if description is None:
        description = said.hoped % {"how_often": rhythm_words(rhythm_days)}
    return Reminder(
        uid=f"reach-out-{key}",
        summary=said.reach_out % {"name": name},
        day=due,
        description=description,
    )


def birthday_reminder(
    key: int, name: str, day: date, leap_day: bool = False, said: Words | None = None
) -> Reminder:
    """A yearly all-day event from `day`, the coming birthday (28 Feb for a leap-day birthday
    in a common year, see Person.next_birthday)."""
    return Reminder(
        uid=f"birthday-{key}",
        summary=(said or words()).birthday % {"name": name},
        day=day,
        yearly=True,
        last_of_february=leap_day,
    )


def checkin_reminder(
    instrument_id: str, title: str, due: date, said: Words | None = None
) -> Reminder:
    summary = (said or words()).checkin % {"title": title}
    return Reminder(uid=f"checkin-{instrument_id}", summary=summary, day=due)


def review_reminder(first: datetime, said: Words | None = None) -> Reminder:
    return Reminder(
        uid="weekly-review",
        summary=(said or words()).review,
        start=first,
        minutes=REVIEW_MINUTES,
        weekly=True,
    )


def next_weekday_at(today: date, weekday: int, at: time, zone) -> datetime:
    days = (weekday - today.weekday()) % 7
    return datetime.combine(today + timedelta(days=days), at, tzinfo=zone)


def build_calendar(reminders: Iterable[Reminder], host: str, stamp: datetime) -> bytes:
    """An iCalendar document; every UID is stable so calendar apps update events in place."""
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tending//reminders//EN"]
    head.append("X-WR-CALNAME:tending")
    lines = [ics.fold(line) for line in head]
    zones = set()
    for reminder in reminders:
        rule = "YEARLY" if reminder.yearly else "WEEKLY" if reminder.weekly else ""
        if reminder.yearly and reminder.last_of_february:
            rule = "YEARLY;BYMONTH=2;BYMONTHDAY=-1"
        event = ics.event_lines(
            f"{reminder.uid}@{host}",
            stamp,
            reminder.summary,
            day=reminder.day,
            start=reminder.start,
            minutes=reminder.minutes,
            rule=rule,
            description=reminder.description,
        )
        lines += [ics.fold(line) for line in event]
        if reminder.start is not None:
            zones.add(ics.zone_name(reminder.start))
    # Timed events carry their zone (TZID); the VTIMEZONE lets any calendar app read it.
    lines += [ics.vtimezone(zone, stamp.year) for zone in sorted(zones - {"UTC"})]
    lines.append(ics.fold("END:VCALENDAR"))
    return "".join(lines).encode("utf-8")
