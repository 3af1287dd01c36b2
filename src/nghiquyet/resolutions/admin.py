from typing import Any

from django.contrib import admin
from django.http import HttpRequest

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


class IndicatorGroupInline(admin.TabularInline):
    model = IndicatorGroup
    extra = 0


class BreakthroughInline(admin.TabularInline):
    model = Breakthrough
    extra = 0


class MainTaskInline(admin.TabularInline):
    model = MainTask
    extra = 0


@admin.register(Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    list_display = ["title", "issuer", "term_start", "term_end"]
    list_select_related = ["issuer"]
    search_fields = ["title"]
    inlines = [IndicatorGroupInline, BreakthroughInline, MainTaskInline]
    autocomplete_fields = ["issuer"]


class TargetInline(admin.StackedInline):
    model = Target
    extra = 0
    autocomplete_fields = ["series"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["number", "resolution", "group", "text"]
    list_filter = ["resolution"]
    list_select_related = ["resolution", "group"]
    inlines = [TargetInline]


@admin.register(DataSeries)
class DataSeriesAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "value_type", "reporting_unit_type", "aggregation"]
    list_filter = ["resolution", "value_type", "reporting_unit_type"]
    search_fields = ["code", "name"]


@admin.register(ImportDraft)
class ImportDraftAdmin(admin.ModelAdmin):
    """Look at and clear away abandoned drafts; editing one is the review page's job."""

    list_display = ["filename", "created_by", "issuer", "created_at", "updated_at", "version"]
    list_select_related = ["created_by", "issuer"]
    readonly_fields = ["created_by", "created_at", "updated_at", "filename", "issuer", "version",
                       "registry", "warnings"]
    exclude = ["source"]

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).defer("source")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
