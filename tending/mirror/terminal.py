"""`tending mirror`: one's feedback rounds at the terminal, and a round's Johari window."""

from __future__ import annotations

import argparse
import textwrap

from tending.core.terminal_support import CommandError, migrate, pick_user, setup_django, shown
from tending.core.words import gettext as _
from tending.core.words import ngettext

WIDTH = 78


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "round", nargs="?", type=_round_number, help=_("a round's number (from the list)")
    )
    parser.add_argument(
        "--user", help=_("whose rounds (needed only when there are several accounts)")
    )
    parser.add_argument(
        "--answers", action="store_true", help=_("with a round: print the open answers too")
    )


def _round_number(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) <= 18):
        raise argparse.ArgumentTypeError(
            _("%(text)r is not a round's number (see `tending mirror`)") % {"text": text}
        )
    return int(text)


def _said(word: str) -> str:
    """A word of the list as the terminal's language says it (they are kept in English)."""
    from django.utils.translation import get_language

    from tending.mirror.words import shown_words

    return shown_words(get_language()).get(word, word)


def _listed(words) -> str:
    return ", ".join(_said(word) for word in words) or _("none")


def _counted(words) -> str:
    return ", ".join(f"{_said(word)} {n}" for word, n in words) or _("none")


def _kind(feedback) -> str:
    """A round's kind and state, as the list and the heading say them."""
    if feedback.anonymous:
        return _("anonymous, closed") if feedback.closed_at else _("anonymous, open")
    return _("named, closed") if feedback.closed_at else _("named, open")


def _wrapped(label: str, text: str) -> list[str]:
    return textwrap.wrap(f"{label}: {text}", WIDTH, subsequent_indent="  ")


def window_lines(page) -> list[str]:
    """A round's result as lines of text (tending.mirror.queries.RoundPage)."""
    feedback = page.round
    window = page.window
    if window is None:
        if feedback.anonymous:
            said = ngettext(
                "%(num)d answer so far. An anonymous round shows its result once at least "
                "three people have answered.",
                "%(num)d answers so far. An anonymous round shows its result once at least "
                "three people have answered.",
                page.answers,
            )
            return [said % {"num": page.answers}]
        return [_("No answers yet.")]
    counted = window.answers
    lines = [
        ngettext(
            "From %(num)d answer (the number by a word: how many picked it).",
            "From %(num)d answers (the number by a word: how many picked it).",
            counted,
        )
        % {"num": counted}
    ]
    if page.answers > counted:
        lines.append(
            ngettext(
                "%(num)d more came in since; an anonymous round's result grows three answers "
                "at a time (%(needed)d more, and they show).",
                "%(num)d more came in since; an anonymous round's result grows three answers "
                "at a time (%(needed)d more, and they show).",
                page.answers - counted,
            )
            % {"num": page.answers - counted, "needed": page.still_needed}
        )
    unknown = len(window.unknown)
    lines += _wrapped(_("Open (you and they see)"), _counted(window.open))
    lines += _wrapped(_("Blind spot (they see, you didn't pick)"), _counted(window.blind))
    lines += _wrapped(_("Hidden (you picked, they didn't)"), _listed(window.hidden))
    lines += _wrapped(
        _("Unknown (nobody picked)"),
        ngettext("%(num)d word", "%(num)d words", unknown) % {"num": unknown},
    )
    return lines


def _one_line(text: str) -> str:
    """What someone answered, on one line, safe to print (their words are a stranger's)."""
    return shown(" ".join(text.split()))


def answer_lines(page) -> list[str]:
    lines = []
    if page.round.anonymous:
        for heading, texts in ((_("What they value in you"), page.valued),
                               (_("What you might not see"), page.unseen)):  # fmt: skip
            if texts:
                lines += ["", _("%(heading)s (in no particular order):") % {"heading": heading}]
                lines += [f"- {_one_line(text)}" for text in texts]
        return lines
    for answer in page.named:
        lines += ["", f"{_one_line(answer.label)}: {_listed(answer.words)}"]
        if answer.valued:
            lines += _wrapped("  " + _("What they value in you"), _one_line(answer.valued))
        if answer.unseen:
            lines += _wrapped("  " + _("What you might not see"), _one_line(answer.unseen))
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
            print(_("No feedback rounds yet. Open one on the Mirror page of tending."))
            return 0
        for row in rows:
            feedback = row.round
            answers = ngettext("%(num)d answer", "%(num)d answers", row.answers)
            said = answers % {"num": row.answers}
            if row.shown:
                said += ", " + _("%(num)d in the open") % {"num": row.open_words}
            print(f"{feedback.pk:>4}  {when(feedback)}  {_kind(feedback)}, {said}")
        said = queries.open_area_change(rows)
        if said:
            print(f"\n{said}")
        print("\n" + _("`tending mirror NUMBER` shows a round's window."))
        return 0
    feedback = owned(Round, user).filter(pk=args.round).first()
    if feedback is None:
        raise CommandError(
            _("There is no round %(number)d in %(user)s's rounds. `tending mirror` lists them.")
            % {"number": args.round, "user": user.get_username()}
        )
    page = queries.round_page(feedback)
    print(_("Your round of %(day)s (%(kind)s)") % {"day": when(feedback), "kind": _kind(feedback)})
    print(_("Your words: %(words)s") % {"words": _listed(feedback.own_words)})
    print("\n".join(window_lines(page)))
    if args.answers and page.shown:
        print("\n".join(answer_lines(page)))
    return 0
