"""tending's own words for what the API's schemas refuse, in place of pydantic's.

A form on the web says "Please keep this to 100 characters"; the same limit met through a
schema said "String should have at most 100 characters". Here each kind of refusal (pydantic's
`type`, which the answer keeps as it is, for programs) gets the web's wording. Pure: no Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CHECK = "Please check this; it is not in a form tending can read."
WHOLE = "Please give a whole number, like 3."
DAY = "Please give a date, like 2026-03-14."
TIME = "Please give a date and time, like 2026-03-14T18:30."
CHOOSE = "Please choose one of: {expected}."

# By pydantic's error type; {names} come from the error's context.
BY_TYPE = {
    "missing": "Please fill this in.",
    "string_too_long": "Please keep this to {max_length} characters.",
    "string_too_short": "Please write at least {min_length} characters.",
    "too_long": "Please give at most {max_length} (there are {actual_length}).",
    "too_short": "Please give at least {min_length} (there are {actual_length}).",
    "greater_than_equal": "Please give {ge} or more.",
    "less_than_equal": "Please give {le} or less.",
    "greater_than": "Please give more than {gt}.",
    "less_than": "Please give less than {lt}.",
    "int_parsing": WHOLE,
    "int_type": WHOLE,
    "int_from_float": WHOLE,
    "int_parsing_size": "Please give a smaller number.",
    "float_parsing": "Please give a number, like 2.5.",
    "float_type": "Please give a number, like 2.5.",
    "bool_parsing": "Please give true or false.",
    "bool_type": "Please give true or false.",
    "string_type": "Please give this as text.",
    "string_unicode": "Please give this as text.",
    "list_type": "Please give a list, like [1, 2].",
    "date_parsing": DAY,
    "date_type": DAY,
    "date_from_datetime_parsing": DAY,
    "date_from_datetime_inexact": DAY,
    "datetime_parsing": TIME,
    "datetime_type": TIME,
    "datetime_from_date_parsing": TIME,
    "datetime_object_invalid": TIME,
    "literal_error": CHOOSE,
    "enum": CHOOSE,
    "model_type": "Please give an object here, with its fields by name.",
    "model_attributes_type": "Please give an object here, with its fields by name.",
    "dict_type": "Please give an object here, with its fields by name.",
}
# Said with how long the text was, when the error still holds it (the API's do not).
COUNTED = {"string_too_long", "string_too_short"}
# A validator's own message, written for a person already, comes after this.
OWN = "Value error, "


def _shown(value: Any) -> Any:
    """A limit as a person would write it: 0, not 0.0."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def plain_message(error: Mapping[str, Any]) -> str:
    """tending's message for one of pydantic's errors (a dict as `errors()` gives it)."""
    kind = error.get("type", "")
    if kind == "value_error" and str(error.get("msg", "")).startswith(OWN):
        return str(error["msg"])[len(OWN) :]
    template = BY_TYPE.get(kind)
    if template is None:
        return CHECK
    context = {name: _shown(value) for name, value in (error.get("ctx") or {}).items()}
    try:
        message = template.format(**context)
    except (KeyError, IndexError, ValueError):  # a context pydantic gave differently
        return CHECK
    given = error.get("input")
    if kind in COUNTED and isinstance(given, str):
        message = f"{message[:-1]} (it has {len(given)})."
    return message
