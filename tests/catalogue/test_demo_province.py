"""The demo's two extra communes: their registries, figures and mappings."""

import json

import pytest
from django.urls import reverse

from nghiquyet.catalogue.models import TargetMapping
from nghiquyet.demo.province import COMMUNES, province_registry
from nghiquyet.figures.models import DataValue
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.resolutions.models import Resolution
from tests.catalogue.conftest import EA_KHUONG, NAM_KHOA


@pytest.mark.parametrize(("filename", "source", "name"), [
    ("chieng-sai-2025-2030.registry.json", NAM_KHOA, "Chiềng Sại"),
    ("muong-khoa-2025-2030.registry.json", EA_KHUONG, "Mường Khoa"),
])
def test_packaged_copies_differ_from_the_corpus_only_in_the_issuer(filename, source, name):
    copy, corpus = province_registry(filename), json.loads(source.read_text(encoding="utf-8"))
    mine, theirs = copy.pop("resolution"), corpus.pop("resolution")
    assert copy == corpus
    assert mine["issuer"] == f"Đảng bộ xã {name}" and mine["province"] == "Sơn La"
    assert name in mine["title"]
    assert {k: v for k, v in mine.items() if k not in ("issuer", "province", "title")} == \
        {k: v for k, v in theirs.items() if k not in ("issuer", "province", "title")}


@pytest.fixture
def demo(db):
    from nghiquyet.demo.province import load_demo_province
    from nghiquyet.demo.services import load_demo

    seed = load_demo()
    load_demo_province(seed.issuer.parent)
    return seed


@pytest.mark.django_db
def test_the_demo_province_has_three_communes_to_compare(client, demo):
    from django.contrib.auth import get_user_model

    for spec in COMMUNES:
        commune = OrgUnit.objects.get(code=spec["code"])
        assert commune.is_illustrative and commune.parent.code == "SL"
        assert OrgUnit.objects.filter(parent=commune, type="village").count() == \
            len(spec["villages"])
        resolution = Resolution.objects.get(issuer=commune)
        assert DataValue.objects.filter(series__resolution=resolution,
                                        orgunit=commune).count() >= 2 * 18
    assert TargetMapping.objects.filter(target__indicator__resolution=demo).count() >= 28
    client.force_login(get_user_model().objects.get(username="giamsat"))
    url = reverse("catalogue:province", args=["SL"]) + "?year=2026"
    html = client.get(url).content.decode()
    assert "Số liệu sử dụng: chỉ số liệu đã được phê duyệt." in html  # the shared default
    html = client.get(url + "&figures=all").content.decode()
    assert "3 xã có nghị quyết" in html
    assert html.count('class="cmp-ind"') >= 15
    # Phiêng Khoài, as on its dashboard with the same figures
    assert "18/24 chỉ tiêu đạt, vượt hoặc có khả năng đạt" in html
    assert "tên minh họa" in html and "Số liệu minh họa" in html


@pytest.mark.django_db
def test_loading_the_province_twice_is_harmless(demo):
    from nghiquyet.demo.province import load_demo_province

    assert load_demo_province(OrgUnit.objects.get(code="SL")) == []
    assert OrgUnit.objects.filter(code="SL-CS").count() == 1
    assert Resolution.objects.count() == 3


@pytest.mark.django_db
def test_approved_only_leaves_out_the_2026_estimates(demo):
    from nghiquyet.catalogue.selectors import province_comparison, province_resolutions

    province = OrgUnit.objects.get(code="SL")
    resolutions = province_resolutions(province)
    for approved_only, year in ((False, 2026), (True, 2025)):
        cmp = province_comparison(province, resolutions, 2026, approved_only=approved_only)
        poverty = next(s for s in cmp.shared if s.entry.code == "ho-ngheo")
        row = next(r for r in poverty.rows if r.commune.unit.code == "SL-CS")
        assert row.assessed.assessment.latest_year == year
