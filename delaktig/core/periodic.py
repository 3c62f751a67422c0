"""Periodic jobs: what must happen every so often, run by one long-lived process (`manage.py periodic`).

Apps offer jobs through the hook `periodic_jobs`, so core names none of them. A job is a plain function without
arguments; what it returns is printed. Every job must be safe to run again at any time (after a restart each job
runs at once), and a job that fails is logged and tried again at its next turn: one broken job stops no other.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django import db
from django.conf import settings

from delaktig.core import hookspecs as core_hooks

logger = logging.getLogger("delaktig.periodic")

DAY = 24 * 60 * 60
TASK_RESULTS_KEEP_DAYS = 14


@dataclass(frozen=True)
class Job:
    name: str
    every: float  # seconds between two runs
    run: Callable[[], object]


def registered_jobs():
    """Every job the apps offer (hook `periodic_jobs`: () -> [(name, every_seconds, callable)])."""
    return [Job(name, every, fn) for hook in core_hooks.periodic_jobs.implementations() for name, every, fn in hook()]


def job_run(job, *, log):
    """Run one job; log what it returned, or the error. Returns whether it succeeded."""
    _close_connections(if_unusable=True)
    started = time.monotonic()
    try:
        result = job.run()
    except Exception:
        logger.exception("Periodic job %s failed; it runs again in %s s", job.name, int(job.every))
        log(f"{job.name}: failed (the error is logged above)")
        return False
    finally:
        _close_connections()  # a long-lived process must not keep a broken or stale connection
    log(f"{job.name}: {'done' if result is None else result} ({time.monotonic() - started:.1f} s)")
    return True


def _close_connections(*, if_unusable=False):
    """Close this thread's connections, but never one inside a transaction (a test's, or a caller's)."""
    for connection in db.connections.all(initialized_only=True):
        if connection.in_atomic_block:
            continue
        if if_unusable:
            connection.close_if_unusable_or_obsolete()
        else:
            connection.close()


def jobs_run_forever(jobs, *, log, should_stop, clock=time.monotonic, sleep=time.sleep, tick=1.0):
    """Run each job at once, then every `job.every` seconds, until should_stop() says so."""
    due = {job.name: clock() for job in jobs}
    while not should_stop():
        for job in jobs:
            if should_stop():
                return
            if due[job.name] <= clock():
                job_run(job, log=log)
                due[job.name] = clock() + job.every
        wait = min(due.values(), default=clock() + tick) - clock()
        if wait > 0:
            sleep(min(wait, tick))  # short naps, so a stop request is seen within a second


def task_results_prune():
    """Delete finished background-task results older than TASK_RESULTS_KEEP_DAYS (django_tasks_db's command)."""
    from django.core.management import call_command
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db.backend import DatabaseBackend

    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return "skipped: the task backend is not the database"
    days = getattr(settings, "TASK_RESULTS_KEEP_DAYS", TASK_RESULTS_KEEP_DAYS)
    call_command("prune_db_task_results", min_age_days=days, queue_name="*", verbosity=0)
    return f"finished task results older than {days} days deleted"


@core_hooks.periodic_jobs.register
def core_periodic_jobs():
    return [("task_results_prune", DAY, task_results_prune)]
