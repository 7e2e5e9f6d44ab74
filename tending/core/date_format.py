"""Dates written as Django's `date` filter writes them, only quicker, for the formats pages use.

Django reads the format string afresh on every call, looks each month and day name up in the
translation catalogue, and makes a formatter object; for a list of dated rows that was most
of the cost of a row. Here a format made only of the letters below (and characters that are
not letters) is read once, and the names are looked up once per language. Any other format,
and any value that is not a plain date or time, goes to Django as before.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from django.utils import dateformat
from django.utils.dates import MONTHS, MONTHS_3, WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import get_language, pgettext, pgettext_lazy

QUICK = frozenset("dDFHijlmMY")
TIME_LETTERS = frozenset("Hi")  # Django refuses these for a date without a time
PLANS_KEPT = 200  # formats come from templates: a handful; the cap is only a guard

# A format read once: its pieces in order, each a letter to fill in or text to keep, and
# whether it asks for the time of day. None: a format Django should write.
Plan = tuple[tuple[tuple[bool, str], ...], bool]
_plans: dict[str, Plan | None] = {}


class Names(NamedTuple):
    """Month and weekday names as text in one language: months by number (1–12), weekdays
    by `date.weekday()` (Monday 0)."""

    months: dict[int, str]
    months_3: dict[int, str]  # as the "M" format writes them: "Jan"
    weekdays: dict[int, str]
    weekdays_abbr: dict[int, str]


_names: dict[str | None, Names] = {}

# The formats pages write dates in, each as the catalogue of the page's language writes it
# ("j F Y" is "j. F Y" in German). A format not listed (the "Y-m-d" of a form's value) is
# written as it is, in every language.
DATE_FORMATS = (
    pgettext_lazy("date format", "j F Y"),
    pgettext_lazy("date format", "j F"),
    pgettext_lazy("date format", "l j F"),
    pgettext_lazy("date format", "l j F Y"),
    pgettext_lazy("date format", "F Y"),
    pgettext_lazy("date format", "j M Y"),
    pgettext_lazy("date format", "j M"),
    pgettext_lazy("date format", "D j M"),
    pgettext_lazy("date format", "D j M Y"),
    pgettext_lazy("date format", "j M Y, H:i"),
    pgettext_lazy("date format", "j F Y, H:i"),
    pgettext_lazy("date format", "l j F Y, H:i"),
    # The terminal's, with a day of two digits to line up in a list.
    pgettext_lazy("date format", "d F Y"),
    pgettext_lazy("date format", "d M Y, H:i"),
    pgettext_lazy("date format", "D d M"),  # the weekly e-mail's days
)
_local: dict[tuple[str | None, str], str] = {}


def local_format(format_string: str) -> str:
    """`format_string` as the page's language writes dates, looked up once per language."""
    key = (get_language(), format_string)
    found = _local.get(key)
    if found is None:
        found = pgettext("date format", format_string)
        if len(_local) < PLANS_KEPT:
            _local[key] = found
    return found


def plan_of(format_string: str) -> Plan | None:
    """The pieces of a format tending can write itself, or None when Django must."""
    pieces: list[tuple[bool, str]] = []
    for char in format_string:
        if char.isalpha():
            if char not in QUICK:
                return None
            pieces.append((True, char))
        elif char == "\\":  # an escaped letter: rare, and Django's to read
            return None
        elif pieces and not pieces[-1][0]:
            pieces[-1] = (False, pieces[-1][1] + char)
        else:
            pieces.append((False, char))
    return tuple(pieces), any(char in TIME_LETTERS for char in format_string)


def _plan(format_string: str) -> Plan | None:
    try:
        return _plans[format_string]
    except KeyError:
        plan = plan_of(format_string)
        if len(_plans) < PLANS_KEPT:
            _plans[format_string] = plan
        return plan


def names() -> Names:
    """The names in the language in use, looked up in the catalogue once per language."""
    language = get_language()
    found = _names.get(language)
    if found is None:
        found = _names[language] = Names(
            {number: str(name) for number, name in MONTHS.items()},
            {number: str(name).title() for number, name in MONTHS_3.items()},
            {number: str(name) for number, name in WEEKDAYS.items()},
            {number: str(name) for number, name in WEEKDAYS_ABBR.items()},
        )
    return found


def format_date(value: date | datetime, format_string: str) -> str:
    """What `django.utils.dateformat.format(value, format_string)` gives, in the format the
    page's language writes dates in."""
    format_string = local_format(format_string)
    written = quick_format(value, format_string)
    return dateformat.format(value, format_string) if written is None else written


def quick_format(value, format_string: str) -> str | None:
    """`value` written in `format_string` as Django's dateformat would, or None when the
    value or the format is not one written here."""
    kind = type(value)
    plan = _plan(format_string) if kind is datetime or kind is date else None
    if plan is None or (kind is date and plan[1]):
        return None
    months, months_3, weekdays, weekdays_abbr = names()
    written = []
    for is_letter, piece in plan[0]:
        if not is_letter:
            written.append(piece)
        elif piece == "j":
            written.append(str(value.day))
        elif piece == "d":
            written.append(f"{value.day:02d}")
        elif piece == "F":
            written.append(months[value.month])
        elif piece == "M":
            written.append(months_3[value.month])
        elif piece == "m":
            written.append(f"{value.month:02d}")
        elif piece == "Y":
            written.append(f"{value.year:04d}")
        elif piece == "l":
            written.append(weekdays[value.weekday()])
        elif piece == "D":
            written.append(weekdays_abbr[value.weekday()])
        elif piece == "H":
            written.append(f"{value.hour:02d}")
        else:  # "i"
            written.append(f"{value.minute:02d}")
    return "".join(written)
