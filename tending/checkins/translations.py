"""A check-in definition's other languages: which a file declares, taking their texts out of
its tables, and checking that each one gives every text a person reads. Pure: no Django.

English is a definition's base. Ids, answer values and scoring are written once and never
change with the language; beside each text a person reads, a file may write that text in
another language, keyed by the language's code, once it declares the language:

    languages = ["en", "de"]
    title = "Stress"
    de.title = "Stress"

    [scale]
    values = [0, 1]
    labels = ["Never", "Often"]
    de.labels = ["Nie", "Oft"]

    [[items]]
    id = "piling-up"
    text = "How often has it felt like too much?"
    de.text = "Wie oft war es dir zu viel?"

A declared language must give every such text, and as many answer labels as the scale has
values; a language written but not declared is refused, so nothing is half translated
unnoticed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tending.core.language_tags import best

BASE = "en"
_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*\Z")

# Each table of a definition and the fields of it a person reads, in the order they are
# asked for. "" is the file's top level; scale is one table, the others are arrays of tables.
SHOWN: dict[str, tuple[str, ...]] = {
    "": ("title", "measures", "description", "time_frame"),
    "scale": ("labels",),
    "items": ("text",),
    "bands": ("label", "meaning"),
    "safety": ("message",),
    "subscales": ("title",),
}
ARRAYS = ("items", "bands", "safety", "subscales")
# Field names no language code may take: `id.text` would clash with an item's `id`.
FIELDS = frozenset({"id", "low", "high", "item"}) | {f for fields in SHOWN.values() for f in fields}


class TranslationError(ValueError):
    """A language a definition gets wrong; `field` is where, as the file's own dotted path."""

    def __init__(self, field: str, message: str):
        self.field, self.message = field, message
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True)
class Texts:
    """Everything a person reads of one definition, in one language, in the file's order."""

    title: str
    measures: str
    description: str
    time_frame: str
    labels: tuple[str, ...]
    items: tuple[str, ...]
    bands: tuple[tuple[str, str], ...]  # (label, meaning)
    safety: tuple[str, ...]
    subscales: tuple[str, ...]


# Where a translation was found: (table, index within its array, or None), then language.
Found = dict[tuple[str, int | None], dict[str, Any]]


def declared(data: Mapping[str, Any]) -> tuple[str, ...]:
    """The languages a definition declares (`languages = ["en", "de"]`); English alone when
    it declares none. English must be among them: it is the base the others stand beside."""
    if "languages" not in data:
        return (BASE,)
    codes = data["languages"]
    if not isinstance(codes, list):
        raise TranslationError("languages", f'must be a list such as ["en", "de"], not {codes!r}')
    for i, code in enumerate(codes):
        field = f"languages[{i}]"
        if not isinstance(code, str) or not _CODE.match(code):
            raise TranslationError(
                field, f"{code!r} is not a language code (lower case, such as 'de' or 'pt-br')"
            )
        if code in FIELDS:
            raise TranslationError(field, f"'{code}' is also a field's name, so it cannot be used")
        if code in codes[:i]:
            raise TranslationError(field, f"'{code}' is listed twice")
    if BASE not in codes:
        listed = ", ".join(codes)
        message = f"must include 'en', the base every language stands beside (has: {listed})"
        raise TranslationError("languages", message)
    return tuple(codes)


def _where(table: str, index: int | None) -> str:
    return table if index is None else f"{table}[{index}]"


def _inside(table: str, index: int | None, key: str) -> str:
    where = _where(table, index)
    return f"{where}.{key}" if where else key


def take_out(data: Mapping[str, Any], languages: Sequence[str]) -> tuple[dict[str, Any], Found]:
    """The definition with every translation taken out (English alone, for the base's own
    checks), and the translations by where they were found. The definition is not changed.

    A key that is a declared language's code is a translation; a table under a key that reads
    like a language code is one too, and refused when that language is not declared (or is
    English, whose texts are the fields themselves). Anything else is left for the base's
    checks to judge."""
    others = [code for code in languages if code != BASE]
    english = dict(data)
    found: Found = {}

    def split(table: str, index: int | None, row: Any) -> Any:
        if not isinstance(row, dict):
            return row  # not a table: the base's checks say so
        kept = {}
        for key, value in row.items():
            if key in others:
                if not SHOWN.get(table):
                    message = f"'{table}' has no text a person reads, so nothing to translate"
                    raise TranslationError(_inside(table, index, key), message)
                found.setdefault((table, index), {})[key] = value
            elif isinstance(value, dict) and _CODE.match(key) and key not in FIELDS:
                raise TranslationError(_inside(table, index, key), _undeclared(key, languages))
            else:
                kept[key] = value
        return kept

    english = split("", None, english)
    for table, value in list(english.items()):
        if table in ARRAYS and isinstance(value, list):
            english[table] = [split(table, i, row) for i, row in enumerate(value)]
        elif table in ("scale", "scoring") and isinstance(value, dict):
            english[table] = split(table, None, value)
    return english, found


def _undeclared(code: str, languages: Sequence[str]) -> str:
    if code == BASE:
        return "English is the base: its texts are the fields themselves, not under 'en'"
    listed = ", ".join(f'"{language}"' for language in [*languages, code])
    return (
        f"is a translation into '{code}', a language the file does not declare "
        f"(to add it: languages = [{listed}])"
    )


def texts(found: Found, languages: Sequence[str], instrument: Any) -> dict[str, Texts]:
    """Each declared language's texts, checked against the (already checked) English
    definition: every text it has, and as many answer labels as there are answers."""
    return {code: _texts_in(found, code, instrument) for code in languages if code != BASE}


class _Reader:
    """One language's table of texts beside one English table."""

    def __init__(self, found: Found, code: str, table: str, index: int | None, whose: str):
        self.code, self.table, self.index, self.whose = code, table, index, whose
        self.field = _inside(table, index, code)
        row = found.get((table, index), {})
        if code not in row:
            raise TranslationError(self.field, f"is missing: {whose} {self._needs()}")
        self.data = row[code]
        if not isinstance(self.data, dict):
            example = f"{code}.{SHOWN[table][0]} = …"
            message = f"must be a table of texts ({example}), not {type(self.data).__name__}"
            raise TranslationError(self.field, message)
        allowed = SHOWN[table]
        for key in self.data:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(allowed)}"
                message = f"is not a text to translate here ({hint})"
                raise TranslationError(f"{self.field}.{key}", message)

    def _needs(self) -> str:
        *first, last = SHOWN[self.table]
        fields = f"{', '.join(first)} and {last}" if first else last
        return f"needs its {fields} in '{self.code}', a language the file declares"

    def text(self, key: str) -> str:
        field = f"{self.field}.{key}"
        if key not in self.data:
            raise TranslationError(field, f"is missing: {self.whose} {self._needs()}")
        value = self.data[key]
        if not isinstance(value, str) or not value.strip():
            raise TranslationError(field, f"must be non-empty text, not {value!r}")
        return value

    def labels(self, count: int) -> tuple[str, ...]:
        field = f"{self.field}.labels"
        if "labels" not in self.data:
            raise TranslationError(field, f"is missing: {self.whose} {self._needs()}")
        values = self.data["labels"]
        if not isinstance(values, list):
            raise TranslationError(field, f"must be a list of texts, not {values!r}")
        if len(values) != count:
            message = f"has {len(values)} labels in '{self.code}' for {count} answers"
            raise TranslationError(field, message)
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise TranslationError(f"{field}[{i}]", f"must be non-empty text, not {value!r}")
        return tuple(values)


def _texts_in(found: Found, code: str, instrument: Any) -> Texts:
    def reader(table: str, index: int | None, whose: str) -> _Reader:
        return _Reader(found, code, table, index, whose)

    top = reader("", None, "the file")
    title, measures, description, time_frame = (top.text(key) for key in SHOWN[""])
    labels = reader("scale", None, "the scale").labels(len(instrument.scale))
    items = [
        reader("items", i, f"item '{item.id}'").text("text")
        for i, item in enumerate(instrument.items)
    ]
    bands = []
    for i, band in enumerate(instrument.bands):
        row = reader("bands", i, f"band '{band.label}'")
        bands.append((row.text("label"), row.text("meaning")))
    return Texts(
        title=title,
        measures=measures,
        description=description,
        time_frame=time_frame,
        labels=labels,
        items=tuple(items),
        bands=tuple(bands),
        safety=tuple(
            reader("safety", i, f"the safety rule on '{rule.item}'").text("message")
            for i, rule in enumerate(instrument.safety_rules)
        ),
        subscales=tuple(
            reader("subscales", i, f"subscale '{sub.id}'").text("title")
            for i, sub in enumerate(instrument.subscales)
        ),
    )


def spoken(language: str | None, available: Sequence[str]) -> str:
    """Which of a definition's languages a page in `language` shows: the language itself,
    else its general form ("de" for "de-at"), else English."""
    return best(language, available, BASE)
