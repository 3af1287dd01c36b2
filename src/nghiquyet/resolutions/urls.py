from django.urls import path

from nghiquyet.resolutions import views_read

app_name = "resolutions"

urlpatterns = [
    path("resolutions/read/", views_read.read_upload, name="read_upload"),
    path("resolutions/read/<int:draft_id>/", views_read.read_review, name="read_review"),
    path("resolutions/read/<int:draft_id>/registry.json", views_read.read_registry,
         name="read_registry"),
    path("resolutions/read/<int:draft_id>/discard/", views_read.read_discard,
         name="read_discard"),
]
