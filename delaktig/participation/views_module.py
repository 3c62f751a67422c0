"""What every method's pages share: the module from the URL (through the request's municipality), a refusal in
words, and the context of a module's pages. `method` is the method's key."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .models import Module
from .rules import allowed
from .urls import module_url


def module_get(request, dialogue_id, module_id, *, method, phases=True):
    """This municipality's module of `method` in this dialogue, or 404; with its phases unless `phases` is False."""
    qs = Module.objects.select_related("dialogue__municipality")
    if phases:
        qs = qs.prefetch_related("phases")
    return get_object_or_404(
        qs, pk=module_id, dialogue_id=dialogue_id, dialogue__municipality=request.municipality, method=method
    )


def public_module_get(request, dialogue_id, module_id, *, method, phases=True):
    """As module_get, and the dialogue must be public (staff of the municipality see it earlier)."""
    module = module_get(request, dialogue_id, module_id, method=method, phases=phases)
    if not allowed(request.user, "view", module):
        raise Http404("Dialogue not public")
    return module


def refuse(request, decision, *, next_url, back_url=None):
    """Send people who only need to log in to the login page; tell everyone else why not."""
    if decision.needs_login:
        return redirect_to_login(next_url)
    context = {"reason": decision.reason, "back_url": back_url or next_url}
    return render(request, "participation/forbidden.html", context, status=403)


def staff_guard(request, dialogue_id, module_id, action, *, method):
    """The module for a staff page, and a 403 page with the reason when the person's role does not allow `action`
    (None when it does)."""
    module = module_get(request, dialogue_id, module_id, method=method)
    decision = allowed(request.user, action, module)
    if decision:
        return module, None
    back_url = module_url(module, "index", staff=True)
    return module, refuse(request, decision, next_url=request.get_full_path(), back_url=back_url)


def post_guard(request, dialogue_id, module_id, *, method):
    """The module of a page where residents give input (the method's page "create"), and a refusal when the person
    may not give input now (None when they may)."""
    module = public_module_get(request, dialogue_id, module_id, method=method)
    decision = allowed(request.user, "post", module)
    if decision:
        return module, None
    next_url, back_url = module_url(module, "create"), module_url(module, "index")
    return module, refuse(request, decision, next_url=next_url, back_url=back_url)


def module_context(module, **extra):
    return {"module": module, "dialogue": module.dialogue, **extra}


def overview_context(request, module, stats, *, actions, labels, **extra):
    """The context of a method's staff overview: `stats` with their `labels` ((key, label) pairs) as `figures`,
    which of `actions` the person may take (`can`), and the phase running now."""
    return module_context(
        module,
        stats=stats,
        figures=[(label, stats[key]) for key, label in labels],
        can={action: bool(allowed(request.user, action, module)) for action in actions},
        phase=module.active_phase(),
        **extra,
    )
