"""Web pages of the action programme. Thin: access helper, form, service, redirect."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nghiquyet.accounts import access
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.programmes import importing, selectors, services, tables
from nghiquyet.programmes.forms import (
    ImportUploadForm,
    ItemForm,
    ProgrammeForm,
    ProgressForm,
    ReasonForm,
)
from nghiquyet.programmes.models import Evidence, ProgrammeDraft
from nghiquyet.resolutions.models import Breakthrough, Indicator, MainTask


def _int(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() else None


@login_required
@require_http_methods(["GET", "POST"])
def programme_list(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    can_manage = access.can_manage_programme(request.user, resolution)
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            programme = services.programme_create(actor=request.user, resolution=resolution,
                                                  **form.cleaned_data)
            return redirect("programmes:detail", programme_id=programme.pk)
    return render(request, "programmes/list.html", {
        "resolution": resolution, "programmes": selectors.programmes_of(request.user, resolution),
        "form": form, "can_manage": can_manage,
    }, status=400 if request.method == "POST" else 200)


@login_required
@require_GET
def programme_detail(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = access.get_programme_for_user(request.user, programme_id)
    filters = selectors.ItemFilters(unit=_int(request.GET.get("unit")),
                                    status=request.GET.get("status", ""),
                                    anchor=request.GET.get("anchor", ""))
    today = timezone.localdate()
    page = selectors.programme_page(request.user, programme, filters, today)
    return render(request, "programmes/detail.html", {
        "page": page, "programme": programme, "resolution": programme.resolution,
        "statuses": selectors.STATUS_FILTERS,
    })


@login_required
@require_GET
def programme_timeline(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = access.get_programme_for_user(request.user, programme_id)
    today = timezone.localdate()
    return render(request, "programmes/timeline.html", {
        "programme": programme, "resolution": programme.resolution, "today": today,
        "columns": selectors.timeline(programme, today),
    })


@login_required
@require_GET
def programme_progress(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = access.get_programme_for_user(request.user, programme_id)
    today = timezone.localdate()
    return render(request, "programmes/progress.html", {
        "programme": programme, "resolution": programme.resolution,
        "tallies": selectors.progress_by_anchor([programme], programme.resolution, today),
    })


@login_required
@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = access.get_programme_for_user(request.user, programme_id)
    if not access.can_manage_programme(request.user, programme.resolution):
        raise PermissionDenied
    form = ItemForm(programme.resolution, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.item_create(actor=request.user, programme=programme,
                                        spec=_spec(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã thêm nhiệm vụ."))
            return redirect("programmes:item", item_id=item.pk)
    return render(request, "programmes/item_form.html", {
        "form": form, "programme": programme, "resolution": programme.resolution,
    }, status=400 if request.method == "POST" else 200)


def _spec(form: ItemForm) -> services.ItemSpec:
    data = form.cleaned_data
    when = data["when_text"]
    anchor: dict[str, Any] = {}
    kind, number = (data["anchor"] or " ")[:1], (data["anchor"] or "")[1:]
    if number.isdigit():
        model: Any = {"b": Breakthrough, "t": MainTask}[kind]
        found = model.objects.filter(resolution=form.resolution, number=int(number)).first()
        anchor = {"breakthrough" if kind == "b" else "main_task": found}
    return services.ItemSpec(
        responsible=data["responsible"], milestones=data["milestones"],
        content=data["content"], number=data["number"], lead_unit=data["lead_unit"],
        coordinating_units=list(data["coordinating_units"]),
        coordinating_text=data["coordinating_text"], due_date=when.due, start_date=when.start,
        recurrence=when.recurrence, recurrence_quarter=when.quarter,
        due_text=form.data.get("when_text", ""), product=data["product"], **anchor)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, item_id: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, item_id)
    resolution = item.programme.resolution
    if not access.can_manage_programme(request.user, resolution):
        raise PermissionDenied
    form = ItemForm(resolution, request.POST or None, initial=_initial(item))
    if request.method == "POST" and form.is_valid():
        spec = _spec(form)
        changes = {name: getattr(spec, name) for name in (
            "content", "number", "lead_unit", "responsible", "start_date", "due_date", "due_text",
            "recurrence", "recurrence_quarter", "product", "coordinating_text")}
        if form.data.get("when_text", "").strip() == form.initial["when_text"]:
            # Unchanged wording keeps the dates: a yearly task may have moved a year on.
            for name in ("start_date", "due_date", "due_text", "recurrence", "recurrence_quarter"):
                changes.pop(name)
        changes |= {"breakthrough": spec.breakthrough, "main_task": spec.main_task,
                    "indicator": spec.indicator if form.cleaned_data["anchor"] else item.indicator}
        try:
            services.item_edit(actor=request.user, item=item, changes=changes,
                               coordinating_units=list(spec.coordinating_units),
                               milestones=list(spec.milestones))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã lưu nhiệm vụ."))
            return redirect("programmes:item", item_id=item.pk)
    return render(request, "programmes/item_form.html", {
        "form": form, "programme": item.programme, "resolution": resolution, "item": item,
    }, status=400 if request.method == "POST" else 200)


def _initial(item: Any) -> dict[str, Any]:
    from nghiquyet.programmes.templatetags.programmes import when_text

    anchor = (f"b{item.breakthrough.number}" if item.breakthrough else
              f"t{item.main_task.number}" if item.main_task else "")
    return {"number": item.number, "content": item.content, "anchor": anchor,
            "lead_unit": item.lead_unit_id, "responsible": item.responsible_id,
            "coordinating_units": list(item.coordinating_units.all()),
            "coordinating_text": item.coordinating_text, "when_text": when_text(item),
            "product": item.product,
            "milestones": "\n".join(f"{m.due_date:%d/%m/%Y}: {m.title}"
                                    for m in item.milestones.all())}


@login_required
@require_POST
def milestone_reach(request: HttpRequest, item_id: int, milestone_id: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, item_id)
    milestone = item.milestones.filter(pk=milestone_id).first()
    if milestone is None:
        raise Http404
    services.milestone_reach(actor=request.user, milestone=milestone, on=timezone.localdate())
    messages.success(request, _("Đã ghi nhận đạt mốc “%(m)s”.") % {"m": milestone.title})
    return redirect("programmes:item", item_id=item.pk)


@login_required
@require_GET
def item_detail(request: HttpRequest, item_id: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, item_id)
    return _render_item(request, item, ProgressForm())


def _render_item(request: HttpRequest, item: Any, form: ProgressForm,
                 status: int = 200) -> HttpResponse:
    today = timezone.localdate()
    user = request.user
    return render(request, "programmes/item.html", {
        "item": item, "programme": item.programme, "resolution": item.programme.resolution,
        "form": form, "reason_form": ReasonForm(), "today": today,
        "shown_status": item.shown_status(today),
        "can_update": access.can_update_item(user, item) and item.status in ("not_started",
                                                                             "in_progress"),
        "can_confirm": item.is_proposed and access.can_confirm_item(user, item),
        "can_manage": access.can_manage_programme(user, item.programme.resolution),
        **selectors.item_page(item),
    }, status=status)


@login_required
@require_POST
def item_update(request: HttpRequest, item_id: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, item_id)
    if not access.can_update_item(request.user, item):
        raise PermissionDenied
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            services.progress_post(actor=request.user, item=item,
                                   files=request.FILES.getlist("evidence"), **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã cập nhật tiến độ."))
            return redirect("programmes:item", item_id=item.pk)
    return _render_item(request, item, form, status=400)


def _act(request: HttpRequest, item_id: int, action: str) -> HttpResponse:
    item = access.get_item_for_user(request.user, item_id)
    reason = request.POST.get("reason", "")
    done = {
        "propose": (lambda: services.completion_propose(actor=request.user, item=item,
                                                        note=reason),
                    _("Đã đề nghị xác nhận hoàn thành.")),
        "confirm": (lambda: services.completion_confirm(actor=request.user, item=item),
                    _("Đã xác nhận hoàn thành.")),
        "reject": (lambda: services.completion_reject(actor=request.user, item=item,
                                                      reason=reason),
                   _("Đã trả lại đề nghị hoàn thành.")),
        "stop": (lambda: services.item_stop(actor=request.user, item=item, reason=reason),
                 _("Đã dừng nhiệm vụ.")),
    }[action]
    try:
        done[0]()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done[1])
    return redirect("programmes:item", item_id=item.pk)


@login_required
@require_POST
def item_action(request: HttpRequest, item_id: int, action: str) -> HttpResponse:
    if action not in ("propose", "confirm", "reject", "stop"):
        raise Http404
    return _act(request, item_id, action)


@login_required
@require_GET
def evidence_file(request: HttpRequest, evidence_id: int) -> FileResponse:
    evidence = Evidence.objects.select_related("update__item").filter(pk=evidence_id).first()
    if evidence is None:
        raise Http404
    access.get_item_for_user(request.user, evidence.update.item_id)
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.name)


@login_required
@require_GET
def my_tasks(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(request, "programmes/my_tasks.html", {
        "today": today, **selectors.my_tasks(request.user, today)})


@login_required
@require_GET
def overdue(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(request, "programmes/overdue.html", {
        "today": today, "items": selectors.overdue_items(request.user, today)})


@login_required
@require_http_methods(["GET", "POST"])
def notifications(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        ids = [int(i) for i in request.POST.getlist("id") if i.isdigit()] or None
        services.notifications_mark_read(actor=request.user, ids=ids)
        return redirect("programmes:notifications")
    return render(request, "programmes/notifications.html", {
        "notifications": selectors.notifications_of(request.user)})


@login_required
@require_GET
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Follow a notification's link, marking it read on the way."""
    note = request.user.notifications.filter(pk=notification_id).first()  # type: ignore[union-attr]  # login_required: never anonymous
    if note is None:
        raise Http404
    if note.read_at is None:
        services.notifications_mark_read(actor=request.user, ids=[note.pk])
    return redirect(note.url or "programmes:notifications")


# --- import ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    if not access.can_manage_programme(request.user, resolution):
        raise PermissionDenied
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        from django.conf import settings

        try:
            table = tables.read_table(upload.read(), upload.name,
                                      max_bytes=settings.NGHIQUYET_MAX_UPLOAD_BYTES)
        except tables.TableError as exc:
            for error in exc.errors:
                form.add_error("file", error)
        else:
            data = importing.draft_data(table, resolution, timezone.localdate())
            draft = services.draft_create(actor=request.user, resolution=resolution,
                                          filename=upload.name, data=data)
            return redirect("programmes:import_review", draft_id=draft.pk)
    drafts = ProgrammeDraft.objects.filter(created_by_id=request.user.pk, resolution=resolution)
    return render(request, "programmes/import_upload.html", {
        "form": form, "resolution": resolution, "drafts": list(drafts[:20]),
    }, status=400 if request.method == "POST" else 200)


def _get_draft(request: HttpRequest, draft_id: int) -> ProgrammeDraft:
    draft = (ProgrammeDraft.objects.select_related("resolution", "resolution__issuer")
             .filter(pk=draft_id, created_by_id=request.user.pk).first())
    if draft is None:
        raise Http404
    if not access.can_manage_programme(request.user, draft.resolution):
        raise PermissionDenied
    return draft


@login_required
@require_http_methods(["GET", "POST"])
def import_review(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = _get_draft(request, draft_id)
    resolution = draft.resolution
    errors: list[str] = []
    if request.method == "POST":
        data = _apply_review(request.POST, draft.data, resolution)
        services.draft_update(actor=request.user, draft=draft, data=data)
        if request.POST.get("action") == "save":
            specs, errors = importing.specs_from_draft(data, resolution, draft.filename)
            if not errors:
                try:
                    programme = services.programme_import(
                        actor=request.user, resolution=resolution, title=data["title"],
                        number=data["number"], issued_on=_date(data["issued_on"]),
                        specs=specs, draft=draft)
                except ValidationError as exc:
                    errors = exc.messages
                else:
                    messages.success(request, _("Đã lưu chương trình với %(n)d nhiệm vụ.")
                                     % {"n": len(specs)})
                    return redirect("programmes:detail", programme_id=programme.pk)
        else:
            messages.success(request, _("Đã lưu bản nháp."))
            return redirect("programmes:import_review", draft_id=draft.pk)
    units = importing.candidate_units(resolution)
    data = {**draft.data, "needs_review": sum(
        1 for i in draft.data["items"] if not i.get("lead_unit") or "error" in i["when"])}
    return render(request, "programmes/import_review.html", {
        "draft": draft, "data": data, "resolution": resolution, "units": units,
        "anchors": selectors.anchor_choices(resolution) + [
            (f"i{ind.number}", _("Chỉ tiêu (%(n)d)") % {"n": ind.number})
            for ind in Indicator.objects.filter(resolution=resolution).order_by("number")],
        "errors": errors,
    }, status=400 if errors else 200)


def _date(raw: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(raw) if raw else None


def _apply_review(post: Any, data: dict[str, Any], resolution: Any) -> dict[str, Any]:
    """The reviewer's choices written into the draft: header, units, dates, anchors."""
    out = {**data, "items": [dict(i) for i in data["items"]]}
    for field in ("title", "number"):
        if post.get(field, "").strip():
            out[field] = post[field].strip()[:1000]
    if "issued_on" in post:
        raw = post["issued_on"].strip()
        out["issued_on"] = raw if _valid_iso(raw) else ""
    for index, item in enumerate(out["items"]):
        lead = post.get(f"lead_{index}")
        if lead is not None:
            item["lead_unit"] = int(lead) if lead.isdigit() else None
        when_text = post.get(f"when_{index}")
        if when_text is not None and when_text.strip() != item["when_text"]:
            item["when_text"] = when_text.strip()[:200]
            importing.reparse_when(item, resolution, data.get("first_year", resolution.term_start))
        anchor = post.get(f"anchor_{index}")
        if anchor is not None:
            item["anchor"] = anchor[:5]
    return out


def _valid_iso(raw: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(raw)
    except ValueError:
        return False
    return True


@login_required
@require_POST
def import_discard(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = _get_draft(request, draft_id)
    resolution_id = draft.resolution_id
    services.draft_delete(actor=request.user, draft=draft)
    messages.success(request, _("Đã hủy bản nháp."))
    return redirect("programmes:list", resolution_id=resolution_id)
