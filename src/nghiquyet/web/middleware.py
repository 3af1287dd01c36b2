"""htmx requests never receive the login page."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url


class HtmxLoginMiddleware:
    """A request made by the page's script (htmx, or the offline queue) whose session has
    expired gets 401 instead of a redirect to the login page, which the browser would
    follow and htmx would swap into a table row. The page then asks for the password in
    a dialog and keeps what was typed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.headers.get("HX-Request") != "true" or response.status_code != 302:
            return response
        login = resolve_url(settings.LOGIN_URL)
        if not response.get("Location", "").split("?", 1)[0].endswith(login):
            return response
        refused = HttpResponse("", status=401, content_type="text/plain; charset=utf-8")
        refused["HX-Reswap"] = "none"
        refused["WWW-Authenticate"] = 'Session realm="nghiquyet"'
        return refused
