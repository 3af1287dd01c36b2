"""A task's whole life on the web: create, update, propose complete, confirm; and the
refusals for the wrong role and the wrong subtree."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from nghiquyet.audit.models import AuditEvent
from nghiquyet.programmes.models import ItemStatus, Notification, ProgrammeItem

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_works(programme: Any, units: dict[str, Any], users: dict[str, Any],
                  settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    olga, bob, alice = (_client(users[n]) for n in ("olga", "bob", "alice"))
    # Create: the commune officer adds a task led by village Nà Sàng.
    response = olga.post(reverse("programmes:item_create", args=[programme.pk]), {
        "number": "3.3", "content": "Bê tông hóa đường nội bản Nà Sàng",
        "anchor": "b3", "lead_unit": units["village"].pk,
        "coordinating_units": [units["SL-PK-CQ02"].pk], "when_text": "Quý III/2026",
        "product": "Tuyến đường được nghiệm thu"})
    item = ProgrammeItem.objects.get(programme=programme)
    assert response.status_code == 302 and response["Location"] == reverse(
        "programmes:item", args=[item.pk])
    assert (item.due_date, item.start_date, item.breakthrough.number) == (
        dt.date(2026, 9, 30), dt.date(2026, 7, 1), 3)
    assert item.status == ItemStatus.NOT_STARTED
    # Update: the village reporter posts progress with an evidence file.
    response = bob.post(reverse("programmes:item_update", args=[item.pk]), {
        "on": "2026-08-10", "percent": "60", "text": "Đã đổ bê tông 700 m",
        "evidence": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 ...")})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.percent, item.last_update_by) == (
        ItemStatus.IN_PROGRESS, 60, users["bob"])
    evidence = item.updates.get().evidence.get()
    assert evidence.name == "bien-ban.pdf"
    assert alice.get(reverse("programmes:evidence", args=[evidence.pk])).status_code == 200
    # Propose: the reporter asks for confirmation; the leader is notified.
    bob.post(reverse("programmes:item_update", args=[item.pk]), {
        "on": "2026-09-20", "percent": "100", "text": "Hoàn thành 1,2 km"})
    response = bob.post(reverse("programmes:item_action", args=[item.pk, "propose"]))
    item.refresh_from_db()
    assert item.proposed_by == users["bob"]
    assert Notification.objects.filter(user=users["alice"], kind="proposed", item=item).exists()
    page = alice.get(reverse("programmes:my_tasks"))
    assert item in page.context["waiting"]
    # Confirm: the commune leader confirms.
    response = alice.post(reverse("programmes:item_action", args=[item.pk, "confirm"]))
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.percent, item.confirmed_by) == (ItemStatus.DONE, 100, users["alice"])
    actions = list(AuditEvent.objects.filter(object_type="programmes.programmeitem",
                                             object_id=str(item.pk))
                   .order_by("id").values_list("action", flat=True))
    assert actions == ["programme_item.create", "programme_item.progress",
                       "programme_item.progress", "programme_item.propose",
                       "programme_item.confirm"]
    assert Notification.objects.filter(user=users["bob"], kind="confirmed").exists()


def test_pages_show_the_task(programme: Any, item: Any, users: dict[str, Any]) -> None:
    alice = _client(users["alice"])
    for name, args in [("programmes:list", [programme.resolution_id]),
                       ("programmes:detail", [programme.pk]),
                       ("programmes:timeline", [programme.pk]),
                       ("programmes:progress", [programme.pk]),
                       ("programmes:item", [item.pk]), ("programmes:overdue", []),
                       ("programmes:my_tasks", []), ("programmes:notifications", [])]:
        response = alice.get(reverse(name, args=args))
        assert response.status_code == 200, name
    body = alice.get(reverse("programmes:detail", args=[programme.pk])).content.decode()
    assert "Xây dựng Kế hoạch chuyển đổi số" in body and "31/03/2026" in body


def test_the_programme_table_filters(programme: Any, item: Any, village_item: Any,
                                     users: dict[str, Any], units: dict[str, Any]) -> None:
    alice = _client(users["alice"])
    url = reverse("programmes:detail", args=[programme.pk])
    def shown(**query: str) -> list[str]:
        return [i.number for i in alice.get(url, query).context["page"].items]
    assert shown() == ["1.1", "3.3"]
    assert shown(unit=str(units["village"].pk)) == ["3.3"]
    assert shown(anchor="b1") == ["1.1"]
    assert shown(status="overdue") == ["1.1", "3.3"]  # today is after both due dates
    assert shown(status="not_started") == []


def test_it_checks_the_role(item: Any, users: dict[str, Any], programme: Any) -> None:
    sam, bob, olga = (_client(users[n]) for n in ("sam", "bob", "olga"))
    update = {"on": "2026-02-01", "percent": "10", "text": "Bắt đầu"}
    # The supervisor only reads; the village reporter cannot update a commune task.
    assert sam.get(reverse("programmes:item", args=[item.pk])).status_code == 200
    assert sam.post(reverse("programmes:item_update", args=[item.pk]), update).status_code == 403
    assert bob.post(reverse("programmes:item_update", args=[item.pk]), update).status_code == 403
    assert sam.get(reverse("programmes:item_create", args=[programme.pk])).status_code == 403
    assert bob.post(reverse("programmes:list", args=[programme.resolution_id]),
                    {"title": "X"}).status_code == 403
    # Four eyes: the officer updates and proposes, and may not confirm (not a leader).
    olga.post(reverse("programmes:item_update", args=[item.pk]), update)
    olga.post(reverse("programmes:item_action", args=[item.pk, "propose"]))
    assert olga.post(reverse("programmes:item_action", args=[item.pk, "confirm"])
                     ).status_code == 403
    item.refresh_from_db()
    assert item.status == ItemStatus.IN_PROGRESS and item.is_proposed


def test_the_leader_may_not_confirm_their_own_update(item: Any, users: dict[str, Any]) -> None:
    alice = _client(users["alice"])
    alice.post(reverse("programmes:item_update", args=[item.pk]),
               {"on": "2026-02-01", "percent": "100", "text": "Xong"})
    alice.post(reverse("programmes:item_action", args=[item.pk, "propose"]))
    assert alice.post(reverse("programmes:item_action", args=[item.pk, "confirm"])
                      ).status_code == 403
    item.refresh_from_db()
    assert item.status == ItemStatus.IN_PROGRESS


def test_it_checks_the_subtree(item: Any, users: dict[str, Any], programme: Any) -> None:
    charlie = _client(users["charlie"])
    for name, args in [("programmes:item", [item.pk]), ("programmes:detail", [programme.pk]),
                       ("programmes:list", [programme.resolution_id])]:
        assert charlie.get(reverse(name, args=args)).status_code == 403, name
    assert charlie.post(reverse("programmes:item_update", args=[item.pk]),
                        {"on": "2026-02-01", "percent": "10", "text": "x"}).status_code == 403
    assert charlie.get(reverse("programmes:overdue")).context["items"] == []
    assert charlie.get(reverse("programmes:my_tasks")).context["mine"] == []


def test_evidence_respects_the_upload_limit(item: Any, users: dict[str, Any],
                                            settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    settings.NGHIQUYET_MAX_UPLOAD_BYTES = 10
    response = _client(users["olga"]).post(reverse("programmes:item_update", args=[item.pk]), {
        "on": "2026-02-01", "percent": "10", "text": "x",
        "evidence": SimpleUploadedFile("to.pdf", b"x" * 50)})
    assert response.status_code == 400
    assert "Tệp to.pdf lớn hơn giới hạn" in response.content.decode()
    response = _client(users["olga"]).post(reverse("programmes:item_update", args=[item.pk]), {
        "on": "2026-02-01", "percent": "10", "text": "x",
        "evidence": SimpleUploadedFile("chay.exe", b"x")})
    assert "Tệp chay.exe: chỉ nhận PDF" in response.content.decode()
    assert not item.updates.exists()


def test_a_stopped_task_is_neither_overdue_nor_updated(item: Any, users: dict[str, Any]) -> None:
    olga = _client(users["olga"])
    olga.post(reverse("programmes:item_action", args=[item.pk, "stop"]),
              {"reason": "Nhập vào nhiệm vụ 1.2"})
    item.refresh_from_db()
    assert item.status == ItemStatus.STOPPED and not item.is_overdue(dt.date(2030, 1, 1))
    response = olga.post(reverse("programmes:item_update", args=[item.pk]),
                         {"on": "2026-02-01", "percent": "10", "text": "x"})
    assert response.status_code == 400


def test_the_indicator_page_lists_the_tasks_that_serve_it(
        programme: Any, units: dict[str, Any], users: dict[str, Any]) -> None:
    from nghiquyet.programmes.services import ItemSpec, item_create

    resolution = programme.resolution
    by_anchor = item_create(actor=users["olga"], programme=programme, spec=ItemSpec(
        content="Rà soát tiêu chí nông thôn mới", lead_unit=units["SL-PK-CQ02"],
        due_date=dt.date(2027, 6, 30), indicator=resolution.indicators.get(number=9)))
    by_target = item_create(actor=users["olga"], programme=programme, spec=ItemSpec(
        content="Xây dựng bản Nà Sàng đạt chuẩn", lead_unit=units["village"],
        due_date=dt.date(2027, 12, 31),
        targets=list(resolution.indicators.get(number=9).targets.all())))
    item_create(actor=users["olga"], programme=programme, spec=ItemSpec(
        content="Việc khác", lead_unit=units["village"], due_date=dt.date(2027, 12, 31)))
    response = _client(users["alice"]).get(
        reverse("assessment:indicator", args=[resolution.pk, 9]))
    body = response.content.decode()
    assert "Nhiệm vụ thực hiện chỉ tiêu này" in body
    assert by_anchor.content in body and by_target.content in body
    assert "Việc khác" not in body
    # Someone outside the commune sees none of them (and the page itself is refused).
    assert _client(users["charlie"]).get(
        reverse("assessment:indicator", args=[resolution.pk, 9])).status_code == 403


def test_a_village_heads_task_links_its_indicators_at_the_commune(
        programme: Any, units: dict[str, Any], users: dict[str, Any]) -> None:
    """The village head's pages open on the village, which does not report indicator 1
    (the budget): the task's links open the indicator at the commune, not a 404."""
    import html
    import re

    from nghiquyet.programmes.services import ItemSpec, item_create

    resolution = programme.resolution
    task = item_create(actor=users["olga"], programme=programme, spec=ItemSpec(
        content="Vận động đóng góp xây nhà văn hóa", lead_unit=units["village"],
        due_date=dt.date(2027, 12, 31), indicator=resolution.indicators.get(number=1),
        targets=list(resolution.indicators.get(number=1).targets.all())))
    bob = _client(users["bob"])
    body = bob.get(reverse("programmes:item", args=[task.pk])).content.decode()
    links = [html.unescape(link) for link in
             re.findall(r'href="(/resolutions/\d+/indicators/[^"]+)"', body)]
    assert len(links) >= 2
    for link in links:
        assert link.endswith("?unit=SL-PK") and bob.get(link).status_code == 200, link


def test_a_programme_is_made_on_the_web(resolution: Any, units: dict[str, Any],
                                        users: dict[str, Any]) -> None:
    from nghiquyet.programmes.models import Programme

    response = _client(users["olga"]).post(
        reverse("programmes:list", args=[resolution.pk]),
        {"title": "Chương trình hành động", "number": "05-CTr/ĐU", "issued_on": "2025-11-20"})
    programme = Programme.objects.get()
    assert response["Location"] == reverse("programmes:detail", args=[programme.pk])
    assert (programme.number, programme.issued_on) == ("05-CTr/ĐU", dt.date(2025, 11, 20))
    assert AuditEvent.objects.filter(action="programme.create",
                                     object_id=str(programme.pk)).count() == 1
