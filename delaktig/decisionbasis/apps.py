from django.apps import AppConfig


class DecisionbasisConfig(AppConfig):
    name = "delaktig.decisionbasis"
    label = "decisionbasis"
    verbose_name = "Decision basis"

    def ready(self):
        from . import hooks  # noqa: F401  (registers the hooks)
