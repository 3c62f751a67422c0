from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "delaktig.opendata"
    label = "opendata"
    verbose_name = "Open data"

    def ready(self):
        from . import hooks  # noqa: F401  (registers the hooks)
