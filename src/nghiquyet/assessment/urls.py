from django.urls import path

from nghiquyet.assessment import views

app_name = "assessment"

urlpatterns = [
    path("resolutions/<int:resolution_id>/dashboard/", views.dashboard, name="dashboard"),
    path("resolutions/<int:resolution_id>/indicators/<int:number>/", views.indicator_detail,
         name="indicator"),
]
