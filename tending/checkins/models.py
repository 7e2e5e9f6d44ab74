"""Stored check-ins: the raw answers, the scores computed from them, and drafts in progress."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_noop

from tending.core.models import OwnedModel


class CheckIn(OwnedModel):
    """One completed questionnaire; scores can always be recomputed from `answers`."""

    instrument_id = models.CharField(max_length=64)
    instrument_version = models.PositiveIntegerField()
    answers = models.JSONField()  # {item id: raw value or null}
    total = models.FloatField()
    subscales = models.JSONField(default=dict, blank=True)
    band_label = models.CharField(max_length=100, blank=True)
    prorated = models.BooleanField(default=False)
    safety_fired = models.BooleanField(default=False)
    taken_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-taken_at", "-id"]
        # Covers the newest of each instrument, history pages and "the one before" alike,
        # read from either end; id breaks ties between two taken at the same moment.
        indexes = [
            models.Index(
                fields=["owner", "instrument_id", "taken_at", "id"], name="checkin_by_time_idx"
            ),
            # The newest id of a history in one step: a chart of all of it is kept until it moves.
            models.Index(fields=["owner", "instrument_id", "id"], name="checkin_by_id_idx"),
            # Every check-in, newest first (the API's list): without it, ten years were sorted
            # for each page.
            models.Index(fields=["owner", "-taken_at", "-id"], name="checkin_newest_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.instrument_id} on {self.taken_at:%Y-%m-%d}"


class CheckInDraft(OwnedModel):
    """Answers given so far, so a check-in can be left and resumed on any device."""

    instrument_id = models.CharField(max_length=64)
    answers = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "instrument_id"], name="one_draft_per_check")
        ]


class Frequency(models.TextChoices):
    # Marked for the catalogue but kept in English here (the API and the export read them);
    # pages translate each label as they show it: gettext(label).
    DAILY = "daily", gettext_noop("Every day")
    WEEKLY = "weekly", gettext_noop("Every week")
    ON_DEMAND = "on-demand", gettext_noop("Only when I choose")
    OFF = "off", gettext_noop("Off")


class CheckInChoice(OwnedModel):
    """How often the person wants to be offered one check; absent means its default."""

    instrument_id = models.CharField(max_length=64)
    frequency = models.CharField(max_length=12, choices=Frequency.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "instrument_id"], name="one_choice_per_check")
        ]
