"""Timing every page tending serves, through the whole request path, on one account's data.

The pages come from the URL configuration, so a new page is measured from its first day. A
route whose URL needs a row is given the heaviest sample the account has (the person with
the most moments, the check-in with the longest history); a route that only takes POST is
left to the load run. Server time is measured in this process through Django's WSGI
handler with every middleware, without a network in between.
"""

from __future__ import annotations

import logging
import math
import statistics
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tending.core.routes import all_routes

# Budgets on ten years of SQLite data on a 2-core machine.
MEDIAN_BUDGET_MS = 15.0
P95_BUDGET_MS = 40.0
QUERY_BUDGET = 12
HOST = "127.0.0.1"
# Words the demo journal really holds (tests/bench/test_performance_doc.py checks), so the
# search rows time real ranking and highlighting, not an empty answer.
SEARCH_WORDS = ("walk", '"reaching out"')


@dataclass
class PageResult:
    name: str
    url: str
    status: int = 0
    median_ms: float = 0.0
    p95_ms: float = 0.0
    queries: int = 0
    bytes: int = 0
    requests: int = 0
    note: str = ""
    # What the row is called in tables and comparisons; the URL itself may hold a secret
    # made for this run (the calendar link, a kept search).
    key: str = ""

    def __post_init__(self) -> None:
        self.key = self.key or self.url or self.name

    @property
    def measured(self) -> bool:
        return self.status == 200

    @property
    def problems(self) -> list[str]:
        found = []
        if self.median_ms > MEDIAN_BUDGET_MS:
            found.append(f"median > {MEDIAN_BUDGET_MS:g} ms")
        if self.p95_ms > P95_BUDGET_MS:
            found.append(f"p95 > {P95_BUDGET_MS:g} ms")
        if self.queries > QUERY_BUDGET:
            found.append(f"> {QUERY_BUDGET} queries")
        return found

    def as_dict(self) -> dict:
        return {**asdict(self), "met": self.measured and not self.problems}


@dataclass
class Samples:
    """For each URL argument, the value to measure it with (a row of the account's own)."""

    values: dict[str, object] = field(default_factory=dict)
    # Extra addresses worth their own row: a filtered list, and searches, which are posted
    # first (their words are never in an address) and then measured as the page they lead to.
    variants: list[tuple[str, str]] = field(default_factory=list)
    searches: list[str] = field(default_factory=list)


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(share * len(ordered))))
    return ordered[rank - 1]


def samples_for(user, feed_token: str | None = None) -> Samples:
    """The heaviest rows of `user` to put in each URL, and a few extra addresses."""
    from tending.checkins.models import CheckIn
    from tending.circle.models import ClosenessRating, Person
    from tending.core.ownership import owned
    from tending.journal.models import Entry
    from tending.moments.models import Moment
    from tending.safety.models import OwnCrisisLine, PlanEntry, PlanHelper

    busiest = (
        owned(Person, user)
        .filter(is_archived=False)
        .annotate(n=Count("moments"))
        .order_by("-n", "pk")
        .first()
    )
    checkin = (
        owned(CheckIn, user).values("instrument_id").annotate(n=Count("pk")).order_by("-n").first()
    )
    instrument = checkin["instrument_id"] if checkin else "daily-pulse"
    rows = {
        "person_id": busiest,
        "moment_id": owned(Moment, user).filter(people=busiest).first() if busiest else None,
        "rating_id": owned(ClosenessRating, user).first(),
        "checkin_id": owned(CheckIn, user).filter(instrument_id=instrument).first(),
        "journal_entry_id": owned(Entry, user).first(),
        "entry_id": owned(PlanEntry, user).first(),
        "helper_id": owned(PlanHelper, user).first(),
        "line_id": owned(OwnCrisisLine, user).first(),
    }
    values: dict[str, object] = {arg: row.pk for arg, row in rows.items() if row is not None}
    values["instrument"] = instrument
    if feed_token:
        values["token"] = feed_token
    variants = []
    if busiest is not None:
        variants.append(("moments:list", f"?person={busiest.pk}"))
        variants.append(("journal:search", f"?person={busiest.pk}"))
    variants.append(("moments:list", "?page=20"))
    return Samples(values=values, variants=variants, searches=list(SEARCH_WORDS))


def page_addresses(samples: Samples) -> list[tuple[str, str | None, str]]:
    """(route name, URL or None, why not) for every route, then the variants."""
    found: list[tuple[str, str | None, str]] = []
    for name, args in all_routes():
        missing = [a for a in args if a not in samples.values]
        if missing:
            found.append((name, None, f"no sample for {', '.join(missing)}"))
            continue
        found.append((name, reverse(name, kwargs={a: samples.values[a] for a in args}), ""))
    for name, query in samples.variants:
        found.append((name, reverse(name) + query, ""))
    return found


def kept_search(client: Client, words: str) -> str:
    """Search the journal as the page does, and return the results page it leads to."""
    answer = client.post(reverse("journal:search"), {"q": words})
    return answer["Location"]


def measure_page(
    client: Client, name: str, url: str, requests: int = 50, warmup: int = 5
) -> PageResult:
    result = PageResult(name=name, url=url)
    response = client.get(url)
    result.status = response.status_code
    if response.status_code != 200:
        result.note = {405: "POST only: measured in the load run"}.get(
            response.status_code, f"answers {response.status_code}"
        )
        return result
    for _ in range(warmup):
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    result.queries = len(queries)
    result.bytes = len(response.content)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    result.requests = requests
    result.median_ms = statistics.median(timings)
    result.p95_ms = percentile(timings, 0.95)
    return result


def measure_pages(
    user,
    samples: Samples,
    requests: int = 50,
) -> list[PageResult]:
    """Every page as `user` sees it, `requests` times each after a warm-up."""
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    nobody = Client(HTTP_HOST=HOST)
    # A POST-only route answers a GET with 405, which Django logs; that is expected here.
    request_log = logging.getLogger("django.request")
    level = request_log.level
    request_log.setLevel(logging.ERROR)
    try:
        return list(_measure_all(client, nobody, samples, requests))
    finally:
        request_log.setLevel(level)


def _measure_all(client, nobody, samples, requests) -> Iterator[PageResult]:
    for name, url, why_not in page_addresses(samples):
        if url is None:
            result = PageResult(name=name, url="", note=why_not)
        elif name == "core:logout":
            result = PageResult(name=name, url=url, note="POST only: ends the session")
        else:
            result = measure_page(client, name, url, requests=requests)
            if result.status == 302:  # a page for people who are not logged in
                result = measure_page(nobody, name, url, requests=requests)
                result.note = result.note or "logged out"
        if name == "today:feed":  # a secret made for this run: not in the table or the report
            result.key = result.url = "/today/calendar/feed/SECRET.ics"
        yield result
    for words in samples.searches:
        result = measure_page(client, "journal:search", kept_search(client, words), requests)
        result.key = f"/journal/search/ for {words}"
        yield result
