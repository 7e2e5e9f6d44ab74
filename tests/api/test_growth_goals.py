"""Goals and their steps through the API: the goal form's rules, ETags, pages, filters, a step
of another goal's address, and another account's 404."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from tending.growth.models import BraveStep, Goal, GoalStep
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def a_goal(owner, title="See friends more often", **fields) -> Goal:
    return Goal.objects.create(
        owner=owner, title=title, area=fields.pop("area", "connection"), **fields
    )


def a_brave_step(owner, text="Say hello first") -> BraveStep:
    return BraveStep.objects.create(
        owner=owner, text=text, hardness=30, added_on=dt.date(2026, 1, 5)
    )


def test_set_read_change_and_delete_a_goal(owner_api, owner):
    sam = PersonFactory(owner=owner, name="Sam")
    brave = a_brave_step(owner)
    made = owner_api.post(
        "goals",
        {
            "title": "  See Sam more ",
            "area": "connection",
            "why": "We laugh.",
            "person_ids": [sam.pk],
            "brave_step_ids": [brave.pk],
            "first_steps": ["Text Sam on Friday", "  ", "Plan a walk"],
        },
    )
    assert made.status_code == 201, made.content
    goal = made.json()
    assert goal["title"] == "See Sam more" and goal["status"] == "active"
    assert goal["person_ids"] == [sam.pk] and goal["brave_step_ids"] == [brave.pk]
    assert [s["text"] for s in goal["steps"]] == ["Text Sam on Friday", "Plan a walk"]
    assert goal["progress"] == "0 of 2 steps done"
    assert goal["next_step_id"] == goal["steps"][0]["id"]
    saved = Goal.objects.get(pk=goal["id"])
    assert saved.owner == owner and list(saved.people.all()) == [sam]

    read = owner_api.get(f"goals/{goal['id']}")
    assert read.status_code == 200 and read["ETag"] == made["ETag"]

    changed = owner_api.patch(
        f"goals/{goal['id']}",
        {"status": "paused", "person_ids": []},
        **{"If-Match": read["ETag"]},
    )
    assert changed.status_code == 200, changed.content
    body = changed.json()
    assert body["status"] == "paused" and body["person_ids"] == []
    assert body["title"] == "See Sam more" and body["brave_step_ids"] == [brave.pk]
    assert changed["ETag"] != read["ETag"]
    assert list(Goal.objects.get(pk=goal["id"]).people.all()) == []

    gone = owner_api.delete(f"goals/{goal['id']}", **{"If-Match": changed["ETag"]})
    assert gone.status_code == 204
    assert not Goal.objects.filter(pk=goal["id"]).exists()
    assert not GoalStep.objects.filter(goal_id=goal["id"]).exists()
    assert BraveStep.objects.filter(pk=brave.pk).exists()


def test_an_old_etag_changes_nothing(owner_api, owner):
    goal = a_goal(owner, why="first")
    first = owner_api.get(f"goals/{goal.pk}")["ETag"]
    assert owner_api.patch(f"goals/{goal.pk}", {"why": "second"}).status_code == 200
    late = owner_api.patch(f"goals/{goal.pk}", {"why": "third"}, **{"If-Match": first})
    assert late.status_code == 412
    goal.refresh_from_db()
    assert goal.why == "second"
    assert owner_api.delete(f"goals/{goal.pk}", **{"If-Match": first}).status_code == 412
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_a_new_step_changes_the_goals_etag(owner_api, owner):
    goal = a_goal(owner)
    before = owner_api.get(f"goals/{goal.pk}")["ETag"]
    assert owner_api.post(f"goals/{goal.pk}/steps", {"text": "Call"}).status_code == 201
    after = owner_api.get(f"goals/{goal.pk}")
    assert after["ETag"] != before and after.json()["progress"] == "0 of 1 step done"


def test_linked_people_and_brave_steps_come_in_the_order_they_were_made(owner_api, owner):
    # Named against the order they were made in: the ids are listed by id, not by name.
    people = [PersonFactory(owner=owner, name=name) for name in ("Zoe", "Max", "Abe")]
    braves = [a_brave_step(owner) for _ in range(3)]
    made = owner_api.post(
        "goals",
        {
            "title": "Closer",
            "area": "connection",
            "person_ids": [p.pk for p in reversed(people)],
            "brave_step_ids": [b.pk for b in reversed(braves)],
        },
    )
    assert made.status_code == 201, made.content
    expected = ([p.pk for p in people], [b.pk for b in braves])
    listed = owner_api.get("goals").json()["items"]
    read = owner_api.get(f"goals/{made.json()['id']}").json()
    for goal in (made.json(), read, *listed):
        assert (goal["person_ids"], goal["brave_step_ids"]) == expected


def test_only_ones_own_people_and_brave_steps(owner_api, owner, other):
    theirs = PersonFactory(owner=other, name="Not mine")
    their_step = a_brave_step(other)
    answer = owner_api.post(
        "goals",
        {
            "title": "Borrowed",
            "area": "connection",
            "person_ids": [theirs.pk],
            "brave_step_ids": [their_step.pk],
        },
    )
    assert answer.status_code == 422
    problems = {tuple(p["loc"]): p["msg"] for p in answer.json()["detail"]}
    assert problems[("body", "person_ids")] == "That person is not in your circle."
    assert problems[("body", "brave_step_ids")] == "That is not one of your brave steps."
    assert not Goal.objects.exists()


def test_bad_input_gets_the_goal_forms_message(owner_api, owner):
    yesterday = (timezone.localdate(timezone=owner.zone) - dt.timedelta(days=1)).isoformat()
    answer = owner_api.post(
        "goals",
        {"title": " ", "area": "connection", "target": yesterday, "first_steps": ["x"] * 13},
    )
    assert answer.status_code == 422
    problems = {tuple(p["loc"]): p["msg"] for p in answer.json()["detail"]}
    assert problems[("body", "title")] == "Please give your goal a few words."
    assert problems[("body", "target")] == "Please choose today or a day ahead, or leave it empty."
    assert problems[("body", "first_steps")].startswith("Please start with 12 steps or fewer")
    assert not Goal.objects.exists()


def test_a_bad_change_keeps_what_was_saved(owner_api, owner):
    sam = PersonFactory(owner=owner)
    goal = a_goal(owner, why="kept")
    goal.people.add(sam)
    answer = owner_api.patch(f"goals/{goal.pk}", {"title": "", "why": "lost?"})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "title"]
    goal.refresh_from_db()
    assert (goal.title, goal.why, list(goal.people.all())) == (
        "See friends more often",
        "kept",
        [sam],
    )


def test_filters_as_the_goals_page_groups(owner_api, owner):
    a_goal(owner, "Walk", area="body")
    a_goal(owner, "Rest", area="self-compassion", status="paused")
    a_goal(owner, "Call", area="connection", status="done")
    titles = lambda query: [g["title"] for g in owner_api.get(query).json()["items"]]  # noqa: E731
    assert titles("goals") == ["Call", "Rest", "Walk"]  # newest first
    assert titles("goals?status=paused") == ["Rest"]
    assert titles("goals?area=body") == ["Walk"]
    assert titles("goals?status=active&area=connection") == []
    assert owner_api.get("goals?status=overdue").status_code == 422


def test_goal_pages_follow_one_another_without_gaps(owner_api, owner):
    made = [a_goal(owner, f"Goal {i}") for i in range(7)]
    seen, cursor = [], None
    for _ in range(5):
        page = owner_api.get("goals?limit=3" + (f"&cursor={cursor}" if cursor else "")).json()
        seen += [g["id"] for g in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == [g.pk for g in reversed(made)]


def test_the_list_reads_the_same_few_queries_however_long(
    owner_api, owner, django_assert_num_queries
):
    def a_full_goal(title):
        goal = a_goal(owner, title)
        goal.people.add(PersonFactory(owner=owner))
        goal.brave_steps.add(a_brave_step(owner))
        GoalStep.objects.create(owner=owner, goal=goal, text="one")
        GoalStep.objects.create(owner=owner, goal=goal, text="two")

    a_full_goal("First")
    owner_api.get("goals")  # the token's first use of the minute is written down
    with django_assert_num_queries(6):
        assert len(owner_api.get("goals").json()["items"]) == 1
    for i in range(4):
        a_full_goal(f"More {i}")
    with django_assert_num_queries(6):
        page = owner_api.get("goals").json()["items"]
    assert len(page) == 5 and all(len(g["steps"]) == 2 and g["person_ids"] for g in page)


# Steps --------------------------------------------------------------------------------------


def test_add_check_off_change_and_remove_a_step(owner_api, owner):
    goal = a_goal(owner)
    made = owner_api.post(f"goals/{goal.pk}/steps", {"text": " Text Sam ", "due": "2026-03-14"})
    assert made.status_code == 201, made.content
    step = made.json()
    assert (step["text"], step["due"], step["done"]) == ("Text Sam", "2026-03-14", False)
    url = f"goals/{goal.pk}/steps/{step['id']}"

    done = owner_api.patch(url, {"done": True}, **{"If-Match": made["ETag"]})
    assert done.status_code == 200, done.content
    today = timezone.localdate(timezone=owner.zone).isoformat()
    assert done.json()["done"] is True and done.json()["done_on"] == today
    assert done.json()["text"] == "Text Sam" and done.json()["due"] == "2026-03-14"

    # A change of words keeps the tick (and the day it was ticked).
    worded = owner_api.patch(url, {"text": "Text Sam back", "due": None})
    assert worded.json()["done_on"] == today and worded.json()["due"] is None

    undone = owner_api.patch(url, {"done": False})
    assert undone.json()["done"] is False and undone.json()["done_on"] is None
    assert GoalStep.objects.get(pk=step["id"]).done_on is None

    listed = owner_api.get(f"goals/{goal.pk}/steps").json()
    assert [s["text"] for s in listed["items"]] == ["Text Sam back"]

    assert owner_api.delete(url, **{"If-Match": made["ETag"]}).status_code == 412
    assert owner_api.delete(url, **{"If-Match": undone["ETag"]}).status_code == 204
    assert not GoalStep.objects.filter(pk=step["id"]).exists()


def test_a_step_is_checked_off_on_the_callers_own_day(owner_api, owner):
    goal = a_goal(owner)
    step = GoalStep.objects.create(owner=owner, goal=goal, text="late")
    # 23:30 in London is already the next day in Berlin, the owner's zone.
    with time_machine.travel("2026-03-10 23:30:00+00:00", tick=False):
        done = owner_api.patch(f"goals/{goal.pk}/steps/{step.pk}", {"done": True})
    assert done.json()["done_on"] == "2026-03-11"


def test_a_stale_step_etag_changes_nothing(owner_api, owner):
    goal = a_goal(owner)
    step = GoalStep.objects.create(owner=owner, goal=goal, text="one")
    url = f"goals/{goal.pk}/steps/{step.pk}"
    first = owner_api.get(url)["ETag"]
    assert owner_api.patch(url, {"text": "two"}).status_code == 200
    assert owner_api.patch(url, {"done": True}, **{"If-Match": first}).status_code == 412
    step.refresh_from_db()
    assert (step.text, step.done_on) == ("two", None)


def test_a_bad_step_gets_the_step_forms_message(owner_api, owner):
    goal = a_goal(owner)
    answer = owner_api.post(f"goals/{goal.pk}/steps", {"text": "  ", "due": "1066-10-14"})
    assert answer.status_code == 422
    problems = {tuple(p["loc"]): p["msg"] for p in answer.json()["detail"]}
    assert problems[("body", "text")] == "Please write the step in a few words."
    assert ("body", "due") in problems
    assert not GoalStep.objects.exists()


def test_a_step_of_another_goals_address_is_not_there(owner_api, owner):
    one, two = a_goal(owner, "One"), a_goal(owner, "Two")
    step = GoalStep.objects.create(owner=owner, goal=one, text="of one")
    wrong = f"goals/{two.pk}/steps/{step.pk}"
    assert owner_api.get(wrong).status_code == 404
    assert owner_api.patch(wrong, {"done": True}).status_code == 404
    assert owner_api.delete(wrong).status_code == 404
    step.refresh_from_db()
    assert step.done_on is None
    assert owner_api.get(f"goals/{two.pk}/steps").json()["items"] == []


def test_step_pages_follow_one_another_without_gaps(owner_api, owner):
    goal = a_goal(owner)
    made = [GoalStep.objects.create(owner=owner, goal=goal, text=f"s{i}") for i in range(5)]
    first = owner_api.get(f"goals/{goal.pk}/steps?limit=2").json()
    second = owner_api.get(f"goals/{goal.pk}/steps?limit=2&cursor={first['next']}").json()
    third = owner_api.get(f"goals/{goal.pk}/steps?limit=2&cursor={second['next']}").json()
    seen = [s["id"] for page in (first, second, third) for s in page["items"]]
    assert seen == [s.pk for s in made] and third["next"] is None


def test_another_account_meets_no_goal(owner_api, other_api, owner):
    goal = a_goal(owner, "Marker goal")
    step = GoalStep.objects.create(owner=owner, goal=goal, text="Marker step")
    assert other_api.get("goals").json()["items"] == []
    for call in (
        lambda: other_api.get(f"goals/{goal.pk}"),
        lambda: other_api.patch(f"goals/{goal.pk}", {"title": "Taken"}),
        lambda: other_api.delete(f"goals/{goal.pk}"),
        lambda: other_api.get(f"goals/{goal.pk}/steps"),
        lambda: other_api.post(f"goals/{goal.pk}/steps", {"text": "Mine now"}),
        lambda: other_api.get(f"goals/{goal.pk}/steps/{step.pk}"),
        lambda: other_api.patch(f"goals/{goal.pk}/steps/{step.pk}", {"done": True}),
        lambda: other_api.delete(f"goals/{goal.pk}/steps/{step.pk}"),
    ):
        answer = call()
        assert answer.status_code == 404 and "Marker" not in answer.content.decode()
    goal.refresh_from_db()
    step.refresh_from_db()
    assert goal.title == "Marker goal" and step.done_on is None and goal.steps.count() == 1


def test_deleting_a_goal_from_an_old_copy_keeps_steps_added_meanwhile(owner_api, owner):
    made = owner_api.post("goals", {"title": "See friends", "area": "connection"})
    assert made.status_code == 201, made.content
    goal_id, old = made.json()["id"], made["ETag"]
    assert owner_api.post(f"goals/{goal_id}/steps", {"text": "Text Sam"}).status_code == 201
    assert owner_api.delete(f"goals/{goal_id}", **{"If-Match": old}).status_code == 412
    fresh = owner_api.get(f"goals/{goal_id}")["ETag"]
    assert owner_api.delete(f"goals/{goal_id}", **{"If-Match": fresh}).status_code == 204
