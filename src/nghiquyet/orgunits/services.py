"""Writes to the org-unit tree. Each one is atomic and leaves an audit row."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr

from nghiquyet.audit.services import audit_record
from nghiquyet.orgunits.models import OrgUnit


def _segment(pk: int) -> str:
    return f"{pk:0{OrgUnit.PATH_SEGMENT}d}/"


@transaction.atomic
def orgunit_create(
    *, code: str, name: str, type: str, parent: OrgUnit | None = None,
    is_illustrative: bool = False, actor: AbstractBaseUser | None = None,
) -> OrgUnit:
    unit = OrgUnit.objects.create(
        code=code, name=name, type=type, parent=parent, is_illustrative=is_illustrative
    )
    unit.path = (parent.path if parent else "/") + _segment(unit.pk)
    unit.depth = parent.depth + 1 if parent else 0
    unit.save(update_fields=["path", "depth"])
    audit_record(actor=actor, action="orgunit.create", target=unit, orgunit=unit,
                 new={"code": code, "name": name, "type": type,
                      "parent": parent.code if parent else None})
    return unit


@transaction.atomic
def orgunit_bulk_create(
    *, parent: OrgUnit, rows: list[tuple[str, str, str]], is_illustrative: bool = False,
    actor: AbstractBaseUser | None = None,
) -> list[OrgUnit]:
    """Create many children of ``parent`` (code, name, type) with few queries."""
    units = OrgUnit.objects.bulk_create(
        [OrgUnit(code=c, name=n, type=t, parent=parent, is_illustrative=is_illustrative)
         for c, n, t in rows]
    )
    if any(u.pk is None for u in units):  # backends without RETURNING
        units = list(OrgUnit.objects.filter(code__in=[c for c, _, _ in rows]))
    for unit in units:
        unit.path = parent.path + _segment(unit.pk)
        unit.depth = parent.depth + 1
    OrgUnit.objects.bulk_update(units, ["path", "depth"])
    audit_record(actor=actor, action="orgunit.bulk_create", target=parent, orgunit=parent,
                 new={"children": [c for c, _, _ in rows]})
    return units


@transaction.atomic
def orgunit_move(*, unit: OrgUnit, new_parent: OrgUnit | None,
                 actor: AbstractBaseUser | None = None) -> OrgUnit:
    if new_parent is not None and new_parent.is_within(unit):
        raise ValueError("cannot move a unit under itself")
    old_path, old_parent = unit.path, unit.parent
    new_path = (new_parent.path if new_parent else "/") + _segment(unit.pk)
    depth_shift = (new_parent.depth + 1 if new_parent else 0) - unit.depth
    OrgUnit.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + depth_shift,
    )
    unit.parent = new_parent
    unit.save(update_fields=["parent"])
    unit.refresh_from_db()
    audit_record(actor=actor, action="orgunit.move", target=unit, orgunit=unit,
                 old={"parent": old_parent.code if old_parent else None},
                 new={"parent": new_parent.code if new_parent else None})
    return unit
