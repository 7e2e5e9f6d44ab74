"""Timing every page tending serves, through the whole request path, on one account's data.

The pages come from the URL configuration, so a new page is measured from its first day. A
route whose URL needs a row is given the heaviest sample the account has (the person with
the most moments, the check-in with the longest history); a route that only takes POST is
left to the load run. Each request goes through Django's WSGI handler with every middleware,
in this process and without a network in between; the CPU time this thread spends in that
call (SQLite's work included, a PostgreSQL server's not) is compared with the floor's.

The floor is a logged-in view that renders the base layout with no content
(tending.bench.urls, served only while measuring). It is measured before the pages and again
after them; the run's floor is the median of both runs' requests taken together. Each page's
ratio is taken against floor requests interleaved with its own (one after each of its timed
requests), so that a change in the machine's load during the run moves both alike. On a
shared machine, the journal list's ratio to the run's floor was 11.2 in one run and 13.8 in
the next; to the floor beside it, 10.1 and 9.9.
"""

from __future__ import annotations

import logging
import math
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.models import Count, F
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from tending.bench.api_calls import api_calls, token_samples
from tending.core.routes import all_routes

# The bar, on ten years of data: each page's median CPU time at most this many times the
# floor's, measured in the same run, and at most this many SQL queries.
RATIO_BAR = 3.0
QUERY_BAR = 8
WARMUP = 5
FLOOR_ROUTE = "bench:floor"
BENCH_URLCONF = "tending.bench.urls"
TEMPLATES_DIR = Path(__file__).resolve().parent / "jinja2"
HOST = "127.0.0.1"
# Words the demo journal really holds (tests/bench/test_performance_doc.py checks), so the
# search rows time real ranking and highlighting, not an empty answer.
SEARCH_WORDS = ("walk", '"reaching out"')


@dataclass
class PageResult:
    name: str
    url: str
    status: int = 0
    cpu_ms: float = 0.0  # median CPU time of the request in this process
    cpu_p95_ms: float = 0.0
    wall_ms: float = 0.0  # median wall time, reported but not part of the bar
    wall_p95_ms: float = 0.0
    queries: int = 0
    bytes: int = 0
    requests: int = 0
    # cpu_ms ÷ floor_cpu_ms: the floor's median over requests alternating with this page's
    # (each of the page's timed requests is followed by one of the floor); 0 while unknown.
    ratio: float = 0.0
    floor_cpu_ms: float = 0.0
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
        if not self.measured:
            return [f"answers {self.status}"] if self.status >= 500 else []
        found = []
        if self.ratio > RATIO_BAR:
            found.append(f"CPU {self.ratio:.1f}× the floor (bar {RATIO_BAR:g}×)")
        if self.queries > QUERY_BAR:
            found.append(f"{self.queries} queries (bar {QUERY_BAR})")
        return found

    def as_dict(self) -> dict:
        return {**asdict(self), "met": self.measured and not self.problems}


@dataclass
class Floor:
    """The floor's figures: both runs' requests taken together, and each run's median."""

    cpu_ms: float = 0.0
    cpu_p95_ms: float = 0.0
    wall_ms: float = 0.0
    wall_p95_ms: float = 0.0
    first_cpu_ms: float = 0.0
    last_cpu_ms: float = 0.0
    queries: int = 0
    bytes: int = 0
    requests: int = 0
    how: str = "median of the floor's requests before the pages and after them, together"

    def as_dict(self) -> dict:
        return asdict(self)


class TimedHandler:
    """The test client's WSGI handler, timed: CPU and wall time of each call in this thread."""

    def __init__(self, handler) -> None:
        self.handler = handler
        self.cpu: list[float] = []
        self.wall: list[float] = []

    def __call__(self, environ):
        wall, cpu = time.perf_counter(), time.thread_time()
        response = self.handler(environ)
        self.cpu.append((time.thread_time() - cpu) * 1000)
        self.wall.append((time.perf_counter() - wall) * 1000)
        return response

    def take(self) -> tuple[list[float], list[float]]:
        """The timings since the last take, and start afresh."""
        taken = self.cpu, self.wall
        self.cpu, self.wall = [], []
        return taken


def timed_client(user=None) -> Client:
    client = Client(HTTP_HOST=HOST)
    client.handler = TimedHandler(client.handler)
    if user is not None:
        client.force_login(user)
    return client


def bench_settings() -> override_settings:
    """The product's settings plus the floor's route and template, for measuring only."""
    templates = [
        {**backend, "DIRS": [*backend.get("DIRS", []), TEMPLATES_DIR]}
        for backend in settings.TEMPLATES
    ]
    return override_settings(ROOT_URLCONF=BENCH_URLCONF, TEMPLATES=templates)


@dataclass
class Samples:
    """For each URL argument, the value to measure it with (a row of the account's own)."""

    values: dict[str, object] = field(default_factory=dict)
    # Extra addresses worth their own row: a filtered list, and searches, which are posted
    # first (their words are never in an address) and then measured as the page they lead to.
    variants: list[tuple[str, str]] = field(default_factory=list)
    searches: list[str] = field(default_factory=list)
    # The HTTP API's calls: (name, URL).
    api: list[tuple[str, str]] = field(default_factory=list)


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
    values["week"] = _week_before_last()
    values["upload"] = _waiting_upload(user)
    values.update(_feedback_samples(user))
    values.update(_growth_samples(user))
    values.update(_invitation_samples(user))
    values.update(token_samples(user))
    if feed_token:
        values["token"] = feed_token
    variants = []
    if busiest is not None:
        variants.append(("moments:list", f"?person={busiest.pk}"))
        variants.append(("journal:search", f"?person={busiest.pk}"))
    variants.append(("moments:list", "?page=20"))
    # The check-in history's longer ranges: a year of results, and every one as weekly means.
    variants.append(("checkins:history", "?range=1y"))
    variants.append(("checkins:history", "?range=all"))
    # The supporter report with its entries to tick: the page's longest form.
    variants.append(("insights:report", _report_choices()))
    return Samples(
        values=values, variants=variants, searches=list(SEARCH_WORDS), api=api_calls(values)
    )


def _feedback_samples(user) -> dict[str, object]:
    """The round with the most answers (the demo's newest has fifty), one of its links still
    open, and a new link to it whose secret only this run knows, for the answer page."""
    from tending.core.ownership import owned
    from tending.mirror import services
    from tending.mirror.models import Round

    feedback = owned(Round, user).annotate(n=Count("answers")).order_by("-n", "-pk").first()
    if feedback is None:
        return {}
    found = {"round_id": feedback.pk}
    if feedback.closed_at is None:
        made = services.invite(feedback, label="The benchmark", uses=services.MOST_USES)
        found["invitation_id"] = made.invitation.pk
        found["link"] = made.token
    return found


def _growth_samples(user) -> dict[str, object]:
    """Growth's heaviest rows: the goal with the most steps (and one of them), the newest
    therapy session, a ladder in progress, the newest brave step and a thing still waiting."""
    from tending.core.ownership import owned
    from tending.growth.models import (
        BraveStep,
        BringUp,
        Goal,
        GoalStep,
        LadderSession,
        TherapySession,
    )

    found: dict[str, object] = {}
    goal = owned(Goal, user).annotate(n=Count("steps")).order_by("-n", "-pk").first()
    if goal is not None:
        found["goal_id"] = goal.pk
        step = owned(GoalStep, user).filter(goal=goal).order_by("-pk").first()
        if step is not None:
            found["goal_step_id"] = step.pk
    rows = {
        "session_id": owned(TherapySession, user).order_by("-held_on", "-pk"),
        "ladder_id": owned(LadderSession, user).order_by(
            F("finished_at").asc(nulls_first=True), "-updated_at"
        ),
        "step_id": owned(BraveStep, user).order_by("-pk"),
        "bring_up_id": owned(BringUp, user).filter(raised_in=None).order_by("-pk"),
    }
    for name, query in rows.items():
        pk = query.values_list("pk", flat=True).first()
        if pk is not None:
            found[name] = pk
    return found


def _invitation_samples(user) -> dict[str, object]:
    """An open invitation and its link (the accept page, as a visitor sees it), and a password
    e-mail's link as it reads once its secret is spent (the page a stale link opens). The
    invitations page is an administrator's: the account measured is made one (the benchmark's
    own first account already is one in personal mode; tending/invitations/admins.py)."""
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from tending.invitations.services import make_invitation

    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    made = make_invitation(user, note="The benchmark")
    return {
        "invite_id": made.invitation.pk,
        "invite_link": made.token,
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "reset_token": "set-password",
    }


@contextmanager
def answers_unlimited():
    """The answer page's limits per address and link (and the invitation page's per address)
    lifted, so the benchmark's hundreds of requests from one address time the page, not its
    refusal (the counting is still done)."""
    from tending.invitations import views as invitations
    from tending.mirror import respond

    limits = respond.PER_ADDRESS, respond.PER_LINK, invitations.PER_ADDRESS
    respond.PER_ADDRESS = respond.PER_LINK = invitations.PER_ADDRESS = 10**9
    try:
        yield
    finally:
        respond.PER_ADDRESS, respond.PER_LINK, invitations.PER_ADDRESS = limits


def _report_choices() -> str:
    """The report's default period with journal entries to tick, as its form sends them."""
    from django.utils import timezone

    from tending.insights.report import default_period

    start, end = default_period(timezone.localdate())
    parts = "&".join(f"sections={key}" for key in ("scores", "moments", "journal"))
    return f"?start={start.isoformat()}&end={end.isoformat()}&{parts}"


def _week_before_last() -> str:
    """The weekly review of the week before the one just gone: a whole week of rows."""
    from datetime import timedelta

    from django.utils import timezone

    from tending.insights.weeks import week_just_gone

    return (week_just_gone(timezone.localdate()) - timedelta(days=7)).isoformat()


def _waiting_upload(user) -> str:
    """A file waiting for its import to be confirmed, for the preview page (swept in an hour)."""
    from django.conf import settings

    from tending.exchange import uploads

    return uploads.keep(settings.DATA_DIR, user.pk, "tending", b"{}").token


def page_addresses(samples: Samples) -> list[tuple[str, str | None, str]]:
    """(route name, URL or None, why not) for every route, then the variants."""
    found: list[tuple[str, str | None, str]] = []
    for name, args in all_routes():
        if name.startswith("bench:"):  # the floor, measured on its own
            continue
        missing = [a for a in args if a not in samples.values]
        if missing:
            found.append((name, None, f"no sample for {', '.join(missing)}"))
            continue
        found.append((name, reverse(name, kwargs={a: samples.values[a] for a in args}), ""))
    route_args = dict(all_routes())
    for name, query in samples.variants:
        kwargs = {a: samples.values[a] for a in route_args.get(name, [])}
        found.append((name, reverse(name, kwargs=kwargs) + query, ""))
    found += [(name, url, "") for name, url in samples.api]
    return found


def kept_search(client: Client, words: str) -> str:
    """Search the journal as the page does, and return the results page it leads to."""
    answer = client.post(reverse("journal:search"), {"q": words})
    return answer["Location"]


def _time(client: Client, url: str, requests: int) -> tuple[list[float], list[float]]:
    client.handler.take()
    for _ in range(requests):
        client.get(url)
    return client.handler.take()


def _time_beside_floor(
    client: Client, url: str, requests: int, beside: Client
) -> tuple[list[float], list[float], list[float]]:
    """Each request of `url` followed by one of the floor (by `beside`, logged in)."""
    floor_url = reverse(FLOOR_ROUTE)
    cpu, wall, floor_cpu = [], [], []
    for _ in range(requests):
        client.handler.take()
        client.get(url)
        [took], [waited] = client.handler.take()
        cpu.append(took)
        wall.append(waited)
        beside.handler.take()
        beside.get(floor_url)
        [took], _ = beside.handler.take()
        floor_cpu.append(took)
    return cpu, wall, floor_cpu


def measure_page(
    client: Client,
    name: str,
    url: str,
    requests: int = 50,
    warmup: int = WARMUP,
    beside: Client | None = None,
) -> PageResult:
    """One page: its status, then after a warm-up its queries, size and timings."""
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
    if beside is None:
        cpu, wall = _time(client, url, requests)
    else:
        cpu, wall, floor_cpu = _time_beside_floor(client, url, requests, beside)
        result.floor_cpu_ms = statistics.median(floor_cpu)
    result.requests = requests
    result.cpu_ms, result.cpu_p95_ms = statistics.median(cpu), percentile(cpu, 0.95)
    result.wall_ms, result.wall_p95_ms = statistics.median(wall), percentile(wall, 0.95)
    return result


def _floor(client: Client, requests: int, warmup: int) -> tuple[PageResult, list, list]:
    url = reverse(FLOOR_ROUTE)
    first = measure_page(client, FLOOR_ROUTE, url, requests=1, warmup=warmup)
    if first.status != 200:
        raise RuntimeError(f"The floor ({url}) answered {first.status}, not 200.")
    cpu, wall = _time(client, url, requests)
    return first, cpu, wall


def measure_pages(
    user,
    samples: Samples,
    requests: int = 50,
    warmup: int = WARMUP,
    only: Callable[[str], bool] | None = None,
) -> tuple[Floor, list[PageResult]]:
    """The floor, every page as `user` sees it (or those whose route `only` keeps), the floor
    again; each `requests` times after a warm-up, with each page's ratio to the floor."""
    client = timed_client(user)
    nobody = timed_client()
    # A POST-only route answers a GET with 405, which Django logs; that is expected here.
    request_log = logging.getLogger("django.request")
    level = request_log.level
    request_log.setLevel(logging.ERROR)
    try:
        with bench_settings(), answers_unlimited():
            shape, cpu, wall = _floor(client, requests, warmup)
            measured = list(_measure_all(client, nobody, samples, requests, warmup, only))
            _, cpu_after, wall_after = _floor(client, requests, warmup)
    finally:
        request_log.setLevel(level)
    floor = Floor(
        cpu_ms=statistics.median(cpu + cpu_after),
        cpu_p95_ms=percentile(cpu + cpu_after, 0.95),
        wall_ms=statistics.median(wall + wall_after),
        wall_p95_ms=percentile(wall + wall_after, 0.95),
        first_cpu_ms=statistics.median(cpu),
        last_cpu_ms=statistics.median(cpu_after),
        queries=shape.queries,
        bytes=shape.bytes,
        requests=requests,
    )
    for page in measured:
        # The floor's requests interleaved with the page's see the same machine load, which
        # moves on a shared machine; the run's floor is the fallback.
        beside = page.floor_cpu_ms or floor.cpu_ms
        if page.measured and beside > 0:
            page.ratio = page.cpu_ms / beside
    return floor, measured


def _measure_all(client, nobody, samples, requests, warmup, only) -> Iterator[PageResult]:
    keep = only or (lambda name: True)
    for name, url, why_not in page_addresses(samples):
        if not keep(name):
            continue
        if url is None:
            result = PageResult(name=name, url="", note=why_not)
        elif name == "core:logout":
            result = PageResult(name=name, url=url, note="POST only: ends the session")
        else:
            result = measure_page(client, name, url, requests, warmup, beside=client)
            if result.status == 302:  # a page for people who are not logged in
                result = measure_page(nobody, name, url, requests, warmup, beside=client)
                result.note = result.note or "logged out"
        # A secret made for this run: not in the table or the report.
        if name == "today:feed":
            result.key = result.url = "/today/calendar/feed/SECRET.ics"
        elif name == "mirror:respond":
            result.key = result.url = "/mirror/answer/SECRET/"
        elif name == "invitations:accept":
            result.key = result.url = "/invite/SECRET/"
        yield result
    if not keep("journal:search"):
        return
    for words in samples.searches:
        url = kept_search(client, words)
        result = measure_page(client, "journal:search", url, requests, warmup, beside=client)
        result.key = f"/journal/search/ for {words}"
        yield result
