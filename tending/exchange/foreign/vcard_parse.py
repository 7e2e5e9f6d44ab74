"""Reading vCard 2.1, 3.0 and 4.0 files into plain contact cards; of Django only its
translations, for the messages."""

from __future__ import annotations

import io
import quopri
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from tending.exchange.checking import number as grouped
from tending.exchange.foreign import ForeignFileError

MAX_CARDS = 20_000  # contacts in one file: ten years of a phone's contacts is about 2,000
MAX_LINE_CHARS = 2_000_000  # one unfolded line; a phone's photo in base64 is well below this
MAX_FILE_BYTES = 256 * 1024 * 1024  # 2,000 contacts, each with a photo, is about 100 MB
MAX_UNREAD_LINES = 20  # lines of one card kept as "not understood"; the rest are counted
# Properties that only tell another program how to file the card: nothing a person wrote.
TECHNICAL = {
    "VERSION", "PRODID", "UID", "REV", "CLIENTPIDMAP", "X-ABUID", "X-ABSHOWAS", "X-ABLABEL",
    "X-ABADR", "SORT-STRING", "KIND", "X-ADDRESSBOOKSERVER-KIND", "SOURCE", "NAME", "PROFILE",
    "X-MS-OL-DEFAULT-POSTAL-ADDRESS", "X-ACCOUNT", "X-IMAGETYPE", "X-IMAGEHASH",
}  # fmt: skip
PICTURES = {"PHOTO", "LOGO", "SOUND", "KEY"}
LABELS = {
    "ADR": "Address", "ORG": "Organisation", "TITLE": "Job title", "ROLE": "Role",
    "NICKNAME": "Nickname", "URL": "Website", "CATEGORIES": "Groups", "TEL": "Phone",
    "FN": "Also named",
    "ANNIVERSARY": "Anniversary", "RELATED": "Related", "X-ABRELATEDNAMES": "Related",
    "X-SOCIALPROFILE": "Social profile", "IMPP": "Messaging", "EMAIL": "E-mail",
    "BDAY": "Birthday (as written)", "GENDER": "Gender", "X-ABDATE": "Date", "TZ": "Time zone",
    "GEO": "Place", "LANG": "Language", "NOTE": "Note", "MAILER": "Mail program",
    "X-PHONETIC-FIRST-NAME": "Name as said (first)", "X-PHONETIC-LAST-NAME": "Name as said (last)",
}  # fmt: skip
# TYPE values that say nothing a person would miss.
_PLAIN_TYPES = {"pref", "voice", "internet", "x400", "other", "uri", "text"}
_PROPERTY = re.compile(r"(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)\Z")
_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_\Z")
_FULL_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})\Z")
_NO_YEAR = re.compile(r"--(\d{2})-?(\d{2})\Z")


@dataclass
class Property:
    line: int
    group: str
    name: str  # upper case
    params: dict[str, list[str]]  # upper-case parameter name → its values
    value: str  # as written, escapes still in place

    def types(self) -> list[str]:
        return [t.lower() for t in self.params.get("TYPE", [])]


@dataclass
class Card:
    line: int  # where BEGIN:VCARD is
    name: str = ""
    # (what it is, e.g. "Phone (mobile)", the number or address), the preferred one first
    phones: list[tuple[str, str]] = field(default_factory=list)
    emails: list[tuple[str, str]] = field(default_factory=list)
    messaging: list[tuple[str, str]] = field(default_factory=list)
    birthday: tuple[int | None, int, int] | None = None  # (year or None, month, day)
    notes: list[str] = field(default_factory=list)  # what the card's own NOTE said
    extra: list[str] = field(default_factory=list)  # "Label: value", kept as text
    organisation: str = ""
    photo: bool = False
    is_group: bool = False
    unread: int = 0  # lines that are not properties (beyond a picture's bare base64)

    def is_empty(self) -> bool:
        return not (self.name or self.phones or self.emails or self.notes or self.extra)

    def notes_text(self, extra: list[str]) -> str:
        """The card's own note, then what has no field of its own, one line each."""
        parts = [note for note in self.notes if note.strip()]
        if extra:
            parts.append("From your contacts:\n" + "\n".join(f"- {line}" for line in extra))
        return "\n\n".join(parts)


def decode(data: bytes) -> tuple[str, bool]:
    """The file as text, and whether it was not UTF-8: then each byte became one character,
    so a value can still be read in the character set its CHARSET names (or Windows')."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").removeprefix("\ufeff"), False
        except UnicodeDecodeError:
            raise ForeignFileError(_("This file starts like UTF-16 text but is not.")) from None
    if len(data) > MAX_FILE_BYTES:
        raise ForeignFileError(
            _("This file is larger than %(megabytes)d MB; please split it and bring in each part.")
            % {"megabytes": MAX_FILE_BYTES // 2**20}
        )
    if b"\x00" in data:
        raise ForeignFileError(_("This looks like a binary file, not a vCard (.vcf) file."))
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        return data.decode("latin-1"), True


def logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Unfold lines: a line that starts with a space or tab goes on the one before it, and a
    quoted-printable value ending with "=" goes on with the next line (vCard 2.1 and 3.0)."""
    pending: list[str] = []
    size = start = 0  # set again by the first line, which always starts a logical line
    # Universal newlines: CRLF, LF and CR alike, read a line at a time, not all at once.
    for number, ended in enumerate(io.StringIO(text, newline=None), start=1):
        line = ended.removesuffix("\n")
        if pending and line[:1] in (" ", "\t"):
            pending.append(line[1:])
        elif pending and _soft_break(pending):
            pending[-1] = pending[-1][:-1]
            pending.append(line)
        else:
            if pending:
                yield start, "".join(pending)
            pending, size, start = [line], 0, number
        size += len(pending[-1])
        if size > MAX_LINE_CHARS:
            raise ForeignFileError(
                _(
                    "Line %(line)d is longer than %(most)s characters; this does not look like "
                    "a contacts file."
                )
                % {"line": start, "most": grouped(MAX_LINE_CHARS)}
            )
    if pending:
        yield start, "".join(pending)


def _soft_break(pending: list[str]) -> bool:
    head = pending[0].partition(":")[0].upper()
    return "QUOTED-PRINTABLE" in head and pending[-1].endswith("=")


def split_outside_quotes(text: str, mark: str, most: int | None = None) -> list[str]:
    """Split at `mark` where it is not inside double quotes, at most `most` times."""
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == mark and not quoted and (most is None or len(parts) < most):
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def parse_property(number: int, line: str) -> Property | None:
    """One content line as group.NAME;PARAM=VALUE:value, or None when it is not one."""
    head, colon, value = line.partition(":")
    if not colon:
        return None
    if '"' in head:  # a quoted parameter may hold a colon: ADR;LABEL="a:b":…
        head, value = (split_outside_quotes(line, ":", 1) + [""])[:2]
    # (else the common case, without walking a photo's base64 one character at a time)
    pieces = split_outside_quotes(head, ";")
    matched = _PROPERTY.match(pieces[0].strip())
    if not matched:
        return None
    params: dict[str, list[str]] = {}
    for piece in pieces[1:]:
        if "=" in piece:
            key, _, raw = piece.partition("=")
            key = key.strip().upper()
            # RFC 6350 writes several types in one quoted value: TYPE="cell,voice".
            raw = raw.replace('"', "") if key == "TYPE" else raw
            values = [v.strip().strip('"') for v in split_outside_quotes(raw, ",")]
        else:  # vCard 2.1 writes a bare value: TEL;CELL;QUOTED-PRINTABLE:…
            bare = piece.strip()
            key = "ENCODING" if bare.upper() in ("QUOTED-PRINTABLE", "BASE64", "B") else "TYPE"
            values = [bare]
        params.setdefault(key, []).extend(v for v in values if v)
    return Property(
        number, (matched.group(1) or "").lower(), matched.group(2).upper(), params, value
    )


def raw_value(prop: Property, bytewise: bool) -> str:
    """The value with quoted-printable and the file's character set undone (escapes kept)."""
    encoding = [e.upper() for e in prop.params.get("ENCODING", [])]
    quoted = "QUOTED-PRINTABLE" in encoding
    if not (quoted or bytewise):
        return prop.value  # a UTF-8 file: already text
    charset = (prop.params.get("CHARSET") or ["utf-8" if quoted else "cp1252"])[0]
    raw = prop.value.encode("latin-1", errors="replace")
    if quoted:
        raw = quopri.decodestring(raw)
    try:
        return raw.decode(charset, errors="replace")
    except LookupError:  # a character set Python does not know
        return raw.decode("utf-8", errors="replace")


def unescape(text: str) -> str:
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append("\n" if following in ("n", "N") else following)
        else:
            out.append(char)
    return "".join(out)


def components(text: str) -> list[str]:
    """A structured value (N, ADR, ORG) split at the semicolons that are not escaped."""
    parts, current, chars = [], [], iter(text)
    for char in chars:
        if char == "\\":
            current.append(char + next(chars, ""))
        elif char == ";":
            parts.append(unescape("".join(current)))
            current = []
        else:
            current.append(char)
    parts.append(unescape("".join(current)))
    return parts


def parse_birthday(value: str, omit_year: str = "") -> tuple[int | None, int, int] | None:
    """19850412, 1985-04-12, --0412, --04-12, with or without a time after a T."""
    text = value.strip().partition("T")[0]
    year: int | None = None
    full = _FULL_DATE.match(text)
    if full:
        year, month, day = (int(g) for g in full.groups())
        if str(year) == omit_year.strip():  # Apple marks "no year" with a stand-in year
            year = None
    else:
        partial = _NO_YEAR.match(text)
        if not partial:
            return None
        month, day = (int(g) for g in partial.groups())
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: 29 February stands
    except ValueError:
        return None
    return year, month, day


def label_of(prop: Property, labels: dict[str, str]) -> str:
    """What kind of number or address this is: Apple's group label, else its TYPE."""
    words = []
    if prop.group in labels:
        apple = _APPLE_LABEL.match(labels[prop.group])
        words.append((apple.group(1) if apple else labels[prop.group]).lower())
    words += [t for t in prop.types() if t not in _PLAIN_TYPES and t not in words]
    return ", ".join(words)


def is_preferred(prop: Property) -> bool:
    return "pref" in prop.types() or bool(prop.params.get("PREF"))


def name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def phone_key(phone: str) -> str:
    """The digits that say which phone it is: a leading country code or 0 does not count."""
    digits = "".join(c for c in unicodedata.normalize("NFKC", phone) if c.isdigit())
    return digits[-9:] if len(digits) >= 7 else ""


def email_key(email: str) -> str:
    return email.strip().casefold()
