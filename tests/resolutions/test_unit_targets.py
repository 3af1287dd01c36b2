"""A unit's own targets: set by a leader over it (audited), used by its report and pages;
without one, a total is "chưa giao mục tiêu cho đơn vị", never the commune's number."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from nghiquyet.assessment.selectors import assess_resolution
from nghiquyet.audit.models import AuditEvent
from nghiquyet.figures.store import rebuild_figures
from nghiquyet.reports.selectors import report_data
from nghiquyet.resolutions.models import DataSeries, Target, UnitTarget
from nghiquyet.resolutions.unit_targets import unit_target_clear, unit_target_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def grain(resolution):
    series = DataSeries.objects.get(resolution=resolution, code="2.1")
    series.reporting_unit_type, series.aggregation = "village", "sum"
    series.save()
    rebuild_figures(series_ids=[series.pk])
    return Target.objects.get(series=series, indicator__number=2)


def _village_target(unit, resolution, target):
    ra = assess_resolution(resolution, unit, 2026)
    return next(t for t in ra.targets if t.target.pk == target.pk)


def test_a_leader_sets_a_villages_own_target_and_its_report_uses_it(users, tree, resolution,
                                                                    grain):
    village = tree["villages"][0]
    before = _village_target(village, resolution, grain)
    assert before.no_unit_target and before.status_label == "Chưa giao mục tiêu"
    assert before.assessment.explanation == "chưa giao mục tiêu cho đơn vị"
    data = report_data(resolution, village, "2026")
    row = next(t for t in data.targets() if t.label == grain.label)
    assert row.target_text == "chưa giao mục tiêu cho đơn vị" and row.percent_of_target is None
    unit_target_set(actor=users["alice"], target=grain, orgunit=village, value=D(1650))
    after = _village_target(village, resolution, grain)
    assert not after.no_unit_target and after.text == "từ 1.650 tấn trở lên"
    data = report_data(resolution, village, "2026")
    row = next(t for t in data.targets() if t.label == grain.label)
    assert row.target_text == "từ 1.650 tấn trở lên" and row.target_value == 1650
    event = AuditEvent.objects.get(action="unit_target.set")
    assert event.actor == users["alice"] and event.new["value"] == "1650"


def test_only_a_leader_over_the_unit_sets_it(users, tree, grain):
    village = tree["villages"][0]
    for name in ("bob", "olga", "charlie", "sam"):
        with pytest.raises(PermissionDenied):
            unit_target_set(actor=users[name], target=grain, orgunit=village, value=D(1))
    with pytest.raises(PermissionDenied):  # the issuer's targets are the resolution's
        unit_target_set(actor=users["alice"], target=grain, orgunit=tree["commune"], value=D(1))
    ut = unit_target_set(actor=users["alice"], target=grain, orgunit=village, value=D(5))
    with pytest.raises(PermissionDenied):
        unit_target_clear(actor=users["bob"], unit_target=ut)
    unit_target_clear(actor=users["alice"], unit_target=ut)
    assert not UnitTarget.objects.exists()
    assert AuditEvent.objects.filter(action="unit_target.clear").count() == 1


def test_the_page_sets_and_clears_in_vietnamese_numbers(client, users, tree, resolution, grain):
    village = tree["villages"][0]
    url = reverse("resolutions:unit_targets", args=[resolution.pk])
    client.force_login(users["bob"])
    assert client.get(url).status_code == 403
    client.force_login(users["alice"])
    page = client.get(url + f"?unit={village.code}")
    assert page.status_code == 200 and f'name="t{grain.pk}"' in page.content.decode()
    bad = client.post(url, {"unit": village.code, f"t{grain.pk}": "12,5,3"})
    assert bad.status_code == 400 and "không phải số" in bad.content.decode()
    assert not UnitTarget.objects.exists()
    saved = client.post(url, {"unit": village.code, f"t{grain.pk}": "1.650"})
    assert saved.status_code == 302
    assert UnitTarget.objects.get().value == 1650
    client.post(url, {"unit": village.code, f"t{grain.pk}": ""})
    assert not UnitTarget.objects.exists()


def test_the_villages_dashboard_says_no_target_was_set(client, users, tree, resolution, grain):
    client.force_login(users["alice"])
    url = reverse("assessment:dashboard", args=[resolution.pk])
    html = client.get(url + f"?unit={tree['villages'][0].code}&year=2026").content.decode()
    assert "Chưa giao mục tiêu" in html and "chưa giao mục tiêu cho đơn vị" in html
