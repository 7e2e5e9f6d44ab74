"""jrnl's journal file, its JSON export and its Markdown export, read as journal entries.

Which of the three a file is, is told from its first lines. jrnl writes times without a
time zone: they are taken to be in the account's zone. Reading is pure; `read` and `add`
hand the entries to tending.exchange.foreign.journaling, which compares and saves them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime, tzinfo

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tending.exchange.foreign import ForeignFileError, Reading
from tending.exchange.foreign.entries import ForeignEntry, field_of, json_of, text_of, upper_first

NAME = "jrnl"
LABEL = gettext_noop("jrnl (its journal file, or its JSON or Markdown export)")

EXPECTED = gettext_noop(
    "This does not look like a jrnl file. tending reads jrnl's journal file (entries "
    "starting with a line like “[2024-01-03 07:45] A title”), its JSON export "
    "(jrnl --export json) and its Markdown export (jrnl --export markdown)."
)
# jrnl writes dates with the config's timeformat; its default "%F %r" and the common
# "%Y-%m-%d %H:%M" are both read, with or without seconds, AM/PM.
STAMP = r"(\d{4})-(\d\d)-(\d\d)[ T](\d{1,2}):(\d\d)(?::(\d\d))?(?: ?([AaPp][Mm]))?"
PLAIN_START = re.compile(rf"\[{STAMP}\](?: (.*))?")
MARKDOWN_START = re.compile(rf"### {STAMP}(?: (.*))?")
MARKDOWN_FRAME = re.compile(r"#{1,2} \S")  # "# 2024", "## January": the export's own headings
TAG = re.compile(r"(?<!\S)[@#][-+*#/\w]+")
NO_STARS = gettext_noop(
    "stars → not carried: jrnl's Markdown export does not say which entries are starred "
    "(its JSON export does)"
)


def moment(parts: tuple[str | None, ...], zone: tzinfo, where: str) -> datetime:
    """The aware date-time from STAMP's groups, or a message naming `where`."""
    year, month, day, hour, minute, second, half = (part or "" for part in parts)
    hours = int(hour)
    if half:
        if not 1 <= hours <= 12:
            raise ForeignFileError(
                _("%(where)s has an hour of %(hours)d with AM/PM.")
                % {"where": upper_first(where), "hours": hours}
            )
        hours = hours % 12 + (12 if half.lower() == "pm" else 0)
    try:
        return datetime(
            int(year), int(month), int(day), hours, int(minute), int(second or "0"), tzinfo=zone
        )
    except ValueError:
        raise ForeignFileError(
            _("%(where)s has a date that does not exist.") % {"where": upper_first(where)}
        ) from None


def tags_in(text: str) -> list[str]:
    names: list[str] = []
    for tag in TAG.findall(text):
        if tag.lower() not in names:
            names.append(tag.lower())
    return names


def _entry(where: str, stamp: datetime, head: str, lines: list[str], star: bool) -> ForeignEntry:
    starred = star and head.rstrip().endswith("*")
    if starred:
        head = head.rstrip().rstrip("*")
    # jrnl writes the title on the date's line and the body below it.
    title, body = head.strip(), "\n".join(lines).strip("\n").rstrip()
    return ForeignEntry(where, stamp, title, body, tags_in(f"{title}\n{body}"), starred)


def parse_plain(text: str, zone: tzinfo) -> list[ForeignEntry]:
    """jrnl's own journal file: "[date time] Title *" lines, each followed by its body."""
    entries: list[ForeignEntry] = []
    current: tuple[str, datetime, str] | None = None
    lines: list[str] = []
    on_line = _("the entry on line %(line)d")
    for number, line in enumerate(text.splitlines(), start=1):
        start = PLAIN_START.fullmatch(line.rstrip())
        if start:
            where = on_line % {"line": number}
            if current:
                entries.append(_entry(*current, lines, star=True))
            current, lines = (where, moment(start.groups()[:7], zone, where), start[8] or ""), []
        elif current:
            lines.append(line)
        elif line.strip():
            raise ForeignFileError(
                _("Line %(line)d comes before the first entry's date: %(expected)s")
                % {"line": number, "expected": _(EXPECTED)}
            )
    if current:
        entries.append(_entry(*current, lines, star=True))
    return entries


def parse_markdown(text: str, zone: tzinfo) -> list[ForeignEntry]:
    """jrnl's Markdown export: "### date time Title" headings under year and month ones."""
    entries: list[ForeignEntry] = []
    current: tuple[str, datetime, str] | None = None
    lines: list[str] = []
    on_line = _("the entry on line %(line)d")
    for number, line in enumerate(text.splitlines(), start=1):
        start = MARKDOWN_START.fullmatch(line.rstrip())
        if start:
            where = on_line % {"line": number}
            if current:
                entries.append(_entry(*current, lines, star=False))
            current, lines = (where, moment(start.groups()[:7], zone, where), start[8] or ""), []
        elif MARKDOWN_FRAME.match(line):
            continue
        elif current:
            # The export adds "###" to headings in a body, so they sit under the entry's.
            lines.append(line[3:] if line.startswith("####") else line)
        elif line.strip():
            raise ForeignFileError(
                _("Line %(line)d comes before the first entry's heading: %(expected)s")
                % {"line": number, "expected": _(EXPECTED)}
            )
    if current:
        entries.append(_entry(*current, lines, star=False))
    return entries


def parse_json(text: str, zone: tzinfo) -> tuple[list[ForeignEntry], list[str]]:
    """jrnl's JSON export: {"tags": {...}, "entries": [{title, body, date, time, ...}]}."""
    document = json_of(text, gettext_noop("jrnl's JSON export"))
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise ForeignFileError(
            _("This JSON has no list of “entries”. %(expected)s") % {"expected": _(EXPECTED)}
        )
    entries: list[ForeignEntry] = []
    others: set[str] = set()
    entry_number = _("entry %(number)d")
    for number, record in enumerate(document["entries"], start=1):
        where = entry_number % {"number": number}
        if not isinstance(record, dict):
            raise ForeignFileError(
                _("Entry %(number)d is not an object with a title and a body.") % {"number": number}
            )
        day = field_of(record, "date", str, where)
        hour = field_of(record, "time", str, where, "00:00")
        stamp = re.fullmatch(STAMP, f"{day} {hour}")
        if not stamp:
            raise ForeignFileError(
                _(
                    "Entry %(number)d's date and time, “%(day)s %(hour)s”, are not like "
                    "“2024-01-03” and “07:45”."
                )
                % {"number": number, "day": day[:20], "hour": hour[:10]}
            )
        tags = field_of(record, "tags", list, where, [])
        if not all(isinstance(tag, str) for tag in tags):
            raise ForeignFileError(
                _("In entry %(number)d, every tag should be text.") % {"number": number}
            )
        entries.append(
            ForeignEntry(
                where,
                moment(stamp.groups(), zone, where),
                field_of(record, "title", str, where, ""),
                field_of(record, "body", str, where, ""),
                tags,
                field_of(record, "starred", bool, where, False),
            )
        )
        others.update(set(record) - KNOWN)
    kept = []
    if others:
        kept.append(
            _("%(names)s → not carried: jrnl's own bookkeeping")
            % {"names": ", ".join(sorted(others))}
        )
    return entries, kept


KNOWN = {"title", "body", "date", "time", "tags", "starred"}


def parse(data: bytes, zone: tzinfo) -> tuple[list[ForeignEntry], list[str]]:
    """The entries in any of jrnl's three files, and what of it is not carried."""
    text = text_of(data, gettext_noop("a jrnl file"))
    first = text.lstrip()
    if first.startswith(("{", "[")) and not PLAIN_START.match(first.partition("\n")[0]):
        return parse_json(text, zone)
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise ForeignFileError(_(EXPECTED))
    if MARKDOWN_START.fullmatch(lines[0]) or (
        MARKDOWN_FRAME.match(lines[0]) and any(map(MARKDOWN_START.fullmatch, lines))
    ):
        return parse_markdown(text, zone), [_(NO_STARS)]
    if PLAIN_START.fullmatch(lines[0]):
        return parse_plain(text, zone), []
    raise ForeignFileError(_(EXPECTED))


def read(data: bytes, user) -> Reading:
    from tending.exchange.foreign.journaling import reading

    entries, kept = parse(data, user.zone)
    return reading(NAME, entries, kept, user)


def add(reading: Reading, user, chosen: Collection[int] | None = None) -> dict[str, int]:
    from tending.exchange.foreign.journaling import add_entries

    return add_entries(reading, user, chosen)
