"""Reads for entry, approval and everything that needs a unit's figures.

Each function issues a fixed number of queries, whatever the number of
series, units or years; tests assert it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from nghiquyet.accounts import access
from nghiquyet.figures.models import DataValue, ValueStatus
from nghiquyet.figures.periods import PeriodCode
from nghiquyet.figures.rollup import Cell, Figure, SeriesRule, Unit, roll_up
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import DataSeries, Resolution, Target


def series_rule(series: DataSeries) -> SeriesRule:
    return SeriesRule(
        value_type=series.value_type, aggregation=series.aggregation,
        reporting_unit_type=series.reporting_unit_type, subyear=series.subyear_aggregation,
        percent=series.unit == "%",
    )


@dataclass
class SubtreeFigures:
    """Figures of every unit of a subtree for every series of a resolution."""

    root: OrgUnit
    units: dict[int, OrgUnit]
    series: dict[int, DataSeries]
    figures: dict[int, dict[int, dict[int, Figure]]]  # series -> unit -> year -> figure

    def of(self, series_id: int, unit_id: int | None = None) -> dict[int, Figure]:
        return self.figures.get(series_id, {}).get(unit_id or self.root.pk, {})

    def yearly(self, series_id: int, unit_id: int | None = None) -> dict[int, Decimal]:
        """year -> value, for the assessment."""
        return {y: f.value for y, f in self.of(series_id, unit_id).items() if f.value is not None}


def subtree_figures(
    resolution: Resolution, root: OrgUnit, years: Iterable[int], *, approved_only: bool = False,
    series_ids: Iterable[int] | None = None,
) -> SubtreeFigures:
    """Three queries: the subtree's units, the series, and every stored value."""
    years = list(years)
    units = {u.pk: u for u in OrgUnit.objects.subtree(root).only(
        "id", "parent_id", "type", "code", "name", "path", "depth", "is_illustrative")}
    series_qs = DataSeries.objects.filter(resolution=resolution)
    if series_ids is not None:
        series_qs = series_qs.filter(pk__in=list(series_ids))
    series = {s.pk: s for s in series_qs}
    values = DataValue.objects.filter(
        series_id__in=list(series), orgunit__path__startswith=root.path, year__in=years,
    ).values_list("series_id", "orgunit_id", "period", "value", "numerator", "denominator",
                  "is_estimate", "status")
    if approved_only:
        values = values.filter(status=ValueStatus.APPROVED)
    cells: dict[int, list[Cell]] = defaultdict(list)
    for sid, uid, period, value, num, den, est, status in values:
        cells[sid].append(Cell(uid, period, value, num, den, est, status))
    tree = [Unit(u.pk, u.parent_id if u.pk != root.pk else None, u.type) for u in units.values()]
    figures = {sid: roll_up(tree, cells.get(sid, []), series_rule(s), root.pk, years)
               for sid, s in series.items()}
    return SubtreeFigures(root=root, units=units, series=series, figures=figures)


# --- the entry grid --------------------------------------------------------------


@dataclass
class EntryRow:
    series: DataSeries
    targets: list[Target]
    value: DataValue | None
    figure: Figure | None  # this period's figure for the unit: direct or computed
    last_year: Figure | None
    can_edit: bool
    warnings: list[Any] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def holds(self) -> str:
        if self.value is not None:
            return "direct"
        return self.figure.source if self.figure else "missing"

    @property
    def sub_units_total(self) -> Decimal | None:
        if self.figure is None:
            return None
        if self.figure.source == "direct":
            return self.figure.computed_value
        return self.figure.value


def entry_series(resolution: Resolution, unit: OrgUnit, user: Any) -> list[DataSeries]:
    """Series the unit reports (its own type), or all of them at the issuing unit."""
    qs = DataSeries.objects.filter(resolution=resolution).select_related("resolution__issuer")
    if unit.pk != resolution.issuer_id:
        qs = qs.filter(reporting_unit_type=unit.type)
    return [s for s in qs.order_by("id") if access.can_enter_value(user, s, unit)]


def entry_grid(resolution: Resolution, unit: OrgUnit, period: PeriodCode, user: Any,
               series_ids: list[int] | None = None) -> list[EntryRow]:
    series = entry_series(resolution, unit, user)
    if series_ids is not None:
        series = [s for s in series if s.pk in series_ids]
    ids = [s.pk for s in series]
    targets: dict[int, list[Target]] = defaultdict(list)
    for t in (Target.objects.filter(series_id__in=ids).select_related("indicator")
              .order_by("indicator__number", "position")):
        targets[t.series_id].append(t)
    current = {v.series_id: v for v in DataValue.objects.filter(
        series_id__in=ids, orgunit=unit, period=period.code)}
    figures = subtree_figures(resolution, unit, [period.year - 1, period.year], series_ids=ids)
    rows = []
    for s in sorted(series, key=lambda s: _first_target_key(targets.get(s.pk, []))):
        rows.append(EntryRow(
            series=s, targets=targets.get(s.pk, []), value=current.get(s.pk),
            figure=figures.of(s.pk).get(period.year),
            last_year=figures.of(s.pk).get(period.year - 1),
            can_edit=True,
        ))
    return rows


def _first_target_key(targets: list[Target]) -> tuple[int, int]:
    if not targets:
        return (10**6, 0)
    return (targets[0].indicator.number, targets[0].position)


def pending_approvals(user: Any, resolution: Resolution) -> list[DataValue]:
    units = access.approval_units(user)
    return list(
        DataValue.objects.filter(series__resolution=resolution, status=ValueStatus.SUBMITTED,
                                 orgunit__in=units)
        .exclude(submitted_by=user)
        .select_related("series", "orgunit", "submitted_by")
        .order_by("orgunit__path", "series_id", "period")
    )
