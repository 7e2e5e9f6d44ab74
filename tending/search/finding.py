"""Searching everything a person wrote: journal entries, moment notes, people, the safety plan.

The words are read by the journal's parser (`search_terms`), so quotes and operators can
never break a query. Each word matches its other forms and words it begins ("rivers" finds
"river", "walk" finds "walking") on both databases; a quoted phrase matches those words
together. Results are the person's own rows only: people and plan lines first (there are
few), then entries and moments, newest first. Each kind is capped, so a common word on ten
years of moments costs a bounded query; hits are built for one page at a time.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy

from tending.circle.models import Person
from tending.core.jinja import url
from tending.core.ownership import owned
from tending.journal.models import Entry
from tending.journal.search import highlight, quoted_query, search_terms, snippet
from tending.moments.models import Moment
from tending.moments.queries import people_and_tags
from tending.safety.models import Part, PlanEntry
from tending.search.index import KINDS, SPREAD, TABLE

Terms = list[tuple[str, ...]]
MOST_PER_KIND = 500  # past this, the page says to add a word
KIND_ORDER = ("person", "plan", "entry", "moment")
KIND_LABELS = {
    "entry": gettext_lazy("Journal"),
    "moment": gettext_lazy("Moment"),
    "person": gettext_lazy("Person"),
    "plan": gettext_lazy("Safety plan"),
}
_SQLITE_SORT = {
    "entry": ("journal_entry", "r.written_on"),
    "moment": ("moments_moment", "r.occurred_at"),
    "person": ("circle_person", "r.name"),
    "plan": ("safety_planentry", "r.part"),
}
_POSTGRESQL_MATCH = {
    "entry": ("journal_entry", "r.search_words", "r.written_on"),
    "moment": ("moments_moment", "r.search_words", "r.occurred_at"),
    "person": (
        "circle_person",
        "to_tsvector('english'::regconfig, r.name || ' ' || r.notes)",
        "r.name",
    ),
    "plan": ("safety_planentry", "to_tsvector('english'::regconfig, r.text)", "r.part"),
}

_AS_TEXT = {
    "entry": "to_char({}, 'YYYY-MM-DD')",
    "moment": "to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')",
}


# kind, model, the columns a hit of that kind shows
_HIT_COLUMNS = (
    ("entry", Entry, ("id", "written_on", "title", "body")),
    ("moment", Moment, ("id", "occurred_at", "note")),
    ("person", Person, ("id", "name", "notes")),
    ("plan", PlanEntry, ("id", "part", "text")),
)


@dataclass(frozen=True)
class Match:
    kind: str
    pk: int
    when: object  # a date, a datetime, or text to order people and plan lines by


@dataclass
class Found:
    matches: list[Match]
    terms: Terms
    capped: bool  # some kind had more than MOST_PER_KIND matches


@dataclass
class Hit:
    kind: str
    label: str
    url: str
    when: datetime.date | None
    title_html: SafeString
    snippet_html: SafeString
    people: list[str]


def tsquery_parts(terms: Terms) -> tuple[str, list[str]]:
    """SQL for one PostgreSQL tsquery of all the terms, and its parameters.

    Words are letters and digits only (the parser keeps nothing else), so quoting each as
    a tsquery lexeme is safe; a phrase goes through phraseto_tsquery as plain text.
    """
    parts, params = [], []
    for term in terms:
        if len(term) == 1:
            parts.append("to_tsquery('english'::regconfig, %s)")
            params.append(f"'{term[0]}':*")
        else:
            parts.append("phraseto_tsquery('english'::regconfig, %s)")
            params.append(" ".join(term))
    return "(" + " && ".join(parts) + ")", params


def _sqlite_part(user, kind: str, terms: Terms) -> tuple[str, list]:
    code = KINDS[kind][0]
    table, order = _SQLITE_SORT[kind]
    # CROSS JOIN keeps the index first: an index in the rows' own order (moments have one)
    # would otherwise tempt SQLite to walk every row newest first, matching each in turn.
    return (
        f"SELECT r.id AS id, {order} AS o FROM {TABLE} "
        f"CROSS JOIN {table} r ON r.id = {TABLE}.rowid / {SPREAD} "
        f"WHERE {TABLE} MATCH %s AND {TABLE}.rowid = r.id * {SPREAD} + {code} "
        "AND r.owner_id = %s "
        f"ORDER BY {order} DESC, r.id DESC LIMIT %s",
        [quoted_query(terms, prefix=True), user.pk, MOST_PER_KIND + 1],
    )


def _postgresql_part(user, kind: str, terms: Terms) -> tuple[str, list]:
    table, vector, order = _POSTGRESQL_MATCH[kind]
    query, params = tsquery_parts(terms)
    # As text, so the kinds' columns unite; dates and UTC times sort as text in time order.
    # Written out with to_char, so the server's DateStyle setting cannot change their shape.
    shown = _AS_TEXT.get(kind, "CAST({} AS text)").format(order)
    return (
        f"SELECT r.id AS id, {shown} AS o FROM {table} r "
        f"WHERE r.owner_id = %s AND {vector} @@ {query} "
        f"ORDER BY {order} DESC, r.id DESC LIMIT %s",
        [user.pk, *params, MOST_PER_KIND + 1],
    )


def _matches(user, terms: Terms) -> dict[str, list[tuple[int, object]]]:
    """Each kind's newest matches (one more than MOST_PER_KIND, to tell it was capped), newest
    first, in one query: each kind's part is still its own capped, ordered search."""
    part = _postgresql_part if connection.vendor == "postgresql" else _sqlite_part
    selects, params = [], []
    for kind in KIND_ORDER:
        sql, given = part(user, kind, terms)
        selects.append(f"SELECT '{kind}' AS kind, m.id, m.o FROM ({sql}) m")
        params += given
    found: dict[str, list[tuple[int, object]]] = {kind: [] for kind in KIND_ORDER}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects) + " ORDER BY 1, 3 DESC, 2 DESC", params)
        for kind, pk, when in cursor.fetchall():
            found[kind].append((pk, when))
    return found


def _as_date(value, zone=None) -> datetime.date | None:
    """The day of a match's date or time (in `zone`, else the current one); times come back
    as text from SQLite, and from PostgreSQL through the union of kinds."""
    if isinstance(value, str) and value[:1].isdigit():
        value = datetime.datetime.fromisoformat(value) if len(value) > 10 else value
        if isinstance(value, str):
            value = datetime.date.fromisoformat(value)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None or value.utcoffset() is None:  # naive: stored in UTC
            value = value.replace(tzinfo=datetime.UTC)
        return value.astimezone(zone or timezone.get_current_timezone()).date()
    return value if isinstance(value, datetime.date) else None


def find_everywhere(user, words: str) -> Found:
    """Everything of `user`'s containing all of `words`: people and plan lines first, then
    journal entries and moments together, newest first."""
    terms = search_terms(words)
    if not terms or not getattr(user, "is_authenticated", False):
        return Found([], terms, False)
    matched = _matches(user, terms)
    capped = False
    zone = timezone.get_current_timezone()
    first: list[Match] = []
    dated: list[tuple[datetime.date, int, Match]] = []
    for kind in KIND_ORDER:
        rows = matched[kind]
        capped = capped or len(rows) > MOST_PER_KIND
        for pk, when in rows[:MOST_PER_KIND]:
            if kind in ("person", "plan"):
                first.append(Match(kind, pk, when))
            else:
                day = _as_date(when, zone) or datetime.date.min
                dated.append((day, pk, Match(kind, pk, day)))
    parts = list(Part.values)  # plan lines in the plan's own order of parts

    def place(m: Match) -> tuple:
        if m.kind == "plan":
            return (1, parts.index(m.when) if m.when in parts else len(parts), "", m.pk)
        return (0, 0, str(m.when).casefold(), m.pk)

    first.sort(key=place)
    dated.sort(key=lambda item: (item[0], item[2].kind == "entry", item[1]), reverse=True)
    return Found(first + [match for _, _, match in dated], terms, capped)


def hits_for(user, matches: list[Match], terms: Terms) -> list[Hit]:
    """Highlighted hits for one page of matches, in their order; a few queries per page.

    Only the columns a hit shows are read, and a moment's people by name alone.
    """
    wanted: dict[str, list[int]] = {}
    for match in matches:
        wanted.setdefault(match.kind, []).append(match.pk)
    rows = {}
    for kind, model, columns in _HIT_COLUMNS:
        if kind in wanted:
            rows[kind] = owned(model, user).only(*columns).in_bulk(wanted[kind])
    people = people_and_tags(list(rows["moment"]))[0] if rows.get("moment") else {}
    labels = {kind: str(label) for kind, label in KIND_LABELS.items()}  # once a page
    hits = []
    for match in matches:
        row = rows.get(match.kind, {}).get(match.pk)
        if row is not None:
            if match.kind == "moment":  # escaped as Django escapes, as the page always read
                row.names = [escape(name) for _, name in people.get(row.pk, ())]
            hits.append(_hit(match.kind, labels[match.kind], row, terms))
    return hits


def _hit(kind: str, label: str, row, terms: Terms) -> Hit:
    if kind == "entry":
        return Hit(
            kind,
            label,
            url("journal:detail", row.pk),
            row.written_on,
            highlight(row.heading, terms, forms=True),
            snippet(row.body, terms, forms=True),
            [],
        )
    if kind == "moment":
        return Hit(
            kind,
            label,
            url("moments:detail", row.pk),
            timezone.localdate(row.occurred_at),
            highlight("", terms),
            snippet(row.note, terms, forms=True),
            row.names,
        )
    if kind == "person":
        return Hit(
            kind,
            label,
            url("circle:person", row.pk),
            None,
            highlight(row.name, terms, forms=True),
            snippet(row.notes, terms, forms=True),
            [],
        )
    return Hit(
        kind,
        label,
        url("safety:plan") + f"#entry-{row.pk}",
        None,
        highlight(Part(row.part).heading, terms),  # the part's title in the page's language
        snippet(row.text, terms, forms=True),
        [],
    )
