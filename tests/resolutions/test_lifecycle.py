"""A resolution read twice, new versions, rename, archive, and never deleting one with
figures. Every refusal is tested."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nghiquyet.catalogue.selectors import province_resolutions
from nghiquyet.figures.models import DataValue, SeriesAssignment
from nghiquyet.resolutions.models import ImportDraft, Resolution
from nghiquyet.resolutions.services import (
    DuplicateResolution,
    ResolutionInUse,
    registry_import,
    resolution_delete,
    resolution_rename,
    resolution_set_archived,
)
from tests.conftest import SEED_TXT

pytestmark = pytest.mark.django_db


def _upload(client: Any, tree: dict[str, Any]) -> Any:
    return client.post(reverse("resolutions:read_upload"), {
        "file": SimpleUploadedFile("phieng-khoai.txt", SEED_TXT.read_bytes()),
        "orgunit": tree["commune"].pk})


def test_a_second_import_is_refused_before_saving(resolution: Any, tree: dict[str, Any],
                                                  seed_doc: dict[str, Any]) -> None:
    with pytest.raises(DuplicateResolution) as info:
        registry_import(doc=seed_doc, issuer=tree["commune"])
    assert info.value.existing == [resolution]
    assert Resolution.objects.count() == 1
    other = registry_import(doc=seed_doc, issuer=tree["other"])  # another commune: fine
    assert other.version == 1


def test_a_new_version_takes_over_the_figures(resolution: Any, users: dict[str, Any],
                                              tree: dict[str, Any],
                                              seed_doc: dict[str, Any]) -> None:
    series = resolution.series.first()
    value = DataValue.objects.create(series=series, orgunit=tree["commune"], period="2026",
                                     year=2026, value=Decimal(7))
    SeriesAssignment.objects.create(user=users["olga"], series=series)
    new = registry_import(doc=seed_doc, issuer=tree["commune"], new_version_of=resolution,
                          actor=users["alice"])
    resolution.refresh_from_db()
    value.refresh_from_db()
    assert (new.version, new.previous, new.is_current, resolution.is_current) == (
        2, resolution, True, False)
    assert value.series.resolution == new
    assert SeriesAssignment.objects.get(user=users["olga"]).series.resolution == new
    assert province_resolutions(tree["province"]) == [new]


def test_the_web_prompts_and_the_reviewer_chooses(client: Any, users: dict[str, Any],
                                                  tree: dict[str, Any]) -> None:
    client.force_login(users["alice"])
    first = _upload(client, tree)
    assert first.url == reverse("resolutions:read_review", args=[ImportDraft.objects.get().pk])
    second = _upload(client, tree)  # an unsaved draft of the same resolution exists
    draft = ImportDraft.objects.order_by("-pk").first()
    assert second.url == reverse("resolutions:read_duplicate", args=[draft.pk])
    page = client.get(second.url).content.decode()
    assert "Thay bản nháp chưa lưu" in page and "Hủy" in page
    client.post(second.url, {"choice": "replace_draft"})
    assert list(ImportDraft.objects.all()) == [draft]
    resolution = registry_import(doc=draft.registry, issuer=tree["commune"])
    page = client.get(reverse("resolutions:read_duplicate", args=[draft.pk])).content.decode()
    assert "Lưu thành phiên bản mới" in page
    client.post(reverse("resolutions:read_duplicate", args=[draft.pk]),
                {"choice": "new_version", "resolution": resolution.pk})
    draft.refresh_from_db()
    assert draft.new_version_of == resolution
    third = _upload(client, tree)
    assert "duplicate" in third.url
    client.post(third.url, {"choice": "cancel"})
    assert ImportDraft.objects.count() == 1


def test_saving_a_draft_that_repeats_a_resolution_asks_first(client: Any, users: dict[str, Any],
                                                             tree: dict[str, Any]) -> None:
    from nghiquyet.resolutions.forms_read import flatten

    client.force_login(users["alice"])
    _upload(client, tree)
    draft = ImportDraft.objects.get()
    registry_import(doc=draft.registry, issuer=tree["commune"])  # saved meanwhile elsewhere
    data = flatten(draft.registry, draft.version)
    data["action"] = "save"
    response = client.post(reverse("resolutions:read_review", args=[draft.pk]), data)
    assert response.url == reverse("resolutions:read_duplicate", args=[draft.pk])
    assert Resolution.objects.count() == 1


def test_the_web_json_upload_refuses_a_duplicate(client: Any, users: dict[str, Any],
                                                 resolution: Any, tree: dict[str, Any],
                                                 seed_doc: dict[str, Any]) -> None:
    import json

    client.force_login(users["alice"])
    post = {"file": SimpleUploadedFile("r.json", json.dumps(seed_doc).encode()),
            "orgunit": tree["commune"].pk}
    response = client.post(reverse("registry_upload"), post)
    assert response.status_code == 400 and "đã có" in response.content.decode()
    post["file"] = SimpleUploadedFile("r.json", json.dumps(seed_doc).encode())
    post["new_version"] = "on"
    assert client.post(reverse("registry_upload"), post).status_code == 302
    assert Resolution.objects.filter(is_current=True).get().version == 2


def test_rename_archive_and_delete(client: Any, users: dict[str, Any], resolution: Any,
                                   tree: dict[str, Any]) -> None:
    client.force_login(users["alice"])
    url = reverse("resolutions:manage", args=[resolution.pk])
    client.post(url, {"action": "rename", "title": "Nghị quyết mới"})
    client.post(url, {"action": "archive", "reason": "nhập nhầm"})
    resolution.refresh_from_db()
    assert resolution.title == "Nghị quyết mới" and resolution.archived_at is not None
    assert province_resolutions(tree["province"]) == []
    assert resolution.pk not in [r.pk for r in client.get(reverse("home")).context["resolutions"]]
    archived = client.get(reverse("home"), {"archived": "1"}).context["resolutions"]
    assert [r.pk for r in archived] == [resolution.pk]
    DataValue.objects.create(series=resolution.series.first(), orgunit=tree["commune"],
                             period="2026", year=2026, value=Decimal(1))
    client.post(url, {"action": "delete", "confirm": "1"})
    assert Resolution.objects.filter(pk=resolution.pk).exists()
    with pytest.raises(ResolutionInUse):
        resolution_delete(resolution=resolution, actor=users["alice"])


def test_a_resolution_without_figures_can_be_deleted(client: Any, users: dict[str, Any],
                                                     resolution: Any) -> None:
    client.force_login(users["alice"])
    url = reverse("resolutions:manage", args=[resolution.pk])
    client.post(url, {"action": "delete"})  # not confirmed
    assert Resolution.objects.exists()
    assert client.post(url, {"action": "delete", "confirm": "1"}).url == reverse("home")
    assert not Resolution.objects.exists()


@pytest.mark.parametrize("username", ["olga", "bob", "sam", "charlie"])
def test_others_cannot_manage_a_resolution(client: Any, users: dict[str, Any], resolution: Any,
                                           username: str) -> None:
    client.force_login(users[username])
    url = reverse("resolutions:manage", args=[resolution.pk])
    assert client.post(url, {"action": "rename", "title": "X"}).status_code in (403, 404)
    with pytest.raises(PermissionDenied):
        resolution_rename(resolution=resolution, title="X", actor=users[username])
    with pytest.raises(PermissionDenied):
        resolution_set_archived(resolution=resolution, archived=True, actor=users[username])
    with pytest.raises(PermissionDenied):
        resolution_delete(resolution=resolution, actor=users[username])
    resolution.refresh_from_db()
    assert resolution.title != "X" and resolution.archived_at is None
