"""The project's URLs with the catalogue router mounted, until ``nghiquyet.api.main`` mounts
it itself; from then on these are simply the project's URLs."""

from django.urls import Resolver404, path, resolve
from ninja import NinjaAPI

from nghiquyet.api.catalogue import router
from nghiquyet.urls import urlpatterns as project_urlpatterns


def _mounted() -> bool:
    try:
        resolve("/api/v1/catalogue", urlconf="nghiquyet.urls")
    except Resolver404:
        return False
    return True


if _mounted():
    urlpatterns = list(project_urlpatterns)
else:
    _api = NinjaAPI(urls_namespace="catalogue-test-api")
    _api.add_router("", router)
    urlpatterns = [path("api/v1/", _api.urls), *project_urlpatterns]
