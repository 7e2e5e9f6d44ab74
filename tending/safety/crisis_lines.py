"""The shipped table of crisis and emergency numbers: read, checked and looked up (no Django)."""

from __future__ import annotations

import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from tending.core.language_tags import general as general_language
from tending.core.phone import dial

SHIPPED = Path(__file__).resolve().parent / "crisis_lines.toml"
SCHEMA = 1
GENERAL = ""  # the region code that means "no country: the general numbers"

_PHONE = re.compile(r"^\+?[0-9 ().\-/]+$")
_CODE = re.compile(r"^[A-Z]{2}$")
MIN_DIGITS, MAX_DIGITS = 2, 20

PHONE_HINT = "use digits, spaces and + - ( ) only, like 0800 111 0 111"
# The languages the texts people read carry beside the English, each as a table keyed by its
# code: `de.name = "…"`, `de.hours = "…"`, `de.note = "…"`. A text without one is shown in
# English; a line's name is often its own in every language (TelefonSeelsorge, Samaritans).
TRANSLATED = ("de",)
_LINE_WORDS = {"name": 100, "hours": 80, "note": 200}  # each with its length limit
_REGION_WORDS = {"name": 60, "emergency_note": 200, "note": 200}
_LINE_KEYS = {"name", "number", "call", "text", "text_number", "text_body", "hours", "note"}
_REGION_KEYS = {"name", "emergency", "emergency_note", "note", "lines", "checked"}
# When and against what a country's numbers were last checked: a date and a source, or an
# honest "not yet checked", so nobody mistakes an unchecked number for a checked one.
NOT_CHECKED = "not yet checked"
_CHECKED = re.compile(r"^\d{4}-\d{2}-\d{2} against \S.*$")


class CrisisLinesError(ValueError):
    """The table cannot be used; the message names the file, the place and what is wrong."""


EMPTY, NOT_A_NUMBER, DIGITS = "empty", "not a number", "digits"


def phone_check(number: str) -> tuple[str, int] | None:
    """What is wrong with `number` (EMPTY, NOT_A_NUMBER or DIGITS) and how many digits it has,
    or None when it is fine: for a form to say in the page's language."""
    text = number.strip()
    if not text:
        return EMPTY, 0
    if not _PHONE.match(text):
        return NOT_A_NUMBER, 0
    digits = sum(ch.isdigit() for ch in text)
    if not MIN_DIGITS <= digits <= MAX_DIGITS:
        return DIGITS, digits
    return None


def phone_problem(number: str) -> str | None:
    """Why `number` is not a phone number we can dial, or None when it is fine (in English,
    for whoever checks a crisis-lines file)."""
    found = phone_check(number)
    if found is None:
        return None
    text = number.strip()
    kind, digits = found
    if kind == EMPTY:
        return "is empty"
    if kind == NOT_A_NUMBER:
        return f"“{text}” is not a phone number ({PHONE_HINT})"
    return f"“{text}” has {digits} digits; a phone number has {MIN_DIGITS} to {MAX_DIGITS}"


# A text's translations: ((language, ((key, text), …)), …), kept as tuples so a line or a
# country stays a plain frozen value.
Translations = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


def _words_in(translations: Translations, language: str | None) -> dict[str, str]:
    for code, words in translations:
        if code == language:
            return dict(words)
    return {}


def name_order(name: str) -> tuple[str, str]:
    """A name's place in a list: as the alphabet goes, whatever its accents (Österreich
    among the O)."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )
    return plain.casefold(), name


@dataclass(frozen=True)
class CrisisLine:
    name: str
    number: str
    call: bool = True
    text_number: str = ""  # where texts go; empty when texting does not work
    text_body: str = ""
    hours: str = ""
    note: str = ""
    translations: Translations = field(default=(), repr=False)

    @property
    def tel(self) -> str:
        return dial(self.number) if self.call else ""

    def in_language(self, language: str | None) -> CrisisLine:
        """This line with its words in `language`, English where it has none."""
        words = _words_in(self.translations, general_language(language))
        return replace(self, **words) if words else self

    @property
    def sms(self) -> str:
        return dial(self.text_number)


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    emergency: str
    emergency_note: str = ""
    note: str = ""
    lines: tuple[CrisisLine, ...] = field(default_factory=tuple)
    checked: str = NOT_CHECKED
    translations: Translations = field(default=(), repr=False)

    @property
    def emergency_tel(self) -> str:
        return dial(self.emergency)

    @property
    def checked_on(self) -> date | None:
        """The day its numbers were last compared with a source, or None: not yet."""
        return None if self.checked == NOT_CHECKED else date.fromisoformat(self.checked[:10])

    def in_language(self, language: str | None) -> Region:
        """This country with its words and its lines' in `language`, English where none."""
        words = _words_in(self.translations, general_language(language))
        lines = tuple(line.in_language(language) for line in self.lines)
        return replace(self, lines=lines, **words)


@dataclass(frozen=True)
class CrisisTable:
    general: Region
    countries: dict[str, Region]

    def region(self, code: str | None) -> Region | None:
        """The country for `code`, or None for blank or unknown codes."""
        return self.countries.get((code or "").upper()) if code else None

    def choices(self) -> list[tuple[str, str]]:
        """Countries by name, for a select."""
        return [(r.code, r.name) for r in self.by_name()]

    def by_name(self) -> list[Region]:
        """Every country, in the order of its name."""
        return list(self._by_name)

    @cached_property
    def _by_name(self) -> tuple[Region, ...]:  # sorted once per table (once per language)
        return tuple(sorted(self.countries.values(), key=lambda r: name_order(r.name)))

    def in_language(self, language: str | None) -> CrisisTable:
        """The whole table with its words in `language`, English where a text has none."""
        return CrisisTable(
            general=self.general.in_language(language),
            countries={c: r.in_language(language) for c, r in self.countries.items()},
        )

    def untranslated(self, language: str) -> list[str]:
        """Where a text people read has no `language` beside its English: every country's
        name, hours and notes (a line's name may be its own in every language)."""
        gaps = []
        for where, region in [("general", self.general)] + [
            (f"countries.{c}", r) for c, r in self.countries.items()
        ]:
            words = _words_in(region.translations, language)
            gaps += [
                f"{where}.{key}"
                for key in _REGION_WORDS
                if getattr(region, key) and key not in words
            ]
            for i, line in enumerate(region.lines):
                words = _words_in(line.translations, language)
                gaps += [
                    f"{where}.lines[{i}].{key}"
                    for key in ("hours", "note")
                    if getattr(line, key) and key not in words
                ]
        return gaps


def table_country(code: str | None) -> str:
    """`code` when the shipped table has lines for that country, else "" (the general ones)."""
    region = shipped_table().region(code)
    return region.code if region else ""


# --- reading and checking -----------------------------------------------------------------


class _Checker:
    def __init__(self, source: str):
        self.source = source

    def fail(self, where: str, problem: str):
        raise CrisisLinesError(f"{self.source}: {where}: {problem}")

    def table(self, value, where: str) -> dict:
        if not isinstance(value, dict):
            self.fail(where, "should be a table")
        return value

    def translations(self, data: dict, limits: dict[str, int], where: str) -> Translations:
        """The `de.name = "…"` tables beside the English: only words the English has, each
        as text within the English's own limit."""
        found = []
        for language in TRANSLATED:
            if language not in data:
                continue
            place = f"{where}.{language}"
            table = self.table(data[language], place)
            self.unknown_keys(table, set(limits), place)
            words = []
            for key, limit in limits.items():
                if key not in table:
                    continue
                if not str(data.get(key, "")).strip():
                    self.fail(f"{place}.{key}", f"is set, but {key} (its English) is not")
                words.append((key, self.text(table, key, place, required=True, limit=limit)))
            found.append((language, tuple(words)))
        return tuple(found)

    def text(self, data: dict, key: str, where: str, *, required: bool, limit: int = 200) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            self.fail(f"{where}.{key}", f"should be text in quotes, not {value!r}")
        value = value.strip()
        if required and not value:
            self.fail(f"{where}.{key}", "is missing or empty")
        if len(value) > limit:
            self.fail(f"{where}.{key}", f"is {len(value)} characters long; keep it to {limit}")
        return value

    def flag(self, data: dict, key: str, where: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.fail(f"{where}.{key}", f"should be true or false, not {value!r}")
        return value

    def number(self, data: dict, key: str, where: str) -> str:
        value = self.text(data, key, where, required=True, limit=40)
        problem = phone_problem(value)
        if problem:
            self.fail(f"{where}.{key}", problem)
        return value

    def unknown_keys(self, data: dict, allowed: set[str], where: str) -> None:
        unknown = sorted(set(data) - allowed)
        if unknown:
            self.fail(
                where,
                f"unknown key {', '.join(repr(k) for k in unknown)} "
                f"(known: {', '.join(sorted(allowed))})",
            )

    def line(self, data, where: str) -> CrisisLine:
        data = self.table(data, where)
        self.unknown_keys(data, _LINE_KEYS | set(TRANSLATED), where)
        name = self.text(data, "name", where, required=True, limit=100)
        number = self.number(data, "number", where)
        call = self.flag(data, "call", where, True)
        texts_same = self.flag(data, "text", where, False)
        text_number = ""
        if "text_number" in data:
            if texts_same:
                self.fail(where, "has both text = true and text_number; keep one")
            text_number = self.number(data, "text_number", where)
        elif texts_same or not call:
            text_number = number
        body = self.text(data, "text_body", where, required=False, limit=40)
        if body and not text_number:
            self.fail(f"{where}.text_body", "is set, but texting this line is not")
        return CrisisLine(
            name=name,
            number=number,
            call=call,
            text_number=text_number,
            text_body=body,
            hours=self.text(data, "hours", where, required=False, limit=80),
            note=self.text(data, "note", where, required=False),
            translations=self.translations(data, _LINE_WORDS, where),
        )

    def region(self, code: str, data, where: str) -> Region:
        data = self.table(data, where)
        self.unknown_keys(data, _REGION_KEYS | set(TRANSLATED), where)
        lines = data.get("lines", [])
        if not isinstance(lines, list):
            self.fail(f"{where}.lines", "should be a list of [[…lines]] tables")
        return Region(
            code=code,
            name=self.text(data, "name", where, required=True, limit=_REGION_WORDS["name"]),
            emergency=self.number(data, "emergency", where),
            emergency_note=self.text(data, "emergency_note", where, required=False),
            note=self.text(data, "note", where, required=False),
            lines=tuple(self.line(line, f"{where}.lines[{i}]") for i, line in enumerate(lines)),
            checked=self.checked(data, where),
            translations=self.translations(data, _REGION_WORDS, where),
        )

    def checked(self, data: dict, where: str) -> str:
        value = self.text(data, "checked", where, required=True, limit=300)
        if value != NOT_CHECKED and not _CHECKED.match(value):
            self.fail(
                f"{where}.checked",
                f"should be “{NOT_CHECKED}” or “YYYY-MM-DD against WHAT”, not “{value}”",
            )
        if value != NOT_CHECKED:
            try:
                date.fromisoformat(value[:10])
            except ValueError:
                self.fail(f"{where}.checked", f"“{value[:10]}” is not a real date")
        return value

    def whole(self, data: dict) -> CrisisTable:
        self.unknown_keys(data, {"schema", "general", "countries"}, "top level")
        if data.get("schema") != SCHEMA:
            self.fail("schema", f"should be {SCHEMA}, not {data.get('schema')!r}")
        if "general" not in data:
            self.fail("general", "is missing: the numbers shown when no country is chosen")
        general = self.region(GENERAL, data["general"], "general")
        countries = self.table(data.get("countries", {}), "countries")
        if not countries:
            self.fail("countries", "is missing or empty")
        regions: dict[str, Region] = {}
        for code, region in countries.items():
            if not _CODE.match(code):
                self.fail(f"countries.{code}", "should be a two-letter country code like GB")
            regions[code] = self.region(code, region, f"countries.{code}")
        return CrisisTable(general=general, countries=regions)


def parse_table(text: str, source: str = "crisis lines") -> CrisisTable:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CrisisLinesError(f"{source}: is not valid TOML: {exc}") from None
    return _Checker(source).whole(data)


def load_table(path: Path | str) -> CrisisTable:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CrisisLinesError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CrisisLinesError(f"{path}: is not UTF-8 text") from None
    return parse_table(text, str(path.name))


@lru_cache(maxsize=1)
def shipped_table() -> CrisisTable:
    """The table that comes with tending, read once per process."""
    return load_table(SHIPPED)


@lru_cache(maxsize=8)
def shown_table(language: str | None) -> CrisisTable:
    """The shipped table as a page in `language` shows it (English where a text has no
    translation), made once per language."""
    return shipped_table().in_language(language)


def main(argv: list[str] | None = None) -> int:
    """Check crisis-line files: `python -m tending.safety.crisis_lines FILE…`."""
    paths = (argv if argv is not None else sys.argv[1:]) or [str(SHIPPED)]
    status = 0
    for path in paths:
        try:
            table = load_table(path)
        except CrisisLinesError as exc:
            print(exc, file=sys.stderr)
            status = 1
        else:
            print(f"{path}: fine ({len(table.countries)} countries)")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
