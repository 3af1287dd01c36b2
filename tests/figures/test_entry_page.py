from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nghiquyet.figures.models import DataValue, SeriesAssignment
from nghiquyet.figures.store import rebuild_figures
from nghiquyet.orgunits.models import OrgUnitType
from nghiquyet.orgunits.services import orgunit_bulk_create
from nghiquyet.resolutions.models import DataSeries, Indicator, Target


@pytest.mark.django_db
def test_reporter_sees_their_villages_rows_with_last_year(client, assigned, series, tree, resolution):
    village = tree["villages"][0]
    DataValue.objects.create(series=series["grain"], orgunit=village, period="2025", year=2025,
                             value=D(1100), status="approved")
    rebuild_figures()  # written past the services: the stored figures are rebuilt
    client.force_login(assigned["bob"])
    html = client.get(reverse("figures:entry", args=[resolution.pk])
                      + "?period=2026").content.decode()
    assert "Bản Nà Sàng" in html
    assert html.count('class="entry-row') == DataSeries.objects.filter(
        resolution=resolution, reporting_unit_type="village").count()
    assert "Năm trước: <strong>1.100</strong>" in html
    assert 'hx-post="' in html and "htmx-2.0.11.min.js" in html


@pytest.mark.django_db
def test_cell_save_returns_the_row_and_updates_the_commune(client, assigned, series, tree, resolution):
    client.force_login(assigned["bob"])
    url = reverse("figures:entry_cell", args=[resolution.pk])
    response = client.post(url, {"series": series["grain"].pk, "unit": "SL-PK-B01",
                                 "period": "2026", "version": 0, "value": "1.320,5",
                                 "is_estimate": "on"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "Đã lưu" in html and 'value="1.320,5"' in html
    assert html.startswith("\n<form") or "<form" in html[:200]
    value = DataValue.objects.get()
    assert value.value == D("1320.5") and value.is_estimate and value.version == 1
    client.force_login(assigned["olga"])
    commune = client.get(reverse("figures:entry", args=[resolution.pk])
                         + "?unit=SL-PK&period=2026").content.decode()
    assert "Tổng hợp từ 1/2 đơn vị" in commune and "1.320,5" in commune


@pytest.mark.django_db
def test_cell_errors_are_shown_in_vietnamese(client, assigned, series, resolution):
    client.force_login(assigned["bob"])
    url = reverse("figures:entry_cell", args=[resolution.pk])
    response = client.post(url, {"series": series["grain"].pk, "unit": "SL-PK-B01",
                                 "period": "2026", "version": 0, "value": "12a"},
                           HTTP_HX_REQUEST="true")
    assert "không phải số" in response.content.decode()
    response = client.post(url, {"series": series["poverty"].pk, "unit": "SL-PK-B01",
                                 "period": "2026", "version": 0, "numerator": "30",
                                 "denominator": "20"}, HTTP_HX_REQUEST="true")
    assert "lớn hơn mẫu số" in response.content.decode()
    assert DataValue.objects.count() == 0


@pytest.mark.django_db
def test_stale_form_gets_a_conflict_message(client, assigned, series, resolution):
    client.force_login(assigned["bob"])
    url = reverse("figures:entry_cell", args=[resolution.pk])
    data = {"series": series["grain"].pk, "unit": "SL-PK-B01", "period": "2026", "version": 0}
    client.post(url, {**data, "value": "1"}, HTTP_HX_REQUEST="true")
    response = client.post(url, {**data, "value": "2"}, HTTP_HX_REQUEST="true")
    assert "vừa được người khác thay đổi" in response.content.decode()
    assert DataValue.objects.get().value == 1


@pytest.mark.django_db
def test_evidence_file_limits(client, assigned, series, resolution):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(assigned["bob"])
    url = reverse("figures:entry_cell", args=[resolution.pk])
    data = {"series": series["grain"].pk, "unit": "SL-PK-B01", "period": "2026", "version": 0,
            "value": "5"}
    response = client.post(url, {**data, "evidence": SimpleUploadedFile("x.exe", b"MZ")},
                           HTTP_HX_REQUEST="true")
    assert "chỉ nhận PDF" in response.content.decode()
    response = client.post(url, {**data, "evidence": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4")},
                           HTTP_HX_REQUEST="true")
    assert "Đã lưu" in response.content.decode()
    assert DataValue.objects.get().evidence.name.endswith(".pdf")


def _grow(resolution, tree, olga, n_series, n_units):
    units = orgunit_bulk_create(parent=tree["commune"], rows=[
        (f"G{n_series}-{i}", f"Bản {i}", OrgUnitType.VILLAGE) for i in range(n_units)])
    ind = Indicator.objects.create(resolution=resolution, number=70 + n_series, text="x")
    for k in range(n_series):
        s = DataSeries.objects.create(resolution=resolution, code=f"g{n_series}.{k}", name="x",
                                      unit="tấn", reporting_unit_type="village", aggregation="sum")
        SeriesAssignment.objects.create(user=olga, series=s)
        Target.objects.create(indicator=ind, position=k, kind="level", comparator=">=", value=1,
                              unit="tấn", year=2030, series=s)
        DataValue.objects.bulk_create(DataValue(series=s, orgunit=u, period="2026", year=2026,
                                                value=D(1)) for u in units)
    rebuild_figures()


@pytest.mark.django_db
def test_entry_page_query_count_is_bounded(client, assigned, series, tree, resolution):
    olga = assigned["olga"]
    client.force_login(olga)
    url = reverse("figures:entry", args=[resolution.pk]) + "?unit=SL-PK&period=2026"

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    _grow(resolution, tree, olga, 3, 3)
    small = count()
    _grow(resolution, tree, olga, 20, 60)
    assert count() == small
    assert small <= 15
