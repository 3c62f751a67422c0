"""`make run` (manage.py run_demo): web server, task worker and periodic jobs start together, a child that dies is
started again, and Ctrl-C leaves no process behind."""

import os
import signal

import pytest

from delaktig.demo.processes import WORKER_COMMAND, demo_children

from .running import DemoRun, alive

pytestmark = [pytest.mark.shared_db]


def test_the_demo_runs_a_web_server_a_task_worker_and_the_periodic_jobs():
    children = demo_children(port=8123)
    assert [child.name for child in children] == ["web", "worker", "periodic"]
    assert children[0].argv == ["runserver", "127.0.0.1:8123", "--noreload"]
    assert children[1].argv == WORKER_COMMAND
    assert children[2].argv == ["periodic"]


def test_children_start_a_dead_one_restarts_and_ctrl_c_stops_them_all(shared_database_url):
    run = DemoRun(shared_database_url, backoff=0.2).start()
    try:
        run.wait_for(lambda: set(run.pids()) == {"web", "worker", "periodic"}, what="three children")
        first = run.pids()
        assert all(alive(pid) for pid in first.values())
        run.wait_until_serving()  # the web server answers, and EMAIL_BACKEND reached it: the demo inbox is on
        assert f"Delaktig runs at {run.url}/" in run.output()

        os.kill(first["worker"], signal.SIGKILL)
        run.wait_for(lambda: run.pids()["worker"] != first["worker"], what="the worker to start again")
        assert "worker stopped (killed by SIGKILL); starting it again in 0.2 s" in run.output()
        assert run.pids()["web"] == first["web"] and run.pids()["periodic"] == first["periodic"]
    finally:
        code = run.stop(signal.SIGINT)
    every_pid = [pid for _name, pid in run.started()]
    assert code == 0, run.output()
    assert "[run_demo] every process has stopped" in run.output()
    assert not [pid for pid in every_pid if alive(pid)], run.output()
    assert not run._reader.is_alive()  # nobody holds run_demo's output any more: no orphan


def test_sigterm_stops_them_all_too(shared_database_url):
    run = DemoRun(shared_database_url).start()
    try:
        run.wait_for(lambda: len(run.pids()) == 3, what="three children")
    finally:
        code = run.stop(signal.SIGTERM)
    assert code == 0, run.output()
    assert not [pid for _name, pid in run.started() if alive(pid)]


def test_the_children_get_the_port_the_links_and_the_demo_inbox(monkeypatch):
    from delaktig.demo.management.commands.run_demo import Command

    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setenv("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    env = Command.child_environment("8765")
    assert (env["PORT"], env["SITE_URL"]) == ("8765", "http://127.0.0.1:8765")
    assert env["EMAIL_BACKEND"] == "delaktig.demo.mail.DemoInboxBackend"
    assert env["TEST_EID_PROVIDER"] == "1"  # the TEST e-ID provider, only in the demo
    monkeypatch.setenv("SITE_URL", "https://demo.example/")
    assert Command.child_environment("8765")["SITE_URL"] == "https://demo.example"


def test_site_url_follows_port_when_not_set():
    import subprocess
    import sys

    from django.conf import settings

    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"} | {"PORT": "8765"}
    code = "import config.settings as s; print(s.SITE_URL)"
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True)
    assert out.stdout.strip() == "http://127.0.0.1:8765", out.stderr
