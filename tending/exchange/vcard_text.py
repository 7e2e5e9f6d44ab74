"""vCard 4.0 (RFC 6350) text for one person: escaping, folding at 75 octets, CRLF line ends."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

LINE_OCTETS = 75  # the longest a line may be, without its CRLF (RFC 6350, 3.2)
CRLF = "\r\n"
# Characters no vCard line may hold (RFC 6350, 3.3: only tabs, spaces, visible characters and
# any non-ASCII); line breaks are written as \n before these are taken out.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Contact:
    """What tending knows of one person, as plain values."""

    uid: str
    name: str
    ring: str = ""
    kind: str = ""
    rhythm_days: int | None = None
    phone: str = ""
    email: str = ""
    other_contact: str = ""
    notes: str = ""
    birthday: tuple[int | None, int | None, int | None] = (None, None, None)  # day, month, year
    archived: bool = False
    safe: bool = False
    revised: datetime | None = None
    categories: tuple[str, ...] = ()  # as a phone's contacts app groups people


def escape(text: str) -> str:
    """A text value with backslash, comma, semicolon and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return _CONTROL.sub("", _BREAK.sub("\\\\n", text))


def fold(line: str, octets: int = LINE_OCTETS) -> str:
    """One content line broken into lines of at most `octets` bytes of UTF-8 each.

    Each line after the first starts with a space, which counts towards its length; a
    character is never cut between its bytes.
    """
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, octets
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, octets - 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)


def name_parts(name: str) -> tuple[str, str]:
    """(family name, given name) for N: split only where it is plain, "Sam Lee"; else all given."""
    words = name.split()
    if len(words) == 2:
        return words[1], words[0]
    return "", " ".join(words)


def birthday_value(day: int | None, month: int | None, year: int | None) -> str:
    """BDAY's value: 19850412, or --0412 without a year; empty when the day is not known."""
    if not (day and month):
        return ""
    if year:
        return f"{year:04d}{month:02d}{day:02d}"
    return f"--{month:02d}{day:02d}"


def timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def card(contact: Contact, product: str) -> str:
    """The whole vCard of one person, every line folded and ended with CRLF."""
    family, given = name_parts(contact.name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"PRODID:{escape(product)}",
        f"UID:{contact.uid}",
        "KIND:individual",
        f"FN:{escape(contact.name)}",
        f"N:{escape(family)};{escape(given)};;;",
    ]
    if contact.phone:
        lines.append(f"TEL:{escape(contact.phone)}")
    if contact.email:
        lines.append(f"EMAIL:{escape(contact.email)}")
    born = birthday_value(*contact.birthday)
    if born:
        lines.append(f"BDAY:{born}")
    if contact.notes:
        lines.append(f"NOTE:{escape(contact.notes)}")
    if contact.other_contact:
        lines.append(f"NOTE:{escape('Other ways to reach them: ' + contact.other_contact)}")
    if contact.categories:
        lines.append(f"CATEGORIES:{_listed(contact.categories)}")
    lines += _tending_lines(contact)
    if contact.revised is not None:
        lines.append(f"REV:{timestamp(contact.revised)}")
    lines.append("END:VCARD")
    return "".join(fold(line) + CRLF for line in lines)


def _tending_lines(contact: Contact) -> list[str]:
    """tending's own words for the person, as X- properties other programs keep and ignore."""
    found = []
    if contact.ring:
        found.append(f"X-TENDING-RING:{escape(contact.ring)}")
    if contact.rhythm_days is not None:
        found.append(f"X-TENDING-RHYTHM-DAYS:{contact.rhythm_days}")
    if contact.kind:
        found.append(f"X-TENDING-KIND:{escape(contact.kind)}")
    if contact.safe:
        found.append("X-TENDING-SAFE-PERSON:true")
    if contact.archived:
        found.append("X-TENDING-ARCHIVED:true")
    return found


def _listed(values: Iterable[str]) -> str:
    return ",".join(escape(value) for value in values)
