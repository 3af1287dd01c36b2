from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from nghiquyet.accounts import access
from nghiquyet.figures.assignments import work_waiting
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.registry import RegistryError
from nghiquyet.resolutions.selectors import registry_export, resolution_list, resolution_page
from nghiquyet.resolutions.services import (
    DuplicateResolution,
    registry_error_lines,
    registry_import,
)
from nghiquyet.web.forms import RegistryUploadForm


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    archived = request.GET.get("archived") == "1"
    resolutions = resolution_list(access.visible_resolutions(request.user)
                                  .filter(is_current=True, archived_at__isnull=not archived))
    waiting = work_waiting(request.user, resolutions, timezone.localdate())
    for r in resolutions:  # what waits for the viewer, on each resolution's card
        r.waiting = (waiting.to_enter.get(r.pk, 0), waiting.to_approve.get(r.pk, 0),  # type: ignore[attr-defined]  # page-only attribute
                     waiting.returned.get(r.pk, 0))
    return render(request, "web/home.html", {
        "resolutions": resolutions, "waiting": waiting, "archived": archived,
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
        "can_manage": access.can_manage_registry(request.user, resolution.issuer),
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
        doc = form.cleaned_data["document"]
        try:
            try:
                resolution = registry_import(doc=doc, issuer=issuer, actor=request.user)
            except DuplicateResolution as exc:
                if not form.cleaned_data.get("new_version"):
                    raise
                resolution = registry_import(doc=doc, issuer=issuer, actor=request.user,
                                             new_version_of=exc.existing[0])
        except RegistryError as exc:
            errors = registry_error_lines(exc)
        except DuplicateResolution as exc:
            errors = [_("Nghị quyết “%(title)s” đã có (phiên bản %(v)d). Chưa lưu gì. Muốn lưu "
                        "tệp này thành phiên bản mới, hãy đánh dấu ô “Lưu thành phiên bản mới” "
                        "rồi tải lên lại.") % {"title": exc.existing[0].title,
                                                "v": exc.existing[0].version}]
        else:
            messages.success(request, _("Đã nhập nghị quyết “%(title)s”.") % {"title": resolution.title})
            return redirect("resolution_detail", resolution_id=resolution.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "web/registry_upload.html", {"form": form, "errors": errors},
                  status=status)


@login_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    from nghiquyet.web.search import search as run_search

    results = run_search(request.user, request.GET.get("q", ""))
    return render(request, "web/search.html", {"results": results,
                                               "search_query": results.query})


# --- the installable app: manifest, service worker, icon ------------------------------


@require_GET
def web_manifest(request: HttpRequest) -> JsonResponse:
    icon = static("nghiquyet/icon-192.png")
    big = static("nghiquyet/icon-512.png")
    response = JsonResponse({
        "name": _("Theo dõi Nghị quyết"), "short_name": _("Nghị quyết"), "lang": "vi",
        "start_url": reverse("home"), "scope": "/", "display": "standalone",
        "background_color": "#f5f6f8", "theme_color": "#b3261e",
        "icons": [{"src": icon, "sizes": "192x192", "type": "image/png"},
                  {"src": big, "sizes": "512x512", "type": "image/png"},
                  {"src": static("nghiquyet/favicon.svg"), "sizes": "any",
                   "type": "image/svg+xml"}],
    }, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker is served from the root so that its scope is the whole site;
    the static URLs it precaches are written into it here."""
    body = finders.find("nghiquyet/sw.js")
    text = Path(str(body)).read_text(encoding="utf-8")
    assets = [static(p) for p in ("nghiquyet/app.css", "nghiquyet/app.js",
                                  "figures/entry.js", "figures/approvals.js",
                                  "vendor/htmx-2.0.11.min.js",
                                  "nghiquyet/favicon.svg")]
    text = text.replace("/*PRECACHE*/[]", json.dumps(assets + [reverse("offline")]))
    response = HttpResponse(text, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    """What the service worker shows for a page it has not kept when there is no network."""
    return render(request, "web/offline.html")


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    body = finders.find("nghiquyet/favicon.ico")
    response = HttpResponse(Path(str(body)).read_bytes(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=604800"
    return response


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: Vietnamese, for a phone, and says what to do."""
    response = render(request, "403_csrf.html", status=403)
    # The entry grid's script asks for the password again (which renews the token) and
    # keeps what was typed, rather than showing this page inside a row.
    response["X-Refused-Because"] = "csrf"
    return response
