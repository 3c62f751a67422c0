"""How long mailings keep their recipients' addresses (the retention table, core/retention.py)."""

from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.retention import MONTHS, STRIP, RetentionKind, in_batches

from .models import Recipient

REMOVED_DOMAIN = "@gallrad.invalid"  # the unique key (mailing, email) must still hold, so each row gets its own


def recipients_remove(municipality, cutoff):
    sent = Recipient.objects.filter(mailing__municipality=municipality, mailing__finished_at__lt=cutoff).exclude(
        email__endswith=REMOVED_DOMAIN
    )
    placeholder = Concat(Cast(F("pk"), CharField()), Value(REMOVED_DOMAIN))
    return in_batches(sent, lambda rows: rows.update(email=placeholder, name="", values={}))


RETENTION = (
    RetentionKind(
        key="mailing_recipients",
        description=_("Names and e-mail addresses of those a mass e-mail was sent to"),
        counts_from=_("after the e-mail was sent to everyone"),
        removal=STRIP,
        removal_note=_("Names and addresses are removed. The message and how many got it stay."),
        unit=MONTHS,
        default=3,
        apply=recipients_remove,
    ),
)


@core_hooks.retention_kinds.register
def mailings_retention():
    return RETENTION
