"""Assessments over the API, with the same permissions as the pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from nghiquyet.accounts import access
from nghiquyet.api.schemas import ErrorOut
from nghiquyet.assessment.selectors import assess_resolution
from nghiquyet.assessment.serialize import target_row
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
    ratio: float | None
    projected: float | None
    latest_year: int | None
    latest_value: float | None
    explanation: str


class AssessmentOut(Schema):
    resolution: int
    orgunit: str
    year: int
    summary: str
    targets: list[TargetAssessmentOut]


@router.get("/resolutions/{int:resolution_id}/assessment",
            response={200: AssessmentOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut})
def assessment(request: HttpRequest, resolution_id: int, year: int | None = None,
               orgunit: str | None = None, approved_only: bool = False) -> Any:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    unit = access.get_assessed_unit(request.user, resolution, orgunit)
    year = year or resolution.term_end
    if not resolution.term_start <= year <= resolution.term_end:
        return Status(400, {"detail": _("Năm đánh giá nằm ngoài nhiệm kỳ.")})
    ra = assess_resolution(resolution, unit, year, approved_only=approved_only,
                           viewer=request.user)
    return {"resolution": resolution.pk, "orgunit": unit.code, "year": year,
            "summary": ra.counts.summary,
            "targets": [target_row(ra, i, t) for i in ra.indicators for t in i.targets]}
