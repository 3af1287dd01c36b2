from django.urls import path

from nghiquyet.resolutions import views_lifecycle, views_read, views_unit_targets

app_name = "resolutions"

urlpatterns = [
    path("resolutions/read/", views_read.read_upload, name="read_upload"),
    path("resolutions/read/<int:draft_id>/", views_read.read_review, name="read_review"),
    path("resolutions/read/<int:draft_id>/registry.json", views_read.read_registry,
         name="read_registry"),
    path("resolutions/read/<int:draft_id>/discard/", views_read.read_discard,
         name="read_discard"),
    path("resolutions/read/<int:draft_id>/duplicate/", views_lifecycle.read_duplicate,
         name="read_duplicate"),
    path("resolutions/<int:resolution_id>/manage/", views_lifecycle.manage, name="manage"),
    path("resolutions/<int:resolution_id>/unit-targets/", views_unit_targets.unit_targets_page,
         name="unit_targets"),
]
