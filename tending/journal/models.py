"""Journal entries, written in Markdown, and the draft kept while one is being written."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from tending.circle.models import Person
from tending.core.models import OwnedModel, Tag


class Entry(OwnedModel):
    # On PostgreSQL the table also has `search_vector`, a column generated from title and
    # body (migration 0004) that Django does not know about. A later change to either
    # column's type must drop and re-add it in the same migration, or PostgreSQL refuses.
    written_on = models.DateField(default=timezone.localdate)
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    tags = models.ManyToManyField(Tag, related_name="journal_entries", blank=True)
    people = models.ManyToManyField(Person, related_name="journal_entries", blank=True)
    # The id of the prompt from the library this entry answers, if any.
    prompt_id = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-written_on", "-id"]
        indexes = [models.Index(fields=["owner", "-written_on"])]
        verbose_name_plural = "entries"

    def __str__(self) -> str:
        return self.title or f"Entry of {self.written_on:%Y-%m-%d}"

    @property
    def heading(self) -> str:
        day = self.written_on
        return self.title or f"{day:%A} {day.day} {day:%B %Y}"


class JournalDraft(OwnedModel):
    """What was being typed, saved as it is typed, so a closed tab loses nothing.

    One per owner and entry being edited; `entry` is empty for a new entry.
    """

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, null=True, blank=True)
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "entry"], name="journal_draft_one_per_entry"),
            models.UniqueConstraint(
                fields=["owner"],
                condition=models.Q(entry__isnull=True),
                name="journal_draft_one_new_per_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"Draft of {self.owner_id}"


class HiddenPrompt(OwnedModel):
    """A prompt the person never wants to see again (until they say otherwise)."""

    prompt_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "prompt_id"], name="hide_prompt_once")
        ]
