"""The staff workspace of a participatory budget: overview, review of the proposals, budgets and counting rule,
the result, moderation and the download."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.core.exports import COMMA, csv_response
from delaktig.dialogues.views.staff.common import post_data
from delaktig.organisations.permissions import staff_view
from delaktig.participation.models import Channel, ModerationStatus
from delaktig.participation.urls import module_url
from delaktig.participation.views_inputs import export_table, input_figures, moderate_view, moderation_view
from delaktig.participation.views_module import module_context, overview_context

from .. import selectors, services
from ..forms import BudgetForm, ReviewForm, RuleForm
from ..models import REFERENCE_PREFIX, Budget, Project, Review
from ..navigation import desk_url
from .common import module_get, staff_guard

ACTIONS = ("moderate", "enter_offline", "manage")


@require_GET
@staff_view()
def index(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    labels = input_figures(
        ("inputs", _("Proposals")),
        ("on_ballot", _("Proposals on the ballot")),
        ("ballots", _("Ballots")),
        ("voters", _("Voters")),
    )
    stats = selectors.stats(module)
    context = overview_context(
        request,
        module,
        stats,
        actions=ACTIONS,
        labels=labels,
        desk_url=desk_url(module),
        budgets=selectors.budgets_of(module),
        rule=dict(RuleForm.base_fields["rule"].choices).get(selectors.rule_of(module)),
    )
    return render(request, "budgeting/staff/index.html", context)


@require_GET
@staff_view()
def review(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    chosen = request.GET.get("granskning", "")
    chosen = chosen if chosen in Review.values else ""
    context = module_context(
        module, projects=selectors.projects_for_review(module, review=chosen), reviews=Review.choices, chosen=chosen
    )
    return render(request, "budgeting/staff/review.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def review_project(request, dialogue_id, module_id, project_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    project = get_object_or_404(Project.objects.select_related("budget", "district"), module=module, pk=project_id)
    initial = {"cost": project.cost or project.cost_estimate, "reason": project.review_reason}
    if project.review != Review.PENDING:
        initial["decision"] = project.review
    form = ReviewForm(post_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        feasible = data["decision"] == ReviewForm.FEASIBLE
        services.project_review(
            project=project, actor=request.user, feasible=feasible, cost=data.get("cost"), reason=data.get("reason", "")
        )
        messages.success(request, _("The review of “%(title)s” is saved.") % {"title": project.title})
        return redirect(module_url(module, "review", staff=True))
    return render(request, "budgeting/staff/review_project.html", module_context(module, project=project, form=form))


@require_GET
@staff_view()
def result(request, dialogue_id, module_id):
    module = module_get(request, dialogue_id, module_id)
    context = module_context(module, results=selectors.results(module), voting_over=selectors.voting_over(module))
    return render(request, "budgeting/staff/result.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def budgets(request, dialogue_id, module_id):
    """The budgets (name, amount, district) and the counting rule. A budget is added with the empty form below the
    list; the rule is saved with its own button."""
    module, refusal = staff_guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    data = post_data(request)
    rule_form = RuleForm(data if data and "rule" in data else None, initial={"rule": selectors.rule_of(module)})
    budget_form = BudgetForm(data if data and "rule" not in data else None, module=module, prefix="new")
    if request.method == "POST":
        if rule_form.is_bound and rule_form.is_valid():
            services.rule_set(module=module, rule=rule_form.cleaned_data["rule"], actor=request.user)
            messages.success(request, _("The counting rule is saved."))
            return redirect(module_url(module, "budgets", staff=True))
        if budget_form.is_bound and budget_form.is_valid():
            services.budget_save(budget=budget_form.save(commit=False), actor=request.user)
            messages.success(request, _("The budget is added."))
            return redirect(module_url(module, "budgets", staff=True))
    context = module_context(
        module,
        budgets=Budget.objects.filter(module=module).select_related("district"),
        rule_form=rule_form,
        budget_form=budget_form,
    )
    return render(request, "budgeting/staff/budgets.html", context)


@require_http_methods(["GET", "POST"])
@staff_view()
def budget_edit(request, dialogue_id, module_id, budget_id):
    """A budget's name, amount and district; changed while voting runs, the ballots already cast stay as they are
    and a ballot sent again is checked against the new amount."""
    module, refusal = staff_guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    budget = get_object_or_404(Budget, module=module, pk=budget_id)
    form = BudgetForm(post_data(request), instance=budget, module=module)
    if request.method == "POST" and form.is_valid():
        services.budget_save(budget=form.save(commit=False), actor=request.user)
        messages.success(request, _("The budget is saved."))
        return redirect(module_url(module, "budgets", staff=True))
    return render(request, "budgeting/staff/budget_edit.html", module_context(module, budget=budget, form=form))


moderation = moderation_view(selectors.INPUTS, template="budgeting/staff/moderation.html")
moderate = moderate_view(selectors.INPUTS)


@require_GET
@staff_view()
def export_csv(request, dialogue_id, module_id):
    module, refusal = staff_guard(request, dialogue_id, module_id, "manage")
    if refusal:
        return refusal
    rows = selectors.export_rows(module)
    columns = list(rows[0]) if rows else selectors.EXPORT_COLUMNS
    table = export_table(rows, columns, headers=EXPORT_HEADERS, reference_prefix=REFERENCE_PREFIX, choices=IN_WORDS)
    return csv_response(f"medborgarbudget-{module.pk}.csv", table, delimiter=COMMA)


EXPORT_HEADERS = {
    "id": _lazy("Reference"),
    "budget": _lazy("Budget"),
    "title": _lazy("Title"),
    "text": _lazy("Description"),
    "district": _lazy("Area"),
    "cost_estimate": _lazy("The proposer's estimate (kronor)"),
    "review": _lazy("Review"),
    "cost": _lazy("Cost (kronor)"),
    "review_reason": _lazy("Reason"),
    "channel": _lazy("Channel"),
    "received_on": _lazy("Date received"),
    "status": _lazy("Status"),
    "created": _lazy("Received"),
    "supports": _lazy("Supports"),
    "comments": _lazy("Comments"),
    "votes": _lazy("Votes"),
}
IN_WORDS = {"channel": Channel, "status": ModerationStatus, "review": Review}
