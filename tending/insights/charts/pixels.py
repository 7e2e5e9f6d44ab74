"""A year in pixels: one small square per day, a row per month, coloured by that day's answer
(1 to 5); days without an answer stay blank. Pure: no Django.

Squares of one colour are drawn as one path, so a year of four questions stays a few
kilobytes instead of fifteen hundred elements.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

CELL = 11  # one day's square and the gap after it
SQUARE = 9
LEFT = 30  # room for the month's name
TOP = 14  # room for the day numbers above
LEVELS = (1, 2, 3, 4, 5)
DAY_LABELS = (1, 10, 20, 31)


@dataclass(frozen=True)
class MonthRow:
    first: date  # the month's first day, for its name
    y: int
    text_y: int
    blank_width: int  # the month's days, as a strip of blank squares


def level_of(value: float) -> int:
    """The colour step of a day's answer: rounded half up (a day of 3 and 4 is a 4), kept
    within 1..5."""
    return min(max(math.floor(value + 0.5), LEVELS[0]), LEVELS[-1])


def day_means(answers: Iterable[tuple[date, float]]) -> dict[date, float]:
    """Each day's mean answer (two pulses on one day are averaged)."""
    sums: dict[date, list[float]] = {}
    for day, value in answers:
        sums.setdefault(day, []).append(value)
    return {day: sum(values) / len(values) for day, values in sums.items()}


def year_in_pixels(year: int, days: Mapping[date, float]) -> dict:
    """The squares of one year: for each level, one path of every day at that level."""
    paths: dict[int, list[str]] = {level: [] for level in LEVELS}
    counts = dict.fromkeys(LEVELS, 0)
    for day, value in sorted(days.items()):
        if day.year != year:
            continue
        level = level_of(value)
        x, y = LEFT + (day.day - 1) * CELL, TOP + (day.month - 1) * CELL
        paths[level].append(f"M{x} {y}h{SQUARE}v{SQUARE}h-{SQUARE}z")
        counts[level] += 1
    rows = [
        MonthRow(date(year, m, 1), TOP + (m - 1) * CELL, TOP + (m - 1) * CELL + SQUARE - 1,
                 calendar.monthrange(year, m)[1] * CELL)
        for m in range(1, 13)
    ]  # fmt: skip
    return {
        "width": LEFT + 31 * CELL,
        "height": TOP + 12 * CELL,
        "left": LEFT,
        "cell": CELL,
        "square": SQUARE,
        "rows": rows,
        "paths": {level: "".join(parts) for level, parts in paths.items() if parts},
        "counts": counts,
        "answered": sum(counts.values()),
        "day_labels": [(LEFT + (d - 1) * CELL + SQUARE / 2, d) for d in DAY_LABELS],
        "label_y": TOP - 4,
    }
