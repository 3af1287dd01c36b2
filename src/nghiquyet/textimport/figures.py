"""Figures in an indicator's text: a number, a range or an a/b ratio, with its unit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from nghiquyet.lib.vnformat import parse_number
from nghiquyet.textimport.units import read_unit

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
NUMBER_RE = re.compile(rf"(?<![\d.,/])(?:{_NUM})(?![\d]|[.,]\d)")
# "12.5" is not Vietnamese format; read as a decimal, with a warning.
DOT_DECIMAL_RE = re.compile(r"(?<![\d.,/])(\d+)\.(\d{1,2})(?![\d]|[.,]\d)")
_RANGE_TAIL = re.compile(rf"[ \t]*(?:[-–—]|đến|tới)[ \t]*(?P<hi>{_NUM})(?![\d]|[.,]\d)")
_RATIO_TAIL = re.compile(rf"[ \t]*/[ \t]*(?P<den>{_NUM})(?![\d]|[.,]\d)(?![ \t]*/[ \t]*\d)")
_YEAR = re.compile(r"(?<![\d.,/])(?:19|20)\d\d(?![\d]|[.,]\d)")
# "trên một vạn dân": a rate per population, not "more than 10,000".
PER_POPULATION_RE = re.compile(
    r"(?:trên|/)[ \t]*(?:(?:một|1)[ \t]+)?(vạn|nghìn|ngàn|trăm nghìn|10\.000|1\.000|100\.000)[ \t]+(dân|người dân|người)",
    re.IGNORECASE,
)
# "Giá trị thu được trên 01 ha đất trồng trọt": per hectare, neither a target nor "more than".
PER_UNIT_RE = re.compile(
    r"(\btrên[ \t]+)(?:01|1|một)[ \t]+(?:ha|héc-ta|hecta|km2|km²|m2|m²|lao động|hộ|người)\b"
    r"(?=[ \t]+[^\W\d_])(?![ \t]+(?:trở lên|trở xuống))",
    re.IGNORECASE,
)
_YEAR_WORD_BEFORE = re.compile(
    r"\b(?:năm|đến|tới|từ|giai đoạn|thời kỳ|nhiệm kỳ)[ \t]*$", re.IGNORECASE
)
_PER_POPULATION_NAMES = {
    "10.000": "vạn",
    "1.000": "nghìn",
    "ngàn": "nghìn",
    "100.000": "trăm nghìn",
}
# Words before a number that make it part of a name or label ("lớp 1", "mức độ 2").
_LABEL_PREFIX = re.compile(
    r"(?:\b(?:lớp|mức độ|cấp độ|cấp|loại|hạng|khóa|khoá|số|lần thứ|tiêu chí|nhóm|điều|khoản|"
    r"mục|phụ lục|quốc lộ|tỉnh lộ|phân khu)|Chỉ thị|Nghị quyết|Quyết định|Kết luận|Nghị định|Thông tư|"
    r"Quy định|Hướng dẫn|Kế hoạch|Đề án|Chương trình)[ \t]*$",
    re.IGNORECASE,
)


@dataclass
class Figure:
    start: int  # where the expression starts (the first number, or "từ")
    end: int  # just after the unit
    tail_end: int  # after a restating "(...)" that follows it
    value: Decimal
    upper: Decimal | None
    denominator: Decimal | None
    unit: str
    per_year: bool
    dot_decimal: bool = False  # "12.5": read as 12.5, worth a warning


def find_figures(clause: str) -> list[Figure]:
    """Target candidates in ``clause``, restatements in brackets dropped."""
    return [f for f in _candidates(clause) if _is_target(clause, f)]


def figures_and_unread(clause: str) -> tuple[list[Figure], list[str]]:
    """The figures of ``clause``, and its numbers that are no figure for want of a unit
    ('Số trường mới 12.'). Years, names ('lớp 1', '3 sao') and restatements are in
    neither: they are never targets. The unread ones may be, and the reviewer is told.
    """
    figures, unread = [], []
    for figure in _candidates(clause):
        if _is_target(clause, figure):
            figures.append(figure)
        else:
            unread.append(clause[figure.start : figure.end])
    return figures, unread


def _candidates(clause: str) -> list[Figure]:
    masked = mask_non_figures(clause)
    figures: list[Figure] = []
    pos = 0
    while match := _next_number(masked, pos):
        figure = _read_figure(masked, match)
        pos = figure.end if figure else match.end()
        if figure is not None:
            figures.append(figure)
    return _drop_restatements(clause, figures)


def _is_target(clause: str, figure: Figure) -> bool:
    return bool(figure.unit) or _has_explicit_value_word(clause, figure)


def per_population_unit(clause: str) -> str | None:
    """'/vạn dân' when the clause gives rates per population."""
    found = PER_POPULATION_RE.search(clause)
    if not found:
        return None
    size = _PER_POPULATION_NAMES.get(found.group(1).lower(), found.group(1).lower())
    return f"/{size} dân"


def mask_non_figures(clause: str) -> str:
    """Blank out years, per-population and per-unit phrases, keeping offsets."""
    masked = PER_POPULATION_RE.sub(lambda m: " " * len(m.group(0)), clause)
    masked = PER_UNIT_RE.sub(
        lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), masked
    )
    return _YEAR.sub(lambda m: "    " if _is_year(masked, m) else m.group(0), masked)


def _is_year(text: str, match: re.Match[str]) -> bool:
    """'năm 2025 huyện đạt ...' is a year even with a unit word after it; '2030 tấn' is not."""
    if _YEAR_WORD_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
        return True
    return not _unit_follows(text, match.end())


def _unit_follows(text: str, pos: int) -> bool:
    unit = read_unit(text, pos, known_only=True)
    return bool(unit.unit) and unit.unit not in ("người",)


def _next_number(text: str, pos: int) -> re.Match[str] | None:
    plain = NUMBER_RE.search(text, pos)
    dotted = DOT_DECIMAL_RE.search(text, pos)
    dotted_first = dotted and (plain is None or dotted.start() <= plain.start())
    if dotted and dotted_first and parse_or_none(dotted.group(0)) is None:
        return dotted
    return plain


def parse_or_none(text: str) -> Decimal | None:
    try:
        return parse_number(text)
    except ValueError:
        return None


def _parse(text: str) -> tuple[Decimal, bool]:
    value = parse_or_none(text)
    if value is not None:
        return value, False
    return Decimal(text), True  # "12.5" written with a decimal point


def _read_figure(text: str, match: re.Match[str]) -> Figure | None:
    if _LABEL_PREFIX.search(text[max(0, match.start() - 20) : match.start()]):
        return None
    value, dotted = _parse(match.group(0))
    start = _range_start(text, match.start())
    if ratio := _RATIO_TAIL.match(text, match.end()):
        unit = read_unit(text, ratio.end())
        if unit.label_number or not unit.unit or unit.unit == "%":
            return None
        return Figure(
            start,
            unit.end,
            unit.end,
            value,
            None,
            parse_number(ratio.group("den")),
            unit.unit,
            unit.per_year,
            dotted,
        )
    first_unit = read_unit(text, match.end())
    if rng := _RANGE_TAIL.match(text, match.end() if not first_unit.unit else first_unit.end):
        unit = read_unit(text, rng.end())
        upper = parse_number(rng.group("hi"))
        if unit.unit and not unit.label_number and upper > value:
            return Figure(
                start, unit.end, unit.end, value, upper, None, unit.unit, unit.per_year, dotted
            )
        if unit.label_number:
            return None  # "trẻ em 3-5 tuổi": a range that names, not a target
    if first_unit.label_number:
        return None
    return Figure(
        match.start(),
        first_unit.end,
        first_unit.end,
        value,
        None,
        None,
        first_unit.unit,
        first_unit.per_year,
        dotted,
    )


def _range_start(text: str, pos: int) -> int:
    before = re.search(r"\btừ[ \t]*$", text[max(0, pos - 6) : pos])
    return pos - (len(text[max(0, pos - 6) : pos]) - before.start()) if before else pos


def _drop_restatements(clause: str, figures: list[Figure]) -> list[Figure]:
    """'05/07 trường (đạt tỉ lệ 71,4 %)', '41,7% (05/12 thôn)': one target, not two."""
    kept: list[Figure] = []
    for figure in figures:
        if kept and figure.start < kept[-1].tail_end:
            continue
        if kept and (closing := _restating_bracket(clause, kept[-1], figure)):
            kept[-1].tail_end = closing  # "08/10 trạm đạt chuẩn (chiếm 80%)"
            continue
        bracket = re.match(r"[ \t]*\([^()]*\)", clause[figure.end :])
        if bracket:
            figure.tail_end = figure.end + bracket.end()
        kept.append(figure)
    return kept


_OPEN_AFTER_FIGURE = re.compile(r"^[^,;()]{0,60}\(\s*(?:chiếm|đạt|bằng|tương đương|tức|là)?[^()]*$")
_CLOSE_AFTER = re.compile(r"^[^()]{0,20}\)")


def _restating_bracket(clause: str, previous: Figure, figure: Figure) -> int | None:
    """The end of a bracket opened after ``previous`` that holds ``figure`` alone, if any."""
    if not _OPEN_AFTER_FIGURE.match(clause[previous.end : figure.start]):
        return None
    close = _CLOSE_AFTER.match(clause[figure.end :])
    return figure.end + close.end() if close else None


def _has_explicit_value_word(clause: str, figure: Figure) -> bool:
    """A unitless number is a target only when introduced as one ('đạt 925')."""
    before = clause[max(0, figure.start - 12) : figure.start].lower()
    return (
        re.search(r"(?:\b(?:đạt|là|tối thiểu|ít nhất|trên|dưới|khoảng|không quá)|:)[ \t]*$", before)
        is not None
    )
