"""How long the citizen panel keeps its members' personal data (the retention table, core/retention.py).

The period of inactivity is the panel's own setting (it is also in the consent text people agree to), so the
retention page reads and writes it there: one value, two pages.
"""

from django.utils.translation import gettext_lazy as _

from delaktig.core.retention import DAYS, DELETE, MONTHS, STRIP, RetentionKind

from . import selectors, services
from .tokens import CONFIRM_MAX_AGE


def _inactivity_read(municipality):
    return selectors.settings_for(municipality).inactivity_months


def _inactivity_write(municipality, months, actor):
    rules = selectors.settings_for(municipality)
    services.settings_save(
        municipality=municipality, actor=actor, signup_open=rules.signup_open, inactivity_months=months
    )


RETENTION = (
    RetentionKind(
        key="panel_members_inactive",
        description=_("Members of the citizen panel who have not taken part"),
        counts_from=_("after the member last answered or was last in a sample"),
        removal=STRIP,
        removal_note=_("Name and contact details are removed. What the member answered was never stored with them."),
        unit=MONTHS,
        default=24,
        apply=services.members_inactive_remove,
        minimum=6,
        maximum=120,
        minimum_reason=_("The period is part of the consent members gave, between 6 and 120 months."),
        may_keep_forever=False,
        read_period=_inactivity_read,
        write_period=_inactivity_write,
    ),
    RetentionKind(
        key="panel_signups_unconfirmed",
        description=_("Sign-ups to the citizen panel never confirmed by e-mail"),
        counts_from=_("after the person signed up"),
        removal=DELETE,
        removal_note=_("The sign-up is deleted."),
        unit=DAYS,
        default=CONFIRM_MAX_AGE.days + 1,
        apply=services.signups_unconfirmed_remove,
        minimum=CONFIRM_MAX_AGE.days + 1,
        minimum_reason=_("The confirmation link is valid for seven days."),
    ),
)
