"""Changing the action plan, its goals and actions; following an action up per quarter; recording training and
appointing ambassadors. Every change leaves an audit event (its target the plan, the action or the board)."""

import datetime

from django.db import transaction
from django.utils import timezone

from delaktig.core.audit import audit_record

from .models import Action, ActionPlan, Ambassador, FollowUp, Goal, Training, TrainingRecord


def _audit(municipality, actor, action, target, **data):
    audit_record(municipality=municipality, actor=actor, action=f"actionplan.{action}", target=target, data=data)


@transaction.atomic
def plan_save(*, municipality, actor, plan=None, **values):
    plan = plan or ActionPlan(municipality=municipality)
    for name, value in values.items():
        setattr(plan, name, value)
    created = plan.pk is None
    plan.save()
    _audit(municipality, actor, "plan_create" if created else "plan_update", plan)
    return plan


@transaction.atomic
def goal_add(*, plan, actor, title, description=""):
    order = (plan.goals.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    goal = Goal.objects.create(plan=plan, title=title, description=description, order=order)
    _audit(plan.municipality, actor, "goal_add", plan, goal=goal.pk)
    return goal


@transaction.atomic
def action_save(*, goal, actor, action=None, **values):
    action = action or Action(goal=goal)
    action.goal = goal
    for name, value in values.items():
        setattr(action, name, value)
    created = action.pk is None
    action.save()
    _audit(goal.plan.municipality, actor, "action_add" if created else "action_update", action)
    return action


def current_quarter(today=None):
    today = today or timezone.localdate()
    return today.year, (today.month - 1) // 3 + 1


@transaction.atomic
def followup_record(*, action, actor, year, quarter, status, note):
    """The action's follow-up for one quarter (written again replaces it); the action takes the status."""
    found, _created = FollowUp.objects.update_or_create(
        action=action, year=year, quarter=quarter, defaults={"status": status, "note": note.strip(), "author": actor}
    )
    action.status = status
    action.save(update_fields=["status", "updated_at"])
    _audit(action.goal.plan.municipality, actor, "followup", action, year=year, quarter=quarter, status=status)
    return found


@transaction.atomic
def training_add(*, municipality, actor, name, description=""):
    training = Training.objects.create(municipality=municipality, name=name, description=description)
    _audit(municipality, actor, "training_add", training)
    return training


@transaction.atomic
def training_record(*, training, actor, person_name, completed_on, body=None, department=None):
    record = TrainingRecord.objects.create(
        training=training, person_name=person_name, completed_on=completed_on, body=body, department=department
    )
    _audit(training.municipality, actor, "training_record", training, person=person_name)
    return record


@transaction.atomic
def ambassador_appoint(*, body, actor, person_name, since):
    """The board's ambassador from `since`; the one before stops the day before."""
    for earlier in Ambassador.objects.select_for_update().filter(body=body, until__isnull=True):
        earlier.until = max(earlier.since, since - datetime.timedelta(days=1))
        earlier.save(update_fields=["until", "updated_at"])
    ambassador = Ambassador.objects.create(body=body, person_name=person_name, since=since)
    _audit(body.municipality, actor, "ambassador", body, person=person_name)
    return ambassador
