"""The REST API (django-ninja). OpenAPI document: /api/v1/openapi.json; docs: /api/v1/docs."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from nghiquyet.api import assessment, catalogue, figures, orgunits, reports, resolutions, textimport
from nghiquyet.api.auth import api_auth
from nghiquyet.lib.i18n import gettext as _

api = NinjaAPI(
    title="nghiquyet API",
    version="1",
    description="Đọc và ghi dữ liệu theo dõi Nghị quyết Đại hội. Xác thực bằng phiên đăng nhập "
    "hoặc khóa API (Authorization: Bearer ...).",
    auth=api_auth,
    urls_namespace="api",
)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": _("Không tìm thấy.")}, status=404)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request, {"detail": _("Bạn không có quyền truy cập dữ liệu này.")}, status=403
    )


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request, {"detail": _("Cần đăng nhập hoặc khóa API hợp lệ.")}, status=401
    )


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {"path": ".".join(str(p) for p in e.get("loc", [])), "message": str(e.get("msg", ""))}
        for e in exc.errors
    ]
    return api.create_response(
        request, {"detail": _("Dữ liệu gửi lên không hợp lệ."), "errors": errors}, status=422
    )



# One module per area, each exposing ``router`` with paths relative to its prefix.
api.add_router("/resolutions", resolutions.router)
api.add_router("/orgunits", orgunits.router)
api.add_router("", figures.router)
api.add_router("", assessment.router)
api.add_router("", reports.router)
api.add_router("", textimport.router)
api.add_router("", catalogue.router)
