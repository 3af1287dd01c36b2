from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "nghiquyet.dashboards"
    verbose_name = _("Đánh giá tiến độ")
