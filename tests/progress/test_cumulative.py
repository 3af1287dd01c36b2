"""``cumulative`` targets: the running total against its pro-rata share."""

from __future__ import annotations

import pytest

from nghiquyet.progress import Method, Status
from tests.progress.helpers import assess, target

NEW_MEMBERS = target(kind="cumulative", value=115, unit="đảng viên", label="Kết nạp đảng viên mới")


def test_it_compares_the_total_with_its_pro_rata_share():
    # S = 20 + 22 = 42; due = 115 * 2/5 = 46; R = 42/46 = 0,913043.
    # projected = 42/2 * 5 = 105.
    result = assess(NEW_MEMBERS, {2026: 20, 2027: 22}, as_of=2027)
    assert result.status is Status.NEEDS_ACCELERATION
    assert result.method is Method.CUMULATIVE
    assert result.ratio == pytest.approx(0.913043, abs=1e-6)
    assert result.observed == 42
    assert result.required == pytest.approx(46)
    assert result.projected == pytest.approx(105)


def test_it_is_on_track():
    # S = 47; R = 47/46 = 1,021739; projected = 47/2 * 5 = 117,5.
    result = assess(NEW_MEMBERS, {2026: 25, 2027: 22}, as_of=2027)
    assert result.status is Status.ON_TRACK
    assert result.ratio == pytest.approx(1.021739, abs=1e-6)
    assert result.projected == pytest.approx(117.5)


def test_the_baseline_year_is_not_counted():
    # The 2025 figure belongs to the previous term: S = 20, due = 23, R = 0,869565.
    result = assess(NEW_MEMBERS, {2025: 100, 2026: 20}, as_of=2026)
    assert result.observed == 20
    assert result.ratio == pytest.approx(0.869565, abs=1e-6)


def test_a_missing_year_is_never_a_zero():
    # as_of 2028, no 2027 figure: S = 45 over the 2 years known; due = 115 * 2/5 = 46;
    # R = 0,978261; projected = 45/2 * 5 = 112,5.
    result = assess(NEW_MEMBERS, {2026: 25, 2027: None, 2028: 20}, as_of=2028)
    assert result.status is Status.ON_TRACK
    assert result.ratio == pytest.approx(0.978261, abs=1e-6)
    assert result.projected == pytest.approx(112.5)
    assert "chưa có số liệu năm 2027, tính theo 2 năm có số liệu" in result.explanation


def test_years_not_reported_yet_are_not_zeros_either():
    # A report as of 2030 with figures up to 2026 only: the pace of 2026, not a total missed.
    result = assess(NEW_MEMBERS, {2026: 23}, as_of=2030)
    assert result.status is Status.ON_TRACK
    assert result.projected == pytest.approx(115)
    assert "chưa có số liệu năm 2027, 2028, 2029, 2030" in result.explanation


def test_it_is_achieved_as_soon_as_the_total_is_reached():
    result = assess(NEW_MEMBERS, {2026: 40, 2027: 40, 2028: 40}, as_of=2028)
    assert result.status is Status.ACHIEVED
    assert result.observed == 120


def test_it_is_missed_at_the_deadline():
    # S = 100 < 115; projected = S once the term is over.
    series = {year: 20 for year in range(2026, 2031)}
    result = assess(NEW_MEMBERS, series, as_of=2030)
    assert result.status is Status.MISSED
    assert result.projected == pytest.approx(100)


def test_it_sums_the_term_only_when_assessed_after_it():
    # 2031 is outside the term: S = 5 * 20 = 100, still missed.
    series = {year: 20 for year in range(2026, 2032)}
    result = assess(NEW_MEMBERS, series, as_of=2032)
    assert result.status is Status.MISSED
    assert result.observed == 100


def test_no_year_after_the_baseline_is_no_data():
    assert assess(NEW_MEMBERS, {2025: 30}, as_of=2027).status is Status.NO_DATA
    assert assess(NEW_MEMBERS, {}, as_of=2027).status is Status.NO_DATA


def test_a_sum_of_decimals_meets_its_cap_despite_float_noise():
    # 0,1 + 0,2 is 0,30000000000000004 in floats.
    cap = target(kind="cumulative", comparator="<=", value=0.3, unit="ha")
    series = {2026: 0.1, 2027: 0, 2028: 0, 2029: 0, 2030: 0.2}
    assert assess(cap, series, as_of=2030).status is Status.ACHIEVED


class TestACap:
    """ "≤ 10 vụ trong nhiệm kỳ": a limit, which the method leaves open (see the docs)."""

    CAP = target(kind="cumulative", comparator="<=", value=10, unit="vụ")

    def test_within_the_cap_at_this_pace_is_on_track(self):
        # S = 3, projected = 3/2 * 5 = 7,5 <= 10.
        result = assess(self.CAP, {2026: 2, 2027: 1}, as_of=2027)
        assert result.status is Status.ON_TRACK
        assert result.ratio is None
        assert result.projected == pytest.approx(7.5)

    def test_within_the_cap_but_heading_past_it_needs_acceleration(self):
        # S = 5, projected = 12,5 > 10.
        assert assess(self.CAP, {2026: 3, 2027: 2}, as_of=2027).status is Status.NEEDS_ACCELERATION

    def test_past_the_cap_before_the_deadline_is_deterioration(self):
        assert assess(self.CAP, {2026: 6, 2027: 5}, as_of=2027).status is Status.DETERIORATION

    def test_within_the_cap_is_achieved_only_at_the_deadline(self):
        every_year = {2026: 2, 2027: 0, 2028: 0, 2029: 0}
        assert assess(self.CAP, {**every_year, 2030: 7}, as_of=2030).status is Status.ACHIEVED
        assert assess(self.CAP, {2026: 2, 2030: 9}, as_of=2030).status is Status.MISSED
        # within the cap but with years unknown: not yet "đạt"
        assert assess(self.CAP, {2026: 2, 2030: 7}, as_of=2030).status is not Status.ACHIEVED

    def test_none_at_all(self):
        never = target(kind="cumulative", comparator="<=", value=0, unit="vụ")
        assert assess(never, {2026: 0, 2027: 0}, as_of=2027).status is Status.ON_TRACK
        assert assess(never, {2026: 0, 2027: 1}, as_of=2027).status is Status.DETERIORATION


def test_each_year_is_ignored_for_a_term_total():
    flagged = dict(NEW_MEMBERS, each_year=True)
    assert assess(flagged, {2026: 20, 2027: 22}, as_of=2027).method is Method.CUMULATIVE
