"""`tending import FILE --from SOURCE` for another tool's file: a preview, then one transaction.

Works for every source in tending.exchange.foreign.SOURCES alike: it only uses their
`read` and `add`, the Reading they return and the progress they may report.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TextIO

from tending.core.terminal_support import CommandError, migrate, setup_django, shown
from tending.core.words import gettext as _


def counted(counts: dict[str, int]) -> str:
    """ "3 journal entries, 1 person", in the terminal's language (once Django is set up)."""
    from tending.exchange.web import counted as counted_in_words

    said = ", ".join(counted_in_words(kind, count) for kind, count in counts.items() if count)
    return said or _("nothing")


class Bar:
    """A progress bar drawn on a terminal; draws nothing when output goes to a pipe or file."""

    WIDTH = 30

    def __init__(self, out: TextIO, label: str, is_terminal: bool | None = None) -> None:
        self.out = out
        self.label = label
        self.on = out.isatty() if is_terminal is None else is_terminal
        self.shown: int | None = None  # the percent last drawn

    def __call__(self, done: int, total: int) -> None:
        if not self.on or total <= 0:
            return
        percent = min(100, done * 100 // total)
        if percent == self.shown:
            return
        self.shown = percent
        filled = self.WIDTH * percent // 100
        self.out.write(f"\r{self.label} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {percent}%")
        self.out.flush()

    def close(self) -> None:
        if self.on and self.shown is not None:
            self.out.write("\r" + " " * (len(self.label) + self.WIDTH + 8) + "\r")
            self.out.flush()


def _shown_by(write: Callable[[str], None]) -> Callable[[str], None]:
    """`write`, for lines that quote the file (its groups, its columns) made safe to print."""
    return lambda line: write(shown(line))


def preview(reading, name: str, label: str, write: Callable[[str], None] = print) -> None:
    """What the file holds: what would be added, what is there already, what is kept as text."""
    new = reading.new_counts()
    there: dict[str, int] = {}
    for item in reading.items:
        if item.duplicate:
            there[item.kind] = there.get(item.kind, 0) + 1
    write = _shown_by(write)
    write(_("Read %(name)s as %(label)s.") % {"name": name, "label": _(label)})
    write("  " + _("New, to add: %(counts)s.") % {"counts": counted(new)})
    if there:
        write("  " + _("Already in tending, left out: %(counts)s.") % {"counts": counted(there)})
    if reading.kept_as_text:
        write("  " + _("Kept as text, or not carried (and why):"))
        for line in reading.kept_as_text:
            write(f"    - {line}")


def foreign_import(args: argparse.Namespace, data: bytes) -> int:
    """Read another tool's file, show what it holds, and (without --dry-run) add it."""
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from tending.core.terminal_support import pick_user
    from tending.exchange.foreign import ForeignFileError, listening, source

    setup_django()
    migrate()
    user = pick_user(args.user)
    module = source(args.source)
    name = _("standard input") if args.file == "-" else args.file
    unchanged = _("Nothing was changed.")
    try:
        reading = module.read(data, user)
    except ForeignFileError as exc:
        raise CommandError(f"{name}: {exc} {unchanged}") from None
    preview(reading, name, module.LABEL)
    if args.dry_run:
        print(_("Nothing was written (--dry-run)."))
        return 0
    if not reading.new_counts():
        print(
            _("Nothing new to add to %(name)s; nothing was changed.")
            % {"name": repr(user.username)}
        )
        return 0
    bar = Bar(sys.stdout, _("Adding"))
    try:
        with listening(bar), transaction.atomic():
            added = module.add(reading, user)
    except (ForeignFileError, ValidationError) as exc:
        said = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        raise CommandError(f"{name}: {said} {unchanged}") from None
    finally:
        bar.close()
    skipped = sum(1 for item in reading.items if item.duplicate)
    print(
        _("Added to %(name)s: %(counts)s.")
        % {"name": repr(user.username), "counts": counted(added)}
    )
    print(_("Left out, as already in tending: %(count)s.") % {"count": skipped})
    if reading.kept_as_text:
        print(_("What was kept as text, or not carried, is listed above."))
    return 0
