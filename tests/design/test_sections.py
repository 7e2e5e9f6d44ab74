"""A long form's sections (tending/core/sections.py): what each says, and which open."""

from __future__ import annotations

import pytest

from tending.core.sections import Section, form_sections, is_answered, parts_to_open, sections

LAYOUT = (
    ("how", "How", ("channel", "minutes")),
    ("tags", "Tags", ("tag_names",)),
)


@pytest.mark.parametrize(
    ("value", "answered"),
    [
        (None, False),
        ("", False),
        ("   ", False),
        ([], False),
        (["", None], False),
        ("call", True),
        (" x ", True),
        (0, True),  # a zero is an answer ("shared nothing" is 0)
        (3, True),
        (["", "4"], True),
        (("7",), True),
        ({"a"}, True),
        ({""}, False),
        (("", None), False),
    ],
)
def test_what_counts_as_an_answer(value, answered):
    assert is_answered(value) is answered


def test_each_section_counts_its_answers_and_notes():
    how, tags = sections({"channel": "call", "minutes": "", "tag_names": "walk"}, {}, LAYOUT)
    assert how == Section("how", "How", ("channel", "minutes"), answered=1, errors=0)
    assert (how.status, how.is_open) == ("1 of 2 answered", False)
    assert (tags.status, tags.is_open) == ("1 of 1 answered", False)


def test_a_section_with_a_note_opens_and_says_so():
    how, tags = sections({"minutes": "9999"}, {"minutes": ["too long"]}, LAYOUT)
    assert (how.errors, how.is_open, how.status) == (1, True, "Needs another look")
    assert (tags.answered, tags.errors, tags.is_open, tags.status) == (0, 0, False, "")


def test_every_field_of_a_section_is_counted():
    values = {"channel": "call", "minutes": "5"}
    (how, _) = sections(values, {"channel": 1, "minutes": 1}, LAYOUT)
    assert (how.answered, how.errors) == (2, 2)
    assert how.status == "Needs another look"


class FakeField:
    def __init__(self, value):
        self._value = value

    def value(self):
        return self._value


class FakeForm:
    def __init__(self, values, errors):
        self.values, self.errors = values, errors

    def __getitem__(self, name):
        return FakeField(self.values[name])


def test_form_sections_reads_the_values_a_form_shows():
    form = FakeForm({"channel": None, "minutes": 20, "tag_names": ""}, {"tag_names": ["x"]})
    how, tags = form_sections(form, LAYOUT)
    assert (how.key, how.title, how.names, how.answered) == (
        "how",
        "How",
        ("channel", "minutes"),
        1,
    )
    assert (tags.errors, tags.is_open) == (1, True)


PARTS = [("signs", True), ("coping", False), ("people", False)]


def test_the_parts_asked_for_open():
    assert parts_to_open(PARTS, {"signs", "people"}) == {"signs", "people"}
    assert parts_to_open(PARTS, {"coping", "", "nowhere"}) == {"coping"}


def test_otherwise_the_next_empty_part_opens():
    assert parts_to_open(PARTS, set()) == {"coping"}
    assert parts_to_open(PARTS, {"", "nowhere"}) == {"coping"}
    assert parts_to_open([("a", False), ("b", False)], set()) == {"a"}


def test_a_full_plan_starts_closed():
    assert parts_to_open([("a", True), ("b", True)], set()) == set()
    assert parts_to_open([], {"a"}) == set()
