"""What results offers to other apps through delaktig.core.hooks."""

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.dialogues import hookspecs as dialogue_hooks

from .views.common import READ_ROLES, WORKSPACE_STATES


@dialogue_hooks.dialogue_staff_pages.register
def workspace_page(dialogue, user):
    """The workspace link on the dialogue's staff page, from the day it opens (reading early helps)."""
    if dialogue.state not in WORKSPACE_STATES or not user.has_role(dialogue.municipality, *READ_ROLES):
        return []
    return [(reverse("results:overview", args=[dialogue.municipality.slug, dialogue.pk]), _("Results workspace"))]
