"""What dialogues offers to "my pages", the personal-data export and erasure (see delaktig/core/hooks.py)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.accounts import hookspecs as account_hooks
from delaktig.core import hookspecs as core_hooks

from . import selectors, workflow
from .models import Follower, Notification


@core_hooks.home_context.register
def open_dialogues_on_home(request):
    return {
        "open_dialogues": selectors.dialogues_open_now(municipality=request.municipality),
        "current_information": selectors.information_now(municipality=request.municipality),
    }


@account_hooks.my_pages_section.register
def followed_dialogues_section(request):
    if not request.user.is_authenticated:
        return None
    return {
        "title": _("Dialogues you follow"),
        "template": "dialogues/public/my_pages_followed.html",
        "context": {"followed_dialogues": selectors.followed_dialogues(user=request.user)},
    }


@account_hooks.personal_data.register
def follows_personal_data(user):
    follows = Follower.objects.filter(user=user).select_related("dialogue").order_by("created_at")
    notifications = Notification.objects.filter(user=user).select_related("dialogue").order_by("created_at")
    return {
        "followed_dialogues": [
            {"dialogue": f.dialogue.title, "dialogue_id": f.dialogue_id, "since": f.created_at.isoformat()}
            for f in follows
        ],
        "dialogue_notifications": [
            {
                "dialogue": n.dialogue.title,
                "event": n.event,
                "sent_at": n.sent_at.isoformat() if n.sent_at else None,
            }
            for n in notifications
        ],
    }


@account_hooks.erase_user.register
def follows_erase(user):
    """Following is no record anyone needs to keep: follows and notifications are removed."""
    follows, _rows = Follower.objects.filter(user=user).delete()
    notifications, _rows = Notification.objects.filter(user=user).delete()
    return follows + notifications


ACTION_LABELS = {
    "dialogue.create": gettext_lazy("Created the initiative"),
    "dialogue.update": gettext_lazy("Changed the dialogue"),
    "dialogue.checklist": gettext_lazy("Saved the checklist"),
    "dialogue.cancel": gettext_lazy("Cancelled the dialogue"),
    "dialogue.public_identity": gettext_lazy("Changed how participants are shown"),
    "dialogue.case_number_change": gettext_lazy("Changed the case number"),
}


@core_hooks.audit_action_labels.register
def dialogue_action_labels():
    """The dialogue's audit events in words: its own, and each step of the lifecycle by its label."""
    steps = {f"dialogue.{spec.name}": spec.label for spec in workflow.TRANSITIONS.values()}
    return {**steps, **ACTION_LABELS}
