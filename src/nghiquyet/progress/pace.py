"""The arithmetic of progress: growth rates, slopes, projections and ratios.

Pure float functions that return None instead of raising when the numbers
leave the range a float can hold, so that no input can crash a report.
"""

from __future__ import annotations

import math

from nghiquyet.progress.status import PERCENT_CAP, RATIO_DECIMALS, Status, classify_ratio
from nghiquyet.progress.target import PERCENT_UNIT


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def compound_growth(start: float, end: float, years: float) -> float | None:
    """(end/start)^(1/years) - 1, as a fraction; None unless both are > 0 and years > 0."""
    if start <= 0 or end <= 0 or years <= 0:
        return None
    try:
        return _finite((end / start) ** (1 / years) - 1)
    except (OverflowError, ZeroDivisionError):
        return None


def slope(start: float, end: float, years: float) -> float | None:
    if years <= 0:
        return None
    return _finite((end - start) / years)


def project_growth(latest: float, growth: float, years: float) -> float | None:
    try:
        return _finite(latest * (1 + growth) ** years)
    except (OverflowError, ZeroDivisionError):
        return None


def project_linear(latest: float, per_year: float, years: float) -> float | None:
    return _finite(latest + per_year * years)


def cap_percent(projected: float | None, unit: str, observed: tuple[float, ...]) -> float | None:
    """A share in % cannot pass 100, nor fall below 0.

    The floor and the cap apply only while the observed values themselves lie
    in 0..100: a "%" that already reads 120 (a budget executed at 120 % of
    plan) is not a share, and capping its projection would hide its trend.
    """
    if projected is None or unit != PERCENT_UNIT:
        return projected
    if all(0 <= value <= PERCENT_CAP for value in observed):
        return min(max(projected, 0.0), PERCENT_CAP)
    return projected


def ratio(direction: int, observed: float, required: float) -> float | None:
    """R = d * observed / |required|, rounded against float noise; None when required is 0."""
    if required == 0:
        return None
    value = direction * observed / abs(required)
    if math.isnan(value):
        return None
    # ±inf (a requirement too small for a float) still classifies by its sign.
    return round(value, RATIO_DECIMALS) if math.isfinite(value) else value


def judge_ratio(value: float) -> tuple[Status, float | None]:
    """The status of R, and R as stored: None rather than an infinity."""
    return classify_ratio(value), _finite(value)
