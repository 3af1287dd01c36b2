"""Reading a small table (list of units, list of people) from Excel or CSV (no Django).

The first sheet of an .xlsx, or a UTF-8 .csv (comma or semicolon). The header row is
found by its column names (with or without diacritics); each row keeps its number in
the file so an error can name it. Budgets: file size, unpacked size, row count.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from nghiquyet.lib.i18n import gettext as _

MAX_ROWS = 5000


class TableError(Exception):
    """The file as a whole cannot be read; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class TableRow:
    number: int  # the row's number in the file (1 = first line)
    cells: dict[str, str]  # column key -> text, "" when empty


def fold_header(text: Any) -> str:
    text = str(text or "").replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).strip()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _raw_rows(name: str, data: bytes) -> list[tuple[Any, ...]]:
    lower = name.lower()
    if lower.endswith(".xlsx"):
        return _xlsx_rows(data, name)
    if lower.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise TableError(_("Tệp %(file)s: tệp CSV phải là văn bản UTF-8.")
                             % {"file": name}) from exc
        sample = text[:4096]
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        try:
            return [tuple(r) for r in csv.reader(io.StringIO(text, newline=""),
                                                 delimiter=delimiter)]
        except csv.Error as exc:
            raise TableError(_("Tệp %(file)s: không đọc được dạng CSV (%(error)s).")
                             % {"file": name, "error": exc}) from exc
    raise TableError(_("Tệp %(file)s: chỉ nhận Excel (.xlsx) hoặc CSV (.csv).") % {"file": name})


def _xlsx_rows(data: bytes, name: str = "") -> list[tuple[Any, ...]]:
    """The first sheet's rows through the product's upload guards (lib/uploads): zip
    bomb, hostile XML, rows counted while streaming whatever <dimension> says."""
    from nghiquyet.lib.uploads import UploadRefused, open_xlsx, xlsx_rows

    name = name or _("tệp Excel")
    try:
        wb = open_xlsx(data, name)
        try:
            return list(xlsx_rows(wb.worksheets[0], name, max_rows=2 * MAX_ROWS + 100))
        finally:
            wb.close()
    except UploadRefused as exc:
        raise TableError(str(exc)) from exc
    except (IndexError, KeyError, ValueError, TypeError) as exc:  # no sheet, bad <dimension>
        raise TableError(_("Không đọc được tệp Excel “%(file)s”: tệp hỏng hoặc không đúng "
                           "định dạng .xlsx.") % {"file": name}) from exc


def read_table(*, name: str, data: bytes, max_bytes: int,
               columns: dict[str, tuple[str, ...]], required: tuple[str, ...]) -> list[TableRow]:
    """Rows under the header. ``columns`` maps each key to the header names accepted
    for it (folded: "ma", "ma don vi"); the header is the first row naming every
    required column."""
    if len(data) > max_bytes:
        raise TableError(_("Tệp %(file)s lớn quá giới hạn %(mb)d MB.")
                         % {"file": name, "mb": max(1, max_bytes // (1024 * 1024))})
    if not data:
        raise TableError(_("Tệp %(file)s rỗng.") % {"file": name})
    accepted = {fold_header(h): key for key, names in columns.items() for h in names}
    header: list[str | None] | None = None
    out: list[TableRow] = []
    for number, values in enumerate(_raw_rows(name, data), start=1):
        if header is None:
            keys = [accepted.get(fold_header(v)) for v in values]
            if all(k in keys for k in required):
                header = keys
            continue
        cells = {k: _cell(v) for k, v in zip(header, values, strict=False) if k}
        if not any(cells.values()):
            continue
        out.append(TableRow(number, {k: cells.get(k, "") for k in columns}))
        if len(out) > MAX_ROWS:
            raise TableError(_("Tệp có quá nhiều dòng (tối đa %(n)d).") % {"n": MAX_ROWS})
    if header is None:
        wanted = ", ".join(f"“{columns[k][0]}”" for k in required)
        raise TableError(_("Tệp %(file)s thiếu dòng tiêu đề với các cột %(cols)s.")
                         % {"file": name, "cols": wanted})
    return out
