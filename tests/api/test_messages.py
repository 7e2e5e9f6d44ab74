"""What the API's schemas refuse, said in the web's words."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pytest
from pydantic import BaseModel, Field, ValidationError

from tending.api.messages import CHECK, DAY, TIME, plain_message


class Sent(BaseModel):
    name: str = Field("", max_length=5)
    code: str = Field("abc", min_length=3)
    value: int = Field(4, ge=1, le=7)
    share: float = Field(0.5, gt=0, lt=1)
    kind: Literal["friend", "family"] = "friend"
    day: dt.date = dt.date(2026, 3, 14)
    at: dt.datetime = dt.datetime(2026, 3, 14, 18, 30)
    ids: list[int] = Field([], max_length=2)
    few: list[int] = Field([1], min_length=1)
    safe: bool = False
    needed: str


def said(**sent) -> dict[str, tuple[str, str]]:
    with pytest.raises(ValidationError) as refused:
        Sent(**{"needed": "x", **sent})
    return {e["loc"][0]: (e["type"], plain_message(e)) for e in refused.value.errors()}


@pytest.mark.parametrize(
    ("sent", "kind", "message"),
    [
        ({"name": "Samantha"}, "string_too_long", "Please keep this to 5 characters (it has 8)."),
        ({"code": "ab"}, "string_too_short", "Please write at least 3 characters (it has 2)."),
        ({"value": 0}, "greater_than_equal", "Please give 1 or more."),
        ({"value": 8}, "less_than_equal", "Please give 7 or less."),
        ({"share": 0}, "greater_than", "Please give more than 0."),
        ({"share": 1}, "less_than", "Please give less than 1."),
        ({"value": "three"}, "int_parsing", "Please give a whole number, like 3."),
        ({"value": 2.5}, "int_from_float", "Please give a whole number, like 3."),
        ({"share": "half"}, "float_parsing", "Please give a number, like 2.5."),
        ({"kind": "cousin"}, "literal_error", "Please choose one of: 'friend' or 'family'."),
        ({"day": "2026-02-30"}, "date_from_datetime_parsing", DAY),
        ({"at": "soon"}, "datetime_from_date_parsing", TIME),
        ({"ids": [1, 2, 3]}, "too_long", "Please give at most 2 (there are 3)."),
        ({"few": []}, "too_short", "Please give at least 1 (there are 0)."),
        ({"ids": "1,2"}, "list_type", "Please give a list, like [1, 2]."),
        ({"safe": "maybe"}, "bool_parsing", "Please give true or false."),
        ({"name": 5}, "string_type", "Please give this as text."),
    ],
)  # fmt: skip
def test_each_refusal_in_the_webs_words(sent, kind, message):
    (field,) = sent
    assert said(**sent)[field] == (kind, message)


def test_days_and_times_are_asked_for_by_example():
    assert DAY == "Please give a date, like 2026-03-14."
    assert TIME == "Please give a date and time, like 2026-03-14T18:30."


def test_a_missing_field_and_an_unknown_kind():
    with pytest.raises(ValidationError) as refused:
        Sent()
    (error,) = refused.value.errors()
    assert plain_message(error) == "Please fill this in."
    assert plain_message({"type": "url_scheme", "msg": "URL scheme should be 'http'"}) == CHECK
    assert plain_message({}) == CHECK


def test_a_validators_own_words_are_kept_and_a_strange_context_is_not_trusted():
    own = {"type": "value_error", "msg": "Value error, Please name one thing."}
    assert plain_message(own) == "Please name one thing."
    assert plain_message({"type": "value_error", "msg": "something odd"}) == CHECK
    assert plain_message({"type": "greater_than_equal", "ctx": {}}) == CHECK
    too_long = {"type": "string_too_long", "ctx": {"max_length": 5}}  # as the API's come
    assert plain_message(too_long) == "Please keep this to 5 characters."
    assert plain_message({**too_long, "input": ["a"]}) == "Please keep this to 5 characters."
