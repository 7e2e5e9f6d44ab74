"""Every page makes the same number of queries on one year of data as on ten: no N+1.

Two accounts (one year and ten years of demo data, filled once for the folder: conftest.py);
each page is asked for by both and the queries counted. The pages and the rows in their URLs
come from the benchmark's own list, so a page added later is pinned too.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tending.bench.pages import QUERY_BAR, kept_search, page_addresses, samples_for

# Session, user, people, the last check-ins and moment, and the small rest in one query.
TODAY_QUERIES = 5


@pytest.fixture(scope="module")
def accounts(demo_years, demo_feeds):
    return {years: (user, demo_feeds[years]) for years, user in demo_years.items()}


def query_counts(user, token: str) -> dict[str, tuple[int, int]]:
    """{address pattern: (status, queries)} for every page the benchmark measures."""
    client = Client()
    client.force_login(user)
    samples = samples_for(user, feed_token=token)
    counts = {}
    for name, url, why_not in page_addresses(samples):
        assert url is not None, f"{name}: {why_not}"
        query = url.split("?", 1)[1] if "?" in url else ""
        key = f"{name} {re.sub(r'[0-9]+', 'N', query)}".strip()
        client.get(url)  # warm: the first request may load what later ones reuse
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        counts[key] = (status, len(queries))
    for words in samples.searches:
        found = kept_search(client, words)
        client.get(found)
        with CaptureQueriesContext(connection) as queries:
            status = client.get(found).status_code
        counts[f"journal:search {words}"] = (status, len(queries))
    return counts


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_data(accounts):
    one = query_counts(*accounts[1])
    ten = query_counts(*accounts[10])
    assert one.keys() == ten.keys()
    grown = {page: (one[page], ten[page]) for page in one if one[page] != ten[page]}
    assert not grown, f"(status, queries) with one year vs ten: {grown}"
    over = {page: n for page, (status, n) in ten.items() if status == 200 and n > QUERY_BAR}
    assert not over, f"pages over the budget of {QUERY_BAR} queries: {over}"
    # Today reads people, check-ins and moments once each, and the small rest in one query.
    status, queries = ten["today:today"]
    assert status == 200 and queries <= TODAY_QUERIES, ten["today:today"]
    assert sum(status == 200 for status, _ in ten.values()) >= 30
