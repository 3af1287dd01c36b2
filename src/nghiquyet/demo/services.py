"""The demo deployment: Sơn La province, Phiêng Khoài commune and its units, the seed
registry, and one user per role. Unit names below the commune are illustrative."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from nghiquyet.accounts.models import Role, RoleAssignment
from nghiquyet.audit.services import audit_record
from nghiquyet.demo.packaged import packaged_registry
from nghiquyet.demo.province import load_demo_province
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType
from nghiquyet.orgunits.services import orgunit_bulk_create, orgunit_create
from nghiquyet.resolutions.models import DataSeries, Resolution
from nghiquyet.resolutions.services import registry_import

PROVINCE_CODE = "SL"
COMMUNE_CODE = "SL-PK"
# The demo's province and commune are real: their codes in the official list of 2025.
PROVINCE_OFFICIAL_CODE = "14"
COMMUNE_OFFICIAL_CODE = "04099"
DEMO_PASSWORD = "nghiquyet2025"  # noqa: S105 - printed for the demo on purpose

# Illustrative village names in the style of the area (not the real list).
VILLAGES = [
    "Nà Sàng", "Pá Khôm", "Huổi Lầu", "Co Muông", "Nong Hẹ", "Phiêng Ban", "Tà Phình",
    "Bó Mí", "Nặm Pừn", "Huổi Hưa", "Co Sản", "Pha Đin", "Lọng Cượm", "Nà Hịa", "Kéo Lồm",
    "Phiêng Cài", "Bướt", "Huổi Một", "Pá Hốc", "Nong Lạnh", "Hua Ty", "Tạng Khao",
    "Phiêng Lanh", "Nà Nưa", "Co Phường", "Huổi Sẻ", "Pom Lót", "Nà Tấu", "Lả Mường", "Khau Cả",
]
SCHOOLS = [
    "Trường Mầm non Phiêng Khoài", "Trường Mầm non Hoa Ban", "Trường Mầm non Sơn Ca",
    "Trường Tiểu học Phiêng Khoài", "Trường Tiểu học Nà Sàng",
    "Trường PTDT bán trú THCS Phiêng Khoài", "Trường THCS Pá Khôm",
]
AGENCIES = [
    "Văn phòng Đảng ủy xã", "Ủy ban nhân dân xã", "Công an xã", "Ban Chỉ huy Quân sự xã",
    "Trạm Y tế xã",
]

# How the seed's figures are kept in the demo: (indicator, target position) ->
# (reporting unit type, aggregation, value type). The rest keep the import's inference.
SERIES_LEVELS: dict[tuple[int, int], tuple[str, str, str]] = {
    **{(2, k): ("village", "sum", "number") for k in range(5)},
    (3, 0): ("village", "ratio_of_sums", "ratio"),
    (5, 0): ("village", "sum", "number"),
    (7, 0): ("village", "ratio_of_sums", "ratio"),
    (8, 0): ("village", "ratio_of_sums", "ratio"),
    (14, 0): ("village", "ratio_of_sums", "ratio"),
    (15, 2): ("village", "ratio_of_sums", "ratio"),
    (18, 0): ("village", "ratio_of_sums", "ratio"),
    (20, 2): ("party_cell", "ratio_of_sums", "ratio"),
    (20, 4): ("party_cell", "ratio_of_sums", "ratio"),
    (21, 0): ("party_cell", "sum", "number"),
}


@dataclass
class DemoUser:
    username: str
    full_name: str
    role: str
    orgunit_code: str
    superuser: bool = False


DEMO_USERS = [
    DemoUser("quantri", "Quản trị hệ thống", Role.ADMIN, PROVINCE_CODE, superuser=True),
    DemoUser("bithu", "Lò Văn Bình (Bí thư Đảng ủy xã)", Role.LEADER, COMMUNE_CODE),
    # A second leader, as a commune has (Party and People's Committee): a figure one leader
    # restored or edited is approved by the other (four eyes), not only by the admin.
    DemoUser("chutich", "Hà Văn Sơn (Chủ tịch UBND xã)", Role.LEADER, COMMUNE_CODE),
    DemoUser("canbo", "Cầm Thị Mai (công chức Văn phòng)", Role.OFFICER, COMMUNE_CODE),
    DemoUser("truongban", "Lò Văn Pọm (trưởng bản Nà Sàng)", Role.REPORTER, "SL-PK-B01"),
    DemoUser("giamsat", "Quàng Văn Tâm (Ủy ban Kiểm tra Tỉnh ủy)", Role.SUPERVISOR, PROVINCE_CODE),
]


def seed_registry() -> dict[str, Any]:
    return packaged_registry()


def demo_loaded() -> bool:
    return Resolution.objects.filter(issuer__code=COMMUNE_CODE).exists()


@transaction.atomic
def load_demo() -> Resolution:
    province = orgunit_create(code=PROVINCE_CODE, name="Sơn La", type=OrgUnitType.PROVINCE,
                              official_code=PROVINCE_OFFICIAL_CODE)
    commune = orgunit_create(code=COMMUNE_CODE, name="Phiêng Khoài", type=OrgUnitType.COMMUNE,
                             parent=province, official_code=COMMUNE_OFFICIAL_CODE)
    rows = [(f"SL-PK-B{i:02d}", f"Bản {name}", OrgUnitType.VILLAGE)
            for i, name in enumerate(VILLAGES, 1)]
    rows += [(f"SL-PK-TH{i:02d}", name, OrgUnitType.SCHOOL) for i, name in enumerate(SCHOOLS, 1)]
    rows += [(f"SL-PK-CQ{i:02d}", name, OrgUnitType.AGENCY) for i, name in enumerate(AGENCIES, 1)]
    # 42 Party organisations: a cell per village, per school and per agency.
    cells = [f"Chi bộ bản {n}" for n in VILLAGES] + [f"Chi bộ {n}" for n in SCHOOLS]
    cells += [f"Chi bộ {n}" for n in AGENCIES]
    rows += [(f"SL-PK-CB{i:02d}", name, OrgUnitType.PARTY_CELL) for i, name in enumerate(cells, 1)]
    orgunit_bulk_create(parent=commune, rows=rows, is_illustrative=True)
    resolution = registry_import(doc=seed_registry(), issuer=commune)
    _apply_series_levels(resolution)
    _create_users()
    load_demo_figures(resolution)
    load_demo_province(province)
    from nghiquyet.programmes.demo import load_demo_programme

    load_demo_programme(resolution)
    return resolution


def _apply_series_levels(resolution: Resolution) -> None:
    for series in DataSeries.objects.filter(resolution=resolution).prefetch_related(
        "targets__indicator"
    ):
        for target in series.targets.all():
            spec = SERIES_LEVELS.get((target.indicator.number, target.position))
            if spec:
                series.reporting_unit_type, series.aggregation, series.value_type = spec
                series.save(update_fields=["reporting_unit_type", "aggregation", "value_type"])


def _create_users() -> None:
    user_model = get_user_model()
    units = {u.code: u for u in OrgUnit.objects.filter(code__in={d.orgunit_code for d in DEMO_USERS})}
    for demo in DEMO_USERS:
        user, _created = user_model.objects.get_or_create(username=demo.username)
        user.first_name = demo.full_name
        user.is_staff = demo.superuser
        user.is_superuser = demo.superuser
        user.set_password(DEMO_PASSWORD)
        user.save()
        RoleAssignment.objects.get_or_create(user=user, role=demo.role,
                                             orgunit=units[demo.orgunit_code])
        audit_record(actor=None, action="user.create", target=user,
                     orgunit=units[demo.orgunit_code],
                     new={"username": demo.username, "full_name": demo.full_name,
                          "roles": [[demo.role, demo.orgunit_code]], "demo": True})


def load_demo_figures(resolution: Resolution) -> int:
    """Illustrative 2025 and 2026 figures for every seed target, at its proper level.

    2025 is approved. In 2026 the villages' figures are mostly submitted (a few
    approved, a few still draft), and the commune's own figures are estimates
    (ước thực hiện), some submitted and some approved.
    """
    import random

    from django.utils import timezone

    from nghiquyet.demo.figures import COMMUNE_FIGURES, YEARS
    from nghiquyet.figures.assignments import series_assign
    from nghiquyet.figures.models import DataValue
    from nghiquyet.figures.services import values_bulk_create

    user_model = get_user_model()
    leader = user_model.objects.get(username="bithu")
    officer = user_model.objects.get(username="canbo")
    reporter = user_model.objects.get(username="truongban")
    commune = resolution.issuer
    units_by_type: dict[str, list[OrgUnit]] = {}
    for unit in OrgUnit.objects.filter(parent=commune).order_by("code"):
        units_by_type.setdefault(unit.type, []).append(unit)
    now = timezone.now()
    values: list[DataValue] = []
    series_list = list(DataSeries.objects.filter(resolution=resolution)
                       .prefetch_related("targets__indicator"))
    for series in series_list:
        key = _figure_key(series)
        if key is None:
            continue
        units = units_by_type.get(series.reporting_unit_type, [])
        for year, figure in zip(YEARS, COMMUNE_FIGURES[key], strict=True):
            rng = random.Random(f"{series.code}")  # same denominators every year
            if series.reporting_unit_type == commune.type or not units:
                cells = [(commune, _commune_cell(series, figure))]
            else:
                cells = list(zip(units, _split(series, figure, len(units), rng), strict=True))
            for i, (unit, parts) in enumerate(cells):
                status, submitted_by, approved = _demo_status(year, i, unit, commune)
                values.append(DataValue(
                    series=series, orgunit=unit, period=str(year), status=status,
                    is_estimate=year == 2026 and unit == commune,
                    note="Số liệu minh họa", version=1,
                    submitted_by=(reporter if unit.code == "SL-PK-B01" else officer)
                    if submitted_by else None,
                    approved_by=leader if approved else None, approved_at=now if approved else None,
                    updated_by=officer, **parts,
                ))
    values_bulk_create(actor=officer, values=values, reason="Dữ liệu minh họa")
    series_assign(resolution=resolution, series_ids=[s.pk for s in series_list],
                  officer=officer, actor=None)
    return len(values)


def _figure_key(series: DataSeries) -> tuple[int, int] | None:
    from nghiquyet.demo.figures import COMMUNE_FIGURES

    for target in series.targets.all():
        key = (target.indicator.number, target.position)
        if key in COMMUNE_FIGURES:
            return key
    return None


def _commune_cell(series: DataSeries, figure: float) -> dict[str, Decimal]:
    return {"value": Decimal(str(figure))}


def _split(series: DataSeries, figure: float, n: int, rng: Any) -> list[dict[str, Decimal]]:
    from nghiquyet.demo.figures import split_ratio, split_total, yes_flags

    if series.value_type == "yes_no":
        return [{"value": v} for v in yes_flags(figure, n)]
    if series.value_type == "ratio":
        low, high = (60, 220) if series.reporting_unit_type == "village" else (8, 30)
        return [{"numerator": a, "denominator": b} for a, b in split_ratio(figure, n, rng, low, high)]
    places = 0 if figure >= 100 else 1
    return [{"value": v} for v in split_total(figure, n, rng, places)]


def _demo_status(year: int, index: int, unit: OrgUnit, commune: OrgUnit) -> tuple[str, bool, bool]:
    """(status, submitted?, approved?) for the demo's workflow mix."""
    if year == 2025:
        return "approved", True, True
    if unit == commune:
        return ("approved", True, True) if index % 2 == 0 else ("submitted", True, False)
    if unit.code == "SL-PK-B01":
        return "draft", False, False  # the demo reporter's own village: still to send
    if index % 10 == 9:
        return "draft", False, False
    if index % 3 == 0:
        return "approved", True, True
    return "submitted", True, False
