"""The safety plan (its parts, its safe people) and the person's crisis numbers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from tending.circle.models import Person
from tending.core.models import OwnedModel

ENTRY_MAX_LENGTH = 300
# A short list is easier to read on a hard day, and the plan still prints on one page.
MAX_PER_PART = 10
MAX_HELPERS = 10
MAX_OWN_LINES = 20


class Part(models.TextChoices):
    """The parts of the plan written as text (Stanley & Brown), in the order they are used.

    A label is the English title; `heading` is the title in the language in use."""

    WARNING_SIGNS = "warning-signs", gettext_noop("My warning signs")
    COPING = "coping", gettext_noop("Things I can do on my own")
    DISTRACTIONS = "distractions", gettext_noop("People and places that take my mind off things")
    PROFESSIONALS = "professionals", gettext_noop("Professionals and services I can contact")
    ENVIRONMENT = "environment", gettext_noop("Making my surroundings safer")
    REASONS = "reasons", gettext_noop("What I live for")

    @property
    def heading(self) -> str:
        return gettext(self.label)


class PlanEntry(OwnedModel):
    """One line in one part of the plan."""

    part = models.CharField(max_length=20, choices=Part.choices)
    text = models.CharField(max_length=ENTRY_MAX_LENGTH)
    # Only for professionals and services, so the plan can offer a one-tap call.
    phone = models.CharField(max_length=40, blank=True)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["part", "position", "id"]
        indexes = [models.Index(fields=["owner", "part", "position"])]
        verbose_name = "safety plan line"

    def __str__(self) -> str:
        return self.text


class PlanHelper(OwnedModel):
    """A safe person from the circle whom the plan says to ask for help."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="plan_helpers")
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "person"], name="plan_helper_once_per_owner")
        ]
        verbose_name = "person to ask for help"

    def __str__(self) -> str:
        return str(self.person)

    @property
    def is_available(self) -> bool:
        """Shown in the plan only while still marked safe and not archived."""
        return self.person.is_safe and not self.person.is_archived


class CrisisSettings(OwnedModel):
    """Which country's crisis lines to show; blank shows the general numbers."""

    region = models.CharField(max_length=20, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="crisis_settings_one_per_owner")
        ]
        verbose_name = "crisis settings"
        verbose_name_plural = "crisis settings"

    def __str__(self) -> str:
        return self.region or "general"


class OwnCrisisLine(OwnedModel):
    """A number the person added themselves, shown before the shipped ones."""

    name = models.CharField(max_length=100)
    number = models.CharField(max_length=40)
    note = models.CharField(max_length=200, blank=True)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "own crisis number"

    def __str__(self) -> str:
        return f"{self.name}: {self.number}"


class Guide:
    """What a part of the plan is for, said plainly, with an example and an add label: each
    in the language in use when it is read."""

    def __init__(self, explanation, example, add_label):
        self._explanation = explanation
        self._example = example
        self._add_label = add_label

    @property
    def explanation(self) -> str:
        return str(self._explanation)

    @property
    def example(self) -> str:
        return str(self._example)

    @property
    def add_label(self) -> str:
        return str(self._add_label)


GUIDES = {
    Part.WARNING_SIGNS: Guide(
        _("Thoughts, feelings or situations that tell you a hard time may be starting."),
        _("I stop answering messages"),
        _("Add a warning sign"),
    ),
    Part.COPING: Guide(
        _("Small things you can do by yourself to get through a hard moment."),
        _("A hot shower, then music"),
        _("Add something you can do"),
    ),
    Part.DISTRACTIONS: Guide(
        _(
            "People to be with and places to go that take your mind off things, "
            "without having to talk about how you feel."
        ),
        _("The café on the corner"),
        _("Add a person or place"),
    ),
    Part.PROFESSIONALS: Guide(
        _("Your therapist, doctor, a clinic or a service you can call, with their number."),
        _("Dr Okafor, my GP"),
        _("Add a professional or service"),
    ),
    Part.ENVIRONMENT: Guide(
        _(
            "Ways to make where you are safer while things are hard, "
            "like putting something away or asking someone to keep it."
        ),
        _("Let Sam keep my medicines"),
        _("Add a way to be safer"),
    ),
    Part.REASONS: Guide(
        _("The people, things and hopes that matter to you and are worth holding on for."),
        _("My niece and our trip"),
        _("Add something you live for"),
    ),
}

HELPERS_TITLE = _("People I can ask for help")
HELPERS_EXPLANATION = _(
    "Safe people from your circle whom you can tell how you are and ask for help."
)
