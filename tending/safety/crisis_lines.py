"""The shipped table of crisis and emergency numbers: read, checked and looked up (no Django)."""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from tending.core.phone import dial

SHIPPED = Path(__file__).resolve().parent / "crisis_lines.toml"
SCHEMA = 1
GENERAL = ""  # the region code that means "no country: the general numbers"

_PHONE = re.compile(r"^\+?[0-9 ().\-/]+$")
_CODE = re.compile(r"^[A-Z]{2}$")
MIN_DIGITS, MAX_DIGITS = 2, 20

PHONE_HINT = "use digits, spaces and + - ( ) only, like 0800 111 0 111"
_LINE_KEYS = {"name", "number", "call", "text", "text_number", "text_body", "hours", "note"}
_REGION_KEYS = {"name", "emergency", "emergency_note", "note", "lines", "checked"}
# When and against what a country's numbers were last checked: a date and a source, or an
# honest "not yet checked", so nobody mistakes an unchecked number for a checked one.
NOT_CHECKED = "not yet checked"
_CHECKED = re.compile(r"^\d{4}-\d{2}-\d{2} against \S.*$")


class CrisisLinesError(ValueError):
    """The table cannot be used; the message names the file, the place and what is wrong."""


def phone_problem(number: str) -> str | None:
    """Why `number` is not a phone number we can dial, or None when it is fine."""
    text = number.strip()
    if not text:
        return "is empty"
    if not _PHONE.match(text):
        return f"“{text}” is not a phone number ({PHONE_HINT})"
    digits = sum(ch.isdigit() for ch in text)
    if not MIN_DIGITS <= digits <= MAX_DIGITS:
        return f"“{text}” has {digits} digits; a phone number has {MIN_DIGITS} to {MAX_DIGITS}"
    return None


@dataclass(frozen=True)
class CrisisLine:
    name: str
    number: str
    call: bool = True
    text_number: str = ""  # where texts go; empty when texting does not work
    text_body: str = ""
    hours: str = ""
    note: str = ""

    @property
    def tel(self) -> str:
        return dial(self.number) if self.call else ""

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

    @property
    def emergency_tel(self) -> str:
        return dial(self.emergency)


@dataclass(frozen=True)
class CrisisTable:
    general: Region
    countries: dict[str, Region]

    def region(self, code: str | None) -> Region | None:
        """The country for `code`, or None for blank or unknown codes."""
        return self.countries.get((code or "").upper()) if code else None

    def choices(self) -> list[tuple[str, str]]:
        """Countries by name, for a select."""
        return sorted(((c, r.name) for c, r in self.countries.items()), key=lambda p: p[1])


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
        self.unknown_keys(data, _LINE_KEYS, where)
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
        )

    def region(self, code: str, data, where: str) -> Region:
        data = self.table(data, where)
        self.unknown_keys(data, _REGION_KEYS, where)
        lines = data.get("lines", [])
        if not isinstance(lines, list):
            self.fail(f"{where}.lines", "should be a list of [[…lines]] tables")
        return Region(
            code=code,
            name=self.text(data, "name", where, required=True, limit=60),
            emergency=self.number(data, "emergency", where),
            emergency_note=self.text(data, "emergency_note", where, required=False),
            note=self.text(data, "note", where, required=False),
            lines=tuple(self.line(line, f"{where}.lines[{i}]") for i, line in enumerate(lines)),
            checked=self.checked(data, where),
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
