from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.figures.periods import PeriodCode, parse_period
from nghiquyet.figures.validation import Entry, SeriesSpec, validate_entry

Y2026 = PeriodCode(2026, "Y", 0)
TONNES = SeriesSpec("number", "tấn", 2025, 2030)
PERCENT = SeriesSpec("number", "%", 2025, 2030)
RATIO = SeriesSpec("ratio", "%", 2025, 2030)
YES_NO = SeriesSpec("yes_no", "đạt/không đạt", 2025, 2030)


def errors(spec, entry, **kw):
    return {i.field: i.message for i in validate_entry(spec, entry, **kw) if i.is_error}


def warnings(spec, entry, **kw):
    return [i.message for i in validate_entry(spec, entry, **kw) if not i.is_error]


def test_numerator_over_denominator():
    assert "lớn hơn mẫu số" in errors(RATIO, Entry(Y2026, numerator=D(12), denominator=D(10)))["numerator"]


def test_percentage_outside_0_100():
    assert "từ 0 đến 100" in errors(PERCENT, Entry(Y2026, value=D("100.5")))["value"]
    assert errors(PERCENT, Entry(Y2026, value=D(100))) == {}


def test_negative_tonnes():
    assert "âm" in errors(TONNES, Entry(Y2026, value=D(-1)))["value"]


def test_signed_units_may_be_negative():
    spec = SeriesSpec("number", "điểm %", 2025, 2030)
    assert errors(spec, Entry(Y2026, value=D("-1.5"))) == {}


def test_period_outside_the_term():
    assert "ngoài nhiệm kỳ" in errors(TONNES, Entry(PeriodCode(2031, "Y", 0), value=D(1)))["period"]
    assert "ngoài nhiệm kỳ" in errors(TONNES, Entry(PeriodCode(2024, "Y", 0), value=D(1)))["period"]


def test_half_year_only_where_the_series_takes_it():
    assert "period" in errors(TONNES, Entry(PeriodCode(2026, "H", 1), value=D(1)))
    spec = SeriesSpec("number", "tấn", 2025, 2030, period_kind="H")
    assert errors(spec, Entry(PeriodCode(2026, "H", 1), value=D(1))) == {}


def test_zero_denominator_and_missing_parts():
    assert "denominator" in errors(RATIO, Entry(Y2026, numerator=D(0), denominator=D(0)))
    assert "denominator" in errors(RATIO, Entry(Y2026, numerator=D(3)))
    assert "numerator" in errors(RATIO, Entry(Y2026))


def test_yes_no_takes_0_or_1():
    assert errors(YES_NO, Entry(Y2026, value=D(1))) == {}
    assert "value" in errors(YES_NO, Entry(Y2026, value=D(2)))


def test_jump_from_last_year_is_a_warning():
    found = warnings(TONNES, Entry(Y2026, value=D(200)), last_year=D(100))
    assert found and "100 % so với năm trước" in found[0]
    assert warnings(TONNES, Entry(Y2026, value=D(120)), last_year=D(100)) == []


def test_direct_figure_far_from_sub_units_is_a_warning():
    found = warnings(TONNES, Entry(Y2026, value=D(150)), sub_units_total=D(100))
    assert found and "đơn vị trực thuộc (100)" in found[0]


@pytest.mark.parametrize(("text", "code"), [("2026", "2026"), ("2026H1", "2026H1"),
                                            ("2026-h2", "2026H2"), ("2026Q4", "2026Q4")])
def test_parse_period(text, code):
    assert parse_period(text).code == code


@pytest.mark.parametrize("text", ["26", "2026H3", "2026Q5", "năm 2026", ""])
def test_parse_period_refuses(text):
    with pytest.raises(ValueError, match="không hợp lệ|chỉ có"):
        parse_period(text)


numbers = st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**15, max_value=10**15)


@given(spec=st.sampled_from([TONNES, PERCENT, RATIO, YES_NO]),
       value=st.none() | numbers, num=st.none() | numbers, den=st.none() | numbers,
       last=st.none() | numbers)
def test_validation_never_raises(spec, value, num, den, last):
    issues = validate_entry(spec, Entry(Y2026, value, num, den), last_year=last)
    assert all(i.message for i in issues)
