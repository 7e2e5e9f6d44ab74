"""vCard 4.0 text: escaping, folding at 75 octets without cutting a character, CRLF, and a
card that vobject (an independent reader) takes back field for field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from tending.exchange.vcard_text import (
    Contact,
    birthday_value,
    card,
    escape,
    fold,
    name_parts,
    timestamp,
)

PRODUCT = "-//tending//tending test//EN"


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # no bare LF or CR anywhere
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_escape():
    assert escape("a,b;c\\d") == "a\\,b\\;c\\\\d"
    assert escape("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour"
    assert escape("bell\x07 and tab\tkept\x7f") == "bell and tab\tkept"
    assert escape("Zoë") == "Zoë"
    assert escape("\\n") == "\\\\n"  # a written backslash-n stays two characters


def test_a_short_line_is_not_folded():
    line = "N:" + "x" * 73
    assert fold(line) == line
    assert fold("x" * 76) == "x" * 75 + "\r\n " + "x"


def test_folded_lines_are_at_most_75_octets_and_keep_every_character_whole():
    line = "NOTE:" + "Zoë 日記 🌱 " * 40
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert not pieces[0].startswith(" ")
    # Each piece is whole UTF-8 on its own: no character was cut between its bytes.
    for piece in pieces:
        piece.encode("utf-8").decode("utf-8")
    assert folded.replace("\r\n ", "") == line
    # The pieces are as full as the characters allow.
    assert all(len(piece.encode("utf-8")) >= 71 for piece in pieces[:-1])


def test_fold_at_the_edge_of_a_multibyte_character():
    line = "x" * 74 + "é"  # 76 octets: é does not fit on the first line
    assert fold(line) == "x" * 74 + "\r\n é"
    assert fold("x" * 73 + "é") == "x" * 73 + "é"  # exactly 75 octets
    second = "x" * 75 + "y" * 74 + "z"
    assert fold(second) == "x" * 75 + "\r\n " + "y" * 74 + "\r\n z"
    assert fold("abcdef", octets=3) == "abc\r\n de\r\n f"


def test_name_parts():
    assert name_parts("Sam Lee") == ("Lee", "Sam")
    assert name_parts("  Sam   Lee ") == ("Lee", "Sam")
    assert name_parts("Mum") == ("", "Mum")
    assert name_parts("Anna Maria Schmidt") == ("", "Anna Maria Schmidt")
    assert name_parts("") == ("", "")


def test_birthday_value():
    assert birthday_value(12, 4, 1985) == "19850412"
    assert birthday_value(1, 2, 987) == "09870201"
    assert birthday_value(29, 2, None) == "--0229"
    assert birthday_value(None, 2, 1985) == ""
    assert birthday_value(3, None, None) == ""


def test_timestamp_is_utc():
    plus_two = timezone(timedelta(hours=2))
    assert timestamp(datetime(2026, 7, 1, 20, 5, 7, tzinfo=plus_two)) == "20260701T180507Z"


def full_contact(**changes) -> Contact:
    values = dict(
        uid="urn:uuid:00000000-0000-5000-8000-000000000001",
        name="Zoë Lee-Brown",
        ring="inner",
        kind="friend",
        rhythm_days=7,
        phone="+49 170 1234567",
        email="zoe@example.org",
        other_contact="Signal; or a letter, c/o Mum",
        notes="Likes tea, not coffee;\nallergic to cats \\ dogs",
        birthday=(24, 5, 1990),
        archived=True,
        safe=True,
        revised=datetime(2026, 3, 14, 8, 0, tzinfo=UTC),
        categories=("Inner ring", "Friend, close", "Archived"),
    )
    values.update(changes)
    return Contact(**values)


def test_a_full_card_read_back_by_vobject():
    text = card(full_contact(), PRODUCT)
    lines = unfold(text)
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:4.0"]
    assert lines[-1] == "END:VCARD"
    parsed = vobject.readOne(text)
    assert parsed.fn.value == "Zoë Lee-Brown"
    assert parsed.n.value.family == "Lee-Brown" and parsed.n.value.given == "Zoë"
    assert parsed.tel.value == "+49 170 1234567"
    assert parsed.email.value == "zoe@example.org"
    assert parsed.bday.value == "19900524"
    notes = [note.value for note in parsed.contents["note"]]
    assert notes == [
        "Likes tea, not coffee;\nallergic to cats \\ dogs",
        "Other ways to reach them: Signal; or a letter, c/o Mum",
    ]
    assert parsed.categories.value == ["Inner ring", "Friend, close", "Archived"]
    assert parsed.contents["x-tending-ring"][0].value == "inner"
    assert parsed.contents["x-tending-rhythm-days"][0].value == "7"
    assert parsed.contents["x-tending-kind"][0].value == "friend"
    assert parsed.contents["x-tending-safe-person"][0].value == "true"
    assert parsed.contents["x-tending-archived"][0].value == "true"
    assert parsed.rev.value == "20260314T080000Z"
    assert parsed.uid.value == "urn:uuid:00000000-0000-5000-8000-000000000001"
    assert parsed.prodid.value == PRODUCT
    assert "KIND:individual" in lines


def test_a_person_with_nothing_but_a_name():
    text = card(Contact(uid="urn:uuid:x", name="Mum"), PRODUCT)
    lines = unfold(text)
    assert lines == [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"PRODID:{PRODUCT}",
        "UID:urn:uuid:x",
        "KIND:individual",
        "FN:Mum",
        "N:;Mum;;;",
        "END:VCARD",
    ]
    assert vobject.readOne(text).fn.value == "Mum"


def test_a_birthday_without_a_year_and_only_the_x_lines_that_say_something():
    lines = unfold(card(full_contact(birthday=(29, 2, None), archived=False, safe=False), ""))
    assert "BDAY:--0229" in lines
    assert not [line for line in lines if "ARCHIVED" in line or "SAFE" in line]
    lines = unfold(card(full_contact(rhythm_days=None, ring="", kind=""), ""))
    assert [line for line in lines if line.startswith("X-")] == [
        "X-TENDING-SAFE-PERSON:true",
        "X-TENDING-ARCHIVED:true",
    ]


def test_hostile_text_cannot_add_a_property_or_end_the_card():
    notes = "fine\r\nEND:VCARD\r\nBEGIN:VCARD\nFN:Mallory;X-EVIL:1,2"
    text = card(full_contact(name="Eve\nFN:Mallory", notes=notes), PRODUCT)
    lines = unfold(text)
    assert lines.count("END:VCARD") == 1 and lines.count("BEGIN:VCARD") == 1
    assert not [line for line in lines if line.startswith(("FN:Mallory", "X-EVIL"))]
    parsed = vobject.readOne(text)
    assert parsed.fn.value == "Eve\nFN:Mallory"
    assert parsed.contents["note"][0].value == notes.replace("\r\n", "\n")


@pytest.mark.parametrize("name", ["李小龍", "Zoë Ångström", "🌱" * 30, "a,b;c\\d" * 12])
def test_unicode_and_long_names_survive_folding(name):
    text = card(full_contact(name=name), PRODUCT)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert vobject.readOne(text).fn.value == name


def unescape(value: str) -> str:
    """A text value read back as RFC 6350 says, written here independently of vobject."""
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            out.append(char)
    return "".join(out)


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=150, deadline=None)
@given(name=TEXT.filter(str.strip), notes=TEXT, phone=TEXT)
def test_any_text_comes_back_as_written_from_a_card_of_75_octet_lines(name, notes, phone):
    text = card(Contact(uid="urn:uuid:x", name=name, notes=notes, phone=phone), PRODUCT)
    physical = text.split("\r\n")
    assert physical[-1] == ""
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCARD" and lines[-1] == "END:VCARD"
    assert lines.count("END:VCARD") == 1
    found = {}
    for line in lines[1:-1]:
        key, _, value = line.partition(":")
        assert key.isupper() or key.startswith("X-"), line  # no property smuggled in
        found.setdefault(key, unescape(value))

    def kept(value: str) -> str:  # line breaks are one \n; other control characters go
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return "".join(c for c in value if c in "\t\n" or not (c < " " or c == "\x7f"))

    assert found["FN"] == kept(name)
    if notes:
        assert found["NOTE"] == kept(notes)
    if phone:
        assert found["TEL"] == kept(phone)
