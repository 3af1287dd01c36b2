"""Figures over the API: the same services, permissions and validation as the web."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Query, Router, Status

from nghiquyet.accounts import access
from nghiquyet.api.schemas import (
    MAX_OFFSET,
    DecisionIn,
    ErrorOut,
    FigureOut,
    ValueIn,
    ValueOut,
    ValueSaved,
)
from nghiquyet.figures import services
from nghiquyet.figures.models import DataValue
from nghiquyet.figures.periods import parse_period
from nghiquyet.figures.selectors import subtree_figures
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import parse_number
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import DataSeries

router = Router(tags=["Số liệu"])


def value_out(v: DataValue) -> dict[str, Any]:
    def f(x: Decimal | None) -> float | None:
        return None if x is None else float(x)

    return {"id": v.pk, "series_code": v.series.code, "orgunit": v.orgunit.code,
            "period": v.period, "value": f(v.value), "numerator": f(v.numerator),
            "denominator": f(v.denominator), "is_estimate": v.is_estimate, "note": v.note,
            "status": v.status, "version": v.version}


def _number(raw: float | str | None, field: str) -> Decimal | None:
    """JSON numbers as they are; strings in the Vietnamese format (1.234,5)."""
    if raw is None or raw == "":
        return None
    try:
        return Decimal(str(raw)) if not isinstance(raw, str) else parse_number(raw)
    except (ValueError, InvalidOperation) as exc:
        raise _Bad({"path": field, "message": _("“%(raw)s” không phải số.") % {"raw": raw}}) from exc


class _Bad(Exception):
    def __init__(self, *errors: dict[str, str]):
        self.errors = list(errors)


@router.get("/resolutions/{int:resolution_id}/values", response={200: list[ValueOut], 403: ErrorOut, 404: ErrorOut})
def list_values(request: HttpRequest, resolution_id: int, orgunit: str | None = None,
                period: str | None = None, limit: int = Query(1000, ge=1, le=5000),
                offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> list[dict[str, Any]]:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    qs = (DataValue.objects.filter(series__resolution=resolution,
                                   orgunit__in=access.visible_orgunits(request.user))
          .select_related("series", "orgunit").order_by("series_id", "orgunit__path", "period"))
    if orgunit:
        qs = qs.filter(orgunit__code=orgunit)
    if period:
        qs = qs.filter(period=period)
    return [value_out(v) for v in qs[offset: offset + limit]]


@router.get("/resolutions/{int:resolution_id}/figures", response={200: list[FigureOut], 403: ErrorOut, 404: ErrorOut})
def list_figures(request: HttpRequest, resolution_id: int, orgunit: str | None = None) -> list[dict[str, Any]]:
    """Each series' yearly figure for a unit: entered directly or computed from sub-units."""
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    unit = access.get_assessed_unit(request.user, resolution, orgunit)
    years = range(resolution.term_start, resolution.term_end + 1)
    figs = subtree_figures(resolution, unit, years,
                           approved_only=not access.sees_unapproved(request.user, unit), depth=0)
    out = []
    for sid, series in figs.series.items():
        for year, fig in sorted(figs.of(sid).items()):
            if fig.value is None and fig.source == "missing":
                continue
            out.append({"series_code": series.code, "year": year,
                        "value": None if fig.value is None else float(fig.value),
                        "source": fig.source, "reported": fig.reported, "expected": fig.expected})
    return out


@router.post("/resolutions/{int:resolution_id}/values", response={200: ValueSaved, 201: ValueSaved, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut})
def save_value(request: HttpRequest, resolution_id: int, payload: ValueIn) -> Status[Any]:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    series = DataSeries.objects.filter(resolution=resolution, code=payload.series_code).select_related(
        "resolution").first()
    unit = OrgUnit.objects.filter(code=payload.orgunit).first()
    if series is None or unit is None:
        return Status(400, {"detail": _("Không có mục tiêu hoặc đơn vị đã nêu."), "errors": [
            {"path": "series_code" if series is None else "orgunit", "message": _("không tồn tại")}]})
    if not access.can_enter_value(request.user, series, unit):
        raise PermissionDenied
    try:
        period = parse_period(payload.period)
        value, numerator, denominator = (_number(getattr(payload, k), k)
                                         for k in ("value", "numerator", "denominator"))
    except ValueError as exc:
        return Status(400, {"detail": str(exc), "errors": [{"path": "period", "message": str(exc)}]})
    except _Bad as exc:
        return Status(400, {"detail": _("Dữ liệu không hợp lệ."), "errors": exc.errors})
    try:
        result = services.value_save(
            actor=request.user, series=series, orgunit=unit, period=period,
            is_estimate=payload.is_estimate, note=payload.note,
            expected_version=payload.version, value=value, numerator=numerator,
            denominator=denominator)
    except services.InvalidValue as exc:
        return Status(400, {"detail": _("Số liệu không hợp lệ."),
                     "errors": [{"path": i.field, "message": i.message} for i in exc.issues]})
    except services.ConflictError as exc:
        return Status(409, {"detail": str(exc)})
    except services.WorkflowError as exc:
        return Status(409, {"detail": str(exc)})
    return Status((201 if result.created else 200), {
        "value": value_out(result.value), "warnings": [w.message for w in result.warnings]})


@router.post("/values/{int:value_id}/{action}", response={200: ValueOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut})
def decide(request: HttpRequest, value_id: int, action: str, payload: DecisionIn) -> Status[Any]:
    """``action``: submit, approve, return (with comment) or reopen (with comment as reason)."""
    value = access.get_value_for_viewer(request.user, value_id)
    try:
        if action == "submit":
            value = services.value_submit(actor=request.user, value=value,
                                          expected_version=payload.version)
        elif action == "approve":
            value = services.value_approve(actor=request.user, value=value,
                                           expected_version=payload.version)
        elif action == "return":
            value = services.value_return(actor=request.user, value=value, comment=payload.comment,
                                          expected_version=payload.version)
        elif action == "reopen":
            value = services.value_reopen(actor=request.user, value=value, reason=payload.comment,
                                          expected_version=payload.version)
        else:
            raise Http404
    except (services.ConflictError, services.WorkflowError) as exc:
        return Status(409, {"detail": str(exc)})
    value = DataValue.objects.select_related("series", "orgunit").get(pk=value.pk)
    return Status(200, value_out(value))
