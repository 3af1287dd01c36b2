"""``growth_rate`` targets: observed average growth against the required rate."""

from __future__ import annotations

import pytest

from nghiquyet.progress import Method, Status
from tests.progress.helpers import assess, target

REVENUE_GROWTH = target(kind="growth_rate", value=5, unit="%")


def test_it_is_on_track():
    # CAGR_o = (780/700)^(1/2) - 1 = 5,5597%; R = 5,5597/5 = 1,11195.
    # projected level = 780 * 1,055597^3 = 917,46.
    result = assess(REVENUE_GROWTH, {2025: 700, 2027: 780}, as_of=2027)
    assert result.status is Status.ON_TRACK
    assert result.method is Method.GROWTH_RATE
    assert result.ratio == pytest.approx(1.11195, abs=1e-5)
    assert result.observed == pytest.approx(5.5597, abs=1e-4)
    assert result.required == 5
    assert result.projected == pytest.approx(917.46, abs=0.01)


def test_it_needs_acceleration():
    # CAGR_o = 1,08^(1/2) - 1 = 3,9230%; R = 0,78461.
    result = assess(REVENUE_GROWTH, {2025: 1000, 2027: 1080}, as_of=2027)
    assert result.status is Status.NEEDS_ACCELERATION
    assert result.ratio == pytest.approx(0.78461, abs=1e-5)


def test_it_shows_deterioration():
    # CAGR_o = 0,95^(1/2) - 1 = -2,5321%; R = -0,50641.
    result = assess(REVENUE_GROWTH, {2025: 1000, 2027: 950}, as_of=2027)
    assert result.status is Status.DETERIORATION
    assert result.ratio == pytest.approx(-0.50641, abs=1e-5)


def test_it_is_achieved_or_missed_at_the_deadline():
    # 1,3^(1/5) - 1 = 5,3874% >= 5; 1,2^(1/5) - 1 = 3,7137% < 5.
    achieved = assess(REVENUE_GROWTH, {2025: 1000, 2030: 1300}, as_of=2030)
    assert achieved.status is Status.ACHIEVED
    assert achieved.observed == pytest.approx(5.3874, abs=1e-4)
    assert achieved.ratio is None  # the status did not come from R
    assert assess(REVENUE_GROWTH, {2025: 1000, 2030: 1200}, as_of=2030).status is Status.MISSED


def test_before_the_deadline_a_fast_pace_is_on_track_not_achieved():
    # An average so far is not the term's average.
    result = assess(REVENUE_GROWTH, {2025: 1000, 2027: 1300}, as_of=2027)
    assert result.status is Status.ON_TRACK


def test_exactly_the_required_rate_is_not_lost_to_float_noise():
    # 121/100 over two years is exactly 10%/năm; 1,1^5 = 1,61051.
    ten = target(kind="growth_rate", value=10, unit="%")
    assert assess(ten, {2025: 100, 2027: 121}, as_of=2027).ratio == 1
    assert assess(ten, {2025: 100, 2030: 161.051}, as_of=2030).status is Status.ACHIEVED


def test_a_range_of_growth_points_to_its_lower_bound():
    # "từ 3 đến 3,5%/năm": CAGR_o = 1,05^(1/2) - 1 = 2,4695%; R = 2,4695/3 = 0,82317.
    band = target(kind="growth_rate", comparator="between", value=3, upper=3.5, unit="%")
    result = assess(band, {2025: 1000, 2027: 1050}, as_of=2027)
    assert result.status is Status.NEEDS_ACCELERATION
    assert result.ratio == pytest.approx(0.82317, abs=1e-5)
    # 1,0325^5 * 1000 = 1173,41: 3,25%/năm lies in the range at the deadline.
    assert assess(band, {2025: 1000, 2030: 1173.41}, as_of=2030).status is Status.ACHIEVED


def test_a_required_decline():
    # "giảm bình quân ít nhất 2%/năm" (≤ -2): CAGR_o = 0,97^(1/2) - 1 = -1,5114%;
    # R = -1,5114 / -2 = 0,75571.
    decline = target(kind="growth_rate", comparator="<=", value=-2, unit="%")
    result = assess(decline, {2025: 100, 2027: 97}, as_of=2027)
    assert result.status is Status.NEEDS_ACCELERATION
    assert result.ratio == pytest.approx(0.75571, abs=1e-5)


def test_a_zero_rate_is_a_limit():
    # "không giảm" (≥ 0%/năm): within it on track, below it deterioration, no R.
    no_fall = target(kind="growth_rate", value=0, unit="%")
    assert assess(no_fall, {2025: 100, 2027: 101}, as_of=2027).status is Status.ON_TRACK
    falling = assess(no_fall, {2025: 100, 2027: 99}, as_of=2027)
    assert falling.status is Status.DETERIORATION
    assert falling.ratio is None


@pytest.mark.parametrize(
    "series",
    [
        {2025: 0, 2027: 100},  # from zero
        {2025: -10, 2027: 100},  # from a negative value
        {2025: 100, 2027: 0},  # to zero
        {2026: 100, 2027: 110},  # no baseline
        {2025: 100},  # no later year
        {},
    ],
)
def test_it_needs_a_positive_baseline_and_a_later_positive_value(series):
    result = assess(REVENUE_GROWTH, series, as_of=2027)
    assert result.status is Status.NO_DATA
    assert result.explanation
