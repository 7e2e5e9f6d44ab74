"""`tending insights`: the findings at the terminal, as sentences or as JSON."""

from __future__ import annotations

import argparse
import contextlib
import json

from tending.core.terminal_support import CommandError, migrate, pick_user, setup_django, shown
from tending.core.words import gettext as _
from tending.core.words import ngettext

MOST_DAYS = 36500  # a hundred years: more than anyone's diary


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("%(given)s is not a whole number of days") % {"given": repr(text)}
        ) from None
    if not 1 <= value <= MOST_DAYS:
        raise argparse.ArgumentTypeError(
            _("%(given)s is outside 1 to %(most)s days") % {"given": value, "most": MOST_DAYS}
        )
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user", help=_("whose days (needed only when there are several accounts)")
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=_("print a JSON array, one object per finding (docs/insights.md describes it)"),
    )
    parser.add_argument(
        "--days",
        type=_days,
        metavar="N",
        help=_("look only at the last N days (worked out afresh, not kept)"),
    )


def insights(args: argparse.Namespace) -> int:
    setup_django()
    migrate()
    from django.utils import translation

    from tending.insights import findings
    from tending.insights.assemble import FEWEST_DAYS
    from tending.insights.showing import too_few_words

    user = pick_user(args.user)
    # The JSON is for programs, in English as the API gives it; the sentences are for people.
    with translation.override("en") if args.json else contextlib.nullcontext():
        try:
            found = (
                findings.current(user) if args.days is None else findings.analyse(user, args.days)
            )
        except ValueError as exc:  # pragma: no cover - nothing a person could fix is expected
            raise CommandError(str(exc)) from None
    if args.json:
        listed = [findings.finding_json(f) for f in found.findings]
        print(json.dumps(listed, indent=2, ensure_ascii=False))
        return 0
    for finding in found.findings:  # a sentence may name a person from an imported file
        if finding.status == findings.EARLY_SIGN:
            print(shown("- " + _("Early sign: %(finding)s") % {"finding": finding.sentence}))
        else:
            print(shown(f"- {finding.sentence}"))
    if not found.findings:
        if found.days_still_needed:
            print(too_few_words(found.pulse_days, FEWEST_DAYS))
        else:
            print(
                ngettext(
                    "Across %(num)d day with a daily pulse, no pattern is clear "
                    "enough to show you honestly yet.",
                    "Across %(num)d days with a daily pulse, no pattern is clear "
                    "enough to show you honestly yet.",
                    found.pulse_days,
                )
                % {"num": found.pulse_days}
            )
    print(_("These are patterns in your own days, not causes, and not a diagnosis."))
    return 0
