"""The common catalogue and the province comparison over the API, with the same
permissions as the pages. Mounted by ``nghiquyet.api.main`` (``api.add_router("", router)``).

Refusals are returned, not raised, so the router answers the same wherever it is
mounted: 401 without a session or token (the API's authentication), 403 outside
the province, 404 for an unknown province, 400 for a year outside every term.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Schema, Status

from nghiquyet.accounts import access
from nghiquyet.api.auth import api_auth
from nghiquyet.catalogue.models import CatalogueIndicator, Theme
from nghiquyet.catalogue.selectors import (
    CommuneResult,
    ComparisonRow,
    SharedIndicator,
    comparison_years,
    default_year,
    province_comparison,
    province_resolutions,
)
from nghiquyet.figures.figure_sets import parse_figure_set
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType

router = Router(tags=["Danh mục chỉ tiêu chung"], auth=api_auth)


class Error(Schema):
    detail: str


class CatalogueEntryOut(Schema):
    code: str
    name: str
    unit: str
    measure: str
    direction: str
    theme: str
    theme_label: str


class CommuneOut(Schema):
    code: str
    name: str
    is_illustrative: bool
    resolution: int
    term_start: int
    term_end: int
    year: int
    summary: str
    good: int
    total: int
    counts: dict[str, int]
    mapped_targets: int
    dashboard_url: str


class RowOut(Schema):
    commune: str
    indicator_number: int
    target: int
    label: str
    target_text: str
    deadline: str
    status: str
    status_label: str
    explanation: str
    ratio: float | None
    latest_year: int | None
    latest_value: float | None
    is_estimate: bool
    projected: float | None


class SharedOut(Schema):
    code: str
    name: str
    unit: str
    theme: str
    communes: int
    rows: list[RowOut]


class ComparisonOut(Schema):
    province: str
    province_name: str
    year: int
    years: list[int]
    approved_only: bool
    communes: list[CommuneOut]
    indicators: list[SharedOut]
    single_commune_indicators: int


def _entry_out(e: CatalogueIndicator) -> dict[str, Any]:
    return {"code": e.code, "name": e.name, "unit": e.unit, "measure": e.measure,
            "direction": e.direction, "theme": e.theme, "theme_label": str(Theme(e.theme).label)}


@router.get("/catalogue", response=list[CatalogueEntryOut])
def catalogue(request: HttpRequest) -> list[dict[str, Any]]:
    return [_entry_out(e) for e in CatalogueIndicator.objects.order_by("position", "code")]


def _commune_out(c: CommuneResult) -> dict[str, Any]:
    counts = c.counts
    return {
        "code": c.unit.code, "name": c.unit.name, "is_illustrative": c.unit.is_illustrative,
        "resolution": c.resolution.pk, "term_start": c.resolution.term_start,
        "term_end": c.resolution.term_end, "year": c.assessment.as_of,
        "summary": counts.summary, "good": counts.good, "total": counts.total,
        "counts": {str(k): v for k, v in counts.counts.items()}, "mapped_targets": c.mapped,
        "dashboard_url": reverse("assessment:dashboard", args=[c.resolution.pk]),
    }


def _row_out(r: ComparisonRow) -> dict[str, Any]:
    t, a = r.assessed, r.assessed.assessment
    return {
        "commune": r.commune.unit.code, "indicator_number": r.indicator.number,
        "target": t.target.pk, "label": t.target.label, "target_text": t.text,
        "deadline": t.deadline, "status": str(a.status), "status_label": a.label,
        "explanation": a.explanation, "ratio": a.ratio, "latest_year": a.latest_year,
        "latest_value": a.latest_value, "is_estimate": a.latest_year in t.estimate_years,
        "projected": a.projected,
    }


def _shared_out(s: SharedIndicator) -> dict[str, Any]:
    return {"code": s.entry.code, "name": s.entry.name, "unit": s.entry.unit,
            "theme": s.entry.theme, "communes": s.commune_count,
            "rows": [_row_out(r) for r in s.rows]}


@router.get("/provinces/{code}/comparison",
            response={200: ComparisonOut, 400: Error, 403: Error, 404: Error})
def comparison(request: HttpRequest, code: str, year: int | None = None,
               figures: str | None = None, approved_only: bool | None = None) -> Any:
    """``figures``: ``approved`` (the default shared by every page and report) or ``all``;
    ``approved_only`` is the older spelling of the same choice."""
    try:
        chosen = parse_figure_set(figures if figures is not None or approved_only is None
                                  else ("approved" if approved_only else "all"))
    except ValueError as exc:
        return Status(400, {"detail": str(exc)})
    approved_only = chosen.approved_only
    province = OrgUnit.objects.filter(code=code, type=OrgUnitType.PROVINCE).first()
    if province is None:
        return Status(404, {"detail": _("Không tìm thấy.")})
    if not access.can_compare_communes(request.user, province):
        return Status(403, {"detail": _("Bạn không có quyền truy cập dữ liệu này.")})
    resolutions = province_resolutions(province)
    years = comparison_years(resolutions)
    if year is not None and years and year not in years:
        return Status(400, {"detail": _("Năm đánh giá phải từ {first} đến {last}.").format(
            first=years[0], last=years[-1])})
    as_of = year or default_year(years)
    cmp = province_comparison(province, resolutions, as_of, approved_only=approved_only)
    return {
        "province": province.code, "province_name": province.name, "year": cmp.as_of,
        "years": cmp.years, "approved_only": approved_only,
        "communes": [_commune_out(c) for c in cmp.communes],
        "indicators": [_shared_out(s) for s in cmp.shared],
        "single_commune_indicators": cmp.single,
    }
