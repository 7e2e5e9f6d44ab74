"""The benchmark's lines about the exports and the import, and when they fail the run."""

from __future__ import annotations

from tending.bench.report import exchange_failures, exchange_lines
from tending.exchange.measure import ExchangeFigures


def figures(**changes) -> dict:
    values = dict(
        rows=30000, document_mb=12.3, export_seconds=0.49, export_cpu_seconds=0.45,
        export_peak_mb=10.0, import_seconds=1.21, import_cpu_seconds=1.1,
        format_seconds={"csv": 0.71, "markdown": 0.17, "vcard": 0.01},
    )  # fmt: skip
    values.update(changes)
    return ExchangeFigures(**values).as_dict()


def test_figures_within_the_budget_are_reported_and_pass():
    report = {"exchange": figures()}
    lines = exchange_lines(report)
    assert lines == [
        "Export as JSON: 0.49 s, peak 10 MB (12.3 MB written); import 1.21 s "
        "(budget ≤ 5 s, ≤ 150 MB, import ≤ 15 s: met)",
        "Other exports: csv 0.71 s, markdown 0.17 s, vcard 0.01 s (each ≤ 5 s)",
    ]
    assert exchange_failures(report) == []
    assert report["exchange"]["within_budget"] is True


def test_each_figure_over_the_budget_fails_the_run_and_says_which():
    report = {"exchange": figures(export_seconds=5.01, export_peak_mb=150.1,
                                  import_seconds=15.5, format_seconds={"csv": 6.0,
                                  "vcard": 5.0})}  # fmt: skip
    assert exchange_failures(report) == [
        "the JSON export took 5.01 s (≤ 5)",
        "the JSON export's memory peaked at 150.1 MB (≤ 150)",
        "the JSON import took 15.5 s (≤ 15)",
        "the csv export took 6 s (≤ 5)",
    ]
    assert "MISSED" in exchange_lines(report)[0]


def test_exactly_at_the_budget_is_within_it():
    report = {"exchange": figures(export_seconds=5.0, export_peak_mb=150.0, import_seconds=15.0)}
    assert exchange_failures(report) == []


def test_a_run_without_the_exchange_says_nothing_of_it():
    assert exchange_lines({}) == [] and exchange_failures({}) == []
    assert exchange_lines({"exchange": None}) == []
