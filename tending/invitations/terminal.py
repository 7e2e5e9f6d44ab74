"""`tending invite`: make an invitation link at the terminal and print it."""

from __future__ import annotations

import argparse

from tending.core.terminal_support import CommandError, migrate, setup_django
from tending.core.words import gettext as _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--days",
        default="7",
        metavar="N",
        help=_("how long the link works: 1 to 30 days (default 7)"),
    )
    parser.add_argument(
        "--note", default="", metavar="TEXT", help=_("who it is for, to recognise it in the list")
    )
    parser.add_argument(
        "--url",
        metavar="BASE",
        help=_(
            "the address people reach tending at, e.g. https://tending.example.org "
            "(default: TENDING_BASE_URL, else the first TENDING_ALLOWED_HOSTS when hosted, "
            "else http://127.0.0.1:8000)"
        ),
    )


def _days(given: str) -> int:
    from tending.invitations.services import MOST_DAYS

    text = given.strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MOST_DAYS:
        raise CommandError(
            _(
                "--days %(given)s: please give a whole number of days from 1 to %(most)s. "
                "Nothing was made."
            )
            % {"given": given, "most": MOST_DAYS}
        )
    return int(text)


def _base(given: str | None) -> str:
    from django.conf import settings

    from tending.invitations.links import clean_base_url, default_base

    if given is not None:
        try:
            return clean_base_url(given)
        except ValueError as exc:
            raise CommandError(f"--url: {exc} " + _("Nothing was made.")) from None
    base = settings.BASE_URL or default_base(settings.HOSTED, settings.ALLOWED_HOSTS)
    if base is None:
        raise CommandError(
            _(
                "tending cannot tell the address people reach it at from TENDING_ALLOWED_HOSTS. "
                "Give it with --url https://… or TENDING_BASE_URL. Nothing was made."
            )
        )
    return base


def invite(args: argparse.Namespace) -> int:
    setup_django()
    from tending.invitations.models import NOTE_LENGTH

    days = _days(args.days)

    note = args.note.strip()
    if len(note) > NOTE_LENGTH:
        raise CommandError(
            _("--note: please keep it to %(most)s characters (it has %(given)s). Nothing was made.")
            % {"most": NOTE_LENGTH, "given": len(note)}
        )
    base = _base(args.url)  # a bad address is refused before anything is written
    migrate()
    from django.urls import reverse
    from django.utils import timezone

    from tending.invitations.services import make_invitation

    made = make_invitation(None, days=days, note=note)
    link = base + reverse("invitations:accept", args=[made.token])
    until = timezone.localtime(made.invitation.expires_at)
    words = {"note": note, "until": _until(until), "zone": f"{until:%Z}"}
    if note:
        print(_("An invitation for %(note)s, working once, until %(until)s (%(zone)s):") % words)
    else:
        print(_("An invitation, working once, until %(until)s (%(zone)s):") % words)
    print()
    print(f"  {link}")
    print()
    print(
        _(
            "Send it privately. This is the only time it is shown: tending keeps only a "
            "fingerprint of it."
        )
    )
    return 0


def _until(moment) -> str:
    """When the link stops working, as the terminal's language writes it: "04 Mar 2026,
    19:30", "04.03.2026, 19:30"."""
    from tending.core.date_format import format_date

    return format_date(moment, "d M Y, H:i")
