"""The daily pulse over one year: a year in pixels and a weekly average line for each question,
and the months as a table. Pure: no Django."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tending.insights.charts.pixels import day_means, year_in_pixels
from tending.insights.charts.series import monthly_means, weekly_means
from tending.insights.charts.timeline import time_chart

LOW, HIGH = 1, 5


def years_to_pick(first: date | None, today: date) -> list[int]:
    """Every year from the first pulse to this one, newest first (this year alone if none)."""
    start = first.year if first is not None else today.year
    return list(range(today.year, min(start, today.year) - 1, -1))


def chosen_year(raw: str | None, years: Sequence[int]) -> tuple[int, bool]:
    """The year asked for (?year=), or the newest; and whether the ask was refused."""
    if raw is None or raw == "":
        return years[0], False
    try:
        year = int(raw)
    except ValueError:
        return years[0], True
    return (year, False) if year in years else (years[0], True)


def pulse_year(
    year: int,
    answers: Sequence[tuple[date, dict]],
    items: Sequence[tuple[str, str]],
    end: date,
) -> dict:
    """For each (key, title) question: its year in pixels and weekly average line; and a row
    per month with each question's mean and how many days had it. `answers` are (local day,
    {question key: 1-5}) for the year; `end` is where the line's axis stops."""
    charts = []
    by_month: dict[int, dict[str, tuple[float, int]]] = {m: {} for m in range(1, 13)}
    for key, title in items:
        days = day_means((day, subs[key]) for day, subs in answers if subs.get(key) is not None)
        in_order = sorted(days.items())
        weekly = [(day, value) for day, value, _ in weekly_means(in_order)]
        line = time_chart([(key, weekly)], LOW, HIGH, date(year, 1, 1), end, most_dots=0)
        for month, value, count in monthly_means(in_order):
            by_month[month.month][key] = (value, count)
        charts.append(
            {
                "key": key,
                "title": title,
                "grid": year_in_pixels(year, days),
                "line": line,
                "days": len(days),
            }
        )
    months = [(date(year, m, 1), by_month[m]) for m in range(1, 13) if by_month[m]]
    return {"charts": charts, "months": months, "any": any(c["days"] for c in charts)}
