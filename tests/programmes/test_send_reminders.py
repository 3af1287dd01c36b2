"""send_reminders: due soon, overdue, figure deadlines, the weekly digest, e-mail, and
idempotence (a second run the same day makes nothing)."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from nghiquyet.audit.models import AuditEvent
from nghiquyet.programmes.models import Notification, ReminderRun
from nghiquyet.programmes.reminders import send_reminders

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2026, 3, 30)  # item is due 31/03/2026, village_item 30/09/2026


def _keys(user: Any) -> set[str]:
    return set(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_due_soon_goes_to_the_lead_unit(item: Any, village_item: Any,
                                         users: dict[str, Any]) -> None:
    run = send_reminders(today=dt.date(2026, 3, 25), days_before=7)
    # The commune's People's Committee has no users of its own: its officers hear.
    notes = Notification.objects.filter(kind="due_soon")
    assert [(n.user.username, n.item) for n in notes] == [("olga", item)]
    assert "31/03/2026" in notes.get().body
    assert run.created == 1


def test_overdue_and_the_responsible_person(item: Any, village_item: Any,
                                            users: dict[str, Any]) -> None:
    send_reminders(today=dt.date(2026, 10, 2))
    overdue = Notification.objects.filter(kind="overdue")
    # The village task goes to the village reporter, the commune task to the officer.
    assert {(n.user.username, n.item_id) for n in overdue} == {
        ("olga", item.pk), ("bob", village_item.pk)}


def test_digest_for_leaders_on_monday(item: Any, village_item: Any,
                                      users: dict[str, Any]) -> None:
    send_reminders(today=MONDAY + dt.timedelta(days=1))  # a Tuesday: no digest
    assert not Notification.objects.filter(kind="digest").exists()
    send_reminders(today=MONDAY)
    digests = {n.user.username: n for n in Notification.objects.filter(kind="digest")}
    assert set(digests) == {"alice", "sam", "admin"}  # charlie's commune has no tasks
    assert digests["alice"].title == "Tổng hợp tuần 14/2026: 0 nhiệm vụ quá hạn"
    assert "1 nhiệm vụ đến hạn trong 7 ngày tới" in digests["alice"].body


def test_figure_period_deadline(resolution: Any, users: dict[str, Any]) -> None:
    send_reminders(today=dt.date(2026, 12, 10))  # the year's figures are due 15/12
    notes = Notification.objects.filter(kind="figures_due")
    assert {n.user.username for n in notes} == {"olga", "bob"}
    assert notes.first().body == "Hạn gửi số liệu: 15/12/2026."
    assert notes.first().url == f"/resolutions/{resolution.pk}/entry/"


def test_it_is_idempotent(item: Any, village_item: Any, users: dict[str, Any],
                          resolution: Any) -> None:
    day = dt.date(2026, 12, 14)  # a Monday: overdue, figures due and digest at once
    first = send_reminders(today=day)
    count = Notification.objects.count()
    assert first.created == count and count >= 6
    second = send_reminders(today=day)
    assert second.created == 0 and Notification.objects.count() == count
    assert ReminderRun.objects.count() == 2
    assert AuditEvent.objects.filter(action="programme.reminders").count() == 2


def test_email_when_configured(item: Any, users: dict[str, Any], settings: Any) -> None:
    users["olga"].email = "olga@example.vn"
    users["olga"].save()
    send_reminders(today=dt.date(2026, 3, 25))
    assert mail.outbox == []  # no SMTP settings: in-app only
    Notification.objects.all().delete()
    settings.NGHIQUYET_EMAIL_NOTIFICATIONS = True
    settings.NGHIQUYET_BASE_URL = "https://nq.example.vn"
    run = send_reminders(today=dt.date(2026, 3, 25))
    assert run.emailed == 1
    message = mail.outbox[0]
    assert message.to == ["olga@example.vn"] and message.subject.startswith("Sắp đến hạn: 1.1")
    assert f"https://nq.example.vn/programmes/items/{item.pk}/" in message.body
    assert Notification.objects.get().emailed_at is not None
    send_reminders(today=dt.date(2026, 3, 25))
    assert len(mail.outbox) == 1


def test_the_command(item: Any, users: dict[str, Any]) -> None:
    out = StringIO()
    call_command("send_reminders", "--date", "2026-03-25", "--days", "7", stdout=out)
    assert "1 thông báo mới" in out.getvalue()
    call_command("send_reminders", "--date", "2026-03-25", stdout=out)
    assert "0 thông báo mới" in out.getvalue()


def test_the_bell_counts_unread(item: Any, users: dict[str, Any]) -> None:
    from django.test import Client
    from django.urls import reverse

    send_reminders(today=dt.date(2026, 3, 25))
    client = Client()
    client.force_login(users["olga"])
    page = client.get(reverse("programmes:my_tasks")).content.decode()
    assert 'class="pg-bell-count"' in page and ">1</span>" in page
    note = Notification.objects.get()
    response = client.get(reverse("programmes:notification_open", args=[note.pk]))
    assert response["Location"] == reverse("programmes:item", args=[item.pk])
    note.refresh_from_db()
    assert note.read_at is not None
    assert 'class="pg-bell-count"' not in client.get(reverse("programmes:my_tasks")).content.decode()
    # Somebody else's notification is not found.
    other = Client()
    other.force_login(users["alice"])
    assert other.get(reverse("programmes:notification_open", args=[note.pk])).status_code == 404


def test_the_command_refuses_a_bad_date(db: Any) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("send_reminders", "--date", "01/12/2026")
