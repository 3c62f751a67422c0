"""`manage.py periodic`: every job at its interval, a failing job logged without stopping the others."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks import task

from delaktig.core import hookspecs as core_hooks
from delaktig.core.periodic import Job, job_run, jobs_run_forever, registered_jobs, task_results_prune


@task()
def nothing():
    pass


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def test_the_apps_register_their_jobs():
    jobs = {job.name: job.every for job in registered_jobs()}
    assert jobs["proposals_expire"] == 600
    assert jobs["feedback_deadlines"] == 3600
    assert jobs["proposals_report"] == 24 * 3600
    assert jobs["task_results_prune"] == 24 * 3600
    assert jobs["demo_inbox_prune"] == 24 * 3600


def test_each_job_runs_at_once_and_then_at_its_interval(db):
    clock, runs = FakeClock(), []
    jobs = [
        Job("often", 10, lambda: runs.append(("often", clock.now))),
        Job("rare", 25, lambda: runs.append(("rare", clock.now))),
    ]
    jobs_run_forever(jobs, log=lambda line: None, should_stop=lambda: clock.now > 50, clock=clock, sleep=clock.sleep)
    assert [t for name, t in runs if name == "often"] == [0, 10, 20, 30, 40, 50]
    assert [t for name, t in runs if name == "rare"] == [0, 25, 50]


def test_a_failing_job_is_logged_and_the_others_go_on(db, caplog):
    clock, runs, lines = FakeClock(), [], []

    def broken():
        raise RuntimeError("the mail server is down")

    jobs = [Job("broken", 10, broken), Job("fine", 10, lambda: runs.append(clock.now))]
    jobs_run_forever(jobs, log=lines.append, should_stop=lambda: clock.now > 20, clock=clock, sleep=clock.sleep)
    assert runs == [0, 10, 20]
    assert lines.count("broken: failed (the error is logged above)") == 3
    assert "the mail server is down" in caplog.text and "Periodic job broken failed" in caplog.text


def test_a_job_that_returns_something_says_so(db):
    lines = []
    assert job_run(Job("counting", 60, lambda: {"sent": 2}), log=lines.append)
    assert lines[0].startswith("counting: {'sent': 2} (")


def test_the_command_runs_each_job_once(db):
    runs = []
    with core_hooks.periodic_jobs.temporarily(lambda: [("test_job", 5, lambda: runs.append(1))]):
        out = StringIO()
        call_command("periodic", "--once", "--job", "test_job", stdout=out)
        call_command("periodic", "--list", stdout=out)
    assert runs == [1]
    assert "test_job: done" in out.getvalue()
    assert out.getvalue().splitlines()[-1].split() == ["test_job", "every", "5", "s"]


def test_the_command_says_which_jobs_failed_and_which_do_not_exist(db):
    def broken():
        raise RuntimeError("boom")

    with core_hooks.periodic_jobs.temporarily(lambda: [("broken_job", 5, broken)]):
        with pytest.raises(CommandError, match="Failed: broken_job"):
            call_command("periodic", "--once", "--job", "broken_job", stdout=StringIO())
        with pytest.raises(CommandError, match="No periodic job called nothing"):
            call_command("periodic", "--once", "--job", "nothing", stdout=StringIO())


def test_old_finished_task_results_are_pruned(db, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_RESULTS_KEEP_DAYS = 14
    old, recent = nothing.enqueue(), nothing.enqueue()
    DBTaskResult.objects.filter(id=old.id).update(
        status="SUCCESSFUL", finished_at=timezone.now() - datetime.timedelta(days=15)
    )
    DBTaskResult.objects.filter(id=recent.id).update(
        status="SUCCESSFUL", finished_at=timezone.now() - datetime.timedelta(days=13)
    )
    task_results_prune()
    assert [str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)] == [str(recent.id)]


def test_pruning_task_results_is_skipped_without_the_database_backend(db):
    assert task_results_prune().startswith("skipped")


def test_every_registered_job_runs_on_a_fresh_database(municipality):
    out = StringIO()
    call_command("periodic", "--once", stdout=out)
    ran = {line.split(":")[0] for line in out.getvalue().splitlines()}
    assert ran == {job.name for job in registered_jobs()}
    assert "failed" not in out.getvalue()
