"""The shipped table of crisis lines loads, and a broken table is refused with a clear message."""

from __future__ import annotations

import pytest

from tending.safety import crisis_lines
from tending.safety.crisis_lines import (
    CrisisLinesError,
    dial,
    load_table,
    parse_table,
    phone_problem,
    shipped_table,
)

REQUIRED = [
    *("US", "CA", "GB", "IE", "AU", "NZ", "DE", "AT", "CH", "FR", "NL"),
    *("BE", "ES", "IT", "SE", "NO", "DK", "FI", "PT", "IN", "ZA"),
]

GOOD = """
schema = 1

[general]
name = "Anywhere"
emergency = "112"
checked = "not yet checked"

[countries.GB]
name = "United Kingdom"
emergency = "999"
checked = "2026-12-01 against samaritans.org"

[[countries.GB.lines]]
name = "Samaritans"
number = "116 123"
"""


def test_the_shipped_table_has_every_country_we_promise():
    table = shipped_table()
    assert set(REQUIRED) <= set(table.countries)
    assert table.general.emergency == "112"
    for code, region in table.countries.items():
        assert region.code == code and region.name
        assert region.emergency_tel.isdigit(), code
        for line in region.lines:
            assert line.tel or line.sms, f"{code}: {line.name} can be neither called nor texted"


@pytest.mark.parametrize(
    ("code", "emergency", "name", "number"),
    [
        ("US", "911", "988 Suicide & Crisis Lifeline", "988"),
        ("CA", "911", "9-8-8 Suicide Crisis Helpline", "988"),
        ("GB", "999", "Samaritans", "116 123"),
        ("IE", "112", "Samaritans", "116 123"),
        ("AU", "000", "Lifeline", "13 11 14"),
        ("NZ", "111", "Need to talk? 1737", "1737"),
        ("DE", "112", "TelefonSeelsorge", "0800 111 0 111"),
        ("FR", "112", "3114: Numéro national de prévention du suicide", "3114"),
        ("NL", "112", "113 Zelfmoordpreventie", "113"),
    ],
)
def test_well_known_lines_are_in_the_table(code, emergency, name, number):
    region = shipped_table().countries[code]
    assert region.emergency == emergency
    assert (name, number) in [(line.name, line.number) for line in region.lines]


def test_texting_is_offered_where_it_works():
    us = {line.name: line for line in shipped_table().countries["US"].lines}
    assert us["988 Suicide & Crisis Lifeline"].sms == "988"
    assert us["Crisis Text Line"].tel == ""  # text only
    assert (us["Crisis Text Line"].sms, us["Crisis Text Line"].text_body) == ("741741", "HOME")
    lifeline = shipped_table().countries["AU"].lines[0]
    assert (lifeline.tel, lifeline.sms) == ("131114", "0477131114")
    samaritans = shipped_table().countries["GB"].lines[0]
    assert samaritans.sms == ""


def test_the_file_says_to_check_it_before_each_release():
    head = crisis_lines.SHIPPED.read_text(encoding="utf-8")[:600]
    assert "CHECK EVERY NUMBER AGAINST OFFICIAL SOURCES BEFORE EACH RELEASE" in head
    assert "add their own numbers" in head


def test_a_good_file_loads(tmp_path):
    path = tmp_path / "lines.toml"
    path.write_text(GOOD, encoding="utf-8")
    table = load_table(path)
    assert table.region("gb").lines[0].tel == "116123"
    assert table.region("") is None and table.region("XX") is None
    assert table.choices() == [("GB", "United Kingdom")]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda t: t.replace('number = "116 123"', 'number = "116 ABC"'),
            "lines.toml: countries.GB.lines[0].number: “116 ABC” is not a phone number",
        ),
        (
            lambda t: t.replace('number = "116 123"', 'number = "1"'),
            "countries.GB.lines[0].number: “1” has 1 digits; a phone number has 2 to 20",
        ),
        (
            lambda t: t.replace('number = "116 123"', ""),
            "countries.GB.lines[0].number: is missing or empty",
        ),
        (
            lambda t: t.replace('name = "Samaritans"', 'name = ""'),
            "countries.GB.lines[0].name: is missing or empty",
        ),
        (
            lambda t: t.replace('name = "Samaritans"', 'name = "Samaritans"\nhour = "24/7"'),
            "countries.GB.lines[0]: unknown key 'hour'",
        ),
        (
            lambda t: t.replace('name = "Samaritans"', 'name = "Samaritans"\ntext = "yes"'),
            "countries.GB.lines[0].text: should be true or false, not 'yes'",
        ),
        (
            lambda t: t.replace(
                'name = "Samaritans"', 'name = "S"\ntext = true\ntext_number = "1"'
            ),
            "countries.GB.lines[0]: has both text = true and text_number; keep one",
        ),
        (
            lambda t: t.replace('name = "Samaritans"', 'name = "Samaritans"\ntext_body = "HI"'),
            "countries.GB.lines[0].text_body: is set, but texting this line is not",
        ),
        (
            lambda t: t.replace("[countries.GB]", "[countries.UK1]").replace(
                "countries.GB.lines", "countries.UK1.lines"
            ),
            "countries.UK1: should be a two-letter country code like GB",
        ),
        (
            lambda t: t.replace('emergency = "999"', ""),
            "countries.GB.emergency: is missing or empty",
        ),
        (
            lambda t: t.replace('emergency = "999"', "emergency = 999"),
            "countries.GB.emergency: should be text in quotes, not 999",
        ),
        (lambda t: t.replace("schema = 1", "schema = 2"), "schema: should be 1, not 2"),
        (
            lambda t: t.replace(
                '[general]\nname = "Anywhere"\nemergency = "112"\nchecked = "not yet checked"\n',
                "",
            ),
            "general: is missing",
        ),
        (lambda t: t + "\n[extra]\nx = 1\n", "top level: unknown key 'extra'"),
        (
            lambda t: t.replace("[[countries.GB.lines]]", "[countries.GB.lines]"),
            "countries.GB.lines: should be a list",
        ),
        (
            lambda t: t.replace('name = "Anywhere"', 'name = "Anywhere'),
            "lines.toml: is not valid TOML",
        ),
    ],
)
def test_a_broken_file_is_refused_with_a_clear_message(tmp_path, change, message):
    path = tmp_path / "lines.toml"
    path.write_text(change(GOOD), encoding="utf-8")
    with pytest.raises(CrisisLinesError) as caught:
        load_table(path)
    assert message in str(caught.value)


def test_a_missing_or_unreadable_file_says_so(tmp_path):
    with pytest.raises(CrisisLinesError, match="cannot be read"):
        load_table(tmp_path / "nowhere.toml")
    path = tmp_path / "latin1.toml"
    path.write_bytes("name = 'Caf\xe9'".encode("latin-1"))
    with pytest.raises(CrisisLinesError, match="is not UTF-8 text"):
        load_table(path)


def test_an_empty_country_list_is_refused():
    with pytest.raises(CrisisLinesError, match="countries: is missing or empty"):
        parse_table(
            'schema = 1\n[general]\nname = "A"\nemergency = "112"\nchecked = "not yet checked"\n',
            "t.toml",
        )


def test_the_checker_command_reports_fine_and_broken_files(tmp_path, capsys):
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(GOOD.replace('"999"', '"nine"'), encoding="utf-8")
    assert crisis_lines.main([str(good)]) == 0
    assert "good.toml: fine (1 countries)" in capsys.readouterr().out
    assert crisis_lines.main([str(good), str(bad)]) == 1
    assert "bad.toml: countries.GB.emergency: “nine” is not a phone number" in (
        capsys.readouterr().err
    )
    assert crisis_lines.main([]) == 0  # the shipped table


@pytest.mark.parametrize(
    ("number", "dialled"),
    [
        ("116 123", "116123"),
        ("+44 (0)20 7946-0000", "+4402079460000"),
        ("0800 111 0 111", "08001110111"),
        ("  ", ""),
        ("call me", ""),
    ],
)
def test_dial_keeps_a_leading_plus_and_the_digits(number, dialled):
    assert dial(number) == dialled


def test_phone_problem_explains_what_is_wrong():
    assert phone_problem("0800 111 0 111") is None
    assert phone_problem("+1 (555) 010-9999") is None
    assert phone_problem("") == "is empty"
    assert "is not a phone number" in phone_problem("ring Sam")
    assert "has 21 digits" in phone_problem("1" * 21)
