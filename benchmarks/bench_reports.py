"""How long the report writers take, against the assessment of the same data.

    .venv/bin/python benchmarks/bench_reports.py              # commune + province
    .venv/bin/python benchmarks/bench_reports.py --communes 10 --repeat 1 --no-pdf

Two data sets: the demo commune (24 indicators, 37 targets) and a synthetic
province-scale report that repeats the commune ``--communes`` times (75 by
default: 75 x 37 = 2.775 target rows in the annex). For each, the time to
build every format (best of ``--repeat`` runs) is set against the time to
assess the same targets with ``nghiquyet.progress.assess_target`` in the
same run, so the ratio says how much of a download's time is the file, not
the maths. (``nghiquyet.documents`` itself uses the assessment's statuses, so
it is always there; no plain-loop stand-in is needed.) The PDF is converted for the commune only unless
``--province-pdf`` is given (a 200-page conversion takes a while).
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from collections.abc import Callable
from typing import TypeVar

from nghiquyet.documents import (
    ReportData,
    ReportGroup,
    build_docx,
    build_xlsx,
    docx_to_pdf,
    pdf_available,
    sample_report_data,
)
from nghiquyet.progress import assess_target, worst_status

T = TypeVar("T")


def province(communes: int) -> ReportData:
    """The demo commune's groups repeated once per commune (titles say which)."""
    commune = sample_report_data()
    groups = [
        ReportGroup(
            code=group.code,
            title=f"{group.title} (xã số {number:02d})",
            indicators=list(group.indicators),
        )
        for number in range(1, communes + 1)
        for group in commune.groups
    ]
    return dataclasses.replace(
        commune,
        superior_organ="TỈNH ỦY SƠN LA",
        issuing_organ="BAN THƯỜNG VỤ TỈNH ỦY",
        issuing_organ_text="Ban Thường vụ Tỉnh ủy",
        number_code="-BC/TU",
        groups=groups,
    )


def assess_all(data: ReportData) -> int:
    """What the Django side computes before a report: every target, then each indicator."""
    assessed = 0
    for indicator in data.indicators():
        statuses = []
        for target in indicator.targets:
            registry = {
                "kind": target.kind,
                "comparator": target.comparator,
                "value": target.target_value,
                "upper": None,
                "unit": target.unit,
                "denominator": target.denominator,
                "year": target.deadline_year,
                "each_year": target.each_year,
            }
            series = {data.term_start: target.baseline, **target.actuals}
            result = assess_target(
                registry, series, term_start=data.term_start, as_of=data.latest_year
            )
            statuses.append(result.status)
            assessed += 1
        worst_status(statuses)
    return assessed


def best_of(repeat: int, work: Callable[[], T]) -> tuple[float, T]:
    """The shortest of ``repeat`` runs (the least disturbed by other work), and the result."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        timings.append(time.perf_counter() - start)
    return min(timings), result


def bench(name: str, data: ReportData, *, repeat: int, pdf: bool) -> list[tuple[str, ...]]:
    targets = sum(1 for _ in data.targets())
    assess_s, _count = best_of(repeat, lambda: assess_all(data))
    rows: list[tuple[str, ...]] = [(name, "assessment", str(targets), _ms(assess_s), "1", "")]

    def timed(step: str, work: Callable[[], bytes], runs: int = repeat) -> bytes:
        seconds, content = best_of(runs, work)
        rows.append((name, step, "", _ms(seconds), _ratio(seconds, assess_s), _kib(content)))
        return content

    docx = timed("docx (with charts)", lambda: build_docx(data))
    timed("docx (no charts)", lambda: build_docx(data, charts=False))
    timed("xlsx", lambda: build_xlsx(data))
    if pdf and pdf_available():
        # One run: each conversion starts LibreOffice afresh, so repeats differ little.
        timed("pdf (docx → LibreOffice)", lambda: docx_to_pdf(docx, timeout=600), runs=1)
    return rows


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


def _ratio(seconds: float, baseline: float) -> str:
    return f"{seconds / baseline:,.0f}×"


def _kib(content: bytes) -> str:
    return f"{len(content) / 1024:,.0f} KiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=75)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--province-pdf", action="store_true")
    args = parser.parse_args()
    rows = bench("xã (37 mục tiêu)", sample_report_data(), repeat=args.repeat, pdf=not args.no_pdf)
    rows += bench(
        f"tỉnh ({args.communes} xã)",
        province(args.communes),
        repeat=args.repeat,
        pdf=args.province_pdf and not args.no_pdf,
    )
    header = ("data", "step", "targets", "ms (best)", "× assessment", "size")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
