from django.apps import AppConfig


class FoundationConfig(AppConfig):
    name = "delaktig.foundation"
    label = "foundation"
    verbose_name = "Principles, toolbox and handbook"

    def ready(self):
        from . import hooks  # noqa: F401  (registers the hooks)
