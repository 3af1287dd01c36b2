"""People pages (a system admin, or a commune's leader over their subtree) and each
person's own password."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_http_methods, require_POST

from nghiquyet.accounts import access, selectors, services
from nghiquyet.accounts.forms import PersonCreateForm, RoleGrantForm
from nghiquyet.accounts.middleware import MUST_CHANGE
from nghiquyet.accounts.models import RoleAssignment
from nghiquyet.lib.i18n import gettext as _
from nghiquyet.lib.tables import TableError, read_table
from nghiquyet.orgunits.models import OrgUnit, OrgUnitType


def _units(request: HttpRequest) -> Any:
    return access.managed_units(request.user).filter(is_active=True).order_by("path")


def _scope(request: HttpRequest) -> OrgUnit | None:
    code = request.GET.get("unit") or request.POST.get("within")
    if not code:
        return None
    return access.get_managed_unit(request.user, code)


@login_required
@require_http_methods(["GET", "POST"])
def people(request: HttpRequest) -> HttpResponse:
    units = _units(request)
    if not units.exists():
        raise PermissionDenied
    scope = _scope(request)
    communes = units.filter(type=OrgUnitType.COMMUNE)
    default = scope or communes.first()
    by_form = request.method == "POST" and "file" not in request.FILES
    form = PersonCreateForm(request.POST if by_form else None, user=request.user, units=units,
                            initial={"unit": default.pk if default else None})
    created: list[tuple[User, str]] = []
    errors: list[str] = []
    if request.method == "POST" and "file" in request.FILES:
        upload = request.FILES["file"]
        assert isinstance(upload, UploadedFile)
        within = scope or units.first()  # scope: the commune chosen with the file
        try:
            rows = read_table(name=upload.name or "", data=upload.read(),
                              max_bytes=settings.NGHIQUYET_MAX_UPLOAD_BYTES,
                              columns=services.PEOPLE_COLUMNS,
                              required=("username", "full_name", "role"))
            created = services.users_import(rows=rows, within=within, actor=request.user)
        except TableError as exc:
            errors = [exc.message]
        except services.PeopleImportError as exc:
            errors = [_("Tệp %(file)s có lỗi, chưa tạo tài khoản nào:") % {"file": upload.name},
                      *exc.errors]
    elif by_form and form.is_valid():
        data = form.cleaned_data
        try:
            created = [services.user_create(
                username=data["username"], full_name=data["full_name"], email=data["email"],
                roles=[(data["role"], data["unit"])], actor=request.user)]
        except services.AccountError as exc:
            form.add_error("username", exc.message)
        else:  # an empty form for the next person
            form = PersonCreateForm(user=request.user, units=units,
                                    initial={"unit": data["unit"].pk, "role": data["role"]})
    status = 400 if request.method == "POST" and not created else 200
    return render(request, "accounts/people.html", {
        "form": form, "people": selectors.people_of(request.user, scope), "scope": scope,
        "communes": communes[:200],
        "created": created, "errors": errors, "login_url": request.build_absolute_uri(
            reverse("login")),
    }, status=status)


def _person(request: HttpRequest, user_id: int) -> User:
    person = get_object_or_404(User, pk=user_id)
    if not (access.is_system_admin(request.user) or selectors.people_of(request.user)
            .filter(pk=person.pk).exists()):
        raise PermissionDenied
    return person


@login_required
@require_http_methods(["GET", "POST"])
def person(request: HttpRequest, user_id: int) -> HttpResponse:
    person = _person(request, user_id)
    form = RoleGrantForm(request.POST or None, user=request.user, units=_units(request))
    if request.method == "POST" and form.is_valid():
        services.role_grant(user=person, role=form.cleaned_data["role"],
                            unit=form.cleaned_data["unit"], actor=request.user)
        messages.success(request, _("Đã giao vai trò."))
        return redirect("accounts:person", user_id=person.pk)
    return render(request, "accounts/person.html", _person_context(request, person, form))


def _person_context(request: HttpRequest, person: User, form: Any = None,
                    **extra: Any) -> dict[str, Any]:
    roles = [(a, access.can_revoke_role(request.user, a.role, a.orgunit))
             for a in RoleAssignment.objects.filter(user=person).select_related("orgunit")
             .order_by("role")]
    return {"person": person, "roles": roles, "form": form or RoleGrantForm(
        user=request.user, units=_units(request)),
        "can_manage": access.can_manage_user(request.user, person), **extra}


@login_required
@require_POST
def role_revoke(request: HttpRequest, user_id: int, assignment_id: int) -> HttpResponse:
    person = _person(request, user_id)
    assignment = get_object_or_404(RoleAssignment.objects.select_related("orgunit", "user"),
                                   pk=assignment_id, user=person)
    services.role_revoke(assignment=assignment, actor=request.user)
    messages.success(request, _("Đã bỏ vai trò."))
    return redirect("accounts:person", user_id=person.pk)


@login_required
@require_POST
def person_action(request: HttpRequest, user_id: int, action: str) -> HttpResponse:
    person = _person(request, user_id)
    if action in ("deactivate", "activate"):
        services.user_set_active(user=person, active=action == "activate", actor=request.user,
                                 reason=request.POST.get("reason", "")[:500])
        messages.success(request, _("Đã ngừng tài khoản.") if action == "deactivate"
                         else _("Đã mở lại tài khoản."))
        return redirect("accounts:person", user_id=person.pk)
    if action == "temporary":
        raw = services.password_reset_temporary(user=person, actor=request.user)
        return render(request, "accounts/person.html",
                      _person_context(request, person, temporary=raw))
    if action == "link":
        uid, token = services.password_reset_link(user=person, actor=request.user)
        link = request.build_absolute_uri(reverse("accounts:reset_confirm", args=[uid, token]))
        return render(request, "accounts/person.html", _person_context(request, person, link=link))
    raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def password_change(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # login_required
    form = PasswordChangeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.password_change(user=user, new_password=form.cleaned_data["new_password1"],
                                 actor=user)
        update_session_auth_hash(request, user)
        request.session[MUST_CHANGE] = False
        messages.success(request, _("Đã đổi mật khẩu."))
        return redirect("home")
    return render(request, "accounts/password_change.html", {
        "form": form, "must_change": bool(request.session.get(MUST_CHANGE)),
    }, status=400 if request.method == "POST" else 200)


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    """The one-time link: the new password is set through the audited service."""

    template_name = "accounts/reset_confirm.html"
    success_url = reverse_lazy("login")
    post_reset_login = False

    def form_valid(self, form: Any) -> HttpResponse:
        services.password_change(user=form.user, new_password=form.cleaned_data["new_password1"],
                                 actor=None)
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        messages.success(self.request, _("Đã đặt mật khẩu mới. Hãy đăng nhập."))
        return redirect(self.success_url)
