"""Deleted words leave no readable copy in SQLite's file: its search indexes and its log.

SQLite overwrites what a delete frees with zeros (PRAGMA secure_delete, set for every
connection in tending.settings), but two places keep words beyond their row:

- An FTS5 index records a deletion as a note beside the old entry; the word itself stays
  in the index until its segments are merged. From SQLite 3.42 the index's 'secure-delete'
  option (set by search migration 0002) removes it at once; on an older SQLite, the index
  is merged ('optimize') after every transaction that deleted an indexed row.
- The write-ahead log keeps earlier copies of changed pages until a checkpoint; after such
  a delete it is written back into the database and emptied (TRUNCATE).

PostgreSQL frees deleted rows with VACUUM, which its autovacuum runs on its own.
"""

from __future__ import annotations

import sqlite3

from django.db import connections, transaction
from django.db.models.signals import post_delete

# Every FTS5 table tending keeps: the journal's own search and searching everything.
INDEXES = ("journal_entry_fts", "search_everywhere_fts")
SECURE_DELETE_SINCE = (3, 42, 0)
MARK = "tending_forgets"  # on the callback waiting for the transaction to commit


def secure_delete_supported(version: str = sqlite3.sqlite_version) -> bool:
    """Whether this SQLite's FTS5 knows the 'secure-delete' option."""
    return tuple(int(part) for part in version.split(".")) >= SECURE_DELETE_SINCE


def forget_deleted_text(using: str = "default") -> list[str]:
    """Merge each index that still holds deleted words, then empty the log; names merged."""
    connection = connections[using]
    merged: list[str] = []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for table in INDEXES:
                cursor.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [table]
                )
                if cursor.fetchone() is None or _secure_delete_on(cursor, table):
                    continue
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
                merged.append(table)
            if not connection.in_atomic_block:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return merged


def _secure_delete_on(cursor, table: str) -> bool:
    cursor.execute(f"SELECT v FROM {table}_config WHERE k = 'secure-delete'")
    found = cursor.fetchone()
    return found is not None and str(found[0]) == "1"


def forget_after_commit(using: str = "default") -> None:
    """Once per transaction, however many rows it deletes: forget when it commits.

    A transaction rolled back takes its waiting callback with it, so the next one asks anew.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    if any(getattr(waiting[1], MARK, False) for waiting in connection.run_on_commit):
        return

    def forget() -> None:
        forget_deleted_text(using)

    setattr(forget, MARK, True)
    transaction.on_commit(forget, using=using, robust=True)


def _deleted(sender, using: str = "default", **kwargs) -> None:
    forget_after_commit(using)


def connect_signals() -> None:
    """Every model whose words are in an index (tending.search.index.KINDS) forgets them."""
    from django.apps import apps

    for label in ("journal.Entry", "moments.Moment", "circle.Person", "safety.PlanEntry"):
        post_delete.connect(_deleted, sender=apps.get_model(label), dispatch_uid=f"forget-{label}")
