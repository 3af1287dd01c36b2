"""Two more illustrative communes in the demo province, so the province view has
something to compare: Chiềng Sại and Mường Khoa, each with a resolution from the
fictional corpus (worded differently from the seed), a few villages, and illustrative
2025 and 2026 figures entered at commune level. Then every commune resolution of the
province is mapped to the common catalogue.

The names are marked illustrative (``is_illustrative``); the resolutions and figures
are invented, not those of any real commune.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from nghiquyet.demo.packaged import packaged_registry
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType
from nghiquyet.orgunits.services import orgunit_bulk_create, orgunit_create
from nghiquyet.resolutions.models import Resolution, Target

Figures = dict[tuple[int, int], tuple[float, float]]  # (indicator, position) -> 2025, 2026

# Nậm Khoa's corpus resolution, renamed: mostly on track, behind on schools and jobs.
CHIENG_SAI: Figures = {
    (1, 0): (410, 455), (2, 0): (36, 38.5), (3, 0): (25300, 25800), (3, 1): (9300, 9450),
    (3, 2): (16000, 16350), (4, 0): (1650, 1790), (4, 1): (70, 85), (5, 0): (61.8, 62.1),
    (6, 0): (18.5, 16.2), (6, 1): (18.5, 16.2), (7, 0): (3, 4), (8, 0): (2, 2),
    (9, 0): (93.1, 93.8), (10, 0): (31, 33.5), (10, 1): (12, 13.1), (11, 0): (160, 142),
    (12, 0): (78, 79.5), (13, 0): (91, 93), (14, 0): (12, 11), (15, 0): (88, 86),
    (16, 0): (89, 91), (17, 0): (83.3, 91.7), (17, 1): (66.7, 75), (18, 0): (100, 100),
}
# Ea Khuông's corpus resolution, renamed: several yearly floors missed in 2026.
MUONG_KHOA: Figures = {
    (1, 0): (620, 655), (2, 0): (42, 44.5), (3, 0): (6350, 6120), (4, 0): (1250, 1248),
    (4, 1): (60, 75), (5, 0): (75.6, 75.2), (6, 0): (170, 185), (7, 0): (1, 2),
    (8, 0): (68, 72), (9, 0): (6.8, 5.9), (9, 1): (6.8, 5.9), (10, 0): (21.5, 20.4),
    (11, 0): (8.3, 16.7), (12, 0): (44, 46.5), (13, 0): (96.5, 97.2), (13, 1): (61, 63),
    (14, 0): (88.5, 89.2), (15, 0): (100, 100), (16, 0): (83.3, 91.7), (17, 0): (9, 9),
    (18, 0): (91.3, 86.9), (19, 0): (78, 84),
}

COMMUNES: list[dict[str, Any]] = [
    {"code": "SL-CS", "name": "Chiềng Sại", "registry": "chieng-sai-2025-2030.registry.json",
     "villages": ["Nà Hạ", "Huổi Chà", "Co Lạc", "Pá Sang", "Phiêng Mựt"], "figures": CHIENG_SAI},
    {"code": "SL-MK", "name": "Mường Khoa", "registry": "muong-khoa-2025-2030.registry.json",
     "villages": ["Nậm Ún", "Hua Khoa", "Phiêng Lứng", "Tà Cọ"], "figures": MUONG_KHOA},
]
YEARS = (2025, 2026)


def province_registry(filename: str) -> dict[str, Any]:
    return packaged_registry(filename)


@transaction.atomic
def load_demo_province(province: OrgUnit) -> list[Resolution]:
    """Add the two communes (once), then map every commune resolution of the province."""
    from nghiquyet.catalogue.selectors import province_resolutions
    from nghiquyet.catalogue.services import catalogue_load, map_resolution

    created = [_load_commune(province, spec) for spec in COMMUNES
               if not OrgUnit.objects.filter(code=spec["code"]).exists()]
    catalogue_load(actor=None)  # a flushed test database may have lost the seeded rows
    for resolution in province_resolutions(province):
        map_resolution(resolution=resolution, actor=None)
    return created


def _load_commune(province: OrgUnit, spec: dict[str, Any]) -> Resolution:
    from nghiquyet.resolutions.services import registry_import

    commune = orgunit_create(code=spec["code"], name=spec["name"], type=OrgUnitType.COMMUNE,
                             parent=province, is_illustrative=True)
    orgunit_bulk_create(parent=commune, is_illustrative=True, rows=[
        (f"{spec['code']}-B{i:02d}", f"Bản {name}", OrgUnitType.VILLAGE)
        for i, name in enumerate(spec["villages"], 1)])
    resolution = registry_import(doc=province_registry(spec["registry"]), issuer=commune)
    _load_figures(resolution, spec["figures"])
    return resolution


def _load_figures(resolution: Resolution, figures: Figures) -> int:
    """The commune's own figure for each target's series: 2025 approved, 2026 an
    estimate (ước thực hiện) submitted for approval. Two targets on one series
    (a growth rate and its level) share one figure."""
    from nghiquyet.figures.models import DataValue
    from nghiquyet.figures.services import values_bulk_create

    commune = resolution.issuer
    values: list[DataValue] = []
    done: set[int] = set()
    for target in (Target.objects.filter(indicator__resolution=resolution)
                   .select_related("indicator").order_by("indicator__number", "position")):
        pair = figures.get((target.indicator.number, target.position))
        if pair is None or target.series_id in done:
            continue
        done.add(target.series_id)
        for year, figure in zip(YEARS, pair, strict=True):
            estimate = year == YEARS[-1]
            values.append(DataValue(
                series_id=target.series_id, orgunit=commune, period=str(year),
                value=Decimal(str(figure)), is_estimate=estimate,
                status="submitted" if estimate else "approved",
                note="Số liệu minh họa", version=1))
    values_bulk_create(actor=None, values=values, reason="Dữ liệu minh họa")
    return len(values)
