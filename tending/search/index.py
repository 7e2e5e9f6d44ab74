"""What searching everything reads: one SQLite FTS5 index, or PostgreSQL's own text search.

SQLite: one FTS5 table holds every searchable text of every kind, kept in step by triggers.
Its rowid is the row's id times four plus the kind, so each row has exactly one place and
a row's index entry is found by its rowid alone. The porter tokenizer stems words, so
"rivers" finds "river" and "walk" finds "walking"; PostgreSQL does the same with its
'english' configuration (see migration 0001).

Django rebuilds a SQLite table for many schema changes, and dropping a table drops its
triggers: after every `migrate`, missing triggers are put back and the index refilled.
"""

from __future__ import annotations

from tending.journal.fts import mend_index

TABLE = "search_everywhere_fts"
# Diacritics are kept, as PostgreSQL's 'english' configuration keeps them: both databases
# must find the same rows.
CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(title, body, "
    "tokenize = 'porter unicode61 remove_diacritics 0')"
)

# kind: (code in the rowid, table, title expression, body expression, columns that matter)
KINDS = {
    "entry": (0, "journal_entry", "{row}.title", "{row}.body", "title, body"),
    "moment": (1, "moments_moment", "''", "{row}.note", "note"),
    "person": (2, "circle_person", "{row}.name", "{row}.notes", "name, notes"),
    "plan": (3, "safety_planentry", "''", "{row}.text", "text"),
}
SPREAD = 4  # rowid = id * SPREAD + code


def _triggers() -> dict[str, str]:
    found = {}
    for kind, (code, table, title, body, columns) in KINDS.items():
        new = f"new.id * {SPREAD} + {code}, {title.format(row='new')}, {body.format(row='new')}"
        old = f"old.id * {SPREAD} + {code}"
        insert = f"INSERT INTO {TABLE}(rowid, title, body) VALUES ({new});"
        delete = f"DELETE FROM {TABLE} WHERE rowid = {old};"
        prefix = f"CREATE TRIGGER IF NOT EXISTS {TABLE}_{kind}"
        found[f"{TABLE}_{kind}_insert"] = (
            f"{prefix}_insert AFTER INSERT ON {table} BEGIN {insert} END"
        )
        found[f"{TABLE}_{kind}_update"] = (
            f"{prefix}_update AFTER UPDATE OF {columns} ON {table} BEGIN {delete} {insert} END"
        )
        found[f"{TABLE}_{kind}_delete"] = (
            f"{prefix}_delete AFTER DELETE ON {table} BEGIN {delete} END"
        )
    return found


TRIGGERS = _triggers()


def fill_statements() -> list[str]:
    """Empty the index and fill it again from every kind's rows."""
    statements = [f"DELETE FROM {TABLE}"]
    for code, table, title, body, _ in KINDS.values():
        statements.append(
            f"INSERT INTO {TABLE}(rowid, title, body) SELECT id * {SPREAD} + {code}, "
            f"{title.format(row=table)}, {body.format(row=table)} FROM {table}"
        )
    return statements


def create_statements() -> list[str]:
    return [CREATE_TABLE, *TRIGGERS.values(), *fill_statements()]


def drop_statements() -> list[str]:
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS),
        f"DROP TABLE IF EXISTS {TABLE}",
    ]


def ensure_search_index(using: str = "default", **kwargs) -> bool:
    """Restore missing triggers and refill the index; True if anything had to be mended."""
    return mend_index(using, TABLE, TRIGGERS, fill_statements())
