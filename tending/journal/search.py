"""Full-text search over journal entries: SQLite FTS5 or PostgreSQL, behind one function.

Whatever a person types is first reduced to plain words and quoted phrases, so quotes,
operators (AND OR NOT NEAR * ^ : -) and unbalanced input can never break the query.
Highlighting is done here, the same on both databases: the text is escaped first and
only then are the <mark>s added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tending.circle.models import Person
from tending.core.models import Tag
from tending.journal.models import Entry, heading
from tending.journal.plain import plain_text
from tending.journal.rows import short_day

MAX_SEARCH_LENGTH = 500  # characters a person may search for at once
MAX_TERMS = 20
MAX_TERM_LENGTH = 60
MAX_RESULTS = 100
SNIPPET_BEFORE = 60
SNIPPET_LENGTH = 240
SNIPPET_WINDOW = 1000  # characters of the body made plain around the first match
# Endings taken off a searched word before highlighting; the longest that fits first.
_ENDINGS = ("ingly", "ness", "ing", "ies", "ied", "ed", "es", "ly", "s", "y", "e")

FTS_TABLE = "journal_entry_fts"
TAG_LINKS = Entry.tags.through._meta.db_table
PEOPLE_LINKS = Entry.people.through._meta.db_table
# Words are runs of letters and digits in any script; everything else separates them.
_WORD = re.compile(r"[^\W_]+")
_PHRASE = re.compile(r'"([^"]*)"')


def search_terms(words: str) -> list[tuple[str, ...]]:
    """What to look for: each item is one word, or the words of a quoted phrase.

    'walk "sea air" -rain' gives [("walk",), ("sea", "air"), ("rain",)]; an unclosed quote
    is just a character.
    """
    text = (words or "")[:1000]
    terms: list[tuple[str, ...]] = []
    position = 0
    pieces: list[tuple[str, bool]] = []
    for match in _PHRASE.finditer(text):
        pieces.append((text[position : match.start()], False))
        pieces.append((match.group(1), True))
        position = match.end()
    pieces.append((text[position:], False))
    for piece, is_phrase in pieces:
        found = [w[:MAX_TERM_LENGTH] for w in _WORD.findall(piece)]
        phrase = is_phrase and len(found) > 1
        candidates = [tuple(found)] if phrase else [(w,) for w in found]
        for term in candidates:
            if term not in terms:
                terms.append(term)
    return terms[:MAX_TERMS]


def quoted_query(terms: list[tuple[str, ...]], prefix: bool = False) -> str:
    """Every term quoted, all required, so no operator can slip through.

    The same text serves SQLite's FTS5 MATCH and PostgreSQL's websearch_to_tsquery (where
    the quotes keep 'or' a word). With `prefix` (FTS5 only), a single word also matches
    longer words it begins.
    """
    star = "*" if prefix else ""
    return " ".join('"' + " ".join(term) + '"' + (star if len(term) == 1 else "") for term in terms)


def word_form_stem(word: str) -> str:
    """The start every form of `word` shares, for highlighting: "rivers" → "river".

    The databases match word forms with their own stemmers; this only has to find the same
    words again in the text shown, so a light one is enough.
    """
    lowered = word.casefold()
    for ending in _ENDINGS:
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 3:
            return lowered[: -len(ending)]
    return lowered


def _words_pattern(terms: list[tuple[str, ...]], forms: bool) -> re.Pattern | None:
    return _pattern(tuple(terms), forms)


@lru_cache(maxsize=64)
def _pattern(terms: tuple[tuple[str, ...], ...], forms: bool) -> re.Pattern | None:
    words = {w for term in terms for w in term}
    if forms:
        # Any word that begins like one of the words searched for: "walk" marks "walking".
        starts = sorted({word_form_stem(w) for w in words}, key=len, reverse=True)
    else:
        starts = sorted(words, key=len, reverse=True)
    if not starts:
        return None
    # Each word, then a look back past it: no letter or digit just before. Looking back
    # after the word rather than before it lets the regex engine skip ahead to where the
    # word's first letter is, about twice as fast on a long entry.
    rest = r"[^\W_]*" if forms else ""
    inner = "|".join(
        re.escape(start) + r"(?<![^\W_]." + "{" + str(len(start)) + "})" + rest for start in starts
    )
    return re.compile(r"(?:" + inner + r")(?![^\W_])", re.IGNORECASE)


def highlight(text: str, terms: list[tuple[str, ...]], forms: bool = False) -> SafeString:
    """`text` escaped, with every word of `terms` wrapped in <mark>.

    With `forms`, other forms of those words and longer words they begin are marked too.
    """
    pattern = _words_pattern(terms, forms)
    if pattern is None:
        return escape(text)
    out: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        out.append(escape(text[position : match.start()]))
        out.append("<mark>" + escape(match.group(0)) + "</mark>")
        position = match.end()
    out.append(escape(text[position:]))
    return mark_safe("".join(out))


def snippet(body: str, terms: list[tuple[str, ...]], forms: bool = False) -> SafeString:
    """A short piece of the body around the first matched word, as plain text, highlighted.

    Markdown marks and HTML source are left out. Only a window of the body around the match
    is made plain, so a very long entry costs no more than a short one.
    """
    raw = body or ""
    pattern = _words_pattern(terms, forms)
    found = pattern.search(raw) if pattern else None
    cut_before = 0
    if found and found.start() > SNIPPET_WINDOW:
        line_start = raw.rfind("\n", 0, found.start() - SNIPPET_BEFORE)
        cut_before = max(line_start + 1, found.start() - SNIPPET_WINDOW)
    window = raw[cut_before : cut_before + 2 * SNIPPET_WINDOW]
    text = plain_text(window)
    cut_after = cut_before + 2 * SNIPPET_WINDOW < len(raw)
    start = 0
    match = pattern.search(text) if pattern else None
    if match:
        start = max(0, match.start() - SNIPPET_BEFORE)
        # Begin at a word, not halfway through one.
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < match.start() else start
    piece = text[start : start + SNIPPET_LENGTH]
    prefix = "… " if start or cut_before else ""
    suffix = " …" if start + SNIPPET_LENGTH < len(text) or cut_after else ""
    return mark_safe(prefix + highlight(piece, terms, forms) + suffix)


@dataclass(slots=True)
class FoundEntry:
    """What a hit shows of its entry."""

    pk: int
    written_on: date
    title: str
    body: str

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
        if self.nothing:
            return 0
        where, params, _, _ = self._sql()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) {where}", params)
            return cursor.fetchone()[0]

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
        rows = self._rows(start, stop, ", e.written_on, e.title, e.body")
        hits = []
        for pk, rank, written_on, title, body in rows:
            entry = FoundEntry(pk, written_on, title, body)
            title_html = highlight(entry.heading, self.terms)
            hits.append(Hit(entry, rank, title_html, snippet(body, self.terms)))
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
