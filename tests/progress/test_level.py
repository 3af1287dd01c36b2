"""``level`` targets (not each_year): steps 1-6 of the method, comparator by comparator."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nghiquyet.progress import Method, Status
from tests.progress.helpers import assess, target


def test_it_is_on_track_in_the_growth_form():
    # The contract's example. CAGR_o = (780/700)^(1/2) - 1 = 5,5597%;
    # CAGR_r = (925/700)^(1/5) - 1 = 5,7326%; R = 5,5597/5,7326 = 0,96985 >= 0,95.
    # projected = 780 * 1,055597^3 = 917,46.
    result = assess(target(), {2025: 700, 2026: 740, 2027: 780}, as_of=2027)
    assert result.status is Status.ON_TRACK
    assert result.method is Method.GROWTH
    assert result.ratio == pytest.approx(0.96985, abs=1e-5)
    assert result.observed == pytest.approx(5.5597, abs=1e-4)
    assert result.required == pytest.approx(5.7326, abs=1e-4)
    assert result.projected == pytest.approx(917.46, abs=0.01)
    assert (result.latest_year, result.latest_value) == (2027, 780)
    assert (result.baseline_year, result.baseline_value) == (2025, 700)
    assert result.deadline == 2030
    assert result.explanation == (
        "thực hiện 2027: 780 triệu đồng (năm 2025: 700 triệu đồng); "
        "cần tăng bình quân 5,7%/năm, thực tế 5,6%/năm; dự kiến năm 2030: 917,5 triệu đồng"
    )


def test_it_needs_acceleration_in_the_linear_form_from_zero():
    # 0 -> 10 bản: no growth rate from 0, so linear. slope = (3-0)/2 = 1,5;
    # required = (10-0)/5 = 2; R = 0,75. projected = 3 + 1,5*3 = 7,5.
    result = assess(target(value=10, unit="bản"), {2025: 0, 2027: 3}, as_of=2027)
    assert result.status is Status.NEEDS_ACCELERATION
    assert result.method is Method.LINEAR
    assert result.ratio == pytest.approx(0.75)
    assert result.required == pytest.approx(2)
    assert result.observed == pytest.approx(1.5)
    assert result.projected == pytest.approx(7.5)


def test_it_shows_limited_progress():
    # slope = 2/2 = 1, required 2: R = 0,5 < 0,60. projected = 2 + 3 = 5.
    result = assess(target(value=10, unit="bản"), {2025: 0, 2027: 2}, as_of=2027)
    assert result.status is Status.LIMITED_PROGRESS
    assert result.ratio == pytest.approx(0.5)
    assert result.projected == pytest.approx(5)


def test_it_shows_deterioration_when_moving_away():
    # CAGR_o = (650/700)^(1/2) - 1 = -3,6376%; R = -3,6376/5,7326 = -0,63455.
    # projected = 650 * 0,963624^3 = 581,61.
    result = assess(target(), {2025: 700, 2027: 650}, as_of=2027)
    assert result.status is Status.DETERIORATION
    assert result.ratio == pytest.approx(-0.63455, abs=1e-5)
    assert result.projected == pytest.approx(581.61, abs=0.01)


def test_it_is_achieved_before_the_deadline_when_the_latest_value_meets_it():
    result = assess(target(), {2025: 700, 2027: 930}, as_of=2027)
    assert result.status is Status.ACHIEVED
    assert result.ratio is None  # no R: the status did not come from it


def test_it_is_missed_at_the_deadline():
    result = assess(target(), {2025: 700, 2030: 900}, as_of=2030)
    assert result.status is Status.MISSED
    assert result.latest_year == 2030


def test_it_ignores_years_after_the_deadline():
    # as_of 2032: the 2031 figure says nothing about "đến năm 2030".
    result = assess(target(), {2025: 700, 2030: 900, 2031: 1000}, as_of=2032)
    assert result.status is Status.MISSED
    assert (result.latest_year, result.latest_value) == (2030, 900)


def test_without_the_deadlines_figure_a_late_report_forecasts_and_never_says_missed():
    # as_of 2030 with no 2030 figure: 2029 already meeting it is "đạt"; short of it, the
    # trend to 2029 is a forecast, not a result.
    assert assess(target(), {2025: 700, 2029: 930}, as_of=2030).status is Status.ACHIEVED
    forecast = assess(target(), {2025: 700, 2029: 920}, as_of=2030)
    assert forecast.status is Status.ON_TRACK
    assert assess(target(), {2025: 700, 2030: 920}, as_of=2030).status is Status.MISSED
    # the same for a report on the whole term built with 2026's figures only
    early = assess(target(), {2025: 700, 2026: 720}, as_of=2030)
    assert early.status is not Status.MISSED


def test_less_is_better_with_strict_comparator():
    # "dưới 12%" from 20, a rate so in points: slope = (17-20)/2 = -1,5;
    # required = (12-20)/5 = -1,6; R = -1 * -1,5 / 1,6 = 0,9375. projected = 17 - 1,5*3 = 12,5.
    poverty = target(comparator="<", value=12, unit="%")
    result = assess(poverty, {2025: 20, 2027: 17}, as_of=2027)
    assert result.status is Status.NEEDS_ACCELERATION
    assert result.method is Method.LINEAR
    assert result.ratio == pytest.approx(0.9375)
    assert result.projected == pytest.approx(12.5)
    assert assess(poverty, {2025: 20, 2027: 11.9}, as_of=2027).status is Status.ACHIEVED
    assert assess(poverty, {2025: 20, 2027: 12}, as_of=2027).status is not Status.ACHIEVED


def test_strictly_more_is_not_met_on_the_value():
    # "> 12": 12 does not meet it. slope = (12-10)/2 = 1; required = (12-10)/5 = 0,4; R = 2,5.
    result = assess(target(comparator=">", value=12, unit="%"), {2025: 10, 2027: 12}, as_of=2027)
    assert result.status is Status.ON_TRACK
    assert result.ratio == pytest.approx(2.5)


def test_no_more_poor_households_uses_the_linear_form_and_floors_the_projection():
    # "không quá 0%": a zero target, so linear. slope = (2-4)/2 = -1; required (0-4)/5 = -0,8;
    # R = -1 * -1 / 0,8 = 1,25. projected = 2 - 1*3 = -1, floored at 0 for a share.
    result = assess(target(comparator="<=", value=0, unit="%"), {2025: 4, 2027: 2}, as_of=2027)
    assert result.status is Status.ON_TRACK
    assert result.method is Method.LINEAR
    assert result.ratio == pytest.approx(1.25)
    assert result.projected == 0


def test_a_percentage_projection_is_capped_at_100():
    # slope = (95-80)/2 = 7,5; required = (100-80)/5 = 4; R = 1,875.
    # Uncapped projected = 95 + 7,5*3 = 117,5 -> 100.
    result = assess(target(value=100, unit="%"), {2025: 80, 2027: 95}, as_of=2027)
    assert result.status is Status.ON_TRACK
    assert result.ratio == pytest.approx(1.875)
    assert result.projected == 100


def test_a_percentage_above_100_is_not_a_share_and_is_not_capped():
    # 110 -> 120%: slope 5 points a year; projected = 120 + 5*3 = 135.
    result = assess(target(value=130, unit="%"), {2025: 110, 2027: 120}, as_of=2027)
    assert result.projected == pytest.approx(135)


def test_the_cap_is_for_percent_only():
    # Same numbers in tấn: 122,94 stays.
    result = assess(target(value=100, unit="tấn"), {2025: 80, 2027: 95}, as_of=2027)
    assert result.projected == pytest.approx(122.94, abs=0.01)


def test_negative_values_use_the_linear_form():
    # ≥ -5 from -20: slope = (-14+20)/2 = 3; required = (-5+20)/5 = 3; R = 1.
    # projected = -14 + 3*3 = -5.
    result = assess(target(value=-5, unit="tỷ đồng"), {2025: -20, 2027: -14}, as_of=2027)
    assert result.status is Status.ON_TRACK
    assert result.method is Method.LINEAR
    assert result.ratio == pytest.approx(1)
    assert result.projected == pytest.approx(-5)


def test_a_baseline_on_the_target_that_slips_is_deterioration():
    # Required change 0 (10 -> 10): any miss afterwards is a step back; no R.
    result = assess(target(value=10, unit="bản"), {2025: 10, 2027: 8}, as_of=2027)
    assert result.status is Status.DETERIORATION
    assert result.ratio is None
    assert result.required == 0


def test_a_baseline_already_beyond_the_target_that_falls_short_is_deterioration():
    # ≥ 10 from 12 down to 8: CAGR_r < 0 but |CAGR_r| is used, CAGR_o < 0, so R < 0.
    result = assess(target(value=10, unit="bản"), {2025: 12, 2027: 8}, as_of=2027)
    assert result.status is Status.DETERIORATION
    assert result.ratio < 0


def test_about_is_met_within_five_percent():
    about = target(comparator="=", value=1200, unit="ha")
    # |1150 - 1200| = 50 <= 60 = 5% of 1200; 1139 is 61 away.
    assert assess(about, {2025: 1000, 2027: 1150}, as_of=2027).status is Status.ACHIEVED
    assert assess(about, {2025: 1000, 2027: 1261}, as_of=2027).status is not Status.ACHIEVED
    assert assess(about, {2025: 1000, 2027: 1139}, as_of=2027).status is not Status.ACHIEVED


def test_about_points_from_the_baseline_towards_the_target():
    about = target(comparator="=", value=1200, unit="ha")
    # From below: CAGR_o = 1,05^(1/2) - 1 = 2,4695%; CAGR_r = 1,2^(1/5) - 1 = 3,7137%;
    # R = 0,66497.
    below = assess(about, {2025: 1000, 2027: 1050}, as_of=2027)
    assert below.status is Status.NEEDS_ACCELERATION
    assert below.ratio == pytest.approx(0.66497, abs=1e-5)
    # From above, d = -1: CAGR_o = (1400/1500)^(1/2) - 1 = -3,3908%;
    # CAGR_r = 0,8^(1/5) - 1 = -4,3648%; R = 0,776865.
    above = assess(about, {2025: 1500, 2027: 1400}, as_of=2027)
    assert above.status is Status.NEEDS_ACCELERATION
    assert above.ratio == pytest.approx(0.776865, abs=1e-5)


def test_about_overshot_before_the_deadline_reads_on_track():
    # The method's literal reading: d = +1 from 1000 towards 1200, and 1300 is
    # a fast move that way. The projection shows the overshoot; at the deadline
    # 1300 is missed.
    about = target(comparator="=", value=1200, unit="ha")
    assert assess(about, {2025: 1000, 2027: 1300}, as_of=2027).status is Status.ON_TRACK
    assert assess(about, {2025: 1000, 2030: 1300}, as_of=2030).status is Status.MISSED


def test_between_points_towards_the_nearer_bound():
    share = target(comparator="between", value=30, upper=35, unit="%")
    # A rate, so in points. From below, bound 30: slope (26-20)/2 = 3; required (30-20)/5 = 2;
    # R = 1,5.
    below = assess(share, {2025: 20, 2027: 26}, as_of=2027)
    assert below.status is Status.ON_TRACK
    assert below.ratio == pytest.approx(1.5)
    # From above, bound 35, d = -1: slope (45-50)/2 = -2,5; required (35-50)/5 = -3;
    # R = 0,8333.
    above = assess(share, {2025: 50, 2027: 45}, as_of=2027)
    assert above.status is Status.NEEDS_ACCELERATION
    assert above.ratio == pytest.approx(0.833333, abs=1e-5)
    assert assess(share, {2025: 20, 2027: 32}, as_of=2027).status is Status.ACHIEVED


def test_between_reads_its_bounds_in_either_order():
    reversed_range = target(comparator="between", value=35, upper=30, unit="%")
    result = assess(reversed_range, {2025: 20, 2027: 26}, as_of=2027)
    assert result.ratio == pytest.approx(1.5)


def test_between_with_the_baseline_inside_the_range_that_slips_is_deterioration():
    share = target(comparator="between", value=30, upper=35, unit="%")
    result = assess(share, {2025: 32, 2027: 28}, as_of=2027)
    assert result.status is Status.DETERIORATION
    assert result.ratio is None


def test_missing_years_use_the_latest_year_with_a_value():
    # Latest 2028: CAGR_o = (850/700)^(1/3) - 1 = 6,6859%; R = 6,6859/5,7326 = 1,16631.
    # projected = 850 * 1,066859^2 = 967,46.
    series = {2025: 700, 2026: None, 2027: None, 2028: 850}
    result = assess(target(), series, as_of=2028)
    assert result.status is Status.ON_TRACK
    assert result.latest_year == 2028
    assert result.ratio == pytest.approx(1.16631, abs=1e-5)
    assert result.projected == pytest.approx(967.46, abs=0.01)


def test_years_after_as_of_are_not_used():
    result = assess(target(), {2025: 700, 2027: 780, 2028: 1000}, as_of=2027)
    assert result.latest_year == 2027
    assert result.status is Status.ON_TRACK


def test_without_a_baseline_there_is_no_trend():
    result = assess(target(), {2026: 740, 2027: 780}, as_of=2027)
    assert result.status is Status.NO_DATA
    assert "2025" in result.explanation
    assert result.ratio is None


def test_a_missing_baseline_does_not_hide_an_achievement_or_a_miss():
    assert assess(target(), {2027: 930}, as_of=2027).status is Status.ACHIEVED
    assert assess(target(), {2030: 900}, as_of=2030).status is Status.MISSED


def test_only_the_baseline_gives_no_trend():
    assert assess(target(), {2025: 700}, as_of=2027).status is Status.NO_DATA
    assert assess(target(), {2025: 700, 2026: 740}, as_of=2025).status is Status.NO_DATA


def test_a_baseline_that_already_meets_the_target_is_achieved():
    assert assess(target(), {2025: 950}, as_of=2025).status is Status.ACHIEVED


def test_no_values_at_all_is_no_data():
    assert assess(target(), {}, as_of=2027).status is Status.NO_DATA
    assert assess(target(), {2025: None, 2027: None}, as_of=2027).status is Status.NO_DATA


def test_decimal_inputs_give_the_same_result_as_floats():
    decimals = assess(
        target(value=Decimal("925")),
        {2025: Decimal("700"), 2027: Decimal("780.0")},
        as_of=2027,
    )
    floats = assess(target(), {2025: 700.0, 2027: 780.0}, as_of=2027)
    assert decimals == floats


def test_a_yes_no_item():
    yes_no = target(value=1, unit="đạt/không đạt")
    # 0 -> 0: linear, slope 0, R = 0: limited progress.
    still_no = assess(yes_no, {2025: 0, 2027: 0}, as_of=2027)
    assert still_no.status is Status.LIMITED_PROGRESS
    assert still_no.ratio == 0
    assert assess(yes_no, {2025: 0, 2027: 1}, as_of=2027).status is Status.ACHIEVED
    # Met at the baseline, lost since: deterioration.
    assert assess(yes_no, {2025: 1, 2027: 0}, as_of=2027).status is Status.DETERIORATION
    assert assess(yes_no, {2025: 0, 2030: 0}, as_of=2030).status is Status.MISSED


def test_a_count_out_of_a_total():
    # 5/7 trường from 2: CAGR_o = 1,5^(1/2) - 1 = 22,474%; CAGR_r = 2,5^(1/5) - 1 = 20,112%;
    # R = 1,11744.
    schools = target(value=5, denominator=7, unit="trường")
    result = assess(schools, {2025: 2, 2027: 3}, as_of=2027)
    assert result.status is Status.ON_TRACK
    assert result.ratio == pytest.approx(1.11744, abs=1e-5)
    assert "3/7 trường" in result.explanation
