import json
from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nghiquyet.figures.models import DataValue
from nghiquyet.figures.store import rebuild_figures
from nghiquyet.orgunits.models import OrgUnitType
from nghiquyet.orgunits.services import orgunit_bulk_create
from nghiquyet.resolutions.models import DataSeries, Indicator, Target


@pytest.fixture
def demo(db):
    from nghiquyet.demo.services import load_demo

    return load_demo()


def _login(client, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))


@pytest.mark.django_db
def test_every_seed_target_has_an_explained_status(client, demo):
    _login(client, "bithu")
    response = client.get(reverse("assessment:dashboard", args=[demo.pk]) + "?year=2026"
                          "&figures=all")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="status-chip') == 37
    assert "18/24 chỉ tiêu đạt, vượt hoặc có khả năng đạt" in html
    assert "kể cả số liệu đang nhập và chờ duyệt" in html  # the page names its figures
    assert "thực hiện 2026: 45.200 tấn" in html  # grain, summed from 30 villages
    assert "Số liệu minh họa" in html
    assert html.count("<svg class=\"spark\"") == 37


@pytest.mark.django_db
def test_filters_by_group_and_status(client, demo):
    _login(client, "bithu")
    url = reverse("assessment:dashboard", args=[demo.pk])
    html = client.get(url + "?year=2026&group=a").content.decode()
    assert html.count('class="dash-ind"') == 5
    html = client.get(url + "?year=2026&status=missed").content.decode()
    assert html.count('class="dash-ind"') == 1 and "(12)" in html


@pytest.mark.django_db
def test_indicator_detail_breaks_down_by_village_worst_first(client, demo):
    _login(client, "bithu")
    response = client.get(reverse("assessment:indicator", args=[demo.pk, 7]) + "?year=2026"
                          "&figures=all")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Theo đơn vị trực thuộc" in html
    charts = json.loads(html.split('id="chart-data" type="application/json">')[1].split("</script>")[0])
    assert charts[0]["labels"][0] == "2025" and charts[0]["required"][-1] == 12.0
    assert charts[0]["actual"][:2] == [pytest.approx(19.8085, abs=1e-3), pytest.approx(17.8938, abs=1e-3)]
    assert html.count('<td class="card-title">Bản ') == 10  # the worst ten, then a link
    assert "Xem cả 30 đơn vị" in html
    everyone = client.get(reverse("assessment:indicator", args=[demo.pk, 7]) + "?year=2026"
                          "&figures=all&units=all").content.decode()
    assert everyone.count('<td class="card-title">Bản ') == 30
    assert "chart-4.6.1.umd.min.js" in html


@pytest.mark.django_db
def test_unknown_indicator_is_404(client, demo):
    _login(client, "bithu")
    assert client.get(reverse("assessment:indicator", args=[demo.pk, 99])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("username", "status"), [
    ("quantri", 200), ("bithu", 200), ("canbo", 200), ("truongban", 200), ("giamsat", 200)])
def test_every_demo_role_sees_the_dashboard(client, demo, username, status):
    _login(client, username)
    assert client.get(reverse("assessment:dashboard", args=[demo.pk])).status_code == status


@pytest.mark.django_db
def test_outsiders_are_refused(client, users, resolution):
    for name in ("charlie", "nobody"):
        client.force_login(users[name])
        assert client.get(reverse("assessment:dashboard", args=[resolution.pk])).status_code == 403
        assert client.get(reverse("assessment:indicator", args=[resolution.pk, 1])).status_code == 403
        assert client.get(f"/api/v1/resolutions/{resolution.pk}/assessment").status_code == 403
    client.logout()
    assert client.get(reverse("assessment:dashboard", args=[resolution.pk])).status_code == 302
    assert client.get(f"/api/v1/resolutions/{resolution.pk}/assessment").status_code == 401


@pytest.mark.django_db
def test_reporter_cannot_look_at_another_village(client, users, resolution, tree):
    client.force_login(users["bob"])
    url = reverse("assessment:dashboard", args=[resolution.pk])
    assert client.get(url + "?unit=SL-PK-B01").status_code == 200
    assert client.get(url + "?unit=SL-PK-B02").status_code == 403
    assert client.get(f"/api/v1/resolutions/{resolution.pk}/assessment?orgunit=SL-PK-B02").status_code == 403


def _grow(resolution, tree, n_targets, n_units):
    """Add targets and villages with values, to show the query count does not follow."""
    commune = tree["commune"]
    units = orgunit_bulk_create(parent=commune, rows=[
        (f"X{n_targets}-{i}", f"Bản thêm {i}", OrgUnitType.VILLAGE) for i in range(n_units)])
    ind = Indicator.objects.create(resolution=resolution, number=50 + n_targets, text="Thêm")
    for k in range(n_targets):
        s = DataSeries.objects.create(resolution=resolution, code=f"x{n_targets}.{k}", name="x",
                                      unit="tấn", reporting_unit_type="village", aggregation="sum")
        Target.objects.create(indicator=ind, position=k, kind="level", comparator=">=",
                              value=100, unit="tấn", year=2030, series=s)
        DataValue.objects.bulk_create([DataValue(series=s, orgunit=u, period=str(y), year=y,
                                                 value=D(k + y - 2024)) for u in units
                                       for y in (2025, 2026)])
    rebuild_figures()  # written past the services: the stored figures are rebuilt


def _dashboard_queries(client, resolution):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("assessment:dashboard", args=[resolution.pk]) + "?year=2026")
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_targets_or_units(client, users, resolution, tree):
    client.force_login(users["alice"])
    _grow(resolution, tree, 10, 5)
    small = _dashboard_queries(client, resolution)
    _grow(resolution, tree, 100, 500)
    assert Target.objects.filter(indicator__resolution=resolution).count() == 37 + 110
    large = _dashboard_queries(client, resolution)
    assert small == large
    assert large <= 15


@pytest.mark.django_db
def test_cli_assess_prints_every_target(demo, capsys):
    call_command("assess", str(demo.pk), "--year", "2026", "--json", "--all-figures")
    data = json.loads(capsys.readouterr().out)
    assert data["figures"] == "all" and data["forecast"] is False
    assert len(data["targets"]) == 37
    assert {"status", "ratio", "projected", "explanation"} <= set(data["targets"][0])
    grain = data["targets"][2]
    assert grain["status"] == "on_track" and grain["latest_value"] == 45200
    call_command("assess", str(demo.pk), "--year", "2026", "--all-figures")
    text = capsys.readouterr().out
    assert text.startswith("Số liệu sử dụng: tất cả số liệu")
    assert "từ 49.305 tấn trở lên" in text and "≥" not in text
    assert text.strip().endswith("18/24 chỉ tiêu đạt, vượt hoặc có khả năng đạt")


@pytest.mark.django_db
def test_cli_assess_refuses_bad_input(demo):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="ngoài nhiệm kỳ"):
        call_command("assess", str(demo.pk), "--year", "2040")
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command("assess", str(demo.pk), "--year", "2026", "--orgunit", "NOPE")


@pytest.mark.django_db
def test_api_assessment(client, demo):
    _login(client, "giamsat")
    data = client.get(f"/api/v1/resolutions/{demo.pk}/assessment?year=2026&figures=all").json()
    assert len(data["targets"]) == 37 and data["summary"].startswith("18/24")
    default = client.get(f"/api/v1/resolutions/{demo.pk}/assessment?year=2026").json()
    assert default["figures"] == "approved"
    assert default["figures_note"] == "Số liệu sử dụng: chỉ số liệu đã được phê duyệt."
    bad = client.get(f"/api/v1/resolutions/{demo.pk}/assessment?year=2026&figures=some")
    assert bad.status_code == 400 and "approved" in bad.json()["detail"]
    village = client.get(f"/api/v1/resolutions/{demo.pk}/assessment?year=2026&orgunit=SL-PK-B01")
    assert village.status_code == 200
    assert client.get(f"/api/v1/resolutions/{demo.pk}/assessment?year=2099").status_code == 400


@pytest.mark.django_db
def test_a_total_missing_villages_is_not_judged_as_a_decline(demo, capsys):
    # Approved figures only: in 2026 a third of the villages' grain is approved, so the
    # commune's total would read as a collapse. It is shown but left out of the judgement.
    call_command("assess", str(demo.pk), "--year", "2026", "--json", "--approved-only")
    grain = json.loads(capsys.readouterr().out)["targets"][2]
    assert grain["series"] == "2.1"
    assert grain["status"] == "no_data"
    assert grain["latest_year"] == 2025
