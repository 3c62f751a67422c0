"""Fetching a module safely and refusing in words: shared by the public and staff views."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from delaktig.participation.models import Module
from delaktig.participation.rules import allowed

from ..about import METHOD_KEY


def module_get(request, dialogue_id, module_id):
    """This municipality's map dialogue module in this dialogue, or 404."""
    qs = Module.objects.select_related("dialogue__municipality").prefetch_related("phases")
    return get_object_or_404(
        qs, pk=module_id, dialogue_id=dialogue_id, dialogue__municipality=request.municipality, method=METHOD_KEY
    )


def public_module_get(request, dialogue_id, module_id, *, phases=True):
    """As module_get, and the dialogue must be public (staff of the municipality see it earlier). Without `phases`
    the module's phases are not fetched with it (the map's data needs none)."""
    if phases:
        module = module_get(request, dialogue_id, module_id)
    else:
        module = get_object_or_404(
            Module.objects.select_related("dialogue__municipality"),
            pk=module_id,
            dialogue_id=dialogue_id,
            dialogue__municipality=request.municipality,
            method=METHOD_KEY,
        )
    if not allowed(request.user, "view", module):
        raise Http404("Dialogue not public")
    return module


def refuse(request, decision, *, next_url, back_url=None):
    """Send people who only need to log in to the login page; tell everyone else why not."""
    if decision.needs_login:
        return redirect_to_login(next_url)
    context = {"reason": decision.reason, "back_url": back_url or next_url}
    return render(request, "map_input/forbidden.html", context, status=403)


def module_context(module, **extra):
    return {"module": module, "dialogue": module.dialogue, **extra}
