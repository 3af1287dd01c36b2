"""Org units over the API, filtered by what the caller may see."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Query, Router

from nghiquyet.accounts import access
from nghiquyet.api.schemas import MAX_OFFSET, ErrorOut, OrgUnitOut
from nghiquyet.orgunits.models import OrgUnit

router = Router(tags=["Đơn vị"])


@router.get("", response=list[OrgUnitOut])
def list_orgunits(
    request: HttpRequest, type: str | None = None, parent: str | None = None,
    limit: int = Query(500, ge=1, le=2000), offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> list[OrgUnit]:
    qs = access.visible_orgunits(request.user).order_by("path")
    if type:
        qs = qs.filter(type=type)
    if parent:
        qs = qs.filter(parent__code=parent)
    return list(qs[offset : offset + limit])


@router.get("/{code}", response={200: OrgUnitOut, 403: ErrorOut, 404: ErrorOut})
def get_orgunit(request: HttpRequest, code: str) -> OrgUnit:
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        raise Http404
    if not access.can_view_orgunit(request.user, unit):
        raise PermissionDenied
    return unit
