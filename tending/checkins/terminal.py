"""`tending checkin` and `tending instruments`: check-ins at the terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from tending.core.terminal_support import CommandError, migrate, pick_user, setup_django


def add_arguments(checkin: argparse.ArgumentParser, instruments: argparse.ArgumentParser) -> None:
    checkin.add_argument("instrument", nargs="?", help="which check (e.g. weekly-wellbeing)")
    checkin.add_argument("--user", help="whose check-in (needed only with several accounts)")
    sub = instruments.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("list", help="list the check-ins this instance offers")
    check = sub.add_parser("check", help="validate instrument definition files")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")


def ask(prompt: str, choices: list[tuple[int, str]], optional: bool, read: Callable[[str], str]):
    """Ask until a valid number is given; returns the chosen value, or None when skipped."""
    for number, (_, label) in enumerate(choices, start=1):
        print(f"  {number}) {label}")
    hint = f"1-{len(choices)}" + (", or Enter to skip" if optional else "")
    while True:
        answer = read(f"{prompt} [{hint}]: ").strip()
        if not answer and optional:
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1][0]
        print(f"  Please type a number from 1 to {len(choices)}.")


def choose_instrument(found: dict, read: Callable[[str], str]):
    listed = list(found.values())
    print("Which check-in?")
    value = ask("Choose", [(i, inst.title) for i, inst in enumerate(listed)], False, read)
    if value is None:  # pragma: no cover - not optional
        raise CommandError("No check-in chosen.")
    return listed[value]


def checkin(args: argparse.Namespace, read: Callable[[str], str] = input) -> int:
    setup_django()
    migrate()
    from django.utils import timezone

    from tending.checkins.queries import previous_to
    from tending.checkins.registry import get_instrument, instruments
    from tending.checkins.scoring import AnswerError, change_since, safety_fired
    from tending.checkins.services import save_checkin

    user = pick_user(args.user)
    timezone.activate(user.zone)
    if args.instrument:
        inst = get_instrument(args.instrument)
        if inst is None:
            names = ", ".join(instruments())
            raise CommandError(f"There is no check-in called {args.instrument!r}. Try: {names}.")
    else:
        inst = None
    answers: dict[str, int | None] = {}
    try:
        inst = inst or choose_instrument(instruments(), read)
        print(f"\n{inst.title}. {inst.time_frame}…\n")
        choices = [(c.value, c.label) for c in inst.scale]
        for number, item in enumerate(inst.items, start=1):
            print(f"{number}. {item.text}")
            optional = may_skip(inst, answers, item)
            answers[item.id] = ask("Your answer", choices, optional, read)
            print()
    except (KeyboardInterrupt, EOFError):
        print("\nStopped. Nothing was saved.", file=sys.stderr)
        if inst is not None and safety_fired(inst, answers):
            print_crisis_help(user, safety_fired(inst, answers))
        return 130
    try:
        saved = save_checkin(user, inst, answers)
    except AnswerError as exc:
        raise CommandError(getattr(exc, "message", str(exc)) + " Nothing was saved.") from None
    fired = safety_fired(inst, answers)
    if fired:  # help first, before any score
        print_crisis_help(user, fired)
    print_result(inst, saved, previous_to(saved), change_since)
    return 0


def may_skip(inst, answers: dict, item) -> bool:
    """Unscored questions may always be skipped; scored ones while the instrument allows."""
    if not item.scored:
        return True
    allowed = inst.max_missing if inst.missing_policy == "prorate" else 0
    skipped = sum(1 for i in inst.scored_items if i.id in answers and answers[i.id] is None)
    return skipped < allowed


def print_result(inst, saved, previous, change_since) -> None:
    low, high = inst.score_range()
    from tending.checkins.scoring import shown_score

    print(f"Your {inst.title}: {shown_score(saved.total):g} (from {low:g} to {high:g}).")
    band = next((b for b in inst.bands if b.label == saved.band_label), None)
    if band is not None:
        print(band.label + ("." if saved.safety_fired else f". {band.meaning}"))
    change = change_since(inst, saved.total, previous.total if previous else None)
    if change is not None and change.direction != "same":
        meaningful = " That is a meaningful change." if change.meaningful else ""
        print(f"Since last time: {change.delta:+g} ({change.words}).{meaningful}")
    print("This is not a diagnosis.")


def print_crisis_help(user, fired) -> None:
    """The crisis page in words: the rule's message, numbers (own first), then the plan."""
    from tending.safety.queries import crisis_help_for

    help_now = crisis_help_for(user)
    print("Thank you for answering.")
    for rule in fired:
        print(" ".join(rule.message.split()))
    print("If you might act on these thoughts, please reach out now:")
    for line in help_now.own_lines:
        print(f"  {line.name}: call {line.number}")
    region = help_now.region
    print(f"  Emergency ({region.name}): call {region.emergency}")
    for line in region.lines:
        ways = [f"call {line.number}"] if line.call else []
        if line.text_number:
            body = f" “{line.text_body}”" if line.text_body else ""
            ways.append(f"text{body} to {line.text_number}")
        note = f" ({line.note})" if line.note else ""
        print(f"  {line.name}: {' or '.join(ways)}{note}")
    if help_now.plan is not None:
        for section in help_now.plan.filled:
            print(f"\n{section.title}:")
            for row in section.shown:
                person = getattr(row, "person", None)
                text = person.name if person else row.text
                phone = (person.phone if person else getattr(row, "phone", "")) or ""
                print(f"  - {text}" + (f" ({phone})" if phone else ""))
    print("\nNobody watches these answers, and tending contacts no one on its own.\n")


def instruments_command(args: argparse.Namespace) -> int:
    from tending.checkins.definitions import InstrumentError, load_instrument

    if args.action == "check":
        problems = 0
        for path in args.files:
            try:
                inst = load_instrument(path)
            except InstrumentError as exc:
                problems += 1
                print(f"✗ {exc}", file=sys.stderr)
            else:
                print(f"✓ {path}: {inst.id} version {inst.version}, {len(inst.items)} questions")
        if problems:
            raise CommandError(f"{problems} of {len(args.files)} file(s) have problems.")
        return 0
    setup_django()
    from tending.checkins.registry import instruments

    for inst in instruments().values():
        print(f"{inst.id:20} {inst.title} ({inst.frequency}, {len(inst.items)} questions)")
    return 0
