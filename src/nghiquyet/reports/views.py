from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from nghiquyet.accounts import access
from nghiquyet.documents import pdf_available
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import Resolution

from . import services
from .forms import ReportForm
from .report_periods import parse_report_period
from .selectors import figures_through, forecast_note, recent_reports


@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, resolution_id: int) -> HttpResponse:
    """Choose unit, period, figures and format; the POST answers with the file."""
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    units = list(access.report_units(request.user, resolution).order_by("path"))
    if not units:
        raise PermissionDenied
    form = ReportForm(resolution, units, request.POST or None)
    if request.method == "POST" and form.is_valid():
        warning = _forecast_warning(resolution, form)
        if warning and not form.cleaned_data["confirm_forecast"]:
            # A period whose figures are not in yet: said first, built only once confirmed.
            return _page(request, resolution, units, form, status=200, warning=warning)
        try:
            built = services.report_build(actor=request.user, resolution=resolution,
                                          **form.build_options())
        except (services.PdfUnavailable, services.PdfConversionFailed) as exc:
            return _page(request, resolution, units, form, error=str(exc), status=503)
        return download(built)
    return _page(request, resolution, units, form, status=400 if request.method == "POST" else 200)


def download(built: services.BuiltReport) -> HttpResponse:
    response = HttpResponse(built.content, content_type=built.content_type)
    response["Content-Disposition"] = f'attachment; filename="{built.filename}"'
    response["Content-Length"] = str(len(built.content))
    return response


def _forecast_warning(resolution: Resolution, form: ReportForm) -> str:
    options = form.build_options()
    period = parse_report_period(options["period"], resolution.term_start, resolution.term_end)
    return forecast_note(period, figures_through(resolution, options["unit"],
                                                 approved_only=options["approved_only"]))


def _page(request: HttpRequest, resolution: Resolution, units: list[OrgUnit], form: ReportForm,
          *, status: int, error: str = "", warning: str = "") -> HttpResponse:
    return render(request, "reports/report.html", {
        "resolution": resolution, "form": form, "error": error, "warning": warning,
        "pdf_available": pdf_available(),
        "recent": recent_reports(resolution, access.report_units(request.user, resolution)),
    }, status=status)
