from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "nghiquyet.figures"
    # The folder was called ``reporting`` until wave 2. The label stays so that
    # existing databases keep their tables, migration history and content types.
    label = "reporting"
    verbose_name = _("Thu thập số liệu")
