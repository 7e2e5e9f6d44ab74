"""One check-in's scores over a stretch of time, ready to draw and to read as a table.
Pure: no Django."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from tending.checkins.definitions import Instrument
from tending.insights.charts.series import (
    meaningful_changes,
    monthly_means,
    needs_weekly,
    weekly_means,
)
from tending.insights.charts.timeline import time_chart

TABLE_ROWS = 60  # up to this many results the table lists each; beyond, monthly means
MOST_MARKS = 40  # the newest meaningful changes ringed on the chart (all are counted)


def score_chart(
    inst: Instrument, points: Sequence[tuple[datetime, float]], start: datetime, end: datetime
) -> dict | None:
    """The chart of `points` (oldest first) from start to end, its table and its marks.

    Over more than a year the line is drawn through weekly means, so ten years of daily
    results stay a small drawing; each meaningful change is found between results, not means.
    None when there is no result in the stretch."""
    if not points:
        return None
    low, high = inst.score_range()
    bands = [(b.low, b.high, b.label) for b in inst.bands]
    changes = meaningful_changes(inst, points)
    weekly = needs_weekly(start, end)
    drawn = [(day, value) for day, value, _ in weekly_means(points)] if weekly else list(points)
    marks = [(when, value) for when, value, _ in changes[-MOST_MARKS:]]
    chart = time_chart([("score", drawn)], low, high, start, end, bands, marks)
    monthly = len(points) > TABLE_ROWS
    rows = monthly_means(points) if monthly else [(when, value, 1) for when, value in points]
    return {
        "chart": chart,
        "weekly": weekly,
        "count": len(points),
        "changes": changes,
        "marked": len(marks),
        "monthly": monthly,
        "rows": rows,
        "defines_change": inst.meaningful_change is not None,
    }
