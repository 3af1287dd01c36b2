from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from nghiquyet.accounts import access
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.registry import RegistryError
from nghiquyet.resolutions.selectors import registry_export, resolution_list, resolution_page
from nghiquyet.resolutions.services import registry_error_lines, registry_import
from nghiquyet.web.forms import RegistryUploadForm


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    resolutions = resolution_list(access.visible_resolutions(request.user))
    return render(request, "web/home.html", {
        "resolutions": resolutions,
        "can_import": access.can_import_any(request.user),
    })


@login_required
@require_GET
def resolution_detail(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    page = resolution_page(resolution)
    return render(request, "web/resolution_detail.html", {
        "page": page, "resolution": resolution,
        "can_enter": access.can_enter_in(request.user, resolution),
        "can_approve": access.can_approve_in(request.user, resolution),
    })


@login_required
@require_GET
def registry_download(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    body = json.dumps(registry_export(resolution), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="registry-{resolution.pk}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def registry_upload(request: HttpRequest) -> HttpResponse:
    if not access.can_import_any(request.user):
        raise PermissionDenied
    form = RegistryUploadForm(request.user, request.POST or None, request.FILES or None,
                              max_bytes=settings.NGHIQUYET_MAX_UPLOAD_BYTES)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        issuer = form.cleaned_data["orgunit"]
        try:
            resolution = registry_import(doc=form.cleaned_data["document"], issuer=issuer,
                                         actor=request.user)
        except RegistryError as exc:
            errors = registry_error_lines(exc)
        else:
            messages.success(request, _("Đã nhập nghị quyết “%(title)s”.") % {"title": resolution.title})
            return redirect("resolution_detail", resolution_id=resolution.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "web/registry_upload.html", {"form": form, "errors": errors},
                  status=status)
