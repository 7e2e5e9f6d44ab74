"""Journal entries from another tool: compared with the account's journal, then added.

An entry is taken to be in tending already when one of the account's entries was written at
the same moment (to the second) and has the same title or the same text; one that appears
twice in the file is added once. So importing the same file again adds nothing.
"""

from __future__ import annotations

from collections.abc import Collection

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tending.exchange.foreign import ForeignFileError, Item, Reading, progress
from tending.exchange.foreign.entries import (
    ForeignEntry,
    ShapedEntry,
    kept_lines,
    shaped,
    upper_first,
)

KIND = "journal entry"
ALREADY = gettext_noop("already in your journal (same time, same words)")
TWICE = gettext_noop("appears twice in this file")


def preview_line(entry: ShapedEntry) -> str:
    words = entry.title or " ".join(entry.body.split())
    if len(words) > 60:
        words = words[:59] + "…"
    return f"{entry.moment:%Y-%m-%d %H:%M} {words}"


def _already(user, entries: list[ShapedEntry]) -> set[tuple[int, str]]:
    """The (second, title) and (second, text) keys of the account's entries in the file's span."""
    from tending.journal.models import Entry

    moments = [entry.moment for entry in entries]
    keys: set[tuple[int, str]] = set()
    rows = Entry.objects.filter(
        owner=user, created_at__gte=min(moments), created_at__lte=max(moments)
    ).values_list("created_at", "title", "body")
    for written, title, body in rows.iterator():
        second = round(written.timestamp())
        if title:
            keys.add((second, title))
        keys.add((second, body))
    return keys


def reading(
    source: str,
    found: list[ForeignEntry],
    kept: list[str],
    user,
    where: dict[str, str] | None = None,
) -> Reading:
    """What adding `found` to `user`'s journal would do; writes nothing."""
    from tending.journal.models import latest_day

    last = latest_day()
    entries = []
    for entry in found:
        made = shaped(entry)
        if made.written_on > last:
            raise ForeignFileError(
                _(
                    "%(where)s is dated %(day)s, a day still to come; tending's journal holds "
                    "days gone by."
                )
                % {"where": upper_first(entry.where), "day": f"{made.written_on:%Y-%m-%d}"}
            )
        entries.append(made)
    entries.sort(key=lambda entry: entry.moment)
    account = _already(user, entries) if entries else set()
    in_file: set[tuple[int, str]] = set()
    items: list[Item] = []
    already, twice = _(ALREADY), _(TWICE)
    for entry in entries:
        keys = {entry.key_body(), *([entry.key_title()] if entry.title else [])}
        duplicate = already if keys & account else twice if keys & in_file else ""
        items.append(Item(KIND, preview_line(entry), duplicate, entry))
        in_file |= keys
    return Reading(source, items, [*kept, *kept_lines(entries, where or {})])


def add_entries(reading: Reading, user, chosen: Collection[int] | None = None) -> dict[str, int]:
    """Add the chosen entries (by default every new one) through the journal's own service."""
    from tending.journal.models import Entry
    from tending.journal.services import add_entries as add_to_journal

    picked = reading.default_choice() if chosen is None else sorted(set(chosen))
    rows = []
    for index in picked:
        entry: ShapedEntry = reading.items[index].data
        made = Entry(
            written_on=entry.written_on, title=entry.title, body=entry.body,
            created_at=entry.moment,
        )  # fmt: skip
        rows.append((made, entry.tags))
    total = len(rows)
    added = add_to_journal(user, rows, done=lambda count: progress(count, total))
    return {KIND: len(added)} if added else {}
