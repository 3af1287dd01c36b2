"""Search for targets and units, only among what the user may see."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from nghiquyet.accounts import access
from nghiquyet.accounts.types import Viewer
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import Resolution, Target

LIMIT = 30


@dataclass
class UnitHit:
    unit: OrgUnit
    resolution: Resolution | None  # the resolution whose dashboard shows the unit


@dataclass
class SearchResults:
    query: str
    targets: list[Target]
    units: list[UnitHit]


def search(user: Viewer, query: str) -> SearchResults:
    """Three queries: visible resolutions, matching targets, matching units.

    SQLite's LIKE folds only ASCII case, so the query is matched as typed and with
    its first letter capitalised ("lúa" and "Lúa")."""
    query = " ".join(query.split())[:100]
    if len(query) < 2:
        return SearchResults(query, [], [])
    variants = {query, query[:1].upper() + query[1:], query.lower()}
    resolutions = list(access.visible_resolutions(user))
    text = Q()
    for v in variants:
        text |= Q(label__contains=v) | Q(indicator__text__contains=v)
    targets = list(Target.objects.filter(text, indicator__resolution__in=resolutions)
                   .select_related("indicator", "indicator__resolution__issuer")
                   .order_by("indicator__resolution_id", "indicator__number", "position")[:LIMIT])
    name = Q()
    for v in variants:
        name |= Q(name__contains=v) | Q(code__iexact=v)
    units = list(access.visible_orgunits(user).filter(name).order_by("path")[:LIMIT])
    hits = []
    for unit in units:
        home = next((r for r in resolutions if unit.is_within(r.issuer)), None)
        hits.append(UnitHit(unit, home))
    return SearchResults(query, targets, hits)
