"""`make run`: the web server, a task worker and the periodic jobs, with e-mail kept in the demo inbox.

Ctrl-C (SIGINT) or SIGTERM stops every process; a process that dies is started again after a short wait.
"""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from delaktig.demo.mail import BACKEND
from delaktig.demo.processes import NAMES, demo_children
from delaktig.demo.supervisor import Supervisor


class Command(BaseCommand):
    help = "Run the demo: web server, task worker and periodic jobs together, until Ctrl-C."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=os.environ.get("PORT") or settings.PORT, help="Serve on this port.")
        parser.add_argument("--only", default=",".join(NAMES), help=f"Only these, comma-separated: {', '.join(NAMES)}.")
        parser.add_argument("--backoff", type=float, default=1.0, help="Seconds before a process that died restarts.")

    def handle(self, *args, port, only, backoff, **options):
        names = [name.strip() for name in only.split(",") if name.strip()]
        if not names or set(names) - set(NAMES):
            raise CommandError(f"--only takes some of: {', '.join(NAMES)}.")
        env = self.child_environment(str(port))
        self.stdout.write(f"Delaktig runs at {env['SITE_URL']}/ – e-mail goes to {env['SITE_URL']}/demo/inkorg/")
        self.stdout.write(
            f"TEST e-ID (fictitious people, never real e-ID) answers at {env['SITE_URL']}/test-e-legitimation/"
        )
        self.stdout.write("Stop everything with Ctrl-C.")
        self.stdout.flush()
        children = demo_children(port=port, only=names)
        Supervisor(children, manage_py=settings.BASE_DIR / "manage.py", env=env, backoff=backoff).run()

    @staticmethod
    def child_environment(port):
        env = dict(os.environ)
        env["PORT"] = port
        env["SITE_URL"] = (os.environ.get("SITE_URL") or f"http://127.0.0.1:{port}").rstrip("/")
        env["EMAIL_BACKEND"] = BACKEND
        env["TEST_EID_PROVIDER"] = "1"  # the demo's TEST e-ID provider (delaktig/identity/local_provider.py)
        env.setdefault("TASK_BACKEND", "django_tasks_db.DatabaseBackend")
        env["PYTHONUNBUFFERED"] = "1"
        return env
