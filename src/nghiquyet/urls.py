from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from nghiquyet.api.main import api, api_not_found

admin.site.site_header = _("Quản trị nghiquyet")
admin.site.site_title = _("Quản trị nghiquyet")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    # An address under the API that no operation matches answers JSON too, not the HTML page.
    re_path(r"^api/", api_not_found),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("nghiquyet.figures.urls")),
    path("", include("nghiquyet.assessment.urls")),
    path("", include("nghiquyet.reports.urls")),
    path("", include("nghiquyet.resolutions.urls")),
    path("", include("nghiquyet.catalogue.urls")),
    path("", include("nghiquyet.programmes.urls")),
    path("", include("nghiquyet.orgunits.urls")),
    path("", include("nghiquyet.accounts.urls")),
    path("", include("nghiquyet.web.urls")),
]
