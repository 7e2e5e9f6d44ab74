"""Today through the API: what the page shows, worked out as the page works it out, in the
caller's own day; and "not now" for the person suggested."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from markupsafe import escape

from tending.checkins.models import CheckInDraft
from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin
from tending.growth.models import BraveStep, Goal, GoalStep
from tending.today.models import ReachOutSnooze
from tests.factories import MomentFactory, PersonFactory
from tests.today.test_growth_on_today import hard_day
from tests.today.test_views import old_person

pytestmark = pytest.mark.django_db


def test_with_nobody_yet_the_pulse_leads_then_adding_someone(owner_api, owner):
    today = owner_api.get("today")
    assert today.status_code == 200, today.content
    shown = today.json()
    assert (shown["next_step"], shown["pulse_due"], shown["has_people"]) == ("pulse", True, False)
    assert shown["reach_out"] is None and shown["safety"] is None
    assert {d["instrument_id"] for d in shown["checkins_due"]} >= {"connection", "hard-days"}
    assert "daily-pulse" not in {d["instrument_id"] for d in shown["checkins_due"]}
    pulse = get_instrument("daily-pulse")
    save_checkin(owner, pulse, {i.id: 3 for i in pulse.items})
    shown = owner_api.get("today").json()
    assert (shown["next_step"], shown["pulse_due"]) == ("reach", False)


def test_the_person_to_reach_out_to_as_the_page_suggests(owner_api, owner, owner_client):
    sam = old_person(owner, name="Sam", ring="inner", rhythm_days=7, phone="+49 170 1234")
    MomentFactory(owner=owner, people=[sam], occurred_at=timezone.now() - timedelta(days=12))
    jo = old_person(owner, name="Jo", ring="middle", rhythm_days=30)
    fine = old_person(owner, name="Fine", ring="inner", rhythm_days=7)
    MomentFactory(owner=owner, people=[fine], occurred_at=timezone.now() - timedelta(days=1))

    reach = owner_api.get("today").json()["reach_out"]
    assert reach == {
        "person_id": sam.pk,
        "name": "Sam",
        "reason": "It has been 12 days; you usually talk every week.",
        "ring": "inner",
        "days_since": 12,
        "rhythm_days": 7,
        "phone": "+49 170 1234",
        "email": sam.email,
        "more_waiting": 1,
    }
    page = owner_client.get(reverse("today:today")).content.decode()
    assert str(escape(reach["reason"])) in page

    set_aside = owner_api.post(f"today/not-now/{sam.pk}")
    assert set_aside.status_code == 200, set_aside.content
    day = timezone.localdate(timezone.now(), owner.zone)
    assert set_aside.json() == {
        "person_id": sam.pk,
        "until": str(day + timedelta(days=3)),
        "message": "Sam can wait. They will come up again in a few days.",
    }
    assert ReachOutSnooze.objects.get(owner=owner, person=sam).until == day + timedelta(days=3)
    assert owner_api.get("today").json()["reach_out"]["person_id"] == jo.pk


def test_when_nobody_is_due_it_names_who_has_no_moment_yet(owner_api, owner):
    new = PersonFactory(owner=owner, name="New friend", rhythm_days=30)
    shown = owner_api.get("today").json()
    assert shown["reach_out"] is None and shown["has_people"] is True
    assert shown["not_yet_seen"] == [{"person_id": new.pk, "name": "New friend"}]


def test_a_prompt_and_another(owner_api, owner, owner_client):
    first = owner_api.get("today").json()
    assert first["prompt"]["text"] and first["next_another"] == 1
    page = owner_client.get(reverse("today:today")).content.decode()
    assert str(escape(first["prompt"]["text"])) in page  # the same prompt the page offers
    texts = {owner_api.get(f"today?another={n}").json()["prompt"]["id"] for n in range(1, 6)}
    assert texts - {first["prompt"]["id"]}
    assert owner_api.get("today?another=-1").status_code == 422


def test_birthdays_goal_steps_and_a_brave_step(owner_api, owner):
    day = timezone.localdate(timezone.now(), owner.zone)
    soon = day + timedelta(days=3)
    ada = PersonFactory(owner=owner, name="Ada", birthday_day=soon.day, birthday_month=soon.month)
    goal = Goal.objects.create(owner=owner, title="Closer", area="connection", why="")
    step = GoalStep.objects.create(owner=owner, goal=goal, text="Call Mum", due=day)
    BraveStep.objects.create(owner=owner, text="Say hello", hardness=20, added_on=day)

    shown = owner_api.get("today").json()
    assert shown["birthdays"] == [
        {"person_id": ada.pk, "name": "Ada", "on": str(soon), "is_today": False}
    ]
    assert shown["goal_steps"] == [
        {
            "goal_id": goal.pk,
            "step_id": step.pk,
            "text": "Call Mum",
            "due": str(day),
            "waiting": False,
        }
    ]
    assert shown["brave_step"]["text"] == "Say hello"

    hard_day(owner)  # after a hard day, brave steps rest
    assert owner_api.get("today").json()["brave_step"] is None


def test_a_risky_unfinished_check_in_leads_with_crisis_help(owner_api, owner):
    CheckInDraft.objects.create(owner=owner, instrument_id="hard-days", answers={"self-harm": 2})
    safety = owner_api.get("today").json()["safety"]
    assert safety["messages"] == [get_instrument("hard-days").safety_rules[0].message]
    assert safety["unfinished"][0]["instrument_id"] == "hard-days"
    assert safety["crisis_help"]["emergency"]["number"] == "112"


def test_the_day_is_the_callers_own(owner_api, owner):
    owner.time_zone = "Pacific/Kiritimati"  # UTC+14: already tomorrow there
    owner.save()
    with time_machine.travel(datetime(2026, 5, 4, 12, 0, tzinfo=UTC)):
        assert owner_api.get("today").json()["day"] == "2026-05-05"


@pytest.mark.parametrize("count", [1, 5])
def test_today_costs_the_same_however_many_people(
    owner_api, owner, count, django_assert_num_queries
):
    for n in range(count):
        person = old_person(owner, name=f"Friend {n}", rhythm_days=7)
        MomentFactory(owner=owner, people=[person], occurred_at=timezone.now() - timedelta(days=9))
    owner_api.get("today")  # the token's first call of the minute starts its count
    with django_assert_num_queries(5):  # token, rate, people, last logged, the small reads
        shown = owner_api.get("today").json()
    assert shown["reach_out"]["more_waiting"] == count - 1


def test_another_account_meets_nothing(owner_api, other_api, owner):
    sam = old_person(owner, name="Marker", ring="inner", rhythm_days=7)
    shown = other_api.get("today")
    assert shown.status_code == 200 and "Marker" not in shown.content.decode()
    theirs = other_api.post(f"today/not-now/{sam.pk}")
    assert theirs.status_code == 404 and "Marker" not in theirs.content.decode()
    assert not ReachOutSnooze.objects.exists()
