"""What dialogues offers to "my pages", the personal-data export and erasure (see delaktig/core/hooks.py)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delaktig.core import hooks

from . import selectors, workflow
from .models import Follower, Notification


@hooks.register("home_context")
def open_dialogues_on_home(request):
    return {
        "open_dialogues": selectors.dialogues_open_now(municipality=request.municipality),
        "current_information": selectors.information_now(municipality=request.municipality),
    }


@hooks.register("my_pages_section")
def followed_dialogues_section(request):
    if not request.user.is_authenticated:
        return None
    return {
        "title": _("Dialogues you follow"),
        "template": "dialogues/public/my_pages_followed.html",
        "context": {"followed_dialogues": selectors.followed_dialogues(user=request.user)},
    }


@hooks.register("personal_data")
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


@hooks.register("erase_user")
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
}


@hooks.register("audit_action_labels")
def dialogue_action_labels():
    """The dialogue's audit events in words: its own, and each step of the lifecycle by its label."""
    steps = {f"dialogue.{spec.name}": spec.label for spec in workflow.TRANSITIONS.values()}
    return {**steps, **ACTION_LABELS}
