"""Item 21 (search snippets): journal search shows plain text, not Markdown or HTML source."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tending.journal.models import Entry
from tending.journal.plain import plain_text
from tending.journal.search import search_entries, snippet
from tending.journal.services import save_entry

pytestmark = pytest.mark.django_db


def test_item_21_plain_text_leaves_out_markdown_and_html():
    # A tag-like <Sam> is left out, as the entry's own page (sanitised HTML) leaves it out.
    source = (
        "# A day\n\n**work** was *hard*\n- the river\n1. one\n> quoted `code`\n"
        "[a link](https://example.org) ![a picture](p.png) <b>bold</b> &amp; snake_case 2*3 <Sam>\n"
        "---\n```\nx = 1\n```"
    )
    assert plain_text(source) == (
        "A day work was hard the river one quoted code a link bold & snake_case 2*3 x = 1"
    )


def test_item_21_journal_search_snippets_are_plain_text(owner, owner_client):
    body = "Some lines first.\n\n- the **river** was <b>high</b>\n> and `cold` &amp; grey"
    save_entry(owner, Entry(title="", body=body, written_on=date(2026, 3, 14)), [], [])
    [hit] = search_entries(owner, "river")
    assert str(hit.snippet_html) == (
        "Some lines first. the <mark>river</mark> was high and cold &amp; grey"
    )
    answer = owner_client.post(reverse("journal:search"), {"q": "river"}, follow=True)
    page = answer.content.decode()
    assert "**" not in page and "&lt;b&gt;" not in page and "&amp;amp;" not in page
    assert '<div dir="auto">Some lines first.' in page


def test_item_21_a_long_hostile_body_is_made_plain_only_near_the_match(monkeypatch):
    # Made plain is only a window around the match, so a long hostile body costs no more
    # than a short one (what each call is given is recorded, not timed).
    from tending.journal import search, search_words

    given = []

    def recording(text):
        given.append(len(text))
        return plain_text(text)

    monkeypatch.setattr(search_words, "plain_text", recording)
    for hostile in ("[" * 200_000, "*" * 200_000, "-\n" * 100_000, "<a" * 100_000):
        text = snippet(hostile + " river " + hostile, [("river",)])
        assert "<mark>river</mark>" in text and text.startswith("… ") and text.endswith(" …")
    assert given and max(given) <= 2 * search.SNIPPET_WINDOW
