"""The goal pages' and Growth's front page's written-out reads give what the ORM's queries
gave: a goal's form choices (archived people only when already chosen), a goal's page, the
front page's steps, hard day, goals, ladder and things to bring up; nothing of anyone else's."""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.circle.models import Person
from tending.circle.queries import people_to_choose
from tending.core.ownership import owned
from tending.growth import goal_queries, goals, queries
from tending.growth.models import (
    BraveStep,
    BringUp,
    Goal,
    GoalStep,
    LadderSession,
    TherapySession,
)
from tending.journal.models import Entry
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 3, 10, 11, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 3, 10)


def brave_step(owner, text, hardness=30, added_on=TODAY, **more) -> BraveStep:
    return BraveStep.objects.create(
        owner=owner, text=text, hardness=hardness, added_on=added_on, **more
    )


@pytest.fixture
def circle(owner, other):
    """Two accounts' people, steps and goals, with the owner's goal holding some of each."""
    names = ["Zoë", "ada", "Ada", "Bo", "Bo", "Ünal"]
    people = [PersonFactory(owner=owner, name=name) for name in names]
    archived_in = PersonFactory(owner=owner, name="Archived, chosen", is_archived=True)
    PersonFactory(owner=owner, name="Archived, not chosen", is_archived=True)
    PersonFactory(owner=other, name="Someone else's")
    steps = [
        brave_step(owner, "Later", added_on=TODAY),
        brave_step(owner, "Earlier", added_on=dt.date(2025, 1, 1)),
        brave_step(owner, "Same day", added_on=TODAY),
    ]
    brave_step(other, "Their step")
    goal = Goal.objects.create(
        owner=owner, title="See friends", area="connection", why="Because", status="paused",
        target=dt.date(2026, 6, 1),
    )  # fmt: skip
    goal.people.set([people[1], people[4], archived_in])
    goal.brave_steps.set([steps[0]])
    theirs = Goal.objects.create(owner=other, title="Theirs", area="body")
    return goal, theirs


def test_a_goals_form_offers_what_the_orm_offered(owner, circle):
    goal, _ = circle
    found_goal, choices = goal_queries.goal_with_choices(owner, goal.pk)
    expected_people = people_to_choose(owner, goal).order_by("name", "id")
    assert choices.people == [(p.pk, p.name) for p in expected_people]
    assert "Archived, chosen" in dict(choices.people).values()
    assert "Archived, not chosen" not in dict(choices.people).values()
    steps = owned(BraveStep, owner).order_by("added_on", "id")
    assert choices.brave_steps == [(s.pk, s.text) for s in steps]
    assert sorted(choices.chosen_people) == sorted(goal.people.values_list("pk", flat=True))
    assert choices.chosen_brave_steps == list(goal.brave_steps.values_list("pk", flat=True))
    stored = Goal.objects.get(pk=goal.pk)
    for field in Goal._meta.concrete_fields:
        assert getattr(found_goal, field.attname) == getattr(stored, field.attname), field
    assert not found_goal._state.adding


def test_a_new_goals_form_offers_the_active_people_and_every_step(owner, circle):
    choices = goal_queries.goal_choices(owner)
    assert choices.people == [(p.pk, p.name) for p in people_to_choose(owner)
                              .order_by("name", "id")]  # fmt: skip
    assert len(choices.brave_steps) == 3
    assert choices.chosen_people == [] and choices.chosen_brave_steps == []


def test_another_accounts_goal_or_no_goal_is_not_found(owner, other, circle):
    goal, theirs = circle
    assert goal_queries.goal_with_choices(owner, theirs.pk) is None
    assert goal_queries.goal_with_choices(other, goal.pk) is None
    assert goal_queries.goal_page_for(owner, theirs.pk, TODAY) is None
    for nothing in (0, 10**6, 2**64, "7x"):
        assert goal_queries.goal_with_choices(owner, nothing) is None
        assert goal_queries.goal_page_for(owner, nothing, TODAY) is None


def test_a_goals_page_reads_what_the_orm_read(owner, circle):
    goal, _ = circle
    session = TherapySession.objects.create(owner=owner, held_on=dt.date(2026, 3, 3))
    GoalStep.objects.create(owner=owner, goal=goal, text="Plain")
    GoalStep.objects.create(owner=owner, goal=goal, text="Past", due=dt.date(2026, 3, 1))
    GoalStep.objects.create(owner=owner, goal=goal, text="Ahead", due=dt.date(2026, 3, 20))
    GoalStep.objects.create(
        owner=owner, goal=goal, text="Done", due=dt.date(2026, 3, 1), done_on=dt.date(2026, 3, 2)
    )
    GoalStep.objects.create(owner=owner, goal=goal, text="Homework", session=session)
    done_step = goal.brave_steps.get()
    done_step.done_on = dt.date(2026, 3, 4)
    done_step.save()
    goal.brave_steps.add(brave_step(owner, "Not done yet"))
    page = goal_queries.goal_page_for(owner, goal.pk, TODAY)
    assert page.goal.pk == goal.pk and page.goal.title == "See friends"
    rows = [(s.text, s.due, s.done_on, s.waiting, s.session_id, s.session_on) for s in page.steps]
    assert rows == [
        ("Plain", None, None, False, None, None),
        ("Past", dt.date(2026, 3, 1), None, True, None, None),
        ("Ahead", dt.date(2026, 3, 20), None, False, None, None),
        ("Done", dt.date(2026, 3, 1), dt.date(2026, 3, 2), False, None, None),
        ("Homework", None, None, False, session.pk, dt.date(2026, 3, 3)),
    ]
    assert page.progress == "1 of 5 steps done"
    people = owned(Person, owner).filter(pk__in=goal.people.values("pk")).order_by("name", "id")
    assert page.people == [(p.pk, p.name) for p in people]
    assert [(text, done) for _, text, done in page.brave_steps] == [
        ("Later", "4 March"), ("Not done yet", ""),
    ]  # fmt: skip


def hard_day(owner, when, fired=True, kind="hard-days"):
    CheckIn.objects.create(
        owner=owner, instrument_id=kind, instrument_version=1, answers={}, total=0,
        safety_fired=fired, taken_at=when,
    )  # fmt: skip


@time_machine.travel(NOON, tick=False)
@pytest.mark.parametrize("days_ago", [None, 0, 3, 6, 8])
def test_the_front_page_reads_what_the_shared_reads_give(owner, other, circle, days_ago):
    goal, _ = circle
    goal.status = "active"
    goal.save()
    newer = Goal.objects.create(owner=owner, title="Walk", area="body")
    GoalStep.objects.create(owner=owner, goal=newer, text="Short walk", due=TODAY)
    GoalStep.objects.create(owner=owner, goal=goal, text="Call", done_on=TODAY)
    Goal.objects.create(owner=owner, title="Resting", area="body", status="paused")
    brave_step(owner, "Outcome", done_on=TODAY, felt=10, fear_came_true=False, belief_after=5)
    brave_step(owner, "Aside", set_aside=True)
    hard_day(owner, timezone.now() - timedelta(days=20))
    hard_day(owner, timezone.now(), fired=False, kind="mood")
    hard_day(other, timezone.now())
    if days_ago is not None:
        hard_day(owner, timezone.now() - timedelta(days=days_ago), kind="pulse")
    found = queries.front_page(owner, TODAY)
    assert found.steps == queries.brave_steps(owner)
    assert found.fired_on == queries.safety_fired_on(owner, TODAY)
    assert (found.fired_on is not None) == (days_ago is not None and days_ago < 7)
    assert found.active == queries.goals_with_steps(owner, ("active",))
    assert sorted(g.title for g in found.active) == ["See friends", "Walk"]
    assert found.ladder is None and found.waiting == 0


def test_the_front_page_with_nothing_yet(owner):
    found = queries.front_page(owner, TODAY)
    assert (found.steps, found.fired_on, found.active) == ([], None, [])
    assert found.ladder is None and found.waiting == 0


def test_the_front_page_finds_the_newest_unfinished_ladder_and_counts_what_waits(owner, other):
    sam, kim = PersonFactory(owner=owner, name="Sam"), PersonFactory(owner=owner, name="Kim")
    now = timezone.now()
    LadderSession.objects.create(owner=owner, person=sam, updated_at=now - timedelta(days=2))
    newest = LadderSession.objects.create(
        owner=owner, person=kim, set_index=1, prompt_index=4, updated_at=now - timedelta(days=1)
    )
    LadderSession.objects.create(owner=owner, person=sam, updated_at=now, finished_at=now)
    LadderSession.objects.create(owner=other, person=PersonFactory(owner=other), updated_at=now)
    entry = Entry.objects.create(owner=owner, body="Hard week")
    session = TherapySession.objects.create(owner=owner, held_on=TODAY)
    BringUp.objects.create(owner=owner, entry=entry)
    BringUp.objects.create(owner=owner, entry=entry, note="again")
    BringUp.objects.create(owner=owner, entry=entry, raised_in=session)
    BringUp.objects.create(owner=other, entry=Entry.objects.create(owner=other, body="x"))
    found = queries.front_page(owner, TODAY)
    assert found.ladder == {"id": newest.pk, "set_index": 1, "prompt_index": 4, "name": "Kim"}
    assert found.waiting == 2
    assert goals.progress_words(goals.Goal(1, "", "body")).startswith("No steps yet")


def test_all_goals_in_one_query_are_what_the_orm_gives(owner, other):
    import datetime as dt

    from tending.growth import queries
    from tending.growth.models import Goal, GoalStep

    for n, status in enumerate(["active", "paused", "done", "let-go", "active"]):
        goal = Goal.objects.create(
            owner=owner, title=f"Goal {n}", area="body", status=status, why="Why",
            target=dt.date(2027, 1, n + 1) if n % 2 else None,
        )  # fmt: skip
        for k in range(n):
            GoalStep.objects.create(
                owner=owner, goal=goal, text=f"Step {n}.{k}", due=dt.date(2026, 5, k + 1),
                done_on=dt.date(2026, 5, 2) if k % 2 else None,
            )  # fmt: skip
    theirs = Goal.objects.create(owner=other, title="Theirs", area="new")
    GoalStep.objects.create(owner=other, goal=theirs, text="Their step")
    assert queries.all_goals(owner) == queries.goals_with_steps(owner)
    assert len(queries.all_goals(owner)) == 5 and queries.all_goals(other)[0].title == "Theirs"
