"""Reads of journal entries, with people and tags fetched in a fixed number of queries."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, QuerySet

from tending.circle.models import Person
from tending.core.models import Tag
from tending.core.ownership import owned
from tending.journal.models import Entry, JournalDraft


def entries_for(user) -> QuerySet[Entry]:
    return owned(Entry, user).prefetch_related(
        Prefetch("people", queryset=Person.objects.order_by("name")),
        Prefetch("tags", queryset=Tag.objects.order_by("name")),
    )


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return date(month.year + 1, 1, 1) if month.month == 12 else date(month.year, month.month + 1, 1)


def entries_with_person(user, person: Person) -> QuerySet[Entry]:
    return entries_for(user).filter(people=person)


def draft_for(user, entry: Entry | None) -> JournalDraft | None:
    """The kept draft for this entry (or for a new one), if it holds anything newer."""
    drafts = owned(JournalDraft, user)
    draft = (
        drafts.filter(entry=entry).first() if entry else drafts.filter(entry__isnull=True).first()
    )
    if draft is None or not (draft.title.strip() or draft.body.strip()):
        return None
    if entry is not None and (
        draft.updated_at <= entry.updated_at
        or (draft.title, draft.body) == (entry.title, entry.body)
    ):
        return None
    return draft
