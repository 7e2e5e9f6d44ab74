"""The insights engine's honesty on seeded synthetic diaries (synthetic.py): does it find what
was planted, stay quiet when nothing was, and give intervals that hold the truth? Run with -s
to see the four rates; they are also in every assertion message."""

from __future__ import annotations

import numpy as np
import pytest

from tending.insights.analysis import pairs_tested, report
from tests.insights.synthetic import make_diary

DIARIES = 100


def _run(days_each, effect_sd: float, seed: int):
    """(planted found, planted total, diaries with any report, intervals covering, intervals)."""
    found = total = noisy = covered = intervals = 0
    for i, days in enumerate(days_each):
        diary, planted = make_diary(seed + i, days, effect_sd)
        tested = pairs_tested(diary)
        reported = report(tested)
        noisy += bool(reported)
        by_pair = {(t.exposure, t.outcome, t.lag_days): t for t in tested}
        for truth in planted:
            key = (truth.exposure, truth.outcome, truth.lag_days)
            total += 1
            found += any(
                (f.exposure, f.outcome, f.lag_days) == key
                and np.sign(f.effect) == np.sign(truth.points)
                for f in reported
            )
            if key in by_pair:
                intervals += 1
                covered += by_pair[key].low <= truth.points <= by_pair[key].high
    return found, total, noisy, covered, intervals


@pytest.fixture(scope="module")
def rates():
    long = _run([180] * DIARIES, 0.8, seed=180_000)
    short = _run([90] * DIARIES, 1.0, seed=90_000)
    null = _run([90, 180, 365] * (DIARIES // 3 + 1), 0.0, seed=0)
    out = {
        "found at 180 days, 0.8 SD": long[0] / long[1],
        "found at 90 days, 1.0 SD": short[0] / short[1],
        "diaries with no effect that report anything": null[2] / (3 * (DIARIES // 3 + 1)),
        "95% intervals holding the true effect": (long[3] + short[3]) / (long[4] + short[4]),
    }
    print("\ninsights honesty: " + "; ".join(f"{k} {v:.1%}" for k, v in out.items()))
    return out


def _said(rates) -> str:
    return "; ".join(f"{k} {v:.1%}" for k, v in rates.items())


def test_planted_patterns_are_found_in_half_a_year(rates):
    assert rates["found at 180 days, 0.8 SD"] >= 0.90, _said(rates)


def test_planted_patterns_are_mostly_found_in_three_months(rates):
    assert rates["found at 90 days, 1.0 SD"] >= 0.80, _said(rates)


def test_diaries_without_any_pattern_rarely_report_one(rates):
    assert rates["diaries with no effect that report anything"] <= 0.10, _said(rates)


def test_intervals_hold_the_true_effect(rates):
    assert rates["95% intervals holding the true effect"] >= 0.90, _said(rates)
