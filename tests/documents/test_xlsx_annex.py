from __future__ import annotations

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from nghiquyet.documents import ReportData
from nghiquyet.documents.xlsx_annex import FIRST_DATA_ROW, HEADER_ROW, number_format


def _sheet(workbook: Workbook) -> Worksheet:
    return workbook["Biểu tổng hợp"]


def _header(sheet: Worksheet) -> dict[str, int]:
    """Column index by title, reading both header rows (merged titles sit in the top one)."""
    titles: dict[str, int] = {}
    for row in (HEADER_ROW, HEADER_ROW + 1):
        for cell in sheet[row]:
            if isinstance(cell.value, str):
                titles.setdefault(cell.value, cell.column)
    return titles


def _target_rows(sheet: Worksheet, column: int) -> dict[str, int]:
    return {
        sheet.cell(row=r, column=column).value: r
        for r in range(FIRST_DATA_ROW, sheet.max_row + 1)
        if sheet.cell(row=r, column=column).value
    }


def test_it_has_the_table_and_the_notes(workbook: Workbook) -> None:
    assert workbook.sheetnames == ["Biểu tổng hợp", "Ghi chú"]


def test_the_columns(workbook: Workbook, sample: ReportData) -> None:
    titles = _header(_sheet(workbook))
    for title in (
        "STT",
        "Chỉ tiêu / mục tiêu",
        "Đơn vị tính",
        "Mục tiêu 2030",
        "Năm 2025 (cơ sở)",
        "Năm 2026",
        "Thực hiện gần nhất",
        "% so với mục tiêu",
        "Đánh giá",
        "Căn cứ đánh giá",
    ):
        assert title in titles, title


def test_every_target_has_numeric_figures_and_its_status(
    workbook: Workbook, sample: ReportData
) -> None:
    sheet = _sheet(workbook)
    titles = _header(sheet)
    rows = _target_rows(sheet, titles["Chỉ tiêu / mục tiêu"])
    for target in sample.targets():
        row = rows[target.label]
        baseline = sheet.cell(row=row, column=titles["Năm 2025 (cơ sở)"])
        latest = sheet.cell(row=row, column=titles["Năm 2026"])
        assert baseline.value == target.baseline
        assert latest.value == target.actuals.get(2026)
        if latest.value is not None:
            assert isinstance(latest.value, int | float)  # numbers, so officials can compute
            assert latest.number_format.startswith("#,##0")
            assert latest.number_format.endswith('*"')  # an estimate
        status = sheet.cell(row=row, column=titles["Đánh giá"]).value
        assert status == target.status_label
        percent = sheet.cell(row=row, column=titles["% so với mục tiêu"])
        if target.percent_of_target is not None:
            assert abs(percent.value - target.percent_of_target / 100) < 1e-9
            assert percent.number_format == "0.0%"


def test_targets_are_numbers_shown_with_their_comparator(workbook: Workbook) -> None:
    sheet = _sheet(workbook)
    titles = _header(sheet)
    rows = _target_rows(sheet, titles["Chỉ tiêu / mục tiêu"])
    grain = sheet.cell(row=rows["Sản lượng cây lương thực có hạt"], column=titles["Mục tiêu 2030"])
    assert grain.value == 49305 and grain.number_format == '"≥ "#,##0'
    schools = sheet.cell(row=rows["Trường học đạt chuẩn quốc gia"], column=titles["Năm 2026"])
    assert schools.value == 3 and schools.number_format == '#,##0"/7*"'


def test_groups_and_indicators_head_their_targets(workbook: Workbook) -> None:
    sheet = _sheet(workbook)
    stt = [sheet.cell(row=r, column=1).value for r in range(FIRST_DATA_ROW, sheet.max_row + 1)]
    assert stt[:4] == ["a)", "1", "1.1", "1.2"]
    assert "b)" in stt and "c)" in stt and "24.2" in stt


def test_number_formats_follow_the_value() -> None:
    assert number_format(49305) == "#,##0"
    assert number_format(26.5) == "#,##0.0"
    assert number_format(0.25) == "#,##0.00"
    assert number_format(40, prefix="≥ ", suffix=" (hằng năm)") == '"≥ "#,##0" (hằng năm)"'


def test_print_setup(workbook: Workbook) -> None:
    sheet = _sheet(workbook)
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$7:$8"
    assert sheet.freeze_panes == f"C{FIRST_DATA_ROW}"
    assert sheet.page_margins.left > 0.5


def test_title_rows_and_fonts(workbook: Workbook, sample: ReportData) -> None:
    sheet = _sheet(workbook)
    values = [sheet.cell(row=r, column=c).value for r in range(1, 7) for c in range(1, 20)]
    assert "ĐẢNG BỘ TỈNH SƠN LA" in values and "ĐẢNG ỦY XÃ PHIÊNG KHOÀI" in values
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in values
    assert any(isinstance(v, str) and v.startswith("BIỂU TỔNG HỢP") for v in values)
    assert any(isinstance(v, str) and "MINH HỌA" in v for v in values)
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row):
        for cell in row:
            if cell.value is not None:
                assert cell.font.name == "Times New Roman", cell.coordinate


def test_notes_explain_every_status(workbook: Workbook, sample: ReportData) -> None:
    notes = workbook["Ghi chú"]
    text = " ".join(str(c.value) for row in notes.iter_rows() for c in row if c.value)
    for target in sample.targets():
        assert target.status_label in text
    assert "1.234,5" in text


def test_the_notes_sheet_prints_on_its_own_and_pages_count_per_sheet(workbook: Workbook) -> None:
    table, notes = _sheet(workbook), workbook["Ghi chú"]
    assert notes.page_setup.orientation == "portrait"
    assert int(notes.page_setup.paperSize) == int(notes.PAPERSIZE_A4)
    assert notes.sheet_properties.pageSetUpPr.fitToPage and notes.page_setup.fitToWidth == 1
    assert notes.print_area and notes.page_margins.left > notes.page_margins.right
    # the landscape table is bound along its top: its wide margin is there
    assert table.page_margins.top > table.page_margins.left
    for sheet in (table, notes):
        assert sheet.page_setup.useFirstPageNumber and sheet.page_setup.firstPageNumber == 1
        assert sheet.oddFooter.center.text == "Trang &P/&N"


def test_the_legend_states_the_methods_thresholds(workbook: Workbook) -> None:
    notes = workbook["Ghi chú"]
    text = " ".join(str(c.value) for row in notes.iter_rows() for c in row if c.value)
    assert "từ 60% đến dưới 95% nhịp độ cần thiết" in text
    assert "Khó đạt (cần đẩy nhanh)" in text


def test_figures_take_their_units_precision() -> None:
    assert number_format(50336.3, places=0) == "#,##0"
    assert number_format(25.35, places=1) == "#,##0.0"
    assert number_format(13117, suffix=" (8/30 đơn vị báo cáo)", places=0) == (
        '#,##0" (8/30 đơn vị báo cáo)"'
    )
