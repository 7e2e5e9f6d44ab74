"""The people in a person's life, and how close they feel, over time."""

from __future__ import annotations

import calendar
from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.dates import MONTHS as MONTH_NAMES
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tending.circle.drift import default_rhythm
from tending.core.date_format import format_date
from tending.core.models import OwnedModel


class Kind(models.TextChoices):
    PARTNER = "partner", _("Partner")
    FAMILY = "family", _("Family")
    FRIEND = "friend", _("Friend")
    COLLEAGUE = "colleague", _("Colleague")
    MENTOR = "mentor", _("Mentor")
    PROFESSIONAL = "professional", _("Therapist or other professional")
    PEER_SUPPORT = "peer-support", _("Peer support")
    COMMUNITY = "community", _("Community")
    OTHER = "other", pgettext_lazy("kind of person", "Other")


class Ring(models.TextChoices):
    INNER = "inner", pgettext_lazy("ring", "Inner")
    MIDDLE = "middle", pgettext_lazy("ring", "Middle")
    OUTER = "outer", pgettext_lazy("ring", "Outer")


# A ring named on its own, as a heading says it: "Inner ring".
RING_NAMES = {
    Ring.INNER: _("Inner ring"),
    Ring.MIDDLE: _("Middle ring"),
    Ring.OUTER: _("Outer ring"),
}

RING_MEANING = {
    Ring.INNER: _("So close it is hard to imagine life without them."),
    Ring.MIDDLE: _("Not quite that close, but still important to you."),
    Ring.OUTER: _("Close and important enough to belong in your circle."),
}

MONTHS = [(i, MONTH_NAMES[i]) for i in range(1, 13)]


class Person(OwnedModel):
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.FRIEND)
    ring = models.CharField(max_length=10, choices=Ring.choices, default=Ring.MIDDLE)
    rhythm_days = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(3650)]
    )
    birthday_day = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    birthday_month = models.PositiveSmallIntegerField(null=True, blank=True, choices=MONTHS)
    birthday_year = models.PositiveSmallIntegerField(null=True, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    other_contact = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    is_safe = models.BooleanField(default=False)
    is_archived = models.BooleanField(default=False)
    # When the latest moment with them happened: kept by tending.moments.signals and
    # circle.services, so the circle need not look through every moment to draw itself.
    last_moment_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["owner", "is_archived", "name"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.rhythm_days:
            self.rhythm_days = default_rhythm(self.ring)
        if not self._state.adding and kwargs.get("update_fields") is None:
            # Saving a person (say, from the edit form) must not write back a last moment read
            # before a moment was logged elsewhere meanwhile; only the signals set it.
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name != "last_moment_at"
            ]
        super().save(*args, **kwargs)

    @property
    def birthday(self) -> str:
        """The birthday as the page's language writes a date: "14 March 1990", "14 March"."""
        if not (self.birthday_day and self.birthday_month):
            return ""
        try:
            day = date(self.birthday_year or 2000, self.birthday_month, self.birthday_day)
            return format_date(day, "j F Y" if self.birthday_year else "j F")
        except ValueError:  # 29 February of a common year; or a day the month never has
            try:
                day_and_month = format_date(
                    date(2000, self.birthday_month, self.birthday_day), "j F"
                )
            except ValueError:
                return f"{self.birthday_day}/{self.birthday_month}"
            return f"{day_and_month} {self.birthday_year}"

    def next_birthday(self, today: date) -> date | None:
        """The coming birthday, today included.

        Someone born on 29 February has a birthday every year: on 28 February when the year
        has no 29th, so it never silently drops out of Today or the calendar.
        """
        if not (self.birthday_day and self.birthday_month):
            return None
        for year in (today.year, today.year + 1):
            candidate = birthday_in(year, self.birthday_month, self.birthday_day)
            if candidate is not None and candidate >= today:
                return candidate
        return None

    @property
    def born_on_leap_day(self) -> bool:
        return (self.birthday_month, self.birthday_day) == (2, 29)


def birthday_in(year: int, month: int, day: int) -> date | None:
    """The day a birthday falls on in a year: 29 February is kept on 28 February in common years."""
    if (month, day) == (2, 29) and not calendar.isleap(year):
        return date(year, 2, 28)
    try:
        return date(year, month, day)
    except ValueError:  # a day the month never has; the form refuses these
        return None


class ClosenessRating(OwnedModel):
    """One answer to 'how close do you feel?' on the 1-7 overlapping-circles scale."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="closeness_ratings")
    value = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    rated_on = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-rated_on", "-id"]
        indexes = [models.Index(fields=["person", "-rated_on", "-id"])]

    def __str__(self) -> str:
        return f"{self.person}: {self.value} on {self.rated_on}"
