"""What a person's page shows, read in a fixed few queries and handed over as plain values.

Someone seen every few days for years has thousands of moments. Nothing here goes through
all of them: the counts are a range of one index each, the newest moments and journal
entries are found without sorting all of them, and the names of the people and tags on
those few rows come together in one query. The reads are SQL written out: each runs in a
few hundredths of a millisecond, and the ORM took ten to twenty times that to build them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from django.db import connection
from django.http import Http404
from django.template.loader import get_template
from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from markupsafe import Markup

from tending.circle.forms import ClosenessForm
from tending.circle.models import RING_NAMES, Person
from tending.core.dates import stored_time
from tending.core.jinja import addresses
from tending.core.ownership import is_row_id
from tending.core.reads import columns_of
from tending.journal.rows import HEAD_COLUMNS_OF, EntryRow, rows_from
from tending.moments.listing import moment_items

RECENT_MOMENTS = 10  # the rest are a tap away, in the list of moments with them
RATINGS_SHOWN = 24  # the line and its table: a few years of re-rating every month or two
JOURNAL_SHOWN = 5

MOMENT_PEOPLE, MOMENT_TAGS, ENTRY_PEOPLE, ENTRY_TAGS = range(4)


@dataclass(frozen=True)
class RatingRow:
    pk: int
    remove: str  # where its Remove button posts
    value: int
    rated_on: str  # as the page shows it


# The person, with their moments and journal entries counted along their range of each links
# table's person index, no further than COUNTED_UP_TO + 1: someone seen every day for thirty
# years has ten thousand, and counting them all grew the page with the years. Written out:
# the ORM took longer to build this than SQLite takes to run it.
COUNTED_UP_TO = 500  # as the list of moments counts: past it, "more than 500"
PERSON_SQL = f"""
SELECT {columns_of(Person, "p")},
  (SELECT COUNT(*) FROM (SELECT 1 FROM "moments_moment_people" l
    WHERE l."person_id" = %s LIMIT %s) m) AS "moment_count",
  (SELECT COUNT(*) FROM (SELECT 1 FROM "journal_entry_people" l
    WHERE l."person_id" = %s LIMIT %s) e) AS "entry_count"
FROM "circle_person" p WHERE p."owner_id" = %s AND p."id" = %s
"""


def person_with_count(user, person_id) -> Person:
    """The owner's person (archived too), with `moment_count` and `entry_count` (each up to
    COUNTED_UP_TO + 1), or a 404."""
    if not (getattr(user, "is_authenticated", False) and is_row_id(person_id)):
        raise Http404("No person here.")
    person_id = int(person_id)
    up_to = COUNTED_UP_TO + 1
    params = [person_id, up_to, person_id, up_to, user.pk, person_id]
    found = list(Person.objects.raw(PERSON_SQL, params))
    if not found:
        raise Http404("No person here.")
    return found[0]


# The rows below are read with SQL written out. Each is a plain indexed read that runs in a
# few hundredths of a millisecond; built by the ORM, each took ten to twenty times that in
# Python, which made up most of the page's time.
RATINGS_SQL = """
SELECT "id", "value", "rated_on" FROM "circle_closenessrating"
WHERE "person_id" = %s ORDER BY "rated_on" DESC, "id" DESC LIMIT %s
"""
# The newest few moments or entries with someone, read one of two ways. Along the owner's
# index by time, stopping at the few shown: someone seen often fills them within the first
# rows, however many years there are, but someone seen rarely (or never) would have every
# row looked at. So for up to FEW rows, they are read from the person's own links and sorted.
FEW = 100
RECENT_SQL = """
SELECT {columns} FROM "{table}" r
INNER JOIN "{links}" l ON l."{link}" = r."id"
WHERE r."owner_id" = %s AND l."person_id" = %s
ORDER BY r."{when}" DESC, r."id" DESC LIMIT %s
"""
# CROSS JOIN keeps SQLite's planner to the order written: the person's links first. Only the
# ids are sorted, so that no long note or journal body is carried through the sort.
RECENT_OF_FEW_SQL = """
SELECT {columns} FROM "{table}" r WHERE r."id" IN (
  SELECT f."id" FROM "{links}" l CROSS JOIN "{table}" f
  WHERE f."id" = l."{link}" AND f."owner_id" = %s AND l."person_id" = %s
  ORDER BY f."{when}" DESC, f."id" DESC LIMIT %s
)
ORDER BY r."{when}" DESC, r."id" DESC
"""
MOMENT_COLUMNS = ", ".join(
    f"r.{c}" for c in ("id", "occurred_at", "channel", "self_disclosure", "felt_understood", "note")
)
MOMENTS = {"table": "moments_moment", "links": "moments_moment_people", "link": "moment_id"}
ENTRIES = {"table": "journal_entry", "links": "journal_entry_people", "link": "entry_id"}


def _recent(kind: dict, columns: str, when: str, count: int, params: list) -> list[tuple]:
    if not count:
        return []
    sql = RECENT_OF_FEW_SQL if count <= FEW else RECENT_SQL
    return _read(sql.format(columns=columns, when=when, **kind), params)


def _read(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def ratings_of(person: Person) -> list[RatingRow]:
    """The newest closeness ratings, newest first."""
    rows = _read(RATINGS_SQL, [person.pk, RATINGS_SHOWN])
    remove = addresses("circle:closeness_delete")
    language = get_language()
    return [RatingRow(pk, remove(pk), value, formatted(day, language)) for pk, value, day in rows]


def recent_moments(user, person: Person) -> list[tuple]:
    """(id, occurred_at, channel, self_disclosure, felt_understood, note), newest first."""
    params = [user.pk, person.pk, RECENT_MOMENTS]
    rows = _recent(MOMENTS, MOMENT_COLUMNS, "occurred_at", person.moment_count, params)
    return [(pk, stored_time(moment_at), *rest) for pk, moment_at, *rest in rows]


def recent_entries(user, person: Person) -> list[EntryRow]:
    """The newest entries about the person, as the journal's list shows them (without their
    people and tags, which `labels_for` reads with the moments')."""
    params = [user.pk, person.pk, JOURNAL_SHOWN]
    columns = HEAD_COLUMNS_OF.format(p="r.")
    return rows_from(_recent(ENTRIES, columns, "written_on", person.entry_count, params))


# (kind, row id, name) of the people and the tags on given moments and entries; the four go
# into one UNION. Built by the ORM, that UNION took three milliseconds of Python.
LABEL_SQL = [
    'SELECT {kind}, l."moment_id", t."name" FROM "moments_moment_people" l '
    'INNER JOIN "circle_person" t ON t."id" = l."person_id" WHERE l."moment_id" IN ({ids})',
    'SELECT {kind}, l."moment_id", t."name" FROM "moments_moment_tags" l '
    'INNER JOIN "core_tag" t ON t."id" = l."tag_id" WHERE l."moment_id" IN ({ids})',
    'SELECT {kind}, l."entry_id", t."name" FROM "journal_entry_people" l '
    'INNER JOIN "circle_person" t ON t."id" = l."person_id" WHERE l."entry_id" IN ({ids})',
    'SELECT {kind}, l."entry_id", t."name" FROM "journal_entry_tags" l '
    'INNER JOIN "core_tag" t ON t."id" = l."tag_id" WHERE l."entry_id" IN ({ids})',
]


def labels_for(moment_ids: list[int], entry_ids: list[int]) -> dict[tuple[int, int], list[str]]:
    """{(kind, row id): names} of the people and tags on these moments and entries, by name."""
    selects, params = [], []
    row_ids = (moment_ids, moment_ids, entry_ids, entry_ids)
    for kind, (sql, ids) in enumerate(zip(LABEL_SQL, row_ids, strict=True)):
        if ids:
            selects.append(sql.format(kind=kind, ids=", ".join(["%s"] * len(ids))))
            params += ids
    if not selects:
        return {}
    found: dict[tuple[int, int], list[str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects) + " ORDER BY 1, 2, 3", params)
        for kind, row, label in cursor.fetchall():
            found.setdefault((kind, row), []).append(label)
    return found


@lru_cache(maxsize=4096)
def formatted(value: date | datetime, language: str | None, format_name: str | None = None) -> str:
    """Django's date filter, remembered: it costs some 60 µs a date, and the same dates recur.

    `language` is the page's (`get_language()`), in which the date is written: it is part
    of what is remembered. Datetimes come in as local wall-clock times without a zone, so
    that two equal instants in different zones are never taken for the same key.
    """
    return formats.date_format(value, format_name)


CHIP = '<span class="chip-tag" dir="auto">#{}</span> '  # a tag, as the person page shows it


def moment_rows(moments: list[tuple], labels: dict) -> list[SafeString]:
    people = {pk: labels.get((MOMENT_PEOPLE, pk), []) for pk, *_ in moments}
    tags = {pk: labels.get((MOMENT_TAGS, pk), []) for pk, *_ in moments}
    return moment_items(moments, people, tags, CHIP)


def with_labels(entries: list[EntryRow], labels: dict) -> list[EntryRow]:
    for entry in entries:
        entry.people = labels.get((ENTRY_PEOPLE, entry.pk), [])
        entry.tags = labels.get((ENTRY_TAGS, entry.pk), [])
    return entries


def spark(values: list[int]) -> dict | None:
    """Points for a small line of closeness over time (oldest first), if there are two or more."""
    if len(values) < 2:
        return None
    width, height, pad = 240, 70, 6
    step = (width - 2 * pad) / (len(values) - 1)
    points = [
        (round(pad + i * step, 1), round(height - pad - (v - 1) * (height - 2 * pad) / 6, 1))
        for i, v in enumerate(values)
    ]
    return {
        "width": width,
        "height": height,
        "points": " ".join(f"{x},{y}" for x, y in points),
        "dots": Markup("".join(f'<circle cx="{x}" cy="{y}" r="3"/>' for x, y in points)),
    }


@lru_cache(maxsize=8)
def blank_closeness_fields(today: date, language: str | None) -> Markup:
    """The closeness form's fields as HTML, as they render for a new rating on `today` in
    `language` (the page's, `get_language()`).

    A blank form renders the same all day long, and drawing its seven pairs of circles
    and the date field took a millisecond and more, on every visit to a person's page.
    """
    form = ClosenessForm(initial={"rated_on": today})
    return Markup(get_template("circle/_closeness_fields.html").render({"form": form}))


def first_word(name: str) -> str:
    words = name.split()
    return words[0] if words else ""


def page_of(user, person_id, today: date) -> dict:
    """Everything the person page shows, but the form."""
    from tending.circle.queries import circle_entries

    person = person_with_count(user, person_id)
    ratings = ratings_of(person)
    person.closeness = ratings[0].value if ratings else None
    moments = recent_moments(user, person)
    entries = recent_entries(user, person)
    labels = labels_for([m[0] for m in moments], [e.pk for e in entries])
    return {
        "person": person,
        "ring_name": RING_NAMES.get(person.ring, person.ring),
        "first_word": first_word(person.name),
        "entry": circle_entries([person], today)[0],
        "ratings": ratings,
        "spark": spark([r.value for r in reversed(ratings)]),
        "moments": moment_rows(moments, labels),
        "moment_count": person.moment_count,
        "counted_up_to": COUNTED_UP_TO,
        "journal_entries": with_labels(entries, labels),
        "closeness_fields": blank_closeness_fields(today, get_language()),
    }
