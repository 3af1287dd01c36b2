"""The programme's pages run a fixed number of queries whatever the number of tasks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nghiquyet.programmes.services import ItemSpec, item_create, progress_post

pytestmark = pytest.mark.django_db


def _add(programme: Any, units: dict[str, Any], users: dict[str, Any], n: int) -> None:
    resolution = programme.resolution
    breakthrough = resolution.breakthroughs.get(number=2)
    target = resolution.indicators.get(number=9).targets.first()
    for i in range(n):
        item = item_create(actor=users["olga"], programme=programme, spec=ItemSpec(
            content=f"Nhiệm vụ {i}", lead_unit=units["village" if i % 2 else "SL-PK-CQ02"],
            due_date=dt.date(2026, 1 + i % 12, 1), number=f"9.{i}", breakthrough=breakthrough,
            coordinating_units=[units["SL-PK-CQ01"], units["SL-PK-CQ03"]], targets=[target],
            responsible=users["bob"] if i % 3 == 0 else None))
        progress_post(actor=users["olga"], item=item, on=dt.date(2026, 1, 5), text="x",
                      percent=10)


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", ["detail", "timeline", "progress", "my_tasks", "overdue",
                                  "indicator"])
def test_queries_do_not_grow_with_tasks(page: str, programme: Any, units: dict[str, Any],
                                        users: dict[str, Any]) -> None:
    url = {"detail": reverse("programmes:detail", args=[programme.pk]),
           "timeline": reverse("programmes:timeline", args=[programme.pk]),
           "progress": reverse("programmes:progress", args=[programme.pk]),
           "my_tasks": reverse("programmes:my_tasks"),
           "overdue": reverse("programmes:overdue"),
           "indicator": reverse("assessment:indicator", args=[programme.resolution_id, 9])}[page]
    client = Client()
    client.force_login(users["alice"] if page != "my_tasks" else users["bob"])
    _add(programme, units, users, 2)
    client.get(url)  # per-session work (a password-state check) happens on the first request
    few = _count(client, url)
    _add(programme, units, users, 20)
    many = _count(client, url)
    assert many == few
