"""Years of demo check-ins: daily pulses, weekly well-being, and now and then a deeper check."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

from tending.checkins.models import CheckIn, CheckInChoice, CheckInDraft, Frequency
from tending.checkins.registry import get_instrument
from tending.checkins.scoring import score
from tending.checkins.services import stored
from tending.demo.life import Life

PULSE, WEEKLY, STRESS = "daily-pulse", "weekly-wellbeing", "stress"
CONNECTION, HARD_DAYS = "connection", "hard-days"
Answers = dict[str, int | None]
# How much a day with a moment of feeling understood lifts the evening's pulse, on the
# 1-5 scale before rounding: the pattern the insights page should be able to find.
UNDERSTOOD_MOOD, UNDERSTOOD_CONNECTED = 0.3, 0.45


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _taken_at(rng: random.Random, day: int, zone, hours: list[int]) -> datetime.datetime:
    time = datetime.time(rng.choice(hours), rng.randrange(60))
    return datetime.datetime.combine(datetime.date.fromordinal(day), time, tzinfo=zone)


class _Days:
    """What each day brought, as the check-ins feel it."""

    def __init__(self, life: Life, understood: set[int], seen: dict[int, int]):
        self.life, self.understood, self.seen = life, understood, seen

    def felt(self, day: int) -> float:
        return self.life.at(day) + (0.3 if day in self.understood else 0.0)

    def felt_mean(self, day: int, days: int) -> float:
        low = max(self.life.first, day - days + 1)
        return sum(self.felt(d) for d in range(low, day + 1)) / (day - low + 1)

    def understood_share(self, day: int, days: int) -> float:
        low = max(self.life.first, day - days + 1)
        return sum(d in self.understood for d in range(low, day + 1)) / (day - low + 1)

    def home(self, day: int) -> bool:
        return day not in self.life.away and day not in self.life.lapsed


def _pulse(rng: random.Random, days: _Days, day: int) -> Answers:
    level = days.life.at(day)
    weekend = datetime.date.fromordinal(day).weekday() >= 5
    understood = day in days.understood
    seen = min(3, days.seen.get(day, 0))
    answers: Answers = {
        "mood": _clamp(3.3 + level + UNDERSTOOD_MOOD * understood + rng.gauss(0, 0.6), 1, 5),
        "energy": _clamp(3.0 + 0.8 * level + 0.25 * weekend + rng.gauss(0, 0.7), 1, 5),
        "stress": _clamp(2.7 - 0.8 * level - 0.35 * weekend + rng.gauss(0, 0.7), 1, 5),
        "connected": _clamp(
            3.0 + 0.6 * level + UNDERSTOOD_CONNECTED * understood + 0.12 * seen
            + rng.gauss(0, 0.6),
            1,
            5,
        ),
    }  # fmt: skip
    if rng.random() < 0.03:
        answers[rng.choice(list(answers))] = None  # one skipped question is prorated
    return answers


def _weekly(rng: random.Random, days: _Days, day: int) -> Answers:
    # Two weeks of days as the pulses felt them, so the weekly score follows the pulses.
    base = 2.8 + 1.4 * days.felt_mean(day, 14)
    offsets = {"good-spirits": 0.2, "at-ease": -0.1, "get-up-and-go": 0.0, "rested": -0.4}
    offsets["interest"] = 0.3
    answers: Answers = {
        item: _clamp(base + offset + rng.gauss(0, 0.55), 0, 5) for item, offset in offsets.items()
    }
    if rng.random() < 0.04:
        answers[rng.choice(list(answers))] = None
    return answers


def _stress(rng: random.Random, days: _Days, day: int) -> Answers:
    month = days.life.mean(day, 30)
    return {
        "out-of-hands": _clamp(1.7 - 1.1 * month + rng.gauss(0, 0.7), 0, 4),
        "handling": _clamp(2.4 + 1.0 * month + rng.gauss(0, 0.7), 0, 4),  # asked hopefully
        "going-well": _clamp(2.2 + 1.1 * month + rng.gauss(0, 0.7), 0, 4),
        "piling-up": _clamp(2.0 - 0.9 * month + rng.gauss(0, 0.7), 0, 4),
    }


def _connection(rng: random.Random, days: _Days, day: int) -> Answers:
    # Lonelier when life is low and when few days held a moment of being understood.
    lonely = 1.75 - 0.5 * days.life.mean(day, 30) - 1.2 * (days.understood_share(day, 30) - 0.6)
    items = {"companionship": 0.0, "left-out": -0.1, "isolated": -0.2}
    return {item: _clamp(lonely + lift + rng.gauss(0, 0.45), 1, 3) for item, lift in items.items()}


def _hard_days(rng: random.Random, days: _Days, day: int, fire: bool) -> Answers:
    fortnight = days.life.mean(day, 14)
    answers: Answers = {
        "little-interest": _clamp(0.5 - 1.1 * fortnight + rng.gauss(0, 0.5), 0, 3),
        "feeling-low": _clamp(0.4 - 1.2 * fortnight + rng.gauss(0, 0.5), 0, 3),
        "self-harm": 1 if fire else 0,
    }
    if not fire and rng.random() < 0.07:
        answers["self-harm"] = None  # that question may always be left out
    return answers


def _schedule(
    rng: random.Random, days: _Days, gap: Callable[[int], int], away_odds: float
) -> list[int]:
    """Days a check is taken: every `gap(day)` days, put off while away or not using the app."""
    life, taken = days.life, []
    due = life.first + rng.randint(0, gap(life.first))
    for day in life.days:
        if day < due or day in life.lapsed:
            continue
        if day in life.away and rng.random() >= away_odds:
            continue
        taken.append(day)
        due = day + gap(day)
    return taken


def _hard_schedule(rng: random.Random, days: _Days) -> list[int]:
    life, taken = days.life, []
    due = life.first + rng.randint(0, 60)
    for day in life.days:
        if not days.home(day):
            continue
        if life.is_hard(day) and due > day + 15:
            due = day + rng.randint(0, 6)  # a hard stretch brings the check forward
        if day >= due:
            taken.append(day)
            due = day + (rng.randint(8, 15) if life.is_hard(day) else rng.randint(35, 80))
    return taken


def draft_checkins(
    user, rng: random.Random, life: Life, understood: set[int], seen: dict[int, int], zone
) -> list[CheckIn]:
    """Every check-in, scored by the app's own scoring, oldest first."""
    days = _Days(life, understood, seen)
    taken: list[tuple[datetime.datetime, str, Answers]] = []
    evening, morning = [19, 20, 20, 21, 21, 22], [7, 7, 8, 8, 9]
    for day in life.days:
        if day in life.lapsed:
            continue
        weekend = datetime.date.fromordinal(day).weekday() >= 5
        odds = 0.2 if day in life.away else 0.84 if weekend else 0.9
        if rng.random() < odds:
            hours = rng.choice([evening] * 7 + [morning] * 2 + [[12, 13, 14]])
            taken.append((_taken_at(rng, day, zone, hours), PULSE, _pulse(rng, days, day)))

    weekly = _schedule(rng, days, lambda d: rng.choice([6, 7, 7, 7, 7, 8, 9, 10]), 0.3)
    for day in weekly:
        taken.append((_taken_at(rng, day, zone, evening), WEEKLY, _weekly(rng, days, day)))
    for day in _schedule(rng, days, lambda d: rng.randint(18, 45), 0.0):
        taken.append((_taken_at(rng, day, zone, evening), STRESS, _stress(rng, days, day)))
    for day in _schedule(rng, days, lambda d: rng.randint(21, 50), 0.1):
        answers = _connection(rng, days, day)
        taken.append((_taken_at(rng, day, zone, evening + morning), CONNECTION, answers))

    # Hard days: every month or two, every week or two while life is hard. Thoughts of self-harm
    # come up rarely and only in the lowest weeks, but at least once (at the bottom of the
    # deepest stretch), so the app's crisis help is always exercised.
    deepest = life.deepest().middle
    for day in sorted({*_hard_schedule(rng, days), deepest}):
        fire = day == deepest or (life.at(day) < -1.0 and rng.random() < 0.2)
        answers = _hard_days(rng, days, day, fire)
        taken.append((_taken_at(rng, day, zone, evening), HARD_DAYS, answers))

    taken.sort(key=lambda row: (row[0], row[1]))
    checkins = []
    for taken_at, instrument_id, answers in taken:
        instrument = get_instrument(instrument_id)
        result = score(instrument, answers)
        checkins.append(
            CheckIn(
                owner=user,
                instrument_id=instrument_id,
                taken_at=taken_at,
                **stored(instrument, answers, result),
            )
        )
    return checkins


def save_checkins(user, checkins: list[CheckIn]) -> None:
    CheckIn.objects.bulk_create(checkins, batch_size=1000)
    # Someone who takes the hard-days check only when they choose, and who left this week's
    # well-being check half done.
    CheckInChoice.objects.create(owner=user, instrument_id=HARD_DAYS, frequency=Frequency.ON_DEMAND)
    started = {"good-spirits": 3, "at-ease": 2}
    items = get_instrument(WEEKLY).items
    CheckInDraft.objects.create(
        owner=user, instrument_id=WEEKLY, answers={i.id: started.get(i.id) for i in items}
    )
