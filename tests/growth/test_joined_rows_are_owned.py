"""Growth's written-out reads join other tables (a flag's entry, a step's session, a ladder's
person): each joined row must be the reader's own too. The forms never make such a link;
these rows are put in the database directly, as a bug or a hand-edited database might."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tending.growth.models import BraveStep, BringUp, Goal, GoalStep, LadderSession, TherapySession
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db

THEIRS = ("THEIRPERSON", "THEIRTITLE", "THEIRBODY", "THEIRMOMENT", "THEIRGOAL", "29 February")


# Their session's day, 29 February, is the mark: on no other day of the year may a page show it.
@time_machine.travel(datetime(2026, 6, 15, 11, tzinfo=UTC), tick=True)
def test_no_page_shows_another_accounts_row_that_a_row_of_mine_points_at(
    owner, other, owner_client
):
    today = timezone.localdate(timezone=owner.zone)
    person = PersonFactory(owner=other, name="THEIRPERSON")
    entry = JournalEntryFactory(owner=other, title="THEIRTITLE", body="THEIRBODY")
    moment = MomentFactory(owner=other, note="THEIRMOMENT", people=[person])
    session = TherapySession.objects.create(owner=other, held_on=date(2020, 2, 29))
    their_goal = Goal.objects.create(owner=other, title="THEIRGOAL", area="connection")
    BringUp.objects.create(owner=owner, entry=entry)
    BringUp.objects.create(owner=owner, moment=moment)
    BringUp.objects.create(owner=owner, moment=MomentFactory(owner=owner, people=[person]))
    goal = Goal.objects.create(owner=owner, title="Mine", area="connection")
    GoalStep.objects.create(owner=owner, goal=goal, text="Homework", session=session)
    GoalStep.objects.create(owner=owner, goal=their_goal, text="Homework 2", session=session)
    BraveStep.objects.create(owner=owner, text="A step", hardness=3, person=person, added_on=today)
    LadderSession.objects.create(owner=owner, person=person)
    pages = [
        reverse("growth:therapy"), reverse("growth:summary"),
        reverse("growth:goal", args=[goal.pk]),
        reverse("growth:brave"), reverse("growth:ladders"), reverse("growth:home"),
        reverse("growth:goals"), reverse("today:today"),
    ]  # fmt: skip
    for url in pages:
        html = owner_client.get(url).content.decode()
        assert [word for word in THEIRS if word in html] == [], url
