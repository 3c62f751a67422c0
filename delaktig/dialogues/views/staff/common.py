"""Helpers shared by the staff views: who may do what, and the page that says "not now"."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from delaktig.organisations.models import Role

from ... import selectors, workflow

# Who may start an initiative, and change it while it is still an initiative.
CREATE_ROLES = frozenset({Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.ELECTED_OFFICIAL})
MODERATION_ROLES = frozenset({Role.MODERATOR, Role.DEMOCRACY_OFFICER, Role.OFFICER})


def transition_roles(*names):
    """Everyone who may take any of the named transitions (read from the lifecycle table)."""
    return frozenset().union(*(spec.actors for spec in workflow.TRANSITIONS.values() if spec.name in names))


def transition_kinds(*names):
    return frozenset().union(*(spec.applies_to for spec in workflow.TRANSITIONS.values() if spec.name in names))


def role_names(roles):
    labels = dict(Role.choices)
    return ", ".join(str(labels[role]) for role in sorted(roles))


def get_dialogue(request, pk):
    """The dialogue of this municipality, or 404."""
    return selectors.dialogue_get(municipality=request.municipality, pk=pk)


def find_dialogue(request, *args, pk=None, dialogue_id=None, **kwargs):
    """For staff_view: the dialogue the URL names (pk or dialogue_id) in this municipality, or 404."""
    return get_dialogue(request, dialogue_id if dialogue_id is not None else pk)


def not_available(request, dialogue, title):
    """The page for a step that makes no sense in the dialogue's current state or kind."""
    message = _("This is not possible when the dialogue is “%(state)s” (%(kind)s).") % {
        "state": dialogue.get_state_display(),
        "kind": dialogue.get_kind_display(),
    }
    context = {"dialogue": dialogue, "title": title, "message": message}
    return render(request, "dialogues/staff/not_available.html", context, status=409)


def post_data(request):
    """The submitted data on POST, else None (an unbound form)."""
    return request.POST if request.method == "POST" else None
