"""Reads for the catalogue pages and API: the province comparison and the mapping review.

``province_comparison`` assesses every commune of a province in four queries, plus the
one of ``province_resolutions``, whatever the number of communes, targets or figures:
indicator groups, indicators, their targets (with series and catalogue mapping joined),
and the communes' stored figures (``figures.selectors.stored_figures``). Assessing
commune by commune with ``assess_resolution`` would cost four queries a commune.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from nghiquyet.assessment.selectors import (
    AssessedGroup,
    AssessedIndicator,
    AssessedTarget,
    ResolutionAssessment,
    judged_series,
)
from nghiquyet.catalogue.matching import TargetText, suggest
from nghiquyet.catalogue.models import THEME_ORDER, CatalogueIndicator, TargetMapping, Theme
from nghiquyet.figures.selectors import FigureScope, SubtreeFigures, stored_figures
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType
from nghiquyet.progress import Status, assess_target
from nghiquyet.resolutions.models import (
    DataSeries,
    Indicator,
    IndicatorGroup,
    Resolution,
    Target,
)
from nghiquyet.resolutions.terms import this_year, year_in_term

# --- the province comparison -------------------------------------------------------


@dataclass
class CommuneResult:
    unit: OrgUnit
    resolution: Resolution
    assessment: ResolutionAssessment
    mapped: int  # targets mapped to a catalogue entry

    @property
    def counts(self) -> Any:
        return self.assessment.counts

    @property
    def target_count(self) -> int:
        return len(self.assessment.targets)

    @property
    def good_share(self) -> float:
        counts = self.counts
        return counts.good / counts.total if counts.total else 0.0


@dataclass
class ComparisonRow:
    commune: CommuneResult
    indicator: Indicator  # the commune's own numbered indicator
    assessed: AssessedTarget


@dataclass
class SharedIndicator:
    entry: CatalogueIndicator
    rows: list[ComparisonRow]

    @property
    def commune_count(self) -> int:
        return len({r.commune.unit.pk for r in self.rows})


@dataclass
class ThemeBlock:
    label: str
    indicators: list[SharedIndicator] = field(default_factory=list)


@dataclass
class ProvinceComparison:
    province: OrgUnit
    as_of: int
    years: list[int]
    approved_only: bool
    communes: list[CommuneResult]  # worst first
    shared: list[SharedIndicator]  # entries set by two communes or more
    single: int  # entries only one commune set

    @property
    def themes(self) -> list[ThemeBlock]:
        blocks: dict[str, ThemeBlock] = {}
        for s in self.shared:
            theme = s.entry.theme
            blocks.setdefault(theme, ThemeBlock(str(Theme(theme).label))).indicators.append(s)
        return list(blocks.values())

    @property
    def has_illustrative(self) -> bool:
        return any(c.unit.is_illustrative for c in self.communes)


def province_resolutions(province: OrgUnit) -> list[Resolution]:
    """Every current resolution issued by a commune or ward of the province (a copy that a
    newer version replaced, or an archived one, is left out): one query."""
    return list(Resolution.objects.filter(
        issuer__path__startswith=province.path, issuer__type=OrgUnitType.COMMUNE,
        is_current=True, archived_at__isnull=True,
    ).select_related("issuer").order_by("issuer__name", "-term_start", "pk"))


def comparison_years(resolutions: Iterable[Resolution]) -> list[int]:
    """Years a comparison may be made for: from the year after the first baseline."""
    resolutions = list(resolutions)
    if not resolutions:
        return []
    first = min(r.term_start for r in resolutions)
    last = max(r.term_end for r in resolutions)
    return list(range(first + 1, last + 1))


def default_year(years: list[int], today: dt.date | None = None) -> int:
    wanted = today.year if today else this_year()
    return year_in_term(years[0], years[-1], wanted) if years else wanted


def _current(resolutions: list[Resolution], as_of: int) -> list[Resolution]:
    """One resolution a commune: the latest whose term holds the year, else the latest."""
    by_issuer: dict[int, list[Resolution]] = defaultdict(list)
    for r in resolutions:
        by_issuer[r.issuer_id].append(r)
    chosen = []
    for own in by_issuer.values():
        covering = [r for r in own if r.term_start <= as_of <= r.term_end]
        chosen.append(max(covering or own, key=lambda r: (r.term_start, r.pk)))
    return chosen


def _year_for(resolution: Resolution, as_of: int) -> int:
    return min(max(as_of, resolution.term_start), resolution.term_end)


def province_comparison(province: OrgUnit, resolutions: list[Resolution], as_of: int, *,
                        approved_only: bool = False) -> ProvinceComparison:
    chosen = _current(resolutions, as_of)
    ids = [r.pk for r in chosen]
    groups = _groups(ids)
    indicators = _indicators(ids)
    years = range(min((r.term_start for r in chosen), default=as_of),
                  max((_year_for(r, as_of) for r in chosen), default=as_of) + 1)
    figures = _province_figures(chosen, indicators, list(years), approved_only)
    communes = [_commune(r, groups[r.pk], indicators[r.pk], figures[r.pk], _year_for(r, as_of))
                for r in chosen]
    communes.sort(key=_commune_rank)
    shared, single = _shared(communes)
    return ProvinceComparison(province=province, as_of=as_of,
                              years=comparison_years(resolutions), approved_only=approved_only,
                              communes=communes, shared=shared, single=single)


def _groups(ids: list[int]) -> dict[int, list[IndicatorGroup]]:
    out: dict[int, list[IndicatorGroup]] = defaultdict(list)
    for g in IndicatorGroup.objects.filter(resolution_id__in=ids).order_by("position"):
        out[g.resolution_id].append(g)
    return out


def _indicators(ids: list[int]) -> dict[int, list[Indicator]]:
    targets = Target.objects.select_related("series", "catalogue_mapping__indicator")
    out: dict[int, list[Indicator]] = defaultdict(list)
    # Each indicator's group comes from ``_groups`` (by id): not joined again here.
    for ind in (Indicator.objects.filter(resolution_id__in=ids)
                .prefetch_related(Prefetch("targets", queryset=targets.order_by("position"),
                                           to_attr="target_list"))
                .order_by("resolution_id", "number")):
        out[ind.resolution_id].append(ind)
    return out


def _province_figures(resolutions: list[Resolution], indicators: dict[int, list[Indicator]],
                      years: list[int], approved_only: bool) -> dict[int, SubtreeFigures]:
    """Every commune's own stored figures in one query (``stored_figures``), as tuples:
    no ORM object and no roll-up per figure."""
    scopes = [FigureScope(r, r.issuer, _series(indicators[r.pk])) for r in resolutions]
    found = stored_figures(scopes, years, approved_only=approved_only, depth=0)
    return {r.pk: figures for r, figures in zip(resolutions, found, strict=True)}


def _series(indicators: list[Indicator]) -> dict[int, DataSeries]:
    return {t.series_id: t.series for ind in indicators
            for t in ind.target_list}  # type: ignore[attr-defined]  # prefetched


def _commune(resolution: Resolution, groups: list[IndicatorGroup], indicators: list[Indicator],
             figures: SubtreeFigures, as_of: int) -> CommuneResult:
    """The commune's assessment, as ``assess_resolution`` makes it, from loaded data."""
    unit = resolution.issuer
    blocks: dict[int | None, AssessedGroup] = {g.pk: AssessedGroup(g) for g in groups}
    mapped = 0
    for ind in indicators:
        assessed = []
        for t in ind.target_list:  # type: ignore[attr-defined]  # prefetched
            series = judged_series(t, figures, unit.pk)
            assessed.append(AssessedTarget(
                target=t, series=series, figures=figures.of(t.series_id, unit.pk),
                # Statuses for every commune; the few explanations shown are written then.
                assessment=assess_target(t.as_registry_dict(), series,
                                         term_start=resolution.term_start, as_of=as_of,
                                         explain=False)))
            mapped += _entry_of(t) is not None
        blocks.setdefault(ind.group_id, AssessedGroup(None)).indicators.append(
            AssessedIndicator(ind, assessed))
    ordered = [b for b in blocks.values() if b.indicators]
    ordered.sort(key=lambda b: (b.group is None, b.group.position if b.group else 0))
    ra = ResolutionAssessment(
        resolution=resolution, unit=unit, as_of=as_of,
        years=list(range(resolution.term_start, resolution.term_end + 1)),
        groups=ordered, figures=figures)
    return CommuneResult(unit=unit, resolution=resolution, assessment=ra, mapped=mapped)


def _entry_of(target: Target) -> CatalogueIndicator | None:
    mapping = getattr(target, "catalogue_mapping", None)
    return mapping.indicator if mapping is not None else None


def _commune_rank(c: CommuneResult) -> tuple[float, int, str]:
    """Worst first: the smallest share achieved or on track, then the most missed."""
    return (c.good_share, -c.counts.counts[Status.MISSED], c.unit.name)


def status_rank(assessed: AssessedTarget) -> tuple[int, float]:
    """Worst first; a target without figures goes last, since it cannot be ranked."""
    a = assessed.assessment
    rank_ = a.status.rank if a.status.rank is not None else 99
    return (rank_, a.ratio if a.ratio is not None else 0.0)


def _shared(communes: list[CommuneResult]) -> tuple[list[SharedIndicator], int]:
    rows: dict[int, list[ComparisonRow]] = defaultdict(list)
    entries: dict[int, CatalogueIndicator] = {}
    for commune in communes:
        for ai in commune.assessment.indicators:
            for at in ai.targets:
                entry = _entry_of(at.target)
                if entry is not None:
                    entries[entry.pk] = entry
                    rows[entry.pk].append(ComparisonRow(commune, ai.indicator, at))
    shared, single = [], 0
    for pk, entry_rows in rows.items():
        block = SharedIndicator(entries[pk], sorted(
            entry_rows, key=lambda r: (*status_rank(r.assessed), r.commune.unit.name)))
        if block.commune_count >= 2:
            shared.append(block)
        else:
            single += 1
    shared.sort(key=lambda s: (THEME_ORDER.index(s.entry.theme) if s.entry.theme in THEME_ORDER
                               else len(THEME_ORDER), s.entry.position, s.entry.code))
    return shared, single


# --- the mapping review ------------------------------------------------------------


@dataclass
class MappingRow:
    target: Target
    mapping: TargetMapping | None
    suggestion: Any  # matching.Match | None
    suggested: CatalogueIndicator | None

    @property
    def entry(self) -> CatalogueIndicator | None:
        return self.mapping.indicator if self.mapping else None


@dataclass
class MappingReview:
    resolution: Resolution
    rows: Sequence[tuple[Indicator, list[MappingRow]]]
    entries: list[CatalogueIndicator]

    @property
    def mapped(self) -> int:
        return sum(1 for _, rows in self.rows for r in rows if r.entry is not None)

    @property
    def total(self) -> int:
        return sum(len(rows) for _, rows in self.rows)


def mapping_review(resolution: Resolution) -> MappingReview:
    """Targets with their mapping and the matcher's suggestion: three queries."""
    entries = list(CatalogueIndicator.objects.all())
    by_code = {e.code: e for e in entries}
    matchable = [e.as_entry() for e in entries]
    targets = Target.objects.select_related("catalogue_mapping__indicator").order_by("position")
    indicators = (Indicator.objects.filter(resolution=resolution).order_by("number")
                  .prefetch_related(Prefetch("targets", queryset=targets, to_attr="target_list")))
    rows = []
    for ind in indicators:
        own = []
        for t in ind.target_list:
            hint = suggest(TargetText(t.label, t.unit, t.kind, ind.text), matchable)
            own.append(MappingRow(target=t, mapping=getattr(t, "catalogue_mapping", None),
                                  suggestion=hint,
                                  suggested=by_code.get(hint.code) if hint else None))
        rows.append((ind, own))
    entries.sort(key=lambda e: (THEME_ORDER.index(e.theme) if e.theme in THEME_ORDER
                                else len(THEME_ORDER), e.position, e.code))
    return MappingReview(resolution=resolution, rows=rows, entries=entries)
