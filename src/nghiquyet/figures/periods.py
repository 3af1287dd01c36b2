"""Reporting periods as codes: ``2026`` (year), ``2026H1`` (half-year), ``2026Q3`` (quarter).

Django-free so imports, the API and the forms read periods the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nghiquyet.lib.i18n import gettext as _

_CODE = re.compile(r"^(?P<year>\d{4})(?:(?P<kind>[HQ])(?P<index>[1-4]))?$")


@dataclass(frozen=True, order=True)
class PeriodCode:
    year: int
    kind: str  # "Y", "H" or "Q"
    index: int  # 0 for a year

    @property
    def code(self) -> str:
        return str(self.year) if self.kind == "Y" else f"{self.year}{self.kind}{self.index}"

    @property
    def label(self) -> str:
        if self.kind == "Y":
            return _("Năm %(year)d") % {"year": self.year}
        if self.kind == "H":
            return (_("6 tháng đầu năm %(year)d") if self.index == 1
                    else _("6 tháng cuối năm %(year)d")) % {"year": self.year}
        return _("Quý %(q)s năm %(year)d") % {"q": ["I", "II", "III", "IV"][self.index - 1],
                                               "year": self.year}

    def __str__(self) -> str:
        return self.code


def parse_period(text: str) -> PeriodCode:
    """Read ``2026``, ``2026H1``, ``2026-H1``, ``2026Q3``; ValueError otherwise."""
    cleaned = str(text).strip().upper().replace("-", "").replace(" ", "")
    match = _CODE.match(cleaned)
    if not match:
        raise ValueError(
            _("Kỳ báo cáo “%(text)s” không hợp lệ; viết 2026, 2026H1 (6 tháng) hoặc 2026Q1 (quý).")
            % {"text": text}
        )
    kind = match["kind"] or "Y"
    index = int(match["index"] or 0)
    if kind == "H" and index > 2:
        raise ValueError(_("Nửa năm chỉ có H1 hoặc H2 (kỳ “%(text)s”).") % {"text": text})
    return PeriodCode(int(match["year"]), kind, index)


def term_periods(term_start: int, term_end: int, kind: str = "Y") -> list[PeriodCode]:
    """The periods of a term, counting the baseline year (the term's first)."""
    out: list[PeriodCode] = []
    for year in range(term_start, term_end + 1):
        if kind == "Y":
            out.append(PeriodCode(year, "Y", 0))
        else:
            count = 2 if kind == "H" else 4
            out.extend(PeriodCode(year, kind, i) for i in range(1, count + 1))
    return out
