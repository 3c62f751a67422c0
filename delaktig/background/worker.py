"""A django_tasks_db worker that holds a lease on the task it runs and recovers the tasks of dead workers."""

import logging
import threading

from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker

from .leases import heartbeat_seconds, lease_release, lease_renew, lease_take, tasks_recover

logger = logging.getLogger(__name__)


class Repeating:
    """Call fn every `seconds` in a daemon thread until stopped; a failing call is logged and tried again."""

    def __init__(self, seconds, fn, name):
        self.seconds, self.fn = seconds, fn
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()
        self._thread.join(timeout=self.seconds + 5)

    def _loop(self):
        try:
            while not self._stop.wait(self.seconds):
                try:
                    self.fn()
                except Exception:
                    logger.exception("%s failed; trying again in %s s", self._thread.name, self.seconds)
        finally:
            connection.close()  # this thread's own connection


class LeasedWorker(Worker):
    def __init__(self, *, recover_every, **kwargs):
        super().__init__(**kwargs)
        self.recover_every = recover_every

    def run(self):
        recovery = Repeating(self.recover_every, tasks_recover, "task recovery").start()
        try:
            tasks_recover()
            super().run()
        finally:
            recovery.stop()

    def run_task(self, db_task_result):
        task_id, worker_id = db_task_result.pk, self.worker_id
        attempt = lease_take(task_id=task_id, worker_id=worker_id)
        if attempt > 1:
            logger.warning("Task %s (%s): attempt %s", task_id, db_task_result.task_path, attempt)
        heartbeat = Repeating(
            heartbeat_seconds(), lambda: lease_renew(task_id=task_id, worker_id=worker_id), "task heartbeat"
        ).start()
        try:
            super().run_task(db_task_result)
        finally:
            heartbeat.stop()
            lease_release(task_id=task_id, worker_id=worker_id)
