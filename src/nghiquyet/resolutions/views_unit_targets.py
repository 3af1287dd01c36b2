"""The leaders' page to give a unit below the issuer its own targets (no admin needed)."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from nghiquyet.accounts import access
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.vnformat import parse_number
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import Resolution

from . import unit_targets as service

MAX_UNITS = 500  # the picker; a province's leader picks a commune, then its villages


def _units(request: HttpRequest, resolution: Resolution) -> list[OrgUnit]:
    """Units under the issuer whose targets the user may set."""
    issuer = resolution.issuer
    below = (access.managed_units(request.user).filter(path__startswith=issuer.path)
             .exclude(pk=issuer.pk).order_by("path")[:MAX_UNITS])
    return [u for u in below if access.can_set_unit_target(request.user, resolution, u)]


@login_required
@require_http_methods(["GET", "POST"])
def unit_targets_page(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    units = _units(request, resolution)
    if not units:
        raise PermissionDenied
    code = request.POST.get("unit") or request.GET.get("unit") or units[0].code
    unit = next((u for u in units if u.code == code), None)
    if unit is None:
        raise PermissionDenied
    rows = service.unit_target_rows(resolution, unit)
    errors: dict[int, str] = {}
    if request.method == "POST":
        errors = _save(request, rows, unit)
        if not errors:
            url = reverse("resolutions:unit_targets", args=[resolution.pk])
            return redirect(f"{url}?unit={unit.code}&saved=1")
        rows = service.unit_target_rows(resolution, unit)
    return render(request, "resolutions/unit_targets.html", {
        "resolution": resolution, "unit": unit, "units": units, "rows": rows,
        "errors": errors, "saved": request.GET.get("saved") == "1",
    }, status=400 if errors else 200)


def _save(request: HttpRequest, rows: list[service.UnitTargetRow], unit: OrgUnit
          ) -> dict[int, str]:
    """Each row through the audited services; a bad number names its target, nothing
    half-saved (every row is read before any is written)."""
    errors: dict[int, str] = {}
    planned: list[tuple[service.UnitTargetRow, Decimal | None, Decimal | None]] = []
    for row in rows:
        raw = request.POST.get(f"t{row.target.pk}", "").strip()
        raw_upper = request.POST.get(f"u{row.target.pk}", "").strip()
        try:
            value = parse_number(raw) if raw else None
            upper = parse_number(raw_upper) if raw_upper else None
        except ValueError:
            errors[row.target.pk] = _("“{text}” không phải số; viết như 12.500 hoặc 25,5.").format(
                text=raw if raw else raw_upper)
            continue
        planned.append((row, value, upper))
    if errors:
        return errors
    for row, value, upper in planned:
        try:
            if value is None:
                if row.current is not None:
                    service.unit_target_clear(actor=request.user, unit_target=row.current)
            elif row.current is None or row.current.value != value or row.current.upper != upper:
                service.unit_target_set(actor=request.user, target=row.target, orgunit=unit,
                                        value=value, upper=upper)
        except service.InvalidUnitTarget as exc:
            errors[row.target.pk] = str(exc)
    return errors
