"""The demo person's own weather: slow good and hard stretches, seasons, and days away."""

from __future__ import annotations

import datetime
import math
import random
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Stretch:
    start: int  # ordinal of its first day
    end: int  # ordinal of its last day
    depth: float  # how far it moves the day's level at its middle: below 0 hard, above 0 good

    @property
    def middle(self) -> int:
        return (self.start + self.end) // 2

    def __contains__(self, day: int) -> bool:
        return self.start <= day <= self.end


@dataclass
class Life:
    """One number per day for how life feels, plus the days the app was not opened.

    Check-ins and the journal both read it, so a hard winter shows in the pulses, in the weekly
    well-being and in what was written, and the insights have something real to find.
    """

    first: int  # ordinal of the first day
    last: int  # ordinal of the last day (yesterday: nothing is taken today)
    level: list[float]  # around 0; a hard stretch takes it to about -1.5
    hard: list[Stretch]
    good: list[Stretch]
    away: set[int]  # travelling: the app is opened now and then
    lapsed: set[int]  # the app is not opened at all

    @property
    def days(self) -> range:
        return range(self.first, self.last + 1)

    def at(self, day: int) -> float:
        return self.level[day - self.first]

    def mean(self, day: int, days: int) -> float:
        """The mean level over the `days` days up to and including `day`."""
        low = max(self.first, day - days + 1)
        values = self.level[low - self.first : day - self.first + 1]
        return sum(values) / len(values)

    def is_hard(self, day: int) -> bool:
        return any(day in stretch for stretch in self.hard)

    def deepest(self) -> Stretch:
        return min(self.hard, key=lambda stretch: stretch.depth)


def _stretches(
    rng: random.Random,
    first: int,
    last: int,
    count: int,
    length: tuple[int, int],
    depth: Callable[[], float],
) -> list[Stretch]:
    stretches = []
    for _ in range(count):
        days = rng.randint(*length)
        start = rng.randint(first, max(first, last - days))
        stretches.append(Stretch(start, start + days - 1, depth()))
    return sorted(stretches, key=lambda stretch: stretch.start)


def _spans(
    rng: random.Random, first: int, last: int, count: int, length: tuple[int, int]
) -> set[int]:
    days: set[int] = set()
    for _ in range(count):
        span = rng.randint(*length)
        start = rng.randint(first, max(first, last - span))
        days.update(range(start, min(last, start + span - 1) + 1))
    return days


def make_life(rng: random.Random, first: datetime.date, today: datetime.date) -> Life:
    start, last = first.toordinal(), today.toordinal() - 1
    years = (last - start + 1) / 365
    # At least one hard stretch, even in a single year, so the crisis help is always exercised.
    hard = _stretches(
        rng,
        start,
        last,
        max(1, round(years / 1.6 + rng.uniform(-0.4, 0.4))),
        (21, 80),
        lambda: -rng.uniform(0.8, 1.5),
    )
    good = _stretches(
        rng,
        start,
        last,
        max(1, round(years / 1.3 + rng.uniform(-0.4, 0.4))),
        (20, 60),
        lambda: rng.uniform(0.35, 0.7),
    )
    level = []
    drift = 0.0
    for day in range(start, last + 1):
        # A slow wander (a day is a lot like the one before), darker in midwinter.
        drift = 0.97 * drift + rng.gauss(0, 0.12)
        yearday = datetime.date.fromordinal(day).timetuple().tm_yday
        value = drift - 0.18 * math.cos(2 * math.pi * (yearday - 20) / 365.25)
        for stretch in (*hard, *good):
            if day in stretch:
                # Eases in and out rather than starting and stopping overnight.
                share = (day - stretch.start + 0.5) / (stretch.end - stretch.start + 1)
                value += stretch.depth * math.sin(math.pi * share) ** 0.7
        level.append(value)
    away = _spans(rng, start, last, round(years * rng.uniform(1.2, 2.6)), (4, 16))
    lapsed = _spans(rng, start, last, rng.randint(0, max(1, round(years / 3))), (14, 50))
    # The last weeks stay in use, so today's page always has recent days to show.
    lapsed = {day for day in lapsed if day < last - 30}
    life = Life(start, last, level, hard, good, away, lapsed - away)
    # The worst weeks are spent at home and in the app, so they show in the check-ins.
    deepest = life.deepest()
    life.away -= set(range(deepest.start, deepest.end + 1))
    life.lapsed -= set(range(deepest.start, deepest.end + 1))
    return life
