"""No 500 from any input (issue 10, item 4): NUL, bounds, NaN/Infinity, deep JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db

DEEP = b"[" * 100_000 + b"]" * 100_000


def _json(client: Any, url: str, body: bytes | str) -> Any:
    return client.post(url, body, content_type="application/json")


@pytest.mark.parametrize("url", [
    "/api/v1/orgunits?type=a%00b", "/api/v1/resolutions?q=%00", "/?q=%00",
    "/api/v1/orgunits/SL%00"])
def test_nul_in_query_or_path_is_refused(client: Any, users: Any, url: str) -> None:
    client.force_login(users["alice"])
    response = client.get(url)
    assert response.status_code in (400, 404)
    if url.startswith("/api/"):
        assert response.json()["detail"]


def test_nul_in_json_string_field_is_refused(client: Any, assigned: Any, resolution: Any) -> None:
    client.force_login(assigned["bob"])
    body = json.dumps({"series_code": "2.1", "orgunit": "SL-PK-B01", "period": "2026",
                       "value": 5, "note": "a\u0000b", "version": 0})
    response = _json(client, f"/api/v1/resolutions/{resolution.pk}/values", body)
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


def test_nul_in_form_field_is_refused(client: Any, users: Any) -> None:
    client.force_login(users["alice"])
    response = client.post("/i18n/setlang/", {"language": "vi\x00"})
    assert response.status_code == 400


@pytest.mark.parametrize("offset", ["-1", str(10**19)])
@pytest.mark.parametrize("path", ["/api/v1/orgunits", "/api/v1/resolutions/{rid}/values"])
def test_out_of_range_offsets_are_422(client: Any, users: Any, resolution: Any, offset: str,
                                      path: str) -> None:
    client.force_login(users["alice"])
    response = client.get(path.format(rid=resolution.pk) + f"?offset={offset}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["path"].endswith("offset")


@pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_non_finite_json_numbers_are_refused(client: Any, assigned: Any, resolution: Any,
                                             raw: str) -> None:
    client.force_login(assigned["bob"])
    body = ('{"series_code": "2.1", "orgunit": "SL-PK-B01", "period": "2026", "version": 0, '
            f'"value": {raw}}}')
    response = _json(client, f"/api/v1/resolutions/{resolution.pk}/values", body)
    assert response.status_code == 400
    assert "hữu hạn" in response.json()["detail"]


@pytest.mark.parametrize("raw", ["NaN", "inf", "-Infinity", "1e400", "snan"])
def test_non_finite_number_strings_are_refused(client: Any, assigned: Any, resolution: Any,
                                               raw: str) -> None:
    client.force_login(assigned["bob"])
    body = json.dumps({"series_code": "2.1", "orgunit": "SL-PK-B01", "period": "2026",
                       "version": 0, "value": raw})
    response = _json(client, f"/api/v1/resolutions/{resolution.pk}/values", body)
    assert response.status_code == 400, response.content


def test_deep_json_body_is_refused(client: Any, assigned: Any, resolution: Any) -> None:
    client.force_login(assigned["bob"])
    response = _json(client, f"/api/v1/resolutions/{resolution.pk}/values", DEEP)
    assert response.status_code == 400
    assert "tầng" in response.json()["detail"]


def test_deep_registry_is_refused_on_every_path(client: Any, users: Any, tree: Any,
                                                tmp_path: Path) -> None:
    client.force_login(users["admin"])
    web = client.post("/resolutions/import/", {
        "file": SimpleUploadedFile("deep.json", DEEP, "application/json"),
        "orgunit": tree["commune"].pk})
    assert web.status_code == 400 and "tầng" in web.content.decode()
    api = client.post("/api/v1/resolutions/import", {
        "file": SimpleUploadedFile("deep.json", DEEP, "application/json")})
    assert api.status_code == 400 and "tầng" in api.json()["detail"]
    path = tmp_path / "deep.json"
    path.write_bytes(DEEP)
    with pytest.raises(CommandError, match="tầng"):
        call_command("import_registry", str(path), "--orgunit", "SL-PK", stdout=io.StringIO())


def test_nan_registry_is_refused(client: Any, users: Any, tree: Any) -> None:
    client.force_login(users["admin"])
    response = client.post("/api/v1/resolutions/import", {
        "file": SimpleUploadedFile("nan.json", b'{"format": NaN}', "application/json")})
    assert response.status_code == 400 and "NaN" in response.json()["detail"]


def test_api_docs_need_login_and_use_vendored_files(client: Any, users: Any) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 302 and "/login" in response["Location"]
    assert client.get("/api/v1/openapi.json").status_code == 302
    client.force_login(users["bob"])
    response = client.get("/api/v1/docs")
    html = response.content.decode()
    assert response.status_code == 200
    assert "cdn" not in html.lower() and "swagger-ui-5.35.0/swagger-ui-bundle.js" in html
    assert "<script>" not in html  # no inline script: the settings are a JSON data block


def test_every_operation_documents_json_errors(client: Any, users: Any) -> None:
    client.force_login(users["bob"])
    schema = client.get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status in ("400", "401", "403", "404", "422"):
                content = operation["responses"][status]["content"]["application/json"]
                assert content["schema"]["$ref"].startswith("#/components/schemas/"), \
                    (path, method, status)


def test_ids_the_database_cannot_hold_are_no_server_error(client: Any, users: Any) -> None:
    client.force_login(users["admin"])
    response = _json(client, "/api/v1/notifications/read", '{"ids": [100000000000000000000]}')
    # SQLite cannot bind it (422); PostgreSQL compares it as a numeric and finds nothing
    assert response.status_code in (200, 422) and response.json()
