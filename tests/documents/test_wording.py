from __future__ import annotations

import dataclasses
from datetime import date

from nghiquyet.documents import ReportData, ReportTarget
from nghiquyet.documents.wording import (
    assessment_phrase,
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
        target_text="từ 49.305 tấn trở lên",
        deadline_year=2030,
        status=Status.NEEDS_ACCELERATION,
        status_label="Khó đạt",
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
    assert format_value(26.5, "%") == "26,5%"
    assert format_value(50336.3, "tấn") == "50.336 tấn"  # whole tonnes
    assert format_value(25.35, "%") == "25,4%"  # one decimal for a rate
    assert format_value(3, "trường", 7) == "3/7 trường"
    assert format_value(1, "đạt/không đạt") == "đạt"
    assert format_value(None, "tấn") == ""


def test_result_clause_reads_like_an_official_wrote_it() -> None:
    assert result_clause(_grain()) == (
        "năm 2026 ước đạt 41.200 tấn, bằng 83,6% mục tiêu từ 49.305 tấn trở lên đến năm 2030"
    )


def test_a_newer_partial_total_is_shown_with_its_coverage_and_not_as_the_result() -> None:
    grain = _grain(actuals={2026: 41200, 2027: 13117}, partial={2027: "8/30 đơn vị báo cáo"})
    assert result_clause(grain) == (
        "năm 2026 ước đạt 41.200 tấn, bằng 83,6% mục tiêu từ 49.305 tấn trở lên đến năm 2030; "
        "năm 2027 mới tổng hợp được 13.117 tấn, 8/30 đơn vị báo cáo, chưa dùng để đánh giá"
    )


def test_the_method_label_stays_after_the_customary_word() -> None:
    word, method, working = assessment_phrase(
        Status.NEEDS_ACCELERATION,
        "Thực hiện 2026: 41.200 tấn (năm 2025: 40.000 tấn); cần tăng bình quân 4,3%/năm.",
    )
    assert word == "khó đạt"
    assert method == "mức “cần đẩy nhanh” theo phương pháp đánh giá"
    # no bracket inside the report's bracket, no repeat of the figure just given
    assert working == "Năm gốc 2025: 40.000 tấn; cần tăng bình quân 4,3%/năm"
    assert assessment_phrase(Status.ACHIEVED, "Đạt.") == ("đạt, vượt", "", "Đạt")


def test_result_clause_for_a_final_figure_and_a_falling_target() -> None:
    final = _grain(estimate_years=frozenset())
    assert result_clause(final).startswith("năm 2026 đạt 41.200 tấn")
    poverty = _grain(
        label="Tỷ lệ hộ nghèo",
        unit="%",
        comparator="<",
        target_value=12,
        target_text="dưới 12%",
        latest=16.9,
        percent_of_target=None,
    )
    assert result_clause(poverty) == "năm 2026 ước còn 16,9%; mục tiêu dưới 12% đến năm 2030"


def test_result_clause_without_data() -> None:
    empty = _grain(latest=None, latest_year=None, percent_of_target=None, actuals={})
    assert result_clause(empty) == (
        "chưa có số liệu đủ để đánh giá; mục tiêu từ 49.305 tấn trở lên đến năm 2030"
    )


def test_target_cell_text() -> None:
    assert target_cell_text(_grain()) == "≥ 49.305"
    assert target_cell_text(_grain(each_year=True, target_value=40, unit="%")) == (
        "≥ 40 (hằng năm)"
    )
    growth = _grain(kind="growth_rate", target_text="tăng bình quân từ 5%/năm trở lên")
    assert target_cell_text(growth) == "tăng bình quân từ 5%/năm trở lên"


def test_counts_take_a_leading_zero_below_ten() -> None:
    assert [count_phrase(n) for n in (0, 4, 10, 24)] == ["0", "04", "10", "24"]


def test_summary_counts_every_indicator(sample: ReportData) -> None:
    text = summary_paragraph(sample)
    counts = sample.status_counts()
    assert text.startswith("Trong tổng số 24 chỉ tiêu")
    assert f"{counts[Status.ACHIEVED]:02d} chỉ tiêu đạt, vượt" in text
    assert f"{counts[Status.ON_TRACK]:02d} chỉ tiêu có khả năng đạt" in text
    assert f"{counts[Status.NO_DATA]:02d} chỉ tiêu chưa đủ số liệu để đánh giá" in text
    assert "chỉ tiêu khó đạt (cần đẩy nhanh " in text
    assert "không được tính là đạt" in text
