"""Reading Day One's JSON export (pure: no database): the sample, zips, and hostile files."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tending.exchange.foreign import ForeignFileError, dayone
from tending.exchange.foreign.dayone import (
    EXPECTED,
    json_texts,
    notes_of,
    parse,
    split_text,
    unescape,
)

SAMPLES = Path(__file__).parent / "samples"
LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")


def zipped(*members: tuple[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


def journal(*records: object) -> bytes:
    return json.dumps({"metadata": {"version": "1.0"}, "entries": list(records)}).encode()


def one(**fields) -> dict:
    return {"creationDate": "2024-05-01T19:20:00Z", **fields}


@pytest.mark.parametrize("name", ["dayone-export.zip", "dayone-Journal.json"])
def test_the_sample_export(name):
    entries, kept = parse((SAMPLES / name).read_bytes(), LONDON)
    assert len(entries) == 8
    first = entries[0]
    assert first.title == "First frost"
    assert first.body.startswith("\nThe allotment was white at eight\\.")
    assert first.tags == ["garden", "Mornings"] and first.starred
    assert first.moment == datetime(2023, 11, 4, 9, 12, 31, tzinfo=ZoneInfo("Europe/Berlin"))
    assert first.moment.utcoffset() == timedelta(hours=1)
    assert first.notes == {
        "place": "Place: Kleingartenanlage Sonnenblick, Berlin, Germany",
        "weather": "Weather: Clear, -2 °C",
    }
    late = entries[1]  # 23:30 UTC on the 4th is the evening of the 4th in New York
    assert late.title == "" and late.moment.hour == 19 and late.moment.day == 4
    assert late.moment.utcoffset() == timedelta(hours=-4)
    tokyo = entries[2]  # 22:59:59 UTC on New Year's Eve is already the 1st in Tokyo
    assert (tokyo.moment.date().isoformat(), tokyo.moment.second) == ("2024-01-01", 59)
    assert tokyo.title == "大晦日" and tokyo.tags == ["gratitude", "new year"]
    photo = entries[3]
    assert photo.body.startswith("[photo]\n\nThe view from the hill")
    assert photo.notes == {
        "activity": "Activity: Walking",
        "media": "Not carried from Day One: 1 photo",
    }
    beach = entries[4]
    assert "[audio recording]" in beach.body and "dayone-moment" not in beach.body
    assert beach.notes == {"media": "Not carried from Day One: 1 audio recording"}
    assert beach.moment.utcoffset() == timedelta(hours=11)
    unknown = entries[6]
    assert unknown.moment == datetime(2024, 7, 14, 11, 0, tzinfo=LONDON)
    assert unknown.notes == {"zone": "Time zone in Day One: Not/A_Zone"}
    assert [e.starred for e in entries].count(True) == 2
    assert sum(len(e.tags) for e in entries) == 12
    assert kept == [
        "creationDevice, creationDeviceType, creationOSName, creationOSVersion, duration, "
        "editingTime, isAllDay, isPinned, modifiedDate, uuid → not carried: Day One's own "
        "bookkeeping, not what you wrote",
        "music → not carried: fields tending does not know",
    ]


def test_no_time_zone_means_the_account_s():
    ((entry,), kept) = parse(journal(one(text="x")), LONDON)
    assert entry.moment == datetime(2024, 5, 1, 20, 20, tzinfo=LONDON)
    assert entry.notes == {} and kept == []
    assert not entry.starred and entry.tags == [] and (entry.title, entry.body) == ("", "x")


def test_many_unknown_fields_are_named_up_to_a_length():
    record = one(text="x", **{f"field{n:03}": n for n in range(100)})
    (_, kept) = parse(journal(record), UTC)
    (line,) = kept
    names, said = line.split(" → ")
    assert len(names) == dayone.NAMES_SHOWN == 300
    assert (
        names.startswith("field000, field001, ")
        and said == "not carried: fields tending does not know"
    )


def test_an_offset_instead_of_z_is_read_too():
    ((entry,), _) = parse(journal(one(creationDate="2024-05-01T21:20:00+02:00")), UTC)
    assert entry.moment == datetime(2024, 5, 1, 19, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ("# A day\\!\n\nWords", "A day!", "\nWords"),
        ("\n\n## Smaller \n", "Smaller", ""),
        ("Not a heading\n# Later", "", "Not a heading\n# Later"),
        ("#hashtag first", "", "#hashtag first"),
        ("####### seven", "", "####### seven"),
    ],
)
def test_a_first_line_heading_is_the_title(text, title, body):
    assert split_text(text) == (title, body)


def test_unescape_only_takes_backslashes_off_punctuation():
    assert unescape(r"1\. a\!b \\ \a \(x\) \~") == r"1. a!b \ \a (x) ~"


def test_notes_of_what_has_no_field():
    record = {
        "location": {"placeName": " Park ", "localityName": "Park", "country": 5},
        "weather": {"temperatureCelsius": 3.6},
        "userActivity": {"activityName": ""},
        "photos": [{}, {}],
        "videos": [{}],
        "pdfAttachments": "not a list",
        "audios": [],
    }
    assert notes_of(record) == {
        "place": "Place: Park",
        "weather": "Weather: 4 °C",
        "media": "Not carried from Day One: 2 photos, 1 video",
    }
    assert notes_of({"weather": {"temperatureCelsius": True}, "location": "x"}) == {}


def test_every_journal_in_the_zip_is_read_and_named_in_messages():
    data = zipped(
        ("Travel.json", journal(one(text="a"))),
        ("Home.json", journal(one(text="b"), one(text="c"))),
        ("photos/x.json", b"not read"),
        ("photos/x.jpeg", b"\xff\xd8"),
    )
    entries, _ = parse(data, UTC)
    assert [e.body for e in entries] == ["a", "b", "c"]
    assert [e.where for e in entries] == [
        "entry 1 of Travel.json",
        "entry 1 of Home.json",
        "entry 2 of Home.json",
    ]
    bad = zipped(("Home.json", journal(one(), {"text": "no date"})))
    with pytest.raises(ForeignFileError, match="^Entry 2 of Home.json has no “creationDate”"):
        parse(bad, UTC)


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (
            zipped(("photos/a.jpeg", b"x")),
            f"This zip holds no JSON file at its top level. {EXPECTED}",
        ),
        (b"PK\x03\x04 broken", None),
        (
            b"{",
            "This is not valid JSON, so not Day One's JSON export: Expecting property name "
            "enclosed in double quotes at line 1, column 2.",
        ),
        (b'{"metadata": {}}', f"This JSON has no list of “entries”. {EXPECTED}"),
        (zipped(("J.json", b"[]")), f"J.json has no list of “entries”. {EXPECTED}"),
        (journal(7), "Entry 1 is not an object with a text and a date."),
        (
            journal(one(creationDate="yesterday")),
            "In entry 1, “creationDate” is “yesterday”, not a date and time like "
            "“2024-01-03T07:45:00Z”.",
        ),
        (
            journal(one(creationDate="2024-05-01T19:20:00")),
            "In entry 1, “creationDate” does not say its time zone.",
        ),
        (
            journal(one(creationDate=1714591200)),
            "In entry 1, “creationDate” should be text, not a number.",
        ),
        (
            journal(one(timeZone=["Europe/London"])),
            "In entry 1, “timeZone” should be text, not a list.",
        ),
        (journal(one(text=5)), "In entry 1, “text” should be text, not a number."),
        (journal(one(tags=["a", None])), "In entry 1, every tag should be text."),
        (journal(one(tags="a")), "In entry 1, “tags” should be a list, not text."),
        (journal(one(starred="true")), "In entry 1, “starred” should be true or false, not text."),
        (
            b'{"entries": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            "This JSON is nested far too deeply to be Day One's JSON export.",
        ),
        (
            zipped(("Journal.json", b"\xc3\x28")),
            "This file is not UTF-8 text (at byte 0), so not Day One's JSON export.",
        ),
    ],
)
def test_hostile_files_get_a_clear_message(data, said):
    with pytest.raises(ForeignFileError) as raised:
        parse(data, UTC)
    if said is None:
        assert str(raised.value).startswith("This zip file is damaged (")
        assert str(raised.value).endswith(EXPECTED)
    else:
        assert str(raised.value) == said


def test_a_zip_bomb_stops_at_the_cap(monkeypatch):
    monkeypatch.setattr(dayone, "MOST_JSON", 5 * 1024 * 1024)
    monkeypatch.setattr(dayone, "CHUNK", 64 * 1024)
    bomb = zipped(("Journal.json", b" " * (6 * 1024 * 1024)))
    assert len(bomb) < 64 * 1024  # it packs small, and would unpack large
    with pytest.raises(ForeignFileError, match="unpacks to more than 5 MB"):
        json_texts(bomb)
    # The cap counts every JSON file together, and exactly at it all is read.
    two = zipped(("A.json", b" " * (3 * 1024 * 1024)), ("B.json", b" " * (2 * 1024 * 1024)))
    assert [len(data) for _, data in json_texts(two)] == [3 * 1024 * 1024, 2 * 1024 * 1024]
    three = zipped(("A.json", b" " * (3 * 1024 * 1024)), ("B.json", b" " * (2 * 1024 * 1024 + 1)))
    with pytest.raises(ForeignFileError, match="unpacks to more than 5 MB"):
        json_texts(three)


def test_too_many_members_are_refused_before_any_is_unpacked(monkeypatch):
    monkeypatch.setattr(dayone, "MOST_MEMBERS", 3)
    assert len(json_texts(zipped(*[(f"{n}.json", b"{}") for n in range(3)]))) == 3
    with pytest.raises(
        ForeignFileError, match="^This zip holds 4 files, more than a Day One export"
    ):
        json_texts(zipped(*[(f"{n}.json", b"{}") for n in range(4)]))


def test_a_member_that_cannot_be_unpacked_is_named():
    data = bytearray(zipped(("Journal.json", journal(one(text="x" * 2000)))))
    data[40:60] = b"\x00" * 20  # damage the compressed bytes
    with pytest.raises(
        ForeignFileError, match="^(Journal.json in this zip cannot be read|This zip)"
    ):
        parse(bytes(data), UTC)


def test_directories_in_the_zip_are_passed_over():
    data = zipped(("Journal.json/", b""), ("Journal.json", journal(one(text="x"))))
    assert [name for name, _ in json_texts(data)] == ["Journal.json"]


def test_not_a_zip_is_read_as_json_itself():
    assert json_texts(b"{}") == [("", b"{}")]


def test_read_and_add_hand_over_to_the_journal(monkeypatch):
    from tending.exchange.foreign import journaling

    class Someone:
        zone = LONDON

    calls = []
    monkeypatch.setattr(journaling, "reading", lambda *args: calls.append(args) or "read")
    monkeypatch.setattr(journaling, "add_entries", lambda *args: calls.append(args) or "added")
    person = Someone()
    assert dayone.read(journal(one(text="x")), person) == "read"
    name, entries, kept, user, where = calls[0]
    assert (name, len(entries), kept, user, where) == ("dayone", 1, [], person, dayone.WHERE)
    assert entries[0].moment.tzinfo is LONDON
    assert dayone.add("reading", person, None) == "added"
    assert calls[1] == ("reading", person, None)
