"""Who enters what: the assignments page, the entry rights it gives, and the home
page's "việc cần làm". Every refusal is tested."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nghiquyet.accounts import access
from nghiquyet.audit.models import AuditEvent
from nghiquyet.figures.assignments import series_assign, work_waiting
from nghiquyet.figures.models import DataValue, SeriesAssignment

pytestmark = pytest.mark.django_db


def test_a_leader_assigns_series_to_an_officer(client: Any, users: dict[str, Any],
                                               resolution: Any) -> None:
    client.force_login(users["alice"])
    url = reverse("figures:assignments", args=[resolution.pk])
    page = client.get(url).content.decode()
    assert "chưa giao" in page and "olga" in page
    series = list(resolution.series.order_by("id")[:3])
    response = client.post(url, {"officer": users["olga"].pk, "series": [s.pk for s in series]})
    assert response.status_code == 302
    assert SeriesAssignment.objects.filter(user=users["olga"]).count() == 3
    assert AuditEvent.objects.filter(action="series.assign").count() == 1
    olga = type(users["olga"]).objects.get(pk=users["olga"].pk)
    assert access.can_enter_value(olga, series[0], resolution.issuer)
    assert not access.can_enter_value(olga, resolution.series.order_by("-id").first(),
                                      resolution.issuer)
    assignment = SeriesAssignment.objects.filter(user=users["olga"]).first()
    client.post(reverse("figures:assignment_remove", args=[resolution.pk, assignment.pk]))
    assert SeriesAssignment.objects.filter(user=users["olga"]).count() == 2


@pytest.mark.parametrize("username", ["olga", "bob", "sam", "charlie"])
def test_others_cannot_assign(client: Any, users: dict[str, Any], resolution: Any,
                              username: str) -> None:
    client.force_login(users[username])
    url = reverse("figures:assignments", args=[resolution.pk])
    series = resolution.series.first()
    assert client.post(url, {"officer": users["olga"].pk, "series": [series.pk]}
                       ).status_code in (403, 404)
    with pytest.raises(PermissionDenied):
        series_assign(resolution=resolution, series_ids=[series.pk], officer=users["olga"],
                      actor=users[username])
    assert not SeriesAssignment.objects.exists()


def test_only_officers_under_the_issuer_are_assigned(users: dict[str, Any],
                                                     resolution: Any) -> None:
    series = resolution.series.first()
    for name in ("bob", "charlie", "sam"):
        with pytest.raises(PermissionDenied):
            series_assign(resolution=resolution, series_ids=[series.pk], officer=users[name],
                          actor=users["alice"])


def test_the_home_page_says_what_waits(client: Any, users: dict[str, Any], resolution: Any,
                                       tree: dict[str, Any]) -> None:
    today = dt.date(2026, 12, 1)
    commune_series = list(resolution.series.filter(reporting_unit_type="commune")[:2])
    series_assign(resolution=resolution, series_ids=[s.pk for s in commune_series],
                  officer=users["olga"], actor=None)
    olga = type(users["olga"]).objects.get(pk=users["olga"].pk)
    assert work_waiting(olga, [resolution], today).to_enter == {resolution.pk: 2}
    DataValue.objects.create(series=commune_series[0], orgunit=tree["commune"], period="2026",
                             year=2026, value=Decimal(1), status="submitted",
                             submitted_by=users["olga"])
    DataValue.objects.create(series=commune_series[1], orgunit=tree["commune"], period="2025",
                             year=2025, value=Decimal(1), status="returned",
                             submitted_by=users["olga"])
    olga = type(users["olga"]).objects.get(pk=users["olga"].pk)
    waiting = work_waiting(olga, [resolution], today)
    assert (waiting.to_enter, waiting.returned) == ({resolution.pk: 1}, {resolution.pk: 1})
    alice = type(users["alice"]).objects.get(pk=users["alice"].pk)
    assert work_waiting(alice, [resolution], today).to_approve == {resolution.pk: 1}
    charlie = type(users["charlie"]).objects.get(pk=users["charlie"].pk)
    assert not work_waiting(charlie, [resolution], today)
    client.force_login(users["alice"])
    assert "1 số liệu chờ duyệt" in client.get(reverse("home")).content.decode()


def test_the_waiting_list_costs_a_fixed_number_of_queries(users: dict[str, Any],
                                                          resolution: Any) -> None:
    series_assign(resolution=resolution, series_ids=list(resolution.series.values_list(
        "pk", flat=True)), officer=users["olga"], actor=None)
    olga = type(users["olga"]).objects.get(pk=users["olga"].pk)
    with CaptureQueriesContext(connection) as queries:
        work_waiting(olga, [resolution], dt.date(2026, 12, 1))
    assert len(queries) <= 6


def test_the_reporting_level_is_chosen_while_the_series_has_no_figures(
        client: Any, users: dict[str, Any], resolution: Any, tree: dict[str, Any]) -> None:
    from nghiquyet.figures.assignments import LevelError, series_set_level

    series = resolution.series.filter(reporting_unit_type="commune", value_type="number").first()
    client.force_login(users["alice"])
    url = reverse("figures:assignment_level", args=[resolution.pk, series.pk])
    assert client.post(url, {"level": "village"}).status_code == 302
    series.refresh_from_db()
    assert (series.reporting_unit_type, series.aggregation) == ("village", "sum")
    assert AuditEvent.objects.filter(action="series.level").count() == 1
    bob = type(users["bob"]).objects.get(pk=users["bob"].pk)
    assert access.can_enter_value(bob, series, tree["villages"][0])  # the village reports it
    DataValue.objects.create(series=series, orgunit=tree["villages"][0], period="2026",
                             year=2026, value=Decimal(3))
    with pytest.raises(LevelError):
        series_set_level(series=series, unit_type="commune", actor=users["alice"])
    with pytest.raises(LevelError):
        series_set_level(series=resolution.series.exclude(pk=series.pk).first(),
                         unit_type="province", actor=users["alice"])


@pytest.mark.parametrize("username", ["olga", "bob", "sam", "charlie"])
def test_others_cannot_change_the_reporting_level(client: Any, users: dict[str, Any],
                                                  resolution: Any, username: str) -> None:
    series = resolution.series.filter(reporting_unit_type="commune").first()
    client.force_login(users[username])
    url = reverse("figures:assignment_level", args=[resolution.pk, series.pk])
    assert client.post(url, {"level": "village"}).status_code in (403, 404)
    series.refresh_from_db()
    assert series.reporting_unit_type == "commune"
