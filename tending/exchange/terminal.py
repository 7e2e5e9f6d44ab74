"""`tending backup` and `tending restore`: keep a copy of everything, and bring it back."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from tending.core.terminal_support import CommandError, migrate, setup_django

PASSWORD_HINT = (
    "Give the password in the PGPASSWORD environment variable or in ~/.pgpass; "
    "it is not shown here."
)


def add_arguments(backup: argparse.ArgumentParser, restore: argparse.ArgumentParser) -> None:
    backup.add_argument(
        "path",
        type=Path,
        metavar="PATH",
        help="the backup file to make, or a folder to put a dated one in",
    )
    restore.add_argument("path", type=Path, metavar="PATH", help="the backup file to restore")
    restore.add_argument(
        "--yes", action="store_true", help="do not ask first (for scripts; be sure of the file)"
    )


def _live_database() -> Mapping[str, Any]:
    """Django's settings for the database tending uses (SQLite or PostgreSQL)."""
    setup_django()
    from django.conf import settings

    return settings.DATABASES["default"]


def _postgres_help(database: Mapping[str, Any], file: Path, restoring: bool) -> str:
    from tending.exchange.backup import postgres_commands

    dump, restore = postgres_commands(database, file)
    if restoring:
        return (
            "tending keeps its data in PostgreSQL here, which has its own tool for this. "
            f"Stop tending, then run:\n  {restore}\n{PASSWORD_HINT} "
            "tending brings an older backup up to date when it starts."
        )
    return (
        "tending keeps its data in PostgreSQL here, which has its own tool for this. "
        f"To make a backup, run:\n  {dump}\n{PASSWORD_HINT}"
    )


def _is_postgres(database: Mapping[str, Any]) -> bool:
    return database["ENGINE"] == "django.db.backends.postgresql"


def backup(args: argparse.Namespace) -> int:
    from tending.exchange.backup import (
        ExchangeError,
        backup_database,
        choose_destination,
        human_size,
    )

    database = _live_database()
    if _is_postgres(database):
        target = choose_destination(args.path, suffix=".dump")
        raise CommandError(_postgres_help(database, target, restoring=False))
    try:
        result = backup_database(Path(database["NAME"]), args.path)
    except ExchangeError as exc:
        raise CommandError(str(exc)) from None
    print(f"The backup is in {result.path} ({human_size(result.size)}).")
    print("Keep it somewhere safe and private: it holds everything you wrote.")
    return 0


def known_migrations() -> set[tuple[str, str]]:
    """Every migration this version of tending ships, read from disk, not from a database."""
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def confirm(question: str, read: Callable[[str], str], interactive: bool) -> bool:
    if not interactive:
        raise CommandError(
            "Restoring replaces everything in tending, so it asks first. "
            "Run it in a terminal, or add --yes if you are sure."
        )
    try:
        answer = read(f"{question} Type yes to go on: ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def end_every_session() -> None:
    """Log everyone out after a restore.

    The backup holds the sessions of its day: one ended since (by logging out, or by a
    password change that ended every other session) would otherwise work again.
    """
    from django.contrib.sessions.models import Session

    from tending.core.models import LoginThrottle

    Session.objects.all().delete()
    LoginThrottle.objects.all().delete()


def restore(
    args: argparse.Namespace,
    read: Callable[[str], str] = input,
    interactive: bool | None = None,
) -> int:
    from tending.exchange.backup import (
        ExchangeError,
        applied_migrations,
        check_backup,
        check_schema,
        restore_database,
    )
    from tending.exchange.migrated import expected_schema

    database = _live_database()
    if _is_postgres(database):
        raise CommandError(_postgres_help(database, args.path.expanduser(), restoring=True))
    live = Path(database["NAME"])
    try:
        info = check_backup(args.path, known_migrations())
        check_schema(info.path, expected_schema(info.migrations, info.path))
    except ExchangeError as exc:
        raise CommandError(str(exc)) from None
    if live.exists() and info.path.samefile(live):
        raise CommandError(f"{info.path} is the database tending uses now, not a backup.")
    if not args.yes:
        question = (
            f"This replaces everything in {live} with the backup from {info.path} "
            f"(file dated {info.made:%d %B %Y at %H:%M}, {info.accounts} account(s)). "
            "Please stop tending first if it is running."
        )
        is_terminal = sys.stdin.isatty() if interactive is None else interactive
        if not confirm(question, read, is_terminal):
            print("Nothing was changed.")
            return 1
    from django.db import connections

    connections.close_all()  # nothing of Django's may hold the old file open meanwhile
    try:
        result = restore_database(info.path, live)
    except ExchangeError as exc:
        raise CommandError(str(exc)) from None
    kept = (
        f"What was there before is kept in {result.safety_copy}, in case you need it."
        if result.safety_copy
        else ""
    )
    try:
        migrate(always=True)  # also mends search indexes, whatever the backup held
        end_every_session()
    except Exception as exc:  # any failure here must still say where the data is
        raise CommandError(
            f"The backup was restored, but could not be brought up to date ({exc}). {kept}"
        ) from None
    finally:
        connections.close_all()
    steps = len(applied_migrations(live) - info.migrations)
    print(f"Restored tending from {info.path}.")
    print("Everyone needs to log in again, with the password they had when the backup was made.")
    if steps:
        print(f"It came from an older tending, so it was brought up to date ({steps} steps).")
    if kept:
        print(kept)
    return 0
