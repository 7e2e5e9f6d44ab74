"""Reads of moments, with people and tags fetched in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.utils import dateformat, timezone, translation
from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR
from django.utils.html import escape
from django.utils.text import Truncator

from tending.circle.models import Person
from tending.core.models import Tag
from tending.core.ownership import owned
from tending.moments.models import Channel, Moment, Sharing

# What a moment shows of its people: their names and pages. Loading whole people (three
# dates to convert each) for every row of a list cost more than the moments themselves.
PERSON_COLUMNS = ("id", "owner_id", "name", "is_archived")


def moments_for(user) -> QuerySet[Moment]:
    return owned(Moment, user).prefetch_related(
        Prefetch("people", queryset=Person.objects.only(*PERSON_COLUMNS).order_by("name")),
        Prefetch("tags", queryset=Tag.objects.order_by("name")),
    )


def moments_with_count(person: Person | int) -> int:
    """How many moments the person is in, from their links alone.

    A person's links only ever join them to their owner's moments, so counting the links
    (an index range) gives the same number as counting moments joined to links, without
    visiting years of moments.
    """
    return Moment.people.through.objects.filter(person=person).count()


def count_moments(moments: QuerySet[Moment], person: Person | int | None = None, **others) -> int:
    """How many `moments` there are; with only a person to filter by, from their links."""
    if person is not None and not any(v is not None for v in others.values()):
        return moments_with_count(person)
    return moments.count()


def start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered_moments(user, **filters) -> QuerySet[Moment]:
    """Moments narrowed by person, tag and an inclusive date range, with people and tags."""
    return narrowed(moments_for(user), **filters)


def narrowed(
    moments: QuerySet[Moment],
    person: Person | int | None = None,
    tag: Tag | int | None = None,
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[Moment]:
    """`moments` narrowed by person, tag and an inclusive date range in the person's zone."""
    if person is not None:
        moments = moments.filter(people=person)
    if tag is not None:
        moments = moments.filter(tags=tag)
    if since is not None:
        moments = moments.filter(occurred_at__gte=start_of_day(since))
    if until is not None:
        moments = moments.filter(occurred_at__lt=start_of_day(until) + timedelta(days=1))
    return moments


# What a row of a list shows, read as plain values: a page of 25 moments as model instances,
# with their people and tags as more instances, cost more than the whole rest of the page.
ROW_COLUMNS = ("id", "occurred_at", "channel", "self_disclosure", "felt_understood", "note")
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


def moment_rows(moments: QuerySet[Moment]) -> list[dict]:
    """The rows of a (sliced) list of moments as a list shows them, in two queries.

    Text is escaped here as Django's templates escape it (an apostrophe as &#x27;), so the
    pages read byte for byte as they did.
    """
    rows = list(moments.values(*ROW_COLUMNS))
    people, tags = people_and_tags([row["id"] for row in rows])
    return [
        {
            "id": row["id"],
            "when": list_time(row["occurred_at"]),
            "people": [escape(name) for _, name in people.get(row["id"], ())],
            "channel": escape(CHANNELS.get(row["channel"], row["channel"])),
            "shared": shared(row["self_disclosure"]),
            "understood": row["felt_understood"],
            "note": escape(short_note(row["note"])),
            "tags": [escape(name) for _, name in tags.get(row["id"], ())],
        }
        for row in rows
    ]
