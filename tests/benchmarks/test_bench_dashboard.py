"""The dashboard benchmark at a tiny scale, so it cannot rot unnoticed: the synthetic
builder runs, and the hand-written SQL gives the selector's figures and statuses.
No timing is asserted; speed is measured on purpose with benchmarks/bench_dashboard.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.bench_dashboard import check_scenario, scenarios, write_doc
from benchmarks.synthetic import build_synthetic

from nghiquyet.figures.models import DataValue
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import DataSeries, Target

YEARS = range(2025, 2028)


@pytest.fixture
def tiny(db):
    return build_synthetic(code="T", communes=2, villages=3, years=YEARS)


@pytest.mark.django_db
def test_builder_makes_the_province_it_says(tiny):
    assert OrgUnit.objects.subtree(tiny.province).count() == 1 + 2 + 2 * 3
    assert len(tiny.resolutions) == 2 and tiny.province_resolution is not None
    for resolution in [*tiny.resolutions, tiny.province_resolution]:
        assert DataSeries.objects.filter(resolution=resolution).count() == 36
        assert Target.objects.filter(indicator__resolution=resolution).count() == 37
    assert DataValue.objects.count() == tiny.values > 0
    # The demo's levels apply: grain is entered per village, revenue by the commune.
    first = tiny.resolutions[0]
    assert DataSeries.objects.get(resolution=first, code="2.1").reporting_unit_type == "village"
    assert DataSeries.objects.get(resolution=first, code="1.2").reporting_unit_type == "commune"
    # Both sides of "entered, else computed" are there: a commune's own figure for a
    # village series beside its villages' figures.
    village_series = DataSeries.objects.filter(resolution__in=tiny.resolutions,
                                               reporting_unit_type="village")
    assert DataValue.objects.filter(series__in=village_series, orgunit__type="commune").exists()
    assert DataValue.objects.filter(series__in=village_series, orgunit__type="village").exists()


@pytest.mark.django_db
def test_sql_baseline_gives_the_selectors_numbers(tiny):
    # As of the last year, where some totals are partial (shown, not judged).
    cases = scenarios(None, tiny, as_of=YEARS[-1])
    assert [c.name[:3] for c in cases] == ["(b)", "(b'", "(b″", "(c)"]
    for case in cases:
        cells, assessments = check_scenario(case)
        assert cells > 0
        assert len(assessments) == len(case.pairs)
    partial = [f for ra in check_scenario(cases[0])[1] for per_unit in ra.figures.figures.values()
               for f in per_unit[ra.unit.pk].values() if f.partial]
    assert partial, "the tiny province should exercise the partial-total rule"


@pytest.mark.django_db
def test_sql_baseline_on_the_demo():
    from nghiquyet.demo.services import load_demo

    (case,) = scenarios(load_demo(), None, as_of=2026)
    cells, _ = check_scenario(case)
    assert cells == 36 * 2  # every series, 2025 and 2026


def test_doc_subsection_is_replaced_and_the_rest_kept(tmp_path: Path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nintro\n\n## Reports\n\nkept\n", encoding="utf-8")
    write_doc("SQLite", "first", doc)
    write_doc("PostgreSQL", "pg", doc)
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("### PostgreSQL", "### Notes\n\nby hand\n\n### PostgreSQL"),
                   encoding="utf-8")
    write_doc("SQLite", "second", doc)
    text = doc.read_text(encoding="utf-8")
    assert "second" in text and "first" not in text and "pg" in text and "by hand" in text
    assert text.count("## Dashboard") == 1 and text.count("### SQLite") == 1
    assert "## Reports\n\nkept" in text
