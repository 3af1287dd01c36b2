"""Properties that must hold for any numbers (Hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nghiquyet.progress import (
    Status,
    assess_indicator,
    assess_target,
    describe_deadline,
    describe_target,
    required_trajectory,
)
from tests.progress.helpers import is_vietnamese_numbers

KINDS = ["level", "growth_rate", "cumulative", "annual_change"]
COMPARATORS = [">=", ">", "<=", "<", "=", "between"]
UNITS = ["%", "điểm %", "tấn", "triệu đồng", "bản", "đạt/không đạt", "đảng viên", ""]

any_finite = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.decimals(allow_nan=False, allow_infinity=False),
)
reasonable = st.one_of(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.integers(min_value=-(10**6), max_value=10**6),
)


@st.composite
def any_target(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "kind": draw(st.sampled_from([*KINDS, "unknown"])),
        "comparator": draw(st.sampled_from(COMPARATORS)),
        "value": draw(st.one_of(st.none(), any_finite)),
        "upper": draw(st.one_of(st.none(), any_finite)),
        "unit": draw(st.sampled_from(UNITS)),
        "denominator": draw(st.one_of(st.none(), any_finite)),
        "year": draw(st.integers(min_value=2015, max_value=2045)),
        "each_year": draw(st.booleans()),
    }


any_series = st.dictionaries(
    st.integers(min_value=2015, max_value=2045), st.one_of(st.none(), any_finite), max_size=12
)


@settings(deadline=None, max_examples=400)
@given(
    goal=any_target(),
    series=any_series,
    term_start=st.integers(min_value=2015, max_value=2035),
    as_of=st.integers(min_value=2010, max_value=2050),
)
def test_it_never_raises_and_always_explains_in_vietnamese_numbers(goal, series, term_start, as_of):
    result = assess_target(goal, series, term_start=term_start, as_of=as_of)
    assert isinstance(result.status, Status)
    assert isinstance(result.explanation, str)
    assert result.explanation.strip()
    assert is_vietnamese_numbers(result.explanation), result.explanation
    assert is_vietnamese_numbers(describe_target(goal))
    describe_deadline(goal)
    required_trajectory(goal, series.get(term_start), term_start)
    indicator = assess_indicator([(goal, series)], term_start=term_start, as_of=as_of)
    assert indicator.status is result.status


@st.composite
def monotone_case(
    draw: st.DrawFn, comparators: list[str]
) -> tuple[dict[str, Any], dict[int, float], int]:
    """A target, a full series over the window, and the year of assessment."""
    kind = draw(st.sampled_from(KINDS))
    goal = {
        "kind": kind,
        "comparator": draw(st.sampled_from(comparators)),
        "value": draw(reasonable),
        "unit": draw(st.sampled_from(UNITS)),
        "year": 2030,
        "each_year": draw(st.booleans()),
    }
    as_of = draw(st.integers(min_value=2025, max_value=2032))
    years = range(2025, min(as_of, 2030) + 1)
    series = {year: draw(reasonable) for year in years}
    return goal, series, as_of


def _judge(goal: dict[str, Any], series: dict[int, float], as_of: int) -> Status:
    return assess_target(goal, series, term_start=2025, as_of=as_of).status


@settings(deadline=None, max_examples=500)
@given(case=monotone_case([">=", ">"]), raise_by=st.floats(min_value=0, max_value=1e9))
def test_raising_the_latest_value_never_worsens_a_more_is_better_target(case, raise_by):
    goal, series, as_of = case
    latest = max(series)
    better = dict(series, **{})
    better[latest] = series[latest] + raise_by
    before, after = _judge(goal, series, as_of), _judge(goal, better, as_of)
    assume(Status.NO_DATA not in (before, after))
    assert after >= before, (goal, series, better, before, after)


@settings(deadline=None, max_examples=500)
@given(case=monotone_case(["<=", "<"]), lower_by=st.floats(min_value=0, max_value=1e9))
def test_lowering_the_latest_value_never_worsens_a_less_is_better_target(case, lower_by):
    goal, series, as_of = case
    latest = max(series)
    better = dict(series)
    better[latest] = series[latest] - lower_by
    before, after = _judge(goal, series, as_of), _judge(goal, better, as_of)
    assume(Status.NO_DATA not in (before, after))
    assert after >= before, (goal, series, better, before, after)


@settings(deadline=None, max_examples=200)
@given(
    baseline=st.floats(min_value=0.01, max_value=1e6),
    factor=st.floats(min_value=1.01, max_value=100),
    as_of=st.integers(min_value=2026, max_value=2029),
)
def test_following_the_required_path_is_on_track(baseline, factor, as_of):
    goal = {
        "kind": "level",
        "comparator": ">=",
        "value": baseline * factor,
        "unit": "tấn",
        "year": 2030,
    }
    path = required_trajectory(goal, baseline, 2025)
    series = {year: value for year, value in path.items() if year <= as_of}
    result = assess_target(goal, series, term_start=2025, as_of=as_of)
    assert result.status in (Status.ON_TRACK, Status.ACHIEVED)


@given(value=st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2))
def test_decimal_and_float_series_agree(value):
    goal = {"kind": "level", "comparator": ">=", "value": 925, "unit": "tấn", "year": 2030}
    as_decimal = assess_target(goal, {2025: 700, 2027: value}, term_start=2025, as_of=2027)
    as_float = assess_target(goal, {2025: 700.0, 2027: float(value)}, term_start=2025, as_of=2027)
    assert as_decimal == as_float
