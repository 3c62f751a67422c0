from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "delaktig.proposals"
    label = "proposals"
    verbose_name = "E-petitions and citizen proposals"
