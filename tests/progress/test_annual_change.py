"""``annual_change`` targets: the average change per year, in the unit."""

from __future__ import annotations

import pytest

from nghiquyet.progress import Method, Status
from tests.progress.helpers import assess, target

POVERTY_DOWN = target(
    kind="annual_change", comparator="<=", value=-1.5, unit="điểm %", label="Giảm tỷ lệ hộ nghèo"
)


def test_a_negative_target_needs_acceleration():
    # a = (11 - 13,5)/2 = -1,25; R = a/c = -1,25/-1,5 = 0,833333.
    # projected = 11 - 1,25*3 = 7,25.
    result = assess(POVERTY_DOWN, {2025: 13.5, 2027: 11}, as_of=2027)
    assert result.status is Status.NEEDS_ACCELERATION
    assert result.method is Method.ANNUAL_CHANGE
    assert result.ratio == pytest.approx(0.833333, abs=1e-6)
    assert result.observed == pytest.approx(-1.25)
    assert result.required == -1.5
    assert result.projected == pytest.approx(7.25)


def test_a_negative_target_on_track():
    # a = (10,5 - 13,5)/2 = -1,5; R = 1.
    result = assess(POVERTY_DOWN, {2025: 13.5, 2027: 10.5}, as_of=2027)
    assert result.status is Status.ON_TRACK
    assert result.ratio == 1


def test_float_noise_does_not_break_the_comparison():
    # (2,7 - 10,2)/5 is -1,4999999999999998 in floats, which is not <= -1,5.
    assert assess(POVERTY_DOWN, {2025: 10.2, 2030: 2.7}, as_of=2030).status is Status.ACHIEVED


def test_a_rise_against_a_required_fall_is_deterioration():
    # a = +0,25; R = 0,25/-1,5 = -0,166667.
    result = assess(POVERTY_DOWN, {2025: 13.5, 2027: 14}, as_of=2027)
    assert result.status is Status.DETERIORATION
    assert result.ratio == pytest.approx(-0.166667, abs=1e-6)


def test_at_the_deadline():
    # a = (6 - 13,5)/5 = -1,5 meets ≤ -1,5; (7 - 13,5)/5 = -1,3 does not.
    assert assess(POVERTY_DOWN, {2025: 13.5, 2030: 6}, as_of=2030).status is Status.ACHIEVED
    assert assess(POVERTY_DOWN, {2025: 13.5, 2030: 7}, as_of=2030).status is Status.MISSED


def test_a_share_projection_is_floored_at_zero():
    # a = (1,5 - 3)/2 = -0,75; R = 0,5; projected = 1,5 - 0,75*3 = -0,75 -> 0.
    result = assess(POVERTY_DOWN, {2025: 3, 2027: 1.5}, as_of=2027)
    assert result.status is Status.LIMITED_PROGRESS
    assert result.projected == 0


def test_a_positive_target():
    # ≥ +2 ha/năm: a = (103 - 100)/2 = 1,5; R = 0,75.
    more = target(kind="annual_change", comparator=">=", value=2, unit="ha")
    result = assess(more, {2025: 100, 2027: 103}, as_of=2027)
    assert result.status is Status.NEEDS_ACCELERATION
    assert result.ratio == pytest.approx(0.75)


def test_negative_levels():
    # ≤ -1 from -3 to -6: a = -1,5; R = 1,5.
    result = assess(
        target(kind="annual_change", comparator="<=", value=-1, unit="tỷ đồng"),
        {2025: -3, 2027: -6},
        as_of=2027,
    )
    assert result.status is Status.ON_TRACK
    assert result.ratio == pytest.approx(1.5)


class TestZeroAndLimits:
    """c = 0 and caps: a/c would divide by zero or reward the wrong way (see the docs)."""

    def test_no_increase(self):
        flat = target(kind="annual_change", comparator="<=", value=0, unit="%")
        assert assess(flat, {2025: 5, 2027: 5}, as_of=2027).status is Status.ON_TRACK
        rising = assess(flat, {2025: 5, 2027: 6}, as_of=2027)
        assert rising.status is Status.DETERIORATION
        assert rising.ratio is None

    def test_no_decrease(self):
        steady = target(kind="annual_change", comparator=">=", value=0, unit="ha")
        assert assess(steady, {2025: 100, 2027: 99}, as_of=2027).status is Status.DETERIORATION

    def test_a_capped_increase(self):
        # "tăng không quá 2 ha/năm": a = 1 within, a = 3 beyond.
        capped = target(kind="annual_change", comparator="<=", value=2, unit="ha")
        assert assess(capped, {2025: 100, 2027: 102}, as_of=2027).status is Status.ON_TRACK
        assert assess(capped, {2025: 100, 2027: 106}, as_of=2027).status is Status.DETERIORATION

    def test_a_limited_decrease(self):
        # "giảm không quá 1 ha/năm" (≥ -1): a = -0,5 within, a = -2 beyond.
        gentle = target(kind="annual_change", comparator=">=", value=-1, unit="ha")
        assert assess(gentle, {2025: 100, 2027: 99}, as_of=2027).status is Status.ON_TRACK
        assert assess(gentle, {2025: 100, 2027: 96}, as_of=2027).status is Status.DETERIORATION


class TestBetween:
    """A range points from no change (0) towards its nearer bound."""

    FALL = target(kind="annual_change", comparator="between", value=-1.5, upper=-1, unit="điểm %")

    def test_too_slow(self):
        # Nearer bound -1: a = (12 - 13)/2 = -0,5; R = -0,5/-1 = 0,5.
        result = assess(self.FALL, {2025: 13, 2027: 12}, as_of=2027)
        assert result.status is Status.LIMITED_PROGRESS
        assert result.ratio == pytest.approx(0.5)

    def test_inside(self):
        # a = -1,2: inside the range; R = 1,2.
        result = assess(self.FALL, {2025: 13, 2027: 10.6}, as_of=2027)
        assert result.status is Status.ON_TRACK
        assert result.ratio == pytest.approx(1.2)

    def test_overshot_before_the_deadline_is_on_track(self):
        # a = -2: faster than the range; R = 2, the literal reading of the method.
        assert assess(self.FALL, {2025: 13, 2027: 9}, as_of=2027).status is Status.ON_TRACK
        assert assess(self.FALL, {2025: 13, 2030: 3}, as_of=2030).status is Status.MISSED

    def test_a_band_around_no_change_is_a_limit(self):
        stable = target(kind="annual_change", comparator="between", value=-1, upper=1, unit="ha")
        assert assess(stable, {2025: 100, 2027: 101}, as_of=2027).status is Status.ON_TRACK
        assert assess(stable, {2025: 100, 2027: 104}, as_of=2027).status is Status.DETERIORATION


def test_about_a_change():
    # "khoảng -1,5": -1,45 is within 5%; -1 gives R = 0,666667.
    about = target(kind="annual_change", comparator="=", value=-1.5, unit="điểm %")
    assert assess(about, {2025: 13, 2027: 10.1}, as_of=2027).status is Status.ON_TRACK
    result = assess(about, {2025: 13, 2027: 11}, as_of=2027)
    assert result.status is Status.NEEDS_ACCELERATION
    assert result.ratio == pytest.approx(0.666667, abs=1e-6)


@pytest.mark.parametrize("series", [{2026: 12, 2027: 11}, {2025: 13}, {}])
def test_it_needs_the_baseline_and_a_later_year(series):
    assert assess(POVERTY_DOWN, series, as_of=2027).status is Status.NO_DATA
