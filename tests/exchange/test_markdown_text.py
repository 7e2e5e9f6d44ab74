"""Journal files: safe, unique names and front matter every YAML reader takes back."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tending.exchange.markdown_text import (
    SLUG_CHARS,
    FileNames,
    entry_file,
    front_matter,
    slug,
    yaml_value,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A walk by the river", "a-walk-by-the-river"),
        ("Zoë at 9!", "zoe-at-9"),
        ("../../etc/passwd", "etc-passwd"),
        ("C:\\Windows\\system32", "c-windows-system32"),
        ("   --  ", ""),
        ("日記", ""),
        ("Ärger über Straße", "arger-uber-strae"),
        ("-leading and trailing-", "leading-and-trailing"),
    ],
)
def test_slug(text, expected):
    assert slug(text) == expected


def test_a_long_slug_is_cut_at_a_word():
    text = "one two three four five six seven eight nine ten eleven"
    cut = slug(text)
    assert len(cut) <= SLUG_CHARS
    assert cut == "one-two-three-four-five-six-seven-eight"
    assert SLUG_CHARS == 40
    assert slug("a" * 60) == "a" * 40
    assert slug("abc-de", limit=6) == "abc-de"  # exactly the limit: nothing cut
    assert slug("abc def", limit=5) == "abc"
    assert slug("abcd-", limit=5) == "abcd"
    assert slug("abcde-fgh", limit=6) == "abcde"


def test_names_are_unique_within_a_day_and_start_again_each_day():
    names = FileNames()
    day, next_day = date(2026, 3, 14), date(2026, 3, 15)
    assert names.name(day, "Walk", "") == "journal/2026-03-14-walk.md"
    assert names.name(day, "Walk", "") == "journal/2026-03-14-walk-2.md"
    assert names.name(day, "Walk 2", "") == "journal/2026-03-14-walk-2-2.md"
    assert names.name(day, "Walk", "") == "journal/2026-03-14-walk-3.md"
    assert names.name(next_day, "Walk", "") == "journal/2026-03-15-walk.md"
    assert (
        names.name(next_day, "", "Rain again today.\nMore")
        == "journal/2026-03-15-rain-again-today.md"
    )
    assert names.name(next_day, "", "  \n\nLate\nnight") == "journal/2026-03-15-late.md"
    assert names.name(next_day, "", "") == "journal/2026-03-15-entry.md"
    assert names.name(next_day, "!!!", "") == "journal/2026-03-15-entry-2.md"
    assert FileNames("elsewhere").name(day, "x", "") == "elsewhere/2026-03-14-x.md"


def test_a_day_seen_again_later_starts_a_new_set():
    names = FileNames()
    day = date(2026, 3, 14)
    names.name(day, "Walk", "")
    names.name(date(2026, 3, 15), "Walk", "")
    assert names.taken == {"2026-03-15-walk"}


def test_yaml_values_are_json_with_line_breaks_escaped():
    assert yaml_value('Say "hi": now') == '"Say \\"hi\\": now"'
    assert yaml_value(["a", "b: c"]) == '["a", "b: c"]'
    assert yaml_value([]) == "[]"
    odd = "one\u2028two\u2029three\x85four\ufefffive\x7fsix\x9fseven"
    written = yaml_value(odd)
    assert json.loads(written) == odd
    for char in "\u2028\u2029\x85\ufeff\x7f\x9f\n":
        assert char not in written
    assert yaml_value("Zoë\n") == '"Zoë\\n"'


def test_entry_file_is_front_matter_then_the_body_as_written():
    text = entry_file(
        "2026-03-14T21:05:00+01:00",
        [("title", "A: day"), ("tags", ["walk", "rain"])],
        "# Heading\n\nBody line  \nno trailing newline",
    )
    assert text == (
        "---\n"
        "date: 2026-03-14T21:05:00+01:00\n"
        'title: "A: day"\n'
        'tags: ["walk", "rain"]\n'
        "---\n"
        "\n"
        "# Heading\n\nBody line  \nno trailing newline"
    )
    assert front_matter("2026-01-01T00:00:00Z", []) == "---\ndate: 2026-01-01T00:00:00Z\n---\n"


SAFE_NAME = re.compile(r"journal/\d{4}-\d\d-\d\d-[a-z0-9]+(?:-[a-z0-9]+)*\.md\Z")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=80), st.text(max_size=200)), max_size=12))
def test_any_titles_give_safe_unique_names(entries):
    names = FileNames()
    made = [names.name(date(2026, 3, 14), title, body) for title, body in entries]
    assert len(set(made)) == len(made)
    for name in made:
        assert SAFE_NAME.match(name), name
        assert len(name) <= len("journal/2026-03-14-") + SLUG_CHARS + len("-99.md")


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=100))
def test_any_text_is_one_line_of_yaml_that_reads_back(text):
    written = yaml_value(text)
    assert "\n" not in written and "\r" not in written
    assert json.loads(written) == text
