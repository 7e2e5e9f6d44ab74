"""Journal entries, written in Markdown, and the draft kept while one is being written."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_lazy

from tending.circle.models import Person
from tending.core.date_format import format_date
from tending.core.models import OwnedModel, Tag
from tending.core.words import grouped
from tending.journal.plain import plain_text, plain_title
from tending.journal.rendering import BODY_LIMIT, RENDERED, RENDERER_VERSION, rendered_columns

SNIPPET_SOURCE = 4000  # characters of HTML read for a snippet: plenty for its first words
DATE_AHEAD = gettext_lazy("That day is still to come; please choose today or a day gone by.")


def latest_day() -> date:
    """The latest day an entry may be about: tomorrow, where the writer is, for travellers
    and the minutes around midnight; anything later would be a day that has not happened."""
    return timezone.localdate() + timedelta(days=1)


def _body_too_long() -> str:
    # The limit written as the language writes numbers ("50,000", "50.000"); the length
    # (%%(show_value)s) is filled in by the validator.
    limit = grouped(BODY_LIMIT)
    return gettext(
        "Please keep an entry to %(limit)s characters or fewer "
        "(this one has %%(show_value)s); the rest could start a second entry."
    ) % {"limit": limit}


BODY_TOO_LONG = lazy(_body_too_long, str)()


class Entry(OwnedModel):
    # On PostgreSQL the table also has `search_vector`, a column generated from title and
    # body (migration 0004) that Django does not know about. A later change to either
    # column's type must drop and re-add it in the same migration, or PostgreSQL refuses.
    written_on = models.DateField(default=timezone.localdate)
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(validators=[MaxLengthValidator(BODY_LIMIT, message=BODY_TOO_LONG)])
    # The body as safe HTML, made when the entry is saved, and the version of the renderer
    # that made it; made again only when that version is old (see journal/rendering.py).
    body_html = models.TextField(blank=True, editable=False)
    rendered_with = models.PositiveSmallIntegerField(default=0, editable=False)
    # The body's words as one line of plain text, made with body_html: what search results
    # show a piece of, without turning Markdown into text for every hit.
    body_plain = models.TextField(blank=True, editable=False)
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

    def clean(self) -> None:
        if self.written_on and self.written_on > latest_day():
            raise ValidationError({"written_on": DATE_AHEAD})

    def save(self, *args, **kwargs) -> None:
        self.render_body()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, *RENDERED}
        super().save(*args, **kwargs)

    def render_body(self) -> None:
        """Make the body's HTML; also for entries made in bulk, where save() is not called."""
        for name, value in rendered_columns(self.body).items():
            setattr(self, name, value)

    def html(self) -> SafeString:
        """The body as safe HTML; made again, and kept, if an older renderer made it."""
        if self.rendered_with != RENDERER_VERSION:
            self.render_body()
            Entry.objects.filter(pk=self.pk).update(
                **{name: getattr(self, name) for name in RENDERED}
            )
        return mark_safe(self.body_html)  # sanitised by nh3 in render_markdown

    def snippet(self) -> str:
        """The first words of the body as plain text, without Markdown's marks or tags."""
        head = self.html()
        if len(head) > SNIPPET_SOURCE:
            head = head[: head.rfind(">", 0, SNIPPET_SOURCE) + 1]
        return plain_text(head)

    @property
    def heading(self) -> str:
        return heading(self.title, self.written_on)


def heading(title: str, day: date) -> str:
    """An entry's title as words (no Markdown marks), or its day written out when it has none,
    as the page's language writes a day ("Sunday 14 June 2026", "Sonntag, 14. Juni 2026")."""
    return plain_title(title) or format_date(day, "l j F Y")


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
