from django.urls import path

from nghiquyet.catalogue import views

app_name = "catalogue"

urlpatterns = [
    path("catalogue/", views.index, name="index"),
    path("catalogue/resolutions/<int:resolution_id>/mapping/", views.mapping, name="mapping"),
    path("provinces/", views.provinces, name="provinces"),
    path("provinces/<str:code>/", views.province, name="province"),
]
