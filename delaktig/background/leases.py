"""Leases on running tasks, and taking up again the tasks of workers that died.

`manage.py worker` (worker.LeasedWorker) takes a lease as it starts a task and renews it every few seconds
from a second thread. A worker killed with SIGKILL, out of memory or on a machine that went away renews
nothing, so its tasks' leases run out. Every worker looks for such tasks every few seconds and puts them
back in the queue, where the next free worker takes them up. A task is started at most
`TASK_MAX_ATTEMPTS` times; after that it is marked failed, so one task that kills its worker every time
cannot keep the queue busy forever. Tasks must therefore be safe to run again (docs/architecture.md).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import TaskLease

logger = logging.getLogger(__name__)
WORKER_LOST = "delaktig.background.leases.WorkerLost"


class WorkerLost(Exception):
    """The worker running a task stopped too many times; recorded as the task's error."""


def lease_seconds():
    return settings.TASK_LEASE_SECONDS


def heartbeat_seconds():
    """Renew well within the lease, so a slow database round trip or two never loses it."""
    return max(0.2, lease_seconds() / 6)


def lease_take(*, task_id, worker_id, now=None):
    """The worker starts the task: the lease is its own; returns which attempt this is."""
    now = now or timezone.now()
    if not TaskLease.objects.filter(task_id=task_id).update(
        worker_id=worker_id, heartbeat_at=now, attempts=F("attempts") + 1
    ):
        TaskLease.objects.create(task_id=task_id, worker_id=worker_id, heartbeat_at=now)
    return TaskLease.objects.values_list("attempts", flat=True).get(task_id=task_id)


def lease_renew(*, task_id, worker_id):
    """False when another worker has taken the task over (this one was thought dead)."""
    renewed = TaskLease.objects.filter(task_id=task_id, worker_id=worker_id).update(heartbeat_at=timezone.now())
    if not renewed:
        logger.warning("Task %s was taken over by another worker while %s still ran it", task_id, worker_id)
    return bool(renewed)


def lease_release(*, task_id, worker_id):
    TaskLease.objects.filter(task_id=task_id, worker_id=worker_id).delete()


def dead_tasks(*, now=None):
    """Running tasks whose worker stopped renewing its lease (or never took one) within the lease time."""
    cutoff = (now or timezone.now()) - timedelta(seconds=lease_seconds())
    return (
        DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
        .filter(Q(lease__heartbeat_at__lt=cutoff) | Q(lease__isnull=True, started_at__lt=cutoff))
        .select_related("lease")
    )


def tasks_recover(*, now=None, limit=100):
    """Put the tasks of dead workers back in the queue, or fail those started too often.

    Each task is changed with one conditional UPDATE, so workers that look at the same moment recover a
    task once. Returns (recovered, failed).
    """
    now = now or timezone.now()
    recovered = failed = 0
    for task in dead_tasks(now=now)[:limit]:
        attempts = task.lease.attempts if hasattr(task, "lease") else 1
        same = DBTaskResult.objects.filter(pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at)
        if attempts >= settings.TASK_MAX_ATTEMPTS:
            failed += same.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=WORKER_LOST,
                traceback=f"The worker running this task stopped {attempts} times; it is not started again.\n",
            )
        elif same.update(status=TaskResultStatus.READY):
            recovered += 1
            logger.warning("Task %s (%s) taken up again: its worker stopped", task.pk, task.task_path)
    return recovered, failed
