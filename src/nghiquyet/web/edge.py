"""At the edge, before any view: NUL characters refused; sessions renewed for idle expiry."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _

_NUL_FORMS = (b"\x00", b"%00", b"\\u0000")
_FORM_TYPES = ("application/x-www-form-urlencoded", "application/json", "text/plain")


class RefuseNulMiddleware:
    """A NUL character in the path, the query string or a form/JSON body is refused with a
    400 (PostgreSQL cannot store NUL in text: it would otherwise be a server error).
    Uploaded files (multipart) may hold NUL bytes legitimately and are left to their readers;
    their other fields are checked."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._has_nul(request):
            message = _("Yêu cầu chứa ký tự NUL (\\u0000), không được nhận.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message, "errors": []}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or b"\x00" in unquote_to_bytes(query):
            return True
        content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if request.method in ("POST", "PUT", "PATCH") and content_type in _FORM_TYPES:
            body = request.body  # bounded by DATA_UPLOAD_MAX_MEMORY_SIZE
            return any(form in body for form in _NUL_FORMS) if content_type != "text/plain" \
                else b"\x00" in body
        if content_type == "multipart/form-data" and request.method == "POST":
            try:
                fields = request.POST
            except MultiPartParserError:
                return False  # the view answers the broken form as Django does
            return any("\x00" in k or any("\x00" in v for v in fields.getlist(k))
                       for k in fields)
        return False


SEEN_KEY = "_nq_seen"


def mark_session_seen(session: Any) -> None:
    session[SEEN_KEY] = int(time.time())


class IdleSessionMiddleware:
    """Sessions end after ``SESSION_COOKIE_AGE`` (8 hours) without a request. The expiry is
    renewed by saving the session, at most once every ``SESSION_RENEW_SECONDS`` (5 minutes)
    rather than on every request (two queries a page otherwise). Login marks the session
    (accounts/apps.py), so a fresh session is not written again on its first page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and session.session_key:
            seen = session.get(SEEN_KEY)
            every = getattr(settings, "SESSION_RENEW_SECONDS", 300)
            if (seen is None and not session.is_empty()) or \
                    (seen is not None and time.time() - seen > every):
                mark_session_seen(session)
        return self.get_response(request)
