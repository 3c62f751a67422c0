"""Any kind of task, not only mailings: its worker is killed midway and another worker runs it again."""

import pytest
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .support import SharedDatabase, kill, start_worker, stop, wait_for
from .tasks import sleep_then_mark

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_task_of_a_killed_worker_is_taken_up_by_another_within_the_lease(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    mark = tmp_path / "mark"
    result = sleep_then_mark.enqueue(seconds=1, path=str(mark))
    database = SharedDatabase(tmp_path)
    first = second = None
    try:
        first = start_worker(database, TASK_LEASE_SECONDS=1.5)
        wait_for(mark.with_suffix(".started").exists, timeout=60, what="the task to start")
        kill(first)
        assert not mark.exists()
        second = start_worker(database, TASK_LEASE_SECONDS=1.5)
        wait_for(mark.exists, timeout=60, what="another worker to finish the task")
        done = "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status = 'SUCCESSFUL'"
        wait_for(lambda: database.value(done), timeout=30, what="the task to be marked done")
    finally:
        for worker in (first, second):
            if worker:
                stop(worker)
        database.close()
    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert len(task.worker_ids) == 2  # started by the killed worker, finished by the other
