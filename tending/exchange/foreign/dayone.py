"""Day One's JSON export (the zip it makes, or the Journal.json inside), read as journal entries.

Each entry's text, the moment it was written (creationDate, in UTC) and the time zone it was
written in (timeZone), its tags and its star. A place, the weather and an activity are kept
as lines at the end of the entry's text; photos, audio, videos and PDFs are not carried
(tending keeps no files), and each entry says which of them it had. Reading is pure.
"""

from __future__ import annotations

import io
import re
import zipfile
import zoneinfo
from collections.abc import Collection
from datetime import datetime, tzinfo

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tending.exchange.checking import number as grouped
from tending.exchange.foreign import ForeignFileError, Reading
from tending.exchange.foreign.entries import ForeignEntry, field_of, json_of, text_of, upper_first

NAME = "dayone"
LABEL = gettext_noop("Day One (its JSON export: the .zip, or the Journal.json inside it)")

MOST_MEMBERS = 100_000  # files in the zip: a photo each, so a large journal has thousands
MOST_JSON = 256 * 1024 * 1024  # uncompressed bytes of JSON read from a zip, in all
CHUNK = 1024 * 1024
NAMES_SHOWN = 300  # characters of unknown field names in the preview
EXPECTED = gettext_noop(
    "tending reads Day One's JSON export: the .zip Day One makes, or the Journal.json in it, "
    'which holds {"entries": [...]}.'
)
MEDIA = {"photos": "photo", "audios": "audio recording", "videos": "video", "pdfAttachments": "PDF"}
LINKED = re.compile(r"!\[[^\]]*\]\(dayone-moment:/*(?:(audio|video|pdfAttachment)/)?[\w-]+\)")
LINK_WORD = {None: "photo", "audio": "audio recording", "video": "video", "pdfAttachment": "PDF"}
ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
HEADING = re.compile(r"#{1,6}\s+(.*)")
# Day One's own bookkeeping: not what was written, so not carried (and said so).
BOOKKEEPING = {
    "uuid", "modifiedDate", "richText", "creationDevice", "creationDeviceType",
    "creationDeviceModel", "creationOSName", "creationOSVersion", "editingTime", "duration",
    "isAllDay", "isPinned", "pinned", "sourceString",
}  # fmt: skip
CARRIED = {"text", "creationDate", "timeZone", "tags", "starred", "location", "weather"}
# Said in the language in use by tending.exchange.foreign.entries.kept_lines. The lines
# themselves ("Place: …") are written into the entries as they are, in English.
WHERE = {
    "place": gettext_noop("places → a line “Place: …” at the end of the entry"),
    "weather": gettext_noop("weather → a line “Weather: …” at the end of the entry"),
    "activity": gettext_noop("activities → a line “Activity: …” at the end of the entry"),
    "media": gettext_noop(
        "photos, audio, videos and PDFs → not carried (tending keeps no files); a line "
        "at the end of the entry names them, and they stay in your Day One export"
    ),
    "zone": gettext_noop("time zones tending does not know → the account's time zone"),
}


def json_texts(data: bytes) -> list[tuple[str, bytes]]:
    """The JSON files in Day One's zip (name, bytes), or the file itself if it is not a zip."""
    if not data.startswith(b"PK"):
        return [("", data)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ForeignFileError(
            _("This zip file is damaged (%(problem)s); %(expected)s")
            % {"problem": exc, "expected": _(EXPECTED)}
        ) from None
    if len(members) > MOST_MEMBERS:
        raise ForeignFileError(
            _(
                "This zip holds %(count)s files, more than a Day One export (at most %(most)s "
                "are read)."
            )
            % {"count": grouped(len(members)), "most": grouped(MOST_MEMBERS)}
        )
    found: list[tuple[str, bytes]] = []
    left = MOST_JSON
    for member in members:
        if member.is_dir() or "/" in member.filename or not member.filename.endswith(".json"):
            continue
        try:
            with archive.open(member) as stream:
                parts = []
                while chunk := stream.read(CHUNK):  # at most one chunk past the cap
                    parts.append(chunk)
                    left -= len(chunk)
                    if left < 0:
                        raise ForeignFileError(
                            _(
                                "The JSON in this zip unpacks to more than %(megabytes)d MB, far "
                                "more than a Day One export; nothing was read."
                            )
                            % {"megabytes": MOST_JSON // 2**20}
                        )
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            raise ForeignFileError(
                _("%(name)s in this zip cannot be read (%(problem)s).")
                % {"name": member.filename, "problem": exc}
            ) from None
        found.append((member.filename, b"".join(parts)))
    if not found:
        raise ForeignFileError(
            _("This zip holds no JSON file at its top level. %(expected)s")
            % {"expected": _(EXPECTED)}
        )
    return found


def unescape(text: str) -> str:
    r"""Day One writes Markdown with punctuation escaped ("Hello\!"); a title is plain text."""
    return ESCAPED.sub(r"\1", text)


def split_text(text: str) -> tuple[str, str]:
    """A heading on the first line is the title; without one, all of it is the body."""
    first, _, rest = text.strip("\n").partition("\n")
    heading = HEADING.fullmatch(first.strip())
    if heading:
        return unescape(heading[1]).strip(), rest
    return "", text


def when(record: dict, where: str, zone: tzinfo) -> tuple[datetime, bool]:
    """The aware moment, in the entry's own time zone; True if that zone was not known."""
    stamp = field_of(record, "creationDate", str, where)
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        raise ForeignFileError(
            _(
                "In %(where)s, “creationDate” is “%(stamp)s”, not a date and time like "
                "“2024-01-03T07:45:00Z”."
            )
            % {"where": where, "stamp": stamp[:40]}
        ) from None
    if moment.tzinfo is None:
        raise ForeignFileError(
            _("In %(where)s, “creationDate” does not say its time zone.") % {"where": where}
        )
    name = field_of(record, "timeZone", str, where, "")
    try:
        own: tzinfo = zoneinfo.ZoneInfo(name) if name else zone
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return moment.astimezone(zone), True
    return moment.astimezone(own), False


def words_of(record: dict, name: str, keys: tuple[str, ...]) -> str:
    value = record.get(name)
    found = value if isinstance(value, dict) else {}
    parts = [found[key].strip() for key in keys if isinstance(found.get(key), str)]
    return ", ".join(dict.fromkeys(part for part in parts if part))


def notes_of(record: dict) -> dict[str, str]:
    """Lines for the end of the body: where, the weather, what was being done, what files."""
    notes: dict[str, str] = {}
    place = words_of(
        record, "location", ("placeName", "localityName", "administrativeArea", "country")
    )
    if place:
        notes["place"] = f"Place: {place}"
    weather = words_of(record, "weather", ("conditionsDescription",))
    celsius = (record.get("weather") or {}).get("temperatureCelsius")
    if isinstance(celsius, int | float) and not isinstance(celsius, bool):
        weather = f"{weather}, {celsius:.0f} °C" if weather else f"{celsius:.0f} °C"
    if weather:
        notes["weather"] = f"Weather: {weather}"
    activity = words_of(record, "userActivity", ("activityName",))
    if activity:
        notes["activity"] = f"Activity: {activity}"
    files = []
    for name, word in MEDIA.items():
        count = len(record[name]) if isinstance(record.get(name), list) else 0
        if count:
            files.append(f"{count} {word}{'' if count == 1 else 's'}")
    if files:
        notes["media"] = "Not carried from Day One: " + ", ".join(files)
    return notes


def parse_journal(text: str, zone: tzinfo, name: str = "") -> tuple[list[ForeignEntry], set[str]]:
    """One Day One journal's entries, and the names of its fields that were not carried."""
    document = json_of(text, gettext_noop("Day One's JSON export"))
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        if name:
            said = _("%(name)s has no list of “entries”. %(expected)s")
        else:
            said = _("This JSON has no list of “entries”. %(expected)s")
        raise ForeignFileError(said % {"name": name, "expected": _(EXPECTED)})
    entries: list[ForeignEntry] = []
    skipped: set[str] = set()
    entry_of = _("entry %(number)d of %(name)s") if name else _("entry %(number)d")
    for number, record in enumerate(document["entries"], start=1):
        where = entry_of % {"number": number, "name": name}
        if not isinstance(record, dict):
            raise ForeignFileError(
                _("%(where)s is not an object with a text and a date.")
                % {"where": upper_first(where)}
            )
        moment, unknown_zone = when(record, where, zone)
        tags = field_of(record, "tags", list, where, [])
        if not all(isinstance(tag, str) for tag in tags):
            raise ForeignFileError(_("In %(where)s, every tag should be text.") % {"where": where})
        raw = field_of(record, "text", str, where, "")
        title, body = split_text(LINKED.sub(lambda m: f"[{LINK_WORD[m[1]]}]", raw))
        notes = notes_of(record)
        if unknown_zone:
            notes["zone"] = f"Time zone in Day One: {record['timeZone'][:60]}"
        starred = field_of(record, "starred", bool, where, False)
        entries.append(ForeignEntry(where, moment, title, body, tags, starred, notes))
        skipped.update(set(record) - CARRIED - {"userActivity", *MEDIA})
    return entries, skipped


def parse(data: bytes, zone: tzinfo) -> tuple[list[ForeignEntry], list[str]]:
    """Every entry in the zip's journals (or in the one JSON file), and what is not carried."""
    entries: list[ForeignEntry] = []
    skipped: set[str] = set()
    for name, raw in json_texts(data):
        found, others = parse_journal(
            text_of(raw, gettext_noop("Day One's JSON export")), zone, name
        )
        entries.extend(found)
        skipped |= others
    kept = []
    if skipped & BOOKKEEPING:
        names = ", ".join(sorted(skipped & BOOKKEEPING))
        kept.append(
            _("%(names)s → not carried: Day One's own bookkeeping, not what you wrote")
            % {"names": names}
        )
    if skipped - BOOKKEEPING:
        names = ", ".join(sorted(skipped - BOOKKEEPING))[:NAMES_SHOWN]
        kept.append(_("%(names)s → not carried: fields tending does not know") % {"names": names})
    return entries, kept


def read(data: bytes, user) -> Reading:
    from tending.exchange.foreign.journaling import reading

    entries, kept = parse(data, user.zone)
    return reading(NAME, entries, kept, user, WHERE)


def add(reading: Reading, user, chosen: Collection[int] | None = None) -> dict[str, int]:
    from tending.exchange.foreign.journaling import add_entries

    return add_entries(reading, user, chosen)
