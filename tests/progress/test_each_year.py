"""``each_year`` targets: judged year by year."""

from __future__ import annotations

from nghiquyet.progress import Method, Status
from tests.progress.helpers import assess, target

FOREST = target(value=40, unit="%", each_year=True, label="Tỷ lệ che phủ rừng")


def test_it_lists_the_years_that_failed():
    # 2026: 38 < 40 and 2028: 39,5 < 40 fail; 2027 meets it. The baseline
    # (2025: 39) belongs to the previous term and is not judged.
    series = {2025: 39, 2026: 38, 2027: 41, 2028: 39.5}
    result = assess(FOREST, series, as_of=2028)
    assert result.status is Status.MISSED
    assert result.method is Method.EACH_YEAR
    assert result.failed_years == (2026, 2028)
    assert result.explanation == (
        "không đạt chỉ tiêu hằng năm từ 40% trở lên năm 2026, 2028 (2026: 38%, 2028: 39,5%)"
    )


def test_it_is_on_track_while_every_year_so_far_meets_it():
    result = assess(FOREST, {2025: 39, 2026: 40, 2027: 42}, as_of=2027)
    assert result.status is Status.ON_TRACK
    assert result.failed_years == ()
    assert result.observed == 42


def test_it_is_achieved_when_the_deadline_year_is_in_and_met():
    series = {year: 41 for year in range(2025, 2031)}
    assert assess(FOREST, series, as_of=2030).status is Status.ACHIEVED


def test_without_the_deadline_year_it_stays_on_track():
    series = {year: 41 for year in range(2025, 2030)}
    assert assess(FOREST, series, as_of=2030).status is Status.ON_TRACK


def test_only_the_baseline_is_no_data():
    result = assess(FOREST, {2025: 30}, as_of=2027)
    assert result.status is Status.NO_DATA
    assert result.method is Method.EACH_YEAR


def test_missing_years_are_skipped_not_failed():
    result = assess(FOREST, {2026: 41, 2027: None, 2028: 43}, as_of=2028)
    assert result.status is Status.ON_TRACK
    assert "cả 2 năm" in result.explanation


def test_a_ceiling_each_year():
    ceiling = target(comparator="<=", value=5, unit="%", each_year=True)
    result = assess(ceiling, {2026: 5, 2027: 5.1}, as_of=2027)
    assert result.status is Status.MISSED
    assert result.failed_years == (2027,)


def test_years_after_the_deadline_do_not_count():
    result = assess(FOREST, {2030: 41, 2031: 20}, as_of=2031)
    assert result.status is Status.ACHIEVED


def test_a_yearly_growth_rate_is_judged_on_each_years_growth():
    # 100 -> 106: +6% meets ≥ 5; 106 -> 110: +3,77% fails.
    growth = target(kind="growth_rate", value=5, unit="%", each_year=True)
    result = assess(growth, {2025: 100, 2026: 106, 2027: 110}, as_of=2027)
    assert result.status is Status.MISSED
    assert result.failed_years == (2027,)
    assert "2027: 3,8%/năm" in result.explanation


def test_a_yearly_change_is_judged_on_each_years_change():
    # 13 -> 11,5 -> 10,5: -1,5 and -1 against ≤ -1,5: 2027 fails.
    change = target(
        kind="annual_change", comparator="<=", value=-1.5, unit="điểm %", each_year=True
    )
    result = assess(change, {2025: 13, 2026: 11.5, 2027: 10.5}, as_of=2027)
    assert result.status is Status.MISSED
    assert result.failed_years == (2027,)
