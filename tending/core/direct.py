"""The personal SQLite database read and written without Django, for the everyday commands.

Setting up Django costs more than the rest of `tending log` and `tending journal search`
together, so on the common path they use Python's own sqlite3. They do so only when they
can be sure of doing exactly what the Django path does; whenever they cannot, `NotSure` is
raised, nothing has been written, and the command takes the Django path instead:

- Django is already running in this process (its connection is the one to use);
- settings other than tending's own, PostgreSQL, or settings that cannot be read;
- no database yet, or a migration the code ships that the database has not recorded;
- any problem the person must hear about (an unknown account, a name that fits nobody or
  several people, a time still to come, ...): the Django path says it, in its own words;
- anything else unexpected from SQLite.

No Django module that sets up the ORM, forms or templates may be imported here or by what
the quick paths import (`tests/moments/test_direct_log.py` checks a real process).
"""

from __future__ import annotations

import importlib.util
import os
import pkgutil
import sqlite3
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from tending.core.dates import zone_named

Node = tuple[str, str]  # a migration: (app label, name)
T = TypeVar("T")

SQLITE_ENGINE = "django.db.backends.sqlite3"
KNOWN_OPTIONS = {"transaction_mode", "timeout", "init_command"}
NAME_LENGTH = 150  # the user model's username field, as tending.core.accounts.NAME_LENGTH


class NotSure(Exception):
    """The quick path cannot be sure; nothing was written, and the Django path takes over."""


# Migrations, by their files' names ---------------------------------------------------------


def migration_names(label: str, folders: Iterable[str]) -> set[Node]:
    """The migrations in an app's migrations folders, named as Django names them.

    Modules not starting with _ or ~, packages left out; nothing is imported.
    """
    return {
        (label, name)
        for _, name, is_package in pkgutil.iter_modules(list(folders))
        if not is_package and name[0] not in "_~"
    }


def package_folders(module: str) -> list[str]:
    """Where the package `module` lives, found without importing it or its parents.

    Importing `django.contrib.auth` to find its migrations would load much of Django. A
    package with no __init__.py (a namespace) is not looked through: NotSure.
    """
    top, *rest = module.split(".")
    spec = importlib.util.find_spec(top)  # a top-level name: found, not imported
    folders = list(spec.submodule_search_locations or []) if spec else []
    for part in rest:
        inside = [os.path.join(folder, part) for folder in folders]
        packages = [f for f in inside if os.path.isfile(os.path.join(f, "__init__.py"))]
        if not packages and any(os.path.isdir(f) for f in inside):
            raise NotSure(f"{module} is a namespace package")
        folders = packages[:1]
    return folders


def shipped_migrations(installed_apps: Iterable[str]) -> frozenset[Node]:
    """Every migration the code ships, without Django: each app labelled as Django's default
    (the last part of its name), its migrations in its `migrations` package."""
    found: set[Node] = set()
    for app in installed_apps:
        found |= migration_names(app.rpartition(".")[2], package_folders(f"{app}.migrations"))
    return frozenset(found)


# The database --------------------------------------------------------------------------------


def sqlite_settings():
    """tending's settings, if they name a SQLite database this path can open as Django would."""
    if "django.db" in sys.modules:
        raise NotSure("Django is running here already")
    if os.environ.get("DJANGO_SETTINGS_MODULE", "tending.settings") != "tending.settings":
        raise NotSure("other settings")
    try:
        from tending import settings
    except Exception as exc:  # the Django path says what is wrong, as it always has
        raise NotSure("the settings cannot be read") from exc
    check_settings(settings)
    return settings


def check_settings(settings) -> None:
    """NotSure unless `settings` name one SQLite database, opened as this path opens it."""
    databases = getattr(settings, "DATABASES", {})
    database = databases.get("default", {})
    if (
        database.get("ENGINE") != SQLITE_ENGINE
        or set(databases) != {"default"}
        or not set(database.get("OPTIONS", {})) <= KNOWN_OPTIONS
        or database.get("TIME_ZONE")
        or getattr(settings, "MIGRATION_MODULES", None)
        or not getattr(settings, "USE_TZ", False)
    ):
        raise NotSure("not the personal SQLite database")


def connect(path: Path, options: dict) -> sqlite3.Connection:
    """The database at `path` (which must exist), set up as Django sets up its connection."""
    if not path.is_file():
        raise NotSure("no database yet")
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=rw",
            uri=True,
            timeout=options.get("timeout", 5),
            isolation_level=None,  # transactions are begun here, as Django begins them
        )
        for command in (
            "PRAGMA foreign_keys = ON",
            "PRAGMA legacy_alter_table = OFF",
            *options.get("init_command", "").split(";"),
        ):
            if command.strip():
                connection.execute(command.strip())
    except sqlite3.Error as exc:
        raise NotSure("the database cannot be opened") from exc
    return connection


def recorded_migrations(connection: sqlite3.Connection) -> frozenset[Node]:
    try:
        return frozenset(connection.execute("SELECT app, name FROM django_migrations"))
    except sqlite3.Error as exc:
        raise NotSure("no migrations recorded") from exc


def personal_database() -> tuple[sqlite3.Connection, dict]:
    """The open database and its options, up to date with the code's migrations."""
    settings = sqlite_settings()
    database = settings.DATABASES["default"]
    options = dict(database.get("OPTIONS", {}))
    connection = connect(Path(database["NAME"]), options)
    try:
        check_up_to_date(connection, settings.INSTALLED_APPS)
    except BaseException:
        connection.close()
        raise
    return connection, options


def check_up_to_date(connection: sqlite3.Connection, installed_apps: Iterable[str]) -> None:
    """NotSure while the code ships a migration the database has not recorded (the Django
    path then migrates, as it would have)."""
    if not shipped_migrations(installed_apps) <= recorded_migrations(connection):
        raise NotSure("a migration is not recorded yet")


def run_quickly(work: Callable[[sqlite3.Connection, dict], T]) -> T:
    """`work` on the personal database; NotSure (after closing it) when it cannot be sure."""
    connection, options = personal_database()
    try:
        return work(connection, options)
    except (sqlite3.Error, UnicodeError) as exc:
        raise NotSure("SQLite said no") from exc
    finally:
        connection.close()


def in_transaction(connection: sqlite3.Connection, options: dict, work: Callable[[], T]) -> T:
    """`work` in one transaction, begun as Django begins it; rolled back if anything fails."""
    mode = options.get("transaction_mode")
    connection.execute(f"BEGIN {mode.upper()}" if mode else "BEGIN")
    try:
        result = work()
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return result


# Values as Django stores them --------------------------------------------------------------


def stored_time(moment: datetime) -> str:
    """An aware time as Django keeps it in SQLite: in UTC, without its zone, str()'s format."""
    return str(moment.astimezone(UTC).replace(tzinfo=None))


def login_name(typed: str) -> str:
    """As tending.core.accounts.login_name (Django's login form): stripped, then NFKC."""
    value = str(typed or "").strip()
    return value if len(value) > NAME_LENGTH else unicodedata.normalize("NFKC", value)


@dataclass(frozen=True)
class Account:
    id: int
    zone: ZoneInfo


def pick_account(connection: sqlite3.Connection, username: str | None) -> Account:
    """The account named, or the only one; NotSure otherwise (the Django path explains)."""
    if username:
        rows = connection.execute(
            "SELECT id, time_zone FROM core_user WHERE username = ? ORDER BY username LIMIT 2",
            [login_name(username)],
        ).fetchall()
    else:
        rows = connection.execute(
            "SELECT id, time_zone FROM core_user ORDER BY username LIMIT 2"
        ).fetchall()
    if len(rows) != 1:
        raise NotSure("no account, or several")
    (pk, time_zone), *_ = rows
    return Account(pk, zone_named(time_zone))
