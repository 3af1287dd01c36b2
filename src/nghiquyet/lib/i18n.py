"""A translation shim for the Django-free modules.

Message ids are written in Vietnamese (the product's source language). When
Django is configured the strings go through Django's gettext, so an English
catalogue can follow; without Django (plain pytest, the parser CLI) they are
returned unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# Inside ``text_discarded()`` the words being made are thrown away (a status wanted
# without its explanation): gettext hands the message id back without a lookup.
_DISCARDED: ContextVar[bool] = ContextVar("nghiquyet_text_discarded", default=False)


@contextmanager
def text_discarded() -> Iterator[None]:
    """Text made inside is never shown: skip translating and formatting it."""
    token = _DISCARDED.set(True)
    try:
        yield
    finally:
        _DISCARDED.reset(token)


def text_is_discarded() -> bool:
    return _DISCARDED.get()


def gettext(message: str) -> str:
    if _DISCARDED.get():
        return message
    try:
        from django.conf import settings
    except ImportError:  # pragma: no cover - Django is a dependency
        return message
    if not settings.configured:
        return message
    from django.utils.translation import gettext as django_gettext

    return django_gettext(message)


_ = gettext
