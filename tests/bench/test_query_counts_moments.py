"""The moments pages and searching everything: a fixed number of queries, the same on one year
of data as on ten, each at most the budget of eight."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tending.bench.pages import samples_for

BUDGET = 8
# Page: its queries (two of them, the session and the user, are every page's).
PINNED = {
    "/moments/": 5,
    "/moments/?person=P": 5,
    "/moments/?page=20": 5,
    "/moments/quick/": 3,
    "/moments/add/": 3,
    "/moments/add/?person=P": 4,
    "/moments/M/": 4,
    "/moments/M/edit/": 5,
    "/moments/M/delete/": 4,
    "/search/": 2,
    "search for walk": 7,
    'search for "reaching out"': 4,  # only journal entries hold that phrase
}


@pytest.fixture(scope="module")
def accounts(demo_years):
    return demo_years


def query_counts(user) -> dict[str, tuple[int, int]]:
    client = Client()
    client.force_login(user)
    values = samples_for(user).values
    counts = {}
    for page in PINNED:
        url = page.replace("P", str(values["person_id"])).replace("M", str(values["moment_id"]))
        if page.startswith("search for "):
            url = client.post("/search/", {"q": page.removeprefix("search for ")})["Location"]
        client.get(url)  # warm: the first request may load what later ones reuse
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        counts[page] = (status, len(queries))
    return counts


@pytest.mark.django_db
def test_moments_and_search_pages_make_a_fixed_number_of_queries(accounts):
    small, large = query_counts(accounts[1]), query_counts(accounts[10])
    assert small == large
    assert {page: n for page, (_, n) in large.items()} == PINNED
    assert all(status == 200 for status, _ in large.values())
    assert max(PINNED.values()) <= BUDGET
