"""How an entry from another tool becomes a tending entry's fields (pure: no database)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tending.exchange.foreign import ForeignFileError
from tending.exchange.foreign.entries import (
    ForeignEntry,
    field_of,
    kept_lines,
    shaped,
    tag_name,
    word_for,
)
from tending.journal.rendering import BODY_LIMIT

TOKYO = ZoneInfo("Asia/Tokyo")
LATE = datetime(2024, 1, 1, 0, 30, tzinfo=TOKYO)  # still the 31st of December in UTC


def entry(title="Title", body="Body", **more) -> ForeignEntry:
    return ForeignEntry("entry 4", more.pop("moment", LATE), title, body, **more)


def test_the_day_is_the_local_one_and_the_moment_stays_aware():
    made = shaped(entry())
    assert made.written_on == date(2024, 1, 1)
    assert made.moment is LATE
    assert (made.title, made.body, made.tags, made.kept) == ("Title", "Body", [], [])


def test_tags_are_tending_s_and_a_star_is_the_tag_starred():
    made = shaped(entry(tags=["@Sam", "#Sam", " #New  Year ", "@", "garden"], starred=True))
    assert made.tags == ["sam", "new year", "garden", "starred"]
    assert shaped(entry(tags=["starred"], starred=True)).tags == ["starred"]
    assert shaped(entry(starred=False)).tags == []


def test_tag_name():
    assert tag_name("@#Mixed\tCase ") == "mixed case"


def test_a_tag_longer_than_tending_allows_is_kept_as_text():
    long = "#" + "x" * 41
    made = shaped(entry(tags=[long, "#" + "y" * 40]))
    assert made.tags == ["y" * 40]
    assert made.body == f"Body\n\nTags: {long}"
    assert made.kept == ["long tag"]


def test_a_long_title_starts_the_body():
    title = "t" * 201
    made = shaped(entry(title=title))
    assert (made.title, made.body, made.kept) == ("", f"{title}\n\nBody", ["long title"])
    assert shaped(entry(title="t" * 200)).title == "t" * 200
    assert shaped(entry(title=title, body="")).body == title


def test_a_one_line_entry_is_its_body():
    made = shaped(entry(title="Tired.", body="\n \n"))
    assert (made.title, made.body) == ("", "Tired.")
    assert shaped(entry(title="  spaced   out ")).title == "spaced out"


def test_notes_go_at_the_end_of_the_body_in_order():
    made = shaped(entry(notes={"place": "Place: Leeds", "weather": "Weather: Rain"}))
    assert made.body == "Body\n\nPlace: Leeds\n\nWeather: Rain"
    assert made.kept == ["place", "weather"]
    alone = shaped(entry(title="", body="", notes={"media": "Not carried: 1 photo"}))
    assert alone.body == "Not carried: 1 photo"


def test_an_empty_entry_and_a_too_long_one_are_refused_by_where():
    with pytest.raises(ForeignFileError, match="^Entry 4 has no text at all.$"):
        shaped(entry(title=" ", body="\n"))
    assert len(shaped(entry(title="", body="b" * BODY_LIMIT)).body) == BODY_LIMIT
    with pytest.raises(ForeignFileError) as raised:
        shaped(entry(title="", body="b" * (BODY_LIMIT + 1)))
    assert str(raised.value).startswith(f"Entry 4 is {BODY_LIMIT + 1:,} characters long;")


def test_keys_for_duplicates_are_to_the_second():
    made = shaped(entry(moment=datetime(2024, 1, 1, 9, 0, 0, 400_000, tzinfo=TOKYO)))
    second = round(made.moment.timestamp())
    assert made.key_title() == (second, "Title") and made.key_body() == (second, "Body")
    assert second == round(datetime(2024, 1, 1, 0, 0, tzinfo=ZoneInfo("UTC")).timestamp())


def test_kept_lines_count_entries_per_kind():
    one = shaped(entry(title="x" * 300, notes={"place": "Place: a"}))
    two = shaped(entry(notes={"place": "Place: b"}))
    assert kept_lines([one, two], {"place": "places → a line"}) == [
        "titles longer than 200 characters → the start of the entry's text (1 entry)",
        "places → a line (2 entries)",
    ]
    odd = shaped(entry(notes={"mood": "Mood: fine"}))
    assert kept_lines([odd], {}) == ["mood → a line at the end of the entry (1 entry)"]
    assert kept_lines([shaped(entry(tags=["z" * 50]))], {}) == [
        "tags longer than 40 characters → a line “Tags: …” at the end of the entry (1 entry)"
    ]


def test_field_of():
    record = {"a": "x", "b": None, "n": 0, "f": False}
    assert field_of(record, "a", str, "entry 1") == "x"
    assert field_of(record, "b", str, "entry 1", "") == ""
    assert field_of(record, "missing", list, "entry 1", []) == []
    assert field_of(record, "f", bool, "entry 1", True) is False
    with pytest.raises(ForeignFileError, match="^Entry 1 has no “b”.$"):
        field_of(record, "b", str, "entry 1")
    with pytest.raises(ForeignFileError, match="“n” should be true or false, not a number"):
        field_of(record, "n", bool, "entry 1", False)


@pytest.mark.parametrize(
    ("value", "word"),
    [
        (True, "true or false"),
        (1, "a number"),
        (1.5, "a number"),
        ("", "text"),
        ([], "a list"),
        ({}, "an object"),
        (None, "something else"),
    ],
)
def test_word_for(value, word):
    assert word_for(value) == word
