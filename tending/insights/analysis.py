"""What goes with feeling better, found honestly in one person's own days. Pure: a Diary in,
Findings out, no Django. The one entry point is `find_patterns`.

Every pair (an exposure and an outcome, same day or next day; or the moments with one person
and a moment rating) is tested the same way: the person's own mean and slow trend are taken
out of both sides, the effect is the least-squares slope in the outcome's own points, its
uncertainty allows for the outcome's day-to-day autocorrelation, and Benjamini-Hochberg
controls false discoveries across every pair of the run. docs/insights.md says it in words."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from tending.insights import stats
from tending.insights.diary import EARLY_SIGN, FINDING, DaySeries, Diary, Finding, MomentTable
from tending.insights.fitting import relate
from tending.insights.sentences import describe

# Raised whenever what is reported changes: results kept from an earlier engine are made again
# (findings.py puts it in each kept result's fingerprint). 2: the smallest difference worth telling.
VERSION = 2
MIN_DAYS = 14  # nothing is tested with fewer days (or moments' days) with both values
EARLY_BELOW = 30.0  # fewer effective days than this: an early sign, not yet a finding
MIN_EACH_SIDE = 3  # days (or moments) with, and without, a yes/no factor
REPORT_Q = 0.10  # a pair is reported when its Benjamini-Hochberg q is at most this...
GATE_Q = 0.05  # ...and the run's clearest pair reaches this (a Simes test of "nothing here")
# ...and its difference is at least this share of its scale's span (0.2 points from 1 to 5,
# 0.3 from 1 to 7): years of days make a difference of a tenth of a point certain, and such a
# difference is real but too small to notice or to act on.
SMALLEST_SHARE = 0.05
# Amount exposures are stated per a unit a person thinks in; the effect is per this many.
AMOUNT_UNITS = {"minutes-together": 60.0}


@dataclass(frozen=True)
class Pattern:
    """One tested pair, reported or not (the honesty test checks the intervals of all)."""

    exposure: str
    outcome: str
    lag_days: int
    person: str | None
    effect: float  # outcome points per "with" (or per unit of an amount)
    se: float
    df: float  # Student's t degrees of freedom, from the effective days
    n_days: int  # days with both values; for a per-moment pattern, rated moments
    n_effective: float
    exposure_label: str
    outcome_label: str
    binary: bool = True
    moments: bool = False
    scale_top: int = 5
    mean_with: float = 0.0  # per-moment: the average rating of moments with the person
    count_with: int = 0  # per-moment: how many of those moments
    low: float = math.nan  # the 95% interval, and the two-sided p-value: set by pairs_tested
    high: float = math.nan
    p: float = math.nan

    @property
    def strength(self) -> float:
        half_width = (self.high - self.low) / 2.0
        return abs(self.effect) / half_width if half_width > 0 else math.inf


def find_patterns(diary: Diary) -> list[Finding]:
    """The findings and early signs in one person's diary, strongest first."""
    return report(pairs_tested(diary))


def report(tested: list[Pattern]) -> list[Finding]:
    """The tested pairs worth saying: Benjamini-Hochberg q at most REPORT_Q across all of them,
    once the clearest reaches GATE_Q, and a difference no smaller than the smallest worth
    telling; findings before early signs, then by q and strength."""
    if not tested:
        return []
    q = stats.bh_qvalues(np.array([t.p for t in tested]))
    if q.min() > GATE_Q:
        return []
    found = []
    for pattern, q_value in zip(tested, q, strict=True):
        if q_value > REPORT_Q or abs(pattern.effect) < smallest_worth_telling(pattern):
            continue
        status = EARLY_SIGN if pattern.n_effective < EARLY_BELOW else FINDING
        found.append((status != FINDING, float(q_value), -pattern.strength, pattern, status))
    found.sort(key=lambda row: row[:3])
    return [_finding(pattern, q_value, status) for _, q_value, _, pattern, status in found]


def smallest_worth_telling(pattern: Pattern) -> float:
    """The smallest difference, in the outcome's points, that is said as a pattern."""
    return round(SMALLEST_SHARE * (pattern.scale_top - 1), 6)  # 0.3, not 0.30000000000000004


def _finding(pattern: Pattern, q_value: float, status: str) -> Finding:
    return Finding(
        exposure=pattern.exposure,
        outcome=pattern.outcome,
        lag_days=pattern.lag_days,
        person=pattern.person,
        effect=round(pattern.effect, 3),
        interval=(round(pattern.low, 3), round(pattern.high, 3)),
        n_days=pattern.n_days,
        n_effective=round(pattern.n_effective, 1),
        q=round(q_value, 4),
        status=status,
        sentence=describe(pattern, status, EARLY_BELOW),
    )


def pairs_tested(diary: Diary) -> list[Pattern]:
    """Every pair the diary has enough data for, with its effect, interval and p-value."""
    tested = _daily_pairs(diary) + _moment_pairs(diary)
    if not tested:
        return []
    se = np.array([t["se"] for t in tested])
    df = np.array([t["df"] for t in tested])
    effect = np.array([t["effect"] for t in tested])
    p = stats.t_two_sided_p(effect / np.where(se > 0, se, np.inf), df)
    half = stats.t_quantile_975(df) * se
    return [
        Pattern(**t, low=float(e - h), high=float(e + h), p=float(pv))
        for t, e, h, pv in zip(tested, effect, half, p, strict=True)
    ]


def _matrix(series: tuple[DaySeries, ...], days: int) -> np.ndarray:
    out = np.full((days, len(series)), np.nan)
    for j, one in enumerate(series):
        values = np.array(one.values, dtype=float)[:days]
        out[: values.size, j] = values
    return out


def _daily_pairs(diary: Diary) -> list[dict]:
    """Each exposure on the same day (lag 0) and the day before (lag 1) against each outcome,
    on the days from the second on where the outcome was given. Outcomes given on the same
    days are fitted together."""
    x = _matrix(diary.exposures, diary.days)
    y = _matrix(diary.outcomes, diary.days)
    # Same day and day before side by side: column j is exposure j, column E + j the day before.
    both = np.column_stack([x[1:], x[:-1]])
    binary = np.array([s.binary for s in diary.exposures])
    binary = np.concatenate([binary, binary])
    known = ~np.isnan(y[1:])
    groups: dict[bytes, list[int]] = {}
    for o in range(y.shape[1]):
        groups.setdefault(known[:, o].tobytes(), []).append(o)
    out: list[dict] = []
    for outcomes in groups.values():
        days = np.flatnonzero(known[:, outcomes[0]]) + 1
        if days.size < MIN_DAYS:
            continue
        exposures = both[days - 1]
        # Exposures known on every one of these days are fitted in one go; others, alone.
        complete = ~np.isnan(exposures).any(axis=0)
        column_sets = [[j] for j in np.flatnonzero(~complete)]
        if complete.any():
            column_sets.insert(0, np.flatnonzero(complete))
        for columns in column_sets:
            rows = ~np.isnan(exposures[:, columns]).any(axis=1)
            if rows.sum() < MIN_DAYS:
                continue
            kept = days[rows]
            fits = relate(
                y[kept][:, outcomes],
                exposures[rows][:, columns],
                kept,
                kept,
                binary[columns],
                MIN_EACH_SIDE,
                [_yesterday(y[:, o], kept) for o in outcomes],
            )
            for o, fit in zip(outcomes, fits, strict=True):
                out.extend(_day_patterns(diary, o, columns, fit, int(rows.sum())))
    return out


def _day_patterns(diary: Diary, o: int, columns, fit, n_days: int) -> list[dict]:
    outcome = diary.outcomes[o]
    count = len(diary.exposures)
    out = []
    for k, column in enumerate(columns):
        if not fit.ok[k]:
            continue
        series = diary.exposures[column % count]
        unit = 1.0 if series.binary else AMOUNT_UNITS.get(series.key, 1.0)
        out.append(
            dict(
                exposure=series.key,
                outcome=outcome.key,
                lag_days=int(column >= count),
                person=series.person,
                effect=float(fit.effect[k] * unit),
                se=float(fit.se[k] * unit),
                df=float(fit.df[k]),
                n_days=n_days,
                n_effective=float(fit.n_effective[k]),
                exposure_label=series.label,
                outcome_label=outcome.label,
                binary=series.binary,
            )
        )
    return out


def _yesterday(y: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Columns that allow for how the day before went: yesterday's outcome (its mean where it
    is not known) and, when some are not known, a column marking those days."""
    before = y[days - 1]
    unknown = np.isnan(before)
    filled = np.where(unknown, np.nanmean(before) if (~unknown).any() else 0.0, before)
    if unknown.any():
        return np.column_stack([filled, unknown.astype(float)])
    return filled[:, None]


def moment_table(moments, keys: list[str]) -> MomentTable:
    """The moments as columns, when the diary did not bring them so."""
    rows = [i for i, m in enumerate(moments) for _ in m.person_ids]
    return MomentTable(
        day_index=np.array([m.day_index for m in moments], dtype=np.int64),
        ratings=np.array([[m.ratings.get(k) for k in keys] for m in moments], dtype=float),
        link_rows=np.array(rows, dtype=np.int64),
        link_people=np.array([p for m in moments for p in m.person_ids], dtype=np.int64),
    )


def _moment_pairs(diary: Diary) -> list[dict]:
    """Moments with each person against the other moments, on each moment rating."""
    if not diary.moments or not diary.people or not diary.moment_outcomes:
        return []
    keys = list(diary.moment_outcomes)
    table = diary.moment_table or moment_table(diary.moments, keys)
    people = sorted(diary.people)
    day = np.asarray(table.day_index, dtype=np.int64)
    ratings = np.asarray(table.ratings, dtype=float).reshape(day.size, len(keys))
    link_rows = np.asarray(table.link_rows, dtype=np.int64)
    link_people = np.asarray(table.link_people, dtype=np.int64)
    if day.size > 1 and (day[1:] < day[:-1]).any():  # the series runs in the moments' order
        order = np.argsort(day, kind="stable")
        day, ratings = day[order], ratings[order]
        place = np.empty_like(order)
        place[order] = np.arange(order.size)
        link_rows = place[link_rows]
    known = np.asarray(people, dtype=np.int64)
    column = np.minimum(np.searchsorted(known, link_people), max(known.size - 1, 0))
    counted = known[column] == link_people
    with_person = np.zeros((day.size, len(people)))
    with_person[link_rows[counted], column[counted]] = 1.0
    groups: dict[bytes, list[int]] = {}
    for o in range(len(keys)):
        groups.setdefault((~np.isnan(ratings[:, o])).tobytes(), []).append(o)
    out = []
    binary = np.ones(len(people), dtype=bool)
    for outcomes in groups.values():
        rows = ~np.isnan(ratings[:, outcomes[0]])
        if np.unique(day[rows]).size < MIN_DAYS:
            continue
        x = with_person[rows]
        # Moments in their order are the series; the trend is over their days.
        fits = relate(
            ratings[rows][:, outcomes], x, day[rows], np.flatnonzero(rows), binary, MIN_EACH_SIDE
        )
        for o, fit in zip(outcomes, fits, strict=True):
            y = ratings[rows, o]
            label, top = diary.moment_outcomes[keys[o]]
            for j, pid in enumerate(people):
                if not fit.ok[j]:
                    continue
                mine = x[:, j] > 0.5
                out.append(
                    dict(
                        exposure=f"moments-with-{pid}",
                        outcome=keys[o],
                        lag_days=0,
                        person=diary.people[pid],
                        effect=float(fit.effect[j]),
                        se=float(fit.se[j]),
                        df=float(fit.df[j]),
                        n_days=int(rows.sum()),
                        n_effective=float(fit.n_effective[j]),
                        exposure_label=f"time with {diary.people[pid]}",
                        outcome_label=label,
                        moments=True,
                        scale_top=top,
                        mean_with=float(y[mine].mean()),
                        count_with=int(mine.sum()),
                    )
                )
    return out
