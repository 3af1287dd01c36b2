import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from nghiquyet.accounts.models import RoleAssignment
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import Target
from tests.conftest import SEED_REGISTRY


@pytest.mark.django_db
def test_load_demo_creates_the_commune(capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    commune = OrgUnit.objects.get(code="SL-PK")
    assert commune.parent.name == "Sơn La"
    children = OrgUnit.objects.filter(parent=commune)
    counts = {t: children.filter(type=t).count() for t in ("village", "party_cell", "school", "agency")}
    assert counts == {"village": 30, "party_cell": 42, "school": 7, "agency": 5}
    assert all(u.is_illustrative for u in children)
    assert Target.objects.filter(indicator__resolution__issuer=commune).count() == 37
    roles = set(RoleAssignment.objects.values_list("role", flat=True))
    assert roles == {"admin", "leader", "officer", "reporter", "supervisor"}
    for username in ("quantri", "bithu", "canbo", "truongban", "giamsat"):
        assert username in out
        assert get_user_model().objects.get(username=username).check_password("nghiquyet2025")
    assert "nghiquyet2025" in out


@pytest.mark.django_db
def test_load_demo_twice_is_harmless(capsys):
    call_command("load_demo")
    call_command("load_demo")
    assert "đã có sẵn" in capsys.readouterr().out
    assert OrgUnit.objects.filter(code="SL-PK").count() == 1


def test_packaged_seed_is_the_shared_seed():
    from nghiquyet.demo.services import seed_registry

    assert seed_registry() == json.loads(SEED_REGISTRY.read_text(encoding="utf-8"))
