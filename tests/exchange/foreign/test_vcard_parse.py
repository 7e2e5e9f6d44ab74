"""Reading vCard files: folding, encodings, escapes, groups, birthdays, and files that are not."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tending.exchange.foreign import ForeignFileError, vcard_cards, vcard_parse
from tending.exchange.foreign.vcard_cards import read_cards, to_person
from tending.exchange.foreign.vcard_parse import (
    MAX_LINE_CHARS,
    components,
    decode,
    email_key,
    label_of,
    name_key,
    parse_birthday,
    parse_property,
    phone_key,
    split_outside_quotes,
    unescape,
)

SAMPLES = Path(__file__).parent / "samples"
YEAR = 2026


def cards(text: str, newline: str = "\r\n"):
    return read_cards(newline.join(text.strip().splitlines()).encode(), YEAR)


def one(body: str):
    (card,) = cards(f"BEGIN:VCARD\nVERSION:3.0\n{body.strip()}\nEND:VCARD")
    return card


def person(body: str, email_ok=lambda address: "@" in address):
    return to_person(one(body), email_ok)


def test_apple_sample_fills_every_field_and_keeps_the_rest_as_notes():
    found = read_cards((SAMPLES / "contacts-apple-3.0.vcf").read_bytes(), YEAR)
    assert [c.name for c in found] == ["Dr. Sam Alex Lee", "Chidi Okafor", "Friends from choir"]
    sam = to_person(found[0], lambda a: True)
    assert (sam.phone, sam.email, sam.other_contact) == (
        "+44 7700 900123",
        "sam.lee@example.org",
        "signal:+447700900123",
    )
    assert sam.birthday == (1985, 4, 12)
    assert found[0].photo and not found[1].photo
    assert sam.notes.startswith("Met at the allotment, spring 2019.\nLoves sourdough; hates")
    for line in (
        "- Phone (work): +44 113 496 0000",
        "- E-mail (work): sam@harbour-bakery.example",
        "- Address (home): 12 Garden Row, Flat 3, Leeds, LS1 4AB, United Kingdom",
        "- Website (homepage): https://bakery.example/sam",
        "- Related (sister): Robin Lee",
        "- Organisation: Harbour Bakery, Ovens",
        "- Job title: Head baker",
    ):
        assert line in sam.notes.splitlines()
    assert "4F2A1C7E" not in sam.notes  # identifiers for other programs are not kept
    assert sam.kept == [
        "Phone", "E-mail", "Address", "Website", "Related", "Organisation", "Job title",
        "Social profile",
    ]  # fmt: skip
    assert found[1].birthday == (None, 8, 3)  # Apple's stand-in year 1604 means "no year"
    assert found[2].is_group and not found[0].is_group


def test_android_sample_quoted_printable_charset_and_soft_breaks():
    found = read_cards((SAMPLES / "contacts-android-3.0.vcf").read_bytes(), YEAR)
    elodie, hanako = found[0], found[1]
    assert elodie.name == "Élodie François"
    assert elodie.notes == [
        "Rencontrée à Lyon, café du coin.\nLong note that goes on over a soft line break, "
        "and on once more."
    ]
    assert elodie.birthday == (1992, 2, 29)
    assert hanako.name == "山田花子"
    assert hanako.phones[0] == ("Phone (cell)", "090-1234-5678")  # PREF comes first
    assert [c.is_empty() for c in found] == [False, False, False, False, True]


def test_version_4_sample_with_bom_uri_phones_and_no_year_birthday():
    found = read_cards((SAMPLES / "contacts-4.0.vcf").read_bytes(), YEAR)
    priya = to_person(found[0], lambda a: True)
    assert (priya.name, priya.phone, priya.email) == (
        "Priya Raman",
        "+1-555-555-0199",
        "priya.raman@example.com",
    )
    assert priya.birthday == (None, 4, 12)
    assert "- Address (home): 4 Elm Court, Springfield, OR, 97477, USA" in priya.notes
    jordan = to_person(found[1], lambda a: True)
    assert jordan.birthday == (1953, 10, 15) and jordan.other_contact == "xmpp:jordan@chat.example"
    kenji = to_person(found[2], lambda a: True)
    assert kenji.name == "Kenji Nakamura"  # from N when there is no FN
    assert kenji.birthday is None and "- Birthday (as written): circa 1970" in kenji.notes
    assert found[3].is_group


def test_google_and_thunderbird_samples():
    maria, ben = read_cards((SAMPLES / "contacts-google-3.0.vcf").read_bytes(), YEAR)
    maria = to_person(maria, lambda a: True)
    assert (maria.phone, maria.email, maria.birthday) == (
        "+34 600 123 456",
        "maria.g@example.com",
        (1979, 11, 23),
    )
    assert "- Website (blog): https://maria.example" in maria.notes.splitlines()
    assert ben.name == "Ben Carter" and ben.phones == [("Phone (cell)", "(555) 010-2288")]
    (tom,) = read_cards((SAMPLES / "contacts-thunderbird-4.0.vcf").read_bytes(), YEAR)
    tom = to_person(tom, lambda a: True)
    assert (tom.name, tom.phone, tom.email, tom.birthday) == (
        "Tom Becker",
        "+49 151 2345678",
        "tom@example.net",
        (1988, 6, 5),
    )
    assert tom.notes == (
        "Neighbour, has our spare key.\nWaters the plants in August.\n\nFrom your contacts:\n"
        "- Nickname: Tommy\n- Address (home): Lindenstr. 12, Berlin, 10969, Germany"
    )


def test_lf_and_crlf_files_read_alike_and_folding_joins_lines():
    text = "BEGIN:VCARD\nFN:Ann\n  Marie\nNOTE:one\n\ttwo\nEND:VCARD"
    for newline in ("\n", "\r\n", "\r"):
        (card,) = cards(text, newline)
        assert (card.name, card.notes) == ("Ann Marie", ["onetwo"])


def test_escapes_in_text_and_structured_values():
    assert unescape(r"a\, b\; c\\d\ne\Nf") == "a, b; c\\d\ne\nf"
    assert unescape("end\\") == "end"
    assert components(r"Lee;Sam\;Jo;x\,y") == ["Lee", "Sam;Jo", "x,y"]
    assert components(r"a\\;b") == ["a\\", "b"]


def test_properties_groups_and_parameters():
    prop = parse_property(7, 'item1.TEL;TYPE="cell,voice";PREF=1:tel:+1')
    assert (prop.line, prop.group, prop.name, prop.value) == (7, "item1", "TEL", "tel:+1")
    assert prop.params == {"TYPE": ["cell", "voice"], "PREF": ["1"]}
    bare = parse_property(1, "tel;CELL;QUOTED-PRINTABLE;base64:1")
    assert bare.params == {"TYPE": ["CELL"], "ENCODING": ["QUOTED-PRINTABLE", "base64"]}
    assert parse_property(1, 'ADR;LABEL="a:b;c":;;x').params["LABEL"] == ["a:b;c"]
    assert parse_property(1, 'ADR;LABEL="a:b;c":;;x').value == ";;x"
    assert parse_property(1, "no colon here") is None
    assert parse_property(1, ":value without a name") is None
    assert parse_property(1, 'X;LABEL="open:quote').value == ""
    assert parse_property(1, "X;LABEL=a=b:v").params == {"LABEL": ["a=b"]}
    many = parse_property(1, "TEL;A=1;B=2;C=3;D=4:v")
    assert many.params == {"A": ["1"], "B": ["2"], "C": ["3"], "D": ["4"]}
    assert parse_property(1, "bad name!:x") is None
    assert split_outside_quotes('a,"b,c",d', ",") == ["a", '"b,c"', "d"]
    assert split_outside_quotes("a:b:c", ":", 1) == ["a", "b:c"]


def test_labels_from_apple_groups_and_types():
    prop = parse_property(1, "item2.TEL;type=WORK;type=pref;type=VOICE:1")
    assert label_of(prop, {"item2": "_$!<Mobile>!$_"}) == "mobile, work"
    assert label_of(prop, {"item2": "school"}) == "school, work"
    assert label_of(prop, {}) == "work"


@pytest.mark.parametrize(
    ("written", "omit", "expected"),
    [
        ("19850412", "", (1985, 4, 12)),
        ("1985-04-12", "", (1985, 4, 12)),
        ("--0412", "", (None, 4, 12)),
        ("--04-12", "", (None, 4, 12)),
        ("1985-04-12T10:00:00-05:00", "", (1985, 4, 12)),
        ("19531015T231000Z", "", (1953, 10, 15)),
        (" 1604-08-03 ", "1604", (None, 8, 3)),
        ("1604-08-03", "", (1604, 8, 3)),
        ("2000-02-29", "", (2000, 2, 29)),
        ("--0229", "", (None, 2, 29)),
        ("1999-02-29", "", None),
        ("1985-13-01", "", None),
        ("1985-04", "", None),
        ("1985", "", None),
        ("circa 1970", "", None),
        ("---12", "", None),
    ],
)
def test_birthday_forms(written, omit, expected):
    assert parse_birthday(written, omit) == expected


def test_birthday_with_implausible_year_keeps_day_and_month_and_the_text():
    card = one("FN:Old\nBDAY:18500203")
    assert card.birthday == (None, 2, 3)
    assert card.extra == ["Birthday (as written): 18500203"]
    assert one("FN:Old\nBDAY:18991231").birthday == (None, 12, 31)
    assert one(f"FN:New\nBDAY:{YEAR}0101").birthday == (YEAR, 1, 1)
    assert one(f"FN:Unborn\nBDAY:{YEAR + 1}0101").birthday == (None, 1, 1)
    assert one("FN:Edge\nBDAY:19000101").birthday == (1900, 1, 1)
    assert one("FN:Two\nBDAY:--0101\nBDAY:--0202").extra == ["Birthday (as written): --0202"]


def test_charset_of_a_file_that_is_not_utf8():
    data = "BEGIN:VCARD\r\nFN;CHARSET=ISO-8859-1:Ren\xe9e\r\nNOTE:caf\xe9\r\nEND:VCARD".encode(
        "latin-1"
    )
    (card,) = read_cards(data, YEAR)
    assert (card.name, card.notes) == ("Renée", ["café"])
    odd = b"BEGIN:VCARD\r\nFN;CHARSET=x-unknown:Ren\xe9e\r\nEND:VCARD"
    assert read_cards(odd, YEAR)[0].name == "Ren\ufffde"
    assert decode("FN:é".encode()) == ("FN:é", False)
    utf16 = "BEGIN:VCARD\nFN:Zoë 山田\nEND:VCARD".encode("utf-16")
    assert read_cards(utf16, YEAR)[0].name == "Zoë 山田"
    assert read_cards("\ufeffBEGIN:VCARD\nFN:Zoë\nEND:VCARD".encode("utf-16"), YEAR)[0].name
    two = b"BEGIN:VCARD\r\nFN;CHARSET=UTF-8,ISO-8859-1:Ren\xc3\xa9e\r\nNOTE:\xff\r\nEND:VCARD"
    assert read_cards(two, YEAR)[0].name == "Renée"  # the first character set named


def test_quoted_printable_defaults_to_utf8_and_a_utf8_file_is_left_alone():
    assert one("FN;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB").name == "Zoë"
    assert one("FN:Zoë").name == "Zoë"


def test_phones_emails_messaging_and_what_overflows_to_notes():
    p = person(
        "FN:Al\nTEL;TYPE=home:1\nTEL;TYPE=cell;TYPE=pref:2\nEMAIL:not-an-address\n"
        "EMAIL;TYPE=work:al@example.org\nIMPP:xmpp:al@x\nIMPP:sip:al@y\nNOTE:\nURL:http://a"
    )
    assert (p.phone, p.email, p.other_contact) == ("2", "al@example.org", "xmpp:al@x")
    assert p.phones == ["2", "1"] and p.emails == ["not-an-address", "al@example.org"]
    assert p.notes.splitlines() == [
        "From your contacts:",
        "- Phone (home): 1",
        "- E-mail: not-an-address",
        "- Messaging: sip:al@y",
        "- Website: http://a",
    ]
    assert p.kept == ["Phone", "E-mail", "Messaging", "Website"]


def test_values_too_long_for_their_field_go_to_notes():
    long_name, long_phone = "N" * 101, "1" * 41
    p = person(f"FN:{long_name}\nTEL:{long_phone}\nIMPP:{'x' * 201}\nEMAIL:{'e' * 251}@a.b")
    assert len(p.name) == 100 and p.name.endswith("…")
    assert p.phone == p.email == p.other_contact == ""
    assert f"- Full name: {long_name}" in p.notes and f"- Phone: {long_phone}" in p.notes
    fits = person(f"FN:{'N' * 100}\nTEL:{'1' * 40}\nIMPP:{'x' * 200}\nEMAIL:{'e' * 249}@a.bc")
    assert (len(fits.name), len(fits.phone), len(fits.other_contact)) == (100, 40, 200)
    assert len(fits.email) == 254 and fits.notes == ""


def test_names_fall_back_to_organisation_email_phone_then_the_line():
    assert person("ORG:Acme;Sales").name == "Acme, Sales"
    assert person("EMAIL:a@b.c\nTEL:5").name == "a@b.c"
    assert person("TEL:5").name == "5"
    assert person("NOTE:hello").name == "Someone without a name (line 1)"
    assert person("N:Lee;Sam;J.;Dr.;Jr.\nFN:Sammy").name == "Sammy"
    assert person("N:Lee;Sam,Jo;;Dr.;Jr.").name == "Dr. Sam Jo Lee Jr."
    assert person("N:Lee;Sam").name == "Sam Lee"
    assert person("FN:Sam\nFN:Samuel").notes == "From your contacts:\n- Also named: Samuel"
    assert person("ADR:;;1 Road;Town\nORG:Acme\nORG:Other").name == "Acme"
    assert person("EMAIL:a@b.c\nEMAIL:d@e.f").name == "a@b.c"
    assert person("TEL:5\nTEL:6").name == "5"
    assert not one("NOTE:x").is_empty() and not one("URL:x").is_empty()
    assert not one("TEL:1").is_empty() and not one("EMAIL:x").is_empty()
    assert one("NOTE:\nBDAY:--0101").is_empty()  # a birthday alone says nothing of who
    assert cards("BEGIN:VCARD\nFN:x\nEND:VCARD\nBEGIN:VCARD\nFN:\nEND:VCARD")[1].is_empty()


def test_a_card_inside_a_card_and_bare_base64_are_skipped_and_said():
    card = one(
        "FN:Outer\nAGENT:\nBEGIN:VCARD\nFN:Inner\nBEGIN:VCARD\nEND:VCARD\nEND:VCARD\n"
        "PHOTO;BASE64:AAAA\nBBBBCCCC\nTEL:1\n?? stray"
    )
    assert card.name == "Outer" and card.photo and card.phones == [("Phone", "1")]
    assert card.extra == [
        "A card inside this card (not brought in)",
        "Line 13, not understood: ?? stray",
    ]


def test_one_card_inside_a_card_is_said_once():
    card = one("FN:Outer\nAGENT:\nBEGIN:VCARD\nFN:Inner\nEND:VCARD\nTEL:1")
    assert card.extra == ["A card inside this card (not brought in)"] and card.name == "Outer"


def test_technical_and_picture_properties_are_not_kept_as_text():
    card = one("FN:A\nUID:1\nREV:2\nPRODID:x\nLOGO:y\nSOUND:z\nKEY:k\nX-ABUID:q\nKIND:individual")
    assert card.extra == [] and not card.photo and not card.is_group


def test_match_keys():
    assert name_key("  Élodie   FRANÇOIS ") == name_key("e\u0301lodie francois".replace("c", "ç"))
    assert name_key("Ａnn") == "ann"
    assert phone_key("+44 7700 900123") == phone_key("07700 900123") == "700900123"
    assert phone_key("+81-3-1234-5678") == phone_key("03-1234-5678")  # Tokyo, from abroad
    assert phone_key("123456") == "" and phone_key("1234567") == "1234567"
    assert email_key(" Sam@Example.ORG ") == "sam@example.org"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "holds no contacts"),
        (b"\n\n", "holds no contacts"),
        (b"hello, world\n", "Line 1 is not part of a contact: a vCard file starts with"),
        (
            b"BEGIN:VCARD\nFN:a\nEND:VCARD\njunk\n",
            "Line 4 is not part of a contact: a vCard file goes on",
        ),
        (b"BEGIN:VCARD\nFN:a\n", "begins on line 1 never ends"),
        (b"END:VCARD\n", "Line 1 ends a contact that was never begun"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        (b"\xff\xfe\x00\xd8", "UTF-16"),
    ],
)
def test_files_that_are_not_vcards(data, words):
    with pytest.raises(ForeignFileError, match=words):
        read_cards(data, YEAR)


def test_many_folded_pieces_count_towards_the_cap():
    pieces = b"".join(b"\n " + b"y" * 1000 for _ in range(MAX_LINE_CHARS // 1000 + 1))
    with pytest.raises(ForeignFileError, match="Line 2 is longer than"):
        read_cards(b"BEGIN:VCARD\nNOTE:a" + pieces + b"\nEND:VCARD", YEAR)


def test_a_value_that_merely_says_quoted_printable_is_not_joined_to_the_next_line():
    (card,) = cards("BEGIN:VCARD\nNOTE:about QUOTED-PRINTABLE=\nFN:Al\nEND:VCARD", "\n")
    assert (card.name, card.notes) == ("Al", ["about QUOTED-PRINTABLE="])


def test_huge_lines_are_refused_with_their_number():
    at_limit = b"BEGIN:VCARD\nNOTE:" + b"x" * (MAX_LINE_CHARS - 5) + b"\nEND:VCARD"
    assert len(read_cards(at_limit, YEAR)[0].notes[0]) == MAX_LINE_CHARS - 5
    folded = b"BEGIN:VCARD\nNOTE:" + b"x" * (MAX_LINE_CHARS - 5) + b"\n y\nEND:VCARD"
    with pytest.raises(ForeignFileError, match="Line 2 is longer than 2,000,000"):
        read_cards(folded, YEAR)


def test_lines_not_understood_are_kept_up_to_twenty_then_counted():
    junk = "\n".join(f"junk {i}" for i in range(25))
    card = one(f"FN:A\n{junk}")
    assert card.extra[0] == "Line 4, not understood: junk 0"
    assert card.extra[19] == "Line 23, not understood: junk 19"
    assert card.extra[20:] == ["5 more lines, not understood"]
    assert len(one(f"FN:A\n{junk}".rsplit("\n", 5)[0]).extra) == 20


def test_files_over_the_size_cap_are_refused(monkeypatch):
    assert vcard_parse.MAX_FILE_BYTES == 256 * 2**20
    monkeypatch.setattr(vcard_parse, "MAX_FILE_BYTES", 2**20)
    data = b"BEGIN:VCARD\nFN:a\nEND:VCARD\nBEGIN:VCARD\nNOTE:"
    data += b"x" * (2**20 - len(data) - 10) + b"\nEND:VCARD"
    assert len(read_cards(data, YEAR)) == 2
    with pytest.raises(ForeignFileError, match="larger than 1 MB"):
        read_cards(data + b"\n", YEAR)


def test_too_many_cards_are_refused_at_once(monkeypatch):
    tiny = b"BEGIN:VCARD\nFN:a\nEND:VCARD\n"
    with pytest.raises(ForeignFileError, match=r"more than 20,000 contacts \(line 60001\)"):
        read_cards(tiny * 1_000_000, YEAR)
    monkeypatch.setattr(vcard_cards, "MAX_CARDS", 3)
    assert len(read_cards(tiny * 3, YEAR)) == 3
    with pytest.raises(ForeignFileError, match=r"\(line 10\)"):
        read_cards(tiny * 4, YEAR)


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _folded(line: str, width: int) -> str:
    return "\r\n ".join(line[i : i + width] for i in range(0, len(line), width)) or line


_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x00"),
    max_size=60,
).map(lambda t: " ".join(t.split()))


@settings(deadline=None, max_examples=60)
@given(name=_TEXT.filter(bool), note=_TEXT, width=st.integers(1, 80))
def test_any_name_and_note_come_back_through_escaping_and_folding(name, note, width):
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_escaped(name)}", f"NOTE:{_escaped(note)}"]
    text = "\r\n".join(_folded(line, width) for line in lines) + "\r\nEND:VCARD\r\n"
    (card,) = read_cards(text.encode(), YEAR)
    assert card.name == unicodedata.normalize("NFC", name)
    assert card.notes == ([unicodedata.normalize("NFC", note)] if note else [])
