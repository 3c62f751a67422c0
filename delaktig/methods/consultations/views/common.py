"""Fetching a module and its document safely, and refusing in words: shared by the public and staff views."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from delaktig.participation.models import Module
from delaktig.participation.rules import allowed

from ..about import METHOD_KEY
from ..models import Document


def module_get(request, dialogue_id, module_id):
    """This municipality's consultation module in this dialogue, or 404 (the municipality is the request's)."""
    qs = Module.objects.select_related("dialogue").prefetch_related("phases")
    module = get_object_or_404(
        qs, pk=module_id, dialogue_id=dialogue_id, dialogue__municipality=request.municipality, method=METHOD_KEY
    )
    module.dialogue.municipality = request.municipality
    return module


def public_module_get(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    if not allowed(request.user, "view", module):
        raise Http404("Dialogue not public")
    return module


def document_or_none(module):
    document = Document.objects.filter(module=module).first()
    if document is not None:
        document.module = module
    return document


def url(name, module, *args, public=False):
    """The URL of one of the method's pages for `module`: staff pages unless `public`."""
    namespace = METHOD_KEY if public else f"{METHOD_KEY}_staff"
    dialogue = module.dialogue
    return reverse(f"{namespace}:{name}", args=[dialogue.municipality.slug, dialogue.pk, module.pk, *args])


def refuse(request, decision, *, back_url):
    """Send people who only need to log in to the login page; tell everyone else why not."""
    if decision.needs_login:
        return redirect_to_login(request.get_full_path())
    return message(request, title=None, text=decision.reason, back_url=back_url, status=403)


def message(request, *, title, text, back_url=None, status=200):
    context = {"title": title, "text": text, "back_url": back_url}
    return render(request, "consultations/message.html", context, status=status)


def guard(request, dialogue_id, module_id, action, *more):
    """(module, None), or (module, a 403 page with the reason) when the person's role allows neither `action` nor
    any of `more`."""
    module = module_get(request, dialogue_id, module_id)
    decision = allowed(request.user, action, module)
    for other in more:
        decision = decision or allowed(request.user, other, module)
    if decision:
        return module, None
    return module, refuse(request, decision, back_url=module.dialogue.get_staff_url())


def context_of(module, **extra):
    return {"module": module, "dialogue": module.dialogue, "municipality": module.dialogue.municipality, **extra}
