"""Measurable targets in one indicator's text.

The text is cut into clauses (";" and sentence ends), each clause into one
fragment per figure; a figure's comparator, kind and each_year come from the
words of its own fragment, its deadline from the last "năm YYYY" before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.textimport.diagnostics import WarningLog
from nghiquyet.textimport.figures import (
    Figure,
    figures_and_unread,
    find_figures,
    per_population_unit,
)
from nghiquyet.textimport.text import capitalize_first, collapse

_CLAUSE_END = re.compile(r";|[.!?](?=\s+[\"“'‘(]?[^\W\d_])")
_DEADLINE = re.compile(
    r"(?P<skip>\b(?:so với|so|từ|sau|trước|so sánh|giá|gốc|chuẩn|cố định|hiện hành)\s+)?\bnăm\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-–]\s*\d)"
    r"|\b(?:đến|tới)\s+(?P<year2>(?:19|20)\d\d)\b(?!\s*[-–]\s*\d)",
    re.IGNORECASE,
)
# Comparator words written just before a figure, most specific first.
_PRE_COMPARATORS: tuple[tuple[str, str], ...] = (
    (r"giảm(?: xuống)?(?: còn)? dưới", "<"),
    (r"giảm(?: xuống)?(?: còn)?(?: mức)?", "<="),
    (r"tối thiểu|ít nhất|không dưới|không thấp hơn|không ít hơn|không nhỏ hơn", ">="),
    (r"không (?:vượt )?quá|tối đa|không cao hơn|không lớn hơn|không nhiều hơn", "<="),
    (r"dưới|thấp hơn|ít hơn|nhỏ hơn", "<"),
    (r"trên|cao hơn|lớn hơn|nhiều hơn|hơn|vượt", ">"),
    (r"khoảng|xấp xỉ|chừng", "="),
    (r"còn", "<="),
)
_COMPARATOR_RES = tuple(
    (re.compile(rf"(?:^|\s)(?:{words})(?:\s+(?:ở\s+)?mức)?(?:\s+là)?\s*$"), op)
    for words, op in _PRE_COMPARATORS
)
_IMPLICIT = re.compile(r"(?:^|\s)(?:đạt|là|bằng|chiếm|có)\s*$")
_FALLING = re.compile(
    r"hộ nghèo|cận nghèo|suy dinh dưỡng|thất nghiệp|tai nạn|tội phạm|ô nhiễm|tử vong|bỏ học|"
    r"sinh con thứ|tảo hôn|nợ xấu|cháy rừng|tăng dân số tự nhiên|tệ nạn|khiếu kiện"
)
_CUMULATIVE = re.compile(
    r"\b(?:trong|cả|toàn|suốt)\s+(?:cả\s+|toàn\s+)?(?:nhiệm kỳ|giai đoạn)\b(?!\s+(?:tới|trước))"
    r"|\b(?:giai đoạn|thời kỳ)\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d(?![^()]*\))|\b(?:lũy|luỹ) kế\b|\btrong 5 năm\b"
)
_YEARLY = re.compile(r"\b(?:hằng|hàng|mỗi) năm\b|\bnăm nào cũng\b")
_AVERAGE_YEARLY = re.compile(r"bình quân\s+(?:(?:hằng|hàng|mỗi)\s+năm|năm)")
_STEADY_BEFORE = re.compile(
    r"(?:ổn định|duy trì|giữ vững|giữ ổn định)(?:\s+(?:ở\s+)?mức)?"
    r"(?:\s+(?:đạt|là|từ|trên|dưới|tối thiểu|ít nhất|khoảng|không dưới|có))*\s*$"
)
_STEADY_AFTER = re.compile(
    r"^[^;.]{0,60}?\b(?:duy trì|giữ vững)\s+(?:danh hiệu|đạt|chuẩn|tiêu chuẩn|là|kết quả)"
)
_GROWTH = re.compile(
    r"tăng bình quân|tăng trưởng|tốc độ tăng|bình quân (?:hằng|hàng|mỗi) năm|"
    r"tăng (?:hằng|hàng|mỗi) năm|(?:hằng|hàng|mỗi) năm tăng"
)
_PREVIOUS_YEAR = re.compile(r"\bso(?: với)? (?:năm trước|cùng kỳ|năm liền kề)")
# "tăng 12% hàng năm": the verb right before the figure, the year word after it.
_GROWTH_VERB_BEFORE = re.compile(r"\btăng(?:\s+(?:thêm|trên|từ|khoảng|ít nhất|tối thiểu))?\s*$")
_RATE_OF_INCREASE = re.compile(r"\bt[ỷỉ] lệ tăng\b|\btốc độ tăng\b|\btăng trưởng\b")
# Shares of an economic or labour structure that the resolution means to shrink.
_STRUCTURE = re.compile(r"\bcơ cấu\b")
_SHRINKING_SHARE = re.compile(
    r"\bnông(?:,|\s*[-–]|\s+nghiệp|\s+lâm)|\blâm nghiệp\b|\bthủy sản\b|\bthuỷ sản\b"
)
_BREAKDOWN = re.compile(r"\s*[,;:]?\s*trong đó\b")
# A part that names the unit of government itself: "xã đạt chuẩn ...", "đến năm 2028 phường ...".
_OWN_STATUS_SUBJECT = re.compile(
    r"^(?:(?:đến|tới|vào)\s+(?:năm\s+)?(?:19|20)\d\d\s*,?\s*)?(?:và\s+)?(?:toàn\s+)?"
    r"(?:xã|phường|thị trấn|huyện|tỉnh|thành phố|thị xã|đặc khu)\b"
)
_DECREASE = re.compile(
    r"giảm\b.*?(?:bình quân|hằng năm|hàng năm|mỗi năm)|(?:bình quân|hằng năm|hàng năm|mỗi năm).*?\bgiảm"
)
_INCREASE_VERB = re.compile(r"(?<!tỷ lệ )(?<!tỉ lệ )\btăng\b")
_STATUS = re.compile(
    r"đạt chuẩn|được công nhận|công nhận đạt|đạt danh hiệu|đạt tiêu chí|về đích|trở thành|hoàn thành"
)
_LEVEL_SUBJECT = re.compile(r"\b(?:xã|phường|thị trấn|huyện|tỉnh|thành phố|thị xã|đặc khu)\b")
_NO_MORE = re.compile(r"\bkhông còn\s+(?P<what>[^,;.]+)", re.IGNORECASE)
_LEAD_NOISE = re.compile(
    r"^(?:\s|[,;:.\-–]|trong đó|và|hoặc|có|đạt|phấn đấu|cuối nhiệm kỳ|"
    r"(?:đến|tới|vào|trong)?\s*năm\s+\d{4}|đến\s+\d{4}|(?:hằng|hàng|mỗi) năm|duy trì|giữ vững)+",
    re.IGNORECASE,
)
_TAIL_NOISE = re.compile(
    r"(?:\s|[,;:.\-–]|đạt|là|có|từ|trên|dưới|tối thiểu|ít nhất|khoảng|xấp xỉ|chừng|không quá|"
    r"không dưới|không thấp hơn|tối đa|còn|giảm|xuống|chiếm|ổn định|duy trì|giữ vững|giữ|ở|"
    r"phấn đấu|bằng|mức|hơn|vượt|bình quân|tăng|"
    r"(?:đến|tới|vào)?\s*năm\s+\d{4}|(?:hằng|hàng|mỗi) năm)+$",
    re.IGNORECASE,
)


@dataclass
class ItemContext:
    number: int
    term_end: int | None  # None: the text states no term and the user gave none
    log: WarningLog
    lead_year: int | None = None  # "Đến năm 2030, phấn đấu: ..." written before the list
    text: str = ""  # the whole item (a structure's shares sit in clauses of their own)

    @property
    def default_year(self) -> int | None:
        """A figure's deadline when its own words write none."""
        return self.lead_year or self.term_end


@dataclass
class _Clause:
    text: str
    offset: int  # in the item's text


def read_targets(text: str, ctx: ItemContext) -> list[dict[str, Any]]:
    ctx.text = text
    deadlines = _deadlines(text)
    targets: list[dict[str, Any]] = []
    has_figures = bool(find_figures(text))
    for clause in _clauses(text):
        figures, unread = figures_and_unread(clause.text)
        if unread:
            ctx.log.add(
                "figure_not_read",
                _("Có số không rõ đơn vị hay ý nghĩa nên chưa nhận là mục tiêu; cần kiểm tra."),
                ctx.number,
                clause.text,
            )
        if figures:
            targets.extend(_clause_targets(clause, figures, deadlines, ctx))
        elif target := _status_target(clause, deadlines, ctx, has_figures):
            targets.append(target)
    _fill_missing_labels(targets, text)
    if any(t["year"] is None for t in targets):
        ctx.log.add(
            "deadline_unknown",
            _("Không rõ năm phải đạt (văn bản không ghi nhiệm kỳ): đã để trống thời hạn."),
            ctx.number,
            text,
        )
    if not targets:
        ctx.log.add(
            "no_figure",
            _("Không tìm thấy chỉ tiêu đo được (số liệu) trong mục này."),
            ctx.number,
            text,
        )
    return targets


def _fill_missing_labels(targets: list[dict[str, Any]], text: str) -> None:
    """'...; đến năm 2030 không quá 1%' names nothing: it measures the previous subject."""
    previous = capitalize_first(collapse(re.split(r"[;,:]|\d", text, maxsplit=1)[0]).strip(" ,;.:"))
    for target in targets:
        if not target["label"]:
            target["label"] = previous
        previous = target["label"]


def _clauses(text: str) -> list[_Clause]:
    clauses: list[_Clause] = []
    start = 0
    for end in _CLAUSE_END.finditer(text):
        if _inside_brackets(text, end.start()):
            continue
        clauses.append(_Clause(text[start : end.end()], start))
        start = end.end()
    clauses.append(_Clause(text[start:], start))
    return [c for c in clauses if c.text.strip(" ;.")]


def _inside_brackets(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("(") > before.count(")")


def _deadlines(text: str) -> list[tuple[int, int]]:
    found = []
    for match in _DEADLINE.finditer(text):
        if match.group("skip"):
            continue
        found.append((match.start(), int(match.group("year") or match.group("year2"))))
    return found


def _deadline_for(
    deadlines: list[tuple[int, int]], start: int, end: int, default: int | None
) -> int | None:
    """The last deadline written before the figure, else one written in its own fragment."""
    before = [year for pos, year in deadlines if pos < start]
    if before:
        return before[-1]
    within = [year for pos, year in deadlines if start <= pos < end]
    return within[0] if within else default


def _clause_deadline(
    deadlines: list[tuple[int, int]], clause: _Clause, ctx: ItemContext
) -> int | None:
    """A clause without a figure: its own "đến năm 2025" first, else the one before it."""
    end = clause.offset + len(clause.text)
    own = [year for pos, year in deadlines if clause.offset <= pos < end]
    if own:
        return own[0]
    return _deadline_for(deadlines, clause.offset, end, ctx.default_year)


def _clause_targets(
    clause: _Clause, figures: list[Figure], deadlines: list[tuple[int, int]], ctx: ItemContext
) -> list[dict[str, Any]]:
    per_population = per_population_unit(clause.text)
    bounds = _fragment_bounds(clause.text, figures)
    yearly_clause = re.match(r"\s*(?:hằng|hàng|mỗi) năm\b", clause.text, re.IGNORECASE)
    targets: list[dict[str, Any]] = []
    yearly_before = False
    for figure, (start, end) in zip(figures, bounds, strict=True):
        fragment = _Fragment(clause.text, start, end, figure)
        # "hằng năm ... 650 lao động, trong đó lao động nữ 300 người": the part is yearly too.
        inherits = yearly_before and _BREAKDOWN.match(clause.text[start:end])
        target = _figure_target(fragment, ctx, bool(yearly_clause) or bool(inherits))
        yearly_before = bool(_YEARLY.search(fragment.whole)) or bool(inherits)
        if per_population and target["unit"] and "/" not in target["unit"]:
            target["unit"] += per_population
        if not target["each_year"]:
            # A total over the term ends with the term, whatever year a lead-in names.
            default = ctx.term_end if target["kind"] == "cumulative" else ctx.default_year
            target["year"] = _deadline_for(
                deadlines, clause.offset + figure.start, clause.offset + end, default
            )
        targets.append(target)
    return _with_status_parts(clause, figures, targets, deadlines, ctx)


def _with_status_parts(
    clause: _Clause,
    figures: list[Figure],
    targets: list[dict[str, Any]],
    deadlines: list[tuple[int, int]],
    ctx: ItemContext,
) -> list[dict[str, Any]]:
    """'... đạt 98% và xã đạt chuẩn nông thôn mới': the yes/no part is a target of its own."""
    found = []
    for start, end in _parts_without_figures(clause.text, figures):
        text = clause.text[start:end]
        if not _OWN_STATUS_SUBJECT.match(text.strip(" ,;.").lower()):
            continue
        part = _Clause(text, clause.offset + start)
        if status := _status_target(part, deadlines, ctx, item_has_figures=False):
            found.append((start, status))
    if not found:
        return targets
    placed = [(figure.start, target) for figure, target in zip(figures, targets, strict=True)]
    return [target for _pos, target in sorted(placed + found, key=lambda pair: pair[0])]


def _parts_without_figures(text: str, figures: list[Figure]) -> list[tuple[int, int]]:
    """Stretches before the first figure and after the last one, cut at ',' or 'và'."""
    parts = []
    head_end = figures[0].start
    head = text[:head_end]
    cut = max(head.rfind(","), head.rfind(" và "))
    if cut > 0:
        parts.append((0, cut))
    tail_start = figures[-1].tail_end
    tail = text[tail_start:]
    found = re.search(r",|\svà\s", tail)
    if found:
        parts.append((tail_start + found.end(), len(text)))
    return parts


def _fragment_bounds(text: str, figures: list[Figure]) -> list[tuple[int, int]]:
    cuts = [0]
    for left, right in zip(figures, figures[1:], strict=False):
        cuts.append(_cut_between(text, left.tail_end, right.start))
    cuts.append(len(text))
    return list(zip(cuts, cuts[1:], strict=False))


def _cut_between(text: str, start: int, end: int) -> int:
    """Where one figure's words end and the next one's begin."""
    between = text[start:end]
    for pattern, at_start in (
        (r"\btrong đó\b", True),
        (r",", False),
        (r"\s(?:và|hoặc|cùng)\s", True),
    ):
        if found := re.search(pattern, between):
            return start + (found.start() if at_start else found.end())
    return start


@dataclass
class _Fragment:
    clause: str
    start: int
    end: int
    figure: Figure

    @property
    def before(self) -> str:
        return self.clause[self.start : self.figure.start].lower()

    @property
    def after(self) -> str:
        return self.clause[self.figure.tail_end : self.end].lower()

    @property
    def whole(self) -> str:
        return self.clause[self.start : self.end].lower()

    @property
    def subject(self) -> str:
        return self.clause[: self.figure.start].lower()


def _figure_target(fragment: _Fragment, ctx: ItemContext, yearly_clause: bool) -> dict[str, Any]:
    figure = fragment.figure
    kind, unit, sign = _kind(fragment, ctx)
    comparator = "<=" if sign < 0 else _comparator(fragment, ctx, kind)
    value, upper = figure.value * sign, (figure.upper * sign if figure.upper is not None else None)
    if upper is not None and upper < value:
        value, upper = upper, value
    if upper is not None:
        comparator = "between"
    each_year = (kind == "level" and _each_year(fragment, yearly_clause)) or (
        kind == "growth_rate" and _yearly_growth(fragment, yearly_clause)
    )
    if figure.dot_decimal:
        ctx.log.add(
            "ambiguous_number",
            _("Số viết dấu chấm thập phân, đã đọc là số thập phân; cần kiểm tra."),
            ctx.number,
            fragment.clause[fragment.start : fragment.end],
        )
    if not unit:
        ctx.log.add(
            "missing_unit",
            _("Không rõ đơn vị tính của số liệu."),
            ctx.number,
            fragment.clause[fragment.start : fragment.end],
        )
    return {
        "label": _label(fragment),
        "kind": kind,
        "comparator": comparator,
        "value": json_number(value),
        "upper": json_number(upper) if upper is not None else None,
        "unit": unit,
        "denominator": json_number(figure.denominator) if figure.denominator is not None else None,
        "year": ctx.term_end,
        "each_year": each_year,
    }


def _kind(fragment: _Fragment, ctx: ItemContext) -> tuple[str, str, int]:
    """(kind, unit, sign of the value)."""
    figure, before = fragment.figure, fragment.before
    decreasing = "giảm" in before
    if figure.unit == "điểm %":
        return "annual_change", figure.unit, -1 if decreasing else 1
    if figure.unit == "%" and (_DECREASE.search(before) or (figure.per_year and decreasing)):
        if _is_rate(fragment.subject):
            return "annual_change", "điểm %", -1
        return "growth_rate", "%", -1
    if figure.unit == "%" and (
        _GROWTH.search(before)
        or (figure.per_year and _INCREASE_VERB.search(before))
        or _yearly_increase(fragment)
    ):
        if _is_rate(fragment.subject) and not _RATE_OF_INCREASE.search(fragment.subject):
            ctx.log.add(
                "ambiguous_kind",
                _("Tỷ lệ tăng bình quân theo %: đã hiểu là số điểm phần trăm tăng mỗi năm."),
                ctx.number,
                fragment.clause,
            )
            return "annual_change", "điểm %", 1
        return "growth_rate", "%", 1
    if figure.unit != "%" and re.search(r"(?:tăng|giảm) bình quân", before):
        unit = figure.unit.removesuffix("/năm")
        return "annual_change", unit, -1 if decreasing else 1
    if _CUMULATIVE.search(fragment.whole):
        return "cumulative", figure.unit, 1
    return "level", figure.unit, 1


def _yearly_increase(fragment: _Fragment) -> bool:
    """'tăng 12% hàng năm', 'Tỷ lệ tăng thu so năm trước: 8%': a growth rate."""
    if _RATE_OF_INCREASE.search(fragment.subject) and _PREVIOUS_YEAR.search(fragment.subject):
        return True
    return bool(_GROWTH_VERB_BEFORE.search(fragment.before)) and bool(
        _YEARLY.search(fragment.after) or _PREVIOUS_YEAR.search(fragment.whole)
    )


def _is_rate(subject: str) -> bool:
    return bool(re.search(r"\btỷ lệ\b|\btỉ lệ\b|hộ nghèo|tỷ trọng|tỉ trọng", subject))


def _comparator(fragment: _Fragment, ctx: ItemContext, kind: str) -> str:
    before = re.sub(r"\s*\btừ\s*$", "", fragment.before.rstrip())
    for pattern, op in _COMPARATOR_RES:
        if pattern.search(before):
            if (
                op == "<="
                and re.search(r"(?:^|\s)còn\s*$", before)
                and "giảm" not in fragment.whole
            ):
                ctx.log.add(
                    "ambiguous_comparator",
                    _("“còn X” không đi kèm “giảm”: đã hiểu là không quá X."),
                    ctx.number,
                    fragment.clause,
                )
            return op
    if re.match(r"^[^;]*?\btrở xuống\b", fragment.after):
        return "<="
    if re.match(r"^[^;]*?\btrở lên\b", fragment.after) or kind != "level":
        return ">="
    if _shrinking_share(fragment, ctx):
        return "<="
    if _FALLING.search(fragment.subject) and not _IMPLICIT.search(before + " "):
        ctx.log.add(
            "ambiguous_comparator",
            _(
                "Chỉ tiêu cần giảm nhưng không ghi rõ so sánh (dưới, không quá...): đã hiểu là không quá."
            ),
            ctx.number,
            fragment.clause,
        )
        return "<="
    if _FALLING.search(fragment.subject):
        ctx.log.add(
            "ambiguous_comparator",
            _("Chỉ tiêu cần giảm nhưng ghi “đạt/là”: đã hiểu là không quá giá trị này."),
            ctx.number,
            fragment.clause,
        )
        return "<="
    return ">="


def _shrinking_share(fragment: _Fragment, ctx: ItemContext) -> bool:
    """'Cơ cấu kinh tế: nông nghiệp 20%, ...': the farm share is meant to fall."""
    if fragment.figure.unit != "%" or not _STRUCTURE.search(ctx.text.lower()):
        return False
    own = fragment.clause[fragment.start : fragment.figure.start].lower()
    return bool(_SHRINKING_SHARE.search(own))


def _each_year(fragment: _Fragment, yearly_clause: bool) -> bool:
    whole = fragment.whole
    if _CUMULATIVE.search(whole):
        return False
    if yearly_clause or (_YEARLY.search(whole) and not _AVERAGE_YEARLY.search(whole)):
        return True
    if _is_yearly_flow(fragment.figure.unit):
        return True
    return bool(_STEADY_BEFORE.search(fragment.before) or _STEADY_AFTER.search(fragment.after))


def _yearly_growth(fragment: _Fragment, yearly_clause: bool) -> bool:
    """'tăng 12% hàng năm', 'tăng so năm trước: 8%': each year's growth is judged.

    With "bình quân" the rate is an average over the term, so not each year.
    """
    whole = fragment.clause.lower()
    if "bình quân" in whole:
        return False
    return yearly_clause or bool(_YEARLY.search(fragment.whole) or _PREVIOUS_YEAR.search(whole))


def _is_yearly_flow(unit: str) -> bool:
    """'30 ha/năm', '600 doanh nghiệp/năm': done every year. An income per person
    per year ('triệu đồng/người/năm') is a level, and '%/năm' is a rate."""
    return unit.endswith("/năm") and unit.count("/") == 1 and not unit.startswith(("%", "điểm"))


def _status_target(
    clause: _Clause, deadlines: list[tuple[int, int]], ctx: ItemContext, item_has_figures: bool
) -> dict[str, Any] | None:
    """A clause without a figure: 'xã đạt chuẩn ...' (yes/no) or 'Không còn hộ nghèo' (0 %)."""
    text = collapse(clause.text).rstrip(" ;.")
    lower = text.lower()
    steady = bool(re.match(r"(?:tiếp tục\s+)?(?:duy trì|giữ vững|giữ ổn định)\b", lower))
    yearly = steady or bool(_YEARLY.search(lower))
    year = ctx.term_end if yearly else _clause_deadline(deadlines, clause, ctx)
    if no_more := _NO_MORE.search(text):
        what = re.split(r"\s+(?:theo|của|trên|tại)\s+", no_more.group("what"))[0]
        label = what if re.match(r"tỷ lệ|tỉ lệ", what, re.IGNORECASE) else f"Tỷ lệ {what}"
        return _target(capitalize_first(label), "<=", 0, "%", year, yearly)
    status = _STATUS.search(lower)
    if status is None:
        return None
    if item_has_figures and not steady and not _LEVEL_SUBJECT.search(lower[: status.start()]):
        return None
    label = capitalize_first(_LEAD_NOISE.sub("", text))
    return _target(label, ">=", 1, "đạt/không đạt", year, yearly)


def status_target(label: str, year: int | None, each_year: bool) -> dict[str, Any]:
    """A yes/no target: reached (1) or not (0)."""
    return _target(label, ">=", 1, "đạt/không đạt", year, each_year)


def _target(
    label: str, comparator: str, value: int, unit: str, year: int | None, each_year: bool
) -> dict[str, Any]:
    return {
        "label": label,
        "kind": "level",
        "comparator": comparator,
        "value": value,
        "upper": None,
        "unit": unit,
        "denominator": None,
        "year": year,
        "each_year": each_year,
    }


def _label(fragment: _Fragment) -> str:
    """What is measured, in the resolution's words (for people; not compared)."""
    text, figure = fragment.clause, fragment.figure
    before = _TAIL_NOISE.sub("", _LEAD_NOISE.sub("", text[fragment.start : figure.start]))
    after = text[figure.tail_end : fragment.end]
    after = re.sub(r"^\s*(?:trở lên|trở xuống)\b", "", after).strip(" ,;.:")
    if len(before.split()) >= 2:
        label = before
    else:
        # "100% tổ dân phố đạt ...", "10/12 khu phố đạt ...": the noun is after the figure.
        noun = (
            figure.unit
            if figure.unit and figure.unit[0].isalpha() and "/" not in figure.unit
            else ""
        )
        label = f"{before} {noun} {after}" if figure.unit not in ("%",) else f"{before} {after}"
    label = collapse(label).strip(" ,;.:")
    if not label:  # "...; đến năm 2030 không quá 1%": the item's own subject
        label = _TAIL_NOISE.sub("", _LEAD_NOISE.sub("", text[: figure.start]))
        label = collapse(re.split(r"[;,]", label)[0]).strip(" ,;.:")
    return capitalize_first(_complete(label, figure.unit))


_OPEN_TAIL = re.compile(r"\s*[(“\-–/+]\s*$")
_PREPOSITION_TAIL = re.compile(r"\s(?:cho|của|với|tại|từ|về|trong)$", re.IGNORECASE)


def _complete(label: str, unit: str) -> str:
    """No label ends mid-phrase: '... hằng năm (' loses the bracket, and 'Giải quyết
    việc làm cho' takes the noun the figure counts ('... cho lao động')."""
    label = _OPEN_TAIL.sub("", label)
    if label.endswith('"') and label.count('"') % 2:
        label = label[:-1].rstrip()
    if _PREPOSITION_TAIL.search(label):
        noun = unit.split("/")[0] if unit and unit[0].isalpha() else ""
        label = f"{label} {noun}" if noun else _PREPOSITION_TAIL.sub("", label)
    return label


def json_number(value: Decimal) -> int | float:
    """Plain JSON numbers: 49305, 71.4 (a whole number stays an int: '8,0' is 8)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
