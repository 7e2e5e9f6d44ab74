"""Pages whose destructive action sits under "More" or behind a question asked in place."""

from __future__ import annotations

import re

from django.urls import reverse

from tests.factories import JournalEntryFactory, PersonFactory
from tests.today.test_calendar import turn_on


def tucked(html: str, label: str, holder: str) -> bool:
    """Whether the control named `label` is inside a <details class="{holder}">."""
    for block in re.findall(rf'<details class="{holder}[^"]*">(.*?)</details>', html, re.S):
        if label in block:
            return True
    return False


def test_a_journal_entry_and_a_person_keep_delete_under_more(owner, owner_client):
    entry = JournalEntryFactory(owner=owner, body="A quiet walk.")
    html = owner_client.get(reverse("journal:detail", args=[entry.pk])).content.decode()
    actions = re.search(r'<div class="actions">(.*?)</div>', html, re.S).group(1)
    assert "Delete" not in actions and tucked(html, "Delete this entry…", "more")
    sam = PersonFactory(owner=owner, name="Sam")
    html = owner_client.get(reverse("circle:person", args=[sam.pk])).content.decode()
    assert tucked(html, "Delete <bdi>Sam</bdi>…", "more")
    assert html.count(f"circle/people/{sam.pk}/delete/") == 1


def test_the_calendar_link_asks_before_it_is_switched_off_or_replaced(owner_client):
    turn_on(owner_client)
    html = owner_client.get(reverse("today:calendar")).content.decode()
    assert tucked(html, "Switch it off", "confirm") and tucked(html, "Make a new link", "confirm")
    assert "<summary>Switch off…</summary>" in html
