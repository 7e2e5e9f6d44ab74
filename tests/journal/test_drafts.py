"""Drafts: what is typed is kept, and offered back when the form opens again."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tending.journal.models import Entry, JournalDraft
from tests.factories import JournalEntryFactory

pytestmark = pytest.mark.django_db

KEPT = "We kept what you were writing"


def test_a_new_entry_draft_is_kept_and_restored(owner, owner_client):
    response = owner_client.post(
        reverse("journal:autosave"), {"title": "Half", "body": "Half a thought"}
    )
    assert response.status_code == 204
    html = owner_client.get(reverse("journal:add")).content.decode()
    assert KEPT in html and "Half a thought" in html and 'value="Half"' in html
    # Saving the entry uses the draft up.
    owner_client.post(
        reverse("journal:add"), {"written_on": "2026-03-14", "body": "Half a thought, done"}
    )
    assert not JournalDraft.objects.exists()
    assert KEPT not in owner_client.get(reverse("journal:add")).content.decode()


def test_one_draft_per_entry_and_one_for_new(owner, owner_client):
    entry = JournalEntryFactory(owner=owner, body="Saved text.")
    for body in ("one", "two", "three"):
        owner_client.post(reverse("journal:autosave"), {"body": body})
        owner_client.post(reverse("journal:autosave"), {"body": body, "draft_entry": entry.pk})
    assert JournalDraft.objects.count() == 2
    html = owner_client.get(reverse("journal:edit", args=[entry.pk])).content.decode()
    assert KEPT in html and "three" in html
    owner_client.post(
        reverse("journal:edit", args=[entry.pk]), {"written_on": "2026-03-14", "body": "three"}
    )
    assert list(JournalDraft.objects.values_list("entry", flat=True)) == [None]


def test_an_emptied_form_leaves_no_draft(owner, owner_client):
    owner_client.post(reverse("journal:autosave"), {"body": "something"})
    owner_client.post(reverse("journal:autosave"), {"title": " ", "body": ""})
    assert not JournalDraft.objects.exists()


def test_a_draft_for_someone_elses_entry_is_refused(owner, other_client):
    entry = JournalEntryFactory(owner=owner, body="Mine.")
    response = other_client.post(
        reverse("journal:autosave"), {"body": "theirs", "draft_entry": entry.pk}
    )
    assert response.status_code == 400 and not JournalDraft.objects.exists()


def test_autosave_only_takes_posts(owner_client):
    response = owner_client.get(reverse("journal:autosave"))
    assert response.status_code == 302 and response["Location"] == reverse("journal:add")


def test_drafts_belong_to_their_owner(owner, owner_client, other_client):
    owner_client.post(reverse("journal:autosave"), {"body": "Private thought"})
    assert "Private thought" not in other_client.get(reverse("journal:add")).content.decode()
    assert Entry.objects.count() == 0


def test_the_form_works_without_script(owner_client):
    html = owner_client.get(reverse("journal:add")).content.decode()
    assert 'method="post"' in html and "journal/journal.js" in html and "<script>" not in html
