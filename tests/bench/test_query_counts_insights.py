"""The insights page: a few queries, as many on ten years as on one, once its result is kept.

The kept result and the fingerprint that says whether it still holds are read in one query;
working it out again (after a change, or on a new day) reads each kind of row once.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

PAGE = "/insights/"
BUDGET = 6  # the kept result, read
FRESH_BUDGET = 12  # worked out again: the days gathered, the result and first sights written


@pytest.fixture(scope="module")
def accounts(demo_years):
    return demo_years


def counts(user) -> tuple[tuple[int, int], tuple[int, int]]:
    """(status, queries) for the page worked out afresh, then for it read from what is kept."""
    from tending.insights.models import InsightsResult

    InsightsResult.objects.filter(owner=user).delete()
    client = Client()
    client.force_login(user)
    client.get("/today/")  # the session and the rest of the first visit, out of the count
    with CaptureQueriesContext(connection) as fresh:
        fresh_status = client.get(PAGE).status_code
    with CaptureQueriesContext(connection) as kept:
        kept_status = client.get(PAGE).status_code
    return (fresh_status, len(fresh)), (kept_status, len(kept))


@pytest.mark.django_db
def test_the_page_makes_few_queries_whatever_the_years(accounts):
    one, ten = counts(accounts[1]), counts(accounts[10])
    # What is kept is read alike whatever it holds; working it out writes the first sight of
    # findings only when there are some, which the years may change.
    assert one[1] == ten[1], f"(status, queries) kept, one year vs ten: {one[1]} {ten[1]}"
    for (fresh_status, fresh), (kept_status, kept) in (one, ten):
        assert fresh_status == kept_status == 200
        assert kept <= BUDGET, f"{kept} queries reading the kept result"
        assert fresh <= FRESH_BUDGET, f"{fresh} queries working it out afresh"
