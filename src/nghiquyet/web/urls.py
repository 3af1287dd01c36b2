from django.contrib.auth import views as auth_views
from django.urls import path

from nghiquyet.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("manifest.webmanifest", views.web_manifest, name="web_manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.offline, name="offline"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("resolutions/import/", views.registry_upload, name="registry_upload"),
    path("resolutions/<int:resolution_id>/", views.resolution_detail, name="resolution_detail"),
    path("resolutions/<int:resolution_id>/registry.json", views.registry_download,
         name="registry_download"),
]
