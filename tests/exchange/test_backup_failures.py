"""Backup, check and restore called directly on small SQLite files: every way they can refuse.

The command-line tests (test_backup.py, test_restore.py) walk the happy paths through a real
`tending`; these reach the failure paths in milliseconds, without Django.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest

from tending.exchange.backup import (
    ExchangeError,
    applied_migrations,
    backup_database,
    check_backup,
    choose_destination,
    human_size,
    integrity_problem,
    postgres_commands,
    restore_database,
    stamp,
)

NOW = datetime(2026, 11, 22, 7, 5, 9)
KNOWN = {("core", "0001_initial"), ("circle", "0001_initial")}


def tending_like(path: Path, *, users=("robin",), migrations=KNOWN, wal=False, page_size=None):
    """A database with the two tables every tending database has, and nothing else."""
    connection = sqlite3.connect(path)
    if page_size:
        connection.execute(f"PRAGMA page_size={page_size}")
    if wal:
        connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE django_migrations (id INTEGER PRIMARY KEY, app, name)")
    connection.execute("CREATE TABLE core_user (id INTEGER PRIMARY KEY, username)")
    connection.executemany("INSERT INTO django_migrations (app, name) VALUES (?, ?)", migrations)
    connection.executemany("INSERT INTO core_user (username) VALUES (?)", [(u,) for u in users])
    connection.commit()
    connection.close()
    return path


def usernames(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT username FROM core_user ORDER BY 1")]
    finally:
        connection.close()


# --- small helpers ---------------------------------------------------------------------------


def test_item_14_sizes_are_said_in_plain_units():
    assert [human_size(n) for n in (0, 999, 1000, 1500, 999_499)] == [
        "0 bytes",
        "999 bytes",
        "1.0 KB",
        "1.5 KB",
        "999.5 KB",
    ]
    assert [human_size(n) for n in (1_000_000, 2_500_000, 999_000_000)] == [
        "1.0 MB",
        "2.5 MB",
        "999.0 MB",
    ]
    assert [human_size(n) for n in (1_000_000_000, 12_300_000_000)] == ["1.0 GB", "12.3 GB"]


def test_item_14_a_folder_gets_a_dated_file_name_and_a_file_name_is_kept(tmp_path):
    assert stamp(NOW) == "20261122-070509"
    assert choose_destination(tmp_path, NOW) == tmp_path / "tending-backup-20261122-070509.sqlite3"
    assert choose_destination(tmp_path, NOW, ".dump").name == "tending-backup-20261122-070509.dump"
    assert choose_destination(tmp_path / "mine.db", NOW) == tmp_path / "mine.db"


def test_item_14_postgres_commands_name_only_what_is_set_and_never_the_password(tmp_path):
    dump, restore = postgres_commands(
        {"HOST": "db.local", "PORT": 5433, "USER": "robin", "PASSWORD": "secret", "NAME": "t"},
        tmp_path / "x.dump",
    )
    where = "--host=db.local --port=5433 --username=robin"
    assert dump == f"pg_dump --format=custom --file={tmp_path}/x.dump {where} t"
    assert restore.startswith("pg_restore --clean --if-exists --no-owner --host=db.local")
    assert restore.endswith(f"--username=robin --dbname t {tmp_path}/x.dump")
    bare, _ = postgres_commands({"HOST": "", "PORT": None, "NAME": "t"}, tmp_path / "x.dump")
    assert bare == f"pg_dump --format=custom --file={tmp_path}/x.dump t"
    assert "secret" not in dump + restore


# --- backing up ------------------------------------------------------------------------------


def test_item_14_a_backup_is_private_complete_and_one_plain_file(tmp_path):
    live = tending_like(tmp_path / "live.sqlite3", wal=True)
    result = backup_database(live, tmp_path, NOW)
    assert result.path == tmp_path / "tending-backup-20261122-070509.sqlite3"
    assert result.size == result.path.stat().st_size > 0
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert usernames(result.path) == ["robin"]
    assert not Path(f"{result.path}-wal").exists()
    assert not list(tmp_path.glob(".tending-backup-*"))


def test_item_14_nothing_to_back_up(tmp_path):
    with pytest.raises(ExchangeError, match="There is no database at .* yet"):
        backup_database(tmp_path / "missing.sqlite3", tmp_path)


def test_item_14_a_destination_inside_a_file_or_a_missing_folder_is_refused(tmp_path):
    live = tending_like(tmp_path / "live.sqlite3")
    (tmp_path / "plain").write_text("x")
    with pytest.raises(ExchangeError, match="plain is a file, not a folder"):
        backup_database(live, tmp_path / "plain" / "b.sqlite3")
    with pytest.raises(ExchangeError, match="The folder .*nowhere does not exist"):
        backup_database(live, tmp_path / "nowhere" / "b.sqlite3")


def test_item_14_an_existing_file_or_link_is_never_written_over(tmp_path):
    live = tending_like(tmp_path / "live.sqlite3")
    taken = tmp_path / "taken.sqlite3"
    taken.write_text("mine")
    with pytest.raises(ExchangeError, match="There is already a file at .*taken.sqlite3"):
        backup_database(live, taken)
    assert taken.read_text() == "mine"
    dangling = tmp_path / "link.sqlite3"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(ExchangeError, match="There is already a file"):
        backup_database(live, dangling)
    assert not list(tmp_path.glob(".tending-backup-*"))


def test_item_14_a_live_file_that_is_not_a_database_leaves_nothing_behind(tmp_path):
    live = tmp_path / "live.sqlite3"
    live.write_bytes(b"not a database at all, " * 100)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExchangeError, match="The backup could not be made: "):
        backup_database(live, out)
    assert list(out.iterdir()) == []


# --- checking a backup -----------------------------------------------------------------------


def test_item_14_a_sound_backup_is_described(tmp_path):
    path = tending_like(tmp_path / "b.sqlite3", users=("robin", "sam"))
    os.utime(path, (NOW.timestamp(), NOW.timestamp()))
    info = check_backup(path, KNOWN)
    assert (info.path, info.made, info.accounts, info.migrations) == (path, NOW, 2, KNOWN)


def test_item_14_missing_folder_foreign_and_damaged_files_are_refused(tmp_path):
    with pytest.raises(ExchangeError, match="There is no file at"):
        check_backup(tmp_path / "missing.sqlite3", KNOWN)
    with pytest.raises(ExchangeError, match="is a folder; please give the backup file itself"):
        check_backup(tmp_path, KNOWN)
    text = tmp_path / "notes.txt"
    text.write_text("dear diary")
    with pytest.raises(ExchangeError, match="is not a tending backup"):
        check_backup(text, KNOWN)
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(tending_like(tmp_path / "good.sqlite3").read_bytes()[:100] + b"\xff" * 5000)
    with pytest.raises(ExchangeError, match="is damaged .*so it cannot be restored"):
        check_backup(damaged, KNOWN)


def test_item_14_an_sqlite_file_of_another_program_is_refused(tmp_path):
    other = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE recipes (name)")
    connection.commit()
    connection.close()
    with pytest.raises(ExchangeError, match="is an SQLite database, but not one of tending's"):
        check_backup(other, KNOWN)
    only_user = tending_like(tmp_path / "half.sqlite3", migrations=[("circle", "0001_initial")])
    with pytest.raises(ExchangeError, match="not one of tending's"):
        check_backup(only_user, KNOWN)


def test_item_14_a_backup_from_a_newer_tending_names_three_of_its_changes(tmp_path):
    newer = [*KNOWN, *((("journal", f"000{n}_later")) for n in range(1, 5))]
    path = tending_like(tmp_path / "newer.sqlite3", migrations=newer)
    with pytest.raises(ExchangeError) as caught:
        check_backup(path, KNOWN)
    message = str(caught.value)
    assert "was made by a newer tending" in message
    assert "journal.0001_later, journal.0002_later, journal.0003_later)" in message
    assert "0004_later" not in message


def test_item_14_checking_a_hand_copied_wal_file_leaves_no_puzzling_files(tmp_path):
    path = tending_like(tmp_path / "copied.sqlite3", wal=True)
    for sidecar in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        sidecar.unlink(missing_ok=True)
    check_backup(path, KNOWN)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copied.sqlite3"]


def test_item_14_sidecar_files_that_were_there_before_are_left_alone(tmp_path):
    path = tending_like(tmp_path / "copied.sqlite3", wal=True)
    holder = sqlite3.connect(path)  # keeps the -wal and -shm files in place
    try:
        holder.execute("SELECT 1 FROM core_user").fetchall()
        check_backup(path, KNOWN)
        assert Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
    finally:
        holder.close()


# --- restoring -------------------------------------------------------------------------------


def test_item_14_a_restore_keeps_what_was_there_and_says_where(tmp_path):
    live = tending_like(tmp_path / "live.sqlite3", users=("before",))
    backup = tending_like(tmp_path / "b.sqlite3", users=("after",))
    result = restore_database(backup, live, NOW)
    assert result.safety_copy == tmp_path / "live.sqlite3.before-restore-20261122-070509"
    assert (result.source, result.live) == (backup, live)
    assert usernames(live) == ["after"]
    assert usernames(result.safety_copy) == ["before"]


def test_item_14_a_failed_restore_tells_where_the_copy_from_before_was_kept(tmp_path):
    live = tending_like(tmp_path / "live.sqlite3", users=("before",))
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x00" * 4096)
    with pytest.raises(ExchangeError) as caught:
        restore_database(garbage, live, NOW)
    kept = tmp_path / "live.sqlite3.before-restore-20261122-070509"
    assert str(caught.value).startswith("The backup could not be restored (")
    assert str(caught.value).endswith(
        f"Stop tending and try again. What was there before is in {kept}."
    )
    assert usernames(kept) == ["before"]


def test_item_14_a_failed_restore_into_nothing_says_nothing_about_a_copy(tmp_path):
    live = tmp_path / "live.sqlite3"
    live.touch()  # an empty file holds nothing worth keeping
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x00" * 4096)
    with pytest.raises(ExchangeError) as caught:
        restore_database(garbage, live, NOW)
    assert str(caught.value).endswith("Stop tending and try again.")
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_item_14_a_restore_into_a_new_folder_makes_a_private_database(tmp_path):
    backup = tending_like(tmp_path / "b.sqlite3", users=("after",))
    live = tmp_path / "new" / "deeper" / "live.sqlite3"
    result = restore_database(backup, live, NOW)
    assert result.safety_copy is None
    assert usernames(live) == ["after"]
    assert stat.S_IMODE(live.stat().st_mode) == 0o600
    again = tmp_path / "new" / "other.sqlite3"  # the folder is there already
    assert restore_database(backup, again, NOW).safety_copy is None
    assert usernames(again) == ["after"]


def test_item_14_a_backup_with_another_page_size_is_restored_into_a_wal_database(tmp_path):
    live = tending_like(tmp_path / "live.sqlite3", users=("before",), wal=True, page_size=4096)
    backup = tending_like(tmp_path / "b.sqlite3", users=("after",), page_size=8192)
    restore_database(backup, live, NOW)
    assert usernames(live) == ["after"]


def test_item_14_a_sound_database_has_no_problem_and_its_migrations_are_read(tmp_path):
    path = tending_like(tmp_path / "live.sqlite3")
    connection = sqlite3.connect(path)
    try:
        assert integrity_problem(connection) == ""
    finally:
        connection.close()
    assert applied_migrations(path) == KNOWN


def test_item_14_a_lone_sidecar_file_that_was_there_before_is_left_alone(tmp_path):
    path = tending_like(tmp_path / "plain.sqlite3")  # not WAL: SQLite never reads the -shm
    stray = Path(f"{path}-shm")
    stray.write_text("someone else's")
    check_backup(path, KNOWN)
    assert stray.read_text() == "someone else's"
