"""Reads for the unit pages; a fixed number of queries whatever the tree's size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from nghiquyet.accounts import access
from nghiquyet.accounts.types import Viewer
from nghiquyet.audit.models import AuditEvent
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType


@dataclass
class UnitRow:
    unit: OrgUnit
    values: int


@dataclass
class HistoryLine:
    at: Any
    who: str
    unit: str
    what: str
    reason: str


@dataclass
class UnitPage:
    rows: list[UnitRow]
    history: list[HistoryLine]


def _labels() -> dict[str, str]:
    from nghiquyet.lib.i18n import gettext as _

    return {
        "orgunit.create": _("Tạo đơn vị"), "orgunit.bulk_create": _("Tạo các đơn vị trực thuộc"),
        "orgunit.import": _("Nhập đơn vị trực thuộc từ tệp"), "orgunit.move": _("Chuyển đơn vị"),
        "orgunit.rename": _("Đổi tên"), "orgunit.deactivate": _("Ngừng hoạt động"),
        "orgunit.merge": _("Sáp nhập"), "orgunit.set_official_code": _("Gắn mã hành chính"),
    }


def _detail(event: AuditEvent) -> str:
    from nghiquyet.lib.i18n import gettext as _

    new, old = event.new or {}, event.old or {}
    if event.action == "orgunit.rename":
        return f"{old.get('name', '')} → {new.get('name', '')}"
    if event.action == "orgunit.move":
        return f"{old.get('parent') or '—'} → {new.get('parent') or '—'}"
    if event.action == "orgunit.merge":
        kept = new.get("figures") == "kept"
        how = _("số liệu giữ ở đơn vị cũ") if kept else _("đã chuyển %(n)d số liệu") % {
            "n": len(new.get("moved_values") or [])}
        return _("vào %(unit)s; %(how)s") % {"unit": new.get("merged_into", ""), "how": how}
    if event.action == "orgunit.import":
        return _("%(n)d đơn vị") % {"n": len(new.get("created") or [])}
    return ""


def history_lines(events: list[AuditEvent]) -> list[HistoryLine]:
    labels = _labels()
    return [HistoryLine(at=e.at, who=e.actor_display, unit=e.object_repr,
                        what=": ".join(x for x in (labels.get(e.action, e.action), _detail(e)) if x),
                        reason=e.reason) for e in events]


def manageable_roots(user: Viewer) -> list[OrgUnit]:
    """Provinces and communes the user manages, for the unit list."""
    qs = access.managed_units(user).filter(
        type__in=[OrgUnitType.PROVINCE, OrgUnitType.COMMUNE]).select_related("parent")
    return list(qs.order_by("path")[:500])


def unit_page(unit: OrgUnit) -> UnitPage:
    units = (OrgUnit.objects.descendants(unit).select_related("parent", "merged_into")
             .annotate(n_values=Count("values")).order_by("-is_active", "path"))
    rows = [UnitRow(u, u.n_values) for u in units]
    history = list(AuditEvent.objects.filter(
        Q(orgunit__path__startswith=unit.path), action__startswith="orgunit.")
        .select_related("actor")[:30])
    return UnitPage(rows=rows, history=history_lines(history))


def unit_history(unit: OrgUnit) -> list[HistoryLine]:
    """Changes to the unit itself (its figures have their own history)."""
    return history_lines(list(AuditEvent.objects.filter(orgunit=unit, action__startswith="orgunit.")
                              .select_related("actor")[:30]))
