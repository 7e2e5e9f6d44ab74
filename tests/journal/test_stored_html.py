"""An entry's HTML is made once when it is saved; lists show its words as plain text."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tending.journal.models import Entry
from tending.journal.plain import plain_text
from tending.journal.rendering import BODY_LIMIT, RENDERER_VERSION, render_markdown
from tests.factories import JournalEntryFactory, PersonFactory

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return response.content.decode()


def test_item_2_thirty_thousand_brackets_are_saved_and_shown(owner, owner_client):
    body = "[" * 30_000
    response = owner_client.post(
        reverse("journal:add"), {"written_on": "2026-03-14", "body": body, "tag_names": ""}
    )
    assert response.status_code == 302
    entry = Entry.objects.get(owner=owner)
    assert entry.rendered_with == RENDERER_VERSION and entry.body_html.count("[") == 30_000
    assert owner_client.get(response["Location"]).status_code == 200


def test_item_2_reading_an_entry_renders_nothing(owner, owner_client):
    entry = JournalEntryFactory(owner=owner, body="**kept** as it was saved")
    assert entry.body_html == render_markdown(entry.body)
    # What is shown is what was stored, not the body made again on every view.
    Entry.objects.filter(pk=entry.pk).update(body_html="<p>stored at save</p>")
    html = page(owner_client.get(reverse("journal:detail", args=[entry.pk])))
    assert "stored at save" in html and "<strong>kept</strong>" not in html


def test_item_2_a_new_renderer_makes_the_html_again_once(owner, owner_client):
    entry = JournalEntryFactory(owner=owner, body="**bold** words")
    Entry.objects.filter(pk=entry.pk).update(body_html="<p>old renderer</p>", rendered_with=1)
    url = reverse("journal:detail", args=[entry.pk])
    assert "<strong>bold</strong>" in page(owner_client.get(url))
    entry.refresh_from_db()
    assert entry.rendered_with == RENDERER_VERSION and "<strong>bold</strong>" in entry.body_html
    with CaptureQueriesContext(connection) as queries:
        owner_client.get(url)
    assert not [q for q in queries if q["sql"].startswith("UPDATE")]


def test_item_2_an_entry_over_the_limit_is_refused_at_the_field(owner, owner_client):
    body = "x" * (BODY_LIMIT + 1)
    response = owner_client.post(
        reverse("journal:add"), {"written_on": "2026-03-14", "body": body, "tag_names": ""}
    )
    assert response.status_code == 200
    assert "50,000 characters or fewer" in str(response.context["form"].errors["body"])
    assert 'id="id_body_error"' in page(response) and body in page(response)
    assert not Entry.objects.exists()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Went to **work**.\n\n- the river\n- the *bridge*", "Went to work. the river the bridge"),
        ("# Sunday\n\n> she said\nhello", "Sunday she said hello"),
        ("I <3 you & <b>me</b>; a < b", "I <3 you & me; a < b"),
        ("&lt;b&gt; typed as text", "<b> typed as text"),
        ("[a walk](https://example.org) `code`", "a walk code"),
    ],
)
def test_item_21_plain_text_from_markdown_or_its_html(text, words):
    assert plain_text(text) == words
    assert plain_text(render_markdown(text)) == words


def test_item_21_plain_text_leaves_out_scripts_and_comments():
    assert plain_text("<script>alert(1)</script>kept <!-- note --> too") == "kept too"


def test_item_21_plain_text_stays_quick_on_hostile_markup():
    for text in ("<!--" * 12_000, "<script>" * 6_000, "<div" + "<" * 50_000, "<!-- -->" * 6_000):
        plain_text(text)  # each used to take seconds with lazy regexes; now linear


def test_item_21_journal_list_shows_plain_words_with_direction(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    JournalEntryFactory(
        owner=owner,
        title="يوم هادئ",
        body="Went to **work** & back.\n\n- the river\n\n<i>tired</i>",
        people=[sam],
    )
    for url in (reverse("journal:list"), reverse("circle:person", args=[sam.pk])):
        html = page(owner_client.get(url))
        item = re.search(r'<div class="muted" dir="auto">(.*?)</div>', html, re.DOTALL)
        assert item and item.group(1) == "Went to work &amp; back. the river tired"
        assert '<bdi dir="auto">يوم هادئ</bdi>' in html


def test_item_21_entry_page_marks_user_text_with_direction(owner, owner_client):
    entry = JournalEntryFactory(owner=owner, title="שלום", body="טקסט")
    html = page(owner_client.get(reverse("journal:detail", args=[entry.pk])))
    assert '<h1 dir="auto">שלום</h1>' in html and '<div class="entry-body" dir="auto">' in html
    form = page(owner_client.get(reverse("journal:edit", args=[entry.pk])))
    assert re.search(r'<textarea[^>]*dir="auto"', form)
    assert re.search(r'<input[^>]*name="title"[^>]*dir="auto"|dir="auto"[^>]*name="title"', form)
