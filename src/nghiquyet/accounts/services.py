"""Writes to accounts. Each leaves an audit row."""

from __future__ import annotations

import re
import secrets
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from nghiquyet.accounts import access
from nghiquyet.accounts.models import ApiToken, PasswordState, Role, RoleAssignment, hash_token
from nghiquyet.accounts.types import Viewer
from nghiquyet.audit.services import audit_record
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.orgunits.models import OrgUnit


@transaction.atomic
def api_token_create(*, user: User, name: str, actor: Viewer | None = None) -> tuple[ApiToken, str]:
    """A new bearer token for ``user``. The raw key is returned once and never stored."""
    raw = ApiToken.new_key()
    token = ApiToken.objects.create(user=user, name=name, key_hash=hash_token(raw))
    audit_record(actor=actor, action="api_token.create", target=token,
                 new={"user": user.get_username(), "name": name})
    return token, raw


@transaction.atomic
def api_token_delete(*, actor: Viewer | None, token: ApiToken) -> None:
    """Revoke an API token."""
    audit_record(actor=actor, action="api_token.delete", target=token,
                 old={"user": token.user.get_username(), "name": token.name})
    token.delete()


_ADMIN_FIELDS = ("username", "first_name", "last_name", "email", "is_active", "is_staff",
                 "is_superuser", "groups", "user_permissions")


@transaction.atomic
def user_admin_update(*, actor: Viewer | None, user: User, changed: list[str]) -> None:
    """A change made in the Django admin (a system admin's tool): saved with an audit row
    naming the fields and their new values (never the password)."""
    if actor is not None and not access.is_system_admin(actor):
        raise PermissionDenied
    user.save()
    shown = {f: getattr(user, f) for f in changed if f in _ADMIN_FIELDS[:7]}
    audit_record(actor=actor, action="user.update", target=user,
                 new={"changed": changed, **shown})


@transaction.atomic
def role_assignment_delete(*, actor: Viewer | None, assignment: RoleAssignment, reason: str = "") -> None:
    """Take a role away; the audit row keeps who held what over which unit."""
    audit_record(actor=actor, action="role.delete", target=assignment, orgunit=assignment.orgunit,
                 old={"user": assignment.user.get_username(), "role": assignment.role,
                      "orgunit": assignment.orgunit.code}, reason=reason)
    assignment.delete()


@transaction.atomic
def user_deactivate(*, actor: Viewer | None, user: Viewer, reason: str = "") -> None:
    """Users are deactivated, never deleted: their audit trail and figures keep their name.
    A deactivated user cannot log in and their API tokens stop working (is_active)."""
    if not user.is_active:
        return
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit_record(actor=actor, action="user.deactivate", target=user,
                 old={"is_active": True}, new={"is_active": False}, reason=reason)


# --- people: accounts, roles, passwords ------------------------------------------------------

Actor = User | AnonymousUser | None
_USERNAME = re.compile(r"^[a-z0-9._-]{3,50}$")


class AccountError(Exception):
    """A change to an account that cannot be made; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def temporary_password() -> str:
    """Easy to read out over the phone: three groups of four, no look-alike letters."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _check_username(username: str) -> str:
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise AccountError(_("Tên đăng nhập “%(name)s” chỉ gồm chữ thường không dấu, số, dấu "
                             "chấm, gạch (3–50 ký tự).") % {"name": username})
    if User.objects.filter(username__iexact=username).exists():
        raise AccountError(_("Tên đăng nhập “%(name)s” đã có người dùng.") % {"name": username})
    return username


def _must_change(user: User, must: bool) -> None:
    PasswordState.objects.update_or_create(
        user=user, defaults={"must_change": must, "changed_at": None if must else timezone.now()})


@transaction.atomic
def user_create(*, username: str, full_name: str, roles: list[tuple[str, OrgUnit]],
                actor: Actor, email: str = "") -> tuple[User, str]:
    """A new account with a temporary password, returned once to be handed over; the
    person chooses their own at first login. ``actor`` must be allowed every role."""
    if actor is not None:
        _require(bool(roles) or access.is_system_admin(actor))
        for role, unit in roles:
            _require(access.can_grant_role(actor, role, unit))
    username = _check_username(username)
    raw = temporary_password()
    user = User.objects.create_user(username=username, email=email.strip(), password=raw,
                                    first_name=full_name.strip()[:150])
    _must_change(user, True)
    for role, unit in roles:
        RoleAssignment.objects.get_or_create(user=user, role=role, orgunit=unit)
    audit_record(actor=actor, action="user.create", target=user,
                 orgunit=roles[0][1] if roles else None,
                 new={"username": username, "full_name": user.first_name,
                      "roles": [[role, unit.code] for role, unit in roles]})
    return user, raw


@transaction.atomic
def role_grant(*, user: User, role: str, unit: OrgUnit, actor: Actor) -> RoleAssignment:
    if actor is not None:
        _require(access.can_grant_role(actor, role, unit))
    if role not in Role.values:
        raise AccountError(_("Vai trò “%(role)s” không có.") % {"role": role})
    assignment, _created = RoleAssignment.objects.get_or_create(user=user, role=role, orgunit=unit)
    audit_record(actor=actor, action="role.grant", target=user, orgunit=unit,
                 new={"role": role, "orgunit": unit.code})
    return assignment


def role_revoke(*, assignment: RoleAssignment, actor: Actor, reason: str = "") -> None:
    """Take a role away, for someone allowed to grant it (role_assignment_delete audits)."""
    if actor is not None:
        _require(access.can_revoke_role(actor, assignment.role, assignment.orgunit))
    role_assignment_delete(actor=actor, assignment=assignment, reason=reason)


@transaction.atomic
def user_set_active(*, user: User, active: bool, actor: Actor, reason: str = "") -> User:
    """Deactivate (or reactivate) an account. Accounts are never deleted: their names
    stay on the figures they entered and approved."""
    if actor is not None:
        _require(access.can_manage_user(actor, user))
    if not active:
        user_deactivate(actor=actor, user=user, reason=reason)
        return user
    old = user.is_active
    user.is_active = active
    user.save(update_fields=["is_active"])
    audit_record(actor=actor, action="user.activate", target=user, old={"is_active": old},
                 new={"is_active": True}, reason=reason)
    return user


@transaction.atomic
def password_reset_temporary(*, user: User, actor: Actor) -> str:
    """A new temporary password, returned once; the person must change it at login."""
    if actor is not None:
        _require(access.can_manage_user(actor, user))
    raw = temporary_password()
    user.set_password(raw)
    user.save(update_fields=["password"])
    _must_change(user, True)
    audit_record(actor=actor, action="user.password_reset", target=user, new={"by": "temporary"})
    return raw


@transaction.atomic
def password_reset_link(*, user: User, actor: Actor) -> tuple[str, str]:
    """(uidb64, token) for a one-time link: the token stops working once the password
    changes or after PASSWORD_RESET_TIMEOUT. The old password is made unusable."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    if actor is not None:
        _require(access.can_manage_user(actor, user))
    user.set_unusable_password()
    user.save(update_fields=["password"])
    _must_change(user, False)
    audit_record(actor=actor, action="user.password_reset", target=user, new={"by": "link"})
    return urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)


@transaction.atomic
def password_change(*, user: User, new_password: str, actor: Actor) -> User:
    """A person sets their own password (change page, or a one-time link)."""
    if actor is not None and getattr(actor, "pk", None) != user.pk:
        raise PermissionDenied
    user.set_password(new_password)
    user.save(update_fields=["password"])
    _must_change(user, False)
    audit_record(actor=user, action="user.password_change", target=user)
    return user


def must_change_password(user: User | AnonymousUser) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return PasswordState.objects.filter(user_id=user.pk or 0, must_change=True).exists()


# --- people from a spreadsheet ---------------------------------------------------------------

PEOPLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "username": ("Tên đăng nhập", "Tài khoản"),
    "full_name": ("Họ và tên", "Họ tên"),
    "role": ("Vai trò",),
    "unit": ("Mã đơn vị", "Đơn vị"),
    "email": ("Thư điện tử", "Email"),
}


class PeopleImportError(Exception):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def role_from_text(text: str) -> str | None:
    from nghiquyet.lib.tables import fold_header

    folded = fold_header(text)
    words = {
        Role.ADMIN: ("admin", "quản trị", "quản trị hệ thống"),
        Role.LEADER: ("leader", "lãnh đạo"),
        Role.OFFICER: ("officer", "cán bộ", "cán bộ chuyên môn", "công chức"),
        Role.REPORTER: ("reporter", "người báo cáo", "báo cáo", "trưởng bản", "trưởng thôn"),
        Role.SUPERVISOR: ("supervisor", "giám sát"),
    }
    for role, names in words.items():
        if folded in {fold_header(n) for n in (*names, Role(role).label)}:
            return role
    return None


@transaction.atomic
def users_import(*, rows: list[Any], within: OrgUnit, actor: Actor) -> list[tuple[User, str]]:
    """Accounts from spreadsheet rows (``lib.tables.TableRow`` with PEOPLE_COLUMNS keys),
    each with one role over a unit under ``within``. All or nothing; each created account's
    temporary password is returned once."""
    from nghiquyet.orgunits.services import child_code

    errors: list[str] = []
    units = {u.code.upper(): u for u in OrgUnit.objects.subtree(within)}
    planned: list[tuple[Any, str, str, str, OrgUnit]] = []
    seen: dict[str, int] = {}

    def fail(row: Any, column: str, message: str) -> None:
        errors.append(_("Dòng %(row)d, cột “%(col)s”: %(msg)s")
                      % {"row": row.number, "col": column, "msg": message})

    if not rows:
        raise PeopleImportError([_("Tệp không có dòng người dùng nào dưới dòng tiêu đề.")])
    for row in rows:
        c = row.cells
        username = c["username"].strip().lower()
        try:
            _check_username(username)
        except AccountError as exc:
            fail(row, _("Tên đăng nhập"), exc.message)
        if username in seen:
            fail(row, _("Tên đăng nhập"), _("trùng với dòng %(n)d.") % {"n": seen[username]})
        seen.setdefault(username, row.number)
        if not c["full_name"]:
            fail(row, _("Họ và tên"), _("còn trống."))
        role = role_from_text(c["role"])
        if role is None:
            fail(row, _("Vai trò"), _("“%(r)s” không phải một vai trò; dùng: Lãnh đạo, Cán bộ, "
                                       "Người báo cáo, Giám sát.") % {"r": c["role"]})
        code = c["unit"].strip().upper()
        unit = units.get(code) or units.get(child_code(within, code)) if code else within
        if unit is None:
            fail(row, _("Mã đơn vị"), _("không có đơn vị mã “%(c)s” trong %(u)s.")
                 % {"c": c["unit"], "u": within.name})
        elif role is not None and actor is not None and not access.can_grant_role(actor, role,
                                                                                   unit):
            fail(row, _("Vai trò"), _("bạn không được giao vai trò này cho đơn vị này."))
        if unit is not None and role is not None:
            planned.append((row, username, c["full_name"], role, unit))
    if errors:
        raise PeopleImportError(errors)
    return [user_create(username=u, full_name=n, roles=[(r, unit)], actor=actor,
                        email=row.cells["email"]) for row, u, n, r, unit in planned]
