"""How long accounts keep personal data (the retention table, core/retention.py; registered in AccountsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from delaktig.core import hookspecs as core_hooks
from delaktig.core.retention import DAYS, DELETE, RetentionKind, delete_rows, in_batches

from .models import IdentityLevel, User


def unconfirmed_accounts_remove(municipality, cutoff):
    """Accounts whose e-mail address was never confirmed: nobody could log in to them, so nothing points to them
    but the registration itself. Staff and erased accounts are never touched."""
    never = User.objects.filter(
        identity_level=IdentityLevel.NONE,
        is_active=True,
        is_staff=False,
        is_superuser=False,
        last_login__isnull=True,
        date_joined__lt=cutoff,
        memberships__isnull=True,
    )
    return in_batches(never, delete_rows)


RETENTION = (
    RetentionKind(
        key="accounts_unconfirmed",
        description=_("Accounts whose e-mail address was never confirmed"),
        counts_from=_("after the account was registered"),
        removal=DELETE,
        removal_note=_("The account is deleted. Nobody could log in to it."),
        unit=DAYS,
        default=30,
        apply=unconfirmed_accounts_remove,
        per_municipality=False,
        may_keep_forever=False,
    ),
)


@core_hooks.retention_kinds.register
def accounts_retention():
    return RETENTION
