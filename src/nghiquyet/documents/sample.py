"""Illustrative report data for the demo resolution (Phiêng Khoài, 2025-2030).

The figures are invented but plausible; every report built from them says
"Số liệu minh họa". Statuses, explanations, the target's words and the
percentage of the target come from the product's own functions
(``nghiquyet.progress.assess_target``, ``indicator_status``,
``describe_target``, ``data.percent_of_target``), exactly as the Django
side's selector calls them: nothing here words a target its own way.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from nghiquyet.lib.i18n import gettext as _
from nghiquyet.progress import assess_target, describe_target, indicator_status

from . import _seed
from .data import ReportData, ReportGroup, ReportIndicator, ReportTarget, percent_of_target

# Baseline (2025) and first-year (2026) figures per (indicator, target index).
# None for 2026: nobody reported it yet. For the growth-rate target the
# figures are the level of the quantity (budget revenue, in million đồng).
_FIGURES: Final[dict[tuple[int, int], tuple[float, float | None]]] = {
    (1, 0): (725, 765.6),
    (1, 1): (725, 765.6),
    (2, 0): (40_000, 41_200),
    (2, 1): (150_000, 162_000),
    (2, 2): (240, 244),
    (2, 3): (11_800, 11_500),
    (2, 4): (5_100, 5_290),
    (3, 0): (24.5, 25.6),
    (4, 0): (41.2, 41.5),
    (5, 0): (4_100, 4_151),
    (6, 0): (3, 3),
    (7, 0): (18.6, 16.9),
    (8, 0): (96.5, 97.8),
    (9, 0): (0, 1),
    (10, 0): (60, 68),
    (11, 0): (45, None),
    (12, 0): (1.2, 1.5),
    (13, 0): (30, 32),
    (14, 0): (88, 89),
    (15, 0): (20, 23),
    (15, 1): (55, 57),
    (15, 2): (78, 81),
    (16, 0): (85, 84),
    (17, 0): (100, 100),
    (17, 1): (24, 25),
    (18, 0): (62, 66),
    (19, 0): (70, None),
    (20, 0): (100, 100),
    (20, 1): (86, 88.5),
    (20, 2): (82, 84),
    (20, 3): (15, 16),
    (20, 4): (12, 11.5),
    (21, 0): (0, 19),  # new party members admitted in the year
    (22, 0): (70, 80),
    (23, 0): (96, 100),
    (24, 0): (91, 92),
    (24, 1): (40, 65),
}

# The level a growth-rate target is measured on, when the registry gives only "%".
_GROWTH_LEVEL_UNIT: Final[dict[int, str]] = {1: "triệu đồng"}


def sample_report_data(as_of: int = 2026) -> ReportData:
    """The demo commune's report for the year ``as_of`` (2026..2030), illustrative figures."""
    if not _seed.TERM_START < as_of <= _seed.TERM_END:
        raise ValueError(f"as_of must be within {_seed.TERM_START + 1}..{_seed.TERM_END}")
    groups = [
        ReportGroup(
            code=code,
            title=title,
            indicators=[_indicator(seed, as_of) for seed in _seed.INDICATORS if seed.group == code],
        )
        for code, title in _seed.GROUPS
    ]
    return ReportData(
        superior_organ="ĐẢNG BỘ TỈNH SƠN LA",
        issuing_organ="ĐẢNG ỦY XÃ PHIÊNG KHOÀI",
        issuing_organ_text="Đảng ủy xã Phiêng Khoài",
        number_code="-BC/ĐU",
        place="Phiêng Khoài",
        report_date=date(as_of, 12, 15),
        period_label=_period_label(as_of),
        resolution_title=_seed.RESOLUTION_TITLE,
        term_start=_seed.TERM_START,
        term_end=_seed.TERM_END,
        years=list(range(_seed.TERM_START, as_of + 1)),
        groups=groups,
        recipients=[
            _("Ban Thường vụ Tỉnh ủy (để báo cáo)"),
            _("Các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã"),
            _("Các chi bộ trực thuộc"),
            _("Lưu Văn phòng Đảng ủy"),
        ],
        signer_titles=[_("T/M ĐẢNG ỦY"), _("BÍ THƯ")],
        signer_name="Nguyễn Văn A",
        illustrative=True,
    )


def _period_label(as_of: int) -> str:
    if as_of == _seed.TERM_END:
        return _("nhiệm kỳ {start}-{end}").format(start=_seed.TERM_START, end=_seed.TERM_END)
    return _("năm {year}").format(year=as_of)


def _indicator(seed: _seed.SeedIndicator, as_of: int) -> ReportIndicator:
    targets = [
        _target(seed.number, index, target, as_of) for index, target in enumerate(seed.targets)
    ]
    status = indicator_status([t.status for t in targets])
    return ReportIndicator(
        number=seed.number,
        text=seed.text,
        status=status,
        status_label=status.label,
        targets=targets,
    )


def _target(number: int, index: int, seed: _seed.SeedTarget, as_of: int) -> ReportTarget:
    baseline, first = _FIGURES[(number, index)]
    unit = _GROWTH_LEVEL_UNIT.get(number, seed.unit) if seed.kind == "growth_rate" else seed.unit
    actuals = {year: _project(seed, unit, baseline, first, year) for year in range(2026, as_of + 1)}
    assessed = assess_target(
        seed._asdict(),
        {_seed.TERM_START: baseline, **actuals},
        term_start=_seed.TERM_START,
        as_of=as_of,
    )
    latest_year = max((y for y, v in actuals.items() if v is not None), default=None)
    latest = None if latest_year is None else actuals[latest_year]
    if seed.kind == "cumulative" and latest_year is not None:
        latest = sum(v for v in actuals.values() if v is not None)
    return ReportTarget(
        label=seed.label,
        unit=unit,
        target_text=describe_target(seed._asdict()),
        deadline_year=seed.year,
        status=assessed.status,
        status_label=assessed.status.label,
        explanation=_sentence(assessed.explanation),
        kind=seed.kind,
        comparator=seed.comparator,
        target_value=seed.value,
        denominator=seed.denominator,
        each_year=seed.each_year,
        baseline=baseline,
        actuals=actuals,
        estimate_years=frozenset({as_of}) if latest_year == as_of else frozenset(),
        latest=latest,
        latest_year=latest_year,
        percent_of_target=percent_of_target(seed.kind, seed.comparator, seed.unit, latest,
                                            seed.value),
    )


def _sentence(text: str) -> str:
    """The assessment writes a clause ("thực hiện 2026: ..."); a report cell wants a sentence."""
    text = text.strip()
    return (text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")) if text else ""


def _project(
    seed: _seed.SeedTarget, unit: str, baseline: float, first: float | None, year: int
) -> float | None:
    """Carry the 2026 pace on to later years, so a mid-term sample has a trend."""
    if first is None:
        return None
    steps = year - 2025
    if seed.kind == "cumulative" or seed.each_year:
        value = first
    elif baseline > 0:
        value = baseline * (first / baseline) ** steps
    else:
        value = baseline + (first - baseline) * steps
    if unit == "%":
        value = min(value, 100.0)
    if seed.denominator is not None:
        value = min(value, seed.denominator)
    return round(value) if abs(value) >= 1000 or unit in _COUNT_UNITS else round(value, 1)


_COUNT_UNITS: Final[frozenset[str]] = frozenset({"bản", "trường", "đảng viên"})


__all__ = ["sample_report_data"]
