"""Run the periodic jobs the apps register (hook `periodic_jobs`), each at its own interval, until stopped.

One process is enough for a whole installation; run it next to the task worker (README: "Background and periodic
work"). A failing job is logged and tried again at its next turn. SIGINT or SIGTERM stops it between two jobs.
"""

import signal

from django.core.management.base import BaseCommand, CommandError

from delaktig.core.periodic import job_run, jobs_run_forever, registered_jobs


class Command(BaseCommand):
    help = "Run the periodic jobs (expiry of e-petitions, feedback deadlines, reports, retention) at their intervals."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and stop.")
        parser.add_argument("--job", action="append", default=[], help="Only this job (may be given again).")
        parser.add_argument("--list", action="store_true", dest="list_jobs", help="List the jobs and stop.")

    def handle(self, *args, once=False, job=(), list_jobs=False, **options):
        jobs = self._chosen(registered_jobs(), job)
        if list_jobs:
            for item in jobs:
                self.stdout.write(f"{item.name:24} every {int(item.every)} s")
            return
        if once:
            failed = [item.name for item in jobs if not job_run(item, log=self._log)]
            if failed:
                raise CommandError(f"Failed: {', '.join(failed)}")
            return
        names = ", ".join(f"{item.name} (every {int(item.every)} s)" for item in jobs)
        self._log(f"Running {len(jobs)} periodic jobs: {names}")
        jobs_run_forever(jobs, log=self._log, should_stop=self._stop_requested())

    def _chosen(self, jobs, names):
        unknown = set(names) - {item.name for item in jobs}
        if unknown:
            raise CommandError(f"No periodic job called {', '.join(sorted(unknown))}.")
        return [item for item in jobs if not names or item.name in names]

    def _log(self, line):
        self.stdout.write(line)
        self.stdout.flush()

    def _stop_requested(self):
        stop = []
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.append(True))
        return lambda: bool(stop)
