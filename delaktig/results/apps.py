from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "delaktig.results"
    label = "results"
    verbose_name = "Results"

    def ready(self):
        from . import hooks  # noqa: F401  (registers the hooks)
