"""The completion-time phrases of a programme's table (Django-free)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.programmes.when import (
    ONGOING,
    YEARLY,
    When,
    WhenError,
    describe_when,
    figure_periods_due,
    figures_deadline,
    parse_when,
    quarter_bounds,
)

TERM = {"first_year": 2026, "last_year": 2030}
ROMAN = ["I", "II", "III", "IV"]


@pytest.mark.parametrize(("text", "start", "due"), [
    ("Quý II/2026", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
    ("quý iv năm 2027", dt.date(2027, 10, 1), dt.date(2027, 12, 31)),
    ("Quý 1/2026", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
    ("Tháng 6/2027", dt.date(2027, 6, 1), dt.date(2027, 6, 30)),
    ("Trong tháng 2 năm 2028", dt.date(2028, 2, 1), dt.date(2028, 2, 29)),
    ("Năm 2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    ("2026-2030", dt.date(2026, 1, 1), dt.date(2030, 12, 31)),
    ("Giai đoạn 2026 – 2027", dt.date(2026, 1, 1), dt.date(2027, 12, 31)),
    ("6 tháng đầu năm 2027", dt.date(2027, 1, 1), dt.date(2027, 6, 30)),
    ("30/6/2030", None, dt.date(2030, 6, 30)),
    ("Trước ngày 15/3/2026", None, dt.date(2026, 3, 15)),
])
def test_it_reads_dated_phrases(text: str, start: dt.date | None, due: dt.date) -> None:
    when = parse_when(text, **TERM)
    assert (when.start, when.due, when.recurrence) == (start, due, "")


def test_it_reads_yearly_phrases() -> None:
    assert parse_when("Hằng năm", **TERM) == When(dt.date(2026, 1, 1), dt.date(2026, 12, 31),
                                                  YEARLY, None)
    assert parse_when("hằng năm, quý IV", **TERM) == When(dt.date(2026, 1, 1),
                                                         dt.date(2026, 12, 31), YEARLY, 4)
    assert parse_when("Hàng năm, quý I", **TERM).due == dt.date(2026, 3, 31)
    assert parse_when("Hằng năm vào tháng 8", **TERM).quarter == 3
    assert parse_when("Thường xuyên", **TERM) == When(dt.date(2026, 1, 1),
                                                     dt.date(2030, 12, 31), ONGOING)


@pytest.mark.parametrize("text", ["", "sớm", "Quý V/2026", "Tháng 13/2026", "31/2/2026",
                                  "2030-2026", "Năm 1890"])
def test_it_refuses_what_it_cannot_read(text: str) -> None:
    with pytest.raises(WhenError) as info:
        parse_when(text, **TERM)
    assert str(info.value)  # a Vietnamese message for the review page


@given(st.text(max_size=40))
def test_any_text_reads_or_raises_when_error(text: str) -> None:
    try:
        when = parse_when(text, **TERM)
    except WhenError:
        return
    assert when.start is None or when.start <= when.due


@given(st.integers(2000, 2100), st.integers(1, 4), st.booleans())
def test_quarters_read_whatever_the_numeral(year: int, quarter: int, roman: bool) -> None:
    numeral = ROMAN[quarter - 1] if roman else str(quarter)
    when = parse_when(f"Quý {numeral}/{year}", **TERM)
    assert (when.start, when.due) == quarter_bounds(year, quarter)
    assert when.start.month == 3 * quarter - 2 and when.due.month == 3 * quarter


@given(st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)))
def test_a_date_reads_back(day: dt.date) -> None:
    assert parse_when(f"{day.day}/{day.month}/{day.year}", **TERM).due == day


@given(st.one_of(
    st.builds(lambda y, q: When(*quarter_bounds(y, q)), st.integers(2000, 2100),
              st.integers(1, 4)),
    st.builds(lambda a, n: When(dt.date(a, 1, 1), dt.date(a + n, 12, 31)),
              st.integers(2000, 2090), st.integers(0, 10)),
    st.builds(lambda q: When(dt.date(2026, 1, 1), quarter_bounds(2026, q)[1], YEARLY, q),
              st.integers(1, 4)),
    st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)).map(lambda d: When(None, d)),
))
def test_what_is_described_reads_back(when: When) -> None:
    assert parse_when(describe_when(when), **TERM) == when


def test_figure_deadlines() -> None:
    assert figures_deadline(2026, "Y", 1) == dt.date(2026, 12, 15)
    assert figures_deadline(2026, "H", 1) == dt.date(2026, 6, 15)
    assert figures_deadline(2026, "Q", 3) == dt.date(2026, 9, 15)
    assert figure_periods_due("Y", dt.date(2026, 12, 10), 7) == [(2026, "Y", 0)]
    assert figure_periods_due("Y", dt.date(2026, 12, 1), 7) == []
    assert figure_periods_due("Q", dt.date(2026, 6, 9), 7) == [(2026, "Q", 2)]
