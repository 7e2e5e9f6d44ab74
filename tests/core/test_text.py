"""core.text.cut cuts where Truncator.chars does, quicker on text without combining marks."""

import unicodedata

import pytest
from django.utils.text import Truncator

from tending.core.text import cut

CASES = [
    "",
    "short",
    "exactly ten",
    "a" * 10,
    "a" * 11,
    "a" * 12,
    "words that run on well past the end of the list's line",
    "e\u0301" * 12,  # decomposed: normalised to twelve é
    "a\u0308\u0323" * 6,  # two marks each, no single composed form for both
    "hello wo\u0301rld and more words",  # a mark inside the first length + 1 characters
    "abcdefghij\u0301k",  # the mark falls at the cut
    "abcdefghij\u0301",  # ten letters in eleven code points: fits ten
    "🙂" * 11,
    "line\nbreaks\nkept as they are",
]


@pytest.mark.parametrize("text", CASES)
@pytest.mark.parametrize("length", [-1, 0, 1, 2, 5, 10, 11, 20])
def test_cut_matches_django(text, length):
    assert cut(text, length) == Truncator(text).chars(length)


def test_long_text_ends_with_one_ellipsis_at_the_length():
    cut_short = cut("x" * 50, 10)
    assert cut_short == "x" * 9 + "…"
    assert len(cut_short) == 10


def test_text_that_fits_comes_back_whole_and_composed():
    assert cut("cafe\u0301", 10) == unicodedata.normalize("NFC", "cafe\u0301") == "café"


def test_marks_do_not_count_towards_the_length():
    # Eleven letters with a mark on each: longer than ten in code points, not in letters.
    marked = "a\u0308\u0323" * 10
    assert cut(marked, 10) == unicodedata.normalize("NFC", marked)


def test_the_filter_cuts_as_djangos_does_and_keeps_safe_text_safe():
    from django.template.defaultfilters import truncatechars
    from django.utils.safestring import SafeString, mark_safe

    from tending.core.jinja import FILTERS

    ours = FILTERS["truncatechars"]
    for text in CASES:
        for length in (0, 5, 10, "10"):
            assert ours(text, length) == truncatechars(text, length)
    assert ours(7, 3) == truncatechars(7, 3) == "7"
    assert ours("some words", "x") == truncatechars("some words", "x") == "some words"
    assert isinstance(ours(mark_safe("<b>bold words</b>"), 6), SafeString)
    assert not isinstance(ours("<b>bold words</b>", 6), SafeString)


def test_the_ending_is_looked_up_once_per_language(monkeypatch):
    from django.utils import translation

    from tending.core import text

    asked = []
    monkeypatch.setattr(text, "_endings", {})
    monkeypatch.setattr(text, "pgettext", lambda c, m: asked.append(m) or "%(truncated_text)s~")
    with translation.override("de"):
        assert cut("x" * 30, 10) == "x" * 9 + "~"
        assert cut("y" * 30, 10) == "y" * 9 + "~"
    assert asked == ["%(truncated_text)s…"]
