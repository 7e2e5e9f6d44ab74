"""Reads of moments, with people and tags fetched in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from django.db import connection
from django.http import Http404
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from tending.core.date_format import format_date, names
from tending.core.date_format import local_format as local_format_of
from tending.core.dates import stored_time
from tending.core.ownership import is_row_id
from tending.core.reads import columns_of
from tending.core.text import cut
from tending.moments.models import Channel, Moment, Sharing


def start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def day_span(since: date | None, until: date | None) -> tuple[datetime | None, datetime | None]:
    """The instants an inclusive range of the person's own days spans: from the start of
    `since` to 24 hours after the start of `until` (None for an open end). The list of
    moments and the API narrow by it alike."""
    start = None if since is None else start_of_day(since)
    end = None if until is None else start_of_day(until) + timedelta(days=1)
    return start, end


NOTE_LENGTH = 140
CHANNELS = dict(Channel.choices)
# How much was shared, as a list says it after "I shared:" (lower case in English).
SHARING = {
    Sharing.NOTHING: pgettext_lazy("shared, in a list", "nothing personal"),
    Sharing.FACTS: pgettext_lazy("shared, in a list", "facts"),
    Sharing.THOUGHTS: pgettext_lazy("shared, in a list", "thoughts"),
    Sharing.FEELINGS: pgettext_lazy("shared, in a list", "feelings"),
    Sharing.VULNERABLE: pgettext_lazy("shared, in a list", "something vulnerable"),
}


def local_format(moment_at: datetime, format_string: str) -> str:
    """A moment's time as the date filter shows it, in the person's own time zone."""
    return format_date(timezone.localtime(moment_at), format_string)


LIST_TIME = "D j M Y"  # and then ", H:i"
_list_time_patterns: dict[str, str] = {}


def list_time_pattern() -> str:
    """LIST_TIME and ", H:i" as the page's language writes them, as a pattern for
    str.format (D, j, M, Y, H and i by name), read once per language."""
    written = local_format_of(LIST_TIME)
    found = _list_time_patterns.get(written)
    if found is None:
        pieces = []
        for char in written + ", H:i":
            if char in "DjMYHi":
                pieces.append("{" + char + "}")
            else:
                pieces.append(char.replace("{", "{{").replace("}", "}}"))
        found = _list_time_patterns[written] = "".join(pieces)
    return found


def list_times(times: list[datetime]) -> list[str]:
    """Each as local_format(moment_at, "D j M Y") and ", H:i", without parsing the format, or
    looking up the time zone and the language, for each row. A time without a zone is in UTC."""
    zone = timezone.get_current_timezone()
    written = names()
    days, months = written.weekdays_abbr, written.months_3
    pattern = list_time_pattern()
    shown = []
    for moment_at in times:
        t = stored_time(moment_at).astimezone(zone)
        shown.append(
            pattern.format(
                D=days[t.weekday()],
                j=t.day,
                M=months[t.month],
                Y=t.year,
                H=f"{t.hour:02d}",
                i=f"{t.minute:02d}",
            )
        )
    return shown


def list_time(moment_at: datetime) -> str:
    return list_times([moment_at])[0]


def _links_sql(link_model, row_field: str, of: str) -> str:
    """(id of `of`'s row, kind, linked row id, name) of one kind of links, joined to the rows."""
    links = link_model._meta.db_table
    rows = link_model._meta.get_field(row_field).related_model._meta.db_table
    return (
        f"SELECT l.{of}_id, '{row_field}', r.id, r.name FROM {links} l "
        f"JOIN {rows} r ON r.id = l.{row_field}_id WHERE l.{of}_id IN ({{marks}})"
    )


@lru_cache
def _people_and_tags_sql(model) -> str:
    of = model._meta.model_name
    return (
        f"{_links_sql(model.people.through, 'person', of)} UNION ALL "
        f"{_links_sql(model.tags.through, 'tag', of)} ORDER BY 4, 3"
    )


def people_and_tags(row_ids: list[int], model=Moment) -> tuple[dict, dict]:
    """Each moment's (or each row of `model`'s, a journal entry's) people and tags as
    (id, name) by name: {row id: [...]} for each.

    One query for both kinds, over the links' own (row, linked row) indexes: a page of a list
    needs them for 25 moments, and the ORM's two prefetches cost more than the rows.
    """
    people: dict[int, list[tuple[int, str]]] = defaultdict(list)
    tags: dict[int, list[tuple[int, str]]] = defaultdict(list)
    if not row_ids:
        return people, tags
    ids = [int(pk) for pk in row_ids]
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(_people_and_tags_sql(model).format(marks=marks), ids + ids)
        for row_id, kind, pk, name in cursor.fetchall():
            (people if kind == "person" else tags)[row_id].append((pk, name))
    return people, tags


def short_note(note: str) -> str:
    return note if len(note) <= NOTE_LENGTH else cut(note, NOTE_LENGTH)


MOMENT_SQL = (
    f'SELECT {columns_of(Moment)} FROM "moments_moment" WHERE "owner_id" = %s AND "id" = %s'
)


def owned_moment_or_404(user, moment_id) -> Moment:
    """The owner's moment, read with SQL written out (the ORM took longer to build the query
    than the database to answer it), or a 404."""
    if not (getattr(user, "is_authenticated", False) and is_row_id(moment_id)):
        raise Http404("No moment here.")
    found = list(Moment.objects.raw(MOMENT_SQL, [user.pk, int(moment_id)]))
    if not found:
        raise Http404("No moment here.")
    return found[0]
