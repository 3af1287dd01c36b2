from __future__ import annotations

import json
from typing import Any

from django.db import models

from nghiquyet.accounts.types import Viewer, as_user
from nghiquyet.audit.models import AuditEvent

_JSON_ENCODER = AuditEvent._meta.get_field("new").encoder


def actor_fields(actor: Viewer | None) -> dict[str, Any]:
    """The audit columns naming the actor: the foreign key and, kept forever, its text."""
    person = as_user(actor)
    if person is None:
        return {"actor": None, "actor_username": "", "actor_name": ""}
    return {"actor": person, "actor_username": person.get_username()[:150],
            "actor_name": (person.get_full_name() or "")[:255]}


def audit_record(
    *, actor: Viewer | None, action: str, target: models.Model, orgunit: Any = None,
    old: Any = None, new: Any = None, reason: str = "",
) -> AuditEvent:
    """Write the audit row for a change; called inside the service's transaction."""
    return AuditEvent.objects.create(
        **actor_fields(actor),
        action=action,
        object_type=target._meta.label_lower,
        object_id=str(target.pk),
        object_repr=str(target)[:255],
        orgunit=orgunit,
        old=old,
        new=new,
        reason=reason,
    )


def audit_json(value: Any) -> str | None:
    """``old``/``new`` as the columns hold them, dumped as ``AuditEvent``'s JSONField dumps
    them (``json.dumps`` with the field's encoder): a bulk write passes this text straight
    to the database and stores what ``audit_record`` would. None stays NULL."""
    if value is None:
        return None
    return json.dumps(value, cls=_JSON_ENCODER)
