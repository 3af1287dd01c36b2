"""Checks on one entered figure. Django-free: the form, the API and the Excel import
share them. Hard errors stop the save; warnings are shown and the save goes on."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from nghiquyet.figures.periods import PeriodCode
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import format_number

JUMP_THRESHOLD = Decimal("0.5")  # ±50 % against last year
GAP_THRESHOLD = Decimal("0.1")  # a direct figure 10 % away from its sub-units' total
MAX_ABS = Decimal(10) ** 13
# What the database keeps (DataValue: decimal_places=6). Figures are rounded to it
# before they are checked, so what is checked, stored and echoed back is one number.
STORED_PLACES = 6
STORED_QUANTUM = Decimal(1).scaleb(-STORED_PLACES)
NOTE_MAX_CHARS = 2000  # the web form, the API and the Excel/CSV import alike
SIGNED_UNITS = {"điểm %"}


@dataclass(frozen=True)
class SeriesSpec:
    value_type: str  # number, ratio, yes_no, count (a yes/no series above its reporting units)
    unit: str
    term_start: int
    term_end: int
    period_kind: str = "Y"  # the finest period the series takes: Y, H or Q


@dataclass(frozen=True)
class Entry:
    period: PeriodCode
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None


@dataclass(frozen=True)
class Issue:
    field: str  # value, numerator, denominator, period
    message: str
    severity: str = "error"  # or "warning"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def effective_value(spec: SeriesSpec, entry: Entry) -> Decimal | None:
    if entry.value is not None:
        return entry.value
    if entry.numerator is not None and entry.denominator:
        return entry.numerator / entry.denominator * 100
    return None


def stored_entry(entry: Entry) -> tuple[Entry, list[Issue]]:
    """The entry rounded to the stored precision (half up), and the errors that rounding
    finds: a number that is not finite, too large, or that would be stored as 0
    although it is not 0 (1e-8): refused, never silently changed."""
    issues: list[Issue] = []
    rounded: dict[str, Decimal | None] = {}
    for name in ("value", "numerator", "denominator"):
        raw: Decimal | None = getattr(entry, name)
        rounded[name] = raw
        if raw is None:
            continue
        if not raw.is_finite():
            issues.append(Issue(name, _("Không phải một số.")))
            continue
        if abs(raw) >= MAX_ABS:
            issues.append(Issue(name, _("Số quá lớn.")))
            continue
        try:
            value = raw.quantize(STORED_QUANTUM, rounding=ROUND_HALF_UP)
        except InvalidOperation:
            issues.append(Issue(name, _("Số quá lớn.")))
            continue
        if value == 0 and raw != 0:
            issues.append(Issue(name, _("Số quá nhỏ: chỉ giữ %(n)d chữ số sau dấu phẩy, số "
                                        "này sẽ thành 0.") % {"n": STORED_PLACES}))
            continue
        rounded[name] = value
    return replace(entry, value=rounded["value"], numerator=rounded["numerator"],
                   denominator=rounded["denominator"]), issues


def note_issues(note: str) -> list[Issue]:
    if len(note) > NOTE_MAX_CHARS:
        return [Issue("note", _("Ghi chú dài %(n)d ký tự, quá giới hạn %(max)d ký tự.")
                      % {"n": len(note), "max": NOTE_MAX_CHARS})]
    return []


def validate_entry(
    spec: SeriesSpec, entry: Entry, *, last_year: Decimal | None = None,
    sub_units_total: Decimal | None = None,
) -> list[Issue]:
    issues = _period_issues(spec, entry.period)
    checker = {"number": _number_issues, "ratio": _ratio_issues, "yes_no": _yes_no_issues,
               "count": _count_issues}
    issues += checker.get(spec.value_type, _number_issues)(spec, entry)
    if any(i.is_error for i in issues):
        return issues
    return issues + plausibility_issues(spec, entry, last_year=last_year,
                                        sub_units_total=sub_units_total)


def plausibility_issues(
    spec: SeriesSpec, entry: Entry, *, last_year: Decimal | None = None,
    sub_units_total: Decimal | None = None,
) -> list[Issue]:
    """The warnings (a jump against last year, a gap to the sub-units' total) of an
    entry that passed its checks; the context comes from ``figures.plausibility``."""
    value = effective_value(spec, entry)
    if value is None or spec.value_type == "yes_no":
        return []
    return _warnings(value, last_year, sub_units_total)


def _period_issues(spec: SeriesSpec, period: PeriodCode) -> list[Issue]:
    if not spec.term_start <= period.year <= spec.term_end:
        return [Issue("period", _("Kỳ %(period)s nằm ngoài nhiệm kỳ %(start)d–%(end)d.")
                      % {"period": period.code, "start": spec.term_start, "end": spec.term_end})]
    allowed = {"Y": {"Y"}, "H": {"Y", "H"}, "Q": {"Y", "H", "Q"}}[spec.period_kind]
    if period.kind not in allowed:
        return [Issue("period", _("Chỉ tiêu này báo cáo theo năm, không nhận kỳ %(period)s.")
                      % {"period": period.code})]
    return []


def _range_issue(field: str, value: Decimal | None, *, allow_negative: bool) -> Issue | None:
    if value is None:
        return None
    if abs(value) >= MAX_ABS:
        return Issue(field, _("Số quá lớn."))
    if value < 0 and not allow_negative:
        return Issue(field, _("Không được là số âm."))
    return None


def _number_issues(spec: SeriesSpec, entry: Entry) -> list[Issue]:
    if entry.value is None:
        return [Issue("value", _("Chưa nhập giá trị."))]
    issue = _range_issue("value", entry.value, allow_negative=spec.unit in SIGNED_UNITS)
    if issue:
        return [issue]
    if spec.unit == "%" and not 0 <= entry.value <= 100:
        return [Issue("value", _("Tỷ lệ phải từ 0 đến 100 %."))]
    return []


def _ratio_issues(spec: SeriesSpec, entry: Entry) -> list[Issue]:
    num, den = entry.numerator, entry.denominator
    if num is None and den is None:
        if entry.value is None:
            return [Issue("numerator", _("Nhập tử số và mẫu số (hoặc tỷ lệ %)."))]
        if not 0 <= entry.value <= 100:
            return [Issue("value", _("Tỷ lệ phải từ 0 đến 100 %."))]
        return []
    if num is None:
        return [Issue("numerator", _("Thiếu tử số."))]
    if den is None:
        return [Issue("denominator", _("Thiếu mẫu số."))]
    issues = [i for i in (_range_issue("numerator", num, allow_negative=False),
                          _range_issue("denominator", den, allow_negative=False)) if i]
    if issues:
        return issues
    if den == 0:
        return [Issue("denominator", _("Mẫu số phải lớn hơn 0."))]
    if num > den:
        return [Issue("numerator", _("Tử số (%(num)s) lớn hơn mẫu số (%(den)s).")
                      % {"num": format_number(num), "den": format_number(den)})]
    if entry.value is not None and abs(entry.value - num / den * 100) > Decimal("0.05"):
        return [Issue("value", _("Tỷ lệ nhập không khớp với tử số/mẫu số."))]
    return []


def _count_issues(spec: SeriesSpec, entry: Entry) -> list[Issue]:
    """A yes/no series entered for a whole unit above the ones that report it: how many of
    its units meet the standard ("5/7 trường"), a whole number, never a yes or a no."""
    if entry.value is None:
        return [Issue("value", _("Chưa nhập số đơn vị đạt."))]
    issue = _range_issue("value", entry.value, allow_negative=False)
    if issue:
        return [issue]
    if entry.value != entry.value.to_integral_value():
        return [Issue("value", _("Số đơn vị đạt phải là số nguyên."))]
    return []


def _yes_no_issues(spec: SeriesSpec, entry: Entry) -> list[Issue]:
    if entry.value is None:
        return [Issue("value", _("Chọn Đạt hoặc Chưa đạt."))]
    if entry.value not in (0, 1):
        return [Issue("value", _("Chỉ nhận 1 (đạt) hoặc 0 (chưa đạt)."))]
    return []


def _warnings(value: Decimal, last_year: Decimal | None, total: Decimal | None) -> list[Issue]:
    out: list[Issue] = []
    if last_year:
        change = (value - last_year) / abs(last_year)
        if abs(change) > JUMP_THRESHOLD:
            out.append(Issue("value", _("Thay đổi %(pct)s %% so với năm trước (%(last)s): "
                                        "kiểm tra lại số liệu.")
                             % {"pct": format_number(change * 100, 0),
                                "last": format_number(last_year)}, "warning"))
    if total is not None and total != 0 and abs(value - total) / abs(total) > GAP_THRESHOLD:
        out.append(Issue("value", _("Khác tổng hợp từ các đơn vị trực thuộc (%(total)s) "
                                    "hơn 10 %%.") % {"total": format_number(total)}, "warning"))
    return out
