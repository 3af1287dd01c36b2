"""Writes to the org-unit tree. Each one is atomic and leaves an audit row."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr

from nghiquyet.accounts.types import Viewer
from nghiquyet.audit.services import audit_record
from nghiquyet.figures.store import refresh_figures
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType


def _segment(pk: int) -> str:
    return f"{pk:0{OrgUnit.PATH_SEGMENT}d}/"


@transaction.atomic
def orgunit_create(
    *, code: str, name: str, type: str, parent: OrgUnit | None = None,
    is_illustrative: bool = False, actor: Viewer | None = None,
    official_code: str | None = None,
) -> OrgUnit:
    unit = OrgUnit.objects.create(
        code=code, name=name, type=type, parent=parent, is_illustrative=is_illustrative,
        official_code=official_code,
    )
    unit.path = (parent.path if parent else "/") + _segment(unit.pk)
    unit.depth = parent.depth + 1 if parent else 0
    unit.save(update_fields=["path", "depth"])
    refresh_figures(unit_ids=[unit.pk])  # the parents' coverage counts one unit more
    audit_record(actor=actor, action="orgunit.create", target=unit, orgunit=unit,
                 new={"code": code, "name": name, "type": type, "official_code": official_code,
                      "parent": parent.code if parent else None})
    return unit


@transaction.atomic
def orgunit_bulk_create(
    *, parent: OrgUnit, rows: Sequence[tuple[str, str, str]], is_illustrative: bool = False,
    actor: Viewer | None = None,
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
    refresh_figures(unit_ids=[u.pk for u in units])
    audit_record(actor=actor, action="orgunit.bulk_create", target=parent, orgunit=parent,
                 new={"children": [c for c, _, _ in rows]})
    return units


@transaction.atomic
def orgunit_move(*, unit: OrgUnit, new_parent: OrgUnit | None,
                 actor: Viewer | None = None) -> OrgUnit:
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
    # Both trees change: the unit's subtree under its new parents, the old parents' totals.
    refresh_figures(unit_ids=[unit.pk] + ([old_parent.pk] if old_parent else []),
                    subtrees=True)
    audit_record(actor=actor, action="orgunit.move", target=unit, orgunit=unit,
                 old={"parent": old_parent.code if old_parent else None},
                 new={"parent": new_parent.code if new_parent else None})
    return unit


# --- official units ----------------------------------------------------------------------


class UnitError(Exception):
    """A change to the tree that cannot be made; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _official_unit(*, code: str, name: str, type: str, parent: OrgUnit | None,
                   actor: Viewer | None) -> OrgUnit:
    """The unit with this official code; else one of that name and type under ``parent``
    (made earlier by hand or by an import), which then gets the code; else a new one."""
    unit = OrgUnit.objects.filter(official_code=code).first()
    if unit is not None:
        return unit
    unit = OrgUnit.objects.filter(type=type, name=name, parent=parent,
                                  official_code__isnull=True).first()
    if unit is None:
        taken = OrgUnit.objects.filter(code=code).exists()
        return orgunit_create(code=f"DVHC-{code}" if taken else code, name=name, type=type,
                              parent=parent, actor=actor, official_code=code)
    unit.official_code = code
    unit.save(update_fields=["official_code"])
    audit_record(actor=actor, action="orgunit.set_official_code", target=unit, orgunit=unit,
                 new={"official_code": code})
    return unit


@transaction.atomic
def orgunit_setup_official(*, commune_code: str, actor: Viewer | None) -> OrgUnit:
    """Create (or find) a commune and its province from the official list, by the
    commune's five-digit code. Only a system admin (``actor=None``: the command line)."""
    from nghiquyet.accounts import access
    from nghiquyet.lib.i18n import gettext as _
    from nghiquyet.orgunits import official

    if actor is not None and not access.can_setup_official_units(actor):
        raise PermissionDenied
    found = official.communes().get(commune_code)
    if found is None:
        raise UnitError(_("Không có xã/phường mã “%(code)s” trong danh mục hành chính.")
                        % {"code": commune_code})
    province = _official_unit(code=found.province.code, name=found.province.name,
                              type=OrgUnitType.PROVINCE, parent=None, actor=actor)
    return _official_unit(code=found.code, name=found.name, type=OrgUnitType.COMMUNE,
                          parent=province, actor=actor)


# --- a commune's own sub-units -------------------------------------------------------------


@transaction.atomic
def orgunit_add(*, parent: OrgUnit, code: str, name: str, type: str,
                actor: Viewer | None) -> OrgUnit:
    """A sub-unit made on the web; its code is the parent's code, a dash and ``code``."""
    from nghiquyet.accounts import access
    from nghiquyet.lib.i18n import gettext as _

    access.require_manage_unit(actor, parent)
    full = child_code(parent, code)
    if OrgUnit.objects.filter(code=full).exists():
        raise UnitError(_("Mã “%(code)s” đã được dùng.") % {"code": code})
    unit = orgunit_create(code=full, name=name, type=type, parent=parent, actor=actor)
    refresh_figures(unit_ids=[unit.pk], subtrees=False)
    return unit


def child_code(parent: OrgUnit, code: str) -> str:
    """Codes are unique in the whole system, so a commune's own codes ("B01") are kept
    under its code ("04099-B01"); a code already written that way is kept as it is."""
    code = code.strip().upper()
    prefix = parent.code.upper() + "-"
    return code if code.startswith(prefix) else prefix + code


@transaction.atomic
def orgunit_rename(*, unit: OrgUnit, name: str, actor: Viewer | None) -> OrgUnit:
    from nghiquyet.accounts import access

    access.require_manage_unit(actor, unit)
    old = unit.name
    unit.name = name
    unit.save(update_fields=["name"])
    audit_record(actor=actor, action="orgunit.rename", target=unit, orgunit=unit,
                 old={"name": old}, new={"name": name})
    return unit


@transaction.atomic
def orgunit_relocate(*, unit: OrgUnit, new_parent: OrgUnit,
                     actor: Viewer | None) -> OrgUnit:
    """Move a sub-unit under another unit that the actor also manages."""
    from nghiquyet.accounts import access
    from nghiquyet.lib.i18n import gettext as _

    access.require_manage_unit(actor, unit)
    access.require_manage_unit(actor, new_parent)
    if unit.parent_id is None or unit.type in (OrgUnitType.PROVINCE, OrgUnitType.COMMUNE):
        raise UnitError(_("Chỉ chuyển được đơn vị trực thuộc xã, không chuyển tỉnh hay xã."))
    if new_parent.is_within(unit):
        raise UnitError(_("Không chuyển được một đơn vị vào chính nó hoặc đơn vị con của nó."))
    # orgunit_move refreshes the stored figures of both trees.
    return orgunit_move(unit=unit, new_parent=new_parent, actor=actor)


@transaction.atomic
def orgunit_deactivate(*, unit: OrgUnit, actor: Viewer | None,
                       reason: str = "") -> OrgUnit:
    """A unit stops reporting. It is never deleted: its figures stay and still count
    in the years it reported."""
    from nghiquyet.accounts import access
    from nghiquyet.lib.i18n import gettext as _

    access.require_manage_unit(actor, unit)
    if unit.type in (OrgUnitType.PROVINCE, OrgUnitType.COMMUNE):
        raise UnitError(_("Không ngừng hoạt động được tỉnh hay xã trên trang này."))
    if OrgUnit.objects.descendants(unit).filter(is_active=True).exists():
        raise UnitError(_("Đơn vị “%(name)s” còn đơn vị trực thuộc đang hoạt động.")
                        % {"name": unit.name})
    unit.is_active = False
    unit.save(update_fields=["is_active"])
    refresh_figures(unit_ids=[unit.pk], subtrees=True)  # its later years are no longer expected
    audit_record(actor=actor, action="orgunit.deactivate", target=unit, orgunit=unit,
                 old={"is_active": True}, new={"is_active": False}, reason=reason)
    return unit


@transaction.atomic
def orgunit_merge(*, unit: OrgUnit, into: OrgUnit, move_figures: bool,
                  actor: Viewer | None, reason: str = "") -> OrgUnit:
    """Merge ``unit`` into ``into`` (villages merge often). With ``move_figures`` its
    figures become the merged unit's (refused when both have a figure for the same
    series and period); otherwise they stay under the old unit, which is marked as
    merged. Either way the old unit is deactivated, never deleted, and the audit row
    says what happened to each figure."""
    from nghiquyet.accounts import access
    from nghiquyet.figures.models import DataValue
    from nghiquyet.lib.i18n import gettext as _

    access.require_manage_unit(actor, unit)
    access.require_manage_unit(actor, into)
    if unit.pk == into.pk or into.is_within(unit) or unit.is_within(into):
        raise UnitError(_("Chỉ sáp nhập được hai đơn vị khác nhau, không lồng nhau."))
    if unit.type != into.type or unit.parent_id != into.parent_id:
        raise UnitError(_("Chỉ sáp nhập được hai đơn vị cùng loại, cùng đơn vị cấp trên."))
    if OrgUnit.objects.filter(parent=unit, is_active=True).exists():
        raise UnitError(_("Đơn vị “%(name)s” còn đơn vị trực thuộc đang hoạt động; hãy chuyển "
                          "chúng trước.") % {"name": unit.name})
    values = DataValue.objects.filter(orgunit=unit)
    moved: list[int] = []
    if move_figures:
        clash = DataValue.objects.filter(
            orgunit=into, series_id__in=values.values("series_id"),
            period__in=values.values("period"),
        ).select_related("series")
        cells = {(v.series_id, v.period) for v in values}
        clashes = [v for v in clash if (v.series_id, v.period) in cells]
        if clashes:
            first = clashes[0]
            raise UnitError(
                _("Cả hai đơn vị đều có số liệu “%(series)s” kỳ %(period)s; không chuyển được "
                  "số liệu. Hãy chọn giữ số liệu ở đơn vị cũ.")
                % {"series": first.series.name, "period": first.period})
        moved = list(values.values_list("pk", flat=True))
        values.update(orgunit=into)
        # Each figure's own history says where it came from.
        why = _("Sáp nhập %(old)s vào %(new)s") % {"old": unit.name, "new": into.name}
        for value in DataValue.objects.filter(pk__in=moved).select_related("series", "orgunit"):
            audit_record(actor=actor, action="value.move", target=value, orgunit=into,
                         old={"orgunit": unit.code}, new=None,
                         reason=f"{why}. {reason}".strip() if reason else why)
    unit.is_active = False
    unit.merged_into = into
    unit.save(update_fields=["is_active", "merged_into"])
    refresh_figures(unit_ids=[unit.pk, into.pk], subtrees=True)
    audit_record(actor=actor, action="orgunit.merge", target=unit, orgunit=unit,
                 old={"is_active": True},
                 new={"merged_into": into.code, "figures": "moved" if move_figures else "kept",
                      "moved_values": moved}, reason=reason)
    return unit


# --- sub-units from a spreadsheet ------------------------------------------------------------

SUBUNIT_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("Mã", "Mã đơn vị", "Ma"),
    "name": ("Tên", "Tên đơn vị"),
    "type": ("Loại", "Loại đơn vị"),
    "parent": ("Mã đơn vị cấp trên", "Đơn vị cấp trên", "Cấp trên"),
}
SUBUNIT_TYPES = (OrgUnitType.VILLAGE, OrgUnitType.PARTY_CELL, OrgUnitType.SCHOOL,
                 OrgUnitType.AGENCY)
_TYPE_WORDS = {
    OrgUnitType.VILLAGE: ("bản", "thôn", "tổ dân phố", "bản/thôn/tổ dân phố", "village", "xóm",
                          "ấp", "buôn", "làng", "khu phố"),
    OrgUnitType.PARTY_CELL: ("chi bộ", "chi bộ/tổ chức cơ sở đảng", "đảng bộ bộ phận",
                             "party_cell", "tổ chức cơ sở đảng"),
    OrgUnitType.SCHOOL: ("trường", "trường học", "school"),
    OrgUnitType.AGENCY: ("cơ quan", "đơn vị", "agency"),
}
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$")


class UnitImportError(Exception):
    """The file was refused as a whole; ``errors`` name each bad row and column."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def unit_type_from_text(text: str) -> str | None:
    from nghiquyet.lib.tables import fold_header

    folded = fold_header(text)
    for unit_type, words in _TYPE_WORDS.items():
        if folded in {fold_header(w) for w in words}:
            return unit_type
    return None


def _check_subunit_rows(commune: OrgUnit, rows: list[Any]) -> tuple[list[str], list[dict[str, Any]]]:
    from nghiquyet.lib.i18n import gettext as _

    errors: list[str] = []
    existing = {u.code.upper(): u for u in OrgUnit.objects.subtree(commune)}
    taken = {c.upper() for c in OrgUnit.objects.filter(code__istartswith=commune.code + "-")
             .values_list("code", flat=True)}
    seen: dict[str, int] = {}
    checked: list[dict[str, Any]] = []

    def fail(row: Any, column: str, message: str) -> None:
        errors.append(_("Dòng %(row)d, cột “%(col)s”: %(msg)s")
                      % {"row": row.number, "col": column, "msg": message})

    for row in rows:
        code, name = row.cells["code"], row.cells["name"]
        bad = len(errors)
        if not _CODE.match(code):
            fail(row, _("Mã"), _("cần một mã gồm chữ không dấu, số, dấu gạch (tối đa 30 "
                                   "ký tự), ví dụ B01.") if code else _("còn trống."))
        else:
            full = child_code(commune, code)
            if full in seen:
                fail(row, _("Mã"), _("mã “%(code)s” trùng với dòng %(other)d.")
                     % {"code": code, "other": seen[full]})
            elif full in existing or full in taken:
                fail(row, _("Mã"), _("mã “%(code)s” đã có trong hệ thống.") % {"code": code})
            seen.setdefault(full, row.number)
        if not name:
            fail(row, _("Tên"), _("còn trống."))
        elif len(name) > 255:
            fail(row, _("Tên"), _("dài quá 255 ký tự."))
        unit_type = unit_type_from_text(row.cells["type"])
        if unit_type is None:
            fail(row, _("Loại"), _("“%(type)s” không phải một loại đơn vị; dùng: Bản, Thôn, "
                                    "Tổ dân phố, Chi bộ, Trường học, Cơ quan.")
                 % {"type": row.cells["type"]})
        if len(errors) == bad:
            checked.append({"row": row, "code": child_code(commune, code), "name": name,
                            "type": unit_type, "parent": row.cells["parent"].strip()})
    file_codes = {c["code"] for c in checked}
    for c in checked:
        parent = c["parent"]
        if not parent or child_code(commune, parent) == commune.code.upper() \
                or parent.upper() == commune.code.upper():
            c["parent"] = None
            continue
        full = child_code(commune, parent)
        if full == c["code"]:
            fail(c["row"], _("Mã đơn vị cấp trên"), _("một đơn vị không trực thuộc chính nó."))
        elif full not in file_codes and full not in existing:
            fail(c["row"], _("Mã đơn vị cấp trên"),
                 _("không có đơn vị mã “%(code)s” trong tệp hay trong xã.") % {"code": parent})
        c["parent"] = full
    return errors, checked


@transaction.atomic
def orgunit_import_children(*, commune: OrgUnit, rows: list[Any],
                            actor: Viewer | None) -> list[OrgUnit]:
    """Sub-units of ``commune`` from spreadsheet rows (``lib.tables.TableRow`` with the
    keys of SUBUNIT_COLUMNS). All or nothing: UnitImportError lists every bad row."""
    from nghiquyet.accounts import access
    from nghiquyet.lib.i18n import gettext as _

    access.require_manage_unit(actor, commune)
    if not rows:
        raise UnitImportError([_("Tệp không có dòng đơn vị nào dưới dòng tiêu đề.")])
    errors, checked = _check_subunit_rows(commune, rows)
    if errors:
        raise UnitImportError(errors)
    units = {u.code.upper(): u for u in OrgUnit.objects.subtree(commune)}
    pending = list(checked)
    created: list[OrgUnit] = []
    while pending:
        ready = [c for c in pending if c["parent"] is None or c["parent"] in units]
        if not ready:
            raise UnitImportError([
                _("Dòng %(row)d, cột “%(col)s”: các đơn vị cấp trên tạo thành vòng lặp.")
                % {"row": c["row"].number, "col": _("Mã đơn vị cấp trên")} for c in pending])
        for c in ready:
            parent = commune if c["parent"] is None else units[c["parent"]]
            unit = OrgUnit.objects.create(code=c["code"], name=c["name"], type=c["type"],
                                          parent=parent)
            unit.path = parent.path + _segment(unit.pk)
            unit.depth = parent.depth + 1
            unit.save(update_fields=["path", "depth"])
            units[unit.code.upper()] = unit
            created.append(unit)
        pending = [c for c in pending if c not in ready]
    refresh_figures(unit_ids=[u.pk for u in created], subtrees=False)
    audit_record(actor=actor, action="orgunit.import", target=commune, orgunit=commune,
                 new={"created": [u.code for u in created]})
    return created
