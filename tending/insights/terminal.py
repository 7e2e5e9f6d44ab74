"""`tending insights`: the findings at the terminal, as sentences or as JSON."""

from __future__ import annotations

import argparse
import json

from tending.core.terminal_support import CommandError, migrate, pick_user, setup_django

MOST_DAYS = 36500  # a hundred years: more than anyone's diary


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if not 1 <= value <= MOST_DAYS:
        raise argparse.ArgumentTypeError(f"{value} is outside 1 to {MOST_DAYS} days")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", help="whose days (needed only when there are several accounts)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print a JSON array, one object per finding (docs/insights.md describes it)",
    )
    parser.add_argument(
        "--days",
        type=_days,
        metavar="N",
        help="look only at the last N days (worked out afresh, not kept)",
    )


def insights(args: argparse.Namespace) -> int:
    setup_django()
    migrate()
    from tending.insights import findings
    from tending.insights.assemble import FEWEST_DAYS
    from tending.insights.showing import too_few_words

    user = pick_user(args.user)
    try:
        found = findings.current(user) if args.days is None else findings.analyse(user, args.days)
    except ValueError as exc:  # pragma: no cover - nothing a person could fix is expected
        raise CommandError(str(exc)) from None
    if args.json:
        shown = [findings.finding_json(f) for f in found.findings]
        print(json.dumps(shown, indent=2, ensure_ascii=False))
        return 0
    for finding in found.findings:
        early = "Early sign: " if finding.status == findings.EARLY_SIGN else ""
        print(f"- {early}{finding.sentence}")
    if not found.findings:
        if found.days_still_needed:
            print(too_few_words(found.pulse_days, FEWEST_DAYS))
        else:
            print(
                f"Across {found.pulse_days} days with a daily pulse, no pattern is clear "
                "enough to show you honestly yet."
            )
    print("These are patterns in your own days, not causes, and not a diagnosis.")
    return 0
