"""Official provinces and communes: lookup, `setup_unit`, the migration's code filling."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.audit.models import AuditEvent
from nghiquyet.orgunits import official
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.orgunits.services import UnitError, orgunit_setup_official


def test_the_list_has_every_province_and_commune() -> None:
    assert len(official.provinces()) == 34
    assert len(official.communes()) == 3321


@pytest.mark.parametrize("query", ["phieng khoai", "Phiêng Khoài", "xã phiêng khoài",
                                   "PHIENG  KHOAI", "04099", "4099", "Phieng Khoai, Son La"])
def test_a_commune_is_found_with_or_without_diacritics(query: str) -> None:
    found = official.find_communes(query)
    assert [(c.code, c.full_name, c.province.code) for c in found] == [
        ("04099", "Xã Phiêng Khoài", "14")]


def test_an_ambiguous_name_lists_the_candidates() -> None:
    found = official.find_communes("tan thanh")
    assert len(found) > 1
    assert all(official.fold(c.name) == "tan thanh" for c in found)
    narrowed = official.find_communes("tan thanh, ca mau")
    assert [c.code for c in narrowed] == ["32025"]


@given(st.text(max_size=40))
def test_any_text_gives_a_list_never_an_error(text: str) -> None:
    assert len(official.find_communes(text)) <= 20


@pytest.mark.django_db
def test_setup_unit_creates_the_province_and_the_commune() -> None:
    out = StringIO()
    call_command("setup_unit", "phieng", "khoai", stdout=out)
    commune = OrgUnit.objects.get(official_code="04099")
    assert (commune.name, commune.type, commune.parent.official_code, commune.parent.name) == (
        "Phiêng Khoài", "commune", "14", "Sơn La")
    assert "04099" in out.getvalue()
    call_command("setup_unit", "04099", stdout=StringIO())  # twice: nothing new
    assert OrgUnit.objects.count() == 2
    assert AuditEvent.objects.filter(action="orgunit.create").count() == 2


@pytest.mark.django_db
def test_setup_unit_names_the_candidates_when_ambiguous() -> None:
    with pytest.raises(CommandError, match="32025") as info:
        call_command("setup_unit", "tan thanh")
    assert "nhiều đơn vị" in str(info.value)
    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("setup_unit", "khong co xa nay")
    assert not OrgUnit.objects.exists()


@pytest.mark.django_db
def test_an_existing_unit_of_that_name_gets_the_code(tree: dict[str, Any]) -> None:
    commune = orgunit_setup_official(commune_code="04099", actor=None)
    assert commune.pk == tree["commune"].pk
    tree["province"].refresh_from_db()
    assert tree["province"].official_code == "14"


@pytest.mark.django_db
def test_only_a_system_admin_sets_up_units(users: dict[str, Any]) -> None:
    for name in ("alice", "sam", "nobody"):
        with pytest.raises(PermissionDenied):
            orgunit_setup_official(commune_code="03985", actor=users[name])
    orgunit_setup_official(commune_code="03985", actor=users["admin"])
    with pytest.raises(UnitError):
        orgunit_setup_official(commune_code="99999", actor=users["admin"])
