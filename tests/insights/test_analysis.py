"""The insights engine on small made-up diaries: what it reports, when, and how. Pure, fast."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest

from tending.insights import analysis, stats
from tending.insights.analysis import Pattern, find_patterns, pairs_tested, report
from tending.insights.diary import EARLY_SIGN, FINDING, DaySeries, Diary, MomentRatings


def exposure(key, values, binary=True, person=None, label=None):
    return DaySeries(
        key,
        label or f"{key} label",
        tuple(None if v is None else float(v) for v in values),
        binary=binary,
        person_id=7 if person else None,
        person=person,
    )


def outcome(key, values):
    return DaySeries(key, f"your {key}", tuple(None if v is None else float(v) for v in values))


def diary(exposures, outcomes, moments=(), people=None, moment_outcomes=None):
    series = [*outcomes, *exposures]
    days = len(series[0].values) if series else 40
    return Diary(
        first_day=date(2026, 1, 1),
        days=days,
        exposures=tuple(exposures),
        outcomes=tuple(outcomes),
        moments=tuple(moments),
        people=people or {},
        moment_outcomes=moment_outcomes or {},
    )


def same_day(days, effect=1.5, seed=1, noise=0.5):
    rng = np.random.default_rng(seed)
    x = (rng.random(days) < 0.5).astype(float)
    y = 3 + effect * x + rng.normal(0, noise, days)
    return x, y


def pairs(found):
    return {(f.exposure, f.outcome, f.lag_days) for f in found}


def test_an_empty_diary_says_nothing():
    x, y = same_day(30)
    assert find_patterns(diary([], [])) == []
    assert find_patterns(diary([exposure("a", [1.0])], [outcome("mood", [3.0])])) == []
    assert find_patterns(diary([exposure("a", x)], [])) == []
    assert find_patterns(diary([], [outcome("mood", y)])) == []
    assert find_patterns(diary([exposure("a", [])], [outcome("mood", [])])) == []


def test_an_outcome_that_never_changes_shows_no_pattern():
    x, _ = same_day(30)
    tested = pairs_tested(diary([exposure("a", x)], [outcome("mood", [3.0] * 30)]))
    assert [p.p for p in tested] == [1.0, 1.0]
    assert [p.effect for p in tested] == [0.0, 0.0]


def test_the_interval_is_the_t_quantile_times_the_standard_error():
    x, y = same_day(40)
    for p in pairs_tested(diary([exposure("a", x)], [outcome("mood", y)])):
        half = float(stats.t_quantile_975(np.array([p.df]))[0]) * p.se
        assert p.low == pytest.approx(p.effect - half, rel=1e-12)
        assert p.high == pytest.approx(p.effect + half, rel=1e-12)
        t = p.effect / p.se
        assert p.p == pytest.approx(float(stats.t_two_sided_p(np.array([t]), np.array([p.df]))[0]))


def test_a_clear_same_day_pattern_is_a_finding_with_its_numbers():
    x, y = same_day(60)
    found = find_patterns(diary([exposure("moment-any", x)], [outcome("mood", y)]))
    first = found[0]
    assert (first.exposure, first.outcome, first.lag_days) == ("moment-any", "mood", 0)
    assert first.status == FINDING
    assert first.interval[0] < 1.5 < first.interval[1]
    assert first.effect == pytest.approx(1.5, abs=0.3)
    assert first.n_days == 59  # from the second day: each day is seen with the one before
    assert 30 <= first.n_effective <= 59
    assert first.q <= 0.10
    assert first.person is None
    assert ("moment-any", "mood", 1) not in pairs(found)
    assert set(first.as_json()) >= {"effect", "interval", "n_days", "q", "status", "sentence"}


def test_the_next_day_is_kept_apart_from_the_same_day():
    rng = np.random.default_rng(5)
    x = (rng.random(80) < 0.5).astype(float)
    y = 3 + rng.normal(0, 0.5, 80)
    y[1:] += 1.2 * x[:-1]
    found = find_patterns(diary([exposure("shared-feelings", x)], [outcome("energy", y)]))
    assert pairs(found) == {("shared-feelings", "energy", 1)}
    assert found[0].effect == pytest.approx(1.2, abs=0.3)
    assert "The day after" in found[0].sentence


def test_two_series_drifting_together_are_not_a_pattern():
    rng = np.random.default_rng(2)
    days = 120
    drift = np.linspace(-1, 1, days)
    x = (rng.random(days) < 0.5 + 0.4 * drift).astype(float)
    y = 3 + 1.5 * drift + rng.normal(0, 0.4, days)
    assert np.corrcoef(x, y)[0, 1] > 0.4  # raw, they look related
    one = diary([exposure("moment-any", x)], [outcome("mood", y)])
    assert find_patterns(one) == []
    same = [p for p in pairs_tested(one) if p.lag_days == 0][0]
    assert abs(same.effect) < 0.25


@pytest.mark.parametrize(("days", "tested"), [(14, False), (15, True)])
def test_nothing_is_tested_before_fourteen_days_with_both(days, tested):
    x, y = same_day(days)
    found = pairs_tested(diary([exposure("a", x)], [outcome("mood", y)]))
    assert bool(found) is tested
    if tested:
        assert {p.n_days for p in found} == {14}


def test_missing_answers_do_not_count_as_days():
    x, y = same_day(40)
    answers = [None if i % 4 == 0 else v for i, v in enumerate(y)]
    found = pairs_tested(diary([exposure("a", x)], [outcome("mood", answers)]))
    assert {p.n_days for p in found} == {30}  # days 1..39 minus the 9 skipped (4, 8, ..., 36)


@pytest.mark.parametrize(("with_days", "tested"), [(2, False), (3, True)])
def test_a_yes_no_factor_needs_three_days_with(with_days, tested):
    rng = np.random.default_rng(0)
    x = np.zeros(30)
    x[[5, 15, 25][:with_days]] = 1
    y = 3 + rng.normal(0, 0.5, 30)
    found = [
        p for p in pairs_tested(diary([exposure("a", x)], [outcome("m", y)])) if not p.lag_days
    ]
    assert bool(found) is tested


@pytest.mark.parametrize(("without_days", "tested"), [(2, False), (3, True)])
def test_a_yes_no_factor_needs_three_days_without(without_days, tested):
    rng = np.random.default_rng(0)
    x = np.ones(30)
    x[[6, 16, 26][:without_days]] = 0
    y = 3 + rng.normal(0, 0.5, 30)
    found = [
        p for p in pairs_tested(diary([exposure("a", x)], [outcome("m", y)])) if not p.lag_days
    ]
    assert bool(found) is tested


def test_an_amount_is_stated_per_hour():
    rng = np.random.default_rng(3)
    minutes = rng.choice([0, 30, 60, 120], 70).astype(float)
    y = 3 + 0.01 * minutes + rng.normal(0, 0.3, 70)
    found = find_patterns(
        diary([exposure("minutes-together", minutes, binary=False)], [outcome("mood", y)])
    )
    assert found[0].effect == pytest.approx(0.6, abs=0.15)
    assert "for each extra hour together" in found[0].sentence
    per_minute = pairs_tested(
        diary([exposure("minutes-other", minutes, binary=False)], [outcome("mood", y)])
    )
    per_hour = pairs_tested(
        diary([exposure("minutes-together", minutes, binary=False)], [outcome("mood", y)])
    )
    for minute, hour in zip(per_minute, per_hour, strict=True):
        assert hour.effect == pytest.approx(60 * minute.effect, rel=1e-12)
        assert hour.se == pytest.approx(60 * minute.se, rel=1e-12)


def test_an_exposure_not_known_every_day_uses_only_its_known_days():
    x, y = same_day(50, seed=4)
    partly = [None if i < 10 else v for i, v in enumerate(x)]
    found = pairs_tested(
        diary([exposure("whole", x), exposure("part", partly)], [outcome("mood", y)])
    )
    n = {(p.exposure, p.lag_days): p.n_days for p in found}
    assert n[("whole", 0)] == 49
    assert n[("part", 0)] == 40  # days 10..49
    assert n[("part", 1)] == 39  # the day before known: days 11..49


def test_outcomes_answered_on_different_days_are_each_fitted_on_their_own_days():
    x, y = same_day(40, seed=6)
    other = [None if i % 2 else v for i, v in enumerate(y)]
    found = pairs_tested(diary([exposure("a", x)], [outcome("mood", y), outcome("energy", other)]))
    n = {p.outcome: p.n_days for p in found}
    assert n == {"mood": 39, "energy": 19}


def test_a_person_is_named_in_their_pattern():
    x, y = same_day(60, seed=8)
    found = find_patterns(diary([exposure("person-7", x, person="Sam")], [outcome("mood", y)]))
    assert found[0].person == "Sam"


def _moments(n_days=40, effect=1.2, seed=9):
    rng = np.random.default_rng(seed)
    out = []
    for day in range(n_days):
        sam = rng.random() < 0.6
        for pid in (1, 2):
            if (pid == 1) == sam or rng.random() < 0.3:  # someone every day
                safe = 3 + (effect if pid == 1 else 0) + rng.normal(0, 0.5)
                out.append(MomentRatings(day, (pid,), {"felt_safe": float(np.clip(safe, 1, 5))}))
    return out


def _moment_diary(moments):
    return diary(
        [],
        [],
        moments=moments,
        people={1: "Sam", 2: "Ana"},
        moment_outcomes={"felt_safe": ("safe", 5)},
    )


def test_moments_with_one_person_are_compared_with_the_others():
    found = find_patterns(_moment_diary(_moments()))
    sam = [f for f in found if f.exposure == "moments-with-1"][0]
    assert sam.outcome == "felt_safe" and sam.person == "Sam" and sam.lag_days == 0
    assert sam.effect == pytest.approx(1.2, abs=0.3)
    assert sam.interval[0] < 1.2 < sam.interval[1]
    assert "After time with Sam" in sam.sentence and "of 5" in sam.sentence
    rated = len(_moments())
    assert sam.n_days == rated


def test_moments_need_fourteen_days():
    few = [m for m in _moments() if m.day_index < 13]
    assert pairs_tested(_moment_diary(few)) == []
    enough = [m for m in _moments() if m.day_index < 14]
    assert len({m.day_index for m in enough}) == 14
    assert pairs_tested(_moment_diary(enough)) != []


def test_unrated_moments_are_left_out():
    moments = _moments()
    unrated = [MomentRatings(m.day_index, m.person_ids, {"felt_safe": None}) for m in moments[:5]]
    tested = pairs_tested(_moment_diary(unrated + moments[5:]))
    assert {p.n_days for p in tested} == {len(moments) - 5}


def pattern(p, n_effective=60.0, effect=0.5, exposure="a"):
    return Pattern(
        exposure=exposure,
        outcome="mood",
        lag_days=0,
        person=None,
        effect=effect,
        se=0.1,
        df=50.0,
        n_days=60,
        n_effective=n_effective,
        exposure_label="a moment",
        outcome_label="your mood",
        low=effect - 0.2,
        high=effect + 0.2,
        p=p,
    )


def test_thirty_effective_days_make_a_finding_fewer_an_early_sign():
    found = report([pattern(0.001, 30.0, exposure="a"), pattern(0.001, 29.9, exposure="b")])
    status = {f.exposure: f.status for f in found}
    assert status == {"a": FINDING, "b": EARLY_SIGN}
    early = [f for f in found if f.exposure == "b"][0]
    assert "more days of the daily pulse would tell" in early.sentence


def test_false_discoveries_are_controlled_across_every_pair():
    # 20 pairs: the smallest p x 20 = q; q at most 0.10 is reported, once one reaches 0.05.
    quiet = [pattern(0.5, exposure=f"n{i}") for i in range(18)]
    found = report([pattern(0.0025, exposure="a"), pattern(0.005, exposure="b"), *quiet])
    assert [f.exposure for f in found] == ["a", "b"]
    assert [f.q for f in found] == [pytest.approx(0.05), pytest.approx(0.05)]
    found = report([pattern(0.0025, exposure="a"), pattern(0.0099, exposure="b"), *quiet])
    assert [f.q for f in found] == [pytest.approx(0.05), pytest.approx(0.099)]
    found = report([pattern(0.0025, exposure="a"), pattern(0.01, exposure="b"), *quiet])
    assert [f.q for f in found] == [0.05, 0.1]  # exactly 0.10 is still reported
    found = report([pattern(0.0025, exposure="a"), pattern(0.0101, exposure="b"), *quiet])
    assert [f.exposure for f in found] == ["a"]


def test_a_run_whose_clearest_pair_misses_the_gate_reports_nothing():
    quiet = [pattern(0.5, exposure=f"n{i}") for i in range(19)]
    assert report([pattern(0.003, exposure="a"), *quiet]) == []  # q = 0.06
    assert len(report([pattern(0.0025, exposure="a"), *quiet])) == 1  # q = 0.05


def test_findings_come_first_then_the_clearest():
    found = report(
        [
            pattern(0.001, 20.0, exposure="early"),
            pattern(0.004, exposure="later"),
            pattern(0.002, exposure="sooner"),
            pattern(0.002, effect=0.9, exposure="stronger"),
        ]
    )
    assert [f.exposure for f in found] == ["stronger", "sooner", "later", "early"]


def test_strength_is_the_effect_over_the_half_interval():
    assert pattern(0.01, effect=0.5).strength == pytest.approx(2.5)
    flat = Pattern(**{**pattern(0.01).__dict__, "low": 0.5, "high": 0.5})
    assert math.isinf(flat.strength)


def test_numbers_in_a_finding_are_rounded_for_reading():
    found = report([pattern(0.0001234567, 31.23456, effect=0.323456)])
    assert found[0].effect == 0.323
    assert found[0].interval == (pytest.approx(0.123), pytest.approx(0.523))
    assert found[0].n_effective == 31.2
    assert found[0].q == 0.0001


def test_a_difference_too_small_to_notice_is_not_said_however_certain():
    clear = 0.000001
    assert [f.exposure for f in report([pattern(clear, effect=0.2, exposure="a")])] == ["a"]
    assert report([pattern(clear, effect=0.199, exposure="a")]) == []
    assert report([pattern(clear, effect=-0.199, exposure="a")]) == []
    assert len(report([pattern(clear, effect=-0.2, exposure="a")])) == 1
    # Against its own scale: 0.3 points on a scale from 1 to 7.
    seven = [Pattern(**{**pattern(clear, effect=e).__dict__, "scale_top": 7}) for e in (0.29, 0.3)]
    assert [f.effect for f in report(seven)] == [0.3]


def test_thresholds_are_the_documented_ones():
    assert analysis.MIN_DAYS == 14
    assert analysis.EARLY_BELOW == 30.0
    assert analysis.MIN_EACH_SIDE == 3
    assert analysis.REPORT_Q == 0.10
    assert analysis.GATE_Q == 0.05
    assert analysis.SMALLEST_SHARE == 0.05


def test_moments_in_any_order_give_the_same_patterns():
    in_order = pairs_tested(_moment_diary(_moments()))
    shuffled = pairs_tested(_moment_diary(list(reversed(_moments()))))
    assert [(p.exposure, round(p.effect, 9), round(p.high, 9)) for p in shuffled] == [
        (p.exposure, round(p.effect, 9), round(p.high, 9)) for p in in_order
    ]


def test_an_outcome_with_too_few_days_does_not_stop_the_next_one():
    x, y = same_day(40, seed=6)
    few = [v if i < 10 else None for i, v in enumerate(y)]
    tested = pairs_tested(diary([exposure("a", x)], [outcome("rare", few), outcome("mood", y)]))
    assert {p.outcome for p in tested} == {"mood"}


def test_an_exposure_known_on_too_few_days_is_not_tested():
    x, y = same_day(40, seed=7)
    brief = [v if i >= 27 else None for i, v in enumerate(x)]  # known on days 27..39: 13
    tested = pairs_tested(diary([exposure("a", x), exposure("brief", brief)], [outcome("m", y)]))
    assert {p.exposure for p in tested} == {"a"}
    enough = [v if i >= 26 else None for i, v in enumerate(x)]  # 14 days, 13 with the day before
    tested = pairs_tested(
        diary([exposure("brief", brief), exposure("enough", enough)], [outcome("m", y)])
    )
    assert {(p.exposure, p.lag_days) for p in tested} == {("enough", 0)}


def test_an_exposure_that_cannot_be_told_does_not_hide_the_next():
    x, y = same_day(40, seed=7)
    tested = pairs_tested(
        diary([exposure("flat", [1.0] * 40), exposure("a", x)], [outcome("m", y)])
    )
    assert {p.exposure for p in tested} == {"a"}


def test_people_without_moments_say_nothing():
    assert pairs_tested(_moment_diary([])) == []


def test_a_rating_with_too_few_days_or_a_person_with_too_few_moments_hides_nothing():
    moments = [
        MomentRatings(
            m.day_index, m.person_ids, {"rare": 3.0 if m.day_index < 5 else None, **m.ratings}
        )
        for m in _moments()
    ]
    moments += [
        MomentRatings(1, (3,), {"felt_safe": 4.0}),
        MomentRatings(2, (3,), {"felt_safe": 2.0}),
    ]
    one = diary(
        [],
        [],
        moments=moments,
        people={0: "Kim", 1: "Sam", 2: "Ana"},  # Kim, first, has too few
        moment_outcomes={"rare": ("calm", 5), "felt_safe": ("safe", 5)},
    )
    tested = {(p.exposure, p.outcome) for p in pairs_tested(one)}
    assert tested == {("moments-with-1", "felt_safe"), ("moments-with-2", "felt_safe")}
    sam = [p for p in pairs_tested(one) if p.exposure == "moments-with-1"][0]
    mine = [m.ratings["felt_safe"] for m in moments if 1 in m.person_ids]
    assert sam.count_with == len(mine)
    assert sam.mean_with == pytest.approx(np.mean(mine))


def test_the_next_day_allows_for_yesterdays_outcome_not_an_older_one():
    # Mood carries over from day to day, and the exposure is yesterday's mood itself: once
    # yesterday's mood is allowed for, the exposure says nothing more about today.
    rng = np.random.default_rng(5)
    y = [3.0]
    for _ in range(119):
        y.append(3 + 0.8 * (y[-1] - 3) + rng.normal(0, 0.5))
    tested = pairs_tested(diary([exposure("a", y, binary=False)], [outcome("mood", y)]))
    next_day = [p for p in tested if p.exposure == "a" and p.lag_days == 1]
    assert all(abs(p.effect) < 0.05 for p in next_day), [
        (p.effect, p.low, p.high) for p in next_day
    ]


def test_moments_with_someone_no_longer_listed_are_counted_as_the_others():
    moments = _moments() + [MomentRatings(d, (3,), {"felt_safe": 2.0}) for d in range(0, 40, 3)]
    one = diary(
        [], [], moments=moments, people={1: "Sam"}, moment_outcomes={"felt_safe": ("safe", 5)}
    )
    found = find_patterns(one)
    assert [f.exposure for f in found] == ["moments-with-1"] and found[0].effect > 1


def test_moments_without_people_to_compare_find_only_the_days():
    x, y = same_day(40)
    # With someone no longer in the circle (archived): no one to compare moments by.
    moments = [MomentRatings(day, (3,), {"felt_safe": 4.0 + day % 2}) for day in range(40)]
    found = find_patterns(
        diary(
            [exposure("a", x)],
            [outcome("mood", y)],
            moments=moments,
            moment_outcomes={"felt_safe": ("safe", 5)},
        )
    )
    assert pairs(found) == {("a", "mood", 0)}
