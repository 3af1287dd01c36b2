"""Audit is forever: actor-less events render, users are never deleted, the audit row keeps
the actor's name as text, and taking a role away is audited."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db.models import ProtectedError

from nghiquyet.accounts.models import RoleAssignment
from nghiquyet.audit.models import AuditEvent
from nghiquyet.figures import services
from nghiquyet.figures.periods import parse_period

pytestmark = pytest.mark.django_db


def _value(series: Any, unit: Any, actor: Any = None) -> Any:
    return services.value_save(actor=actor, series=series, orgunit=unit,
                               period=parse_period("2025"), value=Decimal(5),
                               check_access=actor is not None).value


def test_history_renders_events_without_actor(client: Any, assigned: Any, series: Any,
                                              tree: Any) -> None:
    value = _value(series["grain"], tree["villages"][0])  # an import: no actor
    client.force_login(assigned["alice"])
    response = client.get(f"/values/{value.pk}/history/")
    assert response.status_code == 200
    assert "Hệ thống" in response.content.decode()


def test_audit_row_keeps_actor_text_and_user_cannot_be_deleted(assigned: Any, series: Any,
                                                               tree: Any) -> None:
    bob = assigned["bob"]
    bob.first_name, bob.last_name = "Lò Văn", "Pọm"
    bob.save()
    value = _value(series["grain"], tree["villages"][0], actor=bob)
    event = AuditEvent.objects.get(object_id=str(value.pk), action="value.create")
    assert (event.actor_username, event.actor_name) == ("bob", "Lò Văn Pọm")
    with pytest.raises(ProtectedError):
        bob.delete()
    value.refresh_from_db()
    assert value.updated_by_id == bob.pk


@pytest.fixture
def root(db: Any) -> Any:
    return get_user_model().objects.create_superuser("root", "root@example.org", "pw-root")


def test_admin_cannot_delete_users_only_deactivate(client: Any, users: Any, root: Any) -> None:
    client.force_login(root)
    bob = users["bob"]
    response = client.get(f"/admin/auth/user/{bob.pk}/delete/")
    assert response.status_code == 403
    response = client.post("/admin/auth/user/", {"action": "delete_selected",
                                                 "_selected_action": [bob.pk]})
    assert get_user_model().objects.filter(pk=bob.pk).exists()
    response = client.post("/admin/auth/user/", {"action": "deactivate",
                                                 "_selected_action": [bob.pk]})
    bob.refresh_from_db()
    assert not bob.is_active
    event = AuditEvent.objects.get(action="user.deactivate", object_id=str(bob.pk))
    assert event.actor_username == "root"


def test_role_assignment_deletion_is_audited(client: Any, users: Any, root: Any) -> None:
    client.force_login(root)
    ra = RoleAssignment.objects.get(user=users["bob"])
    response = client.post(f"/admin/accounts/roleassignment/{ra.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not RoleAssignment.objects.filter(pk=ra.pk).exists()
    event = AuditEvent.objects.get(action="role.delete")
    assert event.old == {"user": "bob", "role": "reporter", "orgunit": "SL-PK-B01"}
    ra2 = RoleAssignment.objects.get(user=users["olga"])
    client.post("/admin/accounts/roleassignment/", {"action": "delete_selected",
                                                   "_selected_action": [ra2.pk], "post": "yes"})
    assert not RoleAssignment.objects.filter(pk=ra2.pk).exists()
    assert AuditEvent.objects.filter(action="role.delete").count() == 2


def test_audit_rows_cannot_be_changed_or_deleted_in_the_admin(client: Any, users: Any,
                                                              root: Any) -> None:
    from nghiquyet.accounts.services import user_deactivate

    user_deactivate(actor=root, user=users["bob"])
    event = AuditEvent.objects.get(action="user.deactivate")
    client.force_login(root)
    assert client.get(f"/admin/audit/auditevent/{event.pk}/delete/").status_code == 403
    client.post(f"/admin/audit/auditevent/{event.pk}/change/", {"reason": "sửa"})
    client.post("/admin/audit/auditevent/", {"action": "delete_selected",
                                             "_selected_action": [event.pk], "post": "yes"})
    event.refresh_from_db()
    assert event.reason == "" and AuditEvent.objects.filter(pk=event.pk).exists()
