"""What every terminal command shares: the error a person can fix, Django, the account.

It lives in core, below the apps, so each app's `terminal.py` and `tending/cli.py` import
it from here and nothing imports the command line back.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import warnings


class CommandError(Exception):
    """A problem the person can fix; printed without a traceback, exit code 1."""


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tending.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise CommandError(f"tending is not configured correctly: {exc}") from None


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


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
            raise CommandError(f"There is no account called {username!r}.")
        return user
    count = users.count()
    if count == 0:
        raise CommandError(
            "There is no account yet. Open tending in a browser, or: tending createuser NAME"
        )
    if count > 1:
        names = ", ".join(u.username for u in users[:10])
        raise CommandError(f"There are {count} accounts ({names}); say whose with --user NAME.")
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
            password = getpass.getpass("Password: ")
            again = getpass.getpass("The same password again: ")
    except (EOFError, getpass.GetPassWarning):
        raise CommandError(
            "There is no terminal here to ask for the password. Give it on standard input "
            f"instead, with --password-stdin. {nothing_done}"
        ) from None
    if again != password:
        raise CommandError(f"The two passwords are not the same. {nothing_done}")
    return password
