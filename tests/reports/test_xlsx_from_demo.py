"""The Excel annex built from the demo (Phiêng Khoài, 2026, approved figures), read back."""

from __future__ import annotations

from typing import Any

import pytest

from nghiquyet.documents.xlsx_annex import FIRST_DATA_ROW, HEADER_ROW

pytestmark = pytest.mark.django_db


def _columns(sheet: Any) -> dict[str, int]:
    titles: dict[str, int] = {}
    for row in (HEADER_ROW, HEADER_ROW + 1):
        for cell in sheet[row]:
            if isinstance(cell.value, str):
                titles.setdefault(cell.value, cell.column)
    return titles


def _rows_by_number(sheet: Any) -> dict[str, int]:
    return {str(sheet.cell(row=r, column=1).value): r
            for r in range(FIRST_DATA_ROW, sheet.max_row + 1)
            if sheet.cell(row=r, column=1).value}


def test_every_target_has_its_numbers_and_status(demo_workbook, demo_reports):
    sheet = demo_workbook["Biểu tổng hợp"]
    columns = _columns(sheet)
    rows = _rows_by_number(sheet)
    expected = demo_reports["approved"]["expected"]
    assert len(expected) == 37
    for target in expected:
        row = rows[target.number]
        assert sheet.cell(row=row, column=columns["Chỉ tiêu / mục tiêu"]).value == target.label
        baseline = sheet.cell(row=row, column=columns["Năm 2025 (cơ sở)"])
        actual = sheet.cell(row=row, column=columns["Năm 2026"])
        assert baseline.value == target.baseline, target
        assert actual.value == target.actual, target
        # Numbers stay numbers; an estimate is marked by the format, not the value.
        if target.actual is not None:
            assert isinstance(actual.value, int | float)
            assert actual.number_format.endswith('"*"') == target.estimate
        assert sheet.cell(row=row, column=columns["Đánh giá"]).value == target.status_label


def test_the_title_rows(demo_workbook):
    sheet = demo_workbook["Biểu tổng hợp"]
    texts = [sheet.cell(row=r, column=c).value for r in range(1, HEADER_ROW)
             for c in range(1, sheet.max_column + 1)]
    for words in ("ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ PHIÊNG KHOÀI", "ĐẢNG CỘNG SẢN VIỆT NAM",
                  "Phiêng Khoài, ngày 20 tháng 12 năm 2026",
                  "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026"):
        assert words in texts, words
    assert any(isinstance(t, str) and t.startswith("SỐ LIỆU MINH HỌA") for t in texts)


def test_the_notes_say_which_figures_count(demo_workbook, demo_reports):
    sheet = demo_workbook["Biểu tổng hợp"]
    column_a = [sheet.cell(row=r, column=1).value for r in range(1, sheet.max_row + 1)]
    assert "Số liệu sử dụng: chỉ số liệu đã được phê duyệt." in column_a
    notes = [c.value for row in demo_workbook["Ghi chú"].iter_rows() for c in row]
    assert "Số liệu sử dụng: chỉ số liệu đã được phê duyệt." in notes
