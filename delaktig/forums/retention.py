"""How long forums keep their members' contact details (the retention table, core/retention.py).

Who sat in a forum, for whom and when is part of its public record and stays; the e-mail address and phone
number were only for staff to reach the person during the term.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.retention import MONTHS, STRIP, RetentionKind, in_batches

from .models import ForumMember


def member_contacts_remove(municipality, cutoff):
    ended = ForumMember.objects.filter(
        forum__municipality=municipality, term_end__lt=timezone.localdate(cutoff)
    ).exclude(email="", phone="")
    return in_batches(ended, lambda rows: rows.update(email="", phone=""))


RETENTION = (
    RetentionKind(
        key="forum_member_contacts",
        description=_("E-mail addresses and phone numbers of members of councils and forums"),
        counts_from=_("after the member's term ended"),
        removal=STRIP,
        removal_note=_("Contact details are removed. Who was a member, for whom and when stays."),
        unit=MONTHS,
        default=12,
        apply=member_contacts_remove,
    ),
)


@core_hooks.retention_kinds.register
def forums_retention():
    return RETENTION
