"""What a search looks for, and the found text with the matches marked: no database here.

Whatever a person types is first reduced to plain words and quoted phrases, so quotes,
operators (AND OR NOT NEAR * ^ : -) and unbalanced input can never break the query.
Highlighting is the same on every database and at the terminal: the text is escaped first
and only then are the <mark>s added. The web search (`tending.journal.search`) and the
terminal's search without Django (`tending.journal.direct`) both use these.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe

from tending.journal.plain import plain_text

MAX_SEARCH_LENGTH = 500  # characters a person may search for at once
MAX_TERMS = 20
MAX_TERM_LENGTH = 60
MAX_RESULTS = 100
SNIPPET_BEFORE = 60
SNIPPET_LENGTH = 240
SNIPPET_WINDOW = 1000  # characters of the body made plain around the first match
# Endings taken off a searched word before highlighting; the longest that fits first.
_ENDINGS = ("ingly", "ness", "ing", "ies", "ied", "ed", "es", "ly", "s", "y", "e")

# Words are runs of letters and digits in any script; everything else separates them.
_WORD = re.compile(r"[^\W_]+")
_PHRASE = re.compile(r'"([^"]*)"')


def escape(text) -> SafeString:
    """As django.utils.html.escape, which would bring in much of Django with it."""
    return mark_safe(html.escape(str(text)))


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
    # Escaped as plain strings and marked safe once: a SafeString per piece cost more than
    # the matching on a page of twenty hits.
    quote = html.escape
    out: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        out.append(quote(text[position : match.start()]))
        out.append("<mark>" + quote(match.group(0)) + "</mark>")
        position = match.end()
    out.append(quote(text[position:]))
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
    cut_after = cut_before + 2 * SNIPPET_WINDOW < len(raw)
    return excerpt(plain_text(window), terms, forms, bool(cut_before), cut_after)


def excerpt(
    text: str,
    terms: list[tuple[str, ...]],
    forms: bool = False,
    cut_before: bool = False,
    cut_after: bool = False,
) -> SafeString:
    """A short piece of plain `text` around the first matched word, highlighted; "…" marks
    where it is cut (or where the text it was taken from was cut already)."""
    pattern = _words_pattern(terms, forms)
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


def entry_snippet(plain: str | None, body: str | None, terms: list[tuple[str, ...]]) -> SafeString:
    """A found entry's piece: from its kept plain text, or from its body when that text was
    made by an older renderer (then `plain` is None), made plain whole, so the same."""
    return excerpt(plain if plain is not None else plain_text(body or ""), terms)


def plain_columns(table: str, version: int) -> str:
    """SQL for an entry's kept plain text, and its body only where that text is out of date."""
    fresh = f"{table}.rendered_with = {int(version)}"
    return (
        f"CASE WHEN {fresh} THEN {table}.body_plain END, "
        f"CASE WHEN {fresh} THEN NULL ELSE {table}.body END"
    )
