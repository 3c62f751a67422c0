from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "delaktig.proposals"
    label = "proposals"
    verbose_name = "E-petitions and citizen proposals"

    def ready(self):
        from django.db.models.signals import post_save

        from . import hooks, opendata, report  # noqa: F401  (register the hooks)
        from .models import Proposal
        from .selectors_signing import signing_window_forget

        def forget_window(sender, instance, **kwargs):
            signing_window_forget(instance.pk)

        post_save.connect(forget_window, sender=Proposal, dispatch_uid="proposals.forget_signing_window", weak=False)
