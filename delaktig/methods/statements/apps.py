from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "delaktig.methods.statements"
    label = "statements"
    verbose_name = _("Statements and opinion groups")

    def ready(self):
        from . import tasks  # noqa: F401 (the background refresh and what it is for)
