"""`tending restore`: exactly the backup again, a safety copy first, a clear no for bad files."""

from __future__ import annotations

import os
import select
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tending.bench.server import child_environment
from tests.exchange.helpers import (
    fingerprint,
    make_account,
    one_line_error,
    query,
    run_tending,
    usernames,
)

# Backups are SQLite files, restored by `tending` in a child process on a data folder of its
# own whatever DATABASE_URL says: the PostgreSQL run would repeat the very same thing.
pytestmark = pytest.mark.one_database


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def backup(data_dir, tmp_path) -> Path:
    target = tmp_path / "backup.sqlite3"
    made = run_tending(data_dir, "backup", str(target))
    assert made.returncode == 0, made.stderr
    return target


def safety_copies(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("tending.sqlite3.before-restore-*"))


def test_round_trip_brings_back_exactly_what_was_backed_up(tmp_path):
    data = tmp_path / "data"
    filled = run_tending(data, "demo", "--years", "1", "--seed", "5")
    assert filled.returncode == 0, filled.stderr
    live = data / "tending.sqlite3"
    saved = tmp_path / "saved.sqlite3"
    assert run_tending(data, "backup", str(saved)).returncode == 0
    at_backup = dump(saved)
    assert at_backup == dump(live)

    # Life goes on after the backup: a new account and a new moment.
    make_account(data, "kim")
    [(name,)] = query(live, "SELECT name FROM circle_person WHERE is_archived = 0 LIMIT 1")
    logged = run_tending(data, "log", name, "--user", "demo", "--note", "after the backup")
    assert logged.returncode == 0, logged.stderr
    assert dump(live) != at_backup

    result = run_tending(data, "restore", str(saved), "--yes")
    assert result.returncode == 0, result.stderr
    assert f"Restored tending from {saved}." in result.stdout
    assert dump(live) == at_backup
    assert query(live, "PRAGMA integrity_check") == [("ok",)]
    assert "kim" not in usernames(live)

    # What was there just before is kept, privately, and named in the output.
    [safety] = safety_copies(data)
    assert f"What was there before is kept in {safety}" in result.stdout
    assert stat.S_IMODE(safety.stat().st_mode) == 0o600
    assert "kim" in usernames(safety)
    assert query(safety, "SELECT COUNT(*) FROM moments_moment WHERE note = 'after the backup'") == [
        (1,)
    ]


def test_an_older_backup_is_brought_up_to_date(tmp_path, data_dir):
    early = tmp_path / "early"
    started = run_tending(early, "manage", "migrate", "core", "0001_initial")
    assert started.returncode == 0, started.stderr
    older = tmp_path / "older.sqlite3"
    assert run_tending(early, "backup", str(older)).returncode == 0
    assert not query(older, "SELECT name FROM sqlite_master WHERE name = 'journal_entry'")

    result = run_tending(data_dir, "restore", str(older), "--yes")
    assert result.returncode == 0, result.stderr
    assert "older tending, so it was brought up to date" in result.stdout
    live = data_dir / "tending.sqlite3"
    assert query(live, "SELECT name FROM sqlite_master WHERE name = 'journal_entry'")
    assert usernames(live) == []
    assert usernames(safety_copies(data_dir)[0]) == ["robin"]


def _not_sqlite(path: Path) -> None:
    path.write_text("name,note\nSam,hello\n", encoding="utf-8")


def _not_tending(path: Path) -> None:
    path.unlink()
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()


def _damaged(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 8192] = bytes(range(256)) * 32
    path.write_bytes(bytes(raw))


def _newer(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO django_migrations (app, name, applied) "
        "VALUES ('journal', '9999_from_a_newer_tending', '2030-01-01')"
    )
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    ("spoil", "expected"),
    [
        (Path.unlink, "There is no file at"),
        (_not_sqlite, "is not a tending backup (it is not an SQLite database)"),
        (lambda p: p.write_bytes(b""), "it is not an SQLite database"),
        (_not_tending, "is an SQLite database, but not one of tending's"),
        (_damaged, "is damaged"),
        (_newer, "was made by a newer tending"),
    ],
    ids=["missing", "not-sqlite", "empty", "not-tending", "damaged", "newer"],
)
def test_a_bad_backup_is_refused_and_nothing_changes(data_dir, backup, spoil, expected):
    spoil(backup)
    live = data_dir / "tending.sqlite3"
    before = fingerprint(live)
    line = one_line_error(run_tending(data_dir, "restore", str(backup), "--yes"))
    assert expected in line
    assert fingerprint(live) == before
    assert safety_copies(data_dir) == []


def test_newer_backup_says_to_upgrade_first(data_dir, backup):
    _newer(backup)
    line = one_line_error(run_tending(data_dir, "restore", str(backup), "--yes"))
    assert "journal.9999_from_a_newer_tending" in line
    assert "Please upgrade tending first, then restore." in line


def test_a_folder_or_the_live_database_is_refused(data_dir):
    live = data_dir / "tending.sqlite3"
    before = fingerprint(live)
    assert "is a folder" in one_line_error(run_tending(data_dir, "restore", str(data_dir)))
    itself = one_line_error(run_tending(data_dir, "restore", str(live), "--yes"))
    assert "is the database tending uses now" in itself
    assert fingerprint(live) == before and safety_copies(data_dir) == []


def test_without_a_terminal_it_needs_yes(data_dir, backup):
    make_account(data_dir, "kim")
    live = data_dir / "tending.sqlite3"
    before = fingerprint(live)
    line = one_line_error(run_tending(data_dir, "restore", str(backup)))
    assert "Run it in a terminal, or add --yes" in line
    assert fingerprint(live) == before and safety_copies(data_dir) == []


def answer_in_terminal(data_dir: Path, backup: Path, answer: str) -> tuple[int, str]:
    """Run `tending restore` on a pseudo-terminal and type `answer` at its question."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "tending", "restore", str(backup)],
        env=child_environment(data_dir),
        stdin=follower,
        stdout=follower,
        stderr=follower,
    )
    os.close(follower)
    seen, answered, deadline = b"", False, time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.2)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closes when the command ends
                break
            if not chunk:
                break
            seen += chunk
            if not answered and b"Type yes to go on:" in seen:
                os.write(leader, answer.encode() + b"\n")
                answered = True
        return process.wait(timeout=30), " ".join(seen.decode(errors="replace").split())
    finally:
        process.kill()
        os.close(leader)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_in_a_terminal_it_asks_first(data_dir, backup):
    make_account(data_dir, "kim")
    live = data_dir / "tending.sqlite3"
    before = fingerprint(live)

    code, said = answer_in_terminal(data_dir, backup, "no")
    assert f"This replaces everything in {live} with the backup from {backup}" in said
    assert "1 account). Please stop tending first" in said
    assert code == 1 and "Nothing was changed." in said
    assert fingerprint(live) == before and safety_copies(data_dir) == []

    code, said = answer_in_terminal(data_dir, backup, "yes")
    assert code == 0, said
    assert "Restored tending from" in said
    assert usernames(live) == ["robin"]


def test_restore_into_a_new_data_folder(tmp_path, backup):
    fresh = tmp_path / "new-computer"
    result = run_tending(fresh, "restore", str(backup), "--yes")
    assert result.returncode == 0, result.stderr
    assert "Restored tending from" in result.stdout and "kept in" not in result.stdout
    live = fresh / "tending.sqlite3"
    assert usernames(live) == ["robin"]
    assert stat.S_IMODE(live.stat().st_mode) == 0o600
    assert safety_copies(fresh) == []


def test_a_restore_logs_everyone_out(data_dir, backup):
    # A session that was alive when the backup was made, and ended since (a logout, or a
    # password change that ended every other session), must not come back with it.
    connection = sqlite3.connect(backup)
    connection.execute(
        "INSERT INTO django_session (session_key, session_data, expire_date) "
        "VALUES ('a-session-from-the-backup', 'x', '2999-01-01 00:00:00')"
    )
    connection.commit()
    connection.close()
    result = run_tending(data_dir, "restore", str(backup), "--yes")
    assert result.returncode == 0, result.stderr
    live = data_dir / "tending.sqlite3"
    assert query(live, "SELECT COUNT(*) FROM django_session") == [(0,)]
    assert "Everyone needs to log in again" in result.stdout
