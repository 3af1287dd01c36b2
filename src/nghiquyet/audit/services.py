from __future__ import annotations

from typing import Any

from django.db import models

from nghiquyet.audit.models import AuditEvent


def audit_record(
    *, actor: Any, action: str, target: models.Model, orgunit: Any = None,
    old: Any = None, new: Any = None, reason: str = "",
) -> AuditEvent:
    """Write the audit row for a change; called inside the service's transaction."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=user,
        action=action,
        object_type=target._meta.label_lower,
        object_id=str(target.pk),
        object_repr=str(target)[:255],
        orgunit=orgunit,
        old=old,
        new=new,
        reason=reason,
    )
