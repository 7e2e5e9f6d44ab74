"""The quick paths' ground: when they step aside, and the pieces they share with Django's."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from tending.core import direct, terminal_support
from tending.core.accounts import login_name
from tending.core.dates import zone_named
from tending.core.direct import NotSure

# The terminal's paths without Django exist only for the personal SQLite file.
pytestmark = pytest.mark.sqlite_only

ZONES = st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kathmandu"])


@given(st.text(max_size=160) | st.text(alphabet=" ｓaＳﬀ½\u00a0\t", max_size=160))
def test_login_names_are_read_as_django_reads_them(typed):
    assert direct.login_name(typed) == login_name(typed)


@given(st.datetimes(timezones=st.builds(zone_named, ZONES)))
def test_times_are_stored_as_django_stores_them(moment):
    assert direct.stored_time(moment) == connection.ops.adapt_datetimefield_value(moment)


def test_the_shipped_migrations_are_found_as_django_finds_them(db):
    without = direct.shipped_migrations(django_settings.INSTALLED_APPS)
    assert without == terminal_support.shipped_migrations()
    assert ("journal", "0005_rendered_body") in without and ("auth", "0001_initial") in without


def test_a_package_without_init_is_not_looked_through(tmp_path, monkeypatch):
    (tmp_path / "loose" / "migrations").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(NotSure):
        direct.package_folders("loose.migrations")
    assert direct.package_folders("tending.nothing_here.migrations") == []


PERSONAL = {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": "/somewhere/tending.sqlite3",
    "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": ""},
}


def settings_with(**changes):
    values = {"DATABASES": {"default": dict(PERSONAL)}, "USE_TZ": True, **changes}
    return SimpleNamespace(**values)


def test_only_the_personal_sqlite_database_is_used_directly():
    direct.check_settings(settings_with())
    direct.check_settings(django_settings)  # tending's own, as the tests run them
    postgres = {**PERSONAL, "ENGINE": "django.db.backends.postgresql"}
    for unusual in (
        settings_with(DATABASES={"default": postgres}),
        settings_with(DATABASES={"default": PERSONAL, "other": PERSONAL}),
        settings_with(DATABASES={"default": {**PERSONAL, "OPTIONS": {"check_same_thread": 1}}}),
        settings_with(DATABASES={"default": {**PERSONAL, "TIME_ZONE": "Europe/Berlin"}}),
        settings_with(MIGRATION_MODULES={"journal": "elsewhere"}),
        settings_with(USE_TZ=False),
    ):
        with pytest.raises(NotSure):
            direct.check_settings(unusual)


def test_with_django_running_its_connection_is_used():
    assert "django.db" in sys.modules
    with pytest.raises(NotSure):
        direct.sqlite_settings()


def test_no_database_yet_is_left_to_django(tmp_path):
    with pytest.raises(NotSure):
        direct.connect(tmp_path / "tending.sqlite3", {})
    assert not (tmp_path / "tending.sqlite3").exists()


def test_a_migration_not_recorded_is_left_to_django(tmp_path):
    database = sqlite3.connect(tmp_path / "t.sqlite3")
    with pytest.raises(NotSure):  # no django_migrations table at all
        direct.check_up_to_date(database, ["tending.journal"])
    database.execute("CREATE TABLE django_migrations (app, name)")
    shipped = direct.shipped_migrations(["tending.journal"])
    database.executemany("INSERT INTO django_migrations VALUES (?, ?)", sorted(shipped)[:-1])
    with pytest.raises(NotSure):
        direct.check_up_to_date(database, ["tending.journal"])
    database.execute("INSERT INTO django_migrations VALUES (?, ?)", sorted(shipped)[-1])
    direct.check_up_to_date(database, ["tending.journal"])


def test_the_connection_is_set_up_as_djangos(tmp_path):
    path = tmp_path / "t.sqlite3"
    sqlite3.connect(path).close()
    opened = direct.connect(
        path, {"init_command": "PRAGMA journal_mode=WAL;PRAGMA busy_timeout=20000;"}
    )
    assert opened.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert opened.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert opened.execute("PRAGMA busy_timeout").fetchone() == (20000,)


# Real processes ------------------------------------------------------------------------------

# Runs a command as `tending` does, then says what it imported of Django.
SHOW_IMPORTS = (
    "import json, sys\n"
    "from tending.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print(json.dumps(sorted(m for m in sys.modules if m.startswith('django'))))\n"
    "sys.exit(code)\n"
)


def run(data: Path, *args: str, env: dict | None = None, script: str = SHOW_IMPORTS):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TENDING_")}
    for name in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE"):
        environment.pop(name, None)
    environment.update(TENDING_DATA_DIR=str(data), **(env or {}))
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        env=environment,
        input="a long enough password\n",
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def data_folder(tmp_path):
    assert run(tmp_path, "createuser", "sam", "--password-stdin").returncode == 0
    made = run(
        tmp_path,
        "manage",
        "shell",
        "-c",
        "from datetime import date; from tending.circle.models import Person; "
        "from tending.journal.models import Entry; from tending.journal.services import "
        "save_entry; from tending.core.models import User; u = User.objects.get(); "
        "Person.objects.create(owner=u, name='Alex Chen'); "
        "save_entry(u, Entry(title='By the sea', body='A **walk** & more', "
        "written_on=date(2026, 3, 1)))",
    )
    assert made.returncode == 0, made.stderr
    return tmp_path


def imported(result) -> list[str]:
    return json.loads(result.stdout.splitlines()[-1])


HEAVY = ("django.db", "django.template", "django.forms", "django.apps", "django.conf")


@pytest.mark.one_database
def test_log_and_search_load_no_django_orm_and_the_moment_is_kept(data_folder):
    logged = run(data_folder, "log", "Alex", "--note", "tea", "--tag", "Walk")
    assert logged.returncode == 0, logged.stderr
    assert logged.stdout.startswith("Logged a moment with Alex Chen on ")
    found = run(data_folder, "journal", "search", "walk")
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("2026-03-01  By the sea\n    A [walk] & more\n1 entry.\n")
    for result in (logged, found):
        assert [m for m in imported(result) if m.startswith(HEAVY)] == []
    with sqlite3.connect(data_folder / "tending.sqlite3") as database:
        assert database.execute("SELECT note FROM moments_moment").fetchall() == [("tea",)]
        assert database.execute(
            "SELECT last_moment_at = (SELECT occurred_at FROM moments_moment) FROM circle_person"
        ).fetchall() == [(1,)]


@pytest.mark.one_database
def test_an_unrecorded_migration_takes_the_django_path_which_migrates(data_folder):
    back = run(data_folder, "manage", "migrate", "journal", "0004", "--verbosity", "0")
    assert back.returncode == 0, back.stderr
    logged = run(data_folder, "log", "Alex")
    assert logged.returncode == 0, logged.stderr
    assert "django.db" in imported(logged)
    with sqlite3.connect(data_folder / "tending.sqlite3") as database:
        recorded = set(database.execute("SELECT app, name FROM django_migrations"))
        assert ("journal", "0005_rendered_body") in recorded
        assert database.execute("SELECT count(*) FROM moments_moment").fetchone() == (1,)


@pytest.mark.one_database
def test_a_refusal_and_postgresql_take_the_django_path(data_folder):
    refused = run(data_folder, "log", "Nobody")
    assert refused.returncode == 1
    assert "Nobody called 'Nobody' is in your circle." in refused.stderr
    assert "django.db" in imported(refused)
    elsewhere = {"DATABASE_URL": "postgres://nobody@127.0.0.1:9/none"}
    hosted = run(
        data_folder,
        "log",
        "Alex",
        env=elsewhere,
        script="from tending.cli import main; import sys; sys.exit(main(sys.argv[1:]))",
    )
    assert hosted.returncode != 0  # nothing listens there: Django's own error
    with sqlite3.connect(data_folder / "tending.sqlite3") as database:
        assert database.execute("SELECT count(*) FROM moments_moment").fetchone() == (0,)
