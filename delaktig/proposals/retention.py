"""How long proposals keep the personal data of signers (the retention table, core/retention.py).

The proposal, its count of signatures, the decision and the registry entry are public records and stay; a
signature row stays too, since it is part of an exact count, and loses the personal details it no longer needs.
"""

import hashlib

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from delaktig.core.retention import DAYS, DELETE, MONTHS, STRIP, RetentionKind, delete_rows, in_batches

from .models import Signature, SignatureStatus, Status

FINISHED = (Status.DECIDED, Status.REJECTED, Status.WITHDRAWN, Status.CLOSED_BELOW_THRESHOLD)
ERASED = "erased:"


def unconfirmed_signatures_remove(municipality, cutoff):
    waiting = Signature.objects.filter(
        proposal__municipality=municipality, status=SignatureStatus.PENDING, created_at__lt=cutoff
    )
    return in_batches(waiting, delete_rows)


def signer_addresses_remove(municipality, cutoff):
    """The e-mail addresses of signers of proposals finished before `cutoff`: the key becomes a one-way hash, as
    when a person erases their account (proposals.hooks), so the unique key still holds."""
    finished = Signature.objects.filter(
        proposal__municipality=municipality, proposal__status__in=FINISHED, proposal__status_changed_at__lt=cutoff
    ).exclude(signer_key__startswith=ERASED)
    return in_batches(finished.filter(~Q(signer_key__startswith="paper:") | ~Q(email="")), _strip_addresses)


def _strip_addresses(rows):
    signatures = list(rows)
    for signature in signatures:
        if not signature.signer_key.startswith(ERASED):
            signature.signer_key = ERASED + hashlib.sha256(signature.signer_key.encode()).hexdigest()
        signature.email = ""
        signature.wants_updates = False
    Signature.objects.bulk_update(signatures, ["signer_key", "email", "wants_updates"])
    return len(signatures)


def signer_ip_addresses_remove(municipality, cutoff):
    old = Signature.objects.filter(proposal__municipality=municipality, created_at__lt=cutoff, ip_address__isnull=False)
    return in_batches(old, lambda rows: rows.update(ip_address=None))


RETENTION = (
    RetentionKind(
        key="signatures_unconfirmed",
        description=_("Signatures on e-petitions never confirmed by e-mail"),
        counts_from=_("after the person signed"),
        removal=DELETE,
        removal_note=_("The signature is deleted. It was never counted."),
        unit=DAYS,
        default=30,
        apply=unconfirmed_signatures_remove,
    ),
    RetentionKind(
        key="signatures_email",
        description=_("E-mail addresses of those who signed a proposal"),
        counts_from=_("after the proposal was decided, rejected, withdrawn or closed"),
        removal=STRIP,
        removal_note=_("The e-mail address is removed. The signature still counts and a name shown stays shown."),
        unit=MONTHS,
        default=6,
        apply=signer_addresses_remove,
        minimum=1,
        minimum_reason=_(
            "Signers are told about the decision, and a decision can be appealed for three weeks after the minutes "
            "are announced (kommunallagen 13 kap.)."
        ),
    ),
    RetentionKind(
        key="signatures_ip",
        description=_("IP addresses of those who signed"),
        counts_from=_("after the person signed"),
        removal=STRIP,
        removal_note=_("The IP address is removed from the signature."),
        unit=DAYS,
        default=90,
        apply=signer_ip_addresses_remove,
    ),
)
