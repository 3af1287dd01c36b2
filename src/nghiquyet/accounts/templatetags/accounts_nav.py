from __future__ import annotations

from typing import Any

from django import template

from nghiquyet.accounts import access
from nghiquyet.accounts.models import Role
from nghiquyet.accounts.selectors import badge

register = template.Library()


@register.inclusion_tag("accounts/_user_nav.html", takes_context=True)
def user_nav(context: Any) -> dict[str, Any]:
    user = context["user"]
    # From the roles already read for the badge: no query of its own.
    can_manage = access.is_system_admin(user) or any(
        role == Role.LEADER for role, _unit in access.scopes(user))
    return {"badge": badge(user), "can_manage": can_manage}
