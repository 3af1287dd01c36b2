from django.urls import path

from nghiquyet.dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("resolutions/<int:resolution_id>/dashboard/", views.dashboard, name="dashboard"),
    path("resolutions/<int:resolution_id>/indicators/<int:number>/", views.indicator_detail,
         name="indicator"),
]
