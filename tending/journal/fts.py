"""Keeping SQLite's FTS5 index of journal entries whole after schema changes.

Django rebuilds a SQLite table for many schema changes (copy, drop, rename), and dropping
a table drops its triggers with it. After every `migrate`, this puts back any trigger
that went missing and refills the index, so search never quietly falls out of step.
"""

from __future__ import annotations

from django.db import connections

TABLE = "journal_entry_fts"
TRIGGERS = {
    "journal_entry_fts_insert": """CREATE TRIGGER IF NOT EXISTS journal_entry_fts_insert
        AFTER INSERT ON journal_entry BEGIN
        INSERT INTO journal_entry_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    "journal_entry_fts_update": """CREATE TRIGGER IF NOT EXISTS journal_entry_fts_update
        AFTER UPDATE ON journal_entry BEGIN
        DELETE FROM journal_entry_fts WHERE rowid = old.id;
        INSERT INTO journal_entry_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    "journal_entry_fts_delete": """CREATE TRIGGER IF NOT EXISTS journal_entry_fts_delete
        AFTER DELETE ON journal_entry BEGIN
        DELETE FROM journal_entry_fts WHERE rowid = old.id;
    END""",
}


FILL = [
    f"DELETE FROM {TABLE}",
    f"INSERT INTO {TABLE}(rowid, title, body) SELECT id, title, body FROM journal_entry",
]


def ensure_search_index(using: str = "default", **kwargs) -> bool:
    """Restore missing triggers and refill the index; True if anything had to be mended."""
    return mend_index(using, TABLE, TRIGGERS, FILL)


def mend_index(using: str, table: str, triggers: dict[str, str], fill: list[str]) -> bool:
    """Put back the triggers of one FTS5 `table` that went missing, then run `fill`.

    Shared by every SQLite index kept by triggers (the journal's and searching everything):
    nothing is done on another database, or when the table is gone or whole.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE name = %s OR name LIKE %s",
            [table, f"{table}_%"],
        )
        present = {name for (name,) in cursor.fetchall()}
        if table not in present or set(triggers) <= present:
            return False
        for name, statement in triggers.items():
            if name not in present:
                cursor.execute(statement)
        for statement in fill:
            cursor.execute(statement)
    return True
