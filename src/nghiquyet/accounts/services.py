"""Writes to accounts. Each leaves an audit row."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from nghiquyet.accounts.models import ApiToken, hash_token
from nghiquyet.audit.services import audit_record


@transaction.atomic
def api_token_create(*, user: Any, name: str, actor: Any = None) -> tuple[ApiToken, str]:
    """A new bearer token for ``user``. The raw key is returned once and never stored."""
    raw = ApiToken.new_key()
    token = ApiToken.objects.create(user=user, name=name, key_hash=hash_token(raw))
    audit_record(actor=actor, action="api_token.create", target=token,
                 new={"user": user.get_username(), "name": name})
    return token, raw
