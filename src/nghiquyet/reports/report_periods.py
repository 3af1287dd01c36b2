"""The period a report covers: a year, a half-year, mid-term or the whole term.

Codes, as typed on the page, the API and the command line:

- ``2026``: the year (báo cáo năm), judged as of 2026;
- ``2026H1`` / ``2026H2``: a half-year (sơ kết 6 tháng), judged as of 2026 with the
  half-year's own figures where they were entered;
- ``giua-nhiem-ky``: mid-term (sơ kết giữa nhiệm kỳ), judged as of the year the
  review is held: the middle of the term rounded up (2028 for 2025-2030, as the
  2020-2025 reviews were held in 2023); ``giua-nhiem-ky-2027`` picks the year;
- ``nhiem-ky``: the whole term (tổng kết), judged as of its last year.

Django-free, like ``nghiquyet.figures.periods`` whose year and half-year codes
it reads.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from nghiquyet.figures.periods import parse_period
from nghiquyet.lib.i18n import gettext as _

MID_TERM: Final[str] = "giua-nhiem-ky"
TERM: Final[str] = "nhiem-ky"
_MID_TERM_YEAR = re.compile(rf"^{MID_TERM}-(\d{{4}})$")


@dataclass(frozen=True)
class ReportPeriod:
    code: str  # canonical: "2026", "2026H1", "giua-nhiem-ky-2028", "nhiem-ky"
    kind: str  # "year", "half", "mid_term" or "term"
    as_of: int  # the year the assessment is made as of
    label: str  # in running text: "năm 2026", "6 tháng đầu năm 2026", ...
    half: int = 0  # 1 or 2 for a half-year

    @property
    def half_code(self) -> str:
        return f"{self.as_of}H{self.half}" if self.half else ""


def mid_term_year(term_start: int, term_end: int) -> int:
    return term_start + -(-(term_end - term_start) // 2)


def parse_report_period(text: str, term_start: int, term_end: int) -> ReportPeriod:
    """Read a period code for a resolution's term; ValueError with a Vietnamese message."""
    key = _slug(text)
    if key == TERM:
        label = _("nhiệm kỳ {start}-{end}").format(start=term_start, end=term_end)
        return ReportPeriod(TERM, "term", term_end, label)
    if key == MID_TERM or _MID_TERM_YEAR.match(key):
        return _mid_term(key, text, term_start, term_end)
    try:
        code = parse_period(text)
    except ValueError as exc:
        raise ValueError(_bad_period(text)) from exc
    if code.kind == "Q":
        raise ValueError(_bad_period(text))
    _check_year(code.year, text, term_start, term_end)
    if code.kind == "H":
        label = (_("6 tháng đầu năm {year}") if code.index == 1
                 else _("6 tháng cuối năm {year}")).format(year=code.year)
        return ReportPeriod(code.code, "half", code.year, label, half=code.index)
    return ReportPeriod(code.code, "year", code.year, _("năm {year}").format(year=code.year))


def period_choices(term_start: int, term_end: int) -> list[ReportPeriod]:
    """What the report page offers: each year and half-year of the term, mid-term, term."""
    out: list[ReportPeriod] = []
    for year in range(term_start + 1, term_end + 1):
        out.append(parse_report_period(f"{year}H1", term_start, term_end))
        out.append(parse_report_period(str(year), term_start, term_end))
    out.append(parse_report_period(MID_TERM, term_start, term_end))
    out.append(parse_report_period(TERM, term_start, term_end))
    return out


def _mid_term(key: str, text: str, term_start: int, term_end: int) -> ReportPeriod:
    match = _MID_TERM_YEAR.match(key)
    year = int(match.group(1)) if match else mid_term_year(term_start, term_end)
    _check_year(year, text, term_start, term_end)
    label = _("giữa nhiệm kỳ {start}-{end}").format(start=term_start, end=term_end)
    return ReportPeriod(f"{MID_TERM}-{year}", "mid_term", year, label)


def _check_year(year: int, text: str, term_start: int, term_end: int) -> None:
    # The first year of the term is the baseline: there is no progress to report on it.
    if not term_start < year <= term_end:
        raise ValueError(
            _("Kỳ báo cáo “{text}” nằm ngoài nhiệm kỳ: chọn một năm từ {first} đến {last} "
              "(năm {start} là năm cơ sở).").format(
                text=text, first=term_start + 1, last=term_end, start=term_start)
        )


def _bad_period(text: str) -> str:
    return _(
        "Kỳ báo cáo “{text}” không hợp lệ; viết 2026 (năm), 2026H1 (6 tháng đầu năm), "
        "giua-nhiem-ky (giữa nhiệm kỳ) hoặc nhiem-ky (cả nhiệm kỳ)."
    ).format(text=text)


def _slug(text: str) -> str:
    """``Giữa nhiệm kỳ`` -> ``giua-nhiem-ky``: the codes may be typed with diacritics."""
    plain = unicodedata.normalize("NFD", str(text).strip().lower()).replace("đ", "d")
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[\s_]+", "-", plain)
