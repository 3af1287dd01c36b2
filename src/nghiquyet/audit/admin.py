from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from nghiquyet.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_display", "action", "object_repr", "orgunit"]
    list_filter = ["action"]
    search_fields = ["object_repr", "reason", "actor_username", "actor_name"]
    list_select_related = ["actor", "orgunit"]

    # The audit trail is append-only, even for administrators.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
