"""Writes to the action programme. Each is atomic, checks the actor's right to make
it (accounts/access.py), and leaves one audit row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from nghiquyet.accounts import access
from nghiquyet.accounts.types import User, Viewer, as_user, signed_in
from nghiquyet.audit.services import audit_record
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.programmes import when as whenmod
from nghiquyet.programmes.models import (
    ACTIVE_STATUSES,
    Evidence,
    ItemStatus,
    Milestone,
    Notification,
    Programme,
    ProgrammeDraft,
    ProgrammeItem,
    ProgressUpdate,
    Recurrence,
)
from nghiquyet.resolutions.models import Breakthrough, Indicator, MainTask, Resolution, Target

MAX_EVIDENCE_FILES = 5


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@transaction.atomic
def programme_create(*, actor: Viewer | None, resolution: Resolution, title: str, number: str = "",
                     issued_on: dt.date | None = None) -> Programme:
    _require(access.can_manage_programme(actor, resolution))
    programme = Programme.objects.create(resolution=resolution, title=title, number=number,
                                         issued_on=issued_on, created_by=_user(actor))
    audit_record(actor=actor, action="programme.create", target=programme,
                 orgunit=resolution.issuer,
                 new={"title": title, "number": number, "issued_on": _iso(issued_on)})
    return programme


@dataclass
class ItemSpec:
    """An item to create, as the form, the import and the API describe it."""

    content: str
    lead_unit: OrgUnit
    due_date: dt.date
    number: str = ""
    start_date: dt.date | None = None
    recurrence: str = Recurrence.ONCE
    recurrence_quarter: int | None = None
    due_text: str = ""
    product: str = ""
    coordinating_units: Sequence[OrgUnit] = ()
    coordinating_text: str = ""
    responsible: Any = None
    breakthrough: Breakthrough | None = None
    main_task: MainTask | None = None
    indicator: Indicator | None = None
    targets: Sequence[Target] = ()
    milestones: Sequence[tuple[str, dt.date]] = ()


def _check_spec(programme: Programme, spec: ItemSpec) -> None:
    """What the database cannot say: everything belongs to this programme's resolution."""
    resolution = programme.resolution
    errors: list[str] = []
    if not spec.content.strip():
        errors.append(_("Chưa ghi nội dung nhiệm vụ."))
    if not spec.lead_unit.is_within(resolution.issuer):
        errors.append(_("Cơ quan chủ trì “%(unit)s” không thuộc %(issuer)s.")
                      % {"unit": spec.lead_unit, "issuer": resolution.issuer})
    for unit in spec.coordinating_units:
        if not unit.is_within(resolution.issuer):
            errors.append(_("Cơ quan phối hợp “%(unit)s” không thuộc %(issuer)s.")
                          % {"unit": unit, "issuer": resolution.issuer})
    anchors = [a for a in (spec.breakthrough, spec.main_task, spec.indicator) if a is not None]
    if len(anchors) > 1:
        errors.append(_("Một nhiệm vụ chỉ thuộc một khâu đột phá, một nhiệm vụ chủ yếu hoặc "
                        "một chỉ tiêu."))
    if any(a.resolution_id != resolution.pk for a in anchors):
        errors.append(_("Khâu đột phá, nhiệm vụ hoặc chỉ tiêu không thuộc nghị quyết này."))
    if any(t.indicator.resolution_id != resolution.pk for t in spec.targets):
        errors.append(_("Mục tiêu không thuộc nghị quyết này."))
    if spec.start_date and spec.start_date > spec.due_date:
        errors.append(_("Ngày bắt đầu sau hạn hoàn thành."))
    if spec.recurrence == Recurrence.YEARLY and spec.recurrence_quarter not in (None, 1, 2, 3, 4):
        errors.append(_("Quý phải từ I đến IV."))
    if errors:
        raise ValidationError(errors)


def _build_item(programme: Programme, spec: ItemSpec, position: int) -> ProgrammeItem:
    return ProgrammeItem(
        programme=programme, position=position, number=spec.number[:20],
        content=spec.content.strip(), lead_unit=spec.lead_unit,
        coordinating_text=spec.coordinating_text[:1000], responsible=spec.responsible,
        start_date=spec.start_date, due_date=spec.due_date, due_text=spec.due_text[:200],
        recurrence=spec.recurrence, recurrence_quarter=spec.recurrence_quarter,
        product=spec.product, breakthrough=spec.breakthrough, main_task=spec.main_task,
        indicator=spec.indicator,
    )


def _attach(items: list[ProgrammeItem], specs: list[ItemSpec]) -> None:
    """Coordinating units, targets and milestones of items just created, in bulk."""
    through_units = ProgrammeItem.coordinating_units.through
    through_targets = ProgrammeItem.targets.through
    through_units.objects.bulk_create([
        through_units(programmeitem_id=item.pk, orgunit_id=unit.pk)
        for item, spec in zip(items, specs, strict=True)
        for unit in dict.fromkeys(spec.coordinating_units)])
    through_targets.objects.bulk_create([
        through_targets(programmeitem_id=item.pk, target_id=target.pk)
        for item, spec in zip(items, specs, strict=True) for target in dict.fromkeys(spec.targets)])
    Milestone.objects.bulk_create([
        Milestone(item=item, title=title, due_date=due)
        for item, spec in zip(items, specs, strict=True) for title, due in spec.milestones])


@transaction.atomic
def item_create(*, actor: Viewer | None, programme: Programme, spec: ItemSpec) -> ProgrammeItem:
    _require(access.can_manage_programme(actor, programme.resolution))
    _check_spec(programme, spec)
    position = programme.items.count() + 1
    item = _build_item(programme, spec, position)
    item.save()
    _attach([item], [spec])
    audit_record(actor=actor, action="programme_item.create", target=item,
                 orgunit=item.lead_unit, new=item.snapshot())
    return item


EDITABLE = ("content", "number", "lead_unit", "responsible", "start_date", "due_date",
            "due_text", "recurrence", "recurrence_quarter", "product", "coordinating_text",
            "breakthrough", "main_task", "indicator")


@transaction.atomic
def item_edit(*, actor: Viewer | None, item: ProgrammeItem, changes: dict[str, Any],
              coordinating_units: Sequence[OrgUnit] | None = None,
              milestones: Sequence[tuple[str, dt.date]] | None = None) -> ProgrammeItem:
    """Change an item's plan (not its progress, which has its own services). The
    coordinating units and milestones, when given, replace the old ones."""
    _require(access.can_manage_programme(actor, item.programme.resolution))
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    old = {**item.snapshot(), "due_text": item.due_text,
           "coordinating_text": item.coordinating_text}
    for name, value in changes.items():
        setattr(item, name, value)
    _check_spec(item.programme, ItemSpec(
        content=item.content, lead_unit=item.lead_unit, due_date=item.due_date,
        start_date=item.start_date, recurrence=item.recurrence,
        recurrence_quarter=item.recurrence_quarter, breakthrough=item.breakthrough,
        main_task=item.main_task, indicator=item.indicator,
        coordinating_units=coordinating_units or ()))
    if changes:
        item.save(update_fields=list(changes))
    new = {**item.snapshot(), "due_text": item.due_text,
           "coordinating_text": item.coordinating_text}
    diff_old = {k: old[k] for k in changes if old.get(k) != new.get(k)}
    diff_new = {k: new[k] for k in diff_old}
    if coordinating_units is not None:
        before = sorted(item.coordinating_units.values_list("code", flat=True))
        item.coordinating_units.set(list(coordinating_units))
        after = sorted(u.code for u in coordinating_units)
        if before != after:
            diff_old["coordinating_units"], diff_new["coordinating_units"] = before, after
    if milestones is not None:
        before_m = [[m.title, m.due_date.isoformat()] for m in item.milestones.all()]
        after_m = [[title, due.isoformat()] for title, due in milestones]
        if before_m != after_m:
            item.milestones.all().delete()
            Milestone.objects.bulk_create([Milestone(item=item, title=t, due_date=d)
                                           for t, d in milestones])
            diff_old["milestones"], diff_new["milestones"] = before_m, after_m
    audit_record(actor=actor, action="programme_item.edit", target=item, orgunit=item.lead_unit,
                 old=diff_old, new=diff_new)
    return item


@transaction.atomic
def milestone_reach(*, actor: Viewer | None, milestone: Milestone, on: dt.date) -> Milestone:
    """Mark a milestone reached: the lead unit says so, like a progress update."""
    item = milestone.item
    _require(access.can_update_item(actor, item))
    if on > timezone.localdate():
        raise ValidationError(_("Ngày đạt mốc không được sau hôm nay."))
    milestone.done_on = on
    milestone.save(update_fields=["done_on"])
    audit_record(actor=actor, action="programme_item.milestone", target=item,
                 orgunit=item.lead_unit, new={"milestone": milestone.title, "on": on.isoformat()})
    return milestone


@transaction.atomic
def item_stop(*, actor: Viewer | None, item: ProgrammeItem, reason: str) -> ProgrammeItem:
    """Stop a task the committee no longer pursues ("dừng"); the reason is kept."""
    _require(access.can_manage_programme(actor, item.programme.resolution))
    if not reason.strip():
        raise ValidationError(_("Cần ghi lý do dừng nhiệm vụ."))
    old_status = item.status
    item.status, item.stop_reason = ItemStatus.STOPPED, reason.strip()
    item.proposed_by, item.proposed_at = None, None
    item.save(update_fields=["status", "stop_reason", "proposed_by", "proposed_at"])
    audit_record(actor=actor, action="programme_item.stop", target=item, orgunit=item.lead_unit,
                 old={"status": old_status}, new={"status": item.status}, reason=reason)
    return item


def check_evidence(files: Iterable[UploadedFile]) -> list[UploadedFile]:
    """Evidence files within the upload limits, or ValidationError naming the file."""
    files = list(files)
    if len(files) > MAX_EVIDENCE_FILES:
        raise ValidationError(_("Tối đa %(n)d tệp minh chứng cho một lần cập nhật.")
                              % {"n": MAX_EVIDENCE_FILES})
    from nghiquyet.figures.forms import EVIDENCE_MAX_BYTES, EVIDENCE_TYPES
    from nghiquyet.lib.vnformat import format_number

    # The same limits as a figure's evidence, within the deployment's upload limit.
    limit = min(getattr(settings, "NGHIQUYET_EVIDENCE_MAX_BYTES", EVIDENCE_MAX_BYTES),
                settings.NGHIQUYET_MAX_UPLOAD_BYTES)
    for upload in files:
        name = upload.name or ""
        suffix = name[name.rfind("."):].lower() if "." in name else ""
        if suffix not in EVIDENCE_TYPES:
            raise ValidationError(_("Tệp %(file)s: chỉ nhận PDF, ảnh JPG/PNG, Word hoặc Excel.")
                                  % {"file": name})
        if (upload.size or 0) > limit:
            raise ValidationError(_("Tệp %(file)s lớn hơn giới hạn %(mb)s MB.")
                                  % {"file": name,
                                     "mb": format_number(round(limit / (1024 * 1024), 2))})
    return files


@transaction.atomic
def progress_post(*, actor: Viewer | None, item: ProgrammeItem, on: dt.date, text: str, percent: int,
                  files: Iterable[UploadedFile] = ()) -> ProgressUpdate:
    """A dated report from the lead unit. It moves a task from "not started" to "in
    progress", and withdraws a pending completion proposal (there is news to judge)."""
    _require(access.can_update_item(actor, item))
    if item.status not in ACTIVE_STATUSES:
        raise ValidationError(_("Nhiệm vụ đã hoàn thành hoặc đã dừng; không cập nhật thêm."))
    if not 0 <= percent <= 100:
        raise ValidationError(_("Tiến độ phải từ 0 đến 100%."))
    if not text.strip():
        raise ValidationError(_("Cần ghi kết quả thực hiện."))
    if on > timezone.localdate():
        raise ValidationError(_("Ngày cập nhật không được sau hôm nay."))
    files = check_evidence(files)
    update = ProgressUpdate.objects.create(item=item, on=on, text=text.strip(), percent=percent,
                                           author=_user(actor))
    for upload in files:
        Evidence.objects.create(update=update, file=upload, name=(upload.name or "")[:255],
                                size=upload.size or 0)
    old = {"status": item.status, "percent": item.percent}
    item.status = ItemStatus.IN_PROGRESS
    item.percent = percent
    item.last_update_on, item.last_update_by = on, _user(actor)
    item.proposed_by, item.proposed_at = None, None
    item.save(update_fields=["status", "percent", "last_update_on", "last_update_by",
                             "proposed_by", "proposed_at"])
    audit_record(actor=actor, action="programme_item.progress", target=item,
                 orgunit=item.lead_unit, old=old,
                 new={"status": item.status, "percent": percent, "on": on.isoformat(),
                      "text": update.text, "evidence": [e.name for e in update.evidence.all()]})
    return update


@transaction.atomic
def completion_propose(*, actor: Viewer | None, item: ProgrammeItem, note: str = "") -> ProgrammeItem:
    _require(access.can_update_item(actor, item))
    if item.status not in ACTIVE_STATUSES:
        raise ValidationError(_("Chỉ đề nghị hoàn thành nhiệm vụ đang thực hiện."))
    if item.is_proposed:
        raise ValidationError(_("Nhiệm vụ đã được đề nghị hoàn thành, đang chờ xác nhận."))
    if item.last_update_on is None:
        raise ValidationError(_("Cần có ít nhất một cập nhật tiến độ trước khi đề nghị hoàn "
                                "thành."))
    item.proposed_by, item.proposed_at = _user(actor), timezone.now()
    item.save(update_fields=["proposed_by", "proposed_at"])
    _notify_confirmers(item)
    audit_record(actor=actor, action="programme_item.propose", target=item,
                 orgunit=item.lead_unit, new={"proposed": True}, reason=note)
    return item


@transaction.atomic
def completion_confirm(*, actor: Viewer | None, item: ProgrammeItem) -> ProgrammeItem:
    """Confirm a proposed completion. A yearly task is done for the year: its next
    occurrence becomes due, until the term ends."""
    if not item.is_proposed:
        raise ValidationError(_("Nhiệm vụ chưa được đề nghị hoàn thành."))
    _require(access.can_confirm_item(actor, item))
    old = {"status": item.status, "due_date": _iso(item.due_date)}
    term_end = item.programme.resolution.term_end
    next_year = item.due_date.year + 1
    proposer = item.proposed_by
    if item.recurrence == Recurrence.YEARLY and next_year <= term_end:
        # Done for this year; next year's occurrence needs its own report before a proposal.
        item.due_date = whenmod.yearly_due(next_year, item.recurrence_quarter)
        item.status, item.percent = ItemStatus.IN_PROGRESS, 0
        item.last_update_on, item.last_update_by = None, None
    else:
        item.status, item.percent = ItemStatus.DONE, 100
    item.confirmed_by, item.confirmed_at = _user(actor), timezone.now()
    item.proposed_by, item.proposed_at = None, None
    _settle_proposal_notices(item)
    item.save(update_fields=["status", "percent", "due_date", "confirmed_by", "confirmed_at",
                             "proposed_by", "proposed_at", "last_update_on", "last_update_by"])
    if proposer is not None:
        _notify(proposer, kind="confirmed", key=f"confirmed:{item.pk}:{item.confirmed_at:%Y%m%d%H%M%S%f}",
                title=_("Đã xác nhận hoàn thành: %(item)s") % {"item": _short(item)}, item=item)
    audit_record(actor=actor, action="programme_item.confirm", target=item,
                 orgunit=item.lead_unit, old=old,
                 new={"status": item.status, "due_date": _iso(item.due_date)})
    return item


@transaction.atomic
def completion_reject(*, actor: Viewer | None, item: ProgrammeItem, reason: str) -> ProgrammeItem:
    """Send a proposal back: the task stays in progress and the reason is kept."""
    if not item.is_proposed:
        raise ValidationError(_("Nhiệm vụ chưa được đề nghị hoàn thành."))
    _require(access.can_confirm_item(actor, item))
    if not reason.strip():
        raise ValidationError(_("Cần ghi lý do chưa xác nhận."))
    item.proposed_by, item.proposed_at = None, None
    item.save(update_fields=["proposed_by", "proposed_at"])
    _settle_proposal_notices(item)
    audit_record(actor=actor, action="programme_item.reject", target=item,
                 orgunit=item.lead_unit, new={"proposed": False}, reason=reason)
    return item


# --- notifications ------------------------------------------------------------------


def _short(item: ProgrammeItem) -> str:
    text = item.content if len(item.content) <= 90 else item.content[:89] + "…"
    return f"{item.number} {text}".strip()


def _notify(user: User, *, kind: str, key: str, title: str, body: str = "",
            item: ProgrammeItem | None = None, url: str = "") -> bool:
    """One notification unless one with this key exists; True when it was made."""
    if not url and item is not None:
        from django.urls import reverse

        url = reverse("programmes:item", args=[item.pk])
    _, created = Notification.objects.get_or_create(
        key=key[:200], defaults={"user": user, "kind": kind, "title": title[:500], "body": body,
                                 "item": item, "url": url})
    return created


def _settle_proposal_notices(item: ProgrammeItem) -> None:
    """A proposal decided by one leader needs no more attention from the others."""
    Notification.objects.filter(item=item, kind="proposed", read_at__isnull=True).update(
        read_at=timezone.now())


def _notify_confirmers(item: ProgrammeItem) -> None:
    from nghiquyet.programmes.reminders import leaders_over

    for leader in leaders_over([item.lead_unit]).get(item.lead_unit.pk, []):
        if leader.pk != item.proposed_by_id:
            _notify(leader, kind="proposed",
                    key=f"proposed:{item.pk}:{leader.pk}:{item.proposed_at:%Y%m%d%H%M%S%f}",
                    title=_("Chờ xác nhận hoàn thành: %(item)s") % {"item": _short(item)},
                    item=item)


@transaction.atomic
def notifications_mark_read(*, actor: Viewer | None, ids: Sequence[int] | None = None) -> int:
    """Mark the actor's own notifications read: the given ones, or all."""
    person = signed_in(actor)
    qs = Notification.objects.filter(user=person, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    marked = list(qs.values_list("pk", flat=True))
    count = qs.update(read_at=timezone.now())
    if count:
        audit_record(actor=actor, action="notification.read", target=person,
                     new={"notifications": marked})
    return count


# --- import drafts ------------------------------------------------------------------


@transaction.atomic
def draft_create(*, actor: Viewer | None, resolution: Resolution, filename: str,
                 data: dict[str, Any]) -> ProgrammeDraft:
    _require(access.can_manage_programme(actor, resolution))
    draft = ProgrammeDraft.objects.create(resolution=resolution, created_by=signed_in(actor),
                                          filename=filename[:255], data=data)
    audit_record(actor=actor, action="programme_draft.create", target=draft,
                 orgunit=resolution.issuer,
                 new={"filename": draft.filename, "items": len(data.get("items", []))})
    return draft


@transaction.atomic
def draft_update(*, actor: Viewer | None, draft: ProgrammeDraft, data: dict[str, Any]
                 ) -> ProgrammeDraft:
    _require(draft.created_by_id == signed_in(actor).pk)
    draft.data = data
    draft.save(update_fields=["data"])
    audit_record(actor=actor, action="programme_draft.update", target=draft,
                 orgunit=draft.resolution.issuer, new={"items": len(data.get("items", []))})
    return draft


@transaction.atomic
def draft_delete(*, actor: Viewer | None, draft: ProgrammeDraft) -> None:
    _require(draft.created_by_id == signed_in(actor).pk)
    audit_record(actor=actor, action="programme_draft.delete", target=draft,
                 orgunit=draft.resolution.issuer)
    draft.delete()


@transaction.atomic
def programme_import(*, actor: Viewer | None, resolution: Resolution, title: str, number: str,
                     issued_on: dt.date | None, specs: list[ItemSpec],
                     draft: ProgrammeDraft | None = None) -> Programme:
    """A whole programme at once, from a reviewed table: every item or none."""
    _require(access.can_manage_programme(actor, resolution))
    programme = Programme.objects.create(resolution=resolution, title=title, number=number,
                                         issued_on=issued_on, created_by=_user(actor))
    errors: list[str] = []
    for index, spec in enumerate(specs, 1):
        try:
            _check_spec(programme, spec)
        except ValidationError as exc:
            errors.extend(_("Nhiệm vụ %(n)s: %(msg)s") % {"n": spec.number or index, "msg": m}
                          for m in exc.messages)
    if not specs:
        errors.append(_("Chương trình chưa có nhiệm vụ nào."))
    if errors:
        raise ValidationError(errors)
    items = ProgrammeItem.objects.bulk_create(
        [_build_item(programme, spec, i) for i, spec in enumerate(specs, 1)])
    if any(item.pk is None for item in items):  # backends without RETURNING
        items = list(programme.items.order_by("position"))
    _attach(items, specs)
    if draft is not None:
        draft.delete()
    audit_record(actor=actor, action="programme.import", target=programme,
                 orgunit=resolution.issuer,
                 new={"title": title, "number": number, "issued_on": _iso(issued_on),
                      "items": len(items), "file": draft.filename if draft else ""})
    return programme


def _user(actor: Viewer | None) -> User | None:
    return as_user(actor)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
