from django.urls import path

from nghiquyet.orgunits import views

app_name = "orgunits"
urlpatterns = [
    path("units/", views.unit_list, name="list"),
    path("units/setup/", views.setup, name="setup"),
    path("units/<str:code>/", views.unit_page, name="unit"),
    path("units/<str:code>/sub/<str:child>/", views.subunit_change, name="change"),
]
