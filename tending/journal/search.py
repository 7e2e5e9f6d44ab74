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
from tending.journal.models import Entry, heading
from tending.journal.rendering import RENDERER_VERSION
from tending.journal.rows import short_day
from tending.journal.search_words import (  # noqa: F401  (the search's names, kept here too)
    MAX_RESULTS,
    MAX_SEARCH_LENGTH,
    MAX_TERM_LENGTH,
    MAX_TERMS,
    SNIPPET_BEFORE,
    SNIPPET_LENGTH,
    SNIPPET_WINDOW,
    entry_snippet,
    highlight,
    plain_columns,
    quoted_query,
    search_terms,
    snippet,
    word_form_stem,
)

FTS_TABLE = "journal_entry_fts"
COUNT_LIMIT = 200  # matches counted, and paged through, at most
TAG_LINKS = Entry.tags.through._meta.db_table
PEOPLE_LINKS = Entry.people.through._meta.db_table


@dataclass(slots=True)
class FoundEntry:
    """What a hit shows of its entry."""

    pk: int
    written_on: date
    title: str

    @property
    def heading(self) -> str:
        return heading(self.title, self.written_on)

    @property
    def when(self) -> str:
        return short_day(self.written_on)


@dataclass
class Hit:
    entry: FoundEntry
    rank: float
    title_html: SafeString
    snippet_html: SafeString


class Matches:
    """The person's entries a search finds, best first: counted, and read a slice at a time.

    Matching, ranking and ordering happen in the database, which hands back only the slice
    asked for, so a common word costs little however often it was written; only the hits
    shown are highlighted. Narrowed by tag, person and an inclusive date range; with those
    but no words, every entry that passes them, newest first; with neither, nothing.
    """

    def __init__(
        self,
        user,
        words: str,
        tag: Tag | None = None,
        person: Person | None = None,
        since: date | None = None,
        until: date | None = None,
    ):
        self.terms = search_terms(words)
        narrowed = not (tag is None and person is None and since is None and until is None)
        self.nothing = not getattr(user, "is_authenticated", False) or not (self.terms or narrowed)
        # Written out rather than built by the ORM: a tag or a person is found from its own
        # links (a few hundred rows), not by walking all of the owner's entries for them.
        where, params = ["e.owner_id = %s"], [getattr(user, "pk", None)]
        for links, column, row in ((TAG_LINKS, "tag_id", tag), (PEOPLE_LINKS, "person_id", person)):
            if row is not None:
                where.append(f"e.id IN (SELECT entry_id FROM {links} WHERE {column} = %s)")
                params.append(row.pk)
        if since is not None:
            where.append("e.written_on >= %s")
            params.append(since)
        if until is not None:
            where.append("e.written_on <= %s")
            params.append(until)
        self._mine = (" AND ".join(where), params)
        self._count: int | None = None
        self.more = False  # more than COUNT_LIMIT match (known once counted)

    def _sql(self) -> tuple[str, list, str, str]:
        """FROM and WHERE for the matching entries (as `e`), their parameters, the score and
        the direction that puts the best first."""
        mine, params = self._mine
        if not self.terms:  # filters alone: newest first
            return f"FROM journal_entry e WHERE {mine}", params, "0", ""
        if connection.vendor == "postgresql":
            # The stored, weighted vector of migration 0004 and its GIN index: matching and
            # ranking read it instead of building every matching entry's vector again.
            return (
                "FROM journal_entry e, websearch_to_tsquery('simple'::regconfig, %s) q "
                f"WHERE e.search_vector @@ q AND {mine}",
                [quoted_query(self.terms), *params],
                "ts_rank(e.search_vector, q)",
                " DESC",
            )
        # bm25: smaller is better; a word in the title counts five times one in the body.
        # CROSS JOIN keeps the index's matches first: left to itself, SQLite may walk all of
        # the owner's entries and ask the index about each one, a hundred times slower.
        return (
            f"FROM {FTS_TABLE} CROSS JOIN journal_entry e ON e.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND {mine}",
            [quoted_query(self.terms), *params],
            f"bm25({FTS_TABLE}, 5.0, 1.0)",
            "",
        )

    def count(self) -> int:
        """How many match, counted no further than COUNT_LIMIT (then `more` is true): the
        pages go through that many, best first, however many more a common word finds."""
        if self._count is None:
            found = 0
            if not self.nothing:
                where, params, _, _ = self._sql()
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"SELECT count(*) FROM (SELECT 1 {where} LIMIT {COUNT_LIMIT + 1}) f",
                        params,
                    )
                    found = cursor.fetchone()[0]
            self.more = found > COUNT_LIMIT
            self._count = min(found, COUNT_LIMIT)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def _rows(self, start: int, stop: int | None, columns: str) -> list[tuple]:
        """(id, score, *columns) of the matches from `start` to `stop`, best first."""
        where, params, score, best = self._sql()
        window = "" if stop is None else f" LIMIT {int(stop) - int(start)} OFFSET {int(start)}"
        # Filters alone: newest first, straight down the (owner, written_on) index.
        first = f"score{best}, " if self.terms else ""
        ranked = (
            f"SELECT e.id, {score} AS score, e.written_on {where} "
            f"ORDER BY {first}e.written_on DESC, e.id DESC{window}"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT r.id, r.score{columns} FROM ({ranked}) r "
                "JOIN journal_entry e ON e.id = r.id "
                f"ORDER BY {first and 'r.' + first}r.written_on DESC, r.id DESC",
                params,
            )
            rows = cursor.fetchall()
        if not self.terms:
            return [(pk, 0.0, *rest) for pk, _, *rest in rows]
        if connection.vendor == "postgresql":
            return [(pk, float(score), *rest) for pk, score, *rest in rows]
        return [(pk, -score, *rest) for pk, score, *rest in rows]

    def ranked(self, start: int = 0, stop: int | None = None) -> list[tuple[int, float]]:
        """(id, rank) of the matches from `start` to `stop`, best first."""
        if self.nothing:
            return []
        return self._rows(start, stop, "")

    def __getitem__(self, where: slice) -> list[Hit]:
        """The highlighted hits of one slice: only these bodies are read and made plain."""
        start, stop = where.start or 0, where.stop
        if self.nothing or (stop is not None and stop <= start):
            return []
        # Each hit's words as kept plain text: made when the entry was saved, not now.
        columns = f", e.written_on, e.title, {plain_columns('e', RENDERER_VERSION)}"
        hits = []
        for pk, rank, written_on, title, plain, body in self._rows(start, stop, columns):
            entry = FoundEntry(pk, written_on, title)
            title_html = highlight(entry.heading, self.terms)
            hits.append(Hit(entry, rank, title_html, entry_snippet(plain, body, self.terms)))
        return hits


@dataclass
class Found:
    """Every matching entry, best first, as (id, rank)."""

    ranked: list[tuple[int, float]]
    terms: list[tuple[str, ...]]


def find_entries(user, words: str, **filters) -> Found:
    """The person's entries containing all of `words`, best match first (see Matches)."""
    matches = Matches(user, words, **filters)
    return Found(matches.ranked(), matches.terms)


def search_entries(user, words: str, limit: int = MAX_RESULTS, **filters) -> list[Hit]:
    """The first `limit` hits of find_entries() (same filters), highlighted."""
    return Matches(user, words, **filters)[:limit]
