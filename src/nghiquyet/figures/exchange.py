"""Excel/CSV round trip of figures: templates, exports and all-or-nothing imports."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from nghiquyet.accounts import access
from nghiquyet.figures import services
from nghiquyet.figures.interchange import HEADER_BY_KEY, ReadResult, RowError, ValueRow
from nghiquyet.figures.models import DataValue
from nghiquyet.figures.periods import PeriodCode, parse_period
from nghiquyet.figures.selectors import entry_grid
from nghiquyet.figures.validation import Entry, validate_entry
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import DataSeries, Resolution, Target


def _first_targets(resolution: Resolution) -> dict[int, Target]:
    out: dict[int, Target] = {}
    for t in (Target.objects.filter(indicator__resolution=resolution)
              .select_related("indicator").order_by("indicator__number", "position")):
        out.setdefault(t.series_id, t)
    return out


def template_rows(resolution: Resolution, unit: OrgUnit, period: PeriodCode, user: Any,
                  *, include_subunits: bool = False) -> list[dict[str, Any]]:
    """Rows of a template for a unit and period, pre-filled with what is already there."""
    units = [unit]
    if include_subunits:
        units += [u for u in access.entry_units(user).filter(path__startswith=unit.path)
                  .exclude(pk=unit.pk).order_by("path")]
    rows: list[dict[str, Any]] = []
    for u in units:
        for r in entry_grid(resolution, u, period, user):
            first = r.targets[0] if r.targets else None
            v = r.value
            rows.append({
                "indicator": first.indicator.number if first else None,
                "target": r.series.code, "label": r.series.name, "unit": r.series.unit,
                "orgunit": u.code, "orgunit_name": u.name, "period": period.code,
                "value": v.value if v else None, "numerator": v.numerator if v else None,
                "denominator": v.denominator if v else None,
                "estimate": (_("ước thực hiện") if v.is_estimate else _("chính thức")) if v else "",
                "note": v.note if v else "",
                "last_year": r.last_year.value if r.last_year else None,
            })
    return rows


def export_rows(resolution: Resolution, root: OrgUnit, years: list[int] | None = None
                ) -> list[dict[str, Any]]:
    """Every stored figure of the subtree (one query for values, one for targets)."""
    firsts = _first_targets(resolution)
    qs = (DataValue.objects.filter(series__resolution=resolution, orgunit__path__startswith=root.path)
          .select_related("series", "orgunit").order_by("series_id", "orgunit__path", "period"))
    if years:
        qs = qs.filter(year__in=years)
    rows = []
    for v in qs:
        first = firsts.get(v.series_id)
        rows.append({
            "indicator": first.indicator.number if first else None, "target": v.series.code,
            "label": v.series.name, "unit": v.series.unit, "orgunit": v.orgunit.code,
            "orgunit_name": v.orgunit.name, "period": v.period, "value": v.value,
            "numerator": v.numerator, "denominator": v.denominator,
            "estimate": _("ước thực hiện") if v.is_estimate else _("chính thức"), "note": v.note,
            "last_year": None,
        })
    return rows


@dataclass
class ImportReport:
    saved: int
    skipped: int
    warnings: list[str]


class ImportRefused(Exception):
    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


_FIELD_TO_COLUMN = {"value": "value", "numerator": "numerator", "denominator": "denominator",
                    "period": "period", "__all__": ""}


def values_import(
    *, actor: Any, resolution: Resolution, read: ReadResult,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import every row or none. Errors name sheet, row and column."""
    steps = values_import_steps(actor=actor, resolution=resolution, read=read)
    while True:
        try:
            done, total = next(steps)
        except StopIteration as finished:
            return finished.value  # type: ignore[no-any-return]
        if progress:
            progress(done, total)


def values_import_steps(
    *, actor: Any, resolution: Resolution, read: ReadResult,
) -> Generator[tuple[int, int], None, ImportReport]:
    """The import, one saved row at a time: yields (done, total), returns the report.

    A generator so the web page can stream its progress; the whole import is one
    transaction, which the caller must run to the end in one thread.
    """
    errors = list(read.errors)
    series = {s.code: s for s in DataSeries.objects.filter(resolution=resolution)
              .select_related("resolution__issuer")}
    units = {u.code: u for u in OrgUnit.objects.filter(
        code__in={r.orgunit for r in read.rows})}
    seen: set[tuple[str, str, str]] = set()
    planned: list[tuple[ValueRow, DataSeries, OrgUnit, PeriodCode]] = []
    for row in read.rows:
        planned_row = _check_row(row, series, units, seen, actor, resolution, errors)
        if planned_row is not None:
            planned.append(planned_row)
    if errors:
        raise ImportRefused(errors)
    warnings: list[str] = []
    with transaction.atomic():
        for i, (row, s, unit, period) in enumerate(planned, start=1):
            where = _("Trang “%(sheet)s”, dòng %(row)d") % {"sheet": row.sheet, "row": row.row}
            try:
                result = services.value_save(
                    actor=actor, series=s, orgunit=unit, period=period, value=row.value,
                    numerator=row.numerator, denominator=row.denominator,
                    is_estimate=row.is_estimate, note=row.note,
                    reason=_("Nhập từ tệp: %(where)s") % {"where": where},
                )
            except services.InvalidValue as exc:
                errors += [RowError(row.sheet, row.row,
                                    HEADER_BY_KEY.get(_FIELD_TO_COLUMN.get(issue.field, ""), ""),
                                    issue.message) for issue in exc.issues]
                continue
            except (services.WorkflowError, services.ConflictError) as exc:
                errors.append(RowError(row.sheet, row.row, "", str(exc)))
                continue
            warnings += [f"{where}: {w.message}" for w in result.warnings]
            yield i, len(planned)
        if errors:
            # Leaving the atomic block with an exception rolls every row back.
            raise ImportRefused(errors)
    return ImportReport(saved=len(planned), skipped=0, warnings=warnings)


def _check_row(
    row: ValueRow, series: dict[str, DataSeries], units: dict[str, OrgUnit],
    seen: set[tuple[str, str, str]], actor: Any, resolution: Resolution, errors: list[RowError],
) -> tuple[ValueRow, DataSeries, OrgUnit, PeriodCode] | None:
    def fail(key: str, message: str) -> None:
        errors.append(RowError(row.sheet, row.row, HEADER_BY_KEY.get(key, ""), message))

    s = series.get(row.target)
    if s is None:
        fail("target", _("không có mục tiêu mã “%(code)s” trong nghị quyết này.")
             % {"code": row.target})
        return None
    unit = units.get(row.orgunit)
    if unit is None:
        fail("orgunit", _("không có đơn vị mã “%(code)s”.") % {"code": row.orgunit})
        return None
    try:
        period = parse_period(row.period)
    except ValueError as exc:
        fail("period", str(exc))
        return None
    key = (row.target, row.orgunit, period.code)
    if key in seen:
        fail("", _("trùng với một dòng trước (cùng mục tiêu, đơn vị, kỳ)."))
        return None
    seen.add(key)
    if not access.can_enter_value(actor, s, unit):
        fail("orgunit", _("bạn không được giao nhập mục tiêu này cho đơn vị “%(unit)s”.")
             % {"unit": unit.name})
        return None
    if not unit.is_within(resolution.issuer):
        fail("orgunit", _("đơn vị không thuộc phạm vi nghị quyết."))
        return None
    # The figure's own checks, so one pass lists every error of the file.
    entry = Entry(period, row.value, row.numerator, row.denominator)
    issues = [i for i in validate_entry(services.series_spec(s), entry) if i.is_error]
    for issue in issues:
        fail(_FIELD_TO_COLUMN.get(issue.field, ""), issue.message)
    return None if issues else (row, s, unit, period)


def require_import_rights(actor: Any, resolution: Resolution) -> None:
    if not access.can_enter_in(actor, resolution):
        raise PermissionDenied


