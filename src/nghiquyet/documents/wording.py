"""The Vietnamese sentences of a report, shared by the Word and Excel writers.

Every number goes through ``nghiquyet.lib.vnformat`` (49.305; 83,6 %), every
fixed word through ``_()``.
"""

from __future__ import annotations

from datetime import date

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import format_number
from nghiquyet.progress import Status

from .data import AT_RISK, STATUSES, ReportData, ReportIndicator, ReportTarget, status_label

YES_NO_UNIT = "đạt/không đạt"


def date_line(place: str, day: date) -> str:
    """``Phiêng Khoài, ngày 05 tháng 01 năm 2027``.

    Days below 10 and the months January and February take a leading zero
    (the convention of Party and State documents, so that a digit cannot be
    added in front by hand); other months are written plainly ("tháng 4").
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return _("{place}, ngày {day} tháng {month} năm {year}").format(
        place=place, day=f"{day.day:02d}", month=month, year=day.year
    )


def number_line(number_code: str) -> str:
    """``Số 12-BC/ĐU``; a code without its number keeps room to write it in by hand."""
    if number_code.startswith("-"):
        return _("Số") + "\u00a0" * 6 + number_code
    return _("Số {code}").format(code=number_code)


def subject_line(data: ReportData) -> str:
    return _("Kết quả thực hiện các chỉ tiêu chủ yếu {period} theo {resolution}").format(
        period=data.period_label, resolution=data.resolution_title
    )


def opening_paragraph(data: ReportData) -> str:
    return _(
        "Thực hiện {resolution}; căn cứ số liệu thống kê, báo cáo của các cơ quan, đơn vị, "
        "{organ} báo cáo kết quả thực hiện các chỉ tiêu chủ yếu {period} như sau:"
    ).format(
        resolution=data.resolution_title, organ=data.issuing_organ_text, period=data.period_label
    )


def illustrative_note() -> str:
    return _("SỐ LIỆU MINH HỌA: không phải số liệu chính thức, chỉ dùng để trình diễn hệ thống.")


def format_value(value: float | None, unit: str, denominator: float | None = None) -> str:
    """A figure with its unit: ``41.200 tấn``, ``26,5 %``, ``4/7 trường``, ``đạt``."""
    if value is None:
        return ""
    if unit == YES_NO_UNIT:
        return _("đạt") if value >= 1 else _("chưa đạt")
    number = format_number(value)
    if denominator is not None:
        number = f"{number}/{format_number(denominator)}"
    return f"{number} {unit}".rstrip()


def comparator_prefix(comparator: str) -> str:
    """The words that put a comparator in front of a target value."""
    words = {
        ">=": "",
        ">": _("trên") + " ",
        "<=": _("không quá") + " ",
        "<": _("dưới") + " ",
        "=": _("khoảng") + " ",
    }
    return words.get(comparator, "")


def comparator_symbol(comparator: str) -> str:
    """Short form for table cells: ``≥``, ``<``..."""
    symbols = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "≈"}
    return symbols.get(comparator, "")


def target_phrase(target: ReportTarget) -> str:
    """``mục tiêu 49.305 tấn đến năm 2030``, ``mục tiêu dưới 12 % đến năm 2030``."""
    if target.target_value is None or target.kind not in {"level", "cumulative"}:
        return _("mục tiêu {text}").format(text=target.target_text)
    amount = comparator_prefix(target.comparator) + format_value(
        target.target_value, target.unit, target.denominator
    )
    if target.each_year:
        return _("mục tiêu {amount} hằng năm").format(amount=amount)
    if target.kind == "cumulative":
        return _("mục tiêu {amount} trong nhiệm kỳ").format(amount=amount)
    return _("mục tiêu {amount} đến năm {year}").format(amount=amount, year=target.deadline_year)


def target_cell_text(target: ReportTarget) -> str:
    """The annex's target column: ``≥ 49.305``, ``< 12``, or the resolution's words."""
    if target.target_value is None or target.kind not in {"level", "cumulative"}:
        return target.target_text
    symbol = comparator_symbol(target.comparator)
    amount = format_value(target.target_value, "", target.denominator)
    if target.unit == YES_NO_UNIT:
        amount = _("đạt")
    text = f"{symbol} {amount}".strip()
    return text + " " + _("(hằng năm)") if target.each_year else text


def result_clause(target: ReportTarget) -> str:
    """What was achieved: ``năm 2026 ước đạt 41.200 tấn, bằng 83,6 % mục tiêu 49.305 tấn ...``."""
    if target.latest is None or target.latest_year is None:
        return _("chưa có số liệu") + "; " + target_phrase(target)
    value = format_value(target.latest, target.unit, target.denominator)
    verb = _verb(target)
    if target.kind == "cumulative":
        head = _("lũy kế đến năm {year} {verb} {value}")
    else:
        head = _("năm {year} {verb} {value}")
    text = head.format(year=target.latest_year, verb=verb, value=value)
    if target.percent_of_target is not None:
        return (
            text
            + ", "
            + _("bằng {percent} {target}").format(
                percent=format_percent_of_target(target.percent_of_target),
                target=target_phrase(target),
            )
        )
    return text + "; " + target_phrase(target)


def format_percent_of_target(percent: float) -> str:
    """``83,6 %``: one decimal is as precise as a yearly figure deserves."""
    return format_number(round(percent, 1)) + " %"


def _verb(target: ReportTarget) -> str:
    # "còn" reads right for what should go down (poverty rate), "đạt" for the rest.
    if target.lower_is_better:
        return _("ước còn") if target.latest_is_estimate else _("còn")
    return _("ước đạt") if target.latest_is_estimate else _("đạt")


def count_phrase(count: int) -> str:
    """Counts under ten take a leading zero in these documents: ``05 chỉ tiêu``."""
    return f"{count:02d}" if 0 < count < 10 else str(count)


def summary_paragraph(data: ReportData) -> str:
    """How many indicators reached, are on track, are at risk, have no data."""
    counts = data.status_counts()
    total = sum(counts.values())
    if total == 0:
        return _("Chưa có chỉ tiêu nào được đánh giá.")
    parts = []
    if counts[Status.ACHIEVED]:
        parts.append(_("{n} chỉ tiêu đã đạt, vượt").format(n=count_phrase(counts[Status.ACHIEVED])))
    if counts[Status.ON_TRACK]:
        parts.append(_("{n} chỉ tiêu đúng tiến độ").format(n=count_phrase(counts[Status.ON_TRACK])))
    at_risk = sum(counts[s] for s in AT_RISK)
    if at_risk:
        detail = "; ".join(
            f"{lower_first(status_label(s))}: {count_phrase(counts[s])}"
            for s in STATUSES
            if s in AT_RISK and counts[s]
        )
        parts.append(
            _("{n} chỉ tiêu chưa đạt yêu cầu tiến độ hoặc không đạt ({detail})").format(
                n=count_phrase(at_risk), detail=detail
            )
        )
    if counts[Status.NO_DATA]:
        parts.append(
            _("{n} chỉ tiêu chưa có số liệu").format(n=count_phrase(counts[Status.NO_DATA]))
        )
    head = _("Trong tổng số {total} chỉ tiêu chủ yếu của Nghị quyết: ").format(
        total=count_phrase(total)
    )
    tail = _("Một chỉ tiêu gồm nhiều mục tiêu được đánh giá theo mục tiêu có kết quả thấp nhất.")
    return head + "; ".join(parts) + ". " + tail


def lower_first(text: str) -> str:
    """``Cần đẩy nhanh tiến độ`` -> ``cần đẩy nhanh tiến độ``, to sit inside a sentence."""
    return text[:1].lower() + text[1:]


def target_number(indicator: ReportIndicator, index: int) -> str:
    """``2.1`` for the first of indicator (2)'s targets; ``3`` when (3) has only one."""
    if len(indicator.targets) > 1:
        return f"{indicator.number}.{index + 1}"
    return str(indicator.number)


def numbered_targets(data: ReportData) -> list[tuple[str, ReportTarget]]:
    return [
        (target_number(indicator, index), target)
        for indicator in data.indicators()
        for index, target in enumerate(indicator.targets)
    ]
