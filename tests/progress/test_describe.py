"""A target written the Vietnamese way."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nghiquyet.progress import describe_deadline, describe_target
from tests.progress.helpers import target


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"value": 49305, "unit": "tấn"}, "từ 49.305 tấn trở lên"),
        ({"comparator": "<", "value": 12, "unit": "%"}, "dưới 12%"),
        ({"comparator": ">", "value": 71.4, "unit": "%"}, "trên 71,4%"),
        ({"comparator": "<=", "value": 0, "unit": "%"}, "không quá 0%"),
        ({"value": 5, "denominator": 7, "unit": "trường"}, "5/7 trường"),
        ({"comparator": "<", "value": 2, "denominator": 7, "unit": "trường"}, "dưới 2/7 trường"),
        (
            {"kind": "cumulative", "value": 115, "unit": "đảng viên"},
            "từ 115 đảng viên trở lên trong nhiệm kỳ",
        ),
        ({"value": 95, "unit": "%", "each_year": True}, "hằng năm từ 95% trở lên"),
        ({"kind": "growth_rate", "value": 5, "unit": "%"}, "tăng bình quân từ 5%/năm trở lên"),
        (
            {"kind": "growth_rate", "comparator": "between", "value": 3, "upper": 3.5, "unit": "%"},
            "tăng bình quân từ 3 đến 3,5%/năm",
        ),
        (
            {"kind": "growth_rate", "comparator": "<=", "value": -2, "unit": "%"},
            "giảm bình quân từ 2%/năm trở lên",
        ),
        ({"comparator": "=", "value": 1200, "unit": "ha"}, "khoảng 1.200 ha"),
        ({"comparator": "between", "value": 35, "upper": 30, "unit": "%"}, "từ 30 đến 35%"),
        ({"value": 1, "unit": "đạt/không đạt"}, "đạt"),
        ({"value": 1, "unit": "đạt/không đạt", "each_year": True}, "hằng năm đạt"),
        (
            {"kind": "annual_change", "comparator": "<=", "value": -1.5, "unit": "điểm %"},
            "giảm bình quân từ 1,5 điểm %/năm trở lên",
        ),
        ({"kind": "annual_change", "value": 2, "unit": "ha"}, "tăng bình quân từ 2 ha/năm trở lên"),
        ({"kind": "annual_change", "comparator": "<=", "value": 0, "unit": "%"}, "không tăng"),
        (
            {
                "kind": "annual_change",
                "comparator": "between",
                "value": -1.5,
                "upper": -1,
                "unit": "điểm %",
            },
            "giảm bình quân từ 1 đến 1,5 điểm %/năm",
        ),
        ({"value": Decimal("1234.5"), "unit": ""}, "từ 1.234,5 trở lên"),
    ],
)
def test_describe_target(fields, expected):
    assert describe_target(target(**fields)) == expected


def test_describe_target_never_raises_on_a_half_filled_target():
    assert describe_target({}) == ""
    assert describe_target(target(value=None)) == ""
    # A range missing its upper bound: the number it has, without a comparator.
    assert describe_target(target(comparator="between", upper=None)) == "925 triệu đồng"


def test_describe_deadline():
    assert describe_deadline(target(year=2030)) == "đến năm 2030"
    assert describe_deadline(target(year=None)) == ""
