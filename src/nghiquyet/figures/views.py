from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nghiquyet.accounts import access
from nghiquyet.figures import services
from nghiquyet.figures.forms import ReasonForm, ValueEntryForm
from nghiquyet.figures.models import DataValue, ValueStatus
from nghiquyet.figures.periods import PeriodCode, parse_period, term_periods
from nghiquyet.figures.selectors import (
    EntryRow,
    approval_items,
    approval_page,
    entry_grid,
    pending_approvals,
    pending_counts,
    recent_decisions,
    submittable_values,
)
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.reports.selectors import DEMO_NOTE
from nghiquyet.resolutions.models import DataSeries, Resolution
from nghiquyet.resolutions.terms import year_in_term


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _default_period(resolution: Resolution) -> PeriodCode:
    year = year_in_term(resolution.term_start, resolution.term_end)
    return PeriodCode(year, "Y", 0)


def _period_choices(resolution: Resolution) -> list[PeriodCode]:
    kinds = set(DataSeries.objects.filter(resolution=resolution).values_list("period_kind",
                                                                             flat=True))
    periods = term_periods(resolution.term_start, resolution.term_end, "Y")
    for kind in ("H", "Q"):
        if kind in kinds:
            periods += term_periods(resolution.term_start, resolution.term_end, kind)
    return sorted(periods)


def _entry_context(request: HttpRequest, resolution: Resolution) -> dict[str, Any]:
    units = list(access.entry_units(request.user).filter(path__startswith=resolution.issuer.path)
                 .order_by("path"))
    if not units:
        raise PermissionDenied
    code = request.GET.get("unit")
    unit = next((u for u in units if u.code == code), units[0])
    try:
        period = parse_period(request.GET["period"]) if request.GET.get("period") else \
            _default_period(resolution)
    except ValueError:
        period = _default_period(resolution)
    return {"resolution": resolution, "units": units, "unit": unit, "period": period,
            "periods": _period_choices(resolution)}


@login_required
@require_GET
def entry(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    ctx = _entry_context(request, resolution)
    ctx["rows"] = entry_grid(resolution, ctx["unit"], ctx["period"], request.user)
    # The demo banner from what the page shows: no extra query on the busiest page.
    ctx["illustrative"] = ctx["unit"].is_illustrative or any(
        r.value is not None and r.value.note == DEMO_NOTE for r in ctx["rows"])
    return render(request, "figures/entry.html", ctx)


def _row_response(request: HttpRequest, resolution: Resolution, unit: OrgUnit,
                  period: PeriodCode, series: DataSeries, **extra: Any) -> HttpResponse:
    rows = entry_grid(resolution, unit, period, request.user, series_ids=[series.pk])
    if not rows:
        raise PermissionDenied
    row: EntryRow = rows[0]
    for key, value in extra.items():
        setattr(row, key, value)
    return render(request, "figures/_entry_row.html",
                  {"row": row, "unit": unit, "period": period, "resolution": resolution,
                   "flash": extra.get("flash")})


@login_required
@require_POST
def entry_cell(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    form = ValueEntryForm(request.POST, request.FILES)
    if not form.is_valid() and not {"series", "unit", "period", "version"} <= set(form.cleaned_data):
        return HttpResponse(_("Yêu cầu không hợp lệ."), status=400,
                            content_type="text/plain; charset=utf-8")
    data = form.cleaned_data
    series = DataSeries.objects.filter(resolution=resolution, pk=data["series"]).select_related(
        "resolution").first()
    unit = OrgUnit.objects.filter(code=data["unit"]).first()
    if series is None or unit is None:
        raise Http404
    try:
        period = parse_period(data["period"])
    except ValueError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    if not access.can_enter_value(request.user, series, unit):
        raise PermissionDenied
    if form.errors:
        errors = {f: " ".join(str(e) for e in errs) for f, errs in form.errors.items()}
        return _row_response(request, resolution, unit, period, series, errors=errors,
                             flash="error")
    try:
        result = services.value_save(
            actor=request.user, series=series, orgunit=unit, period=period,
            value=data.get("value"), numerator=data.get("numerator"),
            denominator=data.get("denominator"), is_estimate=data.get("is_estimate", False),
            note=data.get("note", ""), evidence=data.get("evidence"),
            expected_version=data["version"],
        )
    except services.InvalidValue as exc:
        return _row_response(request, resolution, unit, period, series,
                             errors={i.field: i.message for i in exc.issues}, flash="error")
    except services.ConflictError as exc:
        return _row_response(request, resolution, unit, period, series,
                             errors={"__all__": str(exc)}, flash="conflict")
    except services.WorkflowError as exc:
        return _row_response(request, resolution, unit, period, series,
                             errors={"__all__": str(exc)}, flash="error")
    if not _is_htmx(request):
        return redirect(_entry_url(resolution, unit, period))
    return _row_response(request, resolution, unit, period, series,
                         warnings=result.warnings, flash="saved")


def _entry_url(resolution: Resolution, unit: OrgUnit, period: PeriodCode) -> str:
    return (reverse("figures:entry", args=[resolution.pk])
            + f"?unit={unit.code}&period={period.code}")


def _value_action(request: HttpRequest, value_id: int) -> tuple[Any, int | None]:
    value = access.get_value_for_viewer(request.user, value_id)
    raw = request.POST.get("version")
    return value, int(raw) if raw and raw.isdigit() else None


@login_required
@require_POST
def value_submit(request: HttpRequest, value_id: int) -> HttpResponse:
    value, version = _value_action(request, value_id)
    resolution = value.series.resolution
    period = parse_period(value.period)
    try:
        services.value_submit(actor=request.user, value=value, expected_version=version)
    except (services.ConflictError, services.WorkflowError) as exc:
        return _row_response(request, resolution, value.orgunit, period, value.series,
                             errors={"__all__": str(exc)}, flash="error")
    if not _is_htmx(request):
        return redirect(_entry_url(resolution, value.orgunit, period))
    return _row_response(request, resolution, value.orgunit, period, value.series,
                         flash="submitted")


@login_required
@require_POST
def value_clear(request: HttpRequest, value_id: int) -> HttpResponse:
    """Clear a figure entered for the unit: its sub-units' roll-up stands again."""
    value, version = _value_action(request, value_id)
    resolution, unit, series = value.series.resolution, value.orgunit, value.series
    period = parse_period(value.period)
    try:
        services.value_clear(actor=request.user, value=value, expected_version=version,
                             reason=request.POST.get("reason", "")[:500])
    except (services.ConflictError, services.WorkflowError) as exc:
        return _row_response(request, resolution, unit, period, series,
                             errors={"__all__": str(exc)}, flash="error")
    if not _is_htmx(request):
        return redirect(_entry_url(resolution, unit, period))
    return _row_response(request, resolution, unit, period, series, flash="cleared")


def _submit_scope(request: HttpRequest, resolution: Resolution
                  ) -> tuple[OrgUnit | None, PeriodCode | None]:
    """The unit and period a bulk submit covers; neither means "everything I may submit"."""
    data = request.POST if request.method == "POST" else request.GET
    unit = None
    if data.get("unit"):
        unit = access.entry_units(request.user).filter(
            code=data["unit"], path__startswith=resolution.issuer.path).first()
        if unit is None:
            raise PermissionDenied
    try:
        period = parse_period(data["period"]) if data.get("period") else None
    except ValueError as exc:
        raise Http404 from exc
    return unit, period


@login_required
@require_http_methods(["GET", "POST"])
def submit_all(request: HttpRequest, resolution_id: int) -> HttpResponse:
    """"Gửi duyệt tất cả": a summary of what goes, then one tap sends it all."""
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    if not access.can_enter_in(request.user, resolution):
        raise PermissionDenied
    unit, period = _submit_scope(request, resolution)
    values = submittable_values(request.user, resolution, unit=unit, period=period)
    if request.method == "POST":
        seen = {int(x) for x in request.POST.getlist("value") if x.isdigit()}
        chosen = [v for v in values if v.pk in seen]
        try:
            services.values_submit_all(actor=request.user, values=chosen)
        except (services.ConflictError, services.WorkflowError) as exc:
            messages.error(request, _("Chưa gửi số liệu nào: %(why)s") % {"why": exc})
        else:
            messages.success(request, _("Đã gửi duyệt %(n)d số liệu%(where)s.") % {
                "n": len(chosen), "where": _scope_words(unit, period)})
        if unit is not None and period is not None:
            return redirect(_entry_url(resolution, unit, period))
        return redirect("figures:submit_all", resolution_id=resolution.pk)
    groups: dict[tuple[OrgUnit, str], list[Any]] = {}
    for v in values:
        groups.setdefault((v.orgunit, parse_period(v.period).label), []).append(v)
    return render(request, "figures/submit_all.html", {
        "resolution": resolution, "unit": unit, "period": period, "values": values,
        "groups": [(u, p, items) for (u, p), items in groups.items()],
        "scope": _scope_words(unit, period)})


def _scope_words(unit: OrgUnit | None, period: PeriodCode | None) -> str:
    parts = [x for x in (unit.name if unit else "", period.label.lower() if period else "") if x]
    return (" " + _("của %(what)s") % {"what": ", ".join(parts)}) if parts else ""


@login_required
@require_GET
def value_evidence(request: HttpRequest, value_id: int) -> FileResponse:
    """A figure's evidence file, to those who may see the figure's unit; never a media URL."""
    value = access.get_value_for_viewer(request.user, value_id)
    if not value.evidence:
        raise Http404
    name = value.evidence.name.rsplit("/", 1)[-1]
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    inline = suffix in INLINE_EVIDENCE
    try:
        handle = value.evidence.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=not inline, filename=name,
                            content_type=INLINE_EVIDENCE.get(suffix))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response


INLINE_EVIDENCE = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
                   "pdf": "application/pdf"}


@login_required
@require_GET
def approvals(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    if not access.can_approve_in(request.user, resolution):
        raise PermissionDenied
    raw = request.GET.get("page", "")
    page = approval_page(request.user, resolution, int(raw) if raw.isdigit() else 1)
    groups: dict[OrgUnit, list[Any]] = {}
    for item in page.items:
        groups.setdefault(item.value.orgunit, []).append(item)
    return render(request, "figures/approvals.html", {
        "resolution": resolution, "page": page,
        "recent": recent_decisions(request.user, resolution),
        "groups": [(u, items, page.unit_totals.get(u.pk, len(items)))
                   for u, items in groups.items()]})


@login_required
@require_POST
def approve_unit(request: HttpRequest, resolution_id: int) -> HttpResponse:
    """Approve every figure a unit has submitted (those the leader may approve)."""
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    if not access.can_approve_in(request.user, resolution):
        raise PermissionDenied
    code = request.POST.get("unit", "")
    values = [v for v in pending_approvals(request.user, resolution) if v.orgunit.code == code]
    n = services.values_approve_all(actor=request.user, values=values)
    messages.success(request, _("Đã duyệt %(n)d số liệu của %(unit)s.")
                     % {"n": n, "unit": values[0].orgunit.name if values else code})
    return redirect("figures:approvals", resolution_id=resolution.pk)


_DECISIONS = ("approve", "return", "reopen")


def _decided_message(decision: str, value: Any) -> str:
    words = {"approve": _("Đã duyệt: %(v)s."), "return": _("Đã trả lại: %(v)s."),
             "reopen": _("Đã mở lại số liệu để sửa: %(v)s.")}[decision]
    return words % {"v": value.in_words()}


@login_required
@require_POST
def value_decide(request: HttpRequest, value_id: int, decision: str) -> HttpResponse:
    """Approve, return or reopen. From the approvals page htmx posts it and gets the
    figure's card back in its new state; a plain form post comes back to the page."""
    if decision not in _DECISIONS:
        raise Http404
    value, version = _value_action(request, value_id)
    back = _back_to(request, value)
    try:
        if decision == "approve":
            services.value_approve(actor=request.user, value=value, expected_version=version)
        elif decision == "return":
            services.value_return(actor=request.user, value=value, expected_version=version,
                                  comment=request.POST.get("comment", ""))
        else:
            services.value_reopen(actor=request.user, value=value, expected_version=version,
                                  reason=request.POST.get("reason", ""))
    except (services.ConflictError, services.WorkflowError) as exc:
        if _is_htmx(request):
            return _approval_card(request, value, back, error=str(exc))
        messages.error(request, f"{value.in_words()}: {exc}")
        return redirect(back)
    if _is_htmx(request):
        return _approval_card(request, value, back, decided=decision)
    messages.success(request, _decided_message(decision, value))
    return redirect(back)


def _back_to(request: HttpRequest, value: Any) -> str:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = reverse("figures:approvals", args=[value.series.resolution_id])
    return target


def _approval_card(request: HttpRequest, value: Any, back: str, *, decided: str = "",
                   error: str = "") -> HttpResponse:
    """The figure's card on the approvals page, as it stands now: decided (one line, with
    its history and a way to reopen it), or, after a conflict, waiting again with the new
    version and the message, when it still waits for this user's decision."""
    current = (DataValue.objects.select_related("series", "series__resolution", "orgunit",
                                                "submitted_by").get(pk=value.pk))
    context: dict[str, Any] = {"value": current, "back": back, "error": error,
                               "decided": decided}
    if error and current.status == ValueStatus.SUBMITTED and access.can_approve_value(
            request.user, current):
        context["item"] = approval_items(current.series.resolution, [current])[0]
    context["can_reopen"] = current.is_locked and access.can_approve_value(request.user, current)
    if decided:
        total, per_unit = pending_counts(request.user, current.series.resolution)
        context["counts"] = {"total": total, "unit_total": per_unit.get(current.orgunit_id, 0)}
    return render(request, "figures/_approval_card.html", context)


@login_required
@require_GET
def value_history(request: HttpRequest, value_id: int) -> HttpResponse:
    value = access.get_value_for_viewer(request.user, value_id)
    events = services.value_history(value)
    can_restore = not value.is_locked and access.can_restore_value(request.user, value)
    return render(request, "figures/history.html", {
        "value": value, "events": events,
        "period_label": _period_label(value.period),
        "crumb": _history_crumb(request, value),
        "targets": list(value.series.targets.select_related("indicator")),
        "can_restore": can_restore,
        "restorable": _restorable(value, events) if can_restore else set(),
        "restorer_may_not_approve": can_restore and _restorer_may_not_approve(request, value),
        "can_reopen": value.is_locked and access.can_approve_value(request.user, value),
        "reason_form": ReasonForm(),
    })


_RESTORED = ("value", "numerator", "denominator", "is_estimate", "note")


def _restorable(value: Any, events: list[Any]) -> set[int]:
    """The events offered for a restore: the newest one of each earlier value (submitting,
    approving and reopening repeat a value; restoring the current one would change
    nothing). ``events`` are newest first."""
    now = value.snapshot()
    seen = {tuple(now[k] for k in _RESTORED)}
    chosen: set[int] = set()
    for e in events:
        key = tuple(e.new.get(k) for k in _RESTORED) if e.new else None
        if key is not None and key not in seen:
            seen.add(key)
            chosen.add(e.pk)
    return chosen


def _restorer_may_not_approve(request: HttpRequest, value: Any) -> bool:
    """A leader who restored the current value (they may restore it but not enter it) and,
    by the four-eyes rule, may not approve it."""
    return (not access.can_enter_value(request.user, value.series, value.orgunit)
            and not access.can_approve_value(request.user, value))


def _history_crumb(request: HttpRequest, value: Any) -> tuple[str, str]:
    """The page a figure's history belongs to, among those the user may open (a leader
    cannot open the entry page, a supervisor neither entry nor approvals)."""
    resolution = value.series.resolution
    if access.can_enter_value(request.user, value.series, value.orgunit):
        return _("Nhập số liệu"), _entry_url(resolution, value.orgunit, parse_period(value.period))
    if access.can_approve_in(request.user, resolution):
        return _("Duyệt số liệu"), reverse("figures:approvals", args=[resolution.pk])
    return _("Tiến độ"), (reverse("assessment:dashboard", args=[resolution.pk])
                          + f"?unit={value.orgunit.code}&year={value.year}")


def _period_label(code: str) -> str:
    try:
        return parse_period(code).label
    except ValueError:
        return code


@login_required
@require_POST
def value_restore(request: HttpRequest, value_id: int, event_id: int) -> HttpResponse:
    value, version = _value_action(request, value_id)
    try:
        result = services.value_restore(actor=request.user, value=value, event_id=event_id,
                                        expected_version=version,
                                        reason=request.POST.get("reason", ""))
    except (services.ConflictError, services.WorkflowError, services.InvalidValue) as exc:
        messages.error(request, str(exc))
        return redirect("figures:value_history", value_id=value.pk)
    if not result.changed:
        messages.info(request, _("Giá trị này đang là giá trị hiện tại: không có gì thay đổi."))
    elif access.can_enter_value(request.user, value.series, value.orgunit):
        messages.success(request, _("Đã khôi phục phiên bản cũ: %(v)s. Số liệu trở về bản "
                                    "nháp, cần gửi duyệt lại.") % {"v": value.in_words()})
    else:
        messages.success(request, _(
            "Đã khôi phục phiên bản cũ: %(v)s. Số liệu trở về bản nháp: đơn vị gửi duyệt lại, "
            "rồi một lãnh đạo khác duyệt (bạn đã khôi phục nên không tự duyệt được).")
            % {"v": value.in_words()})
    return redirect("figures:value_history", value_id=value.pk)


@login_required
@require_GET
def exchange(request: HttpRequest, resolution_id: int) -> HttpResponse:
    """Excel/CSV: download a template for a unit and period; upload it back."""
    from nghiquyet.figures.exchange import template_rows
    from nghiquyet.figures.interchange import write_csv, write_xlsx

    resolution = access.get_resolution_for_user(request.user, resolution_id)
    ctx = _entry_context(request, resolution)
    if request.GET.get("download"):
        unit, period = ctx["unit"], ctx["period"]
        rows = template_rows(resolution, unit, period, request.user,
                             include_subunits=bool(request.GET.get("subunits")))
        name = f"so-lieu-{unit.code}-{period.code}"
        if request.GET.get("format") == "csv":
            response = HttpResponse(write_csv(rows), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
            return response
        meta = {"resolution": str(resolution.pk), "orgunit": unit.code, "period": period.code}
        response = HttpResponse(write_xlsx(rows, meta, resolution.title), content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    return render(request, "figures/exchange.html", ctx)


@login_required
@require_POST
def exchange_upload(request: HttpRequest,
                    resolution_id: int) -> HttpResponse | StreamingHttpResponse:
    from django.conf import settings

    from nghiquyet.figures.exchange import ImportRefused, values_import
    from nghiquyet.figures.interchange import FileRefused, read_values_file

    resolution = access.get_resolution_for_user(request.user, resolution_id)
    ctx = _entry_context(request, resolution)
    upload = request.FILES.get("file")
    status = 400
    if upload is None:
        ctx["errors"] = [_("Chưa chọn tệp.")]
    elif upload.size and upload.size > settings.NGHIQUYET_MAX_UPLOAD_BYTES:
        ctx["errors"] = [_("Tệp %(file)s lớn quá giới hạn %(mb)d MB.") % {
            "file": upload.name, "mb": settings.NGHIQUYET_MAX_UPLOAD_BYTES // (1024 * 1024)}]
    elif request.headers.get("X-Progress-Stream") == "1":
        return _streamed_import(request, resolution, ctx, upload)
    else:
        try:
            read = read_values_file(upload.name or "", upload.read(),
                                    settings.NGHIQUYET_MAX_UPLOAD_BYTES)
            report = values_import(actor=request.user, resolution=resolution, read=read)
        except FileRefused as exc:
            ctx["errors"] = [str(exc)]
        except ImportRefused as exc:
            ctx["errors"] = [str(e) for e in exc.errors]
            ctx["refused_file"] = upload.name
        else:
            ctx["report"] = report
            status = 200
    return render(request, "figures/exchange.html", ctx, status=status)


def _streamed_import(request: HttpRequest, resolution: Resolution, ctx: dict[str, Any],
                     upload: Any) -> StreamingHttpResponse:
    """The upload page's script asks for this: progress lines ("P done total"), then
    "DONE" and the result page. The import is one transaction, run to its end here."""
    from django.conf import settings
    from django.template.loader import render_to_string

    from nghiquyet.figures.exchange import ImportRefused, values_import_steps
    from nghiquyet.figures.interchange import FileRefused, read_values_file

    data, name = upload.read(), upload.name or ""

    def body() -> Any:
        try:
            read = read_values_file(name, data, settings.NGHIQUYET_MAX_UPLOAD_BYTES)
            steps = values_import_steps(actor=request.user, resolution=resolution, read=read)
            while True:
                try:
                    done, total = next(steps)
                except StopIteration as finished:
                    ctx["report"] = finished.value
                    break
                if done == total or done % 10 == 0:
                    yield f"P {done} {total}\n"
        except FileRefused as exc:
            ctx["errors"] = [str(exc)]
        except ImportRefused as exc:
            ctx["errors"] = [str(e) for e in exc.errors]
            ctx["refused_file"] = name
        yield "DONE\n"
        yield render_to_string("figures/exchange.html", ctx, request=request)

    return StreamingHttpResponse(body(), content_type="text/plain; charset=utf-8")
