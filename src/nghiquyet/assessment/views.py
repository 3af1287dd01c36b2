from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from nghiquyet.accounts import access
from nghiquyet.assessment.selectors import assess_resolution, target_detail
from nghiquyet.assessment.serialize import forecast_note
from nghiquyet.figures.figure_sets import DEFAULT_FIGURE_SET, FigureSet, parse_figure_set
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.progress import ORDERED_STATUSES, Status
from nghiquyet.resolutions.models import Resolution
from nghiquyet.resolutions.terms import year_in_term


def _as_of(request: HttpRequest, resolution: Resolution) -> int:
    raw = request.GET.get("year", "")
    default = year_in_term(resolution.term_start, resolution.term_end, assessable=True)
    year = int(raw) if raw.isdigit() else default
    return min(max(year, resolution.term_start), resolution.term_end)


def _unit(request: HttpRequest, resolution: Resolution) -> OrgUnit:
    return access.get_assessed_unit(request.user, resolution, request.GET.get("unit"))


def _common(request: HttpRequest, resolution_id: int) -> dict[str, Any]:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    unit = _unit(request, resolution)
    as_of = _as_of(request, resolution)
    try:
        figures = parse_figure_set(request.GET.get("figures"))
    except ValueError:
        figures = DEFAULT_FIGURE_SET  # a hand-edited address falls back to the default
    # Outside the viewer's scope only approved figures count (accounts/access.py): the page
    # says so and offers no other choice.
    sets = list(FigureSet)
    if not access.sees_unapproved(request.user, unit):
        figures, sets = FigureSet.APPROVED, [FigureSet.APPROVED]
    return {"resolution": resolution, "unit": unit, "as_of": as_of, "figures": figures,
            "figure_sets": sets,
            "years": list(range(resolution.term_start, resolution.term_end + 1))}


@login_required
@require_GET
def dashboard(request: HttpRequest, resolution_id: int) -> HttpResponse:
    ctx = _common(request, resolution_id)
    ra = assess_resolution(ctx["resolution"], ctx["unit"], ctx["as_of"],
                           approved_only=ctx["figures"].approved_only, viewer=request.user)
    group_code = request.GET.get("group") or ""
    status = request.GET.get("status") or ""
    groups = [g for g in ra.groups if not group_code or (g.group and g.group.code == group_code)]
    rows = []
    for g in groups:
        indicators = [i for i in g.indicators if not status or i.status == status
                      or any(t.status == status for t in i.targets)]
        if indicators:
            rows.append((g, indicators))
    ctx.update({
        "ra": ra, "rows": rows, "group_code": group_code, "status": status,
        "statuses": [*reversed(ORDERED_STATUSES), Status.NO_DATA],
        "forecast_note": forecast_note(ra),
        "units": _viewable_units(request, ctx["resolution"]),
    })
    return render(request, "assessment/dashboard.html", ctx)


def _viewable_units(request: HttpRequest, resolution: Resolution) -> list[OrgUnit]:
    """The issuer and its direct sub-units the user may look at (for the unit picker)."""
    issuer = resolution.issuer
    units = list(OrgUnit.objects.filter(parent=issuer).order_by("type", "name"))
    return [issuer, *access.visible_units(request.user, units)]


SUB_UNITS_SHOWN = 10  # sub-units listed per target before "Xem cả"


@login_required
@require_GET
def indicator_detail(request: HttpRequest, resolution_id: int, number: int) -> HttpResponse:
    ctx = _common(request, resolution_id)
    ra = assess_resolution(ctx["resolution"], ctx["unit"], ctx["as_of"], viewer=request.user,
                           approved_only=ctx["figures"].approved_only, sub_units=True)
    indicator = next((i for i in ra.indicators if i.indicator.number == number), None)
    if indicator is None:
        raise Http404
    details = [target_detail(ra, t) for t in indicator.targets]
    charts = [_chart_data(ctx["years"], d) for d in details]
    # A commune has 30-70 villages: each target shows its worst few, the rest on request
    # (the page stays under 100 KB of HTML on a phone).
    shown = None if request.GET.get("units") == "all" else SUB_UNITS_SHOWN
    ctx.update({"ra": ra, "ai": indicator, "details": list(zip(details, charts, strict=True)),
                "charts": charts, "forecast_note": forecast_note(ra),
                "sub_units_shown": shown, "sub_units_slice": f":{shown}" if shown else ":"})
    return render(request, "assessment/indicator.html", ctx)


def _chart_data(years: list[int], detail: Any) -> dict[str, Any]:
    a = detail.assessed
    target = a.target

    def line(points: dict[int, float]) -> list[float | None]:
        return [None if points.get(y) is None else round(float(points[y]), 4) for y in years]

    actual = {y: float(v) for y, v in a.series.items()}
    if target.kind == "cumulative":
        # The term's running total, from the year after the baseline, as the target counts it.
        running, total = {}, 0.0
        for y in years[1:]:
            if y in actual:
                total += actual[y]
                running[y] = total
        actual = running
    goal = float(target.value)
    if target.kind in ("growth_rate", "annual_change"):
        goal_line: list[float | None] = [None] * len(years)  # a rate, not a level: no line
    elif target.each_year:
        goal_line = [goal] * len(years)
    else:
        goal_line = [goal if y == target.year else None for y in years]
    return {
        "labels": [str(y) for y in years],
        "actual": line(actual),
        "required": line(detail.required),
        "projection": line(detail.projection),
        "target": goal_line,
        "unit": target.series.unit if target.kind == "growth_rate" else target.unit,
    }
