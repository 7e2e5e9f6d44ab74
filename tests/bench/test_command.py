"""`tending bench`: a fresh database, every page in the table and the JSON, and comparisons.

Speed itself is never asserted here (that is what the benchmark is for); these tests check
that the benchmark measures what it says it measures and reports it honestly.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tending.bench.pages import PageResult, percentile
from tending.bench.report import compare_table, page_table, read_json
from tending.bench.server import child_environment


def run_bench(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tending", "bench", *args],
        # Where the person's own data would be: the benchmark must not touch it.
        env=child_environment(tmp_path / "mine"),
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.one_database  # the benchmark makes its own SQLite database
def test_a_short_run_reports_every_page_against_the_floor_and_compares(tmp_path):
    old = {
        "version": 1,
        "pages": [{"name": "circle:circle", "url": "/circle/", "status": 200, "median_ms": 1.0,
                   "p95_ms": 1.0, "queries": 1, "bytes": 1000}],
        "generate_seconds": 1.0,
        "peak_memory_mb": 1.0,
    }  # fmt: skip
    (tmp_path / "old.json").write_text(json.dumps(old))
    report_path = tmp_path / "new.json"
    result = run_bench(
        tmp_path, "--years", "1", "--requests", "3", "--json", str(report_path),
        "--compare", str(tmp_path / "old.json"),
    )  # fmt: skip
    assert not (tmp_path / "mine").exists(), "the benchmark touched the person's own folder"

    report = json.loads(report_path.read_text())
    assert report["version"] == 2 and report["years"] == 1 and report["database"] == "SQLite"
    assert report["bar"] == {"ratio": 3.0, "queries": 8}
    assert report["data"]["moments"] > 1000 and report["data"]["journal_entries"] > 100
    assert report["generate_seconds"] > 0 and report["peak_memory_mb"] > 10
    floor = report["floor"]
    assert floor["cpu_ms"] > 0 and floor["requests"] == 3 and floor["queries"] >= 1
    assert min(floor["first_cpu_ms"], floor["last_cpu_ms"]) <= floor["cpu_ms"]
    assert floor["cpu_ms"] <= max(floor["first_cpu_ms"], floor["last_cpu_ms"])
    assert "/bench/" not in json.dumps(report["pages"]), "the floor is not one of the pages"
    pages = {p["url"]: p for p in report["pages"]}
    for url in ("/today/", "/circle/", "/moments/", "/journal/", "/checkins/", "/login/"):
        page = pages[url]
        assert page["status"] == 200 and page["requests"] == 3, url
        assert page["queries"] >= 1 and page["bytes"] > 1000, url
        assert 0 < page["cpu_ms"] <= page["cpu_p95_ms"] and page["wall_ms"] > 0, url
        assert page["ratio"] == pytest.approx(page["cpu_ms"] / page["floor_cpu_ms"]), url
        assert 0.3 < page["floor_cpu_ms"] / floor["cpu_ms"] < 3, url
        assert page["met"] == (page["ratio"] <= 3 and page["queries"] <= 8), url
    person_pages = [p for p in report["pages"] if p["name"] == "circle:person"]
    assert len(person_pages) == 1 and person_pages[0]["status"] == 200
    searches = [p for p in report["pages"] if p["key"].startswith("/journal/search/ for ")]
    assert len(searches) == 2 and all(p["status"] == 200 for p in searches)
    unmeasured = [p for p in report["pages"] if p["status"] != 200]
    assert all(p["note"] for p in unmeasured), "every page not measured says why"
    assert not [p for p in report["pages"] if p["note"].startswith("no sample")]

    # The run fails exactly when a page is over the bar, and says which and why.
    over = [p for p in report["pages"] if p["status"] == 200 and not p["met"]]
    assert result.returncode == (1 if over else 0), result.stdout + result.stderr
    for page in over:
        assert f"\n  {page['key']}: " in result.stderr
    out = result.stdout
    assert "CPU ms" in out and "The bar: each page's median CPU time ≤ 3× the floor's" in out
    # The exports and the import are timed on the same data, every format.
    exchange = report["exchange"]
    assert set(exchange["format_seconds"]) == {"csv", "markdown", "vcard"}
    assert exchange["export_seconds"] > 0 and exchange["export_peak_mb"] > 0
    assert exchange["import_seconds"] > 0 and exchange["document_mb"] > 0.1
    assert "Export as JSON: " in out and "Other exports: csv " in out
    # A fresh insights analysis of the same account is timed against its own bar.
    insights = report["insights"]
    assert insights["cpu_ms"] > 0 and insights["bar_ms"] == 300 and insights["days"] > 300
    assert "Insights analysis (fresh): " in out
    # The calendar link made for the run is a secret: the table names it without it.
    feed = next(p for p in report["pages"] if p["name"] == "today:feed")
    assert feed["status"] == 200 and feed["key"] == feed["url"]
    assert feed["url"] == "/today/calendar/feed/SECRET.ics"
    token = re.compile(r"feed/[A-Za-z0-9_-]{40,}")  # what calendar.new_token() makes
    assert not token.search(out) and not token.search(report_path.read_text())
    # A version 1 report had wall time only: its rows still compare, CPU and ratio say n/a.
    compared = out.split("new ÷ old")[1]
    circle = next(line for line in compared.splitlines() if line.startswith("/circle/ "))
    assert circle.split()[1:3] == ["n/a", "n/a"] and float(circle.split()[3]) > 0


def test_bad_options_are_refused_before_anything_starts(tmp_path):
    for args, said in (
        (["--years", "0"], "--years 0"),
        (["--years", "1,ten"], "--years 1,ten"),
        (["--years", "1,10", "--load"], "--load measures one size"),
        (["--requests", "0"], "--requests 0"),
        (["--compare", str(tmp_path / "missing.json")], "there is no such file"),
        (["--database-url", "mysql://x"], "must be a PostgreSQL address"),
    ):
        result = run_bench(tmp_path, *args)
        assert result.returncode == 1 and said in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_a_report_that_is_not_one_is_refused(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"version": 99}')
    with pytest.raises(ValueError, match="not a tending benchmark report"):
        read_json(path)
    path.write_text("not json")
    with pytest.raises(ValueError, match="could not be read"):
        read_json(path)


def test_percentiles_use_the_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert percentile(values, 0.95) == 95.0
    assert percentile(values, 0.5) == 50.0
    assert percentile([7.0], 0.95) == 7.0


def test_the_table_says_which_part_of_the_bar_was_missed():
    slow = PageResult("circle:circle", "/circle/", 200, cpu_ms=20.0, queries=13, ratio=10.0)
    fine = PageResult("today:today", "/today/", 200, cpu_ms=5.0, queries=4, ratio=2.5)
    post = PageResult("circle:person_archive", "/circle/people/1/archive/", 405, note="POST only")
    broken = PageResult("moments:list", "/moments/", 500, note="answers 500")
    floor = {"cpu_ms": 2.0, "cpu_p95_ms": 2.5, "wall_ms": 2.1, "wall_p95_ms": 2.6,
             "queries": 2, "bytes": 3000}  # fmt: skip
    table = page_table([slow, fine, post, broken], floor)
    assert "OVER: CPU 10.0× the floor (bar 3×), 13 queries (bar 8)" in table
    assert table.splitlines()[2].startswith("floor (empty layout)")
    assert "/today/" in table and table.splitlines()[4].endswith(" met")
    assert "(POST only)" in table and post.problems == [] and broken.problems == ["answers 500"]


def test_comparison_is_new_over_old():
    new = {"floor": {"cpu_ms": 1.0},
           "pages": [{"name": "a", "url": "/a/", "status": 200, "cpu_ms": 3.0, "ratio": 3.0,
                      "wall_ms": 5.0, "queries": 4, "bytes": 500}]}  # fmt: skip
    old = {"floor": {"cpu_ms": 2.0},
           "pages": [{"name": "a", "url": "/a/", "status": 200, "cpu_ms": 6.0, "ratio": 3.0,
                      "wall_ms": 10.0, "queries": 2, "bytes": 1000}]}  # fmt: skip
    lines = compare_table(new, old).splitlines()
    assert lines[-2].split()[-1] == "0.50"  # the floor
    assert lines[-1].split()[1:] == ["0.50", "1.00", "0.50", "2.00", "0.50"]


@pytest.mark.one_database  # the benchmark makes its own SQLite database
def test_a_small_load_run_under_gunicorn_loses_nothing(tmp_path):
    report_path = tmp_path / "load.json"
    result = run_bench(
        tmp_path, "--years", "1", "--requests", "1", "--load", "--load-requests", "150",
        "--clients", "3", "--throughput-requests", "30", "--json", str(report_path), "--no-fail",
        "--no-exchange",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    made = json.loads(report_path.read_text())
    load = made["load"]
    assert load["requests"] == 150 and load["clients"] == 3
    assert load["server_errors"] == 0 and load["connection_errors"] == 0
    assert load["writes_acknowledged"] >= 25 and load["writes_lost"] == 0
    assert load["p50_ms"] > 0 and load["per_second"] > 0 and load["ok"] is True
    assert "no 5xx, no write lost" in result.stdout
    # Each of the three pages on its own, and how Today and the moments compare to logging in.
    throughput = made["throughput"]
    assert throughput["requests_per_page"] == 30 and throughput["not_ok"] == 0
    assert set(throughput["per_second"]) == {"login", "today", "moments"}
    assert all(rate > 0 for rate in throughput["per_second"].values())
    rates = throughput["per_second"]
    assert throughput["ratios"]["today"] == pytest.approx(rates["today"] / rates["login"], 0.01)
    assert "today ÷ login" in result.stdout
