"""Issue 14: logic that was written twice now lives once; these pin what the one copy does."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from tending.journal.fts import mend_index
from tending.journal.search import quoted_query

FORGOTTEN = "That search is no longer kept here"


def test_item_14_one_quoting_serves_both_databases_and_the_prefix_match():
    terms = [("river",), ("long", "walk"), ("or",)]
    # FTS5 and websearch_to_tsquery read the same text: every term quoted, "or" a word.
    assert quoted_query(terms) == '"river" "long walk" "or"'
    # Searching everything: a single word also matches longer words it begins; a phrase not.
    assert quoted_query(terms, prefix=True) == '"river"* "long walk" "or"*'
    assert quoted_query([]) == ""


@pytest.mark.parametrize("page", ["journal:search", "search:everything"])
def test_item_14_an_unknown_kept_search_reads_the_same_on_both_pages(owner_client, page):
    forgotten = owner_client.get(reverse(page) + "?s=not-a-kept-key")
    assert forgotten.status_code == 200
    assert FORGOTTEN in forgotten.content.decode()
    fresh = owner_client.get(reverse(page))
    assert fresh.status_code == 200
    assert FORGOTTEN not in fresh.content.decode()


@pytest.mark.django_db
def test_item_14_mending_an_index_puts_back_only_what_is_missing():
    if connection.vendor != "sqlite":
        assert mend_index("default", "any_fts", {}, []) is False
        return
    with connection.cursor() as cursor:
        cursor.execute("CREATE VIRTUAL TABLE item14_fts USING fts5(body)")
        cursor.execute("CREATE TABLE item14_source (id INTEGER PRIMARY KEY, body TEXT)")
        cursor.execute("INSERT INTO item14_source (body) VALUES ('river walk')")
    trigger = (
        "CREATE TRIGGER IF NOT EXISTS item14_fts_insert AFTER INSERT ON item14_source "
        "BEGIN INSERT INTO item14_fts(rowid, body) VALUES (new.id, new.body); END"
    )
    triggers = {"item14_fts_insert": trigger}
    fill = [
        "DELETE FROM item14_fts",
        "INSERT INTO item14_fts(rowid, body) SELECT id, body FROM item14_source",
    ]
    assert mend_index("default", "item14_fts", triggers, fill) is True  # trigger was missing
    assert mend_index("default", "item14_fts", triggers, fill) is False  # whole again
    assert mend_index("default", "no_such_fts", triggers, fill) is False  # no table, no work
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO item14_source (body) VALUES ('long road')")
        cursor.execute("SELECT rowid FROM item14_fts WHERE item14_fts MATCH 'river OR road'")
        assert sorted(row for (row,) in cursor.fetchall()) == [1, 2]  # filled, then kept
