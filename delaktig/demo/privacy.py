"""Demo of personal data and records: a resident with a protected identity who has proposed and signed, and a run
of the retention that removed something (docs/privacy.md)."""

import datetime

from django.utils import timezone

from delaktig.privacy.services import protected_identity_set, retention_apply
from delaktig.proposals.models import Proposal, Signature, SignatureStatus, Status


def load(muni, bodies, people):
    saga = people["invanare3"]  # Saga Lind has sent a citizen proposal and a referred one (demo/proposals.py)
    collecting = Proposal.objects.filter(municipality=muni, status=Status.COLLECTING).order_by("pk").first()
    if collecting is not None:
        Signature.objects.update_or_create(  # she may have signed it already (demo/proposals.py)
            proposal=collecting,
            signer_key=saga.email,
            defaults={
                "user": saga,
                "name": saga.name,
                "email": saga.email,
                "email_domain": saga.email.rpartition("@")[2],
                "show_name": True,  # hidden when her identity is protected below
                "status": SignatureStatus.VALID,
                "confirmed_at": timezone.now(),
            },
        )
        _old_requests(collecting)
    protected_identity_set(
        municipality=muni,
        person=saga,
        protected=True,
        reason="Visade Skatteverkets beslut om skyddade personuppgifter (demo)",
        actor=people["registrator"],
    )
    retention_apply()


def _old_requests(proposal):
    """Signatures never confirmed and IP addresses older than their periods, for the retention to remove."""
    long_ago = timezone.now() - datetime.timedelta(days=120)
    for number in range(3):
        Signature.objects.create(
            proposal=proposal,
            signer_key=f"obekraftad{number}@example.se",
            name="Obekräftad",
            email=f"obekraftad{number}@example.se",
            email_domain="example.se",
            status=SignatureStatus.PENDING,
            ip_address="192.0.2.10",
        )
    Signature.objects.filter(proposal=proposal, status=SignatureStatus.PENDING).update(created_at=long_ago)
    valid = Signature.objects.filter(proposal=proposal, status=SignatureStatus.VALID).exclude(user__isnull=False)
    picked = list(valid.order_by("pk").values_list("pk", flat=True)[:4])
    Signature.objects.filter(pk__in=picked).update(ip_address="192.0.2.20", created_at=long_ago)
