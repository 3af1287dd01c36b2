"""Resolutions over the API: list, detail, indicators, targets, registry export and import."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import File, Router, Status, UploadedFile

from nghiquyet.accounts import access
from nghiquyet.api.schemas import (
    ErrorOut,
    IndicatorOut,
    ResolutionDetailOut,
    ResolutionOut,
    TargetOut,
)
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.registry import RegistryError, RegistryFileError, load_registry_file
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import Indicator, Resolution, Target
from nghiquyet.resolutions.selectors import indicators_with_targets, registry_export
from nghiquyet.resolutions.services import DuplicateResolution, registry_import


def _resolution_out(r: Resolution) -> dict[str, Any]:
    return {
        "id": r.pk, "title": r.title, "issuer_name": r.issuer_name, "issuer_code": r.issuer.code,
        "level": r.level, "province": r.province, "term_start": r.term_start,
        "term_end": r.term_end, "declared_indicator_count": r.declared_indicator_count,
        "version": r.version, "is_current": r.is_current, "archived": r.archived_at is not None,
    }


def _target_out(t: Target) -> dict[str, Any]:
    from nghiquyet.progress import describe_target

    data = t.as_registry_dict()
    return {
        **data, "id": t.pk, "position": t.position, "series_code": t.series.code,
        "value_type": t.series.value_type, "reporting_unit_type": t.series.reporting_unit_type,
        "aggregation": t.series.aggregation, "display": describe_target(data),
    }


def _indicator_out(ind: Indicator) -> dict[str, Any]:
    return {
        "id": ind.pk, "number": ind.number, "group": ind.group.code if ind.group else None,
        "text": ind.text, "targets": [_target_out(t) for t in ind.target_list],  # type: ignore[attr-defined]  # prefetched
    }


router = Router(tags=["Nghị quyết"])


@router.get("", response=list[ResolutionOut])
def list_resolutions(request: HttpRequest) -> list[dict[str, Any]]:
    return [_resolution_out(r) for r in access.visible_resolutions(request.user).order_by("pk")]


@router.get("/{int:resolution_id}", response={200: ResolutionDetailOut, 403: ErrorOut, 404: ErrorOut})
def get_resolution(request: HttpRequest, resolution_id: int) -> dict[str, Any]:
    r = access.get_resolution_for_user(request.user, resolution_id)
    return {
        **_resolution_out(r),
        "groups": [{"code": g.code, "title": g.title, "declared_count": g.declared_count}
                   for g in r.groups.order_by("position")],
        "indicators": [_indicator_out(i) for i in indicators_with_targets(r)],
    }


@router.get("/{int:resolution_id}/indicators", response={200: list[IndicatorOut], 403: ErrorOut, 404: ErrorOut})
def list_indicators(request: HttpRequest, resolution_id: int) -> list[dict[str, Any]]:
    r = access.get_resolution_for_user(request.user, resolution_id)
    return [_indicator_out(i) for i in indicators_with_targets(r)]


@router.get("/{int:resolution_id}/targets", response={200: list[TargetOut], 403: ErrorOut, 404: ErrorOut})
def list_targets(request: HttpRequest, resolution_id: int) -> list[dict[str, Any]]:
    r = access.get_resolution_for_user(request.user, resolution_id)
    qs = Target.objects.filter(indicator__resolution=r).select_related("series")
    return [_target_out(t) for t in qs.order_by("indicator__number", "position")]


@router.get("/{int:resolution_id}/registry", response={200: dict, 403: ErrorOut, 404: ErrorOut})
def export_registry(request: HttpRequest, resolution_id: int) -> dict[str, Any]:
    return registry_export(access.get_resolution_for_user(request.user, resolution_id))


@router.post("/import", response={201: ResolutionOut, 400: ErrorOut, 403: ErrorOut,
                                  409: ErrorOut})
def import_registry(
    request: HttpRequest, file: File[UploadedFile], orgunit: str | None = None,
    new_version_of: int | None = None,
) -> Status[Any]:
    """Upload a ``nghiquyet.registry/1`` JSON file (multipart field ``file``). A resolution
    that already exists is refused (409, naming it) unless ``new_version_of`` names it."""
    issuer = None
    if orgunit:
        issuer = OrgUnit.objects.filter(code=orgunit).first()
        if issuer is None:
            return Status(400, {"detail": _("Không có đơn vị mã “%(code)s”.") % {"code": orgunit}})
    if not access.can_import_resolution(request.user, issuer):
        raise PermissionDenied
    if file.size is not None and file.size > settings.NGHIQUYET_MAX_UPLOAD_BYTES:
        return Status(400, {"detail": _("Tệp lớn quá giới hạn cho phép.")})
    try:
        doc = load_registry_file(file.read(), file.name or "",
                                 max_bytes=settings.NGHIQUYET_MAX_UPLOAD_BYTES)
    except RegistryFileError as exc:
        return Status(400, {"detail": str(exc)})
    previous = None
    if new_version_of is not None:
        previous = access.get_resolution_for_user(request.user, new_version_of)
    try:
        resolution = registry_import(doc=doc, issuer=issuer, actor=request.user,
                                     new_version_of=previous)
    except DuplicateResolution as exc:
        return Status(409, {
            "detail": _("Nghị quyết đã có (id %(id)d), chưa lưu gì. Gửi lại với "
                        "new_version_of=%(id)d để lưu thành phiên bản mới.")
            % {"id": exc.existing[0].pk}})
    except RegistryError as exc:
        return Status(400, {
            "detail": _("Tệp không hợp lệ, chưa lưu gì."),
            "errors": [{"path": e.path, "message": e.message} for e in exc.errors],
        })
    return Status(201, _resolution_out(resolution))
