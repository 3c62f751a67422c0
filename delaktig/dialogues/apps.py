from django.apps import AppConfig


class DialoguesConfig(AppConfig):
    name = "delaktig.dialogues"
    label = "dialogues"
    verbose_name = "Dialogues"
