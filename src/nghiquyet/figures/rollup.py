"""How a unit's figure comes from its sub-units. Django-free.

A unit's figure for a year is the value entered for that unit if there is one
("nhập trực tiếp"); otherwise it is computed from the units below it: a sum, a
ratio of sums (never an average of percentages), or a count of "yes" over the
count of units. Roll-up is recursive, so a province adds up its communes, each
of which may itself be entered or computed from its villages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Cell:
    """One stored value, as the roll-up needs it."""

    unit_id: int
    period: str  # "2026", "2026H1", "2026Q3"
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    is_estimate: bool = False
    status: str = "draft"
    partial: bool = False  # a year summed from some of its half-years or quarters only


@dataclass(frozen=True)
class Unit:
    id: int
    parent_id: int | None
    type: str
    # A unit no longer active (dissolved, merged) counts in the years it reported and is
    # not expected in the others, so it never makes its parent's total partial.
    active: bool = True


def not_judged(partial: bool, source: str, reported: int, expected: int) -> bool:
    """The one rule: a figure is not judged when it is partial (a total missing sub-units,
    part of a year's flow) or computed from only some of the sub-units that should report,
    even a rate (8 of 30 villages' households are not the commune's poverty rate). Its
    parts as arguments, so that a read of stored rows applies it without a ``Figure``."""
    return partial or (source == "computed" and expected > 0 and reported < expected)


@dataclass(slots=True)
class Figure:
    """A unit's figure for one year, and where it came from."""

    value: Decimal | None
    source: str  # "direct", "computed" or "missing"
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    reported: int = 0  # sub-units with a figure
    expected: int = 0  # sub-units that should report
    is_estimate: bool = False
    statuses: dict[str, int] = field(default_factory=dict)
    leaf: bool = False  # the unit is of the type that reports the series
    computed_value: Decimal | None = None  # the sub-units' total beside a direct figure
    # An undercount, not to be judged: a sum or a count of "yes" missing some sub-units,
    # or a yearly flow built from only part of the year.
    partial: bool = False

    @property
    def complete(self) -> bool:
        return self.source == "direct" or (self.expected > 0 and self.reported == self.expected)


@dataclass(frozen=True)
class SeriesRule:
    value_type: str  # number, ratio, yes_no
    aggregation: str  # sum, ratio_of_sums, count_yes, none
    reporting_unit_type: str
    subyear: str = "last"  # sum or last
    percent: bool = False  # the series is kept in %


def year_of(period: str) -> int:
    return int(period[:4])


def _period_order(period: str) -> tuple[int, int, int]:
    kind = period[4:5]
    index = int(period[5:] or 0)
    return (year_of(period), {"": 9, "H": 1, "Q": 0}[kind] if kind else 9, index)


def yearly_cells(cells: Iterable[Cell], subyear: str) -> dict[tuple[int, int], Cell]:
    """One cell per (unit, year): the year's own value, else its sub-periods combined."""
    out: dict[tuple[int, int], Cell] = {}
    by_key: dict[tuple[int, int], list[Cell]] = defaultdict(list)
    for c in cells:
        if len(c.period) == 4:  # the year's own value: it stands whatever its parts say
            out[(c.unit_id, int(c.period))] = c
        else:
            by_key[(c.unit_id, year_of(c.period))].append(c)
    for key, group in by_key.items():
        if key in out:
            continue
        parts = sorted(group, key=lambda c: _period_order(c.period))
        if subyear == "sum":
            kinds = {c.period[4] for c in parts}
            whole_year = ("H" in kinds and len({c.period for c in parts if c.period[4] == "H"}) == 2) \
                or ("Q" in kinds and len({c.period for c in parts if c.period[4] == "Q"}) == 4)
            out[key] = Cell(
                unit_id=key[0], period=str(key[1]),
                value=_sum(c.value for c in parts),
                numerator=_sum(c.numerator for c in parts),
                denominator=_sum(c.denominator for c in parts),
                is_estimate=True,  # a year built from its parts is provisional
                status=_weakest(c.status for c in parts),
                partial=not whole_year,
            )
        else:
            last = parts[-1]
            out[key] = Cell(unit_id=key[0], period=str(key[1]), value=last.value,
                            numerator=last.numerator, denominator=last.denominator,
                            is_estimate=True, status=last.status)
    return out


def _sum(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


_STATUS_RANK = {"draft": 0, "returned": 0, "submitted": 1, "approved": 2}


def _weakest(statuses: Iterable[str]) -> str:
    return min(statuses, key=lambda s: _STATUS_RANK.get(s, 0))


def cell_value(cell: Cell, rule: SeriesRule) -> Decimal | None:
    """The figure a stored cell stands for (a ratio's percentage when only parts are kept)."""
    if cell.value is not None:
        return cell.value
    if cell.numerator is not None and cell.denominator:
        ratio = cell.numerator / cell.denominator
        return ratio * HUNDRED if rule.percent or rule.value_type == "ratio" else ratio
    return None


def roll_up(
    units: list[Unit], cells: Iterable[Cell], rule: SeriesRule, root_id: int, years: Iterable[int]
) -> dict[int, dict[int, Figure]]:
    """Figures for every unit of the subtree under ``root_id``, per year."""
    children: dict[int | None, list[Unit]] = defaultdict(list)
    for u in units:
        children[u.parent_id].append(u)
    by_id = {u.id: u for u in units}
    stored = yearly_cells(cells, rule.subyear)
    relevant = _relevant_units(by_id[root_id], children, rule)
    out: dict[int, dict[int, Figure]] = defaultdict(dict)
    for year in years:
        _resolve(by_id[root_id], year, children, relevant, stored, rule, out)
    return out


def _resolve(
    unit: Unit, year: int, children: dict[int | None, list[Unit]], relevant: set[int],
    stored: dict[tuple[int, int], Cell], rule: SeriesRule, out: dict[int, dict[int, Figure]],
) -> Figure:
    kids = [f for k in children.get(unit.id, []) if k.id in relevant
            for f in [_resolve(k, year, children, relevant, stored, rule, out)]
            if k.active or f.reported or f.source == "direct"]
    direct = stored.get((unit.id, year))
    leaf = unit.type == rule.reporting_unit_type
    if direct is not None:
        figure = _direct_figure(direct, rule)
        figure.leaf = leaf
        # Keep the sub-units' coverage beside a directly entered figure.
        computed = _aggregate(kids, rule) if kids else None
        if computed is not None:
            figure.reported, figure.expected = computed.reported, computed.expected
            figure.computed_value = computed.value
    elif unit.type == rule.reporting_unit_type or not kids or rule.aggregation == "none":
        figure = Figure(value=None, source="missing", expected=1 if leaf else 0, leaf=leaf)
    else:
        figure = _aggregate(kids, rule)
    out[unit.id][year] = figure
    return figure


def _relevant_units(root: Unit, children: dict[int | None, list[Unit]], rule: SeriesRule
                    ) -> set[int]:
    """Units that count as sub-units: those that report this series or have descendants
    that do. Decided once per roll-up, not per unit and year."""
    relevant: set[int] = set()
    stack: list[tuple[Unit, bool]] = [(root, False)]
    while stack:  # post-order without recursion: a unit after its children
        unit, done = stack.pop()
        kids = children.get(unit.id, [])
        if not done:
            stack.append((unit, True))
            stack.extend((k, False) for k in kids)
        elif unit.type == rule.reporting_unit_type or any(k.id in relevant for k in kids):
            relevant.add(unit.id)
    return relevant


def _direct_figure(cell: Cell, rule: SeriesRule) -> Figure:
    return Figure(
        value=cell_value(cell, rule), source="direct", numerator=cell.numerator,
        denominator=cell.denominator, reported=1, expected=1, is_estimate=cell.is_estimate,
        statuses={cell.status: 1}, partial=cell.partial,
    )


def _aggregate(kids: list[Figure], rule: SeriesRule) -> Figure:
    present = [k for k in kids if _has_figure(k)]
    statuses: dict[str, int] = defaultdict(int)
    for k in kids:
        for status, n in k.statuses.items():
            statuses[status] += n
    # A sub-unit that entered its own figure counts as fully reported, whatever its
    # own sub-units did: its figure stands for all of them.
    leaf_reported = sum(int(_has_figure(k)) if k.leaf
                        else (k.expected if k.source == "direct" else k.reported) for k in kids)
    leaf_expected = sum(1 if k.leaf else k.expected for k in kids)
    figure = Figure(value=None, source="computed", reported=leaf_reported,
                    expected=leaf_expected, statuses=dict(statuses),
                    is_estimate=any(k.is_estimate for k in present))
    if not present:
        return figure
    if rule.aggregation in ("sum", "count_yes"):
        figure.partial = leaf_reported < leaf_expected or any(k.partial for k in present)
    if rule.aggregation == "ratio_of_sums":
        parts = [k for k in present if k.numerator is not None and k.denominator]
        if parts:
            numerator = sum((k.numerator for k in parts if k.numerator is not None), Decimal(0))
            denominator = sum((k.denominator for k in parts if k.denominator is not None),
                              Decimal(0))
            figure.numerator, figure.denominator = numerator, denominator
            figure.value = numerator / denominator * HUNDRED
    elif rule.aggregation == "count_yes":
        yes = sum((_yes_count(k) for k in present), Decimal(0))
        total = Decimal(leaf_expected)
        figure.numerator, figure.denominator = yes, total
        figure.value = yes / total * HUNDRED if rule.percent and total else yes
    elif rule.aggregation == "sum":
        figure.value = sum((k.value for k in present if k.value is not None), Decimal(0))
    return figure


def _has_figure(figure: Figure) -> bool:
    return figure.value is not None or figure.numerator is not None


def _yes_count(figure: Figure) -> Decimal:
    if figure.leaf:
        return Decimal(1) if figure.value and figure.value >= 1 else Decimal(0)
    if figure.source == "computed":
        return figure.numerator or Decimal(0)
    return figure.value or Decimal(0)  # a count entered directly for a whole unit
