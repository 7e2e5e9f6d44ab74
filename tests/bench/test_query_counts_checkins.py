"""Check-in and safety pages: a fixed number of queries, the same on one year as on five.

Two demo accounts (one and five years) are filled once for the module; each page is asked
for by both, warmed once, and its queries counted. The result page is also pinned with a
safety rule fired, when crisis help and the plan come first, and the history's second page,
whose chart needs its own query.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tending.checkins.models import CheckIn
from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin
from tests.bench.demo_accounts import demo_accounts

# Each page's queries; two of them (the session and the user) come with any logged-in page.
PINNED = {
    "checkins:index": 5,  # frequencies, drafts, the newest of each instrument
    "checkins:settings": 3,
    "checkins:take": 3,
    "checkins:result": 3,  # the check-in, the one before it and the recent ones: one query
    "checkins:result fired": 7,  # and crisis help: the country, own numbers, the plan (two)
    "checkins:history": 5,  # the count, one page, and the chart's range (two columns)
    "checkins:history page 2": 5,  # a later page reads the chart's points on their own
    "checkins:delete": 3,
    "safety:crisis": 6,
    "safety:plan": 4,
    "safety:print": 6,
    "safety:settings": 4,
}


def fired_checkin(user) -> int:
    """A hard-days check-in whose answers fire a safety rule; its id."""
    inst = get_instrument("hard-days")
    answers = {item.id: 0 for item in inst.items}
    answers[next(rule.item for rule in inst.safety_rules)] = 1
    fired = save_checkin(user, inst, answers)
    assert fired.safety_fired
    return fired.pk


@pytest.fixture(scope="module")
def accounts(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), demo_accounts("checkins", (1, 5), fired_checkin) as made:
        yield made


def addresses(user, fired_pk: int) -> dict[str, str]:
    newest = CheckIn.objects.filter(owner=user, instrument_id="daily-pulse").first()
    history = reverse("checkins:history", args=["daily-pulse"])
    return {
        "checkins:index": reverse("checkins:index"),
        "checkins:settings": reverse("checkins:settings"),
        "checkins:take": reverse("checkins:take", args=["daily-pulse"]),
        "checkins:result": reverse("checkins:result", args=[newest.pk]),
        "checkins:result fired": reverse("checkins:result", args=[fired_pk]),
        "checkins:history": history,
        "checkins:history page 2": f"{history}?page=2",
        "checkins:delete": reverse("checkins:delete", args=[newest.pk]),
        "safety:crisis": reverse("safety:crisis"),
        "safety:plan": reverse("safety:plan"),
        "safety:print": reverse("safety:print"),
        "safety:settings": reverse("safety:settings"),
    }


def query_counts(user, fired_pk: int) -> dict[str, tuple[int, int]]:
    client = Client()
    client.force_login(user)
    counts = {}
    for name, url in addresses(user, fired_pk).items():
        client.get(url)  # warm: the first request may load what later ones reuse
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        counts[name] = (status, len(queries))
    return counts


@pytest.mark.django_db
def test_each_page_makes_its_pinned_number_of_queries_whatever_the_years(accounts):
    one = query_counts(*accounts[1])
    five = query_counts(*accounts[5])
    assert one == five, "(status, queries) with one year vs five differ"
    assert five == {name: (200, n) for name, n in PINNED.items()}
    assert max(PINNED.values()) <= 8
