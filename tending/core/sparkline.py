"""A small sparkline: a list of numbers drawn as an inline SVG line, no Django needed.

The drawing is 112 × 24 units (the stylesheet shows it 7 × 1.5 rem, the same shape), the
newest value last and marked with a dot. Higher values are drawn higher. A value of None is a
day without one: the line breaks there rather than joining across the gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH = 112
HEIGHT = 24
PAD = 3  # room for the line's width and the last dot, so neither is cut at the edge
DOT = 2.5


def _number(value: float) -> str:
    """A coordinate with one decimal, written short: 12, 12.5, never 12.0 or -0."""
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def points(
    values: Sequence[float | None],
    lo: float | None = None,
    hi: float | None = None,
) -> list[tuple[float, float] | None]:
    """Where each value goes in the drawing: (x, y), or None where there is no value.

    The values are spread evenly from left to right. The scale runs from `lo` to `hi` when
    given (a questionnaire's own range), else from the smallest value to the largest; a flat
    series is drawn across the middle. A value outside a given range is kept at its edge.
    """
    known = [v for v in values if v is not None]
    if not known:
        return [None for _ in values]
    bottom = min(known) if lo is None else lo
    top = max(known) if hi is None else hi
    span = top - bottom
    inner_w = WIDTH - 2 * PAD
    inner_h = HEIGHT - 2 * PAD
    placed: list[tuple[float, float] | None] = []
    for index, value in enumerate(values):
        if value is None:
            placed.append(None)
            continue
        x = PAD + index * inner_w / (len(values) - 1) if len(values) > 1 else WIDTH / 2
        share = 0.5 if span <= 0 else min(1.0, max(0.0, (value - bottom) / span))
        placed.append((x, HEIGHT - PAD - share * inner_h))
    return placed


def _runs(placed: list[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """The unbroken stretches of the line, split where a value is missing."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in placed:
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def sparkline_svg(
    values: Sequence[float | None],
    label: str = "",
    lo: float | None = None,
    hi: float | None = None,
) -> str:
    """The sparkline as SVG markup; an empty string when there is no value to draw.

    With a label it is an image with that name for screen readers; without one it is
    hidden from them, for a line that only repeats numbers written next to it.
    """
    placed = points(values, lo, hi)
    last = next((p for p in reversed(placed) if p is not None), None)
    if last is None:
        return ""
    name = f'role="img" aria-label="{escape(label)}"' if label else 'aria-hidden="true"'
    parts = [f'<svg class="sparkline" viewBox="0 0 {WIDTH} {HEIGHT}" {name} focusable="false">']
    for run in _runs(placed):
        if len(run) > 1:
            coords = " ".join(f"{_number(x)},{_number(y)}" for x, y in run)
            parts.append(f'<polyline points="{coords}"/>')
    parts.append(f'<circle cx="{_number(last[0])}" cy="{_number(last[1])}" r="{DOT}"/>')
    parts.append("</svg>")
    return "".join(parts)
