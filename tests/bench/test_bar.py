"""The bar keeps its word: a page made slow fails it, a light page passes, flatness is judged.

In this process, on an account with a few rows and a handful of requests per page; speed
itself is never asserted, only that the benchmark tells a slow page from a light one.
"""

from __future__ import annotations

import time

import pytest

from tending.bench import report
from tending.bench.flat import FLAT_BAR, flat_failures, flat_report, parse_years, shape
from tending.bench.pages import RATIO_BAR, measure_pages, samples_for
from tending.bench.terminal import _verdict
from tending.core.terminal_support import CommandError
from tending.today import urls as today_urls
from tests.demo.common import make_user

SLOWED, LIGHT = "today:today", "core:password"


def burning(view, seconds: float):
    """`view`, after spending `seconds` of this thread's CPU time in a busy loop."""

    def slowed(request, *args, **kwargs):
        until = time.thread_time() + seconds
        while time.thread_time() < until:
            pass
        return view(request, *args, **kwargs)

    return slowed


@pytest.mark.django_db
def test_a_page_slowed_to_ten_floors_is_over_the_bar_and_the_run_fails(monkeypatch, capsys):
    user = make_user()
    samples = samples_for(user)
    floor, none = measure_pages(user, samples, requests=5, warmup=2, only=lambda name: False)
    assert none == [] and floor.cpu_ms > 0 and floor.queries >= 1 and floor.bytes > 1000
    [today] = [p for p in today_urls.urlpatterns if p.name == "today"]
    monkeypatch.setattr(today, "callback", burning(today.callback, 10 * floor.cpu_ms / 1000))

    floor, measured = measure_pages(
        user, samples, requests=5, warmup=2, only={SLOWED, LIGHT}.__contains__
    )
    pages = {page.name: page for page in measured}
    slow, light = pages[SLOWED], pages[LIGHT]
    assert slow.ratio == pytest.approx(slow.cpu_ms / slow.floor_cpu_ms)
    assert 0.3 < slow.floor_cpu_ms / floor.cpu_ms < 3  # the floor beside it, not the page
    assert slow.ratio > RATIO_BAR and any("the floor" in why for why in slow.problems)
    assert light.measured and light.problems == [], light
    assert floor.first_cpu_ms > 0 and floor.last_cpu_ms > 0

    result = {"pages": [page.as_dict() for page in measured]}
    failures = report.page_failures(result)
    assert len(failures) == 1 and failures[0].startswith("/today/: CPU")
    assert _verdict(failures, no_fail=False) == 1
    assert "Over the bar:\n  /today/: CPU" in capsys.readouterr().err
    assert _verdict(failures, no_fail=True) == 0
    assert _verdict([], no_fail=False) == 0 and _verdict([], no_fail=True, broken=True) == 1


def run(years: int, pages: dict[str, tuple[float, int]], floor: float = 1.0) -> dict:
    return {
        "years": years,
        "database": "SQLite",
        "floor": {"cpu_ms": floor},
        "pages": [
            {"name": key, "url": key, "key": key, "status": 200, "cpu_ms": cpu,
             "ratio": cpu / floor, "queries": queries}
            for key, (cpu, queries) in pages.items()
        ],
    }  # fmt: skip


def test_a_page_is_flat_when_its_ratio_stays_within_ten_percent_and_its_queries_equal():
    runs = [
        run(1, {"/a/": (2.0, 3), "/people/7/": (4.0, 5), "/b/": (2.0, 4), "/c/": (3.0, 2)}),
        run(10, {"/a/": (2.1, 3), "/people/61/": (4.4, 5), "/b/": (2.0, 4), "/c/": (3.0, 3)}),
        # A busier machine: every CPU time doubled, the floor's too, so the ratios hold.
        run(30, {"/a/": (4.4, 3), "/people/9/": (9.0, 5), "/b/": (4.0, 4), "/c/": (6.0, 2)}, 2),
    ]
    flat = {row["key"]: row for row in flat_report(runs)["flatness"]}
    assert flat["/a/"]["flat"] and flat["/a/"]["cpu_ms"] == [2.0, 2.1, 4.4]
    assert flat["/a/"]["ratio"] == [2.0, 2.1, 2.2] and flat["/a/"]["cpu_spread"] == 2.2
    assert flat["/people/N/"]["spread"] == 1.125 > FLAT_BAR  # 4.5 ÷ 4.0
    assert not flat["/people/N/"]["flat"] and flat["/b/"]["flat"]
    assert not flat["/c/"]["flat"]  # as fast, but one more query on ten years
    failures = flat_failures(flat_report(runs))
    assert failures == [
        "/people/N/: ratio to the floor varies 1.12× (bar 1.10×)",
        "/c/: queries 2/3/2",
    ]
    assert shape("/moments/?page=20") == "/moments/?page=N"


def test_sizes_are_read_from_the_years_option():
    assert parse_years("10") == [10] and parse_years("1,10,30") == [1, 10, 30]
    for wrong in ("0", "1,31", "ten", "1,1", ""):
        with pytest.raises(CommandError, match="--years"):
            parse_years(wrong)


def test_the_summary_warns_when_the_floor_moved_during_the_run():
    floor = {"cpu_ms": 2.0, "requests": 20, "first_cpu_ms": 1.8, "last_cpu_ms": 2.1}
    made = {"pages": [], "floor": floor, "generate_seconds": 1.0, "peak_memory_mb": 50.0}
    assert not [line for line in report.summary_lines(made) if line.startswith("Careful")]
    floor["last_cpu_ms"] = 4.4
    [warning] = [line for line in report.summary_lines(made) if line.startswith("Careful")]
    assert "from 1.80 to 4.40 ms" in warning


@pytest.mark.parametrize(("requests", "rounds"), [(1000, 5), (30, 5), (7, 5), (3, 5), (1, 5)])
def test_throughput_requests_are_shared_out_over_the_rounds(requests, rounds):
    from tending.bench.load import _rounds

    shares = _rounds(requests, rounds)
    assert sum(shares) == requests
    assert len(shares) == min(rounds, requests)
    assert max(shares) - min(shares) <= 1 and min(shares) >= 1
