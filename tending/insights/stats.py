"""The numbers under the insights engine: false-discovery control, Student's t, slow trends and
autocorrelation. Pure numpy, no Django; every function works on whole arrays at once.

How each piece is used is written in docs/insights.md ("How each number is computed")."""

from __future__ import annotations

import math

import numpy as np

Z_975 = 1.959963984540054  # the normal distribution's 97.5th percentile
TREND_PERIOD_DAYS = 45  # one cosine per 45 days of span: what varies slower counts as trend
TREND_ROWS_PER_TERM = 15  # never more than one trend term per 15 rows of data
TREND_MAX_TERMS = 40  # ten years: still removes anything slower than about half a year
PHI_MAX = 0.9
MIN_DF = 2.0
CF_TERMS = 100
NEWTON_STEPS = 4  # from 2 degrees of freedom up, enough for 1e-9
HILL_FROM = 10.0  # degrees of freedom from which Hill's approximation is used
DIRECT_LAGS = 12  # up to this many lags, sums of products beat a Fourier transform


_ERFC = np.vectorize(math.erfc, otypes=[float])


def bh_qvalues(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q): a pair is reported at level a when q <= a."""
    p = np.asarray(p, dtype=float)
    m = p.size
    order = np.argsort(p, kind="stable")
    ranked = p[order] * m / np.arange(1, m + 1)
    q = np.empty(m)
    # each q is the smallest of its own and all larger p's: never above the largest p
    q[order] = np.minimum.accumulate(ranked[::-1])[::-1]
    return q


def _betainc(a: np.ndarray, b: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Regularised incomplete beta I_x(a, b), by its continued fraction (modified Lentz)."""
    a, b, x = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (a, b, x)))
    flip = x > (a + 1.0) / (a + b + 2.0)
    a, b, x = np.where(flip, b, a), np.where(flip, a, b), np.where(flip, 1.0 - x, x)
    with np.errstate(divide="ignore", invalid="ignore"):  # x = 0 (t = 0): the front is 0
        log_front = a * np.log(x) + b * np.log1p(-x) - np.log(a) - _log_beta(a, b)
    tiny = 1e-300
    c = np.ones_like(x)
    d = 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / np.where(np.abs(d) < tiny, tiny, d)
    h = d.copy()
    for m in range(1, CF_TERMS):  # below 10 degrees of freedom, 30 terms already suffice
        m2 = 2 * m
        for num in (
            m * (b - m) * x / ((a + m2 - 1.0) * (a + m2)),
            -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0)),
        ):
            d = 1.0 + num * d
            d = 1.0 / np.where(np.abs(d) < tiny, tiny, d)
            c = 1.0 + num / c
            c = np.where(np.abs(c) < tiny, tiny, c)
            step = d * c
            h = h * step
    value = np.exp(log_front) * h
    return np.where(flip, 1.0 - value, value)


def _log_beta(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    lgamma = np.vectorize(math.lgamma, otypes=[float])
    return lgamma(a) + lgamma(b) - lgamma(a + b)


def t_two_sided_p(t: np.ndarray, df: np.ndarray) -> np.ndarray:
    """P(|T| >= |t|) for Student's t with `df` degrees of freedom (df may be fractional).

    From HILL_FROM degrees of freedom on, Hill's (1970) normalising transformation (relative
    error below 1e-5 there, and falling); below, the exact incomplete beta function."""
    t = np.asarray(t, dtype=float)
    df = np.asarray(df, dtype=float)
    t, df = np.broadcast_arrays(t, df)
    out = np.empty(t.shape)
    hill = df >= HILL_FROM
    if hill.any():
        out[hill] = _hill_two_sided(t[hill], df[hill])
    if (~hill).any():
        small_t, small_df = t[~hill], df[~hill]
        out[~hill] = _betainc(
            small_df / 2.0, np.full(small_df.shape, 0.5), _beta_x(small_t, small_df)
        )
    return out


def _beta_x(t: np.ndarray, df: np.ndarray) -> np.ndarray:
    return df / (df + t * t)


def _hill_two_sided(t: np.ndarray, df: np.ndarray) -> np.ndarray:
    """Hill, G. W. (1970), Algorithm 395, Comm. ACM 13(10): t to a normal deviate."""
    y = np.log1p(t * t / df)
    a = df - 0.5
    b = 48.0 * a * a
    y = a * y
    z = ((((-0.4 * y - 3.3) * y - 24.0) * y - 85.5) / (0.8 * y * y + 100.0 + b) + y + 3.0) / b + 1.0
    z = z * np.sqrt(y)
    return _ERFC(z / math.sqrt(2.0))


def t_quantile_975(df: np.ndarray) -> np.ndarray:
    """Student's t 97.5th percentile: the first Cornish-Fisher term (Abramowitz & Stegun
    26.7.5) as a start, then Newton steps on the distribution itself. The distribution is
    concave above its centre, so each step lands below the answer and closer to it."""
    v = np.maximum(np.asarray(df, dtype=float), MIN_DF)
    t = Z_975 + (Z_975**3 + Z_975) / (4 * v)
    log_scale = -_log_beta(v / 2.0, np.full_like(v, 0.5)) - 0.5 * np.log(v)
    for _ in range(NEWTON_STEPS):
        upper = t_two_sided_p(t, v) / 2.0  # P(T > t)
        density = np.exp(log_scale - (v + 1) / 2 * np.log1p(t * t / v))
        t = t + (upper - 0.025) / density
    return t


def trend_terms(span_days: int, rows: int) -> int:
    """How many slow cosines describe the trend of a series over `span_days` with `rows` values."""
    by_span = span_days // TREND_PERIOD_DAYS
    by_rows = rows // TREND_ROWS_PER_TERM
    return max(1, min(by_span, by_rows, TREND_MAX_TERMS))


def trend_basis(day: np.ndarray, terms: int) -> np.ndarray:
    """The person's own mean and slow trend as regression columns: a constant and `terms`
    cosines over the span of `day` (a discrete cosine basis: the first is a smooth slope)."""
    day = np.asarray(day, dtype=float)
    start, end = day.min(), day.max()
    span = end - start + 1.0
    out = np.empty((day.size, terms + 1))
    out[:, 0] = 1.0
    if terms:
        out[:, 1] = np.cos(np.pi * (day - start + 0.5) / span)
        twice = 2.0 * out[:, 1]
        for k in range(2, terms + 1):  # cos(k a) = 2 cos(a) cos((k-1) a) - cos((k-2) a)
            out[:, k] = twice * out[:, k - 1] - out[:, k - 2]
    return out


def project_out(w: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, int]:
    """What is left of each column of `values` once the columns of `w` are fitted by least
    squares, and how many independent columns `w` has. Normal equations with a pseudo-inverse
    (columns that repeat others count once). Matrix products through BLAS, held to one
    thread (tending/__init__.py), so a busy server does not slow it down."""
    gram = w.T @ w
    scale = np.sqrt(np.maximum(np.diag(gram), 1e-300))
    unit_gram = gram / np.outer(scale, scale)
    right = (w.T @ values) / scale[:, None]
    try:
        lower = np.linalg.cholesky(unit_gram)
        if np.diag(lower).min() ** 2 < 1e-10:
            raise np.linalg.LinAlgError("nearly repeated columns")
        coefficients, rank = np.linalg.solve(unit_gram, right), w.shape[1]
    except np.linalg.LinAlgError:
        eigenvalues, vectors = np.linalg.eigh(unit_gram)
        keep = eigenvalues > 1e-10 * max(eigenvalues.max(), 1e-300)
        coefficients = (vectors[:, keep] / eigenvalues[keep]) @ (vectors[:, keep].T @ right)
        rank = int(keep.sum())
    coefficients = coefficients / scale[:, None]
    return values - w @ coefficients, rank


def autocorrelation(
    residual: np.ndarray, position: np.ndarray, fitted_terms: int, lag: int = 1
) -> float:
    """The autocorrelation at `lag` of a residual series observed at increasing integer
    `position`s (gaps allowed: only values exactly `lag` steps apart count), corrected for its
    known downward bias (about (k + 1 + 3 rho) / n for k fitted terms) and kept within
    [0, PHI_MAX]."""
    n = residual.size
    if n < 3:
        return 0.0
    later = np.searchsorted(position, position + lag)
    later = np.minimum(later, n - 1)
    neighbours = np.flatnonzero(position[later] == position + lag)
    variance = float(residual @ residual) / n
    if neighbours.size == 0 or variance <= 0:
        return 0.0
    raw = float(residual[neighbours] @ residual[later[neighbours]]) / neighbours.size / variance
    corrected = raw + (fitted_terms + 1 + 3 * max(raw, 0.0)) / n
    return float(min(max(corrected, 0.0), PHI_MAX))


def ar1_quadratic(columns: np.ndarray, position: np.ndarray, length: int, phi: float) -> np.ndarray:
    """For each column z (values at `position` on a grid of `length` steps): sum over pairs of
    z_s z_t phi^|s-t|, the variance of z'e when e is AR(1) noise with lag-1 correlation phi and
    unit variance. Equals z'z when phi is 0."""
    columns = np.asarray(columns, dtype=float)
    plain = np.einsum("ij,ij->j", columns, columns)
    if phi <= 0 or columns.shape[1] == 0:
        return plain
    max_lag = min(length - 1, int(math.ceil(math.log(1e-6) / math.log(phi))))
    if max_lag < 1:
        return plain
    grid = np.zeros((columns.shape[1], length))
    grid[:, position] = columns.T
    weights = phi ** np.arange(1, max_lag + 1)
    if max_lag <= DIRECT_LAGS:
        auto = np.column_stack(
            [np.einsum("ij,ij->i", grid[:, :-j], grid[:, j:]) for j in range(1, max_lag + 1)]
        )
    else:
        size = 1 << int(math.ceil(math.log2(length + max_lag + 1)))
        spectrum = np.fft.rfft(grid, n=size, axis=1)
        auto = np.fft.irfft(spectrum * spectrum.conj(), n=size, axis=1)[:, 1 : max_lag + 1]
    return plain + 2.0 * auto @ weights
