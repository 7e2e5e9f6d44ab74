"""The plain data between the database and the insights engine: one person's days as numbers,
and what the engine found in them. No Django here: the engine and its tests use only this."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

FINDING = "finding"
EARLY_SIGN = "early sign"


@dataclass(frozen=True)
class DaySeries:
    """One value per day of the diary, in order from `Diary.first_day`.

    None means not known that day (no daily pulse taken). Exposures built from moments are
    0, not None, on a day without one: the day is known, nothing happened."""

    key: str  # stable: "moment-any", "pulse-mood", "person-12"…
    label: str  # words that fit a sentence: "a moment where you felt understood", "your mood"
    values: tuple[float | None, ...]
    binary: bool = False  # 1.0 with / 0.0 without; otherwise an amount (minutes, a 1-5 rating)
    person_id: int | None = None  # set for an exposure about one person
    person: str | None = None  # that person's name as the person wrote it


@dataclass(frozen=True)
class MomentRatings:
    """One logged moment's own ratings, for per-person patterns in how moments go
    ("after time with Sam you usually feel safe")."""

    day_index: int  # days since Diary.first_day, in the person's time zone
    person_ids: tuple[int, ...]
    ratings: dict[str, float | None]  # keys of Diary.moment_outcomes: "felt_safe"…


@dataclass(frozen=True)
class MomentTable:
    """`Diary.moments` again as columns (numpy arrays), row for row in the same order. Ten
    years hold some 16,000 rated moments; making arrays of their objects took the engine
    longer than its statistics. Optional: without it, the engine makes them itself."""

    day_index: Any  # ints, one per moment
    ratings: Any  # floats, moments x the keys of Diary.moment_outcomes in order; NaN: unrated
    link_rows: Any  # ints: for each (moment, person) link, the moment's row
    link_people: Any  # ints: that link's person id


@dataclass(frozen=True)
class Diary:
    first_day: date
    days: int  # how many days each series covers
    exposures: tuple[DaySeries, ...]
    outcomes: tuple[DaySeries, ...]
    moments: tuple[MomentRatings, ...] = ()
    people: dict[int, str] = field(default_factory=dict)  # id -> name, for per-moment patterns
    # key -> (label for a sentence, top of its scale): {"felt_safe": ("safe", 5)…}
    moment_outcomes: dict[str, tuple[str, int]] = field(default_factory=dict)
    moment_table: MomentTable | None = None


@dataclass(frozen=True)
class Finding:
    """One pattern worth showing, with everything needed to say it honestly.

    `effect` and `interval` are in the outcome's own points (a 1-5 rating's points), with
    higher meaning more of the outcome as it is worded. `lag_days` is 0 for the same day and
    1 for the next day (then controlled for the day before's outcome)."""

    exposure: str  # DaySeries.key, or "moments-with-<id>" for a per-moment pattern
    outcome: str  # DaySeries.key, or a Diary.moment_outcomes key
    lag_days: int
    person: str | None
    effect: float
    interval: tuple[float, float]
    n_days: int
    n_effective: float
    q: float
    status: str  # FINDING or EARLY_SIGN
    sentence: str

    def as_json(self) -> dict:
        return {
            "exposure": self.exposure,
            "outcome": self.outcome,
            "lag_days": self.lag_days,
            "person": self.person,
            "effect": self.effect,
            "interval": [self.interval[0], self.interval[1]],
            "n_days": self.n_days,
            "n_effective": self.n_effective,
            "q": self.q,
            "status": self.status,
            "sentence": self.sentence,
        }
