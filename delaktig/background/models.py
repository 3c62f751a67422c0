"""A lease on a running task: the worker that runs it renews it every few seconds.

A task whose lease is not renewed in time belongs to a worker that died (killed, out of memory, the machine
gone): `leases.tasks_recover()` puts it back in the queue for another worker, however it stopped.
"""

from django.db import models
from django_tasks_db.models import DBTaskResult


class TaskLease(models.Model):
    task = models.OneToOneField(DBTaskResult, primary_key=True, on_delete=models.CASCADE, related_name="lease")
    worker_id = models.CharField(max_length=64)
    heartbeat_at = models.DateTimeField(db_index=True)
    attempts = models.PositiveIntegerField(default=1, help_text="How many times a worker has started the task")

    def __str__(self):
        return f"{self.task_id} held by {self.worker_id}"
