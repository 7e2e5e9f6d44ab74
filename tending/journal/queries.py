"""Reads of journal entries, with people and tags fetched in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import Prefetch, QuerySet

from tending.circle.models import Person
from tending.core.dates import stored_time
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


@dataclass(slots=True)
class KeptDraft:
    title: str
    body: str


def draft_for(user, entry: Entry | None) -> KeptDraft | None:
    """The kept draft for this entry (or for a new one), if it holds anything newer.

    Read as plain values with a written-out query: this runs on every opening of the form.
    """
    which = "entry_id IS NULL" if entry is None else "entry_id = %s"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT title, body, updated_at FROM {JournalDraft._meta.db_table} "
            f"WHERE owner_id = %s AND {which}",
            [user.pk] if entry is None else [user.pk, entry.pk],
        )
        found = cursor.fetchone()
    if found is None:
        return None
    title, body, updated_at = found
    if not (title.strip() or body.strip()):
        return None
    if entry is not None and (
        stored_time(updated_at) <= entry.updated_at or (title, body) == (entry.title, entry.body)
    ):
        return None
    return KeptDraft(title, body)
