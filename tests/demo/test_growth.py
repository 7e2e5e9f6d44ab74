"""Demo Growth: brave steps with outcomes and a few still open, ladders, goals with a step
coming up, therapy sessions with homework and a few things waiting for the next one."""

from __future__ import annotations

import pytest

from tending.growth import brave, goals, queries
from tending.growth.models import BraveStep, BringUp, Goal, GoalStep, LadderSession, TherapySession
from tests.demo.common import TODAY

pytestmark = pytest.mark.django_db


def test_brave_steps_mostly_prove_fears_wrong_and_a_few_wait(filled):
    user, summary = filled
    steps = queries.brave_steps(user)
    assert summary.brave_steps == len(steps) == BraveStep.objects.filter(owner=user).count()
    found = brave.predictions(steps)
    assert found.steps >= 10
    assert found.fear_came_true < found.steps / 3 and found.easier_by > 0
    assert found.belief_after < found.belief_before
    assert brave.step_to_offer(steps, TODAY) is not None
    assert any(s.set_aside for s in steps)
    people = BraveStep.objects.filter(owner=user, person__isnull=False).select_related("person")
    assert people and all(s.person.owner_id == user.pk for s in people)


def test_ladders_goals_and_therapy(filled):
    user, summary = filled
    ladders = LadderSession.objects.filter(owner=user).select_related("person")
    assert any(s.finished_at is None for s in ladders) and any(s.finished_at for s in ladders)
    assert all(s.person.owner_id == user.pk for s in ladders)
    active = queries.goals_with_steps(user, ("active",))
    assert summary.goals == Goal.objects.filter(owner=user).count() >= len(active) >= 2
    assert goals.coming_up(active, TODAY)
    sessions = TherapySession.objects.filter(owner=user)
    assert summary.therapy_sessions == sessions.count() >= 40
    assert GoalStep.objects.filter(owner=user, session__isnull=False).exists()
    waiting = BringUp.objects.filter(owner=user, raised_in=None)
    assert waiting.count() >= 3
    assert BringUp.objects.filter(owner=user, raised_in__isnull=False).count() >= 10
    for flag in BringUp.objects.filter(owner=user).select_related("entry", "moment", "checkin"):
        thing = flag.entry or flag.moment or flag.checkin
        assert thing.owner_id == user.pk
