"""Flatness: the same pages on several amounts of data, each size in a fresh database.

Each size is a whole `tending bench` run in a child process (its own database, its own floor),
so one size's rows and caches cannot flatter another's. A page is flat when its ratio to the
floor (its median CPU time ÷ the floor's, from the same run) at the largest and smallest sizes
differs by at most FLAT_BAR, and its queries are the same at every size.

The ratio, not the CPU time itself, is compared: the sizes run one after the other, and on a
shared machine the same request's CPU time moves with what else runs (the floor, which reads
no data, has measured 1.8 ms in one run and 4.4 ms in the next). The floor is measured in
each run, so dividing by it cancels that; the CPU times are reported beside it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from tending.bench import report as reports
from tending.core.terminal_support import CommandError

FLAT_BAR = 1.10  # the largest ratio to the floor ÷ the smallest, across the sizes


def parse_years(text: str) -> list[int]:
    """`10` or `1,10,30`: the sizes to build, in order, each from 1 to 30 years."""
    try:
        sizes = [int(part) for part in text.split(",")]
    except ValueError:
        raise CommandError(
            f"--years {text}: give a number of years, or several: 1,10,30."
        ) from None
    if not sizes or any(not 1 <= n <= 30 for n in sizes):
        raise CommandError(f"--years {text}: please choose from 1 to 30 years.")
    if len(set(sizes)) != len(sizes):
        raise CommandError(f"--years {text}: each size once, please.")
    return sizes


def shape(key: str) -> str:
    """A page's key without the row numbers, which differ from one database to the next."""
    return re.sub(r"[0-9]+", "N", key)


def run_sizes(sizes: list[int], requests: int, database_url: str | None) -> list[dict]:
    """One `tending bench` per size, in a child process; their JSON reports in order."""
    found = []
    with tempfile.TemporaryDirectory(prefix="tending-flat-") as folder:
        for years in sizes:
            path = Path(folder) / f"{years}.json"
            command = [sys.executable, "-m", "tending", "bench", "--years", str(years),
                       "--requests", str(requests), "--json", str(path), "--no-fail",
                       "--no-exchange"]  # fmt: skip
            if database_url:
                command += ["--database-url", database_url]
            print(f"{years} years: generating and timing every page…", flush=True)
            done = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ))
            if done.returncode != 0 or not path.exists():
                raise CommandError(
                    f"The run on {years} years failed (exit {done.returncode}):\n"
                    + (done.stdout[-2000:] + done.stderr[-2000:]).strip()
                )
            found.append(reports.read_json(path))
    return found


def flatness(runs: list[dict]) -> list[dict]:
    """Per page present at every size: CPU median, ratio and queries at each, and the verdict."""
    sizes = [run["years"] for run in runs]
    by_size = [
        {shape(reports._key(p)): p for p in run["pages"] if p.get("status") == 200} for run in runs
    ]
    rows = []
    for key in by_size[0]:
        if not all(key in pages for pages in by_size):
            continue
        seen = [pages[key] for pages in by_size]
        cpu = [page["cpu_ms"] for page in seen]
        ratio = [page["ratio"] for page in seen]
        spread = _spread(ratio)
        queries = [page["queries"] for page in seen]
        rows.append(
            {
                "key": key,
                "years": sizes,
                "cpu_ms": cpu,
                "ratio": ratio,
                "queries": queries,
                "cpu_spread": round(_spread(cpu), 3),
                "spread": round(spread, 3),
                "flat": spread <= FLAT_BAR and len(set(queries)) == 1,
            }
        )
    return rows


def _spread(values: list[float]) -> float:
    return max(values) / min(values) if min(values) > 0 else float("inf")


def flat_report(runs: list[dict]) -> dict:
    return {
        "version": reports.REPORT_VERSION,
        "kind": "flatness",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": reports.machine(),
        "database": runs[0]["database"],
        "sizes": [run["years"] for run in runs],
        "bar": {"spread": FLAT_BAR, "of": "ratio to the floor", "queries": "equal"},
        "flatness": flatness(runs),
        "runs": runs,
    }


def flat_failures(report: dict) -> list[str]:
    found = []
    for row in report["flatness"]:
        if row["flat"]:
            continue
        why = []
        if row["spread"] > FLAT_BAR:
            why.append(f"ratio to the floor varies {row['spread']:.2f}× (bar {FLAT_BAR:.2f}×)")
        if len(set(row["queries"])) > 1:
            why.append(f"queries {'/'.join(str(n) for n in row['queries'])}")
        found.append(f"{row['key']}: {', '.join(why)}")
    return found


def flat_table(report: dict) -> str:
    """CPU ms and ratio at each size, the ratio's spread, the queries, and the verdict."""
    sizes = report["sizes"]
    cells = "".join(f" {f'{n} y ms':>8} {'ratio':>5}" for n in sizes)
    header = f"{'page':<30}{cells} {'spread':>6} {'queries':>9}  flat"
    floors = "".join(f" {run['floor']['cpu_ms']:>8.2f} {'':>5}" for run in report["runs"])
    lines = [header, "-" * len(header), f"{'floor (empty layout)':<30}{floors}"]
    for row in report["flatness"]:
        label = row["key"] if len(row["key"]) <= 30 else row["key"][:29] + "…"
        pairs = zip(row["cpu_ms"], row["ratio"], strict=True)
        times = "".join(f" {cpu:>8.2f} {ratio:>5.2f}" for cpu, ratio in pairs)
        queries = "/".join(str(n) for n in row["queries"])
        lines.append(
            f"{label:<30}{times} {row['spread']:>6.3f} {queries:>9}  "
            + ("yes" if row["flat"] else "NO")
        )
    return "\n".join(lines)
