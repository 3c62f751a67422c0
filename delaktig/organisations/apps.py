from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "delaktig.organisations"
    label = "organisations"
    verbose_name = "Organisations"

    def ready(self):
        from . import hooks  # noqa: F401  (registers the hooks)
