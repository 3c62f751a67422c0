"""Reading the action plan: the current plan, its progress, the actions overdue; training per board and department;
the boards with and without a participation ambassador."""

from typing import Any

from django.http import Http404
from django.utils import timezone

from delaktig.organisations.models import Body

from .models import CLOSED, Action, ActionPlan, Ambassador, Status, Training, TrainingRecord

BOARD_KINDS = (Body.Kind.EXECUTIVE_BOARD, Body.Kind.COMMITTEE)  # each should have a participation ambassador


def plan_current(municipality, *, year=None):
    """The plan whose period covers `year` (this year), the latest if several; else the latest plan."""
    year = year or timezone.localdate().year
    plans = ActionPlan.objects.filter(municipality=municipality)
    return plans.filter(starts_year__lte=year, ends_year__gte=year).first() or plans.first()


def plan_get(*, municipality, pk):
    found = ActionPlan.objects.filter(municipality=municipality, pk=pk).first()
    if found is None:
        raise Http404("No such plan")
    return found


def action_get(*, municipality, pk):
    try:
        return Action.objects.select_related("goal__plan", "owner_department", "owner_body").get(
            goal__plan__municipality=municipality, pk=pk
        )
    except (Action.DoesNotExist, ValueError, TypeError):
        raise Http404("No such action") from None


def actions_of(plan):
    return list(
        Action.objects.filter(goal__plan=plan)
        .select_related("goal", "owner_department", "owner_body")
        .prefetch_related("followups")
        .order_by("goal__order", "goal_id", "deadline", "id")
    )


def is_overdue(action, today=None):
    return action.status not in CLOSED and action.deadline < (today or timezone.localdate())


def progress(plan, today=None):
    """{"total", each status's count, "done_share" (per cent, cancelled left out), "overdue"}."""
    today = today or timezone.localdate()
    actions = actions_of(plan)
    counts = {status: sum(1 for action in actions if action.status == status) for status in Status.values}
    counted = len(actions) - counts[Status.CANCELLED]
    return {
        "total": len(actions),
        **counts,
        "done_share": round(100 * counts[Status.DONE] / counted) if counted else 0,
        "overdue": sum(1 for action in actions if is_overdue(action, today)),
    }


def goals_with_actions(plan, today=None):
    """[(goal, [(action, overdue, latest follow-up or None)])]."""
    today = today or timezone.localdate()
    by_goal: dict[int, tuple[Any, list]] = {goal.pk: (goal, []) for goal in plan.goals.all()}
    for action in actions_of(plan):
        latest = next(iter(action.followups.all()), None)
        by_goal[action.goal_id][1].append((action, is_overdue(action, today), latest))
    return list(by_goal.values())


def trainings_of(municipality):
    return Training.objects.filter(municipality=municipality).prefetch_related("records")


def training_by_unit(municipality):
    """[(board or department name, {training name: people who took it})] for every unit with a record."""
    records = TrainingRecord.objects.filter(training__municipality=municipality).select_related(
        "training", "body", "department"
    )
    units: dict[str, dict[str, int]] = {}
    for record in records:
        unit = record.body.name if record.body else record.department.name if record.department else "–"
        units.setdefault(unit, {}).setdefault(record.training.name, 0)
        units[unit][record.training.name] += 1
    return sorted(units.items())


def boards_with_ambassadors(municipality, today=None):
    """[(board, current ambassador or None)] for every board (executive board and committees), by name."""
    today = today or timezone.localdate()
    boards = Body.objects.filter(municipality=municipality, kind__in=BOARD_KINDS).order_by("name")
    current = {}
    for ambassador in Ambassador.objects.filter(body__municipality=municipality, since__lte=today).order_by("since"):
        if ambassador.until is None or ambassador.until >= today:
            current[ambassador.body_id] = ambassador
    return [(board, current.get(board.pk)) for board in boards]


def boards_without_ambassador(municipality, today=None):
    return [board for board, ambassador in boards_with_ambassadors(municipality, today) if ambassador is None]
