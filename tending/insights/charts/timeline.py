"""A chart of values over real time: dots placed by their date (not one step each), dates
along the axis, bands shaded and named, and chosen points ringed. Pure: no Django.

It is the check-in history chart (tending/checkins/chart.py) with a time axis: bands come
from the same `shaded_bands`, dots are the same `ChartDot`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from tending.checkins.chart import ChartDot, shaded_bands

WIDTH = 360  # about a phone's width, so 12 px text stays 12 px there
HEIGHT = 200
PAD_LEFT = 30
PAD_RIGHT = 14
PAD_TOP = 10
PAD_BOTTOM = 30
DATE_DROP = 18
LABEL_INSET = 4
MOST_DOTS = 60  # beyond this a line alone: hundreds of dots are a smudge and a heavy page
MONTHLY_UP_TO = 140  # days: a tick each month up to between four and five months
QUARTERLY_UP_TO = 500  # then each quarter (five or six ticks at most), then years
MOST_YEAR_TICKS = 6


@dataclass(frozen=True)
class Tick:
    x: float
    when: date
    with_year: bool  # a month tick says its year on January and on the first tick


@dataclass(frozen=True)
class ChartLine:
    key: str
    line: str  # "x,y x,y…" for a polyline
    dots: list[ChartDot]  # empty when there are too many to draw


def day_number(when: date | datetime) -> float:
    """Days since year 1, with the time of day as a fraction: one number line for both."""
    number = float(when.toordinal())
    if isinstance(when, datetime):
        number += (when.hour * 3600 + when.minute * 60 + when.second) / 86400
    return number


def month_steps(start: date, end: date, every: int) -> list[date]:
    """The first days of months after `start` up to `end`, every `every`-th month of the year
    (1: each month; 3: January, April, July, October)."""
    found = []
    # Months counted from January of year 0, so the steps are a plain range, never a loop
    # that must find its own end.
    for number in range(start.year * 12 + start.month, end.year * 12 + end.month):
        year, month = divmod(number, 12)  # the month after `number`, 0 for January
        if month % every == 0:
            found.append(date(year, month + 1, 1))
    return found


def tick_days(start: date, end: date) -> tuple[list[date], bool]:
    """Where the axis gets a date, and whether they are whole years (else months)."""
    span = (end - start).days
    if span <= MONTHLY_UP_TO:
        return month_steps(start, end, 1), False
    if span <= QUARTERLY_UP_TO:
        return month_steps(start, end, 3), False
    years = list(range(start.year + 1, end.year + 1))
    every = -(-len(years) // MOST_YEAR_TICKS)  # ceil: at most MOST_YEAR_TICKS of them
    return [date(y, 1, 1) for y in years if (end.year - y) % every == 0], True


def time_chart(
    lines: Sequence[tuple[str, Sequence[tuple[date | datetime, float]]]],
    low: float,
    high: float,
    start: date | datetime,
    end: date | datetime,
    bands: Sequence[tuple[float, float, str]] = (),
    marks: Sequence[tuple[date | datetime, float]] = (),
    most_dots: int = MOST_DOTS,
) -> dict | None:
    """Each (key, points) line on a low..high scale from `start` to `end` (points oldest
    first), with shaded bands, dates along the bottom and `marks` ringed; a line of more
    than `most_dots` points is drawn without its dots (a lone point keeps its dot).

    None when no line has a point: there is nothing to draw."""
    if not any(points for _, points in lines):
        return None
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    first, last = day_number(start), day_number(end)
    width_days = (last - first) or 1.0
    span = (high - low) or 1.0

    def x_of(when: date | datetime) -> float:
        share = min(max((day_number(when) - first) / width_days, 0.0), 1.0)
        return round(PAD_LEFT + inner_w * share, 1)

    def y_of(value: float) -> float:
        share = min(max((high - value) / span, 0.0), 1.0)
        return round(PAD_TOP + inner_h * share, 1)

    drawn = []
    for key, points in lines:
        # A year of daily results is hundreds of points: placed once each, and made into dots
        # only when the line is short enough to show them.
        placed = [(x_of(t), y_of(v)) for t, v in points]
        shown = (
            [ChartDot(x, y, v, t) for (x, y), (t, v) in zip(placed, points, strict=True)]
            if len(points) <= most_dots or len(points) == 1
            else []
        )
        drawn.append(ChartLine(key, " ".join(f"{x},{y}" for x, y in placed), shown))
    start_day = start.date() if isinstance(start, datetime) else start
    end_day = end.date() if isinstance(end, datetime) else end
    days, whole_years = tick_days(start_day, end_day)
    ticks = [
        Tick(x_of(d), d, not whole_years and (d.month == 1 or i == 0)) for i, d in enumerate(days)
    ]
    bottom = HEIGHT - PAD_BOTTOM
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": PAD_LEFT,
        "right": WIDTH - PAD_RIGHT,
        "inner_width": inner_w,
        "top": PAD_TOP,
        "bottom": bottom,
        "date_y": bottom + DATE_DROP,
        "label_x": PAD_LEFT + LABEL_INSET,
        "low": low,
        "high": high,
        "bands": shaded_bands(bands, y_of),
        "lines": drawn,
        "ticks": ticks,
        "whole_years": whole_years,
        "marks": [ChartDot(x_of(t), y_of(v), v, t) for t, v in marks],
    }
