from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "delaktig.privacy"
    label = "privacy"
    verbose_name = "Personal data and records"

    def ready(self):
        from . import hooks  # noqa: F401  (register the hooks)
