"""Proposing a project: one form, then a confirmation with the reference."""

import uuid

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.participation.urls import module_url
from delaktig.participation.views_module import module_context

from .. import selectors, services
from ..forms import ProposalForm
from ..models import Project
from .common import post_guard, public_module_get


def _render(request, module, form, key):
    context = module_context(module, form=form, submission_key=key, has_map=selectors.has_map(module.municipality))
    return render(request, "budgeting/create.html", context)


@require_http_methods(["GET", "POST"])
def create(request, dialogue_id, module_id):
    module, refusal = post_guard(request, dialogue_id, module_id)
    if refusal:
        return refusal
    if request.method == "GET":
        return _render(request, module, ProposalForm(module=module, user=request.user), uuid.uuid4().hex)
    form = ProposalForm(request.POST, module=module, user=request.user)
    key = (request.POST.get("submission_key") or "")[:40] or uuid.uuid4().hex
    if not form.is_valid():
        return _render(request, module, form, key)
    data = form.cleaned_data
    item = services.project_propose(
        module=module,
        author=request.user,
        budget=data["budget"],
        title=data["title"],
        text=data["text"],
        where=form.where(),
        cost_estimate=data.get("cost_estimate"),
        submission_key=key,
        pseudonym=form.pseudonym(),
    )
    return redirect(module_url(module, "create_done", item.pk))


@require_GET
def create_done(request, dialogue_id, module_id, input_id):
    module = public_module_get(request, dialogue_id, module_id)
    if not request.user.is_authenticated:
        raise Http404("Only the proposer sees the confirmation")
    item = Project.objects.filter(module=module, pk=input_id, author=request.user).select_related("budget").first()
    if item is None:
        raise Http404("No such proposal")
    item.module = module
    return render(request, "budgeting/create_done.html", module_context(module, input=item))
