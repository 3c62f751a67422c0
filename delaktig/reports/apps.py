from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "delaktig.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self):
        from . import hooks  # noqa: F401  (registers the hooks)
