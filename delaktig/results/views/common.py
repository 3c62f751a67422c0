"""Shared by the workspace views: the dialogue, the roles, refusing in words."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.dialogues.models import Dialogue, State
from delaktig.organisations.models import Role
from delaktig.organisations.permissions import staff_view

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


def workspace_view(view=None, *, edit=False):
    """Staff with a reading role; the dialogue of this municipality in a workspace state.

    POST always needs an editor; with edit=True the page itself is a form for a change and needs one too.
    """
    if view is None:
        return lambda v: workspace_view(v, edit=edit)

    @staff_view(*READ_ROLES, find=lambda request, dialogue_id, *args, **kwargs: dialogue_get(request, dialogue_id))
    @wraps(view)
    def wrapped(request, dialogue_id, *args, **kwargs):
        dialogue = dialogue_get(request, dialogue_id)
        if dialogue.state not in WORKSPACE_STATES:
            return not_available(request, dialogue)
        if edit or request.method == "POST":
            require_edit(request)
        return view(request, dialogue, *args, **kwargs)

    return wrapped


def context(request, dialogue, active, **extra):
    return {"dialogue": dialogue, "active": active, "may_edit": may_edit(request), **extra}
