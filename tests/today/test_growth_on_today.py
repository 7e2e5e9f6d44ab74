"""Today holds one brave step (the easiest open one, none after a hard day) and, under
"coming up", this week's steps toward active goals; both read in Today's one small query."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tending.checkins.models import CheckIn
from tending.growth import queries
from tending.growth.models import BraveStep, Goal, GoalStep
from tending.today.small_reads import small_reads

pytestmark = pytest.mark.django_db


def step(owner, text, hardness, **more):
    return BraveStep.objects.create(
        owner=owner, text=text, hardness=hardness, added_on=timezone.localdate(), **more
    )


def hard_day(owner, days_ago=0, fired=True):
    CheckIn.objects.create(
        owner=owner,
        instrument_id="hard-days",
        instrument_version=1,
        answers={},
        total=0,
        safety_fired=fired,
        taken_at=timezone.now() - timedelta(days=days_ago),
    )


def card(html: str, anchor: str) -> str:
    return html.split(f'id="{anchor}"')[1].split("</section>")[0] if anchor in html else ""


def test_the_easiest_open_step_is_offered_and_no_other(owner, owner_client, other):
    step(owner, "Ask Kim a question back", 50)
    easiest = step(owner, "Say hello to the neighbour", 20)
    step(owner, "Tell Sam I missed them", 10, set_aside=True)
    step(owner, "Call Mum", 5, done_on=timezone.localdate())
    step(other, "Someone else's step", 1)
    html = owner_client.get(reverse("today:today")).content.decode()
    shown = card(html, "brave-step")
    assert "Say hello to the neighbour" in shown
    assert reverse("growth:brave_outcome", args=[easiest.pk]) in shown
    for hidden in ("Ask Kim", "Tell Sam", "Call Mum", "Someone else"):
        assert hidden not in html


@pytest.mark.parametrize(
    ("days_ago", "fired", "offered"),
    [(0, True, False), (6, True, False), (8, True, True), (0, False, True)],
)
def test_a_hard_day_rests_brave_steps_for_a_week(owner, owner_client, days_ago, fired, offered):
    step(owner, "Say hello to the neighbour", 20)
    hard_day(owner, days_ago, fired)
    html = owner_client.get(reverse("today:today")).content.decode()
    assert ('id="brave-step"' in html) is offered


def test_no_steps_no_card(owner_client):
    assert 'id="brave-step"' not in owner_client.get(reverse("today:today")).content.decode()


def goal(owner, status="active", title="See friends"):
    return Goal.objects.create(owner=owner, title=title, area="connection", status=status)


def test_this_weeks_goal_steps_are_coming_up_and_others_are_not(owner, owner_client, other):
    today = timezone.localdate()
    active, resting = goal(owner), goal(owner, status="paused")
    GoalStep.objects.create(owner=owner, goal=active, text="Call Sam", due=today + timedelta(3))
    GoalStep.objects.create(owner=owner, goal=active, text="Book a class", due=today - timedelta(2))
    GoalStep.objects.create(owner=owner, goal=active, text="Far off", due=today + timedelta(9))
    GoalStep.objects.create(owner=owner, goal=active, text="No day at all")
    GoalStep.objects.create(owner=owner, goal=active, text="Already done", due=today, done_on=today)
    GoalStep.objects.create(owner=owner, goal=resting, text="Resting step", due=today)
    theirs = goal(other)
    GoalStep.objects.create(owner=other, goal=theirs, text="Their step", due=today)
    html = owner_client.get(reverse("today:today")).content.decode()
    coming = html.split('id="coming-title"')[1].split("</section>")[0]
    assert coming.index("Book a class") < coming.index("Call Sam")  # soonest first
    assert "whenever you&#39;re ready" in coming or "whenever you're ready" in coming
    assert reverse("growth:goal", args=[active.pk]) in coming
    for hidden in ("Far off", "No day at all", "Already done", "Resting step", "Their step"):
        assert hidden not in html


def test_at_most_three_goal_steps_and_a_link_to_the_rest(owner, owner_client):
    today = timezone.localdate()
    active = goal(owner)
    for n in range(5):
        GoalStep.objects.create(
            owner=owner, goal=active, text=f"Step number {n}", due=today + timedelta(n)
        )
    html = owner_client.get(reverse("today:today")).content.decode()
    coming = html.split('id="coming-title"')[1].split("</section>")[0]
    assert [f"Step number {n}" in coming for n in range(5)] == [True] * 3 + [False] * 2
    assert "2 more in your goals" in coming


def test_todays_one_query_agrees_with_growths_own_reads(owner):
    for n, hardness in enumerate([70, 20, 20, 90]):
        step(owner, f"Step {n}", hardness)
    today = timezone.localdate()
    small = small_reads(owner, today)
    assert sorted(s.key for s in small.open_steps) == sorted(
        s.key for s in queries.brave_steps(owner) if s.is_open
    )
    from tending.growth import brave

    offered = brave.step_to_offer(small.open_steps, today)
    assert offered.key == queries.step_offer(owner, today)[0].key
    hard_day(owner, days_ago=2)
    small = small_reads(owner, today)
    fired_on = small.fired_at.astimezone(owner.zone).date()
    assert fired_on == queries.safety_fired_on(owner, today)
    assert queries.step_offer(owner, today) == (None, brave.paused_until(fired_on))


def test_a_hard_day_in_the_persons_own_zone(owner, owner_client):
    """Fired late in the evening in Auckland: its day there is the day the pause counts from."""
    owner.time_zone = "Pacific/Auckland"
    owner.save()
    step(owner, "Say hello", 20)
    with time_machine.travel("2026-03-01 10:30 +00:00"):  # 23:30 on the 1st in Auckland
        hard_day(owner)
    with time_machine.travel("2026-03-08 10:00 +00:00"):  # 23:00 on the 8th: a week on
        html = owner_client.get(reverse("today:today")).content.decode()
    assert 'id="brave-step"' in html
    with time_machine.travel("2026-03-07 10:00 +00:00"):  # the 7th there: still resting
        html = owner_client.get(reverse("today:today")).content.decode()
    assert 'id="brave-step"' not in html
