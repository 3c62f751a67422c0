from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "delaktig.methods.consultations"
    label = "consultations"
    verbose_name = _("Document consultations")

    def ready(self):
        from . import report_files  # noqa: F401 (its receiver: a comment moderated centrally changes the report)
