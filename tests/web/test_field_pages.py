"""The site on a phone in the field: no login page inside a row, Vietnamese error pages,
compressed pages, the installable app, search, the demo banner, a village's dashboard."""

import gzip
from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse

from nghiquyet.figures import services
from nghiquyet.figures.periods import parse_period
from nghiquyet.orgunits.models import OrgUnit

pytestmark = pytest.mark.django_db


def test_an_htmx_save_with_an_expired_session_gets_401_not_the_login_page(client, resolution):
    url = reverse("figures:entry_cell", args=[resolution.pk])
    response = client.post(url, {"series": 1}, HTTP_HX_REQUEST="true")
    assert response.status_code == 401
    assert response["HX-Reswap"] == "none"
    assert b"password" not in response.content
    # A page (not htmx) still goes to the login page.
    assert client.get(reverse("figures:entry", args=[resolution.pk])).status_code == 302


def test_csrf_failure_is_vietnamese_and_fits_a_phone(users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["alice"])
    response = client.post(reverse("logout"))
    body = response.content.decode()
    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in body and "Không có dữ liệu nào bị thay đổi" in body
    assert 'name="viewport"' in body and "CSRF" not in body
    assert response["X-Refused-Because"] == "csrf"  # the entry grid asks for a login


def test_not_found_and_server_error_pages_are_vietnamese(client, users, settings):
    settings.DEBUG = False
    client.force_login(users["alice"])
    body = client.get("/khong-co-trang-nay/").content.decode()
    assert "Không tìm thấy trang" in body and 'name="viewport"' in body
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert "Có lỗi trong hệ thống" in page and 'name="viewport"' in page


def test_pages_are_compressed(client, users, resolution):
    client.force_login(users["alice"])
    response = client.get(reverse("resolution_detail", args=[resolution.pk]),
                          HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content)
    assert len(response.content) < len(html) / 3
    assert len(html) < 100_000


def test_the_installable_app(client):
    manifest = client.get("/manifest.webmanifest").json()
    assert manifest["name"] == "Theo dõi Nghị quyết" and manifest["display"] == "standalone"
    worker = client.get("/sw.js")
    assert worker["Service-Worker-Allowed"] == "/"
    body = worker.content.decode()
    assert "/*PRECACHE*/[]" not in body and "/static/figures/entry.js" in body
    assert client.get("/favicon.ico")["Content-Type"] == "image/x-icon"
    assert client.get("/offline/").status_code == 200


def test_search_finds_targets_and_units_the_user_may_see(client, users, resolution, tree):
    client.force_login(users["bob"])
    body = client.get(reverse("search"), {"q": "lương thực"}).content.decode()
    assert "Sản lượng cây lương thực có hạt" in body
    body = client.get(reverse("search"), {"q": "Bản"}).content.decode()
    assert "Bản Nà Sàng" in body and "Bản Pá Khôm" not in body  # bob sees his village only
    assert "Bản Co Hịn" not in body
    client.force_login(users["charlie"])  # another commune: nothing of Phiêng Khoài
    body = client.get(reverse("search"), {"q": "lương thực"}).content.decode()
    assert "Sản lượng cây lương thực có hạt" not in body
    assert "Bản Nà Sàng" not in client.get(reverse("search"), {"q": "Nà Sàng"}).content.decode()


def test_a_village_head_follows_every_target_found_to_its_commune_page(client, users,
                                                                         resolution):
    """A village head's pages open on the village, which reports few of the commune's
    indicators: a target found by search opens at the commune (the issuer, open to every
    viewer of the resolution), never a 404."""
    import html
    import re

    client.force_login(users["bob"])
    body = client.get(reverse("search"), {"q": "năm"}).content.decode()
    links = {html.unescape(link) for link in
             re.findall(r'href="(/resolutions/\d+/indicators/[^"]+)"', body)}
    assert len(links) >= 5
    for link in links:
        assert link.endswith("?unit=SL-PK"), link
        assert client.get(link).status_code == 200, link


def test_the_demo_banner_shows_only_on_illustrative_figures(client, users, resolution, tree):
    client.force_login(users["alice"])
    url = reverse("assessment:dashboard", args=[resolution.pk])
    assert "illustrative-note" not in client.get(url).content.decode()
    village = tree["villages"][0]
    village.is_illustrative = True
    village.save()
    services.value_save(actor=users["admin"], series=resolution.series.get(code="2.1"),
                        orgunit=village, period=parse_period("2026"), value=D(5),
                        check_access=False)
    assert "illustrative-note" in client.get(url).content.decode()


def test_a_village_heads_dashboard_is_their_village_on_what_villages_report(
        client, users, resolution, tree):
    grain = resolution.series.get(code="2.1")
    grain.reporting_unit_type = "village"
    grain.save()
    client.force_login(users["bob"])
    response = client.get(reverse("assessment:dashboard", args=[resolution.pk]))
    ra = response.context["ra"]
    assert ra.unit == tree["villages"][0]
    kinds = {t.target.series.reporting_unit_type for i in ra.indicators for t in i.targets}
    assert kinds == {"village"}  # nothing a village never reports
    assert "2.1" in {t.target.series.code for i in ra.indicators for t in i.targets}
    assert response.context["unit"] == OrgUnit.objects.get(code="SL-PK-B01")
    # The commune's leader still opens on the commune, with every target.
    client.force_login(users["alice"])
    ra = client.get(reverse("assessment:dashboard", args=[resolution.pk])).context["ra"]
    assert ra.unit == tree["commune"] and len(ra.indicators) == 24


def test_a_form_posted_after_the_session_expired_returns_to_its_page_not_a_405(
        client, users, resolution):
    from nghiquyet.figures.models import DataValue

    value = DataValue.objects.create(series=resolution.series.get(code="2.1"),
                                     orgunit=OrgUnit.objects.get(code="SL-PK-B01"),
                                     period="2026", year=2026, value=D(1), status="submitted")
    page = reverse("figures:approvals", args=[resolution.pk]) + "?page=2"
    response = client.post(reverse("figures:value_decide", args=[value.pk, "approve"]),
                           HTTP_REFERER=f"http://testserver{page}")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=" + "%2Fresolutions%2F" + str(resolution.pk) \
        + "%2Fapprovals%2F%3Fpage%3D2"
    logged_in = client.post(response["Location"], {"username": "alice",
                                                   "password": "pw-alice"}, follow=True)
    assert logged_in.status_code == 200
    assert logged_in.redirect_chain[-1][0] == page
    # From another site's page, only the login page.
    response = client.post(reverse("figures:value_decide", args=[value.pk, "approve"]),
                           HTTP_REFERER="https://elsewhere.example/x")
    client.logout()
    response = client.post(reverse("figures:value_decide", args=[value.pk, "approve"]),
                           HTTP_REFERER="https://elsewhere.example/x")
    assert response["Location"] == "/login/"


def test_every_file_the_service_worker_keeps_exists(client):
    """One missing file and the worker never installs: the entry grid would not open offline."""
    import json
    import re

    body = client.get("/sw.js").content.decode()
    urls = json.loads(re.search(r"var PRECACHE = (\[.*?\]);", body).group(1))
    assert "/offline/" in urls and len(urls) >= 5
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
