from __future__ import annotations

from typing import Any

from django import template

from nghiquyet.accounts import access
from nghiquyet.accounts.selectors import badge

register = template.Library()


@register.inclusion_tag("accounts/_user_nav.html", takes_context=True)
def user_nav(context: Any) -> dict[str, Any]:
    user = context["user"]
    return {"badge": badge(user), "can_manage": access.managed_units(user).exists()
            if not access.is_system_admin(user) else True}
