from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from nghiquyet.accounts.services import must_change_password


class PasswordChangeRequiredMiddleware:
    """Someone logged in with a password another person chose (a new account, a reset)
    chooses their own before anything else. The API (token or session) is left alone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path
        allowed = (reverse("accounts:password_change"), reverse("logout"), "/static/", "/api/")
        if not path.startswith(allowed) and must_change_password(request.user):
            return redirect("accounts:password_change")
        return self.get_response(request)
