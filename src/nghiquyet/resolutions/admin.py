from django.contrib import admin

from nghiquyet.resolutions.models import (
    Breakthrough,
    DataSeries,
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
