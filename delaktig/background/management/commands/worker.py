"""`manage.py worker`: run background tasks, with leases, so a task of a worker that died is taken up again.

Use it instead of django_tasks_db's `db_worker` (which takes the same options): run one or more on any
machine that reaches the database.
"""

from django.conf import settings
from django_tasks_db.management.commands import db_worker

from delaktig.background.worker import LeasedWorker


class Command(db_worker.Command):
    help = "Run background tasks with leases: tasks of workers that died are taken up again."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--recover-every",
            type=float,
            default=None,
            help="Seconds between looks for tasks of dead workers (default: a quarter of TASK_LEASE_SECONDS).",
        )

    def handle(self, *args, recover_every=None, **options):
        recover_every = recover_every or max(0.5, settings.TASK_LEASE_SECONDS / 4)
        # db_worker's handle() builds its Worker by the module's name: lend it ours for this call, rather than
        # copying its option handling and autoreload.
        original = db_worker.Worker
        db_worker.Worker = lambda **kwargs: LeasedWorker(recover_every=recover_every, **kwargs)
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = original
