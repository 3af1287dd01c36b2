"""The example spreadsheets shipped with docs/go-live.md read as the guide says."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from nghiquyet.accounts.services import PEOPLE_COLUMNS, users_import
from nghiquyet.lib.tables import read_table
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.orgunits.services import (
    SUBUNIT_COLUMNS,
    orgunit_import_children,
    orgunit_setup_official,
)

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "docs" / "examples"


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("examples",
                                                  REPO / "scripts" / "make_go_live_examples.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _rows(name: str, columns: dict[str, tuple[str, ...]], required: tuple[str, ...]) -> Any:
    return read_table(name=name, data=(EXAMPLES / name).read_bytes(), max_bytes=10 ** 7,
                      columns=columns, required=required)


def test_the_committed_files_match_the_script() -> None:
    gen = _generator()
    units = _rows("don-vi-truc-thuoc.xlsx", SUBUNIT_COLUMNS, ("code", "name", "type"))
    assert [[r.cells[k] for k in ("code", "name", "type", "parent")] for r in units] == gen.UNITS
    people = _rows("nguoi-dung.xlsx", PEOPLE_COLUMNS, ("username", "full_name", "role"))
    assert [r.cells["username"] for r in people] == [p[0] for p in gen.PEOPLE]


@pytest.mark.django_db
def test_the_examples_import(users: dict[str, Any]) -> None:
    commune = orgunit_setup_official(commune_code="03985", actor=users["admin"])
    rows = _rows("don-vi-truc-thuoc.xlsx", SUBUNIT_COLUMNS, ("code", "name", "type"))
    created = orgunit_import_children(commune=commune, rows=rows, actor=users["admin"])
    assert sum(u.type == "village" for u in created) == 10
    cell = OrgUnit.objects.get(code="03985-CB01")
    assert cell.parent.code == "03985-B01"
    people = _rows("nguoi-dung.xlsx", PEOPLE_COLUMNS, ("username", "full_name", "role"))
    made = users_import(rows=people, within=commune, actor=users["admin"])
    assert [u.username for u, _ in made] == ["tb.naha", "tb.palo", "tb.huoisau"]
