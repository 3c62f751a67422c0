"""Minimal public and staff pages of the dummy method: enough for central pages to link to and crawl."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from delaktig.organisations.permissions import staff_view
from delaktig.participation import views_module
from delaktig.participation.forms_inputs import CommentForm
from delaktig.participation.models import ModerationStatus, Module
from delaktig.participation.rules import allowed
from delaktig.participation.selectors_inputs import InputReads
from delaktig.participation.views_inputs import (
    comment_view,
    detail_context,
    input_or_404,
    moderate_view,
    moderation_view,
    support_view,
)

from . import selectors
from .models import DummyIdea, DummyInput


def module_get(request, dialogue_id, module_id):
    qs = Module.objects.select_related("dialogue__municipality")
    return get_object_or_404(
        qs, pk=module_id, dialogue_id=dialogue_id, dialogue__municipality=request.municipality, method=selectors.KEY
    )


def public_module_get(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    if not allowed(request.user, "view", module):
        raise Http404("Dialogue not public")
    return module


def published_comments(item):
    return item.comments.filter(status=ModerationStatus.PUBLISHED).order_by("created_at", "id")


@require_GET
def index(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    items = DummyInput.objects.published().filter(module=module)
    context = {"module": module, "dialogue": module.dialogue, "items": items}
    return render(request, "dummy_method/index.html", context)


@require_GET
def detail(request, dialogue_id, module_id, pk):
    module = public_module_get(request, dialogue_id, module_id)
    item = get_object_or_404(DummyInput.objects.published(), module=module, pk=pk)
    context = {"module": module, "dialogue": module.dialogue, "item": item, "comments": published_comments(item)}
    return render(request, "dummy_method/detail.html", context)


@require_GET
@staff_view()
def staff_index(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    labels = module.manifest.stat_labels
    figures = [(labels[key], value) for key, value in selectors.stats(module).items()]
    context = {"module": module, "dialogue": module.dialogue, "figures": figures}
    return render(request, "dummy_method/staff/index.html", context)


@require_GET
@staff_view()
def staff_moderation(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    if not allowed(request.user, "moderate", module):
        raise PermissionDenied("Role missing")
    pending = DummyInput.objects.filter(module=module, status=ModerationStatus.PENDING)
    return render(
        request, "dummy_method/staff/moderation.html", {"module": module, "dialogue": module.dialogue, "items": pending}
    )


@require_GET
@staff_view()
def staff_input(request, dialogue_id, module_id, input_id):
    module = module_get(request, dialogue_id, module_id)
    item = get_object_or_404(DummyInput, module=module, pk=input_id)
    return render(
        request, "dummy_method/staff/input.html", {"module": module, "dialogue": module.dialogue, "item": item}
    )


# Ideas (DummyIdea) through the pages participation shares for supported and commented inputs

IDEAS = InputReads(DummyIdea, method_name=selectors.NAME)


def _idea_page(request, module, item, comment_form=None):
    comment_form = comment_form or CommentForm(dialogue=module.dialogue, user=request.user, names=IDEAS)
    context = detail_context(request, module, item, reads=IDEAS, comment_form=comment_form)
    return render(request, "dummy_method/idea.html", context)


@require_GET
def idea(request, dialogue_id, module_id, input_id):
    module = views_module.public_module_get(request, dialogue_id, module_id, method=selectors.KEY)
    return _idea_page(request, module, input_or_404(IDEAS, request, module, input_id))


idea_support = support_view(IDEAS)
idea_comment = comment_view(IDEAS, detail=_idea_page, names=IDEAS)
idea_moderation = moderation_view(IDEAS, template="dummy_method/staff/idea_moderation.html")
idea_moderate = moderate_view(IDEAS)
