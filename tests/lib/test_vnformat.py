from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.lib.vnformat import format_date, format_number, format_percent, parse_number


@pytest.mark.parametrize(("value", "expected"), [
    (49305, "49.305"), (71.4, "71,4"), (1234.5, "1.234,5"), (0, "0"), (-1.5, "-1,5"),
    (1000000, "1.000.000"), (Decimal("925.000000"), "925"), (0.001, "0"), (-0.001, "0"),
])
def test_format_number(value, expected):
    assert format_number(value) == expected


def test_format_number_with_fixed_decimals():
    assert format_number(5.7, 1) == "5,7"
    assert format_number(5, 1) == "5,0"
    assert format_percent(71.43, 1) == "71,4%"


@pytest.mark.parametrize(("text", "expected"), [
    ("49.305", Decimal("49305")), ("71,4", Decimal("71.4")), ("05", Decimal("5")),
    ("1.234,5", Decimal("1234.5")), ("-2,5", Decimal("-2.5")),
])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1.23", "1,2,3", "12.34.5"])
def test_parse_number_refuses_other_formats(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_format_date():
    import datetime as dt

    assert format_date(dt.date(2026, 3, 7)) == "07/03/2026"


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False))
def test_format_then_parse_round_trips(value):
    assert parse_number(format_number(value, 2)) == value


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_format_number_never_raises(value):
    text = format_number(value)
    assert text and "e" not in text.lower()


def test_a_quantity_is_written_at_its_units_precision():
    from nghiquyet.lib.vnformat import format_quantity, join_unit

    assert format_quantity(50336.3, "tấn") == "50.336 tấn"
    assert format_quantity(1200.5, "ha") == "1.201 ha"
    assert format_quantity(25.35, "%") == "25,4%"
    assert format_quantity(25.0, "%") == "25%"
    assert format_quantity(765.62, "triệu đồng") == "765,62 triệu đồng"
    assert format_quantity(4, "trường", 7) == "4/7 trường"
    assert join_unit("5,7", "%/năm") == "5,7%/năm"
    assert join_unit("1,25", "điểm %/năm") == "1,25 điểm %/năm"
