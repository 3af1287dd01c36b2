"""Writes to the catalogue and to target mappings. Each is atomic and leaves an audit row."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from nghiquyet.accounts.types import Viewer, as_user
from nghiquyet.audit.services import audit_record
from nghiquyet.catalogue.entries import CATALOGUE, SeedEntry
from nghiquyet.catalogue.matching import AUTO_THRESHOLD, TargetText, rank
from nghiquyet.catalogue.models import CatalogueIndicator, MappingMethod, TargetMapping
from nghiquyet.resolutions.models import Resolution, Target

AUTO = "auto"  # a reviewer's choice: let the matcher decide
NONE = "none"  # a reviewer's choice: the target is in no catalogue entry


class MappingError(ValueError):
    """A choice names a target outside the resolution or an unknown catalogue entry."""


_SEED_FIELDS = ("name", "unit", "measure", "direction", "theme", "keywords", "excludes", "notes")


def _seed_values(seed: SeedEntry, position: int) -> dict[str, Any]:
    values: dict[str, Any] = {f: getattr(seed, f) for f in _SEED_FIELDS}
    values["keywords"], values["excludes"] = list(seed.keywords), list(seed.excludes)
    values["position"] = position
    return values


@transaction.atomic
def catalogue_load(*, actor: Viewer | None, entries: Iterable[SeedEntry] = CATALOGUE) -> dict[str, list[str]]:
    """Create or update the shipped entries by code; entries added by hand stay as they are."""
    existing = {c.code: c for c in CatalogueIndicator.objects.all()}
    done: dict[str, list[str]] = {"created": [], "updated": []}
    for position, seed in enumerate(entries, 1):
        values = _seed_values(seed, position)
        row = existing.get(seed.code)
        if row is None:
            row = CatalogueIndicator.objects.create(code=seed.code, **values)
            audit_record(actor=actor, action="catalogue.create", target=row, new=values)
            done["created"].append(seed.code)
            continue
        old = {f: getattr(row, f) for f in values}
        if old != values:
            CatalogueIndicator.objects.filter(pk=row.pk).update(**values)
            audit_record(actor=actor, action="catalogue.update", target=row, old=old, new=values)
            done["updated"].append(seed.code)
    return done


# --- mappings -------------------------------------------------------------------------


@dataclass
class MappingResult:
    created: int = 0
    changed: int = 0
    removed: int = 0
    kept_manual: int = 0
    unmapped: list[int] = field(default_factory=list)  # targets left without an entry


def _targets(resolution: Resolution) -> list[Target]:
    return list(Target.objects.filter(indicator__resolution=resolution)
                .select_related("indicator").order_by("indicator__number", "position"))


def _text(target: Target) -> TargetText:
    return TargetText(label=target.label, unit=target.unit, kind=target.kind,
                      indicator_text=target.indicator.text)


def _catalogue() -> tuple[dict[str, CatalogueIndicator], list[Any]]:
    rows = {c.code: c for c in CatalogueIndicator.objects.all()}
    return rows, [c.as_entry() for c in rows.values()]


def _existing(targets: list[Target]) -> dict[int, TargetMapping]:
    return {m.target_id: m for m in TargetMapping.objects.filter(target__in=targets)}


@transaction.atomic
def map_resolution(*, resolution: Resolution, actor: Viewer | None,
                   threshold: float = AUTO_THRESHOLD) -> MappingResult:
    """Map every target the matcher is sure of; leave a reviewer's choices alone.

    Automatic mappings are re-derived each time, so a better catalogue improves them;
    one whose suggestion fell below the threshold is removed.
    """
    targets = _targets(resolution)
    rows, entries = _catalogue()
    existing = _existing(targets)
    result, changes = MappingResult(), {}
    now = timezone.now()
    for target in targets:
        current = existing.get(target.pk)
        if current is not None and current.method == MappingMethod.MANUAL:
            result.kept_manual += 1
            continue
        ranked = rank(_text(target), entries)
        best = ranked[0] if ranked and ranked[0].confidence >= threshold else None
        old_code = current.indicator.code if current and current.indicator else None
        if best is None:
            result.unmapped.append(target.pk)
            if current is not None:
                current.delete()
                result.removed += 1
                changes[target.pk] = [old_code, None]
            continue
        if current is None:
            TargetMapping.objects.create(target=target, indicator=rows[best.code],
                                         method=MappingMethod.AUTO, confidence=best.confidence,
                                         mapped_by=None, mapped_at=now)
            result.created += 1
            changes[target.pk] = [None, best.code]
        elif old_code != best.code or current.confidence != best.confidence:
            current.indicator, current.confidence, current.mapped_at = rows[best.code], \
                best.confidence, now
            current.save(update_fields=["indicator", "confidence", "mapped_at"])
            if old_code != best.code:
                result.changed += 1
                changes[target.pk] = [old_code, best.code]
    audit_record(actor=actor, action="catalogue.map_resolution", target=resolution,
                 orgunit=resolution.issuer,
                 new={"created": result.created, "changed": result.changed,
                      "removed": result.removed, "kept_manual": result.kept_manual,
                      "targets": {str(k): v for k, v in changes.items()}})
    return result


@transaction.atomic
def mappings_update(*, resolution: Resolution, actor: Viewer | None, choices: Mapping[int, str],
                    reason: str = "") -> int:
    """A reviewer's choices, target id -> entry code, ``NONE`` or ``AUTO``.

    ``AUTO`` hands the target back to the matcher. Returns how many targets changed.
    Raises MappingError, before writing anything, on a target outside the resolution
    or an unknown code.
    """
    targets = {t.pk: t for t in _targets(resolution)}
    rows, entries = _catalogue()
    _check_choices(choices, targets, rows)
    existing = _existing(list(targets.values()))
    changes: dict[str, list[str | None]] = {}
    for target_id, choice in choices.items():
        before = _state(existing.get(target_id))
        after = _apply(targets[target_id], choice, existing.get(target_id), rows, entries, actor)
        if before != after:
            changes[str(target_id)] = [before, after]
    if changes:
        audit_record(actor=actor, action="catalogue.mappings_update", target=resolution,
                     orgunit=resolution.issuer, new={"targets": changes}, reason=reason)
    return len(changes)


def _check_choices(choices: Mapping[int, str], targets: Mapping[int, Target],
                   rows: Mapping[str, CatalogueIndicator]) -> None:
    for target_id, choice in choices.items():
        if target_id not in targets:
            raise MappingError(f"target {target_id} is not in the resolution")
        if choice not in (AUTO, NONE) and choice not in rows:
            raise MappingError(f"unknown catalogue entry {choice!r}")


def _state(mapping: TargetMapping | None) -> str | None:
    """How a mapping reads in the audit trail: "manual:ho-ngheo", "auto:ho-ngheo", None."""
    if mapping is None:
        return None
    return f"{mapping.method}:{mapping.indicator.code if mapping.indicator else NONE}"


def _apply(target: Target, choice: str, current: TargetMapping | None,
           rows: Mapping[str, CatalogueIndicator], entries: list[Any], actor: Viewer | None) -> str | None:
    if choice == AUTO:
        if current is not None and current.method == MappingMethod.AUTO:
            return _state(current)
        if current is not None:
            current.delete()
        ranked = rank(_text(target), entries)
        if not ranked or ranked[0].confidence < AUTO_THRESHOLD:
            return None
        mapping = TargetMapping.objects.create(
            target=target, indicator=rows[ranked[0].code], method=MappingMethod.AUTO,
            confidence=ranked[0].confidence, mapped_by=None)
        return _state(mapping)
    indicator = None if choice == NONE else rows[choice]
    if current is not None and current.method == MappingMethod.MANUAL and \
            current.indicator_id == (indicator.pk if indicator else None):
        return _state(current)
    user = as_user(actor)
    mapping, _created = TargetMapping.objects.update_or_create(
        target=target, defaults={"indicator": indicator, "method": MappingMethod.MANUAL,
                                 "confidence": None, "mapped_by": user,
                                 "mapped_at": timezone.now()})
    return _state(mapping)
