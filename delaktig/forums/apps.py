from django.apps import AppConfig


class ForumsConfig(AppConfig):
    name = "delaktig.forums"
    label = "forums"
    verbose_name = "Standing forums"

    def ready(self):
        from . import hooks, retention  # noqa: F401  (register the hooks and the retention rules)
