"""What every API resource shares: error shapes, ETags with If-Match, cursor pages, and
running tending's own forms so the API keeps exactly the web's rules and messages."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Schema
from ninja.errors import HttpError
from pydantic import BaseModel, ConfigDict, Field

from tending.core.ownership import MAX_ROW_ID
from tending.core.reads import column, read_together, table

MAX_LIMIT = 200


class Shown(BaseModel):
    """What the API answers with.

    A plain pydantic model, reading a row's attributes in pydantic's own code: ninja's
    `Schema` reads every value through a Python wrapper first, and that wrapper was half of
    a list's time. Types are checked all the same.
    """

    model_config = ConfigDict(from_attributes=True)


class Problem(Schema):
    detail: str


class FieldProblem(Schema):
    loc: list[str | int]
    msg: str
    type: str


class Invalid(Schema):
    detail: list[FieldProblem]


# The error answers an operation may give, for its `response=` (and so for the OpenAPI
# description, which the fuzzing run checks every answer against).
READ_ERRORS = {400: Problem, 401: Problem, 404: Problem, 422: Invalid, 429: Problem}
WRITE_ERRORS = {**READ_ERRORS, 403: Problem, 412: Problem}


class FormInvalid(HttpError):
    """A form said no: the same messages the web page shows next to each field."""

    def __init__(self, problems: list[dict]) -> None:
        super().__init__(422, "Some of what was sent needs another look.")
        self.problems = problems


def form_problems(form: forms.BaseForm, names: dict[str, str] | None = None) -> list[dict]:
    """A bound form's errors as `loc`/`msg` pairs; `names` maps form fields to API fields."""
    names = names or {}
    problems = []
    for field, errors in form.errors.get_json_data().items():
        loc = ["body"] if field == "__all__" else ["body", names.get(field, field)]
        problems += [
            {"loc": loc, "msg": e["message"], "type": e["code"] or "invalid"} for e in errors
        ]
    return problems


def current_values(form: forms.BaseForm) -> dict[str, Any]:
    """What an unbound form shows for its instance: the starting point of a partial update."""
    return {name: form[name].value() for name in form.fields}


def bound_form(
    form_class: type[forms.BaseForm],
    changes: dict[str, Any],
    *,
    partial: bool,
    **kwargs,
) -> forms.BaseForm:
    """`form_class` filled in as the web page would post it: for a partial update, with what
    is saved now and `changes` on top; otherwise with `changes` alone."""
    form = form_class(**kwargs)
    data = current_values(form) if partial else {}
    for key, value in changes.items():
        # null on a yes/no field leaves it as it is: the form would read it as "no".
        if value is None and isinstance(form.fields.get(key), forms.BooleanField):
            continue
        data[key] = value
    data = {key: _posted(value) for key, value in data.items() if value is not None}
    return form_class(data=data, **kwargs)


def _posted(value: Any) -> Any:
    if isinstance(value, bool):
        return value  # a checkbox takes the bool itself
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return value


def valid_or_422(form: forms.BaseForm, names: dict[str, str] | None = None) -> forms.BaseForm:
    if not form.is_valid():
        raise FormInvalid(form_problems(form, names))
    return form


# ETags -------------------------------------------------------------------------------------


def etag_of(representation: BaseModel | dict) -> str:
    """A strong ETag from what the API shows of a row: it changes whenever any of it does."""
    data = representation
    if isinstance(representation, BaseModel):
        # What is worked out from the day or from other rows (a person's drift) is left out:
        # it changes without anyone writing, and would refuse an update for no reason.
        derived = getattr(representation, "DERIVED", frozenset())
        data = representation.model_dump(mode="json", exclude=set(derived))
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return '"' + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + '"'


def check_if_match(request: HttpRequest, current: str) -> None:
    """Refuse an update made from an old copy: `If-Match` must name the row's ETag as it is now.

    Without `If-Match` the update goes ahead (a script that does not care); with it, a second
    device that read the row before the first one changed it gets 412 and reads it again.
    """
    header = request.headers.get("If-Match")
    if header is None or header.strip() == "*":
        return
    # A strong comparison, as If-Match asks: a weak tag (W/"…") matches nothing.
    offered = {tag.strip() for tag in header.split(",")}
    if current not in offered:
        raise HttpError(
            412, "This was changed since you read it. Read it again, then make your change."
        )


def with_etag(response: HttpResponse, representation: BaseModel) -> BaseModel:
    response["ETag"] = etag_of(representation)
    return representation


# Cursor pages ------------------------------------------------------------------------------


class PageQuery(Schema):
    cursor: str | None = Field(None, description="The `next` of the previous page.")
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="How many to return (1-200).")


def one_page(
    queryset: QuerySet,
    order: tuple[str, ...],
    cursor: str | None,
    limit: int,
) -> tuple[list[Model], str | None]:
    """Rows after `cursor` in `order` (a field that is never null then "id", same direction,
    or "id" alone), and the cursor of the next page (None on the last).

    Keyset pages: a row written between two pages neither repeats nor hides one, and the
    thousandth page costs what the first does.
    """
    queryset = queryset.order_by(*order)
    if cursor:
        try:
            values = _as_fields(queryset.model, order, read_cursor(cursor, len(order)))
            queryset = queryset.filter(_after(order, values))
        except (ValidationError, ValueError, TypeError, OverflowError):  # the field cannot hold it
            raise _bad_cursor() from None
    rows = list(queryset[: limit + 1])
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    values = [_plain(getattr(last, name.lstrip("-"))) for name in order]
    return rows, make_cursor(values)


def _as_fields(model: type[Model], order: tuple[str, ...], values: list) -> list:
    """The cursor's values as their fields hold them, times moved to UTC here (not in the
    database's adapter, where a time at the edge of the calendar would overflow)."""
    held = []
    for name, value in zip(order, values, strict=True):
        value = model._meta.get_field(name.lstrip("-")).to_python(value)
        if isinstance(value, datetime):
            if value.tzinfo is None:
                raise ValueError("a time without its offset")
            value = value.astimezone(UTC)
        held.append(value)
    return held


def _after(order: tuple[str, ...], values: list) -> Q:
    *first, last_name = order
    op = "lt" if last_name.startswith("-") else "gt"
    after_id = Q(**{f"{last_name.lstrip('-')}__{op}": values[-1]})
    if not first:
        return after_id
    name = first[0].lstrip("-")
    op_first = "lt" if first[0].startswith("-") else "gt"
    return Q(**{f"{name}__{op_first}": values[0]}) | (Q(**{name: values[0]}) & after_id)


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def make_cursor(values: list) -> str:
    text = json.dumps(values, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def _bad_cursor() -> HttpError:
    return HttpError(400, "That cursor is not one tending gave out; start from the first page.")


def read_cursor(cursor: str, length: int) -> list:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError, RecursionError):
        values = None
    if (
        not isinstance(values, list)
        or len(values) != length
        or not all(isinstance(v, str | int) and not isinstance(v, bool) for v in values)
        or not isinstance(values[-1], int)
        or not 0 <= values[-1] <= MAX_ROW_ID
        or any(isinstance(v, int) and abs(v) > MAX_ROW_ID for v in values)
        or any(isinstance(v, str) and ("\x00" in v or len(v) > 200) for v in values)
    ):
        raise _bad_cursor()
    return values


Link = tuple[type[Model], str, str]  # a table, the field naming the row, the field to collect


def linked_ids(links: list[Link], keys: list[int]) -> list[dict[int, list[int]]]:
    """For each link (model, by, of): for each of `keys`, the `of` ids of `model`'s rows whose
    `by` is that key, in order.

    Written-out reads of two columns, sent together: through Django's query builder, reading
    a goal's linked ids cost ten times what running the query did, and a list's page, with two
    or three such reads, spent more on building them than on everything else.
    """
    if not keys:
        return [{} for _ in links]
    marks = ", ".join(["%s"] * len(keys))
    reads = []
    for model, by, of in links:
        by_column, of_column = column(model, by), column(model, of)
        sql = (
            f"SELECT {by_column}, {of_column} FROM {table(model)}"
            f" WHERE {by_column} IN ({marks}) ORDER BY {of_column}"
        )
        reads.append((sql, keys))
    found = []
    for rows in read_together(reads):
        grouped: dict[int, list[int]] = {key: [] for key in keys}
        for key, value in rows:
            grouped[key].append(value)
        found.append(grouped)
    return found
