"""How long surveys keep the addresses invitations were sent to (the retention table, core/retention.py)."""

from django.utils.translation import gettext_lazy as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.retention import MONTHS, STRIP, RetentionKind, in_batches

from .models import Invitation


def invitation_addresses_remove(municipality, cutoff):
    """Addresses of invitations sent before `cutoff`; the invitation stays for the response rate (and only a hash
    of its link was ever kept)."""
    old = Invitation.objects.filter(survey__module__dialogue__municipality=municipality, created_at__lt=cutoff).exclude(
        email=""
    )
    return in_batches(old, lambda rows: rows.update(email=""))


RETENTION = (
    RetentionKind(
        key="survey_invitation_addresses",
        description=_("E-mail addresses that personal survey invitations were sent to"),
        counts_from=_("after the invitation was sent"),
        removal=STRIP,
        removal_note=_("The address is removed. Response rates per group stay."),
        unit=MONTHS,
        default=6,
        apply=invitation_addresses_remove,
    ),
)


@core_hooks.retention_kinds.register
def surveys_retention():
    return RETENTION
