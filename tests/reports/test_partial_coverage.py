"""Every report period built on figures with partial coverage (issue 11's "done when").

The demo, approved figures only, is such data: in 2026 only some villages' grain, rice,
households... are approved, so the commune's totals are partial; nothing after 2026 exists,
so the mid-term and end-of-term reports are built before their years have figures.

Asserted for the half-year, the year, mid-term and end of term:
- no partial figure is judged, and no indicator with an unjudged target counts as good;
- a missing year is never read as zero (no "không đạt" from empty years, totals paced on
  the years known);
- Word, Excel, the API and the `assess` command give the same statuses for the same data.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from docx import Document
from openpyxl import load_workbook

from nghiquyet.documents import build_docx, build_xlsx
from nghiquyet.progress import Status
from nghiquyet.reports.selectors import report_data

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PERIODS = ["2026H1", "2026", "giua-nhiem-ky", "nhiem-ky"]


@pytest.fixture
def reports(demo: Any) -> dict[str, Any]:
    return {period: report_data(demo, demo.issuer, period, approved_only=True)
            for period in PERIODS}


def test_the_data_really_has_partial_coverage(reports):
    partial = [t for t in reports["2026"].targets() if t.partial]
    assert len(partial) >= 3, "the demo's approved figures should leave some totals partial"


@pytest.mark.parametrize("period", PERIODS)
def test_no_partial_figure_is_judged_or_counted(reports, period):
    data = reports[period]
    for target in data.targets():
        # the figure a status rests on is never a partial one
        assert target.latest_year not in target.partial, (period, target.label)
        if target.partial and target.latest_year is None:
            assert target.status is Status.NO_DATA, (period, target.label)
        for year, coverage in target.partial.items():
            assert target.actuals.get(year) is not None  # shown...
            assert "đơn vị báo cáo" in coverage or "một phần năm" in coverage  # ...with coverage
    for indicator in data.indicators():
        unjudged = any(t.status is Status.NO_DATA for t in indicator.targets)
        if unjudged:
            assert not indicator.status.is_good, (period, indicator.number)
    counts = data.status_counts()
    good = counts[Status.ACHIEVED] + counts[Status.ON_TRACK]
    assert good == sum(1 for i in data.indicators()
                       if all(t.status is not Status.NO_DATA for t in i.targets)
                       and i.status.is_good)


@pytest.mark.parametrize("period", ["giua-nhiem-ky", "nhiem-ky"])
def test_a_missing_year_is_never_a_zero(reports, period):
    data = reports[period]
    assert data.notes[0].startswith("Số liệu đến năm 2026, ước thực hiện")
    for target in data.targets():
        assert all(target.actuals.get(year) is None for year in range(2027, 2031)
                   if year in target.actuals), target.label  # blank, not 0
        if target.status is Status.MISSED:
            # only a reported year that failed an every-year target is decided this early
            assert target.each_year, (period, target.label)
    members = next(t for t in data.targets() if t.kind == "cumulative")
    assert members.status is not Status.MISSED
    # approved only, 2026's new members are a partial total (some Party cells): not judged,
    # and the years 2027-2030 are not counted as zero members either
    assert members.status is Status.NO_DATA and 2026 in members.partial


def _word_statuses(content: bytes) -> list[str]:
    annex = Document(io.BytesIO(content)).tables[-1]
    rows = []
    for row in annex.rows:
        cells = [c.text for c in row.cells]
        number = cells[0]
        if number and number[0].isdigit() and (len(cells) == len(set(cells)) or "." in number
                                              or len({*cells[1:-1]}) > 1):
            rows.append((number, cells[-1]))
    # an indicator with several targets has a heading row (its own number) then 2.1, 2.2...
    numbers = [n for n, _ in rows]
    return [status for number, status in rows
            if not any(other.startswith(number + ".") for other in numbers)]


def _excel_statuses(content: bytes) -> list[str]:
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    header = next(row for row in sheet.iter_rows(values_only=True) if "Đánh giá" in row)
    status_column = header.index("Đánh giá")
    rows = [(str(r[0]), r[status_column]) for r in sheet.iter_rows(values_only=True)
            if r[0] is not None and str(r[0])[:1].isdigit() and r[status_column]]
    numbers = [n for n, _ in rows]
    return [status for number, status in rows
            if not any(other.startswith(number + ".") for other in numbers)]


@pytest.mark.parametrize(("period", "year"), [("2026", 2026), ("giua-nhiem-ky", 2028),
                                              ("nhiem-ky", 2030)])
def test_word_excel_api_and_cli_agree(demo, reports, client, capsys, period, year):
    data = reports[period]
    expected = [t.status_label for t in data.targets()]
    assert _word_statuses(build_docx(data, charts=False)) == expected
    assert _excel_statuses(build_xlsx(data)) == expected
    client.force_login(get_user_model().objects.get(username="bithu"))
    api = client.get(f"/api/v1/resolutions/{demo.pk}/assessment?year={year}").json()
    assert api["figures"] == "approved"  # the one default, named
    assert [t["status_label"] for t in api["targets"]] == expected
    call_command("assess", str(demo.pk), "--year", str(year), "--json")
    out = capsys.readouterr()
    cli = json.loads(out.out)
    assert cli["figures"] == "approved"
    assert [t["status_label"] for t in cli["targets"]] == expected
    if year > 2026:
        assert cli["forecast"] and "Cảnh báo: Số liệu mới có đến năm 2026" in out.err


def test_a_term_total_built_early_is_paced_on_the_years_known(demo):
    data = report_data(demo, demo.issuer, "nhiem-ky", approved_only=False)
    members = next(t for t in data.targets() if t.kind == "cumulative")
    assert members.latest == 21 and members.status is not Status.MISSED
    assert "chưa có số liệu năm 2027, 2028, 2029, 2030, tính theo 1 năm có số liệu" in (
        members.explanation)
