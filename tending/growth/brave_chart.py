"""The drawing of brave steps' predictions against outcomes: for each step done, in the order
done, how hard it was expected to be and how hard it really felt, as two marks on one
upright line (0 at the bottom, 100 at the top). Pure: numbers in, SVG geometry out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

WIDTH = 360
HEIGHT = 200
LEFT = 30  # room for the 0, 50 and 100 of the scale
RIGHT = 8
TOP = 8
BOTTOM = 22  # room for the steps' numbers
MOST_SHOWN = 40  # more than this and the marks crowd: the latest are drawn, the table has all
LARGEST_MARK = 6.0
SMALLEST_MARK = 2.5
GRID = (0, 50, 100)


class Mark(NamedTuple):
    # A tuple rather than a frozen dataclass: forty are made for each drawing, and a frozen
    # dataclass sets each of its nine fields through object.__setattr__.
    number: int  # the step's place in the order done, from 1
    x: float
    expected: int
    felt: int
    expected_y: float
    felt_y: float
    way: str  # "easier", "harder" or "same": how it felt against what was expected
    labelled: bool  # whether its number is written under it
    gap: tuple[float, float] | None  # the line between the two marks' edges, if they part


@dataclass(frozen=True)
class PredictionChart:
    width: int
    height: int
    left: int
    right: int  # x where the drawing area ends
    top: int
    bottom: float  # y of the 0 line
    radius: float
    label_y: float
    grid: tuple[tuple[float, int], ...]  # (y, value) of each line across
    marks: tuple[Mark, ...]
    total: int  # steps done with an outcome, drawn or not
    first_shown: int  # number of the first step drawn (1 unless there are more than shown)


@cache  # ratings are whole numbers from 0 to 100: a hundred and one places at most
def y_of(value: int) -> float:
    """Where a 0-100 rating goes: 100 at the top, 0 on the bottom line."""
    inner = HEIGHT - TOP - BOTTOM
    return round(TOP + (100 - max(0, min(100, value))) * inner / 100, 1)


def way_of(expected: int, felt: int) -> str:
    if felt < expected:
        return "easier"
    return "harder" if felt > expected else "same"


def gap_between(one: float, other: float, radius: float) -> tuple[float, float] | None:
    """The line joining two marks on one upright, from edge to edge; None when they touch."""
    high, low = min(one, other), max(one, other)
    if low - high <= 2 * radius:
        return None
    return round(high + radius, 1), round(low - radius, 1)


def label_every(count: int) -> int:
    """Write every n-th step's number, so that numbers never run into each other."""
    for every in (1, 2, 5, 10):
        if count <= 12 * every:
            return every
    return 20


def prediction_chart(pairs: Sequence[tuple[int, int]]) -> PredictionChart | None:
    """The chart of (expected, felt) pairs in the order the steps were done; None for none.

    Each step gets an equal column; its two marks sit in the middle of it. With more than
    MOST_SHOWN steps only the latest are drawn, numbered as they are in the whole list."""
    if not pairs:
        return None
    total = len(pairs)
    first = max(0, total - MOST_SHOWN)
    shown = pairs[first:]
    inner = WIDTH - LEFT - RIGHT
    column = inner / len(shown)
    radius = round(max(SMALLEST_MARK, min(LARGEST_MARK, column / 4)), 1)
    every = label_every(len(shown))
    marks = []
    for index, (expected, felt) in enumerate(shown):
        number = first + index + 1
        x = round(LEFT + (index + 0.5) * column, 1)
        expected_y, felt_y = y_of(expected), y_of(felt)
        way, gap = way_of(expected, felt), gap_between(expected_y, felt_y, radius)
        # In Mark's order (a tuple made from its fields by name costs twice as much).
        marks.append(
            Mark(number, x, expected, felt, expected_y, felt_y, way, number % every == 0, gap)
        )
    bottom = float(HEIGHT - BOTTOM)  # y_of(0)
    return PredictionChart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=bottom,
        radius=radius,
        label_y=bottom + BOTTOM - 6,  # the numbers' baseline, in the room under the 0 line
        grid=tuple((y_of(value), value) for value in GRID),
        marks=tuple(marks),
        total=total,
        first_shown=first + 1,
    )
