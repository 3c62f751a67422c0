from django.apps import AppConfig


class MattersConfig(AppConfig):
    name = "delaktig.matters"
    label = "matters"
    verbose_name = "Coming matters and whether dialogue is planned"

    def ready(self):
        from . import hooks, report  # noqa: F401  (register the hooks)
