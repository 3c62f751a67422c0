"""What decisionbasis offers to other apps through delaktig.core.hooks."""

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.dialogues import hookspecs as dialogue_hooks

from . import selectors
from .views import READ_ROLES, STATES


@dialogue_hooks.dialogue_staff_pages.register
def decision_basis_page(dialogue, user):
    """From the close of the dialogue: a link to its decision basis, naming the latest version."""
    if dialogue.state not in STATES or not user.has_role(dialogue.municipality, *READ_ROLES):
        return []
    url = reverse("decisionbasis:list", args=[dialogue.municipality.slug, dialogue.pk])
    latest = selectors.latest_for(dialogue)
    if latest is None:
        return [(url, _("Decision basis"))]
    title = _("Decision basis (latest: version %(version)s, %(status)s)") % {
        "version": latest.version,
        "status": latest.get_status_display(),
    }
    return [(url, title)]
