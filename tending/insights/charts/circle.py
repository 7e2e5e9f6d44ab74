"""Sums for the circle charts: the balance of sharing, who drifted this year, and bars to
compare. Pure: of Django, only its translation for the words (days are whole-day numbers since
1 January 1970, local time)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tending.circle.drift import Drift, drift_status

EPOCH = date(1970, 1, 1)
BAR_WIDTH = 360
BAR_LEFT = 96  # room for a name or a ring
BAR_RIGHT = 8
BAR_HEIGHT = 14
BAR_GAP = 6


def day_of(number: int) -> date:
    return EPOCH + timedelta(days=number)


def number_of(day: date) -> int:
    return (day - EPOCH).days


def times(n: int) -> str:
    return ngettext("%(num)d moment", "%(num)d moments", n) % {"num": n}


def sharing_words(you_more: int, they_more: int, even: int) -> str:
    """The balance of sharing in a sentence; counts only moments where both were noted."""
    total = you_more + they_more + even
    if total == 0:
        return _("No moment yet notes how much both of you shared.")
    return ngettext(
        "You shared more than they did in %(you)d of %(num)d moment, they shared more in "
        "%(they)d, and about the same in %(even)d.",
        "You shared more than they did in %(you)d of %(num)d moments, they shared more in "
        "%(they)d, and about the same in %(even)d.",
        total,
    ) % {"you": you_more, "num": total, "they": they_more, "even": even}


@dataclass(frozen=True)
class DriftYear:
    drifted: bool  # longer than their rhythm between moments at some time this year
    longest: int | None  # the longest stretch without a moment that touched this year, in days
    now: bool  # drifting today


def longer_than_rhythm(stretch: int, rhythm_days: int) -> bool:
    """Whether so many days without a moment is drifting, as the circle's drift has it."""
    return drift_status(EPOCH, rhythm_days, day_of(stretch)) is Drift.DRIFTING


def drift_this_year(
    rhythm_days: int,
    today: int,
    last_moment: int | None,
    longest_gap_ending_this_year: int | None,
    first_gap_this_year: int | None,
) -> DriftYear:
    """Whether someone went longer than their rhythm without a moment at any time this year.

    The stretches that touch this year: each from one moment to the next that ends this year
    (the longest given, and the one into the first moment read when its earlier one lay
    further back), and from the last moment to today. Before someone's first moment ever
    there is no stretch: they were not yet drifting."""
    stretches = [
        gap for gap in (longest_gap_ending_this_year, first_gap_this_year) if gap is not None
    ]
    now = False
    if last_moment is not None:
        since = max(0, today - last_moment)
        now = longer_than_rhythm(since, rhythm_days)
        stretches.append(since)
    drifted = any(longer_than_rhythm(s, rhythm_days) for s in stretches)
    return DriftYear(drifted, max(stretches) if stretches else None, now)


@dataclass(frozen=True)
class Bar:
    label: str
    y: float
    text_y: float
    parts: list[tuple[str, float, float, float, float]]  # (class, x, top, width, value)


def bars(rows: Sequence[tuple[str, Sequence[tuple[str, float]]]], stacked: bool) -> dict:
    """Horizontal bars, one per (label, [(class, value)…]) row: stacked end to end (shares
    of one whole) or, when not stacked, one under the other against the largest value."""
    inner = BAR_WIDTH - BAR_LEFT - BAR_RIGHT
    per_row = max((len(parts) for _, parts in rows), default=1)
    row_height = BAR_HEIGHT if stacked else BAR_HEIGHT * per_row
    largest = max((v for _, parts in rows for _, v in parts), default=0) or 1
    drawn = []
    y = 0.0
    for label, parts in rows:
        whole = sum(v for _, v in parts) if stacked else largest
        placed = []
        x = float(BAR_LEFT)
        for index, (kind, value) in enumerate(parts):
            width = round(inner * value / whole, 1) if whole else 0.0
            top = y if stacked else y + index * BAR_HEIGHT
            placed.append((kind, round(x, 1), round(top, 1), width, value))
            if stacked:
                x += width
        drawn.append(Bar(label, y, round(y + row_height / 2, 1), placed))
        y += row_height + BAR_GAP
    return {
        "width": BAR_WIDTH,
        "height": max(y - BAR_GAP, 1),
        "left": BAR_LEFT,
        "bar_height": BAR_HEIGHT - 2,
        "rows": drawn,
    }
