"""What Growth keeps: ladder sessions with a person, brave steps, goals and their steps, and
therapy sessions with the things to bring up at the next one. All of it the person's own.

The rules live in the pure modules (ladders, brave, goals); these rows only hold what the
person wrote and where they are.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from tending.core.models import OwnedModel
from tending.growth.goals import AREAS, STATUSES


def _rating(**options) -> models.PositiveSmallIntegerField:
    """A 0-100 rating: how hard a step feels, how strongly a fear is believed."""
    return models.PositiveSmallIntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(100)], **options
    )


class LadderSession(OwnedModel):
    """Two people climbing the ladder's three sets; the place is the next prompt to answer."""

    person = models.ForeignKey("circle.Person", on_delete=models.CASCADE, related_name="+")
    starter = models.PositiveSmallIntegerField(default=0)  # 0: the person first, 1: the other
    set_index = models.PositiveSmallIntegerField(default=0)
    prompt_index = models.PositiveSmallIntegerField(default=0)
    answered = models.PositiveSmallIntegerField(default=0)
    passed = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "-updated_at"])]


class BraveStep(OwnedModel):
    text = models.CharField(max_length=200)
    person = models.ForeignKey(
        "circle.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hardness = _rating()  # how hard it feels beforehand
    fear = models.TextField(max_length=500, blank=True)  # what they fear will happen
    belief = _rating(default=50)  # how strongly they believe it, %
    added_on = models.DateField()
    set_aside = models.BooleanField(default=False)  # "too much right now"
    done_on = models.DateField(null=True, blank=True)
    what_happened = models.TextField(max_length=1000, blank=True)
    felt = _rating(null=True, blank=True)  # how hard it really was
    fear_came_true = models.BooleanField(null=True, blank=True)
    belief_after = _rating(null=True, blank=True)
    learned = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)


class TherapySession(OwnedModel):
    """A session with a therapist or counsellor: when, with whom, notes afterwards."""

    held_on = models.DateField()
    with_whom = models.CharField(max_length=80, blank=True)
    notes = models.TextField(max_length=10000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "-held_on"])]


class Goal(OwnedModel):
    title = models.CharField(max_length=120)
    area = models.CharField(max_length=20, choices=list(AREAS.items()))
    why = models.TextField(max_length=1000, blank=True)
    target = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=list(STATUSES.items()), default="active")
    people = models.ManyToManyField("circle.Person", related_name="+", blank=True)
    brave_steps = models.ManyToManyField(BraveStep, related_name="goals", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)


class GoalStep(OwnedModel):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    text = models.CharField(max_length=200)
    due = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    # Homework from a therapy session is a goal step that remembers the session.
    session = models.ForeignKey(
        TherapySession, on_delete=models.SET_NULL, null=True, blank=True, related_name="homework"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["owner", "done_on"])]


class BringUp(OwnedModel):
    """Something flagged for the next therapy session: a journal entry, a moment or a check-in
    result, with a line of why; kept on the list until a session says it was talked about."""

    entry = models.ForeignKey("journal.Entry", on_delete=models.CASCADE, null=True, blank=True)
    moment = models.ForeignKey("moments.Moment", on_delete=models.CASCADE, null=True, blank=True)
    checkin = models.ForeignKey("checkins.CheckIn", on_delete=models.CASCADE, null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)
    added_at = models.DateTimeField(default=timezone.now)
    raised_in = models.ForeignKey(
        TherapySession, on_delete=models.SET_NULL, null=True, blank=True, related_name="raised"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(entry__isnull=False, moment__isnull=True, checkin__isnull=True)
                    | models.Q(entry__isnull=True, moment__isnull=False, checkin__isnull=True)
                    | models.Q(entry__isnull=True, moment__isnull=True, checkin__isnull=False)
                ),
                name="growth_bring_up_one_thing",
            )
        ]
