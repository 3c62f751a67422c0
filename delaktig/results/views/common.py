"""Shared by the workspace views: the dialogue, the roles, refusing in words."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.dialogues.models import Dialogue, State
from delaktig.organisations.models import Role

EDIT_ROLES = (Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR)
READ_ROLES = (*EDIT_ROLES, Role.REGISTRAR)  # registrars read (they keep the records), never change
WORKSPACE_STATES = frozenset(
    {
        State.OPEN,
        State.CLOSED,
        State.RESULTS_COMPILED,
        State.MATTER_DECIDED,
        State.FEEDBACK_PUBLISHED,
        State.EVALUATED,
    }
)


def dialogue_get(request, dialogue_id):
    """This municipality's dialogue, or 404."""
    return get_object_or_404(
        Dialogue.objects.select_related("municipality"), pk=dialogue_id, municipality=request.municipality
    )


def may_edit(request):
    return request.user.has_role(request.municipality, *EDIT_ROLES)


def require_edit(request):
    if not may_edit(request):
        raise PermissionDenied("Registrars read the workspace but do not change it")


def not_available(request, dialogue):
    message = _("The results workspace opens when the dialogue opens. The dialogue is now “%(state)s”.") % {
        "state": dialogue.get_state_display()
    }
    context = {"dialogue": dialogue, "title": _("Results workspace"), "message": message}
    return render(request, "dialogues/staff/not_available.html", context, status=409)


def url(name, dialogue, *extra):
    return reverse(f"results:{name}", args=[dialogue.municipality.slug, dialogue.pk, *extra])


def posted(request):
    return request.POST if request.method == "POST" else None


def workspace_view(view):
    """Staff with a reading role; the dialogue of this municipality in a workspace state; POST needs an editor."""
    from functools import wraps

    from delaktig.organisations.permissions import staff_view

    @staff_view(*READ_ROLES)
    @wraps(view)
    def wrapped(request, dialogue_id, *args, **kwargs):
        dialogue = dialogue_get(request, dialogue_id)
        if dialogue.state not in WORKSPACE_STATES:
            return not_available(request, dialogue)
        if request.method == "POST":
            require_edit(request)
        return view(request, dialogue, *args, **kwargs)

    return wrapped


def context(request, dialogue, active, **extra):
    return {"dialogue": dialogue, "active": active, "may_edit": may_edit(request), **extra}
