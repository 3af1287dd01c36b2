from django.contrib import admin

from nghiquyet.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "object_repr", "orgunit"]
    list_filter = ["action"]
    search_fields = ["object_repr", "reason"]
    list_select_related = ["actor", "orgunit"]

    # The audit trail is append-only, even for administrators.
    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
