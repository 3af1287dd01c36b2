"""Importing a programme table: the demo's .docx and .xlsx become the same items, the
review page lets units and dates be fixed, and nothing is saved until all is right."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from nghiquyet.audit.models import AuditEvent
from nghiquyet.programmes.example import HEADER
from nghiquyet.programmes.models import Programme, ProgrammeDraft, ProgrammeItem, Recurrence
from tests.programmes.conftest import DEMO_DATA
from tests.programmes.test_tables import _xlsx

pytestmark = pytest.mark.django_db


def _upload(client: Client, resolution: Any, name: str, data: bytes | None = None) -> Any:
    data = data if data is not None else (DEMO_DATA / name).read_bytes()
    return client.post(reverse("programmes:import_upload", args=[resolution.pk]),
                       {"file": SimpleUploadedFile(name, data)})


def _import(client: Client, resolution: Any, name: str) -> Programme:
    response = _upload(client, resolution, name)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = ProgrammeDraft.objects.latest("id")
    review = client.get(response["Location"])
    assert review.status_code == 200
    # The demo names "Văn phòng Đảng ủy", "UBND xã"...: all lead units match but none.
    post: dict[str, str] = {"action": "save"}
    for index, item in enumerate(draft.data["items"]):
        if item["lead_unit"] is None:
            post[f"lead_{index}"] = str(item["lead_suggestions"][0][0])
    response = client.post(reverse("programmes:import_review", args=[draft.pk]), post)
    assert response.status_code == 302, response.context and response.context["errors"]
    return Programme.objects.latest("id")


def _items(programme: Programme) -> list[tuple[Any, ...]]:
    return [(i.number, i.content, i.lead_unit.code, i.due_date, i.start_date, i.recurrence,
             i.recurrence_quarter, i.product, i.breakthrough_id, i.main_task_id,
             sorted(u.code for u in i.coordinating_units.all()), i.coordinating_text,
             sorted(t.pk for t in i.targets.all()))
            for i in programme.items.order_by("position").select_related("lead_unit")]


def test_docx_and_xlsx_import_to_the_same_items(resolution: Any, units: dict[str, Any],
                                                users: dict[str, Any]) -> None:
    client = Client()
    client.force_login(users["olga"])
    from_docx = _import(client, resolution, "chuong-trinh-hanh-dong.docx")
    from_xlsx = _import(client, resolution, "chuong-trinh-hanh-dong.xlsx")
    assert _items(from_docx) == _items(from_xlsx)
    assert from_docx.items.count() >= 25
    assert (from_docx.number, from_docx.issued_on) == ("05-CTr/ĐU", dt.date(2025, 11, 20))
    first = from_docx.items.get(number="1.1")
    assert (first.lead_unit.code, first.due_date, first.breakthrough.number) == (
        "SL-PK-CQ01", dt.date(2026, 3, 31), 1)
    assert [u.code for u in first.coordinating_units.all()] == ["SL-PK-CQ02", "SL-PK-CQ03"]
    yearly = from_docx.items.get(number="1.2")
    assert (yearly.recurrence, yearly.recurrence_quarter, yearly.due_date) == (
        Recurrence.YEARLY, 4, dt.date(2026, 12, 31))
    served = from_docx.items.get(number="1.3")
    assert {t.indicator.number for t in served.targets.all()} == {10, 11}
    assert from_docx.items.get(number="5.1").main_task.number == 1
    assert from_docx.items.get(number="3.2").coordinating_text == "Mặt trận Tổ quốc xã; các bản"
    assert AuditEvent.objects.filter(action="programme.import").count() == 2
    assert not ProgrammeDraft.objects.exists()


def test_the_review_asks_for_missing_units_and_keeps_the_draft(
        resolution: Any, units: dict[str, Any], users: dict[str, Any]) -> None:
    client = Client()
    client.force_login(users["olga"])
    _upload(client, resolution, "ct.xlsx", _xlsx([
        list(HEADER), ["1", "Khâu đột phá (3): Giao thông"],
        ["1.1", "Bê tông hóa đường nội bản", "Nà Sàng", "UBND xã", "Quý III/2026", "Đường"],
        ["1.2", "Lập danh mục tuyến đường", "UBND xã", "Các bản", "Quý V/2026", "Danh mục"]]))
    draft = ProgrammeDraft.objects.get()
    first, second = draft.data["items"]
    # "Nà Sàng" is the village and its Party cell alike: suggested, not chosen.
    assert first["lead_unit"] is None
    assert {units["village"].pk, units["SL-PK-CB01"].pk} <= {s[0] for s in first["lead_suggestions"]}
    assert second["lead_unit"] == units["SL-PK-CQ02"].pk and "error" in second["when"]
    response = client.post(reverse("programmes:import_review", args=[draft.pk]), {"action": "save"})
    assert response.status_code == 400
    errors = response.context["errors"]
    assert errors == [
        "Tệp ct.xlsx, dòng 3, cột “Cơ quan chủ trì”: chưa chọn đơn vị cho “Nà Sàng”.",
        "Tệp ct.xlsx, dòng 4, cột “Thời gian hoàn thành”: " + second["when"]["error"]]
    assert not Programme.objects.exists() and not ProgrammeItem.objects.exists()
    # Fixing the date is kept in the draft and understood; then it saves.
    client.post(reverse("programmes:import_review", args=[draft.pk]),
                {"action": "draft", "when_1": "Tháng 2/2026"})
    draft.refresh_from_db()
    assert draft.data["items"][1]["when"]["due"] == "2026-02-28"
    response = client.post(reverse("programmes:import_review", args=[draft.pk]),
                           {"action": "save", "lead_0": str(units["village"].pk)})
    assert response.status_code == 302
    assert [(i.lead_unit, i.breakthrough.number) for i in ProgrammeItem.objects.all()] == [
        (units["village"], 3), (units["SL-PK-CQ02"], 3)]


def test_upload_errors_are_clear(resolution: Any, units: dict[str, Any],
                                 users: dict[str, Any], settings: Any) -> None:
    client = Client()
    client.force_login(users["olga"])
    response = _upload(client, resolution, "ct.docx", b"not a document")
    assert response.status_code == 400
    assert "“ct.docx”: không phải tệp .docx hợp lệ" in response.content.decode()
    settings.NGHIQUYET_MAX_UPLOAD_BYTES = 100
    response = _upload(client, resolution, "chuong-trinh-hanh-dong.xlsx")
    assert "lớn quá giới hạn" in response.content.decode()
    assert not ProgrammeDraft.objects.exists()


def test_import_checks_role_and_subtree(resolution: Any, units: dict[str, Any],
                                        users: dict[str, Any]) -> None:
    for name in ("bob", "sam", "charlie"):
        client = Client()
        client.force_login(users[name])
        assert _upload(client, resolution, "chuong-trinh-hanh-dong.xlsx").status_code == 403
    client = Client()
    client.force_login(users["olga"])
    _upload(client, resolution, "chuong-trinh-hanh-dong.xlsx")
    draft = ProgrammeDraft.objects.get()
    other = Client()
    other.force_login(users["alice"])  # someone else's draft is not found
    assert other.get(reverse("programmes:import_review", args=[draft.pk])).status_code == 404
