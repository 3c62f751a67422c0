from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "delaktig.archive"
    label = "archive"
    verbose_name = "Archive export"

    def ready(self):
        from . import hooks  # noqa: F401  (registers the hooks)
