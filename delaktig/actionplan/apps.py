from django.apps import AppConfig


class ActionPlanConfig(AppConfig):
    name = "delaktig.actionplan"
    label = "actionplan"
    verbose_name = "The action plan for participation, training and ambassadors"

    def ready(self):
        from . import hooks, report  # noqa: F401  (register the hooks)
