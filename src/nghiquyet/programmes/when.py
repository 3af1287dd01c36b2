"""When a task is due, read from the phrase a programme's table uses.

Django-free. The "Thời gian hoàn thành" column of an action programme holds
phrases, not dates: "Quý II/2026", "Tháng 6/2027", "Năm 2026", "2026-2030",
"Hằng năm", "hằng năm, quý IV", "Thường xuyên", "30/6/2026". ``parse_when``
turns one into a start date, a due date and a recurrence; ``describe_when``
writes a ``When`` back as the phrase a commune would write.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from nghiquyet.lib.i18n import gettext as _

ONCE = ""
YEARLY = "yearly"
ONGOING = "ongoing"  # "thường xuyên": all through the term, judged at its end

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}
# The years a programme of a 2025-2030 term can name; anything else is a typo.
MIN_YEAR, MAX_YEAR = 2000, 2100


class WhenError(ValueError):
    """A phrase that names no date this module understands."""


@dataclass(frozen=True)
class When:
    start: dt.date | None
    due: dt.date
    recurrence: str = ONCE
    quarter: int | None = None  # the quarter a yearly task is due in


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first_month = 3 * (quarter - 1) + 1
    last_month = first_month + 2
    return dt.date(year, first_month, 1), month_end(year, last_month)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def yearly_due(year: int, quarter: int | None) -> dt.date:
    """Where a yearly task falls due in ``year``: its quarter's end, else 31 December."""
    return quarter_bounds(year, quarter)[1] if quarter else dt.date(year, 12, 31)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    text = text.replace("hàng năm", "hằng năm").replace("\u00a0", " ")
    text = re.sub(r"[–—−]", "-", text)
    text = re.sub(r"\s*/\s*", "/", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip(" .;,")


def _year(raw: str) -> int:
    year = int(raw)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise WhenError(_("Năm %(year)s không hợp lệ.") % {"year": raw})
    return year


def _date(day: str, month: str, year: str) -> dt.date:
    try:
        return dt.date(_year(year), int(month), int(day))
    except ValueError as exc:
        if isinstance(exc, WhenError):
            raise
        raise WhenError(_("Ngày %(d)s/%(m)s/%(y)s không có thật.")
                        % {"d": day, "m": month, "y": year}) from exc


_QUARTER = r"quý (?P<q>iv|iii|ii|i|[1-4])"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^(?:trong |trước |hết )?{_QUARTER}(?:/| năm )(?P<y>\d{{4}})$"), "quarter"),
    (re.compile(r"^(?:trong |trước |hết )?tháng (?P<m>\d{1,2})(?:/| năm )(?P<y>\d{4})$"), "month"),
    (re.compile(r"^(?:trước |trước ngày |hạn |ngày )?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})$"),
     "date"),
    (re.compile(r"^(?:6|sáu) tháng đầu năm (?P<y>\d{4})$"), "half1"),
    (re.compile(r"^(?:6|sáu) tháng cuối năm (?P<y>\d{4})$"), "half2"),
    (re.compile(r"^(?:trong |cuối )?năm (?P<y>\d{4})$|^(?P<y2>\d{4})$"), "year"),
    (re.compile(r"^(?:giai đoạn |từ năm |từ )?(?P<a>\d{4})-(?P<b>\d{4})$"), "span"),
    (re.compile(r"^(?:giai đoạn )?(?:từ )?(?:năm )?(?P<a>\d{4}) đến (?:năm )?(?P<b>\d{4})$"),
     "span"),
    (re.compile(rf"^hằng năm(?:,| vào| trong)? {_QUARTER}$"), "yearly_quarter"),
    (re.compile(r"^hằng năm(?:,| vào| trong)? tháng (?P<m>\d{1,2})$"), "yearly_month"),
    (re.compile(r"^hằng năm$"), "yearly"),
    (re.compile(r"^(?:thường xuyên|thường xuyên, liên tục|cả nhiệm kỳ|trong nhiệm kỳ)$"),
     "ongoing"),
]


def parse_when(text: str, *, first_year: int, last_year: int) -> When:
    """Read a completion-time phrase. ``first_year`` is the year a yearly task first
    falls due (usually the programme's), ``last_year`` the term's end.

    Raises WhenError, with a Vietnamese message, for anything it cannot read.
    """
    phrase = _normalise(str(text))
    if not phrase:
        raise WhenError(_("Chưa ghi thời gian hoàn thành."))
    for pattern, kind in _PATTERNS:
        match = pattern.match(phrase)
        if match:
            return _build(kind, match.groupdict(), first_year, last_year)
    raise WhenError(
        _("Không hiểu thời gian “%(text)s”; viết như “Quý II/2026”, “Tháng 6/2027”, "
          "“Năm 2026”, “2026-2030”, “Hằng năm, quý IV” hoặc “30/6/2026”.") % {"text": text}
    )


def _quarter(raw: str) -> int:
    return ROMAN[raw] if raw in ROMAN else int(raw)


def _month(raw: str) -> int:
    month = int(raw)
    if not 1 <= month <= 12:
        raise WhenError(_("Tháng %(m)s không hợp lệ.") % {"m": raw})
    return month


def _build(kind: str, g: dict[str, str | None], first_year: int, last_year: int) -> When:
    if kind == "quarter":
        start, due = quarter_bounds(_year(g["y"] or ""), _quarter(g["q"] or ""))
        return When(start, due)
    if kind == "month":
        year, month = _year(g["y"] or ""), _month(g["m"] or "")
        return When(dt.date(year, month, 1), month_end(year, month))
    if kind == "date":
        return When(None, _date(g["d"] or "", g["m"] or "", g["y"] or ""))
    if kind in ("half1", "half2"):
        year = _year(g["y"] or "")
        return (When(dt.date(year, 1, 1), dt.date(year, 6, 30)) if kind == "half1"
                else When(dt.date(year, 7, 1), dt.date(year, 12, 31)))
    if kind == "year":
        year = _year(g["y"] or g["y2"] or "")
        return When(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if kind == "span":
        first, last = _year(g["a"] or ""), _year(g["b"] or "")
        if last < first:
            raise WhenError(_("Năm kết thúc %(b)d trước năm bắt đầu %(a)d.") % {"a": first, "b": last})
        return When(dt.date(first, 1, 1), dt.date(last, 12, 31))
    if kind == "ongoing":
        return When(dt.date(first_year, 1, 1), dt.date(last_year, 12, 31), ONGOING)
    quarter: int | None = None
    if kind == "yearly_quarter":
        quarter = _quarter(g["q"] or "")
    elif kind == "yearly_month":
        # A yearly task due in a month is kept by that month's quarter.
        quarter = (_month(g["m"] or "") - 1) // 3 + 1
    return When(dt.date(first_year, 1, 1), yearly_due(first_year, quarter), YEARLY, quarter)


def describe_when(when: When) -> str:
    """The phrase a commune would write for ``when``; ``parse_when`` reads it back."""
    if when.recurrence == YEARLY:
        if when.quarter:
            return _("Hằng năm, quý %(q)s") % {"q": ROMAN_OUT[when.quarter]}
        return _("Hằng năm")
    if when.recurrence == ONGOING:
        return _("Thường xuyên")
    start, due = when.start, when.due
    if start is None:
        return f"{due.day:02d}/{due.month:02d}/{due.year}"
    if start == dt.date(start.year, 1, 1) and due == dt.date(due.year, 12, 31):
        if start.year == due.year:
            return _("Năm %(y)d") % {"y": due.year}
        return f"{start.year}-{due.year}"
    if start.year == due.year and start.day == 1 and due == month_end(due.year, due.month):
        if start.month == due.month:
            return _("Tháng %(m)d/%(y)d") % {"m": due.month, "y": due.year}
        if due.month - start.month == 2 and start.month % 3 == 1:
            return _("Quý %(q)s/%(y)d") % {"q": ROMAN_OUT[quarter_of(due)], "y": due.year}
        if (start.month, due.month) == (1, 6):
            return _("6 tháng đầu năm %(y)d") % {"y": due.year}
        if (start.month, due.month) == (7, 12):
            return _("6 tháng cuối năm %(y)d") % {"y": due.year}
    return f"{due.day:02d}/{due.month:02d}/{due.year}"


def quarter_label(day: dt.date) -> str:
    """The timeline's column for a due date: "Quý II/2026"."""
    return _("Quý %(q)s/%(y)d") % {"q": ROMAN_OUT[quarter_of(day)], "y": day.year}


# Figures are reported before a period closes, with estimates (ước thực hiện) where
# needed: a quarter's or half-year's by the 15th of its last month, a year's by
# 15 December, in time for the committee's review meeting.
FIGURES_DEADLINE_DAY = 15


def figures_deadline(year: int, kind: str, index: int) -> dt.date:
    """The reporting deadline of a figure period: ``kind`` "Y", "H" or "Q"."""
    last_month = {"Y": 12, "H": 6 * index, "Q": 3 * index}[kind]
    return dt.date(year, last_month, FIGURES_DEADLINE_DAY)


def figure_periods_due(kind: str, today: dt.date, days: int) -> list[tuple[int, str, int]]:
    """(year, kind, index) of the periods whose deadline falls within ``days`` from today."""
    count = {"Y": 1, "H": 2, "Q": 4}[kind]
    out = []
    for year in (today.year, today.year + 1):
        for index in range(1, count + 1):
            idx = 0 if kind == "Y" else index
            deadline = figures_deadline(year, kind, index if kind != "Y" else 1)
            if today <= deadline <= today + dt.timedelta(days=days):
                out.append((year, kind, idx))
    return out
