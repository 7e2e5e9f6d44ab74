"""A "not now" for one person on the Today page, kept until a chosen day."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tending.circle.models import Person
from tending.core.models import OwnedModel


class ReachOutSnooze(OwnedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    until = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "person"], name="one_snooze_per_person")
        ]


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class CalendarFeed(OwnedModel):
    """A private iCalendar feed. Only a hash of its secret is kept; the link is shown once."""

    token_hash = models.CharField(max_length=64, unique=True)
    use_initials = models.BooleanField(default=False)
    review_weekday = models.PositiveSmallIntegerField(
        choices=Weekday.choices, null=True, blank=True
    )
    review_time = models.TimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_feed_per_owner")]


class EmailDigest(OwnedModel):
    """A weekly e-mail of reminders, for hosted instances; off unless the person turns it on."""

    email = models.EmailField()
    enabled = models.BooleanField(default=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_digest_per_owner")]
