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
def test_a_short_run_reports_every_page_and_compares(tmp_path):
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
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (tmp_path / "mine").exists(), "the benchmark touched the person's own folder"

    report = json.loads(report_path.read_text())
    assert report["years"] == 1 and report["database"] == "SQLite"
    assert report["data"]["moments"] > 1000 and report["data"]["journal_entries"] > 100
    assert report["generate_seconds"] > 0 and report["peak_memory_mb"] > 10
    pages = {p["url"]: p for p in report["pages"]}
    for url in ("/today/", "/circle/", "/moments/", "/journal/", "/checkins/", "/login/"):
        page = pages[url]
        assert page["status"] == 200 and page["requests"] == 3, url
        assert page["queries"] >= 1 and page["bytes"] > 1000 and page["median_ms"] > 0, url
        assert page["met"] == (
            page["median_ms"] <= 15 and page["p95_ms"] <= 40 and page["queries"] <= 12
        )
    person_pages = [p for p in report["pages"] if p["name"] == "circle:person"]
    assert len(person_pages) == 1 and person_pages[0]["status"] == 200
    searches = [p for p in report["pages"] if p["key"].startswith("/journal/search/ for ")]
    assert len(searches) == 2 and all(p["status"] == 200 for p in searches)
    unmeasured = [p for p in report["pages"] if p["status"] != 200]
    assert all(p["note"] for p in unmeasured), "every page not measured says why"
    assert not [p for p in report["pages"] if p["note"].startswith("no sample")]

    out = result.stdout
    assert "median ms" in out and "Budgets: median ≤ 15 ms" in out
    # The calendar link made for the run is a secret: the table names it without it.
    feed = next(p for p in report["pages"] if p["name"] == "today:feed")
    assert feed["status"] == 200 and feed["key"] == feed["url"]
    assert feed["url"] == "/today/calendar/feed/SECRET.ics"
    token = re.compile(r"feed/[A-Za-z0-9_-]{40,}")  # what calendar.new_token() makes
    assert not token.search(out) and not token.search(report_path.read_text())
    assert "new ÷ old" in out and "/circle/" in out.split("new ÷ old")[1]


def test_bad_options_are_refused_before_anything_starts(tmp_path):
    for args, said in (
        (["--years", "0"], "--years 0"),
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


def test_the_table_says_which_budget_was_missed():
    slow = PageResult("circle:circle", "/circle/", 200, 20.0, 50.0, 13, 2048, 50)
    fine = PageResult("today:today", "/today/", 200, 5.0, 9.0, 4, 1024, 50)
    post = PageResult("circle:person_archive", "/circle/people/1/archive/", 405, note="POST only")
    table = page_table([slow, fine, post])
    assert "MISSED: median > 15 ms, p95 > 40 ms, > 12 queries" in table
    assert "/today/" in table and " met" in table.splitlines()[3]
    assert "(POST only)" in table


def test_comparison_is_new_over_old():
    new = {"pages": [{"name": "a", "url": "/a/", "status": 200, "median_ms": 5.0,
                      "p95_ms": 10.0, "queries": 4, "bytes": 500}]}  # fmt: skip
    old = {"pages": [{"name": "a", "url": "/a/", "status": 200, "median_ms": 10.0,
                      "p95_ms": 10.0, "queries": 2, "bytes": 1000}]}  # fmt: skip
    line = compare_table(new, old).splitlines()[-1]
    assert line.split()[1:] == ["0.50", "1.00", "2.00", "0.50"]


@pytest.mark.one_database  # the benchmark makes its own SQLite database
def test_a_small_load_run_under_gunicorn_loses_nothing(tmp_path):
    report_path = tmp_path / "load.json"
    result = run_bench(
        tmp_path, "--years", "1", "--requests", "1", "--load", "--load-requests", "150",
        "--clients", "3", "--json", str(report_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    load = json.loads(report_path.read_text())["load"]
    assert load["requests"] == 150 and load["clients"] == 3
    assert load["server_errors"] == 0 and load["connection_errors"] == 0
    assert load["writes_acknowledged"] >= 25 and load["writes_lost"] == 0
    assert load["p50_ms"] > 0 and load["per_second"] > 0 and load["ok"] is True
    assert "no 5xx, no write lost" in result.stdout
