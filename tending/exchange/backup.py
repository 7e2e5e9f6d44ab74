"""Copy the live SQLite database to a backup file, check a backup, and restore from one.

Everything here uses SQLite's online backup API rather than copying files: a file copy
taken while tending writes can catch half a transaction, or miss what still sits in the
-wal file. No Django here; the command line passes in what it knows about migrations.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import sqlite3
import tempfile
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tending.core.words import gettext as _
from tending.core.words import ngettext
from tending.exchange.schema import Schema, describe, read_schema, schema_differences

SQLITE_HEADER = b"SQLite format 3\x00"
# Every tending database has these, from its very first migration.
CORE_APP = "core"
CORE_TABLES = ("django_migrations", "core_user")
BUSY_MILLISECONDS = 20_000


class ExchangeError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int


@dataclass(frozen=True)
class BackupInfo:
    """What a checked backup file holds, enough to describe it before restoring."""

    path: Path
    made: datetime
    accounts: int
    migrations: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    live: Path
    safety_copy: Path | None


def stamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")


def human_size(size: int) -> str:
    if size < 1000:
        return ngettext("%(num)d byte", "%(num)d bytes", size) % {"num": size}
    amount = size / 1000
    for unit in ("KB", "MB"):
        if amount < 1000:
            return f"{amount:.1f} {unit}"
        amount /= 1000
    return f"{amount:.1f} GB"


def choose_destination(path: Path, now: datetime | None = None, suffix: str = ".sqlite3") -> Path:
    """PATH itself, or a dated file name inside it when PATH is a folder."""
    path = path.expanduser()
    if path.is_dir():
        return path / f"tending-backup-{stamp(now)}{suffix}"
    return path


def backup_database(live: Path, destination: Path, now: datetime | None = None) -> BackupResult:
    """Write a consistent, self-contained copy of `live` to `destination` (or into it).

    The copy goes to a temporary file in the same folder first, is checked and flushed to
    disk, and only then gets its name: a backup under its real name is always complete.
    """
    if not live.is_file():
        raise ExchangeError(
            _("There is no database at %(path)s yet, so there is nothing to back up.")
            % {"path": live}
        )
    target = choose_destination(destination, now)
    folder = target.parent
    if folder.exists() and not folder.is_dir():
        raise ExchangeError(_("%(path)s is a file, not a folder.") % {"path": folder})
    if not folder.is_dir():
        raise ExchangeError(
            _("The folder %(path)s does not exist. Make it first, or pick another.")
            % {"path": folder}
        )
    if target.exists() or target.is_symlink():
        raise ExchangeError(_already_there(target))
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=".tending-backup-", suffix=".partial")
    except OSError as exc:
        raise ExchangeError(
            _("tending cannot write in %(path)s (%(problem)s).")
            % {"path": folder, "problem": exc.strerror}
        ) from None
    os.close(handle)
    partial = Path(name)
    try:
        _copy_database(live, partial)
        _fsync_file(partial)
        _move_into_place(partial, target)
    finally:
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
    _fsync_folder(folder)
    return BackupResult(path=target, size=target.stat().st_size)


def _copy_database(live: Path, partial: Path) -> None:
    source = _connect(live)
    try:
        copy = sqlite3.connect(partial)
        try:
            # One step: the whole copy is read from a single snapshot. Copying in smaller
            # steps would start over each time tending writes, possibly forever.
            source.backup(copy)
            # A copy of a WAL database is in WAL mode too; DELETE makes it one plain file.
            mode = copy.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            if mode != "delete":
                raise ExchangeError(
                    _("The backup copy could not be made self-contained (%(mode)s).")
                    % {"mode": mode}
                )
            problem = integrity_problem(copy)
        finally:
            copy.close()
    except sqlite3.Error as exc:
        raise ExchangeError(
            _("The backup could not be made: %(problem)s.") % {"problem": exc}
        ) from None
    finally:
        source.close()
    if problem:
        raise ExchangeError(
            _("The backup copy did not check out (%(problem)s); nothing was kept.")
            % {"problem": problem}
        )
    os.chmod(partial, 0o600)  # it holds everything a person wrote


def _already_there(path: Path) -> str:
    return _(
        "There is already a file at %(path)s. Choose another name: "
        "tending never writes over a file."
    ) % {"path": path}


def _damaged(path: Path, problem: object) -> str:
    return _("%(path)s is damaged (%(problem)s), so it cannot be restored.") % {
        "path": path,
        "problem": problem,
    }


def _not_tendings(path: Path) -> str:
    return _("%(path)s is an SQLite database, but not one of tending's.") % {"path": path}


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_MILLISECONDS / 1000)
    connection.execute(f"PRAGMA busy_timeout={BUSY_MILLISECONDS}")
    return connection


def integrity_problem(connection: sqlite3.Connection) -> str:
    """'' when SQLite finds the database sound, else its first complaint."""
    rows = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
    return "" if rows == ["ok"] else "; ".join(str(row) for row in rows[:3])


def _fsync_file(path: Path) -> None:
    handle = os.open(path, os.O_RDWR)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _fsync_folder(folder: Path) -> None:
    # Makes the new name itself survive a power cut; folders cannot be opened on Windows.
    if os.name == "nt":  # pragma: no cover
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _move_into_place(partial: Path, target: Path) -> None:
    # A hard link fails if the name was taken meanwhile, where a rename would overwrite it.
    try:
        os.link(partial, target)
    except FileExistsError:
        raise ExchangeError(_already_there(target)) from None
    except OSError:
        # Some file systems (FAT, some network shares) have no hard links.
        if target.exists():
            raise ExchangeError(
                _("There is already a file at %(path)s.") % {"path": target}
            ) from None
        os.replace(partial, target)
    else:
        partial.unlink()


def check_backup(path: Path, known_migrations: Collection[tuple[str, str]]) -> BackupInfo:
    """Make sure `path` is a sound tending backup this version of tending can take."""
    path = path.expanduser()
    if not path.exists():
        raise ExchangeError(_("There is no file at %(path)s.") % {"path": path})
    if not path.is_file():
        raise ExchangeError(
            _("%(path)s is a folder; please give the backup file itself.") % {"path": path}
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ExchangeError(
            _("%(path)s could not be read (%(problem)s).") % {"path": path, "problem": exc.strerror}
        ) from None
    if header != SQLITE_HEADER:
        raise ExchangeError(
            _("%(path)s is not a tending backup (it is not an SQLite database).") % {"path": path}
        )
    try:
        with _reading(path) as connection:
            problem = integrity_problem(connection)
            if problem:
                raise ExchangeError(_damaged(path, problem))
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if not all(table in tables for table in CORE_TABLES):
                raise ExchangeError(_not_tendings(path))
            applied = frozenset(connection.execute("SELECT app, name FROM django_migrations"))
            accounts = connection.execute("SELECT COUNT(*) FROM core_user").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise ExchangeError(_damaged(path, exc)) from None
    if CORE_APP not in {app for app, _name in applied}:
        raise ExchangeError(_not_tendings(path))
    newer = sorted(applied - set(known_migrations))
    if newer:
        example = ", ".join(f"{app}.{name}" for app, name in newer[:3])
        raise ExchangeError(
            _(
                "%(path)s was made by a newer tending (it has changes this one does not know: "
                "%(changes)s). Please upgrade tending first, then restore."
            )
            % {"path": path, "changes": example}
        )
    made = datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path=path, made=made, accounts=accounts, migrations=applied)


def check_schema(path: Path, expected: Schema) -> None:
    """Refuse a backup whose tables, indexes, triggers or views are not what migrations make."""
    try:
        with _reading(path) as connection:
            found = read_schema(connection)
    except sqlite3.DatabaseError as exc:
        raise ExchangeError(_damaged(path, exc)) from None
    differences = schema_differences(expected, found)
    if differences:
        raise ExchangeError(
            _(
                "%(path)s is not a sound tending database (%(differences)s), "
                "so it cannot be restored. Nothing was changed."
            )
            % {"path": path, "differences": describe(differences)}
        )


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    """Open a backup read-only, then tidy away the -wal and -shm files SQLite may leave.

    A file copied by hand from a live database is still marked WAL, and reading it makes
    SQLite create those two beside it; they are empty and would only puzzle the person.
    """
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    had_sidecars = wal.exists() or shm.exists()
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()
        if not had_sidecars and (not wal.exists() or wal.stat().st_size == 0):
            wal.unlink(missing_ok=True)
            shm.unlink(missing_ok=True)


def restore_database(backup: Path, live: Path, now: datetime | None = None) -> RestoreResult:
    """Replace the contents of `live` with `backup`, keeping a copy of what was there first.

    Call check_backup() first. The restore writes through SQLite into the live file, so a
    running tending sees either the old data or the new, never a mix.
    """
    safety = None
    if live.exists() and live.stat().st_size > 0:
        safety = live.with_name(f"{live.name}.before-restore-{stamp(now)}")
        backup_database(live, safety)
    else:
        live.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            os.close(os.open(live, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        with _reading(backup) as source:
            target = _connect(live)
            try:
                target.execute("PRAGMA synchronous=FULL")
                _match_page_size(source, target)
                source.backup(target)
                problem = integrity_problem(target)
            finally:
                target.close()
    except sqlite3.Error as exc:
        if safety:
            said = _(
                "The backup could not be restored (%(problem)s). Stop tending and try again. "
                "What was there before is in %(path)s."
            )
        else:
            said = _("The backup could not be restored (%(problem)s). Stop tending and try again.")
        raise ExchangeError(said % {"problem": exc, "path": safety}) from None
    if problem:
        raise ExchangeError(
            _(
                "After restoring, the database did not check out (%(problem)s). "
                "What was there before is in %(path)s."
            )
            % {"problem": problem, "path": safety}
        )
    return RestoreResult(source=backup, live=live, safety_copy=safety)


def _match_page_size(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    # SQLite cannot restore into a WAL database whose page size differs from the backup's;
    # leaving WAL first works when nobody else has the file open (tending turns it on again).
    wanted = source.execute("PRAGMA page_size").fetchone()[0]
    if target.execute("PRAGMA page_size").fetchone()[0] == wanted:
        return
    mode = target.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    if mode != "delete":
        raise ExchangeError(
            _("This backup needs the database to itself: please stop tending, then try again.")
        )


def applied_migrations(path: Path) -> frozenset[tuple[str, str]]:
    """The migrations recorded in the live database at `path`."""
    connection = _connect(path)
    try:
        return frozenset(connection.execute("SELECT app, name FROM django_migrations"))
    finally:
        connection.close()


def postgres_commands(database: Mapping[str, object], file: Path) -> tuple[str, str]:
    """The pg_dump and pg_restore commands for this database, without the password."""
    where = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        value = str(database.get(key) or "")
        if value:
            where.append(f"{option}={value}")
    name = str(database.get("NAME") or "")
    dump = ["pg_dump", "--format=custom", f"--file={file}", *where, name]
    restore = ["pg_restore", "--clean", "--if-exists", "--no-owner", *where, "--dbname", name]
    return shlex.join(dump), shlex.join([*restore, str(file)])
