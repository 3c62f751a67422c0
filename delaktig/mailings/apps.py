from django.apps import AppConfig


class MailingsConfig(AppConfig):
    name = "delaktig.mailings"
    label = "mailings"
    verbose_name = "Mailings"

    def ready(self):
        from . import retention  # noqa: F401  (register the retention rules)
