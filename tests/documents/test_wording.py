from __future__ import annotations

import dataclasses
from datetime import date

from nghiquyet.documents import ReportData, ReportTarget
from nghiquyet.documents.wording import (
    count_phrase,
    date_line,
    format_value,
    number_line,
    result_clause,
    summary_paragraph,
    target_cell_text,
)
from nghiquyet.progress import Status


def _grain(**changes: object) -> ReportTarget:
    target = ReportTarget(
        label="Sản lượng cây lương thực có hạt",
        unit="tấn",
        target_text="≥ 49.305 tấn",
        deadline_year=2030,
        status=Status.NEEDS_ACCELERATION,
        status_label="Cần đẩy nhanh tiến độ",
        target_value=49305,
        baseline=40000,
        actuals={2026: 41200},
        estimate_years=frozenset({2026}),
        latest=41200,
        latest_year=2026,
        percent_of_target=83.56,
    )
    return dataclasses.replace(target, **changes)  # type: ignore[arg-type]


def test_date_line_pads_days_and_early_months() -> None:
    assert date_line("Phiêng Khoài", date(2027, 1, 5)) == "Phiêng Khoài, ngày 05 tháng 01 năm 2027"
    assert date_line("Phiêng Khoài", date(2026, 4, 3)) == "Phiêng Khoài, ngày 03 tháng 4 năm 2026"
    assert date_line("Phiêng Khoài", date(2026, 12, 15)) == (
        "Phiêng Khoài, ngày 15 tháng 12 năm 2026"
    )


def test_number_line_leaves_room_for_a_missing_number() -> None:
    assert number_line("12-BC/ĐU") == "Số 12-BC/ĐU"
    blank = number_line("-BC/ĐU")
    assert blank.startswith("Số") and blank.endswith("-BC/ĐU") and len(blank) > 10


def test_values_use_vietnamese_formats() -> None:
    assert format_value(49305, "tấn") == "49.305 tấn"
    assert format_value(26.5, "%") == "26,5 %"
    assert format_value(3, "trường", 7) == "3/7 trường"
    assert format_value(1, "đạt/không đạt") == "đạt"
    assert format_value(None, "tấn") == ""


def test_result_clause_reads_like_an_official_wrote_it() -> None:
    assert result_clause(_grain()) == (
        "năm 2026 ước đạt 41.200 tấn, bằng 83,6 % mục tiêu 49.305 tấn đến năm 2030"
    )


def test_result_clause_for_a_final_figure_and_a_falling_target() -> None:
    final = _grain(estimate_years=frozenset())
    assert result_clause(final).startswith("năm 2026 đạt 41.200 tấn")
    poverty = _grain(
        label="Tỷ lệ hộ nghèo",
        unit="%",
        comparator="<",
        target_value=12,
        latest=16.9,
        percent_of_target=None,
    )
    assert result_clause(poverty) == "năm 2026 ước còn 16,9 %; mục tiêu dưới 12 % đến năm 2030"


def test_result_clause_without_data() -> None:
    empty = _grain(latest=None, latest_year=None, percent_of_target=None, actuals={})
    assert result_clause(empty) == "chưa có số liệu; mục tiêu 49.305 tấn đến năm 2030"


def test_target_cell_text() -> None:
    assert target_cell_text(_grain()) == "≥ 49.305"
    assert target_cell_text(_grain(each_year=True, target_value=40, unit="%")) == (
        "≥ 40 (hằng năm)"
    )
    assert target_cell_text(_grain(kind="growth_rate", target_text="tăng bình quân ≥ 5 %/năm")) == (
        "tăng bình quân ≥ 5 %/năm"
    )


def test_counts_take_a_leading_zero_below_ten() -> None:
    assert [count_phrase(n) for n in (0, 4, 10, 24)] == ["0", "04", "10", "24"]


def test_summary_counts_every_indicator(sample: ReportData) -> None:
    text = summary_paragraph(sample)
    counts = sample.status_counts()
    assert text.startswith("Trong tổng số 24 chỉ tiêu")
    assert f"{counts[Status.ACHIEVED]:02d} chỉ tiêu đã đạt, vượt" in text
    assert f"{counts[Status.ON_TRACK]:02d} chỉ tiêu đúng tiến độ" in text
    assert f"{counts[Status.NO_DATA]:02d} chỉ tiêu chưa có số liệu" in text
    assert "cần đẩy nhanh: " in text
