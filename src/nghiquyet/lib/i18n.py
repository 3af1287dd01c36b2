"""A translation shim for the Django-free modules.

Message ids are written in Vietnamese (the product's source language). When
Django is configured the strings go through Django's gettext, so an English
catalogue can follow; without Django (plain pytest, the parser CLI) they are
returned unchanged.
"""

from __future__ import annotations


def gettext(message: str) -> str:
    try:
        from django.conf import settings
    except ImportError:  # pragma: no cover - Django is a dependency
        return message
    if not settings.configured:
        return message
    from django.utils.translation import gettext as django_gettext

    return django_gettext(message)


_ = gettext
