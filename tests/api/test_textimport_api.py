"""API: read a resolution's text, and read and save it in one go. Every refusal is tested."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from nghiquyet.resolutions.models import ImportDraft, Resolution, Target
from tests.conftest import SEED_TXT

URL = "/api/v1/resolutions/read"
SEED_BYTES = SEED_TXT.read_bytes()


def _post(client, query="", data=SEED_BYTES, name="phieng-khoai.txt", **headers):
    return client.post(URL + query, {"file": SimpleUploadedFile(name, data)}, **headers)


@pytest.fixture
def alice(client, users):
    client.force_login(users["alice"])
    return client


@pytest.mark.django_db
def test_it_reads_without_saving(alice, seed_doc):
    from nghiquyet.lib.registry import compare_registries

    response = _post(alice)
    assert response.status_code == 200
    body = response.json()
    assert len(body["registry"]["indicators"]) == 24
    assert sum(len(i["targets"]) for i in body["registry"]["indicators"]) == 37
    assert compare_registries(seed_doc, body["registry"]) == []
    assert body["warnings"] == []
    assert Resolution.objects.count() == 0 and ImportDraft.objects.count() == 0


@pytest.mark.django_db
def test_warnings_name_their_indicator(alice):
    text = SEED_TXT.read_text(encoding="utf-8").replace("đào tạo đạt 30%.", "đào tạo tăng.")
    warnings = _post(alice, data=text.encode()).json()["warnings"]
    assert {"code": "no_figure", "indicator": 3} in [
        {"code": w["code"], "indicator": w["indicator"]} for w in warnings]
    assert all(w["message"] for w in warnings)


@pytest.mark.django_db
def test_it_reads_and_saves_in_one_go(alice, tree):
    response = _post(alice, "?save=true&orgunit=SL-PK")
    assert response.status_code == 201
    body = response.json()
    resolution = Resolution.objects.get(pk=body["id"])
    assert body["issuer_code"] == "SL-PK" and body["indicators"] == 24 and body["targets"] == 37
    assert resolution.issuer == tree["commune"]
    assert Target.objects.filter(indicator__resolution=resolution).count() == 37
    assert resolution.source_document.read() == SEED_BYTES


@pytest.mark.django_db
def test_an_admin_may_leave_the_unit_to_the_text(client, users, tree):
    client.force_login(users["admin"])
    response = _post(client, "?save=true")
    assert response.status_code == 201
    assert Resolution.objects.get().issuer == tree["commune"]


@pytest.mark.django_db
def test_a_text_that_cannot_be_saved_is_refused_with_paths(alice, tree):
    text = "Các chỉ tiêu chủ yếu (1 chỉ tiêu)\n(1) Tỷ lệ lao động qua đào tạo đạt 30%.\n"
    response = _post(alice, "?save=true&orgunit=SL-PK", data=text.encode())
    assert response.status_code == 400
    body = response.json()
    assert "chưa lưu gì" in body["detail"]
    paths = {e["path"] for e in body["errors"]}
    assert {"resolution.title", "resolution.term_start", "indicators[0].targets[0].year"} <= paths
    assert Resolution.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data", "message"), [
    ("rong.txt", b"", "Tệp “rong.txt” rỗng."),
    ("nhiphan.txt", b"\x00\x01\x02\x03" * 100, "“nhiphan.txt” là tệp nhị phân"),
    ("danhmuc.json", b"{}", "“danhmuc.json” chưa được hỗ trợ"),
    ("gia.pdf", "Không phải PDF".encode(), "“gia.pdf” không phải tệp .pdf hợp lệ"),
    ("an.txt", b"PK\x03\x04rest", "“an.txt” có đuôi .txt nhưng nội dung không phải"),
])
@pytest.mark.parametrize("query", ["", "?save=true&orgunit=SL-PK"])
def test_bad_files_are_refused_with_a_message(alice, tree, name, data, message, query):
    response = _post(alice, query, data=data, name=name)
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert Resolution.objects.count() == 0


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused(alice, tree, settings):
    settings.NGHIQUYET_MAX_UPLOAD_BYTES = 1024 * 1024
    response = _post(alice, data=b"a" * (1024 * 1024 + 1), name="lon.txt")
    assert response.status_code == 400
    assert "Tệp “lon.txt” quá lớn" in response.json()["detail"]


@pytest.mark.django_db
def test_a_file_is_required(alice, tree):
    assert alice.post(URL).status_code == 422


@pytest.mark.django_db
def test_an_unknown_unit_is_refused(alice, tree):
    response = _post(alice, "?save=true&orgunit=KHONG-CO")
    assert response.status_code == 400
    assert "KHONG-CO" in response.json()["detail"]


# --- who may ------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?save=true&orgunit=SL-PK"])
def test_anonymous_is_refused(client, tree, query):
    response = _post(client, query)
    assert response.status_code == 401
    assert "đăng nhập" in response.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["olga", "bob", "sam", "nobody"])
@pytest.mark.parametrize("query", ["", "?save=true&orgunit=SL-PK"])
def test_users_without_import_rights_are_refused(client, users, tree, username, query):
    client.force_login(users[username])
    response = _post(client, query)
    assert response.status_code == 403
    assert response.json()["detail"]
    assert Resolution.objects.count() == 0


@pytest.mark.django_db
def test_a_leader_cannot_save_for_a_unit_outside_their_subtree(client, users, tree):
    client.force_login(users["charlie"])
    assert _post(client).status_code == 200  # reading saves nothing, so any leader may
    assert _post(client, "?save=true&orgunit=SL-PK").status_code == 403
    assert _post(client, "?save=true&orgunit=SL").status_code == 403  # above them
    assert _post(client, "?save=true").status_code == 403  # no unit: admins only
    assert Resolution.objects.count() == 0


@pytest.mark.django_db
def test_token_auth_works(client, users, tree):
    from nghiquyet.accounts.models import ApiToken, hash_token

    raw = ApiToken.new_key()
    ApiToken.objects.create(user=users["alice"], name="test", key_hash=hash_token(raw))
    response = _post(client, "?save=true&orgunit=SL-PK", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 201


@pytest.mark.django_db
def test_it_is_documented(alice):
    paths = alice.get("/api/v1/openapi.json").json()["paths"]
    post = paths["/api/v1/resolutions/read"]["post"]
    assert {"200", "201", "400", "403"} <= set(post["responses"])
    assert {p["name"] for p in post["parameters"]} == {"save", "orgunit", "term"}


@pytest.mark.django_db
def test_it_names_the_layout_and_takes_a_term(alice):
    extract = (SEED_TXT.parents[1] / "corpus-layouts" / "12-na-pheo-2025-2030.txt").read_bytes()
    body = _post(alice, "?term=2025-2030", data=extract, name="na-pheo.txt").json()
    assert body["layout"] == "bullets"
    assert body["registry"]["resolution"]["term_end"] == 2030
    years = {t["year"] for i in body["registry"]["indicators"] for t in i["targets"]}
    assert years == {2028, 2030}


@pytest.mark.django_db
def test_a_malformed_term_is_refused(alice):
    response = _post(alice, "?term=2030-2025")
    assert response.status_code == 400
    assert "Nhiệm kỳ không hợp lệ" in response.json()["detail"]
