"""The benchmark's table, its JSON report, and the comparison of two reports."""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path

from tending.bench.pages import MEDIAN_BUDGET_MS, P95_BUDGET_MS, QUERY_BUDGET, PageResult

REPORT_VERSION = 1
GENERATE_BUDGET_S = 60.0


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.machine()}",
    }


def page_table(pages: list[PageResult]) -> str:
    header = f"{'page':<30} {'median ms':>9} {'p95 ms':>8} {'queries':>7} {'KB':>7}  budget"
    lines = [header, "-" * len(header)]
    for page in pages:
        label = page.key if len(page.key) <= 30 else page.key[:29] + "…"
        if not page.measured:
            lines.append(f"{label:<30} {'':>9} {'':>8} {'':>7} {'':>7}  ({page.note})")
            continue
        verdict = "met" if not page.problems else "MISSED: " + ", ".join(page.problems)
        lines.append(
            f"{label:<30} {page.median_ms:>9.1f} {page.p95_ms:>8.1f} {page.queries:>7} "
            f"{page.bytes / 1024:>7.1f}  {verdict}"
        )
    return "\n".join(lines)


def summary_lines(report: dict) -> list[str]:
    pages = [PageResult(**{k: v for k, v in p.items() if k != "met"}) for p in report["pages"]]
    measured = [p for p in pages if p.measured]
    missed = [p for p in measured if p.problems]
    generate = report["generate_seconds"]
    lines = [
        f"Budgets: median ≤ {MEDIAN_BUDGET_MS:g} ms, p95 ≤ {P95_BUDGET_MS:g} ms, "
        f"≤ {QUERY_BUDGET} queries per page; ten years generated in ≤ {GENERATE_BUDGET_S:g} s.",
        f"Pages: {len(measured) - len(missed)} of {len(measured)} within budget"
        + (f"; missed: {', '.join(p.url for p in missed)}" if missed else "."),
        f"Generating the data: {generate:.1f} s "
        + ("(met)" if generate <= GENERATE_BUDGET_S else "(MISSED)"),
        f"Peak memory of this process: {report['peak_memory_mb']:.0f} MB",
    ]
    return lines


# The order rows appear in docs/performance.md: the way a person moves through tending.
SECTIONS = ("/today/", "/circle/", "/moments/", "/journal/", "/checkins/", "/help/", "/settings/")


def _section(key: str) -> int:
    return next((at for at, start in enumerate(SECTIONS) if key.startswith(start)), len(SECTIONS))


def _times(page: dict | None) -> str:
    return f"{page['median_ms']:.1f} / {page['p95_ms']:.1f}" if page else "–"


def markdown_table(sqlite: dict, postgresql: dict | None = None) -> str:
    """The per-page table of docs/performance.md, written from the JSON reports alone."""
    others = {_key(p): p for p in (postgresql or {}).get("pages", []) if p.get("status") == 200}
    pages = [p for p in sqlite["pages"] if p.get("status") == 200]
    pages.sort(key=lambda page: (_section(_key(page)), _key(page)))
    lines = ["| page | SQLite | queries | KB | PostgreSQL |", "|---|---|---|---|---|"]
    for page in pages:
        label = f"`{_key(page)}`" + (f" ({page['note']})" if page.get("note") else "")
        lines.append(
            f"| {label} | {_times(page)} | {page['queries']} | {page['bytes'] / 1024:.1f} "
            f"| {_times(others.get(_key(page)))} |"
        )
    return "\n".join(lines) + "\n"


TABLE_START = "<!-- per-page table: made by scripts/performance_table.py from docs/bench/*.json -->"
TABLE_END = "<!-- end of the made table -->"


def with_table(document: str, table: str) -> str:
    """`document` with the text between the two markers replaced by `table`."""
    start, end = document.index(TABLE_START), document.index(TABLE_END)
    return document[: start + len(TABLE_START)] + "\n" + table + document[end:]


def write_json(report: dict, path: Path) -> None:
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_json(path: Path) -> dict:
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path} could not be read as a benchmark report: {exc}") from None
    if not isinstance(report, dict) or report.get("version") != REPORT_VERSION:
        raise ValueError(f"{path} is not a tending benchmark report of version {REPORT_VERSION}.")
    return report


def _key(page: dict) -> str:
    return page.get("key") or page.get("url") or page["name"]


def _ratio(new: float, old: float) -> str:
    if not old:
        return "   n/a"
    return f"{new / old:>6.2f}"


def compare_table(new: dict, old: dict) -> str:
    """New ÷ old for every row both reports have: below 1.00 is faster or smaller."""
    before = {_key(p): p for p in old.get("pages", []) if p.get("status") == 200}
    header = f"{'page':<30} {'median':>6} {'p95':>6} {'queries':>7} {'size':>6}"
    lines = ["new ÷ old (below 1.00: faster or smaller)", header, "-" * len(header)]
    for page in new["pages"]:
        previous = before.get(_key(page))
        if page.get("status") != 200 or previous is None:
            continue
        label = _key(page) if len(_key(page)) <= 30 else _key(page)[:29] + "…"
        lines.append(
            f"{label:<30} {_ratio(page['median_ms'], previous['median_ms'])} "
            f"{_ratio(page['p95_ms'], previous['p95_ms'])} "
            f"{_ratio(page['queries'], previous['queries']):>7} "
            f"{_ratio(page['bytes'], previous['bytes'])}"
        )
    for key in ("generate_seconds", "peak_memory_mb"):
        if key in new and key in old:
            lines.append(f"{key:<30} {_ratio(new[key], old[key])}")
    return "\n".join(lines)


def new_report(database: str, years: int, data: dict) -> dict:
    return {
        "version": REPORT_VERSION,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "database": database,
        "years": years,
        "data": data,
        "pages": [],
    }
