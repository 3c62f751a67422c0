"""How long dialogue meetings keep the registrations' personal data (the retention table, core/retention.py)."""

from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.retention import MONTHS, STRIP, RetentionKind, in_batches

from .models import Registration

REMOVED = "gallrad-"


def registrations_remove(municipality, cutoff):
    """Registrations for meetings that ended before `cutoff`: name, address and needs (food, assistance) go; the row
    stays, so the meeting still shows how many came. Each key stays unique per meeting."""
    ended = Registration.objects.filter(municipality=municipality, meeting__ends_at__lt=cutoff).exclude(
        email_key__startswith=REMOVED
    )
    key = Concat(Value(REMOVED), Cast(F("pk"), CharField()))
    fields = {"name": "", "email": "", "interpretation": "", "diet": "", "assistance": "", "user": None}
    return in_batches(ended, lambda rows: rows.update(email_key=key, wants_updates=False, **fields))


RETENTION = (
    RetentionKind(
        key="dialogue_meeting_registrations",
        description=_("Registrations for meetings: name, e-mail address, food and assistance needs"),
        counts_from=_("after the meeting"),
        removal=STRIP,
        removal_note=_("Name, address and needs are removed. The number who registered stays."),
        unit=MONTHS,
        default=3,
        apply=registrations_remove,
    ),
)


@core_hooks.retention_kinds.register
def dialogue_meetings_retention():
    return RETENTION
