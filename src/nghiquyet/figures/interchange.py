"""The values interchange format: one row per figure, in the spirit of DHIS2's data
value sets. The same columns in Excel (.xlsx) and CSV; documented in
docs/values-format.md. Reading is Django-free; it yields rows with their place
in the file so every error can say sheet, row and column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import format_number, parse_number


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # Vietnamese header written in templates
    width: int
    info_only: bool = False  # written for people, ignored when read back


COLUMNS = [
    Column("indicator", "Chỉ tiêu số", 9),
    Column("target", "Mã mục tiêu", 11),
    Column("label", "Nội dung", 48, info_only=True),
    Column("unit", "Đơn vị tính", 12, info_only=True),
    Column("orgunit", "Mã đơn vị", 13),
    Column("orgunit_name", "Tên đơn vị", 26, info_only=True),
    Column("period", "Kỳ", 9),
    Column("value", "Giá trị", 13),
    Column("numerator", "Tử số", 11),
    Column("denominator", "Mẫu số", 11),
    Column("estimate", "Ước/chính thức", 15),
    Column("note", "Nguồn, ghi chú", 30),
    Column("last_year", "Năm trước", 12, info_only=True),
]
KEYS = [c.key for c in COLUMNS]
SHEET = "Số liệu"
INFO_SHEET = "Thông tin"
ESTIMATE_WORDS = {"ước", "ước thực hiện", "uoc", "estimate", "1", "x", "có"}
OFFICIAL_WORDS = {"", "chính thức", "chinh thuc", "official", "0", "không"}


@dataclass
class RowError:
    sheet: str
    row: int
    column: str  # the Vietnamese header, or "" for the whole row
    message: str

    def __str__(self) -> str:
        where = _("Trang “%(sheet)s”, dòng %(row)d") % {"sheet": self.sheet, "row": self.row}
        if self.column:
            where += _(", cột “%(col)s”") % {"col": self.column}
        return f"{where}: {self.message}"


@dataclass
class ValueRow:
    sheet: str
    row: int
    indicator: int | None
    target: str
    orgunit: str
    period: str
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    is_estimate: bool
    note: str

    @property
    def is_blank(self) -> bool:
        return self.value is None and self.numerator is None and self.denominator is None


@dataclass
class ReadResult:
    rows: list[ValueRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


class FileRefused(Exception):
    """The file as a whole cannot be read (type, size, structure)."""


HEADER_BY_KEY = {c.key: c.header for c in COLUMNS}


def _header_key(text: Any) -> str | None:
    label = str(text or "").strip().lower()
    for c in COLUMNS:
        if label in (c.key, c.header.lower()):
            return c.key
    return None


def _cell_number(raw: Any) -> Decimal:
    if isinstance(raw, bool):
        raise ValueError
    if isinstance(raw, int | float | Decimal):
        return Decimal(str(raw))
    return parse_number(str(raw))


def _parse_row(sheet: str, rownum: int, cells: dict[str, Any], out: ReadResult) -> None:
    def text(key: str) -> str:
        raw = cells.get(key)
        if raw is None:
            return ""
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        return str(raw).strip()

    def number(key: str) -> Decimal | None:
        raw = cells.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        try:
            return _cell_number(raw)
        except (ValueError, ArithmeticError):
            out.errors.append(RowError(sheet, rownum, HEADER_BY_KEY[key], _(
                "“%(raw)s” không phải số; viết 1.234,5 hoặc để trống.") % {"raw": raw}))
            return None

    before = len(out.errors)
    estimate_word = text("estimate").lower()
    if estimate_word not in ESTIMATE_WORDS | OFFICIAL_WORDS:
        out.errors.append(RowError(sheet, rownum, HEADER_BY_KEY["estimate"],
                                   _("ghi “ước thực hiện” hoặc “chính thức”.")))
    indicator_text = text("indicator")
    indicator = int(indicator_text) if indicator_text.isdigit() else None
    row = ValueRow(sheet, rownum, indicator, text("target"), text("orgunit"), text("period"),
                   number("value"), number("numerator"), number("denominator"),
                   estimate_word in ESTIMATE_WORDS, text("note")[:2000])
    if len(out.errors) > before:
        return
    if row.is_blank:
        return  # a template row left empty: nothing to import
    for key in ("target", "orgunit", "period"):
        if not getattr(row, key):
            out.errors.append(RowError(sheet, rownum, HEADER_BY_KEY[key], _("bắt buộc, đang trống.")))
            return
    out.rows.append(row)


def _rows_from_table(sheet: str, table: Iterator[tuple[Any, ...]], out: ReadResult) -> None:
    header: list[str | None] | None = None
    for rownum, values in enumerate(table, start=1):
        if header is None:
            keys = [_header_key(v) for v in values]
            if "target" in keys and "orgunit" in keys:
                header = keys
            continue
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        cells = {k: v for k, v in zip(header, values, strict=False) if k}
        _parse_row(sheet, rownum, cells, out)
    if header is None:
        raise FileRefused(_("Trang “%(sheet)s” thiếu dòng tiêu đề (cần các cột “Mã mục tiêu”, "
                            "“Mã đơn vị”, “Kỳ”, “Giá trị”…).") % {"sheet": sheet})


MAX_ROWS = 50_000


def read_xlsx(data: bytes) -> ReadResult:
    import zipfile

    from openpyxl import load_workbook

    _check_zip(data)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise FileRefused(_("Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không đúng "
                            "định dạng.")) from exc
    out = ReadResult()
    if SHEET not in wb.sheetnames:
        raise FileRefused(_("Tệp Excel không có trang “%(sheet)s”.") % {"sheet": SHEET})
    ws = wb[SHEET]
    if (ws.max_row or 0) > MAX_ROWS:
        raise FileRefused(_("Tệp có quá nhiều dòng (tối đa %(n)d).") % {"n": MAX_ROWS})
    _rows_from_table(SHEET, ws.iter_rows(values_only=True), out)
    if INFO_SHEET in wb.sheetnames:
        for key, value, *_rest in wb[INFO_SHEET].iter_rows(values_only=True, max_col=2):
            if key:
                out.meta[str(key)] = "" if value is None else str(value)
    wb.close()
    return out


def _check_zip(data: bytes) -> None:
    """Refuse a zip bomb before openpyxl inflates it."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise FileRefused(_("Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải "
                            ".xlsx.")) from exc
    total = sum(i.file_size for i in infos)
    if len(infos) > 2000 or total > 200 * 1024 * 1024 or total > 200 * max(len(data), 1):
        raise FileRefused(_("Tệp Excel giải nén ra quá lớn; không xử lý."))


def read_csv(data: bytes) -> ReadResult:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRefused(_("Tệp CSV phải là văn bản UTF-8.")) from exc
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    out = ReadResult()
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    _rows_from_table("CSV", (tuple(r) for r in reader), out)
    if len(out.rows) > MAX_ROWS:
        raise FileRefused(_("Tệp có quá nhiều dòng (tối đa %(n)d).") % {"n": MAX_ROWS})
    return out


def read_values_file(name: str, data: bytes, max_bytes: int) -> ReadResult:
    lower = name.lower()
    if len(data) > max_bytes:
        raise FileRefused(_("Tệp %(file)s lớn quá giới hạn %(mb)d MB.")
                          % {"file": name, "mb": max_bytes // (1024 * 1024)})
    if not data:
        raise FileRefused(_("Tệp %(file)s rỗng.") % {"file": name})
    if lower.endswith(".xlsx"):
        return read_xlsx(data)
    if lower.endswith(".csv"):
        return read_csv(data)
    raise FileRefused(_("Tệp %(file)s: chỉ nhận Excel (.xlsx) hoặc CSV (.csv).") % {"file": name})


# --- writing --------------------------------------------------------------------


def _display(value: Decimal | None) -> str:
    return "" if value is None else format_number(value)


def write_csv(rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([c.header for c in COLUMNS])
    for r in rows:
        writer.writerow([_display(r.get(k)) if isinstance(r.get(k), Decimal) else
                         ("" if r.get(k) is None else r.get(k)) for k in KEYS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel opens it as UTF-8


def write_xlsx(rows: list[dict[str, Any]], meta: dict[str, str], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append([c.header for c in COLUMNS])
    bold = Font(bold=True, name="Times New Roman")
    grey = PatternFill("solid", fgColor="EEEEEE")
    for i, c in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font, cell.alignment = bold, Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[cell.column_letter].width = c.width
    for r in rows:
        ws.append([_xlsx_value(r.get(k)) for k in KEYS])
    for row in ws.iter_rows(min_row=2):
        for i, c in enumerate(COLUMNS):
            cell = row[i]
            cell.font = Font(name="Times New Roman")
            if c.info_only:
                cell.fill = grey
            if c.key in ("value", "numerator", "denominator", "last_year"):
                cell.number_format = "#,##0.##"
            if c.key == "label":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    choices = DataValidation(type="list", formula1='"ước thực hiện,chính thức"', allow_blank=True)
    ws.add_data_validation(choices)
    col = ws.cell(row=1, column=KEYS.index("estimate") + 1).column_letter
    choices.add(f"{col}2:{col}{max(ws.max_row, 2)}")
    ws.freeze_panes = "C2"
    info = wb.create_sheet(INFO_SHEET)
    info.append(["title", title])
    for key, value in meta.items():
        info.append([key, value])
    info.append([])
    info.append(["Hướng dẫn", "Điền cột Giá trị (hoặc Tử số và Mẫu số với chỉ tiêu tỷ lệ), "
                 "cột Ước/chính thức và Ghi chú. Các cột nền xám chỉ để xem. Không đổi "
                 "Mã mục tiêu, Mã đơn vị, Kỳ. Số viết kiểu Việt Nam: 1.234,5."])
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 16, 90
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
