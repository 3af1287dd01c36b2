"""An expired session never ends on the login page inside a row, nor on a 405 after it."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


class HtmxLoginMiddleware:
    """When a request finds the session expired (``login_required`` sends it to the login
    page):

    - a request made by the page's script (htmx, or the offline queue) gets 401 instead,
      since the browser would follow the redirect and htmx would swap the login page into
      a table row. The page then asks for the password in a dialog and keeps what was typed;
    - a form posted the ordinary way goes back, after logging in, to the page the form was
      on, never to the address it posted to: that address answers POST only, and opening it
      after logging in gave "405"."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 302:
            return response
        login = resolve_url(settings.LOGIN_URL)
        if not response.get("Location", "").split("?", 1)[0].endswith(login):
            return response
        if request.headers.get("HX-Request") == "true":
            refused = HttpResponse("", status=401, content_type="text/plain; charset=utf-8")
            refused["HX-Reswap"] = "none"
            refused["WWW-Authenticate"] = 'Session realm="nghiquyet"'
            return refused
        if request.method != "POST":
            return response
        back = request.headers.get("Referer", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
            return HttpResponseRedirect(login)
        page = urlsplit(back)
        path = page.path + (f"?{page.query}" if page.query else "")
        if path.split("?", 1)[0].endswith(login):
            return HttpResponseRedirect(login)
        return HttpResponseRedirect(f"{login}?{urlencode({REDIRECT_FIELD_NAME: path})}")
