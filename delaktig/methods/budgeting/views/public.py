"""Public pages of participatory budgeting: the budgets and proposals, one proposal with its comments and support,
and the result."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from delaktig.participation.forms_inputs import CommentForm
from delaktig.participation.rules import allowed
from delaktig.participation.views_inputs import comment_view, detail_context, input_or_404, support_view
from delaktig.participation.views_module import module_context

from .. import selectors
from .common import public_module_get


@require_GET
def index(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    budgets = selectors.budgets_of(module)
    projects = list(selectors.projects_published(module))
    sections = [(budget, [p for p in projects if p.budget_id == budget.pk]) for budget in budgets]
    context = module_context(
        module,
        sections=sections,
        can_post=_offered(request.user, "post", module),
        can_vote=_offered(request.user, "vote", module),
        voting_over=selectors.voting_over(module),
        phase=module.active_phase(),
    )
    return render(request, "budgeting/index.html", context)


def _offered(user, action, module):
    """Whether to offer `action`: the person may take it, or may once logged in (the page asks them to)."""
    decision = allowed(user, action, module)
    return bool(decision) or decision.needs_login


def _detail(request, module, item, comment_form=None):
    comment_form = comment_form or CommentForm(dialogue=module.dialogue, user=request.user, names=selectors.INPUTS)
    context = detail_context(request, module, item, reads=selectors.INPUTS, comment_form=comment_form)
    return render(request, "budgeting/detail.html", context)


@require_GET
def input_detail(request, dialogue_id, module_id, input_id):
    module = public_module_get(request, dialogue_id, module_id)
    return _detail(request, module, input_or_404(selectors.INPUTS, request, module, input_id))


support = support_view(selectors.INPUTS)
comment = comment_view(selectors.INPUTS, detail=_detail, names=selectors.INPUTS)


@require_GET
def result(request, dialogue_id, module_id):
    """The result per budget, once voting is over (staff of the municipality see it while votes come in)."""
    module = public_module_get(request, dialogue_id, module_id)
    over = selectors.voting_over(module)
    if not over and not allowed(request.user, "manage", module):
        raise Http404("Voting is not over")
    context = module_context(module, results=selectors.results(module), voting_over=over)
    return render(request, "budgeting/result.html", context)


@require_GET
def districts(request, dialogue_id, module_id):
    """The municipality's districts with their shapes, the base of the map where a proposal's point is marked."""
    module = public_module_get(request, dialogue_id, module_id, phases=False)
    found = [
        {"type": "Feature", "id": area.pk, "geometry": area.geometry, "properties": {"name": area.name}}
        for area in module.municipality.areas.all()
        if area.geometry
    ]
    text = json.dumps({"type": "FeatureCollection", "features": found}, ensure_ascii=False)
    return HttpResponse(text, content_type="application/geo+json; charset=utf-8")
