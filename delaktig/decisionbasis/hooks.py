"""What decisionbasis offers to other apps through delaktig.core.hooks."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.core import hookspecs as core_hooks
from delaktig.dialogues import hookspecs as dialogue_hooks

from . import opendata, selectors
from .views import LETTERHEAD_ROLES, READ_ROLES, STATES


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


@dialogue_hooks.dialogue_public_sections.register
def decision_basis_section(request, dialogue):
    """The versions sent to the board: public documents, linked from the dialogue's public page."""
    versions = list(selectors.sent_versions_for(dialogue))
    if not versions:
        return []
    return [{"template": "decisionbasis/public/_section.html", "context": {"versions": versions}}]


@core_hooks.open_data_datasets.register
def decision_basis_datasets():
    return [opendata.DECISION_BASES]


@core_hooks.staff_nav_items.register
def letterhead_menu_item(request):
    if not request.user.has_role(request.municipality, *LETTERHEAD_ROLES):
        return []
    return [
        (_("Template of the decision basis"), reverse("decisionbasis:letterhead", args=[request.municipality.slug]))
    ]


@core_hooks.audit_action_labels.register
def decision_basis_action_labels():
    return {
        "decision_basis.requested": gettext_lazy("Decision basis generated"),
        "decision_basis.sent": gettext_lazy("Decision basis sent to the board"),
        "decision_basis.logo_changed": gettext_lazy("Logo of the decision basis changed"),
        "decision_basis.logo_removed": gettext_lazy("Logo of the decision basis removed"),
    }
