from django.contrib import admin

from nghiquyet.audit.admin_readonly import ReadOnlyAdmin
from nghiquyet.catalogue.models import CatalogueIndicator, TargetMapping


@admin.register(CatalogueIndicator)
class CatalogueIndicatorAdmin(ReadOnlyAdmin):
    # The catalogue ships with the product (`load_catalogue`); read-only here.
    list_display = ("code", "name", "unit", "measure", "theme", "direction", "position")
    list_filter = ("theme", "measure", "direction")
    search_fields = ("code", "name", "notes")
    ordering = ("position", "code")


@admin.register(TargetMapping)
class TargetMappingAdmin(ReadOnlyAdmin):
    # Mappings are changed on the review page, which writes the audit trail.
    list_display = ("target", "indicator", "method", "confidence", "mapped_by", "mapped_at")
    list_filter = ("method", "indicator__theme")
    list_select_related = ("target", "indicator", "mapped_by")
    raw_id_fields = ("target",)
    search_fields = ("target__label", "indicator__name", "indicator__code")
