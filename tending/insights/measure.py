"""How long a fresh insights analysis takes, for the benchmark to report.

Fresh means nothing kept is read: the person's days are gathered from the database and the
engine runs over them, as on the first visit after something changed. The caller brings an
account already full (the benchmark's ten years of demo data).
"""

from __future__ import annotations

import statistics
import time
from dataclasses import asdict, dataclass

# What the product promises for ten years of data (issue 18): gather and analyse together.
ANALYSIS_MS = 300.0


@dataclass(frozen=True)
class AnalysisFigures:
    runs: int
    cpu_ms: float  # median CPU time of this thread: gathering (SQLite's work included) + engine
    wall_ms: float
    gather_cpu_ms: float  # the gathering alone, median
    days: int
    moments: int
    findings: int

    def over_budget(self) -> list[str]:
        if self.cpu_ms <= ANALYSIS_MS:
            return []
        return [f"a fresh insights analysis took {self.cpu_ms:.0f} ms (≤ {ANALYSIS_MS:g})"]

    def as_dict(self) -> dict:
        return {**asdict(self), "bar_ms": ANALYSIS_MS, "within_budget": not self.over_budget()}


def _timed(work) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.thread_time()
    result = work()
    return (time.thread_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000, result


def measure_analysis(user, runs: int = 7) -> AnalysisFigures:
    """The median of `runs` fresh analyses of `user`'s days, after one to warm up."""
    from tending.insights.findings import analyse, no_collection
    from tending.insights.gather import gather

    analyse(user)
    gathering, whole, walls = [], [], []
    for _ in range(runs):
        with no_collection():
            cpu, _, diary = _timed(lambda: gather(user))
        gathering.append(cpu)
        cpu, wall, found = _timed(lambda: analyse(user))
        whole.append(cpu)
        walls.append(wall)
    return AnalysisFigures(
        runs=runs,
        cpu_ms=round(statistics.median(whole), 2),
        wall_ms=round(statistics.median(walls), 2),
        gather_cpu_ms=round(statistics.median(gathering), 2),
        days=diary.days,
        moments=len(diary.moments),
        findings=len(found.findings),
    )
