"""Compare the schema of a backup with the one tending's migrations make: no Django here.

A backup is only as trustworthy as its tables, indexes, triggers and views: a file with a
table missing breaks pages after the restore, and one with an extra trigger can quietly
rewrite rows (make every account a superuser) from then on. So a restore compares every
object SQLite keeps in sqlite_master with what migrations produce for the same state.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping

from tending.core.words import gettext as _
from tending.core.words import ngettext

NAME_SHOWN = 60  # characters of a name from the file that a message prints
# (type, name) -> the CREATE statement with its spacing folded, so indentation never counts.
Schema = Mapping[tuple[str, str], str]

KINDS = ("table", "index", "trigger", "view")
# Triggers a post-migrate hook puts back whenever they are missing (journal/fts.py for the
# journal, search/index.py for searching everything, whose names carry the kind of row:
# search_everywhere_fts_moment_update): a backup without them is still sound, since the
# restore's migrate step makes them again.
MENDED_BY_MIGRATE = re.compile(r".+_fts_(?:[a-z]+_)?(?:insert|update|delete)$")
SHOWN = 4


def normalised(sql: str) -> str:
    return " ".join(sql.split())


def read_schema(connection: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """Every table, index, trigger and view, leaving out SQLite's own bookkeeping."""
    rows = connection.execute(
        "SELECT type, name, sql FROM sqlite_master "
        f"WHERE type IN ({', '.join('?' for _ in KINDS)})",
        KINDS,
    ).fetchall()
    # sqlite_sequence, sqlite_stat1 and automatic indexes come and go with use, not design.
    return {(kind, name): normalised(sql or "") for kind, name, sql in rows if not _internal(name)}


def _shown(name: str) -> str:
    """A name found in someone's file as a message may hold it: a long one cut. (Its control
    characters are escaped where the terminal prints it: terminal_support.shown.)"""
    return name if len(name) <= NAME_SHOWN else name[: NAME_SHOWN - 1] + "…"


def _internal(name: str) -> bool:
    return name.lower().startswith("sqlite_")


def schema_differences(expected: Schema, found: Schema) -> list[str]:
    """What `found` has that `expected` has not, lacks, or has otherwise; [] when the same."""
    extra = _in_order(set(found) - set(expected))
    missing = _in_order(
        key
        for key in set(expected) - set(found)
        if not (key[0] == "trigger" and MENDED_BY_MIGRATE.match(key[1]))
    )
    changed = _in_order(key for key in set(found) & set(expected) if found[key] != expected[key])
    return (
        [
            _("an extra %(kind)s %(name)s") % {"kind": kind, "name": _shown(name)}
            for kind, name in extra
        ]
        + [_("no %(kind)s %(name)s") % {"kind": kind, "name": name} for kind, name in missing]
        + [
            _("a different %(kind)s %(name)s") % {"kind": kind, "name": name}
            for kind, name in changed
        ]
    )


def _in_order(keys: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    # Tables first: a missing table matters more to a person than the indexes that go with it.
    return sorted(keys, key=lambda key: (KINDS.index(key[0]), key[1]))


def describe(differences: list[str]) -> str:
    """The first few differences as one phrase, with a count of the rest."""
    shown = "; ".join(differences[:SHOWN])
    more = len(differences) - SHOWN
    if more <= 0:
        return shown
    return ngettext("%(shown)s; and %(num)d more", "%(shown)s; and %(num)d more", more) % {
        "shown": shown,
        "num": more,
    }
