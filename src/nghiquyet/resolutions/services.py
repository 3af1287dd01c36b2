"""Writes to resolutions. Each is atomic and leaves an audit row."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from nghiquyet.accounts import access
from nghiquyet.accounts.types import Viewer
from nghiquyet.audit.services import audit_record
from nghiquyet.figures.store import rebuild_figures
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.registry import FieldError, RegistryError, validate_registry
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType
from nghiquyet.orgunits.services import orgunit_create
from nghiquyet.resolutions.models import (
    Breakthrough,
    DataSeries,
    Indicator,
    IndicatorGroup,
    MainTask,
    Resolution,
    Target,
)
from nghiquyet.resolutions.series_inference import infer_series_spec, shared_series_index

_LEVEL_TYPES = {
    "tỉnh": OrgUnitType.PROVINCE,
    "thành phố": OrgUnitType.PROVINCE,
    "xã": OrgUnitType.COMMUNE,
    "phường": OrgUnitType.COMMUNE,
    "đặc khu": OrgUnitType.COMMUNE,
}
_ISSUER_PREFIX = re.compile(r"^(đảng bộ|ban chấp hành đảng bộ)\s+", re.IGNORECASE)
_LEVEL_PREFIX = re.compile(r"^(tỉnh|thành phố|xã|phường|đặc khu)\s+", re.IGNORECASE)


def slug_code(text: str) -> str:
    """ASCII code from a Vietnamese name: "Phiêng Khoài" -> "PHIENG-KHOAI"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").upper()[:40] or "DV"


def _place_name(issuer: str) -> str:
    name = _ISSUER_PREFIX.sub("", issuer.strip())
    return _LEVEL_PREFIX.sub("", name).strip() or name


def resolve_issuer(resolution: dict[str, Any], actor: Viewer | None) -> OrgUnit:
    """Find the issuing org unit by name under its province, or create both."""
    level_type = _LEVEL_TYPES.get((resolution.get("level") or "").lower(), OrgUnitType.COMMUNE)
    name = _place_name(resolution["issuer"])
    province_name = (resolution.get("province") or "").strip()
    province = None
    if level_type != OrgUnitType.PROVINCE and province_name:
        province = OrgUnit.objects.filter(type=OrgUnitType.PROVINCE, name=province_name).first()
        if province is None:
            province = orgunit_create(
                code=_free_code(slug_code(province_name)), name=province_name,
                type=OrgUnitType.PROVINCE, actor=actor,
            )
    qs = OrgUnit.objects.filter(type=level_type, name=name)
    if province is not None:
        qs = qs.filter(parent=province)
    unit = qs.first()
    if unit is None:
        unit = orgunit_create(
            code=_free_code(slug_code(name)), name=name, type=level_type, parent=province,
            actor=actor,
        )
    return unit


def _free_code(code: str) -> str:
    taken = set(OrgUnit.objects.filter(code__startswith=code).values_list("code", flat=True))
    if code not in taken:
        return code
    n = 2
    while f"{code}-{n}" in taken:
        n += 1
    return f"{code}-{n}"


class DuplicateResolution(Exception):
    """The resolution already exists (same issuer and term, or same title); nothing was
    saved. The importer chooses: a new version of ``existing[0]``, or cancel."""

    def __init__(self, existing: list[Resolution]) -> None:
        super().__init__(", ".join(r.title for r in existing))
        self.existing = existing


def _folded(text: str) -> str:
    return " ".join(slug_code(text).split("-")).lower()


def resolution_duplicates(*, meta: dict[str, Any], issuer: OrgUnit) -> list[Resolution]:
    """Current resolutions of ``issuer`` that ``meta`` (a registry's ``resolution``) would
    repeat: the same term, or the same title (spacing, case and diacritics aside)."""
    title = _folded(meta.get("title") or "")
    return [r for r in Resolution.objects.filter(issuer=issuer, is_current=True,
                                                 archived_at__isnull=True).order_by("-pk")
            if (r.term_start, r.term_end) == (meta.get("term_start"), meta.get("term_end"))
            or (title and _folded(r.title) == title)]


@transaction.atomic
def registry_import(
    *, doc: Any, actor: Viewer | None = None, issuer: OrgUnit | None = None,
    source_document: Any = None, new_version_of: Resolution | None = None,
) -> Resolution:
    """Create a resolution from a ``nghiquyet.registry/1`` document.

    All or nothing: a RegistryError (naming each bad field's path) leaves the
    database as it was. PermissionDenied when ``actor`` may not import for
    ``issuer`` (``access.can_import_resolution``); ``actor=None`` is the operator's
    command line or the demo loader.

    A resolution that already exists raises DuplicateResolution, unless the import is
    ``new_version_of`` it: the new version becomes current and takes over the figures and
    assignments of every data series it keeps unchanged.
    """
    access.require_import_resolution(actor, issuer)
    data = validate_registry(doc)
    meta = data["resolution"]
    issuer = issuer or resolve_issuer(meta, actor)
    # Two imports for one issuer at once: the second waits here, then sees the first.
    OrgUnit.objects.select_for_update(no_key=True).filter(pk=issuer.pk).exists()
    existing = resolution_duplicates(meta=meta, issuer=issuer)
    if new_version_of is None and existing:
        raise DuplicateResolution(existing)
    if new_version_of is not None and new_version_of.issuer_id != issuer.pk:
        raise PermissionDenied
    resolution = Resolution.objects.create(
        version=(new_version_of.version + 1) if new_version_of else 1,
        previous=new_version_of,
        issuer=issuer,
        title=meta["title"],
        issuer_name=meta["issuer"],
        level=meta["level"],
        province=meta["province"],
        term_start=meta["term_start"],
        term_end=meta["term_end"],
        declared_indicator_count=data["declared_indicator_count"],
        notes=data["notes"],
    )
    if source_document is not None:
        resolution.source_document.save(source_document.name, source_document, save=True)
    groups = {
        g["code"]: IndicatorGroup.objects.create(
            resolution=resolution, code=g["code"], title=g["title"],
            declared_count=g["declared_count"], position=i,
        )
        for i, g in enumerate(data["groups"])
    }
    _create_indicators(resolution, groups, data["indicators"], issuer.type)
    Breakthrough.objects.bulk_create(
        Breakthrough(resolution=resolution, number=b["number"], title=b["title"])
        for b in data["breakthroughs"]
    )
    MainTask.objects.bulk_create(
        MainTask(resolution=resolution, number=t["number"], title=t["title"])
        for t in data["tasks"]
    )
    # The new series' figures: sub-units' coverage (0 of n) before any value is entered.
    rebuild_figures(series_ids=DataSeries.objects.filter(resolution=resolution)
                    .values_list("id", flat=True))
    carried = _supersede(existing, resolution) if new_version_of is not None else 0
    audit_record(
        actor=actor, action="resolution.import", target=resolution, orgunit=issuer,
        new={"indicators": len(data["indicators"]),
             "targets": sum(len(i["targets"]) for i in data["indicators"]),
             **({"new_version_of": new_version_of.pk, "version": resolution.version,
                 "figures_carried_over": carried} if new_version_of else {})},
    )
    return resolution


_SERIES_SPEC = ("code", "unit", "value_type", "reporting_unit_type", "aggregation",
                "subyear_aggregation", "period_kind")


def _supersede(older: list[Resolution], resolution: Resolution) -> int:
    """The older copies stop being current; the figures and assignments of each series
    the new version keeps unchanged move to it. Returns the number of figures moved."""
    from nghiquyet.figures.models import DataValue, SeriesAssignment
    from nghiquyet.figures.store import rebuild_figures

    Resolution.objects.filter(pk__in=[r.pk for r in older]).update(is_current=False)
    new_series = {tuple(getattr(s, f) for f in _SERIES_SPEC): s
                  for s in DataSeries.objects.filter(resolution=resolution)}
    moved, touched = 0, []
    for old in DataSeries.objects.filter(resolution__in=older).order_by("-resolution_id"):
        new = new_series.pop(tuple(getattr(old, f) for f in _SERIES_SPEC), None)
        if new is None:
            continue
        moved += DataValue.objects.filter(series=old).update(series=new)
        SeriesAssignment.objects.filter(series=old).update(series=new)
        touched += [old.pk, new.pk]
    if touched:
        rebuild_figures(series_ids=touched)
    return moved


@transaction.atomic
def resolution_rename(*, resolution: Resolution, title: str, actor: Viewer | None) -> Resolution:
    access.require_registry_manager(actor, resolution.issuer)
    old = resolution.title
    resolution.title = title
    resolution.save(update_fields=["title"])
    audit_record(actor=actor, action="resolution.rename", target=resolution,
                 orgunit=resolution.issuer, old={"title": old}, new={"title": title})
    return resolution


@transaction.atomic
def resolution_set_archived(*, resolution: Resolution, archived: bool, actor: Viewer | None,
                            reason: str = "") -> Resolution:
    """An archived resolution leaves the lists and the province comparison; its figures
    and history stay, and it can be brought back."""
    from django.utils import timezone

    access.require_registry_manager(actor, resolution.issuer)
    old = resolution.archived_at
    resolution.archived_at = timezone.now() if archived else None
    resolution.save(update_fields=["archived_at"])
    audit_record(actor=actor, action="resolution.archive" if archived else "resolution.unarchive",
                 target=resolution, orgunit=resolution.issuer,
                 old={"archived": old is not None}, new={"archived": archived}, reason=reason)
    return resolution


class ResolutionInUse(Exception):
    """A resolution with figures, or with a newer version, is archived, never deleted."""


def resolution_in_use(resolution: Resolution) -> bool:
    from nghiquyet.figures.models import DataValue

    return (DataValue.objects.filter(series__resolution=resolution).exists()
            or Resolution.objects.filter(previous=resolution).exists())


def _create_indicators(
    resolution: Resolution, groups: dict[str, IndicatorGroup],
    indicators: list[dict[str, Any]], level_type: str,
) -> None:
    series_by_code: dict[str, DataSeries] = {}
    for ind in indicators:
        indicator = Indicator.objects.create(
            resolution=resolution, group=groups.get(ind["group"]) if ind["group"] else None,
            number=ind["number"], text=ind["text"],
        )
        targets = ind["targets"]
        own_series: list[DataSeries | None] = [None] * len(targets)
        # Level targets first, so a growth rate can point at its level series.
        order = sorted(range(len(targets)), key=lambda k: targets[k]["kind"] == "growth_rate")
        for k in order:
            own_series[k] = _series_for(resolution, indicator, targets, k, own_series,
                                        series_by_code, level_type)
        Target.objects.bulk_create(
            Target(
                indicator=indicator, position=k, label=t["label"], kind=t["kind"],
                comparator=t["comparator"], value=t["value"], upper=t["upper"], unit=t["unit"],
                denominator=t["denominator"], year=t["year"], each_year=t["each_year"],
                series=own_series[k],
            )
            for k, t in enumerate(targets)
        )


def _series_for(
    resolution: Resolution, indicator: Indicator, targets: list[dict[str, Any]], k: int,
    done: list[DataSeries | None], by_code: dict[str, DataSeries], level_type: str,
) -> DataSeries:
    t = targets[k]
    declared = t.get("data") or {}
    code = declared.get("series")
    if code and code in by_code:
        return by_code[code]
    if not code:
        shared = shared_series_index(targets, k)
        if shared is not None and done[shared] is not None:
            return done[shared]  # type: ignore[return-value]  # checked not None just above
        code = f"{indicator.number}.{k + 1}"
    spec = infer_series_spec(t, level_type)
    spec.update({key: v for key, v in declared.items() if v and key != "series"})
    if t["kind"] == "growth_rate":
        unit = ""  # the level's own unit is unknown until a level target names it
    else:
        unit = "%" if t["unit"] == "điểm %" else t["unit"]
    series = DataSeries.objects.create(
        resolution=resolution, code=code, name=t["label"] or indicator.text[:1000],
        unit=unit, **spec,
    )
    by_code[code] = series
    return series


@transaction.atomic
def resolution_delete(*, resolution: Resolution, actor: Viewer | None, reason: str = "") -> None:
    """Delete a resolution imported by mistake. One with figures, or one a newer version
    replaced, raises ResolutionInUse: archive it instead."""
    access.require_registry_manager(actor, resolution.issuer)
    if resolution_in_use(resolution):
        raise ResolutionInUse
    audit_record(actor=actor, action="resolution.delete", target=resolution,
                 orgunit=resolution.issuer, old={"title": resolution.title}, reason=reason)
    Target.objects.filter(indicator__resolution=resolution).delete()
    DataSeries.objects.filter(resolution=resolution).delete()
    if resolution.previous_id is not None and resolution.is_current:
        Resolution.objects.filter(pk=resolution.previous_id).update(is_current=True)
    resolution.delete()


def registry_error_lines(exc: RegistryError) -> list[str]:
    """Vietnamese lines for a refused document: one per bad field, with its path."""
    return [_("Trường %(path)s: %(message)s") % {"path": e.path, "message": e.message}
            for e in exc.errors]


__all__ = ["DuplicateResolution", "FieldError", "RegistryError", "ResolutionInUse",
           "registry_error_lines", "registry_import", "resolution_delete", "resolution_duplicates",
           "resolution_rename", "resolution_set_archived", "resolve_issuer", "slug_code"]
