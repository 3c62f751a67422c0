from django.apps import AppConfig


class BaselineConfig(AppConfig):
    name = "delaktig.baseline"
    label = "baseline"
    verbose_name = "Baseline of participation activities and capacity"

    def ready(self):
        from . import hooks, opendata, report  # noqa: F401  (register the hooks)
