"""Indicators held in a table: STT | Chỉ tiêu | Đơn vị tính | ... | Mục tiêu.

The readers give a table row as one line of cells joined by " | " (.docx and
.pdf) or separated by TAB (a text extraction; ``normalize_document`` turns
those into " | " too). Only the target column holds targets: a baseline column
("Thực hiện năm 2025") and the year in its header are not read. Group rows
carry a roman numeral or a capital letter and a title; a row numbered ``n`` is
an indicator; rows ``n.1``, ``n.2`` (or "-", "+", "a") under it are its parts,
one target each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.textimport.figures import find_figures
from nghiquyet.textimport.headings import declared_count
from nghiquyet.textimport.listscan import Group
from nghiquyet.textimport.markers import roman_value
from nghiquyet.textimport.targets import ItemContext, read_targets, status_target
from nghiquyet.textimport.text import CELL_SEPARATOR, collapse
from nghiquyet.textimport.units import read_unit

_SPLIT = re.compile(r"[ \t]*\|[ \t]*")
_STT_HEADER = re.compile(r"^(?:stt|tt|số tt|số thứ tự)$", re.IGNORECASE)
_NAME_HEADER = re.compile(r"^(?:tên\s+)?(?:các\s+)?chỉ tiêu\b|^nội dung\b", re.IGNORECASE)
_UNIT_HEADER = re.compile(r"\bđơn vị\b|^đvt\b", re.IGNORECASE)
_TARGET_HEADER = re.compile(
    r"mục tiêu|kế hoạch|phấn đấu|chỉ tiêu\s+(?:đến|năm|nhiệm kỳ|giai đoạn)|đến năm|nhiệm kỳ",
    re.IGNORECASE,
)
_BASELINE_HEADER = re.compile(r"thực hiện|ước|đã đạt|kết quả|hiện trạng|năm gốc", re.IGNORECASE)
_HEADER_YEAR = re.compile(r"\b(?:đến\s+)?năm\s+((?:19|20)\d\d)\b|\bđến\s+((?:19|20)\d\d)\b")
_GROUP_STT = re.compile(r"^(?:[IVX]{1,5}|[A-ZĐ])\.?$")
_INDICATOR_STT = re.compile(r"^(\d{1,3})\.?$")
_PART_STT = re.compile(r"^(?:\d{1,3}\.\d{1,2}\.?|[-+•–]|[a-zđ]\)?)$")
_HEADER_LOOKAHEAD = 6  # lines between the section heading and the table's header row


@dataclass
class TableRow:
    stt: str
    name: str
    unit: str
    target: str
    line: str  # the row as written, for warnings


@dataclass
class TableIndicator:
    number: int
    group: Group | None
    text: str
    rows: list[TableRow]  # the indicator's own row, or its parts when it has some


@dataclass
class TableScan:
    indicators: list[TableIndicator] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    target_year: int | None = None  # "Mục tiêu đến năm 2030"
    end: int = 0  # offset in the body after the table
    unread: list[str] = field(default_factory=list)  # rows with a target but no indicator


@dataclass
class _Columns:
    stt: int | None  # None: the rows carry no numbers
    name: int
    unit: int | None
    target: int


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in _SPLIT.split(line.strip())]


def scan_table(body: str) -> TableScan | None:
    """The indicator table near the start of ``body``, or None."""
    lines = _lines(body)
    for index, (_start, _end, line) in enumerate(lines[:_HEADER_LOOKAHEAD]):
        columns = _header_columns(line)
        if columns is not None:
            return _read_rows(lines[index + 1 :], columns, line)
    for index in range(min(_HEADER_LOOKAHEAD, len(lines))):
        rebuilt = _cell_per_line(lines, index)
        columns = _header_columns(rebuilt[0][2]) if rebuilt else None
        if rebuilt and columns is not None:
            return _read_rows(rebuilt[1:], columns, rebuilt[0][2])
    return None


# --- a table extracted one cell per line ------------------------------------

_MAX_HEADER_CELLS = 8
_MAX_CELL = 200  # a longer line is prose: the table is over


def _cell_per_line(
    lines: list[tuple[int, int, str]], index: int
) -> list[tuple[int, int, str]] | None:
    """Rows rebuilt as " | " lines from a table whose cells stand one per line.

    The header is the run of short lines starting with "STT" that names the
    indicator and target columns; each row then starts at the next number in
    sequence (1, 2, 2.1, II ...) and holds at most as many cells as the header.
    """
    if not _STT_HEADER.match(lines[index][2].strip()):
        return None
    for width in range(3, _MAX_HEADER_CELLS + 1):
        header = [line.strip() for _s, _e, line in lines[index : index + width]]
        columns = _header_columns(CELL_SEPARATOR.join(header))
        if columns is not None and columns.target == width - 1:
            rows = _rows_from_cells(lines[index + width :], width)
            if rows:
                start, end = lines[index][0], lines[index + width - 1][1]
                return [(start, end, CELL_SEPARATOR.join(header)), *rows]
    return None


def _rows_from_cells(lines: list[tuple[int, int, str]], width: int) -> list[tuple[int, int, str]]:
    rows: list[tuple[int, int, str]] = []
    current: list[str] = []
    start = end = 0
    sequence = _Sequence()
    for line_start, line_end, raw in lines:
        line = raw.strip()
        if len(line) > _MAX_CELL:
            break
        if sequence.is_next(line):
            if current:
                rows.append((start, end, CELL_SEPARATOR.join(current)))
            current, start = [line], line_start
        elif current and len(current) < width:
            current.append(line)
        else:
            break
        end = line_end
    if current:
        rows.append((start, end, CELL_SEPARATOR.join(current)))
    return rows if len(rows) >= 2 else []


class _Sequence:
    """Which STT may come next: the next indicator, a part of the current one, the next group."""

    def __init__(self) -> None:
        self.number = 0
        self.part = 0
        self.group = 0
        self.letter = 0

    def is_next(self, token: str) -> bool:
        token = token.rstrip(".")
        if token.isdigit() and int(token) == self.number + 1:
            self.number, self.part = int(token), 0
            return True
        if re.fullmatch(r"\d{1,3}\.\d{1,2}", token):
            major, minor = (int(p) for p in token.split("."))
            if major == self.number and minor == self.part + 1:
                self.part = minor
                return True
            return False
        if re.fullmatch(r"[IVX]{1,5}", token) and roman_value(token) == self.group + 1:
            self.group += 1
            return True
        if re.fullmatch(r"[A-Z]", token) and ord(token) - ord("A") == self.letter:
            self.letter += 1
            return True
        return False


def _lines(body: str) -> list[tuple[int, int, str]]:
    found, offset = [], 0
    for raw in body.split("\n"):
        if raw.strip():
            found.append((offset, offset + len(raw), raw))
        offset += len(raw) + 1
    return found


def _header_columns(line: str) -> _Columns | None:
    if "|" not in line:
        return None
    row = cells(line)
    if len(row) < 3:
        return None
    name = next((i for i, c in enumerate(row) if _NAME_HEADER.search(c)), None)
    targets = [
        i
        for i, c in enumerate(row)
        if i != name and _TARGET_HEADER.search(c) and not _BASELINE_HEADER.search(c)
    ]
    if name is None:
        return None
    if not targets:
        targets = _latest_year_column(row, name)
    if not targets:
        return None
    stt = next((i for i, c in enumerate(row) if _STT_HEADER.match(c)), 0 if name else None)
    unit = next((i for i, c in enumerate(row) if _UNIT_HEADER.search(c)), None)
    return _Columns(stt, name, unit, targets[-1])


def _latest_year_column(row: list[str], name: int) -> list[int]:
    """'Chỉ tiêu | ĐVT | Năm 2025 | Năm 2030': the column of the latest year is the target
    (only when two or more columns name a year, so one of them is the baseline)."""
    years = [
        (int(found.group(0)), i)
        for i, cell in enumerate(row)
        if i != name
        and not _BASELINE_HEADER.search(cell)
        and (found := re.search(r"(?:19|20)\d\d(?!.*(?:19|20)\d\d)", cell))
    ]
    return [max(years)[1]] if len(years) >= 2 else []


def _read_rows(lines: list[tuple[int, int, str]], columns: _Columns, header: str) -> TableScan:
    year = _HEADER_YEAR.search(cells(header)[columns.target])
    scan = TableScan(target_year=int(year.group(1) or year.group(2)) if year else None)
    current: TableIndicator | None = None
    for _start, end, line in lines:
        if "|" not in line:
            break
        scan.end = end
        row = _row(line, columns)
        if columns.stt is None:
            current = _unnumbered_row(scan, row, line, columns)
        elif _GROUP_STT.match(row.stt) and row.name and not row.target:
            scan.groups.append(_group(row))
            current = None
        elif _INDICATOR_STT.match(row.stt):
            group = scan.groups[-1] if scan.groups else None
            current = TableIndicator(
                len(scan.indicators) + 1, group, _own_text(line, columns), [row]
            )
            scan.indicators.append(current)
        elif current is not None and (_PART_STT.match(row.stt) or not row.stt):
            _add_part(current, row, line)
        elif row.target and not _EMPTY_CELL.match(row.target):
            scan.unread.append(line)  # a target outside any numbered row: shown, never dropped
    return scan


def _unnumbered_row(
    scan: TableScan, row: TableRow, line: str, columns: _Columns
) -> TableIndicator | None:
    """A table without an STT column: a row with a target is the next indicator, a row
    with a name alone is a group heading (a, b, c in order)."""
    if row.target and not _EMPTY_CELL.match(row.target):
        group = scan.groups[-1] if scan.groups else None
        indicator = TableIndicator(len(scan.indicators) + 1, group, _own_text(line, columns), [row])
        scan.indicators.append(indicator)
        return indicator
    if row.name and not row.unit:
        title = collapse(re.sub(r"\(\s*\d{1,3}\s+chỉ tiêu\s*\)", "", row.name)).strip(" :")
        count = declared_count(row.name) if "chỉ tiêu" in row.name else None
        scan.groups.append(Group("abcdefghiklmnopq"[len(scan.groups) % 16], title, count, 0))
    return None


def _row(line: str, columns: _Columns) -> TableRow:
    row = cells(line)

    def cell(index: int | None) -> str:
        return collapse(row[index]) if index is not None and index < len(row) else ""

    return TableRow(
        cell(columns.stt), cell(columns.name), cell(columns.unit), cell(columns.target), line
    )


def _group(row: TableRow) -> Group:
    code = row.stt.rstrip(".")
    rank = roman_value(code) if set(code) <= set("IVX") else ord(code) - ord("A") + 1
    title = collapse(re.sub(r"\(\s*\d{1,3}\s+chỉ tiêu\s*\)", "", row.name)).strip(" :")
    return Group(code, title, declared_count(row.name) if "chỉ tiêu" in row.name else None, rank)


def _own_text(line: str, columns: _Columns) -> str:
    """The row's non-empty cells after the STT, joined as the reader joined them."""
    row = cells(line)
    return CELL_SEPARATOR.join(collapse(c) for i, c in enumerate(row) if i != columns.stt and c)


def _add_part(indicator: TableIndicator, row: TableRow, line: str) -> None:
    """A sub-row: its STT and cells follow the parent's in the indicator's text."""
    own = [collapse(c) for c in cells(line) if c]
    indicator.text = CELL_SEPARATOR.join([indicator.text, *own])
    indicator.rows.append(row)


# --- targets of a row -------------------------------------------------------

_EMPTY_CELL = re.compile(r"^(?:[-–—x/]|không|\.{1,3}|…)?$", re.IGNORECASE)
_YES_NO = re.compile(
    r"^(?P<word>đạt|hoàn thành|có|được công nhận|duy trì đạt|giữ vững)\b(?P<rest>[^\d]*(?:(?:19|20)\d\d)?[^\d]*)$",
    re.IGNORECASE,
)
_SYMBOLS = (
    ("≥", " tối thiểu "),
    (">=", " tối thiểu "),
    ("≤", " không quá "),
    ("<=", " không quá "),
    (">", " trên "),
    ("<", " dưới "),
    ("=", " khoảng "),
)
_STARTS_WITH_NUMBER = re.compile(r"^\d")


def row_targets(indicator: TableIndicator, ctx: ItemContext) -> list[dict[str, Any]]:
    """One target per row that has a target cell: the indicator's own, then each part's."""
    parent = indicator.rows[0]
    targets = []
    for row in indicator.rows:
        if _EMPTY_CELL.match(row.target.strip()):
            continue
        label = row.name if row is parent else f"{parent.name}: {row.name}"
        target = _cell_target(row, label, ctx)
        if target is None:
            ctx.log.add(
                "table_cell_unread",
                _("Không đọc được mục tiêu trong ô “{cell}”.").format(cell=row.target),
                ctx.number,
                row.line,
            )
            continue
        targets.append(target)
    if not targets:
        ctx.log.add(
            "no_figure",
            _("Không tìm thấy chỉ tiêu đo được (số liệu) trong mục này."),
            ctx.number,
            indicator.text,
        )
    return targets


def _cell_target(row: TableRow, label: str, ctx: ItemContext) -> dict[str, Any] | None:
    """The row read as the sentence it stands for: '{name} {target} {unit}'."""
    if yes_no := _YES_NO.match(row.target):
        year = re.search(r"(?:19|20)\d\d", yes_no.group("rest"))
        steady = bool(
            re.search(r"duy trì|giữ vững|hằng năm|hàng năm", (row.name + row.target).lower())
        )
        deadline = ctx.term_end if steady else (int(year.group(0)) if year else ctx.default_year)
        return status_target(label, deadline, steady)
    if _NONE_LEFT.match(row.target):  # "Không còn" in the cell of "Hộ nghèo"
        targets = read_targets(f"Không còn {row.name[:1].lower()}{row.name[1:]}", ctx)
        return {**targets[0], "label": label} if targets else None
    sentence = f"{row.name} {_cell_phrase(row.target, table_unit(row.unit))}"
    figures = find_figures(sentence[len(row.name) :])
    if len(figures) != 1:
        return None
    quiet = ItemContext(ctx.number, ctx.term_end, ctx.log, ctx.lead_year)
    targets = read_targets(sentence, quiet)
    if not targets:
        return None
    target = targets[-1]
    target["label"] = label
    return target


_NONE_LEFT = re.compile(r"^không còn\b", re.IGNORECASE)
_CELL_NUMBER = re.compile(r"\d[\d.,]*(?:\s*[-–/]\s*\d[\d.,]*)?")


def _cell_phrase(cell: str, unit: str) -> str:
    """A target cell as words, the unit right after its number: '≥ 88' -> 'tối thiểu 88 %',
    'Từ 12 trở lên' -> 'từ 12 sản phẩm trở lên', 'Trên 1.000' -> 'hơn 1.000 người'."""
    phrase = cell
    for symbol, words in _SYMBOLS:
        phrase = phrase.replace(symbol, words)
    phrase = collapse(phrase)
    # "trên 1.000 người" would read as "per 1,000 people"; "hơn" says the same without it.
    phrase = re.sub(r"^trên\b", "hơn", phrase, flags=re.IGNORECASE)
    if _STARTS_WITH_NUMBER.match(phrase):
        phrase = "tối thiểu " + phrase  # a bare figure in the target column is a floor
    number = _CELL_NUMBER.search(phrase)
    if number and unit and not read_unit(phrase, number.end(), known_only=True).unit:
        phrase = f"{phrase[: number.end()]} {unit}{phrase[number.end() :]}"
    elif number is None or not unit:
        phrase = f"{phrase} {unit}".strip()
    return phrase


def table_unit(unit: str) -> str:
    """Units as the unit column writes them, lower-cased ('Triệu đồng' -> 'triệu đồng', 'USD' stays)."""
    return " ".join(
        word if word.isupper() and len(word) > 1 else word.lower() for word in unit.split()
    )
