"""The iCalendar writer: escaping, folding at 75 octets, and documents two parsers agree on."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime

import icalendar
import vobject
from hypothesis import given
from hypothesis import strategies as st

from tending.today import ics
from tending.today.feed import Reminder, build_calendar


def test_text_is_escaped():
    assert ics.text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300))
def test_folded_lines_stay_within_75_octets_and_unfold_to_the_original(value):
    folded = ics.fold("SUMMARY:" + value)
    assert folded.endswith("\r\n")
    for line in folded[:-2].split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert folded[:-2].replace("\r\n ", "") == "SUMMARY:" + value


def test_a_feed_reads_the_same_in_two_parsers():
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    long_name = "Zoë Ångström-Okafor, née Nguyễn; “the one who always calls” " * 2
    reminders = [
        Reminder(uid="reach-out-1", summary=f"Reach out to {long_name}", day=date(2026, 3, 14),
                 description="You hoped to be in touch every week.\nSoon."),
        Reminder(uid="birthday-1", summary="Sam's birthday", day=date(2026, 7, 2), yearly=True),
        Reminder(uid="weekly-review", summary="Weekly review in tending",
                 start=datetime(2026, 3, 29, 18, 30, tzinfo=berlin), minutes=30, weekly=True),
    ]  # fmt: skip
    body = build_calendar(reminders, "tending.example", datetime(2026, 3, 1, 9, tzinfo=UTC))
    assert body.count(b"\r\n") == body.count(b"\n")  # CRLF everywhere

    by_vobject = {e.uid.value: e for e in vobject.readOne(body.decode()).vevent_list}
    parsed = icalendar.Calendar.from_ical(body)
    by_icalendar = {str(e["uid"]): e for e in parsed.walk("VEVENT")}
    assert by_vobject.keys() == by_icalendar.keys() == {
        "reach-out-1@tending.example", "birthday-1@tending.example",
        "weekly-review@tending.example",
    }  # fmt: skip
    reach = by_vobject["reach-out-1@tending.example"]
    assert reach.summary.value == f"Reach out to {long_name}"
    assert reach.description.value == "You hoped to be in touch every week.\nSoon."
    assert str(by_icalendar["reach-out-1@tending.example"]["summary"]) == reach.summary.value
    assert reach.dtstart.value == date(2026, 3, 14) and reach.dtend.value == date(2026, 3, 15)
    review = by_icalendar["weekly-review@tending.example"]
    start = review.decoded("dtstart")
    assert start.hour == 18 and start.utcoffset().total_seconds() == 7200  # summer time
    assert review["rrule"]["FREQ"] == ["WEEKLY"]
    assert "FREQ=YEARLY" in by_vobject["birthday-1@tending.example"].rrule.value
    assert len(parsed.walk("VTIMEZONE")) == 1


def test_a_weekly_slot_in_utc_is_written_in_utc():
    slot = Reminder(uid="weekly-review", summary="Weekly review in tending",
                    start=datetime(2026, 3, 29, 18, 30, tzinfo=zoneinfo.ZoneInfo("UTC")),
                    minutes=30, weekly=True)  # fmt: skip
    body = build_calendar([slot], "tending.example", datetime(2026, 3, 1, tzinfo=UTC))
    assert b"DTSTART:20260329T183000Z\r\n" in body and b"DTEND:20260329T190000Z\r\n" in body
    assert b"TZID" not in body and b"VTIMEZONE" not in body
    event = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert event.decoded("dtstart") == datetime(2026, 3, 29, 18, 30, tzinfo=UTC)
