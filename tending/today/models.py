"""A "not now" for one person on the Today page, kept until a chosen day."""

from __future__ import annotations

from django.db import models

from tending.circle.models import Person
from tending.core.models import OwnedModel


class ReachOutSnooze(OwnedModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    until = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "person"], name="one_snooze_per_person")
        ]
