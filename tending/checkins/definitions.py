"""Check-in instruments as data: the definition files, their validation, and loading them."""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tending.checkins.translations import (
    BASE,
    Texts,
    TranslationError,
    declared,
    spoken,
    take_out,
    texts,
)

FREQUENCIES = ("daily", "weekly", "on-demand")
METHODS = ("sum", "mean", "sum_times", "rescale_100")
MISSING_POLICIES = ("refuse", "prorate")
HIGHER_IS = ("better", "worse")
# A prorated total can land between two bands written with whole numbers (28.5 between 0-28 and
# 29-50); such a total belongs to the lower band. A wider gap would put clearly higher totals
# under the lower band's words, so consecutive bands may be at most this far apart.
MAX_BAND_GAP = 1

# What the database can hold of a definition, so a file that passes `instruments check` never
# fails on save: ids and versions are stored with every check-in, band labels too. Answers and
# factors are bounded so every total stays an exact, finite number. tests/checkins/
# test_definition_limits.py holds these against the model columns.
MAX_ID_CHARS = 64  # CheckIn.instrument_id, CheckInDraft.instrument_id, CheckInChoice...
MAX_VERSION = 2_147_483_647  # CheckIn.instrument_version: a 32-bit integer on PostgreSQL
MAX_LABEL_CHARS = 100  # CheckIn.band_label
MAX_ANSWER_VALUE = 1000  # each scale value, either sign
MAX_FACTOR = 1000
MAX_ITEMS = 200
MAX_NESTING = 50  # tables and lists within each other; deeper TOML is refused before parsing

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_REQUIRED = object()
_TOP_KEYS = (
    "id", "version", "languages", "title", "measures", "description", "time_frame", "frequency",
    "higher_is", "can_switch_off", "scale", "scoring", "items", "bands", "safety", "subscales",
)  # fmt: skip


@dataclass(frozen=True)
class Choice:
    value: int
    label: str


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    reverse: bool = False
    scored: bool = True  # False: asked (e.g. for a safety rule) but kept out of every score


@dataclass(frozen=True)
class Band:
    low: float  # inclusive
    high: float  # inclusive
    label: str
    meaning: str


@dataclass(frozen=True)
class SafetyRule:
    item: str
    at_least: int  # fires when the raw answer to `item` is at least this
    message: str


@dataclass(frozen=True)
class Subscale:
    id: str
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Instrument:
    id: str
    version: int
    title: str
    measures: str
    description: str
    time_frame: str
    frequency: str
    items: tuple[Item, ...]
    scale: tuple[Choice, ...]
    method: str
    factor: float | None
    missing_policy: str
    max_missing: int
    bands: tuple[Band, ...]
    meaningful_change: float | None
    safety_rules: tuple[SafetyRule, ...]
    subscales: tuple[Subscale, ...]
    higher_is: str
    can_switch_off: bool
    path: str
    # The languages the file gives its texts in (English always, the base), the one these
    # texts are in, and the others' texts (tending/checkins/translations.py).
    languages: tuple[str, ...] = (BASE,)
    language: str = BASE
    translations: Mapping[str, Texts] = field(default_factory=dict, compare=False, repr=False)
    original: Instrument | None = field(default=None, compare=False, repr=False)
    _shown: dict[str, Instrument] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    @property
    def base(self) -> Instrument:
        """The definition as written in English: what answers are scored and kept against."""
        return self.original or self

    def in_language(self, language: str | None) -> Instrument:
        """The definition as a person reading `language` sees it: the same ids, answers and
        scoring, its texts in that language, or in English when the file lacks it. Made once
        per language."""
        base = self.base
        code = spoken(language, base.languages)
        if code == BASE:
            return base
        shown = base._shown.get(code)
        if shown is None:
            shown = base._shown[code] = base._translated(code)
        return shown

    def _translated(self, code: str) -> Instrument:
        words = self.translations[code]
        return replace(
            self,
            title=words.title,
            measures=words.measures,
            description=words.description,
            time_frame=words.time_frame,
            scale=tuple(
                Choice(c.value, label) for c, label in zip(self.scale, words.labels, strict=True)
            ),
            items=tuple(
                replace(item, text=text) for item, text in zip(self.items, words.items, strict=True)
            ),
            bands=tuple(
                replace(band, label=label, meaning=meaning)
                for band, (label, meaning) in zip(self.bands, words.bands, strict=True)
            ),
            safety_rules=tuple(
                replace(rule, message=message)
                for rule, message in zip(self.safety_rules, words.safety, strict=True)
            ),
            subscales=tuple(
                replace(sub, title=title)
                for sub, title in zip(self.subscales, words.subscales, strict=True)
            ),
            language=code,
            original=self,
        )

    def band_named(self, label: str) -> Band | None:
        """The band a result keeps by its English name, in this definition's language; None
        when no band has that name (any more)."""
        for index, band in enumerate(self.base.bands):
            if band.label == label:
                return self.bands[index]
        return None

    def label_shown(self, label: str) -> str:
        """A kept band name as this language says it; a name no band has any more as kept."""
        band = self.band_named(label)
        return label if band is None else band.label

    def score_range(self) -> tuple[float, float]:
        """The lowest and highest total any complete (or prorated) set of answers can give."""
        low, high = self.scale[0].value, self.scale[-1].value
        return _method_range(self.method, self.factor, len(self.scored_items), low, high)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    @property
    def scored_items(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.scored)


class InstrumentError(ValueError):
    """A definition file that cannot be used; the message names the file, the field and why."""

    def __init__(self, file: str, field: str, message: str):
        self.file, self.field, self.message = file, field, message
        super().__init__(f"{file}: {field}: {message}")


def builtin_folder() -> Path:
    return Path(__file__).resolve().parent / "instruments"


def load_instrument(path: Path) -> Instrument:
    """Read and validate one definition file; errors name the file by its name only."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise InstrumentError(path.name, "file", f"cannot be read ({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InstrumentError(path.name, "toml", f"is not valid TOML ({exc})") from exc
    except RecursionError:
        # tomllib recurses once per nested array; thousands of them exhaust the stack.
        message = f"nests lists or tables too deeply (at most {MAX_NESTING} levels)"
        raise InstrumentError(path.name, "toml", message) from None
    if _depth(data) > MAX_NESTING:
        message = f"nests lists or tables too deeply (at most {MAX_NESTING} levels)"
        raise InstrumentError(path.name, "toml", message)
    return _parse(path.name, str(path), data)


def _depth(value: Any) -> int:
    """How deeply lists and tables nest, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def load_instruments(folders: Iterable[Path]) -> dict[str, Instrument]:
    """Every *.toml in each folder, folders in the order given and files by name within each."""
    found: dict[str, Instrument] = {}
    for folder in folders:
        folder = Path(folder)
        # A host's folder that is not there is a misconfiguration, not "no extra instruments".
        if not folder.is_dir():
            raise InstrumentError(str(folder), "folder", "is not a folder that can be read")
        for path in sorted(folder.glob("*.toml")):
            instrument = load_instrument(path)
            if instrument.id in found:
                message = f"'{instrument.id}' is already defined in {found[instrument.id].path}"
                raise InstrumentError(str(path), "id", message)
            found[instrument.id] = instrument
    return found


def _method_range(
    method: str, factor: float | None, count: int, low: int, high: int
) -> tuple[float, float]:
    if method == "mean":
        return float(low), float(high)
    if method == "rescale_100":
        return 0.0, 100.0
    times = factor if method == "sum_times" and factor is not None else 1
    return float(round(count * low * times, 2)), float(round(count * high * times, 2))


def _num(value: float) -> str:
    return f"{value:g}"


def _listed(values: Iterable[Any]) -> str:
    return ", ".join(str(value) for value in values)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    for kind, words in ((int, "a whole number"), (float, "a number"), (str, "text")):
        if isinstance(value, kind):
            return f"{words} ({value!r})"
    return {list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


# kind -> (check, what it must be); bool is refused where a number is wanted, as TOML's
# `true` would otherwise pass as 1.
_KINDS = {
    "text": (lambda v: isinstance(v, str) and v.strip() != "", "non-empty text"),
    "int": (lambda v: isinstance(v, int) and not isinstance(v, bool), "a whole number"),
    "number": (
        lambda v: isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v),
        "a finite number",
    ),
    "bool": (lambda v: isinstance(v, bool), "true or false"),
    "table": (lambda v: isinstance(v, dict), "a table"),
    "list": (lambda v: isinstance(v, list), "a list"),
}


class _Table:
    """One TOML table being read; it knows where it sits so every error can name the field."""

    def __init__(self, file: str, where: str, data: Any, allowed: tuple[str, ...]):
        self.file, self.where = file, where
        if not isinstance(data, dict):
            raise InstrumentError(file, where, f"must be a table, not {_describe(data)}")
        self.data = data
        for key in data:
            if key not in allowed:
                # Typos must not pass silently: a misspelt "reverse" would score an item wrongly.
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(allowed)}"
                raise self.error(key, f"unknown field ({hint})")

    def name(self, key: str | None) -> str:
        if key is None:  # the table as a whole, e.g. "bands[1]"
            return self.where
        return f"{self.where}.{key}" if self.where else key

    def error(self, key: str | None, message: str) -> InstrumentError:
        return InstrumentError(self.file, self.name(key), message)

    def get(self, key: str, kind: str, default: Any = _REQUIRED) -> Any:
        if key not in self.data:
            if default is _REQUIRED:
                raise self.error(key, "is required")
            return default
        value = self.data[key]
        check, what = _KINDS[kind]
        if not check(value):
            raise self.error(key, f"must be {what}, not {_describe(value)}")
        return value

    def get_list(self, key: str, kind: str) -> list[Any]:
        """A required list whose every element is of `kind`."""
        values = self.get(key, "list")
        check, what = _KINDS[kind]
        for i, value in enumerate(values):
            if not check(value):
                raise self.error(f"{key}[{i}]", f"must be {what}, not {_describe(value)}")
        return values

    def one_of(self, key: str, options: tuple[str, ...]) -> str:
        value = self.get(key, "text")
        if value not in options:
            raise self.error(key, f"'{value}' is not one of: {', '.join(options)}")
        return value

    def slug(self, key: str) -> str:
        value = self.get(key, "text")
        if len(value) > MAX_ID_CHARS:
            raise self.error(key, f"is {len(value)} characters long; at most {MAX_ID_CHARS}")
        if not _SLUG.match(value):
            hint = "lower-case letters, digits and single hyphens"
            raise self.error(key, f"'{value}' is not a slug ({hint})")
        return value

    def bounded(self, key: str, value: float, low: float, high: float) -> None:
        if not low <= value <= high:
            raise self.error(key, f"must be from {_num(low)} to {_num(high)}, not {_num(value)}")

    def tables(self, key: str, allowed: tuple[str, ...]) -> list[_Table]:
        """An optional array of tables ([[key]] in TOML)."""
        rows = self.get(key, "list", [])
        return [
            _Table(self.file, f"{self.name(key)}[{i}]", row, allowed) for i, row in enumerate(rows)
        ]


def _parse(file: str, path: str, data: dict[str, Any]) -> Instrument:
    try:
        languages = declared(data)
        english, found = take_out(data, languages)
    except TranslationError as exc:
        raise InstrumentError(file, exc.field, exc.message) from None
    instrument = _parse_english(file, path, english)
    try:
        translations = texts(found, languages, instrument)
    except TranslationError as exc:
        raise InstrumentError(file, exc.field, exc.message) from None
    return replace(instrument, languages=languages, translations=translations)


def _parse_english(file: str, path: str, data: dict[str, Any]) -> Instrument:
    top = _Table(file, "", data, _TOP_KEYS)
    ident = top.slug("id")
    version = top.get("version", "int")
    if version < 1:
        raise top.error("version", f"must be a positive whole number, not {version}")
    if version > MAX_VERSION:
        raise top.error("version", f"must be at most {MAX_VERSION}, not {version}")
    scale = _scale(top)
    items = _items(top, scale)
    scored = [item for item in items if item.scored]
    method, factor, policy, max_missing, meaningful = _scoring(top, len(scored))
    low, high = _method_range(method, factor, len(scored), scale[0].value, scale[-1].value)
    return Instrument(
        id=ident,
        version=version,
        title=top.get("title", "text"),
        measures=top.get("measures", "text"),
        description=top.get("description", "text"),
        time_frame=top.get("time_frame", "text"),
        frequency=top.one_of("frequency", FREQUENCIES),
        items=items,
        scale=scale,
        method=method,
        factor=factor,
        missing_policy=policy,
        max_missing=max_missing,
        bands=_bands(top, low, high, _band_gap(method, factor)),
        meaningful_change=meaningful,
        safety_rules=_safety(top, items, scale),
        subscales=_subscales(top, items),
        higher_is=top.one_of("higher_is", HIGHER_IS),
        can_switch_off=top.get("can_switch_off", "bool", False),
        path=path,
    )


def _scale(top: _Table) -> tuple[Choice, ...]:
    table = _Table(top.file, "scale", top.get("scale", "table"), ("values", "labels"))
    values = table.get_list("values", "int")
    if len(values) < 2:
        raise table.error("values", f"needs at least 2 answers, not {len(values)}")
    for i, value in enumerate(values):
        table.bounded(f"values[{i}]", value, -MAX_ANSWER_VALUE, MAX_ANSWER_VALUE)
    for i in range(1, len(values)):
        if values[i] in values[:i]:
            raise table.error("values", f"{values[i]} appears more than once")
        if values[i] < values[i - 1]:
            raise table.error(
                "values", f"must go up from lowest to highest ({values[i]} after {values[i - 1]})"
            )
    labels = table.get_list("labels", "text")
    if len(labels) != len(values):
        raise table.error("labels", f"has {len(labels)} labels for {len(values)} values")
    return tuple(Choice(value, label) for value, label in zip(values, labels, strict=True))


def _evenly_spaced(scale: tuple[Choice, ...]) -> bool:
    # Reversal maps v to min + max - v; on evenly spaced values that lands on another value.
    values = [choice.value for choice in scale]
    step = values[1] - values[0]
    return all(b - a == step for a, b in zip(values, values[1:], strict=False))


def _items(top: _Table, scale: tuple[Choice, ...]) -> tuple[Item, ...]:
    tables = top.tables("items", ("id", "text", "reverse", "scored"))
    if not tables:
        raise top.error("items", "needs at least one item")
    if len(tables) > MAX_ITEMS:
        raise top.error("items", f"has {len(tables)} items; at most {MAX_ITEMS}")
    items: list[Item] = []
    for table in tables:
        ident = table.slug("id")
        earlier = [i for i, item in enumerate(items) if item.id == ident]
        if earlier:
            raise table.error("id", f"'{ident}' is already used by items[{earlier[0]}]")
        reverse = table.get("reverse", "bool", False)
        if reverse and not _evenly_spaced(scale):
            values = _listed(choice.value for choice in scale)
            message = f"needs a scale with evenly spaced values and a midpoint; {values} is not"
            raise table.error("reverse", message)
        items.append(
            Item(ident, table.get("text", "text"), reverse, table.get("scored", "bool", True))
        )
    if not any(item.scored for item in items):
        raise top.error("items", "needs at least one scored item")
    return tuple(items)


def _scoring(top: _Table, scored: int) -> tuple[str, float | None, str, int, float | None]:
    keys = ("method", "factor", "missing", "max_missing", "meaningful_change")
    table = _Table(top.file, "scoring", top.get("scoring", "table"), keys)
    method = table.one_of("method", METHODS)
    factor = table.get("factor", "number", None)
    if method == "sum_times":
        if factor is None:
            raise table.error("factor", "is required when method is 'sum_times'")
        if factor <= 0:
            raise table.error("factor", f"must be greater than 0, not {_num(factor)}")
        table.bounded("factor", factor, 0, MAX_FACTOR)
        factor = float(factor)
    elif factor is not None:
        raise table.error("factor", f"is only used with method 'sum_times', not '{method}'")
    policy = table.one_of("missing", MISSING_POLICIES)
    max_missing = table.get("max_missing", "int", 0)
    if max_missing < 0:
        raise table.error("max_missing", f"cannot be negative ({max_missing})")
    if policy == "refuse" and max_missing:
        raise table.error("max_missing", "is only used with missing = 'prorate'")
    if max_missing >= scored:
        raise table.error("max_missing", f"must be less than the number of scored items ({scored})")
    meaningful = table.get("meaningful_change", "number", None)
    if meaningful is not None:
        if meaningful <= 0:
            raise table.error(
                "meaningful_change", f"must be greater than 0, not {_num(meaningful)}"
            )
        meaningful = float(meaningful)
    return method, factor, policy, max_missing, meaningful


def _band_gap(method: str, factor: float | None) -> float:
    """How far apart two bands may be: one step of a whole-number total, else a rounding step."""
    if method == "sum":
        return MAX_BAND_GAP
    if method == "sum_times" and factor is not None:
        return MAX_BAND_GAP * factor
    return 0.01  # means and rescaled totals move smoothly; totals are rounded to 2 decimals


def _bands(top: _Table, low: float, high: float, gap: float) -> tuple[Band, ...]:
    bands: list[Band] = []
    for i, table in enumerate(top.tables("bands", ("low", "high", "label", "meaning"))):
        b_low, b_high = float(table.get("low", "number")), float(table.get("high", "number"))
        band = Band(b_low, b_high, table.get("label", "text"), table.get("meaning", "text"))
        if len(band.label) > MAX_LABEL_CHARS:
            message = f"is {len(band.label)} characters long; at most {MAX_LABEL_CHARS}"
            raise table.error("label", message)
        span = f"{_num(band.low)}-{_num(band.high)}"
        if band.low > band.high:
            raise table.error(None, f"low {_num(band.low)} is above high {_num(band.high)}")
        if band.low < low - 1e-9 or band.high > high + 1e-9:
            possible = f"{_num(low)}-{_num(high)}"
            raise table.error(None, f"range {span} is outside the possible scores {possible}")
        if bands:
            prev = bands[-1]
            prev_span = f"bands[{i - 1}] ({_num(prev.low)}-{_num(prev.high)})"
            if band.low < prev.low:
                message = f"range {span} comes after {prev_span}; list bands lowest first"
                raise table.error(None, message)
            if band.low <= prev.high:
                raise table.error(None, f"range {span} overlaps {prev_span}")
            if band.low - prev.high > gap + 1e-9:
                raise table.error(
                    None,
                    f"range {span} leaves a gap after {prev_span}: totals between "
                    f"{_num(prev.high)} and {_num(band.low)} would have no band "
                    f"(bands may be at most {_num(gap)} apart)",
                )
        bands.append(band)
    cover = "bands must cover every possible score"
    if bands and abs(bands[0].low - low) > 1e-9:
        message = f"starts at {_num(bands[0].low)} but scores start at {_num(low)}; {cover}"
        raise top.error("bands[0]", message)
    if bands and abs(bands[-1].high - high) > 1e-9:
        message = f"ends at {_num(bands[-1].high)} but scores reach {_num(high)}; {cover}"
        raise top.error(f"bands[{len(bands) - 1}]", message)
    return tuple(bands)


def _safety(
    top: _Table, items: tuple[Item, ...], scale: tuple[Choice, ...]
) -> tuple[SafetyRule, ...]:
    ids = [item.id for item in items]
    values = [choice.value for choice in scale]
    rules = []
    for table in top.tables("safety", ("item", "at_least", "message")):
        item = table.get("item", "text")
        if item not in ids:
            raise table.error(
                "item", f"names '{item}', which is not one of the items ({_listed(ids)})"
            )
        at_least = table.get("at_least", "int")
        if at_least not in values:
            message = f"{at_least} is not one of the scale's values ({_listed(values)})"
            raise table.error("at_least", message)
        if at_least == values[0]:
            message = f"{at_least} is the lowest answer, so the rule would fire on every answer"
            raise table.error("at_least", message)
        rules.append(SafetyRule(item, at_least, table.get("message", "text")))
    return tuple(rules)


def _subscales(top: _Table, items: tuple[Item, ...]) -> tuple[Subscale, ...]:
    by_id = {item.id: item for item in items}
    subscales: list[Subscale] = []
    for table in top.tables("subscales", ("id", "title", "items")):
        ident = table.slug("id")
        if any(sub.id == ident for sub in subscales):
            raise table.error("id", f"'{ident}' is already used by another subscale")
        members = table.get_list("items", "text")
        if not members:
            raise table.error("items", "needs at least one item")
        for i, member in enumerate(members):
            field = f"items[{i}]"
            if member not in by_id:
                message = f"names '{member}', which is not one of the items ({_listed(by_id)})"
                raise table.error(field, message)
            if not by_id[member].scored:
                message = f"'{member}' is not scored, so it cannot count in a subscale"
                raise table.error(field, message)
            if member in members[:i]:
                raise table.error(field, f"'{member}' is listed twice")
        subscales.append(Subscale(ident, table.get("title", "text"), tuple(members)))
    return tuple(subscales)
