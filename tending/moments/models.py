"""A moment: one interaction that mattered, and what happened between the people in it."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tending.circle.models import Person
from tending.core.models import OwnedModel, Tag
from tending.moments.rules import check_moment_time, check_note


class Channel(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    CALL = "call", pgettext_lazy("way of being in touch", "Call")
    VIDEO = "video", pgettext_lazy("way of being in touch", "Video")
    MESSAGES = "messages", pgettext_lazy("way of being in touch", "Messages")
    LETTER = "letter", pgettext_lazy("way of being in touch", "Letter")
    OTHER = "other", pgettext_lazy("way of being in touch", "Other")


class Initiator(models.TextChoices):
    ME = "me", _("I did")
    THEM = "them", _("They did")
    BOTH = "both", _("Both, or not sure")


class Sharing(models.IntegerChoices):
    """How much of oneself was shared: the depth of self-disclosure."""

    NOTHING = 0, _("Nothing personal")
    FACTS = 1, _("Facts")
    THOUGHTS = 2, _("Thoughts")
    FEELINGS = 3, _("Feelings")
    VULNERABLE = 4, _("Something vulnerable")


SHARING_SLUGS = {
    "nothing": Sharing.NOTHING,
    "facts": Sharing.FACTS,
    "thoughts": Sharing.THOUGHTS,
    "feelings": Sharing.FEELINGS,
    "vulnerable": Sharing.VULNERABLE,
}


def _scale(top: int) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(top)]
    )


class Moment(OwnedModel):
    people = models.ManyToManyField(Person, related_name="moments")
    occurred_at = models.DateTimeField(default=timezone.now)
    duration_minutes = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(24 * 60)]
    )
    channel = models.CharField(max_length=12, choices=Channel.choices, blank=True)
    initiated_by = models.CharField(max_length=8, choices=Initiator.choices, blank=True)
    self_disclosure = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=Sharing.choices
    )
    other_disclosure = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=Sharing.choices
    )
    felt_understood = _scale(5)
    felt_validated = _scale(5)
    felt_cared_for = _scale(5)
    closeness_after = _scale(7)
    felt_safe = _scale(5)
    note = models.TextField(blank=True)
    tags = models.ManyToManyField(Tag, related_name="moments", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            # The lists' order in full, ties included: a page far down is found in the index.
            models.Index(fields=["owner", "-occurred_at", "-id"], name="moment_owner_newest"),
            # "Welcome back" on Today asks when anything was last logged.
            models.Index(fields=["owner", "created_at"], name="moment_owner_logged"),
            # When any moment last changed: the insights' kept findings and the circle's charts
            # read it to know their sums still hold (tending.insights.findings, chart_data).
            models.Index(fields=["owner", "updated_at"], name="moment_owner_changed"),
        ]

    def __str__(self) -> str:
        return f"Moment on {self.occurred_at:%Y-%m-%d}"

    def clean(self) -> None:
        if self.occurred_at is not None:
            check_moment_time(self.occurred_at, timezone.now())
        check_note(self.note or "")

    @property
    def has_details(self) -> bool:
        return any(
            value not in (None, "")
            for value in (
                self.duration_minutes,
                self.channel,
                self.initiated_by,
                self.self_disclosure,
                self.other_disclosure,
                self.felt_understood,
                self.felt_validated,
                self.felt_cared_for,
                self.closeness_after,
                self.felt_safe,
                self.note,
            )
        )
