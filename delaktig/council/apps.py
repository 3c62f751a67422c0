from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "delaktig.council"
    label = "council"
    verbose_name = "Council meetings and public question time"

    def ready(self):
        from . import hooks, opendata, report  # noqa: F401  (register the hooks)
