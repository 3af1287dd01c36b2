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
from nghiquyet.lib.spreadsheet import csv_safe, csv_unescape, save_workbook
from nghiquyet.lib.uploads import Deadline, UploadRefused, open_xlsx, xlsx_rows
from nghiquyet.lib.vnformat import format_number, parse_number


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # Vietnamese header written in templates
    width: int
    info_only: bool = False  # written for people, ignored when read back
    keep: bool = False  # read back, but written by the product and not to be changed


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
    # The figure's version when the file was made (0: there was none). An import that
    # would overwrite a figure changed since then is refused for that row.
    Column("version", "Phiên bản", 10, keep=True),
]
KEYS = [c.key for c in COLUMNS]
SHEET = "Số liệu"
GUIDE_SHEET = "Hướng dẫn"  # the first sheet: instructions and what the file is for
OLD_INFO_SHEET = "Thông tin"  # templates made before the guide sheet; still read
ESTIMATE_WORDS = {"ước", "ước thực hiện", "uoc", "estimate", "1", "x", "có"}
OFFICIAL_WORDS = {"", "chính thức", "chinh thuc", "official", "0", "không"}
# A yes/no figure may be written in words; the import checks the series takes them.
YES_TEXT, NO_TEXT = "Đạt", "Chưa đạt"
YES_WORDS = {"đạt", "dat", "có", "yes"}
NO_WORDS = {"chưa đạt", "chua dat", "không đạt", "khong dat", "không", "no"}
# What the guide sheet says about the file, read back by label (the import needs the
# resolution); the English keys of older templates are read too.
META_LABELS = {"resolution": "Mã nghị quyết trong hệ thống", "title": "Nghị quyết",
               "orgunit": "Mã đơn vị", "period": "Kỳ"}


@dataclass
class RowError:
    sheet: str
    row: int
    column: str  # the Vietnamese header, or "" for the whole row
    message: str

    def __str__(self) -> str:
        where = _("Trang “%(sheet)s”") % {"sheet": self.sheet} if not self.row else \
            _("Trang “%(sheet)s”, dòng %(row)d") % {"sheet": self.sheet, "row": self.row}
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
    version: int | None = None  # None: the file carries no versions (made by hand)
    value_in_words: bool = False  # "Đạt"/"Chưa đạt" was written instead of 1/0

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

    words = False

    def value() -> Decimal | None:
        nonlocal words
        raw = cells.get("value")
        if isinstance(raw, str):
            word = " ".join(raw.lower().split())
            if word in YES_WORDS or word in NO_WORDS:
                words = True
                return Decimal(1) if word in YES_WORDS else Decimal(0)
        return number("value")

    def version() -> int | None:
        if "version" not in cells:
            return None
        raw = text("version")
        if not raw:
            return 0
        if raw.isdigit():
            return int(raw)
        out.errors.append(RowError(sheet, rownum, HEADER_BY_KEY["version"], _(
            "“%(raw)s” không phải phiên bản; giữ nguyên số trong mẫu.") % {"raw": raw}))
        return None

    before = len(out.errors)
    estimate_word = text("estimate").lower()
    if estimate_word not in ESTIMATE_WORDS | OFFICIAL_WORDS:
        out.errors.append(RowError(sheet, rownum, HEADER_BY_KEY["estimate"],
                                   _("ghi “ước thực hiện” hoặc “chính thức”.")))
    indicator_text = text("indicator")
    indicator = int(indicator_text) if indicator_text.isdigit() else None
    # The note is kept whole: the import refuses one that is too long, never cuts it.
    row = ValueRow(sheet, rownum, indicator, text("target"), text("orgunit"), text("period"),
                   value(), number("numerator"), number("denominator"),
                   estimate_word in ESTIMATE_WORDS, text("note"), version(), words)
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
    data_rows = 0
    for rownum, values in enumerate(table, start=1):
        if header is None:
            keys = [_header_key(v) for v in values]
            if "target" in keys and "orgunit" in keys:
                header = keys
            continue
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        data_rows += 1  # counted while reading: the header row is not a data row
        if data_rows > MAX_ROWS:
            raise FileRefused(_("Tệp có quá nhiều dòng (tối đa %(n)s dòng số liệu).")
                              % {"n": format_number(MAX_ROWS, 0)})
        cells = {k: v for k, v in zip(header, values, strict=False) if k}
        cells.update({k: None for k in header if k and k not in cells})  # a short row
        _parse_row(sheet, rownum, cells, out)
    if header is None:
        raise FileRefused(_("Trang “%(sheet)s” thiếu dòng tiêu đề (cần các cột “Mã mục tiêu”, "
                            "“Mã đơn vị”, “Kỳ”, “Giá trị”…).") % {"sheet": sheet})


MAX_ROWS = 50_000


def read_xlsx(data: bytes, name: str = "") -> ReadResult:
    """The values sheet of a workbook, through the one set of upload guards (lib/uploads):
    zip bomb, DTD/entities, rows counted while streaming whatever <dimension> says,
    NaN/INF cells, a CPU-time budget; any reader error becomes a FileRefused."""
    name = name or _("tệp Excel")
    try:
        wb = open_xlsx(data, name)
        try:
            if SHEET not in wb.sheetnames:
                raise FileRefused(_("Tệp Excel không có trang “%(sheet)s”.") % {"sheet": SHEET})
            out = ReadResult()
            deadline = Deadline(PARSE_CPU_SECONDS, name)
            # blank rows count toward the physical cap; data rows are counted in the table
            _rows_from_table(SHEET, xlsx_rows(wb[SHEET], name, max_rows=2 * MAX_ROWS + 100,
                                              deadline=deadline), out)
            by_label = {label.lower(): key for key, label in META_LABELS.items()}
            for sheet_name in (GUIDE_SHEET, OLD_INFO_SHEET):
                if sheet_name not in wb.sheetnames:
                    continue
                for row in xlsx_rows(wb[sheet_name], name, max_rows=500, deadline=deadline):
                    key, value = (*row, None, None)[:2]
                    label = str(key or "").strip()
                    meta_key = by_label.get(label.lower(), label if label in META_LABELS else "")
                    if meta_key and value is not None:
                        out.meta[meta_key] = str(value).strip()
        finally:
            wb.close()
    except UploadRefused as exc:
        raise FileRefused(str(exc)) from exc
    except FileRefused:
        raise
    except Exception as exc:  # a sheet openpyxl cannot even size (bad <dimension>)
        raise FileRefused(_("Không đọc được tệp Excel “%(file)s”: tệp hỏng hoặc không đúng "
                            "định dạng .xlsx.") % {"file": name}) from exc
    return out


PARSE_CPU_SECONDS = 20  # reading one values file; a bigger one is refused, not waited for


def read_csv(data: bytes) -> ReadResult:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRefused(_("Tệp CSV phải là văn bản UTF-8.")) from exc
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    out = ReadResult()
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    _rows_from_table("CSV", (tuple(csv_unescape(c) for c in r) for r in reader), out)
    return out


def read_values_file(name: str, data: bytes, max_bytes: int) -> ReadResult:
    lower = name.lower()
    if len(data) > max_bytes:
        raise FileRefused(_("Tệp %(file)s lớn quá giới hạn %(mb)d MB.")
                          % {"file": name, "mb": max_bytes // (1024 * 1024)})
    if not data:
        raise FileRefused(_("Tệp %(file)s rỗng.") % {"file": name})
    if lower.endswith(".xlsx"):
        return read_xlsx(data, name)
    if lower.endswith(".csv"):
        return read_csv(data)
    raise FileRefused(_("Tệp %(file)s: chỉ nhận Excel (.xlsx) hoặc CSV (.csv).") % {"file": name})


# --- writing --------------------------------------------------------------------
#
# A row to write is a dict keyed by column key; "value_type" (not a column) says how
# its figure is kept, so a yes/no figure is written "Đạt"/"Chưa đạt".


def _cell(row: dict[str, Any], key: str) -> Any:
    value = row.get(key)
    if key in ("value", "last_year") and row.get("value_type") == "yes_no" \
            and value is not None:
        return YES_TEXT if value >= 1 else NO_TEXT
    return value


def _display(value: Decimal | None) -> str:
    return "" if value is None else format_number(value)


def write_csv(rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([c.header for c in COLUMNS])
    for r in rows:
        cells = [_cell(r, k) for k in KEYS]
        writer.writerow([_display(v) if isinstance(v, Decimal) else ("" if v is None else csv_safe(v))
                         for v in cells])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel opens it as UTF-8


def guide_lines() -> list[str]:
    """The instructions on the template's first sheet."""
    return [
        _("Điền số liệu ở trang “%(sheet)s” (trang thứ hai). Mỗi dòng là một số liệu: một "
          "mục tiêu của một đơn vị trong một kỳ.") % {"sheet": SHEET},
        _("Cột “Giá trị”: số liệu. Chỉ tiêu tỷ lệ: điền “Tử số” và “Mẫu số” (ví dụ số hộ "
          "nghèo và tổng số hộ), hoặc tỷ lệ % ở cột “Giá trị” khi không có hai số đó."),
        _("Chỉ tiêu Đạt/Chưa đạt: chọn “%(yes)s” hoặc “%(no)s” trong danh sách của ô "
          "(gõ 1 hoặc 0 cũng được).") % {"yes": YES_TEXT, "no": NO_TEXT},
        _("Cột “Ước/chính thức”: chọn “ước thực hiện” khi năm chưa kết thúc, “chính thức” "
          "khi đã có số chính thức (để trống là chính thức)."),
        _("Số viết kiểu Việt Nam: 1.234,5 (dấu chấm ngăn hàng nghìn, dấu phẩy trước phần "
          "thập phân). Giữ tối đa 6 chữ số sau dấu phẩy."),
        _("Các cột nền xám do hệ thống ghi, không sửa: Nội dung, Đơn vị tính, Tên đơn vị, "
          "Năm trước, Phiên bản. Không đổi Mã mục tiêu, Mã đơn vị, Kỳ."),
        _("Dòng để trống cả Giá trị, Tử số và Mẫu số thì được bỏ qua. Dòng giữ nguyên như "
          "lúc tải về thì không thay đổi gì: số liệu đã gửi duyệt vẫn ở trạng thái đã gửi."),
        _("Nhập tất cả hoặc không: nếu có một dòng lỗi thì chưa dòng nào được lưu; danh sách "
          "lỗi ghi rõ trang, dòng, cột, theo thứ tự dòng."),
        _("Nếu người khác đã sửa một số liệu sau khi bạn tải mẫu này, dòng đó bị từ chối và "
          "số liệu mới của họ được hiện ra: tải mẫu mới rồi nhập lại."),
        _("Số liệu nhập vào ở trạng thái “đang nhập”. Sau khi nhập, dùng liên kết “Gửi duyệt” "
          "trên trang kết quả để gửi lãnh đạo duyệt."),
    ]


def write_xlsx(rows: list[dict[str, Any]], meta: dict[str, str], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    guide = wb.active
    guide.title = GUIDE_SHEET
    ws = wb.create_sheet(SHEET)
    ws.append([c.header for c in COLUMNS])
    bold = Font(bold=True, name="Times New Roman")
    grey = PatternFill("solid", fgColor="EEEEEE")
    for i, c in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font, cell.alignment = bold, Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[cell.column_letter].width = c.width
    yes_no_rows: list[int] = []
    for r in rows:
        ws.append([_xlsx_value(_cell(r, k)) for k in KEYS])
        if r.get("value_type") == "yes_no":
            yes_no_rows.append(ws.max_row)
    for row in ws.iter_rows(min_row=2):
        for i, c in enumerate(COLUMNS):
            cell = row[i]
            cell.font = Font(name="Times New Roman")
            if c.info_only or c.keep:
                cell.fill = grey
            if c.key in ("value", "numerator", "denominator", "last_year"):
                cell.number_format = "#,##0.##"
            if c.key == "label":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    last_row = max(ws.max_row, 2)
    estimate = DataValidation(type="list", formula1='"ước thực hiện,chính thức"',
                              allow_blank=True, showErrorMessage=True,
                              errorTitle=_("Ước/chính thức"),
                              error=_("Chọn “ước thực hiện” hoặc “chính thức”."))
    ws.add_data_validation(estimate)
    col = ws.cell(row=1, column=KEYS.index("estimate") + 1).column_letter
    estimate.add(f"{col}2:{col}{last_row}")
    if yes_no_rows:
        yes_no = DataValidation(type="list", formula1=f'"{YES_TEXT},{NO_TEXT}"',
                                allow_blank=True, showErrorMessage=True,
                                errorTitle=_("Chỉ tiêu Đạt/Chưa đạt"),
                                error=_("Chọn “%(yes)s” hoặc “%(no)s”.")
                                % {"yes": YES_TEXT, "no": NO_TEXT},
                                showInputMessage=True, promptTitle=_("Đạt/Chưa đạt"),
                                prompt=_("Chọn trong danh sách."))
        ws.add_data_validation(yes_no)
        col = ws.cell(row=1, column=KEYS.index("value") + 1).column_letter
        for n in yes_no_rows:
            yes_no.add(f"{col}{n}")
    ws.freeze_panes = "C2"
    _write_guide(guide, meta, title, bold)
    wb.active = 0
    return save_workbook(wb)  # user text never becomes a formula


def _write_guide(ws: Any, meta: dict[str, str], title: str, bold: Any) -> None:
    from openpyxl.styles import Alignment, Font

    ws.append([_("MẪU NHẬP SỐ LIỆU")])
    ws.append([META_LABELS["title"], title])
    for key in ("resolution", "orgunit", "period"):
        if meta.get(key):
            ws.append([META_LABELS[key], meta[key]])
    ws.append([])
    ws.append([_("Cách điền")])
    for n, line in enumerate(guide_lines(), start=1):
        ws.append([f"{n}.", line])
    for row in ws.iter_rows():
        for cell in row:
            cell.font = Font(name="Times New Roman")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws["A1"].font = Font(bold=True, name="Times New Roman", size=13)
    ws.cell(row=ws.max_row - len(guide_lines()), column=1).font = bold
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 30, 100


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
