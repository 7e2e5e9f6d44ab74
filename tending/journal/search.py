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

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tending.circle.models import Person
from tending.core.models import Tag
from tending.core.ownership import owned
from tending.journal.models import Entry
from tending.journal.plain import plain_text
from tending.journal.queries import entries_for

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
# Words are runs of letters and digits in any script; everything else separates them.
_WORD = re.compile(r"[^\W_]+")
_PHRASE = re.compile(r'"([^"]*)"')


@dataclass
class Hit:
    entry: Entry
    rank: float
    title_html: SafeString
    snippet_html: SafeString


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
    words = {w for term in terms for w in term}
    if forms:
        # Any word that begins like one of the words searched for: "walk" marks "walking".
        stems = sorted({word_form_stem(w) for w in words}, key=len, reverse=True)
        inner = "|".join(re.escape(s) + r"[^\W_]*" for s in stems)
    else:
        inner = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    if not inner:
        return None
    return re.compile(r"(?<![^\W_])(?:" + inner + r")(?![^\W_])", re.IGNORECASE)


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
