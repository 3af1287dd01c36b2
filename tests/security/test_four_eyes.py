"""Four eyes, properly (issue 10, item 7): whoever entered, edited or submitted a figure's
current value may not approve it; API workflow actions require the version read."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from nghiquyet.accounts import access
from nghiquyet.figures import services
from nghiquyet.figures.periods import parse_period
from nghiquyet.figures.selectors import pending_approvals

pytestmark = pytest.mark.django_db
P = parse_period("2026")


def _entered(actor: Any, series: Any, unit: Any, value: int = 5, version: int = 0) -> Any:
    return services.value_save(actor=actor, series=series, orgunit=unit, period=P,
                               value=Decimal(value), expected_version=version).value


def test_admin_who_entered_cannot_approve_after_someone_else_submits(
        assigned: Any, series: Any, tree: Any, resolution: Any) -> None:
    admin, olga, alice = assigned["admin"], assigned["olga"], assigned["alice"]
    value = _entered(admin, series["grain"], tree["villages"][0])
    value = services.value_submit(actor=olga, value=value, expected_version=value.version)
    assert not access.can_approve_value(admin, value)
    with pytest.raises(services.PermissionDenied):
        services.value_approve(actor=admin, value=value, expected_version=value.version)
    assert value not in pending_approvals(admin, resolution)
    assert value in pending_approvals(alice, resolution)
    services.value_approve(actor=alice, value=value, expected_version=value.version)


def test_an_editor_of_the_current_value_cannot_approve(assigned: Any, series: Any,
                                                       tree: Any) -> None:
    """bob entered 5, the admin changed it to 7, olga submitted: the admin made the current
    value, bob did not; an edit that keeps the number (a note) still counts."""
    admin, bob, olga = assigned["admin"], assigned["bob"], assigned["olga"]
    unit = tree["villages"][0]
    value = _entered(bob, series["grain"], unit)
    value = _entered(admin, series["grain"], unit, value=7, version=value.version)
    value = services.value_submit(actor=olga, value=value, expected_version=value.version)
    assert not access.can_approve_value(admin, value)
    assert not access.can_approve_value(olga, value)


def test_an_earlier_value_author_may_approve_a_later_value(assigned: Any, series: Any,
                                                           tree: Any) -> None:
    admin, olga = assigned["admin"], assigned["olga"]
    unit = tree["villages"][0]
    value = _entered(admin, series["grain"], unit, value=5)
    value = _entered(olga, series["grain"], unit, value=8, version=value.version)
    value = services.value_submit(actor=olga, value=value, expected_version=value.version)
    assert access.can_approve_value(admin, value)


def test_api_workflow_actions_require_version(client: Any, assigned: Any, series: Any,
                                              tree: Any) -> None:
    value = _entered(assigned["bob"], series["grain"], tree["villages"][0])
    client.force_login(assigned["bob"])
    response = client.post(f"/api/v1/values/{value.pk}/submit", "{}",
                           content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"][0]["path"].endswith("version")
    response = client.post(f"/api/v1/values/{value.pk}/submit",
                           json.dumps({"version": value.version + 5}),
                           content_type="application/json")
    assert response.status_code == 409


def test_home_page_counts_follow_the_same_rule(assigned: Any, series: Any, tree: Any,
                                               resolution: Any) -> None:
    import datetime as dt

    from nghiquyet.figures.assignments import work_waiting

    admin, olga, alice = assigned["admin"], assigned["olga"], assigned["alice"]
    value = _entered(admin, series["grain"], tree["villages"][0])
    services.value_submit(actor=olga, value=value, expected_version=value.version)
    today = dt.date(2026, 6, 1)
    assert work_waiting(admin, [resolution], today).to_approve.get(resolution.pk, 0) == 0
    assert work_waiting(alice, [resolution], today).to_approve.get(resolution.pk, 0) == 1
