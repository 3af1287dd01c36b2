"""The REST API (django-ninja). OpenAPI document: /api/v1/openapi.json; docs: /api/v1/docs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import DataError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser

from nghiquyet.api import (
    assessment,
    catalogue,
    figures,
    orgunits,
    programmes,
    reports,
    resolutions,
    textimport,
)
from nghiquyet.api.auth import api_auth
from nghiquyet.api.schemas import ErrorOut
from nghiquyet.lib import safejson
from nghiquyet.lib.i18n import gettext as _


class SafeParser(Parser):
    """Request bodies through the one JSON reader for untrusted input: size and depth capped,
    NaN/Infinity and NUL refused (a refusal becomes a 400 with the Vietnamese reason)."""

    def parse_body(self, request: HttpRequest) -> Any:
        return safejson.loads(request.body, max_bytes=settings.NGHIQUYET_MAX_UPLOAD_BYTES,
                              max_depth=32)


class VendoredSwagger(Swagger):
    """Swagger UI from the files vendored in api/static (no CDN, no inline script)."""

    template = "api/swagger.html"

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        return render(request, self.template, {"swagger_settings": self.settings, "api": api})


_ERROR_STATUSES = {400: "Yêu cầu không hợp lệ", 401: "Chưa đăng nhập",
                   403: "Không có quyền", 404: "Không tìm thấy",
                   422: "Dữ liệu gửi lên không hợp lệ"}


class DocumentedAPI(NinjaAPI):
    """Every operation documents the JSON errors any operation may answer (ErrorOut)."""

    def get_openapi_schema(self, *, path_prefix: str | None = None,
                           path_params: dict[str, Any] | None = None) -> Any:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.setdefault("ErrorOut", ErrorOut.model_json_schema(
            ref_template="#/components/schemas/{model}"))
        ref = {"$ref": "#/components/schemas/ErrorOut"}
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, text in _ERROR_STATUSES.items():
                    responses.setdefault(status, {
                        "description": text,
                        "content": {"application/json": {"schema": ref}}})
        return schema


api = DocumentedAPI(
    title="nghiquyet API",
    version="1",
    description="Đọc và ghi dữ liệu theo dõi Nghị quyết Đại hội. Xác thực bằng phiên đăng nhập "
    "hoặc khóa API (Authorization: Bearer ...).",
    auth=api_auth,
    urls_namespace="api",
    parser=SafeParser(),
    docs=VendoredSwagger(),
    docs_decorator=login_required,  # the API's map is for its users only
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


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    cause = exc.__cause__
    if isinstance(cause, safejson.JsonRefused):
        detail = str(cause)
    elif exc.status_code == 400:
        detail = _("Nội dung gửi lên không đọc được (cần JSON hợp lệ).")
    else:
        detail = _("Yêu cầu không được xử lý.")
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(OverflowError)
@api.exception_handler(DataError)
def _out_of_range(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A number the database cannot hold (an id of 10^20: SQLite's OverflowError,
    PostgreSQL's out-of-range DataError) is bad input, not a server error."""
    return api.create_response(
        request, {"detail": _("Một số gửi lên vượt quá giới hạn lưu trữ."), "errors": []},
        status=422)


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
api.add_router("", programmes.router)


@csrf_exempt  # it changes nothing; a POST to a wrong address still gets the JSON 404
def api_not_found(request: HttpRequest) -> HttpResponse:
    """JSON 404 for an address under /api/ that no operation matches (urls.py)."""
    return JsonResponse({"detail": _("Không tìm thấy."), "errors": []}, status=404)
