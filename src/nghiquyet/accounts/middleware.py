from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from nghiquyet.accounts.services import must_change_password
from nghiquyet.accounts.types import Viewer

MUST_CHANGE = "nq_must_change_password"


def remember_password_state(sender: Any, request: HttpRequest, user: Viewer, **kwargs: Any) -> None:
    """At login (``user_logged_in``), note in the session whether the password is one
    someone else chose, so no request after it pays a query to know. A new temporary
    password changes the password hash, which ends the person's sessions: the next login
    notes it again."""
    if request is not None and hasattr(request, "session"):
        request.session[MUST_CHANGE] = must_change_password(user)


class PasswordChangeRequiredMiddleware:
    """Someone logged in with a password another person chose (a new account, a reset)
    chooses their own before anything else. The API (token or session) is left alone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.session.get(MUST_CHANGE) and request.user.is_authenticated:
            allowed = (reverse("accounts:password_change"), reverse("logout"), "/static/",
                       "/api/")
            if not request.path.startswith(allowed):
                return redirect("accounts:password_change")
        return self.get_response(request)
