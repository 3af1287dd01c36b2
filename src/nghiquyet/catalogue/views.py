from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from nghiquyet.accounts import access
from nghiquyet.catalogue.forms import MappingForm, field_name
from nghiquyet.catalogue.models import CatalogueIndicator, Theme
from nghiquyet.catalogue.selectors import (
    comparison_years,
    default_year,
    mapping_review,
    province_comparison,
    province_resolutions,
)
from nghiquyet.catalogue.services import MappingError, map_resolution, mappings_update
from nghiquyet.figures.figure_sets import DEFAULT_FIGURE_SET, FigureSet, parse_figure_set
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType
from nghiquyet.progress import ORDERED_STATUSES, Status


def comparable_provinces(request: HttpRequest) -> list[OrgUnit]:
    provinces = access.visible_orgunits(request.user).filter(type=OrgUnitType.PROVINCE)
    return [p for p in provinces.order_by("name") if access.can_compare_communes(request.user, p)]


def _province(request: HttpRequest, code: str) -> OrgUnit:
    province = OrgUnit.objects.filter(code=code, type=OrgUnitType.PROVINCE).first()
    if province is None:
        raise Http404
    if not access.can_compare_communes(request.user, province):
        raise PermissionDenied
    return province


def _year(request: HttpRequest, years: list[int]) -> int:
    raw = request.GET.get("year", "")
    year = int(raw) if raw.isdigit() and len(raw) == 4 else default_year(years)
    return min(max(year, years[0]), years[-1]) if years else year


@login_required
@require_GET
def provinces(request: HttpRequest) -> HttpResponse:
    found = comparable_provinces(request)
    if not found:
        raise PermissionDenied
    if len(found) == 1:
        return redirect("catalogue:province", code=found[0].code)
    return render(request, "catalogue/provinces.html", {"provinces": found})


@login_required
@require_GET
def province(request: HttpRequest, code: str) -> HttpResponse:
    unit = _province(request, code)
    resolutions = province_resolutions(unit)
    years = comparison_years(resolutions)
    try:
        figures = parse_figure_set(request.GET.get("figures"))
    except ValueError:
        figures = DEFAULT_FIGURE_SET  # a hand-edited address falls back to the default
    comparison = province_comparison(unit, resolutions, _year(request, years),
                                     approved_only=figures.approved_only)
    return render(request, "catalogue/province.html", {
        "cmp": comparison, "province": unit, "figures": figures, "figure_sets": list(FigureSet),
        "statuses": [*reversed(ORDERED_STATUSES), Status.NO_DATA],
        "can_review": {r.pk for r in resolutions
                       if access.can_manage_registry(request.user, r.issuer)},
    })


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    entries = list(CatalogueIndicator.objects.order_by("position", "code"))
    themes = [(theme.label, [e for e in entries if e.theme == theme.value]) for theme in Theme]
    return render(request, "catalogue/index.html", {
        "themes": [(label, rows) for label, rows in themes if rows], "count": len(entries)})


@login_required
@require_http_methods(["GET", "POST"])
def mapping(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    can_edit = access.can_manage_registry(request.user, resolution.issuer)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("action") == "auto":
        result = map_resolution(resolution=resolution, actor=request.user)
        messages.success(request, _("Đã ghép tự động: thêm %(created)d, đổi %(changed)d, giữ "
                                    "nguyên %(kept)d lựa chọn thủ công.") % {
            "created": result.created, "changed": result.changed, "kept": result.kept_manual})
        return redirect("catalogue:mapping", resolution_id=resolution.pk)
    review = mapping_review(resolution)
    form = MappingForm(review, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            changed = mappings_update(resolution=resolution, actor=request.user,
                                      choices=form.choices())
        except MappingError:  # the targets changed since the page was loaded
            form.add_error(None, _("Có lựa chọn không hợp lệ, chưa lưu gì."))
        else:
            messages.success(request, _("Đã lưu %(n)d thay đổi.") % {"n": changed})
            return redirect("catalogue:mapping", resolution_id=resolution.pk)
    rows = [(ind, [(row, form[field_name(row)]) for row in own]) for ind, own in review.rows]
    return render(request, "catalogue/mapping.html", {
        "resolution": resolution, "review": review, "rows": rows, "form": form,
        "can_edit": can_edit,
        "dashboard_url": reverse("assessment:dashboard", args=[resolution.pk]),
    }, status=400 if request.method == "POST" else 200)
