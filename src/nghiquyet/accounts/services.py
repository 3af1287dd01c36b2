"""Writes to accounts. Each leaves an audit row."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from nghiquyet.accounts.models import ApiToken, RoleAssignment, hash_token
from nghiquyet.audit.services import audit_record


@transaction.atomic
def api_token_create(*, user: Any, name: str, actor: Any = None) -> tuple[ApiToken, str]:
    """A new bearer token for ``user``. The raw key is returned once and never stored."""
    raw = ApiToken.new_key()
    token = ApiToken.objects.create(user=user, name=name, key_hash=hash_token(raw))
    audit_record(actor=actor, action="api_token.create", target=token,
                 new={"user": user.get_username(), "name": name})
    return token, raw


@transaction.atomic
def role_assignment_delete(*, actor: Any, assignment: RoleAssignment, reason: str = "") -> None:
    """Take a role away; the audit row keeps who held what over which unit."""
    audit_record(actor=actor, action="role.delete", target=assignment, orgunit=assignment.orgunit,
                 old={"user": assignment.user.get_username(), "role": assignment.role,
                      "orgunit": assignment.orgunit.code}, reason=reason)
    assignment.delete()


@transaction.atomic
def user_deactivate(*, actor: Any, user: Any, reason: str = "") -> None:
    """Users are deactivated, never deleted: their audit trail and figures keep their name.
    A deactivated user cannot log in and their API tokens stop working (is_active)."""
    if not user.is_active:
        return
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit_record(actor=actor, action="user.deactivate", target=user,
                 old={"is_active": True}, new={"is_active": False}, reason=reason)
