"""Geometry for the small history chart of one check-in: pure, no database, no JavaScript."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

WIDTH = 320
HEIGHT = 160
PAD_LEFT = 30
PAD_RIGHT = 10
PAD_TOP = 10
PAD_BOTTOM = 30  # room under the axis for the dates
DATE_DROP = 18  # how far under the axis a date's baseline sits
MAX_DATES = 3  # first, middle, last: room for "12 Dec 2025" each at 390 px
NAMED_BAND = 14  # a band at least this tall carries its name inside it
LABEL_INSET = 4


@dataclass(frozen=True)
class ChartBand:
    y: float
    height: float
    label: str
    shade: int  # 0, 1, 2… for alternating shading
    named: bool  # tall enough to write its name in
    text_y: float  # the middle of the band, where its name goes


@dataclass(frozen=True)
class ChartDot:
    x: float
    y: float
    value: float
    when: datetime


@dataclass(frozen=True)
class ChartDate:
    x: float
    when: datetime
    anchor: str  # "start" for the first, "end" for the last, else "middle"


def date_indexes(count: int, most: int = MAX_DATES) -> list[int]:
    """Which of `count` dots get a date under the axis: the first, the last, and evenly
    between them, at most `most` in all."""
    if count <= most:
        return list(range(count))
    step = (count - 1) / (most - 1)
    return [round(i * step) for i in range(most)]


def dates_for(dots: Sequence[ChartDot]) -> list[ChartDate]:
    """The dates written under the axis, one per day at most, none at the same spot."""
    chosen: list[ChartDate] = []
    seen = set()
    last = len(dots) - 1
    for index in date_indexes(len(dots)):
        dot = dots[index]
        if dot.when.date() in seen:
            continue
        seen.add(dot.when.date())
        anchor = "start" if index == 0 else "end" if index == last else "middle"
        chosen.append(ChartDate(dot.x, dot.when, anchor))
    return chosen


def shaded_bands(bands: Sequence[tuple[float, float, str]], y_of) -> list[ChartBand]:
    """Each (low, high, label) band as a shaded strip, named inside when tall enough."""
    shaded = []
    for index, (band_low, band_high, label) in enumerate(bands):
        top, bottom = y_of(band_high), y_of(band_low)
        height = round(bottom - top, 1)
        middle = round(top + height / 2, 1)
        shaded.append(ChartBand(top, height, label, index % 3, height >= NAMED_BAND, middle))
    return shaded


def history_chart(
    points: Sequence[tuple[datetime, float]],
    low: float,
    high: float,
    bands: Sequence[tuple[float, float, str]] = (),
) -> dict | None:
    """Dots and a line for `points` (oldest first) on a fixed low..high scale, with shaded,
    named bands and a few dates along the bottom.

    One point is no history yet, so there is no chart until there are two.
    """
    if len(points) < 2:
        return None
    span = (high - low) or 1.0
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def y_of(value: float) -> float:
        return round(PAD_TOP + inner_h * (high - value) / span, 1)

    step = inner_w / (len(points) - 1)
    dots = [
        ChartDot(round(PAD_LEFT + i * step, 1), y_of(v), v, t) for i, (t, v) in enumerate(points)
    ]
    shaded = shaded_bands(bands, y_of)
    bottom = HEIGHT - PAD_BOTTOM
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": PAD_LEFT,
        "inner_width": inner_w,
        "right": WIDTH - PAD_RIGHT,
        "top": PAD_TOP,
        "bottom": bottom,
        "date_y": bottom + DATE_DROP,
        "label_x": PAD_LEFT + LABEL_INSET,
        "low": low,
        "high": high,
        "dots": dots,
        "line": " ".join(f"{d.x},{d.y}" for d in dots),
        "bands": shaded,
        "dates": dates_for(dots),
        "years_differ": dots[0].when.year != dots[-1].when.year,
    }
