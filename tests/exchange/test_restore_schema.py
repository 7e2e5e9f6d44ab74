"""`tending restore` takes only files whose schema is what tending's migrations make."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tending.exchange.schema import read_schema, schema_differences
from tests.exchange.helpers import fingerprint, one_line_error, query, run_tending, usernames

# Backups are SQLite files, restored by `tending` in a child process on a data folder of its
# own whatever DATABASE_URL says: the PostgreSQL run would repeat the very same thing.
pytestmark = pytest.mark.one_database


@pytest.fixture
def backup(data_dir, tmp_path) -> Path:
    target = tmp_path / "backup.sqlite3"
    made = run_tending(data_dir, "backup", str(target))
    assert made.returncode == 0, made.stderr
    return target


def change(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def refused(data_dir: Path, backup: Path) -> str:
    """Run the restore, check it was refused and touched nothing; return its one line."""
    live = data_dir / "tending.sqlite3"
    before = fingerprint(live)
    line = one_line_error(run_tending(data_dir, "restore", str(backup), "--yes"))
    assert "is not a sound tending database" in line
    assert "Nothing was changed." in line
    assert fingerprint(live) == before
    assert not list(data_dir.glob("tending.sqlite3.before-restore-*"))
    assert query(live, "SELECT name FROM sqlite_master WHERE name = 'journal_entry'")
    return line


def test_item_5_a_foreign_database_with_a_core_row_is_refused(data_dir, tmp_path):
    foreign = tmp_path / "foreign.sqlite3"
    change(
        foreign,
        "CREATE TABLE django_migrations (id INTEGER PRIMARY KEY, app TEXT, name TEXT, "
        "applied TEXT)",
        "INSERT INTO django_migrations (app, name, applied) "
        "VALUES ('core', '0001_initial', '2025-01-01')",
        "CREATE TABLE core_user (id INTEGER PRIMARY KEY, username TEXT)",
        "INSERT INTO core_user (username) VALUES ('mallory')",
    )
    line = refused(data_dir, foreign)
    assert "it lacks" in line


def test_item_5_a_foreign_database_with_a_full_record_is_refused(data_dir, backup, tmp_path):
    # Every migration row copied from a real tending, but none of its tables.
    rows = query(backup, "SELECT app, name, applied FROM django_migrations")
    foreign = tmp_path / "foreign.sqlite3"
    change(
        foreign,
        "CREATE TABLE django_migrations (id INTEGER PRIMARY KEY, app TEXT, name TEXT, "
        "applied TEXT)",
        "CREATE TABLE core_user (id INTEGER PRIMARY KEY, username TEXT)",
        *(f"INSERT INTO django_migrations (app, name, applied) VALUES {row!r}" for row in rows),
    )
    line = refused(data_dir, foreign)
    assert "no table auth_group" in line
    assert "more" in line


def test_item_5_a_backup_missing_the_safety_plan_is_refused(data_dir, backup):
    change(backup, "DROP TABLE safety_planentry")
    assert "no table safety_planentry" in refused(data_dir, backup)


def test_item_5_a_backup_with_an_extra_trigger_is_refused(data_dir, backup):
    change(
        backup,
        "CREATE TRIGGER everyone_super AFTER INSERT ON core_user BEGIN "
        "UPDATE core_user SET is_superuser = 1; END",
    )
    assert "an extra trigger everyone_super" in refused(data_dir, backup)


def test_item_5_a_changed_column_or_an_extra_index_is_refused(data_dir, backup):
    change(backup, "CREATE INDEX peek ON core_user (password)")
    assert "an extra index peek" in refused(data_dir, backup)


def test_item_5_a_sound_older_backup_still_restores(tmp_path, data_dir):
    early = tmp_path / "early"
    assert run_tending(early, "manage", "migrate", "journal").returncode == 0
    older = tmp_path / "older.sqlite3"
    assert run_tending(early, "backup", str(older)).returncode == 0
    assert not query(older, "SELECT name FROM sqlite_master WHERE name = 'safety_planentry'")
    result = run_tending(data_dir, "restore", str(older), "--yes")
    assert result.returncode == 0, result.stderr
    assert "brought up to date" in result.stdout
    live = data_dir / "tending.sqlite3"
    assert query(live, "SELECT name FROM sqlite_master WHERE name = 'safety_planentry'")
    assert usernames(live) == []


@pytest.mark.parametrize(
    "trigger", ["journal_entry_fts_insert", "search_everywhere_fts_moment_update"]
)
def test_item_5_a_sound_backup_restores_and_lost_search_triggers_are_mended(
    data_dir, backup, trigger
):
    # Both search indexes (the journal's, and the one over everything) are mended by migrate.
    change(backup, f"DROP TRIGGER {trigger}")
    result = run_tending(data_dir, "restore", str(backup), "--yes")
    assert result.returncode == 0, result.stderr
    live = data_dir / "tending.sqlite3"
    assert query(live, f"SELECT name FROM sqlite_master WHERE name = '{trigger}'")
    assert usernames(live) == ["robin"]


def test_item_5_differences_name_extra_missing_and_changed_objects():
    def schema(*statements: str) -> dict:
        connection = sqlite3.connect(":memory:")
        for statement in statements:
            connection.execute(statement)
        return read_schema(connection)

    expected = schema("CREATE TABLE a (x INTEGER)", "CREATE TABLE b (y TEXT)")
    found = schema(
        "CREATE TABLE a (x INTEGER, z TEXT)",
        "CREATE VIEW v AS SELECT 1",
        "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT)",  # makes sqlite_sequence
    )
    assert schema_differences(expected, found) == [
        "an extra table t",
        "an extra view v",
        "no table b",
        "a different table a",
    ]
    spaced = schema("CREATE TABLE a (x INTEGER)", "CREATE TABLE   b (y\n    TEXT)")
    assert schema_differences(expected, spaced) == []
