"""Staff pages of the action plan (goals, actions, quarterly follow-up, progress) and of training and ambassadors.
The democracy officer and the administrator change them; every staff role reads them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from delaktig.organisations.models import Role
from delaktig.organisations.permissions import staff_view

from .. import selectors, services
from ..forms import ActionForm, AmbassadorForm, FollowUpForm, GoalForm, PlanForm, TrainingForm, TrainingRecordForm

WRITE_ROLES = (Role.DEMOCRACY_OFFICER, Role.ADMINISTRATOR)
RECORD, AMBASSADOR = "record", "ambassador"  # the training page's forms, apart by prefix (their fields share names)


def _posted(request):
    return request.POST if request.method == "POST" else None


def _may_write(request):
    return bool(request.user.roles_in(request.municipality) & set(WRITE_ROLES))


def find_plan(request, pk):
    selectors.plan_get(municipality=request.municipality, pk=pk)


def find_action(request, pk):
    selectors.action_get(municipality=request.municipality, pk=pk)


def _overview_page(request, plan, goal_form=None, status=200):
    context = {
        "plan": plan,
        "may_write": _may_write(request),
        "progress": selectors.progress(plan) if plan else None,
        "goals": selectors.goals_with_actions(plan) if plan else [],
        "goal_form": goal_form or GoalForm(),
        "boards_missing": selectors.boards_without_ambassador(request.municipality),
    }
    return render(request, "actionplan/overview.html", context, status=status)


@require_GET
@staff_view()
def overview(request):
    return _overview_page(request, selectors.plan_current(request.municipality))


@require_http_methods(["GET", "POST"])
@staff_view(*WRITE_ROLES)
def plan_new(request):
    form = PlanForm(_posted(request), municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        services.plan_save(municipality=request.municipality, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The action plan is saved. Add its goals and actions."))
        return redirect("actionplan:overview", request.municipality.slug)
    return render(request, "actionplan/form.html", {"form": form, "title": _("New action plan")})


@require_http_methods(["GET", "POST"])
@staff_view(*WRITE_ROLES, find=find_plan)
def plan_edit(request, pk):
    plan = selectors.plan_get(municipality=request.municipality, pk=pk)
    form = PlanForm(_posted(request), instance=plan, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        fresh = selectors.plan_get(municipality=request.municipality, pk=pk)
        services.plan_save(municipality=request.municipality, actor=request.user, plan=fresh, **form.cleaned_data)
        messages.success(request, _("The changes are saved."))
        return redirect("actionplan:overview", request.municipality.slug)
    return render(request, "actionplan/form.html", {"form": form, "title": _("Change the action plan")})


@require_POST
@staff_view(*WRITE_ROLES, find=find_plan)
def goal_add(request, pk):
    plan = selectors.plan_get(municipality=request.municipality, pk=pk)
    form = GoalForm(request.POST)
    if form.is_valid():
        services.goal_add(plan=plan, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The goal is added."))
        return redirect("actionplan:overview", request.municipality.slug)
    return _overview_page(request, plan, goal_form=form)


@require_http_methods(["GET", "POST"])
@staff_view(*WRITE_ROLES, find=find_plan)
def action_new(request, pk):
    plan = selectors.plan_get(municipality=request.municipality, pk=pk)
    form = ActionForm(_posted(request), plan=plan, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        action = services.action_save(goal=values.pop("goal"), actor=request.user, **values)
        messages.success(request, _("The action is added."))
        return redirect("actionplan:action", request.municipality.slug, action.pk)
    return render(request, "actionplan/form.html", {"form": form, "title": _("New action")})


@require_http_methods(["GET", "POST"])
@staff_view(*WRITE_ROLES, find=find_action)
def action_edit(request, pk):
    action = selectors.action_get(municipality=request.municipality, pk=pk)
    plan = action.goal.plan
    form = ActionForm(_posted(request), instance=action, plan=plan, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        fresh = selectors.action_get(municipality=request.municipality, pk=pk)
        services.action_save(goal=values.pop("goal"), actor=request.user, action=fresh, **values)
        messages.success(request, _("The changes are saved."))
        return redirect("actionplan:action", request.municipality.slug, pk)
    return render(request, "actionplan/form.html", {"form": form, "title": _("Change the action")})


@require_http_methods(["GET", "POST"])
@staff_view(find=find_action)
def action(request, pk):
    """An action: its owner, deadline and status, its follow-ups per quarter, and the form for this quarter's."""
    found = selectors.action_get(municipality=request.municipality, pk=pk)
    year, quarter = services.current_quarter()
    initial = {"year": year, "quarter": quarter, "status": found.status}
    form = FollowUpForm(_posted(request), initial=initial)
    may_write = _may_write(request)
    if request.method == "POST":
        if not may_write:
            raise PermissionDenied("Role missing")
        if form.is_valid():
            services.followup_record(action=found, actor=request.user, **form.cleaned_data)
            messages.success(request, _("The follow-up is saved."))
            return redirect("actionplan:action", request.municipality.slug, pk)
    context = {
        "action": found,
        "overdue": selectors.is_overdue(found),
        "followups": found.followups.select_related("author"),
        "form": form,
        "may_write": may_write,
    }
    return render(request, "actionplan/action.html", context)


def _training_page(request, status=200, **forms):
    municipality = request.municipality
    context = {
        "may_write": _may_write(request),
        "trainings": selectors.trainings_of(municipality),
        "by_unit": selectors.training_by_unit(municipality),
        "boards": selectors.boards_with_ambassadors(municipality),
        "training_form": forms.get("training_form") or TrainingForm(),
        "record_form": forms.get("record_form") or TrainingRecordForm(municipality=municipality, prefix=RECORD),
        "ambassador_form": forms.get("ambassador_form") or AmbassadorForm(municipality=municipality, prefix=AMBASSADOR),
    }
    return render(request, "actionplan/training.html", context, status=status)


@require_GET
@staff_view()
def training(request):
    return _training_page(request)


@require_POST
@staff_view(*WRITE_ROLES)
def training_add(request):
    form = TrainingForm(request.POST)
    if form.is_valid():
        name = form.cleaned_data["name"].strip()
        if selectors.trainings_of(request.municipality).filter(name__iexact=name).exists():
            form.add_error("name", _("There is already a training with this name."))
        else:
            services.training_add(municipality=request.municipality, actor=request.user, name=name,
                                  description=form.cleaned_data["description"])  # fmt: skip
            messages.success(request, _("The training is added."))
            return redirect("actionplan:training", request.municipality.slug)
    return _training_page(request, training_form=form)


@require_POST
@staff_view(*WRITE_ROLES)
def training_record(request):
    form = TrainingRecordForm(request.POST, municipality=request.municipality, prefix=RECORD)
    if form.is_valid():
        services.training_record(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The training is recorded."))
        return redirect("actionplan:training", request.municipality.slug)
    return _training_page(request, record_form=form)


@require_POST
@staff_view(*WRITE_ROLES)
def ambassador_appoint(request):
    form = AmbassadorForm(request.POST, municipality=request.municipality, prefix=AMBASSADOR)
    if form.is_valid():
        services.ambassador_appoint(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The ambassador is saved."))
        return redirect("actionplan:training", request.municipality.slug)
    return _training_page(request, ambassador_form=form)
