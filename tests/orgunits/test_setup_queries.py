"""The setup pages read a fixed number of queries, whatever the number of units, people
or assignments."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nghiquyet.accounts.services import user_create
from nghiquyet.figures.assignments import series_assign
from nghiquyet.orgunits.services import orgunit_add

pytestmark = pytest.mark.django_db


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _grow(users: dict[str, Any], tree: dict[str, Any], resolution: Any, n: int) -> None:
    for i in range(n):
        unit = orgunit_add(parent=tree["commune"], code=f"X{n}{i}", name=f"Bản {n}{i}",
                           type="village", actor=None)
        user_create(username=f"tb.{n}.{i}", full_name=f"Trưởng bản {i}",
                    roles=[("reporter", unit), ("supervisor", tree["commune"])], actor=None)
        officer, _ = user_create(username=f"cb.{n}.{i}", full_name=f"Cán bộ {i}",
                                 roles=[("officer", tree["commune"])], actor=None)
        series_assign(resolution=resolution, series_ids=list(
            resolution.series.values_list("pk", flat=True)[:3]), officer=officer, actor=None)


def test_page_queries_do_not_grow(client: Any, users: dict[str, Any], tree: dict[str, Any],
                                  resolution: Any) -> None:
    client.force_login(users["alice"])
    urls = [reverse("orgunits:unit", args=["SL-PK"]), reverse("accounts:people"),
            reverse("figures:assignments", args=[resolution.pk]), reverse("home")]
    _grow(users, tree, resolution, 1)
    client.get(reverse("home"))  # the session's one password check
    before = [_queries(client, url) for url in urls]
    _grow(users, tree, resolution, 6)
    assert [_queries(client, url) for url in urls] == before
    assert max(before) <= 16
