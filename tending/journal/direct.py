"""`tending journal search` without Django: the same entries, read with Python's own sqlite3.

Used only when it can be sure (see `tending.core.direct`); a refusal (an unknown account,
too many words) is left to the Django path in `tending.journal.terminal`, which says it.
The words, the ranking and the highlighting are the web search's: terms and marks from
`tending.journal.search_words`, bm25 with titles counting five times, best first, then the
newest, at most MAX_RESULTS.
"""

from __future__ import annotations

import argparse
import sqlite3
from datetime import date

from tending.core.direct import NotSure, pick_account, run_quickly
from tending.core.terminal_words import terminal_language
from tending.core.words import gettext as _
from tending.journal.rendering import RENDERER_VERSION
from tending.journal.search_words import (
    MAX_RESULTS,
    MAX_SEARCH_LENGTH,
    entry_snippet,
    highlight,
    plain_columns,
    quoted_query,
    search_terms,
)
from tending.journal.terminal import entries_found, for_terminal

FTS_TABLE = "journal_entry_fts"
# The day as text, as it is stored, whatever converters the connection was opened with.
FOUND = (
    f"SELECT CAST(e.written_on AS TEXT), e.title, {plain_columns('e', RENDERER_VERSION)} "
    f"FROM {FTS_TABLE} "
    f"CROSS JOIN journal_entry e ON e.id = {FTS_TABLE}.rowid "
    f"WHERE {FTS_TABLE} MATCH ? AND e.owner_id = ? "
    f"ORDER BY bm25({FTS_TABLE}, 5.0, 1.0), e.written_on DESC, e.id DESC LIMIT ?"
)


def search_quickly(args: argparse.Namespace) -> int | None:
    """Print the matches without Django; None when the Django path must do it."""
    try:
        lines = run_quickly(lambda connection, options: search_directly(connection, args))
    except NotSure:
        return None
    for line in lines:
        print(line)
    return 0


def search_directly(connection: sqlite3.Connection, args: argparse.Namespace) -> list[str]:
    """The lines `tending journal search` prints for `args`; NotSure for anything to refuse."""
    account = pick_account(connection, getattr(args, "user", None))
    words = " ".join(args.words)
    if len(words) > MAX_SEARCH_LENGTH:
        raise NotSure("too many words")
    terms = search_terms(words)
    rows = []
    if terms:
        rows = connection.execute(FOUND, [quoted_query(terms), account.id, MAX_RESULTS])
    lines = []
    english = terminal_language() == "en"
    for day, title, plain, body in rows:
        written_on = date.fromisoformat(day)
        if not title and not english:
            # An entry without a title is headed by its day, which only Django writes out in
            # another language ("Sonntag, 14. Juni 2026").
            raise NotSure("a day to write out in the terminal's language")
        heading = title or f"{written_on:%A} {written_on.day} {written_on:%B %Y}"
        shown = for_terminal(str(highlight(heading, terms))) or _("(no title)")
        piece = for_terminal(str(entry_snippet(plain, body, terms)))
        lines.append(f"{written_on:%Y-%m-%d}  {shown}\n    {piece}")
    if not lines:
        return [_("Nothing in your journal matches that.")]
    return [*lines, entries_found(len(lines))]
