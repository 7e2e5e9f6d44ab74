"""The CSV, Markdown and vCard exports, each read back with an independent reader."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
import vobject

from tending.exchange.formats import EXPORT_FORMATS
from tests.exchange.formats_data import HOSTILE, Pipe, fill
from tests.factories import UserFactory

FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")


def export(name: str, user) -> tuple[bytes, dict]:
    out = io.BytesIO()
    counts = EXPORT_FORMATS[name].write(user, out)
    return out.getvalue(), counts


def csv_files(data: bytes) -> dict[str, list[dict]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        found = {}
        for name in archive.namelist():
            if name.endswith(".csv"):
                raw = archive.read(name)
                assert raw.startswith(b"\xef\xbb\xbf")  # the byte order mark spreadsheets want
                text = raw.decode("utf-8-sig")
                assert "\r\n" in text
                found[name] = list(csv.DictReader(io.StringIO(text, newline="")))
        found["README.txt"] = archive.read("README.txt").decode("utf-8")
    return found


@pytest.fixture
def filled(owner, other):
    made = fill(owner)
    fill(other, prefix="Other-")  # another account's rows, never to appear
    return made


def test_csv_holds_every_kind_read_back_with_the_csv_module(filled, owner):
    data, counts = export("csv", owner)
    files = csv_files(data)
    assert set(files) == {"README.txt", "people.csv", "moments.csv", "checkins.csv",
                          "checkin_answers.csv", "checkin_scores.csv", "pulses.csv",
                          "journal.csv"}  # fmt: skip
    assert counts == {"people": 3, "moments": 2, "checkins": 2, "checkin_answers": 6,
                      "checkin_scores": 3, "pulses": 1, "journal_entries": 3}  # fmt: skip
    people = {row["name"]: row for row in files["people.csv"]}
    zoe = people["Zoë Ångström"]
    assert zoe["ring"] == "inner" and zoe["kind"] == "family" and zoe["rhythm_days"] == "7"
    assert zoe["phone"] == "'+49 170 1234567"  # starts like a formula
    assert zoe["birthday"] == "" and (zoe["birthday_month"], zoe["birthday_day"]) == ("2", "29")
    assert zoe["notes"] == "Tea, not coffee;\nline two, with \\ backslash"
    assert zoe["safe_person"] == "yes" and zoe["archived"] == "no"
    assert zoe["added"].endswith(("+01:00", "+02:00"))  # Berlin, with its offset
    eve = people["'" + HOSTILE]
    assert eve["archived"] == "yes" and eve["birthday"] == "1985-04-12"
    mum = people["Mum"]
    assert [mum[k] for k in ("phone", "email", "other_contact", "notes", "birthday")] == [""] * 5

    first, second = files["moments.csv"]  # in time order
    assert second["occurred_at"] == "2026-07-01T20:05:00+02:00"
    assert second["people"] == f"'{HOSTILE}; Zoë Ångström"  # by name, made safe
    assert second["tags"] == "'@risk; walk"
    assert second["note"] == "'-1 bad idea\r\nsecond line"
    assert (second["channel"], second["self_disclosure"], second["felt_safe"]) == ("call", "3", "5")
    assert first["occurred_at"] == "2026-01-02T10:00:00+01:00" and first["people"] == "Mum"
    assert first["tags"] == "" and first["felt_safe"] == ""

    stress, pulse = files["checkins.csv"]
    assert stress == {"checkin": "1", "taken_at": "2026-06-01T10:00:00+02:00",
                      "instrument": "stress", "instrument_version": "3", "total": "-3.5",
                      "band": "'=low", "prorated": "no", "safety_fired": "no"}  # fmt: skip
    assert pulse["instrument"] == "daily-pulse" and pulse["prorated"] == "yes"
    answers = [(r["checkin"], r["item"], r["answer"]) for r in files["checkin_answers.csv"]]
    assert answers == [("1", "a", "1"), ("1", "b", "2"), ("2", "connected", ""),
                       ("2", "energy", "2"), ("2", "mood", "4"), ("2", "stress", "5")]  # fmt: skip
    questions = {r["item"]: r["question"] for r in files["checkin_answers.csv"]}
    assert questions["mood"] == "I'm in a good mood" and questions["a"] == ""
    scores = [(r["checkin"], r["score"], r["value"]) for r in files["checkin_scores.csv"]]
    assert scores == [("2", "calm", "1.0"), ("2", "energy", "2.0"), ("2", "mood", "4.0")]
    assert files["pulses.csv"] == [
        {"day": "2026-07-02", "taken_at": "2026-07-02T00:30:00+02:00", "mood": "4",
         "energy": "2", "stress": "5", "connected": "", "overall": "2.67", "prorated": "yes"}
    ]  # fmt: skip

    journal = files["journal.csv"]
    assert [row["written_on"] for row in journal] == ["2026-07-01"] * 3
    entry = journal[0]
    assert entry["title"] == "../../etc/passwd" and entry["tags"] == "walk"
    assert entry["people"] == "Zoë Ångström" and entry["prompt_id"] == "km-most-me-today"
    assert entry["prompt"] == "Which moment today felt most like you?"
    assert entry["written_at"] == "2026-07-01T21:45:00+02:00"
    assert entry["words"] == "6"
    assert "body" not in entry and "Heading" not in str(journal)
    assert "pulses.csv" in files["README.txt"] and "Europe/Berlin" in files["README.txt"]


def test_no_csv_cell_can_start_a_formula(filled, owner):
    files = csv_files(export("csv", owner)[0])
    for name, rows in files.items():
        if name == "README.txt":
            continue
        for row in rows:
            for column, cell in row.items():
                if column not in ("total", "value", "answer"):  # numbers stay numbers
                    assert not cell.startswith(FORMULA), (name, column, cell)


def test_another_accounts_rows_never_appear(filled, owner, other):
    for name in ("csv", "markdown", "vcard"):
        data, _ = export(name, owner)
        if name == "csv":
            text = str(csv_files(data))
        elif name == "markdown":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                text = "".join(archive.read(n).decode() + n for n in archive.namelist())
        else:
            text = data.decode("utf-8")
        assert "Other-" not in text, name
    theirs = csv_files(export("csv", other)[0])
    assert len(theirs["people.csv"]) == 3 and len(theirs["moments.csv"]) == 2
    for row in theirs["people.csv"]:
        assert row["name"].startswith("Other-")
    for row in theirs["moments.csv"]:
        assert all(name.startswith("Other-") for name in row["people"].split("; "))
    cards = list(vobject.readComponents(export("vcard", other)[0].decode()))
    assert sorted(card.fn.value for card in cards) == sorted(
        ["Other-Zoë Ångström", f"Other-{HOSTILE}", "Other-Mum"]
    )


def test_an_empty_account_gives_headers_and_empty_files(owner):
    files = csv_files(export("csv", owner)[0])
    assert all(rows == [] for name, rows in files.items() if name != "README.txt")
    with zipfile.ZipFile(io.BytesIO(export("csv", owner)[0])) as archive:
        header = archive.read("people.csv").decode("utf-8-sig")
        assert header.startswith("name,kind,ring,rhythm_days,birthday,")
    data, counts = export("markdown", owner)
    assert counts == {"journal_entries": 0}
    assert zipfile.ZipFile(io.BytesIO(data)).namelist() == []
    assert export("vcard", owner) == (b"", {"people": 0})


def test_markdown_one_file_per_entry_with_front_matter(filled, owner):
    data, counts = export("markdown", owner)
    assert counts == {"journal_entries": 3}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names == ["journal/2026-07-01-etc-passwd.md", "journal/2026-07-01-sum-1.md",
                         "journal/2026-07-01-sum-1-2.md"]  # fmt: skip
        text = archive.read(names[0]).decode("utf-8")
        info = archive.getinfo(names[0])
    assert info.date_time == (2026, 7, 1, 21, 45, 0)
    head, body = text.split("\n---\n\n", 1)
    assert body == "# Heading\n\nZoë's **good** day — one two."
    lines = head.split("\n")
    assert lines[:3] == ["---", "date: 2026-07-01T21:45:00+02:00", 'title: "../../etc/passwd"']
    fields = dict(line.split(": ", 1) for line in lines[1:])
    assert fields["tags"] == '["walk"]' and fields["people"] == '["Zoë Ångström"]'
    assert fields["prompt_id"] == '"km-most-me-today"'
    assert fields["prompt"] == '"Which moment today felt most like you?"'


def test_vcard_every_person_read_back_by_vobject(filled, owner):
    data, counts = export("vcard", owner)
    assert counts == {"people": 3}
    text = data.decode("utf-8")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cards = {card.fn.value: card for card in vobject.readComponents(text)}
    assert set(cards) == {"Zoë Ångström", HOSTILE, "Mum"}
    zoe = cards["Zoë Ångström"]
    assert zoe.tel.value == "+49 170 1234567" and zoe.email.value == "zoe@example.org"
    assert zoe.bday.value == "--0229"
    assert zoe.note.value == "Tea, not coffee;\nline two, with \\ backslash"
    assert zoe.categories.value == ["Inner ring", "Family"]
    assert zoe.contents["x-tending-rhythm-days"][0].value == "7"
    assert zoe.contents["x-tending-safe-person"][0].value == "true"
    assert cards[HOSTILE].bday.value == "19850412"
    assert cards[HOSTILE].categories.value == ["Outer ring", "Friend", "Archived"]
    mum = cards["Mum"]
    assert not {"tel", "email", "bday", "note"} & set(mum.contents)
    assert mum.n.value.given == "Mum"
    again, _ = export("vcard", owner)
    assert again == data  # the same UIDs every time


def test_zips_stream_to_a_pipe(filled, owner):
    for name in ("csv", "markdown"):
        pipe = Pipe()
        with pytest.raises(OSError):
            pipe.tell()
        EXPORT_FORMATS[name].write(owner, pipe)
        with zipfile.ZipFile(io.BytesIO(bytes(pipe.data))) as archive:
            assert archive.testzip() is None
            assert archive.namelist()


def test_every_format_is_registered_with_its_ending():
    assert {name: f.suffix for name, f in EXPORT_FORMATS.items()} == {
        "json": ".json", "csv": ".csv.zip", "markdown": ".md.zip", "vcard": ".vcf"}  # fmt: skip
    assert all(f.name == name for name, f in EXPORT_FORMATS.items())


def test_a_unicode_account_name_and_zone(db):
    user = UserFactory(username="jürgen", time_zone="Asia/Kolkata")
    fill(user)
    files = csv_files(export("csv", user)[0])
    assert files["moments.csv"][1]["occurred_at"] == "2026-07-01T23:35:00+05:30"


def test_rows_read_one_at_a_time_give_the_same_files(filled, owner, monkeypatch):
    """Batches end anywhere: a moment's people and tags are found whatever batch it is in."""
    whole = {name: export(name, owner)[0] for name in ("csv", "markdown", "vcard")}
    monkeypatch.setattr("tending.exchange.reading.BATCH", 1)
    monkeypatch.setattr("tending.exchange.reading.JOURNAL_BATCH", 1)
    assert export("vcard", owner)[0] == whole["vcard"]
    assert csv_files(export("csv", owner)[0]) == csv_files(whole["csv"])
    with (
        zipfile.ZipFile(io.BytesIO(export("markdown", owner)[0])) as small,
        zipfile.ZipFile(io.BytesIO(whole["markdown"])) as large,
    ):
        assert small.namelist() == large.namelist()
        assert [small.read(n) for n in small.namelist()] == [
            large.read(n) for n in large.namelist()
        ]
