"""Who may build which report: the page, the API and the command line.

alice leads Phiêng Khoài, sam supervises the province, bob reports for one village,
charlie leads another commune, nobody has no role (tests/conftest.py)."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from docx import Document

from nghiquyet.audit.models import AuditEvent
from nghiquyet.documents import pdf_available

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _page(resolution):
    return reverse("reports:report", args=[resolution.pk])


def _api(resolution, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/api/v1/resolutions/{resolution.pk}/report?{query}"


def _form(**changes):
    # The fixture has no figures: every period is built on "ước thực hiện", so the page
    # warns first and builds once confirmed (test_a_period_without_figures_warns_first).
    data = {"orgunit": "SL-PK", "period": "2026", "figures": "approved", "format": "docx",
            "report_date": "2026-12-20", "number": "", "signer_name": "",
            "confirm_forecast": "on"}
    return {**data, **changes}


def test_a_period_without_figures_warns_first(client, users, resolution):
    client.force_login(users["alice"])
    unconfirmed = {k: v for k, v in _form(period="nhiem-ky").items() if k != "confirm_forecast"}
    response = client.post(_page(resolution), unconfirmed)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Cảnh báo:" in html and "chưa đánh giá được" in html
    assert 'name="confirm_forecast"' in html
    assert not AuditEvent.objects.filter(action="report.build").exists()
    built = client.post(_page(resolution), _form(period="nhiem-ky"))
    assert built["Content-Type"] == DOCX


# --- the page ----------------------------------------------------------------------------


def test_the_page_asks_for_a_login(client, resolution):
    response = client.get(_page(resolution))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.post(_page(resolution), _form()).status_code == 302


@pytest.mark.parametrize("username", ["charlie", "nobody"])
def test_the_page_checks_ownership(client, users, resolution, username):
    client.force_login(users[username])
    assert client.get(_page(resolution)).status_code == 403
    assert client.post(_page(resolution), _form()).status_code == 403
    assert not AuditEvent.objects.filter(action="report.build").exists()


def test_it_works(client, users, resolution):
    client.force_login(users["alice"])
    page = client.get(_page(resolution))
    assert page.status_code == 200
    html = page.content.decode()
    for words in ("Lập báo cáo", "Đơn vị", "Kỳ báo cáo", "Chỉ số liệu đã được phê duyệt",
                  "6 tháng đầu năm 2026", "Giữa nhiệm kỳ 2025-2030", "Tải báo cáo"):
        assert words in html, words
    response = client.post(_page(resolution), _form(number="12", signer_name="Lò Văn Bình"))
    assert response.status_code == 200 and response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-SL-PK-2026.docx"'
    doc = Document(io.BytesIO(response.content))
    assert doc.tables[0].cell(1, 0).text == "Số 12-BC/ĐU"
    event = AuditEvent.objects.get(action="report.build")
    assert event.actor == users["alice"] and event.orgunit.code == "SL-PK"
    assert event.new["period"] == "2026" and event.new["format"] == "docx"
    assert "Lập báo cáo" in client.get(_page(resolution)).content.decode()  # listed as recent


def test_the_detail_page_links_to_it(client, users, resolution):
    client.force_login(users["alice"])
    html = client.get(reverse("resolution_detail", args=[resolution.pk])).content.decode()
    assert f'href="{_page(resolution)}"' in html


def test_a_village_reporter_reports_on_their_village_only(client, users, resolution):
    client.force_login(users["bob"])
    html = client.get(_page(resolution)).content.decode()
    assert "Bản Nà Sàng" in html and "Bản Pá Khôm" not in html
    refused = client.post(_page(resolution), _form())  # the commune is not a choice for bob
    assert refused.status_code == 400
    built = client.post(_page(resolution), _form(orgunit="SL-PK-B01", format="xlsx"))
    assert built["Content-Type"] == XLSX
    assert built["Content-Disposition"].endswith('filename="bieu-tong-hop-SL-PK-B01-2026.xlsx"')


def test_the_province_supervisor_reports_on_the_commune(client, users, resolution):
    client.force_login(users["sam"])
    response = client.post(_page(resolution), _form(figures="all", period="giua-nhiem-ky-2028"))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('"bao-cao-SL-PK-giua-nhiem-ky-2028.docx"')


def test_bad_choices_show_the_form_again(client, users, resolution):
    client.force_login(users["alice"])
    response = client.post(_page(resolution), _form(period="2031", format="odt",
                                                     report_date="31/02/2026"))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert not AuditEvent.objects.filter(action="report.build").exists()


def test_without_libreoffice_the_page_says_so(client, users, resolution, monkeypatch):
    monkeypatch.setenv("NGHIQUYET_SOFFICE", "/nonexistent/soffice")
    client.force_login(users["alice"])
    html = client.get(_page(resolution)).content.decode()
    assert "chưa cài LibreOffice" in html and 'value="pdf"' not in html


# --- the API -----------------------------------------------------------------------------


def test_the_api_refuses_anonymous(client, resolution):
    response = client.get(_api(resolution, period="2026"))
    assert response.status_code == 401 and "đăng nhập" in response.json()["detail"]


@pytest.mark.parametrize("username", ["charlie", "nobody"])
def test_the_api_checks_ownership(client, users, resolution, username):
    client.force_login(users[username])
    response = client.get(_api(resolution, period="2026"))
    assert response.status_code == 403 and "quyền" in response.json()["detail"]


def test_the_api_works(client, users, resolution):
    client.force_login(users["alice"])
    docx = client.get(_api(resolution, orgunit="SL-PK", period="2026", format="docx"))
    assert docx.status_code == 200 and docx["Content-Type"] == DOCX
    assert docx["Content-Disposition"] == 'attachment; filename="bao-cao-SL-PK-2026.docx"'
    xlsx = client.get(_api(resolution, period="2026H1", format="xlsx", figures="all",
                           date="2026-07-05"))
    assert xlsx.status_code == 200 and xlsx["Content-Type"] == XLSX
    assert xlsx["Content-Disposition"].endswith('"bieu-tong-hop-SL-PK-2026H1.xlsx"')
    assert AuditEvent.objects.filter(action="report.build", actor=users["alice"]).count() == 2


@pytest.mark.parametrize(("params", "words"), [
    ({"period": "2031"}, "nằm ngoài nhiệm kỳ"),
    ({"period": "abc"}, "không hợp lệ"),
    ({}, "Thiếu kỳ báo cáo"),
    ({"period": "2026", "format": "odt"}, "Định dạng “odt”"),
    ({"period": "2026", "figures": "some"}, "Bộ số liệu “some” không hợp lệ"),
    ({"period": "2026", "date": "20/13/2026"}, "Ngày báo cáo"),
])
def test_the_api_explains_bad_input(client, users, resolution, params, words):
    client.force_login(users["alice"])
    response = client.get(_api(resolution, **params))
    assert response.status_code == 400 and words in response.json()["detail"]


def test_the_api_scopes_units(client, users, resolution):
    client.force_login(users["bob"])
    assert client.get(_api(resolution, period="2026", orgunit="SL-PK")).status_code == 403
    assert client.get(_api(resolution, period="2026", orgunit="SL-CH-B01")).status_code == 404
    assert client.get(_api(resolution, period="2026", orgunit="SL-PK-B01")).status_code == 200
    assert client.get(f"/api/v1/resolutions/{resolution.pk + 99}/report?period=2026"
                      ).status_code == 404


@pytest.mark.skipif(not pdf_available(), reason="LibreOffice is not installed")
def test_the_api_makes_a_pdf(client, users, resolution):
    client.force_login(users["sam"])
    response = client.get(_api(resolution, period="nhiem-ky", format="pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content[:5] == b"%PDF-"
    assert response["Content-Disposition"].endswith('"bao-cao-SL-PK-nhiem-ky.pdf"')


def test_the_api_says_when_pdf_is_unavailable(client, users, resolution, monkeypatch):
    monkeypatch.setenv("NGHIQUYET_SOFFICE", "/nonexistent/soffice")
    client.force_login(users["alice"])
    response = client.get(_api(resolution, period="2026", format="pdf"))
    assert response.status_code == 503
    assert "LibreOffice" in response.json()["detail"] and "Word" in response.json()["detail"]
    assert not AuditEvent.objects.filter(action="report.build").exists()


# --- the command line --------------------------------------------------------------------


def test_the_command_finds_the_resolution_or_says_why(resolution, tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy nghị quyết “999”"):
        call_command("build_report", "999", "--period", "2026", "-o", str(tmp_path / "x"))
    with pytest.raises(CommandError, match="Không tìm thấy nghị quyết “Nghị quyết khác”"):
        call_command("build_report", "Nghị quyết khác", "--period", "2026")


@pytest.mark.parametrize(("username", "words"), [
    ("charlie", "không có quyền xem nghị quyết"),
    ("nobody", "không có quyền xem nghị quyết"),
    ("ghost", "Không có người dùng “ghost”"),
])
def test_the_command_checks_the_user(users, resolution, tmp_path, username, words):
    with pytest.raises(CommandError, match=words):
        call_command("build_report", str(resolution.pk), "--period", "2026",
                     "--user", username, "-o", str(tmp_path / "x.docx"))
    assert not (tmp_path / "x.docx").exists()


def test_the_command_works(users, resolution, tmp_path):
    out = tmp_path / "baocao.xlsx"
    call_command("build_report", resolution.title, "--period", "2026", "--format", "xlsx",
                 "--user", "alice", "--all-figures", "--date", "2026-12-20", "-o", str(out))
    assert out.read_bytes()[:2] == b"PK"
    event = AuditEvent.objects.get(action="report.build")
    assert event.actor == users["alice"] and event.new["approved_only"] is False
    with pytest.raises(CommandError, match="Không có đơn vị mã “SL-CH”"):
        call_command("build_report", str(resolution.pk), "--period", "2026",
                     "--orgunit", "SL-CH", "-o", str(out))
    with pytest.raises(CommandError, match="không có quyền xem số liệu của đơn vị"):
        call_command("build_report", str(resolution.pk), "--period", "2026", "--user", "bob",
                     "--orgunit", "SL-PK", "-o", str(out))
    with pytest.raises(CommandError, match="Kỳ báo cáo"):
        call_command("build_report", str(resolution.pk), "--period", "2024", "-o", str(out))
