from django.contrib import admin

from nghiquyet.accounts.models import ApiToken, RoleAssignment


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "orgunit"]
    list_filter = ["role"]
    list_select_related = ["user", "orgunit"]
    autocomplete_fields = ["orgunit"]
    search_fields = ["user__username", "orgunit__name", "orgunit__code"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "created_at", "last_used_at"]
    readonly_fields = ["key_hash", "created_at", "last_used_at"]
    list_select_related = ["user"]

    # A key is shown once, so it is made by `nghiquyet create_api_token`, not here.
    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
