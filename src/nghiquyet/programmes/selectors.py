"""Reads for the programme's pages, API and reports. Each runs a fixed number of
queries whatever the number of items (tests/programmes/test_queries.py)."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import Prefetch, Q, QuerySet

from nghiquyet.accounts import access
from nghiquyet.accounts.models import Role
from nghiquyet.accounts.types import Viewer, as_user
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.programmes import when as whenmod
from nghiquyet.programmes.models import (
    ACTIVE_STATUSES,
    OVERDUE,
    ItemQuerySet,
    ItemStatus,
    Notification,
    Programme,
    ProgrammeItem,
)
from nghiquyet.resolutions.models import Breakthrough, Indicator, MainTask, Resolution

STATUS_FILTERS = [(OVERDUE, _("Quá hạn")), *ItemStatus.choices]


def status_label(status: str) -> str:
    return str(dict(STATUS_FILTERS).get(status, status))


def _items(qs: QuerySet[ProgrammeItem]) -> QuerySet[ProgrammeItem]:
    return qs.select_related(
        "programme", "lead_unit", "responsible", "breakthrough", "main_task", "indicator",
    ).prefetch_related(Prefetch("coordinating_units"))


@dataclass
class ItemFilters:
    unit: int | None = None  # lead unit or coordinating unit, with everything under it
    status: str = ""
    anchor: str = ""  # "b3" breakthrough (3), "t2" main task Hai là, "i9" indicator (9)

    def apply(self, qs: QuerySet[ProgrammeItem], today: dt.date,
              units: dict[int, Any]) -> QuerySet[ProgrammeItem]:
        if self.unit and self.unit in units:
            path = units[self.unit].path
            qs = qs.filter(Q(lead_unit__path__startswith=path)
                           | Q(coordinating_units__path__startswith=path)).distinct()
        if self.status:
            qs = cast(ItemQuerySet, qs).with_status(self.status, today)
        kind, number = self.anchor[:1], self.anchor[1:]
        if number.isdigit():
            field_name = {"b": "breakthrough__number", "t": "main_task__number",
                          "i": "indicator__number"}.get(kind)
            if field_name:
                qs = qs.filter(**{field_name: int(number)})
        return qs


@dataclass
class ProgrammePage:
    programme: Programme
    items: list[ProgrammeItem]
    total: int
    units: list[Any]
    anchors: list[tuple[str, str]]
    filters: ItemFilters
    can_manage: bool
    today: dt.date


def anchor_choices(resolution: Resolution) -> list[tuple[str, str]]:
    """The breakthroughs and main tasks an item can serve, as filter choices."""
    out = [(f"b{b.number}", _("Khâu đột phá (%(n)d): %(t)s") % {"n": b.number, "t": b.title})
           for b in Breakthrough.objects.filter(resolution=resolution).order_by("number")]
    out += [(f"t{t.number}", _("Nhiệm vụ chủ yếu (%(n)d): %(t)s") % {"n": t.number, "t": t.title})
            for t in MainTask.objects.filter(resolution=resolution).order_by("number")]
    return out


def programme_page(user: Viewer, programme: Programme, filters: ItemFilters,
                   today: dt.date) -> ProgrammePage:
    resolution = programme.resolution
    units = list(access.visible_orgunits(user).filter(
        Q(led_items__programme=programme) | Q(coordinated_items__programme=programme)
    ).distinct().order_by("path"))
    base = ProgrammeItem.objects.filter(programme=programme)
    items = list(_items(filters.apply(base, today, {u.pk: u for u in units})
                        .order_by("position")))
    return ProgrammePage(
        programme=programme, items=items, total=base.count(), units=units,
        anchors=anchor_choices(resolution), filters=filters,
        can_manage=access.can_manage_programme(user, resolution), today=today)


def programmes_of(user: Viewer, resolution: Resolution) -> list[Programme]:
    from django.db.models import Count

    return list(Programme.objects.filter(resolution=resolution)
                .annotate(item_count=Count("items")).order_by("-issued_on", "-id"))


@dataclass
class Tally:
    """How the tasks serving one breakthrough, main task or indicator stand."""

    key: str
    label: str
    counts: dict[str, int] = field(default_factory=lambda: {
        "done": 0, "in_progress": 0, "not_started": 0, OVERDUE: 0, "stopped": 0})
    percent_sum: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def mean_percent(self) -> int:
        live = self.total - self.counts["stopped"]
        return round(self.percent_sum / live) if live else 0

    @property
    def done_share(self) -> int:
        live = self.total - self.counts["stopped"]
        return round(100 * self.counts["done"] / live) if live else 0


def progress_by_anchor(programmes: QuerySet[Programme] | list[Programme], resolution: Resolution,
                       today: dt.date) -> list[Tally]:
    """Per breakthrough, then per main task, then "other": done / in progress / overdue."""
    tallies: OrderedDict[str, Tally] = OrderedDict()
    for b in Breakthrough.objects.filter(resolution=resolution).order_by("number"):
        tallies[f"b{b.number}"] = Tally(f"b{b.number}", _("Khâu đột phá (%(n)d): %(t)s")
                                        % {"n": b.number, "t": b.title})
    for t in MainTask.objects.filter(resolution=resolution).order_by("number"):
        tallies[f"t{t.number}"] = Tally(f"t{t.number}", _("Nhiệm vụ chủ yếu (%(n)d): %(t)s")
                                        % {"n": t.number, "t": t.title})
    tallies["i"] = Tally("i", _("Nhiệm vụ thực hiện các chỉ tiêu"))
    tallies["other"] = Tally("other", _("Nhiệm vụ khác"))
    rows = ProgrammeItem.objects.filter(programme__in=programmes).values_list(
        "breakthrough__number", "main_task__number", "indicator_id", "status", "due_date",
        "percent")
    for b_number, t_number, indicator_id, status, due, percent in rows:
        key = (f"b{b_number}" if b_number else f"t{t_number}" if t_number
               else "i" if indicator_id else "other")
        tally = tallies[key]
        shown = OVERDUE if status in ACTIVE_STATUSES and due < today else status
        tally.counts[shown] += 1
        if status != ItemStatus.STOPPED:
            tally.percent_sum += percent
    return [t for t in tallies.values() if t.total or t.key.startswith(("b", "t"))]


def timeline(programme: Programme, today: dt.date) -> list[tuple[str, bool, list[ProgrammeItem]]]:
    """Items by the quarter they fall due in: (label, is the current quarter, items)."""
    columns: OrderedDict[tuple[int, int], list[ProgrammeItem]] = OrderedDict()
    items = _items(ProgrammeItem.objects.filter(programme=programme)).order_by("due_date",
                                                                               "position")
    for item in items:
        columns.setdefault((item.due_date.year, whenmod.quarter_of(item.due_date)), []).append(item)
    now = (today.year, whenmod.quarter_of(today))
    return [(whenmod.quarter_label(dt.date(y, 3 * q, 1)), (y, q) == now, its)
            for (y, q), its in columns.items()]


def my_tasks(user: Viewer, today: dt.date) -> dict[str, list[Any]]:
    """The user's tasks (responsible, or led by a unit they hold a role in), and for a
    leader the proposals waiting for their confirmation."""
    own_units = [unit.pk for role, unit in access.scopes(user)
                 if role in (Role.OFFICER, Role.REPORTER, Role.LEADER)]
    visible = access.visible_programme_items(user)
    mine = list(_items(visible.filter(Q(responsible=user) | Q(lead_unit_id__in=own_units))
                       .filter(status__in=ACTIVE_STATUSES)).order_by("due_date", "position"))
    waiting: list[ProgrammeItem] = []
    leader_units = access.approval_units(user)
    if access.is_system_admin(user) or any(r == Role.LEADER for r, _u in access.scopes(user)):
        waiting = [i for i in _items(visible.filter(proposed_at__isnull=False,
                                                    lead_unit__in=leader_units))
                   .order_by("proposed_at") if access.can_confirm_item(user, i)]
    programmes = list(Programme.objects.filter(
        resolution__in=access.visible_resolutions(user)).select_related("resolution"))
    return {"mine": mine, "waiting": waiting, "programmes": programmes}


def overdue_items(user: Viewer, today: dt.date) -> list[ProgrammeItem]:
    return list(_items(access.visible_programme_items(user).overdue(today))
                .order_by("due_date", "programme_id", "position"))


def item_page(item: ProgrammeItem) -> dict[str, Any]:
    updates = list(item.updates.select_related("author").prefetch_related("evidence"))
    return {
        "updates": updates,
        "milestones": list(item.milestones.all()),
        "coordinating": list(item.coordinating_units.all()),
        "targets": list(item.targets.select_related("indicator")),
    }


def items_for_indicator(user: Viewer, indicator: Indicator) -> list[ProgrammeItem]:
    """The tasks that serve an indicator: filed under it, or naming one of its targets."""
    return list(_items(access.visible_programme_items(user).filter(
        Q(indicator=indicator) | Q(targets__indicator=indicator)).distinct())
        .order_by("due_date", "position"))


def notifications_of(user: Viewer, limit: int = 200) -> list[Notification]:
    return list(Notification.objects.filter(user=as_user(user)).order_by("-created_at", "-id")[:limit])


def report_summary(resolution: Resolution, unit: Any, as_of: dt.date) -> Any:
    """How the programme's tasks stand for the report of ``unit`` (tasks led within its
    subtree), by breakthrough and main task; None when the resolution has no programme."""
    from nghiquyet.documents.programme import ProgrammeRow, ProgrammeSummary
    from nghiquyet.lib.vnformat import format_date

    programmes = list(Programme.objects.filter(resolution=resolution).order_by("issued_on", "id"))
    if not programmes:
        return None
    items = list(ProgrammeItem.objects.filter(programme__in=programmes,
                                              lead_unit__path__startswith=unit.path)
                 .select_related("lead_unit", "breakthrough", "main_task")
                 .order_by("programme_id", "position"))
    tallies = {t.key: t for t in progress_by_anchor(programmes, resolution, as_of)}
    overdue: dict[str, list[str]] = {}
    counts: dict[str, dict[str, int]] = {}
    for item in items:
        key = (f"b{item.breakthrough.number}" if item.breakthrough else
               f"t{item.main_task.number}" if item.main_task else
               "i" if item.indicator_id else "other")
        shown = item.shown_status(as_of)
        counts.setdefault(key, dict.fromkeys(("done", "in_progress", "overdue", "not_started",
                                              "stopped"), 0))[shown] += 1
        if shown == OVERDUE:
            overdue.setdefault(key, []).append(
                f"{item.number} {item.content} ({item.lead_unit.name}, "
                + _("hạn %(d)s") % {"d": format_date(item.due_date)} + ")")
    rows = [ProgrammeRow(label=tally.label, counts=counts.get(key, {}),
                         overdue_tasks=overdue.get(key, []))
            for key, tally in tallies.items() if key in counts or key.startswith(("b", "t"))]
    first = programmes[0]
    title = (_("Chương trình hành động số %(n)s") % {"n": first.number}) if first.number else (
        first.title)
    if first.number and first.issued_on:
        title += " " + _("ngày %(d)s") % {"d": format_date(first.issued_on)}
    return ProgrammeSummary(title=title, as_of=as_of, rows=rows,
                            awaiting=sum(1 for i in items if i.is_proposed))
