"""The Excel annex (biểu tổng hợp): every target with its yearly figures.

Number formats: Excel format codes cannot fix the separators. In a code,
``,`` always means "thousands separator" and ``.`` "decimal point", and Excel
(and LibreOffice) draw them with the separators of the computer's regional
settings. So figures are written as real numbers with codes such as
``#,##0.0``: a computer set to Vietnamese shows 1.234,5, an English one
1,234.5, and in both the cells add up. Writing "1.234,5" as text would look
right everywhere and break every formula. The decimals shown follow each
value (49.305 has none, 26,5 one), so whole numbers never end in a stray
separator as the common ``#,##0.##`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.spreadsheet import save_workbook
from nghiquyet.lib.vnformat import format_date, format_number, unit_decimals

from .data import (
    STATUSES,
    ReportData,
    ReportIndicator,
    ReportTarget,
    Status,
    status_meaning,
)
from .palette import GROUP_FILL, HEADER_FILL, STATUS_TINTS
from .programme import add_xlsx_sheet as add_programme_sheet
from .wording import (
    comparator_symbol,
    coverage_cell,
    date_line,
    illustrative_note,
    number_line,
    target_number,
)

FONT: Final[str] = "Times New Roman"
SIZE: Final[int] = 11
HEADER_ROW: Final[int] = 7  # two header rows: 7 and 8; data from row 9
FIRST_DATA_ROW: Final[int] = HEADER_ROW + 2
_CM_PER_INCH: Final[float] = 2.54
_LINE_POINTS: Final[float] = 14.5  # one line of 11 pt text
_LETTERS_PER_WIDTH: Final[float] = 1.2

_THIN = Side(style="thin", color="000000")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_WRAP_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_RIGHT = Alignment(horizontal="right", vertical="center")


def build_xlsx(data: ReportData) -> bytes:
    """The annex workbook as bytes: the table sheet, then a notes sheet."""
    workbook = Workbook()
    _register_styles(workbook)
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Biểu tổng hợp")
    columns = _Columns(data)
    _title_rows(sheet, data, columns.last)
    _header_rows(sheet, data, columns)
    last_row = _data_rows(sheet, data, columns)
    _footnote(sheet, last_row + 2, data.notes)
    _layout(sheet, columns, last_row + len(data.notes))  # the notes print under the table
    _notes_sheet(workbook.create_sheet(_("Ghi chú")), data)
    if data.programme is not None:
        add_programme_sheet(workbook, data.programme)
    workbook.properties.title = _("Biểu tổng hợp kết quả thực hiện các chỉ tiêu")
    workbook.properties.creator = data.issuing_organ_text
    return save_workbook(workbook)  # registry text never becomes a formula


class _Columns:
    """Where each column is (1-based), from the report's years."""

    def __init__(self, data: ReportData) -> None:
        self.years: list[int] = list(data.years)
        self.stt, self.label, self.unit, self.target = 1, 2, 3, 4
        self.first_year = 5
        self.latest = self.first_year + len(self.years)
        self.latest_year = self.latest + 1
        self.percent = self.latest + 2
        self.status = self.latest + 3
        self.explanation = self.latest + 4
        self.last = self.explanation

    def widths(self) -> dict[int, float]:
        widths: dict[int, float] = {self.stt: 6, self.label: 46, self.unit: 11, self.target: 14}
        widths |= {self.first_year + i: 11 for i in range(len(self.years))}
        widths |= {
            self.latest: 11,
            self.latest_year: 7,
            self.percent: 10,
            self.status: 15,
            self.explanation: 42,
        }
        return widths


# --- styles -------------------------------------------------------------------


def _register_styles(workbook: Workbook) -> None:
    """Named styles: one lookup per cell instead of four style objects per cell."""

    def add(
        name: str,
        *,
        bold: bool = False,
        italic: bool = False,
        alignment: Alignment = _WRAP_LEFT,
        fill: str | None = None,
    ) -> None:
        style = NamedStyle(name=name)
        style.font = Font(name=FONT, size=SIZE, bold=bold, italic=italic)
        style.border = _GRID
        style.alignment = alignment
        if fill:
            style.fill = PatternFill("solid", fgColor=fill)
        workbook.add_named_style(style)

    add("nq_text")
    add("nq_text_bold", bold=True)
    add("nq_centre", alignment=_WRAP_CENTRE)
    add("nq_centre_bold", bold=True, alignment=_WRAP_CENTRE)
    add("nq_number", alignment=_RIGHT)
    add("nq_estimate", italic=True, alignment=_RIGHT)
    add("nq_header", bold=True, alignment=_WRAP_CENTRE, fill=HEADER_FILL)
    add("nq_group", bold=True, fill=GROUP_FILL)
    add("nq_explanation", italic=True)
    for status in STATUSES:
        add(f"nq_status_{status}", alignment=_WRAP_CENTRE, fill=STATUS_TINTS[status])
        add(
            f"nq_status_{status}_bold", bold=True, alignment=_WRAP_CENTRE, fill=STATUS_TINTS[status]
        )


def number_format(
    value: float, *, prefix: str = "", suffix: str = "", places: int | None = None
) -> str:
    """``#,##0``, ``#,##0.0`` or ``#,##0.00`` by the value's own decimals (at most
    ``places``: the unit's precision, whole tấn, one decimal for %), with literals."""
    rounded = round(value, 2 if places is None else places)
    if rounded == round(rounded):
        core = "#,##0"
    elif round(rounded, 1) == rounded:
        core = "#,##0.0"
    else:
        core = "#,##0.00"
    return _literal(prefix) + core + _literal(suffix)


def _literal(text: str) -> str:
    return f'"{text}"' if text else ""


# --- title and header -----------------------------------------------------------


def _title_rows(sheet: Worksheet, data: ReportData, last: int) -> None:
    left_end, right_start = 3, max(last - 4, 5)
    organs = [(data.superior_organ.upper(), False)] if data.superior_organ else []
    organs += [(data.issuing_organ.upper(), True), ("*", False)]
    for row, (text, bold) in enumerate(organs, start=1):
        _merged(sheet, row, 1, left_end, text, bold=bold)
    _merged(sheet, 1, right_start, last, _("ĐẢNG CỘNG SẢN VIỆT NAM"), bold=True, underline=True)
    _merged(sheet, 2, right_start, last, date_line(data.place, data.report_date), italic=True)
    title = _("BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU {period}").format(
        period=data.period_label.upper()
    )
    _merged(sheet, 4, 1, last, title, bold=True, size=13)
    attached = _("(Kèm theo Báo cáo {number} ngày {date} của {organ})").format(
        number=number_line(data.number_code).replace(_("Số"), _("số"), 1),
        date=format_date(data.report_date),
        organ=data.issuing_organ_text,
    )
    _merged(sheet, 5, 1, last, attached, italic=True)
    if data.illustrative:
        cell = _merged(sheet, 6, 1, last, illustrative_note(), bold=True, italic=True)
        cell.font = Font(name=FONT, size=SIZE, bold=True, italic=True, color="C00000")
    sheet.row_dimensions[4].height = 20


def _merged(
    sheet: Worksheet,
    row: int,
    first: int,
    last: int,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: int = SIZE,
) -> Cell:
    sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    cell = sheet.cell(row=row, column=first, value=text)
    cell.font = Font(
        name=FONT, size=size, bold=bold, italic=italic, underline="single" if underline else None
    )
    cell.alignment = Alignment(horizontal="center", vertical="center")
    return cell


def _header_rows(sheet: Worksheet, data: ReportData, columns: _Columns) -> None:
    top, bottom = HEADER_ROW, HEADER_ROW + 1
    single = {
        columns.stt: _("STT"),
        columns.label: _("Chỉ tiêu / mục tiêu"),
        columns.unit: _("Đơn vị tính"),
        columns.target: _("Mục tiêu {year}").format(year=data.term_end),
        columns.percent: _("% so với mục tiêu"),
        columns.status: _("Đánh giá"),
        columns.explanation: _("Căn cứ đánh giá"),
    }
    for column, title in single.items():
        _header_cell(sheet, top, column, title, rows=2)
    _header_cell(sheet, top, columns.first_year, _("Thực hiện"), columns=len(columns.years))
    for offset, year in enumerate(columns.years):
        title = _("Năm {year} (cơ sở)") if year == data.term_start else _("Năm {year}")
        _header_cell(sheet, bottom, columns.first_year + offset, title.format(year=year))
    _header_cell(sheet, top, columns.latest, _("Thực hiện gần nhất"), columns=2)
    _header_cell(sheet, bottom, columns.latest, _("Số liệu"))
    _header_cell(sheet, bottom, columns.latest_year, _("Năm"))
    sheet.row_dimensions[top].height = 30
    sheet.row_dimensions[bottom].height = 30


def _header_cell(
    sheet: Worksheet, row: int, column: int, text: str, *, rows: int = 1, columns: int = 1
) -> None:
    for r in range(row, row + rows):
        for c in range(column, column + columns):
            sheet.cell(row=r, column=c).style = "nq_header"  # borders on every merged cell
    sheet.cell(row=row, column=column, value=text)
    if rows > 1 or columns > 1:
        sheet.merge_cells(
            start_row=row,
            start_column=column,
            end_row=row + rows - 1,
            end_column=column + columns - 1,
        )


# --- data rows --------------------------------------------------------------------


def _data_rows(sheet: Worksheet, data: ReportData, columns: _Columns) -> int:
    row = FIRST_DATA_ROW
    for group in data.groups:
        _blank_row(sheet, row, columns, "nq_group")
        sheet.cell(row=row, column=columns.stt, value=f"{group.code})")
        sheet.cell(row=row, column=columns.label, value=group.title)
        row += 1
        for indicator in group.indicators:
            row = _indicator_rows(sheet, data, indicator, columns, row)
    return row - 1


def _indicator_rows(
    sheet: Worksheet, data: ReportData, indicator: ReportIndicator, columns: _Columns, row: int
) -> int:
    widths = columns.widths()
    if len(indicator.targets) > 1:
        _blank_row(sheet, row, columns, "nq_text")
        _put(sheet, row, columns.stt, str(indicator.number), "nq_centre_bold")
        _put(sheet, row, columns.label, indicator.text.strip(), "nq_text_bold")
        _put(
            sheet, row, columns.status, indicator.status_label, f"nq_status_{indicator.status}_bold"
        )
        _fit_height(
            sheet,
            row,
            [
                (indicator.text, widths[columns.label] * 0.85),
                (indicator.status_label, widths[columns.status] * 0.9),
            ],
        )
        row += 1
    for index, target in enumerate(indicator.targets):
        _target_row(sheet, data, target, target_number(indicator, index), columns, row)
        _fit_height(
            sheet,
            row,
            [
                (target.label, widths[columns.label]),
                (target.unit, widths[columns.unit]),
                (target.status_label, widths[columns.status]),
                (target.explanation, widths[columns.explanation]),
            ],
        )
        row += 1
    return row


def _fit_height(sheet: Worksheet, row: int, texts: list[tuple[str, float]]) -> None:
    """Set the row tall enough for its wrapped text.

    Neither Excel nor LibreOffice grows a row to fit wrapped text written by a
    program (LibreOffice's PDF export overlaps the lines), so the height is
    estimated here. A column's width counts digits of the default font; about
    1,2 Times New Roman letters fit per unit (less in bold), rounded down so a
    row rather ends a little tall than cuts a line.
    """
    lines = max(_line_count(text, width) for text, width in texts)
    if lines > 1:
        sheet.row_dimensions[row].height = lines * _LINE_POINTS + 3


def _line_count(text: str, width: float) -> int:
    per_line = max(int(width * _LETTERS_PER_WIDTH) - 1, 1)
    count = 0
    for paragraph in text.split("\n"):
        count += max(1, -(-len(paragraph) // per_line))
    return count


def _target_row(
    sheet: Worksheet,
    data: ReportData,
    target: ReportTarget,
    number: str,
    columns: _Columns,
    row: int,
) -> None:
    _put(sheet, row, columns.stt, number, "nq_centre")
    _put(sheet, row, columns.label, target.label, "nq_text")
    _put(sheet, row, columns.unit, target.unit, "nq_centre")
    _target_cell(sheet, row, columns.target, target)
    for offset, year in enumerate(columns.years):
        value = target.value_for(year, data.term_start)
        _figure(
            sheet,
            row,
            columns.first_year + offset,
            value,
            target,
            estimate=year in target.estimate_years,
            coverage=target.partial.get(year, ""),
        )
    _figure(sheet, row, columns.latest, target.latest, target, estimate=target.latest_is_estimate)
    _put(sheet, row, columns.latest_year, target.latest_year, "nq_centre")
    percent = None if target.percent_of_target is None else target.percent_of_target / 100
    cell = _put(sheet, row, columns.percent, percent, "nq_number")
    cell.number_format = "0.0%"
    _put(sheet, row, columns.status, target.status_label, f"nq_status_{target.status}")
    _put(sheet, row, columns.explanation, target.explanation, "nq_explanation")


def _target_cell(sheet: Worksheet, row: int, column: int, target: ReportTarget) -> None:
    """A number (``≥ 49.305`` by format) where the target is one, else the resolution's words."""
    if target.target_value is None or target.kind not in {"level", "cumulative"}:
        _put(sheet, row, column, target.target_text, "nq_centre")
        return
    symbol = comparator_symbol(target.comparator)
    suffix = _denominator_suffix(target) + (" " + _("(hằng năm)") if target.each_year else "")
    cell = _put(sheet, row, column, target.target_value, "nq_number")
    cell.number_format = number_format(
        target.target_value, prefix=f"{symbol} " if symbol else "", suffix=suffix
    )


def _figure(
    sheet: Worksheet,
    row: int,
    column: int,
    value: float | None,
    target: ReportTarget,
    *,
    estimate: bool,
    coverage: str = "",
) -> None:
    """A yearly figure as a number; an estimate (ước thực hiện) shows ``*`` and italics; a
    partial total shows its coverage (``13.117 (8/30 bản báo cáo)``) and stays a number."""
    cell = _put(sheet, row, column, value, "nq_estimate" if estimate else "nq_number")
    if value is not None:
        suffix = _denominator_suffix(target)
        if coverage:
            suffix += f" ({_format_literal(coverage_cell(coverage))})"
        suffix += "*" if estimate else ""
        places = 0 if target.denominator is not None else unit_decimals(target.unit)
        cell.number_format = number_format(value, suffix=suffix, places=places)


def _format_literal(text: str) -> str:
    """Text safe inside a quoted number-format literal (no quote, no backslash)."""
    return text.replace('"', "").replace("\\", "")


def _denominator_suffix(target: ReportTarget) -> str:
    """``3`` out of 7 schools displays as ``3/7`` and stays the number 3."""
    if target.denominator is None:
        return ""
    return "/" + format_number(target.denominator)


def _put(sheet: Worksheet, row: int, column: int, value: object, style: str) -> Cell:
    cell = sheet.cell(row=row, column=column, value=value)
    cell.style = style
    return cell


def _blank_row(sheet: Worksheet, row: int, columns: _Columns, style: str) -> None:
    for column in range(1, columns.last + 1):
        sheet.cell(row=row, column=column).style = style


def _footnote(sheet: Worksheet, row: int, notes: Sequence[str]) -> None:
    lines = [
        _(
            "Ghi chú: (*) số liệu ước thực hiện; ô để trống: chưa có số liệu; số kèm (8/30): số "
            "liệu mới tổng hợp từ 8 trên 30 đơn vị phải báo cáo, chưa dùng để đánh giá. "
            'Cách đánh giá: xem trang tính "Ghi chú".'
        ),
        *notes,
    ]
    for offset, line in enumerate(lines):
        cell = sheet.cell(row=row + offset, column=1, value=line)
        cell.font = Font(name=FONT, size=SIZE, italic=True)


# --- page setup ---------------------------------------------------------------------


def _layout(sheet: Worksheet, columns: _Columns, last_row: int) -> None:
    for column, width in columns.widths().items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=FIRST_DATA_ROW, column=columns.unit)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    sheet.print_area = f"A1:{get_column_letter(columns.last)}{last_row + 2}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages tall as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    # A landscape sheet is bound along its top edge: the wide margin goes there.
    sheet.page_margins = PageMargins(
        left=2.0 / _CM_PER_INCH,
        right=2.0 / _CM_PER_INCH,
        top=3.0 / _CM_PER_INCH,
        bottom=1.5 / _CM_PER_INCH,
        header=1.0 / _CM_PER_INCH,
        footer=0.6 / _CM_PER_INCH,
    )
    sheet.print_options.horizontalCentered = True
    _page_numbers(sheet)


def _page_numbers(sheet: Worksheet) -> None:
    """"Trang n/N" in the footer, counted from 1 on each sheet (printing the whole workbook
    would otherwise number the notes sheet on from the table)."""
    sheet.page_setup.firstPageNumber = 1
    sheet.page_setup.useFirstPageNumber = True
    sheet.oddFooter.center.text = _("Trang &P/&N")
    sheet.oddFooter.center.font = FONT


# --- notes sheet ----------------------------------------------------------------------


def _notes_sheet(sheet: Worksheet, data: ReportData) -> None:
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 90
    title = sheet.cell(row=1, column=1, value=_("GHI CHÚ VÀ CÁCH ĐÁNH GIÁ"))
    title.font = Font(name=FONT, size=13, bold=True)
    _put(sheet, 3, 1, _("Mức đánh giá"), "nq_header")
    _put(sheet, 3, 2, _("Ý nghĩa"), "nq_header")
    row = 4
    for status in STATUSES:
        _put(sheet, row, 1, Status(status).full_label, f"nq_status_{status}")
        _put(sheet, row, 2, status_meaning(status), "nq_text")
        row += 1
    row += 1
    for line in _method_lines(data):
        cell = sheet.cell(row=row, column=1, value=line)
        cell.font = Font(name=FONT, size=SIZE)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        sheet.row_dimensions[row].height = 32
        row += 1
    # Printed on its own A4 portrait page(s), with the report's portrait margins.
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(
        left=3.0 / _CM_PER_INCH,
        right=1.5 / _CM_PER_INCH,
        top=2.0 / _CM_PER_INCH,
        bottom=2.0 / _CM_PER_INCH,
        header=0.8 / _CM_PER_INCH,
        footer=0.8 / _CM_PER_INCH,
    )
    sheet.print_area = f"A1:B{row}"
    sheet.print_options.horizontalCentered = True
    _page_numbers(sheet)


def _method_lines(data: ReportData) -> Sequence[str]:
    lines = [
        _(
            "Năm cơ sở là năm {year}, năm đầu nhiệm kỳ; các năm sau là số liệu thực hiện từng năm."
        ).format(year=data.term_start),
        _(
            "Trước hạn, mỗi mục tiêu được đánh giá bằng cách so sánh nhịp độ thực tế từ năm cơ "
            "sở đến năm gần nhất với nhịp độ cần thiết để đạt mục tiêu đúng hạn (phương pháp "
            "tỷ số tăng trưởng của Open SDG, theo Eurostat và UN ESCAP)."
        ),
        _(
            "Mục tiêu phải đạt hằng năm được xét từng năm; mục tiêu cộng dồn cả nhiệm kỳ được "
            "so với phần cần đạt theo tiến độ."
        ),
        _(
            "Một chỉ tiêu gồm nhiều mục tiêu được đánh giá theo mục tiêu có kết quả thấp nhất; "
            "chỉ tiêu còn mục tiêu chưa đánh giá được thì không được tính là đạt."
        ),
        _(
            "Số liệu mới tổng hợp được một phần (chưa đủ đơn vị báo cáo, hoặc mới có một phần "
            "của năm) được ghi kèm số đơn vị đã báo cáo và không dùng để đánh giá; năm chưa có "
            "số liệu không được tính là 0."
        ),
        _("(*) là số liệu ước thực hiện, sẽ được thay bằng số liệu chính thức khi có."),
        _(
            "Các ô số liệu là số (không phải chữ) nên có thể cộng, tính tỷ lệ. Dấu phân cách "
            "hàng nghìn và thập phân hiển thị theo cài đặt vùng của máy tính: máy đặt tiếng "
            "Việt hiển thị 1.234,5."
        ),
    ]
    lines[1:1] = data.notes
    if data.illustrative:
        lines.insert(0, illustrative_note())
    return lines
