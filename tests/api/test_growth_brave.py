"""Brave steps through the API: writing, setting aside, “I did it”, the step offered today and
the week's rest after a hard day, pages, filters, ETags, and another account's 404."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.growth.models import BraveStep
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def a_step(owner, text="Say hello first", hardness=30, **fields) -> BraveStep:
    fields.setdefault("added_on", dt.date(2026, 1, 5))
    return BraveStep.objects.create(owner=owner, text=text, hardness=hardness, **fields)


def a_hard_day(user, when) -> CheckIn:
    return CheckIn.objects.create(
        owner=user, instrument_id="phq-9", instrument_version=1, answers={}, total=20,
        safety_fired=True, taken_at=when,
    )  # fmt: skip


def today_of(user) -> str:
    return timezone.localdate(timezone=user.zone).isoformat()


def test_write_read_change_and_delete_a_step(owner_api, owner):
    sam = PersonFactory(owner=owner, name="Sam")
    made = owner_api.post(
        "brave-steps",
        {"text": "  Tell Sam I missed them ", "person_id": sam.pk, "hardness": 60,
         "fear": "They will think I'm needy"},
    )  # fmt: skip
    assert made.status_code == 201, made.content
    step = made.json()
    assert step["text"] == "Tell Sam I missed them" and step["person_name"] == "Sam"
    assert step["belief"] == 50 and step["state"] == "open" and step["added_on"] == today_of(owner)
    assert BraveStep.objects.get(pk=step["id"]).owner == owner

    read = owner_api.get(f"brave-steps/{step['id']}")
    assert read.status_code == 200 and read["ETag"] == made["ETag"]

    changed = owner_api.patch(
        f"brave-steps/{step['id']}",
        {"person_id": None, "hardness": 45},
        **{"If-Match": read["ETag"]},
    )
    assert changed.status_code == 200, changed.content
    body = changed.json()
    assert body["person_id"] is None and body["hardness"] == 45
    assert body["fear"] == "They will think I'm needy" and body["text"] == "Tell Sam I missed them"

    gone = owner_api.delete(f"brave-steps/{step['id']}", **{"If-Match": changed["ETag"]})
    assert gone.status_code == 204
    assert not BraveStep.objects.filter(pk=step["id"]).exists()


def test_an_old_etag_changes_nothing(owner_api, owner):
    step = a_step(owner)
    first = owner_api.get(f"brave-steps/{step.pk}")["ETag"]
    assert owner_api.patch(f"brave-steps/{step.pk}", {"hardness": 40}).status_code == 200
    late = owner_api.patch(f"brave-steps/{step.pk}", {"hardness": 90}, **{"If-Match": first})
    assert late.status_code == 412
    aside = owner_api.patch(f"brave-steps/{step.pk}", {"set_aside": True}, **{"If-Match": first})
    assert aside.status_code == 412
    step.refresh_from_db()
    assert (step.hardness, step.set_aside) == (40, False)
    assert owner_api.delete(f"brave-steps/{step.pk}", **{"If-Match": first}).status_code == 412
    assert BraveStep.objects.filter(pk=step.pk).exists()


def test_only_ones_own_people(owner_api, owner, other):
    theirs = PersonFactory(owner=other)
    answer = owner_api.post("brave-steps", {"text": "Hi", "hardness": 10, "person_id": theirs.pk})
    assert answer.status_code == 422
    assert answer.json()["detail"] == [
        {"loc": ["body", "person_id"], "msg": "That person is not in your circle.",
         "type": "invalid_choice"}
    ]  # fmt: skip
    step = a_step(owner)
    assert owner_api.patch(f"brave-steps/{step.pk}", {"person_id": theirs.pk}).status_code == 422
    step.refresh_from_db()
    assert step.person_id is None
    assert not BraveStep.objects.filter(owner=other).exists()


def test_bad_input_gets_the_step_forms_message(owner_api, owner):
    answer = owner_api.post("brave-steps", {"text": "   ", "hardness": 10})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "text"]
    assert not BraveStep.objects.exists()
    step = a_step(owner, fear="kept")
    assert (
        owner_api.patch(f"brave-steps/{step.pk}", {"text": "", "fear": "lost?"}).status_code == 422
    )
    step.refresh_from_db()
    assert (step.text, step.fear) == ("Say hello first", "kept")


def test_set_aside_and_bring_back(owner_api, owner):
    step = a_step(owner)
    aside = owner_api.patch(f"brave-steps/{step.pk}", {"set_aside": True})
    assert aside.status_code == 200 and aside.json()["state"] == "set-aside"
    assert BraveStep.objects.get(pk=step.pk).set_aside
    back = owner_api.patch(f"brave-steps/{step.pk}", {"set_aside": False})
    assert back.json()["state"] == "open"
    assert not BraveStep.objects.get(pk=step.pk).set_aside


def test_a_step_done_is_not_set_aside(owner_api, owner):
    step = a_step(owner, done_on=dt.date(2026, 1, 9), felt=20)
    answer = owner_api.patch(f"brave-steps/{step.pk}", {"set_aside": True, "hardness": 99})
    assert answer.status_code == 422
    assert answer.json()["detail"][0] == {
        "loc": ["body", "set_aside"],
        "msg": "That step is already done, so it stays with your steps done.",
        "type": "done",
    }
    step.refresh_from_db()
    assert (step.set_aside, step.hardness) == (False, 30)


def test_i_did_it(owner_api, owner):
    step = a_step(owner, hardness=60, fear="They'll say no", belief=70, set_aside=True)
    etag = owner_api.get(f"brave-steps/{step.pk}")["ETag"]
    answer = owner_api.post(
        f"brave-steps/{step.pk}/outcome",
        {"what_happened": "Sam smiled.", "felt": 30, "fear_came_true": False, "belief_after": 20},
        **{"If-Match": etag},
    )
    assert answer.status_code == 200, answer.content
    done = answer.json()
    assert done["state"] == "done" and done["done_on"] == today_of(owner)
    assert done["outcome"] == (
        "It felt 30 points easier than you expected, and what you feared did not happen."
    )
    step.refresh_from_db()
    assert (step.felt, step.fear_came_true, step.belief_after, step.set_aside) == (
        30, False, 20, False,
    )  # fmt: skip
    # The same outcome from the copy read before is refused: it was changed since.
    stale = owner_api.post(
        f"brave-steps/{step.pk}/outcome",
        {"what_happened": "x", "felt": 90, "fear_came_true": True},
        **{"If-Match": etag},
    )
    assert stale.status_code == 412
    assert BraveStep.objects.get(pk=step.pk).felt == 30


def test_i_did_it_asks_about_the_fear_only_when_one_was_written(owner_api, owner):
    feared = a_step(owner, fear="They'll laugh")
    answer = owner_api.post(
        f"brave-steps/{feared.pk}/outcome",
        {"what_happened": "Fine", "felt": 10, "done_on": "2999-01-01"},
    )
    assert answer.status_code == 422
    problems = {tuple(p["loc"]): p["msg"] for p in answer.json()["detail"]}
    assert problems[("body", "done_on")] == "Please give today or a day before."
    assert ("body", "fear_came_true") in problems and ("body", "belief_after") in problems
    assert BraveStep.objects.get(pk=feared.pk).done_on is None

    unafraid = a_step(owner, text="Wave")
    answer = owner_api.post(
        f"brave-steps/{unafraid.pk}/outcome",
        {"what_happened": "Waved", "felt": 10, "fear_came_true": True, "done_on": "2026-01-06"},
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["fear_came_true"] is None and answer.json()["done_on"] == "2026-01-06"
    assert answer.json()["outcome"] == "It felt 20 points easier than you expected."


def test_filters_as_the_brave_page_groups(owner_api, owner):
    a_step(owner, "Hard", hardness=80)
    a_step(owner, "Easy", hardness=10)
    a_step(owner, "Aside", hardness=5, set_aside=True)
    a_step(owner, "Done early", hardness=50, done_on=dt.date(2026, 1, 6))
    a_step(owner, "Done late", hardness=50, done_on=dt.date(2026, 1, 8))
    texts = lambda q: [s["text"] for s in owner_api.get(q).json()["items"]]  # noqa: E731
    assert texts("brave-steps?state=open") == ["Easy", "Hard"]  # easiest first
    assert texts("brave-steps?state=set-aside") == ["Aside"]
    assert texts("brave-steps?state=done") == ["Done late", "Done early"]  # newest first
    assert len(texts("brave-steps")) == 5
    assert owner_api.get("brave-steps?state=failed").status_code == 422


def test_pages_follow_one_another_without_gaps(owner_api, owner):
    made = [a_step(owner, f"Step {i}", hardness=h) for i, h in enumerate([40, 10, 40, 20, 40])]
    seen, cursor = [], None
    for _ in range(5):
        query = "brave-steps?state=open&limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = owner_api.get(query).json()
        seen += [s["id"] for s in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == [s.pk for s in sorted(made, key=lambda s: (s.hardness, s.pk))]


def test_the_list_reads_the_same_few_queries_however_long(
    owner_api, owner, django_assert_num_queries
):
    a_step(owner, person=PersonFactory(owner=owner))
    owner_api.get("brave-steps")  # the token's first use of the minute is written down
    with django_assert_num_queries(3):
        assert len(owner_api.get("brave-steps").json()["items"]) == 1
    for i in range(4):
        a_step(owner, f"More {i}", person=PersonFactory(owner=owner, name=f"P{i}"))
    with django_assert_num_queries(3):
        page = owner_api.get("brave-steps").json()["items"]
    assert len(page) == 5 and all(s["person_name"] for s in page)


def test_the_easiest_open_step_is_offered(owner_api, owner):
    assert owner_api.get("brave-steps/offered").json() == {
        "step": None,
        "reason": "no-open-steps",
        "message": "No steps to take yet: write one of your own, as small as you like.",
        "paused_until": None,
    }
    a_step(owner, "Hard", hardness=70)
    easy = a_step(owner, "Easy", hardness=20)
    a_step(owner, "Easier but aside", hardness=5, set_aside=True)
    offered = owner_api.get("brave-steps/offered").json()
    assert offered["reason"] == "offered" and offered["step"]["id"] == easy.pk


def test_no_step_is_offered_for_a_week_after_a_hard_day(owner_api, owner):
    a_step(owner, "Easy", hardness=20)
    a_hard_day(owner, dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC))
    with time_machine.travel("2026-03-16 12:00:00+00:00", tick=False):
        resting = owner_api.get("brave-steps/offered").json()
        listed = owner_api.get("brave-steps?state=open").json()["items"]
    assert resting["step"] is None and resting["reason"] == "resting-after-a-hard-day"
    assert resting["paused_until"] == "2026-03-17"
    assert "until Tuesday 17 March" in resting["message"]
    assert [s["text"] for s in listed] == ["Easy"]  # the steps are all still there
    with time_machine.travel("2026-03-17 00:30:00+01:00", tick=False):
        again = owner_api.get("brave-steps/offered").json()
    assert again["reason"] == "offered" and again["step"]["text"] == "Easy"


def test_another_account_meets_no_step(owner_api, other_api, owner, other):
    step = a_step(owner, "Marker step", fear="Marker fear")
    assert other_api.get("brave-steps").json()["items"] == []
    assert other_api.get("brave-steps/offered").json()["step"] is None
    for call in (
        lambda: other_api.get(f"brave-steps/{step.pk}"),
        lambda: other_api.patch(f"brave-steps/{step.pk}", {"set_aside": True}),
        lambda: other_api.post(f"brave-steps/{step.pk}/outcome", {"what_happened": "x", "felt": 1}),
        lambda: other_api.delete(f"brave-steps/{step.pk}"),
    ):
        answer = call()
        assert answer.status_code == 404 and "Marker" not in answer.content.decode()
    step.refresh_from_db()
    assert (step.set_aside, step.done_on) == (False, None)
