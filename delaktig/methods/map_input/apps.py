from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapInputConfig(AppConfig):
    name = "delaktig.methods.map_input"
    label = "map_input"
    verbose_name = _("Map dialogue")
