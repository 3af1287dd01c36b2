import copy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from nghiquyet.accounts.models import ApiToken, hash_token
from nghiquyet.resolutions.models import Resolution

ENDPOINTS = [
    "/api/v1/resolutions", "/api/v1/resolutions/{id}", "/api/v1/resolutions/{id}/indicators",
    "/api/v1/resolutions/{id}/targets", "/api/v1/resolutions/{id}/registry",
    "/api/v1/orgunits", "/api/v1/orgunits/SL-PK",
]


def _token(user):
    raw = ApiToken.new_key()
    ApiToken.objects.create(user=user, name="test", key_hash=hash_token(raw))
    return raw


@pytest.mark.django_db
@pytest.mark.parametrize("url", ENDPOINTS)
def test_anonymous_is_refused(client, resolution, url):
    response = client.get(url.format(id=resolution.pk))
    assert response.status_code == 401
    assert "đăng nhập" in response.json()["detail"]


@pytest.mark.django_db
def test_bad_token_is_refused(client, resolution):
    response = client.get("/api/v1/resolutions", HTTP_AUTHORIZATION="Bearer nq_wrong")
    assert response.status_code == 401


@pytest.mark.django_db
def test_token_auth_reads_the_resolution(client, users, resolution):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {_token(users['alice'])}"}
    listed = client.get("/api/v1/resolutions", **headers).json()
    assert [r["id"] for r in listed] == [resolution.pk]
    detail = client.get(f"/api/v1/resolutions/{resolution.pk}", **headers).json()
    assert len(detail["indicators"]) == 24
    assert sum(len(i["targets"]) for i in detail["indicators"]) == 37
    first = detail["indicators"][1]["targets"][0]
    assert first["value"] == 49305 and first["display"] == "từ 49.305 tấn trở lên"
    targets = client.get(f"/api/v1/resolutions/{resolution.pk}/targets", **headers).json()
    assert len(targets) == 37


@pytest.mark.django_db
def test_session_auth_works(client, users, resolution):
    client.force_login(users["sam"])
    assert client.get(f"/api/v1/resolutions/{resolution.pk}/indicators").status_code == 200
    units = client.get("/api/v1/orgunits").json()
    assert {u["code"] for u in units} >= {"SL", "SL-PK", "SL-CH", "SL-PK-B01"}


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["charlie", "nobody"])
def test_outsider_is_refused(client, users, resolution, username):
    client.force_login(users[username])
    for url in ENDPOINTS[1:5]:
        assert client.get(url.format(id=resolution.pk)).status_code == 403
    assert client.get("/api/v1/orgunits/SL-PK").status_code == 403
    assert client.get("/api/v1/resolutions").json() == []


@pytest.mark.django_db
def test_reporter_sees_only_their_unit(client, users, tree):
    client.force_login(users["bob"])
    assert [u["code"] for u in client.get("/api/v1/orgunits").json()] == ["SL-PK-B01"]
    assert client.get("/api/v1/orgunits/SL-PK-B02").status_code == 403


@pytest.mark.django_db
def test_registry_export_and_import(client, users, resolution, tree, seed_doc):
    from nghiquyet.lib.registry import compare_registries

    client.force_login(users["alice"])
    doc = client.get(f"/api/v1/resolutions/{resolution.pk}/registry").json()
    assert compare_registries(seed_doc, doc) == []
    upload = SimpleUploadedFile("r.json", json.dumps(doc).encode())
    response = client.post("/api/v1/resolutions/import?orgunit=SL-PK", {"file": upload})
    assert response.status_code == 409  # the same resolution: refused, naming it
    assert f"new_version_of={resolution.pk}" in response.json()["detail"]
    upload = SimpleUploadedFile("r.json", json.dumps(doc).encode())
    response = client.post(
        f"/api/v1/resolutions/import?orgunit=SL-PK&new_version_of={resolution.pk}",
        {"file": upload})
    assert response.status_code == 201
    assert Resolution.objects.count() == 2
    assert Resolution.objects.get(is_current=True).version == 2
    listed = {r["id"]: r for r in client.get("/api/v1/resolutions").json()}
    assert (listed[resolution.pk]["is_current"], listed[resolution.pk]["version"]) == (False, 1)
    assert [r["version"] for r in listed.values() if r["is_current"]] == [2]


@pytest.mark.django_db
def test_api_import_refuses_bad_documents_with_paths(client, users, tree, seed_doc):
    client.force_login(users["alice"])
    doc = copy.deepcopy(seed_doc)
    doc["indicators"][0]["targets"][0]["kind"] = "speed"
    upload = SimpleUploadedFile("r.json", json.dumps(doc).encode())
    response = client.post("/api/v1/resolutions/import?orgunit=SL-PK", {"file": upload})
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == "indicators[0].targets[0].kind"
    assert Resolution.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(("username", "orgunit"), [
    ("charlie", "SL-PK"), ("olga", "SL-PK"), ("bob", "SL-PK"), ("alice", None),
])
def test_api_import_refusals(client, users, tree, seed_doc, username, orgunit):
    client.force_login(users[username])
    upload = SimpleUploadedFile("r.json", json.dumps(seed_doc).encode())
    url = "/api/v1/resolutions/import" + (f"?orgunit={orgunit}" if orgunit else "")
    assert client.post(url, {"file": upload}).status_code == 403
    assert Resolution.objects.count() == 0


@pytest.mark.django_db
def test_openapi_document_is_published(client, users):
    assert client.get("/api/v1/openapi.json").status_code == 302  # for logged-in users only
    client.force_login(users["bob"])
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/resolutions/{resolution_id}/targets" in paths


@pytest.mark.django_db
def test_create_api_token_command(client, users, resolution, capsys):
    from django.core.management import call_command

    call_command("create_api_token", "alice", "đồng bộ")
    raw = capsys.readouterr().out.strip()
    assert raw.startswith("nq_")
    assert ApiToken.objects.get().key_hash != raw  # only the hash is kept
    response = client.get("/api/v1/resolutions", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert [r["id"] for r in response.json()] == [resolution.pk]
