"""One check-in's scores over a stretch of time, ready to draw and to read as a table.
Pure: no Django."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from tending.checkins.definitions import Instrument
from tending.insights.charts.series import (
    meaningful_changes,
    monthly_means,
    needs_weekly,
    weekly_means,
)
from tending.insights.charts.timeline import time_chart

TABLE_ROWS = 60  # up to this many results the table lists each; beyond, monthly means
TABLE_MONTHS = 60  # up to this many months the table gives each; beyond, yearly means
DRAWN_WEEKS = 400  # up to this many weeks (near eight years) drawn weekly; beyond, monthly
MOST_MARKS = 40  # the newest meaningful changes ringed on the chart (all are counted)


def score_chart(
    inst: Instrument,
    points: Sequence[tuple[datetime, float]],
    start: datetime,
    end: datetime,
    weeks: Sequence[tuple[date, float, int]] | None = None,
) -> dict | None:
    """The chart of `points` (oldest first) from start to end, its table and its marks.

    Over more than a year the line is drawn through weekly means, so ten years of daily
    results stay a small drawing; each meaningful change is found between results, not means.
    `weeks` (Monday, mean, results), when given, are those means already summed (by the
    database) in place of the points. None when there is no result in the stretch."""
    if not points and not weeks:
        return None
    low, high = inst.score_range()
    bands = [(b.low, b.high, b.label) for b in inst.bands]
    changes = meaningful_changes(inst, points)
    weekly = weeks is not None or needs_weekly(start, end)
    if weeks is None:
        weeks = weekly_means(points) if weekly else []
    count = sum(n for _, _, n in weeks) if weekly else len(points)
    monthly = count > TABLE_ROWS
    months = (monthly_means(points) if points else months_of_weeks(weeks)) if monthly else []
    # Decades of weeks are more points than the chart has pixels: drawn by month instead,
    # so the drawing stays the same size however long the history grows.
    averages = ("monthly" if len(weeks) > DRAWN_WEEKS else "weekly") if weekly else None
    drawn = {None: points, "weekly": weeks, "monthly": months}[averages]
    marks = [(when, value) for when, value, _ in changes[-MOST_MARKS:]]
    line = [(when, value) for when, value, *_ in drawn]
    chart = time_chart([("score", line)], low, high, start, end, bands, marks)
    rows = [(when, value, 1) for when, value in points] if not monthly else months
    yearly = len(months) > TABLE_MONTHS
    if yearly:
        rows = years_of_months(months)
    return {
        "chart": chart,
        "averages": averages,
        "yearly": yearly,
        "count": count,
        "first": points[0][0] if points else weeks[0][0],
        "first_is_week": not points,
        "changes": changes,
        "marked": len(marks),
        "monthly": monthly,
        "rows": rows,
        "defines_change": inst.meaningful_change is not None,
    }


def months_of_weeks(weeks: Sequence[tuple[date, float, int]]) -> list[tuple[date, float, int]]:
    """Monthly means from weekly (Monday, mean, results), each week counted in the month its
    Monday falls in, weighted by its results."""
    sums: dict[date, list[float]] = {}
    for monday, value, n in weeks:
        total = sums.setdefault(monday.replace(day=1), [0.0, 0])
        total[0] += value * n
        total[1] += n
    return [(month, total / n, int(n)) for month, (total, n) in sorted(sums.items())]


def years_of_months(months: Sequence[tuple[date, float, int]]) -> list[tuple[date, float, int]]:
    """Yearly means from monthly (first of the month, mean, results), weighted by results."""
    sums: dict[date, list[float]] = {}
    for first, value, n in months:
        total = sums.setdefault(date(first.year, 1, 1), [0.0, 0])
        total[0] += value * n
        total[1] += n
    return [(year, total / n, int(n)) for year, (total, n) in sorted(sums.items())]
