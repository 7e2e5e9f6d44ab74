"""`tending backup`: a sound, private, self-contained copy, and a clear no for bad paths."""

from __future__ import annotations

import re
import stat

import pytest

from tests.exchange.helpers import one_line_error, query, run_tending, usernames


def test_backup_into_a_folder_is_dated_private_and_self_contained(data_dir, tmp_path):
    shelf = tmp_path / "backups"
    shelf.mkdir()
    result = run_tending(data_dir, "backup", str(shelf))
    assert result.returncode == 0, result.stderr
    [made] = list(shelf.iterdir())  # no temporary or -journal file left beside it
    assert re.fullmatch(r"tending-backup-\d{8}-\d{6}\.sqlite3", made.name)
    assert f"The backup is in {made} (" in result.stdout
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    # Bytes 18 and 19 are 2 in WAL mode; 1 means the file needs no -wal beside it.
    assert made.read_bytes()[18:20] == b"\x01\x01"
    assert query(made, "PRAGMA integrity_check") == [("ok",)]
    assert usernames(made) == ["robin"]


def test_backup_to_a_file_name(data_dir, tmp_path):
    target = tmp_path / "sunday.sqlite3"
    result = run_tending(data_dir, "backup", str(target))
    assert result.returncode == 0, result.stderr
    assert usernames(target) == ["robin"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_existing_file_is_never_overwritten(data_dir, tmp_path):
    target = tmp_path / "precious.sqlite3"
    target.write_bytes(b"keep me")
    line = one_line_error(run_tending(data_dir, "backup", str(target)))
    assert "There is already a file at" in line and "never writes over a file" in line
    assert target.read_bytes() == b"keep me"


def test_a_missing_folder_is_refused(data_dir, tmp_path):
    line = one_line_error(run_tending(data_dir, "backup", str(tmp_path / "nope" / "b.sqlite3")))
    assert f"The folder {tmp_path / 'nope'} does not exist" in line


def test_a_folder_it_cannot_write_in_is_refused(data_dir, tmp_path, monkeypatch):
    # Root may write anywhere, so the refusal is provoked where the file would be made.
    from tending.exchange import backup

    def refuse(**kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(backup.tempfile, "mkstemp", refuse)
    with pytest.raises(backup.ExchangeError) as refused:
        backup.backup_database(data_dir / "tending.sqlite3", tmp_path)
    assert str(refused.value) == f"tending cannot write in {tmp_path} (Permission denied)."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_nothing_to_back_up_in_a_fresh_folder(tmp_path):
    line = one_line_error(run_tending(tmp_path / "fresh", "backup", str(tmp_path)))
    assert "nothing to back up" in line


POSTGRES = {"DATABASE_URL": "postgres://u:secret@127.0.0.1:5432/x"}


def test_postgres_backup_names_pg_dump_without_the_password(tmp_path):
    result = run_tending(tmp_path, "backup", str(tmp_path / "x.dump"), env=POSTGRES)
    assert result.returncode == 1
    said = result.stdout + result.stderr
    assert "secret" not in said
    command = f"pg_dump --format=custom --file={tmp_path / 'x.dump'} --host=127.0.0.1"
    assert command + " --port=5432 --username=u x" in said
    assert "PGPASSWORD" in said and "~/.pgpass" in said
    assert not (tmp_path / "x.dump").exists()


def test_postgres_restore_names_pg_restore_without_the_password(tmp_path):
    result = run_tending(tmp_path, "restore", str(tmp_path / "x.dump"), "--yes", env=POSTGRES)
    assert result.returncode == 1
    said = result.stdout + result.stderr
    assert "secret" not in said
    command = "pg_restore --clean --if-exists --no-owner --host=127.0.0.1 --port=5432"
    assert f"{command} --username=u --dbname x {tmp_path / 'x.dump'}" in said
    assert "Stop tending" in said and "PGPASSWORD" in said


def test_help_says_to_stop_tending_before_restoring(tmp_path):
    top = run_tending(tmp_path, "--help").stdout
    assert "backup" in top and "restore" in top
    restore_help = " ".join(run_tending(tmp_path, "restore", "--help").stdout.split())
    assert "stop tending first" in restore_help and "--yes" in restore_help
    backup_help = " ".join(run_tending(tmp_path, "backup", "--help").stdout.split())
    assert "while tending is running" in backup_help
