"""Full-text search over journal entries: SQLite FTS5 or PostgreSQL, behind one function.

The words looked for, and the highlighting, the same on both databases, are in
`tending.journal.search_words`, which needs no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.utils.safestring import SafeString

from tending.circle.models import Person
from tending.core.models import Tag
from tending.core.ownership import owned
from tending.journal.models import Entry
from tending.journal.queries import entries_for
from tending.journal.search_words import (  # noqa: F401  (the search's names, kept here too)
    MAX_RESULTS,
    MAX_SEARCH_LENGTH,
    MAX_TERM_LENGTH,
    MAX_TERMS,
    SNIPPET_BEFORE,
    SNIPPET_LENGTH,
    SNIPPET_WINDOW,
    highlight,
    quoted_query,
    search_terms,
    snippet,
    word_form_stem,
)

FTS_TABLE = "journal_entry_fts"


@dataclass
class Hit:
    entry: Entry
    rank: float
    title_html: SafeString
    snippet_html: SafeString


def _filtered(user, tag: Tag | None, person: Person | None, since, until):
    entries = owned(Entry, user)
    if tag is not None:
        entries = entries.filter(tags=tag)
    if person is not None:
        entries = entries.filter(people=person)
    if since is not None:
        entries = entries.filter(written_on__gte=since)
    if until is not None:
        entries = entries.filter(written_on__lte=until)
    return entries


def _ranked_sqlite(entries, terms) -> list[tuple[int, float]]:
    # Ranked and ordered by SQLite itself, within the person's own (filtered) entries; only
    # ids and ranks come back, so a common word costs little however often it was written.
    inside, params = entries.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        # bm25: smaller is better; a word in the title counts five times one in the body.
        cursor.execute(
            f"SELECT e.id, bm25({FTS_TABLE}, 5.0, 1.0) AS score FROM {FTS_TABLE} "
            f"JOIN journal_entry e ON e.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND e.id IN ({inside}) "
            "ORDER BY score, e.written_on DESC, e.id DESC",
            [quoted_query(terms), *params],
        )
        return [(row_id, -score) for row_id, score in cursor.fetchall()]


def _ranked_postgresql(entries, terms) -> list[tuple[int, float]]:
    # The stored, weighted vector of migration 0004 and its GIN index: matching and ranking
    # read it instead of building every matching entry's vector again.
    inside, params = entries.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.id, ts_rank(e.search_vector, q) AS score "
            "FROM journal_entry e, websearch_to_tsquery('simple'::regconfig, %s) q "
            f"WHERE e.search_vector @@ q AND e.id IN ({inside}) "
            "ORDER BY score DESC, e.written_on DESC, e.id DESC",
            [quoted_query(terms), *params],
        )
        return [(row_id, float(score)) for row_id, score in cursor.fetchall()]


@dataclass
class Found:
    """Every matching entry, best first, as (id, rank); hits are made only for a page."""

    ranked: list[tuple[int, float]]
    terms: list[tuple[str, ...]]


def find_entries(
    user,
    words: str,
    tag: Tag | None = None,
    person: Person | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Found:
    """The person's entries containing all of `words`, best match first.

    Narrowed by tag, person and an inclusive date range; with filters but no words, all
    the entries that pass them, newest first.
    """
    terms = search_terms(words)
    entries = _filtered(user, tag, person, since, until)
    if not terms:
        if tag is None and person is None and since is None and until is None:
            return Found([], [])
        newest = entries.order_by("-written_on", "-pk").values_list("pk", flat=True)
        return Found([(pk, 0.0) for pk in newest], [])
    if connection.vendor == "postgresql":
        return Found(_ranked_postgresql(entries, terms), terms)
    return Found(_ranked_sqlite(entries, terms), terms)


def hits_for(user, ranked: list[tuple[int, float]], terms: list[tuple[str, ...]]) -> list[Hit]:
    """Highlighted hits for these (id, rank) pairs, in their order."""
    entries = entries_for(user).in_bulk([pk for pk, _ in ranked])
    return [
        Hit(
            entry=entries[pk],
            rank=rank,
            title_html=highlight(entries[pk].heading, terms),
            snippet_html=snippet(entries[pk].body, terms),
        )
        for pk, rank in ranked
        if pk in entries
    ]


def search_entries(user, words: str, limit: int = MAX_RESULTS, **filters) -> list[Hit]:
    """The first `limit` hits of find_entries() (same filters), highlighted."""
    found = find_entries(user, words, **filters)
    return hits_for(user, found.ranked[:limit], found.terms)
