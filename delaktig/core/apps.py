from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "delaktig.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from . import periodic  # noqa: F401  (registers core's own periodic job)
