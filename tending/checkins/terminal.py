"""`tending checkin` and `tending instruments`: check-ins at the terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from tending.core.terminal_support import CommandError, migrate, pick_user, setup_django, shown
from tending.core.terminal_words import gettext as _
from tending.core.terminal_words import ngettext


def add_arguments(checkin: argparse.ArgumentParser, instruments: argparse.ArgumentParser) -> None:
    checkin.add_argument("instrument", nargs="?", help=_("which check (e.g. weekly-wellbeing)"))
    checkin.add_argument("--user", help=_("whose check-in (needed only with several accounts)"))
    sub = instruments.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("list", help=_("list the check-ins this instance offers"))
    check = sub.add_parser("check", help=_("validate instrument definition files"))
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")


def ask(prompt: str, choices: list[tuple[int, str]], optional: bool, read: Callable[[str], str]):
    """Ask until a valid number is given; returns the chosen value, or None when skipped."""
    for number, (_value, label) in enumerate(choices, start=1):
        print(f"  {number}) {label}")
    most = {"most": len(choices)}
    hint = (_("1-%(most)d, or Enter to skip") if optional else _("1-%(most)d")) % most
    while True:
        answer = read(f"{prompt} [{hint}]: ").strip()
        if not answer and optional:
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1][0]
        print("  " + _("Please type a number from 1 to %(most)d.") % most)


def choose_instrument(found: dict, read: Callable[[str], str]):
    listed = list(found.values())
    print(_("Which check-in?"))
    value = ask(_("Choose"), [(i, inst.title) for i, inst in enumerate(listed)], False, read)
    if value is None:  # pragma: no cover - not optional
        raise CommandError(_("No check-in chosen."))
    return listed[value]


def checkin(args: argparse.Namespace, read: Callable[[str], str] = input) -> int:
    setup_django()
    migrate()
    from django.utils import timezone

    from tending.checkins.queries import previous_to
    from tending.checkins.registry import shown_instrument, shown_instruments
    from tending.checkins.scoring import AnswerError, change_since, safety_fired
    from tending.checkins.services import save_checkin

    user = pick_user(args.user)
    timezone.activate(user.zone)
    if args.instrument:
        inst = shown_instrument(args.instrument)
        if inst is None:
            names = ", ".join(shown_instruments())
            message = _("There is no check-in called %(name)s. Try: %(names)s.")
            raise CommandError(message % {"name": repr(args.instrument), "names": names})
    else:
        inst = None
    answers: dict[str, int | None] = {}
    try:
        inst = inst or choose_instrument(shown_instruments(), read)
        print(f"\n{inst.title}. {inst.time_frame}…\n")
        choices = [(c.value, c.label) for c in inst.scale]
        for number, item in enumerate(inst.items, start=1):
            print(f"{number}. {item.text}")
            optional = may_skip(inst, answers, item)
            answers[item.id] = ask(_("Your answer"), choices, optional, read)
            print()
    except (KeyboardInterrupt, EOFError):
        print("\n" + _("Stopped. Nothing was saved."), file=sys.stderr)
        if inst is not None and safety_fired(inst, answers):
            print_crisis_help(user, safety_fired(inst, answers))
        return 130
    try:
        saved = save_checkin(user, inst, answers)
    except AnswerError as exc:
        problem = getattr(exc, "message", str(exc))
        raise CommandError(_("%(problem)s Nothing was saved.") % {"problem": problem}) from None
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
    from tending.checkins.scoring import shown_score

    low, high = inst.score_range()
    figures = {"title": inst.title, "score": f"{shown_score(saved.total):g}"}
    figures |= {"low": f"{low:g}", "high": f"{high:g}"}
    print(_("Your %(title)s: %(score)s (from %(low)s to %(high)s).") % figures)
    band = inst.band_named(saved.band_label)
    if band is not None:
        print(band.label + ("." if saved.safety_fired else f". {band.meaning}"))
    change = change_since(inst, saved.total, previous.total if previous else None)
    if change is not None and change.direction != "same":
        from tending.checkins.templating import change_words

        words = change_words()[change.direction]
        since = _("Since last time: %(delta)s (%(words)s).") % {
            "delta": f"{change.delta:+g}",
            "words": words,
        }
        meaningful = " " + _("That is a meaningful change.") if change.meaningful else ""
        print(since + meaningful)
    print(_("This is not a diagnosis."))


def print_crisis_help(user, fired) -> None:
    """The crisis page in words: the rule's message, numbers (own first), then the plan."""
    from tending.safety.queries import crisis_help_for

    help_now = crisis_help_for(user)
    print(_("Thank you for answering."))
    for rule in fired:
        print(" ".join(rule.message.split()))
    print(_("If you might act on these thoughts, please reach out now:"))
    for line in help_now.own_lines:
        print(shown(f"  {line.name}: " + _("call %(number)s") % {"number": line.number}))
    region = help_now.region
    emergency = {"region": region.name, "number": region.emergency}
    print("  " + _("Emergency (%(region)s): call %(number)s") % emergency)
    for line in region.lines:
        note = f" ({line.note})" if line.note else ""
        print(f"  {line.name}: {ways_to_reach(line)}{note}")
    if help_now.plan is not None:
        for section in help_now.plan.filled:
            print(f"\n{section.title}:")
            for row in section.shown:
                person = getattr(row, "person", None)
                text = person.name if person else row.text
                phone = (person.phone if person else getattr(row, "phone", "")) or ""
                print(shown(f"  - {text}" + (f" ({phone})" if phone else "")))
    print("\n" + _("Nobody watches these answers, and tending contacts no one on its own.") + "\n")


def ways_to_reach(line) -> str:
    """How a crisis line is reached: by a call, a text (with what to write), or either."""
    numbers = {"number": line.number, "text_number": line.text_number, "body": line.text_body}
    if line.call and line.text_number and line.text_body:
        return _("call %(number)s or text “%(body)s” to %(text_number)s") % numbers
    if line.call and line.text_number:
        return _("call %(number)s or text to %(text_number)s") % numbers
    if line.text_number and line.text_body:
        return _("text “%(body)s” to %(text_number)s") % numbers
    if line.text_number:
        return _("text to %(text_number)s") % numbers
    return _("call %(number)s") % numbers if line.call else ""


def instruments_command(args: argparse.Namespace) -> int:
    from tending.checkins.definitions import InstrumentError, load_instrument

    if args.action == "check":
        problems = 0
        for path in args.files:
            try:
                inst = load_instrument(path)
            except InstrumentError as exc:
                # The problem itself is in English, as the definition files are written.
                problems += 1
                print(f"✗ {exc}", file=sys.stderr)
            else:
                facts = {"path": path, "id": inst.id, "version": inst.version}
                facts |= {"num": len(inst.items), "languages": ", ".join(inst.languages)}
                line = ngettext(
                    "✓ %(path)s: %(id)s version %(version)s, %(num)d question (%(languages)s)",
                    "✓ %(path)s: %(id)s version %(version)s, %(num)d questions (%(languages)s)",
                    len(inst.items),
                )
                print(line % facts)
        if problems:
            message = ngettext(
                "Problems in %(problems)d of %(files)d file.",
                "Problems in %(problems)d of %(files)d files.",
                len(args.files),
            )
            raise CommandError(message % {"problems": problems, "files": len(args.files)})
        return 0
    setup_django()
    from tending.checkins.registry import shown_instruments

    for inst in shown_instruments().values():
        count = ngettext("%(num)d question", "%(num)d questions", len(inst.items))
        print(f"{inst.id:20} {inst.title} ({inst.frequency}, {count % {'num': len(inst.items)}})")
    return 0
