"""Made-up diaries with known truths, for testing that the insights engine is honest.

A diary here has what real diaries have that fools a careless analysis:
- AR(1) noise in every daily outcome (lag-1 correlation 0.2-0.6), answers rounded to the 1-5
  scale and clipped;
- slow trends in how often the person sees people AND in their mood (and the moments' ratings),
  in the same direction, so days with moments and good days drift together with no link;
- people seen in streaks (a slowly varying chance of seeing each one), so exposures are
  autocorrelated too;
- skipped pulse days, alone and in runs (a week away).

Planted patterns (none when effect_sd is 0), each on a randomly chosen exposure and outcome:
- same day: on days with the exposure, the outcome's answer is raised (or lowered) by
  effect_sd x the outcome's noise SD, before rounding;
- next day: the day after the exposure, another outcome's answer is moved the same way;
- per person: the moments with one person have one moment rating moved by effect_sd x that
  rating's noise SD.

The true effect in points (Planted.points) is effect_sd x the noise SD, where the noise SD is
the stationary SD of the AR(1) noise (for a moment rating, of its whole noise), in the
outcome's own points before rounding. Rounding adds a little noise and clipping at the ends
of the scale shrinks effects slightly; means sit mid-scale so that stays small."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from tending.insights.diary import DaySeries, Diary, MomentRatings

PEOPLE = {1: "Sam", 2: "Ana", 3: "Kofi", 4: "Mei", 5: "Lars", 6: "Noor", 7: "Tomas", 8: "Ines"}
OUTCOMES = {
    "pulse-mood": "your mood",
    "pulse-energy": "your energy",
    "pulse-stress": "your stress",
    "pulse-connected": "how connected you felt",
}
MOMENT_OUTCOMES = {
    "felt_safe": ("safe", 5),
    "closeness_after": ("close", 7),
    "felt_understood": ("understood", 5),
}
PLANTED_ON = ("felt_safe", "closeness_after")  # felt_understood also makes an exposure
MOMENT_NOISE_SD = {"felt_safe": 0.9, "closeness_after": 1.2, "felt_understood": 0.9}
MOMENT_MIDDLE = {"felt_safe": 3.0, "closeness_after": 4.0, "felt_understood": 3.0}


@dataclass(frozen=True)
class Planted:
    exposure: str
    outcome: str
    lag_days: int
    points: float  # the true effect in the outcome's points


def ar1(rng: np.random.Generator, days: int, phi: float, sd: float) -> np.ndarray:
    """Stationary AR(1) noise with lag-1 correlation phi and standard deviation sd."""
    shocks = rng.normal(0.0, sd * np.sqrt(1 - phi * phi), days)
    out = np.empty(days)
    out[0] = rng.normal(0.0, sd)
    for t in range(1, days):
        out[t] = phi * out[t - 1] + shocks[t]
    return out


def slow_trend(rng: np.random.Generator, days: int) -> np.ndarray:
    """A slow drift between -1 and 1: a slope plus part of a long wave."""
    t = np.arange(days) / max(days - 1, 1)
    period = rng.uniform(1.0, 3.0) * max(days, 120) / days
    wave = np.sin(2 * np.pi * t / period + rng.uniform(0, 2 * np.pi))
    shape = rng.uniform(0.3, 1.0) * (2 * t - 1) + rng.uniform(0.0, 0.7) * wave
    return shape / np.abs(shape).max()


def make_diary(seed: int, days: int, effect_sd: float, missing: float = 0.1):
    """One synthetic diary and the patterns planted in it."""
    rng = np.random.default_rng(seed)
    trend = slow_trend(rng, days) * rng.choice([-1.0, 1.0])
    seen = {}
    for pid in PEOPLE:
        logit = rng.uniform(-2.4, -0.6) + 0.8 * trend + ar1(rng, days, 0.3, 0.6)
        seen[pid] = rng.random(days) < 1 / (1 + np.exp(-logit))
    moment_rows = []  # (day, pid, understood, safe, close, shared, they, minutes, in person)
    for pid in PEOPLE:
        for day in np.flatnonzero(seen[pid]):
            moment_rows.append((int(day), pid))
    moment_rows.sort()
    n_moments = len(moment_rows)
    m_day = np.array([d for d, _ in moment_rows], dtype=int)
    m_pid = np.array([p for _, p in moment_rows], dtype=int)

    # Daily outcomes: mid-scale mean, trend (mood with the moments' trend), AR(1) noise.
    sd = {key: rng.uniform(0.8, 1.1) for key in OUTCOMES}
    latent = {}
    for key in OUTCOMES:
        noise = ar1(rng, days, rng.uniform(0.2, 0.6), sd[key])
        pull = 0.8 if key == "pulse-mood" else rng.uniform(-0.5, 0.5)
        latent[key] = 3.0 + pull * sd[key] * trend + noise

    # Moment ratings: half a slow-varying AR(1) state of their own days (so they are
    # autocorrelated), half each moment's own; independent of the daily pulse's noise.
    ratings = {}
    for key, noise_sd in MOMENT_NOISE_SD.items():
        shared = 0.5 * ar1(rng, days, rng.uniform(0.2, 0.6), 1.0)[m_day]
        own = rng.normal(0.0, np.sqrt(0.75), n_moments)
        ratings[key] = MOMENT_MIDDLE[key] + noise_sd * (0.5 * trend[m_day] + shared + own)
    shared_f = rng.random(n_moments) < 0.4
    they_f = rng.random(n_moments) < 0.35
    minutes = np.round(rng.lognormal(3.8, 0.6, n_moments))
    in_person = rng.random(n_moments) < 0.6

    planted: list[Planted] = []
    if effect_sd:
        key = str(rng.choice(PLANTED_ON))
        counts = np.bincount(m_pid, minlength=max(PEOPLE) + 1)
        pid = int(rng.choice(np.argsort(counts)[-4:]))  # one of the four most seen
        sign = rng.choice([-1.0, 1.0])
        ratings[key] = ratings[key] + sign * effect_sd * MOMENT_NOISE_SD[key] * (m_pid == pid)
        planted.append(
            Planted(f"moments-with-{pid}", key, 0, sign * effect_sd * MOMENT_NOISE_SD[key])
        )

    rounded = {}
    for key, values in ratings.items():
        top = 7 if key == "closeness_after" else 5
        rounded[key] = np.clip(np.round(values), 1, top)
    understood = rounded["felt_understood"] >= 4

    def daily(mask: np.ndarray) -> np.ndarray:
        return np.bincount(m_day[mask], minlength=days)[:days] > 0

    exposures = {
        "moment-any": ("a moment with someone", daily(np.ones(n_moments, bool))),
        "moment-understood": ("a moment where you felt understood", daily(understood)),
        "shared-feelings": ("a moment where you shared your feelings", daily(shared_f)),
        "they-shared-feelings": ("a moment where they shared theirs", daily(they_f)),
        "in-person": ("time together in person", daily(in_person)),
        "call-or-message": ("a call or messages", daily(~in_person)),
    }
    for pid, name in PEOPLE.items():
        exposures[f"person-{pid}"] = (f"time with {name}", seen[pid])
    minutes_day = np.bincount(m_day, weights=minutes, minlength=days)[:days]

    if effect_sd:
        common = [k for k, (_, x) in exposures.items() if 0.3 <= x.mean() <= 0.7]
        if len(common) < 2:
            common = sorted(exposures, key=lambda k: abs(exposures[k][1].mean() - 0.5))[:2]
        same_x, next_x = rng.choice(common, 2, replace=False)
        same_y, next_y = rng.choice(list(OUTCOMES), 2, replace=False)
        for x_key, y_key, lag in ((same_x, same_y, 0), (next_x, next_y, 1)):
            sign = rng.choice([-1.0, 1.0])
            x = exposures[x_key][1].astype(float)
            shifted = np.concatenate([np.zeros(lag), x[: days - lag]])
            latent[y_key] = latent[y_key] + sign * effect_sd * sd[y_key] * shifted
            planted.append(Planted(str(x_key), str(y_key), lag, sign * effect_sd * sd[y_key]))

    skipped = rng.random(days) < missing
    for _ in range(days // 120):
        start = rng.integers(0, days)
        skipped[start : start + rng.integers(3, 10)] = True
    outcomes = []
    for key, label in OUTCOMES.items():
        values = np.clip(np.round(latent[key]), 1, 5)
        answers = tuple(None if s else float(v) for v, s in zip(values, skipped, strict=True))
        outcomes.append(DaySeries(key, label, answers))
    series = [
        DaySeries(
            key,
            label,
            tuple(x.astype(float)),
            binary=True,
            person_id=int(key[7:]) if key.startswith("person-") else None,
            person=PEOPLE[int(key[7:])] if key.startswith("person-") else None,
        )
        for key, (label, x) in exposures.items()
    ]
    series.append(DaySeries("minutes-together", "time together", tuple(minutes_day)))
    moments = tuple(
        MomentRatings(
            int(m_day[i]),
            (int(m_pid[i]),),
            {key: float(rounded[key][i]) for key in MOMENT_OUTCOMES},
        )
        for i in range(n_moments)
    )
    diary = Diary(
        first_day=date(2026, 1, 1),
        days=days,
        exposures=tuple(series),
        outcomes=tuple(outcomes),
        moments=moments,
        people=dict(PEOPLE),
        moment_outcomes=dict(MOMENT_OUTCOMES),
    )
    return diary, planted
