from django.apps import AppConfig


class DialoguesConfig(AppConfig):
    name = "delaktig.dialogues"
    label = "dialogues"
    verbose_name = "Dialogues"

    def ready(self):
        from . import hooks  # noqa: F401  (registers my pages, personal data and erasure hooks)
