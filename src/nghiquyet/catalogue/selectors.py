"""Reads for the catalogue pages and API: the province comparison and the mapping review.

``province_comparison`` assesses every commune of a province in at most three queries,
plus the one of ``province_resolutions``, whatever the number of communes, targets or
figures: the targets as tuples (their indicator, group position, series unit and
catalogue entry joined), the catalogue entries that targets are mapped to, and the
communes' own stored figures (``figures.selectors.issuer_judged_figures``: value judged
and estimate flag per series and year). It builds no model object per indicator, target,
series or figure: light rows (``TargetRow``, ``IndicatorRow``) carry what the page and
the API show, and each target's explanation is written only if read. Assessing commune
by commune with ``assess_resolution`` would cost six queries a commune and a model
object per indicator, target, series and figure.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from django.db.models import F, Prefetch

from nghiquyet.catalogue.matching import TargetText, suggest
from nghiquyet.catalogue.models import THEME_ORDER, CatalogueIndicator, TargetMapping, Theme
from nghiquyet.figures.selectors import NO_FIGURES, JudgedFigures, issuer_judged_figures
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType
from nghiquyet.progress import (
    Assessment,
    Status,
    StatusCounts,
    assess_target,
    count_statuses,
    describe_deadline,
    describe_target,
    indicator_status,
)
from nghiquyet.resolutions.models import (
    Indicator,
    Resolution,
    Target,
    registry_target,
)
from nghiquyet.resolutions.terms import this_year, year_in_term

# --- the province comparison -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """What the comparison shows of a commune's numbered indicator."""

    pk: int
    number: int
    text: str


@dataclass(frozen=True, slots=True)
class TargetRow:
    """What the comparison reads of a target: its registry fields (``registry``, as
    ``Target.as_registry_dict`` writes them) and where it belongs."""

    pk: int
    label: str
    year: int
    series_id: int
    entry_id: int | None  # the catalogue entry it is mapped to
    registry: Mapping[str, object]


@dataclass(slots=True)
class ComparedTarget:
    """A commune's target judged as its dashboard judges it (``AssessedTarget``'s words)."""

    target: TargetRow
    assessment: Assessment
    series: dict[int, Decimal]  # year -> the quantity the target is judged on
    estimates: frozenset[int]  # years whose figure is an estimate

    @property
    def status(self) -> Status:
        return self.assessment.status

    @property
    def text(self) -> str:
        return describe_target(self.target.registry)

    @property
    def deadline(self) -> str:
        return describe_deadline(self.target.registry)

    @property
    def estimate_years(self) -> frozenset[int]:
        return self.estimates


@dataclass(slots=True)
class ComparedIndicator:
    indicator: IndicatorRow
    targets: list[ComparedTarget]
    status: Status  # the worst judged target (``indicator_status``)


@dataclass
class CommuneAssessment:
    """A commune's resolution assessed as of a year: the statuses its dashboard shows, in
    its order (groups by position, indicators by number, targets by position)."""

    resolution: Resolution
    unit: OrgUnit
    as_of: int
    indicators: list[ComparedIndicator]
    counts: StatusCounts  # of the indicators' statuses

    @property
    def targets(self) -> list[ComparedTarget]:
        return [t for i in self.indicators for t in i.targets]


@dataclass
class CommuneResult:
    unit: OrgUnit
    resolution: Resolution
    assessment: CommuneAssessment
    mapped: int  # targets mapped to a catalogue entry
    target_count: int

    @property
    def counts(self) -> StatusCounts:
        return self.assessment.counts

    @property
    def good_share(self) -> float:
        counts = self.counts
        return counts.good / counts.total if counts.total else 0.0


@dataclass
class ComparisonRow:
    commune: CommuneResult
    indicator: IndicatorRow  # the commune's own numbered indicator
    assessed: ComparedTarget


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
    targets = _targets(ids)
    years = range(min((r.term_start for r in chosen), default=as_of),
                  max((_year_for(r, as_of) for r in chosen), default=as_of) + 1)
    figures = issuer_judged_figures(chosen, years, approved_only=approved_only)
    communes = [_commune(r, targets.get(r.pk, []), figures[r.pk], _year_for(r, as_of))
                for r in chosen]
    communes.sort(key=_commune_rank)
    shared, single = _shared(communes)
    return ProvinceComparison(province=province, as_of=as_of,
                              years=comparison_years(resolutions), approved_only=approved_only,
                              communes=communes, shared=shared, single=single)


# One tuple a target, in the order its resolution's dashboard shows it (the indicators of
# each group by number, the groups by position, those without a group last).
_TARGET_FIELDS = (
    "indicator__resolution_id", "indicator_id", "indicator__number", "indicator__text",
    "id", "label", "kind", "comparator", "value", "upper", "unit", "denominator", "year",
    "each_year", "series_id", "series__unit", "catalogue_mapping__indicator_id",
)
_TARGET_ORDER = (
    "indicator__resolution_id", F("indicator__group__position").asc(nulls_last=True),
    "indicator__group_id", "indicator__number", "position",
)
# Per resolution: each indicator with its targets, a target as (its row, the registry it
# is judged on: with its series' unit, as the dashboard judges it).
CommuneTargets = list[tuple[IndicatorRow, list[tuple[TargetRow, Mapping[str, object]]]]]


def _targets(ids: list[int]) -> dict[int, CommuneTargets]:
    """Each resolution's indicators and targets, in order, from one query of tuples.

    An indicator without a target is left out, as on the dashboard. Communes copy each
    other's targets, so a registry is written once and shared (read-only) by every target
    that has the same fields."""
    registries: dict[tuple[Any, ...], tuple[Mapping[str, object], Mapping[str, object]]] = {}
    out: dict[int, CommuneTargets] = defaultdict(list)
    last_indicator = None
    own: list[tuple[TargetRow, Mapping[str, object]]] = []
    for (resolution_id, indicator_id, indicator_number, indicator_text, pk, label, kind,
         comparator, value, upper, unit, denominator, year, each_year, series_id, series_unit,
         entry_id) in (Target.objects.filter(indicator__resolution_id__in=ids)
                       .order_by(*_TARGET_ORDER).values_list(*_TARGET_FIELDS)):
        if indicator_id != last_indicator:
            own = []
            out[resolution_id].append(
                (IndicatorRow(indicator_id, indicator_number, indicator_text), own))
            last_indicator = indicator_id
        key = (label, kind, comparator, value, upper, unit, denominator, year, each_year,
               series_unit)
        if key not in registries:
            registries[key] = _registry(*key)
        registry, judged = registries[key]
        own.append((TargetRow(pk, label, year, series_id, entry_id, registry), judged))
    return out


def _registry(label: str, kind: str, comparator: str, value: Decimal, upper: Decimal | None,
              unit: str, denominator: Decimal | None, year: int, each_year: bool,
              series_unit: str) -> tuple[Mapping[str, object], Mapping[str, object]]:
    """The target as ``Target.as_registry_dict`` writes it, and as the dashboard judges
    it (with its series' unit)."""
    registry = registry_target(label=label, kind=kind, comparator=comparator, value=value,
                               upper=upper, unit=unit, denominator=denominator, year=year,
                               each_year=each_year)
    return MappingProxyType(registry), MappingProxyType({**registry, "series_unit": series_unit})


def _commune(resolution: Resolution, indicators: CommuneTargets,
             figures: dict[int, JudgedFigures], as_of: int) -> CommuneResult:
    """The commune's assessment, as ``assess_resolution`` makes it, from loaded data:
    statuses for every target, explanations written only for those read."""
    unit = resolution.issuer
    term_start = resolution.term_start
    assessed_indicators = []
    mapped = count = 0
    for indicator, targets in indicators:
        assessed = []
        for target, judged_registry in targets:
            own = figures.get(target.series_id, NO_FIGURES)
            assessed.append(ComparedTarget(
                target, assess_target(judged_registry, own.judged, term_start=term_start,
                                      as_of=as_of, explain=False),
                own.judged, own.estimates))
            mapped += target.entry_id is not None
        count += len(assessed)
        assessed_indicators.append(ComparedIndicator(
            indicator, assessed, indicator_status(t.assessment.status for t in assessed)))
    ra = CommuneAssessment(resolution=resolution, unit=unit, as_of=as_of,
                           indicators=assessed_indicators,
                           counts=count_statuses(i.status for i in assessed_indicators))
    return CommuneResult(unit=unit, resolution=resolution, assessment=ra, mapped=mapped,
                         target_count=count)


def _commune_rank(c: CommuneResult) -> tuple[float, int, str]:
    """Worst first: the smallest share achieved or on track, then the most missed."""
    return (c.good_share, -c.counts.counts[Status.MISSED], c.unit.name)


def status_rank(assessed: ComparedTarget) -> tuple[int, float]:
    """Worst first; a target without figures goes last, since it cannot be ranked."""
    a = assessed.assessment
    rank_ = a.status.rank if a.status.rank is not None else 99
    return (rank_, a.ratio if a.ratio is not None else 0.0)


def _shared(communes: list[CommuneResult]) -> tuple[list[SharedIndicator], int]:
    """The catalogue entries two communes or more set targets for, and how many only one
    set; the entries shown are read in one query (none when no target is mapped)."""
    rows: dict[int, list[ComparisonRow]] = defaultdict(list)
    for commune in communes:
        for ai in commune.assessment.indicators:
            for at in ai.targets:
                if at.target.entry_id is not None:
                    rows[at.target.entry_id].append(ComparisonRow(commune, ai.indicator, at))
    shown = {pk: entry_rows for pk, entry_rows in rows.items()
             if len({r.commune.unit.pk for r in entry_rows}) >= 2}
    entries = CatalogueIndicator.objects.in_bulk(list(shown)) if shown else {}
    shared = [SharedIndicator(entries[pk], sorted(
        entry_rows, key=lambda r: (*status_rank(r.assessed), r.commune.unit.name)))
        for pk, entry_rows in shown.items()]
    shared.sort(key=lambda s: (THEME_ORDER.index(s.entry.theme) if s.entry.theme in THEME_ORDER
                               else len(THEME_ORDER), s.entry.position, s.entry.code))
    return shared, len(rows) - len(shown)


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
