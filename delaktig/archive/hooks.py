"""What archive offers to other apps through delaktig.core.hooks."""

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks
from delaktig.dialogues import hookspecs as dialogue_hooks
from delaktig.dialogues.models import AFTER_CLOSE

from .views import ROLES


@dialogue_hooks.dialogue_staff_pages.register
def archive_page(dialogue, user):
    """From the close of the dialogue: the export for the archive (refused, with the reason, until it is decided)."""
    if dialogue.state not in AFTER_CLOSE or not user.has_role(dialogue.municipality, *ROLES):
        return []
    return [(reverse("archive:start", args=[dialogue.municipality.slug, dialogue.pk]), _("Export for the archive"))]


@core_hooks.audit_action_labels.register
def archive_audit_labels():
    return {"archive.exported": _("Exported for the archive")}
