"""The data of one report: a resolution assessed for an org unit and a period, as
``nghiquyet.documents``'s dataclasses. At most nine queries, whatever the size.

Rules decided here (docs/reports.md, "Using it"):

- **Figures.** By default only approved figures count (``approved_only=True``); with
  all figures, the report says that some are not approved yet.
- **Half-year.** Judged as of that year. A level or a rate (a series whose year takes
  the last period) reads the half-year's own figure where one was entered. A
  quantity that adds up over the year (tonnes, revenue) cannot be judged on half a
  year, so its column keeps the figure entered for the whole year (usually the
  estimate, ước thực hiện cả năm) and the half-year's total is written in the
  explanation.
- **Illustrative.** A report is marked "SỐ LIỆU MINH HỌA" when any org unit it
  covers (the unit, its ancestors or anything under it) is marked
  ``is_illustrative`` (the demo marks every unit below the commune; a real
  deployment never sets it), or when any figure it reads carries the note
  ``DEMO_NOTE`` that ``nghiquyet.demo`` writes on its figures.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from django.db.models import Max, QuerySet
from django.utils import timezone

from nghiquyet.assessment.selectors import (
    AssessedIndicator,
    AssessedTarget,
    ResolutionAssessment,
    assess_resolution,
    incomplete,
)
from nghiquyet.audit.models import AuditEvent
from nghiquyet.documents import ReportData, ReportGroup, ReportIndicator, ReportTarget
from nghiquyet.documents.data import percent_of_target
from nghiquyet.figures.figure_sets import figure_set
from nghiquyet.figures.models import DataValue, ValueStatus
from nghiquyet.figures.rollup import Cell, Figure, SeriesRule, Unit, roll_up
from nghiquyet.figures.selectors import series_rule
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import format_quantity
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.progress import Assessment, assess_target, indicator_status
from nghiquyet.resolutions.models import Resolution
from nghiquyet.resolutions.models import SubyearAggregation as Subyear

from .organs import Organ, report_organ
from .report_periods import ReportPeriod, parse_report_period

DEMO_NOTE: Final[str] = "Số liệu minh họa"  # the note nghiquyet.demo puts on every figure
AUDIT_ACTION: Final[str] = "report.build"  # the audit row of each file built (services)


@dataclass
class _Reading:
    """What one target's row reads: its figures per year and their assessment."""

    assessment: Assessment
    series: dict[int, Decimal]
    figures: dict[int, Figure]
    notes: list[str] = field(default_factory=list)


def report_data(
    resolution: Resolution,
    unit: OrgUnit,
    period: ReportPeriod | str,
    *,
    approved_only: bool = True,
    report_date: dt.date | None = None,
    number: str = "",
    signer_name: str = "",
) -> ReportData:
    """The report of ``unit`` on ``resolution`` for ``period`` ("2026", "2026H1",
    "giua-nhiem-ky", "nhiem-ky"); ValueError for a period outside the term."""
    if isinstance(period, str):
        period = parse_report_period(period, resolution.term_start, resolution.term_end)
    assessed = assess_resolution(resolution, unit, period.as_of, approved_only=approved_only)
    ancestors = list(OrgUnit.objects.filter(pk__in=unit.ancestor_ids()).exclude(pk=unit.pk)
                     .order_by("depth"))
    subtree = list(OrgUnit.objects.subtree(unit).order_by().values_list(
        "id", "parent_id", "type", "is_illustrative", "is_active"))
    half = _half_year_figures(assessed, period, approved_only, subtree) if period.half else None
    readings = {t.target.pk: _reading(t, assessed, period, half) for t in assessed.targets}
    years = list(range(resolution.term_start, period.as_of + 1))
    groups = [
        ReportGroup(code=g.group.code if g.group else "",
                    title=g.group.title if g.group else _("Các chỉ tiêu"),
                    indicators=[_indicator(i, readings, assessed, period) for i in g.indicators])
        for g in assessed.groups
    ]
    organ = report_organ(unit, ancestors, resolution)
    return ReportData(
        superior_organ=organ.superior,
        issuing_organ=organ.issuing,
        issuing_organ_text=organ.running_text,
        number_code=_number_code(number, organ),
        place=organ.place,
        report_date=report_date or timezone.localdate(),
        period_label=period.label,
        resolution_title=resolution.title,
        term_start=resolution.term_start,
        term_end=resolution.term_end,
        years=years,
        groups=groups,
        recipients=organ.recipients,
        signer_titles=organ.signer_titles,
        signer_name=signer_name,
        illustrative=_illustrative(assessed, ancestors, subtree),
        notes=_forecast(readings.values(), period)
        + _notes(readings.values(), years, period, approved_only=approved_only)
        + _scope_note(resolution, unit, ancestors),
    )


def _number_code(number: str, organ: Organ) -> str:
    """"-BC/ĐU" leaves the number to be written in by hand, as the office does."""
    return f"{number.strip()}-{organ.number_suffix}"


# --- indicators and targets -------------------------------------------------------


def _indicator(indicator: AssessedIndicator, readings: dict[int, _Reading],
               assessed: ResolutionAssessment, period: ReportPeriod) -> ReportIndicator:
    text = indicator.indicator.text
    targets = [_target(t, readings[t.target.pk], text, assessed, period)
               for t in indicator.targets]
    status = indicator_status(t.status for t in targets)
    return ReportIndicator(number=indicator.indicator.number, text=text,
                           status=status, status_label=status.label, targets=targets)


def _target(at: AssessedTarget, reading: _Reading, indicator_text: str,
            assessed: ResolutionAssessment, period: ReportPeriod) -> ReportTarget:
    target, result = at.target, reading.assessment
    years = range(assessed.resolution.term_start + 1, period.as_of + 1)
    shown = _shown(reading)
    latest = result.observed if target.kind == "cumulative" else result.latest_value
    latest = _round(latest)
    target_value = None if target.comparator == "between" or at.no_unit_target \
        else float(at.registry["value"])
    return ReportTarget(
        label=target.label or indicator_text,
        unit=_unit(at),
        target_text=_("chưa giao mục tiêu cho đơn vị") if at.no_unit_target else at.text,
        deadline_year=target.year,
        status=result.status,
        status_label=at.status_label if at.no_unit_target else result.status.label,
        # A figure not judged (partial) is said once, where its figure is: with its coverage
        # in the annex's cell and in the sentence of the result (wording.result_clause).
        explanation=" ".join([_sentence(result.explanation), *reading.notes]).strip(),
        kind=target.kind,
        comparator=target.comparator,
        target_value=target_value,
        denominator=None if target.denominator is None else float(target.denominator),
        each_year=target.each_year,
        baseline=_round(shown.get(assessed.resolution.term_start)),
        actuals={year: _round(shown.get(year)) for year in years},
        estimate_years=frozenset(y for y in years
                                 if y in reading.figures and reading.figures[y].is_estimate
                                 and shown.get(y) is not None),
        latest=latest,
        latest_year=result.latest_year if latest is not None else None,
        percent_of_target=percent_of_target(target.kind, target.comparator, target.unit, latest,
                                            target_value),
        partial={y: _coverage_words(reading.figures[y]) for y in years
                 if y in reading.figures and y not in reading.series
                 and shown.get(y) is not None},
    )


def _unit(at: AssessedTarget) -> str:
    # A growth-rate target ("tăng bình quân 5 %/năm") is measured on a level
    # (revenue in triệu đồng): the annex's figures are that level, in its unit.
    if at.target.kind == "growth_rate" and at.target.series.unit:
        return at.target.series.unit
    return at.target.unit


def _round(value: Decimal | float | None) -> float | None:
    """Two decimals: what the Word report prints, and what the annex keeps as the number."""
    return None if value is None else round(float(value), 2)


def _sentence(text: str) -> str:
    """The assessment writes a clause ("thực hiện 2026: ..."); a report cell wants a sentence."""
    text = text.strip()
    return (text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")) if text else ""


def _shown(reading: _Reading) -> dict[int, Decimal]:
    """The figures the annex prints: those judged, plus partial totals for information."""
    partial = {y: f.value for y, f in reading.figures.items()
               if incomplete(f) and f.value is not None}
    return {**partial, **reading.series}


def _coverage_words(figure: Figure) -> str:
    """How much of a partial figure is in: "8/30 đơn vị báo cáo", "mới có một phần năm"."""
    if figure.source == "computed" and figure.expected and figure.reported < figure.expected:
        return _("{reported}/{expected} đơn vị báo cáo").format(
            reported=figure.reported, expected=figure.expected)
    return _("mới có số liệu một phần năm")


# --- what a target reads --------------------------------------------------------------


def _reading(at: AssessedTarget, assessed: ResolutionAssessment, period: ReportPeriod,
             half: dict[int, _HalfYear] | None) -> _Reading:
    """The assessment's own figures, or, for a half-year, the half-year's where they apply."""
    if half is None:
        return _Reading(at.assessment, at.series, at.figures)
    year = period.as_of
    entered = half.get(at.target.series_id, _HalfYear())
    series = {y: v for y, v in at.series.items() if y < year}
    figures = {y: f for y, f in at.figures.items() if y < year}
    notes: list[str] = []
    subyear = assessed.figures.series[at.target.series_id].subyear_aggregation
    chosen = entered.whole_year
    if subyear == Subyear.LAST and entered.half is not None:
        chosen = entered.half
    elif entered.half is not None and entered.half.value is not None:
        notes.append(_("{period} đạt {value}; số liệu nửa năm không dùng để đánh giá mục tiêu "
                       "tính theo cả năm.").format(
            period=period.label[:1].upper() + period.label[1:],
            value=format_quantity(entered.half.value, _unit(at))))
    if chosen is not None and chosen.value is not None:
        figures[year] = chosen
        if not incomplete(chosen):  # a figure missing sub-units is shown, never judged
            series[year] = chosen.value
    result = assess_target({**at.registry, "series_unit": at.target.series.unit}, series,
                           term_start=assessed.resolution.term_start, as_of=year)
    if at.no_unit_target:
        result = dataclasses.replace(result, status=at.assessment.status, ratio=None,
                                     projected=None, explained=at.assessment.explanation)
    return _Reading(result, series, figures, notes)


@dataclass
class _HalfYear:
    """A series' figure for the report's unit: the half-year's, and the whole year's entry."""

    half: Figure | None = None
    whole_year: Figure | None = None


def _half_year_figures(assessed: ResolutionAssessment, period: ReportPeriod,
                       approved_only: bool, subtree: Sequence[tuple[int, int | None, str, bool, bool]]
                       ) -> dict[int, _HalfYear]:
    """One query: the half-year's entries (H1, or its quarters) and the year's own entries,
    each rolled up to the report's unit by the series' rule (``roll_up`` on raw values:
    the stored figures are yearly)."""
    figures, year = assessed.figures, period.as_of
    quarters = [f"{year}Q{q}" for q in ((1, 2) if period.half == 1 else (3, 4))]
    codes = [str(year), period.half_code, *quarters]
    values = DataValue.objects.filter(
        series_id__in=list(figures.series), orgunit__path__startswith=figures.root.path,
        period__in=codes,
    ).values_list("series_id", "orgunit_id", "period", "value", "numerator", "denominator",
                  "is_estimate", "status")
    if approved_only:
        values = values.filter(status=ValueStatus.APPROVED)
    cells: dict[int, list[Cell]] = defaultdict(list)
    for sid, uid, code, value, num, den, est, status in values:
        cells[sid].append(Cell(uid, code, value, num, den, est, status))
    root = figures.root.pk
    tree = [Unit(uid, parent if uid != root else None, type_, active)
            for uid, parent, type_, _illustrative, active in subtree]
    out: dict[int, _HalfYear] = {}
    for sid, found in cells.items():
        rule = series_rule(figures.series[sid])
        whole = [c for c in found if c.period == str(year)]
        parts = _half_cells([c for c in found if c.period != str(year)], period.half_code,
                            year, rule.subyear)
        out[sid] = _HalfYear(
            half=_rolled(tree, parts, rule, figures.root.pk, year),
            whole_year=_rolled(tree, whole, rule, figures.root.pk, year),
        )
    return out


def _rolled(tree: list[Unit], cells: list[Cell], rule: SeriesRule, root: int, year: int
            ) -> Figure | None:
    if not cells:
        return None
    figure = roll_up(tree, cells, rule, root, [year])[root][year]
    return figure if figure.value is not None else None


def _half_cells(cells: Iterable[Cell], half_code: str, year: int, subyear: str) -> list[Cell]:
    """One cell per unit for the half-year, dated as the year so the roll-up takes it whole:
    the half's own entry, else its quarters (added up or the last, as the series says).
    Unlike a year pieced together, a half-year's figure is an estimate only if entered so."""
    by_unit: dict[int, list[Cell]] = defaultdict(list)
    for cell in cells:
        by_unit[cell.unit_id].append(cell)
    out = []
    for unit_id, found in by_unit.items():
        own = [c for c in found if c.period == half_code]
        parts = own or sorted(found, key=lambda c: c.period)
        if subyear == Subyear.SUM and not own:
            out.append(Cell(unit_id, str(year), _total(c.value for c in parts),
                            _total(c.numerator for c in parts), _total(c.denominator for c in parts),
                            any(c.is_estimate for c in parts), parts[-1].status))
        else:
            last = parts[-1]
            out.append(Cell(unit_id, str(year), last.value, last.numerator, last.denominator,
                            last.is_estimate, last.status))
    return out


def _total(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


# --- marks on the whole report -----------------------------------------------------------


def _illustrative(assessed: ResolutionAssessment, ancestors: list[OrgUnit],
                  subtree: Sequence[tuple[int, int | None, str, bool, bool]]) -> bool:
    if any(u.is_illustrative for u in ancestors) or any(row[3] for row in subtree):
        return True
    return DataValue.objects.filter(
        series__resolution=assessed.resolution,
        orgunit__path__startswith=assessed.unit.path, note=DEMO_NOTE,
    ).exists()


def forecast_note(period: ReportPeriod, through: int | None) -> str:
    """"" when the figures reach the period's year; else the mark of a report on a period
    whose figures are not all in: "Số liệu đến năm 2026, ước thực hiện ..."."""
    if through is not None and through >= period.as_of:
        return ""
    if through is None:
        return _("Chưa có số liệu nào của nhiệm kỳ: báo cáo {period} chưa đánh giá được chỉ "
                 "tiêu nào.").format(period=period.label)
    return _("Số liệu đến năm {through}, ước thực hiện: báo cáo {period} được lập khi chưa có "
             "số liệu đến năm {year}; các mức đánh giá là dự báo theo số liệu đã có, năm chưa "
             "có số liệu không được tính là 0.").format(
                 through=through, period=period.label, year=period.as_of)


def _forecast(readings: Iterable[_Reading], period: ReportPeriod) -> list[str]:
    through = max((y for r in readings for y in r.series if y <= period.as_of), default=None)
    note = forecast_note(period, through)
    return [note] if note else []


def figures_through(resolution: Resolution, unit: OrgUnit, *, approved_only: bool) -> int | None:
    """One query: the last year with any figure under ``unit``, to warn before a report on a
    period whose figures are not in yet is built (the page and the command)."""
    values = DataValue.objects.filter(series__resolution=resolution,
                                      orgunit__path__startswith=unit.path)
    if approved_only:
        values = values.filter(status=ValueStatus.APPROVED)
    return values.aggregate(last=Max("year"))["last"]


def _notes(readings: Iterable[_Reading], years: list[int], period: ReportPeriod, *,
           approved_only: bool) -> list[str]:
    notes = [figure_set(approved_only).note]
    if not approved_only and not _has_unapproved(readings, years):
        notes = [_("Số liệu sử dụng: tất cả số liệu đã nhập; các số liệu in trong báo cáo "
                   "đều đã được phê duyệt.")]
    if period.half:
        notes.append(_("Cột năm {year}: tỷ lệ, mức đạt được lấy số liệu {period}; chỉ tiêu tính "
                       "theo tổng cả năm lấy số ước thực hiện cả năm.").format(
                           year=period.as_of, period=period.label))
    return notes


def _scope_note(resolution: Resolution, unit: OrgUnit, ancestors: list[OrgUnit]) -> list[str]:
    """A unit below the issuer reports only its own targets, against its own numbers."""
    issuer = next((u for u in ancestors if u.pk == resolution.issuer_id), None)
    if issuer is None:
        return []
    return [_("Báo cáo của {unit} chỉ gồm các chỉ tiêu {unit} báo cáo số liệu. Chỉ tiêu tính "
              "theo tổng (sản lượng, số bản, số đảng viên...) được so với mục tiêu giao cho "
              "{unit}, nếu chưa giao thì ghi “chưa giao mục tiêu cho đơn vị”; chỉ tiêu tỷ lệ "
              "được so với mục tiêu chung của {issuer}.").format(issuer=issuer.name,
                                                                 unit=unit.name)]


def _has_unapproved(readings: Iterable[_Reading], years: list[int]) -> bool:
    """Whether any figure the report prints rests on a value not approved yet."""
    for reading in readings:
        for year in years:
            figure = reading.figures.get(year)
            if figure and any(s != ValueStatus.APPROVED and n for s, n in figure.statuses.items()):
                return True
    return False


# --- the report page -------------------------------------------------------------------


_FORMAT_NAMES: Final[dict[str, str]] = {"docx": "Word", "xlsx": "Excel", "pdf": "PDF"}


@dataclass(frozen=True)
class RecentReport:
    at: dt.datetime
    actor: str
    unit: str
    period: str
    format: str
    approved_only: bool


def recent_reports(resolution: Resolution, units: QuerySet[OrgUnit], limit: int = 10
                   ) -> list[RecentReport]:
    """The last reports built on a resolution for these units (who, when, what): one query."""
    events = (AuditEvent.objects.filter(action=AUDIT_ACTION, object_type="resolutions.resolution",
                                        object_id=str(resolution.pk), orgunit__in=units)
              .select_related("actor", "orgunit").order_by("-at", "-id")[:limit])
    return [_recent(event, resolution) for event in events]


def _recent(event: AuditEvent, resolution: Resolution) -> RecentReport:
    new = event.new if isinstance(event.new, dict) else {}
    code = str(new.get("period", ""))
    try:
        period = parse_report_period(code, resolution.term_start, resolution.term_end).label
    except ValueError:
        period = code  # a row written under other rules still shows what it said
    actor = (event.actor.get_full_name() or event.actor.get_username()) if event.actor else ""
    return RecentReport(at=event.at, actor=actor or _("hệ thống"),
                        unit=event.orgunit.name if event.orgunit else "", period=period,
                        format=_FORMAT_NAMES.get(str(new.get("format", "")), ""),
                        approved_only=bool(new.get("approved_only", True)))
