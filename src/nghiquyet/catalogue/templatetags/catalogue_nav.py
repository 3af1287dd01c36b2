"""The "So sánh các xã" link, for the top navigation of users who may compare communes."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("catalogue/_compare_link.html", takes_context=True)
def compare_link(context: Any) -> dict[str, Any]:
    from nghiquyet.catalogue.views import comparable_provinces

    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or not getattr(user, "is_authenticated", False):
        return {"provinces": []}
    return {"provinces": comparable_provinces(request)}
