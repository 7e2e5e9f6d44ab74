"""The numbers under the insights engine, each against a known answer. Pure, fast."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tending.insights import stats


def test_bh_qvalues_match_a_worked_example():
    p = np.array([0.01, 0.04, 0.03, 0.5])
    # sorted 0.01, 0.03, 0.04, 0.5 -> x4/1, x4/2, x4/3, x4/4 -> 0.04, 0.06, 0.0533, 0.5, then
    # each is the smallest of itself and those after it.
    assert stats.bh_qvalues(p) == pytest.approx([0.04, 0.05333333, 0.05333333, 0.5])


def test_bh_qvalues_never_exceed_one_and_keep_order():
    p = np.array([0.9, 0.001, 0.95, 0.2, 0.2])
    q = stats.bh_qvalues(p)
    assert q.max() <= 1.0
    assert q[1] == pytest.approx(0.005)
    # 0.2 ranks 2nd and 3rd of 5: 0.2 x 5 / 3; 0.9 (x 5 / 4 = 1.125) takes 0.95's 0.95
    assert q[3] == q[4] == pytest.approx(1 / 3)
    assert q[0] == pytest.approx(0.95) and q[2] == pytest.approx(0.95)
    order = np.argsort(p, kind="stable")
    assert np.all(np.diff(q[order]) >= 0)


def test_bh_qvalues_of_nothing_is_nothing():
    assert stats.bh_qvalues(np.array([])).size == 0
    assert stats.bh_qvalues(np.array([0.03])) == pytest.approx([0.03])


@pytest.mark.parametrize(
    ("t", "df", "p"),
    [
        (2.228138852, 10, 0.05),
        (4.302652730, 2, 0.05),
        (2.570581836, 5, 0.05),
        (1.959963985, 1e6, 0.05),
        (3.0, 20, 0.0070759),
        (5.0, 60, 5.288e-06),
        (-2.042272456, 30, 0.05),
        (1.0, 3, 0.390994),
        (0.0, 7, 1.0),
        (12.0, 4, 0.000276),
    ],
)
def test_t_two_sided_p_matches_tables(t, df, p):
    got = stats.t_two_sided_p(np.array([t]), np.array([float(df)]))[0]
    assert got == pytest.approx(p, rel=2e-3)


def test_t_p_agrees_either_side_of_the_switch_to_hill():
    t = np.array([0.3, 1.5, 2.5, 4.0, 6.0])
    just_below = stats.t_two_sided_p(t, np.full(5, stats.HILL_FROM - 1e-9))
    at = stats.t_two_sided_p(t, np.full(5, stats.HILL_FROM))
    assert at == pytest.approx(just_below, rel=1e-4)


def test_t_p_is_exact_for_one_degree_of_freedom():
    # Cauchy: P(|T| >= t) = 1 - 2 atan(t) / pi
    t = np.array([0.5, 1.0, 3.0, 20.0])
    expected = 1 - 2 * np.arctan(t) / np.pi
    assert stats.t_two_sided_p(t, np.ones(4)) == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(
    ("df", "quantile"),
    [
        (2, 4.3026527),
        (3, 3.1824463),
        (5, 2.5705818),
        (10, 2.2281389),
        (30, 2.0422725),
        (1e5, 1.9599877),
    ],
)
def test_t_quantile_matches_tables(df, quantile):
    assert stats.t_quantile_975(np.array([float(df)]))[0] == pytest.approx(quantile, abs=2e-6)


@pytest.mark.parametrize("df", [2.0, 2.7, 4.0, 9.5, 10.0, 33.3, 500.0])
def test_t_quantile_leaves_exactly_two_and_a_half_percent_above(df):
    t = stats.t_quantile_975(np.array([df]))
    assert stats.t_two_sided_p(t, np.array([df]))[0] == pytest.approx(0.05, rel=1e-7)


def test_t_quantile_never_uses_fewer_than_two_degrees():
    assert stats.t_quantile_975(np.array([0.5]))[0] == pytest.approx(4.3026527, abs=2e-6)


def test_trend_terms_grow_with_span_and_rows_within_limits():
    assert stats.trend_terms(14, 14) == 1
    assert stats.trend_terms(89, 200) == 1
    assert stats.trend_terms(90, 200) == 2
    assert stats.trend_terms(180, 60) == 4
    assert stats.trend_terms(180, 59) == 3  # one term per 15 rows at most
    assert stats.trend_terms(3650, 3650) == stats.TREND_MAX_TERMS
    assert stats.trend_terms(3650, 3650) == 40


def test_trend_basis_is_a_constant_then_slow_cosines():
    day = np.array([7, 8, 10, 19])
    w = stats.trend_basis(day, 3)
    assert w.shape == (4, 4)
    assert w[:, 0] == pytest.approx(np.ones(4))
    # the first cosine falls from near 1 to near -1 across the span (7..19, 13 days)
    for k in (1, 2, 3):
        assert w[:, k] == pytest.approx(np.cos(k * np.pi * (day - 7 + 0.5) / 13), abs=1e-12)


def test_project_out_removes_a_mean_and_a_slope_and_keeps_the_rest():
    day = np.arange(60.0)
    wiggle = np.sin(day * 2.1)
    values = np.column_stack([3.0 + 0.05 * day + wiggle, 2.0 - 0.1 * day])
    w = np.column_stack([np.ones(60), day])
    rest, rank = stats.project_out(w, values)
    assert rank == 2
    assert rest[:, 1] == pytest.approx(np.zeros(60), abs=1e-9)
    assert np.corrcoef(rest[:, 0], wiggle)[0, 1] > 0.99
    assert rest[:, 0].mean() == pytest.approx(0.0, abs=1e-9)


def test_project_out_counts_a_repeated_column_once():
    day = np.arange(30.0)
    w = np.column_stack([np.ones(30), day, 2 * day])
    rest, rank = stats.project_out(w, (1.0 + day)[:, None])
    assert rank == 2
    assert rest[:, 0] == pytest.approx(np.zeros(30), abs=1e-8)


def test_project_out_with_a_single_column():
    rest, rank = stats.project_out(np.ones((5, 1)), np.array([[1.0], [2.0], [3.0], [4.0], [5.0]]))
    assert rank == 1
    assert rest[:, 0] == pytest.approx([-2, -1, 0, 1, 2])


def _ar1(phi, n, seed):
    rng = np.random.default_rng(seed)
    out = np.zeros(n)
    for t in range(1, n):
        out[t] = phi * out[t - 1] + rng.normal()
    return out


def test_autocorrelation_recovers_phi_without_the_short_series_bias():
    estimates = [
        stats.autocorrelation(_ar1(0.5, 60, s) - _ar1(0.5, 60, s).mean(), np.arange(60), 1)
        for s in range(300)
    ]
    assert np.mean(estimates) == pytest.approx(0.5, abs=0.05)


def test_autocorrelation_only_counts_neighbours_one_step_apart():
    residual = np.array([1.0, 1.0, -1.0, -1.0, 1.0, 1.0])
    together = stats.autocorrelation(residual, np.array([0, 1, 2, 3, 4, 5]), 0)
    apart = stats.autocorrelation(residual, np.array([0, 1, 5, 6, 10, 11]), 0)
    # apart: only (0,1), (5,6), (10,11) are neighbours, all alike: raw 1.0, clipped to PHI_MAX
    assert apart == stats.PHI_MAX
    # together: raw (1 - 1 + 1 - 1 + 1) / 5 = 0.2, plus (0 + 1 + 0.6) / 6
    assert together == pytest.approx(0.2 + 1.6 / 6)


def test_autocorrelation_at_two_days_counts_pairs_two_apart():
    residual = np.array([1.0, 5.0, 1.0, -5.0, -1.0, 5.0, -1.0])
    # positions 0..6: pairs two apart (0,2) (1,3) (2,4) (3,5) (4,6): 1 - 25 - 1 - 25 + 1
    got = stats.autocorrelation(residual, np.arange(7), 0, lag=2)
    assert got == 0.0  # negative, kept at 0
    gappy = stats.autocorrelation(residual, np.array([0, 2, 4, 5, 9, 11, 20]), 0, lag=2)
    # two apart: (0,2) 1 x 5, (2,4) 5 x 1, (9,11) -1 x 5: (5 + 5 - 5) / 3 / variance
    raw = 5 / 3 / (float(residual @ residual) / 7)
    assert gappy == pytest.approx(raw + (1 + 3 * raw) / 7)
    alike = np.array([1.0, 2.0, 1.0, 2.0, 1.0, 2.0])
    raw = (1 + 4 + 1 + 4) / 4 / (float(alike @ alike) / 6)
    assert stats.autocorrelation(alike, np.arange(6), 0, lag=2) == min(
        raw + (1 + 3 * raw) / 6, stats.PHI_MAX
    )


def test_autocorrelation_is_zero_when_it_cannot_be_told():
    assert stats.autocorrelation(np.array([1.0, -1.0]), np.array([0, 1]), 0) == 0.0
    assert stats.autocorrelation(np.array([1.0, -1.0, 2.0]), np.array([0, 2, 4]), 0) == 0.0
    assert stats.autocorrelation(np.zeros(5), np.arange(5), 0) == 0.0
    alternating = np.array([1.0, -1.0] * 10)
    assert stats.autocorrelation(alternating, np.arange(20), 0) == 0.0


def _dense_quadratic(z, position, phi):
    gaps = np.abs(position[:, None] - position[None, :])
    return np.array([z[:, j] @ (phi**gaps) @ z[:, j] for j in range(z.shape[1])])


@pytest.mark.parametrize("phi", [0.0, 0.3, 0.6, 0.9])
def test_ar1_quadratic_matches_the_full_correlation_matrix(phi):
    rng = np.random.default_rng(3)
    position = np.sort(rng.choice(200, 120, replace=False))
    z = rng.normal(size=(120, 3))
    got = stats.ar1_quadratic(z, position, 200, phi)
    assert got == pytest.approx(_dense_quadratic(z, position, phi), rel=1e-6)


def test_ar1_quadratic_direct_and_fourier_paths_agree():
    rng = np.random.default_rng(4)
    position = np.arange(50)
    z = rng.normal(size=(50, 2))
    small = 0.3  # needs few lags: sums of products
    assert math.ceil(math.log(1e-6) / math.log(small)) <= stats.DIRECT_LAGS
    big = 0.5  # needs more: Fourier transform
    assert math.ceil(math.log(1e-6) / math.log(big)) > stats.DIRECT_LAGS
    for phi in (small, big):
        got = stats.ar1_quadratic(z, position, 50, phi)
        assert got == pytest.approx(_dense_quadratic(z, position, phi), rel=1e-6)


def test_ar1_quadratic_is_the_plain_sum_of_squares_without_autocorrelation():
    z = np.array([[1.0, 2.0], [3.0, -1.0]])
    assert stats.ar1_quadratic(z, np.array([0, 1]), 2, 0.0) == pytest.approx([10.0, 5.0])
    assert stats.ar1_quadratic(z, np.array([0, 1]), 1, 0.5) == pytest.approx([10.0, 5.0])


def test_project_out_counts_a_nearly_repeated_column_once():
    rng = np.random.default_rng(8)
    day = np.arange(40.0)
    w = np.column_stack([np.ones(40), day, day + 1e-7 * rng.normal(size=40)])
    rest, rank = stats.project_out(w, (2.0 + 0.5 * day)[:, None])
    assert rank == 2
    assert rest[:, 0] == pytest.approx(np.zeros(40), abs=1e-6)


def test_autocorrelation_from_three_values_and_from_two():
    # Three values, neighbours (1, 1) and (1, -2): raw (1 - 2) / 2 / 2 = -0.25, and the bias
    # correction adds (0 + 1 + 3 x 0) / 3 for a negative raw value.
    got = stats.autocorrelation(np.array([1.0, 1.0, -2.0]), np.arange(3), 0)
    assert got == pytest.approx(-0.25 + 1 / 3)
    assert stats.autocorrelation(np.array([1.0, 1.0]), np.arange(2), 0) == 0.0  # too few


def test_ar1_quadratic_for_one_column_and_for_short_series():
    rng = np.random.default_rng(5)
    one = rng.normal(size=(30, 1))
    position = np.arange(30)
    assert stats.ar1_quadratic(one, position, 30, 0.6) == pytest.approx(
        _dense_quadratic(one, position, 0.6), rel=1e-6
    )
    # Five days with a slow decay: every lag up to four counts, even the last one.
    five = rng.normal(size=(5, 2))
    assert stats.ar1_quadratic(five, np.arange(5), 5, 0.9) == pytest.approx(
        _dense_quadratic(five, np.arange(5), 0.9), rel=1e-12
    )
    two = np.array([[1.0], [2.0]])
    assert stats.ar1_quadratic(two, np.arange(2), 2, 0.5) == pytest.approx([1 + 4 + 2 * 0.5 * 2])
