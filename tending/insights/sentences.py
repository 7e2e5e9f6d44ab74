"""Every word the insights engine says about a pattern, in one place.

Rules (tests/insights/test_wording.py reads this file): say what went together, never that one
thing brought about another; always how many days (or moments) and the likely range in words;
for an early sign, what more would tell. Numbers are rounded to one decimal."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from tending.insights.diary import EARLY_SIGN

if TYPE_CHECKING:
    from tending.insights.analysis import Pattern

AMOUNT_UNIT_WORDS = {"minutes-together": "hour together"}


def number(value: float) -> str:
    """One decimal, without a minus sign (the words say which way): 0.56 -> "0.6"."""
    shown = f"{abs(value):.1f}"
    if shown == "0.0" and value != 0:
        shown = f"{abs(value):.2f}"
    return shown


def direction(value: float) -> str:
    return "higher" if value >= 0 else "lower"


def range_words(low: float, high: float) -> str:
    """The 95% interval in words: "most likely between 0.3 and 0.9 higher"."""
    if low >= 0 or high <= 0:
        near, far = sorted((low, high), key=abs)
        return f"most likely between {number(near)} and {number(far)} {direction(far)}"
    return f"most likely somewhere between {number(low)} lower and {number(high)} higher"


def days_words(n: int, unit: str = "day") -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def more_needed(n: float, n_effective: float, target: float) -> int:
    """How many more days (or moments) like these would bring the effective count to `target`
    (the sentence rounds it up to whole weeks of days, or to fives of moments)."""
    if n_effective >= target:
        return 0
    per_effective = n / max(n_effective, 1.0)
    return math.ceil((target - n_effective) * per_effective)


def _rounded_up(count: int, step: int) -> int:
    return step * math.ceil(count / step)


def describe(pattern: Pattern, status: str, target: float) -> str:
    """The sentence shown for one reported pattern."""
    if pattern.moments:
        text = _moment_sentence(pattern)
    elif pattern.lag_days:
        text = _next_day_sentence(pattern)
    else:
        text = _same_day_sentence(pattern)
    if status == EARLY_SIGN:
        text += " " + _early_words(pattern, target)
    return text


def _amount(pattern: Pattern) -> str:
    unit = AMOUNT_UNIT_WORDS.get(pattern.exposure, "point")
    return f"for each extra {unit}"


def _same_day_sentence(p: Pattern) -> str:
    size = f"about {number(p.effect)} points {direction(p.effect)}"
    spread = range_words(p.low, p.high)
    days = days_words(p.n_days)
    if p.binary:
        return (
            f"On days with {p.exposure_label}, {p.outcome_label} was {size} than on days "
            f"without ({spread}; {days} compared)."
        )
    return (
        f"On days with more {p.exposure_label}, {p.outcome_label} tended to be {size} "
        f"{_amount(p)} ({spread}; {days} compared)."
    )


def _next_day_sentence(p: Pattern) -> str:
    size = f"about {number(p.effect)} points {direction(p.effect)}"
    spread = range_words(p.low, p.high)
    days = days_words(p.n_days)
    if p.binary:
        return (
            f"The day after {p.exposure_label}, {p.outcome_label} was {size} than the day "
            f"after one without, allowing for how the day before went ({spread}; "
            f"{days} compared)."
        )
    return (
        f"The day after more {p.exposure_label}, {p.outcome_label} tended to be {size} "
        f"{_amount(p)}, allowing for how the day before went ({spread}; {days} compared)."
    )


def _moment_sentence(p: Pattern) -> str:
    name = p.person or "this person"
    usual = "usually " if p.effect >= 0 and p.mean_with >= 0.7 * p.scale_top else ""
    count = days_words(p.count_with, "moment")
    return (
        f"After time with {name} you {usual}felt {p.outcome_label}: "
        f"{number(p.mean_with)} of {p.scale_top} on average over {count}, about "
        f"{number(p.effect)} {direction(p.effect)} than after your other moments "
        f"({range_words(p.low, p.high)})."
    )


def _early_words(p: Pattern, target: float) -> str:
    more = more_needed(p.n_days, p.n_effective, target)
    if p.moments:
        return f"This is an early sign: about {_rounded_up(more, 5)} more rated moments would tell."
    return (
        f"This is an early sign: about {_rounded_up(more, 7)} more days of the daily pulse "
        f"would tell."
    )
