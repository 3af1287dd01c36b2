"""Login throttling with django-axes: the backend, the audit of lockouts, the audited unlock.

After ``AXES_FAILURE_LIMIT`` wrong passwords for one username from one address, that
username is locked from that address for ``AXES_COOLOFF_TIME`` hours (settings.py). Each
lockout leaves an audit row; an administrator unlocks by deleting the attempt in the admin
("Access attempts"), which is audited too (``login_unlock``).
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.models import AccessAttempt
from django.db import transaction
from django.http import HttpRequest

from nghiquyet.accounts.types import Viewer
from nghiquyet.audit.models import AuditEvent
from nghiquyet.audit.services import actor_fields, audit_record


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' check before the password backend. A login without a request (a shell, the
    test client's ``login``) never comes over HTTP, so there is nothing to throttle."""

    def authenticate(self, request: HttpRequest | None, username: str | None = None,
                     password: str | None = None, **kwargs: Any) -> Any:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


@transaction.atomic
def login_lockout_record(*, username: str, ip_address: str) -> AuditEvent:
    """The audit row of a lockout (there is no actor: nobody is logged in)."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=username).first()
    return AuditEvent.objects.create(
        **actor_fields(None), action="login.locked_out", object_type="auth.user",
        object_id=str(user.pk) if user else "", object_repr=username[:255],
        new={"username": username[:150], "ip_address": ip_address})


@transaction.atomic
def login_unlock(*, actor: Viewer | None, attempt: AccessAttempt) -> None:
    """Unlock a username/address pair: its failed attempts are forgotten, audited."""
    audit_record(actor=actor, action="login.unlock", target=attempt,
                 old={"username": attempt.username, "ip_address": attempt.ip_address,
                      "failures": attempt.failures_since_start})
    attempt.delete()


def on_locked_out(sender: Any, request: HttpRequest | None = None, username: str | None = None,
                  ip_address: str | None = None, **kwargs: Any) -> None:
    login_lockout_record(username=username or "", ip_address=ip_address or "")
