"""Inputs the method gives no result for: no_data with a reason, never an exception."""

from __future__ import annotations

import math
import subprocess
import sys
from decimal import Decimal

import pytest

from nghiquyet.progress import Status, assess_target
from tests.progress.helpers import assess, target


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "weird"},
        {"kind": None},
        {"kind": ["level"]},
        {"comparator": "≥"},
        {"value": None},
        {"value": "925"},  # a string is ambiguous: "49.305" is 49305 in Vietnamese
        {"value": float("nan")},
        {"value": Decimal("Infinity")},
        {"value": Decimal("1e400")},  # beyond a float
        {"comparator": "between", "upper": None},
        {"year": None},
        {"year": 2030.5},
    ],
)
def test_an_unusable_target_is_no_data(fields):
    result = assess(target(**fields), {2025: 700, 2027: 780}, 2027)
    assert result.status is Status.NO_DATA
    assert result.explanation.startswith("không đánh giá được")


def test_extra_keys_are_ignored():
    result = assess(target(id=7, notes="x", source="biểu 01"), {2025: 700, 2027: 780}, 2027)
    assert result.status is Status.ON_TRACK


def test_a_year_written_as_a_float_is_read():
    assert assess(target(year=2030.0), {2025: 700, 2027: 780}, 2027).status is Status.ON_TRACK


def test_as_of_before_the_term_is_no_data():
    result = assess(target(), {2025: 700}, 2024)
    assert result.status is Status.NO_DATA
    assert result.deadline == 2030


def test_a_deadline_before_the_term_is_no_data():
    assert assess(target(year=2024), {2025: 700}, 2027).status is Status.NO_DATA


def test_a_deadline_in_the_baseline_year():
    # The window is the baseline year alone: achieved if it meets the target, else missed.
    assert assess(target(year=2025), {2025: 930}, 2027).status is Status.ACHIEVED
    assert assess(target(year=2025), {2025: 700}, 2027).status is Status.MISSED


@pytest.mark.parametrize("bad", [None, float("nan"), float("inf"), "780", Decimal("NaN"), [780]])
def test_unusable_values_are_ignored_like_missing_ones(bad):
    result = assess(target(), {2025: 700, 2026: 740, 2027: bad}, 2027)
    assert result.latest_year == 2026


def test_non_year_keys_are_ignored():
    series = {2025: 700, "2027": 2000, 2027.0: 2000, True: 2000, 2026: 740}
    assert assess(target(), series, 2027).latest_year == 2026


def test_zero_required_growth_does_not_divide_by_zero():
    result = assess(target(value=700), {2025: 700, 2027: 650}, 2027)
    assert result.status is Status.DETERIORATION
    assert result.ratio is None


def test_a_vanishing_requirement_still_classifies():
    # |CAGR_r| is tiny but not 0: R is huge, kept finite or dropped, never an error.
    result = assess(target(value=700.0000000001), {2025: 700, 2027: 699}, 2027)
    assert result.status is Status.DETERIORATION
    assert result.ratio is None or math.isfinite(result.ratio)


def test_results_are_frozen():
    result = assess(target(), {2025: 700, 2027: 780}, 2027)
    with pytest.raises(AttributeError):
        result.status = Status.MISSED  # type: ignore[misc]


def test_the_series_is_not_modified():
    series = {2027: 780, 2025: 700, 2026: None}
    assess_target(target(), series, term_start=2025, as_of=2027)
    assert series == {2027: 780, 2025: 700, 2026: None}


def test_importing_the_module_does_not_import_django():
    code = (
        "import sys, nghiquyet.progress; "
        "sys.exit(any(name == 'django' or name.startswith('django.') for name in sys.modules))"
    )
    # A fresh interpreter: in this one, other tests or plugins may have imported Django.
    child = subprocess.run([sys.executable, "-c", code], check=False)  # noqa: S603 - our own code
    assert child.returncode == 0
