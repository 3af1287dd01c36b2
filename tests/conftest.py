"""Shared fixtures. Named users per role, healthchecks-style:

- alice: leader of Phiêng Khoài commune (views the subtree, approves)
- olga: officer of the commune
- bob: reporter of one village (that unit only)
- sam: supervisor of the province (read-only)
- charlie: a leader of another commune, with no access to Phiêng Khoài
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_TXT = SHARED / "seed" / "phieng-khoai-2025-2030.txt"
SEED_REGISTRY = SHARED / "seed" / "phieng-khoai-2025-2030.expected.json"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # PBKDF2's deliberate slowness would cost seconds per test for every user made.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def seed_doc() -> dict[str, Any]:
    return json.loads(SEED_REGISTRY.read_text(encoding="utf-8"))


@pytest.fixture
def seed_doc_copy(seed_doc: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(seed_doc)


@pytest.fixture
def tree(db: Any) -> dict[str, Any]:
    from nghiquyet.orgunits.models import OrgUnitType
    from nghiquyet.orgunits.services import orgunit_bulk_create, orgunit_create

    province = orgunit_create(code="SL", name="Sơn La", type=OrgUnitType.PROVINCE)
    commune = orgunit_create(code="SL-PK", name="Phiêng Khoài", type=OrgUnitType.COMMUNE,
                             parent=province)
    other = orgunit_create(code="SL-CH", name="Chiềng Hặc", type=OrgUnitType.COMMUNE,
                           parent=province)
    villages = orgunit_bulk_create(parent=commune, rows=[
        ("SL-PK-B01", "Bản Nà Sàng", OrgUnitType.VILLAGE),
        ("SL-PK-B02", "Bản Pá Khôm", OrgUnitType.VILLAGE),
    ])
    other_village = orgunit_create(code="SL-CH-B01", name="Bản Co Hịn", type=OrgUnitType.VILLAGE,
                                   parent=other)
    return {"province": province, "commune": commune, "other": other,
            "villages": villages, "other_village": other_village}


@pytest.fixture
def resolution(tree: dict[str, Any], seed_doc: dict[str, Any]) -> Any:
    from nghiquyet.resolutions.services import registry_import

    return registry_import(doc=seed_doc, issuer=tree["commune"])


def _user(username: str, role: str | None, unit: Any, superuser: bool = False) -> Any:
    from django.contrib.auth import get_user_model

    from nghiquyet.accounts.models import RoleAssignment

    user = get_user_model().objects.create_user(username=username, password="pw-" + username,
                                                is_superuser=superuser, is_staff=superuser)
    if role:
        RoleAssignment.objects.create(user=user, role=role, orgunit=unit)
    return user


@pytest.fixture
def users(tree: dict[str, Any]) -> dict[str, Any]:
    return {
        "admin": _user("admin", "admin", tree["province"]),
        "alice": _user("alice", "leader", tree["commune"]),
        "olga": _user("olga", "officer", tree["commune"]),
        "bob": _user("bob", "reporter", tree["villages"][0]),
        "sam": _user("sam", "supervisor", tree["province"]),
        "charlie": _user("charlie", "leader", tree["other"]),
        "nobody": _user("nobody", None, None),
    }


# --- the `slow` marker ------------------------------------------------------------
# Browser tests, PDF conversions (LibreOffice) and tests that build the whole demo take
# most of the suite's time. They are marked here, in one place, so that
# `./scripts/test -m "not slow"` is a fast loop; CI runs everything.
_SLOW_FIXTURES = {"demo", "demo_reports", "demo_doc", "demo_workbook", "live_demo", "page"}
_SLOW_FILE_WORDS = ("test_pdf", "_from_demo", "test_load_demo", "test_bench_", "test_journey",
                    "test_go_live", "test_schemathesis", "test_backup")


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    slow = pytest.mark.slow
    for item in items:
        name = Path(str(item.fspath)).name
        if (
            item.get_closest_marker("browser")
            or "/browser/" in str(item.fspath)
            or any(word in name for word in _SLOW_FILE_WORDS)
            or _SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        ):
            item.add_marker(slow)
