"""Reads for resolution pages, exports and the API. Query counts do not grow with data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from nghiquyet.lib.registry import FORMAT
from nghiquyet.resolutions.models import (
    Breakthrough,
    Indicator,
    IndicatorGroup,
    MainTask,
    Resolution,
    Target,
)


@dataclass
class GroupBlock:
    group: IndicatorGroup | None
    indicators: list[Indicator] = field(default_factory=list)

    @property
    def target_count(self) -> int:
        return count_targets(self.indicators)


@dataclass
class ResolutionPage:
    resolution: Resolution
    blocks: list[GroupBlock]
    breakthroughs: list[Breakthrough]
    tasks: list[MainTask]
    indicator_count: int
    target_count: int


def count_targets(indicators: list[Indicator]) -> int:
    """How many targets indicators from ``indicators_with_targets`` hold (no query)."""
    total = 0
    for indicator in indicators:
        total += len(indicator.target_list)  # type: ignore[attr-defined]  # prefetched to_attr
    return total


def indicators_with_targets(resolution: Resolution) -> list[Indicator]:
    """Indicators in order, each with ``target_list``: two queries whatever the size."""
    return list(
        Indicator.objects.filter(resolution=resolution)
        .select_related("group")
        .prefetch_related(Prefetch(
            "targets",
            queryset=Target.objects.select_related("series").order_by("position"),
            to_attr="target_list",
        ))
        .order_by("number")
    )


def resolution_page(resolution: Resolution) -> ResolutionPage:
    groups = list(IndicatorGroup.objects.filter(resolution=resolution).order_by("position"))
    indicators = indicators_with_targets(resolution)
    blocks: dict[int | None, GroupBlock] = {g.pk: GroupBlock(g) for g in groups}
    for ind in indicators:
        blocks.setdefault(ind.group_id, GroupBlock(None)).indicators.append(ind)
    ordered = [b for b in blocks.values() if b.indicators or b.group is not None]
    ordered.sort(key=lambda b: (b.group is None, b.group.position if b.group else 0))
    return ResolutionPage(
        resolution=resolution,
        blocks=ordered,
        breakthroughs=list(Breakthrough.objects.filter(resolution=resolution)),
        tasks=list(MainTask.objects.filter(resolution=resolution)),
        indicator_count=len(indicators),
        target_count=count_targets(indicators),
    )


def resolution_list(qs: QuerySet[Resolution]) -> list[Resolution]:
    return list(
        qs.annotate(indicator_count=Count("indicators", distinct=True),
                    target_count=Count("indicators__targets", distinct=True))
        .order_by("-term_start", "title")
    )


def registry_export(resolution: Resolution) -> dict[str, Any]:
    """The resolution as a ``nghiquyet.registry/1`` document, with how figures are kept."""
    groups = list(IndicatorGroup.objects.filter(resolution=resolution).order_by("position"))
    indicators = indicators_with_targets(resolution)
    return {
        "format": FORMAT,
        "resolution": {
            "title": resolution.title,
            "issuer": resolution.issuer_name,
            "level": resolution.level,
            "province": resolution.province,
            "term_start": resolution.term_start,
            "term_end": resolution.term_end,
        },
        "declared_indicator_count": resolution.declared_indicator_count,
        "groups": [
            {"code": g.code, "title": g.title, "declared_count": g.declared_count} for g in groups
        ],
        "indicators": [
            {
                "number": ind.number,
                "group": ind.group.code if ind.group else None,
                "text": ind.text,
                "targets": [
                    {**t.as_registry_dict(), "data": _series_dict(t)}
                    for t in ind.target_list  # type: ignore[attr-defined]  # prefetched
                ],
            }
            for ind in indicators
        ],
        "breakthroughs": [
            {"number": b.number, "title": b.title}
            for b in Breakthrough.objects.filter(resolution=resolution)
        ],
        "tasks": [
            {"number": t.number, "title": t.title}
            for t in MainTask.objects.filter(resolution=resolution)
        ],
        "notes": list(resolution.notes or []),
    }


def _series_dict(target: Target) -> dict[str, Any]:
    s = target.series
    return {
        "series": s.code,
        "value_type": s.value_type,
        "reporting_unit_type": s.reporting_unit_type,
        "aggregation": s.aggregation,
        "subyear_aggregation": s.subyear_aggregation,
    }
