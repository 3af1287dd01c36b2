"""Reading a resolution's text over the API: the same reader, checks and services as the web.

``POST /resolutions/read`` (multipart ``file``) gives the registry read from the
text and the reader's warnings, saving nothing. With ``save=true&orgunit=CODE``
the registry is saved at once through ``registry_import``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import HttpRequest
from ninja import File, Router, Schema, Status, UploadedFile

from nghiquyet.accounts import access
from nghiquyet.accounts.types import Viewer
from nghiquyet.api.schemas import ErrorOut
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.registry import RegistryError
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.import_drafts import check_upload, read_upload
from nghiquyet.resolutions.services import DuplicateResolution, registry_import
from nghiquyet.textimport import ReadError, parse_text
from nghiquyet.textimport.cli import UsageError, parse_term

router = Router(tags=["Đọc văn bản nghị quyết"])


class WarningOut(Schema):
    code: str
    message: str
    indicator: int | None = None
    excerpt: str | None = None


class ReadOut(Schema):
    registry: dict[str, Any]
    warnings: list[WarningOut]
    layout: str | None = None  # list, letters, bullets, table, prose, paragraph


class ReadSavedOut(Schema):
    id: int
    title: str
    issuer_code: str
    indicators: int
    targets: int
    warnings: list[WarningOut]


@router.post(
    "/resolutions/read",
    response={200: ReadOut, 201: ReadSavedOut, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut},
)
def read_resolution(
    request: HttpRequest, file: File[UploadedFile], save: bool = False,
    orgunit: str | None = None, term: str | None = None,
) -> Status[Any]:
    """Read a .txt, .docx or .pdf; with ``save=true`` also store it as a resolution of ``orgunit``.

    ``term`` (``2025-2030``) is used when the text states no term of its own.
    """
    if not access.can_import_any(request.user):
        raise PermissionDenied
    try:
        given_term = parse_term(term) if term else None
    except UsageError as exc:
        return Status(400, {"detail": str(exc)})
    issuer = _issuer(request.user, orgunit) if save else None
    if save and orgunit and issuer is None:
        return Status(400, {"detail": _("Không có đơn vị mã “%(code)s”.") % {"code": orgunit}})
    name = file.name or "upload"
    try:
        check_upload(name=name, size=file.size)
        data = file.read()
        result = parse_text(read_upload(name=name, data=data), term=given_term)
    except ReadError as exc:
        return Status(400, {"detail": exc.message})
    warnings = [w.to_dict() for w in result.warnings]
    if not save:
        return Status(200, {"registry": result.registry, "warnings": warnings,
                            "layout": result.layout})
    try:
        resolution = registry_import(doc=result.registry, issuer=issuer, actor=request.user,
                                     source_document=ContentFile(data, name=name))
    except DuplicateResolution as exc:
        return Status(409, {"detail": _("Nghị quyết đã có (id %(id)d), chưa lưu gì. Hãy đọc văn "
                                        "bản trên trang web để chọn lưu thành phiên bản mới.")
                            % {"id": exc.existing[0].pk}})
    except RegistryError as exc:
        return Status(400, {
            "detail": _("Văn bản đọc được chưa đủ để lưu thành nghị quyết, chưa lưu gì. Hãy "
                        "rà soát trên trang web hoặc sửa danh mục rồi nhập lại."),
            "errors": [{"path": e.path, "message": e.message} for e in exc.errors],
        })
    indicators = result.registry["indicators"]
    return Status(201, {
        "id": resolution.pk, "title": resolution.title, "issuer_code": resolution.issuer.code,
        "indicators": len(indicators),
        "targets": sum(len(i["targets"]) for i in indicators), "warnings": warnings,
    })


def _issuer(user: Viewer, code: str | None) -> OrgUnit | None:
    """The unit to save for. Without one only a system admin may let the import find
    or create the issuer from the names in the text."""
    issuer = OrgUnit.objects.filter(code=code).first() if code else None
    if (issuer is not None or not code) and not access.can_import_resolution(user, issuer):
        raise PermissionDenied
    return issuer
