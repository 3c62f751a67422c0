"""What signing needs when the app is ready: the My pages section registered, and the copies each process keeps
of a proposal's signing window and a municipality's identity level forgotten when those rows change."""

from django.db import transaction
from django.db.models.signals import post_save

from ..models import Proposal, ProposalSettings
from . import _my_pages  # noqa: F401  (registers the My pages section)
from ._selectors import sign_identity_level_forget, signing_window_forget


def _now_and_after_commit(forget):
    """Forget at once, and again when the change is committed: a request that read the old row in between must
    not keep it."""
    forget()
    transaction.on_commit(forget)


def _forget_window(sender, instance, **kwargs):
    _now_and_after_commit(lambda: signing_window_forget(instance.pk))


def _forget_identity_level(sender, instance, **kwargs):
    _now_and_after_commit(lambda: sign_identity_level_forget(instance.municipality_id))


def ready():
    """Called by ProposalsConfig.ready."""
    post_save.connect(_forget_window, sender=Proposal, dispatch_uid="proposals.forget_signing_window", weak=False)
    post_save.connect(
        _forget_identity_level, sender=ProposalSettings, dispatch_uid="proposals.forget_identity_level", weak=False
    )
