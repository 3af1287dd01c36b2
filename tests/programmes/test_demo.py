"""The demo has a programme, some tasks overdue, and notifications for each role."""

from __future__ import annotations

import pytest
from django.utils import timezone

from nghiquyet.programmes.models import ItemStatus, Notification, Programme, ProgrammeItem

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_the_demo_has_a_programme() -> None:
    from nghiquyet.demo.services import load_demo

    load_demo()
    programme = Programme.objects.get()
    assert programme.number == "05-CTr/ĐU" and programme.items.count() >= 25
    today = timezone.localdate()
    assert ProgrammeItem.objects.overdue(today).exists()
    assert ProgrammeItem.objects.filter(status=ItemStatus.DONE).exists()
    assert ProgrammeItem.objects.filter(proposed_at__isnull=False).exists()
    by_role = set(Notification.objects.values_list("user__username", flat=True))
    assert {"bithu", "canbo", "truongban", "giamsat", "quantri"} <= by_role
