from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from nghiquyet.accounts.services import must_change_password

_CHECKED = "nq_password_ok"


class PasswordChangeRequiredMiddleware:
    """Someone logged in with a password another person chose (a new account, a reset)
    chooses their own before anything else. The API (token or session) is left alone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Checked once a session: a new temporary password changes the password hash, which
        # ends the person's sessions, so the next login is checked again.
        if request.user.is_authenticated and not request.session.get(_CHECKED):
            allowed = (reverse("accounts:password_change"), reverse("logout"), "/static/",
                       "/api/")
            if must_change_password(request.user):
                if not request.path.startswith(allowed):
                    return redirect("accounts:password_change")
            else:
                request.session[_CHECKED] = True
        return self.get_response(request)
