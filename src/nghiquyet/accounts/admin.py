from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
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
    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


# Users are deactivated, never deleted: deleting one would orphan the audit trail and the
# figures they entered, submitted or approved (the audit foreign key also refuses it).
admin.site.unregister(User)


@admin.register(User)
class NoDeleteUserAdmin(UserAdmin):
    actions = ["deactivate"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=_("Ngừng kích hoạt người dùng đã chọn"))
    def deactivate(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for user in queryset:
            services.user_deactivate(actor=request.user, user=user)
