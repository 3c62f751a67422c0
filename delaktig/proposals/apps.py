from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "delaktig.proposals"
    label = "proposals"
    verbose_name = "E-petitions and citizen proposals"

    def ready(self):
        from . import hooks, opendata, report, signatures  # noqa: F401  (register the hooks)

        signatures.ready()
