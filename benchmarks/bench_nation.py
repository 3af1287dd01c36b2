"""Nation scale on the stored figures: the country from the official list, some
provinces filled with resolutions and values, the reads a province and the nation make.

    .venv/bin/python benchmarks/bench_nation.py --postgres --pg-database nq_nation
    .venv/bin/python benchmarks/bench_nation.py --postgres --fill 14 12 --repeat 5
    .venv/bin/python benchmarks/bench_nation.py --only 12 --fill 12 --repeat 1   # quick

Data (``benchmarks/synthetic.py::build_nation``): 34 provinces and 3,321 communes,
wards and special zones from ``vietnam-provinces`` (``orgunits.official``), each
with villages in realistic numbers (``village_count``: ~30 a commune, ~100,000 in
all); the provinces in ``--fill`` (official codes; 14 is Sơn La, 75 communes) get
the seed registry in every commune and in the province, and values 2025-2030
exactly as ``build_synthetic`` makes them.

Every time is the best of ``--repeat`` runs, the two sides of a ratio taking
turns, and is set against a baseline measured in the same run:

- one province's comparison (``catalogue.selectors.province_comparison``, the
  province page) and its dashboard (``assess_resolution`` on the province's own
  resolution) against a lean GROUP BY over ``reporting_storedfigure`` plus the
  statuses (``bench_dashboard.sql_stored_figures`` + ``sql_verdicts``);
- one commune's dashboard against its hand-written SQL over the raw values
  (``bench_dashboard.sql_unit_figures`` + statuses), as the dashboard benchmark does;
- the national summary by province: ``province_comparison`` for each of the 34
  provinces, against one GROUP BY over every commune's stored figures plus statuses;
- the rebuild of the stored figures (``rebuild_figures``: all rows, one province's
  rows) and ``check_figures``, against reading the raw values they are built from;
- disk (PostgreSQL): table and index sizes, per commune filled;
- memory: the province assessment's peak resident memory in a fresh process,
  against the same process's resident memory just before it (``--memory``).

The results go to docs/performance.md (``## Stored figures at nation scale``), with
the cost per commune that the plan there (one PostgreSQL per province, or Citus)
is sized from.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = "nq_nation"
DOC = REPO / "docs" / "performance.md"
SECTION = "## Stored figures at nation scale"
COMMUNES_IN_COUNTRY = 3321


# --- the measures -------------------------------------------------------------------


def province_case(pcode: str, nation: Any, as_of: int) -> dict[str, Callable[[], object]]:
    from benchmarks.bench_dashboard import Judged, sql_stored_figures, sql_verdicts

    from nghiquyet.catalogue.selectors import province_comparison, province_resolutions

    province = nation.provinces[pcode]
    filled = nation.filled[pcode]
    resolutions = filled.resolutions
    judged = [Judged(r.pk, r.issuer_id, r.term_start, r.term_end) for r in resolutions]
    first = min(r.term_start for r in resolutions)

    def page() -> object:
        return province_comparison(province, province_resolutions(province), as_of,
                                   approved_only=False)

    def lean() -> object:
        figures = sql_stored_figures([r.pk for r in resolutions], (first, as_of))
        return sql_verdicts(judged, figures, as_of, explain=False)

    return {"province page": page, "province page: stored GROUP BY": lean}


def dashboard_case(resolution: Any, as_of: int, *, raw_sql: bool
                   ) -> dict[str, Callable[[], object]]:
    from benchmarks.bench_dashboard import (
        Judged,
        _path_length,
        sql_stored_figures,
        sql_unit_figures,
        sql_verdicts,
    )

    from nghiquyet.assessment.selectors import assess_resolution

    unit = resolution.issuer
    judged = [Judged(resolution.pk, unit.pk, resolution.term_start, resolution.term_end)]
    years = (resolution.term_start, resolution.term_end)
    works: dict[str, Callable[[], object]] = {
        "dashboard": lambda: assess_resolution(resolution, unit, as_of, approved_only=False),
        "dashboard: stored GROUP BY": lambda: sql_verdicts(
            judged, sql_stored_figures([resolution.pk], years), as_of),
    }
    if raw_sql:
        plen = _path_length([unit.pk])
        works["dashboard: SQL over raw values"] = lambda: sql_verdicts(
            judged, sql_unit_figures(unit.pk, years, plen), as_of)
    return works


def national_case(nation: Any, as_of: int) -> dict[str, Callable[[], object]]:
    from benchmarks.bench_dashboard import Judged, sql_stored_figures, sql_verdicts

    from nghiquyet.catalogue.selectors import province_comparison, province_resolutions
    from nghiquyet.resolutions.models import Resolution

    resolutions = list(Resolution.objects.filter(issuer__type="commune").order_by("pk"))
    judged = [Judged(r.pk, r.issuer_id, r.term_start, r.term_end) for r in resolutions]
    first = min((r.term_start for r in resolutions), default=as_of)

    def summary() -> object:
        out = {}
        for pcode, province in nation.provinces.items():
            cmp = province_comparison(province, province_resolutions(province), as_of,
                                      approved_only=False)
            out[pcode] = [c.counts for c in cmp.communes]
        return out

    def lean() -> object:
        figures = sql_stored_figures([r.pk for r in resolutions], (first, as_of))
        return sql_verdicts(judged, figures, as_of, explain=False)

    return {"national summary": summary, "national summary: stored GROUP BY": lean}


def rebuild_case(nation: Any) -> dict[str, Callable[[], object]]:
    from django.db import transaction

    from nghiquyet.figures.models import DataValue
    from nghiquyet.figures.store import check_figures, rebuild_figures
    from nghiquyet.resolutions.models import DataSeries

    first = next(iter(nation.filled.values()))
    one = list(DataSeries.objects.filter(
        resolution__in=[*first.resolutions, first.province_resolution]).values_list(
        "id", flat=True))

    def everything() -> object:
        with transaction.atomic():
            return rebuild_figures()

    def one_province() -> object:
        with transaction.atomic():
            return rebuild_figures(series_ids=one)

    def read_values() -> object:  # what a rebuild cannot do without: one pass over values
        return sum(1 for _ in DataValue.objects.values_list(
            "series_id", "orgunit_id", "period", "value", "numerator", "denominator",
            "is_estimate", "status").iterator(chunk_size=20000))

    return {"rebuild all": everything, "rebuild one province": one_province,
            "check all": check_figures, "read every raw value": read_values}


def check(nation: Any, pcode: str, as_of: int) -> None:
    """Before timing: the province page's statuses are the lean baseline's."""
    works = province_case(pcode, nation, as_of)
    page = works["province page"]()
    lean = works["province page: stored GROUP BY"]()
    assert isinstance(lean, dict)
    for commune in page.communes:  # type: ignore[attr-defined]
        got = {t.target.pk: t.status for t in commune.assessment.targets}
        assert got == lean[commune.resolution.pk].targets, commune.unit.code


def best_of(repeat: int, works: dict[str, Callable[[], object]]) -> dict[str, float]:
    from benchmarks.bench_dashboard import best_of as turns

    return turns(repeat, works)


# --- disk and memory ------------------------------------------------------------------


def disk_sizes() -> dict[str, int] | None:
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    out = {}
    with connection.cursor() as cursor:
        for table in ("reporting_storedfigure", "reporting_datavalue", "orgunits_orgunit"):
            cursor.execute("SELECT pg_table_size(%s), pg_indexes_size(%s), "
                           "(SELECT COUNT(*) FROM " + table + ")",  # noqa: S608 - fixed names
                           [table, table])
            data, indexes, rows = cursor.fetchone()
            out[f"{table} data"] = data
            out[f"{table} indexes"] = indexes
            out[f"{table} rows"] = rows
    return out


# Resident memory from /proc: ru_maxrss would carry the parent's peak across exec.
MEMORY_SCRIPT = """
import sys
sys.path.insert(0, {repo!r})
import django
django.setup()
from nghiquyet.assessment.selectors import assess_resolution
from nghiquyet.resolutions.models import Resolution

def kb(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])

resolution = Resolution.objects.select_related("issuer").get(pk={pk})
list(Resolution.objects.filter(pk=resolution.pk))  # connected, models loaded
before = kb("VmRSS")
ra = assess_resolution(resolution, resolution.issuer, {as_of}, approved_only=False)
assert ra.targets
print(before, kb("VmHWM"))
"""


def memory(resolution_pk: int, as_of: int) -> tuple[int, int]:
    """(resident KB before, peak KB after) of a fresh process assessing the province."""
    script = MEMORY_SCRIPT.format(repo=str(REPO / "src"), pk=resolution_pk, as_of=as_of)
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                         text=True, env=os.environ.copy()).stdout.split()
    return int(out[0]), int(out[1])


# --- output -----------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


def _mb(size: float) -> str:
    return f"{size / 1024 / 1024:,.1f}"


def report(args: argparse.Namespace, where: str, nation: Any, timings: dict[str, float],
           sizes: dict[str, int] | None, mem: tuple[int, int] | None) -> str:
    filled_communes = sum(len(s.communes) for s in nation.filled.values())
    values = sum(s.values for s in nation.filled.values())
    stored = sum(s.stored_rows for s in nation.filled.values())
    fill_s = sum(s.seconds for s in nation.filled.values())
    rebuild_s = sum(s.rebuild_seconds for s in nation.filled.values())
    flags = " ".join(["--postgres" if args.postgres else "", "--fill", *args.fill,
                      "--repeat", str(args.repeat)]).strip()
    lines = [
        f"`python benchmarks/bench_nation.py {flags}`: as of {args.as_of}, best of "
        f"{args.repeat}.", f"{where}.", "",
        f"Built: {len(nation.provinces)} provinces, "
        f"{sum(len(c) for c in nation.communes.values()):,} communes, "
        f"{nation.villages:,} villages in {nation.units_seconds:.1f} s; filled "
        f"{', '.join(nation.filled)} ({filled_communes} communes, {values:,} values) in "
        f"{fill_s:.1f} s; their stored figures rebuilt after the load in {rebuild_s:.1f} s "
        f"({stored:,} rows).", "",
        "| measure | ms | baseline | baseline ms | × baseline |", "|---|---|---|---|---|",
    ]
    pairs = [
        ("province page (one province's comparison)", "province page",
         "stored GROUP BY + statuses", "province page: stored GROUP BY"),
        ("province dashboard", "province dashboard",
         "stored GROUP BY + statuses", "province dashboard: stored GROUP BY"),
        ("one commune's dashboard", "commune dashboard",
         "SQL over raw values + statuses", "commune dashboard: SQL over raw values"),
        ("one commune's dashboard", "commune dashboard",
         "stored GROUP BY + statuses", "commune dashboard: stored GROUP BY"),
        ("national summary by province (34 × province page)", "national summary",
         "one stored GROUP BY + statuses", "national summary: stored GROUP BY"),
        ("rebuild all stored figures", "rebuild all",
         "read every raw value", "read every raw value"),
        ("rebuild one province's series", "rebuild one province",
         "read every raw value", "read every raw value"),
        ("check all (recompute and compare)", "check all",
         "read every raw value", "read every raw value"),
    ]
    for label, key, base_label, base_key in pairs:
        if key in timings and base_key in timings:
            lines.append(f"| {label} | {_ms(timings[key])} | {base_label} | "
                         f"{_ms(timings[base_key])} | "
                         f"{timings[key] / timings[base_key]:,.1f}× |")
    if mem is not None:
        before, after = mem
        lines += ["", f"Province assessment memory: {before / 1024:,.1f} MB resident before, "
                      f"{after / 1024:,.1f} MB peak after: {after / before:,.2f}× the "
                      f"process's baseline."]
    if sizes is not None:
        lines += ["", "| table | rows | data MB | indexes MB | per filled commune kB | "
                      "× 3,321 communes MB |", "|---|---|---|---|---|---|"]
        for table in ("reporting_storedfigure", "reporting_datavalue", "orgunits_orgunit"):
            total = sizes[f"{table} data"] + sizes[f"{table} indexes"]
            per = total / filled_communes if table != "orgunits_orgunit" else None
            lines.append(
                f"| {table} | {sizes[f'{table} rows']:,} | {_mb(sizes[f'{table} data'])} | "
                f"{_mb(sizes[f'{table} indexes'])} | "
                f"{'—' if per is None else f'{per / 1024:,.1f}'} | "
                f"{'—' if per is None else _mb(per * COMMUNES_IN_COUNTRY)} |")
    return "\n".join(lines) + "\n"


def write_doc(title: str, text: str, path: Path = DOC) -> None:
    """Replace the ``### title`` subsection of this script's section of docs/performance.md,
    keeping the rest of the file (other sections belong to others)."""
    from benchmarks.docs import replace_subsection

    replace_subsection(path, SECTION, title, text, head="# Performance")

def main() -> None:
    from benchmarks.database import fresh_database

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--pg-server", default=PG_SERVER)
    parser.add_argument("--pg-database", default=PG_DATABASE)
    parser.add_argument("--fill", nargs="+", default=["14"],
                        help="official codes of the provinces to fill (14: Sơn La)")
    parser.add_argument("--only", nargs="+", default=None,
                        help="build only these provinces (and the filled ones): a quick run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--as-of", type=int, default=2028)
    parser.add_argument("--no-doc", action="store_true")
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args()

    load = os.getloadavg()[0]
    db, cleanup = fresh_database(args.postgres, args.pg_server, args.pg_database, "nq-nation-")
    try:
        import django

        django.setup()
        from benchmarks.synthetic import build_nation
        from django.core.management import call_command
        from django.db import connection

        from nghiquyet.resolutions.models import Resolution

        call_command("migrate", verbosity=0)
        nation = build_nation(fill=args.fill, only=args.only)
        check(nation, args.fill[0], args.as_of)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        print(f"built in {nation.units_seconds:.0f} s + "
              f"{sum(s.seconds + s.rebuild_seconds for s in nation.filled.values()):.0f} s",
              flush=True)
        pcode = args.fill[0]
        filled = nation.filled[pcode]
        province_res = Resolution.objects.select_related("issuer").get(
            pk=filled.province_resolution.pk)
        commune_res = Resolution.objects.select_related("issuer").get(
            pk=filled.resolutions[0].pk)
        timings: dict[str, float] = {}
        cases = [province_case(pcode, nation, args.as_of),
                 {f"province {k}": v for k, v in
                  dashboard_case(province_res, args.as_of, raw_sql=False).items()},
                 {f"commune {k}": v for k, v in
                  dashboard_case(commune_res, args.as_of, raw_sql=True).items()},
                 national_case(nation, args.as_of)]
        for works in cases:
            timings.update(best_of(args.repeat, works))
            print("  " + ", ".join(f"{k}: {_ms(timings[k])} ms" for k in works), flush=True)
        sizes = disk_sizes()  # before the rebuilds: a rebuilt table has not been vacuumed
        works = rebuild_case(nation)
        timings.update(best_of(max(1, min(args.repeat, 2)), works))
        print("  " + ", ".join(f"{k}: {_ms(timings[k])} ms" for k in works), flush=True)
        mem = None if args.no_memory else memory(province_res.pk, args.as_of)
        where = (f"{dt.date.today().isoformat()}, {os.cpu_count()} CPU (nproc), Python "
                 f"{platform.python_version()}, {db}, {platform.machine()}, load average "
                 f"{load:.1f} at the start")
        text = report(args, where, nation, timings, sizes, mem)
        print()
        print(text)
        if not args.no_doc:
            write_doc("PostgreSQL" if args.postgres else "SQLite", text)
            print(f"Written to {DOC.relative_to(REPO)}")
    finally:
        cleanup()


if __name__ == "__main__":
    main()
