"""The plausibility context of figures about to be written: last year's figure and the
sub-units' total. One definition for every path that writes figures (the web cell, the
API, the Excel/CSV import), so they all give the same "jump" and "gap" warnings.

The context is what the figures will be once the write is done: the figures being
written are laid over the stored ones before the roll-up, so an import that brings a
commune's villages and the commune itself compares the commune with the villages it
brings. A figure's own value never enters its own context (last year is another year;
the sub-units' total is computed from the sub-units only).

Only yearly figures get a context: a half-year or a quarter is not comparable with last
year's whole year. A partial figure (a sum missing some sub-units) is never used:
partial figures are shown, never judged.

Three queries whatever the number of figures: the subtree's units, the series' rules
come with the figures, and the stored values of the years concerned.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from nghiquyet.figures.models import DataValue
from nghiquyet.figures.periods import PeriodCode
from nghiquyet.figures.rollup import Cell, Figure, Unit, roll_up
from nghiquyet.figures.selectors import series_rule
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import DataSeries


@dataclass(frozen=True)
class Planned:
    """A figure about to be written."""

    series: DataSeries
    unit: OrgUnit
    period: PeriodCode
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    is_estimate: bool = False

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.series.pk, self.unit.pk, self.period.code)


@dataclass(frozen=True)
class Context:
    last_year: Decimal | None = None
    sub_units_total: Decimal | None = None


NO_CONTEXT = Context()


def common_root_path(paths: list[str]) -> str:
    """The path of the lowest unit above (or equal to) every unit given."""
    split = [p.strip("/").split("/") for p in paths]
    common: list[str] = []
    for segments in zip(*split, strict=False):
        if len(set(segments)) != 1:
            break
        common.append(segments[0])
    return "/" + "/".join(common) + "/" if common else "/"


def plausibility_contexts(planned: list[Planned]) -> dict[tuple[int, int, str], Context]:
    """Context per planned figure (key: series id, unit id, period code)."""
    yearly = [p for p in planned if p.period.kind == "Y"]
    if not yearly:
        return {}
    root_path = common_root_path(sorted({p.unit.path for p in yearly}))
    units = list(OrgUnit.objects.filter(path__startswith=root_path)
                 .only("id", "parent_id", "type", "path", "is_active"))
    by_path = {u.path: u for u in units}
    root = by_path.get(root_path)
    if root is None:  # units under no common unit (several trees): one roll-up each
        roots = sorted({"/" + p.unit.path.strip("/").split("/")[0] + "/" for p in yearly})
        if len(roots) == 1:
            return {}
        out: dict[tuple[int, int, str], Context] = {}
        for r in roots:
            out.update(plausibility_contexts([p for p in yearly if p.unit.path.startswith(r)]))
        return out
    series = {p.series.pk: p.series for p in yearly}
    years = sorted({p.period.year for p in yearly} | {p.period.year - 1 for p in yearly})
    cells: dict[int, dict[tuple[int, str], Cell]] = defaultdict(dict)
    stored = DataValue.objects.filter(series_id__in=list(series), year__in=years)
    issuers = {s.resolution.issuer.path for s in series.values()}
    if issuers != {root_path}:  # a series' figures all lie under its resolution's issuer
        stored = stored.filter(orgunit__path__startswith=root_path)
    for sid, uid, period, value, num, den, est, status in stored.values_list(
            "series_id", "orgunit_id", "period", "value", "numerator", "denominator",
            "is_estimate", "status"):
        cells[sid][(uid, period)] = Cell(uid, period, value, num, den, est, status)
    for p in planned:  # every planned figure, sub-year ones too: they make their year
        if p.series.pk in series and p.period.year in years and p.unit.path.startswith(root_path):
            cells[p.series.pk][(p.unit.pk, p.period.code)] = Cell(
                p.unit.pk, p.period.code, p.value, p.numerator, p.denominator, p.is_estimate)
    tree = [Unit(u.pk, u.parent_id if u.pk != root.pk else None, u.type, u.is_active)
            for u in units]
    figures = {sid: roll_up(tree, cells[sid].values(), series_rule(s), root.pk, years)
               for sid, s in series.items()}
    result: dict[tuple[int, int, str], Context] = {}
    for p in yearly:
        per_year = figures[p.series.pk].get(p.unit.pk, {})
        aggregation = p.series.aggregation
        result[p.key] = Context(last_year=_last_year(per_year.get(p.period.year - 1)),
                                sub_units_total=_sub_units_total(per_year.get(p.period.year),
                                                                 aggregation))
    return result


def _last_year(figure: Figure | None) -> Decimal | None:
    if figure is None or figure.partial:
        return None
    return figure.value


def _sub_units_total(figure: Figure | None, aggregation: str) -> Decimal | None:
    """The sub-units' total beside the unit's own figure, when more than one sub-unit
    reports and (for sums and counts) every one of them did."""
    if figure is None or figure.expected <= 1 or figure.computed_value is None:
        return None
    if aggregation in ("sum", "count_yes") and figure.reported < figure.expected:
        return None
    return figure.computed_value


def plausibility_context(planned: Planned) -> Context:
    return plausibility_contexts([planned]).get(planned.key, NO_CONTEXT)
