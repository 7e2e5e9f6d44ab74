"""The benchmark's table, its JSON report, and the comparison of two reports."""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path

from tending.bench.pages import QUERY_BAR, RATIO_BAR, PageResult

REPORT_VERSION = 2
# Reports --compare still reads: version 1 timed wall time only (median_ms, p95_ms).
COMPARABLE_VERSIONS = (1, 2)
GENERATE_BUDGET_S = 60.0
THROUGHPUT_BAR = 0.40  # Today's and the moments list's requests/s ÷ the login page's
# When the floor's median after the pages differs from the one before by more than this, the
# machine's load changed during the run, and the ratios with it.
FLOOR_DRIFT_WARNING = 1.25


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.machine()}",
    }


def _label(key: str, width: int = 30) -> str:
    return key if len(key) <= width else key[: width - 1] + "…"


def page_table(pages: list[PageResult], floor: dict | None = None) -> str:
    header = (
        f"{'page':<30} {'CPU ms':>7} {'p95':>6} {'ratio':>6} {'wall ms':>7} {'p95':>6} "
        f"{'queries':>7} {'KB':>6}  bar"
    )
    lines = [header, "-" * len(header)]
    if floor:
        lines.append(
            f"{'floor (empty layout)':<30} {floor['cpu_ms']:>7.2f} {floor['cpu_p95_ms']:>6.2f} "
            f"{1:>6.2f} {floor['wall_ms']:>7.2f} {floor['wall_p95_ms']:>6.2f} "
            f"{floor['queries']:>7} {floor['bytes'] / 1024:>6.1f}"
        )
    for page in pages:
        label = _label(page.key)
        if not page.measured:
            lines.append(f"{label:<30} {'':>7} {'':>6} {'':>6} {'':>7} {'':>6} {'':>7} {'':>6}"
                         f"  ({page.note})")  # fmt: skip
            continue
        verdict = "met" if not page.problems else "OVER: " + ", ".join(page.problems)
        lines.append(
            f"{label:<30} {page.cpu_ms:>7.2f} {page.cpu_p95_ms:>6.2f} {page.ratio:>6.2f} "
            f"{page.wall_ms:>7.2f} {page.wall_p95_ms:>6.2f} {page.queries:>7} "
            f"{page.bytes / 1024:>6.1f}  {verdict}"
        )
    return "\n".join(lines)


def results(report: dict) -> list[PageResult]:
    return [PageResult(**{k: v for k, v in p.items() if k != "met"}) for p in report["pages"]]


def page_failures(report: dict) -> list[str]:
    """One line per page over the bar (or answering 5xx), saying why."""
    return [f"{page.key}: {', '.join(page.problems)}" for page in results(report) if page.problems]


def throughput_failures(report: dict) -> list[str]:
    found = []
    for name, ratio in (report.get("throughput") or {}).get("ratios", {}).items():
        if ratio < THROUGHPUT_BAR:
            found.append(
                f"{name} serves {ratio:.2f}× the login page's requests per second "
                f"(bar {THROUGHPUT_BAR:.2f})"
            )
    return found


def summary_lines(report: dict) -> list[str]:
    measured = [p for p in results(report) if p.measured]
    over = [p for p in measured if p.problems]
    floor = report["floor"]
    generate = report["generate_seconds"]
    lines = [
        f"The bar: each page's median CPU time ≤ {RATIO_BAR:g}× the floor's, ≤ {QUERY_BAR} "
        f"queries; ten years generated in ≤ {GENERATE_BUDGET_S:g} s.",
        f"The floor (a logged-in page with the empty layout): {floor['cpu_ms']:.2f} ms of CPU, "
        f"the median of its {floor['requests']} requests before the pages and "
        f"{floor['requests']} after ({floor['first_cpu_ms']:.2f} and "
        f"{floor['last_cpu_ms']:.2f} ms).",
        *_drift_warning(floor),
        f"Pages: {len(measured) - len(over)} of {len(measured)} within the bar"
        + (f"; over: {', '.join(p.key for p in over)}" if over else "."),
        f"Generating the data: {generate:.1f} s "
        + ("(met)" if generate <= GENERATE_BUDGET_S else "(MISSED)"),
        f"Peak memory of this process: {report['peak_memory_mb']:.0f} MB",
        *exchange_lines(report),
        *insights_lines(report),
    ]
    return lines


def insights_lines(report: dict) -> list[str]:
    """The fresh insights analysis's figure, with its bar."""
    figures = report.get("insights")
    if not figures:
        return []
    verdict = "met" if figures["within_budget"] else "MISSED"
    return [
        f"Insights analysis (fresh): {figures['cpu_ms']:.1f} ms of CPU, the median of "
        f"{figures['runs']} (gathering {figures['gather_cpu_ms']:.1f} ms; {figures['days']} days, "
        f"{figures['moments']} rated moments; bar ≤ {figures['bar_ms']:g} ms: {verdict})"
    ]


def insights_failures(report: dict) -> list[str]:
    figures = report.get("insights")
    if not figures or figures["within_budget"]:
        return []
    return [f"a fresh insights analysis took {figures['cpu_ms']:.0f} ms (≤ {figures['bar_ms']:g})"]


def exchange_lines(report: dict) -> list[str]:
    """The exports' and the import's figures, with the budget each is held to."""
    figures = report.get("exchange")
    if not figures:
        return []
    from tending.exchange.measure import EXPORT_PEAK_MB, EXPORT_SECONDS, IMPORT_SECONDS

    others = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in
                       figures.get("format_seconds", {}).items())  # fmt: skip
    verdict = "met" if figures["within_budget"] else "MISSED"
    return [
        f"Export as JSON: {figures['export_seconds']:.2f} s, peak {figures['export_peak_mb']:.0f} "
        f"MB ({figures['document_mb']:g} MB written); import {figures['import_seconds']:.2f} s "
        f"(budget ≤ {EXPORT_SECONDS:g} s, ≤ {EXPORT_PEAK_MB:g} MB, import ≤ "
        f"{IMPORT_SECONDS:g} s: {verdict})",
        f"Other exports: {others or 'none'} (each ≤ {EXPORT_SECONDS:g} s)",
    ]


def exchange_failures(report: dict) -> list[str]:
    figures = report.get("exchange")
    if not figures:
        return []
    from tending.exchange.measure import ExchangeFigures

    kept = {k: v for k, v in figures.items() if k != "within_budget"}
    return ExchangeFigures(**kept).over_budget()


def _drift_warning(floor: dict) -> list[str]:
    first, last = floor["first_cpu_ms"], floor["last_cpu_ms"]
    if min(first, last) > 0 and max(first, last) / min(first, last) <= FLOOR_DRIFT_WARNING:
        return []
    return [
        f"Careful: the floor moved from {first:.2f} to {last:.2f} ms during the run, so the "
        "machine's load changed and the ratios are less sure; run again on a quieter machine."
    ]


# The order rows appear in docs/performance.md: the way a person moves through tending.
SECTIONS = ("/today/", "/circle/", "/moments/", "/journal/", "/checkins/", "/help/", "/settings/")


def _section(key: str) -> int:
    return next((at for at, start in enumerate(SECTIONS) if key.startswith(start)), len(SECTIONS))


def _cells(page: dict | None) -> str:
    """CPU ms | ratio | queries | wall ms, or dashes for a page the report lacks."""
    if not page:
        return "– | – | – | –"
    return (
        f"{page['cpu_ms']:.2f} | {page.get('ratio', 1.0):.2f} | {page['queries']} "
        f"| {page['wall_ms']:.2f}"
    )


def markdown_table(sqlite: dict, postgresql: dict | None = None) -> str:
    """The per-page table of docs/performance.md, written from the JSON reports alone."""
    others = {_key(p): p for p in (postgresql or {}).get("pages", []) if p.get("status") == 200}
    pages = [p for p in sqlite["pages"] if p.get("status") == 200]
    pages.sort(key=lambda page: (_section(_key(page)), _key(page)))
    lines = [
        "| page | SQLite CPU ms | ratio | queries | wall ms "
        "| PostgreSQL CPU ms | ratio | queries | wall ms |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| the floor (empty layout) | {_cells(sqlite['floor'])} "
        f"| {_cells((postgresql or {}).get('floor'))} |",
    ]
    for page in pages:
        label = f"`{_key(page)}`" + (f" ({page['note']})" if page.get("note") else "")
        lines.append(f"| {label} | {_cells(page)} | {_cells(others.get(_key(page)))} |")
    return "\n".join(lines) + "\n"


TABLE_START = "<!-- per-page table: made by scripts/performance_table.py from docs/bench/*.json -->"
TABLE_END = "<!-- end of the made table -->"


def with_table(document: str, table: str) -> str:
    """`document` with the text between the two markers replaced by `table`."""
    start, end = document.index(TABLE_START), document.index(TABLE_END)
    return document[: start + len(TABLE_START)] + "\n" + table + document[end:]


def write_json(report: dict, path: Path) -> None:
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_json(path: Path, versions: tuple[int, ...] = (REPORT_VERSION,)) -> dict:
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path} could not be read as a benchmark report: {exc}") from None
    if not isinstance(report, dict) or report.get("version") not in versions:
        wanted = " or ".join(str(v) for v in versions)
        raise ValueError(f"{path} is not a tending benchmark report of version {wanted}.")
    if "pages" not in report:
        raise ValueError(f"{path} holds no pages (a flatness report cannot be compared).")
    return report


def _key(page: dict) -> str:
    return page.get("key") or page.get("url") or page["name"]


def _ratio(new: float | None, old: float | None) -> str:
    if not old or new is None:
        return "   n/a"
    return f"{new / old:>6.2f}"


def _wall(page: dict) -> float | None:
    """Median wall time; version 1 reports called it median_ms."""
    return page.get("wall_ms", page.get("median_ms"))


def compare_table(new: dict, old: dict) -> str:
    """New ÷ old for every row both reports have: below 1.00 is faster or smaller.

    A version 1 report has no CPU time and no ratio to the floor: those columns say n/a.
    """
    before = {_key(p): p for p in old.get("pages", []) if p.get("status") == 200}
    header = f"{'page':<30} {'CPU':>6} {'ratio':>6} {'wall':>6} {'queries':>7} {'size':>6}"
    lines = ["new ÷ old (below 1.00: faster or smaller)", header, "-" * len(header)]
    if new.get("floor") and old.get("floor"):
        lines.append(
            f"{'floor (empty layout)':<30} {_ratio(new['floor']['cpu_ms'], old['floor']['cpu_ms'])}"
        )
    for page in new["pages"]:
        previous = before.get(_key(page))
        if page.get("status") != 200 or previous is None:
            continue
        lines.append(
            f"{_label(_key(page)):<30} {_ratio(page.get('cpu_ms'), previous.get('cpu_ms'))} "
            f"{_ratio(page.get('ratio'), previous.get('ratio'))} "
            f"{_ratio(_wall(page), _wall(previous))} "
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
        "bar": {"ratio": RATIO_BAR, "queries": QUERY_BAR},
        "floor": {},
        "pages": [],
    }
