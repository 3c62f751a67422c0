from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenInputConfig(AppConfig):
    name = "delaktig.methods.open_input"
    label = "open_input"
    verbose_name = _("Open input")
