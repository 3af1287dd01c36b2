"""How long a report download takes, against the assessment of the same data.

    .venv/bin/python benchmarks/bench_report_build.py             # fresh SQLite in a temp folder
    .venv/bin/python benchmarks/bench_report_build.py --postgres  # database nghiquyet_bench_reports
    .venv/bin/python benchmarks/bench_report_build.py --communes 10 --villages 20 --no-pdf

Data, built in a throw-away database:

- the demo commune (Phiêng Khoài: 84 units, 37 targets, 2025-2026), report
  ``2026``;
- a synthetic province (``benchmarks/synthetic.py``: ``--communes`` communes of
  ``--villages`` villages, 75 × 50 by default, 2025-2030 figures), the
  province's own resolution reported for the province, period
  ``giua-nhiem-ky`` (as of 2028): 37 targets rolled up from 3.750 villages.

For each, in the same run on the same connection: the baseline is
``assess_resolution(resolution, unit, as_of, approved_only=True)``, the
dashboards' selector, which every report reads; then ``report_data`` (the
baseline plus the mapping, the ancestors and the illustrative check) and each
format end to end (``report_data`` and the writer), as a download runs them,
best of ``--repeat`` (PDF: one run). The ratio says how much a file costs
beyond judging the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # `python benchmarks/bench_report_build.py` puts benchmarks/ first
    sys.path.insert(0, str(REPO))

T = TypeVar("T")
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = "nghiquyet_bench_reports"


@dataclass
class Row:
    data: str
    step: str
    seconds: float
    size: int | None = None


def best_of(repeat: int, work: Callable[[], T]) -> tuple[float, T]:
    best, result = float("inf"), None
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result  # type: ignore[return-value]


def measure(name: str, resolution: Any, unit: Any, period: str, repeat: int, pdf: bool
            ) -> list[Row]:
    from nghiquyet.assessment.selectors import assess_resolution
    from nghiquyet.documents import build_docx, build_xlsx, docx_to_pdf
    from nghiquyet.reports.report_periods import parse_report_period
    from nghiquyet.reports.selectors import report_data

    as_of = parse_report_period(period, resolution.term_start, resolution.term_end).as_of
    report_data(resolution, unit, period)  # warm up: imports, translations, the DB's cache
    rows = [Row(name, "assessment (baseline)", best_of(
        repeat, lambda: assess_resolution(resolution, unit, as_of, approved_only=True))[0])]
    seconds, data = best_of(repeat, lambda: report_data(resolution, unit, period))
    rows.append(Row(name, "report_data", seconds))
    steps: list[tuple[str, Callable[[Any], bytes], int]] = [
        ("docx with charts", build_docx, repeat),
        ("docx without charts", lambda d: build_docx(d, charts=False), repeat),
        ("xlsx", build_xlsx, repeat),
    ]
    if pdf:
        steps.append(("pdf (LibreOffice)", lambda d: docx_to_pdf(build_docx(d)), 1))
    for step, writer, runs in steps:
        seconds, content = best_of(runs, lambda w=writer: w(report_data(resolution, unit,
                                                                        period)))
        rows.append(Row(name, step, seconds, len(content)))
        print(f"  {name}: {step} done", flush=True)
    assert len(list(data.targets())) == 37
    return rows


def table(rows: list[Row]) -> str:
    from nghiquyet.lib.vnformat import format_number

    lines = ["| data | step | ms | × assessment | size |", "|---|---|---|---|---|"]
    baseline = 0.0
    for row in rows:
        if row.step.startswith("assessment"):
            baseline = row.seconds
        size = f"{format_number(row.size / 1024, 0)} KiB" if row.size else ""
        ratio = f"{format_number(row.seconds / baseline, 1)}×" if baseline else "—"
        lines.append(f"| {row.data} | {row.step} | {format_number(row.seconds * 1000, 1)} | {ratio} | "
                     f"{size} |")
    return "\n".join(lines)


def main() -> None:
    from benchmarks.database import add_database_arguments, fresh_database

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_database_arguments(parser, PG_DATABASE, PG_SERVER)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()

    db, cleanup = fresh_database(args.postgres, args.pg_server, PG_DATABASE, "nghiquyet-bench-reports-")
    try:
        import django

        django.setup()
        from benchmarks.synthetic import build_synthetic
        from django.core.management import call_command
        from django.db import connection

        from nghiquyet.demo.services import load_demo
        from nghiquyet.documents import pdf_available

        call_command("migrate", verbosity=0)
        demo = load_demo()
        synthetic = build_synthetic(communes=args.communes, villages=args.villages,
                                    province_resolution=True)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics after the bulk load
        print(f"Built: synthetic province in {synthetic.seconds:.1f} s "
              f"({args.communes} × {args.villages} villages, {synthetic.values:,} values).",
              flush=True)
        pdf = pdf_available() and not args.no_pdf
        rows = measure("commune (demo, 2026)", demo, demo.issuer, "2026", args.repeat, pdf)
        rows += measure(f"province ({args.communes} × {args.villages}, giữa nhiệm kỳ)",
                        synthetic.province_resolution, synthetic.province, "giua-nhiem-ky",
                        args.repeat, pdf)
        print()
        print(f"{dt.date.today().isoformat()}, {os.cpu_count()} CPU, Python "
              f"{platform.python_version()}, {db}; best of {args.repeat} (PDF: one run)")
        print()
        print(table(rows))
    finally:
        cleanup()


if __name__ == "__main__":
    main()
