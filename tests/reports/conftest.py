"""The demo's reports, built once per session from the real demo data.

``demo_reports`` loads the demo inside a transaction, reads everything the tests
compare (the report data through the selector, the files, and the figures straight
from the assessment as an independent expectation), then rolls the transaction
back, so the database tests around it start empty as usual. Modules using it are
marked ``django_db`` so that the test database exists.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from docx import Document
from openpyxl import load_workbook

REPORT_DATE = dt.date(2026, 12, 20)


@dataclass(frozen=True)
class Expected:
    """One target as the assessment (not the report code) states it."""

    number: str  # "2.1", or "3" for an indicator with one target
    label: str
    baseline: float | None
    actual: float | None  # the 2026 figure
    estimate: bool
    status_label: str
    denominator: float | None = None  # "3/7" schools
    unit: str = ""
    coverage: str = ""  # "8/30": the 2026 figure is a partial total, printed with it


@pytest.fixture(scope="session")
def demo_reports(django_db_setup: Any, django_db_blocker: Any) -> dict[str, Any]:
    from nghiquyet.demo.services import load_demo
    from nghiquyet.documents import build_docx, build_xlsx
    from nghiquyet.orgunits.models import OrgUnit
    from nghiquyet.reports.selectors import report_data

    with django_db_blocker.unblock(), transaction.atomic():
        _refuse_a_real_database()
        resolution = load_demo()
        unit = OrgUnit.objects.get(code="SL-PK")
        out: dict[str, Any] = {"resolution_title": resolution.title,
                               "approved_grain_2026": _approved_grain_2026(resolution)}
        for key, approved_only in (("approved", True), ("all", False)):
            data = report_data(resolution, unit, "2026", approved_only=approved_only,
                               report_date=REPORT_DATE)
            out[key] = {"data": data, "expected": _expected(resolution, unit, approved_only),
                        "docx": build_docx(data), "xlsx": build_xlsx(data)}
        transaction.set_rollback(True)
    return out


def _refuse_a_real_database() -> None:
    # pytest-django creates the test database only when a collected test asks for the
    # database; a module using this fixture must be marked django_db, or it would
    # write to the development database.
    from django.db import connection

    name = str(connection.settings_dict["NAME"])
    if not (name.rsplit("/", 1)[-1].startswith("test") or "memory" in name):
        pytest.fail(f"demo_reports would write to {name}: mark the module django_db")


def _expected(resolution: Any, unit: Any, approved_only: bool) -> list[Expected]:
    from nghiquyet.assessment.selectors import assess_resolution

    assessed = assess_resolution(resolution, unit, 2026, approved_only=approved_only)
    rows = []
    for indicator in assessed.indicators:
        many = len(indicator.targets) > 1
        for index, t in enumerate(indicator.targets):
            number = indicator.indicator.number
            rows.append(Expected(
                number=f"{number}.{index + 1}" if many else str(number),
                label=t.target.label or indicator.indicator.text,
                baseline=_round(t.series.get(2025)), actual=_round(_shown(t, 2026)),
                estimate=2026 in t.estimate_years, status_label=t.status.label,
                denominator=_round(t.target.denominator),
                unit=t.target.series.unit if t.target.kind == "growth_rate" else t.target.unit,
                coverage=_coverage(t, 2026),
            ))
    return rows


def _approved_grain_2026(resolution: Any) -> float:
    """Grain tonnes, 2026: the sum of the villages' approved figures, counted directly."""
    from django.db.models import Sum

    from nghiquyet.figures.models import DataValue

    total = DataValue.objects.filter(series__resolution=resolution, series__code="2.1",
                                     period="2026", status="approved").aggregate(Sum("value"))
    return float(total["value__sum"])


def _shown(t: Any, year: int) -> Any:
    """The judged figure, or a partial total the report prints for information."""
    if year in t.series:
        return t.series[year]
    figure = t.figures.get(year)
    return figure.value if figure is not None and _incomplete(figure) else None


def _incomplete(figure: Any) -> bool:
    """Partial, or computed from only some of the sub-units (issue 11's one rule)."""
    return figure.partial or (figure.source == "computed" and figure.expected > 0
                              and figure.reported < figure.expected)


def _coverage(t: Any, year: int) -> str:
    figure = t.figures.get(year)
    if year in t.series or figure is None or not _incomplete(figure) or figure.value is None:
        return ""
    return f"{figure.reported}/{figure.expected}"


def _round(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


@pytest.fixture(scope="session")
def demo_doc(demo_reports: dict[str, Any]) -> Any:
    return Document(io.BytesIO(demo_reports["approved"]["docx"]))


@pytest.fixture(scope="session")
def demo_workbook(demo_reports: dict[str, Any]) -> Any:
    return load_workbook(io.BytesIO(demo_reports["approved"]["xlsx"]))


@pytest.fixture
def demo(db: Any) -> Any:
    """The demo in the test's own transaction, for tests that change figures or ask pages."""
    from nghiquyet.demo.services import load_demo

    return load_demo()
