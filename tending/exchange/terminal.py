"""`tending backup`/`restore` (the whole database) and `tending export`/`import` (one account)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
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


def add_document_commands(commands: argparse._SubParsersAction) -> None:
    """`tending export` and `tending import`: everything as one JSON document, and back."""
    from tending.exchange.formats import EXPORT_FORMATS

    export = commands.add_parser(
        "export",
        help="write your account to a file: everything as JSON, or as CSV, Markdown or vCard",
        description="Write an account to PATH (- for standard output). --format json (the "
        "default): everything it holds, as one JSON document that `tending import` reads back; "
        "csv: a zip of spreadsheets, one CSV file per kind (people, moments, check-ins and "
        "their answers, daily pulses, journal without its text) and a README.txt; markdown: "
        "a zip with the journal, one .md file per entry with its date, title, tags, people "
        "and prompt at the top; vcard: everyone in your circle as contacts (vCard 4.0) for a "
        "phone or mail app. If PATH is a folder, the file is named tending-export-DATE-TIME "
        "with the format's ending (.json, .csv.zip, .md.zip, .vcf); an existing file is never "
        "overwritten. Passwords and secret links are never in any of them.",
    )
    export.add_argument("path", metavar="PATH", help="the file to write, a folder, or -")
    export.add_argument(
        "--format", choices=list(EXPORT_FORMATS), default="json", help="(default: json)"
    )
    export.add_argument("--user", metavar="NAME", help="whose account (when there are several)")
    from tending.exchange.foreign import SOURCES

    load = commands.add_parser(
        "import",
        help="bring in a tending JSON export (into an empty account), or another tool's file",
        description="Read FILE (- for standard input) and add what it holds to an account. "
        "--from tending (the default): a JSON document made by `tending export`, added to an "
        "account that has no data yet, all of it or nothing. "
        f"--from {'|'.join(sorted(SOURCES))}: a file from another tool (for example jrnl's "
        "journal file or its JSON or Markdown export, or Day One's JSON export, .zip or "
        "Journal.json), added to an "
        "account that may already hold data: it shows what will be added, what is there "
        "already (left out, so importing a file twice adds nothing) and what is kept as text, "
        "then adds it in one go. --dry-run shows the preview and writes nothing. The mapping "
        "of each tool is in docs/importing.md.",
    )
    load.add_argument("file", metavar="FILE", help="the file to read, or -")
    load.add_argument(
        "--from",
        dest="source",
        choices=["tending", *sorted(SOURCES)],
        default="tending",
        help="which tool made FILE (default: tending)",
    )
    load.add_argument("--user", metavar="NAME", help="whose account (when there are several)")
    load.add_argument(
        "--dry-run", action="store_true", help="check, count and preview; write nothing"
    )


def export(args: argparse.Namespace) -> int:
    from tending.core.terminal_support import pick_user
    from tending.exchange.formats import EXPORT_FORMATS

    chosen = EXPORT_FORMATS[getattr(args, "format", "json")]
    if args.path == "-" and chosen.suffix.endswith(".zip") and sys.stdout.isatty():
        raise CommandError(
            f"The {chosen.name} export is a zip file, which a terminal cannot show. "
            f"Give a file name, or send it on: tending export --format {chosen.name} - > "
            f"export{chosen.suffix}"
        )
    setup_django()
    migrate()
    user = pick_user(args.user)
    if args.path == "-":
        sys.stdout.flush()
        try:
            counts = chosen.write(user, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        except BrokenPipeError:  # the reader stopped early (`| head`): not worth a traceback
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
        print(_export_said(user, counts, "standard output"), file=sys.stderr)
        return 0
    target = _export_destination(Path(args.path), chosen.suffix)
    counts = _export_to_file(user, target, chosen.write)
    print(_export_said(user, counts, str(target)))
    print("Keep it somewhere safe and private: it holds what you wrote.")
    return 0


def _export_destination(path: Path, suffix: str = ".json") -> Path:
    from tending.exchange.backup import stamp

    path = path.expanduser()
    if path.is_dir():
        path = path / f"tending-export-{stamp()}{suffix}"
    if path.exists() or path.is_symlink():
        raise CommandError(
            f"There is already a file at {path}. Choose another name: "
            "tending never writes over a file."
        )
    if not path.parent.is_dir():
        raise CommandError(f"The folder {path.parent} does not exist. Make it first.")
    return path


def _export_to_file(user, target: Path, write) -> dict[str, int]:
    """Write to a hidden file beside the target, and give it its name only once complete."""
    from tending.exchange.backup import ExchangeError, _move_into_place

    try:
        handle, name = tempfile.mkstemp(
            dir=target.parent, prefix=".tending-export-", suffix=".partial"
        )
    except OSError as exc:
        raise CommandError(f"tending cannot write in {target.parent} ({exc.strerror}).") from None
    partial = Path(name)
    try:
        os.chmod(partial, 0o600)  # it holds everything a person wrote
        with os.fdopen(handle, "wb") as out:
            counts = write(user, out)
            out.flush()
            os.fsync(out.fileno())
        _move_into_place(partial, target)
    except ExchangeError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"The export could not be written ({exc.strerror}).") from None
    finally:
        partial.unlink(missing_ok=True)
    return counts


# How each count reads in the summary line, in the order shown.
COUNTED = (
    ("people", "people"),
    ("moments", "moments"),
    ("checkins", "check-ins"),
    ("pulses", "daily pulses"),
    ("journal_entries", "journal entries"),
)


def _export_said(user, counts: dict[str, int], where: str) -> str:
    parts = [f"{counts[key]} {words}" for key, words in COUNTED if key in counts]
    rest = " and everything else" if "tags" in counts else ""  # the JSON document
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else "".join(parts)
    if rest:
        listed = ", ".join(parts) + rest
    return f"Exported {user.username!r} to {where}: {listed}."


def import_command(args: argparse.Namespace) -> int:
    from tending.core.terminal_support import pick_user
    from tending.exchange.checking import DocumentError, parse_document
    from tending.exchange.importer import ImportRefused, import_document

    data = _read_input(args.file)
    if args.source != "tending":
        from tending.exchange.foreign_terminal import foreign_import

        return foreign_import(args, data)
    setup_django()
    migrate()
    user = pick_user(args.user)
    try:
        summary = import_document(parse_document(data), user, dry_run=args.dry_run)
    except DocumentError as exc:
        name = "standard input" if args.file == "-" else args.file
        raise CommandError(f"{name}: {exc} Nothing was changed.") from None
    except ImportRefused as exc:
        raise CommandError(str(exc)) from None
    added = summary.lines()
    if args.dry_run:
        print(f"Checked {args.file}: it is sound. Nothing was written (--dry-run).")
        print(f"Importing it into {user.username!r} would add:" if added else "It holds nothing.")
    else:
        print(
            f"Imported {args.file} into {user.username!r}. Added:" if added else "Nothing to add."
        )
    for line in added:
        print(f"  {line}")
    if summary.upgraded_from is not None:
        print(f"It came from an older tending (format {summary.upgraded_from}) and was updated.")
    if summary.added.get("calendar") and not args.dry_run:
        print("The calendar link is not carried over: make a new one on the Calendar page.")
    return 0


# Thirty years of a full life export to about 40 MB; far beyond that is not an export.
LARGEST_DOCUMENT = 512 * 1024 * 1024


def _read_input(name: str) -> bytes:
    if name == "-":
        data = sys.stdin.buffer.read(LARGEST_DOCUMENT + 1)
    else:
        path = Path(name).expanduser()
        if path.is_dir():
            raise CommandError(f"{path} is a folder; please give the file itself.")
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        try:
            with path.open("rb") as handle:
                data = handle.read(LARGEST_DOCUMENT + 1)
        except OSError as exc:
            raise CommandError(f"{path} could not be read ({exc.strerror}).") from None
    if len(data) > LARGEST_DOCUMENT:
        raise CommandError(
            f"{name} is larger than {LARGEST_DOCUMENT // 2**20} MB, far more than an export "
            "holds; nothing was read into tending."
        )
    return data
