"""What every terminal command shares: the error a person can fix, Django, the account.

It lives in core, below the apps, so each app's `terminal.py` and `tending/cli.py` import
it from here and nothing imports the command line back.
"""

from __future__ import annotations

import os


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


def pick_user(username: str | None):
    """The account a command is for: the one named, or the only one there is."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.order_by("username")
    if username:
        user = users.filter(username=username).first()
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
