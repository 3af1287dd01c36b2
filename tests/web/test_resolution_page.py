import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nghiquyet.resolutions.models import Indicator, Target


@pytest.fixture
def alice_client(client, users):
    client.force_login(users["alice"])
    return client


@pytest.mark.django_db
def test_it_shows_every_target_the_vietnamese_way(alice_client, resolution):
    response = alice_client.get(reverse("resolution_detail", args=[resolution.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    # Targets read as words in the page, the way the resolution writes them.
    for expected in ["từ 49.305 tấn trở lên", "dưới 12%", "5/7 trường",
                     "từ 115 đảng viên trở lên trong nhiệm kỳ", "hằng năm từ 40% trở lên",
                     "từ 925 triệu đồng trở lên",
                     "đến năm 2030", "Các chỉ tiêu về kinh tế", "Khâu đột phá", "Nhiệm vụ chủ yếu"]:
        assert expected in html, expected
    assert html.count('class="target"') == 37
    assert html.count('class="indicator"') == 24


def _page_queries(client, resolution):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("resolution_detail", args=[resolution.pk]))
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_targets(alice_client, resolution):
    before = _page_queries(alice_client, resolution)
    indicator = Indicator.objects.get(resolution=resolution, number=2)
    template = Target.objects.filter(indicator=indicator).first()
    for k in range(10, 40):
        Target.objects.create(indicator=indicator, position=k, label=f"Thêm {k}", kind="level",
                              comparator=">=", value=k, unit="tấn", year=2030,
                              series=template.series)
    Indicator.objects.create(resolution=resolution, number=99, text="Chỉ tiêu thêm",
                             group=indicator.group)
    assert _page_queries(alice_client, resolution) == before
    assert before <= 12


@pytest.mark.django_db
def test_registry_download(alice_client, resolution, seed_doc):
    from nghiquyet.lib.registry import compare_registries

    response = alice_client.get(reverse("registry_download", args=[resolution.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert compare_registries(seed_doc, response.json()) == []


@pytest.mark.django_db
def test_home_lists_the_resolution(alice_client, resolution):
    html = alice_client.get(reverse("home")).content.decode()
    assert resolution.title in html
    assert "24 chỉ tiêu, 37 mục tiêu đo được" in html
