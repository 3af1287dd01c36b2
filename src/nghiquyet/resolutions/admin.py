from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from nghiquyet.audit.admin_readonly import (
    ReadOnlyAdmin,
    ReadOnlyStackedInline,
    ReadOnlyTabularInline,
)
from nghiquyet.resolutions.models import (
    Breakthrough,
    DataSeries,
    ImportDraft,
    Indicator,
    IndicatorGroup,
    MainTask,
    Resolution,
    Target,
)


class IndicatorGroupInline(ReadOnlyTabularInline):
    model = IndicatorGroup
    extra = 0


class BreakthroughInline(ReadOnlyTabularInline):
    model = Breakthrough
    extra = 0


class MainTaskInline(ReadOnlyTabularInline):
    model = MainTask
    extra = 0


# Read-only: resolutions are imported, versioned, renamed and archived on the product's
# pages (audited services); how a figure is kept comes with the registry file.


@admin.register(Resolution)
class ResolutionAdmin(ReadOnlyAdmin):
    list_display = ["title", "issuer", "term_start", "term_end"]
    list_select_related = ["issuer"]
    search_fields = ["title"]
    inlines = [IndicatorGroupInline, BreakthroughInline, MainTaskInline]


class TargetInline(ReadOnlyStackedInline):
    model = Target
    extra = 0
    autocomplete_fields = ["series"]


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyAdmin):
    list_display = ["number", "resolution", "group", "text"]
    list_filter = ["resolution"]
    list_select_related = ["resolution", "group"]
    inlines = [TargetInline]


@admin.register(DataSeries)
class DataSeriesAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "unit", "value_type", "reporting_unit_type", "aggregation"]
    list_filter = ["resolution", "value_type", "reporting_unit_type"]
    search_fields = ["code", "name"]


@admin.register(ImportDraft)
class ImportDraftAdmin(ReadOnlyAdmin):
    """Look at and clear away abandoned drafts; editing one is the review page's job."""

    list_display = ["filename", "created_by", "issuer", "created_at", "updated_at", "version"]
    list_select_related = ["created_by", "issuer"]
    readonly_fields = ["created_by", "created_at", "updated_at", "filename", "issuer", "version",
                       "registry", "warnings"]
    exclude = ["source"]

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).defer("source")

    # Clearing away abandoned drafts is allowed, through the audited service.
    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    def delete_model(self, request: HttpRequest, obj: ImportDraft) -> None:
        from nghiquyet.resolutions.import_drafts import draft_delete

        draft_delete(draft=obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for draft in queryset:
            self.delete_model(request, draft)

