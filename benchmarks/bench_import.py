"""The values import (50,000 rows, with audit) against ``bulk_create`` of the same rows.

    .venv/bin/python benchmarks/bench_import.py               # fresh SQLite in a temp folder
    .venv/bin/python benchmarks/bench_import.py --postgres    # database nq_import (dropped after)
    .venv/bin/python benchmarks/bench_import.py --rows 5000 --communes 10 --repeat 1

Data: ``benchmarks/synthetic.py``'s province (75 communes of 50 villages, the seed
registry in every commune and in the province) with its 2025 figures. The file holds
the province resolution's figures for 2026 (then 2027) at the units that report each
series, with 2025's numbers, until it has ``--rows`` rows: new figures, each checked
against last year and its sub-units.

Measured in one run, taking turns, best of N:

- **import**: ``values_import`` on the read rows, as the web page and ``import_values``
  run it: every row's checks (codes, rights, rounding, the figure's checks, the note),
  the cells locked, the warnings' context (``figures/plausibility.py``), the values
  inserted, one audit row per figure, and the stored figures rebuilt for what changed.
- **bulk_create** (the baseline): ``DataValue.objects.bulk_create`` of the same rows, as
  model objects made from the read rows; no checks, no audit, no stored figures.
- Reading the file (CSV and .xlsx) is timed apart: it is the same for both.

Between runs the imported values, their audit rows and stored figures are deleted
(not timed). The goal (issue #15): the import at ≥ 50 % of bulk_create's speed, i.e.
bulk_create's time / the import's time ≥ 0.5.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # `python benchmarks/bench_import.py` puts benchmarks/ first
    sys.path.insert(0, str(REPO))

PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = "nq_import"
DOC = REPO / "docs" / "benchmarks.md"
SECTION = "## Values import"
INTRO = """`python benchmarks/bench_import.py [--postgres]` builds a fresh database (the
synthetic province of `benchmarks/synthetic.py` with its 2025 figures), then imports a
file of 50,000 new figures (the province resolution's 2026 and 2027 figures at the units
that report them) and compares it with `DataValue.objects.bulk_create` of the same rows,
in the same run, taking turns. See the script's docstring for what each side covers.
Each run replaces its own subsection below.

- **import**: `values_import` on the read rows: every row's checks, the cells locked,
  the warnings' context, values inserted in batches, one audit row per figure (bulk), the
  stored figures rebuilt for what changed. Its phases are timed inside the same runs.
- **bulk_create**: the same rows as `DataValue` objects, one `bulk_create`; no checks,
  no audit, no stored figures.
- **speed vs bulk_create** = bulk_create's time / the import's time (goal ≥ 50 %).
"""


def write_doc(title: str, text: str, path: Path = DOC) -> None:
    """Replace the ``### title`` subsection of the section (creating either if missing),
    keeping every other line of the file."""
    from benchmarks.docs import replace_subsection

    replace_subsection(path, SECTION, title, text, head="# Benchmarks", intro=INTRO)

def file_rows(resolution: Any, limit: int) -> list[dict[str, Any]]:
    """The interchange rows of the file: 2025's figures again for 2026, then 2027 and so
    on (a smaller province needs more years to fill the file)."""
    from nghiquyet.figures.models import DataValue

    rows: list[dict[str, Any]] = []
    stored = (DataValue.objects.filter(series__resolution=resolution, year=2025)
              .select_related("series", "orgunit").order_by("series_id", "orgunit__path"))
    wanted = [v for v in stored if v.orgunit.type == v.series.reporting_unit_type
              or v.orgunit_id == resolution.issuer_id]
    for year in range(2026, 2031):
        for v in wanted:
            if len(rows) == limit:
                return rows
            rows.append({"target": v.series.code, "orgunit": v.orgunit.code,
                         "period": str(year), "value": v.value, "numerator": v.numerator,
                         "denominator": v.denominator, "note": "Theo sổ theo dõi",
                         "estimate": "chính thức", "value_type": v.series.value_type,
                         "version": 0})
    return rows


class Phases:
    """Seconds spent in named functions of ``figures.exchange`` during a run."""

    def __init__(self, names: list[str]) -> None:
        from nghiquyet.figures import exchange

        self.seconds: dict[str, float] = dict.fromkeys(names, 0.0)
        for name in names:
            original = getattr(exchange, name)
            setattr(exchange, name, self._timed(name, original))

    def _timed(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        if inspect.isgeneratorfunction(func):
            def generator(*args: Any, **kwargs: Any) -> Any:
                start = time.perf_counter()
                try:
                    return (yield from func(*args, **kwargs))
                finally:
                    self.seconds[name] += time.perf_counter() - start
            return generator

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - start
        return wrapper

    def reset(self) -> None:
        for name in self.seconds:
            self.seconds[name] = 0.0


def main() -> None:
    from benchmarks.database import add_database_arguments, fresh_database

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_database_arguments(parser, PG_DATABASE, PG_SERVER)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--no-doc", action="store_true", help="do not write docs/benchmarks.md")
    parser.add_argument("--xlsx", action="store_true",
                        help="also time reading the file as .xlsx (writing it takes minutes)")
    args = parser.parse_args()

    load = os.getloadavg()[0]
    db, cleanup = fresh_database(args.postgres, args.pg_server, args.pg_database, "nq-import-")
    try:
        import django

        django.setup()
        from benchmarks.synthetic import build_synthetic
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.db import connection, reset_queries, transaction
        from django.test.utils import CaptureQueriesContext

        from nghiquyet.audit.models import AuditEvent
        from nghiquyet.figures.exchange import values_import
        from nghiquyet.figures.interchange import read_csv, read_xlsx, write_csv, write_xlsx
        from nghiquyet.figures.models import DataValue, ValueStatus
        from nghiquyet.figures.periods import parse_period
        from nghiquyet.figures.store import rebuild_figures
        from nghiquyet.figures.validation import Entry, stored_entry
        from nghiquyet.lib.vnformat import format_number

        call_command("migrate", verbosity=0)
        start = time.perf_counter()
        synthetic = build_synthetic(communes=args.communes, villages=args.villages,
                                    years=[2025], province_resolution=True)
        # In one transaction: outside one, SQLite commits (and syncs) every row.
        with transaction.atomic():
            rebuild_figures()
        built_s = time.perf_counter() - start
        resolution = synthetic.province_resolution
        assert resolution is not None
        admin = get_user_model().objects.create_superuser("bench", "", "bench-pw")
        rows = file_rows(resolution, args.rows)
        print(f"{db}: built in {built_s:.1f} s; {len(rows):,} rows to import", flush=True)

        csv_bytes = write_csv(rows)
        t = time.perf_counter()
        read = read_csv(csv_bytes)
        read_csv_s = time.perf_counter() - t
        assert len(read.rows) == len(rows) and not read.errors, (len(read.rows), read.errors[:3])
        read_xlsx_s = None
        if args.xlsx:
            xlsx_bytes = write_xlsx(rows, {"resolution": str(resolution.pk)}, resolution.title)
            t = time.perf_counter()
            read_x = read_xlsx(xlsx_bytes)
            read_xlsx_s = time.perf_counter() - t
            assert len(read_x.rows) == len(rows) and not read_x.errors

        series = {s.code: s for s in resolution.series.all()}
        from nghiquyet.orgunits.models import OrgUnit

        units = {u.code: u for u in OrgUnit.objects.filter(code__in={r.orgunit for r in read.rows})}
        years = sorted({int(r.period) for r in read.rows})

        def clean() -> None:
            with transaction.atomic():
                DataValue.objects.filter(series__resolution=resolution, year__in=years).delete()
                AuditEvent.objects.filter(reason__startswith="Nhập từ tệp").delete()
                rebuild_figures(series_ids=[s.pk for s in series.values()])

        def run_import() -> float:
            start = time.perf_counter()
            report = values_import(actor=admin, resolution=resolution, read=read)
            seconds = time.perf_counter() - start
            assert report.saved == len(rows), report.saved
            return seconds

        def run_bulk_create() -> float:
            start = time.perf_counter()
            objects = []
            for r in read.rows:
                period = parse_period(r.period)
                entry, _issues = stored_entry(Entry(period, r.value, r.numerator, r.denominator))
                objects.append(DataValue(
                    series=series[r.target], orgunit=units[r.orgunit], period=period.code,
                    year=period.year, value=entry.value, numerator=entry.numerator,
                    denominator=entry.denominator, is_estimate=r.is_estimate, note=r.note,
                    status=ValueStatus.DRAFT, version=1, updated_by=admin))
            with transaction.atomic():  # as the import: one transaction
                DataValue.objects.bulk_create(objects)
            return time.perf_counter() - start

        phases = Phases(["_check_row", "_lock_current", "plausibility_contexts", "_write",
                         "rebuild_figures"])
        # One import with its queries counted (not timed).
        with CaptureQueriesContext(connection) as ctx:
            run_import()
        queries = len(ctx.captured_queries)
        audit_rows = AuditEvent.objects.filter(reason__startswith="Nhập từ tệp").count()
        assert audit_rows == len(rows), audit_rows
        clean()
        reset_queries()
        best: dict[str, float] = {}
        best_phases: dict[str, float] = {}
        for _ in range(args.repeat):
            for name, run in (("import", run_import), ("bulk_create", run_bulk_create)):
                phases.reset()
                seconds = run()
                print(f"  {name}: {seconds:.2f} s", flush=True)
                if seconds < best.get(name, float("inf")):
                    best[name] = seconds
                    if name == "import":
                        best_phases = dict(phases.seconds)
                clean()
        ratio = best["bulk_create"] / best["import"]

        def ms(s: float) -> str:
            return format_number(s * 1000, 0)

        n = len(rows)
        # _write's own time includes rebuild_figures (called inside it).
        write_only = best_phases["_write"] - best_phases["rebuild_figures"]
        checks = best_phases["_check_row"]
        other = best["import"] - sum(best_phases[k] for k in (
            "_check_row", "_lock_current", "plausibility_contexts", "_write"))
        table = f"""| measure | ms | rows/s |
|---|---|---|
| read the CSV (`read_csv`) | {ms(read_csv_s)} | {format_number(n / read_csv_s, 0)} |
{f"| read the .xlsx (`read_xlsx`) | {ms(read_xlsx_s)} | {format_number(n / read_xlsx_s, 0)} |" + chr(10) if read_xlsx_s else ""}| **import** (`values_import`, with audit and stored figures) | **{ms(best["import"])}** | {format_number(n / best["import"], 0)} |
| **bulk_create** of the same rows (baseline) | **{ms(best["bulk_create"])}** | {format_number(n / best["bulk_create"], 0)} |
| **import speed vs bulk_create** | **{format_number(ratio * 100, 0)} %** (goal ≥ 50 %) | |

Inside the best import: row checks {ms(checks)} ms; locking the cells
{ms(best_phases["_lock_current"])} ms; warnings' context {ms(best_phases["plausibility_contexts"])} ms;
values and audit rows written {ms(write_only)} ms; stored figures rebuilt
{ms(best_phases["rebuild_figures"])} ms; the rest (codes, comparing, warnings) {ms(other)} ms.
{format_number(queries, 0)} queries for the whole import ({format_number(audit_rows, 0)} audit rows).
"""
        where = (f"{dt.date.today():%Y-%m-%d}, {os.cpu_count()} CPU (nproc), Python "
                 f"{platform.python_version()}, {db}, {platform.machine()}, load average "
                 f"{load:.1f} at the start")
        flags = " --postgres" if args.postgres else ""
        text = f"""`python benchmarks/bench_import.py{flags}`: {format_number(n, 0)} rows, best of {args.repeat}.
{where}.

Built in {built_s:.1f} s: {args.communes} communes × {args.villages} villages, {format_number(synthetic.values, 0)} values (2025).

{table}"""
        print(text)
        if not args.no_doc:
            write_doc("PostgreSQL" if args.postgres else "SQLite", text)
            print(f"Written to {DOC.relative_to(REPO)}")
    finally:
        cleanup()


if __name__ == "__main__":
    main()
