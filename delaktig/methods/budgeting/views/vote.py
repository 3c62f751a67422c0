"""Voting: the voter says which district they live in (once), then fills in a ballot per budget they vote in.

The ballot is a knapsack: a checkbox per project with its cost, and the money left. Without JavaScript the button
"Räkna om" sends the choices and the page comes back with the money left (and a clear error when the choice costs
more than the budget); with JavaScript (static/budgeting/ballot.js) the sum is updated as the voter ticks. The
voter may change the ballot until voting closes."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.participation.rules import allowed
from delaktig.participation.urls import module_url
from delaktig.participation.views_module import module_context, refuse

from .. import selectors, services
from ..forms import BallotForm, DistrictForm
from .common import budget_or_404, kronor, public_module_get

RECOUNT = "recount"


def _vote_guard(request, module):
    decision = allowed(request.user, "vote", module)
    if decision:
        return None
    return refuse(request, decision, next_url=request.get_full_path(), back_url=module_url(module, "index"))


def _needs_district(module):
    return any(budget.district_id for budget in selectors.budgets_of(module))


@require_http_methods(["GET", "POST"])
def district(request, dialogue_id, module_id):
    """The voter's budgets, and the district they live in when the module has budgets per district."""
    module = public_module_get(request, dialogue_id, module_id)
    refusal = _vote_guard(request, module)
    if refusal:
        return refusal
    voter = selectors.voter_district(module, request.user)
    asks = _needs_district(module)
    initial = {"district": voter.district_id} if voter else {}
    form = (
        DistrictForm(request.POST if request.method == "POST" else None, module=module, initial=initial)
        if asks
        else None
    )
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.district_declare(module=module, user=request.user, district=form.cleaned_data["district"])
        except services.BallotError as error:
            form.add_error("district", str(error))
        else:
            messages.success(request, _("Thank you. Now choose the projects you want in each budget."))
            return redirect(module_url(module, "district"))
    budgets = services.budgets_for_voter(module, request.user)
    rows = [(budget, selectors.ballot_of(budget, request.user)) for budget in budgets]
    context = module_context(module, form=form, voter=voter, rows=rows, asks=asks)
    return render(request, "budgeting/district.html", context)


def _ballot_context(module, budget, form, ballot):
    projects = selectors.projects_on_ballot(budget)
    total = form.total()
    return module_context(
        module,
        budget=budget,
        form=form,
        projects=projects,
        chosen=set(form.chosen()),
        total=total,
        left=budget.amount - total,
        over=total > budget.amount,
        amount_text=kronor(budget.amount),
        total_text=kronor(total),
        left_text=kronor(budget.amount - total),
        has_voted=ballot is not None,
    )


@require_http_methods(["GET", "POST"])
def ballot(request, dialogue_id, module_id, budget_id):
    module = public_module_get(request, dialogue_id, module_id)
    budget = budget_or_404(module, budget_id)
    refusal = _vote_guard(request, module)
    if refusal:
        return refusal
    if budget not in services.budgets_for_voter(module, request.user):
        if budget.district_id and selectors.voter_district(module, request.user) is None:
            return redirect(module_url(module, "district"))
        raise Http404("Not a budget this person votes in")
    projects = selectors.projects_on_ballot(budget)
    mine = selectors.ballot_of(budget, request.user)
    if request.method == "GET":
        form = BallotForm(budget=budget, projects=projects, initial={"projects": [str(pk) for pk in mine or ()]})
        return render(request, "budgeting/ballot.html", _ballot_context(module, budget, form, mine))
    form = BallotForm(request.POST, budget=budget, projects=projects)
    valid = form.is_valid()
    if request.POST.get("action") == RECOUNT or not valid:
        return render(request, "budgeting/ballot.html", _ballot_context(module, budget, form, mine))
    try:
        services.ballot_cast(budget=budget, user=request.user, project_ids=form.cleaned_data["projects"])
    except services.BallotError as error:
        form.add_error(None, str(error))
        return render(request, "budgeting/ballot.html", _ballot_context(module, budget, form, mine))
    return redirect(module_url(module, "ballot_done", budget.pk))


@require_GET
def ballot_done(request, dialogue_id, module_id, budget_id):
    module = public_module_get(request, dialogue_id, module_id)
    budget = budget_or_404(module, budget_id)
    chosen = selectors.ballot_of(budget, request.user)
    if chosen is None:
        raise Http404("No ballot")
    projects = [project for project in selectors.projects_on_ballot(budget) if project.pk in chosen]
    total = sum(project.cost for project in projects)
    others = [b for b in services.budgets_for_voter(module, request.user) if b.pk != budget.pk]
    context = module_context(
        module,
        budget=budget,
        projects=projects,
        total_text=kronor(total),
        others=others,
        can_change=bool(allowed(request.user, "vote", module)),
        reference=selectors.ballot_reference(budget, request.user),
        email=request.user.email,
    )
    return render(request, "budgeting/ballot_done.html", context)
