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
COUNT_LIMIT = 200  # matches counted, ranked and listed at most, at the terminal
# The same on the search page, which pages through the window ten at a time. At 200, a
# search cost 2.6 times the floor on thirty years of data and 2.2 on one (thirty matches
# there: the window was never full); at 50 the two are nearly the same.
PAGE_WINDOW = 50
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
        tag: Tag | int | None = None,
        person: Person | int | None = None,
        since: date | None = None,
        until: date | None = None,
        window: int = COUNT_LIMIT,
    ):
        self.window = window
        self.terms = search_terms(words)
        narrowed = not (tag is None and person is None and since is None and until is None)
        self.nothing = not getattr(user, "is_authenticated", False) or not (self.terms or narrowed)
        # Written out rather than built by the ORM: a tag or a person is found from its own
        # links (a few hundred rows), not by walking all of the owner's entries for them.
        where, params = ["e.owner_id = %s"], [getattr(user, "pk", None)]
        linked = [
            (links, column, row)
            for links, column, row in (
                (TAG_LINKS, "tag_id", tag),
                (PEOPLE_LINKS, "person_id", person),
            )
            if row is not None
        ]
        for links, column, row in linked:
            # Asked of each entry in turn (newest first, or each match), through the links'
            # (entry, tag or person) index: a list of all their links, made first, would grow
            # with the years (1,186 for one person in thirty years, 0.7 ms to gather).
            where.append(
                f"EXISTS (SELECT 1 FROM {links} l WHERE l.entry_id = e.id AND l.{column} = %s)"
            )
            params.append(_id(row))
        if since is not None:
            where.append("e.written_on >= %s")
            params.append(since)
        if until is not None:
            where.append("e.written_on <= %s")
            params.append(until)
        self._mine = (" AND ".join(where), params)
        # One tag or one person and nothing else: its links are the owner's entries it is on
        # (a link joins only rows of one owner), so they are counted without visiting any.
        self._links_only = (
            linked[0]
            if len(linked) == 1 and not self.terms and since is None and until is None
            else None
        )
        self._count: int | None = None
        self.more = False  # more than the window match (known once counted)

    def _sql(self) -> tuple[str, list, str, str]:
        """FROM and WHERE for the matching entries (as `e`), their parameters, the score and
        the direction that puts the best first (or, with no words, "0" and "")."""
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
        """How many match, counted no further than the window (then `more` is true): the
        pages go through the window of those written last, best first, however many more a
        common word finds."""
        if self._count is None:
            found = 0
            if not self.nothing:
                where, params, _, _ = self._sql()
                if self._links_only is not None:
                    links, column, row = self._links_only
                    where, params = f"FROM {links} WHERE {column} = %s", [_id(row)]
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"SELECT count(*) FROM (SELECT 1 {where} LIMIT {self.window + 1}) f",
                        params,
                    )
                    found = cursor.fetchone()[0]
            self.more = found > self.window
            self._count = min(found, self.window)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def _rows(self, start: int, stop: int | None, columns: str) -> list[tuple]:
        """(id, score, *columns) of the matches from `start` to `stop`, best first."""
        where, params, score, best = self._sql()
        window = "" if stop is None else f" LIMIT {int(stop) - int(start)} OFFSET {int(start)}"
        if self.terms:
            # Only the window of entries written into tending last is ranked (index order:
            # the search index's rowid is the entry's id), so a common word costs the same
            # after thirty years as after one; a date range reaches further back.
            newest = FTS_TABLE + ".rowid" if connection.vendor == "sqlite" else "e.id"
            ranked = (
                f"SELECT w.id, w.score, w.written_on FROM (SELECT e.id, {score} AS score, "
                f"e.written_on {where} ORDER BY {newest} DESC LIMIT {self.window}) w "
                f"ORDER BY w.score{best}, w.written_on DESC, w.id DESC{window}"
            )
            first = f"score{best}, "
        elif self._links_only is not None and not (self.count() and self.more):
            # One tag or person on no more entries than the window: read from their links.
            # Walking all entries newest first for so few would go back through the years.
            links, column, row = self._links_only
            ranked = (
                f"SELECT e.id, 0 AS score, e.written_on FROM {links} l "
                f"JOIN journal_entry e ON e.id = l.entry_id WHERE l.{column} = %s "
                f"AND e.owner_id = %s ORDER BY e.written_on DESC, e.id DESC{window}"
            )
            params = [_id(row), self._mine[1][0]]
            first = ""
        else:  # filters alone: newest first, straight down the (owner, written_on) index
            ranked = (
                f"SELECT e.id, 0 AS score, e.written_on {where} "
                f"ORDER BY e.written_on DESC, e.id DESC{window}"
            )
            first = ""
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


def _id(row: Tag | Person | int) -> int:
    """A tag's or a person's id, from the row or the id itself (as the search form cleans it)."""
    return row if isinstance(row, int) else row.pk


@dataclass
class Found:
    """The matching entries, best first, as (id, rank): with words, the COUNT_LIMIT written
    last (see Matches._rows)."""

    ranked: list[tuple[int, float]]
    terms: list[tuple[str, ...]]


def find_entries(user, words: str, **filters) -> Found:
    """The person's entries containing all of `words`, best match first (see Matches)."""
    matches = Matches(user, words, **filters)
    return Found(matches.ranked(), matches.terms)


def search_entries(user, words: str, limit: int = MAX_RESULTS, **filters) -> list[Hit]:
    """The first `limit` hits of find_entries() (same filters), highlighted."""
    return Matches(user, words, **filters)[:limit]
