"""Fetching a module and its meetings safely, and refusing in words: shared by the public and staff views."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from delaktig.participation.models import Module
from delaktig.participation.rules import allowed

from .. import selectors
from ..about import METHOD_KEY


def module_get(request, dialogue_id, module_id):
    """This municipality's dialogue-meetings module in this dialogue, or 404."""
    qs = Module.objects.select_related("dialogue__municipality").prefetch_related("phases")
    return get_object_or_404(
        qs, pk=module_id, dialogue_id=dialogue_id, dialogue__municipality=request.municipality, method=METHOD_KEY
    )


def public_module_get(request, dialogue_id, module_id):
    """As module_get, and the dialogue must be public (staff of the municipality see it earlier)."""
    module = module_get(request, dialogue_id, module_id)
    if not allowed(request.user, "view", module):
        raise Http404("Dialogue not public")
    return module


def meeting_or_404(module, meeting_id):
    meeting = selectors.meeting_get(module, meeting_id)
    if meeting is None:
        raise Http404("No such meeting")
    return meeting


def refuse(request, decision, *, next_url, back_url=None):
    """Send people who only need to log in to the login page; tell everyone else why not."""
    if decision.needs_login:
        return redirect_to_login(next_url)
    context = {"reason": decision.reason, "back_url": back_url or next_url}
    return render(request, "dialogue_meetings/forbidden.html", context, status=403)


def guard(request, dialogue_id, module_id, action):
    """The module for a staff page, and a 403 page with the reason when the person's role does not allow `action`
    (None when it does)."""
    module = module_get(request, dialogue_id, module_id)
    decision = allowed(request.user, action, module)
    if decision:
        return module, None
    return module, refuse(request, decision, next_url=request.get_full_path(), back_url=url("staff:index", module))


def url(name, module, *extra):
    """reverse() for this module: public names plain ("meeting"), staff names with "staff:" in front."""
    namespace = METHOD_KEY
    if name.startswith("staff:"):
        namespace, name = f"{METHOD_KEY}_staff", name.removeprefix("staff:")
    return reverse(
        f"{namespace}:{name}", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk, *extra]
    )


def module_context(module, **extra):
    return {"module": module, "dialogue": module.dialogue, **extra}
