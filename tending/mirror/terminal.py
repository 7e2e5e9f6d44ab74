"""`tending mirror`: one's feedback rounds at the terminal, and a round's Johari window."""

from __future__ import annotations

import argparse
import textwrap

from tending.core.terminal_support import CommandError, migrate, pick_user, setup_django

WIDTH = 78


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "round", nargs="?", type=_round_number, help="a round's number (from the list)"
    )
    parser.add_argument("--user", help="whose rounds (needed only when there are several accounts)")
    parser.add_argument(
        "--answers", action="store_true", help="with a round: print the open answers too"
    )


def _round_number(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) <= 18):
        raise argparse.ArgumentTypeError(f"{text!r} is not a round's number (see `tending mirror`)")
    return int(text)


def _counted(words) -> str:
    return ", ".join(f"{word} {n}" for word, n in words) or "none"


def _wrapped(label: str, text: str) -> list[str]:
    return textwrap.wrap(f"{label}: {text}", WIDTH, subsequent_indent="  ")


def window_lines(page) -> list[str]:
    """A round's result as lines of text (tending.mirror.queries.RoundPage)."""
    feedback = page.round
    window = page.window
    if window is None:
        if feedback.anonymous:
            return [
                f"{page.answers} answer{'' if page.answers == 1 else 's'} so far. An anonymous "
                "round shows its result once at least three people have answered."
            ]
        return ["No answers yet."]
    counted = window.answers
    lines = [f"From {counted} answer{'' if counted == 1 else 's'} "
             "(the number by a word: how many picked it)."]  # fmt: skip
    if page.answers > counted:
        lines.append(
            f"{page.answers - counted} more came in since; an anonymous round's result grows "
            f"three answers at a time ({page.still_needed} more, and they show)."
        )
    lines += _wrapped("Open (you and they see)", _counted(window.open))
    lines += _wrapped("Blind spot (they see, you didn't pick)", _counted(window.blind))
    lines += _wrapped("Hidden (you picked, they didn't)", ", ".join(window.hidden) or "none")
    lines += _wrapped("Unknown (nobody picked)", f"{len(window.unknown)} words")
    return lines


def answer_lines(page) -> list[str]:
    lines = []
    if page.round.anonymous:
        for heading, texts in (("What they value in you", page.valued),
                               ("What you might not see", page.unseen)):  # fmt: skip
            if texts:
                lines += ["", f"{heading} (in no particular order):"]
                lines += [f"- {' '.join(text.split())}" for text in texts]
        return lines
    for answer in page.named:
        lines += ["", f"{answer.label}: {', '.join(answer.words)}"]
        if answer.valued:
            lines += _wrapped("  What they value in you", " ".join(answer.valued.split()))
        if answer.unseen:
            lines += _wrapped("  What you might not see", " ".join(answer.unseen.split()))
    return lines


def mirror(args: argparse.Namespace) -> int:
    setup_django()
    migrate()
    from django.utils import timezone

    from tending.core.date_format import format_date
    from tending.core.ownership import owned
    from tending.mirror import queries
    from tending.mirror.models import Round

    user = pick_user(args.user)
    timezone.activate(user.zone)  # days and months as the person lives them, as on the page

    def when(feedback) -> str:
        return format_date(timezone.localtime(feedback.created_at), "j F Y")

    if args.round is None:
        rows = queries.round_rows(user)
        if not rows:
            print("No feedback rounds yet. Open one on the Mirror page of tending.")
            return 0
        for row in rows:
            feedback = row.round
            state = "closed" if feedback.closed_at else "open"
            kind = "anonymous" if feedback.anonymous else "named"
            shown = f", {row.open_words} in the open" if row.shown else ""
            answers = f"{row.answers} answer{'' if row.answers == 1 else 's'}"
            print(f"{feedback.pk:>4}  {when(feedback)}  {kind}, {state}, {answers}{shown}")
        said = queries.open_area_change(rows)
        if said:
            print(f"\n{said}")
        print("\n`tending mirror NUMBER` shows a round's window.")
        return 0
    feedback = owned(Round, user).filter(pk=args.round).first()
    if feedback is None:
        raise CommandError(
            f"There is no round {args.round} in {user.get_username()}'s rounds. "
            "`tending mirror` lists them."
        )
    page = queries.round_page(feedback)
    kind = "anonymous" if feedback.anonymous else "named"
    state = "closed" if feedback.closed_at else "open"
    print(f"Your round of {when(feedback)} ({kind}, {state})")
    print(f"Your words: {', '.join(feedback.own_words)}")
    print("\n".join(window_lines(page)))
    if args.answers and page.shown:
        print("\n".join(answer_lines(page)))
    return 0
