"""`tending check` (problems in how tending is set up) and `tending password` (a new one)."""

from __future__ import annotations

import argparse

from tending.core.terminal_support import CommandError, migrate, read_new_password, setup_django
from tending.core.words import gettext as _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--deploy",
        action="store_true",
        help=_("also the checks for a hosted server: HTTPS, cookies, secret key, database"),
    )


def check(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    from tending.core.checks import database_problem

    problem = database_problem()
    if problem:  # nothing else can be checked, or served, without it
        print(problem)
        print(_("tending: please fix the problem above before people rely on this server."))
        return 1
    try:
        # Warnings count as problems: a server that warns is not ready for people's data.
        call_command("check", deploy=args.deploy, fail_level="WARNING", databases=["default"])
    except SystemCheckError as exc:
        print(str(exc).strip())
        print(_("tending: please fix the problems above; each says what to change."))
        return 1
    print(" ".join([_("No problems found."), *([_("Ready for hosting.")] if args.deploy else [])]))
    return 0


def add_password_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("username", metavar="NAME", help=_("the name the person logs in with"))
    parser.add_argument(
        "--password-stdin", action="store_true", help=_("read the new password from standard input")
    )


def password(args: argparse.Namespace) -> int:
    """Set a new password for a forgotten one; every browser logged in to it is logged out."""
    setup_django()
    migrate()
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from tending.core import throttle
    from tending.core.accounts import account_like, end_sessions, login_name, password_problems

    nothing = _("Nothing was changed.")
    name = login_name(args.username)  # the name the login page would look up
    user = get_user_model().objects.filter(username=name).first() if name else None
    if user is None:
        like = account_like(name) if name else None
        said = [_("There is no account called %(name)s.") % {"name": repr(args.username)}]
        if like is not None:
            said.append(_("Did you mean %(name)s?") % {"name": repr(like.username)})
        raise CommandError(" ".join([*said, nothing]))
    new = read_new_password(args.password_stdin, nothing)
    problems = password_problems(new, user)
    if problems:
        raise CommandError(" ".join([*problems, nothing]))
    with transaction.atomic():
        user.set_password(new)
        user.save(update_fields=["password"])
        ended = end_sessions(user)
        throttle.forget_name(user.username)  # a wait after forgotten tries ends too
    said = [_("The password for %(name)s is changed.") % {"name": repr(user.username)}]
    if ended:
        said.append(_("Every browser that was logged in to it is logged out."))
    print(" ".join(said))
    return 0
