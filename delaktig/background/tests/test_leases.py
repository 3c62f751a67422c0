"""Leases: a running task whose worker stops renewing its lease goes back in the queue, a few times at most."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from delaktig.background.leases import WORKER_LOST, lease_release, lease_renew, lease_take, tasks_recover
from delaktig.background.models import TaskLease
from delaktig.mailings.tasks import mailing_send_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_LEASE_SECONDS = 60
    settings.TASK_MAX_ATTEMPTS = 3


def running(*, started_seconds_ago, worker="w1"):
    result = mailing_send_task.enqueue(mailing_id=1)
    task = DBTaskResult.objects.get(pk=result.id)
    task.claim(worker)
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=timezone.now() - timedelta(seconds=started_seconds_ago))
    return DBTaskResult.objects.get(pk=task.pk)


def beat(task, *, seconds_ago, attempts=1, worker="w1"):
    TaskLease.objects.update_or_create(
        task=task,
        defaults={
            "worker_id": worker,
            "attempts": attempts,
            "heartbeat_at": timezone.now() - timedelta(seconds=seconds_ago),
        },
    )


def status(task):
    return DBTaskResult.objects.get(pk=task.pk).status


def test_a_task_whose_lease_ran_out_goes_back_in_the_queue(db_tasks):
    dead, alive = running(started_seconds_ago=300), running(started_seconds_ago=300)
    beat(dead, seconds_ago=61)
    beat(alive, seconds_ago=5)
    assert tasks_recover() == (1, 0)
    assert status(dead) == TaskResultStatus.READY and DBTaskResult.objects.ready().filter(pk=dead.pk).exists()
    assert status(alive) == TaskResultStatus.RUNNING
    assert tasks_recover() == (0, 0)  # once


def test_a_running_task_without_a_lease_is_recovered_after_the_lease_time(db_tasks):
    young, old = running(started_seconds_ago=10), running(started_seconds_ago=120)
    assert tasks_recover() == (1, 0)
    assert status(young) == TaskResultStatus.RUNNING and status(old) == TaskResultStatus.READY


def test_a_task_that_kills_its_worker_every_time_fails_after_the_last_attempt(db_tasks):
    task = running(started_seconds_ago=300)
    beat(task, seconds_ago=100, attempts=3)
    assert tasks_recover() == (0, 1)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED and task.exception_class_path == WORKER_LOST
    assert "stopped 3 times" in task.traceback


def test_taking_a_lease_counts_attempts_and_only_its_worker_renews_or_releases_it(db_tasks):
    task = running(started_seconds_ago=0)
    assert lease_take(task_id=task.pk, worker_id="w1") == 1
    assert lease_take(task_id=task.pk, worker_id="w2") == 2
    assert not lease_renew(task_id=task.pk, worker_id="w1")
    assert lease_renew(task_id=task.pk, worker_id="w2")
    lease_release(task_id=task.pk, worker_id="w1")
    assert TaskLease.objects.filter(task_id=task.pk).exists()
    lease_release(task_id=task.pk, worker_id="w2")
    assert not TaskLease.objects.filter(task_id=task.pk).exists()
