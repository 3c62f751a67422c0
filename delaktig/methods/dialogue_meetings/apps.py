from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueMeetingsConfig(AppConfig):
    name = "delaktig.methods.dialogue_meetings"
    label = "dialogue_meetings"
    verbose_name = _("Dialogue meetings")

    def ready(self):
        from . import hooks, retention  # noqa: F401  (the reminder job, the retention rules)
