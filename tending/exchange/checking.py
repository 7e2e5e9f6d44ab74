"""Check a parsed document against its declared shape, before anything is written.

Every problem is reported with where it is, as a path into the document
(`moments[12].people[0]`), and what is wrong, in words a person can act on. What comes out
is plain Python data: each kind's rows with defaults filled in and dates parsed.
"""

from __future__ import annotations

import json
import math
import re
import zoneinfo
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext_lazy

from tending.core.words import grouped as number  # re-used by the readers
from tending.exchange.document import BY_NAME, FORMAT, HEADER, KINDS, MAX_ANSWERS, Field, Kind
from tending.exchange.upgrades import UpgradeError, upgrade

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME = re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")
DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})")
JSON_TYPES = {
    dict: gettext_noop("an object"),
    list: gettext_noop("a list"),
    str: gettext_noop("text"),
    bool: gettext_noop("true or false"),
}
# How a message names one row of each kind (Kind.noun), in the language in use.
NOUNS = {
    "account": pgettext_lazy("export row", "account"),
    "tag": pgettext_lazy("export row", "tag"),
    "person": pgettext_lazy("export row", "person"),
    "closeness rating": pgettext_lazy("export row", "closeness rating"),
    "moment": pgettext_lazy("export row", "moment"),
    "check-in": pgettext_lazy("export row", "check-in"),
    "check-in draft": pgettext_lazy("export row", "check-in draft"),
    "check-in choice": pgettext_lazy("export row", "check-in choice"),
    "journal entry": pgettext_lazy("export row", "journal entry"),
    "journal draft": pgettext_lazy("export row", "journal draft"),
    "hidden prompt": pgettext_lazy("export row", "hidden prompt"),
    "safety plan line": pgettext_lazy("export row", "safety plan line"),
    "person to ask for help": pgettext_lazy("export row", "person to ask for help"),
    "crisis settings": pgettext_lazy("export row", "crisis settings"),
    "crisis number": pgettext_lazy("export row", "crisis number"),
    "'not now'": pgettext_lazy("export row", "'not now'"),
    "calendar": pgettext_lazy("export row", "calendar"),
    "weekly e-mail": pgettext_lazy("export row", "weekly e-mail"),
    "feedback round": pgettext_lazy("export row", "feedback round"),
    "invitation": pgettext_lazy("export row", "invitation"),
    "feedback answer": pgettext_lazy("export row", "feedback answer"),
    "ladder session": pgettext_lazy("export row", "ladder session"),
    "brave step": pgettext_lazy("export row", "brave step"),
    "therapy session": pgettext_lazy("export row", "therapy session"),
    "goal": pgettext_lazy("export row", "goal"),
    "goal step": pgettext_lazy("export row", "goal step"),
    "thing to bring up": pgettext_lazy("export row", "thing to bring up"),
}


def noun(kind: Kind) -> str:
    """One row of `kind` as a message names it ("journal entry")."""
    return str(NOUNS[kind.noun]) if kind.noun in NOUNS else kind.noun


class DocumentError(ValueError):
    """A document that cannot be imported: where in it, and what is wrong."""

    def __init__(self, where: str, problem: str):
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}" if where else problem)


@dataclass
class CheckedDocument:
    """A sound document: every kind's rows (singles as a list of none or one)."""

    rows: dict[str, list[dict[str, Any]]]
    version_read: int
    exported_at: str | None = None
    key_index: dict[str, dict[str, int]] = field(default_factory=dict)

    def count(self, kind: str) -> int:
        return len(self.rows.get(kind, ()))


SHOWN_LENGTH = 40


def shown(value: object) -> str:
    """`value` as the document has it, cut short: a message never repeats a whole field (it
    could be private text, or megabytes of it)."""
    said = repr(value)
    return said if len(said) <= SHOWN_LENGTH else said[: SHOWN_LENGTH - 1] + "…"


def describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _("a number")
    found = JSON_TYPES.get(type(value))
    return _(found) if found else type(value).__name__


def check_document(document: object) -> CheckedDocument:
    """The document's rows, checked and ready to write; DocumentError at the first problem."""
    if not isinstance(document, dict):
        raise DocumentError(
            "",
            _("A tending export is a JSON object, not %(found)s.") % {"found": describe(document)},
        )
    if document.get("format") != FORMAT:
        raise DocumentError(
            "format",
            _("This is not a tending export (it should say %(format)s here).")
            % {"format": repr(FORMAT)},
        )
    try:
        document, version_read = upgrade(document)
    except UpgradeError as exc:
        raise DocumentError("version", str(exc)) from None
    for name in document:
        if name not in BY_NAME and name not in HEADER:
            raise DocumentError(name, _("tending's export has no such part."))
    exported_at = document.get("exported_at")
    if exported_at is not None:
        _datetime(exported_at, "exported_at")
    checked = CheckedDocument(rows={}, version_read=version_read, exported_at=exported_at)
    for kind in KINDS:
        _check_kind(kind, document.get(kind.name), checked)
    _check_feedback_answers(checked)
    _check_bring_ups(checked)
    _check_ladder_places(checked)
    return checked


def _check_ladder_places(checked: CheckedDocument) -> None:
    """A ladder session is at a prompt of tending's ladder, or just past its last set."""
    from tending.growth.ladders import Place, is_place, ladder

    sets = ladder()
    for i, row in enumerate(checked.rows["ladder_sessions"]):
        if not is_place(Place(row["set_index"], row["prompt_index"]), sets):
            sizes = ", ".join(str(len(s.prompts)) for s in sets)
            raise DocumentError(
                f"ladder_sessions[{i}].prompt_index",
                _(
                    "is not a prompt of the ladder (its sets have %(sizes)s prompts, counted "
                    "from 0; past the last set, set_index %(sets)d and prompt_index 0)."
                )
                % {"sizes": sizes, "sets": len(sets)},
            )


def _check_bring_ups(checked: CheckedDocument) -> None:
    """A thing to bring up to therapy is one journal entry, one moment or one check-in."""
    for i, row in enumerate(checked.rows["bring_ups"]):
        named = [name for name in ("entry", "moment", "checkin") if row[name] is not None]
        if len(named) != 1:
            raise DocumentError(
                f"bring_ups[{i}]", _("should name one of entry, moment or checkin, and only one.")
            )


def _check_feedback_answers(checked: CheckedDocument) -> None:
    """An answer's invitation belongs to the answer's own round, and an anonymous round's
    answers say neither whose invitation nor when: tending never keeps those for one."""
    rounds = {row["key"]: row for row in checked.rows["mirror_rounds"]}
    invited = {row["key"]: row["round"] for row in checked.rows["mirror_invitations"]}
    for i, answer in enumerate(checked.rows["mirror_answers"]):
        where = f"mirror_answers[{i}]"
        if answer["invitation"] is not None and invited[answer["invitation"]] != answer["round"]:
            raise DocumentError(
                f"{where}.invitation", _("this invitation is of another round than the answer.")
            )
        if rounds[answer["round"]]["anonymous"]:
            for name in ("invitation", "answered_on"):
                if answer[name] is not None:
                    raise DocumentError(
                        f"{where}.{name}", _("an anonymous round's answer keeps no such thing.")
                    )


def _check_kind(kind: Kind, value: object, checked: CheckedDocument) -> None:
    if kind.single:
        if value is None:
            checked.rows[kind.name] = []
            return
        if not isinstance(value, dict):
            raise DocumentError(
                kind.name,
                _("should be an object or null, not %(found)s.") % {"found": describe(value)},
            )
        checked.rows[kind.name] = [_check_row(kind, value, kind.name, checked)]
        return
    if value is None:
        value = []
    if not isinstance(value, list):
        raise DocumentError(
            kind.name, _("should be a list, not %(found)s.") % {"found": describe(value)}
        )
    rows = [_check_row(kind, row, f"{kind.name}[{i}]", checked) for i, row in enumerate(value)]
    if kind.key_prefix:
        keys: dict[str, int] = {}
        for i, row in enumerate(rows):
            if row["key"] is None:  # an optional key left out: nothing can point at this row
                continue
            if row["key"] in keys:
                raise DocumentError(
                    f"{kind.name}[{i}].key",
                    _("the key %(key)s is already used by %(other)s.")
                    % {"key": shown(row["key"]), "other": f"{kind.name}[{keys[row['key']]}]"},
                )
            keys[row["key"]] = i
        checked.key_index[kind.name] = keys
    for names in kind.unique:
        seen: dict[tuple, int] = {}
        for i, row in enumerate(rows):
            values = tuple(row[name] for name in names)
            if values in seen:
                said = ", ".join(f"{name} {shown(row[name])}" for name in names)
                raise DocumentError(
                    f"{kind.name}[{i}].{names[0]}",
                    _("there is already a %(noun)s with %(said)s (%(other)s).")
                    % {"noun": noun(kind), "said": said, "other": f"{kind.name}[{seen[values]}]"},
                )
            seen[values] = i
    checked.rows[kind.name] = rows


def _check_row(kind: Kind, row: object, where: str, checked: CheckedDocument) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise DocumentError(
            where,
            _("each %(noun)s should be an object, not %(found)s.")
            % {"noun": noun(kind), "found": describe(row)},
        )
    known = {f.name for f in kind.fields}
    for name in row:
        if name not in known:
            raise DocumentError(
                f"{where}.{name}", _("a %(noun)s has no such field.") % {"noun": noun(kind)}
            )
    out = {}
    for spec in kind.fields:
        if spec.name not in row:
            if spec.required:
                raise DocumentError(f"{where}.{spec.name}", _("is missing."))
            default = spec.default
            out[spec.name] = list(default) if isinstance(default, tuple) else default
            continue
        out[spec.name] = _check_value(spec, row[spec.name], f"{where}.{spec.name}", checked)
    if kind.name == "account":
        _check_time_zone(out["time_zone"], f"{where}.time_zone")
    return out


def _check_value(spec: Field, value: object, where: str, checked: CheckedDocument) -> Any:
    if value is None:
        if spec.nullable:
            return None
        raise DocumentError(where, _("should not be null."))
    kind = spec.type
    if kind == "text":
        return _text(value, where, spec.max_length, spec.choices)
    if kind == "integer":
        return _integer(value, where, spec.minimum, spec.maximum)
    if kind == "number":
        return _number(value, where)
    if kind == "boolean":
        if not isinstance(value, bool):
            raise DocumentError(
                where, _("should be true or false, not %(found)s.") % {"found": describe(value)}
            )
        return value
    if kind == "datetime":
        return _datetime(value, where)
    if kind == "date":
        return _date(value, where)
    if kind == "time":
        return _time(value, where)
    if kind == "ref":
        return _ref(spec, value, where, checked)
    if kind == "refs":
        if not isinstance(value, list):
            raise DocumentError(
                where, _("should be a list of keys, not %(found)s.") % {"found": describe(value)}
            )
        refs = [_ref(spec, item, f"{where}[{i}]", checked) for i, item in enumerate(value)]
        if len(set(refs)) < len(refs):
            twice = next(i for i, ref in enumerate(refs) if ref in refs[:i])
            raise DocumentError(
                f"{where}[{twice}]",
                _("%(value)s is in this list twice.") % {"value": shown(refs[twice])},
            )
        return refs
    if kind in ("answers", "scores"):
        return _answers(value, where, scores=kind == "scores")
    if kind == "words":
        return _words(value, where, spec.minimum, spec.maximum)
    raise AssertionError(f"unknown field type {kind}")  # pragma: no cover


def _words(value: object, where: str, fewest: int | None, most: int | None) -> list[str]:
    from tending.mirror.words import PLACE

    if not isinstance(value, list):
        raise DocumentError(
            where, _("should be a list of words, not %(found)s.") % {"found": describe(value)}
        )
    for i, word in enumerate(value):
        if not isinstance(word, str) or word not in PLACE:
            raise DocumentError(
                f"{where}[{i}]", _("%(value)s is not a word of the list.") % {"value": shown(word)}
            )
        if word in value[:i]:
            raise DocumentError(
                f"{where}[{i}]", _("%(value)s is in this list twice.") % {"value": shown(word)}
            )
    if not (fewest or 0) <= len(value) <= (most or len(PLACE)):
        raise DocumentError(
            where,
            _("holds %(count)d words; %(fewest)s or %(most)s belong here.")
            % {"count": len(value), "fewest": fewest, "most": most},
        )
    return sorted(value, key=PLACE.__getitem__)


def _text(value: object, where: str, limit: int | None, choices: tuple = ()) -> str:
    if not isinstance(value, str):
        raise DocumentError(where, _("should be text, not %(found)s.") % {"found": describe(value)})
    if limit is not None and len(value) > limit:
        raise DocumentError(
            where,
            _("is %(length)s characters long; at most %(limit)s fit.")
            % {"length": number(len(value)), "limit": number(limit)},
        )
    if choices and value not in choices:
        listed = ", ".join(repr(choice) for choice in choices)
        raise DocumentError(
            where,
            _("%(value)s is not one of %(listed)s.") % {"value": shown(value), "listed": listed},
        )
    if "\x00" in value:
        raise DocumentError(where, _("holds a NUL character, which tending cannot keep."))
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise DocumentError(where, _("holds a broken character (a lone surrogate).")) from None
    return value


def _integer(value: object, where: str, low: int | None, high: int | None) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise DocumentError(
            where, _("should be a whole number, not %(found)s.") % {"found": describe(value)}
        )
    if (low is not None and value < low) or (high is not None and value > high):
        raise DocumentError(
            where,
            _("%(value)s is outside %(low)s to %(high)s.")
            % {"value": value, "low": low, "high": high},
        )
    return value


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DocumentError(
            where, _("should be a number, not %(found)s.") % {"found": describe(value)}
        )
    try:
        value = float(value)
    except OverflowError:
        value = math.inf
    if not math.isfinite(value):
        raise DocumentError(where, _("should be a finite number."))
    return value


def _datetime(value: object, where: str) -> datetime:
    if not isinstance(value, str) or not DATETIME.fullmatch(value):
        raise DocumentError(
            where,
            _("should be a date and time like '2026-03-14T19:30:00+01:00', not %(value)s.")
            % {"value": shown(value)},
        )
    try:
        return datetime.fromisoformat(value).astimezone(UTC)
    except (ValueError, OverflowError):
        raise DocumentError(
            where, _("%(value)s is not a real date and time.") % {"value": shown(value)}
        ) from None


def _date(value: object, where: str) -> date:
    if not isinstance(value, str) or not DATE.fullmatch(value):
        raise DocumentError(
            where, _("should be a date like '2026-03-14', not %(value)s.") % {"value": shown(value)}
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DocumentError(
            where, _("%(value)s is not a real date.") % {"value": shown(value)}
        ) from None


def _time(value: object, where: str) -> time:
    if not isinstance(value, str) or not TIME.fullmatch(value):
        raise DocumentError(
            where,
            _("should be a time of day like '19:30', not %(value)s.") % {"value": shown(value)},
        )
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise DocumentError(
            where, _("%(value)s is not a real time of day.") % {"value": shown(value)}
        ) from None


def _ref(spec: Field, value: object, where: str, checked: CheckedDocument) -> str:
    target = BY_NAME[spec.target]
    if not isinstance(value, str):
        raise DocumentError(
            where,
            _("should be the key of a %(noun)s, not %(found)s.")
            % {"noun": noun(target), "found": describe(value)},
        )
    if value not in checked.key_index.get(target.name, {}):
        raise DocumentError(
            where,
            _("there is no %(noun)s with the key %(key)s in %(kind)s.")
            % {"noun": noun(target), "key": shown(value), "kind": target.name},
        )
    return value


def _answers(value: object, where: str, scores: bool) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DocumentError(
            where, _("should be an object, not %(found)s.") % {"found": describe(value)}
        )
    if len(value) > MAX_ANSWERS:
        raise DocumentError(
            where,
            _("has %(count)s items; at most %(most)d fit.")
            % {"count": number(len(value)), "most": MAX_ANSWERS},
        )
    out: dict[str, Any] = {}
    for name, item in value.items():
        _text(name, f"{where}.{name}", 64)
        if scores:
            out[name] = _number(item, f"{where}.{name}")
        elif item is None:
            out[name] = None
        else:
            out[name] = _integer(item, f"{where}.{name}", -(2**31), 2**31 - 1)
    return out


def _check_time_zone(value: str, where: str) -> None:
    # The same names the settings page accepts (tending.core.models.validate_time_zone).
    problem = _("%(value)s is not a time zone tending knows; try e.g. 'Europe/Berlin'.") % {
        "value": shown(value)
    }
    if value != "UTC" and "/" not in value:
        raise DocumentError(where, problem)
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise DocumentError(where, problem) from None


def _no_twice(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object, refusing a name given twice: JSON would keep only the last silently."""
    found: dict = {}
    for name, value in pairs:
        if name in found:
            raise DocumentError(
                "", _("The name %(name)s is in one object twice.") % {"name": shown(name)}
            )
        found[name] = value
    return found


def parse_document(data: bytes | str) -> object:
    """The JSON in `data`, or a DocumentError saying where it stops being JSON."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DocumentError(
                "",
                _("This file is not UTF-8 text (at byte %(byte)d), so not tending's JSON.")
                % {"byte": exc.start},
            ) from None
    try:
        return json.loads(data, parse_constant=_refuse_constant, object_pairs_hook=_no_twice)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            "",
            _("This is not valid JSON: %(problem)s at line %(line)d, column %(column)d.")
            % {"problem": exc.msg, "line": exc.lineno, "column": exc.colno},
        ) from None
    except RecursionError:
        raise DocumentError(
            "", _("This JSON is nested too deeply to be a tending export.")
        ) from None


def _refuse_constant(name: str) -> object:
    raise DocumentError(
        "", _("This JSON holds %(name)s, which is not a number JSON allows.") % {"name": name}
    )
