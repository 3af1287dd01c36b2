"""Reads for the people pages and the header."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Prefetch, QuerySet

from nghiquyet.accounts import access
from nghiquyet.accounts.models import Role, RoleAssignment
from nghiquyet.accounts.types import Viewer
from nghiquyet.orgunits.models import OrgUnit


def people_of(user: Viewer, unit: OrgUnit | None = None) -> QuerySet[User]:
    """People holding a role over a unit the viewer manages (or over ``unit``'s subtree),
    with their roles: two queries."""
    units = access.managed_units(user)
    if unit is not None:
        units = units.filter(path__startswith=unit.path)
    roles = RoleAssignment.objects.filter(orgunit__in=units).select_related("orgunit")
    return (User.objects.filter(role_assignments__in=roles).distinct()
            .prefetch_related(Prefetch("role_assignments", queryset=roles, to_attr="shown_roles"))
            .order_by("-is_active", "first_name", "username"))


@dataclass
class Badge:
    name: str
    role: str


def badge(user: User) -> Badge:
    """The header's "who is logged in": name and the highest role held, with its unit."""
    name = user.get_full_name() or user.get_username()
    held = access.scopes(user)
    if not held:
        role = str(Role.ADMIN.label) if user.is_superuser else ""
        return Badge(name, "" if role == name else role)
    order = [Role.ADMIN, Role.LEADER, Role.OFFICER, Role.SUPERVISOR, Role.REPORTER]
    role, unit = min(held, key=lambda h: (order.index(Role(h[0])), h[1].depth))
    label = str(Role(role).label).split(" (")[0]
    return Badge(name, f"{label} · {unit.name}")
