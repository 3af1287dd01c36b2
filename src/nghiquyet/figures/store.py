"""The stored figures (``StoredFigure``): every unit's yearly figure per series, kept
in two copies (all figures / approved only) so that pages, reports, the API and
``assess`` read a figure instead of adding up raw values.

``figures/rollup.py`` stays the one definition of a figure: this module only runs
``roll_up`` and writes what it returns, one row per ``Figure``. A series' rows cover
its resolution's issuer and every unit under it that counts for the series (the
units ``roll_up`` returns), for each year of the term. A "missing" figure (no value
entered and no sub-units to add up) has no row: a reader finds no figure, as for a
year outside the term. Numbers are kept with 6 decimals, as raw values are
(``as_row`` says exactly what is kept).

Who calls what:

- ``refresh_figures(series_ids=..., unit_ids=...)``: in the transaction of a write
  (a value saved, submitted, approved, returned, reopened, restored; an org unit
  created, moved, merged or deactivated): recomputes those units' rows and their
  parent chain's. ``subtrees=True`` also recomputes everything under the units
  (after a move or a merge, where whole subtrees change place).
- ``rebuild_figures(series_ids=..., unit_ids=...)``: after a bulk load, the affected
  rows (all rows of the series, or the units' chains) deleted in one statement and
  inserted in one (``COPY`` on PostgreSQL). Without arguments, the whole table.
- ``check_figures()``: a fresh roll-up from raw values compared with the table
  (``nghiquyet figures check``).

Both work from plain column tuples (``values_list``), so the data migration that
builds the table for an existing database runs the same code on historical models.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import Q

from nghiquyet.figures.rollup import Cell, Figure, SeriesRule, Unit, roll_up

PLACES = Decimal("0.000001")  # the stored numbers' 6 decimals, as DataValue's
STATUSES = ("draft", "submitted", "approved", "returned")  # the n_<status> columns
# The columns of a row, in the order of ``as_row`` and of the reads.
COLUMNS = ("series_id", "orgunit_id", "year", "approved_only", "source", "value", "numerator",
           "denominator", "computed_value", "reported", "expected", "partial", "is_estimate",
           "leaf", "n_draft", "n_submitted", "n_approved", "n_returned")
_CHUNK = 500  # ids per IN (...) list: SQLite's old limit on bound parameters is 999


@dataclass(frozen=True)
class Models:
    """The model classes the store reads and writes: the live ones, or a migration's."""

    orgunit: Any
    series: Any
    value: Any
    stored: Any


def live_models() -> Models:
    from nghiquyet.figures.models import DataValue, StoredFigure
    from nghiquyet.orgunits.models import OrgUnit
    from nghiquyet.resolutions.models import DataSeries

    return Models(orgunit=OrgUnit, series=DataSeries, value=DataValue, stored=StoredFigure)


def rule_of(value_type: str, aggregation: str, reporting_unit_type: str, subyear: str,
            unit: str) -> SeriesRule:
    """The roll-up's rule for a series, from its columns."""
    return SeriesRule(value_type=value_type, aggregation=aggregation,
                      reporting_unit_type=reporting_unit_type, subyear=subyear,
                      percent=unit == "%")


def _stored(number: Decimal | None) -> Decimal | None:
    return None if number is None else number.quantize(PLACES)


def as_row(series_id: int, unit_id: int, year: int, approved_only: bool, figure: Figure
           ) -> tuple[Any, ...]:
    """A figure as the table keeps it (``COLUMNS``)."""
    counts = [figure.statuses.get(s, 0) for s in STATUSES]
    return (series_id, unit_id, year, approved_only, figure.source, _stored(figure.value),
            _stored(figure.numerator), _stored(figure.denominator),
            _stored(figure.computed_value), figure.reported, figure.expected, figure.partial,
            figure.is_estimate, figure.leaf, *counts)


def as_figure(row: tuple[Any, ...]) -> Figure:
    """A row read with ``COLUMNS[4:]`` (source ... n_returned) back as a ``Figure``."""
    (source, value, numerator, denominator, computed_value, reported, expected, partial,
     is_estimate, leaf, *counts) = row
    return Figure(value=value, source=source, numerator=numerator, denominator=denominator,
                  reported=reported, expected=expected, is_estimate=is_estimate,
                  statuses={s: n for s, n in zip(STATUSES, counts, strict=True) if n},
                  leaf=leaf, computed_value=computed_value, partial=partial)


def normalized(row: Iterable[Any]) -> tuple[Any, ...]:
    """A row as compared by ``check``: numbers as Decimals of 6 places, flags as bools
    (SQLite hands back 0/1 and floats where PostgreSQL hands back bools and Decimals)."""
    out: list[Any] = []
    for name, item in zip(COLUMNS, row, strict=True):
        if name in ("value", "numerator", "denominator", "computed_value"):
            item = None if item is None else Decimal(str(item)).quantize(PLACES)
        elif name in ("approved_only", "partial", "is_estimate", "leaf"):
            item = bool(item)
        out.append(item)
    return tuple(out)


# --- computing rows ------------------------------------------------------------------


@dataclass(frozen=True)
class _Series:
    id: int
    rule: SeriesRule
    issuer_id: int
    issuer_path: str
    years: tuple[int, ...]


def _series(models: Models, where: Q, years: Iterable[int] | None) -> list[_Series]:
    wanted = set(years) if years is not None else None
    out = []
    for (sid, value_type, aggregation, reporting, subyear, unit, issuer_id, issuer_path,
         start, end) in models.series.objects.filter(where).values_list(
            "id", "value_type", "aggregation", "reporting_unit_type", "subyear_aggregation",
            "unit", "resolution__issuer_id", "resolution__issuer__path",
            "resolution__term_start", "resolution__term_end").order_by("id"):
        term = [y for y in range(start, end + 1) if wanted is None or y in wanted]
        if term:
            out.append(_Series(sid, rule_of(value_type, aggregation, reporting, subyear, unit),
                               issuer_id, issuer_path, tuple(term)))
    return out


def _tree(models: Models, root_id: int, root_path: str) -> list[Unit]:
    """The issuer's subtree as the roll-up takes it (the issuer as its root)."""
    units = models.orgunit.objects.filter(path__startswith=root_path).order_by()
    if not any(f.name == "is_active" for f in models.orgunit._meta.get_fields()):
        # A migration older than orgunits 0002: every unit was active then.
        return [Unit(uid, parent if uid != root_id else None, type_)
                for uid, parent, type_ in units.values_list("id", "parent_id", "type")]
    return [Unit(uid, parent if uid != root_id else None, type_, active)
            for uid, parent, type_, active in units.values_list("id", "parent_id", "type",
                                                                "is_active")]


def _rows_for(models: Models, issuer_id: int, issuer_path: str, series: list[_Series],
              scope: set[int] | None) -> Iterator[tuple[Any, ...]]:
    """Rows of every figure of these series (one issuer's), both copies, for the units
    in ``scope`` (all units when None). Two queries, both run before this returns: the
    rows are then made without the database (a COPY may be writing meanwhile)."""
    tree = _tree(models, issuer_id, issuer_path)
    years = sorted({y for s in series for y in s.years})
    cells: dict[int, list[Cell]] = defaultdict(list)
    for sid, uid, period, value, num, den, est, status in models.value.objects.filter(
            series_id__in=[s.id for s in series], year__in=years).values_list(
            "series_id", "orgunit_id", "period", "value", "numerator", "denominator",
            "is_estimate", "status"):
        cells[sid].append(Cell(uid, period, value, num, den, est, status))
    return _rolled_rows(tree, cells, issuer_id, series, scope)


def _rolled_rows(tree: list[Unit], cells: dict[int, list[Cell]], issuer_id: int,
                 series: list[_Series], scope: set[int] | None) -> Iterator[tuple[Any, ...]]:
    for s in series:
        every = cells.get(s.id, [])
        for approved_only, chosen in ((False, every),
                                      (True, [c for c in every if c.status == "approved"])):
            figures = roll_up(tree, chosen, s.rule, issuer_id, s.years)
            for unit_id, per_year in figures.items():
                if scope is not None and unit_id not in scope:
                    continue
                for year, figure in per_year.items():
                    if figure.source != "missing":
                        yield as_row(s.id, unit_id, year, approved_only, figure)


def _by_issuer(series: list[_Series]) -> dict[tuple[int, str], list[_Series]]:
    """The series grouped by issuer, issuers in id order: every refresh takes the issuers'
    rows in that one order, so two writes that refresh the same two issuers (a commune's
    and its province's resolutions) never hold one each while waiting for the other."""
    groups: dict[tuple[int, str], list[_Series]] = defaultdict(list)
    for s in series:
        groups[(s.issuer_id, s.issuer_path)].append(s)
    return dict(sorted(groups.items()))


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ids = sorted(set(ids))
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _ancestors(path: str) -> list[int]:
    """"/0000001/0000005/" -> [1, 5]: a unit's ancestors and itself, from its path."""
    return [int(part) for part in path.strip("/").split("/") if part]


# --- writing rows ----------------------------------------------------------------------


def _insert(models: Models, rows: Iterable[tuple[Any, ...]]) -> int:
    """Rows in one statement: COPY on PostgreSQL, one executemany elsewhere."""
    table = models.stored._meta.db_table
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in COLUMNS)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        listed = list(rows)
        if listed:
            # Table and columns are the model's own names; every value is bound.
            cursor.executemany(f"INSERT INTO {quote(table)} ({columns}) VALUES "  # noqa: S608
                               f"({', '.join(['%s'] * len(COLUMNS))})", listed)
        return len(listed)


def _recompute(models: Models, *, series_where: Q, scope: set[int] | None,
               years: Iterable[int] | None) -> int:
    """Delete the rows in scope and write them again from a fresh roll-up."""
    years = None if years is None else sorted(set(years))
    written = 0
    for (issuer_id, issuer_path), group in _by_issuer(_series(models, series_where,
                                                              years)).items():
        ids = [s.id for s in group]
        # Two saves in one commune at once would each delete the chain's rows and insert
        # their own roll-up: the second insert then collides with the first (unique key),
        # or, worse, writes a total read before the first save committed. Holding the
        # issuer's row until commit makes refreshes of one issuer take turns, and the
        # second reads the first's value (READ COMMITTED reads anew after the wait).
        # SQLite serializes writers anyway; there this is a plain read. FOR NO KEY UPDATE:
        # refreshes exclude each other, while the foreign-key checks of other writes
        # under this issuer (FOR KEY SHARE, at their commit) do not wait for it.
        with transaction.atomic(savepoint=False):  # the caller's transaction, if any
            (models.orgunit.objects.select_for_update(no_key=True).filter(pk=issuer_id)
             .values_list("pk", flat=True).first())
            old = models.stored.objects.filter(series_id__in=ids)
            if years is not None:
                old = old.filter(year__in=years)
            if scope is None:
                old.delete()
            else:
                for chunk in _chunks(scope):
                    old.filter(orgunit_id__in=chunk).delete()
            written += _insert(models, _rows_for(models, issuer_id, issuer_path, group, scope))
    return written


def _scope(models: Models, unit_ids: Iterable[int], subtrees: bool
           ) -> tuple[set[int], set[int], list[str]]:
    """(units whose rows change, their ancestors-or-selves, their paths)."""
    paths = list(models.orgunit.objects.filter(pk__in=set(unit_ids))
                 .values_list("path", flat=True))
    chain = {uid for path in paths for uid in _ancestors(path)}
    scope = set(chain)
    if subtrees and paths:
        under = Q()
        for path in paths:
            under |= Q(path__startswith=path)
        scope |= set(models.orgunit.objects.filter(under).values_list("id", flat=True))
    return scope, chain, paths


def refresh_figures(*, series_ids: Iterable[int] | None = None, unit_ids: Iterable[int],
                    years: Iterable[int] | None = None, subtrees: bool = False,
                    models: Models | None = None) -> int:
    """Recompute the stored figures of ``unit_ids`` and of their parent chains, for
    ``series_ids`` (default: every series whose resolution is issued by one of the
    units or an ancestor), in ``years`` (default: each series' term). Call it inside the
    write's transaction. ``subtrees=True`` also recomputes every unit under them and
    drops rows of units that left a series' tree (after a move or a merge: pass the
    moved unit and its old parent). Returns the number of rows written."""
    models = models or live_models()
    scope, chain, paths = _scope(models, unit_ids, subtrees)
    if not scope:
        return 0
    where = Q(resolution__issuer_id__in=chain)
    if subtrees:
        for path in paths:
            where |= Q(resolution__issuer__path__startswith=path)
    if series_ids is not None:
        where &= Q(pk__in=set(series_ids))
    return _recompute(models, series_where=where, scope=scope, years=years)


@transaction.atomic
def rebuild_figures(*, series_ids: Iterable[int] | None = None,
                    unit_ids: Iterable[int] | None = None, years: Iterable[int] | None = None,
                    models: Models | None = None) -> int:
    """After a bulk load: rebuild the rows of ``series_ids`` (all of them, or only those
    of ``unit_ids`` and their parent chains), or, with neither, the whole table; only
    for ``years`` when given (the years the load wrote: a year's figures never depend
    on another year's values). Returns the number of rows written."""
    models = models or live_models()
    if unit_ids is not None:
        return refresh_figures(series_ids=series_ids, unit_ids=unit_ids, years=years,
                               models=models)
    if series_ids is not None:
        return _recompute(models, series_where=Q(pk__in=set(series_ids)), scope=None,
                          years=years)
    models.stored.objects.all().delete()  # one statement, then each issuer's series
    written = 0
    for (issuer_id, issuer_path), group in _by_issuer(_series(models, Q(), None)).items():
        written += _insert(models, _rows_for(models, issuer_id, issuer_path, group, None))
    return written


# --- checking ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    key: tuple[int, int, int, bool]  # series, unit, year, approved only
    stored: tuple[Any, ...] | None  # None: the row is missing
    expected: tuple[Any, ...] | None  # None: the row should not be there


def check_figures(*, series_ids: Iterable[int] | None = None,
                  models: Models | None = None) -> tuple[int, list[Difference]]:
    """Recompute every figure from the raw values and compare it with the table, one
    issuer at a time: (rows checked, differences)."""
    models = models or live_models()
    where = Q() if series_ids is None else Q(pk__in=set(series_ids))
    checked, differences = 0, []
    for (issuer_id, issuer_path), group in _by_issuer(_series(models, where, None)).items():
        expected = {row[:4]: normalized(row) for row in
                    _rows_for(models, issuer_id, issuer_path, group, None)}
        stored = {}
        for chunk in _chunks(s.id for s in group):
            for row in models.stored.objects.filter(series_id__in=chunk).values_list(*COLUMNS):
                norm = normalized(row)
                stored[norm[:4]] = norm
        checked += len(expected)
        for key in sorted(expected.keys() | stored.keys()):
            if expected.get(key) != stored.get(key):
                differences.append(Difference(key, stored.get(key), expected.get(key)))
    return checked, differences
