from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "delaktig.identity"
    label = "identity"
    verbose_name = "Identity"

    def ready(self):
        from . import checks, hooks  # noqa: F401 (registers the deploy check and the hooks)
