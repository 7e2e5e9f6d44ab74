"""Today, the calendar and the account pages: at most eight queries, as many on ten years as on one.

Today reads each kind of thing once: the active people with their "not now" dates in one
query, and when each check-in and the last moment were logged in another.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

PAGES = ("/today/", "/today/?another=3", "/settings/", "/settings/password/", "/today/calendar/")
BUDGET = 8


@pytest.fixture(scope="module")
def accounts(demo_years, demo_feeds):
    return {years: (user, demo_feeds[years]) for years, user in demo_years.items()}


def counted(client: Client, url: str) -> tuple[int, int]:
    client.get(url)  # warm: the first request may load what later ones reuse
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    return status, len(queries)


def query_counts(user, token: str) -> dict[str, tuple[int, int]]:
    client = Client()
    client.force_login(user)
    counts = {url: counted(client, url) for url in PAGES}
    counts["feed"] = counted(Client(), f"/today/calendar/feed/{token}.ics")
    counts["login"] = counted(Client(), "/login/")
    return counts


@pytest.mark.django_db
def test_each_page_makes_few_queries_whatever_the_years(accounts):
    one = query_counts(*accounts[1])
    ten = query_counts(*accounts[10])
    assert one == ten, f"(status, queries) with one year vs ten: {one} {ten}"
    assert all(status == 200 for status, _ in ten.values()), ten
    over = {page: n for page, (_, n) in ten.items() if n > BUDGET}
    assert not over, f"pages over {BUDGET} queries: {over}"
