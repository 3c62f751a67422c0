from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "delaktig.demo"
    label = "demo"
    verbose_name = "Demo data"

    def ready(self):
        from . import hooks  # noqa: F401  (registers the hooks)
