"""Geometry for the small history chart of one check-in: pure, no database, no JavaScript."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

WIDTH = 320
HEIGHT = 140
PAD_LEFT = 30
PAD_RIGHT = 10
PAD_Y = 10


@dataclass(frozen=True)
class ChartBand:
    y: float
    height: float
    label: str
    shade: int  # 0, 1, 2… for alternating shading


@dataclass(frozen=True)
class ChartDot:
    x: float
    y: float
    value: float
    when: datetime


def history_chart(
    points: Sequence[tuple[datetime, float]],
    low: float,
    high: float,
    bands: Sequence[tuple[float, float, str]] = (),
) -> dict | None:
    """Dots and a line for `points` (oldest first) on a fixed 0..range scale with shaded bands.

    One point is no history yet, so there is no chart until there are two.
    """
    if len(points) < 2:
        return None
    span = (high - low) or 1.0
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - 2 * PAD_Y

    def y_of(value: float) -> float:
        return round(PAD_Y + inner_h * (high - value) / span, 1)

    step = inner_w / (len(points) - 1)
    dots = [
        ChartDot(round(PAD_LEFT + i * step, 1), y_of(v), v, t) for i, (t, v) in enumerate(points)
    ]
    shaded = []
    for index, (band_low, band_high, label) in enumerate(bands):
        top, bottom = y_of(band_high), y_of(band_low)
        shaded.append(ChartBand(top, round(bottom - top, 1), label, index % 3))
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": PAD_LEFT,
        "inner_width": inner_w,
        "right": WIDTH - PAD_RIGHT,
        "top": PAD_Y,
        "bottom": HEIGHT - PAD_Y,
        "low": low,
        "high": high,
        "dots": dots,
        "line": " ".join(f"{d.x},{d.y}" for d in dots),
        "bands": shaded,
    }
