"""How long the dashboard's data takes, against hand-written SQL for the same numbers.

    .venv/bin/python benchmarks/bench_dashboard.py               # fresh SQLite in a temp folder
    .venv/bin/python benchmarks/bench_dashboard.py --postgres    # database nghiquyet_bench
    .venv/bin/python benchmarks/bench_dashboard.py --communes 10 --villages 20 --repeat 1
    .venv/bin/python benchmarks/bench_dashboard.py --cases "b'',c"  # those cases only

Data: the demo (Phiêng Khoài, 36 series, 2025-2026) and a synthetic province
(``benchmarks/synthetic.py``: 75 communes of 50 villages, the seed registry in
every commune and in the province, 2025-2030). Cases:

(a) the demo commune's dashboard: ``assess_resolution(demo, commune)``;
(b) every synthetic commune's own dashboard: 75 × ``assess_resolution``;
(c) the province's dashboard: its 36 series rolled up from 75 communes and
    3,750 villages, then judged.

Baseline, measured in the same run on the same connection: SQL that computes
each judged unit's yearly figure per series (its own value if entered, else its
sub-units' sum, ratio of sums × 100 or count of "yes"), then the same
classification as the selector in plain Python: ``assess_target`` on those
numbers, the worst status per indicator and the counts. So the baseline covers
the figures *and* the statuses; what it leaves out is what the selector keeps
besides (each unit's coverage, sources, estimates, the ORM objects a page
renders). A second pair of columns times the figures alone (``subtree_figures``
against the SQL). Before anything is timed, the SQL's numbers and statuses are
checked against the selector's.

The SQL knows the shape of the tree: the units below a commune are leaves
(villages, schools, party cells), a province's sub-units are communes. The
selector's roll-up is general (any depth); that generality is part of what the
ratio measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # `python benchmarks/bench_dashboard.py` puts benchmarks/ first
    sys.path.insert(0, str(REPO))

PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = "nghiquyet_bench"
DOC = REPO / "docs" / "benchmarks.md"

# --- the hand-written SQL ---------------------------------------------------------
#
# ``judged`` is every (unit, series) pair whose figures are wanted, with the
# number of its children that report the series (``n_kids``: what a total
# needs to be complete). ``cells`` are the stored yearly values of the unit
# itself and of those children, found by the path prefix: all judged units sit
# at one depth, so the prefix has one length and the join is an equality on the
# indexed ``path``. The CROSS JOINs are inner joins written so that SQLite keeps
# their order (the judged series, their values, the values' units, then the judged
# unit); PostgreSQL plans them freely. ``figures`` applies the roll-up rule: entered
# beats computed; a computed sum or count of "yes" missing some children is
# ``partial`` (shown, not judged). ``NOT MATERIALIZED`` (SQLite 3.35+, PostgreSQL
# 12+) lets PostgreSQL estimate the judged pairs from the tables: materialised, it
# guessed 54 rows for 2,700 and chose a nested loop that took 25 s instead of 1.

_FIGURES = """
judged0 AS NOT MATERIALIZED (
    SELECT c.id AS unit_id, c.path AS unit_path, c.type AS unit_type,
           s.id AS series_id, s.aggregation AS agg, s.reporting_unit_type AS rut,
           CASE WHEN s.unit = '%%' OR s.value_type = 'ratio' THEN 100.0 ELSE 1.0 END AS scale,
           CASE WHEN s.unit = '%%' THEN 1 ELSE 0 END AS pct
    FROM {judged}
),
kid_counts AS (
    SELECT parent_id, type, COUNT(*) AS n
    FROM orgunits_orgunit
    WHERE parent_id IN (SELECT unit_id FROM judged0)
    GROUP BY parent_id, type
),
judged AS NOT MATERIALIZED (
    SELECT j.*, COALESCE(kc.n, 0) AS n_kids
    FROM judged0 j LEFT JOIN kid_counts kc ON kc.parent_id = j.unit_id AND kc.type = j.rut
),
cells AS (
    SELECT j.unit_id, j.series_id, v.year,
           CASE WHEN u.id = j.unit_id THEN 1 ELSE 0 END AS own,
           v.value, v.numerator, v.denominator,
           COALESCE(v.value, CASE WHEN v.denominator <> 0
                                  THEN v.numerator * j.scale / v.denominator END) AS cv
    FROM (SELECT DISTINCT series_id FROM judged0) js
    CROSS JOIN reporting_datavalue v
    CROSS JOIN orgunits_orgunit u
    CROSS JOIN orgunits_orgunit c
    CROSS JOIN judged j
    WHERE v.series_id = js.series_id
      AND v.year BETWEEN %(first)s AND %(last)s AND LENGTH(v.period) = 4
      AND u.id = v.orgunit_id
      AND c.path = SUBSTR(u.path, 1, %(plen)s)
      AND j.unit_id = c.id AND j.series_id = v.series_id
      AND (u.id = j.unit_id OR (u.parent_id = j.unit_id AND u.type = j.rut))
),
grouped AS (
    SELECT unit_id, series_id, year,
           MAX(own) AS has_direct,
           MAX(CASE WHEN own = 1 THEN cv END) AS d_value,
           MAX(CASE WHEN own = 1 THEN numerator END) AS d_num,
           MAX(CASE WHEN own = 1 THEN denominator END) AS d_den,
           SUM(CASE WHEN own = 0 THEN cv END) AS k_sum,
           SUM(CASE WHEN own = 0 AND numerator IS NOT NULL AND denominator <> 0
                    THEN numerator END) AS k_num,
           SUM(CASE WHEN own = 0 AND numerator IS NOT NULL AND denominator <> 0
                    THEN denominator END) AS k_den,
           SUM(CASE WHEN own = 0 AND cv >= 1 THEN 1 ELSE 0 END) AS k_yes,
           SUM(CASE WHEN own = 0 AND (value IS NOT NULL OR numerator IS NOT NULL)
                    THEN 1 ELSE 0 END) AS k_present
    FROM cells
    GROUP BY unit_id, series_id, year
),
figures AS (
    SELECT g.unit_id, g.series_id, g.year, j.agg, j.rut, j.unit_type, j.n_kids,
           g.has_direct, g.k_present,
           CASE WHEN g.has_direct = 1 THEN g.d_value
                WHEN j.unit_type = j.rut OR j.agg = 'none' OR g.k_present = 0 THEN NULL
                WHEN j.agg = 'sum' THEN g.k_sum
                WHEN j.agg = 'ratio_of_sums' THEN g.k_num * 100.0 / NULLIF(g.k_den, 0)
                WHEN j.agg = 'count_yes' AND j.pct = 1 AND j.n_kids > 0
                     THEN g.k_yes * 100.0 / j.n_kids
                WHEN j.agg = 'count_yes' THEN g.k_yes
           END AS value,
           CASE WHEN g.has_direct = 1 THEN g.d_num
                WHEN j.unit_type = j.rut OR j.agg = 'none' OR g.k_present = 0 THEN NULL
                WHEN j.agg = 'ratio_of_sums' THEN g.k_num
                WHEN j.agg = 'count_yes' THEN g.k_yes
           END AS numerator,
           CASE WHEN g.has_direct = 1 THEN g.d_den
                WHEN j.unit_type = j.rut OR j.agg = 'none' OR g.k_present = 0 THEN NULL
                WHEN j.agg = 'ratio_of_sums' THEN g.k_den
           END AS denominator,
           CASE WHEN g.has_direct = 0 AND j.unit_type <> j.rut AND j.agg IN ('sum', 'count_yes')
                     AND g.k_present > 0 AND g.k_present < j.n_kids THEN 1 ELSE 0
           END AS partial
    FROM grouped g
    JOIN judged j ON j.unit_id = g.unit_id AND j.series_id = g.series_id
)
"""

# Units judged on their own resolution: one commune (``unit``), or every unit
# directly under ``root`` with the resolution it issued.
OWN_ONE = """resolutions_dataseries s
    JOIN resolutions_resolution r ON r.id = s.resolution_id
    JOIN orgunits_orgunit c ON c.id = r.issuer_id
    WHERE c.id = %(unit)s"""
OWN_UNDER = """resolutions_dataseries s
    JOIN resolutions_resolution r ON r.id = s.resolution_id
    JOIN orgunits_orgunit c ON c.id = r.issuer_id
    WHERE c.parent_id = %(root)s"""

# The flag handed back is "not judged" (assessment.selectors.incomplete): partial, or
# computed from only some of the sub-units that should report, even a rate.
UNIT_SQL = "WITH " + _FIGURES + """
SELECT unit_id, series_id, year, value,
       CASE WHEN partial = 1 OR (has_direct = 0 AND unit_type <> rut AND agg <> 'none'
                                 AND k_present < n_kids) THEN 1 ELSE 0 END AS partial
FROM figures WHERE value IS NOT NULL
"""

# The province: every commune's figure for the province's series (as above),
# then the province's own: entered, else the communes' figures combined the way
# ``_aggregate`` combines sub-units. A commune counts if it reports the series
# or has children that do; a "yes" count adds computed counts and entered ones;
# coverage adds the communes' reporting children (a commune that reports the
# series itself counts as one, and a commune that entered its own total counts
# as all its children), so one village short under a computed commune makes the
# province's sum partial.
PROVINCE_SQL = "WITH " + _FIGURES.format(judged="""orgunits_orgunit c
    CROSS JOIN resolutions_dataseries s
    WHERE c.parent_id = %(root)s AND s.resolution_id = %(resolution)s""") + """,
kids AS (
    SELECT f.*, CASE WHEN f.value IS NOT NULL OR f.numerator IS NOT NULL THEN 1 ELSE 0 END AS present
    FROM figures f
    WHERE f.unit_type = f.rut OR f.n_kids > 0
),
expected AS (
    SELECT series_id, SUM(CASE WHEN unit_type = rut THEN 1 ELSE n_kids END) AS p_expected
    FROM judged
    WHERE unit_type = rut OR n_kids > 0
    GROUP BY series_id
),
rolled AS (
    SELECT series_id, year,
           SUM(CASE WHEN present = 1 THEN value END) AS p_sum,
           SUM(CASE WHEN numerator IS NOT NULL AND denominator <> 0 THEN numerator END) AS p_num,
           SUM(CASE WHEN numerator IS NOT NULL AND denominator <> 0 THEN denominator END) AS p_den,
           SUM(CASE WHEN present = 0 THEN 0
                    WHEN unit_type = rut THEN CASE WHEN value >= 1 THEN 1 ELSE 0 END
                    WHEN has_direct = 0 THEN COALESCE(numerator, 0)
                    ELSE COALESCE(value, 0) END) AS p_yes,
           SUM(present) AS p_present,
           SUM(CASE WHEN unit_type = rut THEN present
                    WHEN has_direct = 1 THEN n_kids ELSE k_present END) AS p_reported,
           MAX(CASE WHEN present = 1 THEN partial ELSE 0 END) AS p_partial_kid
    FROM kids
    GROUP BY series_id, year
),
own AS (
    SELECT v.series_id, v.year,
           COALESCE(v.value, CASE WHEN v.denominator <> 0 THEN v.numerator * (
               CASE WHEN s.unit = '%%' OR s.value_type = 'ratio' THEN 100.0 ELSE 1.0 END
           ) / v.denominator END) AS value
    FROM reporting_datavalue v JOIN resolutions_dataseries s ON s.id = v.series_id
    WHERE v.orgunit_id = %(root)s AND s.resolution_id = %(resolution)s
      AND v.year BETWEEN %(first)s AND %(last)s AND LENGTH(v.period) = 4
),
province AS (
    SELECT s.id AS series_id, y.year, s.aggregation AS agg,
           o.series_id IS NOT NULL AS has_direct, o.value AS d_value,
           s.reporting_unit_type = %(root_type)s OR s.aggregation = 'none'
               OR COALESCE(r.p_present, 0) = 0 AS missing,
           r.p_sum, r.p_num, r.p_den, r.p_yes, r.p_reported, r.p_partial_kid, e.p_expected
    FROM resolutions_dataseries s
    CROSS JOIN (SELECT DISTINCT year FROM figures UNION SELECT year FROM own) y
    LEFT JOIN rolled r ON r.series_id = s.id AND r.year = y.year
    LEFT JOIN own o ON o.series_id = s.id AND o.year = y.year
    LEFT JOIN expected e ON e.series_id = s.id
    WHERE s.resolution_id = %(resolution)s
)
SELECT series_id, year,
       CASE WHEN has_direct THEN d_value
            WHEN missing THEN NULL
            WHEN agg = 'sum' THEN p_sum
            WHEN agg = 'ratio_of_sums' THEN p_num * 100.0 / NULLIF(p_den, 0)
            WHEN agg = 'count_yes' THEN p_yes
       END AS value,
       CASE WHEN NOT has_direct AND NOT missing
                 AND (p_reported < p_expected
                      OR (agg IN ('sum', 'count_yes') AND p_partial_kid = 1)) THEN 1 ELSE 0
       END AS partial
FROM province
"""

TARGETS_SQL = """
SELECT i.resolution_id, i.id, t.id, t.series_id, t.label, t.kind, t.comparator, t.value,
       t.upper, t.unit, t.denominator, t.year, t.each_year
FROM resolutions_target t JOIN resolutions_indicator i ON i.id = t.indicator_id
WHERE i.resolution_id IN ({ids})
ORDER BY i.resolution_id, i.number, t.position
"""


# Figures as the baseline returns them: (unit id, series id) -> year -> (value, partial).
Figures = dict[tuple[int, int], dict[int, tuple[Any, bool]]]


@dataclass
class Judged:
    """One dashboard: a resolution seen from a unit."""

    resolution_id: int
    unit_id: int
    term_start: int
    term_end: int


@dataclass
class Verdicts:
    """What the baseline hands back per dashboard: each target's and indicator's status."""

    targets: dict[int, str]  # target id -> status
    indicators: Mapping[int, str]  # indicator id -> worst status
    counts: Any


def _run(sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


# The lean baseline over the stored figures (figures/store.py): one GROUP BY per case,
# each judged unit's own rows for its own resolution's series, the years folded into
# one string per (unit, series): "2025:12.5:0,2026:13.1:1" (year, value, partial).
STORED_SQL = """
SELECT f.orgunit_id, f.series_id, {years}
FROM reporting_storedfigure f
JOIN resolutions_dataseries s ON s.id = f.series_id
JOIN resolutions_resolution r ON r.id = s.resolution_id AND r.issuer_id = f.orgunit_id
WHERE r.id IN ({ids}) AND f.approved_only = %(no)s AND f.value IS NOT NULL
  AND f.year BETWEEN %(first)s AND %(last)s
GROUP BY f.orgunit_id, f.series_id
"""
_NOT_JUDGED = ("CASE WHEN f.partial OR (f.source = 'computed' AND f.expected > 0 "
               "AND f.reported < f.expected) THEN 1 ELSE 0 END")  # selectors.incomplete
_YEARS = {
    "postgresql": f"string_agg(f.year || ':' || f.value || ':' || {_NOT_JUDGED}, ',')",
    "sqlite": f"group_concat(f.year || ':' || f.value || ':' || {_NOT_JUDGED}, ',')",
}


def sql_stored_figures(resolution_ids: Iterable[int], years: tuple[int, int]) -> Figures:
    """The judged units' figures read from the stored table: one GROUP BY query."""
    from decimal import Decimal

    from django.db import connection

    sql = STORED_SQL.format(years=_YEARS[connection.vendor],
                            ids=",".join(str(int(i)) for i in resolution_ids))
    out: Figures = defaultdict(dict)
    for unit_id, series_id, folded in _run(sql, {"no": False, "first": years[0],
                                                 "last": years[1]}):
        for part in folded.split(","):
            year, value, partial = part.split(":")
            out[(unit_id, series_id)][int(year)] = (Decimal(value), partial in ("1", "t"))
    return out


def _collect(rows: Iterable[tuple[Any, ...]]) -> Figures:
    out: Figures = defaultdict(dict)
    for unit_id, series_id, year, value, partial in rows:
        out[(unit_id, series_id)][year] = (value, bool(partial))
    return out


def _path_length(unit_ids: Iterable[int]) -> int:
    from nghiquyet.orgunits.models import OrgUnit

    lengths = {len(p) for p in OrgUnit.objects.filter(pk__in=list(unit_ids))
               .values_list("path", flat=True)}
    assert len(lengths) == 1, "the SQL expects the judged units at one depth"
    return lengths.pop()


def sql_unit_figures(unit_id: int, years: tuple[int, int], plen: int) -> Figures:
    """Figures of one unit for the resolution it issued: one query."""
    sql = UNIT_SQL.format(judged=OWN_ONE)
    return _collect(_run(sql, {"unit": unit_id, "first": years[0], "last": years[1],
                               "plen": plen}))


def sql_children_figures(root_id: int, years: tuple[int, int], plen: int) -> Figures:
    """Figures of every unit under ``root`` for the resolution each issued: one query."""
    sql = UNIT_SQL.format(judged=OWN_UNDER)
    return _collect(_run(sql, {"root": root_id, "first": years[0], "last": years[1],
                               "plen": plen}))


def sql_province_figures(root_id: int, root_type: str, resolution_id: int,
                         years: tuple[int, int], plen: int) -> Figures:
    """The province's own figures, rolled up from its communes: one query."""
    rows = _run(PROVINCE_SQL, {"root": root_id, "root_type": root_type,
                               "resolution": resolution_id, "first": years[0],
                               "last": years[1], "plen": plen})
    return _collect((root_id, sid, year, value, partial) for sid, year, value, partial in rows
                    if value is not None)


def _number(value: Any) -> int | float | None:
    from nghiquyet.lib.registry import to_json_number

    return to_json_number(value)


def sql_verdicts(judged: list[Judged], figures: Figures, as_of: int, explain: bool = True
                 ) -> dict[int, Verdicts]:
    """The selector's classification over the SQL's numbers: targets read with one query,
    ``assess_target`` on each, the worst status per indicator, the counts."""
    from nghiquyet.progress import assess_target, count_statuses
    from nghiquyet.progress.status import indicator_status

    ids = ",".join(str(int(j.resolution_id)) for j in judged)
    targets: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in _run(TARGETS_SQL.format(ids=ids), {}):
        targets[row[0]].append(row)
    out: dict[int, Verdicts] = {}
    for j in judged:
        by_target: dict[int, str] = {}
        by_indicator: dict[int, list[Any]] = defaultdict(list)
        for (_res, indicator_id, target_id, series_id, label, kind, comparator, value, upper,
             unit, denominator, year, each_year) in targets[j.resolution_id]:
            registry = {"label": label, "kind": kind, "comparator": comparator,
                        "value": _number(value), "upper": _number(upper), "unit": unit,
                        "denominator": _number(denominator), "year": year,
                        "each_year": bool(each_year)}
            # A partial figure (a total missing some sub-units) is shown, not judged.
            series = {y: v for y, (v, partial) in figures.get((j.unit_id, series_id), {}).items()
                      if not partial}
            # As the page: the dashboard writes each explanation, the province page
            # writes none until one is shown (``explain=False``).
            assessed = assess_target(registry, series, term_start=j.term_start,
                                     as_of=as_of or j.term_end, explain=explain)
            status = assessed.status
            if explain:
                assert assessed.explanation
            by_target[target_id] = status
            by_indicator[indicator_id].append(status)
        worst = {i: indicator_status(s) for i, s in by_indicator.items()}
        out[j.resolution_id] = Verdicts(targets=by_target, indicators=worst,
                                        counts=count_statuses(worst.values()))
    return out


# --- the selector side ------------------------------------------------------------


def selector_dashboards(pairs: list[tuple[Any, Any]], as_of: int) -> list[Any]:
    from nghiquyet.assessment.selectors import assess_resolution

    return [assess_resolution(resolution, unit, as_of, approved_only=False)
            for resolution, unit in pairs]


# The timed loops drop each dashboard once built, as a request does: 75 held at once
# would grow the heap, and the garbage collector's full passes with it, and time that.


def time_dashboards(pairs: list[tuple[Any, Any]], as_of: int) -> None:
    from nghiquyet.assessment.selectors import assess_resolution

    for resolution, unit in pairs:
        assess_resolution(resolution, unit, as_of, approved_only=False)


def time_figures(pairs: list[tuple[Any, Any]]) -> None:
    from nghiquyet.figures.selectors import subtree_figures

    for r, u in pairs:
        subtree_figures(r, u, range(r.term_start, r.term_end + 1), depth=0)


# --- the check --------------------------------------------------------------------


def close(a: Any, b: Any, tolerance: float = 1e-9) -> bool:
    """Equal to 1e-9 relative, or to the stored figures' 6 decimals (half a unit of the
    last one: the table keeps a ratio's 26,483050847… as 26,483051)."""
    if a is None or b is None:
        return a is None and b is None
    x, y = float(a), float(b)
    return abs(x - y) <= max(tolerance * max(1.0, abs(x), abs(y)), 5.000001e-7)


def check_same(assessments: list[Any], figures: Figures, verdicts: dict[int, Verdicts]) -> int:
    """Raise AssertionError where the SQL and the selector disagree; the cells compared."""
    from nghiquyet.assessment.selectors import incomplete

    compared = 0
    for ra in assessments:
        unit_id = ra.unit.pk
        # the province comparison keeps only the judged values; a dashboard, every figure
        judged_only = not hasattr(ra, "figures")
        if judged_only:
            compared += _check_judged(ra, figures)
        for series_id in () if judged_only else ra.figures.series:
            mine = ra.figures.yearly(series_id, unit_id)
            theirs = figures.get((unit_id, series_id), {})
            assert set(mine) == set(theirs), (
                f"unit {ra.unit.code}, series {ra.figures.series[series_id].code}: years "
                f"{sorted(mine)} from the selector, {sorted(theirs)} from SQL")
            for year, value in mine.items():
                partial = incomplete(ra.figures.of(series_id, unit_id)[year])
                assert close(value, theirs[year][0]) and partial == theirs[year][1], (
                    f"unit {ra.unit.code}, series {ra.figures.series[series_id].code}, "
                    f"{year}: {value} (partial: {partial}) from the selector, "
                    f"{theirs[year]} from SQL")
                compared += 1
        expected = verdicts[ra.resolution.pk]
        got = {t.target.pk: t.status for t in ra.targets}
        assert got == expected.targets, f"statuses differ for {ra.unit.code}"
        assert {i.indicator.pk: i.status for i in ra.indicators} == expected.indicators
        assert ra.counts == expected.counts
    return compared


def _check_judged(ra: Any, figures: Figures) -> int:
    """The province comparison's judged values (``ComparedTarget.series``) against the
    SQL's figures that are not partial; the cells compared."""
    compared = 0
    for t in ra.targets:
        theirs = {year: value for year, (value, partial)
                  in figures.get((ra.unit.pk, t.target.series_id), {}).items()
                  if not partial and value is not None}
        assert set(t.series) == set(theirs), (
            f"unit {ra.unit.code}, target {t.target.pk}: judged years {sorted(t.series)} "
            f"from the selector, {sorted(theirs)} from SQL")
        for year, value in t.series.items():
            assert close(value, theirs[year]), (
                f"unit {ra.unit.code}, target {t.target.pk}, {year}: {value} from the "
                f"selector, {theirs[year]} from SQL")
            compared += 1
    return compared


# --- timing -----------------------------------------------------------------------


def best_of(repeat: int, works: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The shortest of ``repeat`` runs of each work (the least disturbed by other work).

    The works take turns, round after round, so that a burst of other load on a
    shared machine falls on both sides of a ratio alike. Each run starts from a
    collected heap and its result is dropped at once: a province's figures are
    ~300,000 objects, and a previous run's left alive would make the garbage
    collector's full passes, and so the next run, slower.
    """
    timings: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(repeat):
        for name, work in works.items():
            gc.collect()
            start = time.perf_counter()
            work()
            timings[name].append(time.perf_counter() - start)
    return {name: min(t) for name, t in timings.items()}


@dataclass
class Case:
    name: str
    dashboards: int
    cells: int  # figures compared between the two sides
    selector: float
    baseline: float
    figures_selector: float
    figures_sql: float
    stored_baseline: float = 0.0


@dataclass
class Scenario:
    """A case ready to time: both sides, and the check between them."""

    name: str
    pairs: list[tuple[Any, Any]]  # (resolution, unit) per dashboard
    as_of: int
    sql: Callable[[], Figures]
    # Another selector that builds the same dashboards in one call (its assessments).
    batch: Callable[[], list[Any]] | None = None
    years: tuple[int, int] | None = None  # of the stored baseline; default: the term

    @property
    def explain(self) -> bool:
        return self.batch is None  # the province page writes no explanation up front

    def stored(self) -> Figures:
        first = min(r.term_start for r, _ in self.pairs)
        last = max(r.term_end for r, _ in self.pairs)
        return sql_stored_figures([r.pk for r, _ in self.pairs], self.years or (first, last))

    def stored_baseline(self) -> dict[int, Verdicts]:
        return sql_verdicts(self.judged(), self.stored(), self.as_of, self.explain)

    def assessments(self) -> list[Any]:
        if self.batch is not None:
            return self.batch()
        return selector_dashboards(self.pairs, self.as_of)

    def judged(self) -> list[Judged]:
        return [Judged(r.pk, u.pk, r.term_start, r.term_end) for r, u in self.pairs]

    def baseline(self) -> dict[int, Verdicts]:
        return sql_verdicts(self.judged(), self.sql(), self.as_of)


def scenarios(demo: Any, synthetic: Any, as_of: int) -> list[Scenario]:
    from nghiquyet.resolutions.models import Resolution

    out = []
    if demo is not None:
        demo = Resolution.objects.select_related("issuer").get(pk=demo.pk)
        commune = demo.issuer
        plen = len(commune.path)
        years = (demo.term_start, demo.term_end)
        out.append(Scenario("(a) demo commune", [(demo, commune)], as_of,
                            lambda: sql_unit_figures(commune.pk, years, plen)))
    if synthetic is not None:
        resolutions = list(Resolution.objects.select_related("issuer").filter(
            pk__in=[r.pk for r in synthetic.resolutions]).order_by("issuer__code"))
        pairs = [(r, r.issuer) for r in resolutions]
        plen = _path_length(u.pk for _, u in pairs)
        years = (resolutions[0].term_start, resolutions[0].term_end)
        root = synthetic.province
        out.append(Scenario(f"(b) {len(pairs)} communes, one query", pairs, as_of,
                            lambda: sql_children_figures(root.pk, years, plen)))

        def one_by_one() -> Figures:
            merged: Figures = {}
            for _, unit in pairs:
                merged.update(sql_unit_figures(unit.pk, years, plen))
            return merged

        out.append(Scenario(f"(b') {len(pairs)} communes, a query each", pairs, as_of,
                            one_by_one))
        out.append(_comparison(root, pairs, as_of, plen))
        if synthetic.province_resolution is not None:
            province_res = Resolution.objects.select_related("issuer").get(
                pk=synthetic.province_resolution.pk)
            _no_percent_counts(province_res)
            province = province_res.issuer
            out.append(Scenario(
                f"(c) province ({len(pairs)} communes)", [(province_res, province)], as_of,
                lambda: sql_province_figures(province.pk, province.type, province_res.pk,
                                             years, plen)))
    return out


def _comparison(province: Any, pairs: list[tuple[Any, Any]], as_of: int, plen: int
                ) -> Scenario:
    """The province page's comparison: every commune assessed in one call, from one
    load of the province's values (its figures stop at ``as_of``; so does the SQL's)."""
    from nghiquyet.catalogue.selectors import province_comparison, province_resolutions

    first = min(r.term_start for r, _ in pairs)

    def batch() -> list[Any]:
        result = province_comparison(province, province_resolutions(province), as_of,
                                     approved_only=False)
        return [c.assessment for c in result.communes]

    return Scenario(f"(b″) {len(pairs)} communes, province_comparison", pairs, as_of,
                    lambda: sql_children_figures(province.pk, (first, as_of), plen),
                    batch=batch, years=(first, as_of))


def _no_percent_counts(resolution: Any) -> None:
    """The province SQL does not count the communes expected to report a percentage of
    "yes" units (it has no such series); say so rather than be silently wrong."""
    from nghiquyet.resolutions.models import DataSeries

    assert not DataSeries.objects.filter(resolution=resolution, aggregation="count_yes",
                                         unit="%").exists()


def check_scenario(scenario: Scenario, assessments: list[Any] | None = None
                   ) -> tuple[int, list[Any]]:
    """Assert that the SQL's figures and statuses are the selector's; the figures compared
    and the selector's assessments."""
    if assessments is None:
        assessments = scenario.assessments()
    figures = scenario.sql()
    cells = check_same(assessments, figures,
                       sql_verdicts(scenario.judged(), figures, scenario.as_of))
    stored = scenario.stored()
    check_same(assessments, stored, sql_verdicts(scenario.judged(), stored, scenario.as_of))
    return cells, assessments


def run_case(scenario: Scenario, repeat: int) -> Case:
    """Check (the selector's run there is also the warm-up), then time."""
    cells, _ = check_scenario(scenario)  # its results are let go before anything is timed
    works: dict[str, Callable[[], object]] = {}
    if scenario.batch is not None:
        works["selector"] = scenario.batch
    else:
        works["selector"] = lambda: time_dashboards(scenario.pairs, scenario.as_of)
        works["figures"] = lambda: time_figures(scenario.pairs)
    works["baseline"] = scenario.baseline
    works["sql"] = scenario.sql
    works["stored"] = scenario.stored_baseline
    best = best_of(repeat, works)
    return Case(scenario.name, len(scenario.pairs), cells, best["selector"], best["baseline"],
                best.get("figures", 0.0), best["sql"], best["stored"])


# --- output -----------------------------------------------------------------------

HEADER = ("case", "dashboards", "figures checked", "selector ms", "SQL + statuses ms",
          "× baseline", "stored GROUP BY + statuses ms", "× stored", "subtree_figures ms",
          "SQL figures ms", "× (figures)")


def table(cases: list[Case]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for c in cases:
        lines.append("| " + " | ".join((
            c.name, str(c.dashboards), f"{c.cells:,}", _ms(c.selector), _ms(c.baseline),
            _ratio(c.selector, c.baseline), _ms(c.stored_baseline),
            _ratio(c.selector, c.stored_baseline),
            _ms(c.figures_selector) if c.figures_selector else "—", _ms(c.figures_sql),
            _ratio(c.figures_selector, c.figures_sql) if c.figures_selector else "—",
        )) + " |")
    return "\n".join(lines)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


def _ratio(seconds: float, baseline: float) -> str:
    return f"{seconds / baseline:,.1f}×" if baseline else "—"


def machine(db: str, load: float) -> str:
    # The load average says whether other work shared the CPUs (it moves absolute
    # times much more than the ratios).
    return (f"{dt.date.today().isoformat()}, {os.cpu_count()} CPU (nproc), "
            f"Python {platform.python_version()}, {db}, {platform.machine()}, "
            f"load average {load:.1f} at the start")


SECTION = "## Dashboard"
INTRO = """`python benchmarks/bench_dashboard.py [--postgres]` builds a fresh database (the
demo, and `benchmarks/synthetic.py`'s province: 75 communes × 50 villages, the seed
registry in every commune and in the province, 2025-2030), then times the dashboard's
data against hand-written SQL in the same run. Each run replaces its own subsection
below; any other text here is kept.

- **selector**: `assess_resolution(resolution, unit, as_of, approved_only=False)` per
  dashboard: its queries, reading the stored figures (`figures/store.py`: each unit's
  yearly figure per series, kept up to date by every write) and the assessment in
  Python, explanations included.
- **stored GROUP BY + statuses** (the lean baseline): one hand-written GROUP BY over
  `reporting_storedfigure` per case (each judged unit's own rows, the years folded into
  one string per unit and series), one query for the targets, then `assess_target`,
  worst status per indicator and counts, writing the explanations where the page does
  (the dashboards) and not where it does not (the province page).
- **SQL + statuses** (the baseline): one hand-written query per case (GROUP BY / CASE
  over `reporting_datavalue` joined to `orgunits_orgunit` on the path prefix and to
  `resolutions_dataseries`) for each judged unit's yearly figure per series (entered,
  else the sub-units' sum / ratio of sums × 100 / count of yes, and whether a sum is
  partial), one query for the targets, then `assess_target`, the worst status per
  indicator and the counts in plain Python. It covers the figures and the statuses;
  not the coverage, sources, estimates and ORM objects the selector also returns. The
  SQL knows the tree's shape (a commune's sub-units are leaves, a province's are
  communes) and reads yearly periods only; the selector's roll-up takes any depth and
  half-years or quarters.
- **figures**: `subtree_figures` (the unit's stored figures) alone against the SQL
  query over the raw values alone.
- (b) one query for all 75 communes; (b') the one-commune query once per commune, as
  the selector goes (the selector columns time the same work as (b)'s, again, beside
  this baseline); (b″) the same 75 dashboards from
  `catalogue.selectors.province_comparison` (the province page: one load of the
  province's values, figures up to the year assessed; no catalogue mappings in this
  data, so its "shared indicators" part is empty), against (b)'s query cut at that year.
- Before timing, the script asserts that both baselines' figures (to 1e-9 relative, or
  to the stored table's 6 decimals), partial flags and statuses equal the selector's for
  every dashboard. The synthetic values are loaded past the services, then the stored
  figures of their series are rebuilt (`rebuild_figures`); the build line times it.
- Timings are the best of N runs, the two sides taking turns. The machine may be
  shared: absolute times move by tens of per cent between runs, the ratios less; the
  ratios are what to compare.
"""


def write_doc(title: str, text: str, path: Path = DOC) -> None:
    """Replace the ``### title`` subsection of the Dashboard section of docs/benchmarks.md
    (creating either if missing), keeping every other line of the file."""
    from benchmarks.docs import replace_subsection

    replace_subsection(path, SECTION, title, text, head="# Benchmarks", intro=INTRO)

# --- the database -----------------------------------------------------------------


def main() -> None:
    from benchmarks.database import add_database_arguments, fresh_database

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_database_arguments(parser, PG_DATABASE, PG_SERVER)
    parser.add_argument("--as-of", type=int, default=2028,
                        help="year of assessment (mid-term by default: the trend paths)")
    parser.add_argument("--no-province", action="store_true")
    parser.add_argument("--no-doc", action="store_true", help="do not write docs/benchmarks.md")
    parser.add_argument("--cases", type=case_keys, default=None,
                        help="only these cases, e.g. \"b'',c\" (a, b, b', b'' or b″, c); "
                             "a partial run does not write docs/benchmarks.md")
    args = parser.parse_args()

    load = os.getloadavg()[0]
    db, cleanup = fresh_database(args.postgres, args.pg_server, args.pg_database,
                                 "nghiquyet-bench-")
    try:
        import django

        django.setup()
        from benchmarks.synthetic import build_synthetic
        from django.core.management import call_command
        from django.db import connection

        from nghiquyet.demo.services import load_demo

        call_command("migrate", verbosity=0)
        start = time.perf_counter()
        demo = load_demo()
        demo_s = time.perf_counter() - start
        synthetic = build_synthetic(communes=args.communes, villages=args.villages,
                                    province_resolution=not args.no_province)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics after the bulk load
        built = (f"Built: demo in {demo_s:.1f} s; synthetic province in "
                 f"{synthetic.seconds:.1f} s ({args.communes} communes × {args.villages} "
                 f"villages, {synthetic.values:,} values, 2025-2030); its stored figures "
                 f"rebuilt in {synthetic.rebuild_seconds:.1f} s "
                 f"({synthetic.stored_rows:,} rows).")
        print(built, flush=True)
        cases = []
        for scenario in scenarios(demo, synthetic, args.as_of):
            if args.cases is not None and case_key(scenario.name) not in args.cases:
                continue
            cases.append(run_case(scenario, args.repeat))
            print(f"  {scenario.name}: done", flush=True)
        result = table(cases)
        print()
        print(result)
        if not args.no_doc and args.cases is None:
            write_doc("PostgreSQL" if args.postgres else "SQLite",
                      report(result, machine(db, load), built, args))
            print(f"\nWritten to {DOC.relative_to(REPO)}")
    finally:
        cleanup()


def case_key(name: str) -> str:
    """"b″" for "(b″) 75 communes, province_comparison"."""
    return name[1:name.index(")")]


def case_keys(text: str) -> set[str]:
    """The cases asked for on the command line ("b''" is the shell-friendly "b″")."""
    keys = {k.strip().replace("''", "″") for k in text.split(",") if k.strip()}
    unknown = keys - {"a", "b", "b'", "b″", "c"}
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown case(s): {', '.join(sorted(unknown))}")
    return keys


def report(result: str, where: str, built: str, args: argparse.Namespace) -> str:
    flags = " --postgres" if args.postgres else ""
    return f"""`python benchmarks/bench_dashboard.py{flags}`: as of {args.as_of}, best of {args.repeat}.
{where}.

{built}

{result}
"""


if __name__ == "__main__":
    main()
