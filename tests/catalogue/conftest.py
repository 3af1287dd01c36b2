"""Fixtures for the catalogue: the loaded catalogue, and provinces with communes to compare."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from tests.conftest import CORPUS

NAM_KHOA = CORPUS / "01-nam-khoa-2025-2030.expected.json"
EA_KHUONG = CORPUS / "05-ea-khuong-2025-2030.expected.json"


@pytest.fixture
def catalogue(db: Any) -> None:
    """The shipped catalogue (a transactional test before may have flushed the seeded rows)."""
    from nghiquyet.catalogue.services import catalogue_load

    catalogue_load(actor=None)


def corpus_doc(path: Any) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def add_figures(resolution: Any, per_target: dict[tuple[int, int], tuple[float, float]]) -> None:
    """Commune-level figures for 2025 and 2026 on the targets' series."""
    from nghiquyet.figures.models import DataValue
    from nghiquyet.figures.services import values_bulk_create
    from nghiquyet.resolutions.models import Target

    values, done = [], set()
    for t in Target.objects.filter(indicator__resolution=resolution).select_related("indicator"):
        pair = per_target.get((t.indicator.number, t.position))
        if pair is None or t.series_id in done:
            continue
        done.add(t.series_id)
        for year, figure in zip((2025, 2026), pair, strict=True):
            values.append(DataValue(series_id=t.series_id, orgunit=resolution.issuer,
                                    period=str(year), value=Decimal(str(figure)),
                                    status="approved"))
    values_bulk_create(actor=None, values=values)


@pytest.fixture
def compared(tree: dict[str, Any], resolution: Any, seed_doc: dict[str, Any],
             catalogue: None) -> dict[str, Any]:
    """Sơn La with the seed at Phiêng Khoài and Nậm Khoa's corpus text at Chiềng Hặc,
    both mapped, with a few figures on the poverty rate they share."""
    from nghiquyet.catalogue.services import map_resolution
    from nghiquyet.resolutions.services import registry_import

    other = registry_import(doc=corpus_doc(NAM_KHOA), issuer=tree["other"])
    add_figures(resolution, {(7, 0): (19.8, 17.9), (4, 0): (41.2, 41.5)})
    add_figures(other, {(6, 1): (18.5, 16.2), (6, 0): (18.5, 16.2), (5, 0): (60.2, 59.8)})
    for r in (resolution, other):
        map_resolution(resolution=r, actor=None)
    return {"seed": resolution, "other": other}
