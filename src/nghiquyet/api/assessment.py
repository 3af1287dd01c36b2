"""Assessments over the API, with the same permissions as the pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from nghiquyet.accounts import access
from nghiquyet.api.schemas import ErrorOut
from nghiquyet.assessment.selectors import assess_resolution
from nghiquyet.assessment.serialize import assessment_header, target_row
from nghiquyet.figures.figure_sets import parse_figure_set
from nghiquyet.lib.i18n import gettext as _

router = Router(tags=["Đánh giá"])


class TargetAssessmentOut(Schema):
    indicator: int
    target: int
    series: str
    label: str
    target_text: str
    deadline: int
    status: str
    status_label: str
    method_label: str
    ratio: float | None
    projected: float | None
    latest_year: int | None
    latest_value: float | None
    explanation: str
    partial: dict[str, dict[str, float]]


class AssessmentOut(Schema):
    resolution: int
    orgunit: str
    year: int
    figures: str
    figures_note: str
    data_through: int | None
    forecast: bool
    forecast_note: str
    summary: str
    targets: list[TargetAssessmentOut]


@router.get("/resolutions/{int:resolution_id}/assessment",
            response={200: AssessmentOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def assessment(request: HttpRequest, resolution_id: int, year: int | None = None,
               orgunit: str | None = None, figures: str | None = None,
               approved_only: bool | None = None) -> Any:
    """``figures``: ``approved`` (default, as every page, report and command) or ``all``;
    ``approved_only`` is the older spelling of the same choice."""
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    unit = access.get_assessed_unit(request.user, resolution, orgunit)
    year = year or resolution.term_end
    if not resolution.term_start <= year <= resolution.term_end:
        return Status(400, {"detail": _("Năm đánh giá nằm ngoài nhiệm kỳ.")})
    try:
        chosen = parse_figure_set(figures)
    except ValueError as exc:
        return Status(400, {"detail": str(exc)})
    if approved_only is not None and figures is None:
        chosen = parse_figure_set("approved" if approved_only else "all")
    ra = assess_resolution(resolution, unit, year, approved_only=chosen.approved_only,
                           viewer=request.user)
    return {"resolution": resolution.pk, "orgunit": unit.code, "year": year,
            **assessment_header(ra), "summary": ra.counts.summary,
            "targets": [target_row(ra, i, t) for i in ra.indicators for t in i.targets]}
