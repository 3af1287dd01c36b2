"""The action programme over the API: programmes, their tasks, progress updates,
completion (propose, confirm with four eyes, reject, stop) and the user's notifications.
The same services and access rules as the web pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import File, Form, Router, Schema, Status, UploadedFile

from nghiquyet.accounts import access
from nghiquyet.api.schemas import ErrorOut
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.programmes import selectors, services
from nghiquyet.programmes import when as whenmod
from nghiquyet.programmes.models import Notification, ProgrammeItem
from nghiquyet.resolutions.models import Breakthrough, Indicator, MainTask, Target

router = Router(tags=["Chương trình hành động"])
ERRORS: dict[int, Any] = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class ProgrammeIn(Schema):
    title: str
    number: str = ""
    issued_on: dt.date | None = None


class ProgrammeOut(Schema):
    id: int
    resolution_id: int
    title: str
    number: str
    issued_on: dt.date | None
    item_count: int


class ItemIn(Schema):
    content: str
    lead_unit: str  # org unit code
    when: str  # "Quý II/2026", "Hằng năm, quý IV", "30/6/2026"...
    number: str = ""
    coordinating_units: list[str] = []
    coordinating_text: str = ""
    product: str = ""
    breakthrough: int | None = None
    main_task: int | None = None
    indicator: int | None = None
    target_ids: list[int] = []
    responsible: str | None = None  # username


class ItemOut(Schema):
    id: int
    programme_id: int
    number: str
    content: str
    lead_unit: str
    coordinating_units: list[str]
    coordinating_text: str
    responsible: str | None
    start_date: dt.date | None
    due_date: dt.date
    due_text: str
    recurrence: str
    recurrence_quarter: int | None
    product: str
    breakthrough: int | None
    main_task: int | None
    indicator: int | None
    status: str  # stored status, or "overdue" when derived from the date
    stored_status: str
    percent: int
    proposed: bool


class UpdateIn(Schema):
    on: dt.date | None = None
    percent: int
    text: str


class UpdateOut(Schema):
    id: int
    on: dt.date
    percent: int
    text: str
    author: str | None
    evidence: list[str]


class ReasonIn(Schema):
    reason: str = ""


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    url: str
    item_id: int | None
    created_at: dt.datetime
    read_at: dt.datetime | None


class ReadIn(Schema):
    ids: list[int] | None = None


def _item_out(item: ProgrammeItem, today: dt.date) -> dict[str, Any]:
    return {
        "id": item.pk, "programme_id": item.programme_id, "number": item.number,
        "content": item.content, "lead_unit": item.lead_unit.code,
        "coordinating_units": [u.code for u in item.coordinating_units.all()],
        "coordinating_text": item.coordinating_text,
        "responsible": item.responsible.username if item.responsible else None,
        "start_date": item.start_date, "due_date": item.due_date, "due_text": item.due_text,
        "recurrence": item.recurrence, "recurrence_quarter": item.recurrence_quarter,
        "product": item.product,
        "breakthrough": item.breakthrough.number if item.breakthrough else None,
        "main_task": item.main_task.number if item.main_task else None,
        "indicator": item.indicator.number if item.indicator else None,
        "status": item.shown_status(today), "stored_status": item.status,
        "percent": item.percent, "proposed": item.is_proposed,
    }


def _bad(exc: ValidationError) -> Status[Any]:
    messages = exc.messages
    return Status(400, {"detail": messages[0] if len(messages) == 1 else
                        _("Dữ liệu không hợp lệ."),
                        "errors": [{"path": "", "message": m} for m in messages]})


def _reload(item_id: int) -> ProgrammeItem:
    return (ProgrammeItem.objects.select_related("lead_unit", "responsible", "breakthrough",
                                                 "main_task", "indicator")
            .prefetch_related("coordinating_units").get(pk=item_id))


@router.get("/resolutions/{int:resolution_id}/programmes",
            response={200: list[ProgrammeOut], **ERRORS})
def list_programmes(request: HttpRequest, resolution_id: int) -> list[dict[str, Any]]:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    return [{"id": p.pk, "resolution_id": p.resolution_id, "title": p.title,
             "number": p.number, "issued_on": p.issued_on,
             "item_count": getattr(p, "item_count", 0)}
            for p in selectors.programmes_of(request.user, resolution)]


@router.post("/resolutions/{int:resolution_id}/programmes",
             response={201: ProgrammeOut, **ERRORS})
def create_programme(request: HttpRequest, resolution_id: int,
                     payload: ProgrammeIn) -> Status[Any]:
    resolution = access.get_resolution_for_user(request.user, resolution_id)
    programme = services.programme_create(actor=request.user, resolution=resolution,
                                          title=payload.title, number=payload.number,
                                          issued_on=payload.issued_on)
    return Status(201, {"id": programme.pk, "resolution_id": resolution.pk,
                        "title": programme.title, "number": programme.number,
                        "issued_on": programme.issued_on, "item_count": 0})


@router.get("/programmes/{int:programme_id}/items", response={200: list[ItemOut], **ERRORS})
def list_items(request: HttpRequest, programme_id: int, status: str = "", unit: str = "",
               anchor: str = "") -> list[dict[str, Any]]:
    """``status`` may be "overdue"; ``unit`` an org unit code; ``anchor`` b1, t2 or i9."""
    programme = access.get_programme_for_user(request.user, programme_id)
    today = timezone.localdate()
    unit_id = OrgUnit.objects.filter(code=unit).values_list("pk", flat=True).first() if unit else None
    page = selectors.programme_page(request.user, programme,
                                    selectors.ItemFilters(unit_id, status, anchor), today)
    return [_item_out(i, today) for i in page.items]


def _lookup_spec(programme: Any, payload: ItemIn) -> services.ItemSpec:
    resolution = programme.resolution
    errors: list[str] = []
    codes = [payload.lead_unit, *payload.coordinating_units]
    units = {u.code: u for u in OrgUnit.objects.filter(code__in=codes)}
    for code in codes:
        if code not in units:
            errors.append(_("Không có đơn vị mã “%(code)s”.") % {"code": code})
    try:
        when = whenmod.parse_when(payload.when, first_year=max(
            timezone.localdate().year, resolution.term_start + 1), last_year=resolution.term_end)
    except whenmod.WhenError as exc:
        errors.append(str(exc))
    anchor: dict[str, Any] = {}
    for field, model in (("breakthrough", Breakthrough), ("main_task", MainTask),
                         ("indicator", Indicator)):
        number = getattr(payload, field)
        if number is not None:
            found = model.objects.filter(resolution=resolution, number=number).first()
            if found is None:
                errors.append(_("Nghị quyết không có mục %(f)s số %(n)d.") % {"f": field,
                                                                            "n": number})
            anchor[field] = found
    responsible = None
    if payload.responsible:
        from django.contrib.auth import get_user_model

        responsible = get_user_model().objects.filter(username=payload.responsible).first()
        if responsible is None:
            errors.append(_("Không có người dùng “%(u)s”.") % {"u": payload.responsible})
    targets = list(Target.objects.filter(pk__in=payload.target_ids).select_related("indicator"))
    if len(targets) != len(set(payload.target_ids)):
        errors.append(_("Có mục tiêu không tồn tại."))
    if errors:
        raise ValidationError(errors)
    return services.ItemSpec(
        content=payload.content, lead_unit=units[payload.lead_unit], number=payload.number,
        due_date=when.due, start_date=when.start, recurrence=when.recurrence,
        recurrence_quarter=when.quarter, due_text=payload.when, product=payload.product,
        coordinating_units=[units[c] for c in payload.coordinating_units],
        coordinating_text=payload.coordinating_text, responsible=responsible, targets=targets,
        **anchor)


@router.post("/programmes/{int:programme_id}/items", response={201: ItemOut, **ERRORS})
def create_item(request: HttpRequest, programme_id: int, payload: ItemIn) -> Status[Any]:
    programme = access.get_programme_for_user(request.user, programme_id)
    if not access.can_manage_programme(request.user, programme.resolution):
        raise PermissionDenied
    try:
        item = services.item_create(actor=request.user, programme=programme,
                                    spec=_lookup_spec(programme, payload))
    except ValidationError as exc:
        return _bad(exc)
    return Status(201, _item_out(_reload(item.pk), timezone.localdate()))


@router.get("/programme-items/{int:item_id}", response={200: ItemOut, **ERRORS})
def get_item(request: HttpRequest, item_id: int) -> dict[str, Any]:
    item = access.get_item_for_user(request.user, item_id)
    return _item_out(_reload(item.pk), timezone.localdate())


@router.get("/programme-items/{int:item_id}/updates", response={200: list[UpdateOut], **ERRORS})
def list_updates(request: HttpRequest, item_id: int) -> list[dict[str, Any]]:
    item = access.get_item_for_user(request.user, item_id)
    return [{"id": u.pk, "on": u.on, "percent": u.percent, "text": u.text,
             "author": u.author.username if u.author else None,
             "evidence": [e.name for e in u.evidence.all()]}
            for u in selectors.item_page(item)["updates"]]


@router.post("/programme-items/{int:item_id}/updates", response={201: ItemOut, **ERRORS})
def post_update(request: HttpRequest, item_id: int, payload: UpdateIn) -> Status[Any]:
    """A progress report (text and percent) as JSON; ``updates-with-evidence`` takes files."""
    item = access.get_item_for_user(request.user, item_id)
    try:
        services.progress_post(actor=request.user, item=item,
                               on=payload.on or timezone.localdate(), text=payload.text,
                               percent=payload.percent)
    except ValidationError as exc:
        return _bad(exc)
    return Status(201, _item_out(_reload(item.pk), timezone.localdate()))


@router.post("/programme-items/{int:item_id}/updates-with-evidence",
             response={201: ItemOut, **ERRORS})
def post_update_with_evidence(request: HttpRequest, item_id: int, percent: Form[int],
                              text: Form[str], evidence: File[list[UploadedFile]],
                              on: Form[dt.date | None] = None) -> Status[Any]:
    """The same report as multipart form fields, with evidence files (field ``evidence``,
    up to 5, each within the upload limit)."""
    item = access.get_item_for_user(request.user, item_id)
    try:
        services.progress_post(actor=request.user, item=item, on=on or timezone.localdate(),
                               text=text, percent=percent, files=evidence)
    except ValidationError as exc:
        return _bad(exc)
    return Status(201, _item_out(_reload(item.pk), timezone.localdate()))


@router.post("/programme-items/{int:item_id}/{action}", response={200: ItemOut, **ERRORS})
def act(request: HttpRequest, item_id: int, action: str, payload: ReasonIn) -> Status[Any]:
    """``action``: propose, confirm, reject (with reason) or stop (with reason)."""
    item = access.get_item_for_user(request.user, item_id)
    calls = {
        "propose": lambda: services.completion_propose(actor=request.user, item=item,
                                                       note=payload.reason),
        "confirm": lambda: services.completion_confirm(actor=request.user, item=item),
        "reject": lambda: services.completion_reject(actor=request.user, item=item,
                                                     reason=payload.reason),
        "stop": lambda: services.item_stop(actor=request.user, item=item, reason=payload.reason),
    }
    if action not in calls:
        raise Http404
    try:
        calls[action]()
    except ValidationError as exc:
        return _bad(exc)
    return Status(200, _item_out(_reload(item.pk), timezone.localdate()))


@router.get("/notifications", response={200: list[NotificationOut]})
def list_notifications(request: HttpRequest, unread: bool = False) -> list[Notification]:
    notes = selectors.notifications_of(request.user)
    return [n for n in notes if n.read_at is None] if unread else notes


@router.post("/notifications/read", response={200: dict[str, int]})
def mark_read(request: HttpRequest, payload: ReadIn) -> dict[str, int]:
    return {"marked": services.notifications_mark_read(actor=request.user, ids=payload.ids)}
