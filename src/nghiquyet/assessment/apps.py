from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "nghiquyet.assessment"
    # Was the ``dashboards`` app; it has no models, so the label can follow the name.
    label = "assessment"
    verbose_name = _("Đánh giá tiến độ")
