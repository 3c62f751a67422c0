from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "delaktig.methods.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self):
        from . import hooks  # noqa: F401  (forgetting sent invitation links and expired drafts)
