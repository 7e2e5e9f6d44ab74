#!/usr/bin/env python3
"""Write the per-page table of docs/performance.md from docs/bench/sqlite.json and postgresql.json.

    .venv/bin/python scripts/performance_table.py

Run it after copying new reports into docs/bench/; tests/bench/test_performance_doc.py fails
while the table and the reports disagree, so the figures cannot drift apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tending.bench.report import markdown_table, read_json, with_table  # noqa: E402

DOCUMENT = ROOT / "docs" / "performance.md"
REPORTS = ROOT / "docs" / "bench"


def main() -> int:
    postgresql = REPORTS / "postgresql.json"
    table = markdown_table(
        read_json(REPORTS / "sqlite.json"),
        read_json(postgresql) if postgresql.exists() else None,
    )
    DOCUMENT.write_text(with_table(DOCUMENT.read_text(encoding="utf-8"), table), encoding="utf-8")
    print(f"Wrote the table of {DOCUMENT.relative_to(ROOT)} from {REPORTS.relative_to(ROOT)}/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
