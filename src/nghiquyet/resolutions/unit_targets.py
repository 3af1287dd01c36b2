"""Targets set for a unit below the issuer: reads and the two audited writes.

A resolution's targets are the issuer's (the commune's 49.305 tấn of grain). A village or
a Party cell reports its share of the figures but has no target of its own unless a leader
over it sets one here; its report then compares with that, and otherwise says "chưa giao
mục tiêu cho đơn vị" instead of measuring a village against the commune's total.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from nghiquyet.accounts import access
from nghiquyet.accounts.types import Viewer, as_user
from nghiquyet.audit.services import audit_record
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import Resolution, Target, UnitTarget

# Kinds whose number is a quantity of the whole issuer (a total, a level of a sum): a unit
# needs its own. A rate or a yes/no ("tỷ lệ hộ nghèo dưới 12%", "đạt chuẩn") applies to
# each unit as it is.
SHARED_AGGREGATIONS = frozenset({"sum", "count_yes"})


class InvalidUnitTarget(ValueError):
    """A unit target that cannot be saved; the message is Vietnamese."""


def needs_own_target(target: Target) -> bool:
    """Whether a unit below the issuer needs its own number for ``target``."""
    return (target.series.aggregation in SHARED_AGGREGATIONS
            and target.kind in ("level", "cumulative"))


def unit_targets(resolution: Resolution, unit: OrgUnit) -> dict[int, UnitTarget]:
    """One query: target id -> the target set for ``unit``."""
    return {ut.target_id: ut for ut in UnitTarget.objects.filter(
        orgunit=unit, target__indicator__resolution=resolution)}


def with_unit_target(registry: dict[str, Any], unit_target: UnitTarget) -> dict[str, Any]:
    """The registry dict of a target with the unit's own number(s)."""
    out = dict(registry)
    out["value"] = float(unit_target.value)
    if unit_target.upper is not None:
        out["upper"] = float(unit_target.upper)
    return out


@dataclass(frozen=True)
class UnitTargetRow:
    target: Target
    current: UnitTarget | None


def unit_target_rows(resolution: Resolution, unit: OrgUnit) -> list[UnitTargetRow]:
    """The targets ``unit`` reports (its type's series, or those of the units under it) that
    need a number of its own, with the one set if any. Two queries."""
    from nghiquyet.resolutions.selectors import indicators_with_targets

    reported = set(OrgUnit.objects.subtree(unit).values_list("type", flat=True).distinct())
    current = unit_targets(resolution, unit)
    rows = []
    for indicator in indicators_with_targets(resolution):
        for target in indicator.target_list:  # type: ignore[attr-defined]  # prefetched
            if target.series.reporting_unit_type in reported and needs_own_target(target):
                rows.append(UnitTargetRow(target, current.get(target.pk)))
    return rows


def _check(actor: Viewer | None, target: Target, unit: OrgUnit) -> None:
    if not access.can_set_unit_target(actor, target.indicator.resolution, unit):
        raise PermissionDenied


@transaction.atomic
def unit_target_set(*, actor: Viewer | None, target: Target, orgunit: OrgUnit, value: Decimal,
                    upper: Decimal | None = None, note: str = "") -> UnitTarget:
    """Set (or change) ``orgunit``'s own number for ``target``; one audit row."""
    _check(actor, target, orgunit)
    if value < 0 or (upper is not None and upper < 0):
        raise InvalidUnitTarget(_("Mục tiêu giao cho đơn vị không được là số âm."))
    if target.comparator == "between" and upper is None:
        raise InvalidUnitTarget(_("Mục tiêu dạng khoảng cần cả cận dưới và cận trên."))
    if target.comparator != "between":
        upper = None
    current = (UnitTarget.objects.select_for_update()
               .filter(target=target, orgunit=orgunit).first())
    old = current.snapshot() if current else None
    obj = current or UnitTarget(target=target, orgunit=orgunit)
    obj.value, obj.upper, obj.note = value, upper, note.strip()[:500]
    obj.set_by = as_user(actor)
    obj.save()
    audit_record(actor=actor, action="unit_target.set", target=obj, orgunit=orgunit,
                 old=old, new=obj.snapshot())
    return obj


@transaction.atomic
def unit_target_clear(*, actor: Viewer | None, unit_target: UnitTarget) -> None:
    """Remove a unit's own target: its report says again that none was set."""
    current = (UnitTarget.objects.select_for_update(of=("self",))  # not the joined rows
               .select_related("target__indicator__resolution", "orgunit")
               .filter(pk=unit_target.pk).first())
    if current is None:
        return
    _check(actor, current.target, current.orgunit)
    audit_record(actor=actor, action="unit_target.clear", target=current,
                 orgunit=current.orgunit, old=current.snapshot(), new=None)
    current.delete()
