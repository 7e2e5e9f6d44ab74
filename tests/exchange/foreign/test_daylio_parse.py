"""Reading Daylio CSV exports: both layouts, moods of one's own, notes kept whole, bad files."""

from __future__ import annotations

import csv
import io
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tending.exchange.foreign import ForeignFileError, daylio_parse
from tending.exchange.foreign.daylio_parse import (
    MAX_ROWS,
    DaylioRow,
    note_markdown,
    read_rows,
    tag_name,
)

SAMPLES = Path(__file__).parent / "samples"
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def rows(text: str, header: str = HEADER):
    return read_rows((header + text).encode())


def test_current_export_sample():
    found = read_rows((SAMPLES / "daylio-export.csv").read_bytes())
    assert [r.line for r in found] == [2, 3, 4, 8, 9, 10, 11, 12]
    first = found[0]
    assert (first.day, first.at, first.mood, first.level()) == (
        date(2024, 5, 18),
        time(21, 40),
        "rad",
        5,
    )
    assert first.activities == ["friends", "long walk", "cooking"]
    assert first.title == "Picnic by the river"
    quoted = found[2]
    assert quoted.note == (
        'She said "you did well", and I believed it.\nSecond line of the note.\n\n'
        "A new paragraph, with commas, and more commas."
    )
    assert [r.level() for r in found] == [5, 3, 4, None, 2, 1, None, 4]
    assert found[4].note == "" and found[4].activities == []
    assert found[5].note == "<b>Everything</b> went wrong.<br>Tomorrow is new."
    assert found[5].body().endswith("\n\n**Everything** went wrong.\nTomorrow is new.")


def test_older_layout_with_year_and_date_bom_crlf_and_am_pm():
    found = read_rows((SAMPLES / "daylio-old.csv").read_bytes())
    assert [(r.day, r.at) for r in found] == [
        (date(2019, 5, 18), time(23, 54)),
        (date(2019, 5, 17), time(7, 5)),
        (date(2019, 5, 16), time(12, 30)),
    ]
    assert found[1].note == '"Quoted" start of a note'
    assert found[2].mood == "super happy" and found[2].level() is None


def test_columns_in_another_order_and_an_extra_column():
    found = read_rows((SAMPLES / "daylio-reordered.csv").read_bytes())
    assert (found[0].day, found[0].at, found[0].mood) == (date(2023, 11, 2), None, "bad")
    assert found[0].other == [("scales", "energy 2")] and found[1].other == []
    assert found[0].body() == (
        "- Mood: bad\n- Activities: commute\n- scales: energy 2\n\nMissed the bus, then the rain."
    )


def test_body_states_what_was_tracked_then_the_note_as_written():
    row = DaylioRow(2, date(2024, 1, 2), time(9, 5), "good", ["a", "b"], "T", "line\n\nmore")
    assert row.body() == "- Mood: good\n- Time: 09:05\n- Activities: a, b\n\nline\n\nmore"
    assert DaylioRow(2, date(2024, 1, 2), None, "", [], "", "just this").body() == "just this"
    assert DaylioRow(2, date(2024, 1, 2), None, "meh").body() == "- Mood: meh"


@pytest.mark.parametrize(
    ("note", "markdown"),
    [
        ("<b>bold</b> <STRONG>too</strong>", "**bold** **too**"),
        ("<i>it</i> <em>em</em>", "*it* *em*"),
        ("a<br>b<br/>c<br />d<BR>e", "a\nb\nc\nd\ne"),
        ("x<ul><li>one</li><li>two</li></ul>y", "x\n\n\n- one\n- two\n\ny"),
        ("a < b and <u>under</u> &amp; 5>3", "a < b and <u>under</u> &amp; 5>3"),
        ("", ""),
    ],
)
def test_daylio_formatting_marks_become_markdown(note, markdown):
    assert note_markdown(note) == markdown


def test_a_long_title_is_cut_for_the_title_and_kept_whole_in_the_body():
    long = "t" * 201
    row = DaylioRow(2, date(2024, 1, 2), None, "meh", title=long)
    assert row.entry_title() == "t" * 199 + "…" and len(row.entry_title()) == 200
    assert row.body() == f"- Title: {long}\n- Mood: meh"
    fits = DaylioRow(2, date(2024, 1, 2), None, "meh", title="t" * 200)
    assert fits.entry_title() == "t" * 200 and fits.body() == "- Mood: meh"


def test_moods_by_their_default_names_only():
    assert [DaylioRow(1, date(2024, 1, 1), None, m).level() for m in DEFAULT_NAMES] == [
        5,
        4,
        3,
        2,
        1,
    ]
    assert DaylioRow(1, date(2024, 1, 1), None, " RAD ").level() == 5
    assert DaylioRow(1, date(2024, 1, 1), None, "great").level() is None
    assert DaylioRow(1, date(2024, 1, 1), None, "").level() is None


DEFAULT_NAMES = ["rad", "good", "meh", "bad", "awful"]


def test_activities_become_tags_as_the_tag_field_makes_them():
    row = rows('2024-01-01,,,,good,"Work | #Read ,x | work ||  long   walk",,\n')[0]
    assert row.activities == ["Work", "#Read ,x", "work", "long   walk"]
    assert row.tags() == ["work", "read x", "long walk"]
    assert tag_name("a" * 40) == "a" * 40 and tag_name("a" * 41) == ""
    assert DaylioRow(1, date(2024, 1, 1), None, "", ["a" * 41]).tags() == []


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("21:05", time(21, 5)),
        ("9:05", time(9, 5)),
        ("21:05:30", time(21, 5, 30)),
        ("9:05 pm", time(21, 5)),
        ("9:05 PM", time(21, 5)),
        ("9:05 p.m.", time(21, 5)),
        ("12:10 am", time(0, 10)),
        ("12:10 pm", time(12, 10)),
        ("11:59 am", time(11, 59)),
        ("1:05 pm", time(13, 5)),
        ("1:05 am", time(1, 5)),
        ("12:30", time(12, 30)),
        ("0:10", time(0, 10)),
        ("", None),
    ],
)
def test_times(written, expected):
    assert rows(f"2024-01-01,,,{written},good,,,\n")[0].at == expected


@pytest.mark.parametrize(
    "written", ["25:00", "9.05", "noon", "12:60", "13:00 pm x", "13:05 pm", "0:10 am", "24:00"]
)
def test_times_that_are_not(written):
    with pytest.raises(ForeignFileError, match=f"Line 3: “{written}” is not a time"):
        rows(f"2024-01-01,,,,good,,,\n2024-01-01,,,{written},good,,,\n")


@pytest.mark.parametrize(
    ("year", "day", "expected"),
    [
        ("2018", "18 May", date(2018, 5, 18)),
        ("2018", "May 18", date(2018, 5, 18)),
        ("2018", "Sept 3", date(2018, 9, 3)),
        ("2018", "3 january", date(2018, 1, 3)),
        ("2018", "Dec 31", date(2018, 12, 31)),
    ],
)
def test_older_dates(year, day, expected):
    found = read_rows(f"year,date,time,mood\n{year},{day},,good\n".encode())
    assert found[0].day == expected


@pytest.mark.parametrize(
    ("year", "day"),
    [("2018", "18 Mai"), ("2018", "May"), ("", "18 May"), ("2018", "31 Feb"), ("2018", "1 2 May")],
)
def test_older_dates_that_are_not(year, day):
    with pytest.raises(ForeignFileError, match="Line 2: .* is not a day"):
        read_rows(f"year,date,time,mood\n{year},{day},,good\n".encode())


@pytest.mark.parametrize("written", ["18/05/2024", "2024-13-01", "2024-02-30", "yesterday", ""])
def test_full_dates_that_are_not(written):
    with pytest.raises(ForeignFileError, match="Line 2: .* is not a day"):
        rows(f"{written},,,,good,,,\n")


def test_full_date_wins_over_year_and_date():
    found = read_rows(b"full_date,year,date,mood\n2024-02-29,1999,1 May,good\n")
    assert found[0].day == date(2024, 2, 29)
    empty = read_rows(b"full_date,year,date,mood\n,2018,18 May,good\n")
    assert empty[0].day == date(2018, 5, 18)


def test_blank_rows_are_passed_over_and_line_numbers_count_them():
    with pytest.raises(ForeignFileError, match="Line 4: "):
        rows("2024-01-01,,,,good,,,\n,,,,,,,\nbad-day,,,,good,,,\n")
    assert len(rows("\n2024-01-01,,,,good,,,\n , ,,,,,,\n")) == 1


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "This file is empty"),
        (HEADER.encode(), "holds no entries"),
        (b"\x00\x01binary", "binary file"),
        (b"full_date,mood\n2024-01-01,caf\xe9\n", "Line 2 is not UTF-8"),
        (b"date,weekday,mood\n", "no full_date column"),
        (b"full_date,note\n", "no mood column"),
        (b"name,phone\n", "no full_date and no mood column. It names: name, phone"),
        (b"year,date\n", "it has no mood column"),
        (b"year,mood\n", "it has no full_date column"),
        (b"\n\xff", "Line 2 is not UTF-8"),
        (b"BEGIN:VCARD\nFN:x\n", "no full_date and no mood column"),
        (b"full_date,mood\n2024-01-01\n", "Line 2 has 1 values where line 1 names 2"),
        (b"full_date,mood\n2024-01-01,good,extra\n", "Line 2 has 3 values"),
        (b'full_date,mood\n2024-01-01,"good\n', "cannot be read as CSV"),
    ],
)
def test_files_that_are_not_daylio_exports(data, words):
    with pytest.raises(ForeignFileError, match=words):
        read_rows(data)


def test_a_strange_first_line_is_quoted_shortly():
    header = ",".join(["n" * 41] + [f"c{i}" for i in range(20)])
    with pytest.raises(ForeignFileError) as refused:
        read_rows(header.encode() + b"\n")
    assert str(refused.value).endswith(
        f"It names: {'n' * 40}, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10."
    )


def test_huge_fields_and_lines_are_refused_with_a_line_number():
    note = "x" * 200_000
    with pytest.raises(ForeignFileError, match="Line 3 cannot be read as CSV"):
        rows(f"2024-01-01,,,,good,,,\n2024-01-01,,,,good,,,{note}\n")


def test_too_many_rows_are_refused_with_a_clear_message(monkeypatch):
    line = "2024-01-01,,,,good,,,\n"
    with pytest.raises(ForeignFileError, match=r"more than 100,000 entries \(line 100002\)"):
        rows(line * (MAX_ROWS + 5))
    monkeypatch.setattr(daylio_parse, "MAX_ROWS", 3)
    assert len(rows(line * 3)) == 3
    with pytest.raises(ForeignFileError, match=r"\(line 5\)"):
        rows(line * 4)


def test_files_over_the_size_cap_are_refused(monkeypatch):
    assert daylio_parse.MAX_FILE_BYTES == 64 * 2**20
    monkeypatch.setattr(daylio_parse, "MAX_FILE_BYTES", 2**20)
    data = (HEADER + "2024-01-01,,,,good,,,").encode()
    data += b"\n" * (2**20 - len(data))  # blank lines are passed over
    assert len(read_rows(data)) == 1
    with pytest.raises(ForeignFileError, match="larger than 1 MB; a Daylio export"):
        read_rows(data + b"\n")


_NOTE = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=80
)


@settings(deadline=None, max_examples=60)
@given(notes=st.lists(_NOTE, min_size=1, max_size=4), title=_NOTE)
def test_any_note_comes_back_word_for_word(notes, title):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["full_date", "mood", "note_title", "note"])
    for note in notes:
        writer.writerow(["2024-01-01", "good", title, note])
    found = read_rows(out.getvalue().encode())
    assert [row.note for row in found] == [note.strip("\r\n") for note in notes]
    assert {row.title for row in found} == {title.strip()}
