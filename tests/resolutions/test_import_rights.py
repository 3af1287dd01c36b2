"""Who may import a resolution for which issuer: one rule (access.can_import_resolution),
refused on every path: the services themselves, the web upload forms (registry file and
text), the API (registry file and text) and the command line."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from nghiquyet.accounts import access
from nghiquyet.resolutions import import_drafts
from nghiquyet.resolutions.models import ImportDraft, Resolution
from nghiquyet.resolutions.services import registry_import
from tests.conftest import SEED_TXT

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("username", "unit", "allowed"), [
    ("admin", "commune", True), ("admin", None, True),
    ("alice", "commune", True), ("alice", "villages", True), ("alice", None, False),
    ("alice", "other", False), ("olga", "commune", False), ("bob", "commune", False),
    ("sam", "commune", False), ("charlie", "commune", False), ("nobody", "commune", False),
])
def test_the_rule(users: dict[str, Any], tree: dict[str, Any], username: str,
                  unit: str | None, allowed: bool) -> None:
    issuer = None if unit is None else tree[unit]
    if isinstance(issuer, list):
        issuer = issuer[0]
    assert access.can_import_resolution(users[username], issuer) is allowed


@pytest.mark.parametrize("username", ["charlie", "olga", "bob", "sam", "nobody"])
def test_the_service_refuses(users: dict[str, Any], tree: dict[str, Any],
                             seed_doc: dict[str, Any], username: str) -> None:
    with pytest.raises(PermissionDenied):
        registry_import(doc=seed_doc, issuer=tree["commune"], actor=users[username])
    assert not Resolution.objects.exists()


def test_the_service_refuses_a_leader_without_a_unit(users: dict[str, Any],
                                                     seed_doc: dict[str, Any]) -> None:
    with pytest.raises(PermissionDenied):
        registry_import(doc=seed_doc, issuer=None, actor=users["alice"])
    assert not Resolution.objects.exists()


def test_the_service_imports_for_a_leader(users: dict[str, Any], tree: dict[str, Any],
                                          seed_doc: dict[str, Any]) -> None:
    resolution = registry_import(doc=seed_doc, issuer=tree["commune"], actor=users["alice"])
    assert resolution.issuer == tree["commune"]


def _draft(actor: Any, issuer: Any) -> ImportDraft:
    return import_drafts.draft_create(actor=actor, filename="pk.txt", source=b"",
                                      text=SEED_TXT.read_text(encoding="utf-8"), issuer=issuer)


def test_the_draft_import_refuses(users: dict[str, Any], tree: dict[str, Any]) -> None:
    # A draft whose issuer lies outside the actor's subtree is never saved.
    draft = _draft(users["charlie"], tree["commune"])
    with pytest.raises(PermissionDenied):
        import_drafts.draft_import(draft=draft, actor=users["charlie"])
    assert ImportDraft.objects.filter(pk=draft.pk).exists()
    assert not Resolution.objects.exists()


def test_the_web_registry_upload_refuses(client: Any, users: dict[str, Any],
                                         tree: dict[str, Any], seed_doc: dict[str, Any]) -> None:
    client.force_login(users["charlie"])
    upload = SimpleUploadedFile("r.json", json.dumps(seed_doc).encode())
    response = client.post(reverse("registry_upload"),
                           {"file": upload, "orgunit": tree["commune"].pk})
    assert response.status_code == 400
    assert not Resolution.objects.exists()


def test_the_web_text_upload_refuses(client: Any, users: dict[str, Any],
                                     tree: dict[str, Any]) -> None:
    client.force_login(users["alice"])
    upload = SimpleUploadedFile("pk.txt", SEED_TXT.read_bytes())
    response = client.post(reverse("resolutions:read_upload"), {"file": upload})
    assert response.status_code == 400  # a leader must name the unit
    assert not ImportDraft.objects.exists()


def test_the_api_refuses(client: Any, users: dict[str, Any], tree: dict[str, Any],
                         seed_doc: dict[str, Any]) -> None:
    client.force_login(users["charlie"])
    for url in ("/api/v1/resolutions/import?orgunit=SL-PK", "/api/v1/resolutions/import"):
        upload = SimpleUploadedFile("r.json", json.dumps(seed_doc).encode())
        assert client.post(url, {"file": upload}).status_code == 403
    assert not Resolution.objects.exists()


def test_the_text_api_refuses(client: Any, users: dict[str, Any], tree: dict[str, Any]) -> None:
    client.force_login(users["charlie"])
    for url in ("/api/v1/resolutions/read?save=true&orgunit=SL-PK",
                "/api/v1/resolutions/read?save=true"):
        upload = SimpleUploadedFile("pk.txt", SEED_TXT.read_bytes())
        assert client.post(url, {"file": upload}).status_code == 403, url
    assert not Resolution.objects.exists()


def test_the_command_refuses_a_named_user(users: dict[str, Any], tree: dict[str, Any],
                                          seed_doc: dict[str, Any], tmp_path: Any) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(seed_doc), encoding="utf-8")
    with pytest.raises(CommandError, match="không có quyền"):
        call_command("import_registry", str(path), "--orgunit", "SL-PK", "--user", "charlie")
    assert not Resolution.objects.exists()
    out = StringIO()
    call_command("import_registry", str(path), "--orgunit", "SL-PK", "--user", "alice", stdout=out)
    assert Resolution.objects.get().issuer == tree["commune"]
