"""Report period codes (no database)."""

from __future__ import annotations

import pytest

from nghiquyet.reports.report_periods import mid_term_year, parse_report_period, period_choices


def parse(text):
    return parse_report_period(text, 2025, 2030)


@pytest.mark.parametrize(("text", "code", "kind", "as_of", "label"), [
    ("2026", "2026", "year", 2026, "năm 2026"),
    (" 2030 ", "2030", "year", 2030, "năm 2030"),
    ("2026H1", "2026H1", "half", 2026, "6 tháng đầu năm 2026"),
    ("2027-h2", "2027H2", "half", 2027, "6 tháng cuối năm 2027"),
    ("giua-nhiem-ky", "giua-nhiem-ky-2028", "mid_term", 2028, "giữa nhiệm kỳ 2025-2030"),
    ("Giữa nhiệm kỳ", "giua-nhiem-ky-2028", "mid_term", 2028, "giữa nhiệm kỳ 2025-2030"),
    ("giua-nhiem-ky-2027", "giua-nhiem-ky-2027", "mid_term", 2027, "giữa nhiệm kỳ 2025-2030"),
    ("nhiem-ky", "nhiem-ky", "term", 2030, "nhiệm kỳ 2025-2030"),
    ("NHIỆM KỲ", "nhiem-ky", "term", 2030, "nhiệm kỳ 2025-2030"),
])
def test_it_reads_the_codes(text, code, kind, as_of, label):
    period = parse(text)
    assert (period.code, period.kind, period.as_of, period.label) == (code, kind, as_of, label)
    assert parse(period.code) == period  # the canonical code reads back the same


def test_the_half_year_knows_its_code():
    assert parse("2026H1").half_code == "2026H1" and parse("2026").half_code == ""


@pytest.mark.parametrize("text", ["2025", "2031", "giua-nhiem-ky-2031", "2026Q2", "2026H3",
                                  "năm nay", "", "20261"])
def test_it_refuses_the_rest_in_vietnamese(text):
    with pytest.raises(ValueError, match="Kỳ báo cáo"):
        parse(text)


def test_mid_term_is_the_middle_rounded_up():
    assert mid_term_year(2025, 2030) == 2028
    assert mid_term_year(2020, 2025) == 2023  # when the 2020-2025 reviews were held
    assert mid_term_year(2026, 2030) == 2028


def test_the_page_offers_each_half_year_year_mid_term_and_term():
    codes = [p.code for p in period_choices(2025, 2030)]
    assert codes[:2] == ["2026H1", "2026"] and codes[-2:] == ["giua-nhiem-ky-2028", "nhiem-ky"]
    assert len(codes) == 12
