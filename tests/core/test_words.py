"""Words shared by the pages and the terminal's quick paths (tending/core/words.py)."""

from __future__ import annotations


def test_thousands_are_marked_as_the_language_marks_them():
    from django.utils import translation

    from tending.core.words import grouped

    with translation.override("en"):
        assert grouped(1234567) == "1,234,567"
    with translation.override("de"):
        assert grouped(50000) == "50.000" and grouped(999) == "999"
    with translation.override(None):  # no language active (makemigrations): still grouped
        assert grouped(50000) == "50,000"
