from django.apps import AppConfig


class PanelConfig(AppConfig):
    name = "delaktig.panel"
    label = "panel"
    verbose_name = "Citizen panel"

    def ready(self):
        from . import hooks  # noqa: F401  (register the hooks)
