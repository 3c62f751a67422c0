"""Background work that is stuck, or was given up: what the staff start page warns about."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from .leases import WORKER_LOST, dead_tasks
from .purposes import Purpose, purpose_of

SCAN_LIMIT = 50  # per state: describing a task costs a query, and the oldest ones say enough
GIVEN_UP_SHOWN_DAYS = 7


@dataclass(frozen=True)
class StuckTask:
    purpose: Purpose
    state: str  # "waiting", "running", "worker_lost" or "given_up"
    since: datetime


def stuck_tasks(*, municipality, now=None):
    """This municipality's tasks waiting or running far longer than they should, oldest first."""
    now = now or timezone.now()
    found = []
    for task, state, since in _stuck(now):
        purpose = purpose_of(task.task_path, (task.args_kwargs or {}).get("kwargs"))
        if purpose and purpose.municipality_id == municipality.pk:
            found.append(StuckTask(purpose=purpose, state=state, since=since))
    return sorted(found, key=lambda item: item.since)


def _stuck(now):
    waited = now - timedelta(minutes=settings.TASK_WAITING_WARNING_MINUTES)
    ran = now - timedelta(minutes=settings.TASK_RUNNING_WARNING_MINUTES)
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY, enqueued_at__lt=waited).filter(
        Q(run_after=get_date_max()) | Q(run_after__lt=waited)
    )
    for task in waiting.order_by("enqueued_at")[:SCAN_LIMIT]:
        yield task, "waiting", max(task.enqueued_at, task.run_after if task.run_after < now else task.enqueued_at)
    lost = {task.pk: task for task in dead_tasks(now=now)[:SCAN_LIMIT]}
    for task in lost.values():
        yield task, "worker_lost", task.started_at
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=ran).exclude(pk__in=lost)
    for task in running.order_by("started_at")[:SCAN_LIMIT]:
        yield task, "running", task.started_at
    given_up = DBTaskResult.objects.filter(
        status=TaskResultStatus.FAILED,
        exception_class_path=WORKER_LOST,
        finished_at__gte=now - timedelta(days=GIVEN_UP_SHOWN_DAYS),
    )
    for task in given_up.order_by("finished_at")[:SCAN_LIMIT]:
        yield task, "given_up", task.finished_at
