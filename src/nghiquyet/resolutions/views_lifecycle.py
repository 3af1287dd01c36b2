"""Web: the same resolution read twice (the reviewer chooses), and a resolution's
lifecycle (rename, archive, delete when nothing hangs on it)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from nghiquyet.accounts import access
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.resolutions import import_drafts, services
from nghiquyet.resolutions.models import Resolution


@login_required
@require_http_methods(["GET", "POST"])
def read_duplicate(request: HttpRequest, draft_id: int) -> HttpResponse:
    if not access.can_import_any(request.user):
        raise PermissionDenied
    draft = import_drafts.get_draft_for_user(request.user, draft_id)
    found = import_drafts.draft_duplicates(draft)
    if request.method == "POST":
        choice = request.POST.get("choice", "")
        if choice not in import_drafts.CHOICES:
            raise PermissionDenied
        target = next((r for r in found.resolutions
                       if str(r.pk) == request.POST.get("resolution")), None)
        kept = import_drafts.draft_choose(draft=draft, actor=request.user, choice=choice,
                                          resolution=target)
        if kept is None:
            messages.success(request, _("Đã hủy, không lưu gì."))
            return redirect("home")
        if choice == "new_version":
            messages.success(request, _("Khi lưu, bản này sẽ là phiên bản mới của nghị quyết "
                                        "đã có."))
        return redirect("resolutions:read_review", draft_id=draft.pk)
    if not found:
        return redirect("resolutions:read_review", draft_id=draft.pk)
    return render(request, "resolutions/read_duplicate.html", {"draft": draft, "found": found})


@login_required
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    if not access.can_manage_registry(request.user, resolution.issuer):
        raise PermissionDenied
    if request.method == "POST":
        return _manage_post(request, resolution)
    versions = Resolution.objects.filter(issuer=resolution.issuer).order_by("-version", "-pk")
    return render(request, "resolutions/manage.html", {
        "resolution": resolution, "versions": versions[:20],
        "deletable": not services.resolution_in_use(resolution),
    })


def _manage_post(request: HttpRequest, resolution: Resolution) -> HttpResponse:
    action = request.POST.get("action")
    reason = request.POST.get("reason", "")[:500]
    if action == "rename":
        title = request.POST.get("title", "").strip()[:1000]
        if not title:
            messages.error(request, _("Tên nghị quyết không được để trống."))
            return redirect("resolutions:manage", resolution_id=resolution.pk)
        services.resolution_rename(resolution=resolution, title=title, actor=request.user)
        messages.success(request, _("Đã đổi tên nghị quyết."))
    elif action in ("archive", "unarchive"):
        services.resolution_set_archived(resolution=resolution, archived=action == "archive",
                                         actor=request.user, reason=reason)
        messages.success(request, _("Đã đưa vào lưu trữ.") if action == "archive"
                         else _("Đã đưa ra khỏi lưu trữ."))
    elif action == "delete":
        if request.POST.get("confirm") != "1":
            messages.error(request, _("Hãy đánh dấu ô xác nhận trước khi xóa."))
            return redirect("resolutions:manage", resolution_id=resolution.pk)
        try:
            services.resolution_delete(resolution=resolution, actor=request.user, reason=reason)
        except services.ResolutionInUse:
            messages.error(request, _("Nghị quyết đã có số liệu hoặc đã có phiên bản mới nên "
                                      "không xóa được; hãy đưa vào lưu trữ."))
            return redirect("resolutions:manage", resolution_id=resolution.pk)
        messages.success(request, _("Đã xóa nghị quyết “%(title)s”.") % {"title": resolution.title})
        return redirect("home")
    else:
        raise PermissionDenied
    return redirect("resolutions:manage", resolution_id=resolution.pk)
