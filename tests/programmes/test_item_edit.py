"""Editing a task's plan (responsible person, units, milestones) and reaching milestones."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from nghiquyet.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _form(item: Any, **over: Any) -> dict[str, Any]:
    data = {"number": item.number, "content": item.content, "anchor": "b1",
            "lead_unit": item.lead_unit_id, "when_text": "Quý I/2026", "product": "",
            "coordinating_text": "", "responsible": "", "milestones": ""}
    return data | over


def test_it_edits_and_audits(item: Any, users: dict[str, Any], units: dict[str, Any]) -> None:
    alice = _client(users["alice"])
    assert alice.get(reverse("programmes:item_edit", args=[item.pk])).status_code == 200
    response = alice.post(reverse("programmes:item_edit", args=[item.pk]), _form(
        item, responsible=users["olga"].pk, coordinating_units=[units["SL-PK-CQ03"].pk],
        milestones="15/2/2026: Xin ý kiến các bản\n20/3/2026: Trình Ban Thường vụ"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.responsible == users["olga"]
    assert [u.code for u in item.coordinating_units.all()] == ["SL-PK-CQ03"]
    assert [(m.title, m.due_date) for m in item.milestones.all()] == [
        ("Xin ý kiến các bản", dt.date(2026, 2, 15)), ("Trình Ban Thường vụ", dt.date(2026, 3, 20))]
    event = AuditEvent.objects.filter(action="programme_item.edit").get()
    assert event.new["responsible"] == users["olga"].pk
    assert event.new["coordinating_units"] == ["SL-PK-CQ03"]
    assert item.due_date == dt.date(2026, 3, 31)  # unchanged wording keeps the date
    # The responsible officer sees it in "Việc của tôi" and marks a milestone reached.
    olga = _client(users["olga"])
    assert item in olga.get(reverse("programmes:my_tasks")).context["mine"]
    milestone = item.milestones.first()
    olga.post(reverse("programmes:milestone_reach", args=[item.pk, milestone.pk]))
    milestone.refresh_from_db()
    assert milestone.done_on is not None


def test_bad_milestones_are_explained(item: Any, users: dict[str, Any]) -> None:
    response = _client(users["alice"]).post(reverse("programmes:item_edit", args=[item.pk]),
                                            _form(item, milestones="sớm: làm gì đó"))
    assert response.status_code == 400
    assert "Dòng 1: viết “ngày: nội dung”" in response.content.decode()


def test_it_checks_role_and_subtree(item: Any, users: dict[str, Any]) -> None:
    for name in ("bob", "sam", "charlie"):
        response = _client(users[name]).post(reverse("programmes:item_edit", args=[item.pk]),
                                             _form(item, content="Đổi"))
        assert response.status_code == 403, name
    milestone_url = reverse("programmes:milestone_reach", args=[item.pk, 999])
    assert _client(users["olga"]).post(milestone_url).status_code == 404
