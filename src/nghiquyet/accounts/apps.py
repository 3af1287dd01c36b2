from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "nghiquyet.accounts"
    verbose_name = _("Người dùng và vai trò")

    def ready(self) -> None:
        from axes.signals import user_locked_out

        from nghiquyet.accounts.throttle import on_locked_out

        # A lockout is no service call (django-axes decides it): its audit row is written
        # from axes' signal.
        user_locked_out.connect(on_locked_out, dispatch_uid="nghiquyet-lockout-audit")

        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(_session_seen, dispatch_uid="nghiquyet-session-seen")


def _session_seen(sender: Any, request: Any = None, **kwargs: Any) -> None:
    """A new session starts its idle clock at login (web/edge.py::IdleSessionMiddleware)."""
    if request is not None and hasattr(request, "session"):
        from nghiquyet.web.edge import mark_session_seen

        mark_session_seen(request.session)

        from django.contrib.auth.signals import user_logged_in

        from nghiquyet.accounts.middleware import remember_password_state

        # Whether the password must be changed is read once, at login, into the session.
        user_logged_in.connect(remember_password_state, dispatch_uid="nghiquyet-password-state")
