"""`tending log`: logging a moment from the terminal."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from tending.core.dates import LocalTime

from tending.core.terminal_support import CommandError, migrate, pick_user, setup_django, shown
from tending.core.words import gettext as _

T = TypeVar("T")


def _scale(top: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("%(given)s is not a number from 1 to %(top)s") % {"given": repr(text), "top": top}
            ) from None
        if not 1 <= value <= top:
            raise argparse.ArgumentTypeError(
                _("%(given)s is outside 1 to %(top)s") % {"given": value, "top": top}
            )
        return value

    return parse


def _minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("%(given)s is not a whole number of minutes") % {"given": repr(text)}
        ) from None
    if not 1 <= value <= 1440:
        raise argparse.ArgumentTypeError(
            _("%(given)s is outside 1 to 1440 minutes") % {"given": value}
        )
    return value


# Kept in step with tending.moments.models (Sharing, Channel); a test checks they match.
SHARING = ["nothing", "facts", "thoughts", "feelings", "vulnerable"]  # stored as 0 to 4
CHANNELS = ["in-person", "call", "video", "messages", "letter", "other"]


def add_log_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="+", metavar="NAME", help=_("who it was with"))
    parser.add_argument(
        "--user", help=_("whose circle (needed only when there are several accounts)")
    )
    parser.add_argument(
        "--when",
        help=_(
            'when it was: "YYYY-MM-DD HH:MM", "YYYY-MM-DD", "yesterday" (default: now); '
            "a time the clocks repeated is the first, one they skipped moves forward"
        ),
    )
    parser.add_argument("--minutes", type=_minutes, help=_("how long, in minutes"))
    parser.add_argument("--how", choices=CHANNELS, help=_("how you were in touch"))
    parser.add_argument("--reached-out", choices=["me", "them", "both"], help=_("who reached out"))
    parser.add_argument("--shared", choices=SHARING, help=_("how much you shared of yourself"))
    parser.add_argument("--they-shared", choices=SHARING, help=_("how much they shared"))
    parser.add_argument("--understood", type=_scale(5), help=_("felt understood, 1-5"))
    parser.add_argument("--validated", type=_scale(5), help=_("felt accepted, 1-5"))
    parser.add_argument("--cared", type=_scale(5), help=_("felt cared for, 1-5"))
    parser.add_argument("--closeness", type=_scale(7), help=_("how close you felt afterwards, 1-7"))
    parser.add_argument("--safe", type=_scale(5), help=_("how safe you felt, 1-5"))
    parser.add_argument("--note", default="", help=_("a short note"))
    parser.add_argument("--tag", action="append", default=[], help=_("a tag (repeat for more)"))


def parse_when(text: str | None, now: datetime) -> LocalTime:
    """A moment's time, in the person's own time zone (`now` is aware, in that zone).

    Clock changes are resolved as the web form does (resolve_local_time): a time that came
    twice is the first, a time that never came moves forward, and the note says so.
    """
    from tending.core.dates import LocalTime, resolve_local_time

    if not text:
        return LocalTime(now)
    word = text.strip().lower()
    if word in ("now", "today"):
        return LocalTime(now)
    if word == "yesterday":
        return resolve_local_time(now.replace(tzinfo=None) - timedelta(days=1), now.tzinfo)
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
        if fmt == "%Y-%m-%d":
            parsed = parsed.replace(hour=12)
        if parsed.year < 1900:
            raise CommandError(
                _("--when %(given)s is too long ago; please give a date after 1900.")
                % {"given": repr(text)}
            )
        if parsed > now.replace(tzinfo=None) + timedelta(days=2):
            # Refused before any time zone arithmetic, which overflows near the year 9999.
            raise CommandError(_still_to_come(text))
        when = resolve_local_time(parsed, now.tzinfo)
        if when.when > now + timedelta(minutes=5):
            raise CommandError(_still_to_come(text))
        return when
    raise CommandError(
        _('--when %(given)s is not a time I understand; try "2026-03-14 19:30".')
        % {"given": repr(text)}
    )


def _still_to_come(text: str) -> str:
    return _("--when %(given)s is still to come; a moment is something that happened.") % {
        "given": repr(text)
    }


def resolve_people(user, names: list[str]):
    from tending.circle.models import Person
    from tending.core.ownership import owned

    return choose_people(names, list(owned(Person, user).filter(is_archived=False)))


def choose_people(names: list[str], people: list[T]) -> list[T]:
    """Who each name is among `people` (the circle, not archived, by name then id), in the
    order typed; a name that fits nobody, or several, is an error that logs nothing."""
    from tending.circle.naming import find_by_name

    chosen = []
    for name in names:
        match = find_by_name(name, people)
        if match.found is not None:
            if match.found not in chosen:
                chosen.append(match.found)
        elif match.candidates:
            listed = ", ".join(sorted(p.name for p in match.candidates))
            raise CommandError(
                _("%(name)s could be several people: %(listed)s. Please type more of the name.")
                % {"name": repr(name), "listed": listed}
            )
        else:
            said = [_("Nobody called %(name)s is in your circle.") % {"name": repr(name)}]
            if match.suggestions:
                said.append(_("Did you mean: %(names)s?") % {"names": ", ".join(match.suggestions)})
            raise CommandError(" ".join([*said, _("Nothing was logged.")]))
    return chosen


def log(args: argparse.Namespace) -> int:
    from tending.moments.direct import log_quickly

    done = log_quickly(args)
    if done is not None:
        return done
    setup_django()
    migrate()
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from tending.core.tags import parse_tag_names
    from tending.moments.models import SHARING_SLUGS
    from tending.moments.services import log_moment

    user = pick_user(args.user)
    timezone.activate(user.zone)
    people = resolve_people(user, args.names)
    when = parse_when(args.when, timezone.localtime())
    fields = {
        "occurred_at": when.when,
        "duration_minutes": args.minutes,
        "channel": args.how or "",
        "initiated_by": args.reached_out or "",
        "self_disclosure": SHARING_SLUGS[args.shared] if args.shared else None,
        "other_disclosure": SHARING_SLUGS[args.they_shared] if args.they_shared else None,
        "felt_understood": args.understood,
        "felt_validated": args.validated,
        "felt_cared_for": args.cared,
        "closeness_after": args.closeness,
        "felt_safe": args.safe,
        "note": args.note,
    }
    try:
        moment = log_moment(user, people, tag_names=parse_tag_names(",".join(args.tag)), **fields)
    except ValidationError as exc:
        raise CommandError(" ".join(exc.messages)) from None
    for line in logged_lines(people, timezone.localtime(moment.occurred_at), when.note):
        print(line)
    return 0


def logged_lines(people, local: datetime, note: str) -> list[str]:
    """What `tending log` says once the moment is saved (`local`: its time, the person's), on
    either path; names may have come from an imported file, so they are printed inert."""
    names = ", ".join(shown(p.name) for p in people)
    said = _("Logged a moment with %(names)s on %(when)s.") % {
        "names": names,
        "when": f"{local:%Y-%m-%d %H:%M}",
    }
    return [said, *([note] if note else [])]
