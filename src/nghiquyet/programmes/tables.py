"""Read an action programme's table from a .docx or .xlsx file.

Django-free. A programme is written as one table:
STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm.
Rows with only a number and a text are headings ("Khâu đột phá (1): ...",
"Nhiệm vụ thứ hai: ...", "Chỉ tiêu (9): ...") and say what the items under them
serve. Everything is read or nothing is: errors name the file, the row and the column.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import asdict, dataclass, field
from typing import Any

from nghiquyet.lib import uploads
from nghiquyet.lib.i18n import gettext as _

MAX_ROWS = 1000
MAX_CELL_CHARS = 4000
COLUMNS = ("number", "content", "lead", "coordinating", "when", "product")
# Words that identify each column's header; the first header row holding the
# content and lead columns is the table's header.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "number": ("stt", "số tt", "tt"),
    "content": ("nội dung", "nhiệm vụ"),
    "lead": ("chủ trì",),
    "coordinating": ("phối hợp",),
    "when": ("thời gian", "thời hạn", "tiến độ"),
    "product": ("sản phẩm", "kết quả"),
}


def column_label(name: str) -> str:
    return {
        "number": _("STT"), "content": _("Nội dung nhiệm vụ"), "lead": _("Cơ quan chủ trì"),
        "coordinating": _("Cơ quan phối hợp"), "when": _("Thời gian hoàn thành"),
        "product": _("Sản phẩm"),
    }[name]


class TableError(ValueError):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class Row:
    line: int  # the row as the user sees it: the sheet's row, the table's row
    number: str
    content: str
    lead: str = ""
    coordinating: str = ""
    when: str = ""
    product: str = ""
    heading: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Table:
    filename: str
    rows: list[Row] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)  # the text above the table


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ")
    return "\n".join(re.sub(r"[ \t]+", " ", part).strip() for part in text.splitlines()).strip()


def _header_key(text: str) -> str | None:
    low = _clean(text).lower()
    # "Cơ quan chủ trì" before "Nội dung" so a "Nhiệm vụ" word inside it cannot win.
    for key in ("lead", "coordinating", "when", "product", "number", "content"):
        words = HEADER_WORDS[key]
        if key == "number":
            if re.sub(r"[^a-zđ ]", "", low).strip() in words:
                return key
        elif any(w in low for w in words):
            return key
    return None


def _header_map(cells: list[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for index, text in enumerate(cells):
        key = _header_key(text)
        if key and key not in found:
            found[key] = index
    if "content" in found and "lead" in found:
        return found
    return None


def read_table(data: bytes, filename: str, *, max_bytes: int) -> Table:
    """The programme's rows, or TableError listing every problem found."""
    if len(data) > max_bytes:
        raise TableError([_("Tệp %(file)s lớn hơn giới hạn %(mb)s MB.")
                          % {"file": filename, "mb": _megabytes(max_bytes)}])
    lower = filename.lower()
    try:
        if lower.endswith(".docx"):
            grid, preamble = _docx_grid(data, filename)
        elif lower.endswith(".xlsx"):
            grid, preamble = _xlsx_grid(data, filename)
        else:
            raise TableError([_("Tệp %(file)s không phải .docx hoặc .xlsx.") % {"file": filename}])
    except uploads.UploadRefused as exc:  # zip bombs, hostile XML, too many rows or cells
        raise TableError([str(exc)]) from exc
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        if isinstance(exc, TableError):
            raise
        raise TableError([_("Không mở được tệp %(file)s: tệp hỏng hoặc không đúng định dạng.")
                          % {"file": filename}]) from exc
    table = _rows_from_grid(grid, filename)
    table.preamble = preamble
    return table


def _megabytes(n: int) -> str:
    from nghiquyet.lib.vnformat import format_number

    return format_number(n / (1024 * 1024), 1)


Grid = list[tuple[int, list[str]]]


def _docx_grid(data: bytes, filename: str) -> tuple[Grid, list[str]]:
    """The first table with a programme header, as (row number, cells), and the
    paragraphs above it."""
    import docx
    from docx.oxml.ns import qn

    # Counted by streaming before python-docx builds its tree (and the zip guard).
    uploads.docx_counts(data, filename, max_paragraphs=MAX_ROWS * 40,
                        max_cells=(MAX_ROWS + 20) * 12)
    document = docx.Document(io.BytesIO(data))
    preamble: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            break
        if child.tag == qn("w:p"):
            text = _clean("".join(t.text or "" for t in child.iter(qn("w:t"))))
            if text:
                preamble.append(text)
    for table in document.tables:
        grid = []
        for index, row in enumerate(table.rows, 1):
            grid.append((index, _docx_row_cells(row)))
            if len(grid) > MAX_ROWS + 20:
                break
        if any(_header_map(cells) for _, cells in grid[:10]):
            return grid, preamble
    return [], preamble


def _docx_row_cells(row: Any) -> list[str]:
    # A merged cell appears once per grid column it spans; keep it once.
    cells: list[str] = []
    seen: list[Any] = []
    for cell in row.cells:
        if any(cell._tc is s for s in seen):
            cells.append("")
            continue
        seen.append(cell._tc)
        cells.append(_clean(cell.text))
    return cells


def _xlsx_grid(data: bytes, filename: str) -> tuple[Grid, list[str]]:
    book = uploads.open_xlsx(data, filename)
    try:
        for sheet in book.worksheets:
            grid = []
            rows = uploads.xlsx_rows(sheet, filename, max_rows=MAX_ROWS * 3)
            for index, values in enumerate(rows, 1):
                grid.append((index, [_clean(v) for v in values]))
                if len(grid) > MAX_ROWS + 20:
                    break
            header = next((i for i, (_, cells) in enumerate(grid[:15]) if _header_map(cells)),
                          None)
            if header is not None:
                preamble = [" ".join(c for c in cells if c) for _, cells in grid[:header]]
                return grid, [line for line in preamble if line]
    finally:
        book.close()
    return [], []


def _rows_from_grid(grid: Grid, filename: str) -> Table:
    header_at = next((i for i, (_, cells) in enumerate(grid[:15]) if _header_map(cells)), None)
    if header_at is None:
        raise TableError([_(
            "Tệp %(file)s không có bảng chương trình: cần dòng tiêu đề có các cột “Nội dung "
            "nhiệm vụ” và “Cơ quan chủ trì” (STT | Nội dung nhiệm vụ | Cơ quan chủ trì | "
            "Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm).") % {"file": filename}])
    columns = _header_map(grid[header_at][1]) or {}
    body = grid[header_at + 1:]
    body = [(line, cells) for line, cells in body if any(cells)]
    # A row of column numbers under the header ("1 | 2 | 3 ...") is not a task.
    if body and all(re.fullmatch(r"\(?\d+\)?", c) for c in body[0][1] if c):
        body = body[1:]
    if len(body) > MAX_ROWS:
        raise TableError([_("Tệp %(file)s có hơn %(max)d dòng; hãy chia nhỏ chương trình.")
                          % {"file": filename, "max": MAX_ROWS}])
    table = Table(filename)
    errors: list[str] = []
    for line, cells in body:
        values = {key: cells[idx] if idx < len(cells) else "" for key, idx in columns.items()}
        for key, text in values.items():
            if len(text) > MAX_CELL_CHARS:
                errors.append(_where(filename, line, key) + _("ô dài quá %(max)d ký tự.")
                              % {"max": MAX_CELL_CHARS})
        cut = {key: values.get(key, "")[:MAX_CELL_CHARS] for key in COLUMNS}
        row = Row(line=line, number=cut["number"], content=cut["content"], lead=cut["lead"],
                  coordinating=cut["coordinating"], when=cut["when"], product=cut["product"])
        row.heading = not any((row.lead, row.coordinating, row.when, row.product))
        if not row.content:
            errors.append(_where(filename, line, "content") + _("chưa ghi nội dung nhiệm vụ."))
        table.rows.append(row)
    if errors:
        raise TableError(errors)
    if not any(not r.heading for r in table.rows):
        raise TableError([_("Tệp %(file)s không có nhiệm vụ nào (mỗi nhiệm vụ cần ít nhất cơ "
                            "quan chủ trì hoặc thời gian hoàn thành).") % {"file": filename}])
    return table


def _where(filename: str, line: int, column: str) -> str:
    return _("Tệp %(file)s, dòng %(line)d, cột “%(col)s”: ") % {
        "file": filename, "line": line, "col": column_label(column)}


# --- what a heading or an item serves ----------------------------------------------

_ORDINALS = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6,
             "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_WORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_BREAKTHROUGH = re.compile(r"đột phá\s*(?:thứ\s*)?(?:\(\s*(\d+)\s*\)|(\d+)\b|(" + _WORD + r")\b)")
_TASK = re.compile(
    r"^(?:[\w.]+\s+)?(" + _WORD + r") là\b|nhiệm vụ(?: chủ yếu)?\s*(?:thứ\s*)?"
    r"(?:\(\s*(\d+)\s*\)|(\d+)\b|(" + _WORD + r")\b)")
_INDICATOR = re.compile(r"chỉ tiêu\s*(?:số\s*)?\(\s*(\d+)\s*\)|chỉ tiêu\s+(?:số\s+)?(\d+)\b")
# Only inside brackets: "(chỉ tiêu 9, 10)". A bare "các chỉ tiêu 6 tháng" names none.
_INDICATOR_REFS = re.compile(r"\(\s*chỉ tiêu\s*(?:số\s*)?((?:\(?\d+\)?)(?:\s*(?:,|và)\s*\(?\d+\)?)*)\s*\)")


def _number_of(groups: tuple[str | None, ...]) -> int | None:
    for g in groups:
        if g:
            return int(g) if g.isdigit() else _ORDINALS[g]
    return None


def heading_anchor(text: str) -> tuple[str, int] | None:
    """What a heading row says its items serve: ("breakthrough", 1), ("task", 2),
    ("indicator", 9), or None for a heading that only groups ("I. CÁC KHÂU ĐỘT PHÁ")."""
    low = unicodedata.normalize("NFC", text).lower()
    match = _BREAKTHROUGH.search(low)
    if match and (n := _number_of(match.groups())):
        return ("breakthrough", n)
    match = _TASK.search(low)
    if match and (n := _number_of(match.groups())):
        return ("task", n)
    match = _INDICATOR.search(low)
    if match and (n := _number_of(match.groups())):
        return ("indicator", n)
    return None


def indicator_refs(text: str) -> list[int]:
    """Indicator numbers an item's text names: "... (chỉ tiêu 9, 10)" -> [9, 10]."""
    found: list[int] = []
    for match in _INDICATOR_REFS.finditer(unicodedata.normalize("NFC", text).lower()):
        for number in re.findall(r"\d+", match.group(1)):
            if int(number) not in found:
                found.append(int(number))
    return found


def split_units(text: str) -> list[str]:
    """The unit names a cell lists: separated by new lines, ";" or ","."""
    parts = re.split(r"[\n;,]+", text)
    return [p.strip(" .+-•") for p in parts if p.strip(" .+-•")]


_NUMBER = re.compile(r"\bsố[:\s]*([0-9]+[\w.-]*/[\wĐđ./-]+)", re.IGNORECASE)
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)


def programme_heading(preamble: list[str]) -> dict[str, Any]:
    """Number, title and date of issue from the text above the table, where present:
    "Số 05-CTr/ĐU", "CHƯƠNG TRÌNH HÀNH ĐỘNG" + its subject line, "ngày 15 tháng 11 năm 2025"."""
    import datetime as dt

    number, title, issued = "", "", None
    for index, line in enumerate(preamble):
        if not number and (m := _NUMBER.search(line)):
            number = m.group(1)
        if issued is None and (m := _DATE.search(line)):
            try:
                issued = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                issued = None
        if not title and line.upper().startswith("CHƯƠNG TRÌNH"):
            title = "Chương trình hành động"
            rest = line[len("CHƯƠNG TRÌNH"):].strip()
            if rest and rest.upper() != "HÀNH ĐỘNG":
                title = "Chương trình " + rest.lower()
            if index + 1 < len(preamble) and not _NUMBER.search(preamble[index + 1]):
                title += " " + preamble[index + 1][0].lower() + preamble[index + 1][1:]
    return {"number": number, "title": title, "issued_on": issued}
