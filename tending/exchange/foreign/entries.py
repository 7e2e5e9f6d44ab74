"""A journal entry read from another tool, and the fields of the tending entry it becomes.

Pure: no database. Both the jrnl and the Day One readers produce `ForeignEntry`s; `shaped`
turns one into what tending stores, keeping as text whatever has no field of its own.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from tending.core.tag_names import MAX_TAG_LENGTH
from tending.exchange.checking import number
from tending.exchange.foreign import ForeignFileError
from tending.journal.rendering import BODY_LIMIT

TITLE_LIMIT = 200  # Entry.title's max_length
STARRED_TAG = "starred"
TAG_MARKS = "@#"


@dataclass
class ForeignEntry:
    where: str  # "entry 3", "the entry on line 12": for messages a person can find it by
    moment: datetime  # aware, in the time zone it was written in
    title: str
    body: str
    tags: list[str] = field(default_factory=list)
    starred: bool = False
    # Lines kept at the end of the body for what has no field in tending, keyed by what
    # they are ("place", "weather"), e.g. {"place": "Place: Café Müller, Berlin"}.
    notes: dict[str, str] = field(default_factory=dict)


@dataclass
class ShapedEntry:
    written_on: date
    moment: datetime
    title: str
    body: str
    tags: list[str]
    kept: list[str]  # what of this entry was kept as text ("place", "long title", ...)

    def key_title(self) -> tuple[int, str]:
        return (round(self.moment.timestamp()), self.title)

    def key_body(self) -> tuple[int, str]:
        return (round(self.moment.timestamp()), self.body)


def upper_first(words: str) -> str:
    """ "entry 2 of Home.json" → "Entry 2 of Home.json" (capitalize() would lower the rest)."""
    return words[:1].upper() + words[1:]


def tag_name(raw: str) -> str:
    """ "@Sam" or "#Garden " → "sam", "garden": tending's tags are lower-case, unmarked."""
    return " ".join(raw.split()).lstrip(TAG_MARKS).lower()


def shaped(entry: ForeignEntry) -> ShapedEntry:
    """The tending entry `entry` becomes; a ForeignFileError if it cannot be one."""
    title = " ".join(entry.title.split())
    body = entry.body.strip("\n").rstrip()
    kept: list[str] = []
    if len(title) > TITLE_LIMIT:
        body = f"{title}\n\n{body}" if body else title
        title = ""
        kept.append("long title")
    if not body.strip():  # a one-line entry: its line is what was written, so it is the body
        body, title = title, ""
    tags: list[str] = []
    too_long: list[str] = []
    for raw in [*entry.tags, *([STARRED_TAG] if entry.starred else [])]:
        name = tag_name(raw)
        if len(name) > MAX_TAG_LENGTH:
            too_long.append(raw.strip())
        elif name and name not in tags:
            tags.append(name)
    notes = list(entry.notes.values())
    kept.extend(entry.notes)
    if too_long:
        notes.append("Tags: " + ", ".join(too_long))
        kept.append("long tag")
    if notes:
        body = "\n\n".join([body, *notes]) if body else "\n\n".join(notes)
    if not body.strip():
        raise ForeignFileError(
            _("%(where)s has no text at all.") % {"where": upper_first(entry.where)}
        )
    if len(body) > BODY_LIMIT:
        raise ForeignFileError(
            _(
                "%(where)s is %(length)s characters long; tending keeps at most %(most)s in one "
                "entry. Split it in two in the file, then try again."
            )
            % {
                "where": upper_first(entry.where),
                "length": number(len(body)),
                "most": number(BODY_LIMIT),
            }
        )
    return ShapedEntry(entry.moment.date(), entry.moment, title, body, tags, kept)


# What each kind of kept text is, and where it went, for the preview (said in the language
# in use; a reader's own kinds come in `where`, marked the same way).
KEPT_WHERE = {
    "long title": gettext_noop(
        "titles longer than %(limit)d characters → the start of the entry's text"
    ),
    "long tag": gettext_noop(
        "tags longer than %(tag)d characters → a line “Tags: …” at the end of the entry"
    ),
}


def kept_lines(entries: list[ShapedEntry], where: dict[str, str]) -> list[str]:
    """One line per kind of kept text, with how many entries it touched."""
    counts = Counter(kind for entry in entries for kind in entry.kept)
    lines = []
    for kind, count in counts.items():
        known = {**KEPT_WHERE, **where}.get(kind)
        if known:
            said = _(known) % {"limit": TITLE_LIMIT, "tag": MAX_TAG_LENGTH}
        else:
            said = _("%(kind)s → a line at the end of the entry") % {"kind": kind}
        touched = ngettext("%(what)s (%(count)d entry)", "%(what)s (%(count)d entries)", count)
        lines.append(touched % {"what": said, "count": count})
    return lines


def text_of(data: bytes, what: str) -> str:
    """`data` as text, or a message saying it is not the UTF-8 text `what` is written in."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ForeignFileError(
            _("This file is not UTF-8 text (at byte %(byte)s), so not %(what)s.")
            % {"byte": number(exc.start), "what": _(what)}
        ) from None


def _no_constant(name: str) -> object:
    raise ForeignFileError(
        _("This JSON holds %(name)s, which is not a number JSON allows.") % {"name": name}
    )


def json_of(text: str, what: str) -> object:
    """The JSON in `text`, or a message saying where it stops being JSON."""
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ForeignFileError(
            _(
                "This is not valid JSON, so not %(what)s: %(problem)s at line %(line)d, "
                "column %(column)d."
            )
            % {"what": _(what), "problem": exc.msg, "line": exc.lineno, "column": exc.colno}
        ) from None
    except RecursionError:
        raise ForeignFileError(
            _("This JSON is nested far too deeply to be %(what)s.") % {"what": _(what)}
        ) from None


def field_of(record: dict, name: str, kind: type, where: str, default: object = None):
    """record[name] if it is a `kind`; `default` when absent (None: it must be there)."""
    if name not in record or record[name] is None:
        if default is None:
            raise ForeignFileError(
                _("%(where)s has no “%(name)s”.") % {"where": upper_first(where), "name": name}
            )
        return default
    value = record[name]
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ForeignFileError(
            _("In %(where)s, “%(name)s” should be %(kind)s, not %(found)s.")
            % {"where": where, "name": name, "kind": _(KIND_WORDS[kind]), "found": word_for(value)}
        )
    return value


KIND_WORDS = {
    str: gettext_noop("text"),
    bool: gettext_noop("true or false"),
    list: gettext_noop("a list"),
    dict: gettext_noop("an object"),
}


def word_for(value: object) -> str:
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, int | float):
        return _("a number")
    found = KIND_WORDS.get(type(value))
    return _(found) if found else _("something else")
