"""A resolution assessed for one org unit as of a year: the data behind the dashboard,
the indicator page, the CLI, the API and the reports. At most six queries, whatever the
size: the indicators with their groups, their targets with their series, the figures (two
with the sub-units), and for a unit below the issuer its types and its own targets."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from nghiquyet.accounts import access
from nghiquyet.figures.figure_sets import DEFAULT_FIGURE_SET, FigureSet, figure_set
from nghiquyet.figures.rollup import Figure, not_judged
from nghiquyet.figures.selectors import SubtreeFigures, subtree_figures
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.progress import (
    Assessment,
    Status,
    assess_target,
    count_statuses,
    describe_deadline,
    describe_target,
    indicator_status,
)
from nghiquyet.resolutions.models import Indicator, IndicatorGroup, Resolution, Target
from nghiquyet.resolutions.selectors import indicators_with_targets
from nghiquyet.resolutions.unit_targets import needs_own_target, unit_targets, with_unit_target


@dataclass
class AssessedTarget:
    target: Target
    assessment: Assessment
    series: dict[int, Decimal]  # year -> the quantity the target is judged on
    figures: dict[int, Figure]  # year -> figure with its source and coverage
    as_of: int = 0  # the year of assessment (0: not known)
    override: dict[str, Any] | None = None  # the unit's own target, where one was set
    no_unit_target: bool = False  # a unit below the issuer without its own target

    @property
    def registry(self) -> dict[str, Any]:
        return self.override or self.target.as_registry_dict()

    @property
    def status_label(self) -> str:
        """The customary word, or "Chưa giao mục tiêu" for a unit without its own target."""
        if self.no_unit_target:
            return _("Chưa giao mục tiêu")
        return self.assessment.status.label

    @property
    def text(self) -> str:
        return describe_target(self.registry)

    @property
    def deadline(self) -> str:
        return describe_deadline(self.registry)

    @property
    def status(self) -> Status:
        return self.assessment.status

    @property
    def estimate_years(self) -> set[int]:
        return {y for y, f in self.figures.items() if f.is_estimate}

    def sparkline(self, years: list[int]) -> list[float | None]:
        return [None if self.series.get(y) is None else float(self.series[y]) for y in years]

    @property
    def partial_years(self) -> dict[int, Figure]:
        """Years whose figure is only partial (sub-units missing, part of the year): shown
        with their coverage, never judged."""
        return {y: f for y, f in self.figures.items() if incomplete(f) and f.value is not None}

    def coverage(self, year: int) -> str:
        """"8/30" for a figure added up from some of the sub-units; "" otherwise."""
        figure = self.figures.get(year)
        if figure is None or figure.source != "computed" or not figure.expected:
            return ""
        if figure.reported >= figure.expected:
            return ""
        return f"{figure.reported}/{figure.expected}"

    @property
    def shown(self) -> dict[int, tuple[Decimal, str]]:
        """Year -> (figure, coverage) for tables: the judged figures ("" coverage) and the
        partial ones with theirs ("8/30", or "một phần năm" for part of a year's flow)."""
        out = {y: (v, "") for y, v in self.series.items()}
        for y, f in self.partial_years.items():
            if self.as_of and y > self.as_of:
                continue
            out[y] = (f.value, self.coverage(y) or _("một phần năm"))  # type: ignore[assignment]  # a partial figure always has a value
        return dict(sorted(out.items()))

    @property
    def pending(self) -> tuple[int, Decimal, str] | None:
        """The latest partial figure newer than the judged one: (year, value, coverage)."""
        judged = self.assessment.latest_year or 0
        newer = [y for y, (_v, cov) in self.shown.items() if cov and y > judged]
        if not newer:
            return None
        year = max(newer)
        value, cov = self.shown[year]
        if "/" in cov:
            cov = _("{coverage} đơn vị báo cáo").format(coverage=cov)
        return year, value, cov


@dataclass
class AssessedIndicator:
    indicator: Indicator
    targets: list[AssessedTarget]

    @property
    def status(self) -> Status:
        """The worst judged target; never a good verdict while a target is unjudged."""
        return indicator_status(t.status for t in self.targets)

    @property
    def judged(self) -> int:
        """How many of its targets could be judged."""
        return sum(1 for t in self.targets if t.status is not Status.NO_DATA)


@dataclass
class AssessedGroup:
    group: IndicatorGroup | None
    indicators: list[AssessedIndicator] = field(default_factory=list)

    @property
    def counts(self) -> Any:
        return count_statuses(i.status for i in self.indicators)


@dataclass
class ResolutionAssessment:
    resolution: Resolution
    unit: OrgUnit
    as_of: int
    years: list[int]
    groups: list[AssessedGroup]
    figures: SubtreeFigures
    viewer: Any = None  # None: a trusted caller (CLI, report); else sub-units are filtered
    approved_only: bool = DEFAULT_FIGURE_SET.approved_only

    @property
    def figure_set(self) -> FigureSet:
        """Which figures this assessment read; every output names it (``.note``)."""
        return figure_set(self.approved_only)

    @property
    def data_through(self) -> int | None:
        """The last year up to ``as_of`` with a figure any target is judged on."""
        return max((y for t in self.targets for y in t.series if y <= self.as_of),
                   default=None)

    @property
    def is_forecast(self) -> bool:
        """Judged as of a year whose figures are not in yet: every status is a forecast."""
        through = self.data_through
        return through is None or through < self.as_of

    @property
    def indicators(self) -> list[AssessedIndicator]:
        return [i for g in self.groups for i in g.indicators]

    @property
    def targets(self) -> list[AssessedTarget]:
        return [t for i in self.indicators for t in i.targets]

    @property
    def counts(self) -> Any:
        return count_statuses(i.status for i in self.indicators)

    @property
    def target_counts(self) -> Any:
        return count_statuses(t.status for t in self.targets)


def judged_series(target: Target, figures: SubtreeFigures, unit_id: int | None = None
                  ) -> dict[int, Decimal]:
    """Year -> value the target is judged on. A partial figure (a total missing some
    villages, a year's flow with only its first half) would read as a decline: it is
    shown on the pages but left out of the judgement."""
    return judged_values(figures.of(target.series_id, unit_id))


def judged_values(figures: dict[int, Figure]) -> dict[int, Decimal]:
    """``judged_series`` of a unit's figures of one series (year -> figure)."""
    return {y: f.value for y, f in figures.items() if f.value is not None and not incomplete(f)}


def incomplete(figure: Figure) -> bool:
    """Whether the figure is left out of the judgement (``rollup.not_judged``)."""
    return not_judged(figure.partial, figure.source, figure.reported, figure.expected)


def assess_resolution(
    resolution: Resolution, unit: OrgUnit | None = None, as_of: int | None = None, *,
    approved_only: bool = DEFAULT_FIGURE_SET.approved_only, viewer: Any = None,
    sub_units: bool = False, explain: bool = True,
) -> ResolutionAssessment:
    """``viewer``: the user the page or API answer is for. Outside their scope only approved
    figures count, and sub-units outside it are never listed (accounts.access).
    ``sub_units``: also read the figures of the units right below (``target_detail``).
    ``explain=False``: explanations are written only when read (a caller that shows
    statuses only); pages that show every explanation keep the default."""
    unit = unit or resolution.issuer
    if viewer is not None and not access.sees_unapproved(viewer, unit):
        approved_only = True
    as_of = as_of or resolution.term_end
    years = list(range(resolution.term_start, resolution.term_end + 1))
    indicators = indicators_with_targets(resolution)  # each with its group (joined)
    series = {t.series_id: t.series for ind in indicators  # the targets' own series
              for t in ind.target_list  # type: ignore[attr-defined]  # prefetched to_attr
              if t.series_id is not None}
    figures = subtree_figures(resolution, unit, years, approved_only=approved_only,
                              depth=1 if sub_units else 0, series=series)
    blocks: dict[int | None, AssessedGroup] = {}
    reported = _reported_types(resolution, unit, figures)
    # A unit below the issuer: its own targets where a leader set them (one query).
    own = unit_targets(resolution, unit) if reported is not None else {}
    for ind in indicators:
        assessed = []
        for t in ind.target_list:  # type: ignore[attr-defined]  # prefetched to_attr
            if reported is not None and t.series.reporting_unit_type not in reported:
                continue  # a village is judged on what villages report, nothing else
            series = judged_series(t, figures, unit.pk)
            registry = t.as_registry_dict()
            unset = False
            if t.pk in own:
                registry = with_unit_target(registry, own[t.pk])
            elif reported is not None and needs_own_target(t):
                unset = True  # the commune's total is not a village's target
            result = assess_target({**registry, "series_unit": t.series.unit}, series,
                                   term_start=resolution.term_start, as_of=as_of,
                                   explain=explain)
            if unset:
                result = dataclasses.replace(
                    result, status=Status.NO_DATA, ratio=None, projected=None,
                    explained=_("chưa giao mục tiêu cho đơn vị"))
            assessed.append(AssessedTarget(
                target=t, assessment=result, series=series,
                figures=figures.of(t.series_id, unit.pk), as_of=as_of,
                override=registry if t.pk in own else None, no_unit_target=unset))
        if assessed:
            blocks.setdefault(ind.group_id, AssessedGroup(ind.group)).indicators.append(
                AssessedIndicator(ind, assessed))
    ordered = sorted(blocks.values(), key=lambda b: (
        b.group is None, (b.group.position, b.group.pk) if b.group else (0, 0)))
    return ResolutionAssessment(resolution=resolution, unit=unit, as_of=as_of, years=years,
                                groups=ordered, figures=figures, viewer=viewer,
                                approved_only=approved_only)


def _reported_types(resolution: Resolution, unit: OrgUnit,
                    figures: SubtreeFigures) -> set[str] | None:
    """The unit types whose figures make a sub-unit's own: its type and those under it.
    None for the issuer, which is judged on every target."""
    if unit.pk == resolution.issuer_id:
        return None
    return set(OrgUnit.objects.subtree(unit).order_by().values_list("type", flat=True)
               .distinct())  # one query: the figures are read for the unit alone


# --- one indicator in detail ------------------------------------------------------


@dataclass
class SubUnitRow:
    unit: OrgUnit
    baseline: Decimal | None
    latest: Decimal | None
    latest_year: int | None
    assessment: Assessment | None
    comparable: bool  # judged against a share of the target, not the target itself


@dataclass
class TargetDetail:
    assessed: AssessedTarget
    required: dict[int, float]
    projection: dict[int, float]
    sub_units: list[SubUnitRow]


def _sub_unit_target(target: dict[str, Any], baseline_total: Decimal | None,
                     baseline_unit: Decimal | None, aggregation: str) -> tuple[dict[str, Any], bool]:
    """A sum target is shared out in proportion to each sub-unit's baseline (the same
    required growth for every village); rates and yes/no apply to each unit as they are."""
    if aggregation == "sum" and target["kind"] in ("level", "cumulative"):
        if not baseline_total or baseline_unit is None:
            return target, False
        share = baseline_unit / baseline_total
        scaled = dict(target)
        scaled["value"] = float(Decimal(str(target["value"])) * share)
        if target.get("upper") is not None:
            scaled["upper"] = float(Decimal(str(target["upper"])) * share)
        return scaled, True
    if aggregation == "count_yes":
        # each unit either meets the standard or not
        return {**target, "kind": "level", "comparator": ">=", "value": 1, "upper": None,
                "denominator": None, "unit": "đạt/không đạt"}, False
    return target, False


def _rank(row: SubUnitRow) -> tuple[int, float]:
    status = row.assessment.status if row.assessment else Status.NO_DATA
    rank = status.rank if status.rank is not None else 99
    return (rank, row.assessment.ratio if row.assessment and row.assessment.ratio is not None else 0)


def target_detail(ra: ResolutionAssessment, assessed: AssessedTarget) -> TargetDetail:
    """Chart lines and the sub-unit breakdown (worst first) from data already loaded."""
    from nghiquyet.progress import required_trajectory

    resolution, target = ra.resolution, assessed.target
    registry = assessed.registry
    t0 = resolution.term_start
    baseline = assessed.series.get(t0)
    required = required_trajectory(registry, baseline, t0) if baseline is not None or \
        target.kind == "cumulative" else {}
    projection: dict[int, float] = {}
    a = assessed.assessment
    if a.projected is not None and a.latest_year is not None and a.latest_value is not None:
        projection = {a.latest_year: float(a.latest_value), target.year: float(a.projected)}
    series = ra.figures.series[target.series_id]
    rows: list[SubUnitRow] = []
    children = [u for u in ra.figures.units.values() if u.parent_id == ra.unit.pk]
    if ra.viewer is not None:
        children = access.visible_units(ra.viewer, children)
    for unit in sorted(children, key=lambda u: u.path):
        # A sub-unit is judged like its parent: on its complete figures only.
        values = judged_series(target, ra.figures, unit.pk)
        if not values and unit.type != series.reporting_unit_type:
            continue
        sub_target, comparable = _sub_unit_target(registry, baseline, values.get(t0),
                                                  series.aggregation)
        judged = assess_target(sub_target, values, term_start=t0, as_of=ra.as_of) \
            if values else None
        latest_year = max((y for y in values if y <= ra.as_of), default=None)
        rows.append(SubUnitRow(unit=unit, baseline=values.get(t0),
                               latest=values.get(latest_year) if latest_year else None,
                               latest_year=latest_year, assessment=judged,
                               comparable=comparable))
    rows.sort(key=_rank)
    return TargetDetail(assessed=assessed, required=required, projection=projection,
                        sub_units=rows)
