from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "delaktig.proposals"
    label = "proposals"
    verbose_name = "E-petitions and citizen proposals"

    def ready(self):
        from . import hooks  # noqa: F401  (registers the hooks)
