"""Another account gets a 404 on every journal route that names an entry, and sees nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tending.journal.fts import ensure_search_index
from tending.journal.models import Entry
from tests.factories import JournalEntryFactory, PersonFactory

pytestmark = pytest.mark.django_db

ENTRY_ROUTES = ["journal:detail", "journal:edit", "journal:delete"]


@pytest.mark.parametrize("name", ENTRY_ROUTES)
def test_another_account_gets_404(name, owner, owner_client, other_client, anon_client):
    entry = JournalEntryFactory(owner=owner, title="Secret title", body="Secret body")
    url = reverse(name, args=[entry.pk])
    assert owner_client.get(url).status_code == 200
    for method in (other_client.get, other_client.post):
        response = method(url)
        assert response.status_code == 404 and "Secret" not in response.content.decode()
    assert anon_client.get(url).status_code == 302
    entry.refresh_from_db()
    assert entry.body == "Secret body"


def test_another_account_cannot_edit_by_post(owner, other_client):
    entry = JournalEntryFactory(owner=owner, body="Mine.")
    other_client.post(
        reverse("journal:edit", args=[entry.pk]), {"written_on": "2026-01-01", "body": "Theirs"}
    )
    entry.refresh_from_db()
    assert entry.body == "Mine." and Entry.objects.filter(pk=entry.pk).exists()


def test_lists_search_and_forms_show_only_ones_own(owner, other_client):
    sam = PersonFactory(owner=owner, name="Secret Sam")
    JournalEntryFactory(owner=owner, title="Secret title", body="Secret body", people=[sam])
    for url in (
        reverse("journal:list"),
        reverse("journal:add"),
        reverse("journal:search") + "?q=secret",  # moved to a kept search of their own
        reverse("journal:list") + f"?person={sam.pk}",
    ):
        response = other_client.get(url, follow=True)
        assert response.status_code == 200 and "Secret" not in response.content.decode(), url


def test_the_search_index_exists_on_this_database(db):
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'journal_entry_search_vector'"
            )
            assert "gin (search_vector)" in cursor.fetchone()[0].lower()
            cursor.execute(
                "SELECT is_generated FROM information_schema.columns "
                "WHERE table_name = 'journal_entry' AND column_name = 'search_vector'"
            )
            assert cursor.fetchone()[0] == "ALWAYS"  # kept by PostgreSQL on every write
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'journal_entry_fts%'")
            names = {row[0] for row in cursor.fetchall()}
            assert {"journal_entry_fts_insert", "journal_entry_fts_update"} <= names
            assert "journal_entry_fts_delete" in names


def test_lost_triggers_are_put_back_after_migrate(owner):
    from django.db import connection

    from tending.journal.search import search_entries

    if connection.vendor != "sqlite":
        assert ensure_search_index() is False
        return
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER journal_entry_fts_insert")
    JournalEntryFactory(owner=owner, body="Unindexed meadow.")
    assert search_entries(owner, "meadow") == []
    assert ensure_search_index() is True
    assert len(search_entries(owner, "meadow")) == 1
    JournalEntryFactory(owner=owner, body="Another meadow.")
    assert len(search_entries(owner, "meadow")) == 2
    assert ensure_search_index() is False
