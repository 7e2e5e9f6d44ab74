"""The command starts quickly: help without Django, and migrate only when there is work."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tending.core import terminal_support
from tending.core.terminal_support import migrations_pending, recorded_migrations

ROOT = Path(__file__).resolve().parent.parent


def run_tending(data_dir: Path, *args: str, python_flags: tuple[str, ...] = ()):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TENDING_")}
    environment.pop("DATABASE_URL", None)
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment["TENDING_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, *python_flags, "-m", "tending", *args],
        env=environment,
        input="a long enough password\n",
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_nothing_to_do_when_every_shipped_migration_is_recorded():
    shipped = {("journal", "0001_initial"), ("core", "0001_initial")}
    assert not migrations_pending(shipped, shipped)
    # A newer tending's migrations in the database (or squashed-away names) are no work.
    assert not migrations_pending(shipped, shipped | {("journal", "0099_from_later")})


def test_a_new_database_or_a_new_migration_means_migrate():
    shipped = {("journal", "0001_initial"), ("journal", "0002_more")}
    assert migrations_pending(shipped, set())  # a new data folder: nothing recorded
    assert migrations_pending(shipped, {("journal", "0001_initial")})  # upgraded code
    assert migrations_pending(shipped, {("circle", "0002_more"), ("journal", "0001_initial")})


def test_the_shipped_names_are_the_ones_django_finds(db):
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    assert terminal_support.shipped_migrations() == set(loader.disk_migrations)
    assert ("auth", "0001_initial") in terminal_support.shipped_migrations()


def test_an_up_to_date_database_skips_migrate(db, monkeypatch):
    ran = []
    monkeypatch.setattr("django.core.management.call_command", lambda *a, **k: ran.append(a))
    assert terminal_support.shipped_migrations() <= recorded_migrations()
    assert terminal_support.migrate() is False
    assert ran == []


def test_a_changed_stamp_runs_migrate(db, monkeypatch):
    ran = []
    monkeypatch.setattr("django.core.management.call_command", lambda *a, **k: ran.append(a))
    newer = terminal_support.shipped_migrations() | {("journal", "9999_from_an_upgrade")}
    monkeypatch.setattr(terminal_support, "shipped_migrations", lambda: newer)
    assert terminal_support.migrate() is True
    assert ran == [("migrate",)]


def test_always_migrates_when_asked(db, monkeypatch):
    ran = []
    monkeypatch.setattr("django.core.management.call_command", lambda *a, **k: ran.append(a))
    assert terminal_support.migrate(always=True) is True
    assert ran == [("migrate",)]


def test_checkin_help_sets_up_no_django_and_touches_no_data(tmp_path):
    data = tmp_path / "never-made"
    result = run_tending(data, "checkin", "--help", python_flags=("-X", "importtime"))
    assert result.returncode == 0
    assert "instrument" in result.stdout
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert "django" not in imported and "tending.settings" not in imported
    assert not any(name.startswith(("django.", "cmarkgfm")) for name in imported)
    assert not data.exists()


@pytest.mark.one_database  # child processes on a SQLite file of their own
def test_a_new_data_folder_and_an_upgraded_tending_both_migrate(tmp_path):
    made = run_tending(tmp_path, "createuser", "sam", "--password-stdin")
    assert made.returncode == 0, made.stderr
    database = tmp_path / "tending.sqlite3"

    def recorded() -> set[tuple[str, str]]:
        with sqlite3.connect(database) as connection:
            return set(connection.execute("SELECT app, name FROM django_migrations"))

    everything = recorded()
    assert ("journal", "0005_rendered_body") in everything
    # The database as an older tending left it: the journal's last migration not yet made.
    back = run_tending(tmp_path, "manage", "migrate", "journal", "0004", "--verbosity", "0")
    assert back.returncode == 0, back.stderr
    assert ("journal", "0005_rendered_body") not in recorded()
    searched = run_tending(tmp_path, "journal", "search", "walk")
    assert searched.returncode == 0, searched.stderr
    assert recorded() == everything


def load_speed_script():
    spec = importlib.util.spec_from_file_location("cli_speed", ROOT / "scripts" / "cli_speed.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["cli_speed"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_the_speed_verdict_fails_only_a_ratio_over_the_limit():
    speed = load_speed_script()
    fast = speed.Row("checkin --help", tending_ms=100, jrnl_ms=200)
    even = speed.Row("log", tending_ms=240, jrnl_ms=200)
    slow = speed.Row("journal search", tending_ms=241, jrnl_ms=200)
    assert fast.ratio == 0.5 and even.ratio == pytest.approx(1.2)
    assert speed.over_limit([fast, even, slow]) == [slow]
    assert speed.over_limit([fast, even]) == []
    assert speed.over_limit([fast], limit=0.4) == [fast]
    fast_line, slow_line = speed.table([fast, slow]).splitlines()[-2:]
    assert " 0.50 " in fast_line and "over" not in fast_line
    assert " 1.21 " in slow_line and slow_line.endswith("over 1.2")


def test_the_verdict_is_on_cpu_time_not_wall_time():
    speed = load_speed_script()
    busy = speed.Row("log", tending_ms=200, jrnl_ms=200, tending_wall_ms=900, jrnl_wall_ms=300)
    assert busy.ratio == 1.0 and busy.wall_ratio == 3.0
    assert speed.over_limit([busy]) == []


def test_the_speed_script_gives_both_sides_the_same_entries():
    speed = load_speed_script()
    entries = speed.sample_entries()
    assert len(entries) == speed.ENTRIES == 100
    assert all(speed.WORD in body for _, _, body in entries)
    assert len({day for day, _, _ in entries}) == 100
