"""`tending check`: look for problems in how tending is set up, before people rely on it."""

from __future__ import annotations

import argparse

from tending.core.terminal_support import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--deploy",
        action="store_true",
        help="also the checks for a hosted server: HTTPS, cookies, secret key, database",
    )


def check(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    try:
        # Warnings count as problems: a server that warns is not ready for people's data.
        call_command("check", deploy=args.deploy, fail_level="WARNING", databases=["default"])
    except SystemCheckError as exc:
        print(str(exc).strip())
        print("tending: please fix the problems above; each says what to change.")
        return 1
    print("No problems found." + (" Ready for hosting." if args.deploy else ""))
    return 0
