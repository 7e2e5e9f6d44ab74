"""fitting.relate against a plain, slow computation of the same model. Pure, fast."""

from __future__ import annotations

import numpy as np
import pytest

from tending.insights import stats
from tending.insights.fitting import relate


def _slow(y, x, trend_day, position, prior=None):
    """Least squares with every column written out, and the AR(1) variance by a full matrix."""
    span = int(trend_day.max() - trend_day.min()) + 1
    terms = stats.trend_terms(span, y.size)
    w = stats.trend_basis(trend_day, terms)
    if prior is not None:
        w = np.column_stack([w, prior])
    fitted = np.linalg.matrix_rank(w)
    design = np.column_stack([w, x])
    coefficients = np.linalg.lstsq(design, y, rcond=None)[0]
    effect = coefficients[-1]
    # the exposure freed of the other terms, and what is left of y without the exposure
    z = x - w @ np.linalg.lstsq(w, x, rcond=None)[0]
    rest = y - w @ np.linalg.lstsq(w, y, rcond=None)[0]
    step = position - position[0]
    phi = max(
        stats.autocorrelation(rest, step, fitted),
        stats.autocorrelation(rest, step, fitted, lag=2) ** 0.5,
    )
    omega = phi ** np.abs(step[:, None] - step[None, :])
    residual = y - design @ coefficients
    variance = residual @ residual / (y.size - fitted - 1)
    quadratic = max(z @ omega @ z, z @ z)
    se = np.sqrt(variance * quadratic) / (z @ z)
    n_effective = y.size * (z @ z) / quadratic
    return effect, se, max(n_effective - fitted - 1, 2.0), n_effective


def _ar(n, phi, seed):
    rng = np.random.default_rng(seed)
    out = np.zeros(n)
    for t in range(1, n):
        out[t] = phi * out[t - 1] + rng.normal()
    return out


def _streaky(n, seed):
    return (_ar(n, 0.9, seed) > 0).astype(float)


def test_relate_matches_the_slow_computation_with_yesterday_and_gaps():
    rng = np.random.default_rng(11)
    days = np.sort(rng.choice(np.arange(1, 140), 100, replace=False))
    x = np.column_stack([_streaky(140, 1)[days], rng.random(100) * 3])
    trend = np.linspace(0, 1, 140)[days]
    ys = np.column_stack(
        [2 + trend + 0.5 * x[:, 0] + _ar(140, 0.7, 2)[days], 3 + _ar(140, 0.6, 3)[days]]
    )
    known = rng.random(100) < 0.8
    priors = [
        np.column_stack([np.where(known, ys[:, 0], 2.5), (~known).astype(float)]),
        ys[:, 1:2] * 0.5 + rng.normal(size=(100, 1)),
    ]
    fits = relate(ys, x, days, days, np.array([True, False]), 3, priors)
    for o in range(2):
        for j in range(2):
            effect, se, df, n_effective = _slow(ys[:, o], x[:, j], days, days, priors[o])
            assert fits[o].effect[j] == pytest.approx(effect, rel=1e-6)
            assert fits[o].se[j] == pytest.approx(se, rel=1e-6)
            assert fits[o].df[j] == pytest.approx(df, rel=1e-6)
            assert fits[o].n_effective[j] == pytest.approx(n_effective, rel=1e-6)
            assert fits[o].ok[j]
    assert fits[0].n_effective[0] < 100  # streaks and carry-over: fewer effective days


def test_relate_without_priors_moments_in_order():
    rng = np.random.default_rng(12)
    day = np.sort(rng.integers(5, 200, 150))
    order = np.arange(150) + 7
    x = (rng.random((150, 1)) < 0.3).astype(float)
    y = 3 + 0.01 * day + 0.8 * x[:, 0] + _ar(150, 0.5, 4)
    fit = relate(y[:, None], x, day, order, np.array([True]), 3)[0]
    effect, se, df, n_effective = _slow(y, x[:, 0], day, order)
    assert fit.effect[0] == pytest.approx(effect, rel=1e-6)
    assert fit.se[0] == pytest.approx(se, rel=1e-6)
    assert fit.df[0] == pytest.approx(df, rel=1e-6)
    assert fit.n_effective[0] == pytest.approx(n_effective, rel=1e-6)


@pytest.mark.parametrize(("last", "terms"), [(129, 3), (128, 2)])
def test_an_exact_line_has_every_day_effective_and_loses_one_df_per_term(last, terms):
    day = np.arange(40, last + 1)  # a span of 90 days: a constant and two cosines; 89: one
    x = np.tile([0.0, 1.0, 1.0], 30)[: day.size, None]
    y = (3 + 0.5 * x[:, 0])[:, None]
    fit = relate(y, x, day, day, np.array([True]), 3)[0]
    assert fit.effect[0] == pytest.approx(0.5)
    assert fit.n_effective[0] == pytest.approx(day.size)
    assert fit.df[0] == pytest.approx(day.size - terms - 1)
    assert fit.se[0] == pytest.approx(0.0, abs=1e-9)


def test_what_cannot_be_told_is_marked_not_ok():
    day = np.arange(20)
    x = np.column_stack(
        [
            np.r_[np.ones(3), np.zeros(17)],  # 3 with: enough
            np.r_[np.ones(2), np.zeros(18)],  # 2 with: not enough
            np.r_[np.ones(17), np.zeros(3)],  # 3 without: enough
            np.ones(20),  # never varies
            np.linspace(0, 1, 20) * 0 + 5.0,  # an amount that never varies
            np.arange(20.0) % 2,  # an amount that varies
        ]
    )
    y = np.random.default_rng(1).normal(size=(20, 1))
    binary = np.array([True, True, True, True, False, False])
    fit = relate(y, x, day, day, binary, 3)[0]
    assert list(fit.ok) == [True, False, True, False, False, True]


def test_with_too_few_rows_for_the_terms_nothing_is_ok():
    day = np.arange(4)
    x = np.array([[0.0], [1.0], [0.0], [1.0]])
    y = np.array([[1.0], [2.0], [1.5], [1.0]])
    prior = [np.array([[1.0], [3.0], [2.0], [0.0]])]  # a constant, a slope, yesterday: 3 terms
    assert not relate(y, x, day, day, np.array([False]), 1, prior)[0].ok[0]
    assert relate(y, x, day, day, np.array([False]), 1)[0].ok[0]


def test_a_correlation_that_skips_a_day_is_allowed_for():
    # every other day alike: nothing at lag 1, a lot at lag 2, as with a two-day rhythm
    rng = np.random.default_rng(13)
    n = 120
    noise = np.zeros(n)
    for t in range(2, n):
        noise[t] = 0.8 * noise[t - 2] + rng.normal()
    day = np.arange(n)
    x = np.column_stack([_streaky(n, 5)])
    y = (3 + noise)[:, None]
    fit = relate(y, x, day, day, np.array([True]), 3)[0]
    effect, se, df, n_effective = _slow(y[:, 0], x[:, 0], day, day)
    rest = y[:, 0] - y[:, 0].mean()
    assert stats.autocorrelation(rest, day, 2, lag=2) ** 0.5 > stats.autocorrelation(rest, day, 2)
    assert fit.se[0] == pytest.approx(se, rel=1e-6)
    assert fit.n_effective[0] == pytest.approx(n_effective, rel=1e-6)


def test_a_correlation_only_from_one_day_to_the_next_is_allowed_for():
    rng = np.random.default_rng(14)
    n = 120
    shocks = rng.normal(size=n + 1)
    noise = shocks[1:] + 0.9 * shocks[:-1]  # alike with the day before, not with two before
    day = np.arange(n)
    x = np.column_stack([_streaky(n, 6)])
    y = (3 + noise)[:, None]
    fit = relate(y, x, day, day, np.array([True]), 3)[0]
    effect, se, df, n_effective = _slow(y[:, 0], x[:, 0], day, day)
    rest = y[:, 0] - y[:, 0].mean()
    assert stats.autocorrelation(rest, day, 2) > stats.autocorrelation(rest, day, 2, lag=2) ** 0.5
    assert fit.se[0] == pytest.approx(se, rel=1e-6)
