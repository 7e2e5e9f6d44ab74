"""Reading jrnl's three files (pure: no database): samples made by jrnl 4.6, and hostile ones."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tending.exchange.foreign import ForeignFileError
from tending.exchange.foreign.jrnl import (
    EXPECTED,
    NO_STARS,
    moment,
    parse,
    parse_json,
    parse_markdown,
    parse_plain,
    tags_in,
)

SAMPLES = Path(__file__).parent / "samples"
LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@pytest.mark.parametrize("name", ["jrnl-journal.txt", "jrnl-export.json", "jrnl-export.md"])
def test_each_of_jrnl_s_files_gives_the_same_fourteen_entries(name):
    entries, kept = parse(sample(name), LONDON)
    assert len(entries) == 14
    assert [e.title for e in entries][:3] == [
        "Morning walk with @Sam.",
        "Hard evening.",
        "Lunch at the Café Müller.",
    ]
    hard = entries[1]
    assert hard.body.startswith("Couldn't settle after the call with Mum.")
    assert hard.body.endswith("Tomorrow I'll try the breathing thing again. @mum @anxiety")
    assert "\n\n" in hard.body  # paragraphs kept
    assert sorted(hard.tags) == ["@anxiety", "@mum"]
    assert hard.moment == datetime(2024, 1, 14, 21, 10, tzinfo=LONDON)
    # British summer time: the same wall-clock time, an hour ahead of UTC
    assert entries[-1].moment.utcoffset().total_seconds() == 3600
    assert entries[-1].moment.hour == 16
    assert sorted(entries[-1].tags) == ["#garden", "#spring"]
    assert entries[-1].body.endswith(
        "[square brackets] at the start of a line should stay in the body."
    )
    assert entries[3].moment == datetime(2024, 2, 29, 23, 59, tzinfo=LONDON)
    assert entries[11].moment == datetime(2025, 1, 1, 0, 5, tzinfo=LONDON)
    assert entries[4].title.startswith("早上好")
    assert entries[12].tags == []  # a lone @ and an e-mail address are not tags
    # jrnl's own tally of its tags, from its JSON export
    tally = json.loads(sample("jrnl-export.json"))["tags"]
    assert sum(tally.values()) == 19
    assert sorted(t for e in entries for t in e.tags) == sorted(
        tag for tag, count in tally.items() for _ in range(count)
    )
    starred = [e.title for e in entries if e.starred]
    if name.endswith(".md"):
        assert starred == [] and kept == [NO_STARS]
    else:
        assert kept == []
        assert starred == [
            "Hard evening.",
            "Easter with the whole family",
            "Carved a pumpkin",
            "New year, same me — and that's fine.",
        ]


def test_the_24_hour_journal_file():
    entries, _ = parse(sample("jrnl-journal-24h.txt"), UTC)
    assert len(entries) == 13
    assert entries[1].moment == datetime(2024, 1, 14, 21, 10, tzinfo=UTC)
    assert entries[1].title == "Hard evening." and entries[1].starred


def test_a_markdown_body_heading_goes_back_under_the_entry():
    text = "# 2024\n\n## May\n\n### 2024-05-01 10:00 Notes\n\n#### Inside\n\nWords\n \n"
    (entry,) = parse_markdown(text, UTC)
    assert entry.title == "Notes"
    assert entry.body == "# Inside\n\nWords"


def test_a_title_only_entry_and_one_without_a_title():
    entries = parse_plain("[2024-01-01 09:00] Only a title\n\n[2024-01-02 09:00]\nBody only\n", UTC)
    assert (entries[0].title, entries[0].body) == ("Only a title", "")
    assert (entries[1].title, entries[1].body) == ("", "Body only")


def test_a_star_only_counts_on_the_title_line():
    (entry,) = parse_plain("[2024-01-01 09:00] Title\nbody ends with a star *\n", UTC)
    assert not entry.starred and entry.body.endswith("*")
    (entry,) = parse_plain("[2024-01-01 09:00] Title*\n", UTC)
    assert entry.starred and entry.title == "Title"
    (entry,) = parse_markdown("### 2024-01-01 09:00 Title *\n", UTC)
    assert not entry.starred and entry.title == "Title *"
    first, _ = parse_markdown("### 2024-01-01 09:00 One *\n\n### 2024-01-02 09:00 Two\n", UTC)
    assert not first.starred and first.title == "One *"


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2024-01-01 12:00:00 AM", (0, 0, 0)),
        ("2024-01-01 12:30:00 PM", (12, 30, 0)),
        ("2024-01-01 01:05:09 pm", (13, 5, 9)),
        ("2024-01-01 11:59 AM", (11, 59, 0)),
        ("2024-01-01 23:59:58", (23, 59, 58)),
        ("2024-01-01T07:05", (7, 5, 0)),
    ],
)
def test_times_with_and_without_seconds_and_am_pm(stamp, expected):
    (entry,) = parse(f"[{stamp}] Hello\n".encode(), UTC)[0]
    assert (entry.moment.hour, entry.moment.minute, entry.moment.second) == expected


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("[2024-01-01 13:00 PM] x\n", "an hour of 13 with AM/PM"),
        ("[2024-01-01 00:00 AM] x\n", "an hour of 0 with AM/PM"),
        ("[2024-02-30 10:00] x\n", "a date that does not exist"),
        ("[2024-01-01 24:00] x\n", "a date that does not exist"),
    ],
)
def test_impossible_times_name_the_line(text, said):
    with pytest.raises(ForeignFileError) as raised:
        parse(("\n\n" + text).encode(), UTC)
    assert str(raised.value) == f"The entry on line 3 has {said}."


def test_moment_names_where():
    parts = ("2023", "02", "29", "10", "00", None, None)
    with pytest.raises(ForeignFileError, match="^Entry 7 has a date"):
        moment(parts, UTC, "entry 7")
    assert moment(("2024", "02", "29", "10", "00", None, None), UTC, "x").day == 29


def test_tags_follow_jrnl_s_rule():
    assert tags_in("@Sam. a@b.c #x-y/z @ # (@no) \n@Two #x-Y/z") == ["@sam", "#x-y/z", "@two"]


def test_text_before_the_first_entry_is_refused_with_its_line():
    with pytest.raises(ForeignFileError, match="^Line 2 comes before the first entry's date"):
        parse_plain("\nstray words\n[2024-01-01 09:00] x\n", UTC)
    with pytest.raises(ForeignFileError, match="^Line 1 comes before the first entry's heading"):
        parse_markdown("stray\n### 2024-01-01 09:00 x\n", UTC)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n",
        b"Just some notes\n[2024-01-01 09:00] x",
        b"<html></html>",
        b"# 2024\n## May\n",
    ],
)
def test_what_is_not_jrnl_says_what_was_expected(data):
    with pytest.raises(ForeignFileError) as raised:
        parse(data, UTC)
    assert EXPECTED in str(raised.value)


def test_which_file_it_is_is_told_from_its_start():
    plain = b"[2024-01-01 09:00] Plain {with braces}\n"
    assert parse(plain, UTC)[0][0].title == "Plain {with braces}"
    markdown = b"### 2024-01-01 09:00 Straight to an entry\n\nIts body.\n"
    assert parse(markdown, UTC) == (parse_markdown(markdown.decode(), UTC), [NO_STARS])
    framed = b"# 2024\n\n## January\n\n### 2024-01-01 09:00 Framed\n"
    assert parse(framed, UTC)[0][0].title == "Framed"
    bom = "\ufeff[2024-01-01 09:00] With a byte order mark\n".encode()
    assert parse(bom, UTC)[0][0].title == "With a byte order mark"


def entries_json(*records: object) -> bytes:
    return json.dumps({"tags": {}, "entries": list(records)}).encode()


def test_json_defaults_and_unknown_fields():
    entries, kept = parse(entries_json({"date": "2024-03-01", "uuid": "x", "creator": 1}), UTC)
    (entry,) = entries
    assert (entry.title, entry.body, entry.tags, entry.starred) == ("", "", [], False)
    assert entry.moment == datetime(2024, 3, 1, tzinfo=UTC)
    assert kept == ["creator, uuid → not carried: jrnl's own bookkeeping"]


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (
            b'{"entries": [',
            "This is not valid JSON, so not jrnl's JSON export: "
            "Expecting value at line 1, column 14.",
        ),
        (b'{"entries": {}}', f"This JSON has no list of “entries”. {EXPECTED}"),
        (b"[1, 2]", f"This JSON has no list of “entries”. {EXPECTED}"),
        (entries_json("text"), "Entry 1 is not an object with a title and a body."),
        (entries_json({"title": "x"}), "Entry 1 has no “date”."),
        (entries_json({"date": 20240101}), "In entry 1, “date” should be text, not a number."),
        (
            entries_json({"date": "2024-01-01", "time": "7am"}),
            "Entry 1's date and time, “2024-01-01 7am”, are not like “2024-01-03” and “07:45”.",
        ),
        (
            entries_json({"date": "2024-01-01", "body": ["a"]}),
            "In entry 1, “body” should be text, not a list.",
        ),
        (
            entries_json({"date": "2024-01-01", "starred": "yes"}),
            "In entry 1, “starred” should be true or false, not text.",
        ),
        (
            entries_json({"date": "2024-01-01", "starred": 1}),
            "In entry 1, “starred” should be true or false, not a number.",
        ),
        (
            entries_json({"date": "2024-01-01", "tags": "@a"}),
            "In entry 1, “tags” should be a list, not text.",
        ),
        (
            entries_json({"date": "2024-01-01", "tags": [1]}),
            "In entry 1, every tag should be text.",
        ),
        (
            entries_json({"date": "2024-01-01", "title": {}}),
            "In entry 1, “title” should be text, not an object.",
        ),
        (
            entries_json({"date": "2024-01-01", "title": True}),
            "In entry 1, “title” should be text, not true or false.",
        ),
        (entries_json({"date": "2024-01-01", "title": None}), None),
        (
            b'{"entries": [{"date": "2024-01-01", "x": NaN}]}',
            "This JSON holds NaN, which is not a number JSON allows.",
        ),
        (b"\xff\xfe{}", "This file is not UTF-8 text (at byte 0), so not a jrnl file."),
        (
            b"[" * 100_000 + b"]" * 100_000,
            "This JSON is nested far too deeply to be jrnl's JSON export.",
        ),
    ],
)
def test_hostile_json_gets_a_clear_message(data, said):
    if said is None:
        assert parse(data, UTC)[0][0].title == ""
        return
    with pytest.raises(ForeignFileError) as raised:
        parse(data, UTC)
    assert str(raised.value) == said


def test_the_second_entry_is_named_when_it_is_wrong():
    with pytest.raises(ForeignFileError, match="^Entry 2 has no “date”"):
        parse_json(entries_json({"date": "2024-01-01"}, {"title": "x"}).decode(), UTC)


def test_a_huge_body_is_read_whole():
    body = "word " * 200_000
    (entry,) = parse(entries_json({"date": "2024-01-01", "body": body}), UTC)[0]
    assert len(entry.body) == len(body)


def test_read_and_add_hand_over_to_the_journal(monkeypatch):
    from tending.exchange.foreign import journaling, jrnl

    class Someone:
        zone = UTC

    calls = []
    monkeypatch.setattr(journaling, "reading", lambda *args: calls.append(args) or "read")
    monkeypatch.setattr(journaling, "add_entries", lambda *args: calls.append(args) or "added")
    person = Someone()
    assert jrnl.read(sample("jrnl-export.md"), person) == "read"
    name, entries, kept, user = calls[0]
    assert (name, len(entries), kept, user) == ("jrnl", 14, [NO_STARS], person)
    assert entries[0].moment.tzinfo is UTC
    assert jrnl.add("reading", person, [1]) == "added"
    assert calls[1] == ("reading", person, [1])
