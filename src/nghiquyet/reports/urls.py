from django.urls import path

from nghiquyet.reports import views

app_name = "reports"

urlpatterns = [
    path("resolutions/<int:resolution_id>/report/", views.report, name="report"),
]
