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
    CommandError,
    add_user_argument,
    migrate,
    pick_user,
    setup_django,
)

HEADER = (
    "<!-- Write below. Save and close the editor to keep it; leave it empty to keep nothing.\n"
    "     A first line starting with '# ' becomes the title. -->\n"
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--prompt", action="store_true", help="start from a reflection prompt")
    parser.add_argument(
        "--date", metavar="DAY", help="the day it is about: YYYY-MM-DD or yesterday (default today)"
    )
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    search = sub.add_parser("search", help="print the entries that contain these words")
    search.add_argument("words", nargs="+", help="words to look for")
    # After the subcommand, so `journal search WORDS --user NAME` works as well.
    add_user_argument(parser, "whose journal (needed only with several accounts)")


def editor_command() -> list[str]:
    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if chosen:
        return shlex.split(chosen)
    return ["notepad"] if os.name == "nt" else ["vi"]


def split_entry(text: str) -> tuple[str, str]:
    """(title, body) from what was written: comments dropped, a leading '# ' line as title."""
    text = _COMMENT.sub("", text).strip()
    if text.startswith("# "):
        first, _, rest = text.partition("\n")
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
        raise CommandError(f"--date {text!r} is not a day I understand; try 2026-03-14.") from None
    if day > today + timedelta(days=1):
        raise CommandError(
            f"--date {text!r} is still to come; please choose today or a day gone by."
        )
    if day.year < 1900:
        raise CommandError(f"--date {text!r} is too long ago; please give a date after 1900.")
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
            raise CommandError("The editor did not finish cleanly. Nothing was saved.")
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
    initial = HEADER + (f"<!-- {prompt.text} -->\n\n" if prompt else "\n")
    try:
        written = write_in_editor(initial, run=run)
    except FileNotFoundError:
        raise CommandError(
            f"Could not start the editor {editor_command()[0]!r}; set EDITOR to one you have."
        ) from None
    title, body = split_entry(written)
    if not body and not title:
        print("The entry was empty, so nothing was saved.")
        return 0
    entry = Entry(
        body=body, title=title, written_on=written_on, prompt_id=prompt.id if prompt else ""
    )
    try:
        save_entry(user, entry)
    except ValidationError as exc:
        raise CommandError(" ".join(exc.messages) + " Nothing was saved.") from None
    print(f"Saved your entry of {entry.written_on:%d %B %Y}.")
    return 0


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def for_terminal(highlighted: str) -> str:
    """What a highlighted piece of HTML says, for the terminal: [marks], no tags or entities."""
    marked = highlighted.replace("<mark>", "[").replace("</mark>", "]")
    # The text was escaped before the marks were added, so every "<" left is a tag of ours.
    # Control characters (an imported note could hold a terminal's escape codes) are left out.
    return _CONTROLS.sub("", html.unescape(_TAGS.sub("", marked)))


def search(user, words: str) -> int:
    from tending.journal.search import MAX_SEARCH_LENGTH, search_entries

    if len(words) > MAX_SEARCH_LENGTH:
        raise CommandError(
            f"Please search for at most {MAX_SEARCH_LENGTH} characters; "
            f"these words have {len(words):,}."
        )
    hits = search_entries(user, words)
    if not hits:
        print("Nothing in your journal matches that.")
        return 0
    for hit in hits:
        title = for_terminal(str(hit.title_html)) or "(no title)"
        snippet = for_terminal(str(hit.snippet_html))
        print(f"{hit.entry.written_on:%Y-%m-%d}  {title}\n    {snippet}")
    print(f"{len(hits)} entr{'y' if len(hits) == 1 else 'ies'}.")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit("Run this as: tending journal")
