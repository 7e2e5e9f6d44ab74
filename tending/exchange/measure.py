"""How fast and how lean the exports and the JSON import are, for the benchmark to report.

The caller brings an account already full (the benchmark's ten years of demo data); this
module knows nothing of how it was filled. The import goes into a new, empty account inside
a transaction that is rolled back, so the database is left as it was.
"""

from __future__ import annotations

import json
import time
import tracemalloc
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.db import transaction

from tending.exchange.export import write_document
from tending.exchange.importer import import_document

# What the product promises for ten years of data (issue 11).
EXPORT_SECONDS = 5.0
EXPORT_PEAK_MB = 150.0
IMPORT_SECONDS = 15.0


@dataclass(frozen=True)
class ExchangeFigures:
    rows: int
    document_mb: float
    export_seconds: float
    export_cpu_seconds: float  # this process's own time: steadier than the clock on a busy host
    export_peak_mb: float  # Python's own allocations while exporting (tracemalloc)
    import_seconds: float  # reading the file, checking it and writing it, in one transaction
    import_cpu_seconds: float
    # Every other export format's time to write the same account (CSV, Markdown, vCard).
    format_seconds: dict[str, float] = field(default_factory=dict)

    def within_budget(self) -> bool:
        return not self.over_budget()

    def over_budget(self) -> list[str]:
        """One line per figure over what the product promises, saying by how much."""
        found = []
        if self.export_seconds > EXPORT_SECONDS:
            found.append(f"the JSON export took {self.export_seconds:g} s (≤ {EXPORT_SECONDS:g})")
        if self.export_peak_mb > EXPORT_PEAK_MB:
            found.append(
                f"the JSON export's memory peaked at {self.export_peak_mb:g} MB "
                f"(≤ {EXPORT_PEAK_MB:g})"
            )
        if self.import_seconds > IMPORT_SECONDS:
            found.append(f"the JSON import took {self.import_seconds:g} s (≤ {IMPORT_SECONDS:g})")
        for name, seconds in self.format_seconds.items():
            if seconds > EXPORT_SECONDS:
                found.append(f"the {name} export took {seconds:g} s (≤ {EXPORT_SECONDS:g})")
        return found

    def as_dict(self) -> dict:
        return {**asdict(self), "within_budget": self.within_budget()}


def measure_exchange(user, folder: Path) -> ExchangeFigures:
    """Export `user` to a file in `folder` (timed, then again for memory), and import it back."""
    path = Path(folder) / "tending-export.json"
    started, cpu = time.perf_counter(), time.process_time()
    with path.open("w", encoding="utf-8") as out:
        counts = write_document(user, out)
    export_seconds, export_cpu = time.perf_counter() - started, time.process_time() - cpu

    tracemalloc.start()
    try:
        with path.open("w", encoding="utf-8") as out:
            write_document(user, out)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    import_seconds, import_cpu = _time_import(path, user)
    size = path.stat().st_size
    path.unlink()
    return ExchangeFigures(
        rows=sum(counts.values()),
        document_mb=round(size / 1e6, 1),
        export_seconds=round(export_seconds, 2),
        export_cpu_seconds=round(export_cpu, 2),
        export_peak_mb=round(peak / 1e6, 1),
        import_seconds=round(import_seconds, 2),
        import_cpu_seconds=round(import_cpu, 2),
        format_seconds=time_formats(user, folder),
    )


def time_formats(user, folder: Path) -> dict[str, float]:
    """Seconds to write each export format other than JSON to a file in `folder`."""
    from tending.exchange.formats import EXPORT_FORMATS

    found = {}
    for name, chosen in EXPORT_FORMATS.items():
        if name == "json":
            continue
        path = Path(folder) / f"tending-export{chosen.suffix}"
        started = time.perf_counter()
        with path.open("wb") as out:
            chosen.write(user, out)
        found[name] = round(time.perf_counter() - started, 2)
        path.unlink()
    return found


def _time_import(path: Path, user) -> tuple[float, float]:
    from django.contrib.auth import get_user_model

    with transaction.atomic():
        empty = get_user_model().objects.create_user(
            username=f"{user.username}-import-check", password=None
        )
        started, cpu = time.perf_counter(), time.process_time()
        document = json.loads(path.read_bytes())
        import_document(document, empty)
        took = time.perf_counter() - started, time.process_time() - cpu
        transaction.set_rollback(True)
    return took
