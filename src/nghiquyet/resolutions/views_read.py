"""Web: upload a resolution's text, review what was read, save it as a resolution."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nghiquyet.accounts import access
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.registry import RegistryError, validate_registry
from nghiquyet.resolutions import import_drafts
from nghiquyet.resolutions.forms_read import (
    ReadUploadForm,
    ReparseForm,
    ReviewForm,
    review_layout,
)
from nghiquyet.resolutions.models import ImportDraft
from nghiquyet.resolutions.services import DuplicateResolution
from nghiquyet.textimport import ReadError


def _require_importer(request: HttpRequest) -> None:
    if not access.can_import_any(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def read_upload(request: HttpRequest) -> HttpResponse:
    _require_importer(request)
    form = ReadUploadForm(request.user, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        draft = import_drafts.draft_create(
            actor=request.user, filename=upload.name, source=upload.read(),
            text=form.cleaned_data["text"], issuer=form.cleaned_data["orgunit"],
            term=form.cleaned_data.get("term"),
        )
        if import_drafts.draft_duplicates(draft):  # the same resolution read before
            return redirect("resolutions:read_duplicate", draft_id=draft.pk)
        return redirect("resolutions:read_review", draft_id=draft.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "resolutions/read_upload.html", {
        "form": form, "drafts": import_drafts.drafts_of(request.user)[:20],
    }, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def read_review(request: HttpRequest, draft_id: int) -> HttpResponse:
    _require_importer(request)
    draft = import_drafts.get_draft_for_user(request.user, draft_id)
    if request.method == "GET":
        return _render_review(request, draft, _checked_form(draft))
    if request.POST.get("action") == "reparse":
        return _reparse(request, draft)
    form = ReviewForm(request.POST, shape=draft.registry)
    if not form.is_valid():
        return _render_review(request, draft, form, status=400, not_stored=True)
    saving = form.cleaned_data["action"] == "save"
    if saving and not access.can_import_resolution(request.user, draft.issuer):
        raise PermissionDenied
    edit = form.edit()
    shown = _cut_labels(draft.warnings)  # what the page the reviewer saw already pointed out
    try:
        import_drafts.draft_update(draft=draft, actor=request.user, registry=form.to_registry(),
                                   version=form.cleaned_data["version"], edit=edit)
    except import_drafts.StaleDraft:
        messages.error(request, _("Bản nháp đã được sửa ở một cửa sổ khác; các thay đổi vừa "
                                  "gửi chưa được lưu. Hãy xem lại và sửa tiếp."))
        return redirect("resolutions:read_review", draft_id=draft.pk)
    if saving and _cut_labels(draft.warnings) - shown:
        # A label typed cut mid-phrase is never saved before the reviewer has seen the warning.
        messages.warning(request, _("Có tên chỉ tiêu bị cắt giữa chừng hoặc còn ngoặc chưa đóng "
                                    "(tô vàng bên dưới). Hãy sửa, hoặc bấm “Lưu nghị quyết” lần "
                                    "nữa nếu tên đó đúng."))
        return redirect(reverse("resolutions:read_review", args=[draft.pk]) + "#warnings")
    if saving:
        return _save(request, draft)
    if edit is None:
        messages.success(request, _("Đã lưu bản nháp."))
    url = reverse("resolutions:read_review", args=[draft.pk])
    return redirect(f"{url}#{_anchor(edit, draft)}" if edit else url)


def _cut_labels(warnings: list[dict[str, Any]]) -> set[tuple[Any, Any]]:
    return {(w.get("indicator"), w.get("excerpt")) for w in warnings
            if w.get("code") == "label_incomplete"}


def _reparse(request: HttpRequest, draft: ImportDraft) -> HttpResponse:
    """Read the file again with the list where the reviewer marked it."""
    reparse = ReparseForm(request.POST)
    if not reparse.is_valid():
        return _render_review(request, draft, _checked_form(draft), status=400, reparse=reparse)
    try:
        import_drafts.draft_reparse(
            draft=draft, actor=request.user, first=reparse.cleaned_data["first"],
            last=reparse.cleaned_data["last"], version=reparse.cleaned_data["version"],
        )
    except import_drafts.StaleDraft:
        messages.error(request, _("Bản nháp đã được sửa ở một cửa sổ khác; chưa đọc lại. "
                                  "Hãy xem lại rồi chọn lại đoạn đầu và đoạn cuối."))
    except ReadError as exc:
        messages.error(request, exc.message)
    else:
        found = len(draft.registry.get("indicators") or [])
        messages.success(request, _("Đã đọc lại danh sách chỉ tiêu theo đoạn đã chọn: "
                                    "%(n)d chỉ tiêu.") % {"n": found})
    return redirect("resolutions:read_review", draft_id=draft.pk)


def _save(request: HttpRequest, draft: ImportDraft) -> HttpResponse:
    try:
        resolution = import_drafts.draft_import(draft=draft, actor=request.user)
    except DuplicateResolution:
        return redirect("resolutions:read_duplicate", draft_id=draft.pk)
    except RegistryError as exc:
        form = ReviewForm.for_registry(draft.registry, draft.version)
        form.attach_registry_errors(exc.errors)
        return _render_review(request, draft, form, status=400, refused=len(exc.errors))
    messages.success(request, _("Đã lưu nghị quyết “%(title)s”.") % {"title": resolution.title})
    return redirect(reverse("resolution_detail", args=[resolution.pk]))


@login_required
@require_GET
def read_registry(request: HttpRequest, draft_id: int) -> HttpResponse:
    """The draft as a registry file, for a reviewer who prefers to edit JSON."""
    _require_importer(request)
    draft = import_drafts.get_draft_for_user(request.user, draft_id)
    body = json.dumps(draft.registry, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="draft-{draft.pk}.registry.json"'
    return response


@login_required
@require_POST
def read_discard(request: HttpRequest, draft_id: int) -> HttpResponse:
    _require_importer(request)
    draft = import_drafts.get_draft_for_user(request.user, draft_id)
    import_drafts.draft_delete(draft=draft, actor=request.user)
    messages.success(request, _("Đã hủy bản nháp “%(file)s”.") % {"file": draft.filename})
    return redirect("resolutions:read_upload")


def _checked_form(draft: ImportDraft) -> ReviewForm:
    """The draft as a form, with what would stop it being saved already marked."""
    form = ReviewForm.for_registry(draft.registry, draft.version)
    try:
        validate_registry(draft.registry)
    except RegistryError as exc:
        form.attach_registry_errors(exc.errors)
    return form


def _anchor(edit: import_drafts.Edit, draft: ImportDraft) -> str:
    """Where the page should open after an add or remove: at what changed."""
    if edit.name.endswith("_target") and edit.at:
        return f"ind-{edit.at[0]}"
    if edit.name == "add_indicator":
        return f"ind-{len(draft.registry['indicators']) - 1}"
    return {"indicator": "indicators", "group": "groups", "breakthrough": "breakthroughs",
            "task": "tasks"}[edit.name.split("_", 1)[1]]


def _render_review(request: HttpRequest, draft: ImportDraft, form: ReviewForm, *,
                   status: int = 200, refused: int = 0, not_stored: bool = False,
                   reparse: ReparseForm | None = None) -> HttpResponse:
    context: dict[str, Any] = {
        "draft": draft, "form": form, "layout": review_layout(form, draft.warnings),
        "reparse": reparse or ReparseForm(initial={"version": draft.version}),
        "list_missing": not draft.registry.get("indicators") or reparse is not None,
        "refused": refused, "not_stored": not_stored,
        "can_save": access.can_import_resolution(request.user, draft.issuer),
        "too_big": _too_big(form),
    }
    return render(request, "resolutions/read_review.html", context, status=status)


def _too_big(form: ReviewForm) -> bool:
    """Whether posting the whole form would exceed Django's field limit (a 400 with no
    explanation): the page then says so and offers the JSON route instead."""
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    return limit is not None and len(form.fields) + 3 > limit  # csrf, version, action
