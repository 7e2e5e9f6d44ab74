"""Reads of moments, with people and tags fetched in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time

from django.db import connection
from django.utils import dateformat, timezone, translation
from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR
from django.utils.html import escape
from django.utils.text import Truncator

from tending.moments.models import Channel, Moment, Sharing


def start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


NOTE_LENGTH = 140
CHANNELS = dict(Channel.choices)
SHARING = {value: str(label).lower() for value, label in Sharing.choices}


def local_format(moment_at: datetime, format_string: str) -> str:
    """A moment's time as the date filter shows it, in the person's own time zone."""
    return dateformat.format(timezone.localtime(moment_at), format_string)


_names: dict[tuple, str] = {}


def _name(kind: str, number: int) -> str:
    """A weekday's or month's short name in the active language, worked out once."""
    key = (kind, number, translation.get_language())
    found = _names.get(key)
    if found is None:
        found = _names[key] = (
            str(WEEKDAYS_ABBR[number]) if kind == "D" else str(MONTHS_3[number]).title()
        )
    return found


def list_time(moment_at: datetime) -> str:
    """As local_format(moment_at, "D j M Y, H:i"), without parsing the format for each row."""
    t = timezone.localtime(moment_at)
    return f"{_name('D', t.weekday())} {t.day} {_name('M', t.month)} {t.year}, {t:%H:%M}"


def _links_sql(link_model, row_field: str) -> str:
    """(moment id, kind, row id, name) of one kind of a moment's links, joined to the rows."""
    links = link_model._meta.db_table
    rows = link_model._meta.get_field(row_field).related_model._meta.db_table
    return (
        f"SELECT l.moment_id, '{row_field}', r.id, r.name FROM {links} l "
        f"JOIN {rows} r ON r.id = l.{row_field}_id WHERE l.moment_id IN ({{marks}})"
    )


_PEOPLE_AND_TAGS = (
    f"{_links_sql(Moment.people.through, 'person')} UNION ALL "
    f"{_links_sql(Moment.tags.through, 'tag')} ORDER BY 4, 3"
)


def people_and_tags(moment_ids: list[int]) -> tuple[dict, dict]:
    """Each moment's people and tags as (id, name) by name: {moment id: [...]} for each.

    One query for both kinds, over the links' own (moment, row) indexes: a page of a list
    needs them for 25 moments, and the ORM's two prefetches cost more than the rows.
    """
    people: dict[int, list[tuple[int, str]]] = defaultdict(list)
    tags: dict[int, list[tuple[int, str]]] = defaultdict(list)
    if not moment_ids:
        return people, tags
    ids = [int(pk) for pk in moment_ids]
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(_PEOPLE_AND_TAGS.format(marks=marks), ids + ids)
        for moment_id, kind, pk, name in cursor.fetchall():
            (people if kind == "person" else tags)[moment_id].append((pk, name))
    return people, tags


def shared(value: int | None) -> str | None:
    """How much was shared, in lower case as a list says it; None when it was skipped."""
    return None if value is None else escape(SHARING.get(value, str(value)))


def short_note(note: str) -> str:
    return note if len(note) <= NOTE_LENGTH else Truncator(note).chars(NOTE_LENGTH)
