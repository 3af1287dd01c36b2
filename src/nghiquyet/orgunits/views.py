"""Pages to set a commune up: the official list (system admin), the commune's own
sub-units (its leader or a system admin)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from nghiquyet.accounts import access
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.tables import TableError, read_table
from nghiquyet.orgunits import official, selectors, services
from nghiquyet.orgunits.forms import SubunitAddForm, SubunitChangeForm
from nghiquyet.orgunits.models import OrgUnit


@login_required
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    if not access.can_setup_official_units(request.user):
        raise PermissionDenied
    if request.method == "POST":
        try:
            commune = services.orgunit_setup_official(
                commune_code=request.POST.get("code", ""), actor=request.user)
        except services.UnitError as exc:
            messages.error(request, exc.message)
            return redirect("orgunits:setup")
        messages.success(request, _("Đã thiết lập %(name)s.") % {"name": commune.name})
        return redirect("orgunits:unit", code=commune.code)
    query = request.GET.get("q", "")[:100]
    candidates = official.find_communes(query) if query else []
    existing = set(OrgUnit.objects.filter(official_code__in=[c.code for c in candidates])
                   .values_list("official_code", flat=True))
    return render(request, "orgunits/setup.html", {
        "query": query, "candidates": candidates, "existing": existing,
    })


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    units = selectors.manageable_roots(request.user)
    if len(units) == 1 and not access.is_system_admin(request.user):
        return redirect("orgunits:unit", code=units[0].code)
    return render(request, "orgunits/list.html", {
        "units": units, "can_setup": access.can_setup_official_units(request.user),
    })


def _managed(request: HttpRequest, code: str) -> OrgUnit:
    return access.get_managed_unit(request.user, code)


@login_required
@require_http_methods(["GET", "POST"])
def unit_page(request: HttpRequest, code: str) -> HttpResponse:
    unit = _managed(request, code)
    by_file = request.method == "POST" and "file" in request.FILES
    form = SubunitAddForm(None if by_file else (request.POST or None), parent=unit)
    errors: list[str] = []
    if by_file:
        upload = request.FILES["file"]
        assert isinstance(upload, UploadedFile)
        try:
            rows = read_table(name=upload.name or "", data=upload.read(),
                              max_bytes=settings.NGHIQUYET_MAX_UPLOAD_BYTES,
                              columns=services.SUBUNIT_COLUMNS, required=("code", "name", "type"))
            created = services.orgunit_import_children(commune=unit, rows=rows,
                                                       actor=request.user)
        except TableError as exc:
            errors = [exc.message]
        except services.UnitImportError as exc:
            errors = [_("Tệp %(file)s có lỗi, chưa lưu đơn vị nào:") % {"file": upload.name},
                      *exc.errors]
        else:
            messages.success(request, _("Đã thêm %(n)d đơn vị trực thuộc.") % {"n": len(created)})
            return redirect("orgunits:unit", code=unit.code)
    elif request.method == "POST" and form.is_valid():
        try:
            services.orgunit_add(parent=form.cleaned_data["parent"], code=form.cleaned_data["code"],
                                 name=form.cleaned_data["name"], type=form.cleaned_data["type"],
                                 actor=request.user)
        except services.UnitError as exc:
            form.add_error("code", exc.message)
        else:
            messages.success(request, _("Đã thêm “%(name)s”.") % {"name": form.cleaned_data["name"]})
            return redirect("orgunits:unit", code=unit.code)
    page = selectors.unit_page(unit)
    status = 400 if request.method == "POST" else 200
    return render(request, "orgunits/unit.html", {
        "unit": unit, "page": page, "form": form, "errors": errors,
    }, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def subunit_change(request: HttpRequest, code: str, child: str) -> HttpResponse:
    unit = _managed(request, code)
    sub = get_object_or_404(OrgUnit.objects.select_related("parent"), code=child,
                            path__startswith=unit.path)
    if sub.pk == unit.pk:
        raise PermissionDenied
    form = SubunitChangeForm(request.POST or None, unit=sub, root=unit)
    if request.method == "POST" and form.is_valid():
        data, action = form.cleaned_data, form.cleaned_data["action"]
        try:
            if action == "rename":
                services.orgunit_rename(unit=sub, name=data["name"], actor=request.user)
            elif action == "move":
                services.orgunit_relocate(unit=sub, new_parent=data["target"], actor=request.user)
            elif action == "merge":
                services.orgunit_merge(unit=sub, into=data["target"],
                                       move_figures=data["figures"] == "move",
                                       actor=request.user, reason=data["reason"])
            elif action == "deactivate":
                services.orgunit_deactivate(unit=sub, actor=request.user, reason=data["reason"])
        except services.UnitError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã lưu thay đổi của “%(name)s”.") % {"name": sub.name})
            return redirect("orgunits:unit", code=unit.code)
    return render(request, "orgunits/change.html", {
        "unit": unit, "sub": sub, "form": form,
        "history": selectors.unit_history(sub),
    }, status=400 if request.method == "POST" else 200)
