"""The journal as a zip of Markdown files, one per entry, each with YAML front matter.

Files are named by the entry's day and a few words of its title (journal/2026-03-14-a-walk.md),
unique within the zip, and made only of ASCII letters, digits and hyphens, so no name can
reach outside the folder it is unpacked in. The front matter says the day with the time
it was written and its offset, the title, tags, people and the prompt answered; the body
follows exactly as written. Entries are read a few hundred at a time in one snapshot.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import BinaryIO

from tending.exchange.markdown_text import FileNames, entry_file
from tending.exchange.reading import (
    account_zone,
    journal_entries,
    member,
    open_zip,
    snapshot,
)

EARLIEST_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # a zip cannot date a file earlier


def write_markdown_zip(user, out: BinaryIO) -> dict[str, int]:
    """Write `user`'s journal to `out`; return {"journal_entries": how many}."""
    from tending.journal.prompts import get_prompt

    count = 0
    names = FileNames()
    with snapshot(), open_zip(out) as archive:
        zone = account_zone(user)
        for row, tags, people in journal_entries(user):
            _, day, created, changed, title, prompt_id, body = row
            when = written_at(day, created.astimezone(zone).time(), zone)
            fields: list[tuple[str, str | list[str]]] = [
                ("title", title),
                ("tags", tags),
                ("people", people),
            ]
            if prompt_id:
                prompt = get_prompt(prompt_id)
                fields.append(("prompt_id", prompt_id))
                fields.append(("prompt", prompt.text if prompt else ""))
            fields.append(("changed", changed.astimezone(zone).isoformat(timespec="seconds")))
            info = member(names.name(day, title, body), _zip_time(when))
            archive.writestr(info, entry_file(when.isoformat(), fields, body))
            count += 1
    return {"journal_entries": count}


def written_at(day: date, clock: time, zone) -> datetime:
    """The entry's day at the time of day it was first saved, in the writer's zone."""
    return datetime.combine(day, clock.replace(microsecond=0), tzinfo=zone)


def _zip_time(when: datetime) -> tuple[int, int, int, int, int, int]:
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    return max(stamp, EARLIEST_ZIP_TIME)
