"""The circle's pages make a pinned number of queries, the same on one year of data as on ten.

The person page is measured on the busiest person (thousands of moments after ten years):
it reads the newest few rows and counts the rest, so nothing it asks grows with the years.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tending.circle.models import Person

# Two of them (the session and its user) come with any page.
PINNED = {
    "circle": 3,
    "circle ?archived=1": 3,
    "circle ?kind=friend": 3,
    "add": 2,
    "person": 7,
    "edit": 3,
    "delete": 4,
}


@pytest.fixture(scope="module")
def accounts(demo_years):
    return demo_years


def addresses(user) -> dict[str, str]:
    busiest = (
        Person.objects.filter(owner=user, is_archived=False)
        .annotate(n=Count("moments"))
        .order_by("-n", "pk")
        .first()
    )
    circle = reverse("circle:circle")
    return {
        "circle": circle,
        "circle ?archived=1": circle + "?archived=1",
        "circle ?kind=friend": circle + "?kind=friend",
        "add": reverse("circle:person_add"),
        "person": reverse("circle:person", args=[busiest.pk]),
        "edit": reverse("circle:person_edit", args=[busiest.pk]),
        "delete": reverse("circle:person_delete", args=[busiest.pk]),
    }


def query_counts(user) -> dict[str, int]:
    client = Client()
    client.force_login(user)
    counts = {}
    for page, url in addresses(user).items():
        client.get(url)  # warm: the first request may load what later ones reuse
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, page
        counts[page] = len(queries)
    return counts


@pytest.mark.django_db
def test_circle_pages_make_their_pinned_number_of_queries_whatever_the_years(accounts):
    assert query_counts(accounts[1]) == PINNED
    assert query_counts(accounts[10]) == PINNED
    assert max(PINNED.values()) <= 8
