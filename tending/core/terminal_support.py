"""What every terminal command shares: the error a person can fix, Django, the account.

It lives in core, below the apps, so each app's `terminal.py` and `tending/cli.py` import
it from here and nothing imports the command line back.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import getpass
import os
import re
import sys
import warnings
from collections.abc import Set
from datetime import date

from tending.core.words import gettext as _

Node = tuple[str, str]  # a migration: (app label, name)


class CommandError(Exception):
    """A problem the person can fix; printed without a traceback, exit code 1."""


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tending.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    first = "django.apps" not in sys.modules or not sys.modules["django.apps"].apps.ready
    # Setting up makes hundreds of thousands of objects that live as long as the process:
    # the collector would only walk them again and again, so it waits, then leaves them be.
    collecting = first and gc.isenabled()
    if collecting:
        gc.disable()
    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise CommandError(
            _("tending is not configured correctly: %(problem)s") % {"problem": exc}
        ) from None
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
    # What Django writes for the terminal (a check-in's words, an insight) in its language.
    from django.utils import translation

    from tending.core.terminal_words import terminal_language

    translation.activate(terminal_language())


def migrations_pending(shipped: Set[Node], applied: Set[Node]) -> bool:
    """Whether `migrate` has work to do: a migration the code ships is not recorded yet.

    Recorded ones the code does not ship (a newer tending's, or squashed away) are no work.
    """
    return not set(shipped) <= set(applied)


def shipped_migrations() -> frozenset[Node]:
    """Every migration in the code, as (app label, name), read from the folders' file names.

    No migration is imported: Django's loader would import and link every one of them.
    Names are found as Django finds them (modules not starting with _ or ~). The quick
    paths without Django find the same names (`tending.core.direct.shipped_migrations`).
    """
    import importlib.util

    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    from tending.core.direct import migration_names

    found = set()
    for config in apps.get_app_configs():
        module, _label = MigrationLoader.migrations_module(config.label)
        try:
            spec = importlib.util.find_spec(module) if module else None
        except ImportError:
            spec = None
        found |= migration_names(
            config.label, (spec.submodule_search_locations if spec else None) or []
        )
    return frozenset(found)


def recorded_migrations() -> frozenset[Node]:
    """The migrations the database says it has; none for a new, empty database."""
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return frozenset()
    return frozenset(recorder.applied_migrations())


def migrate(always: bool = False) -> bool:
    """Bring the database up to date; True if migrations ran.

    Each command calls this, so it must cost next to nothing when there is nothing to do:
    the names of the migrations in the code are compared with those the database records
    (one small query), and Django's migrate, which loads every migration, runs only when
    they differ: a new data folder, or a tending with new migrations. `always` runs it
    regardless (after a restore, where its repairs after migrating are wanted too).
    """
    if not always and not migrations_pending(shipped_migrations(), recorded_migrations()):
        return False
    from django.core.management import call_command

    with one_migration_at_a_time():
        # Servers started together: the first runs the migrations, the others wait for it
        # here and then find nothing left to do.
        if not always and not migrations_pending(shipped_migrations(), recorded_migrations()):
            return False
        call_command("migrate", interactive=False, verbosity=0)
    return True


# pg_advisory_lock's key for migrating: any fixed number no other lock of tending's uses.
MIGRATION_LOCK = 0x74656E64  # "tend"


@contextlib.contextmanager
def one_migration_at_a_time():
    """Hold the database's migration lock: PostgreSQL's advisory lock, or on SQLite a lock
    on a file beside the database (where the system has them). Two servers migrating at
    once would otherwise both create the same tables, and one would stop with an error."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])
        return
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        yield
        return
    with file_lock(name + ".migrating"):
        yield


@contextlib.contextmanager
def file_lock(path: str):
    """Hold an exclusive lock on the file at `path` (made empty and readable by the owner
    alone, as everything in the data folder is), where the system has such locks; Windows
    runs one server to a data folder, so there it holds nothing."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    held = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        yield
    finally:
        os.close(held)  # and with it the lock


def add_user_argument(parser: argparse.ArgumentParser, help: str) -> None:
    """--user on a command and on each of its own subcommands, so it may come before or after.

    Call it once the subcommands are made. On a subcommand, an absent --user must not replace
    one given before it, hence no default there.
    """
    parser.add_argument("--user", metavar="NAME", help=help)
    for action in parser._actions:  # argparse keeps subcommands only here
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                sub.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help=help)


def pick_user(username: str | None):
    """The account a command is for: the one named, or the only one there is."""
    from django.contrib.auth import get_user_model

    from tending.core.accounts import login_name

    users = get_user_model().objects.order_by("username")
    if username:
        user = users.filter(username=login_name(username)).first()
        if user is None:
            raise CommandError(_("There is no account called %(name)s.") % {"name": repr(username)})
        return user
    count = users.count()
    if count == 0:
        raise CommandError(
            _("There is no account yet. Open tending in a browser, or: tending createuser NAME")
        )
    if count > 1:
        names = ", ".join(u.username for u in users[:10])
        raise CommandError(
            _("There are %(count)s accounts (%(names)s); say whose with --user NAME.")
            % {"count": count, "names": names}
        )
    return users.get()


def read_new_password(from_stdin: bool, nothing_done: str) -> str:
    """A new password: one line of standard input, or asked twice at the terminal.

    Without a terminal there is nobody to ask (cron, a pipe, a container), so that is said
    plainly, with the way that works there, instead of a traceback.
    """
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    try:
        with warnings.catch_warnings():
            # getpass would otherwise read stdin, echoing the password, when there is no terminal.
            warnings.simplefilter("error", getpass.GetPassWarning)
            password = getpass.getpass(_("Password: "))
            again = getpass.getpass(_("The same password again: "))
    except (EOFError, getpass.GetPassWarning):
        said = _(
            "There is no terminal here to ask for the password. Give it on standard input "
            "instead, with --password-stdin."
        )
        raise CommandError(f"{said} {nothing_done}") from None
    if again != password:
        raise CommandError(" ".join([_("The two passwords are not the same."), nothing_done]))
    return password


def written_day(day: date) -> str:
    """A day as the terminal's language writes it ("04 March 2026", "04. März 2026"); once
    Django is set up."""
    from tending.core.date_format import format_date

    return format_date(day, "d F Y")


# What a terminal acts on instead of printing: control characters but the tab and the line
# break (cursor moves, colours, a new window title), and the marks that reverse a line's
# direction. Joiners, soft hyphens and the like are text: "👨\u200d👩\u200d👧" stays one family.
TERMINAL_COMMANDS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_ESCAPED = re.compile(f"\t|{TERMINAL_COMMANDS.pattern}")


def shown(text: str) -> str:
    """Text that may hold someone else's words (a Mirror answer, a name or a line of an
    imported file, a refusal quoting it) as a terminal may print it: each character the
    terminal would act on (TERMINAL_COMMANDS), and the tab that would break a line's columns,
    written as its escape ("\\x1b"), where printed it would move the cursor, retitle the
    window or reverse the line."""
    return _ESCAPED.sub(lambda found: repr(found.group())[1:-1], text)
