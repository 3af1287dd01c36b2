from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from nghiquyet.accounts import services
from nghiquyet.accounts.models import ApiToken, RoleAssignment

User = get_user_model()


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "orgunit"]
    list_filter = ["role"]
    list_select_related = ["user", "orgunit"]
    autocomplete_fields = ["orgunit"]
    search_fields = ["user__username", "orgunit__name", "orgunit__code"]

    # Roles are given on the people pages (audited); here they are only seen and taken away.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    # Taking a role away is audited like any other write.
    def delete_model(self, request: HttpRequest, obj: RoleAssignment) -> None:
        services.role_assignment_delete(actor=request.user, assignment=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[RoleAssignment]) -> None:
        for obj in queryset.select_related("user", "orgunit"):
            services.role_assignment_delete(actor=request.user, assignment=obj)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "created_at", "last_used_at"]
    readonly_fields = ["key_hash", "created_at", "last_used_at"]
    list_select_related = ["user"]

    # A key is shown once, so it is made by `nghiquyet create_api_token`, not here.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    # Revoking a token is audited.
    def delete_model(self, request: HttpRequest, obj: ApiToken) -> None:
        services.api_token_delete(actor=request.user, token=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset.select_related("user"):
            services.api_token_delete(actor=request.user, token=token)


# The product gives rights by roles over units, not Django groups: no unaudited group editing.
if admin.site.is_registered(Group):
    admin.site.unregister(Group)

# Users are deactivated, never deleted: deleting one would orphan the audit trail and the
# figures they entered, submitted or approved (the audit foreign key also refuses it).
admin.site.unregister(User)


@admin.register(User)
class NoDeleteUserAdmin(UserAdmin):
    actions = ["deactivate"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    # Accounts are made on the people pages (or `createsuperuser`); a change made here is
    # saved through the audited service, and passwords are reset on the people pages.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.user_admin_update(actor=request.user, user=obj,
                                   changed=[f for f in form.changed_data if f != "password"])

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # Groups and permissions are part of the audited save above.
        form.save_m2m()

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> Any:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied

    @admin.action(description=_("Ngừng kích hoạt người dùng đã chọn"))
    def deactivate(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for user in queryset:
            services.user_deactivate(actor=request.user, user=user)


# Unlocking a login locked by django-axes is deleting its attempt row: audited.
from axes.admin import AccessAttemptAdmin  # noqa: E402
from axes.models import AccessAttempt  # noqa: E402

from nghiquyet.accounts.throttle import login_unlock  # noqa: E402

if admin.site.is_registered(AccessAttempt):
    admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class AuditedAccessAttemptAdmin(AccessAttemptAdmin):
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
    def delete_model(self, request: HttpRequest, obj: AccessAttempt) -> None:
        login_unlock(actor=request.user, attempt=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[AccessAttempt]) -> None:
        for obj in queryset:
            login_unlock(actor=request.user, attempt=obj)


# Login logs are axes' own record: shown, never edited or deleted here.
from axes.admin import AccessFailureLogAdmin, AccessLogAdmin  # noqa: E402
from axes.models import AccessFailureLog, AccessLog  # noqa: E402


class _ReadOnlyLog:
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


for _model, _admin in ((AccessLog, AccessLogAdmin), (AccessFailureLog, AccessFailureLogAdmin)):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, type(f"ReadOnly{_admin.__name__}", (_ReadOnlyLog, _admin), {}))
