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


def test_on_a_page_markup_stays_and_plain_words_are_escaped(settings):
    from django.utils.safestring import mark_safe

    from tending.core.jinja import and_list_html

    said = and_list_html([mark_safe("<bdi>Kim</bdi>"), "<b>Sam & Jo</b>", "2 more"])
    assert said == "<bdi>Kim</bdi>, &lt;b&gt;Sam &amp; Jo&lt;/b&gt; and 2 more"
    assert hasattr(said, "__html__")  # not escaped a second time
    assert and_list_html(["Ana"]) == "Ana"
