"""The therapy companion through the API: sessions, homework, the things to bring up (added for
one's own rows only, marked talked about, taken off), the summary, and another account's 404."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin
from tending.growth.models import BringUp, Goal, GoalStep, TherapySession
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 3, 10, 11, 0, tzinfo=dt.UTC)  # Tuesday 10 March in Berlin
BERLIN = dt.timezone(dt.timedelta(hours=1))  # March, before the clocks change


def a_session(owner, held_on=dt.date(2026, 2, 3), **fields) -> TherapySession:
    return TherapySession.objects.create(owner=owner, held_on=held_on, **fields)


def an_entry(owner, title="A hard Sunday"):
    return JournalEntryFactory(owner=owner, title=title, body="Quokka words inside.")


def wellbeing(owner, each: int, at: dt.datetime):
    inst = get_instrument("weekly-wellbeing")
    checkin = save_checkin(owner, inst, {item.id: each for item in inst.items})
    checkin.taken_at = at
    checkin.save(update_fields=["taken_at"])
    return checkin


def test_add_read_change_and_delete_a_session(owner_api, owner):
    made = owner_api.post("therapy/sessions", {"with_whom": " Dr Kim ", "notes": "Breathing."})
    assert made.status_code == 201, made.content
    session = made.json()
    assert session["held_on"] == timezone.localdate(timezone=owner.zone).isoformat()
    assert session["with_whom"] == "Dr Kim" and session["talked_about"] == []
    assert TherapySession.objects.get(pk=session["id"]).owner == owner

    read = owner_api.get(f"therapy/sessions/{session['id']}")
    assert read.status_code == 200 and read["ETag"] == made["ETag"]
    changed = owner_api.patch(
        f"therapy/sessions/{session['id']}",
        {"notes": "Slow breathing."},
        **{"If-Match": read["ETag"]},
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["notes"] == "Slow breathing." and changed.json()["with_whom"] == "Dr Kim"

    late = owner_api.patch(
        f"therapy/sessions/{session['id']}", {"notes": "Lost"}, **{"If-Match": read["ETag"]}
    )
    assert late.status_code == 412
    assert TherapySession.objects.get(pk=session["id"]).notes == "Slow breathing."
    assert (
        owner_api.delete(
            f"therapy/sessions/{session['id']}", **{"If-Match": read["ETag"]}
        ).status_code
        == 412
    )

    gone = owner_api.delete(f"therapy/sessions/{session['id']}", **{"If-Match": changed["ETag"]})
    assert gone.status_code == 204
    assert not TherapySession.objects.filter(pk=session["id"]).exists()


def test_bad_input_gets_the_session_forms_message(owner_api, owner):
    answer = owner_api.post("therapy/sessions", {"held_on": "1066-10-14"})
    assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["body", "held_on"]
    assert not TherapySession.objects.exists()
    session = a_session(owner, notes="kept")
    wrong = owner_api.patch(f"therapy/sessions/{session.pk}", {"held_on": None, "notes": "lost?"})
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["msg"] == "Please give the day of the session."
    session.refresh_from_db()
    assert (session.held_on, session.notes) == (dt.date(2026, 2, 3), "kept")


def test_sessions_newest_first_in_pages_with_the_same_few_queries(
    owner_api, owner, django_assert_num_queries
):
    first = a_session(owner, dt.date(2026, 1, 1))
    BringUp.objects.create(owner=owner, entry=an_entry(owner), raised_in=first)
    owner_api.get("therapy/sessions")  # the token's first use of the minute is written down
    with django_assert_num_queries(5):
        assert len(owner_api.get("therapy/sessions").json()["items"]) == 1
    made = [first]
    for day in (5, 2, 9, 7):
        made.append(a_session(owner, dt.date(2026, 1, day)))
        BringUp.objects.create(owner=owner, entry=an_entry(owner), raised_in=made[-1])
    with django_assert_num_queries(5):
        items = owner_api.get("therapy/sessions").json()["items"]
    assert len(items) == 5 and all(len(s["talked_about"]) == 1 for s in items)
    page = owner_api.get("therapy/sessions?limit=3").json()
    rest = owner_api.get(f"therapy/sessions?limit=3&cursor={page['next']}").json()
    held = [s["held_on"][-2:] for s in page["items"] + rest["items"]]
    assert held == ["09", "07", "05", "02", "01"] and rest["next"] is None


def test_homework_goes_to_a_goal_of_ones_own(owner_api, owner, other):
    session = a_session(owner)
    made = owner_api.post(f"therapy/sessions/{session.pk}/homework", {"text": "Breathe slowly"})
    assert made.status_code == 201, made.content
    step = GoalStep.objects.get(pk=made.json()["id"])
    assert step.session == session and step.goal.title == "Therapy homework"
    assert made.json()["session_id"] == session.pk
    assert owner_api.get(f"therapy/sessions/{session.pk}").json()["homework"] == [step.pk]

    theirs = Goal.objects.create(owner=other, title="Theirs", area="body")
    refused = owner_api.post(
        f"therapy/sessions/{session.pk}/homework", {"text": "Sneak", "goal_id": theirs.pk}
    )
    assert refused.status_code == 422
    assert refused.json()["detail"][0] == {
        "loc": ["body", "goal_id"],
        "msg": "Please choose one of your goals.",
        "type": "invalid_choice",
    }
    assert not GoalStep.objects.filter(goal=theirs).exists()


# Things to bring up -------------------------------------------------------------------------


def test_bring_up_an_entry_a_moment_and_a_check_in(owner_api, owner):
    entry = an_entry(owner)
    sam, ada = (PersonFactory(owner=owner, name=name) for name in ("Sam Rivera", "Ada Lowe"))
    moment = MomentFactory(owner=owner, people=[sam, ada])  # named by name, not as made
    inst = get_instrument("connection")
    checkin = save_checkin(owner, inst, {item.id: 3 for item in inst.items})
    made = owner_api.post("therapy/bring-ups", {"entry_id": entry.pk, "note": "Why it hurt"})
    assert made.status_code == 201, made.content
    flag = made.json()
    assert flag["kind"] == "entry" and flag["entry_id"] == entry.pk
    assert flag["label"] == "Journal: A hard Sunday" and flag["excerpt"] == "Quokka words inside."
    assert flag["note"] == "Why it hurt" and flag["talked_about_in"] is None

    again = owner_api.post("therapy/bring-ups", {"entry_id": entry.pk})
    assert again.status_code == 200 and again.json()["id"] == flag["id"]
    assert BringUp.objects.filter(owner=owner).count() == 1

    assert owner_api.post("therapy/bring-ups", {"moment_id": moment.pk}).status_code == 201
    assert owner_api.post("therapy/bring-ups", {"checkin_id": checkin.pk}).status_code == 201
    waiting = owner_api.get("therapy/bring-ups").json()["items"]
    assert [f["label"] for f in waiting] == [
        "Journal: A hard Sunday",
        "A moment with Ada Lowe and Sam Rivera",
        "Connection: 9",
    ]


def test_one_thing_at_a_time_and_only_ones_own(owner_api, owner, other):
    entry = an_entry(owner)
    both = owner_api.post("therapy/bring-ups", {"entry_id": entry.pk, "moment_id": 1})
    assert both.status_code == 422 and both.json()["detail"][0]["loc"] == ["body"]
    assert owner_api.post("therapy/bring-ups", {"note": "nothing"}).status_code == 422
    theirs = an_entry(other, "Their Sunday")
    assert owner_api.post("therapy/bring-ups", {"entry_id": theirs.pk}).status_code == 404
    assert not BringUp.objects.exists()


def test_mark_talked_about_and_back_on_the_list(owner_api, owner, other):
    flag = BringUp.objects.create(owner=owner, entry=an_entry(owner))
    kept = BringUp.objects.create(owner=owner, entry=an_entry(owner, "Kept"))
    first, second = a_session(owner), a_session(owner, dt.date(2026, 2, 17))
    url = f"therapy/bring-ups/{flag.pk}"
    etag = owner_api.get(url)["ETag"]

    ticked = owner_api.patch(url, {"talked_about_in": first.pk}, **{"If-Match": etag})
    assert ticked.status_code == 200 and ticked.json()["talked_about_in"] == first.pk
    assert owner_api.patch(url, {"talked_about_in": None}, **{"If-Match": etag}).status_code == 412
    assert [f["id"] for f in owner_api.get("therapy/bring-ups").json()["items"]] == [kept.pk]
    talked = owner_api.get(f"therapy/bring-ups?state=talked-about&session_id={first.pk}")
    assert [f["id"] for f in talked.json()["items"]] == [flag.pk]

    moved = owner_api.patch(url, {"talked_about_in": second.pk})
    assert moved.json()["talked_about_in"] == second.pk
    assert owner_api.get(f"therapy/sessions/{first.pk}").json()["talked_about"] == []

    theirs = a_session(other)
    refused = owner_api.patch(url, {"talked_about_in": theirs.pk})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "talked_about_in"]
    back = owner_api.patch(url, {"talked_about_in": None})
    assert back.json()["talked_about_in"] is None
    flag.refresh_from_db()
    kept.refresh_from_db()
    assert flag.raised_in is None and kept.raised_in is None


def test_taking_a_flag_off_leaves_the_thing_itself(owner_api, owner):
    entry = an_entry(owner)
    flag = BringUp.objects.create(owner=owner, entry=entry)
    etag = owner_api.get(f"therapy/bring-ups/{flag.pk}")["ETag"]
    assert owner_api.delete(f"therapy/bring-ups/{flag.pk}", **{"If-Match": etag}).status_code == 204
    assert not BringUp.objects.exists()
    entry.refresh_from_db()


def test_the_waiting_list_in_pages_with_the_same_few_queries(
    owner_api, owner, django_assert_num_queries
):
    def flag_a_moment():
        people = [PersonFactory(owner=owner), PersonFactory(owner=owner)]
        return BringUp.objects.create(owner=owner, moment=MomentFactory(owner=owner, people=people))

    made = [flag_a_moment()]
    owner_api.get("therapy/bring-ups")  # the token's first use of the minute is written down
    with django_assert_num_queries(4):
        assert len(owner_api.get("therapy/bring-ups").json()["items"]) == 1
    made += [flag_a_moment() for _ in range(4)]
    with django_assert_num_queries(4):
        items = owner_api.get("therapy/bring-ups").json()["items"]
    assert len(items) == 5 and all(" and " in f["label"] for f in items)
    page = owner_api.get("therapy/bring-ups?limit=2").json()
    more = owner_api.get(f"therapy/bring-ups?limit=4&cursor={page['next']}").json()
    assert [f["id"] for f in page["items"] + more["items"]] == [f.pk for f in made]


@time_machine.travel(NOON, tick=False)
def test_the_summary_for_the_next_session(owner_api, owner):
    last = a_session(owner, dt.date(2026, 3, 3), with_whom="Kim")
    BringUp.objects.create(owner=owner, entry=an_entry(owner), note="Why Sunday was hard")
    BringUp.objects.create(owner=owner, entry=an_entry(owner, "Zebra"), raised_in=last)
    goal = Goal.objects.create(owner=owner, title="Therapy homework", area="support")
    GoalStep.objects.create(owner=owner, goal=goal, text="Breathe slowly", session=last)
    GoalStep.objects.create(owner=owner, goal=goal, text="Not homework at all")
    wellbeing(owner, 2, dt.datetime(2026, 3, 3, 20, tzinfo=BERLIN))
    wellbeing(owner, 4, dt.datetime(2026, 3, 9, 9, tzinfo=BERLIN))
    summary = owner_api.get("therapy/summary")
    assert summary.status_code == 200, summary.content
    found = summary.json()
    assert found["made_on"] == "2026-03-10" and found["since"] == "2026-03-03"
    assert found["last_session"] == {"id": last.pk, "held_on": "2026-03-03", "with_whom": "Kim"}
    assert [(w["label"], w["note"]) for w in found["waiting"]] == [
        ("Journal: A hard Sunday", "Why Sunday was hard")
    ]
    assert [h["text"] for h in found["homework"]] == ["Breathe slowly"]
    assert found["homework"][0]["goal_title"] == "Therapy homework"
    (change,) = found["changes"]
    assert change["title"] == "Weekly well-being"
    assert (change["before"]["total"], change["newest"]["total"]) == (40, 80)
    assert change["change"]["direction"] == "better" and change["change"]["meaningful"] is True


def test_another_account_meets_no_therapy(owner_api, other_api, owner):
    session = a_session(owner, with_whom="Marker therapist", notes="Marker notes")
    flag = BringUp.objects.create(owner=owner, entry=an_entry(owner, "Marker entry"))
    assert other_api.get("therapy/sessions").json()["items"] == []
    assert other_api.get("therapy/bring-ups").json()["items"] == []
    summary = other_api.get("therapy/summary").json()
    assert summary["waiting"] == [] and summary["last_session"] is None
    for call in (
        lambda: other_api.get(f"therapy/sessions/{session.pk}"),
        lambda: other_api.patch(f"therapy/sessions/{session.pk}", {"notes": "Taken"}),
        lambda: other_api.delete(f"therapy/sessions/{session.pk}"),
        lambda: other_api.post(f"therapy/sessions/{session.pk}/homework", {"text": "x"}),
        lambda: other_api.get(f"therapy/bring-ups/{flag.pk}"),
        lambda: other_api.patch(f"therapy/bring-ups/{flag.pk}", {"talked_about_in": None}),
        lambda: other_api.delete(f"therapy/bring-ups/{flag.pk}"),
        lambda: other_api.post("therapy/bring-ups", {"entry_id": flag.entry_id}),
    ):
        answer = call()
        assert answer.status_code == 404 and "Marker" not in answer.content.decode()
    session.refresh_from_db()
    assert session.notes == "Marker notes" and BringUp.objects.filter(pk=flag.pk).exists()
    assert not GoalStep.objects.exists()
