"""`tending backup`/`restore` (the whole database) and `tending export`/`import` (one account)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from tending.core.terminal_support import CommandError, migrate, setup_django, written_day
from tending.core.words import and_list, ngettext
from tending.core.words import gettext as _


def password_hint() -> str:
    return _(
        "Give the password in the PGPASSWORD environment variable or in ~/.pgpass; "
        "it is not shown here."
    )


def add_arguments(backup: argparse.ArgumentParser, restore: argparse.ArgumentParser) -> None:
    backup.add_argument(
        "path",
        type=Path,
        metavar="PATH",
        help=_("the backup file to make, or a folder to put a dated one in"),
    )
    restore.add_argument("path", type=Path, metavar="PATH", help=_("the backup file to restore"))
    restore.add_argument(
        "--yes", action="store_true", help=_("do not ask first (for scripts; be sure of the file)")
    )


def _live_database() -> Mapping[str, Any]:
    """Django's settings for the database tending uses (SQLite or PostgreSQL)."""
    setup_django()
    from django.conf import settings

    return settings.DATABASES["default"]


def _postgres_help(database: Mapping[str, Any], file: Path, restoring: bool) -> str:
    from tending.exchange.backup import postgres_commands

    dump, restore = postgres_commands(database, file)
    own_tool = _("tending keeps its data in PostgreSQL here, which has its own tool for this.")
    if restoring:
        run = _("Stop tending, then run:")
        later = _("tending brings an older backup up to date when it starts.")
        return f"{own_tool} {run}\n  {restore}\n{password_hint()} {later}"
    run = _("To make a backup, run:")
    return f"{own_tool} {run}\n  {dump}\n{password_hint()}"


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
    print(
        _("The backup is in %(path)s (%(size)s).")
        % {"path": result.path, "size": human_size(result.size)}
    )
    print(_("Keep it somewhere safe and private: it holds everything you wrote."))
    return 0


def known_migrations() -> set[tuple[str, str]]:
    """Every migration this version of tending ships, read from disk, not from a database."""
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def confirm(question: str, read: Callable[[str], str], interactive: bool) -> bool:
    if not interactive:
        raise CommandError(
            _(
                "Restoring replaces everything in tending, so it asks first. "
                "Run it in a terminal, or add --yes if you are sure."
            )
        )
    try:
        # Translators: the word to type is one of those in "y yes" (translated below).
        answer = read(question + " " + _("Type yes to go on: "))
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", *yes_words())


def yes_words() -> tuple[str, ...]:
    """The terminal language's own yes ("ja"), besides "y" and "yes", which always count."""
    # Translators: the words that say yes, lower case, separated by spaces ("j ja").
    return tuple(_("y yes").lower().split())


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
        raise CommandError(
            _("%(path)s is the database tending uses now, not a backup.") % {"path": info.path}
        )
    if not args.yes:
        question = ngettext(
            "This replaces everything in %(live)s with the backup from %(path)s "
            "(file dated %(day)s at %(time)s, %(accounts)s account). "
            "Please stop tending first if it is running.",
            "This replaces everything in %(live)s with the backup from %(path)s "
            "(file dated %(day)s at %(time)s, %(accounts)s accounts). "
            "Please stop tending first if it is running.",
            info.accounts,
        ) % {
            "live": live,
            "path": info.path,
            "day": written_day(info.made),
            "time": f"{info.made:%H:%M}",
            "accounts": info.accounts,
        }
        is_terminal = sys.stdin.isatty() if interactive is None else interactive
        if not confirm(question, read, is_terminal):
            print(_("Nothing was changed."))
            return 1
    from django.db import connections

    connections.close_all()  # nothing of Django's may hold the old file open meanwhile
    try:
        result = restore_database(info.path, live)
    except ExchangeError as exc:
        raise CommandError(str(exc)) from None
    kept = (
        _("What was there before is kept in %(path)s, in case you need it.")
        % {"path": result.safety_copy}
        if result.safety_copy
        else ""
    )
    try:
        migrate(always=True)  # also mends search indexes, whatever the backup held
        end_every_session()
    except Exception as exc:  # any failure here must still say where the data is
        said = _("The backup was restored, but could not be brought up to date (%(problem)s).")
        raise CommandError(f"{said % {'problem': exc}} {kept}") from None
    finally:
        connections.close_all()
    steps = len(applied_migrations(live) - info.migrations)
    print(_("Restored tending from %(path)s.") % {"path": info.path})
    print(_("Everyone needs to log in again, with the password they had when the backup was made."))
    if steps:
        print(
            _("It came from an older tending, so it was brought up to date (%(steps)s steps).")
            % {"steps": steps}
        )
    if kept:
        print(kept)
    return 0


def add_document_commands(commands: argparse._SubParsersAction) -> None:
    """`tending export` and `tending import`: everything as one JSON document, and back."""
    from tending.exchange.formats import EXPORT_FORMATS

    export = commands.add_parser(
        "export",
        help=_("write your account to a file: everything as JSON, or as CSV, Markdown or vCard"),
        description=_(
            "Write an account to PATH (- for standard output). --format json (the "
            "default): everything it holds, as one JSON document that `tending import` reads back; "
            "csv: a zip of spreadsheets, one CSV file per kind (people, moments, check-ins and "
            "their answers, daily pulses, journal without its text) and a README.txt; markdown: "
            "a zip with the journal, one .md file per entry with its date, title, tags, people "
            "and prompt at the top; vcard: everyone in your circle as contacts (vCard 4.0) for a "
            "phone or mail app. If PATH is a folder, the file is named tending-export-DATE-TIME "
            "with the format's ending (.json, .csv.zip, .md.zip, .vcf); an existing file is never "
            "overwritten. Passwords and secret links are never in any of them."
        ),
    )
    export.add_argument("path", metavar="PATH", help=_("the file to write, a folder, or -"))
    export.add_argument(
        "--format", choices=list(EXPORT_FORMATS), default="json", help=_("(default: json)")
    )
    export.add_argument("--user", metavar="NAME", help=_("whose account (when there are several)"))
    from tending.exchange.foreign import SOURCES

    load = commands.add_parser(
        "import",
        help=_("bring in a tending JSON export (into an empty account), or another tool's file"),
        description=_(
            "Read FILE (- for standard input) and add what it holds to an account. "
            "--from tending (the default): a JSON document made by `tending export`, added to an "
            "account that has no data yet, all of it or nothing. "
            "--from %(sources)s: a file from another tool (for example jrnl's "
            "journal file or its JSON or Markdown export, or Day One's JSON export, .zip or "
            "Journal.json), added to an "
            "account that may already hold data: it shows what will be added, what is there "
            "already (left out, so importing a file twice adds nothing) and what is kept as text, "
            "then adds it in one go. --dry-run shows the preview and writes nothing. The mapping "
            "of each tool is in docs/importing.md."
        )
        % {"sources": "|".join(sorted(SOURCES))},
    )
    load.add_argument("file", metavar="FILE", help=_("the file to read, or -"))
    load.add_argument(
        "--from",
        dest="source",
        choices=["tending", *sorted(SOURCES)],
        default="tending",
        help=_("which tool made FILE (default: tending)"),
    )
    load.add_argument("--user", metavar="NAME", help=_("whose account (when there are several)"))
    load.add_argument(
        "--dry-run", action="store_true", help=_("check, count and preview; write nothing")
    )


def export(args: argparse.Namespace) -> int:
    from tending.core.terminal_support import pick_user
    from tending.exchange.formats import EXPORT_FORMATS

    chosen = EXPORT_FORMATS[getattr(args, "format", "json")]
    if args.path == "-" and chosen.suffix.endswith(".zip") and sys.stdout.isatty():
        raise CommandError(
            _(
                "The %(format)s export is a zip file, which a terminal cannot show. "
                "Give a file name, or send it on: %(command)s"
            )
            % {
                "format": chosen.name,
                "command": f"tending export --format {chosen.name} - > export{chosen.suffix}",
            }
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
        print(_export_said(user, counts, _("standard output")), file=sys.stderr)
        return 0
    target = _export_destination(Path(args.path), chosen.suffix)
    counts = _export_to_file(user, target, chosen.write)
    print(_export_said(user, counts, str(target)))
    print(_("Keep the file somewhere safe and private: it holds what you wrote."))
    return 0


def _export_destination(path: Path, suffix: str = ".json") -> Path:
    from tending.exchange.backup import stamp

    path = path.expanduser()
    if path.is_dir():
        path = path / f"tending-export-{stamp()}{suffix}"
    if path.exists() or path.is_symlink():
        raise CommandError(
            _(
                "There is already a file at %(path)s. Choose another name: "
                "tending never writes over a file."
            )
            % {"path": path}
        )
    if not path.parent.is_dir():
        raise CommandError(
            _("The folder %(path)s does not exist. Make it first.") % {"path": path.parent}
        )
    return path


def _export_to_file(user, target: Path, write) -> dict[str, int]:
    """Write to a hidden file beside the target, and give it its name only once complete."""
    from tending.exchange.backup import ExchangeError, _move_into_place

    try:
        handle, name = tempfile.mkstemp(
            dir=target.parent, prefix=".tending-export-", suffix=".partial"
        )
    except OSError as exc:
        raise CommandError(
            _("tending cannot write in %(path)s (%(problem)s).")
            % {"path": target.parent, "problem": exc.strerror}
        ) from None
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
        raise CommandError(
            _("The export could not be written (%(problem)s).") % {"problem": exc.strerror}
        ) from None
    finally:
        partial.unlink(missing_ok=True)
    return counts


# The counts in the summary line, in the order shown.
COUNTED = ("people", "moments", "checkins", "pulses", "journal_entries")


# The summary's kinds, as the import page names them.
COUNTED_KINDS = {
    "people": "person",
    "moments": "moment",
    "checkins": "check-in",
    "pulses": "daily pulse",
    "journal_entries": "journal entry",
}


def count_words(key: str, count: int) -> str:
    """How a count reads in the summary line: "1 person", "2 people"."""
    from tending.exchange.web import counted

    return counted(COUNTED_KINDS[key], count)


def _export_said(user, counts: dict[str, int], where: str) -> str:
    parts = [count_words(key, counts[key]) for key in COUNTED if key in counts]
    if "tags" in counts:  # the JSON document
        listed = _("%(counts)s and everything else") % {"counts": ", ".join(parts)}
    else:
        listed = and_list(parts)
    return _("Exported %(name)s to %(where)s: %(counts)s.") % {
        "name": repr(user.username),
        "where": where,
        "counts": listed,
    }


def import_command(args: argparse.Namespace) -> int:
    from tending.core.terminal_support import pick_user

    data = _read_input(args.file)
    if args.source != "tending":
        from tending.exchange.foreign_terminal import foreign_import

        return foreign_import(args, data)
    setup_django()
    migrate()
    # Only now: their words are marked for translation at import, which needs Django set up.
    from tending.exchange.checking import DocumentError, parse_document
    from tending.exchange.importer import ImportRefused, import_document

    user = pick_user(args.user)
    try:
        summary = import_document(parse_document(data), user, dry_run=args.dry_run)
    except DocumentError as exc:
        name = _("standard input") if args.file == "-" else args.file
        raise CommandError(f"{name}: {exc} " + _("Nothing was changed.")) from None
    except ImportRefused as exc:
        raise CommandError(str(exc)) from None
    added = summary.lines()
    names = {"file": args.file, "name": repr(user.username)}
    if args.dry_run:
        print(_("Checked %(file)s: it is sound. Nothing was written (--dry-run).") % names)
        print(
            _("Importing it into %(name)s would add:") % names if added else _("It holds nothing.")
        )
    else:
        print(
            _("Imported %(file)s into %(name)s. Added:") % names if added else _("Nothing to add.")
        )
    for line in added:
        print(f"  {line}")
    if summary.upgraded_from is not None:
        print(
            _("It came from an older tending (format %(version)s) and was updated.")
            % {"version": summary.upgraded_from}
        )
    if summary.added.get("calendar") and not args.dry_run:
        print(_("The calendar link is not carried over: make a new one on the Calendar page."))
    return 0


# Thirty years of a full life export to about 40 MB; far beyond that is not an export.
LARGEST_DOCUMENT = 512 * 1024 * 1024


def _read_input(name: str) -> bytes:
    if name == "-":
        data = sys.stdin.buffer.read(LARGEST_DOCUMENT + 1)
    else:
        path = Path(name).expanduser()
        if path.is_dir():
            raise CommandError(
                _("%(path)s is a folder; please give the file itself.") % {"path": path}
            )
        if not path.is_file():
            raise CommandError(_("There is no file at %(path)s.") % {"path": path})
        try:
            with path.open("rb") as handle:
                data = handle.read(LARGEST_DOCUMENT + 1)
        except OSError as exc:
            raise CommandError(
                _("%(path)s could not be read (%(problem)s).")
                % {"path": path, "problem": exc.strerror}
            ) from None
    if len(data) > LARGEST_DOCUMENT:
        raise CommandError(
            _(
                "%(name)s is larger than %(megabytes)s MB, far more than an export "
                "holds; nothing was read into tending."
            )
            % {"name": name, "megabytes": LARGEST_DOCUMENT // 2**20}
        )
    return data
