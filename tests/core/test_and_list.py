"""A list as a sentence says it: one helper for every page, report and terminal line."""

from __future__ import annotations

from django.utils import translation

from tending.core.words import and_list


def test_a_list_reads_as_a_sentence_in_the_language_in_use():
    assert and_list([]) == ""
    assert and_list(["Sam"]) == "Sam"
    assert and_list(["Sam", "Jo"]) == "Sam and Jo"
    assert and_list(["Ana", "Sam", "Jo"]) == "Ana, Sam and Jo"
    with translation.override("de"):
        assert and_list(["Ana", "Sam", "Jo"]) == "Ana, Sam und Jo"
    assert and_list(["a", "b", "c"], "%(items)s & %(last)s") == "a, b & c"  # looked up once
