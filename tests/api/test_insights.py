"""Insights through the API: the page's findings and words, its empty states, the kept result,
and the weekly review of a week."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.circle.models import Person
from tending.insights import analysis
from tending.insights.diary import EARLY_SIGN, FINDING
from tending.insights.showing import MEANING, too_few_words
from tending.insights.weeks import week_just_gone
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory
from tests.insights.test_findings_cache import finding
from tests.insights.test_page import engine_finds, pulses

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def midday():
    """Noon in Berlin and UTC alike: the server's day and the account's are the same."""
    with time_machine.travel(datetime(2026, 12, 2, 11, tzinfo=UTC), tick=True):
        yield


def page_text(owner) -> str:
    client = Client()
    client.force_login(owner)
    html = client.get(reverse("insights:index")).content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_findings_with_the_pages_words_and_a_charts_numbers(owner, owner_api, monkeypatch):
    pulses(owner, 40)
    sam = PersonFactory(owner=owner, name="Sam")
    about_sam = finding(
        f"moments-with-{sam.pk}",
        EARLY_SIGN,
        outcome="closeness_after",
        person="Sam",
        effect=0.8,
        interval=(0.3, 1.3),
        n_days=23,
        n_effective=23.0,
        sentence="After time with Sam you usually feel close.",
    )
    engine_finds(monkeypatch, [about_sam, finding()])
    answer = owner_api.get("insights")
    assert answer.status_code == 200, answer.content
    found = answer.json()
    assert found["state"] == "findings" and found["title"] is None and found["message"] is None
    firm, early = found["findings"]  # firm first, as on the page
    assert firm["status"] == FINDING and not firm["early"] and firm["person_id"] is None
    assert firm["days"] == (
        "Seen over 60 days, which count as about 42 on their own, since one day tends to be "
        "like the day before."
    )
    assert firm["size"] == (
        "The difference is likely between 0.2 and 0.6 points higher, on the scale from 1 "
        "to 5 (a 95% interval)."
    )
    assert (firm["effect"], firm["interval_low"], firm["interval_high"]) == (0.4, 0.2, 0.6)
    assert firm["scale_top"] == 5 and firm["outcome"] == "pulse-mood" and firm["lag_days"] == 0
    assert early["early"] and early["status"] == "early sign" and early["person_id"] == sam.pk
    assert early["scale_top"] == 7 and early["days"] == "Seen over 23 rated moments."
    assert found["pulse_days"] == 40 and found["days_still_needed"] == 0
    assert found["still_needed"] is None
    text = page_text(owner)
    for row in found["findings"]:
        assert row["sentence"] in text and row["days"] in text and row["size"] in text
    for paragraph in found["meaning"]:
        assert "<" not in paragraph and paragraph in text
    assert len(found["meaning"]) == len(MEANING)


def test_past_a_dozen_the_rest_are_marked_as_waiting(owner, owner_api, monkeypatch):
    pulses(owner, 20)
    engine_finds(monkeypatch, [finding(f"person-{n}", sentence=f"P{n}.") for n in range(14)])
    rows = owner_api.get("insights").json()["findings"]
    assert [row["shown_first"] for row in rows] == [True] * 12 + [False] * 2
    assert [row["person_id"] for row in rows] == list(range(14))


def test_too_few_days_says_so_as_the_page_does(owner, owner_api, monkeypatch):
    pulses(owner, 9)
    engine_finds(monkeypatch, [])
    found = owner_api.get("insights").json()
    assert found["state"] == "not-enough-days" and found["findings"] == []
    assert found["title"] == "Not enough days yet"
    assert found["message"] == too_few_words(9, 14)
    assert "so far, 9 days have one" in found["message"]
    assert (found["days_still_needed"], found["still_needed"]) == (5, "5 more days")
    assert found["fewest_days"] == 14
    assert found["message"] in page_text(owner)


def test_nothing_found_is_said_honestly(owner, owner_api, monkeypatch):
    pulses(owner, 30)
    engine_finds(monkeypatch, [])
    found = owner_api.get("insights").json()
    assert found["state"] == "nothing-stands-out" and found["title"] == "Nothing stands out yet"
    assert found["message"].startswith("Across 30 days with a daily pulse, no pattern is clear")
    assert found["message"] in page_text(owner)


def test_findings_with_few_pulse_days_say_more_may_come(owner, owner_api, monkeypatch):
    pulses(owner, 3)
    engine_finds(monkeypatch, [finding()])
    found = owner_api.get("insights").json()
    assert found["state"] == "findings" and found["still_needed"] == "11 more days"


def test_the_kept_result_is_read_not_worked_out_again(owner, owner_api, monkeypatch):
    pulses(owner, 20)
    runs = []

    def counted(diary):
        runs.append(diary.days)
        return [finding()]

    monkeypatch.setattr(analysis, "find_patterns", counted)
    page_text(owner)
    assert owner_api.get("insights").json()["findings"][0]["sentence"] == finding().sentence
    owner_api.get("insights")
    assert len(runs) == 1


def at(day, hour=12):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def test_the_weekly_review_of_a_week(owner, owner_api):
    start = week_just_gone(timezone.localdate()) - timedelta(days=7)
    sam = PersonFactory(owner=owner, name="Sam Rivera")
    moment = MomentFactory(
        owner=owner,
        people=[sam],
        occurred_at=at(start + timedelta(days=1)),
        felt_understood=4,
        felt_safe=5,
        self_disclosure=3,
    )
    MomentFactory(owner=owner, people=[sam], occurred_at=at(start + timedelta(days=8)))
    entry = JournalEntryFactory(
        owner=owner, title="Walk", body="Cold hands.", written_on=start + timedelta(days=6)
    )
    for days, total in ((-3, 60.0), (2, 45.0)):
        CheckIn.objects.create(
            owner=owner,
            instrument_id="weekly-wellbeing",
            instrument_version=1,
            answers={},
            total=total,
            taken_at=at(start + timedelta(days=days)),
        )
    from tending.growth.models import BraveStep

    BraveStep.objects.create(
        owner=owner, text="Said hello", hardness=30, added_on=start, done_on=start + timedelta(2)
    )
    # Any day of the week names it.
    answer = owner_api.get(f"insights/week?day={(start + timedelta(days=3)).isoformat()}")
    assert answer.status_code == 200, answer.content
    week = answer.json()
    assert week["start"] == start.isoformat() and week["end"] == (start + timedelta(6)).isoformat()
    assert week["earlier"] == (start - timedelta(7)).isoformat() and not week["is_empty"]
    (shown,) = week["moments"]
    assert shown["id"] == moment.pk and shown["person_ids"] == [sam.pk]
    assert shown["people"] == ["Sam Rivera"] and shown["understood"] == 4
    assert "you shared feelings" in shown["how_it_went"]
    assert week["people"] == [{"name": "Sam Rivera", "moments": 1}]
    assert {a["label"]: a["value"] for a in week["averages"]}["felt safe"] == 5
    (checkin,) = week["checkins"]
    assert (checkin["score"], checkin["band"]) == (45, "Lower than usual")
    assert checkin["change"]["words"] == "harder" and checkin["change"]["meaningful"]
    day = entry.written_on.isoformat()
    assert week["entries"] == [
        {"id": entry.pk, "day": day, "heading": "Walk", "first_line": "Cold hands."}
    ]
    assert week["goal_steps"] == [
        {"brave": True, "text": "Said hello", "goal": "", "day": (start + timedelta(2)).isoformat()}
    ]
    assert week["prompt"]["text"] and week["prompt"]["id"]


def test_the_week_just_gone_by_default_and_no_week_not_begun(owner, owner_api):
    today = timezone.localdate(timezone=owner.zone)
    kim = PersonFactory(owner=owner, name="Kim", ring="inner")
    Person.objects.filter(pk=kim.pk).update(created_at=timezone.now() - timedelta(days=60))
    week = owner_api.get("insights/week").json()
    assert week["start"] == week_just_gone(today).isoformat() and week["is_empty"]
    assert week["overdue"]["person_id"] == kim.pk and week["overdue"]["name"] == "Kim"
    assert "have not logged a moment yet" in week["overdue"]["reason"]
    for day in ((today + timedelta(days=8)).isoformat(), "1899-12-31", "2026-02-30", "soon"):
        answer = owner_api.get(f"insights/week?day={day}")
        assert answer.status_code == 422
        assert answer.json()["detail"][0]["loc"] == ["query", "day"]


def test_another_account_sees_only_its_own(owner, owner_api, other_api, monkeypatch):
    pulses(owner, 30)
    engine_finds(monkeypatch, [finding(sentence="Marker finding.")])
    assert owner_api.get("insights").json()["findings"]
    theirs = other_api.get("insights")
    assert theirs.status_code == 200 and "Marker" not in theirs.content.decode()
    assert theirs.json()["state"] == "not-enough-days"
    MomentFactory(owner=owner, people=[PersonFactory(owner=owner, name="Marker Person")])
    JournalEntryFactory(owner=owner, title="Marker entry", written_on=timezone.localdate())
    day = timezone.localdate().isoformat()
    assert "Marker" in owner_api.get(f"insights/week?day={day}").content.decode()
    assert "Marker" not in other_api.get(f"insights/week?day={day}").content.decode()
