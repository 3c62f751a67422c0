from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "delaktig.followup"
    label = "followup"
    verbose_name = "Follow-up"

    def ready(self):
        from . import hooks, opendata, report  # noqa: F401  (register the hooks)
