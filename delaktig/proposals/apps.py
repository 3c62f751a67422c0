from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "delaktig.proposals"
    label = "proposals"
    verbose_name = "E-petitions and citizen proposals"

    def ready(self):
        from django.db import transaction
        from django.db.models.signals import post_save

        from . import hooks, my_pages, opendata, report  # noqa: F401  (register the hooks)
        from .models import Proposal, ProposalSettings
        from .selectors_signing import sign_identity_level_forget, signing_window_forget

        def now_and_after_commit(forget):
            """Forget at once, and again when the change is committed: a request that read the old row in between
            must not keep it."""
            forget()
            transaction.on_commit(forget)

        def forget_window(sender, instance, **kwargs):
            now_and_after_commit(lambda: signing_window_forget(instance.pk))

        def forget_identity_level(sender, instance, **kwargs):
            now_and_after_commit(lambda: sign_identity_level_forget(instance.municipality_id))

        post_save.connect(forget_window, sender=Proposal, dispatch_uid="proposals.forget_signing_window", weak=False)
        post_save.connect(
            forget_identity_level, sender=ProposalSettings, dispatch_uid="proposals.forget_identity_level", weak=False
        )
