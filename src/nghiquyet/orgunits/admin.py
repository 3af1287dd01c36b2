from django.contrib import admin

from nghiquyet.audit.admin_readonly import ReadOnlyAdmin
from nghiquyet.orgunits.models import OrgUnit


@admin.register(OrgUnit)
class OrgUnitAdmin(ReadOnlyAdmin):
    """Units are set up, added, renamed, moved, merged and deactivated on the unit pages
    (/units/), which write the audit trail."""

    list_display = ["code", "official_code", "name", "type", "parent", "is_active",
                    "is_illustrative"]
    list_filter = ["type", "is_active", "is_illustrative"]
    search_fields = ["code", "official_code", "name"]
    list_select_related = ["parent"]
