"""Relating many exposures to a few outcomes at once: least squares after taking out the
person's mean and slow trend (and, for daily pairs, how the day before went), with intervals
that allow for autocorrelation. Pure numpy, no Django."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tending.insights import stats


@dataclass(frozen=True)
class Fit:
    """One outcome against each exposure column separately."""

    effect: np.ndarray  # outcome points per unit of the exposure
    se: np.ndarray
    df: np.ndarray  # Student's t degrees of freedom: effective count minus fitted terms
    n_effective: np.ndarray
    ok: np.ndarray  # enough data (3 with and 3 without, some variation left) to say anything


def relate(
    ys: np.ndarray,
    x: np.ndarray,
    trend_day: np.ndarray,
    position: np.ndarray,
    binary: np.ndarray,
    min_each_side: int,
    priors: list[np.ndarray] | None = None,
) -> list[Fit]:
    """Each column of `ys` (n rows) against each column of `x`, one exposure per model.

    Every model holds the mean and slow trend over `trend_day`; outcome o's model also holds
    the columns `priors[o]` (yesterday's outcome). Autocorrelation is along `position`."""
    n = ys.shape[0]
    span = int(trend_day.max() - trend_day.min()) + 1
    w = stats.trend_basis(trend_day, stats.trend_terms(span, n))
    blocks = [ys, x] + (priors or [])
    rest, trend_rank = stats.project_out(w, np.column_stack(blocks))
    n_out, n_x = ys.shape[1], x.shape[1]
    y_rest, x_rest = rest[:, :n_out], rest[:, n_out : n_out + n_x]
    with_count = (x > 0.5).sum(axis=0)
    sides = (with_count >= min_each_side) & (n - with_count >= min_each_side)
    enough = np.where(binary, sides, True)
    step = position - position[0]
    fits = []
    start = n_out + n_x
    for o in range(n_out):
        y_o, x_o, fitted = y_rest[:, o], x_rest, trend_rank
        if priors:
            width = priors[o].shape[1]
            prior_rest = rest[:, start : start + width]
            start += width
            both, prior_rank = stats.project_out(prior_rest, np.column_stack([y_o, x_o]))
            y_o, x_o, fitted = both[:, 0], both[:, 1:], trend_rank + prior_rank
        fits.append(_estimate(y_o, x_o, step, fitted, enough))
    return fits


def _estimate(y_rest, x_rest, step, fitted, enough) -> Fit:
    """The slope of y on each x (both already free of the fitted terms), its standard error
    under AR(1) errors with the lag-1 autocorrelation left in y, and the effective count."""
    n = y_rest.size
    sxx = np.einsum("ij,ij->j", x_rest, x_rest)
    residual_df = n - fitted - 1
    ok = enough & (sxx > 1e-9 * n) & (residual_df >= 1)
    safe_sxx = np.where(ok, sxx, 1.0)
    effect = np.where(ok, (y_rest @ x_rest) / safe_sxx, 0.0)
    variance = np.maximum(float(y_rest @ y_rest) - effect**2 * safe_sxx, 0.0) / max(residual_df, 1)
    # The larger of the lag-1 autocorrelation and the root of the lag-2 one: a correlation
    # that starts small but fades slowly (yesterday's answer only half-measures yesterday's
    # state) is still allowed for.
    phi = max(
        stats.autocorrelation(y_rest, step, fitted),
        stats.autocorrelation(y_rest, step, fitted, lag=2) ** 0.5,
    )
    quadratic = stats.ar1_quadratic(x_rest, step, int(step[-1]) + 1, phi)
    quadratic = np.maximum(quadratic, safe_sxx)
    n_effective = n * safe_sxx / quadratic
    se = np.sqrt(variance * quadratic) / safe_sxx
    df = np.maximum(n_effective - fitted - 1, stats.MIN_DF)
    return Fit(effect, se, df, n_effective, ok)
