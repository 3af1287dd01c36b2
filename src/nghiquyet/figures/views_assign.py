"""Web: who enters which data series of a resolution."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from nghiquyet.accounts import access
from nghiquyet.figures import assignments
from nghiquyet.figures.models import SeriesAssignment
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.resolutions.models import DataSeries


@login_required
@require_http_methods(["GET", "POST"])
def assignment_page(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    if not access.can_assign_series(request.user, resolution):
        raise PermissionDenied
    officers = access.assignable_officers(resolution)
    if request.method == "POST":
        officer = officers.filter(pk=request.POST.get("officer") or 0).first()
        ids = [int(x) for x in request.POST.getlist("series") if x.isdigit()]
        if officer is None or not ids:
            messages.error(request, _("Hãy chọn cán bộ và ít nhất một chỉ tiêu."))
        else:
            added = assignments.series_assign(resolution=resolution, series_ids=ids,
                                              officer=officer, actor=request.user)
            messages.success(request, _("Đã giao %(n)d chuỗi số liệu cho %(name)s.")
                             % {"n": added, "name": officer.get_full_name() or officer.username})
        return redirect("figures:assignments", resolution_id=resolution.pk)
    return render(request, "figures/assignments.html", {
        "resolution": resolution, "rows": assignments.assignment_page(resolution),
        "officers": officers, "levels": assignments.level_choices(resolution),
    })


@login_required
@require_POST
def assignment_level(request: HttpRequest, resolution_id: int, series_id: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    series = get_object_or_404(DataSeries.objects.select_related("resolution__issuer"),
                               pk=series_id, resolution=resolution)
    try:
        assignments.series_set_level(series=series, unit_type=request.POST.get("level", ""),
                                     actor=request.user)
    except assignments.LevelError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã đổi cấp báo cáo của “%(name)s”.")
                         % {"name": series.name[:80]})
    return redirect("figures:assignments", resolution_id=resolution.pk)


@login_required
@require_POST
def assignment_remove(request: HttpRequest, resolution_id: int, assignment_id: int
                      ) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    assignment = get_object_or_404(SeriesAssignment.objects.select_related(
        "series", "series__resolution", "series__resolution__issuer", "user"),
        pk=assignment_id, series__resolution=resolution)
    assignments.series_unassign(assignment=assignment, actor=request.user)
    messages.success(request, _("Đã bỏ phân công."))
    return redirect("figures:assignments", resolution_id=resolution.pk)
