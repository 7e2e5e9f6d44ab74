"""`tending journal`: write an entry in $EDITOR, or search the journal, at the terminal."""

from __future__ import annotations

import argparse
import html
import os
import re
import shlex
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from tending.core.terminal_support import (
    TERMINAL_COMMANDS,
    CommandError,
    add_user_argument,
    migrate,
    pick_user,
    setup_django,
    written_day,
)
from tending.core.words import gettext as _
from tending.core.words import grouped, ngettext


def header() -> str:
    """What the new entry's file starts with, in the terminal's language (a comment, which
    is not kept)."""
    first = _("Write below. Save and close the editor to keep it; leave it empty to keep nothing.")
    second = _("A first line starting with '# ' becomes the title.")
    return f"<!-- {first}\n     {second} -->\n"


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--prompt", action="store_true", help=_("start from a reflection prompt"))
    parser.add_argument(
        "--date",
        metavar="DAY",
        help=_("the day it is about: YYYY-MM-DD or yesterday (default today)"),
    )
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    search = sub.add_parser("search", help=_("print the entries that contain these words"))
    search.add_argument("words", nargs="+", help=_("words to look for"))
    # After the subcommand, so `journal search WORDS --user NAME` works as well.
    add_user_argument(parser, _("whose journal (needed only with several accounts)"))


def editor_command() -> list[str]:
    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if chosen:
        return shlex.split(chosen)
    return ["notepad"] if os.name == "nt" else ["vi"]


def split_entry(text: str) -> tuple[str, str]:
    """(title, body) from what was written: comments dropped, a leading '# ' line as title."""
    text = _COMMENT.sub("", text).strip()
    if text.startswith("# "):
        first, _newline, rest = text.partition("\n")
        return first[2:].strip()[:200], rest.strip()
    return "", text


def parse_day(text: str | None, today: date) -> date:
    """The day an entry is about, checked before the editor opens so no writing is lost."""

    if not text or text.strip().lower() == "today":
        return today
    if text.strip().lower() == "yesterday":
        return today - timedelta(days=1)
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(
            _("--date %(given)s is not a day I understand; try 2026-03-14.") % {"given": repr(text)}
        ) from None
    if day > today + timedelta(days=1):
        raise CommandError(
            _("--date %(given)s is still to come; please choose today or a day gone by.")
            % {"given": repr(text)}
        )
    if day.year < 1900:
        raise CommandError(
            _("--date %(given)s is too long ago; please give a date after 1900.")
            % {"given": repr(text)}
        )
    return day


def write_in_editor(initial: str, run=subprocess.run) -> str:
    """Let the person write in their editor; the temporary file is always removed."""
    handle, name = tempfile.mkstemp(prefix="tending-journal-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(initial)
        result = run([*editor_command(), str(path)])
        if getattr(result, "returncode", 0) != 0:
            raise CommandError(_("The editor did not finish cleanly. Nothing was saved."))
        return path.read_text(encoding="utf-8")
    finally:
        path.unlink(missing_ok=True)


def journal(args: argparse.Namespace, run=subprocess.run) -> int:
    if args.action == "search":
        from tending.journal.direct import search_quickly

        done = search_quickly(args)
        if done is not None:
            return done
    setup_django()
    migrate()
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from tending.journal.models import Entry
    from tending.journal.prompts import choose_prompt, library
    from tending.journal.services import save_entry

    user = pick_user(args.user)
    timezone.activate(user.zone)
    if args.action == "search":
        return search(user, " ".join(args.words))
    written_on = parse_day(getattr(args, "date", None), timezone.localdate())
    prompt = None
    if args.prompt:
        prompt = choose_prompt(library(), seed=f"{user.pk}:{timezone.now().isoformat()}")
    initial = header() + (f"<!-- {prompt.local_text} -->\n\n" if prompt else "\n")
    try:
        written = write_in_editor(initial, run=run)
    except FileNotFoundError:
        raise CommandError(
            _("Could not start the editor %(editor)s; set EDITOR to one you have.")
            % {"editor": repr(editor_command()[0])}
        ) from None
    title, body = split_entry(written)
    if not body and not title:
        print(_("The entry was empty, so nothing was saved."))
        return 0
    entry = Entry(
        body=body, title=title, written_on=written_on, prompt_id=prompt.id if prompt else ""
    )
    try:
        save_entry(user, entry)
    except ValidationError as exc:
        raise CommandError(" ".join([*exc.messages, _("Nothing was saved.")])) from None
    print(_("Saved your entry of %(day)s.") % {"day": written_day(entry.written_on)})
    return 0


def for_terminal(highlighted: str) -> str:
    """What a highlighted piece of HTML says, for the terminal: [marks], no tags or entities."""
    marked = highlighted.replace("<mark>", "[").replace("</mark>", "]")
    # The text was escaped before the marks were added, so every "<" left is a tag of ours.
    # What the terminal would act on (an imported note could hold its escape codes, or a mark
    # that reverses the line) is left out.
    return TERMINAL_COMMANDS.sub("", html.unescape(_TAGS.sub("", marked)))


def search(user, words: str) -> int:
    from tending.journal.search import MAX_SEARCH_LENGTH, search_entries

    if len(words) > MAX_SEARCH_LENGTH:
        raise CommandError(
            _("Please search for at most %(most)s characters; these words have %(given)s.")
            % {"most": MAX_SEARCH_LENGTH, "given": grouped(len(words))}
        )
    hits = search_entries(user, words)
    if not hits:
        print(_("Nothing in your journal matches that."))
        return 0
    for hit in hits:
        title = for_terminal(str(hit.title_html)) or _("(no title)")
        snippet = for_terminal(str(hit.snippet_html))
        print(f"{hit.entry.written_on:%Y-%m-%d}  {title}\n    {snippet}")
    print(entries_found(len(hits)))
    return 0


def entries_found(count: int) -> str:
    """The last line of `tending journal search` (and of its quick path): "3 entries."."""
    return ngettext("%(num)d entry.", "%(num)d entries.", count) % {"num": count}


if __name__ == "__main__":  # pragma: no cover
    sys.exit("Run this as: tending journal")
