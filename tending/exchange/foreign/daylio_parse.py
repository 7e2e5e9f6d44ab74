"""Reading a Daylio CSV export into plain rows, and writing each as a journal entry; of Django
only its translations, for the messages."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, time

from django.utils.translation import gettext as _

from tending.exchange.checking import number
from tending.exchange.foreign import ForeignFileError

MAX_ROWS = 100_000  # ten years of several entries a day is about 10,000
MAX_FILE_BYTES = 64 * 1024 * 1024  # ten years of daily entries with notes is a few MB
TITLE_CHARS = 200  # journal.Entry.title
MAX_TAG_CHARS = 40  # core.tag_names.MAX_TAG_LENGTH, without importing Django here
# Daylio's five moods as it names them until the person renames them, lowest first; the
# number is the answer on the five-moods check-in's scale (checkins/instruments).
DEFAULT_MOODS = {"awful": 1, "bad": 2, "meh": 3, "good": 4, "rad": 5}
KNOWN = ("full_date", "year", "date", "weekday", "time", "mood", "activities", "note_title", "note")
MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\Z", re.IGNORECASE)
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\Z")
# Daylio's own formatting marks in a note, and what Markdown writes for each; tending's
# renderer leaves raw HTML out, so without this a <br> would run two lines together.
_MARKS = {"br": "\n", "b": "**", "strong": "**", "i": "*", "em": "*", "li": "\n- ", "ul": "\n\n"}
_MARK = re.compile(r"<(/?)(br|b|strong|i|em|li|ul)\s*/?>", re.IGNORECASE)


@dataclass
class DaylioRow:
    line: int
    day: date
    at: time | None
    mood: str
    activities: list[str] = field(default_factory=list)
    title: str = ""
    note: str = ""
    other: list[tuple[str, str]] = field(default_factory=list)  # columns Daylio may add later

    def level(self) -> int | None:
        """The mood's place on Daylio's default scale, or None for a name of the person's own."""
        return DEFAULT_MOODS.get(self.mood.strip().casefold())

    def entry_title(self) -> str:
        """The note's title, cut to what an entry's title holds (the whole is in the body)."""
        cut = len(self.title) > TITLE_CHARS
        return self.title[: TITLE_CHARS - 1] + "…" if cut else self.title

    def body(self) -> str:
        """The journal entry's Markdown: what was tracked as a list, then the note as written."""
        facts = [f"- Title: {self.title}"] if len(self.title) > TITLE_CHARS else []
        if self.mood:
            facts.append(f"- Mood: {self.mood}")
        if self.at is not None:
            facts.append(f"- Time: {self.at:%H:%M}")
        if self.activities:
            facts.append(f"- Activities: {', '.join(self.activities)}")
        facts += [f"- {name}: {value}" for name, value in self.other]
        note = note_markdown(self.note)
        return "\n\n".join(part for part in ("\n".join(facts), note) if part)

    def tags(self) -> list[str]:
        """Each activity as a tag, as the journal's tag field would make it; [] when too long."""
        names: list[str] = []
        for activity in self.activities:
            name = tag_name(activity)
            if name and name not in names:
                names.append(name)
        return names


def note_markdown(note: str) -> str:
    """A note with Daylio's bold, italics, lists and line breaks written as Markdown."""

    def mark(found: re.Match[str]) -> str:
        closing, name = found.group(1), found.group(2).lower()
        return "" if closing and name == "li" else _MARKS[name]

    return _MARK.sub(mark, note)


def tag_name(activity: str) -> str:
    name = " ".join(activity.replace(",", " ").split()).lstrip("#").lower()
    return name if len(name) <= MAX_TAG_CHARS else ""


def decode(data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise ForeignFileError(
            _(
                "This file is larger than %(megabytes)d MB; a Daylio export of many years is a "
                "few MB. Please split it and bring in each part."
            )
            % {"megabytes": MAX_FILE_BYTES // 2**20}
        )
    if b"\x00" in data:
        raise ForeignFileError(_("This looks like a binary file, not a Daylio CSV export."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ForeignFileError(
            _(
                "Line %(line)d is not UTF-8 text; a Daylio export is. Was the file changed in "
                "another program?"
            )
            % {"line": line}
        ) from None


def read_rows(data: bytes) -> list[DaylioRow]:
    """Every entry in the export, in the file's order (Daylio writes the newest first)."""
    reader = csv.reader(io.StringIO(decode(data), newline=""), strict=True)
    try:
        header = next(reader, None)
        columns = _columns(header)
        rows: list[DaylioRow] = []
        start = reader.line_num + 1
        for values in reader:
            if any(value.strip() for value in values):
                if len(rows) >= MAX_ROWS:
                    raise ForeignFileError(
                        _(
                            "This file holds more than %(most)s entries (line %(line)d); please "
                            "split it and bring in each part."
                        )
                        % {"most": number(MAX_ROWS), "line": start}
                    )
                rows.append(_row(start, columns, values))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ForeignFileError(
            _("Line %(line)d cannot be read as CSV (%(problem)s).")
            % {"line": reader.line_num, "problem": exc}
        ) from None
    if not rows:
        raise ForeignFileError(_("This file holds no entries, only the line naming the columns."))
    return rows


def _columns(header: list[str] | None) -> list[str]:
    if header is None:
        raise ForeignFileError(_("This file is empty."))
    columns = [name.strip().lower() for name in header]
    dated = "full_date" in columns or {"year", "date"} <= set(columns)
    missing = ([] if dated else ["full_date"]) + ([] if "mood" in columns else ["mood"])
    if missing:
        shown = ", ".join(name[:40] for name in header[:12]) or _("nothing")
        if len(missing) == 1:
            said = _(
                "Line 1 should name the columns of a Daylio export (full_date, time, mood, "
                "activities, note…); it has no %(missing)s column. It names: %(names)s."
            )
        else:
            said = _(
                "Line 1 should name the columns of a Daylio export (full_date, time, mood, "
                "activities, note…); it has no %(missing)s and no %(other)s column. It names: "
                "%(names)s."
            )
        raise ForeignFileError(said % {"missing": missing[0], "other": missing[-1], "names": shown})
    return columns


def _row(line: int, columns: list[str], values: list[str]) -> DaylioRow:
    if len(values) != len(columns):
        raise ForeignFileError(
            _("Line %(line)d has %(values)d values where line 1 names %(columns)d columns.")
            % {"line": line, "values": len(values), "columns": len(columns)}
        )
    cell = {name: values[i] for i, name in enumerate(columns)}
    day = _day(line, cell)
    at = _time(line, cell.get("time", ""))
    activities = [a.strip() for a in cell.get("activities", "").split("|") if a.strip()]
    other = [
        (name, values[i].strip())
        for i, name in enumerate(columns)
        if name not in KNOWN and values[i].strip()
    ]
    return DaylioRow(
        line,
        day,
        at,
        cell["mood"].strip(),
        activities,
        cell.get("note_title", "").strip(),
        cell.get("note", "").strip("\r\n"),
        other,
    )


def _day(line: int, cell: dict[str, str]) -> date:
    written = cell.get("full_date", "").strip()
    try:
        if written:
            iso = _ISO_DAY.match(written)
            if iso:
                return date(*(int(part) for part in iso.groups()))
        elif "year" in cell and "date" in cell:  # older: year "2018", date "18 May" or "May 18"
            written = f"{cell['date'].strip()} {cell['year'].strip()}"
            words = written.replace(",", " ").split()
            numbers = [int(w) for w in words if w.isdigit()]
            months = [MONTHS[w.lower()] for w in words if w.lower() in MONTHS]
            if len(numbers) == 2 and len(months) == 1 and len(words) == 3:
                return date(max(numbers), months.pop(), min(numbers))
    except ValueError:
        pass
    raise ForeignFileError(
        _("Line %(line)d: “%(written)s” is not a day tending can read (like 2024-05-18).")
        % {"line": line, "written": written[:40]}
    )


def _time(line: int, written: str) -> time | None:
    written = written.strip()
    if not written:
        return None
    matched = _TIME.match(written)
    if matched:
        hour, minute, second = (int(g or 0) for g in matched.groups()[:3])
        half = (matched.group(4) or "").lower().replace(".", "")
        readable = not half or 1 <= hour <= 12  # "13:00 pm" and "0:10 am" are not
        if half:
            hour = hour % 12 + (12 if half == "pm" else 0)
        if readable:
            try:
                return time(hour, minute, second)
            except ValueError:
                pass
    raise ForeignFileError(
        _("Line %(line)d: “%(written)s” is not a time tending can read (like 21:05 or 9:05 pm).")
        % {"line": line, "written": written[:40]}
    )
