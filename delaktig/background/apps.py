from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    name = "delaktig.background"
    label = "background"
    verbose_name = "Background work"
