"""The Django admin shows audited models and never writes them: every change goes through
the product's pages and their audited services. tests/web/test_admin_writes.py walks
every registered model and holds each admin to this."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest


class NoWrites:
    """Refuses add, change and delete in any admin class it is mixed into."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(NoWrites, admin.ModelAdmin):
    pass


class ReadOnlyTabularInline(NoWrites, admin.TabularInline):
    extra = 0
    can_delete = False


class ReadOnlyStackedInline(NoWrites, admin.StackedInline):
    extra = 0
    can_delete = False
