"""The Vietnamese sentences of a report, shared by the Word and Excel writers.

Every number goes through ``nghiquyet.lib.vnformat`` (49.305; 83,6 %), every
fixed word through ``_()``.
"""

from __future__ import annotations

import re
from datetime import date

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import (
    format_number,
    format_percent,
    format_quantity,
    round_for_unit,
    unit_decimals,
)
from nghiquyet.progress import Status

from .data import ReportData, ReportIndicator, ReportTarget

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
    """A figure with its unit at the unit's precision: ``41.200 tấn``, ``26,5%``,
    ``4/7 trường``, ``đạt`` (``vnformat.format_quantity``)."""
    if value is None:
        return ""
    if unit == YES_NO_UNIT:
        return _("đạt") if value >= 1 else _("chưa đạt")
    return format_quantity(value, unit, denominator)


def format_figure(value: float, unit: str, denominator: float | None = None) -> str:
    """A table cell's figure at its unit's precision, without the unit (the column says it):
    ``50.336``, ``25,3``, ``4/7``, ``đạt``."""
    if unit == YES_NO_UNIT:
        return _("đạt") if value >= 1 else _("chưa đạt")
    places = 0 if denominator is not None else unit_decimals(unit)
    text = format_number(round_for_unit(value, places))
    if denominator is not None:
        text += "/" + format_number(denominator)
    return text


def coverage_cell(coverage: str) -> str:
    """The coverage in a table cell: "8/30" for "8/30 đơn vị báo cáo" (the table's note says
    what the numbers are); other wordings as they are."""
    head = coverage.split(" ", 1)[0]
    return head if "/" in head and head.replace("/", "").isdigit() else coverage


def comparator_symbol(comparator: str) -> str:
    """Short form for table cells: ``≥``, ``<``..."""
    symbols = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "≈"}
    return symbols.get(comparator, "")


def target_phrase(target: ReportTarget) -> str:
    """``mục tiêu từ 49.305 tấn trở lên đến năm 2030``, ``mục tiêu dưới 12% đến năm 2030``:
    the product's own words for the target (``progress.describe_target``), no symbols."""
    if target.kind == "level" and not target.each_year:
        return _("mục tiêu {text} đến năm {year}").format(
            text=target.target_text, year=target.deadline_year
        )
    return _("mục tiêu {text}").format(text=target.target_text)


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
    """What was achieved: ``năm 2026 ước đạt 41.200 tấn, bằng 83,6% mục tiêu ...``.

    A newer partial total follows, with its coverage and never as the year's result:
    ``...; năm 2027 mới tổng hợp được 13.117 tấn, 8/30 bản báo cáo``.
    """
    text = _judged_clause(target)
    pending = pending_partial(target)
    if pending is None:
        return text
    year, value, coverage = pending
    return text + "; " + _(
        "năm {year} mới tổng hợp được {value}, {coverage}, chưa dùng để đánh giá"
    ).format(
        year=year, value=format_value(value, target.unit, target.denominator), coverage=coverage
    )


def pending_partial(target: ReportTarget) -> tuple[int, float, str] | None:
    """The newest partial figure after the judged one: (year, value, coverage)."""
    judged = target.latest_year or 0
    years = [y for y in target.partial if y > judged and target.actuals.get(y) is not None]
    if not years:
        return None
    year = max(years)
    value = target.actuals[year]
    assert value is not None
    return year, value, target.partial[year]


def _judged_clause(target: ReportTarget) -> str:
    if target.latest is None or target.latest_year is None:
        return _("chưa có số liệu đủ để đánh giá") + "; " + target_phrase(target)
    value = format_value(target.latest, target.unit, target.denominator)
    verb = _verb(target)
    if target.kind == "cumulative":
        head = _("lũy kế đến năm {year} {verb} {value}")
    elif target.latest_year not in target.actuals:
        head = _("năm gốc {year} {verb} {value}")  # only the baseline is judged so far
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
    """``83,6%``: one decimal is as precise as a yearly figure deserves."""
    return format_percent(round(percent, 1))


def _verb(target: ReportTarget) -> str:
    # "còn" reads right for what should go down (poverty rate), "đạt" for the rest.
    if target.lower_is_better:
        return _("ước còn") if target.latest_is_estimate else _("còn")
    return _("ước đạt") if target.latest_is_estimate else _("đạt")


def count_phrase(count: int) -> str:
    """Counts under ten take a leading zero in these documents: ``05 chỉ tiêu``."""
    return f"{count:02d}" if 0 < count < 10 else str(count)


HARD: tuple[Status, ...] = (
    Status.NEEDS_ACCELERATION, Status.LIMITED_PROGRESS, Status.DETERIORATION
)


def summary_paragraph(data: ReportData) -> str:
    """How many indicators are đạt, vượt / có khả năng đạt / khó đạt / không đạt, in the
    words offices use; the method's finer labels in brackets after "khó đạt"."""
    counts = data.status_counts()
    total = sum(counts.values())
    if total == 0:
        return _("Chưa có chỉ tiêu nào được đánh giá.")
    parts = []
    if counts[Status.ACHIEVED]:
        parts.append(_("{n} chỉ tiêu đạt, vượt").format(n=count_phrase(counts[Status.ACHIEVED])))
    if counts[Status.ON_TRACK]:
        parts.append(
            _("{n} chỉ tiêu có khả năng đạt").format(n=count_phrase(counts[Status.ON_TRACK]))
        )
    hard = sum(counts[s] for s in HARD)
    if hard:
        detail = ", ".join(
            f"{lower_first(s.method_label)} {count_phrase(counts[s])}" for s in HARD if counts[s]
        )
        parts.append(
            _("{n} chỉ tiêu khó đạt ({detail})").format(n=count_phrase(hard), detail=detail)
        )
    if counts[Status.MISSED]:
        parts.append(_("{n} chỉ tiêu không đạt").format(n=count_phrase(counts[Status.MISSED])))
    if counts[Status.NO_DATA]:
        parts.append(
            _("{n} chỉ tiêu chưa đủ số liệu để đánh giá").format(
                n=count_phrase(counts[Status.NO_DATA])
            )
        )
    head = _("Trong tổng số {total} chỉ tiêu chủ yếu của Nghị quyết: ").format(
        total=count_phrase(total)
    )
    tail = _(
        "Một chỉ tiêu gồm nhiều mục tiêu được đánh giá theo mục tiêu có kết quả thấp nhất; "
        "chỉ tiêu còn mục tiêu chưa đánh giá được thì không được tính là đạt."
    )
    return head + "; ".join(parts) + ". " + tail


_REACHED = re.compile(r"^[Tt]hực hiện (\d{4}): [^;()]+ \(năm (\d{4}): ([^()]+)\)(?:; )?")


def assessment_phrase(status: Status, explanation: str) -> tuple[str, str, str]:
    """(customary word, the method's label in words, the working): ``("khó đạt", "mức “cần
    đẩy nhanh” theo phương pháp đánh giá", "Năm gốc 2025: 24,5%; cần tăng ...")``.

    The working drops its first clause's "thực hiện 2026: 25,3% (năm 2025: 24,5%)" down to
    the baseline: the sentence before it already gives 2026's figure, and a bracket inside
    the report's own bracket is what makes prose read machine-made.
    """
    word = lower_first(status.label)
    method = ""
    if status in HARD or status is Status.ON_TRACK:
        method = _("mức “{method}” theo phương pháp đánh giá").format(
            method=lower_first(status.method_label))
    text = explanation.strip().rstrip(".")
    match = _REACHED.match(text)
    if match:
        rest = text[match.end():]
        text = _("năm gốc {year}: {value}").format(year=match.group(2), value=match.group(3))
        text += f"; {rest}" if rest else ""
    return word, method, text[:1].upper() + text[1:]


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
