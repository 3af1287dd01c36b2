from django.contrib import admin

from nghiquyet.orgunits.models import OrgUnit


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "type", "parent", "is_illustrative"]
    list_filter = ["type", "is_illustrative"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]
    readonly_fields = ["path", "depth"]
    # Parent changes go through orgunit_move so the subtree's paths follow.
    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        return [*self.readonly_fields, "parent"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        if change:
            super().save_model(request, obj, form, change)
            return
        from nghiquyet.orgunits.services import orgunit_create

        created = orgunit_create(code=obj.code, name=obj.name, type=obj.type, parent=obj.parent,
                                 is_illustrative=obj.is_illustrative, actor=request.user)
        obj.pk, obj.path, obj.depth = created.pk, created.path, created.depth
