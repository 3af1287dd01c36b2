"""Builders shared by the assessment tests."""

from __future__ import annotations

import re
from typing import Any

from nghiquyet.progress import Assessment, assess_target

TERM_START = 2025

# A decimal point the Python way: a dot followed by one, two or four+ digits.
# A dot followed by exactly three digits is a Vietnamese thousands separator.
PYTHON_DECIMAL = re.compile(r"\d\.(?:\d{1,2}|\d{4,})(?!\d)")


def target(**fields: Any) -> dict[str, Any]:
    """A registry target: "≥ 925 triệu đồng đến năm 2030" unless told otherwise."""
    base: dict[str, Any] = {
        "label": "Tổng thu ngân sách trên địa bàn",
        "kind": "level",
        "comparator": ">=",
        "value": 925,
        "upper": None,
        "unit": "triệu đồng",
        "denominator": None,
        "year": 2030,
        "each_year": False,
    }
    base.update(fields)
    return base


def assess(target_fields: dict[str, Any], series: dict[int, Any], as_of: int) -> Assessment:
    return assess_target(target_fields, series, term_start=TERM_START, as_of=as_of)


def is_vietnamese_numbers(text: str) -> bool:
    return PYTHON_DECIMAL.search(text) is None and "e+" not in text.lower()
