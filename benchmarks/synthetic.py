"""A synthetic province for the dashboard benchmark, built into the configured database.

``build_synthetic()`` makes a province (``BENCH`` by default) with ``communes``
communes of ``villages`` villages each. Every commune imports the seed registry
(37 targets on 36 data series) the way the demo does, with the demo's
``SERIES_LEVELS`` applied, so each commune's resolution looks like Phiêng
Khoài's. Series reported by villages get one value per village and year; every
other series gets the commune's own value. A few communes also enter a figure
of their own for a village series (which then beats the villages' total), so
both sides of the roll-up's "entered, else computed" rule are exercised; and in
the last year a third of the communes still miss a tenth of their villages, so
their totals are partial (shown, not judged).

With ``province_resolution=True`` the province also imports the seed registry
and its series are filled with the same numbers at the communes and villages,
so the province's dashboard rolls up 75 communes of 50 villages each.

Everything is created in bulk. Values bypass ``values_bulk_create`` and its
audit rows on purpose (see ``ValueInserter``): this is benchmark data, not a
user's entry, and half a million audit rows would only slow the build down. The
stored figures of the new series are then rebuilt in one go (``rebuild_figures``),
as after an import; ``Synthetic.rebuild_seconds`` times it.

``build_nation()`` builds the country from the official list (``vietnam-provinces``
through ``orgunits.official``: 34 provinces, 3,321 communes, wards and special zones)
with villages in realistic numbers (see ``village_count``), and fills the provinces
asked for (``fill``) the way ``build_synthetic`` fills its one province.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection, transaction

from nghiquyet.demo.figures import COMMUNE_FIGURES
from nghiquyet.demo.services import SERIES_LEVELS, seed_registry
from nghiquyet.figures.models import DataValue, ValueStatus
from nghiquyet.figures.store import rebuild_figures
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType
from nghiquyet.orgunits.services import orgunit_bulk_create, orgunit_create
from nghiquyet.resolutions.models import DataSeries, Resolution, Target
from nghiquyet.resolutions.services import registry_import

# The demo's village figures are for 30 villages; counts of villages scale by this.
DEMO_VILLAGES = 30
# Fixed for repeatable runs: the same numbers, statuses and timings' inputs each time.
DEFAULT_SEED = 2025


@dataclass
class Synthetic:
    province: OrgUnit
    communes: list[OrgUnit]
    resolutions: list[Resolution]  # resolutions[i] is issued by communes[i]
    province_resolution: Resolution | None
    values: int
    seconds: float  # the units, resolutions and values
    rebuild_seconds: float = 0.0  # the stored figures, rebuilt after the bulk load
    stored_rows: int = 0


@dataclass(frozen=True)
class SeriesInfo:
    """What the generator needs of a series (the commune resolution's view of it)."""

    id: int
    code: str
    key: tuple[int, int]  # (indicator number, target position) of its first target
    kind: str  # that target's kind
    unit: str
    value_type: str
    aggregation: str
    reporting_unit_type: str


def build_synthetic(
    *, code: str = "BENCH", communes: int = 75, villages: int = 50,
    years: Iterable[int] = range(2025, 2031), province_resolution: bool = True,
    seed: int = DEFAULT_SEED,
) -> Synthetic:
    """Build the province into the configured database (see the module's docstring)."""
    start = time.perf_counter()
    with transaction.atomic():
        province = orgunit_create(code=code, name=f"Tỉnh {code} (tổng hợp)",
                                  type=OrgUnitType.PROVINCE, is_illustrative=True)
        units = orgunit_bulk_create(parent=province, is_illustrative=True, rows=[
            (f"{code}-X{i:03d}", f"Xã {code} {i:03d}", OrgUnitType.COMMUNE)
            for i in range(1, communes + 1)])
        units.sort(key=lambda u: u.code)
        village_rows = {commune.pk: _villages(commune, villages) for commune in units}
    return fill_province(province, units, village_rows, years=years,
                         province_resolution=province_resolution, seed=seed, start=start)


def _villages(commune: OrgUnit, count: int) -> list[OrgUnit]:
    kids = orgunit_bulk_create(parent=commune, is_illustrative=True, rows=[
        (f"{commune.code}-B{k:03d}", f"Bản {k:03d}", OrgUnitType.VILLAGE)
        for k in range(1, count + 1)])
    return sorted(kids, key=lambda u: u.code)


def fill_province(
    province: OrgUnit, units: list[OrgUnit], village_rows: dict[int, list[OrgUnit]], *,
    years: Iterable[int] = range(2025, 2031), province_resolution: bool = True,
    seed: int = DEFAULT_SEED, start: float | None = None,
) -> Synthetic:
    """The seed registry in each commune (and the province), their values, then the
    stored figures rebuilt for those series, as an import does after a bulk load."""
    start = time.perf_counter() if start is None else start
    years = list(years)
    with transaction.atomic():
        doc = seed_registry()
        resolutions = [registry_import(doc=doc, issuer=commune) for commune in units]
        apply_series_levels(resolutions)
        province_res = None
        if province_resolution:
            province_res = registry_import(doc=doc, issuer=province)
            apply_province_levels(province_res)
    # Values in one transaction per commune: bounded memory, and SQLite commits in pieces.
    province_series = _series_by_code(province_res) if province_res else {}
    insert = ValueInserter()
    for index, (commune, resolution) in enumerate(zip(units, resolutions, strict=True)):
        own = _series_infos(resolution)
        rows = list(_commune_values(index, commune, village_rows[commune.pk], own, years, seed))
        cells = [(series.id, unit_id, year, parts) for series, unit_id, year, parts in rows]
        if province_series:
            cells += [(province_series[series.code], unit_id, year, parts)
                      for series, unit_id, year, parts in rows]
        with transaction.atomic():
            insert(cells)
    seconds = time.perf_counter() - start
    # The values went past the services: the stored figures of these series are rebuilt
    # from them in one go, as after an import.
    rebuild_start = time.perf_counter()
    series_ids = list(DataSeries.objects.filter(
        resolution__in=[*resolutions, *([province_res] if province_res else [])])
        .values_list("id", flat=True))
    with transaction.atomic():
        stored = rebuild_figures(series_ids=series_ids)
    return Synthetic(province=province, communes=units, resolutions=resolutions,
                     province_resolution=province_res, values=insert.count,
                     seconds=seconds, rebuild_seconds=time.perf_counter() - rebuild_start,
                     stored_rows=stored)


def apply_series_levels(resolutions: list[Resolution]) -> None:
    """The demo's levels (``SERIES_LEVELS``) for every commune resolution, in one update."""
    series = {s.pk: s for s in DataSeries.objects.filter(resolution__in=resolutions)}
    changed = []
    for series_id, number, position in Target.objects.filter(
            series__resolution__in=resolutions).values_list(
            "series_id", "indicator__number", "position"):
        spec = SERIES_LEVELS.get((number, position))
        if spec:
            s = series[series_id]
            s.reporting_unit_type, s.aggregation, s.value_type = spec
            changed.append(s)
    DataSeries.objects.bulk_update(changed, ["reporting_unit_type", "aggregation", "value_type"],
                                   batch_size=500)


def apply_province_levels(resolution: Resolution) -> None:
    """The province collects from communes what a commune collects from its units.

    A province import infers ``province`` as the reporting level, which would
    leave nothing to roll up; the demo's village series stay with the villages,
    and everything else is reported by the communes. A count of schools that
    meet a standard (kept per school in a commune) becomes each commune's
    number, summed: the synthetic communes have villages only.
    """
    apply_series_levels([resolution])
    changed = []
    for s in DataSeries.objects.filter(resolution=resolution):
        if s.reporting_unit_type == OrgUnitType.VILLAGE:
            continue
        s.reporting_unit_type = OrgUnitType.COMMUNE
        if s.aggregation == "count_yes":
            s.aggregation, s.value_type = "sum", "number"
        changed.append(s)
    DataSeries.objects.bulk_update(changed, ["reporting_unit_type", "aggregation", "value_type"])


def _series_by_code(resolution: Resolution) -> dict[str, int]:
    return dict(DataSeries.objects.filter(resolution=resolution).values_list("code", "id"))


def _series_infos(resolution: Resolution) -> list[SeriesInfo]:
    first: dict[int, tuple[int, int, str]] = {}
    for series_id, number, position, kind in Target.objects.filter(
            series__resolution=resolution).values_list(
            "series_id", "indicator__number", "position", "kind").order_by(
            "indicator__number", "position"):
        if (number, position) in COMMUNE_FIGURES:  # a growth rate shares its level's series
            first.setdefault(series_id, (number, position, kind))
    return [
        SeriesInfo(id=s.pk, code=s.code, key=first[s.pk][:2], kind=first[s.pk][2], unit=s.unit,
                   value_type=s.value_type, aggregation=s.aggregation,
                   reporting_unit_type=s.reporting_unit_type)
        for s in DataSeries.objects.filter(resolution=resolution).order_by("id")
    ]


Parts = dict[str, Decimal]


class ValueInserter:
    """Rows of ``reporting_datavalue`` by ``executemany``, bypassing the audit.

    ``DataValue.objects.bulk_create`` took 110 s for the 624,000 values of the
    default province on SQLite, most of it Django preparing each field of each
    row; one ``executemany`` per commune takes ~14 s of CPU for them all. The
    columns and their defaults come from the model, so a new field with a
    default needs no change here.
    """

    PER_ROW = ("series", "orgunit", "period", "year", "value", "numerator", "denominator",
               "status")

    def __init__(self) -> None:
        from django.utils import timezone

        fields = [f for f in DataValue._meta.local_concrete_fields if not f.primary_key]
        by_name = {f.name: f for f in fields}
        self.fixed = {f.column: f.get_db_prep_save(f.get_default(), connection)
                      for f in fields if f.name not in self.PER_ROW}
        self.fixed[by_name["updated_at"].column] = by_name["updated_at"].get_db_prep_save(
            timezone.now(), connection)
        self.fixed[by_name["note"].column] = "Số liệu tổng hợp cho benchmark"
        columns = [by_name[n].column for n in self.PER_ROW] + list(self.fixed)
        quote = connection.ops.quote_name
        self.sql = (f"INSERT INTO {quote(DataValue._meta.db_table)} "
                    f"({', '.join(quote(c) for c in columns)}) "
                    f"VALUES ({', '.join(['%s'] * len(columns))})")
        self.tail = tuple(self.fixed.values())
        self.count = 0

    def __call__(self, cells: list[tuple[int, int, int, Parts]]) -> None:
        rows = [
            (series_id, unit_id, str(year), year, parts.get("value"), parts.get("numerator"),
             parts.get("denominator"),
             # 2030, the term's last year, is still being approved; earlier years are.
             ValueStatus.SUBMITTED.value if year == 2030 else ValueStatus.APPROVED.value,
             *self.tail)
            # In the unique index's order: the B-trees grow at their ends, not all over.
            for series_id, unit_id, year, parts in sorted(cells, key=lambda c: c[:3])
        ]
        with connection.cursor() as cursor:
            cursor.executemany(self.sql, rows)
        self.count += len(rows)


def _commune_values(
    index: int, commune: OrgUnit, villages: list[OrgUnit], series_list: list[SeriesInfo],
    years: list[int], seed: int,
) -> Iterator[tuple[SeriesInfo, int, int, Parts]]:
    """(series, unit id, year, fields) for one commune's every series and year."""
    for position, series in enumerate(series_list):
        rng = random.Random(f"{seed}:{index}:{series.code}")
        yearly = _trajectory(series, years, rng, len(villages))
        by_villages = series.reporting_unit_type == OrgUnitType.VILLAGE and villages
        if not by_villages:
            den = rng.randint(300, 3000)  # the commune's own denominator, steady over years
            for year in years:
                yield series, commune.pk, year, _commune_cell(series, yearly[year], den)
            continue
        weights = [rng.uniform(0.5, 1.5) for _ in villages]
        total_weight = sum(weights)
        dens = [rng.randint(60, 220) for _ in villages]
        order = list(range(len(villages)))
        rng.shuffle(order)  # which villages meet a standard first
        rank = {k: r for r, k in enumerate(order)}
        for year in years:
            figure = yearly[year]
            for k, village in enumerate(villages):
                if year == years[-1] and index % 3 == 0 and k % 10 == 0:
                    continue  # still being collected: the commune's total is partial
                if series.aggregation == "count_yes":
                    parts = {"value": Decimal(int(rank[k] < figure))}
                elif series.value_type == "ratio":
                    num = round(dens[k] * figure / 100 * rng.uniform(0.85, 1.15))
                    parts = {"numerator": Decimal(min(dens[k], max(0, num))),
                             "denominator": Decimal(dens[k])}
                else:
                    parts = {"value": _round(figure * weights[k] / total_weight)}
                yield series, village.pk, year, parts
            if (index + position + year) % 9 == 0:
                # The commune's own figure for a village series: it wins over the total.
                if series.value_type == "ratio":
                    den = sum(dens)
                    parts = {"numerator": Decimal(round(den * figure / 100)),
                             "denominator": Decimal(den)}
                else:
                    parts = {"value": _round(figure)}
                yield series, commune.pk, year, parts


def _trajectory(series: SeriesInfo, years: list[int], rng: random.Random, villages: int
                ) -> dict[int, float]:
    """The commune's figure each year: the demo's 2025 figure as a start and its
    change to 2026 as a pace, times a factor of the commune's own (from -0.5,
    going back, to 2.5), so that statuses vary from commune to commune."""
    f25, f26 = COMMUNE_FIGURES[series.key]
    percent = series.unit == "%"
    count = series.aggregation == "count_yes"
    size = 1.0 if percent or count else rng.uniform(0.6, 1.6)
    pace = rng.uniform(-0.5, 2.5)
    out: dict[int, float] = {}
    for year in years:
        if series.kind == "cumulative":  # a yearly flow: new members each year
            figure = f25 * size * rng.uniform(0.7, 1.3)
        else:
            figure = (f25 + (f26 - f25) * pace * (year - years[0])) * size
            figure *= rng.uniform(0.99, 1.01)
        if count and series.reporting_unit_type == "village":  # villages meeting a standard
            figure = float(min(round(figure * villages / DEMO_VILLAGES), villages))
        elif count:  # a count the commune reports itself (schools meeting a standard)
            figure = float(round(figure))
        out[year] = min(max(figure, 0.0), 100.0) if percent else max(figure, 0.0)
    return out


def _commune_cell(series: SeriesInfo, figure: float, den: int) -> Parts:
    if series.value_type == "ratio":
        # Parts rather than a bare percentage, so a province can add communes up.
        return {"numerator": Decimal(min(den, round(den * figure / 100))),
                "denominator": Decimal(den)}
    return {"value": _round(figure)}


def _round(x: float) -> Decimal:
    places = 0 if x >= 100 else 1
    return round(Decimal(repr(x)), places)


# --- the nation ------------------------------------------------------------------------


@dataclass
class Nation:
    provinces: dict[str, OrgUnit]  # official province code -> unit
    communes: dict[str, list[OrgUnit]]  # official province code -> its communes
    villages: int
    units_seconds: float
    filled: dict[str, Synthetic]  # official province code -> its data


def village_count(kind: str, code: str, seed: int = DEFAULT_SEED) -> int:
    """Villages of a commune (thôn, bản, tổ dân phố): a rural xã 12-50, a phường 10-45,
    a special zone 3-15, drawn per commune (repeatable). About 30 on average, some
    100,000 in the country: the order of magnitude of Vietnam's thôn and tổ dân phố
    (an assumption of this benchmark; the official list stops at communes)."""
    rng = random.Random(f"{seed}:{code}")
    if kind == "đặc khu":
        return rng.randint(3, 15)
    if kind == "phường":
        return rng.randint(10, 45)
    return rng.randint(12, 50)


def build_nation(
    *, fill: Iterable[str] = ("14",), years: Iterable[int] = range(2025, 2031),
    province_resolution: bool = True, seed: int = DEFAULT_SEED,
    only: Iterable[str] | None = None,
) -> Nation:
    """Every province, commune and village of the country (or the provinces in ``only``);
    the provinces in ``fill`` (official codes: "14" is Sơn La, 75 communes) get
    resolutions and values."""
    wanted = None if only is None else set(only) | set(fill)
    from nghiquyet.orgunits.official import communes as official_communes
    from nghiquyet.orgunits.official import provinces as official_provinces

    start = time.perf_counter()
    by_province: dict[str, list[Any]] = {code: [] for code in official_provinces()}
    for commune in official_communes().values():
        by_province[commune.province.code].append(commune)
    provinces: dict[str, OrgUnit] = {}
    communes: dict[str, list[OrgUnit]] = {}
    villages: dict[str, dict[int, list[OrgUnit]]] = {}
    count = 0
    for pcode, official in sorted(official_provinces().items()):
        if wanted is not None and pcode not in wanted:
            continue
        with transaction.atomic():
            province = orgunit_create(code=f"VN{pcode}", name=official.full_name,
                                      type=OrgUnitType.PROVINCE, is_illustrative=True)
            listed = sorted(by_province[pcode], key=lambda c: c.code)
            units = sorted(orgunit_bulk_create(parent=province, is_illustrative=True, rows=[
                (f"VN{c.code}", c.full_name, OrgUnitType.COMMUNE) for c in listed]),
                key=lambda u: u.code)
            kinds = {f"VN{c.code}": c.kind for c in listed}
            villages[pcode] = {u.pk: _villages(u, village_count(kinds[u.code], u.code, seed))
                               for u in units}
        count += sum(len(v) for v in villages[pcode].values())
        provinces[pcode], communes[pcode] = province, units
    units_seconds = time.perf_counter() - start
    filled = {pcode: fill_province(provinces[pcode], communes[pcode], villages[pcode],
                                   years=years, province_resolution=province_resolution,
                                   seed=seed)
              for pcode in fill}
    return Nation(provinces=provinces, communes=communes, villages=count,
                  units_seconds=units_seconds, filled=filled)
