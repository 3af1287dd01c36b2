"""No write in the product bypasses an audited service, the Django admin included: every
model registered in the admin is read-only there, or its saves and deletes go through
overridden methods that call the services. A new admin fails here until it is one or
the other."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from nghiquyet.audit.models import AuditEvent


def _superuser(users: dict[str, Any]) -> Any:
    user = users["admin"]
    user.is_superuser = user.is_staff = True
    user.save()
    return user


def _overrides(model_admin: Any, name: str) -> bool:
    return getattr(type(model_admin), name) is not getattr(admin.ModelAdmin, name)


@pytest.mark.django_db
def test_every_admin_is_read_only_or_routed_through_services(users: dict[str, Any]) -> None:
    request = RequestFactory().get("/admin/")
    request.user = _superuser(users)
    checked = []
    for model, model_admin in admin.site._registry.items():
        name = model._meta.label
        if model_admin.has_add_permission(request) or model_admin.has_change_permission(request):
            assert _overrides(model_admin, "save_model"), f"{name}: saves bypass the services"
        if model_admin.has_delete_permission(request):
            assert _overrides(model_admin, "delete_model"), f"{name}: deletes bypass the services"
            assert _overrides(model_admin, "delete_queryset"), f"{name}: bulk delete bypasses"
        for inline in model_admin.get_inline_instances(request):
            assert not inline.has_add_permission(request, None), f"{name}: inline adds"
            assert not inline.has_change_permission(request, None), f"{name}: inline changes"
            assert not (inline.can_delete and inline.has_delete_permission(request, None)), (
                f"{name}: inline deletes")
        checked.append(name)
    assert {"orgunits.OrgUnit", "resolutions.Resolution", "auth.User",
            "accounts.RoleAssignment", "audit.AuditEvent"} <= set(checked)


@pytest.mark.django_db
def test_a_user_changed_in_the_admin_is_audited(client: Any, users: dict[str, Any]) -> None:
    client.force_login(_superuser(users))
    bob = users["bob"]
    url = reverse("admin:auth_user_change", args=[bob.pk])
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k not in (
        "password", "groups", "user_permissions", "last_login", "date_joined")}
    data.update({"first_name": "Lò Văn Bốp", "date_joined_0": "01/01/2026",
                 "date_joined_1": "08:00:00", "is_active": "on"})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="user.update")
    assert event.new["first_name"] == "Lò Văn Bốp" and "password" not in str(event.new)
    assert client.get(reverse("admin:auth_user_password_change", args=[bob.pk])
                      ).status_code == 403
