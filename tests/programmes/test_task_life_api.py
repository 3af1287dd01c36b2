"""A task's whole life over the API, with refusals for the wrong role and subtree."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from nghiquyet.accounts.models import ApiToken, hash_token
from nghiquyet.programmes.models import ItemStatus, ProgrammeItem

pytestmark = pytest.mark.django_db


def _api(user: Any) -> Client:
    raw = ApiToken.new_key()
    ApiToken.objects.create(user=user, name="test", key_hash=hash_token(raw))
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def _post(client: Client, url: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(f"/api/v1{url}", body or {}, content_type="application/json")


def test_it_works(resolution: Any, units: dict[str, Any], users: dict[str, Any],
                  settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    olga, bob, alice = (_api(users[n]) for n in ("olga", "bob", "alice"))
    response = _post(olga, f"/resolutions/{resolution.pk}/programmes",
                     {"title": "Chương trình hành động", "number": "05-CTr/ĐU",
                      "issued_on": "2025-11-20"})
    assert response.status_code == 201
    programme_id = response.json()["id"]
    target = resolution.indicators.get(number=9).targets.get()
    response = _post(olga, f"/programmes/{programme_id}/items", {
        "number": "7.4", "content": "Xây dựng bản Nà Sàng đạt chuẩn nông thôn mới",
        "lead_unit": "SL-PK-B01", "coordinating_units": ["SL-PK-CQ02"], "when": "Năm 2027",
        "main_task": 3, "target_ids": [target.pk], "product": "Quyết định công nhận"})
    assert response.status_code == 201, response.json()
    item = response.json()
    assert (item["due_date"], item["status"], item["main_task"]) == (
        "2027-12-31", "not_started", 3)
    item_id = item["id"]
    response = _post(bob, f"/programme-items/{item_id}/updates",
                     {"on": "2026-10-01", "percent": 100, "text": "Đạt 19/19 tiêu chí"})
    assert response.status_code == 201 and response.json()["percent"] == 100
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = bob.post(f"/api/v1/programme-items/{item_id}/updates-with-evidence", {
        "percent": "100", "text": "Có quyết định công nhận", "on": "2026-10-05",
        "evidence": [SimpleUploadedFile("qd.pdf", b"%PDF-1.4"), SimpleUploadedFile("anh.jpg", b"x")]})
    assert response.status_code == 201, response.content
    assert _post(bob, f"/programme-items/{item_id}/propose").json()["proposed"] is True
    confirmed = _post(alice, f"/programme-items/{item_id}/confirm")
    assert confirmed.status_code == 200
    assert confirmed.json()["status"] == "done"
    updates = bob.get(f"/api/v1/programme-items/{item_id}/updates").json()
    assert [(u["percent"], u["author"], u["evidence"]) for u in updates] == [
        (100, "bob", ["qd.pdf", "anh.jpg"]), (100, "bob", [])]
    listed = alice.get(f"/api/v1/programmes/{programme_id}/items?status=done").json()
    assert [i["id"] for i in listed] == [item_id]
    notes = bob.get("/api/v1/notifications?unread=true").json()
    assert [n["kind"] for n in notes] == ["confirmed"]
    assert _post(bob, "/notifications/read", {}).json() == {"marked": 1}
    assert bob.get("/api/v1/notifications?unread=true").json() == []


@pytest.fixture
def proposed(item: Any, users: dict[str, Any]) -> Any:
    import datetime as dt

    from nghiquyet.programmes.services import completion_propose, progress_post

    progress_post(actor=users["olga"], item=item, on=dt.date(2026, 3, 1), text="Xong",
                  percent=100)
    return completion_propose(actor=users["olga"], item=item)


def test_it_checks_the_role(proposed: Any, users: dict[str, Any], programme: Any) -> None:
    sam, bob, olga = (_api(users[n]) for n in ("sam", "bob", "olga"))
    assert sam.get(f"/api/v1/programme-items/{proposed.pk}").status_code == 200
    assert _post(sam, f"/programme-items/{proposed.pk}/confirm").status_code == 403
    assert _post(olga, f"/programme-items/{proposed.pk}/confirm").status_code == 403  # four eyes
    assert _post(bob, f"/programme-items/{proposed.pk}/updates",
                 {"percent": 5, "text": "x"}).status_code == 403
    assert _post(sam, f"/programmes/{programme.pk}/items",
                 {"content": "x", "lead_unit": "SL-PK", "when": "Năm 2026"}).status_code == 403
    assert _post(bob, f"/resolutions/{programme.resolution_id}/programmes",
                 {"title": "x"}).status_code == 403
    assert ProgrammeItem.objects.get(pk=proposed.pk).status == ItemStatus.IN_PROGRESS


def test_it_checks_the_subtree(proposed: Any, users: dict[str, Any], programme: Any) -> None:
    charlie = _api(users["charlie"])
    assert charlie.get(f"/api/v1/programme-items/{proposed.pk}").status_code == 403
    assert charlie.get(f"/api/v1/programmes/{programme.pk}/items").status_code == 403
    assert _post(charlie, f"/programme-items/{proposed.pk}/confirm").status_code == 403
    assert charlie.get(f"/api/v1/resolutions/{programme.resolution_id}/programmes"
                       ).status_code == 403
    # A unit outside the resolution's issuer cannot lead one of its tasks.
    response = _post(_api(users["admin"]), f"/programmes/{programme.pk}/items",
                     {"content": "x", "lead_unit": "SL-CH-B01", "when": "Năm 2026"})
    assert response.status_code == 400
    assert "không thuộc" in response.json()["detail"]


def test_bad_input_is_explained(programme: Any, users: dict[str, Any]) -> None:
    response = _post(_api(users["olga"]), f"/programmes/{programme.pk}/items",
                     {"content": "x", "lead_unit": "KHONG-CO", "when": "sớm"})
    assert response.status_code == 400
    messages = [e["message"] for e in response.json()["errors"]]
    assert any("KHONG-CO" in m for m in messages) and any("Không hiểu thời gian" in m
                                                         for m in messages)
