"""Searching everything on SQLite starts from the full-text index, whatever indexes the rows
have: walking ten years of moments newest first and matching each one took seconds."""

from __future__ import annotations

import pytest
from django.db import connection

from tending.journal.search import search_terms
from tending.search.finding import KIND_ORDER, _sqlite_part

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_only]


@pytest.mark.parametrize("kind", KIND_ORDER)
def test_each_kind_is_found_from_the_full_text_index_first(owner, kind):
    sql, params = _sqlite_part(owner, kind, search_terms("walk"))
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        steps = [row[-1] for row in cursor.fetchall()]
    assert steps[0].startswith("SCAN search_everywhere_fts"), steps
