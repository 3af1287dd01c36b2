"""The types of the people the code deals with.

``Viewer`` is whoever sends a request (``request.user``): a signed-in user or
an anonymous visitor. ``User`` is a signed-in person, the actor of a write.
Access helpers take a ``Viewer`` and refuse anonymous ones; services take a
``User``, or ``None`` for the system's own writes (imports by command, demo).
"""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as User  # noqa: PLC0414 - re-exported on purpose

Viewer: TypeAlias = User | AnonymousUser

__all__ = ["User", "Viewer", "as_user", "signed_in"]


def as_user(viewer: Viewer | None) -> User | None:
    """The signed-in person behind a viewer; None for an anonymous visitor or the system."""
    return viewer if isinstance(viewer, User) and viewer.is_authenticated else None


def signed_in(viewer: Viewer | None) -> User:
    """The signed-in person behind a viewer, for writes that must name one."""
    person = as_user(viewer)
    if person is None:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    return person
