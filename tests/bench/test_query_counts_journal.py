"""The journal's pages make a fixed number of queries, the same on one year of data as on ten.

Each page is pinned to its count: a query added by a change (a lazy read in a template, a
person looked up per row) shows here as a number that moved, not only as a slower page.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tending.bench.pages import kept_search
from tending.circle.models import Person
from tending.core.models import Tag
from tending.journal.models import Entry

# Two queries on every page are the session's and the user's.
PINNED = {
    # The index (months, years, the count), this month's calendar (issue 15: one query for
    # the days written), the page's entries, their people and tags.
    "list": 6,
    "list page 3": 6,
    "list month": 7,  # and the nearest months with entries on either side
    "list day": 7,  # the day's month as for "list month"; the calendar counts the day
    "list year": 5,  # the index with that year's months, the page, people and tags
    "list person": 6,  # the person, how many, the page, people and tags
    "detail": 5,  # the entry, its people, its tags
    "edit": 6,  # the entry, the draft, its people and tags in one, the people to choose
    "delete": 3,
    "add": 4,
    "hidden prompts": 3,
    "search": 3,  # the form's people and tags in one
    "search person": 5,  # how many (from its links), the page, the form's choices
    "search tag": 5,
    "search walk": 5,  # how many match, the page of hits, the form's choices
    'search "reaching out"': 5,
}


@pytest.fixture(scope="module")
def accounts(demo_years):
    return demo_years


def addresses(user, client) -> dict[str, str]:
    entry = Entry.objects.filter(owner=user).order_by("-written_on", "-pk").first()
    oldest = Entry.objects.filter(owner=user).order_by("written_on", "pk").first()
    person = (
        Person.objects.filter(owner=user)
        .annotate(n=Count("journal_entries"))
        .order_by("-n", "pk")
        .first()
    )
    tag = Tag.objects.filter(owner=user, journal_entries__isnull=False).first()
    return {
        "list": "/journal/",
        "list page 3": "/journal/?page=3",
        "list month": f"/journal/?month={entry.written_on:%Y-%m}",
        "list day": f"/journal/?day={entry.written_on:%Y-%m-%d}",
        "list year": f"/journal/?year={oldest.written_on:%Y}",
        "list person": f"/journal/?person={person.pk}",
        "detail": f"/journal/{entry.pk}/",
        "edit": f"/journal/{entry.pk}/edit/",
        "delete": f"/journal/{entry.pk}/delete/",
        "add": "/journal/write/",
        "hidden prompts": "/journal/prompts/hidden/",
        "search": "/journal/search/",
        "search person": f"/journal/search/?person={person.pk}",
        "search tag": f"/journal/search/?tag={tag.pk}",
        "search walk": kept_search(client, "walk"),
        'search "reaching out"': kept_search(client, '"reaching out"'),
    }


def counts(user) -> dict[str, int]:
    client = Client()
    client.force_login(user)
    found = {}
    for page, url in addresses(user, client).items():
        client.get(url)  # warm: the first request may load what later ones reuse
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, page
        found[page] = len(queries)
    return found


@pytest.mark.django_db
def test_journal_pages_make_their_pinned_number_of_queries_whatever_the_data(accounts):
    assert counts(accounts[1]) == PINNED
    assert counts(accounts[10]) == PINNED
    assert max(PINNED.values()) <= 8
