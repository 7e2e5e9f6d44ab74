"""The benchmark's line for a fresh insights analysis, and when it fails the run."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from tending.bench.report import insights_failures, insights_lines
from tending.insights.measure import ANALYSIS_MS, AnalysisFigures, measure_analysis


def figures(cpu_ms: float) -> dict:
    return AnalysisFigures(
        runs=7, cpu_ms=cpu_ms, wall_ms=cpu_ms + 5, gather_cpu_ms=80.5, days=3651,
        moments=16000, findings=4,
    ).as_dict()  # fmt: skip


def test_within_the_bar_it_is_reported_and_passes():
    report = {"insights": figures(212.3)}
    assert insights_lines(report) == [
        "Insights analysis (fresh): 212.3 ms of CPU, the median of 7 (gathering 80.5 ms; "
        "3651 days, 16000 rated moments; bar ≤ 300 ms: met)"
    ]
    assert insights_failures(report) == []
    assert report["insights"]["bar_ms"] == ANALYSIS_MS == 300


def test_over_the_bar_it_fails_the_run_and_says_so():
    report = {"insights": figures(300.4)}
    assert "MISSED" in insights_lines(report)[0]
    assert insights_failures(report) == ["a fresh insights analysis took 300 ms (≤ 300)"]
    assert figures(300.0)["within_budget"]


def test_a_run_without_it_says_nothing():
    assert insights_lines({}) == [] and insights_failures({}) == []


@pytest.mark.django_db
# At noon: twenty daily pulses at one in the morning span 21 local days, whatever the hour the
# test runs at (late in the evening, UTC, the first one had been on the day before).
@time_machine.travel(datetime(2026, 3, 20, 12, tzinfo=UTC), tick=False)
def test_measuring_runs_the_whole_analysis_each_time(owner, monkeypatch):
    from tending.insights import analysis
    from tests.insights.test_page import pulses

    pulses(owner, 20)
    seen = []
    monkeypatch.setattr(analysis, "find_patterns", lambda diary: seen.append(diary) or [])
    measured = measure_analysis(owner, runs=3)
    assert len(seen) == 4  # one to warm up, then each run
    assert measured.runs == 3 and measured.days == 21 and measured.findings == 0
    assert measured.cpu_ms > 0 and measured.gather_cpu_ms > 0
    from tending.insights.models import InsightsResult

    assert not InsightsResult.objects.exists()  # fresh every time: nothing kept
