"""Programmes in the admin, read-only: every write goes through the audited services
(the programme's pages, the import, the API)."""

from django.contrib import admin

from nghiquyet.audit.admin_readonly import ReadOnlyAdmin, ReadOnlyTabularInline
from nghiquyet.programmes.models import (
    Evidence,
    Milestone,
    Notification,
    Programme,
    ProgrammeDraft,
    ProgrammeItem,
    ProgressUpdate,
    ReminderRun,
)


class ReadOnlyInline(ReadOnlyTabularInline):
    show_change_link = True


class MilestoneInline(ReadOnlyInline):
    model = Milestone


class UpdateInline(ReadOnlyInline):
    model = ProgressUpdate
    fields = ["on", "percent", "text", "author"]


@admin.register(Programme)
class ProgrammeAdmin(ReadOnlyAdmin):
    list_display = ["title", "number", "resolution", "issued_on"]
    list_select_related = ["resolution"]
    search_fields = ["title", "number"]


@admin.register(ProgrammeItem)
class ProgrammeItemAdmin(ReadOnlyAdmin):
    list_display = ["number", "content", "lead_unit", "due_date", "status", "percent"]
    list_filter = ["status", "recurrence", "programme"]
    list_select_related = ["lead_unit"]
    search_fields = ["content", "number"]
    inlines = [MilestoneInline, UpdateInline]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ReadOnlyAdmin):
    list_display = ["item", "on", "percent", "author"]
    list_select_related = ["item", "author"]


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ["name", "update", "size"]
    list_select_related = ["update__item"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["title", "user", "kind", "created_at", "read_at", "emailed_at"]
    list_filter = ["kind"]
    list_select_related = ["user"]


@admin.register(ProgrammeDraft)
class ProgrammeDraftAdmin(ReadOnlyAdmin):
    list_display = ["filename", "resolution", "created_by", "created_at"]
    list_select_related = ["resolution", "created_by"]
    exclude = ["data"]


@admin.register(ReminderRun)
class ReminderRunAdmin(ReadOnlyAdmin):
    list_display = ["on", "ran_at", "created", "emailed"]
