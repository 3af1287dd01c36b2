"""Fixtures for the action programme: the commune's agencies (as in the demo), a
programme on the seed resolution, and one task led by the commune's People's Committee.

Users (tests/conftest.py): alice leads the commune, olga is its officer, bob reports
for village Nà Sàng, sam supervises the province, charlie leads another commune.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

DEMO_DATA = Path(__file__).resolve().parents[2] / "src" / "nghiquyet" / "demo" / "data"
AGENCIES = [
    ("SL-PK-CQ01", "Văn phòng Đảng ủy xã", "agency"),
    ("SL-PK-CQ02", "Ủy ban nhân dân xã", "agency"),
    ("SL-PK-CQ03", "Công an xã", "agency"),
    ("SL-PK-CQ04", "Ban Chỉ huy Quân sự xã", "agency"),
    ("SL-PK-CQ05", "Trạm Y tế xã", "agency"),
    ("SL-PK-TH06", "Trường PTDT bán trú THCS Phiêng Khoài", "school"),
    ("SL-PK-B06", "Bản Phiêng Ban", "village"),
    ("SL-PK-B07", "Bản Tà Phình", "village"),
    ("SL-PK-CB01", "Chi bộ bản Nà Sàng", "party_cell"),
]


@pytest.fixture
def units(tree: dict[str, Any]) -> dict[str, Any]:
    from nghiquyet.orgunits.services import orgunit_bulk_create

    made = orgunit_bulk_create(parent=tree["commune"], rows=AGENCIES)
    return {u.code: u for u in made} | {"village": tree["villages"][0],
                                        "commune": tree["commune"]}


@pytest.fixture
def programme(resolution: Any, users: dict[str, Any], units: dict[str, Any]) -> Any:
    from nghiquyet.programmes.services import programme_create

    return programme_create(actor=users["alice"], resolution=resolution,
                            title="Chương trình hành động", number="05-CTr/ĐU",
                            issued_on=dt.date(2025, 11, 20))


@pytest.fixture
def item(programme: Any, units: dict[str, Any], users: dict[str, Any]) -> Any:
    from nghiquyet.programmes.services import ItemSpec, item_create

    return item_create(actor=users["olga"], programme=programme, spec=ItemSpec(
        content="Xây dựng Kế hoạch chuyển đổi số", lead_unit=units["SL-PK-CQ02"],
        due_date=dt.date(2026, 3, 31), start_date=dt.date(2026, 1, 1), number="1.1",
        due_text="Quý I/2026", breakthrough=programme.resolution.breakthroughs.get(number=1)))


@pytest.fixture
def village_item(programme: Any, units: dict[str, Any], users: dict[str, Any]) -> Any:
    from nghiquyet.programmes.services import ItemSpec, item_create

    return item_create(actor=users["olga"], programme=programme, spec=ItemSpec(
        content="Bê tông hóa đường nội bản", lead_unit=units["village"],
        due_date=dt.date(2026, 9, 30), number="3.3"))
